"""Outdoor nature: tree species, plants, rocks, water, landforms, the beach and camping.

Trees carry a ``trunk`` joint at their base and a ``crown`` joint where the foliage starts, so wind can
sway them as joint rotations baked into the timeline.
"""

from __future__ import annotations

import itertools

import numpy as np

from scenes import assets
from scenes.assets import centred, paint, prop_model
from scenes.catalog.shapes import Vec, block, chequer, faceted, jointed, prism, rod
from scenes.catalog.spec import AssetSpec, composite
from scenes.geometry import (
    Mesh,
    box,
    capsule,
    cone,
    cylinder,
    ellipsoid,
    from_triangles,
    frustum,
    placed,
    rock,
    sphere,
    torus,
)
from scenes.rig import Model
from scenes.traits import AssetTraits, Surface, top

Parts = list[tuple[Mesh, str]]


def _tree(trunk: Parts, crown_at: float, crown: Parts, slots: dict) -> Model:
    """A tree whose foliage hangs from a ``crown`` joint at ``crown_at`` metres (parts given in tree coordinates)."""
    shifted = [(placed(m, at=(0, 0, -crown_at)), s) for m, s in crown]
    return jointed(trunk, [("crown", (0.0, 0.0, crown_at), shifted)], slots)


def tree() -> Model:
    """A broadleaf tree about 5 m tall: a tapered trunk under clustered foliage (swaying from 2.2 m up); a
    person stands under the crown beside the trunk."""
    trunk = [(frustum(0.32, 0.18, 3.2, 16), "accent")]
    clusters = (((0, 0, 2.7), 1.8), ((0.45, 0.2, 3.3), 1.3), ((-0.4, -0.25, 3.4), 1.2), ((0.0, 0.0, 3.7), 1.2))
    crown = [(placed(sphere(d, 20, 10), at=at), "body") for at, d in clusters]
    return _tree(trunk, 2.2, crown, {"body": paint("3f7d3a", "matte"), "accent": paint("5b3a24", "wood")})


def pine() -> Model:
    """A conifer 6 m tall: a straight trunk under four stacked cones of dark needles."""
    trunk = [(frustum(0.32, 0.12, 3.0, 12), "accent")]
    crown = [
        (placed(cone(d, h, 16), at=(0, 0, z)), "body")
        for z, d, h in ((1.0, 2.6, 2.0), (2.2, 2.1, 1.8), (3.3, 1.6, 1.6), (4.3, 1.0, 1.7))
    ]
    return _tree(trunk, 1.0, crown, {"body": paint("1f4d2b", "matte"), "accent": paint("5b3a24", "wood")})


def palm() -> Model:
    """A palm tree 6 m tall: a leaning ringed trunk and a crown of drooping fronds with coconuts."""
    trunk: Parts = []
    for k in range(10):
        z0, z1 = k * 0.55, (k + 1) * 0.55
        trunk.append(
            (rod((0.03 * k * k * 0.1, 0, z0), (0.03 * (k + 1) ** 2 * 0.1, 0, z1), 0.3 - 0.012 * k, 10), "accent")
        )
    top_ = (0.03 * 100 * 0.1, 0.0, 5.5)
    crown: Parts = []
    for k in range(8):
        a = k * np.pi / 4
        mid = (top_[0] + 1.2 * np.cos(a), 1.2 * np.sin(a), 5.9)
        tip = (top_[0] + 2.4 * np.cos(a), 2.4 * np.sin(a), 5.0)
        crown.append(
            (
                placed(
                    ellipsoid((0.5, 1.6, 0.08)),
                    hpr=(np.degrees(a) - 90, 15, 0),
                    at=(top_[0] + 0.8 * np.cos(a), 0.8 * np.sin(a), 5.55),
                ),
                "body",
            )
        )
        crown.append(
            (
                placed(
                    ellipsoid((0.4, 1.3, 0.06)),
                    hpr=(np.degrees(a) - 90, -30, 0),
                    at=(mid[0] + 0.3 * np.cos(a), mid[1] + 0.3 * np.sin(a), 5.3),
                ),
                "body",
            )
        )
        del tip
    for k in range(3):
        a = k * 2 * np.pi / 3
        crown.append((placed(sphere(0.22, 10, 5), at=(top_[0] + 0.18 * np.cos(a), 0.18 * np.sin(a), 5.3)), "fruit"))
    return _tree(
        trunk,
        5.0,
        crown,
        {"body": paint("3f8f3a", "matte"), "accent": paint("9c7a4f", "wood"), "fruit": paint("5a3a22", "matte")},
    )


def birch() -> Model:
    """A birch 5.5 m tall: a slim white trunk with dark marks, a light airy crown."""
    trunk: Parts = [(frustum(0.22, 0.1, 4.2, 12), "accent")]
    rng = np.random.default_rng(2)
    for _ in range(14):
        z, a = float(rng.uniform(0.3, 3.8)), float(rng.uniform(0, 2 * np.pi))
        r = 0.11 - 0.012 * z
        trunk.append(
            (
                placed(
                    block((0.08, 0.02, 0.03), (0, 0, 0)),
                    hpr=(np.degrees(a), 0, 0),
                    at=(r * np.cos(a), r * np.sin(a), z),
                ),
                "marks",
            )
        )
    crown = [
        (placed(ellipsoid((w, w * 0.9, h)), at=at), "body")
        for at, w, h in (((0, 0, 2.4), 1.8, 2.6), ((0.4, 0.2, 3.2), 1.2, 2.0), ((-0.35, -0.2, 3.0), 1.2, 2.2))
    ]
    return _tree(
        trunk,
        2.4,
        crown,
        {"body": paint("7cb342", "matte"), "accent": paint("ecebe4", "matte"), "marks": paint("2b2b2b", "matte")},
    )


def autumn_tree() -> Model:
    """A broadleaf tree in autumn: orange, red and yellow foliage clusters on a dark trunk."""
    trunk: Parts = [(frustum(0.34, 0.18, 3.3, 16), "accent")]
    crown = [
        (placed(sphere(d, 18, 9), at=at), slot)
        for at, d, slot in (
            ((0, 0, 2.8), 1.9, "body"),
            ((0.5, 0.2, 3.4), 1.4, "leaves_b"),
            ((-0.45, -0.25, 3.5), 1.3, "leaves_c"),
            ((0.0, 0.1, 3.9), 1.2, "body"),
            ((-0.2, 0.5, 3.3), 1.0, "leaves_c"),
        )
    ]
    return _tree(
        trunk,
        2.8,
        crown,
        {
            "body": paint("d9661f", "matte"),
            "leaves_b": paint("b3261e", "matte"),
            "leaves_c": paint("e8b21f", "matte"),
            "accent": paint("4a2e1c", "wood"),
        },
    )


def flowers() -> Model:
    """A clump of garden flowers 60 cm across: stems, leaves and red, yellow and violet blooms."""
    rng = np.random.default_rng(5)
    parts: Parts = [(placed(ellipsoid((0.6, 0.6, 0.12)), at=(0, 0, 0)), "leaves")]
    for k in range(12):
        x, y = (float(v) for v in rng.uniform(-0.24, 0.24, 2))
        h = float(rng.uniform(0.25, 0.45))
        parts.append((rod((x, y, 0.05), (x * 1.1, y * 1.1, h), 0.012, 4), "leaves"))
        bloom = ("bloom_a", "bloom_b", "bloom_c")[k % 3]
        parts.append((placed(ellipsoid((0.09, 0.09, 0.05), 10, 5), at=(x * 1.1, y * 1.1, h - 0.01)), bloom))
        parts.append((placed(sphere(0.03, 6, 3), at=(x * 1.1, y * 1.1, h + 0.02)), "centres"))
    return prop_model(
        parts,
        {
            "leaves": paint("3f8a3a", "matte"),
            "bloom_a": paint("e53935", "matte"),
            "bloom_b": paint("f2c230", "matte"),
            "bloom_c": paint("8e44ad", "matte"),
            "centres": paint("f4e04d", "matte"),
        },
        main="bloom_a",
    )


def hedge() -> Model:
    """A clipped hedge 3 m long, 0.8 m deep and 1.2 m high, along X."""
    parts: Parts = [(block((3.0, 0.8, 1.1), (0, 0, 0.55)), "body")]
    for x in np.linspace(-1.3, 1.3, 6):
        parts.append((placed(ellipsoid((0.7, 0.82, 0.35)), at=(float(x), 0, 0.85)), "body"))
    parts.append((block((2.9, 0.7, 0.08), (0, 0, 0.04)), "accent"))
    return prop_model(parts, {"body": paint("2f6b2a", "matte"), "accent": paint("4a3423", "matte")})


def _heightfield(
    size: tuple[float, float], peaks: list[tuple[float, float, float, float]], n: int = 48, base: float = 0.0
) -> Mesh:
    """A closed landform: a grid whose height is a sum of round bumps (x, y, height, radius), edges at 0."""
    w, d = size
    xs, ys = np.linspace(-w / 2, w / 2, n), np.linspace(-d / 2, d / 2, n)
    gx, gy = np.meshgrid(xs, ys, indexing="xy")
    z = np.zeros_like(gx) + base
    for px, py, h, r in peaks:
        z += h * np.exp(-((gx - px) ** 2 + (gy - py) ** 2) / (2 * r * r))
    edge = np.minimum.reduce([gx + w / 2, w / 2 - gx, gy + d / 2, d / 2 - gy]) / (0.08 * min(w, d))
    z *= np.clip(edge, 0.0, 1.0)
    verts = np.stack([gx, gy, z], -1).reshape(-1, 3)
    i = np.arange(n - 1)[:, None] * n + np.arange(n - 1)[None, :]
    tris = np.concatenate([np.stack([i, i + 1, i + n + 1], -1), np.stack([i, i + n + 1, i + n], -1)]).reshape(-1, 3)
    return from_triangles(verts, tris)


def hills() -> Model:
    """Rolling green hills 60 x 30 m, up to 6 m high, as a backdrop."""
    peaks = [(-18, 2, 5.0, 7), (-2, -4, 6.0, 8), (14, 3, 4.5, 7), (24, -5, 3.0, 5)]
    stones = [(placed(rock((w, w * 0.8, w * 0.5), seed=k), at=(x, y, 0.0)), "accent")
              for k, (x, y, w) in enumerate(((-26, -12, 1.2), (5, -13, 0.9), (27, 11, 1.4)))]
    return prop_model([(_heightfield((60.0, 30.0), peaks), "body"), *stones],
                      {"body": paint("5f9e3f", "matte"), "accent": paint("8a8580", "matte")})


def mountains() -> Model:
    """A mountain range 200 x 80 m, peaks up to 60 m with snow caps, as a backdrop."""
    peaks = [(-60, 0, 45.0, 18), (-15, 8, 60.0, 20), (35, -5, 50.0, 17), (75, 6, 30.0, 14)]
    land = _heightfield((200.0, 80.0), peaks, 64)
    return prop_model([(land, "body"), (_snow_cap(land, 34.0), "snow")],
                      {"body": paint("6d6a64", "matte"), "snow": paint("f6f8fa", "matte")})


def _snow_cap(land: Mesh, line: float) -> Mesh:
    """Snow over a landform above the snow ``line``: the triangles reaching above it, lifted 0.4 m where higher
    than the line and sunk 1 m into the rock at their lower corners, so the white shows only on the tops."""
    v = land.vertices.astype(np.float64).copy()
    high = v[:, 2] > line
    v[high, 2] += 0.4
    v[~high, 2] -= 1.0
    tris = land.triangles[high[land.triangles].any(axis=1)]
    used, inverse = np.unique(tris, return_inverse=True)  # only the corners of those triangles
    return from_triangles(v[used], inverse.reshape(tris.shape))


def lake() -> Model:
    """A lake 20 x 14 m: a still water surface in a sandy, grassy rim (things float on it)."""
    rim = placed(frustum(1.0, 0.96, 0.08, 48), scale=(20.0, 14.0, 1.0))
    water = placed(cylinder(1.0, 0.02, 48), scale=(19.0, 13.0, 1.0), at=(0, 0, 0.08))
    return prop_model(
        [(rim, "shore"), (water, "water")],
        {"water": paint("1d4f6b", "water"), "shore": paint("b8a27a", "matte")},
        main="water",
    )


def sea() -> Model:
    """A stretch of sea 120 x 60 m (a flat water surface at 0.1 m, the shore along -Y)."""
    water = block((120.0, 60.0, 0.1), (0, 0, 0.05))
    foam = block((120.0, 1.0, 0.102), (0, -29.5, 0.051))
    rng = np.random.default_rng(4)
    crests = [(block((120.0, 0.7, 0.03), (0, float(y), 0.1), (float(rng.uniform(-1, 1)), 0, 0)), "foam")
              for y in np.linspace(-26.0, 26.0, 9)]  # low white wave crests: water, not a blue floor
    return prop_model(
        [(water, "water"), (foam, "foam"), *crests],
        {"water": paint("17456a", "water"), "foam": paint("f0f4f6", "matte")},
        main="water",
    )


