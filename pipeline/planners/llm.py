"""The LLM planner: any OpenAI-compatible chat endpoint writes the scene script, the schema checks it.

Configuration follows the ``openai`` package's conventions: ``OPENAI_API_KEY`` and ``OPENAI_BASE_URL``
(so OpenAI, vLLM, Ollama and llama.cpp's server all work) plus a model name. The reply is data: it is
parsed as JSON and validated as a :class:`~scenes.SceneScript`; nothing in it is executed or used as a
path. A reply that fails validation goes back to the model with the located errors
(``actors[1].asset: unknown asset 'dragon' …``) for a bounded number of tries.

Structured output comes in two modes, chosen by ``structured``:

- ``json_schema``: ``client.chat.completions.parse(response_format=<pydantic model>)``, the server
  constrains the reply to the script's JSON Schema (OpenAI, vLLM, recent llama.cpp/Ollama);
- ``json_object``: ``response_format={"type": "json_object"}`` and validation here;
- ``auto`` (default): ``json_schema`` first; if the server rejects that request (HTTP 400/422 naming
  the response format) the planner switches to ``json_object`` and says so in the run report's notes.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import to_jsonable_python

from pipeline.errors import PlanError
from pipeline.planners.base import (
    PlanRequest,
    PlanResult,
    action_models,
    apply_overrides,
    intent_models,
    shot_models,
    world_findings,
)
from scenes import SceneScript, ScriptError, parse_script
from scenes.catalog import CATALOG, is_model_path
from scenes.environment import GROUND_MATERIALS, SKY_PRESETS
from scenes.io import parse_text, script_to_data
from scenes.materials import FINISHES
from scenes.script import MAX_DURATION, Environment, Material

StructuredMode = Literal["auto", "json_schema", "json_object"]
_PROBED: dict[tuple[str, str], StructuredMode] = {}
"""(endpoint, model) → the mode that server needs, once a json_schema request was rejected (probed once per
server and process, so a batch of prompts does not send every request twice)."""
STRUCTURED_MODES: tuple[str, ...] = ("auto", "json_schema", "json_object")
DEFAULT_MODEL = "gpt-4o-mini"
MAX_REPLY_CHARS = 1_000_000  # a scene script is kilobytes; anything this large is not one
EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "scenes" / "examples"
_SOURCE = "reply"  # how errors name the model's reply: "reply: actors[0].asset: unknown asset ..."


@dataclass(frozen=True)
class LLMSettings:
    """How to reach the model. ``None`` key/base URL fall back to ``OPENAI_API_KEY``/``OPENAI_BASE_URL``."""

    model: str = DEFAULT_MODEL
    api_key: str | None = None
    base_url: str | None = None
    tries: int = 3  # replies asked for, the first one included (repairs = tries - 1)
    timeout_s: float = 120.0  # per HTTP request: a whole-request deadline, so a server dripping bytes cannot stall
    max_retries: int = 2  # the client's own retries with backoff (429, 5xx, timeouts, dropped connections)
    deadline_s: float | None = None  # the whole plan, repairs included (default: every request's budget summed)
    structured: StructuredMode = "auto"
    temperature: float | None = 0.2
    max_tokens: int | None = None

    def resolved(self) -> LLMSettings:
        """These settings with the key and base URL filled in from the environment."""
        key = self.api_key or os.environ.get("OPENAI_API_KEY") or None
        base = self.base_url or os.environ.get("OPENAI_BASE_URL") or None
        return LLMSettings(**{**self.__dict__, "api_key": key, "base_url": base})

    @property
    def request_budget_s(self) -> float:
        """Wall seconds one request may take, the client's retries and their backoff (at most 8 s each) included,
        plus a second so the client's own (clearer) timeout fires first where it can."""
        return self.timeout_s * (self.max_retries + 1) + 8.0 * self.max_retries + 1.0

    @property
    def plan_budget_s(self) -> float:
        """Wall seconds one plan may take (``deadline_s``, else every request's budget, plus one format probe)."""
        return self.deadline_s if self.deadline_s is not None else self.request_budget_s * (self.tries + 1)


