"""Vehicles: cars, bikes, buses and trucks, boats, aircraft, all facing +Y.

Wheeled vehicles carry one joint per wheel (``wheel_*``, axle along X) so a wheel can turn with the
distance driven; aircraft carry ``rotor_*`` joints.
"""

from __future__ import annotations

import numpy as np

from scenes import assets
from scenes.assets import centred, paint, prop_model
from scenes.catalog.shapes import Vec, block, hull, jointed, rod, tyre, wheel
from scenes.catalog.spec import AssetSpec, composite
from scenes.geometry import Mesh, capsule, cylinder, ellipsoid, from_triangles, frustum, placed, sphere, torus, wedge
from scenes.rig import Model
from scenes.traits import AssetTraits, Surface, top

Parts = list[tuple[Mesh, str]]


def _hub(diameter: float, width: float) -> Parts:
    """A wheel's hub with a cross of spokes standing proud of both faces, so its turning shows."""
    bar = width * 1.08
    return [
        (wheel(diameter * 0.55, width * 1.04), "trim"),
        (block((bar, diameter * 0.5, diameter * 0.07), (0, 0, 0)), "tyres"),
        (block((bar, diameter * 0.07, diameter * 0.5), (0, 0, 0)), "tyres"),
    ]


def _wheels(diameter: float, width: float, track: float, axles: tuple[float, ...]) -> list:
    """Wheel joints at ±track/2 on each axle's Y, tyre and hub in slots ``tyres`` and ``trim``."""
    out = []
    for k, y in enumerate(axles):
        for side, x in (("l", -track / 2), ("r", track / 2)):
            parts = [(wheel(diameter, width), "tyres"), *_hub(diameter, width)]
            out.append((f"wheel_{k}{side}", (x, y, diameter / 2), parts))
    return out


def _car_body(length: float, width: float, cabin: float = 1.0, low: float = 1.0, base: float = 0.18) -> Parts:
    """A car's painted body, glass cabin, roof and lights (``low`` squashes it into a sports car)."""
    h = 0.6 * low
    parts: Parts = [
        (block((width, length, h), (0, 0, base + h / 2)), "body"),
        (
            placed(
                placed(frustum(1.0, 0.8, 1.0, 4), hpr=(45, 0, 0)),
                at=(0, -0.07 * length, base + h),
                scale=(width * 1.22, length * 0.6 * cabin, 0.5 * low),
            ),
            "glass",
        ),
        (block((width * 0.88, length * 0.42 * cabin, 0.06), (0, -0.07 * length, base + h + 0.5 * low)), "body"),
    ]
    for x in (-0.33 * width, 0.33 * width):
        parts.append((block((0.3, 0.04, 0.12), (x, length / 2, base + h * 0.65)), "lights"))
        parts.append((block((0.3, 0.04, 0.12), (x, -length / 2, base + h * 0.65)), "accent"))
    return parts


_CAR_SLOTS = {
    "glass": paint("2e3b48", "glass"),
    "tyres": paint("1c1c1c", "rubber"),
    "trim": paint("b8bcc2", "metal"),
    "lights": paint("fff4d6", "emissive"),
    "accent": paint("ff2a1a", "emissive"),
}


def _car(
    colour: str,
    extra: Parts = (),
    length: float = 4.2,
    width: float = 1.8,
    low: float = 1.0,
    cabin: float = 1.0,
    extra_slots: dict | None = None,
    base: float = 0.18,
) -> Model:
    body = _car_body(length, width, cabin, low, base) + list(extra)
    slots = {"body": paint(colour, "glossy"), **_CAR_SLOTS, **(extra_slots or {})}
    return jointed(body, _wheels(0.64, 0.24, width - 0.16, (0.32 * length, -0.32 * length)), slots)


def car() -> Model:
    """The catalog's first compact car (``scenes.assets.car``), its four tyres on wheel joints so they turn."""
    first = assets.car()
    body = [(p.mesh, p.slot) for p in first.parts if p.slot != "tyres"]
    wheels = []
    for k, (x, y) in enumerate((x, y) for y in (1.35, -1.35) for x in (-0.82, 0.82)):
        hub = [(block((0.26, 0.32, 0.045), (0, 0, 0)), "trim"), (block((0.26, 0.045, 0.32), (0, 0, 0)), "trim")]
        wheels.append((f"wheel_{k // 2}{'lr'[k % 2]}", (x, y, 0.32), [(wheel(0.64, 0.24, 20), "tyres"), *hub]))
    return jointed(body, wheels, {**first.slots, "trim": paint("b8bcc2", "metal")})


def sports_car() -> Model:
    """A low two-seat sports car with a spoiler."""
    spoiler = [
        (block((1.7, 0.3, 0.05), (0, -2.0, 0.95)), "body"),
        (block((0.06, 0.1, 0.2), (-0.6, -2.0, 0.78)), "body"),
        (block((0.06, 0.1, 0.2), (0.6, -2.0, 0.78)), "body"),
    ]
    return _car("f2c418", spoiler, length=4.3, width=1.9, low=0.75, cabin=0.8)


def taxi() -> Model:
    """A yellow taxi with a lit TAXI sign on the roof."""
    return _car(
        "f5c400",
        [(block((0.6, 0.25, 0.18), (0, -0.3, 1.43)), "sign"), (block((1.62, 0.05, 0.1), (0, 2.1, 0.5)), "trim")],
        extra_slots={"sign": paint("fff8e0", "emissive")},
    )


def police_car() -> Model:
    """A white police car with dark doors and a blue and red light bar."""
    return _car(
        "f4f4f4",
        [
            (block((1.84, 1.4, 0.3), (0, -0.2, 0.45)), "doors"),
            (block((0.4, 0.22, 0.12), (-0.22, -0.3, 1.44)), "siren_blue"),
            (block((0.4, 0.22, 0.12), (0.22, -0.3, 1.44)), "accent"),
        ],
        extra_slots={"doors": paint("1b2330", "glossy"), "siren_blue": paint("2f6bff", "emissive")},
    )