def beach() -> Model:
    """A sandy beach 30 x 12 m: flat sand 2 cm high where things stand (x -13..9), a few shells along its back
    (+Y, where the sea comes in), and a towel and a parasol at its right end, out of the way."""
    sand = _heightfield((30.0, 12.0), [], 8, base=0.02)
    parts: Parts = [(sand, "body"), (block((0.8, 1.8, 0.01), (11.5, 0.5, 0.025)), "towel")]
    from scenes.catalog.handheld import umbrella

    slots = {"body": "towel", "shaft": "shells", "accent": "shells"}  # a beach parasol in the towel's colours
    parts += [(placed(part.mesh, at=(12.4, 1.7, 0.0), scale=2.2), slots[part.slot]) for part in umbrella().parts]
    rng = np.random.default_rng(9)
    for _ in range(6):
        x, y = float(rng.uniform(-12, 12)), float(rng.uniform(4, 5.5))
        parts.append((placed(ellipsoid((0.12, 0.1, 0.05), 8, 4), at=(x, y, 0.0)), "shells"))
    return prop_model(
        parts,
        {"body": paint("e6d3a3", "matte"), "towel": paint("e53935", "fabric"), "shells": paint("f6efe6", "ceramic")},
    )


def snowman() -> Model:
    """A snowman 1.6 m tall: three snowballs, coal eyes and buttons, a carrot nose, a hat and a scarf."""
    parts: Parts = [
        (sphere(0.8, 24, 12), "body"),
        (placed(sphere(0.6, 24, 12), at=(0, 0, 0.62)), "body"),
        (placed(sphere(0.42, 20, 10), at=(0, 0, 1.1)), "body"),
        (placed(cone(0.06, 0.22, 10), hpr=(0, -90, 0), at=(0, 0.2, 1.32)), "nose"),
        (placed(cylinder(0.38, 0.02, 20), at=(0, 0, 1.46)), "hat"),
        (placed(cylinder(0.26, 0.2, 20), at=(0, 0, 1.47)), "hat"),
        (placed(cylinder(0.44, 0.08, 20), at=(0, 0, 1.1)), "scarf"),
    ]
    for s in (-1, 1):
        parts.append((placed(sphere(0.045, 8, 4), at=(s * 0.08, 0.18, 1.37)), "hat"))
    for z in (0.72, 0.86, 1.0):
        parts.append((placed(sphere(0.05, 8, 4), at=(0, 0.29 - abs(z - 0.86) * 0.3, z)), "hat"))
    return prop_model(
        parts,
        {
            "body": paint("f6f8fa", "matte"),
            "nose": paint("f28c28", "matte"),
            "hat": paint("1c1c1c", "matte"),
            "scarf": paint("c62828", "fabric"),
        },
    )


def tent() -> Model:
    """A two-person ridge tent 2.2 m long, door at +Y, with guy ropes."""
    parts: Parts = [
        (prism(1.8, 2.2, 1.25), "body"),
        (faceted([[(0.3, 1.101, 0.0), (-0.3, 1.101, 0.0), (0.0, 1.101, 0.85)]]), "door"),
    ]
    for y in (-1.1, 1.1):
        parts.append((rod((0, y, 0.0), (0, y, 1.3), 0.03, 6), "poles"))
        for s in (-1, 1):
            parts.append((rod((0, y, 1.25), (s * 0.9, y * 1.25, 0.01), 0.008, 3), "poles"))
    return prop_model(
        parts, {"body": paint("e8762a", "fabric"), "door": paint("2b2b2b", "fabric"), "poles": paint("b8bcc2", "metal")}
    )


def campfire() -> Model:
    """A campfire: a ring of stones, crossed logs and glowing flames."""
    parts: Parts = []
    for k in range(9):
        a = k * 2 * np.pi / 9
        parts.append((placed(rock((0.22, 0.18, 0.15), seed=k), at=(0.45 * np.cos(a), 0.45 * np.sin(a), 0)), "stones"))
    for k in range(4):
        a = k * 45.0
        parts.append((placed(rod((-0.35, 0, 0.06), (0.35, 0, 0.06), 0.1, 8), hpr=(a, 0, 0)), "logs"))
    parts += [
        (placed(cone(0.35, 0.55, 10), at=(0, 0, 0.08)), "flames"),
        (placed(cone(0.2, 0.75, 8), at=(0.05, 0.03, 0.08)), "core"),
    ]
    return prop_model(
        parts,
        {
            "stones": paint("7d7a75", "matte"),
            "logs": paint("4a2e1c", "wood"),
            "flames": paint("ff7a1a", "emissive"),
            "core": paint("ffd24a", "emissive"),
        },
        main="flames",
    )


def picnic_blanket() -> Model:
    """A red and white chequered picnic blanket 1.8 x 1.5 m lying flat."""
    parts: Parts = [(block((1.8, 1.5, 0.006), (0, 0, 0.003)), "body")]
    parts += [(square, "accent") for square, first in chequer(6, 5, 0.3, 0.006, 0.002) if first]
    return prop_model(parts, {"body": paint("f4f4f4", "fabric"), "accent": paint("d62828", "fabric")})


def hay() -> Model:
    """A small square hay bale 90 x 46 cm and 40 cm high, along X, tied with two strings; straw tufts at its ends."""
    parts: Parts = [
        (block((0.9, 0.46, 0.4), (0, 0, 0.2)), "body"),
        (block((0.86, 0.44, 0.02), (0, 0, 0.405)), "straw"),
    ]
    for x in (-0.22, 0.22):
        parts.append((block((0.012, 0.465, 0.405), (x, 0, 0.2025)), "twine"))
        parts.append((block((0.012, 0.44, 0.004), (x, 0, 0.4165)), "twine"))
    rng = np.random.default_rng(8)
    for s in (-1, 1):
        for _ in range(5):
            y, z = float(rng.uniform(-0.17, 0.17)), float(rng.uniform(0.07, 0.33))
            parts.append((placed(ellipsoid((0.03, 0.1, 0.08), 8, 4), at=(s * 0.445, y, z - 0.04)), "straw"))
    return prop_model(parts, {"body": paint("d8b860", "matte"), "straw": paint("e6ca78", "matte"),
                              "twine": paint("a0522d", "fabric")})


def leaf() -> Model:
    """A fallen green leaf 8 cm long lying flat along Y: a pointed blade, a paler midrib and a short stalk."""
    blade = faceted([[(0.0, -0.04, 0.0), (0.02, -0.02, 0.0), (0.026, 0.01, 0.0), (0.014, 0.03, 0.0),
                      (0.0, 0.045, 0.0), (-0.014, 0.03, 0.0), (-0.026, 0.01, 0.0), (-0.02, -0.02, 0.0)]])
    parts: Parts = [
        (placed(blade, at=(0, 0, 0.0015)), "body"),
        (placed(blade, hpr=(0, 0, 180), at=(0, 0, 0.0015)), "body"),  # its underside, so it shows from both faces
        (block((0.0025, 0.085, 0.001), (0, 0.0, 0.0023)), "veins"),
        (block((0.0025, 0.015, 0.0015), (0, -0.047, 0.00075)), "veins"),
    ]
    return prop_model(parts, {"body": paint("5a9a32", "matte"), "veins": paint("b8d890", "matte")})


def sandcastle() -> Model:
    """A sandcastle 40 cm across: a mound, a round keep with battlements, four corner towers and a paper flag."""
    parts: Parts = [
        (frustum(0.4, 0.3, 0.06, 24), "body"),
        (placed(cylinder(0.16, 0.14, 20), at=(0, 0, 0.06)), "body"),
        (rod((0, 0, 0.2), (0, 0, 0.3), 0.004, 4), "pole"),
        (block((0.05, 0.002, 0.03), (0.026, 0, 0.285)), "flag"),
    ]
    for k in range(8):
        a = k * np.pi / 4
        parts.append((block((0.03, 0.03, 0.025), (0.065 * np.cos(a), 0.065 * np.sin(a), 0.21), (np.degrees(a), 0, 0)),
                      "body"))
    for x in (-0.11, 0.11):
        for y in (-0.11, 0.11):
            parts.append((placed(frustum(0.085, 0.07, 0.13, 16), at=(x, y, 0.0)), "body"))
            parts.append((placed(cone(0.08, 0.07, 16), at=(x, y, 0.13)), "top"))
    return prop_model(parts, {"body": paint("dcc08a", "matte"), "top": paint("c8a870", "matte"),
                              "pole": paint("8a6a4a", "wood"), "flag": paint("e53935", "fabric")})


def _canopy(diameter: float, height: float, panels: int = 8) -> tuple[Mesh, Mesh]:
    """A striped conical canopy (apex at ``height``, rim at 0) as two meshes of alternate panels, each panel faced
    both up and down so it shows from under it too."""
    r = diameter / 2
    rims = [(r * np.cos(2 * np.pi * k / panels), r * np.sin(2 * np.pi * k / panels), 0.0) for k in range(panels + 1)]
    apex = (0.0, 0.0, height)
    out: list[list] = [[], []]
    for k in range(panels):
        a, b = rims[k], rims[k + 1]
        out[k % 2] += [[a, b, apex], [b, a, (0.0, 0.0, height - 0.004)]]
    return faceted(out[0]), faceted(out[1])


def parasol() -> Model:
    """A beach parasol 2 m across on a 2.3 m pole: a striped red-and-white canopy with a white fringe, people and
    chairs fit in its shade under it."""
    a, b = _canopy(2.0, 0.4)
    top_z = 1.9
    parts: Parts = [
        (frustum(0.05, 0.04, 2.3, 10), "pole"),
        (placed(a, at=(0, 0, top_z)), "body"),
        (placed(b, at=(0, 0, top_z)), "stripes"),
        (placed(centred(torus(2.02, 0.03, 32, 4)), at=(0, 0, top_z)), "stripes"),
        (placed(sphere(0.06, 10, 5), at=(0, 0, top_z + 0.38)), "pole"),
    ]
    return prop_model(parts, {"body": paint("d62828", "fabric"), "stripes": paint("f6f4ee", "fabric"),
                              "pole": paint("e8e2d4", "wood")})


def plant_pot() -> Model:
    """A potted plant 55 cm tall: a terracotta pot 30 cm across with a rim and dark soil, a bushy green plant."""
    from scenes.catalog.handheld import _open_vessel

    parts: Parts = [
        (_open_vessel(0.22, 0.3, 0.26, 0.015, 24), "body"),
        (placed(centred(torus(0.32, 0.03, 24, 6)), at=(0, 0, 0.25)), "body"),
        (placed(cylinder(0.27, 0.01, 20), at=(0, 0, 0.23)), "soil"),
    ]
    rng = np.random.default_rng(12)
    for k in range(9):
        a = k * 2 * np.pi / 9
        r, z = (0.06, 0.38) if k % 3 else (0.0, 0.44)
        parts.append((placed(ellipsoid((0.16, 0.16, 0.14), 12, 6),
                             at=(r * np.cos(a) + float(rng.uniform(-0.02, 0.02)), r * np.sin(a), z - 0.1)), "leaves"))
    return prop_model(parts, {"body": paint("c0643a", "ceramic"), "soil": paint("3a2a1e", "matte"),
                              "leaves": paint("3f8a3a", "matte")}, main="leaves")


def gate() -> Model:
    """A wooden five-bar field gate 3 m wide and 1.2 m high along X between two posts, a diagonal brace and a latch."""
    w, h = 3.0, 1.2
    parts: Parts = []
    for s in (-1, 1):
        parts.append((block((0.15, 0.15, h + 0.15), (s * (w / 2 + 0.075), 0, (h + 0.15) / 2)), "posts"))
    leaf_w = w - 0.04
    for x in (-leaf_w / 2 + 0.05, leaf_w / 2 - 0.05):
        parts.append((block((0.1, 0.06, h - 0.1), (x, 0, 0.1 + (h - 0.1) / 2)), "body"))
    for k in range(5):
        z = 0.2 + k * (h - 0.25) / 4
        parts.append((block((leaf_w, 0.05, 0.1), (0, 0, z)), "body"))
    length = float(np.hypot(leaf_w - 0.2, h - 0.3))
    angle = float(np.degrees(np.arctan2(h - 0.3, leaf_w - 0.2)))
    parts.append((block((length, 0.05, 0.1), (0, 0.05, 0.1 + (h - 0.1) / 2), (0, 0, angle)), "body"))
    parts.append((block((0.12, 0.04, 0.04), (w / 2 - 0.03, 0.05, h - 0.1)), "latch"))
    return prop_model(parts, {"body": paint("b08a5a", "wood"), "posts": paint("6b4a2e", "wood"),
                              "latch": paint("3a3c3f", "metal")})


