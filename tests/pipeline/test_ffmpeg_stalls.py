"""An ffmpeg that hangs (never reads frames, never finishes the file, never answers a probe) fails in one line."""

from __future__ import annotations

import stat
import time
from pathlib import Path

import numpy as np
import pytest

from pipeline.encode import STALL_ENV, Encoder
from pipeline.errors import EncodeError

ANSWERS_VERSION = 'case "$*" in *-version*|*-encoders*|*encoder=*) echo "ffmpeg version 9.9-fake"; exit 0;; esac\n'


def fake_ffmpeg(tmp_path: Path, body: str) -> str:
    exe = tmp_path / "ffmpeg"
    exe.write_text("#!/bin/sh\n" + ANSWERS_VERSION + body + "\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return str(exe)


@pytest.fixture
def short_stall(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STALL_ENV, "1")


def frames(n: int) -> list[np.ndarray]:
    return [np.full((36, 64, 3), i % 255, dtype=np.uint8) for i in range(n)]


def test_an_ffmpeg_that_never_reads_frames_fails_after_the_stall_limit(tmp_path: Path, short_stall: None,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pipeline.encode.ffmpeg_exe", lambda: fake_ffmpeg(tmp_path, "exec sleep 60"))
    out = tmp_path / "out.mp4"
    t0 = time.monotonic()
    with pytest.raises(EncodeError, match=r"out.mp4: ffmpeg accepted no data for 1 s \(stalled"), \
            Encoder(out, 64, 36, 10) as enc:
        for frame in frames(600):  # far more than a pipe buffer holds (1 MiB; 3.5 kB a planar frame)
            enc.write(frame)
    assert time.monotonic() - t0 < 10 and not out.exists()


def test_an_ffmpeg_that_never_finishes_the_file_fails_after_the_stall_limit(tmp_path: Path, short_stall: None,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pipeline.encode.ffmpeg_exe", lambda: fake_ffmpeg(tmp_path, "cat > /dev/null; exec sleep 60"))
    out = tmp_path / "out.mp4"
    t0 = time.monotonic()
    with pytest.raises(EncodeError, match=r"ffmpeg did not finish the file: no progress for 1 s"), \
            Encoder(out, 64, 36, 10) as enc:
        for frame in frames(3):
            enc.write(frame)
    assert time.monotonic() - t0 < 10 and not out.exists()


def test_an_ffmpeg_that_hangs_at_the_probe_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import ffmpeg_tool

    exe = tmp_path / "ffmpeg"
    exe.write_text("#!/bin/sh\nexec sleep 60\n")
    exe.chmod(0o755)
    monkeypatch.setattr(ffmpeg_tool, "PROBE_TIMEOUT_S", 0.5)
    with pytest.raises(EncodeError, match=r"did not answer `ffmpeg -version` within 0.5 s"):
        ffmpeg_tool.ffmpeg_version.__wrapped__(str(exe))


def test_an_ffmpeg_that_dies_mid_stream_is_reported_by_the_next_write(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer thread's broken pipe surfaces in the render loop's thread as one line, with no file left."""
    monkeypatch.setattr("pipeline.encode.ffmpeg_exe", lambda: fake_ffmpeg(tmp_path, "head -c 20000 > /dev/null; "
                                                                                    "echo 'fake: gave up' >&2; exit 3"))
    out = tmp_path / "out.mp4"
    said = r"out.mp4: ffmpeg stopped accepting frames \(ffmpeg exit 3\): fake: gave up"
    with pytest.raises(EncodeError, match=said), Encoder(out, 64, 36, 10) as enc:
        for frame in frames(400):
            enc.write(frame)
    assert not out.exists()
