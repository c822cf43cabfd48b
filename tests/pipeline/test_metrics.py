"""Temporal metrics: flicker, warping error, SSIM, subject consistency; and the `metrics` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from pipeline.metrics import measure_frames, static_pairs_from_timeline, video_metrics, warping_error
from scenes import compile_script, parse_script
from tests.pipeline.conftest import write_clip

ROOT = Path(__file__).resolve().parents[2]


def textured(seed: int = 1, w: int = 96, h: int = 64) -> np.ndarray:
    """A smooth static texture with room for ±20 of brightness change without clipping."""
    rng = np.random.default_rng(seed)
    small = rng.integers(40, 215, (h // 8, w // 8, 3)).astype(np.uint8)
    return np.kron(small, np.ones((8, 8, 1), dtype=np.uint8))


def smooth_pan(n: int, w: int = 128, h: int = 96, step: int = 2) -> list[np.ndarray]:
    """A smooth random texture panning ``step`` pixels per frame: flow is well defined everywhere."""
    rng = np.random.default_rng(3)
    big = cv2.GaussianBlur(rng.normal(0, 1, (h, w + n * step, 3)).astype(np.float32), (0, 0), 3.0)
    big = np.clip(128 + big / big.std() * 45, 0, 255).astype(np.uint8)
    return [np.ascontiguousarray(big[:, k * step:k * step + w]) for k in range(n)]


def flickering(n: int = 10, amp: int = 12) -> list[np.ndarray]:
    base = textured().astype(np.int16)
    return [np.clip(base + (amp if k % 2 else -amp), 0, 255).astype(np.uint8) for k in range(n)]


def test_flicker_matches_hand_computation_and_ranks_flicker_below_steady() -> None:
    frames = flickering()
    # by hand: consecutive frames differ by 2 * 12 = 24 at every pixel, so the VBench score is (255 - 24) / 255
    got = measure_frames(iter(frames), static=np.ones(9, bool))
    assert got["mean_abs_diff_static"] == pytest.approx(24.0)
    assert got["temporal_flickering"] == pytest.approx((255 - 24) / 255)
    steady = measure_frames(iter([textured()] * 10), static=np.ones(9, bool))
    assert steady["temporal_flickering"] == pytest.approx(1.0)
    assert got["temporal_flickering"] < steady["temporal_flickering"]


def test_flicker_on_encoded_files_with_flow_detected_static_camera(tmp_path: Path) -> None:
    flick = video_metrics(write_clip(tmp_path / "flicker.mp4", flickering()))
    steady = video_metrics(write_clip(tmp_path / "steady.mp4", [textured()] * 10))
    assert flick.static_source == "optical flow" and flick.static_pairs == 9 and steady.static_pairs == 9
    assert flick.temporal_flickering is not None and steady.temporal_flickering is not None
    assert flick.temporal_flickering < steady.temporal_flickering
    assert flick.temporal_flickering == pytest.approx((255 - 24) / 255, abs=0.01)  # yuv420p rounding only
    assert steady.ssim == pytest.approx(1.0, abs=1e-6)


def test_a_panning_camera_is_not_static_and_warping_error_is_near_zero_for_translation(tmp_path: Path) -> None:
    got = video_metrics(write_clip(tmp_path / "pan.mp4", smooth_pan(8)))
    assert got.static_pairs == 0 and got.temporal_flickering is None
    assert got.warping_error is not None and got.warping_error < 2e-3
    # versus a clip whose content changes unpredictably between frames
    noise = [np.random.default_rng(k).integers(0, 256, (96, 128, 3)).astype(np.uint8) for k in range(4)]
    assert measure_frames(iter(noise))["warping_error"] > 50 * got.warping_error


def test_warping_error_of_one_exact_translation() -> None:
    frames = smooth_pan(3, 160, 120, step=3)  # frame 1 is frame 0 shifted 3 px left
    err, fwd = warping_error(frames[0], frames[1])
    assert err < 1e-3
    assert np.median(fwd[..., 0]) == pytest.approx(-3.0, abs=0.1)


def test_subject_consistency_over_instance_masks() -> None:
    frames = [textured()] * 5
    mask = np.zeros((64, 96), np.int32)
    mask[16:48, 24:72] = 7
    same = measure_frames(iter(frames), masks=iter([mask] * 5))
    assert same["instances"] == 1 and same["subject_consistency"] == pytest.approx(1.0)
    changing = [f.copy() for f in frames]
    for k, f in enumerate(changing):
        f[16:48, 24:72] = (40 * k, 200 - 40 * k, 90)
    drift = measure_frames(iter(changing), masks=iter([mask] * 5))
    assert drift["subject_consistency"] < 0.5


def test_timeline_static_pairs_follow_the_camera() -> None:
    tl = compile_script(parse_script({
        "duration": 2.0, "fps": 10, "resolution": "64x48",
        "camera": {"shots": [{"type": "static", "end": 1.0},
                             {"type": "orbit", "transition": {"type": "crossfade", "duration": 0.4}}]},
    }, "test"))
    static = static_pairs_from_timeline(tl)
    assert static.shape == (19,)
    assert static[:7].all() and not static[7:].any()  # the crossfade takes frames 8..11, then the orbit moves


def test_metrics_command_prints_json(tmp_path: Path) -> None:
    video = write_clip(tmp_path / "steady.mp4", [textured()] * 6)
    out = tmp_path / "m.json"
    res = subprocess.run([sys.executable, "-m", "pipeline.cli", "metrics", str(video), "-o", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["frames"] == 6 and data["temporal_flickering"] == pytest.approx(1.0)
    assert json.loads(out.read_text()) == data
    bad = subprocess.run([sys.executable, "-m", "pipeline.cli", "metrics", str(tmp_path / "nope.mp4")],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "nope.mp4" in bad.stderr


def test_metrics_against_a_reference_video(tmp_path: Path) -> None:
    """``--reference``: SSIM frame by frame against another encode (1 for itself, lower for a coarser encode);
    videos of another size or length are one located line."""
    from pipeline.encode import EncodeSettings
    from tests.pipeline.conftest import moving_frames

    frames = moving_frames(8)
    exact = write_clip(tmp_path / "exact.mp4", frames)
    coarse = write_clip(tmp_path / "coarse.mp4", frames, settings=EncodeSettings(crf=40, preset="ultrafast"))
    short = write_clip(tmp_path / "short.mp4", frames[:5])

    def metrics(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pipeline.cli", "metrics", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    itself, other = metrics(str(exact), "--reference", str(exact)), metrics(str(coarse), "--reference", str(exact))
    assert itself.returncode == 0 and other.returncode == 0, other.stderr
    assert json.loads(itself.stdout)["ssim_reference"] == pytest.approx(1.0)
    assert 0.2 < json.loads(other.stdout)["ssim_reference"] < 0.99
    bad = metrics(str(short), "--reference", str(exact))
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1
    assert "--reference" in bad.stderr and "5 frames" in bad.stderr
