"""The encoder: real ffmpeg, streamed frames, a probe-able H.264 file, and nothing left behind on failure."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from engine_bridge.engine import rows_bottom_up
from pipeline.encode import Encoder, EncodeSettings, concat_segments, partial_path, probe, read_frames
from pipeline.errors import EncodeError
from pipeline.ffmpeg_tool import ffmpeg_exe

ROOT = Path(__file__).resolve().parents[2]


def frames(n: int, w: int = 64, h: int = 48) -> list[np.ndarray]:
    rng = np.random.default_rng(0)
    return [np.ascontiguousarray(np.broadcast_to(rng.integers(0, 255, 3, dtype=np.uint8), (h, w, 3))) for _ in range(n)]


def test_encode_probe_and_decode(tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    with Encoder(out, 64, 48, 24) as enc:
        for f in frames(12):
            enc.write(f)
    p = probe(out)
    assert (p.codec, p.width, p.height, p.frames, p.pix_fmt) == ("h264", 64, 48, 12, "yuv420p")
    assert p.fps == pytest.approx(24)
    decoded = list(read_frames(out, 64, 48))
    assert len(decoded) == 12
    # flat colours survive a CRF 18 encode closely
    assert np.abs(decoded[5].astype(int) - frames(12)[5].astype(int)).mean() < 6
    assert not partial_path(out).exists()


def test_faststart_puts_moov_first(tmp_path: Path) -> None:
    out = tmp_path / "fs.mp4"
    with Encoder(out, 64, 48, 24) as enc:
        for f in frames(5):
            enc.write(f)
    head = out.read_bytes()[:200]
    assert head.find(b"moov") != -1 and head.find(b"moov") < max(head.find(b"mdat"), 10**9)


def test_failure_inside_render_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "broken.mp4"
    with pytest.raises(RuntimeError), Encoder(out, 64, 48, 24) as enc:
        enc.write(frames(1)[0])
        raise RuntimeError("engine died")
    assert not out.exists() and not partial_path(out).exists()


def test_wrong_frame_shape_is_rejected(tmp_path: Path) -> None:
    enc = Encoder(tmp_path / "x.mp4", 64, 48, 24)
    with pytest.raises(EncodeError, match=r"expected \(48, 64, 3\) uint8"), enc:
        enc.write(np.zeros((10, 10, 3), np.uint8))
    assert not (tmp_path / "x.mp4").exists()


def test_ffmpeg_error_shows_its_message_and_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "bad.mp4"
    enc = Encoder(out, 64, 48, 24, EncodeSettings(codec="no_such_codec"))
    with pytest.raises(EncodeError) as info, enc:
        for f in frames(200):
            enc.write(f)
    assert "bad.mp4" in str(info.value) and "ffmpeg exit" in str(info.value)
    assert "Encoder not found" in str(info.value) or "Unknown encoder" in str(info.value)
    assert not out.exists() and not partial_path(out).exists()


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EncodeError, match="does not exist; create it or choose another -o"):
        Encoder(tmp_path / "nope" / "x.mp4", 64, 48, 24).open()


def test_bad_ffmpeg_override_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    ffmpeg_exe.cache_clear()
    monkeypatch.setenv("ENGINEREEL_FFMPEG", "/nonexistent/ffmpeg")
    try:
        with pytest.raises(EncodeError, match="ENGINEREEL_FFMPEG='/nonexistent/ffmpeg' is not an executable"):
            ffmpeg_exe()
    finally:
        monkeypatch.delenv("ENGINEREEL_FFMPEG")
        ffmpeg_exe.cache_clear()


def test_killed_encode_leaves_no_finished_file(tmp_path: Path) -> None:
    """SIGKILL the writing process mid-stream: no out.mp4 may exist, only the hidden .part."""
    out = tmp_path / "killed.mp4"
    script = textwrap.dedent(f"""
        import sys, time, numpy as np
        sys.path.insert(0, {str(ROOT)!r})
        from pipeline.encode import Encoder
        with Encoder({str(out)!r}, 64, 48, 24) as enc:
            print("started", flush=True)
            while True:
                enc.write(np.zeros((48, 64, 3), np.uint8))
                time.sleep(0.01)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"started"
    time.sleep(0.5)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(0.2)
    assert not out.exists()


