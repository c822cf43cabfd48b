"""The solver turns intents into a world that shows them, judged on the compiled timeline."""

from __future__ import annotations

import numpy as np
import pytest

from scenes.contact import tilt_degrees
from scenes.io import loads_script
from scenes.script import ScriptError
from scenes.solve import solve
from scenes.timeline import compile_script


def solved(text: str):
    sol = solve(loads_script(text))
    return sol.script, compile_script(sol.script)


DOMINOES = """
duration: 6
resolution: 320x180
actors:
  - {id: d1, asset: domino}
  - {id: d2, asset: domino}
  - {id: d3, asset: domino}
  - {id: d4, asset: domino}
  - {id: d5, asset: domino}
  - {id: ball, asset: sphere, scale: 0.25}
intents:
  - {type: arrange, subjects: [d1, d2, d3, d4, d5], pattern: row}
  - {type: knock_over, subject: ball, target: d1}
"""


def test_a_ball_knocks_a_row_of_dominoes_over() -> None:
    _, tl = solved(DOMINOES)
    ids = [a.id for a in tl.actors]
    assert all(tilt_degrees(tl, ids.index(f"d{k}"))[-1] > 45 for k in range(1, 6))
    assert any({c.a, c.b} == {"ball", "d1"} for c in tl.collisions)
    first_hit = min(c.time for c in tl.collisions if {c.a, c.b} == {"ball", "d1"})
    assert first_hit > 0.5  # something visibly happens first: the ball rolls in


def test_solving_is_deterministic_and_idempotent_on_scripts_without_intents() -> None:
    a, _ = solved(DOMINOES)
    b, _ = solved(DOMINOES)
    assert a == b
    plain = loads_script("actors: [{id: box, asset: box, position: [1, 2, 0]}]")
    assert solve(plain).script is plain


ROOM = """
duration: 12
resolution: 320x180
actors:
  - {id: woman, asset: woman}
  - {id: chair, asset: chair}
  - {id: table, asset: table}
  - {id: cat, asset: cat}
  - {id: cup, asset: cup}
  - {id: rock, asset: rock, scale: 0.4}
  - {id: crate, asset: crate}
intents:
  - {type: place, subject: chair, relation: next_to, target: table}
  - {type: place, subject: cup, relation: on, target: table}
  - {type: place, subject: crate, relation: left_of, target: table, distance: 1.5}
  - {type: sit_on, subject: woman, target: chair}
  - {type: jump_onto, subject: cat, target: table}
  - {type: drop_onto, subject: rock, target: crate, together: true}
"""


def test_relations_and_events_land_on_the_supports() -> None:
    _, tl = solved(ROOM)
    ids = [a.id for a in tl.actors]
    pos = {a: tl.positions[:, ids.index(a)] for a in ids}
    table_top = 0.76
    assert abs(pos["cup"][0, 2] - table_top) < 1e-3
    assert np.linalg.norm(pos["cup"][0, :2] - pos["table"][0, :2]) < 0.6
    assert abs(pos["cat"][-1, 2] - table_top) < 0.02  # the cat ends up on the table top
    assert abs(pos["rock"][-1, 2] - 0.8) < 0.25 and np.linalg.norm(pos["rock"][-1, :2] - pos["crate"][0, :2]) < 0.4
    assert any({c.a, c.b} == {"rock", "crate"} for c in tl.collisions)
    # the woman ends seated on the chair: her root over the seat, her pose lowered
    assert np.linalg.norm(pos["woman"][-1, :2] - pos["chair"][0, :2]) < 0.2
    assert tl.poses["woman"].root_offset[-1, 2] < -0.2
    # nothing stands inside anything else on the ground at the start
    for a, b in (("table", "chair"), ("table", "crate"), ("woman", "table")):
        assert np.linalg.norm(pos[a][0, :2] - pos[b][0, :2]) > 0.6


@pytest.mark.parametrize(("intents", "words"), [
    ("[{type: place, subject: car, relation: on, target: cup}]", "cup has no surface"),
    ("[{type: place, subject: car, relation: under, target: chair}]", "does not fit under"),
    ("[{type: place, subject: car, relation: next_to, target: cup}, "
     "{type: place, subject: cup, relation: on, target: car}]", "cycle"),
    ("[{type: do, subject: car, action: wave}]", "cannot wave"),
    ("[{type: sit_on, subject: car, target: cup}]", "cannot sit"),
])
def test_impossible_intents_are_one_located_line(intents: str, words: str) -> None:
    text = f"""
actors: [{{id: car, asset: car}}, {{id: cup, asset: cup}}, {{id: chair, asset: chair}}]
intents: {intents}
"""
    with pytest.raises(ScriptError, match=r"intents\[\d\]") as err:
        solve(loads_script(text))
    assert words in str(err.value) and "\n" not in str(err.value)


def test_a_long_video_keeps_its_people_moving() -> None:
    text = """
duration: 60
resolution: 320x180
actors: [{id: man, asset: man}, {id: ball, asset: football}]
intents: [{type: kick_to, subject: man, object: ball}]
"""
    script, tl = solved(text)
    i = [a.id for a in tl.actors].index("man")
    speed = np.linalg.norm(np.diff(tl.positions[:, i, :2], axis=0), axis=1) * script.fps
    assert (speed > 0.2).mean() > 0.3  # moving for a good part of the minute, not only the first seconds
    j = [a.id for a in tl.actors].index("ball")
    assert np.linalg.norm(tl.positions[-1, j, :2] - tl.positions[0, j, :2]) > 2.0  # the kick sent the ball off


def test_a_framing_intent_fills_its_share_of_the_frame() -> None:
    text = """
resolution: 320x180
actors: [{id: dog, asset: dog}]
camera:
  shots:
    - {type: track, framing: {subjects: [dog], size: close_up}}
    - {type: static, framing: {subjects: [dog], size: wide}}
"""
    _, tl = solved(text)
    i = 0
    for k, lo, hi in ((0, 0.5, 1.2), (1, 0.08, 0.3)):
        f = int(np.flatnonzero(tl.shot_index == k)[0])
        cam = tl.camera_position[f]
        d = np.linalg.norm(cam - tl.positions[f, i] - [0, 0, 0.4])
        vfov = 2 * np.arctan(np.tan(np.radians(tl.camera_fov[f]) / 2) / (320 / 180))
        share = 0.8 / (2 * d * np.tan(vfov / 2))
        assert lo <= share <= hi, (k, share, cam)


def test_compiling_solves_once_and_a_solved_script_round_trips() -> None:
    from scenes.io import dumps_script

    script = loads_script(DOMINOES)
    tl = compile_script(script)
    assert tl.script.solved and [i.type for i in tl.script.intents] == [i.type for i in script.intents]
    assert tl.script.intents[1].start is not None and script.intents[1].start is None  # the schedule is written
    again = loads_script(dumps_script(tl.script))
    assert again == tl.script and solve(again).script is again  # not solved twice: no second push
    assert sum(1 for a in compile_script(again).script.actors for act in a.actions if act.type == "push") == 1
