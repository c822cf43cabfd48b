"""Actor motion: keyframe interpolation and named actions, evaluated for all frames at once with numpy.

Each function takes the array of frame times and the actor's tracks so far and adds its part, so
actions compose in the order the script lists them. Every action holds its final effect after its
``end`` (a spin keeps its angle, a move stays at its destination), so nothing pops.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from scenes.actions import natural_duration
from scenes.script import (
    MOVES,
    Actor,
    Bounce,
    Dance,
    Easing,
    Fall,
    FlyTo,
    Follow,
    FollowPath,
    Hop,
    Jump,
    MoveTo,
    Orbit,
    Perch,
    Roll,
    RunTo,
    Spin,
    TurnTo,
    WalkTo,
    is_move,
)


@dataclass
class ActorTracks:
    """Per-frame pose arrays of one actor: positions (F, 3), heading/pitch/roll (F, 3), scales (F, 3)."""

    position: np.ndarray
    hpr: np.ndarray
    scale: np.ndarray


def ease(u: np.ndarray, easing: Easing) -> np.ndarray:
    """Map progress ``u`` in 0..1 through an easing curve (smoothstep for in-out)."""
    u = np.clip(u, 0.0, 1.0)
    if easing == "linear":
        return u
    if easing == "ease_in":
        return u * u
    if easing == "ease_out":
        return 1.0 - (1.0 - u) ** 2
    return u * u * (3.0 - 2.0 * u)


def heading_of(direction: np.ndarray) -> np.ndarray:
    """Heading in degrees of direction vectors (..., >=2); heading 0 faces +Y, 90 faces -X."""
    return np.degrees(np.arctan2(-direction[..., 0], direction[..., 1]))


def look_at_hpr(eye: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Heading/pitch/roll (..., 3) that turn something at ``eye`` to face ``target``."""
    d = np.asarray(target, dtype=np.float64) - np.asarray(eye, dtype=np.float64)
    h = heading_of(d)
    p = np.degrees(np.arctan2(d[..., 2], np.hypot(d[..., 0], d[..., 1])))
    return np.stack([h, p, np.zeros_like(h)], axis=-1)


def keyframe_tracks(actor: Actor, times: np.ndarray) -> ActorTracks:
    """The actor's rest pose, overridden by piecewise-linear interpolation of its keyframes."""
    n = len(times)
    tracks = ActorTracks(
        np.tile(np.asarray(actor.position, dtype=np.float64), (n, 1)),
        np.tile(np.asarray(actor.rotation, dtype=np.float64), (n, 1)),
        np.tile(np.asarray(actor.scale, dtype=np.float64), (n, 1)),
    )
    for name in ("position", "rotation", "scale"):
        keys = [(k.t, getattr(k, name)) for k in actor.keyframes if getattr(k, name) is not None]
        if not keys:
            continue
        kt = np.array([k[0] for k in keys])
        kv = np.array([k[1] for k in keys], dtype=np.float64)
        out = np.stack([np.interp(times, kt, kv[:, c]) for c in range(3)], axis=-1)
        setattr(tracks, "hpr" if name == "rotation" else name, out)
    return tracks


def _window(times: np.ndarray, start: float, end: float) -> tuple[np.ndarray, np.ndarray]:
    """Elapsed time since ``start`` clipped to the action's span, and the mask of frames inside it."""
    return np.clip(times, start, end) - start, (times >= start) & (times <= end)


def _bounce(a: Bounce, times: np.ndarray, end: float, tracks: ActorTracks, _: PositionLookup) -> None:
    elapsed, inside = _window(times, a.start, end)
    hops = np.floor((end - a.start) / a.period)  # only whole hops, so the actor lands before it stops
    phase = elapsed / a.period
    u = phase - np.floor(phase)
    lift = a.height * 4.0 * u * (1.0 - u)
    tracks.position[:, 2] += np.where(inside & (phase < hops), lift, 0.0)


def bounce_landings(actor: Actor, duration: float) -> list[tuple[float, float]]:
    """(time, downward speed in m/s) of every landing of the actor's bounce actions.

    A kinematic bounce is a parabola of height h over one period T, so it meets the ground at 4h/T; the
    timeline turns these into ground collisions so bounces are heard like physical ones.
    """
    out = []
    for a in actor.actions:
        if isinstance(a, Bounce):
            end = a.end if a.end is not None else duration
            hops = int(np.floor((end - a.start) / a.period + 1e-9))
            out += [(a.start + k * a.period, 4.0 * a.height / a.period) for k in range(1, hops + 1)]
    return sorted(out)


