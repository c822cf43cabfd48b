"""Joint poses as the one-string argument of the character Blueprints' ``SetPose`` function, both ways.

The argument is ``bone:pitch,yaw,roll;bone:pitch,yaw,roll;…`` — every joint of the asset's rig once, in the rig's
order, no spaces (UnrealCV splits ``vbp`` arguments on spaces). Each rotation is the joint's local rotation
relative to its rest orientation, converted with :func:`~engine_bridge.unreal.coords.rotation_to_unreal`; the
root joint's entry carries three more numbers, its translation from its rest position in centimetres on Unreal's
axes, in the actor's unscaled frame: ``pelvis:p,y,r,x,y,z``. Numbers are fixed point (UnrealCV's float pattern),
never exponents.
"""

from __future__ import annotations

import re

import numpy as np

from engine_bridge.unreal.coords import (
    DECIMALS,
    number,
    offset_to_unreal,
    offset_to_world,
    rotation_to_unreal,
    rotation_to_world,
)
from scenes.animation import JointPose
from scenes.rig import Model

_NUMBER = re.compile(r"[-+]?\d*\.?\d+")  # UnrealCV's float: fixed point, no exponent


class PoseError(ValueError):
    """A ``SetPose`` argument that does not describe a pose of the rig; the message says what is wrong."""


def pose_argument(model: Model, pose: JointPose, decimals: int = DECIMALS) -> str:
    """The ``SetPose`` argument for one frame's ``pose`` of an actor built from ``model``."""
    rotations = np.asarray(pose.rotations, dtype=np.float64)
    if rotations.shape != (len(model.joints), 3):
        raise ValueError(f"a pose of {len(model.joints)} joints needs rotations of shape ({len(model.joints)}, 3), "
                         f"got {rotations.shape}")
    unreal = rotation_to_unreal(rotations)
    offset = offset_to_unreal(pose.root_offset)
    entries = []
    for j, joint in enumerate(model.joints):
        values = [*unreal[j], *(offset if joint.parent < 0 else ())]
        entries.append(f"{joint.name}:" + ",".join(number(v, decimals) for v in values))
    return ";".join(entries)


def parse_pose(model: Model, text: str) -> JointPose:
    """The pose a ``SetPose`` argument describes (inverse of :func:`pose_argument`); :class:`PoseError` naming the
    entry and what is wrong when it is malformed."""
    names = [j.name for j in model.joints]
    if not text or not text.strip():
        raise PoseError(f"SetPose needs 'bone:pitch,yaw,roll;…' for the bones {', '.join(names)}; got nothing")
    rotations = np.zeros((len(names), 3))
    offset = np.zeros(3)
    seen: set[str] = set()
    for k, entry in enumerate(text.split(";"), start=1):
        bone, sep, values = entry.partition(":")
        if not sep or not bone:
            raise PoseError(f"SetPose entry {k} {entry[:40]!r} is not 'bone:pitch,yaw,roll'")
        if bone not in names:
            raise PoseError(f"SetPose entry {k}: no bone {bone[:40]!r} in this rig; its bones are {', '.join(names)}")
        if bone in seen:
            raise PoseError(f"SetPose entry {k}: bone {bone} is given twice")
        seen.add(bone)
        j = names.index(bone)
        root = model.joints[j].parent < 0
        parts = values.split(",")
        if len(parts) not in ((3, 6) if root else (3,)):
            wanted = "pitch,yaw,roll[,x,y,z]" if root else "pitch,yaw,roll"
            raise PoseError(f"SetPose entry {k}: bone {bone} needs {wanted}, got {len(parts)} numbers")
        for part in parts:
            if not _NUMBER.fullmatch(part):
                raise PoseError(f"SetPose entry {k}: bone {bone}: {part[:40]!r} is not a fixed-point number")
        numbers = [float(v) for v in parts]
        rotations[j] = numbers[:3]
        if len(numbers) == 6:
            offset = np.array(numbers[3:])
    missing = [n for n in names if n not in seen]
    if missing:
        raise PoseError(f"SetPose is missing the bones {', '.join(missing)} (every bone of the rig, once)")
    return JointPose(rotation_to_world(rotations), offset_to_world(offset))
