"""The AgX tone curve's fast log2 (common.glsl ``log2_positive``): the frames it gives are the exact log2's, within
rounding (a level here and there, and the odd anti-aliased edge pixel where FXAA's threshold falls the other way)."""

from __future__ import annotations

import numpy as np
import pytest

import engine_bridge.panda.engine as panda_engine
from engine_bridge.panda.engine import PandaEngine
from pipeline.bench import reference_script
from scenes import SceneScript, compile_script


def _frames(timeline, indices) -> list[np.ndarray]:
    with PandaEngine() as engine:
        engine.open(timeline)
        return [np.ascontiguousarray(engine.render(timeline.frame(i))) for i in indices]


def test_fast_log2_frames_match_the_exact_log2(monkeypatch: pytest.MonkeyPatch) -> None:
    data = reference_script().model_dump(by_alias=True) | {"resolution": {"width": 320, "height": 180}, "duration": 4}
    timeline = compile_script(SceneScript.model_validate(data))
    indices = [0, len(timeline) // 2, len(timeline) - 1]
    fast = _frames(timeline, indices)
    source = panda_engine._shader_source
    assert "log2_positive(max(" in source("surface.frag", {"TONE_AGX": 1})
    monkeypatch.setattr(panda_engine, "_shader_source",
                        lambda name, defines: source(name, defines).replace("log2_positive(max(", "log2(max("))
    exact = _frames(timeline, indices)
    assert any(not np.array_equal(a, b) for a, b in zip(fast, exact, strict=True))  # two different curves ran
    for a, b in zip(fast, exact, strict=True):
        diff = np.abs(a.astype(int) - b.astype(int)).max(axis=2)
        assert np.abs(a.astype(int) - b.astype(int)).mean() < 0.05
        assert (diff <= 1).mean() > 0.999
