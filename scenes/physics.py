"""The physics bake: Bullet (``panda3d.bullet``, used purely as a physics library) run before rendering.

Dynamic bodies fall, bounce, roll and get pushed; static bodies and every other actor act as
colliders that follow their own baked animation (kinematic), so a rolling ball knocks dominoes over
and bounces down stairs. Colliders are only ever tested against dynamic bodies (collide masks), and a
frame in which every dynamic body is at rest and nothing moves within reach of one is not stepped.
The world steps at a fixed substep rate that is a whole multiple of the frame rate (at least 240 Hz)
and is sampled once per frame. New contacts become
:class:`~scenes.timeline.CollisionEvent`-shaped records (time, the two actors — ``"ground"`` for the
ground plane —, the impulse in N·s summed over the first few substeps of the contact, and where).

Bullet multiplies the two surfaces' friction and restitution; the ground uses 1.0 for both so a
body's own ``friction`` and ``restitution`` are what it gets against the ground. A fresh world is
built for every bake, so the same script gives the same trajectories, bit for bit.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from scenes.actions import ACTIONS
from scenes.catalog import asset, model
from scenes.motion import ActorTracks
from scenes.rig import hpr_matrix
from scenes.script import Actor, Kick, Punch, Push, ScriptError

MIN_SUBSTEP_RATE = 240  # Hz
KICK_LIFT = 0.3  # upward share of a kick's impulse direction (per unit forward)
CONTACT_WINDOW = 3  # substeps over which an impact's impulse is summed
MIN_EVENT_DV = 0.2  # m/s; an impact must change the lighter body's speed by this much to be an event
REARM_STEPS = 6  # a pair must be apart this many substeps before a new contact counts as a new event
REST_FRAMES = 30  # a body that has moved less than REST_M / REST_DEG over this many frames is at rest
REST_M = 0.002  # metres along any axis
REST_DEG = 0.5  # degrees of heading, pitch or roll
NEAR_M = 0.25  # metres; a collider this close to a dynamic body's bounding sphere follows its motion substep by substep


@dataclass(frozen=True)
class Contact:
    """One collision found by the bake (the timeline turns these into ``CollisionEvent``)."""

    time: float
    a: str
    b: str
    impulse: float
    position: tuple[float, float, float]


MAX_BODY_SUBSTEPS = 40_000_000  # dynamic bodies × substeps one bake may take (10 bodies, 10 min at 30 fps ≈ 14 M)
MAX_BAKE_S = 300.0  # wall seconds of one bake; a pile of touching bodies costs far more per substep
MAX_CONTACTS = 200_000  # recorded impacts; a pile rubbing every substep would fill memory with them
PILE_OVERLAP = 0.5  # bodies whose centres are closer than this share of their radii cannot be pulled apart


def check_bake_work(dynamic: list[Actor], frames: int, fps: int) -> None:
    """Refuse a bake that would take more than :data:`MAX_BODY_SUBSTEPS` (one located line)."""
    work = len(dynamic) * max(frames - 1, 0) * substeps_per_frame(fps)
    if work > MAX_BODY_SUBSTEPS:
        raise ScriptError(f"physics: {len(dynamic)} dynamic bodies over {frames} frames is {work:,} body-steps; at "
                          f"most {MAX_BODY_SUBSTEPS:,} are baked (use fewer dynamic bodies or a shorter video)")


def check_piles(actors: list[Actor], dynamic: list[Actor], tracks: dict[str, ActorTracks], times: np.ndarray) -> None:
    """Refuse dynamic bodies that start deep inside each other: the solver would throw them kilometres apart
    (or grind on the pile for hours) instead of separating them. Located at the first such pair."""
    if len(dynamic) < 2:
        return
    starts = np.array([np.searchsorted(times, a.physics.start - 1e-9) for a in dynamic]).clip(0, len(times) - 1)
    radius = np.array([0.5 * float(np.min(np.asarray(asset(a.asset).size) * np.asarray(a.scale))) for a in dynamic])
    index = {a.id: k for k, a in enumerate(actors)}
    for frame in np.unique(starts):
        new = np.flatnonzero(starts == frame)
        old = np.flatnonzero(starts <= frame)
        pos = np.array([tracks[dynamic[j].id].position[frame] for j in old])  # (M, 3)
        for k in new:
            here = tracks[dynamic[k].id].position[frame]
            gap = np.linalg.norm(pos - here, axis=1)
            deep = (gap < PILE_OVERLAP * (radius[old] + radius[k])) & (old != k) & ((starts[old] < frame) | (old < k))
            if deep.any():
                other = dynamic[old[int(np.argmax(deep))]]
                raise ScriptError(
                    f"actors[{index[dynamic[k].id]}].position: dynamic body {dynamic[k].id!r} starts inside "
                    f"{other.id!r} (actors[{index[other.id]}]; centres {float(gap[deep][0]):.2f} m apart); physics "
                    "cannot separate bodies that overlap this much: place them apart")


def substeps_per_frame(fps: int) -> int:
    """Physics substeps per video frame: the smallest whole number giving at least 240 Hz."""
    return max(1, math.ceil(MIN_SUBSTEP_RATE / fps))


def _shape_for(actor: Actor, choice: str):  # -> (BulletShape, centre of mass offset (3,))
    """A collision shape in the actor's base frame, scaled, and the offset of its centre (the body origin)."""
    from panda3d.bullet import (
        BulletBoxShape,
        BulletConvexHullShape,
        BulletCylinderShape,
        BulletSphereShape,
        ZUp,
    )
    from panda3d.core import Point3, Vec3

    spec = asset(actor.asset)
    s = np.asarray(actor.scale, dtype=np.float64)
    size = np.asarray(spec.size) * s
    centre = np.array([0.0, 0.0, size[2] / 2.0])
    if choice == "auto":
        choice = spec.traits.physics_shape
    if choice == "sphere":
        return BulletSphereShape(float(size[2] / 2.0)), centre
    if choice == "box":
        return BulletBoxShape(Vec3(*(size / 2.0))), centre
    if choice == "cylinder":
        return BulletCylinderShape(float(max(size[0], size[1]) / 2.0), float(size[2]), ZUp), centre
    # a convex hull per part, or of the whole asset for rigid props
    verts = model(actor.asset).rest_mesh().vertices.astype(np.float64) * s
    lo, hi = verts.min(axis=0), verts.max(axis=0)
    centre = (lo + hi) / 2.0
    pts = _hull_points(np.unique(np.round(verts - centre, 3), axis=0), 600)
    hull = BulletConvexHullShape()
    for p in pts:
        hull.add_point(Point3(*p))
    hull.set_margin(HULL_MARGIN)
    return hull, centre


