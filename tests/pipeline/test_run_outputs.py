"""A run's outputs: distinct, never an input, never a special file; staged and published with their report."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.jobs import RenderOptions, render_script
from pipeline.run.outputs import Staging, leftovers, run_outputs, staged_video
from scenes import save_script
from tests.pipeline.conftest import REPO, tiny_script

FAST = RenderOptions(audio=False)


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})


@pytest.mark.parametrize(("video", "script", "needle"), [
    ("clip.json", None, "not a video file name"),          # the report would overwrite the video
    ("x.txt", None, "not a video file name"),
    ("noext", None, "no extension is not a video file name"),
    ("rep.mp4", "rep.json", "--save-script and the run report"),
    ("same.mp4", "same.mp4", "--save-script and the video"),
    ("pic.mp4", "pic.poster.png", "--save-script and a preview"),
])
def test_colliding_outputs_are_refused(tmp_path: Path, video: str, script: str | None, needle: str) -> None:
    with pytest.raises(PipelineError, match=needle):
        run_outputs(tmp_path / video, script=tmp_path / script if script else None)


def test_an_input_is_never_an_output(tmp_path: Path) -> None:
    source = tmp_path / "victim.yaml"
    with pytest.raises(PipelineError, match="is an input of this run"):
        run_outputs(tmp_path / "v.mp4", script=source, inputs=[source])
    with pytest.raises(PipelineError, match="is an input of this run"):
        run_outputs(tmp_path / "v.mp4", inputs=[tmp_path / "sub" / ".." / "v.json"])


def test_special_files_are_refused(tmp_path: Path) -> None:
    os.symlink("/dev/null", tmp_path / "null.mp4")
    with pytest.raises(PipelineError, match="is a character device; refusing"):
        run_outputs(tmp_path / "null.mp4")
    os.mkfifo(tmp_path / "pipe.json")
    with pytest.raises(PipelineError, match=r"pipe.json: exists and is a named pipe"):
        run_outputs(tmp_path / "pipe.mp4")
    (tmp_path / "dir.mp4").mkdir()
    with pytest.raises(PipelineError, match="is a directory"):
        run_outputs(tmp_path / "dir.mp4")
    (tmp_path / "p.passes").write_text("not a folder")
    with pytest.raises(PipelineError, match=r"p\.passes: exists and is a file, not a folder"):
        run_outputs(tmp_path / "p.mp4", passes=True)


def test_cli_refuses_with_one_line_and_keeps_the_source(tmp_path: Path) -> None:
    source = tmp_path / "victim.yaml"
    save_script(tiny_script(duration=0.2), source)
    before = source.read_bytes()
    for args in (["-o", str(source)], ["-o", str(tmp_path / "v.mp4"), "--save-script", str(source)],
                 ["-o", str(tmp_path / "clip.json")]):
        res = cli("render", str(source), *args, cwd=tmp_path)
        assert res.returncode == 1, res.stderr
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in res.stderr
    assert source.read_bytes() == before and not (tmp_path / "v.mp4").exists()


def test_publish_renames_the_old_video_away_first_and_the_new_video_last(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    video = tmp_path / "keep.mp4"
    video.write_text("old video")
    outputs = run_outputs(video)
    order: list[str] = []
    real_replace, real_unlink = os.replace, Path.unlink
    monkeypatch.setattr(os, "replace", lambda a, b: (order.append(f"replace {Path(b).name}"), real_replace(a, b)))
    monkeypatch.setattr(Path, "unlink", lambda self, missing_ok=False: (order.append(f"remove {self.name}"),
                                                                        real_unlink(self, missing_ok=missing_ok)))
    with Staging(outputs).run() as staging:
        order.clear()
        staging.video.write_text("new video")
        staging.report.write_text("{}")
        staging.publish()
    replaced = [o for o in order if o.startswith("replace")]
    assert order[0] == "remove keep.mp4" and replaced[-1] == "replace keep.mp4"
    assert "replace keep.json" in replaced
    assert video.read_text() == "new video" and (tmp_path / "keep.json").read_text() == "{}"


def test_a_failed_write_after_encoding_keeps_the_old_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    video = tmp_path / "keep.mp4"
    render_script(tiny_script(duration=0.2), video, FAST)
    old = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def disk_full(path: Path, data: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("pipeline.jobs.write_json", disk_full)
    with pytest.raises(PipelineError, match=r"\.keep\.staged\.json: No space left on device; nothing was published: "
                                            r".*keep.mp4 and its report are as they were"):
        render_script(tiny_script(duration=0.2, seed=3), video, FAST)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old  # no staged files left either


def test_leftovers_of_a_killed_run_are_cleaned_by_the_next_run(tmp_path: Path) -> None:
    video = tmp_path / "out.mp4"
    for path in (tmp_path / ".out.mp4.part", tmp_path / ".out.mp4.wav", staged_video(video),
                 tmp_path / ".out.staged.json"):
        path.write_text("left by kill -9")
    assert all(p in leftovers(video) for p in tmp_path.iterdir())
    report = render_script(tiny_script(duration=0.2), video, FAST)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["out.mp4", "out.json", "out.contact.png", "out.poster.png", Path(report.previews["animation"]).name])
    assert json.loads((tmp_path / "out.json").read_text())["output"] == str(video)


def test_two_runs_on_one_output_are_refused(tmp_path: Path) -> None:
    video = tmp_path / "busy.mp4"
    with Staging(run_outputs(video)).run(), pytest.raises(PipelineError, match="another run is writing"):
        render_script(tiny_script(duration=0.2), video, FAST)