def _spin(a: Spin, times: np.ndarray, end: float, tracks: ActorTracks, _: PositionLookup) -> None:
    elapsed, _inside = _window(times, a.start, end)
    axis = ("heading", "pitch", "roll").index(a.axis)
    tracks.hpr[:, axis] += a.speed * elapsed


def _move_to(a: MoveTo, times: np.ndarray, end: float, tracks: ActorTracks, _: PositionLookup) -> None:
    elapsed, _inside = _window(times, a.start, end)
    i0 = int(np.searchsorted(times, a.start))
    i0 = min(i0, len(times) - 1)
    offset = np.asarray(a.to, dtype=np.float64) - tracks.position[i0]
    tracks.position += ease(elapsed / (end - a.start), a.easing)[:, None] * offset[None, :]


def _orbit(a: Orbit, times: np.ndarray, end: float, tracks: ActorTracks, lookup: PositionLookup) -> None:
    elapsed, _inside = _window(times, a.start, end)
    centre = lookup(a.center)
    i0 = min(int(np.searchsorted(times, a.start)), len(times) - 1)
    rel0 = tracks.position[i0, :2] - centre[i0, :2]
    radius = a.radius if a.radius is not None else float(np.hypot(*rel0))
    angle0 = float(np.arctan2(rel0[1], rel0[0])) if np.hypot(*rel0) > 1e-9 else 0.0
    sign = -1.0 if a.clockwise else 1.0
    angle = angle0 + sign * 2.0 * np.pi * elapsed / a.period
    active = times >= a.start
    xy = centre[:, :2] + radius * np.stack([np.cos(angle), np.sin(angle)], axis=-1)
    tracks.position[:, :2] = np.where(active[:, None], xy, tracks.position[:, :2])
    if a.face_direction:
        tangent = sign * np.stack([-np.sin(angle), np.cos(angle)], axis=-1)
        tracks.hpr[:, 0] = np.where(active, heading_of(tangent), tracks.hpr[:, 0])


PositionLookup = Callable[[object], np.ndarray]
"""Resolves an actor id or a point to per-frame positions (F, 3)."""

GRAVITY = 9.81
TURN_TIME = 0.4  # seconds to turn into a new direction of travel, so headings never pop


@dataclass(frozen=True)
class Limits:
    """What an actor can physically do; requests beyond these are clamped with a warning."""

    walk: float = 2.5  # m/s
    run: float = 7.0
    jump: float = 1.2  # metres
    accel: float = 2.5  # m/s² when starting and stopping

    @classmethod
    def of(cls, actor: Actor) -> Limits | None:
        """Limits for walking characters and animals (scaled with size); ``None`` for props."""
        from scenes.catalog import asset

        spec = asset(actor.asset)
        if not spec.rig:
            return None
        k = spec.size[2] * actor.scale[2] / (1.81 if spec.rig == "humanoid" else 0.8)
        if spec.rig == "humanoid":
            return cls(2.5 * k, 7.0 * k, 1.2 * k, 2.5 * k)
        return cls(2.0 * k**0.5, 9.0 * k**0.5, 1.0 * k, 4.0 * k**0.5)


def default_speed(actor: Actor, running: bool) -> float:
    """A comfortable pace: 1.4 m/s walking, 3.5 m/s running for a 1.75 m person, scaled with size."""
    lim = Limits.of(actor)
    if lim is None:
        return 3.5 if running else 1.4
    return lim.run * 0.5 if running else lim.walk * 0.56


def _at(times: np.ndarray, t: float) -> int:
    return min(int(np.searchsorted(times, t - 1e-9)), len(times) - 1)


def _shortest(delta: np.ndarray | float) -> np.ndarray:
    return (np.asarray(delta) + 180.0) % 360.0 - 180.0


def _turn_heading(tracks: ActorTracks, times: np.ndarray, start: float, goal: np.ndarray, active: np.ndarray,
                  turn_time: float = TURN_TIME) -> None:
    """Set the heading to ``goal`` (F,) on ``active`` frames, easing in from the heading held at ``start``."""
    h0 = tracks.hpr[_at(times, start), 0]
    goal = h0 + np.cumsum(np.concatenate([[_shortest(goal[0] - h0)], _shortest(np.diff(goal))]))
    w = ease((times - start) / turn_time, "ease_in_out")
    h = h0 + w * (goal - h0)
    tracks.hpr[:, 0] = np.where(active, h, tracks.hpr[:, 0])


