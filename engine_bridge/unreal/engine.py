"""The Unreal engine backend: renders timelines in an Unreal Engine 5 game through the UnrealCV 5.2 plugin.

It drives the game kinematically with its own command strings over :class:`Connection` (TCP, or the plugin's
Unix socket on Linux). At open it checks the server, refuses a level with actors of its own (they would render
and be annotated; see :class:`~engine_bridge.unreal.classes.LevelPolicy`), removes what a crashed earlier run
left, spawns a capture camera (``vset /cameras/spawn``: camera 0 is the player pawn, whose captures follow only
when the game ticks, and the game is paused), pauses, spawns the director Blueprint (sky, ground, sun) and one
actor per timeline actor under project-prefixed names (``ER_<id>``), checks each spawn's reply against the name
asked for, shakes hands with every Blueprint it will call (``vbp`` answers OK whether or not it called the
function: see :mod:`engine_bridge.unreal.blueprints`) and annotates everything it spawned with a mask colour.
Per frame it sends one batch of the transforms (and joint poses) that changed and the camera pose, then the
captures, at most :data:`REQUESTS_PER_TICK` requests per batch; at close it destroys what it spawned, shows
what it hid and resumes the game. A broken connection is reopened a bounded number of times (restoring the
scene) before one EngineError that names the host, port and frame.
"""

from __future__ import annotations

import contextlib
import io
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import cv2
import numpy as np

from engine_bridge.engine import Engine, EngineError, EngineInfo
from engine_bridge.unreal.blueprints import CHARACTER, read_reply
from engine_bridge.unreal.blueprints import DIRECTOR as DIRECTOR_FUNCTIONS
from engine_bridge.unreal.classes import is_pawn, load_class_map
from engine_bridge.unreal.connection import Connection, ConnectionLost
from engine_bridge.unreal.coords import CM_PER_M, DECIMALS, numbers, scale_to_unreal, world_to_unreal
from engine_bridge.unreal.pose import pose_argument
from scenes import FrameState, Timeline
from scenes.catalog import model
from scenes.colors import parse_colour
from scenes.environment import GROUND_MATERIALS, SKY_PRESETS
from scenes.materials import FINISHES
from scenes.motion import look_at_hpr
from scenes.script import Material

REQUESTS_PER_TICK = 32  # the plugin runs at most this many queued requests per engine tick (UnrealcvServer.cpp)
PREFIX = "ER_"  # every actor this backend spawns is named so: no clash with the game's objects, leftovers found
DIRECTOR = PREFIX + "Director"
CAMERA = PREFIX + "Camera"
PROBE = (31337.0, -27182.0, 16180.0)  # cm, exact in float32: where the new camera is put to find its sensor id
LIGHT_DECIMALS = 9  # light colours and fog: enough digits that a float32 survives the text round trip
RENDER_SETTINGS = ("vrun r.MotionBlurQuality 0", "vrun r.DefaultFeature.AutoExposure 0")
FUNCTIONS = {f.name: f for f in (*DIRECTOR_FUNCTIONS, *CHARACTER)}

Reply = str | bytes
T = TypeVar("T")


def hex_colour(value: object) -> str:
    """A script colour (name, hex or triple) as ``#rrggbb``, the form the Blueprints take."""
    r, g, b = (round(c * 255) for c in parse_colour(value))  # type: ignore[arg-type]
    return f"#{r:02x}{g:02x}{b:02x}"


def decode_image(data: Reply, what: str) -> np.ndarray:
    """PNG bytes → (H, W, 3) uint8 RGB; EngineError with the server's text when it sent an error instead."""
    if isinstance(data, str):
        raise EngineError(f"{what}: {data.strip()[:200]}")
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    if image is None or image.ndim != 3:
        raise EngineError(f"{what}: the reply is not a colour PNG ({len(data)} bytes)")
    return np.ascontiguousarray(cv2.cvtColor(image, cv2.COLOR_BGRA2RGB if image.shape[2] == 4 else cv2.COLOR_BGR2RGB))


