"""Character animation: per-frame joint rotations for people and animals, baked from their root motion and actions.

Legs are driven by a gait whose cycle is phase-locked to the distance the actor's root travels, so a
foot in stance stays where it was planted: each stance's plant point is where the hip passes at
mid-stance (known in advance, because root motion is baked first), and two-bone inverse kinematics
bends the leg to reach it. The pelvis lowers just enough for the legs to reach, which also gives a
natural bob. Upper-body actions (wave, dance, look_at, push, sit, jump crouch) are layers with a
smooth weight that ramps in after ``start`` and out before ``end``, so consecutive actions blend
without pops.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from scenes import hold, mocap, moves
from scenes.catalog import asset, model
from scenes.motion import ActorTracks, ease, heading_of, jump_duration, natural_end
from scenes.rig import (
    Limb,
    Model,
    actor_matrices,
    continuous_hpr,
    hpr_matrix,
    joint_matrices,
    matrix_hpr,
    matrix_quat,
    quat_matrix,
    two_bone_ik,
)
from scenes.script import Actor, Dance, Fall, Idle, Jump, LookAt, Push, Sit, Wave, is_move

BLEND = 0.4  # seconds an upper-body action takes to fade in and out
LIE_DROP = 0.62  # share of its leg length an animal's body drops to lie down
GROUND_SIT, CHAIR_SIT = 0.1, 0.4  # seat heights (m, model scale): legs straight out in front, knees square


@dataclass(frozen=True, slots=True)
class JointPose:
    """One frame of an articulated actor: local heading/pitch/roll per joint (J, 3) and the root joint's
    translation from its rest offset (3,), both in the model's frame (metres before the actor's scale)."""

    rotations: np.ndarray
    root_offset: np.ndarray
    gaze: np.ndarray | None = None  # the eyes' yaw and pitch in the head (2,; degrees), for skinned bodies
    blink: float = 0.0  # how closed the eyelids are (0 open, 1 closed), for skinned bodies


@dataclass(frozen=True)
class PoseTrack:
    """Baked poses of one articulated actor: rotations (F, J, 3) in degrees, root offsets (F, 3), and for
    each walking limb whether it is planted in stance (F, L) — the frames foot-slide is measured over."""

    rotations: np.ndarray
    root_offset: np.ndarray
    contacts: np.ndarray
    limbs: tuple[str, ...]
    gaze: np.ndarray | None = None  # (F, 2): the eyes' yaw and pitch in the head, degrees (people who look_at)
    blink: np.ndarray | None = None  # (F,): how closed the eyelids are, 0..1 (people with skinned bodies)

    def at(self, frame: int) -> JointPose:
        """The pose of one frame."""
        return JointPose(self.rotations[frame], self.root_offset[frame],
                         None if self.gaze is None else self.gaze[frame],
                         0.0 if self.blink is None else float(self.blink[frame]))


@dataclass(frozen=True)
class Step:
    """A foot touching down: frame, time, limb name and the ground point (world)."""

    frame: int
    time: float
    limb: str
    position: tuple[float, float, float]


def envelope(times: np.ndarray, start: float, end: float, duration: float, ramp: float = BLEND) -> np.ndarray:
    """Weight (F,) of a layer: 0 before ``start``, easing to 1, back to 0 at ``end`` (held if ``end`` is the end)."""
    w = ease((times - start) / ramp, "ease_in_out") if start > 0 else (times >= 0).astype(float)
    if end < duration - 1e-6:
        w = w * ease((end - times) / ramp, "ease_in_out")
    return w


def _smooth(x: np.ndarray, n: int) -> np.ndarray:
    if n <= 1 or len(x) < 2:
        return x
    k = np.ones(n) / n
    pad = np.concatenate([np.full(n // 2, x[0]), x, np.full(n - 1 - n // 2, x[-1])])
    return np.convolve(pad, k, mode="valid")[: len(x)]


def _gait_params(actor: Actor, kind: str, leg: float, speed: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Step length (F,), duty factor (F,) and swing lift (m) for ground ``speed`` (F,), scaled to leg length."""
    vn = speed / np.sqrt(9.81 * leg)  # Froude-scaled speed: gaits of big and small legs look alike
    if kind == "humanoid":
        step = leg * np.clip(0.42 + 0.55 * vn, 0.42, 1.6)
        duty = np.interp(vn, [0.5, 0.9, 1.2], [0.62, 0.55, 0.36])
        lift = 0.12 * leg
    else:
        step = leg * np.clip(0.4 + 0.4 * vn, 0.4, 1.6)
        duty = np.interp(vn, [0.4, 1.0, 1.6], [0.68, 0.55, 0.38])
        lift = 0.18 * leg
    # a planted foot travels duty × step either side of the hip: keep that within the leg's reach
    step = np.minimum(step, 0.5 * leg / duty)
    return step, duty, lift