def _box_vehicle(
    length: float,
    width: float,
    height: float,
    colour: str,
    cab: float,
    windows: str = "band",
    axles: tuple[float, ...] = (),
    wheel_d: float = 0.9,
    extra: Parts = (),
    slots: dict | None = None,
) -> Model:
    """A bus, truck or van: a tall body on wheels, a glass windscreen, and a band of side windows."""
    base = wheel_d * 0.45
    tall = height - base
    parts: Parts = [
        (block((width * 0.92, 0.04, tall * 0.4), (0, length / 2, base + tall * 0.62)), "glass"),
    ]
    if windows != "band":
        parts.append((block((width, length, tall), (0, 0, base + tall / 2)), "body"))
    else:  # the body open behind its band of side windows, so a passenger inside shows through them
        low, high, front, back = base + tall * 0.5, base + tall * 0.82, length * 0.35, -length * 0.45
        parts += [
            (block((width, length, low - base), (0, 0, (base + low) / 2)), "body"),
            (block((width, length, height - high), (0, 0, (high + height) / 2)), "body"),
            (block((width, length / 2 - front, high - low), (0, (front + length / 2) / 2, (low + high) / 2)), "body"),
            (block((width, back + length / 2, high - low), (0, (back - length / 2) / 2, (low + high) / 2)), "body"),
        ]
        for side in (-1, 1):
            parts.append(
                (
                    block(
                        (0.04, length * 0.8, (height - base) * 0.32),
                        (side * width / 2, -length * 0.05, base + (height - base) * 0.66),
                    ),
                    "glass",
                )
            )
    for x in (-0.35 * width, 0.35 * width):
        parts.append((block((0.25, 0.04, 0.15), (x, length / 2, base + 0.35)), "lights"))
    parts += list(extra)
    all_slots = {"body": paint(colour, "glossy"), **_CAR_SLOTS, **(slots or {})}
    axles = axles or (length * 0.36, -length * 0.3)
    return jointed(parts, _wheels(wheel_d, 0.3, width - 0.2, axles), all_slots)


def bus() -> Model:
    """A red city bus 11 m long."""
    return _box_vehicle(
        11.0,
        2.5,
        3.2,
        "c62828",
        0.0,
        axles=(3.6, -3.4),
        wheel_d=1.0,
        extra=[(block((2.52, 11.02, 0.2), (0, 0, 0.9)), "trim")],
    )


def school_bus() -> Model:
    """A yellow school bus with a black stripe and a short bonnet."""
    return _box_vehicle(
        10.0,
        2.4,
        3.0,
        "f7b500",
        0.0,
        axles=(3.0, -3.2),
        wheel_d=1.0,
        extra=[(block((2.42, 10.02, 0.12), (0, 0, 1.5)), "stripe"), (block((2.0, 1.2, 0.9), (0, 5.5, 0.95)), "body")],
        slots={"stripe": paint("161616", "matte")},
    )


def truck() -> Model:
    """A lorry: a cab with a windscreen in front of a tall box trailer."""
    cab: Parts = [
        (block((2.4, 2.2, 2.6), (0, 3.6, 1.75)), "cab"),
        (block((2.2, 0.04, 1.0), (0, 4.71, 2.4)), "glass"),
        (block((2.5, 0.1, 0.5), (0, 4.72, 0.75)), "trim"),
    ]
    box_ = [(block((2.5, 6.4, 3.0), (0, -0.9, 2.1)), "body"), (block((2.3, 6.6, 0.3), (0, -0.9, 0.6)), "trim")]
    slots = {"body": paint("e9e9e4", "matte"), "cab": paint("1f5fa8", "glossy"), **_CAR_SLOTS}
    return jointed(box_ + cab, _wheels(1.0, 0.35, 2.2, (3.6, -1.8, -3.2)), slots)


def van() -> Model:
    """A delivery van with a sloping front."""
    return _box_vehicle(
        5.0,
        2.0,
        2.4,
        "eeeeee",
        0.0,
        windows="front",
        axles=(1.7, -1.6),
        wheel_d=0.7,
        extra=[(block((1.9, 0.8, 0.9), (0, 2.8, 0.78)), "body"), (block((2.02, 1.6, 0.5), (0, 1.6, 1.7)), "glass")],
    )


def ambulance() -> Model:
    """A white box-bodied ambulance 6 m long: a van cab with a bonnet and windscreen in front of a tall square box
    body, a red band and a green chequered band round the box, a blue star of life on each side, a blue-and-red
    light bar on the cab roof and blue lamps at the box's top corners, rear doors with windows at -Y."""
    base, wheel_d = 0.36, 0.72
    box_w, box_back, box_front, box_top = 2.2, -2.95, 0.85, 2.75
    cab_w, cab_front, cab_top = 2.0, 2.35, 2.25
    parts: Parts = [
        (block((box_w, box_front - box_back, box_top - base), (0, (box_front + box_back) / 2, (base + box_top) / 2)),
         "body"),
        (block((cab_w, cab_front - box_front, cab_top - base), (0, (cab_front + box_front) / 2, (base + cab_top) / 2)),
         "body"),
        (block((1.9, 0.65, 0.62), (0, cab_front + 0.32, base + 0.31)), "body"),  # the bonnet
        (block((1.86, 0.05, 0.72), (0, cab_front + 0.02, 1.55), (0, -12, 0)), "glass"),  # the windscreen
        (block((cab_w + 0.02, 0.95, 0.55), (0, 1.75, 1.6)), "glass"),  # the cab's side windows
        (block((2.02, 0.12, 0.2), (0, cab_front + 0.62, base + 0.1)), "trim"),  # the front bumper
        (block((box_w + 0.02, 0.12, 0.18), (0, box_back - 0.04, base + 0.09)), "trim"),  # the rear bumper
        (block((1.5, 0.6, 0.14), (0, 1.55, cab_top + 0.07)), "lightbar"),
        (block((0.7, 0.62, 0.1), (-0.38, 1.55, cab_top + 0.12)), "siren_blue"),
        (block((0.7, 0.62, 0.1), (0.38, 1.55, cab_top + 0.12)), "accent"),
        (block((0.02, 0.06, 1.9), (0, box_back - 0.001, base + 1.15)), "trim"),  # the rear doors' seam
    ]
    for x in (-0.5, 0.5):  # the rear doors' windows
        parts.append((block((0.6, 0.03, 0.45), (x, box_back - 0.005, 2.1)), "glass"))
    for sx in (-1, 1):  # blue lamps at the box's top corners, lit
        for y in (box_back + 0.1, box_front - 0.1):
            parts.append((block((0.14, 0.14, 0.1), (sx * (box_w / 2 - 0.1), y, box_top + 0.05)), "siren_blue"))
        parts.append((block((0.25, 0.04, 0.15), (sx * 0.7, cab_front + 0.65, base + 0.42)), "lights"))
        parts.append((block((0.2, 0.04, 0.3), (sx * 0.85, box_back - 0.02, 1.1)), "accent"))  # tail lights
        x = sx * (box_w / 2 + 0.003)
        parts.append((block((0.01, box_front - box_back + 0.01, 0.22), (x, (box_front + box_back) / 2, 1.5)), "stripe"))
        for k in range(12):  # the chequered band: two rows of alternate green squares on the white
            y = box_back + 0.16 + k * 0.3
            for row, z in ((0, 1.15), (1, 0.9)):
                if (k + row) % 2 == 0:
                    parts.append((block((0.012, 0.3, 0.25), (x, y, z)), "chequer"))
        for a in (0, 60, 120):  # the star of life on the box's side, behind the cab
            parts.append((block((0.016, 0.16, 0.56), (x, -1.05, 2.15), (0, a, 0)), "star"))
    for k in range(8):  # the chequered band across the back
        if k % 2 == 0:
            parts.append((block((0.26, 0.012, 0.25), (-0.95 + k * 0.27, box_back - 0.006, 1.15)), "chequer"))
    parts.append((block((box_w + 0.01, 0.01, 0.22), (0, box_back - 0.004, 1.5)), "stripe"))
    slots = {"body": paint("f6f6f2", "glossy"), **_CAR_SLOTS, "stripe": paint("d62828", "glossy"),
             "chequer": paint("2e9e48", "glossy"), "star": paint("1f5fd0", "glossy"),
             "siren_blue": paint("2f6bff", "emissive"), "lightbar": paint("2b2b2b", "plastic")}
    return jointed(parts, _wheels(wheel_d, 0.28, 1.8, (1.75, -1.85)), slots)


