"""enginereel batch: job files, seed sweeps, content keys, failure isolation, kill and resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import (
    expand_seeds,
    load_jobs,
    parse_seeds,
    read_manifest,
    resolve_job,
    run_batch,
    verify_output,
)
from pipeline.encode import probe
from pipeline.errors import PipelineError
from pipeline.executors import LocalExecutor
from scenes import SceneScript, save_script
from tests.pipeline.conftest import REPO, tiny_script


def batch_cli(*args: str | Path, **kwargs) -> subprocess.Popen[str]:
    """``enginereel batch`` of this checkout, in its own process group (so a test can kill all of it)."""
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "batch", *map(str, args)], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kwargs)


def write_jobs(path: Path, jobs: list[dict], strict: bool = False) -> Path:
    """A jobs file. The tiny script is the bench's reference scene, whose ring orbits through its cone (it fails
    the world check on purpose): jobs that test the batch machinery render it unchecked unless ``strict``."""
    jobs = [j if strict or "strict" in j or "script" not in j else {**j, "strict": False} for j in jobs]
    path.write_text("".join(json.dumps(j) + "\n" for j in jobs))
    return path


def test_batch_jobs_are_strict_by_default(tmp_path: Path, tiny_script_file: Path) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", [{"id": "ref", "script": str(tiny_script_file)},
                                                {"id": "ball", "prompt": "a red ball bounces", "duration": 1,
                                                 "resolution": "160x90"}], strict=True)
    proc = batch_cli(jobs, "-o", tmp_path / "out", "--workers", "1")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    entries = {e.id: e for e in read_manifest(tmp_path / "out" / "manifest.jsonl")}
    assert entries["ref"].status == "failed" and entries["ball"].status == "done"
    error = entries["ref"].error or ""
    assert "world check failed" in error and "actors[moon]" in error and "\n" not in error
    assert not entries["ref"].video


def test_parse_seeds_and_sweep() -> None:
    assert parse_seeds("0..3,7,2") == [0, 1, 2, 3, 7]
    assert parse_seeds("5") == [5]
    for bad in ("3..1", "a..b", ",", "1..x"):
        with pytest.raises(PipelineError, match="--seeds"):
            parse_seeds(bad)


def test_jobs_file_forms(tmp_path: Path, tiny_script_file: Path) -> None:
    (tmp_path / "a.yaml").write_text(f"- {tiny_script_file.name}\n- {{prompt: a red ball, seed: 3, id: ball}}\n")
    specs = load_jobs(tmp_path / "a.yaml")
    assert specs[0].script == str(tiny_script_file.resolve()) and specs[1].prompt == "a red ball"
    swept = expand_seeds(specs, parse_seeds("0..1"))
    assert [(s.id, s.seed) for s in swept] == [("tiny-seed0", 0), ("tiny-seed1", 1), ("ball-seed0", 0),
                                               ("ball-seed1", 1)]
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    save_script(tiny_script(), scripts / "one.yaml")
    save_script(tiny_script(seed=2), scripts / "two.json")
    assert [s.id for s in load_jobs(scripts)] == ["one", "two"]
    (tmp_path / "bad.jsonl").write_text('{"script": "x.yaml"}\n{"prompt": "p", "colour": "red"}\n')
    with pytest.raises(PipelineError, match=r"bad.jsonl:2: colour: Extra inputs"):
        load_jobs(tmp_path / "bad.jsonl")
    (tmp_path / "both.jsonl").write_text('{"script": "x.yaml", "prompt": "p"}\n')
    with pytest.raises(PipelineError, match="exactly one of"):
        load_jobs(tmp_path / "both.jsonl")


def test_content_key_changes_with_script_and_options_only(tmp_path: Path, tiny_script_file: Path) -> None:
    jobs = tmp_path / "jobs.jsonl"

    def key(**spec) -> str:
        write_jobs(jobs, [{"script": str(tiny_script_file), **spec}])
        return resolve_job(load_jobs(jobs)[0], 0).key

    base = key()
    assert key() == base
    assert key(id="renamed") == base  # a name is not content
    assert key(seed=0) == base  # the script's own seed, stated again
    assert key(duration=1.0) == base
    changed = {key(seed=1), key(duration=2.0), key(resolution="320x180"), key(crf=23), key(codec="h265"),
               key(preset="ultrafast"), key(engine="software"), key(passes=["depth"])}
    assert base not in changed and len(changed) == 8
    data = tiny_script().model_dump(mode="json", by_alias=True)
    data["actors"][0]["material"]["color"] = "blue"
    save_script(SceneScript.model_validate(data), tiny_script_file)
    assert key() != base
    write_jobs(jobs, [{"prompt": "a red ball"}, {"prompt": "a red ball", "id": "x"}, {"prompt": "a blue ball"}])
    keys = [resolve_job(s, i).key for i, s in enumerate(load_jobs(jobs))]
    assert keys[0] == keys[1] != keys[2]


def test_poisoned_jobs_are_recorded_and_the_rest_finish(tmp_path: Path, tiny_script_file: Path) -> None:
    bad_script = tmp_path / "bad.yaml"
    bad_script.write_text("version: 1\nduration: -3\nactors: []\n")
    jobs = write_jobs(tmp_path / "jobs.jsonl", [
        {"id": "good", "script": str(tiny_script_file)},
        {"id": "bad-script", "script": str(bad_script)},
        {"id": "bad-codec", "script": str(tiny_script_file), "codec": "no-such-codec"},
        {"id": "prompt", "prompt": "a red ball bounces", "duration": 1, "resolution": "160x90"},
        {"id": "bad-planner", "prompt": "a ball", "planner": "no-such-planner"},  # fails inside its worker
    ])
    proc = batch_cli(jobs, "-o", tmp_path / "out", "--workers", "2")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    assert err.strip().splitlines()[-1] == f"error: 3 of 5 jobs failed; see {tmp_path / 'out' / 'manifest.jsonl'}"
    entries = {e.id: e for e in read_manifest(tmp_path / "out" / "manifest.jsonl")}
    assert [e.status for e in entries.values()] == ["done", "failed", "failed", "done", "failed"]
    assert "duration" in (entries["bad-script"].error or "")
    assert "no-such-codec" in (entries["bad-codec"].error or "")
    assert "no-such-planner" in (entries["bad-planner"].error or "") and entries["bad-planner"].attempts == 1
    for name in ("good", "prompt"):
        video = tmp_path / "out" / (entries[name].video or "")
        info = probe(video)
        assert (info.frames, info.width, info.height) == (30, 160, 90)
        report = json.loads(video.with_suffix(".json").read_text())
        assert report["output"] == str(video) and report["frames"] == 30
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [".lock", "manifest.jsonl", entries["good"].dir, entries["prompt"].dir])


def _wait_for(condition, timeout: float = 60.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"batch ended early: {proc.stderr.read() if proc.stderr else ''}")
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


def _rendering(out: Path) -> bool:
    """A job is mid-render: its video is being written under the partial name."""
    return any((out / ".work").glob("*/.video.staged.mp4.part"))


def _children(pid: int) -> list[int]:
    kids = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids += [int(x) for x in (task / "children").read_text().split()]
    return kids


def _worker_rendering(driver: int) -> int:
    """The worker process of ``driver`` that has an ffmpeg child (i.e. is rendering a job)."""
    for pid in _children(driver):
        for kid in _children(pid):
            if "ffmpeg" in Path(f"/proc/{kid}/cmdline").read_text(errors="replace"):
                return pid
    raise AssertionError("no worker is rendering")


def test_kill_and_resume(tmp_path: Path) -> None:
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    for seed in range(3):  # 2 s at 160x90: long enough to be killed mid-render
        save_script(tiny_script(duration=2.0, seed=seed), scripts / f"s{seed}.yaml")
    jobs = write_jobs(tmp_path / "jobs.jsonl", [{"id": f"s{seed}", "script": str(scripts / f"s{seed}.yaml"),
                                                 "previews": False} for seed in range(3)])  # previews: time only
    out = tmp_path / "out"
    done_dirs = lambda: [p for p in out.iterdir() if not p.name.startswith(".") and p.is_dir()]  # noqa: E731

    # 1. A worker process is killed mid-job: the pool is replaced, the job retried, the batch completes.
    proc = batch_cli(jobs, "-o", out, "--workers", "1", "--no-auto-chunks")
    _wait_for(lambda: out.is_dir() and len(done_dirs()) == 1 and _rendering(out), proc=proc)
    os.kill(_worker_rendering(proc.pid), signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    entries = read_manifest(out / "manifest.jsonl")
    assert [e.status for e in entries] == ["done"] * 3
    assert [e.attempts for e in entries] == [1, 2, 1]
    assert not (out / ".work").exists()

    # 2. One output is damaged (a truncated video), then the whole batch is killed while redoing it.
    damaged = out / (entries[1].video or "")
    damaged.write_bytes(damaged.read_bytes()[: damaged.stat().st_size // 2])
    proc = batch_cli(jobs, "-o", out, "--workers", "1")
    _wait_for(lambda: _rendering(out), proc=proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    # Nothing half-written looks finished: the damaged job's folder was moved away before it was redone.
    assert sorted(p.name for p in done_dirs()) == sorted([entries[0].dir, entries[2].dir])
    killed_log = read_manifest(out / "manifest.jsonl")
    assert {e.id: e.status for e in killed_log} == {"s0": "cached", "s2": "cached"}

    # 3. Rerunning the same command redoes only what is missing and leaves no leftovers.
    proc = batch_cli(jobs, "-o", out, "--workers", "1")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    final = read_manifest(out / "manifest.jsonl")
    assert [(e.id, e.status) for e in final] == [("s0", "cached"), ("s1", "done"), ("s2", "cached")]
    assert [e.key for e in final] == [e.key for e in entries]
    assert all(probe(out / (e.video or "")).frames == 60 for e in final)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".lock"]


def test_verify_output_rejects_a_marker_without_a_video(tmp_path: Path, tiny_script_file: Path) -> None:
    jobs = write_jobs(tmp_path / "jobs.jsonl", [{"script": str(tiny_script_file)}])
    job = resolve_job(load_jobs(jobs)[0], 0)
    folder = tmp_path / "out" / job.folder
    folder.mkdir(parents=True)
    (folder / "job.json").write_text(json.dumps({"key": job.key}))
    assert verify_output(tmp_path / "out", job) is None


def test_a_long_job_is_split_over_idle_workers(tmp_path: Path) -> None:
    script_file = tmp_path / "long.yaml"
    save_script(tiny_script(duration=4.0), script_file)  # 120 frames: two chunks of 60
    jobs = [resolve_job(s, i) for i, s in enumerate(load_jobs(write_jobs(tmp_path / "j.jsonl",
                                                                          [{"script": str(script_file)}])))]
    pool = LocalExecutor(2)
    try:
        result = run_batch(jobs, tmp_path / "out", pool)
    finally:
        pool.close()
    (entry,) = result.entries
    assert (entry.status, entry.chunks, entry.frames) == ("done", 2, 120)
    video = tmp_path / "out" / (entry.video or "")
    assert probe(video).frames == 120
    report = json.loads(video.with_suffix(".json").read_text())
    assert [(c["start"], c["stop"]) for c in report["extra"]["chunks"]] == [(0, 60), (60, 120)]
    assert sorted(p.name for p in (tmp_path / "out" / (entry.dir or "")).iterdir()) == [
        "job.json", "script.yaml", "video.json", "video.mp4"]


def test_a_job_with_passes_writes_them_inside_its_output_folder(tmp_path: Path, tiny_script_file: Path) -> None:
    from pipeline.passes import read_passes

    jobs = write_jobs(tmp_path / "jobs.jsonl", [{"id": "gt", "script": str(tiny_script_file),
                                                 "passes": ["depth", "mask"], "previews": False, "audio": False}])
    out = tmp_path / "out"
    proc = batch_cli(jobs, "-o", out, "--workers", "1", "--no-auto-chunks")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    (entry,) = read_manifest(out / "manifest.jsonl")
    assert entry.status == "done" and entry.dir is not None
    passes = read_passes(next((out / entry.dir).glob("*.passes")))
    assert len(passes.meta.frames) == entry.frames
    frame = passes.frame(0)
    assert frame["depth"].shape == (90, 160) and frame["mask"].max() >= 1


def test_a_hostile_jobs_file_is_one_line(tmp_path: Path) -> None:
    """A jobs file is bounded like a script: nesting (YAML and each JSONL line), regular files only."""
    import os

    deep = tmp_path / "deep.yaml"
    deep.write_text("jobs: " + "[" * 500 + "]" * 500)
    with pytest.raises(PipelineError, match="nested more than 64 levels deep"):
        load_jobs(deep)
    lines = tmp_path / "deep.jsonl"
    lines.write_text('{"prompt": "a ball"}\n{"prompt": ' + "[" * 3000 + "]" * 3000 + "}\n")
    with pytest.raises(PipelineError, match=r"deep.jsonl:2: nested more than 64 levels deep"):
        load_jobs(lines)
    fifo = tmp_path / "jobs.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(PipelineError, match="not a regular file"):
        load_jobs(fifo)
