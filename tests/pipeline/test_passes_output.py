"""`render --passes` end to end: the on-disk layout, the reader, and the geometry it records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine_bridge.groundtruth import project
from pipeline.errors import PipelineError
from pipeline.passes import parse_passes, read_passes

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
duration: 0.5
fps: 10
resolution: 160x96
environment: {sky: day, ground: {material: grass}}
actors:
  - {id: ball, asset: sphere, position: [-0.6, 0, 0], scale: 0.7, actions: [{type: bounce, height: 0.5, period: 0.5}]}
  - {id: crate, asset: box, position: [0.8, 0.4, 0], scale: 0.6, actions: [{type: spin, speed: 90}]}
camera:
  fov: 50
  shots: [{type: orbit, target: [0, 0, 0.4], radius: 4, height: 1.5, degrees: 20}]
"""


def render(tmp_path: Path, passes: str, frames_script: str = SCRIPT) -> subprocess.CompletedProcess:
    script = tmp_path / "scene.yaml"
    script.write_text(frames_script)
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "render", str(script), "-o", str(tmp_path / "out.mp4"), "-q",
         "--passes", passes],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


def test_render_writes_every_pass_and_the_reader_reads_them(tmp_path):
    proc = render(tmp_path, "depth,mask,flow,normals,camera")
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out.passes"
    assert (tmp_path / "out.mp4").is_file() and out.is_dir() and not (tmp_path / "out.passes.part").exists()
    passes = read_passes(out)
    assert len(passes) == 5 and passes.meta.passes == ["depth", "mask", "flow", "normals", "camera"]
    assert [(i.id, i.actor) for i in passes.meta.instances] == [(1, "ball"), (2, "crate")]
    report = json.loads((tmp_path / "out.json").read_text())
    assert report["extra"]["passes"] == str(out)
    for index, arrays in passes:
        assert arrays["depth"].shape == (96, 160) and arrays["depth"].dtype == np.float32
        assert arrays["normals"].shape == (96, 160, 3)
        assert arrays["flow"].shape == (96, 160, 2) and arrays["flow_occluded"].dtype == bool
        mask = arrays["mask"]
        assert set(np.unique(mask).tolist()) == {0, 1, 2}
        cam = passes.camera(index)
        k, w2c = cam["K"], cam["world_to_camera"]
        # K and the extrinsics put the ball's 3D centre on its mask centroid
        ball = next(a for a in cam["actors"] if a["id"] == "ball")
        centre = np.mean(np.asarray(ball["box3d"]["corners"]), axis=0, keepdims=True)
        uv, _ = project(centre, k, w2c)
        rows, cols = np.nonzero(mask == passes.instance_of("ball"))
        assert np.hypot(cols.mean() - uv[0, 0], rows.mean() - uv[0, 1]) < 2.0
        assert ball["box2d"] == [cols.min(), rows.min(), cols.max(), rows.max()]
    last = passes.frame(passes.meta.frames[-1])
    assert (last["flow"] == 0).all() and last["flow_occluded"].all()  # no next frame to flow to
    first = passes.frame(0)
    assert (~first["flow_occluded"]).mean() > 0.5


def test_only_the_requested_passes_are_written(tmp_path):
    proc = render(tmp_path, "depth")
    assert proc.returncode == 0, proc.stderr
    passes = read_passes(tmp_path / "out.passes")
    assert set(passes.frame(0)) == {"depth"}
    assert not (tmp_path / "out.passes" / "camera.json").exists()


def test_unknown_pass_is_one_line_and_exit_1(tmp_path):
    proc = render(tmp_path, "depth,albedo")
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "albedo" in proc.stderr
    assert not (tmp_path / "out.mp4").exists()


def test_parse_passes_orders_and_rejects():
    assert parse_passes("camera, depth") == ("depth", "camera")
    with pytest.raises(PipelineError, match="unknown pass"):
        parse_passes("depht")


def test_reader_refuses_an_unfinished_directory(tmp_path):
    (tmp_path / "x.passes.part").mkdir()
    with pytest.raises(PipelineError, match="not a finished passes directory"):
        read_passes(tmp_path / "x.passes.part")
