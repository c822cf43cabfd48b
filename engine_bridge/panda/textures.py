"""Procedural ground textures, generated deterministically with numpy (nothing is downloaded).

Textures are tileable sRGB images in 0..1 that multiply the ground colour; the engine uploads them
with mipmaps and anisotropic filtering so ground detail does not alias at grazing angles.
"""

from __future__ import annotations

import numpy as np

from scenes.environment import GroundMaterial

TEXTURE_SIZE = 512


def _value_noise(size: int, cells: int, rng: np.random.Generator) -> np.ndarray:
    """Tileable smooth value noise in 0..1 with ``cells`` lattice cells per side."""
    lattice = rng.random((cells, cells))
    x = np.arange(size) * cells / size
    i0 = np.floor(x).astype(int)
    f = x - i0
    f = f * f * (3 - 2 * f)
    i1 = (i0 + 1) % cells
    rows0, rows1 = lattice[i0], lattice[i1]
    top = rows0[:, i0] * (1 - f)[None, :] + rows0[:, i1] * f[None, :]
    bottom = rows1[:, i0] * (1 - f)[None, :] + rows1[:, i1] * f[None, :]
    return top * (1 - f)[:, None] + bottom * f[:, None]


def _fractal(size: int, rng: np.random.Generator, octaves: int = 5) -> np.ndarray:
    out = np.zeros((size, size))
    amp, total = 1.0, 0.0
    for o in range(octaves):
        out += amp * _value_noise(size, 4 * 2**o, rng)
        total += amp
        amp *= 0.55
    return out / total


def ground_texture(material: GroundMaterial, seed: int = 0, size: int = TEXTURE_SIZE) -> np.ndarray:
    """An (size, size, 3) float image in 0..1 covering one tile of ``material.scale`` × 4 metres."""
    rng = np.random.default_rng(seed)
    a = np.asarray(material.colour)
    b = np.asarray(material.alt_colour)
    y, x = np.mgrid[0:size, 0:size] / size  # one texture tile is four pattern cells across
    if material.pattern == "checker":
        cell = ((np.floor(x * 4) + np.floor(y * 4)) % 2)[..., None]
        img = a * (1 - cell) + b * cell
        img = img * (0.96 + 0.04 * _fractal(size, rng)[..., None])
    elif material.pattern == "tiles":
        gx, gy = (x * 4) % 1.0, (y * 4) % 1.0
        grout = ((np.minimum(gx, 1 - gx) < 0.025) | (np.minimum(gy, 1 - gy) < 0.025))[..., None]
        shade = _value_noise(size, 4, rng)[..., None]
        img = np.where(grout, b * 0.75, a * (0.94 + 0.06 * shade))
    elif material.pattern == "planks":
        plank = np.floor(x * 4)
        offset = (plank * 0.37) % 1.0
        grain = _fractal(size, rng)
        stripe = 0.5 + 0.5 * np.sin((x * 4 % 1.0) * 40 + grain * 6)
        seam = ((x * 4 % 1.0) < 0.02) | (((y + offset) % 1.0) < 0.006)
        tone = (0.9 + 0.1 * (plank * 0.61 % 1.0))[..., None]
        img = (a * (1 - 0.35 * stripe[..., None]) + b * 0.35 * stripe[..., None]) * tone
        img = np.where(seam[..., None], b * 0.6, img)
    else:  # "noise": grass, sand, snow, asphalt, concrete
        n = _fractal(size, rng)[..., None]
        fine = rng.random((size, size, 1))
        img = a * (1 - n) + b * n
        img = img * (0.92 + 0.08 * fine)
    # Normalise to multiply the ground colour: the texture carries pattern, the colour the hue.
    img = img / np.maximum(a, 1e-3)
    return np.clip(img, 0.0, 4.0)
