"""Event intents judged on the compiled timeline: each one happening, and not happening."""

from __future__ import annotations

import pytest

from scenes.check import check_timeline

HEAD = """
duration: {duration}
fps: 20
resolution: 320x180
camera: {{shots: [{{type: static, position: [0, -12, 4], target: [0, 0, 0.5]}}]}}
"""

CASES = {
    "run_around": (
        """
intents: [{type: run_around, subject: dog, target: tree, laps: LAPS}]
actors:
  - {id: tree, asset: tree}
  - {id: dog, asset: dog, position: [0, -2.5, 0], actions: [{type: orbit, center: tree, period: 3}]}
""", {"LAPS": "2"}, {"LAPS": "3"}, "intents[0] run_around: actors[dog] goes 714° around its target (asked >= 900°)"),
    "go_to": (
        """
intents: [{type: go_to, subject: ana, target: GOAL}]
actors:
  - {id: ana, asset: woman, position: [0, 0, 0], actions: [{type: walk_to, to: [3, 0, 0]}]}
  - {id: far, asset: box, position: [-8, 0, 0]}
""", {"GOAL": "[3, 0, 0]"}, {"GOAL": "far"}, "intents[0] go_to: actors[ana] comes no closer than 7."),
    "leave": (
        """
intents: [{type: leave, subject: ana, target: house}]
actors:
  - {id: house, asset: house}
  - {id: ana, asset: woman, position: [1, -4, 0], actions: [{type: walk_to, to: GOAL}]}
""", {"GOAL": "[4, -9, 0]"}, {"GOAL": "[1, -3.6, 0]"}, "intents[0] leave: actors[ana] gets only"),
    "meet": (
        """
intents: [{type: meet, subjects: [sam, ana], end: 5.9}]
actors:
  - {id: sam, asset: man, position: [-4, 0, 0], actions: [{type: walk_to, to: [-0.7, 0, 0]}]}
  - {id: ana, asset: woman, position: [4, 0, 0], actions: [{type: walk_to, to: [GOAL, 0, 0]}]}
""", {"GOAL": "0.7"}, {"GOAL": "4"}, "intents[0] meet: actors[sam] and actors[ana] end 4."),
    "chase": (
        """
intents: [{type: chase, subject: dog, target: kid}]
actors:
  - {id: kid, asset: child, position: [0, 0, 0], actions: [{type: walk_to, to: [0, 3, 0]}]}
  - {id: dog, asset: dog, position: [0, -6, 0], actions: [{type: follow, target: kid, start: START}]}
""", {"START": "0"}, {"START": "5.9"}, "intents[0] chase: actors[dog] travels only"),
    "topple": (
        """
intents: [{type: topple, subject: d}]
actors:
  - {id: d, asset: domino, actions: ACTIONS}
""", {"ACTIONS": "[{type: fall, start: 1}]"}, {"ACTIONS": "[]"},
        "intents[0] topple: actors[d] never tips over (at most 0°, asked > 45°)"),
    "drive_along": (
        """
intents: [{type: drive_along, subject: car, distance: 20}]
actors:
  - {id: car, asset: car, position: [0, -10, 0], actions: [{type: move_to, to: [0, GOAL, 0]}]}
""", {"GOAL": "10"}, {"GOAL": "-10"}, "intents[0] drive_along: actors[car] gets at most 0.00 m from where it started"),
    "roll_down": (
        """
intents: [{type: roll_down, subject: ball, target: ramp}]
actors:
  - {id: ramp, asset: ramp, physics: {body: static}}
  - {id: ball, asset: sphere, scale: 0.3, position: START, physics: {mass: 1}}
""", {"START": "[0, 0.7, 0.53]"}, {"START": "[2, 0.7, 0]"},
        "intents[0] roll_down: actors[ball] does not start on the high half of actors[ramp] at 0.0 s"),
    "push": (
        """
intents: [{type: push, subject: pusher, target: crate}]
actors:
  - {id: crate, asset: crate, scale: 0.5, physics: {mass: 2}}
  - id: pusher
    asset: box
    scale: 0.5
    position: [START, 0, 0]
    actions: [{type: move_to, to: [1.2, 0, 0], start: 0.5, end: 3}]
""", {"START": "-2"}, {"START": "3"}, "intents[0] push: actors[pusher] never touches actors[crate]"),
    "kick_to": (
        """
intents: [{type: kick_to, subject: kid, object: ball, target: [0, 6, 0]}]
actors:
  - {id: kid, asset: child, position: [0, -2, 0], actions: [{type: run_to, to: [0, GOAL, 0], start: 0.5}]}
  - {id: ball, asset: football, position: [0, 0, 0], physics: {mass: 0.4}}
""", {"GOAL": "0.4"}, {"GOAL": "-1"}, "intents[0] kick_to: actors[kid] never touches actors[ball]"),
    "throw_to": (
        """
intents: [{type: throw_to, subject: kid, object: ball, target: [2.5, 0, 0]}]
actors:
  - {id: kid, asset: child, position: [-1, 0, 0]}
  - {id: ball, asset: football, position: [0, 0, 1], physics: {velocity: [VX, 0, 2], restitution: 0, friction: 5}}
""", {"VX": "4"}, {"VX": "0.5"}, "intents[0] throw_to: actors[ball] lands"),
}


def script(body: str, fill: dict[str, str], duration: float = 6) -> str:
    for key, value in fill.items():
        body = body.replace(key, value)
    # the coordinates are the test's: check them as written, unsolved
    return "solved: true\n" + HEAD.format(duration=duration) + body


def events_check(compile_yaml, text: str):
    report = check_timeline(compile_yaml(text))
    return next(c for c in report.checks if c.name == "events")


@pytest.mark.parametrize("kind", sorted(CASES))
def test_an_event_that_happens_passes(compile_yaml, kind):
    body, good, _, _ = CASES[kind]
    check = events_check(compile_yaml, script(body, good))
    assert check.passed, check.findings
    assert check.figure == "1 of 1 events happened"


@pytest.mark.parametrize("kind", sorted(CASES))
def test_an_event_that_does_not_happen_is_one_located_line(compile_yaml, kind):
    body, _, bad, expected = CASES[kind]
    check = events_check(compile_yaml, script(body, bad))
    assert len(check.findings) == 1
    assert check.findings[0].startswith(expected), check.findings


TOWER = """
duration: 4
fps: 20
resolution: 320x180
actors:
  - {id: c1, asset: box, scale: 0.3}
  - {id: c2, asset: box, scale: 0.3}
  - {id: c3, asset: box, scale: 0.3}
  - {id: c4, asset: box, scale: 0.3}
  - {id: ball, asset: sphere, scale: 0.4}
intents:
  - {type: arrange, subjects: [c1, c2, c3, c4], pattern: stack}
  - {type: knock_over, subject: ball, target: c1}
"""


def test_a_solved_tower_knocked_over_at_its_bottom_block_falls_and_its_blocks_may_rest(compile_yaml):
    report = check_timeline(compile_yaml(TOWER))  # intents solved by the compiler
    checks = {c.name: c for c in report.checks}
    assert checks["events"].figure == "1 of 1 events happened", checks["events"].findings
    assert checks["idle"].passed  # stacked blocks are placement subjects: they may lie still once fallen
