"""Building blocks the group modules share: blocks by their centre, rods between two points, wheels, and
props with extra joints (wheels that turn, rotors that spin)."""

from __future__ import annotations

import math

import numpy as np

from scenes.assets import centred
from scenes.geometry import Mesh, box, cylinder, from_triangles, placed, torus
from scenes.rig import Joint, Model, Part, SlotLook

Vec = tuple[float, float, float]


def block(size: Vec, centre: Vec, hpr: Vec = (0.0, 0.0, 0.0)) -> Mesh:
    """A box of ``size`` whose centre is at ``centre`` (turned by ``hpr`` about that centre)."""
    return placed(centred(box(size)), at=centre, hpr=hpr)


def chequer(cols: int, rows: int, square: float, base: float, thick: float) -> list[tuple[Mesh, bool]]:
    """A ``cols`` x ``rows`` grid of squares ``thick`` high lying on height ``base``, centred on the origin: each
    square's mesh and whether it is one of the alternate set that starts at the first corner (a picnic blanket's
    red squares, a chessboard's dark ones)."""
    return [(block((square, square, thick), ((i - (cols - 1) / 2) * square, (j - (rows - 1) / 2) * square,
                                             base + thick / 2)), (i + j) % 2 == 0)
            for i in range(cols) for j in range(rows)]


def rod(a: Vec, b: Vec, diameter: float, segments: int = 10) -> Mesh:
    """A round bar from point ``a`` to point ``b`` (frames, legs, masts, poles)."""
    d = np.subtract(b, a, dtype=np.float64)
    length = float(np.linalg.norm(d))
    flat = math.hypot(d[0], d[1])
    h = math.degrees(math.atan2(d[0], -d[1])) if flat > 1e-9 else 0.0
    p = math.degrees(math.atan2(flat, d[2]))
    return placed(cylinder(diameter, length, segments), at=a, hpr=(h, p, 0.0))


def wheel(diameter: float, width: float, segments: int = 24) -> Mesh:
    """A solid wheel centred on the origin, its axle along X (so it rolls along Y)."""
    return placed(centred(cylinder(diameter, width, segments)), hpr=(0.0, 0.0, 90.0))


def tyre(diameter: float, tube: float, segments: int = 32) -> Mesh:
    """A thin spoked-wheel rim centred on the origin, its axle along X (bicycles, motorbikes)."""
    return placed(centred(torus(diameter, tube, segments, 8)), hpr=(0.0, 0.0, 90.0))


def jointed(
    root_parts: list[tuple[Mesh, str]],
    moving: list[tuple[str, Vec, list[tuple[Mesh, str]]]],
    slots: dict[str, SlotLook],
    main: str = "body",
) -> Model:
    """A prop with a ``root`` joint and extra joints under it: ``moving`` is (joint name, offset from the root,
    parts in that joint's frame). Wheel joints are named ``wheel_*``, rotors ``rotor_*``."""
    joints = [Joint("root", -1, (0.0, 0.0, 0.0))]
    parts = [Part(m, 0, s) for m, s in root_parts]
    for name, offset, joint_parts in moving:
        joints.append(Joint(name, 0, offset))
        parts += [Part(m, len(joints) - 1, s) for m, s in joint_parts]
    return Model(tuple(joints), tuple(parts), slots, main)


def hull(length: float, beam: float, depth: float, floor: float, stations: int = 16) -> Mesh:
    """A boat hull along Y (bow at +Y), keel on z = 0: a U-shaped section swept along the length, narrowing to a
    point at the bow and to 70 % at the transom, hollow down to ``floor`` (a share of ``depth``: 1 is a flat deck)."""
    half = [(0.0, 0.0), (0.55, 0.08), (0.88, 0.35), (1.0, 1.0), (0.9, 1.0), (0.84, floor), (0.0, floor)]
    ring = half + [(-x, z) for x, z in reversed(half[1:-1])]
    t = np.linspace(0.0, 1.0, stations)
    ys = (t - 0.5) * length
    width = np.where(t < 0.6, 0.7 + 0.3 * np.sin(t / 0.6 * np.pi / 2), np.cos((t - 0.6) / 0.4 * np.pi / 2) + 0.01)
    verts = np.array([[w * x * beam / 2, y, z * depth] for y, w in zip(ys, width, strict=True) for x, z in ring])
    n = len(ring)
    tris = []
    for i in range(stations - 1):
        for j in range(n):
            a, b = i * n + j, i * n + (j + 1) % n
            tris += [(a, b, b + n), (a, b + n, a + n)]
    centres = [verts[:n].mean(axis=0), verts[-n:].mean(axis=0)]
    k = len(verts)
    verts = np.vstack([verts, centres])
    for j in range(n):
        tris.append((k, (j + 1) % n, j))
        tris.append((k + 1, (stations - 1) * n + j, (stations - 1) * n + (j + 1) % n))
    return from_triangles(verts, np.array(tris)[:, ::-1])  # the sweep above winds inward; flip to face out


def faceted(polygons: list[list[Vec]]) -> Mesh:
    """A flat-shaded mesh from convex polygons, each listed counter-clockwise seen from outside (roofs, tents)."""
    verts, norms, tris = [], [], []
    for poly in polygons:
        p = np.asarray(poly, dtype=np.float64)
        n = np.cross(p[1] - p[0], p[2] - p[0])
        k = len(verts)
        verts += list(p)
        norms += [n] * len(p)
        tris += [(k, k + i, k + i + 1) for i in range(1, len(p) - 1)]
    from scenes.geometry import _finish  # the module's normalising constructor

    return _finish(np.array(verts), np.array(norms), np.array(tris))


def prism(width: float, length: float, height: float) -> Mesh:
    """A triangular prism along Y (a ridge tent, a gable roof): base ``width`` on z = 0, ridge at ``height``."""
    w, l_, h = width / 2, length / 2, height
    a, b, c, d = (-w, -l_, 0.0), (w, -l_, 0.0), (w, l_, 0.0), (-w, l_, 0.0)
    e, f = (0.0, -l_, h), (0.0, l_, h)
    return faceted([[a, d, c, b], [b, c, f, e], [a, e, f, d], [a, b, e], [d, f, c]])
