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
from engine_bridge.unreal.dispatch import CommandError
from engine_bridge.unreal.pose import PoseError, parse_pose
from scenes import FrameState, SceneScript, compile_script
from scenes.animation import JointPose
from scenes.catalog import model
from scenes.timeline import CameraState, SunState

_VALID_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]{0,127}$")

# What `vget /objects` lists in an empty level played with the plugin's GameMode (the actors every game world has:
# settings, game mode and state, the player's controller and its hidden pawn, UnrealCV's own controller).
EMPTY_LEVEL = ("WorldSettings", "DefaultPhysicsVolume_0", "GameNetworkManager_0", "ParticleEventManager_0",
               "UnrealcvGameMode_0", "GameSession_0", "GameStateBase_0", "PlayerController_0", "PlayerState_0",
               "PlayerCameraManager_0", "HUD_0", "UnrealcvPawn_0", "UnrealcvWorldController_0")
PAWN = "UnrealcvPawn_0"
# Objects every game has loaded: a spawn may not take these names (the plugin compares names case-insensitively
# across all loaded objects, ObjectHandler.cpp SetActorName): the engine's basic shapes and default materials.
ENGINE_OBJECTS = ("Sphere", "Cube", "Cylinder", "Cone", "Plane", "DefaultMaterial", "WorldGridMaterial",
                  "BasicShapeMaterial")
CAMERA_CLASS = "FusionCameraActor"
CONFIG_FOV, CONFIG_SIZE = 90.0, (640, 480)  # a new sensor's settings when unrealcv.ini sets none


@dataclass
class CameraSettings:
    """One capture sensor, in Unreal units; fov is horizontal, as in Unreal."""

    location: np.ndarray = field(default_factory=lambda: np.zeros(3))
    rotation: np.ndarray = field(default_factory=lambda: np.zeros(3))
    fov: float = CONFIG_FOV
    width: int = CONFIG_SIZE[0]
    height: int = CONFIG_SIZE[1]


@dataclass
class WorldObject:
    """One actor, in Unreal units (cm, pitch/yaw/roll, Unreal axis order for scale).

    ``kind`` is ``asset`` (drawn: a catalog asset), ``director`` (sky, sun, ground; draws nothing by itself),
    ``camera`` (a spawned FusionCameraActor with its ``sensor``) or ``level`` (the level's own actors)."""

    name: str
    asset: str | None
    kind: str = "asset"
    class_name: str = ""
    location: np.ndarray = field(default_factory=lambda: np.zeros(3))
    rotation: np.ndarray = field(default_factory=lambda: np.zeros(3))
    scale: np.ndarray = field(default_factory=lambda: np.ones(3))
    visible: bool = True
    label: tuple[int, int, int] | None = None  # the annotation colour; None: never annotated (no `/color` yet)
    material: dict[str, object] = field(default_factory=dict)  # empty: the asset's own look (no SetMaterial yet)
    pose: JointPose | None = None  # people and animals: the last SetPose (None: the rest pose)
    sensor: CameraSettings | None = None


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


