"""Motion capture clips retargeted onto the 16-joint humanoid rig.

The clips (``scenes/data/motions.npz``, DeepMimic's humanoid3d set, see ASSET-LICENSES.yaml) store per
keyframe: its duration, the root (pelvis) position and rotation in the world, then local rotations of the
chest, neck, right hip, knee, ankle, shoulder, elbow and the same on the left; spherical joints as
quaternions (w, x, y, z), knees and elbows as one angle about their z axis. DeepMimic's frame is Y up,
+X forward, +Z to the character's right; ours is Z up, +Y forward, +X right, so a rotation's axis maps
(x, y, z) → (z, x, y) and its angle stays. Both rigs stand with arms hanging and legs straight at rest,
so local rotations carry over joint for joint; the root translation is scaled by leg length.

A clip starts at the origin facing +Y (its first heading and ground position are taken out), so an
action plays it from wherever the actor stands, turned by the actor's heading.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from scenes.rig import Model, matrix_hpr, quat_matrix

DM_LEG = 0.421 + 0.409  # DeepMimic humanoid: hip → knee → ankle (m)
DM_ANKLE = 0.05  # its ankle joint above the ground when standing (m)
# our joint ← (first column of its rotation in a DeepMimic frame, 4 = quaternion, 1 = knee/elbow angle)
_COLUMNS = {"chest": (8, 4), "neck": (12, 4), "r_thigh": (16, 4), "r_shin": (20, 1), "r_foot": (21, 4),
            "r_upper_arm": (25, 4), "r_forearm": (29, 1), "l_thigh": (30, 4), "l_shin": (34, 1), "l_foot": (35, 4),
            "l_upper_arm": (39, 4), "l_forearm": (43, 1)}
RIG = ("pelvis", "chest", "neck", "head", "l_upper_arm", "l_forearm", "l_hand", "r_upper_arm", "r_forearm",
       "r_hand", "l_thigh", "l_shin", "l_foot", "r_thigh", "r_shin", "r_foot")
_MIRROR = [RIG.index({"l": "r", "r": "l"}[n[0]] + n[1:] if n[1] == "_" else n) for n in RIG]


@dataclass(frozen=True)
class Clip:
    """A retargeted clip: key times (K,), unit quaternions (K, 16, 4; w first) of every rig joint in our frame
    (the pelvis's relative to facing +Y), the root position (K, 3) in DeepMimic metres (our axes, starting
    above the origin), and whether it loops."""

    name: str
    times: np.ndarray
    quats: np.ndarray
    root: np.ndarray
    loop: bool

    @property
    def duration(self) -> float:
        """Seconds from the first key to the last."""
        return float(self.times[-1])


def _qmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    w1, x1, y1, z1 = np.moveaxis(a, -1, 0)
    w2, x2, y2, z2 = np.moveaxis(b, -1, 0)
    return np.stack([w1 * w2 - x1 * x2 - y1 * y2 - z1 * z2, w1 * x2 + x1 * w2 + y1 * z2 - z1 * y2,
                     w1 * y2 - x1 * z2 + y1 * w2 + z1 * x2, w1 * z2 + x1 * y2 - y1 * x2 + z1 * w2], -1)


def _to_ours(q: np.ndarray) -> np.ndarray:
    """A DeepMimic quaternion (…, 4) as a rotation in our frame: the axis (x, y, z) becomes (z, x, y)."""
    return np.stack([q[..., 0], q[..., 3], q[..., 1], q[..., 2]], -1)


@cache
def _raw() -> dict[str, np.ndarray]:
    with resources.files("scenes").joinpath("data", "motions.npz").open("rb") as f, np.load(f) as z:
        return {k: z[k] for k in z.files}


@cache
def clip(name: str, mirror: bool = False) -> Clip:
    """The clip ``name`` retargeted to the rig; ``mirror`` swaps left and right (a left-footed kick)."""
    f = _raw()[f"{name}.frames"].astype(np.float64)
    loop = bool(_raw()[f"{name}.loop"])
    times = np.concatenate([[0.0], np.cumsum(f[:-1, 0])])
    k = len(f)
    quats = np.zeros((k, len(RIG), 4))
    quats[..., 0] = 1.0
    quats[:, 0] = _to_ours(f[:, 4:8])
    for joint, (col, width) in _COLUMNS.items():
        j = RIG.index(joint)
        if width == 4:
            quats[:, j] = _to_ours(f[:, col:col + 4])
        else:  # a hinge about DeepMimic's z, which is our x
            quats[:, j] = np.stack([np.cos(f[:, col] / 2), np.sin(f[:, col] / 2), 0 * f[:, col], 0 * f[:, col]], -1)
    root = np.stack([f[:, 3], f[:, 1], f[:, 2]], -1)
    # start facing +Y above the origin
    fwd = quat_matrix(quats[0, 0]) @ np.array([0.0, 1.0, 0.0])
    yaw = np.arctan2(-fwd[0], fwd[1])
    unturn = np.array([np.cos(-yaw / 2), 0.0, 0.0, np.sin(-yaw / 2)])
    quats[:, 0] = _qmul(np.broadcast_to(unturn, quats[:, 0].shape), quats[:, 0])
    root[:, :2] -= root[0, :2]
    c, s = np.cos(-yaw), np.sin(-yaw)
    root[:, :2] = root[:, :2] @ np.array([[c, -s], [s, c]]).T
    if mirror:  # reflect x: a rotation about (x, y, z) becomes one about (x, -y, -z); left and right swap
        quats = quats[:, _MIRROR] * np.array([1.0, 1.0, -1.0, -1.0])
        root[:, 0] *= -1.0
    quats /= np.linalg.norm(quats, axis=-1, keepdims=True)
    return Clip(name, times, quats, root, loop)


def sample(c: Clip, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Joint rotations (F, 16, 3; hpr degrees) and root positions (F, 3; DeepMimic metres) at clip times ``u``
    (seconds; a looping clip wraps and keeps travelling, a one-shot one holds its ends)."""
    u = np.asarray(u, dtype=np.float64)
    d = c.duration
    cycles = np.floor(u / d) if c.loop else np.zeros_like(u)
    local = u - cycles * d if c.loop else np.clip(u, 0.0, d)
    i = np.clip(np.searchsorted(c.times, local, side="right") - 1, 0, len(c.times) - 2)
    w = np.clip((local - c.times[i]) / (c.times[i + 1] - c.times[i]), 0.0, 1.0)
    a, b = c.quats[i], c.quats[i + 1]
    b = np.where((np.sum(a * b, axis=-1, keepdims=True) < 0), -b, b)  # the short way round
    q = a + w[:, None, None] * (b - a)
    q /= np.linalg.norm(q, axis=-1, keepdims=True)
    root = c.root[i] + w[:, None] * (c.root[i + 1] - c.root[i])
    step = c.root[-1] - c.root[0]
    step[2] = 0.0
    root = root + cycles[:, None] * step
    return matrix_hpr(quat_matrix(q)), root


