"""glTF 2.0 actors for the embedded engine, through panda3d-gltf, with skinned clips posed per frame.

A clip is sampled at the frame's time (looped, with frame blending), never advanced by a clock, so any
frame renders the same pose on its own. Skinning runs on the CPU (the project's shaders take the
deformed vertices), which keeps every shader variant and the passes working for skinned models.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine_bridge.engine import EngineError


@dataclass
class ModelActor:
    """A loaded glTF model and, if it plays one, the control of its clip."""

    node: object  # NodePath of the model root
    control: object | None  # AnimControl
    clips: tuple[str, ...]

    def pose(self, time: float) -> None:
        """Pose the clip at ``time`` seconds (looped)."""
        c = self.control
        if c is None:
            return
        frames = c.get_num_frames()
        c.pose((time * c.get_frame_rate()) % frames if frames > 1 else 0.0)
        # Characters update themselves only when the global clock ticks, which nothing does here.
        c.get_part().force_update()


def _fix_keyframe_interpolation() -> None:
    """panda3d-gltf 1.3.0 clamps the keyframe lerp factor with ``max(f, 1)`` instead of ``min(f, 1)``, so every
    baked frame takes the *next* key's value (a step one key early). Put the clamp right if it is wrong."""
    from gltf import _converter

    if _converter.get_lerp_factor(0.25, 0.0, 1.0) != 0.25:
        _converter.get_lerp_factor = lambda now, last, nxt: min(max((now - last) / (nxt - last), 0.0), 1.0)


def load_model(path: str, clip: str | None, actor_id: str) -> ModelActor:
    """Load ``path`` (a .gltf/.glb) and bind ``clip``; one clear EngineError naming the actor otherwise."""
    import gltf
    from panda3d.core import AnimControlCollection, NodePath, PartGroup, auto_bind

    _fix_keyframe_interpolation()
    try:
        root = NodePath(gltf.load_model(path))
    except Exception as exc:  # panda3d-gltf raises assorted errors for bad files
        raise EngineError(f"actor {actor_id!r}: cannot load glTF model {path} ({exc})") from None
    # The model's own materials, textures and shaders give way to the project's shading.
    root.clear_material()
    root.clear_texture()
    root.clear_shader()
    for np_ in root.find_all_matches("**"):
        np_.clear_shader()
    controls = AnimControlCollection()
    auto_bind(root.node(), controls, PartGroup.HMF_ok_part_extra | PartGroup.HMF_ok_anim_extra
              | PartGroup.HMF_ok_wrong_root_name)
    clips = tuple(controls.get_anim_name(i) for i in range(controls.get_num_anims()))
    control = None
    if clip is not None:
        control = controls.find_anim(clip)
        if control is None:
            raise EngineError(f"actor {actor_id!r}: {path} has no animation clip {clip!r} "
                              f"(clips: {', '.join(clips) or 'none'})")
        control.get_part().set_frame_blend_flag(True)
    return ModelActor(root, control, clips)
