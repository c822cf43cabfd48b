"""The world check: does the compiled timeline show a world that makes sense, and what the script asked?

It runs on the :class:`~scenes.timeline.Timeline` exactly, without rendering, and reports every problem
as one located line (``actors[car_2] overlaps actors[car] by 1.36 m from 0.0 s to 15.0 s``):

- ``floating``: an actor's base is on nothing (not the ground, not a prop's top, not a seat) and it is
  neither falling nor rising, for longer than ``float_s``; fliers, hanging things and buoyant things on
  water are exempt. A seated person must sit on something.
- ``interpenetration``: solid pieces of two actors overlap deeper than ``penetration_m`` for more than
  ``penetration_frames`` frames, apart from a sitter and its seat, a thing and what it rests on, a
  person on a walkable prop and a thing inside a container.
- ``framing``: every shot's subjects are in frame at their asked size, and a shot's target actor is in
  frame and not a speck, for ``in_frame_share`` of the shot.
- ``idle``: no subject stands still with nothing to do for more than ``idle_share`` of the video.
- ``events``: every event intent happened (see :mod:`scenes.check_events`).
- ``camera``: every moving shot made its move.

Every limit is a field of :class:`CheckLimits`, which the report prints.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from scenes import contact
from scenes.actions import ACTIONS
from scenes.catalog import asset
from scenes.contact import GROUND, NOTHING, Contacts, Pieces, Support
from scenes.hold import HELD_M, grips
from scenes.intents import intent_subjects
from scenes.motion import natural_end
from scenes.view import Boxes, View, actor_boxes, actor_views, part_matrices

__all__ = ["FRAMING_SIZES", "Check", "CheckLimits", "CheckReport", "World", "check_timeline"]

FRAMING_SIZES: dict[str, tuple[float, float]] = {
    "close_up": (0.5, np.inf),
    "medium": (0.25, 0.5),
    "wide": (0.08, 0.25),
}
"""Subject height as a share of the frame height, per framing size name."""

# their subjects must keep busy
ONGOING_EVENTS = ("chase", "run_around", "go_to", "go_past", "leave", "meet", "drive_along", "do")
STILL_ACTIONS = ("idle", "look_at")  # actions that do not count as doing something (a held sit does)
_NO_JOINT_LIFE = ("tail",)  # joints whose constant motion (a wagging tail) is not activity


class CheckLimits(BaseModel):
    """Every threshold of the world check, in metres, seconds, degrees and shares (0..1)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    float_s: float = Field(0.3, description="longest an unsupported, hovering actor is allowed")
    rest_m: float = Field(0.05, description="largest gap under a base that still counts as resting on a surface")
    sink_m: float = Field(0.08, description="how far a base may sink into a surface and still rest on it")
    still_mps: float = Field(0.05, description="vertical speed under which an unsupported actor hovers")
    penetration_m: float = Field(0.03, description="deepest overlap of two solids that is allowed")
    penetration_frames: int = Field(3, description="frames an overlap may last")
    in_frame_share: float = Field(0.7, description="share of a shot its subjects must be in frame (and at size)")
    speck_share: float = Field(0.05, description="smallest height share of the frame a shot target may have")
    size_tolerance: float = Field(0.3, description="relative tolerance of a framing size given as a number "
                                  "(when the framing intent gives no band of its own)")
    idle_share: float = Field(0.5, description="largest share of the video a subject may be idle")
    idle_mps: float = Field(0.05, description="root speed that counts as moving")
    idle_turn_dps: float = Field(10.0, description="turning speed that counts as moving")
    idle_joint_dps: float = Field(30.0, description="joint speed that counts as moving (waving, dancing)")
    touch_m: float = Field(0.03, description="largest gap at which two actors touch")
    tip_deg: float = Field(45.0, description="tilt from upright that counts as toppled")
    kick_m: float = Field(1.0, description="distance a kicked object must travel towards its target")
    near_m: float = Field(1.5, description="gap at which a mover has reached its goal or met another")
    moved_m: float = Field(0.1, description="displacement that counts as moved (a pushed target)")
    lap_deg: float = Field(300.0, description="turn around the target that counts as one lap")
    move_share: float = Field(0.7, description="share of an asked camera move that must happen")


class Check(BaseModel):
    """One check: whether it passed, its headline figure, and one located line per finding."""

    name: str
    passed: bool
    figure: str
    findings: list[str] = Field(default_factory=list)


