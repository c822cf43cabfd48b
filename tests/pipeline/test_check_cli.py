"""`enginereel check`: the world check from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "scenes" / "fixtures"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_a_failing_script_prints_each_check_and_every_finding_and_exits_1():
    result = run("check", str(FIXTURES / "cars_overlap.yaml"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{FIXTURES / 'cars_overlap.yaml'}: world check failed in ")
    assert "interpenetration: FAILED (1 pairs of actors overlap)" in lines
    assert "  check: actors[car_2] overlaps actors[car] by 1.36 m from 0.0 s to 15.0 s" in lines
    assert "floating: ok (0 of 2 actors float)" in lines


def test_a_passing_script_exits_0_and_json_carries_the_limits():
    result = run("check", "--json", str(FIXTURES / "cup_on_table.yaml"))
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["passed"] is True
    assert report["limits"]["float_s"] == 0.3 and report["limits"]["penetration_frames"] == 3
    assert [c["name"] for c in report["checks"]][:2] == ["floating", "interpenetration"]


def test_a_bad_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors: [{id: a, asset: box, position: [0, 0]}]\n")
    result = run("check", str(bad))
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert "actors[0].position" in result.output