def _rest_angle(v: tuple[float, float, float]) -> float:
    """Degrees a rest leg segment ``v`` leans from straight down towards +Y (the way pitch turns it)."""
    return float(np.degrees(np.arctan2(v[1], -v[2])))


def _transform(m: np.ndarray, v: np.ndarray) -> np.ndarray:
    return np.einsum("fij,fj->fi", m[:, :3, :3], v) + m[:, :3, 3]


def _inverse_apply(m: np.ndarray, v: np.ndarray) -> np.ndarray:
    return np.einsum("fij,fj->fi", np.linalg.inv(m), np.concatenate([v, np.ones((len(v), 1))], 1))[:, :3]


def character_poses(actor: Actor, tracks: ActorTracks, times: np.ndarray, duration: float,
                    lookup: Callable[[object], np.ndarray], others: dict[str, Actor],
                    seed: int = 0, held: dict[hold.Grip, hold.HeldProp] | None = None
                    ) -> tuple[PoseTrack, list[Step]]:
    """Bake the joint rotations of a person or animal over all frames, and its footfalls.

    ``lookup`` resolves an actor id or point to per-frame positions; ``others`` maps ids to actors (for
    the seat height of what it sits on and the height of what it looks at); ``seed`` (the script's) times the
    blinks; ``held`` describes the props its ``pick_up``/``hold`` actions take, by holding (``scenes.hold``:
    where they rest, their size and grip point).
    """
    spec = asset(actor.asset)
    m = model(actor.asset)
    kind = spec.rig
    n, nj = len(times), len(m.joints)
    dt = float(times[1] - times[0]) if n > 1 else 1.0 / 30
    rot = np.zeros((n, nj, 3))
    off = np.zeros((n, 3))
    names = [j.name for j in m.joints]
    J = {name: i for i, name in enumerate(names)}
    scale = float(np.mean(actor.scale))

    # --- ground speed and gait phase from the baked root motion
    step_xy = np.linalg.norm(np.diff(tracks.position[:, :2], axis=0), axis=1)
    step_xy = np.concatenate([[0.0], step_xy])
    speed = _smooth(step_xy / dt, max(1, round(0.15 / dt)))
    leg_model = float(np.linalg.norm(m.joints[m.limbs[0].lower].offset) + np.linalg.norm(m.limbs[0].end))
    leg = leg_model * scale
    stride, duty, lift = _gait_params(actor, kind, leg, speed)
    phase = np.cumsum(step_xy / (2.0 * stride)) + 1e-9 * np.arange(n)  # strictly increasing for interp
    moving = _smooth(ease(speed / (0.25 * leg), "ease_in_out"), max(1, round(0.2 / dt)))
    airborne = np.zeros(n, dtype=bool)
    for a in actor.actions:
        if isinstance(a, Jump):
            t0 = a.start + 0.25
            airborne |= (times > t0) & (times < t0 + jump_duration(a.height) - 0.45)

    # --- action layers (upper body, pelvis)
    t = times
    sit_w = np.zeros(n)
    lie_w = np.zeros(n)
    sit_height = np.zeros(n)
    for a in actor.actions:
        end = natural_end(a, duration)
        if end <= a.start:
            continue
        w = envelope(t, a.start, end, duration)
        if isinstance(a, Idle) and kind == "humanoid":
            rot[:, J["chest"], 2] += w * 2.0 * np.sin(2 * np.pi * 0.12 * t)
            rot[:, J["head"], 0] += w * 10.0 * np.sin(2 * np.pi * 0.07 * t + 1.0)
        elif isinstance(a, Wave) and kind == "humanoid":
            for side, sign in (("r", -1.0), ("l", 1.0)):
                if a.hand not in ((side == "r" and "right") or "left", "both"):
                    continue
                osc = np.sin(2 * np.pi * 1.8 * (t - a.start))
                _blend(rot, J[f"{side}_upper_arm"], w, np.stack([0 * t, 15 + 0 * t, sign * 150 + 0 * t], -1))
                _blend(rot, J[f"{side}_forearm"], w, np.stack([0 * t, 10 + 0 * t, sign * (-25 + 25 * osc)], -1))
        elif isinstance(a, Dance) and kind == "humanoid" and not is_move(a):  # captured dances are moves
            _dance(a, rot, off, J, t, w, m)
        elif isinstance(a, Push) and kind == "humanoid":
            w = envelope(t, a.start - 0.3, _push_end(a), duration, 0.25)
            for side in ("l", "r"):
                _blend(rot, J[f"{side}_upper_arm"], w, np.tile([0.0, 80.0, 0.0], (n, 1)))
                _blend(rot, J[f"{side}_forearm"], w, np.tile([0.0, 10.0, 0.0], (n, 1)))
            rot[:, J["chest"], 1] -= 10 * w
        elif isinstance(a, Sit):
            sit_w = np.maximum(sit_w, envelope(t, a.start, end, duration, 0.6))
            if a.lie:
                lie_w = np.maximum(lie_w, envelope(t, a.start, end, duration, 0.6))
            seat = a.height
            base = tracks.position[:, 2]
            if seat is None and a.seat is not None:
                other = asset(others[a.seat].asset)
                seat = (other.traits.seat.height if other.traits.seat else other.size[2]) * others[a.seat].scale[2]
                sit_height = np.where(sit_w > 0, lookup(a.seat)[:, 2] + seat - base, sit_height)
            else:
                # no seat and no height: on what it stands on (the grass, a blanket, a rock's top), legs forward
                sit_height = np.where(sit_w > 0, seat if seat is not None else 0.0, sit_height)
        elif isinstance(a, Jump):
            crouch = np.exp(-(((t - a.start - 0.18) / 0.09) ** 2))
            land = np.exp(-(((t - end + 0.12) / 0.09) ** 2))
            off[:, 2] -= (crouch + land) * 0.12 * leg_model
            if kind == "humanoid":
                up = np.clip((t - a.start - 0.2) / 0.2, 0, 1) * np.clip((end - 0.15 - t) / 0.2, 0, 1)
                for side, sign in (("l", 1.0), ("r", -1.0)):
                    _blend(rot, J[f"{side}_upper_arm"], up, np.tile([0.0, 40.0, sign * 60.0], (n, 1)))
        elif isinstance(a, Fall) and kind == "humanoid":
            for side, sign in (("l", 1.0), ("r", -1.0)):
                _blend(rot, J[f"{side}_upper_arm"], w, np.tile([0.0, 70.0, sign * 40.0], (n, 1)))
    # breathing and life, always on
    if kind == "humanoid":
        rot[:, J["chest"], 1] += 1.2 * np.sin(2 * np.pi * 0.25 * t)
    else:
        wag = (0.4 + moving) * 25.0 * np.sin(2 * np.pi * 2.2 * t)
        rot[:, J["tail"], 0] += wag
        rot[:, J["head"], 1] += 4.0 * moving * np.sin(2 * np.pi * 2 * phase)
    for a in actor.actions:
        if isinstance(a, LookAt):
            end = natural_end(a, duration)
            w = envelope(t, a.start, end, duration)
            _look_at(a, rot, J, w, tracks, lookup, m, scale, others)

    # --- reaching down for a prop or putting it down: lean from the hips and the chest, then bend the knees
    grips = [g for g in held or {} if g.holder == actor.id] if kind == "humanoid" else []
    for g in grips:
        targets, _ = hold.hand_targets(g, actor.asset, tracks, held[g], t, {})
        lean, crouch = hold.body_layer(hold.stoop(g, actor.asset, tracks, targets, t), scale, leg_model)
        rot[:, 0, 1] -= 0.4 * lean
        rot[:, J["chest"], 1] -= 0.6 * lean
        off[:, 2] -= crouch
        off[:, 1] -= 0.3 * crouch
    ride_w = hold.riding(actor, t, duration) if kind == "humanoid" else np.zeros(n)

    # --- sitting: the pelvis goes down and back onto the seat (animals drop their hindquarters)
    pelvis_rest = np.array(m.joints[0].offset)
    if kind == "humanoid":
        target_z = sit_height / scale + 0.12 * leg_model / 0.92
        off[:, 2] += sit_w * (target_z - pelvis_rest[2])
        off[:, 1] -= sit_w * 0.16 * leg_model
    else:  # sitting up on the hindquarters, or lying level with the legs folded under (the lie replaces the sit)
        up = sit_w - lie_w
        rot[:, 0, 1] += up * 28.0
        off[:, 2] -= up * 0.22 * leg_model + lie_w * LIE_DROP * leg_model
        off[:, 1] -= up * 0.1 * leg_model
        rot[:, J["head"], 1] -= up * 15.0

    # --- legs: foot targets from the gait, reach-limited pelvis height, two-bone IK
    A = actor_matrices(tracks.position, tracks.hpr, tracks.scale)
    rest = joint_matrices(m, np.zeros((1, nj, 3)), np.zeros((1, 3)))[0]
    contacts = np.zeros((n, len(m.limbs)), dtype=bool)
    steps: list[Step] = []
    targets = []
    move_w = _move_weight(actor, t, duration)
    # a move carries its own legs (and its travel is not a walk); a rider's legs are astride, not walking
    gait_w = moving * ~airborne * (1.0 - move_w) * (1.0 - ride_w)
    for li, limb in enumerate(m.limbs):
        eff_rest = (rest[limb.lower] @ np.array([*limb.end, 1.0]))[:3]
        under = _transform(A, np.tile(eff_rest, (n, 1)))  # where the foot would be standing still
        psi = phase + limb.phase
        cyc = np.floor(psi)
        frac = psi - cyc
        # one duty factor per cycle (the one at its touch-down), so a plant never moves while the pace changes
        duty_c = np.interp(np.interp(cyc - limb.phase, phase, t), t, duty)
        stance = frac < duty_c

        def plant(c: np.ndarray, under: np.ndarray = under, limb: Limb = limb) -> np.ndarray:
            """Where the hip passes over the ground at mid-stance of cycle ``c``: the foot's plant point."""
            d = np.interp(np.interp(c - limb.phase, phase, t), t, duty)
            tc = np.interp(c + d / 2.0 - limb.phase, phase, t)
            return np.stack([np.interp(tc, t, under[:, k]) for k in range(3)], -1)

        here = plant(cyc)
        nxt = plant(cyc + 1.0)
        u = np.clip((frac - duty_c) / np.maximum(1.0 - duty_c, 1e-6), 0.0, 1.0)
        swing = here + ease(u, "ease_in_out")[:, None] * (nxt - here)
        swing[:, 2] += lift * np.sin(np.pi * u)
        gait = np.where(stance[:, None], here, swing)
        gait[:, 2] = np.where(stance, under[:, 2], gait[:, 2] + (under[:, 2] - here[:, 2]))
        target = under + gait_w[:, None] * (gait - under)
        targets.append(target)
        contacts[:, li] = stance & (gait_w > 0.99)
        new = np.flatnonzero(stance[1:] & (cyc[1:] != cyc[:-1]) & (gait_w[1:] > 0.5)) + 1
        ground = eff_rest[2] * scale
        for i in new:
            p = here[i]
            steps.append(Step(int(i), float(t[i]), f"{limb.name}_foot" if kind == "humanoid" else limb.name,
                              (float(p[0]), float(p[1]), float(p[2] - ground))))

    # lower the root joint until every leg reaches its target
    P = A @ joint_matrices(m, rot, off)[:, 0]
    limit = np.full(n, np.inf)
    for limb, target in zip(m.limbs, targets, strict=True):
        hip = _transform(P, np.tile(np.array(m.joints[limb.upper].offset), (n, 1)))
        l1 = np.linalg.norm(m.joints[limb.lower].offset) * scale
        l2 = np.linalg.norm(limb.end) * scale
        horiz = np.linalg.norm(target[:, :2] - hip[:, :2], axis=1)
        reach = (l1 + l2) * 0.995
        need = target[:, 2] + np.sqrt(np.maximum(reach**2 - horiz**2, (0.3 * reach) ** 2)) - hip[:, 2]
        limit = np.minimum(limit, need / scale)
    off[:, 2] += np.minimum(limit, 0.0) * (1.0 - sit_w) * (1.0 - ride_w)  # (a rider's legs hang free)
    P = A @ joint_matrices(m, rot, off)[:, 0]
    for limb, target in zip(m.limbs, targets, strict=True):
        parent = P if m.joints[limb.upper].parent == 0 else None
        assert parent is not None, "legs hang from the root joint"
        local = _inverse_apply(parent, target) - np.array(m.joints[limb.upper].offset)
        l1 = float(np.linalg.norm(m.joints[limb.lower].offset))
        l2 = float(np.linalg.norm(limb.end))
        p, r, k = two_bone_ik(local, l1, l2, limb.knee, (_rest_angle(m.joints[limb.lower].offset),
                                                      _rest_angle(limb.end)))
        ik = np.zeros((n, 3, 3))
        ik[:, 0] = np.stack([0 * p, p, r], -1)
        ik[:, 1] = np.stack([0 * k, k, 0 * k], -1)
        if limb.foot >= 0:
            chain = hpr_matrix(ik[:, 0]) @ hpr_matrix(ik[:, 1])
            ik[:, 2] = matrix_hpr(np.swapaxes(chain, 1, 2))
        if kind == "humanoid":
            # on a chair the knees bend square; on the ground the legs lie out in front (a long sit)
            knee = -90.0 * np.clip((sit_height / scale - GROUND_SIT) / (CHAIR_SIT - GROUND_SIT), 0.0, 1.0)
            seated = np.tile([[0.0, 90.0, 0.0], [0.0, -90.0, 0.0], [0.0, 0.0, 0.0]], (n, 1, 1))
            seated[:, 1, 1] = knee
            ik = ik + sit_w[:, None, None] * (seated - ik)
            mount = _mount_of(actor, others) if ride_w.any() else None
            if mount is not None and not hold.standing_ride(mount.asset, actor.asset, scale):
                # astride a saddle; on a board the legs stand on it (the IK already puts the feet on the deck)
                legs, _ = hold.astride(mount.asset, float(np.mean(mount.scale)), leg_model)
                legs = legs * np.array([1.0, 1.0, 1.0 if limb.name == "l" else -1.0])
                ik = ik + ride_w[:, None, None] * (legs[None] - ik)
        rot[:, limb.upper] = ik[:, 0]
        rot[:, limb.lower] = ik[:, 1]
        if limb.foot >= 0:
            rot[:, limb.foot] = ik[:, 2]

    # arms swing against the legs when walking; hands rest on the thighs when seated
    if kind == "humanoid":
        free = 1.0 - _arm_busy(actor, t, duration)
        for side, other in (("l", "r"), ("r", "l")):
            sign = 1.0 if side == "l" else -1.0
            swing = -0.8 * rot[:, J[f"{other}_thigh"], 1] * gait_w
            pose = np.stack([0 * t, swing + sit_w * 25.0, sign * (4.0 + 0 * t)], -1)
            _blend(rot, J[f"{side}_upper_arm"], free, pose, add=True)
            rot[:, J[f"{side}_forearm"], 1] += free * (8.0 + 18.0 * gait_w + 45.0 * sit_w)
        _captured_upper_body(rot, J, phase, speed / np.sqrt(9.81 * leg), gait_w, free * gait_w * (1.0 - sit_w))
        if ride_w.any():
            mount = _mount_of(actor, others)
            _, arms = hold.astride(mount.asset, float(np.mean(mount.scale)), leg_model,
                                   hold.standing_ride(mount.asset, actor.asset, scale))
            for side in ("l", "r"):
                _blend(rot, J[f"{side}_upper_arm"], ride_w, np.tile(arms[0], (n, 1)))
                _blend(rot, J[f"{side}_forearm"], ride_w, np.tile(arms[1], (n, 1)))
        _hold_arms(actor, m, grips, held or {}, tracks, rot, off, t)
    gaze = None
    if kind == "humanoid":
        _apply_moves(actor, m, rot, off, t, duration)
        rot = continuous_hpr(rot)
        if m.eyes is not None:
            gaze = _gaze(actor, m, rot, off, tracks, t, duration, lookup, others)
    steps.sort(key=lambda s: (s.frame, s.limb))
    limb_names = tuple(f"{lb.name}_foot" if kind == "humanoid" else lb.name for lb in m.limbs)
    lids = blinks(actor.id, seed, t) if m.lids is not None else None
    return PoseTrack(rot, off, contacts, limb_names, gaze, lids), steps


