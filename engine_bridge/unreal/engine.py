"""The Unreal engine backend: renders timelines in an Unreal Engine 5 game through the UnrealCV plugin.

It drives the game kinematically with the stock ``unrealcv.Client`` and its own command strings: at open it
checks the server, pauses the game, sets the capture size, spawns the director Blueprint (sky, ground, sun) and
one actor per timeline actor (classes from an editable mapping, :mod:`engine_bridge.unreal.classes`); per frame it
sends one batch of the transforms (and, for people and animals, the joint poses) that changed and the camera
pose, then the captures, at most :data:`REQUESTS_PER_TICK` requests per batch; at close it destroys what it
spawned and resumes the game.

The stock client has traps this module steps around: its request waits 15 s and leaves a late reply queued (so
any timeout means a fresh connection), its batch request waits forever, its reader thread sleeps ~55 s retrying
a dead socket, and it prints to stdout. Every exchange therefore runs under a watchdog with a configurable
timeout, the client's retry loop is turned off, and its output goes to stderr; a broken connection is reopened a
bounded number of times before one EngineError that names the host, port and frame.
"""

from __future__ import annotations

import contextlib
import io
import logging
import sys
import threading
import time
import warnings
import weakref
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import cv2
import numpy as np
import unrealcv

from engine_bridge.engine import Engine, EngineError, EngineInfo
from engine_bridge.unreal.classes import load_class_map
from engine_bridge.unreal.coords import CM_PER_M, DECIMALS, numbers, scale_to_unreal, world_to_unreal
from engine_bridge.unreal.pose import pose_argument
from scenes import FrameState, Timeline
from scenes.catalog import model
from scenes.colors import parse_colour
from scenes.environment import GROUND_MATERIALS, SKY_PRESETS
from scenes.materials import FINISHES
from scenes.motion import look_at_hpr
from scenes.script import Material

REQUESTS_PER_TICK = 32  # the plugin runs at most this many queued requests per engine tick
DIRECTOR = "EngineReelDirector"
LIGHT_DECIMALS = 9  # light colours and fog: enough digits that a float32 survives the text round trip
RENDER_SETTINGS = ("vrun r.MotionBlurQuality 0", "vrun r.DefaultFeature.AutoExposure 0")

Reply = str | bytes
T = TypeVar("T")


class _ConnectionLost(Exception):
    """The exchange failed in a way a new connection may fix (timeout, drop, garbage)."""


# The stock client's reader thread ends by raising (ConnectionError, or AssertionError on a reply id it did not
# expect). Keep that out of the user's terminal and hand the reason to the request that failed.
_THREAD_FAULTS: weakref.WeakKeyDictionary[threading.Thread, str] = weakref.WeakKeyDictionary()
_previous_hook = threading.excepthook


def _client_thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.thread is not None and "receive_loop_queue" in args.thread.name:
        _THREAD_FAULTS[args.thread] = f"{args.exc_type.__name__}: {args.exc_value}"
        return
    _previous_hook(args)


threading.excepthook = _client_thread_hook
logging.getLogger(unrealcv.__name__).setLevel(logging.CRITICAL)  # its info/error lines duplicate our one-line errors


