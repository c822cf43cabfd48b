"""The UnrealCV wire protocol and the project's server's sockets, which behave as the 5.2 plugin's
(``Server/UnixTcpServer.cpp`` and ``Server/UnrealcvServer.cpp`` at the commit docs/unreal.md pins): framing, split
reads, malformed frames, a second client that waits, TCP once then the Unix socket on Linux, ``vbatch N``, and a
client that stops reading (dropped by the write timeout: our deliberate addition), talked to with raw sockets and
with the stock ``unrealcv`` client's own helpers. What each command answers is test_unreal_conformance.py's."""

from __future__ import annotations

import contextlib
import io
import os
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


def raw_client(server: UnrealCVServer, unix: bool = False) -> socket.socket:
    """A greeted client over TCP, or over the server's Unix socket."""
    if unix:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(10)
        sock.connect(server.socket_path)
    else:
        sock = socket.create_connection(server.address, timeout=10)
    assert recv_frame(sock) == b"connected to enginereel"
    return sock


def greets_within(sock: socket.socket, seconds: float) -> bool:
    """Whether a greeting arrives on ``sock`` within ``seconds`` (the plugin leaves a waiting client silent)."""
    sock.settimeout(seconds)
    try:
        return bool(sock.recv(64))
    except TimeoutError:
        return False


