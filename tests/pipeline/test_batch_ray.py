"""The Ray executor runs the same job functions as the local pool and writes the same manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason='Ray is not installed (pip install -e ".[ray]")')

from pipeline.batch import ManifestEntry, load_jobs, resolve_job, run_batch  # noqa: E402
from pipeline.encode import probe  # noqa: E402
from pipeline.executors import LocalExecutor, RayExecutor  # noqa: E402

# What must agree between executors; timings and worker names naturally differ.
SAME = ("index", "id", "key", "status", "source", "seed", "dir", "video", "report", "frames", "resolution", "error")


def test_ray_manifest_equals_local_manifest(tmp_path: Path, tiny_script_file: Path) -> None:
    jobs_file = tmp_path / "jobs.jsonl"
    jobs_file.write_text("".join(json.dumps(j) + "\n" for j in [
        {"id": "a", "script": str(tiny_script_file), "strict": False},  # the reference scene floats a torus
        {"id": "broken", "prompt": "a ball", "planner": "no-such-planner"},  # fails inside its task
    ]))
    jobs = [resolve_job(s, i) for i, s in enumerate(load_jobs(jobs_file))]
    local_pool = LocalExecutor(2)
    try:
        local = run_batch(jobs, tmp_path / "local", local_pool)
    finally:
        local_pool.close()
    ray_pool = RayExecutor(num_cpus=2)
    try:
        assert ray_pool.slots == 2
        on_ray = run_batch(jobs, tmp_path / "ray", ray_pool)
    finally:
        ray_pool.close()
    assert [e.status for e in local.entries] == ["done", "failed"]

    def comparable(e: ManifestEntry) -> dict:
        return e.model_dump(include=set(SAME))

    assert [comparable(e) for e in on_ray.entries] == [comparable(e) for e in local.entries]
    assert "no-such-planner" in (on_ray.entries[1].error or "")
    for e in on_ray.entries[:1]:
        assert probe(tmp_path / "ray" / (e.video or "")).frames == e.frames
        assert not e.worker or e.worker.split(":")[1] != str(__import__("os").getpid())  # ran in a Ray worker
