"""Compile a scene script into a timeline: every actor's and the camera's pose at every frame.

The timeline is baked once (motion, and later physics and animation), is deterministic for a
script and seed, and gives random access to any frame, so a render can start anywhere and chunks can
run in parallel. Poses are small numpy arrays; the video itself is never held in memory.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from scenes import hold
from scenes.actions import ACTIONS
from scenes.animation import (
    FootMetrics,
    JointPose,
    PoseTrack,
    character_poses,
    effector_positions,
    foot_metrics,
)
from scenes.birds import bird_poses, is_bird
from scenes.camera import Subject, camera_tracks, framing_distance
from scenes.catalog import asset, is_model_path, model
from scenes.intents import Place
from scenes.motion import ActorTracks, actor_tracks, bounce_landings
from scenes.script import (
    WORLD_EXTENT,
    Actor,
    Kick,
    LookAt,
    Physics,
    Punch,
    Push,
    SceneScript,
    ScriptError,
    StaticShot,
    Target,
)
from scenes.world import SunState, World, resolve_world

__all__ = ["CameraState", "CollisionEvent", "FootContact", "FrameState", "JointPose", "PoseTrack", "SunState",
           "Timeline", "compile_script"]


@dataclass(frozen=True, slots=True)
class CameraState:
    """Camera pose for one frame: position (3,), heading/pitch/roll (3,) and horizontal fov in degrees."""

    position: np.ndarray
    hpr: np.ndarray
    fov: float
    shot: int


@dataclass(frozen=True, slots=True)
class FrameState:
    """Everything an engine needs to draw one frame, actors in script order."""

    index: int
    time: float
    positions: np.ndarray  # (N, 3) metres
    hpr: np.ndarray  # (N, 3) degrees
    scales: np.ndarray  # (N, 3)
    visible: np.ndarray  # (N,) bool
    camera: CameraState
    poses: dict[str, JointPose] = field(default_factory=dict)  # articulated actors by id: joint rotations


@dataclass(frozen=True, slots=True)
class CollisionEvent:
    """Two bodies touching with an impulse (N·s) at ``time``; ``b`` is ``"ground"`` for the ground plane."""

    time: float
    frame: int
    a: str
    b: str
    impulse: float
    position: tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class FootContact:
    """A foot (or paw) of a character touching down at ``time`` (for footstep sounds and foot-slide checks)."""

    time: float
    frame: int
    actor: str
    foot: str
    position: tuple[float, float, float]


@dataclass(frozen=True)
class Timeline:
    """A compiled script: per-frame arrays, indexed ``[frame, actor, xyz]``."""

    script: SceneScript
    times: np.ndarray  # (F,)
    positions: np.ndarray  # (F, N, 3)
    hpr: np.ndarray  # (F, N, 3)
    scales: np.ndarray  # (F, N, 3)
    visible: np.ndarray  # (F, N)
    camera_position: np.ndarray  # (F, 3)
    camera_hpr: np.ndarray  # (F, 3)
    camera_fov: np.ndarray  # (F,)
    shot_index: np.ndarray  # (F,)
    sun: SunState  # the same as world.sun
    bounds_centre: np.ndarray = field(repr=False)  # a sphere holding every actor at every frame
    bounds_radius: float = 0.0
    collisions: tuple[CollisionEvent, ...] = ()  # from the physics bake, in time order
    footsteps: tuple[FootContact, ...] = ()  # from character gaits, in time order
    poses: dict[str, PoseTrack] = field(default_factory=dict)  # articulated actors by id: (F, J, 3) rotations
    warnings: tuple[str, ...] = ()  # requests that were clamped, each naming its field
    spins: dict[str, PoseTrack] = field(default_factory=dict)  # rigid props' turning wheels and rotors, by id
    sway: dict[str, PoseTrack] = field(default_factory=dict)  # trees' crowns bent by the wind, by id (scenes/wind.py)
    world: World | None = field(default=None, repr=False)  # sky, sun, fog, lamps, weather, wind (scenes/world.py)

    def __len__(self) -> int:
        return len(self.times)

    @property
    def actors(self) -> list[Actor]:
        """The actors, in the order of the per-frame arrays."""
        return self.script.actors

    def foot_metrics(self, actor_id: str) -> FootMetrics:
        """Foot slide per step and planted-sole height of a person or animal, measured on the baked poses."""
        i = next(k for k, a in enumerate(self.actors) if a.id == actor_id)
        return foot_metrics(self.actors[i], self.positions[:, i], self.hpr[:, i], self.scales[:, i],
                            self.poses[actor_id], self.positions[:, i, 2])

    def own_camera(self, state: FrameState) -> bool:
        """Whether ``state`` is filmed by its frame's own camera (not another shot's, as in a crossfade)."""
        i = state.index
        return bool(0 <= i < len(self.times) and np.array_equal(state.camera.position, self.camera_position[i])
                    and np.array_equal(state.camera.hpr, self.camera_hpr[i]))

    def frame(self, index: int) -> FrameState:
        """The state of frame ``index`` (0-based; negative counts from the end)."""
        n = len(self.times)
        if not -n <= index < n:
            raise IndexError(f"frame {index} is outside 0..{n - 1}")
        i = index % n
        return FrameState(
            index=i,
            time=float(self.times[i]),
            positions=self.positions[i],
            hpr=self.hpr[i],
            scales=self.scales[i],
            visible=self.visible[i],
            camera=CameraState(
                self.camera_position[i], self.camera_hpr[i], float(self.camera_fov[i]), int(self.shot_index[i])
            ),
            poses={**{aid: track.at(i) for aid, track in self.spins.items()},
                   **{aid: track.at(i) for aid, track in self.sway.items()},
                   **{aid: track.at(i) for aid, track in self.poses.items()}},
        )


_POSED: dict[str, tuple[str, tuple[PoseTrack, list], list[tuple[object, str]]]] = {}
"""The last poses of each actor (by id and seed): what they were posed from, the poses and footfalls, and what
they read through ``lookup`` (each reference with a digest of the positions it gave)."""


def _posed(actor: Actor, track: ActorTracks, times: np.ndarray, duration: float,
           lookup: Callable[[object], np.ndarray], by_id: dict[str, Actor], seed: int = 0,
           held: dict | None = None) -> tuple[PoseTrack, list]:
    """:func:`~scenes.animation.character_poses`, or what it gave last time for the same actor posed from the same
    inputs: its script, every actor's, its root motion, and the same positions for every reference it looked up
    (asked again, in the same order). The solver's trial and the final compile of the script it passed pose the
    walkers alike: the second takes the first's. Holders are always posed afresh."""
    if held:
        return character_poses(actor, track, times, duration, lookup, by_id, seed, held)
    h = hashlib.sha256(f"{duration!r}|{len(times)}".encode())
    for values in (times, track.position, track.hpr, track.scale):
        h.update(np.ascontiguousarray(values).tobytes())
    for a in by_id.values():
        h.update(a.model_dump_json().encode())
    key, slot = h.hexdigest(), f"{actor.id}|{seed}"
    kept = _POSED.get(slot)
    if kept is not None and kept[0] == key and all(_positions_digest(lookup(ref)) == d for ref, d in kept[2]):
        return kept[1]
    reads: list[tuple[object, str]] = []

    def recording(ref: object) -> np.ndarray:
        value = lookup(ref)
        reads.append((ref, _positions_digest(value)))
        return value

    result = character_poses(actor, track, times, duration, recording, by_id, seed, held)
    _POSED[slot] = (key, result, reads)
    return result


