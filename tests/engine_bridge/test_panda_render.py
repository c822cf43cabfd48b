"""The embedded Panda3D engine: colours land where they should, shadows darken, renders repeat exactly."""

from __future__ import annotations

import numpy as np
import pytest

from engine_bridge import EngineError, make_engine
from engine_bridge.engine import rows_bottom_up
from engine_bridge.panda.engine import PandaEngine
from scenes import SceneScript, compile_script, loads_script

SCENE = """
duration: 1
fps: 10
resolution: 160x90
environment: {sky: day, ground: {material: concrete}}
lights: {sun: {heading: 150, elevation: 40}}
actors:
  - {id: box, asset: box, material: {color: red, finish: matte}, position: [0, 0, 0]}
camera:
  fov: 50
  shots: [{type: static, position: [0, -6, 1.2], target: [0, 0, 0.9]}]
"""
# The same world seen from higher up, so the shadow on the ground is in view.
SCENE_HIGH = SCENE.replace("position: [0, -6, 1.2], target: [0, 0, 0.9]", "position: [0, -6, 3], target: [0, 0, 0.5]")


@pytest.fixture(scope="module")
def frame() -> np.ndarray:
    timeline = compile_script(loads_script(SCENE))
    with make_engine("panda3d") as engine:
        engine.open(timeline)
        return engine.render(timeline.frame(0))


def test_frame_shape_and_type(frame: np.ndarray) -> None:
    assert frame.shape == (90, 160, 3)
    assert frame.dtype == np.uint8
    assert rows_bottom_up(frame)  # upright, its rows in the GL buffer's order: nobody turned them over


def test_frame_is_the_read_back_turned_upright_in_rgb() -> None:
    """The frame handed out without turning its rows over is the GL read-back flipped and reordered BGR(A) → RGB,
    the FXAA rectangles' pixels put over it, exactly (computed here the slow, obvious way)."""
    timeline = compile_script(loads_script(SCENE))
    with PandaEngine() as engine:
        engine.open(timeline)
        frame = engine.render(timeline.frame(0))
        w, h = engine._size
        raw = np.frombuffer(memoryview(engine._tex.get_ram_image()), np.uint8)
        comps = engine._tex.get_num_components()
        tw, th = engine._tex.get_x_size(), engine._tex.get_y_size()
        expected = raw.reshape(th, tw, comps)[:h, :w][::-1, :, 2::-1].copy()
        assert engine._post is not None and engine._post.drawn and engine._post.rects
        bx0, by0, bx1, by1 = engine._post.bounds
        tex = engine._post.texture
        region = np.frombuffer(memoryview(tex.get_ram_image()), np.uint8)
        region = region.reshape(tex.get_y_size(), tex.get_x_size(), tex.get_num_components())
        region = region[:by1 - by0, :bx1 - bx0][::-1, :, 2::-1]  # the region sits in the copy's lower-left corner
        for x0, y0, x1, y1 in engine._post.rects:  # the region read back upright: row 0 is frame row by0
            expected[y0:y1, x0:x1] = region[y0 - by0:y1 - by0, x0 - bx0:x1 - bx0]
    assert np.array_equal(frame, expected)


def test_box_dead_ahead_is_red(frame: np.ndarray) -> None:
    r, g, b = frame[45, 80].astype(int)
    assert r > 120 and r > 2 * g and r > 2 * b


def test_sky_at_top_is_blue(frame: np.ndarray) -> None:
    r, _, b = frame[2, 80].astype(int)
    assert b > r and b > 150


def test_shadow_is_darker_than_lit_ground() -> None:
    timeline = compile_script(loads_script(SCENE_HIGH))
    with make_engine("panda3d") as engine:
        engine.open(timeline)
        frame = engine.render(timeline.frame(0)).astype(float)
    # The sun stands behind the camera on the left (heading 150), so the shadow falls behind-right of the box.
    shadow = frame[44:54, 97:102].mean()
    lit = frame[44:54, 20:40].mean()
    # sky light fills shadows (about 0.8 of the lit ground here, as in the Cycles reference frame)
    assert shadow < 0.88 * lit


def test_two_renders_are_identical() -> None:
    timeline = compile_script(loads_script(SCENE.replace("actors:", "actors:\n  - {id: s, asset: sphere, "
                                                                   "actions: [{type: bounce}]}")))
    frames = []
    for _ in range(2):
        with make_engine("panda3d") as engine:
            engine.open(timeline)
            frames.append([engine.render(timeline.frame(i)).copy() for i in (3, 0, 7)])
    for a, b in zip(*frames, strict=True):
        np.testing.assert_array_equal(a, b)


