"""The UnrealCV wire protocol: framing, and the project's server under awkward clients (split reads, malformed
frames, a second client), talked to with raw sockets and with the stock ``unrealcv`` client's own helpers."""

from __future__ import annotations

import io
import math
import socket
import struct
import time
import warnings

import cv2
import numpy as np
import pytest
import unrealcv

from engine_bridge.unreal.protocol import (
    MAGIC,
    FrameReader,
    ProtocolError,
    encode_frame,
    encode_message,
    parse_message,
)
from engine_bridge.unreal.server import UnrealCVServer


def recv_frame(sock: socket.socket, reader: FrameReader | None = None) -> bytes:
    """The next whole frame on ``sock`` (frames that arrive together wait in the reader for the next call)."""
    reader = reader or FrameReader()
    pending: list[bytes] = reader.__dict__.setdefault("_test_pending", [])
    sock.settimeout(10)
    while not pending:
        data = sock.recv(65536)
        assert data, "server closed the connection"
        pending += reader.feed(data)
    return pending.pop(0)


def raw_client(server: UnrealCVServer) -> socket.socket:
    sock = socket.create_connection(server.address, timeout=10)
    assert recv_frame(sock) == b"connected to enginereel"
    return sock


def test_frames_survive_any_split() -> None:
    payloads = [b"0:vget /unrealcv/status", b"1:" + bytes(range(256)) * 100, b"2:ok"]
    stream = b"".join(encode_frame(p) for p in payloads)
    assert stream[:4] == struct.pack("<I", MAGIC)
    for step in (1, 3, 7, 4096):
        reader, out = FrameReader(), []
        for i in range(0, len(stream), step):
            out += reader.feed(stream[i:i + step])
        assert out == payloads and reader.pending == 0
    assert parse_message(encode_message(42, "vget /objects")) == (42, b"vget /objects")


def test_malformed_frames_are_refused() -> None:
    with pytest.raises(ProtocolError, match="bad magic"):
        FrameReader().feed(b"GET / HTTP/1.1\r\n\r\n")
    with pytest.raises(ProtocolError, match="length"):
        FrameReader(max_payload=100).feed(struct.pack("<II", MAGIC, 101))
    with pytest.raises(ProtocolError, match="id"):
        parse_message(b"no id here")


def test_request_split_across_tcp_reads(server: UnrealCVServer) -> None:
    sock = raw_client(server)
    wire = encode_frame(b"7:vget /unrealcv/version") + encode_frame(b"8:vget /objects")
    for i in range(len(wire)):  # one byte per segment: the server must reassemble frames
        sock.send(wire[i:i + 1])
        time.sleep(0.0005)
    reader = FrameReader()
    assert recv_frame(sock, reader).startswith(b"7:v")
    assert recv_frame(sock, reader) == b"8:"
    sock.close()


def test_unknown_command_and_bad_arguments_answer_errors(server: UnrealCVServer) -> None:
    sock = raw_client(server)
    sock.sendall(encode_frame(b"1:vget /no/such/thing") + encode_frame(b"2:vset /camera/0/fov 1e5")
                 + encode_frame(b"3:vset /object/ghost/location 1 2 3"))
    reader = FrameReader()
    assert recv_frame(sock, reader) == b"1:error Can not find a handler for URI 'vget /no/such/thing'"
    assert recv_frame(sock, reader).startswith(b"2:error Can not find a handler")  # exponents are not floats
    assert recv_frame(sock, reader) == b"3:error Can not find object ghost"
    sock.close()


def test_malformed_frame_closes_only_that_client(server: UnrealCVServer) -> None:
    sock = raw_client(server)
    sock.sendall(b"\x00\x01\x02\x03garbage!")
    assert b"malformed" in recv_frame(sock)
    sock.settimeout(5)
    assert sock.recv(10) == b""  # then closed
    sock.close()
    again = raw_client(server)  # and the server goes on serving
    again.sendall(encode_frame(b"0:vget /unrealcv/status"))
    assert b"Is Listening" in recv_frame(again)
    again.close()


def test_second_client_is_rejected_clearly(server: UnrealCVServer) -> None:
    first = raw_client(server)
    second = socket.create_connection(server.address, timeout=5)
    message = recv_frame(second)
    assert message.startswith(b"error") and b"only one client" in message
    assert second.recv(10) == b""
    second.close()
    stock = unrealcv.Client(server.address)
    assert stock.connect(timeout=2, start_receive_thread=False) is False  # the stock client says no, at once
    first.sendall(encode_frame(b"5:vget /unrealcv/status"))
    assert b"Client Connected" in recv_frame(first)  # the first client is unaffected
    first.close()


