"""The soundtrack: impacts land within one frame of their collision events in the decoded audio."""

from __future__ import annotations

import dataclasses
import math
import wave
from pathlib import Path

import numpy as np

from pipeline.encode import Encoder, EncodeSettings, probe, read_audio
from pipeline.sound import SAMPLE_RATE, ambience_kind, write_soundtrack
from scenes import CollisionEvent, FootContact, compile_script, parse_script

FPS = 24


def timeline_with_events(times: list[float], sky: str = "studio"):
    script = parse_script({
        "duration": 3.0, "fps": FPS, "resolution": "64x48", "environment": {"sky": sky},
        "actors": [{"id": "ball", "asset": "sphere", "material": {"finish": "metal"}},
                   {"id": "crate", "asset": "box", "material": {"finish": "wood"}}],
    }, "test")
    tl = compile_script(script)
    events = tuple(CollisionEvent(time=t, frame=round(t * FPS), a="ball" if k % 2 else "crate", b="ground",
                                  impulse=2.0 + k, position=(0.0, 0.0, 0.0)) for k, t in enumerate(times))
    return dataclasses.replace(tl, collisions=events)


def onsets(samples: np.ndarray, fps: int) -> list[float]:
    """Times (s) where the 1 ms peak envelope jumps above 3x its level of the previous 30 ms (and above a tenth of
    the loudest peak); one onset per 0.1 s."""
    hop = SAMPLE_RATE // 1000
    env = np.abs(samples[: len(samples) // hop * hop]).reshape(-1, hop).max(axis=1)
    level = 0.1 * env.max()
    found: list[float] = []
    for i in range(len(env)):
        before = env[max(0, i - 30):max(0, i - 1)].max(initial=0.0)
        if env[i] > level and env[i] > 3 * before and (not found or i / 1000 - found[-1] > 0.1):
            found.append(i / 1000)
    return found


def wav_samples(path: Path) -> np.ndarray:
    """A 16-bit WAV as (samples, channels) floats in -1..1."""
    with wave.open(str(path)) as w:
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64) / 32767
        return data.reshape(-1, w.getnchannels())


def mux(tmp_path: Path, tl, name: str, settings: EncodeSettings) -> Path:
    wav = write_soundtrack(tl, tmp_path / "track.wav", ambience=False)
    assert wav is not None
    out = tmp_path / name
    with Encoder(out, 64, 48, FPS, settings, audio=wav) as enc:
        for _ in range(len(tl)):
            enc.write(np.zeros((48, 64, 3), np.uint8))
    return out


def test_impact_onsets_match_collision_times_within_one_frame(tmp_path: Path) -> None:
    times = [0.25, 0.9, 1.6, 2.4]
    out = mux(tmp_path, timeline_with_events(times), "a.mp4", EncodeSettings(preset="ultrafast"))
    info = probe(out)
    assert info.audio_codec == "aac" and info.frames == 3 * FPS
    found = onsets(read_audio(out), FPS)
    assert len(found) == len(times)
    for want, got in zip(times, found, strict=True):
        assert abs(got - want) <= 1.0 / FPS, (want, got)


def test_opus_in_webm(tmp_path: Path) -> None:
    out = mux(tmp_path, timeline_with_events([0.5, 2.0]), "a.webm",
              EncodeSettings(codec="libvpx-vp9", crf=40, preset="ultrafast", container="webm",
                             extra={"deadline": "realtime", "cpu-used": "8"}))
    assert probe(out).audio_codec == "opus"
    found = onsets(read_audio(out), FPS)
    assert [round(t * FPS) for t in found] == [12, 48] or all(
        abs(a - b) <= 1.0 / FPS for a, b in zip(found, [0.5, 2.0], strict=True))


def test_louder_impulse_is_louder_and_output_is_deterministic(tmp_path: Path) -> None:
    tl = timeline_with_events([0.5, 2.0])
    tl = dataclasses.replace(tl, collisions=(dataclasses.replace(tl.collisions[0], impulse=0.2, a="ball"),
                                             dataclasses.replace(tl.collisions[1], impulse=3.0, a="ball")))
    a = write_soundtrack(tl, tmp_path / "a.wav", ambience=False)
    b = write_soundtrack(tl, tmp_path / "b.wav", ambience=False)
    assert a is not None and b is not None and a.read_bytes() == b.read_bytes()
    pcm = wav_samples(a).sum(axis=1)
    quiet = np.abs(pcm[int(0.5 * SAMPLE_RATE):int(0.7 * SAMPLE_RATE)]).max()
    loud = np.abs(pcm[int(2.0 * SAMPLE_RATE):int(2.2 * SAMPLE_RATE)]).max()
    assert loud > 2 * quiet


def test_silent_scene_has_no_track_and_ambience_follows_the_setting(tmp_path: Path) -> None:
    tl = timeline_with_events([])
    assert ambience_kind(tl) is None
    assert write_soundtrack(tl, tmp_path / "none.wav") is None and not (tmp_path / "none.wav").exists()
    night = timeline_with_events([], sky="night")
    assert ambience_kind(night) == "night"
    wav = write_soundtrack(night, tmp_path / "night.wav")
    assert wav is not None
    pcm = wav_samples(wav)
    assert pcm.shape == (3 * SAMPLE_RATE, 2) and np.abs(pcm).max() > 0.03


def test_footsteps_are_heard(tmp_path: Path) -> None:
    tl = timeline_with_events([])
    tl = dataclasses.replace(tl, footsteps=(FootContact(1.0, FPS, "ball", "left", (0.0, 0.0, 0.0)),))
    wav = write_soundtrack(tl, tmp_path / "f.wav", ambience=False)
    assert wav is not None
    assert onsets(wav_samples(wav).sum(axis=1), FPS) == [1.0]


def test_events_are_panned_by_their_bearing_from_the_camera(tmp_path: Path) -> None:
    tl = timeline_with_events([0.5, 2.0])
    h = math.radians(float(tl.camera_hpr[0, 0]))
    right = np.array([math.cos(h), math.sin(h), 0.0])
    look = tl.camera_position[0] + 8.0 * np.array([-math.sin(h), math.cos(h), 0.0])
    sides = [tuple(look + 4 * right), tuple(look - 4 * right)]
    tl = dataclasses.replace(tl, collisions=tuple(dataclasses.replace(ev, position=p, a="ball", impulse=3.0)
                                                  for ev, p in zip(tl.collisions, sides, strict=True)))
    wav = write_soundtrack(tl, tmp_path / "p.wav", ambience=False)
    assert wav is not None
    pcm = wav_samples(wav)
    first, second = pcm[int(0.5 * SAMPLE_RATE):int(1.5 * SAMPLE_RATE)], pcm[int(2.0 * SAMPLE_RATE):]
    energy = [np.square(x).sum(axis=0) for x in (first, second)]
    assert energy[0][1] > 2 * energy[0][0]  # the first event is to the right
    assert energy[1][0] > 2 * energy[1][1]  # the second to the left
