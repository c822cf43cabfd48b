"""Where batch and chunk tasks run: a local pool of processes, or tasks on a Ray cluster.

Both executors take plain module-level functions and picklable arguments and hand back
:class:`concurrent.futures.Future` objects, so the batch and chunk drivers are written once. Worker
processes are started with the ``spawn`` method: Panda3D's EGL context must never be forked.

Each worker process keeps one engine per (engine name, options) open across the tasks it runs
(:func:`worker_engine`), so a batch of short jobs does not pay for process start, imports and a new
graphics pipe per job.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Protocol

from engine_bridge import Engine, make_engine
from pipeline.errors import PipelineError

__all__ = ["BrokenProcessPool", "Executor", "LocalExecutor", "RayExecutor", "driver_gone", "make_executor",
           "worker_engine"]

_ENGINES: dict[tuple[str, tuple[tuple[str, object], ...]], Engine] = {}
_DRIVER_PID: int | None = None  # set in worker processes: the process that started them
PR_SET_PDEATHSIG = 1  # linux/prctl.h
DRIVER_POLL_S = 0.5


def follow_driver(driver_pid: int) -> None:
    """Worker initializer: die with the driver (``kill -9`` of a batch or ``render --chunks``), never outlive it.

    On Linux the kernel sends SIGKILL when the driver exits (``PR_SET_PDEATHSIG``); a thread also polls the
    parent pid, for other systems and for a driver that died before the signal was armed. A worker left
    running would finish its job, publish into the output folder after the driver is gone, and then idle
    forever holding its engine.
    """
    global _DRIVER_PID
    _DRIVER_PID = driver_pid
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if driver_gone():
        os._exit(1)
    threading.Thread(target=_watch_driver, name="watch-driver", daemon=True).start()


def _watch_driver() -> None:
    while not driver_gone():
        time.sleep(DRIVER_POLL_S)
    os._exit(1)  # no cleanup: the next run on this output removes what is left


def driver_gone() -> bool:
    """In a worker process: whether the driver that started it has died (its parent is no longer the driver)."""
    return _DRIVER_PID is not None and os.getppid() != _DRIVER_PID


def worker_engine(name: str, options: tuple[tuple[str, object], ...] = ()) -> Engine:
    """The engine this process keeps open across tasks (created on first use, closed at exit)."""
    key = (name, options)
    engine = _ENGINES.get(key)
    if engine is None:
        engine = make_engine(name, **dict(options))
        _ENGINES[key] = engine
    return engine


def drop_worker_engine(name: str, options: tuple[tuple[str, object], ...] = ()) -> None:
    """Close and forget this process's engine (after it failed: its state can no longer be trusted)."""
    engine = _ENGINES.pop((name, options), None)
    if engine is not None:
        with contextlib.suppress(Exception):  # a broken engine may fail to close; it is being thrown away
            engine.close()


@atexit.register
def _close_engines() -> None:
    for key in list(_ENGINES):
        drop_worker_engine(*key)


class Executor(Protocol):
    """Runs ``fn(*args)`` somewhere and returns a future for its result."""

    name: str
    slots: int  # how many tasks run at once

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """Start one task."""
        ...

    def restart(self) -> None:
        """Replace workers after one died (local pool only; Ray replaces its own)."""
        ...

    def close(self) -> None:
        """Stop the workers; tasks not yet started are cancelled."""
        ...

    def terminate(self) -> None:
        """Stop at once (Ctrl-C), killing running tasks."""
        ...


class LocalExecutor:
    """A pool of ``workers`` spawned processes on this machine."""

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.slots = max(1, workers or os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None

    def _ensure(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.slots, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=follow_driver, initargs=(os.getpid(),))
        return self._pool

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """Run ``fn(*args)`` in one of the worker processes."""
        return self._ensure().submit(fn, *args)

    def restart(self) -> None:
        """Throw the broken pool away; the next submit starts fresh workers."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None

    def close(self) -> None:
        """Wait for running tasks and stop the workers."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None

    def terminate(self) -> None:
        """Stop at once (Ctrl-C): cancel queued tasks and kill the workers."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        procs = list(getattr(pool, "_processes", {}).values())  # no public API to kill a pool's workers
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            if proc.is_alive():
                proc.kill()


class RayExecutor:
    """Tasks on a Ray cluster (``address``), or on a local Ray instance started here when it is ``None``.

    Outputs are not shipped back: every task writes to the batch's output directory itself, so that
    directory must be the same shared path on every node (see docs/batch.md).
    """

    name = "ray"

    def __init__(self, address: str | None = None, num_cpus: int | None = None) -> None:
        try:
            import ray
        except ImportError:
            raise PipelineError('the Ray executor needs Ray: pip install -e ".[ray]"') from None
        self._ray = ray
        self._started_here = False
        if not ray.is_initialized():
            # Workers of a local instance import this checkout, even when it is not installed.
            root = str(Path(__file__).resolve().parent.parent)
            env = {"PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)}
            kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                      "configure_logging": False}
            if address is None:
                kwargs |= {"num_cpus": num_cpus, "runtime_env": {"env_vars": env}}
            try:
                ray.init(address=address, **kwargs)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise PipelineError(f"ray: cannot connect to {address or 'a local instance'}: {exc}; "
                                    "check --ray-address (e.g. ray://HEAD:10001 or auto)") from None
            self._started_here = True
        self.slots = max(1, int(ray.cluster_resources().get("CPU", 1)))
        self._remote: dict[Callable[..., Any], Any] = {}

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """Run ``fn(*args)`` as a Ray task (one CPU; retried once if its worker dies)."""
        remote = self._remote.get(fn)
        if remote is None:
            remote = self._ray.remote(num_cpus=1, max_retries=1)(fn)
            self._remote[fn] = remote
        return remote.remote(*args).future()

    def restart(self) -> None:
        """Nothing to do: Ray replaces dead workers itself."""

    def close(self) -> None:
        """Shut down the Ray instance if this executor started it."""
        if self._started_here:
            self._ray.shutdown()
            self._started_here = False

    def terminate(self) -> None:
        """Stop at once."""
        self.close()


def make_executor(kind: str = "local", workers: int | None = None, ray_address: str | None = None) -> Executor:
    """``local`` (a process pool of ``workers``) or ``ray`` (a cluster at ``ray_address``, or a local instance)."""
    if kind == "local":
        return LocalExecutor(workers)
    if kind == "ray":
        return RayExecutor(ray_address, num_cpus=workers)
    raise PipelineError(f"unknown executor {kind!r}; choose local or ray")
