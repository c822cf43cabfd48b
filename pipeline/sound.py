"""A soundtrack synthesised from the timeline: impacts, footsteps and an ambience bed, all in numpy.

- Impacts come from :attr:`Timeline.collisions`: a few exponentially decaying partials (modal synthesis)
  plus a short contact click. Loudness follows the impulse (``√(J / 4 N·s)``, capped), timbre the
  finish of the actors involved (metal rings long and high, rubber thuds, wood knocks …), pitch their
  size (bigger is lower).
- Each event is panned by its bearing from the camera at that frame and rolls off gently with distance.
- Footsteps come from :attr:`Timeline.footsteps`: a short band-passed noise burst shaped by the ground
  material (grass swishes, tiles click, snow crunches).
- The ambience bed is chosen from the environment (``park`` on grass, ``street`` on asphalt/concrete,
  ``beach`` on sand, ``night`` under the night sky, ``wind`` on snow; the studio sky is silent). It is one
  seamless loop of spectrally shaped noise, tiled.

Everything is deterministic: randomness comes from ``numpy.random.default_rng`` seeded with the
script's seed. The stereo mix is written to a 16-bit WAV in blocks of :data:`BLOCK_S` seconds, so memory stays
flat in video length, and a soft limiter keeps peaks under full scale. Every sound starts on the sample
of its event time, so it is heard within one frame of the picture.
"""

from __future__ import annotations

import math
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from scenes import Timeline
from scenes.catalog import asset

SAMPLE_RATE = 48_000
BLOCK_S = 10.0
MAX_EVENT_S = 2.5  # longest tail of one sound


@dataclass(frozen=True)
class Timbre:
    """Modal parameters of a finish: base frequency (Hz) for a 1 m object, partial ratios, decay (s), click level."""

    base_hz: float
    ratios: tuple[float, ...]
    decay_s: float
    click: float


TIMBRES: dict[str, Timbre] = {
    "metal": Timbre(420.0, (1.0, 2.76, 5.40, 8.93), 0.9, 0.3),
    "chrome": Timbre(520.0, (1.0, 2.76, 5.40, 8.93), 1.1, 0.3),
    "glass": Timbre(900.0, (1.0, 2.32, 4.25, 6.63), 0.7, 0.4),
    "ceramic": Timbre(700.0, (1.0, 2.32, 4.25), 0.25, 0.5),
    "wood": Timbre(240.0, (1.0, 2.57, 4.9), 0.08, 0.6),
    "plastic": Timbre(300.0, (1.0, 2.4, 4.1), 0.07, 0.5),
    "glossy": Timbre(330.0, (1.0, 2.4, 4.1), 0.08, 0.5),
    "matte": Timbre(200.0, (1.0, 2.2), 0.05, 0.6),
    "rubber": Timbre(110.0, (1.0, 1.9), 0.05, 0.25),
    "fabric": Timbre(90.0, (1.0,), 0.03, 0.8),
    "emissive": Timbre(300.0, (1.0, 2.4, 4.1), 0.07, 0.5),
}

FOOTSTEP_BANDS: dict[str, tuple[float, float, float]] = {
    # ground material → (low Hz, high Hz, length s) of the noise burst
    "grass": (400.0, 4000.0, 0.09),
    "sand": (300.0, 2500.0, 0.11),
    "snow": (800.0, 6000.0, 0.12),
    "wood": (150.0, 1500.0, 0.06),
    "tiles": (1200.0, 8000.0, 0.04),
    "checker": (1000.0, 7000.0, 0.04),
    "asphalt": (300.0, 3500.0, 0.05),
    "concrete": (400.0, 4000.0, 0.05),
}


def ambience_kind(timeline: Timeline) -> str | None:
    """The ambience bed for a scene's setting, or ``None`` (studio)."""
    env = timeline.script.environment
    if env.sky == "studio":
        return None
    if env.sky == "night":
        return "night"
    return {"grass": "park", "asphalt": "street", "concrete": "street", "tiles": "street", "sand": "beach",
            "snow": "wind"}.get(env.ground.material, "wind")


def _shaped_noise(n: int, rng: np.random.Generator, lo: float, hi: float, tilt: float = 0.0) -> np.ndarray:
    """Noise of ``n`` samples band-limited to lo..hi Hz with a spectral tilt (dB/octave); periodic in ``n``."""
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1.0 / SAMPLE_RATE)
    gain = ((f >= lo) & (f <= hi)).astype(np.float64)
    with np.errstate(divide="ignore"):
        gain *= np.where(f > 0, (np.maximum(f, 1.0) / 1000.0) ** (tilt / 6.02), 0.0)
    out = np.fft.irfft(spec * gain, n)
    peak = np.abs(out).max()
    return out / peak if peak > 0 else out


