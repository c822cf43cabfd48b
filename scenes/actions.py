"""The action registry: one entry per action, the one place that says what an action is.

An entry names the action's schema model (in ``scenes.script``), its natural length when a script gives
no ``end``, whether it moves the actor's root, which pose layer it drives, its physics effect (with the
limb and time of contact for strikes), which rigs can do it, and which of its fields name other actors.
The catalog's per-asset action lists, natural lengths, reference checks and the planners' vocabulary of
actions all read this table, so adding an action is one model, one entry, its motion code and its tests.

This module imports nothing from ``scenes.script`` at import time (the schema imports the catalog, which
reads this table); ``ActionEntry.model`` looks the model up when first asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

Rig = Literal["prop", "humanoid", "quadruped", "bird"]
PoseLayer = Literal["gait", "upper_body", "full_body", "head"]
ALL: tuple[Rig, ...] = ("prop", "humanoid", "quadruped")
LIVING: tuple[Rig, ...] = ("humanoid", "quadruped")


@dataclass(frozen=True)
class Contact:
    """When and with what a strike meets its target: ``limb`` (a joint name or ``body``) at ``time`` seconds
    after the action's start."""

    limb: str
    time: float


@dataclass(frozen=True)
class PhysicsEffect:
    """What an action does to physics bodies: an ``impulse`` on a target, or ``attach``/``release`` a held thing."""

    kind: Literal["impulse", "attach", "release"]
    contact: Contact | None = None


@dataclass(frozen=True)
class ActionEntry:
    """One action: see the module docstring. ``natural_duration`` is ``None`` for actions that last until
    the end of the video (or of the next action) when no ``end`` is given."""

    type: str
    summary: str
    rigs: tuple[Rig, ...]
    natural_duration: float | None = None
    root_motion: bool = False
    pose_layer: PoseLayer | None = None
    physics: PhysicsEffect | None = None
    references: tuple[str, ...] = ()

    @property
    def model(self) -> type:
        """The pydantic model of this action in the scene-script schema."""
        return _models()[self.type]


def _entries(*entries: ActionEntry) -> dict[str, ActionEntry]:
    return {e.type: e for e in entries}


