"""Ground-truth passes of the embedded engine against analytic geometry (small frames, a few renders each)."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest

from engine_bridge import EngineError
from engine_bridge.groundtruth import flow_occlusion, hpr_matrix, intrinsics, project, world_to_camera
from tests.engine_bridge.conftest import timeline_from, with_camera

W, H = 160, 90

GROUND_ONLY = f"""
duration: 1
fps: 10
resolution: {W}x{H}
environment: {{sky: day, ground: {{material: checker}}}}
camera:
  fov: 60
  shots: [{{type: static, position: [0.3, -4, 2.0], target: [0, 3, 0]}}]
"""


def ground_hits(k: np.ndarray, w2c: np.ndarray, width: int, height: int) -> np.ndarray:
    """Analytic world points (H, W, 3) where each pixel's ray meets the plane z = 0 (nan if it does not)."""
    rows, cols = np.indices((height, width), dtype=np.float64)
    rays_cv = np.stack([(cols - k[0, 2]) / k[0, 0], (rows - k[1, 2]) / k[1, 1], np.ones_like(cols)], -1)
    rot = w2c[:3, :3]
    eye = -rot.T @ w2c[:3, 3]
    rays = rays_cv @ rot  # cv → world (rot is orthonormal), keeping z_cv = 1 along each ray
    t = -eye[2] / rays[..., 2]
    t[(rays[..., 2] >= 0) | (t > 150)] = np.nan  # horizon and the far, foggy edge of the ground
    return eye + t[..., None] * rays


def test_hpr_matrix_matches_panda():
    from panda3d.core import NodePath

    node = NodePath("probe")
    for hpr in [(0, 0, 0), (90, 0, 0), (30, -20, 10), (-120, 45, -70)]:
        node.set_hpr(*hpr)
        m = node.get_mat()
        # Panda's rows are the images of the local axes
        panda = np.array([[m.get_cell(r, c) for c in range(3)] for r in range(3)]).T
        np.testing.assert_allclose(hpr_matrix(hpr), panda, atol=1e-6)


def test_ground_depth_and_normals_match_the_analytic_plane(panda):
    tl = timeline_from(GROUND_ONLY)
    state = tl.frame(0)
    panda.open(tl)
    p = panda.render_passes(state, ["depth", "normals", "mask"])
    k = intrinsics(state.camera.fov, W, H)
    w2c = world_to_camera(state.camera.position, state.camera.hpr)
    hits = ground_hits(k, w2c, W, H)
    analytic = (hits @ w2c[:3, :3].T + w2c[:3, 3])[..., 2]
    on_ground = np.isfinite(analytic)
    assert on_ground.mean() > 0.5
    rel = np.abs(p["depth"][on_ground] - analytic[on_ground]) / analytic[on_ground]
    assert np.max(rel) < 0.01, f"depth off by {np.max(rel):.3%}"
    assert np.isinf(p["depth"][0]).all()  # the top row sees sky: no surface
    up_cv = w2c[:3, :3] @ np.array([0.0, 0.0, 1.0])
    np.testing.assert_allclose(p["normals"][on_ground], np.broadcast_to(up_cv, (on_ground.sum(), 3)), atol=1e-3)
    assert (p["mask"] == 0).all()


SPHERE = """
duration: 1
fps: 10
resolution: 320x180
environment: {sky: day, ground: {material: grass}}
actors:
  - {id: ball, asset: sphere, position: [0, 0, 0]}
  - {id: box, asset: box, position: [2, 1, 0], actions: [{type: spin, speed: 90}]}
camera:
  fov: 40
  shots: [{type: static, position: [0, -5, 2.5], target: [0, 0, 0.5]}]
"""


def test_sphere_mask_area_ids_and_reprojection(panda):
    tl = timeline_from(SPHERE)
    panda.open(tl)
    w, h = 320, 180
    ids_seen = []
    for i in (0, 5, 9):
        state = tl.frame(i)
        p = panda.render_passes(state, ["mask", "depth"])
        mask = p["mask"]
        ids_seen.append(set(np.unique(mask).tolist()))
        k = intrinsics(state.camera.fov, w, h)
        w2c = world_to_camera(state.camera.position, state.camera.hpr)
        centre = np.array([[0.0, 0.0, 0.5]])
        d = float(np.linalg.norm(centre[0] - state.camera.position))
        # The sphere sits on the optical axis: its outline is a circle of radius f·tan(asin(r / d)).
        analytic = math.pi * (k[0, 0] * math.tan(math.asin(0.5 / d))) ** 2
        area = int((mask == 1).sum())
        assert abs(area - analytic) / analytic < 0.05, (area, analytic)
        uv, _ = project(centre, k, w2c)
        rows, cols = np.nonzero(mask == 1)
        assert np.hypot(cols.mean() - uv[0, 0], rows.mean() - uv[0, 1]) < 2.0
        # and the depth at the centre pixel is the distance to the sphere's front
        r, c = round(uv[0, 1]), round(uv[0, 0])
        assert abs(p["depth"][r, c] - (d - 0.5)) < 0.02 * d
    assert all(s == {0, 1, 2} for s in ids_seen)


def test_flow_of_a_pure_camera_translation_is_analytic(panda):
    tl = timeline_from(GROUND_ONLY)
    panda.open(tl)
    s0 = tl.frame(0)
    step = np.array([0.12, 0.05, -0.03])
    s1 = with_camera(s0, position=tuple(s0.camera.position + step))
    p = panda.render_passes(s0, ["flow", "depth"], s1)
    k = intrinsics(s0.camera.fov, W, H)
    w2c0 = world_to_camera(s0.camera.position, s0.camera.hpr)
    w2c1 = world_to_camera(s1.camera.position, s1.camera.hpr)
    hits = ground_hits(k, w2c0, W, H)
    ok = np.isfinite(hits[..., 0])
    uv1, _ = project(hits[ok], k, w2c1)
    rows, cols = np.nonzero(ok)
    analytic = uv1 - np.stack([cols, rows], -1)
    err = np.linalg.norm(p["flow"][ok] - analytic, axis=-1)
    assert np.abs(analytic).max() > 2.0  # the test moves things noticeably
    assert err.max() < 0.5, f"max flow error {err.max():.3f} px"


