"""Render-only speed direct vs through the UnrealCV protocol (`enginereel serve`)."""

from __future__ import annotations

from typing import Any

from pipeline.run.bench import BenchContext, BenchSection


def run(context: BenchContext) -> dict[str, Any]:
    """Direct and protocol render fps on the same scene, interleaved."""
    from pipeline.bench import run_protocol_bench

    return run_protocol_bench(script_path=context.script_path, duration=context.duration(3.0),
                              resolution=context.options.resolution)


SECTION = BenchSection("protocol", "render-only fps direct vs through the UnrealCV protocol", run)