def _positions_digest(values: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(values).tobytes()).hexdigest()


def forget_last_compile() -> None:
    """Drop what a compile keeps for the next one (the suspended physics bake, the last poses): the next compile
    starts from nothing, as a cold plan does (the plan bench's rounds)."""
    from scenes.physics import forget_bake

    forget_bake()
    _POSED.clear()


def actor_half_extent(actor: Actor, scale: np.ndarray | None = None) -> np.ndarray:
    """Half the actor's bounding-box size (3,) at its rest scale or the given one."""
    s = np.asarray(actor.scale if scale is None else scale, dtype=np.float64)
    return np.asarray(asset(actor.asset).size) * s / 2.0


def compile_script(script: SceneScript, bake_frames: int | None = None, with_poses: bool = True) -> Timeline:
    """Bake a validated script into a :class:`Timeline`. Raises :class:`ScriptError` on impossible requests.
    ``bake_frames`` stops the physics bake after that many frames (the solver's trials judge only the start);
    without ``with_poses`` the joints of people and animals are left out unless a rider or a held prop goes where
    they put it (the solver's trials read where things go, not how limbs turn).

    A script with intents is solved first (``scenes.solve``): the timeline holds the solved script.
    Order: every actor's root motion (keyframes, then actions; actors that refer to others are baked
    after them), then the physics bake for dynamic bodies with everything else as colliders, then joint
    poses for people and animals, then the camera. Requests beyond what an actor can do are clamped and
    listed in ``Timeline.warnings``.
    """
    from scenes.physics import simulate
    from scenes.solve import needs_solving, solve

    solver_notes: list[str] = []
    if needs_solving(script):  # intents become coordinates first; a solved script is never solved twice
        solution = solve(script)
        script, solver_notes = solution.script, solution.notes
    script = _with_pushed_bodies(script)
    n = script.frame_count
    times = np.arange(n, dtype=np.float64) / script.fps
    by_id = {a.id: a for a in script.actors}
    index_of = {a.id: i for i, a in enumerate(script.actors)}
    baked: dict[str, ActorTracks] = {}
    in_progress: set[str] = set()
    warnings: list[str] = list(solver_notes)
    dynamic = [a for a in script.actors if a.physics is not None and a.physics.body == "dynamic"]
    physics_done = False
    contacts: list = []

    def point_track(ref: object) -> np.ndarray:
        if isinstance(ref, str):
            if physics_done and ref not in baked and by_id[ref] in dynamic:
                # asked while the physics is being set up (a kick aiming at a ball): where it is before it
                return bake_motion(ref).position
            return bake(ref).position
        return np.tile(np.asarray(ref, dtype=np.float64), (n, 1))

    def bake_motion(actor_id: str) -> ActorTracks:
        if actor_id in in_progress:
            raise ScriptError(f"actors[{index_of[actor_id]}]: actor {actor_id!r} is part of a cycle of references "
                              "(orbit centres, walk or follow targets)")
        in_progress.add(actor_id)
        tracks = actor_tracks(by_id[actor_id], times, script.duration, point_track, warnings,
                              f"actors[{index_of[actor_id]}]", by_id)
        in_progress.discard(actor_id)
        return tracks

    def run_physics() -> None:
        nonlocal physics_done, contacts
        physics_done = True
        colliders = {a.id for a in script.actors if a not in dynamic and not _refers_to(a, dynamic, by_id)}
        pre: dict[str, ActorTracks] = {aid: bake(aid) for aid in sorted(colliders, key=index_of.get)}
        for a in dynamic:
            pre[a.id] = bake_motion(a.id)

        def before_physics(ref: object) -> np.ndarray:
            if not isinstance(ref, str):
                return point_track(ref)
            if ref in pre:
                return pre[ref].position
            return np.tile(np.asarray(by_id[ref].position, dtype=np.float64), (n, 1))

        # walking colliders kick with their feet: pose them now (poses are baked again, finally, afterwards)
        feet = {}
        for aid in pre:
            a = by_id[aid]
            if aid in colliders and asset(a.asset).rig:
                track, _ = _posed(a, pre[aid], times, script.duration, before_physics, by_id)
                ends, heights = effector_positions(a, pre[aid].position, pre[aid].hpr, pre[aid].scale, track)
                feet[aid] = (ends, float(heights.max()))
        cargo = _pushed_cargo(script, dynamic)  # in the pushed wheelbarrow: carried with it, not in its way
        result, contacts = simulate([a for a in script.actors if a.id not in cargo], pre, times, script.fps,
                                    script.seed, feet, bake_frames)
        baked.update(result)

    def bake(actor_id: str) -> ActorTracks:
        if actor_id in baked:
            return baked[actor_id]
        if by_id[actor_id] in dynamic:
            if not physics_done:
                run_physics()
            return baked[actor_id]
        baked[actor_id] = bake_motion(actor_id)
        return baked[actor_id]

    if dynamic:
        run_physics()
    for a in script.actors:
        bake(a.id)
    # riders sit on their mounts and held props follow the posed hands: resolved here, once, for every engine
    if with_poses or _placed_by_poses(script):
        poses, footsteps = _pose_all(script, baked, times, point_track)
    else:
        poses, footsteps = {}, []
    _carry_contents(script, baked, dynamic)
    actors = script.actors
    count = len(actors)
    positions = np.zeros((n, count, 3))
    hpr = np.zeros((n, count, 3))
    scales = np.ones((n, count, 3))
    for i, a in enumerate(actors):
        positions[:, i], hpr[:, i], scales[:, i] = baked[a.id].position, baked[a.id].hpr, baked[a.id].scale
    visible = np.tile(np.array([a.visible for a in actors], dtype=bool), (n, 1))
    footsteps.sort(key=lambda f: (f.frame, f.actor, f.foot))
    collisions = [
        CollisionEvent(float(c.time), min(round(c.time * script.fps), n - 1), c.a, c.b, c.impulse, c.position)
        for c in contacts
    ]
    # Kinematic bounces touch the ground too; dynamic bodies already report their own contacts.
    for i, a in enumerate(actors):
        if a in dynamic:
            continue
        mass = a.physics.mass if a.physics is not None else 1.0
        for t, speed in bounce_landings(a, script.duration):
            f = min(round(t * script.fps), n - 1)
            collisions.append(CollisionEvent(t, f, a.id, "ground", mass * speed, tuple(positions[f, i])))
    collisions.sort(key=lambda c: (c.time, c.a, c.b))

    centre, radius = _bounds(actors, positions, scales)

    def subject(target: Target) -> Subject:
        if isinstance(target, str):
            i = index_of[target]
            height = asset(actors[i].asset).size[2] * scales[:, i, 2]
            if actors[i].id in poses:  # a seated or crouching character is shorter: frame where its head is
                height = np.maximum(height + poses[actors[i].id].root_offset[:, 2] * scales[:, i, 2], 0.3 * height)
            base = positions[:, i]
            half = actor_half_extent(actors[i], scales[:, i].max(axis=0))
            return Subject(base, height, float(np.linalg.norm(half)), hpr[:, i, 0],
                           bool(asset(actors[i].asset).rig == "humanoid"))
        point = np.tile(np.asarray(target, dtype=np.float64), (n, 1))
        return Subject(point - [0.0, 0.0, 0.0], np.zeros(n), 0.0, np.zeros(n), False)

    aspect = script.resolution.width / script.resolution.height

    def auto_radius(target: Target, fov: float) -> float:
        if isinstance(target, str):
            i = index_of[target]
            r = float(np.linalg.norm(actor_half_extent(actors[i], scales[:, i].max(axis=0))))
        else:
            r = radius + float(np.linalg.norm(centre - np.asarray(target)))
        return max(framing_distance(max(r, 0.5), fov, aspect), 1.0)

    # props big enough to walk into keep the camera out; people, small things and places (a camera may stand in a
    # room or over a beach) do not
    solids = [(positions[:, i], hpr[:, i, 0], actor_half_extent(a, scales[:, i].max(axis=0)))
              for i, a in enumerate(actors)
              if a.visible and not asset(a.asset).rig and float(np.max(actor_half_extent(a))) > 0.25
              and asset(a.asset).traits.place is None]
    shots = list(script.camera.shots)
    if not shots:
        shots = [_default_shot(script, centre, radius, aspect)]
    cam_pos, cam_hpr, cam_fov, shot_index = camera_tracks(
        shots, script.duration, times, script.camera.fov, subject, auto_radius, aspect, script.seed, solids
    )
    try:
        # lamps stand on a ring just outside the sphere the sun's shadow map covers (5 % and 10 cm of margin)
        world = resolve_world(script, centre, radius * 1.05 + 0.1)
    except ValueError as exc:
        raise ScriptError(f"environment.hdri: {exc}") from None
    return Timeline(
        script=script,
        times=times,
        positions=positions,
        hpr=hpr,
        scales=_constant_rows(scales),
        visible=visible,
        camera_position=cam_pos,
        camera_hpr=cam_hpr,
        camera_fov=cam_fov,
        shot_index=shot_index,
        sun=world.sun,
        bounds_centre=centre,
        bounds_radius=radius,
        collisions=tuple(collisions),
        footsteps=tuple(footsteps),
        poses=poses,
        warnings=tuple(warnings),
        spins=_spins(actors, times, baked),
        sway=_sway(actors, times, baked, world.wind, script.seed),
        world=world,
    )


