"""Fixtures for pipeline tests: tiny synthetic clips, tiny scripts on disk, and a real OpenAI-compatible HTTP
server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pipeline.bench import reference_script
from pipeline.encode import Encoder, EncodeSettings
from scenes import SceneScript, save_script

W, H = 96, 64


def moving_frames(n: int, width: int = W, height: int = H, seed: int = 0) -> list[np.ndarray]:
    """A textured pattern drifting right by one pixel per frame (smooth, so codecs keep it well)."""
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 256, (height // 8 + 2, (width + n) // 8 + 2, 3)).astype(np.uint8)
    big = np.kron(base, np.ones((8, 8, 1), dtype=np.uint8))
    return [np.ascontiguousarray(big[:height, k:k + width]) for k in range(n)]


def write_clip(path: Path, frames: list[np.ndarray], fps: float = 10,
               settings: EncodeSettings = EncodeSettings(crf=0, preset="ultrafast")) -> Path:
    """Encode frames to ``path``."""
    h, w = frames[0].shape[:2]
    with Encoder(path, w, h, fps, settings) as enc:
        for f in frames:
            enc.write(f)
    return path


@pytest.fixture
def clip_frames() -> list[np.ndarray]:
    """Twelve 96x64 frames of a drifting texture."""
    return moving_frames(12)


def completion(content: str | None, *, refusal: str | None = None, finish_reason: str = "stop",
               model: str = "test-model") -> dict[str, Any]:
    """A chat-completion body as an OpenAI-compatible server sends it."""
    return {
        "id": "chatcmpl-test", "object": "chat.completion", "created": 1_700_000_000, "model": model,
        "choices": [{"index": 0, "finish_reason": finish_reason,
                     "message": {"role": "assistant", "content": content, "refusal": refusal}}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150},
    }


@dataclass
class Step:
    """One scripted answer: an HTTP status with a JSON body and headers, or a hang of ``hang_s`` seconds."""

    body: dict[str, Any] | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    hang_s: float = 0.0
    drip_s: float = 0.0  # send the body one byte per this many seconds (a server that never quite stalls)


@dataclass
class ChatServer:
    """The server's script of answers (used in order; the last repeats) and the requests it received."""

    url: str
    steps: list[Step] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def next_step(self) -> Step:
        return self.steps.pop(0) if len(self.steps) > 1 else self.steps[0]


@pytest.fixture
def chat_server() -> Iterator[ChatServer]:
    """A real HTTP server speaking the chat-completions protocol, answering from ``server.steps``."""
    state: dict[str, ChatServer] = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output quiet
            pass

        def do_POST(self) -> None:
            server = state["server"]
            length = int(self.headers.get("content-length", 0))
            payload = json.loads(self.rfile.read(length) or b"{}")
            server.requests.append({"path": self.path, "body": payload, "headers": dict(self.headers)})
            step = server.next_step()
            if step.hang_s:
                server.stop.wait(step.hang_s)  # a server that never answers in time
                return
            data = json.dumps(step.body or {}).encode()
            self.send_response(step.status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            for k, v in step.headers.items():
                self.send_header(k, v)
            self.end_headers()
            if step.drip_s:
                for i in range(len(data)):
                    if server.stop.wait(step.drip_s):
                        return
                    try:
                        self.wfile.write(data[i:i + 1])
                        self.wfile.flush()
                    except OSError:  # the client hung up, as it should
                        return
            self.wfile.write(data)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    server = ChatServer(url=f"http://127.0.0.1:{httpd.server_address[1]}/v1")
    state["server"] = server
    try:
        yield server
    finally:
        server.stop.set()
        httpd.shutdown()
        httpd.server_close()


REPO = Path(__file__).resolve().parents[2]


def tiny_script(duration: float = 1.0, seed: int = 0, resolution: str = "160x90") -> SceneScript:
    """The reference scene, short and small."""
    data = reference_script().model_dump(mode="json", by_alias=True)
    return SceneScript.model_validate(data | {"duration": duration, "seed": seed, "resolution": resolution})


@pytest.fixture
def tiny_script_file(tmp_path: Path) -> Path:
    """A 1 s, 160x90 scene script on disk."""
    path = tmp_path / "tiny.yaml"
    save_script(tiny_script(), path)
    return path