def tractor() -> Model:
    """A green farm tractor: big rear wheels, small front wheels, a cab and an exhaust."""
    parts: Parts = [
        (block((1.0, 2.2, 0.9), (0, 0.5, 1.1)), "body"),
        (block((1.4, 1.3, 0.2), (0, -0.8, 1.2)), "body"),
        (block((1.2, 1.1, 1.3), (0, -0.8, 1.95)), "glass"),
        (block((1.3, 1.2, 0.08), (0, -0.8, 2.64)), "body"),
        (rod((0.3, 1.0, 1.5), (0.3, 1.0, 2.4), 0.1), "trim"),
    ]
    rear = [
        (f"wheel_1{s}", (x, -0.8, 0.75), [(wheel(1.5, 0.45), "tyres"), (wheel(0.8, 0.47), "trim")])
        for s, x in (("l", -0.85), ("r", 0.85))
    ]
    front = [
        (f"wheel_0{s}", (x, 1.2, 0.45), [(wheel(0.9, 0.3), "tyres"), (wheel(0.5, 0.32), "trim")])
        for s, x in (("l", -0.65), ("r", 0.65))
    ]
    slots = {**_CAR_SLOTS, "body": paint("2e8b3a", "glossy"), "trim": paint("f2c418", "metal")}
    return jointed(parts, front + rear, slots)


def train_carriage() -> Model:
    """A passenger train carriage 16 m long on two bogies, with a row of windows."""
    parts: Parts = [(block((2.8, 16.0, 3.0), (0, 0, 2.4)), "body"), (block((2.82, 16.02, 0.3), (0, 0, 3.75)), "roof")]
    for y in range(-6, 7, 2):
        for side in (-1, 1):
            parts.append((block((0.04, 1.3, 0.9), (side * 1.4, y, 2.7)), "glass"))
    for y in (-5.5, 5.5):
        parts.append((block((2.0, 2.6, 0.5), (0, y, 0.75)), "trim"))
    wheels = [
        (f"wheel_{k}{s}", (x, y, 0.45), [(wheel(0.9, 0.15), "tyres")])
        for k, y in enumerate((6.4, 4.6, -4.6, -6.4))
        for s, x in (("l", -0.72), ("r", 0.72))
    ]
    return jointed(
        parts,
        wheels,
        {
            "body": paint("2f6f9f", "glossy"),
            "roof": paint("c7ccd1", "metal"),
            "glass": paint("2e3b48", "glass"),
            "trim": paint("2b2b2b", "metal"),
            "tyres": paint("3a3a3a", "metal"),
        },
    )


def bicycle() -> Model:
    """A bicycle 1.75 m long: two spoked wheels, a diamond frame, saddle, handlebar and pedals."""
    r = 0.34
    hub_b, hub_f, crank = (0.0, -0.52, r), (0.0, 0.52, r), (0.0, -0.05, 0.3)
    seat, head = (0.0, -0.2, 0.85), (0.0, 0.42, 0.88)
    frame = [
        (rod(crank, seat, 0.04), "body"),
        (rod(crank, head, 0.045), "body"),
        (rod(seat, head, 0.04), "body"),
        (rod(hub_b, seat, 0.03), "body"),
        (rod(hub_b, crank, 0.03), "body"),
        (rod(hub_f, head, 0.035), "body"),
        (rod(head, (0, 0.38, 1.0), 0.035), "body"),
        (rod((-0.28, 0.38, 1.0), (0.28, 0.38, 1.0), 0.03), "trim"),
        (block((0.16, 0.26, 0.06), (0, -0.22, 0.9)), "seat"),
        (wheel(0.14, 0.04), "trim"),
    ]
    frame[-1] = (placed(wheel(0.16, 0.03), at=crank), "trim")
    for side in (-1, 1):
        frame.append((block((0.1, 0.06, 0.025), (side * 0.1, -0.05, 0.3 - side * 0.15)), "seat"))
    wheels = []
    for k, hub in enumerate((hub_f, hub_b)):
        spokes = [
            (rod((0, 0, 0), (0, r * 0.95 * c, r * 0.95 * s), 0.008, 4), "trim")
            for c, s in ((1, 0), (-1, 0), (0, 1), (0, -1), (0.7, 0.7), (-0.7, 0.7), (0.7, -0.7), (-0.7, -0.7))
        ]
        wheels.append((f"wheel_{k}", hub, [(tyre(2 * r, 0.05), "tyres"), *spokes]))
    return jointed(
        frame,
        wheels,
        {
            "body": paint("d62828", "glossy"),
            "trim": paint("b8bcc2", "chrome"),
            "tyres": paint("1c1c1c", "rubber"),
            "seat": paint("2b2b2b", "matte"),
        },
    )


