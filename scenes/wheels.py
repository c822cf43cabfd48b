"""Wheels that turn with the distance driven and rotors that spin: joint rotations for rigid props.

A wheel joint (``wheel_*``, axle along X at the wheel's centre, so its height above the base is the
wheel's radius) pitches by the signed distance its vehicle covers along its own heading over that
radius; a rotor joint (``rotor_*``) turns about Z while the prop moves or is off the ground. These
are kept apart from the articulated actors' poses (``Timeline.poses``): a car stays a rigid body for
physics and the world check; only engines turn its wheels.
"""

from __future__ import annotations

import numpy as np

from scenes.animation import PoseTrack
from scenes.rig import Model

ROTOR_SPEED = 1440.0  # degrees per second: a blur of blades at 30 fps, not a strobe


def spinning_joints(model: Model) -> tuple[list[int], list[int]]:
    """Indices of the model's wheel joints and rotor joints."""
    wheels = [k for k, j in enumerate(model.joints) if j.name.startswith("wheel_")]
    rotors = [k for k, j in enumerate(model.joints) if j.name.startswith("rotor_")]
    return wheels, rotors


def spin_track(model: Model, times: np.ndarray, position: np.ndarray, hpr: np.ndarray,
               scale: np.ndarray) -> PoseTrack | None:
    """Joint rotations (F, J, 3) turning the wheels and rotors of a prop over its baked root motion
    (``position``/``hpr``/``scale`` per frame), or ``None`` when it has none or they never turn."""
    wheels, rotors = spinning_joints(model)
    n = len(times)
    rot = np.zeros((n, len(model.joints), 3))
    step = np.diff(position[:, :2], axis=0, prepend=position[:1, :2])
    heading = np.radians(hpr[:, 0])
    forward = np.stack([-np.sin(heading), np.cos(heading)], -1)  # heading 0 faces +Y
    travelled = np.cumsum(np.einsum("fk,fk->f", step, forward))  # signed: reversing turns them back
    for k in wheels:
        radius = max(model.joints[k].offset[2] * float(scale[0, 2]), 1e-3)
        rot[:, k, 1] = -np.degrees(travelled / radius)  # rolling forward brings the wheel's front down
    moving = bool(np.ptp(position, axis=0).max() > 1e-3) or bool(position[:, 2].max() > 0.05)
    if rotors and moving:
        rot[:, rotors, 0] = (ROTOR_SPEED * (times - times[0]))[:, None]
    if not np.any(rot):
        return None
    return PoseTrack(rot, np.zeros((n, 3)), np.zeros((n, 0), dtype=bool), ())