def test_concat_segments_joins_without_reencoding(tmp_path: Path) -> None:
    seq = frames(20)
    parts = []
    for k, chunk in enumerate((seq[:8], seq[8:])):
        with Encoder(tmp_path / f"seg{k}.mp4", 64, 48, 24) as enc:
            for f in chunk:
                enc.write(f)
        parts.append(tmp_path / f"seg{k}.mp4")
    joined = concat_segments(parts, tmp_path / "joined.mp4")
    assert probe(joined).frames == 20
    with Encoder(tmp_path / "whole.mp4", 64, 48, 24) as enc:
        for f in seq:
            enc.write(f)
    for a, b in zip(read_frames(joined, 64, 48), read_frames(tmp_path / "whole.mp4", 64, 48), strict=True):
        assert np.abs(a.astype(int) - b.astype(int)).max() <= 2


def test_default_h264_is_superfast_with_the_macroblock_tree_and_one_thread_per_core(tmp_path: Path) -> None:
    cmd = Encoder(tmp_path / "a.mp4", 64, 48, 24).command()
    assert cmd[cmd.index("-preset") + 1] == "superfast"
    assert cmd[cmd.index("-x264-params") + 1] == "mbtree=1:rc-lookahead=10"
    assert cmd[cmd.index("-threads") + 1] == str(os.cpu_count())
    other = Encoder(tmp_path / "b.mp4", 64, 48, 24, EncodeSettings(preset="ultrafast")).command()
    assert "-x264-params" not in other  # the tuning belongs to the default preset only


def test_queued_frames_reach_the_file_in_order(tmp_path: Path) -> None:
    """The writer thread passes every frame on, in order, also when the render loop outruns ffmpeg."""
    out = tmp_path / "order.mp4"
    sent = [np.full((48, 64, 3), 8 * i, np.uint8) for i in range(30)]
    with Encoder(out, 64, 48, 24, EncodeSettings(crf=0, preset="ultrafast")) as enc:
        for f in sent:
            enc.write(f)
    got = list(read_frames(out, 64, 48))
    assert len(got) == 30
    assert [int(np.median(f)) for f in got] == pytest.approx([8 * i for i in range(30)], abs=2)


def test_frames_stored_bottom_row_first_encode_as_upright_ones(tmp_path: Path) -> None:
    """ffmpeg reads rows bottom row first and turns them over (vflip): a frame whose memory lies that way (the
    embedded engine's) goes as it is, a C-contiguous one is turned over in the writer thread; both give the same
    video, byte for byte, upright."""
    rng = np.random.default_rng(1)
    upright = [rng.integers(0, 255, (48, 64, 3), dtype=np.uint8) for _ in range(6)]
    for f in upright:
        f[:8] = 255  # a white band at the top, to see the orientation through the lossy codec
        f[-8:] = 0
    stored_bottom_up = [np.ascontiguousarray(f[::-1])[::-1] for f in upright]
    assert all(rows_bottom_up(f) and np.array_equal(f, u) for f, u in zip(stored_bottom_up, upright, strict=True))
    videos = {}
    for name, sent in (("contiguous", upright), ("bottom_up", stored_bottom_up)):
        videos[name] = tmp_path / f"{name}.mp4"
        with Encoder(videos[name], 64, 48, 24) as enc:
            for f in sent:
                enc.write(f)
    assert videos["contiguous"].read_bytes() == videos["bottom_up"].read_bytes()
    got = list(read_frames(videos["bottom_up"], 64, 48))
    assert len(got) == 6 and all(g[:6].mean() > 240 and g[-6:].mean() < 15 for g in got)


