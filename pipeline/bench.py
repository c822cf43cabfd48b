"""``enginereel bench``: render-only, encode-only and end-to-end speed on a fixed reference scene."""

from __future__ import annotations

import os
import platform
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

from engine_bridge import make_engine
from pipeline.encode import Encoder
from pipeline.ffmpeg_tool import ffmpeg_version
from pipeline.jobs import RenderOptions, project_version, render_script
from pipeline.report import peak_rss_mb
from scenes import SceneScript, compile_script, loads_script
from scenes.script import Resolution

ENCODE_SAMPLE_FRAMES = 30  # distinct frames cycled through the encode-only test (memory stays bounded)


def reference_script() -> SceneScript:
    """The project's reference scene (``scenes/examples/reference.yaml``)."""
    text = resources.files("scenes").joinpath("examples", "reference.yaml").read_text()
    return loads_script(text, "scenes/examples/reference.yaml")


def run_bench(
    script_path: Path | None = None,
    duration: float | None = None,
    resolution: Resolution | None = None,
    engine: str = "panda3d",
) -> dict[str, Any]:
    """Measure the three speeds and return them as a JSON-ready dict."""
    from scenes import load_script

    script = load_script(script_path) if script_path else reference_script()
    changes: dict[str, Any] = {}
    if duration is not None:
        changes["duration"] = duration
    if resolution is not None:
        changes["resolution"] = resolution
    if changes:
        script = SceneScript.model_validate(script.model_dump(by_alias=True) | changes)
    t0 = time.perf_counter()
    timeline = compile_script(script)  # motion, physics, character poses and camera, baked
    compile_s = time.perf_counter() - t0
    n = len(timeline)
    res = script.resolution

    # Render only: frames are drawn and read back, then dropped.
    samples = []
    with make_engine(engine) as eng:
        eng.open(timeline)
        eng.render(timeline.frame(0))  # warm-up: shader compile and first upload
        t0 = time.perf_counter()
        for i in range(n):
            img = eng.render(timeline.frame(i))
            if len(samples) < ENCODE_SAMPLE_FRAMES:
                samples.append(img)
        render_s = time.perf_counter() - t0
        info = eng.info

    with tempfile.TemporaryDirectory(prefix="enginereel-bench-") as tmp:
        # Encode only: the sampled frames, cycled, through the default H.264 settings.
        t0 = time.perf_counter()
        with Encoder(Path(tmp) / "encode.mp4", res.width, res.height, script.fps) as enc:
            for i in range(n):
                enc.write(samples[i % len(samples)])
        encode_s = time.perf_counter() - t0
        # End to end, as `enginereel render` does it.
        report = render_script(script, Path(tmp) / "e2e.mp4", RenderOptions(engine=engine))

    return {
        "scene": str(script_path) if script_path else "reference",
        "frames": n,
        "duration_s": script.duration,
        "resolution": str(res),
        "fps": script.fps,
        "compile_s": round(compile_s, 3),
        "foot_slide_max_m": {aid: round(timeline.foot_metrics(aid).max_slide, 4) for aid in timeline.poses},
        "render_only_fps": round(n / render_s, 2),
        "encode_only_fps": round(n / encode_s, 2),
        "end_to_end_fps": round(report.end_to_end_fps, 2),
        "realtime_factor": round(report.realtime_factor, 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "peak_rss_ffmpeg_mb": report.peak_rss_ffmpeg_mb,
        "engine": {"name": info.name, "renderer": info.renderer, "version": info.version},
        "ffmpeg": ffmpeg_version(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "enginereel_version": project_version(),
    }
