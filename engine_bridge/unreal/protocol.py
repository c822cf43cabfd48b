"""The UnrealCV wire protocol: length-prefixed frames carrying ``"<id>:<body>"`` messages.

Each frame is a little-endian ``uint32`` magic (0x9E2B83C1), a ``uint32`` payload length and the payload.
A request payload is ``b"<id>:<command>"``; the reply to it is ``b"<id>:<body>"`` where the body is text
(``ok``, ``error …``, values) or raw PNG/NPY bytes. This module only frames and parses bytes; sockets stay with
the client and the server.
"""

from __future__ import annotations

import re
import struct

MAGIC = 0x9E2B83C1
HEADER = struct.Struct("<II")
MAX_PAYLOAD = 256 * 1024 * 1024  # far above any capture (a 4K float32 depth map is 33 MB); stops garbage lengths

_REQUEST = re.compile(rb"^(\d{1,18}):(.*)$", re.DOTALL)


class ProtocolError(ValueError):
    """Bytes that are not an UnrealCV frame or message (bad magic, absurd length, missing id)."""


def encode_frame(payload: bytes) -> bytes:
    """One frame on the wire for ``payload``."""
    return HEADER.pack(MAGIC, len(payload)) + payload


class FrameReader:
    """Turns a byte stream, fed in pieces of any size (TCP reads split anywhere), into whole payloads."""

    def __init__(self, max_payload: int = MAX_PAYLOAD) -> None:
        self._buffer = bytearray()
        self._max = max_payload

    def feed(self, data: bytes) -> list[bytes]:
        """Add received bytes; returns the payloads completed by them (possibly none). Raises ProtocolError."""
        self._buffer += data
        out: list[bytes] = []
        while len(self._buffer) >= HEADER.size:
            magic, size = HEADER.unpack_from(self._buffer)
            if magic != MAGIC:
                raise ProtocolError(f"bad magic 0x{magic:08X} (expected 0x{MAGIC:08X}): not an UnrealCV client")
            if size == 0 or size > self._max:
                raise ProtocolError(f"frame length {size} is outside 1..{self._max}")
            end = HEADER.size + size
            if len(self._buffer) < end:
                break
            out.append(bytes(self._buffer[HEADER.size:end]))
            del self._buffer[:end]
        return out

    @property
    def pending(self) -> int:
        """Bytes received but not yet part of a whole frame."""
        return len(self._buffer)


def parse_message(payload: bytes) -> tuple[int, bytes]:
    """``b"12:vget /objects"`` → ``(12, b"vget /objects")``. Raises ProtocolError without an id."""
    match = _REQUEST.match(payload)
    if match is None:
        raise ProtocolError(f"message without an '<id>:' prefix: {payload[:40]!r}")
    return int(match.group(1)), match.group(2)


def encode_message(message_id: int, body: bytes | str) -> bytes:
    """The payload ``b"<id>:<body>"``."""
    data = body.encode() if isinstance(body, str) else body
    return b"%d:%s" % (message_id, data)
