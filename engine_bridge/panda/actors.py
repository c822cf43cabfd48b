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
from scenes.colors import parse_colour, srgb_to_linear
from scenes.geometry import merge
from scenes.materials import FINISHES
from scenes.rig import Model, SlotLook
from scenes.script import Actor, Material


@dataclass
class ActorNodes:
    """The nodes of one drawn actor: its root and one node per joint (in the model's joint order)."""

    root: object  # NodePath
    joints: list  # list[NodePath]
    rest: np.ndarray  # (J, 3) rest offsets of the joints


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
    return parse_colour(chosen.color), rough, metal, finish.emission, finish.pattern


def build_actor(parent, actor: Actor, geoms: dict, dress: Callable[[object, str], None] | None = None) -> ActorNodes:
    """Attach ``actor``'s node tree under ``parent``; ``geoms`` caches GeomNodes per (asset, joint, slot) across
    actors; ``dress(node, pattern)`` gives a slot with a procedural pattern its shader variant."""
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
    return ActorNodes(root, joints, rest)


def pose_actor(nodes: ActorNodes, pose: JointPose | None) -> None:
    """Set every joint's local rotation (and the root joint's offset) from one frame's pose."""
    if pose is None:
        return
    rot = pose.rotations
    for j, node in enumerate(nodes.joints):
        node.set_hpr(float(rot[j, 0]), float(rot[j, 1]), float(rot[j, 2]))
    base = nodes.rest[0] + pose.root_offset
    nodes.joints[0].set_pos(float(base[0]), float(base[1]), float(base[2]))
