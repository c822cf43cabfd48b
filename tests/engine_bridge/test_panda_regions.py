"""The embedded engine's per-frame regions: the shadow-receiving ground cell and the FXAA rectangles.

Both only decide which pixels pay for a costly shader, never what those pixels show: a frame with the
regions fitted to its actors matches the frame drawn with the whole-video shadow cell and full-frame
FXAA, up to float rounding where the ground's triangles are split differently.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engine_bridge.panda.engine import PandaEngine
from engine_bridge.panda.grid import SplitGrid
from engine_bridge.panda.ground import shadow_bounds
from engine_bridge.panda.postprocess import merge_rects
from pipeline.bench import reference_script
from scenes import SceneScript, compile_script, load_script

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "scenes" / "examples"


def _timeline(script: SceneScript, width: int = 320, height: int = 180, duration: float | None = None):
    data = script.model_dump(by_alias=True) | {"resolution": {"width": width, "height": height}}
    if duration is not None:
        data["duration"] = duration
    return compile_script(SceneScript.model_validate(data))


def _assert_same_picture(a: np.ndarray, b: np.ndarray) -> None:
    diff = np.abs(a.astype(int) - b.astype(int)).max(axis=2)
    assert (diff <= 1).mean() > 0.999, f"{(diff > 1).sum()} pixels differ by more than one level"
    assert (diff > 8).sum() <= 12, f"{(diff > 8).sum()} pixels differ by more than 8 levels"


# (scene, whether its actors leave most of the frame to the ground and sky: then the regions must shrink)
SCENES = [("reference", True), ("domino_chain", True), ("meeting_wave", False), ("park_walk_sunset", False),
          ("car_street", False), ("short_story", False)]


@pytest.mark.parametrize(("scene", "compact"), SCENES)
def test_fitted_regions_draw_the_same_frames(scene: str, compact: bool) -> None:
    script = reference_script() if scene == "reference" else load_script(EXAMPLES_DIR / f"{scene}.yaml")
    timeline = _timeline(script)
    fitted, whole = PandaEngine(), PandaEngine(fit_per_frame=False)
    with fitted, whole:
        fitted.open(timeline)
        whole.open(timeline)
        windows, cells = [], []
        for i in np.linspace(0, len(timeline) - 1, 5).astype(int):
            state = timeline.frame(int(i))
            _assert_same_picture(fitted.render(state).copy(), whole.render(state))
            w, h = timeline.script.resolution.width, timeline.script.resolution.height
            windows.append(sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in fitted._post.rects) / (w * h))
            if fitted._ground is not None:
                gx0, gy0, gx1, gy1 = fitted._ground.centre_bounds
                px0, py0, px1, py1 = fitted._shadow_patch
                cells.append((gx1 - gx0) * (gy1 - gy0) / ((px1 - px0) * (py1 - py0)))
    # and the fitting took effect: FXAA rectangles smaller than the frame, shadow cells smaller than the patch
    if compact:
        assert max(windows) < 0.6
    assert not cells or min(cells) < 0.8


def test_fxaa_changes_only_pixels_next_to_actors() -> None:
    """The ground and sky are filtered in their own shaders; FXAA smooths the actors' edges and nothing else."""
    timeline = _timeline(reference_script(), duration=0.2)
    with PandaEngine() as aa, PandaEngine(fxaa=False) as plain:
        aa.open(timeline)
        plain.open(timeline)
        state = timeline.frame(3)
        smooth, raw = aa.render(state).astype(int), plain.render(state).astype(int)
        changed = np.abs(smooth - raw).max(axis=2) > 0
        assert changed.sum() > 100  # the silhouettes were smoothed
        # every changed pixel lies within two pixels of an actor (instance mask from the passes)
        mask = aa.render_passes(state, ["mask"])["mask"] > 0
        near = mask.copy()
        for dy in range(-2, 3):
            for dx in range(-2, 3):
                near |= np.roll(np.roll(mask, dy, axis=0), dx, axis=1)
        assert not (changed & ~near).any()


def test_shadow_bounds_hold_every_shadow_point() -> None:
    """Points of each sphere cast along the sun onto z = 0 fall inside the bounds, and the bounds are tight."""
    rng = np.random.default_rng(0)
    centres = rng.uniform([-3, -3, 0.2], [3, 3, 2.5], size=(4, 3))
    radii = rng.uniform(0.2, 0.8, size=4)
    sun = np.array([0.5, -0.3, 0.6])
    x0, y0, x1, y1 = shadow_bounds(centres, radii, sun)
    d = sun / np.linalg.norm(sun)
    dirs = rng.normal(size=(20000, 3))
    dirs /= np.linalg.norm(dirs, axis=1, keepdims=True)
    pts = (centres[:, None] + radii[:, None, None] * dirs[None]).reshape(-1, 3)
    ground = pts[:, :2] - d[:2] * (pts[:, 2:3] / d[2])
    assert (ground[:, 0] >= x0 - 1e-9).all() and (ground[:, 0] <= x1 + 1e-9).all()
    assert (ground[:, 1] >= y0 - 1e-9).all() and (ground[:, 1] <= y1 + 1e-9).all()
    assert ground[:, 0].min() - x0 < 0.02 and x1 - ground[:, 0].max() < 0.02
    assert shadow_bounds(np.zeros((0, 3)), np.zeros(0), sun)[0] > shadow_bounds(np.zeros((0, 3)), np.zeros(0), sun)[2]


def test_merge_rects_joins_only_where_it_saves_pixels() -> None:
    apart = [(0, 0, 10, 10), (100, 100, 110, 110)]
    assert sorted(merge_rects(apart)) == apart  # their union would be mostly empty
    nested = [(0, 0, 50, 50), (10, 10, 20, 20)]
    assert merge_rects(nested) == [(0, 0, 50, 50)]
    side_by_side = [(0, 0, 10, 10), (10, 0, 20, 10), (20, 0, 30, 10)]
    assert merge_rects(side_by_side) == [(0, 0, 30, 10)]
    assert merge_rects([(5, 5, 5, 9)]) == []  # empty rectangles vanish
    crowd = [(i, i, i + 2, i + 2) for i in range(0, 300, 10)]
    assert merge_rects(crowd, most=24) == [(0, 0, 292, 292)]


def test_split_grid_clamps_and_empties_its_centre() -> None:
    grid = SplitGrid("g", (-10.0, -5.0, 10.0, 5.0))
    grid.set_centre(-20.0, -1.0, 2.0, 8.0)
    assert grid.centre_bounds == (-10.0, -1.0, 2.0, 5.0)
    grid.set_centre(3.0, 0.0, 1.0, 1.0)  # inverted: empty
    x0, y0, x1, y1 = grid.centre_bounds
    assert x0 == x1 and y0 == y1
    # the centre and the ring share one vertex array
    centre_vdata = grid.centre.node().get_geom(0).get_vertex_data()
    assert centre_vdata.this == grid.ring.node().get_geom(0).get_vertex_data().this
