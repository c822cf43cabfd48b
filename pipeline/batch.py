"""``enginereel batch``: many jobs, one output folder per job named by content hash, a manifest, resume.

A job is a prompt or a script path plus overrides (seed, duration, fps, resolution, codec, …). Jobs
come from a JSONL or YAML file, or a directory of scripts, and seed sweeps expand them. Each job's
outputs (``video.mp4``, its run report ``video.json``, the resolved ``script.yaml`` and ``job.json``)
are made in ``OUT/.work/`` and the folder is renamed to ``OUT/<hash>/`` only when all of them are
complete, so a killed batch never leaves a finished-looking partial output. Rerunning the same
command verifies every existing output (the video is probed: frame count and size) and renders only
what is missing, failed or broken. ``OUT/manifest.jsonl`` has one line per job: status, timings,
outputs and errors.

Jobs run on an executor (:mod:`pipeline.executors`): a local pool of processes that keep their engine
open across jobs, or Ray. When there are fewer jobs left than free workers, a long script job is
split into chunks (:mod:`pipeline.chunks`) so the idle workers help with it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import socket
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ValidationError, model_validator

from engine_bridge import EngineError
from pipeline.chunks import (
    MIN_CHUNK_FRAMES,
    ChunkResult,
    join_chunks,
    render_chunk,
    segment_dir,
    segment_paths,
    split_frames,
)
from pipeline.encode import probe
from pipeline.errors import PipelineError
from pipeline.executors import BrokenProcessPool, Executor, driver_gone, drop_worker_engine, worker_engine
from pipeline.jobs import RenderOptions, project_version, render_script
from pipeline.planners import make_planner
from pipeline.progress import terminal_progress
from pipeline.report import RunReport, report_path, write_json
from pipeline.run.options import RunOptions, apply_script_overrides
from scenes import SceneScript, ScriptError, load_script, save_script, script_hash
from scenes.io import MAX_NESTING, checked_data, flow_depth, parse_text, read_regular_file

MANIFEST = "manifest.jsonl"
MAX_ATTEMPTS = 2  # a job whose worker process died is tried again once, then recorded as failed
KEY_LENGTH = 16  # hex digits of the content hash used as the folder name

Status = Literal["done", "cached", "failed"]


BATCH_DEFAULTS: dict[str, Any] = {"strict": True, "planner": "offline"}
"""Where a batch's run options differ from a single render's: refuse plans that fail the world check, and plan
prompts offline unless a job names another planner (a batch should not silently call a paid API)."""


class JobSpec(RunOptions):
    """One line of a jobs file: a prompt or a script path, plus that job's run options.

    The options a job sets win over the batch command line's (``--engine``, ``--strict``, ``--look``);
    :func:`job_options` merges them.
    """

    id: str | None = None
    prompt: str | None = None
    script: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> JobSpec:
        if (self.prompt is None) == (self.script is None):
            raise ValueError("give exactly one of 'prompt' or 'script'")
        if self.chunks != 1:
            raise ValueError("'chunks' is not a job option: the batch splits long jobs itself (--auto-chunks)")
        return self


def job_options(spec: JobSpec, base: RunOptions) -> RunOptions:
    """The run options of one job: the batch's, with the fields the job itself set."""
    own = {k: getattr(spec, k) for k in spec.model_fields_set if k in RunOptions.model_fields}
    return base.with_fields(own)


@dataclass
class Job:
    """A resolved job, ready to send to a worker (picklable)."""

    index: int
    name: str
    spec: JobSpec
    source: str
    options: RenderOptions
    key: str
    run: RunOptions = RunOptions()  # the merged run options (overrides, planner) of this job
    script: SceneScript | None = None  # script jobs: loaded and overridden in the driver
    frames: int | None = None  # known before rendering for script jobs
    error: str | None = None  # the job cannot even start (bad script file)

    @property
    def folder(self) -> str:
        """The output folder's name: the start of the content hash."""
        return self.key[:KEY_LENGTH]

    @property
    def video_name(self) -> str:
        """The video's file name inside the job folder."""
        return f"video.{self.options.encode.container}"


