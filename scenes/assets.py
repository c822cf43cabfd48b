"""Procedural models of the catalog: people, four-legged animals and multi-part props, built from primitives.

Each builder returns a :class:`~scenes.rig.Model`. Characters are articulated (a joint per limb
segment, with the parts hanging from them); props have one ``root`` joint and several parts in
different material slots, so a table has a wooden top and legs and a car has glass, tyres and lights.
All models stand on z = 0 and face +Y, like everything in the project.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scenes import skin
from scenes.geometry import (
    Mesh,
    box,
    cone,
    cylinder,
    ellipsoid,
    frustum,
    limb,
    placed,
    pyramid,
    rock,
    sphere,
    torus,
    wedge,
)
from scenes.rig import Joint, Limb, Model, Part, SlotLook

Vec = tuple[float, float, float]


def paint(colour: str, finish: str = "plastic") -> SlotLook:
    h = colour.lstrip("#")
    return SlotLook(tuple(int(h[i : i + 2], 16) / 255.0 for i in (0, 2, 4)), finish)  # type: ignore[arg-type]


def centred(m: Mesh) -> Mesh:
    """``m`` moved so the centre of its bounding box is the origin (to rotate it about its middle)."""
    lo, hi = m.bounds
    return placed(m, at=tuple(-(lo + hi) / 2.0))


# --- people -----------------------------------------------------------------------------------------

HUMANOID_JOINTS = ("pelvis", "chest", "neck", "head",
                   "l_upper_arm", "l_forearm", "l_hand", "r_upper_arm", "r_forearm", "r_hand",
                   "l_thigh", "l_shin", "l_foot", "r_thigh", "r_shin", "r_foot")


@dataclass(frozen=True)
class HumanLook:
    """Proportions and default colours of a humanoid variant (colours as hex sRGB)."""

    height: float = 1.75
    head: float = 1.0  # extra scale of the head (children have bigger heads)
    build: float = 1.0  # shoulder and hip width
    hair: str = "short"  # short, long, cap
    shirt: str = "2a9d8f"
    trousers: str = "264653"
    skin: str = "e0ac8a"
    hair_colour: str = "4a3020"
    shoes: str = "2b2b2b"
    finish: str = "fabric"
    skin_finish: str = "matte"
    body: str = ""  # a skinned body variant of scenes/skin.py (person, man, woman, child, elderly); "" = stylised
    sleeves: str = "long"  # long, short (forearms bare)
    legwear: str = "trousers"  # trousers, shorts (shins bare)
    lips: str = "a0443c"
    hat: str = "d1495b"


def _human_slots(look: HumanLook) -> dict[str, SlotLook]:
    return {
        "body": paint(look.shirt, look.finish),
        "legs": paint(look.trousers, look.finish),
        "skin": paint(look.skin, look.skin_finish),
        "hair": paint(look.hair_colour, "matte"),
        "eyes": paint("1a1410", "glossy"),
        "sclera": paint("f4f2ee", "glossy"),
        "accent": paint(look.lips, "matte"),
        "shoes": paint(look.shoes, "rubber"),
        "hat": paint(look.hat, "fabric"),
    }


def _human_limbs(joints: tuple[Joint, ...]) -> tuple[Limb, ...]:
    ji = HUMANOID_JOINTS.index
    return tuple(Limb(side, ji(f"{side}_thigh"), ji(f"{side}_shin"), joints[ji(f"{side}_foot")].offset,
                      ji(f"{side}_foot"), -1.0, phase) for side, phase in (("l", 0.0), ("r", 0.5)))


def skinned_humanoid(look: HumanLook) -> Model:
    """A person with a real body: the MakeHuman/MPFB2 mesh of ``look.body`` skinned to the 16-joint rig.

    Same joints, names, limbs and slots as :func:`humanoid`, so every action and material works on it;
    the joints sit where the body's own skeleton has them (scenes/skin.py).
    """
    b = skin.body(look.body, look.height, skin.Wardrobe(look.sleeves, look.legwear, look.hair))
    pos = b.joints
    joints = tuple(Joint(name, parent, tuple(float(x) for x in (pos[i] - (pos[parent] if parent >= 0 else 0.0))))
                   for i, (name, parent) in enumerate(zip(skin.JOINTS, skin.PARENTS, strict=True)))
    return Model(joints, (), _human_slots(look), main_slot="body", limbs=_human_limbs(joints), skin=b.parts,
                 eyes=b.eyes, lids=b.lids)


def person(look: HumanLook) -> Model:
    """The catalog's model of a human variant: skinned when ``look.body`` names a body, else stylised."""
    return skinned_humanoid(look) if look.body else humanoid(look)


