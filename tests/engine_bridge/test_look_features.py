"""The look's newer features on screen: ambient occlusion darkens contact shade and nothing else, trees' wind sway
flows exactly, water mirrors the sky with waves that are a function of time; none of them changes the passes."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from engine_bridge import make_engine
from engine_bridge.panda.looks import LOOKS, without
from scenes import compile_script, loads_script

STAGE = """duration: 0.2
fps: 10
resolution: 160x90
environment: {sky: overcast, ground: {material: concrete}}
actors:
  - {id: crate, asset: box, material: {color: white, finish: matte}, position: [0, 0, 0]}
camera: {shots: [{type: static, position: [0, -4, 1.2], target: [0, 0, 0.4]}]}
"""


@pytest.fixture(scope="module")
def timeline():
    return compile_script(loads_script(STAGE))


def frame_and_passes(timeline, look) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    with make_engine("panda3d", look=look) as engine:
        engine.open(timeline)
        frame, passes = engine.render_with_passes(timeline.frame(0), ["depth", "mask", "flow"], timeline.frame(1))
        assert np.array_equal(engine.render(timeline.frame(0)), frame)  # the same pixels every time: no shimmer
        return frame.astype(float), passes


def test_occlusion_darkens_the_ground_at_a_crates_foot_and_nothing_in_the_open(timeline) -> None:
    with_ao, passes = frame_and_passes(timeline, LOOKS["quality"])
    without_ao, plain_passes = frame_and_passes(timeline, without(LOOKS["quality"], "AO"))
    darker = (without_ao - with_ao).mean(-1)
    mask, depth = passes["mask"], passes["depth"]
    # the ground just below the crate's bottom edge on screen (under an overcast sky: sky light only)
    rows = np.nonzero((mask == 1).any(1))[0]
    cols = np.nonzero((mask == 1).any(0))[0]
    foot = np.s_[rows.max() + 1:rows.max() + 3, cols.min() + 5:cols.max() - 5]
    assert (mask[foot] == 0).all() and darker[foot].mean() > 4
    assert np.abs(darker[:20]).max() <= 1 and np.abs(darker[:, :20]).max() <= 1  # open ground and sky: unchanged
    for name in ("depth", "mask", "flow"):
        assert np.array_equal(passes[name], plain_passes[name])  # the passes never see it
    assert np.isfinite(depth[foot]).all()


WINDY_TREE = """duration: 1
fps: 10
resolution: 160x90
environment: {sky: day, wind: {speed: 12, heading: 90}}
actors:
  - {id: oak, asset: tree, position: [0, 0, 0]}
camera: {shots: [{type: static, position: [0, -9, 2.2], target: [0, 0, 2.0]}]}
"""


def test_a_swaying_crown_flows_exactly_as_its_joint_moves() -> None:
    from engine_bridge.groundtruth import hpr_matrix, intrinsics, project, world_to_camera
    from scenes.catalog import model

    timeline = compile_script(loads_script(WINDY_TREE))
    s0, s1 = timeline.frame(3), timeline.frame(4)
    with make_engine("panda3d") as engine:
        engine.open(timeline)
        p = engine.render_passes(s0, ["depth", "mask", "flow"], s1)
    k = intrinsics(s0.camera.fov, 160, 90)
    w2c = world_to_camera(s0.camera.position, s0.camera.hpr)
    rows, cols = np.nonzero(p["mask"] == 1)
    d = p["depth"][rows, cols]
    cam = d[:, None] * np.stack([(cols - k[0, 2]) / k[0, 0], (rows - k[1, 2]) / k[1, 1], np.ones_like(d)], -1)
    world = (cam - w2c[:3, 3]) @ w2c[:3, :3]
    foliage = world[:, 2] > 2.4  # above the trunk's top: on the crown
    assert foliage.sum() > 50
    # a crown point moves with the joint: rotate it about the crown's pivot by this frame's and the next's hpr
    pivot = np.array(model("tree").joints[1].offset)
    r0, r1 = (hpr_matrix(s.poses["oak"].rotations[1]) for s in (s0, s1))
    moved = pivot + (world[foliage] - pivot) @ (r1 @ r0.T).T
    uv, _ = project(moved, k, w2c)
    expected = uv - np.stack([cols[foliage], rows[foliage]], -1)
    assert np.abs(expected).max() > 0.05  # it does move between the frames
    np.testing.assert_allclose(p["flow"][rows[foliage], cols[foliage]], expected, atol=0.02)


LAKE = """duration: 1
fps: 10
resolution: 160x90
environment: {sky: overcast, wind: {speed: 5, heading: 30}}
actors:
  - {id: lake, asset: lake, position: [0, 6, 0]MATERIAL}
