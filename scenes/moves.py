"""Full-body moves of people: kick, punch, cartwheel, backflip, forward roll, crawl, get-up and the captured dances.

Each move is a pose of every joint over the move's own time, in the model's frame, plus the distance the
body travels over the ground. The captured ones come from ``scenes/mocap.py``; the football kick is
keyed by hand (the captured kick is a head-high martial-arts kick, available as ``style: martial``),
so its leg meets a ball on the ground at the contact time the action registry names.

``scenes/motion.py`` moves the actor's root by :func:`travel` (turned by its heading), so the actor ends
where the move takes it; ``scenes/animation.py`` blends :func:`pose` over everything else (gait
included) with a short ramp in and out, through quaternions, so nothing pops.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scenes.actions import ACTIONS
from scenes.mocap import clip, leg_scale, root_height, sample
from scenes.rig import Model, joint_matrices
from scenes.script import Dance, GetUp, Kick, Punch

RAMP = 0.25  # seconds a move takes to blend in and out
# the football kick: (time s, kicking thigh pitch, kicking knee pitch, standing knee pitch, chest pitch,
# kicking-side arm pitch, other arm roll) — wind-up, swing through the ball, follow-through, recover
KICK_KEYS = np.array([
    (0.00, 0, 0, 0, 0, 0, 0),
    (0.25, -10, -20, -12, 4, 10, 10),
    (0.38, -38, -95, -18, 8, 30, 30),
    (0.50, 28, -14, -20, -6, -25, 45),
    (0.66, 62, -22, -14, -12, -35, 40),
    (0.90, 18, -30, -6, -4, -10, 15),
    (1.20, 0, 0, 0, 0, 0, 0),
])
TOE = np.array([0.0, 0.13, -0.045])  # the kicking point of a foot, in its joint's frame (m, for a 1.75 m body)
KNUCKLES = np.array([0.0, 0.0, -0.09])  # the punching point of a hand, in its joint's frame


@dataclass(frozen=True)
class DanceClip:
    """A captured dance style: its clip, the beats in one of its cycles (its own tempo) and how it comes back to
    where it started. The clips travel each cycle (DeepMimic's ``dance_a`` 1.2 m sideways while twirling,
    ``dance_b`` 15 cm): with ``turns`` > 0 each cycle is turned ``360 / turns`` degrees further, a little at every
    frame, so the steps go round a small loop that closes after ``turns`` cycles and the feet stay where they
    step; with 0 the small drift is taken off evenly over the cycle."""

    clip: str
    beats: int
    turns: int


DANCES = {"freestyle": DanceClip("dance_b", 4, 0), "twirl": DanceClip("dance_a", 4, 2)}
TEMPO_STRETCH = (0.75, 1.33)  # how much faster or slower than captured a dance plays to follow the asked tempo
DANCE_RAMP = 0.5  # seconds a dance takes to blend in and out of the standing pose
_STEP = 1.0 / 120  # seconds: the grid a turned dance's steps are summed on


def _dance_time(action: Dance, u: np.ndarray) -> np.ndarray:
    """Clip time (loops on) for dance time ``u``: played at the asked tempo, within :data:`TEMPO_STRETCH`."""
    style = DANCES[action.style]
    natural = 60.0 * style.beats / clip(style.clip).duration
    return np.asarray(u, dtype=np.float64) * float(np.clip(action.tempo / natural, *TEMPO_STRETCH))


def _dance_turn(style: DanceClip, uc: np.ndarray) -> np.ndarray:
    """The extra heading (degrees, (F,)) of a dance at clip times ``uc``."""
    return 360.0 / style.turns * uc / clip(style.clip).duration if style.turns else np.zeros_like(uc)


def _dance_sample(action: Dance, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Joint rotations (F, 16, 3) and root positions (F, 3; DeepMimic metres, our axes) of a dance ``u`` seconds
    in, its travel brought back round (see :class:`DanceClip`)."""
    style = DANCES[action.style]
    c = clip(style.clip)
    uc = _dance_time(action, u)
    rot, root = sample(c, uc)
    rot[:, 0, 0] += _dance_turn(style, uc)  # hpr = Rz(h)·…: a turn about the vertical adds to the heading
    if not style.turns:
        root[:, :2] -= (c.root[-1, :2] - c.root[0, :2]) * (uc / c.duration)[:, None]
        return rot, root
    # each step of the captured travel turned by the heading added so far, summed from the start
    grid = np.arange(0.0, float(uc.max(initial=0.0)) + 2 * _STEP, _STEP)
    _, path = sample(c, grid)
    step = np.diff(path[:, :2], axis=0)
    h = np.radians(_dance_turn(style, (grid[1:] + grid[:-1]) / 2.0))
    turned = np.stack([np.cos(h) * step[:, 0] - np.sin(h) * step[:, 1],
                       np.sin(h) * step[:, 0] + np.cos(h) * step[:, 1]], -1)
    walked = np.concatenate([[path[0, :2]], path[0, :2] + np.cumsum(turned, axis=0)])
    root[:, 0] = np.interp(uc, grid, walked[:, 0])
    root[:, 1] = np.interp(uc, grid, walked[:, 1])
    return rot, root


