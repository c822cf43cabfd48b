"""Planners turn a prompt into a scene script: the offline planner here, an LLM planner alongside it."""

from pipeline.errors import PlanError
from pipeline.planners.base import Planner, PlanRequest, PlanResult
from pipeline.planners.offline import OfflinePlanner

__all__ = ["OfflinePlanner", "PlanError", "PlanRequest", "PlanResult", "Planner", "make_planner"]


def make_planner(name: str = "offline") -> Planner:
    """The planner called ``name`` (``offline``; the LLM planner registers ``openai``/``auto``)."""
    if name in ("offline", "auto"):
        return OfflinePlanner()
    raise PlanError(f"unknown planner {name!r}; choose offline")
