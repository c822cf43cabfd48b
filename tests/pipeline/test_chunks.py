"""Chunked rendering: K frame ranges in parallel processes, joined without re-encoding, equal the sequential render."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine_bridge import make_engine
from pipeline.chunks import render_chunked, split_frames
from pipeline.encode import EncodeSettings, probe, read_frames
from pipeline.errors import PipelineError
from pipeline.jobs import RenderOptions, render_script
from scenes import compile_script
from tests.pipeline.conftest import REPO, tiny_script


def test_split_frames_covers_every_frame_once_in_order() -> None:
    for total, k in [(10, 3), (2, 5), (1800, 2), (7, 7), (61, 4)]:
        ranges = split_frames(total, k)
        assert [i for r in ranges for i in r] == list(range(total))
        assert len(ranges) == min(total, k)
        assert max(map(len, ranges)) - min(map(len, ranges)) <= 1
    with pytest.raises(PipelineError):
        split_frames(10, 0)


def test_first_frame_after_open_equals_the_same_frame_mid_sequence() -> None:
    # A chunk starts rendering mid-video right after engine.open(): that frame must not depend on history
    # (Panda3D used to build the sun's shadow buffer during the first drawn frame, which had no shadows).
    timeline = compile_script(tiny_script(duration=1.0))
    with make_engine("panda3d") as engine:
        engine.open(timeline)
        sequential = [engine.render(timeline.frame(i)).copy() for i in range(20)]
    with make_engine("panda3d") as engine:
        engine.open(timeline)
        fresh = engine.render(timeline.frame(12))
    assert np.array_equal(fresh, sequential[12])


def test_chunked_render_equals_sequential_frame_for_frame(tmp_path: Path) -> None:
    script = tiny_script(duration=1.5)
    lossless = RenderOptions(encode=EncodeSettings(crf=0))  # decoded pixels then depend only on the input frames
    render_script(script, tmp_path / "seq.mp4", lossless)
    report = render_chunked(script, tmp_path / "chunked.mp4", lossless, chunks=3)
    assert [(c["start"], c["stop"]) for c in report.extra["chunks"]] == [(0, 15), (15, 30), (30, 45)]
    assert probe(tmp_path / "chunked.mp4").frames == 45 == report.frames
    seq = list(read_frames(tmp_path / "seq.mp4", 160, 90))
    chunked = list(read_frames(tmp_path / "chunked.mp4", 160, 90))
    assert len(seq) == len(chunked) == 45
    differing = [i for i, (a, b) in enumerate(zip(seq, chunked, strict=True)) if not np.array_equal(a, b)]
    assert differing == []
    assert (tmp_path / "chunked.json").is_file()
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())  # segments and partial files are gone


def test_engine_reopened_many_times_renders_the_same_pixels() -> None:
    timeline = compile_script(tiny_script(duration=3.0, resolution="320x180"))
    with make_engine("panda3d") as engine:
        runs = []
        for _ in range(3):
            engine.open(timeline)
            runs.append([engine.render(timeline.frame(i)).copy() for i in range(30, 40)])
    assert all(np.array_equal(a, b) for a, b in zip(runs[0], runs[2], strict=True))


def test_render_chunks_from_the_command_line(tmp_path: Path, tiny_script_file: Path) -> None:
    def render(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pipeline.cli", "render", str(tiny_script_file), *args],
                              cwd=REPO, capture_output=True, text=True, timeout=120, check=False)

    res = render("-o", str(tmp_path / "out.mp4"), "--chunks", "2", "--quiet")
    assert res.returncode == 0, res.stderr
    assert probe(tmp_path / "out.mp4").frames == 30
    assert json.loads((tmp_path / "out.json").read_text())["extra"]["chunks"][1]["start"] == 15
    bad = render("-o", str(tmp_path / "bad.mp4"), "--chunks", "0")
    assert bad.returncode == 1 and bad.stderr.strip() == "error: --chunks must be at least 1, not 0"
    assert not (tmp_path / "bad.mp4").exists()
