"""Birds (scenes/birds.py): wings beat in flight, glide down, flare and fold on landing; perch lands on top."""

from __future__ import annotations

import numpy as np
import pytest

from scenes import ScriptError
from scenes.birds import beat_rate
from scenes.catalog import asset, model

PERCH = """
duration: 5
fps: 30
actors:
  - id: gull
    asset: seagull
    position: [-2.5, 0, 0]
    actions:
      - {type: hop, to: [-2.0, 0, 0], start: 0.2, end: 1.0}
      - {type: perch, onto: crate, start: 1.2, end: 3.6, arc: 1.2}
  - {id: crate, asset: crate, position: [1.5, 0, 0]}
"""


def _wing_lift(tl) -> np.ndarray:
    """How far (F,) the left wing's tip direction rises above level, in degrees."""
    from scenes.rig import hpr_matrix

    m = model("seagull")
    r = hpr_matrix(tl.poses["gull"].rotations[:, m.joint_index("l_wing")])
    tip = r @ np.array([0.0, -1.0, 0.0])  # the folded wing's long axis points back
    return np.degrees(np.arcsin(np.clip(tip[:, 2], -1, 1))), np.abs(tip[:, 0])


def test_a_perching_bird_lands_on_top_and_folds_its_wings(compile_yaml):
    tl = compile_yaml(PERCH)
    top = asset("crate").traits.top_support().height
    np.testing.assert_allclose(tl.positions[-1, 0], [1.5, 0.0, top], atol=1e-6)
    lift, sideways = _wing_lift(tl)
    assert sideways[-10:].max() < 0.05 and sideways[:5].max() < 0.05  # folded before and after
    flying = slice(round(1.5 * 30), round(2.2 * 30))  # climbing: beating
    assert np.ptp(lift[flying]) > 60 and sideways[flying].max() > 0.95  # spread and beating


def test_wings_beat_at_the_birds_rate_and_glide_on_the_way_down(compile_yaml):
    tl = compile_yaml(PERCH)
    lift, _ = _wing_lift(tl)
    rate = beat_rate(tl.actors[0])
    up = slice(round(1.5 * 30), round(2.2 * 30))
    strokes = np.count_nonzero(np.diff(np.sign(lift[up] - lift[up].mean())) > 0)
    assert abs(strokes - rate * 0.7) <= 1.5
    vz = np.gradient(tl.positions[:, 0, 2], 1 / 30)
    gliding = (vz < -0.9) & (np.arange(len(vz)) < round((3.6 - 0.4) * 30))
    assert gliding.any() and np.ptp(lift[gliding]) < 15  # spread and nearly still


def test_the_body_pitches_up_to_land(compile_yaml):
    tl = compile_yaml(PERCH)
    pitch = tl.poses["gull"].rotations[:, 0, 1]
    assert pitch[round(3.5 * 30)] > 12 and abs(pitch[-1]) < 1e-6


def test_hops_leave_the_ground_and_come_back(compile_yaml):
    tl = compile_yaml(PERCH)
    z = tl.positions[: round(1.0 * 30) + 1, 0, 2]
    assert z.max() > 0.02 and np.isclose(z[-1], 0.0, atol=0.01)
    assert tl.positions[round(1.0 * 30), 0, 0] == pytest.approx(-2.0, abs=0.02)


def test_a_dog_cannot_perch(compile_yaml):
    with pytest.raises(ScriptError, match=r"actors\[0\]\.actions\[0\]\.type: a dog cannot perch"):
        compile_yaml("""
duration: 2
actors: [{id: rex, asset: dog, actions: [{type: perch, onto: [0, 0, 1], start: 0.2}]}]
""")
