"""Under, and sitting or lying on the ground: prompts through the offline planner, judged on the compiled world."""

from __future__ import annotations

import pytest

from pipeline.planners import OfflinePlanner, PlanRequest
from pipeline.planners.base import world_findings
from tests.pipeline.test_planner_world import shown


@pytest.mark.parametrize(("prompt", "facts"), [
    # the bridge's arch is catalog room (its noun said none), and a crowd stands side by side in it
    ("people waiting under the bridge", [{"relation": "under", "a": "person", "b": "bridge"},
                                         {"count": "person", "min": 2}]),
    # a dog of no stated size is a dog that fits between the legs
    ("a dog sleeping under the table", [{"relation": "under", "a": "dog", "b": "table"}]),
    # the tree grows to shade both cows, beside its trunk
    ("two cows lying in the shade under an oak tree", [{"relation": "under", "a": "cow", "b": "tree"},
                                                       {"count": "cow", "n": 2}]),
    ("a rug under the sofa", [{"relation": "under", "a": "rug", "b": "sofa"}]),
    ("a woman sitting on a rock by the lake", [{"relation": "on", "a": "woman", "b": "rock"}]),
])
def test_under_and_on_hold_in_the_compiled_world(prompt: str, facts: list[dict]) -> None:
    failed, _ = shown(prompt, facts)
    assert failed == []


@pytest.mark.parametrize("prompt", [
    "a boy sits on the grass",  # sat in a chair pose 0.53 m above the grass
    "a couple sitting on a picnic blanket on the beach",
    "three kids sitting under a tree",
    "two cows lying in the shade under an oak tree",  # a lying cow's body is half a metre up: seated, not floating
    "people waiting under the bridge",  # three people in one spot overlapped
])
def test_no_one_sits_on_nothing_or_stands_inside_another(prompt: str) -> None:
    script = OfflinePlanner().plan(PlanRequest(prompt=prompt, seed=0)).script
    assert world_findings(script)[1] == []


def test_an_animal_that_sleeps_lies_down_and_a_dog_that_sits_sits_up() -> None:
    lying = OfflinePlanner().plan(PlanRequest(prompt="a dog sleeping on the rug", seed=0)).script
    sitting = OfflinePlanner().plan(PlanRequest(prompt="a dog sits by the door", seed=0)).script
    assert [a.lie for a in lying.actors[0].actions if a.type == "sit"] == [True]
    assert [a.lie for a in sitting.actors[0].actions if a.type == "sit"] == [False]


def test_a_blanket_on_the_beach_lies_on_the_sand_not_under_it() -> None:
    script = OfflinePlanner().plan(PlanRequest(prompt="a couple sitting on a picnic blanket on the beach")).script
    blanket = next(a for a in script.actors if a.asset == "picnic_blanket")
    assert blanket.position[2] >= 0.02  # the beach's floor


@pytest.mark.parametrize("prompt", ["two kids playing football in the park near a big tree",
                                    "three boys are playing football"])
def test_children_playing_football_kick_it(prompt: str) -> None:
    # "playing" was read as an adjective of "football": the ball bounced by itself, filmed alone, kids unseen
    failed, _ = shown(prompt, [{"event": "touch", "a": "child", "b": "football"},
                               {"visible": "child"}])
    assert failed == []