def humanoid(look: HumanLook = HumanLook()) -> Model:
    """A stylised person with 16 joints: pelvis, chest, neck, head, arms (3 each) and legs (3 each).

    The face (eyes with pupils, nose, mouth, ears) looks along +Y so facing direction reads at a glance.
    Rest pose: standing upright, arms hanging, soles on z = 0.
    """
    k = look.height / 1.75
    hk = k * look.head * 1.08
    w = look.build

    def s(v: Vec) -> Vec:
        return (v[0] * k, v[1] * k, v[2] * k)

    leg_top = 0.05 + 0.41 + 0.40 + 0.07
    joints = (
        Joint("pelvis", -1, s((0.0, 0.0, leg_top))),
        Joint("chest", 0, s((0.0, 0.0, 0.1))),
        Joint("neck", 1, s((0.0, 0.0, 0.43))),
        Joint("head", 2, (0.0, 0.0, 0.04 * k)),
        Joint("l_upper_arm", 1, s((-0.2 * w, 0.0, 0.42))),
        Joint("l_forearm", 4, s((0.0, 0.0, -0.29))),
        Joint("l_hand", 5, s((0.0, 0.0, -0.25))),
        Joint("r_upper_arm", 1, s((0.2 * w, 0.0, 0.42))),
        Joint("r_forearm", 7, s((0.0, 0.0, -0.29))),
        Joint("r_hand", 8, s((0.0, 0.0, -0.25))),
        Joint("l_thigh", 0, s((-0.095 * w, 0.0, -0.05))),
        Joint("l_shin", 10, s((0.0, 0.0, -0.41))),
        Joint("l_foot", 11, s((0.0, 0.0, -0.40))),
        Joint("r_thigh", 0, s((0.095 * w, 0.0, -0.05))),
        Joint("r_shin", 13, s((0.0, 0.0, -0.41))),
        Joint("r_foot", 14, s((0.0, 0.0, -0.40))),
    )
    parts: list[Part] = []

    def add(m: Mesh, joint: str, slot: str) -> None:
        parts.append(Part(m, HUMANOID_JOINTS.index(joint), slot))

    # hips and torso
    add(placed(ellipsoid((0.34 * w, 0.22, 0.24)), at=(0, 0, -0.13 * k), scale=k), "pelvis", "legs")
    add(placed(frustum(1.0, 1.2, 1.0), at=(0, 0, -0.04 * k), scale=(0.30 * w * k, 0.2 * k, 0.44 * k)), "chest", "body")
    add(placed(ellipsoid((0.46 * w, 0.22, 0.17)), at=(0, 0, 0.33 * k), scale=k), "chest", "body")
    add(placed(cylinder(0.09, 0.12, 16), at=(0, 0, -0.03 * k), scale=k), "neck", "skin")
    # head and face
    add(placed(ellipsoid((0.19, 0.21, 0.25)), scale=hk), "head", "skin")
    for side in (-1.0, 1.0):
        add(placed(sphere(0.046, 16, 8), at=(side * 0.043 * hk, 0.078 * hk, 0.118 * hk)), "head", "sclera")
        add(placed(sphere(0.026, 12, 6), at=(side * 0.043 * hk, 0.096 * hk, 0.122 * hk)), "head", "eyes")
        add(placed(ellipsoid((0.018, 0.006, 0.007), 8, 4), at=(side * 0.046 * hk, 0.098 * hk, 0.158 * hk)),
            "head", "hair")  # eyebrows
        add(placed(ellipsoid((0.03, 0.05, 0.06), 12, 6), at=(side * 0.094 * hk, -0.005 * hk, 0.095 * hk)),
            "head", "skin")  # ears
    add(placed(ellipsoid((0.032, 0.05, 0.055), 12, 6), at=(0, 0.088 * hk, 0.07 * hk)), "head", "skin")  # nose
    add(placed(ellipsoid((0.06, 0.02, 0.014), 12, 6), at=(0, 0.089 * hk, 0.042 * hk)), "head", "accent")  # mouth
    if look.hair in ("short", "long"):
        add(placed(ellipsoid((0.205, 0.225, 0.19)), at=(0, -0.012 * hk, 0.1 * hk), scale=hk), "head", "hair")
    if look.hair == "long":
        add(placed(ellipsoid((0.21, 0.12, 0.30)), at=(0, -0.055 * hk, -0.06 * hk), scale=hk), "head", "hair")
    if look.hair == "cap":
        add(placed(ellipsoid((0.205, 0.225, 0.17)), at=(0, -0.01 * hk, 0.12 * hk), scale=hk), "head", "hat")
        add(placed(box((0.16, 0.1, 0.012)), at=(0, 0.13 * hk, 0.175 * hk), hpr=(0, 8, 0), scale=hk), "head", "hat")
    # arms
    for side in ("l", "r"):
        add(placed(limb(0.1, 0.29), scale=k), f"{side}_upper_arm", "body")
        add(placed(sphere(0.11, 16, 8), at=(0, 0, -0.05 * k), scale=k), f"{side}_upper_arm", "body")  # shoulder
        add(placed(limb(0.082, 0.25), scale=k), f"{side}_forearm", "skin")
        add(placed(ellipsoid((0.055, 0.035, 0.11), 12, 6), at=(0, 0, -0.1 * k), scale=k), f"{side}_hand", "skin")
        add(placed(limb(0.16, 0.41), scale=k), f"{side}_thigh", "legs")
        add(placed(limb(0.12, 0.40), scale=k), f"{side}_shin", "legs")
        add(placed(box((0.1, 0.24, 0.035)), at=(0, 0.045 * k, -0.07 * k), scale=k), f"{side}_foot", "shoes")
        add(placed(ellipsoid((0.1, 0.24, 0.09), 16, 8), at=(0, 0.045 * k, -0.06 * k), scale=k), f"{side}_foot",
            "shoes")
    return Model(joints, tuple(parts), _human_slots(look), main_slot="body", limbs=_human_limbs(joints))


