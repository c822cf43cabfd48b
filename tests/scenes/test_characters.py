"""People and animals: walking speed, planted feet, foot slide, clamped requests, a sane rig in every action."""

from __future__ import annotations

import numpy as np
import pytest

from scenes.animation import effector_positions, foot_metrics
from scenes.catalog import model
from scenes.rig import actor_matrices, joint_matrices

WALK = """
duration: 9
fps: 30
actors:
  - id: bob
    asset: person
    position: [0, 0, 0]
    actions:
      - {type: walk_to, to: [0, 8, 0], speed: 1.3, start: 0.5}
  - id: rex
    asset: dog
    position: [2, 0, 0]
    actions:
      - {type: walk_to, to: [2, 6, 0], start: 0.5}
  - id: amy
    asset: woman
    position: [-2, 0, 0]
    actions:
      - {type: follow_path, waypoints: [[-2, 3, 0], [0, 5, 0], [2, 8, 0]], start: 0.2}
"""


def _metrics(tl, i):
    a = tl.actors[i]
    return foot_metrics(a, tl.positions[:, i], tl.hpr[:, i], tl.scales[:, i], tl.poses[a.id], tl.positions[:, i, 2])


def test_walking_speed_matches_the_request_and_arrives(compile_yaml) -> None:
    tl = compile_yaml(WALK)
    speed = np.linalg.norm(np.diff(tl.positions[:, 0, :2], axis=0), axis=1) * 30
    assert abs(np.median(speed[speed > 0.5]) - 1.3) < 0.02
    assert np.allclose(tl.positions[-1, 0], [0, 8, 0], atol=1e-6)
    assert abs(tl.hpr[-1, 0, 0]) < 1e-6  # faces +Y, the way it walked


@pytest.mark.parametrize("index", [0, 1, 2])
def test_feet_stay_on_the_ground_in_stance_and_do_not_slide(compile_yaml, index) -> None:
    tl = compile_yaml(WALK)
    m = _metrics(tl, index)
    assert len(m.slides) >= 6  # it really walked
    assert m.stance_height < 0.02
    assert m.max_slide < 0.03


def test_footsteps_are_recorded_in_time_order_on_the_ground(compile_yaml) -> None:
    tl = compile_yaml(WALK)
    steps = [s for s in tl.footsteps if s.actor == "bob"]
    assert len(steps) >= 8
    assert {s.foot for s in steps} == {"l_foot", "r_foot"}
    assert all(abs(s.position[2]) < 0.02 for s in steps)
    assert [s.frame for s in tl.footsteps] == sorted(s.frame for s in tl.footsteps)


def test_running_feet_stay_planted(compile_yaml) -> None:
    tl = compile_yaml("""
duration: 5
actors:
  - {id: r, asset: man, actions: [{type: run_to, to: [12, 0, 0], start: 0.3}]}
""")
    m = _metrics(tl, 0)
    assert len(m.slides) >= 6 and m.max_slide < 0.03 and m.stance_height < 0.02


def test_impossible_requests_are_clamped_with_located_warnings(compile_yaml) -> None:
    tl = compile_yaml("""
duration: 6
actors:
  - id: bob
    asset: person
    actions:
      - {type: jump, height: 4, start: 0.5}
      - {type: walk_to, to: [0, 30, 0], speed: 50, start: 2}
""")
    assert any("actors[0].actions[0].height" in w and "clamped" in w for w in tl.warnings)
    assert any("actors[0].actions[1].speed" in w and "clamped" in w for w in tl.warnings)
    assert tl.positions[:, 0, 2].max() <= 1.2 + 1e-6
    speed = np.linalg.norm(np.diff(tl.positions[:, 0, :2], axis=0), axis=1) * 30
    assert speed.max() <= 2.5 + 1e-6


def _world_joints(tl, i):
    a = tl.actors[i]
    m = model(a.asset)
    pose = tl.poses[a.id]
    world = actor_matrices(tl.positions[:, i], tl.hpr[:, i], tl.scales[:, i])[:, None] @ joint_matrices(
        m, pose.rotations, pose.root_offset)
    return m, world[..., :3, 3]


@pytest.mark.parametrize("action", [
    "{type: wave, start: 0.2}", "{type: dance, style: groove}", "{type: dance, style: twist}",
    "{type: dance, style: disco}", "{type: dance, style: robot}", "{type: jump, start: 0.3}",
    "{type: walk_to, to: [0, 4, 0]}", "{type: push, target: ball, start: 1}", "{type: idle}",
])
def test_rig_never_self_intersects_grossly(compile_yaml, action) -> None:
    tl = compile_yaml(f"""
duration: 3
actors:
  - {{id: p, asset: person, actions: [{action}, {{type: look_at, target: ball, start: 0.5}}]}}
  - {{id: ball, asset: football, position: [0.5, 0.6, 0], physics: {{}}}}
""")
    m, joints = _world_joints(tl, 0)
    j = {jt.name: k for k, jt in enumerate(m.joints)}
    feet = np.linalg.norm(joints[:, j["l_foot"]] - joints[:, j["r_foot"]], axis=1)
    knees = np.linalg.norm(joints[:, j["l_shin"]] - joints[:, j["r_shin"]], axis=1)
    assert feet.min() > 0.08 and knees.min() > 0.08
    # hands never sink into the torso (a cylinder of radius 0.12 m between pelvis and neck)
    for hand in ("l_hand", "r_hand"):
        rel = joints[:, j[hand]] - joints[:, j["chest"]]
        axis = joints[:, j["neck"]] - joints[:, j["chest"]]
        axis /= np.linalg.norm(axis, axis=1, keepdims=True)
        along = np.einsum("fi,fi->f", rel, axis)
        radial = np.linalg.norm(rel - along[:, None] * axis, axis=1)
        assert not np.any((radial < 0.12) & (along > 0.0) & (along < 0.45))
    # nothing below the ground
    ends, heights = effector_positions(tl.actors[0], tl.positions[:, 0], tl.hpr[:, 0], tl.scales[:, 0], tl.poses["p"])
    assert (ends[..., 2] - heights).min() > -0.02


def test_actions_blend_without_pops(compile_yaml) -> None:
    tl = compile_yaml("""
duration: 8
actors:
  - id: p
    asset: person
    actions:
      - {type: wave, start: 0.5, end: 2.5}
      - {type: dance, style: disco, start: 2.5, end: 5}
      - {type: walk_to, to: [0, 3, 0], start: 5}
""")
    rot = tl.poses["p"].rotations
    jump = np.abs(np.diff(rot, axis=0)).max()
    assert jump < 40.0  # degrees per frame at 30 fps: quick but continuous; a pop would snap 90°+ in a frame


def test_quadruped_sits_and_follows_a_moving_ball(compile_yaml) -> None:
    tl = compile_yaml("""
duration: 6
actors:
  - {id: ball, asset: football, position: [0, 1, 0], physics: {mass: 0.4, velocity: [0, 2.5, 0]}}
  - {id: rex, asset: dog, position: [0, -1, 0], actions: [{type: follow, target: ball, distance: 0.5}]}
  - {id: tom, asset: cat, position: [2, 0, 0], actions: [{type: sit, start: 0.5}]}
""")
    ball, dog = tl.positions[:, 0], tl.positions[:, 1]
    assert np.linalg.norm(ball[-1, :2] - dog[-1, :2]) < 1.5
    assert np.linalg.norm(dog[-1, :2] - dog[0, :2]) > 3.0
    assert tl.poses["tom"].root_offset[-1, 2] < -0.02
