"""Asset traits: what the layout solver, the physics bake, the animation and the world check need to know
about an asset, declared once on its catalog entry.

Lengths are metres at scale 1 in the asset's own frame: the origin is the centre of its base, +Y is its
front, Z is up. A :class:`Surface` is a flat, level area: its ``height`` above the base, the ``centre`` of
the area (x, y) and its ``size`` (width along X, depth along Y).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

PhysicsShape = Literal["auto", "box", "sphere", "cylinder", "hull"]
HoldStyle = Literal["hand", "both", "side"]


@dataclass(frozen=True)
class Surface:
    """A level area of an asset: ``height`` above its base, ``centre`` (x, y) and ``size`` (w, d)."""

    height: float
    size: tuple[float, float]
    centre: tuple[float, float] = (0.0, 0.0)

    def stands_upright(self, size: tuple[float, float, float] | np.ndarray, rim: float) -> bool:
        """Whether a long thin thing of ``size`` (w, d, h, its length along d) that does not lie on this floor
        stands up in it instead, leaning on a rim ``rim`` metres above the floor (a toothbrush in a cup, a spoon in a
        mug): its end fits the floor and no more than two thirds of it stands out."""
        w, d, h = (float(v) for v in size)
        return d > 2.5 * max(w, h) and max(w, h) <= min(self.size) * 1.05 and d <= 3.0 * max(rim, 1e-3)

    def scaled(self, scale: np.ndarray | tuple[float, float, float]) -> Surface:
        """The surface of the asset at ``scale`` (x, y, z)."""
        s = np.asarray(scale, dtype=np.float64)
        return Surface(float(self.height * s[2]), (float(self.size[0] * s[0]), float(self.size[1] * s[1])),
                       (float(self.centre[0] * s[0]), float(self.centre[1] * s[1])))


@dataclass(frozen=True)
class AssetTraits:
    """What an asset affords. Everything defaults to "nothing special": a solid thing that stands on the ground.

    ``supports``: areas other things can be put *on* (a table top, a crate top, a shelf).
    ``seat``: where a sitter's pelvis lands. ``container``: the inner floor of a bowl, basket or box
    (things go *inside*). ``grip``: where a hand holds it (graspable when set); ``hold``: how it is held
    (``hand``: in one hand in front, ``both``: in both hands by its sides, ``side``: hanging from one hand by
    its handle; ``None``: chosen from its size and grip, see :meth:`hold_style`). ``rideable``: the rider's
    pelvis point (a point low on the asset, under half a rider's hip height, is where a rider stands).
    ``round``: it rolls. ``flies``: it may be unsupported in the air. ``hangs``: it hangs from something.
    ``buoyant``: it floats on water, ``draft`` of its height under the waterline (a duck's legs and belly).
    ``water``: a water surface things may float on.
    ``walkable``: its top can be walked on (ramps, stairs). ``topples``: a tall, thin thing that falls
    over when hit (a domino, a bowling pin). ``ring``: the radius of the lane vehicles drive round it on (a
    roundabout; 0: none). ``room_under``: the free room (W, D, H) between its legs,
    where something can go *under* it; ``trunk``: the radius of a trunk or post in the middle of that room (a
    tree's), so what goes under it stands beside the trunk, in front. ``place``: the flat floor of a place a scene
    happens in (a beach, a room), at most 2 cm high so what stands on the ground stands on it: named in a
    prompt, the place is laid under everything else, the scene on that floor. ``physics_shape``: the collision
    shape ``auto`` picks.
    """

    supports: tuple[Surface, ...] = ()
    seat: Surface | None = None
    container: Surface | None = None
    grip: tuple[float, float, float] | None = None
    hold: HoldStyle | None = None
    rideable: tuple[float, float, float] | None = None
    round: bool = False
    flies: bool = False
    hangs: bool = False
    buoyant: bool = False
    draft: float = 0.0
    water: Surface | None = None
    walkable: bool = False
    topples: bool = False
    ring: float = 0.0
    room_under: tuple[float, float, float] | None = None
    trunk: float = 0.0
    place: Surface | None = None
    physics_shape: PhysicsShape = "hull"
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def graspable(self) -> bool:
        """Whether a hand can hold it."""
        return self.grip is not None

    def hold_style(self, size: tuple[float, float, float]) -> HoldStyle:
        """How a hand holds it at ``size`` (w, d, h at scale 1): as declared, else a handle at the top (a bag, a
        suitcase) hangs at the side, a wide thing gripped at its middle (a box, a ball, a teddy) takes both hands,
        anything else one hand."""
        if self.hold is not None:
            return self.hold
        gx, gy, gz = self.grip or (0.0, 0.0, 0.0)
        if size[2] > 0.2 and gz >= 0.75 * size[2]:
            return "side"
        if abs(gx) < 0.02 and abs(gy) < 0.02 and max(size[0], size[1]) > 0.2:
            return "both"
        return "hand"

    def top_support(self) -> Surface | None:
        """The highest support surface (where ``on`` puts things), or ``None``."""
        return max(self.supports, key=lambda s: s.height, default=None)

    def as_dict(self) -> dict[str, object]:
        """The traits that are set, for listings and reports (``enginereel assets``)."""
        out: dict[str, object] = {}
        for name in ("supports", "seat", "container", "grip", "hold", "rideable", "water", "room_under", "ring",
                     "place"):
            value = getattr(self, name)
            if value:
                out[name] = _plain(value)
        for name in ("round", "flies", "hangs", "buoyant", "walkable", "topples"):
            if getattr(self, name):
                out[name] = True
        out["physics_shape"] = self.physics_shape
        return out


def _plain(value: object) -> object:
    if isinstance(value, Surface):
        return {"height": value.height, "size": list(value.size), "centre": list(value.centre)}
    if isinstance(value, tuple) and value and isinstance(value[0], Surface):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return list(value)
    return value


def top(height: float, size: tuple[float, float], centre: tuple[float, float] = (0.0, 0.0)) -> tuple[Surface, ...]:
    """One support surface: the usual case of a table or crate top."""
    return (Surface(height, size, centre),)


SOLID_BOX = AssetTraits(physics_shape="box")
BALL = AssetTraits(round=True, physics_shape="sphere", grip=(0.0, 0.0, 0.5))


def ball(diameter: float) -> AssetTraits:
    """A ball ``diameter`` metres across: round, a sphere to physics, held at its centre."""
    return AssetTraits(round=True, physics_shape="sphere", grip=(0.0, 0.0, round(diameter / 2, 4)))