class EmbeddedWorld:
    """Objects, cameras and environment set by UnrealCV commands, rendered by an embedded engine.

    Camera 0 is the player pawn's sensor, as in the plugin: moving it moves the pawn, and its rotation follows
    the controller only when the game ticks, so while paused a rotation sent to camera 0 does not reach the
    capture (``PawnCamSensor.cpp`` TickComponent). Spawned cameras (``vset /cameras/spawn``) move at once."""

    def __init__(self, class_map: ClassMap, engine_factory: Callable[[], Engine]) -> None:
        self.class_map = class_map
        self.objects: dict[str, WorldObject] = {n: WorldObject(n, None, "level", n.rsplit("_", 1)[0])
                                                for n in EMPTY_LEVEL}
        self.pawn_camera = CameraSettings()
        self._pawn_rotation = np.zeros(3)  # the controller's rotation: the pawn sensor takes it when the game ticks
        self.cameras: list[WorldObject] = []  # spawned camera actors, in spawn order (ids 1, 2, …)
        self.environment = Environment()
        self.paused = False
        self._engine_factory = engine_factory
        self._engine: Engine | None = None
        self._drawn: list[WorldObject] = []
        self._world_key: object = None
        self._spawn_counts: dict[str, int] = {}

    # --- changes ------------------------------------------------------------------------------------

    def _auto_name(self, class_name: str) -> str:
        """The name Unreal gives a new actor: its class's short name and a per-class counter."""
        short = class_name.rsplit(".", 1)[-1].rsplit("/", 1)[-1]
        n = self._spawn_counts.get(short, 0)
        self._spawn_counts[short] = n + 1
        return f"{short}_{n}"

    def name_taken(self, name: str) -> bool:
        """Whether any loaded object has ``name``, compared as Unreal compares names (case-insensitively)."""
        folded = name.casefold()
        return any(folded == n.casefold() for n in (*self.objects, *ENGINE_OBJECTS))

    def _class_kind(self, class_name: str) -> tuple[str, str | None]:
        short = class_name.rsplit(".", 1)[-1]
        if class_name == self.class_map.director or short == self.class_map.director.rsplit(".", 1)[-1]:
            return "director", None
        if class_name == CAMERA_CLASS:
            return "camera", None
        asset = self.class_map.asset_of_class(class_name)
        if asset is None:
            raise CommandError(f"Can not find a class with name '{class_name}'")
        return "asset", asset

    def spawn(self, class_name: str, name: str | None = None) -> WorldObject:
        """Spawn an actor as ``vset /objects/spawn`` does (ObjectHandler.cpp Spawn): an exact-name actor refuses,
        a missing class refuses, and a name already taken by any loaded object silently keeps the automatic one."""
        if name is not None and name in self.objects:
            raise CommandError(f"Failed to spawn {name}, object exists.")
        kind, asset = self._class_kind(class_name)
        actual = self._auto_name(class_name)
        if name is not None and not self.name_taken(name) and _VALID_NAME.match(name):
            actual = name
        obj = WorldObject(actual, asset, kind, class_name)
        if kind == "camera":
            obj.sensor = CameraSettings()
            self.cameras.append(obj)
        self.objects[actual] = obj
        return obj

    def rename(self, name: str, new_name: str) -> str:
        """``vset /object/X/name Y`` (ObjectHandler.cpp SetActorName); the object keeps its place in the order."""
        obj = self.get(name)
        if new_name == name:
            return "The name has already been set"
        if self.name_taken(new_name):
            raise CommandError(f"Renaming an object to overwrite an existing object is not allowed: {new_name}")
        if not _VALID_NAME.match(new_name):
            raise CommandError(f"object name {new_name!r} must be letters, digits, _ or -, starting with a letter")
        obj.name = new_name
        self.objects = {(new_name if k == name else k): v for k, v in self.objects.items()}
        return "ok"

    def destroy(self, name: str) -> None:
        """Remove an actor (a camera's id goes with it: later cameras move down one)."""
        obj = self.objects.pop(self.get(name).name)
        if obj in self.cameras:
            self.cameras.remove(obj)

    def get(self, name: str) -> WorldObject:
        """An actor by exact name; the plugin's "Cannot find object" when there is none."""
        try:
            return self.objects[name]
        except KeyError:
            raise CommandError("Cannot find object") from None

    def camera(self, camera_id: str) -> CameraSettings:
        """The sensor with id ``camera_id`` (0: the pawn's; then spawned cameras); "Invalid sensor id" if none."""
        index = int(camera_id) if camera_id else 0  # the plugin reads the id with Atoi: an empty id is 0
        if index == 0:
            return self.pawn_camera
        if 1 <= index <= len(self.cameras):
            sensor = self.cameras[index - 1].sensor
            assert sensor is not None
            return sensor
        raise CommandError("Invalid sensor id")

    def _owner(self, sensor: CameraSettings) -> WorldObject | None:
        """The actor a sensor belongs to: a spawned camera, or the pawn for camera 0."""
        if sensor is self.pawn_camera:
            return self.objects.get(PAWN)
        return next((o for o in self.cameras if o.sensor is sensor), None)

    def set_camera_location(self, camera_id: str, location: np.ndarray) -> None:
        """Camera 0 moves the pawn, its sensor attached (CameraHandler.cpp SetCameraLocation); a spawned camera's
        sensor is its actor's root, so the actor moves with it."""
        sensor = self.camera(camera_id)
        sensor.location = location
        owner = self._owner(sensor)
        if owner is not None:
            owner.location = location

    def set_camera_rotation(self, camera_id: str, rotation: np.ndarray) -> None:
        """Camera 0 sets the controller (the sensor follows on the next tick); others turn at once, actor and all."""
        sensor = self.camera(camera_id)
        if sensor is self.pawn_camera:
            self._pawn_rotation = rotation
            if not self.paused:
                sensor.rotation = rotation
        else:
            sensor.rotation = rotation
            owner = self._owner(sensor)
            if owner is not None:
                owner.rotation = rotation

    def set_paused(self, paused: bool) -> None:
        """Pause or resume; a resumed game ticks, and the pawn sensor catches up with the controller."""
        self.paused = paused
        if not paused:
            self.pawn_camera.rotation = self._pawn_rotation

    def set_transform(self, name: str, attr: str, value: np.ndarray) -> None:
        """Set an actor's location, rotation or scale; a camera actor's sensor moves with it (it is its root)."""
        obj = self.get(name)
        setattr(obj, attr, value)
        if obj.sensor is not None and attr in ("location", "rotation"):
            setattr(obj.sensor, attr, value)

    def set_pose(self, name: str, argument: str) -> None:
        """Pose a person's or animal's joints from a ``SetPose`` argument (see :mod:`engine_bridge.unreal.pose`)."""
        obj = self.get(name)
        if obj.asset is None or not model(obj.asset).articulated:
            raise CommandError(f"{name} ({obj.asset or obj.kind}) has no joints to pose")
        try:
            obj.pose = parse_pose(model(obj.asset), argument)
        except PoseError as exc:
            raise CommandError(f"{name}: {exc}") from None

    def set_sun(self, light_rotation: Sequence[float], radiance: Sequence[float], shadows: bool) -> None:
        """The sun from the rotation of a directional light (pointing away from the sun) and its linear radiance."""
        _, hpr = unreal_to_world((0.0, 0.0, 0.0), light_rotation)
        self.environment.sun = SunState(-forward_of(hpr), np.asarray(radiance, dtype=np.float64), shadows)

    def set_bounds(self, centre_cm: Sequence[float], radius_cm: float) -> None:
        """Fix the sphere the sun's shadow map covers (the whole video's actors), in Unreal centimetres."""
        centre, _ = unreal_to_world(centre_cm, (0.0, 0.0, 0.0))
        self.environment.bounds = (centre, float(radius_cm) / CM_PER_M)

    # --- drawing --------------------------------------------------------------------------------------

    def _script(self, drawn: list[WorldObject], camera: CameraSettings) -> SceneScript:
        env = self.environment
        ground: dict[str, object] = {"material": env.ground_material, "visible": env.ground_visible}
        if env.ground_color is not None:
            ground["color"] = env.ground_color
        actors = []
        for i, obj in enumerate(drawn):
            position, hpr = unreal_to_world(obj.location, obj.rotation)
            # Script ids of their own: Unreal names may be longer than a script id may be.
            actors.append({"id": _script_id(i), "asset": obj.asset, "material": obj.material,
                           "position": position.tolist(), "rotation": hpr.tolist(),
                           "scale": scale_to_world(obj.scale).tolist()})
        return SceneScript.model_validate({
            "duration": 1.0, "fps": 1, "seed": env.seed,
            "resolution": {"width": camera.width, "height": camera.height},
            "environment": {"sky": env.sky, "ground": ground, "fog": env.fog},
            "lights": {"ambient": env.ambient},
            "actors": actors,
        })

    def _ensure_open(self, camera: CameraSettings) -> Engine:
        """(Re)build the engine's world when objects, materials, environment or size changed since the last one."""
        if not (16 <= camera.width <= 7680 and 16 <= camera.height <= 4320):
            # The plugin takes any size and fails at the capture ("Captured data is empty"); so does this server.
            raise CommandError(f"Captured data is empty (the film size {camera.width}x{camera.height} is outside "
                               "16..7680 x 16..4320, what the embedded engine draws)")
        if not 0.0 < camera.fov < 180.0:
            raise CommandError(f"Captured data is empty (fov {camera.fov:g} is outside 0..180 degrees)")
        drawn = [o for o in self.objects.values() if o.kind == "asset"]
        env = self.environment
        key = (
            camera.width, camera.height,
            tuple((o.name, o.asset, repr(sorted(o.material.items()))) for o in drawn),
            env.sky, env.fog, env.ground_material, env.ground_color, env.ground_visible, env.ambient, env.seed,
            None if env.sun is None else (tuple(env.sun.direction), tuple(env.sun.radiance), env.sun.shadows),
            None if env.bounds is None else (tuple(env.bounds[0]), env.bounds[1]),
        )
        if self._engine is not None and key == self._world_key:
            return self._engine
        try:
            timeline = compile_script(self._script(drawn, camera))
        except ValueError as exc:  # ScriptError and pydantic's ValidationError are ValueErrors
            raise CommandError(f"the scene cannot be built: {str(exc).splitlines()[0]}") from None
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

    def frame_state(self, camera: CameraSettings, annotated_only: bool = False) -> FrameState:
        """The current transforms and ``camera`` as the engine's frame state (objects in spawn order).

        ``annotated_only``: depth and masks show only annotated meshes (DepthCamSensor.cpp and
        AnnotationCamSensor.cpp draw a show-only list of annotation components), so the others are hidden."""
        n = len(self._drawn)
        positions, hprs, scales = np.zeros((n, 3)), np.zeros((n, 3)), np.ones((n, 3))
        for i, obj in enumerate(self._drawn):
            positions[i], hprs[i] = unreal_to_world(obj.location, obj.rotation)
            scales[i] = scale_to_world(obj.scale)
        visible = np.array([o.visible and (o.label is not None or not annotated_only) for o in self._drawn],
                           dtype=bool)
        cam_pos, cam_hpr = unreal_to_world(camera.location, camera.rotation)
        poses = {}
        for i, obj in enumerate(self._drawn):
            rig = model(obj.asset) if obj.asset is not None else None
            if rig is not None and rig.articulated:  # never posed yet: the rest pose, as a skeleton's reference pose
                poses[_script_id(i)] = obj.pose or JointPose(np.zeros((len(rig.joints), 3)), np.zeros(3))
        return FrameState(0, 0.0, positions, hprs, scales, visible, CameraState(cam_pos, cam_hpr, camera.fov, 0),
                          poses)

    def render(self, camera: CameraSettings) -> np.ndarray:
        """The lit image seen by ``camera``, (H, W, 3) uint8 RGB."""
        engine = self._ensure_open(camera)
        return engine.render(self.frame_state(camera))

    def render_pass(self, name: str, camera: CameraSettings) -> np.ndarray:
        """One ground-truth pass from the engine: ``depth`` (m), ``mask`` (ids), ``normals``."""
        engine = self._ensure_open(camera)
        try:
            return engine.render_passes(self.frame_state(camera, annotated_only=name != "normals"), [name])[name]
        except EngineError as exc:
            raise CommandError(str(exc)) from None

    def mask_colours(self, ids: np.ndarray) -> np.ndarray:
        """Instance ids (0 = nothing, i + 1 = i-th drawn object) → the objects' annotation colours, (H, W, 3)."""
        palette = np.zeros((len(self._drawn) + 1, 3), dtype=np.uint8)
        for i, obj in enumerate(self._drawn):
            palette[i + 1] = obj.label or (0, 0, 0)
        return palette[np.clip(ids, 0, len(self._drawn))]

    def close(self) -> None:
        """Release the engine."""
        if self._engine is not None:
            self._engine.close()
            self._engine = None
            self._world_key = None


def _script_id(index: int) -> str:
    return f"a{index}"
