"""Skinned human bodies (scenes/skin.py): weights, rest pose, and deformation by the rig."""

from __future__ import annotations

import numpy as np
import pytest

from scenes.catalog import model
from scenes.rig import joint_matrices
from scenes.skin import JOINTS, VARIANTS, body, skin_vertices, skinning_matrices

HUMANS = ("person", "man", "woman", "child", "elderly")


@pytest.mark.parametrize("name", HUMANS)
def test_weights_are_normalised_over_four_rig_joints(name):
    m = model(name)
    assert m.skinned and len(m.joints) == len(JOINTS)
    for part in m.skin:
        np.testing.assert_allclose(part.weights.sum(axis=1), 1.0, atol=1e-5)
        assert (part.weights >= 0).all() and part.joints.max() < len(m.joints) + len(m.eyes) + len(m.lids)
        assert len(part.joints) == len(part.mesh.vertices)


def test_rest_pose_reproduces_the_bind_mesh_and_the_body_stands_on_the_ground():
    m = model("woman")
    rest = joint_matrices(m, np.zeros((1, 16, 3)), np.zeros((1, 3)))[0]
    s = skinning_matrices(rest, rest[:, :3, 3], m.eyes, None, m.lids)
    for part in m.skin:
        v, _ = skin_vertices(part, s)
        np.testing.assert_allclose(v, part.mesh.vertices, atol=1e-5)
    lo, hi = m.rest_mesh().bounds
    assert abs(lo[2]) < 0.01 and 1.6 < hi[2] < 1.8


def test_legs_hang_straight_for_the_leg_ik():
    """The animation's two-bone IK assumes each leg segment hangs straight down from its joint at rest."""
    m = model("man")
    for side in ("l", "r"):
        for j in (f"{side}_shin", f"{side}_foot"):
            off = np.array(m.joints[m.joint_index(j)].offset)
            assert abs(off[0]) < 1e-9 and abs(off[1]) < 1e-9 and off[2] < -0.3


def test_a_bent_elbow_moves_the_forearm_and_not_the_torso():
    m = model("person")
    rot = np.zeros((1, 16, 3))
    rot[0, m.joint_index("r_forearm"), 1] = 90.0  # pitch the forearm forward
    posed = joint_matrices(m, rot, np.zeros((1, 3)))[0]
    rest = joint_matrices(m, np.zeros((1, 16, 3)), np.zeros((1, 3)))[0]
    s = skinning_matrices(posed, rest[:, :3, 3], m.eyes, None, m.lids)
    elbow = rest[m.joint_index("r_forearm"), :3, 3]
    wrist = rest[m.joint_index("r_hand"), :3, 3]
    moved_forearm, moved_torso = [], []
    for part in m.skin:
        v, _ = skin_vertices(part, s)
        shift = np.linalg.norm(v - part.mesh.vertices, axis=1)
        dominant = part.joints[np.arange(len(part.joints)), np.argmax(part.weights, axis=1)]
        fore = (dominant == m.joint_index("r_forearm")) & (part.weights.max(axis=1) > 0.9)
        torso = np.isin(dominant, [m.joint_index(j) for j in ("chest", "pelvis", "l_upper_arm", "l_forearm")])
        moved_forearm.append(shift[fore])
        moved_torso.append(shift[torso])
    fore, torso = np.concatenate(moved_forearm), np.concatenate(moved_torso)
    assert fore.size > 20 and np.median(fore) > 0.3 * np.linalg.norm(wrist - elbow)
    assert torso.size > 500 and torso.max() < 1e-6


def test_variants_differ_in_shape_and_proportion():
    heights = {v: model(v).rest_mesh().bounds[1][2] for v in HUMANS}
    assert heights["child"] < 1.3 < heights["woman"] < heights["man"]
    hips = {v: np.ptp(body(v, 1.7).joints[[10, 13], 0]) for v in ("man", "woman")}
    assert set(VARIANTS) == set(HUMANS)
    assert hips["man"] != hips["woman"]


def test_the_figurine_stays_stylised_and_slots_keep_their_names():
    assert not model("figurine").skinned
    slots = {p.slot for p in model("woman").skin}
    assert {"body", "legs", "skin", "hair", "shoes", "eyes", "sclera", "accent"} <= slots
    assert model("woman").main_slot == "body"


def test_the_eyes_turn_about_their_centres_and_nothing_else_moves():
    m = model("man")
    rest = joint_matrices(m, np.zeros((1, 16, 3)), np.zeros((1, 3)))[0]
    s = skinning_matrices(rest, rest[:, :3, 3], m.eyes, np.array([25.0, 10.0]), m.lids)
    for part in m.skin:
        v, _ = skin_vertices(part, s)
        moved = np.linalg.norm(v - part.mesh.vertices, axis=1)
        if part.slot in ("eyes", "sclera"):
            centres = m.eyes[(part.mesh.vertices[:, 0] >= 0).astype(int)]
            radius_then = np.linalg.norm(part.mesh.vertices - centres, axis=1)
            np.testing.assert_allclose(np.linalg.norm(v - centres, axis=1), radius_then, atol=1e-5)
            assert moved.max() > 0.003  # the irises swing round
        else:
            assert moved.max() < 1e-6


