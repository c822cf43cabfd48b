"""Title cards, captions and lower thirds drawn onto frames with Pillow's bundled TrueType font.

No system font is assumed: ``ImageFont.load_default(size=…)`` ships inside Pillow (Aileron Regular).
It covers printable ASCII only, so :func:`printable` folds typographic punctuation and accents onto
ASCII (``—`` → ``-``, ``é`` → ``e``) rather than drawing empty boxes. Each caption is laid out once,
as a cropped RGBA overlay, when it first shows, and dropped when it ends, so memory holds only the
captions on screen; drawing it onto a frame is a small numpy alpha blend. Captions fade in and out over :data:`FADE_S`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from scenes.script import Caption

FADE_S = 0.3  # seconds of fade in and out (shortened for short captions)
ACCENT = (255, 184, 28)  # the lower third's stripe: a warm amber that reads on sky and grass alike


@dataclass(frozen=True)
class Overlay:
    """A caption rendered once: premultiplied RGB (h, w, 3) and alpha (h, w, 1) in 0..1, placed at (x, y)."""

    x: int
    y: int
    rgb: np.ndarray
    alpha: np.ndarray


@cache
def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled TrueType font at ``size`` pixels."""
    return ImageFont.load_default(size=size)


_PUNCTUATION = str.maketrans({"—": " - ", "–": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...",
                             "«": '"', "»": '"', "\u00a0": " ", "•": "-", "×": "x"})


def printable(text: str) -> str:
    """``text`` folded onto the characters the bundled font has (printable ASCII)."""
    folded = unicodedata.normalize("NFKD", text.translate(_PUNCTUATION))
    return re.sub(r"[ \t]+", " ", "".join(c for c in folded if c == "\n" or 32 <= ord(c) < 127))


def wrap(text: str, face: ImageFont.FreeTypeFont | ImageFont.ImageFont, max_width: float) -> list[str]:
    """Word wrap to ``max_width`` pixels, balanced: the narrowest width that needs no more lines than a greedy
    wrap, so a title does not end on one orphaned word. Honours explicit newlines."""
    lines = _greedy(text, face, max_width)
    width = max_width
    while len(lines) > 1 and width > max_width * 0.4:
        trial = _greedy(text, face, width * 0.95)
        if len(trial) > len(lines):
            break
        lines, width = trial, width * 0.95
    return lines


def _greedy(text: str, face: ImageFont.FreeTypeFont | ImageFont.ImageFont, max_width: float) -> list[str]:
    lines: list[str] = []
    for para in printable(text).splitlines() or [""]:
        line = ""
        for word in para.split():
            trial = f"{line} {word}".strip()
            if line and face.getlength(trial) > max_width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def _text_block(draw: ImageDraw.ImageDraw, lines: list[str], face: ImageFont.FreeTypeFont | ImageFont.ImageFont,
                size: int) -> tuple[list[float], float, float]:
    widths = [draw.textlength(line, font=face) for line in lines]
    step = size * 1.25
    return widths, max(widths, default=0.0), step * len(lines) - (step - size)