class JobRecord(BaseModel):
    """``job.json`` in every finished job folder: what it was made from and what a valid output holds."""

    key: str
    name: str
    spec: JobSpec
    enginereel_version: str
    video: str
    report: str
    frames: int
    width: int
    height: int
    wall_s: float
    render_fps: float
    worker: str
    finished_at: str
    chunks: int = 1


class ManifestEntry(BaseModel):
    """One line of ``manifest.jsonl``."""

    index: int
    id: str
    key: str
    status: Status
    source: str
    seed: int | None = None
    dir: str | None = None
    video: str | None = None
    report: str | None = None
    frames: int | None = None
    resolution: str | None = None
    chunks: int = 1
    attempts: int = 0
    wall_s: float | None = None
    render_fps: float | None = None
    worker: str | None = None
    error: str | None = None


@dataclass
class JobOutcome:
    """What a job task returns to the driver."""

    ok: bool
    record: JobRecord | None = None
    error: str | None = None


@dataclass
class BatchResult:
    """Every job's manifest entry, in job order, and the batch's wall time."""

    entries: list[ManifestEntry]
    wall_s: float
    out_dir: Path

    @property
    def ok(self) -> bool:
        """Whether every job succeeded (rendered now or verified from an earlier run)."""
        return all(e.status != "failed" for e in self.entries)

    def count(self, status: Status) -> int:
        """How many jobs ended with ``status``."""
        return sum(e.status == status for e in self.entries)


# --- reading jobs --------------------------------------------------------------------------------


def parse_seeds(text: str) -> list[int]:
    """``0..99`` (inclusive), ``1,5,9`` or a mix such as ``0..3,10`` → seeds in order, without repeats."""
    seeds: list[int] = []
    try:
        for part in (p.strip() for p in text.split(",")):
            if ".." in part:
                lo, hi = (int(x) for x in part.split("..", 1))
                if hi < lo:
                    raise ValueError
                seeds.extend(range(lo, hi + 1))
            elif part:
                seeds.append(int(part))
    except ValueError:
        raise PipelineError(f"--seeds {text!r}: write a range like 0..99, a list like 1,5,9, or both") from None
    if not seeds:
        raise PipelineError(f"--seeds {text!r}: no seeds given")
    return list(dict.fromkeys(seeds))


SCRIPT_SUFFIXES = (".yaml", ".yml", ".json")


def load_jobs(path: Path) -> list[JobSpec]:
    """Job specs from a JSONL file, a YAML/JSON list (or ``{jobs: [...]}``), or a directory of scripts.

    Script paths inside a jobs file are resolved against the file's folder. A malformed jobs file is a
    user error (one line naming the file and line); a script that does not validate becomes a failed job.
    """
    if path.is_dir():
        scripts = sorted(p for p in path.iterdir() if p.suffix.lower() in SCRIPT_SUFFIXES and p.is_file())
        if not scripts:
            raise PipelineError(f"{path}: no scene scripts (*.yaml, *.yml, *.json) in this directory")
        return [JobSpec(id=p.stem, script=str(p.resolve())) for p in scripts]
    if not path.exists():
        raise PipelineError(f"{path}: no such jobs file or directory")
    text = read_jobs_text(path)
    items: list[tuple[str, Any]] = []
    if path.suffix.lower() == ".jsonl":
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip() and not line.lstrip().startswith("#"):
                try:  # bounded like a script: size, nesting and string lengths before the JSON parser recurses
                    items.append((f"{path}:{n}", parse_text(line, f"{path}:{n}", json_only=True)))
                except ScriptError as exc:
                    raise PipelineError(str(exc)) from None
    else:
        if flow_depth(text) > MAX_NESTING:
            raise PipelineError(f"{path}: nested more than {MAX_NESTING} levels deep; a jobs file is a list of jobs")
        try:
            data = checked_data(yaml.safe_load(text), str(path))
        except yaml.YAMLError as exc:
            raise PipelineError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
        except RecursionError:
            raise PipelineError(f"{path}: nested more than {MAX_NESTING} levels deep; a jobs file is a list of "
                                "jobs") from None
        except ScriptError as exc:
            raise PipelineError(str(exc)) from None
        if isinstance(data, dict) and "jobs" in data:
            data = data["jobs"]
        if not isinstance(data, list):
            raise PipelineError(f"{path}: expected a list of jobs (or 'jobs: [...]'); to render one script use "
                                "`enginereel render`, or give a directory of scripts")
        items = [(f"{path}: job {n}", item) for n, item in enumerate(data, start=1)]
    specs = []
    for where, item in items:
        if isinstance(item, str):
            item = {"script": item}
        try:
            spec = JobSpec.model_validate(item)
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = ".".join(str(x) for x in err["loc"]) or "(job)"
            raise PipelineError(f"{where}: {loc}: {err['msg']}") from None
        if spec.script is not None and not Path(spec.script).is_absolute():
            spec = spec.model_copy(update={"script": str((path.parent / spec.script).resolve())})
        specs.append(spec)
    if not specs:
        raise PipelineError(f"{path}: no jobs in this file")
    return specs