GAIT_CLIPS = {"walk": 0.564, "run": 0.268}  # clip → its time (s) of the left foot's touch-down (most forward)
UPPER_BODY = ("chest", "neck", "l_upper_arm", "l_forearm", "r_upper_arm", "r_forearm")


def gait_upper_body(name: str, cycle: np.ndarray) -> np.ndarray:
    """Rotations (F, 16, 3; hpr) of the chest, neck and arms of the captured ``walk`` or ``run`` at gait cycle
    fractions ``cycle`` (F,; 0 = the left foot touches down). The chest is taken in the clip's world frame
    (its pelvis's tilt and sway folded in), since the procedural gait keeps the pelvis upright."""
    c = clip(name)
    u = (GAIT_CLIPS[name] + (np.asarray(cycle) % 1.0) * c.duration) % c.duration
    i = np.clip(np.searchsorted(c.times, u, side="right") - 1, 0, len(c.times) - 2)
    w = np.clip((u - c.times[i]) / (c.times[i + 1] - c.times[i]), 0.0, 1.0)
    a, b = c.quats[i], c.quats[i + 1]
    b = np.where(np.sum(a * b, axis=-1, keepdims=True) < 0, -b, b)
    q = a + w[:, None, None] * (b - a)
    q /= np.linalg.norm(q, axis=-1, keepdims=True)
    mats = quat_matrix(q)
    chest = RIG.index("chest")
    mats[:, chest] = mats[:, 0] @ mats[:, chest]
    out = np.zeros((len(u), len(RIG), 3))
    for joint in UPPER_BODY:
        out[:, RIG.index(joint)] = matrix_hpr(mats[:, RIG.index(joint)])
    return out


def leg_scale(m: Model) -> float:
    """How much longer the model's legs are than DeepMimic's (root motion scales by this)."""
    shin, foot = m.joint_index("l_shin"), m.joint_index("l_foot")
    return float((np.linalg.norm(m.joints[shin].offset) + np.linalg.norm(m.joints[foot].offset)) / DM_LEG)


def root_height(m: Model, dm_height: np.ndarray) -> np.ndarray:
    """The model's pelvis offset from its rest height (F,) for DeepMimic root heights (F,): the clip's drop
    from standing, scaled by leg length."""
    return (np.asarray(dm_height) - DM_LEG - DM_ANKLE) * leg_scale(m)