HULL_MARGIN = 0.004  # metres; Bullet's default 4 cm left dropped things resting visibly above what they hit


def _hull_points(pts: np.ndarray, limit: int) -> np.ndarray:
    """At most ``limit`` points with the same convex hull as closely as can be: the extreme point in each of 256
    directions first (a stride alone drops corners and sinks the hull), then a stride of the rest."""
    if len(pts) <= limit:
        return pts
    k = np.arange(256) + 0.5
    z = 1 - 2 * k / 256
    r = np.sqrt(1 - z * z)
    phi = np.pi * (1 + 5 ** 0.5) * k
    dirs = np.stack([r * np.cos(phi), r * np.sin(phi), z], -1)
    extreme = np.unique(np.argmax(pts @ dirs.T, axis=0))
    rest = np.setdiff1d(np.arange(len(pts)), extreme)
    room = max(limit - len(extreme), 0)
    filler = rest[:: math.ceil(len(rest) / room)] if room and len(rest) else rest[:0]
    return pts[np.concatenate([extreme, filler])]


def _compound_of_parts(actor: Actor):  # -> (BulletShape, offset)
    """Static or kinematic props keep their concave outline: one convex hull per part (stairs stay stairs)."""
    from panda3d.bullet import BulletConvexHullShape
    from panda3d.core import Point3

    from scenes.rig import joint_matrices

    m = model(actor.asset)
    s = np.asarray(actor.scale, dtype=np.float64)
    mats = joint_matrices(m, np.zeros((1, len(m.joints), 3)), np.zeros((1, 3)))[0]
    shapes = []
    for part in m.parts:
        v = part.mesh.vertices.astype(np.float64) @ mats[part.joint, :3, :3].T + mats[part.joint, :3, 3]
        v = v * s
        pts = _hull_points(np.unique(np.round(v, 3), axis=0), 300)
        if len(pts) < 4 or (np.ptp(pts, axis=0).min() < 1e-4 and np.count_nonzero(np.ptp(pts, axis=0) > 1e-4) < 2):
            continue
        hull = BulletConvexHullShape()
        for p in pts:
            hull.add_point(Point3(*p))
        hull.set_margin(HULL_MARGIN)
        shapes.append(hull)
    return shapes


TERRAIN_SPAN = 10.0  # metres: a walkable prop at least this wide is ground to roll over (hills), not a ramp


def _terrain(actor: Actor) -> bool:
    """Whether a still prop's collider is its very surface: terrain (walkable and wide: hills) or a container,
    whose hollow a convex hull would fill (a ball rolled off a table into a bucket bounced off its lid)."""
    spec = asset(actor.asset)
    if spec.traits.container is not None and spec.kind == "prop":
        return True
    return bool(spec.traits.walkable) and float(max(np.asarray(spec.size[:2]) * np.asarray(actor.scale[:2]))) >= \
        TERRAIN_SPAN


def _terrain_shape(actor: Actor):  # -> BulletTriangleMeshShape
    """The prop's own triangles as a static collider (only ever met by dynamic convex bodies)."""
    from panda3d.bullet import BulletTriangleMesh, BulletTriangleMeshShape

    m = model(actor.asset)
    tri = BulletTriangleMesh()
    # a bucket's or a basket's handle arches over its mouth: what falls in passes the thin wire
    for part in m.parts if asset(actor.asset).traits.container is not None else ():
        if part.slot != "handle":
            _add_triangles(tri, part.mesh, actor.scale)
    if asset(actor.asset).traits.container is None:
        _add_triangles(tri, m.rest_mesh(), actor.scale)
    return BulletTriangleMeshShape(tri, dynamic=False)