def _clip_of(action: object) -> tuple[str, bool] | None:
    """The captured clip a move plays and whether mirrored, or ``None`` for the keyed football kick."""
    if isinstance(action, Kick):
        return ("kick", action.foot == "left") if action.style == "martial" else None
    if isinstance(action, Punch):
        return "punch", action.hand == "left"
    if isinstance(action, GetUp):
        return f"getup_{action.lying.replace('_', '')}", False
    return {"cartwheel": "cartwheel", "backflip": "backflip", "forward_roll": "roll", "crawl": "crawl"}[
        action.type], False  # type: ignore[attr-defined]


def _clip_time(which: tuple[str, bool], u: np.ndarray) -> np.ndarray:
    """Clip time for move time ``u``: only the crawl repeats; the others (marked cyclic in DeepMimic's data,
    for training) play once and hold their last frame."""
    c = clip(*which)
    return u if which[0] == "crawl" else np.minimum(u, c.duration - 1e-6)


def ramp_in(action: object) -> float:
    """Seconds a move takes to blend in: getting up first lies down and crawling first kneels, which take longer
    than a ramp (a move at the very start is already under way)."""
    if getattr(action, "start", 0.0) > 0 and getattr(action, "type", "") in ("get_up", "crawl"):
        return 1.0
    return DANCE_RAMP if isinstance(action, Dance) else RAMP


def ramp_out(action: object) -> float:
    """Seconds a move takes to blend out: a crawl ends by standing up, which takes longer than a ramp."""
    return 1.0 if getattr(action, "type", "") == "crawl" else DANCE_RAMP if isinstance(action, Dance) else RAMP