def spline(points: np.ndarray, samples_per_segment: int = 24) -> np.ndarray:
    """A dense Catmull-Rom curve through ``points`` (M, 3) (centripetal-free, uniform; ends duplicated)."""
    p = np.vstack([points[:1], points, points[-1:]])
    u = np.linspace(0.0, 1.0, samples_per_segment, endpoint=False)[:, None]
    out = []
    for k in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[k - 1], p[k], p[k + 1], p[k + 2]
        out.append(0.5 * ((2 * p1) + (-p0 + p2) * u + (2 * p0 - 5 * p1 + 4 * p2 - p3) * u**2
                          + (-p0 + 3 * p1 - 3 * p2 + p3) * u**3))
    out.append(points[-1:])
    return np.vstack(out)


def travel(path: np.ndarray, speed: float, accel: float, times: np.ndarray, start: float, end: float,
           tracks: ActorTracks, face: bool) -> None:
    """Move along the polyline ``path`` (M, 3) at ``speed`` with smooth starts and stops, from ``start``.

    The actor stops at the end of the path or at ``end``, whichever comes first, and holds its pose after.
    """
    seg = np.linalg.norm(np.diff(path, axis=0), axis=1)
    arc = np.concatenate([[0.0], np.cumsum(seg)])
    length = float(arc[-1])
    if length < 1e-6:
        return
    # trapezoidal speed profile, integrated frame by frame so starts and stops are smooth
    i0 = _at(times, start)
    dist = np.zeros(len(times))
    dt = float(times[1] - times[0]) if len(times) > 1 else 0.0
    s, v = 0.0, 0.0
    for i in range(i0 + 1, len(times)):
        if times[i] > end + 1e-9:
            dist[i] = s
            continue
        brake = np.sqrt(max(2.0 * accel * (length - s), 0.0))
        v = min(speed, v + accel * dt, brake + accel * dt)  # the extra step lets it actually arrive
        s = min(s + v * dt, length)
        dist[i] = s
    pos = np.stack([np.interp(dist, arc, path[:, c]) for c in range(3)], -1)
    active = times >= times[i0]
    tracks.position[:] = np.where(active[:, None], tracks.position + (pos - path[0]), tracks.position)
    if face:
        ahead = np.stack([np.interp(np.minimum(dist + 0.3, length), arc, path[:, c]) for c in range(2)], -1)
        behind = np.stack([np.interp(np.maximum(dist - 0.3, 0.0), arc, path[:, c]) for c in range(2)], -1)
        goal = heading_of(ahead - behind)
        _turn_heading(tracks, times, start, goal, active & (dist >= 0))


class Context:
    """What actions need beyond the actor: other actors' positions, the clock, and where to put warnings."""

    def __init__(self, lookup: PositionLookup, duration: float, warnings: list[str], where: str, actor: Actor,
                 others: dict[str, Actor] | None = None):
        self.lookup = lookup
        self.others = others or {}
        self.duration = duration
        self.warnings = warnings
        self.where = where
        self.actor = actor
        self.limits = Limits.of(actor)

    def clamp_speed(self, speed: float, running: bool, path: str) -> float:
        """``speed`` limited to what the actor can do, with a warning when it had to be lowered."""
        if self.limits is None:
            return speed
        top = self.limits.run if running else self.limits.walk
        if speed > top + 1e-9:
            self.warnings.append(f"{self.where}.{path}: {speed:.3g} m/s is faster than a {self.actor.asset} can "
                                 f"{'run' if running else 'walk'}; clamped to {top:.3g} m/s")
            return top
        return speed


def _walk_to(a: WalkTo, times: np.ndarray, end: float, tracks: ActorTracks, ctx: Context) -> None:
    running = isinstance(a, RunTo)
    i0 = _at(times, a.start)
    here = tracks.position[i0].copy()
    goal = ctx.lookup(a.to)[i0].copy()
    goal[2] = here[2]
    stop = a.stop_distance if a.stop_distance is not None else (0.8 if isinstance(a.to, str) else 0.0)
    gap = goal - here
    dist = float(np.linalg.norm(gap))
    if dist <= stop + 1e-6:
        return
    goal = here + gap * (dist - stop) / dist
    length = dist - stop
    speed = a.speed
    accel = ctx.limits.accel if ctx.limits else 2.5
    if speed is None:
        speed = default_speed(ctx.actor, running)
        if a.end is not None:  # arrive at `end`
            span = a.end - a.start
            speed = max(speed * 0.5, length / max(span - speed / accel, span * 0.5))
    speed = ctx.clamp_speed(speed, running, "speed")
    travel(np.stack([here, goal]), speed, accel, times, a.start, end, tracks, face=True)


