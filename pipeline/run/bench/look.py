"""``enginereel bench --section look``: what each look and each of its features costs, as ratios measured
interleaved in one process (background load on a shared machine then affects every variant alike)."""

from __future__ import annotations

import os
import time
from typing import Any

import numpy as np

from pipeline.run.bench import BenchContext, BenchSection
from scenes import SceneScript, compile_script
from scenes.script import Resolution

LOOK_ROUNDS = 4


def look_variants() -> dict[str, object]:
    """The variants measured: the three looks, the default look without each of its features, and each
    quality-only feature alone on the default look and taken out of the quality look (its cost where it ships)."""
    from engine_bridge.panda.looks import LOOKS, Look, without

    default = LOOKS["default"]
    variants: dict[str, object] = {"fast": LOOKS["fast"], "default": default, "quality": LOOKS["quality"]}
    for feature in ("ENV_SPECULAR", "TONE_AGX", "REFRACT", "materials"):
        variants[f"default without {feature.lower()}"] = without(default, feature)
    quality = LOOKS["quality"]
    for feature, value in quality.defines.items():
        if feature not in default.defines:
            variants[f"default with {feature.lower()}"] = Look(default.defines | {feature: value},
                                                               default.exposure_ev, default.materials)
            variants[f"quality without {feature.lower()}"] = without(quality, feature)
    return variants


def bench_look(script: SceneScript, resolution: Resolution, frames: int, rounds: int = LOOK_ROUNDS) -> dict[str, Any]:
    """Render-only time per frame of every variant at ``resolution`` over ``frames`` frames of ``script``.

    ``ratio`` is a variant's wall time over the default look's (median of the rounds' ratios); ``cpu_ratio`` the
    same for this process's CPU time, which other processes' load disturbs less than the wall clock.
    """
    from engine_bridge.panda.engine import PandaEngine

    script = SceneScript.model_validate(script.model_dump(by_alias=True) | {"resolution": resolution})
    timeline = compile_script(script)
    n = min(frames, len(timeline))
    engines = {}
    for name, look in look_variants().items():
        engine = PandaEngine(look=look)
        engine.open(timeline)
        engine.render(timeline.frame(0))  # shader compile and first upload
        engines[name] = engine
    wall: dict[str, list[float]] = {name: [] for name in engines}
    cpu: dict[str, list[float]] = {name: [] for name in engines}
    load = os.getloadavg()[0]
    try:
        for r in range(rounds):
            order = list(engines) if r % 2 == 0 else list(engines)[::-1]  # both orders: no variant always first
            for name in order:
                t0, c0 = time.perf_counter(), time.process_time()
                for i in range(n):
                    engines[name].render(timeline.frame(i))
                wall[name].append(time.perf_counter() - t0)
                cpu[name].append(time.process_time() - c0)
    finally:
        for engine in engines.values():
            engine.close()
    base_w, base_c = np.array(wall["default"]), np.array(cpu["default"])
    out: dict[str, Any] = {"resolution": str(resolution), "frames": n * rounds,
                           "load_average": [round(load, 2), round(os.getloadavg()[0], 2)]}
    for name in engines:
        w, c = np.array(wall[name]), np.array(cpu[name])
        per = float(w.sum()) / (n * rounds)
        out[name] = {"fps": round(1.0 / per, 2), "ms": round(per * 1000, 2),
                     "ratio": round(float(np.median(w / base_w)), 3),
                     "cpu_ratio": round(float(np.median(c / base_c)), 3)}
    return out


def run(context: BenchContext) -> dict[str, Any]:
    """The look costs on the reference scene (or ``--script``) at 720p (or ``--resolution``)."""
    from pipeline.bench import bench_script

    script = bench_script(context.script_path, None, None)
    resolution = context.options.resolution or Resolution(width=1280, height=720)
    return bench_look(script, resolution, 10 if context.quick else 30, 2 if context.quick else LOOK_ROUNDS)


SECTION = BenchSection("look", "each look and each look feature: render time per frame as ratios to the default "
                               "look (wall and CPU), interleaved", run)
