"""The default section: render-only, encode-only and end-to-end speed (and per-pass cost)."""

from __future__ import annotations

from typing import Any

from pipeline.run.bench import BenchContext, BenchSection


def run(context: BenchContext) -> dict[str, Any]:
    """Speeds of the reference scene (or ``--script``), 60 s unless ``--quick``/``--duration``."""
    from pipeline.bench import run_bench

    return run_bench(script_path=context.script_path, duration=context.duration(3.0),
                     resolution=context.options.resolution, engine=context.options.engine, passes=context.passes,
                     pass_frames=8 if context.quick else 30, look=context.options.look)


SECTION = BenchSection("speed", "render-only, encode-only and end-to-end fps; per-pass render cost", run)
