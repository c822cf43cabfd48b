"""The render loop: frames flow from the engine straight into the encoder, one at a time."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine_bridge import Engine
from pipeline.captions import CaptionLayer
from pipeline.edit import transition_frames
from pipeline.encode import Encoder, EncodeSettings
from pipeline.passes import PassesWriter, engine_passes, passes_dir
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
    passes: Sequence[str] = (),
) -> RenderStats:
    """Render ``frames`` (default: all) of ``timeline`` with ``engine`` and encode them to ``output``.

    Shot transitions (:mod:`pipeline.edit`) and captions (:mod:`pipeline.captions`) are applied on the
    way; ``audio`` (a WAV file) is muxed in the same ffmpeg run. Memory stays flat in video length: each
    frame is rendered, handed to ffmpeg and dropped (a crossfade holds two renders). The file appears
    under its final name only when the encode finished cleanly. With ``passes`` (pipeline/passes.py) the
    ground truth of each frame (its own camera, also inside transitions) is drawn in the same engine frame
    and written to ``output.passes/``.
    """
    t_start = time.perf_counter()
    frames = frames if frames is not None else range(len(timeline))
    res = timeline.script.resolution
    encoder = Encoder(output, res.width, res.height, timeline.script.fps, settings, audio=audio)
    captions = CaptionLayer(timeline.script.captions, res.width, res.height, timeline.script.duration)
    encoder.open()  # checks the output path before the (slower) engine start
    writer = PassesWriter(passes_dir(output), timeline, passes) if passes else None
    wanted = engine_passes(passes)
    try:
        if writer is not None:
            writer.open()
        t0 = time.perf_counter()
        engine.open(timeline)
        t_open = time.perf_counter() - t0
        t_render = 0.0

        passes_index = [-1]  # the last frame whose passes went to the writer

        def render(state: FrameState) -> np.ndarray:
            nonlocal t_render
            t0 = time.perf_counter()
            if writer is not None and state.index != passes_index[0] and timeline.own_camera(state):
                following = timeline.frame(state.index + 1) if state.index + 1 < len(timeline) else None
                image, out = engine.render_with_passes(state, wanted, following)
                t_render += time.perf_counter() - t0
                writer.add(state, out)
                passes_index[0] = state.index
                return image
            image = engine.render(state)
            t_render += time.perf_counter() - t0
            return image

        for done, (index, image) in enumerate(zip(frames, transition_frames(timeline, render, frames),
                                                  strict=True), start=1):
            if writer is not None and passes_index[0] != index:
                # a transition drew only other shots' cameras: draw this frame's own ground truth
                following = timeline.frame(index + 1) if index + 1 < len(timeline) else None
                writer.add(timeline.frame(index), engine.render_passes(timeline.frame(index), wanted, following))
                passes_index[0] = index
            if captions:
                image = captions.draw(image, float(timeline.times[index]))
            if sink is not None:
                sink(index, image)
            encoder.write(image)
            if progress is not None:
                progress(done, len(frames))
        if writer is not None:
            last = frames[-1] if len(frames) else -1
            # flow of a chunk's last frame needs the depth of the frame after it to mark occlusion
            after = (engine.render_passes(timeline.frame(last + 1), ["depth"])["depth"]
                     if "flow" in passes and 0 <= last < len(timeline) - 1 else None)
        t0 = time.perf_counter()
        encoder.close()
        if writer is not None:
            writer.close(after)
        t_close = time.perf_counter() - t0
    except BaseException:
        encoder.abort()
        if writer is not None:
            writer.abort()
        raise
    return RenderStats(
        frames=len(frames),
        engine_open_s=t_open,
        render_s=t_render,
        encode_s=encoder.write_seconds + t_close,
        wall_s=time.perf_counter() - t_start,
        ffmpeg_peak_rss_mb=encoder.ffmpeg_peak_rss_mb,
    )