def _pose_all(script: SceneScript, baked: dict[str, ActorTracks], times: np.ndarray,
              lookup: Callable[[object], np.ndarray]) -> tuple[dict[str, PoseTrack], list[FootContact]]:
    """Joint poses of every person, animal and bird, and their footfalls; riders and held props are resolved on
    the way (``scenes.hold``), and ``baked`` is updated for them. Mounts are posed before their riders, whose
    roots then follow the saddle; a holder is posed reaching for where its prop is by then (a given thing is
    where the giver holds it out), and its props then follow its posed hands."""
    by_id = {a.id: a for a in script.actors}
    holdings = hold.grips(script.actors, script.duration)
    poses: dict[str, PoseTrack] = {}
    footsteps: list[FootContact] = []
    for a in _pose_order(script.actors, holdings):
        ride = next((act for act in a.actions if act.type == "ride"), None)
        if ride is not None:
            mount = by_id[ride.mount]
            pose = poses.get(mount.id)
            baked[a.id] = hold.ride_tracks(a, baked[a.id], mount, baked[mount.id],
                                           None if pose is None else pose.rotations[:, 0],
                                           None if pose is None else pose.root_offset, times, script.duration)
        if asset(a.asset).rig:
            held = {g: hold.held_prop(g, by_id, baked, times) for g in holdings if g.holder == a.id}
            poses[a.id], steps = _posed(a, baked[a.id], times, script.duration, lookup, by_id,
                                                 script.seed, held)
            footsteps += [FootContact(s.time, s.frame, a.id, s.limb, s.position) for s in steps]
            for g, prop in held.items():
                baked[g.prop] = hold.held_tracks(g, a.asset, baked[a.id], poses[a.id].rotations,
                                                 poses[a.id].root_offset, prop, baked[g.prop], times)
        elif not is_model_path(a.asset) and is_bird(model(a.asset)):
            poses[a.id] = bird_poses(a, baked[a.id], times, script.duration, model(a.asset))
    return poses, footsteps


