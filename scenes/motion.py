"""Actor motion: keyframe interpolation and named actions, evaluated for all frames at once with numpy.

Each function takes the array of frame times and the actor's tracks so far and adds its part, so
actions compose in the order the script lists them. Every action holds its final effect after its
``end`` (a spin keeps its angle, a move stays at its destination), so nothing pops.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from scenes.script import Actor, Bounce, Easing, MoveTo, Orbit, Spin


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

_ACTIONS: dict[type, Callable[..., None]] = {Bounce: _bounce, Spin: _spin, MoveTo: _move_to, Orbit: _orbit}


def actor_tracks(actor: Actor, times: np.ndarray, duration: float, lookup: PositionLookup) -> ActorTracks:
    """Bake one actor's pose at every frame time: keyframes first, then each action in order."""
    tracks = keyframe_tracks(actor, times)
    for action in actor.actions:
        end = action.end if action.end is not None else duration
        _ACTIONS[type(action)](action, times, end, tracks, lookup)
    return tracks
