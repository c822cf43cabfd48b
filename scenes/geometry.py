"""Engine-agnostic triangle meshes for the catalog's primitives (numpy, generated in code).

Every mesh has its origin at the centre of its base, so that an actor placed at z = 0 stands on the
ground; +Z is up and heading 0 faces +Y, as everywhere in the project.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Mesh:
    """An indexed triangle mesh: float32 vertices and unit normals, uint32 counter-clockwise triangles."""

    vertices: np.ndarray  # (V, 3) float32
    normals: np.ndarray  # (V, 3) float32
    triangles: np.ndarray  # (T, 3) uint32

    @property
    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """Axis-aligned (min, max) corners."""
        return self.vertices.min(axis=0), self.vertices.max(axis=0)


def _finish(vertices: np.ndarray, normals: np.ndarray, triangles: np.ndarray) -> Mesh:
    n = np.asarray(normals, dtype=np.float64)
    n /= np.maximum(np.linalg.norm(n, axis=1, keepdims=True), 1e-12)
    return Mesh(
        np.ascontiguousarray(vertices, dtype=np.float32),
        np.ascontiguousarray(n, dtype=np.float32),
        np.ascontiguousarray(triangles, dtype=np.uint32),
    )


def box(size: tuple[float, float, float] = (1.0, 1.0, 1.0)) -> Mesh:
    """A box of the given width (X), depth (Y) and height (Z), flat-shaded."""
    sx, sy, sz = (s / 2 for s in size)
    verts, norms, tris = [], [], []
    # (normal, u axis, v axis) for each face, u × v = normal so triangles wind outward.
    faces = [
        ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
        ((-1, 0, 0), (0, 0, 1), (0, 1, 0)),
        ((0, 1, 0), (0, 0, 1), (1, 0, 0)),
        ((0, -1, 0), (1, 0, 0), (0, 0, 1)),
        ((0, 0, 1), (1, 0, 0), (0, 1, 0)),
        ((0, 0, -1), (0, 1, 0), (1, 0, 0)),
    ]
    half = np.array([sx, sy, sz])
    for n, u, v in faces:
        n, u, v = np.array(n, float), np.array(u, float), np.array(v, float)
        c = n * half
        base = len(verts)
        for a, b in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
            verts.append(c + a * u * half + b * v * half)
            norms.append(n)
        tris += [(base, base + 1, base + 2), (base, base + 2, base + 3)]
    v = np.array(verts)
    v[:, 2] += sz
    return _finish(v, np.array(norms), np.array(tris))


def _lathe(profile: np.ndarray, normals2d: np.ndarray, segments: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Revolve a (radius, z) profile about Z; returns vertices, normals, triangles."""
    ang = np.linspace(0.0, 2 * np.pi, segments + 1)
    ca, sa = np.cos(ang), np.sin(ang)
    r, z = profile[:, 0], profile[:, 1]
    nr, nz = normals2d[:, 0], normals2d[:, 1]
    verts = np.stack([r[:, None] * ca, r[:, None] * sa, np.broadcast_to(z[:, None], (len(r), len(ang)))], -1)
    norms = np.stack([nr[:, None] * ca, nr[:, None] * sa, np.broadcast_to(nz[:, None], (len(r), len(ang)))], -1)
    rows, cols = len(r), len(ang)
    i = np.arange(rows - 1)[:, None] * cols + np.arange(cols - 1)[None, :]
    a, b, c, d = i, i + 1, i + cols + 1, i + cols
    tris = np.concatenate([np.stack([a, b, c], -1), np.stack([a, c, d], -1)]).reshape(-1, 3)
    return verts.reshape(-1, 3), norms.reshape(-1, 3), tris


def _merge(*parts: tuple[np.ndarray, np.ndarray, np.ndarray]) -> Mesh:
    verts, norms, tris, offset = [], [], [], 0
    for v, n, t in parts:
        verts.append(v)
        norms.append(n)
        tris.append(t + offset)
        offset += len(v)
    return _finish(np.concatenate(verts), np.concatenate(norms), np.concatenate(tris))


