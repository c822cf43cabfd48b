"""Full-body moves (scenes/moves.py, scenes/mocap.py): the kick meets the ball, moves travel and blend without
pops, poses are deterministic, and a rig that cannot do a move is a located error."""

from __future__ import annotations

import numpy as np
import pytest

from scenes import ScriptError
from scenes.actions import ACTIONS
from scenes.catalog import asset, model
from scenes.moves import TOE, ramp_in, ramp_out
from scenes.rig import actor_matrices, hpr_matrix, joint_matrices

KICK = """
duration: 2.8
fps: 30
actors:
  - id: sam
    asset: man
    position: [0, -1.0, 0]
    actions: [{type: kick, target: ball, start: 0.8}]
  - {id: ball, asset: football, position: [0.1, 0, 0]}
"""
MOVES = ("cartwheel", "backflip", "forward_roll", "punch", "crawl", "get_up")


def _toe(tl, frame: int) -> np.ndarray:
    a = tl.actors[0]
    m = model(a.asset)
    track = tl.poses[a.id]
    foot = joint_matrices(m, track.rotations[frame:frame + 1], track.root_offset[frame:frame + 1])[0,
                                                                                                  m.joint_index("r_foot")]
    world = actor_matrices(tl.positions[frame:frame + 1, 0], tl.hpr[frame:frame + 1, 0], tl.scales[frame:frame + 1, 0])
    height = float(np.ptp(m.rest_mesh().vertices[:, 2]))
    local = foot[:3, :3] @ (TOE * height / 1.75) + foot[:3, 3]
    return world[0, :3, :3] @ local + world[0, :3, 3]


def test_the_kicking_foot_reaches_the_ball_at_the_impulse_time(compile_yaml):
    tl = compile_yaml(KICK)
    contact = ACTIONS["kick"].physics.contact
    assert contact.limb == "r_foot"
    f = round((0.8 + contact.time) * 30)
    ball = tl.positions[f - 1, 1] + np.array([0, 0, 0.11])  # its centre just before it is struck
    radius = asset("football").size[2] / 2
    assert np.linalg.norm(_toe(tl, f) - ball) < radius + 0.04
    assert np.linalg.norm(_toe(tl, f - 4) - ball) > radius + 0.2  # it swung in, it was not standing there
    assert tl.positions[f - 2, 1, 1] == pytest.approx(0.0)  # the ball waits for the foot
    assert tl.positions[-1, 1, 1] > 2.0  # and is kicked away along the kick
    assert any((c.a == "ball" and c.b == "sam") or (c.b == "ball" and c.a == "sam") for c in tl.collisions)


def test_the_standing_foot_stays_planted_through_the_kick(compile_yaml):
    tl = compile_yaml(KICK)
    a = tl.actors[0]
    m = model(a.asset)
    track = tl.poses[a.id]
    frames = slice(round(0.8 * 30), round(2.0 * 30))
    mats = joint_matrices(m, track.rotations[frames], track.root_offset[frames])[:, m.joint_index("l_foot")]
    world = actor_matrices(tl.positions[frames, 0], tl.hpr[frames, 0], tl.scales[frames, 0])
    ankle = np.einsum("fij,fj->fi", world[:, :3, :3], mats[:, :3, 3]) + world[:, :3, 3]
    assert np.ptp(ankle[:, :2], axis=0).max() < 0.03 and np.ptp(ankle[:, 2]) < 0.01


@pytest.mark.parametrize("move", MOVES)
def test_moves_blend_in_and_out_without_pops(compile_yaml, move):
    tl = compile_yaml(f"""
duration: 5
fps: 30
actors: [{{id: p, asset: woman, actions: [{{type: {move}, start: 0.5, end: 4.0}}]}}]
""")
    track = tl.poses["p"]
    r = hpr_matrix(track.rotations)
    step = np.degrees(np.arccos(np.clip((np.einsum("fjab,fjab->fj", r[1:], r[:-1]) - 1) / 2, -1, 1)))
    action = tl.actors[0].actions[0]
    blends = np.r_[14:round((0.5 + ramp_in(action)) * 30) + 1, round((4.0 - ramp_out(action)) * 30) - 1:121]
    assert step[blends].max() < 30.0, step[blends].max()  # no joint jumps while blending (at 30 fps)
    assert step.max() < 65.0  # nor anywhere (a backflip's arms swing at ~1700 degrees/s)
    lift = np.abs(np.diff(track.root_offset[:, 2]))
    assert lift[blends].max() < 0.1 and lift.max() < 0.13
    turned = np.degrees(np.arccos(np.clip((np.trace(r[-1], axis1=-2, axis2=-1) - 1) / 2, -1, 1)))
    assert turned.max() < 20.0  # every joint back near its rest after the move (standing)
    moved = np.linalg.norm(tl.positions[-1, 0, :2] - tl.positions[0, 0, :2])
    assert moved > 0.3 or move in ("punch", "get_up")  # the travelling moves travel


