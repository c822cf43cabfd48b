"""Games and sport: balls, pins, goals, nets, boards and the playground."""

from __future__ import annotations

import itertools

import numpy as np

from scenes import assets
from scenes.assets import centred, paint, prop_model
from scenes.catalog.handheld import chess_piece
from scenes.catalog.shapes import Vec, block, chequer, faceted, rod, wheel
from scenes.catalog.spec import AssetSpec, composite
from scenes.geometry import Mesh, cylinder, ellipsoid, frustum, placed, sphere, torus
from scenes.rig import Model
from scenes.traits import AssetTraits, Surface, ball, top

Parts = list[tuple[Mesh, str]]


def tennis_ball() -> Model:
    """A yellow-green tennis ball 6.7 cm across with its white seam."""
    d = 0.067
    seam = centred(torus(d * 1.01, d * 0.06, 32, 4))
    return prop_model(
        [(sphere(d, 24, 12), "body"), (placed(seam, hpr=(0, 60, 0), at=(0, 0, d / 2)), "accent")],
        {"body": paint("d4e157", "fabric"), "accent": paint("f4f4f4", "rubber")},
    )


def bowling_ball() -> Model:
    """A glossy bowling ball 22 cm across with three finger holes."""
    d = 0.218
    parts: Parts = [(sphere(d, 32, 16), "body")]
    for x, z in ((-0.025, 0.19), (0.025, 0.19), (0.0, 0.15)):
        parts.append(
            (
                placed(cylinder(0.022, 0.004, 12), hpr=(0, -90 + (z - 0.15) * 300, 0), at=(x, d * 0.485, z - 0.04)),
                "accent",
            )
        )
    return prop_model(parts, {"body": paint("1f3b73", "glossy"), "accent": paint("0a0a0a", "matte")})


def bowling_pin() -> Model:
    """A white bowling pin 38 cm tall with two red neck stripes."""
    from scenes.geometry import _lathe, _merge

    z = np.linspace(0.0, 0.38, 24)
    r = 0.026 + 0.034 * np.exp(-(((z - 0.1) / 0.07) ** 2)) - 0.012 * np.exp(-(((z - 0.24) / 0.04) ** 2))
    r += 0.012 * np.exp(-(((z - 0.33) / 0.03) ** 2))
    r[-1] = 0.0
    r[0] = 0.026
    prof = np.vstack([[0.0, 0.0], np.stack([r, z], -1)])
    seg = np.diff(prof, axis=0)
    n = np.stack([seg[:, 1], -seg[:, 0]], -1)
    n /= np.linalg.norm(n, axis=1, keepdims=True) + 1e-12
    body = _merge(*(_lathe(prof[i : i + 2], np.array([n[i], n[i]]), 24) for i in range(len(seg))))
    stripes = [(placed(cylinder(0.053, 0.008, 24), at=(0, 0, z0)), "accent") for z0 in (0.235, 0.25)]
    return prop_model(
        [(body, "body"), *stripes], {"body": paint("f6f4ee", "glossy"), "accent": paint("d62828", "glossy")}
    )


def basketball_hoop() -> Model:
    """A street basketball hoop: a post, a white backboard and an orange rim at 3.05 m, facing +Y."""
    parts: Parts = [
        (cylinder(0.5, 0.08, 16), "accent"),
        (rod((0, -0.6, 0.0), (0, -0.6, 3.4), 0.12), "accent"),
        (rod((0, -0.6, 3.2), (0, -0.1, 3.2), 0.08), "accent"),
        (block((1.8, 0.05, 1.05), (0, -0.05, 3.35)), "body"),
        (block((0.6, 0.052, 0.45), (0, -0.05, 3.25)), "trim"),
        (placed(centred(torus(0.47, 0.02, 24, 6)), at=(0, 0.24, 3.05)), "rim"),
    ]
    for k in range(8):
        a = k * np.pi / 4
        top_p = (0.22 * np.cos(a), 0.24 + 0.22 * np.sin(a), 3.04)
        parts.append((rod(top_p, (0.12 * np.cos(a), 0.24 + 0.12 * np.sin(a), 2.65), 0.008, 3), "net"))
    parts[0] = (placed(cylinder(0.5, 0.08, 16), at=(0, -0.6, 0)), "accent")
    return prop_model(
        parts,
        {
            "body": paint("f4f4f4", "plastic"),
            "trim": paint("d62828", "plastic"),
            "accent": paint("3a3f47", "metal"),
            "rim": paint("ff6a00", "metal"),
            "net": paint("f4f4f4", "fabric"),
        },
    )


def football_goal() -> Model:
    """A 5-a-side football goal 5 m wide and 2 m high: white posts and crossbar, a net sloping back (-Y)."""
    w, h, d = 5.0, 2.0, 1.5
    parts: Parts = [
        (rod((-w / 2, 0, 0), (-w / 2, 0, h), 0.1), "body"),
        (rod((w / 2, 0, 0), (w / 2, 0, h), 0.1), "body"),
        (rod((-w / 2 - 0.05, 0, h), (w / 2 + 0.05, 0, h), 0.1), "body"),
    ]
    for x in np.linspace(-w / 2, w / 2, 11):
        parts.append((rod((x, 0, h), (x, -d, 0.01), 0.015, 3), "net"))
    for t in np.linspace(0.1, 1.0, 6):
        parts.append((rod((-w / 2, -d * t, h * (1 - t)), (w / 2, -d * t, h * (1 - t)), 0.015, 3), "net"))
    for s in (-1, 1):
        parts.append((rod((s * w / 2, 0, h), (s * w / 2, -d, 0.025), 0.05), "body"))
    return prop_model(parts, {"body": paint("f6f6f6", "plastic"), "net": paint("dcdcdc", "fabric")})