def _inside_intents(script: SceneScript) -> list[Place]:
    """The script's "place … inside …" intents (what the solver put in a container)."""
    return [it for it in script.intents or []
            if getattr(it, "type", "") == "place" and it.relation == "inside" and it.target is not None]


def _pushed_cargo(script: SceneScript, dynamic: list[Actor]) -> set[str]:
    """Ids of the still things inside a container someone pushes (leaves in a wheelbarrow): they ride in it, so
    the physics leaves them out (as colliders they would jam it) and :func:`_carry_contents` moves them with it."""
    free = {a.id for a in dynamic}
    pushed = {act.target for a in script.actors for act in a.actions if act.type == "push"} & free
    by_id = {a.id: a for a in script.actors}
    return {it.subject for it in _inside_intents(script) if it.target in pushed and it.subject in by_id
            and it.subject not in free and not by_id[it.subject].actions}


def _carry_contents(script: SceneScript, baked: dict[str, ActorTracks], dynamic: list[Actor]) -> None:
    """Things placed inside a container that moves (a basket of apples carried to the table, a wheelbarrow of
    leaves pushed across the lawn) go with it, unless they move by themselves or physics moves them."""
    by_id = {a.id: a for a in script.actors}
    free = {a.id for a in dynamic}
    cargo = _pushed_cargo(script, dynamic)
    for it in _inside_intents(script):
        thing, box = by_id.get(it.subject), baked.get(it.target)
        if thing is None or box is None or thing.actions or thing.id in free or (
                it.target in free and thing.id not in cargo):
            continue
        placed = by_id[it.target]
        if float(np.abs(box.position - box.position[0]).max()) > 1e-6 or float(np.ptp(box.hpr[:, 0])) > 1e-6:
            offset = np.asarray(thing.position, dtype=np.float64) - np.asarray(placed.position, dtype=np.float64)
            baked[thing.id] = hold.contents_tracks(baked[thing.id], box, offset, float(placed.rotation[0]))