HUMAN_VARIANTS: dict[str, HumanLook] = {
    "person": HumanLook(body="person"),
    "man": HumanLook(height=1.8, build=1.08, shirt="3a6ea5", trousers="3b3b3b", hair_colour="2b1d14", body="man"),
    "woman": HumanLook(height=1.68, build=0.92, hair="long", shirt="c8553d", trousers="2d3047",
                       hair_colour="7a3b1e", skin="d9a07e", body="woman", lips="b04a4a"),
    "child": HumanLook(height=1.2, head=1.22, build=0.95, hair="cap", shirt="f2c14e", trousers="3d5a80",
                       hair_colour="6b4a2a", hat="d1495b", body="child", sleeves="short", legwear="shorts"),
    "elderly": HumanLook(height=1.68, shirt="8a7f6e", trousers="4a4a52", hair_colour="c8c4bc", skin="dcae90",
                         body="elderly", hair="short"),
    "figurine": HumanLook(shirt="f1ede4", trousers="e9e3d6", skin="f6f1e8", hair_colour="d8c8a8", shoes="c9a44c",
                          finish="ceramic", skin_finish="ceramic"),
}


# --- four-legged animals ------------------------------------------------------------------------------

QUADRUPED_LEGS = ("fl", "fr", "bl", "br")


