"""The asset catalog: every asset builds, its stated size matches its mesh, rigs are well formed, CLI lists it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from scenes.catalog import CATALOG, mesh, model

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_asset_builds_stands_on_the_ground_and_matches_its_size(name: str) -> None:
    spec = CATALOG[name]
    lo, hi = mesh(name).bounds
    assert abs(lo[2]) < 0.01  # stands on z = 0
    assert np.allclose(hi - lo, spec.size, rtol=0.06, atol=0.01), (hi - lo, spec.size)
    m = model(name)
    assert all(j.parent < k for k, j in enumerate(m.joints))  # parents before children
    assert {p.slot for p in m.parts} <= set(m.slots) and m.main_slot in m.slots
    assert all(np.isfinite(p.mesh.normals).all() for p in m.parts)


def test_catalog_has_the_people_animals_and_props_the_issue_lists() -> None:
    wanted = {
        "person", "man", "woman", "child", "dog", "cat", "horse", "table", "chair", "tree", "bush", "house", "car",
        "lamp_post", "bench", "rock", "fence", "football", "basketball", "beach_ball", "domino", "ramp", "stairs",
        "wall", "crate", "cup", "pedestal", "figurine",
    }
    assert set(wanted) <= set(CATALOG)
    person = model("person")
    assert 14 <= len(person.joints) <= 18 and len(person.limbs) == 2
    assert {"eyes", "sclera", "hair", "skin"} <= {p.slot for p in (*person.parts, *person.skin)}
    assert len(model("dog").limbs) == 4


def test_assets_command_lists_every_asset_with_size_and_actions() -> None:
    out = subprocess.run([sys.executable, "-m", "pipeline.cli", "assets"], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    lines = out.strip().splitlines()
    for name in CATALOG:
        line = next(ln for ln in lines if ln.split()[0] == name)
        assert " m " in line and "actions:" in line
    assert "walk_to" in next(ln for ln in lines if ln.startswith("person "))



# A boulder is one stone; anything added to its mesh changes the hull its physics tumbles on.
ONE_MATERIAL = {"rock"}


def test_every_asset_sits_on_a_shelf_with_several_material_slots() -> None:
    from scenes.catalog import GROUPS, by_group

    assert set(by_group()) == set(GROUPS) and all(by_group().values())
    for name, spec in CATALOG.items():
        assert spec.group in GROUPS, name
        if spec.kind != "primitive" and name not in ONE_MATERIAL:
            assert len(model(name).slots) >= 2, name


def test_the_catalog_bench_scene_mixes_fifty_distinct_assets() -> None:
    from pipeline.bench import catalog_scene

    script = catalog_scene(50)
    assert len({a.asset for a in script.actors}) == 50
    assert len({CATALOG[a.asset].group for a in script.actors}) >= 6
