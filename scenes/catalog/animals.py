"""Animals: four-legged animals on the quadruped rig (with their horns, trunks, wool and spots), birds and fish.

Birds are static looks (kind ``bird``: no walking rig) with a joint per wing, so a flight rig can flap them.
"""

from __future__ import annotations

import dataclasses
import itertools

from scenes import assets
from scenes.assets import AnimalLook, paint, prop_model
from scenes.catalog.shapes import Vec, block, jointed, rod
from scenes.catalog.spec import ANIMAL_ACTIONS, BIRD_ACTIONS, AssetSpec, composite
from scenes.dog import dog
from scenes.geometry import Mesh, cone, cylinder, ellipsoid, frustum, limb, placed, sphere, torus
from scenes.rig import Model, Part
from scenes.traits import AssetTraits

# New quadrupeds: torso length, girth, upper and lower leg, neck, head, tail (metres), ears, fur, accent colour.
LOOKS: dict[str, AnimalLook] = {
    "cow": AnimalLook(1.6, 0.78, 0.42, 0.4, 0.35, 0.5, 0.6, "pointed", "f4f1ea", "2b2b2b"),
    "sheep": AnimalLook(0.85, 0.5, 0.22, 0.24, 0.2, 0.3, 0.15, "floppy", "f1ede4", "2b2622"),
    "pig": AnimalLook(0.9, 0.5, 0.14, 0.15, 0.08, 0.3, 0.12, "pointed", "f2aaa4", "e08a84"),
    "deer": AnimalLook(1.05, 0.42, 0.42, 0.46, 0.55, 0.32, 0.15, "pointed", "a0652f", "e8d8c0"),
    "bear": AnimalLook(1.3, 0.8, 0.34, 0.34, 0.25, 0.42, 0.1, "pointed", "5a3a22", "3a2414"),
    "elephant": AnimalLook(2.5, 1.5, 0.78, 0.8, 0.3, 0.9, 0.5, "floppy", "8d8d8d", "6f6f6f", "matte"),
    "giraffe": AnimalLook(1.5, 0.72, 0.8, 0.95, 2.0, 0.55, 0.5, "pointed", "e3b452", "7a4a20"),
    "rabbit": AnimalLook(0.3, 0.22, 0.08, 0.08, 0.06, 0.15, 0.05, "pointed", "9a7048", "f4f0ea"),
    # a donkey: the horse's build, smaller and stockier, grey-brown with a dark mane and a pale muzzle
    "donkey": AnimalLook(1.1, 0.5, 0.36, 0.4, 0.5, 0.5, 0.5, "horse", "7e7268", "3a3430", neck_angle=42.0,
                         neck_width=(0.72, 0.46), head_shape=(0.44, 0.62, 0.5), muzzle=(0.34, 0.7, 0.36),
                         head_pitch=-32.0, tail_pitch=-18.0, shin=0.16),
    # a tortoise: a short, wide body on stubby legs, a small head on a short neck, a stub of a tail
    "turtle": AnimalLook(0.3, 0.14, 0.035, 0.035, 0.07, 0.08, 0.04, "none", "7d8a4a", "5f6b36", "matte",
                         neck_angle=70.0, neck_width=(0.4, 0.35), head_shape=(0.6, 0.8, 0.55), muzzle=(0.4, 0.4, 0.3),
                         tail_pitch=-100.0, thigh=0.32, shin=0.3),
    # a monkey on all fours: long limbs, a small round head, a long tail curled up behind
    "monkey": AnimalLook(0.45, 0.25, 0.17, 0.17, 0.08, 0.17, 0.55, "none", "6b4a2e", "d9b48a",
                         neck_angle=40.0, head_shape=(0.8, 0.75, 0.8), muzzle=(0.5, 0.35, 0.35), tail_pitch=-100.0,
                         thigh=0.3, shin=0.24),
    # a red fox: a low, slim body on thin legs, a narrow pointed head, a long brush of a tail carried low behind;
    # its ears are its own parts (big, black-backed), the accent is the white of its muzzle and chin
    "fox": AnimalLook(0.46, 0.17, 0.135, 0.135, 0.13, 0.17, 0.36, "none", "c8561e", "f2ede4", neck_angle=40.0,
                      neck_width=(0.62, 0.5), head_shape=(0.66, 0.62, 0.56), muzzle=(0.3, 0.62, 0.26),
                      tail_pitch=-78.0, thigh=0.34, shin=0.2),
    # a goat: deer-like legs under a deeper body, a long head with a short beard, short horns swept back
    "goat": AnimalLook(0.76, 0.34, 0.21, 0.23, 0.26, 0.28, 0.12, "none", "ddd6c8", "5a4a3e", neck_angle=30.0,
                       neck_width=(0.56, 0.4), head_shape=(0.5, 0.66, 0.52), muzzle=(0.36, 0.62, 0.34),
                       head_pitch=-18.0, tail_pitch=-165.0, thigh=0.34, shin=0.2),
    # a house mouse: a 7 cm body low on short legs, a pointed head with big round ears (its own parts), a thin pink
    # tail as long as its body trailing to the ground (its own, the rig's is too thick)
    "mouse": AnimalLook(0.064, 0.038, 0.009, 0.009, 0.012, 0.032, 0.075, "none", "7d7063", "b3a696", neck_angle=55.0,
                        neck_width=(0.7, 0.55), head_shape=(0.6, 0.74, 0.56), muzzle=(0.3, 0.5, 0.26),
                        head_pitch=-8.0, tail_pitch=-58.0, thigh=0.36, shin=0.16),
    # a red squirrel: a slim 20 cm body on short legs, a round head with tufted ears, a big bushy tail held up
    # over its back (its own parts)
    "squirrel": AnimalLook(0.15, 0.08, 0.038, 0.034, 0.03, 0.064, 0.05, "none", "b4542a", "efe2cc", neck_angle=45.0,
                           neck_width=(0.7, 0.55), head_shape=(0.68, 0.72, 0.64), muzzle=(0.34, 0.42, 0.3),
                           tail_pitch=-170.0, thigh=0.36, shin=0.2),
    # a hedgehog: a round 20 cm body on very short legs, a pointed snout; the dome of spines is its own part
    "hedgehog": AnimalLook(0.14, 0.08, 0.018, 0.018, 0.015, 0.05, 0.02, "none", "c9ad86", "6b5238", "matte",
                           neck_angle=70.0, neck_width=(0.6, 0.5), head_shape=(0.62, 0.72, 0.56),
                           muzzle=(0.3, 0.66, 0.26), head_pitch=-10.0, tail_pitch=-100.0, thigh=0.34, shin=0.26),
    # a raccoon: a stocky grey body, a pointed face with a black mask, a thick ringed tail carried low behind
    "raccoon": AnimalLook(0.36, 0.2, 0.1, 0.1, 0.07, 0.13, 0.24, "pointed", "8a847c", "ebe6de", neck_angle=45.0,
                          neck_width=(0.66, 0.52), head_shape=(0.72, 0.66, 0.6), muzzle=(0.32, 0.56, 0.28),
                          head_pitch=-6.0, tail_pitch=-70.0, thigh=0.34, shin=0.22),
    # a green lizard: a long low body, its legs splayed out to the sides (its own parts), a long tapering tail
    "lizard": AnimalLook(0.075, 0.024, 0.01, 0.01, 0.012, 0.03, 0.03, "none", "4f9a2e", "c8d870", "glossy",
                         neck_angle=80.0, neck_width=(0.8, 0.7), head_shape=(0.52, 0.8, 0.4), muzzle=(0.36, 0.5, 0.24),
                         tail_pitch=-95.0, thigh=0.4, shin=0.34),
}


def _with(base: Model, extras: list[tuple[Mesh, str, str]], slots: dict | None = None) -> Model:
    """``base`` with extra parts (mesh, joint name, slot) hung from its joints, lifted so nothing dips below z = 0
    (heavy legs' capsule ends reach a little under the paw point)."""
    names = [j.name for j in base.joints]
    parts = base.parts + tuple(Part(m, names.index(joint), slot) for m, joint, slot in extras)
    model = dataclasses.replace(base, parts=parts, slots={**base.slots, **(slots or {})})
    lift = max(0.0, -float(model.rest_mesh().bounds[0][2]))
    root = model.joints[0]
    lifted = dataclasses.replace(root, offset=(root.offset[0], root.offset[1], root.offset[2] + lift))
    return dataclasses.replace(model, joints=(lifted, *model.joints[1:]))


