"""Scripts are bounded before parsing: size, nesting, string length, regular files; JSON escapes are JSON's."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from scenes import ScriptError, load_script, loads_script
from scenes.io import MAX_SCRIPT_BYTES


@pytest.mark.parametrize("text", [
    "title: " + "[" * 500 + "]" * 500,                    # flow nesting: RecursionError in the parser before
    "title:\n" + "".join("  " * i + "- \n" for i in range(500)),  # block nesting
    "- " * 600 + "x",
    '{"title": ' + "[" * 3000 + "]" * 3000 + "}",         # JSON
])
def test_deep_nesting_is_one_located_line(text: str) -> None:
    with pytest.raises(ScriptError, match=r"^s\.yaml: nested more than 64 levels deep"):
        loads_script(text, "s.yaml")


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    script = loads_script(json.dumps({"title": "[" * 200, "duration": 1}), "s.json")
    assert script.title == "[" * 200


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(MAX_SCRIPT_BYTES + 1)  # sparse: costs no disk
    t0 = time.monotonic()
    with pytest.raises(ScriptError, match=rf"big.yaml: {MAX_SCRIPT_BYTES + 1} bytes; a scene script is at most"):
        load_script(big)
    assert time.monotonic() - t0 < 1


def test_a_long_string_is_refused_with_its_field() -> None:
    text = json.dumps({"captions": [{"text": "x" * 200_000}]})
    with pytest.raises(ScriptError, match=r"captions\[0\]\.text: a text of 200000 characters; at most 100000"):
        loads_script(text, "s.json")


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "s.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ScriptError, match="not a regular file"):
        load_script(fifo)


def test_surrogate_pair_escapes_read_as_the_character(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"title": "party 🎈", "duration": 1}))  # ensure_ascii: "\\ud83c\\udf88"
    assert "\\ud83c" in path.read_text()
    assert load_script(path).title == "party 🎈"
    yaml_text = 'title: "party \\ud83c\\udf88"\nduration: 1\n'  # YAML double quotes: PyYAML leaves surrogates
    assert loads_script(yaml_text, "s.yaml").title == "party 🎈"
    with pytest.raises(ScriptError, match=r"title: a lone UTF-16 surrogate"):
        loads_script('{"title": "\\ud83c alone"}', "s.json")


def test_one_bad_script_does_not_stop_a_batch(tmp_path: Path) -> None:
    from pipeline.batch import load_jobs, resolve_job

    (tmp_path / "deep.yaml").write_text("title: " + "[" * 500 + "]" * 500)
    (tmp_path / "fine.yaml").write_text("duration: 1\n")
    jobs = [resolve_job(spec, i) for i, spec in enumerate(load_jobs(tmp_path))]
    assert [j.error is None for j in jobs] == [False, True]
    assert "nested more than 64 levels" in jobs[0].error
