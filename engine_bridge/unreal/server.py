"""An UnrealCV server backed by the embedded engine (``enginereel serve``) that behaves like the 5.2 plugin.

Sockets as in the plugin's ``Server/UnixTcpServer.cpp`` (at the commit docs/unreal.md pins): it greets a client
with ``connected to <project>`` and serves one client at a time; a second client is not refused but left waiting
(the listener does not accept while a client is served). On Linux (``linux_sockets``) the first TCP client is
also the last: once it leaves, the plugin's listener thread moves on to a Unix socket
``/tmp/unrealcv_<port>.socket`` and never accepts TCP again; later TCP clients connect and wait for a greeting
that never comes. With ``linux_sockets=False`` every client is served over TCP, as on Windows and macOS.

Where this server is stricter than the plugin, on purpose: a client that stops reading its replies is dropped
once nothing could be written to it for ``write_timeout`` seconds, and it is not read from while more than
``max_queued`` bytes of replies wait for it (the plugin retries a stalled send a hundred times and moves on);
a malformed frame gets one ``error malformed message`` reply before the connection is closed.

Commands are matched and answered as the plugin does (:mod:`engine_bridge.unreal.dispatch`,
:mod:`engine_bridge.unreal.commands`); ``vbatch N`` holds the next N requests and runs them together, as
``Server/UnrealcvServer.cpp`` ProcessPendingRequest does. Everything, the engine included, runs on the thread
that calls :meth:`UnrealCVServer.serve_forever`, so the GL context is only ever used from one thread.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from engine_bridge.engine import Engine, EngineError
from engine_bridge.unreal.classes import ClassMap, load_class_map
from engine_bridge.unreal.commands import PluginCommands, _atoi
from engine_bridge.unreal.dispatch import Dispatcher
from engine_bridge.unreal.protocol import FrameReader, ProtocolError, encode_frame, encode_message, parse_message
from engine_bridge.unreal.world import EmbeddedWorld

LINUX = sys.platform.startswith("linux")
WRITE_TIMEOUT = 10.0  # seconds without any progress writing to a client before it is dropped
MAX_QUEUED = 64 * 1024 * 1024  # bytes of replies waiting for a client before the server stops reading its requests


def unix_socket_path(port: int) -> str:
    """Where the plugin serves after its TCP phase (UnixTcpServer.cpp StartMessageServiceUDS)."""
    return f"/tmp/unrealcv_{port}.socket"


@dataclass
class _Client:
    """One connected client: its socket, what it sent but is not a whole frame yet, and replies not yet sent."""

    sock: socket.socket
    name: str
    over_tcp: bool
    reader: FrameReader = field(default_factory=FrameReader)
    outbox: deque[memoryview] = field(default_factory=deque)
    queued: int = 0
    last_progress: float = field(default_factory=time.monotonic)
    batch_left: int = 0
    batch: list[tuple[int, str]] = field(default_factory=list)
    pending: deque[bytes] = field(default_factory=deque)  # whole requests read but not run yet

    def queue(self, payload: bytes) -> None:
        frame = encode_frame(payload)
        if not self.outbox:
            self.last_progress = time.monotonic()  # the write timeout counts from when there is something to write
        self.outbox.append(memoryview(frame))
        self.queued += len(frame)


class UnrealCVServer:
    """Serves the UnrealCV protocol on ``host:port`` (port 0 picks a free one; see :attr:`address`)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 9000, project: str = "enginereel",
                 engine_factory: Callable[[], Engine] | None = None, class_map: ClassMap | None = None,
                 linux_sockets: bool = LINUX, shipping: bool = False, write_timeout: float = WRITE_TIMEOUT,
                 max_queued: int = MAX_QUEUED) -> None:
        if engine_factory is None:
            from engine_bridge.panda.engine import PandaEngine

            engine_factory = PandaEngine
        self.project = project
        self.world = EmbeddedWorld(class_map or load_class_map()[0], engine_factory)
        try:
            # Backlog 1, as the plugin's listener: a waiting client is queued by the kernel, not refused.
            self._tcp = socket.create_server((host, port), backlog=1)
        except OSError as exc:
            raise EngineError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); pick another --port") from None
        self._tcp.setblocking(False)
        self._linux_sockets = linux_sockets
        self._unix: socket.socket | None = None
        self._tcp_used = False
        self._write_timeout, self._max_queued = float(write_timeout), int(max_queued)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._client: _Client | None = None
        self.requests_served = 0
        self.dispatcher = Dispatcher()
        self.commands = PluginCommands(self.dispatcher, self.world, project, self._status, shipping)

    @property
    def address(self) -> tuple[str, int]:
        """The (host, port) actually listened on."""
        host, port = self._tcp.getsockname()[:2]
        return host, port

    @property
    def socket_path(self) -> str:
        """The Unix socket served after the first TCP client (Linux behaviour), whether or not it exists yet."""
        return unix_socket_path(self.address[1])

    def execute(self, command: str) -> bytes:
        """Run one command and return the reply body (text as UTF-8, or PNG/NPY bytes)."""
        try:
            return self.dispatcher.run(command)
        except Exception as exc:  # one bad command must not take the server down
            print(f"command {command[:200]!r} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return f"error {type(exc).__name__}: {exc}".encode()

    def _status(self) -> tuple[bool, bool, int]:
        return True, self._client is not None, self.address[1]

    # --- lifetime -------------------------------------------------------------------------------------

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
        try:
            while not self._stop.is_set():
                self._step()
        finally:
            if self._client is not None:
                self._drop_client("the server stops")
            self._tcp.close()
            if self._unix is not None:
                self._unix.close()
                with contextlib.suppress(OSError):
                    os.unlink(self.socket_path)
            self.world.close()

    def _listener(self) -> socket.socket | None:
        """The socket new clients are accepted from now: TCP, or after the TCP phase on Linux the Unix socket."""
        if self._linux_sockets and self._tcp_used:
            return self._unix
        return self._tcp

    def _step(self) -> None:
        """One turn of the loop: accept, read and answer, write, drop a client that stopped reading."""
        client = self._client
        readable: list[socket.socket] = []
        if client is None:
            listener = self._listener()
            readable = [listener] if listener is not None else []
        elif client.queued <= self._max_queued:
            if client.pending:
                self._drain(client)
            readable = [client.sock] if client.queued <= self._max_queued else []
        writable = [client.sock] if client is not None and client.outbox else []
        ready_read, ready_write, _ = select.select(readable, writable, [], 0.1)
        if client is None:
            if ready_read:
                self._accept(ready_read[0])
            return
        if ready_write and not self._write(client):
            return
        if ready_read and not self._read(client):
            return
        if client.outbox and time.monotonic() - client.last_progress > self._write_timeout:
            self._drop_client(f"it read nothing for {self._write_timeout:g} s ({client.queued} bytes of replies "
                              "waiting)")

    def _accept(self, listener: socket.socket) -> None:
        try:
            sock, peer = listener.accept()
        except (BlockingIOError, InterruptedError):
            return
        sock.setblocking(False)
        over_tcp = listener is self._tcp
        if over_tcp:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            name = f"{peer[0]}:{peer[1]}"
        else:
            name = self.socket_path
        self._client = _Client(sock, name, over_tcp)
        self._client.queue(f"connected to {self.project}".encode())

    def _read(self, client: _Client) -> bool:
        """Read what arrived and answer every whole request; False when the client was dropped."""
        try:
            data = client.sock.recv(1 << 20)
        except (BlockingIOError, InterruptedError):
            return True
        except OSError:
            data = b""
        if not data:
            self._drop_client("it hung up")
            return False
        try:
            payloads = client.reader.feed(data)
        except ProtocolError as exc:
            # The stream cannot be resynchronised after a bad frame: tell the client why, then hang up.
            print(f"client {client.name}: {exc}; closing the connection", file=sys.stderr)
            with contextlib.suppress(OSError):
                client.sock.setblocking(True)
                client.sock.settimeout(1.0)
                client.sock.sendall(encode_frame(f"error malformed message: {exc}".encode()))
            self._drop_client("it broke the protocol")
            return False
        client.pending.extend(payloads)
        self._drain(client)
        return True

    def _drain(self, client: _Client) -> None:
        """Run the requests read so far while the replies waiting for the client stay under ``max_queued``."""
        while client.pending and client.queued <= self._max_queued:
            self._request(client, client.pending.popleft())

    def _request(self, client: _Client, payload: bytes) -> None:
        """One request: ``vbatch N`` and the N after it as UnrealcvServer.cpp ProcessPendingRequest, else run."""
        try:
            message_id, raw = parse_message(payload)
        except ProtocolError as exc:
            # UnrealcvServer.cpp HandleRawMessage logs a message without an id and drops it, without a reply.
            print(f"client {client.name}: {exc}; ignored, as the plugin does", file=sys.stderr)
            return
        command = raw.decode("utf-8", errors="replace")
        if command.startswith("vbatch"):
            client.batch_left = max(_atoi(command.replace("vbatch", "")), 0)
            client.batch = []
            client.queue(encode_message(message_id, b"ok"))
            return
        if client.batch_left > 0:
            client.batch.append((message_id, command))
            client.batch_left -= 1
            if client.batch_left > 0:
                return
            held, client.batch = client.batch, []
        else:
            held = [(message_id, command)]
        for held_id, held_command in held:
            client.queue(encode_message(held_id, self.execute(held_command)))
            self.requests_served += 1

    def _write(self, client: _Client) -> bool:
        """Send what the socket takes now; False when the client was dropped."""
        while client.outbox:
            chunk = client.outbox[0]
            try:
                sent = client.sock.send(chunk)
            except (BlockingIOError, InterruptedError):
                return True
            except OSError:
                self._drop_client("the connection broke")
                return False
            client.last_progress = time.monotonic()
            client.queued -= sent
            if sent == len(chunk):
                client.outbox.popleft()
            else:
                client.outbox[0] = chunk[sent:]
                return True
        return True

    def _drop_client(self, why: str) -> None:
        client, self._client = self._client, None
        assert client is not None
        if why not in ("it hung up", "the server stops"):
            print(f"client {client.name}: dropped: {why}", file=sys.stderr)
        with contextlib.suppress(OSError):
            client.sock.shutdown(socket.SHUT_RDWR)
        client.sock.close()
        if client.over_tcp and self._linux_sockets and not self._tcp_used:
            self._tcp_used = True
            self._open_unix_socket()

    def _open_unix_socket(self) -> None:
        """After the TCP phase, as the plugin on Linux: one Unix socket, backlog 1, a stale file replaced."""
        path = self.socket_path
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            unix.bind(path)
            unix.listen(1)
        except OSError as exc:
            unix.close()
            print(f"cannot serve the Unix socket {path} ({exc.strerror or exc}); no more clients", file=sys.stderr)
            return
        unix.setblocking(False)
        self._unix = unix
