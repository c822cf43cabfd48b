"""People: humanoid characters on the 16-joint rig (skinned MPFB2 bodies, scenes/skin.py; the figurine is stylised)."""

from __future__ import annotations

from scenes import assets
from scenes.catalog.spec import CHARACTER_ACTIONS, AssetSpec, composite
from scenes.traits import AssetTraits

_PERSON_TRAITS = AssetTraits(physics_shape="hull")

ASSETS: tuple[AssetSpec, ...] = tuple(
    composite(
        name,
        "character",
        size,
        desc,
        lambda look=assets.HUMAN_VARIANTS[name]: assets.person(look),
        "people",
        _PERSON_TRAITS,
        CHARACTER_ACTIONS,
    )
    for name, size, desc in (
        ("person", (0.56, 0.3, 1.76), "a person about 1.75 m tall (a skinned body on 16 joints, a face)"),
        ("man", (0.6, 0.3, 1.81), "a man"),
        ("woman", (0.51, 0.3, 1.72), "a woman with long hair"),
        ("child", (0.37, 0.21, 1.24), "a child in a cap, short sleeves and shorts"),
        ("elderly", (0.52, 0.3, 1.69), "an elderly person with grey hair"),
        ("figurine", (0.51, 0.3, 1.81), "a glazed ceramic figure of a person (scale it down)"),
    )
)
