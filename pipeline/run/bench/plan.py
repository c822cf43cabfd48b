"""Planning speed: solve a 60 s, 20-actor scene of intents, compile it (physics baked) and world-check it.

The scene mixes every kind of work the solver does: placement on supports, a row knocked over (with the
physics re-bakes that make the impulse reach), a drop, a kick, a chase round a tree, a sit, two cars side by
side and the errands that keep a long video alive. Target: solve + compile + check under 2 s.
"""

from __future__ import annotations

import time
from typing import Any

from pipeline.run.bench import BenchContext, BenchSection

TARGET_S = 2.0


def plan_scene(duration: float = 60.0) -> Any:
    """The bench's scene of intents: 20 actors, 14 intents, one framed shot."""
    from scenes.script import SceneScript

    actors = [{"id": f"d{k}", "asset": "domino"} for k in range(1, 6)] + [
        {"id": "ball", "asset": "sphere", "scale": 0.25},
        {"id": "table", "asset": "table"}, {"id": "cup1", "asset": "cup"}, {"id": "cup2", "asset": "cup"},
        {"id": "chair", "asset": "chair"}, {"id": "woman", "asset": "woman"},
        {"id": "dog", "asset": "dog"}, {"id": "cat", "asset": "cat"}, {"id": "tree", "asset": "tree"},
        {"id": "man", "asset": "man"}, {"id": "football", "asset": "football"},
        {"id": "car", "asset": "car"}, {"id": "car2", "asset": "car"},
        {"id": "crate", "asset": "crate"}, {"id": "rock", "asset": "rock", "scale": 0.4},
    ]
    intents = [
        {"type": "arrange", "subjects": [f"d{k}" for k in range(1, 6)], "pattern": "row"},
        {"type": "place", "subject": "table", "relation": "behind", "target": "d3", "distance": 2.0},
        {"type": "place", "subject": "cup1", "relation": "on", "target": "table"},
        {"type": "place", "subject": "cup2", "relation": "on", "target": "table"},
        {"type": "place", "subject": "chair", "relation": "next_to", "target": "table"},
        {"type": "place", "subject": "tree", "relation": "left_of", "target": "table", "distance": 4.0},
        {"type": "place", "subject": "crate", "relation": "right_of", "target": "table", "distance": 4.0},
        {"type": "knock_over", "subject": "ball", "target": "d1"},
        {"type": "drop_onto", "subject": "rock", "target": "crate", "together": True},
        {"type": "sit_on", "subject": "woman", "target": "chair"},
        {"type": "run_around", "subject": "cat", "target": "tree", "laps": 2},
        {"type": "chase", "subject": "dog", "target": "cat", "together": True},
        {"type": "kick_to", "subject": "man", "object": "football"},
        {"type": "drive_along", "subject": "car"},
        {"type": "drive_along", "subject": "car2", "together": True},
    ]
    return SceneScript.model_validate({
        "duration": duration, "resolution": "640x360", "actors": actors, "intents": intents,
        "camera": {"shots": [{"type": "orbit", "framing": {"subjects": ["table"], "size": "wide"}, "degrees": 90}]},
    })


def run(context: BenchContext) -> dict[str, Any]:
    """Wall and CPU seconds of each planning stage, best of three runs."""
    from scenes.check import check_timeline
    from scenes.solve import solve
    from scenes.timeline import compile_script, forget_last_compile

    script = plan_scene(context.duration(20.0) or 60.0)
    best: dict[str, float] = {}
    for _ in range(3):
        forget_last_compile()  # every round a cold plan: nothing kept from the round before
        times: dict[str, float] = {}
        t0, c0 = time.perf_counter(), time.process_time()
        solution = solve(script)
        t1, c1 = time.perf_counter(), time.process_time()
        timeline = compile_script(solution.script)
        t2, c2 = time.perf_counter(), time.process_time()
        report = check_timeline(timeline)
        t3, c3 = time.perf_counter(), time.process_time()
        times = {"solve_s": t1 - t0, "compile_s": t2 - t1, "check_s": t3 - t2, "total_s": t3 - t0,
                 "total_cpu_s": (c1 - c0) + (c2 - c1) + (c3 - c2)}
        best = times if not best or times["total_s"] < best["total_s"] else best
    return {
        "scene": {"duration_s": script.duration, "actors": len(script.actors), "intents": len(script.intents),
                  "frames": script.frame_count},
        **{k: round(v, 3) for k, v in best.items()},
        "target_s": TARGET_S,
        "within_target": best["total_s"] <= TARGET_S,
        "solver_notes": solution.notes,
        "world_check": {"passed": report.passed, "findings": report.findings},
    }


SECTION = BenchSection("plan", "solve + compile + world check of a 60 s, 20-actor scene of intents (< 2 s)", run)