def ladder() -> Model:
    """A folding aluminium stepladder 1.8 m tall: four treads on the front legs, a braced back frame, a top step."""
    h = 1.8
    parts: Parts = [(block((0.5, 0.22, 0.04), (0, 0.0, h - 0.02)), "steps")]
    for s in (-1, 1):
        parts.append((rod((s * 0.25, 0.45, 0.0), (s * 0.23, 0.05, h - 0.04), 0.04, 8), "body"))
        parts.append((rod((s * 0.24, -0.45, 0.0), (s * 0.22, -0.05, h - 0.04), 0.035, 8), "body"))
        parts.append((rod((s * 0.24, 0.3, 0.6), (s * 0.23, -0.3, 0.6), 0.015, 4), "body"))
    for k in range(4):
        t = (k + 1) / 5
        parts.append((block((0.48, 0.12, 0.03), (0, 0.45 - 0.4 * t, t * (h - 0.04))), "steps"))
    parts.append((rod((-0.22, -0.3, 0.6), (0.22, -0.3, 0.6), 0.025, 6), "body"))
    return prop_model(parts, {"body": paint("c0c4c8", "metal"), "steps": paint("8a8f96", "metal")})


def wheelbarrow() -> Model:
    """A garden wheelbarrow 1.4 m long: a green steel tray, one wheel at +Y, two legs and handles towards -Y."""
    from scenes.catalog.handheld import _open_vessel
    from scenes.catalog.shapes import wheel

    tray = placed(_open_vessel(0.5, 0.8, 0.3, 0.02, 4), hpr=(45, 0, 0), scale=(0.95, 1.2, 1.0))
    parts: Parts = [
        (placed(tray, at=(0, 0.05, 0.34)), "body"),
        (placed(wheel(0.36, 0.09), at=(0, 0.55, 0.18)), "tyre"),
        (placed(wheel(0.16, 0.1), at=(0, 0.55, 0.18)), "frame"),
    ]
    for s in (-1, 1):
        parts.append((rod((s * 0.04, 0.55, 0.18), (s * 0.26, -0.85, 0.62), 0.035, 8), "frame"))
        parts.append((rod((s * 0.22, -0.3, 0.0), (s * 0.2, -0.3, 0.45), 0.03, 6), "frame"))
        parts.append((rod((s * 0.26, -0.85, 0.62), (s * 0.27, -0.75, 0.6), 0.04, 8), "grips"))
    return prop_model(parts, {"body": paint("2e7d32", "metal"), "tyre": paint("1c1c1c", "rubber"),
                              "frame": paint("6f747a", "metal"), "grips": paint("1c1c1c", "rubber")})


def scarecrow() -> Model:
    """A scarecrow 1.9 m tall on a wooden post: a checked shirt with arms out on a cross-bar, a sack head, straw
    hands and a straw hat."""
    parts: Parts = [
        (block((0.08, 0.08, 1.9), (0, 0, 0.95)), "post"),
        (block((1.5, 0.06, 0.06), (0, 0, 1.35)), "post"),
        (placed(ellipsoid((0.42, 0.26, 0.6), 16, 8), at=(0, 0, 0.85)), "shirt"),
        (block((1.2, 0.16, 0.16), (0, 0, 1.35)), "shirt"),
        (placed(sphere(0.28, 16, 8), at=(0, 0, 1.48)), "head"),
        (placed(cylinder(0.5, 0.02, 20), at=(0, 0, 1.7)), "hat"),
        (placed(frustum(0.24, 0.18, 0.16, 16), at=(0, 0, 1.71)), "hat"),
    ]
    for s in (-1, 1):
        parts.append((rod((s * 0.09, 0.0, 0.7), (s * 0.12, 0.02, 0.24), 0.13, 10), "trousers"))  # legs hang free
        parts.append((placed(ellipsoid((0.1, 0.1, 0.08), 8, 4), at=(s * 0.12, 0.02, 0.18)), "hat"))
        parts.append((placed(ellipsoid((0.12, 0.1, 0.1), 8, 4), at=(s * 0.66, 0, 1.3)), "hat"))
        parts.append((placed(sphere(0.04, 8, 4), at=(s * 0.06, 0.13, 1.6)), "eyes"))
    return prop_model(parts, {"post": paint("6b4a2e", "wood"), "shirt": paint("b23a2a", "fabric"),
                              "head": paint("c8a878", "fabric"), "hat": paint("e0c070", "matte"),
                              "eyes": paint("1c1c1c", "matte"), "trousers": paint("3a5a8a", "fabric")}, main="shirt")


# a broadleaf crown 2 m over the ground: room under it beside the trunk (a bench, a person, a picnic)
_SHADE = AssetTraits(room_under=(1.8, 1.6, 2.0), trunk=0.17)


def river() -> Model:
    """A stretch of river 40 m long along X: a band of flowing water 8 m wide (its surface 10 cm up, a few paler
    ripples drawn along the current) between low banks, each a grassy crest 16 cm high sloping down to a muddy edge
    that goes in under the water, clumps of reeds at the water's edge (things float on it, boats go along it)."""
    length = 40.0
    half = length / 2
    # the bank's cross-section outward from the river's middle: (distance from the centre line, height)
    edge = [(3.6, 0.02), (4.2, 0.1), (4.5, 0.13)]  # under the water to just above it: mud
    crest = [(4.5, 0.13), (5.3, 0.16), (7.0, 0.0)]  # the grassy top and its outer slope to the ground
    parts: Parts = [(block((length, 8.6, 0.08), (0, 0, 0.06)), "water")]
    for sy in (-1, 1):
        for profile, slot in ((edge, "mud"), (crest, "bank")):
            for (d0, z0), (d1, z1) in itertools.pairwise(profile):
                a, b = (-half, sy * d0, z0), (half, sy * d0, z0)
                c, d = (half, sy * d1, z1), (-half, sy * d1, z1)
                quad = [a, b, c, d] if sy > 0 else [a, d, c, b]  # counter-clockwise seen from above
                parts.append((faceted([quad]), slot))
        section = [(sy * d, z) for d, z in [(3.6, 0.0), (7.0, 0.0), *reversed(crest[1:]), *reversed(edge)]]
        for x, face in ((half, 1), (-half, -1)):  # the ends, cut square
            poly = [(x, y, z) for y, z in section]
            parts.append((faceted([poly if face * sy > 0 else poly[::-1]]), "mud"))
    rng = np.random.default_rng(11)
    for _ in range(14):  # ripples along the current
        x, y = float(rng.uniform(-half + 3, half - 3)), float(rng.uniform(-3.2, 3.2))
        parts.append((block((float(rng.uniform(1.0, 3.0)), 0.04, 0.004), (x, y, 0.101)), "ripples"))
    for k in range(10):  # reeds in clumps at the water's edge
        x = -half + 2.0 + k * (length - 4.0) / 9 + float(rng.uniform(-1.0, 1.0))
        sy = 1 if k % 2 else -1
        for _ in range(7):
            a = float(rng.uniform(0, 2 * np.pi))
            base = (x + 0.18 * np.cos(a), sy * (4.25 + 0.12 * np.sin(a)), 0.1)
            tip = (base[0] + float(rng.uniform(-0.12, 0.12)), base[1] + sy * float(rng.uniform(0.0, 0.1)),
                   0.1 + float(rng.uniform(0.5, 0.8)))
            parts.append((rod(base, tip, 0.018, 4), "reeds"))
    return prop_model(parts, {"water": paint("2a5a6e", "water"), "ripples": paint("4f7f94", "water"),
                              "mud": paint("7a6446", "matte"), "bank": paint("5a8a3a", "grass"),
                              "reeds": paint("7a8a3a", "matte")}, "water")


def _extruded(profile: list[tuple[float, float]], x0: float, x1: float) -> Mesh:
    """A solid from a convex (y, z) cross-section, listed counter-clockwise seen from +X, running from x0 to x1."""
    a = [(x0, y, z) for y, z in profile]
    b = [(x1, y, z) for y, z in profile]
    sides = [[a[k], a[(k + 1) % len(a)], b[(k + 1) % len(b)], b[k]] for k in range(len(a))]
    return faceted([list(reversed(a)), b, *sides])


def shed() -> Model:
    """A wooden garden shed 2 x 1.5 m, 2.2 m to the top of its roof, door at +Y: walls of horizontal boards on a
    dark base rail, corner battens, a ledged-and-braced door with a latch and a four-pane window beside it, under a
    low-pitched green felt roof whose middle is flat (things put on the roof lie on that) and whose sides fall to
    eaves 2 m up, with fascia boards all round."""
    w, d, wall = 2.0, 1.5, 1.96
    parts: Parts = [
        (block((w, d, wall), (0, 0, wall / 2)), "body"),
        (block((w + 0.04, d + 0.04, 0.1), (0, 0, 0.05)), "trim"),  # the base rail
        (block((w + 0.24, d + 0.24, 0.08), (0, 0, 1.92)), "trim"),  # the fascia boards under the roof's edge
        # the felt roof: flat over its middle 80 cm at 2.2 m, its sides falling to the eaves
        (_extruded([(-0.87, 1.96), (0.87, 1.96), (0.87, 2.0), (0.4, 2.2), (-0.4, 2.2), (-0.87, 2.0)], -1.12, 1.12),
         "roof"),
    ]
    for z in np.arange(0.25, wall - 0.05, 0.15):  # the board lines, on all four walls
        parts.append((block((w + 0.008, 0.012, 0.008), (0, d / 2, float(z))), "lines"))
        parts.append((block((w + 0.008, 0.012, 0.008), (0, -d / 2, float(z))), "lines"))
        parts.append((block((0.012, d + 0.008, 0.008), (w / 2, 0, float(z))), "lines"))
        parts.append((block((0.012, d + 0.008, 0.008), (-w / 2, 0, float(z))), "lines"))
    for sx in (-1, 1):
        for sy in (-1, 1):
            parts.append((block((0.07, 0.07, wall - 0.1), (sx * (w / 2 - 0.02), sy * (d / 2 - 0.02), wall / 2 + 0.05)),
                          "trim"))
    door_x, door_w, door_h = -0.45, 0.78, 1.78
    parts.append((block((door_w, 0.03, door_h), (door_x, d / 2 + 0.015, 0.1 + door_h / 2)), "door"))
    for z in (0.3, 1.0, 1.7):  # the door's ledges and its brace
        parts.append((block((door_w - 0.08, 0.02, 0.1), (door_x, d / 2 + 0.04, float(z))), "trim"))
    for z0, z1 in ((0.3, 1.0), (1.0, 1.7)):
        length = float(np.hypot(door_w - 0.16, z1 - z0))
        roll = float(np.degrees(np.arctan2(z1 - z0, door_w - 0.16)))
        parts.append((block((length, 0.02, 0.09), (door_x, d / 2 + 0.04, (z0 + z1) / 2), (0, 0, roll)), "trim"))
    parts.append((block((0.04, 0.03, 0.14), (door_x + door_w / 2 - 0.08, d / 2 + 0.065, 1.0)), "metal"))
    parts.append((block((0.6, 0.03, 0.5), (0.5, d / 2 + 0.015, 1.35)), "trim"))  # the window's frame
    parts.append((block((0.52, 0.035, 0.42), (0.5, d / 2 + 0.017, 1.35)), "glass"))
    parts.append((block((0.03, 0.04, 0.42), (0.5, d / 2 + 0.02, 1.35)), "trim"))  # its glazing bars
    parts.append((block((0.52, 0.04, 0.03), (0.5, d / 2 + 0.02, 1.35)), "trim"))
    parts.append((block((0.66, 0.08, 0.03), (0.5, d / 2 + 0.04, 1.09)), "trim"))  # the sill
    return prop_model(parts, {"body": paint("a87a4a", "wood"), "lines": paint("6b4a2e", "wood"),
                              "trim": paint("7a5232", "wood"), "door": paint("946a40", "wood"),
                              "roof": paint("3f5a3a", "matte"), "glass": paint("4a6272", "glass"),
                              "metal": paint("2b2b2b", "metal")})


def path() -> Model:
    """A gravel garden footpath 12 m long along Y and 1.3 m wide: a bed of pale gravel 4 cm deep, scattered darker
    and lighter stones on it, between low stone edgings 6 cm high."""
    length, width, bed = 12.0, 1.2, 0.04
    parts: Parts = [(block((width, length, bed), (0, 0, bed / 2)), "body")]
    for sx in (-1, 1):
        parts.append((block((0.05, length, 0.06), (sx * (width / 2 + 0.025), 0, 0.03)), "edging"))
        for y in np.arange(-length / 2 + 0.3, length / 2, 0.3):  # the joints between the edging stones
            parts.append((block((0.054, 0.008, 0.062), (sx * (width / 2 + 0.025), float(y), 0.031)), "joints"))
    rng = np.random.default_rng(21)
    for k in range(260):  # loose stones on the gravel, kept off the middle line (a ray cast's spot)
        x = float(rng.uniform(0.05, width / 2 - 0.04)) * (1 if k % 2 else -1)
        y = float(rng.uniform(-length / 2 + 0.05, length / 2 - 0.05))
        size = float(rng.uniform(0.025, 0.05))
        stone = placed(ellipsoid((size, size * float(rng.uniform(0.6, 1.0)), 0.008), 8, 3),
                       at=(x, y, bed - 0.004), hpr=(float(rng.uniform(0, 180)), 0, 0))
        parts.append((stone, "stones" if k % 3 else "pale"))
    return prop_model(parts, {"body": paint("b4a88f", "sand"), "stones": paint("857a68", "matte"),
                              "pale": paint("d8d0c0", "matte"), "edging": paint("8a867e", "stone"),
                              "joints": paint("5e5a54", "matte")})


