"""The LLM planner under hostile or unusual servers: path replies, nesting bombs, drip-feeding, HTTP 500 on
json_schema (llama.cpp), all through the real openai client against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pipeline.errors import PlanError
from pipeline.planners import PlanRequest
from pipeline.planners.llm import LLMPlanner, LLMSettings, file_references
from tests.pipeline.conftest import ChatServer, Step, completion
from tests.pipeline.test_llm_planner import VALID


def planner(server: ChatServer, **kw: object) -> LLMPlanner:
    settings = {"model": "test-model", "api_key": "sk-test", "base_url": server.url, "timeout_s": 5.0,
                "max_retries": 0} | kw
    return LLMPlanner(LLMSettings(**settings))  # type: ignore[arg-type]


def test_a_reply_naming_a_file_is_refused_without_touching_it(chat_server: ChatServer, tmp_path: Path) -> None:
    outside = tmp_path / "outside.gltf"
    outside.write_text("{}")  # exists: the repair turn must not tell the model so
    missing = tmp_path / "missing.glb"
    for path in (outside, missing):
        reply = {**VALID, "actors": [{"id": "ball", "asset": str(path)}]}
        chat_server.steps = [Step(completion(json.dumps(reply))), Step(completion(json.dumps(VALID)))]
        chat_server.requests.clear()
        result = planner(chat_server).plan(PlanRequest("a ball"))
        assert result.tries == 2 and result.script.actors[0].asset == "sphere"
        repair = chat_server.requests[1]["body"]["messages"][-1]["content"]
        assert "actors[0].asset: a reply may name only catalog assets, not files" in repair
        assert str(path) not in repair and "no such" not in repair and "cannot" not in repair


def test_files_the_user_passed_may_be_named() -> None:
    data = {"actors": [{"id": "a", "asset": "models/robot.glb"}, {"id": "b", "asset": "/etc/x.gltf"}]}
    errors = file_references(data, PlanRequest("a robot from models/robot.glb dances"))
    assert len(errors) == 1 and errors[0].startswith("reply: actors[1].asset")
    assert not file_references(data, PlanRequest("robots", files=("models/robot.glb", "/etc/x.gltf")))


def test_a_deeply_nested_reply_is_a_located_error_not_a_crash(chat_server: ChatServer) -> None:
    bomb = '{"title": ' + "[" * 5000 + "]" * 5000 + "}"
    chat_server.steps = [Step(completion(bomb)), Step(completion(json.dumps(VALID)))]
    result = planner(chat_server).plan(PlanRequest("a ball"))
    assert result.tries == 2
    assert "reply: nested more than 64 levels deep" in chat_server.requests[1]["body"]["messages"][-1]["content"]


def test_a_drip_feeding_server_is_cut_off_by_the_request_deadline(chat_server: ChatServer) -> None:
    chat_server.steps = [Step(completion(json.dumps(VALID)), drip_s=0.2)]
    t0 = time.monotonic()
    with pytest.raises(PlanError, match=r"sent no complete reply within 2 s \(a request's deadline"):
        planner(chat_server, timeout_s=1.0).plan(PlanRequest("a ball"))
    assert time.monotonic() - t0 < 5


def test_the_whole_plan_has_a_deadline(chat_server: ChatServer) -> None:
    chat_server.steps = [Step(completion(json.dumps(VALID)), drip_s=0.2)]
    t0 = time.monotonic()
    with pytest.raises(PlanError, match=r"within 1 s \(the whole plan's deadline\)"):
        planner(chat_server, timeout_s=30.0, deadline_s=1.0).plan(PlanRequest("a ball"))
    assert time.monotonic() - t0 < 4


LLAMA_CPP_500 = {"error": {"code": 500, "message": "response_format type json_schema not supported",
                           "type": "server_error"}}


def test_http_500_naming_response_format_falls_back_and_is_probed_once(chat_server: ChatServer) -> None:
    chat_server.steps = [Step(LLAMA_CPP_500, status=500), Step(completion(json.dumps(VALID)))]
    first = planner(chat_server, max_retries=2).plan(PlanRequest("a ball"))
    assert "structured output: json_object" in first.notes
    assert any("HTTP 500" in n and "json_schema" in n for n in first.notes)
    formats = [r["body"]["response_format"]["type"] for r in chat_server.requests]
    assert formats == ["json_schema", "json_object"]  # the rejection was not retried
    second = planner(chat_server).plan(PlanRequest("a ball"))  # a new planner, same server: no second probe
    assert "structured output: json_object" in second.notes
    assert [r["body"]["response_format"]["type"] for r in chat_server.requests][2:] == ["json_object"]


def test_a_plain_server_error_on_the_probe_is_still_retried(chat_server: ChatServer) -> None:
    busy = {"error": {"message": "the model is loading", "type": "server_error"}}
    chat_server.steps = [Step(busy, status=503), Step(completion(json.dumps(VALID)))]
    result = planner(chat_server, max_retries=1).plan(PlanRequest("a ball"))
    assert "structured output: json_schema" in result.notes
    assert [r["body"]["response_format"]["type"] for r in chat_server.requests] == ["json_schema", "json_schema"]
