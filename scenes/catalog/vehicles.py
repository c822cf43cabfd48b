"""Vehicles: cars, bikes, buses and trucks, boats, aircraft, all facing +Y."""

from __future__ import annotations

from scenes import assets
from scenes.catalog.spec import AssetSpec, composite

ASSETS: tuple[AssetSpec, ...] = (
    composite("car", "prop", (1.88, 4.24, 1.47), "a compact car facing +Y", assets.car, "vehicles"),
)