WARP = """
duration: 1
fps: 10
resolution: 192x108
environment: {sky: overcast, ground: {material: checker}}
lights: {sun: {shadows: false}}
actors:
  - {id: a, asset: box, position: [-0.8, 0.5, 0], material: {color: orange, finish: matte}}
  - {id: b, asset: cylinder, position: [0.9, 1.2, 0], material: {color: teal, finish: matte}}
camera:
  fov: 55
  shots: [{type: static, position: [0, -4, 1.8], target: [0, 1, 0.4]}]
"""


@pytest.mark.parametrize("look", ["overcast", "sunny"])
def test_warping_the_next_frame_by_the_flow_reproduces_this_frame(panda, look):
    # "sunny": the sun's shadow map is fitted once per video, so shadows stay put while the camera moves
    # and warp as exactly as the texture does (a camera-fitted shadow map would swim and fail this).
    text = WARP if look == "overcast" else WARP.replace("sky: overcast", "sky: day").replace("shadows: false",
                                                                                         "shadows: true")
    tl = timeline_from(text)
    panda.open(tl)
    s0 = tl.frame(0)
    s1 = with_camera(s0, position=tuple(s0.camera.position + np.array([0.3, 0.1, 0.0])),
                     hpr=tuple(s0.camera.hpr + np.array([3.0, 0.0, 0.0])))
    img0, p0 = panda.render_with_passes(s0, ["flow", "depth"], s1)
    img1, p1 = panda.render_with_passes(s1, ["depth"])
    occluded = flow_occlusion(p0["flow"], p0["flow_depth"], p1["depth"])
    h, w = p0["depth"].shape
    rows, cols = np.indices((h, w), dtype=np.float32)
    warped = cv2.remap(img1, cols + p0["flow"][..., 0], rows + p0["flow"][..., 1], cv2.INTER_LINEAR)
    valid = ~occluded
    # keep away from silhouettes, where one pixel mixes two surfaces under anti-aliasing
    valid &= cv2.erode(valid.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    assert valid.mean() > 0.4
    err = np.abs(warped.astype(np.float32) - img0)[valid].mean()
    unwarped = np.abs(img1.astype(np.float32) - img0)[valid].mean()
    assert err < 4.0 and err < unwarped / 3, (err, unwarped)
    # points that leave the frame are marked occluded
    leaving = (cols + p0["flow"][..., 0] < -0.5) | (cols + p0["flow"][..., 0] > w - 0.5)
    assert occluded[leaving & np.isfinite(p0["depth"])].all()


def test_object_motion_gives_flow_on_the_object_only(panda):
    tl = timeline_from(SPHERE)
    panda.open(tl)
    s0 = tl.frame(0)
    p = panda.render_passes(s0, ["flow", "mask"], tl.frame(1))
    spinning = p["mask"] == 2
    moving = np.linalg.norm(p["flow"], axis=-1) > 0.05
    assert spinning.any() and moving[spinning].mean() > 0.5
    assert not moving[p["mask"] != 2].any()  # static camera: the ball and the ground stay put


def test_unknown_pass_is_one_clear_error(panda):
    tl = timeline_from(GROUND_ONLY)
    panda.open(tl)
    with pytest.raises(EngineError, match="unknown pass"):
        panda.render_passes(tl.frame(0), ["albedo"])


def test_parts_under_an_actor_node_share_its_id_and_move_with_it(panda):
    """The contract for multi-part actors: geometry parented under the actor's node inherits its instance id,
    and flow follows each part's own world motion."""
    from engine_bridge.panda.engine import geom_node
    from scenes.geometry import box

    tl = timeline_from(SPHERE.replace("position: [0, 0, 0]}", "position: [0, 0, 0], "
                                      "actions: [{type: move_to, to: [0.6, 0, 0], easing: linear}]}"))
    panda.open(tl)
    part = panda._actor_nodes[0].root.attach_new_node(geom_node("hat", box((0.3, 0.3, 0.3))))
    part.set_z(1.1)
    s0, s1 = tl.frame(2), tl.frame(3)
    p = panda.render_passes(s0, ["mask", "flow", "depth"], s1)
    w, h = 320, 180
    k = intrinsics(s0.camera.fov, w, h)
    w2c = world_to_camera(s0.camera.position, s0.camera.hpr)
    centre = lambda s: np.array([[s.positions[0][0], s.positions[0][1], 1.25]])  # noqa: E731
    uv0, _ = project(centre(s0), k, w2c)
    uv1, _ = project(centre(s1), k, w2c)
    r, c = round(uv0[0, 1]), round(uv0[0, 0])
    assert p["mask"][r, c] == 1  # the part is the ball's instance
    # back-project the pixel's surface point, move it with the actor, project it again
    d = p["depth"][r, c]
    cam_pt = d * np.array([(c - k[0, 2]) / k[0, 0], (r - k[1, 2]) / k[1, 1], 1.0])
    world = w2c[:3, :3].T @ (cam_pt - w2c[:3, 3])
    moved, _ = project((world + s1.positions[0] - s0.positions[0])[None], k, w2c)
    np.testing.assert_allclose(p["flow"][r, c], moved[0] - [c, r], atol=0.05)
    assert np.linalg.norm(uv1 - uv0) > 0.5
