"""Streaming frames into ffmpeg: raw RGB on stdin, a finished video file out, nothing half-written left behind."""

from __future__ import annotations

import collections
import contextlib
import os
import re
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Self

import ffmpeg
import numpy as np

from pipeline.errors import EncodeError
from pipeline.ffmpeg_tool import ffmpeg_exe


@dataclass(frozen=True)
class EncodeSettings:
    """How to encode: H.264 yuv420p CRF 18 veryfast with faststart by default."""

    codec: str = "libx264"
    crf: int = 18
    preset: str = "veryfast"
    pix_fmt: str = "yuv420p"
    container: str = "mp4"
    extra: dict[str, str] = field(default_factory=dict)


def partial_path(path: Path) -> Path:
    """The temporary name a video is written under until ffmpeg exits cleanly (hidden, ``.part``)."""
    return path.with_name(f".{path.name}.part")


def check_output_path(path: Path) -> None:
    """Fail early, with one line, if ``path`` cannot be written (missing directory, a directory, no permission)."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise EncodeError(f"{path}: is a directory; give a file name such as {path / 'out.mp4'}")
    if not parent.is_dir():
        raise EncodeError(f"{path}: directory {parent} does not exist; create it or choose another -o")
    if not os.access(parent, os.W_OK):
        raise EncodeError(f"{path}: directory {parent} is not writable")


class Encoder:
    """Encodes a stream of ``(height, width, 3)`` uint8 RGB frames into a video file with ffmpeg.

    Frames go straight to ffmpeg's stdin (nothing is buffered here beyond the pipe), the file is written
    under :func:`partial_path` and renamed only when ffmpeg exits cleanly; on any failure the partial
    file is removed and :class:`EncodeError` carries the tail of ffmpeg's stderr.
    """

    def __init__(self, path: str | os.PathLike[str], width: int, height: int, fps: float,
                 settings: EncodeSettings = EncodeSettings()) -> None:
        self.path = Path(path)
        self.width, self.height, self.fps = width, height, fps
        self.settings = settings
        self.frames = 0
        self.write_seconds = 0.0
        self.ffmpeg_peak_rss_mb: float | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: collections.deque[str] = collections.deque(maxlen=40)
        self._reader: threading.Thread | None = None
        self._tmp = partial_path(self.path)

    def command(self) -> list[str]:
        """The ffmpeg command line (built with ffmpeg-python)."""
        s = self.settings
        stream = ffmpeg.input("pipe:", format="rawvideo", pix_fmt="rgb24", s=f"{self.width}x{self.height}",
                              framerate=self.fps)
        out_args: dict[str, object] = {"vcodec": s.codec, "pix_fmt": s.pix_fmt, "format": s.container}
        if s.codec in ("libx264", "libx265"):
            out_args |= {"crf": s.crf, "preset": s.preset}
        if s.container in ("mp4", "mov"):
            out_args["movflags"] = "+faststart"
        out_args |= s.extra
        stream = ffmpeg.output(stream, str(self._tmp), **out_args).global_args("-hide_banner", "-nostdin",
                                                                             "-loglevel", "error")
        return ffmpeg.compile(stream.overwrite_output(), cmd=ffmpeg_exe())

    def __enter__(self) -> Self:
        self.open()
        return self

    def open(self) -> None:
        """Start ffmpeg."""
        check_output_path(self.path)
        try:
            self._proc = subprocess.Popen(self.command(), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.PIPE)
        except OSError as exc:
            raise EncodeError(f"cannot start ffmpeg ({exc}); set ENGINEREEL_FFMPEG to a working ffmpeg") from None
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        assert self._proc is not None and self._proc.stderr is not None
        for line in self._proc.stderr:
            self._stderr.append(line.decode("utf-8", "replace").rstrip())

    def write(self, frame: np.ndarray) -> None:
        """Send one frame to ffmpeg."""
        if self._proc is None or self._proc.stdin is None:
            raise EncodeError("encoder is not open")
        if frame.shape != (self.height, self.width, 3) or frame.dtype != np.uint8:
            raise EncodeError(f"frame of shape {frame.shape} {frame.dtype}, expected ({self.height}, {self.width}, 3) "
                              "uint8")
        t0 = time.perf_counter()
        try:
            self._proc.stdin.write(memoryview(np.ascontiguousarray(frame)).cast("B"))
        except (BrokenPipeError, OSError):
            self._fail("ffmpeg stopped accepting frames")
        self.write_seconds += time.perf_counter() - t0
        self.frames += 1

    def _fail(self, what: str) -> None:
        proc = self._proc
        if proc is not None:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
        if self._reader is not None:
            self._reader.join(timeout=5)
        self._discard()
        tail = " | ".join(line for line in list(self._stderr)[-3:] if line) or "no message"
        code = proc.returncode if proc is not None else None
        raise EncodeError(f"{self.path}: {what} (ffmpeg exit {code}): {tail}")

    def _discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._tmp.unlink()

    def close(self) -> Path:
        """Finish the file: close stdin, wait for ffmpeg, rename into place. Returns the final path."""
        proc = self._proc
        if proc is None:
            raise EncodeError("encoder is not open")
        try:
            assert proc.stdin is not None
            proc.stdin.close()
        except (BrokenPipeError, OSError):
            pass
        self.ffmpeg_peak_rss_mb = _peak_rss_of(proc.pid)
        code = proc.wait()
        if self._reader is not None:
            self._reader.join(timeout=5)
        self._proc = None
        if code != 0:
            self._proc = proc
            self._fail("encoding failed")
        if self.frames == 0:
            self._discard()
            raise EncodeError(f"{self.path}: no frames were encoded")
        os.replace(self._tmp, self.path)
        return self.path

    def abort(self) -> None:
        """Stop ffmpeg and remove the partial file (used when rendering fails or is interrupted)."""
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.stdin is not None:
                with contextlib.suppress(OSError):
                    proc.stdin.close()
            if proc.poll() is None:
                proc.kill()
            proc.wait()
        self._discard()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is not None:
            self.abort()
        elif self._proc is not None:
            self.close()


def _peak_rss_of(pid: int) -> float | None:
    """Peak resident memory (MiB) of a running process from /proc (Linux); ``None`` elsewhere.

    getrusage(RUSAGE_CHILDREN) is no use here: a forked child inherits the parent's high-water mark.
    """
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


@dataclass(frozen=True)
class VideoProbe:
    """What a video file holds, read with ``ffmpeg -i`` (the bundled ffmpeg has no ffprobe)."""

    codec: str
    width: int
    height: int
    fps: float
    frames: int
    duration: float
    pix_fmt: str


def probe(path: str | os.PathLike[str]) -> VideoProbe:
    """Probe a video's first video stream; counts frames exactly by decoding (``-f null``)."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", str(path), "-map", "0:v:0", "-f", "null", "-"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    err = res.stderr
    if res.returncode != 0:
        raise EncodeError(f"{path}: cannot read video: {err.strip().splitlines()[-1] if err.strip() else 'unknown'}")
    m = re.search(r"Stream #\S+(?:\[\S+\])?(?:\(\S+\))?: Video: (\w+)[^,]*, ([\w]+)[^,]*(?:\([^)]*\))?.*?, (\d+)x(\d+)",
                  err)
    if not m:
        raise EncodeError(f"{path}: no video stream found")
    fps_m = re.search(r"([\d.]+) fps", err)
    frames = [int(x) for x in re.findall(r"frame=\s*(\d+)", err)]
    dur_m = re.search(r"Duration: (\d+):(\d+):([\d.]+)", err)
    duration = (int(dur_m.group(1)) * 3600 + int(dur_m.group(2)) * 60 + float(dur_m.group(3))) if dur_m else 0.0
    return VideoProbe(
        codec=m.group(1), pix_fmt=m.group(2), width=int(m.group(3)), height=int(m.group(4)),
        fps=float(fps_m.group(1)) if fps_m else 0.0, frames=frames[-1] if frames else 0, duration=duration,
    )


