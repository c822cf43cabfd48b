"""Wind sway baked into the timeline: trees' crowns move with the wind and stay still without it, lean downwind,
harder in a stronger wind, and repeat exactly for a seed."""

from __future__ import annotations

import numpy as np

from scenes import compile_script, loads_script

FOREST = """duration: 4
fps: 10
resolution: 64x36
seed: SEED
environment: {wind: {speed: SPEED, heading: 90}}
actors:
  - {id: oak, asset: tree, position: [0, 0, 0]}
  - {id: fir, asset: pine, position: [6, 0, 0], rotation: [40, 0, 0]}
  - {id: crate, asset: box, position: [3, 3, 0]}
"""


def forest(speed: float, seed: int = 0):
    return compile_script(loads_script(FOREST.replace("SPEED", str(speed)).replace("SEED", str(seed))))


def crown_tip(timeline, actor: str) -> np.ndarray:
    """Where the crown's up axis points in the world, per frame (F, 3): the joint's hpr under the actor's."""
    from engine_bridge.groundtruth import hpr_matrix

    i = [a.id for a in timeline.actors].index(actor)
    k = 1  # root, crown
    rot = timeline.sway[actor].rotations[:, k]
    return np.array([hpr_matrix(timeline.hpr[f, i]) @ hpr_matrix(r) @ [0.0, 0.0, 1.0] for f, r in enumerate(rot)])


def test_crowns_sway_in_the_wind_and_stand_still_without_it() -> None:
    calm, windy = forest(0), forest(8)
    assert not calm.sway and "oak" not in calm.frame(5).poses
    assert set(windy.sway) == {"oak", "fir"}  # the crate has no crown
    for tree in ("oak", "fir"):
        tip = crown_tip(windy, tree)
        # heading 90 blows towards -X: every crown leans that way, whatever its own heading, and keeps moving
        assert (tip[:, 0] < -0.005).all() and np.ptp(tip[:, 0]) > 0.005
        assert windy.frame(5).poses[tree].rotations.shape == (2, 3)


def test_a_stronger_wind_bends_crowns_further_and_a_seed_repeats() -> None:
    lean = {s: -crown_tip(forest(s), "oak")[:, 0].mean() for s in (4, 8, 14)}
    assert 0 < lean[4] < lean[8] < lean[14] < np.sin(np.radians(10))
    a, b, other = forest(8), forest(8), forest(8, seed=3)
    assert np.array_equal(a.sway["oak"].rotations, b.sway["oak"].rotations)
    assert not np.allclose(a.sway["oak"].rotations, other.sway["oak"].rotations)
