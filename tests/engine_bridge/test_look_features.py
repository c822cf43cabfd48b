"""The quality look's screen-space features on screen: ambient occlusion darkens contact shade and nothing else,
repeats exactly, and leaves the ground-truth passes alone."""

from __future__ import annotations

import numpy as np
import pytest

from engine_bridge import make_engine
from engine_bridge.panda.looks import LOOKS, without
from scenes import compile_script, loads_script

STAGE = """duration: 0.2
fps: 10
resolution: 160x90
environment: {sky: overcast, ground: {material: concrete}}
actors:
  - {id: crate, asset: box, material: {color: white, finish: matte}, position: [0, 0, 0]}
camera: {shots: [{type: static, position: [0, -4, 1.2], target: [0, 0, 0.4]}]}
"""


@pytest.fixture(scope="module")
def timeline():
    return compile_script(loads_script(STAGE))


def frame_and_passes(timeline, look) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    with make_engine("panda3d", look=look) as engine:
        engine.open(timeline)
        frame, passes = engine.render_with_passes(timeline.frame(0), ["depth", "mask", "flow"], timeline.frame(1))
        assert np.array_equal(engine.render(timeline.frame(0)), frame)  # the same pixels every time: no shimmer
        return frame.astype(float), passes


def test_occlusion_darkens_the_ground_at_a_crates_foot_and_nothing_in_the_open(timeline) -> None:
    with_ao, passes = frame_and_passes(timeline, LOOKS["quality"])
    without_ao, plain_passes = frame_and_passes(timeline, without(LOOKS["quality"], "AO"))
    darker = (without_ao - with_ao).mean(-1)
    mask, depth = passes["mask"], passes["depth"]
    # the ground just below the crate's bottom edge on screen (under an overcast sky: sky light only)
    rows = np.nonzero((mask == 1).any(1))[0]
    cols = np.nonzero((mask == 1).any(0))[0]
    foot = np.s_[rows.max() + 1:rows.max() + 3, cols.min() + 5:cols.max() - 5]
    assert (mask[foot] == 0).all() and darker[foot].mean() > 4
    assert np.abs(darker[:20]).max() <= 1 and np.abs(darker[:, :20]).max() <= 1  # open ground and sky: unchanged
    for name in ("depth", "mask", "flow"):
        assert np.array_equal(passes[name], plain_passes[name])  # the passes never see it
    assert np.isfinite(depth[foot]).all()
