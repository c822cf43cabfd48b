"""Look levels of the embedded engine: which shader features each one compiles in (``--look``).

A feature is a ``#define`` in the GLSL (never a runtime branch, which costs llvmpipe frame rate on every pixel).
``fast`` costs what the engine cost before image-based lighting; ``default`` must keep 720p at 40 fps or more on
two CPU cores; ``quality`` may be slower. The measured cost of each feature is in docs/rendering.md and
``enginereel bench`` (section ``look``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Look:
    """Shader defines for the surface and sky shaders, and the extra passes a look runs."""

    defines: dict[str, object] = field(default_factory=dict)
    exposure_ev: float = 0.0  # added to the world's exposure
    materials: bool = True  # procedural patterns (wood, brick, …) and transparent glass
    summary: str = ""


LOOKS: dict[str, Look] = {
    "fast": Look({}, 0.0, False, "SH sky light, reflections of two sky colours, the simple highlight knee"),
    # AgX puts mid-grey lower than the fast look's knee (identity below 0.8): +0.25 EV keeps frames about as bright
    # as before (the Cycles reference frame, whose sun is 4/3 of the day preset's, sits +0.4 EV higher)
    # REFRACT: how far (metres) glass bends the view of what is behind it, along its normal (postprocess.py)
    "default": Look({"ENV_SPECULAR": 1, "TONE_AGX": 1, "REFRACT": 0.12}, 0.25, True,
                    "image-based light with environment reflections, AgX tone curve, procedural materials, "
                    "refracting glass"),
    # PCSS: tan of the sun's angular radius, 0.75° (Cycles' sun of the reference frame is 1.5° across)
    "quality": Look({"ENV_SPECULAR": 1, "TONE_AGX": 1, "REFRACT": 0.12, "SOFT_SHADOWS": 3, "PCSS": 0.0131,
                     "GROUND_SHEEN": 1, "AO": 8, "BLOOM": 1}, 0.25, True,
                    "default plus soft shadows whose penumbra widens with the distance to the caster (PCSS), the "
                    "ground's sky reflection, screen-space ambient occlusion (8 taps, half resolution) and bloom on "
                    "the sun's disc and lamps"),
}


def without(look: Look, feature: str) -> Look:
    """``look`` with one feature taken out: a shader define, or ``materials`` (for the bench's cost ratios)."""
    if feature == "materials":
        return Look(look.defines, look.exposure_ev, False, f"{look.summary} without materials")
    return Look({k: v for k, v in look.defines.items() if k != feature}, look.exposure_ev, look.materials,
                f"{look.summary} without {feature}")
