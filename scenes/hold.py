"""Hands and riding: picking a prop up, holding and carrying it, putting it down, and riding a mount.

Everything is resolved once into the timeline, so engines only draw it and the ground-truth passes stay exact:

- :func:`grips` reads who holds what, and when, from the actions: ``pick_up`` and ``hold`` open a grip on a
  prop, ``put_down`` closes it, ``give`` passes it on (the giver holds it out half way, the receiver's hands
  take it there). One :class:`Grip` per holding; the world check reads the same.
- :func:`body_layer` (the pelvis and chest lean forward and the pelvis drops, before the legs are solved, so the
  feet stay planted and the knees bend) and :func:`arm_layer` (two-bone IK of each holding arm towards its hand
  target) are pose layers of ``scenes.animation.character_poses``. A hand target travels from the free hand to the
  grip point on the resting prop (the reach), up to the hold pose (in front of the body; at the side for a bag
  held by its handle), and down to where the prop is put.
- :func:`held_tracks` then places each held prop from the posed hand: its grip point at the palm, upright,
  turning with the holder (people keep a cup level and a box square to them); after ``put_down`` it rests exactly
  where it was set down.
- :func:`ride_tracks` seats a rider's pelvis on the mount's ``rideable`` point, moving, turning and bobbing with
  it; :func:`astride` is the riding pose of the legs and arms.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cache

import numpy as np

from scenes.actions import ACTIONS
from scenes.catalog import asset, model
from scenes.motion import ActorTracks, ease, natural_end
from scenes.rig import Model, actor_matrices, hpr_matrix, joint_matrices, two_bone_ik
from scenes.traits import HoldStyle

HAND_HALF = 0.03  # metres from the hand's centre to its palm: a gripped side is this far from the hand's centre
GAP = 0.1  # metres between the front of the body and a thing held in front of it
RAMP = 0.3  # seconds the arm takes to blend into and out of the IK pose
LOW_SEAT = 0.75  # a seat lower than this share of the rider's leg is sat on with the knees up (a rowing boat's)
MOUNT_S = 0.8  # seconds a rider takes to get up onto the saddle (or down from it)
HELD_M = 0.05  # a palm this close to a prop's box holds it (the world check)
INF = math.inf


@dataclass(frozen=True)
class Grip:
    """One holding: ``holder`` holds ``prop`` in ``style`` (``side`` is the hand, ``r`` or ``l``; both hands for
    ``both``). The hand sets off at ``reach``, grips at ``attach``, is in the hold pose from ``lifted``; from
    ``put`` it sets the prop down at ``to`` (on ``onto``) or holds it out to ``receiver``, lets go at ``release``
    and is free again at ``done`` (``inf`` when it holds to the end)."""

    holder: str
    prop: str
    style: HoldStyle
    side: str
    reach: float
    attach: float
    lifted: float
    put: float = INF
    release: float = INF
    done: float = INF
    to: tuple[float, float, float] | None = None
    onto: str | None = None
    receiver: str | None = None  # who it is given to (``give``): it is let go into their hands
    thrown: bool = False  # let go at ``release`` into the physics bake (a ball thrown for a dog), not set down

    def sides(self) -> tuple[str, ...]:
        """The hands that hold it."""
        return ("l", "r") if self.style == "both" else (self.side,)

    def held(self, times: np.ndarray) -> np.ndarray:
        """(F,) bool: frames the prop is in the hand."""
        return (times >= self.attach) & (times < self.release)


def style_of(hand: str, prop_asset: str) -> tuple[HoldStyle, str]:
    """(style, hand side) for a ``hand`` field (auto, right, left, both) and the prop's traits."""
    spec = asset(prop_asset)
    natural = spec.traits.hold_style(spec.size)
    if hand == "both":
        return "both", "r"
    if hand in ("right", "left"):
        return ("hand" if natural == "both" else natural), hand[0]
    return natural, "r"


