"""One vehicle overtaking another: both drive one way along the road, the overtaker from behind to ahead."""

from __future__ import annotations

import numpy as np
import pytest

from scenes.check import check_timeline
from tests.pipeline.test_planner_world import shown


@pytest.mark.parametrize(("prompt", "passer", "passed"), [
    ("a red sports car overtakes a slow truck on a country road", "sports_car", "truck"),
    ("a motorbike overtakes a bus", "motorbike", "bus"),
])
def test_the_overtaker_passes_the_overtaken_as_both_drive_on(prompt: str, passer: str, passed: str) -> None:
    """The car once drove across the road beside a truck that stood still, off the asphalt."""
    failed, tl = shown(prompt, [{"event": "move", "a": passer}, {"event": "move", "a": passed}])
    assert failed == []
    ids = [a.id for a in tl.script.actors]
    a, b = ids.index(passer), ids.index(passed)
    start, end = tl.positions[0], tl.positions[-1]
    fwd = (end[b] - start[b])[:2] / np.linalg.norm((end[b] - start[b])[:2])
    behind, ahead = (start[a] - start[b])[:2] @ fwd, (end[a] - end[b])[:2] @ fwd
    assert behind < -4.0 and ahead > 4.0  # from behind its back to ahead of its front (a truck is 9 m long)
    moved = (end[a] - start[a])[:2] @ fwd
    assert moved > 1.5 * float((end[b] - start[b])[:2] @ fwd)  # faster, the same way
    report = check_timeline(tl)
    assert report.passed, [str(f) for f in report.findings]
