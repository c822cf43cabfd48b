"""The offline planner: a deterministic prompt → scene script translation with no model and no network.

It reads a prompt the way people write one: clauses joined by "then / after that / finally" become
consecutive time spans; in each clause, noun phrases (count, size, colour, material, noun) become
entities, verbs attach to the phrase they follow and may take a target ("the dog chases the ball"),
spatial phrases relate entities ("on", "under", "between", "in a circle"), and camera and setting
words pick shots, sky and ground. The vocabulary (``vocabulary.py``) names the catalog assets, actions
and shots it means; what the live catalog and schema lack is replaced by the closest thing that
exists, with a note. Every word used is marked; the rest (minus filler) is reported as ignored.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import ValidationError

from pipeline.errors import PlanError
from pipeline.planners.base import PlanRequest, PlanResult, action_models, first_valid
from pipeline.planners.intents import LEADS, TOWS, WALKED_WITH, event_intents, placement_intents
from pipeline.planners.nouns import STAND_INS, lexicon_sense, place_sense, sense_of, substitutions, unknown_nouns
from pipeline.planners.riders import RIDING_VERBS, drives_itself, mount_riders, roads_for_drives, roads_for_streets
from pipeline.planners.shots import plan_shots
from pipeline.planners.vocabulary import (
    ARRANGEMENT_OF_COUNT,
    ARRANGEMENTS,
    AWAY_VERBS,
    AWAY_WORDS,
    BE_WORDS,
    BOARDING_PARTICLES,
    BOARDING_VERBS,
    BODY_PARTS,
    CAMERA_PHRASES,
    COLOUR_ALIASES,
    COLOUR_HEDGES,
    COLOUR_MODIFIERS,
    COLOUR_VERBS,
    COMPOUND_NOUNS,
    COUNT_PHRASES,
    CUDDLING,
    FALLING_WEATHER,
    FILLER,
    FINISH_COLOURS,
    FINISH_WORDS,
    GARMENTS,
    GOAL_TO_VERBS,
    GOAL_WORDS,
    GROUP_PHRASES,
    IRREGULAR_PLURALS,
    IRREGULAR_VERBS,
    KNOCK_DOWN_VERBS,
    LINED_WORDS,
    MAX_COUNT,
    MAX_NAMED_COUNT,
    METAL_COLOURS,
    NOUNS,
    NUMBER_WORDS,
    PHRASAL_VERBS,
    PRONOUNS,
    RELATIONS,
    SEQUENCE_MARKERS,
    SETTINGS,
    SIT_AT_VERBS,
    SIZES,
    SUBSTANCES,
    TENDING,
    THING_PARTS,
    VEHICLES,
    VERBS,
    WEARING,
    WEATHER_NOUNS,
    WEATHER_WORDS,
    NounSense,
    VerbSense,
)
from scenes import SceneScript
from scenes.catalog import CATALOG, model
from scenes.colors import NAMED_COLOURS, parse_colour
from scenes.lexicon import atmosphere, atmosphere_words, lookup_noun
from scenes.lexicon import nouns as lexicon_nouns
from scenes.motion import heading_of, jump_duration
from scenes.script import MAX_DURATION, Environment

PALETTE = ["tomato", "royalblue", "gold", "seagreen", "orchid", "darkorange", "turquoise", "slateblue"]
FUR = ["#4a3423", "wheat", "dimgray", "#f2efe9", "#22201e", "peru"]  # telling animals apart in natural coats
DEFAULT_DURATION = 10.0
MAX_PROMPT_CHARS = 20_000
DEFAULT_FOV = 50.0
CAMERA_VERBS = {"orbit": "orbit", "circle": "orbit", "revolve": "orbit", "turn": "orbit", "rotate": "orbit",
                "spin": "orbit", "follow": "track", "chase": "track", "pursue": "track", "move": "push_in",
                "approach": "push_in", "come": "push_in", "push": "push_in", "rise": "crane", "fly": "crane",
                "float": "crane", "drift": "pan", "slide": "pan", "glide": "pan", "stay": "static", "wait": "static",
                "truck": "truck", "crane": "crane", "tilt": "tilt", "pan": "pan", "zoom": "zoom_in", "dolly": "push_in",
                "track": "track"}
GAP = 0.5  # metres between things placed side by side
LIVING_KINDS = ("character", "animal", "bird")
FREE_TRAVEL = 25.0  # metres at most that something travels when the prompt names no goal ("gallops across a field")
TOPPLE_VERBS = {"knock", "tip", "push", "fall", "topple", "blow", "kick", "bowl", "keel", "tumble", "turn"}
JUMP_VERBS = {"jump", "leap", "hop", "vault", "hurdle", "skip"}
DETERMINERS = {"a", "an", "the", "his", "her", "their", "its", "my", "our", "your", "this", "that", "some"}
BESIDE_RELATIONS = ("beside", "front", "behind", "left", "right", "near")  # where it is, beside what (not on it)
DESTINATIONS = {"beside", "front", "behind", "left", "right"}  # after a verb of travel: where it goes, not where it is
PACE_WORDS = {"slow", "quick", "short", "long", "full", "whole", "lazy", "calm", "busy", "peaceful"}
TOWARDS = {"to", "towards", "toward", "here", "there", "and", ","}  # "comes over to", "walks over and sits"
OVER_RUN_UP = 1.0  # metres in front of what is jumped over

_TOKEN = re.compile(r"\d+\.\d+|[^\W_]+(?:['’-][^\W_]+)*(?<=s)'|[^\W_]+(?:['’-][^\W_]+)*|,")  # "café", "campers'"


_SENTENCE_END = re.compile(r"[;!?]|\.(?=\s|$)")


def tokenize(prompt: str) -> list[str]:
    """Lower-cased word tokens; hyphenated words stay whole (close-up), possessives too (bird's). A comma is a
    token (it can end a subject: "stacked in a tower, a red sphere rolls…"); a sentence end reads as "then"."""
    text = _SENTENCE_END.sub(" then ", prompt.lower().replace("’", "'").replace(":", ","))  # "marble run: a …"
    return _phrasal(_TOKEN.findall(text))


def _phrasal(tokens: list[str]) -> list[str]:
    """Verbs of two words as the one verb they mean ("the plane takes off": it rises; not "takes off his hat")."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        pair = tuple(tokens[i:i + 2])
        after = tokens[i + 2] if i + 2 < len(tokens) else ""
        if pair in PHRASAL_VERBS and (after not in DETERMINERS or pair[1] == "on"):  # ("knocks on the door")
            out.append(PHRASAL_VERBS[pair])
            i += 2
            continue
        out.append(tokens[i])
        i += 1
    return out


# ------------------------------------------------------------------------------------------ word forms


def catalog_nouns() -> dict[str, NounSense]:
    """Nouns from the live catalog's names and aliases, so new assets are understood without new vocabulary."""
    out: dict[str, NounSense] = {}
    for spec in CATALOG.values():
        for word in (spec.name, *spec.aliases):
            if word in SETTINGS:  # "on a beach", "in a room" set the ground and sky; the asset is for scripts
                continue
            if _lexicon_says_otherwise(word, spec.name):  # "a small plane" is an aeroplane, not the flat primitive
                continue
            out.setdefault(word.replace("_", ""), NounSense((spec.name,), spec.name, spec.size))
    return out


def _lexicon_says_otherwise(word: str, asset: str) -> bool:
    """Whether the lexicon gives ``word`` an asset other than the catalog one of that name: the lexicon is what
    words mean in prose, the catalog name what a script writes (``plane`` the primitive; in a prompt an aeroplane)."""
    entry = lexicon_nouns().get(word)
    return entry is not None and entry.asset != asset


def noun_sense(word: str) -> tuple[str, NounSense] | None:
    """The singular form and sense of a noun (``"puppies"`` → ``("puppy", dog)``), or ``None``."""
    live = catalog_nouns()
    for form in _singulars(word):
        if form in NOUNS:
            return form, NOUNS[form]
        if form in live:
            return form, live[form]
    for form in _singulars(word):
        sense = lexicon_sense(form)  # synonyms and kinds (pigeon, sedan) and this prompt's stand-ins
        if sense is not None:
            return form, sense
    return None


def _singulars(word: str) -> list[str]:
    forms = [word]
    if word in IRREGULAR_PLURALS:
        forms.insert(0, IRREGULAR_PLURALS[word])
    for suffix, repl in (("ies", "y"), ("ves", "f"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("ses", "s"),
                         ("es", "e"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            forms.append(word[: -len(suffix)] + repl)
    return forms


def verb_lemma(word: str) -> str | None:
    """The verb a word is a form of (``"chases"`` → ``"chase"``, ``"ran"`` → ``"run"``), or ``None``."""
    if word in IRREGULAR_VERBS:
        return IRREGULAR_VERBS[word]
    if word in VERBS:
        return word
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            for cand in (base, base + "e", base[:-1] if len(base) > 2 and base[-1] == base[-2] else ""):
                if cand in VERBS:
                    return cand
    return None


def garment_slot(word: str) -> str | None:
    """The body slot a garment word ("dress", "raincoats", "jeans") colours, if it is one."""
    return next((GARMENTS[f] for f in (word, *_singulars(word)) if f in GARMENTS), None)


THING_DETERMINERS = ("a", "an", "his", "her", "their", "my", "its", "your", "our")
"""Words before ``camera`` that make it a thing someone has, not the scene's camera (which is "the camera")."""


def camera_verb(word: str) -> str | None:
    """The camera move a verb form names ("orbits", "trucks", "panning"), if any."""
    forms = [verb_lemma(word), word, word[:-1] if word.endswith("s") else None, word[:-3] if word.endswith(
        "ing") else None]
    return next((CAMERA_VERBS[f] for f in forms if f in CAMERA_VERBS), None)


def _match(tokens: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(tokens[i : i + len(phrase)]) == phrase


def _blend(colour: str, amount: float) -> str:
    """Lighten (amount > 0, towards white) or darken (< 0) an sRGB colour; returns ``#rrggbb``."""
    rgb = parse_colour(colour)
    target = 1.0 if amount > 0 else 0.0
    mixed = [c + (target - c) * abs(amount) for c in rgb]
    return "#" + "".join(f"{round(c * 255):02x}" for c in mixed)


_NOT_COLOURS = {"snow", "sky", "tan", "rose", "lime", "wheat", "linen", "sand"}


def colour_at(tokens: list[str], i: int) -> tuple[str, int] | None:
    """A colour phrase at token ``i`` ("light blue", "navy blue", "bright red", "golden"): (colour, length)."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if nxt and (tok + nxt) in NAMED_COLOURS:
        return tok + nxt, 2
    nxt_colour = COLOUR_ALIASES.get(nxt, nxt) if nxt else ""
    if tok in COLOUR_MODIFIERS and nxt_colour in NAMED_COLOURS:
        amount = COLOUR_MODIFIERS[tok]
        return (_blend(nxt_colour, amount) if amount else nxt_colour), 2
    if tok in NAMED_COLOURS and nxt_colour in NAMED_COLOURS and nxt_colour not in _NOT_COLOURS:
        return tok, 2  # "navy blue", "blood red": the first word is the shade
    if COLOUR_ALIASES.get(tok):
        return COLOUR_ALIASES[tok], 1
    if tok in NAMED_COLOURS and tok not in _NOT_COLOURS:
        return tok, 1
    return None


# ----------------------------------------------------------------------------------------------- reading


@dataclass
class Entity:
    """A noun phrase: ``count`` × an asset with its adjectives and its place relative to other entities."""

    word: str
    sense: NounSense
    count: int = 1
    colour: str | None = None
    finish: str | None = None
    size: float = 1.0
    relation: tuple[str, list[int]] | None = None  # (relation, anchor entity indices)
    support: tuple[str, list[int]] | None = None  # what it stands on when a later relation says beside what
    arrangement: str = "row"
    abreast: bool = False  # "side by side", "next to each other": a row closed up to arm's length
    garments: dict[str, str] = field(default_factory=dict)  # material slot -> colour ("in a red dress")
    source: int | None = None  # what it comes off ("rolls off the table", "falls off a shelf"): it starts on it
    topic: bool = False  # named by a group phrase ("a domino run"): a later count of the same noun is it
    modifier: str | None = None  # the asset a noun before it names ("a horse rider": a rider of horses)
    member_colours: list[str] = field(default_factory=list)  # "a red, a green and a blue cube": each member's
    kept_in: bool = False  # in the container it came "with": a later place phrase is the container's, not its

    def relate(self, name: str, anchors: list[int]) -> None:
        """Set its relation; an ``on``/``inside`` it had stays its support when the new one says beside what it
        stands there ("a pigeon on the table next to the board", "the kettle on the counter, on the left")."""
        if self.kept_in:  # "a basket with eggs on the table": the eggs stay in the basket
            return
        if self.relation and self.relation[0] in ("on", "inside") and name in BESIDE_RELATIONS:
            self.support = self.relation
        self.relation = (name, anchors)


@dataclass
class Event:
    """Something subjects do during one clause, perhaps towards a target entity (or ``"each_other"``).

    A passive verb ("a ball is thrown at the cups") keeps what it is done to as ``subjects`` and its doer, if
    the prompt names one ("by a boy"), as ``agent``; ``goal`` is where a verb that already has its target sends
    it ("kicks the ball against the wall")."""

    subjects: list[int]
    verb: str
    sense: VerbSense
    clause: int
    target: int | str | None = None
    passive: bool = False
    agent: int | None = None
    goal: int | None = None
    lands: int | None = None  # what "on"/"onto" after the verb names ("falls onto a crate"), not where it stood
    over: bool = False  # "falls over", "knocks them over", "pushes down the tower": it brings something down
    past: bool = False  # "jogs past the trees": by the target and on, not up to it
    on_spot: bool = False  # "jumps up and down on the bed": where it is, not onto it
    path: int | None = None  # what it travels along or over ("rides down the sidewalk", "drives across the bridge")
    mount: int | None = None  # what its subject rides meanwhile (pipeline/planners/riders.py)
    road: bool = False  # "drives down the high street": along a road the setting names (riders.roads_for_drives)
    across_top: bool = False  # "rolls across the table": over its top (on it from the start), not up to it
    turn: str | None = None  # "turns left", "does a U-turn": a vehicle's turn ("left", "right", "around")
    rally: bool = False  # "two kids playing football": the players pass the ball between them
    with_pet: bool = False  # "jogs with her dog": the animal keeps up beside, not a goal to go to
    away: bool = False  # "walks away from the house", "comes out of the barn", "leaves the café": from the target
    height: float | None = None  # "falls from two metres up": how high it starts, in metres

    def __post_init__(self) -> None:
        self.away = self.away or self.verb in AWAY_VERBS


@dataclass
class Reading:
    """What the planner understood of a prompt."""

    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    camera: list[tuple[int, str]] = field(default_factory=list)  # (clause, move or modifier)
    sides: list[tuple[int, str]] = field(default_factory=list)  # "a red car on the left": beside what comes after
    shot_of: dict[int, int] = field(default_factory=dict)  # clause -> what "a wide shot of …" names: it is filmed
    sky: str | None = None
    sky_rank: int = 0
    ground: str | None = None
    duration: float | None = None
    clauses: int = 1
    used: set[int] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # (clause, entity) of every noun and pronoun
    shot_count: int | None = None  # "in three shots"
    shot_marks: set[int] = field(default_factory=set)  # clauses that begin a shot ("shot 2: …")
    place: tuple[str, NounSense, int] | None = None  # the place a setting word names ("on the beach": a beach)
    street: bool = False  # the setting is a street or a road ("rainy London street"): vehicles stand on one
    companions: dict[int, int | None] = field(default_factory=dict)  # "… with a puppy following": whom it is with


def _duration(tokens: list[str], used: set[int]) -> float | None:
    """A length like "20 seconds", "a one-minute video", "1.5 min", "half a minute", "30s"."""
    units = {"s": 1.0, "sec": 1.0, "secs": 1.0, "second": 1.0, "seconds": 1.0, "second-long": 1.0,
             "min": 60.0, "mins": 60.0, "minute": 60.0, "minutes": 60.0, "minute-long": 60.0,
             "hour": 3600.0, "hours": 3600.0, "hour-long": 3600.0}
    for i, tok in enumerate(tokens):
        m = re.fullmatch(r"(\d+(?:\.\d+)?)-?(s|sec|secs|seconds?|min|mins|minutes?)(?:-long)?", tok)
        if m:
            used.add(i)
            return float(m.group(1)) * (60.0 if m.group(2).startswith("m") else 1.0)
        if _match(tokens, i, ("half", "a", "minute")):
            used.update(range(i, i + 3))
            return 30.0
        k = i + 2 if i + 2 < len(tokens) and tokens[i + 1] in PACE_WORDS else i + 1  # "one slow minute"
        unit = tokens[k] if k < len(tokens) else ""
        if tok.endswith(("-second", "-minute", "-second-long", "-minute-long")):  # "one-minute", "ten-second"
            head, _, rest = tok.partition("-")
            unit, tok = rest, head
        value: float | None = None
        if re.fullmatch(r"\d+(\.\d+)?", tok):
            value = float(tok)
        elif tok in NUMBER_WORDS:
            value = float(NUMBER_WORDS[tok])
        elif tok in ("a", "an", "one") and unit in ("minute", "minute-long", "hour", "hour-long"):
            value = 1.0
        if value is None or unit not in units:
            continue
        used.update(range(i, k + 1) if k < len(tokens) and tokens[k] == unit else (i,))
        return value * units[unit]
    return None


def _clauses(tokens: list[str], used: set[int]) -> list[tuple[int, int]]:
    """Token ranges of the sequential clauses ("…, then …, after that …, finally …")."""
    cuts = [0]
    i = 0
    while i < len(tokens):
        marker = next((m for m in SEQUENCE_MARKERS if _match(tokens, i, m)), None)
        if marker == ("next",) and i + 1 < len(tokens) and tokens[i + 1] == "to":
            marker = None  # "next to" is a place, not a sequence
        if marker and i > 0 and i not in used:
            used.update(range(i, i + len(marker)))
            if i > cuts[-1]:
                cuts.append(i)
            i += len(marker)
            continue
        i += 1
    cuts.append(len(tokens))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a] or [(0, len(tokens))]


class _ClauseReader:
    """Reads tokens left to right, keeping the subject group and pending modifiers between words."""

    def __init__(self, tokens: list[str], reading: Reading) -> None:
        self.t = tokens
        self.r = reading
        self.subjects: list[int] = []
        self.soft_break = False  # a comma after a subject with no verb yet: the next noun starts a new subject
        self.listed: list[int] = []  # ... unless "and" ends the list: "a laptop, a cup and a book on a desk"
        self.joined: list[int] = []  # the list's first members, whom "facing" after the last one is not about
        self.split_from: dict[int, int] = {}  # "the yellow one" of two cars: its entity -> the group it left
        self.imperative: str | None = None  # "Drop a ball …", "roll a sphere at …": the verb before its thing
        self.commanded: Event | None = None  # the event a command made: "… and a box" are its things too
        self.commanded_end = 0  # the token after its last thing
        self.contents_of: int | None = None  # "a bowl of …": the container the next noun is in
        self.listed_colours: list[str] = []  # "a red, a green and …": colours waiting for the noun they share
        self.noun_modifier: str | None = None  # the asset of a noun used as an adjective ("a horse rider")
        self.scenery = False  # "a street lined with lamp posts": what comes is what lines the way, not a target
        self.indefinite_list = False  # … each with its article: one thing of each colour
        self.filled: dict[int, int] = {}  # contents -> container: what is said of "a vase of flowers" is the vase's
        self.shot_of_clause: int | None = None  # a "shot of" waits for the thing it names, a few words on
        self.with_host: tuple[int, int] | None = None  # (container, clause): "a bowl with three apples in it"
        self.with_move: Event | None = None  # a walk "with" a thing in hand, waiting for the thing
        self.shot_of_at = self.noun_index = 0
        self.beside_guess: tuple[list[int], int] | None = None  # (subjects, the top they are on) of a beside read
        # as said of that top ("a cup on a table next to a chair"); a small anchor gives it back to them
        self.clause = 0
        self.named_at_verb = 0  # how many mentions there were when the last verb was read
        self.reset_phrase()

    def reset_phrase(self) -> None:
        self.count: int | None = None
        self.count_named = False  # the count is a number the prompt wrote ("fifty"), not a vague "dozens of"
        self.count_arrangement: str | None = None
        self.size: float | None = None
        self.colour: str | None = None
        self.finish: str | None = None
        self.definite = False
        self.indefinite = False
        self.participles: list[tuple[int, str]] = []  # "a spinning top": (token, verb) waiting for the noun
        self.modifier_idx: list[int] = []

    def held_camera(self, i: int) -> bool:
        """Whether the word ``camera`` at ``i`` is a thing in the scene ("a photographer holds a camera", "with
        her camera"), not the one filming: after "a" or an owner's word, and not doing what a scene camera does
        ("a camera circles the car")."""
        if self.t[i] != "camera" or i == 0 or self.t[i - 1] not in THING_DETERMINERS:
            return False
        return i + 1 >= len(self.t) or camera_verb(self.t[i + 1]) is None

    def is_noun_at(self, i: int) -> bool:
        if i >= len(self.t):
            return False
        return self.noun_at(i) is not None  # one word or two ("sports car", "school bus")

    def modifier_follows(self, i: int) -> bool:
        """Whether token ``i`` is followed (through other modifiers) by a noun: then it is an adjective."""
        j = i + 1
        while j < len(self.t) and (self.t[j] in SIZES or self.t[j] in FINISH_WORDS or colour_at(self.t, j)):
            if self.is_noun_at(j) and not self.is_noun_at(j + 1):
                return True
            j += 1
        # "a blue one": "one" stands for the noun just named
        return self.is_noun_at(j) or (j < len(self.t) and self.t[j] == "one" and bool(self.r.entities) and (
            self.t[i] in SIZES or colour_at(self.t, i) is not None))

    def noun_soon(self, i: int, within: int = 3) -> bool:
        """Whether a noun follows token ``i`` within a few words ("dozens of shiny zorblax cubes")."""
        return any(self.is_noun_at(j) or self.modifier_follows(j - 1) for j in range(i + 1, i + 1 + within))

    def wearer(self, i: int) -> int | None:
        """The person a garment word at ``i`` is worn by: the subject, or the last person named."""
        if garment_slot(self.t[i]) is None or self.garment_handled(i):
            return None
        people = [k for k in (self.subjects or range(len(self.r.entities) - 1, -1, -1))
                  if self.r.entities[k].sense.living == "person"]
        return people[-1] if self.subjects and people else (people[0] if people else None)

    def one_each(self, i: int, end: int) -> tuple[int, list[str], int] | None:
        """ "two dogs, one black and one white", "three cars: one red, one blue and one green": the group just
        named (with no colour of its own) and its members' colours, and the index after the list; ``None`` if the
        words at ``i`` are not such a list."""
        group = next((k for k in range(len(self.r.entities) - 1, -1, -1) if self.r.entities[k].count >= 2), None)
        if group is None or self.r.entities[group].colour or self.r.entities[group].member_colours:
            return None
        colours, j = [], i
        while j < end and self.t[j] in ("one", "another", "the", "other", "and", ","):
            k = j
            while k < end and self.t[k] in ("one", "another", "the", "other", "and", ","):
                k += 1
            shade = colour_at(self.t, k) if k < end else None
            if shade is None or self.t[j] not in ("one", "another", "the", "and", ","):
                break
            colours.append(shade[0])
            j = k + shade[1]
        if len(colours) < 2 or (j < end and self.is_noun_at(j)):  # ("one red ball": a new thing)
            return None
        return group, colours, j

    def garment_handled(self, i: int) -> bool:
        """Whether the garment word at ``i`` is a thing a verb acts on ("irons a shirt", "folds the shirts"), not
        something worn, when the catalog has it as a thing."""
        j = i - 1
        while j >= 0 and (self.t[j] in DETERMINERS or self.t[j] in SIZES or colour_at(self.t, j)):
            j -= 1
        verb = verb_lemma(self.t[j]) if j >= 0 else None
        return verb is not None and self.t[j] not in WEARING and verb not in ("wear", "dress") and \
            noun_sense(_singulars(self.t[i])[-1]) is not None

    def noun_after_word(self, i: int) -> bool:
        """ "two tennis players": a noun right after one word that is neither a verb, a noun nor a relation."""
        if i + 2 >= len(self.t):
            return False
        word = self.t[i + 1]
        participle = word.endswith(("ing", "ed")) and verb_lemma(word) is not None  # "two rolling balls", "parked"
        return (self.is_noun_at(i + 2) and not self.is_noun_at(i + 1) and (verb_lemma(word) is None or participle)
                and word not in FILLER and not any(p[0] == word for p, _ in RELATIONS))

    def relate(self, pending: tuple[str, list[int], list[int]], anchor: int) -> None:
        """Give the waiting relation's subjects their relation to ``anchor`` (a pronoun's referent)."""
        name, idx, subjects = pending
        for s in subjects:
            if s != anchor and name != "off":
                self.r.entities[s].relate(name, [anchor])
            elif s != anchor:
                self.r.entities[s].source = anchor
        self.r.used.update(idx)

    def coloured_member(self, colour: str) -> int | None:
        """ "two sports cars …, the yellow one overtakes the black one": the last group of two or more named, split
        into the member of that colour and the rest (which the next colour names: "the black one" is the other);
        None if no such group was named."""
        r = self.r
        for k in range(len(r.entities) - 1, -1, -1):
            e = r.entities[k]
            if e.colour == colour:
                return k
            if e.colour is None and k in self.split_from.values() and e.count == 1:
                e.colour = colour  # the one left
                return k
            if e.count >= 2 and e.colour is None and not e.member_colours:
                one = replace(e, count=1, colour=colour, relation=e.relation, garments=dict(e.garments),
                              member_colours=[])
                e.count -= 1
                r.entities.append(one)
                new = len(r.entities) - 1
                self.split_from[new] = k
                for ev in r.events:
                    if k in ev.subjects:
                        ev.subjects.append(new)
                r.mentions.append((self.clause, new))
                return new
        return None

    def abreast(self) -> None:
        """ "side by side", "next to each other": the members of one group stand close abreast; of several
        named together, each stands beside the first ("a boy and his dog walk side by side")."""
        r = self.r
        subjects = self.subjects or [len(r.entities) - 1]
        for e in subjects:
            r.entities[e].abreast = True
        if all(CATALOG[r.entities[e].sense.assets[0]].group == "vehicles" for e in subjects if
               r.entities[e].sense.assets and r.entities[e].sense.assets[0] in CATALOG):
            return  # cars racing side by side: abreast in their lanes (a "beside" put one behind the other)
        for e in subjects[1:]:
            if r.entities[e].relation is None:
                r.entities[e].relation = ("beside", [subjects[0]])

    def read(self, start: int, end: int, clause: int) -> None:
        """Read the clause ``tokens[start:end]``."""
        t, r = self.t, self.r
        self.clause = clause
        verb_seen = False
        self.agent_for: Event | None = None  # a passive verb waiting for its doer ("… by a boy")
        self.goal_for: Event | None = None  # a verb with its target, waiting for where it sends it ("against …")
        self.path_for: Event | None = None  # a travel waiting for the road, path or bridge it goes along
        self.listed, self.joined = [], []
        self.events_at_noun = 0  # how many events there were when the last noun was read
        camera_subject = False
        last_event: Event | None = None
        object_last: int | None = None  # the entity just read as a verb's object, when nothing has followed it
        pending_rel: tuple[str, list[int], list[int]] | None = None  # (relation, token idx, subjects)
        i = start
        while i < end:
            tok = t[i]
            if i in r.used:
                i += 1
                continue
            cam = next(((p, m) for p, m in CAMERA_PHRASES if _match(t, i, p) and i + len(p) <= end), None)
            if cam and not (cam[1] in ("close", "wide", "medium") and self.is_noun_at(i + len(cam[0]))):
                r.camera.append((clause, cam[1]))
                camera_subject = False
                r.used.update(range(i, i + len(cam[0])))
                i += len(cam[0])
                if cam[0][-1] == "of" or (i < end and t[i] == "of"):  # "a wide shot of the castle": the castle
                    self.shot_of_clause, self.shot_of_at = clause, i
                continue
            if tok in ("shot", "shots", "scene", "scenes") and self.shot_number(i, clause):
                i += 1
                continue
            if tok in ("camera", "cam", "shot", "view", "angle", "lens") and not self.held_camera(i):
                camera_subject = tok in ("camera", "cam")
                r.used.add(i)
                i += 1
                continue
            if camera_subject and camera_verb(tok):  # "the camera orbits", "the camera follows"
                r.camera.append((clause, camera_verb(tok) or ""))
                camera_subject = False
                r.used.add(i)
                i += 1
                continue
            last = r.mentions[-1][1] if tok == "with" and r.mentions and r.mentions[-1][0] == clause else None
            # the container just named, or named just before what it stands on ("a fruit bowl on the counter with")
            host = next((e for e in ([last] + [x for x in range(len(r.entities)) if r.entities[x].relation and
                                               r.entities[x].relation[1] == [last]] if last is not None else [])
                         if _with_things_in(r.entities[e])), None)
            if host is not None:  # "a fruit bowl on the counter with bananas": what it is "with" is in it (entity)
                self.with_host = (host, clause)
            if tok == "with" and last_event is not None and last_event.target is None and i > start and (
                    t[i - 1] in LINED_WORDS or ((t[i - 1] in SETTINGS or self.is_noun_at(i - 1)) and self.noun_follows(
                        i, _lifeless) and not self.noun_follows(i, _carried))):  # not "with a dog", "with an umbrella"
                self.scenery = True  # "drives down a street lined with lamp posts": it drove into the first post
                r.used.update(k for k in (i - 1, i) if t[k] in LINED_WORDS or k == i)
                i += 1
                continue
            if tok == "with" and last_event is not None and last_event.sense.fallback == "move" and \
                    last_event.target is None and self.noun_follows(i, _carried) and all(
                        r.entities[x].sense.living == "person" for x in last_event.subjects):
                self.with_move = last_event  # "walks down the street with an umbrella": in hand (see entity)
                r.used.add(i)
                i += 1
                continue
            if tok == "with" and last_event is not None and last_event.sense.fallback == "move" and \
                    last_event.target is None and self.noun_follows(i, _pet):
                last_event.with_pet = True  # "jogging along the river with her dog": it keeps up, at her side
                r.used.add(i)
                i += 1
                continue
            if tok == "on" and t[i + 1:i + 3] and t[i + 1] in DETERMINERS and i + 2 < end and t[i + 2] in LEADS_WORDS:
                r.used.update(range(i, i + 3))  # "her dog on a lead": a leash, not a verb
                i += 3
                continue
            if tok in AWAY_WORDS and last_event is not None and last_event.sense.fallback == "move" and \
                    last_event.target is None:
                last_event.away = True  # "walks away from the house", "comes out of the barn": from what follows
                r.used.add(i)
                if i + 1 < end and t[i + 1] in ("from", "of"):
                    r.used.add(i + 1)
                    i += 1
                i += 1
                continue
            if tok == "up" and t[i + 1:i + 3] == ["and", "down"] and last_event is not None and (
                    last_event.verb in JUMP_VERBS or last_event.sense.fallback == "bounce"):
                last_event.on_spot = True  # "jumping up and down": on the spot, again and again
                r.used.update(range(i, i + 3))
                i += 3
                continue
            if tok == "past" and last_event is not None and last_event.sense.fallback in ("move", "chase"):
                last_event.past = True  # the next noun is what it goes past
                r.used.add(i)
                if i + 1 >= end or t[i + 1] in (",", "and"):  # "a woman jogs past, an old man sits": past nothing
                    last_event = None
                i += 1
                continue
            road = self.road_follows(i) if tok in PATH_WORDS and last_event is not None and \
                last_event.sense.fallback in ("move", "chase") else None
            if road is not None and last_event is not None:  # "down the high street": a road to drive along
                last_event.road = True
                r.used.update(range(i, road))
                i = road
                continue
            if tok == "one" and (shades := self.one_each(i, end)) is not None:  # "two dogs, one black and one white"
                group, colours, stop = shades
                r.entities[group].member_colours = colours
                r.used.update(range(i, stop))
                i = stop
                continue
            if tok == "flying" and last_event is not None and last_event.sense.fallback == "push":
                r.used.add(i)  # "knocks the pieces flying", "sends it flying": the knock, not a flight of its own
                i += 1
                continue
            if tok in TURN_SIDES and last_event is not None and last_event.verb == "turn" and \
                    last_event.turn is None and i > 0 and verb_lemma(t[i - 1]) == "turn":
                last_event.turn = TURN_SIDES[tok]  # "turns left at the crossroads"
                r.used.add(i)
                i += 1
                continue
            if tok in U_TURNS and self.subjects:  # "a black car does a U-turn in the middle of the street"
                last_event = Event(list(self.subjects), "turn", VERBS["turn"], clause, turn="around")
                r.events.append(last_event)
                r.used.update({i, *(k for k in (i - 1, i - 2) if k >= start and t[k] in (*DOING, "a"))})
                verb_seen = True
                i += 1
                continue
            if tok in ("across", "along", "over") and last_event is not None and last_event.sense.fallback in (
                    "move", "chase") and last_event.target is None and self.noun_follows(i, _has_top_to_cross):
                last_event.across_top = True  # "a toy car rolls across the table": on it, from end to end
                r.used.add(i)
                i += 1
                continue
            if tok == "along" and last_event is not None and last_event.sense.fallback == "move" and (
                    last_event.target is not None or last_event.away) and not self.noun_follows(i, _path_surface) \
                    and self.noun_soon(i):
                # "trundles out of the barn and along the hedge": then on beside it, to its far end
                last_event = Event(list(last_event.subjects), last_event.verb, last_event.sense, clause)
                r.events.append(last_event)
                r.used.add(i)
                i += 1
                continue
            if tok in PATH_WORDS and last_event is not None and last_event.path is None and \
                    last_event.sense.fallback in ("move", "chase") and self.noun_follows(i, _path_surface):
                self.path_for = last_event  # "rides down the sidewalk", "drives over the bridge": along it
                r.used.add(i)
                i += 1
                continue
            if _match(t, i, ("hand", "in", "hand")) or _match(t, i, ("arm", "in", "arm")):
                self.abreast()  # "a couple walking hand in hand": side by side, close
                r.used.update(range(i, i + 3))
                i += 3
                continue
            if tok in ("each", "one") and i + 1 < end and t[i + 1] in ("other", "another", "other's"):
                if last_event is not None and last_event.sense.wants_target:
                    last_event.target = "each_other"
                    r.used.update({i, i + 1})
                i += 2
                continue
            arrangement = next(((p, a) for p, a in ARRANGEMENTS if _match(t, i, p)), None)
            if tok == "in" and i + 2 < end and (t[i + 1] in NUMBER_WORDS or t[i + 1].isdigit()) and \
                    t[i + 2] in ("rows", "lines", "columns", "ranks"):
                arrangement = (("in", t[i + 1], t[i + 2]), "grid")  # "twelve desks in three rows" (they rowed)
            if arrangement and i + len(arrangement[0]) < end and t[i + len(arrangement[0])] == "of":
                arrangement = None  # "crashes into a tower of blocks": a group of blocks, not the car in a tower
            if arrangement and r.entities:
                for e in self.subjects or [len(r.entities) - 1]:
                    r.entities[e].arrangement = arrangement[1]
                if arrangement[0] == ("side", "by", "side"):
                    self.abreast()
                r.used.update(range(i, i + len(arrangement[0])))
                i += len(arrangement[0])
                # "three cones lined up in a row and a ball …": the arrangement is what they do; what follows
                # names a new subject
                verb_seen = verb_seen or bool(self.subjects)
                continue
            height = _height_at(t, i, end)
            if height is not None and last_event is not None:  # "falls from two metres up": where it starts
                last_event.height = height[0]
                r.used.update(range(i, i + height[1]))
                i += height[1]
                continue
            if (tok in GOAL_WORDS or (tok == "to" and last_event is not None and last_event.verb in GOAL_TO_VERBS)) \
                    and last_event is not None and last_event.goal is None and self.noun_soon(i) and (
                    isinstance(last_event.target, int) or (last_event.passive and last_event.target is None)):
                if last_event.target is not None:  # "kicks the ball against the wall": where the ball goes
                    self.goal_for = last_event
                r.used.add(i)  # "is kicked against the wall": the wall is the passive verb's own target
                i += 1
                continue
            count_phrase = next(((p, n) for p, n in COUNT_PHRASES if _match(t, i, p)), None)
            if count_phrase is None and tok == "a" and i + 1 < end and t[i + 1] in SIZES:  # "a tall stack of"
                count_phrase = next(((p, n) for p, n in COUNT_PHRASES if p[0] == "a" and _match(t, i + 2, p[1:])),
                                    None)
                if count_phrase:
                    self.size = SIZES[t[i + 1]] if t[i + 1] in ("small", "little", "tiny") else self.size
                    self.modifier_idx.append(i + 1)
                    i += 1
            if count_phrase and self.count is None and self.noun_soon(i + len(count_phrase[0]) - 1):
                phrase, n = count_phrase
                self.count = n
                self.count_arrangement = ARRANGEMENT_OF_COUNT.get(phrase[1] if len(phrase) > 1 else "")
                self.modifier_idx += list(range(i, i + len(phrase)))
                i += len(phrase)
                continue
            if tok == "in" and _match(t, i + 1, ("the",)) and i + 2 < end and t[i + 2] in ("middle", "centre",
                    "center") and not (i + 3 < end and t[i + 3] == "of") and len(r.mentions) >= 2:
                # "a lake with a boat in the middle", "a table with a cake in the centre": on what it is with
                x = r.mentions[-1][1]
                host = next((e for _, e in reversed(r.mentions) if e != x), None)
                if host is not None and r.entities[x].relation is None:
                    r.entities[x].relation = ("on", [host])
                r.used.update({i, i + 1, i + 2})
                i += 3
                continue
            if tok in ("on", "to", "at") and (side := _side_after(t, i + 1, end)) and r.mentions:
                # "kettle on the left and the microwave on the right": beside the others, as the camera sees it
                x = r.mentions[-1][1]
                anchor = _sibling(r, x)
                if anchor is not None:
                    self.relate((side, [i, i + 1, i + 2], [x]), anchor)
                else:  # nothing else named yet: beside what the prompt names next
                    r.sides.append((x, side))
                r.used.update({i, i + 1, i + 2})
                i += 3
                continue
            if tok == "off" and (k := _edge_after(t, i + 1, end)) and last_event is not None:
                held = next((x for ev in reversed(r.events) if set(ev.subjects) & set(last_event.subjects)
                             for x in (ev.target, ev.path) if isinstance(x, int)), None)
                if held is not None:  # "rolls along the counter and drops off the end": off the counter
                    for x in last_event.subjects:
                        r.entities[x].source = held
                    r.used.update(range(i, k))
                    i = k
                    continue
            if tok in LOOK_DIRECTIONS and i > start and i + 1 < end and t[i + 1] == "at" and _aims_at(t[i - 1]):
                r.used.add(i)  # "staring down at two birds", "gazes up at the stars": still at them
                i += 1
                continue
            rel = next(((p, m) for p, m in RELATIONS if _match(t, i, p)), None)
            if rel and rel[1] == "beside" and r.entities and any(
                    _match(t, i + len(rel[0]), p) for p in (("each", "other"), ("one", "another"))):
                self.abreast()  # "two cars parked next to each other": side by side
                r.used.update(range(i, i + len(rel[0]) + 2))
                i += len(rel[0]) + 2
                continue
            if rel and tok == "by" and last_event is not None and last_event.passive and last_event.agent is None:
                self.agent_for = last_event  # "is thrown by a boy": the boy throws it
                r.used.add(i)
                i += 1
                continue
            if tok == "in" and self.noun_follows(i, _is_seat):
                rel = (("in",), "on")  # "reading in an armchair", "sits in her chair": on its seat
            elif tok in ("in", "into") and self.noun_follows(i, _holds_things):
                rel = ((tok,), "inside")  # "a duck in the bathtub", "apples in a bowl"
            elif tok in ("in", "into") and self.noun_follows(i, _is_water) and self.subjects and all(
                    _buoyant(r.entities[x]) for x in self.subjects):
                rel = ((tok,), "on")  # "a boat in the harbour", "chugs back into the harbour": afloat on it
            if tok == "at" and self.at_edge_of(i):
                rel = (("at",), "beside")  # "at the lake's edge": by the lake
            elif tok == "at" and rel is None and self.noun_follows(i, _stands_somewhere) and not (
                    last_event is not None and last_event.sense.wants_target and last_event.target is None) and not (
                    i > start and _aims_at(t[i - 1])):
                rel = (("at",), "beside")  # "a teacher at the whiteboard", "mum chops vegetables at the counter"
            if tok == "from" and self.noun_follows(i, _stood_on) and not (
                    last_event is not None and last_event.sense.fallback in ("fall", "fly")):
                rel = (("from",), "on")  # "waving from the sidewalk", "watch from a bench": where they are
            elif tok == "from" and last_event is not None and last_event.verb in DROP_VERBS and self.noun_soon(i, 5):
                rel = (("from",), "off")  # "apples drop from the branches of a tree": where they fall from
            if rel and rel[1] in DESTINATIONS and last_event is not None and last_event.target is None and \
                    {"walk_to", "move_to"} & set(last_event.sense.actions) and not last_event.past:
                r.used.update(range(i, i + len(rel[0])))  # "stops next to him", "parks beside the van": goes there
                i += len(rel[0])
                continue
            if rel and tok in ("over", "down") and self.knocks_down(i, start, end, last_event):
                r.used.add(i)  # "knocks over the pins", "falls over", "knocks them down": part of the verb
                if last_event is not None:
                    last_event.over = True
                i += 1
                continue
            if rel and tok == "down" and i > start and verb_lemma(t[i - 1]) in ("break", "slow"):
                r.used.add(i)  # "the car breaks down", "slows down": part of the verb, not a way down something
                i += 1
                continue
            if rel and tok == "over" and i > start and verb_lemma(t[i - 1]) in TOPPLE_VERBS:
                r.used.add(i)  # "tumbles over": part of the verb, not "above"
                i += 1
                continue
            if rel and tok == "over" and i > start and (lemma := verb_lemma(t[i - 1]) or (
                    verb_lemma(t[i - 2]) if i - 1 > start and t[i - 1].endswith("ly") else None)) and \
                    VERBS[lemma].fallback in ("move", "chase") and (i + 1 >= end or t[i + 1] in TOWARDS or any(
                        _match(t, i + 1, p) for p, _ in RELATIONS)):  # "pulls over beside her"
                r.used.add(i)  # "walks over to his car", "comes over": part of the verb, not "above"
                i += 1
                continue
            if rel and tok == "down" and i > start and (lemma := verb_lemma(t[i - 1])) and \
                    VERBS[lemma].fallback in ("move", "chase") and i + 1 < end and t[i + 1] in ("to", "towards"):
                r.used.add(i)  # "walks down to the lake": part of the verb, the lake is where it goes
                i += 1
                continue
            if rel and tok == "over" and i > start and (verb_lemma(t[i - 1]) in JUMP_VERBS or (
                    last_event is not None and last_event.sense.fallback in ("move", "chase") and
                    verb_lemma(t[i - 1]) == last_event.verb)):
                rel = (("over",), "across")  # "jumps over the fence", "a snail sliding over a mushroom": from one
                # side to the other (it hung above the mushroom)
            if rel and rel[1] in ("inside", "on") and last_event is not None and last_event.verb in POURING and \
                    last_event.target is None:
                r.used.update(range(i, i + len(rel[0])))  # "pours tea into a cup": at the cup, not in it herself
                i += len(rel[0])
                continue
            if rel and r.entities and self.count is None and not self.modifier_idx:
                j = i + len(rel[0])
                while j < end and (t[j] in ("a", "an", "the", "some") or (  # "on a country road": the setting
                        t[j] in ROAD_KINDS and j + 1 < end and t[j + 1] in ROAD_SETTINGS)):
                    j += 1
                if j < end and t[j] in SETTINGS and not self.is_noun_at(j):
                    r.used.update(range(i, j))  # "on a beach", "in a park": the words belong to the setting
                    i = j
                    continue
                subjects = list(self.subjects) or [len(r.entities) - 1]
                if tok in ("facing", "opposite"):  # "a sofa, a rug and a TV facing the sofa": the TV faces it
                    subjects = subjects[-1:] if self.joined else subjects
                last = len(r.entities) - 1
                # just now, in this clause, and after a settling verb ("flies from the tree and lands on the bench":
                # the bird lands there, not the tree)
                named_after_verb = len(r.mentions) > self.named_at_verb or last_event is None or \
                    last_event.verb not in SETTLING_VERBS
                named_last = bool(r.mentions) and r.mentions[-1] == (clause, last) and named_after_verb
                # "hits a rock, falls off his skateboard": what falls off is whoever the verb since the rock is about
                fell_since = rel[1] == "off" and any(last not in x.subjects for x in r.events[self.events_at_noun:])
                named_last = named_last and not fell_since
                # "waits at the traffic lights on her bike": her bike, so she is on it, not the lights
                owned = i + len(rel[0]) < end and t[i + len(rel[0])] in ("his", "her", "their") and bool(
                    self.subjects) and all(r.entities[x].sense.living == "person" for x in self.subjects) and \
                    self.noun_follows(i + len(rel[0]), _ridden)
                named_last = named_last and not owned
                self.beside_guess = None
                if named_last and last not in subjects and r.entities[last].relation is None and not (
                        _is_place(r.entities[last]) or _is_ground(r.entities[last])) and all(
                        r.entities[x].relation and r.entities[x].relation[0] != "between" for x in subjects):
                    if rel[1] in BESIDE_RELATIONS and all(r.entities[x].relation == ("on", [last]) for x in subjects):
                        self.beside_guess = (list(subjects), last)
                    subjects = [last]  # "a cup on a table next to a chair": the table is next to the chair
                seated_doer = last_event is not None and self.noun_follows(i, _is_seat) and rel[1] == "on" and all(
                    r.entities[x].sense.living == "person" for x in last_event.subjects) and \
                    r.entities[last].sense.living != "person"  # "feeds pigeons on a park bench": she sits there
                in_hand = bool(self.subjects) and all(r.entities[x].sense.living for x in self.subjects) and (
                    _hand_held(r.entities[last]) or r.entities[last].sense.assets[0] in INSTRUMENTS_HELD) and \
                    rel[1] in ("on", "under", "beside", "inside") and (
                        tok == "at" or not self.noun_follows(i + len(rel[0]) - 1, _has_top_only))
                # "eats an apple under a tree", "chopping carrots at the counter": she is there
                if object_last == last and last_event is not None and r.entities[last].relation is None and \
                        named_after_verb and not fell_since and not seated_doer and not in_hand:
                    subjects = [last]  # "throws bread to three ducks on a pond": the ducks are on the pond
                subjects = [self.filled.get(x, x) for x in subjects]  # "a vase of flowers on a table": the vase
                if rel[1] == "off" and last_event is not None and isinstance(last_event.target, int) and \
                        last == last_event.target:
                    subjects = [last]  # "knocks a cup off the table": the cup comes off it
                elif subjects == [last] and rel[1] in ("on", "above", "inside") and last_event is not None and \
                        i - 2 >= start \
                        and t[i - 2] == "and" and \
                        last not in last_event.subjects and verb_lemma(t[i - 1]) == last_event.verb and \
                        last_event.subjects and not last_event.passive and last_event.clause == clause:
                    subjects = list(last_event.subjects)  # "… of the desk and drops onto the rug": the ball drops
                pending_rel = (rel[1], list(range(i, i + len(rel[0]))), subjects)
                i += len(rel[0])
                continue
            shade = colour_at(t, i)
            compound = self.noun_at(i)
            if tok in ROAD_SETTINGS and tok in SETTINGS and compound is not None and compound[0] == tok:
                self.setting(i)  # a road named as a place to be is the street setting too (the ground's asphalt)
            if tok in SETTINGS and not (self.is_noun_at(i) and not self.modifier_follows(i)) and not (
                    shade and shade[1] == 2) and not (  # "forest green", "dark red" are colours
                    compound and compound[2] == 2):  # "a beach ball" is a ball, not a beach
                if self.modifier_follows(i) and tok in ("golden",):
                    pass  # "golden" before a noun is a colour, not the golden hour
                else:
                    self.setting(i)
                    i += 1
                    continue
            relative = tok == "that" and i + 1 < end and (t[i + 1] in BE_WORDS or (
                verb_lemma(t[i + 1]) is not None and not self.is_noun_at(i + 1)))  # "a bus that is stopped"
            if tok in ("the", "that", "this", "these", "those") and not relative:
                self.definite = True
                i += 1
                continue
            if tok in ("a", "an", "another"):
                self.indefinite = True
                i += 1
                continue
            if tok.endswith("ed") and verb_lemma(tok) and self.is_noun_at(i + 1) and not self.is_noun_at(i) and (
                    self.modifier_idx or self.count or self.indefinite or self.definite):
                r.used.add(i)  # "three parked cars", "a stuffed bear": a state of the thing named next
                i += 1
                continue
            participle = verb_lemma(tok) if tok.endswith("ing") or tok == "asleep" else None
            bare = not (self.modifier_idx or self.count or self.indefinite or self.definite)
            # "a man … watching TV", "two kids playing football": the verb of what was just named, not an
            # adjective of the next noun ("a spinning top")
            acts_on = participle is not None and bool(self.subjects) and bare and (
                VERBS[participle].wants_target or (i - 1 in r.used and self.is_noun_at(i - 1)) or (
                    self.t[i - 1] in ("is", "are", "was", "were") and i - 2 in r.used and self.is_noun_at(i - 2)))
            named_with = i - 2 >= start and (t[i - 2] == "with" or (t[i - 2] in DETERMINERS | set(NUMBER_WORDS) and
                                                                 i - 3 >= start and t[i - 3] == "with"))
            if participle and i - 1 in r.used and self.is_noun_at(i - 1) and (
                    object_last == len(r.entities) - 1 or named_with) and \
                    len(r.entities) - 1 not in self.subjects and verb_seen and i > start and t[i - 1] != ",":
                # "a woman reading with a cat asleep on her lap": the cat sleeps, not the woman; "with a puppy
                # following close behind": it follows her
                r.companions[len(r.entities) - 1] = self.subjects[0] if self.subjects else None
                self.subjects, verb_seen, last_event, object_last = [len(r.entities) - 1], False, None, None
            if participle and self.modifier_follows(i) and not self.is_noun_at(i) and not acts_on:
                self.participles.append((i, participle))
                i += 1
                continue
            if tok in ("who", "that", "which") and r.entities and not self.modifier_idx and i - 1 in r.used \
                    and self.is_noun_at(i - 1):  # "a girl who is sitting on the steps": the girl sits there
                self.subjects, verb_seen, last_event, object_last = [len(r.entities) - 1], False, None, None
                r.used.add(i)
                i += 1
                continue
            if tok == ",":
                r.used.add(i)
                self.soft_break = bool(self.subjects) and not verb_seen
                i += 1
                continue
            if tok in SUBORDINATORS and (last_event is not None or self.subjects) and self.noun_soon(i):
                # "the vase gets knocked off the table when the cat jumps": the cat does the next thing, it is not
                # what the knock is done to
                r.used.add(i)
                verb_seen, last_event, object_last = True, None, None
                i += 1
                continue
            part = next((p for p in PART_PHRASES if _match(t, i, p)), None) if pending_rel is not None else None
            if part is not None:  # "on one end of a seesaw", "on the other end": a part of the thing, on the thing
                r.used.update(range(i, i + len(part)))
                i += len(part)
                if i < end and t[i] == "of":
                    r.used.add(i)
                    i += 1
                    continue  # the thing is named next
                name, idx, subjects = pending_rel
                held = next((x for x in range(len(r.entities) - 1, -1, -1) if x not in subjects), None)
                if held is not None:  # the thing it is part of is the one named before
                    for x in subjects:
                        r.entities[x].relation = (name, [held])
                        if name in ("on", "above") and last_event is not None and x in last_event.subjects:
                            last_event.lands = held
                    r.used.update(idx)
                pending_rel = None
                self.reset_phrase()  # its article is spent
                continue
            if tok == "one" and (k := next((len(p) for p in ONE_AT_A_TIME if _match(t, i, p)), 0)):
                r.used.update(range(i, i + k))  # "drop 3 eggs one at a time onto a plate": each in turn (as drops
                i += k  # of several things are), not one of them
                continue
            if tok == "one" and r.entities and not self.modifier_idx and not self.modifier_follows(i) and not (
                    i + 1 < end and t[i + 1] == "of"):  # "then one kicks it": one of the group just named
                r.used.add(i)
                if verb_seen and last_event is not None and last_event.sense.wants_target and \
                        last_event.target is None:  # "rolls into the first one": one of the group is the target
                    last_event.target = self.referent("they", last_event.subjects)
                else:
                    ref = self.referent("they", [])
                    self.subjects, verb_seen, last_event = ([ref] if ref is not None else []), False, None
                    object_last = None
                i += 1
                continue
            if tok == "her" and self.modifier_follows(i):  # "sits in her armchair": whose, not whom
                r.used.add(i)
                self.definite = True
                i += 1
                continue
            if tok == "at" and i + 2 < end and t[i + 1] in ("her", "his", "their", "its") and t[i + 2] in FEET:
                pending_rel = ("beside", [i, i + 2], [len(r.entities) - 1])  # "a cat curled up at her feet"
                r.used.update({i, i + 2})
                i += 1
                continue
            if tok in ("his", "her", "their", "its") and i + 1 < end and t[i + 1] in BODY_PARTS and r.entities:
                # "on his shoulders", "asleep on her lap": with him; "stroking his chin": no thing of its own
                last = pending_rel[2][-1:] if pending_rel is not None else []
                owner = self.referent({"his": "he", "her": "she", "their": "they"}.get(tok, "it"), last)
                if pending_rel is not None and owner is not None:  # beside him: nothing stands on a head or a face
                    self.relate(("beside", pending_rel[1], last), owner)
                    pending_rel = None
                r.used.update({i, i + 1})
                i += 2
                continue
            if pending_rel is not None and r.entities and not self.modifier_idx and (
                    tok in PRONOUNS or (tok == "top" and not (i + 1 < end and t[i + 1] == "of"))):
                # "three cups on it", "four chairs around it", "a mug on top": the thing just named is the anchor
                name, idx, rel_subjects = pending_rel
                rel_subjects = rel_subjects[-1:]  # "a table with three cups on it": the cups, on the table
                anchor = self.referent("it" if tok == "top" else tok, rel_subjects)
                if anchor is not None:
                    for x in rel_subjects:
                        if x != anchor:
                            r.entities[x].relation = (name, [anchor])
                    r.used.update(idx)
                r.used.add(i)
                pending_rel = None
                i += 1
                continue
            if tok == "it" and any(w in WEATHER_WORDS for w in t[i + 1:min(i + 4, end)]):
                r.used.add(i)  # "it starts to rain": the weather, not a thing named before
                i += 1
                continue
            if tok in PRONOUNS and r.entities and not self.modifier_idx and not (
                    tok in ("all", "each") and self.noun_soon(i, within=2)):  # "all ten pins": a determiner
                r.used.add(i)
                if verb_seen and last_event is not None and last_event.verb in ("tip", "topple") and tok in (
                        "it", "them") and i + 1 < end and t[i + 1] == "over":  # "… and tips it over": knocks it over
                    last_event.verb, last_event.sense = "knock", VERBS["knock"]
                    last_event.over = True
                if verb_seen and last_event is not None and last_event.sense.wants_target and \
                        last_event.target is None and t[i - 1] != ",":  # "rolls into them": the pronoun is the
                    # target ("the bus arrives, she gets on": after a comma, a new subject)
                    last_event.target = self.referent(tok, last_event.subjects)
                elif verb_seen or not self.subjects or (tok in ("they", "them") and all(
                        r.entities[x].count == 1 for x in self.subjects)):  # "… and they topple": a new subject
                    ref = self.referent(tok, [], acting=True)
                    self.subjects, verb_seen, last_event = ([ref] if ref is not None else []), False, None
                    object_last = None
                i += 1
                continue
            if re.fullmatch(r"\d+", tok) and (self.modifier_follows(i) or self.noun_after_word(i)):
                self.count, self.count_named = int(tok), True
                self.modifier_idx.append(i)
                i += 1
                continue
            if tok in NUMBER_WORDS and (self.modifier_follows(i) or self.noun_after_word(i)):
                self.count, self.count_named = NUMBER_WORDS[tok], True
                self.modifier_idx.append(i)
                i += 1
                continue
            if tok in SIZES and self.modifier_follows(i) and not self.compound_at(i):
                self.size = SIZES[tok] * (self.size or 1.0)
                self.modifier_idx.append(i)
                i += 1
                continue
            if tok in METAL_COLOURS and self.modifier_follows(i) and not self.compound_at(i):
                self.colour, self.finish = FINISH_COLOURS[tok], self.finish or "metal"
                self.modifier_idx.append(i)
                i += 1
                continue
            if tok in FINISH_WORDS and self.modifier_follows(i) and not self.compound_at(i):
                self.finish = FINISH_WORDS[tok]
                self.colour = self.colour or FINISH_COLOURS.get(tok)
                self.modifier_idx.append(i)
                i += 1
                continue
            colour = colour_at(t, i) if not self.is_noun_at(i) or self.modifier_follows(i) else None
            if colour and r.entities and not self.modifier_idx and self.says_colour_of(i, start) and not (
                    self.modifier_follows(i + colour[1] - 1) or self.is_noun_at(i + colour[1])):
                # "the car is red", "a car painted bright yellow": the colour of what was just named
                r.entities[self.subjects[-1] if self.subjects else len(r.entities) - 1].colour = colour[0]
                r.used.update(range(i, i + colour[1]))
                r.used.update(k for k in range(max(start, i - 2), i) if t[k] in COLOUR_VERBS)
                i += colour[1]
                continue
            if colour and self.colour_list_goes_on(i + colour[1], end):
                self.listed_colours.append(colour[0])  # "a red, a green and a blue cube"
                k = i + colour[1]
                while k < end and t[k] in (",", "and", "or"):
                    k += 1
                self.indefinite_list = self.indefinite_list or (k < end and t[k] in ("a", "an"))
                r.used.update(range(i, i + colour[1]))
                i += colour[1]
                continue
            if colour and (self.modifier_follows(i + colour[1] - 1) or self.is_noun_at(i + colour[1]) or (
                    i + colour[1] < end and self.wearer(i + colour[1]) is not None)):
                self.colour = colour[0]
                self.modifier_idx += list(range(i, i + colour[1]))
                i += colour[1]
                continue
            wearer = self.wearer(i)
            if wearer is not None:  # "a woman in a red dress": her top is red, not a red thing beside her
                if self.colour:
                    r.entities[wearer].garments[garment_slot(tok) or "body"] = self.colour
                r.used.update({i, *self.modifier_idx})
                r.used.update(k for k in range(max(start, i - 4), i) if t[k] in WEARING or t[k] in ("a", "an"))
                pending_rel = None
                self.reset_phrase()
                i += 1
                continue
            noun = self.noun_at(i)
            if noun is not None and tok in THING_PARTS and i + 1 < end and t[i + 1] == "of" and \
                    self.noun_soon(i + 1):
                r.used.update({i, i + 1})  # "on a branch of the tree", "the roof of the barn": the tree, the barn
                self.reset_phrase()
                i += 2
                continue
            if noun is None and tok == "one" and self.colour and self.definite and (
                    group := self.coloured_member(self.colour)) is not None:
                r.used.update([i, *self.modifier_idx])  # "two cars …, the yellow one overtakes the black one"
                before = _word_before(t, start, min([i, *self.modifier_idx]))
                if verb_seen and last_event is not None and last_event.sense.wants_target and \
                        last_event.target is None and (verb_lemma(before) == last_event.verb or
                                                       before in PREPOSITIONS):  # "overtakes the black one"
                    last_event.target = group
                else:
                    self.subjects, verb_seen, last_event, object_last = [group], False, None, None
                self.reset_phrase()
                i += 1
                continue
            if noun is None and tok == "one" and (self.colour or self.size) and r.entities and self.indefinite:
                last = r.entities[-1]  # "two red balls and a blue one": another ball, blue
                noun = (last.word, last.sense, 1)
            if noun is not None and noun[2] == 1 and verb_lemma(tok) and self.subjects and not verb_seen and not (
                    self.definite or self.indefinite or self.modifier_idx or self.count) and not (
                    i > start and t[i - 1] == "of"):  # ("a wheelbarrow full of leaves": after "of", a noun)
                noun = None  # "a box slides down a ramp": after a subject, a verb form is the verb, not a noun
            if noun is not None and noun[2] == 1 and self.is_noun_at(i + 1) and not verb_lemma(t[i + 1]) and \
                    t[i + 1] not in SETTINGS and _owner(tok) == tok:
                self.noun_modifier = noun[1].assets[0]  # "a horse rider": what kind of rider
            if noun is not None and not (noun[2] == 1 and self.is_noun_at(i + 1) and not verb_lemma(t[i + 1])
                                         and t[i + 1] not in SETTINGS and _owner(tok) == tok):
                word, sense, length = noun
                group = GROUP_PHRASES.get(tuple(t[i:i + length]))
                if group is not None and drives_itself(group[0]):
                    r.street = True  # "stuck in heavy traffic": cars queued on a road
                    if any(e.sense.assets[0] == group[0] for e in r.entities):  # "five cars stuck in a traffic
                        r.used.update(range(i, i + length))  # jam": those cars are the traffic
                        self.reset_phrase()
                        i += length
                        continue
                if group is not None:  # "a domino run", "a wooden block tower": a group of them, so arranged
                    self.count = self.count if self.count is not None else group[2]
                    self.count_arrangement = group[1]
                phrase_start = min([i, *self.modifier_idx])
                plural = noun_plural(t[i + length - 1], word) and tok != "one"  # "a blue one" is one
                bare = i > 0 and t[i - 1] == "of" and self.count is None  # ("full of sheep": the "a" was the field's)
                if word in SAME_PLURAL and (bare or not (self.indefinite or self.definite or self.count is not None)) \
                        and (i == 0 or t[i - 1] not in ("his", "her", "their", "its", "my", "your", "our")):
                    plural = True  # "a field full of sheep", "sheep grazing on the hill": a flock, not one
                if word in PEERS and i > 0 and t[i - 1] in ("his", "her", "their") and any(
                        x.sense.assets[0] == "child" for x in r.entities):
                    sense = NOUNS["child"]  # "a boy kicks … his friends cheer": a child's friends are children
                self.noun_index = i
                e = self.entity(word, sense, plural=plural, clause=clause)
                if self.noun_modifier is not None:
                    r.entities[e].modifier = r.entities[e].modifier or self.noun_modifier
                    self.noun_modifier = None
                if self.listed_colours and self.colour and (plural or self.indefinite_list):
                    r.entities[e].member_colours = [*self.listed_colours, self.colour]  # one of each
                    r.entities[e].count = max(r.entities[e].count, len(r.entities[e].member_colours))
                elif self.listed_colours:  # "a black and white cat": one cat, mostly the first colour
                    r.entities[e].colour = self.listed_colours[0]
                self.listed_colours, self.indefinite_list = [], False
                self.events_at_noun = len(r.events) + len(self.participles)  # no verb since (see the relations)
                r.entities[e].topic = r.entities[e].topic or group is not None
                if self.contents_of is not None and e != self.contents_of:  # "a vase of flowers": in the vase
                    _fill(r.entities[self.contents_of], r.entities[e], self.contents_of)
                    self.filled[e] = self.contents_of
                    self.contents_of = None
                    r.used.update(range(i, i + length))
                    r.used.update(self.modifier_idx)
                    self.reset_phrase()
                    i += length
                    continue
                camera_subject = False
                r.used.update(range(i, i + length))
                r.used.update(self.modifier_idx)
                for k, lemma in self.participles:
                    r.events.append(Event([e], lemma, VERBS[lemma], clause))
                    r.used.add(k)
                self.reset_phrase()
                after_preposition = self.after_preposition(i, start)
                i += length
                if _owner(t[i - 1]) != t[i - 1] and i < end and t[i] in BODY_PARTS:
                    r.used.add(i)  # "the dog's face" is the dog, and "face" no verb
                    i += 1
                if sense.members and i + 1 < end and t[i] == "of" and (t[i + 1] in NUMBER_WORDS or t[i + 1].isdigit()):
                    r.entities[e].count = min(MAX_COUNT, NUMBER_WORDS.get(t[i + 1]) or int(t[i + 1]))  # "of four"
                    r.used.update({i, i + 1})
                    i += 2
                fill = next((p for p in FILL_PHRASES if _match(t, i, p)), None)
                if fill is not None and i + len(fill) < end and _holds_things(sense.assets[0]):
                    r.used.update(range(i, i + len(fill) - 1))  # "a wheelbarrow full of leaves": as "of leaves"
                    i += len(fill) - 1
                if i < end and t[i] in ("of", "with") and (t[i] == "of" or fill is not None):
                    j = i + 1
                    while j < end and (t[j] in DETERMINERS or t[j] in SIZES or colour_at(t, j)):
                        j += 1
                    if j < end and t[j] in SUBSTANCES:  # "a glass of water": what fills it, not a thing beside it
                        r.used.update(range(i, j + 1))
                        i = j + 1
                    elif _holds_things(sense.assets[0]):  # "a bowl of apples": the apples are in it
                        self.contents_of = e
                        r.used.add(i)
                        i += 1
                if self.path_for is not None and e not in self.path_for.subjects:
                    self.path_for.path, self.path_for = e, None
                    self.soft_break = False
                    continue
                waiting = self.agent_for or self.goal_for
                if waiting is not None and e not in waiting.subjects:
                    if self.agent_for is not None:
                        waiting.agent = e
                    else:
                        waiting.goal = e
                    self.agent_for = self.goal_for = None
                    self.soft_break = False
                    continue
                if pending_rel is not None:
                    name, idx, subjects = pending_rel
                    if self.beside_guess and subjects == [self.beside_guess[1]] and _fits_on_top(
                            r.entities[e], r.entities[self.beside_guess[1]]):
                        subjects = self.beside_guess[0]  # "a pigeon on the table next to the board": the pigeon,
                        if r.entities[e].relation is None and e not in subjects:  # and the board is on it too
                            r.entities[e].relation = ("on", [self.beside_guess[1]])
                    self.beside_guess = None
                    anchors = [e]
                    placed = [x for x in subjects if x != e and r.entities[x].relation is not None]
                    if len(subjects) > 1 and placed and len(placed) < len(subjects):  # "a desk with a globe on it
                        subjects = [x for x in subjects if x not in placed]  # and a chair in front of the desk"
                    for s in subjects:
                        if s == e:
                            continue
                        current = r.entities[s].relation
                        if name == "between" and current and current[0] == "between" and e not in current[1]:
                            anchors = [*current[1], e]
                        if name == "off":  # where it starts, leaving room for where it goes ("… onto a crate")
                            r.entities[s].source = e
                            continue
                        r.entities[s].relate(name, anchors)
                        if name in ("on", "above") and last_event is not None and s in last_event.subjects:
                            last_event.lands = e
                    r.used.update(idx)
                    if name != "between" or len(anchors) >= 2 or r.entities[e].count >= 2 or not (
                            i < end and t[i] == "and"):
                        pending_rel = None
                elif self.commanded is not None and last_event is self.commanded and e not in last_event.subjects \
                        and _joined_by_and(t, phrase_start, self.commanded_end):  # "drop a ball and a box"
                    last_event.subjects.append(e)
                    self.subjects.append(e)
                    self.commanded_end = i
                elif self.scenery:  # what lines the way is gone past, not gone to (or into)
                    self.scenery = False
                    if last_event is not None and last_event.sense.fallback == "move" and not last_event.away and all(
                            r.entities[x].sense.living for x in last_event.subjects):  # (a car drives along the road)
                        last_event.target, last_event.past = e, True
                elif last_event is not None and last_event.sense.wants_target and last_event.target is None \
                        and e not in last_event.subjects:
                    last_event.target = e
                    object_last = e
                elif verb_seen and not self.soft_break and after_preposition:
                    object_last = e  # "picks apples from tree, drops them": the tree is where, not who drops
                elif verb_seen and not self.soft_break and last_event is not None and \
                        verb_lemma(_word_before(t, start, phrase_start)) == last_event.verb:
                    object_last = e  # "a man reading a newspaper on a bench": what he reads; he is on the bench
                    if last_event.verb in IN_HAND_VERBS and last_event.target is None and _hand_held(r.entities[e]):
                        last_event.target = e  # ... in his hands (it lay on the ground by the bench)
                elif verb_seen or self.soft_break:
                    self.listed = [*self.listed, *self.subjects] if self.soft_break and not verb_seen else []
                    self.subjects, verb_seen, last_event, object_last = [e], False, None, None
                elif e not in self.subjects:
                    if self.listed and _word_before(t, start, phrase_start) == "and":
                        self.joined = [x for x in self.listed
                                       if x not in self.subjects and not _is_place(r.entities[x])]
                        self.subjects = self.joined + self.subjects
                    self.listed = []
                    self.subjects.append(e)
                if self.imperative is not None:  # "drop a beach ball": the ball drops
                    last_event = Event([e], self.imperative, VERBS[self.imperative], clause)
                    r.events.append(last_event)
                    self.commanded, self.commanded_end = last_event, i
                    verb_seen, self.imperative = True, None
                self.soft_break = False
                continue
            lemma = verb_lemma(tok)
            if lemma is not None and tok.endswith("ed") and i - 1 in r.used and self.is_noun_at(i - 1) and (
                    (not verb_seen and VERBS[lemma].fallback == "move") or (
                        object_last is not None and object_last == len(r.entities) - 1)):
                # "… behind a white van parked by the kerb": the van's state (and the kerb is by the van)
                r.used.add(i)  # "a car parked in front of a house": where it is, not something it does
                i += 1
                continue
            if lemma in ("follow", "track") and not self.subjects and not r.entities:
                r.camera.append((clause, "track"))  # "follow the taxi down the high street": the camera follows
                self.imperative = "go"  # … what goes there
                r.used.add(i)
                i += 1
                continue
            if lemma is not None and not self.subjects and not r.entities and lemma not in CAMERA_VERBS:
                self.imperative = lemma  # a command to the scene: its thing comes next
                r.used.add(i)
                i += 1
                continue
            if lemma is not None and (self.subjects or r.entities):
                # a clause that starts with its verb goes on with the last clause's doer ("a kid builds a tower and
                # then knocks it down"), else the thing just named
                carried = [x.subjects for x in r.events if x.clause == clause - 1 and x.subjects][-1:] or [
                    [e] for c, e in r.mentions if c == clause - 1][:1]  # its doer, or the first thing it names
                fresh = not any(x.clause == clause for x in r.events)
                subjects = self.subjects or (carried[0] if carried and fresh else [len(r.entities) - 1])
                # "a ball is thrown", "the cups are knocked over": done to the subject, not by it
                passive = i > start and t[i - 1] in BE_WORDS and not tok.endswith("ing")
                if object_last is not None and tok.endswith("ing") and i - 1 in r.used:
                    subjects = [object_last]  # "bottles standing on a wall": the bottles stand there
                    doer = last_event.subjects[:1] if last_event is not None else []
                    last_event = Event(list(subjects), lemma, VERBS[lemma], clause, passive=passive)
                    if VERBS[lemma].wants_target and doer:
                        last_event.target = doer[0]  # "with a puppy following close behind": following the kid
                else:
                    last_event = Event(list(subjects), lemma, VERBS[lemma], clause, passive=passive)
                    if not tok.endswith("ing") and i > start and t[i - 1] == "and":  # "rolls along the counter
                        object_last = None  # and drops … into a bucket": the counter is no longer the verb's object
                r.events.append(last_event)
                # a participle of the thing just named ("bottles standing on a wall") leaves it the last named
                self.named_at_verb = len(r.mentions) - (1 if subjects == [object_last] else 0)
                r.used.add(i)
                verb_seen = True
                pending_rel = None
                i += 1
                continue
            i += 1


    def after_preposition(self, i: int, start: int) -> bool:
        """Whether the noun phrase ending in the noun at ``i`` follows a preposition ("from tree", "to his car"):
        the object of a verb's phrase, never a new subject."""
        j = i - 1
        while j >= start and (self.t[j] in DETERMINERS or self.t[j] in SIZES or colour_at(self.t, j)
                              or self.t[j] in NUMBER_WORDS or self.t[j].isdigit()):
            j -= 1
        return j >= start and self.t[j] in PREPOSITIONS

    def at_edge_of(self, i: int) -> bool:
        """Whether "at" at ``i`` begins "at the lake's edge", "at the water's side": beside the owner."""
        j = i + 1
        while j < len(self.t) and self.t[j] in DETERMINERS:
            j += 1
        return j + 1 < len(self.t) and self.t[j].endswith("'s") and self.t[j + 1] in EDGES and self.is_noun_at(j)

    def placed_on_road(self, i: int) -> bool:
        """Whether the road word at ``i`` is where something is or goes ("in the middle of the road", "into the
        street", "on a busy road"): then the road is a thing in the scene, not only the ground's asphalt."""
        j = i - 1
        while j >= 0 and (self.t[j] in DETERMINERS or self.t[j] in ROAD_KINDS):
            j -= 1
        return j >= 0 and j < i - 1 and self.t[j] in ROAD_PLACES

    def road_follows(self, i: int) -> int | None:
        """The index of a road the setting names after token ``i`` ("down the high street", "along a country
        road"), or ``None``."""
        j = i + 1
        while j < len(self.t) and (self.t[j] in DETERMINERS or self.t[j] in ROAD_KINDS or self.t[j] in SIZES):
            j += 1
        return j if j < len(self.t) and self.t[j] in ROAD_SETTINGS and not self.is_noun_at(j) else None

    def colour_list_goes_on(self, j: int, end: int) -> bool:
        """Whether a colour ending before ``j`` is one of a list whose last colour comes with the noun they share
        (", a green and a blue cube"), not a colour said of something already named."""
        if j >= end or self.t[j] not in (",", "and", "or"):
            return False
        while j < end and self.t[j] in (",", "and", "or", "a", "an", "one"):
            j += 1
        shade = colour_at(self.t, j) if j < end else None
        return shade is not None and (self.modifier_follows(j + shade[1] - 1) or self.is_noun_at(j + shade[1])
                                      or self.colour_list_goes_on(j + shade[1], end))

    def says_colour_of(self, i: int, start: int) -> bool:
        """Whether the colour at ``i`` is said of a thing already named ("is red", "painted bright yellow")."""
        j = i - 1
        while j >= start and self.t[j] in COLOUR_HEDGES:
            j -= 1
        return j >= start and (self.t[j] in BE_WORDS or self.t[j] in COLOUR_VERBS)

    def noun_follows(self, i: int, test: Callable[[str], bool]) -> bool:
        """Whether the noun after token ``i`` (past determiners and adjectives) is an asset ``test`` accepts."""
        j = i + 1
        while j < len(self.t) and (self.t[j] in DETERMINERS or self.t[j] in SIZES or colour_at(self.t, j)):
            j += 1
        noun = self.noun_at(j) if j < len(self.t) else None
        return noun is not None and any(test(name) for name in noun[1].assets[:1])

    def knocks_down(self, i: int, start: int, end: int, last_event: Event | None) -> bool:
        """Whether "over" / "down" at ``i`` ends a verb of falling or felling ("falls over", "knocks over the pins",
        "knocks them down") rather than naming a place ("kicks the ball over the fence", "rolls down the ramp")."""
        t = self.t
        if last_event is None or i <= start:
            return False
        right_after = verb_lemma(t[i - 1]) == last_event.verb
        if t[i] == "over" and right_after and last_event.verb in TOPPLE_VERBS | KNOCK_DOWN_VERBS:
            return True  # "falls over", "knocks over the pins"
        if last_event.verb not in KNOCK_DOWN_VERBS:
            return False  # "falls down the stairs": a path
        if right_after:
            return last_event.target is None  # "pushes down the tower"
        after_object = t[i - 1] in PRONOUNS or (i - 1 in self.r.used and isinstance(last_event.target, int))
        place_follows = i + 1 < end and (t[i + 1] in ("a", "an", "the", "some") or self.is_noun_at(i + 1))
        return after_object and not place_follows  # "knocks them down" / "kicks the ball over the fence"

    def shot_number(self, i: int, clause: int) -> bool:
        """ "in three shots" (a count) or "shot 2" (this clause starts a shot): read, and the words used."""
        t, r = self.t, self.r
        before, after = (t[i - 1] if i else ""), (t[i + 1] if i + 1 < len(t) else "")
        if t[i] in ("shots", "scenes") and (before in NUMBER_WORDS or before.isdigit()):
            r.shot_count = NUMBER_WORDS.get(before) or int(before)
            r.used.update({i - 1, i})
            return True
        if t[i] in ("shot", "scene") and (after.isdigit() or after in NUMBER_WORDS):
            r.shot_marks.add(clause)
            r.used.update({i, i + 1})
            return True
        return False

    def referent(self, pronoun: str, exclude: list[int], acting: bool = False) -> int | None:
        """The entity a pronoun points back to: the latest group for they/them, the latest single thing for
        it/he/she, skipping ``exclude`` (a verb's own subjects); ``None`` if there is none. ``acting``: the
        pronoun is a new subject, so they are the living ones if any ("three kids on hay bales, one of them
        holding a kitten": a kid, not a bale)."""
        plural = pronoun in ("they", "them", "themselves", "all", "each", "everyone", "everything")
        personal = pronoun in ("he", "she", "him", "her", "himself", "herself")
        order = [k for k in range(len(self.r.entities) - 1, -1, -1) if k not in exclude]
        fit = [k for k in order if (self.r.entities[k].count > 1) == plural]
        # "a boat chugs into the harbour with seagulls following it": the boat, not the water it is on
        fit = [k for k in fit if not (_water(self.r.entities[k]) or _is_place(self.r.entities[k])
                                      or _is_ground(self.r.entities[k]))] or fit  # "crossing the path … watches it"
        if personal:  # he and she are people, whatever was named last
            fit = [k for k in fit if self.r.entities[k].sense.living == "person"] or fit
        elif acting and plural:
            fit = [k for k in fit if self.r.entities[k].sense.living] or fit
        found = (fit or order or [None])[0]
        if found is not None:
            self.r.mentions.append((self.clause, found))
        return found

    def setting(self, i: int) -> None:
        sky, ground = SETTINGS[self.t[i]]
        rank = 2 if sky in ("sunset", "night", "overcast") or self.t[i] == "studio" else 1
        if sky and rank >= self.r.sky_rank:
            self.r.sky, self.r.sky_rank = sky, rank
        if ground and self.r.ground is None:
            self.r.ground = ground
        if sky or ground:
            self.r.used.add(i)
        if self.t[i] in ROAD_SETTINGS:
            self.r.street = True
        if self.r.place is None and (place := place_sense(self.t[i])) is not None:
            self.r.place = (self.t[i], place, self.clause)  # "on the beach": the place itself is shown too

    def compound_at(self, i: int) -> bool:
        """Whether a noun of two or more words starts at ``i`` ("cardboard box", "toy box"): its first word is
        no adjective then."""
        found = self.noun_at(i)
        return found is not None and found[2] >= 2

    def noun_at(self, i: int) -> tuple[str, NounSense, int] | None:
        t = self.t
        if t[i] in VERB_NOT_NOUN:
            return None
        group = GROUP_PHRASES.get(tuple(t[i:i + 2]))
        if group is not None and (found := noun_sense(group[0])) is not None:
            return found[0], found[1], 2  # "a block tower": blocks, stacked
        for first in _singulars(t[i]) if i + 2 < len(t) else ():  # "a loaf of bread", "two tins of beans"
            key = f"{first}_{t[i + 1]}_{_owner(t[i + 2])}"
            if (triple := lexicon_sense(key)) is not None:
                return key, triple, 3
        if i + 1 < len(t):
            second = _owner(t[i + 1])  # "the old man's face": an old man's
            # "a bus stops at the bus stop": a bus, and what it does (not three bus stops)
            does = i > 0 and t[i - 1] in ("a", "an", "one", "each", "every") and second.endswith("s") and \
                verb_lemma(second) is not None
            for form in sorted(_singulars(second), key=lambda f: f == second) if not does else ():
                if (t[i], form) in COMPOUND_NOUNS:
                    return f"{t[i]}_{form}", COMPOUND_NOUNS[(t[i], form)], 2
                pair = lexicon_sense(f"{t[i]}_{form}")  # "sailing boat", "traffic light", "fire truck"
                if pair is not None:
                    return f"{t[i]}_{form}", pair, 2
        word = _owner(t[i])  # "the dog's face": the dog
        for form in _singulars(word):
            if (form,) in COMPOUND_NOUNS:
                return form, COMPOUND_NOUNS[(form,)], 1
        if word in ROAD_SETTINGS and self.placed_on_road(i) and (entry := lookup_noun(word)) is not None:
            # "lying in the middle of the road": a road to lie on, and the setting
            return (word, sense, 1) if (sense := sense_of(entry)) else None
        found = noun_sense(word)
        return (found[0], found[1], 1) if found else None

    def entity(self, word: str, sense: NounSense, plural: bool, clause: int) -> int:
        """The entity this noun phrase names: an earlier one for "the ball", a new one otherwise (and the thing a
        "shot of" just read names)."""
        e = self._entity(word, sense, plural, clause)
        if self.with_move is not None:  # held from the start while the walk goes on
            walk, self.with_move = self.with_move, None
            self.r.events.insert(self.r.events.index(walk), Event(list(walk.subjects), "hold", VERBS["hold"],
                                                                  walk.clause, target=e))
            walk.target = "held"  # not walked up to (cleared once the clause is read)
        host = self.with_host
        if host is not None and host[1] == clause and e != host[0] and self.r.entities[e].relation is None and \
                _hand_held(self.r.entities[e]) and sense.assets[0] != "placeholder":
            self.r.entities[e].relation = ("inside", [host[0]])  # "a bowl with bananas and apples": in the bowl
            self.r.entities[e].kept_in = True
        between = self.t[self.shot_of_at + 1:self.noun_index]
        if self.shot_of_clause is not None and len(between) < SHOT_OF_REACH and not (
                set(between) & (set(PRONOUNS) | set(PREPOSITIONS))):
            # the noun right after "a shot of" (not "a close-up of him at his car": the car is not it)
            self.r.shot_of.setdefault(self.shot_of_clause, e)
        self.shot_of_clause = None
        return e

    def _entity(self, word: str, sense: NounSense, plural: bool, clause: int) -> int:
        r = self.r
        found = self.earlier(word, sense, clause, plural)
        topic = next((k for k, x in enumerate(r.entities) if x.topic and x.sense == sense), None)
        if found is None and topic is not None:  # "a domino run: fifty dominoes …": the run's dominoes
            found = topic
            if self.count is not None:
                cap = MAX_NAMED_COUNT if self.count_named else MAX_COUNT
                r.entities[topic].count = max(1, min(self.count, cap))
            r.entities[topic].topic = False
        if found is not None:
            r.mentions.append((clause, found))
            return found
        count = self.count if self.count is not None else sense.default_count(plural)
        cap = MAX_NAMED_COUNT if self.count_named else MAX_COUNT
        entry = lookup_noun(word)  # "an orange", "a fox": the lexicon's colour for the word, unless one is said
        r.entities.append(Entity(word=word, sense=sense, count=max(1, min(count, cap)),
                                 colour=self.colour or (entry.colour if entry is not None else None),
                                 finish=self.finish, size=self.size or 1.0,
                                 arrangement=self.count_arrangement or "row"))
        r.mentions.append((clause, len(r.entities) - 1))
        return len(r.entities) - 1

    def earlier(self, word: str, sense: NounSense, clause: int, plural: bool = False) -> int | None:
        """The entity "the ball" (or a later clause's bare "ball") points back to, if one was named; a part of
        a thing named before is that thing ("a laptop … the cat asleep on the keyboard": the laptop's)."""
        whole = next((k for k, e in enumerate(self.r.entities) if e.sense.assets[0] in PARTS_OF.get(word, ())), None)
        if whole is not None:
            return whole
        if self.count == 1 and any(x.word == word and x.count > 1 for x in self.r.entities):
            self.count = None  # "then one player": one of the players already named
            self.definite = True
        if (self.definite or (clause > 0 and not self.indefinite)) and self.count is None:
            for k in range(len(self.r.entities) - 1, -1, -1):
                same = self.r.entities[k].sense == sense and sense.assets[0] != "placeholder"  # (two unknown nouns
                other = self.r.entities[k].colour  # "the white cue ball hits the black ball": another ball
                if (self.r.entities[k].word == word or same) and not (self.colour and other and other != self.colour):
                    return k  # share a placeholder's sense, not an identity)
            for k in range(len(self.r.entities) - 1, -1, -1):  # "chess … the board", "a surfer … his board"
                named = self.r.entities[k].sense.assets[0]
                if named != word and named.endswith(word) and len(word) >= 4:
                    return k
        if not self.indefinite and self.count is None and not plural and not self.modifier_idx:
            # "drops them in basket, carries basket to the blanket": a bare noun named again is the same thing
            return next((k for k in range(len(self.r.entities) - 1, -1, -1) if self.r.entities[k].word == word
                         and self.r.entities[k].count == 1), None)
        return None


FILL_PHRASES = (("full", "of"), ("filled", "with"), ("loaded", "with"), ("packed", "with"), ("brimming", "with"))
AFLOAT_VERBS = ("float", "bob")
PEERS = ("friend", "mate", "classmate", "pal", "buddy", "teammate")  # of a child's age when a child's
PREPOSITIONS = ("from", "to", "into", "at", "with", "for", "towards", "toward", "of", "through", "across")
LYING_VERBS = ("sleep", "lie", "rest", "curl")  # an animal that does these lies down, not sits up
SETTLING_VERBS = ("land", "perch", "settle", "alight", "sit", "flop", "lie")  # "… and lands on the bench": it does
FEET = ("feet", "foot", "side", "heels")  # "at her feet", "at his side": close beside that person
EDGES = ("edge", "side", "foot")  # "at the lake's edge", "at the tree's foot": beside the owner


def _fits_on_top(thing: Entity, top: Entity) -> bool:
    """Whether ``thing`` is a small thing of the kind that stands on ``top``'s top support (a chessboard on a table,
    a pillow on a sofa; not a chair or a sofa, lower than the top is high)."""
    surface = CATALOG[top.sense.assets[0]].traits.top_support() if top.sense.assets[0] in CATALOG else None
    if surface is None:
        return False
    w, d, h = (x * thing.size for x in thing.sense.size)
    return w * d <= 0.5 * surface.size[0] * surface.size[1] * top.size ** 2 and h < surface.height * top.size


def _buoyant(e: Entity) -> bool:
    spec = CATALOG.get(e.sense.assets[0])
    return spec is not None and spec.traits.buoyant


def _water(e: Entity) -> bool:
    return _is_water(e.sense.assets[0])


def _leads_up(ev: Event, later: list[Event]) -> bool:
    """Whether ``ev`` is a travel without a goal that the next event of its subjects, in the same clause, gives
    one ("drives up and parks next to a white car": one drive, to the white car)."""
    nxt = next((x for x in later if x.subjects == ev.subjects), None)
    return (nxt is not None and nxt.clause == ev.clause and ev.target is None and nxt.target is not None
            and ev.sense.fallback == "move" and {"walk_to", "move_to"} & set(nxt.sense.actions))


HEIGHT_UNITS = {"metres": 1.0, "metre": 1.0, "meters": 1.0, "meter": 1.0, "m": 1.0, "feet": 0.3048, "foot": 0.3048,
                "ft": 0.3048}
HEIGHT_WORDS = ("up", "high", "above", "in", "the", "air")  # "from 3 metres up", "from two metres high in the air"


def _height_at(tokens: list[str], i: int, end: int) -> tuple[float, int] | None:
    """"from two metres up", "from 3 m high": (metres, tokens used) when a fall's height starts at ``i``."""
    if tokens[i] != "from" or i + 2 >= end:
        return None
    word = tokens[i + 1]
    number = float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(word) if word.replace(".", "", 1).isdigit() \
        else None
    unit = HEIGHT_UNITS.get(tokens[i + 2])
    if number is None or unit is None or not 0 < number * unit <= 100:
        return None
    k = i + 3
    while k < end and tokens[k] in HEIGHT_WORDS and (tokens[k] != "the" or (k + 1 < end and tokens[k + 1] == "air")):
        k += 1
    return number * unit, k - i


def _joined_by_and(tokens: list[str], phrase_start: int, after: int) -> bool:
    """Whether the noun phrase at ``phrase_start`` follows an "and" (past its article or number) that comes right
    after the thing at token ``after``: "drop a ball and a box", not "drop a ball onto a table and a dog …"."""
    j = phrase_start - 1
    while j > after and (tokens[j] in ("a", "an", "the", "some") or tokens[j] in NUMBER_WORDS or tokens[j].isdigit()):
        j -= 1
    return j == after and tokens[j] == "and"


def _owner(token: str) -> str:
    """The noun of a possessive ("dog's" → "dog", "campers'" → "campers"); other words as they are."""
    if token.endswith("'s") and token != "it's":
        return token[:-2]
    return token[:-1] if token.endswith("'") else token


def noun_plural(token: str, singular: str) -> bool:
    """Whether ``token`` is a plural form of ``singular`` ("boxes" of "box", "people" of "person")."""
    token = _owner(token) if token.endswith("'s") else token  # "the dog's face": one dog ("campers'": several)
    return token != singular.split("_")[-1] and token not in ("stairs", "steps", "football", "basketball") and \
        singular not in NAMED_IN_PLURAL


NAMED_IN_PLURAL = ("traffic_light",)  # "waits at the traffic lights": one signal


def leaves_is_verb(tokens: list[str], i: int) -> bool:
    """Whether "leaves" at ``i`` is the verb ("a car leaves the garage", "she slowly leaves"), not falling leaves."""
    before = tokens[i - 1] if i > 0 else ""
    return tokens[i] == "leaves" and (noun_sense(before) is not None or before in PRONOUNS or before.endswith("ly"))


def leaves_are_things(tokens: list[str], i: int) -> bool:
    """Whether "leaves" at ``i`` are things someone has ("a bunch of leaves", "a wheelbarrow full of leaves"), not
    the weather's falling leaves nor the verb."""
    return tokens[i] == "leaves" and i > 0 and tokens[i - 1] == "of"


def _weather_phrases(tokens: list[str], used: set[int]) -> None:
    """Mark "falling leaves", "snowflakes drift down", "leaves blow across the yard", "while rain falls" as read:
    the weather (``atmosphere`` makes it), not things or events. Without this the tree the leaves fall from fell
    over, and a cat asleep while rain fell fell too."""
    for i, tok in enumerate(tokens):
        if tok not in WEATHER_NOUNS and tok not in FALLING_WEATHER:
            continue
        if leaves_is_verb(tokens, i) or leaves_are_things(tokens, i):
            continue
        if tok in WEATHER_NOUNS:
            used.add(i)
        if i > 0 and tokens[i - 1].endswith("ing") and verb_lemma(tokens[i - 1]):
            used.add(i - 1)  # "falling leaves"
        j = i + 1
        if j < len(tokens) and verb_lemma(tokens[j]) and noun_sense(tokens[j]) is None:
            used.add(j)  # "leaves fall", "snowflakes drift down"
            while j + 1 < len(tokens) and tokens[j + 1] in ("down", "slowly", "gently", "softly", "around", "about"):
                used.add(j := j + 1)


def _sits_at(name: str) -> bool:
    """Whether people sit *at* a ``name`` (a table, a desk: a top with room under it, no seat of its own)."""
    spec = CATALOG.get(name)
    return spec is not None and spec.traits.room_under is not None and bool(spec.traits.supports) and \
        spec.traits.seat is None


def _chairs_at_tables(r: Reading) -> None:
    """People who sit (or eat) where the prompt names a table but no seat get a chair each around it ("two
    friends sit at a café table": they sat on nothing)."""
    if any(_is_seat(e.sense.assets[0]) for e in r.entities):
        return
    table = next((k for k, e in enumerate(r.entities) if _sits_at(e.sense.assets[0])), None)
    if table is None:
        return
    for ev in r.events:
        sitters = [s for s in ev.subjects if r.entities[s].sense.living == "person"]
        held = isinstance(ev.target, int) and _hand_held(r.entities[ev.target])  # "eats a sandwich at the table"
        if ev.verb not in SIT_AT_VERBS or (ev.target is not None and not held) or not sitters:
            continue
        found = noun_sense("chair")
        if found is None:
            return
        count = sum(r.entities[s].count for s in sitters)  # one pulled up on the camera's side, or a ring round it
        r.entities.append(Entity(word="chair", sense=found[1], count=count,
                                 relation=("around" if count > 1 else "front", [table])))
        if ev.verb == "sit":
            ev.target = len(r.entities) - 1
        else:  # "eats at a table": sits down to it first, then eats
            r.events.insert(r.events.index(ev), Event(list(sitters), "sit", VERBS["sit"], ev.clause,
                                                      target=len(r.entities) - 1))
        return


def _verb_form(word: str, verb: str) -> bool:
    """Whether ``word`` is ``verb`` or one of its inflections ("hops", "hopped", "hopping"; "got")."""
    doubled = verb + verb[-1]
    stem = verb[:-1] if verb.endswith("e") else verb
    return word in (verb, verb + "s", stem + "ed", stem + "ing", doubled + "ed", doubled + "ing") or (
        IRREGULAR_VERBS.get(word) == verb or (verb == "get" and word in ("got", "gotten")))


BOARDING_LOOKAHEAD = 4  # words after "gets into" within which the vehicle is named ("his shiny new red car")


def _next_noun_spec(tokens: list[str], start: int) -> Any:
    """The catalog spec of the first noun within a few words of ``start`` (``None`` if none, or it has none)."""
    for tok in tokens[start:start + BOARDING_LOOKAHEAD]:
        found = noun_sense(tok) if tok not in DETERMINERS else None
        if found is not None:
            return CATALOG.get(found[1].assets[0]) if found[1].assets else None
    return None


def _rideable_next(tokens: list[str], start: int) -> bool:
    """Whether the first noun within a few words of ``start`` is a thing one rides (a car, the bus, a horse)."""
    spec = _next_noun_spec(tokens, start)
    return spec is not None and spec.traits.rideable is not None


def _boards_named(tokens: list[str], i: int) -> bool:
    """Whether "gets on" at ``i`` ends its clause after a vehicle was named ("the bus arrives, she gets on and …")."""
    ends = i + 2 >= len(tokens) or tokens[i + 2] in ("and", ",", "then")
    return ends and any(_rideable_next([tok], 0) for tok in tokens[:i])


def boarding_phrases(tokens: list[str]) -> list[str]:
    """The tokens with each phrase of getting into or onto a vehicle read as the one verb "embarks": "gets into his
    car", "hops in the taxi", "climbs onto the bus", "boards the train". Not before a thing one does not ride
    ("gets into bed", "climbs onto the roof")."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        phrase = (i + 1 < len(tokens) and tokens[i + 1] in BOARDING_PARTICLES
                  and any(_verb_form(tokens[i], v) for v in BOARDING_VERBS)
                  and (_rideable_next(tokens, i + 2) or _boards_named(tokens, i)))
        boards = phrase or (_verb_form(tokens[i], "board") and _rideable_next(tokens, i + 1))  # not "a skateboard"
        out.append("embarks" if boards else tokens[i])  # (a word that is never a noun)
        i += 2 if phrase else 1
    return out


LEAPT_VERBS = ("jump", "leap", "vault", "hurdle")  # "jumps a fence": over it


def _leapt_next(tokens: list[str], start: int) -> bool:
    """Whether the first noun within a few words of ``start`` is a still thing one jumps over (a fence, a log)."""
    spec = _next_noun_spec(tokens, start)
    return spec is not None and not spec.rig and spec.traits.place is None


def leap_phrases(tokens: list[str]) -> list[str]:
    """The tokens with "over" after a verb of leaping that takes the thing leapt as its object: "a pony jumps a low
    fence" as "jumps over a low fence" (read as nothing to jump over, it was jumped on the spot, and a rider on the
    pony lost the pony). Not before what one does not jump over ("jumps the bus", "leaps a little")."""
    out: list[str] = []
    for i, tok in enumerate(tokens):
        out.append(tok)
        verb = any(_verb_form(tok, v) for v in LEAPT_VERBS) and not (i > 0 and tokens[i - 1] in DETERMINERS)
        if verb and i + 1 < len(tokens) and tokens[i + 1] in DETERMINERS and _leapt_next(tokens, i + 1):
            out.append("over")
    return out


IN_HAND_VERBS = ("read", "eat", "drink")  # what these act on is held meanwhile


def _hand_held(e: Entity) -> bool:
    """Whether an entity is a small thing one holds (an apple, a book, a cup): where it is, its holder is."""
    spec = CATALOG.get(e.sense.assets[0]) if e.sense.assets else None
    return spec is not None and spec.traits.grip is not None and not spec.rig and max(spec.size) < 0.5


def _with_things_in(e: Entity) -> bool:
    """Whether an entity is a container things are "with" ("a bowl with three apples", "a basket with eggs"): a
    thing with an inside, not someone (a man with a dog: beside him)."""
    spec = CATALOG.get(e.sense.assets[0])
    return _holds_things(e.sense.assets[0]) and not spec.rig and spec.group != "vehicles"


def _carried(name: str) -> bool:
    """Whether an asset is something one walks about with in hand (an umbrella, a bag, a guitar)."""
    spec = CATALOG.get(name)
    return spec is not None and spec.traits.grip is not None and max(spec.size) <= 1.3 and not spec.rig


def _ridden(name: str) -> bool:
    """Whether an asset is something one rides (a bike, a horse, a car)."""
    spec = CATALOG.get(name)
    return spec is not None and spec.traits.rideable is not None


def _has_top_to_cross(name: str) -> bool:
    """A top one travels across rather than to: a raised one ("across the table", "along the counter", "over the
    bed") or a floor on the ground ("crawls across the rug"); not a way along the ground (a road, a path), not
    water."""
    spec = CATALOG.get(name)
    top = spec.traits.top_support() if spec is not None and spec.kind != "primitive" and \
        name != "placeholder" and spec.traits.place is None else None  # (an unknown "court" stood in for by a
    # box is no table; "runs across the kitchen": through the place, to what it runs to)
    return top is not None and (top.height >= 0.3 or spec.traits.walkable or spec.size[2] <= 0.05) and \
        not _path_surface(name)


SWIMS = ("swim", "bathe", "wade", "dive", "snorkel")  # (a surfer paddles out on her board)


def _swimmers(r: Reading) -> None:
    """ "A man swimming in the lake", "three people swimming lengths of the pool": in the water (he walked up to the
    lake), swimming about in it."""
    waters = [k for k, e in enumerate(r.entities) if _water(e)]
    for ev in r.events:
        if ev.verb not in SWIMS or not waters:
            continue
        water = ev.target if isinstance(ev.target, int) and ev.target in waters else waters[0]
        before = {x for e in r.events[:r.events.index(ev)] for x in e.subjects}  # (carries her board down the
        swimmers = [x for x in ev.subjects if r.entities[x].sense.living and not _buoyant(r.entities[x]) and  # beach
                    x not in before and (r.entities[x].relation is None or  # first, and then swims out: on land)
                                         r.entities[x].relation[1] == [water])]
        for x in swimmers:
            r.entities[x].relation = ("inside", [water])
        if swimmers and ev.target == water:
            ev.target = None  # about in it, not up to it


def _along_the_bank(r: Reading) -> None:
    """ "Jogging along the river", "walks along the lake": on the bank beside the water, not on it (she ran on the
    river's surface)."""
    for ev in r.events:
        water = ev.path if isinstance(ev.path, int) and _water(r.entities[ev.path]) else None
        if water is None or ev.verb in SWIMS or ev.mount is not None or ev.verb in RIDING_VERBS:
            continue  # ("a man rows a boat across the lake": on the water, in the boat)
        walkers = [x for x in ev.subjects if r.entities[x].sense.living and not _buoyant(r.entities[x])]
        if walkers and len(walkers) == len(ev.subjects):
            ev.path = None
            for x in walkers:
                if r.entities[x].relation is None:
                    r.entities[x].relation = ("beside", [water])


def _either_side(r: Reading) -> None:
    """ "Two women playing tennis, one on each side of the net", "a lamp on either side of the sofa": the thing is
    between them (one each side), not them beside it."""
    for k, e in enumerate(r.entities):
        if e.relation and e.relation[0] == "either":
            anchor = e.relation[1][0]
            e.relation = None
            if e.count >= 2 and r.entities[anchor].relation is None:
                r.entities[anchor].relation = ("between", [k])
            elif e.count < 2:
                e.relation = ("beside", [anchor])


def _out_of_containers(r: Reading) -> None:
    """ "The pumpkin rolls out of the wheelbarrow", "a cat jumps out of the box": it starts in it."""
    for ev in r.events:
        box = ev.target if isinstance(ev.target, int) else None
        if not ev.away or box is None or not _with_things_in(r.entities[box]):
            continue
        for x in ev.subjects:
            if r.entities[x].relation is None and x != box and (
                    _hand_held(r.entities[x]) or r.entities[x].sense.living):
                r.entities[x].relation = ("inside", [box])


def _vehicle_turns(r: Reading) -> None:
    """A vehicle that turns drives a turn ("a red car turns left at the crossroads": it spun on the spot), round
    the middle of the crossroads or the road it is at."""
    for ev in r.events:
        if ev.verb != "turn" or not ev.subjects or not all(drives_itself(r.entities[x].sense.assets[0])
                                                           for x in ev.subjects):
            continue
        ev.sense, ev.turn = VERBS["drive"], ev.turn or "left"
        for x in ev.subjects:
            rel = r.entities[x].relation
            if rel and rel[1] and rel[0] in ("beside", "on") and _path_surface(r.entities[rel[1][0]].sense.assets[0]):
                ev.path, r.entities[x].relation = rel[1][0], None


def _across_tops(r: Reading) -> None:
    """ "A toy car rolls across the table and knocks over a candle": the mover starts on the top and goes along
    it; what it knocks over next, placed nowhere else, stands on the same top in its way."""
    crossings = []
    for k, ev in enumerate(r.events):
        if not ev.across_top or not isinstance(ev.target, int):
            continue
        top = ev.target
        room = sorted(CATALOG[r.entities[top].sense.assets[0]].traits.top_support().size)
        movers = [x for x in ev.subjects if r.entities[x].relation is None and all(
            a <= 0.5 * b for a, b in zip(sorted(v * r.entities[x].sense.scale * r.entities[x].size
                                                for v in r.entities[x].sense.size[:2]), room, strict=True))]
        if not movers:
            continue
        for x in movers:
            r.entities[x].relation = ("on", [top])
        if CATALOG[r.entities[top].sense.assets[0]].traits.top_support().height < 0.3:
            # a floor (a rug): it starts on it and goes on to what the clause names after it ("… to a teddy")
            named = [e for c, e in r.mentions if c == ev.clause]
            after = named[named.index(top) + 1:] if top in named else []
            ev.target = next((e for e in after if e not in ev.subjects and e != top), None)
            continue
        ev.path, ev.target = top, None
        for later in r.events[k + 1:]:
            hit = later.target if isinstance(later.target, int) and set(later.subjects) & set(movers) else None
            if hit is not None and r.entities[hit].relation is None and _hand_held(r.entities[hit]):
                r.entities[hit].relation = ("on", [top])
                crossings.append(ev)  # the knock drives it along the top: no travel of its own before it
    if crossings:
        r.events[:] = [ev for ev in r.events if all(ev is not x for x in crossings)]


def _has_top_only(name: str) -> bool:
    """A thing with a top to put things on and no seat (a table, a desk, a shelf): a held thing goes on it."""
    spec = CATALOG.get(name)
    return spec is not None and spec.traits.top_support() is not None and spec.traits.seat is None


def _word_before(t: list[str], start: int, k: int) -> str:
    """The word before the noun phrase at ``k``, past its articles ("" at the clause's start): "and" in "… and a
    book", the verb in "reading a newspaper", "overtakes" in "overtakes the black one"."""
    k -= 1
    while k >= start and t[k] in DETERMINERS:
        k -= 1
    return t[k] if k >= start else ""


def read_prompt(prompt: str) -> tuple[Reading, list[str]]:
    """Parse a prompt into entities, events, relations, camera moves and setting; also the unused words."""
    tokens = leap_phrases(boarding_phrases(tokenize(prompt[:MAX_PROMPT_CHARS])))
    r = Reading()
    r.duration = _duration(tokens, r.used)
    _weather_phrases(tokens, r.used)
    spans = _clauses(tokens, r.used)
    r.clauses = len(spans)
    reader = _ClauseReader(tokens, r)
    for k, (a, b) in enumerate(spans):
        reader.read(a, b, k)
        reader.reset_phrase()
        reader.subjects = []  # a new clause names its own subject (or points back with a pronoun)
    for ev in r.events:
        if ev.target == "held":  # what a walk was "with" is in the hands (Reader.entity), not where it goes
            ev.target = None
    r.events = [ev for k, ev in enumerate(r.events) if not _leads_up(ev, r.events[k + 1:]) and not (
        ev.verb in AFLOAT_VERBS and all(_buoyant(r.entities[e]) for e in ev.subjects)) and not (  # a duck floating
        ev.subjects and all(_water(r.entities[e]) for e in ev.subjects))]  # "the waves come in": the water's own
    for ev in r.events:  # "with a puppy following close behind": it follows the one it is with
        if len(ev.subjects) == 1 and r.companions.get(ev.subjects[0]) is not None and ev.target is None and \
                ev.sense.wants_target:
            ev.target = r.companions[ev.subjects[0]]
    _either_side(r)
    _out_of_containers(r)
    _swimmers(r)
    _along_the_bank(r)
    _across_tops(r)
    _vehicle_turns(r)
    mount_riders(r)
    roads_for_drives(r)
    roads_for_streets(r)
    for ev in r.events:  # "two people chat": to each other
        if ev.sense.fallback == "look" and ev.target is None and sum(r.entities[e].count for e in ev.subjects) > 1:
            ev.target = "each_other"
        if isinstance(ev.target, int) and r.entities[ev.target].relation is None and (ev.verb in TENDING or (
                ev.verb in CUDDLING and r.entities[ev.target].sense.living)):
            r.entities[ev.target].relation = ("beside", ev.subjects[:1])  # the pigeons a man feeds: at his feet
    for x, side in r.sides:
        if r.entities[x].relation is None and (anchor := _sibling(r, x)) is not None:
            r.entities[x].relation = (side, [anchor])
    _leaning_over(r)
    _imperative_doer(r, tokens)
    _whose_board(r, tokens)
    _tools(r)
    _games(r, tokens)
    _pool_table(r)
    _toy_scale(r)
    _chairs_at_tables(r)
    _animals_with_their_keeper(r, tokens)
    _add_place(r)
    _sea_by_shore(r, tokens)
    _implied_things(r, tokens)
    _same_water(r)
    ignored: list[str] = []
    for k, tok in enumerate(tokens):
        if k not in r.used and tok not in FILLER and tok not in ignored and not tok.isdigit():
            ignored.append(tok)
    return r, ignored


INSTRUMENTS_SAT_AT = ("piano",)  # what playing is sitting at
INSTRUMENTS_HELD = ("guitar", "violin", "ukulele", "trumpet", "flute", "saxophone")  # what playing is holding
TABLE_GAMES = ("chessboard", "chess_piece")  # what playing at a table is: sat at it, the game on it
GAMES = {"football": "kick"}  # what playing with each ball is: "kids playing football" kick it (they danced)


POOL_BALLS = ("cue_ball", "pool_ball", "snooker_ball", "billiard_ball", "eight_ball")


def _pool_table(r: Reading) -> None:
    """ "The white cue ball hits the black ball": the balls of a table game are on its table, which is there
    whether or not the prompt names it."""
    balls = [k for k, e in enumerate(r.entities) if e.word in POOL_BALLS]
    if not balls:
        return
    table = next((k for k, e in enumerate(r.entities) if e.sense.assets[0] == "pool_table"), None)
    if table is None and (found := noun_sense("pool_table")) is not None:
        r.entities.append(Entity("pool_table", found[1]))
        table = len(r.entities) - 1
    for k, e in enumerate(r.entities):  # the other balls of the game too ("… hits the black ball"), of its size
        if table is not None and e.relation is None and k != table and (
                k in balls or (e.sense.assets[0] == "sphere" and not e.sense.living)):
            e.relation, e.sense = ("on", [table]), r.entities[balls[0]].sense


# What playing each sport the prompt names without its things takes: (ball, what each player holds, the verb that
# sends the ball) — "two women playing tennis": a racket each and a ball hit between them.
SPORTS = {"tennis": ("tennis_ball", "tennis_racket", "throw"), "badminton": ("tennis_ball", "tennis_racket", "throw"),
          "squash": ("tennis_ball", "tennis_racket", "throw"), "catch": ("ball", None, "throw"),
          "baseball": ("tennis_ball", "baseball_bat", "throw"), "rounders": ("tennis_ball", "baseball_bat", "throw"),
          "soccer": ("football", None, "kick"), "basketball": ("basketball", None, "throw"),
          "volleyball": ("beach_ball", None, "throw"), "frisbee": ("frisbee", None, "throw")}


def _sport(r: Reading, ev: Event, tokens: list[str]) -> bool:
    """ "Two women playing tennis": the sport's ball, a racket in each player's hand, the ball hit back and forth."""
    said = [w for w in tokens if w in SPORTS]
    players = sum(r.entities[e].count for e in ev.subjects)
    if not said or players < 2:
        return False
    ball, held, verb = SPORTS[said[0]]
    found = noun_sense(ball)
    if found is None:
        return False
    r.entities.append(Entity(ball, found[1]))
    ev.verb, ev.sense, ev.target, ev.rally = verb, VERBS[verb], len(r.entities) - 1, True
    r.used.update(k for k, w in enumerate(tokens) if w == said[0])
    if held is not None and (thing := noun_sense(held)) is not None:
        r.entities.append(Entity(held, thing[1], count=players))
        r.events.insert(r.events.index(ev), Event(list(ev.subjects), "hold", VERBS["hold"], ev.clause,
                                                  target=len(r.entities) - 1))
    return True


IMPERATIVES = ("kick", "throw", "toss", "hurl", "push", "shove", "lob")  # "kick a football into …"


PRIMITIVES = ("box", "sphere", "cylinder", "cone", "torus", "block")


def _toy_scale(r: Reading) -> None:
    """Toys knocked by a small thing are toy-sized: "a marble rolls down a ramp and knocks over a little tower of
    blocks" (a 15 cm marble met a 3 m tower of 0.6 m blocks and nothing fell): primitives the prompt sizes only
    loosely are made about the mover's size, so it can bring them down."""
    for ev in r.events:
        if ev.sense.fallback != "push" or not isinstance(ev.target, int) or len(ev.subjects) != 1:
            continue
        mover, target = r.entities[ev.subjects[0]], r.entities[ev.target]
        if mover.sense.living or target.sense.assets[0] not in PRIMITIVES:
            continue
        reach = max(mover.sense.size) * mover.sense.scale * mover.size
        edge = max(target.sense.size) * target.sense.scale * target.size
        if edge > 2.5 * reach:
            target.size *= 1.2 * reach / edge


BOARD_OF = {"surfer": "surfboard", "surfers": "surfboard", "surfing": "surfboard", "surf": "surfboard",
            "waves": "surfboard", "skater": "skateboard", "skating": "skateboard", "skateboarder": "skateboard"}


def _whose_board(r: Reading, tokens: list[str]) -> None:
    """ "A surfer girl carries her board down the beach": a surfboard (it was a skateboard)."""
    kind = next((BOARD_OF[t] for t in tokens if t in BOARD_OF), None)
    found = noun_sense(kind) if kind is not None else None
    for e in r.entities if found is not None else []:
        if e.word in ("board", "boards"):
            e.sense = found[1]
    if found is not None:
        r.used.update(k for k, t in enumerate(tokens) if t in ("surfer", "surfers", "skater"))


def _imperative_doer(r: Reading, tokens: list[str]) -> None:
    """ "Kick a football into a wall of stacked crates": a prompt that starts by telling someone to do it has
    someone do it (the football was the kicker, and nobody kicked)."""
    if not tokens or verb_lemma(tokens[0]) not in IMPERATIVES or not r.events:
        return
    ev = r.events[0]
    if ev.clause != 0 or not ev.subjects or any(r.entities[x].sense.living for x in ev.subjects):
        return
    found = noun_sense("person")
    if found is None:
        return
    r.entities.append(Entity("person", found[1]))
    thing = ev.subjects[0]
    ev.goal = ev.goal if ev.goal is not None else (ev.target if isinstance(ev.target, int) else None)
    ev.subjects, ev.target = [len(r.entities) - 1], thing


def _games(r: Reading, tokens: list[str]) -> None:
    """ "two kids playing football": people who play with a ball named in the same clause kick it."""
    for ev in r.events:
        if ev.verb != "play" or ev.target is not None or not all(r.entities[e].sense.living == "person"
                                                                   for e in ev.subjects):
            continue
        balls = [k for c, k in r.mentions if c == ev.clause and k not in ev.subjects and r.entities[k].sense.assets
                 and r.entities[k].sense.assets[0] in GAMES]
        if balls:
            ev.verb = GAMES[r.entities[balls[0]].sense.assets[0]]
            ev.sense, ev.target, ev.rally = VERBS[ev.verb], balls[0], True
            continue
        if _sport(r, ev, tokens):
            continue
        played = next((k for c, k in r.mentions if c == ev.clause and r.entities[k].sense.assets[0] in
                       INSTRUMENTS_SAT_AT), None)
        if played is not None:  # "a man plays the piano": sat at it (he danced), a chair pulled up to it
            ev.verb, ev.sense, ev.target = "sit", VERBS["sit"], None
            continue
        held = next((k for c, k in r.mentions if c == ev.clause and r.entities[k].sense.assets[0] in
                     INSTRUMENTS_HELD), None)
        if held is not None:  # "a girl plays the guitar": in her hands (she danced, the guitar on the ground)
            ev.verb, ev.sense, ev.target = "hold", VERBS["hold"], held
            continue
        boards = [k for c, k in r.mentions if c == ev.clause and r.entities[k].sense.assets[0] in TABLE_GAMES]
        table = next((k for k, e in enumerate(r.entities) if _sits_at(e.sense.assets[0])), None)
        if boards and table is not None:  # "two old friends playing chess at a table": sat at it, the board on it
            r.entities[boards[0]].relation = ("on", [table])
            ev.verb, ev.sense, ev.target = "sit", VERBS["sit"], None
            for e in ev.subjects:
                if r.entities[e].relation and r.entities[e].relation[1] == [table]:
                    r.entities[e].relation = None  # the chairs round it say where they are


def _same_water(r: Reading) -> None:
    """ "spraying water at the lake's edge": the water named beside a lake or a pond is its water, not a sea."""
    bodies = [k for k, e in enumerate(r.entities) if _water(e) and e.word != "water"]
    for k in [k for k, e in enumerate(r.entities) if e.word == "water" and bodies]:
        _merge_entity(r, k, bodies[0])
        return


def _merge_entity(r: Reading, k: int, into: int) -> None:
    """Read entity ``k`` as entity ``into`` (two names of one thing): every reference moves, ``k`` goes."""
    def moved(x: Any) -> Any:
        if not isinstance(x, int) or isinstance(x, bool):
            return x
        x = into if x == k else x
        return x - 1 if x > k else x

    for e in r.entities:
        if e.relation:
            e.relation = (e.relation[0], list(dict.fromkeys(moved(a) for a in e.relation[1])))
        if e.support:
            e.support = (e.support[0], list(dict.fromkeys(moved(a) for a in e.support[1])))
        e.source = moved(e.source)
    r.shot_of = {c: moved(e) for c, e in r.shot_of.items()}
    r.sides = [(moved(x), side) for x, side in r.sides]
    for ev in r.events:
        ev.subjects = list(dict.fromkeys(moved(s) for s in ev.subjects))
        ev.target, ev.goal, ev.lands, ev.agent = (moved(ev.target), moved(ev.goal), moved(ev.lands),
                                                  moved(ev.agent))
        ev.mount, ev.path = moved(ev.mount), moved(ev.path)
    r.mentions = [(c, moved(e)) for c, e in r.mentions]
    del r.entities[k]
    for x, e in enumerate(r.entities):
        if e.relation and x in e.relation[1]:
            e.relation = None  # what was beside itself


def _side_after(t: list[str], i: int, end: int) -> str | None:
    """ "left" or "right" for "the left", "the right" at ``i`` with no "of …" after it (a side of the picture)."""
    if i + 1 < end and t[i] == "the" and t[i + 1] in ("left", "right") and not (i + 2 < end and t[i + 2] == "of"):
        return t[i + 1]
    return None


def _sibling(r: Reading, x: int) -> int | None:
    """What ``x`` is on the left or right of: another thing named beside it that is not yet on a side (and stands
    on what it stands on, if it stands on something), the first such."""
    support = (r.entities[x].support or r.entities[x].relation or (None, None))[1]
    sided = {k for k, e in enumerate(r.entities) if e.relation and e.relation[0] in ("left", "right")}
    others = [k for k, e in enumerate(r.entities) if k != x and not _is_place(e) and not _is_ground(e)
              and k not in (support or []) and (support is None or (e.relation or (None, None))[1] == support)]
    return next((k for k in others if k not in sided), others[0] if others else None)


def _edge_after(t: list[str], i: int, end: int) -> int:
    """The index after "the end", "its edge", "the side" at ``i`` when no "of …" follows (0 if none): the edge of
    what was just named."""
    j = i + 1 if i < end and t[i] in DETERMINERS else i
    if j < end and t[j] in ("end", "edge", "side", "top") and not (j + 1 < end and t[j + 1] == "of"):
        return j + 1
    return 0


SHOT_OF_REACH = 4  # tokens from "a shot of" to the noun it names ("a wide shot of the old stone castle")
ONE_AT_A_TIME = (("one", "at", "a", "time"), ("one", "by", "one"))
LOOK_DIRECTIONS = ("down", "up", "over", "across", "out", "back", "straight", "right", "intently")
AIMING = {"shoot", "shot", "aim", "point", "bark", "smile", "laugh", "growl", "hiss", "yell", "shout", "fire", "wave",
          "stare", "look", "glance", "throw", "kick", "swing", "hurl", "toss", "lob", "jump", "leap", "snap"}


def _aims_at(word: str) -> bool:
    """Whether "at" after ``word`` names what is aimed at ("shot at the hoop", "barks at the cat"), not where one is."""
    forms = {word, verb_lemma(word), word[:-1] if word.endswith("s") else None, word[:-2] if word.endswith("ed") else
             None, word[:-3] if word.endswith("ing") else None}
    return bool(forms & AIMING)


def _is_water(name: str) -> bool:
    spec = CATALOG.get(name)
    return spec is not None and spec.traits.water is not None


def _stands_somewhere(name: str) -> bool:
    """Whether one can be "at" a thing of asset ``name`` (a table, a gate, the counter): a lifeless thing that is no
    place or setting of its own ("at the beach" is the setting)."""
    spec = CATALOG.get(name)
    return spec is not None and not spec.rig and spec.traits.place is None and spec.traits.water is None


def _is_ground(e: Entity) -> bool:
    """A way or floor one is on (a path, a road, a rug): not what "it" points back to while something was named."""
    spec = CATALOG.get(e.sense.assets[0])
    return spec is not None and spec.traits.walkable and spec.size[2] < 0.3 and max(spec.size[:2]) >= PATH_LENGTH


def _is_place(e: Entity) -> bool:
    spec = CATALOG.get(e.sense.assets[0])
    return spec is not None and spec.traits.place is not None


def _leaning_over(r: Reading) -> None:
    """ "a man roasting marshmallows over the fire", "bent over the sink": someone who does not fly "over" a thing
    with no top to stand on is beside it, not floating above it."""
    for e in r.entities:
        rel = e.relation
        if not rel or rel[0] != "above" or not rel[1] or e.sense.assets[0] not in CATALOG:
            continue
        spec, anchor = CATALOG[e.sense.assets[0]], r.entities[rel[1][0]].sense.assets[0]
        if spec.rig and not spec.traits.flies and anchor in CATALOG and CATALOG[anchor].traits.top_support() is None:
            e.relation = ("beside", rel[1])


def _animals_with_their_keeper(r: Reading, tokens: list[str]) -> None:
    """ "a farmer with his cows", "a farmer scattering grain for a dozen chickens": a group of animals named in a
    person's clause, placed nowhere and in no stated line, gathers round that person (twelve chickens stood in a
    14 m row, eleven of them far from him)."""
    if {"row", "line", "lined", "rows", "lines", "column", "queue"} & set(tokens):
        return
    for k, e in enumerate(r.entities):
        spec = CATALOG.get(e.sense.assets[0]) if e.sense.assets else None
        if e.count < 2 or spec is None or spec.kind not in ("animal", "bird") or e.relation is not None or \
                e.source is not None or \
                e.arrangement != "row" or e.abreast:
            continue
        clause = next((c for c, x in r.mentions if x == k), None)
        keeper = next((x for c, x in r.mentions if c == clause and x != k and r.entities[x].sense.living ==
                       "person" and r.entities[x].count == 1 and r.entities[x].relation is None), None)
        moving = any(k in ev.subjects and ev.sense.fallback in ("move", "chase", "fly") for ev in r.events)
        if keeper is not None and not moving:
            e.relation = ("beside", [keeper])


SHORES = {"seafront", "coast", "coastline", "seaside", "shoreline", "promenade", "shore"}  # the sea's edge


def _sea_by_shore(r: Reading, tokens: list[str]) -> None:
    """ "walking along the seafront", "a lighthouse on the coast": the sea is there too, beyond the shore (the
    couple walked on sand with no sea in sight)."""
    if not SHORES & set(tokens) or any(_water(e) for e in r.entities):
        return
    sense = lexicon_sense("sea")
    if sense is not None:
        r.entities.append(Entity("sea", sense))


# What a scene word brings when the prompt names none of it: (words, the thing, how many, arranged, on what) —
# "into the woods": trees; "a chessboard mid game": its pieces on it. (A skyline is not here: put behind what the
# scene is about, the towers stood against the bench like a wall.)
IMPLIED = [(("woods", "forest", "forests", "jungle"), "tree", 6, "grid", None),
           (("game", "pieces", "match", "mid-game", "checkmate"), "chess_piece", 8, "grid", "chessboard")]


def _implied_things(r: Reading, tokens: list[str]) -> None:
    """The things a scene word implies (trees in the woods, towers on a skyline, pieces on a chessboard in play),
    when the prompt names none of them; ``on`` what they go on, if the prompt names it."""
    for words, thing, count, arrangement, on in IMPLIED:
        if not set(words) & set(tokens) or any(e.sense.assets[0] == thing for e in r.entities):
            continue
        host = next((k for k, e in enumerate(r.entities) if e.sense.assets[0] == on), None) if on else None
        found = noun_sense(thing)
        if found is None or (on is not None and host is None):
            continue
        first = next((k for k, e in enumerate(r.entities) if e.sense.living or _hand_held(e) or (
            CATALOG.get(e.sense.assets[0]) is not None and CATALOG[e.sense.assets[0]].rig)), 0 if r.entities else None)
        # on what they go on; else behind what the scene is about (the fox ran through the trees)
        where = ("on", [host]) if host is not None else ("behind", [first]) if first is not None else None
        r.entities.append(Entity(thing, found[1], count=count, arrangement=arrangement, relation=where))
        said = {t for t in words if t in tokens}
        for ev in r.events:  # "knocks the pieces flying": what the words name is what is knocked
            if ev.target is None and ev.sense.fallback == "push" and said & {"pieces"}:
                ev.target = len(r.entities) - 1


def _add_place(r: Reading) -> None:
    """The place a setting word names becomes an entity (once: "the bedroom" named as a noun already is one)."""
    if r.place is not None and not any(_is_place(e) for e in r.entities):
        r.entities.append(Entity(r.place[0], r.place[1]))
        r.mentions.append((r.place[2], len(r.entities) - 1))


# ------------------------------------------------------------------------------------------------ layout


@dataclass
class Placed:
    """One actor being laid out: its script fields plus what layout and framing need."""

    id: str
    entity: int
    asset: str
    scale: tuple[float, float, float]
    extent: tuple[float, float, float]  # world size W, D, H after scaling
    colour: str | None  # None: the asset's own look (a real table is wood, a dog has its fur)
    finish: str | None
    offset: tuple[float, float, float] = (0.0, 0.0, 0.0)
    position: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    heading: float = 0.0
    actions: list[dict[str, Any]] = field(default_factory=list)
    path: list[tuple[float, float, float]] = field(default_factory=list)  # points it travels through
    lift: float = 0.0  # extra height reached by jumps and flights
    under: int | None = None  # the entity it stands under on purpose (a cat under a table, between its legs)
    seat: int | None = None  # the actor (index) it sits on: it stands at the seat's place and sits down
    seat_id: str | None = None
    garments: dict[str, str] = field(default_factory=dict)  # material slot -> colour
    over: int | None = None  # the entity it jumps over ("jumps over the fence")
    physics: dict[str, Any] | None = None  # a body the physics moves from the start (dropped from a height)

    def rescale(self, k: float) -> None:
        """Make it ``k`` times as big (its scale and its world size)."""
        self.scale = tuple(round(v * k, 4) for v in self.scale)  # type: ignore[assignment]
        self.extent = tuple(v * k for v in self.extent)  # type: ignore[assignment]


def _stands_on_it(reading: Reading, entity: int) -> bool:
    """Whether ``entity`` jumps on the spot where it is ("a child jumping up and down on the bed"): it stands on
    what it is on, not sitting."""
    return any(entity in ev.subjects and ev.on_spot for ev in reading.events)


def _is_seat(name: str) -> bool:
    spec = CATALOG.get(name)
    return spec is not None and spec.traits.seat is not None


def _fill(container: Entity, contents: Entity, index: int) -> None:
    """Put ``contents`` in ``container`` ("a vase of flowers", "a basket of apples"), shrunk to what its opening takes
    (a vase's flowers are a bunch, not a garden clump)."""
    contents.relation = ("inside", [index])
    inner = CATALOG[container.sense.assets[0]].traits.container
    if inner is None:
        return
    room = 1.6 * min(inner.size) * container.size / max(contents.sense.size[:2])  # a bunch spreads above the rim
    contents.size = min(contents.size, max(round(0.95 * room, 3), 0.05))


def _lifeless(name: str) -> bool:
    """Whether a ``name`` is a catalog thing that is neither a person nor an animal (a tree, a lamp post)."""
    spec = CATALOG.get(name)
    return spec is not None and not spec.rig


def _holds_things(name: str) -> bool:
    """Whether a ``name`` is a container things go *in* (a bowl, a basket, a bathtub)."""
    spec = CATALOG.get(name)
    return spec is not None and spec.traits.container is not None


PATH_WORDS = {"along", "across", "down", "up", "over", "through", "round", "around"}
ROAD_SETTINGS = {"street", "road", "highway", "avenue", "motorway", "boulevard", "freeway"}  # set the ground, too
POURING = ("pour", "tip", "spill", "sprinkle")  # what is poured goes where "into"/"onto" says; the pourer stays
PARTS_OF = {"keyboard": ("laptop", "piano"), "screen": ("laptop", "tv"), "keys": ("piano", "laptop"),
            "handlebars": ("bicycle", "motorcycle"), "saddle": ("bicycle", "horse"), "bonnet": ("car",),
            "hood": ("car",), "roof": ("car", "house", "barn", "shed", "bus"), "deck": ("boat", "sailboat")}
LEADS_WORDS = ("lead", "leash")  # "on a lead": what a dog is walked on
# The tool someone doing this holds when the prompt names none ("a boy fishing off the pier": a rod)
TOOLS_OF = {"fish": "fishing_rod", "shovel": "shovel", "sweep": "broom", "hammer": "hammer", "mow": "lawn_mower",
            "iron": "iron", "read": "book", "rake": "shovel", "dig": "shovel", "vacuum": "vacuum_cleaner"}


def _tools(r: Reading) -> None:
    """Someone fishing holds a fishing rod, someone sweeping a broom, someone reading a book (when the prompt
    names what they read, that): one each, in the hands."""
    for ev in list(r.events):
        tool = TOOLS_OF.get(ev.verb)
        people = [x for x in ev.subjects if r.entities[x].sense.living == "person"]
        if tool is None or not people or any(e.sense.assets[0] == tool for e in r.entities):
            continue
        if ev.verb == "read" and isinstance(ev.target, int):
            continue  # "reading a newspaper": that is what she holds
        found = noun_sense(tool)
        if found is None:
            continue
        r.entities.append(Entity(tool, found[1], count=sum(r.entities[x].count for x in people)))
        r.events.insert(r.events.index(ev), Event(people, "hold", VERBS["hold"], ev.clause,
                                                  target=len(r.entities) - 1))


def _pet(name: str) -> bool:
    """Whether an asset is an animal that walks with someone (a dog on a walk, a horse led)."""
    spec = CATALOG.get(name)
    return spec is not None and spec.kind == "animal" and "follow" in spec.actions


SAME_PLURAL = ("sheep", "deer", "fish", "moose", "salmon", "trout", "bison", "swine")  # bare, they are many
VERB_NOT_NOUN = ("does",)  # "a black car does a U-turn": the verb, not two female deer
TURN_SIDES = {"left": "left", "right": "right", "around": "around", "round": "around", "back": "around"}
U_TURNS = ("u-turn", "uturn", "u-turns", "uturns")
DOING = ("do", "does", "did", "doing", "make", "makes", "made", "making", "pull", "pulls", "pulled", "pulling")
ROAD_PLACES = {"on", "in", "of", "into", "onto", "at"}  # before "the road": a road is where something is or goes
ROAD_KINDS = {"high", "main", "busy", "quiet", "country", "empty", "city", "narrow", "winding", "open", "dusty"}
PATH_LENGTH = 8.0  # metres: a walkable thing at least this long is a way to travel along (a road, a bridge)


def _path_surface(name: str) -> bool:
    """Whether a ``name`` is a way things travel along (a road, a sidewalk, a bridge, a roundabout, water), not a
    ramp."""
    spec = CATALOG.get(name)
    if spec is not None and spec.traits.water is not None:
        return True  # "rows across the lake": from shore to shore
    return spec is not None and spec.traits.walkable and bool(spec.traits.supports) and max(spec.size[:2]) >= \
        PATH_LENGTH


def _stood_on(name: str) -> bool:
    """Whether people stand or sit on a ``name`` (a sidewalk, a bench, a stage), so "from" it means on it."""
    spec = CATALOG.get(name)
    return spec is not None and (spec.traits.seat is not None or spec.traits.walkable)


def resolve_asset(word: str, sense: NounSense, size: float, notes: list[str]) -> tuple[str, tuple[float, ...]]:
    """The catalog asset for a noun and its scale: the first of ``sense.assets`` that exists, else the fallback
    primitive stretched to the thing's real size (with a note)."""
    primitive = None
    for name in sense.assets:
        if name in CATALOG:
            if CATALOG[name].kind != "primitive":
                real = size * sense.scale  # a figurine is a small person, a puppy a small dog
                return name, (real, real, real)
            primitive = name  # a primitive is stretched to the thing's real size below (a ball is a 0.5 m sphere)
            break
    name = primitive or (sense.fallback if sense.fallback in CATALOG else "box")
    base = CATALOG[name].size
    scale = tuple(round(size * real / max(b, 1e-3), 4) for real, b in zip(sense.size, base, strict=True))
    if sense.assets[0] != name:
        note = f"no {sense.assets[0]!r} asset in the catalog for {word.replace('_', ' ')!r}: used a {name} of its size"
        if note not in notes:
            notes.append(note)
    return name, scale


def _member_sense(e: Entity, k: int) -> tuple[str, NounSense]:
    """The noun member ``k`` of an entity is: the entity's own, or a group noun's k-th kind (a family's child)."""
    if not e.sense.members:
        return e.word, e.sense
    word = e.sense.members[min(k, len(e.sense.members) - 1)]
    found = noun_sense(word)  # any noun the reader knows ("elderly": the catalog's old person)
    return word, found[1] if found is not None else NOUNS[word]


def layout(reading: Reading, notes: list[str]) -> list[Placed]:
    """Place every entity's members without interpenetration; relations first, the rest side by side."""
    actors: list[Placed] = []
    groups: list[list[int]] = []
    apart = {ent for ev in reading.events if ev.target == "each_other" and ev.sense.fallback != "look"
             for ent in ev.subjects}  # they come together from afar; those who talk stand where they are
    for ent in apart:
        reading.entities[ent].arrangement = "apart"
    used_ids: set[str] = set()
    palette = iter(PALETTE * 100)
    for e_index, e in enumerate(reading.entities):
        members = []
        colour = None
        for k in range(e.count):
            word, sense = _member_sense(e, k)
            asset, scale = resolve_asset(word, sense, e.size, notes)
            w, d, h = (s * b for s, b in zip(scale, CATALOG[asset].size, strict=True))
            kind = CATALOG[asset].kind
            # characters face the camera (which looks from -Y); animals show their profile; seats face the camera
            heading = {"character": 180.0, "animal": -90.0}.get(kind, 180.0 if _is_seat(asset) else 0.0)
            if abs(heading) == 90.0:
                w, d = d, w
            base = re.sub(r"[^a-z0-9_]", "", word) or "thing"
            ident = base if e.count == 1 or e.sense.members else f"{base}{k + 1}"
            n = 2
            while ident in used_ids:
                ident, n = f"{base}_{n}" if e.count == 1 or e.sense.members else f"{base}{k + 1}_{n}", n + 1
            used_ids.add(ident)
            if e.member_colours:  # "a red, a green and a blue cube": one of each
                colour = e.member_colours[k % len(e.member_colours)]
            elif k == 0:  # primitives get a palette colour so they read apart; real assets keep their own look
                colour = e.colour or (next(palette) if kind == "primitive" else None)
            elif e.colour is None and kind in ("character", "animal"):  # two people, three dogs: tell apart
                colour = next(palette) if kind == "character" else FUR[(k - 1) % len(FUR)]
            actors.append(Placed(ident, e_index, asset, tuple(round(s, 4) for s in scale),  # type: ignore[arg-type]
                                 (w, d, h), colour, e.finish, offset=_member_offset(e, k, (w, d, h)),
                                 heading=heading, garments=dict(e.garments)))
            members.append(len(actors) - 1)
        groups.append(members)
    extent = [_group_extent(actors, g) for g in groups]
    pos: dict[int, tuple[float, float, float]] = {}
    cursor = [0.0]

    def in_row(gi: int) -> tuple[float, float, float]:
        w = extent[gi][0]
        p = (cursor[0] + w / 2, 0.0, 0.0)
        cursor[0] += w + GAP * 2 + (3.0 if gi in apart else 0.0)
        return p

    def place(gi: int, depth: int = 0) -> tuple[float, float, float]:
        if gi in pos:
            return pos[gi]
        e = reading.entities[gi]
        if _is_place(e):  # laid under the rest once it stands
            pos[gi] = (0.0, 0.0, 0.0)
            return pos[gi]
        rel = e.relation
        if rel is None or depth > 8 or not rel[1] or any(a == gi or a >= len(groups) or _is_place(
                reading.entities[a]) for a in rel[1]):  # on the beach, in the room: see _lay_under
            pos[gi] = in_row(gi)
            return pos[gi]
        name, anchors = rel
        w, d, h = extent[gi]
        if name == "between" and len(anchors) >= 2:
            a, b = anchors[0], anchors[1]
            pa = place(a, depth + 1)
            p = (pa[0] + (extent[a][0] + w) / 2 + GAP, pa[1], 0.0)
            if b not in pos:
                pos[b] = (p[0] + (w + extent[b][0]) / 2 + GAP, pa[1], 0.0)
                cursor[0] = max(cursor[0], pos[b][0] + extent[b][0] / 2 + GAP * 2)
            else:
                p = ((pa[0] + pos[b][0]) / 2, (pa[1] + pos[b][1]) / 2, 0.0)
            pos[gi] = p
            return p
        a = anchors[0]
        sheltered = False  # under a tree's crown, beside its trunk: it shares the crown's footprint on purpose
        ax, ay, az = place(a, depth + 1)
        aw, ad, ah = extent[a]
        anchor = reading.entities[a]
        if name == "between":  # "between two boxes": spread the pair and stand in the middle
            if w > 2.0 * d and len(groups[gi]) == 1:  # a net between two players: across the way, one on each side
                _turn(actors[groups[gi][0]], actors[groups[gi][0]].heading + 90.0)
                w, d, h = extent[gi] = _group_extent(actors, groups[gi])
                spread = max(w / 2 + 4.0, 4.0)  # a few steps back from it
            else:
                spread = 0.0
            for k, ix in enumerate(groups[a]):
                side = -1 if k % 2 == 0 else 1
                aw1 = actors[ix].extent[0]
                actors[ix].offset = (side * max(w / 2 + aw1 / 2 + GAP, spread) * (1 + k // 2), 0.0, 0.0)
            extent[a] = _group_extent(actors, groups[a])
            p = (ax, ay, 0.0)
        elif name == "under" and CATALOG[actors[groups[gi][0]].asset].traits.walkable and h < 0.1 and CATALOG[
                actors[groups[a][0]].asset].traits.room_under is None:
            p = (ax, ay, 0.0)  # a rug under the sofa: the sofa stands on it (a blanket under a tree: in its shade)
        elif name == "under":
            under = actors[groups[a][0]]
            fits = _fit_under(actors, groups[gi], under, e)
            w, d, h = extent[gi] = _group_extent(actors, groups[gi])
            aw, ad, ah = extent[a] = _group_extent(actors, groups[a])
            trunk = CATALOG[under.asset].traits.trunk * max(under.scale[:2]) if fits else 0.0
            sheltered = fits
            if fits:  # between a table's legs; beside a tree's trunk, in front
                p = (ax, ay - (trunk + d / 2 + 0.15 if trunk else 0.0), 0.0)
            else:
                p = (ax, ay - (ad + d) / 2 - GAP, 0.0)
                notes.append(f"{e.word} is placed in front of the {anchor.word}, not under it: "
                             f"the {anchor.word} has no room underneath in this catalog")
        elif name == "on" and _is_seat(actors[groups[a][0]].asset) and all(
                CATALOG[actors[ix].asset].kind == "character" for ix in groups[gi]) and not _stands_on_it(
                reading, gi):  # an animal lies on its top; one who jumps up and down on it stands there
            p = (ax, ay, 0.0)  # sitting on a chair or bench: stand at it, then sit down onto the seat
            for k, ix in enumerate(groups[gi]):
                actors[ix].seat = groups[a][min(k, len(groups[a]) - 1)]
        elif name in ("on", "in") and (water := CATALOG[actors[groups[a][0]].asset].traits.water) is not None and \
                CATALOG[actors[groups[gi][0]].asset].traits.buoyant:  # afloat: as deep as it draws
            spec = CATALOG[actors[groups[gi][0]].asset]
            p = (ax, ay, az + water.height * actors[groups[a][0]].scale[2] - spec.traits.draft * h)
        elif name in ("on", "above"):
            if name == "on" and len(groups[gi]) > 1:
                aw, ad, ah = extent[a] = _room_on_top(actors, groups[gi], groups[a])
                w, d, h = extent[gi] = _group_extent(actors, groups[gi])
            p = (ax, ay, az + ah + (1.0 if name == "above" else 0.0))
        elif name == "inside" and (box := CATALOG[actors[groups[a][0]].asset].traits.container) is not None:
            p = (ax, ay, az + box.height * actors[groups[a][0]].scale[2])  # on its inner floor
        elif name == "around":
            one = actors[groups[gi][0]]
            seats = _is_seat(one.asset)
            # chairs pulled up to a table; anything else with room to move around it
            ring = math.hypot(aw, ad) / 2 + max(one.extent[:2]) / 2 + (0.15 if seats else GAP * 2)
            n = len(groups[gi])
            for k, ix in enumerate(groups[gi]):
                ang = 2 * math.pi * k / n
                actors[ix].offset = (ring * math.cos(ang), ring * math.sin(ang), 0.0)
                if seats or CATALOG[actors[ix].asset].kind in ("character", "animal"):  # facing the middle
                    _turn(actors[ix], float(heading_of(_np_dir([math.cos(ang), math.sin(ang), 0.0], [0.0] * 3))))
            p = (ax, ay, 0.0)
        elif name == "beside" and len(groups[gi]) > 1:  # a flock by a fence, a family by a tree: all close to it
            _cluster_in_front(actors, groups[gi], (aw, ad))
            p = (ax, ay, 0.0)
        else:
            p = {
                "beside": (ax + (aw + w) / 2 + GAP, ay, 0.0), "right": (ax + (aw + w) / 2 + GAP, ay, 0.0),
                "left": (ax - (aw + w) / 2 - GAP, ay, 0.0), "behind": (ax, ay + (ad + d) / 2 + GAP, 0.0),
                "front": (ax, ay - (ad + d) / 2 - GAP, 0.0),
                "across": (ax, ay - (ad + d) / 2 - OVER_RUN_UP, 0.0),
            }.get(name, (ax + (aw + w) / 2 + GAP, ay, 0.0))
            if name == "across":  # facing what it will jump over
                for ix in groups[gi]:
                    _turn(actors[ix], 0.0)
                    actors[ix].over = a
        pos[gi] = p
        if name == "under" and (p[:2] == (ax, ay) or sheltered):
            for ix in groups[gi]:
                actors[ix].under = a
        return p

    for gi in range(len(groups)):
        place(gi)
    for a in actors:
        gx, gy, gz = pos[a.entity]
        ox, oy, oz = a.offset
        a.position = [gx + ox, gy + oy, gz + oz]
    _face_what_they_watch(reading, actors)
    for a in actors:
        if a.seat is not None:
            seat = actors[a.seat]
            on_it = [x for x in actors if x.seat == a.seat]
            # several on one bench: side by side along it, within its length (one stood off its end)
            width = CATALOG[seat.asset].size[0] * seat.scale[0]
            step = min(0.6, max(width - 0.5, 0.0) / max(len(on_it) - 1, 1))
            slot = (on_it.index(a) - (len(on_it) - 1) / 2) * step
            h = math.radians(seat.heading)
            a.position = [seat.position[0] + slot * math.cos(h), seat.position[1] + slot * math.sin(h),
                          seat.position[2]]
            a.heading, a.seat_id = seat.heading, seat.id
    places = [a for a in actors if CATALOG[a.asset].traits.place is not None]
    scene = [a for a in actors if a not in places]
    _separate(scene)
    xs = [a.position[0] for a in scene]
    ys = [a.position[1] for a in scene]
    shift = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2) if scene else (0.0, 0.0)
    for a in scene:
        a.position = [round(a.position[0] - shift[0], 4), round(a.position[1] - shift[1], 4), round(a.position[2], 4)]
    circling = any(move == "orbit" for _, move in reading.camera)
    for p in places[:1]:
        shore = _open_water(reading, scene)  # the sea by the beach: beyond it, not on it
        _lay_under(p, [a for a in scene if a not in shore], ORBIT_MARGIN if circling else PLACE_MARGIN)
        for w in shore:
            w.position = [p.position[0], round(p.position[1] + (p.extent[1] + w.extent[1]) / 2, 4), w.position[2]]
        floor = CATALOG[p.asset].traits.place.height * p.scale[2]
        for a in scene:  # a blanket on the beach lies on its sand, not under it (it vanished below the floor)
            if a.extent[2] < 0.05 and a.position[2] < floor:
                a.position[2] = round(floor, 4)
    return actors


def _open_water(reading: Reading, actors: list[Placed]) -> list[Placed]:
    """The water (a sea, a lake) that nothing is on or in and that relates to nothing: it lies beyond a place."""
    anchors = {x for e in reading.entities if e.relation for x in e.relation[1]}
    return [a for a in actors if CATALOG[a.asset].traits.water is not None and a.entity not in anchors
            and reading.entities[a.entity].relation is None]


PLACE_MARGIN = 1.0  # metres of a place's floor kept free round the scene on it (a room's walls, a beach's dunes)
ORBIT_MARGIN = 2.5  # ... and when the camera circles the scene inside it


UNDER_SHRINK = 0.55  # the smallest a thing of no stated size is made to fit under another (a small dog)
TREE_GROWTH = 3.5  # the most a tree grows so its shade covers what lies under it (an oak is that big)


def _fit_under(actors: list[Placed], members: list[int], under: Placed, e: Entity) -> bool:
    """Whether the group ``members`` fits in the free room under ``under`` (between a table's legs, under a
    tree's crown), once a tree has grown to shade it or a thing or animal of no stated size has shrunk to fit
    (a small dog under the table); the room is the catalog's ``room_under``."""
    room = CATALOG[under.asset].traits.room_under
    if room is None:
        return False
    need = max(x / (r * s) for x, r, s in zip(_group_extent(actors, members), room, under.scale, strict=True))
    if need < 1.0:
        return True
    if CATALOG[under.asset].traits.trunk > 0.0 and need * 1.05 <= TREE_GROWTH:
        under.rescale(need * 1.05)
        return True
    living = {CATALOG[actors[ix].asset].kind for ix in members}
    if e.size == 1.0 and "character" not in living and 1.0 / (need * 1.03) >= UNDER_SHRINK:
        for ix in members:  # the group closes up with them
            actors[ix].rescale(1.0 / (need * 1.03))
            actors[ix].offset = tuple(x / (need * 1.03) for x in actors[ix].offset)  # type: ignore[assignment]
        return True
    return False


def _lay_under(place: Placed, scene: list[Placed], margin: float) -> None:
    """Lay a place (a beach, a room) under the scene: its floor's middle under the scene's, stretched (not made
    taller: a room keeps its ceiling) until the floor holds everything with ``margin`` to spare."""
    floor = CATALOG[place.asset].traits.place
    lo = [min((a.position[k] - a.extent[k] / 2 for a in scene), default=0.0) for k in (0, 1)]
    hi = [max((a.position[k] + a.extent[k] / 2 for a in scene), default=0.0) for k in (0, 1)]
    k = max(1.0, *((top - low + 2 * margin) / (size * s)
                   for top, low, size, s in zip(hi, lo, floor.size, place.scale[:2], strict=True)))
    place.scale = (round(place.scale[0] * k, 4), round(place.scale[1] * k, 4), place.scale[2])
    place.extent = (place.extent[0] * k, place.extent[1] * k, place.extent[2])
    place.heading = 0.0
    place.position = [round((lo[0] + hi[0]) / 2 - floor.centre[0] * place.scale[0], 4),
                      round((lo[1] + hi[1]) / 2 - floor.centre[1] * place.scale[1], 4), 0.0]


WATCH_DISTANCE = 2.8  # metres from a seat to the thing its sitter watches


def _face_what_they_watch(reading: Reading, actors: list[Placed]) -> None:
    """ "A man sits on the sofa watching TV": the seat turns to face +X and what is watched stands in front of
    it, facing it, so the sitter faces it and a camera from the side sees both."""
    for ev in reading.events:
        if ev.sense.fallback != "look" or not isinstance(ev.target, int):
            continue
        for e in ev.subjects:
            rel = reading.entities[e].relation
            seats = [a for a in actors if rel and rel[0] == "on" and a.entity in rel[1] and _is_seat(a.asset)]
            watched = [a for a in actors if a.entity == ev.target]
            if not seats or not watched or reading.entities[ev.target].relation is not None:
                continue
            seat = seats[0]
            _turn(seat, -90.0)  # heading -90 faces +X
            for k, w in enumerate(watched):
                w.position = [seat.position[0] + seat.extent[0] / 2 + WATCH_DISTANCE, seat.position[1] + k * 1.0,
                              0.0]
                _turn(w, 90.0)


def _turn(a: Placed, heading: float) -> None:
    """Turn ``a`` to ``heading`` (from its current one), keeping its extent the box around its turned footprint."""
    w, d, h = a.extent
    turn = math.radians(heading - a.heading)
    c, s = abs(math.cos(turn)), abs(math.sin(turn))
    a.extent, a.heading = (w * c + d * s, w * s + d * c, h), heading


def _member_offset(e: Entity, k: int, size: tuple[float, float, float]) -> tuple[float, float, float]:
    w, d, h = size
    # small things sit closer together; a row abreast closes up along its width (turned later, the wider
    # spacing keeps room for any turn)
    spacing = w + min(GAP, w) if e.abreast else max(w, d) + min(GAP, max(w, d))
    n = e.count
    if n == 1:
        return (0.0, 0.0, 0.0)
    if e.arrangement == "apart":  # they will walk towards each other: leave room to walk
        spacing = max(w, d) + 3.0
    if e.arrangement == "circle":
        ring = max(spacing * n / (2 * math.pi), spacing)
        a = 2 * math.pi * k / n
        return (ring * math.cos(a), ring * math.sin(a), 0.0)
    if e.arrangement == "stack":
        return (0.0, 0.0, h * k)
    if e.arrangement == "grid":
        cols = math.ceil(math.sqrt(n))
        return ((k % cols - (cols - 1) / 2) * spacing, (k // cols) * spacing, 0.0)
    if e.arrangement == "column":
        return (0.0, (k - (n - 1) / 2) * spacing, 0.0)
    return ((k - (n - 1) / 2) * spacing, 0.0, 0.0)


def _cluster_in_front(actors: list[Placed], members: list[int], anchor: tuple[float, float]) -> None:
    """Offsets (from the anchor's centre) for a group close by an anchor of footprint ``anchor``: the spots
    nearest to it in staggered rows in front (the camera's side) and at its sides, never behind it."""
    aw, ad = anchor
    w, d = (max(actors[ix].extent[k] for ix in members) for k in (0, 1))
    step_x, step_y = w + GAP, d + GAP
    spots = []
    for r in range(-1, 6):  # row -1: level with the anchor, at its sides
        y = 0.0 if r < 0 else -(ad / 2 + GAP + d / 2 + r * step_y)
        for c in range(-12, 13):
            x = (c + (0.5 if r % 2 else 0.0)) * step_x
            gap_x = max(0.0, abs(x) - (aw + w) / 2)
            if r < 0 and gap_x < GAP:
                continue  # that spot is the anchor itself
            gap_y = 0.0 if r < 0 else GAP + r * step_y
            spots.append((math.hypot(gap_x, gap_y), abs(x), x, y))
    chosen = sorted(sorted(spots)[:len(members)], key=lambda spot: (spot[3] < 0, spot[2]))
    for ix, (_, _, x, y) in zip(members, chosen, strict=False):
        actors[ix].offset = (x, y, 0.0)


EXTENDS = ("fence", "wall", "hedge", "railings", "bench", "shelf", "bookshelf", "kitchen_counter", "log", "road",
           "sidewalk", "path", "runway", "platform")
# things that come in any length: a group too long for one is on a longer one (five cats on a fence)


def _room_on_top(actors: list[Placed], members: list[int], under: list[int]) -> tuple[float, float, float]:
    """A group on one thing's top ("five cats sitting on a fence"): side by side along it, close; a fence or a
    wall too short for them all is a longer run of it (four cats sat on air past its end). Its new extent."""
    top = actors[under[0]]
    surface = CATALOG[top.asset].traits.top_support()
    if surface is None or len(under) != 1:
        return _group_extent(actors, under)
    along = 0 if top.extent[0] >= top.extent[1] else 1
    # a vehicle parks along the way it is on (the solver turns it so): its length
    widths = [max(actors[ix].extent[:2]) if CATALOG[actors[ix].asset].group == "vehicles" else
              actors[ix].extent[along] for ix in members]
    room = surface.size[along] * max(top.scale[:2])
    gap = 0.08 if sum(widths) + 0.08 * (len(members) - 1) > room else min(
        0.3, (room - sum(widths)) / max(len(members) - 1, 1))
    need = sum(widths) + gap * (len(members) - 1)
    if need > room or _group_extent(actors, members)[along] > room:  # spread wider than it: closer, along it
        x = 0.0 - need / 2
        for ix, width in zip(members, widths, strict=True):
            off = list(actors[ix].offset)
            off[along], off[1 - along] = x + width / 2, 0.0
            actors[ix].offset = tuple(off)  # type: ignore[assignment]
            x += width + gap
        if top.asset in EXTENDS:
            k = (need + 0.2) / room
            scale = list(top.scale)
            scale[along] = round(scale[along] * k, 4)
            top.scale = tuple(scale)  # type: ignore[assignment]
            ext = list(top.extent)
            ext[along] *= k
            top.extent = tuple(ext)  # type: ignore[assignment]
    return _group_extent(actors, under)


def _group_extent(actors: list[Placed], members: list[int]) -> tuple[float, float, float]:
    xs, ys, zs = [], [], []
    for ix in members:
        w, d, h = actors[ix].extent
        ox, oy, oz = actors[ix].offset
        xs += [ox - w / 2, ox + w / 2]
        ys += [oy - d / 2, oy + d / 2]
        zs += [oz, oz + h]
    return max(xs) - min(xs), max(ys) - min(ys), max(zs)


def _overlap(a: Placed, b: Placed) -> bool:
    return all(
        abs(a.position[k] - b.position[k]) < (a.extent[k] + b.extent[k]) / 2 - 1e-6 for k in (0, 1)
    ) and a.position[2] < b.position[2] + b.extent[2] - 1e-6 and b.position[2] < a.position[2] + a.extent[2] - 1e-6


def _sits_on(a: Placed, b: Placed, actors: list[Placed]) -> bool:
    """Whether one of the two sits on the other, or floats in it (they share a footprint on purpose)."""
    def afloat(x: Placed, y: Placed) -> bool:
        return CATALOG[x.asset].traits.buoyant and CATALOG[y.asset].traits.water is not None

    return (a.seat is not None and actors[a.seat] is b) or (b.seat is not None and actors[b.seat] is a) or \
        afloat(a, b) or afloat(b, a)


def _separate(actors: list[Placed]) -> None:
    """Push apart (along +X) anything whose boxes still intersect, so nothing interpenetrates."""
    for _ in range(50):
        moved = False
        for j, b in enumerate(actors):
            for a in actors[:j]:
                if _overlap(a, b) and a.under != b.entity and b.under != a.entity and not _sits_on(a, b, actors) \
                        and not (a.seat is not None and a.seat == b.seat):  # side by side on one bench
                    b.position[0] = a.position[0] + (a.extent[0] + b.extent[0]) / 2 + GAP
                    moved = True
        if not moved:
            return


# ------------------------------------------------------------------------------------------------ actions


def _vec(p: tuple[float, float, float] | list[float]) -> list[float]:
    return [round(float(c), 3) for c in p]


def _towards(src: list[float], dst: list[float], stop: float) -> list[float]:
    dx, dy = dst[0] - src[0], dst[1] - src[1]
    dist = math.hypot(dx, dy)
    if dist <= stop + 1e-6:
        return list(src)
    k = (dist - stop) / dist
    return [src[0] + dx * k, src[1] + dy * k, src[2]]


def plan_actions(reading: Reading, actors: list[Placed], duration: float, notes: list[str],
                 skip: set[int] = frozenset()) -> None:  # type: ignore[assignment]
    """Turn events into actions, each in its clause's time span, using the schema's actions where they exist;
    the events in ``skip`` are intents, which the solver realises."""
    models = action_models()
    by_entity: dict[int, list[Placed]] = {}
    for a in actors:
        by_entity.setdefault(a.entity, []).append(a)
    span = duration / max(reading.clauses, 1)
    moved: set[tuple[int, int]] = set()  # (entity, clause) that already travel
    spans = _event_spans(reading, span, duration)
    for n, (ev, (s, e)) in enumerate(zip(reading.events, spans, strict=True)):
        if n in skip:
            continue
        subjects = [a for ent in ev.subjects for a in by_entity.get(ent, [])]
        centre = _centre(subjects)
        rel = reading.entities[ev.subjects[0]].relation if ev.subjects else None
        ring_centre = by_entity.get(rel[1][0]) if rel and rel[0] == "around" and rel[1] else None
        for k, a in enumerate(subjects):
            if ev.target == "each_other" and ev.sense.fallback in TRAVEL and ring_centre and "orbit" in CATALOG[
                    a.asset].actions:  # "two dogs chase each other around a tree": round and round it
                c = ring_centre[0]
                ring = math.dist(a.position[:2], c.position[:2])
                period = max(4.0, 2 * math.pi * ring / max(ev.sense.speed, 0.8))
                a.actions.append({"type": "orbit", "center": c.id, "period": round(period, 3), "start": s, "end": e})
                a.path += [(c.position[0] + sx * ring, c.position[1] + sy * ring, a.position[2])
                           for sx in (-1, 1) for sy in (-1, 1)]
                moved.add((a.entity, ev.clause))
                continue
            if a.physics is not None:  # dropped: the physics moves it from the start, the rest is its fall
                continue
            if _dropped(ev, a, reading):
                a.position[2] = round(a.position[2] + (ev.height or DROP_HEIGHT), 3)
                a.physics = {"start": 0.0}  # nothing holds it up there: it falls as the video starts
                a.path.append((a.position[0], a.position[1], 0.0))
                continue
            target_point, target_id = _target(ev, a, k, subjects, by_entity, centre)
            if ev.sense.fallback in ("move", "chase", "push", "fly") or ev.target is not None:
                moved.add((a.entity, ev.clause))
            _act(ev, a, k, s, e, target_point, target_id, models, notes, by_entity, moved)
    walkers = {a.id for a in actors if any(x["type"] in WALKING for x in a.actions)}
    living = {a.id for a in actors if CATALOG[a.asset].kind in ("character", "animal")}
    for a in actors:  # a push moves a physics body: never one that walks, nor a person or animal pushing itself
        for x in [x for x in a.actions if x["type"] == "push"]:
            pushed = x.get("target") or a.id
            if pushed in walkers or (pushed == a.id and a.id in living):
                a.actions.remove(x)
                notes.append(f"{pushed} walks or is alive, so it cannot be pushed: {a.id}'s push is left out")
    for a in actors:  # placed on a seat with nothing else to do there: sit on it for the whole video
        if a.seat_id is not None and not any(x["type"] == "sit" for x in a.actions) and "sit" in models:
            a.actions.insert(0, {"type": "sit", "seat": a.seat_id, "start": 0.0, "end": duration})


# "on one end of", "at the other end": a part of a thing; what is on it is on the thing
PART_PHRASES = [tuple(p.split()) for p in (  # (an article before them is read as the noun phrase's)
    "other end", "one end", "far end", "near end", "end", "either end", "each end", "edge", "corner", "one side",
    "other side")]
SUBORDINATORS = ("when", "while", "whenever", "once")  # "… when the cat jumps": a new doer follows
DROP_VERBS = ("drop", "fall", "plunge")  # what is let go of in the air: it falls, it does not tip over
DROP_HEIGHT = 2.0  # metres a thing dropped from no said height starts above the ground


def _dropped(ev: Event, a: Placed, reading: Reading) -> bool:
    """"drop a beach ball and a bowling ball from 3 metres up", "a ball falls": a thing let go of in the air with
    nothing said to land on (that is a drop onto it) and nothing it stands on (that is a fall off it). A thing
    that merely "falls" is dropped only when round or a height is said (a chair that falls tips over)."""
    if ev.over or ev.target is not None or ev.lands is not None or ev.verb not in DROP_VERBS or (ev.passive and \
            ev.agent is not None) or CATALOG[a.asset].kind in LIVING_KINDS:
        return False
    rel = reading.entities[a.entity].relation
    if (rel and rel[0] in ("on", "above", "under", "inside")) or reading.entities[a.entity].source is not None:
        return False
    return ev.verb == "drop" or ev.height is not None or bool(CATALOG[a.asset].traits.round)


TRAVEL = ("move", "chase", "fly")
WALKING = ("walk_to", "run_to", "follow_path", "follow")  # under its own power: never also a pushed body


def _event_spans(reading: Reading, span: float, duration: float) -> list[tuple[float, float]]:
    """Each event's time span: its clause's, except that within one clause a subject that travels and then
    does something else ("walk towards each other and wave") arrives first and then does it."""
    out = []
    for ev in reading.events:
        s, e = ev.clause * span, min((ev.clause + 1) * span, duration)
        same = [x for x in reading.events if x.clause == ev.clause and set(x.subjects) & set(ev.subjects)]
        travel = [x for x in same if x.sense.fallback in TRAVEL]
        if travel and len(same) > 1 and same.index(travel[0]) < len(same) - 1:
            cut = s + 0.6 * (e - s)
            if ev.sense.fallback in TRAVEL:
                e = cut
            elif same.index(ev) > same.index(travel[0]):
                s = cut
        out.append((round(s, 3), round(e, 3)))
    return out


def _centre(group: list[Placed]) -> list[float]:
    if not group:
        return [0.0, 0.0, 0.0]
    return [sum(a.position[i] for a in group) / len(group) for i in range(3)]


def _target(ev: Event, a: Placed, k: int, subjects: list[Placed], by_entity: dict[int, list[Placed]],
            centre: list[float]) -> tuple[list[float] | None, str | None]:
    if ev.target == "each_other" and len(subjects) > 1:
        return [centre[0], centre[1], a.position[2]], None
    if isinstance(ev.target, int) and by_entity.get(ev.target):
        targets = by_entity[ev.target]
        t = targets[min(k, len(targets) - 1)]
        return list(t.position), t.id
    return None, None


def _act(ev: Event, a: Placed, k: int, s: float, e: float, target: list[float] | None, target_id: str | None,
         models: dict[str, Any], notes: list[str], by_entity: dict[int, list[Placed]],
         moved: set[tuple[int, int]]) -> None:
    sense = ev.sense
    if a.seat_id is not None and "look_at" in sense.actions:
        sense = dataclasses.replace(sense, actions=("look_at",))  # a sitter turns its head, not off its seat
    w, d, h = a.extent
    radius = max(w, d) / 2
    allowed = CATALOG[a.asset].actions
    timing = {"start": s, "end": e}
    length = e - s
    led: list[Placed] = []
    if target_id is not None and (ev.verb in WALKED_WITH or ev.with_pet or ev.verb in TOWS) and (
            CATALOG[a.asset].kind == "character" or ev.verb in LEADS + TOWS):  # (a duck leads her ducklings)
        pet = next(x for xs in by_entity.values() for x in xs if x.id == target_id)
        # a trailer, a suitcase, a sled: what is towed has no seat of its own (a van pulls up beside the taxis)
        towed = ev.verb in TOWS and not CATALOG[pet.asset].rig and CATALOG[pet.asset].traits.rideable is None
        if ((ev.verb in LEADS and CATALOG[pet.asset].kind == "bird") or towed) and \
                "move_to" in CATALOG[pet.asset].actions:
            target = target_id = None  # birds have no follow: they waddle after it in a line; a towed trailer
            led = by_entity[pet.entity]  # comes along behind the tractor (it drove up to it)
            moved.add((pet.entity, ev.clause))
        elif CATALOG[pet.asset].kind == "animal" and "follow" in CATALOG[pet.asset].actions and "follow" in models:
            # "a man walks his dog": he walks on and the dog keeps up at his side, rather than him walking at it
            target = target_id = None
            gap = max(a.extent[:2]) / 2 + max(pet.extent[:2]) / 2 + 0.3  # at heel, never inside his legs
            for n, dog in enumerate(by_entity[pet.entity]):  # "walking 3 dogs": all three, one behind the other,
                # from behind him (they stood in his way and only the first came along)
                dist = gap + n * (max(dog.extent[:2]) + 0.3)
                dog.position = [a.position[0] - dist, a.position[1], dog.position[2]]
                dog.actions.append({"type": "follow", "target": a.id, "distance": round(dist, 3), **timing})
                dog.path.append((a.position[0] + min(sense.speed * length * 0.5, 5.0), a.position[1],
                                 dog.position[2]))
            moved.add((pet.entity, ev.clause))
    # where travel ends: at the target (stopping short of it), towards the group centre, or straight ahead
    stop = radius + 0.3
    if target is not None and target_id is not None:
        t_actor = next(x for xs in by_entity.values() for x in xs if x.id == target_id)
        stop += max(t_actor.extent[0], t_actor.extent[1]) / 2
        movable = "move_to" in CATALOG[t_actor.asset].actions
        if sense.fallback == "chase" and (t_actor.entity, ev.clause) not in moved and movable:
            # the chased thing runs away, so there is something to chase
            away = [t_actor.position[0] + min(0.6 * sense.speed * length, 5.0), t_actor.position[1],
                    t_actor.position[2]]
            flees = CATALOG[t_actor.asset].actions
            kind = CATALOG[t_actor.asset].kind
            # a chased cat runs, a chased ball rolls (turning as it goes); anything else slides away
            how = "run_to" if kind in ("character", "animal") and "run_to" in flees else "roll" if (
                CATALOG[t_actor.asset].traits.round and "roll" in flees) else "move_to"
            t_actor.actions.append({"type": how, "to": _vec(away), **timing,
                                    **({} if how == "run_to" else {"easing": "linear"})})
            t_actor.path.append(tuple(away))  # type: ignore[arg-type]
            moved.add((t_actor.entity, ev.clause))
            target = away
        if sense.fallback == "push" and "push" in models and "push" in allowed and "push" in CATALOG[
                t_actor.asset].actions and not any(x["type"] in ("walk_to", "run_to", "follow")
                                                   for x in t_actor.actions):
            _kick(a, t_actor, s, e)
            return
        if sense.fallback == "push" and movable:
            pushed = [t_actor.position[0] + 2.0, t_actor.position[1], t_actor.position[2]]
            t_actor.actions.append({"type": "move_to", "to": _vec(pushed), "start": round(s + length / 2, 3),
                                    "end": e})
            t_actor.path.append(tuple(pushed))  # type: ignore[arg-type]
    elif target is not None:
        stop = radius + 0.15
    # on and on, for most of its time (a camera follows one; a crowd stays where one frame holds it)
    free = FREE_TRAVEL if len(by_entity.get(a.entity, [a])) == 1 else 5.0
    dest = _towards(a.position, target, stop) if target is not None else [
        a.position[0] + min(sense.speed * length * 0.8, free), a.position[1], a.position[2]]
    if sense.fallback == "fly":
        dest = [dest[0], dest[1], a.position[2] + 2.0]
    elif target is None:
        dest = _stay_on(a, dest, [b for group in by_entity.values() for b in group])
    _trail(led, a, dest, s, e)
    if a.asset in VEHICLES and sense.fallback in TRAVEL and math.dist(dest[:2], a.position[:2]) > 1e-3:
        a.heading = float(heading_of(_np_dir(a.position, dest)))  # a car drives forwards, never sideways
    # 1. the schema's own action for this verb, if it has one this asset supports
    for tag in sense.actions:
        if tag in ("bounce", "spin", "move_to", "orbit"):
            break
        if tag not in models or tag not in allowed:
            continue
        over = by_entity.get(a.over, [None])[0] if a.over is not None else None
        clear = [{"height": round(over.extent[2] + 0.3, 3), "forward": round(over.extent[1] + 2 * OVER_RUN_UP + d, 3)}
                 ] if tag == "jump" and over is not None else []  # high and far enough to clear it
        lie = {"lie": True} if tag == "sit" and ev.verb in LYING_VERBS and CATALOG[a.asset].kind == "animal" else {}
        cands = [{"type": tag, **timing, **lie, **extra} for extra in clear + (
            [{"seat": a.seat_id}] if a.seat_id and tag == "sit" else []) + (
            [{"target": target_id}] if target_id else []) + ([{"to": _vec(dest)}, {"target": _vec(dest)}]
            if target is not None or sense.fallback in ("move", "chase", "fly", "push") else []) + [{}]]
        chosen = first_valid(models, cands)
        if chosen is not None:
            if tag == "turn_to" and chosen.get("end") is not None:  # a turn takes a second, not the clause
                chosen["end"] = round(min(chosen["end"], chosen.get("start", 0.0) + 1.2), 3)
            if tag == "jump" and not clear and target is None:  # "jumps up and down": again and again
                a.actions += _jumps(chosen, s, e)
                return
            a.actions.append(chosen)
            if "to" in chosen or "target" in chosen:
                a.path.append(tuple(dest))  # type: ignore[arg-type]
            if sense.fallback == "fly":
                a.lift = max(a.lift, 2.0)
            return
    # 2. the closest v1 action
    preferred = next((t for t in sense.actions if t not in ("bounce", "spin", "move_to", "orbit")), None)
    fb = sense.fallback
    acts: list[dict[str, Any]] = []
    if fb in ("bounce", "wave", "dance"):
        height = {"bounce": max(0.4, 0.8 * h), "wave": max(0.1, 0.12 * h), "dance": max(0.15, 0.25 * h)}[fb]
        acts.append({"type": "bounce", "height": round(min(height, 5.0), 3),
                     "period": round(0.5 + 0.4 * math.sqrt(height), 3), **timing})
        a.lift = max(a.lift, height)
        if fb == "dance":
            acts.append({"type": "spin", "speed": 180.0, **timing})
    elif fb in ("spin", "wobble"):
        acts.append({"type": "spin", "speed": 120.0 if fb == "spin" else 45.0, **timing})
    elif fb in ("move", "chase", "push", "fly"):
        start = round(s + (0.3 if fb == "chase" else 0.0) * min(length, 1.0), 3)
        acts.append({"type": "move_to", "to": _vec(dest), "start": start, "end": e, "easing": "ease_in_out"})
        a.path.append(tuple(dest))  # type: ignore[arg-type]
        if fb == "fly":
            a.lift = max(a.lift, 2.0)
    elif fb == "orbit":
        centre = target_id or _vec(target or [a.position[0] - max(2.0, 2 * radius), a.position[1], a.position[2]])
        acts.append({"type": "orbit", "center": centre, "period": 6.0, **timing})
        ring = math.dist(a.position[:2], (target or a.position)[:2]) if target else max(2.0, 2 * radius)
        cx, cy = (target or [a.position[0] - ring, a.position[1]])[:2]
        a.path += [(cx + sx * ring, cy + sy * ring, a.position[2]) for sx in (-1, 1) for sy in (-1, 1)]
    elif fb == "fall":
        a.position[2] = round(a.position[2] + 3.0, 3)
        land = [a.position[0], a.position[1], round(a.position[2] - 3.0, 3)]
        acts.append({"type": "move_to", "to": land, "start": s, "end": round(min(e, s + 0.8), 3) if e > s + 0.8
                     else e, "easing": "ease_in"})
        a.path.append(tuple(land))  # type: ignore[arg-type]
    elif fb == "look" and target is not None:
        a.heading = float(heading_of(_np_dir(a.position, target)))
    refused = [x["type"] for x in acts if x["type"] not in allowed]
    if refused:  # the asset lists what it can do: never give it an action it cannot
        acts = [x for x in acts if x["type"] not in refused]
        notes.append(f"{a.asset} cannot {', '.join(dict.fromkeys(refused))}: {ev.verb!r} is left out for {a.id}")
    if preferred:
        used = ", ".join(x["type"] for x in acts) or "no motion"
        note = f"no {preferred!r} action for {a.asset} in the schema yet: {ev.verb!r} uses {used}"
        if note not in notes:
            notes.append(note)
    if fb == "none" and not preferred:
        notes.append(f"{ev.verb!r} has no motion")
    a.actions += [{k: v for k, v in act.items() if v is not None} for act in acts]


JUMP_REST = 0.4  # seconds on the ground between jumps


def _jumps(jump: dict[str, Any], s: float, e: float) -> list[dict[str, Any]]:
    """A jump repeated from ``s`` to ``e``, a short rest between landings (one, if the span holds only one)."""
    length = jump_duration(float(jump.get("height", 0.5)))
    count = max(1, int((e - s + JUMP_REST) // (length + JUMP_REST)))
    return [{**jump, "start": round(s + k * (length + JUMP_REST), 3),
             "end": round(s + k * (length + JUMP_REST) + length, 3)} for k in range(count)]


KICK_STRENGTH = 1.0  # N·s: a kicked football rolls about 2 m in 5 s; a pushed crate slides less


def _kick(a: Placed, thing: Placed, s: float, e: float) -> None:
    """``a`` pushes or kicks ``thing`` for real: walks up to it if it is out of reach, then gives it an impulse
    (the physics bake moves it; the pushed thing is never also animated)."""
    reach = max(a.extent[0], a.extent[1]) / 2 + max(thing.extent[0], thing.extent[1]) / 2 + 0.1
    length = e - s
    at = s
    if math.dist(a.position[:2], thing.position[:2]) > reach + 0.2 and "walk_to" in CATALOG[a.asset].actions:
        spot = _towards(a.position, thing.position, reach)
        at = round(s + 0.4 * length, 3)
        a.actions.append({"type": "walk_to", "to": _vec(spot), "start": s, "end": at})
        a.path.append(tuple(spot))  # type: ignore[arg-type]
        start = spot
    else:
        start = a.position
    a.actions.append({"type": "push", "target": thing.id, "strength": KICK_STRENGTH, "start": at})
    away = _np_dir(start, thing.position)
    norm = math.hypot(away[0], away[1]) or 1.0
    travel = 0.6 + 0.4 * (e - at)  # a generous guess at how far it rolls, so the camera keeps it in view
    thing.path.append((thing.position[0] + away[0] / norm * travel, thing.position[1] + away[1] / norm * travel,
                       thing.position[2]))


def _trail(led: list[Placed], leader: Placed, dest: list[float], s: float, e: float) -> None:
    """What ``leader`` leads and cannot follow by itself ("a duck leads her ducklings across the road"): one
    behind the other behind it, each going where it goes at its pace, and stopping behind it."""
    run = _np_dir(leader.position, dest)
    length = float((run[0] ** 2 + run[1] ** 2) ** 0.5)
    if not led or length < 1e-3:
        return
    ux, uy = run[0] / length, run[1] / length
    back = max(leader.extent[:2]) / 2 + 0.15
    for x in led:
        back += max(x.extent[:2]) / 2
        x.position = [leader.position[0] - ux * back, leader.position[1] - uy * back, x.position[2]]
        x.heading = leader.heading
        to = [dest[0] - ux * back, dest[1] - uy * back, x.position[2]]
        # all at the leader's pace, so each keeps its place in the line (a later start caught up and bumped)
        x.actions.append({"type": "move_to", "to": _vec(to), "start": s, "end": e, "easing": "ease_in_out"})
        x.path.append(tuple(to))  # type: ignore[arg-type]
        back += max(x.extent[:2]) / 2 + 0.1


def _stay_on(a: Placed, dest: list[float], actors: list[Placed]) -> list[float]:
    """A walk that starts up on something (a cat on a fence, a man on a stage) ends on it, not in the air; a
    crawl as small as a ladybird's keeps to the leaf it is on."""
    if a.position[2] < 0.05 and max(a.extent) >= 0.1:
        return dest
    under = [b for b in actors if b is not a and abs(b.position[2] + b.extent[2] - a.position[2]) < 0.05
             and abs(b.position[0] - a.position[0]) <= b.extent[0] / 2 and abs(b.position[1] - a.position[1])
             <= b.extent[1] / 2]
    if not under:
        return dest
    b = under[0]
    room = [max(b.extent[k] / 2 - max(a.extent[:2]) / 2, 0.0) for k in (0, 1)]
    return [min(max(dest[k], b.position[k] - room[k]), b.position[k] + room[k]) for k in (0, 1)] + [dest[2]]


def _np_dir(src: list[float], dst: list[float]) -> Any:
    import numpy as np

    return np.array([dst[0] - src[0], dst[1] - src[1], 0.0])


# ------------------------------------------------------------------------------------------------ planner


class OfflinePlanner:
    """Deterministic rule-based planner: no model, no network, milliseconds per prompt."""

    name = "offline"

    def plan(self, request: PlanRequest) -> PlanResult:
        """Read the prompt and lay out a scene; raises ``PlanError`` if it names nothing to show."""
        reading, ignored = read_prompt(request.prompt)
        words = tokenize(request.prompt)
        weather_words = [w for k, w in enumerate(words) if not (leaves_is_verb(words, k) or
                                                                leaves_are_things(words, k))]
        air: dict[str, Any] = atmosphere(weather_words, Environment.model_fields)  # rain, windy, foggy
        ignored = [w for w in ignored if w not in atmosphere_words()]
        found = unknown_nouns(tokenize(request.prompt), ignored, lambda w: verb_lemma(w) is not None)
        token = STAND_INS.set(found)
        try:
            if found:  # read again with a labelled placeholder for each noun nothing knows
                reading, ignored = read_prompt(request.prompt)
                ignored = [w for w in ignored if w not in atmosphere_words()]
            subs = substitutions([e.word for e in reading.entities])
        finally:
            STAND_INS.reset(token)
        notes: list[str] = [s["reason"] for s in subs if s["asset"] == "placeholder"]
        if not reading.entities:
            words = [w for w in tokenize(request.prompt) if w.isalpha()]
            letters = [ch for ch in request.prompt if ch.isalpha()]
            foreign = (len(words) >= 3 and len(ignored) >= 0.8 * len(words)) or (  # hardly a word of it is English
                sum(not ch.isascii() for ch in letters) > len(letters) / 2)  # or another script altogether
            raise PlanError(
                "the offline planner found nothing to show in the prompt"
                + (" (it reads English only, and hardly a word of this prompt is English to it)" if foreign else "")
                + "; name something such as a ball, a box, a person, a dog, a table or a tree "
                "(e.g. 'a red ball bounces next to a blue box')"
            )
        duration = request.duration or reading.duration or DEFAULT_DURATION
        if duration > MAX_DURATION:
            raise PlanError(f"the prompt asks for {duration:g} s; the longest video is {MAX_DURATION:g} s "
                            "(pass --duration to choose a length)")
        if duration <= 0:
            raise PlanError("the prompt asks for a zero-length video; pass --duration to choose a length")
        total = sum(e.count for e in reading.entities)
        if total > 60:
            raise PlanError(f"the prompt asks for {total} things; the offline planner places at most 60")
        actors = layout(reading, notes)
        events, handled = event_intents(reading, actors)
        for a in actors:  # the solver walks a sit_on's sitter to its seat: no second sit from the layout
            if any(i["type"] == "sit_on" and i["subject"] == a.id for i in events):
                a.seat_id = None
        plan_actions(reading, actors, duration, notes, skip=handled)
        intents = placement_intents(reading, actors, events) + events
        if not events:  # nothing happens to them: they still look about, take a few steps (not off their place)
            intents += _keep_alive(reading, actors)
        res = request.resolution
        aspect = (res.width / res.height) if res is not None else 16 / 9
        data: dict[str, Any] = {
            "version": 1,
            "title": " ".join(request.prompt.split())[:200],
            "prompt": request.prompt,
            "duration": duration,
            "seed": request.seed,
            "environment": {**air, "sky": reading.sky if reading.sky not in (None, "day") else air.get("sky", "day"),
                            "ground": {"material": reading.ground or air.get("ground", {}).get("material", "grass")}},
            "actors": [_actor_data(a) for a in actors],
            "camera": {"fov": DEFAULT_FOV, "shots": []},
        }
        if intents:
            data["intents"] = intents
        if request.fps is not None:
            data["fps"] = request.fps
        if res is not None:
            data["resolution"] = res.model_dump()
        # the solver moves things and physics settles them: film the world they make, not a first guess
        data["camera"]["shots"] = plan_shots(reading, actors, _world(data, notes), duration, aspect, notes)
        return PlanResult(script=_validated(data), planner=self.name, ignored_words=ignored, notes=notes,
                          substitutions=subs)


def _keep_alive(reading: Reading, actors: list[Placed]) -> list[dict[str, Any]]:
    """Pacing intents for the people and animals of a scene without events: those the prompt put somewhere
    (by the fence, under the table) only look about; the rest may take a few steps too."""
    alive = [a for a in actors if CATALOG[a.asset].kind in LIVING_KINDS]
    out = []
    for roam in (True, False):
        ids = [a.id for a in alive if (reading.entities[a.entity].relation is None and a.seat is None) == roam]
        if ids:
            out.append({"type": "keep_alive", "subjects": ids, **({} if roam else {"roam": False})})
    return out


def _validated(data: dict[str, Any]) -> SceneScript:
    try:
        return SceneScript.model_validate(data)
    except ValidationError as exc:  # a planner bug, not a user error: say so plainly, in one line
        first = exc.errors()[0]
        raise PlanError(f"the offline planner produced an invalid script ({'.'.join(map(str, first['loc']))}: "
                        f"{first['msg']}); please report the prompt") from None


def _world(data: dict[str, Any], notes: list[str]) -> Any:
    """The compiled world of a script (solved, physics baked). An intent the solver refuses (a hoop that does not
    fit on a rim the reader made up) is left out with a note, and the rest planned again; a refusal that names no
    intent is a plan error."""
    from scenes.script import ScriptError
    from scenes.timeline import compile_script

    while True:
        script = _validated(data)
        try:
            return compile_script(script.model_copy(update={"resolution": script.resolution}))
        except ScriptError as exc:
            found = re.search(r"intents\[(\d+)\]", str(exc))
            if found is None or int(found.group(1)) >= len(data.get("intents", [])):
                raise PlanError(f"the offline planner could not lay the scene out: {exc}") from None
            dropped = data["intents"].pop(int(found.group(1)))
            notes.append(f"left out a {dropped['type']} intent the solver refused: {str(exc).splitlines()[0]}")
            if not data["intents"]:
                del data["intents"]


def _actor_data(a: Placed) -> dict[str, Any]:
    out: dict[str, Any] = {"id": a.id, "asset": a.asset, "position": _vec(a.position), "scale": list(a.scale)}
    if a.colour or a.finish:
        # a finish alone keeps the asset's own colour (a ceramic figurine stays glazed white)
        look = model(a.asset)
        own = look.slots[look.main_slot].colour if look.main_slot in look.slots else (0.8, 0.8, 0.8)
        out["material"] = {"color": a.colour or "#" + "".join(f"{round(c * 255):02x}" for c in own)}
        if a.finish:
            out["material"]["finish"] = a.finish
    slots = model(a.asset).slots
    worn = {slot: {"color": colour} for slot, colour in a.garments.items() if slot in slots}
    if worn:
        out["materials"] = worn
        if a.colour and "body" in worn:  # a palette colour telling people apart gives way to what they wear
            out.pop("material", None)
    if a.heading:
        out["rotation"] = [round(a.heading, 3), 0.0, 0.0]
    if a.actions:
        out["actions"] = a.actions
    if a.physics is not None:
        out["physics"] = a.physics
    return out
