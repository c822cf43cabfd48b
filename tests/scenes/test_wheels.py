"""Every wheeled vehicle's wheels turn with the distance it drives; rotors spin; vehicles stay rigid for the check."""

from __future__ import annotations

import math

import numpy as np
import pytest

from scenes import compile_script, loads_script
from scenes.catalog import CATALOG, model
from scenes.wheels import spinning_joints

WHEELED = [n for n, s in CATALOG.items() if s.group == "vehicles" and spinning_joints(model(n))[0]]


def _drive(asset: str, distance: float, heading: float = 0.0):
    return compile_script(loads_script(f"""
duration: 2
fps: 10
actors:
  - {{id: v, asset: {asset}, rotation: [{heading}, 0, 0],
     actions: [{{type: move_to, to: [{-distance * math.sin(math.radians(heading)):.4f},
                                      {distance * math.cos(math.radians(heading)):.4f}, 0], start: 0, end: 2}}]}}
""", "<test>"))


def test_the_wheeled_vehicles_are_the_ones_expected() -> None:
    assert {"car", "bus", "truck", "bicycle", "motorbike", "tractor", "train_carriage", "taxi"} <= set(WHEELED)


@pytest.mark.parametrize("name", WHEELED)
def test_wheels_turn_by_distance_over_radius(name: str) -> None:
    tl = _drive(name, 6.0, heading=30.0)
    wheels, _ = spinning_joints(model(name))
    last = tl.frame(-1).poses["v"].rotations
    for k in wheels:
        radius = model(name).joints[k].offset[2]
        assert last[k, 1] == pytest.approx(-math.degrees(6.0 / radius), rel=0.02), name
    assert "v" not in tl.poses  # the vehicle stays a rigid body for physics and the world check


def test_reversing_turns_the_wheels_back_and_parked_wheels_do_not_turn() -> None:
    tl = _drive("car", -3.0)
    assert tl.frame(-1).poses["v"].rotations[model("car").joint_index("wheel_0l"), 1] > 0
    parked = compile_script(loads_script("actors: [{id: v, asset: car}]", "<test>"))
    assert "v" not in parked.frame(0).poses


def test_a_flying_helicopter_spins_its_rotor() -> None:
    tl = compile_script(loads_script("""
duration: 1
fps: 10
actors: [{id: h, asset: helicopter, actions: [{type: fly_to, to: [0, 5, 10]}]}]
""", "<test>"))
    k = model("helicopter").joint_index("rotor_main")
    turns = np.array([tl.frame(i).poses["h"].rotations[k, 0] for i in range(len(tl))])
    assert np.all(np.diff(turns) > 0)
