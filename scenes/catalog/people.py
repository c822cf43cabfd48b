"""People: humanoid characters on the 16-joint rig."""

from __future__ import annotations

from scenes import assets
from scenes.catalog.spec import CHARACTER_ACTIONS, AssetSpec, composite
from scenes.traits import AssetTraits

_PERSON_TRAITS = AssetTraits(physics_shape="hull")

ASSETS: tuple[AssetSpec, ...] = tuple(
    composite(name, "character", size, desc, lambda look=assets.HUMAN_VARIANTS[name]: assets.humanoid(look),
              "people", _PERSON_TRAITS, CHARACTER_ACTIONS)
    for name, size, desc in (
        ("person", (0.51, 0.3, 1.81), "a stylised person about 1.8 m tall (16 joints, a face)"),
        ("man", (0.56, 0.31, 1.87), "a man"),
        ("woman", (0.46, 0.29, 1.74), "a woman with long hair"),
        ("child", (0.34, 0.27, 1.29), "a child in a cap"),
        ("figurine", (0.51, 0.3, 1.81), "a glazed ceramic figure of a person (scale it down)"),
    )
)
