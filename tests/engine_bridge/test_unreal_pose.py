"""Skeletal poses through the Unreal bridge: the local-rotation conversion and the ``SetPose`` string both ways, the
backend sending ``SetPose`` only for people and animals and only when the pose changed, the server applying it to
the embedded engine's rig (a walking person and a dog rendered through the protocol match a direct render), and
malformed pose strings answered with an error that names what is wrong."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from engine_bridge.unreal.coords import (
    offset_to_unreal,
    offset_to_world,
    rotation_to_unreal,
    rotation_to_world,
    world_to_unreal,
)
from engine_bridge.unreal.engine import REQUESTS_PER_TICK, UnrealEngine
from engine_bridge.unreal.pose import PoseError, parse_pose, pose_argument
from engine_bridge.unreal.server import UnrealCVServer
from scenes import Timeline
from scenes.animation import JointPose
from scenes.catalog import model
from scenes.rig import hpr_matrix
from tests.engine_bridge.conftest import timeline_from
from tests.engine_bridge.test_unreal_coords import UNREALCV_FLOAT, unreal_axes
from tests.engine_bridge.test_unreal_engine import assert_matches_direct, differing, direct_frames, unreal_frames

WALK_AND_DOG = """
duration: 0.5
fps: 10
resolution: 160x90
seed: 3
environment: {sky: day, ground: {material: grass}}
actors:
  - id: walker
    asset: person
    position: [-1.2, 0, 0]
    actions: [{type: walk_to, to: [1.5, 0.5, 0]}]
  - id: rex
    asset: dog
    position: [-1.5, -1, 0]
    actions: [{type: follow, target: walker, distance: 0.6}]
  - {id: crate, asset: box, position: [1.5, 2, 0], scale: 0.5}
camera:
  fov: 55
  shots: [{type: static, position: [0.5, -5, 1.6], target: [0, 0, 0.7]}]
