"""The prompt-set judge on small hand-written scripts: each fact decided from the compiled world."""

from __future__ import annotations

import pytest

from pipeline.promptset.facts import PromptSet, PromptSetError, heldout, parse_prompt_set
from pipeline.promptset.judge import hue_families, judge
from scenes import loads_script
from scenes.timeline import compile_script

GROUPS = PromptSet(groups={"ball": ["sphere", "football"], "person": ["person", "man", "woman", "child"]},
                   prompts=[{"id": "x", "category": "t", "prompt": "xyz", "facts": [{"duration": 1}]}])


def verdicts(script_yaml: str, facts: list[dict]) -> list:
    """Compile a short script and judge ``facts`` on it."""
    timeline = compile_script(loads_script("version: 1\nresolution: 320x180\nfps: 12\n" + script_yaml))
    parsed = parse_prompt_set({"prompts": [{"id": "t", "category": "t", "prompt": "test", "facts": facts}]}, "t")
    return judge(timeline, parsed.prompts[0].facts, GROUPS)


def met(script_yaml: str, fact: dict) -> bool:
    return verdicts(script_yaml, [fact])[0].met


TABLE = "  - {id: table, asset: table, position: [0, 0, 0]}\n"
STILL = "camera: {shots: [{type: static, position: [0, -4, 1.6], target: [0, 0, 0.7]}]}\n"


def test_cup_on_table_is_on_and_a_floating_cup_is_not():
    resting = "duration: 1\nactors:\n" + TABLE + "  - {id: cup, asset: cup, position: [0.2, 0, 0.76]}\n" + STILL
    floating = resting.replace("[0.2, 0, 0.76]", "[0.2, 0, 1.1]")
    beside = resting.replace("[0.2, 0, 0.76]", "[1.5, 0, 0.76]")
    fact = {"relation": "on", "a": "cup", "b": "table"}
    assert met(resting, fact)
    assert not met(floating, fact)
    assert not met(beside, fact)  # at the right height but not over the table
    assert met(resting, {"relation": "under", "a": "cup", "b": "table"}) is False


def test_cat_under_table_and_chairs_in_a_circle_round_it():
    script = ("duration: 1\nactors:\n" + TABLE + "  - {id: cat, asset: cat, position: [0, 0, 0]}\n"
              + "".join(f"  - {{id: c{k}, asset: chair, position: [{x}, {y}, 0]}}\n"
                        for k, (x, y) in enumerate([(1.2, 0), (-1.2, 0), (0, 1.2), (0, -1.2)])) + STILL)
    assert met(script, {"relation": "under", "a": "cat", "b": "table"})
    assert met(script, {"relation": "in_circle", "a": "chair", "b": "table"})
    assert not met(script, {"relation": "in_row", "a": "chair"})
    assert met(script, {"count": "chair", "n": 4})
    assert not met(script, {"count": "chair", "min": 5})


def test_a_domino_knocked_over_topples_and_a_standing_one_does_not():
    script = """duration: 3
actors:
  - {id: d1, asset: domino, position: [0, 0, 0], physics: {}}
  - {id: d2, asset: domino, position: [3, 0, 0], physics: {}}
  - {id: ball, asset: sphere, scale: 0.3, position: [0, -1.5, 0], physics: {velocity: [0, 4, 0]}}
""" + STILL
    toppled = verdicts(script, [{"event": "topple", "a": "domino"}, {"event": "topple", "a": "domino", "all": True},
                                {"event": "touch", "a": "ball", "b": "domino"},
                                {"event": "roll", "a": "ball"}])
    assert [v.met for v in toppled] == [True, False, True, True], [v.detail for v in toppled]


def test_rows_and_stacks():
    row = "duration: 1\nactors:\n" + "".join(
        f"  - {{id: d{k}, asset: domino, position: [{0.4 * k}, 0, 0]}}\n" for k in range(5)) + STILL
    assert met(row, {"relation": "in_row", "a": "domino"})
    tower = "duration: 1\nactors:\n" + "".join(
        f"  - {{id: b{k}, asset: box, scale: 0.5, position: [0, 0, {0.5 * k}]}}\n" for k in range(3)) + STILL
    side_by_side = tower.replace("[0, 0, 0.5]", "[2, 0, 0]").replace("[0, 0, 1.0]", "[4, 0, 0]")
    assert met(tower, {"relation": "stacked", "a": "box"})
    assert not met(side_by_side, {"relation": "stacked", "a": "box"})


def test_an_orbit_shot_is_an_orbit_and_not_a_pan():
    script = ("duration: 4\nactors:\n  - {id: fig, asset: figurine, position: [0, 0, 0]}\n"
              "camera: {shots: [{type: orbit, target: fig, radius: 4, degrees: 180}]}\n")
    assert met(script, {"camera": "orbit"})
    assert not met(script, {"camera": "pan"})
    assert not met(script, {"camera": "static"})
    pan = ("duration: 4\nactors:\n  - {id: fig, asset: figurine, position: [0, 0, 0]}\n"
           "camera: {shots: [{type: pan, position: [0, -6, 1.5], target: fig, degrees: 60}]}\n")
    assert met(pan, {"camera": "pan"})
    assert not met(pan, {"camera": "orbit"})


