"""Score a planner on a prompt set: plan each prompt, compile it (no rendering), judge its facts.

``enginereel plan-score`` prints this. Facts are judged on the compiled timeline by
:mod:`pipeline.promptset.judge`; a prompt whose plan or compile fails scores none of its facts and is
listed under plan errors.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import asdict, dataclass, field

from pipeline.planners.base import Planner, PlanRequest
from pipeline.promptset.facts import PromptCase, PromptSet
from pipeline.promptset.judge import Verdict, judge
from scenes.timeline import compile_script


@dataclass
class PromptScore:
    """One prompt's verdicts, or the error that stopped it being planned or compiled."""

    id: str
    category: str
    prompt: str
    verdicts: list[Verdict] = field(default_factory=list)
    facts: int = 0
    error: str | None = None
    seconds: float = 0.0

    @property
    def met(self) -> int:
        """Facts that hold."""
        return sum(v.met for v in self.verdicts)

    @property
    def fully_met(self) -> bool:
        """Every fact holds (and the plan compiled)."""
        return self.error is None and self.met == self.facts


def score_prompt(planner: Planner, case: PromptCase, prompt_set: PromptSet, seed: int = 0) -> PromptScore:
    """Plan, compile and judge one prompt."""
    out = PromptScore(case.id, case.category, case.prompt, facts=len(case.facts))
    t0 = time.perf_counter()
    try:
        script = planner.plan(PlanRequest(prompt=case.prompt, seed=seed)).script
        timeline = compile_script(script)
    except Exception as exc:  # a scorer records any planner or compiler failure and goes on
        out.error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        out.verdicts = [Verdict(str(f), f.kind, f.sub_kind, False, "not planned") for f in case.facts]
    else:
        out.verdicts = judge(timeline, case.facts, prompt_set)
    out.seconds = time.perf_counter() - t0
    return out


def _share(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def summarise(scores: list[PromptScore], planner: str, missing: list[str] | None = None) -> dict:
    """The figures ``plan-score`` reports: facts met, prompts fully met, failures per kind, plan errors."""
    facts = sum(s.facts for s in scores)
    met = sum(s.met for s in scores)
    full = sum(s.fully_met for s in scores)
    total_by_kind: Counter[str] = Counter()
    failed_by_kind: Counter[str] = Counter()
    for s in scores:  # a prompt that was not planned fails every one of its facts, each under its kind
        total_by_kind.update(v.sub_kind for v in s.verdicts)
        failed_by_kind.update(v.sub_kind for v in s.verdicts if not v.met)
    by_category: dict[str, dict[str, int]] = {}
    for s in scores:
        row = by_category.setdefault(s.category, {"prompts": 0, "fully_met": 0, "facts": 0, "met": 0})
        row["prompts"] += 1
        row["fully_met"] += s.fully_met
        row["facts"] += s.facts
        row["met"] += s.met
    kinds = sorted(total_by_kind, key=lambda k: (-failed_by_kind[k], k))
    return {
        "planner": planner,
        "prompts": len(scores),
        "facts": facts,
        "facts_met": met,
        "facts_met_pct": _share(met, facts),
        "prompts_fully_met": full,
        "prompts_fully_met_pct": _share(full, len(scores)),
        "failures_by_kind": {k: {"failed": failed_by_kind[k], "of": total_by_kind[k]} for k in kinds},
        "by_category": by_category,
        "plan_errors": {s.id: s.error for s in scores if s.error},
        "assets_missing_from_catalog": missing or [],
        "seconds": round(sum(s.seconds for s in scores), 2),
    }


def prompt_record(score: PromptScore) -> dict:
    """One prompt's result as plain data (for ``--json``)."""
    return {"id": score.id, "category": score.category, "prompt": score.prompt, "facts": score.facts,
            "met": score.met, "fully_met": score.fully_met, "error": score.error,
            "seconds": round(score.seconds, 3), "verdicts": [asdict(v) for v in score.verdicts]}
