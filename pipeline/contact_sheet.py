"""The catalog contact sheet: one labelled thumbnail of every asset, so a person sees the library at a glance."""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

import cv2
import numpy as np

from scenes import SceneScript, compile_script
from scenes.catalog import AssetSpec, by_group

FOV = 35.0
VIEW = np.array([0.55, 1.0, 0.55])  # from the front (+Y), a little to the right and above: a three-quarter view


def thumbnail_script(spec: AssetSpec, pixels: int) -> SceneScript:
    """A one-frame scene of ``spec`` alone on the ground, framed so its bounding sphere fills the view."""
    w, d, h = spec.size
    centre = np.array([0.0, 0.0, h / 2])
    radius = 0.5 * math.sqrt(w * w + d * d + h * h)
    distance = max(radius / math.sin(math.radians(FOV / 2)) * 1.02, 0.3)
    eye = centre + VIEW / np.linalg.norm(VIEW) * distance
    eye[2] = max(eye[2], 0.15)
    return SceneScript.model_validate(
        {
            "duration": 0.1,
            "fps": 10,
            "resolution": {"width": pixels, "height": pixels},
            "environment": {"sky": "day", "ground": {"material": "grass"}, "fog": 0.0},  # backdrops are far away
            "actors": [{"id": "a", "asset": spec.name}],
            "camera": {
                "fov": FOV,
                "shots": [
                    {"type": "static", "position": [float(v) for v in eye], "target": [float(v) for v in centre]}
                ],
            },
        }
    )


def render_thumbnails(specs: Iterable[AssetSpec], pixels: int = 160) -> list[tuple[AssetSpec, np.ndarray]]:
    """Each asset rendered alone by the embedded engine (one world per asset; the engine stays loaded)."""
    from engine_bridge.panda.engine import PandaEngine

    out = []
    with PandaEngine(msaa=0, shadow_size=512) as engine:
        for spec in specs:
            timeline = compile_script(thumbnail_script(spec, pixels))
            engine.open(timeline)
            out.append((spec, engine.render(timeline.frame(0)).copy()))
    return out


def _label(image: np.ndarray, text: str) -> np.ndarray:
    img = np.ascontiguousarray(image)
    h = img.shape[0]
    cv2.rectangle(img, (0, h - 18), (img.shape[1], h), (20, 20, 20), -1)
    cv2.putText(img, text, (4, h - 5), cv2.FONT_HERSHEY_SIMPLEX, 0.4, (240, 240, 240), 1, cv2.LINE_AA)
    return img


def contact_sheet(path: Path, pixels: int = 128, columns: int = 14, labels: bool = True) -> int:
    """Render every catalog asset, shelf by shelf, into one PNG grid at ``path``; returns the number of assets.

    ``labels=False`` leaves the names off (for a blind naming pass: the order is the catalog's)."""
    if not path.parent.is_dir():  # before a minute of rendering, not after
        raise OSError(f"{path}: no such folder {path.parent}")
    specs = [s for group in by_group().values() for s in group]
    thumbs = render_thumbnails(specs, pixels)
    rows = math.ceil(len(thumbs) / columns)
    sheet = np.full((rows * pixels, columns * pixels, 3), 255, np.uint8)
    for k, (spec, img) in enumerate(thumbs):
        r, c = divmod(k, columns)
        tile = _label(img, f"{k + 1} {spec.name}" if labels else str(k + 1))
        sheet[r * pixels : (r + 1) * pixels, c * pixels : (c + 1) * pixels] = tile
    tmp = path.with_name(path.stem + ".partial.png")
    if not cv2.imwrite(str(tmp), cv2.cvtColor(sheet, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_PNG_COMPRESSION, 9]):
        raise OSError(f"{path}: cannot write the contact sheet")
    tmp.replace(path)
    return len(thumbs)
