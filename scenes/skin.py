"""Skinned human bodies: the MakeHuman/MPFB2 base mesh (CC0) bound to the project's 16-joint humanoid rig.

``scenes/data/human.npz`` (made by ``scenes/data/extract_mpfb2.py``) holds the body mesh, its skin
weights folded onto our joints, a region code per triangle and one shape delta per body variant. Here a
variant is built: the shape applied, arms and legs straightened into the rig's rest pose (arms hanging a
little out from the sides, legs vertical under the hips, so the rig's two-bone leg IK holds), the body
scaled to its height with soles on z = 0, and the triangles split into material slots by region (top,
bottom, shoes, skin, hair, lips, eyes). Engines skin it on the GPU from each frame's joint matrices;
:func:`skin_vertices` is the same arithmetic in numpy, for tests, bounds and engines without shaders.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from scenes.geometry import Mesh, ellipsoid, placed

JOINTS = ("pelvis", "chest", "neck", "head",
          "l_upper_arm", "l_forearm", "l_hand", "r_upper_arm", "r_forearm", "r_hand",
          "l_thigh", "l_shin", "l_foot", "r_thigh", "r_shin", "r_foot")
PARENTS = (-1, 0, 1, 2, 1, 4, 5, 1, 7, 8, 0, 10, 11, 0, 13, 14)
VARIANTS = ("person", "man", "woman", "child", "elderly")
EYE_BONES = (len(JOINTS), len(JOINTS) + 1)  # skinning-palette slots after the rig's joints: left eye, right eye
LID_BONES = (len(JOINTS) + 2, len(JOINTS) + 3)  # then the eyelids' (they close over the eyes to blink)
LID_GAP = 1.03  # eyelid shell radius over the eyeball's: clear of the cornea, under the lid skin
LID_OVERLAP = 6.0  # degrees a closed lid reaches past the lower lid's margin (and its open edge hides above the upper)
ARM_SPREAD = 9.0  # degrees the rest arm hangs out from vertical (a vertical arm would sink into wide hips)
HAIR_LIFT = 0.009  # metres the hair shell stands off the scalp (short hair's thickness)
SHOE_LIFT = 0.005  # metres shoes stand off the foot (rounds the toes off)


@dataclass(frozen=True)
class SkinPart:
    """One material slot of a skinned body: its bind-pose mesh (model frame) and, per vertex, four joint
    indices and weights summing to one; optionally a colour per vertex (``tint``, linear RGB) that multiplies
    the slot's colour (a texture baked to the vertices: the dog's fur)."""

    mesh: Mesh
    slot: str
    joints: np.ndarray  # (V, 4) uint8
    weights: np.ndarray  # (V, 4) float32
    tint: np.ndarray | None = None  # (V, 3) float32


@dataclass(frozen=True)
class Body:
    """A built body: rest joint positions (16, 3, model frame), its slotted skin parts, the rest centres of
    its eyeballs (2, 3: left, right), which turn on their own bones (:data:`EYE_BONES`) to look at things, and
    how far (degrees) each eyelid turns down about its eye's centre to close (:data:`LID_BONES`)."""

    joints: np.ndarray
    parts: tuple[SkinPart, ...]
    eyes: np.ndarray
    lids: np.ndarray


@dataclass(frozen=True)
class Wardrobe:
    """Which regions the clothes cover and the hair style: ``sleeves`` long/short, ``legwear`` trousers/shorts,
    ``hair`` short/long/bun/cap/bald."""

    sleeves: str = "long"
    legwear: str = "trousers"
    hair: str = "short"


@cache
def _data() -> dict[str, np.ndarray]:
    with resources.files("scenes").joinpath("data", "human.npz").open("rb") as f, np.load(f) as z:
        return {k: z[k] for k in z.files}