def llm_configured() -> bool:
    """Whether the environment names an LLM endpoint (``auto`` then picks the LLM planner)."""
    return bool(os.environ.get("OPENAI_API_KEY") or os.environ.get("OPENAI_BASE_URL"))


class StrictSceneScript(SceneScript):
    """The scene script with a JSON Schema that strict structured-output servers accept.

    Validation is exactly :class:`SceneScript`'s; only the schema sent to the server differs: ``oneOf``
    (discriminated unions) becomes ``anyOf`` and fixed-length tuples become arrays with min/max items,
    because OpenAI's strict mode rejects ``oneOf`` and ``prefixItems``.
    """

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:  # type: ignore[override]
        """The schema, rewritten into the subset strict mode accepts."""
        return _strict_subset(SceneScript.model_json_schema(*args, **kwargs))


def _strict_subset(node: Any, names: bool = False) -> Any:
    """Rewrite a JSON Schema node; ``names`` marks a ``properties``/``$defs`` map whose keys are field names."""
    if isinstance(node, list):
        return [_strict_subset(n) for n in node]
    if not isinstance(node, dict):
        return node
    if names:
        return {k: _strict_subset(v) for k, v in node.items()}
    out = {k: _strict_subset(v, names=k in ("properties", "$defs")) for k, v in node.items()
           if k not in ("discriminator", "default", "title")}
    if "oneOf" in out:
        out["anyOf"] = out.pop("oneOf")
    if "prefixItems" in out:
        items = out.pop("prefixItems")
        out["items"] = items[0] if all(i == items[0] for i in items) else {"anyOf": items}
    return out


# --------------------------------------------------------------------------------------------- the prompt


def _field_list(model: type[BaseModel], skip: tuple[str, ...] = ("type",)) -> str:
    parts = []
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        key = info.alias or name
        if info.is_required():
            parts.append(f"{key} (required)")
        else:
            default = to_jsonable_python(info.get_default(call_default_factory=True))
            parts.append(f"{key}={json.dumps(default, separators=(',', ':'))}")
    return ", ".join(parts)


def _doc(model: type[BaseModel]) -> str:
    return " ".join((model.__doc__ or "").split())


