"""Animals: four-legged animals on the quadruped rig, birds and fish."""

from __future__ import annotations

from scenes import assets
from scenes.catalog.spec import ANIMAL_ACTIONS, AssetSpec, composite
from scenes.traits import AssetTraits


def _quadruped(name: str, size: tuple[float, float, float], description: str,
               saddle: tuple[float, float, float] | None = None) -> AssetSpec:
    return composite(name, "animal", size, description, lambda: assets.quadruped(assets.ANIMAL_VARIANTS[name]),
                     "animals", AssetTraits(rideable=saddle), ANIMAL_ACTIONS)


ASSETS: tuple[AssetSpec, ...] = (
    _quadruped("dog", (0.27, 1.02, 0.8), "a medium dog with floppy ears"),
    _quadruped("cat", (0.17, 0.76, 0.61), "a grey cat"),
    _quadruped("horse", (0.61, 2.49, 2.29), "a brown horse", (0.0, -0.1, 1.55)),
)
