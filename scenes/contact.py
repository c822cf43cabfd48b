"""Contact geometry for the world check: solid pieces of actors, box separation, and what rests on what.

A rigid prop is a few oriented boxes, one per part of its model (a table is a top and four legs, a car a
body, a cabin and wheels), so a cup under a table is not inside the table and two cars side by side
touch where their bodies do. A person or animal is a box per posed body part (no arms, hands or tail:
they swing through things and reach for them). Boxes are compared with the separating-axis test over
all frames at once: the signed result is the penetration depth when positive and a lower bound of the
gap when negative.

What an actor can rest on is read from the assets themselves: a height field of each prop's top
surfaces, sampled from its mesh once per asset, plus the support surfaces its traits declare (a shelf
under a top), plus the ground at z = 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np

from scenes.catalog import asset, is_model_path, model
from scenes.rig import hpr_matrix, joint_matrices
from scenes.view import Boxes, body_part_boxes

GRID = 40  # height-field cells along each side of a prop's footprint
MAX_PIECES = 10  # more parts than this (pickets, panels) and the prop is one box
OVERHEAD = 0.25  # metres above a declared support beyond which the mesh over it is overhead, not its top
UPRIGHT_DEG = 10.0  # a prop tilted more than this no longer offers its height field


@dataclass(frozen=True)
class Pieces:
    """Solid pieces of every actor at every frame, flattened: ``boxes`` (F, P, ...), ``owner`` (P,) giving
    the actor index of each piece and ``radius`` (P,): a round actor is one sphere of that radius at its
    box centre, every other piece (radius 0) is its box."""

    boxes: Boxes
    owner: np.ndarray
    radius: np.ndarray

    def of(self, i: int) -> np.ndarray:
        """Indices of actor ``i``'s pieces."""
        return np.flatnonzero(self.owner == i)

    @cached_property
    def reach(self) -> np.ndarray:
        """(F, P): half the diagonal of each piece's box."""
        return np.linalg.norm(self.boxes.half, axis=-1)

    @cached_property
    def versions(self) -> np.ndarray:
        """(F, P) pose versions: a piece's version changes only on the frames its box changes (compared bit for
        bit), so all frames of one version hold exactly the same box."""
        bx = self.boxes
        f, p = bx.centre.shape[:2]
        changed = np.zeros((f, p), dtype=np.int64)
        for values in (bx.centre, bx.axes.reshape(f, p, 9), bx.half):
            bits = np.ascontiguousarray(values).view(np.uint64)
            changed[1:] |= (bits[1:] != bits[:-1]).any(axis=2)
        return np.cumsum(changed, axis=0)


@dataclass(frozen=True)
class Contacts:
    """Piece pairs of different actors near each other: frame, actors ``a`` < ``b``, and the signed
    overlap ``depth`` (S,) of pieces ``pa`` of ``a`` and ``pb`` of ``b``."""

    frames: np.ndarray
    a: np.ndarray
    b: np.ndarray
    depth: np.ndarray
    pa: np.ndarray
    pb: np.ndarray

    def where(self, mask: np.ndarray) -> Contacts:
        """The contacts where ``mask`` (S,) holds."""
        return Contacts(self.frames[mask], self.a[mask], self.b[mask], self.depth[mask], self.pa[mask],
                        self.pb[mask])


