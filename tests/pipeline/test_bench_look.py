"""The look bench measures each look and each feature against the default look (no timing asserted)."""

from __future__ import annotations

from pipeline.bench import reference_script
from pipeline.run.bench.look import bench_look
from scenes.script import Resolution


def test_bench_look_reports_looks_and_feature_ablations():
    out = bench_look(reference_script(), Resolution(width=96, height=64), frames=2, rounds=2)
    assert out["resolution"] == "96x64" and out["frames"] == 4
    assert out["default"]["ratio"] == 1.0 and out["default"]["cpu_ratio"] == 1.0
    names = set(out) - {"resolution", "frames", "load_average"}
    assert {"fast", "quality", "default without env_specular", "default without tone_agx", "default without refract",
            "default without materials"} <= names
    for feature in ("ao", "bloom", "pcss", "soft_shadows", "ground_sheen"):  # the quality look's own, both ways
        assert {f"default with {feature}", f"quality without {feature}"} <= names
    for name in names:
        assert out[name]["fps"] > 0 and out[name]["ratio"] > 0