def wait_for(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


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
    wire = encode_frame(b"7:vget /unrealcv/version") + encode_frame(b"8:vget /level/name")
    for i in range(len(wire)):  # one byte per segment: the server must reassemble frames
        sock.send(wire[i:i + 1])
        time.sleep(0.0005)
    reader = FrameReader()
    assert recv_frame(sock, reader) == b"7:1.0.1-enginereel"
    assert recv_frame(sock, reader) == b"8:EngineReelEmpty"
    sock.close()


def test_malformed_frame_closes_only_that_client(tcp_server: UnrealCVServer) -> None:
    sock = raw_client(tcp_server)
    sock.sendall(b"\x00\x01\x02\x03garbage!")
    assert b"malformed" in recv_frame(sock)  # the plugin closes without a word: we say why (docs/unreal.md)
    sock.settimeout(5)
    assert sock.recv(10) == b""  # then closed
    sock.close()
    again = raw_client(tcp_server)  # and the server goes on serving
    # A message without an '<id>:' is dropped without a reply (UnrealcvServer.cpp:280-283); the next is answered.
    again.sendall(encode_frame(b"no id here") + encode_frame(b"0:vget /unrealcv/status"))
    assert b"Is Listening" in recv_frame(again)
    again.close()


def test_second_client_waits_until_the_first_leaves(tcp_server: UnrealCVServer) -> None:
    # UnixTcpServer.cpp:395-402: the listener thread serves the first client until it leaves; with a backlog of
    # one (:418) a second connection is queued, not refused, and greeted only then (as on Windows and macOS).
    first = raw_client(tcp_server)
    second = socket.create_connection(tcp_server.address, timeout=5)
    assert not greets_within(second, 0.5)
    first.sendall(encode_frame(b"5:vget /unrealcv/status"))
    assert b"Client Connected" in recv_frame(first)  # the first client is unaffected
    first.close()
    second.settimeout(5)
    assert recv_frame(second) == b"connected to enginereel"
    second.close()


def test_linux_serves_tcp_once_then_the_unix_socket(server: UnrealCVServer) -> None:
    # UnixTcpServer.cpp:395-402: after the first TCP client, the listener thread runs StartMessageServiceUDS for
    # good (:272-346): /tmp/unrealcv_<port>.socket (:275), backlog 1 (:298), one client at a time (:308-338).
    with contextlib.suppress(FileNotFoundError):  # a stale file of an earlier run that was given this port
        os.unlink(server.socket_path)
    assert not os.path.exists(server.socket_path)
    first = raw_client(server)
    first.close()
    assert wait_for(lambda: os.path.exists(server.socket_path))
    late_tcp = socket.create_connection(server.address, timeout=5)
    assert not greets_within(late_tcp, 0.5)  # connected by the kernel, never greeted
    unix = raw_client(server, unix=True)
    unix.sendall(encode_frame(b"1:vget /unrealcv/status"))
    assert b"Client Connected" in recv_frame(unix)
    waiting = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    waiting.connect(server.socket_path)
    assert not greets_within(waiting, 0.5)  # a second Unix client waits too
    unix.close()
    waiting.settimeout(5)
    assert recv_frame(waiting) == b"connected to enginereel"
    for sock in (waiting, late_tcp):
        sock.close()


def test_vbatch_runs_the_next_n_requests_together(server: UnrealCVServer) -> None:
    # UnrealcvServer.cpp:225-239: `vbatch N` is answered ok at once and the next N requests are held (:247-251)
    # and run together when the last arrives (:253-260); a word that is not a number is 0 (Atoi): no batch.
    sock = raw_client(server)
    reader = FrameReader()
    sock.sendall(encode_frame(b"1:vbatch 2") + encode_frame(b"2:vget /unrealcv/echo a"))
    assert recv_frame(sock, reader) == b"1:ok"
    sock.settimeout(0.3)
    with pytest.raises(TimeoutError):
        sock.recv(64)  # the first of the two is held
    sock.sendall(encode_frame(b"3:vget /unrealcv/echo b") + encode_frame(b"4:vbatch x")
                 + encode_frame(b"5:vget /unrealcv/echo c"))
    assert [recv_frame(sock, reader) for _ in range(4)] == [b"2:a", b"3:b", b"4:ok", b"5:c"]
    sock.close()


def test_client_that_stops_reading_is_dropped(capfd: pytest.CaptureFixture[str]) -> None:
    # Our deliberate difference (the plugin's send gives up after 100 failed tries, UnixTcpServer.cpp:39-53, but a
    # blocked send holds its game thread): replies queue up to max_queued, then the client is no longer read;
    # once nothing could be written for write_timeout seconds it is dropped and the next client is served.
    with UnrealCVServer("127.0.0.1", 0, linux_sockets=False, write_timeout=1.0, max_queued=1 << 20).start() as srv:
        hog = raw_client(srv)
        hog.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        request = encode_frame(b"0:vget /unrealcv/help")
        t0 = time.monotonic()
        hog.sendall(request * 3000)  # ~7 kB of reply each: ~20 MB, far more than the socket buffers hold
        assert wait_for(lambda: "dropped: it read nothing for 1 s" in capfd.readouterr().err, 10)
        assert time.monotonic() - t0 < 8 and srv.requests_served < 3000  # it stopped reading before the end
        after = raw_client(srv)
        after.sendall(encode_frame(b"1:vget /unrealcv/status"))
        assert b"Is Listening" in recv_frame(after)
        after.close()
        hog.close()


def test_stock_client_helpers(server: UnrealCVServer) -> None:
    client = unrealcv.Client(server.address)
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        assert client.connect()
        # The 5.2 plugin has no `vget /unrealcv/commands`, so the stock client finds no command list (as with it).
        assert not client._command_capabilities_available
        assert "Is Listening" in client.request("vget /unrealcv/status", timeout=10)
        replies = client.request_batch([
            "vset /cameras/spawn",
            "vset /camera/1/size 1280 720",
            "vset /objects/spawn sphere ball",
            "vset /object/ball/location 0.0000 0.0000 0.0000",
            "vset /camera/1/location -500.0000 0.0000 100.0000",
            "vget /camera/1/location",
            "vset /object/ball/color 32 16 16",
        ])
        assert replies == ["FusionCameraActor_0", "ok", "ball", "ok", "ok", "-500.000 0.000 100.000", "ok"]
        client.request("vget /camera/1/lit png", timeout=30)  # warm-up: the first frame has no shadow map yet
        png = client.request("vget /camera/1/lit png", timeout=30)
        assert len(png) > 2_000_000  # the server stores pixels uncompressed: a multi-megabyte reply, in one piece
        assert isinstance(png, bytes) and png[:8] == b"\x89PNG\r\n\x1a\n"
        image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
        assert image.shape == (720, 1280, 3) and image.std() > 5  # a real picture, not a blank
        depth = client.request("vget /camera/1/depth npy", timeout=30)
        array = np.load(io.BytesIO(depth))
        assert array.shape == (720, 1280) and array.dtype == np.float32 and len(depth) > 3_000_000
        assert np.isfinite(array).any() and array[np.isfinite(array)].min() > 100.0  # cm: the ball is 5 m away
    client.disconnect()


def test_stalled_capture_reader_is_dropped(capfd: pytest.CaptureFixture[str]) -> None:
    # Issue 17 item 14: 60 `lit png` requests and a client that never reads. Replies queue up to max_queued; then
    # the server stops reading (so it renders only a few), and drops the client after write_timeout.
    with UnrealCVServer("127.0.0.1", 0, linux_sockets=False, write_timeout=1.0, max_queued=2 << 20).start() as srv:
        hog = raw_client(srv)
        hog.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        hog.sendall(encode_frame(b"0:vset /camera/0/size 640 480")
                    + b"".join(encode_frame(b"%d:vget /camera/0/lit png" % i) for i in range(1, 61)))
        assert wait_for(lambda: "dropped: it read nothing for 1 s" in capfd.readouterr().err, 20)
        assert srv.requests_served < 30  # ~0.9 MB a capture: it stopped well before rendering all 60
        after = raw_client(srv)
        after.sendall(encode_frame(b"1:vget /unrealcv/version"))
        assert recv_frame(after) == b"1:1.0.1-enginereel"
        after.close()
        hog.close()


def test_long_arguments_are_parsed_in_linear_time(server: UnrealCVServer) -> None:
    # Issue 17 item 13: a 32 000-digit fov took 13.9 s with a backtracking regex. Words are checked by linear
    # scans now, and commands and words have length bounds (the plugin has none).
    t0 = time.perf_counter()
    assert server.execute("vset /camera/0/fov " + "1" * 32_000 + "x").startswith(b"error No handler found")
    assert server.execute("vset /camera/0/fov " + "1" * 32_000).startswith(b"ok")
    assert server.execute("vget /object/" + "a/" * 30_000 + "x/location") == b"error Cannot find object"
    assert time.perf_counter() - t0 < 0.5
    assert server.execute("vget /unrealcv/echo " + "1" * 70_000).startswith(b"error a word of the command is longer")
    huge = server.execute("vbp x y " + "a " * 600_000)
    assert huge.startswith(b"error the command is 1200008 characters; this server takes at most 1048576")
    assert time.perf_counter() - t0 < 1.5
