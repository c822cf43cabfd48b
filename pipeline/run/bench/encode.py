"""``enginereel bench --section encode``: the encoder preset study behind the default H.264 settings.

The same rendered frames (the reference scene and one other example, 10 s each at 720p; ``--quick``: 2 s) go
through each candidate's encoder settings, as ``enginereel render`` feeds them (the real :class:`Encoder`,
its pipe and threads). Each candidate is timed in two rounds in both orders (ffmpeg's CPU time is the figure
that other processes' load disturbs least), and its output is compared, frame by frame (luma SSIM, every third
frame), with the previous default's output and with the rendered frames themselves. A faster default is
allowed only if its SSIM against the previous default is at least :data:`MIN_SSIM` and its file at most
:data:`MAX_SIZE_RATIO` times as large.
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.run.bench import BenchContext, BenchSection

MIN_SSIM = 0.98
MAX_SIZE_RATIO = 1.25
STUDY_SCENES = ("reference.yaml", "park_walk_sunset.yaml")  # scenes/examples/: the orbit, and people in a park
SSIM_STEP = 3
ROUNDS = 2


def candidates() -> dict[str, Any]:
    """The settings compared, by name; the first is the baseline (the default before the study)."""
    from pipeline.encode import EncodeSettings

    plain = {"x264-params": "mbtree=0:rc-lookahead=0"}  # x264's own superfast, without our tuning
    return {
        "veryfast (default until 2026-12)": EncodeSettings(preset="veryfast"),
        "superfast + mbtree (default)": EncodeSettings(),
        "superfast": EncodeSettings(preset="superfast", extra=plain),
        "superfast crf 22": EncodeSettings(preset="superfast", crf=22, extra=plain),
        "ultrafast": EncodeSettings(preset="ultrafast"),
        "faster": EncodeSettings(preset="faster"),
    }


def _child_cpu_s() -> float:
    """CPU seconds of this process's reaped children (each ffmpeg, once the encoder has waited for it)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _raw_frames(path: Path, width: int, height: int) -> Iterator[np.ndarray]:
    """The rendered frames back from the raw file, one at a time (memory stays flat)."""
    size = width * height * 3
    with path.open("rb") as f:
        while len(buf := f.read(size)) == size:
            yield np.frombuffer(buf, np.uint8).reshape(height, width, 3)


def example(name: str) -> Path:
    """The path of an example scene shipped in ``scenes/examples/``."""
    import scenes

    return Path(scenes.__file__).parent / "examples" / name


def render_raw(scene: Path, frames: int, path: Path) -> tuple[int, int, int]:
    """Render the first ``frames`` frames of ``scene`` (its resolution, default look) to a raw RGB file;
    returns (frames, width, height)."""
    from engine_bridge import make_engine
    from scenes import compile_script, load_script

    timeline = compile_script(load_script(scene))
    res = timeline.script.resolution
    n = min(frames, len(timeline))
    with make_engine("panda3d") as eng, path.open("wb") as f:
        eng.open(timeline)
        for i in range(n):
            f.write(eng.render(timeline.frame(i)).tobytes())
    return n, res.width, res.height


def encode_raw(raw: Path, size: tuple[int, int], settings: Any, out: Path) -> tuple[float, float]:
    """Encode the raw frames with ``settings`` through the render loop's encoder; (ffmpeg CPU s, wall s)."""
    from pipeline.encode import Encoder

    width, height = size
    cpu0, t0 = _child_cpu_s(), time.perf_counter()
    with Encoder(out, width, height, 30, settings) as enc:
        for frame in _raw_frames(raw, width, height):
            enc.write(frame)
    return _child_cpu_s() - cpu0, time.perf_counter() - t0


def study_scene(scene: Path, frames: int, tmp: Path) -> dict[str, Any]:
    """Every candidate on one scene: CPU and wall time per frame, size and SSIM against the baseline and source."""
    from pipeline.encode import read_frames
    from pipeline.metrics import ssim_against

    raw = tmp / "frames.rgb"
    n, width, height = render_raw(scene, frames, raw)
    settings = candidates()
    cpu: dict[str, list[float]] = {name: [] for name in settings}
    wall: dict[str, list[float]] = {name: [] for name in settings}
    outs = {name: tmp / f"c{k}.{s.container}" for k, (name, s) in enumerate(settings.items())}
    for r in range(ROUNDS):
        for name in list(settings) if r % 2 == 0 else list(settings)[::-1]:
            c, w = encode_raw(raw, (width, height), settings[name], outs[name])
            cpu[name].append(c)
            wall[name].append(w)
    base = next(iter(settings))
    base_cpu, base_size = float(np.median(cpu[base])), outs[base].stat().st_size
    rows: dict[str, Any] = {}
    for name, s in settings.items():
        size = outs[name].stat().st_size
        vs_base = ssim_against(read_frames(outs[name], width, height), read_frames(outs[base], width, height),
                               SSIM_STEP)
        vs_source = ssim_against(read_frames(outs[name], width, height), _raw_frames(raw, width, height), SSIM_STEP)
        rows[name] = {
            "preset": s.preset, "crf": s.crf, "x264_params": s.extra.get("x264-params"),
            "ffmpeg_cpu_ms_per_frame": round(float(np.median(cpu[name])) / n * 1000, 2),
            "cpu_ratio": round(float(np.median(cpu[name])) / base_cpu, 3),
            "encode_fps": round(n / float(np.median(wall[name])), 1),
            "size_kb": size // 1024, "size_ratio": round(size / base_size, 3),
            "ssim_vs_baseline": round(vs_base["ssim"], 4), "ssim_vs_baseline_min": round(vs_base["ssim_min"], 4),
            "ssim_vs_rendered": round(vs_source["ssim"], 4),
            "allowed": bool(vs_base["ssim"] >= MIN_SSIM and size / base_size <= MAX_SIZE_RATIO),
        }
    return {"scene": str(scene), "frames": n, "resolution": f"{width}x{height}", "candidates": rows}


def run(context: BenchContext) -> dict[str, Any]:
    """The study on :data:`STUDY_SCENES` (or ``--script``), 300 frames each (``--quick``: 60)."""
    frames = 60 if context.quick else 300
    scenes = [context.script_path] if context.script_path is not None else [example(s) for s in STUDY_SCENES]
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="enginereel-bench-encode-") as tmp:
        results = []
        for k, scene in enumerate(scenes):
            folder = Path(tmp) / str(k)
            folder.mkdir()
            results.append(study_scene(scene, frames, folder))
    return {"section": "encode", "rule": f"SSIM >= {MIN_SSIM} against the baseline at size <= {MAX_SIZE_RATIO}x",
            "ssim_every": SSIM_STEP, "rounds": ROUNDS, "scenes": results,
            "load_average": {"start": [round(x, 2) for x in load_start],
                             "end": [round(x, 2) for x in os.getloadavg()]}}


SECTION = BenchSection("encode", "encoder preset study: ffmpeg CPU per frame, file size and SSIM of each candidate "
                                 "against the previous default (veryfast) on two example scenes", run)