class CheckReport(BaseModel):
    """The world check of one timeline: every check with its figure and findings, and the limits used."""

    passed: bool
    seconds: float
    limits: CheckLimits
    checks: list[Check]

    @property
    def findings(self) -> list[str]:
        """Every finding of every check, in check order."""
        return [line for c in self.checks for line in c.findings]

    def check(self, name: str) -> Check:
        """The check called ``name`` (``floating``, ``interpenetration``, ``events``…)."""
        return next(c for c in self.checks if c.name == name)

    def summary(self) -> list[str]:
        """One line per check (``floating: ok (0 of 4 actors float)``) followed by its findings."""
        lines = []
        for c in self.checks:
            lines.append(f"{c.name}: {'ok' if c.passed else 'FAILED'} ({c.figure})")
            lines += [f"  check: {f}" for f in c.findings]
        return lines


def spans(mask: np.ndarray, bridge: int = 0) -> list[tuple[int, int]]:
    """Runs of True in ``mask`` (F,) as (first, last + 1) frame pairs; gaps of up to ``bridge`` frames join runs."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(np.int8), [0]])))
    runs = [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]
    merged: list[tuple[int, int]] = []
    for a, b in runs:
        if merged and a - merged[-1][1] <= bridge:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


MAX_SPANS = 3  # more spans than this of one problem become one line


def span_lines(world: World, runs: list[tuple[int, int]], what: str, amount: Callable[[int, int], float],
               unit: str = "m") -> list[str]:
    """One line per run (``{what} 0.52 m from 1.0 s to 3.0 s``), or a single summary line for many runs."""
    if len(runs) <= MAX_SPANS:
        return [f"{what.format(f'{amount(a, b):.2f} {unit}')} {world.when(a, b)}" for a, b in runs]
    worst = max(amount(a, b) for a, b in runs)
    total = sum(b - a for a, b in runs) / world.fps
    return [f"{what.format(f'up to {worst:.2f} {unit}')} in {len(runs)} spans {world.when(runs[0][0], runs[-1][1])} "
            f"({total:.1f} s in all)"]


@dataclass
class World:
    """The compiled timeline with the geometry every check shares, computed once and on demand."""

    timeline: object
    limits: CheckLimits

    @property
    def fps(self) -> float:
        """Frames per second."""
        return float(self.timeline.script.fps)

    @property
    def ids(self) -> list[str]:
        """Actor ids in array order."""
        return [a.id for a in self.timeline.actors]

    def index(self, actor_id: str) -> int | None:
        """Array index of an actor id, ``None`` if there is none."""
        return self.ids.index(actor_id) if actor_id in self.ids else None

    def when(self, first: int, last: int) -> str:
        """``from 1.0 s to 3.5 s`` for frames ``first`` to ``last`` (exclusive)."""
        return f"from {first / self.fps:.1f} s to {last / self.fps:.1f} s"

    def name(self, i: int) -> str:
        """``actors[id]`` for an actor index, ``the ground`` for GROUND."""
        return "the ground" if i == GROUND else f"actors[{self.ids[i]}]"

    @cached_property
    def part_matrices(self) -> dict[int, np.ndarray]:
        """People's and animals' posed part matrices by actor index (forward kinematics, done once)."""
        return {i: part_matrices(self.timeline, i) for i, a in enumerate(self.timeline.actors)
                if a.id in self.timeline.poses}

    @cached_property
    def boxes(self) -> Boxes:
        """Posed boxes of every actor."""
        return actor_boxes(self.timeline, mats=self.part_matrices)

    @cached_property
    def pieces(self) -> Pieces:
        """Solid pieces of every actor."""
        return contact.solid_pieces(self.timeline, self.boxes, self.part_matrices)

    @cached_property
    def support(self) -> Support:
        """What each actor rests on per frame."""
        return contact.support_of(self.timeline, self.boxes, self.contacts, self.limits.rest_m, self.limits.sink_m)

    @cached_property
    def view(self) -> View:
        """The camera's view of the actors the shots frame or aim at (the only ones the checks look at through
        the camera; every other actor's view is empty)."""
        filmed = [i for shot in self.timeline.script.camera.shots
                  for sid in [*_framing_subjects(shot)[0], *([shot.target] if isinstance(shot.target, str) else [])]
                  if (i := self.index(sid)) is not None]
        return actor_views(self.timeline, self.boxes, filmed)

    @cached_property
    def seats(self) -> dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Sitters by index: seated frames (F,), what they sit on (F,) and the pelvis height above it (F,)."""
        out = {}
        for i, a in enumerate(self.timeline.actors):
            if a.id in self.timeline.poses and any(act.type == "sit" for act in a.actions):
                owner, height = contact.seat_under(self.timeline, i, contact.pelvis_positions(self.timeline, i))
                out[i] = (contact.sitting_frames(self.timeline, i), owner, height)
        return out

    @cached_property
    def held(self) -> np.ndarray:
        """(F, N): frames each actor is held in a hand (its holding palms at it)."""
        return contact.held_frames(self.timeline, self.boxes, HELD_M)

    @cached_property
    def riding(self) -> np.ndarray:
        """(F, N): frames each rider sits on its mount's saddle."""
        return contact.riding_frames(self.timeline, HELD_M)

    @cached_property
    def contacts(self) -> Contacts:
        """Pieces of different actors within reach of each other, with their signed overlap."""
        return contact.contacts_of(self.pieces, self.boxes, max(self.limits.touch_m, self.limits.rest_m))

    def pair_depth(self, i: int, j: int) -> np.ndarray:
        """Deepest overlap (F,) between actors ``i`` and ``j`` per frame (-inf where they are apart)."""
        c = self.contacts
        out = np.full(len(self.timeline.times), -np.inf)
        pick = (c.a == min(i, j)) & (c.b == max(i, j))
        np.maximum.at(out, c.frames[pick], c.depth[pick])
        return out

    def seated_on(self, settled: bool = True) -> np.ndarray:
        """(F, N): the actor each sitter is settled on (or, not ``settled``, sitting down on or getting up
        from: the seat it ends up on), NOTHING when not sitting on an actor."""
        f, n = self.boxes.centre.shape[:2]
        out = np.full((f, n), NOTHING)
        for i, (seated, owner, _) in self.seats.items():
            if settled:
                out[:, i] = np.where(seated, owner, NOTHING)
                continue
            sitting = contact.sitting_frames(self.timeline, i, settled=False)
            for a, b in spans(sitting):
                landed = owner[a:b][seated[a:b]]
                out[a:b, i] = landed[0] if len(landed) else NOTHING
        return out


