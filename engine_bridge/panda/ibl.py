"""Image-based lighting: the world's sky (a preset's model or an HDRI) as one octahedral environment map.

Built once per timeline on the CPU (numpy), deterministic:

* the sky above the horizon (``scenes.world.sky_radiance`` or the HDRI without its sun, which is a light of its
  own) and the lit ground below it, so undersides pick up the ground's bounce;
* an octahedral map (no trigonometry to look up: the shader folds a direction with abs and sign) whose mip levels
  are the specular prefilter: level k serves roughness (k / 5)²; levels 0–2 are box-filtered (near-mirror lobes
  are narrower than their texels), levels 3–5 are GGX-weighted sums over the whole sphere;
* nine spherical-harmonic coefficients of the diffuse irradiance (Ramamoorthi & Hanrahan 2001), premultiplied so
  the shader's sum is the irradiance E(n) itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np

from scenes.hdri import equirect_directions, find_sun, read_hdri
from scenes.world import SkyState, SunState, World, sky_radiance

ENV_SIZE = 512  # level 0, texels per side of the octahedral map
ENV_LEVELS = 6  # 512 … 16; the shader picks level 5 · sqrt(roughness)
GGX_FROM_LEVEL = 3  # levels from here on are GGX-convolved from the level-3 image
HORIZON_BLEND = 0.08  # below the horizon the ground fades in over this much of dir.z (the far ground is fog)


@dataclass(frozen=True)
class Environment:
    """The prefiltered environment: mip levels (each (n, n, 3) float32, top row = +v), SH irradiance (9, 3),
    the irradiance on an upward-facing surface, and the prefiltered reflection of the sky seen at a grazing and a
    steep angle (the ground's reflections, which the ground shader blends by view angle instead of a fetch)."""

    levels: tuple[np.ndarray, ...]
    sh: np.ndarray
    irradiance_up: np.ndarray
    ground_reflection: tuple[np.ndarray, np.ndarray]


def octahedral_directions(n: int) -> np.ndarray:
    """Unit directions (n, n, 3) at the texel centres of an n×n octahedral map; row 0 is v = 0 (as uploaded)."""
    c = (np.arange(n) + 0.5) / n * 2.0 - 1.0
    px, py = np.meshgrid(c, c)  # px along columns (u), py along rows (v)
    z = 1.0 - np.abs(px) - np.abs(py)
    fold = z < 0
    x = np.where(fold, (1.0 - np.abs(py)) * np.sign(px), px)
    y = np.where(fold, (1.0 - np.abs(px)) * np.sign(py), py)
    d = np.stack([x, y, z], -1)
    return d / np.linalg.norm(d, axis=-1, keepdims=True)


def octahedral_solid_angles(n: int) -> np.ndarray:
    """Each texel's solid angle (n, n), from the Jacobian of the mapping, normalised to 4π."""
    d = octahedral_directions(n)
    # |d_unnormalised| = 1 / (|x|+|y|+|z|) of the unit vector; dω = dA / |p|³ · cos, which for the octahedron folds
    # to dA · (|x|+|y|+|z|)³ up to a constant
    w = np.abs(d).sum(-1) ** 3
    return w * (4.0 * math.pi / w.sum())


def build_environment(world: World, ground_albedo: np.ndarray) -> Environment:
    """The prefiltered environment of ``world`` over a ground of linear ``ground_albedo``."""
    key = (_sky_key(world.sky), tuple(np.round(world.sun.direction, 9)), tuple(np.round(world.sun.radiance, 9)),
           tuple(np.round(np.asarray(ground_albedo, dtype=np.float64), 9)))
    # Building costs a fraction of a second; tests and chunked renders open many engines on the same few skies.
    if key not in _BUILT:
        if len(_BUILT) >= 16:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[key] = _build(world.sky, world.sun, np.asarray(ground_albedo, dtype=np.float64))
    return _BUILT[key]


_BUILT: dict[tuple, Environment] = {}


def _sky_key(sky: SkyState) -> tuple:
    return (sky.model, sky.turbidity, tuple(sky.zenith), tuple(sky.horizon), sky.irradiance, str(sky.hdri),
            sky.hdri_scale)


def _build(sky: SkyState, sun: SunState, ground_albedo: np.ndarray) -> Environment:
    dirs = octahedral_directions(ENV_SIZE)
    radiance = _sky_at(sky, sun, dirs)
    e_sun = sun.radiance * max(float(sun.direction[2]), 0.0)
    sky_up = _horizontal(radiance, dirs)
    ground = ground_albedo / math.pi * (e_sun + sky_up)  # lit ground seen from above, shadows ignored
    below = np.clip(-dirs[..., 2:3] / HORIZON_BLEND, 0.0, 1.0)
    horizon = _sky_at(sky, sun, _flatten(dirs))
    radiance = np.where(dirs[..., 2:3] >= 0, radiance, horizon + (ground - horizon) * below).astype(np.float32)
    levels = _mip_levels(radiance)
    sh = _sh_irradiance(levels[GGX_FROM_LEVEL], octahedral_directions(ENV_SIZE >> GGX_FROM_LEVEL))
    up = sh_irradiance_at(sh, np.array([0.0, 0.0, 1.0]))
    return Environment(levels, sh, up, _ground_reflection(levels))


def _flatten(dirs: np.ndarray) -> np.ndarray:
    flat = dirs.copy()
    flat[..., 2] = 0.0
    flat /= np.maximum(np.linalg.norm(flat, axis=-1, keepdims=True), 1e-9)
    return flat


def _sky_at(sky: SkyState, sun: SunState, dirs: np.ndarray) -> np.ndarray:
    if sky.model != "hdri":
        return sky_radiance(sky, sun, dirs)
    return _sample_equirect(hdri_sky_image(sky), dirs)


@cache
def _hdri_image_cached(path: str, scale: float) -> np.ndarray:
    from pathlib import Path

    img = read_hdri(Path(path)).copy()
    found = find_sun(img)
    if found is not None:
        img[found.texels] = 0.0  # the sun is the directional light (scenes/world.py): not twice
    return img * np.float32(scale)


def hdri_sky_image(sky: SkyState) -> np.ndarray:
    """The HDRI of ``sky`` scaled to the world's irradiance, its sun taken out (the sun is drawn as a light)."""
    return _hdri_image_cached(str(sky.hdri), float(sky.hdri_scale))


def _sample_equirect(img: np.ndarray, dirs: np.ndarray) -> np.ndarray:
    """Bilinear samples of a lat-long image (scenes/hdri.py's orientation) in directions (..., 3)."""
    h, w, _ = img.shape
    u = (0.5 - np.arctan2(dirs[..., 1], dirs[..., 0]) / (2 * math.pi)) * w - 0.5
    v = np.arccos(np.clip(dirs[..., 2], -1.0, 1.0)) / math.pi * h - 0.5
    x0, y0 = np.floor(u).astype(int), np.floor(v).astype(int)
    fx, fy = (u - x0)[..., None], (v - y0)[..., None]
    x1 = (x0 + 1) % w
    x0 %= w
    y1, y0 = np.clip(y0 + 1, 0, h - 1), np.clip(y0, 0, h - 1)
    top = img[y0, x0] * (1 - fx) + img[y0, x1] * fx
    bottom = img[y1, x0] * (1 - fx) + img[y1, x1] * fx
    return top * (1 - fy) + bottom * fy


def _horizontal(radiance: np.ndarray, dirs: np.ndarray) -> np.ndarray:
    """RGB irradiance on an upward surface from the upper half of an octahedral map."""
    solid = octahedral_solid_angles(dirs.shape[0])
    cos = np.maximum(dirs[..., 2], 0.0)
    return (radiance * (cos * solid)[..., None]).sum(axis=(0, 1))


def _mip_levels(level0: np.ndarray) -> tuple[np.ndarray, ...]:
    levels = [level0]
    for _ in range(1, GGX_FROM_LEVEL + 1):
        a = levels[-1]
        levels.append(0.25 * (a[0::2, 0::2] + a[1::2, 0::2] + a[0::2, 1::2] + a[1::2, 1::2]))
    source = levels[GGX_FROM_LEVEL]
    n_src = source.shape[0]
    src_dirs = octahedral_directions(n_src).reshape(-1, 3)
    solid = octahedral_solid_angles(n_src).reshape(-1)
    out = list(levels[:GGX_FROM_LEVEL])
    for k in range(GGX_FROM_LEVEL, ENV_LEVELS):
        n = ENV_SIZE >> k
        rough = (k / (ENV_LEVELS - 1)) ** 2
        dirs = octahedral_directions(n).reshape(-1, 3)
        out.append(_ggx_convolve(source.reshape(-1, 3), src_dirs, solid, dirs, rough).reshape(n, n, 3))
    return tuple(a.astype(np.float32) for a in out)


def _ggx_convolve(src: np.ndarray, src_dirs: np.ndarray, solid: np.ndarray, dirs: np.ndarray,
                  rough: float) -> np.ndarray:
    """Split-sum prefilter (view = normal = reflection): each output direction's mean of the source radiance,
    weighted by the GGX lobe, the cosine and the texels' solid angles."""
    a2 = max(rough, 1e-3) ** 4
    out = np.empty((len(dirs), 3))
    # the same operations in the same order as the formula a2 / (π (ndh² (a2 - 1) + 1)²) · max(cos, 0) · solid, in
    # place on two blocks (a fresh array per step made the prefilter 1.2 s of the engine's start)
    for i in range(0, len(dirs), 512):  # bounded memory: 512 × 4096 weights at a time
        cos = np.matmul(dirs[i:i + 512], src_dirs.T)
        np.clip(cos, -1.0, 1.0, out=cos)
        wgt = cos + 1.0
        wgt *= 0.5  # cos²(θ/2): the half vector of n and l when v = n
        wgt *= a2 - 1.0
        wgt += 1.0
        np.square(wgt, out=wgt)
        np.multiply(math.pi, wgt, out=wgt)
        np.divide(a2, wgt, out=wgt)
        np.maximum(cos, 0.0, out=cos)
        wgt *= cos
        wgt *= solid
        out[i:i + 512] = (wgt @ src) / np.maximum(wgt.sum(axis=1, keepdims=True), 1e-12)
    return out


# Real spherical harmonics up to band 2 and the cosine lobe's band factors (π, 2π/3, π/4).
_SH_BAND = np.array([math.pi] + [2 * math.pi / 3] * 3 + [math.pi / 4] * 5)
_SH_NORM = np.array([0.282095, 0.488603, 0.488603, 0.488603, 1.092548, 1.092548, 0.315392, 1.092548, 0.546274])


def _sh_basis(d: np.ndarray) -> np.ndarray:
    """The nine basis polynomials without their constants, in the shader's order (..., 9)."""
    x, y, z = d[..., 0], d[..., 1], d[..., 2]
    return np.stack([np.ones_like(x), y, z, x, x * y, y * z, 3 * z * z - 1, x * z, x * x - y * y], -1)


def _sh_irradiance(radiance: np.ndarray, dirs: np.ndarray) -> np.ndarray:
    """(9, 3) coefficients c_i with E(n) = Σ c_i · basis_i(n)."""
    solid = octahedral_solid_angles(dirs.shape[0])
    y = _sh_basis(dirs) * _SH_NORM
    lm = np.einsum("hwk,hwc,hw->kc", y, radiance.astype(np.float64), solid)
    return lm * (_SH_BAND * _SH_NORM)[:, None]


def sh_irradiance_at(sh: np.ndarray, normal: np.ndarray) -> np.ndarray:
    """Irradiance (3,) the SH coefficients give on a surface facing ``normal``."""
    return np.maximum(_sh_basis(np.asarray(normal, dtype=np.float64)) @ sh, 0.0)


def _ground_reflection(levels: tuple[np.ndarray, ...]) -> tuple[np.ndarray, np.ndarray]:
    """The sky reflected by a rough horizontal surface, averaged round the compass, seen low and seen high."""
    lvl = levels[-2]
    d = octahedral_directions(lvl.shape[0])
    low = np.abs(d[..., 2] - math.sin(math.radians(8.0))) < 0.12
    high = np.abs(d[..., 2] - math.sin(math.radians(55.0))) < 0.12
    return lvl[low].mean(axis=0), lvl[high].mean(axis=0)


def environment_texture(env: Environment):  # -> (panda3d.core.Texture, float)
    """The mip levels as one RGBM texture with its own mipmaps (bilinear in the nearest level, clamped), and its range.

    RGBM (colour / (M · range) in RGB, M in alpha, 8 bits each): llvmpipe fetches aligned 4-byte texels several
    times faster than 12-byte float ones, and the environment is looked up by every sky pixel.
    """
    from panda3d.core import CPTA_uchar, SamplerState, Texture

    top = max(float(max(level.max() for level in env.levels)), 1e-6)
    tex = Texture("environment")
    n = env.levels[0].shape[0]
    tex.setup_2d_texture(n, n, Texture.T_unsigned_byte, Texture.F_rgba8)
    levels = list(env.levels) + [np.broadcast_to(env.levels[-1].mean(axis=(0, 1)), (max(n >> k, 1),) * 2 + (3,))
                                 for k in range(len(env.levels), int(math.log2(n)) + 1)]
    for k, level in enumerate(levels):
        data = CPTA_uchar(_rgbm(level, top).tobytes())
        if k == 0:
            tex.set_ram_image(data)
        else:
            tex.set_ram_mipmap_image(k, data)
    # one level per lookup (the nearest), not two: half the texel reads; a material's roughness then snaps to the
    # nearest of the six levels' (k/5)², which is invisible on these blurred reflections
    tex.set_minfilter(SamplerState.FT_linear_mipmap_nearest)
    tex.set_magfilter(SamplerState.FT_linear)
    tex.set_wrap_u(SamplerState.WM_clamp)
    tex.set_wrap_v(SamplerState.WM_clamp)
    return tex, top


def _rgbm(level: np.ndarray, top: float) -> np.ndarray:
    """(n, n, 4) uint8 BGRA (Panda's order) of RGBM-encoded radiance with ``top`` as the largest value."""
    m = np.clip(np.ceil(level.max(axis=-1, keepdims=True) / top * 255.0), 1.0, 255.0) / 255.0
    rgb = np.clip(np.round(level / (m * top) * 255.0), 0, 255)
    return np.ascontiguousarray(np.concatenate([rgb[..., ::-1], np.round(m * 255.0)], -1).astype(np.uint8))


def sh_uniform(sh: np.ndarray):  # -> PTA_LVecBase3f
    """The SH coefficients as a Panda array input for ``uniform vec3 u_sh[9]``."""
    from panda3d.core import LVecBase3f, PTA_LVecBase3f

    arr = PTA_LVecBase3f.empty_array(9)
    for i, c in enumerate(sh):
        arr[i] = LVecBase3f(*(float(x) for x in c))
    return arr


def equirect_preview(env: Environment, width: int = 256) -> np.ndarray:
    """Level 0 resampled to a lat-long image (for looking at an environment, and tests of the mapping)."""
    dirs, _ = equirect_directions(width, width // 2)
    n = env.levels[0].shape[0]
    u, v = octahedral_uv(dirs)
    x = np.clip((u * n).astype(int), 0, n - 1)
    y = np.clip((v * n).astype(int), 0, n - 1)
    return env.levels[0][y, x]


def octahedral_uv(dirs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(u, v) in 0..1 of directions (..., 3): the shader's ``oct_uv`` in numpy."""
    p = dirs[..., :2] / np.abs(dirs).sum(-1, keepdims=True)
    fold = dirs[..., 2] < 0
    folded = (1.0 - np.abs(p[..., ::-1])) * np.where(p >= 0, 1.0, -1.0)
    p = np.where(fold[..., None], folded, p)
    return p[..., 0] * 0.5 + 0.5, p[..., 1] * 0.5 + 0.5
