"""`render` with codec, audio and preview options, and `info`, through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import yaml
from PIL import Image

from pipeline.encode import probe, read_audio

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = {
    "version": 1, "duration": 1.0, "fps": 10, "resolution": "96x54",
    "environment": {"sky": "day", "ground": {"material": "grass"}},
    "actors": [{"id": "ball", "asset": "sphere", "material": {"color": "red"}}],
    "camera": {"shots": [{"type": "static", "position": [0, -6, 2], "end": 0.5},
                         {"type": "orbit", "target": "ball", "transition": {"type": "crossfade", "duration": 0.4}}]},
    "captions": [{"text": "A red ball", "start": 0.2, "end": 0.8, "style": "lower_third"}],
}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=180)


def write_script(tmp_path: Path, **changes: object) -> Path:
    path = tmp_path / "scene.yaml"
    path.write_text(yaml.safe_dump({**SCRIPT, **changes}), encoding="utf-8")
    return path


def test_render_webm_with_ambience_previews_and_metrics(tmp_path: Path) -> None:
    out = tmp_path / "film.webm"
    res = cli("render", str(write_script(tmp_path)), "-o", str(out), "--codec", "vp9", "--preset", "ultrafast",
              "--metrics", "-q")
    assert res.returncode == 0, res.stderr
    info = probe(out)
    assert (info.codec, info.frames, info.audio_codec) == ("vp9", 10, "opus")
    audio = read_audio(out)
    assert abs(len(audio) / 48_000 - 1.0) < 0.05 and np.abs(audio).max() > 0.01  # the park ambience
    report = json.loads(out.with_suffix(".json").read_text())
    assert report["encoding"]["codec"] == "libvpx-vp9" and report["audio"]["ambience"] == "park"
    assert report["metrics"]["frames"] == 10 and report["metrics"]["static_source"] == "timeline"
    sheet = Image.open(report["previews"]["contact_sheet"])
    assert sheet.width > 96 and Image.open(report["previews"]["poster"]).size == (96, 54)
    anim = Image.open(report["previews"]["animation"])
    assert getattr(anim, "n_frames", 1) > 1
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_silent_studio_scene_has_no_audio_track(tmp_path: Path) -> None:
    out = tmp_path / "silent.mp4"
    res = cli("render", str(write_script(tmp_path, environment={"sky": "studio"})), "-o", str(out),
              "--no-previews", "-q")
    assert res.returncode == 0, res.stderr
    assert probe(out).audio_codec is None
    assert json.loads(out.with_suffix(".json").read_text())["audio"] is None
    out2 = tmp_path / "muted.mp4"
    assert cli("render", str(write_script(tmp_path)), "-o", str(out2), "--no-audio", "--no-previews",
               "-q").returncode == 0
    assert probe(out2).audio_codec is None and not out2.with_suffix(".contact.png").exists()


def test_bad_encoding_choices_are_one_line_errors(tmp_path: Path) -> None:
    script = str(write_script(tmp_path))
    for args, words in ((["--codec", "h264", "--container", "webm"], "--container: webm cannot hold h264"),
                        (["--crf", "99"], "--crf"),
                        (["--container", "mkv"], "film.mp4: a .mp4 file cannot hold the mkv container")):
        res = cli("render", script, "-o", str(tmp_path / "film.mp4"), *args)
        assert res.returncode == 1 and res.stderr.count("\n") == 1 and words in res.stderr, res.stderr
    assert not list(tmp_path.glob("film*"))


def test_info_lists_codecs() -> None:
    res = cli("info")
    assert res.returncode == 0 and "h264  libx264" in res.stdout and "aac yes" in res.stdout
