"""Camera shots: when each shot runs, and the camera's pose and lens at every frame."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from scenes.intents import FramingIntent
from scenes.motion import ease, look_at_hpr
from scenes.script import (
    CraneShot,
    DollyShot,
    HandheldShot,
    OrbitShot,
    PanShot,
    Shot,
    StaticShot,
    Target,
    TiltShot,
    TrackShot,
    TruckShot,
    ZoomShot,
    _FramedShot,
)

MIN_CAMERA_HEIGHT = 0.1  # metres above the ground; a camera never dips under it
CLEARANCE = 0.2  # metres a camera keeps from the faces of solid props


@dataclass(frozen=True)
class Subject:
    """What a shot films, per frame: base point (F, 3), height (F,), bounding radius, heading (F,), and
    whether it is a person (framing presets then aim at the chest or the face)."""

    base: np.ndarray
    height: np.ndarray
    radius: float
    heading: np.ndarray
    person: bool

    def centre(self) -> np.ndarray:
        """The middle of the subject (F, 3)."""
        return self.base + np.stack([0 * self.height, 0 * self.height, self.height / 2.0], -1)


Solid = tuple[np.ndarray, np.ndarray, np.ndarray]
"""A prop the camera must stay out of: base positions (F, 3), headings (F,), half extents (3,)."""


def shot_spans(shots: Sequence[Shot], duration: float) -> list[tuple[float, float]]:
    """Resolve each shot's (start, end) in seconds.

    Given times are kept. A missing start is the previous shot's end; a missing end is the next
    shot's start. Boundaries that are still unknown are spread evenly between known neighbours, so
    ``[orbit, dolly]`` with no times gives each half of the video. The first shot starts at 0 and the
    last ends at ``duration``; a gap between a shot's end and the next start holds the last pose.
    """
    n = len(shots)
    if n == 0:
        return []
    # boundary k sits between shot k-1 and shot k; boundary 0 is the start, boundary n the end
    bounds: list[float | None] = [None] * (n + 1)
    bounds[0] = shots[0].start if shots[0].start is not None else 0.0
    bounds[n] = duration
    for k in range(1, n):
        if shots[k].start is not None:
            bounds[k] = shots[k].start
        elif shots[k - 1].end is not None:
            bounds[k] = shots[k - 1].end
    known = [k for k, b in enumerate(bounds) if b is not None]
    for lo, hi in itertools.pairwise(known):
        for k in range(lo + 1, hi):
            bounds[k] = bounds[lo] + (bounds[hi] - bounds[lo]) * (k - lo) / (hi - lo)  # type: ignore[operator]
    spans = []
    for k, shot in enumerate(shots):
        start = bounds[k] if k else 0.0
        end = shot.end if shot.end is not None else bounds[k + 1]
        spans.append((float(start), float(max(end, start + 1e-6))))  # type: ignore[arg-type]
    return spans


def framing_distance(radius: float, hfov_deg: float, aspect: float, margin: float = 1.25) -> float:
    """Distance at which a sphere of ``radius`` fills the narrower field of view, with a margin."""
    hfov = math.radians(hfov_deg)
    vfov = 2.0 * math.atan(math.tan(hfov / 2.0) / aspect)
    half = min(hfov, vfov) / 2.0
    return margin * radius / math.sin(half)


def shot_target(shot: Shot) -> Target:
    """What a shot aims at: its ``target``, or the first subject of its framing intent when no target is given."""
    intent = shot.framing_intent()
    if intent is not None and "target" not in shot.model_fields_set:
        return intent.subjects[0]
    return shot.target


SubjectLookup = Callable[[Target], Subject]
"""Resolves a shot target (actor id or point) to its per-frame :class:`Subject`."""

# framing preset -> (fraction of the subject's height aimed at, radius to fill as a fraction of height)
_PERSON_FRAMING = {"wide": (0.5, 0.9), "medium": (0.7, 0.3), "close_up": (0.92, 0.1)}
_THING_FRAMING = {"wide": (0.5, 1.0), "medium": (0.5, 0.55), "close_up": (0.5, 0.3)}


def share_distance(height: float, share: float, hfov_deg: float, aspect: float) -> float:
    """Distance at which something ``height`` metres tall fills ``share`` of the frame height."""
    vfov = 2.0 * math.atan(math.tan(math.radians(hfov_deg) / 2.0) / aspect)
    return max(height, 0.05) / (max(share, 1e-3) * 2.0 * math.tan(vfov / 2.0))


def frame_subject(subject: Subject, framing: str | FramingIntent, fov: float,
                  aspect: float) -> tuple[np.ndarray, float]:
    """The look-at points (F, 3) and camera distance that give ``framing`` of ``subject`` through a ``fov`` lens.

    A :class:`FramingIntent` asks for the subject's height as a share of the frame: the camera aims at its
    middle from the distance that gives that share."""
    if isinstance(framing, FramingIntent):
        height = float(np.max(subject.height)) if subject.radius > 0 else 1.0
        look = subject.base + np.stack([0 * subject.height, 0 * subject.height, 0.5 * subject.height], -1)
        return look, share_distance(height, framing.share(), fov, aspect)
    if subject.radius <= 0.0:
        return subject.base.copy(), framing_distance({"wide": 4.0, "medium": 2.0, "close_up": 0.8}.get(framing, 2.0),
                                                     fov, aspect)
    aim, fill = (_PERSON_FRAMING if subject.person else _THING_FRAMING).get(framing, (0.5, 0.9))
    look = subject.base + np.stack([0 * subject.height, 0 * subject.height, aim * subject.height], -1)
    size = float(np.max(subject.height)) if subject.person else subject.radius * 2.0
    return look, framing_distance(max(fill * size, 0.05), fov, aspect)


def _smooth_noise(rng: np.random.Generator, t: np.ndarray, dims: int, freq: float) -> np.ndarray:
    """Smooth, seeded noise in -1..1 (F, dims): a few incommensurate sines with random phases."""
    out = np.zeros((len(t), dims))
    for d in range(dims):
        for k, f in enumerate((1.0, 2.3, 4.7)):
            out[:, d] += np.sin(2 * np.pi * freq * f * (1 + 0.1 * rng.standard_normal()) * t
                                + rng.uniform(0, 2 * np.pi)) / (k + 1.5)
    return out / 1.2


def keep_clear(eye: np.ndarray, solids: Sequence[Solid]) -> np.ndarray:
    """Move camera positions (F, 3) out of solid props (oriented boxes) and above the ground."""
    eye = eye.copy()
    eye[:, 2] = np.maximum(eye[:, 2], MIN_CAMERA_HEIGHT)
    for base, heading, half in solids:
        h = np.radians(heading)
        c, s_ = np.cos(h), np.sin(h)
        centre = base + np.array([0.0, 0.0, half[2]])
        rel = eye - centre
        local = np.stack([c * rel[:, 0] + s_ * rel[:, 1], -s_ * rel[:, 0] + c * rel[:, 1], rel[:, 2]], -1)
        lim = half + CLEARANCE
        inside = np.all(np.abs(local) < lim, axis=1)
        if not inside.any():
            continue
        depth = lim - np.abs(local)
        depth[:, 2] = np.where(local[:, 2] < 0, np.inf, depth[:, 2])  # never push a camera down into the ground
        axis = np.argmin(depth, axis=1)
        rows = np.flatnonzero(inside)
        local[rows, axis[rows]] = np.sign(local[rows, axis[rows]] + 1e-12) * lim[axis[rows]]
        world = np.stack([c * local[:, 0] - s_ * local[:, 1], s_ * local[:, 0] + c * local[:, 1], local[:, 2]], -1)
        eye[rows] = (centre + world)[rows]
    eye[:, 2] = np.maximum(eye[:, 2], MIN_CAMERA_HEIGHT)
    return eye


def _framed(shot: _FramedShot, subject: Subject, sel: np.ndarray, lens: float, aspect: float,
            lookup: SubjectLookup) -> tuple[np.ndarray, np.ndarray]:
    """Eye and look-at points (S, 3) for a framed shot, before its move is applied."""
    if shot.framing == "over_the_shoulder" and shot.over is not None:
        over = lookup(shot.over)
        o_head = over.base[sel] + np.stack([0 * over.height[sel], 0 * over.height[sel], 0.9 * over.height[sel]], -1)
        look, _ = frame_subject(subject, "close_up", lens, aspect)
        look = look[sel]
        gap = look[:, :2] - o_head[:, :2]
        fwd = gap / np.maximum(np.linalg.norm(gap, axis=1, keepdims=True), 1e-6)
        right = np.stack([fwd[:, 1], -fwd[:, 0]], -1)
        side = -1.0 if shot.angle < 0 else 1.0
        eye = o_head.copy()
        k = over.height[sel, None] / 1.8
        eye[:, :2] += -fwd * 1.5 * k + right * side * 0.55 * k
        eye[:, 2] += -0.02 + shot.height * 0.3
        return eye, look
    look, dist = frame_subject(subject, shot.framing, lens, aspect)
    look = look[sel]
    if shot.distance is not None:
        dist = shot.distance
    a = np.radians(shot.angle + (subject.heading[sel] if shot.relative else 0.0))
    a = np.broadcast_to(a, (len(look),))
    eye = look + np.stack([dist * np.sin(a), -dist * np.cos(a), np.full(len(look), float(shot.height))], -1)
    return eye, look


def camera_tracks(
    shots: Sequence[Shot],
    duration: float,
    times: np.ndarray,
    default_fov: float,
    lookup: SubjectLookup,
    auto_radius: Callable[[Target, float], float],
    aspect: float = 16 / 9,
    seed: int = 0,
    solids: Sequence[Solid] = (),
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Camera position (F, 3), heading/pitch/roll (F, 3), horizontal fov (F,) and shot index (F,).

    Each shot cuts in at its start. Cameras are kept out of ``solids`` and above the ground, and then
    aimed, so a pushed-out camera still looks at its target.
    """
    n = len(times)
    pos = np.zeros((n, 3))
    look_pts = np.zeros((n, 3))
    extra = np.zeros((n, 3))
    fov = np.full(n, float(default_fov))
    index = np.zeros(n, dtype=np.int32)
    spans = shot_spans(shots, duration)
    for k, (shot, (start, end)) in enumerate(zip(shots, spans, strict=True)):
        next_start = spans[k + 1][0] if k + 1 < len(spans) else math.inf
        sel = (times >= (start if k else -math.inf)) & (times < next_start)
        if not sel.any():
            continue
        t = times[sel]
        u = np.clip((t - start) / (end - start), 0.0, 1.0)
        subject = lookup(shot_target(shot))
        target = subject.centre()[sel]
        lens = shot.fov if shot.fov is not None else default_fov
        lens_track = np.full(len(t), float(lens))
        turn = np.zeros((len(t), 3))
        if isinstance(shot, StaticShot):
            eye = np.tile(np.asarray(shot.position, dtype=np.float64), (len(t), 1))
        elif isinstance(shot, OrbitShot):
            radius = shot.radius
            if radius is None and shot.framing_intent() is not None:
                radius = share_distance(float(np.max(subject.height)), shot.framing_intent().share(), lens, aspect)
            elif radius is None:
                radius = auto_radius(shot_target(shot), lens)
            a = np.radians(shot.start_angle + shot.degrees * ease(u, shot.easing))
            eye = target + np.stack([radius * np.sin(a), -radius * np.cos(a), np.full_like(a, shot.height)], -1)
        elif isinstance(shot, DollyShot):
            w = ease(u, shot.easing)[:, None]
            eye = (1.0 - w) * np.asarray(shot.from_) + w * np.asarray(shot.to)
        elif isinstance(shot, PanShot | TiltShot):
            eye = np.tile(np.asarray(shot.position, dtype=np.float64), (len(t), 1))
            target = np.tile(target[0], (len(t), 1))
            turn[:, 0 if isinstance(shot, PanShot) and not isinstance(shot, TiltShot) else 1] = (
                shot.degrees * ease(u, shot.easing))
        elif isinstance(shot, ZoomShot):
            eye = np.tile(np.asarray(shot.position, dtype=np.float64), (len(t), 1))
            lens_track = lens + (shot.to_fov - lens) * ease(u, shot.easing)
        elif isinstance(shot, _FramedShot):
            eye, target = _framed(shot, subject, sel, lens, aspect, lookup)
            if isinstance(shot, TrackShot):
                if shot.lag > 0 and len(t) > 1:
                    alpha = 1.0 - math.exp(-(t[1] - t[0]) / shot.lag)
                    smooth = eye.copy()
                    for i in range(1, len(t)):
                        smooth[i] = smooth[i - 1] + alpha * (eye[i] - smooth[i - 1])
                    eye = smooth
            elif isinstance(shot, TruckShot):
                view = target[0, :2] - eye[0, :2]
                view = view / max(float(np.linalg.norm(view)), 1e-6)
                right = np.array([view[1], -view[0], 0.0])
                eye = np.tile(eye[0], (len(t), 1)) + (shot.travel * ease(u, shot.easing))[:, None] * right
            elif isinstance(shot, CraneShot):
                eye = np.tile(eye[0], (len(t), 1))
                eye[:, 2] += (shot.to_height - shot.height) * ease(u, shot.easing)
            elif isinstance(shot, HandheldShot):
                if not shot.follow:
                    eye = np.tile(eye[0], (len(t), 1))
                    target = np.tile(target[0], (len(t), 1))
                rng = np.random.default_rng([seed, k])
                eye = eye + shot.sway * _smooth_noise(rng, t, 3, 0.35)
                turn = shot.shake * _smooth_noise(rng, t, 3, 0.6) * np.array([1.0, 0.8, 0.4])
        else:  # pragma: no cover - the discriminated union admits nothing else
            raise TypeError(type(shot))
        pos[sel] = eye
        look_pts[sel] = target
        extra[sel] = turn
        fov[sel] = lens_track
        index[sel] = k
    pos = keep_clear(pos, solids)
    hpr = look_at_hpr(pos, look_pts) + extra
    return pos, hpr, fov, index