def _disc(radius: float, z: float, up: bool, segments: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    ang = np.linspace(0.0, 2 * np.pi, segments, endpoint=False)
    ring = np.stack([radius * np.cos(ang), radius * np.sin(ang), np.full_like(ang, z)], -1)
    verts = np.vstack([[0.0, 0.0, z], ring])
    norms = np.tile([0.0, 0.0, 1.0 if up else -1.0], (len(verts), 1))
    j = np.arange(segments)
    k = (j + 1) % segments
    tris = np.stack([np.zeros_like(j), 1 + j, 1 + k], -1) if up else np.stack([np.zeros_like(j), 1 + k, 1 + j], -1)
    return verts, norms, tris


def sphere(diameter: float = 1.0, segments: int = 48, rings: int = 24) -> Mesh:
    """A UV sphere resting on z = 0."""
    r = diameter / 2
    theta = np.linspace(-np.pi / 2, np.pi / 2, rings + 1)
    n2 = np.stack([np.cos(theta), np.sin(theta)], -1)
    prof = n2 * r + np.array([0.0, r])
    return _merge(_lathe(prof, n2, segments))


def cylinder(diameter: float = 1.0, height: float = 1.0, segments: int = 48) -> Mesh:
    """A capped cylinder standing on z = 0."""
    r = diameter / 2
    side = _lathe(np.array([[r, 0.0], [r, height]]), np.array([[1.0, 0.0], [1.0, 0.0]]), segments)
    return _merge(side, _disc(r, height, True, segments), _disc(r, 0.0, False, segments))


def cone(diameter: float = 1.0, height: float = 1.0, segments: int = 48) -> Mesh:
    """A cone standing on its base at z = 0."""
    r = diameter / 2
    slope = np.array([height, r]) / np.hypot(height, r)
    # The apex ring is duplicated per segment so the side keeps smooth, correct normals.
    side = _lathe(np.array([[r, 0.0], [1e-4, height]]), np.array([slope, slope]), segments)
    return _merge(side, _disc(r, 0.0, False, segments))


def capsule(diameter: float = 0.5, height: float = 1.0, segments: int = 40, rings: int = 12) -> Mesh:
    """A capsule of total height ``height`` standing on z = 0."""
    r = diameter / 2
    theta_lo = np.linspace(-np.pi / 2, 0.0, rings + 1)
    theta_hi = np.linspace(0.0, np.pi / 2, rings + 1)
    n_lo = np.stack([np.cos(theta_lo), np.sin(theta_lo)], -1)
    n_hi = np.stack([np.cos(theta_hi), np.sin(theta_hi)], -1)
    prof = np.vstack([n_lo * r + [0.0, r], n_hi * r + [0.0, height - r]])
    return _merge(_lathe(prof, np.vstack([n_lo, n_hi]), segments))


def plane(size: tuple[float, float] = (1.0, 1.0), thickness: float = 0.02) -> Mesh:
    """A thin slab (a plane with a little thickness, so it casts shadows and has no back-face holes)."""
    return box((size[0], size[1], thickness))


def pyramid(size: float = 1.0, height: float = 1.0) -> Mesh:
    """A square pyramid standing on z = 0, flat-shaded."""
    s = size / 2
    base = np.array([[-s, -s, 0.0], [s, -s, 0.0], [s, s, 0.0], [-s, s, 0.0]])
    apex = np.array([0.0, 0.0, height])
    verts, norms, tris = [], [], []
    for i in range(4):
        a, b = base[i], base[(i + 1) % 4]
        n = np.cross(b - a, apex - a)
        k = len(verts)
        verts += [a, b, apex]
        norms += [n, n, n]
        tris.append((k, k + 1, k + 2))
    k = len(verts)
    verts += list(base)
    norms += [[0, 0, -1]] * 4
    tris += [(k, k + 2, k + 1), (k, k + 3, k + 2)]
    return _finish(np.array(verts), np.array(norms), np.array(tris))


def torus(diameter: float = 1.0, tube: float = 0.25, segments: int = 48, sides: int = 20) -> Mesh:
    """A torus lying flat, resting on z = 0 (``diameter`` is the outer diameter)."""
    rt = tube / 2
    rc = diameter / 2 - rt
    phi = np.linspace(0.0, 2 * np.pi, sides + 1)
    n2 = np.stack([np.cos(phi), np.sin(phi)], -1)
    prof = n2 * rt + np.array([rc, rt])
    return _merge(_lathe(prof, n2, segments))


def merge(meshes: list[Mesh]) -> Mesh:
    """One mesh holding all of ``meshes`` (same coordinates, no welding)."""
    return _merge(*((m.vertices, m.normals, m.triangles) for m in meshes))


def transformed(m: Mesh, matrix: np.ndarray) -> Mesh:
    """``m`` moved by a 4×4 (column-vector) matrix; normals use the inverse transpose so scaling keeps them right."""
    mat = np.asarray(matrix, dtype=np.float64)
    v = m.vertices.astype(np.float64) @ mat[:3, :3].T + mat[:3, 3]
    n = m.normals.astype(np.float64) @ np.linalg.inv(mat[:3, :3])
    tris = m.triangles if np.linalg.det(mat[:3, :3]) > 0 else m.triangles[:, ::-1]
    return _finish(v, n, tris)


def placed(m: Mesh, at: tuple[float, float, float] = (0.0, 0.0, 0.0),
           hpr: tuple[float, float, float] = (0.0, 0.0, 0.0),
           scale: tuple[float, float, float] | float = 1.0) -> Mesh:
    """``m`` scaled, then rotated by heading/pitch/roll (degrees), then moved to ``at``."""
    from scenes.rig import hpr_matrix

    mat = np.eye(4)
    mat[:3, :3] = hpr_matrix(np.asarray(hpr, dtype=np.float64)) @ np.diag(np.broadcast_to(scale, 3))
    mat[:3, 3] = at
    return transformed(m, mat)


def ellipsoid(size: tuple[float, float, float], segments: int = 24, rings: int = 12) -> Mesh:
    """An ellipsoid of the given width, depth and height, resting on z = 0 (smooth normals)."""
    return placed(sphere(1.0, segments, rings), scale=size)


def frustum(bottom: float, top: float, height: float, segments: int = 24) -> Mesh:
    """A capped, tapered cylinder (``bottom``/``top`` diameters) standing on z = 0: limbs, trunks, posts."""
    rb, rt = bottom / 2, top / 2
    slope = np.array([height, rb - rt]) / np.hypot(height, rb - rt)
    side = _lathe(np.array([[rb, 0.0], [rt, height]]), np.array([slope, slope]), segments)
    return _merge(side, _disc(rt, height, True, segments), _disc(rb, 0.0, False, segments))


def limb(diameter: float, length: float, segments: int = 16) -> Mesh:
    """A capsule hanging *down* from the origin by ``length`` (a joint's bone), so rotating the joint swings it."""
    return placed(capsule(diameter, length + diameter * 0.5, segments, 6), at=(0.0, 0.0, -length - diameter * 0.25))


def wedge(size: tuple[float, float, float] = (1.0, 1.0, 1.0)) -> Mesh:
    """A ramp: a right triangular prism rising from z = 0 at -Y to ``size[2]`` at +Y, flat-shaded."""
    sx, sy, sz = size[0] / 2, size[1] / 2, size[2]
    a, b, c, d = (-sx, -sy, 0.0), (sx, -sy, 0.0), (sx, sy, 0.0), (-sx, sy, 0.0)
    e, f = (sx, sy, sz), (-sx, sy, sz)
    quads = [(a, d, c, b), (d, f, e, c), (a, b, e, f)]  # bottom, back (+Y), slope
    tris_sides = [(b, c, e), (a, f, d)]
    verts, norms, tris = [], [], []
    for q in quads:
        q = np.array(q)
        n = np.cross(q[1] - q[0], q[2] - q[0])
        k = len(verts)
        verts += list(q)
        norms += [n] * 4
        tris += [(k, k + 1, k + 2), (k, k + 2, k + 3)]
    for t in tris_sides:
        t = np.array(t)
        n = np.cross(t[1] - t[0], t[2] - t[0])
        k = len(verts)
        verts += list(t)
        norms += [n] * 3
        tris.append((k, k + 1, k + 2))
    return _finish(np.array(verts), np.array(norms), np.array(tris))


def rock(size: tuple[float, float, float] = (1.0, 1.0, 0.7), seed: int = 7) -> Mesh:
    """A lumpy boulder: an ellipsoid with deterministic low-frequency bumps, resting on z = 0."""
    base = sphere(1.0, 20, 10)
    v = base.vertices.astype(np.float64) - [0.0, 0.0, 0.5]
    rng = np.random.default_rng(seed)
    bump = np.ones(len(v))
    for _ in range(5):
        axis = rng.normal(size=3)
        axis /= np.linalg.norm(axis)
        bump += 0.12 * np.cos(4.0 * (v @ axis) + rng.uniform(0, 6.28))
    v = v * bump[:, None] * np.asarray(size)
    v[:, 2] -= v[:, 2].min()
    # flat-ish normals from the deformed surface keep the facets readable
    tri = base.triangles
    fn = np.cross(v[tri[:, 1]] - v[tri[:, 0]], v[tri[:, 2]] - v[tri[:, 0]])
    n = np.zeros_like(v)
    for k in range(3):
        np.add.at(n, tri[:, k], fn)
    return _finish(v, n, tri)


def from_triangles(vertices: np.ndarray, triangles: np.ndarray) -> Mesh:
    """A mesh from vertices and counter-clockwise triangles, with smooth normals averaged from the faces."""
    v = np.asarray(vertices, dtype=np.float64)
    tri = np.asarray(triangles)
    fn = np.cross(v[tri[:, 1]] - v[tri[:, 0]], v[tri[:, 2]] - v[tri[:, 0]])
    n = np.zeros_like(v)
    for k in range(3):
        np.add.at(n, tri[:, k], fn)
    return _finish(v, n, tri)
