"""Articulated and multi-part models: joints, rigid parts with material slots, and forward kinematics.

Every catalog asset is a :class:`Model`: a tree of joints and a list of rigid parts, each part a
:class:`~scenes.geometry.Mesh` in the frame of the joint it hangs from, drawn with one material slot.
A simple prop has one joint (``root``); a humanoid has sixteen. A pose is one heading/pitch/roll per
joint (degrees, relative to the rest pose) plus a translation of the root joint, so engines draw a
frame by setting each joint node's local rotation: ``world(joint) = world(parent) · T(offset) · R(hpr)``,
the same composition Panda3D uses for ``setPosHpr``.

Rotation matrices use Panda3D's convention, ``R = Rz(heading) · Rx(pitch) · Ry(roll)`` acting on
column vectors, so heading 0 faces +Y and positive pitch lifts +Y towards +Z.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from scenes.geometry import Mesh, merge, transformed
from scenes.skin import SkinPart


@dataclass(frozen=True)
class Joint:
    """A joint: its parent's index (-1 for the root) and its rest offset in the parent's frame (metres)."""

    name: str
    parent: int
    offset: tuple[float, float, float]


@dataclass(frozen=True)
class Part:
    """A rigid piece of an asset: a mesh in its joint's frame, drawn with material ``slot``."""

    mesh: Mesh
    joint: int
    slot: str


@dataclass(frozen=True)
class Limb:
    """A two-segment leg for inverse kinematics: ``upper`` → ``lower`` joints, the effector (ankle or paw)
    at ``end`` in the lower joint's frame, an optional ``foot`` joint kept flat, and which way the middle
    joint bends (``knee`` -1: the effector swings behind it, like a human knee; +1: in front)."""

    name: str
    upper: int
    lower: int
    end: tuple[float, float, float]
    foot: int = -1
    knee: float = -1.0
    phase: float = 0.0  # walking phase offset in the gait cycle (0..1)


@dataclass(frozen=True)
class SlotLook:
    """The default look of a material slot: an sRGB colour and a finish name from ``scenes.materials``."""

    colour: tuple[float, float, float]
    finish: str = "plastic"


@dataclass(frozen=True)
class Model:
    """An asset's joints (parents before children), rigid parts and the default look of each slot.

    ``main_slot`` is the slot an actor's ``material`` recolours (a person's clothes, a table's wood).
    """

    joints: tuple[Joint, ...]
    parts: tuple[Part, ...]
    slots: dict[str, SlotLook] = field(default_factory=dict)
    main_slot: str = "body"
    limbs: tuple[Limb, ...] = ()  # legs that walk, for characters and animals
    skin: tuple[SkinPart, ...] = ()  # skinned meshes (bind pose = rest pose), deformed by the joints
    eyes: np.ndarray | None = None  # rest centres of the eyeballs (2, 3) of a skinned body: they turn to look
    lids: np.ndarray | None = None  # how far (degrees) each eyelid turns down to close, for a body that blinks

    @property
    def skinned(self) -> bool:
        """True when the model has a skinned body (its look comes from ``skin`` rather than rigid parts)."""
        return bool(self.skin)

    @property
    def articulated(self) -> bool:
        """True when the model has joints that poses can move."""
        return len(self.joints) > 1

    def joint_index(self, name: str) -> int:
        """Index of the joint called ``name`` (``KeyError`` if none)."""
        for i, j in enumerate(self.joints):
            if j.name == name:
                return i
        raise KeyError(name)

    def joint_vertices(self, j: int) -> list[np.ndarray]:
        """Vertices that move with joint ``j``, in its frame: its rigid parts' and the skin vertices it
        dominates (bind pose minus the joint's rest position; rest rotations are zero)."""
        out = [p.mesh.vertices for p in self.parts if p.joint == j]
        if self.skin:
            rest = joint_matrices(self, np.zeros((1, len(self.joints), 3)), np.zeros((1, 3)))[0, j, :3, 3]
            for p in self.skin:
                mine = p.joints[np.arange(len(p.joints)), np.argmax(p.weights, axis=1)] == j
                if mine.any():
                    out.append(p.mesh.vertices[mine] - rest.astype(np.float32))
        return out

    def rest_mesh(self) -> Mesh:
        """All parts merged in the rest pose, in the model's frame (for bounds, hulls and simple engines)."""
        mats = joint_matrices(self, np.zeros((1, len(self.joints), 3)), np.zeros((1, 3)))[0]
        return merge([transformed(p.mesh, mats[p.joint]) for p in self.parts] + [p.mesh for p in self.skin])