def motorbike() -> Model:
    """A motorbike: fat tyres, a tank, a seat, an engine block, a headlight and handlebars."""
    r = 0.32
    parts: Parts = [
        (placed(ellipsoid((0.34, 0.6, 0.3)), at=(0, 0.15, 0.72)), "body"),
        (block((0.3, 0.6, 0.12), (0, -0.35, 0.84)), "seat"),
        (block((0.3, 0.45, 0.35), (0, -0.05, 0.45)), "trim"),
        (rod((0, 0.55, r), (0, 0.45, 1.0), 0.05), "trim"),
        (rod((0, -0.6, r), (0, -0.1, 0.5), 0.05), "trim"),
        (rod((-0.33, 0.42, 1.02), (0.33, 0.42, 1.02), 0.03), "trim"),
        (placed(sphere(0.16, 12, 6), at=(0, 0.56, 0.86)), "lights"),
        (block((0.22, 0.3, 0.06), (0, -0.62, 0.7)), "body"),
    ]
    wheels = [
        (f"wheel_{k}", (0, y, r), [(tyre(2 * r, 0.13), "tyres"), (wheel(0.34, 0.08), "trim")])
        for k, y in enumerate((0.7, -0.7))
    ]
    return jointed(
        parts,
        wheels,
        {
            "body": paint("1f3b73", "glossy"),
            "seat": paint("1a1a1a", "matte"),
            "trim": paint("9aa0a6", "chrome"),
            "tyres": paint("1c1c1c", "rubber"),
            "lights": paint("fff4d6", "emissive"),
        },
    )


def _hull(length: float, beam: float, depth: float, floor: float = 1.0) -> Parts:
    """A boat's hull (bow at +Y) in slot ``body`` with a coloured stripe along its sides in ``trim``."""
    stripe = placed(hull(length * 1.005, beam * 1.01, depth * 0.12, 1.0), at=(0, 0, depth * 0.7))
    return [(hull(length, beam, depth, floor), "body"), (stripe, "trim")]


def boat() -> Model:
    """A small white motorboat 5 m long with a windscreen and a cabin roof."""
    parts = [
        *_hull(5.0, 1.9, 0.8),
        (block((1.4, 1.4, 0.7), (0, -0.3, 1.15)), "cabin"),
        (block((1.3, 0.05, 0.45), (0, 0.42, 1.1), (0, -25, 0)), "glass"),
        (block((1.5, 1.6, 0.06), (0, -0.3, 1.53)), "cabin"),
    ]
    return assets.prop_model(
        parts,
        {
            "body": paint("f4f4f4", "glossy"),
            "trim": paint("1f5fa8", "glossy"),
            "cabin": paint("e8e2d4", "plastic"),
            "glass": paint("2e3b48", "glass"),
        },
    )


def sailboat() -> Model:
    """A sailing dinghy: a hull, a tall mast, a white mainsail and a jib."""
    parts = [
        *_hull(4.5, 1.7, 0.7),
        (rod((0, 0.5, 0.6), (0, 0.5, 6.0), 0.1), "mast"),
        (rod((0, 0.5, 1.2), (0, -1.9, 1.2), 0.07), "mast"),
        (placed(wedge((0.03, 2.3, 4.7)), at=(0, 0.5 - 1.17, 1.25)), "sail"),
        (placed(wedge((0.03, 1.5, 4.3)), hpr=(180, 0, 0), at=(0, 0.5 + 0.77, 0.9)), "sail"),
    ]
    return assets.prop_model(
        parts,
        {
            "body": paint("f4f4f4", "glossy"),
            "trim": paint("1f5fa8", "glossy"),
            "mast": paint("c9c2b5", "metal"),
            "sail": paint("fbfaf5", "fabric"),
        },
    )


def rowing_boat() -> Model:
    """A wooden rowing boat 3.5 m long with two benches and a pair of oars."""
    parts = _hull(3.5, 1.3, 0.55, 0.3)
    parts += [(block((1.0, 0.25, 0.05), (0, y, 0.445)), "trim") for y in (-0.6, 0.4)]
    for side in (-1, 1):
        parts.append((rod((side * 0.55, -0.1, 0.55), (side * 1.45, -0.4, 0.05), 0.05), "oars"))
        parts.append((placed(block((0.18, 0.5, 0.02), (0, 0, 0)), at=(side * 1.5, -0.42, 0.06)), "oars"))
    return assets.prop_model(
        parts, {"body": paint("8a5a32", "wood"), "trim": paint("c49a6c", "wood"), "oars": paint("d8b27a", "wood")}
    )


def airplane() -> Model:
    """A passenger jet (a small one, 12 m long): fuselage, swept wings, tail fin, two engines, windows."""
    parts: Parts = [
        (placed(capsule(1.6, 12.0, 24, 8), hpr=(0, -90, 0), at=(0, -6.0, 1.9)), "body"),
        (placed(wedge((0.15, 2.2, 2.2)), hpr=(180, 0, 0), at=(0, -4.9, 2.5)), "accent"),
        (block((4.6, 0.9, 0.12), (0, -5.0, 2.6)), "body"),
    ]
    for side in (-1, 1):
        parts.append((block((5.5, 1.6, 0.15), (side * 3.2, 0.3, 1.6), (side * -18, 0, 0)), "body"))
        parts.append((placed(capsule(0.7, 1.8, 16, 6), hpr=(0, -90, 0), at=(side * 2.6, 0.0, 1.15)), "accent"))
        for y in range(-4, 6):
            parts.append((block((0.04, 0.3, 0.25), (side * 0.78, y * 0.9, 2.15)), "glass"))
    parts.append((rod((0, 3.5, 0.0), (0, 3.5, 1.2), 0.12), "trim"))
    for side in (-1, 1):
        parts.append((rod((side * 1.0, -0.5, 0.0), (side * 1.0, -0.5, 1.2), 0.14), "trim"))
    return assets.prop_model(
        parts,
        {
            "body": paint("f2f4f7", "glossy"),
            "accent": paint("1f5fa8", "glossy"),
            "glass": paint("2e3b48", "glass"),
            "trim": paint("3a3a3a", "rubber"),
        },
    )


def helicopter() -> Model:
    """A helicopter: a glass-nosed cabin, a tail boom with a fin, skids, and a main rotor on its own joint."""
    parts: Parts = [
        (placed(ellipsoid((1.6, 3.2, 1.7)), at=(0, 0.3, 0.45)), "body"),
        (placed(ellipsoid((1.3, 1.2, 1.1)), at=(0, 1.45, 0.75)), "glass"),
        (rod((0, -1.0, 1.35), (0, -5.0, 1.6), 0.3), "body"),
        (block((0.1, 0.6, 0.9), (0, -5.0, 1.9)), "accent"),
        (rod((0, 0.3, 2.15), (0, 0.3, 2.4), 0.16), "trim"),
    ]
    for side in (-1, 1):
        parts.append((rod((side * 0.7, -1.2, 0.04), (side * 0.7, 1.6, 0.04), 0.08), "trim"))
        for y in (-0.6, 0.9):
            parts.append((rod((side * 0.7, y, 0.05), (side * 0.45, y, 0.6), 0.06), "trim"))
    blades = [(block((8.0, 0.28, 0.04), (0, 0, 0.02)), "trim"), (block((0.28, 8.0, 0.04), (0, 0, 0.02)), "trim")]
    return jointed(
        parts,
        [("rotor_main", (0, 0.3, 2.4), blades)],
        {
            "body": paint("c62828", "glossy"),
            "glass": paint("2e3b48", "glass"),
            "accent": paint("f2f2f2", "glossy"),
            "trim": paint("2b2b2b", "metal"),
        },
    )


