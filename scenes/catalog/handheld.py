"""Held and handled props: things a hand picks up by their grip point (cups, books, phones, bags)."""

from __future__ import annotations

import itertools

import numpy as np

from scenes.assets import centred, paint, prop_model
from scenes.catalog.shapes import Vec, block, faceted, rod
from scenes.catalog.spec import AssetSpec, composite
from scenes.geometry import Mesh, cone, cylinder, ellipsoid, frustum, placed, sphere, torus
from scenes.geometry import rock as rock_mesh
from scenes.rig import Model
from scenes.traits import AssetTraits, Surface, top

Parts = list[tuple[Mesh, str]]


def _arc(diameter: float, tube: float, a0: float, a1: float, segments: int = 16, sides: int = 8) -> Mesh:
    """Part of a ring standing in the XZ plane, centred on the origin: a round tube ``tube`` thick whose centre line
    is a circle ``diameter`` across (outer edge to outer edge, as :func:`torus`), from angle ``a0`` to ``a1`` (radians,
    0 along +X, pi/2 straight up). A handle's arc, open at its ends (they sit in a wall)."""
    rc, rt = diameter / 2 - tube / 2, tube / 2
    t = np.linspace(a0, a1, segments + 1)
    phi = np.linspace(0.0, 2 * np.pi, sides + 1)
    radial = np.stack([np.cos(t), np.zeros_like(t), np.sin(t)], -1)  # (S, 3) outward from the ring's centre
    y = np.array([0.0, 1.0, 0.0])
    normals = np.cos(phi)[None, :, None] * radial[:, None, :] + np.sin(phi)[None, :, None] * y
    verts = rc * radial[:, None, :] + rt * normals
    n = sides + 1
    tris = []
    for i in range(segments):
        for j in range(sides):
            a, b = i * n + j, i * n + j + 1
            tris += [(a, a + n, b), (b, a + n, b + n)]
    tri = np.array(tris)
    v, nn = verts.reshape(-1, 3), normals.reshape(-1, 3)
    face = np.cross(v[tri[:, 1]] - v[tri[:, 0]], v[tri[:, 2]] - v[tri[:, 0]])
    if float(np.sum(face * nn[tri[:, 0]])) < 0:  # wind outward, whichever way the grid runs
        tri = tri[:, ::-1]
    from scenes.geometry import _finish

    return _finish(v, nn, tri)


def _side_handle(x: float, z: float, height: float, reach: float, tube: float) -> Mesh:
    """A cup's or a mug's handle: a C of ``tube`` standing out ``reach`` from the wall at ``x`` (on the +X side),
    ``height`` tall and centred at ``z``; its ends run a little into the wall."""
    arc = _arc(height + tube, tube, -np.pi / 2 - 0.3, np.pi / 2 + 0.3)
    return placed(arc, scale=(reach / (height / 2), 1.0, 1.0), at=(x, 0.0, z))


def cup() -> Model:
    """A coffee cup 8 cm across at its rim and 9.5 cm tall, open: a 4 mm wall and floor, a blue band under the rim, a
    handle."""
    rb, rt, h, w = 0.0325, 0.04, 0.095, 0.004
    band = [(rb + (rt - rb) * z / h, z) for z in (0.07, 0.082)]
    parts: Parts = [
        (_lathed([(0.0, 0.0), (rb, 0.0), band[0]], 32), "body"),
        (_lathed([band[0], band[1]], 32), "accent"),
        (_lathed([band[1], (rt, h), (rt - w, h)], 32), "body"),
        (_lathed([(rt - w, h), (rb - w * 0.8, w), (0.0, w)], 32), "body"),
        (_side_handle(0.034, 0.05, 0.05, 0.022, 0.009), "body"),
    ]
    return prop_model(parts, {"body": paint("f3efe6", "ceramic"), "accent": paint("2f6bb0", "ceramic")})


def mug() -> Model:
    """A big straight-sided mug 9 cm across and 11 cm tall with a chunky handle: open, glazed white inside."""
    r, h, w = 0.045, 0.11, 0.005
    parts: Parts = [
        (_lathed([(0.0, 0.0), (r, 0.0), (r, h), (r - w, h)], 32), "body"),
        (_lathed([(r - w, h), (r - w, w), (0.0, w)], 32), "accent"),
        (_side_handle(0.043, 0.056, 0.062, 0.024, 0.014), "body"),
    ]
    return prop_model(parts, {"body": paint("2f6bb0", "ceramic"), "accent": paint("f4f1ea", "ceramic")})


def guitar() -> Model:
    """An acoustic guitar standing on its end, face +Y: a waisted body, sound hole, neck and head."""
    parts: Parts = [
        (placed(cylinder(0.38, 0.1, 32), hpr=(0, -90, 0), at=(0, -0.05, 0.19)), "body"),
        (placed(cylinder(0.3, 0.1, 32), hpr=(0, -90, 0), at=(0, -0.05, 0.47)), "body"),
        (placed(cylinder(0.09, 0.004, 20), hpr=(0, -90, 0), at=(0, 0.05, 0.43)), "accent"),
        (block((0.06, 0.03, 0.5), (0, 0.02, 0.85)), "neck"),
        (block((0.08, 0.03, 0.16), (0, 0.02, 1.17)), "neck"),
        (block((0.1, 0.02, 0.03), (0, 0.055, 0.22)), "accent"),
    ]
    for x in (-0.015, -0.005, 0.005, 0.015):
        parts.append((rod((x, 0.055, 0.22), (x, 0.04, 1.1), 0.002, 3), "strings"))
    return prop_model(
        parts,
        {
            "body": paint("c8863c", "wood"),
            "neck": paint("5a3a22", "wood"),
            "accent": paint("1e1410", "glossy"),
            "strings": paint("d8d8d8", "chrome"),
        },
    )


def umbrella() -> Model:
    """An open umbrella 1 m across on a long shaft with a hooked handle."""
    parts: Parts = [
        (rod((0, 0, 0.12), (0, 0, 0.95), 0.02), "shaft"),
        (placed(cone(1.0, 0.28, 8), at=(0, 0, 0.72)), "body"),
        (placed(centred(torus(0.1, 0.02, 16, 6)), hpr=(0, 0, 90), at=(0.0, 0, 0.06)), "accent"),
        (placed(sphere(0.03, 8, 4), at=(0, 0, 0.98)), "accent"),
    ]
    return prop_model(
        parts,
        {"body": paint("c62828", "fabric"), "shaft": paint("b8bcc2", "metal"), "accent": paint("2b2b2b", "plastic")},
    )


def frisbee() -> Model:
    """A flying disc 27 cm across."""
    parts: Parts = [
        (frustum(0.27, 0.24, 0.025, 32), "body"),
        (placed(centred(torus(0.27, 0.012, 32, 6)), at=(0, 0, 0.014)), "accent"),
    ]
    return prop_model(parts, {"body": paint("ff7a1a", "plastic"), "accent": paint("f4f4f4", "plastic")})


def kite() -> Model:
    """A diamond kite with a cross spar and a bowed tail, standing on its tail tip."""
    diamond = placed(cylinder(1.0, 0.01, 4), hpr=(0, -90, 0))
    parts: Parts = [
        (placed(diamond, scale=(0.7, 1.0, 1.0), at=(0, 0, 0.95)), "body"),
        (rod((0, -0.012, 0.45), (0, -0.012, 1.45), 0.012, 4), "accent"),
        (rod((-0.35, -0.012, 1.05), (0.35, -0.012, 1.05), 0.012, 4), "accent"),
    ]
    for k in range(5):
        z = 0.45 - k * 0.09
        parts.append((rod((0, 0, z), (0, 0, z - 0.09), 0.006, 3), "accent"))
        parts.append((block((0.06, 0.01, 0.03), (0, 0, z - 0.045), (0, 0, 45)), "bows"))
    return prop_model(
        parts, {"body": paint("e53935", "fabric"), "accent": paint("3a2a1a", "wood"), "bows": paint("f2c230", "fabric")}
    )


def book() -> Model:
    """A closed hardback book lying flat, 24 x 17 cm, 3 cm thick."""
    parts: Parts = [
        (block((0.17, 0.24, 0.03), (0, 0, 0.015)), "body"),
        (block((0.16, 0.235, 0.024), (0.006, 0, 0.015)), "pages"),
        (block((0.01, 0.24, 0.032), (-0.084, 0, 0.016)), "accent"),
    ]
    return prop_model(
        parts, {"body": paint("1f5fa8", "matte"), "pages": paint("f4efe0", "matte"), "accent": paint("163f75", "matte")}
    )


def phone() -> Model:
    """A smartphone lying face up: a dark glass screen in a thin case, a camera bump."""
    parts: Parts = [
        (block((0.075, 0.155, 0.008), (0, 0, 0.004)), "body"),
        (block((0.068, 0.145, 0.001), (0, 0, 0.0085)), "screen"),
        (placed(cylinder(0.012, 0.002, 12), at=(-0.02, 0.06, -0.0)), "accent"),
    ]
    return prop_model(
        parts,
        {"body": paint("3a3f47", "metal"), "screen": paint("0f1822", "glossy"), "accent": paint("101010", "glossy")},
    )


def laptop() -> Model:
    """An open laptop: a base with a keyboard, a screen tilted back 15 degrees."""
    parts: Parts = [
        (block((0.34, 0.24, 0.018), (0, 0, 0.009)), "body"),
        (block((0.29, 0.11, 0.002), (0, 0.02, 0.019)), "keys"),
        (block((0.34, 0.012, 0.23), (0, -0.115, 0.125), (0, -15, 0)), "body"),
        (block((0.31, 0.002, 0.2), (0, -0.107, 0.127), (0, -15, 0)), "screen"),
    ]
    return prop_model(
        parts,
        {"body": paint("b8bcc2", "metal"), "keys": paint("2b2b2b", "plastic"), "screen": paint("6fa8dc", "emissive")},
    )


def bottle() -> Model:
    """A green glass bottle 30 cm tall with a label and a cap."""
    parts: Parts = [
        (cylinder(0.075, 0.2, 24), "body"),
        (placed(frustum(0.075, 0.03, 0.06, 24), at=(0, 0, 0.2)), "body"),
        (placed(cylinder(0.028, 0.035, 16), at=(0, 0, 0.26)), "body"),
        (placed(cylinder(0.032, 0.012, 16), at=(0, 0, 0.29)), "accent"),
        (placed(cylinder(0.077, 0.07, 24), at=(0, 0, 0.06)), "label"),
    ]
    return prop_model(
        parts, {"body": paint("2e7d32", "glass"), "accent": paint("c9a44c", "metal"), "label": paint("f4efe0", "matte")}
    )


def _open_vessel(bottom: float, top: float, height: float, wall: float, segments: int = 32) -> Mesh:
    """A bowl-like open vessel: an outer tapered wall, an inner wall and a floor ``wall`` thick (closed mesh)."""
    from scenes.geometry import _lathe, _merge  # the lathe is the geometry module's own tool for solids of revolution

    rb, rt = bottom / 2, top / 2
    prof = np.array([[0.0, 0.0], [rb, 0.0], [rt, height], [rt - wall, height], [rb - wall, wall], [0.0, wall]])
    seg = np.diff(prof, axis=0)
    n = np.stack([seg[:, 1], -seg[:, 0]], -1)
    n /= np.linalg.norm(n, axis=1, keepdims=True)
    pieces = [_lathe(prof[i : i + 2], np.array([n[i], n[i]]), segments) for i in range(len(seg))]
    return _merge(*pieces)


def bowl() -> Model:
    """A round bowl 16 cm across and 7 cm deep."""
    return prop_model(
        [(_open_vessel(0.08, 0.16, 0.07, 0.006), "body"), (cylinder(0.07, 0.006, 24), "accent")],
        {"body": paint("f3efe6", "ceramic"), "accent": paint("c94f3b", "ceramic")},
    )


def plate() -> Model:
    """A dinner plate 26 cm across with a coloured rim."""
    return prop_model(
        [
            (_open_vessel(0.16, 0.26, 0.02, 0.005), "body"),
            (placed(centred(torus(0.262, 0.008, 32, 6)), at=(0, 0, 0.014)), "accent"),
        ],
        {"body": paint("f6f4ee", "ceramic"), "accent": paint("2f6bb0", "ceramic")},
    )