def _add_triangles(tri, mesh, scale) -> None:
    from panda3d.core import Point3

    v = mesh.vertices.astype(np.float64) * np.asarray(scale, dtype=np.float64)
    for a, b, c in mesh.triangles:
        tri.add_triangle(Point3(*v[a]), Point3(*v[b]), Point3(*v[c]))


def _positions(paths: list) -> np.ndarray:
    """(N, 3) positions of node paths (read as floats: numpy converts Panda's vectors ten times slower)."""
    out: list[float] = []
    for path in paths:
        p = path.get_pos()
        out += (p[0], p[1], p[2])
    return np.array(out, dtype=np.float64).reshape(-1, 3)


def _quat_hpr(node) -> np.ndarray:
    h = node.get_transform().get_hpr()
    return np.array([h[0], h[1], h[2]])


def simulate(actors: list[Actor], tracks: dict[str, ActorTracks], times: np.ndarray, fps: int,
             seed: int, feet: dict[str, tuple[np.ndarray, float]] | None = None, until: int | None = None,
             ) -> tuple[dict[str, ActorTracks], list[Contact]]:
    """Bake every dynamic actor's motion; ``tracks`` holds the baked motion of the colliders (and the pre-start
    motion of the dynamic actors). ``feet`` maps a walking collider's id to its feet's world positions
    (F, L, 3) and their radius: each foot is a kinematic sphere, so a walking character can kick a ball.
    Returns the dynamic actors' new tracks and the contacts, in time order. With ``until``, only the first
    ``until`` frames are baked (the solver's trials); later frames keep the bodies' motion before the bake.

    The last bake is kept suspended: a bake of the same actors whose motion inputs agree with it frame for
    frame over the frames it baked (the solver's trial up to its horizon, then the whole video) resumes it
    instead of baking those frames again. Bullet is stepped exactly as in one uninterrupted bake, so the
    result is the same, bit for bit."""
    del seed  # Bullet's solver is deterministic; nothing random is drawn here
    n = len(times)
    dynamic = [a for a in actors if a.physics is not None and a.physics.body == "dynamic"]
    check_bake_work(dynamic, n, fps)
    check_piles(actors, [a for a in dynamic if a.id in tracks], tracks, times)
    stop = n if until is None else max(1, min(until, n))
    scene = _scene_digest(actors, tracks, fps, feet)
    bake = _SUSPENDED.pop(scene, None)
    _SUSPENDED.clear()  # one suspended bake at most: memory stays that of one bake
    if bake is None or bake.frames > stop or bake.prefix != _motion_digest(tracks, times, feet, bake.frames):
        bake = _new_bake(actors, dynamic, tracks, fps, feet)
    for a in dynamic:  # frames not baked yet hold the pre-start motion, as in a fresh bake
        old = bake.out.get(a.id)
        fresh = ActorTracks(tracks[a.id].position.copy(), tracks[a.id].hpr.copy(), tracks[a.id].scale.copy())
        if old is not None:
            fresh.position[:bake.frames], fresh.hpr[:bake.frames] = old.position[:bake.frames], old.hpr[:bake.frames]
        bake.out[a.id] = fresh
    _run_frames(bake, actors, tracks, times, fps, feet or {}, stop)
    bake.prefix = _motion_digest(tracks, times, feet, bake.frames)
    _SUSPENDED[scene] = bake
    result = {aid: ActorTracks(t.position.copy(), t.hpr.copy(), t.scale.copy()) for aid, t in bake.out.items()}
    return result, sorted(bake.contacts, key=lambda c: (c.time, c.a, c.b))


@dataclass
class _Bake:
    """A bake in progress: the Bullet world and everything its frame loop carries from one frame to the next."""

    world: object  # BulletWorld
    root: object  # NodePath holding every body
    bodies: dict[str, tuple]  # id -> (node, centre-of-mass offset (3,), actor, node path)
    feet: list[tuple[str, int, object]]  # (walking actor's id, leg, kinematic sphere's node path)
    dynamic: list[Actor]
    out: dict[str, ActorTracks]  # dynamic actors' tracks, baked up to ``frames``
    started: dict[str, bool]
    pushes: list[tuple[float, str, object]]  # (time, pusher, action) not applied yet, in time order
    pending: dict = field(default_factory=dict)  # pair -> open contact window (see _collect)
    last_touch: dict = field(default_factory=dict)
    contacts: list[Contact] = field(default_factory=list)  # in the order found
    frames: int = 1  # frames baked so far (frame 0 is the start pose)
    step: int = 0  # substeps taken
    stepped: int = 0  # of them, the ones Bullet was run for (the others had the world at rest)
    fractions: np.ndarray = field(default_factory=lambda: np.zeros((0, 1)))  # (k, 1): each substep's share of a frame
    last_centres: np.ndarray | None = None  # the dynamic bodies' centres at the last frame sampled
    anchor: np.ndarray | None = None  # (D, 6): each dynamic body's pose when it last moved (see _note_motion)
    moved_at: np.ndarray | None = None  # (D,): the frame it did
    placed: np.ndarray | None = None  # (M, 6): the pose (x, y, z, h, p, r) each kinematic collider was last put at
    prefix: str = ""  # digest of the motion inputs over ``frames``
    drives: list = field(default_factory=list)  # steady pushes under way: (end time, pusher, target, offset (3,))