def drone() -> Model:
    """A quadcopter drone 50 cm across: a body, four arms, four spinning rotors and a camera."""
    parts: Parts = [
        (block((0.16, 0.22, 0.07), (0, 0, 0.08)), "body"),
        (placed(sphere(0.06, 10, 5), at=(0, 0.09, 0.0)), "accent"),
    ]
    rotors = []
    for k, (x, y) in enumerate(((0.18, 0.18), (-0.18, 0.18), (0.18, -0.18), (-0.18, -0.18))):
        parts.append((rod((0, 0, 0.1), (x, y, 0.1), 0.02, 6), "body"))
        parts.append((rod((x, y, 0.0), (x, y, 0.12), 0.02, 6), "body"))
        rotors.append((f"rotor_{k}", (x, y, 0.13), [(cylinder(0.14, 0.01, 16), "accent")]))
    return jointed(parts, rotors, {"body": paint("2b2b2b", "plastic"), "accent": paint("9aa0a6", "plastic")})


def trailer() -> Model:
    """An open box trailer 3.4 m long with a drawbar at +Y: a flat bed 0.6 m up inside low slatted sides, one axle
    of two wheels (a tractor or a car pulls it; hay bales or a load go inside)."""
    bed, w, length = 0.6, 1.8, 2.8
    parts: Parts = [
        (block((w, length, 0.08), (0, 0, bed - 0.04)), "body"),
        (block((0.12, 0.12, 0.2), (0, 0, bed - 0.18)), "trim"),
        (rod((-0.5, length / 2, bed - 0.1), (0, length / 2 + 0.55, bed - 0.15), 0.08, 8), "trim"),
        (rod((0.5, length / 2, bed - 0.1), (0, length / 2 + 0.55, bed - 0.15), 0.08, 8), "trim"),
        (placed(sphere(0.1, 10, 5), at=(0, length / 2 + 0.6, bed - 0.2)), "trim"),
        (rod((0, length / 2 + 0.35, bed - 0.12), (0, length / 2 + 0.35, 0.0), 0.05, 6), "trim"),
    ]
    for s in (-1, 1):
        parts.append((block((0.05, length, 0.4), (s * (w / 2 - 0.025), 0, bed + 0.2)), "sides"))
        parts.append((block((w, 0.05, 0.4), (0, s * (length / 2 - 0.025), bed + 0.2)), "sides"))
        parts.append((block((0.4, 1.0, 0.05), (s * (w / 2 + 0.1), -0.2, 0.74)), "trim"))  # mudguards
        parts.append((block((0.2, 0.04, 0.1), (s * 0.6, -length / 2 - 0.02, bed - 0.05)), "lights"))
    wheels = [(f"wheel_0{side}", (x, -0.2, 0.35), [(wheel(0.7, 0.2), "tyres"), *_hub(0.7, 0.2)])
              for side, x in (("l", -(w / 2 + 0.1)), ("r", w / 2 + 0.1))]
    return jointed(parts, wheels, {"body": paint("7a5230", "wood"), "sides": paint("2f6bb0", "glossy"), **_CAR_SLOTS,
                                   "trim": paint("3a3c3f", "metal"), "lights": paint("ff2a1a", "emissive")})


def pram() -> Model:
    """A baby's pram 1 m long, handle at -Y: a deep navy carrycot with a folding hood on a chrome frame, four wheels."""
    parts: Parts = [
        (placed(ellipsoid((0.5, 0.8, 0.32), 20, 8), at=(0, 0.05, 0.45)), "body"),
        (placed(ellipsoid((0.44, 0.7, 0.1), 16, 4), at=(0, 0.05, 0.69)), "lining"),
        (placed(sphere(1.0, 20, 10), scale=(0.52, 0.5, 0.5), hpr=(0, 0, 0), at=(0, -0.2, 0.5)), "hood"),
        (rod((-0.22, -0.35, 0.55), (-0.25, -0.6, 1.05), 0.025, 6), "frame"),
        (rod((0.22, -0.35, 0.55), (0.25, -0.6, 1.05), 0.025, 6), "frame"),
        (rod((-0.26, -0.6, 1.05), (0.26, -0.6, 1.05), 0.035, 8), "grip"),
    ]
    for s in (-1, 1):
        parts.append((rod((s * 0.22, 0.3, 0.15), (s * 0.2, -0.2, 0.45), 0.02, 6), "frame"))
        parts.append((rod((s * 0.22, -0.3, 0.15), (s * 0.2, 0.3, 0.45), 0.02, 6), "frame"))
    wheels = [(f"wheel_{k}{side}", (x, y, 0.15), [(wheel(0.3, 0.05), "tyres"), (wheel(0.12, 0.06), "trim")])
              for k, y in enumerate((0.3, -0.3)) for side, x in (("l", -0.24), ("r", 0.24))]
    return jointed(parts, wheels, {"body": paint("1f2a4a", "fabric"), "hood": paint("1f2a4a", "fabric"),
                                   "lining": paint("f4f0ea", "fabric"), "frame": paint("c0c4c8", "chrome"),
                                   "grip": paint("2b2b2b", "rubber"), **_CAR_SLOTS})


def sled() -> Model:
    """A wooden sled 1.1 m long, front at +Y: a slatted seat on two runners that curl up at the front, a tow rope."""
    parts: Parts = []
    for s in (-1, 1):
        parts.append((block((0.03, 0.95, 0.025), (s * 0.2, -0.05, 0.0125)), "runners"))
        parts.append((placed(centred(torus(0.24, 0.025, 16, 4)), hpr=(0, 0, 90), scale=(1.0, 1.0, 1.0),
                             at=(s * 0.2, 0.42, 0.12)), "runners"))
        for y in (-0.35, 0.05, 0.35):
            parts.append((block((0.04, 0.05, 0.14), (s * 0.2, y, 0.09)), "body"))
    for y in np.linspace(-0.45, 0.35, 5):
        parts.append((block((0.5, 0.14, 0.025), (0, float(y), 0.17)), "body"))
    parts.append((rod((-0.2, 0.5, 0.2), (0.2, 0.5, 0.2), 0.02, 6), "runners"))
    parts.append((rod((0.0, 0.5, 0.2), (0.05, 0.6, 0.02), 0.012, 4), "rope"))
    return prop_model(parts, {"body": paint("b5793f", "wood"), "runners": paint("c62828", "metal"),
                              "rope": paint("e0d0a8", "fabric")})


