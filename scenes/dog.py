"""The skinned dog: dm_control's dog (Apache-2.0) on the project's 12-joint quadruped rig.

``scenes/data/dog.npz`` (made by ``scenes/data/extract_dog.py``) holds the dog's skin mesh, its texture baked
to a colour per vertex, its skin weights folded onto the quadruped joints (body, neck, head, tail, two per
leg) and the rest positions of those joints. The rig keeps the quadruped builder's joint names, leg order,
knee directions and walking phases, so every animal action (walk, run, sit, chase, fetch, …) drives it as it
drives the procedural animals; its rest pose is the dog's own standing pose (legs a little bent), which the
leg IK takes as its rest bend (``scenes.animation``). The skin over each eyeball is the ``eyes`` slot. Engines
skin it on the GPU like the human bodies (``scenes.skin``).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import numpy as np

from scenes.colors import srgb_to_linear
from scenes.geometry import Mesh
from scenes.rig import Joint, Limb, Model, SlotLook
from scenes.skin import SkinPart, vertex_normals

LEGS = ("fl", "fr", "bl", "br")  # the quadruped builder's leg order (scenes.assets.QUADRUPED_LEGS)
PHASES = {"bl": 0.0, "fl": 0.25, "br": 0.5, "fr": 0.75}  # a lateral-sequence walk, as the procedural animals
FUR = (197, 124, 93)  # sRGB: the texture's median colour, the fur slot's default (a material recolours it)
EYE = "2a1a0e"
EYE_SKIN = 1.25  # skin within this many eyeball radii of an eye's centre is the eye (it lies over the eyeball)


@cache
def _data() -> dict[str, np.ndarray]:
    with resources.files("scenes").joinpath("data", "dog.npz").open("rb") as f, np.load(f) as z:
        return {k: z[k] for k in z.files}


def _rest_joints(d: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Model-frame rest positions of the rig's joints. The root sits midway between shoulders and hips (sitting
    pitches the body about it, as for the procedural animals); each leg's lower joint is moved into the
    sagittal plane of its upper joint, so the leg IK's bend stays in that plane."""
    names = [str(n) for n in d["joint_names"]]
    pos = {n: d["joint_positions"][i].astype(np.float64) for i, n in enumerate(names)}
    shoulder = (pos["fl_upper"] + pos["fr_upper"]) / 2.0
    hip = (pos["bl_upper"] + pos["br_upper"]) / 2.0
    pos["body"] = (shoulder + hip) / 2.0
    for leg in LEGS:
        pos[f"{leg}_lower"][0] = pos[f"{leg}_upper"][0]
    return pos


def _part(verts: np.ndarray, normals: np.ndarray, tris: np.ndarray, d: dict[str, np.ndarray], slot: str,
          tint: np.ndarray | None) -> SkinPart:
    """The skin part of ``slot`` made of triangles ``tris`` (indices into the whole skin), its vertices only."""
    used = np.unique(tris)
    remap = np.zeros(len(verts), np.int64)
    remap[used] = np.arange(len(used))
    mesh = Mesh(verts[used].astype(np.float32), normals[used].astype(np.float32), remap[tris].astype(np.uint32))
    return SkinPart(mesh, slot, d["weight_joints"][used].copy(), d["weights"][used].copy(),
                    None if tint is None else tint[used].astype(np.float32))


@cache
def dog() -> Model:
    """The skinned dog: about 0.8 m to the ear tips and 1.2 m from nose to tail tip, facing +Y, paws on z = 0."""
    d = _data()
    names = [str(n) for n in d["joint_names"]]
    pos = _rest_joints(d)
    parent = {"body": -1, "neck": 0, "head": 1, "tail": 0}
    parent.update({f"{leg}_{seg}": 0 if seg == "upper" else names.index(f"{leg}_upper")
                   for leg in LEGS for seg in ("upper", "lower")})
    joints = tuple(Joint(n, parent[n], tuple(float(x) for x in (pos[n] - (pos[names[parent[n]]]
                                                                          if parent[n] >= 0 else 0.0))))
                   for n in names)
    paws = {leg: d["paw_positions"][i].astype(np.float64) for i, leg in enumerate(LEGS)}
    limbs = []
    for leg in LEGS:
        end = paws[leg] - pos[f"{leg}_lower"]
        end[0] = 0.0  # in the leg's sagittal plane (see _rest_joints)
        limbs.append(Limb(leg, names.index(f"{leg}_upper"), names.index(f"{leg}_lower"),
                          tuple(float(x) for x in end), -1, 1.0 if leg[0] == "f" else -1.0, PHASES[leg]))
    verts = d["vertices"].astype(np.float64)
    tris = d["triangles"].astype(np.int64)
    normals = vertex_normals(verts, tris)
    # the texture's colour as a multiplier of the fur slot's colour (linear light), so a recoloured dog keeps
    # its lighter chest and belly and darker back
    tint = np.clip(srgb_to_linear(d["colours"].astype(np.float64) / 255.0) / srgb_to_linear(np.array(FUR) / 255.0),
                   0.0, 4.0)
    # the skin closes over the eyeballs with the eyes painted on; a colour per vertex loses the painted iris, so
    # the skin over each eyeball is the eyes' own slot
    near = np.zeros(len(verts), bool)
    for x, y, z, r in d["eyes"]:
        near |= np.linalg.norm(verts - (x, y, z), axis=1) < EYE_SKIN * r
    eye_tris = near[tris].all(axis=1)
    parts = (_part(verts, normals, tris[~eye_tris], d, "body", tint),
             _part(verts, normals, tris[eye_tris], d, "eyes", None))
    slots = {"body": SlotLook(tuple(c / 255.0 for c in FUR), "fabric"),
             "eyes": SlotLook(tuple(int(EYE[i:i + 2], 16) / 255.0 for i in (0, 2, 4)), "glossy")}
    return Model(joints, (), slots, main_slot="body", limbs=tuple(limbs),
                 skin=parts)
