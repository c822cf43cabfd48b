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


MODEL_SUFFIXES = (".gltf", ".glb")


def is_model_path(name: str) -> bool:
    """True for an asset given as a glTF 2.0 file path (``.gltf`` or ``.glb``) instead of a catalog name."""
    return name.lower().endswith(MODEL_SUFFIXES)


def _no_mesh() -> Mesh:
    raise TypeError("a glTF model has no catalog mesh; the engine loads the file")


@cache
def model_asset(path: str) -> AssetSpec:
    """An AssetSpec for a glTF file: its size from the POSITION bounds the format requires (glTF is Y-up,
    the world Z-up: glTF x, y, z sizes become width, height, depth). Raises ``ValueError`` if unreadable."""
    import json
    import struct
    from pathlib import Path

    file = Path(path)
    try:
        raw = file.read_bytes()
        if raw[:4] == b"glTF":  # binary: 12-byte header, then a JSON chunk
            length, kind = struct.unpack_from("<II", raw, 12)
            if kind != 0x4E4F534A:
                raise ValueError("the first chunk is not JSON")
            doc = json.loads(raw[20:20 + length])
        else:
            doc = json.loads(raw)
        lo, hi = [float("inf")] * 3, [float("-inf")] * 3
        for m in doc.get("meshes", []):
            for prim in m.get("primitives", []):
                acc = doc["accessors"][prim["attributes"]["POSITION"]]
                lo = [min(a, b) for a, b in zip(lo, acc["min"], strict=True)]
                hi = [max(a, b) for a, b in zip(hi, acc["max"], strict=True)]
    except (OSError, ValueError, KeyError, IndexError, TypeError, struct.error) as exc:
        raise ValueError(f"{path}: not a readable glTF 2.0 file ({exc})") from None
    if lo[0] == float("inf"):
        raise ValueError(f"{path}: the glTF file has no meshes")
    dx, dy, dz = (max(h - lo_, 1e-3) for lo_, h in zip(lo, hi, strict=True))
    return AssetSpec(file.name, "model", (dx, dz, dy), f"glTF model {file.name}", _no_mesh)


def asset(name: str) -> AssetSpec:
    """Look an asset up by name (or glTF file path); raises ``KeyError`` with the known names."""
    if is_model_path(name):
        try:
            return model_asset(name)
        except ValueError as exc:
            raise KeyError(str(exc)) from None
    try:
        return CATALOG[name]
    except KeyError:
        raise KeyError(f"unknown asset {name!r}; known assets: {', '.join(sorted(CATALOG))}") from None


@cache
def mesh(name: str) -> Mesh:
    """The asset's triangle mesh at scale 1 (built once per process)."""
    return asset(name).build()
