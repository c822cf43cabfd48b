"""Skinned bodies in the embedded engine: GPU skinning matches the numpy reference, passes are exact, frames
are deterministic."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from engine_bridge.groundtruth import flow_occlusion, intrinsics, project, world_to_camera
from scenes.catalog import model
from scenes.rig import actor_matrices, joint_matrices
from scenes.skin import skin_vertices, skinning_matrices
from tests.engine_bridge.conftest import timeline_from

W, H = 320, 180

WALK = """
duration: 2
fps: 15
resolution: {w}x{h}
environment: {{sky: overcast, ground: {{material: checker}}}}
lights: {{sun: {{shadows: false}}}}
actors:
  - id: ana
    asset: {asset}
    position: [-1.2, 0, 0]
    rotation: [-90, 0, 0]
    actions: [{{type: walk_to, to: [1.5, 0, 0], start: 0}}]
camera:
  fov: 50
  shots: [{{type: static, position: [0, -4.5, 1.1], target: [0, 0, 0.9]}}]
"""
WALKERS = ("woman", "dog")  # a skinned person and the skinned dog (its fur has a colour per vertex)


def walk(asset: str):
    """The walk, compiled: ``asset`` walks across the frame."""
    return timeline_from(WALK.format(w=W, h=H, asset=asset))


def posed_vertices(tl, frame: int) -> np.ndarray:
    """The walker's skinned vertices in world space at ``frame``, by the numpy reference."""
    actor = tl.script.actors[0]
    m = model(actor.asset)
    track = tl.poses[actor.id]
    mats = joint_matrices(m, track.rotations[frame:frame + 1], track.root_offset[frame:frame + 1])[0]
    rest = joint_matrices(m, np.zeros((1, len(m.joints), 3)), np.zeros((1, 3)))[0, :, :3, 3]
    gaze = None if track.gaze is None else track.gaze[frame]
    blink = 0.0 if track.blink is None else float(track.blink[frame])
    s = skinning_matrices(mats, rest, m.eyes, gaze, m.lids, blink)
    at = slice(frame, frame + 1)
    world = actor_matrices(tl.positions[at, 0], tl.hpr[at, 0], tl.scales[at, 0])[0]
    pts = np.concatenate([skin_vertices(p, s)[0] for p in m.skin])
    return pts @ world[:3, :3].T + world[:3, 3]


@pytest.mark.parametrize("asset", WALKERS)
def test_gpu_skinning_matches_the_numpy_reference(panda, asset):
    tl = walk(asset)
    panda.open(tl)
    f = 12  # mid-stride: legs apart, arms swinging
    p = panda.render_passes(tl.frame(f), ["mask", "depth"])
    s = tl.frame(f)
    k = intrinsics(s.camera.fov, W, H)
    w2c = world_to_camera(s.camera.position, s.camera.hpr)
    uv, depth = project(posed_vertices(tl, f), k, w2c)
    cols, rows = np.round(uv[:, 0]).astype(int), np.round(uv[:, 1]).astype(int)
    inside = (cols >= 0) & (cols < W) & (rows >= 0) & (rows < H)
    body = p["mask"] == 1
    # every projected vertex lands on the body's mask (or right beside it, at the silhouette)
    near = cv2.dilate(body.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    assert near[rows[inside], cols[inside]].mean() > 0.995
    # and the mask holds no pixel far from every vertex: the silhouettes agree
    drawn = np.zeros((H, W), np.uint8)
    drawn[rows[inside], cols[inside]] = 1
    assert (body & ~cv2.dilate(drawn, np.ones((5, 5), np.uint8)).astype(bool)).sum() < 0.01 * body.sum()
    # visible vertices sit at the depth the pass reports
    front = inside & (np.abs(p["depth"][rows.clip(0, H - 1), cols.clip(0, W - 1)] - depth) < 0.01)
    assert front.sum() > 500


@pytest.mark.parametrize("asset", WALKERS)
def test_flow_of_a_walking_body_warps_the_next_frame_back(panda, asset):
    tl = walk(asset)
    panda.open(tl)
    s0, s1 = tl.frame(10), tl.frame(11)
    img0, p0 = panda.render_with_passes(s0, ["flow", "depth", "mask"], s1)
    img1, p1 = panda.render_with_passes(s1, ["depth"])
    occluded = flow_occlusion(p0["flow"], p0["flow_depth"], p1["depth"])
    rows, cols = np.indices((H, W), dtype=np.float32)
    warped = cv2.remap(img1, cols + p0["flow"][..., 0], rows + p0["flow"][..., 1], cv2.INTER_LINEAR)
    body = (p0["mask"] == 1) & ~occluded
    body &= cv2.erode(body.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    assert body.sum() > 300
    moving = np.linalg.norm(p0["flow"], axis=-1)[body]
    assert np.median(moving) > 0.3  # the body does move between the frames
    err = np.abs(warped.astype(np.float32) - img0)[body].mean()
    unwarped = np.abs(img1.astype(np.float32) - img0)[body].mean()
    assert err < 4.0 and err < unwarped / 3, (err, unwarped)


@pytest.mark.parametrize("asset", WALKERS)
def test_skinned_frames_are_deterministic(panda, asset):
    tl = walk(asset)
    panda.open(tl)
    a = panda.render(tl.frame(7))
    panda.render(tl.frame(20))
    b = panda.render(tl.frame(7))
    assert np.array_equal(a, b)


SUNNY = WALK.replace("lights: {{sun: {{shadows: false}}}}\n", "")


def test_the_coarse_shadow_caster_casts_the_bodys_shadow_and_nothing_else(monkeypatch):
    """Skinned bodies cast their sun shadow from one coarse copy (engine_bridge/panda/actors.py): the frame matches
    one whose shadow comes from the full body, and the copy is in no pass."""
    import engine_bridge.panda.actors as actors
    from engine_bridge.panda.engine import PandaEngine

    tl = timeline_from(SUNNY.format(w=W, h=H, asset="woman"))
    frames = {}
    full = actors._build_skin
    for proxy in (True, False):
        if not proxy:
            monkeypatch.setattr(actors, "_build_skin", lambda *a: full(*a[:-1], False))
        engine = PandaEngine(msaa=0, shadow_size=1024)
        try:
            engine.open(tl)
            frames[proxy] = engine.render_with_passes(tl.frame(12), ["mask", "depth"])
        finally:
            engine.close()
    (img_p, pass_p), (img_f, pass_f) = frames[True], frames[False]
    assert np.array_equal(pass_p["mask"], pass_f["mask"]) and np.array_equal(pass_p["depth"], pass_f["depth"])
    diff = np.abs(img_p.astype(np.int16) - img_f.astype(np.int16)).max(axis=-1)
    ground = pass_f["mask"] == 0
    grey = cv2.cvtColor(img_f, cv2.COLOR_RGB2GRAY)
    shadow = ground & (grey < 0.8 * np.median(grey[ground]))
    assert shadow.sum() > 50  # the body does cast a shadow on the ground here
    assert (diff > 24).mean() < 0.002 and diff.mean() < 0.5, ((diff > 24).mean(), diff.mean())
