"""A user's glTF file is checked before any loader trusts it: counts, bounds, headers, regular files only."""

from __future__ import annotations

import json
import os
import struct
import time
from pathlib import Path

import pytest

from scenes import ScriptError, loads_script
from tests.engine_bridge.gltf_files import write_box_gltf


def script_with(path: Path, **actor: object) -> str:
    return json.dumps({"duration": 1, "actors": [{"id": "m", "asset": str(path), **actor}]})


def edited(tmp_path: Path, edit) -> Path:
    path = write_box_gltf(tmp_path / "box.gltf")
    doc = json.loads(path.read_text())
    edit(doc)
    path.write_text(json.dumps(doc))
    return path


@pytest.mark.parametrize(("edit", "needle"), [
    (lambda d: d["accessors"][0].update(count=2147483647), r"accessors\[0\]\.count = 2147483647; expected a whole"),
    (lambda d: d["accessors"][0].update(max=[1e308, 1, 1]), r"accessors\[0\]\.max must be 3 finite numbers"),
    (lambda d: d["accessors"][0].update(min=[float("nan"), 0, 0]), r"accessors\[0\]\.min must be"),
    (lambda d: d["bufferViews"][0].update(byteLength=10**6), r"bufferViews\[0\] ends at byte"),
    (lambda d: d["accessors"][0].update(componentType=1), r"is not a glTF accessor type"),
    (lambda d: d["buffers"][0].update(byteLength=10**8), r"more than its data URI holds"),
])
def test_bad_counts_and_bounds_fail_validation_in_one_line(tmp_path: Path, edit, needle: str) -> None:
    path = edited(tmp_path, edit)
    with pytest.raises(ScriptError, match=needle):
        loads_script(script_with(path), "s.yaml")


def test_a_fifo_named_glb_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "x.glb"
    os.mkfifo(fifo)
    t0 = time.monotonic()
    with pytest.raises(ScriptError, match="not a regular file"):
        loads_script(script_with(fifo), "s.yaml")
    assert time.monotonic() - t0 < 2


def test_a_glb_whose_header_lies_is_refused(tmp_path: Path) -> None:
    body = json.dumps({"asset": {"version": "2.0"}}).encode().ljust(32)
    path = tmp_path / "x.glb"
    path.write_bytes(struct.pack("<4sIIII", b"glTF", 2, 10_000, len(body), 0x4E4F534A) + body)
    with pytest.raises(ScriptError, match="the header says 10000 bytes but the file has"):
        loads_script(script_with(path), "s.yaml")


def test_actions_and_materials_on_a_gltf_actor_are_checked_not_crashed(tmp_path: Path) -> None:
    path = write_box_gltf(tmp_path / "box.gltf")
    script = loads_script(script_with(path, actions=[{"type": "spin"}]), "s.yaml")
    assert script.actors[0].actions[0].type == "spin"
    with pytest.raises(ScriptError, match=r"actors\[0\]\.materials: a glTF model keeps the materials of its file"):
        loads_script(script_with(path, materials={"body": {"color": "red"}}), "s.yaml")


def test_a_batch_records_a_bad_gltf_as_a_failed_job(tmp_path: Path) -> None:
    from pipeline.batch import JobSpec, resolve_job

    path = edited(tmp_path, lambda d: d["accessors"][0].update(count=2147483647))
    script = tmp_path / "s.json"
    script.write_text(script_with(path))
    job = resolve_job(JobSpec(script=str(script)), 0)
    assert job.error is not None and "accessors[0].count" in job.error
