"""A render's own engine: two engine processes by default for long videos on the embedded engine, one otherwise;
the same video either way."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from engine_bridge.parallel import ParallelEngine
from pipeline.encode import read_frames
from pipeline.jobs import MIN_PARALLEL_FRAMES, RenderOptions, own_engine
from tests.engine_bridge.conftest import small_timeline
from tests.pipeline.test_cli_end_to_end import assert_one_line_error, cli

ROOT = Path(__file__).resolve().parents[2]


def test_long_videos_on_the_embedded_engine_get_two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    short, long = small_timeline(duration=1.0), small_timeline(duration=(MIN_PARALLEL_FRAMES + 1) / 30)
    assert not isinstance(own_engine(RenderOptions(), short), ParallelEngine)
    assert not isinstance(own_engine(RenderOptions(passes=("depth",)), long), ParallelEngine)
    assert not isinstance(own_engine(RenderOptions(engine="software"), long), ParallelEngine)
    assert not isinstance(own_engine(RenderOptions(render_processes=1), long), ParallelEngine)
    engine = own_engine(RenderOptions(), long)
    try:
        assert isinstance(engine, ParallelEngine) and engine._count == 2 and engine._threads == 1
    finally:
        engine.close()
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert not isinstance(own_engine(RenderOptions(), long), ParallelEngine)


def test_render_with_two_processes_is_the_same_video(tmp_path: Path) -> None:
    """Lossless, so the decoded frames compare exactly; the report names the processes."""
    videos = {}
    for n in (1, 2):
        videos[n] = tmp_path / f"p{n}.mp4"
        res = cli("render", str(ROOT / "scenes/examples/reference.yaml"), "-o", str(videos[n]), "--duration", "1",
                  "--resolution", "160x90", "--crf", "0", "--render-processes", str(n), "--no-previews", "-q")
        assert res.returncode == 0, res.stderr
    report = json.loads((tmp_path / "p2.json").read_text())
    assert report["engine"]["processes"] == "2" and report["engine"]["raster_threads"] == "1"
    a, b = (list(read_frames(videos[n], 160, 90)) for n in (1, 2))
    assert len(a) == len(b) == 30 and all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize(("flags", "needle"), [(["--render-processes", "0"], "--render-processes must be at least 1"),
                                               (["--render-processes", "2", "--passes", "depth"], "--passes")])
def test_bad_process_counts_are_one_line_errors(tmp_path: Path, flags: list[str], needle: str) -> None:
    res = cli("render", str(ROOT / "scenes/examples/reference.yaml"), "-o", str(tmp_path / "x.mp4"), *flags)
    assert_one_line_error(res, needle)
    assert not list(tmp_path.iterdir())