def ambience_loop(kind: str, rng: np.random.Generator, seconds: float = 8.0) -> np.ndarray:
    """One seamless loop (float, about -20 dBFS) of the ambience ``kind``."""
    n = int(seconds * SAMPLE_RATE)
    t = np.arange(n) / SAMPLE_RATE
    if kind == "street":
        bed = _shaped_noise(n, rng, 30.0, 2000.0, tilt=-6.0)
    elif kind == "beach":
        swell = 0.55 + 0.45 * np.sin(2 * np.pi * t / seconds * 1.0) ** 2  # one wave per loop
        bed = _shaped_noise(n, rng, 80.0, 6000.0, tilt=-3.0) * swell
    elif kind == "night":
        bed = 0.4 * _shaped_noise(n, rng, 40.0, 600.0, tilt=-6.0)
        chirp = (np.sin(2 * np.pi * 30.0 * t) > 0.2) * (np.sin(2 * np.pi * t * 2.0 / seconds * 4) > 0.6)
        bed = bed + 0.15 * chirp * np.sin(2 * np.pi * 4400.0 * t)
    elif kind == "park":
        gust = 0.6 + 0.4 * np.sin(2 * np.pi * t / seconds * 2.0)
        bed = _shaped_noise(n, rng, 60.0, 3000.0, tilt=-4.0) * gust
        for _ in range(3):  # a few bird chirps at seeded places in the loop
            at = rng.uniform(0.5, seconds - 0.5)
            m = int(0.12 * SAMPLE_RATE)
            tt = np.arange(m) / SAMPLE_RATE
            f0 = rng.uniform(2800.0, 4200.0)
            tone = np.sin(2 * np.pi * (f0 * tt + 4000.0 * tt**2)) * np.sin(np.pi * tt / tt[-1]) ** 2
            i = int(at * SAMPLE_RATE)
            bed[i:i + m] += 0.35 * tone
    else:  # wind
        gust = 0.5 + 0.5 * np.sin(2 * np.pi * t / seconds) ** 2
        bed = _shaped_noise(n, rng, 40.0, 1500.0, tilt=-6.0) * gust
    return 0.1 * bed / max(float(np.abs(bed).max()), 1e-9)


def impact_sound(finish: str, size_m: float, impulse: float, rng: np.random.Generator) -> np.ndarray:
    """One impact: decaying partials of the finish's timbre, pitched by size, loud as the impulse."""
    timbre = TIMBRES.get(finish, TIMBRES["plastic"])
    gain = min(1.0, math.sqrt(max(impulse, 0.0) / 4.0)) * 0.6
    decay = timbre.decay_s * (0.6 + 0.4 * min(max(size_m, 0.2), 3.0))
    n = int(min(MAX_EVENT_S, decay * 6 + 0.02) * SAMPLE_RATE)
    t = np.arange(n) / SAMPLE_RATE
    f0 = timbre.base_hz / max(size_m, 0.15) ** 0.7
    out = np.zeros(n)
    for k, ratio in enumerate(timbre.ratios):
        f = f0 * ratio * (1.0 + rng.uniform(-0.01, 0.01))
        if f >= SAMPLE_RATE / 2.2:
            continue
        out += (0.6**k) * np.exp(-t / (decay / (1 + 0.6 * k))) * np.sin(2 * np.pi * f * t)
    click_n = min(n, int(0.006 * SAMPLE_RATE))
    out[:click_n] += timbre.click * rng.standard_normal(click_n) * np.exp(-np.arange(click_n) / (0.0015 * SAMPLE_RATE))
    out *= np.minimum(1.0, t / 0.0005)  # a half-millisecond attack: no digital click, onset stays on time
    return gain * out / max(float(np.abs(out).max()), 1e-9)


def footstep_sound(ground: str, rng: np.random.Generator, gain: float = 0.18) -> np.ndarray:
    """One footstep: a short noise burst in the ground material's band."""
    lo, hi, length = FOOTSTEP_BANDS.get(ground, FOOTSTEP_BANDS["concrete"])
    n = int(length * SAMPLE_RATE)
    t = np.arange(n) / SAMPLE_RATE
    env = np.minimum(1.0, t / 0.002) * np.exp(-t / (length / 4))
    return gain * _shaped_noise(n, rng, lo, hi) * env


def _finish_and_size(timeline: Timeline, actor_id: str, frame: int) -> tuple[str, float]:
    for i, a in enumerate(timeline.actors):
        if a.id == actor_id:
            size = float(np.max(np.asarray(asset(a.asset).size) * timeline.scales[min(frame, len(timeline) - 1), i]))
            return a.material.finish, size
    return "matte", 1.0  # the ground, or an id this scene does not know


