"""The ``enginereel`` command line.

Exit codes: 0 success, 1 a user error (one line on stderr naming the file, field or host and what to
do), 2 a usage error (bad flags), 130 interrupted.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Annotated, Any

import typer

from engine_bridge import EngineError
from pipeline.errors import PipelineError
from pipeline.jobs import render_script
from pipeline.planners import PlanResult, make_planner
from pipeline.planners.base import apply_overrides
from pipeline.progress import terminal_progress
from pipeline.render import ProgressFn
from pipeline.run.options import RunOptions, apply_script_overrides, from_flags
from scenes import SceneScript, ScriptError, dumps_script, load_script, save_script
from scenes.script import Resolution

app = typer.Typer(
    name="enginereel",
    help="Text to video through a game engine: prompt → scene script → rendered, encoded video.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

USER_ERRORS = (ScriptError, EngineError, PipelineError)


def fail(message: str, code: int = 1) -> None:
    """Print one error line and exit."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def user_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the project's own errors into one line and exit code 1, and Ctrl-C into 130."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except USER_ERRORS as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            typer.echo("interrupted; nothing was left half-written", err=True)
            raise typer.Exit(130) from None
        except OSError as exc:
            fail(f"{exc.filename or ''}{': ' if exc.filename else ''}{exc.strerror or exc}")

    return wrapper


def parse_resolution(value: str | None) -> Resolution | None:
    """``1280x720`` → Resolution, with a one-line error for anything else."""
    if value is None:
        return None
    from pydantic import TypeAdapter, ValidationError

    from scenes.io import format_validation_error
    from scenes.script import ResolutionField

    try:
        return TypeAdapter(ResolutionField).validate_python(value)
    except ValidationError as exc:
        line = format_validation_error(exc, "--resolution")[0].replace("--resolution: (top level): ", "--resolution: ")
        raise PipelineError(line) from None


@contextmanager
def progress_bar(enabled: bool, label: str) -> Iterator[ProgressFn | None]:
    """A progress bar with frames, fps and ETA on a terminal; nothing otherwise."""
    with terminal_progress(enabled, label, "fps") as bar:
        yield (lambda done, total: bar(done, total)) if bar else None


def summary(report: Any, quiet: bool) -> None:
    """Print where the video went and how fast it was made."""
    if quiet:
        return
    typer.echo(
        f"wrote {report.output} ({report.frames} frames, {report.resolution}, {report.duration_s:.1f} s) "
        f"in {report.stages.total:.1f} s: render {report.render_fps:.1f} fps, "
        f"real-time factor {report.realtime_factor:.2f}",
        err=True,
    )
    check = report.world_check
    if check is not None and not check.passed:
        for line in check.findings:
            typer.echo(f"warning: check: {line}", err=True)
    if report.plan and report.plan.ignored_words:
        typer.echo(f"note: words the {report.plan.planner} planner did not use: "
                   f"{', '.join(report.plan.ignored_words)}", err=True)