BLINK_EVERY = (2.0, 6.0)  # seconds from one blink to the next (drawn evenly between)
BLINK_SHAPE = (0.07, 0.04, 0.12)  # seconds a blink takes to close, stays closed and opens again


def blinks(actor_id: str, seed: int, t: np.ndarray) -> np.ndarray:
    """How closed the eyelids are (F,; 0 open, 1 closed) at times ``t``: a blink every 2 to 6 s, at moments drawn
    from the script's seed and the actor's id (the same on every render; two people do not blink in step)."""
    rng = np.random.default_rng([seed, zlib.crc32(actor_id.encode())])
    close, hold, opening = BLINK_SHAPE
    out = np.zeros(len(t))
    at = rng.uniform(0.3, BLINK_EVERY[1])
    while len(t) and at < t[-1]:
        u = t - at
        shape = np.where(u < close, ease(u / close, "ease_in_out"), 1.0 - ease((u - close - hold) / opening,
                                                                                 "ease_in_out"))
        out = np.maximum(out, np.where(u < 0, 0.0, shape))
        at += rng.uniform(*BLINK_EVERY)
    return out


EYE_RAMP = 0.15  # seconds the eyes take to reach a look_at target (they lead the head's slower turn)
EYE_LIMITS = (35.0, 25.0)  # how far the eyes turn in the head: yaw, pitch (degrees)


