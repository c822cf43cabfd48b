"""Streaming frames into ffmpeg: raw RGB on stdin, a finished video file out, nothing half-written left behind."""

from __future__ import annotations

import collections
import collections.abc
import contextlib
import fcntl
import os
import queue
import re
import select
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Self

import cv2
import ffmpeg
import numpy as np

from engine_bridge.engine import rows_bottom_up
from pipeline.errors import EncodeError
from pipeline.ffmpeg_tool import encoder_pix_fmts, ffmpeg_encoders, ffmpeg_exe


@dataclass(frozen=True)
class EncodeSettings:
    """How to encode: H.264 yuv420p CRF 18, preset superfast with x264's macroblock tree (:data:`X264_TUNING`),
    faststart, by default.

    ``codec`` is the ffmpeg encoder name (``libx264`` …); build settings from user-facing names
    (``h265``, ``--crf``, ``--preset``, ``--container``, 10-bit) with :func:`encode_settings`, which checks them.
    """

    codec: str = "libx264"
    crf: int = 18
    preset: str = "superfast"
    pix_fmt: str = "yuv420p"
    container: str = "mp4"
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def audio_codec(self) -> str:
        """The audio encoder that goes with the container: Opus in WebM, AAC elsewhere."""
        return "libopus" if self.container == "webm" else "aac"


CODECS: dict[str, tuple[str, ...]] = {
    "h264": ("libx264",),
    "h265": ("libx265",),
    "vp9": ("libvpx-vp9",),
    "av1": ("libsvtav1", "libaom-av1", "librav1e"),  # SVT-AV1 first: by far the fastest here
}
"""User-facing codec names → ffmpeg encoders, in order of preference."""

CONTAINERS: dict[str, tuple[str, ...]] = {
    "mp4": ("h264", "h265", "vp9", "av1"),
    "webm": ("vp9", "av1"),
    "mov": ("h264", "h265"),
    "mkv": ("h264", "h265", "vp9", "av1"),
}
"""Which codecs each container may hold (what players accept, not only what ffmpeg would write)."""

DEFAULT_CRF: dict[str, int] = {"h264": 18, "h265": 22, "vp9": 32, "av1": 32}
DEFAULT_PRESET: dict[str, str] = {"h264": "superfast"}
"""Each codec's default speed where it is not ``veryfast``. H.264's was veryfast until the preset study in
docs/rendering.md (``enginereel bench --section encode``): superfast with the macroblock tree costs 0.57–0.71× the
CPU at SSIM ≥ 0.989 against veryfast's output and at most 1.15× its size on three example scenes."""
X264_TUNING: dict[str, str] = {"superfast": "mbtree=1:rc-lookahead=10"}
"""x264 options added to a preset (``x264-params``; ``EncodeSettings.extra`` overrides them). x264's superfast
turns off the macroblock tree and its lookahead, which at the same CRF doubled the file of the rendered scenes;
with veryfast's 10-frame lookahead back the file is 1.06–1.15× veryfast's, for about superfast's CPU
(-13 % to +5 % against it, measured)."""
CRF_RANGE: dict[str, tuple[int, int]] = {"h264": (0, 51), "h265": (0, 51), "vp9": (0, 63), "av1": (0, 63)}
PRESETS = ("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow")
"""x264-style speed names; every encoder maps them to its own speed knob (see :func:`encoder_args`)."""
_SVT_PRESET = dict(zip(PRESETS, (12, 11, 10, 9, 8, 6, 5, 4, 2), strict=True))
_AOM_CPU_USED = dict(zip(PRESETS, (8, 8, 7, 6, 5, 4, 3, 2, 1), strict=True))
_VPX_CPU_USED = dict(zip(PRESETS, (8, 7, 6, 5, 4, 3, 2, 1, 0), strict=True))
_RAV1E_SPEED = dict(zip(PRESETS, (10, 10, 9, 8, 7, 6, 4, 2, 1), strict=True))


def codec_name(encoder: str) -> str:
    """``libsvtav1`` → ``av1``; unknown encoders are returned as they are."""
    return next((name for name, encs in CODECS.items() if encoder in encs), encoder)


def available_codecs() -> dict[str, str | None]:
    """Each user-facing codec and the ffmpeg encoder that will be used for it (``None`` if this ffmpeg has none)."""
    have = ffmpeg_encoders()
    return {name: next((e for e in encs if e in have), None) for name, encs in CODECS.items()}