@pytest.mark.skipif(not hasattr(os, "SCHED_BATCH"), reason="Linux scheduling policies")
def test_encoder_threads_run_as_batch_tasks_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """$ENGINEREEL_ENCODER_SCHED=batch puts every ffmpeg thread (the encoder's, started with the first frame, too)
    under SCHED_BATCH, says so in the encoding report, and changes nothing else; unset, ffmpeg runs as any process."""
    from pipeline.encode import SCHED_ENV, encoding_report

    for asked, policy in (("batch", os.SCHED_BATCH), ("", os.SCHED_OTHER)):
        monkeypatch.setenv(SCHED_ENV, asked)
        enc = Encoder(tmp_path / f"s{asked}.mp4", 64, 48, 24)
        enc.open()
        try:
            for f in frames(5):
                enc.write(f)
            deadline = time.monotonic() + 5
            while enc._writer is not None and enc._queue.qsize() and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(0.2)  # the first frame has reached ffmpeg, which has started its encoder threads
            pid = enc._proc.pid
            policies = {os.sched_getscheduler(int(t)) for t in os.listdir(f"/proc/{pid}/task")}
        finally:
            enc.close()
        assert policies == {policy}
        assert (encoding_report(EncodeSettings()).get("scheduling") == "batch") == (asked == "batch")
        assert len(list(read_frames(tmp_path / f"s{asked}.mp4", 64, 48))) == 5


def test_yuv420p_output_is_fed_as_planes_converted_like_ffmpegs_own(tmp_path: Path) -> None:
    """For yuv420p at even sizes the writer thread converts frames to YUV 4:2:0 planes (half the bytes, and ffmpeg
    skips its own conversion); the lossless result matches ffmpeg's conversion of the packed RGB within a level of
    luma and a few of chroma, upright."""
    import pipeline.encode as encode

    assert encode.planar_input(EncodeSettings(), 64, 48)
    assert not encode.planar_input(EncodeSettings(), 65, 48)  # 4:2:0 planes need even sizes
    assert not encode.planar_input(EncodeSettings(pix_fmt="yuv444p"), 64, 48)
    assert not encode.planar_input(EncodeSettings(codec="libsvtav1"), 64, 48)  # refuses vflip's negative strides
    assert "yuv420p" in Encoder(tmp_path / "a.mp4", 64, 48, 24).command()
    assert "rgb24" in Encoder(tmp_path / "b.mp4", 64, 48, 24, EncodeSettings(pix_fmt="yuv444p")).command()

    rng = np.random.default_rng(2)
    sent = [cv2_blur(rng.integers(0, 255, (48, 64, 3), dtype=np.uint8)) for _ in range(4)]
    for f in sent:
        f[:8] = 255
    lossless = EncodeSettings(crf=0, preset="ultrafast")

    def decoded_planes(path: Path) -> np.ndarray:
        out = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "rawvideo", "-pix_fmt", "yuv420p",
                              "-"], capture_output=True, check=True).stdout
        return np.frombuffer(out, np.uint8).reshape(len(sent), -1).astype(int)

    with Encoder(tmp_path / "planes.mp4", 64, 48, 24, lossless) as enc:
        for f in sent:
            enc.write(f)
    ffmpegs = tmp_path / "ffmpegs.mp4"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "64x48", "-i", "-",
                    "-c:v", "libx264", "-qp", "0", "-pix_fmt", "yuv420p", str(ffmpegs)],
                   input=b"".join(f.tobytes() for f in sent), check=True)
    ours, theirs = decoded_planes(tmp_path / "planes.mp4"), decoded_planes(ffmpegs)
    luma = 64 * 48
    assert np.abs(ours[:, :luma] - theirs[:, :luma]).max() <= 1
    assert np.abs(ours[:, luma:] - theirs[:, luma:]).mean() < 2.0
    assert all(g[:6].mean() > 240 for g in read_frames(tmp_path / "planes.mp4", 64, 48))


def cv2_blur(image: np.ndarray) -> np.ndarray:
    """Noise smoothed to rendered-looking gradients (chroma filters differ most on single-pixel noise)."""
    import cv2

    return np.ascontiguousarray(cv2.GaussianBlur(image, (7, 7), 2.0))
