"""Image-based lighting: the octahedral mapping, the SH irradiance against brute force, the prefiltered levels,
and what the look's new shading does on screen (environment reflections, glass, patterns)."""

from __future__ import annotations

import numpy as np
import pytest

from engine_bridge import make_engine
from engine_bridge.panda.ibl import (
    _ggx_convolve,
    _rgbm,
    build_environment,
    octahedral_directions,
    octahedral_solid_angles,
    octahedral_uv,
    sh_irradiance_at,
)
from scenes import compile_script, loads_script

SCRIPT = "duration: 0.1\nfps: 10\nresolution: 160x90\n"


def test_octahedral_mapping_round_trips_and_covers_the_sphere() -> None:
    d = octahedral_directions(32)
    u, v = octahedral_uv(d)
    centres = (np.arange(32) + 0.5) / 32
    assert np.allclose(u, centres[None, :]) and np.allclose(v, centres[:, None])
    assert octahedral_solid_angles(32).sum() == pytest.approx(4 * np.pi)


@pytest.fixture(scope="module")
def env():
    world = compile_script(loads_script(SCRIPT + "environment: {sky: sunset}")).world
    return build_environment(world, np.array([0.3, 0.3, 0.3]))


def test_sh_irradiance_matches_the_integral_of_the_map(env) -> None:
    level = env.levels[3]
    dirs, solid = octahedral_directions(level.shape[0]), octahedral_solid_angles(level.shape[0])
    rng = np.random.default_rng(0)
    for n in rng.normal(size=(6, 3)):
        n /= np.linalg.norm(n)
        brute = (level * (np.maximum(dirs @ n, 0.0) * solid)[..., None]).sum(axis=(0, 1))
        assert sh_irradiance_at(env.sh, n) == pytest.approx(brute, rel=0.08, abs=0.02)


def test_prefiltered_levels_keep_the_mean_and_blur(env) -> None:
    means = [float((lv.mean(-1) * octahedral_solid_angles(lv.shape[0])).sum()) for lv in env.levels]
    assert np.allclose(means, means[0], rtol=0.1)  # a blur neither adds nor loses light
    contrast = [float(lv.max() / lv.min()) for lv in env.levels]
    assert contrast[-1] < contrast[3] < contrast[0]


def test_the_ggx_prefilter_is_its_formula_bit_for_bit() -> None:
    """The prefilter works in place on blocks of output directions; its weights are exactly the formula's,
    a2 / (π (cos²(θ/2) (a2 - 1) + 1)²) · max(cos θ, 0) · dω, written out plainly here."""
    n_src, n = 16, 8
    src_dirs = octahedral_directions(n_src).reshape(-1, 3)
    solid = octahedral_solid_angles(n_src).reshape(-1)
    src = np.random.default_rng(3).random((n_src * n_src, 3))
    dirs = octahedral_directions(n).reshape(-1, 3)
    for rough in (0.36, 1.0):
        a2 = rough**4
        cos = np.clip(dirs @ src_dirs.T, -1.0, 1.0)
        wgt = a2 / (np.pi * ((1.0 + cos) * 0.5 * (a2 - 1.0) + 1.0) ** 2) * np.maximum(cos, 0.0) * solid
        expected = (wgt @ src) / np.maximum(wgt.sum(axis=1, keepdims=True), 1e-12)
        assert np.array_equal(_ggx_convolve(src, src_dirs, solid, dirs, rough), expected)


def test_rgbm_encoding_keeps_radiance_within_a_percent_of_the_range() -> None:
    level = np.random.default_rng(1).uniform(0.0, 7.0, size=(8, 8, 3)).astype(np.float32)
    enc = _rgbm(level, 7.0).astype(np.float64)
    back = enc[..., 2::-1] / 255.0 * (enc[..., 3:] / 255.0 * 7.0)
    assert np.abs(back - level).max() < 0.01 * 7.0 * 1.5


def render(body: str, look: object = "default") -> np.ndarray:
    timeline = compile_script(loads_script(SCRIPT + body))
    with make_engine("panda3d", look=look) as engine:
        engine.open(timeline)
        return engine.render(timeline.frame(0)).astype(float)


STAGE = """environment: {sky: day, ground: {material: concrete}}
actors:
  - {id: wall, asset: wall, material: {color: "a0522d", finish: brick}, position: [0, 2, 0]}
  - {id: thing, asset: sphere, material: {color: white, finish: FINISH}, position: [0, 0, 0.2]}
camera: {shots: [{type: static, position: [0, -3, 0.8], target: [0, 0, 0.6]}]}
"""