def _placed_by_poses(script: SceneScript) -> bool:
    """Whether some actor's position comes from another's joint poses: a rider on its mount, a held prop."""
    return any(act.type == "ride" for a in script.actors for act in a.actions) or bool(
        hold.grips(script.actors, script.duration))


def _pose_order(actors: list[Actor], holdings: list[hold.Grip]) -> list[Actor]:
    """Actors in script order, except that a mount comes before its rider and a giver before the receiver."""
    after: dict[str, set[str]] = {a.id: {act.mount for act in a.actions if act.type == "ride"} for a in actors}
    for g in holdings:
        if g.receiver is not None:
            after[g.receiver].add(g.holder)
    by_id = {a.id: a for a in actors}
    out: list[Actor] = []
    seen: set[str] = set()

    def visit(aid: str) -> None:
        if aid in seen:
            return
        seen.add(aid)
        for first in sorted(after[aid]):
            visit(first)
        out.append(by_id[aid])

    for a in actors:
        visit(a.id)
    return out


def _spins(actors: list[Actor], times: np.ndarray, baked: dict[str, ActorTracks]) -> dict[str, PoseTrack]:
    """Wheel and rotor rotations of the rigid props that have them (``scenes.wheels``)."""
    from scenes.catalog import model
    from scenes.wheels import spin_track

    out: dict[str, PoseTrack] = {}
    for a in actors:
        if is_model_path(a.asset) or asset(a.asset).rig or not model(a.asset).articulated:
            continue
        track = spin_track(model(a.asset), times, baked[a.id].position, baked[a.id].hpr, baked[a.id].scale)
        if track is not None:
            out[a.id] = track
    return out


