"""Furniture and indoor things: tables, seats, beds, storage, kitchen and bathroom, doors, windows, the room itself."""

from __future__ import annotations

import numpy as np

from scenes import assets
from scenes.assets import centred, paint, prop_model
from scenes.catalog.shapes import Vec, block, chequer, rod
from scenes.catalog.spec import AssetSpec, composite
from scenes.geometry import Mesh, cone, cylinder, frustum, placed, sphere, torus
from scenes.rig import Model
from scenes.traits import AssetTraits, Surface, top

Parts = list[tuple[Mesh, str]]


def sofa() -> Model:
    """A three-seat sofa 2 m wide facing +Y: a base, three seat cushions, back cushions and arms."""
    parts: Parts = [
        (block((2.0, 0.9, 0.25), (0, 0, 0.2)), "body"),
        (block((2.0, 0.22, 0.55), (0, -0.34, 0.55)), "body"),
    ]
    for x in (-1, 1):
        parts.append((block((0.2, 0.9, 0.33), (x * 0.9, 0, 0.49)), "body"))
    for x in (-0.53, 0.0, 0.53):
        parts.append((block((0.52, 0.66, 0.12), (x, 0.1, 0.385)), "cushions"))
        parts.append((block((0.52, 0.14, 0.4), (x, -0.18, 0.62), (0, -8, 0)), "cushions"))
    for x in (-0.85, 0.85):
        for y in (-0.38, 0.38):
            parts.append((placed(cylinder(0.05, 0.08, 8), at=(x, y, 0.0)), "legs"))
    return prop_model(
        parts,
        {"body": paint("3d5a80", "fabric"), "cushions": paint("4f6d94", "fabric"), "legs": paint("3b2314", "wood")},
    )


def armchair() -> Model:
    """A padded armchair facing +Y."""
    parts: Parts = [
        (block((0.9, 0.85, 0.25), (0, 0, 0.2)), "body"),
        (block((0.9, 0.2, 0.6), (0, -0.33, 0.6)), "body"),
        (block((0.56, 0.62, 0.12), (0, 0.1, 0.385)), "cushions"),
    ]
    for x in (-1, 1):
        parts.append((block((0.17, 0.85, 0.3), (x * 0.365, 0, 0.47)), "body"))
    for x in (-0.38, 0.38):
        for y in (-0.35, 0.35):
            parts.append((placed(cylinder(0.05, 0.08, 8), at=(x, y, 0.0)), "legs"))
    return prop_model(
        parts,
        {"body": paint("8b3a3a", "fabric"), "cushions": paint("a04848", "fabric"), "legs": paint("3b2314", "wood")},
    )


def bed() -> Model:
    """A double bed 1.6 x 2.1 m, head at -Y: a wooden frame on legs 15 cm high (shoes and a cat go under it), a
    headboard, mattress, duvet and two pillows."""
    parts: Parts = [
        (block((1.6, 2.1, 0.25), (0, 0, 0.275)), "frame"),
        (block((1.6, 0.08, 1.0), (0, -1.05, 0.5)), "frame"),
        (block((1.5, 2.0, 0.2), (0, 0, 0.5)), "mattress"),
        (block((1.52, 1.45, 0.05), (0, 0.3, 0.625)), "duvet"),
    ]
    for x in (-0.38, 0.38):
        parts.append((placed(centred(sphere(1.0, 16, 8)), scale=(0.6, 0.34, 0.14), at=(x, -0.75, 0.67)), "pillows"))
    for x in (-0.75, 0.75):
        for y in (-1.0, 1.0):
            parts.append((block((0.08, 0.08, 0.15), (x, y, 0.075)), "frame"))
    return prop_model(
        parts,
        {
            "frame": paint("7a5230", "wood"),
            "mattress": paint("f4f1ea", "fabric"),
            "duvet": paint("5a7fb0", "fabric"),
            "pillows": paint("f8f6f0", "fabric"),
        },
        main="duvet",
    )


def desk() -> Model:
    """A writing desk 1.4 m wide with a drawer unit on the right, facing +Y."""
    parts: Parts = [
        (block((1.4, 0.7, 0.04), (0, 0, 0.73)), "body"),
        (block((0.45, 0.66, 0.71), (0.46, 0, 0.355)), "drawers"),
    ]
    for z in (0.15, 0.38, 0.6):
        parts.append((block((0.4, 0.01, 0.18), (0.46, 0.335, z)), "trim"))
        parts.append((block((0.1, 0.02, 0.02), (0.46, 0.345, z)), "handles"))
    for y in (-0.3, 0.3):
        parts.append((block((0.04, 0.04, 0.71), (-0.66, y, 0.355)), "drawers"))
    parts.append((block((0.04, 0.6, 0.04), (-0.66, 0, 0.1)), "drawers"))
    return prop_model(
        parts,
        {
            "body": paint("c49a6c", "wood"),
            "drawers": paint("f4f1ea", "matte"),
            "trim": paint("e8e2d4", "matte"),
            "handles": paint("b8bcc2", "metal"),
        },
    )


def bookshelf() -> Model:
    """A bookcase 1 m wide and 1.8 m tall with four shelves of coloured books, facing +Y."""
    rng = np.random.default_rng(11)
    parts: Parts = [
        (block((1.0, 0.3, 0.03), (0, 0, 1.785)), "body"),
        (block((1.0, 0.02, 1.8), (0, -0.14, 0.9)), "back"),
    ]
    for x in (-0.485, 0.485):
        parts.append((block((0.03, 0.3, 1.8), (x, 0, 0.9)), "body"))
    colours = ("books_a", "books_b", "books_c")
    for k, z in enumerate((0.0, 0.44, 0.88, 1.32)):
        parts.append((block((0.94, 0.28, 0.03), (0, 0, z + 0.015)), "body"))
        x = -0.44
        while x < 0.36 - 0.05 * (k % 2):
            w, h = float(rng.uniform(0.025, 0.05)), float(rng.uniform(0.22, 0.34))
            parts.append((block((w, 0.2, h), (x + w / 2, 0.02, z + 0.03 + h / 2)), colours[int(rng.integers(3))]))
            x += w + 0.004
    return prop_model(
        parts,
        {
            "body": paint("9c6b3f", "wood"),
            "back": paint("7a5230", "wood"),
            "books_a": paint("c62828", "matte"),
            "books_b": paint("1f5fa8", "matte"),
            "books_c": paint("e0b050", "matte"),
        },
    )


def kitchen_counter() -> Model:
    """A kitchen counter 2.4 m long: cupboards with handles under a stone worktop, facing +Y."""
    parts: Parts = [
        (block((2.4, 0.6, 0.86), (0, -0.02, 0.43)), "body"),
        (block((2.44, 0.64, 0.04), (0, 0, 0.88)), "top"),
        (block((2.4, 0.04, 0.1), (0, 0.26, 0.05)), "trim"),
    ]
    for k in range(4):
        x = -0.9 + k * 0.6
        parts.append((block((0.56, 0.01, 0.7), (x, 0.285, 0.47)), "doors"))
        parts.append((block((0.02, 0.02, 0.12), (x + 0.22, 0.3, 0.7)), "handles"))
    return prop_model(
        parts,
        {
            "body": paint("f4f1ea", "matte"),
            "top": paint("4a4a4a", "ceramic"),
            "doors": paint("e8e2d4", "matte"),
            "handles": paint("b8bcc2", "metal"),
            "trim": paint("2b2b2b", "matte"),
        },
    )


