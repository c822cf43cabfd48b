"""Scene script v1: examples load, and every kind of mistake gives a message naming file, field and rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenes import ScriptError, dumps_script, load_script, loads_script, save_script
from scenes.script import SceneScript

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "scenes" / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_load(path: Path) -> None:
    script = load_script(path)
    assert script.version == 1
    assert script.actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("duration: -1", "bad.yaml: duration: Input should be greater than 0"),
        ("resolution: 100000x1", "bad.yaml: resolution.width: Input should be less than or equal to 7680"),
        ("resolution: 1281x720", "resolution.width: Input should be a multiple of 2"),
        ("actors: [{id: a, asset: sphere, material: {color: reddish}}]",
         "bad.yaml: actors[0].material.color: unknown colour 'reddish'"),
        ("actors: [{id: a, asset: blob}]", "bad.yaml: actors[0].asset: unknown asset 'blob'"),
        ("camera: {shots: [{type: orbit, target: nobody}]}",
         "bad.yaml: camera.shots[0].target: no actor with id 'nobody'"),
        ("actors: [{id: a, asset: box, actions: [{type: spin, start: 20}]}]",
         "bad.yaml: actors[0].actions[0].start: time 20 s is after the end of the video (duration 10 s)"),
        ("foo: 1", "bad.yaml: foo: unknown field"),
        ("actors: [{id: a, asset: box}, {id: a, asset: box}]", "bad.yaml: actors[1].id: duplicate actor id 'a'"),
        ("actors: [{id: 'a b', asset: box}]", "bad.yaml: actors[0].id: id 'a b' must start with a letter"),
        ("[1, 2", "bad.yaml: not valid YAML/JSON at line 1"),
        ("- 1\n- 2", "bad.yaml: a scene script must be a mapping"),
        ("camera: {shots: [{type: zoomy}]}", "bad.yaml: camera.shots[0]: unknown type 'zoomy'"),
        ("actors: [{id: a, asset: box, keyframes: [{t: 2}, {t: 1}]}]", "strictly increasing time order"),
        ("camera: {shots: [{type: static, start: 5}, {type: static, start: 2}]}",
         "camera.shots[1].start: 2 s is before camera.shots[0].start (5 s)"),
        ("fps: 0", "bad.yaml: fps: Input should be greater than or equal to 1"),
        ("actors: [{id: a, asset: box, scale: 0}]", "bad.yaml: actors[0].scale[0]: Input should be greater than 0"),
        ("environment: {sky: mars}", "bad.yaml: environment.sky: Input should be"),
    ],
)
def test_errors_are_located(text: str, expected: str) -> None:
    with pytest.raises(ScriptError) as info:
        loads_script(text, "bad.yaml")
    message = str(info.value)
    assert expected in message
    assert "\n" not in message  # one line


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ScriptError, match=r"nope\.yaml: no such file"):
        load_script(tmp_path / "nope.yaml")


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_save_load_round_trip(tmp_path: Path, suffix: str) -> None:
    script = load_script(EXAMPLES[0])
    path = save_script(script, tmp_path / f"copy{suffix}")
    assert load_script(path) == script
    assert not list(tmp_path.glob(".*.part"))


def test_colours_accept_names_hex_and_triples() -> None:
    text = """
actors:
  - {id: a, asset: box, material: {color: Light Blue}}
  - {id: b, asset: box, material: {color: "#ff8800"}}
  - {id: c, asset: box, material: {color: [0.1, 0.2, 0.3]}}
"""
    script = loads_script(text)
    assert [a.material.color for a in script.actors][1] == "#ff8800"
    with pytest.raises(ScriptError, match=r"colour \[2\.0, 0\.0, 0\.0\] must be three numbers in 0\.\.1"):
        loads_script("actors: [{id: a, asset: box, material: {color: [2, 0, 0]}}]")


def test_defaults_and_resolution_forms() -> None:
    assert loads_script("resolution: [640, 360]").resolution.width == 640
    script = SceneScript()
    assert (script.duration, script.fps, str(script.resolution)) == (10.0, 30, "1280x720")
    assert script.frame_count == 300
    assert "version: 1" in dumps_script(script)


def test_schema_is_json_schema() -> None:
    schema = SceneScript.model_json_schema(by_alias=True)
    assert schema["type"] == "object"
    assert {"actors", "camera", "environment", "duration"} <= set(schema["properties"])
