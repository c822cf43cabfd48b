"""Every catalog asset draws: one small render of the whole library laid out on a grid shows each in the mask."""

from __future__ import annotations

import math

import numpy as np

from scenes import SceneScript, compile_script
from scenes.catalog import CATALOG

SPACING = 2.0  # metres between grid cells; every asset is scaled to about 1 m across


def library_script(pixels: int = 480) -> SceneScript:
    """All assets in a square grid, each scaled to about 1 m across, seen from the front and above; the lowest in the
    front rows, so a tall one does not hide a low one behind it (with 222 assets a pillar box hid a pencil)."""

    def scale(name: str) -> float:
        w, d, h = CATALOG[name].size
        return min(1.8 / h, 1.0 / max(w, d))  # tall thin things (posts, poles) stand up to 1.8 m

    names = sorted(CATALOG, key=lambda n: (round(CATALOG[n].size[2] * scale(n), 2), n))
    side = math.ceil(math.sqrt(len(names)))
    actors = []
    for k, name in enumerate(names):
        r, c = divmod(k, side)
        s = scale(name)
        actors.append({"id": f"a{k}", "asset": name, "scale": s,
                       "position": [(c - (side - 1) / 2) * SPACING, (r - (side - 1) / 2) * SPACING, 0.0]})
    half = side * SPACING / 2
    return SceneScript.model_validate({
        "duration": 0.1, "fps": 10, "resolution": {"width": pixels, "height": pixels},
        "environment": {"sky": "day", "ground": {"material": "grass"}, "fog": 0.0},
        "actors": actors,
        "camera": {"fov": 40, "shots": [{"type": "static", "position": [0.0, -2.1 * half, 3.0 * half],
                                         "target": [0.0, 0.0, 0.0]}]},
    })


def test_every_asset_shows_in_one_mask_of_the_whole_library(panda) -> None:
    # 800 px: at 360 a low, thin asset (the seesaw scaled to 1 m) behind a tall neighbour drew 3 pixels; at 480, with
    # 222 assets on a 15 x 15 grid, the 1.9 m fishing rod, a thin line in the back row, drew 2 (and at 640, with 306
    # on 18 x 18, the rod and the tennis net drew 3)
    timeline = compile_script(library_script(800))
    panda.open(timeline)
    mask = panda.render_passes(timeline.frame(0), ["mask"])["mask"]
    counts = np.bincount(mask.ravel(), minlength=len(timeline.script.actors) + 1)
    missing = [a.asset for i, a in enumerate(timeline.script.actors) if counts[i + 1] < 4]
    assert not missing, f"not drawn (fewer than 4 mask pixels): {missing}"
