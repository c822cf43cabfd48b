"""The camera's view of every actor is projected in frame windows (flat memory) with the same result."""

from __future__ import annotations

import numpy as np
import pytest

from scenes import view
from tests.engine_bridge.conftest import small_timeline


def test_windowed_views_equal_the_whole_video_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    timeline = small_timeline(160, 90, duration=2.0)
    boxes = view.actor_boxes(timeline)
    whole = view.actor_views(timeline, boxes)
    monkeypatch.setattr(view, "VIEW_WINDOW", 7)  # 60 frames: 9 windows, the last one short
    windowed = view.actor_views(timeline, boxes)
    for name in ("rect", "height_share", "visible_area"):
        assert np.array_equal(getattr(windowed, name), getattr(whole, name), equal_nan=True)
