"""The offline planner reads picking up, holding, carrying, putting down and riding into the hand and ride intents,
and the plans they make pass the world check."""

from __future__ import annotations

import pytest

from pipeline.planners import OfflinePlanner, PlanRequest
from scenes import compile_script
from scenes.check import check_timeline
from scenes.script import Resolution

PLANNER = OfflinePlanner()
SMALL = {"resolution": Resolution(width=160, height=90), "fps": 15}


@pytest.mark.parametrize(("prompt", "intents"), [
    ("a man picks up a box and carries it to the table",
     [("pick_up", "man", "box", None), ("carry", "man", "box", "table"), ("put_down", "man", "box", "table")]),
    ("a woman holding a cup walks to the window", [("hold", "woman", "cup", None), ("go_to", "woman", None, "window")]),
    ("a girl rides a horse along the beach", [("ride", "girl", "horse", None)]),
    ("a woman gives a cup to a man", [("hold", "woman", "cup", None), ("give", "woman", "cup", "man")]),
    ("a boy puts the ball down on the bench",
     [("hold", "boy", "ball", None), ("put_down", "boy", "ball", "bench")]),
])
def test_hand_verbs_plan_into_intents_that_pass_the_world_check(prompt: str, intents: list[tuple]) -> None:
    script = PLANNER.plan(PlanRequest(prompt, duration=8.0, **SMALL)).script
    got = [(i.type, i.subject, getattr(i, "object", None), getattr(i, "target", None)) for i in script.intents
           if i.type not in ("place", "arrange", "face")]
    assert got == intents
    report = check_timeline(compile_script(script))
    assert report.passed, report.findings


def test_a_box_picked_up_is_one_a_person_can_lift() -> None:
    script = PLANNER.plan(PlanRequest("a man picks up a box", duration=6.0, **SMALL)).script
    assert max(script.actor("box").scale) <= 0.35 + 1e-9  # the 1 m primitive cube, made hand-sized


def test_a_dog_cannot_ride_and_a_man_cannot_pick_up_a_car() -> None:
    for prompt in ("a dog rides a horse", "a man picks up a car"):
        script = PLANNER.plan(PlanRequest(prompt, duration=6.0, **SMALL)).script
        assert not [i for i in script.intents if i.type in ("ride", "pick_up", "hold")], prompt
