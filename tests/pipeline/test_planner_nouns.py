"""Nouns never vanish: the offline planner reads the lexicon, stands a labelled placeholder in for an unknown noun,
and reports every substitution."""

from __future__ import annotations

from pipeline.planners.base import PlanRequest
from pipeline.planners.offline import OfflinePlanner


def _plan(prompt: str):
    return OfflinePlanner().plan(PlanRequest(prompt))


def test_an_unknown_noun_becomes_a_labelled_placeholder_and_a_substitution() -> None:
    result = _plan("a zorblax sits on a bench")
    thing = result.script.actor("zorblax")
    assert thing.asset == "placeholder" and "zorblax" not in result.ignored_words
    assert {"word": "zorblax", "asset": "placeholder"}.items() <= result.substitutions[0].items()
    assert any("zorblax" in n and "placeholder" in n for n in result.notes)


def test_synonyms_and_phrases_from_the_lexicon_are_shown_and_reported() -> None:
    result = _plan("a pigeon and a sailing boat next to a fire truck")
    assets = {a.asset for a in result.script.actors}
    assert {"pigeon", "sailboat", "truck"} <= assets
    assert {s["word"]: s["asset"] for s in result.substitutions} == {"sailing_boat": "sailboat", "fire_truck": "truck"}


def test_an_adjective_before_a_known_noun_is_not_a_stand_in() -> None:
    result = _plan("a glorbish ball bounces")
    assert [a.asset for a in result.script.actors] != ["placeholder"]
    assert all(s["asset"] != "placeholder" for s in result.substitutions)