def tennis_net() -> Model:
    """A tennis net across X: two posts, a dark mesh and a white band, 0.95 m high."""
    w = 10.0
    parts: Parts = [(block((w, 0.02, 0.85), (0, 0, 0.5)), "net"), (block((w, 0.05, 0.07), (0, 0, 0.93)), "body")]
    for s in (-1, 1):
        parts.append((rod((s * (w / 2 + 0.05), 0, 0.0), (s * (w / 2 + 0.05), 0, 1.07), 0.08), "post"))
    return prop_model(
        parts, {"body": paint("f6f6f6", "fabric"), "net": paint("1f2a22", "fabric"), "post": paint("2e5e3a", "metal")}
    )


def tennis_racket() -> Model:
    """A tennis racket standing on its handle: an oval head with strings."""
    parts: Parts = [
        (rod((0, 0, 0.0), (0, 0, 0.3), 0.03), "grip"),
        (rod((0, 0, 0.3), (0, 0, 0.36), 0.02), "body"),
        (placed(centred(torus(1.0, 0.05, 32, 6)), scale=(0.26, 0.33, 0.6), hpr=(0, -90, 0), at=(0, 0, 0.52)), "body"),
    ]
    for x in np.linspace(-0.09, 0.09, 7):
        parts.append((rod((x, 0, 0.4 + 0.01), (x, 0, 0.64 - 0.01), 0.002, 3), "strings"))
    for z in np.linspace(0.42, 0.62, 8):
        parts.append((rod((-0.11, 0, z), (0.11, 0, z), 0.002, 3), "strings"))
    return prop_model(
        parts,
        {"body": paint("2f6bb0", "plastic"), "grip": paint("1c1c1c", "rubber"), "strings": paint("f4f4f4", "plastic")},
    )


def skateboard() -> Model:
    """A skateboard 80 cm long: a painted deck with kicked-up ends on two trucks and four wheels."""
    parts: Parts = [
        (block((0.2, 0.62, 0.015), (0, 0, 0.09)), "body"),
        (block((0.2, 0.1, 0.015), (0, 0.35, 0.105), (0, 18, 0)), "body"),
        (block((0.2, 0.1, 0.015), (0, -0.35, 0.105), (0, -18, 0)), "body"),
        (block((0.19, 0.78, 0.002), (0, 0, 0.098)), "grip"),
    ]
    for y in (-0.22, 0.22):
        parts.append((block((0.16, 0.04, 0.03), (0, y, 0.067)), "trim"))
        for x in (-0.08, 0.08):
            parts.append((placed(wheel(0.055, 0.035), at=(x, y, 0.0275)), "wheels"))
    return prop_model(
        parts,
        {
            "body": paint("d62828", "wood"),
            "grip": paint("1c1c1c", "matte"),
            "trim": paint("b8bcc2", "metal"),
            "wheels": paint("f2e6c8", "rubber"),
        },
    )


def swing() -> Model:
    """A playground swing: an A-frame 2.2 m high with one seat on two chains."""
    w, h = 2.0, 2.2
    parts: Parts = [(rod((-w / 2 - 0.1, 0, h), (w / 2 + 0.1, 0, h), 0.1), "body")]
    for s in (-1, 1):
        for f in (-1, 1):
            parts.append((rod((s * w / 2, f * 0.7, 0.012), (s * w / 2, 0, h), 0.08), "body"))
        parts.append((rod((s * 0.22, 0, 0.5), (s * 0.22, 0, h), 0.015, 4), "chain"))
    parts.append((block((0.5, 0.2, 0.04), (0, 0, 0.5)), "seat"))
    return prop_model(
        parts, {"body": paint("2a7ab0", "metal"), "chain": paint("b8bcc2", "metal"), "seat": paint("e53935", "rubber")}
    )


def slide() -> Model:
    """A playground slide: a ladder up to a 1.5 m platform and a chute down towards +Y."""
    parts: Parts = [(block((0.6, 0.6, 0.05), (0, -0.9, 1.5)), "body")]
    for x in (-0.28, 0.28):
        parts.append((rod((x, -1.5, 0.0), (x, -1.2, 1.5), 0.05), "frame"))
        parts.append((rod((x, -0.6, 0.0), (x, -0.6, 1.5), 0.05), "frame"))
        parts.append((rod((x, -1.2, 1.5), (x, -1.2, 2.2), 0.04), "frame"))
        parts.append((rod((x, -1.2, 2.2), (x, -0.6, 2.2), 0.04), "frame"))
        parts.append((rod((x, -0.6, 1.5), (x, -0.6, 2.2), 0.04), "frame"))
    for k in range(1, 6):
        t = k / 6
        parts.append((rod((-0.28, -1.5 + 0.3 * t, 1.5 * t), (0.28, -1.5 + 0.3 * t, 1.5 * t), 0.04), "frame"))
    length = float(np.hypot(2.0, 1.5))
    angle = float(np.degrees(np.arctan2(1.5, 2.0)))
    parts.append((block((0.5, length, 0.04), (0, 0.4, 0.78), (0, -angle, 0)), "chute"))
    for x in (-0.26, 0.26):
        parts.append((block((0.04, length, 0.14), (x, 0.4, 0.83), (0, -angle, 0)), "chute"))
    return prop_model(
        parts,
        {"body": paint("2a9d8f", "plastic"), "frame": paint("2a7ab0", "metal"), "chute": paint("f2c230", "plastic")},
    )