@dataclass(frozen=True)
class AnimalLook:
    """Proportions (metres) and colours of a quadruped variant."""

    length: float  # torso length
    girth: float  # torso height and width
    upper: float  # upper leg
    lower: float  # lower leg
    neck: float
    head: float  # head length
    tail: float
    ears: str  # "floppy", "pointed", "horse", "none"
    fur: str
    accent: str
    finish: str = "fabric"
    neck_angle: float = 26.6  # degrees the neck leans forward from vertical
    neck_width: tuple[float, float] = (0.55, 0.38)  # neck diameter at the body and at the head, in girths
    head_shape: tuple[float, float, float] = (0.62, 0.7, 0.62)  # skull width, length, height in head lengths
    muzzle: tuple[float, float, float] = (0.38, 0.6, 0.34)  # muzzle width, length, height in head lengths
    head_pitch: float = 0.0  # degrees the head is turned nose-down (negative) from level
    tail_pitch: float = -140.0  # the tail's pitch from hanging straight down (-140: carried up and back)
    shin: float = 0.24  # lower-leg diameter in girths
    thigh: float = 0.38  # upper-leg diameter in girths


ANIMAL_VARIANTS: dict[str, AnimalLook] = {
    "dog": AnimalLook(0.62, 0.26, 0.2, 0.2, 0.2, 0.24, 0.28, "floppy", "b5793f", "5a3a1e"),
    "cat": AnimalLook(0.42, 0.17, 0.12, 0.12, 0.1, 0.14, 0.35, "pointed", "8c8c8c", "3c3c3c",
                      head_shape=(0.74, 0.66, 0.64), muzzle=(0.36, 0.34, 0.26), tail_pitch=-150.0, thigh=0.3,
                      shin=0.18),
    "horse": AnimalLook(1.45, 0.6, 0.48, 0.52, 0.75, 0.6, 0.6, "horse", "7b4a2a", "2a1a10", neck_angle=48.0,
                        neck_width=(0.72, 0.42), head_shape=(0.4, 0.62, 0.46), muzzle=(0.3, 0.72, 0.32),
                        head_pitch=-38.0, tail_pitch=-22.0, shin=0.15),
}
PAW = 0.04  # height of the ankle above the ground, as a fraction of leg length


