"""The render loop: frames flow from the engine straight into the encoder, one at a time."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine_bridge import Engine
from pipeline.captions import CaptionLayer
from pipeline.edit import transition_frames
from pipeline.encode import Encoder, EncodeSettings
from scenes import FrameState, Timeline

ProgressFn = Callable[[int, int], None]
"""Called after each frame with (frames done, frames total)."""

FrameSink = Callable[[int, np.ndarray], None]
"""Sees each finished frame (index, image) before it goes to ffmpeg, e.g. to keep preview thumbnails."""


@dataclass(frozen=True)
class RenderStats:
    """Timings of one render loop."""

    frames: int
    engine_open_s: float
    render_s: float
    encode_s: float
    wall_s: float
    ffmpeg_peak_rss_mb: float | None = None


def render_to_video(
    timeline: Timeline,
    engine: Engine,
    output: Path,
    settings: EncodeSettings = EncodeSettings(),
    frames: range | None = None,
    progress: ProgressFn | None = None,
    audio: Path | None = None,
    sink: FrameSink | None = None,
) -> RenderStats:
    """Render ``frames`` (default: all) of ``timeline`` with ``engine`` and encode them to ``output``.

    Shot transitions (:mod:`pipeline.edit`) and captions (:mod:`pipeline.captions`) are applied on the
    way; ``audio`` (a WAV file) is muxed in the same ffmpeg run. Memory stays flat in video length: each
    frame is rendered, handed to ffmpeg and dropped (a crossfade holds two renders). The file appears
    under its final name only when the encode finished cleanly.
    """
    t_start = time.perf_counter()
    frames = frames if frames is not None else range(len(timeline))
    res = timeline.script.resolution
    encoder = Encoder(output, res.width, res.height, timeline.script.fps, settings, audio=audio)
    captions = CaptionLayer(timeline.script.captions, res.width, res.height, timeline.script.duration)
    encoder.open()  # checks the output path before the (slower) engine start
    try:
        t0 = time.perf_counter()
        engine.open(timeline)
        t_open = time.perf_counter() - t0
        t_render = 0.0

        def render(state: FrameState) -> np.ndarray:
            nonlocal t_render
            t0 = time.perf_counter()
            image = engine.render(state)
            t_render += time.perf_counter() - t0
            return image

        for done, (index, image) in enumerate(zip(frames, transition_frames(timeline, render, frames),
                                                  strict=True), start=1):
            if captions:
                image = captions.draw(image, float(timeline.times[index]))
            if sink is not None:
                sink(index, image)
            encoder.write(image)
            if progress is not None:
                progress(done, len(frames))
        t0 = time.perf_counter()
        encoder.close()
        t_close = time.perf_counter() - t0
    except BaseException:
        encoder.abort()
        raise
    return RenderStats(
        frames=len(frames),
        engine_open_s=t_open,
        render_s=t_render,
        encode_s=encoder.write_seconds + t_close,
        wall_s=time.perf_counter() - t_start,
        ffmpeg_peak_rss_mb=encoder.ffmpeg_peak_rss_mb,
    )
