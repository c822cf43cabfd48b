"""The world check's event and camera-move parts: did what the script asked for actually happen?

Events come from the script's ``intents`` (read by field name: ``type``, ``subject`` or ``subjects``,
``target``, ``object``, ``laps``, ``distance``, ``start``, ``end``), judged on the compiled timeline. An
outcome ("ends within", "ends resting on") is judged at the intent's ``end``; an intent without an
``end`` (its time left to the solver's schedule) passes when the outcome shows at any frame after its
``start``.

| intent | happened when |
|---|---|
| ``knock_over`` | they touched (a physics contact, or solids within ``touch_m``), then target (or one of |
| | its row or stack) tipped over ``tip_deg`` or fell half its height |
| ``hit`` | they touched |
| ``fall_off`` | subject starts resting on target and later rests on something else (on ``onto`` if given) |
| ``drop_onto`` | they touched and subject ends resting on target |
| ``kick_to`` | subject touched object and object ended ``kick_m`` closer to target |
| ``roll_down`` | subject starts on the high half of target and ends beyond its low end |
| ``push`` | they touched and target then moved ``moved_m`` |
| ``chase`` | subject moved and the distance shrank (or ended within ``near_m``) |
| ``meet`` | the subjects end within ``near_m`` of each other |
| ``run_around`` | subject's bearing around target turned ``lap_deg`` × laps |
| ``go_to`` | subject ends within ``near_m`` of target |
| ``go_past`` | subject comes within ``near_m`` of its targets, from before the first to beyond the last |
| ``leave`` | subject starts within ``LEAVE_NEAR_M`` of target and gets half its distance (3 m) further off |
| ``sit_on`` | subject is seated on target |
| ``jump_onto`` | subject ends resting on target |
| ``topple`` | subject (or one of its row or stack) tipped > ``tip_deg`` or fell half its height |
| ``throw_to`` | object first comes down (its first contact) within ``near_m`` of target |
| ``drive_along`` | subject gets ``move_share`` × distance (or 5 m) from where it started (a U-turn comes back) |
| ``pick_up`` | object is held in subject's hand (its palms at it) |
| ``hold`` | object is in subject's hand for ``move_share`` of the time from the start until it is put down |
| ``carry`` | object is in subject's hand and subject ends within ``near_m`` of target |
| ``put_down`` | object ends resting on target (or the ground), out of the hand |
| ``give`` | object ends in target's hand, taken from subject's |
| ``ride`` | subject sits on object's saddle for ``move_share`` of the event, and object moves ``moved_m`` |

Other intent types (placement relations, pacing) are not events and are not judged here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from scenes import contact
from scenes.catalog import asset
from scenes.contact import box_depth, height_field
from scenes.intents import CHAINS

if TYPE_CHECKING:
    from scenes.check import World

CHASE_SHRINK_M = 0.25  # a chase must close the gap by this much (unless it ends near)
CHASE_TRAVEL_M = 1.0  # and the chaser must travel this far
MESSAGE_SAMPLES = 200  # frames sampled to say how close two actors came
DRIVE_MIN_M = 5.0  # a drive along with no distance must get at least this far
LEAVE_NEAR_M = 2.0  # a leave starts this close to what it leaves
LEAVE_MIN_M = 3.0  # and gets at least this much further off (or half its asked distance)


@dataclass(frozen=True)
class Event:
    """One event intent, resolved against the timeline: actor indices and its frame window [f0, f1)."""

    kind: str
    subjects: list[int]
    target: int | None
    point: np.ndarray | None  # the target when it is a point
    obj: int | None
    laps: float
    distance: float | None  # a drive's asked length
    f0: int
    f1: int
    open_end: bool  # no ``end`` given: an outcome may show at any frame after the start
    targets: tuple[int, ...] = ()  # what a ``go_past`` goes past
    onto: int | None = None  # where a ``fall_off`` lands

    @property
    def outcome(self) -> slice:
        """The frames an outcome (arrived, resting on) is judged at: the last, or any after the start."""
        return slice(self.f0, self.f1) if self.open_end else slice(self.f1 - 1, self.f1)

    @property
    def subject(self) -> int:
        """The (first) subject."""
        return self.subjects[0]


def _resolve(world: World, intent: object) -> Event | str:
    """The intent as an :class:`Event`, or the reason it cannot be judged."""
    from scenes.intents import intent_subjects

    kind = str(getattr(intent, "type", ""))
    ids = intent_subjects(intent)
    subjects = [world.index(s) for s in ids]
    if any(s is None for s in subjects):
        return f"no actor {next(s for s, i in zip(ids, subjects, strict=True) if i is None)!r}"
    target_ref = getattr(intent, "target", None)
    target = world.index(target_ref) if isinstance(target_ref, str) else None
    if isinstance(target_ref, str) and target is None:
        return f"no actor {target_ref!r}"
    point = np.asarray(target_ref, dtype=np.float64) if target_ref is not None and target is None else None
    obj_ref = getattr(intent, "object", None)
    obj = world.index(obj_ref) if isinstance(obj_ref, str) else None
    n = len(world.timeline.times)
    start = float(getattr(intent, "start", None) or 0.0)
    end = getattr(intent, "end", None)
    f0 = min(round(start * world.fps), n - 1)
    f1 = n if end is None else max(min(round(float(end) * world.fps) + 1, n), f0 + 1)
    many = [world.index(t) for t in getattr(intent, "targets", None) or ()]
    if any(t is None for t in many):
        return f"no actor {next(t for t, i in zip(intent.targets, many, strict=True) if i is None)!r}"
    return Event(kind, [s for s in subjects if s is not None], target, point, obj,
                 float(getattr(intent, "laps", None) or 1.0), getattr(intent, "distance", None), f0, f1, end is None,
                 tuple(t for t in many if t is not None),
                 world.index(intent.onto) if isinstance(getattr(intent, "onto", None), str) else None)


def touching(world: World, i: int, j: int) -> np.ndarray:
    """(F,) bool: actors ``i`` and ``j`` touch (a physics contact between them, or solids within ``touch_m``)."""
    out = world.pair_depth(i, j) > -world.limits.touch_m
    a, b = world.ids[i], world.ids[j]
    for c in world.timeline.collisions:
        if {c.a, c.b} == {a, b}:
            out[c.frame] = True
    return out


def box_gap(world: World, i: int, j: int) -> np.ndarray:
    """A lower bound (F,) of the gap between actors ``i`` and ``j``'s boxes (0 where they overlap)."""
    bx = world.boxes
    return np.maximum(-box_depth(bx.centre[:, i], bx.axes[:, i], bx.half[:, i],
                                 bx.centre[:, j], bx.axes[:, j], bx.half[:, j]), 0.0)