def _spots(look: AnimalLook, count: int, size: float, seed: int) -> list[tuple[Mesh, str, str]]:
    """Flattened patches on the torso's sides and back (a cow's, a giraffe's)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    g, out = look.girth, []
    for _ in range(count):
        side = rng.choice([-1.0, 1.0])
        y = rng.uniform(-0.45, 0.45) * look.length
        z = rng.uniform(-0.75, -0.2) * g
        out.append(
            (placed(ellipsoid((0.04, size * rng.uniform(0.8, 1.3), size)), at=(side * g * 0.4, y, z)), "body", "accent")
        )
    return out


def cow() -> Model:
    """A black-and-white cow with horns and an udder."""
    look = LOOKS["cow"]
    hl = look.head
    extras = [
        (placed(cone(hl * 0.12, hl * 0.3, 8), at=(s * hl * 0.2, 0, hl * 0.3), hpr=(0, 0, s * 40)), "head", "horn")
        for s in (-1, 1)
    ]
    extras += _spots(look, 14, 0.4, 3)
    extras.append((placed(ellipsoid((0.22, 0.26, 0.16)), at=(0, -0.3, -look.girth * 1.05)), "body", "udder"))
    return _with(assets.quadruped(look), extras, {"horn": paint("e8dcc0", "ceramic"), "udder": paint("f0a8a0")})


def sheep() -> Model:
    """A woolly sheep: a cloud of fleece over the body, a dark face and legs."""
    look = LOOKS["sheep"]
    g, L = look.girth, look.length
    extras = [
        (placed(sphere(g * 0.75, 12, 6), at=(x * g * 0.3, y * L * 0.38, -g * 0.95 + z * g * 0.3)), "body", "wool")
        for x, y, z in (
            (-1, -1, 1),
            (1, -1, 1),
            (-1, 0, 1.4),
            (1, 0, 1.4),
            (-1, 1, 1),
            (1, 1, 1),
            (0, -1.1, 1.6),
            (0, 0.4, 1.9),
            (0, 1.1, 1.5),
        )
    ]
    extras.append(
        (
            placed(
                ellipsoid((look.head * 0.64, look.head * 0.74, look.head * 0.64)),
                at=(0, look.head * 0.05, -look.head * 0.27),
            ),
            "head",
            "accent",
        )
    )
    return _with(assets.quadruped(look), extras, {"wool": paint("f6f3ec", "fabric")})


def pig() -> Model:
    """A pink pig with a flat snout."""
    look = LOOKS["pig"]
    hl = look.head
    snout = placed(cylinder(hl * 0.34, hl * 0.12, 16), hpr=(0, -90, 0), at=(0, hl * 0.62, -hl * 0.08))
    return _with(assets.quadruped(look), [(snout, "head", "accent")])


def deer() -> Model:
    """A deer with branching antlers and a pale belly."""
    look = LOOKS["deer"]
    hl = look.head
    extras = []
    for s in (-1, 1):
        base, tip = (s * hl * 0.12, 0, hl * 0.3), (s * hl * 0.55, -hl * 0.25, hl * 1.35)
        extras.append((rod(base, tip, 0.025, 6), "head", "horn"))
        for f in (0.45, 0.75):
            mid = tuple(b + (t - b) * f for b, t in zip(base, tip, strict=True))
            extras.append((rod(mid, (mid[0], mid[1] + hl * 0.3, mid[2] + hl * 0.35), 0.02, 6), "head", "horn"))
    return _with(assets.quadruped(look), extras, {"horn": paint("d9c7a0", "matte")})


def bear() -> Model:
    """A heavy brown bear with round ears."""
    look = LOOKS["bear"]
    hl = look.head
    ears = [
        (placed(sphere(hl * 0.3, 10, 5), at=(s * hl * 0.24, -hl * 0.05, hl * 0.22)), "head", "body") for s in (-1, 1)
    ]
    hump = [
        (
            placed(
                ellipsoid((look.girth * 0.7, look.length * 0.35, look.girth * 0.5)),
                at=(0, look.length * 0.25, -look.girth * 0.15),
            ),
            "body",
            "body",
        )
    ]
    return _with(assets.quadruped(look), ears + hump)


def elephant() -> Model:
    """A grey elephant: a long trunk, white tusks and big ears."""
    look = LOOKS["elephant"]
    hl = look.head
    tip = (0, hl * 0.95, -hl * 1.1)
    extras = [
        (rod((0, hl * 0.55, -hl * 0.05), (0, hl * 0.85, -hl * 0.55), hl * 0.26, 12), "head", "body"),
        (rod((0, hl * 0.85, -hl * 0.55), tip, hl * 0.18, 12), "head", "body"),
    ]
    for s in (-1, 1):
        extras.append(
            (
                rod((s * hl * 0.2, hl * 0.55, -hl * 0.3), (s * hl * 0.3, hl * 0.95, -hl * 0.55), hl * 0.09, 8),
                "head",
                "tusk",
            )
        )
        extras.append(
            (
                placed(
                    ellipsoid((hl * 0.08, hl * 0.75, hl * 0.9)),
                    at=(s * hl * 0.38, -hl * 0.15, -hl * 0.45),
                    hpr=(s * 25, 0, 0),
                ),
                "head",
                "accent",
            )
        )
    return _with(assets.quadruped(look), extras, {"tusk": paint("f2ede0", "ceramic")})


def giraffe() -> Model:
    """A giraffe: a very long neck, small horns and brown patches."""
    look = LOOKS["giraffe"]
    hl = look.head
    extras = [
        (rod((s * hl * 0.12, -hl * 0.05, hl * 0.25), (s * hl * 0.15, -hl * 0.1, hl * 0.55), 0.05, 6), "head", "accent")
        for s in (-1, 1)
    ]
    extras += _spots(look, 16, 0.18, 5)
    return _with(assets.quadruped(look), extras)


def rabbit() -> Model:
    """A rabbit with long upright ears and a white tail."""
    look = LOOKS["rabbit"]
    hl = look.head
    extras = [
        (
            placed(
                ellipsoid((hl * 0.22, hl * 0.12, hl * 0.9)),
                at=(s * hl * 0.12, -hl * 0.1, hl * 0.15),
                hpr=(0, -10, s * 10),
            ),
            "head",
            "body",
        )
        for s in (-1, 1)
    ]
    extras.append((placed(sphere(0.07, 10, 5), at=(0, -look.length * 0.55, 0.0)), "body", "accent"))
    return _with(assets.quadruped(look), extras)


def donkey() -> Model:
    """A grey-brown donkey: the horse's rig, smaller, with long upright ears, a pale muzzle and belly, a dark mane."""
    look = LOOKS["donkey"]
    hl, g = look.head, look.girth
    pitch = (0, look.head_pitch, 0)  # the head parts turn nose-down with the rest of the head
    extras = [
        (placed(placed(ellipsoid((hl * 0.2, hl * 0.1, hl * 0.75)), at=(s * hl * 0.15, -hl * 0.1, hl * 0.08),
                       hpr=(0, 42, s * 16)), hpr=pitch), "head", "body")  # upright and a little back
        for s in (-1, 1)
    ]
    extras.append((placed(placed(ellipsoid((hl * 0.36, hl * 0.42, hl * 0.3)), at=(0, hl * 0.5, -hl * 0.3)),
                          hpr=pitch), "head", "pale"))
    extras.append((placed(ellipsoid((g * 0.6, look.length * 0.7, g * 0.3)), at=(0, 0, -g * 0.56)), "body", "pale"))
    return _with(assets.quadruped(look), extras, {"pale": paint("d8d0c4", "fabric")})


def _paw(look: AnimalLook) -> float:
    """The paw size of a quadruped look (its legs' length over the dog's 0.96 m, times 4 cm)."""
    return 0.04 * (look.upper + look.lower) / 0.96


def _stockings(look: AnimalLook, length: float, drop: float, slot: str) -> list[tuple[Mesh, str, str]]:
    """A coloured sleeve ``length`` long, ``drop`` below each knee, and a paw under it, on all four lower legs (the
    fox's black stockings, the raccoon's dark legs)."""
    g, paw = look.girth, _paw(look)
    out: list[tuple[Mesh, str, str]] = []
    for leg in ("fl", "fr", "bl", "br"):
        out.append((placed(limb(g * look.shin * 1.12, length), at=(0, 0, -drop)), f"{leg}_lower", slot))
        out.append((placed(ellipsoid((g * 0.32, g * 0.46, paw * 2.6), 12, 6),
                           at=(0, g * 0.06, -look.lower - paw * 1.05)), f"{leg}_lower", slot))
    return out


