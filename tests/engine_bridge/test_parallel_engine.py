"""Several engine processes as one engine: the same frames as one engine, in the order asked, clean failures."""

from __future__ import annotations

import dataclasses
import os
import signal
from pathlib import Path

import numpy as np
import pytest

from engine_bridge import EngineError, make_engine
from engine_bridge.engine import rows_bottom_up
from engine_bridge.parallel import ParallelEngine
from tests.engine_bridge.conftest import small_timeline


def shm_segments() -> set[str]:
    return set(os.listdir("/dev/shm")) if Path("/dev/shm").is_dir() else set()


def test_frames_are_one_engines_whichever_process_draws_them_and_in_any_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Own frames in order (drawn ahead), a jump back and forward, and a state with another frame's camera (a
    crossfade's second source, drawn on request): byte for byte what one engine draws. Each process gets the
    asked rasteriser threads, whatever this process's environment says (its own engine wrote it there)."""
    monkeypatch.setenv("LP_NUM_THREADS", "2")
    tl = small_timeline(duration=1.5)
    other_camera = dataclasses.replace(tl.frame(7), camera=tl.frame(30).camera)
    asked = [*(tl.frame(i) for i in range(12)), tl.frame(3), other_camera, tl.frame(40), tl.frame(41)]
    before = shm_segments()
    with ParallelEngine("panda3d", processes=2, raster_threads=1) as pool:
        pool.open(tl)
        assert (pool.info.processes, pool.info.raster_threads) == (2, 1)
        got = [pool.render(s) for s in asked]
    assert shm_segments() == before  # the slots are gone
    assert all(rows_bottom_up(f) for f in got)  # handed out like the embedded engine's own frames
    with make_engine("panda3d") as one:
        one.open(tl)
        want = [one.render(s) for s in asked]
    assert all(np.array_equal(g, w) for g, w in zip(got, want, strict=True))
    assert not np.array_equal(got[13], got[7])  # the other camera was used


def test_a_failing_engine_start_is_the_engines_own_one_line_error() -> None:
    before = shm_segments()
    with pytest.raises(EngineError, match="look"), ParallelEngine("panda3d", processes=2, look="nope") as pool:
        pool.open(small_timeline())
    assert shm_segments() == before


def test_a_dead_render_process_is_named_and_the_rest_stopped() -> None:
    tl = small_timeline(duration=1.0)
    with ParallelEngine("panda3d", processes=2) as pool:
        pool.open(tl)
        pool.render(tl.frame(0))
        victim = pool._procs[1].process
        os.kill(victim.pid, signal.SIGKILL)
        victim.join(5)
        with pytest.raises(EngineError, match=r"render process 1 exited \(code -9\).*--render-processes 1"):
            for i in range(1, len(tl)):
                pool.render(tl.frame(i))
        survivor = pool._procs[0].process
    assert not survivor.is_alive()


def test_passes_and_bad_counts_are_refused() -> None:
    with pytest.raises(EngineError, match="at least 1"):
        ParallelEngine("panda3d", processes=0)
    tl = small_timeline()
    with ParallelEngine("panda3d", processes=2) as pool, pytest.raises(EngineError, match="render-processes 1"):
        pool.render_passes(tl.frame(0), ["depth"])