def test_stock_client_helpers(server: UnrealCVServer) -> None:
    client = unrealcv.Client(server.address)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert client.connect()
        assert client._command_capabilities_available  # our `vget /unrealcv/commands` satisfies its check
        assert "Is Listening" in client.request("vget /unrealcv/status", timeout=10)
        replies = client.request_batch([
            "vset /camera/0/size 1280 720",
            "vset /objects/spawn sphere ball",
            "vset /object/ball/location 0.0000 0.0000 0.0000",
            "vset /camera/0/location -500.0000 0.0000 100.0000",
            "vget /camera/0/location",
            "vget /objects",
        ])
        assert replies == ["ok", "ball", "ok", "ok", "-500.0000 0.0000 100.0000", "ball"]
        client.request("vget /camera/0/lit png", timeout=30)  # warm-up: the first frame has no shadow map yet
        png = client.request("vget /camera/0/lit png", timeout=30)
    assert len(png) > 2_000_000  # the server stores pixels uncompressed: a multi-megabyte reply, in one piece
    assert not [w for w in caught if "may not support" in str(w.message)]
    assert isinstance(png, bytes) and png[:8] == b"\x89PNG\r\n\x1a\n"
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    assert image.shape == (720, 1280, 3) and image.std() > 5  # a real picture, not a blank
    raw = client.request("vget /camera/0/lit npy", timeout=30)  # 2.7 MB in one reply
    array = np.load(io.BytesIO(raw))
    assert array.shape == (720, 1280, 3) and len(raw) > 2_000_000
    assert np.array_equal(array, cv2.cvtColor(image, cv2.COLOR_BGR2RGB))  # PNG is lossless
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the client's template check treats [rest] as one word: a false alarm
        batch = client.request("vbatch vget /objects;vget /camera/0/fov;vget /nothing", timeout=10)
    lines = batch.split("\n")
    assert lines[:2] == ["ball", "90.0000"] and lines[2].startswith("error Can not find a handler")
    client.disconnect()


def test_director_and_object_commands(server: UnrealCVServer) -> None:
    run = server.execute  # no capture here, so calling it beside the serving thread touches no GL state
    director = "/Game/EngineReel/BP_EngineReelDirector.BP_EngineReelDirector_C"
    assert run(f"vset /objects/spawn {director} Dir") == b"Dir"
    assert run("vset /objects/spawn /Game/EngineReel/Shapes/BP_ER_Box.BP_ER_Box_C crate") == b"crate"
    assert run("vset /objects/spawn spaceship crate2").startswith(b"error can not find class spaceship")
    assert run("vset /objects/spawn box crate").startswith(b"error an object named crate already exists")
    assert run("vbp Dir SetSky sunset 0.010000000") == b"ok"
    assert run("vbp Dir SetGround checker #336699 false") == b"ok"
    assert run("vbp Dir SetSun -30.0000 90.0000 0.0000 1.5 1.0 0.5 true") == b"ok"
    env = server.world.environment
    assert (env.sky, env.fog, env.ground_material, env.ground_color, env.ground_visible) == (
        "sunset", 0.01, "checker", "#336699", False)
    # The light points down at 30 degrees towards Unreal +Y (world +X): the sun is up and towards world -X.
    assert env.sun is not None and np.allclose(env.sun.direction, [-math.sqrt(3) / 2, 0.0, 0.5])
    assert run("vbp Dir SetSky sunset").startswith(b"error SetSky takes 2 arguments")
    assert run("vbp crate SetSky day 0.1").startswith(b"error crate has no Blueprint function SetSky")
    assert run("vbp crate SetMaterial #ff0000 metal 0.3000 1.0000") == b"ok"
    assert server.world.objects["crate"].material["finish"] == "metal"
    assert run("vset /object/crate/scale 2.0000 1.0000 0.5000") == b"ok"
    assert run("vget /object/crate/scale") == b"2.0000 1.0000 0.5000"
    assert run("vset /object/crate/color 1 2 3") == b"ok" and run("vget /object/crate/color") == b"1 2 3"
    assert run("vrun r.MotionBlurQuality 0") == b"ok" and run("vrun stat fps").startswith(b"error")
    assert run("vset /object/crate/destroy") == b"ok" and run("vget /objects") == b"Dir"
    assert run("vget /camera/1/location").startswith(b"error Camera 1")
    assert run("vset /camera/0/size 15 10").startswith(b"error size 15x10")