def read_frames(path: str | os.PathLike[str], width: int, height: int):  # -> Iterator[np.ndarray]
    """Decode a video to RGB frames one at a time (for tests and metrics; memory stays flat)."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-i", str(path), "-f", "rawvideo",
           "-pix_fmt", "rgb24", "-"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    size = width * height * 3
    assert proc.stdout is not None
    try:
        while True:
            buf = proc.stdout.read(size)
            if len(buf) < size:
                break
            yield np.frombuffer(buf, dtype=np.uint8).reshape(height, width, 3)
    finally:
        proc.stdout.close()
        proc.kill()
        proc.wait()


def concat_segments(segments: list[Path], output: str | os.PathLike[str]) -> Path:
    """Join independently encoded segments (same codec and settings) into one file without re-encoding.

    Uses ffmpeg's concat demuxer with stream copy; the result appears only when ffmpeg succeeded.
    """
    out = Path(output)
    check_output_path(out)
    if not segments:
        raise EncodeError(f"{out}: no segments to join")
    tmp = partial_path(out)
    listing = out.with_name(f".{out.name}.segments.txt")
    listing.write_text("".join(f"file '{Path(s).resolve().as_posix()}'\n" for s in segments), encoding="utf-8")
    fmt = out.suffix.lstrip(".").lower() or "mp4"
    fmt = {"mkv": "matroska"}.get(fmt, fmt)
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0",
           "-i", str(listing), "-c", "copy", "-f", fmt]
    if fmt in ("mp4", "mov"):
        cmd += ["-movflags", "+faststart"]
    try:
        res = subprocess.run([*cmd, str(tmp)], capture_output=True, text=True, check=False)
    finally:
        listing.unlink(missing_ok=True)
    if res.returncode != 0:
        tmp.unlink(missing_ok=True)
        tail = " | ".join(res.stderr.strip().splitlines()[-3:]) or "no message"
        raise EncodeError(f"{out}: joining {len(segments)} segments failed (ffmpeg exit {res.returncode}): {tail}")
    os.replace(tmp, out)
    return out
