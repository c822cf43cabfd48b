"""Panda3D node hierarchies for catalog assets: one node per joint, one GeomNode per part and material slot.

An actor's node carries its root pose (position, heading/pitch/roll, scale); under it each joint is
a child node at its rest offset, and each joint's parts hang from it, so setting a joint's local
rotation from the timeline's pose moves everything below it, exactly as ``scenes.rig`` computes it.
Each part gets its slot's material through the shaders' ``u_albedo`` (linear RGBA) and ``u_material``
(roughness, metallic, emission) inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from scenes.animation import JointPose
from scenes.catalog import model
from scenes.colors import srgb_to_linear
from scenes.geometry import merge
from scenes.materials import FINISHES
from scenes.rig import Model, SlotLook, joint_matrices
from scenes.script import Actor, Material
from scenes.skin import SkinPart, coarse_skin, skinning_matrices

SKIN_TAG = "skinned"  # tag on a skinned body's parts: the shadow, passes and AO cameras swap in SKINNED shaders


@dataclass
class Skinning:
    """A skinned actor's GPU inputs: the model, its rest joint positions, and the node holding its skin geoms
    (one holder per part under it), which carries the bone matrices and the bounds for all of them.

    ``bones`` is this frame's skinning matrices in Panda's row-vector layout (J, 4, 4), kept so the flow pass
    can hand the next frame's to ``u_bones_next``.
    """

    model: Model
    rest_joints: np.ndarray  # (J, 3) model-frame rest positions
    group: object  # NodePath: the parent of the part holders
    spheres: np.ndarray  # (J, 4): per joint, a rest-pose sphere (centre, radius) around the vertices it moves
    bones: np.ndarray | None = None


@dataclass
class ActorNodes:
    """The nodes of one drawn actor: its root and one node per joint (in the model's joint order)."""

    root: object  # NodePath
    joints: list  # list[NodePath]
    rest: np.ndarray  # (J, 3) rest offsets of the joints
    skin: Skinning | None = None


def slot_material(model_: Model, slot: str, actor: Actor) -> tuple[tuple[float, float, float], float, float, float,
                                                                  str]:
    """The sRGB colour, roughness, metallic, emission and procedural pattern of ``slot`` for ``actor``.

    The actor's ``material`` (unless left at the default) recolours the model's main slot; ``materials``
    overrides any slot by name.
    """
    default = model_.slots.get(slot, SlotLook((0.8, 0.8, 0.8)))
    chosen: Material | None = actor.materials.get(slot)
    if chosen is None and slot == model_.main_slot and actor.material != Material():
        # the default material means "not given" (scripts are often re-validated, so fields-set is not kept)
        chosen = actor.material
    if chosen is None:
        finish = FINISHES[default.finish]
        return default.colour, finish.roughness, finish.metallic, finish.emission, finish.pattern
    finish = FINISHES[chosen.finish]
    rough = chosen.roughness if chosen.roughness is not None else finish.roughness
    metal = chosen.metallic if chosen.metallic is not None else finish.metallic
    return chosen.colour_or(default.colour), rough, metal, finish.emission, finish.pattern


def skinned_geom_node(name: str, part: SkinPart):  # -> panda3d.core.GeomNode
    """A GeomNode of a skin part: position, normal, four joint indices and four weights per vertex (interleaved),
    and the part's colour per vertex if it has one, for the shaders' SKINNED variant."""
    from panda3d.core import Geom, GeomVertexArrayFormat, GeomVertexFormat, InternalName

    from engine_bridge.panda.engine import geom_node

    array = GeomVertexArrayFormat()
    array.add_column(InternalName.get_vertex(), 3, Geom.NT_float32, Geom.C_point)
    array.add_column(InternalName.get_normal(), 3, Geom.NT_float32, Geom.C_normal)
    array.add_column(InternalName.make("joints"), 4, Geom.NT_float32, Geom.C_other)
    array.add_column(InternalName.make("weights"), 4, Geom.NT_float32, Geom.C_other)
    extra = (part.joints.astype(np.float32), part.weights)
    if part.tint is not None:  # a colour per vertex, for the TINTED variant
        array.add_column(InternalName.make("tint"), 3, Geom.NT_float32, Geom.C_other)
        extra = (*extra, part.tint)
    fmt = GeomVertexFormat.register_format(GeomVertexFormat(array))
    return geom_node(name, part.mesh, fmt, extra)


SHADOW_CELL = 0.03  # metres: the grid a skinned body's shadow caster is clustered on (scenes.skin.coarse_skin)


def _build_skin(root, actor: Actor, m: Model, geoms: dict, shaders: dict | None, shadow_proxy: bool) -> Skinning:
    """The skin parts of a skinned model, one holder per slot directly under the actor's root (the vertex
    shader places every vertex from the joints, so nothing hangs from the joint nodes). ``shaders`` maps
    whether a part has a colour per vertex to its SKINNED (or SKINNED and TINTED) surface shader.

    With ``shadow_proxy`` the sun's shadow camera sees one coarse copy of the whole body instead of the parts
    (a tenth of the triangles in one draw; the skinned bodies' shadow pass was an eighth of a 720p frame with
    four people), and only it sees that copy; the view, the passes and the AO pre-pass keep the full body.
    """
    from panda3d.core import BitMask32, NodePath

    from engine_bridge.panda.ao import AO_MASK_BIT
    from engine_bridge.panda.engine import SHADOW_MASK_BIT
    from engine_bridge.panda.passes_target import PASSES_MASK_BIT

    # one node under the root for all parts: the bone matrices are set on it once a frame (the holders inherit
    # them) and its bounds, set from the posed joints, stand for every part (it is final: no part is culled alone)
    group = root.attach_new_node("skin")
    group.set_tag(SKIN_TAG, "1")
    group.node().set_final(True)
    parts = list(enumerate(m.skin))
    if shadow_proxy:
        key = (actor.asset, "skin", "shadow")
        if key not in geoms:
            geoms[key] = NodePath(skinned_geom_node(f"{actor.asset}.skin.shadow", coarse_skin(m.skin, SHADOW_CELL)))
        parts.append(("shadow", None))
    for i, part in parts:
        if part is None:  # the shadow caster: drawn by the sun's shadow camera only
            holder = group.attach_new_node("skin.shadow")
            geoms[(actor.asset, "skin", "shadow")].instance_to(holder)
            holder.hide(BitMask32.bit(0) | BitMask32.bit(PASSES_MASK_BIT) | BitMask32.bit(AO_MASK_BIT))
            continue
        key = (actor.asset, "skin", i)
        if key not in geoms:
            geoms[key] = NodePath(skinned_geom_node(f"{actor.asset}.skin.{part.slot}", part))
        holder = group.attach_new_node(f"skin.{part.slot}")
        geoms[key].instance_to(holder)
        rgb, rough, metal, emission, _ = slot_material(m, part.slot, actor)
        holder.set_shader_input("u_albedo", (*(float(c) for c in srgb_to_linear(rgb)), 1.0))
        holder.set_shader_input("u_material", (float(rough), float(metal), float(emission)))
        holder.set_color(*rgb, 1.0)  # used by the software renderer only
        if shaders is not None:
            holder.set_shader(shaders[part.tint is not None])
        if shadow_proxy:
            holder.hide(BitMask32.bit(SHADOW_MASK_BIT))
    rest = joint_matrices(m, np.zeros((1, len(m.joints), 3)), np.zeros((1, 3)))[0, :, :3, 3]
    skin = Skinning(m, rest, group, _joint_spheres(m))
    _set_bones(skin, np.zeros((len(m.joints), 3)), np.zeros(3), None)
    return skin


def _bone_count(m: Model) -> int:
    """Skinning matrices a skinned model uses: one per joint, one per eye when it has eyes that turn and one per
    eyelid when it blinks."""
    return len(m.joints) + sum(len(x) for x in (m.eyes, m.lids) if x is not None)


def _joint_spheres(m: Model) -> np.ndarray:
    """Per joint, a sphere (J, 4) around the rest positions of every skin vertex it weighs on.

    A skinned vertex is a weighted mean of its joints' rigid moves of it, and each of those lies in that
    joint's sphere moved rigidly with the joint: so the posed spheres together bound the posed surface.
    """
    out = np.zeros((_bone_count(m), 4))
    for j in range(len(out)):
        pts = np.concatenate([p.mesh.vertices[((p.joints == j) & (p.weights > 0)).any(axis=1)] for p in m.skin])
        if len(pts):
            lo, hi = pts.min(axis=0), pts.max(axis=0)
            centre = (lo + hi) / 2.0
            out[j] = (*centre, float(np.linalg.norm(pts - centre, axis=1).max()))
    return out


def _set_bones(skin: Skinning, rotations: np.ndarray, root_offset: np.ndarray, gaze: np.ndarray | None,
               blink: float = 0.0) -> None:
    """Upload one pose's skinning matrices for every part (this frame's and, until the flow pass says
    otherwise, the next frame's), and fit the parts' bounds around the posed joints."""
    from panda3d.core import BoundingSphere, Point3

    mats = joint_matrices(skin.model, rotations[None], root_offset[None])[0]
    skin_mats = skinning_matrices(mats, skin.rest_joints, skin.model.eyes, gaze, skin.model.lids, blink)
    bones = np.ascontiguousarray(skin_mats.transpose(0, 2, 1), dtype=np.float32)
    skin.bones = bones
    pta = _matrix_array(bones)
    used = skin.spheres[:, 3] > 0
    moved = np.einsum("jab,jb->ja", skin_mats[used, :3, :3], skin.spheres[used, :3]) + skin_mats[used, :3, 3]
    r = skin.spheres[used, 3]
    centre = ((moved - r[:, None]).min(axis=0) + (moved + r[:, None]).max(axis=0)) / 2.0
    bounds = BoundingSphere(Point3(*centre), float((np.linalg.norm(moved - centre, axis=1) + r).max()))
    skin.group.set_shader_input("u_bones", pta)
    skin.group.set_shader_input("u_bones_next", pta)
    skin.group.node().set_bounds(bounds)


def _matrix_array(bones: np.ndarray):  # -> PTA_LMatrix4f
    from panda3d.core import PTA_LMatrix4f

    pta = PTA_LMatrix4f.empty_array(len(bones))
    memoryview(pta).cast("B")[:] = bones.tobytes()
    return pta


def set_next_bones(nodes: ActorNodes, bones: np.ndarray) -> None:
    """Give a skinned actor's holders the next frame's skinning matrices (for the flow pass)."""
    if nodes.skin is None:
        return
    nodes.skin.group.set_shader_input("u_bones_next", _matrix_array(bones))


def build_actor(parent, actor: Actor, geoms: dict, skinned_shaders: dict | None = None,
                dress: Callable[[object, str], None] | None = None, shadow_proxy: bool = False) -> ActorNodes:
    """Attach ``actor``'s node tree under ``parent``; ``geoms`` caches GeomNodes per (asset, joint, slot) across
    actors. ``skinned_shaders`` are the surface shader's SKINNED variants for skinned models (keyed by whether a
    part has a colour per vertex: the TINTED one); ``dress(node, pattern)``
    gives a rigid slot with a procedural pattern its shader variant (skin parts keep the skinned shader, plain);
    ``shadow_proxy`` gives a skinned body a coarse shadow caster (the sun casts shadows)."""
    from panda3d.core import NodePath

    from engine_bridge.panda.engine import geom_node

    m = model(actor.asset)
    root = parent.attach_new_node(actor.id)
    joints: list = []
    for j in m.joints:
        node = (root if j.parent < 0 else joints[j.parent]).attach_new_node(j.name)
        node.set_pos(*j.offset)
        joints.append(node)
    # One GeomNode per (joint, slot): parts that move together and look alike are one draw call.
    groups: dict[tuple[int, str], list] = {}
    for part in m.parts:
        groups.setdefault((part.joint, part.slot), []).append(part.mesh)
    for (joint, slot), meshes in groups.items():
        key = (actor.asset, joint, slot)
        if key not in geoms:
            geoms[key] = NodePath(geom_node(f"{actor.asset}.{joint}.{slot}", merge(meshes)))
        holder = joints[joint].attach_new_node(slot)
        geoms[key].instance_to(holder)
        rgb, rough, metal, emission, pattern = slot_material(m, slot, actor)
        holder.set_shader_input("u_albedo", (*(float(c) for c in srgb_to_linear(rgb)), 1.0))
        holder.set_shader_input("u_material", (float(rough), float(metal), float(emission)))
        holder.set_color(*rgb, 1.0)  # used by the software renderer only
        if pattern and dress is not None:
            dress(holder, pattern)
    rest = np.array([j.offset for j in m.joints], dtype=np.float64)
    skin = _build_skin(root, actor, m, geoms, skinned_shaders, shadow_proxy) if m.skinned else None
    return ActorNodes(root, joints, rest, skin)


def pose_actor(nodes: ActorNodes, pose: JointPose | None) -> None:
    """Set every joint's local rotation (and the root joint's offset) from one frame's pose."""
    if pose is None:
        return
    rot = pose.rotations
    for j, node in enumerate(nodes.joints):
        node.set_hpr(float(rot[j, 0]), float(rot[j, 1]), float(rot[j, 2]))
    base = nodes.rest[0] + pose.root_offset
    nodes.joints[0].set_pos(float(base[0]), float(base[1]), float(base[2]))
    if nodes.skin is not None:
        _set_bones(nodes.skin, rot, pose.root_offset, pose.gaze, pose.blink)