_SUSPENDED: dict[str, _Bake] = {}  # the last bake, by its scene digest (see simulate)


def forget_bake() -> None:
    """Drop the suspended bake: the next one starts from scratch."""
    _SUSPENDED.clear()


def _scene_digest(actors: list[Actor], tracks: dict[str, ActorTracks], fps: int,
                  feet: dict[str, tuple[np.ndarray, float]] | None) -> str:
    """What a bake can never resume across: every actor's script, which of them collide, the frame rate,
    the walking colliders and their feet's radius."""
    h = hashlib.sha256(f"{fps}|{sorted(tracks)}|{[(k, r) for k, (_p, r) in sorted((feet or {}).items())]}".encode())
    for a in actors:
        h.update(a.model_dump_json().encode())
    return h.hexdigest()


def _motion_digest(tracks: dict[str, ActorTracks], times: np.ndarray, feet: dict[str, tuple[np.ndarray, float]]
                   | None, frames: int) -> str:
    """Digest of the motion inputs over the first ``frames`` frames (what the frame loop reads up to there)."""
    h = hashlib.sha256(np.ascontiguousarray(times[:frames]).tobytes())
    for aid in sorted(tracks):
        for values in (tracks[aid].position, tracks[aid].hpr, tracks[aid].scale):
            h.update(np.ascontiguousarray(values[:frames]).tobytes())
    for aid in sorted(feet or {}):
        h.update(np.ascontiguousarray(feet[aid][0][:frames]).tobytes())
    return h.hexdigest()


ROLLING_DAMPING = 0.25  # Bullet's linear damping of round bodies: speed × (1 - d) each second


def _new_bake(actors: list[Actor], dynamic: list[Actor], tracks: dict[str, ActorTracks], fps: int,
              feet: dict[str, tuple[np.ndarray, float]] | None) -> _Bake:
    """A fresh world with the ground, every collider and dynamic body at frame 0 and the feet of walkers."""
    from panda3d.bullet import BulletPlaneShape, BulletRigidBodyNode, BulletSphereShape, BulletWorld
    from panda3d.core import NodePath, TransformState, Vec3

    world = BulletWorld()
    world.set_gravity(Vec3(0, 0, -9.81))
    root = NodePath("physics")
    masks = _collider_masks()
    ground = BulletRigidBodyNode("ground")
    ground.add_shape(BulletPlaneShape(Vec3(0, 0, 1), 0))
    ground.set_friction(1.0)
    ground.set_restitution(1.0)
    ground.set_into_collide_mask(next(masks))
    world.attach_rigid_body(ground)
    root.attach_new_node(ground)
    bodies: dict[str, tuple] = {}  # id -> (node, com offset, actor, node path)
    for a in actors:
        if a.id not in tracks:
            continue  # actors whose motion depends on a dynamic body are baked afterwards, not colliders
        if asset(a.asset).traits.water is not None and (a.physics is None or a.physics.body != "dynamic"):
            continue  # water is no solid: a stone thrown in sinks to the bed
        phys = a.physics
        is_dynamic = phys is not None and phys.body == "dynamic"
        node = BulletRigidBodyNode(a.id)
        if is_dynamic:
            shape, com = _shape_for(a, phys.shape)
            node.add_shape(shape)
            node.set_mass(phys.mass)
            size = float(np.min(np.asarray(asset(a.asset).size) * np.asarray(a.scale)))
            node.set_ccd_motion_threshold(size * 0.25)
            node.set_ccd_swept_sphere_radius(size * 0.4)
            if asset(a.asset).traits.round:
                node.set_linear_damping(ROLLING_DAMPING)  # stands in for rolling resistance, so balls come to rest
                node.set_angular_damping(0.25)
            else:
                node.set_angular_damping(0.05)
        else:
            com = np.zeros(3)
            if asset(a.asset).rig:
                from panda3d.bullet import BulletCapsuleShape, ZUp

                size = np.asarray(asset(a.asset).size) * np.asarray(a.scale)
                radius = float(min(size[0], size[1]) / 2.0)
                # lifted 2 cm so a walking body does not rub on the ground plane every substep
                node.add_shape(BulletCapsuleShape(radius, float(max(size[2] - 2 * radius - 0.02, 0.01)), ZUp),
                               TransformState.make_pos(Vec3(0, 0, float(size[2] / 2.0 + 0.01))))
            moves = (phys is not None and phys.body == "kinematic") or np.ptp(tracks[a.id].position, axis=0).max() > 0 \
                or np.ptp(tracks[a.id].hpr, axis=0).max() > 0
            if not asset(a.asset).rig and not moves and _terrain(a):
                node.add_shape(_terrain_shape(a))  # a hill keeps its hollows: a convex hull would bridge them
            elif not asset(a.asset).rig:
                for hull in _compound_of_parts(a):
                    node.add_shape(hull)
            if phys is None or moves:
                node.set_kinematic(True)
        if not is_dynamic:
            node.set_into_collide_mask(next(masks))
        if phys is not None:
            node.set_friction(phys.friction)
            node.set_restitution(phys.restitution)
        else:
            node.set_friction(0.6)
            node.set_restitution(0.3)
        np_ = root.attach_new_node(node)
        world.attach_rigid_body(node)
        bodies[a.id] = (node, com, a, np_)
    for aid in bodies:
        _place(bodies[aid], *_pose_at(tracks[aid], 0, 0.0))
    holders = []
    for aid, (paths, radius) in (feet or {}).items():
        for leg in range(paths.shape[1]):
            foot = BulletRigidBodyNode(aid)  # named after the actor, so a kick is a collision with it
            foot.add_shape(BulletSphereShape(radius))
            foot.set_kinematic(True)
            foot.set_friction(0.8)
            foot.set_restitution(0.3)
            foot.set_into_collide_mask(next(masks))
            world.attach_rigid_body(foot)
            holder = root.attach_new_node(foot)
            holder.set_pos(*paths[0, leg])
            holders.append((aid, leg, holder))
    return _Bake(world, root, bodies, holders, dynamic, {}, {a.id: False for a in dynamic}, _pushes(actors))