def _phase(action: object, duration: float) -> tuple[float, float, float]:
    """(start, contact, end) of a hand action: the registry's contact time scaled to the action's length."""
    entry = ACTIONS[action.type]  # type: ignore[attr-defined]
    start = float(action.start)  # type: ignore[attr-defined]
    end = natural_end(action, duration)
    natural = entry.natural_duration or 0.0
    contact = entry.physics.contact.time if entry.physics and entry.physics.contact else 0.0
    share = contact / natural if natural else 0.0
    return start, start + share * (end - start), end


def hand_events(actors: list) -> list[tuple[object, object]]:
    """(actor, action) of every hand action (pick_up, hold, put_down, give), in the order of their start times
    across all actors (a thing given passes from one holder to the next)."""
    events = [(a, act) for a in actors for act in a.actions if act.type in ("pick_up", "hold", "put_down", "give")]
    return sorted(events, key=lambda e: e[1].start)


def grips(actors: list, duration: float) -> list[Grip]:
    """Every holding among ``actors``, in order of grip: ``pick_up``/``hold`` open one, ``put_down`` closes it,
    ``give`` closes the giver's and opens the receiver's (who takes it at the hand-over)."""
    out: list[Grip] = []
    by_id = {a.id: a for a in actors}
    holding: dict[str, Grip] = {}  # by prop
    for a, act in hand_events(actors):
        if act.object not in by_id:
            continue
        s, c, e = _phase(act, duration)
        if act.type in ("pick_up", "hold"):
            style, side = style_of(act.hand, by_id[act.object].asset)
            holding[act.object] = Grip(a.id, act.object, style, side, s, s if act.type == "hold" else c,
                                       s if act.type == "hold" else e)
        elif act.object in holding and holding[act.object].holder == a.id:
            g = holding.pop(act.object)
            to = act.to if act.type == "put_down" else None  # (a give's ``to`` is its receiver)
            out.append(Grip(g.holder, g.prop, g.style, g.side, g.reach, g.attach, g.lifted, s, c, e,
                            tuple(to) if to is not None else None, getattr(act, "onto", None),
                            act.to if act.type == "give" else None))
            if act.type == "give" and act.to in by_id:
                style, side = style_of("auto", by_id[act.object].asset)
                holding[act.object] = Grip(act.to, act.object, style, side, s, c, e)
    for g in holding.values():  # held until physics takes it: thrown at that moment
        body = by_id[g.prop].physics
        start = body.start if body is not None and body.body == "dynamic" else None
        if start is not None and start > g.attach:
            g = replace(g, put=start, release=start, done=min(start + 0.4, duration), thrown=True)
        out.append(g)
    return sorted(out, key=lambda g: g.attach)


# --------------------------------------------------------------------------------------------- the hand


@cache
def palm(asset_name: str, side: str) -> np.ndarray:
    """The palm's centre (3,) in the hand joint's frame (model metres): the middle of the hand's vertices,
    a little towards the wrist."""
    m = model(asset_name)
    verts = np.concatenate(m.joint_vertices(m.joint_index(f"{side}_hand")))
    return verts.mean(axis=0).astype(np.float64) * 0.85


def palm_positions(asset_name: str, position: np.ndarray, hpr: np.ndarray, scale: np.ndarray,
                   rotations: np.ndarray, root_offset: np.ndarray, side: str) -> np.ndarray:
    """World positions (F, 3) of a posed person's palm (forward kinematics, as engines draw it)."""
    m = model(asset_name)
    hand = (actor_matrices(position, hpr, scale) @ joint_matrices(m, rotations, root_offset)[:, m.joint_index(
        f"{side}_hand")])
    return hand[:, :3, :3] @ palm(asset_name, side) + hand[:, :3, 3]


def _rz(heading: np.ndarray) -> np.ndarray:
    """Rotation matrices (F, 3, 3) about Z for headings (F,) in degrees."""
    h = np.asarray(heading, dtype=np.float64)
    return hpr_matrix(np.stack([h, np.zeros_like(h), np.zeros_like(h)], -1))


def _wrap(deg: np.ndarray | float) -> np.ndarray:
    return (np.asarray(deg) + 180.0) % 360.0 - 180.0


