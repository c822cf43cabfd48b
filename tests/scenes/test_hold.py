"""Hands and riding: a held prop follows the posed hand, is put down exactly on a top, a rider stays on the saddle,
the world check accepts both, and what cannot be held or ridden is one located line."""

from __future__ import annotations

import numpy as np
import pytest

from scenes import contact, hold
from scenes.check import CheckLimits, World, check_timeline
from scenes.io import loads_script
from scenes.script import ScriptError
from scenes.timeline import compile_script

CARRY_WALK = """
duration: 5
fps: 20
resolution: 160x90
actors:
  - id: man
    asset: man
    actions:
      - {type: pick_up, object: box, start: 0.2}
      - {type: walk_to, to: [0, 3, 0], start: 2.2, end: 4.8}
  - {id: box, asset: box, scale: 0.35, position: [0, 0.58, 0]}
"""


def test_a_held_box_stays_in_both_hands_over_a_walk() -> None:
    tl = compile_script(loads_script(CARRY_WALK))
    (grip,) = hold.grips(tl.actors, tl.script.duration)
    assert (grip.style, grip.sides()) == ("both", ("l", "r"))
    boxes = World(tl, CheckLimits()).boxes
    in_hand = contact.held_frames(tl, boxes, reach_m=hold.HAND_HALF + 0.005)[:, 1]  # the palm on its side
    after = tl.times >= grip.attach + 0.25  # the grip settles over 0.2 s
    assert in_hand[after].all()
    assert not in_hand[tl.times < grip.attach].any()  # before the grip it rests on the ground
    assert tl.positions[0, 1, 2] == 0.0
    travelled = tl.positions[-1, 1, :2] - tl.positions[0, 1, :2]
    assert travelled[1] > 2.3  # it went with him
    lifted = tl.positions[tl.times >= grip.lifted, 1, 2]
    assert lifted.min() > 0.6  # carried in front of the chest, not dragged
    # upright and square to him the whole way
    assert np.abs(tl.hpr[after, 1, 1:]).max() < 1e-9
    assert np.abs((tl.hpr[after, 1, 0] - tl.hpr[after, 0, 0] + 180) % 360 - 180).max() < 1e-6
    report = check_timeline(tl)
    assert report.passed, report.findings


PUT_ON_TABLE = """
duration: 12
fps: 20
resolution: 160x90
actors:
  - {id: man, asset: man, position: [-2, 0, 0]}
  - {id: box, asset: box, scale: 0.35, position: [-0.2, 0, 0]}
  - {id: table, asset: table, position: [2.5, 0.5, 0]}
intents:
  - {type: pick_up, subject: man, object: box}
  - {type: carry, subject: man, object: box, target: table}
  - {type: put_down, subject: man, object: box, target: table}
"""


def test_picked_up_carried_and_put_down_on_the_table_top() -> None:
    tl = compile_script(loads_script(PUT_ON_TABLE))
    report = check_timeline(tl)
    assert report.passed, report.findings
    assert [c.figure for c in report.checks if c.name == "events"] == ["3 of 3 events happened"]
    end = tl.positions[-1, 1]
    assert end[2] == pytest.approx(0.76, abs=1e-9)  # its base exactly on the top
    assert np.all(np.abs(end[:2] - np.array([2.5, 0.5])) + 0.175 <= np.array([0.6, 0.4]))  # wholly on it
    grip = hold.grips(tl.actors, tl.script.duration)[0]
    assert grip.onto == "table" and grip.release < tl.script.duration
    assert np.allclose(tl.positions[tl.times > grip.release + 0.2, 1], end)  # and it stays there


RIDE = """
duration: 6
fps: 20
resolution: 160x90
actors:
  - {id: girl, asset: child, position: [-1.5, 0, 0]}
  - {id: horse, asset: horse, position: [1.5, 0, 0]}
intents:
  - {type: ride, subject: girl, object: horse, start: 0.5}
"""


def test_a_rider_stays_on_the_saddle_as_the_horse_walks() -> None:
    tl = compile_script(loads_script(RIDE))
    on = contact.riding_frames(tl, reach_m=0.01)[:, 0]
    assert on[tl.times >= 0.5 + hold.MOUNT_S].all()
    assert not on[tl.times < 0.5].any()
    assert float(np.linalg.norm(tl.positions[-1, 1] - tl.positions[0, 1])) > 4.0  # the horse went somewhere
    assert np.allclose(tl.hpr[-1, 0, 0], tl.hpr[-1, 1, 0])  # facing the way the horse goes
    assert tl.positions[-1, 0, 2] > 0.5  # up on its back, not walking beside it
    assert not [f for f in tl.footsteps if f.actor == "girl" and f.time > 1.5]  # the legs are astride, not walking
    report = check_timeline(tl)
    assert report.passed, report.findings