def point_gap(world: World, i: int, point: np.ndarray) -> np.ndarray:
    """Distance (F,) from a world point to actor ``i``'s box."""
    bx = world.boxes
    local = np.einsum("fji,fj->fi", bx.axes[:, i], point[None] - bx.centre[:, i])
    return np.linalg.norm(np.maximum(np.abs(local) - bx.half[:, i], 0.0), axis=1)


def _goal_gap(world: World, e: Event) -> np.ndarray:
    if e.target is not None:
        return box_gap(world, e.subject, e.target)
    return point_gap(world, e.subject, e.point)


def _t(world: World, frame: int) -> str:
    return f"{frame / world.fps:.1f} s"


def _first(mask: np.ndarray, e: Event) -> int | None:
    hits = np.flatnonzero(mask[e.f0:e.f1])
    return int(hits[0]) + e.f0 if len(hits) else None


def solid_gap(world: World, i: int, j: int, frames: np.ndarray) -> np.ndarray:
    """The gap (S,) between actors ``i`` and ``j``'s solid pieces at ``frames`` (0 where they overlap)."""
    pa, pb = world.pieces.of(i), world.pieces.of(j)
    ga, gb = (g.ravel() for g in np.meshgrid(pa, pb, indexing="ij"))
    if len(frames) == 0 or len(ga) == 0:  # an event with no frames left (it starts at the very end)
        return np.full(len(frames), np.inf)
    f = np.repeat(frames, len(ga))
    depth = contact.piece_depths(world.pieces, f, np.tile(ga, len(frames)), np.tile(gb, len(frames)))
    return np.maximum(-depth.reshape(len(frames), len(ga)).max(axis=1), 0.0)