@contextlib.contextmanager
def _quiet_client() -> Iterator[None]:
    """The stock client prints status lines to stdout; stdout may carry data (bench JSON), so send them to stderr."""
    with contextlib.redirect_stdout(sys.stderr), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "server may not support command": we check replies
        yield


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
    """Renders through UnrealCV at ``host:port``.

    ``timeout`` bounds every exchange (seconds); ``retries`` is how many times a broken connection is reopened
    for one frame; ``warmup`` captures are taken and dropped after every camera cut (temporal anti-aliasing and
    streaming need a few frames to settle); ``class_map`` is a mapping file (None: the shipped default);
    ``decimals`` is how many decimals transforms are written with (4: 1 µm and 1e-4 degree, finer than Unreal
    resolves; more only matters for bit-exact comparisons with the embedded engine).
    """

    def __init__(self, host: str = "localhost", port: int = 9000, class_map: str | Path | None = None,
                 timeout: float = 15.0, retries: int = 2, warmup: int = 2, camera: int = 0,
                 decimals: int = DECIMALS) -> None:
        self.host, self.port = host, int(port)
        self._class_map_path = class_map
        self._timeout = float(timeout)
        self._retries = int(retries)
        self._warmup = int(warmup)
        self._decimals = int(decimals)
        self._cam = f"/camera/{int(camera)}"
        self._client = None
        self._poisoned = False
        self._timeline: Timeline | None = None
        self._names: list[str] = []
        self._sent: dict[str, str] = {}  # last command sent per property: only changes go on the wire
        self._shot: int | None = None
        self._ready = False
        self._info = EngineInfo("unreal", f"UnrealCV at {host}:{port} (not connected)", "")

    @property
    def info(self) -> EngineInfo:
        """``unreal``, the server it talks to and the plugin version it reported."""
        return self._info

    def _where(self) -> str:
        return f"unreal {self.host}:{self.port}"

    # --- connection -----------------------------------------------------------------------------------

    def _connect(self) -> None:
        import socket

        client = unrealcv.Client((self.host, self.port))
        client.RECONNECT_ATTEMPTS = 0  # its retry loop sleeps ~55 s on a dead socket; we reconnect ourselves
        # The client reads the greeting on a socket without a timeout; bound it with the default for new sockets.
        previous = socket.getdefaulttimeout()
        socket.setdefaulttimeout(self._timeout)
        try:
            with _quiet_client():
                ok = client.connect(timeout=self._timeout, start_receive_thread=False)
        finally:
            socket.setdefaulttimeout(previous)
        if not ok:
            raise EngineError(
                f"{self._where()}: cannot connect to UnrealCV (no server, no 'connected' greeting, or another "
                "client is already connected); start the game with the UnrealCV plugin (or `enginereel serve "
                f"--port {self.port}`) and check --unreal-host/--unreal-port")
        client.sock.settimeout(None)  # replies are bounded by the watchdog in _exchange instead
        # The receive thread is started here rather than in connect(): connect() would first ask for
        # `vget /unrealcv/commands` with a fixed 15 s timeout, which this engine does not need.
        client.t = threading.Thread(target=client.receive_loop_queue, daemon=True)
        client.t.start()
        self._client = client
        self._poisoned = False

    def _disconnect(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            with _quiet_client(), contextlib.suppress(Exception):
                client.disconnect()

    def _exchange(self, commands: Sequence[str]) -> list[Reply]:
        """Send ``commands`` as one batch and wait for every reply, at most ``timeout`` seconds."""
        client = self._client
        if client is None or self._poisoned:
            raise _ConnectionLost("not connected")
        expired = threading.Event()

        def expire() -> None:
            # Wake request_batch (it waits without a timeout) with one error per outstanding reply.
            expired.set()
            for _ in commands:
                client.recv_data_q.put(TimeoutError(f"no reply within {self._timeout:g} s"))

        watchdog = threading.Timer(self._timeout, expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            with _quiet_client():
                replies = client.request_batch(list(commands))
        except (TimeoutError, ConnectionError, OSError, AssertionError) as exc:
            self._poisoned = True
            if expired.is_set():
                raise _ConnectionLost(f"no reply within {self._timeout:g} s") from None
            thread = getattr(client, "t", None)
            fault = _THREAD_FAULTS.get(thread) if thread is not None else None
            raise _ConnectionLost(self._describe(exc, fault)) from None
        finally:
            watchdog.cancel()
        if expired.is_set():
            self._poisoned = True  # a stale timeout error may sit in the client's queue: use a new connection
        if any(r is None for r in replies):
            self._poisoned = True
            raise _ConnectionLost("a reply was not an '<id>:<body>' message")
        return replies

    @staticmethod
    def _describe(exc: BaseException, fault: str | None) -> str:
        if fault and "AssertionError" in fault:
            return f"a reply came out of order ({fault.split(': ', 1)[-1]})"
        return "the connection closed, or a reply was malformed (bad magic or length)"

    def _send(self, commands: Sequence[str]) -> list[Reply]:
        """Send commands in batches of at most REQUESTS_PER_TICK (no retry)."""
        replies: list[Reply] = []
        for start in range(0, len(commands), REQUESTS_PER_TICK):
            replies += self._exchange(commands[start:start + REQUESTS_PER_TICK])
        return replies

    def _with_retries(self, action: Callable[[], T], where: str) -> T:
        """Run ``action``; when the connection breaks, reopen it (restoring the scene) up to ``retries`` times."""
        attempt = 0
        while True:
            try:
                if self._client is None or self._poisoned:
                    self._disconnect()
                    try:
                        self._connect()
                    except EngineError as exc:
                        raise _ConnectionLost("cannot reconnect") from exc
                    if self._ready:
                        self._setup_world()
                return action()
            except _ConnectionLost as exc:
                attempt += 1
                if attempt > self._retries:
                    self._disconnect()
                    raise EngineError(f"{self._where()}: {exc} at {where}, after {self._retries} reconnects; "
                                      "is the game still running?") from None
                print(f"warning: {self._where()}: {exc} at {where}; reconnecting ({attempt}/{self._retries})",
                      file=sys.stderr)
                self._poisoned = True
                time.sleep(0.2 * attempt)

    def request(self, command: str) -> Reply:
        """Send one command and return its reply (text or bytes); for tools and diagnostics."""
        return self._with_retries(lambda: self._send([command])[0], "a request")

    @staticmethod
    def _check(replies: Sequence[Reply], commands: Sequence[str], where: str) -> None:
        for cmd, reply in zip(commands, replies, strict=False):
            if isinstance(reply, str) and reply.startswith("error"):
                raise EngineError(f"{where}: '{cmd}' failed: {reply.strip()[:200]}")

    # --- scene ----------------------------------------------------------------------------------------

    def open(self, timeline: Timeline) -> None:
        """Connect, check the server, pause the game, and spawn the world of ``timeline``."""
        self.close()
        self._classes, self._classes_source = load_class_map(self._class_map_path)
        for actor in timeline.actors:
            self._classes.for_asset(actor.asset, self._classes_source)
        self._timeline = timeline
        self._names = [a.id for a in timeline.actors]
        self._connect()
        try:
            status, version = self._with_retries(
                lambda: self._send(["vget /unrealcv/status", "vget /unrealcv/version"]), "connect")
            if not isinstance(status, str) or status.startswith("error") or "Listening" not in status:
                raise EngineError(f"{self._where()}: 'vget /unrealcv/status' gave {str(status)[:80]!r}, not an "
                                  "UnrealCV status; is this port the UnrealCV plugin's?")
            self._info = EngineInfo("unreal", f"UnrealCV at {self.host}:{self.port}", str(version).strip())
            self._with_retries(self._setup_world, "scene set-up")
            self._ready = True
        except BaseException:
            self._teardown()
            raise

    def _setup_world(self) -> None:
        """Pause, size, director and actors; objects the server already has (after a reconnect) are reused."""
        timeline = self._timeline
        assert timeline is not None
        script = timeline.script
        existing = set(str(self._send(["vget /objects"])[0]).split())
        self._sent = {}
        self._shot = None
        setup = ["vset /action/game/pause", *RENDER_SETTINGS,
                 f"vset {self._cam}/size {script.resolution.width} {script.resolution.height}"]
        if DIRECTOR not in existing:
            setup.append(f"vset /objects/spawn {self._classes.director} {DIRECTOR}")
        setup += self._director_calls(timeline)
        for i, actor in enumerate(timeline.actors):
            if actor.id not in existing:
                setup.append(f"vset /objects/spawn {self._classes.for_asset(actor.asset).class_name} {actor.id}")
            if actor.material != Material():
                # The default material means "not given": the asset keeps its own look (a person's clothes, a
                # dog's fur), as the embedded engine draws it; a given one recolours the asset's main slot.
                finish = FINISHES[actor.material.finish]
                rough = actor.material.roughness if actor.material.roughness is not None else finish.roughness
                metal = actor.material.metallic if actor.material.metallic is not None else finish.metallic
                setup.append(f"vbp {actor.id} SetMaterial {hex_colour(actor.material.color)} {actor.material.finish} "
                             f"{numbers([rough, metal])}")
            r, g, b = mask_colour(i)
            setup.append(f"vset /object/{actor.id}/color {r} {g} {b}")
        self._check(self._send(setup), setup, f"{self._where()}: scene set-up")

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
            asset = self._timeline.actors[i].asset
            loc, rot = world_to_unreal(state.positions[i], state.hpr[i])
            factor = np.asarray(self._classes.for_asset(asset).scale)
            put(f"{name}/visible", f"vset /object/{name}/{'show' if state.visible[i] else 'hide'}")
            put(f"{name}/location", f"vset /object/{name}/location {numbers(loc, d)}")
            put(f"{name}/rotation", f"vset /object/{name}/rotation {numbers(rot, d)}")
            put(f"{name}/scale", f"vset /object/{name}/scale {numbers(scale_to_unreal(state.scales[i] * factor), d)}")
            pose = state.poses.get(name)
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
        if self._client is not None and not self._poisoned and self._timeline is not None:
            commands = [f"vset /object/{n}/destroy" for n in [*self._names, DIRECTOR]]
            commands.append("vset /action/game/resume")
            with contextlib.suppress(_ConnectionLost):
                self._send(commands)
        self._disconnect()
        self._timeline = None
        self._names = []
        self._ready = False

    def close(self) -> None:
        """Destroy the spawned actors, resume the game and disconnect; safe to call twice."""
        self._teardown()


def mask_colour(index: int) -> tuple[int, int, int]:
    """The object-mask colour given to the ``index``-th actor: its id ``index + 1`` in R and G (unique to 65535),
    blue at full so no actor is black, the background's colour."""
    ident = index + 1
    return ident & 0xFF, (ident >> 8) & 0xFF, 255


def mask_ids(image: np.ndarray, count: int) -> np.ndarray:
    """Object-mask colours → instance ids (0 where no actor's colour is)."""
    ids = np.zeros(image.shape[:2], dtype=np.int32)
    for i in range(count):
        ids[np.all(image == np.array(mask_colour(i), dtype=np.uint8), axis=-1)] = i + 1
    return ids
