"""Every file a run writes: checked before the run starts, made under staged names, published together.

A render writes a video and, beside it, its run report (``.json``), previews (``.contact.png``,
``.poster.png``, ``.preview.webp``), ground-truth passes (``.passes/``) and, with ``--save-script``, the
script. :func:`run_outputs` refuses, with one line, any two that would be the same file, any that is an
input of the run, a video name whose extension is not a container, and any existing target that is not a
regular file (``-o /dev/null`` must not replace the device node).

:class:`Staging` makes them all under hidden names beside the video (``.clip.staged.mp4``,
``.clip.staged.json`` …) and :meth:`Staging.publish` renames them into place in one order: the old video
goes first, then passes, previews and report, the new video last. So whenever a video is on disk under
its final name, its own report is beside it; a run killed mid-way leaves either the previous outputs
untouched (killed before publishing) or no video (killed while publishing), never a finished-looking
video without its report. Leftovers of killed runs are removed by the next run on the same output,
under a lock that also keeps two runs from writing the same output at once.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pipeline.encode import CONTAINERS, container_of, partial_path
from pipeline.errors import PipelineError
from pipeline.passes import passes_dir
from pipeline.previews import preview_paths
from pipeline.report import report_path

KINDS = {stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device", stat.S_IFIFO: "a named pipe (FIFO)",
         stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a directory"}


@dataclass(frozen=True)
class RunOutputs:
    """The final paths of one run's outputs (``None``: not written by this run)."""

    video: Path
    report: Path
    previews: tuple[Path, ...] = ()
    passes: Path | None = None
    script: Path | None = None

    def named(self) -> list[tuple[str, Path]]:
        """Each output with what it is, for messages."""
        items = [("the video", self.video), ("the run report", self.report)]
        items += [("a preview", p) for p in self.previews]
        if self.passes is not None:
            items.append(("the passes folder", self.passes))
        if self.script is not None:
            items.append(("--save-script", self.script))
        return items


def video_container(video: Path) -> str:
    """The container the video's name asks for; a name without a video extension is refused."""
    container = container_of(video)
    if container is None:
        suffix = video.suffix or "no extension"
        raise PipelineError(f"{video}: {suffix} is not a video file name; name it {video.stem or 'out'}.mp4 "
                            f"(or .{', .'.join(c for c in CONTAINERS if c != 'mp4')})")
    return container


def run_outputs(video: Path, previews: bool = True, passes: bool = False, script: Path | None = None,
                inputs: Sequence[Path] = ()) -> RunOutputs:
    """The outputs of a run to ``video``, checked: distinct, not inputs, not special files (one-line errors)."""
    video_container(video)
    outputs = RunOutputs(video=video, report=report_path(video),
                         previews=tuple(vars(preview_paths(video)).values()) if previews else (),
                         passes=passes_dir(video) if passes else None, script=script)
    seen: dict[Path, tuple[str, Path]] = {}
    for what, path in outputs.named():
        key = path.resolve()
        if key in seen:
            other, first = seen[key]
            raise PipelineError(f"{path}: {what} and {other} ({first}) would be the same file; choose another name")
        seen[key] = (what, path)
    for source in inputs:
        hit = seen.get(Path(source).resolve())
        if hit is not None:
            raise PipelineError(f"{hit[1]}: is an input of this run ({source}); writing {hit[0]} there would "
                                "replace it; choose another name")
    for what, path in outputs.named():
        refuse_special(path, directory=what == "the passes folder")
    return outputs


def refuse_special(path: Path, directory: bool = False) -> None:
    """Refuse an existing ``path`` that is not a regular file (a folder, for ``directory``): never replace a
    device node, pipe or socket with a file."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise PipelineError(f"{path}: cannot check this output ({exc.strerror})") from None
    if stat.S_ISLNK(mode):
        with contextlib.suppress(OSError):
            mode = path.stat().st_mode  # a link is replaced, not followed, but say what it points at
    want = stat.S_ISDIR(mode) if directory else stat.S_ISREG(mode) or stat.S_ISLNK(mode)
    if not want:
        kind = "a file, not a folder" if directory and stat.S_ISREG(mode) else KINDS.get(stat.S_IFMT(mode),
                                                                                         "not a regular file")
        raise PipelineError(f"{path}: exists and is {kind}; refusing to replace it with an output; choose another "
                            "name")


def staged_video(video: Path) -> Path:
    """Where the video is made before publishing: hidden, beside it, same extension (``.clip.staged.mp4``)."""
    return video.with_name(f".{video.stem}.staged{video.suffix}")


def leftovers(video: Path) -> list[Path]:
    """What runs killed while writing ``video`` may have left beside it (all hidden names)."""
    staged = staged_video(video)
    names = [partial_path(video), video.with_name(f".{video.name}.wav"), partial_path(report_path(video)),
             passes_dir(video).with_name(passes_dir(video).name + ".part")]
    names += [partial_path(p) for p in vars(preview_paths(video)).values()]
    names += [staged, partial_path(staged), report_path(staged), partial_path(report_path(staged)),
              passes_dir(staged), passes_dir(staged).with_name(passes_dir(staged).name + ".part")]
    for preview in vars(preview_paths(staged)).values():
        names += [preview, partial_path(preview)]
    return names


def remove(path: Path) -> None:
    """Remove a file or folder if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


class Staging:
    """A run's outputs made under staged names and renamed into place together (see the module docstring)."""

    def __init__(self, outputs: RunOutputs) -> None:
        self.outputs = outputs
        self.video = staged_video(outputs.video)
        self._lock: TextIO | None = None

    @property
    def report(self) -> Path:
        """Where the report is staged."""
        return report_path(self.video)

    def pairs(self) -> list[tuple[Path, Path]]:
        """(staged, final) for every output except the video and the saved script, in publishing order."""
        out = self.outputs
        pairs: list[tuple[Path, Path]] = []
        if out.passes is not None:
            pairs.append((passes_dir(self.video), out.passes))
        if out.previews:
            pairs += list(zip(vars(preview_paths(self.video)).values(), out.previews, strict=True))
        pairs.append((self.report, out.report))
        return pairs

    @contextlib.contextmanager
    def run(self) -> Iterator[Staging]:
        """Hold the output's lock, clear leftovers of killed runs, and remove the staged files unless published."""
        lock_path = self.outputs.video.with_name(f".{self.outputs.video.name}.lock")
        with open(lock_path, "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise PipelineError(f"{self.outputs.video}: another run is writing this output; wait for it or "
                                    "choose another -o") from None
            for path in leftovers(self.outputs.video):
                remove(path)
            try:
                yield self
            finally:
                self.discard()
                lock_path.unlink(missing_ok=True)

    def discard(self) -> None:
        """Remove whatever is still staged (after a failure; a no-op after :meth:`publish`)."""
        remove(self.video)
        for staged, _ in self.pairs():
            remove(staged)

    def publish(self) -> None:
        """Rename every staged output into place: old video out first, new video last (renames need no space)."""
        final = self.outputs.video
        remove(final)
        for staged, target in self.pairs():
            if staged.exists():
                if target.is_dir() and not target.is_symlink():
                    shutil.rmtree(target)
                os.replace(staged, target)
            else:
                remove(target)  # e.g. a poster of an earlier run: it would describe another video
        os.replace(self.video, final)