def hot_air_balloon() -> Model:
    """A hot-air balloon 15 m tall: a striped envelope 8.7 m across, a burner frame and a wicker basket 1.2 m square
    hung under it on ropes (it flies)."""
    parts: Parts = [
        (block((1.2, 1.2, 1.0), (0, 0, 0.5)), "basket"),
        (placed(torus(1.72, 0.1, 20, 6), hpr=(45, 0, 0), at=(0, 0, 0.95), scale=(0.98, 0.98, 1.0)), "trim"),
        (placed(cylinder(0.5, 0.4, 12), at=(0, 0, 2.6)), "trim"),
        (placed(frustum(1.6, 4.0, 2.2, 24), at=(0, 0, 3.0)), "stripes"),
    ]
    for x in (-0.55, 0.55):
        for y in (-0.55, 0.55):
            parts.append((rod((x, y, 1.0), (x * 2.2, y * 2.2, 3.2), 0.04, 4), "trim"))
            parts.append((rod((x, y, 1.0), (x * 0.35, y * 0.35, 2.6), 0.03, 4), "trim"))
    # the envelope: a teardrop of gores, alternately coloured
    prof_z = np.linspace(0.0, 1.0, 14)
    radius = 5.5 * np.sin(np.clip(prof_z * 1.35, 0.0, np.pi / 2)) ** 0.8 * np.sqrt(np.clip(1.0 - prof_z ** 6, 0, 1))
    radius = np.maximum(radius, 2.0 * (1.0 - prof_z))
    zs = 5.0 + prof_z * 10.0
    gores = 12
    for g in range(gores):
        a0, a1 = 2 * np.pi * g / gores, 2 * np.pi * (g + 1) / gores
        verts, tris = [], []
        for r, z in zip(radius, zs, strict=True):
            for a in np.linspace(a0, a1, 4):
                verts.append((r * np.cos(a), r * np.sin(a), z))
        for i in range(len(zs) - 1):
            for j in range(3):
                k = i * 4 + j
                tris += [(k, k + 1, k + 5), (k, k + 5, k + 4)]
        parts.append((from_triangles(np.array(verts), np.array(tris)), "body" if g % 2 else "stripes"))
    parts.append((placed(cylinder(1.2, 0.1, 16), at=(0, 0, 14.9)), "body"))
    return prop_model(parts, {"body": paint("e03a2a", "fabric"), "stripes": paint("f2c230", "fabric"),
                              "basket": paint("a0743c", "wood"), "trim": paint("3a3a3a", "metal")})


def fire_engine() -> Model:
    """A red fire engine 8.7 m long facing +Y: a crew cab with a windscreen, side windows, a chrome grille and a
    blue light bar, behind it a body of aluminium roller-shutter lockers over a white band, an aluminium ladder
    along the roof from a turntable at the back to a cradle over the cab, two axles with spoked hubs."""
    base, wheel_d, w = 0.45, 1.0, 2.5
    cab_back, cab_front, cab_top = 1.9, 4.3, 2.95
    body_back, body_top = -4.3, 2.6
    ladder_z = 3.2
    parts: Parts = [
        (block((w, cab_front - cab_back, cab_top - base), (0, (cab_front + cab_back) / 2, (base + cab_top) / 2)),
         "body"),
        (block((w, cab_back - body_back, body_top - base), (0, (cab_back + body_back) / 2, (base + body_top) / 2)),
         "body"),
        (block((2.3, 0.04, 0.85), (0, cab_front + 0.01, 2.3)), "glass"),  # the windscreen
        (block((w + 0.02, 1.5, 0.7), (0, 3.35, 2.3)), "glass"),  # the cab's side windows
        (block((w + 0.04, 0.15, 0.25), (0, cab_front + 0.07, base + 0.12)), "trim"),  # the front bumper
        (block((1.3, 0.03, 0.55), (0, cab_front + 0.015, 1.2)), "trim"),  # the grille
        (block((1.8, 0.32, 0.12), (0, 3.95, cab_top + 0.06)), "lightbar"),
        (block((0.55, 0.34, 0.1), (-0.5, 3.95, cab_top + 0.1)), "siren_blue"),
        (block((0.55, 0.34, 0.1), (0.5, 3.95, cab_top + 0.1)), "siren_blue"),
        (placed(cylinder(1.1, 0.2, 20), at=(0, -3.2, body_top)), "trim"),  # the ladder's turntable
        (block((0.9, 0.9, ladder_z - body_top - 0.26), (0, -3.2, (body_top + 0.2 + ladder_z - 0.06) / 2)), "trim"),
        (block((1.1, 0.16, ladder_z - cab_top - 0.06), (0, 2.6, (cab_top + ladder_z - 0.06) / 2)), "trim"),  # cradle
        (block((w - 0.1, 0.03, 1.6), (0, body_back - 0.01, 1.5)), "shutters"),  # the rear locker
    ]
    for sx in (-1, 1):
        x = sx * (w / 2 + 0.004)
        parts.append((block((0.3, 0.04, 0.15), (sx * 0.85, cab_front + 0.02, 0.95)), "lights"))
        parts.append((block((0.25, 0.03, 0.3), (sx * 0.95, body_back - 0.02, 1.0)), "accent"))  # tail lights
        parts.append((block((0.012, cab_front - body_back - 0.05, 0.16), (x, (cab_front + body_back) / 2, 1.3)),
                      "stripe"))
        parts.append((block((0.08, 1.1, 0.06), (sx * (w / 2 + 0.04), 3.3, 0.7)), "trim"))  # the cab's step
        parts.append((block((0.012, 0.9, 0.95), (x, 2.45, 2.0)), "shutters"))  # the crew door's panel
        for k in range(3):  # three roller-shutter lockers a side, their ribs
            y = -3.45 + k * 1.75
            parts.append((block((0.014, 1.6, 0.95), (sx * (w / 2 + 0.005), y, 1.95)), "shutters"))
            for r in range(5):
                parts.append((block((0.018, 1.6, 0.02), (sx * (w / 2 + 0.006), y, 1.6 + 0.18 * r)), "trim"))
        parts.append((block((0.06, 8.1, 0.12), (sx * 0.42, 0.1, ladder_z)), "ladder"))  # the ladder's rails
        parts.append((block((0.05, 6.0, 0.1), (sx * 0.34, -0.6, ladder_z + 0.1)), "ladder"))  # its fly section
    for k in range(27):
        parts.append((rod((-0.42, -3.8 + 0.3 * k, ladder_z), (0.42, -3.8 + 0.3 * k, ladder_z), 0.035, 6), "ladder"))
    slots = {"body": paint("c81e1e", "glossy"), **_CAR_SLOTS, "stripe": paint("f4f4f0", "glossy"),
             "shutters": paint("c8ccd0", "metal"), "ladder": paint("dcdfe2", "metal"),
             "siren_blue": paint("2f6bff", "emissive"), "lightbar": paint("2b2b2b", "plastic")}
    return jointed(parts, _wheels(wheel_d, 0.35, 2.2, (3.1, -2.5)), slots)