def basket() -> Model:
    """A woven picnic basket 40 cm long with an arched handle."""
    parts: Parts = [(placed(_open_vessel(0.34, 0.4, 0.22, 0.015, 24), scale=(1.0, 0.7, 1.0)), "body")]
    for z in (0.06, 0.12, 0.18):
        parts.append(
            (placed(torus(0.392 - (0.2 - z) * 0.1, 0.012, 24, 4), scale=(1.0, 0.7, 1.0), at=(0, 0, z)), "accent")
        )
    # the handle: an arch across the middle from rim to rim (physics lets what is dropped in pass it, as a bucket's)
    arch = _arc(0.36, 0.02, -0.3, np.pi + 0.3, 24, 6)
    parts.append((placed(arch, scale=(0.78, 1.0, 1.0), hpr=(90, 0, 0), at=(0, 0, 0.2)), "handle"))
    return prop_model(parts, {"body": paint("c49a5a", "wood"), "accent": paint("8a6234", "wood"),
                              "handle": paint("8a6234", "wood")})


def handbag() -> Model:
    """A leather handbag with a strap handle and a gold clasp."""
    parts: Parts = [
        (placed(placed(frustum(1.0, 0.8, 1.0, 4), hpr=(45, 0, 0)), scale=(0.6, 0.24, 0.22)), "body"),
        (placed(centred(torus(0.18, 0.015, 20, 6)), hpr=(0, 0, 90), at=(0, 0, 0.2)), "accent"),
        (block((0.04, 0.01, 0.03), (0, 0.061, 0.17)), "clasp"),
    ]
    return prop_model(
        parts, {"body": paint("8b2e2e", "matte"), "accent": paint("5a1e1e", "matte"), "clasp": paint("c9a44c", "metal")}
    )


def backpack() -> Model:
    """A school backpack with a front pocket and shoulder straps on its back (-Y)."""
    parts: Parts = [
        (placed(ellipsoid((0.3, 0.16, 0.45)), at=(0, 0, 0.0)), "body"),
        (block((0.24, 0.08, 0.18), (0, 0.08, 0.14)), "accent"),
        (placed(centred(torus(0.1, 0.02, 12, 4)), hpr=(0, 0, 90), at=(0, -0.02, 0.45)), "accent"),
    ]
    for x in (-0.08, 0.08):
        parts.append((block((0.04, 0.02, 0.36), (x, -0.085, 0.22)), "accent"))
    return prop_model(parts, {"body": paint("2f6bb0", "fabric"), "accent": paint("f2c230", "fabric")})


def suitcase() -> Model:
    """A wheeled suitcase standing upright, with a pull handle and four wheels."""
    parts: Parts = [
        (block((0.42, 0.25, 0.6), (0, 0, 0.35)), "body"),
        (block((0.43, 0.255, 0.02), (0, 0, 0.4)), "accent"),
        (rod((-0.12, -0.1, 0.65), (-0.12, -0.1, 0.82), 0.015), "handle"),
        (rod((0.12, -0.1, 0.65), (0.12, -0.1, 0.82), 0.015), "handle"),
        (rod((-0.13, -0.1, 0.82), (0.13, -0.1, 0.82), 0.025), "handle"),
    ]
    for x in (-0.17, 0.17):
        for y in (-0.09, 0.09):
            parts.append((placed(cylinder(0.05, 0.05, 12), at=(x, y, 0.0)), "accent"))
    return prop_model(
        parts,
        {"body": paint("2a9d8f", "plastic"), "accent": paint("1c1c1c", "rubber"), "handle": paint("b8bcc2", "metal")},
    )


def teddy_bear() -> Model:
    """A sitting teddy bear 35 cm tall: round body, head, ears, muzzle, arms and legs."""
    parts: Parts = [
        (placed(ellipsoid((0.2, 0.17, 0.22)), at=(0, 0, 0.02)), "body"),
        (placed(sphere(0.17, 16, 8), at=(0, 0.01, 0.2)), "body"),
        (placed(ellipsoid((0.07, 0.06, 0.05)), at=(0, 0.08, 0.24)), "accent"),
    ]
    for s in (-1, 1):
        parts.append((placed(sphere(0.06, 10, 5), at=(s * 0.065, 0.0, 0.33)), "body"))
        parts.append((placed(ellipsoid((0.07, 0.14, 0.07)), at=(s * 0.07, 0.08, 0.0)), "body"))
        parts.append((placed(ellipsoid((0.06, 0.06, 0.14)), at=(s * 0.11, 0.03, 0.06), hpr=(0, 0, s * 20)), "body"))
        parts.append((placed(sphere(0.02, 8, 4), at=(s * 0.03, 0.085, 0.3)), "eyes"))
    return prop_model(
        parts,
        {"body": paint("b5793f", "fabric"), "accent": paint("e8d0a8", "fabric"), "eyes": paint("101010", "glossy")},
    )


def balloon() -> Model:
    """A red party balloon on a string, 30 cm across, floating 0.5 m above the string's end."""
    parts: Parts = [
        (placed(ellipsoid((0.3, 0.3, 0.36)), at=(0, 0, 0.5)), "body"),
        (placed(cone(0.04, 0.03, 8), hpr=(0, 180, 0), at=(0, 0, 0.51)), "body"),
        (rod((0, 0, 0.0), (0, 0, 0.5), 0.006, 4), "accent"),
    ]
    return prop_model(parts, {"body": paint("e53935", "glossy"), "accent": paint("f4f4f4", "matte")})


def vase() -> Model:
    """A blue ceramic vase 30 cm tall with a narrow neck, open at its mouth: a well 8 cm deep down the neck to an
    inner floor 22 cm up, where the stems of what it holds stand."""
    outside = [(0.0, 0.0), (0.06, 0.0), (0.1, 0.1), (0.08, 0.2), (0.04, 0.26), (0.05, 0.3), (0.045, 0.3)]
    inside = [(0.045, 0.3), (0.035, 0.26), (0.058, 0.22), (0.0, 0.22)]
    return prop_model(
        [(_lathed(outside, 32), "body"), (_lathed(inside, 32), "body"),
         (placed(centred(torus(0.17, 0.01, 32, 6)), at=(0, 0, 0.16)), "accent")],
        {"body": paint("2f5fa8", "ceramic"), "accent": paint("f4efe0", "ceramic")},
    )


def apple() -> Model:
    """A red apple 8 cm across, a little flattened, with a brown stalk and a leaf."""
    body = ellipsoid((0.08, 0.08, 0.072), 24, 12)
    stalk = placed(cylinder(0.004, 0.018, 6), at=(0, 0, 0.068))
    leaf = placed(ellipsoid((0.022, 0.01, 0.003), 8, 4), hpr=(30, 0, 25), at=(0.009, 0, 0.078))
    return prop_model([(body, "body"), (stalk, "accent"), (leaf, "leaf")],
                      {"body": paint("c0262d", "glossy"), "accent": paint("5a3a1e", "matte"),
                       "leaf": paint("4f8a2b", "matte")})


# --- everyday things added with the catalog's second pass (cakes, eggs, cutlery, tools) -----------------------


def _lathed(profile: list[tuple[float, float]], segments: int = 24) -> Mesh:
    """A closed solid of revolution from a (radius, z) profile running from the axis at the bottom to the axis at
    the top (pawns, candles, kettles)."""
    from scenes.geometry import _lathe, _merge

    prof = np.asarray(profile, dtype=np.float64)
    seg = np.diff(prof, axis=0)
    n = np.stack([seg[:, 1], -seg[:, 0]], -1)
    n /= np.linalg.norm(n, axis=1, keepdims=True) + 1e-12
    return _merge(*(_lathe(prof[i : i + 2], np.array([n[i], n[i]]), segments) for i in range(len(seg))))


def cake() -> Model:
    """A round two-tier cake 24 cm across and 16 cm tall: sponge tiers under white icing, a cream band, cherries."""
    parts: Parts = [
        (cylinder(0.24, 0.085, 32), "body"),
        (placed(cylinder(0.244, 0.012, 32), at=(0, 0, 0.08)), "icing"),
        (placed(cylinder(0.17, 0.06, 32), at=(0, 0, 0.092)), "body"),
        (placed(cylinder(0.174, 0.01, 32), at=(0, 0, 0.148)), "icing"),
        (placed(centred(torus(0.25, 0.014, 32, 6)), at=(0, 0, 0.007)), "icing"),
        (placed(centred(torus(0.178, 0.012, 32, 6)), at=(0, 0, 0.098)), "icing"),
    ]
    for k in range(6):
        a = k * np.pi / 3
        parts.append((placed(sphere(0.018, 10, 5), at=(0.055 * np.cos(a), 0.055 * np.sin(a), 0.156)), "cherries"))
    return prop_model(
        parts,
        {"body": paint("c98b4f", "matte"), "icing": paint("fbf6ee", "glossy"), "cherries": paint("c0102a", "glossy")},
        main="icing",
    )


def egg() -> Model:
    """A brown hen's egg 4.5 x 5.8 cm with a few darker speckles."""
    parts: Parts = [(ellipsoid((0.045, 0.045, 0.058), 24, 12), "body")]
    rng = np.random.default_rng(3)
    for _ in range(7):
        a, z = float(rng.uniform(0, 2 * np.pi)), float(rng.uniform(0.018, 0.04))
        r = 0.0225 * np.sqrt(max(1 - ((z - 0.029) / 0.029) ** 2, 0.0)) - 0.0006
        parts.append((placed(sphere(0.003, 6, 3), at=(r * np.cos(a), r * np.sin(a), z - 0.0015)), "speckles"))
    return prop_model(parts, {"body": paint("d9a877", "matte"), "speckles": paint("8a5a34", "matte")})


def fishing_rod() -> Model:
    """A spinning rod 1.9 m long standing on its butt: a cork grip, a reel under it, line guides and a tapering
    blank with the line running up it."""
    parts: Parts = [
        (frustum(0.036, 0.03, 0.42, 12), "grip"),
        (placed(frustum(0.022, 0.007, 1.48, 8), at=(0, 0, 0.42)), "body"),
        (placed(cylinder(0.04, 0.025, 12), at=(0, 0, 0.42)), "trim"),
        (rod((0, 0.015, 0.3), (0, 0.05, 0.3), 0.01, 6), "trim"),
        (placed(centred(cylinder(0.08, 0.04, 16)), hpr=(0, 0, 90), at=(0, 0.075, 0.3)), "reel"),
        (rod((0.02, 0.075, 0.3), (0.05, 0.075, 0.3), 0.008, 6), "trim"),
    ]
    for z in (0.75, 1.05, 1.35, 1.6, 1.8, 1.89):
        parts.append((placed(centred(torus(0.02, 0.004, 10, 4)), hpr=(0, 0, 90), at=(0, 0.014, z)), "trim"))
    parts.append((rod((0, 0.075, 0.3), (0, 0.012, 1.9), 0.0015, 3), "line"))
    return prop_model(
        parts,
        {
            "body": paint("1f3b5a", "glossy"),
            "grip": paint("c8a478", "matte"),
            "reel": paint("b8bcc2", "metal"),
            "trim": paint("2b2b2b", "metal"),
            "line": paint("e8f0f4", "plastic"),
        },
    )


def newspaper() -> Model:
    """A folded newspaper 30 x 40 cm lying flat: off-white pages, a dark masthead and grey columns of print."""
    parts: Parts = [
        (block((0.3, 0.4, 0.012), (0, 0, 0.006)), "body"),
        (block((0.26, 0.05, 0.001), (0, 0.16, 0.0125)), "masthead"),
        (block((0.012, 0.4, 0.013), (-0.144, 0, 0.0065)), "body"),
    ]
    for x in (-0.09, 0.0, 0.09):
        for y in (0.06, -0.1):
            parts.append((block((0.075, 0.13, 0.001), (x, y, 0.0125)), "print"))
    parts.append((block((0.16, 0.09, 0.001), (0.04, 0.08 - 0.07, 0.0128)), "photo"))
    return prop_model(
        parts,
        {
            "body": paint("eeebe2", "matte"),
            "masthead": paint("1c1c1c", "matte"),
            "print": paint("9a9a96", "matte"),
            "photo": paint("5a6a7a", "matte"),
        },
    )


def spoon() -> Model:
    """A steel table spoon 19 cm long lying face up along Y (the bowl at +Y)."""
    parts: Parts = [
        (placed(ellipsoid((0.04, 0.06, 0.012), 16, 8), at=(0, 0.06, 0.0)), "body"),
        (placed(ellipsoid((0.032, 0.05, 0.004), 16, 4), at=(0, 0.061, 0.009)), "bowl"),
        (block((0.012, 0.12, 0.004), (0, -0.035, 0.002)), "body"),
        (block((0.02, 0.03, 0.004), (0, -0.08, 0.002)), "body"),
    ]
    return prop_model(parts, {"body": paint("c8ccd0", "chrome"), "bowl": paint("a8acb0", "chrome")})


