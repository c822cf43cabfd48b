"""The lexicon (``scenes.lexicon``) as the planners use it: nouns the vocabulary does not know still become
actors (a synonym's asset, or a labelled placeholder), and the run report says what stood in for what."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

from pipeline.planners.vocabulary import COUNT_PHRASES, FILLER, NUMBER_WORDS, SETTINGS, NounSense
from scenes.catalog import CATALOG
from scenes.lexicon import NounEntry, lookup_noun, stand_in

# Unknown nouns found in a first reading of the prompt, read as placeholders in the second (per prompt, per thread).
STAND_INS: ContextVar[dict[str, NounEntry] | None] = ContextVar("stand_ins", default=None)
ARTICLES = ("a", "an", "the", "some", "another")
PLACE_WORDS = ("on", "under", "beside", "behind", "near", "inside", "above", "below", "onto", "atop")
# "a stack of pancakes", "a pile of logs": the word before "of" in a count phrase names how many, the noun follows
GROUP_WORDS = {phrase[-2] for phrase, _ in COUNT_PHRASES if len(phrase) >= 2 and phrase[-1] == "of"}
# words after which a noun comes: "three eggs", "a dozen eggs", "several dragons", "his skis"
QUANTITY_WORDS = ({w for phrase, _ in COUNT_PHRASES if phrase[-1] != "of" for w in phrase} | set(NUMBER_WORDS) | {
    "his", "her", "their", "my", "our", "your", "these", "those"}) - {"one", *ARTICLES}  # "one after another"
_LIVING = {"character": "person", "animal": "animal"}


def sense_of(entry: NounEntry) -> NounSense | None:
    """The planner's sense of a lexicon entry: its asset (falling back to a box) at the entry's scale."""
    spec = CATALOG.get(entry.asset)
    if spec is None:
        return None
    size = tuple(float(v) * entry.scale for v in spec.size)
    return NounSense((entry.asset,), "box", size, _LIVING.get(spec.kind, ""), spec.traits.room_under is not None,
                     entry.scale, rides=entry.rides or "")  # type: ignore[arg-type]


def lexicon_sense(word: str) -> NounSense | None:
    """What ``word`` means through the lexicon or as a stand-in found earlier in this prompt, or ``None``."""
    if word in SETTINGS:  # "on the beach", "down the street" set the ground; they are not actors here
        return None
    entry = (STAND_INS.get() or {}).get(word) or lookup_noun(word)
    return sense_of(entry) if entry is not None else None


def place_sense(word: str) -> NounSense | None:
    """The place a setting word names ("on the beach", "in the kitchen": a beach, a room), through the catalog or
    the lexicon, or ``None`` when it names only a ground or a sky ("on the grass", "at sunset")."""
    entry = lookup_noun(word)
    spec = CATALOG.get(entry.asset) if entry is not None else None
    return sense_of(entry) if entry is not None and spec is not None and spec.traits.place is not None else None


def unknown_nouns(tokens: list[str], ignored: list[str], is_verb: Callable[[str], bool]) -> dict[str, NounEntry]:
    """Ignored words that stand where a noun does: the last of a run of unknown words right after an article
    (English puts the noun last: "a glittering unicorn"), the run ending before a verb or a likely one ("a
    zorblax gallops"). A placeholder for each, so "a zorblax sits on the bench" still shows something there.
    Nothing when the prompt names no known thing and no action at all ("a quiet philosophical mood")."""
    placed = any(t in PLACE_WORDS and set(tokens[:k]) & set(ARTICLES) and set(tokens[k + 1:]) & set(ARTICLES)
                 for k, t in enumerate(tokens))  # "a frog on a lily pad": one thing somewhere by another
    if not placed and not any(is_verb(t) or lookup_noun(t) is not None or t.isdigit() or t in NUMBER_WORDS
                              for t in tokens if t not in ARTICLES):
        return {}  # ("two shoes" names things to show; "a quiet philosophical mood" does not)
    out: dict[str, NounEntry] = {}
    for k, tok in enumerate(tokens[:-1]):
        counted = (tok in QUANTITY_WORDS or tok.isdigit()) and not (k > 0 and tokens[k - 1] == "of")  # "of four"
        slot = tok in ARTICLES or counted or (tok == "of" and k > 0 and tokens[k - 1] in GROUP_WORDS)
        if not slot or tokens[k + 1] not in ignored or tokens[k + 1] in QUANTITY_WORDS:
            continue  # ("a dozen eggs": the noun is after "dozen")
        run = k + 1
        while run + 1 < len(tokens) and tokens[run + 1] in ignored and not _verb_like(tokens[run + 1], is_verb):
            run += 1
        word = tokens[run]
        if run + 1 < len(tokens) and (tokens[run + 1] in SETTINGS or lookup_noun(tokens[run + 1]) is not None):
            continue  # "an empty room", "a deserted beach": the unknown words describe the noun that follows
        if (counted and word.endswith(("ing", "ed"))) or _singular(word) in FILLER:
            continue  # "three kids having a picnic": after a count a verb form is no noun; "on both sides"
        if word.isalpha() and word not in SETTINGS and not is_verb(word):
            plural = tok.isdigit() or tok in QUANTITY_WORDS or tok == "of"
            one = _singular(word) if run == k + 1 and plural else word
            out[one] = stand_in(one)  # "three eggs": a placeholder egg, three of them
    return out


def _singular(word: str) -> str:
    """The likely singular of an unknown plural ("eggs" → egg, "boxes" → box, "ponies" → pony)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def _verb_like(word: str, is_verb: Callable[[str], bool]) -> bool:
    """A known verb, or an unknown word shaped like a present-tense one ("gallops", not "glass" or "cactus")."""
    return is_verb(word) or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def substitutions(words: list[str]) -> list[dict[str, str]]:
    """``{word, asset, reason}`` for each noun shown as something else (a synonym's asset or a placeholder)."""
    out: list[dict[str, str]] = []
    for word in dict.fromkeys(words):
        entry = (STAND_INS.get() or {}).get(word) or lookup_noun(word)
        if entry is not None and entry.substituted:
            out.append({"word": word, "asset": entry.asset, "reason": entry.note})
    return out