_WHEELED = AssetTraits(physics_shape="box")


def _seated(x: float, y: float, z: float) -> AssetTraits:
    """A wheeled vehicle one rides inside: the driver's (or a passenger's) pelvis on a seat at (x, y, z), low enough
    that a seated adult's head stays under the roof and high enough that the head and shoulders show through the
    windows (the legs are hidden in the body)."""
    return AssetTraits(rideable=(x, y, z), physics_shape="box")
_FLOATS = AssetTraits(buoyant=True, physics_shape="hull")
_FLIES = AssetTraits(flies=True, physics_shape="hull")


def _v(name: str, size: Vec, description: str, make, traits: AssetTraits = _WHEELED) -> AssetSpec:
    return composite(name, "prop", size, description, make, "vehicles", traits)


def caravan() -> Model:
    """A touring caravan 5.9 m long with its drawbar at +Y (a car tows it): a cream body 2.2 m wide and 2.6 m tall
    with rounded ends, a brown band, a wide sloping front window, side windows and a door at +X, roof lights, one
    axle of two wheels under the middle, a jockey wheel and a gas-bottle box on the A-frame."""
    w, base, top_, length = 2.2, 0.42, 2.6, 4.9
    front, back = length / 2, -length / 2
    parts: Parts = [
        (block((w, length - 0.3, top_ - base), (0, 0, (base + top_) / 2)), "body"),
        (block((w - 0.1, 0.3, top_ - base - 0.15), (0, back + 0.15, (base + top_) / 2 - 0.02)), "body"),
        (block((w - 0.1, 0.3, top_ - base - 0.15), (0, front - 0.15, (base + top_) / 2 - 0.02)), "body"),
        (block((w + 0.01, length - 0.28, 0.14), (0, 0, base + 0.62)), "band"),
        (block((w + 0.01, length - 0.28, 0.05), (0, 0, base + 0.48)), "band"),
        (block((w - 0.3, 0.04, 0.7), (0, front + 0.005, 1.75), (0, 0, 0)), "glass"),  # the front window
        (block((w - 0.3, 0.04, 0.5), (0, back - 0.005, 1.8)), "glass"),
        (block((w - 0.2, 0.3, 0.22), (0, front + 0.05, 0.85)), "trim"),  # the gas-bottle locker
        (block((0.6, 0.6, 0.12), (0, 0.6, top_ + 0.06)), "trim"),  # a roof light
        (block((0.4, 0.4, 0.1), (0, -1.3, top_ + 0.05)), "trim"),
        (block((0.05, 0.7, 1.8), (w / 2 + 0.02, -1.2, base + 0.95)), "door"),
        (block((0.06, 0.4, 0.4), (w / 2 + 0.03, -1.2, base + 1.45)), "glass"),
        (rod((0, front, 0.45), (0, front + 1.0, 0.45), 0.09, 8), "trim"),  # the drawbar
        (rod((-0.8, front - 0.1, 0.42), (0, front + 1.0, 0.45), 0.07, 6), "trim"),
        (rod((0.8, front - 0.1, 0.42), (0, front + 1.0, 0.45), 0.07, 6), "trim"),
        (rod((0, front + 0.6, 0.1), (0, front + 0.6, 0.6), 0.06, 8), "trim"),  # the jockey wheel's post
        (placed(centred(cylinder(0.18, 0.06, 14)), hpr=(0, 0, 90), at=(0, front + 0.6, 0.09)), "tyres"),
        (placed(centred(sphere(0.12, 10, 6)), at=(0, front + 1.02, 0.5)), "trim"),  # the hitch
        (block((w - 0.5, 0.05, 0.45), (0.0, back - 0.01, base + 0.3)), "lights"),
    ]
    for sx in (-1, 1):
        for y, ww in ((0.9, 1.2), (-0.2, 0.8), (1.9, 0.5)):
            if sx > 0 and abs(y + 1.2) < 0.7:
                continue
            parts.append((block((0.04, ww, 0.6), (sx * (w / 2 + 0.005), y, 1.75)), "glass"))
        parts.append((block((0.3, 0.9, 0.08), (sx * (w / 2 - 0.2), 0.0, 0.7)), "trim"))  # the wheel arch's lip
    slots = {"body": paint("f2ece0", "glossy"), "band": paint("8a5a3a", "glossy"), "door": paint("e8e0d0", "glossy"),
             "trim": paint("3a3a3c", "metal"), **_CAR_SLOTS, "lights": paint("ff2a1a", "emissive")}
    return jointed(parts, _wheels(0.64, 0.2, w - 0.3, (0.0,)), slots)


def ice_cream_van() -> Model:
    """An ice cream van 5.7 m long, the delivery van's body in pastel pink: its serving hatch open on the +X side
    with a counter under a striped awning, a cream stripe along its sides, a big ice cream cone with a scoop and a
    cherry on the roof (the driver sits in the cab)."""
    w, h = 2.0, 2.6
    extra: Parts = [
        (block((1.9, 0.8, 0.9), (0, 2.8, 0.78)), "body"),  # the bonnet
        (block((2.02, 1.6, 0.5), (0, 1.6, 1.7)), "glass"),
        (block((w + 0.01, 5.02, 0.14), (0, 0, 0.62)), "stripe"),
        (block((0.04, 1.7, 0.85), (w / 2 + 0.001, -0.8, 1.6)), "inside"),  # the open hatch
        (block((0.3, 1.8, 0.05), (w / 2 + 0.13, -0.8, 1.16)), "stripe"),  # the counter
        (placed(frustum(0.5, 0.08, 0.7, 16), hpr=(0, 180, 0), at=(0, -1.2, h + 0.8)), "cone"),  # the roof's cone
        (placed(sphere(0.5, 18, 10), at=(0, -1.2, h + 0.55)), "cream"),
        (placed(sphere(0.16, 12, 6), at=(0, -1.2, h + 1.0)), "cherry"),
        (block((0.12, 0.12, 0.12), (0, -1.2, h + 0.06)), "stripe"),
        (block((0.04, 1.2, 0.35), (w / 2 + 0.001, 0.6, 1.9)), "glass"),  # a small side window behind the cab
    ]
    for k in range(6):  # the awning over the hatch: stripes tipped out from the wall
        extra.append((block((0.45, 0.3, 0.03), (w / 2 + 0.2, -1.55 + 0.3 * k + 0.15, 2.17), (0, 0, 20)),
                      "stripe" if k % 2 else "awning"))
    slots = {"stripe": paint("fff6e6", "glossy"), "inside": paint("3a2a30", "matte"),
             "awning": paint("e0306a", "fabric"), "cone": paint("d8a05a", "matte"), "cream": paint("fff4e0", "matte"),
             "cherry": paint("d81e2a", "glossy")}
    return _box_vehicle(5.0, w, h, "f6b8cc", 0.0, windows="front", axles=(1.7, -1.6), wheel_d=0.7, extra=extra,
                        slots=slots)


