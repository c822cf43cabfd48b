"""Fixtures for the Unreal bridge tests: a tiny reference timeline, the project's UnrealCV server on a free
loopback port, and a TCP proxy between a client and that server that can stop forwarding (a game that hangs).
For the embedded engine's tests: small scripts compiled into timelines, hand-made frame states, a PandaEngine."""

from __future__ import annotations

import dataclasses
import selectors
import socket
import threading
from collections.abc import Iterator

import numpy as np
import pytest

from engine_bridge.unreal.protocol import FrameReader
from engine_bridge.unreal.server import UnrealCVServer
from pipeline.bench import reference_script
from scenes import FrameState, SceneScript, Timeline, compile_script, loads_script


def small_timeline(width: int = 160, height: int = 90, duration: float = 0.2) -> Timeline:
    """The reference scene, short and tiny."""
    script = reference_script()
    data = script.model_dump(by_alias=True) | {"duration": duration, "resolution": {"width": width, "height": height}}
    return compile_script(SceneScript.model_validate(data))


@pytest.fixture
def timeline() -> Timeline:
    return small_timeline()


@pytest.fixture
def server() -> Iterator[UnrealCVServer]:
    """The server as the plugin behaves on Linux: TCP for the first client, then the Unix socket."""
    srv = UnrealCVServer("127.0.0.1", 0, linux_sockets=True).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def tcp_server() -> Iterator[UnrealCVServer]:
    """The server as the plugin behaves on Windows: every client over TCP (for proxies, which speak TCP)."""
    srv = UnrealCVServer("127.0.0.1", 0, linux_sockets=False).start()
    try:
        yield srv
    finally:
        srv.stop()


class StallingProxy:
    """Forwards loopback TCP between clients and ``upstream``; after ``stall_after`` requests it stops forwarding
    on that connection (the server "stops answering"), or with ``drop=True`` closes it (the connection drops).
    ``stall_connections`` is how many connections misbehave."""

    def __init__(self, upstream: tuple[str, int], stall_after: int, stall_connections: int = 1,
                 drop: bool = False) -> None:
        self.upstream = upstream
        self.drop = drop
        self.stall_after = stall_after
        self.stall_connections = stall_connections
        self.connections = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @property
    def address(self) -> tuple[str, int]:
        return self._listener.getsockname()[:2]

    def _run(self) -> None:
        self._listener.settimeout(0.1)
        while not self._stop.is_set():
            try:
                down, _ = self._listener.accept()
            except TimeoutError:
                continue
            self.connections += 1
            stalls = self.connections <= self.stall_connections
            threading.Thread(target=self._pipe, args=(down, stalls), daemon=True).start()

    def _pipe(self, down: socket.socket, stalls: bool) -> None:
        up = socket.create_connection(self.upstream)
        reader, requests, stalled = FrameReader(), 0, False
        sel = selectors.DefaultSelector()
        sel.register(down, selectors.EVENT_READ, up)
        sel.register(up, selectors.EVENT_READ, down)
        try:
            while not self._stop.is_set():
                for key, _ in sel.select(0.1):
                    data = key.fileobj.recv(1 << 20)
                    if not data:
                        return
                    if key.fileobj is down and not stalled:
                        requests += len(reader.feed(data))
                        stalled = stalls and requests > self.stall_after
                        if stalled and self.drop:
                            return
                    if not stalled:
                        key.data.sendall(data)
        finally:
            sel.close()
            up.close()
            down.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._listener.close()


class ScriptedServer:
    """A loopback server that speaks the frame format but answers from ``answer(command) -> bytes`` (the full
    reply payload, so a test can send a huge image, a wrong id or bytes that are not a frame at all)."""

    def __init__(self, answer) -> None:
        self.answer = answer
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @property
    def address(self) -> tuple[str, int]:
        return self._listener.getsockname()[:2]

    def _run(self) -> None:
        from engine_bridge.unreal.protocol import encode_frame, parse_message

        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            sock.settimeout(0.1)
            sock.sendall(encode_frame(b"connected to scripted"))
            reader = FrameReader()
            try:
                while not self._stop.is_set():
                    try:
                        data = sock.recv(1 << 20)
                    except TimeoutError:
                        continue
                    if not data:
                        break
                    for payload in reader.feed(data):
                        message_id, command = parse_message(payload)
                        sock.sendall(self.answer(message_id, command.decode()))
            except OSError:
                pass
            finally:
                sock.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._listener.close()


def plain_answer(message_id: int, command: str, lit: bytes = b"") -> bytes:
    """What a well-behaved server replies to the Unreal backend's set-up commands (frames included)."""
    from engine_bridge.unreal.protocol import encode_frame, encode_message

    words = command.split(" ")
    if command == "vget /unrealcv/status":
        body: bytes = b"Is Listening\nClient Connected\n9000\nConfiguration\n"
    elif command == "vget /unrealcv/version":
        body = b"1.0.1"
    elif command == "vget /objects":
        body = b"WorldSettings PlayerController_0 "
    elif command == "vset /cameras/spawn":
        body = b"FusionCameraActor_0"
    elif command == "vget /cameras":
        body = b"PawnSensor FusionCameraSensor "
    elif command == "vget /camera/1/location":
        body = b"31337.000 -27182.000 16180.000"
    elif command.startswith("vset /objects/spawn"):
        body = words[-1].encode()
    elif command.startswith("vbp"):
        body = b'{"Echo": "%s"}' % words[3].encode() if words[2] == "Handshake" else b'{"Done": "1"}'
    elif "/lit png" in command:
        body = lit
    else:
        body = b"ok"
    return encode_frame(encode_message(message_id, body))


def timeline_from(yaml_text: str) -> Timeline:
    """Compile a scene script given as YAML text."""
    return compile_script(loads_script(yaml_text, "<test>"))


def with_camera(state: FrameState, position: tuple[float, float, float] | None = None,
                hpr: tuple[float, float, float] | None = None, fov: float | None = None) -> FrameState:
    """A copy of ``state`` with the camera moved (the world is unchanged)."""
    cam = state.camera
    new_cam = dataclasses.replace(
        cam,
        position=np.asarray(position if position is not None else cam.position, dtype=np.float64),
        hpr=np.asarray(hpr if hpr is not None else cam.hpr, dtype=np.float64),
        fov=float(fov if fov is not None else cam.fov),
    )
    return dataclasses.replace(state, camera=new_cam)


@pytest.fixture
def panda():
    """A PandaEngine (EGL), closed after the test."""
    from engine_bridge.panda.engine import PandaEngine

    engine = PandaEngine(msaa=0, shadow_size=512)
    yield engine
    engine.close()