def seesaw() -> Model:
    """A seesaw: a 3 m plank on a central pivot, with handles and seats at both ends."""
    parts: Parts = [
        (placed(cylinder(0.3, 0.5, 16), hpr=(0, 0, 90), at=(0.25, 0, 0.15)), "frame"),
        (block((0.3, 3.0, 0.06), (0, 0, 0.5)), "body"),
    ]
    parts[0] = (placed(centred(cylinder(0.3, 0.5, 16)), hpr=(0, 0, 90), at=(0, 0, 0.25)), "frame")
    parts.append((block((0.1, 0.5, 0.45), (0, 0, 0.225)), "frame"))
    for y in (-1.3, 1.3):
        parts.append((rod((0, y, 0.53), (0, y, 0.8), 0.03), "frame"))
        parts.append((rod((-0.15, y, 0.8), (0.15, y, 0.8), 0.03), "frame"))
        parts.append((block((0.32, 0.3, 0.04), (0, y - np.sign(y) * 0.2 + np.sign(y) * 0.35, 0.55)), "seat"))
    return prop_model(
        parts, {"body": paint("c49a6c", "wood"), "frame": paint("d62828", "metal"), "seat": paint("2a7ab0", "plastic")}
    )


def newtons_cradle() -> Model:
    """Newton's cradle: five steel balls hanging on strings from a frame 25 cm wide."""
    parts: Parts = [(block((0.28, 0.16, 0.015), (0, 0, 0.0075)), "body")]
    for x in (-0.12, 0.12):
        for y in (-0.06, 0.06):
            parts.append((rod((x, y, 0.015), (x, y, 0.2), 0.006, 6), "frame"))
        parts.append((rod((x, -0.06, 0.2), (x, 0.06, 0.2), 0.006, 6), "frame"))
    for y in (-0.06, 0.06):
        parts.append((rod((-0.12, y, 0.2), (0.12, y, 0.2), 0.006, 6), "frame"))
    for x in np.linspace(-0.05, 0.05, 5):
        parts.append((placed(sphere(0.025, 16, 8), at=(x, 0, 0.05)), "balls"))
        for y in (-0.06, 0.06):
            parts.append((rod((x, y, 0.2), (x, 0, 0.075), 0.0015, 3), "strings"))
    return prop_model(
        parts,
        {
            "body": paint("1c1c1c", "glossy"),
            "frame": paint("c0c4c8", "chrome"),
            "balls": paint("d8dce0", "chrome"),
            "strings": paint("e8e8e8", "matte"),
        },
    )


def chessboard() -> Model:
    """A wooden chessboard 42 cm square and 2.5 cm thick: a dark border round 8 x 8 light and dark squares."""
    sq = 0.045
    parts: Parts = [(block((0.42, 0.42, 0.024), (0, 0, 0.012)), "body")]
    parts += [(square, "dark" if first else "light") for square, first in chequer(8, 8, sq, 0.024, 0.001)]
    return prop_model(
        parts,
        {"body": paint("4a2e1c", "wood"), "light": paint("ecd9b0", "wood"), "dark": paint("6b4226", "wood")},
    )


def pool_table() -> Model:
    """A pool table 2.5 x 1.4 m along X: green cloth 0.78 m up inside cushioned wooden rails, six pockets, four legs."""
    w, d, bed = 2.5, 1.4, 0.78
    iw, idp = 2.24, 1.14  # the cloth inside the rails
    parts: Parts = [
        (block((w - 0.1, d - 0.1, 0.2), (0, 0, bed - 0.12)), "body"),
        (block((iw, idp, 0.02), (0, 0, bed - 0.01)), "cloth"),
    ]
    rail = (w - iw) / 2
    for s in (-1, 1):
        parts.append((block((w, rail, 0.06), (0, s * (d - rail) / 2, bed + 0.01)), "body"))
        parts.append((block(((w - 0.02) / 2 - 0.12, 0.04, 0.04), (s * 0.0 - 0.56, s * (idp / 2 - 0.02), bed + 0.02)),
                      "cushions"))
        parts.append((block(((w - 0.02) / 2 - 0.12, 0.04, 0.04), (0.56, s * (idp / 2 - 0.02), bed + 0.02)),
                      "cushions"))
        parts.append((block((rail, d - 2 * rail, 0.06), (s * (w - rail) / 2, 0, bed + 0.01)), "body"))
        parts.append((block((0.04, idp - 0.2, 0.04), (s * (iw / 2 - 0.02), 0, bed + 0.02)), "cushions"))
    for x in (-iw / 2, 0.0, iw / 2):
        for y in (-idp / 2, idp / 2):
            parts.append((placed(cylinder(0.11, 0.062, 16), at=(x, y, bed - 0.02)), "pockets"))
    for x in (-1.0, 1.0):
        for y in (-0.5, 0.5):
            parts.append((block((0.14, 0.14, bed - 0.2), (x, y, (bed - 0.2) / 2)), "body"))
    return prop_model(
        parts,
        {"body": paint("5a3220", "wood"), "cloth": paint("1f7a3a", "fabric"), "cushions": paint("18642e", "fabric"),
         "pockets": paint("121212", "fabric")},
        main="cloth",
    )


