"""The built-in asset catalog: what an actor may be, how big it is, and what it can do.

The catalog is data. Engines turn an entry into something drawable (the embedded engine from
``mesh()``, Unreal from a class mapping); the timeline compiler uses ``size`` for framing and layout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from scenes import geometry
from scenes.geometry import Mesh


@dataclass(frozen=True)
class AssetSpec:
    """One catalog entry. ``size`` is width (X), depth (Y), height (Z) in metres at scale 1."""

    name: str
    kind: str
    size: tuple[float, float, float]
    description: str
    build: Callable[[], Mesh] = field(repr=False, compare=False)
    actions: tuple[str, ...] = ("bounce", "spin", "move_to", "orbit")
    aliases: tuple[str, ...] = ()


_PRIMITIVES: tuple[AssetSpec, ...] = (
    AssetSpec("box", "primitive", (1.0, 1.0, 1.0), "a 1 m cube", geometry.box, aliases=("cube", "crate", "block")),
    AssetSpec("sphere", "primitive", (1.0, 1.0, 1.0), "a ball 1 m across", geometry.sphere, aliases=("ball", "orb")),
    AssetSpec("cylinder", "primitive", (1.0, 1.0, 1.0), "a cylinder 1 m across and 1 m tall", geometry.cylinder,
              aliases=("can", "pillar", "column", "drum")),
    AssetSpec("cone", "primitive", (1.0, 1.0, 1.0), "a cone 1 m across and 1 m tall", geometry.cone),
    AssetSpec("capsule", "primitive", (0.5, 0.5, 1.0), "a capsule 0.5 m across and 1 m tall", geometry.capsule,
              aliases=("pill",)),
    AssetSpec("plane", "primitive", (1.0, 1.0, 0.02), "a thin 1 m square slab", geometry.plane,
              aliases=("tile", "panel", "slab")),
    AssetSpec("pyramid", "primitive", (1.0, 1.0, 1.0), "a square pyramid 1 m wide and 1 m tall", geometry.pyramid),
    AssetSpec("torus", "primitive", (1.0, 1.0, 0.25), "a ring 1 m across", geometry.torus,
              aliases=("ring", "donut", "doughnut")),
)

CATALOG: dict[str, AssetSpec] = {a.name: a for a in _PRIMITIVES}


def asset(name: str) -> AssetSpec:
    """Look an asset up by name; raises ``KeyError`` with the known names."""
    try:
        return CATALOG[name]
    except KeyError:
        raise KeyError(f"unknown asset {name!r}; known assets: {', '.join(sorted(CATALOG))}") from None


@cache
def mesh(name: str) -> Mesh:
    """The asset's triangle mesh at scale 1 (built once per process)."""
    return asset(name).build()