OutputOpt = Annotated[Path, typer.Option("-o", "--output", help="Output video file (.mp4).")]
DurationOpt = Annotated[float | None, typer.Option("--duration", help="Video length in seconds.")]
FpsOpt = Annotated[int | None, typer.Option("--fps", help="Frames per second.")]
ResolutionOpt = Annotated[str | None, typer.Option("--resolution", help="Frame size WxH, e.g. 1280x720.")]
SeedOpt = Annotated[int | None, typer.Option("--seed", help="Random seed (same script + seed = same frames).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
PassesOpt = Annotated[str | None, typer.Option(
    "--passes", help="Ground-truth passes to write to OUTPUT.passes/: any of depth,mask,flow,normals,camera.")]
SaveScriptOpt = Annotated[Path | None, typer.Option("--save-script", help="Also save the scene script here.")]
EngineOpt = Annotated[str, typer.Option("--engine", help="Engine: panda3d (embedded), software or unreal.")]
RenderProcessesOpt = Annotated[int | None, typer.Option(
    "--render-processes", help="Engine processes drawing the frames (default: 2 on 2+ cores for the embedded "
    "engine without passes, else 1).")]
UnrealHostOpt = Annotated[str, typer.Option("--unreal-host", help="UnrealCV server host (--engine unreal).")]
UnrealPortOpt = Annotated[int, typer.Option("--unreal-port", help="UnrealCV server port (--engine unreal).")]
UnrealClassesOpt = Annotated[Path | None, typer.Option(
    "--unreal-classes", help="Asset → Unreal class mapping (YAML; default: the shipped one, see docs/unreal.md).")]
PlannerOpt = Annotated[str, typer.Option(
    "--planner", help="openai (any OpenAI-compatible server: OPENAI_API_KEY, OPENAI_BASE_URL), offline, or auto "
    "(openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else offline).")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="LLM model name (default gpt-4o-mini).")]
LLMTriesOpt = Annotated[int | None, typer.Option("--llm-tries", help="LLM replies to ask for, repairs included.")]
LLMTimeoutOpt = Annotated[float | None, typer.Option("--llm-timeout", help="Seconds per LLM request.")]
LLMRetriesOpt = Annotated[int | None, typer.Option("--llm-retries", help="Client retries on 429/5xx/timeouts.")]
LLMDeadlineOpt = Annotated[float | None, typer.Option("--llm-deadline", help="Seconds for the whole plan, repairs "
                                                      "included (default: every request's budget summed).")]
StructuredOpt = Annotated[str | None, typer.Option(
    "--structured", help="LLM output mode: auto (json_schema, else json_object), json_schema or json_object.")]


def planned(prompt: str, options: RunOptions) -> PlanResult:
    """Run the chosen planner with the options' LLM settings and apply the script overrides."""
    request = options.plan_request(prompt)
    result = make_planner(options.planner, **options.llm_settings()).plan(request)
    if options.planner == "auto" and result.planner == "offline":
        result.notes.append("auto: OPENAI_API_KEY and OPENAI_BASE_URL are unset, so the offline planner ran")
    result.script = apply_overrides(result.script, request)
    return result


def run_options(params: dict[str, Any], **defaults: Any) -> RunOptions:
    """A command's parameters (its ``locals()`` on entry) as run options (``defaults``: the command's own, e.g.
    batch is strict); each command names its flags after the options fields, so nothing is threaded by hand."""
    return from_flags(params, **defaults)


def check_outputs(output: Path, options: RunOptions, save_script_to: Path | None, *inputs: Path) -> None:
    """Refuse, before any work, outputs that collide with each other or with an input, or are special files."""
    from pipeline.run.outputs import run_outputs

    given = [*inputs, *([options.unreal_classes] if options.unreal_classes else [])]
    run_outputs(output, options.previews, bool(options.passes), script=save_script_to, inputs=given)


def plan_line(result: PlanResult) -> str:
    """Which planner ran, for stderr once the command has succeeded."""
    how = f" ({result.model}, {result.tries} tr{'y' if result.tries == 1 else 'ies'})" if result.model else ""
    return f"planned by the {result.planner} planner{how}"


CodecOpt = Annotated[str, typer.Option("--codec", help="h264 (default), h265, vp9 or av1 (`enginereel info`).")]
CrfOpt = Annotated[int | None, typer.Option("--crf", help="Quality, lower is better (default per codec).")]
PresetOpt = Annotated[str | None, typer.Option("--preset", help="Speed: ultrafast … veryslow (default superfast for "
                                                                 "h264, veryfast for the others).")]
ContainerOpt = Annotated[str | None, typer.Option("--container", help="mp4, webm, mov or mkv (default: from -o).")]
BitDepthOpt = Annotated[int, typer.Option("--bit-depth", help="8 (default) or 10 where the codec allows.")]
AudioOpt = Annotated[bool, typer.Option("--audio/--no-audio", help="A soundtrack (impacts, footsteps, ambience).")]
AmbienceOpt = Annotated[bool, typer.Option("--ambience/--no-ambience", help="The setting's ambience bed (else "
                                           "impacts and footsteps only).")]
PreviewsOpt = Annotated[bool, typer.Option("--previews/--no-previews", help="Contact sheet, poster and animation.")]
MetricsOpt = Annotated[bool, typer.Option("--metrics", help="Measure flicker/warping/SSIM into the report (slow).")]
StrictOpt = Annotated[bool | None, typer.Option("--strict/--no-strict", help="Refuse to render a script that fails "
                                                "the world check, else its findings are warnings in the report "
                                                "(default: off for render/generate, on for batch).")]
LookOpt = Annotated[str | None, typer.Option("--look", help="Render quality: fast, default or quality "
                                             "(recorded in the report).")]


@app.command()
@user_errors
def generate(
    prompt: Annotated[str, typer.Argument(help="What the video should show.")],
    output: OutputOpt = Path("out.mp4"),
    duration: DurationOpt = None,
    fps: FpsOpt = None,
    resolution: ResolutionOpt = None,
    seed: SeedOpt = None,
    save_script_to: SaveScriptOpt = None,
    planner: PlannerOpt = "auto",
    model: ModelOpt = None,
    llm_tries: LLMTriesOpt = None,
    llm_timeout: LLMTimeoutOpt = None,
    llm_retries: LLMRetriesOpt = None,
    llm_deadline: LLMDeadlineOpt = None,
    structured: StructuredOpt = None,
    engine: EngineOpt = "panda3d",
    render_processes: RenderProcessesOpt = None,
    passes: PassesOpt = None,
    unreal_host: UnrealHostOpt = "localhost",
    unreal_port: UnrealPortOpt = 9000,
    unreal_classes: UnrealClassesOpt = None,
    quiet: QuietOpt = False,
    codec: CodecOpt = "h264",
    crf: CrfOpt = None,
    preset: PresetOpt = None,
    container: ContainerOpt = None,
    bit_depth: BitDepthOpt = 8,
    audio: AudioOpt = True,
    ambience: AmbienceOpt = True,
    previews: PreviewsOpt = True,
    metrics: MetricsOpt = False,
    strict: StrictOpt = None,
    look: LookOpt = None,
) -> None:
    """Plan a scene from PROMPT and render it to a video (plus OUTPUT.json, the run report)."""
    options = run_options(locals())
    render_opts = options.render_options(output)
    check_outputs(output, options, save_script_to)
    t0 = time.perf_counter()
    result = planned(prompt, options)
    plan_seconds = time.perf_counter() - t0
    if save_script_to is not None:
        save_script(result.script, save_script_to)
    with progress_bar(not quiet, "rendering") as progress:
        report = render_script(result.script, output, render_opts, plan=result, plan_seconds=plan_seconds,
                               progress=progress)
    if not quiet:
        typer.echo(plan_line(result), err=True)
    summary(report, quiet)


@app.command()
@user_errors
def plan(
    prompt: Annotated[str, typer.Argument(help="What the video should show.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the script here (.yaml/.json).")] = None,
    duration: DurationOpt = None,
    fps: FpsOpt = None,
    resolution: ResolutionOpt = None,
    seed: SeedOpt = None,
    planner: PlannerOpt = "auto",
    model: ModelOpt = None,
    llm_tries: LLMTriesOpt = None,
    llm_timeout: LLMTimeoutOpt = None,
    llm_retries: LLMRetriesOpt = None,
    llm_deadline: LLMDeadlineOpt = None,
    structured: StructuredOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="yaml or json (stdout only).")] = "yaml",
    resolve: Annotated[bool, typer.Option("--resolve", help="Write the solved, concrete script (the intents "
                                          "turned into positions, actions, physics and camera placements).")] = False,
) -> None:
    """Turn PROMPT into a scene script, printed or saved, to edit and then `render`; the plan is solved,
    compiled and world-checked, and every finding is printed as a warning."""
    from scenes.check import check_timeline
    from scenes.timeline import compile_script

    result = planned(prompt, run_options(locals()))
    timeline = compile_script(result.script)
    script = timeline.script if resolve else result.script
    if output is not None:
        save_script(script, output)
    else:
        typer.echo(dumps_script(script, fmt), nl=False)
    typer.echo(plan_line(result), err=True)
    for line in check_timeline(timeline).findings:
        typer.echo(f"warning: check: {line}", err=True)
    if result.ignored_words:
        typer.echo(f"note: words the {result.planner} planner did not use: {', '.join(result.ignored_words)}",
                   err=True)
    for sub in result.substitutions:  # nouns shown as something else: a synonym's asset or a labelled placeholder
        typer.echo(f"note: {sub['word']!r} is shown as {sub['asset']} ({sub['reason']})", err=True)


