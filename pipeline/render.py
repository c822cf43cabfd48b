"""The render loop: frames flow from the engine straight into the encoder, one at a time."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from engine_bridge import Engine
from pipeline.encode import Encoder, EncodeSettings
from scenes import Timeline

ProgressFn = Callable[[int, int], None]
"""Called after each frame with (frames done, frames total)."""


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
) -> RenderStats:
    """Render ``frames`` (default: all) of ``timeline`` with ``engine`` and encode them to ``output``.

    Memory stays flat in video length: each frame is rendered, handed to ffmpeg and dropped. The file
    appears under its final name only when the encode finished cleanly.
    """
    t_start = time.perf_counter()
    frames = frames if frames is not None else range(len(timeline))
    res = timeline.script.resolution
    encoder = Encoder(output, res.width, res.height, timeline.script.fps, settings)
    encoder.open()  # checks the output path before the (slower) engine start
    try:
        t0 = time.perf_counter()
        engine.open(timeline)
        t_open = time.perf_counter() - t0
        t_render = 0.0
        for done, index in enumerate(frames, start=1):
            t0 = time.perf_counter()
            image = engine.render(timeline.frame(index))
            t_render += time.perf_counter() - t0
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
