"""Camera language: tracking keeps the subject centred, framing presets, moves, and cameras stay clear."""

from __future__ import annotations

import numpy as np
import pytest

from scenes.catalog import CATALOG
from scenes.rig import hpr_matrix


def _project(tl, point: np.ndarray, frame: int) -> np.ndarray:
    """Normalised image coordinates (-1..1 across the frame) of a world point seen by the camera."""
    r = hpr_matrix(tl.camera_hpr[frame])
    local = r.T @ (point - tl.camera_position[frame])  # camera looks along +Y, +X right, +Z up
    aspect = tl.script.resolution.width / tl.script.resolution.height
    tan_h = np.tan(np.radians(tl.camera_fov[frame]) / 2)
    return np.array([local[0] / local[1] / tan_h, local[2] / local[1] / (tan_h / aspect)])


TRACK = """
duration: 6
resolution: 320x180
actors:
  - id: bob
    asset: person
    position: [-3, 0, 0]
    actions: [{type: follow_path, waypoints: [[0, 2, 0], [3, 0, 0], [5, 3, 0]], start: 0.5}]
  - {id: tree, asset: tree, position: [2, -4, 0]}
camera:
  shots:
    - {type: track, target: bob, framing: wide, angle: 30, lag: 0.5}
"""


def test_track_keeps_the_target_within_5_percent_of_the_frame_centre(compile_yaml) -> None:
    tl = compile_yaml(TRACK)
    for f in range(0, len(tl), 7):
        centre = tl.positions[f, 0] + [0, 0, CATALOG["person"].size[2] / 2]
        xy = _project(tl, centre, f)
        assert np.all(np.abs(xy) / 2 < 0.05), (f, xy)
    moved = np.linalg.norm(tl.camera_position[-1] - tl.camera_position[0])
    assert moved > 3.0  # it really followed


@pytest.mark.parametrize("shot", [
    "{type: static, position: [0, -6, -2], target: bob}",
    "{type: orbit, target: bob, height: -3, degrees: 360}",
    "{type: dolly, from: [0, -8, 1], to: [0, -1, -1], target: bob}",
    "{type: pan, position: [0, -6, 0.02], target: bob, degrees: 40}",
    "{type: tilt, position: [0, -6, 1.5], target: bob, degrees: 15}",
    "{type: zoom, position: [0, -8, 1.5], target: bob, to_fov: 20}",
    "{type: truck, target: bob, framing: medium, travel: 6}",
    "{type: crane, target: bob, framing: wide, height: -5, to_height: 5}",
    "{type: handheld, target: bob, framing: close_up, shake: 3, sway: 0.2}",
    "{type: track, target: bob, framing: close_up, angle: 180, relative: true}",
    "{type: track, target: ann, framing: over_the_shoulder, over: bob}",
])
def test_every_shot_stays_above_ground_and_out_of_props(compile_yaml, shot) -> None:
    tl = compile_yaml(f"""
duration: 3
actors:
  - {{id: bob, asset: person, actions: [{{type: walk_to, to: [0, 2, 0]}}]}}
  - {{id: ann, asset: woman, position: [0, 4, 0], rotation: [180, 0, 0]}}
  - {{id: crate, asset: crate, position: [0, -4, 0], scale: 2}}
camera:
  shots: [{shot}]
""")
    assert tl.camera_position[:, 2].min() >= 0.1 - 1e-9
    crate = tl.positions[0, 2]
    inside = np.all(np.abs(tl.camera_position - (crate + np.array([0, 0, 0.8]))) < 0.8, axis=1)
    assert not inside.any()
    assert np.isfinite(tl.camera_hpr).all()


def test_framing_presets_get_closer_and_the_lens_sets_the_distance(compile_yaml) -> None:
    def distance(framing: str, fov: float) -> float:
        tl = compile_yaml(f"""
duration: 1
actors: [{{id: bob, asset: person}}]
camera: {{fov: {fov}, shots: [{{type: track, target: bob, framing: {framing}}}]}}
""")
        return float(np.linalg.norm(tl.camera_position[0, :2] - tl.positions[0, 0, :2]))

    wide, medium, close = distance("wide", 50), distance("medium", 50), distance("close_up", 50)
    assert wide > medium > close > 0.3
    assert distance("medium", 25) > 1.8 * medium  # a longer lens stands further back for the same framing


def test_close_up_aims_at_the_face_and_pan_turns_by_its_degrees(compile_yaml) -> None:
    tl = compile_yaml("""
duration: 2
actors: [{id: bob, asset: person}]
camera:
  shots:
    - {type: track, target: bob, framing: close_up, angle: 180, relative: true, end: 1}
    - {type: pan, position: [0, -6, 1.5], target: bob, degrees: 40}
""")
    face = np.array([0, 0, 0.92 * CATALOG["person"].size[2]])
    assert np.all(np.abs(_project(tl, face, 0)) < 0.05)
    assert tl.camera_position[0, 1] > 0.3  # in front of the face (the person faces +Y)
    last = tl.camera_hpr[-1, 0] - tl.camera_hpr[30, 0]
    assert abs(last - 40) < 0.5  # the last frame is a frame before the shot's end
    assert tl.shot_index[0] == 0 and tl.shot_index[-1] == 1


def test_handheld_is_seeded_and_smooth(compile_yaml) -> None:
    text = """
duration: 3
seed: SEED
actors: [{id: bob, asset: person}]
camera: {shots: [{type: handheld, target: bob, framing: medium}]}
"""
    a, b = compile_yaml(text.replace("SEED", "3")), compile_yaml(text.replace("SEED", "3"))
    c = compile_yaml(text.replace("SEED", "4"))
    assert np.array_equal(a.camera_hpr, b.camera_hpr) and not np.array_equal(a.camera_hpr, c.camera_hpr)
    assert np.abs(np.diff(a.camera_hpr, axis=0)).max() < 1.0  # degrees per frame: a wobble, not a jitter


def test_close_up_of_a_seated_person_aims_at_the_lowered_face(compile_yaml) -> None:
    from scenes.catalog import model
    from scenes.rig import actor_matrices, joint_matrices

    tl = compile_yaml("""
duration: 3
resolution: 320x180
actors:
  - {id: bench, asset: bench, rotation: [180, 0, 0]}
  - {id: sam, asset: man, rotation: [180, 0, 0], actions: [{type: sit, seat: bench}]}
camera:
  shots: [{type: track, target: sam, framing: close_up, angle: 20, lag: 0}]
""")
    i = [a.id for a in tl.script.actors].index("sam")
    m = model("man")
    head = m.joints.index(next(j for j in m.joints if j.name == "head"))
    frame = len(tl) - 1  # seated by now
    pose = tl.poses["sam"]
    world = actor_matrices(tl.positions[frame:frame + 1, i], tl.hpr[frame:frame + 1, i], tl.scales[frame:frame + 1, i])
    at = (world[:, None] @ joint_matrices(m, pose.rotations[frame:frame + 1], pose.root_offset[frame:frame + 1]))
    rest = joint_matrices(m, np.zeros((1, len(m.joints), 3)), np.zeros((1, 3)))[0, head, 2, 3]
    face = at[0, head, :3, 3] + [0, 0, 0.92 * CATALOG["man"].size[2] - rest]  # as high above the head joint as standing
    assert face[2] < 1.45  # seated: the face is well below a standing man's (1.72 m)
    assert np.all(np.abs(_project(tl, face, frame)) < 0.15)  # and the close-up still has it in the middle