def _gaze(actor: Actor, m: Model, rot: np.ndarray, off: np.ndarray, tracks: ActorTracks, t: np.ndarray,
          duration: float, lookup: Callable[[object], np.ndarray], others: dict[str, Actor]) -> np.ndarray:
    """The eyes' yaw and pitch in the head (F, 2) towards each look_at target: what the turned head still
    lacks, reached sooner than the head gets there."""
    gaze = np.zeros((len(t), 2))
    looks = [a for a in actor.actions if isinstance(a, LookAt)]
    if not looks:
        return gaze
    world = actor_matrices(tracks.position, tracks.hpr, tracks.scale)
    head = world @ joint_matrices(m, rot, off)[:, m.joint_index("head")]
    head_rest = joint_matrices(m, np.zeros((1, len(m.joints), 3)), np.zeros((1, 3)))[0, m.joint_index("head"), :3, 3]
    eyes = head[:, :3, :3] @ (m.eyes.mean(axis=0) - head_rest) + head[:, :3, 3]
    for a in looks:
        target = lookup(a.target)
        if isinstance(a.target, str):
            other = others[a.target]
            target = target + np.array([0.0, 0.0, 0.85 * asset(other.asset).size[2] * other.scale[2]])
        local = np.einsum("fba,fb->fa", head[:, :3, :3], target - eyes)  # into the head's frame (rotation part)
        yaw = np.clip(heading_of(local[:, :2]), -EYE_LIMITS[0], EYE_LIMITS[0])
        pitch = np.clip(np.degrees(np.arctan2(local[:, 2], np.hypot(local[:, 0], local[:, 1]))), -EYE_LIMITS[1],
                        EYE_LIMITS[1])
        w = envelope(t, a.start, natural_end(a, duration), duration, EYE_RAMP)
        gaze += w[:, None] * (np.stack([yaw, pitch], -1) - gaze)
    return gaze


