"""Previews written from frames already in hand during the render pass: a contact sheet, a poster, an animation.

:class:`PreviewCollector` is a render-loop frame sink. It decides up front which frames it wants (the
middle of every shot, one every ``every_s`` seconds, a poster frame, a few dozen for the animation) and
keeps only small thumbnails of those (plus the one full-size poster), so memory is bounded however long
the video is: the tile interval grows so the sheet never exceeds :data:`MAX_TILES` tiles.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, features

from pipeline.captions import font
from pipeline.edit import TransitionPlan
from scenes import Timeline

MAX_TILES = 48
ANIMATION_FRAMES = 48
PNG_OPTIONS: dict[str, object] = {"compress_level": 6}
"""zlib's default level, without Pillow's ``optimize`` (level 9 and a search of filters): the reference scene's
contact sheet in 0.27 s instead of 0.95 s, 2.8 % larger (the poster: 0.05 s instead of 0.18 s, 2.4 % larger). Every
render writes them after its last frame, so this is time on the end-to-end clock (docs/rendering.md, Speed)."""
WEBP_OPTIONS: dict[str, object] = {"quality": 70, "method": 2}
"""The animation's encoder effort: method 2 instead of 4 halves its time (0.19 s instead of 0.35 s on the reference
scene's 49 frames) at the same quality setting, 4.7 % larger."""


@dataclass(frozen=True)
class PreviewFiles:
    """Where the previews went."""

    contact_sheet: Path
    poster: Path
    animation: Path


def preview_paths(video: Path) -> PreviewFiles:
    """``out.mp4`` → ``out.contact.png``, ``out.poster.png``, ``out.preview.webp`` (``.gif`` without WebP)."""
    anim = "webp" if features.check("webp") else "gif"
    return PreviewFiles(video.with_suffix(".contact.png"), video.with_suffix(".poster.png"),
                        video.with_suffix(f".preview.{anim}"))


def _thumb(image: np.ndarray, width: int) -> np.ndarray:
    h, w = image.shape[:2]
    if w <= width:
        return image.copy()
    return cv2.resize(image, (width, max(2, round(h * width / w))), interpolation=cv2.INTER_AREA)


def _save(img: Image.Image, path: Path, **kwargs: object) -> None:
    tmp = path.with_name(f".{path.name}.part")
    img.save(tmp, format=path.suffix.lstrip(".").upper().replace("JPG", "JPEG"), **kwargs)
    os.replace(tmp, path)


class PreviewCollector:
    """Keeps what the previews need while frames stream past; :meth:`write` makes the files."""

    def __init__(self, timeline: Timeline, every_s: float = 2.0, thumb_width: int = 320,
                 anim_width: int = 320, anim_fps: float = 8.0) -> None:
        n = len(timeline)
        fps = timeline.script.fps
        self.fps = fps
        self.shot_index = np.asarray(timeline.shot_index)
        self.thumb_width, self.anim_width = thumb_width, anim_width
        change = np.flatnonzero(np.diff(self.shot_index)) + 1
        starts, ends = np.concatenate([[0], change]), np.concatenate([change, [n]])
        shot_middles = {int((s + e - 1) // 2) for s, e in zip(starts, ends, strict=True)}
        every = max(every_s, n / fps / max(1, MAX_TILES - len(shot_middles)))
        periodic = {round(k * every * fps) for k in range(int(n / fps / every) + 1)}
        plan = TransitionPlan(timeline)

        def plain(i: int) -> int:  # a tile in a fade or crossfade moves to the end of it (its shot in full)
            w = plan.window_at(i)
            return min(n - 1, w.end) if w is not None else i

        self.sheet = sorted({plain(i) for i in shot_middles | periodic if i < n})
        longest = int(np.argmax(ends - starts))
        self.poster_index = plain(int((starts[longest] + ends[longest] - 1) // 2))

        # the animation: real time at anim_fps for short videos, an even time-lapse for long ones
        step = max(fps / anim_fps, n / ANIMATION_FRAMES)
        self.anim = sorted({min(n - 1, round(k * step)) for k in range(int(n / step) + 1)})
        self.anim_duration_ms = max(40, round(1000 / anim_fps))
        self._sheet: dict[int, np.ndarray] = {}
        self._anim: dict[int, np.ndarray] = {}
        self._poster: np.ndarray | None = None
        self._wanted_sheet, self._wanted_anim = set(self.sheet), set(self.anim)

    def __call__(self, index: int, image: np.ndarray) -> None:
        """Look at one finished frame (a render-loop :data:`~pipeline.render.FrameSink`)."""
        if index in self._wanted_sheet:
            self._sheet[index] = _thumb(image, self.thumb_width)
        if index in self._wanted_anim:
            self._anim[index] = _thumb(image, self.anim_width)
        if index == self.poster_index:
            self._poster = image.copy()

    def contact_sheet(self, columns: int = 4) -> Image.Image:
        """The sheet: tiles in time order, each labelled with its time and shot."""
        tiles = [(i, self._sheet[i]) for i in self.sheet if i in self._sheet]
        if not tiles:
            raise ValueError("no frames were seen")
        th, tw = tiles[0][1].shape[:2]
        gap, label_h = 6, max(12, th // 9)
        cols = min(columns, len(tiles))
        rows = -(-len(tiles) // cols)
        sheet = Image.new("RGB", (cols * (tw + gap) + gap, rows * (th + label_h + gap) + gap), (24, 24, 28))
        draw = ImageDraw.Draw(sheet)
        face = font(max(9, label_h - 3))
        for k, (i, tile) in enumerate(tiles):
            x, y = gap + (k % cols) * (tw + gap), gap + (k // cols) * (th + label_h + gap)
            sheet.paste(Image.fromarray(tile), (x, y))
            draw.text((x + 2, y + th + 1), f"{i / self.fps:6.2f} s  shot {int(self.shot_index[i]) + 1}", font=face,
                      fill=(220, 220, 225))
        return sheet

    def write(self, video: Path) -> PreviewFiles:
        """Write the three previews next to ``video`` (each under a temporary name, then renamed)."""
        paths = preview_paths(video)
        _save(self.contact_sheet(), paths.contact_sheet, **PNG_OPTIONS)
        if self._poster is not None:
            _save(Image.fromarray(self._poster), paths.poster, **PNG_OPTIONS)
        frames = [Image.fromarray(self._anim[i]) for i in self.anim if i in self._anim]
        if frames:
            extra = WEBP_OPTIONS if paths.animation.suffix == ".webp" else {}
            _save(frames[0], paths.animation, save_all=True, append_images=frames[1:],
                  duration=self.anim_duration_ms, loop=0, **extra)
        return paths