camera: {shots: [{type: static, position: [0, -3, 1.6], target: [0, 6, 0]}]}
"""


def test_water_mirrors_the_sky_at_grazing_angles_and_its_waves_move_with_time_alone() -> None:
    timeline = compile_script(loads_script(LAKE.replace("MATERIAL", "")))
    glossy = compile_script(loads_script(LAKE.replace("MATERIAL", ", material: {finish: glossy}")))
    with make_engine("panda3d") as engine:
        engine.open(timeline)
        f0, p0 = engine.render_with_passes(timeline.frame(0), ["depth", "mask", "flow"], timeline.frame(1))
        f5 = engine.render(timeline.frame(5))
        again = engine.render(timeline.frame(0))
    with make_engine("panda3d") as engine:
        engine.open(glossy)
        _, plain = engine.render_with_passes(glossy.frame(0), ["depth", "mask", "flow"], glossy.frame(1))
    for name in ("depth", "mask", "flow"):
        assert np.array_equal(p0[name], plain[name])  # the waves are in the normal only: the passes see the plane
    water = p0["mask"] == 1
    rows = np.nonzero(water.all(1))[0]  # rows of water across the whole frame
    assert len(rows) > 20
    assert np.array_equal(f0, again)  # a function of the frame's time: the same frame renders the same
    moved = np.abs(f5.astype(float) - f0).mean(-1)
    near_water = cv2.dilate(water.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)  # FXAA's reach
    assert moved[water].mean() > 1.0 and moved[~near_water].max() == 0  # only the water changes
    luma = f0.astype(float).mean(-1)
    far, near = luma[rows[:5]].mean(), luma[rows[-5:]].mean()
    assert far > near + 10  # Fresnel: the sky's reflection grows towards the horizon


POLE = """duration: 0.1
fps: 10
resolution: 320x240
environment: {sky: day, ground: {material: concrete, color: white}}
actors:
  - {id: pole, asset: box, scale: [0.15, 0.15, 2.5], position: [0, 0, 0], material: {color: white, finish: matte}}
camera: {fov: 60, shots: [{type: static, position: [SX, SY, 3.2], target: [SX, SY, 0]}]}
"""


def penumbra_widths(look) -> tuple[float, float]:
    """The width (metres) of the sun shadow's edge 0.3 m and 1.9 m from a 2.5 m pole's foot, from 15 % to 85 %
    of the way from shade to light across it."""
    from engine_bridge.groundtruth import intrinsics, project, world_to_camera

    base = compile_script(loads_script(POLE.replace("SX", "0").replace("SY", "0")))
    sun = base.sun.direction
    along = -sun[:2] / np.linalg.norm(sun[:2])  # the shadow falls away from the sun
    centre = along * 1.1
    timeline = compile_script(loads_script(POLE.replace("SX", f"{centre[0]:.3f}").replace("SY", f"{centre[1]:.3f}")))
    with make_engine("panda3d", look=look) as engine:
        engine.open(timeline)
        luma = engine.render(timeline.frame(0)).astype(np.float32).mean(-1)
    cam = timeline.frame(0).camera
    k, w2c = intrinsics(cam.fov, 320, 240), world_to_camera(cam.position, cam.hpr)
    across = np.array([-along[1], along[0]])
    t = np.linspace(0.0, 0.4, 400)  # from the pole's axis outwards, past one edge of its shadow
    widths = []
    for s in (0.3, 1.9):
        pts = np.concatenate([(along * s)[None] + t[:, None] * across, np.zeros((len(t), 1))], 1)
        uv, _ = project(pts, k, w2c)
        profile = cv2.remap(luma, uv[:, 0:1].astype(np.float32), uv[:, 1:2].astype(np.float32), cv2.INTER_LINEAR)[:, 0]
        dark, lit = profile[:20].mean(), profile[-20:].mean()
        u = (profile - dark) / (lit - dark)
        widths.append(float(t[np.argmax(u > 0.85)] - t[np.argmax(u > 0.15)]))
    return widths[0], widths[1]


def test_pcss_penumbra_widens_with_the_distance_to_the_caster() -> None:
    near, far = penumbra_widths(LOOKS["quality"])
    uniform_near, uniform_far = penumbra_widths(without(LOOKS["quality"], "PCSS"))
    assert far > 1.5 * near and far > 1.3 * uniform_far  # contact-hard, far-soft
    assert abs(uniform_far - uniform_near) < 0.5 * uniform_near + 0.004  # the plain disk: one width everywhere


GLOWING = """duration: 0.1
fps: 10
resolution: 160x90
environment: {sky: night, ground: {material: asphalt}}
actors:
  - {id: bulb, asset: sphere, scale: 0.4, position: [0, 0, 0.8], material: {color: orange, finish: emissive}}
WALL
camera: {shots: [{type: static, position: [0, -4, 1.0], target: [0, 0, 1.0]}]}
"""


def test_bloom_glows_round_an_emissive_bulb_and_not_through_a_wall() -> None:
    def frames(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        timeline = compile_script(loads_script(text))
        out = []
        for look in (LOOKS["quality"], without(LOOKS["quality"], "BLOOM")):
            with make_engine("panda3d", look=look) as engine:
                engine.open(timeline)
                frame, passes = engine.render_with_passes(timeline.frame(0), ["mask"], None)
                out.append(frame.astype(float).mean(-1))
        return out[0], out[1], passes["mask"]

    glow, plain, mask = frames(GLOWING.replace("WALL", ""))
    bulb = mask == 1
    ring = cv2.dilate(bulb.astype(np.uint8), np.ones((9, 9), np.uint8)).astype(bool) & ~bulb
    assert (glow - plain)[ring].mean() > 4  # the bulb's light spills round it
    assert np.abs(glow - plain)[:10, :10].max() <= 1  # far from it nothing changes
    walled = GLOWING.replace("WALL", "  - {id: wall, asset: wall, position: [0, -1.2, 0], material: {color: grey}}")
    glow, plain, _ = frames(walled)
    assert np.abs(glow - plain).max() <= 1  # the wall hides the bulb and its glow
