"""Load and save scene scripts as YAML or JSON, with errors that name the file and the field."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from scenes.script import Action, SceneScript, ScriptError, Shot


def _union_tags(union: Any) -> set[str]:
    """The ``type`` values of a discriminated union (pydantic names error locations after them)."""
    from typing import get_args

    members = get_args(get_args(union)[0])
    return {tag for m in members for tag in get_args(m.model_fields["type"].annotation)}


_TAGS = _union_tags(Action) | _union_tags(Shot)


def field_path(loc: tuple[int | str, ...]) -> str:
    """Render a pydantic error location as ``actors[1].material.color``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in _TAGS or part == "function-after[_check_colour()]":
            # tagged-union and validator names are pydantic's bookkeeping, not the user's fields
            continue
        elif str(part).startswith(("function-", "tuple[", "str", "float", "int")):
            continue
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def _describe(err: dict[str, Any]) -> str:
    msg = str(err.get("msg", "invalid"))
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            msg = msg[len(prefix) :]
    if err.get("type") == "extra_forbidden":
        msg = "unknown field (check the spelling; `enginereel schema` lists the fields)"
    elif err.get("type") == "union_tag_invalid":
        ctx = err.get("ctx", {})
        msg = f"unknown type {ctx.get('tag')!r}; expected one of {ctx.get('expected_tags')}"
    elif (
        "input" in err
        and err.get("type") not in ("missing", "value_error")
        and not isinstance(err["input"], dict | list)
    ):
        msg += f" (got {err['input']!r})"
    return msg


def format_validation_error(exc: ValidationError, source: str) -> list[str]:
    """One line per problem: ``source: field.path: what is wrong and what is allowed``."""
    lines = []
    seen = set()
    for err in exc.errors():
        loc = tuple(err.get("loc", ()))
        path = field_path(loc)
        msg = _describe(err)
        if path == "(top level)" and ": " in msg:
            # cross-reference problems already carry their own field paths
            for part in msg.split("; "):
                lines.append(f"{source}: {part}")
            continue
        line = f"{source}: {path}: {msg}"
        if line not in seen:
            seen.add(line)
            lines.append(line)
    return lines


def parse_script(data: Any, source: str = "<script>") -> SceneScript:
    """Validate already-parsed data as a :class:`SceneScript`; raises :class:`ScriptError` naming ``source``."""
    if not isinstance(data, dict):
        raise ScriptError(f"{source}: a scene script must be a mapping of fields, not {type(data).__name__}")
    try:
        return SceneScript.model_validate(data)
    except ValidationError as exc:
        lines = format_validation_error(exc, source)
        err = ScriptError(lines[0] + (f" (and {len(lines) - 1} more problem(s))" if len(lines) > 1 else ""))
        err.lines = lines  # type: ignore[attr-defined]
        raise err from None


MAX_SCRIPT_BYTES = 4 * 1024 * 1024  # a scene script is kilobytes; a long story with captions is well under this
MAX_NESTING = 64  # a script's deepest field is about 8 levels down; parsers recurse per level
MAX_STRING_CHARS = 100_000  # no field holds more text than this (captions: 500)


def flow_depth(text: str) -> int:
    """The deepest ``[``/``{`` nesting in ``text`` outside quoted strings (one linear pass, no parser)."""
    depth = deepest = 0
    quote = ""
    escaped = False
    for ch in text:
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\" and quote == '"':
                escaped = True
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}" and depth:
            depth -= 1
    return deepest


def _too_deep(source: str) -> ScriptError:
    return ScriptError(f"{source}: nested more than {MAX_NESTING} levels deep; a scene script is a few levels deep")


def checked_data(data: Any, source: str) -> Any:
    """``data`` with its depth and string lengths checked, and UTF-16 surrogate pairs (what YAML makes of JSON's
    ``\\ud83c\\udf88`` escapes) joined into the characters they encode; one located line otherwise."""
    stack: list[tuple[Any, Any, Any, str, int]] = [(None, None, data, "", 0)]
    while stack:
        parent, key, node, path, depth = stack.pop()
        if depth > MAX_NESTING:
            raise _too_deep(source)
        if isinstance(node, str):
            if len(node) > MAX_STRING_CHARS:
                raise ScriptError(f"{source}: {path or '(top level)'}: a text of {len(node)} characters; at most "
                                  f"{MAX_STRING_CHARS} are allowed")
            fixed = _join_surrogates(node, source, path)
            if fixed is not node and parent is not None:
                parent[key] = fixed
            elif fixed is not node:
                data = fixed
        elif isinstance(node, dict):
            for k, v in node.items():
                stack.append((node, k, v, f"{path}.{k}" if path else str(k), depth + 1))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                stack.append((node, i, v, f"{path}[{i}]", depth + 1))
    return data


