"""Panda3D node trees of catalog assets: slot materials, and joints posed exactly as scenes.rig computes them."""

from __future__ import annotations

import numpy as np

from engine_bridge.panda.actors import build_actor, pose_actor, slot_material
from scenes.catalog import model
from scenes.io import dumps_script, loads_script
from scenes.rig import actor_matrices, joint_matrices
from scenes.timeline import compile_script

TEXT = """
duration: 2
actors:
  - {id: d, asset: domino}
  - id: p
    asset: person
    position: [1, 2, 0]
    rotation: [30, 0, 0]
    scale: 0.9
    material: {color: red}
    materials: {hair: {color: gold}}
    actions: [{type: wave, start: 0.2}, {type: walk_to, to: [1, 4, 0], start: 0.5}]
"""


def test_slot_materials_survive_a_save_and_reload() -> None:
    original = loads_script(TEXT)
    reloaded = type(original).model_validate(original.model_dump())
    for script in (original, loads_script(dumps_script(original)), reloaded):
        dom, person = script.actors
        assert slot_material(model("domino"), "body", dom)[0] == model("domino").slots["body"].colour  # stays black
        assert slot_material(model("person"), "body", person)[0] == (1.0, 0.0, 0.0)
        assert slot_material(model("person"), "hair", person)[0] != model("person").slots["hair"].colour


def test_engine_joints_match_the_forward_kinematics_of_the_timeline() -> None:
    from panda3d.core import NodePath

    tl = compile_script(loads_script(TEXT))
    actor = tl.actors[1]
    root = NodePath("world")
    nodes = build_actor(root, actor, {})
    m = model(actor.asset)
    for f in (0, 20, 45):
        state = tl.frame(f)
        pose_actor(nodes, state.poses["p"])
        p, h, s = state.positions[1], state.hpr[1], state.scales[1]
        nodes.root.set_pos_hpr_scale(*p, *h, *s)
        track = tl.poses["p"]
        expected = actor_matrices(tl.positions[f:f + 1, 1], tl.hpr[f:f + 1, 1], tl.scales[f:f + 1, 1])[0] @ \
            joint_matrices(m, track.rotations[f:f + 1], track.root_offset[f:f + 1])[0]
        for j, node in enumerate(nodes.joints):
            got = node.get_pos(root)
            assert np.allclose([got[0], got[1], got[2]], expected[j, :3, 3], atol=1e-4), (f, m.joints[j].name)
