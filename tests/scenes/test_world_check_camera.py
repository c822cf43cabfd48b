"""Framing and camera moves judged through the timeline's camera."""

from __future__ import annotations

import dataclasses

import numpy as np

from scenes.check import check_timeline

BALL = """
duration: 2
fps: 10
resolution: 640x360
actors:
  - {{id: ball, asset: sphere, scale: 0.5}}
  - {{id: far, asset: box, position: [0, 150, 0], scale: 0.5}}
camera:
  fov: 50
  shots:
    - {{type: static, position: [0, -6, 0.25], target: [0, 0, 0.25], framing: {{subjects: [ball], size: {size}}}}}
    - {{type: pan, position: [0, -6, 0.25], target: far, degrees: 10}}
"""


def check_named(report, name):
    return next(c for c in report.checks if c.name == name)


def test_a_subject_at_its_framing_size_passes_and_at_another_size_is_named(compile_yaml):
    framing = check_named(check_timeline(compile_yaml(BALL.format(size="wide"))), "framing")
    assert framing.findings == ["camera.shots[1]: actors[far] is a speck: 0.6% of the frame height (median; "
                                "asked >= 5%) (from 1.0 s to 2.0 s)"]
    framing = check_named(check_timeline(compile_yaml(BALL.format(size="close_up"))), "framing")
    assert framing.findings[0] == ("camera.shots[0]: actors[ball] is 17% of the frame height (median), asked "
                                   "close_up (>= 50%) for 70% of the shot; at size 0% (from 0.0 s to 1.0 s)")
    assert framing.figure == "0 of 2 shot subjects framed"


def test_a_subject_out_of_frame_is_named_with_its_share_of_the_shot(compile_yaml):
    timeline = compile_yaml(BALL.format(size="wide"))
    away = timeline.camera_hpr.copy()
    away[:10, 0] += 180.0  # the first shot looks the other way
    report = check_timeline(dataclasses.replace(timeline, camera_hpr=away))
    assert check_named(report, "framing").findings[0] == (
        "camera.shots[0]: actors[ball] is in frame for 0% of the shot (from 0.0 s to 1.0 s; asked >= 70%)")


def test_a_pan_that_does_not_turn_is_a_finding(compile_yaml):
    timeline = compile_yaml(BALL.format(size="wide"))
    assert check_named(check_timeline(timeline), "camera").passed
    frozen = timeline.camera_hpr.copy()
    frozen[10:] = frozen[10]
    camera = check_named(check_timeline(dataclasses.replace(timeline, camera_hpr=frozen)), "camera")
    assert camera.findings == ["camera.shots[1] pan: the camera makes 0.00°, asked 10.00 (at least 70% of it)"]
    assert camera.figure == "0 of 1 moves made"


ORBIT = """
duration: 4
fps: 10
resolution: 320x180
actors: [{id: box, asset: box}]
camera: {shots: [{type: orbit, target: box, radius: 6, degrees: 120}]}
"""


def test_an_orbit_is_measured_around_its_target(compile_yaml):
    timeline = compile_yaml(ORBIT)
    assert check_named(check_timeline(timeline), "camera").figure == "1 of 1 moves made"
    still = np.repeat(timeline.camera_position[:1], len(timeline), axis=0)
    camera = check_named(check_timeline(dataclasses.replace(timeline, camera_position=still)), "camera")
    assert camera.findings == ["camera.shots[0] orbit: the camera makes 0.00° around the target, asked 120.00 "
                               "(at least 70% of it)"]