def fridge() -> Model:
    """A tall fridge-freezer 1.8 m high with two doors and long handles, facing +Y."""
    parts: Parts = [
        (block((0.6, 0.65, 1.8), (0, 0, 0.9)), "body"),
        (block((0.6, 0.01, 0.01), (0, 0.33, 1.2)), "trim"),
        (block((0.03, 0.04, 0.45), (-0.24, 0.35, 1.45)), "handles"),
        (block((0.03, 0.04, 0.35), (-0.24, 0.35, 0.85)), "handles"),
    ]
    return prop_model(
        parts,
        {"body": paint("e8eaec", "glossy"), "trim": paint("8a8f96", "metal"), "handles": paint("b8bcc2", "chrome")},
    )


def stove() -> Model:
    """A kitchen stove: four rings on top, an oven door with a window, knobs, facing +Y."""
    parts: Parts = [
        (block((0.6, 0.6, 0.9), (0, 0, 0.45)), "body"),
        (block((0.5, 0.01, 0.35), (0, 0.3, 0.4)), "glass"),
        (block((0.4, 0.04, 0.02), (0, 0.32, 0.66)), "trim"),
        (block((0.6, 0.6, 0.01), (0, 0, 0.905)), "top"),
    ]
    for x in (-0.14, 0.14):
        for y in (-0.14, 0.14):
            parts.append((placed(cylinder(0.18, 0.012, 20), at=(x, y, 0.91)), "rings"))
    for x in (-0.2, -0.07, 0.07, 0.2):
        parts.append((placed(cylinder(0.04, 0.03, 10), hpr=(0, -90, 0), at=(x, 0.3, 0.8)), "trim"))
    return prop_model(
        parts,
        {
            "body": paint("f4f4f4", "glossy"),
            "top": paint("1c1c1c", "glossy"),
            "rings": paint("3a3a3a", "metal"),
            "glass": paint("1c2228", "glass"),
            "trim": paint("b8bcc2", "chrome"),
        },
    )


def sink() -> Model:
    """A kitchen sink cabinet: a steel basin in the worktop, a tap, cupboard doors, facing +Y."""
    parts: Parts = [
        (block((0.8, 0.6, 0.86), (0, -0.02, 0.43)), "body"),
        (block((0.84, 0.64, 0.04), (0, 0, 0.88)), "top"),
        (block((0.55, 0.4, 0.01), (0, 0.02, 0.905)), "basin"),
        (rod((0, -0.22, 0.9), (0, -0.22, 1.15), 0.03), "basin"),
        (rod((0, -0.22, 1.15), (0, -0.05, 1.12), 0.025), "basin"),
    ]
    for x in (-0.2, 0.2):
        parts.append((block((0.38, 0.01, 0.7), (x, 0.285, 0.47)), "doors"))
    return prop_model(
        parts,
        {
            "body": paint("f4f1ea", "matte"),
            "top": paint("4a4a4a", "ceramic"),
            "basin": paint("c0c4c8", "chrome"),
            "doors": paint("e8e2d4", "matte"),
        },
    )


def floor_lamp() -> Model:
    """A floor lamp 1.6 m tall: a round base, a thin stand and a glowing fabric shade."""
    parts: Parts = [
        (cylinder(0.3, 0.03, 24), "body"),
        (rod((0, 0, 0.03), (0, 0, 1.35), 0.025), "body"),
        (placed(frustum(0.45, 0.3, 0.3, 24), at=(0, 0, 1.3)), "shade"),
        (placed(sphere(0.12, 12, 6), at=(0, 0, 1.32)), "lights"),
    ]
    return prop_model(
        parts,
        {"body": paint("2b2b2b", "metal"), "shade": paint("f2e6c8", "fabric"), "lights": paint("ffe8a8", "emissive")},
        main="shade",
    )


def rug() -> Model:
    """A rectangular rug 2 x 1.4 m with a patterned border."""
    parts: Parts = [
        (block((2.0, 1.4, 0.008), (0, 0, 0.004)), "body"),
        (block((1.5, 0.9, 0.002), (0, 0, 0.009)), "accent"),
    ]
    for x in (-0.95, 0.95):
        parts.append((block((0.1, 1.4, 0.006), (x, 0, 0.007)), "fringe"))
    return prop_model(
        parts,
        {"body": paint("9b2c2c", "fabric"), "accent": paint("e0b050", "fabric"), "fringe": paint("f2e6c8", "fabric")},
    )


def door() -> Model:
    """A panelled wooden door 0.9 x 2.1 m in its frame, along X, with a brass handle."""
    parts: Parts = [
        (block((0.9, 0.05, 2.05), (0, 0, 1.025)), "body"),
        (block((1.04, 0.1, 0.07), (0, 0, 2.085)), "frame"),
    ]
    for x in (-0.485, 0.485):
        parts.append((block((0.07, 0.1, 2.12), (x, 0, 1.06)), "frame"))
    for z in (0.55, 1.45):
        parts.append((block((0.6, 0.06, 0.6), (0, 0, z)), "panels"))
    for y in (-0.04, 0.04):
        parts.append((placed(sphere(0.06, 10, 5), at=(0.35, y, 0.97)), "handle"))
    return prop_model(
        parts,
        {
            "body": paint("8a5a32", "wood"),
            "frame": paint("f4f1ea", "matte"),
            "panels": paint("7a4a28", "wood"),
            "handle": paint("c9a44c", "metal"),
        },
    )


def window() -> Model:
    """A window 1.2 m square, along X: a white frame, four panes and a sill (set it on a wall)."""
    parts: Parts = [
        (block((1.1, 0.03, 1.1), (0, 0, 0.6)), "glass"),
        (block((1.3, 0.18, 0.05), (0, 0.04, 0.025)), "frame"),
    ]
    for x in (-0.575, 0.0, 0.575):
        parts.append((block((0.05 if x else 0.03, 0.08, 1.15), (x, 0, 0.625)), "frame"))
    for z in (0.075, 0.6, 1.175):
        parts.append((block((1.2, 0.08, 0.05 if z != 0.6 else 0.03), (0, 0, z)), "frame"))
    return prop_model(parts, {"glass": paint("9fc5e0", "glass"), "frame": paint("f4f4f4", "matte")}, main="frame")


def tv() -> Model:
    """A flat-screen television on a stand, 1.2 m wide, screen facing +Y."""
    parts: Parts = [
        (block((1.2, 0.05, 0.7), (0, 0, 0.5)), "body"),
        (block((1.14, 0.01, 0.64), (0, 0.026, 0.5)), "screen"),
        (block((0.4, 0.22, 0.02), (0, 0, 0.01)), "body"),
        (block((0.06, 0.04, 0.16), (0, -0.02, 0.09)), "body"),
    ]
    return prop_model(parts, {"body": paint("1c1c1c", "plastic"), "screen": paint("203048", "glossy")}, main="screen")


