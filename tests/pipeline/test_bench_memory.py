"""The memory bench section measures two real renders in their own processes and reports their ratio."""

from __future__ import annotations

import pytest

from pipeline.run.bench import BenchContext, memory, run_sections
from pipeline.run.options import RunOptions


def test_memory_section_reports_both_peaks_and_their_ratio(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "SHORT_S", 0.3)
    out = run_sections(["memory"], BenchContext(options=RunOptions(duration=0.6, resolution="64x36")))
    assert out["short_s"] == 0.3 and out["long_s"] == 0.6 and out["resolution"] == "64x36"
    assert out["short_peak_rss_mb"] > 50 and out["long_peak_rss_mb"] > 50
    assert out["ratio"] == pytest.approx(out["long_peak_rss_mb"] / out["short_peak_rss_mb"], abs=1e-3)
    assert out["flat"] == (out["ratio"] <= 1.05)
