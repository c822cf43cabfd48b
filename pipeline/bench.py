"""``enginereel bench``: render-only, encode-only and end-to-end speed on a fixed reference scene."""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from engine_bridge import EngineError, make_engine
from pipeline.encode import Encoder
from pipeline.errors import PipelineError
from pipeline.ffmpeg_tool import ffmpeg_version
from pipeline.jobs import RenderOptions, engine_report, project_version, render_script
from pipeline.render import render_to_video
from pipeline.report import peak_rss_mb
from pipeline.run.options import RunOptions, apply_script_overrides
from scenes import SceneScript, Timeline, compile_script, loads_script
from scenes.script import Resolution

ENCODE_SAMPLE_FRAMES = 30  # distinct frames cycled through the encode-only test (memory stays bounded)
PASS_SAMPLE_FRAMES = 30  # frames per variant and round in the per-pass bench
BENCH_ROUNDS = 3
ENGINE_PASSES = ("depth", "mask", "normals", "flow")


def reference_script() -> SceneScript:
    """The project's reference scene (``scenes/examples/reference.yaml``)."""
    text = resources.files("scenes").joinpath("examples", "reference.yaml").read_text()
    return loads_script(text, "scenes/examples/reference.yaml")


def bench_script(script_path: Path | None, duration: float | None, resolution: Resolution | None) -> SceneScript:
    """The scene to bench (the reference scene by default) with the requested length and size."""
    from scenes import load_script

    script = load_script(script_path) if script_path else reference_script()
    return apply_script_overrides(script, RunOptions(duration=duration, resolution=resolution),
                                  str(script_path or "the reference scene"))