def _sway(actors: list[Actor], times: np.ndarray, baked: dict[str, ActorTracks], wind: np.ndarray,
          seed: int) -> dict[str, PoseTrack]:
    """Crown rotations of the trees in the wind (``scenes.wind``): the gusts and each tree's phases come from one
    generator seeded by the script, drawn in actor order."""
    from scenes.catalog import model
    from scenes.wind import Gusts, sway_track

    rng = np.random.default_rng([seed, 0x57494E44])  # a stream of its own ("WIND"): other draws stay put
    gusts = Gusts.draw(rng)
    out: dict[str, PoseTrack] = {}
    for a in actors:
        if is_model_path(a.asset) or asset(a.asset).rig or not model(a.asset).articulated:
            continue
        track = baked[a.id]
        height = float(asset(a.asset).size[2] * track.scale[0, 2])
        sway = sway_track(model(a.asset), times, track.position[0], float(track.hpr[0, 0]), height, wind, gusts, rng)
        if sway is not None:
            out[a.id] = sway
    return out


def _with_pushed_bodies(script: SceneScript) -> SceneScript:
    """The script with every pushed actor that has no ``physics`` made a default dynamic body."""
    pushed = {act.target or a.id for a in script.actors for act in a.actions if isinstance(act, Push)}
    pushed |= {act.target for a in script.actors for act in a.actions if isinstance(act, Kick | Punch) and act.target}
    if all(a.physics is not None for a in script.actors if a.id in pushed):
        return script
    actors = [a.model_copy(update={"physics": Physics()}) if a.id in pushed and a.physics is None else a
              for a in script.actors]
    return script.model_copy(update={"actors": actors})


