"""The world check on today's failing scripts (finding by finding), on passing ones, and its speed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from scenes.check import CheckLimits, check_timeline
from scenes.io import load_script
from scenes.script import SceneScript
from scenes.timeline import compile_script

FIXTURES = Path(__file__).parent / "fixtures"


def findings_of(name: str) -> dict[str, list[str]]:
    report = check_timeline(compile_script(load_script(FIXTURES / name)))
    return {c.name: c.findings for c in report.checks if c.findings}


def test_two_cars_overlapping_side_by_side_for_the_whole_video():
    assert findings_of("cars_overlap.yaml") == {
        "interpenetration": ["actors[car_2] overlaps actors[car] by 1.36 m from 0.0 s to 15.0 s"]}


def test_a_rock_hovering_over_a_crate_floats_never_drops_and_idles():
    found = findings_of("rock_hovers_over_crate.yaml")
    assert found["floating"] == ["actors[rock] floats 0.50 m above actors[crate]'s top from 0.0 s to 6.0 s"]
    assert found["events"] == ["intents[0] drop_onto: actors[rock] never touches actors[crate] "
                               "(closest 0.50 m at 0.0 s, no physics contact)"]
    assert set(found) == {"floating", "events"}


def test_a_ball_that_never_reaches_the_dominoes():
    found = findings_of("dominoes_ball_misses.yaml")
    assert found["events"][0].startswith("intents[0] knock_over: actors[ball] never touches actors[d1] "
                                         "(closest 1.73 m at ")
    assert set(found) == {"events"}


def test_a_woman_on_the_tabletop_walks_into_the_air_and_sits_on_nothing_and_the_cat_hangs():
    found = findings_of("woman_on_table.yaml")
    # her sit names no seat, so she sits where she stands: at the tabletop height she walked off into the air
    assert found["floating"] == [
        "actors[woman] floats 0.76 m above the ground from 1.3 s to 4.5 s",
        "actors[woman] sits on nothing (pelvis 0.86 m up) from 5.1 s to 8.0 s",
        "actors[cat] floats 0.76 m above the ground from 0.0 s to 8.0 s",
    ]
    assert found["events"] == [
        "intents[0] sit_on: actors[woman] never sits on actors[chair]",
        "intents[1] jump_onto: actors[cat] never rests on actors[table] (it is on nothing at 8.0 s)",
    ]
    assert found["idle"][0].startswith("actors[cat] is idle for 8.0 s")
    assert set(found) == {"floating", "events", "idle"}


@pytest.mark.parametrize("name", ["cup_on_table.yaml", "person_on_chair.yaml", "ball_topples_dominoes.yaml"])
def test_scenes_that_show_what_they_say_pass(name):
    report = check_timeline(compile_script(load_script(FIXTURES / name)))
    assert report.passed, report.findings
    assert [c.name for c in report.checks] == ["floating", "interpenetration", "framing", "idle", "events", "camera"]


def test_the_events_that_pass_are_counted():
    report = check_timeline(compile_script(load_script(FIXTURES / "ball_topples_dominoes.yaml")))
    assert next(c for c in report.checks if c.name == "events").figure == "1 of 1 events happened"


def test_limits_are_in_the_report_and_change_the_verdict():
    timeline = compile_script(load_script(FIXTURES / "cars_overlap.yaml"))
    lenient = check_timeline(timeline, CheckLimits(penetration_m=1.5))
    assert lenient.passed
    assert lenient.limits.penetration_m == 1.5
    assert "penetration_frames" in lenient.model_dump()["limits"]


PACK = """
duration: 20
fps: 30
resolution: 640x360
actors:
{actors}
camera:
  shots:
    - {{type: orbit, target: p0, radius: 12, degrees: 180}}
"""


def modest_scene() -> str:
    """Twenty actors for 20 s: four people walking about, sixteen props."""
    lines = []
    for k in range(4):
        lines.append(f"  - {{id: p{k}, asset: person, position: [{-6 + 4 * k}, -4, 0], actions: "
                     f"[{{type: walk_to, to: [{-6 + 4 * k}, 4, 0], start: {k}}}]}}")
    props = ["crate", "table", "chair", "tree", "bench", "rock", "box", "sphere"]
    for k in range(16):
        lines.append(f"  - {{id: q{k}, asset: {props[k % len(props)]}, position: [{-9 + 6 * (k % 4)}, "
                     f"{-9 + 6 * (k // 4)}, 0]}}")
    return PACK.format(actors="\n".join(lines))


def test_a_modest_scene_is_checked_well_under_a_second(compile_yaml):
    timeline = compile_yaml(modest_scene())
    check_timeline(timeline)  # warm the per-asset caches (height fields, part boxes)
    start = time.process_time()
    report = check_timeline(timeline)
    assert time.process_time() - start < 1.0
    assert len(report.checks) == 6


def test_an_empty_scene_and_a_one_frame_scene_are_checked(compile_yaml):
    assert check_timeline(compile_yaml("duration: 1\nfps: 5\nactors: []\n")).passed
    one = compile_yaml("duration: 0.01\nfps: 10\nactors: [{id: a, asset: box}, {id: b, asset: crate, "
                       "position: [2, 0, 0]}]\n")
    assert len(one) == 1 and check_timeline(one).passed


def test_an_animal_lying_down_is_seated_and_one_sitting_on_a_table_height_of_air_is_not() -> None:
    def floating(z: float) -> list[str]:
        script = SceneScript.model_validate({
            "version": 1, "duration": 2.0,
            "actors": [{"id": "cow", "asset": "cow", "position": [0, 0, z],
                        "actions": [{"type": "sit", "lie": True, "start": 0.0, "end": 2.0}]}],
            "camera": {"shots": [{"type": "static", "position": [0, -8, 2], "target": [0, 0, 0.5]}]}})
        return check_timeline(compile_script(script)).check("floating").findings

    assert floating(0.0) == []
    assert floating(0.76)  # lying on nothing at a tabletop's height floats
