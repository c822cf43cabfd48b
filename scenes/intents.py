"""Intents: what a scene must show, not where. The solver (``scenes.solve``) turns them into coordinates.

A script may list ``intents`` beside (or instead of) explicit positions and actions:

- **placement**: ``place`` (one actor *on*, *under*, *inside*, *next to*, *left of*, *right of*, *in front
  of*, *behind*, *near* another, or at a ``distance``), ``arrange`` (a group in a *row*, a *circle*, a
  *stack*, *around* a target, *between* two), ``face`` (turn towards an actor, the camera, away, or each
  other);
- **events with causes**: ``knock_over``, ``hit``, ``drop_onto``, ``fall_off``, ``kick_to``, ``throw_to``,
  ``roll_down``, ``push``, ``chase``, ``meet``, ``run_around``, ``drive_along``, ``jump_onto``, ``sit_on``, ``go_to``,
  ``go_past``, ``leave``, ``topple``, ``do`` (any registry action, repeated if asked), and with the hands: ``pick_up``,
  ``carry``, ``put_down``, ``give``, ``ride`` (``hold`` is a state from the start, not an event in the sequence);
- **pacing**: events without times follow each other over the whole video (``together: true`` starts
  one with the previous event); subjects with nothing to do stay alive (``keep_alive`` asks it for a
  script with no events).

Framing is asked per shot with ``framing: {subjects, size}`` (``scenes.script.FramingIntent``).
Every model forbids unknown fields; references to actors are checked by ``SceneScript``.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

ActorRef = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z_][A-Za-z0-9_\-]*$")]
Time = Annotated[float, Field(ge=0.0, le=3600.0, allow_inf_nan=False)]
Metres = Annotated[float, Field(ge=0.0, le=1000.0, allow_inf_nan=False)]
Point = tuple[Annotated[float, Field(ge=-10_000, le=10_000)], Annotated[float, Field(ge=-10_000, le=10_000)],
              Annotated[float, Field(ge=-10_000, le=10_000)]]

RELATIONS = ("on", "under", "inside", "next_to", "left_of", "right_of", "in_front_of", "behind", "near")
PATTERNS = ("row", "circle", "stack", "around", "between", "pyramid", "spiral")
CHAINS = ("row", "stack", "circle", "pyramid", "spiral")  # arrangements whose members fall together when one is hit
IN_LINE = ("row", "circle", "spiral")  # … each onto the next (dominoes), not off one another (a tower)


class _Intent(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def actor_refs(self) -> list[tuple[str, str]]:
        """(field, actor id) pairs this intent names, for cross-reference checks."""
        out: list[tuple[str, str]] = []
        for name in ("subject", "target", "object", "agent", "onto", "along"):
            value = getattr(self, name, None)
            if isinstance(value, str) and value not in ("camera", "away", "each_other"):
                out.append((name, value))
        for many in ("subjects", "targets", "over"):
            for k, value in enumerate(getattr(self, many, None) or ()):
                out.append((f"{many}[{k}]", value))
        return out


def _yaml_on(value: object) -> object:
    return "on" if value is True else value  # YAML 1.1 reads a bare `on` as true


class Place(_Intent):
    """``subject`` stands in ``relation`` to ``target`` (an actor, or ``camera`` for in front of / left of it).

    ``distance`` is the gap in metres between their nearest sides (default: a natural gap)."""

    type: Literal["place"]
    subject: ActorRef
    relation: Annotated[Literal[RELATIONS], BeforeValidator(_yaml_on)]  # type: ignore[valid-type]
    target: ActorRef
    distance: Metres | None = None


class Arrange(_Intent):
    """``subjects`` in a ``pattern``: a row (along ``heading``), a circle, a stack (a tower), a pyramid (rows of
    one fewer on top of each other, each thing on two below), a spiral (winding out from the middle), around
    ``target`` (a ring), or between the two actors named in ``target`` and ``subjects[0]``'s neighbour."""

    type: Literal["arrange"]
    subjects: Annotated[list[ActorRef], Field(min_length=1, max_length=200)]
    pattern: Literal[PATTERNS]  # type: ignore[valid-type]
    target: ActorRef | None = None
    spacing: Metres | None = None  # gap between neighbours
    heading: Annotated[float, Field(ge=-360.0, le=360.0)] = 90.0  # a row runs along this compass heading

    @model_validator(mode="after")
    def _target_needed(self) -> Self:
        if self.pattern in ("around", "between") and self.target is None:
            raise ValueError(f"pattern {self.pattern} needs `target`")
        return self


