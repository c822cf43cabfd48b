"""The action registry covers the schema exactly and drives the catalog's action lists."""

from __future__ import annotations

import typing

from scenes import script
from scenes.actions import ACTIONS, actions_for, natural_duration
from scenes.catalog import CATALOG
from scenes.motion import natural_end


def test_every_schema_action_has_one_entry_and_back() -> None:
    union = typing.get_args(typing.get_args(script.Action)[0])
    names = {typing.get_args(m.model_fields["type"].annotation)[0] for m in union}
    assert names == set(ACTIONS)
    for name, entry in ACTIONS.items():
        assert entry.model.model_fields["type"].annotation == typing.Literal[name]


def test_reference_fields_exist_on_their_models() -> None:
    for entry in ACTIONS.values():
        for field in entry.references:
            assert field in entry.model.model_fields, (entry.type, field)


def test_catalog_actions_come_from_the_registry() -> None:
    assert CATALOG["person"].actions == actions_for("humanoid")
    assert CATALOG["dog"].actions == actions_for("quadruped")
    assert "roll" in CATALOG["football"].actions and "wave" not in CATALOG["football"].actions


def test_natural_end_reads_the_registry() -> None:
    wave = script.Wave(type="wave", start=1.0)
    assert natural_end(wave, 10.0) == 1.0 + natural_duration("wave")
    assert natural_end(script.Dance(type="dance", start=1.0), 10.0) == 10.0