def surfboard() -> Model:
    """A surfboard 2.1 m long lying flat along Y, nose at +Y: a white board with a red stripe and three fins."""
    parts: Parts = [
        (placed(ellipsoid((0.55, 2.1, 0.07), 32, 8), at=(0, 0, 0.05)), "body"),
        (placed(ellipsoid((0.06, 1.9, 0.072), 16, 6), at=(0, 0.0, 0.05)), "stripe"),
    ]
    for x, y in ((0.0, -0.9), (-0.12, -0.82), (0.12, -0.82)):
        parts.append((block((0.01, 0.1, 0.06), (x, y, 0.03)), "stripe"))
    return prop_model(parts, {"body": paint("f6f6f2", "glossy"), "stripe": paint("d62828", "glossy")})


def trampoline() -> Model:
    """A round garden trampoline 3 m across, its black mat 80 cm up inside a blue safety pad over the steel frame
    ring, on six legs joined in W-shaped pairs to two ground rails (no net: who bounces on it stays in view)."""
    mat_top, ring = 0.8, 1.46  # the mat's height; the frame ring's radius
    parts: Parts = [
        (placed(cylinder(2.56, 0.01, 40), at=(0, 0, mat_top - 0.01)), "mat"),
        (placed(centred(torus(2 * ring + 0.05, 0.05, 40, 8)), at=(0, 0, mat_top - 0.04)), "frame"),
    ]
    for k in range(20):  # the pad: a flat ring of segments over the springs and the frame
        a0, a1 = 2 * np.pi * k / 20, 2 * np.pi * (k + 1) / 20
        r0, r1, z0, z1 = 1.27, 1.5, mat_top - 0.005, mat_top + 0.03
        quad_top = [(r0 * np.cos(a0), r0 * np.sin(a0), z1), (r1 * np.cos(a0), r1 * np.sin(a0), z1),
                    (r1 * np.cos(a1), r1 * np.sin(a1), z1), (r0 * np.cos(a1), r0 * np.sin(a1), z1)]
        outer = [(r1 * np.cos(a0), r1 * np.sin(a0), z0), (r1 * np.cos(a1), r1 * np.sin(a1), z0),
                 (r1 * np.cos(a1), r1 * np.sin(a1), z1), (r1 * np.cos(a0), r1 * np.sin(a0), z1)]
        inner = [(r0 * np.cos(a1), r0 * np.sin(a1), z0), (r0 * np.cos(a0), r0 * np.sin(a0), z0),
                 (r0 * np.cos(a0), r0 * np.sin(a0), z1), (r0 * np.cos(a1), r0 * np.sin(a1), z1)]
        under = [(*q[:2], z0) for q in reversed(quad_top)]
        parts.append((faceted([quad_top, outer, inner, under]), "pad" if k % 2 else "pad_b"))
    for k in range(3):  # three W-legs: two uprights each, on a curved ground rail
        mid = 2 * np.pi * k / 3 + np.pi / 6
        feet = []
        for da in (-0.28, 0.28):
            a = mid + da
            top_ = (ring * np.cos(a), ring * np.sin(a), mat_top - 0.04)
            foot = (ring * np.cos(a), ring * np.sin(a), 0.03)
            parts.append((rod(foot, top_, 0.045, 8), "frame"))
            feet.append(foot)
        parts.append((rod(feet[0], feet[1], 0.05, 8), "frame"))
        for f in feet:
            parts.append((placed(cylinder(0.08, 0.03, 8), at=(f[0], f[1], 0.0)), "feet"))
    return prop_model(parts, {"mat": paint("1c1c1e", "fabric"), "pad": paint("2a6ad0", "plastic"),
                              "pad_b": paint("3a82e8", "plastic"), "frame": paint("a8acb2", "metal"),
                              "feet": paint("1c1c1c", "rubber")}, "pad")


def _ball(name: str, size: Vec, diameter: float, style: str, description: str) -> AssetSpec:
    return composite(name, "prop", size, description, lambda: assets.ball(diameter, style), "sport", ball(size[2]))


def dumbbell() -> Model:
    """A 10 kg hex dumbbell 32 cm long lying on the floor along X: a knurled chrome handle between two black
    six-sided rubber heads, a flat of each head on the ground (so it does not roll)."""
    r = 0.065  # the heads' corner radius: 11 cm across the flats
    z = r * np.cos(np.pi / 6)  # the axle's height, a flat face down
    parts: Parts = [(rod((-0.075, 0.0, z), (0.075, 0.0, z), 0.032, 12), "handle")]
    for sx in (-1, 1):
        head = placed(centred(cylinder(2 * r, 0.09, 6)), hpr=(0, 0, 90))  # axis along X, corners at +-Z
        parts.append((placed(head, hpr=(0, 30, 0), at=(sx * 0.115, 0.0, z)), "heads"))  # turned: a flat down
        parts.append((rod((sx * 0.068, 0.0, z), (sx * 0.075, 0.0, z), 0.05, 12), "handle"))
    for x in np.linspace(-0.05, 0.05, 6):  # the knurling's grooves
        parts.append((rod((float(x) - 0.002, 0.0, z), (float(x) + 0.002, 0.0, z), 0.034, 12), "grip"))
    return prop_model(parts, {"heads": paint("1e1e20", "rubber"), "handle": paint("c8ccd0", "chrome"),
                              "grip": paint("8a8e92", "metal")}, "heads")


