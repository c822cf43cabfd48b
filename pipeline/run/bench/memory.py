"""Peak memory against video length: a long render must peak where a short one does (frames stream).

Each render runs in its own process (``enginereel render``, no audio or previews, 160x90 by default, so the
engine's and ffmpeg's per-frame costs dominate), and its peak RSS comes from the kernel when it is reaped.
The figure is ``ratio`` = long peak / short peak; flat memory is a ratio within a few percent of 1.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from pipeline.errors import PipelineError
from pipeline.run.bench import BenchContext, BenchSection

SHORT_S, LONG_S, QUICK_LONG_S = 10.0, 600.0, 60.0
ROOT = Path(__file__).resolve().parents[3]


def peak_rss_mb(duration: float, resolution: str, engine: str, root: Path = ROOT) -> float:
    """Peak resident memory (MiB) of one ``enginereel render`` of the reference scene, from ``wait4``."""
    with tempfile.TemporaryDirectory(prefix="enginereel-bench-memory-") as tmp:
        cmd = [sys.executable, "-m", "pipeline.cli", "render", str(root / "scenes" / "examples" / "reference.yaml"),
               "-o", str(Path(tmp) / "m.mp4"), "--duration", f"{duration:g}", "--resolution", resolution,
               "--engine", engine, "--no-audio", "--no-previews", "-q"]
        env = {**os.environ, "PYTHONPATH": str(root)}
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            tail = err.decode(errors="replace").strip()[-300:]
            raise PipelineError(f"bench memory: the {duration:g} s render failed: {tail}")
    return usage.ru_maxrss / 1024  # KiB on Linux


def run(context: BenchContext) -> dict[str, Any]:
    """Peak RSS of a 10 s and a 600 s render (60 s with ``--quick``; ``--duration`` sets the long one)."""
    long_s = context.options.duration or (QUICK_LONG_S if context.quick else LONG_S)
    resolution = str(context.options.resolution or "160x90")
    from pipeline.bench import reference_script

    fps = reference_script().fps
    short = peak_rss_mb(SHORT_S, resolution, context.options.engine)
    long = peak_rss_mb(long_s, resolution, context.options.engine)
    return {"resolution": resolution, "short_s": SHORT_S, "long_s": long_s, "short_peak_rss_mb": round(short, 1),
            "long_peak_rss_mb": round(long, 1), "ratio": round(long / short, 4),
            "per_frame_kb": round((long - short) * 1024 / ((long_s - SHORT_S) * fps), 3),
            "flat": long / short <= 1.05, "load_average": [round(x, 2) for x in os.getloadavg()]}


SECTION = BenchSection("memory", "peak RSS of a 600 s render vs a 10 s one (flat: ratio within 5 %)", run)
