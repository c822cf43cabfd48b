"""City and buildings: houses, shops and towers, roads and their markings, street furniture, bridges."""

from __future__ import annotations

import itertools

import numpy as np

from scenes import assets
from scenes.assets import HumanLook, centred, paint, prop_model
from scenes.catalog.shapes import Vec, block, faceted, prism, rod
from scenes.catalog.spec import AssetSpec, composite
from scenes.geometry import Mesh, cylinder, ellipsoid, frustum, placed, sphere, torus
from scenes.rig import Model
from scenes.traits import AssetTraits, Surface, top

Parts = list[tuple[Mesh, str]]
ASPHALT = 0.03  # thickness of road surfaces; their markings sit 2 mm above


def _dashes(length: float, x: float, dash: float = 3.0, gap: float = 3.0, width: float = 0.15) -> Parts:
    return [
        (block((width, dash, 0.004), (x, float(y), ASPHALT + 0.002)), "markings")
        for y in np.arange(-length / 2 + dash / 2, length / 2, dash + gap)
    ]


def road() -> Model:
    """A straight two-lane road 8 m wide and 20 m long along Y: asphalt, a dashed centre line, solid edge lines."""
    parts: Parts = [(block((8.0, 20.0, ASPHALT), (0, 0, ASPHALT / 2)), "body"), *_dashes(20.0, 0.0)]
    for x in (-3.7, 3.7):
        parts.append((block((0.15, 20.0, 0.004), (x, 0, ASPHALT + 0.002)), "markings"))
    return prop_model(parts, {"body": paint("3a3c3f", "matte"), "markings": paint("f4f4f0", "matte")})


def sidewalk() -> Model:
    """A pavement 2.5 m wide and 20 m long along Y: paving slabs and a kerb on its +X edge."""
    parts: Parts = [
        (block((2.5, 20.0, 0.15), (0, 0, 0.075)), "body"),
        (block((0.2, 20.0, 0.16), (1.15, 0, 0.08)), "kerb"),
    ]
    for y in np.arange(-9.5, 10.0, 1.0):
        parts.append((block((2.3, 0.02, 0.002), (-0.1, float(y), 0.151)), "joints"))
    return prop_model(
        parts, {"body": paint("b8b4ac", "matte"), "kerb": paint("8e8b85", "matte"), "joints": paint("8a867e", "matte")}
    )


def crossing() -> Model:
    """A zebra crossing: an 8 m wide road section 6 m long with white stripes across it."""
    parts: Parts = [(block((8.0, 6.0, ASPHALT), (0, 0, ASPHALT / 2)), "body")]
    for x in np.arange(-3.4, 3.5, 1.0):
        parts.append((block((0.5, 3.0, 0.004), (float(x), 0, ASPHALT + 0.002)), "markings"))
    for y in (-2.0, 2.0):
        parts.append((block((8.0, 0.3, 0.004), (0, y, ASPHALT + 0.002)), "markings"))
    return prop_model(parts, {"body": paint("3a3c3f", "matte"), "markings": paint("f4f4f0", "matte")})


def roundabout() -> Model:
    """A roundabout 26 m across: a ring of road around a raised grass island, with a dashed inner line."""
    parts: Parts = [
        (cylinder(26.0, ASPHALT, 64), "body"),
        (cylinder(10.0, 0.2, 48), "kerb"),
        (placed(cylinder(9.6, 0.02, 48), at=(0, 0, 0.2)), "island"),
    ]
    for k in range(24):
        a = k * 2 * np.pi / 24
        parts.append(
            (
                block((0.15, 1.2, 0.004), (8.0 * np.cos(a), 8.0 * np.sin(a), ASPHALT + 0.002), (np.degrees(a), 0, 0)),
                "markings",
            )
        )
    return prop_model(
        parts,
        {
            "body": paint("3a3c3f", "matte"),
            "kerb": paint("b8b4ac", "matte"),
            "island": paint("4f8f3a", "matte"),
            "markings": paint("f4f4f0", "matte"),
        },
    )


def traffic_light() -> Model:
    """A traffic light 3.2 m tall facing +Y: a pole, a black housing and red, amber, green lamps (red lit)."""
    parts: Parts = [
        (cylinder(0.3, 0.05, 12), "body"),
        (rod((0, 0, 0.05), (0, 0, 2.4), 0.1), "body"),
        (block((0.32, 0.25, 0.9), (0, 0.05, 2.75)), "housing"),
    ]
    for z, slot in ((3.03, "red"), (2.75, "amber"), (2.47, "green")):
        parts.append((placed(cylinder(0.2, 0.03, 16), hpr=(0, -90, 0), at=(0, 0.175, z)), slot))
        parts.append((block((0.26, 0.12, 0.03), (0, 0.22, z + 0.12)), "housing"))
    return prop_model(
        parts,
        {
            "body": paint("4a4d52", "metal"),
            "housing": paint("161616", "plastic"),
            "red": paint("ff2a1a", "emissive"),
            "amber": paint("6b4a10", "glossy"),
            "green": paint("134a22", "glossy"),
        },
        main="housing",
    )


def street_sign() -> Model:
    """A round red-and-white street sign on a 2.4 m post, facing +Y."""
    parts: Parts = [
        (rod((0, 0, 0.0), (0, 0, 2.4), 0.06), "body"),
        (placed(cylinder(0.6, 0.03, 32), hpr=(0, -90, 0), at=(0, 0.04, 2.1)), "face"),
        (placed(cylinder(0.46, 0.032, 32), hpr=(0, -90, 0), at=(0, 0.042, 2.1)), "accent"),
        (block((0.34, 0.01, 0.08), (0, 0.075, 2.1)), "face"),
    ]
    return prop_model(
        parts,
        {"body": paint("9aa0a6", "metal"), "face": paint("d62828", "plastic"), "accent": paint("f6f6f6", "plastic")},
        main="face",
    )


def bus_stop() -> Model:
    """A bus shelter 3 m wide: a roof, a glass back and sides, a bench inside and a sign on a post."""
    parts: Parts = [
        (block((3.0, 1.4, 0.08), (0, 0, 2.42)), "body"),
        (block((3.0, 0.03, 2.2), (0, -0.65, 1.2)), "glass"),
    ]
    for x in (-1.48, 1.48):
        parts.append((block((0.03, 1.2, 2.2), (x, -0.05, 1.2)), "glass"))
        for y in (-0.65, 0.65):
            parts.append((block((0.06, 0.06, 2.4), (x, y, 1.2)), "body"))
    parts += [
        (block((2.0, 0.4, 0.05), (0, -0.4, 0.475)), "seat"),
        (block((0.06, 0.3, 0.45), (-0.9, -0.4, 0.225)), "body"),
        (block((0.06, 0.3, 0.45), (0.9, -0.4, 0.225)), "body"),
        (rod((1.9, 0.5, 0.0), (1.9, 0.5, 2.8), 0.06), "body"),
        (placed(cylinder(0.5, 0.03, 24), hpr=(0, -90, 0), at=(1.9, 0.52, 2.6)), "sign"),
    ]
    return prop_model(
        parts,
        {
            "body": paint("3a4a5a", "metal"),
            "glass": paint("bcd8e8", "glass"),
            "seat": paint("c49a6c", "wood"),
            "sign": paint("1f5fa8", "plastic"),
        },
    )


def fountain() -> Model:
    """A stone fountain 4 m across: a round basin of water, a column, an upper bowl and a jet of water."""
    from scenes.catalog.handheld import _open_vessel

    parts: Parts = [
        (_open_vessel(4.0, 4.0, 0.6, 0.2, 48), "body"),
        (placed(cylinder(3.62, 0.02, 48), at=(0, 0, 0.45)), "water"),
        (placed(frustum(0.6, 0.35, 1.4, 20), at=(0, 0, 0.2)), "body"),
        (placed(_open_vessel(0.6, 1.4, 0.3, 0.06, 32), at=(0, 0, 1.5)), "body"),
        (placed(cylinder(1.3, 0.02, 32), at=(0, 0, 1.72)), "water"),
        (placed(frustum(0.12, 0.04, 0.9, 12), at=(0, 0, 1.7)), "water"),
        (placed(sphere(0.3, 12, 6), at=(0, 0, 2.45)), "water"),
    ]
    return prop_model(parts, {"body": paint("c9c2b5", "matte"), "water": paint("7fb8e0", "glass")})


def statue() -> Model:
    """A bronze statue of a person on a stone plinth, 3.2 m tall."""
    figure = assets.humanoid(HumanLook(height=1.9)).rest_mesh()
    parts: Parts = [
        (block((1.2, 1.2, 1.2), (0, 0, 0.6)), "plinth"),
        (block((1.35, 1.35, 0.12), (0, 0, 1.26)), "plinth"),
        (placed(figure, at=(0, 0, 1.32), scale=0.99), "body"),
    ]
    return prop_model(parts, {"body": paint("8c6a3c", "metal"), "plinth": paint("c9c2b5", "matte")})


