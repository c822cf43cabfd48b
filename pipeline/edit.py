"""Shot transitions: which rendered pictures make each output frame, and how they are blended.

A transition belongs to the shot it leads into (``camera.shots[k].transition``). Its overlap is
centred on the cut: ``duration / 2`` before it and ``duration / 2`` after it, clamped to half of each
neighbouring shot. Inside the overlap

- ``crossfade`` renders the *same world moment* twice — once through the outgoing shot's camera and
  once through the incoming shot's — and blends the two renders. A camera whose shot has not started
  yet (or has already ended) holds its pose at the cut, so nothing is invented: every pixel of a blended
  frame comes from a render of the timeline at that frame's time, and sound stays in sync;
- ``fade_black`` darkens the outgoing shot to black up to the cut and brings the incoming one up from
  black after it (one render per frame).

On the first shot both kinds fade in from black over ``duration``. Memory stays flat: at most two
frames are alive at once. Shot boundaries come from :attr:`Timeline.shot_index` (which the compiler
derives with :func:`scenes.camera.shot_spans`), so new shot types need nothing here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import numpy as np

from scenes import CameraState, FrameState, Timeline


@dataclass(frozen=True)
class TransitionWindow:
    """One transition's overlap in frames: ``[first, end)`` around ``cut`` (the incoming shot's first frame)."""

    kind: str  # "crossfade" | "fade_black" | "fade_in" (the first shot)
    shot: int  # the incoming shot
    first: int
    cut: int
    end: int

    def weight(self, index: int) -> float:
        """How far through the overlap frame ``index`` is, in (0, 1): the incoming picture's share."""
        return (index - self.first + 0.5) / (self.end - self.first)


Source = tuple[int, float]
"""(frame whose camera to render through, weight); weights of one frame sum to 1, or less for fades to black."""


def transition_windows(timeline: Timeline) -> list[TransitionWindow]:
    """Every non-cut transition of ``timeline`` as frame windows, in time order."""
    shot_index = np.asarray(timeline.shot_index)
    n = len(shot_index)
    if n == 0:
        return []
    fps = timeline.script.fps
    shots = timeline.script.camera.shots
    # runs of equal shot index: (shot, first frame, end frame)
    change = np.flatnonzero(np.diff(shot_index)) + 1
    starts = np.concatenate([[0], change])
    ends = np.concatenate([change, [n]])
    runs = [(int(shot_index[s]), int(s), int(e)) for s, e in zip(starts, ends, strict=True)]
    windows: list[TransitionWindow] = []
    for k, (shot, first, end) in enumerate(runs):
        if shot >= len(shots):  # the compiler's default shot has no transition
            continue
        tr = shots[shot].transition
        if tr.type == "cut" or tr.duration <= 0:
            continue
        if k == 0:
            length = min(round(tr.duration * fps), end - first)
            if length >= 1:
                windows.append(TransitionWindow("fade_in", shot, first, first, first + length))
            continue
        prev_first = runs[k - 1][1]
        half = min(round(tr.duration * fps / 2), (first - prev_first) // 2, (end - first) // 2)
        if half >= 1:
            windows.append(TransitionWindow(tr.type, shot, first - half, first, first + half))
    return windows


class TransitionPlan:
    """Answers, for each output frame, which renders make it (see the module docstring)."""

    def __init__(self, timeline: Timeline) -> None:
        self.windows = transition_windows(timeline)
        self._by_frame: dict[int, TransitionWindow] = {}
        for w in self.windows:
            for i in range(w.first, w.end):
                self._by_frame[i] = w

    def window_at(self, index: int) -> TransitionWindow | None:
        """The transition frame ``index`` lies in, if any."""
        return self._by_frame.get(index)

    def sources(self, index: int) -> tuple[Source, ...]:
        """The renders that make frame ``index``: ``((camera frame, weight), …)``; ``((index, 1.0),)`` outside
        transitions."""
        w = self._by_frame.get(index)
        if w is None:
            return ((index, 1.0),)
        a = w.weight(index)
        if w.kind == "crossfade":
            return ((min(index, w.cut - 1), 1.0 - a), (max(index, w.cut), a))
        if w.kind == "fade_in":
            return ((index, a),)
        # fade_black: down to black before the cut, up from black after it
        level = 1.0 - 2.0 * a if index < w.cut else 2.0 * a - 1.0
        return ((index, float(np.clip(level, 0.0, 1.0))),)

    def is_plain(self, index: int) -> bool:
        """True when frame ``index`` is a single untouched render."""
        return index not in self._by_frame


def camera_of(timeline: Timeline, index: int) -> CameraState:
    """The camera state of frame ``index`` (to film another frame's world through it)."""
    return CameraState(timeline.camera_position[index], timeline.camera_hpr[index],
                       float(timeline.camera_fov[index]), int(timeline.shot_index[index]))


def blend(images: list[np.ndarray], weights: list[float]) -> np.ndarray:
    """Weighted sum of uint8 RGB images, rounded to uint8 (weights summing below 1 darken towards black)."""
    acc = np.zeros(images[0].shape, dtype=np.float32)
    for img, w in zip(images, weights, strict=True):
        acc += np.float32(w) * img.astype(np.float32)
    return np.clip(acc + 0.5, 0, 255).astype(np.uint8)


def transition_frames(timeline: Timeline, render: Callable[[FrameState], np.ndarray],
                      frames: range) -> Iterator[np.ndarray]:
    """Frames ``frames`` of ``timeline`` with transitions applied; ``render`` draws one frame state."""
    plan = TransitionPlan(timeline)
    for index in frames:
        state = timeline.frame(index)
        if plan.is_plain(index):
            yield render(state)
            continue
        images, weights = [], []
        for cam_frame, weight in plan.sources(index):
            src = state if cam_frame == index else replace(state, camera=camera_of(timeline, cam_frame))
            images.append(render(src))
            weights.append(weight)
        yield blend(images, weights)