def render_caption(caption: Caption, width: int, height: int) -> Overlay:
    """Lay out one caption at frame size ``width`` x ``height``."""
    canvas = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    if caption.style == "title":
        size = max(12, round(height / 9))
        face = font(size)
        lines = wrap(caption.text, face, width * 0.8)
        widths, _, block_h = _text_block(draw, lines, face, size)
        # a soft dark scrim over the whole frame, darker in the middle band where the title sits
        scrim = np.full((height, 1), 0.45, dtype=np.float32)
        band = np.exp(-(((np.arange(height) - height / 2) / (height * 0.28)) ** 2))[:, None]
        scrim = np.clip(scrim + 0.25 * band, 0, 1)
        canvas.putalpha(Image.fromarray((np.repeat(scrim, width, 1) * 255).astype(np.uint8)))
        top = (height - block_h) / 2
        shadow = Image.new("RGBA", (width, height), (0, 0, 0, 0))
        sdraw = ImageDraw.Draw(shadow)
        for i, (line, w) in enumerate(zip(lines, widths, strict=True)):
            pos = ((width - w) / 2, top + i * size * 1.25)
            sdraw.text((pos[0] + size * 0.04, pos[1] + size * 0.06), line, font=face, fill=(0, 0, 0, 200))
        canvas = Image.alpha_composite(canvas, shadow.filter(ImageFilter.GaussianBlur(size * 0.06)))
        draw = ImageDraw.Draw(canvas)
        for i, (line, w) in enumerate(zip(lines, widths, strict=True)):
            draw.text(((width - w) / 2, top + i * size * 1.25), line, font=face, fill=(255, 255, 255, 255))
        # a thin accent rule under the title
        rule_w = min(width * 0.25, max(widths, default=0) * 0.5)
        y = top + block_h + size * 0.45
        draw.rectangle(((width - rule_w) / 2, y, (width + rule_w) / 2, y + max(2, size * 0.06)), fill=(*ACCENT, 255))
    elif caption.style == "caption":
        size = max(10, round(height / 20))
        face = font(size)
        lines = wrap(caption.text, face, width * 0.8)
        widths, block_w, block_h = _text_block(draw, lines, face, size)
        pad = size * 0.5
        bottom = height * 0.94
        box = ((width - block_w) / 2 - pad, bottom - block_h - 2 * pad, (width + block_w) / 2 + pad, bottom)
        draw.rounded_rectangle(box, radius=size * 0.35, fill=(10, 10, 14, 165))
        for i, (line, w) in enumerate(zip(lines, widths, strict=True)):
            draw.text(((width - w) / 2, box[1] + pad + i * size * 1.25 - size * 0.1), line, font=face,
                      fill=(255, 255, 255, 255))
    else:  # lower_third
        size = max(10, round(height / 17))
        face = font(size)
        lines = wrap(caption.text, face, width * 0.55)
        widths, block_w, block_h = _text_block(draw, lines, face, size)
        pad = size * 0.45
        left = width * 0.05
        bottom = height * 0.86
        stripe = max(3, size * 0.18)
        box = (left, bottom - block_h - 2 * pad, left + stripe + block_w + 2.4 * pad, bottom)
        draw.rectangle(box, fill=(12, 14, 20, 190))
        draw.rectangle((box[0], box[1], box[0] + stripe, box[3]), fill=(*ACCENT, 255))
        for i, line in enumerate(lines):
            draw.text((box[0] + stripe + 1.2 * pad, box[1] + pad + i * size * 1.25 - size * 0.1), line, font=face,
                      fill=(255, 255, 255, 255))
    rgba = np.asarray(canvas, dtype=np.float32) / 255.0
    ys, xs = np.nonzero(rgba[..., 3] > 0)
    if len(ys) == 0:
        return Overlay(0, 0, np.zeros((0, 0, 3), np.float32), np.zeros((0, 0, 1), np.float32))
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    crop = rgba[y0:y1, x0:x1]
    alpha = crop[..., 3:4]
    return Overlay(int(x0), int(y0), crop[..., :3] * alpha * 255.0, alpha)


def caption_opacity(caption: Caption, time: float, duration: float) -> float:
    """0 when ``caption`` is off screen at ``time``, ramping to 1 over the fade at each end."""
    end = caption.end if caption.end is not None else duration
    if not caption.start <= time < end:
        return 0.0
    fade = min(FADE_S, (end - caption.start) / 3)
    if fade <= 0:
        return 1.0
    # a caption at the very start or end of the video does not fade against the edge
    rise = 1.0 if caption.start <= 0 else (time - caption.start) / fade
    fall = 1.0 if end >= duration else (end - time) / fade
    x = float(np.clip(min(rise, fall), 0.0, 1.0))
    return 0.5 - 0.5 * math.cos(math.pi * x)


class CaptionLayer:
    """Draws a script's captions onto frames; lays each out once while it is on screen."""

    def __init__(self, captions: list[Caption], width: int, height: int, duration: float) -> None:
        self.captions = list(captions)
        self.width, self.height, self.duration = width, height, duration
        self._live: dict[int, Overlay] = {}

    def __bool__(self) -> bool:
        return bool(self.captions)

    def draw(self, image: np.ndarray, time: float) -> np.ndarray:
        """``image`` with every caption visible at ``time`` drawn on (a new array if any is, else ``image``)."""
        out = image
        for k, cap in enumerate(self.captions):
            opacity = caption_opacity(cap, time, self.duration)
            if opacity <= 0.0:
                self._live.pop(k, None)
                continue
            ov = self._live.get(k)
            if ov is None:
                ov = self._live[k] = render_caption(cap, self.width, self.height)
            if ov.rgb.size == 0:
                continue
            if out is image:
                out = image.copy()
            h, w = ov.alpha.shape[:2]
            region = out[ov.y:ov.y + h, ov.x:ov.x + w].astype(np.float32)
            a = ov.alpha * np.float32(opacity)
            region = region * (1.0 - a) + ov.rgb * np.float32(opacity)
            out[ov.y:ov.y + h, ov.x:ov.x + w] = np.clip(region + 0.5, 0, 255).astype(np.uint8)
        return out
