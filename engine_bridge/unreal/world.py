"""The scene an UnrealCV client builds, kept as data and drawn with the embedded engine.

The server turns commands into changes here (spawned objects, their transforms, materials, the camera, the
director's sky/sun/ground); a capture assembles a scene script from the objects, compiles it into a one-frame
timeline for :class:`PandaEngine` and renders a :class:`FrameState` made from the current transforms. The world
is rebuilt only when something the engine bakes at open changes (objects, materials, environment, size); moving
things and the camera only changes the frame state.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from engine_bridge.engine import Engine, EngineError
from engine_bridge.unreal.classes import ClassMap
from engine_bridge.unreal.coords import CM_PER_M, forward_of, scale_to_world, unreal_to_world
from engine_bridge.unreal.pose import PoseError, parse_pose
from scenes import FrameState, SceneScript, compile_script
from scenes.animation import JointPose
from scenes.catalog import model
from scenes.timeline import CameraState, SunState

_VALID_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]{0,63}$")


@dataclass
class WorldObject:
    """One spawned object, in Unreal units (cm, pitch/yaw/roll, Unreal axis order for scale)."""

    name: str
    asset: str | None  # None for the director, which draws nothing
    location: np.ndarray = field(default_factory=lambda: np.zeros(3))
    rotation: np.ndarray = field(default_factory=lambda: np.zeros(3))
    scale: np.ndarray = field(default_factory=lambda: np.ones(3))
    visible: bool = True
    label: tuple[int, int, int] = (0, 0, 0)  # the object-mask colour, as UnrealCV's /color sets it
    material: dict[str, object] = field(default_factory=lambda: {"color": "white", "finish": "plastic"})
    pose: JointPose | None = None  # people and animals: the last SetPose (None: the rest pose)


@dataclass
class CameraSettings:
    """The capture camera, in Unreal units; fov is horizontal, as in Unreal."""

    location: np.ndarray = field(default_factory=lambda: np.zeros(3))
    rotation: np.ndarray = field(default_factory=lambda: np.zeros(3))
    fov: float = 90.0
    width: int = 640
    height: int = 480


@dataclass
class Environment:
    """What the director Blueprint controls: sky, ground, sun, ambient light, seed, shadow bounds."""

    sky: str = "day"
    fog: float | None = None
    ground_material: str = "grass"
    ground_color: str | None = None
    ground_visible: bool = True
    ambient: float = 1.0
    seed: int = 0
    sun: SunState | None = None  # None: the sky preset's sun
    bounds: tuple[np.ndarray, float] | None = None  # None: fitted to the objects when the world is built


def label_colour(index: int) -> tuple[int, int, int]:
    """A distinct default object-mask colour for the ``index``-th spawned object (never black)."""
    rng = np.random.default_rng(index + 1)
    r, g, b = (int(v) for v in rng.integers(32, 256, 3))
    return r, g, b


class EmbeddedWorld:
    """Objects, camera and environment set by UnrealCV commands, rendered by an embedded engine."""

    def __init__(self, class_map: ClassMap, engine_factory: Callable[[], Engine]) -> None:
        self.class_map = class_map
        self.objects: dict[str, WorldObject] = {}
        self.camera = CameraSettings()
        self.environment = Environment()
        self.paused = False
        self._engine_factory = engine_factory
        self._engine: Engine | None = None
        self._drawn: list[WorldObject] = []
        self._world_key: object = None
        self._spawned = 0

    # --- changes ------------------------------------------------------------------------------------

    def spawn(self, class_name: str, name: str) -> WorldObject:
        """Add an object of an Unreal class (an asset's class from the mapping, an asset name, or the director)."""
        if name in self.objects:
            raise EngineError(f"an object named {name} already exists")
        if not _VALID_ID.match(name):
            raise EngineError(f"object name {name!r} must be letters, digits, _ or -, starting with a letter")
        if class_name == self.class_map.director:
            asset = None
        else:
            asset = self.class_map.asset_of_class(class_name)
            if asset is None:
                raise EngineError(f"can not find class {class_name}")
        self._spawned += 1
        obj = WorldObject(name, asset, label=label_colour(self._spawned))
        self.objects[name] = obj
        return obj

    def destroy(self, name: str) -> None:
        """Remove an object."""
        del self.objects[self.get(name).name]

    def get(self, name: str) -> WorldObject:
        """An object by name; EngineError in UnrealCV's words when there is none."""
        try:
            return self.objects[name]
        except KeyError:
            raise EngineError(f"Can not find object {name}") from None

    def set_pose(self, name: str, argument: str) -> None:
        """Pose a person's or animal's joints from a ``SetPose`` argument (see :mod:`engine_bridge.unreal.pose`)."""
        obj = self.get(name)
        if obj.asset is None or not model(obj.asset).articulated:
            raise EngineError(f"{name} ({obj.asset or 'the director'}) has no joints to pose")
        try:
            obj.pose = parse_pose(model(obj.asset), argument)
        except PoseError as exc:
            raise EngineError(f"{name}: {exc}") from None

    def set_sun(self, light_rotation: Sequence[float], radiance: Sequence[float], shadows: bool) -> None:
        """The sun from the rotation of a directional light (pointing away from the sun) and its linear radiance."""
        _, hpr = unreal_to_world((0.0, 0.0, 0.0), light_rotation)
        self.environment.sun = SunState(-forward_of(hpr), np.asarray(radiance, dtype=np.float64), shadows)

    def set_bounds(self, centre_cm: Sequence[float], radius_cm: float) -> None:
        """Fix the sphere the sun's shadow map covers (the whole video's actors), in Unreal centimetres."""
        centre, _ = unreal_to_world(centre_cm, (0.0, 0.0, 0.0))
        self.environment.bounds = (centre, float(radius_cm) / CM_PER_M)

    # --- drawing --------------------------------------------------------------------------------------

    def _script(self, drawn: list[WorldObject]) -> SceneScript:
        env = self.environment
        ground: dict[str, object] = {"material": env.ground_material, "visible": env.ground_visible}
        if env.ground_color is not None:
            ground["color"] = env.ground_color
        actors = []
        for obj in drawn:
            position, hpr = unreal_to_world(obj.location, obj.rotation)
            actors.append({"id": obj.name, "asset": obj.asset, "material": obj.material,
                           "position": position.tolist(), "rotation": hpr.tolist(),
                           "scale": scale_to_world(obj.scale).tolist()})
        return SceneScript.model_validate({
            "duration": 1.0, "fps": 1, "seed": env.seed,
            "resolution": {"width": self.camera.width, "height": self.camera.height},
            "environment": {"sky": env.sky, "ground": ground, "fog": env.fog},
            "lights": {"ambient": env.ambient},
            "actors": actors,
        })

    def _ensure_open(self) -> Engine:
        """(Re)build the engine's world when objects, materials, environment or size changed since the last one."""
        drawn = [o for o in self.objects.values() if o.asset is not None]
        env = self.environment
        key = (
            self.camera.width, self.camera.height,
            tuple((o.name, o.asset, repr(sorted(o.material.items()))) for o in drawn),
            env.sky, env.fog, env.ground_material, env.ground_color, env.ground_visible, env.ambient, env.seed,
            None if env.sun is None else (tuple(env.sun.direction), tuple(env.sun.radiance), env.sun.shadows),
            None if env.bounds is None else (tuple(env.bounds[0]), env.bounds[1]),
        )
        if self._engine is not None and key == self._world_key:
            return self._engine
        try:
            timeline = compile_script(self._script(drawn))
        except ValueError as exc:  # ScriptError and pydantic's ValidationError are ValueErrors
            raise EngineError(f"the scene cannot be built: {str(exc).splitlines()[0]}") from None
        if env.sun is not None:
            timeline = dataclasses.replace(timeline, sun=env.sun)
        if env.bounds is not None:
            timeline = dataclasses.replace(timeline, bounds_centre=env.bounds[0], bounds_radius=env.bounds[1])
        if self._engine is None:
            self._engine = self._engine_factory()
        self._engine.open(timeline)
        self._drawn = drawn
        self._world_key = key
        return self._engine

    def frame_state(self) -> FrameState:
        """The current transforms and camera as the engine's frame state (objects in spawn order)."""
        n = len(self._drawn)
        positions, hprs, scales = np.zeros((n, 3)), np.zeros((n, 3)), np.ones((n, 3))
        for i, obj in enumerate(self._drawn):
            positions[i], hprs[i] = unreal_to_world(obj.location, obj.rotation)
            scales[i] = scale_to_world(obj.scale)
        visible = np.array([o.visible for o in self._drawn], dtype=bool)
        cam_pos, cam_hpr = unreal_to_world(self.camera.location, self.camera.rotation)
        poses = {}
        for obj in self._drawn:
            rig = model(obj.asset) if obj.asset is not None else None
            if rig is not None and rig.articulated:  # never posed yet: the rest pose, as a skeleton's reference pose
                poses[obj.name] = obj.pose or JointPose(np.zeros((len(rig.joints), 3)), np.zeros(3))
        return FrameState(0, 0.0, positions, hprs, scales, visible, CameraState(cam_pos, cam_hpr, self.camera.fov, 0),
                          poses)

    def render(self) -> np.ndarray:
        """The lit image, (H, W, 3) uint8 RGB."""
        engine = self._ensure_open()
        return engine.render(self.frame_state())

    def render_pass(self, name: str) -> np.ndarray:
        """One ground-truth pass from the engine: ``depth`` (m), ``mask`` (ids), ``normals``."""
        engine = self._ensure_open()
        return engine.render_passes(self.frame_state(), [name])[name]

    def mask_colours(self, ids: np.ndarray) -> np.ndarray:
        """Instance ids (0 = nothing, i + 1 = i-th drawn object) → the objects' label colours, (H, W, 3) uint8."""
        palette = np.zeros((len(self._drawn) + 1, 3), dtype=np.uint8)
        for i, obj in enumerate(self._drawn):
            palette[i + 1] = obj.label
        return palette[np.clip(ids, 0, len(self._drawn))]

    def close(self) -> None:
        """Release the engine."""
        if self._engine is not None:
            self._engine.close()
            self._engine = None
            self._world_key = None
