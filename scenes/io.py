"""Load and save scene scripts as YAML or JSON, with errors that name the file and the field."""

from __future__ import annotations

import json
import os
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


def loads_script(text: str, source: str = "<script>") -> SceneScript:
    """Parse YAML or JSON text (JSON is YAML) into a validated script."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ScriptError(f"{source}: not valid YAML/JSON{where}: {getattr(exc, 'problem', exc)}") from None
    return parse_script(data, source)


def load_script(path: str | os.PathLike[str]) -> SceneScript:
    """Read a ``.yaml``/``.yml``/``.json`` scene script from disk."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScriptError(f"{p}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
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
