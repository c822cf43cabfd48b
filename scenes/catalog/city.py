"""City and buildings: houses, street furniture, roads, walls, steps."""

from __future__ import annotations

from scenes import assets
from scenes.catalog.spec import AssetSpec, composite
from scenes.traits import AssetTraits, Surface, top

ASSETS: tuple[AssetSpec, ...] = (
    composite("house", "prop", (6.6, 5.6, 5.3), "a small house with a pitched roof, door at +Y", assets.house, "city"),
    composite("lamp_post", "prop", (0.45, 0.45, 3.5), "a street lamp with a glowing head", assets.lamp_post, "city"),
    composite("bench", "prop", (1.6, 0.5, 0.87), "a park bench facing +Y", assets.bench, "city",
              AssetTraits(seat=Surface(0.46, (1.6, 0.42), (0.0, 0.0)), supports=top(0.46, (1.6, 0.42)),
                          room_under=(1.34, 0.42, 0.4))),
    composite("ramp", "prop", (1.0, 2.0, 0.6), "a ramp rising from -Y to +Y", assets.ramp, "city",
              AssetTraits(walkable=True)),
    composite("stairs", "prop", (1.2, 1.5, 0.9), "five steps rising towards -Y", assets.stairs, "city",
              AssetTraits(walkable=True, supports=top(0.9, (1.2, 0.3), (0.0, -0.6)))),
    composite("wall", "prop", (4.1, 0.28, 2.5), "a brick wall 4 m long", assets.wall, "city",
              AssetTraits(physics_shape="box")),
)
