"""Where on the ground the sun's shadows can fall, so that only that part pays for shadow-map lookups.

The ground is a SplitGrid (grid.py): its centre cell is drawn with the SHADOWS shader variant, the ring
around it without. On llvmpipe a shadow lookup is about a tenth of a 720p frame where it covers the
ground, and most ground pixels are lit anyway. The centre cell is fitted every frame to the shadows of
that frame's actors (``shadow_bounds``), inside the whole video's shadow-map footprint (``shadow_patch``).
"""

from __future__ import annotations

import math

import numpy as np


def shadow_bounds(centres: np.ndarray, radii: np.ndarray, sun_dir: np.ndarray) -> tuple[float, float, float, float]:
    """Bounds ``(x0, y0, x1, y1)`` on z = 0 of the shadows of spheres ``centres`` (N, 3) / ``radii`` (N,).

    A sphere's shadow lies in its projection along ``sun_dir`` onto the ground: an ellipse around the
    foot of its centre, stretched by 1 / sin(elevation) along the sun's heading. With no spheres the
    bounds are empty (x0 > x1).
    """
    c = np.asarray(centres, dtype=np.float64).reshape(-1, 3)
    r = np.asarray(radii, dtype=np.float64).reshape(-1)
    if not len(c):
        return (1.0, 1.0, 0.0, 0.0)
    d = np.asarray(sun_dir, dtype=np.float64)
    d = d / np.linalg.norm(d)
    sin_e = max(d[2], 0.05)  # a sun on the horizon: long but finite shadows
    foot = c[:, :2] - d[:2] * (c[:, 2:3] / sin_e)
    flat = np.linalg.norm(d[:2])
    horiz = d[:2] / flat if flat > 1e-6 else np.array([1.0, 0.0])
    across = np.array([-horiz[1], horiz[0]])
    # half-extents of an ellipse with semi-axes r / sin_e (along the heading) and r (across it)
    half = r[:, None] * np.sqrt((horiz / sin_e) ** 2 + across**2)
    lo, hi = (foot - half).min(axis=0), (foot + half).max(axis=0)
    return float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])


def shadow_patch(centre: np.ndarray, radius: float, sun_dir: np.ndarray, extent: float) -> tuple[float, ...]:
    """Bounds ``(x0, y0, x1, y1)`` on z = 0 of every point the shadow map can darken, clamped to the ground.

    The shadow film is a square of side ``2 * radius`` seen along ``sun_dir``; the cylinder of radius
    ``radius * sqrt(2)`` holds it.
    """
    x0, y0, x1, y1 = shadow_bounds(np.asarray(centre)[None], np.array([radius * math.sqrt(2.0)]), sun_dir)
    # Snapped outwards to whole metres: bounds that differ in the last digits (a scene rebuilt from rounded
    # numbers, as the UnrealCV server does) give the same patch.
    lo = np.clip(np.floor([x0, y0]), -extent + 1.0, extent - 2.0)
    hi = np.clip(np.ceil([x1, y1]), lo + 1.0, extent - 1.0)
    return float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])
