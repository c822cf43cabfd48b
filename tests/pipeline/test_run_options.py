"""One options model for CLI, jobs file and bench: defaults, validation naming the flag, overrides in one place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.batch import BATCH_DEFAULTS, JobSpec, job_options, load_jobs, resolve_job
from pipeline.errors import PipelineError
from pipeline.run.bench import BenchContext, run_sections, sections
from pipeline.run.options import RunOptions, apply_script_overrides, from_flags
from scenes import SceneScript, ScriptError
from scenes.script import Resolution
from tests.pipeline.conftest import tiny_script


def test_defaults_match_the_contract() -> None:
    options = RunOptions()
    assert options.strict is False and options.look == "default"
    assert RunOptions(**BATCH_DEFAULTS).strict is True


def test_flags_are_checked_against_the_script_schema_naming_the_flag() -> None:
    with pytest.raises(PipelineError, match=r"^--fps: .*greater than or equal to 1"):
        from_flags({"fps": 0})
    with pytest.raises(PipelineError, match=r"^--look: "):
        from_flags({"look": "ugly"})
    with pytest.raises(PipelineError, match=r"^--passes: unknown pass x"):
        from_flags({"passes": "depth,x"})
    with pytest.raises(PipelineError, match=r"^--llm-timeout: "):
        from_flags({"llm_timeout": "soon"})


def test_from_flags_ignores_non_option_parameters_and_unset_flags() -> None:
    options = from_flags({"output": Path("x.mp4"), "quiet": True, "fps": None, "look": "fast"}, strict=True)
    assert options.look == "fast" and options.strict is True and options.fps is None


def test_render_options_carry_every_choice() -> None:
    options = RunOptions(codec="h264", crf=18, bit_depth=10, audio=False, ambience=False, previews=False,
                         metrics=True, passes="mask,depth", strict=True, look="quality")
    render = options.render_options(Path("clip.mkv"))
    assert render.encode.container == "mkv" and render.encode.crf == 18 and render.encode.pix_fmt == "yuv420p10le"
    assert (render.audio, render.ambience, render.previews, render.metrics) == (False, False, False, True)
    assert render.passes == ("depth", "mask") and render.strict and render.look == "quality"


def test_passes_with_chunks_is_refused() -> None:
    with pytest.raises(PipelineError, match="--passes cannot be combined with --chunks"):
        RunOptions(passes="depth", chunks=2).render_options()


def test_script_overrides_apply_in_one_place_and_revalidate() -> None:
    reference_script = tiny_script()
    options = RunOptions(duration=1.0, fps=12, resolution="64x36", seed=7)
    script = apply_script_overrides(reference_script, options, "ref.yaml")
    assert (script.duration, script.fps, script.resolution, script.seed) == (1.0, 12, Resolution(width=64,
                                                                                                  height=36), 7)
    assert apply_script_overrides(reference_script, RunOptions(), "ref.yaml") is reference_script
    late = SceneScript.model_validate(reference_script.model_dump(by_alias=True)
                                      | {"captions": [{"text": "hi", "start": 0.8, "end": 0.9}]})
    with pytest.raises(ScriptError, match=r"ref.yaml \(with overrides\): captions\[0\]"):
        apply_script_overrides(late, RunOptions(duration=0.5), "ref.yaml")


def test_job_spec_is_run_options_and_its_own_fields_win(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(json.dumps({"prompt": "a ball", "look": "fast", "bit_depth": 10, "ambience": False}) + "\n"
                    + json.dumps({"prompt": "a cube"}) + "\n")
    first, second = load_jobs(jobs)
    base = RunOptions(**BATCH_DEFAULTS).with_fields({"look": "quality", "engine": "software"})
    merged = job_options(first, base)
    assert (merged.look, merged.bit_depth, merged.ambience, merged.engine, merged.strict) == ("fast", 10, False,
                                                                                              "software", True)
    assert job_options(second, base).look == "quality"
    job = resolve_job(first, 0, base)
    assert job.options.encode.pix_fmt == "yuv420p10le" and job.options.look == "fast" and not job.options.ambience


def test_jobs_file_options_are_validated_with_the_job_named(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(json.dumps({"prompt": "a ball", "look": "glossy"}) + "\n")
    with pytest.raises(PipelineError, match=r"jobs.jsonl:1: look: "):
        load_jobs(jobs)
    jobs.write_text(json.dumps({"prompt": "a ball", "chunks": 3}) + "\n")
    with pytest.raises(PipelineError, match="not a job option"):
        load_jobs(jobs)


def test_seed_sweep_counts_as_the_jobs_own_seed() -> None:
    from pipeline.batch import expand_seeds

    (spec,) = expand_seeds([JobSpec(prompt="a ball", seed=1)], [5])
    assert job_options(spec, RunOptions(seed=9)).seed == 5


def test_bench_sections_are_found_by_name() -> None:
    found = sections()
    assert {"speed", "protocol", "batch"} <= set(found)
    with pytest.raises(PipelineError, match="--section: unknown section nope"):
        run_sections(["nope"], BenchContext())


def test_cli_records_look_and_strict_in_the_report(tmp_path: Path, tiny_script_file: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    out = tmp_path / "clip.mp4"
    result = CliRunner().invoke(app, ["render", str(tiny_script_file), "-o", str(out), "--duration", "0.2",
                                      "--resolution", "64x36", "--look", "fast", "--strict", "--no-audio",
                                      "--no-previews", "-q"])
    assert result.exit_code == 0, result.output
    report = json.loads(out.with_suffix(".json").read_text())
    assert report["look"] == "fast" and report["strict"] is True and report["audio"] is None
