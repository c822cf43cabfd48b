"""One connection to an UnrealCV game: TCP, or the plugin's Unix socket when TCP does not greet, with timeouts.

The plugin on Linux (``Server/UnixTcpServer.cpp`` OnClientConnected at the commit docs/unreal.md pins) serves
TCP to its first client only; once that client leaves, it serves ``/tmp/unrealcv_<port>.socket`` and never
accepts TCP again, so a later TCP connection is taken by the kernel and then waits for a greeting that never
comes. A second client while one is connected waits the same way. So a connection here tries TCP, and when no
``connected to …`` greeting arrives within ``greeting_timeout`` seconds (and the game is on this machine) the
Unix socket; the transport that worked is tried first next time.

The stock ``unrealcv.Client`` sends and receives once connected (its framing and reply queue), but the socket
and the greeting are handled here, so each failure has its own line. The client's traps are stepped around:
its request waits 15 s and leaves a late reply queued (so any timeout means a fresh connection), its batch
request waits forever, its reader thread sleeps ~55 s retrying a dead socket, and it prints to stdout. Every
exchange therefore runs under a watchdog, the client's retry loop is off, and its output goes to stderr.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import sys
import threading
import time
import warnings
import weakref
from collections.abc import Iterator, Sequence

import unrealcv

from engine_bridge.engine import EngineError
from engine_bridge.unreal.protocol import FrameReader, ProtocolError

Reply = str | bytes
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "0.0.0.0", "")


class ConnectionLost(Exception):
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
def quiet_client() -> Iterator[None]:
    """The stock client prints status lines to stdout; stdout may carry data (bench JSON), so send them to stderr."""
    with contextlib.redirect_stdout(sys.stderr), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "server may not support command": we check replies
        yield


def default_socket_path(port: int) -> str:
    """The plugin's Unix socket for ``port`` (UnixTcpServer.cpp StartMessageServiceUDS)."""
    return f"/tmp/unrealcv_{port}.socket"


