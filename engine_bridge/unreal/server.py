"""An UnrealCV-compatible TCP server backed by the embedded engine (``enginereel serve``).

It speaks the UnrealCV wire protocol (see :mod:`engine_bridge.unreal.protocol`): greets a client with
``connected to <project>``, serves one client at a time (a second one gets a one-line rejection and is closed,
never left waiting), and answers the command subset the Unreal backend uses — cameras, objects, the director's
``vbp`` calls, status, pause/resume and ``vbatch`` — drawing captures with the embedded Panda3D engine. Unknown
commands answer ``error …`` as the real plugin does. Everything, the engine included, runs on the thread that
calls :meth:`UnrealCVServer.serve_forever`, so the GL context is only ever used from one thread.
"""

from __future__ import annotations

import contextlib
import io
import re
import selectors
import socket
import sys
import threading
from collections.abc import Callable

import cv2
import numpy as np

from engine_bridge.engine import Engine, EngineError
from engine_bridge.unreal.classes import ClassMap, load_class_map
from engine_bridge.unreal.coords import numbers
from engine_bridge.unreal.protocol import FrameReader, ProtocolError, encode_frame, encode_message, parse_message
from engine_bridge.unreal.world import EmbeddedWorld
from scenes.catalog import model

PLUGIN_VERSION = "v1.1.0-enginereel"
_F = r"([-+]?\d*\.?\d+)"  # UnrealCV's float: no exponents
_S = r"(\S+)"
# Captures travel over loopback, where bytes are cheap and encoding is not: store the pixels unfiltered and
# uncompressed (still a valid, lossless PNG; 17 ms instead of ~55 ms to encode 1280x720 here).
PNG_PARAMS = [cv2.IMWRITE_PNG_COMPRESSION, 0]
if hasattr(cv2, "IMWRITE_PNG_FILTER"):
    PNG_PARAMS += [cv2.IMWRITE_PNG_FILTER, cv2.IMWRITE_PNG_FILTER_NONE]

Handler = Callable[..., bytes | str]


def _png(image: np.ndarray) -> bytes:
    """RGB(A) or grey uint8 → PNG bytes."""
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    ok, data = cv2.imencode(".png", image, PNG_PARAMS)
    if not ok:
        raise EngineError("PNG encoding failed")
    return data.tobytes()