def piano() -> Model:
    """An upright piano facing +Y: a dark case, a keyboard of white and black keys, and a stool-height key bed."""
    parts: Parts = [
        (block((1.5, 0.6, 1.25), (0, -0.1, 0.625)), "body"),
        (block((1.4, 0.25, 0.06), (0, 0.3, 0.72)), "keys"),
        (block((1.5, 0.3, 0.05), (0, 0.28, 0.775)), "body"),
        (block((1.5, 0.04, 0.5), (0, 0.2, 1.0)), "body"),
    ]
    for x in np.linspace(-0.66, 0.66, 30):
        if round((x + 0.66) / (1.32 / 29)) % 7 not in (2, 6):
            parts.append((block((0.02, 0.12, 0.03), (float(x) + 0.022, 0.26, 0.765)), "black_keys"))
    for x in (-0.7, 0.7):
        parts.append((block((0.06, 0.08, 0.7), (x, 0.38, 0.35)), "body"))
    return prop_model(
        parts,
        {"body": paint("161616", "glossy"), "keys": paint("f8f6f0", "glossy"), "black_keys": paint("0a0a0a", "glossy")},
    )


def bathtub() -> Model:
    """A white bathtub 1.7 m long on four feet, a chrome tap at the -Y end."""
    from scenes.catalog.handheld import _open_vessel

    tub = placed(_open_vessel(1.0, 1.15, 0.55, 0.05, 32), scale=(0.7, 1.5, 1.0), at=(0, 0, 0.08))
    parts: Parts = [
        (tub, "body"),
        (rod((0, -0.75, 0.6), (0, -0.75, 0.75), 0.04), "tap"),
        (rod((0, -0.75, 0.75), (0, -0.6, 0.72), 0.03), "tap"),
    ]
    for x in (-0.28, 0.28):
        for y in (-0.6, 0.6):
            parts.append((placed(sphere(0.1, 10, 5), at=(x, y, 0.0)), "tap"))
    return prop_model(parts, {"body": paint("f8f8f6", "ceramic"), "tap": paint("c0c4c8", "chrome")})


def room(width: float = 6.0, depth: float = 5.0, height: float = 2.8) -> Model:
    """An indoor room open towards -Y (where the camera stands, looking in along +Y): a wooden floor, three walls,
    a ceiling, a window in the back wall (+Y) that lets the sun in, and a skirting board."""
    t = 0.12
    win_w, win_h, sill = 1.6, 1.2, 0.9
    side = (width - win_w) / 2
    back_y = depth / 2 - t / 2
    parts: Parts = [
        (block((width, depth, 0.02), (0, 0, 0.01)), "floor"),  # thin: what stands on the ground stands on it
        (block((width, depth, t), (0, 0, height + t / 2)), "ceiling"),
        (block((side, t, height), (-(win_w + side) / 2, back_y, height / 2)), "walls"),
        (block((side, t, height), ((win_w + side) / 2, back_y, height / 2)), "walls"),
        (block((win_w, t, sill), (0, back_y, sill / 2)), "walls"),
        (block((win_w, t, height - sill - win_h), (0, back_y, (height + sill + win_h) / 2)), "walls"),
        (block((win_w, 0.03, win_h), (0, back_y, sill + win_h / 2)), "glass"),
    ]
    for x in (-1, 1):  # no skirting boards: ten solid parts at most, so the world check sees the room hollow
        parts.append((block((t, depth, height), (x * (width - t) / 2, 0, height / 2)), "walls"))
    return prop_model(
        parts,
        {
            "walls": paint("ece4d4", "matte"),
            "floor": paint("b08050", "wood"),
            "ceiling": paint("f6f4ee", "matte"),
            "glass": paint("cfe4f2", "glass"),
        },
        main="walls",
    )


def high_chair() -> Model:
    """A child's wooden high chair facing +Y: splayed legs, a seat 0.55 m up with a back and arms, a tray in front."""
    seat = 0.55
    parts: Parts = [
        (block((0.36, 0.34, 0.03), (0, 0, seat - 0.015)), "body"),
        (block((0.36, 0.03, 0.4), (0, -0.17, seat + 0.2), (0, -6, 0)), "body"),
        (block((0.46, 0.22, 0.025), (0, 0.28, seat + 0.22)), "tray"),
        (block((0.4, 0.02, 0.03), (0, 0.385, seat + 0.245)), "tray"),
        (block((0.3, 0.03, 0.03), (0, 0.2, 0.2)), "legs"),
    ]
    for s in (-1, 1):
        parts.append((block((0.03, 0.34, 0.03), (s * 0.18, 0.02, seat + 0.19)), "body"))
        parts.append((block((0.03, 0.03, 0.2), (s * 0.18, 0.17, seat + 0.09)), "body"))
        parts.append((block((0.03, 0.1, 0.03), (s * 0.18, 0.22, seat + 0.2)), "body"))
        for f in (-1, 1):
            parts.append((rod((s * 0.26, f * 0.26, 0.0), (s * 0.15, f * 0.14, seat - 0.03), 0.035, 8), "legs"))
        parts.append((rod((s * 0.225, -0.22, 0.15), (s * 0.225, 0.22, 0.15), 0.02, 6), "legs"))
    return prop_model(
        parts, {"body": paint("e9d3a8", "wood"), "legs": paint("c9a878", "wood"), "tray": paint("f4f4f2", "plastic")}
    )


def pillow() -> Model:
    """A soft pillow (a cushion) 50 x 35 cm and 12 cm thick: a squared, plump shape, a piped seam round its middle."""
    from scenes.geometry import from_triangles

    ball = placed(sphere(1.0, 32, 16), at=(0, 0, -0.5))  # centred on the origin, radius 0.5
    v = ball.vertices.astype(np.float64) * 2.0
    v[:, :2] = np.sign(v[:, :2]) * np.abs(v[:, :2]) ** 0.45  # squared off in plan, round in section
    cushion = from_triangles(v * [0.25, 0.175, 0.06] + [0, 0, 0.06], ball.triangles)
    parts: Parts = [
        (cushion, "body"),
        (placed(cushion, scale=(1.01, 1.01, 0.06), at=(0, 0, 0.0565)), "trim"),
    ]
    return prop_model(parts, {"body": paint("e8d8f0", "fabric"), "trim": paint("b8a0c8", "fabric")})


def tablecloth() -> Model:
    """A chequered tablecloth 1.22 x 0.82 m, 4 mm thick, lying flat: laid on a table it covers the top to just over
    each edge; plates, cups and a cake stand on it (or on the table through it: it is thinner than
    the world check's overlap allowance)."""
    parts: Parts = [(block((1.22, 0.82, 0.003), (0, 0, 0.0015)), "body")]
    parts += [(square, "accent") for square, first in chequer(9, 6, 0.135, 0.003, 0.001) if first]
    for s in (-1, 1):
        parts.append((block((1.22, 0.012, 0.004), (0, s * 0.404, 0.002)), "hem"))
    return prop_model(
        parts,
        {"body": paint("f6f4ee", "fabric"), "accent": paint("2f6bb0", "fabric"), "hem": paint("d9d4c8", "fabric")},
    )