def stick() -> Model:
    """A stick 60 cm long lying along Y, the kind a dog fetches: a crooked bark-brown branch with a side twig."""
    parts: Parts = [
        (rod((0, -0.3, 0.014), (0.01, 0.0, 0.013), 0.028, 8), "body"),
        (rod((0.01, 0.0, 0.013), (-0.01, 0.3, 0.012), 0.024, 8), "body"),
        (rod((0.01, 0.05, 0.013), (0.07, 0.13, 0.012), 0.012, 6), "body"),
        (placed(cylinder(0.024, 0.002, 8), hpr=(0, -90, 0), at=(-0.01, 0.301, 0.012)), "ends"),
    ]
    return prop_model(parts, {"body": paint("6b4a2e", "wood"), "ends": paint("c9a878", "wood")})


def tin_can() -> Model:
    """A tin can 7.5 cm across and 11 cm tall: steel rims and lid, a red paper label."""
    parts: Parts = [
        (cylinder(0.073, 0.11, 24), "trim"),
        (placed(cylinder(0.075, 0.085, 24), at=(0, 0, 0.0125)), "body"),
        (placed(centred(torus(0.075, 0.004, 24, 4)), at=(0, 0, 0.108)), "trim"),
        (placed(centred(torus(0.075, 0.004, 24, 4)), at=(0, 0, 0.002)), "trim"),
        (placed(cylinder(0.0755, 0.025, 24), at=(0, 0, 0.045)), "accent"),
    ]
    return prop_model(
        parts,
        {"body": paint("c62828", "matte"), "trim": paint("c0c4c8", "metal"), "accent": paint("f4efe0", "matte")},
    )


def watering_can() -> Model:
    """A green garden watering can: a round body, a long spout with a rose towards +Y and a handle over the top."""
    parts: Parts = [
        (frustum(0.2, 0.17, 0.25, 24), "body"),
        (placed(cylinder(0.17, 0.01, 24), at=(0, 0, 0.25)), "trim"),
        (rod((0, 0.06, 0.05), (0, 0.33, 0.3), 0.03, 10), "body"),
        (placed(frustum(0.03, 0.06, 0.04, 12), hpr=(0, -45, 0), at=(0, 0.33, 0.3)), "trim"),
        (placed(centred(torus(0.22, 0.025, 24, 6)), hpr=(90, 0, 90), at=(0, -0.02, 0.27)), "body"),
    ]
    parts = [(placed(m, at=(0, -0.14, 0)), s) for m, s in parts]  # centred on its footprint, spout to handle
    return prop_model(parts, {"body": paint("2e8b3a", "plastic"), "trim": paint("1f5e28", "plastic")})


def shoe() -> Model:
    """A trainer 28 cm long, toe at +Y: a white rubber sole, a blue upper rising to a padded heel collar round a dark
    opening, a white toe cap and laces."""
    parts: Parts = [
        (placed(ellipsoid((0.1, 0.28, 0.03), 24, 8), at=(0, 0, 0.0)), "sole"),
        (placed(ellipsoid((0.092, 0.26, 0.08), 24, 10), at=(0, 0.004, 0.012)), "body"),
        (placed(ellipsoid((0.09, 0.13, 0.1), 20, 8), at=(0, -0.07, 0.01)), "body"),
        (placed(ellipsoid((0.06, 0.085, 0.014), 16, 6), at=(0, -0.072, 0.098)), "opening"),
        (placed(ellipsoid((0.08, 0.07, 0.05), 16, 6), at=(0, 0.09, 0.012)), "sole"),
    ]
    for k in range(4):
        y = 0.045 - k * 0.022
        parts.append((block((0.046, 0.008, 0.005), (0, y, 0.088 + k * 0.003)), "laces"))
    return prop_model(
        parts,
        {"body": paint("2f5fa8", "fabric"), "sole": paint("f4f4f2", "rubber"), "laces": paint("f8f8f8", "fabric"),
         "opening": paint("1c1c1c", "fabric")},
    )


def chess_piece() -> Model:
    """A wooden chess piece (a pawn) 6 cm tall: a round base, a tapering body, a collar and a ball head."""
    body = _lathed([(0.0, 0.0), (0.014, 0.0), (0.014, 0.006), (0.011, 0.01), (0.006, 0.03), (0.009, 0.033),
                    (0.009, 0.036), (0.004, 0.038), (0.0, 0.038)])
    parts: Parts = [
        (body, "body"),
        (placed(sphere(0.022, 16, 8), at=(0, 0, 0.036)), "body"),
        (placed(cylinder(0.029, 0.002, 24), at=(0, 0, 0.0)), "felt"),
    ]
    return prop_model(parts, {"body": paint("f0e2c4", "glossy"), "felt": paint("2e6b3a", "fabric")})


def candle() -> Model:
    """A white pillar candle 7 cm across and 15 cm tall with a black wick and a small glowing flame."""
    parts: Parts = [
        (cylinder(0.07, 0.15, 24), "body"),
        (placed(cylinder(0.004, 0.012, 6), at=(0, 0, 0.15)), "wick"),
        (placed(ellipsoid((0.014, 0.014, 0.03), 10, 5), at=(0, 0, 0.158)), "flame"),
    ]
    return prop_model(
        parts,
        {"body": paint("f6f0e0", "matte"), "wick": paint("1c1c1c", "matte"), "flame": paint("ffb830", "emissive")},
    )


def alarm_clock() -> Model:
    """A round twin-bell alarm clock 14 cm tall, face at +Y: a red case, a white dial with black hands, two bells."""
    parts: Parts = [
        (placed(centred(cylinder(0.11, 0.045, 32)), hpr=(0, -90, 0), at=(0, 0, 0.07)), "body"),
        (placed(cylinder(0.09, 0.002, 32), hpr=(0, -90, 0), at=(0, 0.0225, 0.07)), "dial"),
        (block((0.004, 0.002, 0.035), (0, 0.025, 0.085)), "hands"),
        (block((0.025, 0.002, 0.004), (0.012, 0.025, 0.07)), "hands"),
    ]
    for s in (-1, 1):
        parts.append((placed(sphere(0.045, 12, 6), scale=(1, 1, 0.7), at=(s * 0.04, -0.005, 0.105)), "trim"))
        parts.append((rod((s * 0.035, 0, 0.03), (s * 0.045, 0, 0.0), 0.008, 6), "trim"))
    return prop_model(
        parts,
        {"body": paint("c62828", "glossy"), "dial": paint("f8f6f0", "glossy"), "hands": paint("101010", "matte"),
         "trim": paint("c0c4c8", "chrome")},
    )


def pencil() -> Model:
    """A yellow pencil 18 cm long lying along Y: a hexagonal body, a sharpened wooden tip at +Y, a pink eraser."""
    parts: Parts = [
        (rod((0, -0.085, 0.0035), (0, 0.07, 0.0035), 0.007, 6), "body"),
        (placed(cone(0.0069, 0.018, 6), hpr=(0, -90, 0), at=(0, 0.07, 0.0035)), "wood"),
        (placed(cone(0.0025, 0.0062, 6), hpr=(0, -90, 0), at=(0, 0.0818, 0.0035)), "lead"),
        (rod((0, -0.095, 0.0035), (0, -0.085, 0.0035), 0.0072, 10), "trim"),
    ]
    return prop_model(
        parts,
        {"body": paint("f2c230", "glossy"), "wood": paint("e0c090", "wood"), "lead": paint("2b2b2b", "matte"),
         "trim": paint("e88a9a", "rubber")},
    )


def toothbrush() -> Model:
    """A toothbrush 19 cm long lying along Y: a blue plastic handle and a head of white bristles at +Y."""
    parts: Parts = [
        (block((0.014, 0.15, 0.01), (0, -0.02, 0.005)), "body"),
        (block((0.011, 0.04, 0.006), (0, 0.07, 0.003)), "body"),
        (block((0.01, 0.028, 0.012), (0, 0.075, 0.012)), "bristles"),
    ]
    return prop_model(parts, {"body": paint("2f8ad0", "plastic"), "bristles": paint("f6f8fa", "plastic")})


def fork() -> Model:
    """A steel dinner fork 20 cm long lying along Y, four tines at +Y."""
    parts: Parts = [
        (block((0.012, 0.12, 0.004), (0, -0.04, 0.002)), "body"),
        (block((0.026, 0.02, 0.004), (0, 0.03, 0.002)), "body"),
    ]
    for x in (-0.0105, -0.0035, 0.0035, 0.0105):
        parts.append((block((0.004, 0.05, 0.003), (x, 0.063, 0.0025)), "tines"))
    return prop_model(parts, {"body": paint("c8ccd0", "chrome"), "tines": paint("b8bcc0", "chrome")})


def knife() -> Model:
    """A kitchen knife 30 cm long lying along Y: a black handle with rivets, a steel blade towards +Y."""
    parts: Parts = [
        (block((0.022, 0.12, 0.016), (0, -0.09, 0.008)), "body"),
        (block((0.002, 0.17, 0.035), (0, 0.055, 0.0175)), "blade"),
    ]
    for y in (-0.12, -0.06):
        parts.append((placed(cylinder(0.006, 0.017, 8), at=(0, y, 0.0)), "blade"))
    return prop_model(parts, {"body": paint("1c1c1c", "plastic"), "blade": paint("d0d4d8", "chrome")})


def frying_pan() -> Model:
    """A frying pan 28 cm across with a long black handle towards -Y."""
    parts: Parts = [
        (_open_vessel(0.24, 0.28, 0.05, 0.005, 32), "body"),
        (placed(cylinder(0.23, 0.002, 32), at=(0, 0, 0.005)), "inside"),
        (rod((0, -0.135, 0.04), (0, -0.33, 0.06), 0.025, 10), "handle"),
    ]
    return prop_model(parts, {"body": paint("3a3c3f", "metal"), "inside": paint("1c1c1c", "matte"),
                              "handle": paint("101010", "plastic")})


def kettle() -> Model:
    """A steel electric kettle 24 cm tall: a rounded body, a spout at +Y, a black handle over the back and a base."""
    body = _lathed([(0.0, 0.02), (0.085, 0.02), (0.095, 0.08), (0.085, 0.18), (0.05, 0.21), (0.0, 0.21)], 28)
    parts: Parts = [
        (cylinder(0.19, 0.02, 28), "handle"),
        (body, "body"),
        (placed(frustum(0.04, 0.02, 0.06, 10), hpr=(0, -55, 0), at=(0, 0.075, 0.15)), "body"),
        (placed(centred(torus(0.16, 0.022, 20, 6)), hpr=(90, 0, 90), scale=(1.0, 1.0, 1.0), at=(0, -0.08, 0.16)),
         "handle"),
        (placed(cylinder(0.03, 0.02, 10), at=(0, 0, 0.21)), "handle"),
    ]
    return prop_model(parts, {"body": paint("c8ccd0", "chrome"), "handle": paint("161616", "plastic")})


def bucket() -> Model:
    """A red plastic bucket 30 cm across and 30 cm tall with a wire handle."""
    parts: Parts = [
        (_open_vessel(0.24, 0.3, 0.28, 0.008, 32), "body"),
        (placed(centred(torus(0.31, 0.012, 32, 6)), at=(0, 0, 0.274)), "body"),
        (placed(centred(torus(0.3, 0.008, 24, 4)), hpr=(0, 0, 90), scale=(1.0, 1.0, 1.0), at=(0, 0, 0.27)),
         "handle"),
    ]
    return prop_model(parts, {"body": paint("d62828", "plastic"), "handle": paint("b8bcc2", "metal")})


def pumpkin() -> Model:
    """An orange pumpkin 36 cm across: ribbed lobes round a squat middle, a short green stalk."""
    parts: Parts = [(ellipsoid((0.3, 0.3, 0.26), 20, 10), "body")]
    for k in range(10):
        a = k * 2 * np.pi / 10
        parts.append((placed(ellipsoid((0.13, 0.2, 0.28), 14, 7), at=(0.1 * np.cos(a), 0.1 * np.sin(a), 0.0),
                             hpr=(np.degrees(a) + 90, 0, 0)), "lobes"))
    parts.append((placed(frustum(0.04, 0.028, 0.07, 8), at=(0, 0, 0.25), hpr=(0, 10, 0)), "stalk"))
    return prop_model(parts, {"body": paint("e0701a", "matte"), "lobes": paint("ee7e20", "matte"),
                              "stalk": paint("5a6a2a", "wood")})