def _hermite(keys: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Catmull-Rom through ``keys`` (K, 1 + C: time then channels) at times ``t`` (F,): smooth and not stopping
    at the keys (the kicking leg is fastest at contact)."""
    kt, kv = keys[:, 0], keys[:, 1:]
    t = np.clip(t, kt[0], kt[-1])
    i = np.clip(np.searchsorted(kt, t, side="right") - 1, 0, len(kt) - 2)
    slope = np.gradient(kv, kt, axis=0)
    slope[[0, -1]] = 0.0
    h = (kt[i + 1] - kt[i])[:, None]
    s = ((t - kt[i]) / h[:, 0])[:, None]
    h00, h10, h01, h11 = 2 * s**3 - 3 * s**2 + 1, s**3 - 2 * s**2 + s, -2 * s**3 + 3 * s**2, s**3 - s**2
    return h00 * kv[i] + h10 * h * slope[i] + h01 * kv[i + 1] + h11 * h * slope[i + 1]


def _football_kick(action: Kick, m: Model, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    c = _hermite(KICK_KEYS, u)
    rot = np.zeros((len(u), len(m.joints), 3))
    off = np.zeros((len(u), 3))
    kick, stand = ("r", "l") if action.foot == "right" else ("l", "r")
    sign = 1.0 if action.foot == "right" else -1.0
    j = m.joint_index
    rot[:, j(f"{kick}_thigh"), 1] = c[:, 0]
    rot[:, j(f"{kick}_shin"), 1] = c[:, 1]
    rot[:, j(f"{kick}_foot"), 1] = -20.0 * np.clip(np.abs(c[:, 0]) / 40.0, 0.0, 1.0)  # toes pointed in the swing
    rot[:, j(f"{stand}_shin"), 1] = c[:, 2]
    rot[:, j(f"{stand}_thigh"), 1] = -0.5 * c[:, 2]
    rot[:, j(f"{stand}_foot"), 1] = -0.5 * c[:, 2]
    rot[:, j("chest"), 1] = c[:, 3]
    rot[:, j(f"{kick}_upper_arm"), 1] = c[:, 4]
    rot[:, j(f"{stand}_upper_arm"), 2] = sign * c[:, 5]
    rot[:, j(f"{stand}_forearm"), 1] = 0.6 * c[:, 5]
    # the pelvis sinks exactly as much as the bent standing leg shortens, so that foot stays on the ground
    a, k = np.radians(-0.5 * c[:, 2]), np.radians(c[:, 2])
    l1 = float(np.linalg.norm(m.joints[j(f"{stand}_shin")].offset))
    l2 = float(np.linalg.norm(m.joints[j(f"{stand}_foot")].offset))
    off[:, 2] = -(l1 * (1 - np.cos(a)) + l2 * (1 - np.cos(a + k)))
    return rot, off


def pose(action: object, m: Model, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Joint rotations (F, J, 3) and root offsets (F, 3; vertical only) of a move ``u`` seconds into it."""
    u = np.asarray(u, dtype=np.float64)
    if isinstance(action, Dance):
        rot, root = _dance_sample(action, u)
        off = np.zeros((len(u), 3))
        off[:, 2] = root_height(m, root[:, 2])
        return rot, off
    which = _clip_of(action)
    if which is None:
        return _football_kick(action, m, u)  # type: ignore[arg-type]
    rot, root = sample(clip(*which), _clip_time(which, u))
    off = np.zeros((len(u), 3))
    off[:, 2] = root_height(m, root[:, 2])
    return rot, off


def travel(action: object, m: Model, u: np.ndarray) -> np.ndarray:
    """How far (F, 2) the body has moved over the ground ``u`` seconds into a move, in the model's frame."""
    if isinstance(action, Dance):
        _, root = _dance_sample(action, np.asarray(u, dtype=np.float64))
        return (root[:, :2] - root[:1, :2]) * leg_scale(m)
    which = _clip_of(action)
    if which is None:
        return np.zeros((len(u), 2))
    _, root = sample(clip(*which), _clip_time(which, u))
    return (root[:, :2] - root[:1, :2]) * leg_scale(m)


def contact(action: object) -> tuple[str, float] | None:
    """The striking limb (a joint name) and the contact time of a kick or punch (from the action registry)."""
    entry = ACTIONS[action.type]  # type: ignore[attr-defined]
    if entry.physics is None or entry.physics.contact is None:
        return None
    limb, at = entry.physics.contact.limb, entry.physics.contact.time
    side = getattr(action, "foot", None) or getattr(action, "hand", None)
    if side == "left":
        limb = "l_" + limb[2:]
    return limb, at


def strike_point(action: object, m: Model) -> np.ndarray:
    """Where the striking limb's point (toe or knuckles) is at the contact time, in the model's frame (before
    the move's travel)."""
    limb, at = contact(action)  # type: ignore[misc]
    rot, off = pose(action, m, np.array([at]))
    mats = joint_matrices(m, rot, off)[0, m.joint_index(limb)]
    height = float(np.ptp(m.rest_mesh().vertices[:, 2]))
    tip = (TOE if limb.endswith("foot") else KNUCKLES) * height / 1.75
    return mats[:3, :3] @ tip + mats[:3, 3] + np.append(travel(action, m, np.array([at]))[0], 0.0)
