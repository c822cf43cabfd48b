"""Sky radiance as a function of direction: the Preetham clear-sky model, the CIE overcast sky and a plain gradient.

Engine-independent numpy: an engine samples these functions into its own environment map (and prefilters it for
image-based lighting); the timeline only carries the parameters (:class:`scenes.world.SkyState`). Radiance is
linear Rec.709/sRGB, scaled so that the sky's irradiance on a horizontal surface is ``SkyState.irradiance``
(the same units as the sun's intensity), below the horizon the ground seen from above.
"""

from __future__ import annotations

import numpy as np

# Preetham, Shirley & Smits, "A Practical Analytic Model for Daylight" (1999), appendix: the Perez coefficients of
# luminance Y and chromaticities x, y as linear functions of turbidity T (rows A..E, columns [T, 1]).
_PEREZ_Y = np.array([[0.1787, -1.4630], [-0.3554, 0.4275], [-0.0227, 5.3251], [0.1206, -2.5771], [-0.0670, 0.3703]])
_PEREZ_X = np.array([[-0.0193, -0.2592], [-0.0665, 0.0008], [-0.0004, 0.2125], [-0.0641, -0.8989], [-0.0033, 0.0452]])
_PEREZ_Y_CHROMA = np.array([[-0.0167, -0.2608], [-0.0950, 0.0092], [-0.0079, 0.2102], [-0.0441, -1.6537],
                            [-0.0109, 0.0529]])
# zenith chromaticity: T² · (θs³, θs², θs, 1), T · (…), 1 · (…)
_ZENITH_X = np.array([[0.00166, -0.00375, 0.00209, 0.0], [-0.02903, 0.06377, -0.03202, 0.00394],
                      [0.11693, -0.21196, 0.06052, 0.25886]])
_ZENITH_Y = np.array([[0.00275, -0.00610, 0.00317, 0.0], [-0.04214, 0.08970, -0.04153, 0.00516],
                      [0.15346, -0.26756, 0.06670, 0.26688]])
_XYZ_TO_RGB = np.array([[3.2404542, -1.5371385, -0.4985314], [-0.9692660, 1.8760108, 0.0415560],
                        [0.0556434, -0.2040259, 1.0572252]])
_LUMA = np.array([0.2126, 0.7152, 0.0722])


def _perez(coeffs: np.ndarray, turbidity: float, cos_theta: np.ndarray, gamma: np.ndarray) -> np.ndarray:
    a, b, c, d, e = coeffs @ np.array([turbidity, 1.0])
    return (1.0 + a * np.exp(b / cos_theta)) * (1.0 + c * np.exp(d * gamma) + e * np.cos(gamma) ** 2)


def preetham(dirs: np.ndarray, sun: np.ndarray, turbidity: float) -> np.ndarray:
    """Relative clear-sky radiance (..., 3), linear sRGB, for unit directions ``dirs`` (..., 3) above the horizon.

    The model breaks down with the sun below about 3° or a view below the horizon: both are clamped there.
    """
    sun = np.asarray(sun, dtype=np.float64)
    sun_z = max(float(sun[2]), 0.05)
    theta_s = float(np.arccos(sun_z))
    cos_theta = np.maximum(dirs[..., 2], 0.02)
    gamma = np.arccos(np.clip(dirs @ (sun / np.linalg.norm(sun)), -1.0, 1.0))
    chi = (4.0 / 9.0 - turbidity / 120.0) * (np.pi - 2.0 * theta_s)
    zen_lum = (4.0453 * turbidity - 4.9710) * np.tan(chi) - 0.2155 * turbidity + 2.4192
    powers = np.array([theta_s ** 3, theta_s ** 2, theta_s, 1.0])
    t = np.array([turbidity ** 2, turbidity, 1.0])
    zen_x, zen_y = t @ _ZENITH_X @ powers, t @ _ZENITH_Y @ powers
    sun_gamma, one = np.float64(theta_s), np.float64(1.0)
    lum = zen_lum * _perez(_PEREZ_Y, turbidity, cos_theta, gamma) / _perez(_PEREZ_Y, turbidity, one, sun_gamma)
    x = zen_x * _perez(_PEREZ_X, turbidity, cos_theta, gamma) / _perez(_PEREZ_X, turbidity, one, sun_gamma)
    y = zen_y * _perez(_PEREZ_Y_CHROMA, turbidity, cos_theta, gamma) / _perez(_PEREZ_Y_CHROMA, turbidity, one,
                                                                              sun_gamma)
    xyz = np.stack([x * lum / y, lum, (1.0 - x - y) * lum / y], -1)
    return np.maximum(xyz @ _XYZ_TO_RGB.T, 0.0)


def overcast(dirs: np.ndarray, colour: np.ndarray) -> np.ndarray:
    """The CIE standard overcast sky: luminance (1 + 2 cos θ) / 3 of the zenith's, in one colour."""
    return (1.0 + 2.0 * np.maximum(dirs[..., 2:3], 0.0)) / 3.0 * np.asarray(colour)


def gradient(dirs: np.ndarray, zenith: np.ndarray, horizon: np.ndarray) -> np.ndarray:
    """A zenith-to-horizon blend (night, studio): what those presets always looked like, now as light too."""
    up = np.maximum(dirs[..., 2:3], 0.0) ** 0.45
    return horizon + (zenith - horizon) * up


def horizontal_irradiance(radiance: np.ndarray, dirs: np.ndarray, solid_angle: np.ndarray) -> float:
    """Irradiance on an upward-facing surface (luminance) from radiance samples over the upper hemisphere."""
    cos = np.maximum(dirs[..., 2], 0.0)
    return float(((radiance @ _LUMA) * cos * solid_angle).sum())


def luminance(rgb: np.ndarray) -> np.ndarray:
    """Rec.709 luminance of linear RGB (..., 3)."""
    return np.asarray(rgb) @ _LUMA