def container_of(path: str | os.PathLike[str]) -> str | None:
    """The container a file name asks for (``.webm`` → ``webm``), or ``None`` for an unknown suffix."""
    suffix = Path(path).suffix.lstrip(".").lower()
    return suffix if suffix in CONTAINERS else None


def encode_settings(codec: str = "h264", crf: int | None = None, preset: str | None = None,
                    container: str = "mp4", bit_depth: int = 8) -> EncodeSettings:
    """Check user-facing choices against this ffmpeg and the container, and build :class:`EncodeSettings`.

    Raises :class:`EncodeError` with one line naming the option and what is allowed.
    """
    codec = codec.lower()
    if codec not in CODECS:
        raise EncodeError(f"--codec: unknown codec {codec!r}; choose one of {', '.join(CODECS)}")
    listed = bool(ffmpeg_encoders())  # an ffmpeg that cannot list its encoders fails later, naming the output
    encoder = available_codecs()[codec] if listed else CODECS[codec][0]
    if encoder is None:
        have = ", ".join(k for k, v in available_codecs().items() if v) or "none"
        raise EncodeError(f"--codec: this ffmpeg ({ffmpeg_exe()}) has no {codec} encoder; available: {have} "
                          f"(`enginereel info` lists them)")
    if container not in CONTAINERS:
        raise EncodeError(f"--container: unknown container {container!r}; choose one of {', '.join(CONTAINERS)}")
    if codec not in CONTAINERS[container]:
        raise EncodeError(f"--container: {container} cannot hold {codec}; use one of "
                          f"{', '.join(CONTAINERS[container])} or another container")
    lo, hi = CRF_RANGE[codec]
    crf = DEFAULT_CRF[codec] if crf is None else crf
    if not lo <= crf <= hi:
        raise EncodeError(f"--crf: {crf} is outside {lo}..{hi} for {codec}")
    preset = DEFAULT_PRESET.get(codec, "veryfast") if preset is None else preset.lower()
    if preset not in PRESETS:
        raise EncodeError(f"--preset: unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
    if bit_depth not in (8, 10):
        raise EncodeError(f"--bit-depth: {bit_depth} is not supported; choose 8 or 10")
    pix_fmt = "yuv420p" if bit_depth == 8 else "yuv420p10le"
    if encoder_pix_fmts(encoder) and pix_fmt not in encoder_pix_fmts(encoder):
        raise EncodeError(f"--bit-depth: {encoder} in this ffmpeg cannot write {pix_fmt}; use --bit-depth 8")
    return EncodeSettings(codec=encoder, crf=crf, preset=preset, pix_fmt=pix_fmt, container=container)


def encoder_args(s: EncodeSettings) -> dict[str, object]:
    """ffmpeg output options for the video encoder: quality (CRF) and speed (preset) in each encoder's terms."""
    preset = s.preset if s.preset in PRESETS else "veryfast"
    args: dict[str, object] = {"vcodec": s.codec, "pix_fmt": s.pix_fmt}
    if s.codec in ("libx264", "libx265"):
        args |= {"crf": s.crf, "preset": s.preset}
        if s.codec == "libx264":
            args["threads"] = encoder_threads()
            if s.preset in X264_TUNING:
                args["x264-params"] = X264_TUNING[s.preset]
        if s.codec == "libx265":
            args["x265-params"] = "log-level=error"
            if s.container in ("mp4", "mov"):
                args["tag:v"] = "hvc1"  # what Apple players look for
    elif s.codec == "libvpx-vp9":
        args |= {"crf": s.crf, "b:v": 0, "deadline": "good", "cpu-used": _VPX_CPU_USED[preset], "row-mt": 1}
    elif s.codec == "libsvtav1":
        args |= {"crf": s.crf, "preset": _SVT_PRESET[preset], "svtav1-params": "log-level=1"}
    elif s.codec == "libaom-av1":
        args |= {"crf": s.crf, "b:v": 0, "cpu-used": _AOM_CPU_USED[preset], "row-mt": 1}
        if _AOM_CPU_USED[preset] >= 7:
            args["usage"] = "realtime"  # cpu-used above 6 exists only in realtime mode
    elif s.codec == "librav1e":
        args |= {"qp": min(255, s.crf * 4), "speed": _RAV1E_SPEED[preset]}
    if s.container in ("mp4", "mov"):
        args["movflags"] = "+faststart"
    return args


def encoder_threads() -> int:
    """x264's frame threads: one per core. x264's own default is 1.5 per core, which on two cores puts three encoder
    threads beside the renderer's; the CPU time per frame is the same either way (measured: 13.2–13.6 ms at 720p
    with 1, 2 or 3 threads), so the third only crowds the render loop."""
    return max(1, os.cpu_count() or 1)


def encoding_report(s: EncodeSettings) -> dict[str, object]:
    """What the run report says about the encoding: the user-facing choices and the encoder options they became."""
    args = encoder_args(s) | s.extra
    tuning = {k: args[k] for k in ("threads", "x264-params") if k in args}
    scheduling = {"scheduling": "batch"} if batch_scheduling() else {}
    return {"codec": s.codec, "crf": s.crf, "preset": s.preset, "pix_fmt": s.pix_fmt, "container": s.container,
            **tuning, **scheduling}


AAC_CODER = "fast"
"""ffmpeg's AAC quantiser search. Its default, ``twoloop``, took 1.4–1.5 s of CPU for the reference scene's 60 s
soundtrack (0.8 ms a video frame, beside x264's ~13 ms, on the same two cores as the renderer); ``fast`` takes
0.8–1.0 s at the same 160 kb/s and a file 1 % smaller, with a higher signal-to-noise ratio against the WAV
(28.9 dB against 26.1 dB, docs/rendering.md)."""


def audio_args(s: EncodeSettings) -> dict[str, object]:
    """ffmpeg output options for the soundtrack: AAC 160 kb/s (:data:`AAC_CODER`), or Opus 128 kb/s in WebM."""
    if s.audio_codec == "libopus":
        return {"acodec": s.audio_codec, "b:a": "128k"}
    return {"acodec": s.audio_codec, "b:a": "160k", "aac_coder": AAC_CODER}


FORMAT_NAMES = {"mkv": "matroska"}
"""Container names ffmpeg's ``-f`` spells differently."""


_BOILERPLATE = re.compile(r"Task finished with error|Terminating thread with return|Nothing was written into output|"
                          r"Could not open encoder before EOF|Error while filtering|Conversion failed")


def stderr_tail(lines: collections.abc.Iterable[str], count: int = 3) -> str:
    """The last ``count`` informative lines of ffmpeg's stderr, joined with `` | `` (ffmpeg's generic
    "task finished / nothing written" epilogue is skipped so the actual cause shows)."""
    useful = [line.strip() for line in lines if line.strip() and not _BOILERPLATE.search(line)]
    return " | ".join(useful[-count:]) or "no message"


STALL_ENV = "ENGINEREEL_FFMPEG_STALL_S"
STALL_S = 120.0  # an encoder that takes no data (or writes nothing) this long has hung; x264 at 4K takes well under


def stall_seconds() -> float:
    """Seconds without progress after which ffmpeg counts as hung (``$ENGINEREEL_FFMPEG_STALL_S``, else 120)."""
    try:
        return max(0.1, float(os.environ.get(STALL_ENV, STALL_S)))
    except ValueError:
        return STALL_S


def partial_path(path: Path) -> Path:
    """The temporary name a video is written under until ffmpeg exits cleanly (hidden, ``.part``)."""
    return path.with_name(f"{'' if path.name.startswith('.') else '.'}{path.name}.part")


def check_output_path(path: Path) -> None:
    """Fail early, with one line, if ``path`` cannot be written (missing directory, a directory, no permission)."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise EncodeError(f"{path}: is a directory; give a file name such as {path / 'out.mp4'}")
    if not parent.is_dir():
        raise EncodeError(f"{path}: directory {parent} does not exist; create it or choose another -o")
    if not os.access(parent, os.W_OK):
        raise EncodeError(f"{path}: directory {parent} is not writable")


SCHED_ENV = "ENGINEREEL_ENCODER_SCHED"


def batch_scheduling() -> bool:
    """Whether ffmpeg runs under Linux's ``SCHED_BATCH`` policy (``$ENGINEREEL_ENCODER_SCHED=batch``; off by default).

    A batch task keeps its fair share of the cores but does not preempt others when it wakes, so llvmpipe's
    rasterisers, which the render loop waits for at every pass's end, are not pushed off a core by an encoder thread
    that just got a frame. An experiment for a quiet machine (docs/rendering.md, Speed): under the shared machine's load
    its effect could not be measured, so it is not the default.
    """
    return os.environ.get(SCHED_ENV, "").strip().lower() == "batch"


def _schedule_as_batch(pid: int) -> None:
    """Put every thread of process ``pid`` under ``SCHED_BATCH`` (threads it starts later inherit it); Linux only."""
    with contextlib.suppress(OSError, AttributeError):
        for tid in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError):
                os.sched_setscheduler(int(tid), os.SCHED_BATCH, os.sched_param(0))


QUEUE_FRAMES = 2
"""Frames that may wait for ffmpeg's pipe while the render loop draws the next one (memory: this many frames)."""
PIPE_BYTES = 1 << 20  # ffmpeg's stdin pipe: 1 MiB instead of 64 KiB, so a 720p frame is 3 writes, not 43 wake-ups


class _Stalled(Exception):
    """ffmpeg took no data for :func:`stall_seconds` (raised in the writer thread, reported by the caller's)."""


def _bottom_up_bytes(frame: np.ndarray, planar: bool = False) -> memoryview:
    """The bytes of an upright RGB frame, bottom row first, as ffmpeg's input expects them (:meth:`Encoder.command`):
    packed RGB, or with ``planar`` the frame converted to YUV 4:2:0 planes (:func:`planar_input`).

    The embedded engine's frames lie in memory that way already (a GL buffer's order: ``rows_bottom_up``)
    and go as they are; any other frame is turned over here, in the writer thread, off the render loop's path.
    """
    memory = frame[::-1] if rows_bottom_up(frame) else np.ascontiguousarray(frame[::-1])
    if planar:
        memory = cv2.cvtColor(memory, cv2.COLOR_RGB2YUV_I420)  # rows stay bottom up in each plane
    return memoryview(memory).cast("B")


def planar_input(s: EncodeSettings, width: int, height: int) -> bool:
    """Whether frames go to ffmpeg as YUV 4:2:0 planes (converted in the writer thread) rather than packed RGB.

    For x264 writing yuv420p at even sizes: OpenCV's conversion (BT.601, video range, 2×2 chroma means: the luma of
    ffmpeg's own within one level, the chroma as close to the frame's as swscale's) costs ≈ 0.3 ms of CPU a 720p
    frame against ≈ 3.7 ms that ffmpeg spends reading three bytes a pixel and converting them (18.8 → 15.0 ms
    of ffmpeg's CPU a frame, docs/rendering.md), and the pipe carries half the bytes. Only x264: ``vflip`` hands
    the encoder planes with negative strides, which x264 takes and SVT-AV1 refuses (after swscale's conversion from
    RGB they are ordinary).
    """
    return s.codec == "libx264" and s.pix_fmt == "yuv420p" and width % 2 == 0 and height % 2 == 0


class Encoder:
    """Encodes a stream of ``(height, width, 3)`` uint8 RGB frames into a video file with ffmpeg.

    :meth:`write` hands a frame to a writer thread through a queue of :data:`QUEUE_FRAMES` frames, so the
    render loop draws the next frame while this one is copied into ffmpeg's pipe (memory stays bounded: a
    full queue blocks :meth:`write`); a frame must not be changed after it was written. The file is written
    under :func:`partial_path` and renamed only when ffmpeg exits cleanly; on any failure the partial
    file is removed and :class:`EncodeError` carries the tail of ffmpeg's stderr.
    """

    def __init__(self, path: str | os.PathLike[str], width: int, height: int, fps: float,
                 settings: EncodeSettings = EncodeSettings(), audio: Path | None = None) -> None:
        self.path = Path(path)
        self.width, self.height, self.fps = width, height, fps
        self.settings = settings
        self.audio = audio  # a WAV file muxed in the same ffmpeg run (the soundtrack is small and made up front)
        self.frames = 0
        self.write_seconds = 0.0
        self.ffmpeg_peak_rss_mb: float | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: collections.deque[str] = collections.deque(maxlen=40)
        self._reader: threading.Thread | None = None
        self._queue: queue.Queue[np.ndarray | None] = queue.Queue(QUEUE_FRAMES)
        self._writer: threading.Thread | None = None
        self._writer_error: BaseException | None = None  # what stopped the writer thread (a stall, a broken pipe)
        self._tmp = partial_path(self.path)
        self._planar = planar_input(settings, width, height)

    def command(self) -> list[str]:
        """The ffmpeg command line (built with ffmpeg-python)."""
        s = self.settings
        # rows arrive bottom row first (_bottom_up_bytes); ffmpeg's vflip turns them over by pointer arithmetic
        pix_fmt = "yuv420p" if self._planar else "rgb24"
        video = ffmpeg.input("pipe:", format="rawvideo", pix_fmt=pix_fmt, s=f"{self.width}x{self.height}",
                             framerate=self.fps).video.filter("vflip")
        out_args = encoder_args(s) | {"format": FORMAT_NAMES.get(s.container, s.container)}
        streams = [video]
        if self.audio is not None:
            streams.append(ffmpeg.input(str(self.audio)).audio)
            out_args |= audio_args(s)
        out_args |= s.extra
        stream = ffmpeg.output(*streams, str(self._tmp), **out_args).global_args("-hide_banner", "-nostdin",
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
        if batch_scheduling():
            _schedule_as_batch(self._proc.pid)
        assert self._proc.stdin is not None
        fd = self._proc.stdin.fileno()
        os.set_blocking(fd, False)  # writes go through _send, bounded in time
        with contextlib.suppress(OSError, AttributeError):  # Linux only; the system's limit may be lower
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()
        self._writer = threading.Thread(target=self._write_queued, args=(fd,), daemon=True)
        self._writer.start()

    def _drain(self) -> None:
        assert self._proc is not None and self._proc.stderr is not None
        for line in self._proc.stderr:
            self._stderr.append(line.decode("utf-8", "replace").rstrip())

    def write(self, frame: np.ndarray) -> None:
        """Queue one frame for ffmpeg (blocks while :data:`QUEUE_FRAMES` frames are already waiting)."""
        if self._proc is None or self._proc.stdin is None:
            raise EncodeError("encoder is not open")
        if frame.shape != (self.height, self.width, 3) or frame.dtype != np.uint8:
            raise EncodeError(f"frame of shape {frame.shape} {frame.dtype}, expected ({self.height}, {self.width}, 3) "
                              "uint8")
        self._check_writer()
        t0 = time.perf_counter()
        self._queue.put(frame)
        self.write_seconds += time.perf_counter() - t0
        self.frames += 1

    def _write_queued(self, fd: int) -> None:
        """The writer thread: queued frames into ffmpeg's stdin (``fd``) until the end marker. After a failure it
        keeps taking frames (and drops them) so :meth:`write` never waits on a queue nobody empties."""
        first = True
        while (frame := self._queue.get()) is not None:
            if self._writer_error is None:
                try:
                    _send(fd, _bottom_up_bytes(frame, self._planar))
                    if first and batch_scheduling() and self._proc is not None:
                        _schedule_as_batch(self._proc.pid)  # the encoder's threads start with the first frame
                    first = False
                except Exception as exc:  # reported by _check_writer in the caller's thread
                    self._writer_error = exc

    def _check_writer(self) -> None:
        """Report, in the caller's thread, what stopped the writer thread (one line, the partial file removed)."""
        exc = self._writer_error
        if isinstance(exc, _Stalled):
            self._fail(f"ffmpeg accepted no data for {stall_seconds():g} s (stalled; {STALL_ENV} sets the limit)")
        if isinstance(exc, OSError):
            self._fail("ffmpeg stopped accepting frames")
        if exc is not None:
            self._fail(f"writing frames failed: {exc!r}")

    def _stop_writer(self) -> None:
        """Send the end marker and wait for the writer thread to pass every queued frame to ffmpeg."""
        writer, self._writer = self._writer, None
        if writer is not None:
            self._queue.put(None)  # never blocks for long: the writer drains the queue even after a failure
            writer.join()

    def _fail(self, what: str) -> None:
        proc = self._proc
        if proc is not None:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
        self._stop_writer()
        if self._reader is not None:
            self._reader.join(timeout=5)
        self._discard()
        tail = stderr_tail(self._stderr)
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
        self._stop_writer()
        self._check_writer()
        try:
            assert proc.stdin is not None
            proc.stdin.close()
        except (BrokenPipeError, OSError):
            pass
        self.ffmpeg_peak_rss_mb = _peak_rss_of(proc.pid)
        code = self._wait_finished(proc)
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

    def _wait_finished(self, proc: subprocess.Popen[bytes]) -> int:
        """Wait for ffmpeg to finish the file; a stall (no exit and the file not growing for :data:`STALL_S`
        seconds) kills it and fails, naming the output (a slow encoder still writing is waited for)."""
        size, last = -1, time.monotonic()
        while True:
            try:
                return proc.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                pass
            now_size = self._tmp.stat().st_size if self._tmp.exists() else 0
            if now_size != size:
                size, last = now_size, time.monotonic()
            elif time.monotonic() - last > stall_seconds():
                self._proc = proc
                self._fail(f"ffmpeg did not finish the file: no progress for {stall_seconds():g} s after the last "
                           f"frame (stalled; {STALL_ENV} sets the limit)")

    def abort(self) -> None:
        """Stop ffmpeg and remove the partial file (used when rendering fails or is interrupted)."""
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None:
                proc.kill()  # first: a writer thread blocked on the pipe then fails at once
            proc.wait()
            self._stop_writer()
            if proc.stdin is not None:
                with contextlib.suppress(OSError):
                    proc.stdin.close()
        self._discard()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is not None:
            self.abort()
        elif self._proc is not None:
            self.close()


def _send(fd: int, data: memoryview) -> None:
    """Write all of ``data`` to the non-blocking pipe ``fd``, raising :class:`_Stalled` after
    :func:`stall_seconds` without progress (an ffmpeg that stops reading would otherwise block this write, and
    the render, forever)."""
    done = 0
    while done < len(data):
        _, ready, _ = select.select([], [fd], [], stall_seconds())
        if not ready:
            raise _Stalled
        try:
            done += os.write(fd, data[done:])
        except BlockingIOError:
            continue


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
    audio_codec: str | None = None  # ``aac``, ``opus`` … or ``None`` without a soundtrack


def probe(path: str | os.PathLike[str]) -> VideoProbe:
    """Probe a video's first video stream; counts frames exactly by decoding (``-f null``)."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", str(path), "-map", "0:v:0", "-f", "null", "-"]
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    except subprocess.TimeoutExpired:
        raise EncodeError(f"{path}: reading the video took over 600 s (ffmpeg {ffmpeg_exe()} hung?)") from None
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
        audio_codec=audio_m.group(1) if (audio_m := re.search(r"Stream #\S+.*?: Audio: (\w+)", err)) else None,
    )


def read_frames(path: str | os.PathLike[str], width: int, height: int):  # -> Iterator[np.ndarray]
    """Decode a video to RGB frames one at a time (for tests and metrics; memory stays flat)."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-i", str(path), "-map", "0:v:0",
           "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]
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
        return _ffmpeg_into_place([*cmd, str(tmp)], tmp, out, f"joining {len(segments)} segments")
    finally:
        listing.unlink(missing_ok=True)


def _ffmpeg_into_place(cmd: list[str], tmp: Path, out: Path, what: str) -> Path:
    """Run an ffmpeg command that writes ``tmp``; rename it to ``out`` on success, else remove it and raise
    :class:`EncodeError` naming ``out``, ``what`` failed and the tail of ffmpeg's stderr."""
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        tmp.unlink(missing_ok=True)
        tail = stderr_tail(res.stderr.splitlines())
        raise EncodeError(f"{out}: {what} failed (ffmpeg exit {res.returncode}): {tail}")
    os.replace(tmp, out)
    return out


def mux_audio(video: str | os.PathLike[str], audio: Path, output: str | os.PathLike[str],
              settings: EncodeSettings = EncodeSettings()) -> Path:
    """Add a soundtrack (a WAV file) to a finished video, copying the video stream (for chunked renders, after
    :func:`concat_segments`). ``output`` may be ``video`` itself; it is replaced only when ffmpeg succeeded."""
    out = Path(output)
    check_output_path(out)
    tmp = partial_path(out)
    fmt = FORMAT_NAMES.get(settings.container, settings.container)
    args: dict[str, object] = {"vcodec": "copy", **audio_args(settings), "format": fmt}
    if settings.container in ("mp4", "mov"):
        args["movflags"] = "+faststart"
    stream = ffmpeg.output(ffmpeg.input(str(video)).video, ffmpeg.input(str(audio)).audio, str(tmp), **args)
    cmd = ffmpeg.compile(stream.global_args("-hide_banner", "-nostdin", "-loglevel", "error").overwrite_output(),
                         cmd=ffmpeg_exe())
    return _ffmpeg_into_place(cmd, tmp, out, "adding the soundtrack")


def read_audio(path: str | os.PathLike[str], sample_rate: int = 48_000) -> np.ndarray:
    """Decode a file's first audio stream to mono float32 samples in -1..1 (empty if it has none)."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-i", str(path), "-map", "0:a:0?",
           "-ac", "1", "-ar", str(sample_rate), "-f", "f32le", "-"]
    res = subprocess.run(cmd, capture_output=True, check=False)
    if res.returncode != 0:
        raise EncodeError(f"{path}: cannot decode audio: {res.stderr.decode(errors='replace').strip()[-200:]}")
    return np.frombuffer(res.stdout, dtype=np.float32)
