"""What a video *is*: the scene-script schema, the asset catalog and the timeline compiler.

This package knows nothing of engines, LLMs or ffmpeg.
"""

from scenes.io import dumps_script, load_script, loads_script, parse_script, save_script, script_hash
from scenes.script import SCRIPT_VERSION, Actor, SceneScript, ScriptError
from scenes.timeline import (
    CameraState,
    CollisionEvent,
    FootContact,
    FrameState,
    JointPose,
    PoseTrack,
    SunState,
    Timeline,
    compile_script,
)

__all__ = [
    "SCRIPT_VERSION",
    "Actor",
    "CameraState",
    "CollisionEvent",
    "FootContact",
    "FrameState",
    "JointPose",
    "PoseTrack",
    "SceneScript",
    "ScriptError",
    "SunState",
    "Timeline",
    "compile_script",
    "dumps_script",
    "load_script",
    "loads_script",
    "parse_script",
    "save_script",
    "script_hash",
]