"""


@pytest.fixture(scope="module")
def rigged() -> Timeline:
    return timeline_from(WALK_AND_DOG)


angles = st.floats(-179.0, 179.0)
joint_rotations = arrays(np.float64, (16, 3), elements=st.floats(-179.0, 179.0))


@given(angles, st.floats(-89.0, 89.0), angles)
def test_local_rotation_is_the_same_rotation_on_unreal_axes(h: float, p: float, r: float) -> None:
    # A joint's local rotation, converted, turns a bone's forward/right/up (Unreal rows) into the swapped world
    # columns of the same rotation: Unreal (X, Y, Z) is world (Y, X, Z), both in the parent's frame.
    world = hpr_matrix(np.array([h, p, r]))
    axes = unreal_axes(*rotation_to_unreal([h, p, r]))
    for row, column in ((0, 1), (1, 0), (2, 2)):  # forward = world +Y, right = world +X, up = +Z
        ux, uy, uz = axes[row]
        assert np.allclose([uy, ux, uz], world[:, column], atol=1e-9)


@given(joint_rotations)
def test_local_rotations_round_trip_both_ways(hpr: np.ndarray) -> None:
    unreal = rotation_to_unreal(hpr)
    assert unreal.shape == hpr.shape
    assert np.allclose(rotation_to_world(unreal), hpr, atol=1e-9)
    assert np.allclose(rotation_to_unreal(rotation_to_world(unreal)), unreal, atol=1e-9)
    # one joint converts exactly as an actor's rotation does: one conversion pair
    assert np.array_equal(world_to_unreal((0, 0, 0), hpr[3])[1], unreal[3])


def test_offsets_both_ways() -> None:
    assert np.allclose(offset_to_unreal([0.1, 0.2, -0.03]), [20.0, 10.0, -3.0])
    assert np.allclose(offset_to_world(offset_to_unreal([0.1, 0.2, -0.03])), [0.1, 0.2, -0.03])


@settings(max_examples=40)
@given(joint_rotations, arrays(np.float64, 3, elements=st.floats(-0.5, 0.5)), st.sampled_from(["person", "child"]))
def test_pose_string_round_trips(rotations: np.ndarray, offset: np.ndarray, asset: str) -> None:
    rig = model(asset)
    text = pose_argument(rig, JointPose(rotations, offset), decimals=9)
    assert " " not in text and not re.search(r"\d[eE][-+]?\d", text)
    entries = text.split(";")
    assert [e.split(":")[0] for e in entries] == [j.name for j in rig.joints]
    for entry in entries:
        assert all(UNREALCV_FLOAT.match(v) for v in entry.split(":")[1].split(","))
    back = parse_pose(rig, text)
    assert np.allclose(back.rotations, rotations, atol=1e-8)
    assert np.allclose(back.root_offset, offset, atol=1e-10)


def test_pose_string_reads_as_documented() -> None:
    rig = model("dog")
    rotations = np.zeros((12, 3))
    rotations[rig.joint_index("head")] = [30.0, 10.0, 0.0]  # turn left 30°, nod up 10°
    text = pose_argument(rig, JointPose(rotations, np.array([0.0, 0.02, -0.05])), decimals=2)
    # root: rotation, then its translation from rest in cm on Unreal axes (X forward = world +Y)
    assert text.startswith("body:0.00,0.00,0.00,2.00,0.00,-5.00;neck:0.00,0.00,0.00;head:10.00,-30.00,0.00;")
    assert not re.search(r"\d[eE][-+]?\d", text)


@pytest.mark.parametrize(("argument", "message"), [
    ("", "got nothing"),
    ("body0,0,0", "not 'bone:pitch,yaw,roll'"),
    ("wing:0,0,0", "no bone 'wing'"),
    ("body:0,0,0;body:0,0,0", "bone body is given twice"),
    ("body:0,0", "bone body needs pitch,yaw,roll[,x,y,z], got 2"),
    ("body:0,0,0;neck:0,0,0,1,2,3", "bone neck needs pitch,yaw,roll, got 6"),
    ("body:0,1e3,0", "'1e3' is not a fixed-point number"),
    ("body:0,nan,0", "'nan' is not a fixed-point number"),
    ("body:0,0,0;neck:1,2,3", "missing the bones head, tail, fl_upper"),
])
def test_malformed_pose_strings_say_what_is_wrong(argument: str, message: str) -> None:
    with pytest.raises(PoseError, match=re.escape(message)):
        parse_pose(model("dog"), argument)


def test_malformed_set_pose_is_not_applied(capfd: pytest.CaptureFixture[str]) -> None:
    # As the plugin's vbp (AliasHandler.cpp VExecWithOutput): a call is answered with the function's outputs
    # whether or not it applied; the Blueprint sets Done to 1 only when it did (docs/unreal.md).
    done, not_done = b'{\n\t"Done": "1"\n}', b'{\n\t"Done": "0"\n}'
    with UnrealCVServer("127.0.0.1", 0).start() as server:  # commands run directly: no client needed
        server.execute("vset /objects/spawn dog rex")
        server.execute("vset /objects/spawn box crate")
        good = pose_argument(model("dog"), JointPose(np.zeros((12, 3)), np.zeros(3)))
        assert server.execute(f"vbp rex SetPose {good}") == done
        assert server.execute("vbp rex SetPose body:0,0,0;tail:x,0,0") == not_done
        assert "rex: SetPose entry 2: bone tail: 'x' is not a fixed-point number" in capfd.readouterr().err
        assert server.execute("vbp rex SetPose") == not_done  # an empty String input: called, nothing to apply
        assert server.execute("vbp rex SetPose body:0,0,0; neck:0,0,0") == not_done  # the last String takes the rest
        assert server.execute(f"vbp crate SetPose {good}") == b"error Argument Invalid"  # a box has no SetPose
        assert server.world.objects["rex"].pose is not None  # the bad calls left the last good pose in place


def test_backend_sends_set_pose_for_rigged_actors_only_when_changed(rigged: Timeline) -> None:
    with UnrealCVServer("127.0.0.1", 0).start() as server, UnrealEngine(*server.address, timeout=20) as engine:
        engine.open(rigged)
        batches: list[list[str]] = []
        original = engine._link.exchange

        def spy(commands):
            batches.append(list(commands))
            return original(commands)

        engine._link.exchange = spy  # type: ignore[method-assign]
        per_frame = []
        for i in range(3):
            start = len(batches)
            engine.render(rigged.frame(i))
            per_frame.append([c for batch in batches[start:] for c in batch])
        engine.render(rigged.frame(2))  # the same frame again: nothing changed, nothing but the capture is sent
        repeat = batches[-1]
    assert max(len(b) for b in batches) <= REQUESTS_PER_TICK
    first = [c for c in per_frame[0] if "SetPose" in c]
    assert sorted(c.split()[1] for c in first) == ["ER_rex", "ER_walker"]  # the box has no joints
    walker = next(c for c in first if c.split()[1] == "ER_walker")
    names = [e.split(":")[0] for e in walker.split()[3].split(";")]
    assert names == [j.name for j in model("person").joints]
    for cmds in per_frame[1:]:  # both walk, so both poses change every frame
        assert sorted(c.split()[1] for c in cmds if "SetPose" in c) == ["ER_rex", "ER_walker"]
    assert not any("SetPose" in c for c in repeat) and repeat == ["vget /camera/1/lit png"]


def test_rigged_scene_through_the_protocol_matches_a_direct_render(rigged: Timeline) -> None:
    moved = rigged.poses["walker"].rotations
    assert np.ptp(moved[:, model("person").joint_index("l_thigh"), 1]) > 5.0  # the legs really swing
    with UnrealCVServer("127.0.0.1", 0).start() as server:
        exact = unreal_frames(rigged, server.address, timeout=20, decimals=9)
    with UnrealCVServer("127.0.0.1", 0).start() as server:
        rounded = unreal_frames(rigged, server.address, timeout=20)
    direct = direct_frames(rigged)
    # 9 decimals rebuild the same joint rotations, so the same tolerances as the reference scene hold.
    assert_matches_direct(exact, rounded, direct)
    # Without the poses the frames would differ visibly: the rest pose (arms and legs straight) is not the walk.
    with UnrealCVServer("127.0.0.1", 0).start() as server:
        server.world.set_pose = lambda name, argument: None  # type: ignore[method-assign]
        unposed = unreal_frames(rigged, server.address, timeout=20, decimals=9)
    assert max(differing(a, b) for a, b in zip(unposed, direct, strict=True)) > 0.005
