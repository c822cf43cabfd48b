"""Fixtures for post-production tests: tiny synthetic clips and a tiny compiled scene."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pipeline.encode import Encoder, EncodeSettings

W, H = 96, 64


def moving_frames(n: int, width: int = W, height: int = H, seed: int = 0) -> list[np.ndarray]:
    """A textured pattern drifting right by one pixel per frame (smooth, so codecs keep it well)."""
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 256, (height // 8 + 2, (width + n) // 8 + 2, 3)).astype(np.uint8)
    big = np.kron(base, np.ones((8, 8, 1), dtype=np.uint8))
    return [np.ascontiguousarray(big[:height, k:k + width]) for k in range(n)]


def write_clip(path: Path, frames: list[np.ndarray], fps: float = 10,
               settings: EncodeSettings = EncodeSettings(crf=0, preset="ultrafast")) -> Path:
    """Encode frames to ``path``."""
    h, w = frames[0].shape[:2]
    with Encoder(path, w, h, fps, settings) as enc:
        for f in frames:
            enc.write(f)
    return path


@pytest.fixture
def clip_frames() -> list[np.ndarray]:
    """Twelve 96x64 frames of a drifting texture."""
    return moving_frames(12)
