"""Fixtures for the scenes tests: compile small scripts from inline YAML."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scenes.io import loads_script
from scenes.timeline import Timeline, compile_script


@pytest.fixture
def compile_yaml() -> Callable[[str], Timeline]:
    """Parse and compile a YAML scene script given as text."""

    def run(text: str) -> Timeline:
        return compile_script(loads_script(text, "<test>"))

    return run
