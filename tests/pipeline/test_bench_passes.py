"""The per-pass bench runs and reports every variant against the plain render (no timing asserted)."""

from __future__ import annotations

from pipeline.bench import ENGINE_PASSES, bench_passes, reference_script
from scenes.script import Resolution


def test_bench_passes_reports_each_pass_and_all():
    out = bench_passes(reference_script(), Resolution(width=96, height=64), "panda3d", frames=2)
    assert out["resolution"] == "96x64" and out["frames"] > 0
    assert out["render"]["ratio"] == 1.0
    for name in (*ENGINE_PASSES, "all"):
        assert out[name]["fps"] > 0 and out[name]["ratio"] > 0
