"""The engine interface: how a timeline frame becomes pixels.

An engine is opened on a compiled timeline (which carries the world: actors, materials, sky, sun),
renders any frame state to an ``(H, W, 3)`` uint8 sRGB array, and is closed. Engines know nothing of
planners or encoding.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Self

import numpy as np

from scenes import FrameState, Timeline


class EngineError(RuntimeError):
    """An engine that cannot start, is unreachable or fails mid-render; the message says what to do."""


@dataclass(frozen=True)
class EngineInfo:
    """What rendered the frames, for the run report."""

    name: str
    renderer: str  # e.g. the GL renderer string, or the remote server's version
    version: str
    raster_threads: int | None = None  # CPU threads of a software rasteriser (llvmpipe); None on a GPU or remote
    processes: int = 1  # engine processes drawing the frames between them (engine_bridge.parallel)


def rows_bottom_up(frame: np.ndarray) -> bool:
    """Whether an upright frame's rows lie in memory bottom row first (``frame[::-1]`` C-contiguous), as the
    embedded engine's do (:meth:`Engine.render`)."""
    return frame.ndim >= 2 and frame.shape[0] > 1 and not frame.flags.c_contiguous and frame[::-1].flags.c_contiguous


class Engine(ABC):
    """Renders frame states of one timeline at a time. Use as a context manager."""

    @abstractmethod
    def open(self, timeline: Timeline) -> None:
        """Build the world of ``timeline`` (actors, materials, sky, lights) at its resolution."""

    @abstractmethod
    def render(self, state: FrameState) -> np.ndarray:
        """Draw one frame; returns an upright ``(height, width, 3)`` uint8 sRGB array, new for every frame. It is
        C-contiguous, or its rows lie in memory bottom row first (``frame[::-1]`` is C-contiguous: a GL buffer's
        own order, which the embedded engine hands out without turning it over; :func:`rows_bottom_up`).
        ``np.ascontiguousarray`` makes either C-contiguous."""

    def render_passes(
        self, state: FrameState, passes: Sequence[str], next_state: FrameState | None = None
    ) -> dict[str, np.ndarray]:
        """Ground-truth passes for one frame, by name: ``depth`` (H, W) float32 metres along the optical axis
        (``inf`` where nothing was drawn), ``mask`` (H, W) int32 instance ids (0 = background, actor i → i + 1),
        ``normals`` (H, W, 3) float32 camera-space (OpenCV frame: x right, y down, z forward), ``flow`` (H, W, 2)
        float32 pixels to ``next_state`` (zero when it is None). With ``flow`` the result also holds
        ``flow_depth`` (H, W): each pixel's surface point's depth in the next frame, which
        :func:`engine_bridge.groundtruth.flow_occlusion` compares with the next frame's depth to mark occlusion.
        Arrays may be strided views into one buffer per call (not C-contiguous); they stay valid after the next call.
        Engines that cannot produce a pass raise EngineError."""
        raise EngineError(f"{self.info.name}: passes {', '.join(passes)} are not supported by this engine")

    def render_with_passes(
        self, state: FrameState, passes: Sequence[str], next_state: FrameState | None = None
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """The frame and its passes together; engines that can draw both in one go override this."""
        return self.render(state), self.render_passes(state, passes, next_state)

    @abstractmethod
    def close(self) -> None:
        """Release the scene and any resources; safe to call twice."""

    @property
    @abstractmethod
    def info(self) -> EngineInfo:
        """Name, renderer and version of the engine."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
