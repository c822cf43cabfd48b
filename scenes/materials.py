"""Material finishes: what "plastic", "metal" or "rubber" mean as physically based parameters."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finish:
    """Physically based surface parameters for a named finish."""

    roughness: float
    metallic: float
    emission: float = 0.0  # multiplier on the base colour for self-lit surfaces
    # a procedural texture drawn over the colour (engine_bridge/panda/shaders/patterns.glsl): grain, weave, bricks…;
    # "glass" makes the surface transparent, "water" waves its normal
    pattern: str = ""


FINISHES: dict[str, Finish] = {
    "matte": Finish(0.9, 0.0),
    "plastic": Finish(0.4, 0.0),
    "glossy": Finish(0.15, 0.0),
    "ceramic": Finish(0.2, 0.0),
    "metal": Finish(0.3, 1.0),
    "chrome": Finish(0.08, 1.0),
    "wood": Finish(0.7, 0.0, pattern="wood"),
    "fabric": Finish(0.95, 0.0, pattern="fabric"),
    "rubber": Finish(0.8, 0.0),
    "glass": Finish(0.05, 0.0, pattern="glass"),
    "emissive": Finish(0.5, 0.0, emission=2.0),
    "brick": Finish(0.85, 0.0, pattern="brick"),
    "concrete": Finish(0.85, 0.0, pattern="concrete"),
    "asphalt": Finish(0.9, 0.0, pattern="asphalt"),
    "stone": Finish(0.75, 0.0, pattern="concrete"),
    "grass": Finish(0.95, 0.0, pattern="grass"),
    "sand": Finish(0.95, 0.0, pattern="sand"),
    "snow": Finish(0.6, 0.0, pattern="snow"),
    # open water: a mirror of the sky with waves that follow the wind; its colour is the body's, seen where the
    # reflection is weak (looking down into it)
    "water": Finish(0.03, 0.0, pattern="water"),
}