def _collider_masks() -> Iterator[object]:
    """Collide masks for the bodies that never move by physics (the ground, props, people, feet): one bit each, in
    turn, so no two of them are tested against each other (Bullet would find the table standing on the ground and
    the cups on the table every substep, for nothing) while dynamic bodies, with every bit, meet them all. Past 32
    colliders bits are shared: a few such pairs are tested again, which costs time, not results."""
    from panda3d.core import BitMask32

    for k in itertools.count():
        yield BitMask32.bit(k % 32)


def _pushes(actors: list[Actor]) -> list[tuple[float, str, object]]:
    """Every push, and every kick or punch with a target, at the time it lands, in time order."""
    pushes = []
    for a in actors:
        for act in a.actions:
            if isinstance(act, Push):
                pushes.append((act.start, a.id, act))
            elif isinstance(act, Kick | Punch) and act.target is not None:
                # the strike lands when the foot or fist meets the target: the registry's contact time
                pushes.append((act.start + ACTIONS[act.type].physics.contact.time, a.id, act))
    pushes.sort(key=lambda p: p[0])
    return pushes


def _place(body: tuple, pos: np.ndarray, hpr: np.ndarray) -> None:
    """Put a body's node where the actor's base is at ``pos``, turned by ``hpr`` (its origin is the centre)."""
    _node, com, _a, np_ = body
    centre = pos + hpr_matrix(hpr) @ com
    np_.set_pos_hpr(float(centre[0]), float(centre[1]), float(centre[2]), float(hpr[0]), float(hpr[1]),
                    float(hpr[2]))


def _pose_at(track: ActorTracks, i: int, u: float) -> tuple[np.ndarray, np.ndarray]:
    """The track's pose a share ``u`` of the way from frame ``i`` to the next."""
    j = min(i + 1, len(track.position) - 1)
    return track.position[i] * (1 - u) + track.position[j] * u, track.hpr[i] * (1 - u) + track.hpr[j] * u


@dataclass(frozen=True)
class _Colliders:
    """The kinematic colliders (moving props, people, animals, walkers' feet) over the whole bake: their node
    paths, poses (M, F, 3) + (M, F, 3), and the bounding sphere of each one's shapes at every frame: centres
    (M, F, 3), radii (M,) and how far a point of it can travel from one frame to the next (M, F)."""

    paths: list
    position: np.ndarray
    hpr: np.ndarray
    centre: np.ndarray
    radius: np.ndarray
    sweep: np.ndarray

    @cached_property
    def pose(self) -> np.ndarray:
        """(M, F, 6): position and turn at every frame."""
        return np.concatenate([self.position, self.hpr], axis=2)

    @cached_property
    def still(self) -> np.ndarray:
        """(M, F): the collider keeps its pose, bit for bit, from this frame to the next."""
        same = (self.pose[:, 1:] == self.pose[:, :-1]).all(axis=2)
        return np.concatenate([same, np.ones((len(self.paths), 1), dtype=bool)], axis=1)


