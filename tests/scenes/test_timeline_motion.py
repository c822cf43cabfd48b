"""Timeline: keyframes and each motion at known times, shots, random access and determinism."""

from __future__ import annotations

import numpy as np
import pytest

from scenes import compile_script, loads_script
from scenes.camera import shot_spans
from scenes.motion import heading_of, look_at_hpr


def compile_text(text: str):
    return compile_script(loads_script(text))


def test_keyframes_interpolate_linearly_and_hold() -> None:
    tl = compile_text("""
duration: 4
fps: 10
actors:
  - id: a
    asset: box
    keyframes:
      - {t: 1, position: [0, 0, 0], rotation: [0, 0, 0]}
      - {t: 3, position: [4, 2, 0], rotation: [90, 0, 0]}
""")
    pos = tl.positions[:, 0]
    np.testing.assert_allclose(pos[0], [0, 0, 0])  # held before the first key
    np.testing.assert_allclose(pos[20], [2, 1, 0])  # t = 2 s: halfway
    np.testing.assert_allclose(pos[39], [4, 2, 0])  # held after the last key
    assert tl.hpr[20, 0, 0] == pytest.approx(45.0)


def test_bounce_touches_ground_each_period_and_peaks_mid_period() -> None:
    tl = compile_text("""
duration: 2
fps: 100
actors: [{id: b, asset: sphere, actions: [{type: bounce, height: 2, period: 1}]}]
""")
    z = tl.positions[:, 0, 2]
    assert z[0] == pytest.approx(0.0)
    assert z[50] == pytest.approx(2.0)  # peak at half a period
    assert z[100] == pytest.approx(0.0, abs=1e-9)  # lands after one period
    assert z[25] == pytest.approx(1.5)  # parabola: 4h·u(1-u) at u = 0.25
    assert (z >= 0).all()


def test_spin_accumulates_and_holds_after_end() -> None:
    tl = compile_text("""
duration: 3
fps: 10
actors: [{id: s, asset: cone, actions: [{type: spin, speed: 90, start: 1, end: 2}]}]
""")
    h = tl.hpr[:, 0, 0]
    assert h[10] == pytest.approx(0.0)
    assert h[15] == pytest.approx(45.0)
    assert h[25] == pytest.approx(90.0)  # holds: no pop back


def test_move_to_eases_to_destination() -> None:
    tl = compile_text("""
duration: 2
fps: 10
actors: [{id: m, asset: box, position: [0, 0, 0], actions: [{type: move_to, to: [4, 0, 0], start: 0, end: 1}]}]
""")
    x = tl.positions[:, 0, 0]
    assert x[5] == pytest.approx(2.0)  # smoothstep midpoint
    assert x[10] == pytest.approx(4.0)
    assert x[19] == pytest.approx(4.0)
    assert np.all(np.diff(x) >= -1e-12)


def test_orbit_keeps_radius_and_period() -> None:
    tl = compile_text("""
duration: 4
fps: 10
actors:
  - {id: hub, asset: box}
  - {id: moon, asset: sphere, position: [3, 0, 0], actions: [{type: orbit, center: hub, period: 4}]}
""")
    xy = tl.positions[:, 1, :2]
    np.testing.assert_allclose(np.hypot(xy[:, 0], xy[:, 1]), 3.0, atol=1e-9)
    np.testing.assert_allclose(xy[10], [0.0, 3.0], atol=1e-9)  # a quarter turn counter-clockwise
    # faces its direction of travel: at (0, 3) moving towards -X, which is heading 90
    assert tl.hpr[10, 1, 0] == pytest.approx(90.0)


def test_look_at_and_heading_conventions() -> None:
    assert heading_of(np.array([0.0, 1.0])) == pytest.approx(0.0)
    assert heading_of(np.array([-1.0, 0.0])) == pytest.approx(90.0)
    hpr = look_at_hpr(np.array([0.0, 0.0, 0.0]), np.array([0.0, 10.0, 10.0]))
    np.testing.assert_allclose(hpr, [0.0, 45.0, 0.0])


def test_shot_spans_fill_gaps_evenly() -> None:
    script = loads_script("""
duration: 12
camera:
  shots:
    - {type: static}
    - {type: orbit}
    - {type: static, start: 9}
""")
    assert shot_spans(script.camera.shots, 12.0) == [(0.0, 4.5), (4.5, 9.0), (9.0, 12.0)]


def test_camera_follows_shots_and_tracks_actor_target() -> None:
    tl = compile_text("""
duration: 2
fps: 10
actors: [{id: a, asset: box, actions: [{type: move_to, to: [5, 0, 0]}]}]
camera:
  shots:
    - {type: static, position: [0, -10, 1], target: a, end: 1}
    - {type: orbit, target: [0, 0, 0], radius: 5, height: 1, start_angle: 0, degrees: 90}
""")
    assert tl.shot_index[5] == 0 and tl.shot_index[15] == 1
    # static shot tracks the moving actor: heading turns towards +X as it moves
    assert tl.camera_hpr[9, 0] < tl.camera_hpr[0, 0] - 1.0
    # orbit at start_angle 0 puts the camera at -Y
    np.testing.assert_allclose(tl.camera_position[10], [0.0, -5.0, 1.0], atol=1e-9)


