"""The bench's plan section: every round is a cold plan of the same scene."""

from __future__ import annotations

from pipeline.run.bench import BenchContext
from pipeline.run.bench.plan import SECTION
from pipeline.run.options import RunOptions


def test_every_round_of_the_plan_bench_bakes_from_scratch(monkeypatch) -> None:
    """Nothing one round baked (the suspended physics, the poses) is reused by the next."""
    from scenes import physics, timeline

    fresh, feet = [], []
    new_bake, poses = physics._new_bake, timeline.character_poses
    monkeypatch.setattr(physics, "_new_bake", lambda *a: fresh.append(1) or new_bake(*a))
    monkeypatch.setattr(timeline, "character_poses", lambda *a, **k: feet.append(a[0].id) or poses(*a, **k))
    out = SECTION.run(BenchContext(options=RunOptions(duration=12.0)))
    assert out["scene"]["actors"] == 20 and out["scene"]["frames"] == 360
    assert out["total_s"] >= out["solve_s"] > 0 and out["compile_s"] > 0 and out["check_s"] > 0
    assert len(fresh) % 3 == 0 and len(fresh) >= 3  # each round's trial starts a new bake
    assert len(feet) % 3 == 0 and feet[: len(feet) // 3] * 3 == feet  # each round poses the same, all over again