ASSETS: tuple[AssetSpec, ...] = (
    _v("car", (1.88, 4.24, 1.47), "a compact red car facing +Y", car, _seated(-0.4, 0.0, 0.47)),
    _v("sports_car", (1.99, 4.34, 1.03), "a low yellow sports car with a spoiler", sports_car),
    _v("taxi", (1.8, 4.2, 1.5), "a yellow taxi with a roof sign", taxi, _seated(-0.4, 0.1, 0.4)),
    _v("police_car", (1.84, 4.2, 1.5), "a white police car with a light bar", police_car, _seated(-0.4, 0.1, 0.4)),
    _v("van", (2.11, 5.7, 2.4), "a white delivery van", van, _seated(-0.45, 1.5, 1.0)),
    _v("ambulance", (2.22, 6.08, 2.85), "a white box-bodied ambulance with a red band, green chequers and a blue "
       "light bar", ambulance, _seated(-0.45, 1.5, 1.0)),
    _v("truck", (2.56, 8.97, 3.6), "a lorry with a blue cab and a box trailer", truck,
       _seated(-0.6, 3.8, 1.5)),
    _v("bus", (2.5, 11.0, 3.2), "a red city bus 11 m long (a rider sits by a side window)", bus,
       _seated(0.7, 0.5, 1.5)),
    _v("school_bus", (2.4, 11.0, 3.0), "a yellow school bus", school_bus, _seated(0.65, 0.5, 1.45)),
    _v(
        "tractor",
        (2.17, 3.2, 2.68),
        "a green farm tractor (drive it: the driver on the seat in its cab)",
        tractor,
        AssetTraits(rideable=(0.0, -0.8, 1.35), physics_shape="box"),
    ),
    _v("train_carriage", (2.8, 16.0, 3.9), "a blue passenger train carriage 16 m long", train_carriage),
    _v(
        "bicycle",
        (0.6, 1.72, 1.02),
        "a red bicycle (ride it: rider on the saddle)",
        bicycle,
        AssetTraits(rideable=(0.0, -0.22, 0.93), physics_shape="box"),
    ),
    _v(
        "motorbike",
        (0.66, 2.0, 1.05),
        "a blue motorbike",
        motorbike,
        AssetTraits(rideable=(0.0, -0.35, 0.9), physics_shape="box"),
    ),
    _v("boat", (1.94, 5.03, 1.56), "a small white motorboat (floats)", boat, _FLOATS),
    _v("sailboat", (1.73, 4.5, 6.0), "a sailing dinghy with a white sail (floats)", sailboat, _FLOATS),
    _v(
        "rowing_boat",
        (3.18, 3.52, 0.57),
        "a wooden rowing boat with oars (floats)",
        rowing_boat,
        # a rower sits on the stern bench facing the bow (the rideable point is that bench)
        AssetTraits(buoyant=True, seat=Surface(0.47, (1.0, 0.25), (0.0, -0.6)), rideable=(0.0, -0.6, 0.6),
                    physics_shape="hull"),
    ),
    _v("airplane", (12.13, 12, 4.7), "a small passenger jet (flies)", airplane, _FLIES),
    _v("helicopter", (8, 9.6, 2.44), "a red helicopter with a main rotor (flies)", helicopter, _FLIES),
    _v("hot_air_balloon", (8.72, 8.72, 15.0), "a red-and-yellow hot-air balloon 15 m tall, a wicker basket under its "
       "envelope (flies)", hot_air_balloon, _FLIES),
    _v(
        "drone",
        (0.5, 0.5, 0.14),
        "a quadcopter drone with four rotors (flies)",
        drone,
        AssetTraits(flies=True, grip=(0.0, 0.0, 0.1), physics_shape="box"),
    ),
    _v(
        "trailer",
        (2.4, 3.49, 1.0),
        "an open box trailer with a drawbar at +Y (a tractor or a car pulls it; a load goes inside)",
        trailer,
        AssetTraits(container=Surface(0.6, (1.7, 2.7)), supports=top(0.6, (1.7, 2.7)), physics_shape="box"),
    ),
    _v(
        "pram",
        (0.54, 1.07, 1.07),
        "a navy baby's pram (a stroller) with a hood, handle at -Y",
        pram,
        AssetTraits(container=Surface(0.66, (0.36, 0.5), (0.0, 0.1)), grip=(0.0, -0.6, 1.05), hold="both",
                    physics_shape="box"),
    ),
    _v(
        "sled",
        (0.5, 1.13, 0.24),
        "a wooden sled on red runners, front at +Y (ride it: the rider sits on its seat)",
        sled,
        AssetTraits(seat=Surface(0.1825, (0.5, 0.6), (0.0, -0.1)), supports=top(0.1825, (0.5, 0.6), (0.0, -0.1)),
                    rideable=(0.0, -0.1, 0.2), grip=(0.0, 0.6, 0.02), physics_shape="box"),
    ),
    _v("fire_engine", (2.66, 8.78, 3.35), "a red fire engine 8.8 m long with an aluminium ladder on its roof, "
       "roller-shutter lockers and a blue light bar, facing +Y", fire_engine, _seated(-0.55, 3.3, 1.45)),
    _v("caravan", (2.29, 6.01, 2.72), "a cream touring caravan with a brown band, its drawbar at +Y (a car tows it)",
       caravan),
    _v("ice_cream_van", (2.48, 5.71, 3.76), "a pastel-pink ice cream van with a serving hatch on its +X side and a big "
       "cone on the roof", ice_cream_van, _seated(-0.45, 1.5, 1.0)),
)