def ice() -> Model:
    """A floe of sea ice about 20 m across and 30 cm thick: a flat, irregular slab, white-blue on top, its edges
    glassy blue, with drifts of snow and a few dark cracks across its top (people and penguins walk on it)."""
    top, n = 0.3, 28
    rng = np.random.default_rng(17)
    a = np.linspace(0, 2 * np.pi, n, endpoint=False) + rng.uniform(-0.06, 0.06, n)
    r = 9.7 + 0.5 * np.sin(3 * a + 0.7) + rng.uniform(-0.25, 0.25, n)  # 9 to 10.5 m from the middle
    ring = np.stack([r * np.cos(a), r * np.sin(a)], -1)
    ring -= (ring.max(axis=0) + ring.min(axis=0)) / 2  # its bounding box centred on the origin
    verts = np.vstack([[0.0, 0.0, top], np.column_stack([ring, np.full(n, top)]),
                       [0.0, 0.0, 0.0], np.column_stack([ring, np.zeros(n)])])
    lid = [(0, 1 + k, 1 + (k + 1) % n) for k in range(n)]
    base = [(n + 1, n + 2 + (k + 1) % n, n + 2 + k) for k in range(n)]
    parts: Parts = [(from_triangles(verts, np.array(lid + base)), "body")]
    for k in range(n):  # the edges, flat-shaded, leaning out a little under water
        (x0, y0), (x1, y1) = ring[k], ring[(k + 1) % n]
        quad = [(x0, y0, 0.0), (x1, y1, 0.0), (x1, y1, top), (x0, y0, top)]
        parts.append((faceted([quad]), "edges"))
    for _ in range(6):  # thin drifts of snow lying on it, 1 cm proud, clear of the middle
        ang, dist = float(rng.uniform(0, 2 * np.pi)), float(rng.uniform(3.0, 6.5))
        size = (float(rng.uniform(3.0, 6.0)), float(rng.uniform(1.5, 3.0)), 0.04)
        parts.append((placed(ellipsoid(size, 20, 6), at=(dist * np.cos(ang), dist * np.sin(ang), top - 0.03),
                             hpr=(float(rng.uniform(0, 180)), 0, 0)), "snow"))
    for _ in range(5):  # cracks: thin dark lines running in from the edge
        ang = float(rng.uniform(0, 2 * np.pi))
        p = np.array([np.cos(ang), np.sin(ang)]) * 8.8
        for _ in range(4):
            q = p * 0.8 + rng.uniform(-0.8, 0.8, 2)
            mid, step = (p + q) / 2, q - p
            heading = float(np.degrees(np.arctan2(step[1], step[0])))
            parts.append((block((float(np.hypot(*step)) + 0.04, 0.05, 0.004), (float(mid[0]), float(mid[1]),
                                                                                 top + 0.001), (heading, 0, 0)),
                          "cracks"))
            p = q
    return prop_model(parts, {"body": paint("d8e8f2", "snow"), "edges": paint("7fbcd8", "glossy"),
                              "snow": paint("f8fafc", "snow"), "cracks": paint("6a9ab4", "glossy")})


def spider_web() -> Model:
    """An orb web 60 cm across hanging upright (in the XZ plane, facing +Y): a frame thread round seven anchor
    points, 22 radial threads out from a dense hub 36 cm up, a spiral of capture thread wound across them with
    beads of dew, and mooring threads from its frame up to either side and down to the ground."""
    hub = np.array([0.0, 0.36])  # (x, z)
    rng = np.random.default_rng(5)
    corner_a = np.radians([100, 150, 205, 255, 300, 345, 40])
    corner_r = np.array([0.3, 0.28, 0.3, 0.33, 0.31, 0.29, 0.31])
    corners = hub + np.stack([np.cos(corner_a), np.sin(corner_a)], -1) * corner_r[:, None]

    def to_frame(theta: float) -> float:
        """How far a ray from the hub at ``theta`` runs before it meets the frame polygon."""
        d = np.array([np.cos(theta), np.sin(theta)])
        best = np.inf
        for k in range(len(corners)):
            p, q = corners[k] - hub, corners[(k + 1) % len(corners)] - hub
            m = np.array([d, p - q]).T
            if abs(np.linalg.det(m)) < 1e-9:
                continue
            t, u = np.linalg.solve(m, p)
            if t > 0 and 0 <= u <= 1:
                best = min(best, t)
        return float(best)

    def at(p: np.ndarray, y: float = 0.0) -> Vec:
        return (float(p[0]), y, float(p[1]))

    parts: Parts = []
    for k in range(len(corners)):
        parts.append((rod(at(corners[k]), at(corners[(k + 1) % len(corners)]), 0.0035, 3), "silk"))
    for tip, y in (((-0.36, 0.72), -0.02), ((0.37, 0.7), 0.02), ((0.05, 0.0), 0.015)):  # the mooring threads
        near = min(corners, key=lambda c, tip=tip: float(np.hypot(*(c - tip))))
        parts.append((rod(at(near), at(np.array(tip), y), 0.0035, 3), "silk"))
    spokes = 22
    thetas = np.linspace(0, 2 * np.pi, spokes, endpoint=False) + np.pi / spokes  # none straight up or down
    reach = np.array([to_frame(float(t)) for t in thetas])
    for t, r in zip(thetas, reach, strict=True):
        parts.append((rod(at(hub), at(hub + r * np.array([np.cos(t), np.sin(t)])), 0.003, 3), "silk"))
    turns, inner = 13, 0.045
    prev = None
    for step in range(turns * spokes + 1):  # the capture spiral: straight between neighbouring radials
        i = step % spokes
        frac = step / (turns * spokes)
        r = min(inner + frac * (0.32 - inner), reach[i] * 0.93)
        p = hub + r * np.array([np.cos(thetas[i]), np.sin(thetas[i])])
        if prev is not None:
            parts.append((rod(at(prev), at(p), 0.0018, 3), "silk"))
            if rng.uniform() < 0.12:  # a bead of dew where the spiral crosses a radial
                parts.append((placed(sphere(0.005, 6, 3), at=(float(p[0]), 0.0, float(p[1]) - 0.0025)), "dew"))
        prev = p
    for r in (0.012, 0.022, 0.032):  # the hub's tight rings
        ring = [hub + r * np.array([np.cos(t), np.sin(t)]) for t in thetas]
        for k in range(spokes):
            parts.append((rod(at(ring[k]), at(ring[(k + 1) % spokes]), 0.0025, 3), "silk"))
    return prop_model(parts, {"silk": paint("eef2f6", "glossy"), "dew": paint("d8ecf8", "glass")}, "silk")


def _o(name: str, size: Vec, description: str, make, traits: AssetTraits = AssetTraits()) -> AssetSpec:
    return composite(name, "prop", size, description, make, "outdoor", traits)


def log() -> Model:
    """A fallen tree trunk 2 m long and 35 cm thick lying along X: ridged bark, pale cut ends with rings, a knot."""
    parts: list[tuple[Mesh, str]] = [
        (placed(centred(cylinder(0.35, 2.0, 20)), hpr=(0, 0, 90), at=(0, 0, 0.175)), "bark"),
    ]
    for k in range(10):  # bark ridges along its length
        a = k * 2 * np.pi / 10
        parts.append((placed(centred(cylinder(0.04, 1.96, 6)), hpr=(0, 0, 90),
                             at=(0, 0.16 * np.cos(a), 0.175 + 0.16 * np.sin(a))), "bark"))
    for sx in (-1, 1):
        parts.append((placed(centred(cylinder(0.33, 0.01, 20)), hpr=(0, 0, 90), at=(sx * 1.0, 0, 0.175)), "wood"))
        parts.append((placed(centred(torus(0.2, 0.012, 20, 4)), hpr=(0, 0, 90), at=(sx * 1.005, 0, 0.175)), "bark"))
    parts.append((placed(sphere(0.08, 8, 4), at=(0.45, 0.13, 0.24)), "bark"))  # a knot where a branch broke off
    return prop_model(parts, {"bark": paint("5a4030", "wood"), "wood": paint("d8b88a", "wood")}, "bark")


def cactus() -> Model:
    """A saguaro cactus 1.8 m tall: a ribbed green column with two upturned arms, in a low mound of sand."""
    parts: list[tuple[Mesh, str]] = [
        (ellipsoid((0.6, 0.6, 0.06)), "sand"),
        (capsule(0.32, 1.8, 16, 6), "body"),
    ]
    for k in range(8):
        a = k * 2 * np.pi / 8
        parts.append((placed(capsule(0.06, 1.7, 6, 3), at=(0.15 * np.cos(a), 0.15 * np.sin(a), 0.05)), "ribs"))
    for sx, z, h in ((-1, 0.7, 0.55), (1, 0.9, 0.45)):
        parts.append((rod((0, 0, z), (sx * 0.42, 0, z), 0.2, 10), "body"))
        parts.append((placed(capsule(0.2, h, 12, 4), at=(sx * 0.42, 0, z - 0.1)), "body"))
    for z in (0.4, 0.8, 1.2, 1.6):  # spines
        for a in (0.3, 2.2, 4.1):
            parts.append((placed(sphere(0.025, 4, 2), at=(0.165 * np.cos(a + z), 0.165 * np.sin(a + z), z)), "spines"))
    return prop_model(parts, {"body": paint("3f7a3a", "matte"), "ribs": paint("356a30", "matte"),
                              "spines": paint("efe6c8", "matte"), "sand": paint("d8c08a", "matte")})


def mushroom() -> Model:
    """A toadstool 12 cm tall: a red cap with white spots on a pale stem with a ring."""
    parts: list[tuple[Mesh, str]] = [
        (frustum(0.035, 0.025, 0.09, 14), "stem"),
        (placed(torus(0.045, 0.008, 14, 4), at=(0, 0, 0.06)), "stem"),
        (placed(ellipsoid((0.12, 0.12, 0.07), 18, 8), at=(0, 0, 0.07)), "cap"),
        (placed(cylinder(0.1, 0.008, 18), at=(0, 0, 0.098)), "stem"),
    ]
    for k in range(7):
        a = k * 2 * np.pi / 7
        r = 0.035 if k else 0.0
        z = 0.135 if k else 0.14
        parts.append((placed(ellipsoid((0.018, 0.018, 0.006), 8, 3), at=(r * np.cos(a), r * np.sin(a), z - 0.004)),
                      "spots"))
    return prop_model(parts, {"cap": paint("d8231a", "glossy"), "stem": paint("f2ead8", "matte"),
                              "spots": paint("fafaf4", "matte")}, "cap")


def swimming_pool() -> Model:
    """A rectangular swimming pool 8 x 4 m along X: clear blue water 9 cm up inside a pale stone coping 30 cm wide
    and 15 cm high, a band of dark-blue tiles round its inside at the waterline, a chrome ladder over the coping at
    its +X end down into the water (things float on it)."""
    w, d, band, cope = 8.0, 4.0, 0.3, 0.15
    water_top = 0.09
    iw, id_ = w - 2 * band, d - 2 * band
    parts: Parts = [(block((iw, id_, water_top), (0, 0, water_top / 2)), "water")]
    for sy in (-1, 1):
        parts.append((block((w, band, cope), (0, sy * (d - band) / 2, cope / 2)), "coping"))
        parts.append((block((iw, 0.01, cope - water_top + 0.01), (0, sy * (id_ / 2 - 0.005),
                                                                  (cope + water_top) / 2 - 0.005)), "tiles"))
    for sx in (-1, 1):
        parts.append((block((band, id_, cope), (sx * (w - band) / 2, 0, cope / 2)), "coping"))
        parts.append((block((0.01, id_, cope - water_top + 0.01), (sx * (iw / 2 - 0.005), 0,
                                                                   (cope + water_top) / 2 - 0.005)), "tiles"))
    for x in np.arange(-w / 2 + 0.6, w / 2 - 0.3, 0.6):  # the coping stones' joints
        for sy in (-1, 1):
            parts.append((block((0.01, band + 0.002, 0.002), (float(x), sy * (d - band) / 2, cope + 0.001)), "joints"))
    for y in np.arange(-d / 2 + 0.6, d / 2 - 0.3, 0.6):
        for sx in (-1, 1):
            parts.append((block((band + 0.002, 0.01, 0.002), (sx * (w - band) / 2, float(y), cope + 0.001)), "joints"))
    edge = iw / 2  # the ladder: two rails curving over the coping at +X and down into the water
    for sy in (-1, 1):
        y = sy * 0.25
        parts += [
            (rod((edge + 0.2, y, cope), (edge + 0.2, y, 0.85), 0.04, 8), "ladder"),
            (rod((edge + 0.2, y, 0.85), (edge - 0.02, y, 0.9), 0.04, 8), "ladder"),
            (rod((edge - 0.02, y, 0.9), (edge - 0.12, y, 0.75), 0.04, 8), "ladder"),
            (rod((edge - 0.12, y, 0.75), (edge - 0.12, y, 0.0), 0.04, 8), "ladder"),
        ]
    for z in (0.3, 0.55):
        parts.append((rod((edge - 0.12, -0.25, z), (edge - 0.12, 0.25, z), 0.05, 6), "ladder"))
    return prop_model(parts, {"water": paint("2a9ad0", "water"), "coping": paint("e6e0d2", "stone"),
                              "tiles": paint("1f4f8a", "ceramic"), "joints": paint("a8a296", "matte"),
                              "ladder": paint("d0d4d8", "chrome")}, "water")