def banana() -> Model:
    """A ripe banana 20 cm long lying on its side, curved along Y, its stalk and tip dark brown."""
    t = np.linspace(0.0, 1.0, 10)
    ang = (t - 0.5) * 1.6
    pts = [(0.0, 0.11 * np.sin(a) / 0.72, 0.06 * (1 - np.cos(a)) / 0.3 + 0.0) for a in ang]
    parts: Parts = []
    for k in range(len(pts) - 1):
        d = 0.036 * (0.55 + 0.45 * np.sin(np.pi * (t[k] + t[k + 1]) / 2))
        a = (pts[k][0], pts[k][1], pts[k][2] + 0.018)
        b = (pts[k + 1][0], pts[k + 1][1], pts[k + 1][2] + 0.018)
        parts.append((rod(a, b, d, 10), "body"))
        parts.append((placed(sphere(d, 10, 5), at=(b[0], b[1], b[2] - d / 2)), "body"))
    end = (pts[-1][0], pts[-1][1], pts[-1][2] + 0.018)
    parts.append((rod(end, (end[0], end[1] + 0.015, end[2] + 0.012), 0.012, 6), "tips"))
    start = (pts[0][0], pts[0][1], pts[0][2] + 0.018)
    parts.append((placed(sphere(0.012, 6, 3), at=(start[0], start[1] - 0.004, start[2] - 0.006)), "tips"))
    return prop_model(parts, {"body": paint("f2d040", "matte"), "tips": paint("5a4020", "matte")})


def carrot() -> Model:
    """A carrot 17 cm long (25 cm with its leaves) lying along Y, its tip at +Y, a tuft of green leaves at its crown
    (-Y)."""
    parts: Parts = [
        (placed(cone(0.035, 0.17, 14), hpr=(0, -90, 0), at=(0, -0.06, 0.0175)), "body"),
        (placed(sphere(0.035, 12, 6), at=(0, -0.06, 0.0)), "body"),
    ]
    for k in range(4):  # rings across the root
        parts.append((placed(torus(0.033 * (1 - 0.2 * k), 0.003, 12, 3), hpr=(0, 90, 0),
                             at=(0, -0.03 + 0.03 * k, 0.0175)), "rings"))
    for a in (-25, 0, 25):
        parts.append((rod((0, -0.075, 0.02), (np.sin(np.radians(a)) * 0.02, -0.14, 0.03 + 0.01 * (a == 0)), 0.006, 4),
                      "leaves"))
    return prop_model(parts, {"body": paint("ee7a1c", "matte"), "rings": paint("d8661a", "matte"),
                              "leaves": paint("3f8a2a", "matte")})


def bread() -> Model:
    """A loaf of bread 27 cm long along Y: a golden domed crust over a wider, flatter base, three scored cuts on top."""
    parts: Parts = [
        (ellipsoid((0.135, 0.275, 0.07), 18, 8), "base"),
        (ellipsoid((0.12, 0.26, 0.12), 18, 8), "crust"),
    ]
    for y in (-0.065, 0.0, 0.065):
        z = 0.06 + 0.06 * np.sqrt(1 - (y / 0.13) ** 2) - 0.0035
        parts.append((placed(ellipsoid((0.05, 0.012, 0.007), 8, 3), at=(0, y, float(z)), hpr=(30, 0, 0)), "cuts"))
    return prop_model(parts, {"crust": paint("c07a30", "matte"), "base": paint("a8662a", "matte"),
                              "cuts": paint("f0d8a0", "matte")}, "crust")


def pizza() -> Model:
    """A pizza 30 cm across: a golden crust rim, tomato sauce, melted cheese and slices of pepperoni, lying flat."""
    parts: Parts = [
        (cylinder(0.3, 0.01, 32), "crust"),
        (placed(torus(0.3, 0.022, 32, 6), at=(0, 0, 0.0)), "crust"),
        (placed(cylinder(0.26, 0.004, 32), at=(0, 0, 0.01)), "sauce"),
        (placed(cylinder(0.24, 0.004, 32), at=(0, 0, 0.012)), "cheese"),
    ]
    for k in range(9):
        a, r = k * 2.4, 0.04 + 0.055 * ((k * 7) % 3) / 2
        parts.append((placed(cylinder(0.035, 0.004, 12), at=(r * np.cos(a), r * np.sin(a), 0.015)), "pepperoni"))
    return prop_model(parts, {"crust": paint("d8a050", "matte"), "sauce": paint("b8301c", "matte"),
                              "cheese": paint("f2d070", "matte"), "pepperoni": paint("a02418", "matte")}, "crust")


def _triangle_slab(corners: list[tuple[float, float]], z0: float, z1: float) -> Mesh:
    """A flat-shaded slab between heights ``z0`` and ``z1`` over a triangle (corners counter-clockwise from above)."""
    lo = [(x, y, z0) for x, y in corners]
    hi = [(x, y, z1) for x, y in corners]
    faces = [hi, lo[::-1]] + [[lo[k], lo[(k + 1) % 3], hi[(k + 1) % 3], hi[k]] for k in range(3)]
    return faceted(faces)


def sandwich() -> Model:
    """A sandwich cut in half corner to corner, 11 cm square: the two triangles side by side, each two slices of bread
    round lettuce, cheese and tomato."""
    parts: Parts = []
    for tri in ([(-0.055, -0.055), (0.05, -0.055), (-0.055, 0.05)], [(0.055, 0.055), (-0.05, 0.055), (0.055, -0.05)]):
        shrunk = [(x * 0.96, y * 0.96) for x, y in tri]
        parts += [
            (_triangle_slab(tri, 0.0, 0.014), "bread"),
            (_triangle_slab([(x * 1.03, y * 1.03) for x, y in tri], 0.014, 0.019), "lettuce"),
            (_triangle_slab(shrunk, 0.019, 0.023), "cheese"),
            (_triangle_slab(shrunk, 0.023, 0.027), "tomato"),
            (_triangle_slab(tri, 0.027, 0.041), "bread"),
            (_triangle_slab([(x * 0.9, y * 0.9) for x, y in tri], 0.041, 0.042), "crumb"),
        ]
    return prop_model(parts, {"bread": paint("c8955a", "matte"), "crumb": paint("f2e2c0", "matte"),
                              "lettuce": paint("6ab03a", "matte"), "cheese": paint("f2c230", "matte"),
                              "tomato": paint("d83a2a", "glossy")}, "bread")


def ice_cream() -> Model:
    """An ice-cream cone 18 cm tall held upright: a waffle cone, a pink scoop with a drip of it on the rim, a wafer."""
    parts: Parts = [
        (placed(cone(0.06, 0.13, 16), hpr=(0, 180, 0), at=(0, 0, 0.13)), "cone"),
        (placed(torus(0.064, 0.01, 16, 4), at=(0, 0, 0.125)), "cone"),
        (placed(sphere(0.07, 16, 8), at=(0, 0, 0.115)), "scoop"),
        (placed(torus(0.066, 0.014, 16, 4), at=(0, 0, 0.125)), "scoop"),
        (block((0.012, 0.03, 0.05), (0.012, 0.0, 0.19), (0, 0, -15)), "wafer"),
    ]
    for z in (0.04, 0.07, 0.1):  # the waffle pattern
        parts.append((placed(torus(0.06 * z / 0.13 + 0.004, 0.003, 14, 3), at=(0, 0, z - 0.0015)), "pattern"))
    return prop_model(parts, {"cone": paint("d8a050", "matte"), "scoop": paint("f4a8c0", "matte"),
                              "wafer": paint("c8905a", "matte"), "pattern": paint("b8803a", "matte")}, "scoop")


def hat() -> Model:
    """A brown felt hat with a round brim 30 cm across, a creased crown and a dark band."""
    parts: Parts = [
        (cylinder(0.3, 0.008, 32), "felt"),
        (placed(torus(0.3, 0.014, 32, 6), at=(0, 0, 0.0)), "felt"),
        (placed(frustum(0.19, 0.16, 0.11, 24), at=(0, 0, 0.006)), "felt"),
        (placed(ellipsoid((0.16, 0.14, 0.04), 20, 6), at=(0, 0, 0.096)), "felt"),
        (placed(frustum(0.192, 0.186, 0.025, 24), at=(0, 0, 0.012)), "band"),
    ]
    return prop_model(parts, {"felt": paint("6a4a30", "fabric"), "band": paint("1e1a18", "fabric")}, "felt")


def camera() -> Model:
    """A black camera 13 cm wide, its lens at +Y: a body with a hand grip, a viewfinder hump, a shutter button and a
    silver-ringed lens."""
    parts: Parts = [
        (block((0.13, 0.06, 0.08), (0, 0, 0.04)), "body"),
        (block((0.03, 0.075, 0.075), (0.05, 0.006, 0.0375)), "body"),
        (block((0.045, 0.05, 0.025), (0, -0.004, 0.09)), "body"),
        (placed(cylinder(0.06, 0.06, 20), hpr=(0, -90, 0), at=(-0.005, 0.03, 0.04)), "lens"),
        (placed(torus(0.062, 0.008, 20, 4), hpr=(0, 90, 0), at=(-0.005, 0.05, 0.04)), "trim"),
        (placed(cylinder(0.044, 0.004, 16), hpr=(0, -90, 0), at=(-0.005, 0.09, 0.04)), "glass"),
        (placed(cylinder(0.012, 0.008, 10), at=(0.05, 0.006, 0.08)), "trim"),
        (block((0.03, 0.004, 0.02), (-0.045, -0.031, 0.055)), "glass"),
    ]
    return prop_model(parts, {"body": paint("1e1e20", "plastic"), "lens": paint("2a2a2c", "plastic"),
                              "trim": paint("c0c4c8", "metal"), "glass": paint("203040", "glass")})


def tray() -> Model:
    """A wooden serving tray 50 x 35 cm: a flat floor 8 mm up inside a low rim, the short ends (along X) raised
    into handles with a hand slot in each."""
    parts: Parts = [(block((0.48, 0.33, 0.008), (0, 0, 0.004)), "floor")]
    for sy in (-1, 1):  # the long sides' low rim
        parts.append((block((0.5, 0.012, 0.03), (0, sy * 0.169, 0.015)), "rim"))
    for sx in (-1, 1):  # the ends, taller, each with a slot to hold it by
        parts.append((block((0.012, 0.35, 0.055), (sx * 0.244, 0, 0.0275)), "rim"))
        parts.append((block((0.014, 0.11, 0.02), (sx * 0.244, 0, 0.04)), "slots"))
    return prop_model(parts, {"floor": paint("c89a62", "wood"), "rim": paint("8a5a30", "wood"),
                              "slots": paint("2a1a10", "matte")}, "floor")


def towel() -> Model:
    """A bath towel folded into a pad 32 x 22 cm and 4.5 cm thick: three layers with soft rolled folds at the
    sides, two white bands across its top near one end."""
    layer = 0.015
    parts: Parts = []
    for k in range(3):
        parts.append((block((0.29, 0.22, layer), (0, 0, layer * (k + 0.5))), "cloth"))
    for x, z in ((0.145, layer), (-0.145, 2 * layer)):  # where the cloth turns back on itself
        parts.append((rod((x, -0.11, z), (x, 0.11, z), 2 * layer, 10), "cloth"))
    for y in (-0.075, -0.05):
        parts.append((block((0.29, 0.012, 0.002), (0, y, 3 * layer)), "bands"))
    return prop_model(parts, {"cloth": paint("2a8fa0", "fabric"), "bands": paint("f4f4f0", "fabric")}, "cloth")


def light_bulb() -> Model:
    """A pear-shaped light bulb 11 cm tall standing on its cap: a frosted glass globe 6 cm across on a narrow neck,
    a screw cap with its threads, a black insulator and a brass contact at the bottom."""
    globe: list[tuple[float, float]] = [(0.0, 0.03), (0.0133, 0.03), (0.0142, 0.037), (0.0175, 0.05)]
    for a in np.linspace(-0.75, np.pi / 2, 24):  # the globe: a 6 cm sphere centred 8 cm up, from the neck up
        globe.append((max(0.03 * float(np.cos(a)), 0.0), 0.08 + 0.03 * float(np.sin(a))))
    globe[-1] = (0.0, 0.11)
    parts: Parts = [
        (_lathed(globe, 32), "body"),
        (placed(cylinder(0.026, 0.024, 20), at=(0, 0, 0.007)), "cap"),
        (placed(frustum(0.012, 0.02, 0.005, 16), at=(0, 0, 0.002)), "insulator"),
        (cylinder(0.008, 0.0025, 12), "contact"),
    ]
    for z in (0.009, 0.015, 0.021):  # the screw thread's ridges
        parts.append((placed(torus(0.0285, 0.003, 20, 4), at=(0, 0, z)), "cap"))
    return prop_model(parts, {"body": paint("f6f2e4", "glossy"), "cap": paint("c8c8c0", "metal"),
                              "insulator": paint("1c1c1c", "glossy"), "contact": paint("c8a040", "metal")})


