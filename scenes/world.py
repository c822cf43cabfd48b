"""The resolved world of a script: sky (preset model or HDRI), sun, exposure, fog, lamps, weather and wind.

Compiled once into ``Timeline.world`` so every engine draws the same world without re-reading script semantics:
what a sky preset means, where an HDRI's sun is, how many raindrops an intensity of 0.5 is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from scenes import sky as sky_model
from scenes.colors import parse_colour, srgb_to_linear
from scenes.environment import SKY_PRESETS, lamp_post_positions
from scenes.hdri import HDRI_DIR, equirect_directions, find_sun, hdri_file, read_hdri
from scenes.script import SceneScript

# An HDRI's radiance is in the photographer's units: it is scaled so that a horizontal surface under it (sky and
# sun) receives what it receives under the `day` preset, so a named HDRI and a preset need no separate exposure.
HDRI_HORIZONTAL_IRRADIANCE = 3.0
# ...except where the picture is meant to be dark or dim: stops below that level for the shipped HDRIs
HDRI_EXPOSURE_EV = {"night": -5.0, "interior": -1.0, "sunset": -1.0, "sunrise": -0.5}
SUN_SHADOW_SHARE = 0.25  # an HDRI's sun casts shadows when it gives at least this share of the sky's irradiance
HORIZON_ELEVATION_DEG = 2.0  # where fog takes its colour from
# The old hemisphere light was too weak for a physically lit sky: against Cycles (the reference frame's Nishita sky
# with its sun), shadows came out half as bright. Sky light is this many times the preset's old ambient term.
SKY_GAIN = 1.7
TINT_SATURATION = 0.6  # of a "tinted" preset sky's colours (see _unit_sky)


@dataclass(frozen=True, slots=True)
class SunState:
    """The resolved sun: unit direction towards the sun, linear colour × intensity, and whether it casts shadows."""

    direction: np.ndarray
    radiance: np.ndarray
    shadows: bool


@dataclass(frozen=True)
class SkyState:
    """What the sky looks like, for an engine to sample (scenes/sky.py) or load (``hdri``).

    ``model`` is "preetham", "overcast", "gradient" or "hdri"; radiance is scaled so the sky alone gives
    ``irradiance`` on a horizontal surface (for "hdri": the file's radiance times ``hdri_scale``, sun included).
    """

    model: str
    turbidity: float
    zenith: np.ndarray  # linear RGB, the gradient and overcast colours
    horizon: np.ndarray
    irradiance: float
    hdri: Path | None = None
    hdri_scale: float = 1.0


@dataclass(frozen=True)
class WeatherState:
    """Falling particles. ``count`` live in a box of ``extent`` metres (x, y, z) that follows the camera; each
    falls at ``fall_speed`` m/s plus the wind, from a start drawn from ``seed``."""

    type: str
    count: int
    extent: tuple[float, float, float]
    fall_speed: float
    size: float  # metres: a raindrop's streak length, a flake's or leaf's width
    in_masks: bool
    seed: int


@dataclass(frozen=True)
class World:
    """Everything around the actors that an engine draws, resolved."""

    sky: SkyState
    sun: SunState
    exposure: float  # linear multiplier on all light before the tone curve
    fog_density: float  # per metre, exponential-squared
    fog_colour: np.ndarray  # linear RGB: the sky at the horizon
    ambient: float  # the script's scale on sky light (lights.ambient)
    lamps: np.ndarray  # (N, 3) lamp-post feet
    weather: WeatherState | None
    wind: np.ndarray  # (3,) m/s


# per type: particles at intensity 1, fall speed m/s, size m, box (x, y, z) m around the camera
_WEATHER = {
    "rain": (9000, 7.0, 0.45, (24.0, 24.0, 12.0)),
    "snow": (7000, 1.0, 0.05, (22.0, 22.0, 10.0)),
    "leaves": (1600, 1.2, 0.09, (24.0, 24.0, 10.0)),
}


def resolve_world(script: SceneScript, centre: np.ndarray, radius: float) -> World:
    """The world of ``script`` around actors within ``radius`` of ``centre``. Raises ``ValueError`` for an
    unusable HDRI (validation already checked the file; it may have changed since)."""
    env = script.environment
    preset = SKY_PRESETS[env.sky]
    wind = env.wind
    h = math.radians(wind.heading)
    wind_v = wind.speed * np.array([-math.sin(h), math.cos(h), 0.0])
    if env.hdri is not None:
        sky, sun, fog_colour = _hdri_sky(script)
        lamps = np.zeros((0, 3))
    else:
        sun = resolve_sun(script)
        sky = _preset_sky(env.sky, sun)
        dirs = _horizon_ring()
        fog_colour = sky_radiance(sky, sun, dirs).mean(axis=0)
        lamps = lamp_post_positions(centre, radius, preset.lamp_posts)
    fog = env.fog if env.fog is not None else (preset.fog_density if env.hdri is None else 0.002)
    stops = env.exposure + (preset.exposure if env.hdri is None else 0.0)
    return World(sky=sky, sun=sun, exposure=2.0 ** stops, fog_density=float(fog), fog_colour=fog_colour,
                 ambient=float(script.lights.ambient), lamps=lamps, weather=_weather(script), wind=wind_v)


def resolve_sun(script: SceneScript) -> SunState:
    """The sun of a preset sky, with everything the script leaves out taken from its preset."""
    preset = SKY_PRESETS[script.environment.sky]
    sun = script.lights.sun
    heading = sun.heading if sun.heading is not None else preset.sun_heading
    elevation = sun.elevation if sun.elevation is not None else preset.sun_elevation
    colour = parse_colour(sun.color) if sun.color is not None else preset.sun_colour
    intensity = sun.intensity if sun.intensity is not None else preset.sun_intensity
    linear = np.asarray(colour) ** 2.2
    return SunState(sun_direction(heading, elevation), linear * intensity, sun.shadows and elevation > 0)


def sun_direction(heading: float, elevation: float) -> np.ndarray:
    """Unit vector towards a sun in compass direction ``heading`` (0 = +Y), ``elevation`` degrees up."""
    h, e = math.radians(heading), math.radians(elevation)
    return np.array([-math.sin(h) * math.cos(e), math.cos(h) * math.cos(e), math.sin(e)])


def sky_radiance(sky: SkyState, sun: SunState, dirs: np.ndarray) -> np.ndarray:
    """Linear radiance (..., 3) of a preset sky in unit directions (..., 3), the horizon's below it
    (engines draw the ground there), scaled to ``sky.irradiance``."""
    lifted = dirs.copy()
    lifted[..., 2] = np.maximum(lifted[..., 2], 0.0)
    lifted /= np.linalg.norm(lifted, axis=-1, keepdims=True)
    return _unit_sky(sky, sun, lifted) * _sky_scale(sky, sun)


def _unit_sky(sky: SkyState, sun: SunState, dirs: np.ndarray) -> np.ndarray:
    if sky.model == "preetham":
        return sky_model.preetham(dirs, sun.direction, sky.turbidity)
    if sky.model == "tinted":
        # Preetham's brightness, softened (^0.75): in the preset's near-white horizon colour its full horizon and
        # circumsolar brightening burnt the lower sky out to white
        lum = sky_model.luminance(sky_model.preetham(dirs, sun.direction, sky.turbidity))[..., None] ** 0.75
        colour = sky_model.gradient(dirs, sky.zenith, sky.horizon)
        # the presets' colours were picked to be seen, not to light: at full saturation their blue tinted every
        # shadow far bluer than Cycles' physical sky does on the reference frame
        grey = sky_model.luminance(colour)[..., None]
        return (grey + TINT_SATURATION * (colour - grey)) * lum
    if sky.model == "overcast":
        return sky_model.overcast(dirs, sky.zenith)
    return sky_model.gradient(dirs, sky.zenith, sky.horizon)


def _sky_scale(sky: SkyState, sun: SunState) -> float:
    dirs, solid = equirect_directions(64, 32)
    upper = dirs[..., 2] > 0
    e = sky_model.horizontal_irradiance(_unit_sky(sky, sun, dirs[upper]), dirs[upper], solid[upper])
    return sky.irradiance / max(e, 1e-9)


def _preset_sky(name: str, sun: SunState) -> SkyState:
    preset = SKY_PRESETS[name]
    zenith, horizon = srgb_to_linear(preset.zenith), srgb_to_linear(preset.horizon)
    # The preset's ambient strength keeps its meaning: the old hemisphere light was ambient × the mean sky colour.
    irradiance = SKY_GAIN * math.pi * preset.ambient * float(sky_model.luminance((zenith + horizon) / 2))
    return SkyState(preset.model, preset.turbidity, zenith, horizon, irradiance)


def _horizon_ring() -> np.ndarray:
    a = np.radians(np.arange(0.0, 360.0, 15.0))
    e = math.radians(HORIZON_ELEVATION_DEG)
    return np.stack([np.cos(a) * math.cos(e), np.sin(a) * math.cos(e), np.full_like(a, math.sin(e))], -1)


def _hdri_sky(script: SceneScript) -> tuple[SkyState, SunState, np.ndarray]:
    env, given = script.environment, script.lights.sun
    path = hdri_file(env.hdri)
    img = read_hdri(path)
    h, w, _ = img.shape
    dirs, solid = equirect_directions(w, h)
    found = find_sun(img)
    sky_img = img.copy()
    sun_irradiance = np.zeros(3)
    direction = np.array([0.0, 0.0, 1.0])
    if found is not None:
        sky_img[found.texels] = 0.0  # the sun is drawn as a light; left in, it would light twice
        sun_irradiance, direction = found.irradiance, found.direction
    upper = dirs[..., 2] > 0
    e_sky = sky_model.horizontal_irradiance(sky_img[upper], dirs[upper], solid[upper])
    e_sun = float(sky_model.luminance(sun_irradiance)) * max(float(direction[2]), 0.0)
    stops = HDRI_EXPOSURE_EV.get(env.hdri, 0.0) if path.parent == HDRI_DIR else 0.0
    scale = HDRI_HORIZONTAL_IRRADIANCE * 2.0 ** stops / max(e_sky + e_sun, 1e-9)
    if given.heading is not None or given.elevation is not None:
        heading = given.heading if given.heading is not None else math.degrees(math.atan2(-direction[0],
                                                                                          direction[1]))
        elevation = given.elevation if given.elevation is not None else math.degrees(math.asin(direction[2]))
        direction = sun_direction(heading, elevation)
    radiance = sun_irradiance * scale
    if given.color is not None or given.intensity is not None:
        colour = np.asarray(parse_colour(given.color)) ** 2.2 if given.color is not None else np.ones(3)
        intensity = given.intensity if given.intensity is not None else float(sky_model.luminance(radiance))
        radiance = colour / max(float(sky_model.luminance(colour)), 1e-9) * intensity
    casts = (given.shadows and direction[2] > 0
             and float(sky_model.luminance(radiance)) * direction[2] >= SUN_SHADOW_SHARE * e_sky * scale)
    band = np.abs(dirs[..., 2]) < math.sin(math.radians(5.0))
    fog_colour = sky_img[band].mean(axis=0) * scale
    sky = SkyState("hdri", 0.0, np.zeros(3), fog_colour, e_sky * scale, hdri=path, hdri_scale=scale)
    return sky, SunState(direction, radiance, bool(casts)), fog_colour


def _weather(script: SceneScript) -> WeatherState | None:
    weather = script.environment.weather
    if weather.type == "none" or weather.intensity <= 0.0:
        return None
    full, fall, size, extent = _WEATHER[weather.type]
    count = max(1, round(full * weather.intensity))
    # the particles' own stream, derived from the script's seed so adding weather moves nothing else
    seed = int(np.random.default_rng([script.seed, 0x57EA7]).integers(0, 2**31 - 1))
    return WeatherState(weather.type, count, extent, fall, size, weather.in_masks, seed)
