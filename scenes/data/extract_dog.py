"""Build ``scenes/data/dog.npz`` from the skinned dog inside the ``dm-control`` wheel (run by hand, once).

    pip download dm-control==1.0.50 --no-deps -d /tmp/dmc
    python scenes/data/extract_dog.py /tmp/dmc/dm_control-1.0.50-py3-none-any.whl

What it keeps: the skin mesh of ``dm_control/suite/dog_assets/dog_skin.skn`` (MuJoCo's binary skin: vertices,
texture coordinates, triangles and, per body of the model, its bind position and vertex weights) with the
vertices that UV seams split welded together; its texture ``skin_texture.png`` baked to one sRGB colour per
vertex (blurred a little, so a vertex takes its neighbourhood's colour, not one texel's); the hind legs bent
into a natural stance (:func:`repose_hind_legs`); the weights of the model's 57 bodies folded onto the
project's 12-joint quadruped rig (top four per vertex, normalised); the rig joints' rest positions (bind
positions of the bodies they stand for) and each leg's paw; the centre and radius of each eyeball (the model's
``BONEeye_L/R.stl``: the skin closes over them, and ``scenes/dog.py`` makes that skin the eyes). The triangles
are cut to about :data:`KEEP` of their number by quadric edge collapse (pyfqmr and scipy, needed only here),
every new corner snapped to an original vertex so weights and colours stay the original ones. Coordinates are
converted to the project's frame (the model faces +X with its left at +Y; ours faces +Y with its left at -X).
Nothing here runs at render time; ``scenes/dog.py`` reads the file.
"""

from __future__ import annotations

import struct
import sys
import zipfile
from pathlib import Path

import cv2
import numpy as np

ASSETS = "dm_control/suite/dog_assets/"
# our joint ← the dog model's bodies whose weights it takes (the first body's bind position is the joint's)
JOINT_BODIES = {
    "body": ("torso", "L_1", "L_2", "L_3", "L_4", "L_5", "L_6", "L_7", "pelvis", "scapula_L", "scapula_R", "C_7"),
    "neck": ("C_6", "C_5", "C_4", "C_3", "C_2"),
    "head": ("C_1", "skull", "jaw"),
    "tail": tuple(f"Ca_{k}" for k in range(1, 22)),
    "fl_upper": ("upper_arm_L",), "fl_lower": ("lower_arm_L", "hand_L", "finger_L"),
    "fr_upper": ("upper_arm_R",), "fr_lower": ("lower_arm_R", "hand_R", "finger_R"),
    "bl_upper": ("upper_leg_L",), "bl_lower": ("lower_leg_L", "foot_L", "toe_L"),
    "br_upper": ("upper_leg_R",), "br_lower": ("lower_leg_R", "foot_R", "toe_R"),
}
JOINTS = tuple(JOINT_BODIES)
PAWS = {"fl": "finger_L", "fr": "finger_R", "bl": "toe_L", "br": "toe_R"}  # each leg's effector (paw) body
HIND_PAW_BEHIND = 0.12  # metres a hind paw stands behind its hip joint after repose_hind_legs
KEEP = 0.45  # share of the triangles kept (the GPU skins every vertex each frame; the face keeps its shape)


def to_project(v: np.ndarray) -> np.ndarray:
    """MuJoCo dog (metres, Z up, facing +X, left at +Y) → ours (metres, Z up, facing +Y, left at -X)."""
    return np.stack([-v[..., 1], v[..., 0], v[..., 2]], -1)


def read_skin(data: bytes) -> dict:
    """MuJoCo's .skn: int32 nvert, ntexcoord, nface, nbone; float32 positions, texcoords; int32 faces; then per
    bone a 40-byte name, float32 bindpos (3) and bindquat (4), int32 count, int32 vertex ids, float32 weights."""
    nv, nt, nf, nb = struct.unpack_from("4i", data, 0)
    o = 16

    def take(dtype, count: int) -> np.ndarray:
        nonlocal o
        a = np.frombuffer(data, dtype, count, o)
        o += a.nbytes
        return a

    verts = take(np.float32, nv * 3).reshape(-1, 3).astype(np.float64)
    uvs = take(np.float32, nt * 2).reshape(-1, 2).astype(np.float64)
    faces = take(np.int32, nf * 3).reshape(-1, 3).astype(np.int64)
    weights = np.zeros((nv, nb))
    bind, names = [], []
    for b in range(nb):
        names.append(data[o:o + 40].split(b"\0")[0].decode())
        o += 40
        pos, quat = take(np.float32, 3), take(np.float32, 4)
        if not np.allclose(quat, (1, 0, 0, 0)):
            raise SystemExit(f"bone {names[-1]}: a turned bind pose ({quat}) is not handled")
        count = int(take(np.int32, 1)[0])
        ids, w = take(np.int32, count), take(np.float32, count)
        weights[ids, b] = w
        bind.append(pos.astype(np.float64))
    if o != len(data):
        raise SystemExit(f"dog_skin.skn: {len(data) - o} bytes left over")
    return {"vertices": verts, "uvs": uvs, "faces": faces, "weights": weights, "bind": np.array(bind),
            "bones": names}


