"""Fixtures for engine tests: small scripts compiled into timelines, and hand-made frame states."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from scenes import FrameState, Timeline, compile_script, loads_script


def timeline_from(yaml_text: str) -> Timeline:
    """Compile a scene script given as YAML text."""
    return compile_script(loads_script(yaml_text, "<test>"))


def with_camera(state: FrameState, position: tuple[float, float, float] | None = None,
                hpr: tuple[float, float, float] | None = None, fov: float | None = None) -> FrameState:
    """A copy of ``state`` with the camera moved (the world is unchanged)."""
    cam = state.camera
    new_cam = dataclasses.replace(
        cam,
        position=np.asarray(position if position is not None else cam.position, dtype=np.float64),
        hpr=np.asarray(hpr if hpr is not None else cam.hpr, dtype=np.float64),
        fov=float(fov if fov is not None else cam.fov),
    )
    return dataclasses.replace(state, camera=new_cam)


@pytest.fixture
def panda():
    """A PandaEngine (EGL), closed after the test."""
    from engine_bridge.panda.engine import PandaEngine

    engine = PandaEngine(msaa=0, shadow_size=512)
    yield engine
    engine.close()