def hammock() -> Model:
    """A hammock 3 m long along X on its own wooden stand: a base beam with feet, two arms leaning out to 1.4 m, a
    striped canvas bed between spreader bars slung from them on ropes, sagging to a level middle 80 cm up (sit or
    lie on it)."""
    seat, flat, end_x, end_z = 0.8, 0.45, 1.0, 1.08  # the level middle's height and half-length; the bed's ends
    half_w = 0.42
    xs = np.linspace(-end_x, end_x, 25)

    def sag(x: float) -> float:
        out = max(abs(x) - flat, 0.0) / (end_x - flat)
        return seat + (end_z - seat) * out * out

    strips = 6
    ys = np.linspace(-half_w, half_w, strips + 1)
    parts: Parts = []
    for j in range(strips):
        top_faces, under = [], []
        y0, y1 = float(ys[j]), float(ys[j + 1])
        lift0, lift1 = (0.06 * (abs(y) / half_w) ** 2 for y in (y0, y1))  # its sides curl up a little
        for i in range(len(xs) - 1):
            x0, x1 = float(xs[i]), float(xs[i + 1])
            a, b = (x0, y0, sag(x0) + lift0), (x1, y0, sag(x1) + lift0)
            c, d_ = (x1, y1, sag(x1) + lift1), (x0, y1, sag(x0) + lift1)
            top_faces.append([a, b, c, d_])
            under.append([(p[0], p[1], p[2] - 0.012) for p in (d_, c, b, a)])
        parts.append((faceted(top_faces + under), "body" if j % 2 == 0 else "stripes"))
    arm_top = 1.4
    for sx in (-1, 1):
        parts.append((rod((sx * end_x, -half_w - 0.03, end_z + 0.02), (sx * end_x, half_w + 0.03, end_z + 0.02), 0.035,
                          8), "frame"))  # a spreader bar
        for y in (-half_w, 0.0, half_w):  # ropes from the bar to the arm's hook
            parts.append((rod((sx * end_x, y, end_z + 0.02), (sx * 1.42, 0.0, arm_top - 0.04), 0.01, 4), "rope"))
        parts.append((rod((sx * 1.15, 0.0, 0.08), (sx * 1.45, 0.0, arm_top), 0.08, 8), "frame"))  # an arm
        parts.append((block((0.1, 0.9, 0.08), (sx * 1.15, 0.0, 0.04)), "frame"))  # a foot across
    parts.append((block((2.3, 0.1, 0.08), (0, 0, 0.04)), "frame"))  # the base beam
    return prop_model(parts, {"body": paint("e8dcc0", "fabric"), "stripes": paint("c0392b", "fabric"),
                              "frame": paint("8a6038", "wood"), "rope": paint("d8c8a0", "fabric")}, "body")


def treehouse() -> Model:
    """A treehouse 8 m tall: an oak trunk through a square wooden platform 2.5 m up, a little plank house with a
    red pitched roof, a doorway and a window on the platform's back half, a porch with a railing in front (+Y),
    a ladder from the ground up to the porch, the tree's crown spreading over it all (swaying from 5 m up)."""
    deck, plat, t = 2.5, 2.6, 0.12  # the platform's top, its side, its thickness
    hw, hd, hh = 2.0, 1.5, 1.5  # the house's width, depth and wall height
    hy = -plat / 2 + hd / 2 + 0.05  # its centre: on the back half, the porch in front
    trunk: Parts = [
        (frustum(0.6, 0.4, 5.4, 16), "trunk"),
        (block((plat, plat, t), (0, 0, deck - t / 2)), "planks"),
    ]
    for sx in (-1, 1):  # diagonal braces from the trunk out under the platform
        trunk.append((rod((0, 0, 1.5), (sx * 1.0, 0.8, deck - t), 0.1, 8), "planks"))
        trunk.append((rod((0, 0, 1.5), (sx * 1.0, -0.8, deck - t), 0.1, 8), "planks"))
    for k in range(12):  # the deck's boards
        trunk.append((block((plat, 0.008, 0.004), (0, -plat / 2 + 0.2 * (k + 1), deck + 0.002)), "joints"))
    trunk += [
        (block((hw, 0.06, hh), (0, hy - hd / 2 + 0.03, deck + hh / 2)), "walls"),  # back wall
        (block((0.7, 0.06, hh), (-hw / 2 + 0.35, hy + hd / 2 - 0.03, deck + hh / 2)), "walls"),  # front, left of door
        (block((0.6, 0.06, hh), (hw / 2 - 0.3, hy + hd / 2 - 0.03, deck + hh / 2)), "walls"),  # right of the door
        (block((0.7, 0.06, 0.3), (-0.05, hy + hd / 2 - 0.03, deck + hh - 0.15)), "walls"),  # over the door
        (block((0.36, 0.07, 0.32), (0.7, hy + hd / 2 - 0.03, deck + 0.95)), "window"),
        (block((0.06, 0.07, 0.32), (0.7, hy + hd / 2 - 0.02, deck + 0.95)), "trim"),
    ]
    for sx in (-1, 1):
        trunk.append((block((0.06, hd, hh), (sx * (hw / 2 - 0.03), hy, deck + hh / 2)), "walls"))
        # the gable roof along X: two sloping slabs meeting over the middle
        trunk.append((block((hw + 0.3, 1.12, 0.06), (0, hy + sx * 0.457, deck + hh + 0.24), (0, -sx * 35, 0)),
                      "roof"))
        trunk.append((faceted([[(sx * hw / 2, hy - hd / 2, deck + hh), (sx * hw / 2, hy + hd / 2, deck + hh),
                                (sx * hw / 2, hy, deck + hh + 0.52)][::sx]]), "walls"))  # the gable ends
    for x in np.arange(-hw / 2 + 0.15, hw / 2, 0.2):  # the planks' seams on the front and back walls
        for sy in (-1, 1):
            trunk.append((block((0.008, 0.004, hh), (float(x), hy + sy * (hd / 2 + 0.002), deck + hh / 2)), "joints"))
    py = plat / 2 - 0.04  # the porch's railing at the front edge, a gap for the ladder in its middle
    for sx in (-1, 1):
        trunk.append((block((0.9, 0.05, 0.05), (sx * 0.85, py, deck + 0.8)), "trim"))
        for x in (0.4, 0.85, 1.28):
            trunk.append((block((0.05, 0.05, 0.8), (sx * x, py, deck + 0.4)), "trim"))
        trunk.append((block((0.05, plat - hd - 0.1, 0.05), (sx * 1.28, (py + hy + hd / 2) / 2, deck + 0.8)), "trim"))
    ly0, ly1 = plat / 2 + 0.9, plat / 2  # the ladder: from the ground in front up to the porch's edge
    for sx in (-1, 1):
        trunk.append((rod((sx * 0.22, ly0, 0.02), (sx * 0.22, ly1, deck + 0.6), 0.06, 8), "ladder"))
    for k in range(8):
        f = (k + 1) / 9
        y, z = ly0 + (ly1 - ly0) * f, (deck + 0.6) * f
        if z < deck:
            trunk.append((rod((-0.22, y, z), (0.22, y, z), 0.04, 6), "ladder"))
    crown_at = 5.0
    crown = [(placed(sphere(dia, 20, 10), at=at), "body") for at, dia in (
        ((0.0, 0.0, 4.6), 3.4), ((1.2, 0.4, 4.7), 2.2), ((-1.2, -0.3, 4.8), 2.2), ((0.2, -0.9, 5.2), 2.0),
        ((0.0, 0.3, 5.8), 1.8))]
    return _tree(trunk, crown_at, crown, {"body": paint("3f7d3a", "matte"), "trunk": paint("5b3a24", "wood"),
                                          "planks": paint("a0703c", "wood"), "walls": paint("b8844a", "wood"),
                                          "roof": paint("a8322a", "matte"), "trim": paint("e8dcc0", "wood"),
                                          "window": paint("4a6272", "glass"), "ladder": paint("8a5a30", "wood"),
                                          "joints": paint("5a3a20", "matte")})
def _ring(outer: float, inner: float, z0: float, z1: float, n: int = 24) -> Mesh:
    """A round wall ``outer``/``inner`` metres across from ``z0`` to ``z1`` (a well's shaft), flat-shaded."""
    ro, ri = outer / 2, inner / 2
    polys = []
    for k in range(n):
        a0, a1 = 2 * np.pi * k / n, 2 * np.pi * (k + 1) / n
        c0, s0, c1, s1 = np.cos(a0), np.sin(a0), np.cos(a1), np.sin(a1)
        polys.append([(ro * c0, ro * s0, z0), (ro * c1, ro * s1, z0), (ro * c1, ro * s1, z1), (ro * c0, ro * s0, z1)])
        polys.append([(ri * c1, ri * s1, z0), (ri * c0, ri * s0, z0), (ri * c0, ri * s0, z1), (ri * c1, ri * s1, z1)])
        polys.append([(ri * c0, ri * s0, z1), (ro * c0, ro * s0, z1), (ro * c1, ro * s1, z1), (ri * c1, ri * s1, z1)])
    return faceted(polys)


def barbecue() -> Model:
    """A charcoal barbecue on a trolley, front at +Y: a black firebox 80 x 45 cm with glowing coals under a chrome
    grill 84 cm up, its hood tipped open upright behind, wooden side shelves, a lower shelf, two wheels at -X."""
    grill, box_w, box_d = 0.835, 0.8, 0.45
    parts: Parts = [
        (block((box_w, box_d, 0.02), (0, 0, 0.62)), "body"),  # the firebox's floor
        (block((box_w, 0.02, 0.2), (0, box_d / 2 - 0.01, 0.72)), "body"),
        (block((box_w, 0.02, 0.2), (0, -box_d / 2 + 0.01, 0.72)), "body"),
        (block((0.02, box_d, 0.2), (box_w / 2 - 0.01, 0, 0.72)), "body"),
        (block((0.02, box_d, 0.2), (-box_w / 2 + 0.01, 0, 0.72)), "body"),
        # the hood, open: tipped back upright behind the firebox, its handle facing back
        (block((box_w, 0.05, 0.42), (0, -box_d / 2 - 0.02, 0.82 + 0.21)), "body"),
        (block((box_w - 0.04, 0.14, 0.04), (0, -box_d / 2 + 0.03, 1.22)), "body"),  # its lip over the box
        (rod((-0.25, -box_d / 2 - 0.09, 1.0), (0.25, -box_d / 2 - 0.09, 1.0), 0.025, 8), "trim"),
        (placed(centred(cylinder(0.07, 0.01, 16)), hpr=(0, 90, 0), at=(0, -box_d / 2 - 0.05, 1.12)), "trim"),
        (block((box_w + 0.64, 0.42, 0.02), (0, 0, 0.2)), "shelf"),  # the lower shelf
        (rod((-0.3, box_d / 2 + 0.04, 0.78), (0.3, box_d / 2 + 0.04, 0.78), 0.022, 8), "trim"),  # a front rail
    ]
    for x in np.arange(-0.36, 0.37, 0.04):  # the grill's bars along Y (one through the middle)
        parts.append((rod((float(x), -box_d / 2 + 0.03, grill - 0.005), (float(x), box_d / 2 - 0.03, grill - 0.005),
                          0.01, 6), "grill"))
    for y in (-0.19, 0.19):
        parts.append((rod((-0.38, y, grill - 0.012), (0.38, y, grill - 0.012), 0.012, 6), "grill"))
    rng = np.random.default_rng(5)
    for _ in range(40):  # the coals
        x, y = float(rng.uniform(-0.34, 0.34)), float(rng.uniform(-0.17, 0.17))
        slot = "coals" if rng.random() < 0.6 else "embers"
        parts.append((placed(sphere(float(rng.uniform(0.04, 0.06)), 8, 4), at=(x, y, 0.625)), slot))
    for sx in (-1, 1):
        for sy in (-1, 1):
            parts.append((rod((sx * 0.36, sy * 0.2, 0.0 if sx > 0 else 0.1), (sx * 0.36, sy * 0.2, 0.62), 0.035, 8),
                          "body"))
        for k in range(3):  # a side shelf's slats
            parts.append((block((0.3, 0.095, 0.02), (sx * (box_w / 2 + 0.16), -0.1 + 0.1 * k, 0.79)), "shelf"))
        parts.append((rod((sx * 0.4, -0.2, 0.78), (sx * 0.7, -0.2, 0.78), 0.02, 6), "body"))
        parts.append((rod((sx * 0.4, 0.2, 0.78), (sx * 0.7, 0.2, 0.78), 0.02, 6), "body"))
        parts.append((placed(centred(cylinder(0.2, 0.05, 16)), hpr=(0, 0, 90), at=(-0.41, sx * 0.2, 0.1)), "tyres"))
        parts.append((rod((0.36, sx * 0.2, 0.0), (0.36, sx * 0.2, 0.03), 0.06, 8), "tyres"))  # a foot
    return prop_model(parts, {"body": paint("1e1e20", "metal"), "grill": paint("c8ccd0", "chrome"),
                              "shelf": paint("8a6038", "wood"), "coals": paint("2a2624", "matte"),
                              "embers": paint("ff5a1a", "emissive"), "trim": paint("b8bcc2", "chrome"),
                              "tyres": paint("1c1c1c", "rubber")}, "body")