def barn() -> Model:
    """A red barn 8 x 12 m with a gable roof, big white-trimmed doors at +Y and a hay loft window."""
    parts: Parts = [
        (block((8.0, 12.0, 4.5), (0, 0, 2.25)), "body"),
        (placed(prism(8.8, 12.6, 3.2), hpr=(0, 0, 0), at=(0, 0, 4.5)), "roof"),
        (placed(prism(8.0, 0.02, 3.0), at=(0, 6.0, 4.5)), "body"),
        (block((3.6, 0.06, 3.4), (0, 6.0, 1.7)), "doors"),
        (block((1.4, 0.06, 1.2), (0, 6.0, 5.4)), "doors"),
    ]
    for a in (1, -1):
        parts.append((block((0.15, 0.08, 4.78), (0, 6.03, 1.7), (0, 0, a * 46.6)), "trim"))
    for x in (-1.8, 0.0, 1.8):
        parts.append((block((0.15, 0.08, 3.4), (x, 6.03, 1.7)), "trim"))
    parts.append((block((3.75, 0.08, 0.15), (0, 6.03, 3.4)), "trim"))
    return prop_model(
        parts,
        {
            "body": paint("a8322a", "matte"),
            "roof": paint("4a4d52", "metal"),
            "doors": paint("8e2a23", "wood"),
            "trim": paint("f4f1ea", "matte"),
        },
    )


def shop_front() -> Model:
    """A café front 6 m wide, 4 m tall: a big window, a glass door, a striped awning and a sign board."""
    parts: Parts = [
        (block((6.0, 1.0, 4.0), (0, -0.5, 2.0)), "body"),
        (block((3.4, 0.05, 2.0), (-1.0, 0.0, 1.5)), "glass"),
        (block((1.1, 0.05, 2.2), (1.9, 0.0, 1.1)), "glass"),
        (block((4.2, 0.08, 0.6), (0, 0.02, 3.55)), "sign"),
        (block((6.0, 0.1, 0.5), (0, 0.03, 0.25)), "trim"),
    ]
    for k in range(8):
        parts.append(
            (
                block((0.75, 1.3, 0.05), (-2.625 + k * 0.75, 0.6, 2.95), (0, -20, 0)),
                "awning" if k % 2 == 0 else "awning_b",
            )
        )
    for x in (-2.4, -1.4, 1.0):
        parts.append((placed(cylinder(0.6, 0.03, 16), at=(x + 0.6, 1.4, 0.72)), "trim"))
        parts.append((rod((x + 0.6, 1.4, 0.0), (x + 0.6, 1.4, 0.72), 0.05), "trim"))
    return prop_model(
        parts,
        {
            "body": paint("e9dcc0", "matte"),
            "glass": paint("5a7a90", "glass"),
            "sign": paint("2e4a3a", "matte"),
            "trim": paint("2b2b2b", "metal"),
            "awning": paint("2e7d4a", "fabric"),
            "awning_b": paint("f4f1ea", "fabric"),
        },
    )


def skyscraper() -> Model:
    """A glass office tower 20 m square and 80 m tall, with floor bands and a rooftop block."""
    parts: Parts = [(block((20.0, 20.0, 78.0), (0, 0, 39.0)), "glass"), (block((8.0, 8.0, 2.0), (0, 0, 79.0)), "body")]
    for z in np.arange(4.0, 78.0, 4.0):
        parts.append((block((20.2, 20.2, 0.5), (0, 0, float(z))), "body"))
    for x in (-10.0, 10.0):
        for y in (-10.0, 10.0):
            parts.append((block((0.8, 0.8, 78.0), (x, y, 39.0)), "body"))
    parts.append((block((6.0, 0.3, 3.5), (0, 10.1, 1.75)), "door"))
    return prop_model(
        parts,
        {"glass": paint("4a6a88", "glass"), "body": paint("c9ccd1", "metal"), "door": paint("2b2b2b", "glass")},
        main="glass",
    )


def bridge() -> Model:
    """A stone road bridge 20 m long along Y and 5 m wide: a deck 3 m up on two piers, railings both sides."""
    parts: Parts = [(block((5.0, 20.0, 0.6), (0, 0, 2.7)), "body"), (block((4.4, 20.0, 0.02), (0, 0, 3.01)), "deck")]
    for y in (-5.0, 5.0):
        parts.append((block((4.0, 1.5, 2.4), (0, y, 1.2)), "body"))
    for x in (-2.4, 2.4):
        parts.append((block((0.2, 20.0, 0.12), (x, 0, 4.0)), "rail"))
        for y in np.arange(-9.5, 10.0, 1.0):
            parts.append((block((0.08, 0.08, 1.0), (x, float(y), 3.5)), "rail"))
    return prop_model(
        parts, {"body": paint("a89f91", "matte"), "deck": paint("3a3c3f", "matte"), "rail": paint("4a4d52", "metal")}
    )


def mailbox() -> Model:
    """A red pillar box 1.5 m tall with a domed cap and a letter slot."""
    parts: Parts = [
        (cylinder(0.5, 1.2, 24), "body"),
        (placed(sphere(0.52, 24, 12), at=(0, 0, 0.95)), "body"),
        (block((0.22, 0.02, 0.04), (0, 0.25, 1.05)), "accent"),
        (cylinder(0.56, 0.1, 24), "accent"),
    ]
    return prop_model(parts, {"body": paint("c62828", "glossy"), "accent": paint("1c1c1c", "metal")})


def fire_hydrant() -> Model:
    """A red fire hydrant 75 cm tall with side outlets and a domed cap."""
    parts: Parts = [
        (cylinder(0.3, 0.06, 16), "body"),
        (placed(cylinder(0.22, 0.55, 16), at=(0, 0, 0.06)), "body"),
        (placed(sphere(0.24, 16, 8), at=(0, 0, 0.5)), "body"),
        (placed(cylinder(0.06, 0.06, 8), at=(0, 0, 0.72)), "cap"),
        (placed(cylinder(0.1, 0.3, 12), hpr=(0, 0, 90), at=(-0.15, 0, 0.42)), "cap"),
    ]
    return prop_model(parts, {"body": paint("d62828", "glossy"), "cap": paint("f2c230", "metal")})


def trash_can() -> Model:
    """A green street bin 1 m tall with a lid."""
    parts: Parts = [(frustum(0.5, 0.56, 0.9, 20), "body"), (placed(frustum(0.6, 0.5, 0.1, 20), at=(0, 0, 0.9)), "lid")]
    for z in (0.25, 0.6):
        parts.append((placed(cylinder(0.545, 0.04, 20), at=(0, 0, z)), "lid"))
    return prop_model(parts, {"body": paint("2e6b3a", "metal"), "lid": paint("1f4a28", "metal")})


def lighthouse() -> Model:
    """A lighthouse 15 m tall: a tapering tower in red and white bands, a railed gallery, a glass lantern room with
    a glowing lamp, a domed black cap, a door at +Y."""
    parts: Parts = [(cylinder(4.6, 0.6, 32), "base")]
    z, bands, h = 0.6, 6, 11.4
    for k in range(bands):
        b0, b1 = 3.6 - 1.3 * k / bands, 3.6 - 1.3 * (k + 1) / bands
        parts.append((placed(frustum(b0, b1, h / bands, 32), at=(0, 0, z)), "body" if k % 2 == 0 else "stripes"))
        z += h / bands
    parts += [
        (placed(cylinder(3.4, 0.25, 32), at=(0, 0, z)), "cap"),
        (placed(cylinder(1.9, 1.7, 24), at=(0, 0, z + 0.25)), "glass"),
        (placed(sphere(1.0, 16, 8), at=(0, 0, z + 0.6)), "lamp"),
        (placed(cylinder(2.1, 0.15, 24), at=(0, 0, z + 1.95)), "cap"),
        (placed(sphere(2.0, 20, 10), scale=(1.0, 1.0, 0.5), at=(0, 0, z + 2.0)), "cap"),
        (placed(centred(torus(3.4, 0.06, 32, 4)), at=(0, 0, z + 1.1)), "cap"),
        (block((0.9, 0.2, 2.0), (0, 1.72, 1.6)), "cap"),
    ]
    for k in range(16):
        a = k * np.pi / 8
        parts.append((rod((1.67 * np.cos(a), 1.67 * np.sin(a), z + 0.25), (1.67 * np.cos(a), 1.67 * np.sin(a), z + 1.1),
                          0.05, 4), "cap"))
    return prop_model(parts, {"body": paint("f6f4ee", "matte"), "stripes": paint("c62828", "matte"),
                              "base": paint("8e8b85", "matte"), "cap": paint("1c1c1c", "metal"),
                              "glass": paint("cfe4f2", "glass"), "lamp": paint("fff2b0", "emissive")})


