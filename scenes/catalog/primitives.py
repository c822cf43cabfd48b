"""Primitives: the geometric shapes, and the labelled placeholder that stands in for a noun with no asset."""

from __future__ import annotations

from scenes import geometry
from scenes.assets import paint, prop_model
from scenes.catalog.spec import AssetSpec, composite
from scenes.geometry import Mesh, box, placed
from scenes.rig import Model
from scenes.traits import BALL, AssetTraits, top

# A question mark drawn with five bars on a 5 x 7 grid of 0.1 m cells (column, row, width, height in cells).
_QUESTION_MARK = ((1, 6, 3, 1), (3, 4, 1, 2), (2, 3, 1, 1), (2, 2, 1, 1), (2, 0, 1, 1))


def placeholder() -> Model:
    """A 1 m stand-in block: pale grey with dark edges and a "?" on front and back, so it reads as "missing"."""
    parts: list[tuple[Mesh, str]] = [(box((0.96, 0.96, 1.0)), "body")]
    for a in (-1, 1):
        for b in (-1, 1):
            parts.append((placed(box((0.06, 0.06, 1.0)), at=(a * 0.47, b * 0.47, 0)), "accent"))
            parts.append((placed(box((1.0, 0.06, 0.06)), at=(0, a * 0.47, (b + 1) * 0.47)), "accent"))
            parts.append((placed(box((0.06, 1.0, 0.06)), at=(a * 0.47, 0, (b + 1) * 0.47)), "accent"))
    for face in (-1, 1):
        for col, row, w, h in _QUESTION_MARK:
            x = (col + w / 2 - 2.5) * 0.1
            parts.append((placed(box((w * 0.1, 0.02, h * 0.1)), at=(face * x, face * 0.48, 0.15 + row * 0.1)), "label"))
    return prop_model(
        parts,
        {"body": paint("d9d9d4", "matte"), "accent": paint("3a3a3a", "matte"), "label": paint("ff7a1a", "plastic")},
    )


ASSETS: tuple[AssetSpec, ...] = (
    AssetSpec(
        "box",
        "primitive",
        (1.0, 1.0, 1.0),
        "a 1 m cube",
        geometry.box,
        traits=AssetTraits(supports=top(1.0, (1.0, 1.0)), grip=(0.0, 0.0, 0.5), physics_shape="box"),
    ),
    AssetSpec("sphere", "primitive", (1.0, 1.0, 1.0), "a ball 1 m across", geometry.sphere, traits=BALL),
    AssetSpec(
        "cylinder",
        "primitive",
        (1.0, 1.0, 1.0),
        "a cylinder 1 m across and 1 m tall",
        geometry.cylinder,
        traits=AssetTraits(supports=top(1.0, (0.7, 0.7)), physics_shape="cylinder"),
    ),
    AssetSpec("cone", "primitive", (1.0, 1.0, 1.0), "a cone 1 m across and 1 m tall", geometry.cone),
    AssetSpec("capsule", "primitive", (0.5, 0.5, 1.0), "a capsule 0.5 m across and 1 m tall", geometry.capsule),
    AssetSpec(
        "plane",
        "primitive",
        (1.0, 1.0, 0.02),
        "a thin 1 m square slab",
        geometry.plane,
        traits=AssetTraits(supports=top(0.02, (1.0, 1.0)), walkable=True, physics_shape="box"),
    ),
    AssetSpec("pyramid", "primitive", (1.0, 1.0, 1.0), "a square pyramid 1 m wide and 1 m tall", geometry.pyramid),
    AssetSpec("torus", "primitive", (1.0, 1.0, 0.25), "a ring 1 m across", geometry.torus),
    composite(
        "placeholder",
        "prop",
        (1.0, 1.0, 1.0),
        "a labelled stand-in for a thing the catalog does not have (planners scale it to the thing's size)",
        placeholder,
        "primitives",
        AssetTraits(supports=top(1.0, (0.9, 0.9)), physics_shape="box"),
    ),
)