@contextmanager
def embedded_unrealcv_server() -> Iterator[tuple[str, int]]:
    """`enginereel serve` on a free loopback port in its own process (as a game would be); yields (host, port)."""
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--port", "0"], cwd=root,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        match = re.search(r"listening on ([\d.]+):(\d+)", line)
        if match is None:
            raise PipelineError(f"enginereel serve did not start: {line.strip() or 'no output'}")
        yield match.group(1), int(match.group(2))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run_protocol_bench(script_path: Path | None = None, duration: float | None = None,
                       resolution: Resolution | None = None, rounds: int = 6) -> dict[str, Any]:
    """Render-only speed direct in the embedded engine vs through the UnrealCV protocol (Unreal backend →
    `enginereel serve` in another process → the same embedded engine); the difference is the protocol's cost.
    Both engines stay open and take turns on slices of the video, so load from other processes hits both alike."""
    script = bench_script(script_path, duration, resolution)
    timeline = compile_script(script)
    n = len(timeline)
    slices = [range(n * k // rounds, n * (k + 1) // rounds) for k in range(rounds)]
    seconds = {"direct": 0.0, "protocol": 0.0}
    with embedded_unrealcv_server() as (host, port), make_engine("panda3d") as direct, \
            make_engine("unreal", host=host, port=port) as protocol:
        engines = {"direct": direct, "protocol": protocol}
        for engine in engines.values():
            engine.open(timeline)
            engine.render(timeline.frame(0))  # warm-up: shader compile, first upload, the server's world
        for frames in slices:
            for name, engine in engines.items():
                t0 = time.perf_counter()
                for i in frames:
                    engine.render(timeline.frame(i))
                seconds[name] += time.perf_counter() - t0
    direct_fps, protocol_fps = n / seconds["direct"], n / seconds["protocol"]
    return {
        "scene": str(script_path) if script_path else "reference",
        "frames": n,
        "resolution": str(script.resolution),
        "direct_render_fps": round(direct_fps, 2),
        "protocol_render_fps": round(protocol_fps, 2),
        "protocol_vs_direct": round(protocol_fps / direct_fps, 3),
        "path": "UnrealEngine → unrealcv.Client → TCP loopback → enginereel serve → PandaEngine → PNG",
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
    }


def run_bench(
    script_path: Path | None = None,
    duration: float | None = None,
    resolution: Resolution | None = None,
    engine: str = "panda3d",
    passes: bool = True,
    pass_frames: int = PASS_SAMPLE_FRAMES,
    look: str = "default",
) -> dict[str, Any]:
    """Measure the three speeds (and, with ``passes``, render-only speed per pass at 720p and 1080p) as a dict,
    with the embedded engine in ``look``."""
    engine_options = RunOptions(engine=engine, look=look).engine_options()
    load_start = os.getloadavg()
    script = bench_script(script_path, duration, resolution)
    t0 = time.perf_counter()
    timeline = compile_script(script)  # motion, physics, character poses and camera, baked
    compile_s = time.perf_counter() - t0
    n = len(timeline)
    res = script.resolution

    # Render only: frames are drawn and read back, then dropped.
    samples = []
    with make_engine(engine, **dict(engine_options)) as eng:
        eng.open(timeline)
        eng.render(timeline.frame(0))  # warm-up: shader compile and first upload
        t0, cpu0 = time.perf_counter(), time.process_time()
        for i in range(n):
            img = eng.render(timeline.frame(i))
            if len(samples) < ENCODE_SAMPLE_FRAMES:
                samples.append(img)
        render_s, render_cpu = time.perf_counter() - t0, time.process_time() - cpu0
        info = eng.info

    parallel_fps = parallel_render_fps(timeline, engine, engine_options)

    with tempfile.TemporaryDirectory(prefix="enginereel-bench-") as tmp:
        # Encode only: the sampled frames, cycled, through the default H.264 settings.
        t0, cpu0 = time.perf_counter(), children_cpu_seconds()
        with Encoder(Path(tmp) / "encode.mp4", res.width, res.height, script.fps) as enc:
            for i in range(n):
                enc.write(samples[i % len(samples)])
        encode_s, encode_cpu = time.perf_counter() - t0, children_cpu_seconds() - cpu0  # ffmpeg, reaped by close
        # End to end, as `enginereel render` does it.
        t0, cpu0 = time.perf_counter(), cpu_seconds()
        report = render_script(script, Path(tmp) / "e2e.mp4",
                               RenderOptions(engine=engine, engine_options=engine_options, look=look))
        e2e_s, e2e_cpu = time.perf_counter() - t0, cpu_seconds() - cpu0

        overlap = bench_overlap(timeline, engine, engine_options, samples, Path(tmp))

    render_fps, encode_fps = n / render_s, n / encode_s
    serial_fps = 1.0 / (1.0 / render_fps + 1.0 / encode_fps)  # render and encode one after the other
    result = {
        "scene": str(script_path) if script_path else "reference",
        "frames": n,
        "duration_s": script.duration,
        "resolution": str(res),
        "fps": script.fps,
        "look": look,
        "compile_s": round(compile_s, 3),
        "foot_slide_max_m": {aid: round(timeline.foot_metrics(aid).max_slide, 4) for aid in timeline.poses},
        "render_only_fps": round(render_fps, 2),
        "render_only_parallel_fps": parallel_fps,  # the end-to-end run's engine processes, drawing only
        "encode_only_fps": round(encode_fps, 2),
        "end_to_end_fps": round(report.end_to_end_fps, 2),
        "realtime_factor": round(report.realtime_factor, 3),
        "serial_bound_fps": round(serial_fps, 2),
        "end_to_end_vs_serial_bound": round(report.end_to_end_fps / serial_fps, 3),
        "overlap": overlap,
        "render_loop_blocked_s": round(report.stages.encode, 2),
        "stages_s": {k: round(v, 2) for k, v in report.stages.model_dump().items()},
        "cpu": cpu_figures(n, cores=os.cpu_count() or 1, render=(render_cpu, render_s),
                           encode=(encode_cpu, encode_s), end_to_end=(e2e_cpu, e2e_s)),
        "encoding": report.encoding,
        "threads": {"llvmpipe": info.raster_threads, "x264": report.encoding.get("threads"),
                    "cores": os.cpu_count()},
        "end_to_end_engine": report.engine,  # its render processes and their rasteriser threads
        "load_average": {"start": [round(x, 2) for x in load_start], "end": [round(x, 2) for x in os.getloadavg()]},
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "peak_rss_ffmpeg_mb": report.peak_rss_ffmpeg_mb,
        "engine": engine_report(info),
        "ffmpeg": ffmpeg_version(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "enginereel_version": project_version(),
    }
    if passes:
        sizes = [resolution] if resolution is not None else [Resolution(width=1280, height=720),
                                                              Resolution(width=1920, height=1080)]
        try:
            result["passes"] = [bench_passes(script, size, engine, pass_frames) for size in sizes]
        except EngineError as exc:  # e.g. the software renderer draws no passes
            result["passes"] = {"error": str(exc)}
    return result


def parallel_render_fps(timeline: Timeline, engine: str,
                        engine_options: tuple[tuple[str, object], ...]) -> dict[str, Any]:
    """Render-only speed of the engine processes a render uses by default (:func:`pipeline.jobs.own_engine`), over
    the same frames; ``fps`` is ``None`` where a render would use one engine (measured above)."""
    from engine_bridge.parallel import ParallelEngine
    from pipeline.jobs import RenderOptions, own_engine

    with own_engine(RenderOptions(engine=engine, engine_options=engine_options), timeline) as eng:
        if not isinstance(eng, ParallelEngine):
            return {"fps": None, "processes": 1}
        eng.open(timeline)
        eng.render(timeline.frame(0))
        t0 = time.perf_counter()
        for i in range(len(timeline)):
            eng.render(timeline.frame(i))
        fps = len(timeline) / (time.perf_counter() - t0)
        return {"fps": round(fps, 2), "processes": eng.info.processes, "raster_threads": eng.info.raster_threads}


OVERLAP_ROUNDS = 4


def bench_overlap(timeline: Timeline, engine: str, engine_options: tuple[tuple[str, object], ...],
                  samples: list[np.ndarray], tmp: Path, rounds: int = OVERLAP_ROUNDS) -> dict[str, Any]:
    """Render+encode against the serial bound, interleaved: the video is cut into ``rounds`` slices and each slice
    is rendered only, encoded only (the sampled frames) and rendered into the encoder (the render loop, without
    audio or previews), one right after the other, in turn in both orders. So each slice's ``ratio`` =
    render+encode fps / (1 / (1 / render fps + 1 / encode fps)) compares stages measured under the same load; the
    figure is the median over the slices (above 1: rendering and encoding overlap)."""
    n = len(timeline)
    res = timeline.script.resolution
    ratios, rows = [], []
    with make_engine(engine, **dict(engine_options)) as eng:
        eng.open(timeline)
        eng.render(timeline.frame(0))

        def render_only(frames: range) -> float:
            t0 = time.perf_counter()
            for i in frames:
                eng.render(timeline.frame(i))
            return time.perf_counter() - t0

        def encode_only(frames: range) -> float:
            t0 = time.perf_counter()
            with Encoder(tmp / "overlap-encode.mp4", res.width, res.height, timeline.script.fps) as enc:
                for i in frames:
                    enc.write(samples[i % len(samples)])
            return time.perf_counter() - t0

        def both(frames: range) -> float:
            stats = render_to_video(timeline, eng, tmp / "overlap.mp4", frames=frames)
            return stats.wall_s - stats.engine_open_s  # the world is built again for every call: not the loop's

        stages = {"render": render_only, "encode": encode_only, "render_and_encode": both}
        for k in range(rounds):
            frames = range(n * k // rounds, n * (k + 1) // rounds)
            order = list(stages) if k % 2 == 0 else list(stages)[::-1]
            fps = {name: len(frames) / stages[name](frames) for name in order}
            serial = 1.0 / (1.0 / fps["render"] + 1.0 / fps["encode"])
            ratios.append(fps["render_and_encode"] / serial)
            rows.append({name: round(v, 2) for name, v in fps.items()} | {"serial_bound": round(serial, 2)})
    return {"slices": rows, "ratio_to_serial_bound": round(float(np.median(ratios)), 3),
            "ratios": [round(r, 3) for r in ratios]}


def bench_passes(script: SceneScript, resolution: Resolution, engine: str, frames: int) -> dict[str, Any]:
    """Render-only speed at ``resolution`` without passes, with each pass alone, and with all of them.

    Each variant draws the same ``frames`` frames (colour + passes + readback, as ``render --passes`` does,
    without writing files); ``ratio`` is its time per frame over the plain render's, measured in one run.
    """
    script = apply_script_overrides(script, RunOptions(resolution=resolution), "the bench scene")
    timeline = compile_script(script)
    n = min(frames, len(timeline))
    variants: list[tuple[str, list[str]]] = [("render", [])] + [(p, [p]) for p in ENGINE_PASSES]
    variants.append(("all", list(ENGINE_PASSES)))
    timings: dict[str, float] = {}
    with make_engine(engine) as eng:
        eng.open(timeline)
        eng.render_with_passes(timeline.frame(0), list(ENGINE_PASSES), timeline.frame(min(1, n - 1)))  # warm-up
        # Interleave the variants over several rounds so background load affects them alike.
        for _ in range(BENCH_ROUNDS):
            for name, wanted in variants:
                t0 = time.perf_counter()
                for i in range(n):
                    if wanted:
                        eng.render_with_passes(timeline.frame(i), wanted,
                                               timeline.frame(i + 1) if i + 1 < len(timeline) else None)
                    else:
                        eng.render(timeline.frame(i))
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
    frames_done = n * BENCH_ROUNDS
    base = timings["render"] / frames_done
    out: dict[str, Any] = {"resolution": str(resolution), "frames": frames_done}
    for name, _ in variants:
        per = timings[name] / frames_done
        out[name] = {"fps": round(1.0 / per, 2), "ms": round(per * 1000, 2), "ratio": round(per / base, 3)}
    return out


CHARACTER_SCENE = "characters.yaml"  # scenes/examples/: four skinned people at 720p
CAPSULE_PERSON = "figurine"  # the stylised capsule-and-ellipsoid person every human was before skinning


def bench_characters(engine: str, frames: int) -> dict[str, Any]:
    """Render-only time per frame of four skinned people against the same scene with capsule people.

    Both timelines are opened in one process and drawn in interleaved rounds (so load hits them alike);
    ``ratio`` is skinned over capsule time per frame (the issue's budget: at most 1.25), ``cpu_ratio`` the same
    over the process's CPU time per frame (the renderer's threads included), which shared cores disturb less.
    """
    text = resources.files("scenes").joinpath("examples", CHARACTER_SCENE).read_text()
    skinned = loads_script(text, f"scenes/examples/{CHARACTER_SCENE}")
    people = {"person", "man", "woman", "child", "elderly"}
    data = skinned.model_dump(by_alias=True)
    for actor in data["actors"]:
        if actor["asset"] in people:
            actor["asset"] = CAPSULE_PERSON
    capsules = SceneScript.model_validate(data)
    variants = {"skinned": compile_script(skinned), "capsules": compile_script(capsules)}
    n = min(frames, *(len(t) for t in variants.values()))
    timings = dict.fromkeys(variants, 0.0)
    cpu = dict.fromkeys(variants, 0.0)  # the process's CPU time (llvmpipe's threads too): steadier under load
    engines = {name: make_engine(engine) for name in variants}
    try:
        for name, eng in engines.items():
            eng.open(variants[name])
            eng.render(variants[name].frame(0))  # warm-up: shader compile and first upload
        for _ in range(BENCH_ROUNDS):
            for name, eng in engines.items():
                tl = variants[name]
                t0, c0 = time.perf_counter(), time.process_time()
                for i in range(n):
                    eng.render(tl.frame(i * (len(tl) - 1) // max(n - 1, 1)))
                timings[name] += time.perf_counter() - t0
                cpu[name] += time.process_time() - c0
    finally:
        for eng in engines.values():
            eng.close()
    per = {name: timings[name] / (n * BENCH_ROUNDS) for name in variants}
    per_cpu = {name: cpu[name] / (n * BENCH_ROUNDS) for name in variants}
    return {"scene": f"scenes/examples/{CHARACTER_SCENE}", "resolution": str(skinned.resolution),
            "frames": n * BENCH_ROUNDS, "skinned_ms": round(per["skinned"] * 1000, 2),
            "capsules_ms": round(per["capsules"] * 1000, 2), "ratio": round(per["skinned"] / per["capsules"], 3),
            "skinned_cpu_ms": round(per_cpu["skinned"] * 1000, 2),
            "capsules_cpu_ms": round(per_cpu["capsules"] * 1000, 2),
            "cpu_ratio": round(per_cpu["skinned"] / per_cpu["capsules"], 3),
            "load": [round(x, 2) for x in os.getloadavg()]}


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

    long_script = bench_script(None, duration, resolution)
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
                resolved = [resolve_job(s, i, RunOptions(engine=engine)) for i, s in enumerate(specs)]
                run = run_batch(resolved, root / f"w{workers}", pool, auto_chunk=False)
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

    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime + children_cpu_seconds()


def children_cpu_seconds() -> float:
    """User + system CPU time of this process's finished, waited-for descendants (each ffmpeg once it exited)."""
    import resource

    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def cpu_figures(frames: int, cores: int, **stages: tuple[float, float]) -> dict[str, Any]:
    """CPU milliseconds per frame and cores in use of each stage (``name=(cpu_s, wall_s)``), and ``cpu_bound_fps``:
    what ``cores`` cores would give if rendering and encoding were packed onto them without a gap. On a shared
    machine, cores in use below ``cores`` is other processes' share (or, end to end, gaps in the overlap)."""
    out: dict[str, Any] = {f"{name}_ms_per_frame": round(cpu / frames * 1000, 2) for name, (cpu, _) in stages.items()}
    out["cores_used"] = {name: round(cpu / wall, 2) for name, (cpu, wall) in stages.items() if wall > 0}
    work = stages["render"][0] + stages["encode"][0]
    out["cpu_bound_fps"] = round(cores * frames / work, 2) if work > 0 else None
    return out


def catalog_scene(count: int = 50, seed: int = 0) -> SceneScript:
    """A scene of ``count`` mixed catalog assets on a grid (a spread over every shelf, drawn from ``seed``)."""
    from scenes.catalog import CATALOG

    names = sorted(n for n in CATALOG if n != "placeholder")
    picks = np.random.default_rng(seed).permutation(len(names))[:count]
    side = int(np.ceil(np.sqrt(count)))
    actors = []
    for k, idx in enumerate(sorted(picks)):
        name = names[idx]
        r, c = divmod(k, side)
        actors.append({"id": f"a{k}", "asset": name, "scale": min(1.0, 3.0 / max(CATALOG[name].size)),
                       "position": [(c - side / 2) * 4.0, (r - side / 2) * 4.0, 0.0]})
    return SceneScript.model_validate({
        "duration": 1.0, "fps": 10, "resolution": {"width": 640, "height": 360}, "actors": actors,
        "camera": {"shots": [{"type": "static", "position": [0.0, -40.0, 25.0], "target": [0.0, 0.0, 0.0]}]},
    })


def run_catalog_bench(count: int = 50, engine: str = "panda3d") -> dict[str, Any]:
    """World building time of a scene of ``count`` mixed assets with the engine already open: the catalog models
    built, the script compiled and the engine's world built (``open`` and the first frame), then built again;
    target under 3 s. The engine's own start (context, shaders: the same for any scene) is timed apart."""
    from scenes.catalog import model

    script = catalog_scene(count)
    t0 = time.perf_counter()
    for a in script.actors:
        model(a.asset)  # the procedural meshes (cached per process, as a render run would have them)
    models_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    timeline = compile_script(script)
    compile_s = time.perf_counter() - t0
    one_box = compile_script(SceneScript.model_validate({"duration": 0.1, "fps": 10, "resolution": "640x360",
                                                         "actors": [{"id": "a", "asset": "box"}]}))
    with make_engine(engine) as eng:
        t0 = time.perf_counter()
        eng.open(one_box)
        eng.render(one_box.frame(0))
        start_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        eng.open(timeline)
        eng.render(timeline.frame(0))
        open_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        eng.open(timeline)
        eng.render(timeline.frame(0))
        again_s = time.perf_counter() - t0
    world_s = models_s + compile_s + open_s
    return {
        "section": "catalog",
        "assets": len(script.actors),
        "distinct_assets": len({a.asset for a in script.actors}),
        "engine_start_s": round(start_s, 3),
        "models_s": round(models_s, 3),
        "compile_s": round(compile_s, 3),
        "open_and_first_frame_s": round(open_s, 3),
        "open_again_s": round(again_s, 3),
        "world_build_s": round(world_s, 3),
        "target_s": 3.0,
        "within_target": world_s < 3.0,
        "load_average": list(os.getloadavg()),
    }
