"""Prompts of the kinds set 8 showed failing (written anew here, not its lines): judged on the compiled world."""

from __future__ import annotations

import pytest

from pipeline.promptset.facts import PromptSet
from tests.pipeline.test_planner_physics import _unmet as _unmet_with

GROUPS = PromptSet(groups={"ball": ["sphere", "football", "basketball", "beach_ball", "tennis_ball"],
                           "person": ["person", "man", "woman", "child", "elderly"]},
                   prompts=[{"id": "x", "category": "t", "prompt": "xyz", "facts": [{"duration": 1}]}])


def _unmet(prompt: str, facts: list[dict]) -> list[str]:
    return _unmet_with(prompt, facts, groups=GROUPS)


@pytest.mark.parametrize(("prompt", "facts"), [
    ("a sheep is standing in the middle of the road", [{"count": "road", "min": 1},
                                                       {"relation": "on", "a": "sheep", "b": "road"}]),
    ("a girl kicks her ball into the street", [{"count": "road", "min": 1}]),
    ("a hen leads her four chicks across the yard", [{"event": "move", "a": "chicken", "all": True}]),
    ("a boy waits at the traffic lights on his bike", [{"count": "traffic_light", "n": 1},
                                                       {"relation": "on", "a": "child", "b": "bicycle"}]),
])
def test_places_and_the_led_in_the_compiled_world(prompt: str, facts: list[dict]) -> None:
    assert _unmet(prompt, facts) == []


@pytest.mark.parametrize(("prompt", "facts"), [
    ("a little toy truck drives across the desk and knocks over a mug",
     [{"relation": "on", "a": "truck", "b": "desk"}, {"relation": "on", "a": "mug", "b": "desk"},
      {"event": "touch", "a": "truck", "b": "mug"}]),
])
def test_a_toy_travels_across_a_top_and_stays_on_it(prompt: str, facts: list[dict]) -> None:
    assert _unmet(prompt, facts) == []
