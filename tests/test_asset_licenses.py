"""Every shipped asset file has a recorded source and licence in ASSET-LICENSES.yaml."""

from __future__ import annotations

import fnmatch
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ASSET_SUFFIXES = (".npz", ".npy", ".exr", ".hdr", ".pfm", ".png", ".jpg", ".jpeg", ".glb", ".gltf", ".bin",
                  ".bvh", ".obj", ".wav", ".ogg", ".onnx", ".ttf", ".ktx", ".dds", ".txt", ".json")
SHIPPED_UNDER = ("scenes", "engine_bridge", "pipeline")  # what the wheel installs; docs/ and tests/ are not assets
SPDX_LIKE = ("CC0-1.0", "CC-BY-4.0", "CC-BY-3.0", "CC-BY-SA-4.0", "MIT", "Apache-2.0", "BSD-3-Clause",
             "BSD-2-Clause", "Zlib", "OFL-1.1", "Public-Domain", "CMU-Mocap")


def shipped_asset_files() -> list[str]:
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", *SHIPPED_UNDER],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    binary = (".npz", ".exr", ".hdr", ".glb", ".bvh", ".onnx", ".wav")
    return [p for p in out
            if (p.lower().endswith(ASSET_SUFFIXES) and "/data/" in f"/{p}") or p.lower().endswith(binary)]


def entries() -> list[dict]:
    doc = yaml.safe_load((ROOT / "ASSET-LICENSES.yaml").read_text())
    return list(doc.get("assets") or [])


def test_every_entry_names_source_and_licence() -> None:
    for e in entries():
        assert {"path", "source", "licence", "author"} <= set(e), e
        assert e["licence"] in SPDX_LIKE, f"{e['path']}: licence {e['licence']!r} is not one we accept"
        assert any(fnmatch.fnmatch(p, e["path"]) for p in shipped_asset_files()), f"{e['path']}: matches no file"


def test_every_shipped_asset_file_is_listed() -> None:
    globs = [e["path"] for e in entries()]
    missing = [p for p in shipped_asset_files() if not any(fnmatch.fnmatch(p, g) for g in globs)]
    assert not missing, f"asset files without a licence entry in ASSET-LICENSES.yaml: {missing}"
