"""A job from end to end: plan (optional) → compile → render → encode → report.

These functions are what the CLI, the benchmark and batch execution call; they take typed values
and return a :class:`RunReport`, and raise only the project's one-line errors for user mistakes.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from engine_bridge import Engine, EngineInfo, make_engine
from pipeline.encode import EncodeSettings, check_output_path, container_of, encoding_report
from pipeline.errors import EncodeError, PipelineError, WorldCheckError
from pipeline.ffmpeg_tool import ffmpeg_exe, ffmpeg_version
from pipeline.metrics import static_pairs_from_timeline, video_metrics
from pipeline.passes import passes_dir
from pipeline.planners.base import PlanResult
from pipeline.previews import PreviewCollector, preview_paths
from pipeline.render import ProgressFn, RenderStats, render_to_video
from pipeline.report import PlanInfo, RunReport, StageTimes, peak_rss_mb, write_json
from pipeline.run.outputs import Staging, run_outputs
from pipeline.sound import SAMPLE_RATE, ambience_kind, write_soundtrack
from scenes import SceneScript, Timeline, compile_script, script_hash
from scenes.check import CheckReport, check_timeline


def project_version() -> str:
    """The installed enginereel version."""
    try:
        return version("enginereel")
    except PackageNotFoundError:
        return "0+unknown"


@dataclass(frozen=True)
class RenderOptions:
    """Where and how to render: engine name and options, encoding settings (made by
    :meth:`pipeline.run.options.RunOptions.render_options`, checked there)."""

    engine: str = "panda3d"
    engine_options: tuple[tuple[str, object], ...] = ()
    encode: EncodeSettings = EncodeSettings()
    audio: bool = True  # a soundtrack from collisions and footsteps (see pipeline.sound)
    ambience: bool = True  # plus the setting's ambience bed
    previews: bool = True  # contact sheet, poster and animation beside the video
    metrics: bool = False  # decode the result and measure flicker/warping/SSIM (about as slow as a 720p render)
    passes: tuple[str, ...] = ()  # ground-truth passes to write beside the video (pipeline/passes.py)
    strict: bool = False  # refuse a plan that fails the world check
    look: str = "default"  # render quality tier: fast, default or quality (recorded in the report)
    render_processes: int | None = None  # engine processes drawing the frames; None: chosen by own_engine


MIN_PARALLEL_FRAMES = 180
"""Below this a second engine's start (≈ 1–2 s: the world, the environment's prefilter) costs more than it saves."""
PARALLEL_ENGINES = ("panda3d", "panda", "embedded")


def own_engine(options: RenderOptions, timeline: Timeline) -> Engine:
    """The engine a render makes for itself: by default, on two or more cores and for the embedded engine without
    passes, two engine processes with the cores' rasteriser threads shared between them
    (:class:`engine_bridge.parallel.ParallelEngine`: on two cores 1.2–1.4× the frames of one engine, whose main
    thread and rasterisers take turns), started here on ``timeline`` so they open it while the caller checks the
    world; otherwise one engine in this process, not yet open."""
    processes = options.render_processes
    if processes is None:
        auto = options.engine in PARALLEL_ENGINES and not options.passes and len(timeline) >= MIN_PARALLEL_FRAMES
        processes = min(2, os.cpu_count() or 1) if auto else 1
    if processes <= 1:
        return make_engine(options.engine, **dict(options.engine_options))
    from engine_bridge.parallel import ParallelEngine

    threads = max(1, (os.cpu_count() or 1) // processes) if options.engine in PARALLEL_ENGINES else None
    engine = ParallelEngine(options.engine, processes, threads, **dict(options.engine_options))
    engine.start(timeline)
    return engine


def render_script(
    script: SceneScript,
    output: Path,
    options: RenderOptions = RenderOptions(),
    plan: PlanResult | None = None,
    plan_seconds: float = 0.0,
    progress: ProgressFn | None = None,
    engine: Engine | None = None,
    inputs: Sequence[Path] = (),
) -> RunReport:
    """Compile and render ``script`` to ``output`` and write ``output.json`` beside it.

    Every output is checked first (:func:`pipeline.run.outputs.run_outputs`: distinct, not one of
    ``inputs``, not a special file), made under a staged name and published together with its report
    (:class:`pipeline.run.outputs.Staging`). ``engine`` is an engine to reuse (batch workers keep theirs
    open across jobs; it is left open); by default a new one is made from ``options`` and closed at the end.
    """
    t_start = time.perf_counter()
    outputs = run_outputs(output, previews=options.previews, passes=bool(options.passes), inputs=inputs)
    check_output_path(output)
    suffix = container_of(output)
    if suffix is not None and suffix != options.encode.container:
        raise EncodeError(f"{output}: a .{suffix} file cannot hold the {options.encode.container} container; "
                          f"name it .{options.encode.container} or choose --container {suffix}")
    with Staging(outputs).run() as staging:
        try:
            report = render_staged(script, staging, options, plan, plan_seconds, progress, engine, t_start)
        except PipelineError as exc:  # the user asked for OUTPUT: name it, not the hidden staged file
            raise type(exc)(str(exc).replace(str(staging.video), str(output))) from None
        staging.publish()
    return report


def render_staged(script: SceneScript, staging: Staging, options: RenderOptions, plan: PlanResult | None,
                  plan_seconds: float, progress: ProgressFn | None, engine: Engine | None,
                  t_start: float) -> RunReport:
    """The render of :func:`render_script` into ``staging``'s names; the report names the final paths."""
    output = staging.outputs.video
    t0 = time.perf_counter()
    timeline = compile_script(script)
    t_compile = time.perf_counter() - t0
    wav = output.with_name(f".{output.name}.wav")
    own = engine is None
    engine = engine if engine is not None else own_engine(options, timeline)  # processes start during the check
    try:
        world_check = check_timeline(timeline)
        if options.strict and not world_check.passed:
            raise WorldCheckError(strict_refusal(output, world_check))
        return_freed_memory()  # the check's whole-video arrays are gone: give their pages back before the engine starts
        soundtrack = write_soundtrack(timeline, wav, ambience=options.ambience) if options.audio else None
        previews = PreviewCollector(timeline) if options.previews else None
        stats = render_to_video(timeline, engine, staging.video, options.encode, progress=progress,
                                audio=soundtrack, sink=previews, passes=options.passes)
        info = engine.info
    finally:
        if own:
            engine.close()
        wav.unlink(missing_ok=True)
    try:
        if previews is not None:
            previews.write(staging.video)
        metrics = video_metrics(staging.video, static=static_pairs_from_timeline(timeline)) if options.metrics else None
        total = time.perf_counter() - t_start + plan_seconds
        shown = {k: str(v) for k, v in vars(preview_paths(output)).items()} if previews is not None else {}
        report = build_report(script, output, options, stats, info, t_compile, total, plan, plan_seconds,
                              audio=audio_report(timeline, options) if soundtrack else None,
                              previews=shown or None, metrics=metrics, world_check=world_check)
        write_json(staging.report, report)
    except OSError as exc:
        raise PipelineError(f"{exc.filename or staging.video}: {exc.strerror or exc}; nothing was published: "
                            f"{output} and its report are as they were") from None
    return report