def _exempt_from_floating(world: World, i: int) -> bool:
    traits = asset(world.timeline.actors[i].asset).traits
    return traits.flies or traits.hangs or not world.timeline.actors[i].visible


def check_floating(world: World) -> Check:
    """Nothing floats: unsupported, not falling or rising, for longer than ``float_s``; sitters sit on something."""
    tl, lim = world.timeline, world.limits
    sup = world.support
    seated = world.seated_on(settled=False)
    vz = np.gradient(tl.positions[..., 2], axis=0) * world.fps if len(tl.times) > 1 else np.zeros_like(sup.gap)
    # a held prop is supported by the hand, a rider by its saddle
    hovering = (sup.on == NOTHING) & (seated == NOTHING) & (np.abs(vz) <= lim.still_mps) & ~world.held & ~world.riding
    for i in world.seats:  # a sitter is judged by what it sits on (below), not by its dangling feet
        hovering[:, i] &= ~contact.sitting_frames(tl, i, settled=False)
    findings, floaters = [], 0
    for i in range(len(tl.actors)):
        if _exempt_from_floating(world, i):
            continue
        runs = [(a, b) for a, b in spans(hovering[:, i], bridge=1) if (b - a) / world.fps > lim.float_s]
        if runs:
            under = int(sup.under[(runs[0][0] + runs[0][1]) // 2, i])
            where = "the ground" if under == GROUND else f"{world.name(under)}'s top"
            lines = span_lines(world, runs, f"{world.name(i)} floats {{}} above {where}",
                               lambda a, b, i=i: float(np.median(sup.gap[a:b, i])))
        else:
            lines = []
        lines += _sitting_on_nothing(world, i)
        floaters += bool(lines)
        findings += lines
    return Check(name="floating", passed=not findings, figure=f"{floaters} of {len(tl.actors)} actors float",
                 findings=findings)


def _sitting_on_nothing(world: World, i: int) -> list[str]:
    """Findings for a sitter whose pelvis is over no seat, surface or ground, or beside the seat it names."""
    if i not in world.seats:
        return []
    seated, owner, _ = world.seats[i]
    pelvis = contact.pelvis_positions(world.timeline, i)
    named = {act.seat for act in world.timeline.actors[i].actions if act.type == "sit" and act.seat}
    lines = []
    for a, b in spans(seated & (owner == NOTHING)):
        lines.append(f"{world.name(i)} sits on nothing (pelvis {float(np.median(pelvis[a:b, 2])):.2f} m up) "
                     f"{world.when(a, b)}")
    for seat in sorted(named):
        j = world.index(seat)
        if j is None:
            continue
        for a, b in spans(seated & (owner != j) & (owner != NOTHING)):
            on = int(np.bincount(owner[a:b] - GROUND).argmax()) + GROUND  # what it sits on most of the span
            lines.append(f"{world.name(i)} sits on {world.name(on)}, not on its seat {world.name(j)} "
                         f"{world.when(a, b)}")
    return lines


def _excluded_pairs(world: World) -> Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]:
    """A mask function over (frames, a, b) of contacts that are not interpenetration: seats, supports,
    people on walkable props, things inside containers, hidden actors, anything in water (a stone thrown into the
    lake, a wading dog: water is not a solid)."""
    tl = world.timeline
    on = world.support.on
    seated = world.seated_on(settled=False)
    actors = tl.actors
    rig = np.array([a.id in tl.poses for a in actors], dtype=bool)
    walkable = np.array([asset(a.asset).traits.walkable for a in actors], dtype=bool)
    container = np.array([asset(a.asset).traits.container is not None for a in actors], dtype=bool)
    floors = [asset(a.asset).traits.place for a in actors]
    place = np.array([f is not None for f in floors], dtype=bool)
    floor_mid = np.array([(*f.centre, f.height) if f else (0.0, 0.0, 0.0) for f in floors]).reshape(-1, 3)
    floor_half = np.array([(f.size[0] / 2, f.size[1] / 2) if f else (0.0, 0.0) for f in floors]).reshape(-1, 2)
    hidden = ~np.array([a.visible for a in actors], dtype=bool)
    water = np.array([asset(a.asset).traits.water is not None for a in actors], dtype=bool)  # not solid
    boxes = world.boxes
    hands = _hands_on(world)

    def inside(frames: np.ndarray, inner: np.ndarray, outer: np.ndarray) -> np.ndarray:
        rel = boxes.centre[frames, inner] - boxes.centre[frames, outer]
        local = np.einsum("sji,sj->si", boxes.axes[frames, outer], rel)
        return container[outer] & np.all(np.abs(local) <= boxes.half[frames, outer], axis=-1)

    def on_floor(frames: np.ndarray, thing: np.ndarray, where: np.ndarray) -> np.ndarray:
        """A thing standing on the floor of a place (a chair in a room): the floor meets it, the walls do not."""
        scale = tl.scales[frames, where]
        mid = tl.positions[frames, where] + np.einsum("sij,sj->si", boxes.axes[frames, where],
                                                      floor_mid[where] * scale)
        local = np.einsum("sji,sj->si", boxes.axes[frames, where], boxes.centre[frames, thing] - mid)
        within = np.all(np.abs(local[:, :2]) <= floor_half[where] * scale[:, :2], axis=-1)
        low = boxes.bottom[frames, thing] <= mid[:, 2] + world.limits.rest_m
        return place[where] & within & low

    def excluded(frames: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return ((on[frames, a] == b) | (on[frames, b] == a) | (seated[frames, a] == b) | (seated[frames, b] == a)
                | (rig[a] & walkable[b]) | (rig[b] & walkable[a]) | hidden[a] | hidden[b] | water[a] | water[b]
                | inside(frames, a, b) | inside(frames, b, a) | in_hands(frames, a, b)
                | on_floor(frames, a, b) | on_floor(frames, b, a))

    def in_hands(frames: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        out = np.zeros(len(frames), dtype=bool)
        for (i, j), when in hands.items():
            pick = ((a == i) & (b == j)) | ((a == j) & (b == i))
            out[pick] |= when[frames[pick]]
        return out

    return excluded


def _hands_on(world: World) -> dict[tuple[int, int], np.ndarray]:
    """Frames (F,) by (actor, actor) pair: a person with a prop in hand from reaching for it to letting it go (the
    bent body meets it as it is lifted; an open umbrella's canopy is over the head, a guitar against the body),
    and a rider astride its mount (the legs round its body)."""
    tl = world.timeline
    out: dict[tuple[int, int], np.ndarray] = {}

    def add(i: int, j: int, when: np.ndarray) -> None:
        out[(i, j)] = out.get((i, j), np.zeros(len(tl.times), dtype=bool)) | when

    for g in grips(tl.actors, tl.script.duration):
        add(world.index(g.holder), world.index(g.prop), (tl.times >= g.reach) & (tl.times <= g.done))
    for i, a in enumerate(tl.actors):
        for act in a.actions:
            if act.type == "ride":
                add(i, world.index(act.mount),
                    (tl.times >= act.start) & (tl.times <= natural_end(act, tl.script.duration)))
    return out


def check_interpenetration(world: World) -> Check:
    """Nothing interpenetrates: overlaps deeper than ``penetration_m`` for more than ``penetration_frames``."""
    lim = world.limits
    deep = world.contacts.where(world.contacts.depth > lim.penetration_m)
    deep = deep.where(~_excluded_pairs(world)(deep.frames, deep.a, deep.b))
    frames, a, b, depth = deep.frames, deep.a, deep.b, deep.depth
    findings, pairs = [], 0
    n = len(world.timeline.times)
    for lo, hi in sorted(set(zip(a.tolist(), b.tolist(), strict=True))):
        pick = (a == lo) & (b == hi)
        per_frame = np.zeros(n)
        np.maximum.at(per_frame, frames[pick], depth[pick])
        runs = [(s, e) for s, e in spans(per_frame > 0, bridge=2) if e - s > lim.penetration_frames]
        lines = span_lines(world, runs, f"{world.name(hi)} overlaps {world.name(lo)} by {{}}",
                           lambda s, e, d=per_frame: float(d[s:e].max()))
        pairs += bool(lines)
        findings += lines
    return Check(name="interpenetration", passed=not findings, figure=f"{pairs} pairs of actors overlap",
                 findings=findings)


def _size_band(framing: object, tolerance: float) -> tuple[float, float]:
    """The (low, high) height share a framing intent accepts: its own band, or the named band, or the
    asked number within ``tolerance``."""
    if hasattr(framing, "band"):
        return framing.band()
    size = framing.size
    if isinstance(size, str):
        return FRAMING_SIZES[size]
    return float(size) * (1.0 - tolerance), float(size) * (1.0 + tolerance)


def _band_text(lo: float, hi: float) -> str:
    return f">= {lo:.0%}" if hi > 5.0 else f"{lo:.0%} to {hi:.0%}"


def _shot_frames(world: World) -> list[tuple[int, object, np.ndarray]]:
    """(index, shot, frame mask) of every shot the video shows."""
    shots = world.timeline.script.camera.shots
    return [(k, shot, world.timeline.shot_index == k) for k, shot in enumerate(shots)
            if (world.timeline.shot_index == k).any()]


def _framing_subjects(shot: object) -> tuple[list[str], object | None]:
    """The actor ids a shot's framing intent names, and the intent (``[]``, ``None`` without one)."""
    framing = getattr(shot, "framing", None)
    subjects = getattr(framing, "subjects", None)
    if subjects is None:
        return [], None
    return list(subjects), framing


def check_framing(world: World) -> Check:
    """Shot subjects in frame at their framing size; a shot's target actor in frame and not a speck."""
    lim = world.limits
    view = world.view
    findings, asked, failed = [], 0, 0
    for k, shot, sel in _shot_frames(world):
        where = f"camera.shots[{k}]"
        span = world.when(int(np.flatnonzero(sel)[0]), int(np.flatnonzero(sel)[-1]) + 1)
        subjects, framing = _framing_subjects(shot)
        target = shot.target if isinstance(shot.target, str) else None
        for sid in dict.fromkeys([*subjects, *([target] if target else [])]):
            i = world.index(sid)
            if i is None:
                findings.append(f"{where}: framing subject {sid!r} is not an actor")
                continue
            asked += 1
            before = len(findings)
            seen = view.in_frame[sel, i]
            share = view.height_share[sel, i]
            if seen.mean() < lim.in_frame_share:
                findings.append(f"{where}: {world.name(i)} is in frame for {seen.mean():.0%} of the shot ({span}; "
                                f"asked >= {lim.in_frame_share:.0%})")
            elif sid in subjects:
                lo, hi = _size_band(framing, lim.size_tolerance)
                at_size = seen & (share >= lo) & (share <= hi)
                if at_size.mean() < lim.in_frame_share:
                    findings.append(f"{where}: {world.name(i)} is {float(np.median(share[seen])):.0%} of the frame "
                                    f"height (median), asked {framing.size} ({_band_text(lo, hi)}) for "
                                    f"{lim.in_frame_share:.0%} of the shot; at size {at_size.mean():.0%} ({span})")
            elif (seen & (share >= lim.speck_share)).mean() < lim.in_frame_share:
                findings.append(f"{where}: {world.name(i)} is a speck: {float(np.median(share[seen])):.1%} of the "
                                f"frame height (median; asked >= {lim.speck_share:.0%}) ({span})")
            failed += len(findings) > before
    return Check(name="framing", passed=not findings, figure=f"{asked - failed} of {asked} shot subjects framed",
                 findings=findings)


def intents_of(script: object) -> list[object]:
    """The script's intents (an empty list for scripts without them)."""
    return list(getattr(script, "intents", None) or [])


def _activity(world: World, i: int) -> np.ndarray:
    """(F,) bool: frames where actor ``i`` moves, turns, moves its limbs or performs an action."""
    tl, lim = world.timeline, world.limits
    fps = world.fps
    active = np.zeros(len(tl.times), dtype=bool)
    if len(tl.times) > 1:
        speed = np.linalg.norm(np.gradient(tl.positions[:, i], axis=0), axis=1) * fps
        turn = np.abs(np.gradient(np.unwrap(np.radians(tl.hpr[:, i]), axis=0), axis=0)).max(axis=1)
        active |= (speed > lim.idle_mps) | (np.degrees(turn) * fps > lim.idle_turn_dps)
        actor = tl.actors[i]
        if actor.id in tl.poses:
            from scenes.catalog import model

            joints = [k for k, j in enumerate(model(actor.asset).joints)
                      if not any(w in j.name for w in _NO_JOINT_LIFE)]
            rot = tl.poses[actor.id].rotations[:, joints]
            active |= np.abs(np.gradient(rot, axis=0)).max(axis=(1, 2)) * fps > lim.idle_joint_dps
    for act in tl.actors[i].actions:
        entry = ACTIONS.get(act.type)
        end = natural_end(act, tl.script.duration)
        if act.type == "sit":  # sitting where the script asks is what the subject is doing, as long as it sits
            pass
        elif act.type in STILL_ACTIONS or (entry is not None and entry.root_motion):
            continue  # root motion counts where it really moves the actor (measured above)
        active |= (tl.times >= act.start) & (tl.times <= end)
    return active


def check_idle(world: World) -> Check:
    """No subject (every person and animal, and the subject of every ongoing event intent: chase, run
    around, go to, meet, drive along, do) idles for over ``idle_share`` of the video. Placement subjects
    and props in one-off events (a knocked domino, a dropped rock) may rest once their event is over."""
    tl, lim = world.timeline, world.limits
    involved = {i for i, a in enumerate(tl.actors) if a.id in tl.poses}
    for intent in intents_of(tl.script):
        if getattr(intent, "type", "") in ONGOING_EVENTS:
            subjects = {i for i in map(world.index, intent_subjects(intent)) if i is not None}
            if getattr(intent, "type", "") == "meet":  # things that meet collide once and may rest after
                subjects = {i for i in subjects if tl.actors[i].id in tl.poses}
            involved |= subjects
    findings = []
    duration = len(tl.times) / world.fps
    for i in sorted(involved):
        idle = ~_activity(world, i)
        if idle.mean() > lim.idle_share:
            a, b = max(spans(idle), key=lambda s: s[1] - s[0])
            findings.append(f"{world.name(i)} is idle for {idle.sum() / world.fps:.1f} s of {duration:.1f} s "
                            f"({idle.mean():.0%}; asked at most {lim.idle_share:.0%}), longest {world.when(a, b)}")
    return Check(name="idle", passed=not findings,
                 figure=f"{len(findings)} of {len(involved)} subjects idle", findings=findings)


def check_events(world: World) -> Check:
    """Every event intent happened (contacts, topples, arrivals); see :mod:`scenes.check_events`."""
    from scenes.check_events import event_findings

    intents = intents_of(world.timeline.script)
    findings, happened, asked = event_findings(world, intents)
    return Check(name="events", passed=not findings, figure=f"{happened} of {asked} events happened",
                 findings=findings)


def _target_track(world: World, shot: object, sel: np.ndarray) -> np.ndarray:
    """Where a shot's target is (S, 3): an actor's box centre, or the fixed point."""
    if isinstance(shot.target, str) and world.index(shot.target) is not None:
        return world.boxes.centre[sel, world.index(shot.target)]
    return np.broadcast_to(np.asarray(shot.target, dtype=np.float64), (int(sel.sum()), 3))


def _turned(angles_deg: np.ndarray) -> float:
    """Net turn (degrees) of an angle track, unwrapped."""
    return float(np.degrees(np.unwrap(np.radians(angles_deg)))[-1] - angles_deg[0]) if len(angles_deg) else 0.0


def camera_move(world: World, shot: object, sel: np.ndarray) -> tuple[float, float, str] | None:
    """(what the camera did, what the shot asked, unit) for a moving shot; ``None`` for static ones."""
    tl = world.timeline
    pos, hpr, fov = tl.camera_position[sel], tl.camera_hpr[sel], tl.camera_fov[sel]
    target = _target_track(world, shot, sel)
    kind = shot.type
    if kind == "orbit":
        rel = pos[:, :2] - target[:, :2]
        return abs(_turned(np.degrees(np.arctan2(rel[:, 1], rel[:, 0])))), abs(shot.degrees), "° around the target"
    if kind in ("pan", "tilt"):
        drift = float(np.linalg.norm(pos - pos[0], axis=1).max())
        if drift > world.limits.moved_m:
            return 0.0, abs(shot.degrees), f"° (the camera travels {drift:.2f} m; a {kind} stays put)"
        return abs(_turned(hpr[:, 0 if kind == "pan" else 1])), abs(shot.degrees), "°"
    if kind == "dolly":
        return float(np.linalg.norm(pos[-1] - pos[0])), float(np.linalg.norm(np.subtract(shot.to, shot.from_))), " m"
    if kind == "crane":
        return abs(float(pos[-1, 2] - pos[0, 2])), abs(shot.to_height - shot.height), " m up or down"
    if kind == "zoom":
        return abs(float(fov[-1] - fov[0])), abs(shot.to_fov - float(fov[0])), "° of lens"
    if kind == "truck":
        return float(np.linalg.norm(pos[-1, :2] - pos[0, :2])), abs(shot.travel), " m sideways"
    if kind == "track" and isinstance(shot.target, str) and world.index(shot.target) is not None:
        seen = float(world.view.in_frame[sel, world.index(shot.target)].mean())
        return seen, 1.0, ""
    return None


def check_camera(world: World) -> Check:
    """Every moving shot made its move (orbit, pan, tilt, dolly, track, crane, zoom, truck)."""
    findings, moving = [], 0
    for k, shot, sel in _shot_frames(world):
        move = camera_move(world, shot, sel)
        if move is None:
            continue
        moving += 1
        did, asked, unit = move
        if did >= world.limits.move_share * asked - 1e-9:
            continue
        if shot.type == "track":
            findings.append(f"camera.shots[{k}] track: the target is in frame for {did:.0%} of the shot "
                            f"(asked >= {world.limits.move_share:.0%})")
        else:
            findings.append(f"camera.shots[{k}] {shot.type}: the camera makes {did:.2f}{unit}, asked {asked:.2f} "
                            f"(at least {world.limits.move_share:.0%} of it)")
    return Check(name="camera", passed=not findings, figure=f"{moving - len(findings)} of {moving} moves made",
                 findings=findings)


CHECKS: tuple[Callable[[World], Check], ...] = (
    check_floating, check_interpenetration, check_framing, check_idle, check_events, check_camera)


def check_timeline(timeline, limits: CheckLimits | None = None) -> CheckReport:
    """Run every world check on a compiled timeline; each finding is one located line."""
    start = time.perf_counter()
    limits = limits or CheckLimits()
    world = World(timeline, limits)
    checks = [run(world) for run in CHECKS]
    return CheckReport(passed=all(c.passed for c in checks), seconds=round(time.perf_counter() - start, 4),
                       limits=limits, checks=checks)