@app.command("plan-score")
@user_errors
def plan_score(
    planner: PlannerOpt = "offline",
    model: ModelOpt = None,
    only: Annotated[list[str] | None, typer.Option("--only", help="Score only this prompt id (repeatable).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine output: the summary and every verdict.")] = False,
    per_prompt: Annotated[bool, typer.Option("--prompts", help="Also print one line per prompt.")] = False,
    failures: Annotated[bool, typer.Option("--failures", help="Also print every failed fact with its figure.")] = False,
    prompt_set: Annotated[Path | None, typer.Option(
        "--set", help="A prompt-set YAML file (default: the shipped held-out set).")] = None,
) -> None:
    """Plan every held-out prompt, compile it (no rendering) and judge its facts on the compiled world."""
    from pipeline.promptset.facts import PromptSetError, load_prompt_set
    from pipeline.promptset.score import prompt_record, score_prompt, summarise

    try:
        cases = load_prompt_set(prompt_set)
    except PromptSetError as exc:
        raise PipelineError(str(exc)) from None
    chosen = [c for c in cases.prompts if not only or c.id in only]
    unknown = sorted(set(only or ()) - {c.id for c in cases.prompts})
    if unknown:
        fail(f"--only: no prompt with id {', '.join(unknown)} in the set")
    runner = make_planner(planner, model=model)
    scores = [score_prompt(runner, case, cases) for case in chosen]
    from scenes.catalog import CATALOG

    summary_data = summarise(scores, planner, cases.missing_assets(CATALOG))
    if as_json:
        typer.echo(json.dumps({**summary_data, "results": [prompt_record(s) for s in scores]}, indent=2))
        return
    for line in score_lines(summary_data, scores, per_prompt, failures):
        typer.echo(line)


