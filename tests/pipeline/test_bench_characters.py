"""The bench's characters section: skinned people against capsule people in one run."""

from __future__ import annotations

from pipeline.bench import bench_characters


def test_characters_section_times_both_variants():
    out = bench_characters("panda3d", frames=2)
    assert out["resolution"] == "1280x720" and out["frames"] == 6
    assert out["skinned_ms"] > 0 and out["capsules_ms"] > 0
    assert abs(out["ratio"] - out["skinned_ms"] / out["capsules_ms"]) < 0.01
    assert out["skinned_cpu_ms"] > 0 and abs(out["cpu_ratio"] - out["skinned_cpu_ms"] / out["capsules_cpu_ms"]) < 0.01
