"""Faces of the skinned people read as faces: OpenCV's frontal-face Haar cascade finds one in a frontal close-up."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from scenes.catalog import model
from scenes.rig import joint_matrices
from tests.engine_bridge.conftest import timeline_from
from tests.haar import detect_faces

W, H = 320, 180


def close_up(asset: str) -> str:
    m = model(asset)
    head = joint_matrices(m, np.zeros((1, 16, 3)), np.zeros((1, 3)))[0, m.joint_index("head"), :3, 3]
    eyes = float(head[2]) + 0.06 * float(m.rest_mesh().bounds[1][2]) / 1.75
    return f"""
duration: 0.2
fps: 10
resolution: {W}x{H}
environment: {{sky: day, ground: {{material: grass}}}}
actors: [{{id: p, asset: {asset}, position: [0, 0, 0], rotation: [180, 0, 0]}}]
camera:
  fov: 40
  shots: [{{type: static, position: [0.05, -0.8, {eyes + 0.02:.3f}], target: [0, 0, {eyes - 0.03:.3f}]}}]
"""


@pytest.mark.parametrize("asset", ["person", "man", "woman", "child", "elderly"])
def test_a_frontal_close_up_shows_a_face(panda, asset):
    tl = timeline_from(close_up(asset))
    panda.open(tl)
    grey = cv2.cvtColor(panda.render(tl.frame(0)), cv2.COLOR_RGB2GRAY)
    faces = detect_faces(grey, min_size=int(0.3 * H))
    assert faces, f"no face found in the close-up of {asset}"
    x, _, w, _ = max(faces, key=lambda f: f[2])
    assert w > 0.3 * H and abs(x + w / 2 - W / 2) < 0.2 * W  # the face, not a spot of texture


def test_a_blink_covers_the_eyes_and_they_open_again(panda):
    """The eyelids close over the dark irises at a blink's peak and leave them as they were once it is over."""
    tl = timeline_from(close_up("woman").replace("duration: 0.2", "duration: 8"))
    blink = tl.poses["p"].blink
    peak = int(np.argmax(blink))
    assert blink[peak] > 0.9 and blink[0] == 0.0
    panda.open(tl)
    frames = {name: cv2.cvtColor(panda.render(tl.frame(f)), cv2.COLOR_RGB2GRAY)
              for name, f in (("open", 0), ("closed", peak), ("after", min(peak + 15, len(blink) - 1)))}
    band = slice(int(0.2 * H), int(0.75 * H))  # the eyes' rows in the close-up (brows and lips excluded by darkness)
    dark = {name: int((g[band] < 45).sum()) for name, g in frames.items()}
    assert dark["open"] > 10  # two dark irises (a few pixels each at this size)
    assert dark["closed"] < 0.15 * dark["open"], dark
    assert dark["after"] > 0.6 * dark["open"], dark  # open again (the head has moved a little with breathing)
