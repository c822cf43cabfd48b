"""The UnrealCV 5.2 plugin's commands, answered from an :class:`EmbeddedWorld` with the plugin's reply formats.

Each handler names the plugin source it follows (``unrealcv/unrealcv`` branch 5.2 at the commit docs/unreal.md
pins, under ``Source/UnrealCV/Private/``); tests/engine_bridge/test_unreal_conformance.py checks each rule.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from typing import Any

import cv2
import numpy as np

from engine_bridge.engine import EngineError
from engine_bridge.unreal.blueprints import CHARACTER, DIRECTOR, SHAPE, BlueprintFunction, import_inputs, reply_json
from engine_bridge.unreal.dispatch import CommandError, Dispatcher
from engine_bridge.unreal.world import CAMERA_CLASS, CONFIG_FOV, CONFIG_SIZE, EmbeddedWorld, Environment, WorldObject
from scenes.catalog import model
from scenes.environment import GROUND_MATERIALS, SKY_PRESETS

PLUGIN_VERSION = "1.0.1-enginereel"  # the plugin answers its .uplugin VersionName, 1.0.1 at the pinned commit
PAWN_SENSOR = "PawnSensor"  # WorldController.cpp AttachPawnSensor
CAMERA_SENSOR = "FusionCameraSensor"  # FusionCameraActor.cpp: the component every spawned camera has
# Captures travel over loopback, where bytes are cheap and encoding is not: store the pixels unfiltered and
# uncompressed (still a valid, lossless PNG; 17 ms instead of ~55 ms to encode 1280x720 here).
PNG_PARAMS = [cv2.IMWRITE_PNG_COMPRESSION, 0]
if hasattr(cv2, "IMWRITE_PNG_FILTER"):
    PNG_PARAMS += [cv2.IMWRITE_PNG_FILTER, cv2.IMWRITE_PNG_FILTER_NONE]
EXPOSURE_METHODS = ("histogram", "basic", "manual")


def _encode(image: np.ndarray, fmt: str) -> bytes:
    """RGB uint8 → PNG or BMP bytes."""
    ok, data = cv2.imencode(f".{fmt}", cv2.cvtColor(image, cv2.COLOR_RGB2BGR),
                            PNG_PARAMS if fmt == "png" else [])
    if not ok:
        raise CommandError(f"{fmt.upper()} encoding failed")
    return data.tobytes()


def _npy(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    np.save(out, np.ascontiguousarray(array), allow_pickle=False)
    return out.getvalue()


def vector(values: np.ndarray) -> str:
    """A location, rotation or scale as the plugin prints it (Utils/StrFormatter.h: ``%.3f %.3f %.3f``)."""
    return " ".join(f"{float(v):.3f}" for v in values)


def _atoi(text: str) -> int:
    """``FCString::Atoi``: leading digits (with a sign) or 0."""
    digits = text.strip()
    sign = -1 if digits[:1] == "-" else 1
    digits = digits[1:] if digits[:1] in "+-" else digits
    end = next((i for i, c in enumerate(digits) if not c.isdigit()), len(digits))
    return sign * int(digits[:end]) if end else 0


class PluginCommands:
    """Binds the plugin's command templates onto ``dispatcher``, answering from ``world``.

    ``status`` gives (listening, client connected, port) for ``vget /unrealcv/status``; ``shipping`` makes every
    ``vbp`` fail as a Shipping build does (it has no viewport console)."""

    def __init__(self, dispatcher: Dispatcher, world: EmbeddedWorld, project: str,
                 status: Callable[[], tuple[bool, bool, int]], shipping: bool = False) -> None:
        self.world, self.project, self._status, self.shipping = world, project, status, shipping
        self.dispatcher = dispatcher
        self._bind_plugin()
        self._bind_cameras()
        self._bind_objects()
        self._bind_calls()

    def _bind_plugin(self) -> None:
        b = self.dispatcher.bind
        # Commands/PluginHandler.cpp RegisterCommands; Commands/ActionHandler.cpp RegisterCommands
        b("vget /unrealcv/status", self.status, "Get the status of UnrealCV plugin")
        b("vget /unrealcv/help", self.help, "List all available commands and their help message")
        b("vget /unrealcv/echo [str]", lambda text: text, "[debug] Echo back all message, for debug")
        b("vget /unrealcv/version", lambda: PLUGIN_VERSION, "Get the version of UnrealCV, the format is v0.*.*")
        b("vget /scene/name", lambda: self.project, "Get the name of this scene")
        b("vget /level/name", lambda: "EngineReelEmpty", "Get current level name")
        b("vset /action/game/pause", lambda: self._pause(True), "Pause the game")
        b("vset /action/game/resume", lambda: self._pause(False), "Resume the game")
        b("vget /action/game/is_paused", lambda: "true" if self.world.paused else "false", "Get the pause status")

    def _bind_cameras(self) -> None:
        b, w = self.dispatcher.bind, self.world
        # Commands/CameraHandler.cpp RegisterCommands
        b("vget /cameras", self.camera_list, "List all sensors in the scene")
        b("vset /cameras/spawn", lambda: w.spawn(CAMERA_CLASS).name, "Spawn a new camera actor in the scene")
        b("vget /camera/[uint]/location", lambda c: vector(w.camera(c).location), "Get sensor location")
        b("vset /camera/[uint]/location [float] [float] [float]", self.camera_location, "Set sensor location")
        b("vget /camera/[uint]/rotation", lambda c: vector(w.camera(c).rotation), "Get sensor rotation")
        b("vset /camera/[uint]/rotation [float] [float] [float]",
          lambda c, p, y, r: self._ok(w.set_camera_rotation(c, np.array([float(p), float(y), float(r)]))),
          "Set rotation [pitch, yaw, roll] of camera [id]")
        for mode in ("lit", "depth", "normal", "object_mask", "seg"):
            b(f"vget /camera/[uint]/{mode} [str]", self._capture_of(mode), f"Get {mode} data from the sensor")
        b("vget /camera/[uint]/fov", lambda c: f"{w.camera(c).fov:f}", "Get FOV")
        b("vset /camera/[uint]/fov [float]", lambda c, f: self._ok(setattr(w.camera(c), "fov", float(f))), "Set FOV")
        b("vset /camera/[uint]/size [uint] [uint]", self.camera_size, "Set Camera Film Size")
        b("vget /camera/[uint]/size", lambda c: f"{w.camera(c).width} {w.camera(c).height}", "Get Camera Film Size")
        # The embedded engine has a fixed exposure and no motion blur: these settings are accepted and change nothing.
        b("vset /camera/[uint]/exposure_method [str]", self.exposure_method, "Set camera exposure method")
        b("vset /camera/[uint]/motion_blur [float] [float] [float] [uint]",
          lambda c, *_: self._ok(w.camera(c)), "Set camera motion blur amount, max, per object, fps")

    def _bind_objects(self) -> None:
        b, w = self.dispatcher.bind, self.world
        # Commands/ObjectHandler.cpp RegisterCommands
        b("vget /objects", lambda: "".join(f"{n} " for n in w.objects), "Get the name of all objects")
        b("vset /objects/spawn [str]", lambda cls: w.spawn(cls).name, "Spawn an object with UClassName")
        b("vset /objects/spawn [str] [str]", lambda cls, name: w.spawn(cls, name).name, "Spawn an object, named")
        for attr in ("location", "rotation", "scale"):
            b(f"vget /object/[str]/{attr}", lambda n, a=attr: vector(getattr(w.get(n), a)), f"Get object {attr}")
            b(f"vset /object/[str]/{attr} [float] [float] [float]",
              lambda n, x, y, z, a=attr: self._ok(w.set_transform(n, a, np.array([float(x), float(y), float(z)]))),
              f"Set object {attr}")
        b("vget /object/[str]/color", self.object_colour, "Get the labeling color of an object")
        b("vset /object/[str]/color [uint] [uint] [uint]", self.set_object_colour, "Set the labeling color")
        b("vset /object/[str]/show", lambda n: self._ok(setattr(w.get(n), "visible", True)), "Show object")
        b("vset /object/[str]/hide", lambda n: self._ok(setattr(w.get(n), "visible", False)), "Hide object")
        b("vset /object/[str]/destroy", lambda n: self._ok(w.destroy(n)), "Destroy object")
        b("vget /object/[str]/uclass_name", lambda n: w.get(n).class_name.rsplit(".", 1)[-1], "Get the UClass name")
        b("vset /object/[str]/name [str]", w.rename, "Set the name of the object")

    def _bind_calls(self) -> None:
        b = self.dispatcher.bind
        # Server/CommandDispatcher.cpp binds `vrun [str]` (aliases); Commands/AliasHandler.cpp binds console
        # commands of 2..6 words and vbp with 0..9 arguments.
        b("vrun [str]", lambda name: self._fail(f"Unrecognised alias '{name}'"), "Run an alias for UnrealCV plugin")
        for extra in range(1, 6):
            b("vrun" + " [str]" * (extra + 1), self.console, "Run UE5 built-in commands")
        for extra in range(10):
            b("vbp [str] [str]" + " [str]" * extra, self.blueprint, "Run UE5 blueprint function")

    # --- handlers ---------------------------------------------------------------------------------------

    @staticmethod
    def _ok(_: object = None) -> str:
        return "ok"

    @staticmethod
    def _fail(message: str) -> str:
        raise CommandError(message)

    def status(self) -> str:
        """PluginHandler.cpp GetUnrealCVStatus with ServerConfig.cpp ToString."""
        listening, connected, port = self._status()
        return ("Is Listening\n" if listening else "Not Listening\n") + \
            ("Client Connected\n" if connected else "No Client Connected\n") + f"{port}\nConfiguration\n" + \
            f"Config file: (enginereel serve)\nPort: {port}\nWidth: {CONFIG_SIZE[0]}\nHeight: {CONFIG_SIZE[1]}\n" + \
            f"FOV: {CONFIG_FOV:.1f}\nEnableInput: true\nEnableRightEye: false"

    def help(self) -> str:
        """PluginHandler.cpp GetCommands: each template on one line and its help on the next."""
        return "".join(f"{r.template}\n{r.help}\n" for r in self.dispatcher.routes)

    def _pause(self, paused: bool) -> str:
        self.world.set_paused(paused)
        return "ok"

    def camera_list(self) -> str:
        """CameraHandler.cpp GetCameraList: the sensors' component names, each followed by a space."""
        return "".join(f"{n} " for n in [PAWN_SENSOR, *[CAMERA_SENSOR] * len(self.world.cameras)])

    def camera_location(self, c: str, x: str, y: str, z: str) -> str:
        # CameraHandler.cpp:104-122: camera 0 moves the pawn, the pawn sensor is attached to it.
        self.world.set_camera_location(c, np.array([float(x), float(y), float(z)]))
        return "ok"

    def camera_size(self, c: str, width: str, height: str) -> str:
        # CameraHandler.cpp SetSize: any numbers (Atoi; 0 only warns), a bad size fails later at the capture.
        sensor = self.world.camera(c)
        sensor.width, sensor.height = _atoi(width), _atoi(height)
        return "ok"

    def exposure_method(self, c: str, method: str) -> str:
        self.world.camera(c)
        if method.lower() not in EXPOSURE_METHODS:
            raise CommandError(f"Can not support auto exposure mode {method}, available options are histogram, "
                               "basic and manual")
        return "ok"

    def _capture_of(self, mode: str) -> Callable[[str, str], bytes | str]:
        def capture(c: str, filename: str) -> bytes | str:
            return self.capture(c, "object_mask" if mode == "seg" else mode, filename)

        return capture

    def capture(self, c: str, mode: str, filename: str) -> bytes | str:
        """CameraHandler.cpp GetCameraLit/Depth/Normal/ObjMask and SerializeData: colour captures are png or bmp,
        depth is npy (float32 cm, H x W); anything else is an invalid filename type. A name with an extension
        would be saved on the game's disk by the plugin; this server only sends data back."""
        sensor = self.world.camera(c)
        allowed = ("npy",) if mode == "depth" else ("png", "bmp")
        if filename.lower() not in allowed:
            if "." in filename:
                raise CommandError(f"this server sends captures back and does not write files: ask for "
                                   f"'{' or '.join(allowed)}', not {filename}")
            raise CommandError(f"Invalid filename type, filename {filename}")
        fmt = filename.lower()
        if mode == "lit":
            return _encode(self.world.render(sensor), fmt)
        if mode == "depth":
            return _npy(self.world.render_pass("depth", sensor).astype(np.float32) * np.float32(100.0))
        if mode == "object_mask":
            return _encode(self.world.mask_colours(self.world.render_pass("mask", sensor)), fmt)
        normals = self.world.render_pass("normals", sensor)
        return _encode(np.clip((normals * 0.5 + 0.5) * 255.0 + 0.5, 0, 255).astype(np.uint8), fmt)

    def object_colour(self, name: str) -> str:
        """ObjectHandler.cpp GetAnnotationColor: FColor::ToString. An actor never annotated has no colour (the
        plugin leaves the FColor unset); this server answers zeros."""
        r, g, b = self.world.get(name).label or (0, 0, 0)
        return f"(R={r},G={g},B={b},A={0 if self.world.get(name).label is None else 255})"

    def set_object_colour(self, name: str, r: str, g: str, b: str) -> str:
        """ObjectHandler.cpp SetAnnotationColor: Atoi each, stored as uint8 (so 256 is 0), alpha 255."""
        self.world.get(name).label = (_atoi(r) & 0xFF, _atoi(g) & 0xFF, _atoi(b) & 0xFF)
        return "ok"

    def console(self, *words: str) -> str:
        """AliasHandler.cpp VRun: the console command runs and the reply is ok whatever it did. The embedded
        engine has no console: every command is accepted and changes nothing (it has no motion blur and a fixed
        exposure, which is what the backend's settings ask for)."""
        return "ok"

    def blueprint(self, name: str, function: str, *words: str) -> str:
        """AliasHandler.cpp VExecWithOutput: find the object and function, import the inputs, call only when all
        parsed, reply the outputs as JSON either way."""
        obj = self.world.objects.get(name)
        if obj is None:
            raise CommandError(f"Can not find actor with id '{name}'")
        if self.shipping:
            raise CommandError("No viewport console available")
        spec = next((f for f in _functions_of(obj) if f.name == function), None)
        if spec is None:
            raise CommandError("Argument Invalid")
        outputs: dict[str, object] = dict.fromkeys(spec.outputs, 0)
        values = import_inputs(spec, list(words))
        if values is None:
            print(f"vbp {name} {function}: bad or missing input (inputs: "
                  f"{', '.join(f'{n} {t}' for n, t in spec.inputs)}); not called", file=sys.stderr)
            return reply_json(outputs)
        try:
            outputs.update(self._call(obj, spec, values))
        except (CommandError, EngineError, ValueError, KeyError) as exc:
            print(f"vbp {name} {function}: {exc}", file=sys.stderr)  # the Blueprint ran and left Done at 0
        return reply_json(outputs)

    def _call(self, obj: WorldObject, spec: BlueprintFunction, values: list[Any]) -> dict[str, object]:
        """The Blueprint functions of blueprints.py, applied to the world."""
        w, env, a = self.world, self.world.environment, values
        if spec.name == "Handshake":
            return {"Echo": a[0]}
        calls: dict[str, Callable[[], object]] = {
            "SetSky": lambda: _check_sky(env, a[0], a[1]),
            "SetGround": lambda: _set_ground(env, a[0], a[1], a[2]),
            "SetSun": lambda: w.set_sun(a[0:3], a[3:6], a[6]),
            "SetAmbient": lambda: setattr(env, "ambient", a[0]),
            "SetSeed": lambda: setattr(env, "seed", a[0]),
            "SetShadowBounds": lambda: w.set_bounds(a[0:3], a[3]),
            "SetMaterial": lambda: setattr(obj, "material", {"color": a[0], "finish": a[1], "roughness": a[2],
                                                             "metallic": a[3]}),
            "SetPose": lambda: w.set_pose(obj.name, a[0]),
        }
        calls[spec.name]()
        return {"Done": 1}


def _functions_of(obj: WorldObject) -> tuple[BlueprintFunction, ...]:
    if obj.kind == "director":
        return DIRECTOR
    if obj.kind != "asset" or obj.asset is None:
        return ()
    return CHARACTER if model(obj.asset).articulated else SHAPE


def _check_sky(env: Environment, preset: str, fog: float) -> None:
    if preset not in SKY_PRESETS:
        raise CommandError(f"no sky preset {preset!r}; presets: {', '.join(SKY_PRESETS)}")
    env.sky, env.fog = preset, fog


def _set_ground(env: Environment, material: str, colour: str, visible: bool) -> None:
    if material not in GROUND_MATERIALS:
        raise CommandError(f"no ground material {material!r}; materials: {', '.join(GROUND_MATERIALS)}")
    env.ground_material, env.ground_color, env.ground_visible = material, None if colour == "none" else colour, visible
