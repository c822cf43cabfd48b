"""Temporal quality metrics for any video file, streamed frame pair by frame pair.

- **Temporal flickering** (VBench): for consecutive frames, the mean absolute difference of their pixels
  (0..255); the score is ``(255 − mean) / 255`` averaged over *static-camera* pairs, so 1.0 is perfectly
  steady. Which pairs are static comes from the timeline when the video is ours (camera pose and lens
  unchanged, same shot, no transition); for any other video a pair counts as static when the median
  optical-flow magnitude is under :data:`STATIC_FLOW_PX` pixels (at the analysis size) — the median
  ignores a moving subject as long as it covers under half the frame — and it is not a cut.
- **Warping error** (Lai et al., 2018, "Learning Blind Video Temporal Consistency"): forward and backward
  optical flow (OpenCV DIS), Ruder et al.'s occlusion test as in Lai et al.'s code (forward-backward
  consistency ``|F + B∘F|² < 0.01 (|F|² + |B∘F|²) + 0.5`` and no motion boundary
  ``|∇(B∘F)|² ≤ 0.01 |B∘F|² + 0.002``), then the mean squared error between
  frame *t* and frame *t+1* warped back, over non-occluded pixels, with RGB in 0..1. Averaged over pairs.
- **SSIM** of consecutive frames (Wang et al. 2004, 11-tap Gaussian window σ = 1.5, on luma).
- **Subject consistency proxy** when instance masks are given (one ``(H, W)`` int array per frame, 0 =
  background): for each instance, a colour histogram of its pixels; cosine similarity to its first
  appearance and to the previous frame, averaged (VBench's subject consistency with a histogram in place
  of DINO features).

Frames are analysed at most :data:`ANALYSIS_WIDTH` pixels wide (flow and SSIM cost scale with area);
flicker uses the full frame. Only two frames are held at a time.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import cv2
import numpy as np
from pydantic import BaseModel

from pipeline.edit import TransitionPlan
from pipeline.encode import probe, read_frames
from scenes import Timeline

ANALYSIS_WIDTH = 480
STATIC_FLOW_PX = 0.25  # median flow magnitude (analysis pixels) under which the camera counts as still
CUT_MAD = 40.0  # a mean absolute difference above this (0..255) is a cut, not motion


class VideoMetrics(BaseModel):
    """Temporal quality numbers of one video (``None`` where a metric had nothing to measure)."""

    video: str
    frames: int
    width: int
    height: int
    fps: float
    pairs: int
    static_pairs: int
    static_source: str  # "timeline" or "optical flow"
    temporal_flickering: float | None  # VBench score, 1 = steady; over static-camera pairs
    mean_abs_diff_static: float | None  # the raw 0..255 difference behind it
    warping_error: float | None  # Lai et al. 2018, RGB 0..1 MSE over non-occluded pixels
    warping_error_max: float | None
    ssim: float | None  # mean frame-to-frame SSIM
    ssim_min: float | None
    subject_consistency: float | None = None
    ssim_reference: float | None = None  # mean SSIM against another video, frame by frame (``--reference``)
    ssim_reference_min: float | None = None
    instances: int = 0
    analysis_width: int
    seconds: float = 0.0


def mean_abs_diff(a: np.ndarray, b: np.ndarray) -> float:
    """Mean absolute difference of two uint8 frames, 0..255 (VBench's per-pair flicker quantity)."""
    return float(cv2.absdiff(a, b).mean())


def flicker_score(mads: Iterable[float]) -> float | None:
    """VBench temporal flickering: ``(255 - mean MAD) / 255``."""
    values = list(mads)
    return (255.0 - float(np.mean(values))) / 255.0 if values else None


_DIS = None


def flow(a_gray: np.ndarray, b_gray: np.ndarray) -> np.ndarray:
    """Dense optical flow a→b (H, W, 2) in pixels, OpenCV DIS (medium preset)."""
    global _DIS
    if _DIS is None:
        _DIS = cv2.DISOpticalFlow_create(cv2.DISOPTICAL_FLOW_PRESET_MEDIUM)
    return _DIS.calc(a_gray, b_gray, None)


def warp(image: np.ndarray, fwd: np.ndarray) -> np.ndarray:
    """``image`` sampled at ``x + fwd(x)`` (bilinear), i.e. the next frame pulled back onto this one."""
    h, w = fwd.shape[:2]
    gx, gy = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    return cv2.remap(image, gx + fwd[..., 0], gy + fwd[..., 1], cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def warping_error(a: np.ndarray, b: np.ndarray) -> tuple[float, np.ndarray]:
    """Lai et al.'s warping error between RGB frames ``a`` and ``b`` (uint8), and the forward flow used."""
    ga, gb = cv2.cvtColor(a, cv2.COLOR_RGB2GRAY), cv2.cvtColor(b, cv2.COLOR_RGB2GRAY)
    fwd, bwd = flow(ga, gb), flow(gb, ga)
    bwd_at = warp(bwd, fwd)  # backward flow seen from where each pixel went
    h, w = fwd.shape[:2]
    gx, gy = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    tx, ty = gx + fwd[..., 0], gy + fwd[..., 1]
    inside = (tx >= 0) & (tx <= w - 1) & (ty >= 0) & (ty <= h - 1)
    s = fwd + bwd_at
    bwd_sq = (bwd_at**2).sum(-1)
    consistent = (s**2).sum(-1) < 0.01 * ((fwd**2).sum(-1) + bwd_sq) + 0.5
    # motion boundaries (Ruder et al., as in Lai et al.'s evaluation code): where the flow itself changes fast
    du_y, du_x = np.gradient(bwd_at[..., 0])
    dv_y, dv_x = np.gradient(bwd_at[..., 1])
    smooth = du_x**2 + du_y**2 + dv_x**2 + dv_y**2 <= 0.01 * bwd_sq + 0.002
    mask = (inside & consistent & smooth).astype(np.float32)
    warped = warp(b, fwd).astype(np.float32) / 255.0
    diff = ((a.astype(np.float32) / 255.0 - warped) ** 2).sum(-1)  # summed over RGB, as Lai et al.'s code
    n = float(mask.sum())
    return (float((diff * mask).sum() / n) if n else 0.0), fwd


def ssim(a_gray: np.ndarray, b_gray: np.ndarray) -> float:
    """Mean SSIM of two grey images (uint8), Gaussian window σ = 1.5."""
    x, y = a_gray.astype(np.float64), b_gray.astype(np.float64)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2

    def blur(z: np.ndarray) -> np.ndarray:
        return cv2.GaussianBlur(z, (11, 11), 1.5)

    mx, my = blur(x), blur(y)
    sxx, syy, sxy = blur(x * x) - mx * mx, blur(y * y) - my * my, blur(x * y) - mx * my
    s = ((2 * mx * my + c1) * (2 * sxy + c2)) / ((mx * mx + my * my + c1) * (sxx + syy + c2))
    return float(s.mean())


def ssim_against(frames: Iterable[np.ndarray], reference: Iterable[np.ndarray], step: int = 1) -> dict[str, float]:
    """Mean and lowest SSIM (luma, full size) of each ``step``-th frame against the same frame of ``reference``,
    e.g. an encode against another encode or against the frames it was made from. Streams: two frames held."""
    scores = [ssim(cv2.cvtColor(a, cv2.COLOR_RGB2GRAY), cv2.cvtColor(b, cv2.COLOR_RGB2GRAY))
              for i, (a, b) in enumerate(zip(frames, reference, strict=True)) if i % step == 0]
    if not scores:
        raise ValueError("no frames to compare")
    return {"ssim": float(np.mean(scores)), "ssim_min": float(np.min(scores)), "frames": len(scores)}


def ssim_against_video(path: str | Path, reference: str | Path) -> dict[str, float]:
    """:func:`ssim_against` for two video files of the same size and length (``ValueError`` naming the
    difference otherwise)."""
    a, b = probe(path), probe(reference)
    if (a.width, a.height, a.frames) != (b.width, b.height, b.frames):
        raise ValueError(f"{path} is {a.width}x{a.height}, {a.frames} frames; {reference} is {b.width}x{b.height}, "
                         f"{b.frames} frames: only videos of the same size and length compare frame by frame")
    return ssim_against(read_frames(path, a.width, a.height), read_frames(reference, b.width, b.height))


def _histogram(pixels: np.ndarray) -> np.ndarray:
    """An 8×8×8 RGB histogram, L2-normalised."""
    q = (pixels // 32).astype(np.int64)
    hist = np.bincount(q[:, 0] * 64 + q[:, 1] * 8 + q[:, 2], minlength=512).astype(np.float64)
    return hist / max(float(np.linalg.norm(hist)), 1e-12)


class SubjectConsistency:
    """Running subject-consistency proxy over instance masks (see the module docstring)."""

    def __init__(self) -> None:
        self.first: dict[int, np.ndarray] = {}
        self.previous: dict[int, np.ndarray] = {}
        self.scores: list[float] = []

    def add(self, frame: np.ndarray, mask: np.ndarray) -> None:
        """Add one frame (H, W, 3) uint8 and its instance mask (H, W) int (0 = background)."""
        if mask.shape != frame.shape[:2]:
            mask = cv2.resize(mask.astype(np.int32), (frame.shape[1], frame.shape[0]),
                              interpolation=cv2.INTER_NEAREST)
        current: dict[int, np.ndarray] = {}
        for inst in np.unique(mask):
            if inst == 0:
                continue
            sel = mask == inst
            if sel.sum() < 16:  # a few pixels say nothing about what the subject looks like
                continue
            hist = _histogram(frame[sel])
            current[int(inst)] = hist
            if inst in self.first:
                self.scores.append(0.5 * (float(hist @ self.first[inst]) + float(hist @ self.previous[inst])))
            else:
                self.first[int(inst)] = hist
        self.previous.update(current)

    @property
    def score(self) -> float | None:
        """Mean similarity, 1 = every subject looks the same throughout."""
        return float(np.mean(self.scores)) if self.scores else None


def _analysis_size(width: int, height: int, max_width: int) -> tuple[int, int]:
    if width <= max_width:
        return width, height
    return max_width, max(2, round(height * max_width / width))


def measure_frames(frames: Iterator[np.ndarray], static: np.ndarray | None = None,
                   masks: Iterator[np.ndarray] | None = None,
                   analysis_width: int = ANALYSIS_WIDTH) -> dict[str, object]:
    """The metrics of a frame stream. ``static[i]`` says whether pair (i, i+1) is a static-camera pair
    (``None``: decide from optical flow). Returns the fields of :class:`VideoMetrics` that depend on pixels."""
    mads: list[float] = []
    werrs: list[float] = []
    ssims: list[float] = []
    subjects = SubjectConsistency() if masks is not None else None
    prev: np.ndarray | None = None
    prev_small: np.ndarray | None = None
    count = 0
    pairs = 0
    used_width = 0
    for frame in frames:
        h, w = frame.shape[:2]
        size = _analysis_size(w, h, analysis_width)
        used_width = size[0]
        small = frame if size == (w, h) else cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
        if subjects is not None and masks is not None:
            mask = next(masks, None)
            if mask is not None:
                subjects.add(small, np.asarray(mask))
        if prev is not None and prev_small is not None:
            i = pairs
            pairs += 1
            mad = mean_abs_diff(prev, frame)
            err, fwd = warping_error(prev_small, small)
            werrs.append(err)
            ga, gb = cv2.cvtColor(prev_small, cv2.COLOR_RGB2GRAY), cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
            ssims.append(ssim(ga, gb))
            if static is not None:
                is_static = bool(static[i]) if i < len(static) else False
            else:
                is_static = float(np.median(np.hypot(fwd[..., 0], fwd[..., 1]))) < STATIC_FLOW_PX and mad < CUT_MAD
            if is_static:
                mads.append(mad)
        prev, prev_small = frame, small
        count += 1
    return {
        "frames": count,
        "pairs": pairs,
        "static_pairs": len(mads),
        "temporal_flickering": flicker_score(mads),
        "mean_abs_diff_static": float(np.mean(mads)) if mads else None,
        "warping_error": float(np.mean(werrs)) if werrs else None,
        "warping_error_max": float(np.max(werrs)) if werrs else None,
        "ssim": float(np.mean(ssims)) if ssims else None,
        "ssim_min": float(np.min(ssims)) if ssims else None,
        "subject_consistency": subjects.score if subjects is not None else None,
        "instances": len(subjects.first) if subjects is not None else 0,
        "analysis_width": used_width,
    }


def static_pairs_from_timeline(timeline: Timeline) -> np.ndarray:
    """Static-camera pairs of one of our timelines: pose, lens and shot unchanged, and outside transitions."""
    pos, hpr, fov, shot = timeline.camera_position, timeline.camera_hpr, timeline.camera_fov, timeline.shot_index
    same = (np.all(np.abs(np.diff(pos, axis=0)) < 1e-9, axis=1) & np.all(np.abs(np.diff(hpr, axis=0)) < 1e-9, axis=1)
            & (np.abs(np.diff(fov)) < 1e-9) & (np.diff(shot) == 0))
    plan = TransitionPlan(timeline)
    for i in range(len(same)):
        if not (plan.is_plain(i) and plan.is_plain(i + 1)):
            same[i] = False
    return same


def video_metrics(path: str | Path, static: np.ndarray | None = None,
                  masks: Iterable[np.ndarray] | None = None, analysis_width: int = ANALYSIS_WIDTH) -> VideoMetrics:
    """Measure a video file (any codec ffmpeg reads), decoding it one frame at a time."""
    t0 = time.perf_counter()
    info = probe(path)
    values = measure_frames(read_frames(path, info.width, info.height), static,
                            iter(masks) if masks is not None else None, analysis_width)
    return VideoMetrics(video=str(path), width=info.width, height=info.height, fps=info.fps,
                        static_source="timeline" if static is not None else "optical flow",
                        seconds=time.perf_counter() - t0, **values)  # type: ignore[arg-type]


def load_masks(folder: Path) -> Iterator[np.ndarray]:
    """Instance masks from a folder: one ``.npy`` (H, W) integer array per frame, or 16-bit/8-bit PNGs, in name
    order."""
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".npy", ".png"))
    for p in files:
        if p.suffix.lower() == ".npy":
            yield np.load(p)
        else:
            img = cv2.imread(str(p), cv2.IMREAD_UNCHANGED)
            yield img if img.ndim == 2 else img[..., 0]



def print_table(m: VideoMetrics) -> None:
    """A one-screen rich table of ``m`` on the terminal."""
    from rich.console import Console
    from rich.table import Table

    def fmt(x: float | None, digits: int = 4) -> str:
        return "n/a" if x is None else f"{x:.{digits}f}"

    table = Table(title=f"{m.video}  ({m.width}x{m.height}, {m.frames} frames, {m.fps:g} fps)")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("meaning")
    table.add_row("temporal flickering", fmt(m.temporal_flickering),
                  f"VBench, 1 = steady; {m.static_pairs}/{m.pairs} static pairs ({m.static_source})")
    table.add_row("mean abs diff (static)", fmt(m.mean_abs_diff_static, 2), "0..255 between consecutive frames")
    table.add_row("warping error", fmt(m.warping_error, 5), f"Lai et al. 2018, lower is better (max "
                  f"{fmt(m.warping_error_max, 5)})")
    table.add_row("SSIM frame to frame", fmt(m.ssim), f"mean; min {fmt(m.ssim_min)}")
    if m.ssim_reference is not None:
        table.add_row("SSIM against the reference", fmt(m.ssim_reference), f"mean; min {fmt(m.ssim_reference_min)}")
    table.add_row("subject consistency", fmt(m.subject_consistency),
                  f"{m.instances} instances" if m.instances else "no masks given")
    table.caption = f"analysed at {m.analysis_width} px wide in {m.seconds:.1f} s"
    Console().print(table)
