"""Bench sections: ``enginereel bench --section NAME``, each a module in this package.

A section is one measurement (speed, protocol, batch, memory, …) that prints a JSON object. Each module
here defines ``SECTION = BenchSection(...)``; the registry finds them by listing the package, so an issue
adds its section as one new file without touching anyone else's.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.errors import PipelineError
from pipeline.run.options import RunOptions


@dataclass(frozen=True)
class BenchContext:
    """What every section is given: the run options (duration, resolution, engine, look …) and bench flags."""

    options: RunOptions = RunOptions()
    quick: bool = False  # a short run for a quick look (each section decides what short means)
    script_path: Path | None = None  # the scene to bench; None = the reference scene
    passes: bool = True  # the speed section also times each ground-truth pass

    def duration(self, quick_s: float) -> float | None:
        """The asked duration, else ``quick_s`` with ``--quick``, else ``None`` (the section's own)."""
        if self.options.duration is not None:
            return self.options.duration
        return quick_s if self.quick else None


@dataclass(frozen=True)
class BenchSection:
    """A named measurement: ``run(context)`` returns a JSON-ready dict."""

    name: str
    summary: str
    run: Callable[[BenchContext], dict[str, Any]]


@cache
def sections() -> dict[str, BenchSection]:
    """Every section in this package, by name."""
    found: dict[str, BenchSection] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        section = getattr(module, "SECTION", None)
        if isinstance(section, BenchSection):
            found[section.name] = section
    return dict(sorted(found.items()))


def run_sections(names: list[str], context: BenchContext) -> dict[str, Any]:
    """Run the named sections in order: one section's dict as it is, several keyed by name."""
    known = sections()
    unknown = [n for n in names if n not in known]
    if unknown:
        raise PipelineError(f"--section: unknown section {', '.join(unknown)}; choose from {', '.join(known)}")
    results = {name: known[name].run(context) for name in names}
    return results[names[0]] if len(names) == 1 else results
