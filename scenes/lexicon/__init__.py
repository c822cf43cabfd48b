"""The lexicon: what everyday nouns mean in terms of catalog assets, so no noun in a prompt vanishes.

``nouns.yaml`` maps a word to an asset, a uniform scale and an optional colour (synonyms, hypernyms and
kinds: *puppy* is a dog at 0.65, *sedan* a car, *pigeon* a bird, *cottage* a house). Entries marked
``alias: true`` are also names a scene script may give as an actor's ``asset`` (``kid`` for ``child``).
A word with no entry at all gets a labelled :func:`stand_in`: the ``placeholder`` asset sized for the kind
of thing the word most likely names (``stand_ins.yaml``). Planners report both as substitutions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import yaml

Source = Literal["catalog", "lexicon", "stand_in"]
_SEPARATORS = re.compile(r"[\s\-]+")


@dataclass(frozen=True)
class NounEntry:
    """What a noun becomes: the catalog ``asset``, a uniform ``scale`` on it and an optional ``colour``.

    ``rides``: the vehicle (an asset name) a person of this kind comes with when the prompt names none (a
    *cyclist* rides a bicycle, a *skater* a skateboard). ``source`` says how it was found: ``catalog`` (the word
    is the asset's own name), ``lexicon`` (an entry of ``nouns.yaml``) or ``stand_in`` (no match: a labelled
    placeholder); ``note`` says why, for reports.
    """

    word: str
    asset: str
    scale: float = 1.0
    colour: str | None = None
    note: str = ""
    source: Source = "lexicon"
    rides: str | None = None

    @property
    def substituted(self) -> bool:
        """True when the word is shown as something other than an asset of that very name."""
        return self.source != "catalog"


def _data(name: str) -> dict:
    return yaml.safe_load(resources.files("scenes.lexicon").joinpath(name).read_text(encoding="utf-8"))


def normal_form(word: str) -> str:
    """A word or phrase as the lexicon keys it: lower case, spaces and hyphens as ``_`` (``Fire truck``)."""
    return _SEPARATORS.sub("_", word.strip().lower())


@cache
def nouns() -> dict[str, NounEntry]:
    """Every lexicon entry by its normal form (multi-word keys also without separators: ``firetruck``)."""
    out: dict[str, NounEntry] = {}
    for word, raw in _data("nouns.yaml").items():
        key = normal_form(str(word))
        entry = NounEntry(key, raw["asset"], float(raw.get("scale", 1.0)), raw.get("colour"), raw.get("note", ""),
                          rides=raw.get("rides"))
        out[key] = entry
        out.setdefault(key.replace("_", ""), entry)
    return out


@cache
def _aliases() -> dict[str, tuple[str, ...]]:
    by_asset: dict[str, list[str]] = {}
    for word, raw in _data("nouns.yaml").items():
        if raw.get("alias"):
            by_asset.setdefault(raw["asset"], []).append(normal_form(str(word)))
    return {k: tuple(v) for k, v in by_asset.items()}


def aliases_of(asset: str) -> tuple[str, ...]:
    """The other names a scene script may give ``asset`` (``nouns.yaml`` entries marked ``alias: true``)."""
    return _aliases().get(asset, ())


def alias_target(name: str) -> str | None:
    """The asset an alias names (``soccer_ball`` → ``football``), or ``None`` when ``name`` is no alias."""
    key = normal_form(name)
    return next((asset for asset, names in _aliases().items() if key in names), None)


@cache
def _irregular() -> dict[str, str]:
    return {normal_form(k): normal_form(v) for k, v in _data("plurals.yaml").items()}


def singulars(word: str) -> list[str]:
    """Candidate singular forms of ``word``, the word itself first (``ponies`` → ponies, pony, ponie, ...)."""
    key = normal_form(word)
    head, _, last = key.rpartition("_")
    prefix = f"{head}_" if head else ""
    forms = [key]
    if last in _irregular():
        forms.append(prefix + _irregular()[last])
    for suffix, repl in (
        ("ies", "y"),
        ("ves", "f"),
        ("ves", "fe"),
        ("xes", "x"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("sses", "ss"),
        ("ses", "s"),
        ("oes", "o"),
        ("es", "e"),
        ("s", ""),
    ):
        if last.endswith(suffix) and len(last) > len(suffix) + 1:
            forms.append(prefix + last[: -len(suffix)] + repl)
    return forms


def lookup_noun(word: str, catalog: object | None = None) -> NounEntry | None:
    """What ``word`` (singular or plural, any case, spaces or hyphens) shows as, or ``None`` when nothing matches.

    A catalog asset's own name wins (source ``catalog``) unless the lexicon gives that very word another asset (in
    prose a *plane* is an aeroplane; the primitive keeps its name for scripts); then the lexicon. ``catalog`` is the
    mapping of asset names to look in (the live ``scenes.catalog.CATALOG`` by default).
    """
    if catalog is None:
        from scenes.catalog import CATALOG as catalog
    table = nouns()
    for form in singulars(word):
        if form in catalog and table.get(form, NounEntry(form, form)).asset == form:  # type: ignore[operator]
            return NounEntry(form, form, source="catalog")
        if form in table:
            entry = table[form]
            note = entry.note or f"{form!r} is shown as {entry.asset}"
            return NounEntry(form, entry.asset, entry.scale, entry.colour, note, "lexicon", entry.rides)
    return None


@dataclass(frozen=True)
class _Kind:
    name: str
    size: float
    endings: tuple[str, ...]


@cache
def _kinds() -> tuple[_Kind, ...]:
    raw = _data("stand_ins.yaml")
    return tuple(_Kind(name, float(k["size"]), tuple(k.get("endings", ()))) for name, k in raw["kinds"].items())


def stand_in(word: str) -> NounEntry:
    """A labelled ``placeholder`` for a noun nothing matches, scaled to the size of the kind of thing it likely
    names (a word ending in ``-house`` is a building, in ``-mobile`` a vehicle; otherwise a thing of 0.4 m)."""
    key = normal_form(word)
    kinds = _kinds()
    kind = next((k for k in kinds if any(key.endswith(e) for e in k.endings)), kinds[-1])
    return NounEntry(
        key,
        "placeholder",
        kind.size,
        None,
        f"no asset for {key!r}: a labelled placeholder sized as {kind.name} ({kind.size:g} m)",
        "stand_in",
    )


@cache
def _atmosphere() -> dict[str, dict[str, object]]:
    return {normal_form(str(k)): v for k, v in _data("atmosphere.yaml").items()}


def atmosphere_words() -> frozenset[str]:
    """Every word ``atmosphere.yaml`` knows (rain, snowy, windy, foggy, sunset, indoors…)."""
    return frozenset(_atmosphere())


def atmosphere(words: list[str], fields: object = None) -> dict[str, object]:
    """The environment fields the atmosphere words among ``words`` ask for, later words winning field by field
    (``["rain", "night"]`` → rain falling under a night sky). ``fields`` (e.g. ``Environment.model_fields``) keeps
    only the fields a schema has, so the words reach a script only as far as the schema can say them."""
    out: dict[str, object] = {}
    table = _atmosphere()
    for word in words:
        for name, value in table.get(normal_form(word), {}).items():
            if fields is None or name in fields:  # type: ignore[operator]
                out[name] = {**out[name], **value} if isinstance(value, dict) and isinstance(out.get(name), dict) \
                    else value
    return out