def _captured_upper_body(rot: np.ndarray, J: dict[str, int], phase: np.ndarray, froude: np.ndarray,
                         body_w: np.ndarray, arm_w: np.ndarray) -> None:
    """The captured walk's (and, faster, run's) chest, neck and arm swing, phase-locked to the gait cycle and
    blended over the procedural swing: the legs stay the procedural, foot-locked ones."""
    if not body_w.any():
        return
    run = np.clip((froude - 0.85) / 0.35, 0.0, 1.0)
    walk_pose = mocap.gait_upper_body("walk", phase)
    run_pose = mocap.gait_upper_body("run", phase)
    captured = slerp_hpr(walk_pose, run_pose, run)
    for name in mocap.UPPER_BODY:
        j = J[name]
        w = arm_w if "arm" in name else body_w
        rot[:, j] = slerp_hpr(rot[:, j][:, None], captured[:, j][:, None], w)[:, 0]


def _move_weight(actor: Actor, t: np.ndarray, duration: float) -> np.ndarray:
    """How much full-body moves (kick, cartwheel, …) own the body at each frame (F,), ramps included."""
    w = np.zeros(len(t))
    for a in actor.actions:
        if is_move(a):
            end = natural_end(a, duration)
            if end > a.start:
                w = np.maximum(w, _move_envelope(a, t, end, duration))
    return w


