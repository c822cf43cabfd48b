"""Previews from frames in hand: bounded tile count, tiles outside transitions, files written atomically."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from pipeline.edit import TransitionPlan
from pipeline.previews import MAX_TILES, PreviewCollector
from scenes import compile_script, parse_script


def timeline(duration: float, fps: int):
    return compile_script(parse_script({
        "duration": duration, "fps": fps, "resolution": "64x36",
        "camera": {"shots": [{"type": "static", "end": duration / 3, "transition": {"type": "fade_black"}},
                             {"type": "orbit", "transition": {"type": "crossfade", "duration": 1.0}}]},
    }, "test"))


def test_long_video_keeps_a_bounded_number_of_tiles_outside_transitions() -> None:
    tl = timeline(3600.0, 1)  # an hour
    pc = PreviewCollector(tl)
    assert len(pc.sheet) <= MAX_TILES and len(pc.anim) <= 49
    plan = TransitionPlan(tl)
    assert all(plan.is_plain(i) for i in pc.sheet) and plan.is_plain(pc.poster_index)
    shots = {int(tl.shot_index[i]) for i in pc.sheet}
    assert shots == {0, 1}


def test_previews_are_written_from_the_frames_seen(tmp_path: Path) -> None:
    tl = timeline(4.0, 10)
    pc = PreviewCollector(tl)
    def frame(i: int) -> np.ndarray:
        return np.random.default_rng(i).integers(0, 256, (36, 64, 3)).astype(np.uint8)

    for i in range(len(tl)):
        pc(i, frame(i))
    files = pc.write(tmp_path / "v.mp4")
    sheet = Image.open(files.contact_sheet)
    assert sheet.width > 64 * 2 and sheet.height > 36
    poster = np.asarray(Image.open(files.poster))
    assert np.array_equal(poster, frame(pc.poster_index))
    anim = Image.open(files.animation)
    assert anim.n_frames == len(pc.anim) > 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [files.contact_sheet.name, files.poster.name, files.animation.name])
