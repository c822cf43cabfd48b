"""Validation of the new content: references resolve, times fit, physics and walking do not mix, located errors."""

from __future__ import annotations

import pytest

from scenes.io import loads_script
from scenes.script import ScriptError


def _error(text: str) -> str:
    with pytest.raises(ScriptError) as exc:
        loads_script(text, "scene.yaml")
    return "\n".join(getattr(exc.value, "lines", [str(exc.value)]))


@pytest.mark.parametrize(("body", "expected"), [
    ("actors: [{id: a, asset: person, actions: [{type: walk_to, to: nobody}]}]",
     "scene.yaml: actors[0].actions[0].to: no actor with id 'nobody'"),
    ("actors: [{id: a, asset: person, actions: [{type: look_at, target: ghost}]}]",
     "actors[0].actions[0].target: no actor with id 'ghost'"),
    ("actors: [{id: a, asset: person, actions: [{type: push, target: b}]},"
     " {id: b, asset: box, physics: {body: static}}]",
     "actors[0].actions[0].target: 'b' is a static physics body"),
    ("actors: [{id: a, asset: person, actions: [{type: push, target: b}]},"
     " {id: b, asset: dog, actions: [{type: walk_to, to: [1, 0, 0]}]}]",
     "actors[0].actions[0].target: 'b' walks under its own power"),
    ("actors: [{id: a, asset: dog, physics: {}, actions: [{type: walk_to, to: [1, 0, 0]}]}]",
     "actors[0].actions[0]: actor 'a' is a dynamic physics body and cannot also walk_to"),
    ("actors: [{id: a, asset: table, actions: [{type: wave}]}]",
     "actors[0].actions[0].type: a table cannot wave"),
    ("actors: [{id: a, asset: person, actions: [{type: wave, start: 12}]}]",
     "actors[0].actions[0].start: time 12 s is after the end of the video"),
    ("actors: [{id: a, asset: person, materials: {wings: {color: red}}}]",
     "actors[0].materials.wings: a person has no slot 'wings'"),
    ("actors: [{id: a, asset: person}]\ncamera: {shots: [{type: track, target: a, framing: over_the_shoulder}]}",
     "over_the_shoulder needs `over`"),
    ("actors: [{id: a, asset: person}]\ncamera: {shots: [{type: track, target: a, over: zed}]}",
     "camera.shots[0].over: no actor with id 'zed'"),
    ("actors: [{id: a, asset: person, actions: [{type: jump, height: 50}]}]",
     "actors[0].actions[0].height"),
    ("actors: [{id: a, asset: person, actions: [{type: dance, style: tango}]}]",
     "actors[0].actions[0].style"),
    ("actors: [{id: a, asset: person, actions: [{type: teleport}]}]",
     "actors[0].actions[0]: unknown type 'teleport'"),
])
def test_bad_scripts_name_the_field(body: str, expected: str) -> None:
    message = _error("duration: 10\n" + body)
    assert expected in message


def test_good_script_with_every_new_action_validates() -> None:
    script = loads_script("""
duration: 20
actors:
  - {id: chair, asset: chair, position: [2, 2, 0]}
  - {id: ball, asset: beach_ball, position: [1, 0, 0], physics: {restitution: 0.8}}
  - id: p
    asset: person
    materials: {hair: {color: gold}, legs: {color: khaki, finish: fabric}}
    actions:
      - {type: idle, end: 1}
      - {type: turn_to, target: ball, start: 1}
      - {type: push, target: ball, start: 2}
      - {type: look_at, target: ball, start: 2}
      - {type: follow_path, waypoints: [[0, 1, 0], [1, 2, 0]], start: 3, end: 6}
      - {type: jump, start: 7, height: 0.4}
      - {type: wave, start: 8, hand: both}
      - {type: dance, style: twist, start: 11, end: 14}
      - {type: sit, seat: chair, start: 15}
  - id: d
    asset: dog
    actions: [{type: follow, target: ball}]
  - {id: b, asset: football, position: [4, 0, 0], actions: [{type: roll, to: [8, 0, 0]}]}
  - {id: c, asset: crate, position: [6, 0, 0], actions: [{type: fall, start: 1}]}
  - {id: bird, asset: sphere, scale: 0.2, position: [0, 0, 3], actions: [{type: fly_to, to: [5, 5, 4], arc: 2}]}
""")
    assert len(script.actors) == 7


def test_asset_aliases_resolve_to_their_catalog_name() -> None:
    script = loads_script("actors: [{id: a, asset: soccer_ball}, {id: b, asset: kid}, {id: c, asset: ball}]")
    assert [a.asset for a in script.actors] == ["football", "child", "sphere"]
