"""Contact geometry: separating-axis overlaps, spheres, height fields and what rests on what."""

from __future__ import annotations

import numpy as np
import pytest

from scenes.check import CheckLimits, World
from scenes.contact import GROUND, NOTHING, box_depth, height_field, part_boxes
from scenes.rig import hpr_matrix

AXES = np.eye(3)[None]  # an unturned box


def depth(ca, ha, cb, hb, hpr_b=(0.0, 0.0, 0.0), sideways=None):
    return float(box_depth(np.array([ca], float), AXES, np.array([ha], float), np.array([cb], float),
                           hpr_matrix(np.array([hpr_b], float)), np.array([hb], float), sideways)[0])


def test_box_overlap_is_the_shallowest_way_apart_and_a_gap_is_negative():
    assert depth((0, 0, 0), (1, 1, 1), (1.5, 0, 0), (1, 1, 1)) == 0.5
    assert depth((0, 0, 0), (1, 1, 1), (3, 0, 0), (1, 1, 1)) == -1.0
    assert np.isclose(depth((0, 0, 0), (1, 1, 1), (2.2, 0, 0), (1, 1, 1), (45, 0, 0)), 1 + np.sqrt(2) - 2.2)


def test_things_side_by_side_on_the_ground_are_measured_across_not_up():
    # two flat boxes overlapping 1.5 m sideways but only 0.4 m in height: lifting one is no way apart
    assert np.isclose(depth((0, 0, 0.2), (1, 1, 0.2), (0.5, 0, 0.2), (1, 1, 0.2)), 0.4)
    assert np.isclose(depth((0, 0, 0.2), (1, 1, 0.2), (0.5, 0, 0.2), (1, 1, 0.2), sideways=np.array([True])), 1.5)
    # ... and boxes apart in height stay apart
    assert depth((0, 0, 0.2), (1, 1, 0.2), (0.5, 0, 1.2), (1, 1, 0.2), sideways=np.array([True])) < 0


def test_height_fields_follow_the_mesh_tops():
    ramp = height_field("ramp")  # rises from -Y to +Y, 0.6 m high
    assert ramp[2].mean() < 0.1 and ramp[-3].mean() > 0.5
    table = height_field("table")
    assert np.allclose(table, 0.76, atol=0.01)
    assert len(part_boxes("table")) == 5 and len(part_boxes("rock")) == 1


SCENE = """
duration: 1
fps: 10
resolution: 320x180
actors:
  - {id: ramp, asset: ramp}
  - {id: on_slope, asset: box, scale: 0.2, position: [0, 0.5, 0.45]}
  - {id: over_slope, asset: box, scale: 0.2, position: [0, -0.5, 0.8]}
  - {id: table, asset: table, position: [4, 0, 0]}
  - {id: under_table, asset: cup, position: [4, 0, 0.3]}
  - {id: on_floor, asset: cup, position: [4.2, 0, 0]}
"""


def test_what_rests_on_what(compile_yaml):
    world = World(compile_yaml(SCENE), CheckLimits())
    on = world.support.on[0]
    assert on[1] == 0  # on the ramp's slope
    assert on[2] == NOTHING and on[4] == NOTHING  # above the slope, under the table top
    assert on[5] == GROUND
    assert np.isclose(world.support.gap[0, 4], 0.3)  # measured from the floor under the table


UNDER_AN_AWNING = """
duration: 1
fps: 10
resolution: 320x180
actors:
  - {id: stall, asset: market_stall}
  - {id: on_counter, asset: apple, position: [0, 0.15, 0.9]}
  - {id: under_awning, asset: apple, position: [0.2, 0.15, 1.5]}
  - {id: on_awning, asset: apple, position: [1.0, 0.0, 2.35]}
"""


def test_a_support_under_an_awning_holds_things_and_the_awning_is_still_a_top(compile_yaml):
    # the counter's support is under the awning's boards (1.4 m above it): what stands on the counter rests on it,
    # what hangs between them rests on nothing, and the awning still holds what lies on it beside the counter
    on = World(compile_yaml(UNDER_AN_AWNING), CheckLimits()).support.on[0]
    assert on[1] == 0 and on[2] == NOTHING and on[3] == 0


def test_overlaps_are_measured_once_per_distinct_pose_and_match_a_frame_by_frame_measure(compile_yaml):
    """A table with cups on it stands still while a ball rolls into a box: the static pairs are measured once,
    and every figure is what measuring each frame gives, bit for bit."""
    from scenes import contact

    tl = compile_yaml("""
duration: 2
fps: 15
resolution: 320x180
actors:
  - {id: table, asset: table}
  - {id: cup, asset: cup, position: [0.2, 0, 0.76]}
  - {id: ball, asset: sphere, scale: 0.3, position: [2, -1.5, 0], physics: {mass: 2, velocity: [0, 3, 0]}}
  - {id: crate, asset: box, scale: 0.5, position: [2, 0, 0], physics: {mass: 1}}
""")
    pieces = World(tl, CheckLimits()).pieces
    f = len(tl.times)
    frames = np.repeat(np.arange(f), len(pieces.owner) ** 2)
    a = np.tile(np.repeat(np.arange(len(pieces.owner)), len(pieces.owner)), f)
    b = np.tile(np.arange(len(pieces.owner)), f * len(pieces.owner))
    keep = pieces.owner[a] < pieces.owner[b]
    frames, a, b = frames[keep], a[keep], b[keep]
    versions = pieces.versions
    assert versions[-1, pieces.of(0)].max() == 0  # the table never moves: one pose for the whole video
    assert versions[-1, pieces.of(2)].max() > f // 2  # the rolling ball: a new pose nearly every frame
    shared = contact.piece_depths(pieces, frames, a, b)
    each = contact._piece_depths(pieces, frames, a, b, None)
    assert shared.tobytes() == each.tobytes()


def test_a_spinning_props_lowest_point_is_the_same_in_any_block_of_poses(monkeypatch):
    """true_bottom works through the distinct poses in blocks (memory bounded at any length): the reference scene's
    torus, turned anew every frame, gets the same lowest points with blocks of 7 poses as with one block, and they
    match its posed mesh frame by frame."""
    import scenes.contact as contact
    from pipeline.bench import reference_script
    from scenes import compile_script
    from scenes.catalog import mesh

    timeline = compile_script(reference_script().model_copy(update={"duration": 3.0}))
    i = [a.id for a in timeline.actors].index("moon")
    bottom = np.zeros(timeline.positions.shape[:2])
    monkeypatch.setattr(contact, "POSE_BLOCK", 100_000)
    whole = contact.true_bottom(timeline, bottom)
    monkeypatch.setattr(contact, "POSE_BLOCK", 7)
    blocks = contact.true_bottom(timeline, bottom)
    assert np.array_equal(whole, blocks)
    verts = np.unique(np.round(mesh("torus").vertices.astype(np.float64), 2), axis=0)
    for f in (0, len(timeline) // 2, len(timeline) - 1):
        z = (verts * timeline.scales[f, i]) @ hpr_matrix(timeline.hpr[f, i])[2] + timeline.positions[f, i, 2]
        assert whole[f, i] == pytest.approx(z.min(), abs=1e-12)


def test_every_rigid_asset_has_a_solid() -> None:
    # a tin can's, a plate's and a book's parts all lay within 2 cm of each other, so none was kept: no solid, and
    # the world check crashed on a bowling ball hitting a pyramid of tin cans
    from scenes.catalog import CATALOG
    from scenes.contact import part_boxes

    assert [n for n in CATALOG if len(part_boxes(n)) == 0] == []
