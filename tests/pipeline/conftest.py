"""Fixtures for pipeline tests: tiny scripts (160x90, short) written to temporary files."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.bench import reference_script
from scenes import SceneScript, save_script

REPO = Path(__file__).resolve().parents[2]


def tiny_script(duration: float = 1.0, seed: int = 0, resolution: str = "160x90") -> SceneScript:
    """The reference scene, short and small."""
    data = reference_script().model_dump(mode="json", by_alias=True)
    return SceneScript.model_validate(data | {"duration": duration, "seed": seed, "resolution": resolution})


@pytest.fixture
def tiny_script_file(tmp_path: Path) -> Path:
    """A 1 s, 160x90 scene script on disk."""
    path = tmp_path / "tiny.yaml"
    save_script(tiny_script(), path)
    return path