def whiteboard() -> Model:
    """A whiteboard 1.8 x 1.2 m on a wheeled stand, facing +Y: an aluminium frame, a pen tray, two A-legs on castors."""
    cz = 1.35
    parts: Parts = [
        (block((1.8, 0.02, 1.2), (0, 0, cz)), "body"),
        (block((1.84, 0.025, 0.03), (0, 0, cz + 0.615)), "frame"),
        (block((1.84, 0.025, 0.03), (0, 0, cz - 0.615)), "frame"),
        (block((0.6, 0.07, 0.02), (0, 0.04, cz - 0.64)), "frame"),
        (block((0.5, 0.003, 0.06), (-0.35, 0.012, cz + 0.25)), "ink"),
        (block((0.3, 0.003, 0.04), (0.3, 0.012, cz + 0.05)), "ink"),
    ]
    for s in (-1, 1):
        parts.append((block((0.03, 0.025, 1.26), (s * 0.915, 0, cz)), "frame"))
        parts.append((rod((s * 0.95, 0, 0.08), (s * 0.95, 0, cz + 0.3), 0.04, 8), "frame"))
        parts.append((rod((s * 0.95, -0.3, 0.08), (s * 0.95, 0.3, 0.08), 0.04, 8), "frame"))
        for f in (-1, 1):
            parts.append((placed(sphere(0.07, 10, 5), at=(s * 0.95, f * 0.3, 0.0)), "wheels"))
    return prop_model(
        parts,
        {"body": paint("f8f8f6", "glossy"), "frame": paint("b8bcc2", "metal"), "ink": paint("2f5fa8", "matte"),
         "wheels": paint("1c1c1c", "rubber")},
    )


def toaster() -> Model:
    """A two-slice toaster 28 x 18 cm and 19 cm tall, steel with black ends, a lever on its right."""
    parts: Parts = [
        (block((0.28, 0.18, 0.18), (0, 0, 0.09)), "body"),
        (block((0.03, 0.17, 0.17), (-0.13, 0, 0.09)), "trim"),
        (block((0.03, 0.17, 0.17), (0.13, 0, 0.09)), "trim"),
        (block((0.03, 0.04, 0.015), (0.155, 0, 0.12)), "trim"),
    ]
    for y in (-0.035, 0.035):
        parts.append((block((0.2, 0.028, 0.004), (0, y, 0.1885)), "slots"))
    return prop_model(
        parts,
        {"body": paint("c8ccd0", "chrome"), "trim": paint("1c1c1c", "plastic"), "slots": paint("0a0a0a", "matte")},
    )


def microwave() -> Model:
    """A microwave oven 48 x 36 cm and 28 cm tall, door at +Y: a dark glass window and a control panel on the right."""
    parts: Parts = [
        (block((0.48, 0.36, 0.28), (0, 0, 0.14)), "body"),
        (block((0.32, 0.004, 0.2), (-0.06, 0.181, 0.14)), "glass"),
        (block((0.1, 0.004, 0.24), (0.18, 0.181, 0.14)), "panel"),
        (block((0.02, 0.02, 0.18), (0.11, 0.19, 0.14)), "trim"),
    ]
    for z in (0.2, 0.15, 0.1):
        parts.append((block((0.06, 0.003, 0.03), (0.18, 0.184, z)), "trim"))
    return prop_model(
        parts,
        {"body": paint("f2f2f0", "glossy"), "glass": paint("1c2228", "glass"), "panel": paint("2b2b2b", "plastic"),
         "trim": paint("9aa0a6", "metal")},
    )


def mirror() -> Model:
    """A tall standing mirror 0.6 x 1.7 m in a wooden frame on a stand, glass facing +Y, leaning back a little."""
    parts: Parts = [
        (block((0.6, 0.03, 1.5), (0, 0, 0.95), (0, -5, 0)), "frame"),
        (block((0.52, 0.004, 1.42), (0, 0.016, 0.95), (0, -5, 0)), "glass"),
        (block((0.7, 0.35, 0.04), (0, -0.05, 0.02)), "frame"),
    ]
    for s in (-1, 1):
        parts.append((rod((s * 0.3, 0.0, 0.04), (s * 0.3, -0.06, 0.9), 0.03, 6), "frame"))
    return prop_model(parts, {"frame": paint("7a5230", "wood"), "glass": paint("d8e6ee", "chrome")}, main="glass")


def toilet() -> Model:
    """A white toilet facing +Y: a pedestal, an oval bowl with a seat ring 42 cm up, the lid raised against a
    cistern at the back with a flush button."""
    from scenes.geometry import ellipsoid, torus

    parts: Parts = [
        (placed(frustum(0.26, 0.3, 0.3, 20), at=(0, 0.05, 0), scale=(1.0, 1.3, 1.0)), "body"),
        (placed(ellipsoid((0.36, 0.48, 0.22), 20, 8), at=(0, 0.1, 0.2)), "body"),
        (placed(torus(0.38, 0.05, 24, 6), at=(0, 0.1, 0.4), scale=(0.95, 1.26, 1.0)), "seat"),
        (placed(cylinder(0.28, 0.005, 20), at=(0, 0.1, 0.39), scale=(1.0, 1.4, 1.0)), "water"),
        (block((0.4, 0.18, 0.38), (0, -0.2, 0.6)), "body"),
        (block((0.42, 0.2, 0.03), (0, -0.2, 0.805)), "body"),
        (block((0.36, 0.03, 0.44), (0, -0.09, 0.64), (0, -8, 0)), "seat"),
        (placed(cylinder(0.05, 0.015, 12), at=(0, -0.2, 0.82)), "trim"),
    ]
    return prop_model(parts, {"body": paint("f6f6f4", "ceramic"), "seat": paint("ecece8", "plastic"),
                              "water": paint("a8d0e8", "glass"), "trim": paint("b8bcc0", "metal")})