def _follow_path(a: FollowPath, times: np.ndarray, end: float, tracks: ActorTracks, ctx: Context) -> None:
    running = a.gait == "run"
    i0 = _at(times, a.start)
    pts = np.vstack([tracks.position[i0], np.asarray(a.waypoints, dtype=np.float64)])
    keep = np.concatenate([[True], np.linalg.norm(np.diff(pts, axis=0), axis=1) > 1e-6])
    path = spline(pts[keep])
    length = float(np.sum(np.linalg.norm(np.diff(path, axis=0), axis=1)))
    accel = ctx.limits.accel if ctx.limits else 2.5
    speed = a.speed
    if speed is None:
        speed = default_speed(ctx.actor, running)
        if a.end is not None:
            span = a.end - a.start
            speed = max(0.05, length / max(span - speed / accel, span * 0.5))
    speed = ctx.clamp_speed(speed, running or (ctx.limits is not None and speed > ctx.limits.walk), "speed")
    travel(path, speed, accel, times, a.start, end, tracks, face=a.face_direction)


def _follow(a: Follow, times: np.ndarray, end: float, tracks: ActorTracks, ctx: Context) -> None:
    target = ctx.lookup(a.target)
    top = a.speed if a.speed is not None else (ctx.limits.run * 0.7 if ctx.limits else 4.0)
    top = ctx.clamp_speed(top, True, "speed")
    accel = (ctx.limits.accel if ctx.limits else 2.5) * 2.0
    i0 = _at(times, a.start)
    dt = float(times[1] - times[0]) if len(times) > 1 else 0.0
    p = tracks.position[i0].copy()
    v = np.zeros(2)
    pos = tracks.position.copy()
    for i in range(i0, len(times)):
        if times[i] <= end + 1e-9:
            gap = target[i, :2] - p[:2]
            d = float(np.linalg.norm(gap))
            want = gap / d * min(top, max(d - a.distance, 0.0) * 2.0) if d > 1e-6 else np.zeros(2)
            dv = want - v
            n = float(np.linalg.norm(dv))
            v = v + (dv / n * min(n, accel * dt) if n > 1e-9 else 0.0)
            p[:2] += v * dt
        pos[i] = p + (tracks.position[i] - tracks.position[i0])
    active = times >= times[i0]
    step = np.diff(pos[:, :2], axis=0, prepend=pos[:1, :2])
    moving = np.linalg.norm(step, axis=1) > 1e-4
    goal = np.where(moving, heading_of(step), np.nan)
    goal = _hold_nan(goal, tracks.hpr[i0, 0])
    tracks.position[:] = np.where(active[:, None], pos, tracks.position)
    _turn_heading(tracks, times, a.start, goal, active)


def _hold_nan(values: np.ndarray, first: float) -> np.ndarray:
    out = values.copy()
    last = first
    for i, x in enumerate(out):
        if np.isnan(x):
            out[i] = last
        else:
            last = x
    return out


def _fly_to(a: FlyTo, times: np.ndarray, end: float, tracks: ActorTracks, ctx: Context) -> None:
    elapsed, _ = _window(times, a.start, end)
    i0 = _at(times, a.start)
    u = ease(elapsed / (end - a.start), a.easing)
    offset = np.asarray(a.to, dtype=np.float64) - tracks.position[i0]
    tracks.position += u[:, None] * offset[None, :]
    tracks.position[:, 2] += a.arc * np.sin(np.pi * np.clip(elapsed / (end - a.start), 0, 1))
    if a.face_direction and np.hypot(*offset[:2]) > 1e-6:
        active = times >= a.start
        _turn_heading(tracks, times, a.start, np.full(len(times), heading_of(offset[:2])), active)


def jump_duration(height: float) -> float:
    """Crouch, flight and landing time of a jump ``height`` metres high."""
    return 0.25 + 2.0 * np.sqrt(2.0 * height / GRAVITY) + 0.2