def deck_chair() -> Model:
    """A folding wooden deck chair facing +Y, 60 cm wide: a striped canvas sling hung between a front rail 45 cm up
    and a top rail 95 cm up behind, sagging to a level seat 30 cm up (sit in it)."""
    half = 0.3
    prof = [(0.3, 0.45), (0.2, 0.34), (0.1, 0.3), (-0.08, 0.3), (-0.18, 0.38), (-0.3, 0.6), (-0.42, 0.9)]
    strips = 8
    xs = np.linspace(-half + 0.03, half - 0.03, strips + 1)
    parts: Parts = []
    for j in range(strips):
        x0, x1 = float(xs[j]), float(xs[j + 1])
        quads = []
        for (y0, z0), (y1, z1) in itertools.pairwise(prof):
            quads.append([(x0, y0, z0), (x1, y0, z0), (x1, y1, z1), (x0, y1, z1)])
            quads.append([(x0, y1, z1 - 0.01), (x1, y1, z1 - 0.01), (x1, y0, z0 - 0.01), (x0, y0, z0 - 0.01)])
        parts.append((faceted(quads), "body" if j % 2 == 0 else "stripes"))
    for sx in (-1, 1):
        x = sx * (half - 0.015)
        parts.append((rod((x, 0.36, 0.015), (x, -0.46, 0.95), 0.035, 6), "frame"))  # the long frame: front foot to top
        parts.append((rod((sx * (half - 0.05), -0.5, 0.015), (sx * (half - 0.05), 0.31, 0.46), 0.035, 6), "frame"))
        parts.append((rod((sx * (half - 0.08), -0.3, 0.015), (sx * (half - 0.08), -0.1, 0.52), 0.03, 6), "frame"))
    parts.append((rod((-half, 0.3, 0.46), (half, 0.3, 0.46), 0.035, 8), "frame"))  # the front rail
    parts.append((rod((-half, -0.43, 0.91), (half, -0.43, 0.91), 0.035, 8), "frame"))  # the top rail
    parts.append((rod((-half + 0.06, -0.5, 0.03), (half - 0.06, -0.5, 0.03), 0.03, 6), "frame"))
    return prop_model(parts, {"body": paint("f4f0e4", "fabric"), "stripes": paint("2a6ad0", "fabric"),
                              "frame": paint("b08a58", "wood")}, "body")


def picnic_table() -> Model:
    """A wooden picnic table 1.8 m long along X with its benches fixed to it: a plank top 75 cm up and 70 cm wide,
    a bench 45 cm up each side (+Y and -Y), on an A-frame of splayed legs at each end."""
    length, top_z, seat_z = 1.8, 0.75, 0.45
    parts: Parts = []
    for k in range(5):  # the top's planks, one along the middle
        parts.append((block((length, 0.13, 0.04), (0, (k - 2) * 0.14, top_z - 0.02)), "body"))
    for sy in (-1, 1):
        for k in (0, 1):
            parts.append((block((length, 0.12, 0.04), (0, sy * (0.53 + 0.13 * k), seat_z - 0.02)), "body"))
    for x in (-0.7, 0.7):
        parts.append((block((0.06, 0.7, 0.05), (x, 0, top_z - 0.065)), "frame"))  # the cleat under the top
        parts.append((block((0.06, 1.42, 0.06), (x, 0, seat_z - 0.07)), "frame"))  # the bench bearer
        for sy in (-1, 1):
            parts.append((rod((x, sy * 0.72, 0.03), (x, sy * 0.12, top_z - 0.09), 0.07, 4), "frame"))
    parts.append((block((1.4, 0.06, 0.06), (0, 0, 0.28)), "frame"))  # the stretcher
    return prop_model(parts, {"body": paint("a87a4a", "wood"), "frame": paint("8a6038", "wood")}, "body")


def _plank(a: Vec, b: Vec, width: float, thick: float) -> Mesh:
    """A flat board ``width`` wide and ``thick`` thick from ``a`` to ``b`` (its width level: a ramp, a brace)."""
    d = np.subtract(b, a, dtype=np.float64)
    length = float(np.linalg.norm(d))
    h = float(np.degrees(np.arctan2(-d[0], d[1])))
    p = float(np.degrees(np.arctan2(d[2], np.hypot(d[0], d[1]))))
    mid = tuple(float(v) for v in (np.asarray(a) + np.asarray(b)) / 2)
    return placed(centred(box((width, length, thick))), hpr=(h, p, 0.0), at=mid)


def hen_house() -> Model:
    """A wooden hen house (a chicken coop) on legs, front at +Y: a weatherboarded house 1.2 x 0.9 m raised 50 cm,
    under a red felt gable roof to 1.6 m, a pop-hole with a ramp down to the ground in front, a nesting box on
    its -X side with a lid."""
    w, d, floor, eaves = 1.2, 0.9, 0.5, 1.2
    parts: Parts = [
        (block((w, d, eaves - floor), (0, 0, (floor + eaves) / 2)), "body"),
        (placed(prism(d + 0.02, w, 0.36), hpr=(90, 0, 0), at=(0, 0, eaves)), "body"),  # the gables
        (block((0.3, 0.7, 0.35), (-w / 2 - 0.15, 0, 0.8)), "body"),  # the nesting box
        (block((0.36, 0.76, 0.03), (-w / 2 - 0.17, 0, 0.99), (0, 0, -10)), "roof"),  # its lid
        (block((0.28, 0.02, 0.32), (0.25, d / 2 + 0.005, 0.66)), "hole"),  # the pop-hole
        (block((0.34, 0.02, 0.4), (-0.22, d / 2 + 0.005, 0.92)), "frame"),  # a vent hatch
        (block((0.28, 0.01, 0.32), (-0.22, d / 2 + 0.016, 0.92)), "hole"),
    ]
    foot, lip = np.array([0.25, d / 2 + 0.62, 0.012]), np.array([0.25, d / 2 + 0.02, floor + 0.01])
    parts.append((_plank(tuple(foot), tuple(lip), 0.24, 0.025), "frame"))  # the ramp up to the pop-hole
    for k in range(1, 6):  # its battens
        p = foot + (lip - foot) * k / 6.5 + np.array([0, 0, 0.02])
        parts.append((block((0.24, 0.025, 0.02), tuple(float(v) for v in p)), "frame"))
    for z in np.arange(floor + 0.1, eaves, 0.1):  # the weatherboards' lines
        for sy in (-1, 1):
            parts.append((block((w + 0.004, 0.008, 0.012), (0, sy * (d / 2 + 0.002), float(z))), "frame"))
    for sx in (-1, 1):  # the roof's two slopes, overhanging
        slope = np.hypot(d / 2 + 0.1, 0.4)
        ang = float(np.degrees(np.arctan2(0.4, d / 2 + 0.1)))
        parts.append((block((w + 0.16, slope, 0.03), (0, sx * (d / 4 + 0.03), eaves + 0.2), (0, -sx * ang, 0)),
                      "roof"))
        for sy in (-1, 1):
            parts.append((block((0.07, 0.07, floor), (sx * (w / 2 - 0.05), sy * (d / 2 - 0.05), floor / 2)), "frame"))
    return prop_model(parts, {"body": paint("c49a62", "wood"), "roof": paint("9a2a22", "matte"),
                              "frame": paint("7a5230", "wood"), "hole": paint("1a1410", "matte")}, "body")


def kennel() -> Model:
    """A wooden dog kennel (a doghouse) 0.9 m wide, 1.1 m deep and 0.95 m tall, door at +Y: walls round a floor
    5 cm up, an arched doorway, a red gable roof overhanging (a dog lies in it or beside it)."""
    w, d, eaves, t = 0.9, 1.1, 0.62, 0.03
    door_w, door_h = 0.4, 0.3  # the doorway's width and the height its round top starts at
    parts: Parts = [
        (block((w - 2 * t, d - 2 * t, 0.05), (0, 0, 0.025)), "floor"),
        (block((w, t, eaves), (0, -(d - t) / 2, eaves / 2)), "body"),
        (placed(prism(w, t, 0.3), at=(0, -(d - t) / 2, eaves)), "body"),  # the back gable
        (placed(prism(w, t, 0.3), at=(0, (d - t) / 2, eaves)), "body"),  # the front gable
        (block((door_w, t, eaves - door_h - door_w / 2), (0, (d - t) / 2, (eaves + door_h + door_w / 2) / 2)), "body"),
        (block((w + 0.02, 0.04, 0.04), (0, d / 2 + 0.01, 0.02)), "trim"),
    ]
    side = (w - door_w) / 2
    for sx in (-1, 1):
        parts.append((block((t, d - 2 * t, eaves), (sx * (w - t) / 2, 0, eaves / 2)), "body"))
        parts.append((block((side, t, eaves), (sx * (w - side) / 2, (d - t) / 2, eaves / 2)), "body"))
        slope = np.hypot(w / 2 + 0.08, 0.33)
        ang = float(np.degrees(np.arctan2(0.33, w / 2 + 0.08)))
        parts.append((block((slope, d + 0.16, 0.03), (sx * (w / 4 + 0.035), 0, eaves + 0.16), (0, 0, sx * ang)),
                      "roof"))
        r = door_w / 2
        for k in range(8):  # the arch's shoulders: strips of wall filling the corners over the door's sides
            x = (k + 0.5) * r / 8
            z = door_h + float(np.sqrt(r * r - x * x))
            parts.append((block((r / 8 + 0.002, t, door_h + r - z + 0.004),
                                (sx * x, (d - t) / 2, (z + door_h + r) / 2)), "body"))
    for x in (-0.36, -0.28, 0.28, 0.36):  # the boards' joints
        parts.append((block((0.008, 0.004, eaves), (x, d / 2 + 0.002, eaves / 2)), "trim"))
    arch = [(door_w / 2 * np.cos(a), door_h + door_w / 2 * np.sin(a)) for a in np.linspace(0, np.pi, 9)]
    for (x0, z0), (x1, z1) in itertools.pairwise(arch):  # the doorway's trim: round its arch and down its sides
        parts.append((rod((x0, d / 2 + 0.01, z0), (x1, d / 2 + 0.01, z1), 0.035, 6), "trim"))
    for sx in (-1, 1):
        parts.append((rod((sx * door_w / 2, d / 2 + 0.01, 0.05), (sx * door_w / 2, d / 2 + 0.01, door_h), 0.035, 6),
                      "trim"))
        parts.append((block((0.004, d - 2 * t - 0.02, eaves - 0.05), (sx * (w / 2 - t - 0.002), 0,
                                                                      0.05 + (eaves - 0.05) / 2)), "inside"))
    parts.append((block((w - 2 * t, 0.004, eaves - 0.05), (0, -(d / 2 - t - 0.002), 0.05 + (eaves - 0.05) / 2)),
                  "inside"))  # the dark inside, seen through the door
    return prop_model(parts, {"body": paint("d8b07a", "wood"), "roof": paint("b0302a", "matte"),
                              "floor": paint("5a4630", "wood"), "trim": paint("f4f0e4", "matte"),
                              "inside": paint("2a2018", "matte")}, "body")


def birdhouse() -> Model:
    """A wooden bird box on a post 1.5 m tall, front at +Y: a box 20 x 18 x 24 cm with a round entrance hole and a
    perch peg, a green gable roof with a flat ridge board (a bird perches on it)."""
    post, box_z, box_h = 1.5, 1.5, 0.24
    parts: Parts = [
        (block((0.06, 0.06, post), (0, 0, post / 2)), "post"),
        (block((0.2, 0.18, box_h), (0, 0, box_z + box_h / 2)), "body"),
        (placed(prism(0.2, 0.18, 0.1), at=(0, 0, box_z + box_h)), "body"),
        (placed(centred(cylinder(0.05, 0.006, 16)), hpr=(0, 90, 0), at=(0, 0.092, box_z + 0.16)), "hole"),
        (rod((0, 0.09, box_z + 0.1), (0, 0.15, box_z + 0.1), 0.012, 6), "post"),  # the perch
        (block((0.22, 0.2, 0.02), (0, 0, box_z - 0.01)), "post"),  # its floor board
        (block((0.04, 0.26, 0.02), (0, 0, box_z + box_h + 0.105)), "roof"),  # the ridge board
    ]
    for sx in (-1, 1):
        slope = float(np.hypot(0.11, 0.1))
        ang = float(np.degrees(np.arctan2(0.1, 0.11)))
        parts.append((block((slope + 0.02, 0.26, 0.015), (sx * 0.055, 0, box_z + box_h + 0.055), (0, 0, sx * ang)),
                      "roof"))
    return prop_model(parts, {"body": paint("c89a5e", "wood"), "roof": paint("3a7a44", "matte"),
                              "post": paint("7a5230", "wood"), "hole": paint("120e0a", "matte")}, "body")