def test_moves_are_deterministic(compile_yaml):
    a, b = compile_yaml(KICK), compile_yaml(KICK)
    assert np.array_equal(a.poses["sam"].rotations, b.poses["sam"].rotations)
    assert np.array_equal(a.positions, b.positions)


def test_a_dog_cannot_cartwheel(compile_yaml):
    with pytest.raises(ScriptError, match=r"actors\[0\]\.actions\[0\]\.type: a dog cannot cartwheel"):
        compile_yaml("""
duration: 2
actors: [{id: rex, asset: dog, actions: [{type: cartwheel, start: 0.2}]}]
""")


def test_a_left_footed_kick_strikes_with_the_left_foot(compile_yaml):
    tl = compile_yaml(KICK.replace("target: ball, start: 0.8}", "target: ball, start: 0.8, foot: left}"))
    a = tl.actors[0]
    m = model(a.asset)
    f = round((0.8 + ACTIONS["kick"].physics.contact.time) * 30)
    track = tl.poses[a.id]
    mats = joint_matrices(m, track.rotations[f:f + 1], track.root_offset[f:f + 1])[0]
    world = actor_matrices(tl.positions[f:f + 1, 0], tl.hpr[f:f + 1, 0], tl.scales[f:f + 1, 0])[0]
    ankles = {side: world[:3, :3] @ mats[m.joint_index(f"{side}_foot"), :3, 3] + world[:3, 3] for side in "lr"}
    ball = tl.positions[f - 1, 1] + np.array([0, 0, 0.11])
    assert np.linalg.norm(ankles["l"] - ball) < np.linalg.norm(ankles["r"] - ball) - 0.15
    assert tl.positions[-1, 1, 1] > 2.0


def test_a_target_out_of_reach_is_a_located_warning(compile_yaml):
    tl = compile_yaml("""
duration: 3
actors:
  - {id: p, asset: man, position: [0, -5, 0], actions: [{type: kick, target: ball, start: 1.0}]}
  - {id: ball, asset: football, position: [0, 0, 0]}
""")
    assert any(w.startswith("actors[0].actions[0].target: 'ball' is") and "out of reach" in w for w in tl.warnings)
    assert not compile_yaml(KICK).warnings


@pytest.mark.parametrize("style", ["freestyle", "twirl"])
def test_captured_dances_step_about_and_come_back_to_their_spot(compile_yaml, style):
    tl = compile_yaml(f"""
duration: 11
fps: 30
actors:
  - {{id: p, asset: woman, position: [1, 2, 0], actions: [{{type: dance, style: {style}, start: 0.5, end: 10.5}}]}}
""")
    track = tl.poses["p"]
    r = hpr_matrix(track.rotations)
    step = np.degrees(np.arccos(np.clip((np.einsum("fjab,fjab->fj", r[1:], r[:-1]) - 1) / 2, -1, 1)))
    blends = np.r_[14:round(1.0 * 30) + 1, round(10.0 * 30) - 1:round(10.5 * 30) + 1]
    assert step[blends].max() < 30.0  # blended in and out (30 fps)
    assert step.max() < 65.0  # and continuous across its loops (freestyle's arm flourish: ~1400 degrees/s)
    ground = tl.positions[:, 0, :2] - [1, 2]
    far = np.linalg.norm(ground, axis=1)
    assert far.max() > 0.3  # it really steps about (a captured dance travels within each loop) ...
    assert far.max() < 1.0  # ... but stays near its spot: the clip's drift (1.2 m a loop for twirl) is taken out
    # every loop (twirl: every second one, turned) ends where the dance began
    tempo = 120.0 / 60.0
    loop = {"freestyle": 4 / tempo, "twirl": 2 * 4 / tempo}[style]
    back = [round((0.5 + k * loop) * 30) for k in range(1, 4) if 0.5 + k * loop < 10.0]
    assert back and np.abs(ground[back]).max() < 0.05


def test_keyed_dances_stay_on_the_spot_and_are_the_default(compile_yaml):
    tl = compile_yaml("""
duration: 4
actors:
  - {id: a, asset: man, actions: [{type: dance, style: robot}]}
  - {id: b, asset: man, position: [2, 0, 0], actions: [{type: dance}]}
  - {id: c, asset: man, position: [4, 0, 0], actions: [{type: dance, style: freestyle}]}
""")
    assert tl.actors[1].actions[0].style == "groove"
    assert np.abs(tl.positions[:, :2, :2] - tl.positions[:1, :2, :2]).max() < 1e-9
    assert np.ptp(tl.positions[:, 2, 0]) > 0.2  # the captured one steps about