def pier() -> Model:
    """A wooden jetty 10 m long (along Y) and 2.4 m wide: a plank deck 1.2 m up on pairs of posts, a low rail along
    each side; people walk out along it and sit on its end (+Y)."""
    length, width, deck = 10.0, 2.4, 1.2
    parts: Parts = [(block((width, length, 0.08), (0, 0, deck - 0.04)), "body")]
    for y in np.arange(-length / 2 + 0.25, length / 2, 0.5):
        parts.append((block((width - 0.02, 0.02, 0.004), (0, float(y), deck + 0.002)), "gaps"))
    for y in np.linspace(-length / 2 + 0.2, length / 2 - 0.2, 6):
        for s in (-1, 1):
            parts.append((placed(cylinder(0.2, deck - 0.08, 10), at=(s * (width / 2 - 0.1), float(y), 0.0)), "posts"))
        parts.append((block((width - 0.2, 0.06, 0.12), (0, float(y), deck - 0.35)), "posts"))  # a cross brace
    for s in (-1, 1):
        for y in np.linspace(-length / 2 + 0.2, length / 2 - 1.2, 5):
            parts.append((block((0.08, 0.08, 0.9), (s * (width / 2 - 0.04), float(y), deck + 0.45)), "posts"))
        parts.append((block((0.08, length - 1.2, 0.08), (s * (width / 2 - 0.04), -0.6, deck + 0.9)), "posts"))
    return prop_model(parts, {"body": paint("a07850", "wood"), "gaps": paint("5a4030", "wood"),
                              "posts": paint("6b4a2e", "wood")})


def roadblock() -> Model:
    """A road barrier 1.5 m wide along X: a red-and-white striped board on two A-frame legs, an amber lamp on top."""
    parts: Parts = [(block((1.5, 0.04, 0.25), (0, 0, 0.85)), "body")]
    for k in range(6):
        if k % 2 == 0:
            parts.append((block((0.25, 0.002, 0.25), (-0.625 + k * 0.25, 0.0215, 0.85)), "stripes"))
            parts.append((block((0.25, 0.002, 0.25), (-0.625 + k * 0.25, -0.0215, 0.85)), "stripes"))
    for s in (-1, 1):
        for f in (-1, 1):
            parts.append((rod((s * 0.6, f * 0.3, 0.0), (s * 0.6, 0.0, 0.98), 0.05, 8), "legs"))
        parts.append((rod((s * 0.6, -0.22, 0.25), (s * 0.6, 0.22, 0.25), 0.03, 6), "legs"))
    parts.append((placed(cylinder(0.14, 0.12, 16), at=(0.55, 0, 0.975)), "lamp"))
    return prop_model(parts, {"body": paint("f6f6f4", "plastic"), "stripes": paint("d62828", "plastic"),
                              "legs": paint("3a3c3f", "metal"), "lamp": paint("ffa020", "emissive")})


def castle() -> Model:
    """A stone castle 22 x 18 m: curtain walls 8 m high with battlements, a round tower with a blue cone roof at each
    corner, a square keep 14 m high in the middle, a gatehouse with a wooden gate at +Y and red flags."""
    from scenes.geometry import cone

    w, d, h, t = 20.0, 16.0, 8.0, 1.2
    parts: Parts = [
        (block((w, t, h), (0, -d / 2, h / 2)), "stone"),
        (block((w, t, h), (0, d / 2, h / 2)), "stone"),
        (block((t, d, h), (-w / 2, 0, h / 2)), "stone"),
        (block((t, d, h), (w / 2, 0, h / 2)), "stone"),
        (block((8.0, 8.0, 14.0), (0, -1.0, 7.0)), "stone"),
        (block((5.0, 2.4, 10.0), (0, d / 2, 5.0)), "stone"),
        (block((3.0, 0.2, 4.0), (0, d / 2 + 1.21, 2.0)), "gate"),
        (placed(centred(cylinder(3.0, 0.2, 16)), hpr=(0, 90, 0), at=(0, d / 2 + 1.21, 4.0)), "gate"),
    ]
    for k in range(9):  # battlements on the front and back walls, on the keep and the gatehouse
        x = -w / 2 + 1.5 + k * (w - 3.0) / 8
        for y in (-d / 2, d / 2):
            parts.append((block((0.9, t, 0.8), (x, y, h + 0.4)), "stone"))
    for k in range(7):
        y = -d / 2 + 1.5 + k * (d - 3.0) / 6
        for x in (-w / 2, w / 2):
            parts.append((block((t, 0.9, 0.8), (x, y, h + 0.4)), "stone"))
    for k in range(4):
        c = -3.0 + k * 2.0
        for y in (-5.0, 3.0):
            parts.append((block((0.9, 0.6, 0.8), (c, y, 14.4)), "stone"))
        parts.append((block((0.8, 2.4, 0.8), (-2.0 + k * 1.33, d / 2, 10.4)), "stone"))
    for x in (-w / 2, w / 2):
        for y in (-d / 2, d / 2):
            parts.append((cylinder(3.6, 12.0, 20), "stone"))
            parts[-1] = (placed(parts[-1][0], at=(x, y, 0)), "stone")
            parts.append((placed(cone(4.2, 4.0, 20), at=(x, y, 12.0)), "roof"))
            parts.append((rod((x, y, 16.0), (x, y, 17.5), 0.08, 4), "gate"))
            parts.append((block((1.0, 0.04, 0.6), (x + 0.5, y, 17.2)), "flag"))
    for x in (-4.0, 4.0):  # arrow-slit windows on the keep's front
        for z in (6.0, 10.0):
            parts.append((block((0.5, 0.1, 1.4), (x * 0.5, 3.02, z)), "gate"))
    return prop_model(parts, {"stone": paint("a8a294", "stone"), "roof": paint("2f4f8f", "matte"),
                              "gate": paint("4a3020", "wood"), "flag": paint("d02020", "fabric")}, "stone")


def windmill() -> Model:
    """A Dutch windmill 15 m tall: a tapering white tower 10 m high with a door and windows, a dark cap, and four
    lattice sails on a ``sails`` joint at the front (+Y), so they can turn about Y."""
    from scenes.catalog.shapes import jointed

    parts: Parts = [
        (frustum(6.0, 3.6, 9.6, 24), "body"),
        (placed(sphere(4.2, 20, 10), at=(0, 0, 8.1), scale=(1.0, 1.15, 0.8)), "cap"),
        (block((1.2, 0.3, 2.2), (0, 2.9, 1.1)), "trim"),
        (block((0.8, 0.2, 1.0), (0, 2.35, 5.0)), "trim"),
        (block((0.8, 0.2, 1.0), (0, 1.95, 7.6)), "trim"),
        (rod((0, 1.5, 10.0), (0, 3.0, 10.0), 0.5, 10), "trim"),
    ]
    sails: Parts = [(placed(sphere(0.9, 10, 5), at=(0, 0, -0.45)), "trim")]
    for k in range(4):
        a = np.radians(45 + 90 * k)
        tip = (5.8 * np.cos(a), 0.0, 5.8 * np.sin(a))
        parts_dir = np.array([np.cos(a), 0.0, np.sin(a)])
        side = np.array([-np.sin(a), 0.0, np.cos(a)])
        sails.append((rod((0, 0, 0), tip, 0.22, 6), "trim"))
        mid = parts_dir * 3.6 + side * 0.65
        sails.append((placed(block((4.2, 0.08, 1.1), (0, 0, 0)), at=tuple(mid), hpr=(0, 0, -np.degrees(a))), "sails"))
    return jointed(parts, [("sails", (0.0, 3.1, 10.0), sails)],
                   {"body": paint("f0ece2", "matte"), "cap": paint("3a3a40", "matte"), "trim": paint("5a3a22", "wood"),
                    "sails": paint("e8dcc0", "fabric")})


