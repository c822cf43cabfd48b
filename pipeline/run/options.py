"""The one typed model of a run's options, shared by the CLI, the jobs file (``JobSpec``) and the bench.

Everything a run can be told — script overrides, planner and LLM settings, engine, encoding,
post-production, ``strict`` and ``look`` — is a field of :class:`RunOptions`, validated once. The
CLI builds one from its flags (:func:`from_flags`), a jobs file line is one (plus its source), and the
bench makes them in code. Two functions turn it into what the stages take: :func:`apply_script_overrides`
(the only place a script's duration/fps/resolution/seed are overridden) and
:meth:`RunOptions.render_options` (engine, encoding and passes, checked against this ffmpeg).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from pipeline.errors import PipelineError
from scenes import SceneScript, parse_script
from scenes.script import ResolutionField

if TYPE_CHECKING:
    from pipeline.jobs import RenderOptions
    from pipeline.planners import PlanRequest

Look = Literal["fast", "default", "quality"]
SCRIPT_OVERRIDES = ("duration", "fps", "resolution", "seed")


def _script_field(name: str) -> Any:
    """The scene script's own type and limits for ``name``, so an override is checked exactly like the script."""
    info = SceneScript.model_fields[name]
    return Annotated[(info.annotation, *info.metadata)]


def _pass_names(value: Any) -> Any:
    from pipeline.passes import parse_passes

    if not isinstance(value, str | list | tuple) and value is not None:
        return value
    try:
        return parse_passes(value)
    except PipelineError as exc:  # pydantic locates ValueErrors (the flag, or the jobs file's line)
        raise ValueError(str(exc).removeprefix("--passes: ")) from None


