"""The LLM planner against a real OpenAI-compatible HTTP server on 127.0.0.1, through the real openai client."""

from __future__ import annotations

import json
import time

import pytest

from pipeline.errors import PlanError
from pipeline.planners import PlanRequest, make_planner
from pipeline.planners.llm import LLMPlanner, LLMSettings, StrictSceneScript, system_prompt
from scenes.catalog import CATALOG
from tests.pipeline.conftest import ChatServer, Step, completion

VALID = {
    "version": 1, "title": "a red ball", "duration": 4,
    "actors": [{"id": "ball", "asset": "sphere", "material": {"color": "red"},
                "actions": [{"type": "bounce", "height": 1.0}]}],
    "camera": {"shots": [{"type": "static", "position": [0, -8, 2], "target": "ball"}]},
}
UNKNOWN_ASSET = {**VALID, "actors": [{"id": "ball", "asset": "dragon"}]}
BAD_REFERENCES = {**VALID, "actors": [{"id": "ball", "asset": "sphere", "actions": [{"type": "bounce", "end": 9}]}],
                  "camera": {"shots": [{"type": "static", "target": "cube"}]}}


def planner(server: ChatServer, **kw: object) -> LLMPlanner:
    settings = {"model": "test-model", "api_key": "sk-test", "base_url": server.url, "timeout_s": 5.0,
                "max_retries": 0} | kw
    return LLMPlanner(LLMSettings(**settings))  # type: ignore[arg-type]


def test_valid_reply_becomes_the_script(chat_server: ChatServer) -> None:
    chat_server.steps = [Step(completion(json.dumps(VALID)))]
    result = planner(chat_server).plan(PlanRequest("a red ball bounces", seed=7))
    assert result.planner == "openai" and result.model == "test-model" and result.tries == 1
    assert result.script.actors[0].asset == "sphere" and result.script.seed == 7
    assert result.script.prompt == "a red ball bounces"
    assert result.usage == {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150}
    assert result.latency_s is not None and result.latency_s > 0
    assert "structured output: json_schema" in result.notes
    sent = chat_server.requests[0]["body"]
    assert sent["model"] == "test-model"
    assert sent["response_format"]["type"] == "json_schema"  # auto tries strict structured output first
    assert sent["response_format"]["json_schema"]["strict"] is True
    assert chat_server.requests[0]["headers"]["authorization"] == "Bearer sk-test"
    system = sent["messages"][0]["content"]
    assert all(name in system for name in CATALOG)  # the live catalog is in the prompt


def test_invalid_reply_is_repaired_on_the_second_try(chat_server: ChatServer) -> None:
    chat_server.steps = [Step(completion(json.dumps(UNKNOWN_ASSET))), Step(completion(json.dumps(VALID)))]
    result = planner(chat_server).plan(PlanRequest("a ball"))
    assert result.tries == 2 and result.script.actors[0].asset == "sphere"
    assert result.usage == {"prompt_tokens": 200, "completion_tokens": 100, "total_tokens": 300}
    assert "repaired after 1 invalid reply" in result.notes
    repair = chat_server.requests[1]["body"]["messages"]
    assert repair[-2] == {"role": "assistant", "content": json.dumps(UNKNOWN_ASSET)}
    assert "reply: actors[0].asset: unknown asset 'dragon'" in repair[-1]["content"]  # located, with a hint


def test_semantic_errors_are_sent_back_located(chat_server: ChatServer) -> None:
    chat_server.steps = [Step(completion(json.dumps(BAD_REFERENCES))), Step(completion(json.dumps(VALID)))]
    result = planner(chat_server).plan(PlanRequest("a ball"))
    assert result.tries == 2
    repair = chat_server.requests[1]["body"]["messages"][-1]["content"]
    assert "actors[0].actions[0].end: time 9 s is after the end of the video (duration 4 s)" in repair
    assert "camera.shots[0].target: no actor with id 'cube'" in repair


def test_repair_exhaustion_is_a_clear_error(chat_server: ChatServer) -> None:
    chat_server.steps = [Step(completion("this is not json"))]
    with pytest.raises(PlanError) as err:
        planner(chat_server, tries=3).plan(PlanRequest("a ball"))
    message = str(err.value)
    assert "no valid scene script in 3 tries" in message and "not valid JSON" in message and "\n" not in message
    assert len(chat_server.requests) == 3


def test_refusal_is_reported(chat_server: ChatServer) -> None:
    chat_server.steps = [Step(completion(None, refusal="I can't help with that."))]
    with pytest.raises(PlanError, match="refused to plan this prompt: I can't help with that"):
        planner(chat_server).plan(PlanRequest("something"))
    assert len(chat_server.requests) == 1  # a refusal is not retried


