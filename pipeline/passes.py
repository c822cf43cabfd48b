"""Ground-truth passes on disk: written frame by frame during a render, read back with :func:`read_passes`.

Layout (docs/passes.md) for a video ``out.mp4`` rendered with ``--passes``::

    out.passes/
      meta.json          size, fps, frame count, passes, conventions, instance id → actor map
      camera.json        per frame: K, world-to-camera extrinsics, 2D and 3D boxes of each visible actor
      frames/000000.npz  per frame: the requested arrays (depth, mask, normals, flow, flow_occluded)

The directory is written as ``out.passes.part/`` and renamed when the last frame is in, so a killed run
never leaves a set of passes that looks complete. Nothing is held across frames except the previous
frame's flow, which waits for the next frame's depth to mark occlusion.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel

from engine_bridge.groundtruth import box_corners, flow_occlusion, intrinsics, project, world_to_camera
from pipeline.errors import PipelineError
from scenes import FrameState, Timeline
from scenes.catalog import CATALOG

PASSES = ("depth", "mask", "flow", "normals", "camera")
FORMAT_VERSION = 1


def parse_passes(text: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"depth,mask"`` → ``("depth", "mask")`` in canonical order; one clear line for unknown names."""
    if not text:
        return ()
    names = [n.strip() for n in (text.split(",") if isinstance(text, str) else text) if n.strip()]
    unknown = [n for n in names if n not in PASSES]
    if unknown:
        raise PipelineError(f"--passes: unknown pass {', '.join(unknown)}; choose from {','.join(PASSES)}")
    return tuple(p for p in PASSES if p in names)


def engine_passes(passes: Sequence[str]) -> list[str]:
    """The engine passes needed to write ``passes`` (flow needs depth for occlusion, camera boxes need the mask)."""
    need = {p for p in passes if p != "camera"}
    if "flow" in need:
        need.add("depth")
    if "camera" in passes:
        need.add("mask")
    return sorted(need)


def passes_dir(video: Path) -> Path:
    """``out.mp4`` → ``out.passes``."""
    return video.with_suffix(".passes")


class Instance(BaseModel):
    """One mask id and the actor it stands for."""

    id: int
    actor: str
    asset: str


class PassesMeta(BaseModel):
    """``meta.json``: what the passes directory holds and the conventions of its arrays."""

    format: Literal["enginereel-passes"] = "enginereel-passes"
    version: int = FORMAT_VERSION
    width: int
    height: int
    fps: int
    frames: list[int]
    passes: list[str]
    instances: list[Instance]
    conventions: dict[str, str]


CONVENTIONS = {
    "camera_frame": "OpenCV: x right, y down, z forward; world is Z up, metres",
    "pixel_centres": "integer coordinates: pixel (row r, column c) is u = c, v = r",
    "depth": "float32 metres along the optical axis (camera z); inf where no surface was drawn",
    "mask": "uint16 instance id, 0 = background/ground, actor i (script order) = i + 1",
    "normals": "float16 unit normals in the camera frame, facing the camera; 0 where no surface",
    "flow": "float32 (u, v) pixels from this frame to the next, exact from geometry; 0 in the last frame",
    "flow_occluded": "bool, true where the point is hidden, off-screen or gone in the next frame",
    "extrinsics": "world_to_camera 4x4: x_cam = R x_world + t",
}


