"""The planner interface: a prompt (and a few overrides) in, a validated scene script out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from scenes import SceneScript
from scenes.script import Resolution


@dataclass(frozen=True)
class PlanRequest:
    """What to plan. ``None`` overrides leave the choice to the planner (or the prompt)."""

    prompt: str
    duration: float | None = None
    fps: int | None = None
    resolution: Resolution | None = None
    seed: int = 0


@dataclass
class PlanResult:
    """A planned script plus what the planner could not use and how it ran."""

    script: SceneScript
    planner: str
    ignored_words: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    model: str | None = None
    tries: int | None = None
    usage: dict[str, Any] | None = None
    latency_s: float | None = None


class Planner(Protocol):
    """Anything that turns a prompt into a scene script. Implementations never execute model output."""

    name: str

    def plan(self, request: PlanRequest) -> PlanResult:
        """Plan a script for ``request``; raises ``PlanError`` with a clear message when it cannot."""
        ...


def apply_overrides(script: SceneScript, request: PlanRequest) -> SceneScript:
    """Apply the request's explicit duration/fps/resolution/seed to a planned script (re-validated)."""
    changes: dict[str, Any] = {"seed": request.seed, "prompt": request.prompt}
    if request.duration is not None:
        changes["duration"] = request.duration
    if request.fps is not None:
        changes["fps"] = request.fps
    if request.resolution is not None:
        changes["resolution"] = request.resolution
    data = script.model_dump(by_alias=True) | changes
    return SceneScript.model_validate(data)