@dataclass(frozen=True)
class Cue:
    """One sound placed at a sample offset, with its left/right gains."""

    start: int
    samples: np.ndarray
    left: float = 1.0
    right: float = 1.0


REFERENCE_DISTANCE_M = 8.0  # an event this far from the camera plays at its own loudness


def placement(timeline: Timeline, frame: int, position: tuple[float, float, float]) -> tuple[float, float]:
    """Left/right gains of a sound at ``position`` heard from the camera of ``frame``: equal-power panning by
    the bearing from the camera, and a gentle distance roll-off (√(8 m / d), within 0.35..1.3)."""
    i = min(max(frame, 0), len(timeline) - 1)
    offset = np.asarray(position, dtype=np.float64) - timeline.camera_position[i]
    dist = float(np.linalg.norm(offset))
    h = math.radians(float(timeline.camera_hpr[i, 0]))
    right = np.array([math.cos(h), math.sin(h), 0.0])  # heading 0 looks along +Y, so +X is to the right
    pan = float(np.clip(offset @ right / dist, -1.0, 1.0)) if dist > 1e-6 else 0.0
    level = float(np.clip(math.sqrt(REFERENCE_DISTANCE_M / max(dist, 0.5)), 0.35, 1.3))
    angle = (pan + 1.0) * math.pi / 4.0
    return level * math.cos(angle) * math.sqrt(2.0), level * math.sin(angle) * math.sqrt(2.0)


def cues(timeline: Timeline) -> list[Cue]:
    """Every impact and footstep of ``timeline`` as a placed sound, in time order."""
    rng = np.random.default_rng(timeline.script.seed)
    out: list[Cue] = []
    for ev in timeline.collisions:
        finish, size = _finish_and_size(timeline, ev.a, ev.frame)
        if ev.b != "ground":  # two bodies: the harder, brighter finish of the pair dominates
            other, other_size = _finish_and_size(timeline, ev.b, ev.frame)
            if TIMBRES.get(other, TIMBRES["plastic"]).base_hz > TIMBRES.get(finish, TIMBRES["plastic"]).base_hz:
                finish, size = other, other_size
        left, right = placement(timeline, ev.frame, ev.position)
        out.append(Cue(round(ev.time * SAMPLE_RATE), impact_sound(finish, size, ev.impulse, rng), left, right))
    ground = timeline.script.environment.ground.material
    for fs in timeline.footsteps:
        left, right = placement(timeline, fs.frame, fs.position)
        out.append(Cue(round(fs.time * SAMPLE_RATE), footstep_sound(ground, rng), left, right))
    out.sort(key=lambda c: c.start)
    return out


def soft_limit(x: np.ndarray, knee: float = 0.7) -> np.ndarray:
    """Leave samples under ``knee`` alone and bend louder ones smoothly towards ±1 (never past it)."""
    a = np.abs(x)
    over = a > knee
    y = x.copy()
    y[over] = np.sign(x[over]) * (knee + (1 - knee) * np.tanh((a[over] - knee) / (1 - knee)))
    return y


def write_soundtrack(timeline: Timeline, path: Path, ambience: bool = True) -> Path | None:
    """Write the scene's soundtrack to ``path`` (16-bit stereo WAV, exactly the video's length).

    Returns ``None`` and writes nothing when there is nothing to hear (no events and no ambience): such a
    video gets no audio track rather than a silent one.
    """
    placed = cues(timeline)
    kind = ambience_kind(timeline) if ambience else None
    if not placed and kind is None:
        return None
    total = round(len(timeline) / timeline.script.fps * SAMPLE_RATE)
    loop = ambience_loop(kind, np.random.default_rng(timeline.script.seed + 1)) if kind else None
    block = int(BLOCK_S * SAMPLE_RATE)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(2)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        first_live = 0  # cues before this index have ended before the current block
        for b0 in range(0, total, block):
            b1 = min(total, b0 + block)
            mix = np.zeros((b1 - b0, 2))
            if loop is not None:
                idx = np.arange(b0, b1) % len(loop)
                mix[:, 0] += loop[idx]
                mix[:, 1] += loop[(idx + len(loop) // 2) % len(loop)]  # the other half: a wide, decorrelated bed
            while first_live < len(placed) and placed[first_live].start + len(placed[first_live].samples) <= b0:
                first_live += 1
            for cue in placed[first_live:]:
                if cue.start >= b1:
                    break
                s0, s1 = max(cue.start, b0), min(cue.start + len(cue.samples), b1)
                if s1 > s0:
                    part = cue.samples[s0 - cue.start:s1 - cue.start]
                    mix[s0 - b0:s1 - b0, 0] += cue.left * part
                    mix[s0 - b0:s1 - b0, 1] += cue.right * part
            wav.writeframes((soft_limit(mix) * 32767).astype("<i2").tobytes())
    return path
