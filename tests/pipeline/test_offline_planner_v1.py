"""Offline planner v1: shapes, colours, counts, relations, motions, camera phrases and ignored words."""

from __future__ import annotations

import pytest

from pipeline.errors import PlanError
from pipeline.planners import OfflinePlanner, PlanRequest
from scenes import compile_script


def plan(prompt: str, **kw):
    return OfflinePlanner().plan(PlanRequest(prompt, **kw))


def test_the_readme_prompt() -> None:
    result = plan("a red ball bounces next to a blue box while the camera orbits")
    script = result.script
    assets = {a.asset: a for a in script.actors}
    assert set(assets) == {"sphere", "box"}
    assert assets["sphere"].material.color == "red" and assets["box"].material.color == "blue"
    assert [a.type for a in assets["sphere"].actions] == ["bounce"]
    assert assets["box"].actions == []
    assert script.camera.shots[0].type == "orbit"
    assert result.ignored_words == []
    # next to: side by side on the ground, not overlapping
    dx = abs(assets["sphere"].position[0] - assets["box"].position[0])
    assert dx >= 1.0 and assets["sphere"].position[1] == assets["box"].position[1]
    compile_script(script)


def test_counts_sizes_materials_setting_duration_and_camera() -> None:
    script = plan("three small metal cubes in a row on a beach at sunset, close-up, for 5 seconds").script
    cubes = [a for a in script.actors if a.asset == "box"]
    assert len(cubes) == 3
    assert all(a.material.finish == "metal" and a.scale[0] == pytest.approx(0.6) for a in cubes)
    assert script.environment.sky == "sunset" and script.environment.ground.material == "sand"
    assert script.duration == 5.0
    xs = sorted(a.position[0] for a in cubes)
    assert xs[1] - xs[0] >= 0.6 and xs[2] - xs[1] >= 0.6


def test_relations_and_camera_moves() -> None:
    script = plan("a yellow cone behind a green cylinder, the camera pushes in").script
    cone = next(a for a in script.actors if a.asset == "cone")
    cyl = next(a for a in script.actors if a.asset == "cylinder")
    assert cone.position[1] > cyl.position[1]  # behind = further from the camera at -Y
    assert script.camera.shots[0].type == "dolly"


def test_unknown_words_are_reported_not_dropped() -> None:
    result = plan("a purple pyramid spins beside a glittering unicorn")
    assert "glittering" in result.ignored_words  # an unknown adjective is reported...
    assert any(s["word"] == "unicorn" and s["asset"] == "placeholder" for s in result.substitutions)  # ...a noun shown
    assert any(a.asset == "pyramid" and a.actions for a in result.script.actors)


def test_deterministic() -> None:
    a = plan("two balls bounce and a box spins", seed=3).script
    b = plan("two balls bounce and a box spins", seed=3).script
    assert a == b and a.seed == 3


def test_nothing_to_show_is_a_clear_error() -> None:
    with pytest.raises(PlanError, match="nothing to show"):
        plan("")