def score_lines(data: dict[str, Any], scores: list[Any], per_prompt: bool, failures: bool) -> Iterator[str]:
    """The human-readable plan-score report."""
    yield (f"{data['planner']} planner on {data['prompts']} prompts ({data['seconds']:.1f} s): "
           f"facts met {data['facts_met']}/{data['facts']} ({data['facts_met_pct']:.1f} %), "
           f"prompts fully met {data['prompts_fully_met']}/{data['prompts']} ({data['prompts_fully_met_pct']:.1f} %)")
    yield "failures per fact kind:"
    for kind, row in data["failures_by_kind"].items():
        yield f"  {kind:<26} {row['failed']:>3} failed of {row['of']:>3}"
    for cat, row in data["by_category"].items():
        yield (f"category {cat:<10} prompts {row['fully_met']}/{row['prompts']}, facts {row['met']}/{row['facts']}")
    missing = data["assets_missing_from_catalog"]
    yield f"names the catalog lacks ({len(missing)}; their facts fail until they exist): {', '.join(missing)}"
    yield f"plan errors: {len(data['plan_errors'])}"
    for pid, err in data["plan_errors"].items():
        yield f"  {pid}: {err}"
    for s in scores if per_prompt or failures else ():
        mark = "ok " if s.fully_met else "ERR" if s.error else "-- "
        if per_prompt:
            yield f"{mark} {s.id:<28} {s.met}/{s.facts}  {s.prompt}"
        if failures:
            for v in s.verdicts:
                if not v.met:
                    yield f"    {s.id}: {v.fact}: {v.detail}"