def test_default_shot_frames_everything_from_above_ground() -> None:
    tl = compile_text("actors: [{id: a, asset: box}, {id: b, asset: sphere, position: [4, 0, 0]}]")
    assert (tl.camera_position[:, 2] > 0.1).all()
    assert len(set(map(tuple, tl.camera_position))) == 1


def test_frames_are_random_access_and_deterministic() -> None:
    text = "duration: 3\nactors: [{id: a, asset: sphere, actions: [{type: bounce}, {type: spin}]}]"
    a, b = compile_text(text), compile_text(text)
    for i in (0, 17, 89, -1):
        fa, fb = a.frame(i), b.frame(i)
        np.testing.assert_array_equal(fa.positions, fb.positions)
        np.testing.assert_array_equal(fa.camera.position, fb.camera.position)
    assert a.frame(-1).index == len(a) - 1
    with pytest.raises(IndexError):
        a.frame(len(a))


def test_kinematic_bounce_landings_are_ground_collisions() -> None:
    tl = compile_text("""
duration: 2.5
fps: 30
actors: [{id: b, asset: sphere, actions: [{type: bounce, height: 1, period: 0.8}]}]
""")
    landings = [(c.time, c.a, c.b) for c in tl.collisions]
    assert landings == [(pytest.approx(0.8), "b", "ground"), (pytest.approx(1.6), "b", "ground"),
                        (pytest.approx(2.4), "b", "ground")]
    first = tl.collisions[0]
    assert first.frame == 24 and first.impulse == pytest.approx(1.0 * 4 * 1 / 0.8)  # mass 1 kg × 4h/T
    assert tl.positions[first.frame, 0, 2] == pytest.approx(0.0, abs=1e-9)  # it is on the ground then


WALK_AND_HOLD = """
duration: 3
actors:
  - {id: kid, asset: child, actions: [{type: walk_to, to: [2, 0, 0], start: 0.2}]}
  - {id: ball, asset: football, position: [1, 0.05, 0], physics: {mass: 0.43}}
  - {id: man, asset: man, position: [0, 2, 0], actions: [{type: pick_up, object: box, start: 0.2}]}
  - {id: box, asset: box, scale: 0.3, position: [0, 2.5, 0]}
"""


def test_a_compile_without_poses_moves_everything_alike() -> None:
    """The solver's trials leave out joint poses: every position and contact is the same as with them, and a held
    prop, which goes where the posed hands put it, is still posed for."""
    from scenes.timeline import forget_last_compile

    walking = WALK_AND_HOLD.split("  - {id: man")[0]
    full = compile_text(walking)
    forget_last_compile()
    bare = compile_script(loads_script(walking), with_poses=False)
    assert not bare.poses and set(full.poses) == {"kid"}
    assert np.array_equal(bare.positions, full.positions) and bare.collisions == full.collisions
    holding = compile_script(loads_script(WALK_AND_HOLD), with_poses=False)
    assert set(holding.poses) == {"kid", "man"}
    assert np.array_equal(holding.positions, compile_text(WALK_AND_HOLD).positions)


def test_a_walker_posed_from_the_same_inputs_is_posed_once(monkeypatch) -> None:
    """The bake's feet and the final poses of a walker come from one posing; the next compile of the same motion
    (the final compile after the solver's trial) takes it too, and gives the same timeline as a cold compile; a
    change to what it looks at poses it again."""
    from scenes import timeline

    timeline.forget_last_compile()
    posed = []
    real = timeline.character_poses
    monkeypatch.setattr(timeline, "character_poses", lambda *a, **k: posed.append(a[0].id) or real(*a, **k))
    script = loads_script(WALK_AND_HOLD.split("  - {id: man")[0])
    first = compile_script(script)
    assert posed == ["kid"]  # the feet for the bake, then the final poses from the same inputs
    again = compile_script(script)
    assert posed == ["kid"]
    timeline.forget_last_compile()
    cold = compile_script(script)
    assert posed == ["kid", "kid"]
    for tl in (again, cold):
        assert np.array_equal(tl.positions, first.positions) and tl.collisions == first.collisions
        assert np.array_equal(tl.poses["kid"].rotations, first.poses["kid"].rotations)
    looking = script.model_copy(deep=True)
    looking.actors[0].actions.append(loads_script("""
duration: 3
actors: [{id: kid, asset: child, actions: [{type: look_at, target: ball, start: 1}]}, {id: ball, asset: football}]
""").actors[0].actions[0])
    compile_script(looking)
    assert posed[2:] == ["kid", "kid"]  # the bake's feet looked at the ball before it was kicked, the poses after