def treadmill() -> Model:
    """A running machine 1.9 m long facing +Y: a dark deck with a black belt 19 cm up between aluminium foot
    rails, a motor hood at the front, two uprights to a console with a lit screen at 1.35 m and handrails at each
    side."""
    parts: Parts = [
        (block((0.78, 1.75, 0.12), (0, -0.05, 0.09)), "frame"),  # the deck, 3 to 15 cm up
        (block((0.52, 1.5, 0.04), (0, -0.12, 0.17)), "belt"),  # the running belt, its top 19 cm up
        (block((0.8, 0.34, 0.24), (0, 0.78, 0.15)), "frame"),  # the motor hood
        (placed(centred(cylinder(0.34, 0.8, 24)), hpr=(0, 0, 90), at=(0, 0.78, 0.27), scale=(0.5, 1.0, 1.0)), "frame"),
        (block((0.7, 0.03, 0.1), (0, 0.95, 0.12)), "accent"),
    ]
    for sx in (-1, 1):
        parts.append((block((0.13, 1.6, 0.045), (sx * 0.325, -0.1, 0.1725)), "rails"))  # a foot rail
        for y in (-0.85, 0.75):
            parts.append((placed(cylinder(0.06, 0.03, 10), at=(sx * 0.33, y, 0.0)), "frame"))  # a foot
        parts.append((rod((sx * 0.36, 0.72, 0.2), (sx * 0.34, 0.82, 1.28), 0.06, 10), "frame"))  # an upright
        parts.append((rod((sx * 0.35, 0.8, 1.02), (sx * 0.35, 0.25, 1.02), 0.04, 10), "rails"))  # a handrail
        parts.append((rod((sx * 0.35, 0.27, 1.02), (sx * 0.35, 0.25, 1.02), 0.048, 10), "frame"))  # its end cap
    for y in (-0.87, 0.63):  # the belt's rollers
        parts.append((rod((-0.26, y, 0.16), (0.26, y, 0.16), 0.06, 12), "rails"))
    parts += [
        (block((0.76, 0.24, 0.1), (0, 0.83, 1.3), (0, -25, 0)), "frame"),  # the console, tilted to the runner
        (block((0.3, 0.01, 0.08), (0, 0.718, 1.325), (0, -25, 0)), "screen"),
        (block((0.66, 0.04, 0.04), (0, 0.8, 1.21)), "accent"),  # a bar between the uprights
    ]
    return prop_model(parts, {"frame": paint("2a2c30", "plastic"), "belt": paint("141414", "rubber"),
                              "rails": paint("b8bcc2", "metal"), "screen": paint("3a8ad8", "emissive"),
                              "accent": paint("d62828", "plastic")}, "frame")


def yoga_mat() -> Model:
    """A purple yoga mat 61 cm x 1.83 m and 6 mm thick rolled out flat along Y, two pale lines printed across it
    near each end."""
    parts: Parts = [(block((0.61, 1.83, 0.006), (0, 0, 0.003)), "body")]
    for y in (-0.8, -0.76, 0.76, 0.8):
        parts.append((block((0.5, 0.01, 0.001), (0, y, 0.0062)), "lines"))
    return prop_model(parts, {"body": paint("7b4fa8", "rubber"), "lines": paint("c8b4e8", "rubber")})


def skipping_rope() -> Model:
    """A skipping rope lying on the ground: 2.5 m of red rope in a loose loop, its two wooden handles side by side
    at -Y with the rope running out of their ends."""
    rope_d, handle_d, handle_l = 0.008, 0.026, 0.13
    phi = np.linspace(0.2, 2 * np.pi - 0.2, 72)  # round the loop from one handle to the other, the far end at +Y
    wave = 1.0 + 0.05 * np.sin(3 * phi) + 0.03 * np.sin(5 * phi + 1.0)
    pts = np.stack([0.8 * np.sin(phi) * wave, -np.cos(phi) * wave], -1)  # a loop a little longer than wide
    pts *= 2.5 / float(np.sum(np.linalg.norm(np.diff(pts, axis=0), axis=1)))
    # centred on the origin, the handles (15 cm past the loop's end) included
    pts -= [(pts[:, 0].max() + pts[:, 0].min()) / 2, (pts[:, 1].max() + pts[:, 1].min() - 0.15) / 2]
    ends = [(float(pts[0, 0]), float(pts[0, 1])), (float(pts[-1, 0]), float(pts[-1, 1]))]
    z = handle_d * 0.55  # the handles' axis: their end bands touch the ground
    parts: Parts = []
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        parts.append((rod((float(x0), float(y0), rope_d / 2), (float(x1), float(y1), rope_d / 2), rope_d, 6), "rope"))
        parts.append((placed(sphere(rope_d, 6, 3), at=(float(x1), float(y1), 0.0)), "rope"))
    for x, y in ends:  # each handle lies along -Y from where the rope goes into it, the rope rising into its end
        parts.append((rod((x, y, rope_d / 2 + 0.0015), (x, y - 0.02, z), rope_d, 6), "rope"))
        parts.append((rod((x, y - 0.02, z), (x, y - 0.02 - handle_l, z), handle_d, 12), "handles"))
        parts.append((rod((x, y - 0.015, z), (x, y - 0.03, z), handle_d * 1.1, 12), "trim"))
        parts.append((rod((x, y - 0.01 - handle_l, z), (x, y - 0.025 - handle_l, z), handle_d * 1.1, 12), "trim"))
    return prop_model(parts, {"rope": paint("d62828", "fabric"), "handles": paint("c8965a", "wood"),
                              "trim": paint("2b2b2b", "plastic")}, "rope")


