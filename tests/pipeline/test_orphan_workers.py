"""Workers die with their driver: after ``kill -9`` of a batch (or ``render --chunks``) nothing is left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.pipeline.conftest import REPO

DRIVER = """
import sys, time
from pipeline.executors import LocalExecutor
from tests.pipeline.test_orphan_workers import slow_task
pool = LocalExecutor(1)
fut = pool.submit(slow_task, sys.argv[1])
while True:
    time.sleep(1)
"""


def slow_task(marker: str) -> int:
    """A task that reports its pid, then works for a while and would publish ``marker`` at the end."""
    Path(marker + ".pid").write_text(str(os.getpid()))
    time.sleep(4)
    Path(marker).write_text("published after the driver died")
    return os.getpid()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead for our purposes (it waits for PID 1 to reap it)
    with open(f"/proc/{pid}/stat") as fh:
        return fh.read().split(") ")[-1][0] != "Z"


def test_worker_dies_with_a_killed_driver_and_publishes_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "published"
    driver = subprocess.Popen([sys.executable, "-c", DRIVER, str(marker)], cwd=REPO,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        pid_file = Path(str(marker) + ".pid")
        deadline = time.monotonic() + 60
        while not pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert pid_file.exists(), "the worker never started"
        time.sleep(0.2)
        worker = int(pid_file.read_text())
        os.kill(driver.pid, signal.SIGKILL)
        driver.wait()
        deadline = time.monotonic() + 5
        while alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(worker), "the worker outlived its driver"
        time.sleep(4.5)
        assert not marker.exists()
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait()


RENDER_DRIVER = """
import sys, time
from pathlib import Path
from engine_bridge.parallel import ParallelEngine
from tests.engine_bridge.conftest import small_timeline
if __name__ == "__main__":
    pool = ParallelEngine("panda3d", processes=2)
    tl = small_timeline(duration=1.0)
    pool.open(tl)
    pool.render(tl.frame(0))
    Path(sys.argv[1]).write_text(" ".join(str(p.process.pid) for p in pool._procs))
    while True:
        time.sleep(1)
"""


def test_render_processes_die_with_a_killed_driver(tmp_path: Path) -> None:
    """A render's engine processes (engine_bridge.parallel) end when the driver is killed: their pipe closes."""
    pids_file = tmp_path / "pids"
    script = tmp_path / "driver.py"
    script.write_text(RENDER_DRIVER)
    driver = subprocess.Popen([sys.executable, str(script), str(pids_file)], cwd=REPO,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        deadline = time.monotonic() + 120
        while not pids_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert pids_file.exists(), "the render processes never started"
        workers = [int(p) for p in pids_file.read_text().split()]
        assert all(alive(p) for p in workers)
        os.kill(driver.pid, signal.SIGKILL)
        driver.wait()
        deadline = time.monotonic() + 10
        while any(alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(alive(p) for p in workers), "a render process outlived its driver"
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait()
