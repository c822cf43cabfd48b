"""Outdoor nature: trees, plants, rocks, water, landforms, camping."""

from __future__ import annotations

from scenes import assets
from scenes.catalog.spec import AssetSpec, composite

ASSETS: tuple[AssetSpec, ...] = (
    composite("tree", "prop", (2.1, 1.8, 3.9), "a broadleaf tree about 4 m tall", assets.tree, "outdoor"),
    composite("bush", "prop", (1.28, 1.0, 0.9), "a round shrub", assets.bush, "outdoor"),
    composite("rock", "prop", (1.05, 1.03, 0.69), "a lumpy boulder", assets.boulder, "outdoor"),
    composite("fence", "prop", (2.0, 0.07, 0.98), "a 2 m section of picket fence along X", assets.fence, "outdoor"),
)