def level_crossing() -> Model:
    """A railway level-crossing barrier for the roadside, facing +Y: a grey mechanism cabinet at -X with a
    red-and-white striped boom lowered across 4.6 m of road at 1 m (on a ``boom`` joint at its pivot, so it can be
    raised about Y), a rest post under its tip, and behind the cabinet a post with two red warning lights (one
    lit) under a white crossbuck."""
    from scenes.catalog.shapes import jointed

    pivot = (-2.1, 0.25, 0.95)
    parts: Parts = [
        (block((0.4, 0.4, 1.1), (-2.1, 0.0, 0.55)), "body"),
        (block((0.44, 0.44, 0.04), (-2.1, 0.0, 1.12)), "body"),
        (rod((-2.1, 0.21, 0.95), (-2.1, 0.3, 0.95), 0.12, 12), "posts"),  # the pivot's axle
        (rod((2.4, 0.25, 0.0), (2.4, 0.25, 0.85), 0.08, 10), "posts"),  # the rest post
        (block((0.16, 0.1, 0.04), (2.4, 0.25, 0.87)), "posts"),
        (rod((-2.1, -0.35, 0.0), (-2.1, -0.35, 2.95), 0.11, 12), "posts"),  # the signal post
        (block((0.95, 0.04, 0.36), (-2.1, -0.3, 2.05)), "backboard"),
        (block((0.2, 0.06, 0.06), (-2.1, -0.3, 1.8)), "posts"),
    ]
    for sx, slot in ((-1, "lamp"), (1, "lamp_off")):
        x = -2.1 + sx * 0.26
        parts.append((placed(cylinder(0.22, 0.04, 20), hpr=(0, -90, 0), at=(x, -0.28, 2.05)), slot))
        parts.append((placed(cylinder(0.3, 0.005, 20), hpr=(0, -90, 0), at=(x, -0.283, 2.05)), "backboard"))
        parts.append((block((0.26, 0.16, 0.02), (x, -0.2, 2.2)), "backboard"))  # its hood
    for roll in (-32, 32):  # the crossbuck: two white boards in an X, edged red
        parts.append((block((1.1, 0.02, 0.16), (-2.1, -0.285, 2.62), (0, 0, roll)), "sign"))
        parts.append((block((1.14, 0.016, 0.2), (-2.1, -0.3, 2.62), (0, 0, roll)), "stripes"))
    boom: Parts = [
        (block((4.6, 0.08, 0.12), (2.35, 0.0, 0.0)), "boom"),  # from 5 cm past the pivot to the tip
        (block((0.5, 0.1, 0.2), (-0.25, 0.0, 0.0)), "body"),  # the counterweight behind the pivot
    ]
    for k in range(6):  # red bands on the white boom, both faces and the top
        x = 0.45 + k * 0.8
        boom.append((block((0.4, 0.084, 0.124), (x, 0.0, 0.0)), "stripes"))
    for x in (1.6, 3.2, 4.5):  # small red lamps along its top
        boom.append((placed(cylinder(0.07, 0.05, 10), at=(x, 0.0, 0.06)), "lamp"))
    return jointed(parts, [("boom", pivot, boom)],
                   {"boom": paint("f6f6f4", "plastic"), "stripes": paint("d62828", "plastic"),
                    "body": paint("8e959c", "metal"), "posts": paint("4a4d52", "metal"),
                    "backboard": paint("161616", "matte"), "lamp": paint("ff2a1a", "emissive"),
                    "lamp_off": paint("5a1410", "glossy"), "sign": paint("f6f6f4", "matte")}, "boom")


def market_stall() -> Model:
    """A market stall 2.4 m wide facing +Y: a wooden counter 90 cm high skirted in green cloth, crates of oranges
    and green apples at its ends, under a red-and-white striped awning sloping forward on four wooden poles, a
    scalloped valance along its front edge."""
    parts: Parts = [
        (block((2.2, 0.9, 0.04), (0, 0.15, 0.88)), "counter"),
        (block((2.2, 0.02, 0.82), (0, 0.59, 0.45)), "skirt"),
    ]
    for sx in (-1, 1):
        parts.append((block((0.02, 0.88, 0.82), (sx * 1.09, 0.15, 0.45)), "skirt"))
        for y, h in ((-0.72, 2.42), (0.72, 2.2)):  # the poles: the back ones taller, so the awning sheds rain
            parts.append((rod((sx * 1.15, y, 0.0), (sx * 1.15, y, h), 0.06, 10), "poles"))
        parts.append((rod((sx * 1.15, -0.72, 0.86), (sx * 1.15, 0.72, 0.86), 0.04, 8), "poles"))  # a side rail
        crate = (sx * 0.8, 0.15)
        parts.append((block((0.44, 0.5, 0.1), (crate[0], crate[1], 0.95)), "crates"))
        fruit = "oranges" if sx < 0 else "apples"
        for i in range(4):
            for j in range(4):
                parts.append((placed(sphere(0.085, 10, 5), at=(crate[0] - 0.15 + 0.1 * i, crate[1] - 0.18 + 0.12 * j,
                                                               0.985)), fruit))
    stripes = 8
    for k in range(stripes):  # the awning: one sloping board per stripe, back (2.44 m) to front (2.22 m)
        x = -1.225 + (k + 0.5) * 2.45 / stripes
        slot = "awning" if k % 2 == 0 else "awning_white"
        parts.append((block((2.45 / stripes, 1.76, 0.02), (x, 0.0, 2.33), (0, -7.1, 0)), slot))
        parts.append((block((2.45 / stripes, 0.02, 0.22), (x, 0.88, 2.11)), slot))  # the valance
        parts.append((placed(cylinder(2.45 / stripes, 0.02, 16), hpr=(0, -90, 0), at=(x, 0.87, 2.0)), slot))
    return prop_model(parts, {"counter": paint("a07850", "wood"), "skirt": paint("2e7d32", "fabric"),
                              "poles": paint("6b4a2e", "wood"), "crates": paint("c09a60", "wood"),
                              "oranges": paint("f08a1a", "matte"), "apples": paint("8cc63f", "glossy"),
                              "awning": paint("d62828", "fabric"), "awning_white": paint("f6f4ee", "fabric")},
                      "awning")


def platform() -> Model:
    """A railway station platform 24 m long along Y, 4 m wide and 90 cm high: a concrete wall, a paved top with
    joints, along its track edge (+X) a pale coping overhanging the wall, a buff tactile strip and, 90 cm in from
    the edge, a yellow safety line; its ends drop square."""
    length, width, height = 24.0, 4.0, 0.9
    edge = width / 2
    parts: Parts = [
        (block((width, length, height - 0.03), (0, 0, (height - 0.03) / 2)), "body"),
        (block((width - 0.7, length, 0.03), (-0.35, 0, height - 0.015)), "paving"),
        (block((0.32, length, 0.05), (edge - 0.14, 0, height - 0.025)), "coping"),  # 2 cm over the wall
        (block((0.4, length, 0.03), (edge - 0.5, 0, height - 0.015)), "tactile"),
        (block((0.15, length, 0.002), (edge - 0.95, 0, height + 0.001)), "line"),
        (block((0.04, length, 0.06), (edge + 0.0, 0, height - 0.11)), "joints"),  # a shadow line under the coping
    ]
    for y in np.arange(-length / 2 + 0.6, length / 2, 0.6):  # paving joints
        parts.append((block((width - 0.7, 0.012, 0.002), (-0.35, float(y), height + 0.001)), "joints"))
    for y in np.arange(-length / 2 + 0.4, length / 2, 0.4):  # the tactile strip's rows of studs
        parts.append((block((0.34, 0.05, 0.004), (edge - 0.5, float(y), height + 0.002)), "studs"))
    return prop_model(parts, {"body": paint("9a968e", "concrete"), "paving": paint("b8b4aa", "concrete"),
                              "coping": paint("e2ded4", "stone"), "line": paint("f2c230", "matte"),
                              "tactile": paint("c8a878", "matte"), "studs": paint("b8986a", "matte"),
                              "joints": paint("7a766e", "matte")}, "paving")


_DIGITS = {  # seven segments: a top, b top right, c bottom right, d bottom, e bottom left, f top left, g middle
    "0": "abcdef", "1": "bc", "2": "abdeg", "3": "abcdg", "4": "bcfg", "5": "acdfg", "6": "acdefg", "7": "abc",
    "8": "abcdefg", "9": "abcdfg",
}


def _number(text: str, centre: tuple[float, float], flip: bool, height: float = 6.0, z: float = 0.0) -> Parts:
    """Painted runway numbers: seven-segment digits ``height`` m tall lying flat, read from -Y (``flip``: from +Y)."""
    w, t = height / 2, height / 10
    segs = {"a": (0, height / 2, w, t), "d": (0, -height / 2, w, t), "g": (0, 0, w, t),
            "b": (w / 2, height / 4, t, height / 2), "c": (w / 2, -height / 4, t, height / 2),
            "e": (-w / 2, -height / 4, t, height / 2), "f": (-w / 2, height / 4, t, height / 2)}
    out: Parts = []
    for k, ch in enumerate(text):
        dx = (k - (len(text) - 1) / 2) * (w + 1.5)
        for seg in _DIGITS[ch]:
            x, y, sx, sy = segs[seg]
            x, y = (x + dx, y) if not flip else (-(x + dx), -y)
            out.append((block((sx + t, sy + t, 0.004), (centre[0] + x, centre[1] + y, z)), "markings"))
    return out


