"""Rotation conventions of scenes.rig: Panda3D's heading/pitch/roll, and the inverse."""

from __future__ import annotations

import numpy as np

from scenes.rig import hpr_matrix, matrix_hpr


def test_hpr_matrix_follows_the_world_conventions() -> None:
    assert np.allclose(hpr_matrix(np.array([90.0, 0, 0])) @ [0, 1, 0], [-1, 0, 0])  # heading 90 faces -X
    assert np.allclose(hpr_matrix(np.array([0, 90.0, 0])) @ [0, 1, 0], [0, 0, 1])  # pitch lifts the nose
    assert np.allclose(hpr_matrix(np.array([0, 0, 90.0])) @ [1, 0, 0], [0, 0, -1])  # roll turns about +Y


def test_matrix_hpr_inverts_hpr_matrix_and_matches_panda() -> None:
    from panda3d.core import TransformState

    rng = np.random.default_rng(0)
    hpr = np.column_stack([rng.uniform(-180, 180, 50), rng.uniform(-85, 85, 50), rng.uniform(-180, 180, 50)])
    assert np.allclose(matrix_hpr(hpr_matrix(hpr)), hpr, atol=1e-9)
    for h in hpr[:5]:
        m = TransformState.make_hpr(tuple(h)).get_mat()
        panda = np.array([[m.get_cell(i, j) for j in range(3)] for i in range(3)]).T  # Panda uses row vectors
        assert np.allclose(panda, hpr_matrix(h), atol=1e-5)
