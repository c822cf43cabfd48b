"""HDRI environments: the shipped ones by name, a user's .exr/.hdr file by path, and the sun found in the image.

An HDRI is a latitude-longitude (equirectangular) image of linear radiance, top row = zenith, in Blender's
orientation: the centre column looks along +X and u grows clockwise seen from above, i.e. direction (x, y, z)
sits at u = 0.5 - atan2(y, x) / 2π, v = acos(z) / π from the top (``equirect_directions``), so a file looks the
same here as in Blender's world shader. Files are checked before they are decoded (signature, size, header, offset
table): the decoder under Panda3D aborts the whole process on some malformed EXR files instead of raising.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from scenes.sky import luminance

HDRI_DIR = Path(__file__).parent / "data" / "hdri"
HDRI_SUFFIXES = (".exr", ".hdr")
MAX_HDRI_BYTES = 256 * 1024 * 1024
MAX_HDRI_PIXELS = 8192 * 4096
_EXR_MAGIC = b"\x76\x2f\x31\x01"


def shipped_hdris() -> tuple[str, ...]:
    """Names of the HDRIs that ship with enginereel (``environment.hdri: park``)."""
    return tuple(sorted(p.stem for p in HDRI_DIR.glob("*.exr")))


def is_hdri_path(value: str) -> bool:
    """True when ``environment.hdri`` names a file (a path) rather than a shipped HDRI."""
    return value.lower().endswith(HDRI_SUFFIXES) or "/" in value or "\\" in value


def hdri_file(value: str) -> Path:
    """The file for a shipped name or a user's path. Raises ``ValueError`` (one line) if it cannot be used."""
    if not is_hdri_path(value):
        if value not in shipped_hdris():
            raise ValueError(f"unknown HDRI {value!r}; shipped: {', '.join(shipped_hdris())} "
                             "(or give a path to a .exr or .hdr file)")
        return HDRI_DIR / f"{value}.exr"
    path = Path(value).expanduser()
    check_hdri_file(path)
    return path.resolve()


def check_hdri_file(path: Path) -> tuple[int, int]:
    """(width, height) of an .exr or .hdr file, from its header. Raises ``ValueError`` naming what is wrong."""
    if path.suffix.lower() not in HDRI_SUFFIXES:
        raise ValueError(f"{path}: an HDRI must be a .exr or .hdr file")
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(64 * 1024)
    except FileNotFoundError:
        raise ValueError(f"{path}: no such file") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if size > MAX_HDRI_BYTES:
        raise ValueError(f"{path}: {size / 2**20:.0f} MB is too large for an HDRI (at most "
                         f"{MAX_HDRI_BYTES // 2**20} MB; 2048x1024 is plenty for lighting)")
    w, h = _exr_size(head, size, path) if head[:4] == _EXR_MAGIC else _radiance_size(head, path)
    if w * h > MAX_HDRI_PIXELS or w <= 0 or h <= 0:
        raise ValueError(f"{path}: {w}x{h} pixels is not a usable HDRI size (at most 8192x4096)")
    return w, h


def _exr_size(head: bytes, file_size: int, path: Path) -> tuple[int, int]:
    """Size from an OpenEXR header, after checking that its line offset table points inside the file."""
    pos, window, lines_per_block = 8, None, 1
    try:
        while head[pos] != 0:
            end = head.index(b"\0", pos)
            name = head[pos:end]
            end_type = head.index(b"\0", end + 1)
            (n,) = struct.unpack_from("<i", head, end_type + 1)
            value = head[end_type + 5:end_type + 5 + n]
            if name == b"dataWindow":
                window = struct.unpack("<4i", value)
            elif name == b"compression":
                # lines per block of each compression (OpenEXR's ImfCompression.h): none, rle, zips 1; zip, pxr24 16;
                # piz, b44, b44a, dwaa 32; dwab 256
                lines_per_block = {0: 1, 1: 1, 2: 1, 3: 16, 4: 32, 5: 16, 6: 32, 7: 32, 8: 32, 9: 256}.get(value[0], 0)
            pos = end_type + 5 + n
    except (IndexError, ValueError, struct.error):
        raise ValueError(f"{path}: not a readable OpenEXR file (its header is cut short or malformed)") from None
    if window is None or lines_per_block == 0:
        raise ValueError(f"{path}: not a readable OpenEXR file (no data window, or an unknown compression)")
    w, h = window[2] - window[0] + 1, window[3] - window[1] + 1
    blocks = math.ceil(h / lines_per_block)
    table = head[pos + 1:pos + 1 + 8 * blocks]
    if len(table) < 8 * blocks and pos + 1 + 8 * blocks <= len(head):
        raise ValueError(f"{path}: not a readable OpenEXR file (its offset table is cut short)")
    if len(table) == 8 * blocks:
        offsets = struct.unpack(f"<{blocks}Q", table)
        if max(offsets) >= file_size or min(offsets) < pos:
            raise ValueError(f"{path}: the OpenEXR file is truncated (its image data ends early)")
    return w, h