def _s(name: str, size: Vec, description: str, make, traits: AssetTraits = AssetTraits()) -> AssetSpec:
    return composite(name, "prop", size, description, make, "sport", traits)


def sandpit() -> Model:
    """A square wooden sandpit 1.8 m across for a playground or a garden: a frame of boards 25 cm high round sand
    18 cm deep (a child sits and digs in it), a triangular seat board across each corner, a small mound of sand
    and a red bucket with a spade in one corner."""
    w, t, wall, sand = 1.8, 0.06, 0.25, 0.18
    parts: Parts = [(block((w - 2 * t, w - 2 * t, sand), (0, 0, sand / 2)), "sand")]
    for s in (-1, 1):
        parts.append((block((w, t, wall), (0, s * (w - t) / 2, wall / 2)), "body"))
        parts.append((block((t, w - 2 * t, wall), (s * (w - t) / 2, 0, wall / 2)), "body"))
    for sx, sy in itertools.product((-1, 1), (-1, 1)):  # the corner seats
        c = (sx * (w / 2 - t), sy * (w / 2 - t), wall)
        tri = [c, (c[0] - sx * 0.3, c[1], wall), (c[0], c[1] - sy * 0.3, wall)]
        if sx * sy < 0:
            tri = [tri[0], tri[2], tri[1]]
        top_ = [(x, y, z + 0.025) for x, y, z in tri]
        bottom = [(x, y, z) for x, y, z in reversed(tri)]
        edge = [tri[1], tri[2], top_[2], top_[1]] if sx * sy > 0 else [tri[2], tri[1], top_[1], top_[2]]
        parts.append((faceted([top_, bottom, edge]), "seats"))
    parts += [
        (placed(ellipsoid((0.5, 0.4, 0.12), 16, 6), at=(0.35, -0.4, sand - 0.05)), "sand"),
        (placed(frustum(0.12, 0.16, 0.14, 14), at=(-0.55, 0.5, sand)), "toys"),  # the bucket
        (placed(centred(torus(0.17, 0.008, 14, 4)), hpr=(0, 90, 0), at=(-0.55, 0.5, sand + 0.14)), "toys"),
        (block((0.1, 0.14, 0.012), (-0.32, 0.42, sand + 0.01), (20, 0, 0)), "spade"),
        (rod((-0.35, 0.5, sand + 0.01), (-0.4, 0.72, sand + 0.03), 0.02, 6), "spade"),
    ]
    return prop_model(parts, {"body": paint("a8784a", "wood"), "sand": paint("e8d49c", "sand"),
                              "seats": paint("c89a5e", "wood"), "toys": paint("e03a2a", "plastic"),
                              "spade": paint("2a6ad0", "plastic")}, "body")


def climbing_frame() -> Model:
    """A wooden playground climbing frame 3.6 m long along X: a tower of four posts round a platform 1.2 m up with
    rails and a green pitched roof, a ladder up to it at +Y, and monkey bars 2 m up running from the tower to a pair
    of posts at +X (climb it; stand on the platform)."""
    tower_x, half, deck = -1.05, 0.7, 1.2
    bar_z, far_x = 2.0, 1.75
    parts: Parts = [(block((2 * half, 2 * half, 0.06), (tower_x, 0, deck - 0.03)), "deck")]
    for sx, sy in itertools.product((-1, 1), (-1, 1)):
        parts.append((block((0.1, 0.1, 2.4), (tower_x + sx * (half - 0.05), sy * (half - 0.05), 1.2)), "body"))
    for sy in (-1, 1):  # the roof's two slopes along X
        ang = float(np.degrees(np.arctan2(0.45, half + 0.1)))
        slope = float(np.hypot(half + 0.1, 0.45))
        parts.append((block((2 * half + 0.2, slope, 0.04), (tower_x, sy * (half + 0.1) / 2, 2.4 + 0.225),
                            (0, -sy * ang, 0)), "roof"))
    for sx in (-1, 1):  # rails on three sides (the ladder comes up at +Y, the monkey bars leave at +X)
        x = tower_x + sx * (half - 0.05)
        parts.append((rod((x, -half + 0.05, deck + 0.7), (x, half - 0.05, deck + 0.7), 0.05, 8), "rails"))
        for y in np.linspace(-half + 0.2, half - 0.2, 4):
            if sx > 0 and abs(y) < 0.4:
                continue
            parts.append((rod((x, float(y), deck), (x, float(y), deck + 0.7), 0.03, 6), "rails"))
    parts.append((rod((tower_x - half + 0.05, -half + 0.05, deck + 0.7), (tower_x + half - 0.05, -half + 0.05,
                                                                          deck + 0.7), 0.05, 8), "rails"))
    for x in np.linspace(tower_x - half + 0.2, tower_x + half - 0.2, 4):
        parts.append((rod((float(x), -half + 0.05, deck), (float(x), -half + 0.05, deck + 0.7), 0.03, 6), "rails"))
    for sx in (-1, 1):  # the ladder at +Y, leaning out from the deck's front edge
        x = tower_x + sx * 0.25
        parts.append((rod((x, half + 0.55, 0.025), (x, half, deck + 0.05), 0.06, 8), "body"))
    for k in range(1, 5):
        t = k / 5
        parts.append((rod((tower_x - 0.25, half + 0.55 * (1 - t), deck * t), (tower_x + 0.25, half + 0.55 * (1 - t),
                                                                          deck * t), 0.04, 6), "rails"))
    x0 = tower_x + half - 0.05
    for sy in (-1, 1):  # the monkey bars: two side beams and rungs between, a pair of posts at the far end
        y = sy * 0.3
        parts.append((rod((x0, y, bar_z), (far_x, y, bar_z), 0.06, 8), "body"))
        parts.append((block((0.1, 0.1, bar_z + 0.05), (far_x, y, (bar_z + 0.05) / 2)), "body"))
        parts.append((rod((far_x, y, 0.03), (far_x + 0.45, y, 0.03), 0.06, 6), "body"))
        parts.append((rod((far_x + 0.45, y, 0.03), (far_x, y, 1.0), 0.05, 6), "body"))  # its brace
    for x in np.arange(x0 + 0.25, far_x - 0.1, 0.3):
        parts.append((rod((float(x), -0.3, bar_z), (float(x), 0.3, bar_z), 0.035, 8), "rails"))
    return prop_model(parts, {"body": paint("9a6a3a", "wood"), "deck": paint("b88a58", "wood"),
                              "roof": paint("3a8a3a", "plastic"), "rails": paint("e8c02a", "metal")}, "body")