def _colliders(bake: _Bake, tracks: dict[str, ActorTracks], feet: dict[str, tuple[np.ndarray, float]],
               n: int) -> _Colliders:
    """Every kinematic collider of the bake, with its bounding sphere along its motion."""
    paths, positions, hprs, offsets, radii = [], [], [], [], []
    for aid, (node, _com, a, np_) in bake.bodies.items():
        if node.is_kinematic() and (a.physics is None or a.physics.body != "dynamic"):
            bounds = node.get_shape_bounds()
            paths.append(np_)
            positions.append(tracks[aid].position)
            hprs.append(tracks[aid].hpr)
            offsets.append(np.array(bounds.get_center(), dtype=np.float64))
            radii.append(float(bounds.get_radius()))
    for aid, leg, holder in bake.feet:
        paths.append(holder)
        positions.append(feet[aid][0][:, leg])
        hprs.append(np.zeros((n, 3)))
        offsets.append(np.zeros(3))
        radii.append(float(holder.node().get_shape_bounds().get_radius()))
    if not paths:
        empty = np.zeros((0, n, 3))
        return _Colliders([], empty, empty, empty, np.zeros(0), np.zeros((0, n)))
    position, hpr = np.stack(positions), np.stack(hprs)
    turned = hpr_matrix(hpr.reshape(-1, 3)).reshape(len(paths), n, 3, 3)
    centre = position + np.einsum("mfij,mj->mfi", turned, np.stack(offsets))
    radius = np.array(radii)
    # a point of the sphere moves at most as far as the centre plus the radius times the turn (radians)
    step = np.linalg.norm(np.diff(centre, axis=1), axis=2) + radius[:, None] * np.radians(
        np.abs(np.diff(hpr, axis=1)).sum(axis=2))
    return _Colliders(paths, position, hpr, centre, radius, np.concatenate([step, np.zeros((len(paths), 1))], 1))


def _run_frames(bake: _Bake, actors: list[Actor], tracks: dict[str, ActorTracks], times: np.ndarray, fps: int,
                feet: dict[str, tuple[np.ndarray, float]], stop: int) -> None:
    """Step the world from the last baked frame to frame ``stop`` (exclusive), sampling the dynamic bodies
    once a frame."""
    from panda3d.core import Vec3

    world, bodies, out, started, pushes = bake.world, bake.bodies, bake.out, bake.started, bake.pushes
    dynamic = bake.dynamic
    k = substeps_per_frame(fps)
    dt = 1.0 / (fps * k)
    n = len(times)
    deadline = time.monotonic() + MAX_BAKE_S
    movers = _colliders(bake, tracks, feet, n)
    # a dynamic body's shape is centred on its node: its bounding sphere is the node's position and this radius
    reach = np.array([float(bodies[a.id][0].get_shape_bounds().get_radius()) for a in dynamic])
    dynamic_ids = frozenset(a.id for a in dynamic)
    masses = {a.id: a.physics.mass for a in dynamic}
    names = {path.node(): path.get_name() for path in bake.root.get_children()}
    bake.fractions = np.arange(k)[:, None] / k
    if bake.placed is None:  # a fresh bake put every collider at frame 0
        bake.placed = movers.pose[:, 0].copy()
    for i in range(bake.frames - 1, stop - 1):
        if time.monotonic() > deadline or len(bake.contacts) > MAX_CONTACTS:
            what = (f"took over {MAX_BAKE_S:g} s" if len(bake.contacts) <= MAX_CONTACTS
                    else f"made over {MAX_CONTACTS:,} contacts")
            raise ScriptError(f"physics: the bake {what} by {times[i]:.1f} s of the video ({len(dynamic)} dynamic "
                              "bodies); use fewer touching bodies or a shorter video")
        j = min(i + 1, n - 1)
        placing, busy = _collider_poses(bake, movers, reach, i, j)
        bake.frames = i + 2
        resting = all(started.values()) and all(
            not bodies[a.id][0].is_active() or i - bake.moved_at[d] >= REST_FRAMES for d, a in enumerate(dynamic))
        if resting and not busy and not bake.drives and not (pushes and pushes[0][0] <= times[i + 1]):
            # nothing can change while every body sleeps and nothing moves near one: skip Bullet, keep the poses
            for np_, poses in placing:
                np_.set_pos_hpr(*poses[0])
            for a in dynamic:
                out[a.id].position[i + 1] = out[a.id].position[i]
                out[a.id].hpr[i + 1] = out[a.id].hpr[i]
            bake.step += k
            continue
        waiting = [d for d in dynamic_ids if not started[d]]
        for sub in range(k):
            t = times[i] + sub * dt
            u = sub / k
            for aid in waiting:
                if started[aid]:
                    continue
                node, _com, a, _np = bodies[aid]
                phys = a.physics
                if t + 1e-9 >= phys.start:
                    started[aid] = True
                    node.set_active(True)
                    node.set_linear_velocity(Vec3(*phys.velocity))
                    node.set_angular_velocity(Vec3(*np.radians(phys.angular_velocity)))
                else:
                    _place(bodies[aid], *_pose_at(tracks[aid], i, u))
                    node.set_linear_velocity(Vec3(0, 0, 0))
                    node.set_angular_velocity(Vec3(0, 0, 0))
            for np_, poses in placing:
                if sub < len(poses):
                    np_.set_pos_hpr(*poses[sub])
            while pushes and pushes[0][0] <= t + 1e-9:
                _apply_push(bake, actors, tracks, i, *pushes.pop(0)[1:])
            if bake.drives:
                _drive(bake, tracks, times, i, u, t)
            world.do_physics(dt, 1, dt)
            bake.step += 1
            bake.stepped += 1
            _collect(world, bake.step, times[i] + (sub + 1) * dt, bake.pending, bake.last_touch, bake.contacts,
                     dynamic_ids, masses, names)
        live = [bodies[a.id] for a in dynamic if started[a.id]]
        if live:  # one rotation per body, all at once: the base is the centre less the turned offset
            hprs = np.array([_quat_hpr(np_) for _node, _com, _a, np_ in live])
            centres = _positions([np_ for _node, _com, _a, np_ in live])
            offsets = np.array([com for _node, com, _a, _np in live])
            bases = centres - (hpr_matrix(hprs) @ offsets[:, :, None])[:, :, 0]
            for (_node, _com, a, _np), base, hpr in zip(live, bases, hprs, strict=True):
                out[a.id].position[i + 1] = base
                out[a.id].hpr[i + 1] = hpr
        _note_motion(bake, i + 1)