class Face(_Intent):
    """``subject`` turns to face ``target``: an actor, ``camera``, ``away`` (from the camera) or ``each_other``."""

    type: Literal["face"]
    subject: ActorRef
    target: ActorRef


class _Event(_Intent):
    """Something that happens. Without ``start`` it follows the previous event (or starts with it when
    ``together``); without ``end`` it lasts its natural length."""

    start: Time | None = None
    end: Time | None = None
    together: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError(f"end ({self.end:g} s) must be after start ({self.start:g} s)")
        return self


VIAS = ("move", "drop", "throw", "kick")


class _SentAt(_Event):
    """``subject`` reaches ``target``. ``via`` says how a thing gets there when it does not roll or walk in:
    ``drop`` (it falls from ``height`` metres above the target's top and strikes it as it comes down), ``throw``
    (flung at it through the air) or ``kick`` (sent low and fast); by ``agent`` (a person) when one is named,
    else launched from ``distance`` metres away (by default nearer for small targets: eight times the target's
    height, 1.5 to 4 m)."""

    subject: ActorRef
    target: ActorRef
    via: Literal[VIAS] = "move"  # type: ignore[valid-type]
    agent: ActorRef | None = None
    height: Annotated[float, Field(gt=0.0, le=100.0)] = 2.0
    distance: Annotated[float, Field(gt=0.0, le=100.0)] | None = None


class KnockOver(_SentAt):
    """``subject`` moves into ``target`` (rolling, walking or running, or as ``via`` says) and knocks it over;
    anything in a chain behind the target (a row of dominoes, a tower) falls too."""

    type: Literal["knock_over"]


class Hit(_SentAt):
    """``subject`` (a thing: a ball, a stone) is sent at ``target`` and hits it, which stays standing (a wall, a
    car); ``via`` as for ``knock_over`` (``move``: it rolls in along the ground)."""

    type: Literal["hit"]
    via: Literal[VIAS] = "throw"  # type: ignore[valid-type]


class DropOnto(_Event):
    """``subject`` falls from ``height`` metres above ``target``'s top onto it."""

    type: Literal["drop_onto"]
    subject: ActorRef
    target: ActorRef
    height: Annotated[float, Field(gt=0.0, le=100.0)] = 2.0


class FallOff(_Event):
    """``subject`` starts on ``target``'s top at its edge and rolls (a ball) or slides off it, falling to the
    ground, or onto ``onto`` (which stands below that edge)."""

    type: Literal["fall_off"]
    subject: ActorRef
    target: ActorRef
    onto: ActorRef | None = None


class KickTo(_Event):
    """``subject`` walks up to ``object`` (a ball) and kicks it towards ``target`` (an actor or a point)."""

    type: Literal["kick_to"]
    subject: ActorRef
    object: ActorRef
    target: ActorRef | Point | None = None


class ThrowTo(_Event):
    """``subject`` throws ``object`` so that it lands at ``target``."""

    type: Literal["throw_to"]
    subject: ActorRef
    object: ActorRef
    target: ActorRef | Point


class RollDown(_Event):
    """``subject`` starts at the top of ``target`` (a ramp, stairs, a hill) and goes down it: something round rolls,
    anything else slides, unless ``rolls`` says it tumbles over and over like a ball (a boulder, a rock)."""

    type: Literal["roll_down"]
    subject: ActorRef
    target: ActorRef
    rolls: bool = False


class PushIt(_Event):
    """``subject`` walks up to ``target`` and pushes it along the ground, walking behind it, until it reaches
    ``to`` (an actor it ends up against, such as a wall, or a point); without ``to``, a few metres ahead."""

    type: Literal["push"]
    subject: ActorRef
    target: ActorRef
    to: ActorRef | Point | None = None

    def actor_refs(self) -> list[tuple[str, str]]:
        return super().actor_refs() + ([("to", self.to)] if isinstance(self.to, str) else [])