def test_framing_and_visibility_from_the_projected_box():
    near = ("duration: 1\nactors:\n  - {id: w, asset: woman, position: [0, 0, 0]}\n"
            "camera: {shots: [{type: static, position: [0, -1.2, 1.6], target: [0, 0, 1.6]}]}\n")
    far = near.replace("[0, -1.2, 1.6]", "[0, -40, 1.6]")
    assert met(near, {"framing": "close_up", "a": "woman"})
    assert not met(far, {"framing": "close_up", "a": "woman"})
    assert met(near, {"visible": "person"})
    assert not met(far, {"visible": "person"})  # a speck at 40 m


def test_sitting_on_a_chair_walking_to_a_car_and_colours():
    script = """duration: 8
actors:
  - {id: chair, asset: chair, position: [0, 0, 0]}
  - {id: man, asset: man, position: [0, 0, 0], actions: [{type: sit, seat: chair}]}
  - {id: woman, asset: woman, position: [-6, 0, 0], actions: [{type: walk_to, to: car}]}
  - {id: car, asset: car, position: [4, 3, 0], material: {color: navy}}
""" + STILL
    got = verdicts(script, [{"event": "sit", "a": "man", "b": "chair"}, {"event": "sit", "a": "woman", "b": "chair"},
                            {"event": "reach", "a": "woman", "b": "car"}, {"event": "move", "a": "woman"},
                            {"colour": "car", "is": "blue"}, {"colour": "car", "is": "red"}])
    assert [v.met for v in got] == [True, False, True, True, True, False], [v.detail for v in got]


def test_hue_families():
    assert "brown" in hue_families((0.55, 0.35, 0.2))
    assert hue_families((0.0, 0.0, 1.0)) == {"blue"}
    assert "grey" in hue_families((0.5, 0.5, 0.5)) and "white" in hue_families((0.95, 0.95, 0.95))


def test_the_shipped_set_is_large_and_varied():
    s = heldout()
    assert len(s.prompts) >= 90
    assert sum(any(getattr(f, "duration", None) == 60 for f in p.facts) for p in s.prompts) >= 6
    assert {p.category for p in s.prompts} >= {"everyday", "physics", "vehicles", "indoor", "story", "camera"}
    missing = s.missing_assets({"cup", "table"})
    assert "sofa" in missing and "cup" not in missing and "person" not in missing  # groups are not assets


def test_a_bad_fact_is_one_located_line():
    with pytest.raises(PromptSetError, match=r"prompts\[bad\]\.facts\.0"):
        parse_prompt_set({"prompts": [{"id": "bad", "category": "t", "prompt": "abc",
                                       "facts": [{"relation": "on", "a": "cup"}]}]}, "set.yaml")


def test_plan_score_cli_reports_figures_for_chosen_prompts():
    import json

    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["plan-score", "--only", "cup_on_table", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["prompts"] == 1 and data["facts"] == 4
    assert {v["kind"] for v in data["results"][0]["verdicts"]} == {"count", "relation", "visible"}
    bad = CliRunner().invoke(app, ["plan-score", "--only", "no_such_prompt"])
    assert bad.exit_code == 1 and "no_such_prompt" in bad.output


CAMERA_SCENE = ("duration: 3\nactors:\n  - {id: fig, asset: man, position: [0, 0, 0]}\n"
                "  - {id: w, asset: woman, position: [0, 3, 0], rotation: [180, 0, 0]}\ncamera: {shots: [%s]}\n")
MOVES = ("static", "pan", "tilt", "zoom", "orbit", "dolly", "truck", "crane", "track", "handheld",
         "over_the_shoulder", "from_above")


@pytest.mark.parametrize(("shot", "expected"), [
    ("{type: dolly, from: [0, -8, 1.5], to: [0, -4, 1.5], target: fig}", {"dolly"}),
    ("{type: truck, target: fig, travel: 3}", {"truck"}),
    ("{type: crane, target: fig, height: 0.5, to_height: 4}", {"crane"}),
    ("{type: zoom, position: [0, -6, 1.5], target: fig, to_fov: 20}", {"zoom"}),
    ("{type: tilt, position: [0, -6, 1.5], target: fig, degrees: 30}", {"tilt"}),
    ("{type: handheld, target: fig}", {"handheld"}),
    ("{type: static, position: [0, -6, 1.5], target: fig}", {"static"}),
    ("{type: static, position: [0, -0.5, 9], target: fig}", {"static", "from_above"}),
    ("{type: track, target: w, framing: over_the_shoulder, over: fig}", {"static", "over_the_shoulder"}),
])
def test_each_camera_move_is_told_from_the_camera_track(shot, expected):
    script = CAMERA_SCENE % shot
    assert {m for m in MOVES if met(script, {"camera": m})} == expected


def test_a_dropped_rock_falls_onto_the_crate_without_toppling_and_a_knocked_off_box_topples():
    drop = """duration: 3
actors:
  - {id: crate, asset: crate, position: [0, 0, 0]}
  - {id: block, asset: box, scale: 0.4, position: [0.1, 0, 2.5], physics: {restitution: 0.1}}
""" + STILL  # a block lands flat (a lumpy rock may tumble off: its hull decides)
    got = verdicts(drop, [{"event": "fall_onto", "a": "box", "b": "crate"}, {"event": "topple", "a": "box"},
                          {"relation": "on", "a": "box", "b": "crate", "at": "end"}])
    assert [v.met for v in got] == [True, False, True], [v.detail for v in got]
    knocked = """duration: 3
actors:
  - {id: base, asset: box, position: [0, 0, 0], physics: {body: static}}
  - {id: top, asset: box, scale: 0.4, position: [0, 0, 1], physics: {velocity: [3, 0, 0]}}
""" + STILL
    assert met(knocked, {"event": "topple", "a": "box"})
