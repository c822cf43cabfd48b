"""The skinned dog (scenes/dog.py): weights, rest pose, deformation by the quadruped rig, and its gait."""

from __future__ import annotations

import numpy as np
import pytest

from scenes.animation import foot_metrics
from scenes.assets import QUADRUPED_LEGS
from scenes.catalog import model
from scenes.rig import joint_matrices
from scenes.skin import skin_vertices, skinning_matrices


def _skinned(m, rot: np.ndarray) -> list[np.ndarray]:
    rest = joint_matrices(m, np.zeros((1, len(m.joints), 3)), np.zeros((1, 3)))[0]
    posed = joint_matrices(m, rot[None], np.zeros((1, 3)))[0]
    s = skinning_matrices(posed, rest[:, :3, 3])
    return [skin_vertices(p, s)[0] for p in m.skin]


def test_the_dog_is_skinned_on_the_quadruped_rig_with_normalised_weights():
    m = model("dog")
    assert m.skinned and [j.name for j in m.joints] == [j.name for j in model("cat").joints]
    assert [lb.name for lb in m.limbs] == list(QUADRUPED_LEGS)
    for part in m.skin:
        np.testing.assert_allclose(part.weights.sum(axis=1), 1.0, atol=1e-5)
        assert (part.weights >= 0).all() and part.joints.max() < len(m.joints)
        assert len(part.joints) == len(part.mesh.vertices)
    fur = next(p for p in m.skin if p.slot == "body")
    assert fur.tint is not None and fur.tint.shape == fur.mesh.vertices.shape and np.ptp(fur.tint) > 0.2
    assert {p.slot for p in m.skin} == {"body", "eyes"}


def test_rest_pose_reproduces_the_bind_mesh_and_the_dog_stands_on_its_paws():
    m = model("dog")
    for part, v in zip(m.skin, _skinned(m, np.zeros((len(m.joints), 3))), strict=True):
        np.testing.assert_allclose(v, part.mesh.vertices, atol=1e-5)
    lo, hi = m.rest_mesh().bounds
    assert abs(lo[2]) < 0.01 and 0.7 < hi[2] < 0.9 and hi[1] > 0.3 > -0.5 > lo[1]  # head at +Y, tail at -Y


@pytest.mark.parametrize("joint", ["fl_lower", "bl_upper", "tail", "head"])
def test_a_bent_joint_moves_its_vertices_and_no_others(joint):
    m = model("dog")
    j = m.joint_index(joint)
    rot = np.zeros((len(m.joints), 3))
    rot[j] = (30.0, 40.0, 0.0)
    below = {j} | {i for i, jt in enumerate(m.joints) if jt.parent == j}
    for part, v in zip(m.skin, _skinned(m, rot), strict=True):
        shift = np.linalg.norm(v - part.mesh.vertices, axis=1)
        weight_below = sum((part.joints == b) * part.weights for b in below).sum(axis=1)
        assert shift[weight_below == 0].max(initial=0.0) < 1e-6  # nothing it does not weigh on moves
        if part.slot == "body":
            assert np.median(shift[weight_below > 0.9]) > 0.02  # and what it carries does move


def test_a_standing_dog_keeps_its_rest_bend_and_a_walking_one_plants_its_paws(compile_yaml):
    tl = compile_yaml("""
duration: 5
fps: 30
actors:
  - {id: rex, asset: dog, position: [0, 0, 0], actions: [{type: walk_to, to: [0, 4, 0], start: 1.0}]}
""")
    track = tl.poses["rex"]
    legs = [j for j, jt in enumerate(model("dog").joints) if jt.name.endswith(("_upper", "_lower"))]
    assert np.abs(track.rotations[:15, legs]).max() < 1e-6  # the IK at rest gives back the dog's own stance
    a = tl.actors[0]
    m = foot_metrics(a, tl.positions[:, 0], tl.hpr[:, 0], tl.scales[:, 0], track, tl.positions[:, 0, 2])
    assert len(m.slides) >= 8 and m.max_slide < 0.03 and m.stance_height < 0.02
    walking = np.linalg.norm(np.diff(tl.positions[:, 0, :2], axis=0), axis=1) > 0.02
    assert track.root_offset[1:][walking, 2].min() > -0.06  # the body does not sink to make the strides
