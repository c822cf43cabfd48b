"""Four skinned people against the same scene with capsule people, render only at 720p (issue budget: +25 %)."""

from __future__ import annotations

from typing import Any

from pipeline.run.bench import BenchContext, BenchSection

FRAMES, QUICK_FRAMES = 60, 8  # frames per variant and round


def run(context: BenchContext) -> dict[str, Any]:
    """Per-frame time of ``scenes/examples/characters.yaml`` with skinned people and with capsule people."""
    from pipeline.bench import bench_characters

    return bench_characters(engine=context.options.engine, frames=QUICK_FRAMES if context.quick else FRAMES)


SECTION = BenchSection("characters", "four skinned people vs capsule people at 720p, render only (ratio ≤ 1.25)",
                       run)
