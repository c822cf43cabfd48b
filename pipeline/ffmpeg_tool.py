"""Finding the ffmpeg binary and asking it what it is and what it can do."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache

from pipeline.errors import EncodeError

ENV_VAR = "ENGINEREEL_FFMPEG"


@cache
def ffmpeg_exe() -> str:
    """The ffmpeg to use: ``$ENGINEREEL_FFMPEG`` (a path, or ``system`` for the one on PATH), else the
    binary bundled with imageio-ffmpeg, else ``ffmpeg`` on PATH."""
    choice = os.environ.get(ENV_VAR, "").strip()
    if choice and choice != "system":
        if not (os.path.isfile(choice) and os.access(choice, os.X_OK)):
            raise EncodeError(
                f"{ENV_VAR}={choice!r} is not an executable file; point it at an ffmpeg binary or unset it"
            )
        return choice
    if choice != "system":
        try:
            import imageio_ffmpeg

            return imageio_ffmpeg.get_ffmpeg_exe()
        except Exception:
            pass
    found = shutil.which("ffmpeg")
    if not found:
        raise EncodeError("ffmpeg not found: reinstall with `pip install imageio-ffmpeg`, install ffmpeg, "
                          f"or set {ENV_VAR} to its path")
    return found


PROBE_TIMEOUT_S = 20.0


def ask_ffmpeg(args: list[str], exe: str | None = None) -> str:
    """ffmpeg's stdout for a question (``-version``, ``-encoders`` …); empty if it cannot run. An ffmpeg that
    does not answer within :data:`PROBE_TIMEOUT_S` is killed and named in one line (:class:`EncodeError`)."""
    binary = exe or ffmpeg_exe()
    try:
        return subprocess.run([binary, "-hide_banner", *args], capture_output=True, text=True,
                              timeout=PROBE_TIMEOUT_S, check=False).stdout
    except subprocess.TimeoutExpired:
        raise EncodeError(f"ffmpeg ({binary}) did not answer `ffmpeg {' '.join(args)}` within {PROBE_TIMEOUT_S:g} s; "
                          f"check that it works, or set {ENV_VAR} to a working ffmpeg") from None
    except OSError:
        return ""


@cache
def ffmpeg_version(exe: str | None = None) -> str:
    """The version string ffmpeg prints (e.g. ``9.0.2``), or ``unknown``."""
    out = ask_ffmpeg(["-version"], exe)
    m = re.search(r"ffmpeg version (\S+)", out)
    return m.group(1) if m else "unknown"


@cache
def _encoder_listing(exe: str | None = None) -> str:
    return ask_ffmpeg(["-encoders"], exe)


@cache
def ffmpeg_encoders(exe: str | None = None) -> frozenset[str]:
    """Names of the video encoders this ffmpeg has (``libx264``, ``libsvtav1`` …)."""
    return frozenset(m.group(1) for m in re.finditer(r"^\s*V\S*\s+(\S+)", _encoder_listing(exe), re.MULTILINE))


@cache
def ffmpeg_audio_encoders(exe: str | None = None) -> frozenset[str]:
    """Names of the audio encoders this ffmpeg has (``aac``, ``libopus`` …)."""
    return frozenset(m.group(1) for m in re.finditer(r"^\s*A\S*\s+(\S+)", _encoder_listing(exe), re.MULTILINE))


@cache
def encoder_pix_fmts(encoder: str, exe: str | None = None) -> tuple[str, ...]:
    """Pixel formats an encoder accepts (``yuv420p``, ``yuv420p10le`` …), empty if ffmpeg does not say."""
    out = ask_ffmpeg(["-h", f"encoder={encoder}"], exe)
    m = re.search(r"Supported pixel formats:([^\n]*)", out)
    return tuple(m.group(1).split()) if m else ()
