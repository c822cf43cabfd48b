"""The CLI end to end at a small size: real planning, rendering, encoding, reports and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from pipeline.encode import probe, read_frames

ROOT = Path(__file__).resolve().parents[2]
PROMPT = "a red ball bounces next to a blue box while the camera orbits"


def cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``enginereel`` from this checkout."""
    # the default planner is "auto": keep a developer's OpenAI settings from turning these into LLM runs
    base = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    full_env = {**base, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd or ROOT, timeout=300, check=False)


def assert_one_line_error(res: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert res.returncode == 1, res.stderr
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in res.stderr
    for needle in needles:
        assert needle in lines[0]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "out.mp4"
    res = cli("generate", PROMPT, "-o", str(out), "--duration", "2", "--resolution", "320x180",
              "--save-script", str(out.with_name("scene.yaml")))
    assert res.returncode == 0, res.stderr
    return out


def test_generate_writes_video_report_and_script(generated: Path) -> None:
    p = probe(generated)
    assert (p.codec, p.width, p.height, p.frames, p.pix_fmt) == ("h264", 320, 180, 60, "yuv420p")
    report = json.loads(generated.with_suffix(".json").read_text())
    assert report["frames"] == 60 and report["resolution"] == "320x180" and report["fps"] == 30
    assert report["plan"]["planner"] == "offline" and report["plan"]["ignored_words"] == []
    assert report["engine"]["name"] == "panda3d" and report["engine"]["renderer"]
    assert report["ffmpeg"]["version"] != "unknown"
    assert report["render_fps"] > 0 and report["realtime_factor"] > 0 and report["peak_rss_mb"] > 0
    for stage in ("plan", "compile", "engine_open", "render", "encode", "total"):
        assert report["stages"][stage] >= 0
    assert len(report["script_hash"]) == 64
    check = report["world_check"]  # the world check of the compiled timeline, with its limits
    assert check["checks"][0]["name"] == "floating" and check["limits"]["float_s"] == 0.3
    assert generated.with_name("scene.yaml").is_file()
    assert not list(generated.parent.glob(".*.part"))


def test_video_shows_a_red_and_a_blue_thing_that_move(generated: Path) -> None:
    frames = list(read_frames(generated, 320, 180))
    first, last = frames[0].astype(int), frames[45].astype(int)
    red = (first[..., 0] > 120) & (first[..., 0] > 2 * first[..., 1]) & (first[..., 0] > 2 * first[..., 2])
    blue = (first[..., 2] > 120) & (first[..., 2] > 2 * first[..., 0]) & (first[..., 2] > 1.5 * first[..., 1])
    assert red.sum() > 200 and blue.sum() > 200
    assert np.abs(first - last).mean() > 3  # the camera orbits and the ball bounces


def test_rendering_the_saved_script_gives_the_same_frames(generated: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.mp4"
    res = cli("render", str(generated.with_name("scene.yaml")), "-o", str(again), "--quiet")
    assert res.returncode == 0, res.stderr
    for a, b in zip(read_frames(generated, 320, 180), read_frames(again, 320, 180), strict=True):
        np.testing.assert_array_equal(a, b)


def test_plan_prints_a_valid_script_and_validate_accepts_it(tmp_path: Path) -> None:
    res = cli("plan", "three green cubes in a row at sunset")
    assert res.returncode == 0, res.stderr
    path = tmp_path / "plan.yaml"
    path.write_text(res.stdout)
    assert "sky: sunset" in res.stdout
    ok = cli("validate", str(path))
    assert ok.returncode == 0 and "ok" in ok.stdout


def test_schema_prints_json_schema() -> None:
    res = cli("schema")
    assert res.returncode == 0
    assert "actors" in json.loads(res.stdout)["properties"]


def test_bad_script_is_one_line_and_no_video(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("duration: 2\nactors: [{id: a, asset: sphere, material: {color: blurple}}]\n")
    out = tmp_path / "out.mp4"
    res = cli("render", str(bad), "-o", str(out))
    assert_one_line_error(res, "bad.yaml", "actors[0].material.color", "unknown colour 'blurple'")
    assert not out.exists()


def test_validate_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("duration: -2\nactors: [{id: a, asset: blob}]\n")
    res = cli("validate", str(bad))
    assert res.returncode == 1
    assert "duration" in res.stderr and "actors[0].asset" in res.stderr


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["--resolution", "100000x1"], ["--resolution", "width", "7680"]),
        (["--duration", "-1"], ["duration"]),
        (["-o", "{tmp}/missing/out.mp4"], ["missing", "does not exist"]),
    ],
)
def test_bad_options_are_one_line(tmp_path: Path, args: list[str], needles: list[str]) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "-o" not in args:
        args += ["-o", str(tmp_path / "out.mp4")]
    res = cli("generate", PROMPT, *args)
    assert_one_line_error(res, *needles)
    assert not (tmp_path / "out.mp4").exists()


def test_prompt_with_nothing_to_show_is_one_line(tmp_path: Path) -> None:
    # (an unknown noun after an article gets a labelled stand-in: "a quiet philosophical mood" shows a "mood")
    res = cli("generate", "quiet and very philosophical", "-o", str(tmp_path / "out.mp4"))
    assert_one_line_error(res, "nothing to show")


def test_failing_ffmpeg_is_one_line_and_leaves_no_video(tmp_path: Path) -> None:
    out = tmp_path / "out.mp4"
    res = cli("generate", PROMPT, "-o", str(out), "--duration", "1", "--resolution", "160x90",
              env={"ENGINEREEL_FFMPEG": "/bin/false"})
    assert_one_line_error(res, "out.mp4", "ffmpeg")
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


def test_usage_error_exits_2() -> None:
    assert cli("generate").returncode == 2
    assert cli("render", "x.yaml", "--no-such-flag").returncode == 2


def test_sigterm_mid_render_removes_the_partial_video(tmp_path: Path) -> None:
    import signal
    import time

    out = tmp_path / "long.mp4"
    args = ["generate", PROMPT, "-o", str(out), "--duration", "60", "--resolution", "160x90", "-q"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")} | {"PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], cwd=ROOT, env=env,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (tmp_path / ".long.staged.mp4.part").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert not out.exists() and not list(tmp_path.glob(".*"))