def decode_npy(data: Reply, what: str) -> np.ndarray:
    """NPY bytes → array; EngineError with the server's text when it sent an error instead."""
    if isinstance(data, str):
        raise EngineError(f"{what}: {data.strip()[:200]}")
    try:
        return np.load(io.BytesIO(data), allow_pickle=False)
    except ValueError as exc:
        raise EngineError(f"{what}: the reply is not an NPY array ({exc})") from None


class UnrealEngine(Engine):
    """Renders through UnrealCV at ``host:port`` (or its Unix socket ``socket_path``, by default the plugin's).

    ``timeout`` bounds every exchange (seconds) and ``greeting_timeout`` the wait for a new connection's
    greeting; ``retries`` is how many times a broken connection is reopened for one frame; ``warmup`` captures
    are taken and dropped after every camera cut (temporal anti-aliasing and streaming need a few frames to
    settle); ``class_map`` is a mapping file (None: the shipped default); ``decimals`` is how many decimals
    transforms are written with (4: 1 µm and 1e-4 degree, finer than Unreal resolves; more only matters for
    bit-exact comparisons with the embedded engine).
    """

    def __init__(self, host: str = "localhost", port: int = 9000, class_map: str | Path | None = None,
                 timeout: float = 15.0, retries: int = 2, warmup: int = 2, decimals: int = DECIMALS,
                 greeting_timeout: float = 3.0, socket_path: str | None = None) -> None:
        self.host, self.port = host, int(port)
        self._class_map_path = class_map
        self._retries = int(retries)
        self._warmup = int(warmup)
        self._decimals = int(decimals)
        self._link = Connection(host, port, timeout, min(float(greeting_timeout), float(timeout)), socket_path)
        self._cam = "/camera/1"
        self._timeline: Timeline | None = None
        self._names: list[str] = []
        self._hidden: list[str] = []  # the level's actors hidden for the render, shown again at close
        self._sent: dict[str, str] = {}  # last command sent per property: only changes go on the wire
        self._shot: int | None = None
        self._ready = False
        self._info = EngineInfo("unreal", f"UnrealCV at {host}:{port} (not connected)", "")

    @property
    def info(self) -> EngineInfo:
        """``unreal``, the server it talks to (and how) and the plugin version it reported."""
        return self._info

    def _where(self) -> str:
        return self._link.where

    # --- connection -----------------------------------------------------------------------------------

    def _send(self, commands: Sequence[str]) -> list[Reply]:
        """Send commands in batches of at most REQUESTS_PER_TICK (no retry)."""
        replies: list[Reply] = []
        for start in range(0, len(commands), REQUESTS_PER_TICK):
            replies += self._link.exchange(commands[start:start + REQUESTS_PER_TICK])
        return replies

    def _with_retries(self, action: Callable[[], T], where: str) -> T:
        """Run ``action``; when the connection breaks, reopen it (restoring the scene) up to ``retries`` times."""
        attempt = 0
        while True:
            try:
                if not self._link.connected:
                    try:
                        self._link.open()
                    except EngineError as exc:
                        raise ConnectionLost(f"cannot reconnect ({exc})") from exc
                    if self._ready:
                        self._setup_world()
                return action()
            except ConnectionLost as exc:
                attempt += 1
                if attempt > self._retries:
                    self._link.close()
                    raise EngineError(f"{self._where()}: {exc} at {where}, after {self._retries} reconnects; "
                                      "is the game still running?") from None
                print(f"warning: {self._where()}: {exc} at {where}; reconnecting ({attempt}/{self._retries})",
                      file=sys.stderr)
                self._link.poisoned = True
                time.sleep(0.2 * attempt)

    def request(self, command: str) -> Reply:
        """Send one command and return its reply (text or bytes); for tools and diagnostics."""
        return self._with_retries(lambda: self._send([command])[0], "a request")

    def probe(self) -> str:
        """Connect, read the plugin's status and version and disconnect: one line saying how it went (a check
        that, unlike a raw TCP client, does not use up the plugin's one TCP session on Linux for nothing)."""
        self._link.open()
        try:
            status, version = self._send(["vget /unrealcv/status", "vget /unrealcv/version"])
        finally:
            self._link.close()
        first = str(status).splitlines()[0] if str(status) else ""
        return f"{self._where()} over {self._link.transport}: {self._link.greeting}; {first}; version {version}"

    def _check(self, replies: Sequence[Reply], commands: Sequence[str], where: str) -> None:
        """Every reply must be a success; every ``vbp`` must have been applied (see blueprints.py)."""
        for cmd, reply in zip(commands, replies, strict=False):
            text = reply if isinstance(reply, str) else ""
            if cmd.startswith("vbp "):
                self._check_call(cmd, text, where)
            elif text.startswith("error"):
                raise EngineError(f"{where}: '{cmd[:120]}' failed: {text.strip()[:200]}")

    def _check_call(self, cmd: str, reply: str, where: str) -> None:
        actor, function = cmd.split(" ")[1:3]
        spec = FUNCTIONS.get(function)
        inputs = ", ".join(f"{n} ({t})" for n, t in spec.inputs) if spec else ""
        if reply.startswith("error No viewport console"):
            raise EngineError(f"{where}: 'vbp' is refused: the game is a Shipping build (no console, which the "
                              "plugin's vbp needs); package a Development build")
        if reply.startswith("error Argument Invalid"):
            raise EngineError(f"{where}: {actor} ({self._class_of(actor)}) has no Blueprint function {function}; "
                              f"add it with the inputs {inputs} as docs/unreal.md describes")
        if reply.startswith("error"):
            raise EngineError(f"{where}: '{cmd[:120]}' failed: {reply.strip()[:200]}")
        outputs = read_reply(reply)
        if function == "Handshake":
            nonce = cmd.split(" ")[3]
            if outputs is None or outputs.get("Echo") != nonce:
                raise EngineError(f"{where}: the handshake with {actor} ({self._class_of(actor)}) answered "
                                  f"{reply.strip()[:80]!r}, not Echo {nonce}: its Handshake needs an Int input Nonce "
                                  "and an Int output Echo set to it (docs/unreal.md)")
        elif outputs is None or outputs.get("Done") != "1":
            raise EngineError(f"{where}: '{cmd[:80]}' was not applied (reply {reply.strip()[:60]!r}): "
                              f"{actor}'s {function} needs the inputs {inputs} in this order and an Int output "
                              "Done set to 1 (docs/unreal.md)")

    def _class_of(self, actor: str) -> str:
        if actor == DIRECTOR:
            return self._classes.director
        assert self._timeline is not None
        for a in self._timeline.actors:
            if PREFIX + a.id == actor:
                return self._classes.for_asset(a.asset).class_name
        return "?"

    # --- scene ----------------------------------------------------------------------------------------

    def open(self, timeline: Timeline) -> None:
        """Connect, check the server and the level, and spawn the camera and the world of ``timeline``."""
        self.close()
        self._classes, self._classes_source = load_class_map(self._class_map_path)
        for actor in timeline.actors:
            self._classes.for_asset(actor.asset, self._classes_source)
        self._timeline = timeline
        self._names = [PREFIX + a.id for a in timeline.actors]
        self._link.open()
        try:
            status, version = self._with_retries(
                lambda: self._send(["vget /unrealcv/status", "vget /unrealcv/version"]), "connect")
            if not isinstance(status, str) or status.startswith("error") or "Listening" not in status:
                raise EngineError(f"{self._where()}: 'vget /unrealcv/status' gave {str(status)[:80]!r}, not an "
                                  "UnrealCV status; is this port the UnrealCV plugin's?")
            how = f"over {self._link.socket_path}" if self._link.transport == "unix" else "over TCP"
            self._info = EngineInfo("unreal", f"UnrealCV at {self.host}:{self.port} {how}", str(version).strip())
            self._with_retries(self._setup_world, "scene set-up")
            self._ready = True
        except BaseException:
            self._teardown()
            raise

    def _setup_world(self) -> None:
        """Level check, camera, pause, director and actors; after a reconnect, what the game still has is reused."""
        timeline = self._timeline
        assert timeline is not None
        existing = str(self._send(["vget /objects"])[0]).split()
        if not self._ready:
            existing = self._clear_level(existing)
        self._sent = {}
        self._shot = None
        self._setup_camera(CAMERA in existing)
        setup = ["vset /action/game/pause", *RENDER_SETTINGS]
        self._check(self._send(setup), setup, f"{self._where()}: scene set-up")
        self._spawn([(self._classes.director, DIRECTOR)] if DIRECTOR not in existing else [])
        self._spawn([(self._classes.for_asset(a.asset).class_name, name)
                     for a, name in zip(timeline.actors, self._names, strict=True) if name not in existing])
        calls = [*self._handshakes(), *self._director_calls(timeline), *self._actor_calls(timeline)]
        self._check(self._send(calls), calls, f"{self._where()}: scene set-up")

    def _clear_level(self, existing: list[str]) -> list[str]:
        """Refuse (or hide) the level's own actors, hide the pawn, destroy what an earlier run left (ER_…)."""
        policy = self._classes.level
        foreign = [n for n in existing if not n.startswith(PREFIX) and not policy.is_infrastructure(n)]
        if foreign and policy.foreign == "refuse":
            shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
            raise EngineError(
                f"{self._where()}: the level is not empty: {shown} would render and be annotated into depth and "
                "masks; open an empty level (File > New Level > Empty Level) or set `level: {foreign: hide}` in "
                f"the class mapping ({self._classes_source})")
        self._hidden = [*foreign, *(n for n in existing if is_pawn(n))]
        leftovers = [n for n in existing if n.startswith(PREFIX)]
        commands = [f"vset /object/{n}/hide" for n in self._hidden] + [f"vset /object/{n}/destroy" for n in leftovers]
        self._check(self._send(commands), commands, f"{self._where()}: level set-up")
        return [n for n in existing if n not in leftovers]

    def _setup_camera(self, reuse: bool) -> None:
        """Spawn the capture camera and name it ER_Camera (or reuse it), then find its sensor id: the plugin
        numbers sensors by the order it finds them, so move the camera to a probe point and look for it."""
        where = f"{self._where()}: capture camera"
        if not reuse:
            (spawned,) = self._send(["vset /cameras/spawn"])
            if not isinstance(spawned, str) or spawned.startswith("error") or not spawned.strip():
                raise EngineError(f"{where}: 'vset /cameras/spawn' gave {str(spawned)[:80]!r}; the plugin build may "
                                  "be older than 5.2's camera commands")
            (renamed,) = self._send([f"vset /object/{spawned.strip()}/name {CAMERA}"])
            if str(renamed).startswith("error"):
                self._send([f"vset /object/{spawned.strip()}/destroy"])
                raise EngineError(f"{where}: cannot name the new camera {CAMERA}: {str(renamed).strip()[:120]}")
        probe = [f"vset /object/{CAMERA}/location {numbers(PROBE, 3)}", "vget /cameras"]
        replies = self._send(probe)
        self._check(replies, probe, where)
        count = len(str(replies[1]).split())
        ids = range(count)  # 0 is the pawn's when there is a pawn; without one the new camera may be 0
        locations = self._send([f"vget /camera/{i}/location" for i in ids])
        found = [i for i, text in zip(ids, locations, strict=True) if _near(text, PROBE)]
        if not found:
            raise EngineError(f"{where}: none of the game's {count} camera sensors is at the probe point where "
                              f"{CAMERA} was put; is {CAMERA} a FusionCameraActor?")
        self._cam = f"/camera/{found[-1]}"
        res = self._timeline.script.resolution if self._timeline else None
        assert res is not None
        settings = [f"vset {self._cam}/size {res.width} {res.height}", f"vset {self._cam}/exposure_method manual",
                    f"vset {self._cam}/motion_blur 0 0 0 0"]
        self._check(self._send(settings), settings, where)

    def _spawn(self, wanted: list[tuple[str, str]]) -> None:
        """Spawn ``(class, name)`` pairs and insist each actor got the name asked for."""
        commands = [f"vset /objects/spawn {cls} {name}" for cls, name in wanted]
        for (cls, name), reply in zip(wanted, self._send(commands), strict=True):
            got = reply.strip() if isinstance(reply, str) else ""
            if got == name:
                continue
            if got.startswith("error Can not find a class"):
                raise EngineError(
                    f"{self._where()}: cannot spawn {name}: the game has no loaded class {cls}. Reference the "
                    "Blueprint from the level or GameMode so it loads, and in a packaged game cook it (Project "
                    "Settings > Packaging > Additional Asset Directories to Cook: /Game/EngineReel)")
            if got.startswith("error"):
                raise EngineError(f"{self._where()}: cannot spawn {name} ({cls}): {got[:200]}")
            self._send([f"vset /object/{got}/destroy"])
            raise EngineError(
                f"{self._where()}: spawning {name} ({cls}) gave an actor named {got!r}: the game already has an "
                f"object named {name} (Unreal compares names case-insensitively across all loaded objects); rename "
                "the actor in the script or remove that object")

    def _handshakes(self) -> list[str]:
        """``Handshake`` with a fresh number for the director and every actor that will get a ``vbp`` call."""
        assert self._timeline is not None
        targets = [DIRECTOR, *(name for a, name in zip(self._timeline.actors, self._names, strict=True)
                               if a.material != Material() or model(a.asset).articulated)]
        return [f"vbp {t} Handshake {random.randint(1, 2**30)}" for t in targets]

    def _actor_calls(self, timeline: Timeline) -> list[str]:
        """Materials (only where the script gives one) and mask colours for every actor and the director."""
        out = [f"vset /object/{DIRECTOR}/color {' '.join(map(str, GROUND_COLOUR))}"]
        for i, (actor, name) in enumerate(zip(timeline.actors, self._names, strict=True)):
            if actor.material != Material():
                # The default material means "not given": the asset keeps its own look (a person's clothes, a
                # dog's fur), as the embedded engine draws it; a given one recolours the asset's main slot.
                finish = FINISHES[actor.material.finish]
                rough = actor.material.roughness if actor.material.roughness is not None else finish.roughness
                metal = actor.material.metallic if actor.material.metallic is not None else finish.metallic
                own = model(actor.asset).slots.get(model(actor.asset).main_slot)
                colour = actor.material.colour_or(own.colour if own is not None else (1.0, 1.0, 1.0))
                out.append(f"vbp {name} SetMaterial {hex_colour(colour)} {actor.material.finish} "
                           f"{numbers([rough, metal])}")
            out.append(f"vset /object/{name}/color {' '.join(map(str, mask_colour(i)))}")
        return out

    def _director_calls(self, timeline: Timeline) -> list[str]:
        script = timeline.script
        env = script.environment
        preset = SKY_PRESETS[env.sky]
        fog = env.fog if env.fog is not None else preset.fog_density
        ground = hex_colour(env.ground.color) if env.ground.color is not None else "none"
        sun = timeline.sun
        # A directional light shines away from the sun: aim it along -direction.
        _, light_rot = world_to_unreal((0.0, 0.0, 0.0), look_at_hpr(np.zeros(3), -sun.direction))
        centre, _ = world_to_unreal(timeline.bounds_centre, (0.0, 0.0, 0.0))
        assert env.ground.material in GROUND_MATERIALS
        return [
            f"vbp {DIRECTOR} SetSky {env.sky} {numbers([fog], LIGHT_DECIMALS)}",
            f"vbp {DIRECTOR} SetGround {env.ground.material} {ground} {str(env.ground.visible).lower()}",
            f"vbp {DIRECTOR} SetSun {numbers(light_rot, LIGHT_DECIMALS)} {numbers(sun.radiance, LIGHT_DECIMALS)} "
            f"{str(bool(sun.shadows)).lower()}",
            f"vbp {DIRECTOR} SetAmbient {numbers([script.lights.ambient], LIGHT_DECIMALS)}",
            f"vbp {DIRECTOR} SetSeed {script.seed}",
            f"vbp {DIRECTOR} SetShadowBounds {numbers(centre)} {numbers([timeline.bounds_radius * CM_PER_M])}",
        ]

    # --- per frame ------------------------------------------------------------------------------------

    def _frame_commands(self, state: FrameState) -> list[str]:
        """The transforms, joint poses and camera settings that changed since the last frame sent."""
        assert self._timeline is not None
        out: list[str] = []
        d = self._decimals

        def put(key: str, command: str) -> None:
            if self._sent.get(key) != command:
                self._sent[key] = command
                out.append(command)

        for i, name in enumerate(self._names):
            actor_id, asset = self._timeline.actors[i].id, self._timeline.actors[i].asset
            loc, rot = world_to_unreal(state.positions[i], state.hpr[i])
            factor = np.asarray(self._classes.for_asset(asset).scale)
            put(f"{name}/visible", f"vset /object/{name}/{'show' if state.visible[i] else 'hide'}")
            put(f"{name}/location", f"vset /object/{name}/location {numbers(loc, d)}")
            put(f"{name}/rotation", f"vset /object/{name}/rotation {numbers(rot, d)}")
            put(f"{name}/scale", f"vset /object/{name}/scale {numbers(scale_to_unreal(state.scales[i] * factor), d)}")
            pose = state.poses.get(actor_id)
            if pose is not None:  # people and animals: the joints through the character Blueprint
                put(f"{name}/pose", f"vbp {name} SetPose {pose_argument(model(asset), pose, d)}")
        loc, rot = world_to_unreal(state.camera.position, state.camera.hpr)
        put("camera/location", f"vset {self._cam}/location {numbers(loc, d)}")
        put("camera/rotation", f"vset {self._cam}/rotation {numbers(rot, d)}")
        put("camera/fov", f"vset {self._cam}/fov {numbers([state.camera.fov], d)}")
        return out

    def _capture(self, state: FrameState, captures: Sequence[str]) -> list[Reply]:
        """One frame: the changed transforms and camera, warm-up captures after a cut, then ``captures``."""

        def frame() -> list[Reply]:
            commands = self._frame_commands(state)
            if self._shot != state.camera.shot:
                commands += [f"vget {self._cam}/lit png"] * self._warmup  # dropped: the image settles after a cut
            commands += captures
            replies = self._send(commands)
            self._check(replies[:-len(captures)], commands, f"{self._where()}: frame {state.index}")
            self._shot = state.camera.shot
            return replies[-len(captures):]

        return self._with_retries(frame, f"frame {state.index}")

    def render(self, state: FrameState) -> np.ndarray:
        """Move everything to ``state`` in one batch, capture ``lit png`` and decode it to RGB."""
        if self._timeline is None:
            raise EngineError(f"{self._where()}: render() called before open()")
        (lit,) = self._capture(state, [f"vget {self._cam}/lit png"])
        image = decode_image(lit, f"{self._where()}: frame {state.index}: lit capture")
        res = self._timeline.script.resolution
        if image.shape[:2] != (res.height, res.width):
            raise EngineError(f"{self._where()}: frame {state.index}: capture is {image.shape[1]}x{image.shape[0]}, "
                              f"expected {res.width}x{res.height}")
        return image

    def render_passes(self, state: FrameState, passes: Sequence[str],
                      next_state: FrameState | None = None) -> dict[str, np.ndarray]:
        """``depth`` (metres, from ``depth npy`` in cm) and ``mask`` (ids, from ``object_mask png`` colours);
        ``next_state`` is for flow, which this engine does not draw."""
        if self._timeline is None:
            raise EngineError(f"{self._where()}: render_passes() called before open()")
        unknown = [p for p in passes if p not in ("depth", "mask")]
        if unknown:
            raise EngineError(f"unreal: passes {', '.join(unknown)} are not supported by this engine (depth, mask)")
        commands = {"depth": f"vget {self._cam}/depth npy", "mask": f"vget {self._cam}/object_mask png"}
        replies = self._capture(state, [commands[p] for p in passes])
        out: dict[str, np.ndarray] = {}
        for name, reply in zip(passes, replies, strict=True):
            what = f"{self._where()}: frame {state.index}: {name} capture"
            if name == "depth":
                out[name] = (decode_npy(reply, what).astype(np.float32) / np.float32(CM_PER_M))
            else:
                out[name] = mask_ids(decode_image(reply, what), len(self._names))
        return out

    # --- shutdown -------------------------------------------------------------------------------------

    def _teardown(self) -> None:
        if self._link.connected and self._timeline is not None:
            commands = [f"vset /object/{n}/destroy" for n in [*self._names, DIRECTOR, CAMERA]]
            commands += [f"vset /object/{n}/show" for n in self._hidden]
            commands.append("vset /action/game/resume")
            with contextlib.suppress(ConnectionLost):
                self._send(commands)
        self._link.close()
        self._timeline = None
        self._names = []
        self._hidden = []
        self._ready = False

    def close(self) -> None:
        """Destroy the spawned actors and camera, show what was hidden, resume the game and disconnect; safe to
        call twice."""
        self._teardown()