def example_scripts(limit: int = 3, max_chars: int = 2500) -> list[str]:
    """Up to ``limit`` example scripts from ``scenes/examples/`` as compact JSON, shortest first."""
    texts = []
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        try:
            script = parse_script(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
        except (ScriptError, OSError, yaml.YAMLError):
            continue  # an example another branch broke must not break planning
        text = json.dumps(script_to_data(script), separators=(",", ":"))
        if len(text) <= max_chars:
            texts.append(text)
    return sorted(texts, key=len)[:limit]


FALLBACK_EXAMPLE_PROMPTS = ("two people walk towards each other and wave, then the camera orbits",
                            "a red ball bounces on a wooden table, close-up, for 6 seconds")


def examples_for_prompt(limit: int = 3) -> list[str]:
    """Examples for the system prompt: ``scenes/examples/`` first, topped up with offline-planned scripts."""
    texts = example_scripts(limit)
    if len(texts) < 2:
        from pipeline.planners.offline import OfflinePlanner

        for prompt in FALLBACK_EXAMPLE_PROMPTS[: 2 - len(texts)]:
            data = script_to_data(OfflinePlanner().plan(PlanRequest(prompt)).script)
            data.pop("prompt", None)
            texts.append(json.dumps(data, separators=(",", ":")))
    return texts


def system_prompt() -> str:
    """The system prompt, built from the live schema, catalog, actions and camera moves."""
    lines = [
        "You are the planner of enginereel, which turns a text prompt into a video by rendering a 3D scene in "
        "a game engine. You write the scene script: JSON data (never code) describing the world, its actors, "
        "what they do over time and how the camera films it.",
        "Reply with exactly one JSON object that is a complete scene script. No prose, no markdown fences.",
        "",
        "Conventions: metres, seconds, degrees. Right-handed world, Z up; heading 0 faces +Y. rotation is "
        "[heading, pitch, roll]. An actor's position is the centre of its base: z = 0 stands on the ground. "
        "scale multiplies the asset's size (a number or [x, y, z]). Colours are CSS names, '#rrggbb' or "
        "[r, g, b] in 0..1. Every time (start, end, keyframe t) lies within 0..duration. Actor ids are unique "
        "(letters, digits, _ and -). Shots are in time order and do not overlap; a shot's target is an actor "
        "id or a point. Place actors using their sizes so nothing interpenetrates, and aim the camera so "
        "everything stays in frame.",
        f"Top-level fields: {_field_list(SceneScript)}. duration is at most {MAX_DURATION:g} s.",
        f"environment: {_field_list(Environment)}; sky is one of {', '.join(SKY_PRESETS)}; "
        f"ground.material is one of {', '.join(GROUND_MATERIALS)}.",
        f"actor material: {_field_list(Material)}; finish is one of {', '.join(FINISHES)}.",
        "",
        "Assets (name, kind, size W x D x H at scale 1, actions it supports, description):",
    ]
    for spec in CATALOG.values():
        w, d, h = spec.size
        alias = f" (also: {', '.join(spec.aliases)})" if spec.aliases else ""
        lines.append(f"- {spec.name}{alias}: {spec.kind}, {w:g} x {d:g} x {h:g} m; actions: "
                     f"{', '.join(spec.actions)}; {spec.description}")
    lines += ["", "Actions (each is an object in actor.actions with \"type\" set to the name):"]
    for tag, model in action_models().items():
        lines.append(f"- {tag}: {_doc(model)} Fields: {_field_list(model)}")
    lines += ["", "Intents (objects in the top-level \"intents\" list, \"type\" set to the name): say WHAT must be "
              "shown and leave the numbers to the solver, which puts things on their supports (a cup on a table "
              "stands on its top), keeps them apart, times events over the whole video and makes causes really "
              "happen in the physics (a knocked-over row of dominoes falls). Prefer intents to hand-made "
              "positions and actions for relations and events; give actors only their asset, material and scale "
              "and let the intents place them:"]
    for tag, model in intent_models().items():
        lines.append(f"- {tag}: {_doc(model)} Fields: {_field_list(model)}")
    lines += ["Every shot may carry \"framing\": {\"subjects\": [actor ids], \"size\": close_up | medium | wide | "
              "a number}: the subjects' height as a share of the frame (close_up >= 0.5, medium 0.25-0.5, wide "
              "0.08-0.25); the solver places the camera so they fill it. Never leave a subject a speck."]
    lines += ["", "Camera moves (objects in camera.shots with \"type\" set to the name):"]
    for tag, model in shot_models().items():
        lines.append(f"- {tag}: {_doc(model)} Fields: {_field_list(model)}")
    examples = examples_for_prompt()
    if examples:
        lines += ["", "Examples of valid scene scripts:"]
        lines += [f"Example {k + 1}: {text}" for k, text in enumerate(examples)]
    return "\n".join(lines)


def user_message(request: PlanRequest) -> str:
    """The user turn: the prompt plus the settings the caller fixed."""
    fixed = []
    if request.duration is not None:
        fixed.append(f"duration must be {request.duration:g} s")
    if request.fps is not None:
        fixed.append(f"fps must be {request.fps}")
    if request.resolution is not None:
        fixed.append(f"resolution must be {request.resolution}")
    tail = f"\n\nSettings fixed by the user: {'; '.join(fixed)}." if fixed else ""
    return f"Write the scene script for this prompt:\n{request.prompt}{tail}"


def repair_message(errors: list[str]) -> str:
    """The turn that sends a rejected reply's located errors back to the model."""
    listed = "\n".join(f"- {e}" for e in errors[:30])
    more = f"\n(and {len(errors) - 30} more)" if len(errors) > 30 else ""
    return (f"That scene script is invalid. Problems (field path: what is wrong):\n{listed}{more}\n"
            "Reply with the whole corrected scene script as one JSON object.")


def world_repair_message(findings: list[str]) -> str:
    """The turn that sends the world check's located findings on a valid script back to the model."""
    listed = "\n".join(f"- {f}" for f in findings[:30])
    more = f"\n(and {len(findings) - 30} more)" if len(findings) > 30 else ""
    return ("That scene script is valid, but the world it makes does not show the prompt. The world check found "
            f"(each line names the actor or intent):\n{listed}{more}\nFix it: prefer intents (place, arrange, "
            "knock_over, drop_onto, sit_on, … and shots[].framing) over hand-made coordinates, so the solver "
            "places things on their supports and makes the events happen. Reply with the whole corrected scene "
            "script as one JSON object.")


# ------------------------------------------------------------------------------------------- the exchange


@dataclass
class Reply:
    """One answer from the server: its text, or a refusal, and what it cost."""

    content: str
    refusal: str | None = None
    parsed: SceneScript | None = None
    parse_errors: list[str] = field(default_factory=list)
    usage: dict[str, int] = field(default_factory=dict)


def check_reply(reply: Reply, request: PlanRequest) -> tuple[SceneScript | None, list[str]]:
    """Validate a reply as a scene script (the caller's overrides applied); returns (script, located errors)."""
    if reply.parse_errors:
        return None, reply.parse_errors
    if len(reply.content) > MAX_REPLY_CHARS:
        return None, [f"{_SOURCE}: the reply is {len(reply.content)} characters long; a scene script is far smaller"]
    if reply.parsed is not None:
        data: Any = reply.parsed.model_dump(mode="json", by_alias=True)
    else:
        text = reply.content.strip()
        if text.startswith("```"):  # a fenced block despite the instructions: take what is inside
            text = text.strip("`").removeprefix("json").strip()
        try:
            data = parse_text(text, _SOURCE, json_only=True)  # bounded: size, nesting, string lengths
        except ScriptError as exc:
            return None, [str(exc)]
    if not isinstance(data, dict):
        return None, [f"{_SOURCE}: a scene script must be a JSON object, not {type(data).__name__}"]
    named_files = file_references(data, request)
    if named_files:
        return None, named_files
    overrides = {"prompt": request.prompt, "seed": request.seed, "solved": False}  # a model's intents are solved
    if request.duration is not None:
        overrides["duration"] = request.duration
    if request.fps is not None:
        overrides["fps"] = request.fps
    if request.resolution is not None:
        overrides["resolution"] = request.resolution.model_dump()
    try:
        return parse_script(data | overrides, _SOURCE), []
    except ScriptError as exc:
        return None, list(getattr(exc, "lines", [str(exc)]))


def looks_like_path(value: Any) -> bool:
    """Whether a reply's value names a file rather than a catalog entry."""
    return isinstance(value, str) and (is_model_path(value) or "/" in value or "\\" in value
                                       or value.startswith(("~", ".")))


def file_references(data: dict[str, Any], request: PlanRequest) -> list[str]:
    """Errors for every file a reply names that the user did not pass (``request.files`` or words of the prompt).

    A model's reply is never used as a path: it could load any file the process can read, and since the errors
    go back to the model, tell it which files exist. The error says only that paths are not allowed.
    """
    allowed = set(request.files) | set(request.prompt.split())
    found: list[str] = []
    actors = data.get("actors")
    for i, actor in enumerate(actors if isinstance(actors, list) else []):
        asset = actor.get("asset") if isinstance(actor, dict) else None
        if looks_like_path(asset) and asset not in allowed:
            found.append(f"{_SOURCE}: actors[{i}].asset: a reply may name only catalog assets, not files; known "
                         f"assets: {', '.join(sorted(CATALOG))}")
    env = data.get("environment")
    hdri = env.get("hdri") if isinstance(env, dict) else None
    if looks_like_path(hdri) and hdri not in allowed:
        found.append(f"{_SOURCE}: environment.hdri: a reply may name only shipped HDRIs by name, not files")
    return found


def _usage_dict(usage: Any) -> dict[str, int]:
    if usage is None:
        return {}
    raw = usage if isinstance(usage, dict) else usage.model_dump()
    return {k: int(v) for k, v in raw.items() if k in ("prompt_tokens", "completion_tokens", "total_tokens")
            and isinstance(v, int)}


class LLMPlanner:
    """Plans through an OpenAI-compatible chat endpoint with validation and a bounded repair loop."""

    name = "openai"

    def __init__(self, settings: LLMSettings | None = None) -> None:
        self.settings = (settings or LLMSettings()).resolved()
        if self.settings.tries < 1:
            raise PlanError(f"--llm-tries must be at least 1 (got {self.settings.tries})")
        if self.settings.structured not in STRUCTURED_MODES:
            raise PlanError(f"unknown structured-output mode {self.settings.structured!r}; "
                            f"choose one of {', '.join(STRUCTURED_MODES)}")
        if not self.settings.api_key and not self.settings.base_url:
            raise PlanError("the openai planner needs OPENAI_API_KEY (for OpenAI) or OPENAI_BASE_URL (for a local "
                            "server such as vLLM or Ollama); set one, or use --planner offline")
        self.mode: StructuredMode = self.settings.structured
        self._plan_deadline = float("inf")  # set by plan()
        if self.mode == "auto":
            self.mode = _PROBED.get(self._server_key, "auto")  # this server already refused json_schema

    @property
    def _server_key(self) -> tuple[str, str]:
        return (self.endpoint, self.settings.model)

    @property
    def endpoint(self) -> str:
        """Where requests go, for messages."""
        return self.settings.base_url or "https://api.openai.com/v1"

    def _client(self) -> Any:
        from openai import OpenAI

        # A local server (vLLM, Ollama, llama.cpp) often needs no key, but the client insists on one.
        key = self.settings.api_key or "not-needed"
        return OpenAI(api_key=key, base_url=self.settings.base_url, timeout=self.settings.timeout_s,
                      max_retries=self.settings.max_retries)

    def plan(self, request: PlanRequest) -> PlanResult:
        """Ask the model for a script, repairing invalid replies; raises ``PlanError`` with the last errors."""
        t0 = time.perf_counter()
        client = self._client()
        notes: list[str] = []
        messages: list[dict[str, str]] = [
            {"role": "system", "content": system_prompt()},
            {"role": "user", "content": user_message(request)},
        ]
        usage: dict[str, int] = {}
        errors: list[str] = []
        self._plan_deadline = time.monotonic() + self.settings.plan_budget_s
        world_repairs = 0  # replies that were valid but failed the world check
        try:
            for attempt in range(1, self.settings.tries + 1):
                reply = self._ask(client, messages, notes)
                for k, v in reply.usage.items():
                    usage[k] = usage.get(k, 0) + v
                if reply.refusal:
                    raise PlanError(f"the model ({self.settings.model} at {self.endpoint}) refused to plan this "
                                    f"prompt: {_one_line(reply.refusal)}")
                script, errors = check_reply(reply, request)
                world, findings = world_findings(script) if script is not None else (None, [])
                if script is not None and (not findings or attempt == self.settings.tries):
                    notes.append(f"structured output: {'json_schema' if self.mode == 'auto' else self.mode}")
                    if attempt - 1 - world_repairs > 0:
                        bad = attempt - 1 - world_repairs
                        notes.append(f"repaired after {bad} invalid repl{'y' if bad == 1 else 'ies'}")
                    if world_repairs:
                        notes.append(f"repaired after {world_repairs} repl{'y' if world_repairs == 1 else 'ies'} "
                                     "that failed the world check")
                    if findings:
                        notes.append(f"the plan still fails the world check after {attempt} tries "
                                     f"({len(findings)} findings)")
                    return PlanResult(script=apply_overrides(script, request), planner=self.name, notes=notes,
                                      model=self.settings.model, tries=attempt, usage=usage or None,
                                      latency_s=round(time.perf_counter() - t0, 3), world_check=world)
                repair = repair_message(errors) if script is None else world_repair_message(findings)
                world_repairs += script is not None
                messages += [{"role": "assistant", "content": reply.content[:20_000]},
                             {"role": "user", "content": repair}]
        finally:
            client.close()
        shown = "; ".join(errors[:5]) + (f" (and {len(errors) - 5} more)" if len(errors) > 5 else "")
        raise PlanError(f"the model ({self.settings.model}) gave no valid scene script in {self.settings.tries} "
                        f"tries; last problems: {shown}. Try again, raise --llm-tries, or use --planner offline")

    def _ask(self, client: Any, messages: list[dict[str, str]], notes: list[str]) -> Reply:
        """One request in the current mode; in ``auto`` a json_schema request the server rejects (any status
        whose body names the response format, or a 400/422) switches to json_object for this server."""
        import openai

        try:
            if self.mode == "json_object":
                return self._within_deadline(client, lambda: self._ask_json_object(client, messages))
            try:
                # The probe goes out once, without the client's retries: llama.cpp answers it with HTTP 500,
                # and retrying a rejection only wastes the backoff.
                probe = client.with_options(max_retries=0) if self.mode == "auto" else client
                return self._within_deadline(client, lambda: self._ask_json_schema(probe, messages))
            except (openai.APIStatusError, openai.APIConnectionError) as exc:
                if self.mode != "auto":
                    raise
                if not (isinstance(exc, openai.APIStatusError) and _rejects_format(exc)):
                    if not _retryable(exc) or self.settings.max_retries == 0:
                        raise
                    # not an answer to the format (busy, rate-limited, dropped): the retries left, with backoff
                    rest = client.with_options(max_retries=self.settings.max_retries - 1)
                    return self._within_deadline(client, lambda: self._ask_json_schema(rest, messages))
                notes.append(f"the server rejected json_schema output (HTTP {exc.status_code}: {_status_text(exc)}); "
                             "used json_object mode")
                self.mode = "json_object"
                _PROBED[self._server_key] = "json_object"
                return self._within_deadline(client, lambda: self._ask_json_object(client, messages))
        except openai.OpenAIError as exc:
            raise PlanError(self._explain(exc)) from None

    def _within_deadline(self, client: Any, ask: Callable[[], Reply]) -> Reply:
        """``ask()`` bounded in wall time by the request's and the plan's budgets, whatever the server does.

        The client's timeout applies to each socket read, so a server dripping one byte at a time never
        trips it; here the request runs in a thread and, when the budget is spent, the client is closed
        (its sockets with it, which ends the thread) and the plan fails with one line.
        """
        budget = min(self.settings.request_budget_s, self._plan_deadline - time.monotonic())
        box: dict[str, Any] = {}
        finished = threading.Event()

        def run() -> None:
            try:
                box["reply"] = ask()
            except BaseException as exc:  # handed to the caller's thread below
                box["error"] = exc
            finally:
                finished.set()

        threading.Thread(target=run, name="llm-request", daemon=True).start()
        if not finished.wait(max(0.0, budget)):
            with contextlib.suppress(Exception):
                client.close()
            s = self.settings
            which = ("the whole plan's deadline" if budget < s.request_budget_s
                     else f"a request's deadline: --llm-timeout {s.timeout_s:g} s × {s.max_retries + 1} tries")
            raise PlanError(f"the model server ({s.model} at {self.endpoint}) sent no complete reply within "
                            f"{max(0.0, budget):.0f} s ({which}); check the server, or raise --llm-timeout or "
                            "--llm-deadline")
        if "error" in box:
            raise box["error"]
        return box["reply"]

    def _common(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self.settings.temperature is not None:
            extra["temperature"] = self.settings.temperature
        if self.settings.max_tokens is not None:
            extra["max_tokens"] = self.settings.max_tokens
        return extra

    def _ask_json_schema(self, client: Any, messages: list[dict[str, str]]) -> Reply:
        raw = client.chat.completions.with_raw_response.parse(
            model=self.settings.model, messages=messages, response_format=StrictSceneScript, **self._common())
        try:
            completion = raw.parse()
        except ValidationError:
            # The server's JSON does not fit the schema (or it does not constrain output at all): validate the
            # raw text the same way as in json_object mode, so the errors sent back read the same.
            body = raw.http_response.json()
            message = (body.get("choices") or [{}])[0].get("message") or {}
            return Reply(content=str(message.get("content") or ""), refusal=message.get("refusal"),
                         usage=_usage_dict(body.get("usage")))
        message = completion.choices[0].message
        return Reply(content=message.content or "", refusal=message.refusal, parsed=message.parsed,
                     usage=_usage_dict(completion.usage))

    def _ask_json_object(self, client: Any, messages: list[dict[str, str]]) -> Reply:
        completion = client.chat.completions.create(
            model=self.settings.model, messages=messages, response_format={"type": "json_object"}, **self._common())
        if not completion.choices:
            return Reply(content="", parse_errors=[f"{_SOURCE}: the server returned no choices"])
        choice = completion.choices[0]
        if choice.finish_reason == "content_filter":
            return Reply(content="", refusal="the reply was stopped by the server's content filter",
                         usage=_usage_dict(completion.usage))
        if choice.finish_reason == "length":
            return Reply(content=choice.message.content or "", usage=_usage_dict(completion.usage),
                         parse_errors=[f"{_SOURCE}: the reply was cut off at the token limit; write a shorter "
                                       "script (fewer actors, keyframes and shots)"])
        return Reply(content=choice.message.content or "", refusal=getattr(choice.message, "refusal", None),
                     usage=_usage_dict(completion.usage))

    def _explain(self, exc: Exception) -> str:
        """One line for an error from the client, naming the host and what to do."""
        import openai

        s = self.settings
        where = f"{s.model} at {self.endpoint}"
        retried = f" after {s.max_retries} retr{'y' if s.max_retries == 1 else 'ies'}" if s.max_retries else ""
        if isinstance(exc, openai.APITimeoutError):
            return (f"the model server ({where}) did not answer within {s.timeout_s:g} s{retried}; "
                    "raise --llm-timeout or check the server")
        if isinstance(exc, openai.APIConnectionError):
            return (f"cannot reach the model server at {self.endpoint}{retried} ({_one_line(str(exc))}); "
                    "check OPENAI_BASE_URL and that the server is running")
        if isinstance(exc, openai.RateLimitError):
            return (f"the model server ({where}) is rate-limiting requests (HTTP 429){retried}: "
                    f"{_status_text(exc)}; wait and try again, or raise --llm-retries")
        if isinstance(exc, openai.AuthenticationError):
            return f"the model server at {self.endpoint} rejected the API key (HTTP 401); set OPENAI_API_KEY"
        if isinstance(exc, openai.PermissionDeniedError):
            return f"the model server at {self.endpoint} denied access (HTTP 403): {_status_text(exc)}"
        if isinstance(exc, openai.NotFoundError):
            return (f"the model server at {self.endpoint} has no model {s.model!r} or no chat endpoint (HTTP 404); "
                    "pick a model with --model or check OPENAI_BASE_URL")
        if isinstance(exc, openai.APIStatusError):
            kind = "failed" if exc.status_code >= 500 else "rejected the request"
            return f"the model server ({where}) {kind} (HTTP {exc.status_code}){retried}: {_status_text(exc)}"
        if isinstance(exc, openai.ContentFilterFinishReasonError):
            return f"the model ({where}) refused to plan this prompt: its content filter stopped the reply"
        if isinstance(exc, openai.LengthFinishReasonError):
            return (f"the model's reply ({where}) was cut off at its token limit; try a shorter prompt or a model "
                    "with a longer output limit")
        return f"the model server ({where}) failed: {_one_line(str(exc))}"


def _status_text(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return _one_line(str(inner["message"]))
        if isinstance(inner, str):
            return _one_line(inner)
    return _one_line(getattr(exc, "message", str(exc)))


def _about_response_format(exc: Any) -> bool:
    text = (_status_text(exc) + " " + str(getattr(exc, "param", "") or "")).lower()
    return any(word in text for word in ("response_format", "response format", "json_schema", "schema",
                                         "structured", "strict", "grammar"))


def _retryable(exc: Any) -> bool:
    """What the client's own retries are for: dropped connections, timeouts, 408/409/429 and 5xx."""
    status = getattr(exc, "status_code", None)
    return status is None or status in (408, 409, 429) or status >= 500


def _rejects_format(exc: Any) -> bool:
    """Whether an HTTP error answers the json_schema request's format rather than the request as a whole:
    a 400/422 (what OpenAI-style servers send), or any status whose message names the response format
    (llama.cpp's server answers HTTP 500 "response_format type json_schema not supported")."""
    status = getattr(exc, "status_code", 0)
    if status in (401, 403, 404, 429):
        return False
    return status in (400, 422) or _about_response_format(exc)


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