def golf_ball() -> Model:
    """A white golf ball 4.3 cm across, its dimples shown as shallow grey dots over its surface."""
    d = 0.0427
    parts: Parts = [(sphere(d, 24, 12), "body")]
    n = 60
    for k in range(n):  # dots spread evenly (a Fibonacci sphere)
        z = 1 - 2 * (k + 0.5) / n
        r = np.sqrt(1 - z * z)
        a = k * 2.39996
        v = np.array([r * np.cos(a), r * np.sin(a), z])
        h = float(np.degrees(np.arctan2(-v[0], v[1])))
        p = float(np.degrees(np.arcsin(v[2])))
        dot = placed(cylinder(0.0045, 0.0004, 8), hpr=(0, -90, 0))
        parts.append((placed(dot, hpr=(h, p, 0), at=tuple(v * d / 2 * 0.995 + np.array([0, 0, d / 2]))), "dimples"))
    return prop_model(parts, {"body": paint("f8f8f6", "glossy"), "dimples": paint("d8d8d4", "matte")})


def baseball_bat() -> Model:
    """A wooden baseball bat 84 cm long standing on its knob: a taped handle 2.6 cm thick widening to a barrel 6.6 cm
    thick, a rounded end."""
    parts: Parts = [
        (placed(cylinder(0.045, 0.012, 16)), "grip"),  # the knob
        (placed(frustum(0.026, 0.028, 0.3, 16), at=(0, 0, 0.012)), "grip"),
        (placed(frustum(0.028, 0.032, 0.1, 16), at=(0, 0, 0.312)), "body"),
        (placed(frustum(0.032, 0.066, 0.22, 16), at=(0, 0, 0.412)), "body"),
        (placed(cylinder(0.066, 0.18, 16), at=(0, 0, 0.632)), "body"),
        (placed(ellipsoid((0.066, 0.066, 0.05), 16, 6), at=(0, 0, 0.787)), "body"),
        (placed(cylinder(0.067, 0.04, 16), at=(0, 0, 0.66)), "band"),  # the maker's mark
    ]
    return prop_model(parts, {"body": paint("d8b27a", "wood"), "grip": paint("1c1c1c", "rubber"),
                              "band": paint("2a2a2a", "matte")}, "body")


