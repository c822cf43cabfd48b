"""The camera's view of actors from the timeline: boxes, projection, frame shares."""

from __future__ import annotations

import numpy as np

from engine_bridge.groundtruth import box_corners, intrinsics, project, world_to_camera
from scenes.catalog import asset
from scenes.view import actor_boxes, actor_views, project_points

STILL = """
duration: 1
fps: 10
resolution: 640x360
actors:
  - {id: crate, asset: crate, position: [0.5, 0, 0], rotation: [30, 0, 0]}
  - {id: behind, asset: box, position: [0, -20, 0]}
  - {id: far_left, asset: box, position: [-40, 0, 0]}
  - {id: ana, asset: woman, position: [-1.5, 1, 0], actions: [{type: sit, height: 0.45, start: 0}]}
camera:
  fov: 60
  shots: [{type: static, position: [0, -8, 1.5], target: [0, 0, 0.5]}]
"""


def test_rigid_box_projects_like_the_ground_truth_passes(compile_yaml):
    tl = compile_yaml(STILL)
    view = actor_views(tl)
    res = tl.script.resolution
    k = intrinsics(float(tl.camera_fov[0]), res.width, res.height)
    w2c = world_to_camera(tl.camera_position[0], tl.camera_hpr[0])
    a = tl.actors[0]
    uv, _ = project(box_corners(asset(a.asset).size, tl.positions[0, 0], tl.hpr[0, 0], tl.scales[0, 0]), k, w2c)
    # pixel centres sit at integers: pixel u maps to (u + 0.5) / width in normalised coordinates
    expect = [(uv[:, 0].min() + 0.5) / res.width, (uv[:, 1].min() + 0.5) / res.height,
              (uv[:, 0].max() + 0.5) / res.width, (uv[:, 1].max() + 0.5) / res.height]
    np.testing.assert_allclose(view.rect[0, 0], expect, atol=1e-9)
    assert 0.0 < view.visible_area[0, 0] < 0.2
    np.testing.assert_allclose(view.height_share[0, 0], expect[3] - expect[1])


def test_behind_the_camera_and_off_to_the_side_are_not_in_frame(compile_yaml):
    view = actor_views(compile_yaml(STILL))
    assert not view.in_frame[:, 1].any() and np.isnan(view.rect[:, 1]).all()
    assert not view.in_frame[:, 2].any()
    assert view.rect[0, 2, 2] < 0.0  # left of the frame, unclipped


def test_a_seated_person_has_a_lower_box_than_standing(compile_yaml):
    tl = compile_yaml(STILL)
    boxes = actor_boxes(tl)
    top = boxes.top[-1, 3]
    assert 0.9 < top < 1.45, top  # seated head height, not the 1.74 m standing height
    assert abs(boxes.bottom[-1, 3]) < 0.08  # feet on the ground
    slim = actor_boxes(tl, body=True)
    assert np.all(slim.half[:, 3, 0] <= boxes.half[:, 3, 0] + 1e-9)


def test_points_project_to_the_frame_centre_along_the_view_axis(compile_yaml):
    tl = compile_yaml(STILL)
    uv, depth = project_points(tl, np.tile([[[0.0, 0.0, 0.5]]], (len(tl), 1, 1)))
    np.testing.assert_allclose(uv[:, 0], 0.5, atol=1e-9)
    np.testing.assert_allclose(depth[:, 0], np.hypot(8.0, 1.0), rtol=1e-9)


def test_the_view_of_some_actors_is_theirs_in_the_view_of_all(compile_yaml):
    """Each actor's view is its own: projecting only the crate and the woman gives their figures bit for bit, and
    leaves the others empty (the world check projects only what the shots film)."""
    tl = compile_yaml(STILL)
    every, some = actor_views(tl), actor_views(tl, actors=[3, 0])
    for field in ("rect", "height_share", "visible_area"):
        whole, part = getattr(every, field), getattr(some, field)
        assert part.shape == whole.shape and np.array_equal(part[:, [0, 3]], whole[:, [0, 3]])
    assert some.in_frame[:, 0].all() and not some.in_frame[:, [1, 2]].any()
    assert np.isnan(some.rect[:, [1, 2]]).all() and not some.height_share[:, [1, 2]].any()
    assert not actor_views(tl, actors=[]).in_frame.any()