def shower() -> Model:
    """A shower cubicle 0.9 m square and 2.1 m tall, open at +Y behind a glass door: a white tray, tiled back and
    side walls, a glass side panel, a chrome riser with a round head and a mixer."""
    parts: Parts = [
        (block((0.9, 0.9, 0.08), (0, 0, 0.04)), "tray"),
        (block((0.9, 0.05, 2.0), (0, -0.425, 1.08)), "tiles"),
        (block((0.05, 0.85, 2.0), (-0.425, 0.025, 1.08)), "tiles"),
        (block((0.01, 0.85, 1.95), (0.445, 0.025, 1.055)), "glass"),
        (block((0.85, 0.01, 1.95), (0.0, 0.445, 1.055)), "glass"),
        (block((0.03, 0.03, 2.0), (0.435, 0.435, 1.08)), "chrome"),
        (block((0.9, 0.03, 0.03), (0.0, 0.435, 2.065)), "chrome"),
        (block((0.03, 0.9, 0.03), (0.435, 0.0, 2.065)), "chrome"),
        (rod((0.0, -0.39, 1.0), (0.0, -0.39, 1.95), 0.025, 8), "chrome"),
        (rod((0.0, -0.39, 1.95), (0.0, -0.2, 1.95), 0.025, 8), "chrome"),
        (placed(cylinder(0.2, 0.03, 20), at=(0.0, -0.17, 1.92)), "chrome"),
        (placed(cylinder(0.09, 0.06, 12), hpr=(0, 90, 0), at=(0.0, -0.37, 1.1)), "chrome"),
        (placed(cylinder(0.06, 0.005, 12), at=(0.0, 0.0, 0.08)), "chrome"),
    ]
    for z in np.arange(0.4, 2.0, 0.4):  # grout lines on the tiles
        parts.append((block((0.86, 0.004, 0.01), (0.0, -0.399, float(z))), "grout"))
        parts.append((block((0.004, 0.8, 0.01), (-0.399, 0.025, float(z))), "grout"))
    return prop_model(parts, {"tiles": paint("dfe9ee", "ceramic"), "tray": paint("f6f6f4", "ceramic"),
                              "glass": paint("cfe4f2", "glass"), "chrome": paint("c8ccd0", "metal"),
                              "grout": paint("a8b0b4", "matte")}, "tiles")


def curtain() -> Model:
    """A drawn curtain 1.4 m wide and 2.2 m long, hanging in soft folds from a pole with rings along X."""
    from scenes.geometry import torus

    parts: Parts = [(rod((-0.78, 0.0, 2.16), (0.78, 0.0, 2.16), 0.03, 8), "pole")]
    for sx in (-1, 1):
        parts.append((placed(sphere(0.06, 10, 5), at=(sx * 0.78, 0, 2.13)), "pole"))
    for k in range(10):
        x = -0.63 + k * 0.14
        parts.append((placed(cylinder(1.0, 2.06, 12), at=(x, 0.008 * (k % 2), 0.0),
                             scale=(0.17, 0.05 + 0.015 * (k % 2), 1.0)), "fabric"))
        parts.append((placed(torus(0.05, 0.01, 10, 4), hpr=(0, 0, 90), at=(x, 0, 2.135)), "pole"))
    parts.append((block((1.4, 0.02, 0.08), (0.0, 0.0, 2.06)), "hem"))
    return prop_model(parts, {"fabric": paint("8a2a3a", "fabric"), "hem": paint("6a1a2a", "fabric"),
                              "pole": paint("8a6a3a", "wood")}, "fabric")


def cupboard() -> Model:
    """A wooden kitchen cupboard 0.94 m wide, 0.48 m deep and 1 m tall facing +Y: two panelled doors with bar
    handles under two drawers, on a dark recessed plinth, an overhanging top to put things on."""
    front = 0.215  # the carcass's front face
    parts: Parts = [
        (block((0.86, 0.4, 0.08), (0, -0.02, 0.04)), "plinth"),
        (block((0.9, 0.43, 0.89), (0, 0.0, 0.525)), "body"),
        (block((0.94, 0.48, 0.03), (0, 0.0, 0.985)), "top"),
    ]
    for sx in (-1, 1):
        x = sx * 0.222
        parts.append((block((0.43, 0.02, 0.62), (x, front + 0.01, 0.41)), "doors"))  # a door, 0.1 to 0.72 m
        parts.append((block((0.33, 0.006, 0.5), (x, front + 0.023, 0.41)), "panels"))  # its raised panel
        parts.append((block((0.43, 0.02, 0.2), (x, front + 0.01, 0.845)), "doors"))  # a drawer front
        parts.append((block((0.014, 0.024, 0.14), (sx * 0.04, front + 0.032, 0.58)), "handles"))
        parts.append((block((0.12, 0.024, 0.014), (x, front + 0.032, 0.845)), "handles"))
    return prop_model(parts, {"body": paint("a8743e", "wood"), "doors": paint("bb8449", "wood"),
                              "panels": paint("c8925a", "wood"), "top": paint("7a4e28", "wood"),
                              "plinth": paint("3a2a1c", "matte"), "handles": paint("2a2a2a", "metal")}, "doors")


def fireplace() -> Model:
    """A brick fireplace 1.4 m wide and 1.2 m tall against a wall, facing +Y: a chimney breast of brick piers and
    a lintel round an open firebox 0.7 x 0.6 m, sooty inside, logs on an iron grate burning with glowing flames, a
    stone hearth in front and a wooden mantelpiece on top (a clock or a vase stands on it)."""
    back, front = -0.225, 0.1  # the brickwork's back and front faces
    depth, mid = front - back, (front + back) / 2
    opening, arch = 0.7, 0.65  # the firebox's width and height over the hearth
    hearth = 0.05
    parts: Parts = [
        (block((1.4, 0.45, hearth), (0, 0.0, hearth / 2)), "hearth"),
        (block((opening, depth, 1.12 - arch - hearth), (0, mid, (arch + hearth + 1.12) / 2)), "brick"),  # lintel
        (block((opening, 0.08, arch), (0, back + 0.04, hearth + arch / 2)), "brick"),  # the firebox's back
        (block((opening - 0.02, 0.004, arch - 0.02), (0, back + 0.082, hearth + arch / 2)), "soot"),
        (block((1.4, 0.35, 0.05), (0, back + 0.175, 1.175)), "mantel"),  # the mantel shelf, top at 1.2 m
        (block((1.3, 0.05, 0.06), (0, front + 0.025, 1.12)), "mantel"),  # its moulding
        (block((opening + 0.08, 0.03, 0.06), (0, front + 0.015, hearth + arch + 0.03)), "hearth"),  # a stone lintel
    ]
    for sx in (-1, 1):
        pier = (1.3 - opening) / 2
        parts.append((block((pier, depth, 1.12 - hearth), (sx * (opening + pier) / 2, mid, (1.12 + hearth) / 2)),
                      "brick"))
        parts.append((block((0.004, depth - 0.08, arch - 0.02), (sx * (opening / 2 - 0.002), mid - 0.04,
                                                                 hearth + arch / 2)), "soot"))
        parts.append((rod((sx * 0.22, -0.12, hearth), (sx * 0.22, -0.12, hearth + 0.12), 0.02, 6), "grate"))
        parts.append((rod((sx * 0.22, 0.02, hearth), (sx * 0.22, 0.02, hearth + 0.12), 0.02, 6), "grate"))
    for y in (-0.12, 0.02):
        parts.append((rod((-0.24, y, hearth + 0.1), (0.24, y, hearth + 0.1), 0.02, 6), "grate"))
    for k, (a, y) in enumerate(((-12.0, -0.06), (14.0, -0.03), (0.0, -0.1))):  # the logs on the grate
        z = hearth + 0.15 + 0.05 * (k == 2)
        parts.append((placed(rod((-0.22, 0, 0), (0.22, 0, 0), 0.09, 8), hpr=(a, 0, 0), at=(0, y, z)), "logs"))
    parts += [
        (placed(cone(0.36, 0.34, 10), at=(0, -0.05, hearth + 0.17)), "flames"),
        (placed(cone(0.16, 0.26, 8), at=(-0.14, -0.06, hearth + 0.17)), "flames"),
        (placed(cone(0.16, 0.24, 8), at=(0.14, -0.04, hearth + 0.17)), "flames"),
        (placed(cone(0.2, 0.42, 8), at=(0.02, -0.04, hearth + 0.18)), "core"),
    ]
    return prop_model(parts, {"brick": paint("9b4a32", "brick"), "mantel": paint("6b4426", "wood"),
                              "hearth": paint("b8b2a6", "stone"), "soot": paint("1c1814", "matte"),
                              "grate": paint("2a2a2a", "metal"), "logs": paint("4a2e1c", "wood"),
                              "flames": paint("ff7a1a", "emissive"), "core": paint("ffd24a", "emissive")}, "brick")