def _extents(prop_size: np.ndarray, dh: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Half extents of a prop across (x) and along (y) its holder's facing, turned ``dh`` degrees from it."""
    c, s = np.abs(np.cos(np.radians(dh))), np.abs(np.sin(np.radians(dh)))
    return c * prop_size[0] / 2 + s * prop_size[1] / 2, s * prop_size[0] / 2 + c * prop_size[1] / 2


def hold_turn(style: HoldStyle, prop_size: np.ndarray, dh0: float) -> float:
    """The prop's heading relative to its holder once lifted: square to the holder (the nearest quarter turn)
    for a thing in both hands, thin side to the leg for a bag at the side, as gripped for one hand."""
    if style == "hand":
        return float(dh0)
    turns = [k * 90.0 for k in range(-2, 3)]
    if style == "side":
        thin = [t for t in turns if _extents(prop_size, np.array(t))[0] <= _extents(prop_size, np.array(t))[1]]
        turns = thin or turns
    return min(turns, key=lambda t: abs(_wrap(dh0 - t)))


def anchors(grip: Grip, prop_size: np.ndarray, grip_point: np.ndarray, dh: np.ndarray, round_: bool
            ) -> dict[str, np.ndarray]:
    """Where each holding palm is (F, 3) relative to the prop's base, in its holder's heading frame, with the prop
    turned ``dh`` (F,) from the holder: its grip point, or for both hands the sides of its middle (nearer its
    back, so a deep box is held close)."""
    g = np.einsum("fij,j->fi", _rz(dh), grip_point)
    if grip.style != "both":
        return {grip.side: g}
    ex, ey = _extents(prop_size, dh)
    back = np.zeros_like(ey) if round_ else -ey + np.minimum(0.12, ey)
    # a box is gripped near its top, where hands hold it; a ball at its widest
    mid = np.stack([np.zeros_like(ey), back, g[:, 2] if round_ else np.maximum(g[:, 2], 0.7 * prop_size[2])], -1)
    return {s: mid + np.stack([(1.0 if s == "r" else -1.0) * (ex + HAND_HALF), 0 * ey, 0 * ey], -1)
            for s in ("l", "r")}


@dataclass(frozen=True)
class HeldProp:
    """What the hands need to know of a prop: its size and grip point (metres, scaled), whether it is round,
    its base and heading where it rests before it is picked up (F, 3) and (F,), and the top it is put on."""

    size: np.ndarray
    grip_point: np.ndarray
    round: bool
    rest: np.ndarray
    rest_heading: np.ndarray
    put_height: float | None  # world height of the top of ``onto`` (or the ground) where it is put down
    receiver_at: np.ndarray | None = None  # where the receiver of a ``give`` stands as it is handed over (3,)


def held_prop(grip: Grip, actors: dict[str, object], tracks: dict[str, ActorTracks], times: np.ndarray) -> HeldProp:
    """What the hands need to know of ``grip``'s prop, from its catalog traits and its tracks before it is held."""
    prop = actors[grip.prop]
    spec = asset(prop.asset)  # type: ignore[attr-defined]
    scale = np.asarray(prop.scale, dtype=np.float64)  # type: ignore[attr-defined]
    put_height = None
    if grip.onto is not None and grip.onto in tracks:
        under = actors[grip.onto]
        top = asset(under.asset).traits.top_support()  # type: ignore[attr-defined]
        i = min(int(np.searchsorted(times, min(grip.release, float(times[-1])) - 1e-9)), len(times) - 1)
        lift = (top.height if top is not None else asset(under.asset).size[2]) * under.scale[2]  # type: ignore
        put_height = float(tracks[grip.onto].position[i, 2] + lift)
    receiver_at = None
    if grip.receiver is not None and grip.receiver in tracks:
        i = min(int(np.searchsorted(times, min(grip.release, float(times[-1])) - 1e-9)), len(times) - 1)
        receiver_at = tracks[grip.receiver].position[i].copy()
    own = tracks[grip.prop]
    return HeldProp(np.asarray(spec.size) * scale, np.asarray(spec.traits.grip or (0.0, 0.0, 0.0)) * scale,
                    spec.traits.round, own.position, own.hpr[:, 0], put_height, receiver_at)


def _relative_heading(grip: Grip, prop: HeldProp, holder_heading: np.ndarray, times: np.ndarray) -> np.ndarray:
    """(F,) the prop's heading relative to its holder while held: as gripped, turning square over the lift."""
    i0 = min(int(np.searchsorted(times, grip.attach - 1e-9)), len(times) - 1)
    dh0 = float(_wrap(prop.rest_heading[i0] - holder_heading[i0]))
    dh1 = hold_turn(grip.style, prop.size, dh0)
    if grip.lifted <= grip.attach:
        return np.full(len(times), dh1)
    u = ease((times - grip.attach) / (grip.lifted - grip.attach), "ease_in_out")
    return dh0 + u * _wrap(dh1 - dh0)


def hold_offsets(grip: Grip, holder_asset: str, scale: float, prop: HeldProp, dh: np.ndarray
                 ) -> dict[str, np.ndarray]:
    """The hold pose: each holding palm (F, 3) relative to the holder's base, in its heading frame. In front of
    the chest for a thing in one or both hands, hanging at the side for a bag."""
    spec = asset(holder_asset)
    height = spec.size[2] * scale
    front = spec.size[1] / 2 * scale
    ex, ey = _extents(prop.size, dh)
    at = anchors(grip, prop.size, prop.grip_point, dh, prop.round)
    n = len(dh)
    if grip.style == "both":
        base = np.stack([np.zeros(n), front + GAP + ey, 0.57 * height - at["r"][:, 2]], -1)
        return {s: base + a for s, a in at.items()}
    sign = 1.0 if grip.side == "r" else -1.0
    if grip.style == "side":
        hip = 0.19 * height / 1.8
        g = at[grip.side]
        x = sign * (hip + ex + 0.02) + g[:, 0]
        return {grip.side: np.stack([x, 0.02 * height + 0 * x, 0.44 * height + 0 * x], -1)}
    x = sign * 0.11 * height
    return {grip.side: np.stack([np.full(n, x), np.full(n, 0.19 * height), np.full(n, 0.56 * height)], -1)}


def put_place(grip: Grip, holder_pos: np.ndarray, holder_heading: float, holder_asset: str, scale: float,
              prop: HeldProp, dh: float) -> np.ndarray:
    """Where the prop's base comes to rest (3,): ``to`` (no further from the holder than arms reach: beyond that
    it is put down at arm's length), or in front of the holder on the top it is put on."""
    spec = asset(holder_asset)
    _, ey = _extents(prop.size, np.array(dh))
    ahead = spec.size[1] / 2 * scale + GAP + float(ey) + 0.15
    h = math.radians(holder_heading)
    if prop.receiver_at is not None:  # held out half way to the receiver, at the height it was carried
        mid = (holder_pos[:2] + prop.receiver_at[:2]) / 2
        carried = 0.57 * spec.size[2] * scale - prop.size[2] * (0.7 if grip.style == "both" else 0.5)
        return np.array([mid[0], mid[1], holder_pos[2] + carried])
    if grip.to is not None:
        to = np.asarray(grip.to, dtype=np.float64)
        d = to[:2] - holder_pos[:2]
        far = float(np.linalg.norm(d))
        reach = ahead + 0.1 * scale
        return to if far <= reach else np.array([*(holder_pos[:2] + d * reach / far), to[2]])
    xy = holder_pos[:2] + ahead * np.array([-math.sin(h), math.cos(h)])
    return np.array([xy[0], xy[1], prop.put_height if prop.put_height is not None else 0.0])


def hand_targets(grip: Grip, holder_asset: str, tracks: ActorTracks, prop: HeldProp, times: np.ndarray,
                 free: dict[str, np.ndarray]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """World targets (F, 3) of each holding palm and the IK weight (F,) over one holding: from the free hand to
    the grip point on the resting prop, up to the hold pose, down to where it is put, and back to the free hand."""
    n = len(times)
    scale = float(np.mean(tracks.scale[0]))
    heading = tracks.hpr[:, 0]
    dh = _relative_heading(grip, prop, heading, times)
    rot = _rz(heading)
    hold = {s: tracks.position + np.einsum("fij,fj->fi", rot, o)
            for s, o in hold_offsets(grip, holder_asset, scale, prop, dh).items()}
    i_att = min(int(np.searchsorted(times, grip.attach - 1e-9)), n - 1)
    on_rest = anchors(grip, prop.size, prop.grip_point, dh, prop.round)
    grip_at = {s: prop.rest[i_att] + rot[i_att] @ on_rest[s][i_att] for s in on_rest}
    free = {s: free.get(s, hold[s]) for s in grip.sides()}  # (the stoop only needs the grip and put points)
    out = {}
    for s in grip.sides():
        target = hold[s].copy()
        if grip.reach < grip.attach:  # the reach: from the free hand to the grip point
            u = ease((times - grip.reach) / (grip.attach - grip.reach), "ease_in_out")[:, None]
            reach = free[s] + u * (grip_at[s] - free[s])
            target = np.where((times < grip.attach)[:, None], reach, target)
        if grip.lifted > grip.attach:  # the lift: from the grip point up to the hold pose
            u = ease((times - grip.attach) / (grip.lifted - grip.attach), "ease_in_out")[:, None]
            lift = grip_at[s] + u * (hold[s] - grip_at[s])
            target = np.where(((times >= grip.attach) & (times < grip.lifted))[:, None], lift, target)
        out[s] = target
    if grip.thrown:  # the hand that let it go comes back from where it was
        i_rel = min(int(np.searchsorted(times, grip.release - 1e-9)), n - 1)
        for s in grip.sides():
            u = ease((times - grip.release) / max(grip.done - grip.release, 1e-6), "ease_in_out")[:, None]
            back = out[s][i_rel] + u * (free[s] - out[s][i_rel])
            out[s] = np.where((times >= grip.release)[:, None], back, out[s])
    elif grip.put < INF:
        i_rel = min(int(np.searchsorted(times, grip.release - 1e-9)), n - 1)
        place = put_place(grip, tracks.position[i_rel], float(heading[i_rel]), holder_asset, scale, prop,
                          float(dh[i_rel]))
        final = anchors(grip, prop.size, prop.grip_point, dh[i_rel:i_rel + 1], prop.round)
        for s in grip.sides():
            at_place = place + rot[i_rel] @ final[s][0]
            u = ease((times - grip.put) / max(grip.release - grip.put, 1e-6), "ease_in_out")[:, None]
            down = out[s] + u * (at_place - out[s])
            u2 = ease((times - grip.release) / max(grip.done - grip.release, 1e-6), "ease_in_out")[:, None]
            back = at_place + u2 * (free[s] - at_place)
            out[s] = np.where((times >= grip.release)[:, None], back, np.where((times >= grip.put)[:, None], down,
                                                                                  out[s]))
    start = grip.reach if grip.reach < grip.attach else -INF  # held from the start: in the hand at once
    w = ease((times - start) / RAMP, "ease_in_out") if start > -INF else np.ones(n)
    if grip.done < INF:
        w = w * ease((grip.done - times) / RAMP, "ease_in_out")
    return out, w


def stoop(grip: Grip, holder_asset: str, tracks: ActorTracks, targets: dict[str, np.ndarray], times: np.ndarray
          ) -> np.ndarray:
    """How far (F,; metres at the holder's scale) the shoulders must come down to reach each grip or put
    point, peaking at the moment of contact and easing out as the prop is lifted (or the hand comes back)."""
    scale = float(np.mean(tracks.scale[0]))
    m = model(holder_asset)
    rest = joint_matrices(m, np.zeros((1, len(m.joints), 3)), np.zeros((1, 3)))[0]
    shoulder = float(rest[m.joint_index("r_upper_arm"), 2, 3]) * scale
    arm = _arm_length(holder_asset, "r") * scale
    out = np.zeros(len(times))
    for lo, peak, hi in ((grip.reach, grip.attach, grip.lifted), (grip.put, grip.release, grip.done)):
        if not (lo < peak < INF):
            continue
        i = min(int(np.searchsorted(times, peak - 1e-9)), len(times) - 1)
        low = min(float(t[i, 2]) for t in targets.values()) - float(tracks.position[i, 2])
        need = max(0.0, shoulder - 0.95 * arm - low)
        up = ease((times - lo) / max(peak - lo, 1e-6), "ease_in_out")
        down = 1.0 - ease((times - peak) / max(hi - peak, 1e-6), "ease_in_out")
        out = np.maximum(out, need * np.where(times < peak, up, down))
    return out


def body_layer(stoop_m: np.ndarray, scale: float, leg: float) -> tuple[np.ndarray, np.ndarray]:
    """(forward lean in degrees, pelvis drop in model metres), each (F,), that bring the shoulders down
    ``stoop_m``: a lean of up to 60 degrees first (from the hips and the chest), then bent knees."""
    lean = np.clip(stoop_m / (0.45 * scale) * 45.0, 0.0, 60.0)
    dropped = 0.48 * scale * (1.0 - np.cos(np.radians(lean)))
    crouch = np.clip((stoop_m - dropped) / scale, 0.0, 0.48 * leg)
    return lean, crouch


@cache
def _arm_length(asset_name: str, side: str) -> float:
    m = model(asset_name)
    fore, hand = m.joint_index(f"{side}_forearm"), m.joint_index(f"{side}_hand")
    return float(np.linalg.norm(m.joints[fore].offset) + np.linalg.norm(np.asarray(m.joints[hand].offset)
                                                                        + palm(asset_name, side)))


def arm_layer(m: Model, asset_name: str, world: np.ndarray, rot: np.ndarray, side: str, target: np.ndarray,
              w: np.ndarray) -> None:
    """Bend arm ``side`` so its palm reaches ``target`` (F, 3, world), blended by ``w`` (F,): two-bone IK in the
    chest's frame, corrected twice for the arm's bones not lying on one line. ``world`` (F, J, 4, 4) is the
    posed body's joint matrices in the world."""
    live = w > 0
    if not live.any():
        return
    up, fore, hand = (m.joint_index(f"{side}_{n}") for n in ("upper_arm", "forearm", "hand"))
    parent = world[live][:, m.joints[up].parent]
    local = np.einsum("fij,fj->fi", np.linalg.inv(parent), np.concatenate(
        [target[live], np.ones((int(live.sum()), 1))], 1))[:, :3] - np.asarray(m.joints[up].offset)
    f_off = np.asarray(m.joints[fore].offset)
    h_end = np.asarray(m.joints[hand].offset) + palm(asset_name, side)
    l1, l2 = float(np.linalg.norm(f_off)), float(np.linalg.norm(h_end))
    goal = local.copy()
    for _ in range(3):
        p, r, k = two_bone_ik(goal, l1, l2, 1.0)
        upper = np.stack([0 * p, p, r], -1)
        elbow = np.stack([0 * k, k, 0 * k], -1)
        reached = np.einsum("fij,fj->fi", hpr_matrix(upper), f_off + np.einsum("fij,j->fi", hpr_matrix(elbow), h_end))
        goal = goal + (local - reached)
    wl = w[live][:, None]
    rot[live, up] += wl * (upper - rot[live, up])
    rot[live, fore] += wl * (elbow - rot[live, fore])
    rot[live, hand] -= wl * rot[live, hand]


def held_tracks(grip: Grip, holder_asset: str, holder: ActorTracks, rotations: np.ndarray, root_offset: np.ndarray,
                prop: HeldProp, own: ActorTracks, times: np.ndarray) -> ActorTracks:
    """The prop's tracks over one holding: its own before the grip, then its anchor at the posed palm(s)
    (upright, turning with the holder; eased in over a moment so a hand that fell short never makes it jump),
    then resting exactly where it was put down."""
    palms = {s: palm_positions(holder_asset, holder.position, holder.hpr, holder.scale, rotations, root_offset, s)
             for s in grip.sides()}
    dh = _relative_heading(grip, prop, holder.hpr[:, 0], times)
    at = anchors(grip, prop.size, prop.grip_point, dh, prop.round)
    rot = _rz(holder.hpr[:, 0])
    hand = np.mean([palms[s] - np.einsum("fij,fj->fi", rot, at[s]) for s in grip.sides()], axis=0)
    heading = holder.hpr[:, 0] + dh
    position, hpr = own.position.copy(), own.hpr.copy()
    held = grip.held(times)
    settle = ease((times - grip.attach) / 0.2, "ease_in_out")[:, None] if grip.reach < grip.attach else 1.0
    position = np.where(held[:, None], own.position + settle * (hand - own.position), position)
    hpr = np.where(held[:, None], np.stack([heading, 0 * heading, 0 * heading], -1), hpr)
    if grip.release < INF and not grip.thrown:  # set down where it was put (or held out to the receiver's hands)
        i = min(int(np.searchsorted(times, grip.release - 1e-9)), len(times) - 1)
        place = hand[i] if grip.receiver is not None else put_place(
            grip, holder.position[i], float(holder.hpr[i, 0]), holder_asset, float(np.mean(holder.scale[0])), prop,
            float(dh[i]))
        after = times >= grip.release
        u = ease((times - grip.release) / 0.15, "ease_in_out")[:, None]
        position = np.where(after[:, None], hand[i] + u * (place - hand[i]), position)
        hpr = np.where(after[:, None], np.array([heading[i], 0.0, 0.0]), hpr)
    return ActorTracks(position, hpr, own.scale)


def contents_tracks(contents: ActorTracks, container: ActorTracks, offset: np.ndarray, heading: float) -> ActorTracks:
    """Where a thing placed inside a container (an apple in a basket) is as the container is carried, moved or
    put down: ``offset`` from it as the script placed them (the container at ``heading``), turning with it."""
    dh = container.hpr[:, 0] - heading
    position = container.position + np.einsum("fij,j->fi", _rz(dh), offset)
    hpr = contents.hpr.copy()
    hpr[:, 0] = contents.hpr[0, 0] + dh
    return ActorTracks(position, hpr, contents.scale)


# ---------------------------------------------------------------------------------------------- riding


def riding(actor: object, times: np.ndarray, duration: float) -> np.ndarray:
    """(F,) how far the rider is up on its mount: 0 on the ground, easing to 1 over the mount-up, back at the end."""
    w = np.zeros(len(times))
    for act in actor.actions:  # type: ignore[attr-defined]
        if act.type != "ride":
            continue
        end = natural_end(act, duration)
        up = ease((times - act.start) / MOUNT_S, "ease_in_out") if act.start > 0 else np.ones(len(times))
        down = ease((end - times) / MOUNT_S, "ease_in_out") if end < duration - 1e-6 else 1.0
        w = np.maximum(w, up * down)
    return w


def standing_ride(mount_asset: str, rider_asset: str, rider_scale: float) -> bool:
    """A rideable point low on a low mount (a skateboard's deck) is stood on, not sat on; a car's seat is as low,
    but its body rises round the rider, who sits in it."""
    spec = asset(mount_asset)
    point = spec.traits.rideable or (0.0, 0.0, 0.0)
    pelvis = model(rider_asset).joints[0].offset[2] * rider_scale
    return point[2] < 0.5 * pelvis and spec.size[2] < pelvis


def saddle_positions(mount_asset: str, tracks: ActorTracks, root_rotations: np.ndarray | None,
                     root_offset: np.ndarray | None) -> np.ndarray:
    """World positions (F, 3) of the mount's rideable point, moving with its root joint (a horse's body bobs)."""
    point = np.asarray(asset(mount_asset).traits.rideable, dtype=np.float64)
    a = actor_matrices(tracks.position, tracks.hpr, tracks.scale)
    if root_rotations is not None and root_offset is not None:
        m = model(mount_asset)
        root = np.zeros((len(a), 4, 4))
        root[:, :3, :3] = hpr_matrix(root_rotations)
        root[:, :3, 3] = np.asarray(m.joints[0].offset) + root_offset
        root[:, 3, 3] = 1.0
        a = a @ root
        point = point - np.asarray(m.joints[0].offset)
    return a[:, :3, :3] @ point + a[:, :3, 3]


def ride_tracks(rider: object, own: ActorTracks, mount: object, mount_tracks: ActorTracks,
                mount_rotations: np.ndarray | None, mount_offset: np.ndarray | None, times: np.ndarray,
                duration: float) -> ActorTracks:
    """The rider's tracks: its own on the ground, its pelvis on the mount's saddle (facing and tilting with the
    mount) while it rides, hopping up at the start and stepping down to its left at the end."""
    scale = float(np.mean(own.scale[0]))
    rider_asset = rider.asset  # type: ignore[attr-defined]
    saddle = saddle_positions(mount.asset, mount_tracks, mount_rotations, mount_offset)  # type: ignore[attr-defined]
    standing = standing_ride(mount.asset, rider_asset, scale)  # type: ignore[attr-defined]
    up = np.zeros(3) if standing else np.asarray(model(rider_asset).joints[0].offset) * scale  # the pelvis
    seat = saddle - np.einsum("fij,j->fi", hpr_matrix(mount_tracks.hpr), up)
    w = riding(rider, times, duration)
    position, hpr = own.position.copy(), own.hpr.copy()
    for act in rider.actions:  # type: ignore[attr-defined]
        if act.type != "ride" or act.mount != mount.id:  # type: ignore[attr-defined]
            continue
        end = natural_end(act, duration)
        on = (times >= act.start) & (times <= end)
        if end < duration - 1e-6:  # after the ride: standing beside the mount, where it got down
            i = min(int(np.searchsorted(times, end - 1e-9)), len(times) - 1)
            h = math.radians(float(mount_tracks.hpr[i, 0]))
            beside = np.array([saddle[i, 0] - 0.7 * math.cos(h), saddle[i, 1] - 0.7 * math.sin(h), own.position[i, 2]])
            position[times > end] = beside
            hpr[times > end] = [mount_tracks.hpr[i, 0], 0.0, 0.0]
        ground = np.where((times > end)[:, None], position, own.position)
        arc = 0.25 * scale * np.sin(np.pi * np.clip(w, 0.0, 1.0))[:, None] * np.array([0.0, 0.0, 1.0])
        blend = ground + w[:, None] * (seat - ground) + np.where((w < 1.0)[:, None], arc, 0.0)
        position = np.where((on | (w > 0))[:, None], blend, position)
        turn = own.hpr[:, 0] + w * _wrap(mount_tracks.hpr[:, 0] - own.hpr[:, 0])
        hpr = np.where((on | (w > 0))[:, None], np.stack([turn, w * mount_tracks.hpr[:, 1],
                                                          w * mount_tracks.hpr[:, 2]], -1), hpr)
    return ActorTracks(position, hpr, own.scale)


def astride(mount_asset: str, mount_scale: float, leg_model: float,
            standing: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """The riding pose of a left leg (thigh, shin, foot hpr; (3, 3)) and both arms (upper arm, forearm; (2, 3)):
    thighs forward and apart round the mount's body (a horse's barrel; a bicycle's frame is narrow), shins down,
    hands forward on the reins or the handlebars. The right leg mirrors the roll. ``standing`` (on a board): the
    arms hang a little forward and bent, for balance (the legs stand, posed by the feet on the deck)."""
    if standing:
        return np.zeros((3, 3)), np.array([[0.0, 20.0, 0.0], [0.0, 35.0, 0.0]])
    spec = asset(mount_asset)
    half = (spec.size[0] * mount_scale / 2 if spec.rig else 0.08) + 0.05
    spread = float(np.degrees(np.arctan2(max(half - 0.11, 0.0), 0.48 * leg_model)))
    legs = np.array([[0.0, 60.0, min(spread, 40.0)], [0.0, -70.0, 0.0], [0.0, 10.0, 0.0]])
    point = spec.traits.rideable or (0.0, 0.0, 1.0)
    if not spec.rig and spec.size[2] > 2 * point[2]:  # in a car's seat, its body round the rider: legs stretched
        legs = np.array([[0.0, 88.0, 4.0], [0.0, -8.0, 0.0], [0.0, -20.0, 0.0]])  # forward, in the footwell
    elif not spec.rig and point[2] * mount_scale < LOW_SEAT * leg_model:  # a boat's bench: sat on, knees up
        legs = np.array([[0.0, 85.0, 4.0], [0.0, -85.0, 0.0], [0.0, 0.0, 0.0]])
    arms = np.array([[0.0, 35.0, 0.0], [0.0, 55.0, 0.0]])
    return legs, arms
