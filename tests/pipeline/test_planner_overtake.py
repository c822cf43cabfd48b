"""One vehicle overtaking another (both drive one way, the overtaker from behind to ahead); people named by their
work; a camera someone has, apart from the one filming."""

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


@pytest.mark.parametrize(("prompt", "facts"), [
    # the photographer was a labelled placeholder and "a camera" meant the one filming: nothing in her hands
    ("a photographer holds a camera in a park", [{"count": "person", "n": 1}, {"count": "camera", "n": 1}]),
    ("a tourist with her camera walks past a fountain", [{"count": "camera", "n": 1}]),
    ("a bride and a groom dance", [{"count": "woman", "n": 1}, {"count": "man", "n": 1}]),
    ("two surfers walk along the beach", [{"count": "person", "n": 2}]),
])
def test_people_by_their_work_and_a_camera_someone_has(prompt: str, facts: list[dict]) -> None:
    failed, _ = shown(prompt, facts)
    assert failed == []


@pytest.mark.parametrize("prompt", ["the camera orbits a red car", "a camera circles the car"])
def test_the_filming_camera_is_not_a_thing(prompt: str) -> None:
    failed, tl = shown(prompt, [{"camera": "orbit"}])
    assert failed == [] and "camera" not in [a.asset for a in tl.script.actors]


def test_a_camera_following_a_ball_into_a_goal_stays_out_of_the_goal() -> None:
    """It followed from ahead of the ball, so it went in through the posts and filmed the net."""
    from pipeline.planners.shots import CAMERA_MARGIN

    failed, tl = shown("a boy kicks a football into a goal", [{"visible": "football"}])
    assert failed == []
    ids = [a.id for a in tl.script.actors]
    goal = tl.script.actors[ids.index("goal")]
    from scenes.catalog import asset

    half = np.asarray(asset(goal.asset).size[:2]) / 2 + CAMERA_MARGIN
    h = np.radians(tl.hpr[0, ids.index("goal"), 0])
    rel = tl.camera_position[:, :2] - tl.positions[0, ids.index("goal"), :2]
    local = np.c_[rel[:, 0] * np.cos(h) + rel[:, 1] * np.sin(h), -rel[:, 0] * np.sin(h) + rel[:, 1] * np.cos(h)]
    assert not np.any(np.all(np.abs(local) <= half, axis=1))