def runway() -> Model:
    """An airfield runway 100 m long along Y and 24 m wide: asphalt with white edge lines, a dashed centre line,
    threshold stripes ("piano keys") and painted numbers (09 at -Y, 27 at +Y) at each end, and aiming-point blocks
    beyond them."""
    length, width = 100.0, 24.0
    z = ASPHALT + 0.002
    parts: Parts = [(block((width, length, ASPHALT), (0, 0, ASPHALT / 2)), "body")]
    for sx in (-1, 1):
        parts.append((block((0.4, length - 1.0, 0.004), (sx * (width / 2 - 0.8), 0, z)), "markings"))
    for y in np.arange(-26.0, 26.5, 10.0):  # the centre line: 6 m dashes, 4 m gaps, between the numbers
        parts.append((block((0.5, 6.0, 0.004), (0, float(y) + 3.0, z)), "markings"))
    for sy in (-1, 1):
        end = sy * length / 2
        for k in range(4):  # the threshold stripes, four each side of the centre line
            for sx in (-1, 1):
                parts.append((block((0.9, 8.0, 0.004), (sx * (1.4 + 1.8 * k), end - sy * 5.5, z)), "markings"))
        parts += _number("09" if sy < 0 else "27", (0.0, end - sy * 15.0), sy > 0, z=z)
        for sx in (-1, 1):  # the aiming point
            parts.append((block((1.5, 10.0, 0.004), (sx * 4.0, end - sy * 34.0, z)), "markings"))
    return prop_model(parts, {"body": paint("3a3c3f", "asphalt"), "markings": paint("f4f4f0", "matte")})


def quay() -> Model:
    """A stone harbour quay 20 m long along Y, 4 m deep and 1.5 m high: a wall of coursed stone blocks, a top paved
    with stone flags behind a granite coping along its water edge (+X), cast-iron bollards along that edge, timber
    fenders and an iron ladder down its face; boats tie up along +X, people walk along the top."""
    length, depth, height = 20.0, 4.0, 1.5
    edge = depth / 2
    parts: Parts = [
        (block((depth, length, height - 0.04), (0, 0, (height - 0.04) / 2)), "body"),
        (block((depth - 0.6, length, 0.04), (-0.3, 0, height - 0.02)), "paving"),
        (block((0.6, length, 0.05), (edge - 0.28, 0, height - 0.025)), "coping"),  # 2 cm over the wall's face
    ]
    for z in np.arange(0.35, height - 0.1, 0.35):  # the courses of the wall's water face
        parts.append((block((0.012, length, 0.02), (edge + 0.001, 0, float(z))), "joints"))
    for k, z in enumerate(np.arange(0.0, height - 0.1, 0.35)):  # the upright joints, staggered course by course
        for y in np.arange(-length / 2 + 0.6 + 0.45 * (k % 2), length / 2 - 0.1, 0.9):
            parts.append((block((0.012, 0.02, 0.33), (edge + 0.001, float(y), float(z) + 0.175)), "joints"))
    for y in np.arange(-length / 2 + 0.6, length / 2, 0.6):  # joints between the paving flags, both ways
        parts.append((block((depth - 0.6, 0.012, 0.002), (-0.3, float(y), height + 0.001)), "joints"))
    for x in np.arange(-edge + 0.6, edge - 0.6, 0.6):
        parts.append((block((0.012, length, 0.002), (float(x), 0, height + 0.001)), "joints"))
    for y in np.arange(-length / 2 + 1.0, length / 2, 1.0):  # joints between the coping stones
        parts.append((block((0.6, 0.012, 0.002), (edge - 0.28, float(y), height + 0.001)), "joints"))
    for y in np.linspace(-8.0, 8.0, 5):  # bollards near the edge, every 4 m
        parts += [
            (placed(frustum(0.3, 0.24, 0.34, 16), at=(edge - 0.35, float(y), height)), "bollards"),
            (placed(cylinder(0.36, 0.06, 16), at=(edge - 0.35, float(y), height + 0.34)), "bollards"),
            (placed(sphere(0.24, 12, 6), scale=(1.0, 1.0, 0.5), at=(edge - 0.35, float(y), height + 0.38)),
             "bollards"),
        ]
    for y in np.arange(-length / 2 + 1.0, length / 2, 2.0):  # timber fenders hung on the face
        parts.append((block((0.12, 0.22, height - 0.3), (edge + 0.06, float(y), (height - 0.3) / 2 + 0.1)), "fenders"))
    ladder_y = 3.0
    for sy in (-1, 1):
        parts.append((block((0.05, 0.05, height + 0.45), (edge + 0.1, ladder_y + sy * 0.22, (height + 0.45) / 2)),
                      "ladder"))
    for z in np.arange(0.2, height, 0.3):
        parts.append((rod((edge + 0.1, ladder_y - 0.22, float(z)), (edge + 0.1, ladder_y + 0.22, float(z)), 0.03, 8),
                      "ladder"))
    return prop_model(parts, {"body": paint("8e877a", "stone"), "paving": paint("a29a8c", "stone"),
                              "coping": paint("c8c2b6", "stone"), "joints": paint("5e584e", "matte"),
                              "bollards": paint("1f2226", "metal"), "fenders": paint("5a4030", "wood"),
                              "ladder": paint("3a3c3f", "metal")}, "body")


def intersection() -> Model:
    """A crossroads 20 x 20 m: two two-lane roads 8 m wide crossing (one along Y, one along X), a dashed centre
    line down each arm, a stop line across the lane coming in and a zebra crossing on each arm, and a pavement
    15 cm high on each corner with a kerb along the roads."""
    size, road, z = 20.0, 8.0, ASPHALT + 0.002
    arm = (size - road) / 2
    corner = (road + arm) / 2  # where an arm's middle is, from the centre
    parts: Parts = [(block((road, size, ASPHALT), (0, 0, ASPHALT / 2)), "body")]
    for sx in (-1, 1):
        parts.append((block((arm, road, ASPHALT), (sx * corner, 0, ASPHALT / 2)), "body"))
        for sy in (-1, 1):  # the corner pavements, a kerb along both roads
            parts.append((block((arm, arm, 0.15), (sx * corner, sy * corner, 0.075)), "pavement"))
            parts.append((block((arm, 0.2, 0.16), (sx * corner, sy * (road / 2 + 0.1), 0.08)), "kerb"))
            parts.append((block((0.2, arm - 0.2, 0.16), (sx * (road / 2 + 0.1), sy * (corner + 0.1), 0.08)), "kerb"))
    for h in (0.0, 90.0):  # the arms along Y, then (turned a quarter) those along X
        def put(sx: float, sy: float, c: Vec, h: float = h) -> tuple[Mesh, str]:
            size_ = (sx, sy, 0.004)
            if h:
                size_, c = (sy, sx, 0.004), (-c[1], c[0], c[2])
            return block(size_, c), "markings"

        for s in (-1, 1):
            for y in (7.6, 9.4):  # dashes of the centre line out to the arm's end
                parts.append(put(0.15, 1.2, (0.0, s * y, z)))
            # the stop line across the lane coming in (traffic keeps right), before the crossing
            parts.append(put(3.7, 0.3, (-s * 1.95, s * 6.7, z)))
            for x in np.arange(-3.4, 3.5, 1.0):  # the zebra crossing, stripes along the road
                parts.append(put(0.5, 1.6, (float(x), s * 5.0, z)))
    for sx in (-1, 1):
        for sy in (-1, 1):  # joints across the corner pavements' slabs
            for k in range(1, 6):
                parts.append((block((arm, 0.02, 0.002), (sx * corner, sy * (road / 2 + k), 0.151)), "joints"))
    return prop_model(parts, {"body": paint("3a3c3f", "asphalt"), "markings": paint("f4f4f0", "matte"),
                              "pavement": paint("b8b4ac", "concrete"), "kerb": paint("8e8b85", "stone"),
                              "joints": paint("8a867e", "matte")}, "body")