def test_rate_limit_then_success_uses_the_clients_backoff(chat_server: ChatServer) -> None:
    chat_server.steps = [
        Step({"error": {"message": "Rate limit reached", "type": "rate_limit"}}, status=429,
             headers={"retry-after-ms": "50"}),
        Step(completion(json.dumps(VALID))),
    ]
    result = planner(chat_server, max_retries=2).plan(PlanRequest("a ball"))
    assert result.tries == 1 and len(chat_server.requests) == 2


def test_rate_limit_without_retries_left_is_one_line(chat_server: ChatServer) -> None:
    limited = Step({"error": {"message": "Rate limit reached"}}, status=429, headers={"retry-after-ms": "10"})
    chat_server.steps = [limited]
    with pytest.raises(PlanError, match=r"rate-limiting requests \(HTTP 429\) after 1 retry: Rate limit reached"):
        planner(chat_server, max_retries=1).plan(PlanRequest("a ball"))


def test_server_error_is_one_line(chat_server: ChatServer) -> None:
    chat_server.steps = [Step({"error": {"message": "model crashed"}}, status=500)]
    with pytest.raises(PlanError, match=r"failed \(HTTP 500\): model crashed"):
        planner(chat_server).plan(PlanRequest("a ball"))


def test_hanging_server_times_out_within_the_configured_time(chat_server: ChatServer) -> None:
    chat_server.steps = [Step(hang_s=30)]
    t0 = time.perf_counter()
    with pytest.raises(PlanError, match=r"did not answer within 1 s"):
        planner(chat_server, timeout_s=1.0, max_retries=0).plan(PlanRequest("a ball"))
    assert time.perf_counter() - t0 < 3.0


def test_server_without_json_schema_support_switches_to_json_object_and_says_so(chat_server: ChatServer) -> None:
    chat_server.steps = [
        Step({"error": {"message": "response_format json_schema is not supported", "param": "response_format"}},
             status=400),
        Step(completion(json.dumps(VALID))),
    ]
    result = planner(chat_server).plan(PlanRequest("a ball"))
    assert chat_server.requests[1]["body"]["response_format"] == {"type": "json_object"}
    assert any("rejected json_schema" in n for n in result.notes)
    assert "structured output: json_object" in result.notes


def test_json_object_mode_validates_and_applies_overrides(chat_server: ChatServer) -> None:
    chat_server.steps = [Step(completion("```json\n" + json.dumps(VALID) + "\n```"))]
    result = planner(chat_server, structured="json_object").plan(PlanRequest("a ball", duration=3.0, fps=12))
    assert result.script.duration == 3.0 and result.script.fps == 12
    body = chat_server.requests[0]["body"]
    assert body["response_format"] == {"type": "json_object"}
    assert "duration must be 3 s" in body["messages"][1]["content"]


def test_configured_json_schema_mode_does_not_fall_back(chat_server: ChatServer) -> None:
    chat_server.steps = [Step({"error": {"message": "response_format json_schema unsupported"}}, status=400)]
    with pytest.raises(PlanError, match=r"rejected the request \(HTTP 400\)"):
        planner(chat_server, structured="json_schema").plan(PlanRequest("a ball"))


def test_auto_uses_the_llm_only_when_configured(monkeypatch: pytest.MonkeyPatch, chat_server: ChatServer) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    assert make_planner("auto").name == "offline"
    monkeypatch.setenv("OPENAI_BASE_URL", chat_server.url)
    chosen = make_planner("auto", model="m")
    assert chosen.name == "openai"
    chat_server.steps = [Step(completion(json.dumps(VALID)))]
    assert chosen.plan(PlanRequest("a ball")).model == "m"
    assert chat_server.requests[0]["headers"]["authorization"] == "Bearer not-needed"


def test_strict_schema_has_no_constructs_strict_servers_reject() -> None:
    from openai.lib._pydantic import to_strict_json_schema

    schema = to_strict_json_schema(StrictSceneScript)
    text = json.dumps(schema)
    assert "oneOf" not in text and "prefixItems" not in text
    assert schema["properties"]["title"]["type"] == "string"  # the script's own "title" field survives


def test_system_prompt_follows_the_live_schema() -> None:
    from pipeline.planners.base import action_models, shot_models

    text = system_prompt()
    assert all(f"- {tag}:" in text for tag in action_models())
    assert all(f"- {tag}:" in text for tag in shot_models())
    assert "Example 1:" in text


def test_openai_planner_without_configuration_says_what_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(PlanError, match=r"needs OPENAI_API_KEY .* or OPENAI_BASE_URL"):
        make_planner("openai")
    with pytest.raises(PlanError, match="at least 1"):
        make_planner("openai", base_url="http://127.0.0.1:9/v1", tries=0)