def quadruped(look: AnimalLook) -> Model:
    """A four-legged animal: body root, neck, head, tail, and two segments per leg (12 joints)."""
    leg = look.upper + look.lower
    paw = PAW * leg / (1 - PAW)
    hip_drop = look.girth * 0.25
    body_z = leg + paw + hip_drop
    half = look.length / 2
    wx = look.girth * 0.32
    joints = [
        Joint("body", -1, (0.0, 0.0, body_z)),
        Joint("neck", 0, (0.0, half * 0.85, look.girth * 0.2)),
        Joint("head", 1, (0.0, look.neck * np.sin(np.radians(look.neck_angle)),
                          look.neck * np.cos(np.radians(look.neck_angle)))),
        Joint("tail", 0, (0.0, -half * 0.95, look.girth * 0.25)),
    ]
    for name in QUADRUPED_LEGS:
        x = -wx if name[1] == "l" else wx
        y = half * 0.78 if name[0] == "f" else -half * 0.78
        joints.append(Joint(f"{name}_upper", 0, (x, y, -hip_drop)))
        joints.append(Joint(f"{name}_lower", len(joints) - 1, (0.0, 0.0, -look.upper)))
    names = [j.name for j in joints]
    parts: list[Part] = []

    def add(m: Mesh, joint: str, slot: str) -> None:
        if joint == "head" and look.head_pitch:
            m = placed(m, hpr=(0, look.head_pitch, 0))  # a horse carries its head nose-down
        parts.append(Part(m, names.index(joint), slot))

    g = look.girth
    add(placed(ellipsoid((g * 0.85, look.length * 1.1, g)), at=(0, 0, -g * 0.5)), "body", "body")
    add(placed(ellipsoid((g * 0.8, look.length * 0.45, g * 1.02)), at=(0, half * 0.55, -g * 0.45)), "body", "body")
    # neck: a tapered tube leaning forward towards the head joint
    lean = look.neck_angle
    nb, nt = look.neck_width
    add(placed(frustum(g * nb, g * nt, look.neck * 1.05), hpr=(0, -lean, 0), at=(0, -0.02, -0.02)), "neck", "body")
    hl = look.head
    hw, hlen, hh = look.head_shape
    mw, ml, mh = look.muzzle
    add(placed(ellipsoid((hl * hw, hl * hlen, hl * hh)), at=(0, 0, -hl * 0.25)), "head", "body")
    add(placed(ellipsoid((hl * mw, hl * ml, hl * mh)), at=(0, hl * (0.38 + 0.5 * (ml - 0.6)), -hl * 0.22)), "head",
        "accent")
    add(placed(sphere(hl * 0.12, 12, 6), at=(0, hl * (0.68 + ml - 0.6), -hl * 0.02)), "head", "eyes")  # nose
    for side in (-1.0, 1.0):
        add(placed(sphere(hl * 0.13, 12, 6), at=(side * hl * 0.2, hl * 0.2, hl * 0.15)), "head", "sclera")
        add(placed(sphere(hl * 0.08, 10, 5), at=(side * hl * 0.22, hl * 0.25, hl * 0.16)), "head", "eyes")
        if look.ears == "floppy":
            add(placed(ellipsoid((hl * 0.12, hl * 0.3, hl * 0.5)), at=(side * hl * 0.3, -hl * 0.05, -hl * 0.15),
                       hpr=(0, 0, side * 15)), "head", "accent")
        elif look.ears == "pointed":
            add(placed(cone(hl * 0.3, hl * 0.4, 12), at=(side * hl * 0.18, -hl * 0.05, hl * 0.22),
                       hpr=(0, 0, side * 12)), "head", "accent")
        elif look.ears != "none":  # "none": no ears on the rig (a tortoise; a monkey's round ears are its own)
            add(placed(cone(hl * 0.14, hl * 0.3, 12), at=(side * hl * 0.15, -hl * 0.1, hl * 0.25)), "head", "accent")
    if look.ears == "horse":  # mane
        add(placed(box((g * 0.08, g * 0.25, look.neck * 0.95)), hpr=(0, -lean, 0), at=(0, -g * 0.2, g * 0.15)),
            "neck", "accent")
    add(placed(limb(g * 0.18 if look.ears != "horse" else g * 0.25, look.tail), hpr=(0, look.tail_pitch, 0)), "tail",
        "accent" if look.ears == "horse" else "body")
    for name in QUADRUPED_LEGS:
        add(placed(limb(g * look.thigh, look.upper)), f"{name}_upper", "body")
        add(placed(limb(g * look.shin, look.lower)), f"{name}_lower", "body")
        add(placed(ellipsoid((g * 0.3, g * 0.42, paw * 2.4), 12, 6), at=(0, g * 0.06, -look.lower - paw * 1.0)),
            f"{name}_lower", "accent")
    slots = {
        "body": paint(look.fur, look.finish),
        "accent": paint(look.accent, look.finish),
        "eyes": paint("101010", "glossy"),
        "sclera": paint("3b2a1a", "glossy"),
    }
    # a lateral-sequence walk: left hind, left fore, right hind, right fore
    phases = {"bl": 0.0, "fl": 0.25, "br": 0.5, "fr": 0.75}
    limbs = tuple(Limb(n, names.index(f"{n}_upper"), names.index(f"{n}_lower"), (0.0, 0.0, -look.lower), -1,
                       1.0 if n[0] == "f" else -1.0, phases[n]) for n in QUADRUPED_LEGS)
    return Model(tuple(joints), tuple(parts), slots, main_slot="body", limbs=limbs)


# --- props --------------------------------------------------------------------------------------------

def prop_model(parts: list[tuple[Mesh, str]], slots: dict[str, SlotLook], main: str = "body") -> Model:
    return Model((Joint("root", -1, (0.0, 0.0, 0.0)),), tuple(Part(m, 0, s) for m, s in parts), slots, main)