def _npy(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    np.save(out, np.ascontiguousarray(array), allow_pickle=False)
    return out.getvalue()


class UnrealCVServer:
    """Serves the UnrealCV protocol on ``host:port`` (port 0 picks a free one; see :attr:`address`)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 9000, project: str = "enginereel",
                 engine_factory: Callable[[], Engine] | None = None, class_map: ClassMap | None = None) -> None:
        if engine_factory is None:
            from engine_bridge.panda.engine import PandaEngine

            engine_factory = PandaEngine
        self.project = project
        self.world = EmbeddedWorld(class_map or load_class_map()[0], engine_factory)
        try:
            self._listener = socket.create_server((host, port))
        except OSError as exc:
            raise EngineError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); pick another --port") from None
        self._listener.setblocking(False)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._client: socket.socket | None = None
        self._client_name = ""
        self.requests_served = 0
        self._routes: list[tuple[re.Pattern[str], Handler, str]] = []
        self._bind_commands()

    @property
    def address(self) -> tuple[str, int]:
        """The (host, port) actually listened on."""
        host, port = self._listener.getsockname()[:2]
        return host, port

    # --- commands -------------------------------------------------------------------------------------

    def _route(self, template: str, handler: Handler, help_text: str) -> None:
        pattern = re.escape(template).replace(re.escape("[float]"), _F).replace(re.escape("[str]"), _S)
        pattern = pattern.replace(re.escape("[uint]"), r"(\d+)").replace(re.escape("[rest]"), "(.+)")
        pattern = pattern.replace(r"\ ", " +")
        self._routes.append((re.compile("^" + pattern + " *$"), handler, template + "\n" + help_text))

    def _bind_commands(self) -> None:
        w = self.world
        r = self._route
        r("vget /unrealcv/status", self._status, "Status of the server")
        r("vget /unrealcv/version", lambda: PLUGIN_VERSION, "Version of the UnrealCV protocol implementation")
        r("vget /unrealcv/help", lambda: "\n".join(h for _, _, h in self._routes), "Commands and their help")
        r("vget /unrealcv/commands", lambda: "\n".join(h.split("\n")[0] for _, _, h in self._routes),
          "Command templates, one a line")
        r("vget /scene/name", lambda: self.project, "Name of the scene")
        r("vset /action/game/pause", lambda: self._pause(True), "Pause the game")
        r("vset /action/game/resume", lambda: self._pause(False), "Resume the game")
        r("vget /cameras", lambda: "0", "Camera ids")
        r("vget /camera/[uint]/location", lambda c: numbers(self._cam(c).location), "Camera location x y z (cm)")
        r("vget /camera/[uint]/rotation", lambda c: numbers(self._cam(c).rotation), "Camera rotation pitch yaw roll")
        r("vget /camera/[uint]/fov", lambda c: numbers([self._cam(c).fov]), "Horizontal field of view (deg)")
        r("vget /camera/[uint]/size", lambda c: f"{self._cam(c).width} {self._cam(c).height}", "Capture size")
        r("vset /camera/[uint]/location [float] [float] [float]", self._cam_location, "Set camera location (cm)")
        r("vset /camera/[uint]/rotation [float] [float] [float]", self._cam_rotation, "Set pitch yaw roll (deg)")
        r("vset /camera/[uint]/fov [float]", self._cam_fov, "Set the horizontal field of view (deg)")
        r("vset /camera/[uint]/size [uint] [uint]", self._cam_size, "Set the capture size in pixels")
        r("vget /camera/[uint]/[str] [str]", self._capture, "Capture lit|depth|object_mask|normal as png|npy")
        r("vget /objects", lambda: " ".join(w.objects), "Names of all objects")
        r("vset /objects/spawn [str] [str]", self._spawn, "Spawn an object of a class with a name")
        r("vget /object/[str]/location", lambda n: numbers(w.get(n).location), "Object location (cm)")
        r("vget /object/[str]/rotation", lambda n: numbers(w.get(n).rotation), "Object rotation pitch yaw roll")
        r("vget /object/[str]/scale", lambda n: numbers(w.get(n).scale), "Object scale")
        r("vget /object/[str]/color", lambda n: " ".join(str(v) for v in w.get(n).label), "Object mask colour")
        r("vset /object/[str]/location [float] [float] [float]", self._obj_vec("location"), "Set location (cm)")
        r("vset /object/[str]/rotation [float] [float] [float]", self._obj_vec("rotation"), "Set pitch yaw roll")
        r("vset /object/[str]/scale [float] [float] [float]", self._obj_vec("scale"), "Set scale")
        r("vset /object/[str]/color [uint] [uint] [uint]", self._obj_label, "Set the object mask colour")
        r("vset /object/[str]/show", lambda n: self._obj_visible(n, True), "Show an object")
        r("vset /object/[str]/hide", lambda n: self._obj_visible(n, False), "Hide an object")
        r("vset /object/[str]/destroy", self._obj_destroy, "Destroy an object")
        r("vbp [str] [str]", self._blueprint, "Call a Blueprint function of an object (no arguments)")
        r("vbp [str] [str] [rest]", self._blueprint, "Call a Blueprint function of an object with arguments")
        r("vrun [rest]", self._console, "Run a console command (rendering settings the embedded engine has fixed)")
        r("vbatch [rest]", self._batch, "Run text commands separated by ';'; replies one a line")

    def execute(self, command: str) -> bytes:
        """Run one command and return the reply body (text as UTF-8, or PNG/NPY bytes)."""
        command = command.strip()
        for pattern, handler, _ in self._routes:
            match = pattern.match(command)
            if match:
                try:
                    reply = handler(*match.groups())
                except EngineError as exc:
                    reply = f"error {exc}"
                except (ValueError, KeyError) as exc:
                    reply = f"error Argument Invalid: {exc}"
                except Exception as exc:  # one bad command must not take the server down
                    print(f"command {command!r} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
                    reply = f"error {type(exc).__name__}: {exc}"
                return reply.encode() if isinstance(reply, str) else reply
        return f"error Can not find a handler for URI '{command}'".encode()

    def _status(self) -> str:
        connected = "Client Connected" if self._client is not None else "No Client Connected"
        return (f"Is Listening\n{connected}\n{self.address[1]}\nConfiguration\n"
                f"Project={self.project}\nEngine=embedded\nPaused={self.world.paused}\n")

    def _pause(self, paused: bool) -> str:
        # The embedded world never advances on its own: poses come only from commands, paused or not.
        self.world.paused = paused
        return "ok"

    def _cam(self, cam_id: str):  # -> CameraSettings
        if cam_id != "0":
            raise EngineError(f"Camera {cam_id} can not be found; this server has camera 0")
        return self.world.camera

    def _cam_location(self, c: str, x: str, y: str, z: str) -> str:
        self._cam(c).location = np.array([float(x), float(y), float(z)])
        return "ok"

    def _cam_rotation(self, c: str, p: str, y: str, r: str) -> str:
        self._cam(c).rotation = np.array([float(p), float(y), float(r)])
        return "ok"

    def _cam_fov(self, c: str, fov: str) -> str:
        value = float(fov)
        if not 1.0 < value < 170.0:
            raise EngineError(f"fov {fov} is outside 1..170 degrees")
        self._cam(c).fov = value
        return "ok"

    def _cam_size(self, c: str, width: str, height: str) -> str:
        w, h = int(width), int(height)
        if not (16 <= w <= 7680 and 16 <= h <= 4320 and w % 2 == 0 and h % 2 == 0):
            raise EngineError(f"size {w}x{h}: width and height must be even, 16..7680 x 16..4320")
        cam = self._cam(c)
        cam.width, cam.height = w, h
        return "ok"

    def _capture(self, c: str, mode: str, fmt: str) -> bytes | str:
        self._cam(c)
        if fmt not in ("png", "npy"):
            return (f"error the embedded engine returns captures as data only: ask for "
                    f"'vget /camera/{c}/{mode} png' or '... npy', not a file name")
        if mode == "lit":
            image = self.world.render()
            return _png(image) if fmt == "png" else _npy(image)
        if mode == "depth":
            depth = self.world.render_pass("depth").astype(np.float32) * np.float32(100.0)  # Unreal: cm
            if fmt == "png":
                return "error depth is float data: ask for 'depth npy'"
            return _npy(depth)
        if mode == "object_mask":
            colours = self.world.mask_colours(self.world.render_pass("mask"))
            return _png(colours) if fmt == "png" else _npy(colours)
        if mode == "normal":
            normals = self.world.render_pass("normals")
            if fmt == "npy":
                return _npy(normals.astype(np.float32))
            return _png(np.clip((normals * 0.5 + 0.5) * 255.0 + 0.5, 0, 255).astype(np.uint8))
        return f"error unknown view mode {mode}; use lit, depth, object_mask or normal"

    def _spawn(self, class_name: str, name: str) -> str:
        return self.world.spawn(class_name, name).name

    def _obj_vec(self, attr: str) -> Handler:
        def setter(name: str, a: str, b: str, c: str) -> str:
            setattr(self.world.get(name), attr, np.array([float(a), float(b), float(c)]))
            return "ok"

        return setter

    def _obj_label(self, name: str, r: str, g: str, b: str) -> str:
        rgb = tuple(int(v) for v in (r, g, b))
        if max(rgb) > 255:
            raise EngineError("colour components must be 0..255")
        self.world.get(name).label = rgb  # type: ignore[assignment]
        return "ok"

    def _obj_visible(self, name: str, visible: bool) -> str:
        self.world.get(name).visible = visible
        return "ok"

    def _obj_destroy(self, name: str) -> str:
        self.world.destroy(name)
        return "ok"

    def _blueprint(self, name: str, function: str, args: str = "") -> str:
        """The functions of the director, shape and character Blueprints that docs/unreal.md specifies."""
        obj = self.world.get(name)
        a = args.split()
        env = self.world.environment
        director = {
            "SetSky": (2, lambda: setattr_many(env, sky=a[0], fog=float(a[1]))),
            "SetGround": (3, lambda: setattr_many(env, ground_material=a[0], ground_visible=_bool(a[2]),
                                                  ground_color=None if a[1] == "none" else a[1])),
            "SetSun": (7, lambda: self.world.set_sun([float(v) for v in a[0:3]], [float(v) for v in a[3:6]],
                                                     _bool(a[6]))),
            "SetAmbient": (1, lambda: setattr_many(env, ambient=float(a[0]))),
            "SetSeed": (1, lambda: setattr_many(env, seed=int(a[0]))),
            "SetShadowBounds": (4, lambda: self.world.set_bounds([float(v) for v in a[0:3]], float(a[3]))),
        }
        shape = {
            "SetMaterial": (4, lambda: setattr_many(obj, material={
                "color": a[0], "finish": a[1], "roughness": float(a[2]), "metallic": float(a[3])})),
        }
        if obj.asset is not None and model(obj.asset).articulated:  # the character Blueprints
            shape["SetPose"] = (1, lambda: self.world.set_pose(name, a[0]))
        functions = director if obj.asset is None else shape
        if function not in functions:
            return f"error {name} has no Blueprint function {function}; it has {', '.join(functions)}"
        count, call = functions[function]
        if len(a) != count:
            return f"error {function} takes {count} arguments, got {len(a)}"
        call()
        return "ok"

    def _console(self, command: str) -> str:
        # Settings the embedded engine already has (no motion blur, fixed exposure) are accepted as no-ops.
        key = command.split()[0] if command.split() else ""
        if key.lower() in {"r.motionblurquality", "r.defaultfeature.autoexposure", "r.defaultfeature.motionblur",
                           "r.eyeadaptationquality", "t.maxfps"}:
            return "ok"
        return f"error console command {key!r} is not available in the embedded engine"

    def _batch(self, commands: str) -> str:
        replies = []
        for cmd in commands.split(";"):
            body = self.execute(cmd)
            try:
                replies.append(body.decode())
            except UnicodeDecodeError:
                replies.append("error vbatch carries text replies only; send captures as their own requests")
        return "\n".join(replies)

    # --- sockets --------------------------------------------------------------------------------------

    def start(self) -> UnrealCVServer:
        """Serve on a background thread (for tests and the benchmark); returns self."""
        self._thread = threading.Thread(target=self.serve_forever, name="unrealcv-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close every socket and release the engine (waits for the serving thread)."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=10)

    def __enter__(self) -> UnrealCVServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def serve_forever(self) -> None:
        """Accept clients one at a time and answer their requests until :meth:`stop`."""
        selector = selectors.DefaultSelector()
        selector.register(self._listener, selectors.EVENT_READ, "listen")
        reader = FrameReader()
        try:
            while not self._stop.is_set():
                for key, _ in selector.select(timeout=0.1):
                    if key.data == "listen":
                        self._accept(selector)
                        reader = FrameReader()
                    elif not self._serve_client(reader):
                        selector.unregister(self._client)
                        self._drop_client()
        finally:
            if self._client is not None:
                self._drop_client()
            selector.close()
            self._listener.close()
            self.world.close()

    def _accept(self, selector: selectors.BaseSelector) -> None:
        try:
            sock, peer = self._listener.accept()
        except BlockingIOError:
            return
        sock.setblocking(True)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if self._client is not None and not self._client_alive():
            selector.unregister(self._client)
            self._drop_client()  # it hung up and we had not noticed yet: make room for the newcomer
        if self._client is not None:
            # One client at a time, like the plugin; say so instead of leaving the newcomer waiting.
            with contextlib.suppress(OSError):
                sock.sendall(encode_frame(f"error: {self.project} already has a client ({self._client_name}); "
                                          "only one client at a time".encode()))
            sock.close()
            print(f"rejected a second client from {peer[0]}:{peer[1]}", file=sys.stderr)
            return
        self._client, self._client_name = sock, f"{peer[0]}:{peer[1]}"
        sock.sendall(encode_frame(f"connected to {self.project}".encode()))
        selector.register(sock, selectors.EVENT_READ, "client")

    def _serve_client(self, reader: FrameReader) -> bool:
        """Read what arrived and answer every whole request; False when the client is gone or broke the protocol."""
        assert self._client is not None
        try:
            data = self._client.recv(1 << 20)
        except OSError:
            return False
        if not data:
            return False
        try:
            for payload in reader.feed(data):
                message_id, command = parse_message(payload)
                body = self.execute(command.decode("utf-8", errors="replace"))
                self._client.sendall(encode_frame(encode_message(message_id, body)))
                self.requests_served += 1
        except ProtocolError as exc:
            # The stream cannot be resynchronised after a bad frame: tell the client why, then hang up.
            print(f"client {self._client_name}: {exc}; closing the connection", file=sys.stderr)
            with contextlib.suppress(OSError):
                self._client.sendall(encode_frame(f"error malformed message: {exc}".encode()))
            return False
        except OSError:
            return False
        return True

    def _client_alive(self) -> bool:
        assert self._client is not None
        try:
            return self._client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
        except BlockingIOError:
            return True
        except OSError:
            return False

    def _drop_client(self) -> None:
        assert self._client is not None
        with contextlib.suppress(OSError):
            self._client.shutdown(socket.SHUT_RDWR)
        self._client.close()
        self._client = None
        self._client_name = ""


def setattr_many(target: object, **values: object) -> None:
    """Set several attributes of one object (keeps the Blueprint table above one line per function)."""
    for name, value in values.items():
        setattr(target, name, value)


def _bool(text: str) -> bool:
    if text.lower() in ("true", "1"):
        return True
    if text.lower() in ("false", "0"):
        return False
    raise ValueError(f"{text!r} is not true or false")