def pine_cone() -> Model:
    """A pine cone 9 cm tall and 5.5 cm across standing on its base: overlapping woody scales in a spiral round a
    tapering core, pale tips."""
    parts: Parts = [(ellipsoid((0.03, 0.03, 0.085), 12, 8), "body")]
    n = 44
    for k in range(n):
        t = k / (n - 1)
        z = 0.008 + 0.075 * t
        r = 0.024 * np.sin(np.pi * (0.12 + 0.8 * t)) + 0.004
        a = k * 2.39996  # the golden angle: the scales' spiral
        x, y = r * np.cos(a), r * np.sin(a)
        scale = placed(ellipsoid((0.02, 0.012, 0.006), 8, 4), hpr=(float(np.degrees(a)) + 90, 0, 0))
        parts.append((placed(scale, hpr=(0, 0, 0), at=(float(x), float(y), float(z))), "scales"))
        parts.append((placed(ellipsoid((0.008, 0.006, 0.004), 6, 3),
                             at=(float(x * 1.35), float(y * 1.35), float(z) + 0.002)), "tips"))
    return prop_model(parts, {"body": paint("5a3a22", "wood"), "scales": paint("7a5232", "wood"),
                              "tips": paint("b08a5a", "matte")}, "scales")


def lawn_mower() -> Model:
    """A petrol lawn mower pushed from behind, front at +Y: a red deck 50 cm wide on four wheels, the engine on top,
    a grass box at the back, a handle rising to 1 m at -Y with its bar across (grip it with both hands)."""
    deck_z = 0.12
    parts: Parts = [
        (block((0.5, 0.55, 0.16), (0, 0.1, deck_z + 0.08)), "body"),
        (placed(cylinder(0.26, 0.14, 20), at=(0, 0.12, deck_z + 0.16)), "engine"),
        (placed(cylinder(0.16, 0.06, 16), at=(0, 0.12, deck_z + 0.3)), "engine"),
        (placed(centred(cylinder(0.06, 0.08, 12)), hpr=(0, 0, 90), at=(0.12, 0.22, deck_z + 0.24)), "trim"),
        (block((0.42, 0.38, 0.28), (0, -0.35, deck_z + 0.17)), "box"),  # the grass box
        (block((0.44, 0.4, 0.02), (0, -0.35, deck_z + 0.32)), "box"),
        (rod((-0.21, -0.55, 0.98), (0.21, -0.55, 0.98), 0.025, 8), "grip"),  # the handle's bar
        (rod((-0.2, -0.53, 0.93), (0.2, -0.53, 0.93), 0.015, 6), "trim"),  # the brake bar
    ]
    for sx in (-1, 1):
        parts.append((rod((sx * 0.21, -0.1, deck_z + 0.14), (sx * 0.21, -0.55, 0.98), 0.025, 8), "trim"))
        for y in (-0.13, 0.3):
            parts.append((placed(centred(cylinder(0.2, 0.05, 18)), hpr=(0, 0, 90), at=(sx * 0.27, y, 0.1)), "tyres"))
            parts.append((placed(centred(cylinder(0.1, 0.054, 12)), hpr=(0, 0, 90), at=(sx * 0.27, y, 0.1)), "trim"))
    return prop_model(parts, {"body": paint("c62828", "glossy"), "engine": paint("2a2a2c", "metal"),
                              "box": paint("2a2a2c", "plastic"), "grip": paint("1c1c1c", "rubber"),
                              "trim": paint("b8bcc2", "metal"), "tyres": paint("1c1c1c", "rubber")}, "body")


def lifeguard_tower() -> Model:
    """A beach lifeguard tower facing the sea at +Y: a pale blue hut 2 x 1.4 m with a window band and an overhanging
    roof on a deck 1.8 m up on four stilts, a railed front deck (the lifeguard stands on it) and a ladder down to the
    sand, a red rescue ring on the hut's front."""
    deck, w, d = 1.8, 2.4, 2.6
    hut_d, hut_h = 1.4, 1.7
    hut_y = -d / 2 + hut_d / 2 + 0.1
    parts: Parts = [
        (block((w, d, 0.1), (0, 0, deck - 0.05)), "deck"),
        (block((2.0, hut_d, hut_h), (0, hut_y, deck + hut_h / 2)), "body"),
        (block((2.02, 0.04, 0.5), (0, hut_y + hut_d / 2 + 0.001, deck + 1.1)), "glass"),
        (block((0.04, hut_d * 0.7, 0.5), (1.0, hut_y, deck + 1.1)), "glass"),
        (block((0.04, hut_d * 0.7, 0.5), (-1.0, hut_y, deck + 1.1)), "glass"),
        (block((2.5, hut_d + 0.7, 0.1), (0, hut_y + 0.2, deck + hut_h + 0.05)), "roof"),
        (placed(centred(torus(0.5, 0.1, 20, 8)), hpr=(0, 90, 0), at=(0.6, hut_y + hut_d / 2 + 0.05, deck + 0.5)),
         "ring"),
        (block((0.7, 0.03, 0.2), (-0.5, hut_y + hut_d / 2 + 0.02, deck + 0.55)), "ring"),  # a red sign
    ]
    for sx in (-1, 1):
        for sy in (-1, 1):
            x, y = sx * (w / 2 - 0.1), sy * (d / 2 - 0.1)
            parts.append((block((0.14, 0.14, deck - 0.1), (x, y, (deck - 0.1) / 2)), "stilts"))
            parts.append((rod((x, y, 0.2), (-x * 0.1 + x * 0.9, -y, deck - 0.15), 0.05, 6), "stilts"))
        parts.append((rod((sx * (w / 2 - 0.05), -0.1, deck + 1.0), (sx * (w / 2 - 0.05), d / 2 - 0.05, deck + 1.0),
                          0.05, 8), "rail"))  # a side rail
        for y in (-0.1, 0.55, d / 2 - 0.05):
            parts.append((rod((sx * (w / 2 - 0.05), y, deck), (sx * (w / 2 - 0.05), y, deck + 1.0), 0.05, 8), "rail"))
        parts.append((rod((sx * 0.3, d / 2 + 0.9, 0.025), (sx * 0.3, d / 2, deck), 0.06, 8), "rail"))  # the ladder
    parts.append((rod((-w / 2 + 0.05, d / 2 - 0.05, deck + 1.0), (-0.3, d / 2 - 0.05, deck + 1.0), 0.05, 8), "rail"))
    parts.append((rod((0.3, d / 2 - 0.05, deck + 1.0), (w / 2 - 0.05, d / 2 - 0.05, deck + 1.0), 0.05, 8), "rail"))
    for k in range(1, 6):
        t = k / 6
        parts.append((rod((-0.3, d / 2 + 0.9 * (1 - t), deck * t), (0.3, d / 2 + 0.9 * (1 - t), deck * t), 0.045, 6),
                      "rail"))
    return prop_model(parts, {"body": paint("7ec4e0", "wood"), "deck": paint("c8b08a", "wood"),
                              "glass": paint("3a5060", "glass"), "roof": paint("f4f4f0", "matte"),
                              "stilts": paint("e8e4d8", "wood"), "rail": paint("f4f4f0", "wood"),
                              "ring": paint("e02a1e", "plastic")}, "body")


def gravestone() -> Model:
    """A grey stone headstone 60 cm wide and 95 cm tall with a rounded top, facing +Y: a cross and lines of lettering
    cut into its face, on a plinth, a grassy grave mound in front, moss at its foot."""
    w, t, h = 0.6, 0.12, 0.75  # the slab's width, thickness and height to its shoulders
    parts: Parts = [
        (block((0.72, 0.3, 0.1), (0, 0, 0.05)), "body"),
        (block((w, t, h - 0.1), (0, 0, 0.1 + (h - 0.1) / 2)), "body"),
        (placed(centred(cylinder(w, t, 32)), hpr=(0, 90, 0), at=(0, 0, h)), "body"),
        (block((0.04, 0.01, 0.2), (0, t / 2 + 0.002, 0.78)), "cut"),  # the cross
        (block((0.14, 0.01, 0.04), (0, t / 2 + 0.002, 0.82)), "cut"),
        (placed(ellipsoid((0.8, 1.7, 0.12), 20, 8), at=(0, 1.0, 0.0)), "grass"),  # the mound
        (placed(ellipsoid((0.5, 0.22, 0.08), 12, 5), at=(0.15, 0.13, 0.0)), "moss"),
    ]
    for k, z in enumerate((0.58, 0.5, 0.42, 0.3)):
        parts.append((block((0.36 - 0.08 * (k % 2), 0.01, 0.025), (0, t / 2 + 0.002, z)), "cut"))
    return prop_model(parts, {"body": paint("9a9a96", "stone"), "cut": paint("4a4a48", "matte"),
                              "grass": paint("4a7a34", "grass"), "moss": paint("5a7a3a", "matte")}, "body")


def wishing_well() -> Model:
    """A wishing well 1.2 m across: a round wall of grey stone 75 cm high round dark water 55 cm down, two wooden
    posts carrying a red gable roof 2.2 m up, a winding drum with a crank and a rope, a wooden bucket on the rim."""
    wall_h, roof_z = 0.75, 1.85
    parts: Parts = [
        (_ring(1.2, 0.9, 0.0, wall_h, 24), "body"),
        (_ring(1.26, 0.88, wall_h, wall_h + 0.06, 24), "coping"),
        (placed(cylinder(0.9, 0.02, 24), at=(0, 0, 0.2)), "water"),
        (placed(centred(cylinder(0.14, 1.1, 12)), hpr=(0, 0, 90), at=(0, 0, 1.45)), "wood"),  # the drum
        (rod((0.55, 0, 1.45), (0.72, 0, 1.45), 0.03, 6), "wood"),
        (rod((0.72, 0, 1.45), (0.72, 0, 1.3), 0.03, 6), "wood"),  # the crank
        (rod((0.72, 0, 1.3), (0.82, 0, 1.3), 0.03, 6), "wood"),
        (rod((0, 0.07, 1.45), (0.3, 0.5, wall_h + 0.28), 0.015, 4), "rope"),
        (placed(frustum(0.2, 0.24, 0.22, 12), at=(0.3, 0.5, wall_h + 0.06)), "wood"),  # the bucket on the rim
        (placed(centred(torus(0.245, 0.012, 12, 4)), at=(0.3, 0.5, wall_h + 0.24)), "rope"),
    ]
    for k in range(24):  # the stones' joints on the wall
        a = 2 * np.pi * (k + 0.5 * (k % 2)) / 24
        for z in (0.25, 0.5):
            parts.append((block((0.012, 0.015, 0.25), (0.605 * np.cos(a), 0.605 * np.sin(a), z - 0.125),
                                (float(np.degrees(a)), 0, 0)), "joints"))
    for z in (0.25, 0.5):
        parts.append((_ring(1.215, 1.19, z - 0.006, z + 0.006, 24), "joints"))
    for sx in (-1, 1):
        parts.append((block((0.1, 0.1, roof_z + 0.1 - wall_h), (sx * 0.58, 0, (roof_z + 0.1 + wall_h) / 2)), "wood"))
        parts.append((block((0.12, 0.12, 0.3), (sx * 0.58, 0, wall_h - 0.15 + 0.06)), "wood"))
        slope = float(np.hypot(0.62, 0.4))
        ang = float(np.degrees(np.arctan2(0.4, 0.62)))
        parts.append((block((1.5, slope + 0.05, 0.04), (0, sx * 0.31, roof_z + 0.2), (0, -sx * ang, 0)), "roof"))
    parts.append((block((1.3, 0.1, 0.08), (0, 0, roof_z + 0.04)), "wood"))  # the beam across the posts
    return prop_model(parts, {"body": paint("8a8680", "stone"), "coping": paint("a8a49c", "stone"),
                              "water": paint("1a2a30", "water"), "wood": paint("7a5230", "wood"),
                              "rope": paint("c8b48a", "fabric"), "roof": paint("9a2a22", "matte"),
                              "joints": paint("5a5650", "matte")}, "body")


