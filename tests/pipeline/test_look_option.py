"""The run option ``look`` reaches the embedded engine (CLI, jobs file and workers build engines the same way)."""

from __future__ import annotations

import pytest

from engine_bridge import make_engine
from engine_bridge.panda.looks import LOOKS
from pipeline.run.options import RunOptions


@pytest.mark.parametrize("look", ["fast", "default", "quality"])
def test_the_look_is_an_engine_option_of_the_embedded_engine(look: str) -> None:
    options = RunOptions(look=look)
    assert dict(options.engine_options()) == {"look": look}
    engine = make_engine(options.engine, **dict(options.engine_options()))
    assert engine._look == LOOKS[look]


def test_the_unreal_engine_gets_no_look() -> None:
    assert "look" not in dict(RunOptions(engine="unreal", look="quality").engine_options())
