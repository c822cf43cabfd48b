"""The Bullet physics bake: fall times, bounces, resting bodies, pushes, determinism and collision events."""

from __future__ import annotations

import itertools
import math

import numpy as np

from scenes import physics
from scenes.io import loads_script
from scenes.physics import substeps_per_frame
from scenes.timeline import compile_script

DROP = """
duration: 4
fps: 30
actors:
  - id: ball
    asset: sphere
    scale: 0.3
    position: [0, 0, 2.0]
    physics: {restitution: 0.6, mass: 0.5}
"""


def test_substep_rate_is_a_whole_multiple_of_the_frame_rate() -> None:
    for fps in (24, 25, 30, 60, 120, 240):
        k = substeps_per_frame(fps)
        assert k >= 1 and fps * k >= 240


def test_ball_dropped_from_2m_lands_at_sqrt_2h_over_g(compile_yaml) -> None:
    tl = compile_yaml(DROP)
    first = next(c for c in tl.collisions if c.b == "ground")
    assert first.a == "ball"
    expected = math.sqrt(2 * 2.0 / 9.81)
    assert abs(first.time - expected) <= 1 / 30
    assert abs(first.frame - expected * 30) <= 1
    # the impulse of the first impact is m·v·(1+e), give or take the solver
    v = math.sqrt(2 * 9.81 * 2.0)
    assert 0.7 * 0.5 * v * 1.6 < first.impulse < 1.3 * 0.5 * v * 1.6


def test_successive_bounce_peaks_decrease(compile_yaml) -> None:
    tl = compile_yaml(DROP)
    z = tl.positions[:, 0, 2]
    peaks = [z[i] for i in range(1, len(z) - 1) if z[i] > z[i - 1] and z[i] >= z[i + 1] and z[i] > 0.02]
    assert len(peaks) >= 2
    assert all(b < a for a, b in itertools.pairwise(peaks))
    assert 0.75 * 2.0 * 0.6**2 < peaks[0] < 1.25 * 2.0 * 0.6**2  # the first rebound reaches about e² h
    hits = [c for c in tl.collisions if c.b == "ground"]
    assert len(hits) >= 3 and all(b.impulse < a.impulse for a, b in itertools.pairwise(hits[:3]))


def test_box_resting_on_the_ground_does_not_drift(compile_yaml) -> None:
    tl = compile_yaml("""
duration: 5
actors:
  - {id: crate, asset: box, scale: 0.5, rotation: [30, 0, 0], physics: {mass: 4}}
""")
    drift = np.abs(tl.positions[:, 0] - tl.positions[0, 0]).max()
    turn = np.abs(((tl.hpr[:, 0] - tl.hpr[0, 0]) + 180) % 360 - 180).max()
    assert drift < 2e-3 and turn < 0.2


def test_same_script_gives_identical_trajectories(compile_yaml) -> None:
    text = """
duration: 3
seed: 7
actors:
  - {id: a, asset: sphere, scale: 0.4, position: [0, 0, 1.5], physics: {velocity: [1, 0.5, 0], restitution: 0.7}}
  - {id: b, asset: box, scale: 0.4, position: [1.2, 0.6, 0], rotation: [10, 0, 0], physics: {mass: 2}}
  - {id: c, asset: cylinder, scale: 0.3, position: [0.3, 0.2, 2.5], physics: {angular_velocity: [0, 90, 0]}}
"""
    one = compile_yaml(text)
    physics._SUSPENDED.clear()  # bake the second from scratch, not by resuming the first
    two = compile_yaml(text)
    assert np.array_equal(one.positions, two.positions) and np.array_equal(one.hpr, two.hpr)
    assert one.collisions == two.collisions and len(one.collisions) > 0


CHAIN = """
duration: {duration}
actors:
  - {{id: ball, asset: sphere, scale: 0.3, position: [0, -1.5, 0], physics: {{mass: 2, velocity: [0, 3, 0]}}}}
  - {{id: d1, asset: domino, position: [0, 0, 0], physics: {{mass: 0.3}}}}
  - {{id: d2, asset: domino, position: [0, 0.3, 0], physics: {{mass: 0.3}}}}
  - {{id: kid, asset: child, position: [2, -2, 0], actions: [{{type: walk_to, to: [1.5, -1, 0], start: 0.2}}]}}
"""


def test_a_longer_bake_resumes_a_shorter_one_bit_for_bit(compile_yaml, monkeypatch) -> None:
    """The solver's trial bakes part of the video; the whole video's bake goes on from there and gives exactly
    what a bake from scratch gives."""
    fresh = []
    new_bake = physics._new_bake
    monkeypatch.setattr(physics, "_new_bake", lambda *a: fresh.append(1) or new_bake(*a))
    physics._SUSPENDED.clear()
    compile_yaml(CHAIN.format(duration=2.5))  # a shorter video whose motion agrees with the whole one's
    trial = compile_script(loads_script(CHAIN.format(duration=4)), bake_frames=100)  # as the solver's trials do
    resumed = compile_yaml(CHAIN.format(duration=4))
    assert len(fresh) == 1  # the trial went on from the shorter video, the whole video from the trial
    assert np.array_equal(trial.positions[:100], resumed.positions[:100])
    physics._SUSPENDED.clear()
    whole = compile_yaml(CHAIN.format(duration=4))
    assert len(fresh) == 2
    assert np.array_equal(resumed.positions, whole.positions) and np.array_equal(resumed.hpr, whole.hpr)
    assert resumed.collisions == whole.collisions and any({c.a, c.b} == {"d1", "d2"} for c in whole.collisions)
    other = compile_yaml(CHAIN.format(duration=4).replace("mass: 2,", "mass: 2.5,"))  # another scene: from scratch
    assert len(fresh) == 3 and not np.array_equal(other.positions, whole.positions)