def _note_motion(bake: _Bake, frame: int) -> None:
    """Remember the last frame each dynamic body moved from where it had come to rest by more than
    :data:`REST_M` or :data:`REST_DEG` (a body waiting to start moves with its track)."""
    pose = np.array([np.concatenate([bake.out[a.id].position[frame], bake.out[a.id].hpr[frame]])
                     for a in bake.dynamic]).reshape(-1, 6)
    if bake.anchor is None:
        bake.anchor, bake.moved_at = pose, np.full(len(pose), frame)
    waiting = np.array([not bake.started[a.id] for a in bake.dynamic], dtype=bool)
    moved = ((np.abs(pose[:, :3] - bake.anchor[:, :3]) > REST_M).any(axis=1)
             | (np.abs(pose[:, 3:] - bake.anchor[:, 3:]) > REST_DEG).any(axis=1) | waiting)
    bake.anchor[moved] = pose[moved]
    bake.moved_at[moved] = frame


def _collider_poses(bake: _Bake, movers: _Colliders, reach: np.ndarray, i: int, j: int,
                    ) -> tuple[list[tuple], bool]:
    """Where to put the kinematic colliders over frame ``i``'s substeps: ``(node path, poses)`` for each one that
    is not where it should be (a pose per substep, or one pose for the whole frame), and whether any of them
    matters to a dynamic body this frame (it moves or is put somewhere within reach of one).

    A collider whose bounding sphere comes within :data:`NEAR_M` of a dynamic body's (``reach``: their radii),
    counting how far both can travel this frame, follows its motion substep by substep; every other one is put
    at its pose once a frame, so none is left behind where it was (a ball rolling there later would hit a ghost),
    and one that stands still is not touched at all."""
    dynamic = bake.dynamic
    nodes = [bake.bodies[a.id][3] for a in dynamic]
    centres = _positions(nodes)
    if bake.last_centres is None or len(bake.last_centres) != len(centres):
        bake.last_centres = centres
    step = centres - bake.last_centres
    travel = 2.0 * np.sqrt((step * step).sum(axis=1))  # a fast body reaches further this frame
    bake.last_centres = centres
    apart = movers.centre[:, i, None, :] - centres[None]
    gaps = (np.sqrt((apart * apart).sum(axis=2)) - reach[None] - travel[None]
            - movers.radius[:, None] - movers.sweep[:, i, None])  # (M, D)
    close = gaps.min(axis=1, initial=np.inf) < NEAR_M
    moving = close & ~movers.still[:, i]
    pose = movers.pose[:, i]
    moved = (bake.placed != pose).any(axis=1)
    todo = np.flatnonzero(moving | moved)  # only colliders that move near a body or are not where they belong
    # each one's pose at every substep, as plain floats (x, y, z, h, p, r); one pose for a frame if it is far
    steps = pose[todo, None] * (1 - bake.fractions) + movers.pose[todo, j, None] * bake.fractions  # (S, k, 6)
    placing = [(movers.paths[m], steps[s].tolist() if moving[m] else [pose[m].tolist()]) for s, m in enumerate(todo)]
    bake.placed[todo] = np.where(moving[todo, None], steps[:, -1], pose[todo])
    busy = bool(moving.any() or (moved & close).any())
    return placing, busy


def _apply_push(bake: _Bake, actors: list[Actor], tracks: dict[str, ActorTracks], i: int, pusher: str,
                act: Push | Kick | Punch) -> None:
    """Give the pushed body its impulse: the action's own, or its strength along the line from the pusher."""
    from panda3d.core import Vec3

    target = act.target or pusher
    node = bake.bodies[target][0]
    if isinstance(act, Push) and act.end is not None and act.impulse is None and target != pusher \
            and pusher in tracks:  # a steady push: hands on it until the end, it goes where the pusher walks
        offset = np.array(bake.bodies[target][3].get_pos()) - tracks[pusher].position[i]
        bake.drives.append((act.end, pusher, target, np.array([offset[0], offset[1], 0.0])))
        _hand_contact(bake, act.start, pusher, tracks[pusher].position[i], target)
        return
    if act.impulse is not None:
        impulse = np.asarray(act.impulse, dtype=np.float64)
    else:
        # pushers that follow a dynamic body are not colliders: use their position before the bake
        here = tracks[pusher].position[i] if pusher in tracks else np.asarray(
            next(a for a in actors if a.id == pusher).position)
        gap = np.array(bake.bodies[target][3].get_pos()) - here
        d = np.array([gap[0], gap[1], 0.0])
        if target == pusher or float(np.linalg.norm(d)) < 1e-6:  # a push of its own: straight ahead
            h = np.radians(float(bake.bodies[target][3].get_h()))
            d = np.array([-np.sin(h), np.cos(h), 0.0])
        d = d / max(float(np.linalg.norm(d)), 1e-9)
        if isinstance(act, Kick):
            d = d + np.array([0.0, 0.0, KICK_LIFT])  # a kick from below lifts the ball a little
        impulse = act.strength * d / max(float(np.linalg.norm(d)), 1e-9)
    node.set_active(True)
    node.apply_central_impulse(Vec3(*impulse))
    if bake.moved_at is not None:  # it moves from now on, even if this frame's last substeps barely carry it
        d = next((k for k, a in enumerate(bake.dynamic) if a.id == target), None)
        if d is not None:
            bake.moved_at[d] = i + 1