def table() -> Model:
    """A wooden dining table, 1.2 × 0.8 m, 0.76 m high."""
    parts = [(placed(box((1.2, 0.8, 0.05)), at=(0, 0, 0.71)), "body")]
    for x in (-0.54, 0.54):
        for y in (-0.34, 0.34):
            parts.append((placed(frustum(0.06, 0.045, 0.71, 12), at=(x, y, 0)), "accent"))
    return prop_model(parts, {"body": paint("9c6b3f", "wood"), "accent": paint("7a5230", "wood")})


def chair() -> Model:
    """A wooden chair with a backrest (seat 0.45 m high), facing +Y."""
    parts = [(placed(box((0.45, 0.45, 0.04)), at=(0, 0, 0.43)), "body"),
             (placed(box((0.45, 0.04, 0.42)), at=(0, -0.205, 0.47)), "body")]
    for x in (-0.2, 0.2):
        for y in (-0.2, 0.2):
            parts.append((placed(cylinder(0.035, 0.43, 10), at=(x, y, 0)), "accent"))
    return prop_model(parts, {"body": paint("a0522d", "wood"), "accent": paint("6b3a1f", "wood")})


def bush() -> Model:
    """A round shrub of a few overlapping leaf balls."""
    parts = [(placed(sphere(d, 16, 8), at=at), slot)
             for at, d, slot in (((0, 0, 0), 0.9, "body"), ((0.35, 0.1, 0.05), 0.6, "accent"),
                                 ((-0.3, -0.1, 0.05), 0.65, "body"), ((0, 0.3, 0.1), 0.5, "accent"))]
    return prop_model(parts, {"body": paint("4a8c3f", "matte"), "accent": paint("5c9c48", "matte")})


def house() -> Model:
    """A small house 6 × 5 m with a pitched roof, door and windows on the +Y front."""
    parts = [(box((6.0, 5.0, 3.0)), "body"),
             (placed(pyramid(1.0, 1.0), at=(0, 0, 3.0), scale=(6.6, 5.6, 2.3)), "accent"),
             (placed(box((1.0, 0.06, 2.0)), at=(0, 2.5, 0)), "trim")]
    for x in (-1.9, 1.9):
        parts.append((placed(box((1.1, 0.06, 0.9)), at=(x, 2.5, 1.3)), "glass"))
    for x in (-1.9, 1.9):
        parts.append((placed(box((1.1, 0.06, 0.9)), at=(x, -2.5, 1.3)), "glass"))
    return prop_model(parts, {"body": paint("efe6d2", "matte"), "accent": paint("a23b2a", "matte"),
                         "trim": paint("5a3a22", "wood"), "glass": paint("9fc5e0", "glass")})


def car() -> Model:
    """A compact car 1.8 × 4.2 m facing +Y: painted body, glass cabin, four tyres, head and tail lights."""
    parts = [(placed(box((1.8, 4.2, 0.6)), at=(0, 0, 0.3)), "body"),
             (placed(placed(frustum(1.0, 0.8, 1.0, 4), hpr=(45, 0, 0)), at=(0, -0.3, 0.9), scale=(2.2, 2.6, 0.52)),
              "glass"),
             (placed(box((1.62, 1.9, 0.06)), at=(0, -0.3, 1.41)), "body")]
    for x in (-0.82, 0.82):
        for y in (-1.35, 1.35):
            parts.append((placed(centred(cylinder(0.64, 0.24, 20)), hpr=(0, 0, 90), at=(x, y, 0.32)), "tyres"))
    for x in (-0.6, 0.6):
        parts.append((placed(box((0.35, 0.04, 0.12)), at=(x, 2.1, 0.42)), "lights"))
        parts.append((placed(box((0.35, 0.04, 0.12)), at=(x, -2.1, 0.42)), "accent"))
    return prop_model(parts, {"body": paint("c0392b", "glossy"), "glass": paint("2e3b48", "glass"),
                         "tyres": paint("1c1c1c", "rubber"), "lights": paint("fff4d6", "emissive"),
                         "accent": paint("ff2a1a", "emissive")})


