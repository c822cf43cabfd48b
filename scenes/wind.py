"""Wind sway of trees: the ``crown`` joint's rotations, baked into the timeline like any pose.

Because the sway is a pose of every frame and not an effect of the renderer, the depth, mask and flow passes
follow it exactly and any frame renders alone. A crown leans downwind by the drag on it (growing with the
square of the wind speed, capped) and swings about that lean at the tree's own frequency (taller trees swing
slower), a little across the wind too (crowns trace loops, not lines). Gusts scale both: a few slow waves drawn
once per script from its seed, travelling downwind, so neighbouring trees bend together as a gust passes and a
tree further downwind bends a moment later. No wind, no motion at all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from scenes.animation import PoseTrack
from scenes.rig import Model

SWAY_JOINT = "crown"
MAX_LEAN = 8.0  # degrees: the steady lean saturates here (tanh); gusts' swing adds at most ~4.5° more
LEAN_PER_SPEED2 = 0.03  # degrees per (m/s)²: ~0.75° in a 5 m/s breeze, ~3° at 10 m/s, saturating past ~15 m/s
GUST_WAVES = 4


@dataclass(frozen=True)
class Gusts:
    """Slow waves of wind strength (frequencies in Hz, amplitudes, phases in radians) that travel downwind."""

    frequency: np.ndarray
    amplitude: np.ndarray
    phase: np.ndarray

    @staticmethod
    def draw(rng: np.random.Generator) -> Gusts:
        """The script's gusts: periods of 4 to 25 s, strengths summing to at most ±45 % of the mean wind."""
        amplitude = rng.uniform(0.5, 1.0, GUST_WAVES)
        return Gusts(rng.uniform(0.04, 0.25, GUST_WAVES), 0.45 * amplitude / amplitude.sum(),
                     rng.uniform(0.0, 2 * math.pi, GUST_WAVES))

    def strength(self, times: np.ndarray, downwind: float, speed: float) -> np.ndarray:
        """The wind's strength over its mean (F,) at a point ``downwind`` metres along it: gusts arrive later there."""
        late = times[:, None] - downwind / max(speed, 1.0)
        return 1.0 + (self.amplitude * np.sin(2 * math.pi * self.frequency * late + self.phase)).sum(-1)


def sway_track(model: Model, times: np.ndarray, position: np.ndarray, heading: float, height: float,
               wind: np.ndarray, gusts: Gusts, rng: np.random.Generator) -> PoseTrack | None:
    """Crown rotations (F, J, 3) of a tree standing at ``position`` (3,) with ``heading`` (degrees) and ``height``
    (metres) in ``wind`` (3,) m/s; ``None`` when the model has no crown or there is no wind.

    ``rng`` draws the tree's own swing phases (the script's generator, passed in actor order).
    """
    names = [j.name for j in model.joints]
    speed = float(np.hypot(wind[0], wind[1]))
    if SWAY_JOINT not in names:
        return None
    phases = rng.uniform(0.0, 2 * math.pi, 2)  # drawn for every tree, wind or not: the others' stay put
    if speed <= 0.0:
        return None
    down = wind[:2] / speed
    lean = LEAN_PER_SPEED2 * speed * speed
    swing = 0.3 * min(lean, MAX_LEAN) + 0.06 * min(speed, 10.0)  # a light breeze stirs a crown that hardly leans
    f0 = 0.45 * math.sqrt(4.0 / max(height, 0.5))  # Hz: about 0.45 for a 4 m tree, 0.37 for a 6 m pine
    gust = gusts.strength(times, float(position[:2] @ down), speed)
    # the lean saturates smoothly (tanh) and the swing rides on it: a storm still shakes a crown bent as far as it goes
    along = MAX_LEAN * np.tanh(gust * lean / MAX_LEAN) + gust * swing * np.sin(2 * math.pi * f0 * times + phases[0])
    across = gust * (0.35 * swing * np.sin(2 * math.pi * 1.37 * f0 * times + phases[1]))
    # The wind in the tree's own frame (its heading turns it), then tipping the crown's up axis towards it:
    # a small positive roll tips +Z towards +X, a positive pitch towards -Y (Panda's and the rig's hpr).
    h = math.radians(heading)
    dx, dy = down[0] * math.cos(h) + down[1] * math.sin(h), -down[0] * math.sin(h) + down[1] * math.cos(h)
    tip_x, tip_y = along * dx + across * dy, along * dy - across * dx
    rot = np.zeros((len(times), len(names), 3))
    k = names.index(SWAY_JOINT)
    rot[:, k, 2] = tip_x
    rot[:, k, 1] = -tip_y
    return PoseTrack(rot, np.zeros((len(times), 3)), np.zeros((len(times), 0), dtype=bool), ())
