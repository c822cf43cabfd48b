"""One long video rendered as K contiguous frame ranges in parallel, joined without re-encoding.

This works because a timeline is random access and deterministic: frame ``i`` is a pure function of
the script, so a worker can start at any frame. Each chunk is encoded as its own segment with
:class:`pipeline.encode.Encoder` (through :func:`pipeline.render.render_to_video` with ``frames=``)
and the segments are joined with :func:`pipeline.encode.concat_segments` (stream copy).

The joined file holds exactly the frames a sequential render holds; with a lossy codec the *encoded*
bits differ (each segment starts its own group of pictures), with a lossless one (``crf=0``) the
decoded pixels are identical.
"""

from __future__ import annotations

import itertools
import os
import shutil
import time
from concurrent.futures import Future, wait
from dataclasses import dataclass
from pathlib import Path

from engine_bridge import EngineInfo
from pipeline.encode import check_output_path, concat_segments, mux_audio
from pipeline.errors import PipelineError, WorldCheckError
from pipeline.executors import Executor, LocalExecutor, drop_worker_engine, worker_engine
from pipeline.jobs import RenderOptions, audio_report, build_report, strict_refusal
from pipeline.metrics import static_pairs_from_timeline, video_metrics
from pipeline.render import ProgressFn, RenderStats, render_to_video
from pipeline.report import RunReport, write_json
from pipeline.run.outputs import Staging, run_outputs
from pipeline.sound import write_soundtrack
from scenes import SceneScript, compile_script

MIN_CHUNK_FRAMES = 60  # below this a chunk's engine start costs more than the frames it saves