MAX_JOBS_BYTES = 256 * 1024 * 1024  # a million jobs of a few hundred bytes each


def read_jobs_text(path: Path) -> str:
    """A jobs file's text: a regular file of bounded size, UTF-8 (one-line errors otherwise)."""
    try:
        return read_regular_file(path, MAX_JOBS_BYTES, "jobs file").decode("utf-8")
    except ScriptError as exc:
        raise PipelineError(str(exc)) from None
    except UnicodeDecodeError as exc:
        raise PipelineError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def expand_seeds(specs: list[JobSpec], seeds: list[int] | None) -> list[JobSpec]:
    """Each spec once per seed (the sweep replaces the spec's own seed)."""
    if not seeds:
        return specs
    return [s.model_copy(update={"seed": seed, "id": f"{job_name(s, i)}-seed{seed}"})
            for i, s in enumerate(specs) for seed in seeds]


def job_name(spec: JobSpec, index: int) -> str:
    """A readable name: the spec's id, else the script's stem, else ``job-N``."""
    if spec.id:
        return spec.id
    if spec.script:
        return Path(spec.script).stem
    return f"job-{index}"


def content_key(subject: dict[str, Any], options: RenderOptions, passes: list[str]) -> str:
    """sha256 of what the output depends on: the script (or the prompt request), the options, the version."""
    enc = options.encode
    data = {
        "subject": subject,
        "audio": options.audio,
        "ambience": options.ambience,
        "previews": options.previews,
        "metrics": options.metrics,
        "engine": options.engine,
        "engine_options": [list(kv) for kv in options.engine_options],
        "encode": {"codec": enc.codec, "crf": enc.crf, "preset": enc.preset, "pix_fmt": enc.pix_fmt,
                   "container": enc.container, "extra": dict(sorted(enc.extra.items()))},
        "passes": sorted(passes),
        "look": options.look,
        "version": project_version(),
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def resolve_job(spec: JobSpec, index: int, base: RunOptions | None = None) -> Job:
    """Load and override a script job's script (a bad one becomes a job that failed) and compute its key.

    ``base`` are the batch's run options (default: :data:`BATCH_DEFAULTS`); the job's own fields win. A prompt
    job's key hashes the prompt, planner and overrides, not the planned script: an LLM may plan differently
    next time, and resume must still find the job.
    """
    name = job_name(spec, index)
    run = job_options(spec, base if base is not None else RunOptions(**BATCH_DEFAULTS))
    try:
        options = run.render_options()
    except PipelineError as exc:
        options = RenderOptions(engine=run.engine)
        key = content_key({"spec": spec.model_dump(mode="json")}, options, list(run.passes))
        return Job(index, name, spec, spec.script or f"prompt: {spec.prompt}", options, key, run, error=one_line(exc))
    if spec.prompt is not None:
        subject = {"prompt": spec.prompt, "planner": run.planner, "seed": run.seed or 0, "duration": run.duration,
                   "fps": run.fps, "resolution": run.resolution and str(run.resolution)}
        key = content_key(subject, options, list(run.passes))
        return Job(index, name, spec, f"prompt: {spec.prompt}", options, key, run)
    assert spec.script is not None
    try:
        script = apply_script_overrides(load_script(Path(spec.script)), run, spec.script)
    except (ScriptError, PipelineError, OSError) as exc:
        key = content_key({"spec": spec.model_dump(mode="json")}, options, list(run.passes))
        return Job(index, name, spec, spec.script, options, key, run, error=one_line(exc))
    key = content_key({"script": script_hash(script)}, options, list(run.passes))
    return Job(index, name, spec, spec.script, options, key, run, script=script, frames=script.frame_count)


def one_line(exc: BaseException) -> str:
    """An error as one line: the project's errors say it themselves; others get their type name."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, ScriptError | PipelineError | EngineError):
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# --- outputs -------------------------------------------------------------------------------------


def worker_id() -> str:
    """``host:pid`` of the process running a task."""
    return f"{socket.gethostname()}:{os.getpid()}"


def new_work_dir(out_dir: Path, job: Job) -> Path:
    """A fresh hidden folder where a job's outputs are made before they are renamed into place."""
    work = out_dir / ".work" / f"{job.folder}-{uuid.uuid4().hex[:8]}"
    work.mkdir(parents=True)
    return work


def publish(work: Path, out_dir: Path, job: Job, script: SceneScript, report: RunReport, wall_s: float,
            chunks: int = 1) -> JobRecord:
    """Write the job's sidecars into ``work`` and rename the folder to ``OUT/<hash>`` (one atomic step)."""
    final = out_dir / job.folder
    video = final / job.video_name
    report.output = str(video)  # the report was written while the video was still in the work folder
    if report.previews:
        report.previews = {k: v.replace(str(work), str(final)) for k, v in report.previews.items()}
    write_json(work / report_path(Path(job.video_name)).name, report)
    save_script(script, work / "script.yaml")
    res = script.resolution
    record = JobRecord(
        key=job.key, name=job.name, spec=job.spec, enginereel_version=project_version(), video=job.video_name,
        report=report_path(Path(job.video_name)).name, frames=report.frames, width=res.width, height=res.height,
        wall_s=round(wall_s, 3), render_fps=round(report.render_fps, 2), worker=worker_id(),
        finished_at=datetime.now(UTC).isoformat(timespec="seconds"), chunks=chunks,
    )
    write_json(work / "job.json", record)
    if driver_gone():  # the batch that asked for this job is dead: its outputs are no longer ours to publish
        raise PipelineError(f"{final}: not published, the batch driver has died")
    os.rename(work, final)  # fails if a folder is already there: the driver clears broken ones first
    return record


def verify_output(out_dir: Path, job: Job) -> JobRecord | None:
    """The record of a finished, intact output of ``job``, or ``None``.

    Checks more than a marker: ``job.json`` names this key, the report parses, and the video decodes
    to the recorded number of frames at the recorded size (and the script's, for script jobs).
    """
    folder = out_dir / job.folder
    try:
        record = JobRecord.model_validate_json((folder / "job.json").read_text(encoding="utf-8"))
        report = RunReport.model_validate_json((folder / record.report).read_text(encoding="utf-8"))
        if record.key != job.key or report.frames != record.frames:
            return None
        if job.frames is not None and record.frames != job.frames:
            return None
        video = probe(folder / record.video)
    except (OSError, ValueError, PipelineError):
        return None
    if video.frames != record.frames or (video.width, video.height) != (record.width, record.height):
        return None
    return record


def discard(path: Path, out_dir: Path) -> None:
    """Move a broken output out of the way at once (rename), then delete it."""
    if not path.exists():
        return
    trash = out_dir / ".trash" / f"{path.name}-{uuid.uuid4().hex[:8]}"
    trash.parent.mkdir(parents=True, exist_ok=True)
    os.rename(path, trash)
    shutil.rmtree(trash, ignore_errors=True)


@contextlib.contextmanager
def batch_lock(out_dir: Path) -> Iterator[None]:
    """Only one batch at a time may write into ``out_dir`` (resume deletes another run's work folders)."""
    with open(out_dir / ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise PipelineError(f"{out_dir}: another batch is writing to this folder; wait for it or use "
                                "another -o") from None
        yield


# --- tasks (run in worker processes) -----------------------------------------------------------------


def run_job(job: Job, out_dir: str) -> JobOutcome:
    """Plan (prompt jobs), render and publish one job; never raises for the job's own errors."""
    t0 = time.perf_counter()
    out = Path(out_dir)
    work = new_work_dir(out, job)
    try:
        plan, plan_s = None, 0.0
        if job.script is not None:
            script = job.script
        else:
            assert job.spec.prompt is not None
            plan = make_planner(job.run.planner, **job.run.llm_settings()).plan(job.run.plan_request(job.spec.prompt))
            script = apply_script_overrides(plan.script, job.run, job.source)
            if not script.prompt:
                script = script.model_copy(update={"prompt": job.spec.prompt})
            plan_s = time.perf_counter() - t0
        engine = worker_engine(job.options.engine, job.options.engine_options)
        try:
            report = render_script(script, work / job.video_name, job.options, plan=plan, plan_seconds=plan_s,
                                   engine=engine)
        except BaseException:
            drop_worker_engine(job.options.engine, job.options.engine_options)  # its state is suspect now
            raise
        record = publish(work, out, job, script, report, time.perf_counter() - t0)
        return JobOutcome(True, record)
    except Exception as exc:
        shutil.rmtree(work, ignore_errors=True)
        # name the job folder (relative, like the manifest paths), not the temporary one that is gone
        return JobOutcome(False, error=one_line(exc).replace(str(work), job.folder))
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


# --- the driver -----------------------------------------------------------------------------------


@dataclass
class ChunkGroup:
    """A job being rendered as chunks: its work folder and the chunk results so far."""

    job: Job
    work: Path
    ranges: list[range]
    t_start: float
    results: list[ChunkResult] = field(default_factory=list)
    error: str | None = None
    attempts: int = 1


@dataclass
class Task:
    """One submitted task: a whole job, or chunk ``chunk`` of a job."""

    job: Job
    attempt: int
    chunk: int | None = None


ProgressCallback = Callable[[ManifestEntry, int, int], None]
"""Called as each job settles with (its manifest entry, jobs settled, jobs total)."""


def run_batch(
    jobs: list[Job],
    out_dir: Path,
    executor: Executor,
    auto_chunk: bool = True,
    on_progress: ProgressCallback | None = None,
) -> BatchResult:
    """Run ``jobs`` on ``executor`` into ``out_dir``: skip verified outputs, render the rest, write the manifest.

    Jobs with the same key (identical content) are rendered once. A job that fails is recorded and the
    others go on; a worker process that dies is replaced and its jobs retried once.
    """
    t_start = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    with batch_lock(out_dir):
        shutil.rmtree(out_dir / ".work", ignore_errors=True)  # what a killed run left: never finished
        shutil.rmtree(out_dir / ".trash", ignore_errors=True)
        driver = _Driver(jobs, out_dir, executor, auto_chunk, on_progress)
        entries = driver.run()
        shutil.rmtree(out_dir / ".work", ignore_errors=True)
        shutil.rmtree(out_dir / ".trash", ignore_errors=True)
    return BatchResult(entries, time.perf_counter() - t_start, out_dir)


class _Driver:
    """The scheduling loop of :func:`run_batch` (state shared by its steps)."""

    def __init__(self, jobs: list[Job], out_dir: Path, executor: Executor, auto_chunk: bool,
                 on_progress: ProgressCallback | None) -> None:
        self.jobs, self.out, self.executor = jobs, out_dir, executor
        self.auto_chunk, self.on_progress = auto_chunk, on_progress
        self.entries: dict[int, ManifestEntry] = {}
        self.by_key: dict[str, list[Job]] = {}
        for job in jobs:
            self.by_key.setdefault(job.key, []).append(job)
        self.queue: deque[Job] = deque()
        self.running: dict[Future[Any], Task] = {}
        self.groups: dict[str, ChunkGroup] = {}
        self.manifest = out_dir / MANIFEST

    def run(self) -> list[ManifestEntry]:
        tmp = self.manifest.with_name(f".{MANIFEST}.part")
        self._log = open(tmp, "w", encoding="utf-8")  # noqa: SIM115 - closed in the finally below
        os.replace(tmp, self.manifest)  # a fresh manifest; lines are appended as jobs settle
        try:
            for key, same in self.by_key.items():
                first = same[0]
                if first.error is not None:
                    self._settle(key, "failed", error=first.error)
                    continue
                record = verify_output(self.out, first)
                if record is not None:
                    self._settle(key, "cached", record=record, attempts=0)
                else:
                    discard(self.out / first.folder, self.out)
                    self.queue.append(first)
            self._loop()
        except BaseException:
            self.executor.terminate()
            raise
        finally:
            self._log.close()
        entries = [self.entries[j.index] for j in self.jobs]
        write_jsonl(self.manifest, entries)  # the final manifest, in job order
        return entries

    def _loop(self) -> None:
        while self.queue or self.running:
            self._fill()
            done, _ = wait(list(self.running), return_when="FIRST_COMPLETED")
            if any(isinstance(f.exception(), BrokenProcessPool) for f in done):
                # A worker died and took the pool with it: every task in flight ends (some may have finished
                # just before); settle them all before new workers start, so nothing of the old pool is left.
                done, _ = wait(list(self.running))
            tasks = [(self.running.pop(fut), fut) for fut in done]
            broken = [task for task, fut in tasks if isinstance(fut.exception(), BrokenProcessPool)]
            if broken:  # resubmitted first, so a chunked job is not taken as finished while its chunks rerun
                self._recover(broken)
            for task, fut in tasks:
                exc = fut.exception()
                if isinstance(exc, BrokenProcessPool):
                    continue
                if task.chunk is None:
                    self._job_done(task, fut.result() if exc is None else JobOutcome(False, error=one_line(exc)))
                else:
                    self._chunk_done(task, fut.result() if exc is None else None, exc)

    def _fill(self) -> None:
        """Submit queued jobs while workers are free; split a long job when workers would otherwise idle."""
        while self.queue and len(self.running) < self.executor.slots:
            job = self.queue.popleft()
            spare = self.executor.slots - len(self.running) - len(self.queue)
            chunks = min(spare, (job.frames or 0) // MIN_CHUNK_FRAMES) if self.auto_chunk else 1
            if chunks >= 2 and job.script is not None and not job.options.passes:
                self._submit_chunks(job, chunks)
            else:
                self.running[self.executor.submit(run_job, job, str(self.out))] = Task(job, 1)

    def _submit_chunks(self, job: Job, chunks: int, attempt: int = 1) -> None:
        assert job.script is not None and job.frames is not None
        work = new_work_dir(self.out, job)
        segment_dir(work / job.video_name).mkdir()
        ranges = split_frames(job.frames, chunks)
        self.groups[job.key] = ChunkGroup(job, work, ranges, time.perf_counter(), attempts=attempt)
        for i in range(len(ranges)):
            self._submit_chunk(job, i, attempt)

    def _submit_chunk(self, job: Job, i: int, attempt: int) -> None:
        group = self.groups[job.key]
        segment = segment_paths(group.work / job.video_name, group.ranges)[i]
        fut = self.executor.submit(render_chunk, job.script, job.options, group.ranges[i], str(segment))
        self.running[fut] = Task(job, attempt, chunk=i)

    def _recover(self, broken: list[Task]) -> None:
        """A worker process died: start new workers and resubmit what was running, or give up on it."""
        self.executor.restart()
        for task in broken:
            group = self.groups.get(task.job.key)
            if task.chunk is not None and group is None:
                continue  # a sibling chunk already gave up on this job, which has settled as failed
            if task.attempt >= MAX_ATTEMPTS:
                error = f"the worker process died while rendering it ({task.attempt} attempts)"
                if group is not None:
                    group.error = group.error or error
                    self._maybe_finish_group(group)
                else:
                    self._settle(task.job.key, "failed", error=error, attempts=task.attempt)
            elif task.chunk is None:
                self.running[self.executor.submit(run_job, task.job, str(self.out))] = Task(task.job, task.attempt + 1)
            else:
                self._submit_chunk(task.job, task.chunk, task.attempt + 1)
                if group is not None:
                    group.attempts = max(group.attempts, task.attempt + 1)

    def _job_done(self, task: Task, outcome: JobOutcome) -> None:
        if outcome.ok:
            self._settle(task.job.key, "done", record=outcome.record, attempts=task.attempt)
        else:
            self._settle(task.job.key, "failed", error=outcome.error, attempts=task.attempt)

    def _chunk_done(self, task: Task, result: ChunkResult | None, exc: BaseException | None) -> None:
        group = self.groups.get(task.job.key)
        if group is None:
            return  # the job already settled as failed (another chunk's worker died twice)
        if result is not None:
            group.results.append(result)
        elif group.error is None:
            group.error = one_line(exc) if exc else "chunk failed"
        self._maybe_finish_group(group)

    def _maybe_finish_group(self, group: ChunkGroup) -> None:
        if any(t.job.key == group.job.key for t in self.running.values()):
            return  # chunks still in flight
        del self.groups[group.job.key]
        job = group.job
        if group.error is None and len(group.results) == len(group.ranges):
            assert job.script is not None
            try:
                video = group.work / job.video_name
                report = join_chunks(job.script, video, job.options, group.results,
                                     time.perf_counter() - group.t_start)
                shutil.rmtree(segment_dir(video))
                record = publish(group.work, self.out, job, job.script, report, time.perf_counter() - group.t_start,
                                 chunks=len(group.ranges))
                self._settle(job.key, "done", record=record, attempts=group.attempts)
                return
            except (PipelineError, OSError) as exc:
                group.error = one_line(exc)
        shutil.rmtree(group.work, ignore_errors=True)
        self._settle(job.key, "failed", error=group.error, attempts=group.attempts)

    def _settle(self, key: str, status: Status, record: JobRecord | None = None, error: str | None = None,
                attempts: int = 1) -> None:
        """Record the outcome for every job with this key, append it to the manifest and report progress."""
        for job in self.by_key[key]:
            entry = manifest_entry(job, status, self.out, record, error, attempts)
            self.entries[job.index] = entry
            self._log.write(entry.model_dump_json() + "\n")
            self._log.flush()
            if self.on_progress is not None:
                self.on_progress(entry, len(self.entries), len(self.jobs))


def manifest_entry(job: Job, status: Status, out_dir: Path, record: JobRecord | None, error: str | None,
                   attempts: int) -> ManifestEntry:
    """The manifest line of one job (paths relative to the output folder)."""
    entry = ManifestEntry(index=job.index, id=job.name, key=job.key, status=status, source=job.source,
                          seed=job.script.seed if job.script is not None else job.run.seed, attempts=attempts,
                          error=error)
    if record is not None:
        entry.dir = job.folder
        entry.video = f"{job.folder}/{record.video}"
        entry.report = f"{job.folder}/{record.report}"
        entry.frames = record.frames
        entry.resolution = f"{record.width}x{record.height}"
        entry.chunks = record.chunks
        entry.wall_s = record.wall_s
        entry.render_fps = record.render_fps
        entry.worker = record.worker
    return entry


def write_jsonl(path: Path, rows: list[ManifestEntry]) -> None:
    """Write JSON lines atomically (temporary name, then rename)."""
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_text("".join(r.model_dump_json() + "\n" for r in rows), encoding="utf-8")
    os.replace(tmp, path)


def read_manifest(path: Path) -> list[ManifestEntry]:
    """The entries of a manifest (a line cut short by a kill is skipped)."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(ValueError):
            entries.append(ManifestEntry.model_validate_json(line))
    return entries


# --- the command ------------------------------------------------------------------------------------


@contextlib.contextmanager
def batch_progress(enabled: bool, total: int) -> Iterator[ProgressCallback | None]:
    """An overall progress bar (jobs done, jobs/s, ETA, failures so far) on a terminal; nothing otherwise."""
    with terminal_progress(enabled, "batch", "jobs/s", total) as bar:
        if bar is None:
            yield None
            return
        failed = 0

        def update(entry: ManifestEntry, settled: int, _total: int) -> None:
            nonlocal failed
            failed += entry.status == "failed"
            bar(settled, note=f"[red]{failed} failed" if failed else "")

        yield update


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_summary(result: BatchResult, max_rows: int = 30) -> None:
    """A table of the jobs (failures first) and the totals, on stderr."""
    import sys

    from rich.console import Console
    from rich.table import Table

    entries = sorted(result.entries, key=lambda e: (e.status != "failed", e.index))
    table = Table(title=f"batch → {result.out_dir}", title_justify="left")
    for col in ("#", "job", "status", "frames", "chunks", "wall s", "render fps", "output / error"):
        table.add_column(col, justify="right" if col in ("#", "frames", "chunks", "wall s", "render fps") else "left",
                         overflow="fold")
    style = {"done": "green", "cached": "cyan", "failed": "red"}
    for e in entries[:max_rows]:
        table.add_row(str(e.index), e.id, f"[{style[e.status]}]{e.status}", str(e.frames or ""),
                      str(e.chunks) if e.status == "done" else "", f"{e.wall_s:.1f}" if e.wall_s else "",
                      f"{e.render_fps:.1f}" if e.render_fps else "", shorten(e.error or e.video or "", 160))
    if len(entries) > max_rows:
        table.caption = f"… and {len(entries) - max_rows} more in {result.out_dir / MANIFEST}"
    console = Console(stderr=True, width=None if sys.stderr.isatty() else 160)
    console.print(table)
    rendered = result.count("done")
    console.print(f"{len(entries)} jobs: {rendered} rendered, {result.count('cached')} already done, "
                  f"{result.count('failed')} failed in {result.wall_s:.1f} s"
                  + (f" ({rendered / result.wall_s:.2f} jobs/s)" if rendered and result.wall_s else "")
                  + f"; manifest: {result.out_dir / MANIFEST}")


def batch_command(
    jobs_path: Path,
    out_dir: Path,
    seeds: str | None = None,
    workers: int | None = None,
    executor_kind: str = "local",
    ray_address: str | None = None,
    base: RunOptions | None = None,
    auto_chunk: bool = True,
    quiet: bool = False,
) -> BatchResult:
    """``enginereel batch``: read and expand the jobs, run them, print the summary. Returns the result."""
    from pipeline.executors import make_executor

    if workers is not None and workers < 1:
        raise PipelineError(f"--workers must be at least 1, not {workers}")
    specs = expand_seeds(load_jobs(jobs_path), parse_seeds(seeds) if seeds else None)
    jobs = [resolve_job(spec, i, base) for i, spec in enumerate(specs)]
    executor = make_executor(executor_kind, workers, ray_address)
    try:
        with batch_progress(not quiet, len(jobs)) as progress:
            result = run_batch(jobs, out_dir, executor, auto_chunk=auto_chunk, on_progress=progress)
    finally:
        executor.close()
    if not quiet:
        print_summary(result)
    return result