@app.command()
@user_errors
def render(
    script_path: Annotated[Path, typer.Argument(metavar="SCRIPT", help="Scene script (.yaml or .json).")],
    output: OutputOpt = Path("out.mp4"),
    duration: DurationOpt = None,
    fps: FpsOpt = None,
    resolution: ResolutionOpt = None,
    seed: SeedOpt = None,
    save_script_to: SaveScriptOpt = None,
    engine: EngineOpt = "panda3d",
    render_processes: RenderProcessesOpt = None,
    passes: PassesOpt = None,
    unreal_host: UnrealHostOpt = "localhost",
    unreal_port: UnrealPortOpt = 9000,
    unreal_classes: UnrealClassesOpt = None,
    quiet: QuietOpt = False,
    codec: CodecOpt = "h264",
    crf: CrfOpt = None,
    preset: PresetOpt = None,
    container: ContainerOpt = None,
    bit_depth: BitDepthOpt = 8,
    audio: AudioOpt = True,
    ambience: AmbienceOpt = True,
    previews: PreviewsOpt = True,
    metrics: MetricsOpt = False,
    strict: StrictOpt = None,
    look: LookOpt = None,
    chunks: Annotated[int, typer.Option("--chunks", help="Render K frame ranges in parallel processes, then join "
                                        "them (same frames).")] = 1,
) -> None:
    """Render a scene script to a video (and, with --passes, its ground truth to OUTPUT.passes/)."""
    options = run_options(locals())
    render_opts = options.render_options(output)
    check_outputs(output, options, save_script_to, script_path)
    script = apply_script_overrides(load_script(script_path), options, str(script_path))
    if save_script_to is not None:
        save_script(script, save_script_to)
    with progress_bar(not quiet, "rendering") as progress:
        if options.chunks != 1:
            from pipeline.chunks import render_chunked

            report = render_chunked(script, output, render_opts, options.chunks, progress=progress)
        else:
            report = render_script(script, output, render_opts, progress=progress)
    summary(report, quiet)