def _move_envelope(a: object, t: np.ndarray, end: float, duration: float) -> np.ndarray:
    """A move's weight (F,): its own ramps in and out (longer where the body goes down to or up from the floor)."""
    w_in = envelope(t, a.start, duration, duration, moves.ramp_in(a))  # type: ignore[attr-defined]
    return np.minimum(w_in, envelope(t, a.start, end, duration, moves.ramp_out(a)))  # type: ignore[attr-defined]


def _apply_moves(actor: Actor, m: Model, rot: np.ndarray, off: np.ndarray, t: np.ndarray, duration: float) -> None:
    """Blend each full-body move over the pose so far, joint by joint through quaternions (no pops)."""
    for a in actor.actions:
        if not is_move(a):
            continue
        end = natural_end(a, duration)
        if end <= a.start:
            continue
        w = _move_envelope(a, t, end, duration)
        live = w > 0
        if not live.any():
            continue
        m_rot, m_off = moves.pose(a, m, np.clip(t[live] - a.start, 0.0, end - a.start))
        rot[live] = slerp_hpr(rot[live], m_rot, w[live])
        off[live] += w[live, None] * (m_off - off[live])


def slerp_hpr(a: np.ndarray, b: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Joint rotations (F, J, 3 hpr) blended from ``a`` to ``b`` by weights (F,), along the shortest arc."""
    qa, qb = matrix_quat(hpr_matrix(a)), matrix_quat(hpr_matrix(b))
    qb = np.where(np.sum(qa * qb, axis=-1, keepdims=True) < 0, -qb, qb)
    q = qa + w[:, None, None] * (qb - qa)
    q /= np.linalg.norm(q, axis=-1, keepdims=True)
    return matrix_hpr(quat_matrix(q))


def _blend(rot: np.ndarray, j: int, w: np.ndarray, pose: np.ndarray, add: bool = False) -> None:
    """Blend joint ``j`` towards ``pose`` (F, 3) with weight ``w`` (F,), or add ``w * pose``."""
    if add:
        rot[:, j] += w[:, None] * pose
    else:
        rot[:, j] += w[:, None] * (pose - rot[:, j])


def _mount_of(actor: Actor, others: dict[str, Actor]) -> Actor:
    """What ``actor`` rides (its first ``ride``)."""
    return next(others[a.mount] for a in actor.actions if a.type == "ride")


def _hold_arms(actor: Actor, m: Model, grips: list[hold.Grip], held: dict[hold.Grip, hold.HeldProp],
               tracks: ActorTracks, rot: np.ndarray, off: np.ndarray, t: np.ndarray) -> None:
    """Each holding arm reaches for its prop, holds it and puts it down (``scenes.hold``), over the pose so far."""
    for g in grips:
        world = actor_matrices(tracks.position, tracks.hpr, tracks.scale)[:, None] @ joint_matrices(m, rot, off)
        free = {s: world[:, m.joint_index(f"{s}_hand"), :3, :3] @ hold.palm(actor.asset, s)
                + world[:, m.joint_index(f"{s}_hand"), :3, 3] for s in g.sides()}
        targets, w = hold.hand_targets(g, actor.asset, tracks, held[g], t, free)
        for s, target in targets.items():
            hold.arm_layer(m, actor.asset, world, rot, s, target, w)


def _push_end(a: Push) -> float:
    """When a push's arms come down: half a second after a shove, at the end of a steady push."""
    return max(a.end, a.start + 0.5) if a.end is not None and a.target is not None else a.start + 0.5


def _arm_busy(actor: Actor, t: np.ndarray, duration: float) -> np.ndarray:
    busy = np.zeros(len(t))
    for a in actor.actions:
        if isinstance(a, Wave | Dance | Push):
            start, end = (a.start - 0.3, _push_end(a)) if isinstance(a, Push) else (a.start, natural_end(a, duration))
            busy = np.maximum(busy, envelope(t, start, end, duration))
    return busy


def _dance(a: Dance, rot: np.ndarray, off: np.ndarray, J: dict[str, int], t: np.ndarray, w: np.ndarray,
           m: Model) -> None:
    beat = (t - a.start) * a.tempo / 60.0
    s1, c1 = np.sin(2 * np.pi * beat), np.cos(2 * np.pi * beat)
    s2 = np.sin(np.pi * beat)
    leg = float(np.linalg.norm(m.joints[J["l_shin"]].offset) + np.linalg.norm(m.joints[J["l_foot"]].offset))
    z = np.zeros_like(t)
    if a.style == "groove":
        off[:, 2] -= w * 0.04 * leg * (1 + c1)
        rot[:, J["chest"], 2] += w * 8 * s2
        rot[:, J["head"], 1] += w * 8 * s1
        for side, sign in (("l", 1.0), ("r", -1.0)):
            _blend(rot, J[f"{side}_upper_arm"], w, np.stack([z, 35 + 20 * sign * s2, sign * 25 + z], -1))
            _blend(rot, J[f"{side}_forearm"], w, np.stack([z, 80 + 15 * s1, z], -1))
    elif a.style == "twist":
        off[:, 2] -= w * 0.06 * leg * (1 + c1)
        rot[:, J["pelvis"], 0] += w * 25 * s2
        rot[:, J["chest"], 0] -= w * 45 * s2
        for side, sign in (("l", 1.0), ("r", -1.0)):
            _blend(rot, J[f"{side}_upper_arm"], w, np.stack([z, 20 + z, sign * 70 + z], -1))
            _blend(rot, J[f"{side}_forearm"], w, np.stack([z, 90 + z, z], -1))
    elif a.style == "disco":
        up = 0.5 + 0.5 * np.clip(2.0 * np.sin(np.pi * beat / 2), -1.0, 1.0)  # point up, then down
        off[:, 0] += w * 0.05 * leg * s2
        off[:, 2] -= w * 0.03 * leg * (1 + c1)
        rot[:, J["chest"], 2] -= w * 10 * s2
        _blend(rot, J["r_upper_arm"], w, np.stack([z, 30 + 20 * up, -40 - 120 * up], -1))
        _blend(rot, J["r_forearm"], w, np.stack([z, 5 + z, z], -1))
        _blend(rot, J["l_upper_arm"], w, np.stack([z, -15 + z, 35 + z], -1))
        _blend(rot, J["l_forearm"], w, np.stack([z, 100 + z, z], -1))
        rot[:, J["head"], 0] += w * 20 * s2
    else:  # robot: stiff, quantised moves
        q1 = np.round(s1 * 2) / 2
        q2 = np.round(s2 * 2) / 2
        rot[:, J["chest"], 0] += w * 25 * q2
        rot[:, J["head"], 0] -= w * 30 * q2
        for side, sign in (("l", 1.0), ("r", -1.0)):
            _blend(rot, J[f"{side}_upper_arm"], w, np.stack([z, 45 + 30 * sign * q1, sign * 20 + z], -1))
            _blend(rot, J[f"{side}_forearm"], w, np.stack([z, 90 + z, z], -1))


def _look_at(a: LookAt, rot: np.ndarray, J: dict[str, int], w: np.ndarray, tracks: ActorTracks,
             lookup: Callable[[object], np.ndarray], m: Model, scale: float, others: dict[str, Actor]) -> None:
    target = lookup(a.target)
    if isinstance(a.target, str):
        other = others[a.target]
        target = target + np.array([0.0, 0.0, 0.85 * asset(other.asset).size[2] * other.scale[2]])
    head_z = tracks.position[:, 2] + float(joint_matrices(m, np.zeros((1, len(m.joints), 3)),
                                                          np.zeros((1, 3)))[0, J["head"], 2, 3]) * scale
    gap = target - np.stack([tracks.position[:, 0], tracks.position[:, 1], head_z], -1)
    rel = ((heading_of(gap) - tracks.hpr[:, 0]) + 180.0) % 360.0 - 180.0
    pitch = np.degrees(np.arctan2(gap[:, 2], np.hypot(gap[:, 0], gap[:, 1])))
    rel = np.clip(rel, -75.0, 75.0)
    pitch = np.clip(pitch, -35.0, 35.0)
    neck = J.get("neck")
    if neck is not None:
        rot[:, neck, 0] += w * 0.35 * rel
        rot[:, J["head"], 0] += w * 0.65 * rel
    else:
        rot[:, J["head"], 0] += w * rel
    rot[:, J["head"], 1] += w * pitch


@dataclass(frozen=True)
class FootMetrics:
    """How well a character's feet stay put: per-step slide (m) and the worst height of a planted sole (m)."""

    slides: np.ndarray  # (steps,) horizontal drift of each planted foot from touch-down to lift-off
    stance_height: float  # max |sole height above the actor's ground| over planted frames

    @property
    def max_slide(self) -> float:
        """The worst step's slide in metres (0 when the actor never walked)."""
        return float(self.slides.max()) if len(self.slides) else 0.0


def effector_positions(actor: Actor, position: np.ndarray, hpr: np.ndarray, scale: np.ndarray,
                       track: PoseTrack) -> tuple[np.ndarray, np.ndarray]:
    """World positions (F, L, 3) of each limb's effector (ankle or paw) from the baked poses (forward
    kinematics, the same composition engines draw with), and each effector's rest height above the sole (L,)."""
    m = model(actor.asset)
    world = actor_matrices(position, hpr, scale)[:, None] @ joint_matrices(m, track.rotations, track.root_offset)
    ends = []
    heights = []
    rest = joint_matrices(m, np.zeros((1, len(m.joints), 3)), np.zeros((1, 3)))[0]
    for limb in m.limbs:
        end = np.array([*limb.end, 1.0])
        ends.append((world[:, limb.lower] @ end)[:, :3])
        heights.append(float((rest[limb.lower] @ end)[2]) * float(np.mean(actor.scale)))
    return np.stack(ends, 1), np.array(heights)


def foot_metrics(actor: Actor, position: np.ndarray, hpr: np.ndarray, scale: np.ndarray,
                 track: PoseTrack, ground: np.ndarray) -> FootMetrics:
    """Measure foot slide per step and planted-sole height from the baked poses; ``ground`` (F,) is the
    height the actor walks on (its base height)."""
    ends, heights = effector_positions(actor, position, hpr, scale, track)
    slides: list[float] = []
    worst = 0.0
    for li in range(ends.shape[1]):
        planted = track.contacts[:, li]
        sole = ends[:, li, 2] - heights[li] - ground
        if planted.any():
            worst = max(worst, float(np.abs(sole[planted]).max()))
        edges = np.flatnonzero(np.diff(np.concatenate([[0], planted.astype(np.int8), [0]])))
        for a, b in zip(edges[::2], edges[1::2], strict=True):
            xy = ends[a:b, li, :2]
            slides.append(float(np.linalg.norm(xy - xy[0], axis=1).max()))
    return FootMetrics(np.array(slides), worst)
