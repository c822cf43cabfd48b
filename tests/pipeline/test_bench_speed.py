"""The speed and encode bench sections report what the throughput work needs: the serial bound, the thread counts
used and the encoder study's rule (figures are not asserted: the shared machine's speed varies)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.bench import run_bench
from pipeline.run.bench import BenchContext
from pipeline.run.bench.encode import MAX_SIZE_RATIO, MIN_SSIM, candidates
from pipeline.run.bench.encode import run as run_encode_study
from scenes.script import Resolution


def test_speed_section_reports_the_serial_bound_and_threads() -> None:
    out = run_bench(duration=0.4, resolution=Resolution(width=96, height=64), passes=False)
    bound = 1.0 / (1.0 / out["render_only_fps"] + 1.0 / out["encode_only_fps"])
    assert out["serial_bound_fps"] == pytest.approx(bound, rel=0.02)
    assert out["end_to_end_vs_serial_bound"] == pytest.approx(out["end_to_end_fps"] / out["serial_bound_fps"],
                                                               rel=0.02)
    assert out["encoding"]["preset"] == "superfast" and out["encoding"]["x264-params"] == "mbtree=1:rc-lookahead=10"
    threads = out["threads"]
    assert threads["x264"] == threads["cores"] and threads["llvmpipe"] in (None, *range(1, 257))
    if "llvmpipe" in out["engine"]["renderer"]:
        assert int(out["engine"]["raster_threads"]) == threads["llvmpipe"]
    assert len(out["load_average"]["start"]) == 3
    overlap = out["overlap"]
    assert len(overlap["slices"]) == len(overlap["ratios"]) == 4 and overlap["ratio_to_serial_bound"] > 0
    for row in overlap["slices"]:  # each slice's bound from its own render-only and encode-only speeds
        assert row["serial_bound"] == pytest.approx(1 / (1 / row["render"] + 1 / row["encode"]), rel=0.02)
    cpu = out["cpu"]
    assert cpu["render_ms_per_frame"] > 0 and cpu["encode_ms_per_frame"] > 0
    assert cpu["end_to_end_ms_per_frame"] >= cpu["encode_ms_per_frame"]  # it encodes too, and renders
    assert set(cpu["cores_used"]) == {"render", "encode", "end_to_end"} and cpu["cpu_bound_fps"] > 0


def test_encode_study_compares_every_candidate_with_the_old_default(tmp_path: Path) -> None:
    script = tmp_path / "tiny.yaml"
    script.write_text("duration: 1\nfps: 10\nresolution: 96x64\nactors:\n  - {id: b, asset: box}\n")
    out = run_encode_study(BenchContext(script_path=script, quick=True))
    (scene,) = out["scenes"]
    rows = scene["candidates"]
    assert list(rows) == list(candidates()) and scene["frames"] == 10
    base = rows[next(iter(rows))]
    assert base["size_ratio"] == 1.0 and base["ssim_vs_baseline"] == 1.0 and base["cpu_ratio"] == 1.0
    for row in rows.values():
        assert 0.0 < row["ssim_vs_rendered"] <= 1.0 and row["ffmpeg_cpu_ms_per_frame"] > 0
        assert row["allowed"] == (row["ssim_vs_baseline"] >= MIN_SSIM and row["size_ratio"] <= MAX_SIZE_RATIO)