@cache
def part_boxes(asset_name: str) -> np.ndarray:
    """Low and high corners (K, 2, 3) of a rigid asset's solid parts in its own frame at scale 1.

    Parts inside another part's box are dropped; assets of one part, glTF models and assets with more
    than ``MAX_PIECES`` parts are their bounding box.
    """
    size = np.asarray(asset(asset_name).size, dtype=np.float64)
    whole = np.array([[[-size[0] / 2, -size[1] / 2, 0.0], [size[0] / 2, size[1] / 2, size[2]]]])
    if is_model_path(asset_name):
        return whole
    m = model(asset_name)
    # a part's mesh is in its joint's frame: a tree's crown hangs 2 m up from its joint (rest rotations are zero)
    rest = joint_matrices(m, np.zeros((1, len(m.joints), 3)), np.zeros((1, 3)))[0, :, :3, 3]
    boxes = np.array([[p.mesh.vertices.min(0) + rest[p.joint], p.mesh.vertices.max(0) + rest[p.joint]]
                      for p in m.parts])
    keep = [k for k, (lo, hi) in enumerate(boxes)
            if not any(j != k and np.all(lo >= boxes[j, 0] - 0.02) and np.all(hi <= boxes[j, 1] + 0.02)
                       and (j < k or not np.allclose(boxes[j], boxes[k])) for j in range(len(boxes)))]
    if len(keep) <= 1 or len(keep) > MAX_PIECES:  # (small parts all within 2 cm of each other: none was kept,
        return whole  # and a tin can or a plate had no solid at all)
    return boxes[keep]


def solid_pieces(timeline, boxes: Boxes, mats: dict[int, np.ndarray] | None = None) -> Pieces:
    """Every actor's solid boxes at every frame: rigid actors' part boxes, round ones a sphere, people and
    animals their posed body parts (no arms, hands or tail). ``boxes`` are the actors' posed boxes,
    ``mats`` the people's and animals' part matrices (``scenes.view.part_matrices``) when computed."""
    centres, axes, halves, owner, radius = [], [], [], [], []
    for i, a in enumerate(timeline.actors):
        spec = asset(a.asset)
        if a.id in timeline.poses:
            parts = body_part_boxes(timeline, i, mats.get(i) if mats else None)
            centres.append(parts.centre)
            axes.append(parts.axes)
            halves.append(parts.half)
            owner += [i] * parts.centre.shape[1]
            radius += [0.0] * parts.centre.shape[1]
            continue
        if spec.traits.round:
            centres.append(boxes.centre[:, i:i + 1])
            axes.append(boxes.axes[:, i:i + 1])
            halves.append(boxes.half[:, i:i + 1])
            owner.append(i)
            radius.append(float(spec.size[2] * np.min(a.scale)) / 2.0)
            continue
        parts = part_boxes(a.asset)  # (K, 2, 3)
        s = timeline.scales[:, i, None, :]  # (F, 1, 3)
        mid = (parts[None, :, 0] + parts[None, :, 1]) / 2.0 * s
        rot = boxes.axes[:, i]  # (F, 3, 3)
        centres.append(timeline.positions[:, i, None, :] + np.einsum("fij,fkj->fki", rot, mid))
        axes.append(np.repeat(rot[:, None], len(parts), axis=1))
        halves.append((parts[None, :, 1] - parts[None, :, 0]) / 2.0 * s)
        owner += [i] * len(parts)
        radius += [0.0] * len(parts)
    f = len(timeline.times)
    none, no_axes = np.zeros((f, 0, 3)), np.zeros((f, 0, 3, 3))  # an empty scene has no pieces
    pieces = Boxes(np.concatenate([none, *centres], 1), np.concatenate([no_axes, *axes], 1),
                   np.concatenate([none, *halves], 1))
    return Pieces(pieces, np.asarray(owner, dtype=np.int64), np.asarray(radius, dtype=np.float64))