def fox() -> Model:
    """A red fox about 40 cm high at the shoulder and 1 m from nose to tail tip: an orange-red coat, a white chin,
    throat and chest, big pointed black-backed ears, black stockings and a bushy brush with a white tip."""
    look = LOOKS["fox"]
    hl, g, L = look.head, look.girth, look.length
    mw, ml, mh = look.muzzle
    muzzle_y = hl * (0.38 + 0.5 * (ml - 0.6))
    extras: list[tuple[Mesh, str, str]] = [
        # the muzzle's top in the coat's colour over the rig's white muzzle, so only the chin and lips show white
        (placed(ellipsoid((hl * mw * 1.06, hl * ml * 0.97, hl * mh)), at=(0, muzzle_y - hl * 0.02, -hl * 0.13)),
         "head", "body"),
        (placed(ellipsoid((hl * 0.74, hl * 0.4, hl * 0.34)), at=(0, hl * 0.08, -hl * 0.3)), "head", "accent"),  # cheeks
        (placed(ellipsoid((g * 0.62, L * 0.34, g * 0.5)), at=(0, L * 0.36, -g * 0.56)), "body", "accent"),  # chest
        (placed(ellipsoid((g * 0.42, g * 0.5, look.neck * 0.9)), hpr=(0, -look.neck_angle, 0),
                at=(0, g * 0.12, -g * 0.2)), "neck", "accent"),  # the throat
    ]
    for s in (-1, 1):
        ear = placed(cone(hl * 0.34, hl * 0.5, 12), at=(s * hl * 0.19, -hl * 0.08, hl * 0.2), hpr=(0, -8, s * 14))
        inner = placed(cone(hl * 0.22, hl * 0.38, 10), at=(s * hl * 0.19, -hl * 0.02, hl * 0.22), hpr=(0, -8, s * 14))
        extras += [(ear, "head", "ears"), (inner, "head", "accent")]
    extras += _stockings(look, look.lower * 0.75, look.lower * 0.25, "ears")  # black down to the paws
    # the brush: a thick tapering tail along the rig's thin one, a white tip at its end
    pitch = (0, look.tail_pitch, 0)
    extras.append((placed(placed(ellipsoid((g * 0.5, g * 0.5, look.tail * 0.92)), at=(0, 0, -look.tail * 0.95)),
                          hpr=pitch), "tail", "body"))
    extras.append((placed(placed(ellipsoid((g * 0.36, g * 0.36, look.tail * 0.3)), at=(0, 0, -look.tail * 1.1)),
                          hpr=pitch), "tail", "accent"))
    return _with(assets.quadruped(look), extras, {"ears": paint("1f1612", "fabric")})


def goat() -> Model:
    """A goat 70 cm high at the shoulder: an off-white coat, dark muzzle, ears and hooves (the rig's accent), short
    horns swept back, a beard under its chin, ears held out sideways and a short tail flicked up."""
    look = LOOKS["goat"]
    hl, g, L = look.head, look.girth, look.length
    pitch = (0, look.head_pitch, 0)  # the head parts turn nose-down with the rest of the head
    extras: list[tuple[Mesh, str, str]] = []
    for s in (-1, 1):
        # from the top of the head up and back in a curve, about 18 cm along it (the head's nose-down pitch leans
        # them forward, so they start out leaning back)
        pts = [(s * hl * 0.1, -hl * 0.02, hl * 0.26), (s * hl * 0.13, -hl * 0.2, hl * 0.44),
               (s * hl * 0.15, -hl * 0.42, hl * 0.5), (s * hl * 0.16, -hl * 0.6, hl * 0.42)]
        for k, (a, b) in enumerate(itertools.pairwise(pts)):
            extras.append((placed(rod(a, b, hl * (0.15 - 0.035 * k), 8), hpr=pitch), "head", "horn"))
        extras.append((placed(placed(ellipsoid((hl * 0.5, hl * 0.12, hl * 0.2)), at=(s * hl * 0.4, -hl * 0.08,
                                                                                 hl * 0.02), hpr=(0, 0, s * -22)),
                              hpr=pitch), "head", "accent"))  # the ears, held out sideways
    beard = placed(cone(hl * 0.16, hl * 0.42, 10), hpr=(0, 180, 0), at=(0, hl * 0.4, -hl * 0.18))
    extras.append((placed(beard, hpr=pitch), "head", "beard"))
    extras.append((placed(ellipsoid((g * 0.6, L * 0.6, g * 0.3)), at=(0, 0, -g * 0.62)), "body", "body"))  # belly
    return _with(assets.quadruped(look), extras, {"horn": paint("6e6458", "matte"), "beard": paint("8a7e70", "fabric")})


# --- the seventh pass: mouse, squirrel, hedgehog, raccoon, lizard (the quadruped rig), owl (a bird), snail ---------


def _without(base: Model, joints: tuple[str, ...]) -> Model:
    """``base`` without the rig's own parts on ``joints`` (a mouse's thin tail and a lizard's splayed legs replace
    them); the joints stay, so the gait and the wag still move what is hung there instead."""
    names = [j.name for j in base.joints]
    drop = {names.index(j) for j in joints}
    return dataclasses.replace(base, parts=tuple(p for p in base.parts if p.joint not in drop))


def _along(m: Mesh, a: Vec, b: Vec) -> Mesh:
    """``m`` (built standing along +Z from the origin) turned to run from ``a`` towards ``b``, as :func:`rod` does."""
    import math

    d = [b[k] - a[k] for k in range(3)]
    flat = math.hypot(d[0], d[1])
    h = math.degrees(math.atan2(d[0], -d[1])) if flat > 1e-9 else 0.0
    return placed(m, at=a, hpr=(h, math.degrees(math.atan2(flat, d[2])), 0.0))


