"""glTF 2.0 actors: files the tests write themselves, loaded through panda3d-gltf, a skinned clip playing."""

from __future__ import annotations

import numpy as np
import pytest

from engine_bridge import EngineError
from engine_bridge.groundtruth import box_corners, intrinsics, project, world_to_camera
from engine_bridge.panda.models import load_model
from scenes import ScriptError, loads_script
from scenes.catalog import asset
from tests.engine_bridge.conftest import timeline_from
from tests.engine_bridge.gltf_files import write_box_gltf, write_skinned_gltf


def scene(box_path, arm_path, clip: str = "wave") -> str:
    return f"""
duration: 1
fps: 10
resolution: 256x144
actors:
  - {{id: crate, asset: "{box_path}", position: [-1, 0, 0], rotation: [30, 0, 0], material: {{color: orange}}}}
  - {{id: arm, asset: "{arm_path}", position: [1, 0, 0], animation: {clip}, material: {{color: teal}}}}
camera:
  shots: [{{type: static, position: [0, -6, 1.5], target: [0, 0, 1]}}]
"""


@pytest.fixture
def models(tmp_path):
    return write_box_gltf(tmp_path / "crate.gltf"), write_skinned_gltf(tmp_path / "arm.gltf")


def test_model_size_comes_from_the_file_in_world_axes(models):
    box_path, arm_path = models
    assert asset(str(box_path)).size == pytest.approx((1.0, 0.5, 1.5))
    assert asset(str(arm_path)).size == pytest.approx((0.4, 0.4, 2.0))


def test_static_model_lands_where_its_box_projects(panda, models):
    tl = timeline_from(scene(*models))
    panda.open(tl)
    state = tl.frame(0)
    mask = panda.render_passes(state, ["mask"])["mask"]
    k = intrinsics(state.camera.fov, 256, 144)
    w2c = world_to_camera(state.camera.position, state.camera.hpr)
    corners = box_corners(np.array([1.0, 0.5, 1.5]), state.positions[0], state.hpr[0], state.scales[0])
    uv, _ = project(corners, k, w2c)
    rows, cols = np.nonzero(mask == 1)
    np.testing.assert_allclose([cols.min(), rows.min(), cols.max(), rows.max()],
                               [*uv.min(axis=0), *uv.max(axis=0)], atol=2.0)


def test_skinned_clip_moves_joints_and_mask(panda, models):
    _, arm_path = models
    model = load_model(str(arm_path), "wave", "arm")
    assert model.clips == ("wave",)
    from panda3d.core import LMatrix4f

    elbow = model.node.find("**/+Character").node().find_joint("elbow")
    poses = []
    for t in (0.0, 0.25, 0.5):
        model.pose(t)
        m = LMatrix4f()
        elbow.get_net_transform(m)
        poses.append(np.array([[m.get_cell(r, c) for c in range(4)] for r in range(4)]))
    assert not np.allclose(poses[0], poses[1], atol=1e-3) and not np.allclose(poses[1], poses[2], atol=1e-3)
    # the clip is sampled, not stepped: a quarter of the way the elbow has turned about 45 degrees
    cos = [(p[:3, :3].trace() - 1) / 2 for p in poses]
    assert cos[0] == pytest.approx(1.0, abs=1e-3) and cos[1] == pytest.approx(np.cos(np.radians(45)), abs=0.03)

    tl = timeline_from(scene(*models))
    panda.open(tl)
    masks = [panda.render_passes(tl.frame(i), ["mask"])["mask"] == 2 for i in (0, 3, 5)]
    assert np.ptp(tl.positions[:, 1], axis=0).max() == 0.0  # the actor itself stands still
    assert all(m.any() for m in masks)
    assert (masks[0] != masks[1]).sum() > 50 and (masks[1] != masks[2]).sum() > 50
    centroid = [np.argwhere(m).mean(axis=0) for m in masks]
    assert centroid[2][1] < centroid[0][1] - 2  # the upper bone swings towards -X (image left)


def test_unknown_clip_names_the_actor_and_the_clips(panda, models):
    tl = timeline_from(scene(*models, clip="dance"))
    with pytest.raises(EngineError, match=r"actor 'arm'.*no animation clip 'dance' \(clips: wave\)"):
        panda.open(tl)


def test_missing_model_file_and_clip_on_a_primitive_are_script_errors(tmp_path):
    with pytest.raises(ScriptError, match=r"actors\[0\]\.asset.*nothing\.glb"):
        loads_script(f"actors: [{{id: a, asset: '{tmp_path}/nothing.glb'}}]", "<t>")
    with pytest.raises(ScriptError, match="only glTF model assets"):
        loads_script("actors: [{id: a, asset: box, animation: walk}]", "<t>")