def _join_surrogates(text: str, source: str, path: str) -> str:
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    try:
        return text.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        raise ScriptError(f"{source}: {path or '(top level)'}: a lone UTF-16 surrogate escape (\\ud800-\\udfff) "
                          "that is not half of a pair; write the character itself") from None


def parse_text(text: str, source: str = "<script>", json_only: bool = False) -> Any:
    """YAML or JSON text (JSON is YAML) as plain data, bounded before parsing: size, nesting, string lengths.

    JSON goes through the JSON parser (it joins surrogate-pair escapes; YAML does not), YAML otherwise.
    ``json_only`` (LLM replies) accepts JSON alone.
    """
    if len(text) > MAX_SCRIPT_BYTES:
        raise ScriptError(f"{source}: {len(text)} characters; a scene script is at most {MAX_SCRIPT_BYTES} bytes")
    if flow_depth(text) > MAX_NESTING:
        raise _too_deep(source)
    try:
        if json_only or text.lstrip().startswith(("{", "[")):
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                if json_only:
                    raise ScriptError(f"{source}: not valid JSON at line {exc.lineno}, column {exc.colno}: "
                                      f"{exc.msg}") from None
                data = _yaml(text, source)  # YAML flow style such as {a: 1}
        else:
            data = _yaml(text, source)
    except RecursionError:
        raise _too_deep(source) from None
    return checked_data(data, source)


def _yaml(text: str, source: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ScriptError(f"{source}: not valid YAML/JSON{where}: {getattr(exc, 'problem', exc)}") from None


def loads_script(text: str, source: str = "<script>") -> SceneScript:
    """Parse YAML or JSON text (JSON is YAML) into a validated script (bounded first: :func:`parse_text`)."""
    return parse_script(parse_text(text, source), source)


def read_regular_file(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of ``path``, which must be a regular file of at most ``limit`` bytes (a FIFO or device would
    block or never end); one-line :class:`ScriptError` otherwise."""
    p = Path(path)
    try:
        info = p.stat()
    except FileNotFoundError:
        raise ScriptError(f"{p}: no such file") from None
    except OSError as exc:
        raise ScriptError(f"{p}: cannot read the file ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise ScriptError(f"{p}: not a regular file (a {what} must be a plain file, not a pipe, device or folder)")
    if info.st_size > limit:
        raise ScriptError(f"{p}: {info.st_size} bytes; a {what} is at most {limit} bytes")
    try:
        with open(p, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise ScriptError(f"{p}: cannot read the file ({exc.strerror or exc})") from None
    if len(data) > limit:  # it grew after the check
        raise ScriptError(f"{p}: more than {limit} bytes; a {what} is at most {limit} bytes")
    return data


def load_script(path: str | os.PathLike[str]) -> SceneScript:
    """Read a ``.yaml``/``.yml``/``.json`` scene script from disk (a regular file of bounded size)."""
    p = Path(path)
    raw = read_regular_file(p, MAX_SCRIPT_BYTES, "scene script")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ScriptError(f"{p}: cannot read the file ({exc})") from None
    return loads_script(text, str(p))


def script_to_data(script: SceneScript) -> dict[str, Any]:
    """Plain data for a script, with defaults left out so saved files stay short and editable."""
    return {"version": script.version} | script.model_dump(mode="json", by_alias=True, exclude_defaults=True)


def dumps_script(script: SceneScript, fmt: str = "yaml") -> str:
    """Serialise a script as ``yaml`` or ``json`` text that :func:`loads_script` reads back identically."""
    data = script_to_data(script)
    if fmt == "json":
        return json.dumps(data, indent=2) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def save_script(script: SceneScript, path: str | os.PathLike[str]) -> Path:
    """Write a script; the format follows the extension (``.json`` or YAML). Written atomically."""
    p = Path(path)
    text = dumps_script(script, "json" if p.suffix.lower() == ".json" else "yaml")
    tmp = p.with_name(f".{p.name}.part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, p)
    return p


def script_hash(script: SceneScript) -> str:
    """A stable content hash of the script (sha256 of its canonical JSON)."""
    import hashlib

    canonical = json.dumps(script.model_dump(mode="json", by_alias=True), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()