def box_depth(ca: np.ndarray, ra: np.ndarray, ha: np.ndarray, cb: np.ndarray, rb: np.ndarray,
              hb: np.ndarray, sideways: np.ndarray | None = None) -> np.ndarray:
    """Signed overlap (S,) of oriented boxes A and B (centres (S, 3), axes (S, 3, 3), halves (S, 3)) by the
    separating-axis test over the 15 axes: the penetration depth when positive, minus a lower bound of
    the gap between them when negative. Where ``sideways`` (S,) holds, vertical axes are left out: two
    things standing on the ground cannot be parted by lifting one, so their overlap is measured across."""
    ua, ub = ra.swapaxes(1, 2), rb.swapaxes(1, 2)  # rows are the boxes' axes
    cross = np.cross(ua[:, :, None, :], ub[:, None, :, :]).reshape(len(ca), 9, 3)
    axes = np.concatenate([ua, ub, cross], axis=1)  # (S, 15, 3)
    length = np.linalg.norm(axes, axis=-1)
    usable = length > 1e-6
    axes = axes / np.where(usable, length, 1.0)[..., None]
    rad_a = _radius(axes, ra, ha)
    rad_b = _radius(axes, rb, hb)
    dist = np.abs(axes @ (cb - ca)[:, :, None])[..., 0]
    overlap = np.where(usable, rad_a + rad_b - dist, np.inf)
    depth = overlap.min(axis=1)
    if sideways is not None:  # separated along any axis stays separated; only the depth is read across
        across = np.where(np.abs(axes[..., 2]) > 0.99, np.inf, overlap).min(axis=1)
        depth = np.where(sideways & (depth > 0), across, depth)
    return depth


def _radius(axes: np.ndarray, rot: np.ndarray, half: np.ndarray) -> np.ndarray:
    """Half the extent (S, L) of boxes (axes ``rot`` as columns, ``half``) along unit axes (S, L, 3)."""
    return (np.abs(axes @ rot) @ half[:, :, None])[..., 0]


