"""The Blueprint functions the Unreal backend calls through ``vbp``, as data: names, inputs in order, outputs.

The plugin's ``vbp`` (``Commands/AliasHandler.cpp`` VExecWithOutput) finds the function by name, reads the
inputs positionally from the words after it (the last String input takes the rest of the line), calls the
function only when every input parsed, and always answers a JSON object of the function's String and numeric
outputs. A call whose inputs did not parse is not made, yet answers like a made one, with zeroed outputs. So
every function here has an Int output ``Done`` that the Blueprint sets to 1 once it applied its inputs, and the
backend checks it on every reply; ``Handshake`` echoes a number the backend chose, at open.

docs/unreal.md renders these tables for people building the Blueprints; the project's server implements them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class BlueprintFunction:
    """One function: its inputs (name, Unreal type) in order and its outputs (Int unless named otherwise)."""

    name: str
    inputs: tuple[tuple[str, str], ...]
    outputs: tuple[str, ...] = ("Done",)
    does: str = ""


HANDSHAKE = BlueprintFunction("Handshake", (("Nonce", "Int"),), ("Echo",),
                              "sets the output Echo to Nonce (proves the function is reached with its inputs)")

DIRECTOR = (
    HANDSHAKE,
    BlueprintFunction("SetSky", (("Preset", "String"), ("FogDensity", "Float")),
                      does="sky look (day, sunset, night, overcast, studio) and fog density per metre"),
    BlueprintFunction("SetGround", (("Material", "String"), ("Color", "String"), ("Visible", "Bool")),
                      does="the ground plane: material name, colour #rrggbb or none, shown or hidden"),
    BlueprintFunction("SetSun", (("Pitch", "Float"), ("Yaw", "Float"), ("Roll", "Float"), ("R", "Float"),
                                 ("G", "Float"), ("B", "Float"), ("CastShadows", "Bool")),
                      does="the directional light's rotation (it points away from the sun) and linear radiance"),
    BlueprintFunction("SetAmbient", (("Multiplier", "Float"),), does="sky light intensity scale"),
    BlueprintFunction("SetSeed", (("Seed", "Int"),), does="any procedural variation (ground texture)"),
    BlueprintFunction("SetShadowBounds", (("X", "Float"), ("Y", "Float"), ("Z", "Float"), ("Radius", "Float")),
                      does="where the actors are over the whole video, cm (may do nothing in Unreal)"),
)
SET_MATERIAL = BlueprintFunction(
    "SetMaterial", (("Color", "String"), ("Finish", "String"), ("Roughness", "Float"), ("Metallic", "Float")),
    does="a dynamic material instance on the main slot: sRGB colour #rrggbb, finish name, roughness, metallic")
SHAPE = (HANDSHAKE, SET_MATERIAL)
CHARACTER = (*SHAPE, BlueprintFunction(
    "SetPose", (("Pose", "String"),),
    does="every bone's local rotation, bone:pitch,yaw,roll;… (the root bone has ,x,y,z in cm too)"))

_BOOLS = {"true": True, "1": True, "yes": True, "on": True, "false": False, "0": False, "no": False, "off": False}


def import_inputs(function: BlueprintFunction, words: list[str]) -> list[Any] | None:
    """The inputs as the plugin reads them from the words after the function name, or None when one does not
    parse (the plugin then skips the call): the last String input takes every remaining word, extra words
    are ignored, a missing number fails and a missing String is empty."""
    values: list[Any] = []
    for k, (_, kind) in enumerate(function.inputs):
        last = k == len(function.inputs) - 1
        word = " ".join(words[k:]) if last and kind == "String" else (words[k] if k < len(words) else "")
        value = _import(kind, word)
        if value is None:
            return None
        values.append(value)
    return values


def _import(kind: str, word: str) -> object | None:
    if kind == "String":
        return word
    if kind == "Bool":
        return _BOOLS.get(word.lower())
    try:
        value = int(word) if kind == "Int" else float(word)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def reply_json(outputs: dict[str, object]) -> str:
    """A ``vbp`` reply: the outputs as the plugin's JSON writer prints them (string values, tab indents)."""
    if not outputs:
        return "{}"
    return json.dumps({k: str(v) for k, v in outputs.items()}, indent="\t")


def read_reply(reply: str) -> dict[str, str] | None:
    """The outputs of a ``vbp`` reply, or None when it is not a JSON object."""
    try:
        data = json.loads(reply)
    except ValueError:
        return None
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else None
