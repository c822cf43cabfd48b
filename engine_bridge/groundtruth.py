"""Camera geometry for ground-truth passes, shared by every engine: intrinsics, extrinsics, boxes, occlusion.

Conventions (documented in docs/passes.md): the camera frame is OpenCV's — x right, y down, z forward —
and pixel centres sit at integer coordinates, so pixel ``(row r, column c)`` is the point ``u = c, v = r``
and the principal point of a W×H image is ``((W - 1) / 2, (H - 1) / 2)``. ``depth`` is the z coordinate
in that frame (distance along the optical axis, metres), not the distance along the ray.
"""

from __future__ import annotations

import math

import numpy as np

# An actor's local box is centred on its base: x, y in ±size/2, z in 0..size.
_UNIT_CORNERS = np.array(
    [[x, y, z] for z in (0.0, 1.0) for y in (-0.5, 0.5) for x in (-0.5, 0.5)], dtype=np.float64
)


def hpr_matrix(hpr: np.ndarray | tuple[float, float, float]) -> np.ndarray:
    """Rotation (3, 3) taking local coordinates to world coordinates for heading/pitch/roll in degrees.

    Same as Panda3D's HPR: heading about +Z (90 turns +Y towards -X), then pitch about the local +X
    (positive tilts +Y up), then roll about the local +Y.
    """
    h, p, r = (math.radians(float(a)) for a in hpr)
    ch, sh, cp, sp, cr, sr = math.cos(h), math.sin(h), math.cos(p), math.sin(p), math.cos(r), math.sin(r)
    rz = np.array([[ch, -sh, 0.0], [sh, ch, 0.0], [0.0, 0.0, 1.0]])
    rx = np.array([[1.0, 0.0, 0.0], [0.0, cp, -sp], [0.0, sp, cp]])
    ry = np.array([[cr, 0.0, sr], [0.0, 1.0, 0.0], [-sr, 0.0, cr]])
    return rz @ rx @ ry


def intrinsics(hfov_deg: float, width: int, height: int) -> np.ndarray:
    """Pinhole matrix K (3, 3) for a horizontal field of view and square pixels."""
    f = (width / 2.0) / math.tan(math.radians(hfov_deg) / 2.0)
    return np.array([[f, 0.0, (width - 1) / 2.0], [0.0, f, (height - 1) / 2.0], [0.0, 0.0, 1.0]])


def world_to_camera(position: np.ndarray, hpr: np.ndarray) -> np.ndarray:
    """Extrinsics (4, 4): world point (homogeneous) → OpenCV camera frame of a camera at ``position``/``hpr``."""
    r = hpr_matrix(hpr)
    # columns of r are the camera's right, forward and up axes in the world
    rot = np.stack([r[:, 0], -r[:, 2], r[:, 1]])
    out = np.eye(4)
    out[:3, :3] = rot
    out[:3, 3] = -rot @ np.asarray(position, dtype=np.float64)
    return out


def project(points: np.ndarray, k: np.ndarray, w2c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pixel coordinates (N, 2) and camera depths (N,) of world points (N, 3)."""
    cam = points @ w2c[:3, :3].T + w2c[:3, 3]
    z = cam[:, 2]
    with np.errstate(divide="ignore", invalid="ignore"):
        uv = (cam[:, :2] / z[:, None]) * np.diag(k)[:2] + k[:2, 2]
    return uv, z


def box_corners(size: np.ndarray, position: np.ndarray, hpr: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """World corners (8, 3) of an actor's box (``size`` at scale 1, origin at the centre of its base)."""
    local = _UNIT_CORNERS * (np.asarray(size, dtype=np.float64) * np.asarray(scale, dtype=np.float64))
    return local @ hpr_matrix(hpr).T + np.asarray(position, dtype=np.float64)


def flow_occlusion(flow: np.ndarray, flow_depth: np.ndarray, next_depth: np.ndarray | None,
                   rel_tol: float = 0.01, abs_tol: float = 0.02) -> np.ndarray:
    """Pixels (H, W) bool whose surface point is not visible in the next frame.

    ``flow`` (H, W, 2) and ``flow_depth`` (H, W) — where each pixel's surface point lands and its camera
    depth there — come from the engine; ``next_depth`` is the depth pass of the next frame. A point is
    occluded when it leaves the image, goes behind the camera, or lies farther than what the next frame
    sees at its landing pixel; background pixels (infinite depth) are never valid.
    """
    h, w = flow_depth.shape
    if next_depth is None:
        return np.ones((h, w), dtype=bool)
    rows, cols = np.indices((h, w), dtype=np.float32)
    u = cols + flow[..., 0]
    v = rows + flow[..., 1]
    inside = (u > -0.5) & (u < w - 0.5) & (v > -0.5) & (v < h - 0.5) & np.isfinite(flow_depth) & (flow_depth > 0)
    # The landing point falls between pixel centres: it is visible if it is no farther than the farthest of
    # the four surrounding pixels (on ground seen at a grazing angle depth changes a lot from pixel to pixel,
    # so one rounded pixel would call open ground occluded; a real occluder covers all four).
    u0 = np.clip(np.floor(u), 0, w - 1).astype(np.intp)
    v0 = np.clip(np.floor(v), 0, h - 1).astype(np.intp)
    u1 = np.minimum(u0 + 1, w - 1)
    v1 = np.minimum(v0 + 1, h - 1)
    seen = np.maximum(np.maximum(next_depth[v0, u0], next_depth[v0, u1]),
                      np.maximum(next_depth[v1, u0], next_depth[v1, u1]))
    visible = inside & (flow_depth <= seen * (1.0 + rel_tol) + abs_tol)
    return ~visible