ASSETS: tuple[AssetSpec, ...] = (
    _ball("football", (0.24, 0.24, 0.23), 0.22, "football", "a football (soccer ball) 22 cm across"),
    _ball("basketball", (0.24, 0.24, 0.24), 0.24, "basketball", "a basketball 24 cm across"),
    _ball("beach_ball", (0.5, 0.5, 0.5), 0.5, "beach", "a striped beach ball 50 cm across"),
    _s("tennis_ball", (0.07, 0.07, 0.07), "a tennis ball", tennis_ball, ball(0.07)),
    _s("bowling_ball", (0.22, 0.22, 0.22), "a glossy blue bowling ball", bowling_ball, ball(0.22)),
    _s(
        "bowling_pin",
        (0.12, 0.12, 0.38),
        "a white bowling pin (topples)",
        bowling_pin,
        AssetTraits(topples=True, grip=(0.0, 0.0, 0.3), physics_shape="cylinder"),
    ),
    composite(
        "domino",
        "prop",
        (0.25, 0.06, 0.5),
        "a big domino standing on end, pips facing +Y",
        assets.domino,
        "sport",
        AssetTraits(topples=True, physics_shape="box", grip=(0.0, 0.0, 0.25)),
    ),
    _s("basketball_hoop", (1.8, 1.33, 3.88), "a basketball hoop, rim 3.05 m high, facing +Y", basketball_hoop),
    _s("football_goal", (5.1, 1.55, 2.05), "a football goal 5 m wide, net at -Y", football_goal),
    _s("tennis_net", (10.2, 0.08, 1.07), "a tennis net 10 m across X", tennis_net),
    _s("tennis_racket", (0.26, 0.03, 0.69), "a tennis racket", tennis_racket,
       AssetTraits(grip=(0.0, 0.0, 0.15), hold="hand")),
    _s(
        "skateboard",
        (0.2, 0.8, 0.12),
        "a red skateboard",
        skateboard,
        AssetTraits(
            supports=(Surface(0.099, (0.19, 0.6)),),
            rideable=(0.0, 0.0, 0.1),
            grip=(0.0, 0.0, 0.09),
            walkable=True,
            physics_shape="box",
        ),
    ),
    _s(
        "swing",
        (2.2, 1.4, 2.25),
        "a playground swing",
        swing,
        AssetTraits(seat=Surface(0.52, (0.5, 0.2)), supports=top(0.52, (0.5, 0.2))),
    ),
    _s(
        "slide",
        (0.6, 3.1, 2.25),
        "a playground slide, chute down towards +Y",
        slide,
        AssetTraits(walkable=True, supports=(Surface(1.525, (0.5, 0.5), (0.0, -0.9)),)),
    ),
    _s(
        "seesaw",
        (0.5, 3.2, 0.81),
        "a seesaw 3 m long",
        seesaw,
        # things stand on its two end seats (a ball on one end, a crate dropped on the other)
        AssetTraits(seat=Surface(0.57, (0.32, 0.3), (0.0, 1.45)),
                    supports=(Surface(0.57, (0.32, 0.3), (0.0, 1.45)), Surface(0.57, (0.32, 0.3), (0.0, -1.45)))),
    ),
    _s(
        "newtons_cradle",
        (0.28, 0.16, 0.21),
        "Newton's cradle: five hanging steel balls",
        newtons_cradle,
        AssetTraits(hangs=True, grip=(0.0, 0.0, 0.2), physics_shape="box"),
    ),
    _s("chessboard", (0.42, 0.42, 0.025), "a wooden chessboard with 8 x 8 squares (pieces stand on it)", chessboard,
       AssetTraits(supports=top(0.025, (0.36, 0.36)), grip=(0.0, 0.0, 0.012), hold="both", physics_shape="box")),
    _s("chess_piece", (0.029, 0.029, 0.058), "a wooden chess piece (a pawn) 6 cm tall (topples)", chess_piece,
       AssetTraits(grip=(0.0, 0.0, 0.04), hold="hand", topples=True, physics_shape="cylinder")),
    _s("pool_table", (2.5, 1.4, 0.83), "a pool table with green cloth and six pockets, along X", pool_table,
       # balls roll on the cloth inside the cushions; a cat hides between the legs
       AssetTraits(supports=top(0.78, (2.16, 1.06)), room_under=(1.86, 0.86, 0.56), physics_shape="box")),
    _s("surfboard", (0.55, 2.1, 0.12), "a white surfboard with a red stripe lying flat, nose at +Y", surfboard,
       AssetTraits(supports=(Surface(0.12, (0.4, 1.4)),), rideable=(0.0, 0.0, 0.12), grip=(0.0, 0.0, 0.06),
                   walkable=True, buoyant=True, draft=0.5, physics_shape="box")),
    _s("dumbbell", (0.32, 0.13, 0.113), "a 10 kg hex dumbbell lying on the floor along X", dumbbell,
       AssetTraits(grip=(0.0, 0.0, 0.056), hold="hand", physics_shape="box")),
    _s("treadmill", (0.8, 1.9, 1.38), "a running machine facing +Y: a belt 19 cm up to stand and run on, a console "
       "with handrails at the front", treadmill,
       AssetTraits(supports=top(0.19, (0.5, 1.3), (0.0, -0.15)), walkable=True)),
    _s("yoga_mat", (0.61, 1.83, 0.007), "a purple yoga mat rolled out flat along Y (lie, sit or stand on it)",
       yoga_mat, AssetTraits(supports=top(0.006, (0.61, 1.83)), walkable=True, physics_shape="box")),
    _s("skipping_rope", (0.75, 1.1, 0.029), "a red skipping rope (a jump rope) lying in a loop, its two wooden "
       "handles side by side at -Y", skipping_rope,
       AssetTraits(grip=(0.09, -0.48, 0.014), hold="hand", physics_shape="box")),  # one handle
    _s("trampoline", (3.0, 3.0, 0.83), "a round garden trampoline 3 m across, its mat 80 cm up inside a blue pad "
       "(a child stands and bounces on it)", trampoline,
       AssetTraits(supports=top(0.8, (1.76, 1.76)), walkable=True)),
    _s("sandpit", (1.8, 1.8, 0.4), "a square wooden sandpit 1.8 m across with corner seats, a bucket and a spade in "
       "the sand (a child sits and digs in it)", sandpit, AssetTraits(container=Surface(0.18, (1.6, 1.6)))),
    _s("climbing_frame", (4.07, 2.09, 2.89), "a wooden playground climbing frame 3.6 m long along X: a roofed tower "
       "with a platform 1.2 m up, a ladder at +Y, monkey bars to +X", climbing_frame,
       AssetTraits(supports=top(1.2, (1.3, 1.3), (-1.05, 0.0)))),
    _s("golf_ball", (0.0427, 0.0427, 0.0427), "a white dimpled golf ball 4.3 cm across", golf_ball, ball(0.0427)),
    _s("baseball_bat", (0.066, 0.066, 0.84), "a wooden baseball bat 84 cm long standing on its knob", baseball_bat,
       AssetTraits(grip=(0.0, 0.0, 0.15), hold="hand")),
)