def painting() -> Model:
    """A framed painting 0.8 x 0.6 m in the XZ plane, picture facing +Y: a gilt frame round a landscape (a blue
    sky, a yellow sun, green hills, a tree, a field in front). Its base is its frame's bottom edge: it hangs (set it
    at the height of a wall)."""
    fw, fh, border = 0.8, 0.6, 0.06
    cw, ch, cz = fw - 2 * border, fh - 2 * border, fh / 2
    front = 0.012  # the canvas's face; the picture's shapes lie on it
    low = cz - ch / 2
    parts: Parts = [
        (block((cw, 0.024, ch), (0, 0.0, cz)), "canvas"),  # the sky
        (block((cw, 0.004, 0.14), (0, front + 0.002, low + 0.07)), "field"),
        (placed(centred(cylinder(0.09, 0.004, 20)), hpr=(0, 90, 0), at=(0.18, front + 0.002, cz + 0.13)), "sun"),
        (block((0.018, 0.004, 0.1), (-0.2, front + 0.006, low + 0.17)), "trunk"),
        (placed(centred(sphere(1.0, 14, 7)), scale=(0.11, 0.004, 0.12), at=(-0.2, front + 0.007, low + 0.27)),
         "tree"),
    ]
    for x, w, h in ((-0.14, 0.46, 0.26), (0.16, 0.4, 0.2)):  # the hills, their feet behind the field
        parts.append((placed(centred(sphere(1.0, 20, 8)), scale=(w, 0.004, h), at=(x, front, low + 0.13)), "hills"))
    parts.append((block((cw, 0.004, 0.05), (0, front + 0.003, low + 0.025)), "field"))  # under the hills' feet
    for sz in (-1, 1):
        parts.append((block((fw, 0.05, border), (0, 0.0, cz + sz * (fh - border) / 2)), "frame"))
        parts.append((block((border, 0.05, fh - 2 * border), (sz * (fw - border) / 2, 0.0, cz)), "frame"))
        parts.append((block((cw + 0.01, 0.03, 0.012), (0, 0.012, cz + sz * (ch / 2 + 0.004))), "gilt"))
        parts.append((block((0.012, 0.03, ch), (sz * (cw / 2 + 0.004), 0.012, cz)), "gilt"))
    return prop_model(parts, {"frame": paint("6b4426", "wood"), "gilt": paint("c9a44c", "metal"),
                              "canvas": paint("8ab8e0", "matte"), "sun": paint("f6d040", "matte"),
                              "hills": paint("5a9a3a", "matte"), "field": paint("a8b848", "matte"),
                              "trunk": paint("5a3a22", "matte"), "tree": paint("2f6b2a", "matte")}, "canvas")


def ironing_board() -> Model:
    """An ironing board 1.22 m long along X, its padded top 90 cm up: a cover printed with a pattern over the board,
    rounded to a point at +X, on two steel legs crossed in an X under it, a wire rest for the iron at -X."""
    h, t = 0.9, 0.025
    length, w = 1.22, 0.38
    body = length - 0.3  # the straight part; the nose a tapering end beyond it
    parts: Parts = [(block((body, w, t), (-length / 2 + body / 2, 0, h - t / 2)), "cover")]
    for k in range(6):  # the nose: narrowing slabs towards +X, rounded
        x0 = -length / 2 + body + 0.05 * k
        wk = w * float(np.cos(np.radians(14 * (k + 1)))) ** 1.5
        parts.append((block((0.05, wk, t), (x0 + 0.025, 0, h - t / 2)), "cover"))
    for k in range(7):  # the cover's printed stripes
        parts.append((block((0.03, w - 0.06, 0.002), (-0.5 + 0.14 * k, 0, h + 0.001)), "print"))
    for sx in (-1, 1):  # the X legs, each a pair of tubes splayed across Y at its foot
        top_x, foot_x = sx * 0.3, -sx * 0.38
        for sy in (-1, 1):
            parts.append((rod((foot_x, sy * 0.16, 0.01), (top_x, sy * 0.07, h - t - 0.02), 0.022, 8), "legs"))
        parts.append((rod((foot_x, -0.17, 0.015), (foot_x, 0.17, 0.015), 0.025, 8), "legs"))  # its foot bar
        parts.append((placed(centred(cylinder(0.03, 0.04, 8)), hpr=(0, 90, 0), at=(foot_x, 0.17, 0.015)), "feet"))
        parts.append((placed(centred(cylinder(0.03, 0.04, 8)), hpr=(0, 90, 0), at=(foot_x, -0.17, 0.015)), "feet"))
    parts.append((block((0.7, 0.1, 0.02), (0.0, 0.0, h - t - 0.02)), "legs"))  # the frame under the board
    for sy in (-1, 1):  # the iron rest: a wire loop out from the square end
        parts.append((rod((-length / 2, sy * 0.1, h - 0.01), (-length / 2 - 0.14, sy * 0.1, h - 0.01), 0.008, 4),
                      "legs"))
    parts.append((rod((-length / 2 - 0.14, -0.1, h - 0.01), (-length / 2 - 0.14, 0.1, h - 0.01), 0.008, 4), "legs"))
    return prop_model(parts, {"cover": paint("e8eef4", "fabric"), "print": paint("5a8ac8", "fabric"),
                              "legs": paint("c8ccd0", "metal"), "feet": paint("1c1c1c", "rubber")}, "cover")