def _radiance_size(head: bytes, path: Path) -> tuple[int, int]:
    if not (head.startswith(b"#?RADIANCE") or head.startswith(b"#?RGBE")):
        raise ValueError(f"{path}: not an HDR image (neither an OpenEXR nor a Radiance .hdr file)")
    for line in head.split(b"\n")[1:64]:
        parts = line.split()
        if len(parts) == 4 and parts[0] in (b"-Y", b"+Y") and parts[2] in (b"+X", b"-X"):
            return int(parts[3]), int(parts[1])
    raise ValueError(f"{path}: not a readable Radiance .hdr file (no resolution line)")


@cache
def read_hdri(path: Path) -> np.ndarray:
    """The image as (H, W, 3) float32 linear radiance, top row first. The file must pass ``check_hdri_file``."""
    # Panda3D's PfmFile is the floating-point image reader available here (OpenEXR and Radiance); it is used as a
    # file-format library only, no rendering.
    from panda3d.core import Filename, PfmFile, Texture

    check_hdri_file(path)
    pfm = PfmFile()
    if not pfm.read(Filename.from_os_specific(str(path))):
        raise ValueError(f"{path}: the HDR image could not be decoded")
    tex = Texture("hdri")
    if not tex.load(pfm):
        raise ValueError(f"{path}: the HDR image could not be decoded")
    comps = tex.get_num_components()
    img = np.frombuffer(tex.get_ram_image(), np.float32).reshape(pfm.get_y_size(), pfm.get_x_size(), comps)
    rgb = img[::-1, :, :3][:, :, ::-1] if comps >= 3 else np.repeat(img[::-1, :, :1], 3, axis=2)  # BGR, bottom up
    # Lossy (DWA) compression rings around the sun into negative values: radiance is never negative.
    out = np.maximum(np.nan_to_num(np.ascontiguousarray(rgb, dtype=np.float32), nan=0.0, posinf=0.0), 0.0)
    out.setflags(write=False)
    return out


def equirect_directions(width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    """Unit directions (H, W, 3) at the texel centres of a lat-long image, and each texel's solid angle (H, W)."""
    u = (np.arange(width) + 0.5) / width
    v = (np.arange(height) + 0.5) / height
    phi = (0.5 - u) * 2.0 * np.pi  # atan2(y, x)
    theta = v * np.pi
    st, ct = np.sin(theta)[:, None], np.cos(theta)[:, None]
    dirs = np.stack(np.broadcast_arrays(st * np.cos(phi)[None, :], st * np.sin(phi)[None, :], ct), -1)
    solid = np.broadcast_to(st * (2.0 * np.pi / width) * (np.pi / height), (height, width))
    return dirs, solid


@dataclass(frozen=True)
class HdriSun:
    """The sun found in an HDRI: unit direction towards it, its irradiance (linear RGB at normal incidence,
    image units) and the texels that made it (to be taken out of the image so it is not counted twice)."""

    direction: np.ndarray
    irradiance: np.ndarray
    texels: np.ndarray  # (H, W) bool


SUN_CONTRAST = 20.0  # a sun is texels this many times brighter than the brightest 1 % of the sky around it
SUN_RADIUS_DEG = 6.0  # texels further than this from the brightest one are not part of the sun


def find_sun(img: np.ndarray) -> HdriSun | None:
    """The sun of an HDRI: its brightest compact spot above the horizon, if it stands out from the sky.

    ``None`` for images without one (overcast, interiors, night).
    """
    h, w, _ = img.shape
    dirs, solid = equirect_directions(w, h)
    lum = luminance(img)
    upper = dirs[..., 2] > -0.05
    if not upper.any():
        return None
    peak = np.unravel_index(np.argmax(np.where(upper, lum, -1.0)), lum.shape)
    centre = dirs[peak]
    near = dirs @ centre > math.cos(math.radians(SUN_RADIUS_DEG))
    sky_level = float(np.percentile(lum[upper & ~near], 99.0)) if (upper & ~near).any() else 0.0
    texels = near & (lum > SUN_CONTRAST * max(sky_level, 1e-6))
    if not texels.any():
        return None
    flux = (lum * solid)[texels]  # luminance x solid angle: the irradiance each texel adds
    direction = (dirs[texels] * flux[:, None]).sum(axis=0)
    direction /= np.linalg.norm(direction)
    # The sun's colour from the glow just around it: lossy compression of small files scatters the clipped disc's
    # energy between channels (a blue or red sun), while the glow keeps the hue.
    ring = (dirs @ centre > math.cos(math.radians(3 * SUN_RADIUS_DEG))) & ~texels
    glow = img[ring].mean(axis=0) if ring.any() else np.ones(3)
    colour = glow / max(float(luminance(glow)), 1e-9)
    return HdriSun(direction, colour * float(flux.sum()), texels)