@app.command()
@user_errors
def batch(
    jobs: Annotated[Path, typer.Argument(metavar="JOBS", help="Jobs file (.jsonl, .yaml) or a directory of scripts.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output folder (one sub-folder per job).")] = Path(
        "batch-out"),
    seeds: Annotated[str | None, typer.Option("--seeds", help="Seed sweep for every job: 0..99, 1,5,9.")] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Worker processes (default: CPU cores).")] = None,
    executor: Annotated[str, typer.Option("--executor", help="local (process pool) or ray.")] = "local",
    ray_address: Annotated[str | None, typer.Option("--ray-address", help="Ray cluster to join (default: a "
                                                    "local instance).")] = None,
    engine: EngineOpt = "panda3d",
    auto_chunks: Annotated[bool, typer.Option("--auto-chunks/--no-auto-chunks", help="Split long jobs when "
                                              "workers would idle.")] = True,
    strict: StrictOpt = None,
    look: LookOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Render many jobs: content-hashed outputs, manifest.jsonl, resume by rerunning (docs/batch.md).

    --engine, --strict and --look are every job's defaults; a job's own fields in the jobs file win."""
    from pipeline.batch import BATCH_DEFAULTS, batch_command

    result = batch_command(jobs, output, seeds, workers, executor, ray_address, run_options(locals(), **BATCH_DEFAULTS),
                           auto_chunks, quiet)
    if not result.ok:
        fail(f"{result.count('failed')} of {len(result.entries)} jobs failed; see {output / 'manifest.jsonl'}")


@app.command()
@user_errors
def validate(
    script_paths: Annotated[list[Path], typer.Argument(metavar="SCRIPT...", help="Scene scripts to check.")],
) -> None:
    """Check scene scripts: every problem is printed as FILE: FIELD: what is wrong."""
    from scenes import compile_script

    bad = 0
    for path in script_paths:
        try:
            timeline = compile_script(load_script(path))
            for warning in timeline.warnings:  # clamped requests: the script still renders
                typer.echo(f"{path}: warning: {warning}", err=True)
            typer.echo(f"{path}: ok")
        except ScriptError as exc:
            bad += 1
            for line in getattr(exc, "lines", [str(exc)]):
                typer.echo(line, err=True)
    if bad:
        raise typer.Exit(1)


@app.command()
@user_errors
def check(
    script_path: Annotated[Path, typer.Argument(metavar="SCRIPT", help="Scene script to check.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the check report as JSON.")] = False,
) -> None:
    """Validate, compile and world-check a script: each check with its figure, every finding one line.

    Exits 1 when anything floats, overlaps, is out of frame, idles, or an asked event or camera move
    does not happen (the limits are printed with --json).
    """
    from scenes import compile_script
    from scenes.check import check_timeline

    report = check_timeline(compile_script(load_script(script_path)))
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        typer.echo(f"{script_path}: world check {'passed' if report.passed else 'failed'} in {report.seconds:.2f} s")
        for line in report.summary():
            typer.echo(line)
        typer.echo("limits: " + ", ".join(f"{k} {v:g}" for k, v in report.limits.model_dump().items()))
    if not report.passed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the scene script's JSON Schema."""
    typer.echo(json.dumps(SceneScript.model_json_schema(by_alias=True), indent=2))


@app.command()
@user_errors
def assets(
    contact_sheet: Annotated[Path | None, typer.Option("--contact-sheet", help="Render a labelled thumbnail of every "
                                                       "asset into this PNG instead of listing them.")] = None,
    labels: Annotated[bool, typer.Option("--labels/--no-labels", help="Names under the thumbnails (off: numbers "
                                         "only, for a blind naming pass).")] = True,
) -> None:
    """List the asset catalog shelf by shelf: name, kind, size at scale 1, traits, actions and description."""
    from scenes.catalog import by_group

    if contact_sheet is not None:
        from pipeline.contact_sheet import contact_sheet as render_sheet

        count = render_sheet(contact_sheet, labels=labels)
        typer.echo(f"{contact_sheet}: {count} assets")
        return
    for group, specs in by_group().items():
        if not specs:
            continue
        typer.echo(f"[{group}] {len(specs)} assets")
        for a in specs:
            w, d, h = a.size
            traits = ", ".join(_trait_words(a.traits.as_dict()))
            typer.echo(f"{a.name:16s} {a.kind:9s} {w:.2f} x {d:.2f} x {h:.2f} m  traits: {traits}  "
                       f"actions: {', '.join(a.actions)}  — {a.description}")


def _trait_words(traits: dict[str, object]) -> list[str]:
    """Short words for a listing: ``supports@0.76``, ``seat@0.45``, ``grip``, ``round``, ``shape=box``."""
    words = []
    for name, value in traits.items():
        if name == "physics_shape":
            words.append(f"shape={value}")
        elif name == "supports":
            words.append("supports@" + "/".join(f"{s['height']:g}" for s in value))  # type: ignore[union-attr]
        elif isinstance(value, dict) and "height" in value:
            words.append(f"{name}@{value['height']:g}")
        else:
            words.append(name)
    return words


@app.command()
@user_errors
def bench(
    quick: Annotated[bool, typer.Option("--quick", help="A short run (3 s) instead of 60 s.")] = False,
    resolution: ResolutionOpt = None,
    duration: DurationOpt = None,
    engine: EngineOpt = "panda3d",
    look: LookOpt = None,
    script_path: Annotated[Path | None, typer.Option("--script", help="Scene to bench (default: reference).")] = None,
    passes_bench: Annotated[bool, typer.Option("--passes/--no-passes",
                                               help="Also time each ground-truth pass at 720p and 1080p.")] = True,
    section: Annotated[list[str] | None, typer.Option("--section", help="What to measure (repeatable): speed "
                                                      "(default), protocol, batch, memory, … (--list).")] = None,
    list_sections: Annotated[bool, typer.Option("--list", help="List the sections and exit.")] = False,
    protocol: Annotated[bool, typer.Option("--protocol", help="Same as --section protocol.")] = False,
    batch_mode: Annotated[bool, typer.Option("--batch", help="Same as --section batch.")] = False,
    catalog: Annotated[bool, typer.Option("--catalog", help="Same as --section catalog.")] = False,
) -> None:
    """Benchmark the pipeline; prints JSON (one section's object, or one object per section)."""
    from pipeline.run.bench import BenchContext, run_sections, sections

    if list_sections:
        for item in sections().values():
            typer.echo(f"{item.name:10s} {item.summary}")
        return
    names = list(section or []) + ["protocol"] * protocol + ["batch"] * batch_mode + ["catalog"] * catalog
    context = BenchContext(options=run_options(locals()), quick=quick, script_path=script_path, passes=passes_bench)
    typer.echo(json.dumps(run_sections(names or ["speed"], context), indent=2))


@app.command()
@user_errors
def serve(
    port: Annotated[int, typer.Option("--port", help="TCP port (0 picks a free one).")] = 9000,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")] = "127.0.0.1",
    project: Annotated[str, typer.Option("--project", help="Name in the 'connected to …' greeting.")] = "enginereel",
    tcp_only: Annotated[bool, typer.Option("--tcp-only", help="Serve every client over TCP (the plugin on Windows "
                                           "and macOS); by default on Linux, like the plugin there, TCP serves the "
                                           "first client and then /tmp/unrealcv_PORT.socket.")] = False,
) -> None:
    """Serve the UnrealCV protocol on HOST:PORT as the UnrealCV 5.2 plugin does, drawing with the embedded engine
    (Ctrl-C stops)."""
    from engine_bridge.unreal.server import LINUX, UnrealCVServer

    server = UnrealCVServer(host, port, project, linux_sockets=LINUX and not tcp_only)
    bound_host, bound_port = server.address
    then = f", then {server.socket_path} after the first client" if LINUX and not tcp_only else ""
    typer.echo(f"listening on {bound_host}:{bound_port}{then} (UnrealCV protocol, embedded engine); Ctrl-C stops",
               err=True)
    server.serve_forever()


@app.command()
@user_errors
def metrics(
    video: Annotated[Path, typer.Argument(help="Any video file ffmpeg can read.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Also write the JSON here.")] = None,
    masks: Annotated[Path | None, typer.Option("--masks", help="Folder of per-frame instance masks "
                                                               "(.npy or .png, name order).")] = None,
    script_path: Annotated[Path | None, typer.Option("--script", help="The scene script VIDEO was rendered "
                                                                      "from: static shots come from it.")] = None,
    reference: Annotated[Path | None, typer.Option("--reference", help="Also the SSIM of every frame against the "
                                                                       "same frame of this video (e.g. another "
                                                                       "encode of the same frames).")] = None,
) -> None:
    """Temporal quality of VIDEO: VBench flicker, warping error, SSIM (JSON on stdout, a table on a terminal)."""
    from pipeline.metrics import load_masks, print_table, ssim_against_video, static_pairs_from_timeline, video_metrics
    from pipeline.report import write_json

    if not video.is_file():
        raise PipelineError(f"{video}: no such video file")
    if reference is not None and not reference.is_file():
        raise PipelineError(f"--reference {reference}: no such video file")
    if masks is not None and not masks.is_dir():
        raise PipelineError(f"--masks {masks}: not a folder of mask files")
    static = None
    if script_path is not None:
        from scenes import compile_script

        static = static_pairs_from_timeline(compile_script(load_script(script_path)))
    result = video_metrics(video, static=static, masks=load_masks(masks) if masks is not None else None)
    if reference is not None:
        try:
            against = ssim_against_video(video, reference)
        except ValueError as exc:
            raise PipelineError(f"--reference: {exc}") from None
        result.ssim_reference, result.ssim_reference_min = against["ssim"], against["ssim_min"]
    if output is not None:
        write_json(output, result)
    if sys.stdout.isatty():
        print_table(result)
    else:
        typer.echo(result.model_dump_json(indent=2))


@app.command()
def info() -> None:
    """What this installation can do: ffmpeg, codecs, containers, audio encoders, preview formats."""
    from pipeline.encode import CONTAINERS, available_codecs
    from pipeline.ffmpeg_tool import ffmpeg_audio_encoders, ffmpeg_exe, ffmpeg_version
    from pipeline.previews import preview_paths

    typer.echo(f"ffmpeg      {ffmpeg_version()}  ({ffmpeg_exe()})")
    for name, enc in available_codecs().items():
        typer.echo(f"codec       {name:5s} {enc or 'not available'}")
    for cont, codecs in CONTAINERS.items():
        typer.echo(f"container   {cont:5s} {', '.join(codecs)}")
    audio = ffmpeg_audio_encoders()
    typer.echo(f"audio       aac {'yes' if 'aac' in audio else 'no'}, opus {'yes' if 'libopus' in audio else 'no'}")
    typer.echo(f"previews    contact sheet png, poster png, animation {preview_paths(Path('x.mp4')).animation.suffix}")


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM unwinds like Ctrl-C, so partial outputs are removed on the way out.
    raise KeyboardInterrupt


def main() -> None:
    """Console-script entry point."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except SystemExit as exc:
        raise SystemExit(exc.code) from None


if __name__ == "__main__":
    main()
