"""The run report written next to every video (``out.json``): what was made, how, and how fast."""

from __future__ import annotations

import json
import os
import resource
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from pipeline.metrics import VideoMetrics
from scenes.check import CheckReport


class StageTimes(BaseModel):
    """Wall-clock seconds spent in each stage."""

    plan: float = 0.0
    compile: float = 0.0
    engine_open: float = 0.0
    render: float = 0.0  # inside Engine.render, summed over frames
    encode: float = 0.0  # time the render loop spent blocked on ffmpeg, plus finishing the file
    total: float = 0.0


class PlanInfo(BaseModel):
    """Which planner wrote the script and what it could not use."""

    planner: str
    ignored_words: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    substitutions: list[dict[str, str]] = Field(default_factory=list)  # {word, asset, reason}
    model: str | None = None
    tries: int | None = None
    usage: dict[str, Any] | None = None
    latency_s: float | None = None


class RunReport(BaseModel):
    """Everything about one render, for people and for batch tooling."""

    enginereel_version: str
    output: str
    prompt: str | None = None
    plan: PlanInfo | None = None
    script_hash: str
    seed: int
    frames: int
    fps: int
    duration_s: float
    resolution: str
    stages: StageTimes
    render_fps: float
    encode_fps: float
    end_to_end_fps: float
    realtime_factor: float  # video seconds per wall-clock second
    peak_rss_mb: float
    peak_rss_ffmpeg_mb: float | None  # ffmpeg's own high-water mark, where the OS tells it (Linux)
    ffmpeg: dict[str, str]
    engine: dict[str, str]
    encoding: dict[str, Any]
    audio: dict[str, Any] | None = None  # soundtrack: codec, events, ambience; None without one
    previews: dict[str, str] | None = None  # contact_sheet, poster, animation paths
    metrics: VideoMetrics | None = None  # temporal quality (``--metrics``)
    look: str = "default"  # the render quality tier the run asked for (fast, default, quality)
    strict: bool = False  # whether a plan failing the world check would have been refused
    world_check: CheckReport | None = None  # the world check of the compiled timeline: every check, its limits
    extra: dict[str, Any] = Field(default_factory=dict)


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MiB."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024


def report_path(video: Path) -> Path:
    """``out.mp4`` → ``out.json``."""
    return video.with_suffix(".json")


def write_json(path: Path, data: BaseModel | dict[str, Any]) -> Path:
    """Write JSON atomically (temporary name, then rename)."""
    text = data.model_dump_json(indent=2) if isinstance(data, BaseModel) else json.dumps(data, indent=2)
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_text(text + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
