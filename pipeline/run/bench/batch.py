"""Batch speed: jobs/s with 1 and 2 workers, a long video in 1 and 2 chunks."""

from __future__ import annotations

from typing import Any

from pipeline.run.bench import BenchContext, BenchSection


def run(context: BenchContext) -> dict[str, Any]:
    """Jobs/s of short jobs and the wall time of one long video, each with one and two processes."""
    from pipeline.bench import run_batch_bench

    return run_batch_bench(duration=context.duration(3.0), resolution=context.options.resolution,
                           engine=context.options.engine)


SECTION = BenchSection("batch", "jobs/s with 1 and 2 workers; a long video in 1 and 2 chunks", run)