def washing_machine() -> Model:
    """A white front-loading washing machine 60 x 60 x 85 cm, its front at +Y: a round door with a chrome rim and a
    dark glass window, a control panel along the top with a detergent drawer, a programme dial and a display."""
    w, d, h = 0.6, 0.6, 0.85
    front = d / 2
    door_z = 0.42
    parts: Parts = [
        (block((w, d, h), (0, 0, h / 2)), "body"),
        (block((w - 0.02, 0.01, 0.12), (0, front + 0.005, h - 0.08)), "panel"),
        (block((0.18, 0.012, 0.08), (-0.18, front + 0.011, h - 0.08)), "body"),  # the detergent drawer
        (block((0.12, 0.008, 0.05), (0.05, front + 0.012, h - 0.08)), "display"),
        (placed(centred(cylinder(0.06, 0.02, 20)), hpr=(0, 90, 0), at=(0.2, front + 0.02, h - 0.08)), "trim"),
        (placed(centred(torus(0.38, 0.03, 32, 8)), hpr=(0, 90, 0), at=(0, front + 0.012, door_z)), "trim"),
        (placed(centred(cylinder(0.33, 0.02, 32)), hpr=(0, 90, 0), at=(0, front + 0.01, door_z)), "glass"),
        (placed(centred(cylinder(0.22, 0.012, 28)), hpr=(0, 90, 0), at=(0, front + 0.016, door_z)), "drum"),
        (block((0.56, 0.01, 0.04), (0, front + 0.005, 0.03)), "panel"),  # the plinth's kick strip
    ]
    return prop_model(parts, {"body": paint("f6f6f4", "glossy"), "panel": paint("dcdcda", "plastic"),
                              "display": paint("3ad0f0", "emissive"), "trim": paint("c8ccd0", "chrome"),
                              "glass": paint("2e3b48", "glass"), "drum": paint("8a9098", "metal")})


def workbench() -> Model:
    """A wooden workbench 1.5 x 0.7 m, its thick beech top 90 cm up, on four square legs with rails and a slatted
    shelf 20 cm up, a steel vice at its front left corner (+Y), a tool rack along its back edge."""
    w, d, h, t = 1.5, 0.7, 0.9, 0.06
    parts: Parts = [(block((w, d, t), (0, 0, h - t / 2)), "top")]
    for sx in (-1, 1):
        for sy in (-1, 1):
            parts.append((block((0.07, 0.07, h - t), (sx * (w / 2 - 0.08), sy * (d / 2 - 0.06), (h - t) / 2)),
                          "frame"))
        parts.append((block((0.05, d - 0.12, 0.06), (sx * (w / 2 - 0.08), 0, 0.2)), "frame"))
    for sy in (-1, 1):
        parts.append((block((w - 0.16, 0.04, 0.08), (0, sy * (d / 2 - 0.06), h - t - 0.04)), "frame"))
        parts.append((block((w - 0.16, 0.05, 0.06), (0, sy * (d / 2 - 0.06), 0.2)), "frame"))
    for k in range(6):  # the shelf's slats
        parts.append((block((w - 0.2, 0.08, 0.02), (0, -0.24 + 0.096 * k, 0.24)), "frame"))
    vx, vy = -w / 2 + 0.25, d / 2  # the vice
    parts += [
        (block((0.2, 0.06, 0.1), (vx, vy - 0.03, h - 0.05)), "vice"),  # its fixed jaw against the front edge
        (block((0.2, 0.05, 0.1), (vx, vy + 0.08, h - 0.05)), "vice"),  # its moving jaw
        (rod((vx, vy + 0.1, h - 0.06), (vx, vy + 0.17, h - 0.06), 0.025, 8), "vice"),  # the screw
        (rod((vx - 0.1, vy + 0.17, h - 0.06), (vx + 0.1, vy + 0.17, h - 0.06), 0.016, 6), "handle"),  # tommy bar
    ]
    parts.append((block((w - 0.1, 0.03, 0.16), (0, -d / 2 - 0.015, h + 0.08)), "frame"))  # the rack's board
    for k in range(5):  # tools' handles standing in the rack
        parts.append((rod((-0.5 + 0.25 * k, -d / 2 - 0.04, h + 0.02), (-0.5 + 0.25 * k, -d / 2 - 0.04, h + 0.2),
                          0.03, 8), "handle"))
    return prop_model(parts, {"top": paint("d8b078", "wood"), "frame": paint("9a6a3a", "wood"),
                              "vice": paint("2a5aa8", "metal"), "handle": paint("c62828", "plastic")}, "top")


def _f(name: str, size: Vec, description: str, make, traits: AssetTraits = AssetTraits()) -> AssetSpec:
    return composite(name, "prop", size, description, make, "furniture", traits)