def garage() -> Model:
    """A single brick garage 3.2 m wide, 6 m deep and 2.6 m high, its up-and-over door at +Y shown open (tipped up
    level under the roof at the front), so a car parked inside is seen: a thin concrete floor, brick walls with a
    small window in each side, a flat felt roof with a white fascia."""
    w, d, h, t = 3.2, 6.0, 2.45, 0.15  # outside width and depth, wall height, wall thickness
    door_w, door_h = 2.4, 2.1
    pier = (w - door_w) / 2
    parts: Parts = [
        (block((w - 2 * t, d - 2 * t, 0.02), (0, 0, 0.01)), "floor"),  # thin: what stands on the ground stands on it
        (block((w, t, h), (0, -(d - t) / 2, h / 2)), "walls"),
        (block((door_w, t, h - door_h), (0, (d - t) / 2, (h + door_h) / 2)), "walls"),
        (block((w + 0.1, d + 0.1, 0.15), (0, 0, h + 0.075)), "roof"),
        (block((w + 0.12, 0.03, 0.14), (0, (d + 0.1) / 2 + 0.015, h + 0.07)), "trim"),  # the fascia over the door
        # the door, open: its panel tipped up level under the lintel, its lower edge just out of the opening
        (block((door_w - 0.08, 1.9, 0.04), (0, (d - t) / 2 - 0.75, door_h - 0.04)), "door"),
    ]
    for sx in (-1, 1):
        parts.append((block((t, d - 2 * t, h), (sx * (w - t) / 2, 0, h / 2)), "walls"))
        parts.append((block((pier, t, door_h), (sx * (w - pier) / 2, (d - t) / 2, door_h / 2)), "walls"))
        parts.append((block((0.06, 0.06, door_h), (sx * (door_w / 2 - 0.03), d / 2 + 0.005, door_h / 2)), "trim"))
        parts.append((block((0.03, 0.7, 0.5), (sx * (w / 2 + 0.005), -0.8, 1.5)), "trim"))  # a side window's frame
        parts.append((block((0.034, 0.6, 0.4), (sx * (w / 2 + 0.007), -0.8, 1.5)), "glass"))
    parts.append((block((door_w, 0.06, 0.06), (0, d / 2 + 0.005, door_h - 0.03)), "trim"))
    for k in range(6):  # the door panel's ribs
        parts.append((block((door_w - 0.12, 0.03, 0.012), (0, (d - t) / 2 - 1.6 + 0.3 * k, door_h - 0.066)), "trim"))
    return prop_model(parts, {"walls": paint("9a4a34", "matte"), "floor": paint("9a9894", "concrete"),
                              "roof": paint("3a3c3f", "matte"), "door": paint("dcdcd6", "metal"),
                              "trim": paint("f4f4f0", "matte"), "glass": paint("4a6272", "glass")}, "walls")


def driveway() -> Model:
    """A concrete driveway 3 m wide and 12 m long along Y (long enough for a car to drive up it): a slab 5 cm thick
    with saw-cut joints every 2 m, between edgings of dark block paving (cars drive and park on it, people walk on
    it)."""
    width, length, top_ = 3.0, 12.0, 0.05
    edge = 0.2
    parts: Parts = [(block((width - 2 * edge, length, top_), (0, 0, top_ / 2)), "body")]
    for sx in (-1, 1):
        parts.append((block((edge, length, top_), (sx * (width - edge) / 2, 0, top_ / 2)), "edging"))
        for y in np.arange(-length / 2 + 0.2, length / 2, 0.2):  # the paving blocks' joints
            parts.append((block((edge, 0.01, 0.002), (sx * (width - edge) / 2, float(y), top_ + 0.001)), "joints"))
    for y in np.arange(-length / 2 + 2.0, length / 2, 2.0):
        parts.append((block((width - 2 * edge, 0.012, 0.002), (0, float(y), top_ + 0.001)), "joints"))
    return prop_model(parts, {"body": paint("b4b0a8", "concrete"), "edging": paint("5a5654", "stone"),
                              "joints": paint("6a6660", "matte")})


_GLYPHS = {"S": "afgcd", "C": "afed", "H": "febcg", "O": "abcdef", "L": "fed"}


def _letters(text: str, centre: tuple[float, float, float], height: float) -> Parts:
    """Block capitals ``height`` m tall standing upright in the XZ plane, facing +Y, centred on ``centre`` (read
    from in front: the first letter at +X, the viewer's left)."""
    w, t = height * 0.55, height / 6
    segs = {"a": (0, height / 2, w, t), "d": (0, -height / 2, w, t), "g": (0, 0, w, t),
            "b": (w / 2, height / 4, t, height / 2), "c": (w / 2, -height / 4, t, height / 2),
            "e": (-w / 2, -height / 4, t, height / 2), "f": (-w / 2, height / 4, t, height / 2)}
    out: Parts = []
    for k, ch in enumerate(text):
        dx = ((len(text) - 1) / 2 - k) * (w + 1.4 * t)
        for seg in _GLYPHS[ch]:
            x, z, sx, sz = segs[seg]
            out.append((block((sx + t, 0.02, sz + t), (centre[0] + dx - x, centre[1], centre[2] + z)), "letters"))
    return out


def school() -> Model:
    """A two-storey brick school 20 m wide and 10 m deep, 7.9 m to its parapet, front at +Y: two rows of tall white
    windows, a stone band between the storeys, double doors under a porch canopy in the middle, a sign board over
    it reading SCHOOL, a clock above, a flat roof behind a parapet."""
    w, d, h = 20.0, 9.6, 7.4
    front = d / 2
    parts: Parts = [
        (block((w, d, h), (0, 0, h / 2)), "body"),
        (block((w + 0.3, d + 0.3, 0.5), (0, 0, h + 0.25)), "trim"),  # the parapet's coping
        (block((w + 0.1, d + 0.1, 0.3), (0, 0, 3.6)), "trim"),  # the band between the storeys
        (block((w + 0.1, d + 0.1, 0.4), (0, 0, 0.2)), "trim"),  # the plinth
        (block((3.2, 0.6, 2.9), (0, front + 0.3, 1.45)), "body"),  # the porch
        (block((3.6, 1.0, 0.2), (0, front + 0.4, 3.0)), "trim"),  # its canopy
        (block((2.2, 0.06, 2.5), (0, front + 0.61, 1.25)), "door"),
        (block((0.06, 0.08, 2.5), (0, front + 0.63, 1.25)), "trim"),
        (block((5.0, 0.12, 0.9), (0, front + 0.06, 4.2)), "sign"),
        *_letters("SCHOOL", (0, front + 0.13, 4.2), 0.6),
        (placed(centred(cylinder(1.1, 0.08, 28)), hpr=(0, 90, 0), at=(0, front + 0.04, 6.0)), "trim"),  # the clock
        (placed(centred(cylinder(0.9, 0.1, 28)), hpr=(0, 90, 0), at=(0, front + 0.05, 6.0)), "clock"),
        (block((0.05, 0.02, 0.36), (0, front + 0.11, 6.14)), "letters"),  # its hands at ten to two
        (block((0.28, 0.02, 0.05), (0.12, front + 0.11, 6.06), (0, 0, -20)), "letters"),
    ]
    for side, y in ((1, front), (-1, -front)):
        for k in range(12):
            x = -8.8 + k * 1.6
            for z0 in (0.9, 4.4):
                if side > 0 and abs(x) < 2.2 and (z0 < 4 or abs(x) < 1.0):
                    continue  # the porch, the sign and the clock
                z = z0 + 0.9
                parts.append((block((1.0, 0.06, 1.8), (x, y, z)), "glass"))
                parts.append((block((1.12, 0.1, 0.08), (x, y, z + 0.94)), "frames"))
                parts.append((block((1.2, 0.16, 0.08), (x, y + side * 0.03, z - 0.94)), "frames"))  # the sill
                parts.append((block((0.06, 0.1, 1.8), (x, y, z)), "frames"))
                parts.append((block((1.0, 0.1, 0.05), (x, y, z + 0.2)), "frames"))
                for sx in (-1, 1):
                    parts.append((block((0.06, 0.1, 1.9), (x + sx * 0.53, y, z)), "frames"))
    return prop_model(parts, {"body": paint("a04a34", "matte"), "trim": paint("e6e0d2", "stone"),
                              "glass": paint("4a6a80", "glass"), "frames": paint("f6f6f2", "matte"),
                              "door": paint("1f4f8a", "wood"), "sign": paint("1f4f8a", "matte"),
                              "letters": paint("f6f6f2", "matte"), "clock": paint("f8f6ee", "glossy")}, "body")


def railings() -> Model:
    """A 3 m run of black iron railings along X, 1.05 m high: a flat handrail on four posts with ball finials at
    the ends, a bottom rail, upright bars every 12 cm between the rails (leant on, perched on)."""
    length, h = 3.0, 1.05
    parts: Parts = [
        (block((length, 0.06, 0.03), (0, 0, h - 0.015)), "metal"),  # the handrail
        (block((length, 0.03, 0.03), (0, 0, 0.12)), "metal"),  # the bottom rail
    ]
    for x in (-length / 2 + 0.03, -0.5, 0.5, length / 2 - 0.03):
        parts.append((block((0.05, 0.05, h - 0.03), (x, 0, (h - 0.03) / 2)), "metal"))
        parts.append((block((0.12, 0.12, 0.02), (x, 0, 0.01)), "metal"))  # its foot plate
    for x in (-length / 2 + 0.03, length / 2 - 0.03):
        parts.append((placed(sphere(0.07, 12, 6), at=(x, 0, h)), "finials"))
    for x in np.arange(-length / 2 + 0.12, length / 2 - 0.06, 0.12):
        if min(abs(x - p) for p in (-0.5, 0.5)) < 0.04:
            continue
        parts.append((block((0.016, 0.016, h - 0.16), (float(x), 0, 0.12 + (h - 0.16) / 2)), "metal"))
    return prop_model(parts, {"metal": paint("1c1d20", "metal"), "finials": paint("c8a040", "metal")}, "metal")