class Chase(_Event):
    """``subject`` chases ``target``, which runs away if it can."""

    type: Literal["chase"]
    subject: ActorRef
    target: ActorRef


class Meet(_Event):
    """``subjects`` walk towards each other and stop face to face."""

    type: Literal["meet"]
    subjects: Annotated[list[ActorRef], Field(min_length=2, max_length=20)]


class RunAround(_Event):
    """``subject`` runs ``laps`` circles around ``target``."""

    type: Literal["run_around"]
    subject: ActorRef
    target: ActorRef
    laps: Annotated[float, Field(gt=0.0, le=100.0)] = 2.0


class DriveAlong(_Event):
    """``subject`` (a vehicle) drives ``distance`` metres ahead (default: a street's length at its speed); ``along``:
    the road, bridge or roundabout it drives along, end to end on its top (round a roundabout's ring). ``turn``:
    it turns ``left`` or ``right`` on the way (at the middle of ``along``, a crossroads) or turns ``around`` (a
    U-turn) and drives back."""

    type: Literal["drive_along"]
    subject: ActorRef
    distance: Annotated[float, Field(gt=0.0, le=5000.0)] | None = None
    speed: Annotated[float, Field(gt=0.0, le=80.0)] = 8.0
    along: ActorRef | None = None
    turn: Literal["left", "right", "around"] | None = None


class JumpOnto(_Event):
    """``subject`` jumps up onto ``target``'s top (a table, a crate, a wall)."""

    type: Literal["jump_onto"]
    subject: ActorRef
    target: ActorRef


class SitOn(_Event):
    """``subject`` walks to ``target`` (a seat) and sits on it."""

    type: Literal["sit_on"]
    subject: ActorRef
    target: ActorRef


class GoTo(_Event):
    """``subject`` walks (or runs) to ``target``: an actor or a point."""

    type: Literal["go_to"]
    subject: ActorRef
    target: ActorRef | Point
    gait: Literal["walk", "run"] = "walk"


class GoPast(_Event):
    """``subject`` walks, runs or drives past ``targets`` (one thing, or a row of them): from before the first
    to beyond the last, close by on the camera's side."""

    type: Literal["go_past"]
    subject: ActorRef
    targets: Annotated[list[ActorRef], Field(min_length=1, max_length=100)]
    gait: Literal["walk", "run"] = "walk"


class Leave(_Event):
    """``subject`` leaves ``target``: it starts just outside it, on the camera's side (out of a house, away from a
    bench), and walks, runs or drives ``distance`` metres away from it (by default 6 m on foot, 15 m by vehicle),
    across the view so it stays in frame."""

    type: Literal["leave"]
    subject: ActorRef
    target: ActorRef
    gait: Literal["walk", "run"] = "walk"
    distance: Annotated[float, Field(gt=0.0, le=500.0)] | None = None


class Topple(_Event):
    """``subject`` falls over by itself."""

    type: Literal["topple"]
    subject: ActorRef


class Do(_Event):
    """``subject`` does a registry ``action`` (wave, dance, jump, spin, bounce, idle…), ``repeat`` times or,
    with ``repeat: 0``, until the end of the event."""

    type: Literal["do"]
    subject: ActorRef
    action: Annotated[str, Field(min_length=1, max_length=40)]
    target: ActorRef | None = None
    repeat: Annotated[int, Field(ge=0, le=1000)] = 1


class PickUpIt(_Event):
    """``subject`` walks to ``object`` (something graspable: a cup, a box, a ball, a bag), reaches down and picks it
    up; it holds it from then on."""

    type: Literal["pick_up"]
    subject: ActorRef
    object: ActorRef


class HoldIt(_Intent):
    """``subject`` holds ``object`` in its hands from ``start`` (the start of the video): a state, not an event."""

    type: Literal["hold"]
    subject: ActorRef
    object: ActorRef
    start: Time = 0.0


class Carry(_Event):
    """``subject`` carries ``object`` to ``target`` (an actor or a point), picking it up first if it does not hold
    it yet."""

    type: Literal["carry"]
    subject: ActorRef
    object: ActorRef
    target: ActorRef | Point


