"""The built-in asset catalog: what an actor may be, how big it is, and what it can do.

The catalog is data. Engines turn an entry into something drawable (the embedded engine from
``mesh()``, Unreal from a class mapping); the timeline compiler uses ``size`` for framing and layout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from scenes import assets, geometry
from scenes.geometry import Mesh
from scenes.rig import Model, single_part
from scenes.traits import BALL, AssetTraits, Surface, top

PROP_ACTIONS = ("bounce", "spin", "move_to", "orbit", "roll", "follow_path", "fly_to", "fall", "turn_to", "push")
CHARACTER_ACTIONS = ("idle", "walk_to", "run_to", "follow_path", "follow", "jump", "wave", "dance", "sit", "turn_to",
                     "look_at", "push", "fall", "move_to", "orbit", "spin", "bounce", "fly_to")
ANIMAL_ACTIONS = ("idle", "walk_to", "run_to", "follow_path", "follow", "jump", "sit", "turn_to", "look_at", "fall",
                  "move_to", "orbit", "spin", "bounce", "fly_to")


@dataclass(frozen=True)
class AssetSpec:
    """One catalog entry. ``size`` is width (X), depth (Y), height (Z) in metres at scale 1.

    ``kind`` is ``primitive``, ``prop``, ``character`` (a humanoid rig) or ``animal`` (a quadruped rig).
    ``build`` gives the whole asset as one mesh in its rest pose; ``make_model`` (when set) gives its
    joints and slotted parts, which is what engines draw and the animation poses.
    """

    name: str
    kind: str
    size: tuple[float, float, float]
    description: str
    build: Callable[[], Mesh] = field(repr=False, compare=False)
    actions: tuple[str, ...] = PROP_ACTIONS
    aliases: tuple[str, ...] = ()
    make_model: Callable[[], Model] | None = field(default=None, repr=False, compare=False)
    traits: AssetTraits = AssetTraits()

    @property
    def footprint(self) -> tuple[float, float]:
        """Width (X) and depth (Y) of the ground it covers, at scale 1."""
        return self.size[0], self.size[1]

    @property
    def rig(self) -> str:
        """``humanoid``, ``quadruped`` or ``""`` for assets that do not walk."""
        return {"character": "humanoid", "animal": "quadruped"}.get(self.kind, "")


_PRIMITIVES: tuple[AssetSpec, ...] = (
    AssetSpec("box", "primitive", (1.0, 1.0, 1.0), "a 1 m cube", geometry.box, aliases=("cube", "block"),
              traits=AssetTraits(supports=top(1.0, (1.0, 1.0)), physics_shape="box")),
    AssetSpec("sphere", "primitive", (1.0, 1.0, 1.0), "a ball 1 m across", geometry.sphere, aliases=("ball", "orb"),
              traits=BALL),
    AssetSpec("cylinder", "primitive", (1.0, 1.0, 1.0), "a cylinder 1 m across and 1 m tall", geometry.cylinder,
              aliases=("can", "pillar", "column", "drum"),
              traits=AssetTraits(supports=top(1.0, (0.7, 0.7)), physics_shape="cylinder")),
    AssetSpec("cone", "primitive", (1.0, 1.0, 1.0), "a cone 1 m across and 1 m tall", geometry.cone),
    AssetSpec("capsule", "primitive", (0.5, 0.5, 1.0), "a capsule 0.5 m across and 1 m tall", geometry.capsule,
              aliases=("pill",)),
    AssetSpec("plane", "primitive", (1.0, 1.0, 0.02), "a thin 1 m square slab", geometry.plane,
              aliases=("tile", "panel", "slab"),
              traits=AssetTraits(supports=top(0.02, (1.0, 1.0)), walkable=True, physics_shape="box")),
    AssetSpec("pyramid", "primitive", (1.0, 1.0, 1.0), "a square pyramid 1 m wide and 1 m tall", geometry.pyramid),
    AssetSpec("torus", "primitive", (1.0, 1.0, 0.25), "a ring 1 m across", geometry.torus,
              aliases=("ring", "donut", "doughnut")),
)


def _composite(name: str, kind: str, size: tuple[float, float, float], description: str,
               make: Callable[[], Model], actions: tuple[str, ...] = PROP_ACTIONS,
               aliases: tuple[str, ...] = (), traits: AssetTraits = AssetTraits()) -> AssetSpec:
    return AssetSpec(name, kind, size, description, lambda: model(name).rest_mesh(), actions, aliases, make, traits)


_PERSON_TRAITS = AssetTraits(physics_shape="hull")
_PEOPLE = tuple(
    _composite(name, "character", size, desc, lambda look=assets.HUMAN_VARIANTS[name]: assets.person(look),
               CHARACTER_ACTIONS, aliases, _PERSON_TRAITS)
    for name, size, desc, aliases in (
        ("person", (0.56, 0.3, 1.76), "a person about 1.75 m tall (a skinned body on 16 joints, a face)", ("human",)),
        ("man", (0.6, 0.3, 1.81), "a man", ()),
        ("woman", (0.51, 0.3, 1.72), "a woman with long hair", ()),
        ("child", (0.37, 0.21, 1.24), "a child in a cap, short sleeves and shorts", ("kid",)),
        ("elderly", (0.52, 0.3, 1.69), "an elderly person with grey hair", ("old_person", "grandparent")),
        ("figurine", (0.51, 0.3, 1.81), "a glazed ceramic figure of a person (scale it down)", ()),
    )
)

_ANIMALS = tuple(
    _composite(name, "animal", size, desc, lambda look=assets.ANIMAL_VARIANTS[name]: assets.quadruped(look),
               ANIMAL_ACTIONS, aliases, AssetTraits(rideable=saddle))
    for name, size, desc, aliases, saddle in (
        ("dog", (0.27, 1.02, 0.8), "a medium dog with floppy ears", ("puppy",), None),
        ("cat", (0.17, 0.76, 0.61), "a grey cat", ("kitten",), None),
        ("horse", (0.61, 2.49, 2.29), "a brown horse", ("pony",), (0.0, -0.1, 1.55)),
    )
)


def _ball(name: str, size: tuple[float, float, float], diameter: float, style: str, description: str,
          aliases: tuple[str, ...] = ()) -> AssetSpec:
    return _composite(name, "prop", size, description, lambda: assets.ball(diameter, style), aliases=aliases,
                      traits=BALL)


_PROPS = (
    _composite("table", "prop", (1.2, 0.8, 0.76), "a wooden table, top 0.76 m high", assets.table, aliases=("desk",),
               traits=AssetTraits(supports=top(0.76, (1.2, 0.8)), room_under=(0.96, 0.56, 0.7))),
    _composite("chair", "prop", (0.45, 0.45, 0.89), "a wooden chair, seat 0.45 m high", assets.chair,
               traits=AssetTraits(seat=Surface(0.47, (0.45, 0.41), (0.0, 0.02)),
                                  supports=top(0.47, (0.45, 0.41), (0.0, 0.02)), room_under=(0.33, 0.33, 0.42))),
    _composite("tree", "prop", (2.1, 1.8, 3.9), "a broadleaf tree about 4 m tall", assets.tree),
    _composite("bush", "prop", (1.28, 1.0, 0.9), "a round shrub", assets.bush, aliases=("shrub",)),
    _composite("house", "prop", (6.6, 5.6, 5.3), "a small house with a pitched roof, door at +Y", assets.house),
    _composite("car", "prop", (1.88, 4.24, 1.47), "a compact car facing +Y", assets.car),
    _composite("lamp_post", "prop", (0.45, 0.45, 3.5), "a street lamp with a glowing head", assets.lamp_post,
               aliases=("streetlight", "lamp")),
    _composite("bench", "prop", (1.6, 0.5, 0.87), "a park bench facing +Y", assets.bench,
               traits=AssetTraits(seat=Surface(0.46, (1.6, 0.42), (0.0, 0.0)),
                                  supports=top(0.46, (1.6, 0.42)), room_under=(1.34, 0.42, 0.4))),
    _composite("rock", "prop", (1.05, 1.03, 0.69), "a lumpy boulder", assets.boulder, aliases=("boulder", "stone")),
    _composite("fence", "prop", (2.0, 0.07, 0.98), "a 2 m section of picket fence along X", assets.fence),
    _ball("football", (0.24, 0.24, 0.23), 0.22, "football", "a football (soccer ball) 22 cm across", ("soccer_ball",)),
    _ball("basketball", (0.24, 0.24, 0.24), 0.24, "basketball", "a basketball 24 cm across"),
    _ball("beach_ball", (0.5, 0.5, 0.5), 0.5, "beach", "a striped beach ball 50 cm across"),
    _composite("domino", "prop", (0.25, 0.06, 0.5), "a big domino standing on end, pips facing +Y", assets.domino,
               traits=AssetTraits(topples=True, physics_shape="box", grip=(0.0, 0.0, 0.25))),
    _composite("ramp", "prop", (1.0, 2.0, 0.6), "a ramp rising from -Y to +Y", assets.ramp,
               traits=AssetTraits(walkable=True)),
    _composite("stairs", "prop", (1.2, 1.5, 0.9), "five steps rising towards -Y", assets.stairs,
               aliases=("steps", "staircase"),
               traits=AssetTraits(walkable=True, supports=top(0.9, (1.2, 0.3), (0.0, -0.6)))),
    _composite("wall", "prop", (4.1, 0.28, 2.5), "a brick wall 4 m long", assets.wall,
               traits=AssetTraits(physics_shape="box")),
    _composite("crate", "prop", (0.8, 0.8, 0.8), "a wooden crate 0.8 m on a side", assets.crate,
               traits=AssetTraits(supports=top(0.8, (0.8, 0.8)), physics_shape="box")),
    _composite("cup", "prop", (0.1, 0.08, 0.1), "a coffee cup with a handle", assets.cup, aliases=("mug",),
               traits=AssetTraits(grip=(0.05, 0.0, 0.05))),
    _composite("pedestal", "prop", (0.3, 0.3, 0.12), "a round display pedestal for a figurine", assets.pedestal,
               aliases=("figurine_pedestal",), traits=AssetTraits(supports=top(0.12, (0.28, 0.28)))),
)

CATALOG: dict[str, AssetSpec] = {a.name: a for a in (*_PRIMITIVES, *_PEOPLE, *_ANIMALS, *_PROPS)}


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
    """The asset's whole triangle mesh at scale 1, in its rest pose (built once per process)."""
    return asset(name).build()


@cache
def model(name: str) -> Model:
    """The asset's joints and slotted parts (built once per process); primitives are one part in slot ``body``."""
    spec = asset(name)
    if spec.make_model is not None:
        return spec.make_model()
    return single_part(spec.build())