ACTIONS: dict[str, ActionEntry] = _entries(
    ActionEntry("bounce", "hop up and down in arcs", ALL, root_motion=True),
    ActionEntry("spin", "turn continuously about an axis", ALL, root_motion=True),
    ActionEntry("move_to", "travel in a straight line to a point", ALL, root_motion=True),
    ActionEntry("orbit", "circle around a point or an actor", ALL, root_motion=True, references=("center",)),
    ActionEntry("roll", "roll along the ground to a point", ("prop",), 3.0, root_motion=True),
    ActionEntry("follow_path", "travel along a smooth path through waypoints", ALL, root_motion=True,
                pose_layer="gait"),
    ActionEntry("fly_to", "fly in an arc to a point", ALL, 3.0, root_motion=True),
    ActionEntry("fall", "topple over about the base edge", ALL, 1.0, root_motion=True),
    ActionEntry("turn_to", "turn on the spot to face an actor, a point or a heading", ALL, 0.8, root_motion=True,
                references=("target",)),
    ActionEntry("push", "shove a physics body (or oneself) with an impulse", ("prop", "humanoid"), 0.8,
                pose_layer="upper_body", physics=PhysicsEffect("impulse", Contact("r_hand", 0.0)),
                references=("target",)),
    ActionEntry("idle", "stand and breathe, shifting weight", LIVING, pose_layer="full_body"),
    ActionEntry("walk_to", "walk to a point or up to an actor", LIVING, root_motion=True, pose_layer="gait",
                references=("to",)),
    ActionEntry("run_to", "run to a point or up to an actor", LIVING, root_motion=True, pose_layer="gait",
                references=("to",)),
    ActionEntry("follow", "chase another actor, keeping a distance behind it", LIVING, root_motion=True,
                pose_layer="gait", references=("target",)),
    ActionEntry("jump", "crouch, leap and land", LIVING, root_motion=True, pose_layer="full_body"),
    ActionEntry("wave", "raise a hand and wave", ("humanoid",), 2.5, pose_layer="upper_body"),
    ActionEntry("dance", "dance to a beat", ("humanoid",), pose_layer="full_body"),
    ActionEntry("sit", "sit down on a seat or at a height", LIVING, pose_layer="full_body", references=("seat",)),
    ActionEntry("look_at", "turn the head to follow an actor or a point", LIVING, pose_layer="head",
                references=("target",)),
    # full-body moves (scenes/moves.py): motion capture retargeted to the rig, and a procedural football kick
    ActionEntry("kick", "kick a ball (or the air) with one foot: wind-up, swing, follow-through", ("humanoid",),
                1.2, root_motion=True, pose_layer="full_body", physics=PhysicsEffect("impulse", Contact("r_foot", 0.5)),
                references=("target",)),
    ActionEntry("punch", "throw a punch", ("humanoid",), 2.1, root_motion=True, pose_layer="full_body",
                physics=PhysicsEffect("impulse", Contact("r_hand", 0.83)), references=("target",)),
    ActionEntry("cartwheel", "turn a cartwheel to the left", ("humanoid",), 2.7, root_motion=True,
                pose_layer="full_body"),
    ActionEntry("backflip", "a standing backflip", ("humanoid",), 1.75, root_motion=True, pose_layer="full_body"),
    ActionEntry("forward_roll", "roll forward over a shoulder and stand up", ("humanoid",), 2.0, root_motion=True,
                pose_layer="full_body"),
    ActionEntry("crawl", "crawl forward on hands and knees", ("humanoid",), root_motion=True,
                pose_layer="full_body"),
    ActionEntry("get_up", "get up from lying on the ground", ("humanoid",), 3.8, root_motion=True,
                pose_layer="full_body"),
    # hands and riding (scenes/hold.py): a held prop's place follows the hand, resolved once into the timeline
    ActionEntry("pick_up", "reach for a graspable prop, grip it and lift it into the hold pose", ("humanoid",), 1.8,
                pose_layer="upper_body", physics=PhysicsEffect("attach", Contact("r_hand", 0.8)),
                references=("object",)),
    ActionEntry("hold", "hold a prop in the hand from the start", ("humanoid",), pose_layer="upper_body",
                physics=PhysicsEffect("attach", Contact("r_hand", 0.0)), references=("object",)),
    ActionEntry("put_down", "set a held prop down on a surface or the ground and let go", ("humanoid",), 1.6,
                pose_layer="upper_body", physics=PhysicsEffect("release", Contact("r_hand", 0.8)),
                references=("object", "onto")),
    ActionEntry("give", "hand a held prop to another person", ("humanoid",), 2.0, pose_layer="upper_body",
                physics=PhysicsEffect("release", Contact("r_hand", 1.0)), references=("object", "to")),
    ActionEntry("ride", "sit astride a horse, a bicycle or a motorbike and move with it", ("humanoid",),
                pose_layer="full_body", references=("mount",)),
    # birds (scenes/birds.py): wings beat, glide and flare from the flight path; these two add the landings
    ActionEntry("perch", "take off, fly and land on top of something", ("bird",), 2.0, root_motion=True,
                pose_layer="full_body", references=("onto",)),
    ActionEntry("hop", "hop along the ground", ("bird",), 1.5, root_motion=True, pose_layer="full_body"),
)


@cache
def _models() -> dict[str, type]:
    import typing

    from scenes import script

    union = typing.get_args(typing.get_args(script.Action)[0])
    return {typing.get_args(m.model_fields["type"].annotation)[0]: m for m in union}


def actions_for(rig: Rig) -> tuple[str, ...]:
    """The actions an asset of ``rig`` can do, in registry order."""
    return tuple(name for name, e in ACTIONS.items() if rig in e.rigs)


def natural_duration(action_type: str) -> float | None:
    """The natural length of an action given no ``end`` (``None``: until the end of the video)."""
    entry = ACTIONS.get(action_type)
    return entry.natural_duration if entry is not None else None


def reference_fields() -> tuple[str, ...]:
    """Every field name that, in some action, names another actor."""
    return tuple(sorted({f for e in ACTIONS.values() for f in e.references}))
