"""The resolved world: sky models, HDRIs (shipped and a user's file, bad ones as one located line), weather, wind."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import numpy as np
import pytest

from scenes import ScriptError, compile_script, loads_script
from scenes.hdri import HDRI_DIR, check_hdri_file, equirect_directions, find_sun, read_hdri, shipped_hdris
from scenes.sky import horizontal_irradiance, luminance, preetham
from scenes.world import sky_radiance, sun_direction

SCRIPT = "duration: 0.2\nfps: 10\nresolution: 64x36\nactors: [{id: b, asset: box}]\n"


def world_of(environment: str):
    return compile_script(loads_script(SCRIPT + f"environment: {environment}\n")).world


def test_preetham_is_brightest_round_the_sun_and_bluest_overhead() -> None:
    sun = sun_direction(135.0, 40.0)
    towards, away = sun_direction(135.0, 30.0), sun_direction(315.0, 30.0)
    rgb = preetham(np.stack([towards, away, np.array([0.0, 0.0, 1.0]), sun_direction(0, 3)]), sun, 2.5)
    assert luminance(rgb[0]) > 2 * luminance(rgb[1])
    zenith, horizon = rgb[2], rgb[3]
    assert zenith[2] / zenith[0] > horizon[2] / horizon[0]


@pytest.mark.parametrize("sky", ["day", "sunset", "overcast", "night", "studio"])
def test_preset_skies_give_their_stated_irradiance(sky: str) -> None:
    world = world_of(f"{{sky: {sky}}}")
    dirs, solid = equirect_directions(256, 128)
    up = dirs[..., 2] > 0
    e = horizontal_irradiance(sky_radiance(world.sky, world.sun, dirs[up]), dirs[up], solid[up])
    assert e == pytest.approx(world.sky.irradiance, rel=0.03)


def test_shipped_hdris_load_and_the_city_has_its_sun_high_in_the_sky() -> None:
    assert {"city", "courtyard", "night", "sunset"} <= set(shipped_hdris())
    img = read_hdri(HDRI_DIR / "city.exr")
    assert img.shape == (512, 1024, 3) and img.dtype == np.float32 and img.min() >= 0.0
    sun = find_sun(img)
    assert sun is not None and math.degrees(math.asin(sun.direction[2])) == pytest.approx(47.8, abs=1.0)
    world = world_of("{hdri: city}")
    assert world.sun.shadows and world.sky.model == "hdri" and len(world.lamps) == 0
    assert world.sun.direction == pytest.approx(sun.direction)


def test_an_hdri_without_a_sun_lights_without_shadows() -> None:
    assert find_sun(read_hdri(HDRI_DIR / "courtyard.exr")) is None
    assert not world_of("{hdri: courtyard}").sun.shadows


def test_a_given_sun_direction_overrides_the_hdri() -> None:
    script = SCRIPT + "environment: {hdri: city}\nlights: {sun: {heading: 10, elevation: 30}}\n"
    world = compile_script(loads_script(script)).world
    assert world.sun.direction == pytest.approx(sun_direction(10, 30))


def test_a_users_hdri_file_by_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.exr"
    shutil.copy(HDRI_DIR / "sunset.exr", path)
    assert world_of(f"{{hdri: '{path}'}}").sky.hdri == path.resolve()


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file"),
    (b"hello, not an image", "not an HDR image"),
    ("cut", "truncated"),
])
def test_bad_hdri_files_are_one_located_line(tmp_path: Path, content, message: str) -> None:
    path = tmp_path / "sky.exr"
    if content == "cut":  # a real EXR cut short: the decoder would abort the process, the check must catch it
        path.write_bytes((HDRI_DIR / "city.exr").read_bytes()[:40_000])
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(ScriptError) as err:
        loads_script(SCRIPT + f"environment: {{hdri: '{path}'}}\n", "s.yaml")
    text = str(err.value)
    assert "s.yaml: environment.hdri:" in text and message in text and "\n" not in text.strip()


def test_unknown_hdri_names_and_hdri_beside_a_sky_are_errors() -> None:
    with pytest.raises(ScriptError, match=r"unknown HDRI 'mars'.*shipped: "):
        loads_script(SCRIPT + "environment: {hdri: mars}\n")
    with pytest.raises(ScriptError, match=r"either sky .* or hdri"):
        loads_script(SCRIPT + "environment: {hdri: city, sky: sunset}\n")


def test_absurdly_large_hdri_headers_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.hdr"
    path.write_bytes(b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 100000 +X 200000\n")
    with pytest.raises(ValueError, match="not a usable HDRI size"):
        check_hdri_file(path)


def test_weather_is_resolved_from_intensity_and_seed_and_wind_blows_towards_its_heading() -> None:
    w = world_of("{weather: {type: snow, intensity: 0.5}, wind: {speed: 4, heading: 90}}")
    assert w.weather is not None and w.weather.type == "snow" and not w.weather.in_masks
    assert w.weather.count == 3500
    assert w.wind == pytest.approx([-4.0, 0.0, 0.0])  # heading 90 points along -X (heading 0 = +Y)
    assert world_of("{weather: {type: snow}}").weather.seed == w.weather.seed  # same script seed, same flakes
    assert world_of("{}").weather is None
