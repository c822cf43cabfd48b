"""Camera shots: when each shot runs, and the camera's pose and lens at every frame."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

import numpy as np

from scenes.motion import ease, look_at_hpr
from scenes.script import DollyShot, OrbitShot, Shot, StaticShot, Target

MIN_CAMERA_HEIGHT = 0.1  # metres above the ground; a camera never dips under it


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


TargetLookup = Callable[[Target], np.ndarray]
"""Resolves a shot target (actor id or point) to per-frame look-at points (F, 3)."""


def camera_tracks(
    shots: Sequence[Shot],
    duration: float,
    times: np.ndarray,
    default_fov: float,
    lookup: TargetLookup,
    auto_radius: Callable[[Target, float], float],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Camera position (F, 3), heading/pitch/roll (F, 3), horizontal fov (F,) and shot index (F,)."""
    n = len(times)
    pos = np.zeros((n, 3))
    hpr = np.zeros((n, 3))
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
        target = lookup(shot.target)[sel]
        lens = shot.fov if shot.fov is not None else default_fov
        if isinstance(shot, StaticShot):
            eye = np.tile(np.asarray(shot.position, dtype=np.float64), (len(t), 1))
        elif isinstance(shot, OrbitShot):
            radius = shot.radius if shot.radius is not None else auto_radius(shot.target, lens)
            a = np.radians(shot.start_angle + shot.degrees * ease(u, shot.easing))
            eye = target + np.stack([radius * np.sin(a), -radius * np.cos(a), np.full_like(a, shot.height)], -1)
        elif isinstance(shot, DollyShot):
            w = ease(u, shot.easing)[:, None]
            eye = (1.0 - w) * np.asarray(shot.from_) + w * np.asarray(shot.to)
        else:  # pragma: no cover - the discriminated union admits nothing else
            raise TypeError(type(shot))
        eye[:, 2] = np.maximum(eye[:, 2], MIN_CAMERA_HEIGHT)
        pos[sel] = eye
        hpr[sel] = look_at_hpr(eye, target)
        fov[sel] = lens
        index[sel] = k
    return pos, hpr, fov, index
