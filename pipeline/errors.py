"""Errors that end a job with one clear line (the CLI prints them without a traceback)."""

from __future__ import annotations


class PipelineError(RuntimeError):
    """A job cannot go on: bad options, an output that cannot be written, a failed encode or plan."""


class EncodeError(PipelineError):
    """ffmpeg is missing or failed; the message carries the tail of its stderr."""


class PlanError(PipelineError):
    """A prompt could not be turned into a valid scene script."""


class WorldCheckError(PipelineError):
    """A script fails the world check and the run is strict: nothing is rendered."""