def single_part(mesh: Mesh, look: SlotLook = SlotLook((1.0, 1.0, 1.0))) -> Model:
    """A one-joint, one-part model (the primitives)."""
    return Model((Joint("root", -1, (0.0, 0.0, 0.0)),), (Part(mesh, 0, "body"),), {"body": look})


def hpr_matrix(hpr: np.ndarray) -> np.ndarray:
    """Rotation matrices (..., 3, 3) for heading/pitch/roll in degrees (..., 3), Panda3D's convention."""
    h, p, r = (np.radians(np.asarray(hpr, dtype=np.float64)[..., k]) for k in range(3))
    ch, sh, cp, sp, cr, sr = np.cos(h), np.sin(h), np.cos(p), np.sin(p), np.cos(r), np.sin(r)
    m = np.empty((*np.shape(h), 3, 3))
    m[..., 0, 0] = ch * cr - sh * sp * sr
    m[..., 0, 1] = -sh * cp
    m[..., 0, 2] = ch * sr + sh * sp * cr
    m[..., 1, 0] = sh * cr + ch * sp * sr
    m[..., 1, 1] = ch * cp
    m[..., 1, 2] = sh * sr - ch * sp * cr
    m[..., 2, 0] = -cp * sr
    m[..., 2, 1] = sp
    m[..., 2, 2] = cp * cr
    return m


def matrix_hpr(m: np.ndarray) -> np.ndarray:
    """Heading/pitch/roll in degrees (..., 3) of rotation matrices (..., 3, 3); inverse of :func:`hpr_matrix`."""
    p = np.arcsin(np.clip(m[..., 2, 1], -1.0, 1.0))
    r = np.arctan2(-m[..., 2, 0], m[..., 2, 2])
    h = np.arctan2(-m[..., 0, 1], m[..., 1, 1])
    return np.degrees(np.stack([h, p, r], axis=-1))


def continuous_hpr(hpr: np.ndarray) -> np.ndarray:
    """Heading/pitch/roll tracks (F, ..., 3) rewritten frame by frame as the equivalent angles nearest the
    previous frame's: (h, p, r) and (h + 180, 180 - p, r + 180) are one rotation, and any angle ± 360 too.
    Rotations blended through quaternions come back in either form; keyed tracks should not flip."""
    out = np.array(hpr, dtype=np.float64, copy=True)

    def near(x: np.ndarray, ref: np.ndarray) -> np.ndarray:
        return ref + (x - ref + 180.0) % 360.0 - 180.0

    for f in range(1, len(out)):
        prev, cur = out[f - 1], out[f]
        alt = np.stack([cur[..., 0] + 180.0, 180.0 - cur[..., 1], cur[..., 2] + 180.0], -1)
        a, b = near(cur, prev), near(alt, prev)
        pick = np.abs(b - prev).sum(axis=-1) < np.abs(a - prev).sum(axis=-1)
        out[f] = np.where(pick[..., None], b, a)
    return out