# Mask colours: every channel is one of 15 levels 16, 32, …, 240, so no channel is under 16 (low channels have
# been reported to read back as 0, unrealcv/unrealcv#184) and a reading off by up to 7 still decodes. Ids count
# up in base 15; the last code, all channels 240, is the director's (its ground), which decodes to 0 like the sky.
MASK_LEVELS = np.arange(16, 241, 16)
GROUND_COLOUR = (240, 240, 240)
MAX_MASK_IDS = len(MASK_LEVELS) ** 3 - 1


def mask_colour(index: int) -> tuple[int, int, int]:
    """The annotation colour of the ``index``-th actor (id ``index + 1``)."""
    ident = index + 1
    if not 1 <= ident < MAX_MASK_IDS:
        raise EngineError(f"unreal: {ident} actors is more than the {MAX_MASK_IDS - 1} mask colours there are")
    n = len(MASK_LEVELS)
    return int(MASK_LEVELS[ident % n]), int(MASK_LEVELS[(ident // n) % n]), int(MASK_LEVELS[ident // (n * n)])


def mask_ids(image: np.ndarray, count: int) -> np.ndarray:
    """Annotation colours → instance ids: each channel to its nearest level (within 7), 0 where a channel is off
    every level, or the colour is the ground's or no actor's."""
    channels = image[..., :3].astype(np.int32)
    level = np.clip(np.rint((channels - 16) / 16.0).astype(np.int32), 0, len(MASK_LEVELS) - 1)
    close = np.all(np.abs(channels - MASK_LEVELS[level]) <= 7, axis=-1)
    n = len(MASK_LEVELS)
    ids = level[..., 0] + n * level[..., 1] + n * n * level[..., 2]
    return np.where(close & (ids >= 1) & (ids <= count), ids, 0).astype(np.int32)


def _near(text: Reply, point: tuple[float, float, float]) -> bool:
    """Whether a ``vget …/location`` reply is ``point`` (to 1 cm)."""
    try:
        values = [float(v) for v in str(text).split()]
    except ValueError:
        return False
    return len(values) == 3 and all(abs(a - b) < 1.0 for a, b in zip(values, point, strict=True))