def lamp_post() -> Model:
    """A street lamp 3.5 m tall with a glowing head."""
    parts = [(cylinder(0.3, 0.15, 16), "body"), (frustum(0.12, 0.08, 3.3, 12), "body"),
             (placed(frustum(0.45, 0.2, 0.25, 16), at=(0, 0, 3.25)), "body"),
             (placed(sphere(0.3, 16, 8), at=(0, 0, 3.1)), "lights")]
    return prop_model(parts, {"body": paint("2f3337", "metal"), "lights": paint("ffe8a8", "emissive")})


def bench() -> Model:
    """A park bench 1.6 m long: wooden slats on dark iron legs, facing +Y."""
    parts = []
    for y in (-0.15, 0.0, 0.15):
        parts.append((placed(box((1.6, 0.12, 0.04)), at=(0, y, 0.42)), "body"))
    for z in (0.58, 0.74):
        parts.append((placed(box((1.6, 0.04, 0.11)), at=(0, -0.24, z), hpr=(0, -10, 0)), "body"))
    for x in (-0.7, 0.7):
        parts.append((placed(box((0.06, 0.5, 0.42)), at=(x, -0.02, 0)), "accent"))
        parts.append((placed(box((0.06, 0.05, 0.45)), at=(x, -0.25, 0.42)), "accent"))
    return prop_model(parts, {"body": paint("a9713f", "wood"), "accent": paint("2b2b2b", "metal")})


def boulder() -> Model:
    """A lumpy grey boulder about a metre across."""
    return prop_model([(rock((1.0, 0.9, 0.7)), "body")], {"body": paint("8a8580", "matte")})


def fence() -> Model:
    """A 2 m section of white picket fence along X, capped by a flat top rail (where birds perch)."""
    parts = [(placed(box((2.0, 0.04, 0.08)), at=(0, 0, z)), "accent") for z in (0.25, 0.65)]
    for x in np.linspace(-0.9, 0.9, 8):
        parts.append((placed(box((0.09, 0.03, 0.9)), at=(float(x), 0.035, 0)), "body"))
    parts.append((placed(box((2.0, 0.1, 0.04)), at=(0, 0.02, 0.9)), "accent"))
    return prop_model(parts, {"body": paint("f2f0ea", "matte"), "accent": paint("d8d4ca", "matte")})


def ball(diameter: float, style: str) -> Model:
    """A ball: ``football`` (white with dark patches), ``basketball`` (orange, dark seams), ``beach`` (stripes)."""
    parts: list[tuple[Mesh, str]] = [(sphere(diameter, 32, 16), "body")]
    r = diameter / 2
    if style == "basketball":
        seam = centred(torus(diameter * 1.005, diameter * 0.02, 32, 6))
        parts += [(placed(seam, hpr=hpr, at=(0, 0, r)), "accent") for hpr in ((0, 0, 0), (0, 90, 0), (90, 90, 0))]
    elif style == "football":
        dirs = np.array([[0, 0, 1], [0, 0, -1], [1, 0, 0.3], [-1, 0, 0.3], [0, 1, -0.3], [0, -1, -0.3],
                         [0.6, 0.6, 0.6], [-0.6, -0.6, -0.6]], dtype=float)
        for d in dirs:
            d = d / np.linalg.norm(d)
            h = float(np.degrees(np.arctan2(-d[0], d[1])))
            p = float(np.degrees(np.arcsin(d[2])))
            patch = placed(cylinder(diameter * 0.34, diameter * 0.03, 5), hpr=(0, -90, 0))
            parts.append((placed(patch, at=tuple(d * r * 0.985 + np.array([0, 0, r])), hpr=(h, p, 0)), "accent"))
    elif style == "beach":
        stripe = centred(torus(diameter * 1.004, diameter * 0.17, 32, 8))
        parts += [(placed(stripe, hpr=(k * 60, 90, 0), at=(0, 0, r)), "accent") for k in range(3)]
    colours = {"football": ("f4f4f4", "1a1a1a"), "basketball": ("e0702a", "1e1a18"), "beach": ("f4f4f4", "e63946")}
    body, accent = colours[style]
    return prop_model(parts, {"body": paint(body, "rubber"), "accent": paint(accent, "rubber")})