class Connection:
    """A connection to ``host:port`` (and, on this machine, ``socket_path``), bounded by ``timeout`` per exchange."""

    def __init__(self, host: str, port: int, timeout: float, greeting_timeout: float,
                 socket_path: str | None = None) -> None:
        self.host, self.port = host, int(port)
        self.timeout, self.greeting_timeout = float(timeout), float(greeting_timeout)
        local = host in LOCAL_HOSTS or socket_path is not None
        self.socket_path = (socket_path or default_socket_path(self.port)) if local else None
        self.transport = "tcp"
        self.greeting = ""
        self._client: unrealcv.Client | None = None
        self.poisoned = False

    @property
    def where(self) -> str:
        """``unreal host:port``, and the socket when that is what is used."""
        base = f"unreal {self.host}:{self.port}"
        return f"{base} ({self.socket_path})" if self.transport == "unix" else base

    @property
    def connected(self) -> bool:
        """Whether there is a connection that has not failed."""
        return self._client is not None and not self.poisoned

    # --- opening --------------------------------------------------------------------------------------

    def open(self) -> None:
        """Connect over the transport that worked last, else TCP then the Unix socket; one EngineError line
        naming each tried and why it failed."""
        self.close()
        order = ["unix", "tcp"] if self.transport == "unix" else ["tcp", "unix"]
        reasons = []
        for transport in order:
            if transport == "unix" and self.socket_path is None:
                continue
            try:
                sock = self._open_socket(transport)
            except OSError as exc:
                reasons.append(self._describe_failure(transport, exc))
                continue
            self._attach(sock, transport)
            return
        raise EngineError(f"unreal {self.host}:{self.port}: cannot connect to UnrealCV: {'; '.join(reasons)}. "
                          "Start the game with the UnrealCV plugin (or `enginereel serve "
                          f"--port {self.port}`), close any other client, and check --unreal-host/--unreal-port")

    def _open_socket(self, transport: str) -> socket.socket:
        """A connected socket that has sent the greeting (OSError, TimeoutError or ConnectionError otherwise)."""
        if transport == "unix":
            assert self.socket_path is not None
            if not os.path.exists(self.socket_path):
                raise FileNotFoundError(self.socket_path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            endpoint: object = self.socket_path
        else:
            sock = socket.socket(socket.AF_INET6 if ":" in self.host else socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            endpoint = (self.host, self.port)
        try:
            sock.settimeout(self.greeting_timeout)
            sock.connect(endpoint)
            self.greeting = self._read_greeting(sock)
        except BaseException:
            sock.close()
            raise
        return sock

    def _read_greeting(self, sock: socket.socket) -> str:
        reader, deadline = FrameReader(), time.monotonic() + self.greeting_timeout
        while True:
            sock.settimeout(max(deadline - time.monotonic(), 0.001))
            data = sock.recv(65536)
            if not data:
                raise ConnectionError("it closed the connection without a greeting")
            try:
                frames = reader.feed(data)
            except ProtocolError as exc:
                raise ConnectionError(f"it does not speak UnrealCV ({exc})") from None
            if frames:
                text = frames[0].decode("utf-8", errors="replace")
                if not text.startswith("connected"):
                    raise ConnectionError(f"its greeting was {text[:80]!r}, not 'connected to …'")
                return text

    def _describe_failure(self, transport: str, exc: OSError) -> str:
        t = f"{self.greeting_timeout:g} s"
        if transport == "unix":
            if isinstance(exc, FileNotFoundError):
                return f"there is no Unix socket {self.socket_path}"
            if isinstance(exc, TimeoutError):
                return (f"{self.socket_path} sent no greeting within {t} (another client is connected: the plugin "
                        "leaves a second client waiting)")
            if isinstance(exc, ConnectionRefusedError):
                return f"{self.socket_path} is a stale socket file (nothing serves it)"
            return f"{self.socket_path}: {exc.strerror or exc}"
        if isinstance(exc, ConnectionRefusedError):
            return "nothing listens on TCP (connection refused)"
        if isinstance(exc, TimeoutError):
            return (f"TCP gave no 'connected' greeting within {t} (another client is connected, or on Linux the "
                    "plugin's only TCP session was used and it now serves its Unix socket)")
        return f"TCP: {exc.strerror or exc}"

    def _attach(self, sock: socket.socket, transport: str) -> None:
        """Hand the greeted socket to a stock client and start its reader thread."""
        client = unrealcv.Client(self.socket_path if transport == "unix" else (self.host, self.port),
                                 "unix" if transport == "unix" else "inet")
        client.RECONNECT_ATTEMPTS = 0  # its retry loop sleeps ~55 s on a dead socket; we reconnect ourselves
        sock.settimeout(None)  # replies are bounded by the watchdog in exchange() instead
        client.sock = sock
        # Started here rather than by connect(): that would first ask for `vget /unrealcv/commands` with a fixed
        # 15 s timeout, a command the 5.2 plugin does not have.
        client.t = threading.Thread(target=client.receive_loop_queue, daemon=True)
        client.t.start()
        self._client, self.transport, self.poisoned = client, transport, False

    def close(self) -> None:
        """Disconnect (safe when not connected)."""
        client, self._client = self._client, None
        if client is not None:
            with quiet_client(), contextlib.suppress(Exception):
                client.disconnect()

    # --- exchanges ------------------------------------------------------------------------------------

    def exchange(self, commands: Sequence[str]) -> list[Reply]:
        """Send ``commands`` as one batch and wait for every reply, at most ``timeout`` seconds."""
        client = self._client
        if client is None or self.poisoned:
            raise ConnectionLost("not connected")
        expired = threading.Event()

        def expire() -> None:
            # Wake request_batch (it waits without a timeout) with one error per outstanding reply.
            expired.set()
            for _ in commands:
                client.recv_data_q.put(TimeoutError(f"no reply within {self.timeout:g} s"))

        watchdog = threading.Timer(self.timeout, expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            with quiet_client():
                replies = client.request_batch(list(commands))
        except (TimeoutError, ConnectionError, OSError, AssertionError):
            self.poisoned = True
            if expired.is_set():
                raise ConnectionLost(f"no reply within {self.timeout:g} s") from None
            thread = getattr(client, "t", None)
            fault = _THREAD_FAULTS.get(thread) if thread is not None else None
            raise ConnectionLost(_describe(fault)) from None
        finally:
            watchdog.cancel()
        if expired.is_set():
            self.poisoned = True  # a stale timeout error may sit in the client's queue: use a new connection
        if any(r is None for r in replies):
            self.poisoned = True
            raise ConnectionLost("a reply was not an '<id>:<body>' message")
        return replies


def _describe(fault: str | None) -> str:
    if fault and "AssertionError" in fault:
        return f"a reply came out of order ({fault.split(': ', 1)[-1]})"
    return "the connection closed, or a reply was malformed (bad magic or length)"