def test_eyes_lead_the_head_and_cover_what_it_cannot_turn(compile_yaml):
    tl = compile_yaml("""
duration: 3
fps: 30
actors:
  - {id: sam, asset: man, actions: [{type: look_at, target: [-5, 0.3, 1.6], start: 1.0}]}
""")
    gaze = tl.poses["sam"].gaze
    assert np.abs(gaze[:25]).max() < 1e-9  # straight ahead before the look
    assert gaze[round(1.15 * 30), 0] > 20.0  # the eyes are there within 0.15 s, before the head (0.4 s)
    assert gaze[-1, 0] > 10.0  # the target is 87 degrees off: past the head's 75, the eyes take the rest
    assert abs(gaze[-1, 1]) < 10.0


def test_blinks_are_seeded_per_actor_and_deterministic(compile_yaml):
    text = """
duration: 20
fps: 30
seed: {seed}
actors:
  - {{id: ana, asset: woman}}
  - {{id: bob, asset: man, position: [1, 0, 0]}}
  - {{id: fig, asset: figurine, position: [2, 0, 0]}}
"""
    a, b, c = (compile_yaml(text.format(seed=s)) for s in (3, 3, 4))
    ana, bob = a.poses["ana"].blink, a.poses["bob"].blink
    assert np.array_equal(ana, b.poses["ana"].blink)  # the same script and seed: the same blinks
    assert not np.array_equal(ana, c.poses["ana"].blink)  # another seed: other moments
    assert not np.array_equal(ana, bob)  # two people do not blink in step
    assert a.poses["fig"].blink is None  # the stylised figurine has no lids
    starts = np.flatnonzero((ana[1:] > 0) & (ana[:-1] == 0)) / 30.0
    assert 3 <= len(starts) <= 10 and np.diff(starts).min() > 1.9 and np.diff(starts).max() < 6.1
    assert ana.max() == pytest.approx(1.0, abs=0.2) and ((ana > 0) & (ana < 1)).sum() < 10 * len(starts)


def test_a_closed_lid_covers_the_eye_and_an_open_one_hides_under_the_upper_lid():
    """Each lid shell turns down about its eye's centre: open, its edge sits above the upper lid's margin (under its
    skin); closed, below the lower lid's margin, so nothing of the eye between them shows."""
    from scenes.skin import LID_BONES, lid_margins

    m = model("woman")
    rest = joint_matrices(m, np.zeros((1, 16, 3)), np.zeros((1, 3)))[0]
    skin = next(p for p in m.skin if p.slot == "skin").mesh.vertices.astype(np.float64)
    sclera = next(p for p in m.skin if p.slot == "sclera").mesh.vertices.astype(np.float64)
    for side, bone in enumerate(LID_BONES):
        mine = sclera[(sclera[:, 0] < 0) == (side == 0)]
        lower, upper = lid_margins(skin, m.eyes[side], float(np.linalg.norm(mine - m.eyes[side], axis=1).max()))
        assert 15.0 < upper - lower < 45.0  # an open eye's height, seen from its centre
        lid = next(p for p in m.skin if p.joints[0, 0] == bone)
        for blink in (0.0, 0.5, 1.0):
            v, _ = skin_vertices(lid, skinning_matrices(rest, rest[:, :3, 3], m.eyes, None, m.lids, blink))
            rel = v - m.eyes[side]
            edge = np.degrees(np.arctan2(rel[:, 2], rel[:, 1]))[rel[:, 1] > 0].min()
            if blink == 0.0:
                assert edge > upper
            elif blink == 1.0:
                assert edge < lower
            else:
                assert lower < edge < upper  # half way down


@pytest.mark.parametrize("name", ["woman", "child", "dog"])
def test_the_coarse_shadow_copy_keeps_original_vertices_and_a_tenth_of_the_triangles(name):
    from scenes.skin import coarse_skin

    m = model(name)
    coarse = coarse_skin(m.skin, 0.03)
    verts = np.concatenate([p.mesh.vertices for p in m.skin])
    joints = np.concatenate([p.joints for p in m.skin])
    weights = np.concatenate([p.weights for p in m.skin])
    index = {tuple(v): k for k, v in enumerate(verts)}
    rows = [index[tuple(v)] for v in coarse.mesh.vertices]  # every vertex is one of the body's own, skinned as it
    assert np.array_equal(coarse.joints, joints[rows]) and np.array_equal(coarse.weights, weights[rows])
    full = sum(len(p.mesh.triangles) for p in m.skin)
    assert 0.05 * full < len(coarse.mesh.triangles) < 0.25 * full
    lo, hi = coarse.mesh.bounds
    flo, fhi = verts.min(axis=0), verts.max(axis=0)
    assert np.abs(lo - flo).max() < 0.03 and np.abs(hi - fhi).max() < 0.03  # the same outline, within a cell