def _box2d(mask: np.ndarray, instance: int) -> list[int] | None:
    rows = np.flatnonzero(np.any(mask == instance, axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(np.any(mask[rows[0]:rows[-1] + 1] == instance, axis=0))
    return [int(cols[0]), int(rows[0]), int(cols[-1]), int(rows[-1])]


def camera_record(timeline: Timeline, state: FrameState, mask: np.ndarray | None) -> dict[str, Any]:
    """One frame of ``camera.json``: K, extrinsics and the boxes of every visible actor.

    ``box2d`` is the tight box of the actor's visible pixels ``[x0, y0, x1, y1]`` (inclusive, from the mask);
    ``box3d`` the 8 world corners of its oriented box and ``box3d_projected`` their image bounds.
    """
    res = timeline.script.resolution
    cam = state.camera
    k = intrinsics(cam.fov, res.width, res.height)
    w2c = world_to_camera(cam.position, cam.hpr)
    actors = []
    for i, actor in enumerate(timeline.actors):
        if not state.visible[i]:
            continue
        entry: dict[str, Any] = {"id": actor.id, "instance": i + 1}
        spec = CATALOG.get(actor.asset)
        if spec is not None:
            corners = box_corners(np.asarray(spec.size), state.positions[i], state.hpr[i], state.scales[i])
            uv, z = project(corners, k, w2c)
            entry["box3d"] = {"corners": np.round(corners, 5).tolist(),
                              "size": (np.asarray(spec.size) * state.scales[i]).round(5).tolist(),
                              "position": state.positions[i].round(5).tolist(),
                              "hpr": state.hpr[i].round(4).tolist()}
            if (z > 0).all():
                lo, hi = uv.min(axis=0), uv.max(axis=0)
                if hi[0] >= 0 and hi[1] >= 0 and lo[0] < res.width and lo[1] < res.height:
                    entry["box3d_projected"] = np.round([*lo, *hi], 2).tolist()
        if mask is not None:
            box = _box2d(mask, i + 1)
            if box is None:
                continue  # not a visible actor in this frame
            entry["box2d"] = box
            entry["pixels"] = int((mask == i + 1).sum())
        elif "box3d_projected" not in entry:
            continue
        actors.append(entry)
    return {"frame": state.index, "time": round(state.time, 6), "K": k.round(6).tolist(),
            "world_to_camera": w2c.round(8).tolist(), "fov": cam.fov, "actors": actors}


# Arrays whose float noise zlib cannot shrink: deflating them cost ~60 ms per 320x180 frame for ~35 % saved.
STORED = frozenset({"flow"})


def write_npz(path: Path, arrays: dict[str, np.ndarray], compress: bool = True) -> None:
    """A standard ``.npz`` (``np.load`` reads it) with fast deflate on arrays that compress, the rest stored."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, array in arrays.items():
            method = zipfile.ZIP_DEFLATED if compress and name not in STORED else zipfile.ZIP_STORED
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(array), allow_pickle=False)
            zf.writestr(info, buf.getvalue(), compresslevel=1 if method == zipfile.ZIP_DEFLATED else None)


@dataclass
class _Pending:
    index: int
    arrays: dict[str, np.ndarray]
    flow_depth: np.ndarray


class PassesWriter:
    """Writes the passes of consecutive frames into ``<dir>.part`` and renames it to ``<dir>`` on :meth:`close`."""

    def __init__(self, directory: Path, timeline: Timeline, passes: Sequence[str], compress: bool = True) -> None:
        self.directory = Path(directory)
        self.timeline = timeline
        self.passes = tuple(passes)
        self.compress = compress
        self.part = self.directory.with_name(self.directory.name + ".part")
        self._pending: _Pending | None = None
        self._frames: list[int] = []
        self._camera_file = None
        self._first_camera = True

    def open(self) -> None:
        """Create the partial directory (replacing a stale one from a killed run)."""
        if self.part.exists():
            shutil.rmtree(self.part)
        (self.part / "frames").mkdir(parents=True)
        if "camera" in self.passes:
            self._camera_file = open(self.part / "camera.json", "w", encoding="utf-8")  # noqa: SIM115
            self._camera_file.write('{"frames": [\n')

    def add(self, state: FrameState, engine_out: dict[str, np.ndarray]) -> None:
        """Take one frame's engine passes (in frame order). Flow frames wait one frame for occlusion."""
        if "camera" in self.passes:
            record = camera_record(self.timeline, state, engine_out.get("mask"))
            self._camera_file.write(("" if self._first_camera else ",\n") + json.dumps(record))
            self._first_camera = False
        arrays: dict[str, np.ndarray] = {}
        if "depth" in self.passes:
            arrays["depth"] = engine_out["depth"].astype(np.float32, copy=False)
        if "mask" in self.passes:
            mask = engine_out["mask"]
            arrays["mask"] = mask.astype(np.uint16) if mask.max(initial=0) < 65536 else mask
        if "normals" in self.passes:
            arrays["normals"] = engine_out["normals"].astype(np.float16)  # unit vectors: 1e-3 is plenty
        if "flow" in self.passes:
            if self._pending is not None:
                self._finish_pending(engine_out["depth"])
            arrays["flow"] = engine_out["flow"]
            self._pending = _Pending(state.index, arrays, engine_out["flow_depth"])
        else:
            self._write(state.index, arrays)

    def _finish_pending(self, next_depth: np.ndarray | None) -> None:
        p = self._pending
        assert p is not None
        p.arrays["flow_occluded"] = flow_occlusion(p.arrays["flow"], p.flow_depth, next_depth)
        self._write(p.index, p.arrays)
        self._pending = None

    def _write(self, index: int, arrays: dict[str, np.ndarray]) -> None:
        write_npz(self.part / "frames" / f"{index:06d}.npz", arrays, self.compress)
        self._frames.append(index)

    def close(self, next_depth: np.ndarray | None = None) -> Path:
        """Finish the last frame (``next_depth``: depth of the frame after it, if there is one) and publish."""
        if self._pending is not None:
            self._finish_pending(next_depth)
        if self._camera_file is not None:
            self._camera_file.write("\n]}\n")
            self._camera_file.close()
            self._camera_file = None
        res = self.timeline.script.resolution
        instances = [Instance(id=i + 1, actor=a.id, asset=a.asset) for i, a in enumerate(self.timeline.actors)]
        weather = self.timeline.world.weather if self.timeline.world is not None else None
        if weather is not None and weather.in_masks:  # all particles share the id after the actors'
            instances.append(Instance(id=len(instances) + 1, actor="weather", asset=weather.type))
        meta = PassesMeta(
            width=res.width, height=res.height, fps=self.timeline.script.fps, frames=self._frames,
            passes=list(self.passes),
            instances=instances,
            conventions={k: v for k, v in CONVENTIONS.items()
                         if k.split("_")[0] in ("camera", "pixel", "extrinsics") or k.split("_")[0] in self.passes},
        )
        (self.part / "meta.json").write_text(meta.model_dump_json(indent=2) + "\n", encoding="utf-8")
        if self.directory.exists():
            shutil.rmtree(self.directory)
        self.part.rename(self.directory)
        return self.directory

    def abort(self) -> None:
        """Remove the partial directory after a failure."""
        if self._camera_file is not None:
            self._camera_file.close()
            self._camera_file = None
        shutil.rmtree(self.part, ignore_errors=True)


class Passes:
    """A passes directory opened for reading: ``meta``, ``len()``, ``frame(i)`` arrays, ``camera(i)`` record."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        meta_path = self.directory / "meta.json"
        if not meta_path.is_file():
            raise PipelineError(f"{self.directory}: not a finished passes directory (no meta.json); "
                                "render again with --passes")
        self.meta = PassesMeta.model_validate_json(meta_path.read_text(encoding="utf-8"))
        self._camera: list[dict[str, Any]] | None = None

    def __len__(self) -> int:
        return len(self.meta.frames)

    def frame(self, index: int) -> dict[str, np.ndarray]:
        """The arrays of video frame ``index`` (mask as int32)."""
        path = self.directory / "frames" / f"{index:06d}.npz"
        if not path.is_file():
            raise PipelineError(f"{path}: no passes for frame {index} (frames {self.meta.frames[0]}.."
                                f"{self.meta.frames[-1]})")
        with np.load(path) as data:
            out = {k: data[k] for k in data.files}
        if "mask" in out:
            out["mask"] = out["mask"].astype(np.int32)
        return out

    def camera(self, index: int) -> dict[str, Any]:
        """The ``camera.json`` record of frame ``index`` (K and world_to_camera as numpy arrays)."""
        if self._camera is None:
            path = self.directory / "camera.json"
            if not path.is_file():
                raise PipelineError(f"{self.directory}: rendered without the camera pass")
            self._camera = json.loads(path.read_text(encoding="utf-8"))["frames"]
        for rec in self._camera:
            if rec["frame"] == index:
                return rec | {"K": np.asarray(rec["K"]), "world_to_camera": np.asarray(rec["world_to_camera"])}
        raise PipelineError(f"{self.directory}: no camera record for frame {index}")

    def instance_of(self, actor_id: str) -> int:
        """The mask id of an actor."""
        for inst in self.meta.instances:
            if inst.actor == actor_id:
                return inst.id
        raise KeyError(actor_id)

    def __iter__(self) -> Iterator[tuple[int, dict[str, np.ndarray]]]:
        for index in self.meta.frames:
            yield index, self.frame(index)


def read_passes(directory: str | Path) -> Passes:
    """Open a passes directory written by ``render``/``generate --passes`` (see docs/passes.md)."""
    return Passes(Path(directory))


def preview(arrays: dict[str, np.ndarray]) -> np.ndarray:
    """The passes of one frame side by side as an RGB uint8 image, for people to look at.

    Depth: near bright, far dark (log scale); mask: one colour per id; normals: ``0.5 + 0.5 n``; flow:
    hue = direction, brightness = speed (occluded pixels grey).
    """
    import cv2

    tiles = []
    if "depth" in arrays:
        d = arrays["depth"]
        finite = np.isfinite(d)
        logd = np.log(np.where(finite, d, 1.0))
        lo, hi = (np.percentile(logd[finite], [1, 99]) if finite.any() else (0.0, 1.0))
        v = 1.0 - np.clip((logd - lo) / max(hi - lo, 1e-6), 0, 1)
        tiles.append(np.where(finite[..., None], (v[..., None] * 255).repeat(3, -1), 0).astype(np.uint8))
    if "mask" in arrays:
        m = arrays["mask"].astype(np.int64)
        palette = (np.random.default_rng(7).random((int(m.max()) + 1, 3)) * 200 + 55).astype(np.uint8)
        palette[0] = 0
        tiles.append(palette[m])
    if "normals" in arrays:
        tiles.append((np.clip(arrays["normals"] * 0.5 + 0.5, 0, 1) * 255).astype(np.uint8))
    if "flow" in arrays:
        f = arrays["flow"]
        mag = np.linalg.norm(f, axis=-1)
        hsv = np.zeros((*f.shape[:2], 3), np.uint8)
        hsv[..., 0] = ((np.arctan2(f[..., 1], f[..., 0]) + np.pi) / (2 * np.pi) * 179).astype(np.uint8)
        hsv[..., 1] = 255
        hsv[..., 2] = (np.clip(mag / max(np.percentile(mag, 99), 1e-6), 0, 1) * 255).astype(np.uint8)
        rgb = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)
        if "flow_occluded" in arrays:
            rgb[arrays["flow_occluded"]] = 96
        tiles.append(rgb)
    if not tiles:
        raise PipelineError("preview: no image passes in this frame")
    return np.concatenate(tiles, axis=1)
