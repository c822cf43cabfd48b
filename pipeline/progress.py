"""The one terminal progress bar the CLI shows, for frames of a render and for jobs of a batch."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

BarUpdate = Callable[..., None]
"""``update(done, total=None, note="")``: move the bar; ``note`` is shown after the ETA."""


@contextmanager
def terminal_progress(enabled: bool, label: str, unit: str, total: int | None = None) -> Iterator[BarUpdate | None]:
    """A rich bar with done/total, the rate in ``unit`` per second, elapsed time, ETA and a note — on a
    terminal only; yields ``None`` when disabled or when stderr is not a TTY (logs stay clean)."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(TextColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:5.1f} {unit}" if speed else f"  ... {unit}")

    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(""),
                  TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[note]}"),
                  console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(label, total=total, note="")

        def update(done: int, total: int | None = None, note: str = "") -> None:
            if total is None:
                bar.update(task, completed=done, note=note)
            else:
                bar.update(task, completed=done, total=total, note=note)

        yield update