DRIVE_GAIN = 8.0  # 1/s: how quickly a steadily pushed body closes on where the pusher's hands hold it
DRIVE_CATCH_UP = 1.0  # m/s at most on top of the pusher's own speed (a wall in the way is not shoved through)


def _drive(bake: _Bake, tracks: dict[str, ActorTracks], times: np.ndarray, i: int, u: float, t: float) -> None:
    """Steady pushes under way: each pushed body moves with its pusher, kept where the pusher's hands hold it
    (its horizontal velocity is set to the pusher's, plus a bounded correction) and held upright; the
    contacts still act, so what is in its way stops it. A push past its end lets go."""
    from panda3d.core import Vec3

    for drive in list(bake.drives):
        end, pusher, target, offset = drive
        node, _com, _a, np_ = bake.bodies[target]
        if t > end + 1e-9:
            bake.drives.remove(drive)
            continue
        track = tracks[pusher]
        j = min(i + 1, len(times) - 1)
        here = _pose_at(track, i, u)[0]
        speed = (track.position[j] - track.position[i]) / max(float(times[j] - times[i]), 1e-9) if j > i else 0 * here
        gap = here + offset - np.array(np_.get_pos())
        fix = gap[:2] * DRIVE_GAIN
        norm = float(np.linalg.norm(fix))
        if norm > DRIVE_CATCH_UP:
            fix = fix * DRIVE_CATCH_UP / norm
        v = node.get_linear_velocity()
        node.set_active(True)
        node.set_linear_velocity(Vec3(float(speed[0] + fix[0]), float(speed[1] + fix[1]), float(v[2])))
        node.set_angular_velocity(Vec3(0, 0, 0))
        d = next(k for k, a in enumerate(bake.dynamic) if a.id == target)
        if bake.moved_at is not None:
            bake.moved_at[d] = i + 1


HAND_HEIGHT = 1.0  # m: where a pusher's hands meet what it pushes (for the contact's position)


def _hand_contact(bake: _Bake, t: float, pusher: str, here: np.ndarray, target: str) -> None:
    """A steady push begins with the pusher's hands on the target: a contact between them."""
    there = np.array(bake.bodies[target][3].get_pos())
    p = (here + there) / 2
    mass = float(bake.bodies[target][0].get_mass())
    bake.contacts.append(Contact(float(t), *sorted((pusher, target)), mass * 0.5,
                                 (float(p[0]), float(p[1]), float(min(HAND_HEIGHT, there[2] * 2)))))


def _collect(world, step: int, t: float, pending: dict, last_touch: dict, contacts: list,
             dynamic: frozenset[str], masses: dict[str, float], names: dict) -> None:
    """Turn the manifolds of one substep into contacts: a pair that starts touching opens a window of
    ``CONTACT_WINDOW`` substeps whose impulses are summed into one event. ``names`` maps the bake's nodes to
    their names (a lookup by node is several times cheaper than asking the node)."""
    touching = set()
    for manifold in world.get_manifolds():
        if not manifold.get_num_manifold_points():
            continue
        node0, node1 = manifold.get_node0(), manifold.get_node1()
        a, b = names.get(node0) or node0.get_name(), names.get(node1) or node1.get_name()
        if a not in dynamic and b not in dynamic:
            continue
        pair = (a, b) if b == "ground" or (a != "ground" and a <= b) else (b, a)  # the ground last, else by name
        touching.add(pair)
        window = pending.get(pair)
        if window is None and step - last_touch.get(pair, -10**9) > REARM_STEPS:
            p = manifold.get_manifold_point(0).get_position_world_on_b()
            window = pending[pair] = [step, 0.0, (float(p[0]), float(p[1]), float(p[2])), t]
        if window is not None:  # only an open window needs the impulses (a resting contact is not read)
            window[1] += sum(mp.get_applied_impulse() for mp in manifold.get_manifold_points())
        last_touch[pair] = step
    for pair in [p for p in pending if step - pending[p][0] + 1 >= CONTACT_WINDOW or p not in touching]:
        _first, impulse, pos, t0 = pending.pop(pair)
        if impulse >= MIN_EVENT_DV * min(masses.get(x, np.inf) for x in pair):
            contacts.append(Contact(t0, pair[0], pair[1], float(impulse), pos))