def stage() -> Model:
    """A raised wooden stage 6 m wide and 4 m deep, its boards 80 cm up, front at +Y: a black skirt round it, a row of
    footlights along its front edge, red velvet curtains drawn back to each side and a back drape on a frame 4 m
    high behind it, three steps up at its front left."""
    w, d, h = 6.0, 4.0, 0.8
    top_ = 0.06
    parts: Parts = [
        (block((w, d, top_), (0, 0, h - top_ / 2)), "boards"),
        (block((w - 0.1, d - 0.1, h - top_), (0, 0, (h - top_) / 2)), "skirt"),
    ]
    for k in range(1, 10):  # the boards' seams, along X
        parts.append((block((w, 0.012, 0.003), (0, -d / 2 + 0.4 * k, h + 0.0015)), "seams"))
    for x in np.arange(-2.7, 2.8, 0.45):  # the footlights: small lit hoods along the front edge, not over the steps
        if abs(x + 2.2) < 0.6:
            continue
        parts.append((block((0.16, 0.08, 0.05), (float(x), d / 2 - 0.06, h + 0.025)), "lamps"))
    for k in range(3):  # the steps at the front left, each 20 cm up
        z = 0.2 * (k + 1)
        parts.append((block((1.0, 0.3, z), (-2.2, d / 2 + 0.9 - 0.3 * k - 0.15, z / 2)), "boards"))
    frame_h, back = 4.0, -d / 2 + 0.1
    for sx in (-1, 1):  # the frame: two posts and a beam across the back
        parts.append((block((0.12, 0.12, frame_h), (sx * (w / 2 - 0.06), back, h + frame_h / 2)), "frame"))
    parts.append((block((w, 0.12, 0.2), (0, back, h + frame_h - 0.1)), "frame"))
    parts.append((block((w - 0.3, 0.05, frame_h - 0.2), (0, back - 0.02, h + (frame_h - 0.2) / 2)), "drape"))
    for sx in (-1, 1):  # the curtains drawn back to the sides, in folds
        for k in range(5):
            x = sx * (w / 2 - 0.25 - 0.14 * k)
            parts.append((placed(cylinder(0.18, frame_h - 0.2, 8), at=(x, back + 0.14, h)), "curtains"))
        parts.append((block((0.9, 0.08, 0.5), (sx * (w / 2 - 0.55), back + 0.18, h + frame_h - 0.45)), "curtains"))
    return prop_model(parts, {"boards": paint("b07a44", "wood"), "skirt": paint("1c1c1e", "fabric"),
                              "seams": paint("5a3a20", "matte"), "lamps": paint("fff0c0", "emissive"),
                              "frame": paint("2b2b2b", "matte"), "drape": paint("3a1418", "fabric"),
                              "curtains": paint("a8121e", "fabric")}, "boards")


def _c(name: str, size: Vec, description: str, make, traits: AssetTraits = AssetTraits()) -> AssetSpec:
    return composite(name, "prop", size, description, make, "city", traits)


_FLAT = 0.034  # top of a road surface with its markings


def phone_box() -> Model:
    """A red telephone box 0.9 m square and 2.5 m tall, door at +Y: glazed sides of many small panes between red
    frames, a white lit TELEPHONE band under a domed roof on each side, a telephone on the back wall inside."""
    w, h = 0.9, 2.3
    parts: Parts = [
        (block((w + 0.06, w + 0.06, 0.08), (0, 0, 0.04)), "body"),  # the plinth
        (block((w - 0.06, 0.03, h - 0.1), (0, -(w / 2 - 0.05), 0.05 + (h - 0.1) / 2)), "body"),  # the back wall
        (block((w - 0.1, w - 0.1, 0.02), (0, 0, 0.09)), "inside"),
        (block((w, w, 0.12), (0, 0, h + 0.06)), "body"),
        (block((w - 0.1, w - 0.1, 0.1), (0, 0, h + 0.17)), "body"),
        (placed(ellipsoid((w - 0.1, w - 0.1, 0.2), 24, 8), at=(0, 0, h + 0.12)), "body"),  # the dome
        (block((0.2, 0.1, 0.25), (0, -(w / 2 - 0.12), 1.45)), "phone"),
    ]
    for sx, sy in itertools.product((-1, 1), (-1, 1)):
        parts.append((block((0.09, 0.09, h), (sx * (w / 2 - 0.045), sy * (w / 2 - 0.045), h / 2)), "body"))
    for side in range(4):  # +Y, +X, -X glazed; -Y solid behind the phone
        a = side * 90.0
        if side == 2:
            continue
        c, s_ = np.cos(np.radians(a)), np.sin(np.radians(a))

        def put(size, centre, slot, c=c, s_=s_, a=a):
            x, y, z = centre
            parts.append((block(size, (x * c - y * s_, x * s_ + y * c, z), (a, 0, 0)), slot))

        face = w / 2 - 0.02
        put((w - 0.18, 0.01, 1.8), (0, face, 1.05), "glass")
        put((w - 0.18, 0.04, 0.16), (0, face, 2.12), "sign")  # the TELEPHONE band
        put((w - 0.18, 0.05, 0.06), (0, face, 2.02), "body")
        put((w - 0.18, 0.05, 0.14), (0, face, 0.14), "body")
        for x in (-0.12, 0.12):  # the glazing bars: three panes across
            put((0.035, 0.05, 1.8), (x, face, 1.05), "body")
        for z in np.linspace(0.15, 1.95, 9)[1:-1]:  # eight panes up
            put((w - 0.18, 0.05, 0.03), (0, face, float(z)), "body")
        if side == 0:
            put((0.03, 0.06, 0.2), (0.28, face + 0.02, 1.1), "phone")  # the door's handle
    return prop_model(parts, {"body": paint("c8102e", "glossy"), "glass": paint("4a5a66", "glass"),
                              "sign": paint("fffaf0", "emissive"), "inside": paint("3a3a3a", "matte"),
                              "phone": paint("1c1c1c", "plastic")}, "body")


def flag() -> Model:
    """A flagpole 6 m tall: a white pole on a concrete base, a gold ball on top, a red flag 1.5 x 1 m flying from it
    along +X in gentle ripples, its halyard rope down the pole."""
    pole, fw, fh = 6.0, 1.5, 1.0
    parts: Parts = [
        (placed(cylinder(0.5, 0.2, 20)), "base"),
        (placed(frustum(0.1, 0.06, pole - 0.2, 12), at=(0, 0, 0.2)), "pole"),
        (placed(sphere(0.12, 12, 6), at=(0, 0, pole - 0.01)), "ball"),
        (rod((0.05, 0, 1.2), (0.05, 0, pole - 0.1), 0.01, 4), "rope"),
        (rod((0.03, 0, 1.2), (0.07, 0, 1.2), 0.03, 6), "pole"),  # the cleat
    ]
    cols = 12
    xs = np.linspace(0.05, 0.05 + fw, cols + 1)
    z0, z1 = pole - 0.15 - fh, pole - 0.15
    front, back = [], []
    for k in range(cols):
        xa, xb = float(xs[k]), float(xs[k + 1])
        ya, yb = (0.06 * np.sin(3.5 * (x - 0.05)) * (x - 0.05) / fw * 1.5 for x in (xa, xb))
        front.append([(xa, ya, z0), (xb, yb, z0), (xb, yb, z1), (xa, ya, z1)])
        back.append([(xa, ya, z1), (xb, yb, z1), (xb, yb, z0), (xa, ya, z0)])
    parts.append((faceted(front + back), "flag"))
    parts.append((block((0.12, 0.02, fh), (0.1, 0, (z0 + z1) / 2)), "band"))  # the hoist's white band
    return prop_model(parts, {"pole": paint("f0f0ec", "metal"), "base": paint("9a9894", "concrete"),
                              "ball": paint("d8b040", "metal"), "rope": paint("e8e4d8", "fabric"),
                              "flag": paint("d0202a", "fabric"), "band": paint("f4f4f0", "fabric")}, "flag")


