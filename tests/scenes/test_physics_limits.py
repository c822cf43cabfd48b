"""The physics bake is bounded: piles that cannot be separated are refused, work and time are capped, and the
default camera stays inside the world whatever the bodies do."""

from __future__ import annotations

import numpy as np
import pytest

from scenes import SceneScript, ScriptError, compile_script, physics


def pile(count: int, spacing: float = 0.0, duration: float = 1.0, **extra: object) -> SceneScript:
    actors = [{"id": f"b{i}", "asset": "sphere", "position": [i * spacing, 0, 1],
               "physics": {"body": "dynamic"}, **extra} for i in range(count)]
    return SceneScript.model_validate({"duration": duration, "fps": 10, "actors": actors})


def test_bodies_started_inside_each_other_are_a_located_error() -> None:
    with pytest.raises(ScriptError, match=r"actors\[1\]\.position: dynamic body 'b1' starts inside 'b0'"):
        compile_script(pile(200))


def test_bodies_that_touch_but_do_not_overlap_deeply_still_bake() -> None:
    timeline = compile_script(pile(3, spacing=0.8))
    assert np.isfinite(timeline.camera_position).all()


def test_the_bake_refuses_more_work_than_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(physics, "MAX_BODY_SUBSTEPS", 1000)
    with pytest.raises(ScriptError, match=r"physics: 20 dynamic bodies over 10 frames is [\d,]+ body-steps"):
        compile_script(pile(20, spacing=2.0))


def test_the_bake_stops_at_its_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(physics, "MAX_BAKE_S", 0.0)
    with pytest.raises(ScriptError, match=r"physics: the bake took over 0 s by 0.0 s of the video"):
        compile_script(pile(2, spacing=2.0))


def test_the_default_shot_stays_inside_the_world_for_a_huge_scene() -> None:
    far = SceneScript.model_validate({"duration": 0.2, "actors": [
        {"id": "a", "asset": "cube", "position": [-9900, -9900, 0]},
        {"id": "b", "asset": "cube", "position": [9900, 9900, 0]}]})
    timeline = compile_script(far)
    assert np.abs(timeline.camera_position).max() <= 10_000