def near_actors(boxes: Boxes, reach: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Broad phase: frames and actor pairs ``i`` < ``j`` whose bounding spheres come within ``reach``."""
    radius = np.linalg.norm(boxes.half, axis=-1)  # (F, N)
    n = radius.shape[1]
    i, j = np.triu_indices(n, 1)
    gap = np.linalg.norm(boxes.centre[:, i] - boxes.centre[:, j], axis=-1) - radius[:, i] - radius[:, j]
    f, k = np.nonzero(gap < reach)
    return f, i[k], j[k]


def contacts_of(pieces: Pieces, actors: Boxes, reach: float) -> Contacts:
    """Every pair of pieces of different actors within ``reach`` of each other, with their signed overlap
    (measured across, not up, between two actors that both stand on the ground)."""
    frames, i, j = near_actors(actors, reach)
    out_f, out_pa, out_pb = [], [], []
    pair = i * actors.centre.shape[1] + j
    for key in np.unique(pair):
        sel = pair == key
        f = frames[sel]
        pa, pb = pieces.of(int(i[sel][0])), pieces.of(int(j[sel][0]))
        ga, gb = np.meshgrid(pa, pb, indexing="ij")
        out_f.append(np.repeat(f, ga.size))
        out_pa.append(np.tile(ga.ravel(), len(f)))
        out_pb.append(np.tile(gb.ravel(), len(f)))
    if not out_f:
        empty = np.zeros(0, dtype=np.int64)
        return Contacts(empty, empty, empty, np.zeros(0), empty, empty)
    f, pa, pb = np.concatenate(out_f), np.concatenate(out_pa), np.concatenate(out_pb)
    bx = pieces.boxes
    gap = np.linalg.norm(bx.centre[f, pa] - bx.centre[f, pb], axis=-1) - pieces.reach[f, pa] - pieces.reach[f, pb]
    close = gap < reach
    f, pa, pb = f[close], pa[close], pb[close]
    grounded = actors.bottom <= reach
    depth = piece_depths(pieces, f, pa, pb, grounded[f, pieces.owner[pa]] & grounded[f, pieces.owner[pb]])
    near = depth > -reach
    f, pa, pb = f[near], pa[near], pb[near]
    return Contacts(f, pieces.owner[pa], pieces.owner[pb], depth[near], pa, pb)


def piece_depths(pieces: Pieces, frames: np.ndarray, a: np.ndarray, b: np.ndarray,
                 sideways: np.ndarray | None = None) -> np.ndarray:
    """Signed overlap (S,) of pieces ``a`` and ``b`` at ``frames`` (see :func:`box_depth`; spheres exactly).

    Each distinct pair of piece poses is measured once and the figure shared by its frames (a table and the
    cup standing on it are one test, not one a frame): the same figures, bit for bit, for far less work."""
    if not len(frames):
        return _piece_depths(pieces, frames, a, b, sideways)
    v = pieces.versions
    across = np.zeros(len(a), dtype=np.int64) if sideways is None else sideways.astype(np.int64)
    keys = np.stack([a, v[frames, a], b, v[frames, b], across], axis=1)
    sizes = [int(pieces.owner.size), int(v[-1].max()) + 1, int(pieces.owner.size), int(v[-1].max()) + 1, 2]
    if math.prod(sizes) < 2**63:  # one integer per key: sorting those is far faster than sorting rows
        keys = np.ravel_multi_index(keys.T, sizes)
    _, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    depth = _piece_depths(pieces, frames[first], a[first], b[first], None if sideways is None else sideways[first])
    return depth[inverse.reshape(-1)]


def _piece_depths(pieces: Pieces, frames: np.ndarray, a: np.ndarray, b: np.ndarray,
                  sideways: np.ndarray | None) -> np.ndarray:
    bx = pieces.boxes
    ca, cb = bx.centre[frames, a], bx.centre[frames, b]
    depth = box_depth(ca, bx.axes[frames, a], bx.half[frames, a], cb, bx.axes[frames, b], bx.half[frames, b],
                      sideways)
    ra, rb = pieces.radius[a], pieces.radius[b]
    both = (ra > 0) & (rb > 0)
    depth[both] = (ra + rb - np.linalg.norm(ca - cb, axis=-1))[both]
    for sphere, centre, r, other in (((ra > 0) & (rb == 0), ca, ra, b), ((rb > 0) & (ra == 0), cb, rb, a)):
        if sphere.any():
            fs, ps = frames[sphere], other[sphere]
            box = bx.centre[fs, ps], bx.axes[fs, ps], bx.half[fs, ps]
            depth[sphere] = r[sphere] - _box_distance(centre[sphere], *box)
    return depth


def _box_distance(points: np.ndarray, centre: np.ndarray, axes: np.ndarray, half: np.ndarray) -> np.ndarray:
    """Signed distance (S,) from points (S, 3) to oriented boxes (negative inside)."""
    local = np.abs(np.einsum("sji,sj->si", axes, points - centre)) - half
    outside = np.linalg.norm(np.maximum(local, 0.0), axis=-1)
    return outside + np.minimum(local.max(axis=-1), 0.0)


@cache
def height_field(asset_name: str) -> np.ndarray:
    """The highest surface (GRID, GRID) of a rigid asset over its footprint at scale 1, in its own frame
    (row = y from -depth/2, column = x from -width/2); ``-inf`` where nothing is above the ground."""
    size = asset(asset_name).size
    if is_model_path(asset_name):
        return np.full((GRID, GRID), float(size[2]))
    tri = model(asset_name).rest_mesh()
    tri = tri.vertices[tri.triangles].astype(np.float64)  # (T, 3, 3)
    cell = min(size[0], size[1]) / GRID
    # sample each triangle on a barycentric lattice finer than a cell, and keep the highest sample per cell
    reach = np.linalg.norm(tri[:, [1, 2, 0], :2] - tri[:, :, :2], axis=-1).max(axis=1)
    steps = np.clip(np.ceil(2.0 * reach / cell), 1, 64).astype(np.int64)
    best = np.full(GRID * GRID, -np.inf)
    for n in np.unique(steps):
        i, j = np.meshgrid(np.arange(n + 1), np.arange(n + 1))
        lattice = np.stack([i.ravel(), j.ravel()], -1)
        lattice = lattice[lattice.sum(1) <= n] / n  # (L, 2) barycentric weights of vertices 1 and 2
        t = tri[steps == n]
        pts = t[:, None, 0] + lattice[None, :, :1] * (t[:, None, 1] - t[:, None, 0]) + lattice[None, :, 1:] * (
            t[:, None, 2] - t[:, None, 0])
        col = np.floor((pts[..., 0] / size[0] + 0.5) * GRID).astype(np.int64)
        row = np.floor((pts[..., 1] / size[1] + 0.5) * GRID).astype(np.int64)
        on = (col >= 0) & (col < GRID) & (row >= 0) & (row < GRID)
        np.maximum.at(best, (row * GRID + col)[on], pts[..., 2][on])
    return best.reshape(GRID, GRID)


def surface_under(timeline, j: int, points: np.ndarray) -> np.ndarray:
    """World height (F, ...) of actor ``j``'s top surface under world points (F, ..., 2 or 3), ``-inf``
    where the point is off its footprint or ``j`` is tilted (a fallen prop has no level top)."""
    a = timeline.actors[j]
    spec = asset(a.asset)
    scale = timeline.scales[:, j]
    rel = points[..., :2] - timeline.positions[:, j, None, :2].reshape((-1,) + (1,) * (points.ndim - 2) + (2,))
    h = np.radians(timeline.hpr[:, j, 0]).reshape((-1,) + (1,) * (points.ndim - 2))
    lx = (np.cos(h) * rel[..., 0] + np.sin(h) * rel[..., 1]) / scale[:, 0].reshape(h.shape)
    ly = (-np.sin(h) * rel[..., 0] + np.cos(h) * rel[..., 1]) / scale[:, 1].reshape(h.shape)
    col = np.floor((lx / spec.size[0] + 0.5) * GRID).astype(np.int64)
    row = np.floor((ly / spec.size[1] + 0.5) * GRID).astype(np.int64)
    on = (col >= 0) & (col < GRID) & (row >= 0) & (row < GRID)
    field = height_field(a.asset)[np.clip(row, 0, GRID - 1), np.clip(col, 0, GRID - 1)]
    top = np.where(on, field * scale[:, 2].reshape(h.shape) + timeline.positions[:, j, 2].reshape(h.shape), -np.inf)
    inner = (spec.traits.container,) if spec.traits.container is not None else ()
    for surface in (*spec.traits.supports, *inner):  # declared surfaces below the top (shelves, a vase's neck) too
        sx = (lx - surface.centre[0]) / (surface.size[0] / 2)
        sy = (ly - surface.centre[1]) / (surface.size[1] / 2)
        z = surface.height * scale[:, 2].reshape(h.shape) + timeline.positions[:, j, 2].reshape(h.shape)
        # over a container's opening its floor is the surface, whatever the rim around it reaches; over a support,
        # structure well above it (a market stall's awning over its counter) is overhead, not a top things rest on
        overhead = field > surface.height + OVERHEAD
        below = z if surface in inner else np.where(overhead, z, np.maximum(top, z))
        top = np.where((np.abs(sx) <= 1) & (np.abs(sy) <= 1), below, top)
    upright = tilt_degrees(timeline, j) <= UPRIGHT_DEG
    return np.where(upright.reshape(h.shape), top, -np.inf)


def tilt_degrees(timeline, j: int | None = None) -> np.ndarray:
    """How far actor ``j``'s up axis leans from the vertical (F,), in degrees; every actor's (F, N) without ``j``."""
    hpr = timeline.hpr if j is None else timeline.hpr[:, j]
    p, r = np.radians(hpr[..., 1]), np.radians(hpr[..., 2])
    up = np.cos(p) * np.cos(r)  # the z component of the turned up axis (heading leaves it alone)
    return np.degrees(np.arccos(np.clip(up, -1.0, 1.0)))


def pelvis_positions(timeline, i: int) -> np.ndarray:
    """World position (F, 3) of an articulated actor's root joint (the pelvis, an animal's body)."""
    a = timeline.actors[i]
    track = timeline.poses[a.id]
    rest = np.asarray(model(a.asset).joints[0].offset, dtype=np.float64)
    local = (rest + track.root_offset) * timeline.scales[:, i]  # the root joint hangs from the actor's origin
    return timeline.positions[:, i] + np.einsum("fij,fj->fi", hpr_matrix(timeline.hpr[:, i]), local)


GROUND = -1  # supporter index of the ground plane
NOTHING = -2  # no support


@dataclass(frozen=True)
class Support:
    """What every actor rests on at every frame.

    ``on`` (F, N): the supporting actor's index, ``GROUND`` or ``NOTHING``; ``gap`` (F, N): how far the
    actor's lowest point is above the highest surface under it (the ground at worst); ``under`` (F, N):
    whose surface that is (an actor index or ``GROUND``).
    """

    on: np.ndarray
    gap: np.ndarray
    under: np.ndarray


def _footprint_points(boxes: Boxes) -> np.ndarray:
    """Five points (F, N, 5, 2) under each box: its centre and its bottom corners pulled halfway in."""
    axes_xy = boxes.axes[..., :2, :2]  # the horizontal parts of the box's x and y axes
    signs = np.array([[0.0, 0.0], [0.5, 0.5], [0.5, -0.5], [-0.5, 0.5], [-0.5, -0.5]])
    local = signs[None, None] * boxes.half[..., None, :2]  # (F, N, 5, 2)
    offsets = np.einsum("fnij,fnkj->fnki", axes_xy, local)
    return boxes.centre[..., None, :2] + offsets


POSE_BLOCK = 2048  # distinct poses per matrix product in true_bottom (bounded memory at any video length)


def true_bottom(timeline, bottom: np.ndarray) -> np.ndarray:
    """(F, N) lowest points, with a tilted rigid prop's taken from its posed mesh: the corners of the box around a
    turned lumpy rock hang well below the rock itself (a rock at rest on a crate looked 0.12 m into it)."""
    from scenes.catalog import mesh
    from scenes.rig import hpr_matrix

    out = bottom.copy()
    tilt = tilt_degrees(timeline)
    for i, a in enumerate(timeline.actors):
        if a.id in timeline.poses or not (tilt[:, i] > UPRIGHT_DEG).any() or asset(a.asset).kind == "model":
            continue
        verts = np.unique(np.round(mesh(a.asset).vertices.astype(np.float64), 2), axis=0)
        # once per distinct turn and scale (a body at rest keeps its pose for many frames), compared bit for bit
        pose = np.ascontiguousarray(np.concatenate([timeline.hpr[:, i], timeline.scales[:, i]], axis=1))
        _, first, inverse = np.unique(pose.view(np.uint64), axis=0, return_index=True, return_inverse=True)
        # (U, 3): the world z of each scaled local axis; a vertex's height is its dot product with it
        rows = hpr_matrix(timeline.hpr[first, i])[:, 2, :] * timeline.scales[first, i]
        # one matrix product per block of poses (a spinning prop has a new pose every frame: the (U, V, 3) products
        # were 0.4 s and 20 MB for a minute of one torus, growing with the video)
        low = np.concatenate([(verts @ rows[k:k + POSE_BLOCK].T).min(axis=0) for k in range(0, len(rows), POSE_BLOCK)])
        out[:, i] = timeline.positions[:, i, 2] + low[inverse.reshape(-1)]
    return out


def support_of(timeline, boxes: Boxes, near: Contacts, rest_m: float, sink_m: float) -> Support:
    """Find what each actor rests on: the ground, a prop's top surface (its height field or declared
    support surfaces) under its footprint, or a tilted prop it leans on. ``rest_m`` is the largest gap
    that still counts as resting, ``sink_m`` how far into a surface a base may be and still rest on it."""
    f, n = boxes.centre.shape[:2]
    bottom = true_bottom(timeline, boxes.bottom)
    best = np.zeros((f, n))  # the ground
    owner = np.full((f, n), GROUND)
    points = _footprint_points(boxes)
    buoyant = np.array([asset(a.asset).traits.buoyant for a in timeline.actors], dtype=bool)
    draft = np.array([asset(a.asset).traits.draft for a in timeline.actors])
    reach = np.linalg.norm(boxes.half[..., :2], axis=-1)  # (F, N) horizontal radius
    for j, a in enumerate(timeline.actors):
        if a.id in timeline.poses or not a.visible:
            continue
        # broad phase: only actors whose footprint comes over j's at some frame
        gap = np.linalg.norm(boxes.centre[..., :2] - boxes.centre[:, j, None, :2], axis=-1)
        apart = gap - reach - reach[:, j:j + 1]
        over = np.flatnonzero((apart < 0.0).any(axis=0) & (np.arange(n) != j))
        water = asset(a.asset).traits.water is not None
        if water:
            over = over[buoyant[over]]  # only floating things rest on water
        if not len(over):
            continue
        top = surface_under(timeline, j, points[:, over].reshape(f, len(over) * 5, 2)).reshape(f, len(over), 5)
        sink = sink_m + (draft[over] * 2.0 * boxes.half[:, over, 2] if water else 0.0)  # afloat: as deep as it draws
        reach_up = np.broadcast_to(bottom[:, over] + sink, top.shape[:2])
        if asset(a.asset).traits.container is not None:  # a basket's rim beside an apple inside holds nothing up
            top = np.where(top <= reach_up[..., None], top, -np.inf)
        top = top.max(axis=-1)
        higher = (top > best[:, over]) & (top <= reach_up)
        best[:, over] = np.where(higher, top, best[:, over])
        owner[:, over] = np.where(higher, j, owner[:, over])
    gap = bottom - best
    on = np.where(gap <= rest_m, owner, NOTHING)
    on = _leaning(timeline, near, on, rest_m)
    return Support(on, gap, owner)


def _leaning(timeline, near: Contacts, on: np.ndarray, rest_m: float) -> np.ndarray:
    """Mark actors touching a tilted prop from above as resting on it (a domino on a fallen domino)."""
    tilted = tilt_degrees(timeline) > UPRIGHT_DEG  # (F, N)
    touching = near.where(near.depth > -rest_m)
    f, a, b = touching.frames, touching.a, touching.b
    out = on.copy()
    for lower, upper in ((a, b), (b, a)):
        za, zb = timeline.positions[f, upper, 2], timeline.positions[f, lower, 2]
        lean = tilted[f, lower] & (on[f, upper] == NOTHING) & (za >= zb)
        out[f[lean], upper[lean]] = lower[lean]
    return out


SEATED_RAMP = 0.6  # seconds a sit takes to settle (the animation's sitting envelope)
ANIMAL_SEATED = 0.85  # an animal's body this share of its standing height or lower: sitting or lying
PELVIS_ABOVE_SEAT = (-0.1, 0.45)  # metres: where a seated pelvis sits relative to the surface under it
SEAT_MARGIN = 0.25  # metres a pelvis may be off a seat's area (it sits back on it)


def sitting_frames(timeline, i: int, settled: bool = True) -> np.ndarray:
    """(F,) bool: frames of actor ``i``'s ``sit`` actions; with ``settled``, only once it has sat down."""
    from scenes.motion import natural_end

    t = timeline.times
    duration = timeline.script.duration
    ramp = SEATED_RAMP if settled else 0.0
    out = np.zeros(len(t), dtype=bool)
    for act in timeline.actors[i].actions:
        if act.type != "sit":
            continue
        end = natural_end(act, duration)
        stop = end - ramp if end < duration - 1e-6 else np.inf
        out |= (t >= act.start + ramp) & (t <= stop)
    return out


