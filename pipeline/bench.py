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
    timeline = compile_script(script)
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


def run_batch_bench(
    duration: float | None = None,
    resolution: Resolution | None = None,
    engine: str = "panda3d",
    jobs: int = 8,
    job_seconds: float = 2.0,
) -> dict[str, Any]:
    """``bench --batch``: jobs/s of ``jobs`` short jobs with 1 and 2 workers, and the wall time of one long
    video (the reference scene, 60 s unless ``duration``) rendered in 1 and 2 chunks."""
    from pipeline.batch import JobSpec, resolve_job, run_batch
    from pipeline.chunks import render_chunked
    from pipeline.executors import LocalExecutor
    from scenes import save_script

    base = reference_script()
    changes: dict[str, Any] = {"resolution": resolution} if resolution is not None else {}
    long_script = SceneScript.model_validate(base.model_dump(by_alias=True) | changes
                                             | ({"duration": duration} if duration is not None else {}))
    result: dict[str, Any] = {"resolution": str(long_script.resolution), "machine": {"cpus": os.cpu_count()}}
    with tempfile.TemporaryDirectory(prefix="enginereel-bench-batch-") as tmp:
        root = Path(tmp)
        script_file = root / "reference.yaml"
        save_script(long_script, script_file)
        specs = [JobSpec(id=f"seed{s}", script=str(script_file), seed=s, duration=job_seconds) for s in range(jobs)]
        batch: dict[str, Any] = {"jobs": jobs, "job_seconds": job_seconds}
        for workers in (1, 2):
            pool = LocalExecutor(workers)
            cpu0, t0 = cpu_seconds(), time.perf_counter()  # includes starting the workers, as a user's batch does
            try:
                run = run_batch([resolve_job(s, i, engine) for i, s in enumerate(specs)], root / f"w{workers}", pool,
                                auto_chunk=False)
            finally:
                pool.close()  # the workers are reaped here, so their CPU time is counted
            wall = time.perf_counter() - t0
            if not run.ok:
                raise RuntimeError(f"bench batch failed: {[e.error for e in run.entries if e.error]}")
            batch[f"workers_{workers}"] = {"wall_s": round(wall, 2), "jobs_per_s": round(jobs / wall, 3),
                                           "cpu_s": round(cpu_seconds() - cpu0, 2)}
        batch["speedup"] = round(batch["workers_2"]["jobs_per_s"] / batch["workers_1"]["jobs_per_s"], 2)
        long: dict[str, Any] = {"duration_s": long_script.duration, "frames": long_script.frame_count}
        for chunks in (1, 2):
            cpu0, t0 = cpu_seconds(), time.perf_counter()
            render_chunked(long_script, root / f"long{chunks}.mp4", RenderOptions(engine=engine), chunks)
            long[f"chunks_{chunks}"] = {"wall_s": round(time.perf_counter() - t0, 2),
                                        "cpu_s": round(cpu_seconds() - cpu0, 2)}
        long["speedup"] = round(long["chunks_1"]["wall_s"] / long["chunks_2"]["wall_s"], 2)
    # CPU seconds (this process and its reaped workers and ffmpegs) show whether a short speed-up is the work
    # growing or the cores being busy with something else (the load average, sampled at the end).
    result |= {"batch": batch, "long_video": long, "load_average": [round(x, 2) for x in os.getloadavg()],
               "enginereel_version": project_version()}
    return result


def cpu_seconds() -> float:
    """User + system CPU time of this process and of its finished, waited-for descendants."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