def marshmallow() -> Model:
    """A marshmallow 3 cm across and 2.8 cm tall: a soft pink cylinder with rounded edges, its top paler with icing
    sugar."""
    r, h, e = 0.015, 0.028, 0.005  # radius, height, the rounding of its edges
    profile = [(0.0, 0.0)]
    for a in np.linspace(-np.pi / 2, 0.0, 5):
        profile.append((r - e + e * float(np.cos(a)), e + e * float(np.sin(a))))
    for a in np.linspace(0.0, np.pi / 2, 5):
        profile.append((r - e + e * float(np.cos(a)), h - e + e * float(np.sin(a))))
    profile.append((0.0, h))
    parts: Parts = [
        (_lathed(profile, 24), "body"),
        (placed(cylinder(2 * (r - e), 0.0006, 20), at=(0, 0, h - 0.0002)), "sugar"),
    ]
    return prop_model(parts, {"body": paint("f2b4c6", "matte"), "sugar": paint("f8d6de", "matte")})


# --- containers: a cardboard box to put things (and cats) in, a bouquet for the vase ----------------------------

BOX_L, BOX_W, BOX_H = 0.68, 0.46, 0.34  # the cardboard box's body outside (X, Y, Z); a cat 0.68 m long fits inside
BOX_WALL, BOX_FLOOR = 0.006, 0.008  # corrugated board; the floor is its two folded bottom flaps
FLAP, FLAP_OPEN = 0.18, 35.0  # each top flap's depth and how far it leans out past upright (degrees)


def _flap(length: float) -> list[tuple[Mesh, str]]:
    """One top flap of the cardboard box, hinged along X at the origin (its inner face on y = 0) and leaning out
    towards +Y: the board and the torn end of the tape that closed the box along its free edge."""
    t = BOX_WALL
    board = block((length, t, FLAP), (0.0, t / 2, FLAP / 2))
    tape = block((0.05, 0.0015, 0.03), (0.0, t + 0.00075, FLAP - 0.015))
    return [(placed(m, hpr=(0.0, -FLAP_OPEN, 0.0)), slot) for m, slot in ((board, "body"), (tape, "tape"))]


def _arrow(x: float, y: float, z: float, facing: float) -> list[tuple[Mesh, str]]:
    """A printed "this way up" arrow 7 cm tall on a box side facing ``facing`` (+1: +Y, -1: -Y)."""
    d = 0.0006 * facing
    return [(block((0.012, 0.001, 0.045), (x, y + d, z - 0.012)), "print"),
            (block((0.028, 0.001, 0.028), (x, y + d, z + 0.012), (0.0, 0.0, 45.0)), "print")]


def cardboard_box() -> Model:
    """An open cardboard moving box 68 x 46 x 34 cm: four walls of brown board round a floor 8 mm thick, its four top
    flaps standing open and leaning out, the torn packing tape down its ends, "this way up" arrows on its long sides
    and a shipping label on its front (+Y)."""
    L, W, H, t = BOX_L, BOX_W, BOX_H, BOX_WALL
    parts: Parts = [
        (block((L - 2 * t, W - 2 * t, BOX_FLOOR), (0.0, 0.0, BOX_FLOOR / 2)), "body"),
        (block((L, t, H), (0.0, W / 2 - t / 2, H / 2)), "body"),
        (block((L, t, H), (0.0, -(W / 2 - t / 2), H / 2)), "body"),
        (block((t, W - 2 * t, H), (L / 2 - t / 2, 0.0, H / 2)), "body"),
        (block((t, W - 2 * t, H), (-(L / 2 - t / 2), 0.0, H / 2)), "body"),
    ]
    # the flaps, each hinged at its wall's top: the long sides' (front, back) and the ends' (turned to face +-X)
    for heading, length, out in ((0.0, L, W / 2 - t), (180.0, L, W / 2 - t), (-90.0, W, L / 2 - t),
                                 (90.0, W, L / 2 - t)):
        h = np.radians(heading)
        hinge = (-np.sin(h) * out, np.cos(h) * out, H)
        parts += [(placed(m, hpr=(heading, 0.0, 0.0), at=hinge), slot) for m, slot in _flap(length)]
    for sx in (-1, 1):  # the tape that ran over the closed flaps and down the ends, cut where the flaps part
        parts.append((block((0.0015, 0.05, 0.075), (sx * (L / 2 + 0.00075), 0.0, H - 0.0375)), "tape"))
        parts.append((block((0.0015, 0.05, 0.06), (sx * (L / 2 + 0.00075), 0.0, 0.03)), "tape"))
    for sy in (-1, 1):
        for x in (0.22, 0.27):
            parts += _arrow(sy * x, sy * W / 2, H - 0.07, sy)
    parts.append((block((0.13, 0.001, 0.085), (-0.12, W / 2 + 0.0005, 0.17)), "label"))
    for k in range(3):  # the label's printed lines
        parts.append((block((0.1 - 0.02 * k, 0.001, 0.008), (-0.13 + 0.01 * k, W / 2 + 0.001, 0.195 - 0.018 * k)),
                      "print"))
    return prop_model(parts, {"body": paint("b5854c", "matte"), "tape": paint("d2b47a", "glossy"),
                              "print": paint("3a2a1c", "matte"), "label": paint("f4f2ea", "matte")})


def bouquet() -> Model:
    """A bunch of seven flowers 35 cm tall and 15 cm across standing on its cut stems: green stems gathered under a
    ribbon 10 cm up and fanning out to red, pink and yellow blooms, a few leaves; narrow enough at its foot to go
    in a vase's neck."""
    rng = np.random.default_rng(11)
    heads = [(0.0, 0.0, 0.33)] + [(0.048 * float(np.cos(a)), 0.048 * float(np.sin(a)), float(rng.uniform(0.27, 0.31)))
                                  for a in np.linspace(0.0, 2 * np.pi, 7)[:-1] + 0.3]
    parts: Parts = []
    for k, (hx, hy, hz) in enumerate(heads):
        a = 2 * np.pi * k / 7
        base = (0.01 * float(np.cos(a)), 0.01 * float(np.sin(a)), 0.0)
        tie = (0.004 * float(np.cos(a)), 0.004 * float(np.sin(a)), 0.1)
        parts += [(rod(base, tie, 0.005, 5), "stems"), (rod(tie, (hx, hy, hz - 0.01), 0.005, 5), "stems")]
        parts.append((placed(ellipsoid((0.05, 0.05, 0.028), 12, 6), at=(hx, hy, hz - 0.012)),
                      ("bloom_a", "bloom_b", "bloom_c")[k % 3]))
        parts.append((placed(sphere(0.016, 8, 4), at=(hx, hy, hz + 0.0)), "centres"))
    for k, a in enumerate((0.8, 2.9, 4.9)):  # leaves on the stems between the ribbon and the blooms
        z = 0.15 + 0.025 * k
        parts.append((placed(ellipsoid((0.012, 0.05, 0.004), 8, 4), hpr=(np.degrees(a) - 90.0, 40.0, 0.0),
                             at=(0.022 * float(np.cos(a)), 0.022 * float(np.sin(a)), z)), "stems"))
    parts.append((placed(torus(0.03, 0.008, 16, 6), at=(0.0, 0.0, 0.092)), "ribbon"))
    for s in (-1, 1):  # the bow's loops at the front
        parts.append((placed(ellipsoid((0.022, 0.006, 0.014), 8, 4), hpr=(0.0, 0.0, s * 30.0),
                             at=(s * 0.011, 0.016, 0.09)), "ribbon"))
    return prop_model(parts, {"bloom_a": paint("d81b3a", "matte"), "bloom_b": paint("f48fb1", "matte"),
                              "bloom_c": paint("f6c431", "matte"), "centres": paint("f4e04d", "matte"),
                              "stems": paint("3f8a3a", "matte"), "ribbon": paint("f4f2ea", "fabric")}, "bloom_a")
# --- the twelve things and places pass (a radio, a snowball, pancakes, a watermelon) -----------------------------


def radio() -> Model:
    """A retro portable radio 30 cm wide, 18 cm tall to the top of its carrying handle, front at +Y: a cream case
    with a red trim band, a round speaker grille at -X (on the right as one faces it), a tuning dial with a pointer
    and two knobs at +X, a chrome handle on two posts."""
    w, d, h = 0.3, 0.1, 0.14
    parts: Parts = [
        (block((w, d, h), (0, 0, h / 2)), "body"),
        (block((w + 0.004, d + 0.004, 0.02), (0, 0, 0.02)), "trim"),  # the base band
        (placed(centred(cylinder(0.1, 0.006, 24)), hpr=(0, 90, 0), at=(-0.07, d / 2 + 0.003, 0.075)), "grille"),
        (placed(centred(cylinder(0.07, 0.008, 20)), hpr=(0, 90, 0), at=(0.075, d / 2 + 0.004, 0.09)), "dial"),
        (block((0.002, 0.004, 0.05), (0.08, d / 2 + 0.009, 0.09), (0, 0, 20)), "trim"),  # the dial's pointer
    ]
    for z in np.linspace(0.04, 0.11, 7):  # the grille's slots
        half = float(np.sqrt(max(0.05 ** 2 - (z - 0.075) ** 2, 0.0))) * 0.9
        parts.append((block((2 * half, 0.004, 0.004), (-0.07, d / 2 + 0.007, float(z))), "trim"))
    for x in (0.05, 0.1):  # the knobs
        parts.append((placed(centred(cylinder(0.026, 0.012, 14)), hpr=(0, 90, 0), at=(x, d / 2 + 0.006, 0.035)),
                      "knobs"))
    for sx in (-1, 1):
        parts.append((rod((sx * 0.1, 0, h), (sx * 0.1, 0, 0.172), 0.012, 8), "handle"))
    parts.append((rod((-0.106, 0, 0.172), (0.106, 0, 0.172), 0.016, 10), "handle"))
    return prop_model(parts, {"body": paint("efe3c4", "plastic"), "trim": paint("b03028", "plastic"),
                              "grille": paint("6a5a48", "fabric"), "dial": paint("f8f0d8", "glossy"),
                              "knobs": paint("3a2a1c", "plastic"), "handle": paint("c8ccd0", "chrome")})


def snowball() -> Model:
    """A snowball 8 cm across, packed by hand: a round white ball with a few lumps of snow pressed into it."""
    d = 0.08
    parts: Parts = [(sphere(d, 20, 10), "body")]
    rng = np.random.default_rng(23)
    for _ in range(9):
        a, b = float(rng.uniform(0, 2 * np.pi)), float(rng.uniform(-1.1, 1.1))
        c = np.array([np.cos(a) * np.cos(b), np.sin(a) * np.cos(b), np.sin(b)]) * (d / 2 - 0.008)
        size = float(rng.uniform(0.018, 0.026))
        parts.append((placed(centred(sphere(size, 8, 4)), at=(float(c[0]), float(c[1]), float(c[2]) + d / 2)),
                      "lumps"))
    return prop_model(parts, {"body": paint("f4f7fa", "snow"), "lumps": paint("e4ecf4", "snow")})


def pancake() -> Model:
    """A stack of three pancakes 14 cm across and 3 cm high, each a soft golden round cake thicker in its middle; a
    pool of maple syrup on top running down their sides, a pat of butter on it."""
    thick = 0.0085
    parts: Parts = []
    for k, (dx, dy, dia) in enumerate(((0.0, 0.0, 0.14), (0.003, -0.002, 0.136), (-0.002, 0.003, 0.138))):
        z = k * thick
        parts.append((placed(ellipsoid((dia, dia, 0.013), 28, 8), at=(dx, dy, z)), "body"))
    top_z = 2 * thick + 0.0128  # the top pancake's crown
    parts.append((placed(ellipsoid((0.105, 0.1, 0.005), 24, 6), at=(0.004, 0.0, top_z - 0.0035)), "syrup"))
    for a in (0.4, 1.9, 3.3, 5.0):  # drips down the sides
        r = 0.066
        parts.append((placed(ellipsoid((0.012, 0.006, 0.016), 8, 4), hpr=(float(np.degrees(a)) + 90, 0, 0),
                             at=(r * np.cos(a), r * np.sin(a), top_z - 0.018)), "syrup"))
    parts.append((block((0.024, 0.022, 0.009), (0.018, 0.014, top_z + 0.0035), (20, 0, 0)), "butter"))
    return prop_model(parts, {"body": paint("d8a050", "matte"), "syrup": paint("8a4210", "plastic"),
                              "butter": paint("f6e08a", "matte")})