def vertex_colours(uvs: np.ndarray, png: bytes) -> np.ndarray:
    """The texture's sRGB colour (0..1) at each vertex's texture coordinate (row 0 of the image is v = 0)."""
    img = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)[:, :, ::-1].astype(np.float64) / 255.0
    img = cv2.GaussianBlur(img, (0, 0), 1.5)
    h, w = img.shape[:2]
    x = np.clip(np.round((uvs[:, 0] % 1.0) * (w - 1)).astype(int), 0, w - 1)
    y = np.clip(np.round((uvs[:, 1] % 1.0) * (h - 1)).astype(int), 0, h - 1)
    return img[y, x]


def weld(verts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the unique positions (first of each) and, per vertex, its unique position's number."""
    key = np.round(verts * 1e6).astype(np.int64)
    _, first, inverse = np.unique(key, axis=0, return_index=True, return_inverse=True)
    return first, inverse.ravel()


def decimate(verts: np.ndarray, tris: np.ndarray) -> np.ndarray:
    """Triangles cut to :data:`KEEP` of their number, their corners snapped to original vertices."""
    import pyfqmr
    from scipy.spatial import cKDTree

    simplifier = pyfqmr.Simplify()
    simplifier.setMesh(verts, tris)
    simplifier.simplify_mesh(target_count=int(len(tris) * KEEP), aggressiveness=5, preserve_border=True,
                             verbose=False)
    points, faces, _ = simplifier.getMesh()
    snapped = np.unique(tris)[cKDTree(verts[np.unique(tris)]).query(points)[1]][faces]
    keep = (snapped[:, 0] != snapped[:, 1]) & (snapped[:, 1] != snapped[:, 2]) & (snapped[:, 0] != snapped[:, 2])
    return snapped[keep]


def _turn(degrees: float, pivot: np.ndarray) -> np.ndarray:
    """A 4×4 turn of the dog model's frame about the lateral (Y) axis through ``pivot``; positive degrees swing
    a leg pointing down towards the front (+X)."""
    t = np.radians(degrees)
    m = np.eye(4)
    m[[0, 0, 2, 2], [0, 2, 0, 2]] = np.cos(t), -np.sin(t), np.sin(t), np.cos(t)
    m[:3, 3] = pivot - m[:3, :3] @ pivot
    return m


def stance(bind: np.ndarray, chain: tuple[int, int, int, int]) -> tuple[float, float]:
    """Thigh and stifle turns (degrees) that bring a hind paw to :data:`HIND_PAW_BEHIND` behind its hip at the
    same height, the metatarsus keeping its slope: the model stands with its hind legs stretched far back
    (paws 22 cm behind the hips), nearly straight as a two-bone chain, so a stride would have to lower the
    hips at every step; a dog stands with its hind paws nearer under it and its stifles bent."""
    hip, knee, hock, paw = (bind[i] for i in chain)
    best = (np.inf, 0.0, 0.0)
    for a in np.arange(-10.0, 60.0, 0.5):
        for c in np.arange(-80.0, 10.0, 0.5):
            upper = _turn(a, hip)
            lower = upper @ _turn(c, knee)
            hock_at = (lower @ np.append(hock, 1.0))[:3]
            paw_at = hock_at + (paw - hock)
            err = (paw_at[0] - (hip[0] - HIND_PAW_BEHIND)) ** 2 + (paw_at[2] - paw[2]) ** 2
            best = min(best, (err, float(a), float(c)))
    return best[1], best[2]


def repose_hind_legs(skin: dict) -> None:
    """Bend both hind legs into a natural stance (:func:`stance`) by linear blend skinning with the model's own
    weights (thigh, shank, metatarsus and toes move apart), moving the bodies' bind positions with them."""
    bones, bind, w = skin["bones"], skin["bind"], skin["weights"]
    verts = np.concatenate([skin["vertices"], np.ones((len(skin["vertices"]), 1))], axis=1)
    moved = verts * (1.0 - sum(w[:, bones.index(f"{b}_{s}")] for b in ("upper_leg", "lower_leg", "foot", "toe")
                               for s in "LR"))[:, None]
    for side in "LR":
        chain = tuple(bones.index(f"{b}_{side}") for b in ("upper_leg", "lower_leg", "foot", "toe"))
        a, c = stance(bind, chain)
        upper = _turn(a, bind[chain[0]])
        lower = upper @ _turn(c, bind[chain[1]])
        hock = (lower @ np.append(bind[chain[2]], 1.0))[:3]
        foot = np.eye(4)
        foot[:3, 3] = hock - bind[chain[2]]  # the metatarsus and toes only move, keeping their slope
        for b, m in zip(chain, (upper, lower, foot, foot), strict=True):
            moved += w[:, b][:, None] * (verts @ m.T)
        new_bind = [bind[chain[0]], (upper @ np.append(bind[chain[1]], 1))[:3], hock,
                    (foot @ np.append(bind[chain[3]], 1))[:3]]
        for b, p in zip(chain, new_bind, strict=True):
            bind[b] = p
        print(f"hind leg {side}: thigh {a:+.1f} deg, stifle {c:+.1f} deg")
    skin["vertices"] = moved[:, :3]


def eyeball(stl: bytes) -> np.ndarray:
    """Centre and radius (4,) of an eyeball from its binary STL (the model's eye meshes are in world coordinates)."""
    count = struct.unpack_from("<I", stl, 80)[0]
    rows = np.frombuffer(stl, np.dtype([("n", "<3f4"), ("v", "<9f4"), ("a", "<u2")]), count, 84)
    pts = to_project(rows["v"].reshape(-1, 3).astype(np.float64))
    centre = (pts.min(axis=0) + pts.max(axis=0)) / 2.0
    return np.array([*centre, float(np.linalg.norm(pts - centre, axis=1).mean())])


def main(wheel: Path, out: Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        skin = read_skin(z.read(ASSETS + "dog_skin.skn"))
        png = z.read(ASSETS + "skin_texture.png")
        eyes = np.stack([eyeball(z.read(ASSETS + f"BONEeye_{side}.stl")) for side in ("L", "R")])
    colours = vertex_colours(skin["uvs"], png)
    repose_hind_legs(skin)
    first, inverse = weld(skin["vertices"])
    n = len(first)
    verts = to_project(skin["vertices"][first])
    colour = np.zeros((n, 3))
    np.add.at(colour, inverse, colours)
    colour /= np.bincount(inverse, minlength=n)[:, None]
    bones = skin["bones"]
    folded = np.zeros((n, len(JOINTS)))
    for ji, j in enumerate(JOINTS):
        for b in JOINT_BODIES[j]:
            folded[:, ji] += skin["weights"][first, bones.index(b)]
    missing = set(bones) - {b for bs in JOINT_BODIES.values() for b in bs}
    if missing:
        raise SystemExit(f"bodies not mapped onto a joint: {sorted(missing)}")
    tris = inverse[skin["faces"]]
    tris = tris[(tris[:, 0] != tris[:, 1]) & (tris[:, 1] != tris[:, 2]) & (tris[:, 0] != tris[:, 2])]
    bind = to_project(skin["bind"])
    joints = np.array([bind[bones.index(JOINT_BODIES[j][0])] for j in JOINTS])
    paws = np.array([bind[bones.index(PAWS[leg])] for leg in PAWS])
    tris = decimate(verts, tris)
    used = np.unique(tris)
    remap = np.zeros(n, np.int64)
    remap[used] = np.arange(len(used))
    order = np.argsort(-folded[used], axis=1)[:, :4]
    top = np.take_along_axis(folded[used], order, axis=1)
    top /= top.sum(axis=1, keepdims=True)
    np.savez_compressed(
        out,
        vertices=verts[used].astype(np.float32),
        triangles=remap[tris].astype(np.uint16 if len(used) < 65536 else np.uint32),
        colours=np.round(colour[used] * 255).astype(np.uint8),
        weight_joints=order.astype(np.uint8),
        weights=top.astype(np.float32),
        joint_names=np.array(JOINTS),
        joint_positions=joints.astype(np.float32),
        paw_positions=paws.astype(np.float32),
        eyes=eyes.astype(np.float32),
    )
    print(f"{out}: {len(used)} vertices, {len(tris)} triangles, {out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).with_name("dog.npz"))
