"""The planner interface: a prompt (and a few overrides) in, a validated scene script out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, get_args

from pydantic import BaseModel, ValidationError

from scenes import SceneScript
from scenes.script import Actor, Camera, Resolution


@dataclass(frozen=True)
class PlanRequest:
    """What to plan. ``None`` overrides leave the choice to the planner (or the prompt)."""

    prompt: str
    duration: float | None = None
    fps: int | None = None
    resolution: Resolution | None = None
    seed: int = 0
    files: tuple[str, ...] = ()  # files the user passed explicitly: the only paths a model's reply may name


@dataclass
class PlanResult:
    """A planned script plus what the planner could not use and how it ran."""

    script: SceneScript
    planner: str
    ignored_words: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    model: str | None = None
    substitutions: list[dict[str, str]] = field(default_factory=list)  # {word, asset, reason}
    tries: int | None = None
    usage: dict[str, Any] | None = None
    latency_s: float | None = None
    world_check: Any | None = None  # scenes.check.CheckReport of the solved, compiled plan


def world_findings(script: SceneScript) -> tuple[Any | None, list[str]]:
    """Solve, compile and world-check a planned script: (the check report, its located findings). An intent
    the solver cannot satisfy is one finding (and no report)."""
    from scenes.check import check_timeline
    from scenes.script import ScriptError
    from scenes.timeline import compile_script

    try:
        report = check_timeline(compile_script(script))
    except ScriptError as exc:
        return None, [str(exc)]
    return report, list(report.findings)


class Planner(Protocol):
    """Anything that turns a prompt into a scene script. Implementations never execute model output."""

    name: str

    def plan(self, request: PlanRequest) -> PlanResult:
        """Plan a script for ``request``; raises ``PlanError`` with a clear message when it cannot."""
        ...


def apply_overrides(script: SceneScript, request: PlanRequest) -> SceneScript:
    """Apply the request's explicit duration/fps/resolution/seed to a planned script (re-validated)."""
    from pipeline.run.options import apply_script_overrides

    given = {"duration": request.duration, "fps": request.fps, "resolution": request.resolution}
    changes = {k: v for k, v in given.items() if v is not None} | {"seed": request.seed, "prompt": request.prompt}
    return apply_script_overrides(script, changes, "the planned script")


def tagged_models(annotation: Any) -> dict[str, type[BaseModel]]:
    """The models of a discriminated union reachable from ``annotation``, keyed by their ``type`` tag.

    Read at run time from the live schema (``Actor.actions``, ``Camera.shots``) so planners follow the
    schema as it grows instead of keeping their own list.
    """
    found: dict[str, type[BaseModel]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, type) and issubclass(node, BaseModel):
            tag_field = node.model_fields.get("type")
            if tag_field is not None:
                for tag in get_args(tag_field.annotation):
                    if isinstance(tag, str):
                        found.setdefault(tag, node)
            return
        for arg in get_args(node):
            walk(arg)

    walk(annotation)
    return found


def action_models() -> dict[str, type[BaseModel]]:
    """Every action type an actor may have, ``{"bounce": Bounce, ...}``."""
    return tagged_models(Actor.model_fields["actions"].annotation)


def intent_models() -> dict[str, type[BaseModel]]:
    """Intent ``type`` → model, from the live schema (``SceneScript.intents``)."""
    return tagged_models(SceneScript.model_fields["intents"].annotation)


def shot_models() -> dict[str, type[BaseModel]]:
    """Every camera shot type, ``{"static": StaticShot, ...}``."""
    return tagged_models(Camera.model_fields["shots"].annotation)


def first_valid(models: dict[str, type[BaseModel]], candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first candidate that its schema model accepts (the schema decides which field names exist)."""
    for cand in candidates:
        model = models.get(cand["type"])
        if model is None:
            continue
        try:
            model.model_validate(cand)
        except ValidationError:
            continue
        return cand
    return None
