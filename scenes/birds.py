"""The bird rig: wings that beat, glide, flare to land and fold, read from the bird's own flight path.

A bird model (``scenes/catalog/animals.py``) has a ``root`` joint and one joint per wing (``l_wing``,
``r_wing``) with the wing folded along the body at rest. A wing opens by turning its long axis out
sideways (heading ±90° at full spread) and beats by rolling about the body's forward axis. What the
wings do at a frame follows from the actions and the baked root motion, so any flight (``fly_to``,
``perch``, keyframes) gets wings:

- in the air (inside a ``fly_to`` or ``perch``): beating, faster and wider on take-off and when
  climbing; gliding (spread, barely moving) when coming down; flaring to land in the last 0.35 s
  (wings high, body pitched up, quick beats);
- ``hop``: wings half open for balance;
- otherwise: folded (perched, standing).

The body pitches with the climb or descent. Each state's weight ramps, so the wings never jump.
"""

from __future__ import annotations

import numpy as np

from scenes.animation import PoseTrack, envelope
from scenes.catalog import asset
from scenes.motion import ActorTracks, natural_end
from scenes.rig import Model, hpr_matrix, matrix_hpr
from scenes.script import Actor, FlyTo, Hop, Perch

BEAT = 55.0  # degrees either side of the stroke's middle
DIHEDRAL = 12.0  # degrees the stroke's middle sits above level
GLIDE_SINK = 0.4  # m/s of descent from which a flying bird glides instead of beating
FLARE = 0.35  # seconds of landing flare at the end of a flight
TAKE_OFF = 0.3  # seconds of hard beats at the start of a flight


def is_bird(m: Model) -> bool:
    """Whether a model has the bird rig (a joint per wing)."""
    names = {j.name for j in m.joints}
    return {"l_wing", "r_wing"} <= names


def _ramp(t: np.ndarray, start: float, end: float, ramp: float, duration: float) -> np.ndarray:
    return envelope(t, start, end, duration, ramp) if end > start else np.zeros(len(t))


def beat_rate(actor: Actor) -> float:
    """Wing beats a second: small birds beat faster (capped at 6/s, so 30 fps still sees the stroke)."""
    length = asset(actor.asset).size[1] * float(np.mean(actor.scale))
    return float(np.clip(1.6 / np.sqrt(max(length, 0.05)), 2.5, 6.0))


def bird_poses(actor: Actor, tracks: ActorTracks, times: np.ndarray, duration: float, m: Model) -> PoseTrack:
    """The wings' and body's rotations at every frame for a bird flying, landing, hopping or at rest."""
    n = len(times)
    dt = float(times[1] - times[0]) if n > 1 else 1.0 / 30
    air = np.zeros(n)
    flare = np.zeros(n)
    launch = np.zeros(n)
    hop = np.zeros(n)
    for a in actor.actions:
        end = natural_end(a, duration)
        if isinstance(a, FlyTo | Perch):
            air = np.maximum(air, _ramp(times, a.start, end, 0.15, duration))
            flare = np.maximum(flare, _ramp(times, end - FLARE, end + 0.1, 0.12, duration))
            launch = np.maximum(launch, _ramp(times, a.start, a.start + TAKE_OFF, 0.1, duration))
        elif isinstance(a, Hop):
            hop = np.maximum(hop, _ramp(times, a.start, end, 0.15, duration))
    vz = np.gradient(tracks.position[:, 2], dt) if n > 1 else np.zeros(n)
    vh = np.linalg.norm(np.gradient(tracks.position[:, :2], dt, axis=0), axis=1) if n > 1 else np.zeros(n)
    glide = np.clip((-vz - GLIDE_SINK) / 0.4, 0.0, 1.0) * (1.0 - flare)
    beating = air * (1.0 - glide)
    amplitude = BEAT * beating * (1.0 + 0.3 * launch + 0.2 * flare) + 4.0 * air * glide
    phase = 2 * np.pi * np.cumsum(np.full(n, beat_rate(actor) * dt) * (1.0 + 0.5 * flare + 0.3 * launch))
    flap = amplitude * np.sin(phase) + (DIHEDRAL + 30.0 * flare) * air
    spread = np.maximum(air * (1.0 - 0.15 * glide), 0.5 * hop)
    rot = np.zeros((n, len(m.joints), 3))
    for name, side in (("l_wing", 1.0), ("r_wing", -1.0)):
        # open: the long axis turns out sideways; beat: roll about the body's forward axis (tip up for +flap)
        open_ = hpr_matrix(np.stack([-side * 90.0 * spread, 0 * spread, 0 * spread], -1))
        stroke = hpr_matrix(np.stack([0 * flap, 0 * flap, side * flap], -1))
        rot[:, m.joint_index(name)] = matrix_hpr(stroke @ open_)
    climb = np.degrees(np.arctan2(vz, np.maximum(vh, 0.3)))
    rot[:, 0, 1] = (1.0 - flare) * air * np.clip(0.5 * climb, -25.0, 25.0) + 22.0 * flare
    return PoseTrack(rot, np.zeros((n, 3)), np.zeros((n, 0), dtype=bool), ())