def _region_slots(w: Wardrobe) -> dict[str, str]:
    top, bottom = "body", "legs"
    return {
        "skin": "skin", "torso": top, "upper_arm": top,
        "forearm": top if w.sleeves == "long" else "skin",
        "hips": bottom, "thigh": bottom, "shin": bottom if w.legwear == "trousers" else "skin",
        "foot": "shoes", "lips": "accent", "brows": "hair", "sclera": "sclera", "iris": "eyes",
    }


def _rotation(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The smallest rotation (3, 3) taking unit direction ``a`` onto unit direction ``b``."""
    v, c = np.cross(a, b), float(np.dot(a, b))
    k = np.array([[0, -v[2], v[1]], [v[2], 0, -v[0]], [-v[1], v[0], 0]])
    return np.eye(3) + k + k @ k / (1.0 + c)


def _straighten(verts: np.ndarray, joints: np.ndarray, idx: np.ndarray, w: np.ndarray,
                chain: tuple[int, int, int], end: tuple[int, ...], down: np.ndarray) -> None:
    """Repose one limb in place by linear blend skinning: ``chain`` (upper, lower, end joint) made straight
    along ``down``; ``end`` are the joints that move with the last segment (the hand or foot and below)."""
    a, b, c = (joints[i].copy() for i in chain)
    r1 = _rotation((b - a) / np.linalg.norm(b - a), down)
    b_new = a + r1 @ (b - a)
    r2 = _rotation(r1 @ (c - b) / np.linalg.norm(c - b), down) @ r1
    moves = {chain[0]: (r1, a, a), chain[1]: (r2, b, b_new)}
    moves.update({j: (r2, b, b_new) for j in end})
    out = verts * (1.0 - sum(((idx == j) * w).sum(axis=1) for j in moves))[:, None]
    for j, (r, pivot, to) in moves.items():
        share = ((idx == j) * w).sum(axis=1)
        out += share[:, None] * ((verts - pivot) @ r.T + to)
    verts[:] = out
    for j, (r, pivot, to) in moves.items():
        joints[j] = r @ (joints[j] - pivot) + to


def vertex_normals(v: np.ndarray, tris: np.ndarray) -> np.ndarray:
    """Unit normals (V, 3) of a closed surface: each vertex's sum of its triangles' area-weighted normals."""
    n = np.zeros_like(v)
    face = np.cross(v[tris[:, 1]] - v[tris[:, 0]], v[tris[:, 2]] - v[tris[:, 0]])
    for k in range(3):
        np.add.at(n, tris[:, k], face)
    return n / np.maximum(np.linalg.norm(n, axis=1, keepdims=True), 1e-12)


def _rest_body(variant: str) -> tuple[np.ndarray, np.ndarray]:
    """Vertices (V, 3) and joints (16, 3) of ``variant`` in the rig's rest pose, unscaled, soles on z = 0."""
    d = _data()
    k = list(d["variant_names"]).index(variant)
    verts = d["vertices"].astype(np.float64) + d["variant_deltas"][k].astype(np.float64)
    joints = d["variant_joints"][k].astype(np.float64)
    idx, w = d["weight_joints"].astype(np.int64), d["weights"].astype(np.float64)
    j = JOINTS.index
    for side, sx in (("l", -1.0), ("r", 1.0)):
        spread = np.radians(ARM_SPREAD)
        _straighten(verts, joints, idx, w, (j(f"{side}_upper_arm"), j(f"{side}_forearm"), j(f"{side}_hand")),
                    (j(f"{side}_hand"),), np.array([sx * np.sin(spread), 0.0, -np.cos(spread)]))
        _straighten(verts, joints, idx, w, (j(f"{side}_thigh"), j(f"{side}_shin"), j(f"{side}_foot")),
                    (j(f"{side}_foot"),), np.array([0.0, 0.0, -1.0]))
    ground = verts[:, 2].min()
    verts[:, 2] -= ground
    joints[:, 2] -= ground
    return verts, joints


def _hair_pieces(style: str, joints: np.ndarray, verts: np.ndarray, height: float) -> list[Mesh]:
    """Extra rigid hair on the head joint for styles the scalp alone does not make (long, bun, cap)."""
    head = joints[JOINTS.index("head")]
    top = verts[:, 2].max()
    skull = top - head[2]  # head joint to crown
    cy = head[1] - 0.1 * skull
    if style == "long":  # falls behind the head to the shoulders
        return [placed(ellipsoid((1.12 * skull, 0.62 * skull, 1.55 * skull)),
                       at=(0, cy - 0.3 * skull, head[2] - 0.8 * skull))]
    if style == "bun":
        bun = ellipsoid((0.4 * skull, 0.4 * skull, 0.36 * skull))
        return [placed(bun, at=(0, cy - 0.55 * skull, top - 0.4 * skull))]
    if style == "cap":
        crown = placed(ellipsoid((1.04 * skull, 1.2 * skull, 0.8 * skull)), at=(0, cy + 0.05 * skull,
                                                                                  top - 0.58 * skull))
        brim = placed(ellipsoid((0.8 * skull, 0.75 * skull, 0.05 * skull)),
                      at=(0, cy + 0.7 * skull, top - 0.44 * skull))
        return [crown, brim]
    return []


def lid_margins(skin: np.ndarray, centre: np.ndarray, radius: float) -> tuple[float, float]:
    """Elevations (degrees, about the eye's centre, looking along +Y) of the lower and upper lid margins straight
    ahead of the eye: the widest angle free of skin in front of the eyeball."""
    rel = skin - centre
    near = (np.linalg.norm(rel, axis=1) < 1.3 * radius) & (rel[:, 1] > 0)
    near &= np.abs(np.degrees(np.arctan2(rel[:, 0], rel[:, 1]))) < 12.0
    elevation = np.sort(np.degrees(np.arctan2(rel[near, 2], rel[near, 1])))
    gap = int(np.argmax(np.diff(elevation)))
    return float(elevation[gap]), float(elevation[gap + 1])


def _eyelid(centre: np.ndarray, radius: float, edge: float) -> Mesh:
    """A skin-coloured shell over the top of an eyeball, from elevation ``edge`` (degrees) up, tucked under the
    upper lid's skin when open; turned down about the eye's centre it covers the eye (a blink)."""
    el = np.radians(np.linspace(edge, 85.0, 8))
    az = np.radians(np.linspace(-70.0, 70.0, 15))
    e, a = np.meshgrid(el, az, indexing="ij")
    n = np.stack([np.sin(a) * np.cos(e), np.cos(a) * np.cos(e), np.sin(e)], -1).reshape(-1, 3)
    rows, cols = el.size, az.size
    i = np.arange((rows - 1) * cols).reshape(rows - 1, cols)[:, :-1].ravel()
    tris = np.concatenate([np.stack([i, i + cols + 1, i + 1], -1), np.stack([i, i + cols, i + cols + 1], -1)])
    return Mesh((centre + LID_GAP * radius * n).astype(np.float32), n.astype(np.float32), tris.astype(np.uint32))


@cache
def body(variant: str, height: float, wardrobe: Wardrobe = Wardrobe()) -> Body:
    """The skinned body of ``variant`` (one of :data:`VARIANTS`) ``height`` metres tall, dressed by ``wardrobe``."""
    d = _data()
    verts, joints = _rest_body(variant)
    s = height / verts[:, 2].max()
    verts, joints = verts * s, joints * s
    tris = d["triangles"].astype(np.int64)
    normals = vertex_normals(verts, tris)
    idx, w = d["weight_joints"], d["weights"]
    names = list(d["region_names"])
    slot_of = _region_slots(wardrobe)
    tri_slot = np.array([slot_of[names[r]] for r in d["regions"]])
    parts = []

    def add(t: np.ndarray, slot: str, lift: float = 0.0) -> None:
        used = np.unique(t)
        remap = np.zeros(len(verts), dtype=np.int64)
        remap[used] = np.arange(len(used))
        v = verts[used] + lift * normals[used]
        v[:, 2] = np.maximum(v[:, 2], 0.0)  # soles stay on the ground
        mesh = Mesh(v.astype(np.float32), normals[used].astype(np.float32), remap[t].astype(np.uint32))
        parts.append(SkinPart(mesh, slot, idx[used].copy(), w[used].copy()))

    for slot in dict.fromkeys(tri_slot):
        add(tris[tri_slot == slot], slot, SHOE_LIFT if slot == "shoes" else 0.0)
    eyes = np.zeros((2, 3))
    for k, part in enumerate(parts):
        if part.slot in ("eyes", "sclera"):  # each eyeball hangs from its own bone, rigidly
            left = part.mesh.vertices[:, 0] < 0
            bones = np.where(left, EYE_BONES[0], EYE_BONES[1]).astype(np.uint8)
            joints_ = np.zeros_like(part.joints)
            joints_[:, 0] = bones
            weights_ = np.zeros_like(part.weights)
            weights_[:, 0] = 1.0
            parts[k] = SkinPart(part.mesh, part.slot, joints_, weights_)
            if part.slot == "sclera":
                for side, mask in ((0, left), (1, ~left)):
                    pts = part.mesh.vertices[mask].astype(np.float64)
                    eyes[side] = (pts.min(axis=0) + pts.max(axis=0)) / 2.0
    sclera = next(p for p in parts if p.slot == "sclera").mesh.vertices.astype(np.float64)
    skin_verts = next(p for p in parts if p.slot == "skin").mesh.vertices.astype(np.float64)
    lids = np.zeros(2)
    for side, bone in enumerate(LID_BONES):
        mine = sclera[(sclera[:, 0] < 0) == (side == 0)]
        radius = float(np.linalg.norm(mine - eyes[side], axis=1).max())
        lower, upper = lid_margins(skin_verts, eyes[side], radius)
        lid = _eyelid(eyes[side], radius, upper + LID_OVERLAP)
        lids[side] = upper - lower + 2 * LID_OVERLAP
        n = len(lid.vertices)
        parts.append(SkinPart(lid, "skin", np.tile(np.array([bone, 0, 0, 0], np.uint8), (n, 1)),
                              np.tile(np.array([1, 0, 0, 0], np.float32), (n, 1))))
    if wardrobe.hair not in ("bald", "cap"):  # a shell over the scalp (the skin stays whole under it)
        add(tris[d["scalp"]], "hair", HAIR_LIFT)
    head = JOINTS.index("head")
    for piece in _hair_pieces(wardrobe.hair, joints, verts, height):
        n = len(piece.vertices)
        slot = "hat" if wardrobe.hair == "cap" else "hair"
        parts.append(SkinPart(piece, slot, np.tile(np.array([head, 0, 0, 0], np.uint8), (n, 1)),
                              np.tile(np.array([1, 0, 0, 0], np.float32), (n, 1))))
    return Body(joints, tuple(parts), eyes, lids)


def skinning_matrices(joint_mats: np.ndarray, rest_joints: np.ndarray, eyes: np.ndarray | None = None,
                      gaze: np.ndarray | None = None, lids: np.ndarray | None = None,
                      blink: float = 0.0) -> np.ndarray:
    """Per-joint skinning matrices (J, 4, 4): the posed joint matrix times the inverse bind matrix; with ``eyes``
    (rest eyeball centres, 2 × 3) two more, the head's turned about each eye by ``gaze`` (yaw, pitch degrees);
    with ``lids`` (each eyelid's closing turn, degrees) two more, the head's turned down about each eye by that
    much times ``blink`` (0 open, 1 closed).

    The rig's rest rotations are all zero, so a joint's bind matrix is a translation to its rest position.
    """
    out = joint_mats.copy()
    out[..., :3, 3] -= np.einsum("...jab,jb->...ja", joint_mats[..., :3, :3], rest_joints)
    if eyes is None:
        return out
    from scenes.rig import hpr_matrix  # (scenes.rig imports this module)

    def about(centre: np.ndarray, hpr: tuple[float, float, float]) -> np.ndarray:
        """A turn by ``hpr`` about the point ``centre``."""
        m = np.eye(4)
        m[:3, :3] = hpr_matrix(np.array(hpr))
        m[:3, 3] = centre - m[:3, :3] @ centre
        return m

    yaw, pitch = (0.0, 0.0) if gaze is None else (float(gaze[0]), float(gaze[1]))
    head = out[JOINTS.index("head")]
    bones = [head @ about(centre, (yaw, pitch, 0.0)) for centre in eyes]
    if lids is not None:
        bones += [head @ about(centre, (0.0, -float(angle) * blink, 0.0)) for centre, angle in zip(eyes, lids,
                                                                                                  strict=True)]
    return np.concatenate([out, np.stack(bones)])


def coarse_skin(parts: tuple[SkinPart, ...], cell: float) -> SkinPart:
    """All ``parts`` as one coarse mesh for casting shadows: vertices clustered on a grid of ``cell`` metres, each
    cluster drawn at its member nearest the cluster's mean (so it keeps an original vertex's joints and weights),
    triangles left with fewer than three clusters dropped. A sun's shadow map cannot tell it from the full body,
    and it is one draw of a tenth of the triangles."""
    verts = np.concatenate([p.mesh.vertices for p in parts]).astype(np.float64)
    base = np.cumsum([0] + [len(p.mesh.vertices) for p in parts[:-1]])
    tris = np.concatenate([p.mesh.triangles.astype(np.int64) + b for p, b in zip(parts, base, strict=True)])
    _, cluster = np.unique(np.floor(verts / cell).astype(np.int64), axis=0, return_inverse=True)
    cluster = cluster.ravel()
    n = int(cluster.max()) + 1
    mean = np.zeros((n, 3))
    np.add.at(mean, cluster, verts)
    mean /= np.bincount(cluster, minlength=n)[:, None]
    gap = np.linalg.norm(verts - mean[cluster], axis=1)
    order = np.lexsort((gap, cluster))  # by cluster, nearest its mean first
    first = order[np.r_[0, np.flatnonzero(np.diff(cluster[order])) + 1]]  # one representative per cluster
    t = cluster[tris]
    t = t[(t[:, 0] != t[:, 1]) & (t[:, 1] != t[:, 2]) & (t[:, 0] != t[:, 2])]
    t = np.unique(t, axis=0)
    used = np.unique(t)
    remap = np.zeros(n, np.int64)
    remap[used] = np.arange(len(used))
    rep = first[used]
    joints = np.concatenate([p.joints for p in parts])[rep]
    weights = np.concatenate([p.weights for p in parts])[rep]
    normals = np.concatenate([p.mesh.normals for p in parts])[rep]
    mesh = Mesh(verts[rep].astype(np.float32), normals.astype(np.float32), remap[t].astype(np.uint32))
    return SkinPart(mesh, "shadow", joints, weights)


def skin_vertices(part: SkinPart, skin_mats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Posed vertices and normals (V, 3) of ``part`` for skinning matrices (J, 4, 4), as the vertex shader
    computes them: a weighted sum of the four joints' transforms."""
    m = np.einsum("vk,vkab->vab", part.weights.astype(np.float64), skin_mats[part.joints.astype(np.int64)])
    v = np.einsum("vab,vb->va", m[:, :3, :3], part.mesh.vertices.astype(np.float64)) + m[:, :3, 3]
    n = np.einsum("vab,vb->va", m[:, :3, :3], part.mesh.normals.astype(np.float64))
    return v, n / np.maximum(np.linalg.norm(n, axis=1, keepdims=True), 1e-12)