def matrix_quat(m: np.ndarray) -> np.ndarray:
    """Unit quaternions (..., 4; w first) of rotation matrices (..., 3, 3)."""
    w = np.sqrt(np.maximum(1.0 + m[..., 0, 0] + m[..., 1, 1] + m[..., 2, 2], 0.0)) / 2.0
    x = np.sqrt(np.maximum(1.0 + m[..., 0, 0] - m[..., 1, 1] - m[..., 2, 2], 0.0)) / 2.0
    y = np.sqrt(np.maximum(1.0 - m[..., 0, 0] + m[..., 1, 1] - m[..., 2, 2], 0.0)) / 2.0
    z = np.sqrt(np.maximum(1.0 - m[..., 0, 0] - m[..., 1, 1] + m[..., 2, 2], 0.0)) / 2.0
    x = np.copysign(x, m[..., 2, 1] - m[..., 1, 2])
    y = np.copysign(y, m[..., 0, 2] - m[..., 2, 0])
    z = np.copysign(z, m[..., 1, 0] - m[..., 0, 1])
    return np.stack([w, x, y, z], -1)


def quat_matrix(q: np.ndarray) -> np.ndarray:
    """Rotation matrices (..., 3, 3) of unit quaternions (..., 4; w first)."""
    w, x, y, z = np.moveaxis(q, -1, 0)
    return np.stack([np.stack([1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)], -1),
                     np.stack([2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)], -1),
                     np.stack([2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)], -1)], -2)


def joint_matrices(model: Model, rotations: np.ndarray, root_offset: np.ndarray) -> np.ndarray:
    """Model-space 4×4 matrices (F, J, 4, 4) of every joint for poses (F, J, 3) and root offsets (F, 3)."""
    f = rotations.shape[0]
    out = np.zeros((f, len(model.joints), 4, 4))
    rot = hpr_matrix(rotations)  # (F, J, 3, 3)
    for j, joint in enumerate(model.joints):
        local = np.zeros((f, 4, 4))
        local[:, :3, :3] = rot[:, j]
        local[:, :3, 3] = joint.offset
        local[:, 3, 3] = 1.0
        if joint.parent < 0:
            local[:, :3, 3] += root_offset
            out[:, j] = local
        else:
            out[:, j] = out[:, joint.parent] @ local
    return out


def actor_matrices(position: np.ndarray, hpr: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """World matrices (F, 4, 4) of an actor's root from its per-frame position, hpr and scale tracks."""
    m = np.zeros((len(position), 4, 4))
    m[:, :3, :3] = hpr_matrix(hpr) * scale[:, None, :]
    m[:, :3, 3] = position
    m[:, 3, 3] = 1.0
    return m


def two_bone_ik(d: np.ndarray, l1: float, l2: float, knee: float, bend: tuple[float, float] = (0.0, 0.0)
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two-bone IK of a chain hanging along -Z (a leg, an arm): the upper joint's pitch and roll and the middle
    joint's pitch (degrees, (F,) each) that reach ``d`` (F, 3) from the upper joint, in its parent's frame.
    ``knee`` -1 bends the middle joint backwards (a knee), +1 forwards (an elbow).

    ``bend`` is the rest lean of the two segments from straight down towards +Y (degrees; zero for legs that
    hang straight at rest, the skinned dog's stand bent): the knee's pitch is measured from that rest bend."""
    upper, lower = np.radians(bend[0]), np.radians(bend[1])
    dist = np.linalg.norm(d, axis=1)
    reach = np.clip(dist, abs(l1 - l2) + 1e-4, (l1 + l2) * 0.9999)
    d = d * (reach / np.maximum(dist, 1e-9))[:, None]
    cos_k = np.clip((reach**2 - l1**2 - l2**2) / (2 * l1 * l2), -1.0, 1.0)
    k = knee * np.arccos(cos_k)  # the lower segment's angle from the upper one's line
    # the leg's shape in the hip's frame before pitch and roll (in its Y-Z plane)
    yl = l1 * np.sin(upper) + l2 * np.sin(upper + k)
    zl = -(l1 * np.cos(upper) + l2 * np.cos(upper + k))
    r = np.arcsin(np.clip(d[:, 0] / zl, -1.0, 1.0))
    p = np.arctan2(d[:, 2], d[:, 1]) - np.arctan2(zl * np.cos(r), yl)
    p = (p + np.pi) % (2 * np.pi) - np.pi
    return np.degrees(p), np.degrees(r), np.degrees(k - (lower - upper))