def engine_report(info: EngineInfo) -> dict[str, str]:
    """The run report's ``engine``: name, renderer, version and, for a software rasteriser, its thread count."""
    out = {"name": info.name, "renderer": info.renderer, "version": info.version}
    if info.raster_threads is not None:
        out["raster_threads"] = str(info.raster_threads)
    if info.processes > 1:
        out["processes"] = str(info.processes)
    return out


def return_freed_memory() -> None:
    """Hand freed heap pages back to the OS (glibc ``malloc_trim``; a no-op elsewhere).

    The compile and the world check allocate and free arrays proportional to the video's length; glibc keeps
    most of those pages in the process, so the render's peak would carry them and grow with the video.
    """
    import ctypes
    import ctypes.util

    with contextlib.suppress(OSError, AttributeError, TypeError):
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


def strict_refusal(output: Path, report: CheckReport) -> str:
    """The one line that refuses a strict run: how many findings, the first one, and what to do."""
    findings = report.findings
    more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
    return (f"{output}: not rendered: the world check failed: {findings[0]}{more}; run `enginereel check` on the "
            "script to see every finding, fix the script, or render without --strict")


def audio_report(timeline: Timeline, options: RenderOptions) -> dict[str, Any]:
    """The report's ``audio`` section for a soundtrack made from ``timeline``."""
    return {"codec": options.encode.audio_codec, "sample_rate": SAMPLE_RATE, "impacts": len(timeline.collisions),
            "footsteps": len(timeline.footsteps), "ambience": ambience_kind(timeline) if options.ambience else None}


def build_report(
    script: SceneScript,
    output: Path,
    options: RenderOptions,
    stats: RenderStats,
    info: EngineInfo,
    compile_seconds: float,
    total_seconds: float,
    plan: PlanResult | None = None,
    plan_seconds: float = 0.0,
    audio: dict[str, Any] | None = None,
    previews: dict[str, str] | None = None,
    metrics: Any = None,
    world_check: CheckReport | None = None,
) -> RunReport:
    """The run report of one finished render (also used for chunked renders, with their stats summed)."""
    t_compile, total = compile_seconds, total_seconds
    frames = stats.frames
    report = RunReport(
        enginereel_version=project_version(),
        output=str(output),
        prompt=plan.script.prompt if plan else (script.prompt or None),
        plan=PlanInfo(planner=plan.planner, ignored_words=plan.ignored_words, notes=plan.notes,
                      substitutions=plan.substitutions, model=plan.model,
                      tries=plan.tries, usage=plan.usage, latency_s=plan.latency_s) if plan else None,
        script_hash=script_hash(script),
        seed=script.seed,
        frames=frames,
        fps=script.fps,
        duration_s=frames / script.fps,
        resolution=str(script.resolution),
        stages=StageTimes(plan=plan_seconds, compile=t_compile, engine_open=stats.engine_open_s,
                          render=stats.render_s, encode=stats.encode_s, total=total),
        render_fps=frames / stats.render_s if stats.render_s else 0.0,
        encode_fps=frames / stats.encode_s if stats.encode_s else 0.0,
        end_to_end_fps=frames / total if total else 0.0,
        realtime_factor=(frames / script.fps) / total if total else 0.0,
        peak_rss_mb=round(peak_rss_mb(), 1),
        peak_rss_ffmpeg_mb=round(stats.ffmpeg_peak_rss_mb, 1) if stats.ffmpeg_peak_rss_mb else None,
        ffmpeg={"path": ffmpeg_exe(), "version": ffmpeg_version()},
        engine=engine_report(info),
        encoding=encoding_report(options.encode),
        audio=audio,
        previews=previews,
        metrics=metrics,
        look=options.look,
        strict=options.strict,
        world_check=world_check,
        extra={"passes": str(passes_dir(output)), "passes_written": list(options.passes)} if options.passes else {},
    )
    return report
