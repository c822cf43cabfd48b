"""World ↔ Unreal conversion: both directions, round trips, agreement with Panda3D's and Unreal's rotation
conventions, and numbers that UnrealCV can parse (fixed point, never an exponent)."""

from __future__ import annotations

import math
import re

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from engine_bridge.unreal.coords import (
    forward_of,
    number,
    numbers,
    scale_to_unreal,
    scale_to_world,
    unreal_to_world,
    world_to_unreal,
)

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
angle = st.floats(min_value=-720, max_value=720, allow_nan=False, allow_infinity=False)
UNREALCV_FLOAT = re.compile(r"^[-+]?\d*\.?\d+$")  # the plugin's float argument pattern


def unreal_axes(pitch: float, yaw: float, roll: float) -> np.ndarray:
    """Forward, right, up of an Unreal rotator (rows), from FRotationMatrix's published formula."""
    sp, cp = math.sin(math.radians(pitch)), math.cos(math.radians(pitch))
    sy, cy = math.sin(math.radians(yaw)), math.cos(math.radians(yaw))
    sr, cr = math.sin(math.radians(roll)), math.cos(math.radians(roll))
    return np.array([
        [cp * cy, cp * sy, sp],
        [sr * sp * cy - cr * sy, sr * sp * sy + cr * cy, -sr * cp],
        [-(cr * sp * cy + sr * sy), cy * sr - cr * sp * sy, cr * cp],
    ])


def test_known_values_both_ways() -> None:
    loc, rot = world_to_unreal((1.0, 2.0, 3.0), (90.0, 10.0, 5.0))
    assert np.allclose(loc, [200.0, 100.0, 300.0])  # world +Y forward → Unreal +X; metres → cm
    assert np.allclose(rot, [10.0, -90.0, 5.0])  # heading 90 (facing -X, a left turn) is yaw -90
    pos, hpr = unreal_to_world(loc, rot)
    assert np.allclose(pos, [1.0, 2.0, 3.0]) and np.allclose(hpr, [90.0, 10.0, 5.0])
    assert np.allclose(scale_to_unreal((1, 2, 3)), (2, 1, 3)) and np.allclose(scale_to_world((2, 1, 3)), (1, 2, 3))


@given(st.tuples(finite, finite, finite), st.tuples(angle, st.floats(-89, 89), angle))
def test_round_trips(position: tuple[float, float, float], hpr: tuple[float, float, float]) -> None:
    loc, rot = world_to_unreal(position, hpr)
    back_pos, back_hpr = unreal_to_world(loc, rot)
    assert np.allclose(back_pos, position, atol=1e-9, rtol=1e-12)
    wrapped = (np.asarray(back_hpr) - np.asarray(hpr) + 180.0) % 360.0 - 180.0
    assert np.allclose(wrapped, 0.0, atol=1e-9)
    loc2, rot2 = world_to_unreal(back_pos, back_hpr)
    assert np.allclose(loc2, loc) and np.allclose(rot2, rot, atol=1e-9)


@given(angle, st.floats(-89, 89), angle)
def test_orientation_agrees_with_panda_and_unreal(h: float, p: float, r: float) -> None:
    from panda3d.core import NodePath

    node = NodePath("probe")
    node.set_hpr(h, p, r)
    quat = node.get_quat()
    world = {name: np.array(getattr(quat, f"get_{name}")()) for name in ("forward", "right", "up")}
    _, rot = world_to_unreal((0, 0, 0), (h, p, r))
    axes = unreal_axes(*rot)
    for row, name in enumerate(("forward", "right", "up")):
        ux, uy, uz = axes[row]
        assert np.allclose([uy, ux, uz], world[name], atol=1e-5), name  # Unreal (X, Y, Z) is world (Y, X, Z)
    assert np.allclose(forward_of((h, p, r)), world["forward"], atol=1e-5)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e30, max_value=1e30), st.integers(0, 9))
def test_numbers_never_use_exponents(value: float, decimals: int) -> None:
    text = number(value, decimals)
    assert "e" not in text.lower() and UNREALCV_FLOAT.match(text), text
    assert not (float(text) == 0.0 and text.startswith("-"))  # no "-0.0000"
    if abs(value) < 1e12:
        assert abs(float(text) - value) <= 0.5 * 10.0 ** -decimals + 1e-9 * abs(value)


def test_number_edge_cases() -> None:
    assert number(1e-7) == "0.0000" and number(-1e-7) == "0.0000"  # no "-0.0000"
    assert number(1e20) == "100000000000000000000.0000"
    assert numbers([1, -2.5, 3.14159]) == "1.0000 -2.5000 3.1416"
    for bad in (float("nan"), float("inf")):
        try:
            number(bad)
        except ValueError as exc:
            assert "finite" in str(exc)
        else:
            raise AssertionError("non-finite numbers must be refused")
