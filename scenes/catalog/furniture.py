"""Furniture and indoor things: tables, seats, storage, kitchen and bathroom, the room itself."""

from __future__ import annotations

from scenes import assets
from scenes.catalog.spec import AssetSpec, composite
from scenes.traits import AssetTraits, Surface, top

ASSETS: tuple[AssetSpec, ...] = (
    composite("table", "prop", (1.2, 0.8, 0.76), "a wooden table, top 0.76 m high", assets.table, "furniture",
              AssetTraits(supports=top(0.76, (1.2, 0.8)), room_under=(0.96, 0.56, 0.7))),
    composite("chair", "prop", (0.45, 0.45, 0.89), "a wooden chair, seat 0.45 m high", assets.chair, "furniture",
              AssetTraits(seat=Surface(0.47, (0.45, 0.41), (0.0, 0.02)), supports=top(0.47, (0.45, 0.41), (0.0, 0.02)),
                          room_under=(0.33, 0.33, 0.42))),
    composite("crate", "prop", (0.8, 0.8, 0.8), "a wooden crate 0.8 m on a side", assets.crate, "furniture",
              AssetTraits(supports=top(0.8, (0.8, 0.8)), physics_shape="box")),
    composite("pedestal", "prop", (0.3, 0.3, 0.12), "a round display pedestal for a figurine", assets.pedestal,
              "furniture", AssetTraits(supports=top(0.12, (0.28, 0.28)))),
)
