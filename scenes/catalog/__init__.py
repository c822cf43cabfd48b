"""The built-in asset catalog: what an actor may be, how big it is, and what it can do.

The catalog is data, one module per shelf of the library (:data:`GROUPS`: ``primitives``, ``people``,
``animals``, ``vehicles``, ``handheld``, ``sport``, ``furniture``, ``outdoor``, ``city``). Engines turn an
entry into something drawable (the embedded engine from ``model()``, Unreal from a class mapping); the
timeline compiler uses ``size`` for framing and layout and ``traits`` for what it affords. Other names for
an asset (``kid`` for ``child``) live in the lexicon, ``scenes/lexicon/nouns.yaml``.
"""

from __future__ import annotations

from functools import cache

from scenes.catalog import animals, city, furniture, handheld, outdoor, people, primitives, sport, vehicles
from scenes.catalog.spec import ANIMAL_ACTIONS, CHARACTER_ACTIONS, GROUPS, PROP_ACTIONS, AssetSpec
from scenes.geometry import Mesh
from scenes.rig import Model, single_part

__all__ = ["ANIMAL_ACTIONS", "CATALOG", "CHARACTER_ACTIONS", "GROUPS", "PROP_ACTIONS", "AssetSpec", "asset",
           "by_group", "is_model_path", "mesh", "model", "model_asset"]

_MODULES = (primitives, people, animals, vehicles, handheld, sport, furniture, outdoor, city)
CATALOG: dict[str, AssetSpec] = {a.name: a for m in _MODULES for a in m.ASSETS}


def by_group() -> dict[str, list[AssetSpec]]:
    """The catalog's entries shelf by shelf, in :data:`GROUPS` order (assets added at run time included)."""
    out: dict[str, list[AssetSpec]] = {g: [] for g in GROUPS}
    for spec in CATALOG.values():
        out.setdefault(spec.group, []).append(spec)
    return out


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
    from pathlib import Path

    from scenes.catalog.gltf import read_document

    file = Path(path)
    doc = read_document(file)  # header, counts, offsets and bounds checked (GltfError is a ValueError)
    try:
        lo, hi = [float("inf")] * 3, [float("-inf")] * 3
        for m in doc.get("meshes", []):
            for prim in m.get("primitives", []):
                acc = doc["accessors"][prim["attributes"]["POSITION"]]
                lo = [min(a, b) for a, b in zip(lo, acc["min"], strict=True)]
                hi = [max(a, b) for a, b in zip(hi, acc["max"], strict=True)]
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path}: not a readable glTF 2.0 file ({type(exc).__name__}: {exc})") from None
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
    """The asset's whole triangle mesh at scale 1, in its rest pose (built once per process)."""
    return asset(name).build()


@cache
def model(name: str) -> Model:
    """The asset's joints and slotted parts (built once per process); primitives are one part in slot ``body``."""
    spec = asset(name)
    if spec.make_model is not None:
        return spec.make_model()
    return single_part(spec.build())