def buoy() -> Model:
    """A red harbour buoy 2 m tall: a round float 1 m across with a white band, a lattice tower on it carrying a cone
    top mark and a light (it floats)."""
    parts: Parts = [
        (placed(ellipsoid((1.0, 1.0, 0.5), 24, 10), at=(0, 0, 0.0)), "body"),
        (placed(cylinder(1.0, 0.4, 24), at=(0, 0, 0.25)), "body"),
        (placed(cylinder(1.01, 0.12, 24), at=(0, 0, 0.45)), "band"),
        (placed(cylinder(0.8, 0.06, 24), at=(0, 0, 0.65)), "body"),
        (placed(cylinder(0.5, 0.05, 16), at=(0, 0, 1.6)), "body"),
        (placed(cone(0.36, 0.28, 16), at=(0, 0, 1.65)), "body"),  # the top mark
        (placed(cylinder(0.12, 0.14, 12), at=(0, 0, 1.93)), "light"),
    ]
    for k in range(4):
        a = np.pi / 4 + k * np.pi / 2
        parts.append((rod((0.32 * np.cos(a), 0.32 * np.sin(a), 0.7), (0.2 * np.cos(a), 0.2 * np.sin(a), 1.62), 0.05,
                          6), "body"))
        b = a + np.pi / 2
        parts.append((rod((0.3 * np.cos(a), 0.3 * np.sin(a), 0.95), (0.28 * np.cos(b), 0.28 * np.sin(b), 1.3), 0.03,
                          4), "band"))
    return prop_model(parts, {"body": paint("d22a22", "glossy"), "band": paint("f4f4f0", "glossy"),
                              "light": paint("fff2c0", "emissive")}, "body")


ASSETS: tuple[AssetSpec, ...] = (
    _o("tree", (2.1, 1.8, 4.9), "a broadleaf tree about 5 m tall", tree, _SHADE),
    _o("pine", (2.6, 2.6, 6.0), "a conifer 6 m tall", pine, AssetTraits(room_under=(2.4, 2.4, 0.9), trunk=0.16)),
    _o("palm", (4.16, 4.16, 5.8), "a palm tree with coconuts", palm,
       AssetTraits(room_under=(4.0, 4.0, 4.5), trunk=0.3)),
    _o("birch", (1.95, 1.62, 5.2), "a white-barked birch", birch),
    _o("autumn_tree", (2.28, 1.91, 5.1), "a tree with orange and red autumn leaves", autumn_tree, _SHADE),
    _o("bush", (1.28, 1.0, 0.9), "a round shrub", assets.bush),
    _o("flowers", (0.6, 0.6, 0.5), "a clump of red, yellow and violet flowers", flowers),
    _o("hedge", (3.3, 0.82, 1.2), "a clipped hedge 3 m long, along X", hedge, AssetTraits(physics_shape="box")),
    _o("rock", (1.05, 1.03, 0.69), "a lumpy boulder", assets.boulder,
       # a stone (scaled down) is picked up and thrown by its top; a boulder is a seat on a walk by the lake
       AssetTraits(grip=(0.0, 0.0, 0.6), seat=Surface(0.66, (0.4, 0.35)), supports=top(0.66, (0.4, 0.35)))),
    _o("fence", (2.0, 0.1, 0.94), "a 2 m section of picket fence along X with a top rail", assets.fence,
       AssetTraits(supports=top(0.94, (2.0, 0.1), (0.0, 0.02)))),
    _o("hills", (60.0, 30.0, 6.8), "rolling green hills 60 m wide (backdrop)", hills, AssetTraits(walkable=True)),
    _o("mountains", (200.0, 80.0, 60.0), "a snowy mountain range 200 m wide (backdrop)", mountains),
    _o(
        "lake",
        (20.0, 14.0, 0.1),
        "a lake 20 x 14 m (water: things float on it)",
        lake,
        AssetTraits(water=Surface(0.1, (19.0, 13.0)), physics_shape="box"),
    ),
    _o(
        "sea",
        (120, 60, 0.12),
        "the sea, 120 x 60 m of water (things float on it)",
        sea,
        AssetTraits(water=Surface(0.1, (120.0, 58.0), (0.0, 1.0)), physics_shape="box"),
    ),
    _o("beach", (30, 12, 2.22), "a flat sandy beach 30 x 12 m with a towel and a parasol at one end", beach,
       AssetTraits(walkable=True, place=Surface(0.02, (22.0, 10.0), (-2.0, -0.5)))),
    _o("snowman", (0.8, 0.8, 1.67), "a snowman with a hat, scarf and carrot nose", snowman),
    _o("tent", (1.81, 2.76, 1.3), "an orange ridge tent, door at +Y", tent),
    _o("campfire", (1.1, 1.1, 0.83), "a campfire in a ring of stones", campfire),
    _o(
        "picnic_blanket",
        (1.8, 1.5, 0.01),
        "a chequered picnic blanket",
        picnic_blanket,
        AssetTraits(supports=top(0.009, (1.8, 1.5)), walkable=True, physics_shape="box"),
    ),
    _o("hay", (0.92, 0.47, 0.42), "a square hay bale (sit on it, stack it)", hay,
       AssetTraits(seat=Surface(0.41, (0.8, 0.4)), supports=top(0.41, (0.8, 0.4)), grip=(0.0, 0.0, 0.41),
                   physics_shape="box")),
    _o("leaf", (0.052, 0.1, 0.003), "a fallen green leaf 8 cm long (light: it falls slowly, lies flat)", leaf,
       # a ladybird or a snail crawls on it
       AssetTraits(supports=top(0.003, (0.04, 0.09)), grip=(0.0, 0.0, 0.0015), hold="hand", physics_shape="box")),
    _o("sandcastle", (0.4, 0.4, 0.3), "a sandcastle 40 cm across with four towers and a flag", sandcastle),
    _o("parasol", (2.02, 2.02, 2.34), "a red-and-white striped beach parasol 2 m across", parasol,
       # people, a deckchair or a picnic fit in its shade, beside the pole
       AssetTraits(room_under=(1.8, 1.8, 1.85), trunk=0.03)),
    _o("plant_pot", (0.32, 0.32, 0.48), "a potted green plant in a terracotta pot", plant_pot,
       AssetTraits(grip=(0.0, 0.0, 0.15), hold="both", topples=True)),
    _o("gate", (3.3, 0.15, 1.35), "a wooden five-bar field gate 3 m wide between two posts, along X", gate,
       AssetTraits(physics_shape="box")),
    _o("ladder", (0.54, 0.94, 1.8), "a folding aluminium stepladder 1.8 m tall, treads at +Y", ladder,
       AssetTraits(supports=top(1.8, (0.5, 0.22)))),
    _o("wheelbarrow", (0.68, 1.59, 0.64), "a green garden wheelbarrow, wheel at +Y", wheelbarrow,
       AssetTraits(container=Surface(0.36, (0.3, 0.4), (0.0, 0.05)), grip=(0.0, -0.8, 0.61), hold="both")),
    _o("scarecrow", (1.5, 0.5, 1.9), "a scarecrow in a red shirt and a straw hat on a post", scarecrow),
    # a fallen trunk is a seat on a walk in the woods (like a boulder or a hay bale), and it rolls
    _o("log", (2.02, 0.355, 0.355), "a fallen tree trunk 2 m long and 35 cm thick lying along X (sit on it; it rolls)",
       log, AssetTraits(seat=Surface(0.35, (1.6, 0.2)), supports=top(0.35, (1.6, 0.2)), round=True,
                        grip=(0.0, 0.0, 0.175), hold="both")),
    _o("cactus", (1.04, 0.6, 1.8), "a saguaro cactus 1.8 m tall with two upturned arms", cactus),
    _o("mushroom", (0.12, 0.12, 0.14), "a red toadstool with white spots, 14 cm tall", mushroom,
       AssetTraits(grip=(0.0, 0.0, 0.05), hold="hand")),
    _o("river", (40.0, 14.0, 0.9), "a stretch of river 40 m long along X, 8 m of water between grassy banks (water: "
       "things float on it, boats go along it)", river,
       AssetTraits(water=Surface(0.1, (40.0, 8.0)), physics_shape="box")),
    _o("shed", (2.24, 1.74, 2.2), "a wooden garden shed 2 x 1.5 m under a green felt roof 2.2 m high whose middle is "
       "flat (things land on it), door at +Y", shed,
       AssetTraits(supports=top(2.2, (2.1, 0.76)), physics_shape="hull")),
    _o("path", (1.3, 12.0, 0.06), "a gravel garden footpath 1.2 m wide and 12 m long along Y between stone edgings "
       "(walk along it)", path, AssetTraits(supports=top(0.04, (1.2, 12.0)), walkable=True, physics_shape="box")),
    _o("ice", (19.67, 19.52, 0.31), "a floe of sea ice 20 m across and 30 cm thick, white-blue, snow on it (walk on "
       "it)", ice, AssetTraits(supports=top(0.3, (12.0, 12.0)), walkable=True)),
    _o("spider_web", (0.73, 0.04, 0.72), "an orb web 60 cm across hanging upright, facing +Y, its hub 36 cm up (a "
       "spider sits in it)", spider_web,
       AssetTraits(container=Surface(0.36, (0.05, 0.035)), hangs=True)),
    _o("swimming_pool", (8.0, 4.0, 0.9), "a rectangular swimming pool 8 x 4 m along X, blue water inside a stone "
       "coping, a ladder at its +X end (water: things float in it)", swimming_pool,
       AssetTraits(water=Surface(0.09, (7.4, 3.4)), physics_shape="box")),
    _o("hammock", (3.0, 0.9, 1.4), "a striped hammock 3 m long along X on a wooden stand, its bed 80 cm up in the "
       "middle (sit or lie on it)", hammock,
       AssetTraits(seat=Surface(0.8, (0.9, 0.5)), supports=top(0.8, (0.9, 0.5)))),
    _o("treehouse", (4.6, 4.13, 8.0), "a tree 8 m tall with a wooden house on a platform 2.5 m up, a porch and a "
       "ladder at +Y (who climbs up stands on the porch)", treehouse,
       AssetTraits(supports=top(2.5, (2.2, 0.9), (0.0, 0.78)))),
    _o("barbecue", (1.44, 0.63, 1.24), "a charcoal barbecue on a trolley, front at +Y: glowing coals under a chrome "
       "grill 84 cm up (sausages go on it), its hood open behind, wooden side shelves", barbecue,
       AssetTraits(supports=(Surface(0.835, (0.72, 0.36)), Surface(0.8, (0.28, 0.28), (0.56, 0.0))))),
    _o("deck_chair", (0.6, 0.89, 0.96), "a striped canvas deck chair facing +Y, its seat 30 cm up (sit in it)",
       deck_chair,
       AssetTraits(seat=Surface(0.3, (0.5, 0.16), (0.0, 0.01)), supports=top(0.3, (0.5, 0.16), (0.0, 0.01)))),
    _o("picnic_table", (1.8, 1.5, 0.75), "a wooden picnic table 1.8 m long along X with a bench fixed along each "
       "side (sit on a bench, put things on the top)", picnic_table,
       AssetTraits(supports=top(0.75, (1.8, 0.7)), seat=Surface(0.45, (1.8, 0.2), (0.0, 0.56)),
                   room_under=(1.3, 0.6, 0.65))),
    _o("hen_house", (1.63, 1.64, 1.61), "a wooden hen house (a chicken coop) raised on legs, a ramp down from its door "
       "at +Y, a red roof", hen_house),
    _o("kennel", (1.0, 1.2, 0.95), "a wooden dog kennel (a doghouse) with an arched door at +Y and a red roof (a dog "
       "lies in it)", kennel, AssetTraits(container=Surface(0.05, (0.8, 1.0)))),
    _o("birdhouse", (0.26, 0.26, 1.86), "a wooden bird box on a post 1.5 m tall, its hole at +Y (a bird perches on its "
       "ridge)", birdhouse, AssetTraits(supports=top(1.855, (0.04, 0.24)))),
    _o("pine_cone", (0.08, 0.08, 0.089), "a brown pine cone 9 cm tall", pine_cone,
       AssetTraits(grip=(0.0, 0.0, 0.045), hold="hand")),
    _o("lawn_mower", (0.6, 1.0, 1.0), "a red petrol lawn mower, front at +Y, its handle at -Y (push it)", lawn_mower,
       AssetTraits(grip=(0.0, -0.55, 0.98), hold="both", physics_shape="box")),
    _o("lifeguard_tower", (2.5, 3.58, 3.61), "a pale blue beach lifeguard tower on stilts facing +Y, its railed deck "
       "1.8 m up (the lifeguard stands on it), a ladder down at +Y", lifeguard_tower,
       AssetTraits(supports=top(1.8, (2.2, 1.0), (0.0, 0.75)))),
    _o("gravestone", (0.8, 2.0, 1.05), "a rounded grey headstone facing +Y with a grave mound in front of it",
       gravestone, AssetTraits(physics_shape="box")),
    _o("wishing_well", (1.57, 1.3, 2.28), "a wishing well 1.2 m across: a round stone wall round dark water, a red "
       "roof on two posts, a winding drum and a bucket", wishing_well,
       AssetTraits(container=Surface(0.22, (0.62, 0.62)))),
    _o("buoy", (1.01, 1.01, 2.07), "a red harbour buoy 2 m tall with a light on its tower (floats)", buoy,
       AssetTraits(buoyant=True, draft=0.15)),
)
