"""Conformance of the project's UnrealCV server with the 5.2 plugin, rule by rule.

Every rule cites the plugin source it comes from: github.com/unrealcv/unrealcv, branch 5.2, commit
ec120436f1f64702fe2c29ae1e4af5c4bf2c8486, paths under Source/UnrealCV/Private/. The first test replays every
command the Unreal backend sends in a render (open, frames, passes, close) and checks each reply against the
rule for that command; a command no rule covers fails the test, so a new command needs its rule here. The others
check the plugin's parsing and its answers to the mistakes the backend guards against.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable

import cv2
import numpy as np
import pytest

from engine_bridge.unreal.engine import UnrealEngine
from engine_bridge.unreal.server import UnrealCVServer
from scenes import Timeline

PIN = "ec120436f1f64702fe2c29ae1e4af5c4bf2c8486"
SPHERE = "/Game/EngineReel/Shapes/BP_ER_Sphere.BP_ER_Sphere_C"
DIRECTOR_CLASS = "/Game/EngineReel/BP_EngineReelDirector.BP_EngineReelDirector_C"
VECTOR = re.compile(r"-?\d+\.\d{3} -?\d+\.\d{3} -?\d+\.\d{3}")


def _text(reply: str | bytes) -> str:
    return reply if isinstance(reply, str) else ""


def _is_png(reply: str | bytes) -> bool:
    return isinstance(reply, bytes) and reply[:8] == b"\x89PNG\r\n\x1a\n"


def _is_depth(reply: str | bytes) -> bool:
    if not isinstance(reply, bytes) or reply[:6] != b"\x93NUMPY":
        return False
    array = np.load(io.BytesIO(reply))
    return array.dtype == np.float32 and array.ndim == 2


def _is_outputs(reply: str | bytes, key: str) -> bool:
    try:
        outputs = json.loads(_text(reply))
    except ValueError:
        return False
    return isinstance(outputs, dict) and isinstance(outputs.get(key), str)


# (command pattern, what the reply must be, where the plugin says so)
REPLAY_RULES: list[tuple[str, Callable[[str, str | bytes], bool], str]] = [
    (r"vget /unrealcv/status", lambda c, r: _text(r).startswith("Is Listening\n") and "Configuration\n" in _text(r),
     "Commands/PluginHandler.cpp:35-39, Server/ServerConfig.cpp:73"),
    (r"vget /unrealcv/version", lambda c, r: _text(r).startswith("1.0.1"),
     "Commands/PluginHandler.cpp:69 (the .uplugin VersionName, 1.0.1)"),
    (r"vget /objects", lambda c, r: _text(r).endswith(" ") and "  " not in _text(r),
     "Commands/ObjectHandler.cpp:237-241 (each name followed by a space)"),
    (r"vget /cameras", lambda c, r: re.fullmatch(r"(\S+ )+", _text(r)) is not None,
     "Commands/CameraHandler.cpp:71-75 (sensor component names, each followed by a space)"),
    (r"vset /cameras/spawn", lambda c, r: re.fullmatch(r"FusionCameraActor_\d+", _text(r)) is not None,
     "Commands/CameraHandler.cpp:480-483 (the new FusionCameraActor's name)"),
    (r"vget /camera/\d+/location", lambda c, r: VECTOR.fullmatch(_text(r)) is not None,
     "Commands/CameraHandler.cpp:85-89, Utils/StrFormatter.h:16 (%.3f %.3f %.3f)"),
    (r"vset /objects/spawn \S+ (\S+)", lambda c, r: _text(r) == c.split(" ")[-1],
     "Commands/ObjectHandler.cpp:444-449 (the actor's name: the one asked for when the rename succeeded)"),
    (r"vbp \S+ Handshake \d+", lambda c, r: _is_outputs(r, "Echo"),
     "Commands/AliasHandler.cpp:305-350 (a JSON object of the String and numeric outputs)"),
    (r"vbp \S+ \S+.*", lambda c, r: _is_outputs(r, "Done"), "Commands/AliasHandler.cpp:305-350"),
    (r"vrun .+", lambda c, r: r == "ok", "Commands/AliasHandler.cpp:86-87 (ok whatever the console did)"),
    (r"vget /camera/\d+/lit png", lambda c, r: _is_png(r), "Commands/CameraHandler.cpp:217-219"),
    (r"vget /camera/\d+/object_mask png", lambda c, r: _is_png(r), "Commands/CameraHandler.cpp:348-358, :217-219"),
    (r"vget /camera/\d+/depth npy", lambda c, r: _is_depth(r),
     "Commands/CameraHandler.cpp:256-258, Utils/Serialization.cpp:22-25 (float32, height x width)"),
    (r"vset .+", lambda c, r: r == "ok", "Server/ExecStatus.cpp:104 (an OK status without a message is 'ok')"),
]


def test_every_command_the_backend_sends_gets_the_plugins_reply(timeline: Timeline, server: UnrealCVServer) -> None:
    sent: list[tuple[str, str | bytes]] = []
    with UnrealEngine(*server.address, timeout=20) as engine:
        original = engine._link.exchange

        def record(commands):
            replies = original(commands)
            sent.extend(zip(commands, replies, strict=True))
            return replies

        engine._link.exchange = record  # type: ignore[method-assign]
        engine.open(timeline)
        for i in range(2):
            engine.render(timeline.frame(i))
        engine.render_passes(timeline.frame(2), ["depth", "mask"])
    uncovered, broken = [], []
    for command, reply in sent:
        rule = next((r for r in REPLAY_RULES if re.fullmatch(r[0], command)), None)
        if rule is None:
            uncovered.append(command)
        elif not rule[1](command, reply):
            broken.append(f"{command!r} -> {reply[:60]!r} breaks {rule[2]}")
    assert not uncovered, f"commands without a conformance rule: {uncovered}"
    assert not broken, broken
    kinds = {re.sub(r"\d+|ER_\w+|-?\d+\.\d+", "#", c.split(" ")[0] + " " + c.split(" ")[1]) for c, _ in sent}
    assert len(sent) > 60 and len(kinds) > 10  # the replay covered the whole render, not a stub


# (set-up commands, command, expected reply or a pattern for it, the plugin source)
RULES: list[tuple[tuple[str, ...], str, str, str]] = [
    ((), "vget /no/such/thing", "error No handler found for URI 'vget /no/such/thing'",
     "Server/CommandDispatcher.cpp:199"),
    ((), "vget  /objects", "error No handler found for URI 'vget  /objects'",
     "Server/CommandDispatcher.cpp:84 (words of a template are separated by exactly one space)"),
    (("vset /cameras/spawn",), "vset /camera/1/location 1  2 3", "error No handler found for URI *",
     "Server/CommandDispatcher.cpp:26 (a float needs a digit: the empty word between two spaces is none)"),
    ((), "vset /objects/spawn  ball", "error Can not find a class with name ''",
     "Server/CommandDispatcher.cpp:24 ([str] is [^ ]*: the empty word is a class name)"),
    ((), "vget /objects   ", "WorldSettings *", "Server/CommandDispatcher.cpp:84 (trailing spaces are allowed)"),
    ((), "vset /camera/0/fov 1e5", "error No handler found for URI *",
     "Server/CommandDispatcher.cpp:26 (no exponents: [-+]?\\d*[.]?\\d+)"),
    ((), "vset /camera/0/fov -.5", "ok", "Server/CommandDispatcher.cpp:26, Commands/CameraHandler.cpp:472-474 "
                                         "(any float; the plugin does not check the range)"),
    ((), "vset /camera/0/fov 1.", "error No handler found for URI *", "Server/CommandDispatcher.cpp:26"),
    ((), "vset /camera/0/size 0 7", "ok", "Commands/CameraHandler.cpp:513-516, Sensor/CameraSensor/"
                                          "FusionCamSensor.cpp:204-212 (any size; 0 only warns)"),
    (("vset /camera/0/size 15 11",), "vget /camera/0/size", "15 11", "Commands/CameraHandler.cpp:499-502"),
    ((), "vget /camera/0/fov", "90.000000", "Commands/CameraHandler.cpp:459-461 (%f)"),
    ((), "vget /camera/7/location", "error Invalid sensor id", "Commands/CameraHandler.cpp:52-58"),
    ((), "vget /cameras", "PawnSensor ", "Commands/CameraHandler.cpp:71-75, Controller/WorldController.cpp:35"),
    ((), "vset /cameras/spawn", "FusionCameraActor_0", "Commands/CameraHandler.cpp:477-483"),
    (("vset /cameras/spawn",), "vget /cameras", "PawnSensor FusionCameraSensor ",
     "Actor/FusionCameraActor.cpp:10-11, BPFunctionLib/SensorBPLib.cpp:16-48 (the pawn's first)"),
    ((), "vget /camera/0/lit npy", "error Invalid filename type, filename npy",
     "Commands/CameraHandler.cpp:186-191, :224 (lit is colour: png or bmp)"),
    ((), "vget /camera/0/depth png", "error Invalid filename type, filename png",
     "Commands/CameraHandler.cpp:256-264 (depth is float: npy only)"),
    ((), "vget /camera/0/object_mask npy", "error Invalid filename type, filename npy",
     "Commands/CameraHandler.cpp:348-358, :224"),
    ((), "vget /camera/0/normal npy", "error Invalid filename type, filename npy",
     "Commands/CameraHandler.cpp:318-328, :224"),
    ((), "vset /camera/0/exposure_method auto",
     "error Can not support auto exposure mode auto, available options are histogram, basic and manual",
     "Commands/CameraHandler.cpp:568-572"),
    ((), "vset /camera/0/exposure_method Manual", "ok", "Commands/CameraHandler.cpp:33 (options are lower-cased)"),
    ((), "vset /camera/0/motion_blur 0 0 0 0", "ok", "Commands/CameraHandler.cpp:705-717"),
    ((), "vset /objects/spawn Nope x", "error Can not find a class with name 'Nope'",
     "Commands/ObjectHandler.cpp:425-431"),
    ((f"vset /objects/spawn {SPHERE} ball",), f"vset /objects/spawn {SPHERE} ball",
     "error Failed to spawn ball, object exists.", "Commands/ObjectHandler.cpp:407-416"),
    ((f"vset /objects/spawn {SPHERE} ball",), f"vset /objects/spawn {SPHERE} BALL", "BP_ER_Sphere_C_1",
     "Commands/ObjectHandler.cpp:24-35, :444-449 (a taken name, any case: the automatic name is kept, no error)"),
    ((), f"vset /objects/spawn {SPHERE} sphere", "BP_ER_Sphere_C_0",
     "Commands/ObjectHandler.cpp:26 (names are compared with every loaded object: the engine's Sphere mesh)"),
    ((), "vget /object/ghost/location", "error Cannot find object", "Commands/ObjectHandler.cpp:246-247"),
    ((f"vset /objects/spawn {SPHERE} ball",), "vget /object/ball/location", "0.000 0.000 0.000",
     "Commands/ObjectHandler.cpp:252-255, Utils/StrFormatter.h:16"),
    ((f"vset /objects/spawn {SPHERE} ball", "vset /object/ball/color 255 0 16"), "vget /object/ball/color",
     "(R=255,G=0,B=16,A=255)", "Commands/ObjectHandler.cpp:310-312 (FColor::ToString)"),
    ((f"vset /objects/spawn {SPHERE} ball", "vset /object/ball/color 256 300 7"), "vget /object/ball/color",
     "(R=0,G=44,B=7,A=255)", "Commands/ObjectHandler.cpp:324-325 (Atoi, then uint8 in FColor)"),
    ((f"vset /objects/spawn {SPHERE} ball",), "vset /object/ball/name Ball2", "ok",
     "Commands/ObjectHandler.cpp:38-42"),
    ((f"vset /objects/spawn {SPHERE} ball", f"vset /objects/spawn {SPHERE} bat"), "vset /object/bat/name BALL",
     "error Renaming an object to overwrite an existing object is not allowed: BALL",
     "Commands/ObjectHandler.cpp:26-35"),
    ((), "vrun stat fps", "ok", "Commands/AliasHandler.cpp:21-25, :86-87 (2 to 6 words; no feedback)"),
    ((), "vrun stat", "error Unrecognised alias 'stat'", "Server/CommandDispatcher.cpp:33, :136-140"),
    ((), "vbp ghost SetSky day 0.1", "error Can not find actor with id 'ghost'", "Commands/AliasHandler.cpp:104-106"),
    ((f"vset /objects/spawn {DIRECTOR_CLASS} Dir",), "vbp Dir NoSuchFunction", "error Argument Invalid",
     "Commands/AliasHandler.cpp:158-163"),
    ((f"vset /objects/spawn {DIRECTOR_CLASS} Dir",), "vbp Dir Handshake 41", '{\n\t"Echo": "41"\n}',
     "Commands/AliasHandler.cpp:305-350, BPFunctionLib/JsonObjectBP.cpp:115-121 (outputs as JSON strings)"),
    ((f"vset /objects/spawn {DIRECTOR_CLASS} Dir",), "vbp Dir SetSky day fog", '{\n\t"Done": "0"\n}',
     "Commands/AliasHandler.cpp:249-269 (an input that does not import: no call, the outputs stay zero)"),
    ((f"vset /objects/spawn {DIRECTOR_CLASS} Dir",), "vbp Dir SetSky day", '{\n\t"Done": "0"\n}',
     "Commands/AliasHandler.cpp:217-260 (a missing Float does not import)"),
    ((f"vset /objects/spawn {DIRECTOR_CLASS} Dir",), "vbp Dir SetSky day 0.1 extra", '{\n\t"Done": "1"\n}',
     "Commands/AliasHandler.cpp:195-217 (words past the inputs are ignored)"),
    ((f"vset /objects/spawn {DIRECTOR_CLASS} Dir",), "vbp Dir SetSun 1 2 3 4 5 6 true 8 9 10",
     "error No handler found for URI *", "Commands/AliasHandler.cpp:38-47 (at most 9 words after the function)"),
    ((), "vset /action/game/pause", "ok", "Commands/ActionHandler.cpp:54-62"),
    (("vset /action/game/pause",), "vget /action/game/is_paused", "true", "Commands/ActionHandler.cpp:74-82"),
    ((), "vget /unrealcv/commands", "error No handler found for URI 'vget /unrealcv/commands'",
     "Commands/PluginHandler.cpp:91-121 (the 5.2 plugin has no such command)"),
]


@pytest.mark.parametrize(("setup", "command", "expected", "source"), RULES, ids=[r[1] for r in RULES])
def test_plugin_rule(setup: tuple[str, ...], command: str, expected: str, source: str) -> None:
    server = UnrealCVServer("127.0.0.1", 0)  # commands run directly; nothing here draws
    try:
        for step in setup:
            assert not server.execute(step).startswith(b"error"), step
        reply = server.execute(command).decode()
    finally:
        server.world.close()
    pattern = re.escape(expected).replace(r"\*", ".*")
    assert re.fullmatch(pattern, reply, re.DOTALL), f"{command!r} -> {reply!r}; the plugin: {source} @ {PIN[:8]}"


def test_camera_0_follows_the_controller_only_while_the_game_ticks() -> None:
    # CameraHandler.cpp:151-166: camera 0's rotation sets the controller; Sensor/CameraSensor/PawnCamSensor.cpp
    # :26-53 copies it into the sensor in TickComponent, which a paused game does not run. A spawned camera
    # turns at once (FusionCamSensor.cpp:199-202).
    server = UnrealCVServer("127.0.0.1", 0)
    run = server.execute
    assert run("vset /action/game/pause") == b"ok" and run("vset /cameras/spawn") == b"FusionCameraActor_0"
    assert run("vset /camera/0/rotation -10 90 0") == b"ok" and run("vset /camera/1/rotation -10 90 0") == b"ok"
    assert run("vget /camera/0/rotation") == b"0.000 0.000 0.000"  # stuck while paused
    assert run("vget /camera/1/rotation") == b"-10.000 90.000 0.000"
    assert run("vset /action/game/resume") == b"ok" and run("vget /camera/0/rotation") == b"-10.000 90.000 0.000"
    server.world.close()


def test_depth_and_masks_see_only_annotated_actors() -> None:
    # Sensor/CameraSensor/DepthCamSensor.cpp:24-31 and AnnotationCamSensor.cpp:165-172 draw only the annotation
    # components; a runtime actor gets one only from `vset /object/X/color` (Controller/ObjectAnnotator.cpp:43-61).
    with UnrealCVServer("127.0.0.1", 0).start() as server:
        run = server.execute
        for step in ("vset /cameras/spawn", "vset /camera/1/size 64 48", "vset /camera/1/location -250 0 60",
                     f"vset /objects/spawn {SPHERE} seen", f"vset /objects/spawn {SPHERE} unseen",
                     "vset /object/seen/location 0 -70 0", "vset /object/unseen/location 0 70 0",
                     "vset /object/seen/color 32 16 16"):
            assert not run(step).startswith(b"error"), step
        mask = cv2.imdecode(np.frombuffer(run("vget /camera/1/object_mask png"), np.uint8), cv2.IMREAD_COLOR)
        depth = np.load(io.BytesIO(run("vget /camera/1/depth npy")))
        run("vset /object/unseen/color 16 32 16")
        depth_annotated = np.load(io.BytesIO(run("vget /camera/1/depth npy")))
    left, right = (slice(None), slice(0, 32)), (slice(None), slice(32, 64))
    assert (mask[left] == (16, 16, 32)).all(axis=-1).sum() > 20  # BGR of (32, 16, 16)
    assert not (mask[right] != 0).any()  # the unannotated sphere is not in the mask…
    assert np.array_equal(depth[left], depth_annotated[left])
    assert (depth_annotated[right] < depth[right] - 50).sum() > 20  # …nor in depth until it is annotated


def test_docs_specify_every_blueprint_function_as_the_server_implements_it() -> None:
    from pathlib import Path

    from engine_bridge.unreal.blueprints import CHARACTER, DIRECTOR

    docs = (Path(__file__).resolve().parents[2] / "docs" / "unreal.md").read_text()
    for function in (*DIRECTOR, *CHARACTER):
        inputs = ", ".join(f"`{n}` ({t})" for n, t in function.inputs)
        assert f"| `{function.name}` | {inputs} | " in docs, function.name
    assert PIN in docs


def test_a_camera_actor_and_its_sensor_are_one() -> None:
    # Actor/FusionCameraActor.cpp:10-11: the sensor is the actor's root component, so moving either moves both.
    server = UnrealCVServer("127.0.0.1", 0)
    run = server.execute
    assert run("vset /cameras/spawn") == b"FusionCameraActor_0"
    assert run("vset /object/FusionCameraActor_0/location 1 2 3") == b"ok"
    assert run("vget /camera/1/location") == b"1.000 2.000 3.000"
    assert run("vset /camera/1/location 4 5 6") == b"ok" and run("vset /camera/1/rotation 7 8 9") == b"ok"
    assert run("vget /object/FusionCameraActor_0/location") == b"4.000 5.000 6.000"
    assert run("vget /object/FusionCameraActor_0/rotation") == b"7.000 8.000 9.000"
    assert run("vset /object/FusionCameraActor_0/destroy") == b"ok" and run("vget /camera/1/location") == \
        b"error Invalid sensor id"
    server.world.close()