ASSETS: tuple[AssetSpec, ...] = (
    _f(
        "table",
        (1.2, 0.8, 0.76),
        "a wooden table, top 0.76 m high",
        assets.table,
        AssetTraits(supports=top(0.76, (1.2, 0.8)), room_under=(0.96, 0.56, 0.7)),
    ),
    _f(
        "chair",
        (0.45, 0.45, 0.89),
        "a wooden chair, seat 0.45 m high",
        assets.chair,
        AssetTraits(
            seat=Surface(0.47, (0.45, 0.41), (0.0, 0.02)),
            supports=top(0.47, (0.45, 0.41), (0.0, 0.02)),
            room_under=(0.33, 0.33, 0.42),
        ),
    ),
    _f(
        "crate",
        (0.8, 0.8, 0.8),
        "a wooden crate 0.8 m on a side",
        assets.crate,
        AssetTraits(supports=top(0.8, (0.8, 0.8)), physics_shape="box"),
    ),
    _f(
        "pedestal",
        (0.3, 0.3, 0.12),
        "a round display pedestal for a figurine",
        assets.pedestal,
        AssetTraits(supports=top(0.12, (0.28, 0.28))),
    ),
    _f(
        "sofa",
        (2.0, 0.9, 0.85),
        "a blue three-seat sofa facing +Y",
        sofa,
        AssetTraits(seat=Surface(0.445, (1.56, 0.5), (0.0, 0.15)), supports=top(0.445, (1.56, 0.5), (0.0, 0.15))),
    ),
    _f(
        "armchair",
        (0.9, 0.85, 0.9),
        "a red armchair facing +Y",
        armchair,
        AssetTraits(seat=Surface(0.445, (0.56, 0.5), (0.0, 0.15)), supports=top(0.445, (0.56, 0.5), (0.0, 0.15))),
    ),
    _f(
        "bed",
        (1.6, 2.14, 1.0),
        "a double bed, head at -Y",
        bed,
        AssetTraits(
            supports=top(0.65, (1.5, 1.2), (0.0, 0.3)), seat=Surface(0.65, (1.5, 0.5), (0.0, 0.6)),
            room_under=(1.4, 1.85, 0.15), physics_shape="box",
        ),
    ),
    _f(
        "desk",
        (1.4, 0.7, 0.75),
        "a writing desk with drawers, facing +Y",
        desk,
        AssetTraits(supports=top(0.75, (1.4, 0.7)), room_under=(0.8, 0.6, 0.7)),
    ),
    _f(
        "bookshelf",
        (1.0, 0.3, 1.8),
        "a bookcase with four shelves of books, facing +Y",
        bookshelf,
        AssetTraits(supports=top(1.8, (1.0, 0.3)), physics_shape="box"),
    ),
    _f(
        "kitchen_counter",
        (2.44, 0.64, 0.9),
        "a kitchen counter with cupboards, facing +Y",
        kitchen_counter,
        AssetTraits(supports=top(0.9, (2.44, 0.64)), physics_shape="box"),
    ),
    _f(
        "fridge",
        (0.6, 0.7, 1.8),
        "a tall white fridge, doors at +Y",
        fridge,
        AssetTraits(supports=top(1.8, (0.6, 0.65)), physics_shape="box"),
    ),
    _f(
        "stove",
        (0.6, 0.65, 0.92),
        "a kitchen stove with an oven, facing +Y",
        stove,
        AssetTraits(supports=top(0.91, (0.6, 0.6)), physics_shape="box"),
    ),
    # the worktop beside the basin holds a cup or a soap dish
    _f("sink", (0.84, 0.64, 1.15), "a kitchen sink with a tap, facing +Y", sink, AssetTraits(
        supports=(Surface(0.9, (0.13, 0.6), (0.35, 0.0)),), physics_shape="box")),
    _f("lamp", (0.45, 0.45, 1.6), "a floor lamp with a glowing shade", floor_lamp),
    _f(
        "rug",
        (2.0, 1.4, 0.01),
        "a red patterned rug 2 x 1.4 m",
        rug,
        AssetTraits(supports=top(0.01, (1.5, 0.9)), walkable=True, physics_shape="box"),
    ),
    _f("door", (1.04, 0.13, 2.12), "a wooden door in a white frame, along X", door, AssetTraits(physics_shape="box")),
    _f(
        "window",
        (1.3, 0.18, 1.2),
        "a window with four panes, along X (set it on a wall)",
        window,
        AssetTraits(physics_shape="box"),
    ),
    _f("tv", (1.2, 0.22, 0.85), "a flat-screen television on a stand, facing +Y", tv, AssetTraits(physics_shape="box")),
    _f(
        "piano",
        (1.5, 0.82, 1.25),
        "an upright piano facing +Y",
        piano,
        # knee room under the keyboard: a player sits at it on a chair pulled up in front
        AssetTraits(supports=top(1.25, (1.5, 0.6), (0.0, -0.1)), room_under=(1.3, 0.25, 0.6), physics_shape="box"),
    ),
    _f(
        "bathtub",
        (0.81, 1.72, 0.76),
        "a white bathtub on feet",
        bathtub,
        AssetTraits(container=Surface(0.13, (0.5, 1.2)), physics_shape="hull"),
    ),
    _f(
        "room",
        (6.0, 5.0, 2.92),
        "an indoor room 6 x 5 m, open at -Y (towards the camera), a window in the back wall",
        room,
        AssetTraits(walkable=True, room_under=(5.76, 4.88, 2.75), place=Surface(0.02, (5.2, 4.3), (0.0, -0.2)),
                    physics_shape="box"),
    ),
    _f(
        "high_chair",
        (0.56, 0.68, 0.96),
        "a child's wooden high chair with a tray, seat 0.55 m high, facing +Y",
        high_chair,
        AssetTraits(seat=Surface(0.55, (0.33, 0.22), (0.0, -0.04)), supports=top(0.7825, (0.44, 0.2), (0.0, 0.28)),
                    room_under=(0.3, 0.3, 0.45)),
    ),
    _f(
        "pillow",
        (0.5, 0.35, 0.12),
        "a soft lilac pillow (a cushion) 50 x 35 cm",
        pillow,
        # soft: things dropped on it land on its top
        AssetTraits(supports=top(0.12, (0.36, 0.24)), grip=(0.0, 0.0, 0.06), hold="both", physics_shape="box"),
    ),
    _f(
        "tablecloth",
        (1.22, 0.82, 0.004),
        "a blue-and-white chequered tablecloth lying flat (lay it on a table)",
        tablecloth,
        # a flat sheet like the picnic blanket: on a table it is the table's top, 4 mm up, so a plate put on the
        # cloth or on the table under it rests on it (4 mm is inside the world check's 3 cm overlap allowance)
        # (1.22 x 0.82 m: the table's top and 1 cm over each edge, as big as the solver lets a thing go on that top)
        AssetTraits(supports=top(0.004, (1.22, 0.82)), walkable=True, physics_shape="box"),
    ),
    _f(
        "whiteboard",
        (1.97, 0.67, 1.98),
        "a whiteboard 1.8 x 1.2 m on a wheeled stand, facing +Y",
        whiteboard,
        AssetTraits(physics_shape="box"),
    ),
    _f(
        "toaster",
        (0.31, 0.18, 0.19),
        "a steel two-slice toaster",
        toaster,
        AssetTraits(grip=(0.0, 0.0, 0.09), hold="both", physics_shape="box"),
    ),
    _f(
        "microwave",
        (0.48, 0.37, 0.28),
        "a white microwave oven, door at +Y",
        microwave,
        AssetTraits(supports=top(0.28, (0.48, 0.36)), physics_shape="box"),
    ),
    _f("mirror", (0.7, 0.35, 1.7), "a tall standing mirror in a wooden frame, glass at +Y", mirror,
       AssetTraits(physics_shape="box")),
    _f("toilet", (0.42, 0.64, 0.86), "a white toilet, seat 42 cm up, facing +Y", toilet,
       AssetTraits(seat=Surface(0.42, (0.34, 0.34), (0.0, 0.1)))),
    _f("shower", (0.9, 0.9, 2.08), "a shower cubicle 0.9 m square with a glass door at +Y and a chrome shower head",
       shower),
    _f("curtain", (1.62, 0.07, 2.19), "a dark-red curtain 1.4 m wide hanging 2.2 m from a pole, along X (hangs)",
       curtain, AssetTraits(hangs=True, physics_shape="box")),
    _f("cupboard", (0.94, 0.5, 1.0), "a wooden kitchen cupboard 1 m tall, two doors under two drawers, facing +Y "
       "(put things on its top)", cupboard, AssetTraits(supports=top(1.0, (0.94, 0.48)), physics_shape="box")),
    _f("fireplace", (1.4, 0.45, 1.2), "a brick fireplace with a fire burning in it and a wooden mantelpiece 1.2 m "
       "up (a clock or a vase stands on it), facing +Y", fireplace,
       AssetTraits(supports=top(1.2, (1.4, 0.35), (0.0, -0.05)), physics_shape="box")),
    _f("painting", (0.8, 0.05, 0.6), "a framed landscape painting 0.8 x 0.6 m, picture at +Y (hangs: set it on a "
       "wall)", painting, AssetTraits(hangs=True, physics_shape="box")),
    _f("ironing_board", (1.364, 0.38, 0.902), "an ironing board 1.2 m long along X, its top 90 cm up on crossed "
       "legs, the iron rest at -X (an iron or a shirt goes on it)", ironing_board,
       AssetTraits(supports=top(0.9, (0.8, 0.3), (-0.15, 0.0)))),
    _f("washing_machine", (0.6, 0.63, 0.85), "a white front-loading washing machine 60 x 60 x 85 cm, door at +Y",
       washing_machine, AssetTraits(supports=top(0.85, (0.56, 0.56)), physics_shape="box")),
    _f("workbench", (1.5, 0.933, 1.1), "a wooden workbench 1.5 m long, its top 90 cm up, a vice at its front left, "
       "front at +Y", workbench,
       AssetTraits(supports=top(0.9, (1.2, 0.5), (0.1, -0.05)), physics_shape="box")),
)