def domino() -> Model:
    """A big toy domino standing on its end: 0.25 wide, 0.06 thick, 0.5 m tall, pips on its +Y face."""
    parts: list[tuple[Mesh, str]] = [(box((0.25, 0.06, 0.5)), "body"),
                                     (placed(box((0.2, 0.004, 0.012)), at=(0, 0.03, 0.244)), "accent")]
    for x, z in ((-0.06, 0.37), (0.06, 0.43), (0.0, 0.12), (-0.06, 0.06), (0.06, 0.18)):
        parts.append((placed(cylinder(0.035, 0.004, 12), hpr=(0, 90, 0), at=(x, 0.03, z)), "accent"))
    return prop_model(parts, {"body": paint("161616", "glossy"), "accent": paint("f5f5f0", "glossy")})


def ramp() -> Model:
    """A ramp 1 m wide and 2 m long rising from 0 at -Y to 0.6 m at +Y."""
    back = placed(box((0.98, 0.004, 0.56)), at=(0, 1.002, 0.02))  # a darker board on the tall end
    return prop_model([(wedge((1.0, 2.0, 0.6)), "body"), (back, "accent")],
                      {"body": paint("c49a6c", "wood"), "accent": paint("8a6234", "wood")})


def stairs(steps: int = 5) -> Model:
    """A flight of ``steps`` stairs rising towards -Y (1.2 m wide, 0.3 m treads, 0.18 m risers)."""
    parts = [(placed(box((1.2, 0.3 * (steps - k), 0.18)), at=(0, -0.15 * k, 0.18 * k)), "body")
             for k in range(steps)]
    # a darker nosing along each tread's front edge, so the steps read from a distance
    parts += [(placed(box((1.2, 0.04, 0.004)), at=(0, 0.73 - 0.3 * k, 0.18 * (k + 1))), "accent") for k in range(steps)]
    return prop_model(parts, {"body": paint("b8b2a7", "matte"), "accent": paint("6f6a62", "matte")})


def wall() -> Model:
    """A brick-red wall 4 m long, 0.2 m thick and 2.5 m high, with a stone coping."""
    return prop_model([(box((4.0, 0.2, 2.4)), "body"), (placed(box((4.1, 0.28, 0.1)), at=(0, 0, 2.4)), "accent")],
                 {"body": paint("9b4a32", "matte"), "accent": paint("c9c2b5", "matte")})


def crate() -> Model:
    """A 0.8 m wooden crate with a darker frame on every edge."""
    s, t = 0.8, 0.06
    parts: list[tuple[Mesh, str]] = [(placed(box((s - 0.01, s - 0.01, s - 0.01)), at=(0, 0, 0.005)), "body")]
    for a in (-1, 1):
        for b in (-1, 1):
            parts.append((placed(box((t, t, s)), at=(a * (s - t) / 2, b * (s - t) / 2, 0)), "accent"))
            parts.append((placed(box((s, t, t)), at=(0, a * (s - t) / 2, (b + 1) * (s - t) / 2)), "accent"))
            parts.append((placed(box((t, s, t)), at=(a * (s - t) / 2, 0, (b + 1) * (s - t) / 2)), "accent"))
    return prop_model(parts, {"body": paint("c8a06a", "wood"), "accent": paint("7d5a34", "wood")})


def pedestal() -> Model:
    """A round display pedestal for a figurine: 0.3 m across, 0.12 m tall."""
    parts = [(cylinder(0.3, 0.03, 32), "accent"), (placed(frustum(0.26, 0.24, 0.07, 32), at=(0, 0, 0.03)), "body"),
             (placed(cylinder(0.28, 0.02, 32), at=(0, 0, 0.1)), "accent")]
    return prop_model(parts, {"body": paint("1f1f24", "glossy"), "accent": paint("c9a44c", "metal")})
