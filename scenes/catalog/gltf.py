"""Reading a user's glTF 2.0 file safely: the header, every count, offset and bound checked before any loader
allocates for it.

A glTF file is untrusted input that a native loader (Panda3D's) will trust: an accessor claiming 2^31
elements made it try to allocate 2^64 bytes and abort the process, bounds of ±1e308 tripped an assertion,
and a FIFO named ``x.glb`` blocked the reader forever. :func:`read_document` refuses all of those with one
line naming the file and the field, so validation fails cleanly and a batch records a failed job.
"""

from __future__ import annotations

import json
import math
import stat
import struct
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 512 * 1024 * 1024  # a detailed character is tens of MB
MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_ELEMENTS = 16_000_000  # elements of one accessor (vertices, indices, keyframes)
MAX_EXTENT_M = 100_000.0  # |coordinate| of a bound, metres at scale 1
GLB_MAGIC, GLB_JSON, GLB_BIN = b"glTF", 0x4E4F534A, 0x004E4942
COMPONENT_BYTES = {5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4}
TYPE_COMPONENTS = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4, "MAT2": 4, "MAT3": 9, "MAT4": 16}


class GltfError(ValueError):
    """A glTF file that is malformed or beyond the limits; the message names the file and the field."""


def regular_size(path: Path, what: str) -> int:
    """The size of ``path``, which must be a regular file (a pipe or device would block the loader)."""
    try:
        info = path.stat()
    except OSError as exc:
        raise GltfError(f"{path}: cannot read the {what} ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise GltfError(f"{path}: the {what} is not a regular file (a pipe, device or folder)")
    if info.st_size > MAX_FILE_BYTES:
        raise GltfError(f"{path}: the {what} is {info.st_size} bytes; at most {MAX_FILE_BYTES} are read")
    return info.st_size


def read_document(path: str | Path) -> dict[str, Any]:
    """The checked JSON document of a ``.gltf`` or ``.glb`` file (raises :class:`GltfError`)."""
    file = Path(path)
    size = regular_size(file, "glTF file")
    with open(file, "rb") as fh:
        head = fh.read(20)
        if head[:4] == GLB_MAGIC:
            doc, bin_length = _glb_document(file, fh, head, size)
        else:
            if size > MAX_JSON_BYTES:
                raise GltfError(f"{file}: a {size}-byte .gltf; at most {MAX_JSON_BYTES} bytes of JSON are read")
            doc, bin_length = _json(file, head + fh.read(size)), None
    if not isinstance(doc, dict):
        raise GltfError(f"{file}: the glTF JSON is not an object")
    check_document(doc, file, bin_length)
    return doc


def _glb_document(file: Path, fh: Any, head: bytes, size: int) -> tuple[Any, int | None]:
    if len(head) < 20:
        raise GltfError(f"{file}: a truncated .glb header")
    _, version, length, json_length, kind = struct.unpack("<4sIIII", head)
    if version != 2:
        raise GltfError(f"{file}: glTF version {version}; only 2 is supported")
    if length != size:
        raise GltfError(f"{file}: the header says {length} bytes but the file has {size}")
    if kind != GLB_JSON or json_length > min(size - 20, MAX_JSON_BYTES):
        raise GltfError(f"{file}: the first chunk is not a JSON chunk within the file")
    doc = _json(file, fh.read(json_length))
    bin_length = None
    rest = size - 20 - json_length
    if rest >= 8:
        bin_length, bin_kind = struct.unpack("<II", fh.read(8))
        if bin_kind != GLB_BIN or bin_length > rest - 8:
            raise GltfError(f"{file}: the second chunk is not a BIN chunk within the file")
    return doc, bin_length


def _json(file: Path, raw: bytes) -> Any:
    from scenes.io import MAX_NESTING, flow_depth

    try:
        text = raw.decode("utf-8")
        if flow_depth(text) > MAX_NESTING:
            raise GltfError(f"{file}: the glTF JSON is nested more than {MAX_NESTING} levels deep")
        return json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise GltfError(f"{file}: the glTF JSON does not parse ({exc})") from None


def _count(value: Any, where: str, file: Path, limit: int = MAX_FILE_BYTES, low: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= limit:
        raise GltfError(f"{file}: {where} = {value!r}; expected a whole number in {low}..{limit}")
    return value


def _items(doc: dict[str, Any], key: str, file: Path) -> list[dict[str, Any]]:
    items = doc.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise GltfError(f"{file}: {key} is not a list of objects")
    return items


def check_document(doc: dict[str, Any], file: Path, bin_length: int | None) -> None:
    """Buffers, buffer views and accessors: every size within the data, every count and bound within limits."""
    buffers = [_buffer_length(b, i, file, bin_length) for i, b in enumerate(_items(doc, "buffers", file))]
    views = []
    for i, view in enumerate(_items(doc, "bufferViews", file)):
        where = f"bufferViews[{i}]"
        buf = _count(view.get("buffer"), f"{where}.buffer", file, len(buffers) - 1)
        offset = _count(view.get("byteOffset", 0), f"{where}.byteOffset", file)
        length = _count(view.get("byteLength"), f"{where}.byteLength", file, low=1)
        if offset + length > buffers[buf]:
            raise GltfError(f"{file}: {where} ends at byte {offset + length}, past buffer {buf} "
                            f"({buffers[buf]} bytes)")
        stride = view.get("byteStride")
        views.append((length, None if stride is None else _count(stride, f"{where}.byteStride", file, 252, 4)))
    for i, acc in enumerate(_items(doc, "accessors", file)):
        _check_accessor(acc, f"accessors[{i}]", file, views)
    for i, image in enumerate(_items(doc, "images", file)):
        uri = image.get("uri")
        if isinstance(uri, str) and not uri.startswith("data:"):
            regular_size(file.parent / uri, f"image of images[{i}]")


def _buffer_length(buffer: dict[str, Any], i: int, file: Path, bin_length: int | None) -> int:
    length = _count(buffer.get("byteLength"), f"buffers[{i}].byteLength", file, low=1)
    uri = buffer.get("uri")
    if uri is None:
        available = bin_length if i == 0 else None
        if available is None or length > available:
            raise GltfError(f"{file}: buffers[{i}] needs {length} bytes of the .glb's BIN chunk, which has "
                            f"{available or 0}")
    elif isinstance(uri, str) and uri.startswith("data:"):
        if length > len(uri) * 3 // 4:
            raise GltfError(f"{file}: buffers[{i}].byteLength = {length} is more than its data URI holds")
    elif isinstance(uri, str):
        on_disk = regular_size(file.parent / uri, f"buffer of buffers[{i}]")
        if length > on_disk:
            raise GltfError(f"{file}: buffers[{i}].byteLength = {length} but {uri} has {on_disk} bytes")
    else:
        raise GltfError(f"{file}: buffers[{i}].uri is not a string")
    return length


def _check_accessor(acc: dict[str, Any], where: str, file: Path, views: list[tuple[int, int | None]]) -> None:
    count = _count(acc.get("count"), f"{where}.count", file, MAX_ELEMENTS, low=1)
    component = acc.get("componentType")
    kind = acc.get("type")
    if component not in COMPONENT_BYTES or kind not in TYPE_COMPONENTS:
        raise GltfError(f"{file}: {where}: componentType {component!r} / type {kind!r} is not a glTF accessor type")
    element = COMPONENT_BYTES[component] * TYPE_COMPONENTS[kind]
    if "bufferView" in acc:
        view = _count(acc["bufferView"], f"{where}.bufferView", file, len(views) - 1)
        length, stride = views[view]
        start = _count(acc.get("byteOffset", 0), f"{where}.byteOffset", file)
        end = start + (count - 1) * (stride or element) + element
        if end > length:
            raise GltfError(f"{file}: {where} needs {end} bytes of bufferViews[{view}], which has {length}")
    sparse = acc.get("sparse")
    if isinstance(sparse, dict):
        _count(sparse.get("count"), f"{where}.sparse.count", file, count, low=1)
    for bound in ("min", "max"):
        values = acc.get(bound)
        if values is None:
            continue
        if kind == "SCALAR" and isinstance(values, int | float):
            values = [values]  # the spec asks for a list; some writers give a bare number, which loaders accept
        if not isinstance(values, list) or len(values) != TYPE_COMPONENTS[kind] or not all(
                isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
                and abs(v) <= MAX_EXTENT_M for v in values):
            raise GltfError(f"{file}: {where}.{bound} must be {TYPE_COMPONENTS[kind]} finite numbers within "
                            f"±{MAX_EXTENT_M:g}")
