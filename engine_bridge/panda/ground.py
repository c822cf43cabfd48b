"""The ground plane, split so that only the part that can receive shadows pays for the shadow-map lookup.

The sun's shadow map covers a fixed cylinder around every actor over the whole video (fitted once, so
shadows never swim). Where that cylinder meets the ground is an ellipse; the ground is a 3×3 grid of
quads whose centre cell holds the ellipse's bounding rectangle and is drawn with the SHADOWS shader
variant, the other eight without it. All cells share grid vertices, so there are no T-junction cracks.
On llvmpipe the shadow lookup is about a third of the frame, and most ground pixels lie outside.
"""

from __future__ import annotations

import math

import numpy as np

from scenes.geometry import Mesh


def shadow_patch(centre: np.ndarray, radius: float, sun_dir: np.ndarray, extent: float) -> tuple[float, ...]:
    """Bounds ``(x0, y0, x1, y1)`` on z = 0 of every point the shadow map can darken, clamped to the ground.

    The shadow film is a square of side ``2 * radius`` seen along ``sun_dir``; the cylinder of radius
    ``radius * sqrt(2)`` holds it. Its ground footprint is an ellipse stretched by 1 / sin(elevation).
    """
    d = np.asarray(sun_dir, dtype=np.float64)
    d = d / np.linalg.norm(d)
    sin_e = max(d[2], 0.05)  # a sun on the horizon: a long but finite patch
    c = np.asarray(centre, dtype=np.float64)
    foot = c[:2] - d[:2] * (c[2] / sin_e)
    r = radius * math.sqrt(2.0)
    horiz = d[:2] / max(np.linalg.norm(d[:2]), 1e-9) if np.linalg.norm(d[:2]) > 1e-6 else np.array([1.0, 0.0])
    across = np.array([-horiz[1], horiz[0]])
    a, b = r / sin_e, r  # semi-axes along the sun's heading and across it
    half = np.sqrt((a * horiz) ** 2 + (b * across) ** 2)
    # Snapped outwards to whole metres: bounds that differ in the last digits (a scene rebuilt from rounded
    # numbers, as the UnrealCV server does) give the same ground mesh, hence bit-identical frames.
    lo = np.clip(np.floor(foot - half), -extent + 1.0, extent - 2.0)
    hi = np.clip(np.ceil(foot + half), lo + 1.0, extent - 1.0)
    return float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])


def ground_meshes(extent: float, patch: tuple[float, ...] | None) -> tuple[Mesh | None, Mesh]:
    """(shadowed centre cell or None, the rest) of a square ground of half-size ``extent`` at z = 0."""
    if patch is None:
        xs = ys = np.array([-extent, extent])
    else:
        x0, y0, x1, y1 = patch
        xs = np.array([-extent, x0, x1, extent])
        ys = np.array([-extent, y0, y1, extent])
    gx, gy = np.meshgrid(xs, ys)  # vertex (row j, column i) = (xs[i], ys[j])
    vertices = np.stack([gx.ravel(), gy.ravel(), np.zeros(gx.size)], -1).astype(np.float32)
    normals = np.tile(np.array([0.0, 0.0, 1.0], dtype=np.float32), (len(vertices), 1))
    n = len(xs)

    def cell(i: int, j: int) -> list[list[int]]:
        a, b, c, d = j * n + i, j * n + i + 1, (j + 1) * n + i + 1, (j + 1) * n + i
        return [[a, b, c], [a, c, d]]  # counter-clockwise seen from above

    cells = [(i, j) for j in range(n - 1) for i in range(n - 1)]
    centre = (1, 1) if patch is not None else None
    rest = [t for ij in cells if ij != centre for t in cell(*ij)]
    outer = Mesh(vertices, normals, np.asarray(rest, dtype=np.uint32))
    inner = Mesh(vertices, normals, np.asarray(cell(1, 1), dtype=np.uint32)) if patch is not None else None
    return inner, outer