def _jump(a: Jump, times: np.ndarray, end: float, tracks: ActorTracks, ctx: Context) -> None:
    height = a.height
    if ctx.limits is not None and height > ctx.limits.jump:
        ctx.warnings.append(f"{ctx.where}.height: a {ctx.actor.asset} cannot jump {height:g} m; "
                            f"clamped to {ctx.limits.jump:.3g} m")
        height = ctx.limits.jump
    flight = 2.0 * np.sqrt(2.0 * height / GRAVITY)
    t0 = a.start + 0.25
    u = np.clip((times - t0) / flight, 0.0, 1.0)
    tracks.position[:, 2] += height * 4.0 * u * (1.0 - u)
    if a.forward > 0:
        i0 = _at(times, a.start)
        h = np.radians(tracks.hpr[i0, 0])
        fwd = np.array([-np.sin(h), np.cos(h)])
        tracks.position[:, :2] += (u * a.forward)[:, None] * fwd[None, :]


def _turn_to(a: TurnTo, times: np.ndarray, end: float, tracks: ActorTracks, ctx: Context) -> None:
    i0 = _at(times, a.start)
    if a.heading is not None:
        goal = float(a.heading)
    else:
        gap = ctx.lookup(a.target)[i0] - tracks.position[i0]
        goal = float(heading_of(gap[:2])) if np.hypot(*gap[:2]) > 1e-6 else float(tracks.hpr[i0, 0])
    _turn_heading(tracks, times, a.start, np.full(len(times), goal), times >= a.start, turn_time=end - a.start)


def _roll(a: Roll, times: np.ndarray, end: float, tracks: ActorTracks, ctx: Context) -> None:
    from scenes.catalog import asset
    from scenes.rig import hpr_matrix, matrix_hpr

    elapsed, _ = _window(times, a.start, end)
    i0 = _at(times, a.start)
    start = tracks.position[i0].copy()
    offset = np.asarray(a.to, dtype=np.float64) - start
    offset[2] = 0.0
    dist = float(np.linalg.norm(offset))
    if dist < 1e-6:
        return
    u = ease(elapsed / (end - a.start), a.easing)
    radius = asset(ctx.actor.asset).size[2] * ctx.actor.scale[2] / 2.0
    axis = np.cross([0.0, 0.0, 1.0], offset / dist)
    angle = u * dist / radius
    # Rodrigues rotation about `axis` through the ball's centre, applied before the rest orientation
    k = np.array([[0, -axis[2], axis[1]], [axis[2], 0, -axis[0]], [-axis[1], axis[0], 0]])
    rot = np.eye(3) + np.sin(angle)[:, None, None] * k + (1 - np.cos(angle))[:, None, None] * (k @ k)
    base = hpr_matrix(tracks.hpr)
    tracks.hpr[:] = matrix_hpr(rot @ base)
    centre = np.array([0.0, 0.0, radius])
    tracks.position += u[:, None] * offset + (centre - rot @ centre)


def _fall(a: Fall, times: np.ndarray, end: float, tracks: ActorTracks, ctx: Context) -> None:
    from scenes.catalog import asset
    from scenes.rig import hpr_matrix, matrix_hpr

    elapsed, _ = _window(times, a.start, end)
    u = np.clip(elapsed / (end - a.start), 0.0, 1.0)
    theta = np.radians(90.0 * u * u)  # accelerating, like something tipping under gravity
    size = np.asarray(asset(ctx.actor.asset).size) * np.asarray(ctx.actor.scale)
    d = np.radians(a.direction)
    dir_local = np.array([-np.sin(d), np.cos(d), 0.0])
    pivot = dir_local * size[1] / 2.0 if abs(np.cos(d)) >= abs(np.sin(d)) else dir_local * size[0] / 2.0
    axis = np.cross([0.0, 0.0, 1.0], dir_local)  # a positive turn about up × dir tips the top towards dir
    k = np.array([[0, -axis[2], axis[1]], [axis[2], 0, -axis[0]], [-axis[1], axis[0], 0]])
    rot = np.eye(3) + np.sin(theta)[:, None, None] * k + (1 - np.cos(theta))[:, None, None] * (k @ k)
    base = hpr_matrix(tracks.hpr)
    shift = pivot - rot @ pivot  # keep the tipping edge where it is
    tracks.position += np.einsum("fij,fj->fi", base, shift)
    tracks.hpr[:] = matrix_hpr(base @ rot)


