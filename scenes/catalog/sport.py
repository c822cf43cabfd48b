"""Games and sport: balls, pins, goals, playground things."""

from __future__ import annotations

from scenes import assets
from scenes.catalog.spec import AssetSpec, composite
from scenes.traits import BALL, AssetTraits


def _ball(name: str, size: tuple[float, float, float], diameter: float, style: str, description: str) -> AssetSpec:
    return composite(name, "prop", size, description, lambda: assets.ball(diameter, style), "sport", BALL)


ASSETS: tuple[AssetSpec, ...] = (
    _ball("football", (0.24, 0.24, 0.23), 0.22, "football", "a football (soccer ball) 22 cm across"),
    _ball("basketball", (0.24, 0.24, 0.24), 0.24, "basketball", "a basketball 24 cm across"),
    _ball("beach_ball", (0.5, 0.5, 0.5), 0.5, "beach", "a striped beach ball 50 cm across"),
    composite("domino", "prop", (0.25, 0.06, 0.5), "a big domino standing on end, pips facing +Y", assets.domino,
              "sport", AssetTraits(topples=True, physics_shape="box", grip=(0.0, 0.0, 0.25))),
)
