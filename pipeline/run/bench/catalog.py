"""World-building time of a scene of 50 mixed catalog assets (models built, compiled, engine opened)."""

from __future__ import annotations

from typing import Any

from pipeline.run.bench import BenchContext, BenchSection


def run(context: BenchContext) -> dict[str, Any]:
    """Cold and warm world-building time of the 50-asset scene; target under 3 s."""
    from pipeline.bench import run_catalog_bench

    return run_catalog_bench(engine=context.options.engine)


SECTION = BenchSection("catalog", "world building of a 50-asset scene (catalog models, compile, engine open)", run)