def natural_end(action: object, duration: float) -> float:
    """An action's end: the given one, or a natural length for one-off moves, or the end of the video."""
    end = getattr(action, "end", None)
    if end is not None:
        return float(end)
    start = float(action.start)  # type: ignore[attr-defined]
    if isinstance(action, Jump):
        return min(duration, start + jump_duration(action.height))
    length = natural_duration(getattr(action, "type", ""))
    return duration if length is None else min(duration, start + length)


def _dance(a: Dance, times: np.ndarray, end: float, tracks: ActorTracks, ctx: Context) -> None:
    """A captured dance steps about like a move (the keyed styles stay on the spot)."""
    if is_move(a):
        _move(a, times, end, tracks, ctx)


SETTLE = 0.4  # seconds a strike's step-in ends before the strike starts (feet come to rest under the body)
STEP_IN = 1.5  # m/s: a faster step-in to reach a strike's target is a slide, and warned about


def _move(a: object, times: np.ndarray, end: float, tracks: ActorTracks, ctx: Context) -> None:
    """A full-body move's root motion (scenes/moves.py): the ground it covers, turned by the heading at its
    start; a kick or punch at a target first turns to it and steps so the strike lands on it."""
    from scenes import moves
    from scenes.catalog import model

    m = model(ctx.actor.asset)
    i0 = _at(times, a.start)  # type: ignore[attr-defined]
    scale = tracks.scale[i0, :2]
    after = times >= a.start  # type: ignore[attr-defined]
    u = np.clip(times - a.start, 0.0, end - a.start)  # type: ignore[attr-defined]
    target = getattr(a, "target", None)
    if target is not None:
        goal = ctx.lookup(target)
        at = moves.contact(a)[1]  # type: ignore[index]
        gap = goal[_at(times, a.start + at), :2] - tracks.position[i0, :2]  # type: ignore[attr-defined]
        if float(np.linalg.norm(gap)) > 1e-6:
            face = np.full(len(times), heading_of(gap))
            _turn_heading(tracks, times, a.start, face, after, 0.3)  # type: ignore[attr-defined]
    h = np.radians(tracks.hpr[min(i0 + round(0.3 / max(times[1] - times[0], 1e-6)), len(times) - 1), 0])
    turn = np.array([[np.cos(h), -np.sin(h)], [np.sin(h), np.cos(h)]])
    offset = (moves.travel(a, m, u) * scale) @ turn.T
    if target is not None:
        # step in (or back) before the contact so the toe or knuckles meet the target's near side
        at = moves.contact(a)[1]  # type: ignore[index]
        ic = _at(times, a.start + at)  # type: ignore[attr-defined]
        tip = turn @ (moves.strike_point(a, m)[:2] * scale)
        aim = goal[ic, :2] - tracks.position[i0, :2]
        reach = _radius(ctx, target)
        aim = aim - reach * aim / max(float(np.linalg.norm(aim)), 1e-9)
        step = aim - tip
        # the step in happens before the move, walking (the gait still owns the legs then), at about 1.2 m/s
        # and ends a moment before it, so the gait has put both feet down when the move takes the legs over
        t1 = max(0.0, a.start - SETTLE)  # type: ignore[attr-defined]
        t0 = max(0.0, t1 - float(np.clip(np.linalg.norm(step) / 1.2, 0.3, 1.2)))
        if float(np.linalg.norm(step)) > STEP_IN * max(t1 - t0, 0.25):
            ctx.warnings.append(f"{ctx.where}.target: {target!r} is {np.linalg.norm(step):.2g} m out of reach; "
                                f"the {ctx.actor.asset} slides there before the {a.type} "  # type: ignore[attr-defined]
                                "(walk_to it first, or start later)")
        lead = ease((times - t0) / max(t1 - t0, 1e-6), "ease_in_out")
        tracks.position[:, :2] += lead[:, None] * step[None, :]
    tracks.position[:, :2] += np.where(after[:, None], offset, 0.0)


def _radius(ctx: Context, actor_id: str) -> float:
    """Half the footprint of an actor, scaled: how far its near side is from its centre."""
    from scenes.catalog import asset

    other = ctx.others.get(actor_id)
    if other is None:
        return 0.1
    spec = asset(other.asset)
    return 0.5 * float(min(spec.size[0] * other.scale[0], spec.size[1] * other.scale[1]))


