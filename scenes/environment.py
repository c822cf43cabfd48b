"""Sky presets and ground materials: the look of the world around the actors, as data."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SkyPreset:
    """Colours are sRGB in 0..1; the sun direction is a compass heading and an elevation in degrees."""

    zenith: tuple[float, float, float]
    horizon: tuple[float, float, float]
    sun_heading: float
    sun_elevation: float
    sun_colour: tuple[float, float, float]
    sun_intensity: float
    ambient: float  # strength of the sky's hemisphere light relative to the sun
    fog_density: float  # per metre, exponential-squared fog towards the horizon colour
    lamp_posts: int = 0  # street lamps (point lights) placed around the scene, for night skies
    # sky radiance (scenes/sky.py): "preetham" (clear, from the sun), "tinted" (Preetham's brightness in the preset's
    # colours: a sunset keeps its palette), "overcast", "gradient"
    model: str = "gradient"
    turbidity: float = 3.0  # haze of a Preetham sky: 2 very clear, 3 clear, 6 hazy
    exposure: float = 0.0  # stops: a dusk is meant to look darker than noon


SKY_PRESETS: dict[str, SkyPreset] = {
    "day": SkyPreset((0.30, 0.52, 0.86), (0.78, 0.86, 0.95), 135.0, 50.0, (1.0, 0.97, 0.92), 3.0, 0.45, 0.004,
                     model="tinted", turbidity=2.5),
    "sunset": SkyPreset((0.22, 0.28, 0.55), (1.0, 0.62, 0.36), 250.0, 9.0, (1.0, 0.62, 0.35), 2.6, 0.35, 0.006,
                        model="tinted", turbidity=3.5, exposure=-0.7),
    "night": SkyPreset((0.01, 0.015, 0.05), (0.05, 0.07, 0.14), 200.0, 40.0, (0.55, 0.65, 1.0), 0.45, 0.35, 0.01,
                       lamp_posts=4),
    "overcast": SkyPreset((0.62, 0.66, 0.70), (0.80, 0.82, 0.84), 150.0, 60.0, (0.95, 0.96, 1.0), 0.9, 1.0, 0.008,
                          model="overcast"),
    "studio": SkyPreset((0.20, 0.21, 0.23), (0.42, 0.43, 0.45), 150.0, 55.0, (1.0, 0.98, 0.95), 2.6, 0.5, 0.0),
}


@dataclass(frozen=True)
class GroundMaterial:
    """A ground's base colours (sRGB) and the pattern that alternates between them."""

    colour: tuple[float, float, float]
    alt_colour: tuple[float, float, float]
    pattern: str  # "noise", "checker", "tiles", "planks"
    scale: float  # pattern cell size in metres
    roughness: float


GROUND_MATERIALS: dict[str, GroundMaterial] = {
    "grass": GroundMaterial((0.30, 0.50, 0.20), (0.24, 0.42, 0.15), "noise", 0.5, 0.95),
    "wood": GroundMaterial((0.55, 0.38, 0.22), (0.47, 0.31, 0.17), "planks", 0.2, 0.6),
    "tiles": GroundMaterial((0.85, 0.84, 0.80), (0.70, 0.69, 0.66), "tiles", 0.6, 0.3),
    "sand": GroundMaterial((0.86, 0.76, 0.56), (0.80, 0.70, 0.50), "noise", 0.3, 0.95),
    "snow": GroundMaterial((0.93, 0.95, 0.98), (0.86, 0.89, 0.94), "noise", 0.8, 0.7),
    "asphalt": GroundMaterial((0.22, 0.22, 0.23), (0.18, 0.18, 0.19), "noise", 0.15, 0.9),
    "checker": GroundMaterial((0.80, 0.80, 0.80), (0.45, 0.45, 0.45), "checker", 1.0, 0.6),
    "concrete": GroundMaterial((0.62, 0.61, 0.59), (0.56, 0.55, 0.53), "noise", 0.4, 0.85),
}


LAMP_HEIGHT = 2.8  # metres, the light's height on its post
LAMP_COLOUR = (1.0, 0.78, 0.5)  # sRGB, sodium-warm
LAMP_INTENSITY = 20.0  # linear radiant intensity; irradiance falls off as 1 / distance²


def lamp_post_positions(centre: np.ndarray, radius: float, count: int) -> np.ndarray:
    """Feet of ``count`` lamp posts (count, 3) on a ring just outside a scene of bounding ``radius``."""
    ring = radius + 1.5
    angles = np.radians(45.0 + 360.0 * np.arange(count) / max(count, 1))
    c = np.asarray(centre, dtype=np.float64)
    return np.stack([c[0] + ring * np.cos(angles), c[1] + ring * np.sin(angles), np.zeros(count)], -1)
