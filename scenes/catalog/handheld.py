"""Held and handled props: things a hand picks up by their grip point (cups, books, phones, bags)."""

from __future__ import annotations

from scenes import assets
from scenes.catalog.spec import AssetSpec, composite
from scenes.traits import AssetTraits

ASSETS: tuple[AssetSpec, ...] = (
    composite("cup", "prop", (0.1, 0.08, 0.1), "a coffee cup with a handle", assets.cup, "handheld",
              AssetTraits(grip=(0.05, 0.0, 0.05))),
)