def _tube(points: list[Vec], widths: list[float], segments: int = 10) -> list[Mesh]:
    """A tapering tube through ``points`` (a tail): a frustum between each two, a ball at each point."""
    import math

    out = []
    for (a, wa), (b, wb) in itertools.pairwise(zip(points, widths, strict=True)):
        length = math.dist(a, b)
        out.append(_along(frustum(wa, wb, length, segments), a, b))
    for p, w in zip(points, widths, strict=True):
        out.append(placed(sphere(w, segments, max(4, segments // 2)), at=(p[0], p[1], p[2] - w / 2)))
    return out


def mouse() -> Model:
    """A grey-brown house mouse, 7 cm of body and as much again of thin pink tail: a pointed head with big round
    pink-lined ears and black eyes, a paler belly, small pink feet."""
    look = LOOKS["mouse"]
    hl, g, L = look.head, look.girth, look.length
    pitch = (0, look.head_pitch, 0)
    extras: list[tuple[Mesh, str, str]] = []
    for s in (-1, 1):
        ear = placed(cylinder(hl * 0.62, hl * 0.05, 16), hpr=(s * 18, 80, 0), at=(s * hl * 0.26, -hl * 0.1, hl * 0.2))
        inner = placed(cylinder(hl * 0.46, hl * 0.03, 14), hpr=(s * 18, 80, 0),
                       at=(s * hl * 0.26 + s * 0.0005, -hl * 0.1 + 0.0018, hl * 0.23))
        extras += [(placed(ear, hpr=pitch), "head", "body"), (placed(inner, hpr=pitch), "head", "pink")]
    extras.append((placed(ellipsoid((g * 0.7, L * 0.8, g * 0.4)), at=(0, 0, -g * 0.56)), "body", "accent"))  # belly
    # the tail: from the rump down to the ground and along it, curving a little to one side
    tail_z = -(look.upper + look.lower) * (1 + 0.04 / 0.96) - g * 0.5 + 0.0018  # the ground, in the tail's frame
    pts = [(0.0, 0.0, 0.0), (0.0, -0.012, -0.012), (0.0, -0.024, tail_z * 0.7), (0.004, -0.04, tail_z),
           (0.011, -0.06, tail_z), (0.012, -0.08, tail_z)]
    extras += [(m, "tail", "pink") for m in _tube(pts, [0.0045, 0.004, 0.0034, 0.003, 0.0026, 0.0018], 8)]
    base = _without(assets.quadruped(look), ("tail",))
    return _with(base, extras, {"pink": paint("e6a6a0", "matte")})


def squirrel() -> Model:
    """A red squirrel 20 cm long with a bushy tail as long again held up over its back in an S, a cream belly and
    chest, tufted ears and dark eyes."""
    look = LOOKS["squirrel"]
    hl, g, L = look.head, look.girth, look.length
    extras: list[tuple[Mesh, str, str]] = []
    for s in (-1, 1):
        ear = placed(cone(hl * 0.24, hl * 0.36, 10), at=(s * hl * 0.19, -hl * 0.1, hl * 0.2), hpr=(0, -6, s * 14))
        tuft = placed(cone(hl * 0.12, hl * 0.2, 8), at=(s * hl * 0.24, -hl * 0.12, hl * 0.5), hpr=(0, -6, s * 14))
        extras += [(ear, "head", "body"), (tuft, "head", "tuft")]
    extras.append((placed(ellipsoid((g * 0.66, L * 0.8, g * 0.44)), at=(0, L * 0.08, -g * 0.58)), "body", "accent"))
    extras.append((placed(ellipsoid((g * 0.5, g * 0.5, look.neck * 1.6)), hpr=(0, -look.neck_angle, 0),
                          at=(0, g * 0.1, -g * 0.32)), "neck", "accent"))  # the throat
    # the brush: balls of fur up behind the back, its tip curling back
    import numpy as np

    keys = np.array([[-0.01, 0.0, 0.045], [-0.032, 0.025, 0.062], [-0.042, 0.06, 0.074], [-0.036, 0.095, 0.08],
                     [-0.02, 0.12, 0.074], [-0.03, 0.14, 0.062], [-0.056, 0.145, 0.05], [-0.075, 0.135, 0.036]])
    for y, z, d in zip(*(np.interp(np.linspace(0, 7, 22), np.arange(8), keys[:, i]) for i in range(3)), strict=True):
        extras.append((placed(ellipsoid((d * 0.82, d, d), 14, 7), at=(0.0, float(y), float(z - d / 2))), "tail",
                       "brush"))
    return _with(assets.quadruped(look), extras, {"tuft": paint("7a3418", "fabric"), "brush": paint("a84a22",
                                                                                                   "fabric")})


def hedgehog() -> Model:
    """A hedgehog 20 cm long: a dome of brown spines with pale tips over a round body, a pale-brown face with a
    pointed snout and a black nose, small round ears and short legs."""
    import math

    import numpy as np

    look = LOOKS["hedgehog"]
    hl, g, L = look.head, look.girth, look.length
    a, b, c = g * 0.8, L * 0.66, g * 0.62  # the dome's semi-axes
    cz = -g * 0.08  # its middle, in the body's frame
    extras: list[tuple[Mesh, str, str]] = [
        (placed(ellipsoid((2 * a, 2 * b, 2 * c), 24, 12), at=(0, -L * 0.06, cz - c)), "body", "spines"),
    ]
    rng = np.random.default_rng(11)
    for k in range(150):
        u = rng.uniform(0.06, 1.0)  # sin of the height angle: the dome's upper part and its skirt
        phi = rng.uniform(0, 2 * math.pi)
        ny, nx, nz = math.sqrt(1 - u * u) * math.cos(phi), math.sqrt(1 - u * u) * math.sin(phi), u
        if ny > 0.82 and nz < 0.45:
            continue  # leave the face clear
        p = (a * nx, -L * 0.06 + b * ny, cz + c * nz)
        out = np.array([nx / a, ny / b, nz / c])
        out = out / np.linalg.norm(out) + np.array([0.0, -0.55, 0.1])  # the spines lie back
        out = out / np.linalg.norm(out)
        tip = tuple(float(p[i] + out[i] * 0.02) for i in range(3))
        extras.append((_along(cone(0.0055, 0.022, 5), p, tip), "body", "tips" if k % 3 == 0 else "spines"))
    for s in (-1, 1):
        extras.append((placed(cylinder(hl * 0.26, hl * 0.05, 10), hpr=(0, 0, s * 90),
                              at=(s * hl * 0.3, -hl * 0.12, hl * 0.08)), "head", "accent"))
    return _with(assets.quadruped(look), extras, {"spines": paint("5e4a36", "matte"), "tips": paint("d8ccb6",
                                                                                                     "matte")})


def raccoon() -> Model:
    """A raccoon 70 cm from nose to tail tip: a grey coat, a black mask across the eyes under white brows on a white
    muzzle, dark legs and a thick tail ringed black and grey."""
    look = LOOKS["raccoon"]
    hl, g = look.head, look.girth
    pitch = (0, look.head_pitch, 0)
    extras: list[tuple[Mesh, str, str]] = [
        (placed(placed(ellipsoid((hl * 0.78, hl * 0.26, hl * 0.19)), at=(0, hl * 0.1, hl * 0.07)), hpr=pitch),
         "head", "mask"),
        (placed(placed(ellipsoid((hl * 0.6, hl * 0.2, hl * 0.1)), at=(0, hl * 0.12, hl * 0.23)), hpr=pitch),
         "head", "accent"),  # the white brows over the mask
        (placed(placed(ellipsoid((hl * 0.5, hl * 0.3, hl * 0.14)), at=(0, hl * 0.2, -hl * 0.05)), hpr=pitch),
         "head", "accent"),  # white cheeks under it
        (placed(ellipsoid((g * 0.6, look.length * 0.7, g * 0.3)), at=(0, 0, -g * 0.6)), "body", "belly"),
    ]
    extras += _stockings(look, look.lower * 0.85, look.lower * 0.15, "mask")  # dark legs and paws
    tail_pitch = (0, look.tail_pitch, 0)
    n = 7
    for k in range(n):  # a thick tail in rings, grey and black, a black tip
        d = g * (0.55 - 0.025 * k)
        seg = placed(ellipsoid((d, d, look.tail / n * 1.5), 14, 6), at=(0, 0, -look.tail * (k + 1.2) / n))
        extras.append((placed(seg, hpr=tail_pitch), "tail", "mask" if k % 2 else "body"))
    extras.append((placed(placed(ellipsoid((g * 0.34, g * 0.34, look.tail * 0.22)), at=(0, 0, -look.tail * 1.15)),
                          hpr=tail_pitch), "tail", "mask"))
    return _with(assets.quadruped(look), extras, {"mask": paint("1e1c1a", "fabric"), "belly": paint("b4aea4",
                                                                                                    "fabric")})


def lizard() -> Model:
    """A green lizard 25 cm long: a long low body, four legs splayed out to the sides with five-toed feet, a pale
    belly and throat, dark spots along the back and a long tapering tail on the ground."""
    import numpy as np

    look = LOOKS["lizard"]
    hl, g, L = look.head, look.girth, look.length
    up, lo = look.upper, look.lower
    paw = _paw(look)
    mw, ml, mh = look.muzzle
    extras: list[tuple[Mesh, str, str]] = [
        (placed(ellipsoid((g * 1.25, L * 1.05, g * 0.75)), at=(0, 0, -g * 0.42)), "body", "body"),  # flat and wide
        (placed(ellipsoid((g * 1.05, L * 0.9, g * 0.3)), at=(0, 0, -g * 0.45)), "body", "accent"),  # belly
        (placed(ellipsoid((hl * mw * 1.06, hl * ml * 0.97, hl * mh)), at=(0, hl * 0.34, -hl * 0.2)), "head", "body"),
    ]
    rng = np.random.default_rng(4)
    for _ in range(9):
        x, y = rng.uniform(-0.35, 0.35) * g, rng.uniform(-0.45, 0.45) * L
        extras.append((placed(ellipsoid((g * 0.22, g * 0.28, g * 0.1)), at=(x, y, g * 0.26)), "body", "spots"))
    for leg in ("fl", "fr", "bl", "br"):
        s = -1.0 if leg[1] == "l" else 1.0
        front = leg[0] == "f"
        elbow = (s * g * 0.75, 0.0, -up)  # out to the side at the knee's height, so the knee's turn keeps it there
        foot = (s * g * 0.9, g * (0.25 if front else -0.1), -lo)
        extras.append((rod((0, 0, 0), elbow, g * 0.34, 8), f"{leg}_upper", "body"))
        extras.append((placed(sphere(g * 0.34, 8, 4), at=(elbow[0], elbow[1], elbow[2] - g * 0.17)), f"{leg}_upper",
                       "body"))
        extras.append((rod((elbow[0], 0, 0), foot, g * 0.28, 8), f"{leg}_lower", "body"))
        fx, fy, _ = foot
        for k, a in enumerate((-50, -22, 0, 22, 50)):  # five toes spread out from the foot
            ang = np.radians(a + (0 if front else 180) + s * (25 if front else -25))
            tip = (fx + s * abs(np.sin(ang)) * g * 0.5 * (1 if k != 2 else 1.2), fy + np.cos(ang) * g * 0.5,
                   -lo - paw + 0.0012)
            extras.append((rod((fx, fy, -lo - paw + 0.0012), tip, 0.0022, 4), f"{leg}_lower", "body"))
        extras.append((placed(ellipsoid((g * 0.35, g * 0.35, paw * 2 + 0.0024), 8, 4), at=(fx, fy, -lo - paw)),
                       f"{leg}_lower", "body"))
    # the tail: from the rump down to the ground and along it in a gentle curve, tapering to a point
    ground = -(up + lo + paw) - g * 0.5
    pts = [(0.0, 0.0, 0.0), (0.0, -0.03, ground * 0.55), (0.006, -0.06, ground + 0.0045), (0.016, -0.095, ground +
           0.0032), (0.018, -0.125, ground + 0.0022), (0.01, -0.15, ground + 0.0012)]
    extras += [(m, "tail", "body") for m in _tube(pts, [g * 0.62, g * 0.46, 0.009, 0.0064, 0.0044, 0.0024], 10)]
    base = _without(assets.quadruped(look), ("tail", "fl_upper", "fl_lower", "fr_upper", "fr_lower", "bl_upper",
                                              "bl_lower", "br_upper", "br_lower"))
    return _with(base, extras, {"spots": paint("2f6a1c", "glossy")})


def owl() -> Model:
    """A tawny owl 35 cm tall perched upright: a round head with a pale face disc round two big black eyes, a
    hooked beak, a streaked buff breast, brown wings folded at its sides on the wing joints, feathered feet."""
    parts: list[tuple[Mesh, str]] = [
        (placed(ellipsoid((0.2, 0.19, 0.25)), at=(0, -0.01, 0.03)), "body"),
        (placed(ellipsoid((0.16, 0.1, 0.2)), at=(0, 0.045, 0.05)), "breast"),
        (placed(ellipsoid((0.19, 0.16, 0.15)), at=(0, 0.0, 0.2)), "body"),  # the head, merging into the body
        (placed(ellipsoid((0.1, 0.05, 0.06)), at=(0, -0.08, 0.02), hpr=(0, 30, 0)), "wings"),  # the tail
    ]
    for s in (-1, 1):
        parts.append((placed(ellipsoid((0.095, 0.035, 0.12)), at=(s * 0.04, 0.052, 0.19), hpr=(s * -22, 0, 0)),
                      "face"))  # the face disc, one half round each eye
        parts.append((placed(sphere(0.04, 14, 7), at=(s * 0.034, 0.066, 0.228)), "ring"))
        parts.append((placed(sphere(0.026, 12, 6), at=(s * 0.035, 0.075, 0.235)), "eyes"))
        parts.append((placed(ellipsoid((0.034, 0.04, 0.03)), at=(s * 0.03, 0.03, 0.0)), "feet"))  # feathered feet
        for k in range(3):  # the talons
            parts.append((rod((s * 0.03 + (k - 1) * 0.01, 0.045, 0.006), (s * 0.03 + (k - 1) * 0.012, 0.056,
                                                                         0.001), 0.004, 4), "talons"))
    parts.append((_along(cone(0.018, 0.032, 8), (0, 0.078, 0.235), (0, 0.09, 0.205)), "beak"))
    for x, z in ((-0.03, 0.16), (0.03, 0.15), (0.0, 0.12), (-0.035, 0.11), (0.03, 0.09), (0.0, 0.075), (-0.02, 0.06),
                 (0.025, 0.05)):
        parts.append((placed(ellipsoid((0.012, 0.01, 0.03)), at=(x, 0.08 - abs(x) * 0.4, z)), "streaks"))
    for s in (-1, 1):  # brows of darker feathers over the disc
        parts.append((placed(ellipsoid((0.07, 0.02, 0.025)), at=(s * 0.04, 0.06, 0.262), hpr=(0, 0, s * -15)),
                      "wings"))
    wings = [
        (f"{n}_wing", (sx * 0.085, 0.0, 0.2),
         [(placed(placed(ellipsoid((0.03, 0.22, 0.1)), at=(0, 0, -0.05)), at=(sx * 0.012, -0.03, -0.08),
                  hpr=(0, 62, sx * 4)), "wings")])
        for n, sx in (("l", -1), ("r", 1))
    ]
    slots = {"body": paint("8a5a34", "fabric"), "breast": paint("c39a66", "fabric"), "face": paint("d8b888", "fabric"),
             "ring": paint("e08a22", "glossy"), "eyes": paint("0a0a0a", "glossy"), "beak": paint("c8b890", "ceramic"),
             "talons": paint("3a3430", "matte"), "streaks": paint("5a3a22", "fabric"),
             "wings": paint("6e4426", "fabric"), "feet": paint("d8c4a0", "fabric")}
    return jointed(parts, wings, slots)


def snail() -> Model:
    """A garden snail: a brown coiled shell 4 cm across with darker bands on a 6 cm grey-beige body, its head up with
    two eye stalks and two short feelers."""
    import math

    parts: list[tuple[Mesh, str]] = [
        (placed(ellipsoid((0.016, 0.062, 0.009)), at=(0, 0.0, 0.0)), "body"),
        (placed(ellipsoid((0.012, 0.02, 0.016)), at=(0, 0.022, 0.002), hpr=(0, 20, 0)), "body"),
    ]
    for s in (-1, 1):
        parts.append((rod((s * 0.003, 0.027, 0.014), (s * 0.007, 0.035, 0.03), 0.0018, 5), "body"))
        parts.append((placed(sphere(0.0032, 8, 4), at=(s * 0.007, 0.035, 0.0285)), "eyes"))
        parts.append((rod((s * 0.003, 0.03, 0.01), (s * 0.006, 0.037, 0.012), 0.0015, 4), "body"))
    # the shell: a tube coiled in a shrinking spiral about an axis across the body (X), drawn as overlapping balls
    cy, cz, r0 = -0.004, 0.027, 0.0125
    steps = 44
    for k in range(steps):
        th = k / steps * 3.2 * math.pi
        r = r0 * math.exp(-0.2 * th)
        d = 2.1 * r * 0.62 + 0.002
        y, z = cy + r * math.sin(th), cz - r * math.cos(th)
        x = 0.0045 * (1 - k / steps)  # the coil stands a little proud of the body's middle on one side
        parts.append((placed(sphere(d, 12, 6), at=(x, y, z - d / 2)), "bands" if k % 5 == 0 else "shell"))
    return prop_model(parts, {"body": paint("9a8a70", "glossy"), "shell": paint("9a6a36", "glossy"),
                              "bands": paint("5a3a1c", "glossy"), "eyes": paint("2a2420", "glossy")})


def ladybird() -> Model:
    """A ladybird 1 cm long: a domed red wing case with black spots, a small black head with white cheek spots and
    six legs."""
    import numpy as np

    ax, ay, az, cz = 0.00375, 0.00425, 0.00225, 0.00295  # the dome's semi-axes and the height of its middle
    parts: list[tuple[Mesh, str]] = [
        (placed(ellipsoid((2 * ax, 2 * ay, 2 * az), 16, 8), at=(0, -0.0005, cz - az)), "body"),
        (placed(ellipsoid((0.0042, 0.0026, 0.0024), 10, 5), at=(0, 0.0042, 0.0009)), "head"),
    ]
    for x, y in ((0.0018, 0.0012), (-0.0018, 0.0012), (0.002, -0.0022), (-0.002, -0.0022), (0.0, -0.0005)):
        rise = az * np.sqrt(max(1 - (x / ax) ** 2 - ((y + 0.0005) / ay) ** 2, 0.0))
        parts.append((placed(ellipsoid((0.0016, 0.0016, 0.0005), 8, 4), at=(x, y, cz + rise - 0.0004)), "head"))
    for s in (-1, 1):
        parts.append((placed(sphere(0.0008, 6, 3), at=(s * 0.0012, 0.0052, 0.0016)), "cheeks"))
        for y in (-0.002, 0.0, 0.002):
            parts.append((rod((s * 0.003, y, 0.0012), (s * 0.0048, y + 0.0006, 0.0), 0.0004, 3), "head"))
    return prop_model(parts, {"body": paint("d8231a", "glossy"), "head": paint("121212", "glossy"),
                              "cheeks": paint("f4f4f0", "matte")})

def turtle() -> Model:
    """A tortoise: a high domed brown shell with a paler rim over a green body, stubby legs and a small head."""
    look = LOOKS["turtle"]
    g, L = look.girth, look.length
    extras = [
        (placed(ellipsoid((g * 1.9, L * 1.15, g * 1.25)), at=(0, 0, -g * 0.45)), "body", "shell"),
        (placed(ellipsoid((g * 2.05, L * 1.25, g * 0.35)), at=(0, 0, -g * 0.45)), "body", "rim"),
    ]
    for x, y in ((0, 0), (-0.4, -0.3), (0.4, -0.3), (-0.4, 0.3), (0.4, 0.3)):
        extras.append((placed(ellipsoid((g * 0.6, L * 0.3, g * 0.2)), at=(x * g, y * L, g * 0.55 - abs(x) * g * 0.3)),
                       "body", "scutes"))
    return _with(assets.quadruped(look), extras, {"shell": paint("6b4a26", "glossy"), "rim": paint("4f3820", "matte"),
                                                  "scutes": paint("8a6a3a", "glossy")})


def monkey() -> Model:
    """A brown monkey on all fours: a pale face and round ears on a small head, long limbs, a long curling tail."""
    look = LOOKS["monkey"]
    hl = look.head
    extras = [
        (placed(ellipsoid((hl * 0.62, hl * 0.2, hl * 0.6)), at=(0, hl * 0.3, -hl * 0.3)), "head", "accent"),
    ]
    for s in (-1, 1):
        extras.append((placed(cylinder(hl * 0.3, hl * 0.06, 12), hpr=(0, 0, s * 90), at=(s * hl * 0.4, 0, -hl * 0.05)),
                       "head", "accent"))
    tail = placed(placed(torus(0.14, 0.035, 16, 6), hpr=(0, 0, 90), at=(0, 0.0, -0.07)), hpr=(0, look.tail_pitch, 0))
    extras.append((placed(tail, at=(0, 0, 0)), "tail", "body"))  # the curl at its tip
    return _with(assets.quadruped(look), extras)


def frog() -> Model:
    """A green frog 8 cm long sitting squat: a wide flattened body, bulging eyes on top, folded back legs and a pale
    throat."""
    parts: list[tuple[Mesh, str]] = [
        (placed(ellipsoid((0.05, 0.07, 0.032)), at=(0, -0.002, 0.006), hpr=(0, 14, 0)), "body"),
        (placed(ellipsoid((0.046, 0.03, 0.022)), at=(0, 0.026, 0.016)), "body"),
        (placed(ellipsoid((0.034, 0.03, 0.014)), at=(0, 0.024, 0.008)), "belly"),
    ]
    for s in (-1, 1):
        parts.append((placed(sphere(0.016, 10, 5), at=(s * 0.014, 0.028, 0.03)), "body"))
        parts.append((placed(sphere(0.009, 8, 4), at=(s * 0.016, 0.033, 0.034)), "eyes"))
        parts.append((placed(ellipsoid((0.018, 0.04, 0.016)), at=(s * 0.026, -0.02, 0.0), hpr=(s * 20, 0, 0)), "body"))
        parts.append((placed(ellipsoid((0.014, 0.026, 0.005)), at=(s * 0.03, 0.0, 0.0), hpr=(s * -25, 0, 0)), "feet"))
        parts.append((rod((s * 0.016, 0.03, 0.012), (s * 0.02, 0.042, 0.0015), 0.006, 5), "body"))
    return prop_model(parts, {"body": paint("4f9a2c", "glossy"), "belly": paint("d8e0a0", "glossy"),
                              "feet": paint("3f7a22", "glossy"),
                              "eyes": paint("1a1a10", "glossy")})


def crab() -> Model:
    """A red crab 20 cm across: a wide flat shell, eight jointed legs and two big claws held in front, eyes on
    stalks."""
    parts: list[tuple[Mesh, str]] = [
        (placed(ellipsoid((0.12, 0.085, 0.045)), at=(0, 0, 0.02)), "body"),
        (placed(ellipsoid((0.11, 0.075, 0.012)), at=(0, 0, 0.019)), "belly"),
    ]
    for s in (-1, 1):
        for k, y in enumerate((-0.03, -0.01, 0.01, 0.025)):
            knee = (s * 0.085, y - 0.01 * (1.5 - k), 0.05)
            parts.append((rod((s * 0.045, y * 0.8, 0.04), knee, 0.011, 5), "body"))
            parts.append((rod(knee, (s * 0.1, y - 0.015 * (1.5 - k), 0.0), 0.008, 5), "body"))
        elbow = (s * 0.065, 0.065, 0.04)
        parts.append((rod((s * 0.04, 0.035, 0.035), elbow, 0.014, 6), "body"))
        claw = placed(ellipsoid((0.035, 0.045, 0.026)), at=(s * 0.05, 0.085, 0.022), hpr=(s * -20, 0, 0))
        parts.append((claw, "body"))
        parts.append((placed(ellipsoid((0.012, 0.03, 0.012)), at=(s * 0.034, 0.11, 0.026), hpr=(s * 20, 0, 0)), "body"))
        parts.append((rod((s * 0.012, 0.035, 0.04), (s * 0.015, 0.04, 0.062), 0.004, 4), "body"))
        parts.append((placed(sphere(0.009, 8, 4), at=(s * 0.015, 0.04, 0.058)), "eyes"))
    return prop_model(parts, {"body": paint("d8401e", "glossy"), "belly": paint("f0c8a0", "matte"),
                              "eyes": paint("101010", "glossy")})


def snake() -> Model:
    """A green snake 1.5 m long lying in S-curves along Y: a tube of 4 cm tapering to its tail, a flat head at +Y
    with eyes and a forked red tongue."""
    import numpy as np

    t = np.linspace(0.0, 1.0, 40)
    ys = (t - 0.5) * 1.1
    xs = 0.16 * np.sin(t * 3.2 * np.pi) * (0.4 + 0.6 * t)
    widths = 0.012 + 0.03 * np.sin(np.clip(t * 1.15, 0, 1) * np.pi / 2)
    parts: list[tuple[Mesh, str]] = []
    for k in range(len(t) - 1):
        d = float(widths[k])
        a, b = (float(xs[k]), float(ys[k]), d / 2), (float(xs[k + 1]), float(ys[k + 1]), d / 2)
        parts.append((rod(a, b, d, 10), "body" if k % 3 else "accent"))
        parts.append((placed(sphere(d, 10, 5), at=(a[0], a[1], 0.0)), "body"))
    hx, hy = float(xs[-1]), float(ys[-1])
    parts.append((placed(ellipsoid((0.055, 0.075, 0.035)), at=(hx, hy + 0.03, 0.0)), "body"))
    for s in (-1, 1):
        parts.append((placed(sphere(0.012, 8, 4), at=(hx + s * 0.022, hy + 0.045, 0.018)), "eyes"))
        parts.append((rod((hx, hy + 0.065, 0.008), (hx + s * 0.008, hy + 0.095, 0.006), 0.003, 3), "tongue"))
    return prop_model(parts, {"body": paint("4e8a2a", "glossy"), "accent": paint("c8b040", "glossy"),
                              "eyes": paint("101010", "glossy"), "tongue": paint("d02020", "matte")})


def butterfly() -> Model:
    """A butterfly 8 cm across with its wings open: orange forewings and hindwings with black edges, a thin dark body
    and antennae."""
    parts: list[tuple[Mesh, str]] = [
        (placed(ellipsoid((0.006, 0.034, 0.006), 10, 5), at=(0, 0, 0.0)), "body"),
        (placed(sphere(0.007, 8, 4), at=(0, 0.018, 0.0)), "body"),
    ]
    for s in (-1, 1):
        parts.append((placed(ellipsoid((0.036, 0.03, 0.002), 16, 4), at=(s * 0.02, 0.008, 0.004), hpr=(s * -25, 0, 0)),
                      "edges"))
        parts.append((placed(ellipsoid((0.03, 0.024, 0.002), 16, 4), at=(s * 0.019, 0.008, 0.0045),
                             hpr=(s * -25, 0, 0)), "wings"))
        parts.append((placed(ellipsoid((0.026, 0.024, 0.002), 14, 4), at=(s * 0.016, -0.014, 0.004),
                             hpr=(s * 25, 0, 0)), "edges"))
        parts.append((placed(ellipsoid((0.02, 0.018, 0.002), 14, 4), at=(s * 0.015, -0.014, 0.0045),
                             hpr=(s * 25, 0, 0)), "wings"))
        parts.append((rod((s * 0.002, 0.022, 0.004), (s * 0.01, 0.04, 0.008), 0.001, 3), "body"))
    return prop_model(parts, {"wings": paint("f08a1c", "matte"), "edges": paint("1a1410", "matte"),
                              "body": paint("2a2420", "matte")})


def bee() -> Model:
    """A honeybee 1.5 cm long: a striped yellow-and-black abdomen, a fuzzy thorax, a black head and two clear wings."""
    parts: list[tuple[Mesh, str]] = [
        (placed(ellipsoid((0.0065, 0.0085, 0.0062), 12, 6), at=(0, -0.004, 0.0012)), "body"),
        (placed(ellipsoid((0.0058, 0.005, 0.0056), 10, 5), at=(0, 0.0025, 0.0015)), "fuzz"),
        (placed(sphere(0.0045, 10, 5), at=(0, 0.0062, 0.0016)), "stripes"),
    ]
    for y in (-0.0065, -0.0035, -0.0005):
        parts.append((placed(ellipsoid((0.0068, 0.0012, 0.0064), 12, 4), at=(0, y, 0.0011)), "stripes"))
    for s in (-1, 1):
        wing = placed(ellipsoid((0.007, 0.004, 0.0004), 10, 3), at=(s * 0.004, 0.0, 0.0072), hpr=(s * -20, 0, s * 10))
        parts.append((wing, "wings"))
        for y in (-0.001, 0.002, 0.004):
            parts.append((rod((s * 0.002, y, 0.0025), (s * 0.0042, y, 0.0), 0.0006, 3), "stripes"))
    return prop_model(parts, {"body": paint("f2b81c", "matte"), "stripes": paint("1a1410", "matte"),
                              "fuzz": paint("c8902a", "fabric"), "wings": paint("e8f0f4", "glass")})


def spider() -> Model:
    """A black spider 4 cm across its legs: a round abdomen, a smaller head part, eight bent legs."""
    import math

    parts: list[tuple[Mesh, str]] = [
        (placed(ellipsoid((0.011, 0.013, 0.01), 12, 6), at=(0, -0.006, 0.004)), "body"),
        (placed(ellipsoid((0.008, 0.008, 0.006), 10, 5), at=(0, 0.004, 0.004)), "body"),
        (placed(ellipsoid((0.004, 0.005, 0.0015), 8, 3), at=(0, -0.006, 0.0133)), "mark"),
    ]
    for s in (-1, 1):
        for a in (50, 20, -10, -40):
            c, sn = math.cos(math.radians(a)), math.sin(math.radians(a))
            root = (s * 0.003, 0.004 + sn * 0.002, 0.006)
            knee = (s * (0.003 + 0.009 * c), 0.004 + sn * 0.011, 0.012)
            foot = (s * (0.003 + 0.018 * c), 0.004 + sn * 0.018, 0.0)
            parts.append((rod(root, knee, 0.0012, 4), "body"))
            parts.append((rod(knee, foot, 0.001, 4), "body"))
        parts.append((placed(sphere(0.0018, 6, 3), at=(s * 0.0015, 0.0078, 0.006)), "mark"))
    return prop_model(parts, {"body": paint("1c1a1a", "matte"), "mark": paint("a02020", "glossy")})


def penguin() -> Model:
    """An emperor-style penguin 1 m tall standing upright: a black back and head, a white front, a pale-yellow
    throat, an orange beak and feet, and a flipper on a joint each side (it waddles and swims; it does not fly)."""
    parts: list[tuple[Mesh, str]] = [
        (placed(ellipsoid((0.38, 0.34, 0.8)), at=(0, -0.01, 0.04)), "body"),
        (placed(ellipsoid((0.32, 0.3, 0.72)), at=(0, 0.04, 0.06)), "belly"),
        (placed(sphere(0.22, 16, 8), at=(0, 0.02, 0.75)), "body"),
        (placed(ellipsoid((0.16, 0.1, 0.14)), at=(0, 0.11, 0.66)), "throat"),
        (placed(cone(0.05, 0.13, 10), hpr=(0, -100, 0), at=(0, 0.12, 0.87)), "beak"),
    ]
    for s in (-1, 1):
        parts.append((placed(sphere(0.03, 8, 4), at=(s * 0.06, 0.1, 0.88)), "eyes"))
        parts.append((placed(ellipsoid((0.09, 0.14, 0.04)), at=(s * 0.07, 0.08, 0.0)), "beak"))
    flippers = [
        (f"{s}_wing", (sx * 0.18, 0.0, 0.62),
         [(placed(ellipsoid((0.04, 0.12, 0.42)), at=(sx * 0.01, 0.0, -0.4), hpr=(0, 0, sx * -12)), "body")])
        for s, sx in (("l", -1), ("r", 1))
    ]
    slots = {"body": paint("1c1f26", "matte"), "belly": paint("f4f4f0", "matte"), "throat": paint("f2d27a", "matte"),
             "beak": paint("f08a20", "plastic"), "eyes": paint("0a0a0a", "glossy")}
    return jointed(parts, flippers, slots)

# --- birds and fish -------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class BirdLook:
    """A bird's body length (metres), how stocky it is, its wing span and colours of body, wings, head, beak."""

    length: float
    stock: float
    span: float
    body: str
    wings: str
    head: str
    beak: str
    legs: str = "e0a040"
    crest: bool = False
    neck: float = 0.0  # extra neck length (ducks, chickens)


BIRDS: dict[str, BirdLook] = {
    "bird": BirdLook(0.16, 0.5, 0.26, "8c5a3a", "6b4128", "8c5a3a", "e0a040", breast := "e9c9a0"),
    "pigeon": BirdLook(0.32, 0.55, 0.6, "8d95a3", "6f7786", "4d6a7a", "3a3a3a", "c96a6a"),
    "seagull": BirdLook(0.42, 0.45, 1.2, "f6f6f4", "a8b0b8", "f6f6f4", "f2c230", "f2b04a"),
    "parrot": BirdLook(0.38, 0.45, 0.55, "2fae4a", "1f5fd0", "e53935", "2b2b2b", "6b6b6b", crest=True),
    "duck": BirdLook(0.5, 0.6, 0.8, "c9b08a", "8a6a48", "1f7a3a", "f2a020", "f29020", neck=0.06),
    "chicken": BirdLook(0.42, 0.75, 0.5, "f4efe6", "e8e0d0", "f4efe6", "f2b02a", "f2b02a", crest=True, neck=0.08),
}


def bird(look: BirdLook) -> Model:
    """A bird at rest, facing +Y: body, breast, head with eyes and beak, tail, legs, and a joint per wing."""
    L, k = look.length, look.stock
    leg = L * 0.28
    body_c = (0.0, 0.0, leg + L * 0.3 * k)
    head_c = (0.0, L * 0.42, body_c[2] + L * (0.3 + look.neck * 4) * k + L * 0.08)
    r = L * 0.14
    parts: list[tuple[Mesh, str]] = [
        (placed(ellipsoid((L * 0.55 * k, L, L * 0.6 * k)), at=(0, 0, leg)), "body"),
        (placed(ellipsoid((L * 0.45 * k, L * 0.45, L * 0.45 * k)), at=(0, L * 0.22, leg + L * 0.05)), "breast"),
        (rod((0, L * 0.3, body_c[2]), head_c, r * 1.2, 10), "body"),
        (placed(sphere(2 * r, 14, 7), at=(head_c[0], head_c[1], head_c[2] - r)), "head"),
        (placed(cone(r * 0.7, r * 1.3, 10), hpr=(0, -90, 0), at=(0, head_c[1] + r * 0.8, head_c[2] - r * 0.1)), "beak"),
        (placed(ellipsoid((L * 0.3, L * 0.5, L * 0.06)), at=(0, -L * 0.6, leg + L * 0.3 * k), hpr=(0, 15, 0)), "wings"),
    ]
    for s in (-1, 1):
        parts.append(
            (placed(sphere(r * 0.45, 8, 4), at=(s * r * 0.75, head_c[1] + r * 0.4, head_c[2] + r * 0.1)), "eyes")
        )
        parts.append((rod((s * L * 0.1, 0, leg * 1.1), (s * L * 0.1, L * 0.05, 0.0), L * 0.04, 6), "legs"))
        parts.append((block((L * 0.1, L * 0.16, 0.006), (s * L * 0.1, L * 0.1, 0.003)), "legs"))
    if look.crest:
        parts.append(
            (placed(ellipsoid((r * 0.3, r * 1.2, r * 0.9)), at=(0, head_c[1] - r * 0.1, head_c[2] + r * 0.6)), "accent")
        )
    wings = [
        (
            f"{s}_wing",
            (sx * L * 0.25 * k, L * 0.05, body_c[2] + L * 0.1 * k),
            [
                (
                    placed(
                        ellipsoid((L * 0.1, L * 0.85, L * 0.34 * k)),
                        at=(sx * L * 0.02, -L * 0.12, -L * 0.22 * k),
                        hpr=(0, 10, sx * 10),
                    ),
                    "wings",
                )
            ],
        )
        for s, sx in (("l", -1), ("r", 1))
    ]
    slots = {
        "body": paint(look.body, "matte"),
        "breast": paint(look.body if look.crest else look.legs, "matte"),
        "head": paint(look.head, "matte"),
        "beak": paint(look.beak, "plastic"),
        "wings": paint(look.wings, "matte"),
        "eyes": paint("101010", "glossy"),
        "legs": paint(look.legs, "matte"),
        "accent": paint("e53935" if look.body != "2fae4a" else "f2c230", "matte"),
    }
    return jointed(parts, wings, slots)


def fish() -> Model:
    """An orange fish 30 cm long: a flattened body, a forked tail fin, a dorsal fin and eyes."""
    parts: list[tuple[Mesh, str]] = [
        (placed(ellipsoid((0.07, 0.3, 0.14)), at=(0, 0.02, 0.0)), "body"),
        (placed(ellipsoid((0.075, 0.1, 0.1)), at=(0, 0.12, 0.02)), "accent"),
        (block((0.01, 0.07, 0.05), (0, -0.16, 0.11), (0, 35, 0)), "fins"),
        (block((0.01, 0.07, 0.05), (0, -0.16, 0.045), (0, -35, 0)), "fins"),
        (placed(block((0.01, 0.1, 0.05), (0, 0, 0)), at=(0, 0.0, 0.155), hpr=(0, 20, 0)), "fins"),
    ]
    for s in (-1, 1):
        parts.append((placed(sphere(0.02, 8, 4), at=(s * 0.03, 0.12, 0.08)), "eyes"))
        parts.append(
            (placed(block((0.05, 0.04, 0.01), (0, 0, 0)), at=(s * 0.045, 0.06, 0.04), hpr=(0, 0, s * 30)), "fins")
        )
    return prop_model(
        parts,
        {
            "body": paint("f28c28", "glossy"),
            "accent": paint("f6c79a", "glossy"),
            "fins": paint("e0601a", "glossy"),
            "eyes": paint("101010", "glossy"),
        },
    )


def _quadruped(name: str, size: Vec, description: str, make=None, saddle: Vec | None = None) -> AssetSpec:
    build = make or (lambda: assets.quadruped(assets.ANIMAL_VARIANTS[name]))
    return composite(name, "animal", size, description, build, "animals", AssetTraits(rideable=saddle), ANIMAL_ACTIONS)


def _bird(name: str, size: Vec, description: str, traits: AssetTraits | None = None) -> AssetSpec:
    return composite(
        name,
        "bird",
        size,
        description,
        lambda: bird(BIRDS[name]),
        "animals",
        traits or AssetTraits(flies=True, physics_shape="hull"),
        BIRD_ACTIONS,
    )


ASSETS: tuple[AssetSpec, ...] = (
    _quadruped("dog", (0.22, 1.2, 0.81), "a medium short-haired dog with pointed ears", dog),
    _quadruped("cat", (0.16, 0.68, 0.65), "a grey cat"),
    _quadruped("horse", (0.61, 2.58, 2.11), "a brown horse", saddle=(0.0, -0.1, 1.55)),
    _quadruped("cow", (0.8, 2.4, 1.84), "a black-and-white cow", cow),
    _quadruped("sheep", (0.68, 1.22, 1.01), "a woolly white sheep", sheep),
    _quadruped("pig", (0.51, 1.18, 0.8), "a pink pig", pig),
    _quadruped("deer", (0.43, 1.55, 2.07), "a deer with antlers", deer),
    _quadruped("bear", (0.82, 1.71, 1.57), "a brown bear", bear),
    _quadruped("elephant", (1.5, 3.6, 3.0), "a grey elephant with tusks and a trunk", elephant),
    _quadruped("giraffe", (0.73, 3.02, 4.28), "a giraffe with a long neck", giraffe),
    _quadruped("rabbit", (0.22, 0.46, 0.48), "a rabbit with long ears", rabbit),
    _bird("bird", (0.07, 0.25, 0.13), "a small songbird (flies)"),
    _bird("pigeon", (0.14, 0.5, 0.27), "a grey pigeon (flies)"),
    _bird("seagull", (0.17, 0.66, 0.32), "a white seagull (flies)"),
    _bird("parrot", (0.15, 0.59, 0.32), "a red, green and blue parrot (flies)"),
    _bird(
        "duck",
        (0.24, 0.78, 0.5),
        "a mallard duck (flies and floats)",
        AssetTraits(flies=True, buoyant=True, draft=0.4, physics_shape="hull"),
    ),
    _bird("chicken", (0.24, 0.66, 0.53), "a white hen", AssetTraits(physics_shape="hull")),
    composite(
        "fish",
        "prop",
        (0.14, 0.37, 0.2),
        "an orange fish 30 cm long (swims: floats in water)",
        fish,
        "animals",
        AssetTraits(buoyant=True, grip=(0.0, 0.0, 0.07), physics_shape="hull"),
    ),
    _quadruped("donkey", (0.51, 1.9, 1.8), "a grey-brown donkey with long ears", donkey, saddle=(0.0, -0.08, 1.22)),
    composite(
        "ladybird",
        "prop",
        (0.01, 0.01, 0.005),
        "a ladybird (ladybug) 1 cm long, red with black spots (flies)",
        ladybird,
        "animals",
        AssetTraits(flies=True, grip=(0.0, 0.0, 0.003), hold="hand", physics_shape="hull"),
    ),
    # a penguin stands upright on its feet: a bird look (flippers on wing joints) that does not fly; it swims
    composite("penguin", "bird", (0.39, 0.43, 0.97),
              "an upright black-and-white penguin 1 m tall (waddles, hops, swims; no flight)", penguin, "animals",
              AssetTraits(buoyant=True, draft=0.5, physics_shape="hull"),
              tuple(a for a in BIRD_ACTIONS if a != "perch")),  # perching is flying up onto something
    _quadruped("fox", (0.17, 1.01, 0.57), "a red fox with a white chest and a bushy white-tipped tail", fox),
    _quadruped("goat", (0.33, 1.08, 1.02), "an off-white goat with short horns swept back and a beard", goat),
    _quadruped("turtle", (0.29, 0.43, 0.23), "a tortoise with a domed brown shell on stubby legs", turtle),
    _quadruped("monkey", (0.24, 1.09, 0.62), "a brown monkey on all fours with a long tail", monkey),
    composite("frog", "prop", (0.077, 0.084, 0.047), "a green frog 8 cm long, sitting squat", frog, "animals",
              AssetTraits(grip=(0.0, 0.0, 0.02), hold="hand", physics_shape="hull")),
    composite("crab", "prop", (0.21, 0.18, 0.068), "a red crab 20 cm across with two big claws", crab, "animals",
              AssetTraits(grip=(0.0, 0.0, 0.04), hold="hand", physics_shape="hull")),
    composite("snake", "prop", (0.29, 1.2, 0.042), "a green snake 1.5 m long lying in S-curves along Y, head at +Y",
              snake, "animals", AssetTraits(physics_shape="hull")),
    composite("butterfly", "prop", (0.075, 0.066, 0.008), "an orange butterfly 8 cm across, wings open (flies)",
              butterfly, "animals", AssetTraits(flies=True, grip=(0.0, 0.0, 0.004), hold="hand", physics_shape="hull")),
    composite("bee", "prop", (0.014, 0.016, 0.008), "a honeybee 1.5 cm long, yellow and black (flies)", bee, "animals",
              AssetTraits(flies=True, grip=(0.0, 0.0, 0.004), hold="hand", physics_shape="hull")),
    composite("spider", "prop", (0.042, 0.031, 0.015), "a black spider 4 cm across its legs", spider, "animals",
              AssetTraits(grip=(0.0, 0.0, 0.007), hold="hand", physics_shape="hull")),
    # the seventh pass (docs/catalog.md, "Seven animals")
    _quadruped("mouse", (0.038, 0.169, 0.06), "a grey-brown house mouse 7 cm long with big round ears and a long pink "
               "tail", mouse),
    _quadruped("squirrel", (0.08, 0.284, 0.287), "a red squirrel with a big bushy tail held up over its back",
               squirrel),
    _quadruped("hedgehog", (0.163, 0.234, 0.124), "a hedgehog 20 cm long: a dome of brown spines, a pointed snout",
               hedgehog),
    _quadruped("raccoon", (0.196, 0.726, 0.432), "a grey raccoon with a black mask and a ringed tail, 70 cm long",
               raccoon),
    _quadruped("lizard", (0.082, 0.25, 0.043), "a green lizard 25 cm long on four splayed legs, a long tail", lizard),
    composite("owl", "bird", (0.225, 0.216, 0.351), "a tawny owl 35 cm tall, perched upright, big eyes in a pale face "
              "disc (flies)", owl, "animals", AssetTraits(flies=True, physics_shape="hull"), BIRD_ACTIONS),
    composite("snail", "prop", (0.022, 0.068, 0.039), "a garden snail: a brown coiled shell 4 cm across on a 6 cm body",
              snail, "animals", AssetTraits(grip=(0.0, 0.0, 0.02), hold="hand", physics_shape="hull")),
)