def test_frames_do_not_depend_on_render_order() -> None:
    timeline = compile_script(loads_script(SCENE))
    with make_engine("panda3d") as engine:
        engine.open(timeline)
        first = engine.render(timeline.frame(5)).copy()
        engine.render(timeline.frame(0))
        again = engine.render(timeline.frame(5))
    np.testing.assert_array_equal(first, again)


def test_render_before_open_is_a_clear_error() -> None:
    engine = make_engine("panda3d")
    timeline = compile_script(loads_script(SCENE))
    with pytest.raises(EngineError, match="before open"):
        engine.render(timeline.frame(0))


def test_unknown_engine_name() -> None:
    with pytest.raises(EngineError, match="unknown engine 'blender'"):
        make_engine("blender")


def test_software_renderer_draws_the_scene() -> None:
    """The fallback when EGL is missing: Panda's CPU rasteriser, unshaded but with the right colours."""
    timeline = compile_script(loads_script(SCENE))
    with make_engine("software") as engine:
        engine.open(timeline)
        frame = engine.render(timeline.frame(0))
        assert engine.info.renderer.startswith("software")
    assert frame.shape == (90, 160, 3)
    r, g, b = frame[45, 80].astype(int)
    assert r > 120 and r > 2 * g and r > 2 * b


def test_frames_cover_every_pixel_when_the_colour_clear_is_skipped() -> None:
    """A low camera sees only ground and sky, so the world buffer's colour is not cleared; nothing may linger."""
    from engine_bridge.panda.engine import PandaEngine
    from pipeline.bench import reference_script

    data = reference_script().model_dump(by_alias=True) | {"resolution": {"width": 160, "height": 90}, "duration": 12}
    timeline = compile_script(SceneScript.model_validate(data))
    with PandaEngine() as engine:
        engine.open(timeline)
        assert not engine._buffer.get_display_region(1).get_clear_color_active()
        first = engine.render(timeline.frame(0)).copy()
        engine.render(timeline.frame(len(timeline) // 2))  # the orbit's other side
        again = engine.render(timeline.frame(0))
    np.testing.assert_array_equal(first, again)


def test_an_engine_reused_at_a_larger_frame_size_renders_it() -> None:
    """A batch worker keeps its engine across jobs: a 160x90 job, then a 320x180 one (the read-back buffer grows)."""
    from tests.engine_bridge.conftest import small_timeline

    with make_engine("panda3d") as engine:
        for width, height in ((160, 90), (320, 180), (96, 54)):
            timeline = small_timeline(width, height, duration=0.1)
            engine.open(timeline)
            assert engine.render(timeline.frame(0)).shape == (height, width, 3)


def test_transform_states_do_not_pile_up_over_a_long_render() -> None:
    """Every frame moves actors and camera to new transforms; unused states must be freed (they were kept
    forever without ShowBase's per-frame collection: ~10 KB of native memory per frame)."""
    from panda3d.core import RenderState, TransformState

    from tests.engine_bridge.conftest import small_timeline

    timeline = small_timeline(64, 36, duration=8.0)
    with make_engine("panda3d") as engine:
        engine.open(timeline)
        for i in range(40):
            engine.render(timeline.frame(i))
        early = TransformState.get_num_states() + RenderState.get_num_states()
        for i in range(40, 240):
            engine.render(timeline.frame(i))
        assert TransformState.get_num_states() + RenderState.get_num_states() <= early + 10


def test_raster_threads_come_from_lp_num_threads_else_one_per_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """llvmpipe's thread count is what the report names: ``$LP_NUM_THREADS`` when it is a number, else the cores."""
    import os

    from engine_bridge.panda.engine import RASTER_THREADS_ENV, raster_threads

    monkeypatch.setenv(RASTER_THREADS_ENV, "3")
    assert raster_threads() == 3
    for unusable in ("", "many"):
        monkeypatch.setenv(RASTER_THREADS_ENV, unusable)
        assert raster_threads() == (os.cpu_count() or 1)
    monkeypatch.delenv(RASTER_THREADS_ENV)
    assert raster_threads() == (os.cpu_count() or 1)