def watermelon() -> Model:
    """A watermelon 30 cm long along X and 25 cm thick: light green with dark green stripes running its length, a
    short dry stalk at one end."""
    length, thick = 0.3, 0.25
    parts: Parts = [(placed(centred(ellipsoid((length, thick, thick), 28, 14)), at=(0, 0, thick / 2)), "body")]
    for k in range(6):  # each a thin ellipsoid turned about the long axis: a stripe each side
        parts.append((placed(centred(ellipsoid((length * 0.985, 0.05, thick * 1.012), 24, 12)),
                             hpr=(0, k * 30.0, 0), at=(0, 0, thick / 2)), "stripes"))
    parts.append((placed(centred(cylinder(0.012, 0.02, 6)), hpr=(0, 0, 90), at=(length / 2 + 0.004, 0, thick / 2)),
                  "stalk"))
    return prop_model(parts, {"body": paint("7cb04a", "glossy"), "stripes": paint("1f4d22", "glossy"),
                              "stalk": paint("8a7a4a", "wood")})


def globe() -> Model:
    """A desk globe 40 cm tall: a blue ball 26 cm across with green and sand-coloured continents, tilted 23 degrees
    in a brass half meridian on a stem, on a round dark wooden base."""
    d, tilt, centre = 0.26, 23.5, (0.0, 0.0, 0.25)
    rot = np.radians(tilt)
    axis = np.array([np.sin(rot), 0.0, np.cos(rot)])  # the tilted pole, leaning towards +X
    parts: Parts = [
        (cylinder(0.16, 0.025, 28), "base"),
        (placed(frustum(0.06, 0.03, 0.03, 16), at=(0, 0, 0.025)), "base"),
        (rod((0, 0, 0.05), (0, 0, 0.1), 0.016, 8), "brass"),
        (placed(centred(sphere(d, 32, 16)), at=centre), "body"),
    ]
    # the meridian: half a ring round the ball's -X side, in the plane of its tilted axis, pinned at both poles
    ring = placed(centred(_arc(d + 0.03, 0.012, np.pi / 2, 3 * np.pi / 2, 24, 6)), hpr=(0, 0, -tilt), at=centre)
    parts.append((ring, "brass"))
    low = np.array(centre) - axis * (d / 2 + 0.015)
    parts.append((rod((0, 0, 0.1), tuple(float(v) for v in low), 0.016, 8), "brass"))
    for s in (-1, 1):  # the pins at the poles
        p = np.array(centre) + s * axis * (d / 2 + 0.012)
        parts.append((placed(centred(sphere(0.016, 8, 4)), at=tuple(float(v) for v in p)), "brass"))
    rng = np.random.default_rng(11)
    for k, (lon, lat, a, b) in enumerate(((0.3, 0.5, 0.09, 0.07), (0.6, -0.3, 0.07, 0.1), (2.1, 0.6, 0.12, 0.07),
                                          (2.5, 0.1, 0.07, 0.09), (3.6, 0.7, 0.1, 0.06), (4.2, -0.4, 0.06, 0.07),
                                          (5.3, 0.3, 0.08, 0.08), (1.4, -1.2, 0.12, 0.04))):
        lon += float(rng.uniform(-0.1, 0.1))
        n = np.array([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
        at = np.array(centre) + n * (d / 2 - 0.004)
        h = float(np.degrees(np.arctan2(n[0], -n[1])))
        p = float(np.degrees(np.arccos(np.clip(n[2], -1, 1))))
        patch = placed(centred(ellipsoid((a, b, 0.014), 12, 6)), hpr=(h, p, 0), at=tuple(float(v) for v in at))
        parts.append((patch, "land" if k % 3 else "desert"))
    return prop_model(parts, {"body": paint("2a6fb8", "glossy"), "land": paint("4f9a3a", "glossy"),
                              "desert": paint("d8c48a", "glossy"), "brass": paint("c8a040", "metal"),
                              "base": paint("4a2e1c", "wood")})


def orange() -> Model:
    """An orange 7.5 cm across: a round, slightly squat fruit with dimpled bright orange peel, a small green calyx
    on top."""
    d = 0.075
    parts: Parts = [(ellipsoid((d, d, d * 0.96), 28, 14), "body")]
    rng = np.random.default_rng(5)
    for _ in range(40):  # the peel's dimples: tiny darker pits
        a, b = float(rng.uniform(0, 2 * np.pi)), float(rng.uniform(-1.2, 1.2))
        n = np.array([np.cos(a) * np.cos(b), np.sin(a) * np.cos(b), np.sin(b)])
        at = n * np.array([d / 2, d / 2, d * 0.48]) * 0.985 + np.array([0, 0, d * 0.48])
        parts.append((placed(centred(sphere(0.004, 5, 3)), at=tuple(float(v) for v in at)), "pits"))
    parts.append((placed(cylinder(0.012, 0.003, 10), at=(0, 0, d * 0.955)), "calyx"))
    parts.append((placed(cylinder(0.003, 0.005, 6), at=(0, 0, d * 0.955)), "calyx"))
    return prop_model(parts, {"body": paint("f58a0b", "plastic"), "pits": paint("d8700a", "matte"),
                              "calyx": paint("4f7a2b", "matte")})


def shirt() -> Model:
    """A shirt folded as it comes from the shop, 28 x 36 cm and 4 cm thick, collar at +Y: a pale blue pad of cloth
    with its folded sleeves' edges along the sides, a white collar standing round the neck, a placket of buttons down
    the front, a breast pocket."""
    w, d, t = 0.28, 0.36, 0.035
    parts: Parts = [
        (block((w, d, t), (0, 0, t / 2)), "cloth"),
        (block((0.03, d - 0.08, 0.004), (0, -0.03, t + 0.002)), "cloth"),  # the placket
        (block((0.07, 0.08, 0.003), (0.07, 0.04, t + 0.0015)), "pocket"),
    ]
    for sx in (-1, 1):  # the folded-back sleeves' rolled edges
        parts.append((rod((sx * w / 2, -d / 2 + 0.01, t / 2), (sx * w / 2, d / 2 - 0.01, t / 2), t, 8), "cloth"))
        # the collar's two wings, meeting at the front under the top button
        parts.append((block((0.09, 0.05, 0.012), (sx * 0.045, d / 2 - 0.04, t + 0.006), (sx * 25, 0, 0)), "collar"))
    parts.append((block((0.16, 0.02, 0.03), (0, d / 2 - 0.01, t + 0.008)), "collar"))  # the collar's back band
    for k in range(5):
        parts.append((placed(cylinder(0.01, 0.003, 8), at=(0, d / 2 - 0.08 - 0.055 * k, t + 0.004)), "buttons"))
    return prop_model(parts, {"cloth": paint("8fb4d8", "fabric"), "collar": paint("f4f6f8", "fabric"),
                              "pocket": paint("7fa4c8", "fabric"), "buttons": paint("f8f8f4", "plastic")}, "cloth")


def shovel() -> Model:
    """A garden shovel 1.2 m long lying along Y: a wooden shaft with a black D-grip at -Y, a steel socket and a
    pointed blade at +Y, its tread turned over at the top."""
    z = 0.02
    parts: Parts = [
        (rod((0, -0.45, z), (0, 0.3, z), 0.036, 10), "shaft"),
        (rod((0, 0.28, z), (0, 0.4, z), 0.044, 10), "blade"),  # the socket
        (rod((-0.07, -0.58, z), (0.07, -0.58, z), 0.03, 8), "grip"),  # the D-grip's bar
        (rod((-0.07, -0.58, z), (-0.02, -0.46, z), 0.024, 6), "grip"),
        (rod((0.07, -0.58, z), (0.02, -0.46, z), 0.024, 6), "grip"),
    ]
    # the blade: a flat dished plate, 22 cm wide, its point at +Y, lying a little tilted up from its point
    half, y0, y1, tip = 0.11, 0.4, 0.62, 0.66
    outline = [(-half, y0), (half, y0), (half, y1), (0.0, tip), (-half, y1)]
    top_ = [(x, y, 0.012 + 0.018 * abs(x) / half) for x, y in outline]
    under = [(x, y, zz - 0.004) for x, y, zz in reversed(top_)]
    sides = [[under[-1 - i], under[-1 - (i + 1) % 5], top_[(i + 1) % 5], top_[i]] for i in range(5)]
    parts.append((faceted([top_, under, *sides]), "blade"))
    parts.append((block((2 * half, 0.025, 0.012), (0, y0 + 0.0125, 0.022)), "blade"))  # the tread
    return prop_model(parts, {"shaft": paint("b08050", "wood"), "blade": paint("6a7078", "metal"),
                              "grip": paint("1c1c1c", "plastic")}, "blade")


def stone() -> Model:
    """A small stone 6 cm across, the kind that is skimmed or thrown: a smooth grey pebble, flattish, with a pale
    band of quartz round it."""
    parts: Parts = [(rock_mesh((0.065, 0.05, 0.032), seed=19), "body")]
    parts.append((placed(centred(torus(0.058, 0.004, 20, 4)), hpr=(20, 0, 8), scale=(1.0, 0.76, 1.0),
                         at=(0, 0, 0.018)), "vein"))
    return prop_model(parts, {"body": paint("8a8782", "stone"), "vein": paint("e4e0d6", "matte")})


def hammer() -> Model:
    """A claw hammer 33 cm long lying on its side along Y: a wooden handle with a black rubber grip at -Y, a steel
    head across its top at +Y, the striking face at +X and the curved claw at -X."""
    z = 0.016
    parts: Parts = [
        (placed(centred(cylinder(0.03, 0.25, 12)), hpr=(0, 90, 0), scale=(1.0, 1.0, 0.8), at=(0, -0.015, z)),
         "handle"),
        (placed(centred(cylinder(0.034, 0.11, 12)), hpr=(0, 90, 0), scale=(1.0, 1.0, 0.85), at=(0, -0.1, z)),
         "grip"),
        (block((0.05, 0.03, 0.03), (0.01, 0.135, z)), "head"),  # the eye round the handle's end
        (placed(centred(cylinder(0.03, 0.05, 14)), hpr=(0, 0, 90), at=(0.06, 0.135, z)), "head"),  # the poll
        (placed(centred(cylinder(0.034, 0.008, 14)), hpr=(0, 0, 90), at=(0.088, 0.135, z)), "face"),
    ]
    for k in range(4):  # the claw: curving back towards the handle, split at its end
        a = 0.35 * k
        x, y = -0.02 - 0.022 * k, 0.135 - 0.012 * k * k * 0.5
        parts.append((block((0.026, 0.024 - 0.002 * k, 0.028 - 0.003 * k), (x, y, z), (float(np.degrees(a)), 0, 0)),
                      "head"))
    return prop_model(parts, {"handle": paint("c89a60", "wood"), "grip": paint("1c1c1c", "rubber"),
                              "head": paint("6a7078", "metal"), "face": paint("b8bcc2", "chrome")}, "head")


def teapot() -> Model:
    """A round china teapot 17 cm tall, white with a blue band: a squat body, a curved spout at +Y, a loop handle at
    -Y, a lid with a knob."""
    body = _lathed([(0.0, 0.0), (0.06, 0.0), (0.09, 0.04), (0.1, 0.07), (0.09, 0.11), (0.055, 0.13), (0.0, 0.13)], 32)
    parts: Parts = [
        (body, "body"),
        (placed(centred(torus(0.202, 0.012, 32, 6)), at=(0, 0, 0.07)), "band"),
        (placed(frustum(0.11, 0.09, 0.012, 24), at=(0, 0, 0.125)), "body"),  # the lid
        (placed(sphere(0.025, 12, 6), at=(0, 0, 0.135)), "band"),  # its knob
        (rod((0, 0.08, 0.04), (0, 0.13, 0.1), 0.03, 10), "body"),  # the spout, rising and narrowing
        (rod((0, 0.13, 0.1), (0, 0.155, 0.135), 0.02, 10), "body"),
        (placed(centred(_arc(0.1, 0.016, -np.pi / 2 + 0.3, np.pi / 2 - 0.1, 16, 6)), hpr=(90, 0, 0),
                at=(0, -0.09, 0.075)), "body"),
    ]
    return prop_model(parts, {"body": paint("f6f4ee", "ceramic"), "band": paint("2a5aa8", "ceramic")})


def iron() -> Model:
    """A steam iron 27 cm long pointing at +Y: a chrome soleplate pointed at the front, a blue and white body
    rising over it to a closed loop handle, a temperature dial, a water window, the flex out of its heel."""
    def plate(w: float, back: float, front: float, z0: float, z1: float) -> Mesh:
        outline = [(-w / 2, back), (w / 2, back), (w / 2, back + 0.55 * (front - back)), (0.0, front),
                   (-w / 2, back + 0.55 * (front - back))]
        top_ = [(x, y, z1) for x, y in outline]
        under = [(x, y, z0) for x, y in reversed(outline)]
        n = len(outline)
        sides = [[under[-1 - i], under[-1 - (i + 1) % n], top_[(i + 1) % n], top_[i]] for i in range(n)]
        return faceted([top_, under, *sides])

    parts: Parts = [
        (plate(0.115, -0.13, 0.14, 0.0, 0.012), "sole"),
        (plate(0.11, -0.125, 0.125, 0.012, 0.05), "body"),
        (plate(0.08, -0.11, 0.05, 0.05, 0.075), "shell"),
        (block((0.03, 0.18, 0.025), (0, -0.02, 0.14)), "shell"),  # the handle's grip
        (rod((0, 0.07, 0.07), (0, 0.06, 0.14), 0.03, 8), "shell"),  # its front post
        (rod((0, -0.1, 0.075), (0, -0.105, 0.14), 0.028, 8), "shell"),  # its back post
        (placed(cylinder(0.035, 0.012, 16), at=(0, -0.05, 0.075)), "dial"),
        (block((0.06, 0.05, 0.004), (0, 0.07, 0.051)), "window"),
        (rod((0, -0.13, 0.06), (0, -0.16, 0.07), 0.012, 6), "dial"),  # the flex guard
    ]
    return prop_model(parts, {"body": paint("2a6ad0", "glossy"), "shell": paint("f4f4f0", "plastic"),
                              "sole": paint("c8ccd0", "chrome"), "dial": paint("1c1c1c", "plastic"),
                              "window": paint("a8d0f0", "glass")})


def scissors() -> Model:
    """A pair of scissors 20 cm long lying flat, closed, points at +Y: two steel blades on a pivot screw and two
    red plastic finger loops at -Y."""
    z = 0.004
    parts: Parts = [
        (block((0.012, 0.11, 0.003), (0.003, 0.055, z), (-2, 0, 0)), "blades"),
        (block((0.012, 0.11, 0.003), (-0.003, 0.055, z + 0.003), (2, 0, 0)), "blades"),
        (placed(cylinder(0.01, 0.009, 10), at=(0, 0.0, 0.0)), "screw"),
    ]
    for sx in (-1, 1):
        parts.append((block((0.008, 0.035, 0.006), (sx * 0.01, -0.018, z), (sx * 18, 0, 0)), "loops"))
        ring = placed(centred(torus(0.038, 0.007, 18, 6)), scale=(1.0, 1.2, 1.0), at=(sx * 0.022, -0.06, z))
        parts.append((ring, "loops"))
    return prop_model(parts, {"blades": paint("c8ccd0", "chrome"), "loops": paint("d62828", "plastic"),
                              "screw": paint("6a7078", "metal")}, "blades")


def chopping_board() -> Model:
    """A wooden chopping board 40 x 28 cm and 2 cm thick with rounded corners, a juice groove round its top near the
    edge and a hanging hole at its +X end."""
    w, d, t, r = 0.4, 0.28, 0.02, 0.03
    parts: Parts = [(block((w - 2 * r, d, t), (0, 0, t / 2)), "body"),
                    (block((w, d - 2 * r, t), (0, 0, t / 2)), "body")]
    for sx in (-1, 1):
        for sy in (-1, 1):
            parts.append((placed(cylinder(2 * r, t, 12), at=(sx * (w / 2 - r), sy * (d / 2 - r), 0)), "body"))
    g = 0.025
    for sy in (-1, 1):  # the groove: thin dark strips 2.5 cm in from the edge
        parts.append((block((w - 2 * g, 0.006, 0.001), (0, sy * (d / 2 - g), t + 0.0005)), "groove"))
    for sx in (-1, 1):
        parts.append((block((0.006, d - 2 * g, 0.001), (sx * (w / 2 - g), 0, t + 0.0005)), "groove"))
    parts.append((placed(cylinder(0.022, 0.002, 12), at=(w / 2 - 0.012, 0, t)), "groove"))  # the hanging hole
    return prop_model(parts, {"body": paint("c8955a", "wood"), "groove": paint("6a4a2a", "matte")})


def toolbox() -> Model:
    """A red steel toolbox 46 x 21 x 20 cm: a box with a hinged lid, a folding black handle on top, two chrome
    latches on its front (+Y), a black band round the lid's edge."""
    w, d, h = 0.46, 0.21, 0.17
    parts: Parts = [
        (block((w, d, h - 0.045), (0, 0, (h - 0.045) / 2)), "body"),
        (block((w + 0.006, d + 0.006, 0.008), (0, 0, h - 0.045)), "band"),
        (block((w, d, 0.041), (0, 0, h - 0.0205)), "body"),  # the lid
        (rod((-0.12, 0, h), (-0.12, 0, h + 0.035), 0.014, 6), "handle"),
        (rod((0.12, 0, h), (0.12, 0, h + 0.035), 0.014, 6), "handle"),
        (rod((-0.13, 0, h + 0.035), (0.13, 0, h + 0.035), 0.024, 10), "handle"),
    ]
    for sx in (-1, 1):
        parts.append((block((0.04, 0.012, 0.05), (sx * 0.15, d / 2 + 0.006, h - 0.05)), "latches"))
        parts.append((block((0.012, 0.06, 0.03), (sx * (w / 2 + 0.006), 0, h - 0.02)), "band"))  # lid hinges' ends
    return prop_model(parts, {"body": paint("c62828", "glossy"), "band": paint("1c1c1c", "plastic"),
                              "handle": paint("1c1c1c", "rubber"), "latches": paint("c8ccd0", "chrome")})


def broom() -> Model:
    """A household broom 1.4 m long lying along Y: a varnished wooden handle with a red hanging cap at -Y, the
    golden straw bristles fanning out at +Y from a neck bound with red stitching, flattened to 7 cm thick."""
    z = 0.035
    parts: Parts = [
        (rod((0, -0.7, z), (0, 0.22, z), 0.028, 10), "handle"),
        (rod((0, -0.72, z), (0, -0.69, z), 0.034, 10), "cap"),
    ]
    # the straw: a flattened fan from a 6 cm neck to a 32 cm wide end, tapering thinner towards it
    y0, y1, y2 = 0.15, 0.33, 0.7
    w0, w1, w2 = 0.03, 0.09, 0.16
    sec = [(y0, w0, 0.03), (y1, w1, 0.035), (y2, w2, 0.012)]
    polys = []
    for (ya, wa, ta), (yb, wb, tb) in itertools.pairwise(sec):
        a0, a1, b0, b1 = (-wa, ya), (wa, ya), (-wb, yb), (wb, yb)
        polys.append([(*a0, z + ta), (*a1, z + ta), (*b1, z + tb), (*b0, z + tb)])  # top
        polys.append([(*b0, z - tb), (*b1, z - tb), (*a1, z - ta), (*a0, z - ta)])  # under
        polys.append([(*a1, z - ta), (*b1, z - tb), (*b1, z + tb), (*a1, z + ta)])  # +X side
        polys.append([(*b0, z - tb), (*a0, z - ta), (*a0, z + ta), (*b0, z + tb)])  # -X side
    (yl, wl, tl) = sec[-1]
    polys.append([(-wl, yl, z - tl), (wl, yl, z - tl), (wl, yl, z + tl), (-wl, yl, z + tl)])
    parts.append((faceted(polys), "straw"))
    for y in (0.2, 0.26, 0.33):  # the stitching across the straw
        wk = w0 + (w1 - w0) * (y - y0) / (y1 - y0)
        parts.append((block((2 * wk + 0.004, 0.008, 0.072), (0, y, z)), "stitch"))
    return prop_model(parts, {"straw": paint("d8b050", "fabric"), "handle": paint("a0683a", "wood"),
                              "stitch": paint("b02020", "fabric"), "cap": paint("b02020", "plastic")}, "straw")


def vacuum_cleaner() -> Model:
    """An upright vacuum cleaner 1.1 m tall facing +Y: a wide floor head on wheels at the front, a purple body
    standing behind it with a clear dust cylinder, a handle rising to a loop grip at the top."""
    parts: Parts = [
        (block((0.32, 0.22, 0.07), (0, 0.06, 0.045)), "body"),  # the floor head
        (block((0.3, 0.02, 0.03), (0, 0.175, 0.035)), "trim"),  # its front bumper
        (block((0.2, 0.16, 0.46), (0, -0.06, 0.33)), "body"),  # the motor body
        (placed(cylinder(0.12, 0.26, 20), at=(0, 0.04, 0.2)), "bin"),  # the clear dust cylinder
        (placed(cylinder(0.125, 0.02, 20), at=(0, 0.04, 0.46)), "trim"),
        (rod((0, -0.08, 0.56), (0, -0.1, 1.02), 0.035, 10), "trim"),  # the handle
        (block((0.025, 0.03, 0.1), (0, -0.1, 1.06)), "trim"),
        (placed(centred(_arc(0.12, 0.025, 0.0, np.pi, 16, 6)), hpr=(90, 0, 0), at=(0, -0.1, 1.04)), "trim"),
        (block((0.04, 0.02, 0.02), (0, 0.02, 0.55)), "light"),  # the power lamp
    ]
    for sx in (-1, 1):
        parts.append((placed(centred(cylinder(0.08, 0.03, 14)), hpr=(0, 0, 90), at=(sx * 0.1, -0.12, 0.04)),
                      "wheels"))
    return prop_model(parts, {"body": paint("7a3aa8", "glossy"), "bin": paint("c8d8e4", "glass"),
                              "trim": paint("2b2b2b", "plastic"), "wheels": paint("1c1c1c", "rubber"),
                              "light": paint("4af04a", "emissive")})


def _h(name: str, size: Vec, description: str, make, grip: Vec, **traits) -> AssetSpec:
    return composite(name, "prop", size, description, make, "handheld", AssetTraits(grip=grip, **traits))


ASSETS: tuple[AssetSpec, ...] = (
    _h("cup", (0.1, 0.08, 0.1), "a coffee cup with a handle (open: a spoon or a tea bag goes in it)", cup,
       (0.05, 0.0, 0.05), container=Surface(0.004, (0.056, 0.056))),
    _h("mug", (0.12, 0.09, 0.11), "a blue mug, white inside (open)", mug, (0.065, 0.0, 0.056),
       container=Surface(0.005, (0.07, 0.07))),
    _h("guitar", (0.38, 0.11, 1.25), "an acoustic guitar (stands on its end)", guitar, (0.0, 0.02, 0.9), hold="hand"),
    _h("umbrella", (1.0, 1.0, 1.0), "an open red umbrella", umbrella, (0.0, 0.0, 0.15), hold="hand"),
    _h(
        "frisbee",
        (0.28, 0.28, 0.03),
        "an orange flying disc",
        frisbee,
        (0.13, 0.0, 0.015),
        flies=True,
        physics_shape="cylinder",
    ),
    _h("kite", (0.7, 0.04, 1.45), "a red diamond kite with a tail (flies)", kite, (0.0, 0.0, 0.0), flies=True,
       hold="hand"),
    _h(
        "book",
        (0.17, 0.24, 0.03),
        "a closed blue hardback book",
        book,
        (0.0, 0.0, 0.015),
        physics_shape="box",
        supports=(Surface(0.03, (0.17, 0.24)),),
    ),
    _h("phone", (0.075, 0.155, 0.01), "a smartphone", phone, (0.0, 0.0, 0.004), physics_shape="box"),
    _h("laptop", (0.34, 0.25, 0.24), "an open laptop", laptop, (0.0, 0.1, 0.01)),
    _h(
        "bottle",
        (0.08, 0.08, 0.3),
        "a green glass bottle",
        bottle,
        (0.0, 0.0, 0.12),
        topples=True,
        physics_shape="cylinder",
    ),
    _h("bowl", (0.16, 0.16, 0.07), "a round bowl", bowl, (0.08, 0.0, 0.05), container=Surface(0.006, (0.07, 0.07))),
    _h("apple", (0.08, 0.08, 0.09), "a red apple", apple, (0.0, 0.0, 0.04), round=True, physics_shape="sphere"),
    _h(
        "plate",
        (0.27, 0.27, 0.02),
        "a dinner plate",
        plate,
        (0.13, 0.0, 0.01),
        supports=(Surface(0.005, (0.15, 0.15)),),
    ),
    _h(
        "basket",
        (0.4, 0.28, 0.38),
        "a woven picnic basket with a handle",
        basket,
        (0.0, 0.0, 0.2),
        container=Surface(0.015, (0.3, 0.2)),
    ),
    _h("handbag", (0.42, 0.18, 0.29), "a red leather handbag", handbag, (0.0, 0.0, 0.22)),
    _h("backpack", (0.3, 0.22, 0.5), "a blue school backpack", backpack, (0.0, -0.02, 0.42)),
    _h(
        "suitcase",
        (0.43, 0.26, 0.83),
        "a wheeled suitcase with a pull handle",
        suitcase,
        (0.0, -0.1, 0.82),
        physics_shape="box",
    ),
    _h("teddy_bear", (0.34, 0.24, 0.39), "a sitting teddy bear", teddy_bear, (0.0, 0.0, 0.2)),
    _h("balloon", (0.3, 0.3, 0.86), "a red balloon on a string (floats up)", balloon, (0.0, 0.0, 0.0), flies=True,
       hold="hand"),
    _h("vase", (0.2, 0.2, 0.3), "a blue ceramic vase", vase, (0.0, 0.0, 0.2), topples=True,
       container=Surface(0.22, (0.16, 0.16))),  # what it holds stands in its neck (floor 0.22 m), heads above the rim
    _h("cake", (0.25, 0.25, 0.17), "a round two-tier cake with white icing and cherries", cake, (0.0, 0.0, 0.05),
       supports=(Surface(0.158, (0.16, 0.16)),), physics_shape="cylinder"),
    _h("egg", (0.045, 0.045, 0.058), "a brown hen's egg (rolls, breaks when dropped)", egg, (0.0, 0.0, 0.029),
       round=True, physics_shape="sphere"),
    _h("fishing_rod", (0.06, 0.13, 1.9), "a fishing rod 1.9 m long with a reel (stands on its butt)", fishing_rod,
       (0.0, 0.0, 0.2), hold="hand"),
    _h("newspaper", (0.3, 0.4, 0.013), "a folded newspaper lying flat", newspaper, (0.0, 0.0, 0.006),
       physics_shape="box"),
    _h("spoon", (0.04, 0.19, 0.013), "a steel table spoon, bowl at +Y", spoon, (0.0, -0.06, 0.006), hold="hand",
       physics_shape="box"),
    _h("stick", (0.09, 0.6, 0.028), "a stick 60 cm long, the kind a dog fetches", stick, (0.0, -0.1, 0.014),
       hold="hand", physics_shape="box"),
    _h("pumpkin", (0.39, 0.38, 0.32), "an orange pumpkin 38 cm across (rolls)", pumpkin, (0.0, 0.0, 0.16),
       hold="both", round=True, physics_shape="sphere"),
    _h("banana", (0.036, 0.25, 0.094), "a yellow banana 25 cm long, curved along Y", banana, (0.0, 0.0, 0.02),
       hold="hand"),
    _h("carrot", (0.035, 0.25, 0.043), "an orange carrot with green leaves, tip at +Y", carrot, (0.0, -0.04, 0.02),
       hold="hand"),
    _h("bread", (0.135, 0.271, 0.123), "a loaf of bread 27 cm long along Y", bread, (0.0, 0.0, 0.06), hold="hand"),
    _h("pizza", (0.3, 0.3, 0.021), "a pepperoni pizza 30 cm across, lying flat (put it on a table)", pizza,
       (0.0, 0.0, 0.01), hold="both", physics_shape="cylinder"),
    _h("sandwich", (0.113, 0.113, 0.042), "a cheese, lettuce and tomato sandwich cut in two triangles", sandwich,
       (0.0, 0.0, 0.02), hold="hand", physics_shape="box"),
    _h("ice_cream", (0.07, 0.07, 0.216), "a pink scoop of ice cream in a waffle cone, held upright", ice_cream,
       (0.0, 0.0, 0.06), hold="hand"),
    _h("hat", (0.3, 0.3, 0.136), "a brown felt hat with a round brim", hat, (0.0, 0.0, 0.12), hold="hand"),
    _h("camera", (0.13, 0.127, 0.102), "a black camera, its lens at +Y", camera, (0.05, 0.0, 0.04), hold="hand",
       physics_shape="box"),
    _h("tin_can", (0.075, 0.075, 0.11), "a tin can with a red label (topples)", tin_can, (0.0, 0.0, 0.055),
       topples=True, supports=(Surface(0.11, (0.07, 0.07)),), physics_shape="cylinder"),
    _h("watering_can", (0.22, 0.48, 0.38), "a green garden watering can, spout at +Y", watering_can, (0.0, -0.16, 0.37),
       hold="side"),
    _h("shoe", (0.1, 0.28, 0.11), "a blue trainer, toe at +Y", shoe, (0.0, -0.1, 0.1), physics_shape="box"),
    _h("candle", (0.07, 0.07, 0.19), "a white pillar candle with a flame", candle, (0.0, 0.0, 0.07), topples=True,
       physics_shape="cylinder"),
    _h("alarm_clock", (0.13, 0.05, 0.14), "a red twin-bell alarm clock, face at +Y", alarm_clock, (0.0, 0.0, 0.07),
       physics_shape="box"),
    _h("pencil", (0.007, 0.18, 0.007), "a yellow pencil, tip at +Y", pencil, (0.0, -0.03, 0.0035), hold="hand",
       physics_shape="box"),
    _h("toothbrush", (0.014, 0.19, 0.018), "a blue toothbrush, bristles at +Y", toothbrush, (0.0, -0.05, 0.005),
       hold="hand", physics_shape="box"),
    _h("fork", (0.026, 0.2, 0.004), "a steel dinner fork, tines at +Y", fork, (0.0, -0.06, 0.002), hold="hand",
       physics_shape="box"),
    _h("knife", (0.022, 0.3, 0.035), "a kitchen knife, blade at +Y", knife, (0.0, -0.09, 0.008), hold="hand",
       physics_shape="box"),
    _h("frying_pan", (0.28, 0.48, 0.07), "a frying pan with a long handle towards -Y", frying_pan,
       (0.0, -0.28, 0.055), hold="hand", container=Surface(0.005, (0.2, 0.2))),
    _h("kettle", (0.19, 0.23, 0.24), "a steel electric kettle, spout at +Y", kettle, (0.0, -0.1, 0.2)),
    _h("bucket", (0.31, 0.31, 0.42), "a red plastic bucket with a wire handle", bucket, (0.0, 0.0, 0.42),
       hold="side", container=Surface(0.008, (0.2, 0.2))),
    _h("tray", (0.5, 0.35, 0.055), "a wooden serving tray 50 x 35 cm with handles at its ends (things stand on it)",
       tray, (0.0, 0.0, 0.03), hold="both", supports=(Surface(0.008, (0.44, 0.3)),), physics_shape="box"),
    _h("towel", (0.32, 0.22, 0.046), "a folded teal bath towel with white bands", towel, (0.0, 0.0, 0.023),
       hold="hand", supports=top(0.045, (0.28, 0.2)), physics_shape="box"),
    _h("light_bulb", (0.06, 0.06, 0.11), "a frosted pear-shaped light bulb 11 cm tall on its screw cap", light_bulb,
       (0.0, 0.0, 0.075), hold="hand"),
    _h("marshmallow", (0.03, 0.03, 0.028), "a pink marshmallow 3 cm across", marshmallow, (0.0, 0.0, 0.014),
       hold="hand", physics_shape="cylinder"),
    _h("cardboard_box", (0.89, 0.67, 0.49), "an open cardboard moving box 68 x 46 x 34 cm, its flaps open (a cat fits "
       "in it)", cardboard_box, (0.0, 0.0, 0.17), hold="both", container=Surface(BOX_FLOOR, (0.66, 0.44)),
       supports=top(BOX_FLOOR, (0.66, 0.44))),
    _h("bouquet", (0.15, 0.15, 0.35), "a bouquet of seven flowers on their stems, tied with a ribbon (stands in a "
       "vase)", bouquet, (0.0, 0.0, 0.06), hold="hand"),
    _h("radio", (0.3, 0.115, 0.18), "a retro portable radio 30 cm wide with a carrying handle, front at +Y", radio,
       (0.0, 0.0, 0.172), hold="side", physics_shape="box"),
    _h("snowball", (0.08, 0.08, 0.08), "a snowball 8 cm across (rolls; thrown in a snowball fight)", snowball,
       (0.0, 0.0, 0.04), hold="hand", round=True, physics_shape="sphere"),
    _h("pancake", (0.142, 0.142, 0.038), "a stack of three pancakes 14 cm across with syrup and butter", pancake,
       (0.0, 0.0, 0.012), hold="hand", supports=top(0.03, (0.05, 0.04), (-0.03, -0.025)), physics_shape="cylinder"),
    _h("watermelon", (0.3, 0.25, 0.25), "a striped green watermelon 30 cm long along X (rolls)", watermelon,
       (0.0, 0.0, 0.125), hold="both", round=True, physics_shape="sphere"),
    _h("globe", (0.26, 0.26, 0.41), "a desk globe 40 cm tall: a blue-and-green world tilted in a brass meridian on "
       "a wooden stand", globe, (0.0, 0.0, 0.25), hold="both"),
    _h("orange", (0.076, 0.075, 0.077), "an orange 7.5 cm across (rolls)", orange, (0.0, 0.0, 0.037), hold="hand",
       round=True, physics_shape="sphere"),
    _h("shirt", (0.315, 0.362, 0.058), "a pale blue shirt folded flat, 28 x 36 cm, collar at +Y (lies on a bed, a "
       "chair or the ironing board)", shirt, (0.0, 0.0, 0.02), hold="both",
       supports=top(0.035, (0.2, 0.22), (0.06, -0.06)), physics_shape="box"),
    _h("shovel", (0.22, 1.255, 0.042), "a garden shovel 1.25 m long lying along Y, its blade at +Y", shovel,
       (0.0, -0.25, 0.02), hold="hand", physics_shape="box"),
    _h("stone", (0.061, 0.052, 0.036), "a small grey stone 6 cm across, one a hand throws or skims", stone,
       (0.0, 0.0, 0.018), hold="hand"),
    _h("hammer", (0.192, 0.298, 0.034), "a claw hammer 30 cm long lying on its side, head at +Y", hammer,
       (0.0, -0.1, 0.016), hold="hand", physics_shape="box"),
    _h("teapot", (0.202, 0.276, 0.16), "a white china teapot with a blue band, spout at +Y", teapot,
       (0.0, -0.125, 0.08), hold="hand"),
    _h("iron", (0.115, 0.302, 0.153), "a blue steam iron pointing at +Y (it goes on the ironing board)", iron,
       (0.0, -0.02, 0.14), hold="hand"),
    _h("scissors", (0.082, 0.193, 0.009), "a pair of scissors with red handles lying flat, points at +Y", scissors,
       (0.0, -0.06, 0.005), hold="hand", physics_shape="box"),
    _h("chopping_board", (0.4, 0.28, 0.022), "a wooden chopping board 40 x 28 cm (things are cut on it)",
       chopping_board, (0.0, 0.0, 0.011), hold="both", supports=top(0.02, (0.34, 0.22)), physics_shape="box"),
    _h("toolbox", (0.484, 0.225, 0.216), "a red steel toolbox 46 cm long with a handle on its lid", toolbox,
       (0.0, 0.0, 0.205), hold="side", physics_shape="box"),
    _h("broom", (0.32, 1.42, 0.072), "a straw broom 1.4 m long lying along Y, its bristles at +Y", broom,
       (0.0, -0.3, 0.035), hold="hand", physics_shape="box"),
    _h("vacuum_cleaner", (0.32, 0.345, 1.11), "a purple upright vacuum cleaner 1.1 m tall, its floor head at +Y",
       vacuum_cleaner, (0.0, -0.1, 1.07), hold="hand", physics_shape="box"),
)
