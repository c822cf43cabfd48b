"""Every example script validates, compiles and renders its first, middle and last frame with the embedded engine."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from scenes.io import load_script
from scenes.script import Resolution
from scenes.timeline import compile_script

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "scenes" / "examples").glob("*.yaml"))


def test_there_are_at_least_eight_new_examples() -> None:
    names = {p.stem for p in EXAMPLES}
    assert len(names - {"reference"}) >= 8
    assert {"domino_chain", "park_walk_sunset", "meeting_wave", "dog_chases_ball", "figurine_dance", "car_street",
            "stairs_tumble", "short_story", "reference"} <= names


def test_short_story_is_sixty_seconds_in_five_shots() -> None:
    script = load_script(next(p for p in EXAMPLES if p.stem == "short_story"))
    assert script.duration == 60 and len(script.camera.shots) == 5


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_compiles_and_renders_first_middle_last(path: Path) -> None:
    from engine_bridge.panda.engine import PandaEngine

    script = load_script(path)
    script = script.model_copy(update={"resolution": Resolution(width=64, height=36)})
    tl = compile_script(script)
    assert not tl.warnings
    assert tl.camera_position[:, 2].min() >= 0.1 - 1e-9
    engine = PandaEngine(msaa=1, shadow_size=256)
    engine.open(tl)
    try:
        frames = [engine.render(tl.frame(i)) for i in (0, len(tl) // 2, len(tl) - 1)]
    finally:
        engine.close()
    for img in frames:
        assert img.shape == (36, 64, 3) and img.dtype == np.uint8
        assert 10 < img.mean() < 245 and img.std() > 3  # not black, not washed out, not a flat colour