class PutDownIt(_Event):
    """``subject`` puts the ``object`` it holds down on ``target``'s top (a table, a crate), walking there first,
    or on the ground in front of it without a target."""

    type: Literal["put_down"]
    subject: ActorRef
    object: ActorRef
    target: ActorRef | None = None


class GiveIt(_Event):
    """``subject`` hands the ``object`` it holds to ``target`` (a person), walking up to them first."""

    type: Literal["give"]
    subject: ActorRef
    object: ActorRef
    target: ActorRef


class RideOn(_Event):
    """``subject`` (a person) gets onto ``object`` (a horse, a bicycle, a motorbike, a tractor, a rowing boat) and
    rides it to ``target`` (past it, with ``past``), or ``distance`` metres ahead (default: as far as it goes at a
    walk, or a ride's pace, in the time); ``along``: the road, sidewalk or bridge it rides along, end to end, on its
    top; ``over``: what it then leaps over in one arc (parked cars a stunt rider jumps, from the foot of a ramp). A
    rider with nothing to do before a ride along a path, on the water or given no ``start`` is on the mount from
    the start."""

    type: Literal["ride"]
    subject: ActorRef
    object: ActorRef
    target: ActorRef | Point | None = None
    distance: Annotated[float, Field(gt=0.0, le=5000.0)] | None = None
    past: bool = False
    along: ActorRef | None = None
    over: Annotated[list[ActorRef], Field(min_length=1, max_length=20)] | None = None


class KeepAlive(_Intent):
    """Pacing: ``subjects`` (people and animals) stay alive whenever they have nothing else to do — a few steps
    out and back, a look around — instead of standing frozen (scripts with events get this for everyone)."""

    type: Literal["keep_alive"]
    subjects: Annotated[list[ActorRef], Field(min_length=1, max_length=200)]
    roam: bool = True  # False: only look about, never step away (a flock by the fence stays by it)


Intent = Annotated[
    Place | Arrange | Face | KnockOver | Hit | DropOnto | FallOff | KickTo | ThrowTo | RollDown | PushIt | Chase | Meet
    | RunAround | DriveAlong | JumpOnto | SitOn | GoTo | GoPast | Leave | Topple | Do | PickUpIt | HoldIt | Carry
    | PutDownIt | GiveIt | RideOn | KeepAlive,
    Field(discriminator="type"),
]
PLACEMENT_TYPES = (Place, Arrange, Face, HoldIt)
EVENT_TYPES = (KnockOver, Hit, DropOnto, FallOff, KickTo, ThrowTo, RollDown, PushIt, Chase, Meet, RunAround, DriveAlong,
               JumpOnto, SitOn, GoTo, GoPast, Leave, Topple, Do, PickUpIt, Carry, PutDownIt, GiveIt, RideOn)


def intent_subjects(intent: object) -> list[str]:
    """The actor ids an intent is about (its ``subject`` or ``subjects``)."""
    subjects = getattr(intent, "subjects", None) or []
    subject = getattr(intent, "subject", None)
    return [s for s in [*([subject] if isinstance(subject, str) else []), *subjects] if isinstance(s, str)]


class FramingIntent(BaseModel):
    """What a shot must show: ``subjects`` (actor ids) at ``size``, the subjects' height as a share of the
    frame height: ``close_up`` (>= 0.5), ``medium`` (0.25–0.5), ``wide`` (0.08–0.25) or a number."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    subjects: Annotated[list[ActorRef], Field(min_length=1, max_length=50)]
    size: Literal["close_up", "medium", "wide"] | Annotated[float, Field(gt=0.0, le=2.0)] = "medium"

    def share(self) -> float:
        """The height share aimed at: the middle of the named band, or the given number."""
        return SIZE_AIM[self.size] if isinstance(self.size, str) else float(self.size)

    def band(self) -> tuple[float, float]:
        """The (low, high) height share the world check accepts."""
        if isinstance(self.size, str):
            return SIZE_BANDS[self.size]
        return self.size * 0.7, self.size * 1.4


SIZE_BANDS = {"close_up": (0.5, 10.0), "medium": (0.25, 0.5), "wide": (0.08, 0.25)}
SIZE_AIM = {"close_up": 0.65, "medium": 0.36, "wide": 0.16}
