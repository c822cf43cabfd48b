"""glTF 2.0 files the tests write themselves: a static box and a skinned two-bone "arm" with a clip.

glTF is Y-up; the boxes come from scenes.geometry (Z-up) turned by (x, y, z) → (x, z, -y).
"""

from __future__ import annotations

import base64
import json
import math
from pathlib import Path

import numpy as np

from scenes.geometry import box

FLOAT, UINT, USHORT = 5126, 5125, 5123


def _yup(a: np.ndarray) -> np.ndarray:
    return np.stack([a[:, 0], a[:, 2], -a[:, 1]], -1).astype(np.float32)


class _Buffer:
    def __init__(self) -> None:
        self.data = bytearray()
        self.views: list[dict] = []
        self.accessors: list[dict] = []

    def add(self, array: np.ndarray, component: int, kind: str, minmax: bool = False) -> int:
        while len(self.data) % 4:
            self.data.append(0)
        raw = np.ascontiguousarray(array).tobytes()
        self.views.append({"buffer": 0, "byteOffset": len(self.data), "byteLength": len(raw)})
        self.data.extend(raw)
        acc = {"bufferView": len(self.views) - 1, "componentType": component, "count": int(array.shape[0]),
               "type": kind}
        if minmax:
            acc["min"] = array.min(axis=0).astype(float).tolist()
            acc["max"] = array.max(axis=0).astype(float).tolist()
        self.accessors.append(acc)
        return len(self.accessors) - 1

    def document(self, **parts: object) -> dict:
        uri = "data:application/octet-stream;base64," + base64.b64encode(bytes(self.data)).decode()
        return {"asset": {"version": "2.0", "generator": "enginereel tests"},
                "materials": [{"pbrMetallicRoughness": {"baseColorFactor": [1.0, 1.0, 1.0, 1.0]}}],
                "buffers": [{"byteLength": len(self.data), "uri": uri}],
                "bufferViews": self.views, "accessors": self.accessors, **parts}


def write_box_gltf(path: Path, size: tuple[float, float, float] = (1.0, 0.5, 1.5)) -> Path:
    """A static box (width X, depth Y, height Z in world terms) standing on its base."""
    m = box(size)
    buf = _Buffer()
    pos = buf.add(_yup(m.vertices), FLOAT, "VEC3", minmax=True)
    nrm = buf.add(_yup(m.normals), FLOAT, "VEC3")
    idx = buf.add(m.triangles.astype(np.uint32).ravel(), UINT, "SCALAR")
    doc = buf.document(
        scene=0, scenes=[{"nodes": [0]}], nodes=[{"mesh": 0, "name": "box"}],
        meshes=[{"primitives": [{"attributes": {"POSITION": pos, "NORMAL": nrm}, "indices": idx, "material": 0}]}],
    )
    path.write_text(json.dumps(doc))
    return path


def write_skinned_gltf(path: Path, clip: str = "wave") -> Path:
    """Two stacked boxes skinned to two joints; ``clip`` bends the upper joint 90° and back over 1 s."""
    lower, upper = box((0.4, 0.4, 1.0)), box((0.4, 0.4, 1.0))
    verts = np.concatenate([lower.vertices, upper.vertices + np.array([0, 0, 1.0], np.float32)])
    norms = np.concatenate([lower.normals, upper.normals])
    tris = np.concatenate([lower.triangles, upper.triangles + len(lower.vertices)])
    n0 = len(lower.vertices)
    joints = np.zeros((len(verts), 4), np.uint16)
    joints[n0:, 0] = 1
    weights = np.zeros((len(verts), 4), np.float32)
    weights[:, 0] = 1.0
    ibm = np.stack([np.eye(4, dtype=np.float32), np.eye(4, dtype=np.float32)])
    ibm[1][1, 3] = -1.0  # inverse bind of the elbow at y = 1 (row-major here, written column-major below)
    times = np.array([0.0, 0.5, 1.0], np.float32)
    half = math.radians(90.0) / 2
    rots = np.array([[0, 0, 0, 1], [0, 0, math.sin(half), math.cos(half)], [0, 0, 0, 1]], np.float32)
    buf = _Buffer()
    pos = buf.add(_yup(verts), FLOAT, "VEC3", minmax=True)
    nrm = buf.add(_yup(norms), FLOAT, "VEC3")
    jnt = buf.add(joints, USHORT, "VEC4")
    wgt = buf.add(weights, FLOAT, "VEC4")
    idx = buf.add(tris.astype(np.uint32).ravel(), UINT, "SCALAR")
    inv = buf.add(np.ascontiguousarray(ibm.transpose(0, 2, 1)).reshape(2, 16), FLOAT, "MAT4")
    t_in = buf.add(times, FLOAT, "SCALAR", minmax=True)
    r_out = buf.add(rots, FLOAT, "VEC4")
    doc = buf.document(
        scene=0, scenes=[{"nodes": [0, 1]}],
        nodes=[{"mesh": 0, "skin": 0, "name": "arm"}, {"name": "shoulder", "children": [2]},
               {"name": "elbow", "translation": [0.0, 1.0, 0.0]}],
        skins=[{"joints": [1, 2], "inverseBindMatrices": inv, "skeleton": 1}],
        meshes=[{"primitives": [{"attributes": {"POSITION": pos, "NORMAL": nrm, "JOINTS_0": jnt,
                                                "WEIGHTS_0": wgt}, "indices": idx, "material": 0}]}],
        animations=[{"name": clip, "samplers": [{"input": t_in, "output": r_out, "interpolation": "LINEAR"}],
                     "channels": [{"sampler": 0, "target": {"node": 2, "path": "rotation"}}]}],
    )
    path.write_text(json.dumps(doc))
    return path
