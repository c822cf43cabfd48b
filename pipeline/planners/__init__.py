"""Planners turn a prompt into a scene script: the offline planner and the LLM planner."""

from __future__ import annotations

from typing import Any

from pipeline.errors import PlanError
from pipeline.planners.base import Planner, PlanRequest, PlanResult
from pipeline.planners.offline import OfflinePlanner

__all__ = ["PLANNERS", "OfflinePlanner", "PlanError", "PlanRequest", "PlanResult", "Planner", "make_planner"]

PLANNERS = ("auto", "openai", "offline")


def make_planner(name: str = "auto", **llm: Any) -> Planner:
    """The planner called ``name``: ``openai`` (any OpenAI-compatible endpoint), ``offline``, or ``auto``.

    ``auto`` is the LLM planner when ``OPENAI_API_KEY`` or ``OPENAI_BASE_URL`` is set and the offline
    planner otherwise; the result's ``planner`` field (and the run report) says which ran. ``llm`` are
    :class:`~pipeline.planners.llm.LLMSettings` fields (``model``, ``tries``, ``timeout_s`` …); ``None``
    values keep the defaults.
    """
    from pipeline.planners.llm import LLMPlanner, LLMSettings, llm_configured

    if name not in PLANNERS:
        raise PlanError(f"unknown planner {name!r}; choose one of {', '.join(PLANNERS)}")
    if name == "offline" or (name == "auto" and not llm_configured()):
        return OfflinePlanner()
    return LLMPlanner(LLMSettings(**{k: v for k, v in llm.items() if v is not None}))
