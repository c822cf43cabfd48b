"""World ↔ Unreal coordinates, the one conversion pair for everything that crosses to Unreal.

World (the project's frame): metres, right-handed, X right, Y forward, Z up; heading/pitch/roll in degrees with
heading 0 facing +Y and positive heading turning left (counter-clockwise seen from above), as in Panda3D.
Unreal: centimetres, left-handed, X forward, Y right, Z up; rotation as pitch/yaw/roll with yaw 0 facing +X and
positive yaw turning right. So world +Y is Unreal +X, world +X is Unreal +Y (swapping two axes flips the
handedness), yaw = -heading, and pitch (nose up) and roll (top towards the right) keep their signs. A camera looks
along its forward axis in both (Panda +Y, Unreal +X), so cameras and actors convert the same way.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

CM_PER_M = 100.0
DECIMALS = 4


def world_to_unreal(position: Iterable[float], hpr: Iterable[float]) -> tuple[np.ndarray, np.ndarray]:
    """World position (m) and heading/pitch/roll (deg) → Unreal location (cm) and pitch/yaw/roll (deg)."""
    x, y, z = (float(v) for v in position)
    return np.array([y * CM_PER_M, x * CM_PER_M, z * CM_PER_M]), rotation_to_unreal(hpr)


def unreal_to_world(location: Iterable[float], rotation: Iterable[float]) -> tuple[np.ndarray, np.ndarray]:
    """Unreal location (cm) and pitch/yaw/roll (deg) → world position (m) and heading/pitch/roll (deg)."""
    ux, uy, uz = (float(v) for v in location)
    return np.array([uy / CM_PER_M, ux / CM_PER_M, uz / CM_PER_M]), rotation_to_world(rotation)


def rotation_to_unreal(hpr: Iterable[float] | np.ndarray) -> np.ndarray:
    """Heading/pitch/roll (deg, (..., 3)) → Unreal pitch/yaw/roll (deg, (..., 3)).

    The same rule holds for an actor's rotation in the world and for a joint's local rotation in its parent's
    frame, because a joint's frame has the world's axis layout (X right, Y forward, Z up) and the matching Unreal
    bone frame has Unreal's (X forward, Y right, Z up): both are the one axis swap apart.
    """
    a = np.asarray(hpr, dtype=np.float64)
    if a.shape[-1:] != (3,):
        raise ValueError(f"rotations must have 3 components (heading, pitch, roll), got shape {a.shape}")
    return np.stack([a[..., 1] + 0.0, _wrap_all(-a[..., 0]), a[..., 2] + 0.0], axis=-1)


def rotation_to_world(rotation: Iterable[float] | np.ndarray) -> np.ndarray:
    """Unreal pitch/yaw/roll (deg, (..., 3)) → heading/pitch/roll (deg, (..., 3)); inverse of
    :func:`rotation_to_unreal`."""
    a = np.asarray(rotation, dtype=np.float64)
    if a.shape[-1:] != (3,):
        raise ValueError(f"rotations must have 3 components (pitch, yaw, roll), got shape {a.shape}")
    return np.stack([_wrap_all(-a[..., 1]), a[..., 0] + 0.0, a[..., 2] + 0.0], axis=-1)


def offset_to_unreal(offset: Iterable[float] | np.ndarray) -> np.ndarray:
    """A displacement in metres, world axes (..., 3) → centimetres, Unreal axes (..., 3)."""
    a = np.asarray(offset, dtype=np.float64)
    return np.stack([a[..., 1], a[..., 0], a[..., 2]], axis=-1) * CM_PER_M


def offset_to_world(offset: Iterable[float] | np.ndarray) -> np.ndarray:
    """A displacement in centimetres, Unreal axes (..., 3) → metres, world axes; inverse of
    :func:`offset_to_unreal`."""
    a = np.asarray(offset, dtype=np.float64)
    return np.stack([a[..., 1], a[..., 0], a[..., 2]], axis=-1) / CM_PER_M


def scale_to_unreal(scale: Iterable[float]) -> np.ndarray:
    """World per-axis scale (X right, Y forward, Z up) → Unreal's (X forward, Y right, Z up)."""
    sx, sy, sz = (float(v) for v in scale)
    return np.array([sy, sx, sz])


def scale_to_world(scale: Iterable[float]) -> np.ndarray:
    """Unreal per-axis scale → world per-axis scale (the same axis swap, its own inverse)."""
    return scale_to_unreal(scale)


def _wrap(angle: float) -> float:
    """Angle in (-180, 180]; -0.0 becomes 0.0 so it prints as ``0.0000``."""
    a = math.remainder(angle, 360.0)
    if a == -180.0:
        a = 180.0
    return a + 0.0


def _wrap_all(angles: np.ndarray) -> np.ndarray:
    """:func:`_wrap` over an array (the scalar one, so single rotations keep their exact old values)."""
    flat = [_wrap(float(v)) for v in np.ravel(angles)]
    return np.array(flat, dtype=np.float64).reshape(np.shape(angles))


def number(value: float, decimals: int = DECIMALS) -> str:
    """A float as UnrealCV parses it: fixed point, never an exponent, no ``-0``; NaN/inf are refused."""
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"cannot send {v} to Unreal: not a finite number")
    text = f"{v:.{decimals}f}"
    if text.lstrip("-").strip("0.") == "":
        text = text.lstrip("-")
    return text


def numbers(values: Iterable[float], decimals: int = DECIMALS) -> str:
    """Space-separated :func:`number` s."""
    return " ".join(number(v, decimals) for v in values)


def forward_of(hpr: Iterable[float]) -> np.ndarray:
    """The world unit vector something with heading/pitch/roll ``hpr`` faces (heading 0, pitch 0 → +Y)."""
    h, p, _ = (math.radians(float(v)) for v in hpr)
    return np.array([-math.sin(h) * math.cos(p), math.cos(h) * math.cos(p), math.sin(p)])