def _perch(a: Perch, times: np.ndarray, end: float, tracks: ActorTracks, ctx: Context) -> None:
    """Fly in an arc to the top of ``onto`` (an actor's highest support surface, else its top) or to a point."""
    from scenes.catalog import asset

    ie = _at(times, end)
    if isinstance(a.onto, str):
        other = ctx.others[a.onto]
        spec = asset(other.asset)
        base = ctx.lookup(a.onto)[ie]
        top = spec.traits.top_support()
        scale = np.asarray(other.scale, dtype=np.float64)
        height = (top.height if top is not None else spec.size[2]) * scale[2]
        centre = np.asarray(top.centre if top is not None else (0.0, 0.0)) * scale[:2]
        h = np.radians(other.rotation[0])
        turn = np.array([[np.cos(h), -np.sin(h)], [np.sin(h), np.cos(h)]])
        goal = np.array([*(base[:2] + turn @ centre), base[2] + height])
    else:
        goal = np.asarray(a.onto, dtype=np.float64)
    flight = FlyTo(type="fly_to", to=tuple(goal), arc=a.arc, start=a.start, end=end, face_direction=True)
    _fly_to(flight, times, end, tracks, ctx)


HOP_RATE = 3.0  # hops a second


def _hop(a: Hop, times: np.ndarray, end: float, tracks: ActorTracks, ctx: Context) -> None:
    """Small hops (a tenth of the bird's length high) along the ground to ``to``, landing on each beat."""
    from scenes.catalog import asset

    elapsed, _ = _window(times, a.start, end)
    i0 = _at(times, a.start)
    hops = max(1, round((end - a.start) * HOP_RATE))
    phase = np.clip(elapsed / (end - a.start), 0.0, 1.0) * hops
    height = 0.1 * asset(ctx.actor.asset).size[1] * float(np.mean(ctx.actor.scale))
    tracks.position[:, 2] += np.where(times > a.start, 4 * height * (phase % 1.0) * (1 - phase % 1.0), 0.0)
    if a.to is not None:
        offset = np.asarray(a.to, dtype=np.float64) - tracks.position[i0]
        offset[2] = 0.0
        step = np.floor(phase) + ease(phase % 1.0, "ease_in_out")  # forward in each hop, still between them
        tracks.position += (step / hops)[:, None] * offset[None, :]
        if np.hypot(*offset[:2]) > 1e-6:
            face = np.full(len(times), heading_of(offset[:2]))
            _turn_heading(tracks, times, a.start, face, times >= a.start, 0.2)


def _legacy(fn: Callable[..., None]) -> Callable[..., None]:
    def run(a: object, times: np.ndarray, end: float, tracks: ActorTracks, ctx: Context) -> None:
        fn(a, times, end, tracks, ctx.lookup)

    return run


_ACTIONS: dict[type, Callable[..., None]] = {
    Bounce: _legacy(_bounce), Spin: _legacy(_spin), MoveTo: _legacy(_move_to), Orbit: _legacy(_orbit),
    WalkTo: _walk_to, RunTo: _walk_to, FollowPath: _follow_path, Follow: _follow, FlyTo: _fly_to, Jump: _jump,
    TurnTo: _turn_to, Roll: _roll, Fall: _fall, Perch: _perch, Hop: _hop, **dict.fromkeys(MOVES, _move),
    Dance: _dance,
}
"""Root-motion actions; the others (wave, sit, look_at, idle, push) only pose joints or the physics."""


def actor_tracks(actor: Actor, times: np.ndarray, duration: float, lookup: PositionLookup,
                 warnings: list[str] | None = None, where: str = "actor",
                 others: dict[str, Actor] | None = None) -> ActorTracks:
    """Bake one actor's pose at every frame time: keyframes first, then each action in order.

    Requests beyond what the actor can do (a 4 m jump, walking at 50 m/s) are clamped and a line naming
    the field is appended to ``warnings``.
    """
    tracks = keyframe_tracks(actor, times)
    sink: list[str] = warnings if warnings is not None else []
    for k, action in enumerate(actor.actions):
        fn = _ACTIONS.get(type(action))
        if fn is None:
            continue
        end = natural_end(action, duration)
        if end <= action.start:
            continue
        fn(action, times, end, tracks, Context(lookup, duration, sink, f"{where}.actions[{k}]", actor, others))
    return tracks
