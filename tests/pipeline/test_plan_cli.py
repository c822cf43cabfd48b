"""The planner commands end to end: `plan` → saved script → `render` equals `generate`; the LLM through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from pipeline.encode import read_frames
from tests.pipeline.conftest import ChatServer, Step, completion

ROOT = Path(__file__).resolve().parents[2]
PROMPT = "a red ball bounces next to a blue box, then the camera orbits"
TINY = ["--resolution", "160x90", "--fps", "6", "--duration", "1.5", "--seed", "11"]


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          env=base | (env or {}), timeout=timeout)


def test_plan_save_render_gives_the_same_video_as_generate(tmp_path: Path) -> None:
    gen = cli("generate", PROMPT, "-o", str(tmp_path / "gen.mp4"), "--save-script", str(tmp_path / "gen.yaml"),
              "--quiet", *TINY)
    assert gen.returncode == 0, gen.stderr
    planned = cli("plan", PROMPT, "-o", str(tmp_path / "plan.yaml"), *TINY)
    assert planned.returncode == 0, planned.stderr
    assert "planned by the offline planner" in planned.stderr
    assert (tmp_path / "plan.yaml").read_text() == (tmp_path / "gen.yaml").read_text()
    rendered = cli("render", str(tmp_path / "plan.yaml"), "-o", str(tmp_path / "render.mp4"), "--quiet")
    assert rendered.returncode == 0, rendered.stderr
    a = list(read_frames(tmp_path / "gen.mp4", 160, 90))
    b = list(read_frames(tmp_path / "render.mp4", 160, 90))
    assert len(a) == len(b) == 9
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
    assert max(float(f.std()) for f in a) > 5.0  # a picture, not a blank frame
    report = json.loads((tmp_path / "gen.json").read_text())
    assert report["plan"]["planner"] == "offline"
    assert any("auto" in n for n in report["plan"]["notes"])  # auto says why the offline planner ran


def test_generate_through_an_openai_compatible_server_reports_the_llm(chat_server: ChatServer, tmp_path: Path) -> None:
    script = {"version": 1, "duration": 2, "actors": [{"id": "cube", "asset": "box"}],
              "camera": {"shots": [{"type": "static", "target": "cube"}]}}
    chat_server.steps = [Step(completion(json.dumps(script), model="served-model"))]
    out = tmp_path / "llm.mp4"
    done = cli("generate", "a cube", "-o", str(out), "--model", "served-model", "--llm-timeout", "5",
               "--save-script", str(tmp_path / "llm.yaml"), *TINY, env={"OPENAI_BASE_URL": chat_server.url})
    assert done.returncode == 0, done.stderr
    assert "planned by the openai planner (served-model, 1 try)" in done.stderr
    assert "asset: box" in (tmp_path / "llm.yaml").read_text()
    plan = json.loads(out.with_suffix(".json").read_text())["plan"]
    assert plan["planner"] == "openai" and plan["model"] == "served-model" and plan["tries"] == 1
    assert plan["usage"] == {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150}
    assert plan["latency_s"] > 0 and "structured output: json_schema" in plan["notes"]


def test_llm_failure_is_one_line_and_writes_nothing(chat_server: ChatServer, tmp_path: Path) -> None:
    chat_server.steps = [Step({"error": {"message": "overloaded"}}, status=503)]
    out = tmp_path / "llm.yaml"
    done = cli("plan", "a cube", "-o", str(out), "--planner", "openai", "--llm-retries", "0",
               env={"OPENAI_BASE_URL": chat_server.url})
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert "HTTP 503" in done.stderr and "overloaded" in done.stderr
    assert not out.exists()
