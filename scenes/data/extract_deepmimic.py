"""Build ``scenes/data/motions.npz`` from the DeepMimic clips inside the ``pybullet`` wheel (run by hand, once).

    pip download pybullet --no-deps -d /tmp/pb
    unzip -q /tmp/pb/pybullet-*.whl 'pybullet_data/data/motions/*' -d /tmp/pb/x
    python scenes/data/extract_deepmimic.py /tmp/pb/x/pybullet_data/data/motions

Each clip is kept as DeepMimic wrote it (one row per keyframe: duration, root position, root and joint
rotations; see ``scenes/mocap.py``), as float32, with whether it loops. Only the clips the project uses ship.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

CLIPS = ("kick", "punch", "cartwheel", "crawl", "backflip", "roll", "getup_faceup", "getup_facedown",
         "walk", "run", "dance_a", "dance_b")


def main(folder: Path, out: Path) -> None:
    arrays = {}
    for name in CLIPS:
        doc = json.loads((folder / f"humanoid3d_{name}.txt").read_text())
        arrays[f"{name}.frames"] = np.array(doc["Frames"], dtype=np.float32)
        arrays[f"{name}.loop"] = np.array(doc["Loop"] == "wrap")
    np.savez_compressed(out, **arrays)
    print(f"{out}: {len(CLIPS)} clips, {out.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).with_name("motions.npz"))
