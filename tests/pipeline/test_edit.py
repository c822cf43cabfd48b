"""Shot transitions and captions in the render loop, with the real Panda3D engine at a tiny size."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from engine_bridge import make_engine
from pipeline.captions import CaptionLayer, caption_opacity, printable
from pipeline.edit import TransitionPlan, camera_of, transition_frames, transition_windows
from scenes import compile_script, parse_script
from scenes.script import Caption

W, H, FPS = 96, 54, 10


def two_shot_timeline(kind: str, duration: float = 0.6):
    return compile_script(parse_script({
        "duration": 2.0, "fps": FPS, "resolution": f"{W}x{H}",
        "environment": {"sky": "day", "ground": {"material": "checker"}},
        "actors": [{"id": "ball", "asset": "sphere", "material": {"color": "red"},
                    "actions": [{"type": "bounce", "height": 1.0, "period": 0.8}]},
                   {"id": "crate", "asset": "box", "material": {"color": "royalblue"}, "position": [1.5, 0.5, 0]}],
        "camera": {"shots": [
            {"type": "static", "position": [0, -8, 3], "end": 1.0},
            {"type": "static", "position": [7, -2, 1.5], "transition": {"type": kind, "duration": duration}},
        ]},
    }, "test"))


@pytest.fixture(scope="module")
def engine():
    eng = make_engine("panda3d")
    yield eng
    eng.close()


def test_windows_are_centred_on_the_cut_and_clamped() -> None:
    tl = two_shot_timeline("crossfade", 0.6)
    (w,) = transition_windows(tl)
    assert (w.kind, w.first, w.cut, w.end) == ("crossfade", 7, 10, 13)
    long = transition_windows(two_shot_timeline("crossfade", 10.0))
    assert (long[0].first, long[0].end) == (5, 15)  # half of each neighbouring shot at most
    assert transition_windows(two_shot_timeline("cut")) == []


def test_crossfade_middle_frame_is_the_blend_of_its_two_sources(engine) -> None:
    tl = two_shot_timeline("crossfade", 0.6)
    engine.open(tl)
    out = list(transition_frames(tl, engine.render, range(len(tl))))
    assert len(out) == len(tl)
    (w,) = transition_windows(tl)
    mid = w.cut  # frames 7..12; the cut is the middle one, weight (3 + 0.5) / 6 on the incoming shot
    state = tl.frame(mid)
    outgoing = engine.render(replace(state, camera=camera_of(tl, w.cut - 1)))  # the first shot, held at the cut
    incoming = engine.render(state)  # the second shot's own camera at this frame
    assert np.abs(outgoing.astype(int) - incoming).mean() > 10  # two really different pictures
    a = 3.5 / 6
    expected = np.clip(np.round((1 - a) * outgoing.astype(np.float64) + a * incoming), 0, 255).astype(np.uint8)
    assert np.abs(out[mid].astype(int) - expected).max() <= 1
    # outside the overlap, frames are the plain renders, untouched
    assert np.array_equal(out[2], engine.render(tl.frame(2)))
    assert np.array_equal(out[15], engine.render(tl.frame(15)))
    # the blend moves from one shot to the other across the overlap
    d_out = [np.abs(out[i].astype(int) - engine.render(replace(tl.frame(i), camera=camera_of(tl, 9)))).mean()
             for i in (w.first, w.end - 1)]
    assert d_out[0] < d_out[1]


def test_fade_black_goes_through_black_and_first_shot_fades_in(engine) -> None:
    tl = compile_script(parse_script({
        **two_shot_timeline("fade_black").script.model_dump(mode="json", by_alias=True),
        "camera": {"shots": [
            {"type": "static", "position": [0, -8, 3], "end": 1.0, "transition": {"type": "fade_black",
                                                                                   "duration": 0.3}},
            {"type": "static", "position": [7, -2, 1.5], "transition": {"type": "fade_black", "duration": 0.6}},
        ]},
    }, "test"))
    engine.open(tl)
    out = list(transition_frames(tl, engine.render, range(len(tl))))
    means = [float(f.mean()) for f in out]
    assert means[0] < means[1] < means[2] < means[4]  # fade in over 3 frames
    assert means[9] < 0.25 * means[6] and means[10] < 0.25 * means[13]  # darkest around the cut
    plan = TransitionPlan(tl)
    assert plan.sources(9)[0][1] == pytest.approx(1 / 6) and plan.sources(10)[0][1] == pytest.approx(1 / 6)


def test_captions_draw_fade_and_leave_other_pixels_alone() -> None:
    base = np.full((180, 320, 3), 120, np.uint8)
    caps = [Caption(text="Hello — world", start=0.5, end=2.0, style="caption"),
            Caption(text="Title", start=3.0, end=4.0, style="title"),
            Caption(text="Ada Lovelace, engineer", start=4.0, style="lower_third")]
    layer = CaptionLayer(caps, 320, 180, duration=5.0)
    assert layer.draw(base, 0.2) is base  # nothing on screen: the same frame, no copy
    on = layer.draw(base, 1.2)
    changed = np.any(on != base, axis=-1)
    rows = np.flatnonzero(changed.any(axis=1))
    assert rows.min() > 180 * 0.6 and on.max() > 240  # bottom of the frame, white text
    assert not changed[:100].any()
    fading = layer.draw(base, 0.55)
    assert 0 < np.abs(fading.astype(int) - base).sum() < np.abs(on.astype(int) - base).sum()
    title = layer.draw(base, 3.5)
    assert title[5, 5].mean() < 80  # the scrim darkens the whole frame
    lower = layer.draw(base, 4.5)
    cols = np.flatnonzero(np.any(lower != base, axis=-1).any(axis=0))
    assert cols.min() < 320 * 0.1 and cols.max() < 320 * 0.8  # a lower third sits on the left
    assert caption_opacity(caps[2], 4.9, 5.0) == 1.0  # runs to the end without fading against it
    assert printable("Café — “x”") == 'Cafe - "x"'


def test_render_loop_keeps_memory_to_one_overlay_per_visible_caption() -> None:
    caps = [Caption(text=f"line {k}", start=k * 0.1, end=k * 0.1 + 0.1) for k in range(40)]
    layer = CaptionLayer(caps, 160, 90, duration=5.0)
    for k in range(50):
        layer.draw(np.zeros((90, 160, 3), np.uint8), k * 0.1 + 0.05)
        assert len(layer._live) <= 1