def _refers_to(actor: Actor, targets: list[Actor], by_id: dict[str, Actor], seen: frozenset[str] = frozenset()) -> bool:
    """Whether ``actor``'s root motion depends (through references) on any of ``targets``.

    Pushes, strikes and look_at do not count: a push only needs the pusher's position, a kick or punch the
    target's place before it is struck, a look only turns the head.
    """
    ids = {t.id for t in targets}
    for act in actor.actions:
        if isinstance(act, Push | Kick | Punch | LookAt):
            continue
        for name in ACTIONS[act.type].references:
            ref = getattr(act, name, None)
            if isinstance(ref, str) and ref not in seen and (
                    ref in ids or _refers_to(by_id[ref], targets, by_id, seen | {actor.id})):
                return True
    return False


def _bounds(actors: list[Actor], positions: np.ndarray, scales: np.ndarray) -> tuple[np.ndarray, float]:
    """A bounding sphere of every actor over the whole video (used to fit shadows and default framing)."""
    if not actors:
        return np.array([0.0, 0.0, 0.5]), 1.0
    size = np.array([asset(a.asset).size for a in actors])  # (N, 3)
    half = size[None] * scales / 2.0  # (F, N, 3)
    mid = positions + np.concatenate([np.zeros_like(half[..., :2]), half[..., 2:]], -1)
    lo = (mid - half).reshape(-1, 3).min(axis=0)
    hi = (mid + half).reshape(-1, 3).max(axis=0)
    centre = (lo + hi) / 2.0
    radius = float(np.linalg.norm(hi - lo) / 2.0)
    return centre, max(radius, 0.5)


def _constant_rows(values: np.ndarray) -> np.ndarray:
    """``values`` (F, ...) as one row broadcast over the frames when every frame holds the same (a read-only
    view: most actors never change scale, and a per-frame copy is memory that grows with the video)."""
    if len(values) > 1 and bool((values == values[:1]).all()):
        return np.broadcast_to(values[0].copy(), values.shape)
    return values


MAX_SHOT_DISTANCE = 5000.0  # the longest camera distance a script may give (``distance`` of a framed shot)


def _default_shot(script: SceneScript, centre: np.ndarray, radius: float, aspect: float) -> StaticShot:
    """A static three-quarter wide shot that frames everything, for scripts that name no shot."""
    # Bounded, so a scene that spreads over kilometres (bodies a pile threw apart) still gets a valid shot: the
    # camera stays inside the world, framing at most the schema's longest shot distance.
    dist = min(framing_distance(radius, script.camera.fov, aspect), MAX_SHOT_DISTANCE)
    a = math.radians(20.0)
    limit = WORLD_EXTENT * 0.99
    centre = np.clip(np.nan_to_num(centre), -limit, limit)
    eye = np.clip(centre + np.array([dist * math.sin(a), -dist * math.cos(a) * 0.97, dist * 0.35]), -limit, limit)
    return StaticShot(type="static", position=tuple(eye), target=tuple(centre))