def seat_under(timeline, i: int, pelvis: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """What a sitter's pelvis (F, 3) is on: per frame the seat's or surface's owner (an actor index,
    ``GROUND`` or ``NOTHING``) and the pelvis height above the nearest surface under it (F,)."""
    f = len(pelvis)
    owner = np.full(f, NOTHING)
    height = pelvis[:, 2].copy()  # above the ground
    lo, hi = PELVIS_ABOVE_SEAT
    sitter = timeline.actors[i]
    if asset(sitter.asset).rig not in (None, "humanoid"):  # an animal sits or lies when its body is lower
        rest = float(model(sitter.asset).joints[0].offset[2]) * float(np.mean(timeline.scales[:, i, 2]))
        hi = max(hi, ANIMAL_SEATED * rest)  # than it stands (a cow lying down has half a metre under its belly)
    owner[(height >= lo) & (height <= hi)] = GROUND
    for j, a in enumerate(timeline.actors):
        if j == i or a.id in timeline.poses or not a.visible:
            continue
        seat = asset(a.asset).traits.seat
        top = surface_under(timeline, j, pelvis[:, None, :])[:, 0]
        if seat is not None:
            top = np.maximum(top, _seat_height(timeline, j, seat, pelvis))
        dz = pelvis[:, 2] - top
        ok = (dz >= lo) & (dz <= hi)
        better = ok & ((owner == NOTHING) | (dz < height))
        owner = np.where(better, j, owner)
        height = np.where(better, dz, height)
    return owner, height


def _seat_height(timeline, j: int, seat, pelvis: np.ndarray) -> np.ndarray:
    """World height (F,) of actor ``j``'s seat where the pelvis is over it (within ``SEAT_MARGIN``), else -inf."""
    s = timeline.scales[:, j]
    rel = pelvis[:, :2] - timeline.positions[:, j, :2]
    h = np.radians(timeline.hpr[:, j, 0])
    lx = np.cos(h) * rel[:, 0] + np.sin(h) * rel[:, 1] - seat.centre[0] * s[:, 0]
    ly = -np.sin(h) * rel[:, 0] + np.cos(h) * rel[:, 1] - seat.centre[1] * s[:, 1]
    over = ((np.abs(lx) <= seat.size[0] * s[:, 0] / 2 + SEAT_MARGIN)
            & (np.abs(ly) <= seat.size[1] * s[:, 1] / 2 + SEAT_MARGIN))
    return np.where(over, timeline.positions[:, j, 2] + seat.height * s[:, 2], -np.inf)


def held_frames(timeline, boxes: Boxes, reach_m: float) -> np.ndarray:
    """(F, N) bool: frames an actor is held in a hand (``scenes.hold``) with every holding palm within
    ``reach_m`` of its box: a held cup is supported by the hand, not floating."""
    from scenes import hold

    ids = [a.id for a in timeline.actors]
    out = np.zeros(boxes.centre.shape[:2], dtype=bool)
    for g in hold.grips(timeline.actors, timeline.script.duration):
        h, p = ids.index(g.holder), ids.index(g.prop)
        pose = timeline.poses.get(g.holder)
        if pose is None:
            continue
        near = g.held(timeline.times)
        for side in g.sides():
            palm = hold.palm_positions(timeline.actors[h].asset, timeline.positions[:, h], timeline.hpr[:, h],
                                       timeline.scales[:, h], pose.rotations, pose.root_offset, side)
            near &= _box_distance(palm, boxes.centre[:, p], boxes.axes[:, p], boxes.half[:, p]) <= reach_m
        out[:, p] |= near
    return out


def riding_frames(timeline, reach_m: float) -> np.ndarray:
    """(F, N) bool: frames a rider's pelvis (or, standing on a board, its base) is within ``reach_m`` of the
    rideable point of the mount its ``ride`` names."""
    from scenes import hold
    from scenes.motion import ActorTracks

    ids = [a.id for a in timeline.actors]
    out = np.zeros((len(timeline.times), len(ids)), dtype=bool)
    for i, a in enumerate(timeline.actors):
        for act in a.actions:
            if act.type != "ride" or a.id not in timeline.poses:
                continue
            j = ids.index(act.mount)
            mount = timeline.actors[j]
            pose = timeline.poses.get(mount.id)
            tracks = ActorTracks(timeline.positions[:, j], timeline.hpr[:, j], timeline.scales[:, j])
            saddle = hold.saddle_positions(mount.asset, tracks, None if pose is None else pose.rotations[:, 0],
                                           None if pose is None else pose.root_offset)
            standing = hold.standing_ride(mount.asset, a.asset, float(np.mean(a.scale)))
            seat = timeline.positions[:, i] if standing else pelvis_positions(timeline, i)
            out[:, i] |= np.linalg.norm(seat - saddle, axis=1) <= reach_m
    return out