ASSETS: tuple[AssetSpec, ...] = (
    _c("house", (6.6, 5.6, 5.3), "a small house with a pitched roof, door at +Y", assets.house),
    _c("barn", (8.8, 12.6, 7.7), "a red barn with a gable roof, doors at +Y", barn, AssetTraits(physics_shape="box")),
    _c(
        "shop_front",
        (6, 2.7, 4),
        "a café front with an awning, facing +Y",
        shop_front,
        AssetTraits(physics_shape="box"),
    ),
    _c(
        "skyscraper",
        (20.4, 20.4, 80.0),
        "a glass office tower 80 m tall",
        skyscraper,
        AssetTraits(supports=top(80.0, (8.0, 8.0)), physics_shape="box"),
    ),
    _c("lamp_post", (0.45, 0.45, 3.5), "a street lamp with a glowing head", assets.lamp_post),
    _c(
        "bench",
        (1.6, 0.5, 0.87),
        "a park bench facing +Y",
        assets.bench,
        AssetTraits(
            seat=Surface(0.46, (1.6, 0.42), (0.0, 0.0)), supports=top(0.46, (1.6, 0.42)), room_under=(1.34, 0.42, 0.4)
        ),
    ),
    _c(
        "road",
        (8.0, 20.0, 0.03),
        "a straight two-lane road 20 m long along Y, lane markings",
        road,
        AssetTraits(supports=top(0.03, (7.0, 20.0), (1.8, 0.0)), walkable=True, physics_shape="box"),
    ),
    _c(
        "sidewalk",
        (2.5, 20.0, 0.16),
        "a pavement 2.5 m wide along Y, kerb at +X",
        sidewalk,
        AssetTraits(supports=top(0.15, (2.0, 20.0), (-0.2, 0.3)), walkable=True, physics_shape="box"),
    ),
    _c(
        "crossing",
        (8.0, 6.0, 0.034),
        "a zebra crossing on a road section",
        crossing,
        AssetTraits(supports=top(_FLAT, (0.5, 3.0), (0.1, 0.0)), walkable=True, physics_shape="box"),
    ),
    _c(
        "roundabout",
        (26.0, 26.0, 0.22),
        "a roundabout 26 m across with a grass island",
        roundabout,
        # vehicles drive round it in the outer lane, between the dashed line (8 m) and the edge (13 m)
        AssetTraits(supports=top(0.22, (6.0, 6.0)), walkable=True, ring=10.0, physics_shape="cylinder"),
    ),
    _c("traffic_light", (0.32, 0.43, 3.2), "a traffic light showing red, facing +Y", traffic_light),
    _c("street_sign", (0.6, 0.1, 2.4), "a round street sign on a post, facing +Y", street_sign),
    _c(
        "bus_stop",
        (3.66, 1.4, 2.85),
        "a bus shelter with a bench",
        bus_stop,
        AssetTraits(seat=Surface(0.5, (2.0, 0.4), (0.0, -0.4))),
    ),
    _c(
        "fountain",
        (4.0, 4.0, 2.6),
        "a stone fountain with a basin of water",
        fountain,
        AssetTraits(water=Surface(0.47, (3.6, 3.6)), physics_shape="cylinder"),
    ),
    _c(
        "statue",
        (1.35, 1.35, 3.2),
        "a bronze statue of a person on a stone plinth",
        statue,
        AssetTraits(physics_shape="box"),
    ),
    _c(
        "bridge",
        (5.0, 20.0, 4.06),
        "a stone road bridge 20 m long, deck 3 m up",
        bridge,
        AssetTraits(supports=top(3.02, (4.4, 20.0)), walkable=True, room_under=(4.0, 8.0, 2.4)),
    ),
    _c("mailbox", (0.56, 0.56, 1.47), "a red pillar box", mailbox),
    _c("fire_hydrant", (0.3, 0.3, 0.78), "a red fire hydrant", fire_hydrant, AssetTraits(physics_shape="cylinder")),
    _c("trash_can", (0.6, 0.6, 1.0), "a green street bin", trash_can, AssetTraits(physics_shape="cylinder")),
    _c("ramp", (1.0, 2.0, 0.6), "a ramp rising from -Y to +Y", assets.ramp, AssetTraits(walkable=True)),
    _c(
        "stairs",
        (1.2, 1.5, 0.9),
        "five steps rising towards -Y",
        assets.stairs,
        # every tread: step k tops out at 0.18 (k + 1) m over y = 0.6 - 0.3 k
        AssetTraits(walkable=True, supports=tuple(Surface(0.18 * (k + 1), (1.2, 0.3), (0.0, 0.6 - 0.3 * k))
                                                  for k in range(5))),
    ),
    _c("wall", (4.1, 0.28, 2.5), "a brick wall 4 m long", assets.wall,
       AssetTraits(physics_shape="box", supports=top(2.5, (4.1, 0.28)))),  # bottles on a wall, a cat along it
    _c("lighthouse", (4.6, 4.6, 15.0), "a red-and-white striped lighthouse 15 m tall with a glowing lamp", lighthouse,
       AssetTraits(physics_shape="cylinder")),
    _c(
        "pier",
        (2.4, 10.0, 2.14),
        "a wooden jetty 10 m long along Y, its deck 1.2 m up on posts (walk out along it, sit on its end at +Y)",
        pier,
        AssetTraits(supports=top(1.2, (2.2, 10.0)), walkable=True, seat=Surface(1.2, (2.2, 0.5), (0.0, 4.7)),
                    room_under=(2.0, 9.0, 1.1)),
    ),
    _c("roadblock", (1.5, 0.65, 1.1), "a red-and-white striped road barrier, along X", roadblock),
    _c("castle", (24.2, 20.2, 17.5), "a grey stone castle 22 m wide: walls with battlements, four round towers with "
       "blue roofs, a keep, a gate at +Y", castle, AssetTraits(physics_shape="box")),
    _c("windmill", (9.76, 6.51, 14.88), "a white Dutch windmill 15 m tall with four sails facing +Y", windmill),
    _c("level_crossing", (5.19, 0.71, 3.01), "a railway level-crossing barrier for the roadside, its red-and-white "
       "boom lowered across 4.6 m of road along X, red warning lights and a crossbuck facing +Y", level_crossing,
       AssetTraits(physics_shape="box")),
    _c("market_stall", (2.45, 1.76, 2.45), "a market stall with a striped awning on four poles over a counter 90 cm "
       "high, facing +Y (goods go on the counter)", market_stall,
       AssetTraits(supports=top(0.9, (1.1, 0.86), (0.0, 0.15)), physics_shape="box")),
    _c("platform", (4.02, 24.0, 0.904), "a railway station platform 24 m long along Y and 90 cm high, a yellow line "
       "along its track edge at +X (people stand on it)", platform,
       AssetTraits(supports=top(0.9, (4.0, 24.0)), walkable=True, physics_shape="box")),
    _c("runway", (24.0, 100.0, 0.034), "an airfield runway 100 m long along Y with white markings (planes stand, "
       "take off and land on it)", runway,
       AssetTraits(supports=top(0.03, (23.0, 100.0)), walkable=True, physics_shape="box")),
    _c("quay", (4.13, 20.0, 2.0), "a stone harbour quay 20 m long along Y and 1.5 m high, bollards along its water "
       "edge at +X (boats tie up along it, people walk on it)", quay,
       AssetTraits(supports=top(1.5, (3.4, 20.0), (-0.3, 0.0)), walkable=True, physics_shape="box")),
    _c("intersection", (20.0, 20.0, 0.16), "a crossroads 20 x 20 m: two roads 8 m wide crossing, stop lines and zebra "
       "crossings on each arm, a pavement on each corner", intersection,
       AssetTraits(supports=(Surface(0.03, (8.0, 20.0)), Surface(0.03, (20.0, 8.0))), walkable=True,
                   physics_shape="box")),
    _c("garage", (3.32, 6.17, 2.6), "a single brick garage 3.2 x 6 m with a flat roof, its up-and-over door at +Y open "
       "(a car parks inside it)", garage,
       AssetTraits(container=Surface(0.02, (2.9, 5.7)), physics_shape="box")),
    _c("driveway", (3.0, 12.0, 0.052), "a concrete driveway 3 m wide and 12 m long along Y between block-paved edgings "
       "(cars park on it, people walk on it)", driveway,
       AssetTraits(supports=top(0.05, (3.0, 12.0)), walkable=True, physics_shape="box")),
    _c("school", (20.3, 10.65, 7.9), "a two-storey brick school 20 m wide with a SCHOOL sign over its doors and a "
       "clock, front at +Y", school, AssetTraits(physics_shape="box")),
    _c("railings", (3.06, 0.12, 1.12), "a 3 m run of black iron railings along X, a handrail 1.05 m high", railings,
       AssetTraits(supports=top(1.05, (2.9, 0.06)), physics_shape="box")),
    _c("stage", (6.0, 4.9, 4.8), "a wooden stage 6 x 4 m, 80 cm high, red curtains at its back and steps at its "
       "front left, front at +Y (people stand and perform on it)", stage,
       AssetTraits(supports=top(0.8, (5.6, 3.4), (0.0, 0.25)), walkable=True)),
    _c("phone_box", (0.96, 0.96, 2.62), "a red telephone box, its door at +Y", phone_box,
       AssetTraits(physics_shape="box")),
    _c("flag", (1.8, 0.5, 6.11), "a flagpole 6 m tall flying a red flag along +X", flag),
)
