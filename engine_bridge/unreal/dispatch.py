"""UnrealCV command matching as the 5.2 plugin does it, with parsers that run in linear time.

The plugin (``Server/CommandDispatcher.cpp`` at the commit docs/unreal.md pins) turns each URI template into a
regular expression: ``[str]`` is ``[^ ]*``, ``[uint]`` is ``\\d*``, ``[float]`` is ``[-+]?\\d*[.]?\\d+``, words
are separated by exactly one space, trailing spaces are allowed, and a command first has to have the template's
verb (``vget``, ``vset``, ``vbp``…). The last template registered that matches wins; nothing matching answers
``error No handler found for URI '…'``. Because ``[str]`` and ``[uint]`` can match nothing, a doubled space is
accepted where it falls on such a placeholder (the empty word is its value) and refused everywhere else.

Here a command is split on single spaces and each word is checked against the template's word, which accepts
exactly what the plugin's expression accepts (a placeholder never spans a space) without a backtracking regex
over the whole line; words and commands have length bounds (the plugin has none: a deliberate difference).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

MAX_COMMAND = 1 << 20  # bytes of command text; a SetPose of a 53-bone rig is ~4 kB
MAX_WORD = 1 << 16

Reply = bytes | str
Handler = Callable[..., Reply]


class CommandError(Exception):
    """A command that ran and failed: the reply is ``error <message>``, worded as the plugin words it."""


def is_float(word: str) -> bool:
    """UnrealCV's float, ``[-+]?\\d*[.]?\\d+``: fixed point, at least one digit after any dot, no exponent."""
    body = word[1:] if word[:1] in ("+", "-") else word
    whole, dot, fraction = body.partition(".")
    if dot:
        return whole.isdigit() or whole == "" if fraction.isdigit() else False
    return whole.isdigit()


def _is_ascii_digits(word: str) -> bool:
    return word.isascii() and (word == "" or word.isdigit())


def _word_matcher(template_word: str) -> Callable[[str], list[str] | None]:
    """A function from a command word to its captured values (None when it does not match)."""
    if template_word == "[float]":
        return lambda w: [w] if w.isascii() and is_float(w) else None
    if template_word == "[uint]":
        return lambda w: [w] if _is_ascii_digits(w) else None
    if template_word == "[str]":
        return lambda w: [w]
    if "[" not in template_word:
        return lambda w: [] if w == template_word else None
    # A path word with placeholders inside, such as /object/[str]/location: one regex over one bounded word.
    parts = re.split(r"(\[str\]|\[uint\])", template_word)
    pattern = "".join({"[str]": "(.*)", "[uint]": "([0-9]*)"}.get(p, re.escape(p)) for p in parts)
    compiled = re.compile(pattern, re.DOTALL)

    def match(word: str) -> list[str] | None:
        found = compiled.fullmatch(word)
        return list(found.groups()) if found else None

    return match


@dataclass(frozen=True)
class Route:
    """One bound template: its verb, one matcher per word, the handler and the help line."""

    template: str
    verb: str
    words: tuple[Callable[[str], list[str] | None], ...]
    handler: Handler
    help: str


class Dispatcher:
    """Templates bound to handlers; :meth:`run` answers one command's reply body."""

    def __init__(self) -> None:
        self.routes: list[Route] = []

    def bind(self, template: str, handler: Handler, help_text: str) -> None:
        """Bind ``template`` (words separated by single spaces, placeholders [str] [uint] [float])."""
        words = template.split(" ")
        self.routes.append(Route(template, words[0], tuple(_word_matcher(w) for w in words), handler, help_text))

    def match(self, command: str) -> tuple[Route, list[str]] | None:
        """The route that answers ``command`` and its arguments (the latest bound wins, as in the plugin)."""
        words = command.rstrip(" ").split(" ")
        for route in reversed(self.routes):
            if route.verb != words[0] or len(route.words) != len(words):
                continue
            args: list[str] = []
            for matcher, word in zip(route.words, words, strict=True):
                captured = matcher(word)
                if captured is None:
                    break
                args += captured
            else:
                return route, args
        return None

    def run(self, command: str) -> bytes:
        """The reply body to ``command``: the handler's text or bytes, ``error …`` when it fails or none matches."""
        if len(command) > MAX_COMMAND:
            return f"error the command is {len(command)} characters; this server takes at most {MAX_COMMAND}".encode()
        if any(len(w) > MAX_WORD for w in command.split(" ")):
            return f"error a word of the command is longer than {MAX_WORD} characters".encode()
        found = self.match(command)
        if found is None:
            return f"error No handler found for URI '{command}'".encode()
        route, args = found
        try:
            reply = route.handler(*args)
        except CommandError as exc:
            reply = f"error {exc}"
        return reply.encode() if isinstance(reply, str) else reply
