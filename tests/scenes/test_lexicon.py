"""The lexicon: every noun names a real asset, plurals and phrases resolve, unknown nouns get a labelled stand-in."""

from __future__ import annotations

import pytest

from scenes import loads_script
from scenes.catalog import CATALOG
from scenes.colors import parse_colour
from scenes.lexicon import aliases_of, lookup_noun, nouns, stand_in


def test_every_lexicon_entry_names_an_existing_asset() -> None:
    missing = {word: e.asset for word, e in nouns().items() if e.asset not in CATALOG}
    assert not missing
    assert all(0.01 <= e.scale <= 50 for e in nouns().values())
    for e in nouns().values():
        if e.colour is not None:
            parse_colour(e.colour)  # raises on a colour a script could not name


def test_the_lexicon_is_several_hundred_words() -> None:
    assert len({e.word for e in nouns().values()}) >= 300


@pytest.mark.parametrize(
    ("word", "asset", "scale"),
    [
        ("puppy", "dog", 0.65),
        ("puppies", "dog", 0.65),
        ("Kittens", "cat", 0.6),
        ("children", "child", 1.0),
        ("soccer balls", "football", 1.0),
        ("cottage", "house", 0.85),
        ("boxes", "box", 1.0),
    ],
)
def test_words_plurals_and_phrases_resolve(word: str, asset: str, scale: float) -> None:
    entry = lookup_noun(word)
    assert entry is not None and (entry.asset, entry.scale) == (asset, scale)


def test_an_asset_name_is_not_a_substitution_but_a_synonym_is() -> None:
    assert not lookup_noun("dog").substituted
    assert lookup_noun("puppy").substituted and "dog" in lookup_noun("puppy").note


def test_an_unknown_noun_gets_a_labelled_placeholder_sized_for_its_kind() -> None:
    assert lookup_noun("zorblax") is None
    thing, building = stand_in("zorblax"), stand_in("teahouse")
    assert thing.asset == building.asset == "placeholder" and thing.source == "stand_in"
    assert "zorblax" in thing.note and "placeholder" in thing.note
    assert building.scale > 3 * thing.scale


def test_aliases_live_in_the_lexicon_and_scripts_accept_them() -> None:
    assert "kid" in aliases_of("child") and CATALOG["child"].aliases == aliases_of("child")
    script = loads_script("actors: [{id: a, asset: soccer_ball}, {id: b, asset: kid}, {id: c, asset: pony}]")
    assert [a.asset for a in script.actors] == ["football", "child", "horse"]


def test_a_synonym_that_is_not_an_alias_stays_an_error_in_a_hand_written_script() -> None:
    with pytest.raises(ValueError, match="unknown asset 'puppy'"):
        loads_script("actors: [{id: a, asset: puppy}]")


def test_atmosphere_words_set_environment_fields_the_schema_accepts() -> None:
    from scenes.lexicon import atmosphere, atmosphere_words
    from scenes.script import Environment

    fields = Environment.model_fields
    for word in atmosphere_words():
        Environment.model_validate(atmosphere([word], fields))  # each word's fields are valid where the schema has them
    env = atmosphere(["stormy", "night"])
    assert env["sky"] == "night" and env["weather"] == {"type": "rain", "intensity": 1.0}
    assert env["wind"] == {"speed": 15}
    assert {"rain", "snow", "leaves", "windy", "fog", "night", "sunrise", "indoors"} <= atmosphere_words()