def split_frames(total: int, chunks: int) -> list[range]:
    """``total`` frames as at most ``chunks`` contiguous, non-empty ranges of near-equal length, in order."""
    if total < 1:
        raise PipelineError("nothing to render: the video has no frames")
    if chunks < 1:
        raise PipelineError(f"--chunks must be at least 1, not {chunks}")
    k = min(chunks, total)
    bounds = [total * i // k for i in range(k + 1)]
    return [range(a, b) for a, b in itertools.pairwise(bounds)]


@dataclass(frozen=True)
class ChunkResult:
    """What one chunk task reports back (small and picklable: no frames travel)."""

    frames: range
    segment: str
    stats: RenderStats
    engine: EngineInfo
    compile_s: float


def render_chunk(script: SceneScript, options: RenderOptions, frames: range, segment: str) -> ChunkResult:
    """Render ``frames`` of ``script`` into the video ``segment`` (a task: runs in a worker process)."""
    t0 = time.perf_counter()
    timeline = compile_script(script)
    compile_s = time.perf_counter() - t0
    engine = worker_engine(options.engine, options.engine_options)
    try:
        stats = render_to_video(timeline, engine, Path(segment), options.encode, frames=frames)
    except BaseException:
        drop_worker_engine(options.engine, options.engine_options)
        raise
    return ChunkResult(frames, segment, stats, engine.info, compile_s)


def segment_dir(output: Path) -> Path:
    """The hidden folder beside ``output`` that holds its segments while they are made."""
    return output.with_name(f".{output.name}.chunks")


def segment_paths(output: Path, ranges: list[range]) -> list[Path]:
    """One segment file per range, in the output's container."""
    folder = segment_dir(output)
    return [folder / f"seg-{i:04d}{output.suffix or '.mp4'}" for i in range(len(ranges))]


def join_chunks(
    script: SceneScript, output: Path, options: RenderOptions, results: list[ChunkResult], wall_seconds: float,
    staging: Staging | None = None,
) -> RunReport:
    """Join the segments of ``results`` (in frame order) into ``output``, add the soundtrack, write the report.

    The soundtrack is made from the whole timeline and muxed once after the join (video stream copied), so
    it has no seams. Previews (contact sheet, poster, animation) need every frame in one process and are
    not made for chunked renders. The video and report are staged and published together (``staging``: the
    caller's, else one made here).
    """
    if staging is None:
        with Staging(run_outputs(output, previews=False)).run() as own:
            report = join_chunks(script, output, options, results, wall_seconds, own)
            own.publish()
        return report
    results = sorted(results, key=lambda r: r.frames.start)
    t0 = time.perf_counter()
    timeline = compile_script(script)
    joined = segment_dir(output) / f"joined{output.suffix or '.mp4'}"
    wav = segment_dir(output) / "soundtrack.wav"
    concat_segments([Path(r.segment) for r in results], joined)
    soundtrack = write_soundtrack(timeline, wav, ambience=options.ambience) if options.audio else None
    if soundtrack is not None:
        mux_audio(joined, soundtrack, staging.video, options.encode)
    else:
        os.replace(joined, staging.video)
    metrics = video_metrics(staging.video, static=static_pairs_from_timeline(timeline)) if options.metrics else None
    join_s = time.perf_counter() - t0
    frames = sum(len(r.frames) for r in results)
    # Stage times are summed over chunks (work done); the total is wall-clock time.
    rss = [r.stats.ffmpeg_peak_rss_mb for r in results if r.stats.ffmpeg_peak_rss_mb]
    stats = RenderStats(
        frames=frames,
        engine_open_s=sum(r.stats.engine_open_s for r in results),
        render_s=sum(r.stats.render_s for r in results),
        encode_s=sum(r.stats.encode_s for r in results) + join_s,
        wall_s=wall_seconds + join_s,
        ffmpeg_peak_rss_mb=max(rss) if rss else None,
    )
    report = build_report(script, output, options, stats, results[0].engine,
                          sum(r.compile_s for r in results), wall_seconds + join_s,
                          audio=audio_report(timeline, options) if soundtrack else None, metrics=metrics)
    report.extra["chunks"] = [{"start": r.frames.start, "stop": r.frames.stop, "render_s": round(r.stats.render_s, 3),
                               "wall_s": round(r.stats.wall_s, 3)} for r in results]
    write_json(staging.report, report)
    return report


def render_chunked(
    script: SceneScript,
    output: Path,
    options: RenderOptions = RenderOptions(),
    chunks: int = 2,
    executor: Executor | None = None,
    progress: ProgressFn | None = None,
) -> RunReport:
    """Render ``script`` to ``output`` as ``chunks`` segments in parallel, then join them (``render --chunks``).

    Runs on ``executor`` (default: a local pool with one process per chunk). Nothing appears under
    ``output`` until the join succeeded; the segments are removed either way.
    """
    t_start = time.perf_counter()
    output = Path(output)
    outputs = run_outputs(output, previews=False)
    check_output_path(output)
    if options.strict:  # refuse before any chunk starts, as a whole render would
        from scenes.check import check_timeline

        world_check = check_timeline(compile_script(script))
        if not world_check.passed:
            raise WorldCheckError(strict_refusal(output, world_check))
    ranges = split_frames(script.frame_count, chunks)
    segments = segment_paths(output, ranges)
    folder = segment_dir(output)
    own = executor is None
    with Staging(outputs).run() as staging:
        shutil.rmtree(folder, ignore_errors=True)  # leftovers of a killed run (under the output's lock)
        folder.mkdir()
        pool: Executor = executor if executor is not None else LocalExecutor(len(ranges))
        try:
            futures: list[Future[ChunkResult]] = [
                pool.submit(render_chunk, script, options, r, str(s)) for r, s in zip(ranges, segments, strict=True)
            ]
            results = collect(futures, script.frame_count, progress)
            report = join_chunks(script, output, options, results, time.perf_counter() - t_start, staging)
            staging.publish()
            return report
        except BaseException:
            if own:
                pool.terminate()
            raise
        finally:
            if own:
                pool.close()
            shutil.rmtree(folder, ignore_errors=True)


def collect(futures: list[Future[ChunkResult]], total: int, progress: ProgressFn | None) -> list[ChunkResult]:
    """Wait for every chunk, reporting frames done as chunks finish; the first failure is raised."""
    done_frames = 0
    pending = set(futures)
    while pending:
        finished, pending = wait(pending, return_when="FIRST_COMPLETED")
        for fut in finished:
            result = fut.result()  # raises the chunk's error (pending chunks are cancelled by the caller)
            done_frames += len(result.frames)
            if progress is not None:
                progress(done_frames, total)
    return [f.result() for f in futures]