def test_push_moves_a_dynamic_body_along_the_impulse(compile_yaml) -> None:
    tl = compile_yaml("""
duration: 2
actors:
  - id: ball
    asset: football
    physics: {mass: 0.45}
    actions: [{type: push, start: 0.5, impulse: [0.9, 0, 0]}]
""")
    before, after = tl.positions[14, 0], tl.positions[-1, 0]
    assert np.allclose(before, tl.positions[0, 0], atol=1e-3)
    assert after[0] - before[0] > 1.0 and abs(after[1]) < 0.05


def test_rolling_ball_knocks_over_dominoes_and_records_it(compile_yaml) -> None:
    tl = compile_yaml("""
duration: 4
actors:
  - {id: ball, asset: sphere, scale: 0.3, position: [0, -1.5, 0], physics: {mass: 2, velocity: [0, 3, 0]}}
  - {id: d1, asset: domino, position: [0, 0, 0], physics: {mass: 0.3}}
  - {id: d2, asset: domino, position: [0, 0.3, 0], physics: {mass: 0.3}}
""")
    assert any({c.a, c.b} == {"ball", "d1"} for c in tl.collisions)
    assert any({c.a, c.b} == {"d1", "d2"} for c in tl.collisions)
    for i in (1, 2):
        assert abs(tl.hpr[-1, i, 1]) > 45 or abs(tl.hpr[-1, i, 2]) > 45  # lying down


def test_a_walking_character_knocks_a_ball_away(compile_yaml) -> None:
    tl = compile_yaml("""
duration: 5
actors:
  - {id: kid, asset: child, position: [0, -3, 0], actions: [{type: walk_to, to: [0, 3, 0], start: 0.2}]}
  - {id: ball, asset: football, position: [0.08, 0, 0], physics: {mass: 0.43}}
""")
    kicks = [c for c in tl.collisions if {c.a, c.b} == {"ball", "kid"}]
    assert kicks and kicks[0].impulse > 0.05
    assert np.linalg.norm(tl.positions[-1, 1, :2] - [0.08, 0]) > 0.3  # the ball was sent on its way


def test_pushing_an_actor_without_physics_makes_it_a_dynamic_body(compile_yaml) -> None:
    tl = compile_yaml("""
duration: 2
actors:
  - {id: kid, asset: child, position: [0, -0.6, 0], actions: [{type: push, target: ball, strength: 1, start: 0.5}]}
  - {id: ball, asset: football}
""")
    assert tl.positions[-1, 1, 1] > 0.5  # it rolled away from the kid


def test_a_push_of_its_own_goes_straight_ahead(compile_yaml) -> None:
    tl = compile_yaml("""
duration: 2
actors:
  - {id: crate, asset: crate, rotation: [90, 0, 0], actions: [{type: push, strength: 6, start: 0.2}]}
""")
    assert tl.positions[-1, 0, 0] < -0.3 and abs(tl.positions[-1, 0, 1]) < 0.05  # heading 90 faces -X


def _last_bake() -> physics._Bake:
    return next(iter(physics._SUSPENDED.values()))


def test_colliders_are_never_tested_against_each_other(compile_yaml) -> None:
    """The ground, props and people cannot move one another: Bullet only ever pairs them with dynamic bodies."""
    physics.forget_bake()
    tl = compile_yaml("""
duration: 3
actors:
  - {id: table, asset: table}
  - {id: cup, asset: cup, position: [0, 0, 0.76]}
  - {id: kid, asset: child, position: [1.2, -2, 0], actions: [{type: walk_to, to: [0.9, 0, 0], start: 0.2}]}
  - {id: ball, asset: football, position: [0.2, 0, 1.5], physics: {mass: 0.43}}
""")
    pairs = {frozenset((m.get_node0().get_name(), m.get_node1().get_name()))
             for m in _last_bake().world.get_manifolds()}
    assert pairs and all("ball" in p for p in pairs)
    assert any(c.a == "ball" and c.b == "table" for c in tl.collisions)  # the ball still lands on the table


def test_a_collider_that_walked_away_leaves_no_ghost_behind(compile_yaml) -> None:
    """A person far from every dynamic body still goes where its motion says: a ball rolling, once the kid is
    10 m away, through the spot where it stood at the start passes freely."""
    tl = compile_yaml("""
duration: 12
actors:
  - {id: kid, asset: child, actions: [{type: walk_to, to: [0, 10, 0], start: 0.1, end: 7}]}
  - id: ball
    asset: football
    position: [-7, 0, 0]
    physics: {mass: 0.43, friction: 0.2, velocity: [6, 0, 0], start: 7.5}
""")
    assert not any({c.a, c.b} == {"ball", "kid"} for c in tl.collisions)
    assert tl.positions[-1, 1, 0] > 1.0 and abs(tl.positions[-1, 1, 1]) < 0.05  # straight through the spot


def test_a_world_at_rest_is_not_stepped(compile_yaml) -> None:
    """A ball come to rest on a table (which keeps it awake in Bullet) while the only walker stays far away: the
    rest of the video is not simulated, and the ball stays where it came to rest."""
    physics.forget_bake()
    tl = compile_yaml("""
duration: 10
actors:
  - {id: table, asset: table}
  - {id: ball, asset: football, position: [0, 0, 1.2], physics: {mass: 0.43, restitution: 0.2}}
  - {id: kid, asset: child, position: [8, 0, 0], actions: [{type: walk_to, to: [8, 6, 0], start: 1}]}
""")
    bake = _last_bake()
    assert bake.stepped < 0.5 * bake.step
    z = tl.positions[:, 1, 2]
    assert z[-1] > 0.7 and np.ptp(tl.positions[150:, 1], axis=0).max() < 2e-3