def test_a_cup_in_the_air_next_to_a_person_floats() -> None:
    tl = compile_script(loads_script("""
duration: 2
fps: 10
resolution: 160x90
actors:
  - {id: woman, asset: woman, actions: [{type: wave}]}
  - {id: cup, asset: cup, position: [0.2, 0.35, 1.0]}
"""))
    floating = next(c for c in check_timeline(tl).checks if c.name == "floating")
    assert floating.findings and floating.findings[0].startswith("actors[cup] floats 1.00 m above the ground")


@pytest.mark.parametrize(("intent", "message"), [
    ("{type: pick_up, subject: man, object: car}", "intents[0]: a car ('car') cannot be picked up: it has no grip"),
    ("{type: ride, subject: dog, object: horse}", "intents[0]: a dog ('dog') cannot ride (it can:"),
    ("{type: ride, subject: man, object: cube}", "intents[0]: a box ('cube') has nothing to ride on (rideable:"),
    ("{type: put_down, subject: man, object: cup}", "intents[0]: 'man' does not hold 'cup' (pick it up"),
    ("{type: pick_up, subject: man, object: cube}", "intents[0]: 'cube' (1.00 x 1.00 x 1.00 m) is too big for 'man'"),
])
def test_what_cannot_be_held_or_ridden_is_one_located_line(intent: str, message: str) -> None:
    text = f"""
duration: 4
actors:
  - {{id: man, asset: man}}
  - {{id: dog, asset: dog, position: [-3, 0, 0]}}
  - {{id: car, asset: car, position: [5, 0, 0]}}
  - {{id: horse, asset: horse, position: [-6, 3, 0]}}
  - {{id: cup, asset: cup, position: [1, 1, 0]}}
  - {{id: cube, asset: box, position: [2, -2, 0]}}
intents: [{intent}]
"""
    with pytest.raises(ScriptError) as err:
        compile_script(loads_script(text))
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


@pytest.mark.parametrize(("actions", "message"), [
    ("[{type: pick_up, object: car}]", "actors[0].actions[0].object: a car ('car') cannot be picked up or held"),
    ("[{type: put_down, object: cup, start: 2}]", "actors[0].actions[0].object: 'man' does not hold 'cup' at 2 s"),
    ("[{type: ride, mount: cup}]", "actors[0].actions[0].mount: a cup ('cup') has nothing to ride on"),
])
def test_hand_actions_on_the_wrong_things_are_refused_by_validation(actions: str, message: str) -> None:
    with pytest.raises(ScriptError) as err:
        loads_script(f"""
actors:
  - {{id: man, asset: man, actions: {actions}}}
  - {{id: car, asset: car, position: [4, 0, 0]}}
  - {{id: cup, asset: cup, position: [1, 0, 0]}}
""")
    assert message in str(err.value)


GIVE = """
duration: 8
fps: 20
resolution: 160x90
actors:
  - {id: ann, asset: woman, position: [-2.5, 0, 0]}
  - {id: bob, asset: man, position: [1.0, 0.3, 0]}
  - {id: ball, asset: basketball}
intents:
  - {type: hold, subject: ann, object: ball}
  - {type: give, subject: ann, object: ball, target: bob}
"""


def test_a_ball_handed_over_passes_from_one_pair_of_hands_to_the_other() -> None:
    tl = compile_script(loads_script(GIVE))
    first, second = hold.grips(tl.actors, tl.script.duration)
    assert (first.holder, first.receiver, second.holder) == ("ann", "bob", "bob")
    assert second.attach == first.release  # taken at the moment she lets go
    boxes = World(tl, CheckLimits()).boxes
    in_hand = contact.held_frames(tl, boxes, reach_m=hold.HELD_M)[:, 2]
    assert in_hand[tl.times >= first.attach].all()  # never dropped, never floating
    step = np.linalg.norm(np.diff(tl.positions[:, 2], axis=0), axis=1)
    around = np.abs(tl.times[1:] - first.release) < 0.5
    assert step[around].max() < 0.03  # no pop as it changes hands (20 frames a second)
    report = check_timeline(tl)
    assert report.passed, report.findings


def test_a_dog_cannot_be_handed_a_cup() -> None:
    with pytest.raises(ScriptError) as err:
        loads_script("""
actors:
  - {id: man, asset: man, actions: [{type: hold, object: cup}, {type: give, object: cup, to: dog, start: 1}]}
  - {id: dog, asset: dog, position: [1, 0, 0]}
  - {id: cup, asset: cup, position: [0, 0.4, 1]}
""")
    assert "actors[0].actions[1].to: a dog ('dog') cannot take 'cup' (only people hold things)" in str(err.value)
