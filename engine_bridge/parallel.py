"""One timeline drawn by several engine processes at once, frames handed back in the order they are asked for.

On a software rasteriser a single engine leaves cores idle: its main thread (posing, culling, draw calls, the
vertex work and binning, the read-back) and its raster threads take turns, so two cores run at about 1.7 (measured,
docs/rendering.md, Speed). Two engine processes with one raster thread each keep both cores busy. Each process
opens the same timeline, which is a pure function of its script, so frame ``i`` is the same whichever process
draws it (tested byte for byte).

:class:`ParallelEngine` is an :class:`Engine`: when asked for a timeline's own frame ``i`` it also hands the next
frames to idle processes, so they are drawn while the caller encodes; any other state (a crossfade's other camera)
is drawn on request. Frames come back through shared memory, two slots a process, and are copied out at once, so
the memory held is a few frames whatever the video's length.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from multiprocessing import shared_memory
from multiprocessing.connection import Connection, wait
from typing import Any

import numpy as np

from engine_bridge.engine import Engine, EngineError, EngineInfo
from scenes import FrameState, Timeline

SLOTS = 2
"""Frames a process may have asked of it at once: it draws the second while the first is copied out."""
START_TIMEOUT_S = 300.0  # opening a world (models, the environment's prefilter) on a loaded machine
FRAME_TIMEOUT_S = 600.0  # one frame: far above any frame's cost, only there to report a hung process


def _serve(conn: Connection, engine: str, options: dict[str, Any], raster_threads: int | None,
           slots: list[str], shape: tuple[int, int, int]) -> None:
    """A render process: open the timeline it is sent, then draw what it is asked into its slots."""
    if raster_threads is not None:
        os.environ["LP_NUM_THREADS"] = str(raster_threads)  # read when the first EGL display opens
    from engine_bridge import make_engine

    memories = [shared_memory.SharedMemory(name=name) for name in slots]  # the caller's tracker removes them
    views = [np.ndarray(shape, np.uint8, buffer=m.buf) for m in memories]
    eng = None
    try:
        timeline = conn.recv()
        eng = make_engine(engine, **options)
        eng.open(timeline)
        conn.send(("ready", eng.info))
        while (message := conn.recv())[0] == "draw":
            _, slot, what = message
            image = eng.render(timeline.frame(what) if isinstance(what, int) else what)
            views[slot][...] = image[::-1]  # rows bottom first, as a GL buffer holds them
            conn.send(("done", slot))
    except (EOFError, KeyboardInterrupt, BrokenPipeError):
        pass  # the caller went away or stops us
    except Exception as exc:  # reported by the caller in one line
        with contextlib.suppress(OSError):
            conn.send(("error", str(exc) or repr(exc)))
    finally:
        if eng is not None:
            eng.close()
        del views
        for m in memories:
            m.close()


@dataclass
class _Process:
    """One render process as the caller sees it: its pipe, its slots and what it was asked, in order."""

    number: int
    process: multiprocessing.process.BaseProcess
    conn: Connection
    memories: list[shared_memory.SharedMemory]
    views: list[np.ndarray]
    free: list[int] = field(default_factory=lambda: list(range(SLOTS)))
    asked: deque[tuple[object, int]] = field(default_factory=deque)  # (job, slot), oldest first

    def ask(self, job: object, what: int | FrameState) -> None:
        slot = self.free[-1]
        try:
            self.conn.send(("draw", slot, what))
        except OSError:
            raise self.died() from None
        self.free.pop()
        self.asked.append((job, slot))

    def died(self) -> EngineError:
        self.process.join(timeout=5)
        return EngineError(f"render process {self.number} exited (code {self.process.exitcode}); render with "
                           "--render-processes 1 to see the engine's own error")

    def receive(self, timeout: float) -> tuple[str, Any]:
        """The next message, or an EngineError naming this process when it died or hung."""
        if not self.conn.poll(timeout):
            raise EngineError(f"render process {self.number} answered nothing for {timeout:g} s (hung); "
                              "render with --render-processes 1")
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            raise self.died() from None


class ParallelEngine(Engine):
    """``processes`` engines named ``engine`` (with ``options``) in their own processes, as one engine.

    ``raster_threads`` is each process's software-rasteriser thread count (``LP_NUM_THREADS`` in that process,
    whatever this one's says); ``None`` leaves the engine's default. Passes are not drawn here: render them with one
    engine.
    """

    def __init__(self, engine: str = "panda3d", processes: int = 2, raster_threads: int | None = 1,
                 **options: object) -> None:
        if processes < 1:
            raise EngineError(f"--render-processes must be at least 1, not {processes}")
        self._engine, self._count, self._threads, self._options = engine, processes, raster_threads, options
        self._procs: list[_Process] = []
        self._timeline: Timeline | None = None
        self._info: EngineInfo | None = None
        self._done: dict[object, np.ndarray] = {}  # drawn and copied out, not yet asked for
        self._where: dict[object, _Process] = {}  # asked of a process, not yet back
        self._ahead = 0  # the next own frame to hand out ahead of the caller
        self._asked = -1  # the last own frame the caller asked for
        self._jobs = 0

    def start(self, timeline: Timeline) -> None:
        """Start the processes opening ``timeline`` and return at once (the caller can do other work meanwhile);
        :meth:`open` then waits for them."""
        self.close()
        res = timeline.script.resolution
        shape = (res.height, res.width, 3)
        context = multiprocessing.get_context("spawn")  # a fresh interpreter: no GL state or threads inherited
        try:
            for number in range(self._count):
                memories = [shared_memory.SharedMemory(create=True, size=int(np.prod(shape))) for _ in range(SLOTS)]
                ours, theirs = context.Pipe()
                process = context.Process(target=_serve, daemon=True, name=f"enginereel-render-{number}",
                                          args=(theirs, self._engine, self._options, self._threads,
                                                [m.name for m in memories], shape))
                process.start()
                theirs.close()
                self._procs.append(_Process(number, process, ours, memories,
                                            [np.ndarray(shape, np.uint8, buffer=m.buf) for m in memories]))
            for p in self._procs:
                p.conn.send(timeline)
        except BaseException:
            self.close()
            raise
        self._timeline, self._info = timeline, None
        self._ahead, self._asked = 0, -1

    def open(self, timeline: Timeline) -> None:
        """Open ``timeline`` in every process (in parallel; those :meth:`start` began on it already are waited
        for); fails with the engine's own error."""
        if timeline is not self._timeline:
            self.start(timeline)
        if self._info is None:
            try:
                infos = [self._expect_ready(p) for p in self._procs]
            except BaseException:
                self.close()
                raise
            self._info = replace(infos[0], processes=self._count)

    def _expect_ready(self, p: _Process) -> EngineInfo:
        kind, payload = p.receive(START_TIMEOUT_S)
        if kind == "error":
            raise EngineError(payload)
        return payload

    def render(self, state: FrameState) -> np.ndarray:
        """Draw ``state``: the timeline's own frames come from the processes' work ahead, others on request."""
        if self._timeline is None or self._info is None:
            raise EngineError(f"{self._engine}: render() called before open()")
        own = self._own_frame(state)
        if own is None:
            job: object = ("state", self._next_job())
            self._ask(job, state)
        else:
            job = own
            self._forget_before(own)
            if own not in self._done and own not in self._where:
                self._ask(own, own)
            self._ahead = max(self._ahead, own + 1)
        self._ask_ahead()
        while job not in self._done:
            self._receive_any()
            self._ask_ahead()
        frame = self._done.pop(job)
        return frame[::-1]  # upright; its rows stay bottom first in memory (engine_bridge.engine.rows_bottom_up)

    def _own_frame(self, state: FrameState) -> int | None:
        """``state.index`` when ``state`` is that frame of the timeline as filmed by its own camera."""
        assert self._timeline is not None
        return state.index if self._timeline.own_camera(state) else None

    def _next_job(self) -> int:
        self._jobs += 1
        return self._jobs

    def _forget_before(self, index: int) -> None:
        """The caller moved on to ``index``: frames drawn ahead for earlier ones (a jump back) are dropped."""
        if index < self._asked:
            self._ahead = index  # a jump back: what was drawn ahead of the old place may still be used
        self._asked = index
        for job in [j for j in self._done if isinstance(j, int) and j < index]:
            del self._done[job]

    def _ask(self, job: object, what: int | FrameState) -> None:
        """Hand ``job`` to the process with the fewest frames asked of it, waiting for a free slot if need be."""
        while not any(p.free for p in self._procs):
            self._receive_any()
        p = min((p for p in self._procs if p.free), key=lambda p: len(p.asked))
        p.ask(job, what)
        self._where[job] = p

    def _ask_ahead(self) -> None:
        """Keep every free slot busy with the next own frames."""
        assert self._timeline is not None
        while self._ahead < len(self._timeline) and any(p.free for p in self._procs):
            i = self._ahead
            self._ahead += 1
            if i not in self._done and i not in self._where:
                self._ask(i, i)

    def _receive_any(self) -> None:
        """Take in the next finished frame of any process (copied out of its slot, which is free again)."""
        busy = {p.conn: p for p in self._procs if p.asked}
        ready = wait(list(busy), timeout=FRAME_TIMEOUT_S)
        if not ready:
            raise EngineError(f"no render process answered for {FRAME_TIMEOUT_S:g} s (hung); render with "
                              "--render-processes 1")
        for conn in ready:
            p = busy[conn]  # type: ignore[index]
            kind, payload = p.receive(0)
            if kind == "error":
                raise EngineError(payload)
            job, slot = p.asked.popleft()
            assert slot == payload
            del self._where[job]
            if not isinstance(job, int) or job >= self._asked:  # not a frame the caller already passed
                self._done[job] = p.views[slot].copy()
            p.free.append(slot)

    def render_passes(self, state: FrameState, passes: Sequence[str],
                      next_state: FrameState | None = None) -> dict[str, np.ndarray]:
        raise EngineError(f"{self._engine}: passes are drawn by one engine; render them with --render-processes 1")

    def close(self) -> None:
        """Stop the processes and remove their slots; safe to call twice."""
        procs, self._procs = self._procs, []
        for p in procs:
            with contextlib.suppress(OSError, ValueError):
                p.conn.send(("close",))
        for p in procs:
            p.process.join(timeout=10)
            if p.process.is_alive():
                p.process.terminate()
                p.process.join(timeout=5)
            p.conn.close()
            p.views.clear()
            for m in p.memories:
                m.close()
                m.unlink()
        self._done.clear()
        self._where.clear()
        self._timeline, self._info = None, None

    @property
    def info(self) -> EngineInfo:
        """The engine's own info, with ``processes``."""
        if self._info is None:
            return EngineInfo(self._engine, "not started", "", processes=self._count)
        return self._info
