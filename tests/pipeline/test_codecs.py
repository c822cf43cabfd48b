"""Codecs, containers and segment concatenation against the real ffmpeg."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pipeline.encode import (
    CODECS,
    Encoder,
    EncodeSettings,
    concat_segments,
    encode_settings,
    probe,
    read_frames,
)
from pipeline.errors import EncodeError
from pipeline.ffmpeg_tool import ffmpeg_encoders
from tests.pipeline.conftest import H, W, moving_frames, write_clip

PROBE_NAMES = {"libx264": "h264", "libx265": "hevc", "libvpx-vp9": "vp9", "libsvtav1": "av1", "libaom-av1": "av1",
               "librav1e": "av1"}
PRESENT = [(name, enc) for name, encs in CODECS.items() for enc in encs if enc in ffmpeg_encoders()]


@pytest.mark.parametrize(("name", "encoder"), PRESENT, ids=[e for _, e in PRESENT])
def test_each_present_encoder_round_trips(tmp_path: Path, name: str, encoder: str) -> None:
    container = "webm" if name in ("vp9", "av1") else "mp4"
    base = encode_settings(name, preset="ultrafast", container=container)
    settings = EncodeSettings(codec=encoder, crf=base.crf, preset="ultrafast", pix_fmt="yuv420p", container=container)
    frames = moving_frames(6)
    out = write_clip(tmp_path / f"clip.{container}", frames, settings=settings)
    info = probe(out)
    assert (info.codec, info.width, info.height, info.frames) == (PROBE_NAMES[encoder], W, H, 6)
    decoded = list(read_frames(out, W, H))
    assert len(decoded) == 6
    # lossy but recognisably the same picture
    assert np.abs(decoded[3].astype(int) - frames[3]).mean() < 20


def test_ten_bit_where_the_codec_allows(tmp_path: Path) -> None:
    settings = encode_settings("h265", preset="ultrafast", container="mkv", bit_depth=10)
    info = probe(write_clip(tmp_path / "ten.mkv", moving_frames(3), settings=settings))
    assert info.pix_fmt == "yuv420p10le" and info.codec == "hevc"


def test_default_is_h264_yuv420p_faststart(tmp_path: Path) -> None:
    out = write_clip(tmp_path / "d.mp4", moving_frames(3), settings=EncodeSettings())
    info = probe(out)
    assert (info.codec, info.pix_fmt) == ("h264", "yuv420p")
    head = out.read_bytes()[:4096]
    assert head.find(b"moov") < head.find(b"mdat") or b"mdat" not in head  # faststart: index before the media


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"codec": "mpeg2"}, "--codec"),
    ({"codec": "h264", "container": "webm"}, "--container: webm cannot hold h264"),
    ({"codec": "vp9", "crf": 70}, "--crf: 70 is outside 0..63"),
    ({"preset": "warp"}, "--preset"),
    ({"bit_depth": 12}, "--bit-depth"),
])
def test_bad_choices_are_one_line(kwargs: dict, words: str) -> None:
    with pytest.raises(EncodeError, match=words) as err:
        encode_settings(**kwargs)
    assert "\n" not in str(err.value)


def test_ffmpeg_failure_shows_stderr_and_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "bad.mp4"
    settings = EncodeSettings(pix_fmt="yuv444p", extra={"profile:v": "baseline"})  # x264 refuses this
    enc = Encoder(out, W, H, 10, settings)
    enc.open()
    with pytest.raises(EncodeError) as err:
        for f in moving_frames(30):
            enc.write(f)
        enc.close()
    assert "ffmpeg exit" in str(err.value) and "baseline" in str(err.value)
    assert not any(tmp_path.iterdir())


def test_concat_of_segments_equals_one_encode(tmp_path: Path) -> None:
    frames = moving_frames(12)
    settings = EncodeSettings(crf=0, preset="ultrafast")  # lossless, so frames compare exactly
    whole = write_clip(tmp_path / "whole.mp4", frames, settings=settings)
    parts = [write_clip(tmp_path / f"p{k}.mp4", frames[k * 4:(k + 1) * 4], settings=settings) for k in range(3)]
    joined = concat_segments(parts, tmp_path / "joined.mp4")
    a, b = list(read_frames(whole, W, H)), list(read_frames(joined, W, H))
    assert len(a) == len(b) == 12
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
    assert probe(joined).frames == 12


def test_chunked_render_gets_its_soundtrack_after_concat(tmp_path: Path) -> None:
    import wave

    from pipeline.encode import mux_audio, read_audio

    frames = moving_frames(10)
    parts = [write_clip(tmp_path / f"p{k}.mp4", frames[k * 5:(k + 1) * 5]) for k in range(2)]
    joined = concat_segments(parts, tmp_path / "joined.mp4")
    wav = tmp_path / "t.wav"
    with wave.open(str(wav), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(48_000)
        w.writeframes((np.sin(np.arange(48_000) * 2 * np.pi * 440 / 48_000) * 8000).astype("<i2").tobytes())
    mux_audio(joined, wav, joined)
    info = probe(joined)
    assert (info.frames, info.audio_codec) == (10, "aac")
    assert abs(len(read_audio(joined)) - 48_000) < 2048
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