class RunOptions(BaseModel):
    """How to run one job. ``None`` overrides keep the script's (or the planner's) own value."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # script overrides (applied by apply_script_overrides)
    duration: _script_field("duration") | None = None  # type: ignore[valid-type]
    fps: _script_field("fps") | None = None  # type: ignore[valid-type]
    resolution: ResolutionField | None = None
    seed: _script_field("seed") | None = None  # type: ignore[valid-type]
    # planning
    planner: str = "auto"
    model: str | None = None
    llm_tries: int | None = None
    llm_timeout: float | None = None
    llm_retries: int | None = None
    llm_deadline: float | None = None  # seconds for the whole plan, repairs included
    structured: str | None = None
    # engine
    engine: str = "panda3d"
    unreal_host: str = "localhost"
    unreal_port: int = 9000
    unreal_classes: Path | None = None
    # encoding
    codec: str = "h264"
    crf: int | None = None
    preset: str | None = None
    container: str | None = None
    bit_depth: int = 8
    # post-production
    audio: bool = True  # a soundtrack from collisions and footsteps
    ambience: bool = True  # plus the setting's ambience bed
    previews: bool = True  # contact sheet, poster and animation
    metrics: bool = False  # flicker/warping/SSIM into the report (slow)
    passes: Annotated[tuple[str, ...], BeforeValidator(_pass_names)] = ()
    # the run
    strict: bool = False  # refuse a plan that fails the world check (batch runs strict by default)
    look: Look = "default"  # render quality tier, recorded in the run report
    chunks: int = 1  # frame ranges rendered in parallel processes (render only)
    render_processes: int | None = None  # engine processes drawing one video's frames (None: automatic)

    def with_fields(self, given: dict[str, Any]) -> RunOptions:
        """These options with ``given`` fields replaced (validated again)."""
        return type(self).model_validate(self.model_dump() | given)

    def script_overrides(self) -> dict[str, Any]:
        """The overrides that are set, as script fields."""
        return {k: getattr(self, k) for k in SCRIPT_OVERRIDES if getattr(self, k) is not None}

    def engine_options(self) -> tuple[tuple[str, object], ...]:
        """Options of the chosen engine (the Unreal flags mean nothing to the other engines; the look is the
        embedded engine's shader set, engine_bridge/panda/looks.py)."""
        if self.engine != "unreal":
            return (("look", self.look),)
        return (("host", self.unreal_host), ("port", self.unreal_port), ("class_map", self.unreal_classes))

    def llm_settings(self) -> dict[str, Any]:
        """Keyword arguments of :func:`pipeline.planners.make_planner` (``None`` keeps the default)."""
        return {"model": self.model, "tries": self.llm_tries, "timeout_s": self.llm_timeout,
                "max_retries": self.llm_retries, "structured": self.structured, "deadline_s": self.llm_deadline}

    def plan_request(self, prompt: str) -> PlanRequest:
        """What to ask the planner for ``prompt`` under these overrides."""
        from pipeline.planners import PlanRequest

        return PlanRequest(prompt=prompt, duration=self.duration, fps=self.fps, resolution=self.resolution,
                           seed=self.seed or 0)

    def render_options(self, output: Path | None = None) -> RenderOptions:
        """Engine, encoding, post-production and pass choices, checked against this ffmpeg (one-line errors)."""
        from pipeline.encode import container_of, encode_settings
        from pipeline.jobs import RenderOptions

        container = self.container or (container_of(output) if output is not None else None) or "mp4"
        settings = encode_settings(self.codec, self.crf, self.preset, container, self.bit_depth)
        if self.passes and self.chunks != 1:
            raise PipelineError("--passes cannot be combined with --chunks yet (each chunk would write its own "
                                "passes); render with --chunks 1")
        if self.render_processes is not None and self.render_processes < 1:
            raise PipelineError(f"--render-processes must be at least 1, not {self.render_processes}")
        if self.passes and (self.render_processes or 1) > 1:
            raise PipelineError("--passes are drawn by one engine: render them with --render-processes 1 (or leave "
                                "it out)")
        return RenderOptions(engine=self.engine, engine_options=self.engine_options(), encode=settings,
                             audio=self.audio, ambience=self.ambience, previews=self.previews, metrics=self.metrics,
                             passes=self.passes, strict=self.strict, look=self.look,
                             render_processes=self.render_processes)


def apply_script_overrides(script: SceneScript, options: RunOptions | dict[str, Any], source: str,
                           also: dict[str, Any] | None = None) -> SceneScript:
    """``script`` with the options' duration/fps/resolution/seed (and ``also``: e.g. the prompt) applied.

    The one place overrides are applied, for the CLI, planners, batch jobs and the bench; the result is
    validated again, so an override that breaks the script (a shot after the new end) is named.
    """
    changes = options.script_overrides() if isinstance(options, RunOptions) else dict(options)
    changes |= also or {}
    if not changes:
        return script
    changes = {k: (v.model_dump() if isinstance(v, BaseModel) else v) for k, v in changes.items()}
    # only what was set goes through again: a shot's camera left for the solver to place (a framing intent)
    # stays unset, or every overridden plan was filmed from the default position (a "wide shot" of a bus from
    # 4 m away, while the plan, scored before the overrides, was framed right)
    return parse_script(script.model_dump(mode="json", by_alias=True, exclude_unset=True) | changes,
                        f"{source} (with overrides)")


def flag_name(field: str) -> str:
    """The command-line flag of an options field: ``llm_timeout`` → ``--llm-timeout``."""
    return "--" + field.replace("_", "-")


def option_error(exc: ValidationError, name: Any = flag_name) -> PipelineError:
    """The first problem of an options model as one line naming the flag (``--resolution: width: …``)."""
    from scenes.io import format_validation_error

    err = exc.errors()[0]
    loc = [str(x) for x in err.get("loc", ())]
    line = format_validation_error(exc, "")[0].removeprefix(": ")
    if not loc:
        return PipelineError(line)
    rest = line.removeprefix(".".join(loc[:1])).removeprefix(".")
    return PipelineError(f"{name(loc[0])}{': ' if not rest.startswith(': ') else ''}{rest}")


def from_flags(params: dict[str, Any], **defaults: Any) -> RunOptions:
    """The run options of a CLI command from its parameters (those that are options fields; ``None`` = unset)."""
    given = {k: v for k, v in params.items() if k in RunOptions.model_fields and v is not None}
    try:
        return RunOptions.model_validate(defaults | given)
    except ValidationError as exc:
        raise option_error(exc) from None