def _never_touches(world: World, i: int, j: int, e: Event) -> str:
    frames = np.arange(e.f0, e.f1, max(1, (e.f1 - e.f0) // MESSAGE_SAMPLES))  # enough to say how close
    gap = solid_gap(world, i, j, frames)
    k = int(np.argmin(gap))
    return (f"{world.name(i)} never touches {world.name(j)} (closest {gap[k]:.2f} m at {_t(world, int(frames[k]))}, "
            f"no physics contact)")


def _chain(world: World, target: int) -> list[int]:
    """The target and the actors arranged with it in a row or a stack (they fall together)."""
    for intent in getattr(world.timeline.script, "intents", None) or []:
        members = list(getattr(intent, "subjects", None) or [])
        if getattr(intent, "type", "") == "arrange" and getattr(intent, "pattern", "") in CHAINS \
                and world.ids[target] in members:
            return [i for i in map(world.index, members) if i is not None]
    return [target]


def _fell(world: World, chain: list[int], frame: int) -> tuple[bool, float]:
    """Whether one of ``chain`` tipped over, or fell half its height off what it stood on (a tower), after
    ``frame``; and the largest tilt (degrees)."""
    tilt = float(contact.tilt_degrees(world.timeline)[frame:, chain].max())
    top = world.boxes.top[frame:, chain]
    dropped = float(((top[0] - top.min(axis=0)) / np.maximum(2.0 * world.boxes.half[frame, chain, 2], 1e-6)).max())
    return tilt > world.limits.tip_deg or dropped > 0.5, tilt


def _knock_over(world: World, e: Event) -> str | None:
    hit = _first(touching(world, e.subject, e.target), e)
    if hit is None:
        return _never_touches(world, e.subject, e.target, e)
    chain = _chain(world, e.target)
    fell, tilt = _fell(world, chain, hit)
    if fell:
        return None
    row = f" (nor any of its {len(chain) - 1} neighbours)" if len(chain) > 1 else ""
    return (f"{world.name(e.target)} is hit at {_t(world, hit)} but never tips over{row} (at most {tilt:.0f}°, "
            f"asked > {world.limits.tip_deg:.0f}°)")


def _ends_on(world: World, e: Event, verb: str) -> str | None:
    if (world.support.on[e.outcome, e.subject] == e.target).any():
        return None
    last = e.f1 - 1
    on = int(world.support.on[last, e.subject])
    where = "nothing" if on == contact.NOTHING else world.name(on)
    if e.open_end:
        return f"{world.name(e.subject)} never rests on {world.name(e.target)} (it is on {where} at {_t(world, last)})"
    return f"{world.name(e.subject)} {verb} on {where}, not on {world.name(e.target)}, at {_t(world, last)}"


def _drop_onto(world: World, e: Event) -> str | None:
    if _first(touching(world, e.subject, e.target), e) is None:
        return _never_touches(world, e.subject, e.target, e)
    return _ends_on(world, e, "ends")


def _hit(world: World, e: Event) -> str | None:
    if _first(touching(world, e.subject, e.target), e) is None:
        return _never_touches(world, e.subject, e.target, e)
    return None


def _fall_off(world: World, e: Event) -> str | None:
    on = world.support.on
    if on[e.f0, e.subject] != e.target:
        return f"{world.name(e.subject)} does not start on {world.name(e.target)} at {_t(world, e.f0)}"
    onto = e.onto
    gone = (on[e.f0:e.f1, e.subject] != e.target) & (on[e.f0:e.f1, e.subject] != contact.NOTHING)
    if onto is not None:
        gone &= on[e.f0:e.f1, e.subject] == onto
    if not gone.any():
        where = f"onto {world.name(onto)}" if onto is not None else "off it"
        return f"{world.name(e.subject)} never comes to rest {where} after leaving {world.name(e.target)}"
    return None


def _kick_to(world: World, e: Event) -> str | None:
    if e.obj is None:
        return "a kick_to needs an `object` (what is kicked)"
    hit = _first(touching(world, e.subject, e.obj), e)
    if hit is None:
        return _never_touches(world, e.subject, e.obj, e)
    frames = world.boxes.centre.shape[0]
    goal = world.boxes.centre[:, e.target] if e.target is not None else np.broadcast_to(e.point, (frames, 3))
    dist = np.linalg.norm(world.boxes.centre[:, e.obj, :2] - goal[:, :2], axis=1)
    closer = float(dist[hit] - dist[e.f1 - 1])
    if closer < world.limits.kick_m:
        return (f"{world.name(e.obj)} ends {closer:.2f} m closer to its target after the kick at {_t(world, hit)} "
                f"(asked >= {world.limits.kick_m:.1f} m)")
    return None


def _throw_to(world: World, e: Event) -> str | None:
    if e.obj is None:
        return "a throw_to needs an `object` (what is thrown)"
    name = world.ids[e.obj]
    landings = [c.frame for c in world.timeline.collisions if name in (c.a, c.b) and e.f0 < c.frame < e.f1]
    at = landings[0] if landings else e.f1 - 1  # where it first comes down, or where it ends up
    gap = box_gap(world, e.obj, e.target)[at] if e.target is not None else point_gap(world, e.obj, e.point)[at]
    if gap > world.limits.near_m:
        return (f"{world.name(e.obj)} lands {float(gap):.2f} m from where it was thrown to at {_t(world, at)} "
                f"(asked within {world.limits.near_m:.1f} m)")
    return None


def _drive_along(world: World, e: Event) -> str | None:
    pos = world.timeline.positions[:, e.subject, :2]
    # the farthest it gets from where it started: a U-turn drives out and back
    moved = float(np.linalg.norm(pos[e.f0:e.f1] - pos[e.f0], axis=1).max()) if e.f1 > e.f0 else 0.0
    asked = world.limits.move_share * e.distance if e.distance else DRIVE_MIN_M
    if moved < asked:
        return f"{world.name(e.subject)} gets at most {moved:.2f} m from where it started (asked >= {asked:.1f} m)"
    return None


def _high_end(asset_name: str) -> float:
    """+1 when an asset's top rises towards its +Y end (a ramp), -1 towards -Y (stairs)."""
    field = height_field(asset_name)
    half = field.shape[0] // 2
    front, back = np.where(np.isfinite(field), field, 0.0)[half:].mean(), np.where(
        np.isfinite(field), field, 0.0)[:half].mean()
    return 1.0 if front >= back else -1.0


def _along(world: World, i: int, j: int) -> np.ndarray:
    """Position (F,) of actor ``i`` along actor ``j``'s rise, in units of ``j``'s half depth (-1 low end .. +1 high)."""
    tl = world.timeline
    rel = tl.positions[:, i, :2] - tl.positions[:, j, :2]
    h = np.radians(tl.hpr[:, j, 0])
    ly = -np.sin(h) * rel[:, 0] + np.cos(h) * rel[:, 1]
    half = asset(tl.actors[j].asset).size[1] * tl.scales[:, j, 1] / 2.0
    return _high_end(tl.actors[j].asset) * ly / half


def _roll_down(world: World, e: Event) -> str | None:
    along = _along(world, e.subject, e.target)
    if along[e.f0] <= 0.0 or world.support.on[e.f0, e.subject] != e.target:
        return (f"{world.name(e.subject)} does not start on the high half of {world.name(e.target)} at "
                f"{_t(world, e.f0)}")
    if along[e.f1 - 1] > -1.0:
        return (f"{world.name(e.subject)} does not get past the low end of {world.name(e.target)} by "
                f"{_t(world, e.f1 - 1)}")
    return None


def _push(world: World, e: Event) -> str | None:
    hit = _first(touching(world, e.subject, e.target), e)
    if hit is None:
        return _never_touches(world, e.subject, e.target, e)
    moved = float(np.linalg.norm(world.timeline.positions[hit:e.f1, e.target] - world.timeline.positions[hit, e.target],
                                 axis=1).max())
    if moved < world.limits.moved_m:
        return f"{world.name(e.target)} moves only {moved:.2f} m after the push at {_t(world, hit)}"
    return None


def _chase(world: World, e: Event) -> str | None:
    pos = world.timeline.positions
    goal = pos[:, e.target] if e.target is not None else np.broadcast_to(e.point, pos[:, 0].shape)
    dist = np.linalg.norm(pos[:, e.subject, :2] - goal[:, :2], axis=1)
    travel = float(np.linalg.norm(np.diff(pos[e.f0:e.f1, e.subject, :2], axis=0), axis=1).sum())
    start, end = float(dist[e.f0]), float(dist[e.f1 - 1])
    if travel < CHASE_TRAVEL_M:
        return f"{world.name(e.subject)} travels only {travel:.2f} m chasing"
    if end > start - CHASE_SHRINK_M and _goal_gap(world, e)[e.f1 - 1] > world.limits.near_m:
        return f"{world.name(e.subject)} does not close in: {start:.2f} m apart at first, {end:.2f} m at the end"
    return None


def _meet(world: World, e: Event) -> str | None:
    members = e.subjects + ([e.target] if e.target is not None else [])
    pairs = [(i, j) for n, i in enumerate(members) for j in members[n + 1:]]
    gaps = np.stack([box_gap(world, i, j)[e.outcome] for i, j in pairs])  # (pairs, frames)
    worst = gaps.max(axis=0)
    if worst.min() <= world.limits.near_m:
        return None
    k = int(np.argmin(worst))
    i, j = pairs[int(np.argmax(gaps[:, k]))]
    at = e.outcome.start + k
    gap = float(gaps[:, k].max())
    if e.open_end:
        return (f"{world.name(i)} and {world.name(j)} come no closer than {gap:.2f} m (at {_t(world, at)}; "
                f"asked within {world.limits.near_m:.1f} m)")
    return (f"{world.name(i)} and {world.name(j)} end {gap:.2f} m apart at {_t(world, at)} "
            f"(asked within {world.limits.near_m:.1f} m)")


def _run_around(world: World, e: Event) -> str | None:
    pos = world.timeline.positions[e.f0:e.f1]
    centre = pos[:, e.target] if e.target is not None else np.broadcast_to(e.point, pos[:, 0].shape)
    rel = pos[:, e.subject, :2] - centre[:, :2]
    turned = abs(float(np.degrees(np.diff(np.unwrap(np.arctan2(rel[:, 1], rel[:, 0]))).sum())))
    asked = world.limits.lap_deg * e.laps
    if turned < asked:
        return f"{world.name(e.subject)} goes {turned:.0f}° around its target (asked >= {asked:.0f}°)"
    return None


def _go_to(world: World, e: Event) -> str | None:
    gaps = _goal_gap(world, e)[e.outcome]
    k = int(np.argmin(gaps))
    if gaps[k] <= world.limits.near_m:
        return None
    goal = world.name(e.target) if e.target is not None else f"{np.round(e.point, 2).tolist()}"
    at = _t(world, e.outcome.start + k)
    if e.open_end:
        return (f"{world.name(e.subject)} comes no closer than {float(gaps[k]):.2f} m to {goal} (at {at}; "
                f"asked within {world.limits.near_m:.1f} m)")
    return (f"{world.name(e.subject)} ends {float(gaps[k]):.2f} m from {goal} at {at} "
            f"(asked within {world.limits.near_m:.1f} m)")


def _go_past(world: World, e: Event) -> str | None:
    pos = world.timeline.positions[e.f0:e.f1, :, :2]
    first, last = pos[0, e.targets[0]], pos[0, e.targets[-1]]
    along = last - first if np.linalg.norm(last - first) > 0.5 else pos[-1, e.subject] - pos[0, e.subject]
    along = along / max(float(np.linalg.norm(along)), 1e-9)
    closest = min(float(box_gap(world, e.subject, t)[e.f0:e.f1].min()) for t in e.targets)
    if closest > world.limits.near_m:
        return (f"{world.name(e.subject)} comes no closer than {closest:.2f} m to {world.name(e.targets[0])} "
                f"(asked within {world.limits.near_m:.1f} m)")
    before = float((pos[0, e.subject] - first) @ along)
    beyond = float((pos[-1, e.subject] - last) @ along)
    if before >= 0 or beyond <= 0:
        return (f"{world.name(e.subject)} does not go past {world.name(e.targets[-1])} (it starts {before:+.2f} m "
                f"and ends {beyond:+.2f} m along the way past it)")
    return None


def _leave(world: World, e: Event) -> str | None:
    gap = box_gap(world, e.subject, e.target)[e.f0:e.f1]
    who, place = world.name(e.subject), world.name(e.target)
    if float(gap[0]) > LEAVE_NEAR_M:
        return f"{who} starts {float(gap[0]):.2f} m from {place}, not at it (asked within {LEAVE_NEAR_M:.1f} m)"
    pos = world.timeline.positions[e.f0:e.f1]
    off = np.linalg.norm(pos[:, e.subject, :2] - pos[:, e.target, :2], axis=1)  # centre to centre: driving
    further = float(off.max() - off[0])  # along a house's front leaves it too
    need = 0.5 * e.distance if e.distance else LEAVE_MIN_M
    if further < need:
        return f"{who} gets only {further:.2f} m further from {place} (asked >= {need:.1f} m)"
    return None


def _sit_on(world: World, e: Event) -> str | None:
    if (world.seated_on()[e.f0:e.f1, e.subject] == e.target).any():
        return None
    return f"{world.name(e.subject)} never sits on {world.name(e.target)}"


def _jump_onto(world: World, e: Event) -> str | None:
    return _ends_on(world, e, "ends")


def _topple(world: World, e: Event) -> str | None:
    chain = _chain(world, e.subject)
    fell, tilt = _fell(world, chain, e.f0)
    if fell:
        return None
    row = f" (nor any of its {len(chain) - 1} neighbours)" if len(chain) > 1 else ""
    return (f"{world.name(e.subject)} never tips over{row} (at most {tilt:.0f}°, asked > "
            f"{world.limits.tip_deg:.0f}°)")


def _held_by(world: World, e: Event) -> np.ndarray:
    """(F,) bool: the event's object is in a hand (``scenes.hold``) — the subject's, as only its own holdings exist."""
    return world.held[:, e.obj]


def _pick_up(world: World, e: Event) -> str | None:
    if _held_by(world, e)[e.outcome].any():
        return None
    return f"{world.name(e.subject)} never holds {world.name(e.obj)} (it is not in the hand at {_t(world, e.f1 - 1)})"


def _hold(world: World, e: Event) -> str | None:
    from scenes.hold import grips

    tl = world.timeline
    release = min((g.release for g in grips(tl.actors, tl.script.duration)
                   if (g.holder, g.prop) == (world.ids[e.subject], world.ids[e.obj])), default=np.inf)
    f1 = max(min(int(np.searchsorted(tl.times, release)), e.f1), e.f0 + 1)  # held until it is put down
    share = float(_held_by(world, e)[e.f0:f1].mean())
    if share >= world.limits.move_share:
        return None
    return (f"{world.name(e.subject)} holds {world.name(e.obj)} for {share:.0%} of the time from {_t(world, e.f0)} "
            f"(asked >= {world.limits.move_share:.0%})")


def _carry(world: World, e: Event) -> str | None:
    if not _held_by(world, e)[e.outcome].any():
        return f"{world.name(e.obj)} is not in {world.name(e.subject)}'s hand at {_t(world, e.f1 - 1)}"
    return _go_to(world, e)


def _put_down(world: World, e: Event) -> str | None:
    last = e.f1 - 1
    on = world.support.on[e.outcome, e.obj]
    loose = ~_held_by(world, e)[e.outcome]
    wanted = e.target if e.target is not None else contact.GROUND
    if (loose & (on == wanted)).any():
        return None
    where = "nothing" if on[-1] == contact.NOTHING else world.name(int(on[-1]))
    held = " (still in the hand)" if not loose[-1] else ""
    return f"{world.name(e.obj)} ends on {where}{held}, not on {world.name(wanted)}, at {_t(world, last)}"


def _give(world: World, e: Event) -> str | None:
    from scenes.hold import grips

    tl = world.timeline
    taken = [g for g in grips(tl.actors, tl.script.duration)
             if (g.holder, g.prop) == (world.ids[e.target], world.ids[e.obj])]
    if taken and (_held_by(world, e)[e.outcome] & (tl.times[e.outcome] >= taken[0].attach)).any():
        return None
    return f"{world.name(e.obj)} never passes from {world.name(e.subject)}'s hand to {world.name(e.target)}'s"


def _ride(world: World, e: Event) -> str | None:
    mounted = world.riding[e.f0:e.f1, e.subject]
    share = float(mounted.mean()) if len(mounted) else 0.0
    if share < world.limits.move_share:
        return (f"{world.name(e.subject)} sits on {world.name(e.obj)}'s saddle for {share:.0%} of the ride "
                f"(asked >= {world.limits.move_share:.0%})")
    track = world.timeline.positions[e.f0:e.f1, e.obj]
    moved = float(np.linalg.norm(track[-1] - track[0]))
    if moved < world.limits.moved_m:
        return f"{world.name(e.obj)} does not move while {world.name(e.subject)} rides it ({moved:.2f} m)"
    return None


EVENTS: dict[str, tuple[Callable[[World, Event], str | None], bool]] = {
    "knock_over": (_knock_over, True), "hit": (_hit, True), "drop_onto": (_drop_onto, True),
    "fall_off": (_fall_off, True),
    "kick_to": (_kick_to, False),
    "roll_down": (_roll_down, True), "push": (_push, True), "chase": (_chase, False), "meet": (_meet, False),
    "run_around": (_run_around, False), "go_to": (_go_to, False), "go_past": (_go_past, False),
    "leave": (_leave, True),
    "sit_on": (_sit_on, True),
    "jump_onto": (_jump_onto, True), "topple": (_topple, False), "throw_to": (_throw_to, False),
    "drive_along": (_drive_along, False), "pick_up": (_pick_up, False), "hold": (_hold, False),
    "carry": (_carry, False), "put_down": (_put_down, False), "give": (_give, True), "ride": (_ride, False),
}
"""Event intent type → its judge and whether it needs an actor target."""
HANDS = ("pick_up", "hold", "carry", "put_down", "give", "ride")  # events about an ``object``; a target is optional


def event_findings(world: World, intents: list[object]) -> tuple[list[str], int, int]:
    """Findings for the event intents, how many happened and how many were asked."""
    findings, asked = [], 0
    for k, intent in enumerate(intents):
        kind = str(getattr(intent, "type", ""))
        if kind not in EVENTS:
            continue
        asked += 1
        judge, needs_actor = EVENTS[kind]
        event = _resolve(world, intent)
        if isinstance(event, Event) and not event.subjects:
            event = "it names no subject"
        elif isinstance(event, Event) and needs_actor and event.target is None:
            event = "its target must be an actor"
        elif isinstance(event, Event) and kind in HANDS and event.obj is None:
            event = "it names no object"
        elif isinstance(event, Event) and kind not in ("meet", "topple", "drive_along", *HANDS) \
                and event.target is None and event.point is None and not event.targets:
            event = "it names no target"
        problem = event if isinstance(event, str) else judge(world, event)
        if problem:
            findings.append(f"intents[{k}] {kind}: {problem}")
    return findings, asked - len(findings), asked