def test_glass_lets_the_wall_behind_it_through_bent_and_plastic_does_not() -> None:
    from engine_bridge.panda.looks import LOOKS, without

    straight = without(LOOKS["default"], "REFRACT")
    glass, plastic = render(STAGE.replace("FINISH", "glass")), render(STAGE.replace("FINISH", "plastic"))
    unbent = render(STAGE.replace("FINISH", "glass"), look=straight)
    bare = render(STAGE.replace("FINISH", "glass").replace("position: [0, 0, 0.2]", "position: [0, 0, -9]"))
    centre = np.s_[30:55, 65:95]

    def likeness(a: np.ndarray) -> float:  # how much of the bricks' pattern shows in place (correlation of the luma)
        return float(np.corrcoef(a[centre].mean(-1).ravel(), bare[centre].mean(-1).ravel())[0, 1])

    def contrast(a: np.ndarray) -> float:  # how much of the bricks' pattern shows anywhere (spread of the luma)
        return float(a[centre].mean(-1).std())

    assert likeness(unbent) > 0.8 and likeness(plastic) < 0.3  # without refraction glass shows the wall in place
    # refracting glass shows the bricks as strongly, but moved (a lens): no longer in place
    assert contrast(glass) > 0.8 * contrast(bare) and contrast(plastic) < 0.65 * contrast(bare)
    assert likeness(glass) < 0.5


def test_glass_is_exact_in_the_passes() -> None:
    timeline = compile_script(loads_script(SCRIPT + STAGE.replace("FINISH", "glass")))
    with make_engine("panda3d") as engine:
        engine.open(timeline)
        _, out = engine.render_with_passes(timeline.frame(0), ["depth", "mask"], None)
    assert set(np.unique(out["mask"])) == {0, 1, 2}  # no blended ids
    centre = out["mask"][40:50, 75:85]
    assert (centre == 2).all()  # the glass sphere, not the wall behind it
    assert out["depth"][45, 80] < 3.0  # its front, 3 m from the camera at most (the wall is 5 m away)


def test_brick_has_mortar_joints_and_plain_matte_does_not() -> None:
    brick = render(STAGE.replace("FINISH", "plastic"))
    matte = render(STAGE.replace("FINISH", "plastic").replace("finish: brick", "finish: matte"))
    wall = np.s_[15:30, 15:45]  # wall left of the sphere
    assert brick[wall].mean(-1).std() > 5 * matte[wall].mean(-1).std() + 5


def test_the_fast_look_renders_the_same_world_without_the_new_features() -> None:
    fast = render(STAGE.replace("FINISH", "chrome"), look="fast")
    default = render(STAGE.replace("FINISH", "chrome"))
    assert fast.shape == default.shape and np.abs(fast - default).mean() > 2


def test_an_unknown_look_is_an_engine_error() -> None:
    from engine_bridge import EngineError

    with pytest.raises(EngineError, match="unknown look 'cinematic'"):
        make_engine("panda3d", look="cinematic")


def test_renders_repeat_exactly_with_patterns_and_an_hdri() -> None:
    body = STAGE.replace("FINISH", "wood").replace("sky: day", "hdri: city")
    assert np.array_equal(render(body), render(body))


WEATHER = """environment: {sky: overcast, ground: {material: asphalt}, weather: WEATHER, wind: {speed: 3, heading: 45}}
actors:
  - {id: box, asset: box, material: {color: red}, position: [0, 0, 0]}
camera: {shots: [{type: static, position: [0, -5, 1.5], target: [0, 0, 0.5]}]}
"""


def passes_of(weather: str, frame: int = 1) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    timeline = compile_script(loads_script(SCRIPT.replace("duration: 0.1", "duration: 0.5")
                                           + WEATHER.replace("WEATHER", weather)))
    with make_engine("panda3d") as engine:
        engine.open(timeline)
        return engine.render_with_passes(timeline.frame(frame), ["depth", "mask", "flow"], timeline.frame(frame + 1))


def test_weather_particles_fall_deterministically_and_stay_out_of_the_passes() -> None:
    clear, clear_passes = passes_of("{type: none}")
    snow, snow_passes = passes_of("{type: snow, intensity: 1.0}")
    again, _ = passes_of("{type: snow, intensity: 1.0}")
    assert np.array_equal(snow, again)  # seeded: the same flakes on every render
    assert (np.abs(snow.astype(float) - clear).max(-1) > 8).sum() > 30  # and they show
    for name in ("depth", "mask", "flow"):
        assert np.array_equal(snow_passes[name], clear_passes[name])  # ground truth untouched
    later, _ = passes_of("{type: snow, intensity: 1.0}", frame=2)
    assert not np.array_equal(snow, later)  # they fall


def test_weather_in_masks_gets_the_id_after_the_actors() -> None:
    _, out = passes_of("{type: leaves, intensity: 1.0, in_masks: true}")
    assert set(np.unique(out["mask"])) <= {0, 1, 2} and (out["mask"] == 2).sum() > 20
