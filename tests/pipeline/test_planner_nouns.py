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
    assert {"pigeon", "sailboat", "fire_engine"} <= assets
    assert {s["word"]: s["asset"] for s in result.substitutions} == {"sailing_boat": "sailboat",
                                                                     "fire_truck": "fire_engine"}


def test_an_adjective_before_a_known_noun_is_not_a_stand_in() -> None:
    result = _plan("a glorbish ball bounces")
    assert [a.asset for a in result.script.actors] != ["placeholder"]
    assert all(s["asset"] != "placeholder" for s in result.substitutions)


def test_atmosphere_words_reach_the_environment_and_are_not_things() -> None:
    from scenes.script import Environment

    result = _plan("a dog runs in the rain on a windy afternoon")
    env = result.script.environment
    assert [a.asset for a in result.script.actors] == ["dog"]
    assert "rain" not in result.ignored_words and "windy" not in result.ignored_words
    assert env.sky == "overcast"
    if "weather" in Environment.model_fields:  # the look issue's fields, once they are in the schema
        assert env.weather.type == "rain" and env.wind.speed > 0


def test_a_prompt_in_another_language_says_so_in_its_one_line_error() -> None:
    import pytest

    from pipeline.errors import PlanError

    for prompt in ("un chien court dans le parc avec une balle rouge", "一只狗在公园里跑"):
        with pytest.raises(PlanError, match="reads English only"):
            _plan(prompt)
    with pytest.raises(PlanError, match="nothing to show") as exc:
        _plan("a quiet philosophical mood")
    assert "English only" not in str(exc.value)
