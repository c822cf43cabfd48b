"""The offline planner's vocabulary: the words people write, mapped to catalog assets, actions and shots.

Every entry names what it *means* (an asset, action or shot type by its catalog/schema name) plus the
closest thing that exists in the v1 schema, because the catalog grows over time. The planner checks
``scenes.catalog.CATALOG`` and the live action/shot models when it runs and uses the first choice that
exists, so the same vocabulary is right before and after new assets land.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class NounSense:
    """What a noun means: catalog names to try in order, the primitive to fall back to, and a real size (W, D, H)."""

    assets: tuple[str, ...]
    fallback: str
    size: tuple[float, float, float]
    living: str = ""  # "person", "animal" or "" (things)
    clearance: bool = False  # something can stand under it (a table, a bench, a chair)
    scale: float = 1.0  # uniform scale of the real catalog asset for this word (a figurine is a small person)
    members: tuple[str, ...] = ()  # a group noun's members by noun, the last repeated ("a family of five")
    collective: bool = False  # one of it is the whole group ("a family"), not one member ("a parent")
    plural: int = 3  # how many a bare plural names ("dogs": three; "dominoes": a set, enough to make a run)
    rides: str = ""  # the vehicle's asset a person of this kind comes with ("a cyclist": a bicycle)

    def default_count(self, plural: bool) -> int:
        """How many members a noun names when no number is given: a family is four, parents two, dogs three."""
        if self.members and (plural or self.collective):
            return len(self.members)
        return self.plural if plural else 1


def _s(assets: str, fallback: str, size: tuple[float, float, float], living: str = "",
       clearance: bool = False, scale: float = 1.0) -> NounSense:
    return NounSense(tuple(assets.split()), fallback, size, living, clearance, scale)


def _group(members: str, collective: bool = True) -> NounSense:
    """A noun that names several people of different kinds ("a family": two adults and their children)."""
    return NounSense(("person",), "capsule", (0.5, 0.3, 1.75), "person", members=tuple(members.split()),
                     collective=collective)


# Verbs that name the vehicle their subject rides ("a boy skates down the street": on a skateboard); a thing the
# prompt names for it that is of the same kind (a "little boat" one rows) is shown as this vehicle.
# Phrases of getting into or onto a vehicle ("gets into his car", "hops in the taxi", "climbs onto the bus"): read
# as the one verb "embarks" when a vehicle one rides inside or on is named next (pipeline/planners/offline.py).
BOARDING_VERBS = ("get", "climb", "hop", "jump", "step", "pile")
BOARDING_PARTICLES = ("into", "in", "on", "onto", "aboard")

RIDDEN_BY = {"skate": "skateboard", "skateboard": "skateboard", "cycle": "bicycle", "pedal": "bicycle",
             "row": "rowing_boat"}

# Props that travel facing forwards (+Y at heading 0): they turn to face the way they go.
VEHICLES = ("car",)


_PERSON = _s("person", "capsule", (0.5, 0.3, 1.75), "person")
_MAN = _s("man person", "capsule", (0.5, 0.3, 1.8), "person")
_WOMAN = _s("woman person", "capsule", (0.45, 0.3, 1.68), "person")
_CHILD = _s("child person", "capsule", (0.35, 0.25, 1.2), "person")
_TODDLER = _s("child person", "capsule", (0.27, 0.2, 0.9), "person", scale=0.7)
_DOG = _s("dog", "capsule", (0.3, 0.8, 0.6), "animal")
_CAT = _s("cat", "capsule", (0.2, 0.5, 0.3), "animal")
_HORSE = _s("horse", "box", (0.6, 2.2, 1.6), "animal")
_PUPPY = _s("dog", "capsule", (0.2, 0.6, 0.45), "animal", scale=0.65)
_KITTEN = _s("cat", "capsule", (0.12, 0.35, 0.2), "animal", scale=0.6)
_PONY = _s("horse", "box", (0.5, 1.7, 1.2), "animal", scale=0.7)
_BALL = _s("sphere", "sphere", (0.5, 0.5, 0.5))  # a toy or beach ball: visible next to a box or a dog

NOUNS: dict[str, NounSense] = {
    # people
    "person": _PERSON, "human": _PERSON, "figure": _PERSON, "someone": _PERSON, "somebody": _PERSON,
    "dancer": _PERSON, "runner": _PERSON, "pedestrian": _PERSON, "friend": _PERSON, "character": _PERSON,
    "athlete": _PERSON, "player": _PERSON, "walker": _PERSON, "stranger": _PERSON, "adult": _PERSON,
    "man": _MAN, "guy": _MAN, "gentleman": _MAN, "boy": _CHILD, "dude": _MAN, "father": _MAN, "dad": _MAN,
    "woman": _WOMAN, "lady": _WOMAN, "girl": _CHILD, "mother": _WOMAN, "mom": _WOMAN,
    "child": _CHILD, "kid": _CHILD, "toddler": _TODDLER, "baby": _TODDLER,
    "family": _group("man woman child child"), "couple": _group("man woman"),
    "parent": _group("man woman", collective=False), "crowd": _group("man woman person woman man child"),
    # animals
    "dog": _DOG, "puppy": _PUPPY, "pup": _PUPPY, "doggy": _DOG, "doggo": _DOG, "hound": _DOG, "poodle": _DOG,
    "terrier": _DOG, "retriever": _DOG,
    "cat": _CAT, "kitten": _KITTEN, "kitty": _CAT,
    "horse": _HORSE, "pony": _PONY, "stallion": _HORSE, "mare": _HORSE, "foal": _PONY,
    # props
    "table": _s("table", "box", (1.2, 0.8, 0.75), clearance=True),
    "desk": _s("desk table", "box", (1.2, 0.7, 0.75), clearance=True),
    "chair": _s("chair", "box", (0.45, 0.45, 0.9), clearance=True),
    "stool": _s("chair", "cylinder", (0.35, 0.35, 0.6)),
    "tree": _s("tree", "cone", (2.0, 2.0, 4.5), clearance=True),
    "bush": _s("bush", "sphere", (1.0, 1.0, 0.8)), "shrub": _s("bush", "sphere", (1.0, 1.0, 0.8)),
    "house": _s("house", "box", (6.0, 6.0, 5.0)), "cottage": _s("house", "box", (5.0, 5.0, 4.5)),
    "building": _s("house", "box", (8.0, 8.0, 10.0), scale=1.6),
    "cabin": _s("house", "box", (4.0, 4.0, 3.5), scale=0.75),
    "car": _s("car", "box", (1.8, 4.2, 1.45)), "taxi": _s("taxi car", "box", (1.8, 4.4, 1.5)),
    "lamppost": _s("lamp_post lamppost street_lamp", "cylinder", (0.25, 0.25, 4.0)),
    "streetlight": _s("lamp_post lamppost street_lamp", "cylinder", (0.25, 0.25, 4.0)),
    "bench": _s("bench", "box", (1.6, 0.5, 0.87), clearance=True),
    "rock": _s("rock", "sphere", (0.8, 0.7, 0.5)),
    "boulder": _s("rock", "sphere", (2.0, 1.8, 1.4), scale=1.8),
    "fence": _s("fence", "box", (3.0, 0.1, 1.1)),
    "ball": _BALL, "marble": _s("sphere", "sphere", (0.15, 0.15, 0.15)),
    "domino": dataclasses.replace(_s("domino", "box", (0.25, 0.05, 0.5)), plural=8),  # a set of dominoes
    "ramp": _s("ramp", "box", (1.0, 2.0, 0.5)),
    "stairs": _s("stairs", "box", (1.2, 2.0, 1.2)), "staircase": _s("stairs", "box", (1.2, 2.0, 1.2)),
    "steps": _s("stairs", "box", (1.2, 1.5, 0.8)),
    "wall": _s("wall", "box", (4.0, 0.2, 2.5)),
    "crate": _s("crate box", "box", (0.8, 0.8, 0.8)),
    "cup": _s("cup", "cylinder", (0.09, 0.09, 0.1)), "mug": _s("mug cup", "cylinder", (0.09, 0.09, 0.1)),
    # the catalog's figurine is a life-size ceramic person meant to be scaled down to a tabletop figure
    "figurine": _s("figurine", "capsule", (0.1, 0.1, 0.25), "person", scale=0.15),
    "statuette": _s("figurine", "capsule", (0.1, 0.1, 0.25), "person", scale=0.15),
    "statue": _s("statue figurine", "capsule", (0.6, 0.6, 2.0), scale=1.1),
    "pedestal": _s("pedestal figurine_pedestal", "cylinder", (0.3, 0.3, 0.12)),
    "plinth": _s("pedestal figurine_pedestal", "box", (0.3, 0.3, 0.12)),
    # geometric shapes (the v1 primitives themselves)
    "sphere": _s("sphere", "sphere", (1.0, 1.0, 1.0)), "orb": _s("sphere", "sphere", (1.0, 1.0, 1.0)),
    "bubble": _s("sphere", "sphere", (0.5, 0.5, 0.5)),
    "box": _s("box", "box", (1.0, 1.0, 1.0)), "cube": _s("box", "box", (1.0, 1.0, 1.0)),
    "block": _s("box", "box", (1.0, 1.0, 1.0)), "brick": _s("box", "box", (0.4, 0.2, 0.15)),
    "cylinder": _s("cylinder", "cylinder", (1.0, 1.0, 1.0)), "can": _s("cylinder", "cylinder", (0.3, 0.3, 0.45)),
    "pillar": _s("cylinder", "cylinder", (0.6, 0.6, 3.0)), "column": _s("cylinder", "cylinder", (0.6, 0.6, 3.0)),
    "drum": _s("cylinder", "cylinder", (0.6, 0.6, 0.9)), "barrel": _s("cylinder", "cylinder", (0.6, 0.6, 0.9)),
    "cone": _s("cone", "cone", (1.0, 1.0, 1.0)), "top": _s("cone", "cone", (0.6, 0.6, 0.6)),
    "capsule": _s("capsule", "capsule", (0.5, 0.5, 1.0)),
    "pill": _s("capsule", "capsule", (0.5, 0.5, 1.0)),
    "slab": _s("plane", "plane", (1.0, 1.0, 0.02)),  # ("plane" in prose is an aeroplane: the lexicon)
    "tile": _s("plane", "plane", (1.0, 1.0, 0.02)), "panel": _s("plane", "plane", (1.0, 1.0, 0.02)),
    "pyramid": _s("pyramid", "pyramid", (1.0, 1.0, 1.0)),
    "torus": _s("torus", "torus", (1.0, 1.0, 0.25)), "ring": _s("torus", "torus", (1.0, 1.0, 0.25)),
    "donut": _s("torus", "torus", (1.0, 1.0, 0.25)), "doughnut": _s("torus", "torus", (1.0, 1.0, 0.25)),
    "shape": _s("box", "box", (1.0, 1.0, 1.0)),  # (a hoop is the lexicon's basketball hoop)
    "object": _s("box", "box", (1.0, 1.0, 1.0)), "thing": _s("box", "box", (1.0, 1.0, 1.0)),
}
# Two-word nouns, read before single words.
COMPOUND_NOUNS: dict[tuple[str, str], NounSense] = {
    ("lamp", "post"): NOUNS["lamppost"], ("street", "lamp"): NOUNS["lamppost"], ("street", "light"): NOUNS["lamppost"],
    ("beach", "ball"): _s("beach_ball ball sphere", "sphere", (0.5, 0.5, 0.5)),
    ("soccer", "ball"): _s("football ball sphere", "sphere", (0.22, 0.22, 0.22)),
    ("football",): _s("football ball sphere", "sphere", (0.22, 0.22, 0.22)),
    ("basketball",): _s("basketball ball sphere", "sphere", (0.24, 0.24, 0.24)),
    ("tennis", "ball"): _s("tennis_ball ball sphere", "sphere", (0.07, 0.07, 0.07)),
    ("bowling", "ball"): _s("bowling_ball ball sphere", "sphere", (0.22, 0.22, 0.22)),
    # the light a car stops at is a traffic light's ("the car stops at the red light")
    **{(shade, "light"): _s("traffic_light", "box", (0.5, 0.5, 3.5)) for shade in ("red", "green", "amber", "stop")},
    # the balls of a table game: on a pool table (offline.POOL_BALLS)
    **{(kind, "ball"): _s("sphere", "sphere", (0.057, 0.057, 0.057)) for kind in ("cue", "pool", "snooker",
                                                                                  "billiard", "eight")},
    ("wooden", "crate"): NOUNS["crate"], ("park", "bench"): NOUNS["bench"],
    ("coffee", "cup"): NOUNS["cup"], ("coffee", "table"): _s("table", "box", (1.0, 0.6, 0.45), clearance=True),
    # a group's age said before it: each member is of that age ("an elderly couple": two old people)
    ("elderly", "couple"): _group("elderly elderly"), ("old", "couple"): _group("elderly elderly"),
    ("young", "couple"): _group("man woman"), ("young", "family"): _group("man woman toddler child"),
}
IRREGULAR_PLURALS: dict[str, str] = {
    "people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child", "kids": "kid",
    "guys": "guy", "puppies": "puppy", "ladies": "lady", "babies": "baby", "benches": "bench", "bushes": "bush",
    "boxes": "box", "torii": "torus", "tori": "torus", "dominoes": "domino", "dominos": "domino",
    "stairs": "stairs", "steps": "steps", "kitties": "kitty", "ponies": "pony", "doggies": "doggy",
    "footballs": "football", "basketballs": "basketball", "cacti": "cactus", "glasses": "glass",
    "parents": "parent", "families": "family",
}

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "ninety": 90, "hundred": 100,
}
# Count phrases: longest first. Values are bounded; MAX_COUNT caps everything.
COUNT_PHRASES: list[tuple[tuple[str, ...], int]] = [
    (("half", "a", "dozen"), 6), (("two", "dozen"), 24), (("three", "dozen"), 36), (("2", "dozen"), 24),
    (("a", "pair", "of"), 2), (("pair", "of"), 2), (("a", "couple", "of"), 2), (("couple", "of"), 2),
    (("a", "few"), 3), (("a", "handful", "of"), 4), (("a", "bunch", "of"), 6), (("a", "group", "of"), 5),
    (("a", "lot", "of"), 8), (("lots", "of"), 8), (("a", "row", "of"), 5), (("a", "line", "of"), 5),
    (("a", "circle", "of"), 6), (("a", "ring", "of"), 6), (("a", "stack", "of"), 4), (("a", "pile", "of"), 5),
    (("a", "heap", "of"), 5), (("a", "tower", "of"), 5), (("a", "pyramid", "of"), 6), (("a", "spiral", "of"), 16),
    (("a", "wall", "of"), 6),  # "a wall of stacked crates": crates built up as a wall (ARRANGEMENT_OF_COUNT)
    (("a", "flight", "of"), 1),
    (("a", "dozen"), 12), (("dozens", "of"), 24), (("hundreds", "of"), 24),
    (("thousands", "of"), 24), (("a", "crowd", "of"), 12), (("a", "team", "of"), 5),
    (("a", "pack", "of"), 4), (("a", "herd", "of"), 5), (("a", "flock", "of"), 6),
    # "his flock of sheep", "the herd of cows": the group word without its article
    (("flock", "of"), 6), (("herd", "of"), 5), (("pack", "of"), 4), (("swarm", "of"), 8), (("gaggle", "of"), 5),
    (("litter", "of"), 4), (("school", "of"), 6), (("troop", "of"), 5), (("crowd", "of"), 12),
    (("several",), 4), (("few",), 3), (("many",), 8), (("numerous",), 10), (("some",), 3), (("both",), 2),
    (("twin",), 2), (("single",), 1), (("lone",), 1), (("dozen",), 12),
]
ARRANGEMENT_OF_COUNT = {"row": "row", "line": "row", "circle": "circle", "ring": "circle", "stack": "stack",
                        "pile": "stack", "heap": "stack", "tower": "stack", "pyramid": "pyramid", "spiral": "spiral",
                        "wall": "pyramid"}
MAX_COUNT = 24  # a vague count ("hundreds of", "dozens of") shows at most this many
MAX_NAMED_COUNT = 60  # a number the prompt writes out ("fifty dominoes") is kept up to this (the planner's limit)

SIZES: dict[str, float] = {
    "tiny": 0.4, "toy": 0.12, "small": 0.6, "little": 0.6, "mini": 0.5, "miniature": 0.4, "short": 0.8, "medium": 1.0,
    "big": 1.5, "large": 1.5, "huge": 2.2, "giant": 2.8, "enormous": 2.8, "massive": 2.5, "gigantic": 3.0,
    "tall": 1.4, "oversized": 2.0, "baby": 0.5,
}
FINISH_WORDS: dict[str, str] = {
    "metal": "metal", "metallic": "metal", "steel": "metal", "iron": "metal", "aluminium": "metal",
    "aluminum": "metal", "chrome": "chrome", "chromed": "chrome", "mirror": "chrome", "shiny": "glossy",
    "glossy": "glossy", "polished": "glossy", "lacquered": "glossy", "matte": "matte", "matt": "matte",
    "rubber": "rubber", "rubbery": "rubber", "wooden": "wood", "wood": "wood", "ceramic": "ceramic",
    "porcelain": "ceramic", "clay": "ceramic", "glass": "glass", "crystal": "glass", "plastic": "plastic",
    "fabric": "fabric", "cloth": "fabric", "woolen": "fabric", "felt": "fabric", "velvet": "fabric",
    "stone": "matte", "concrete": "matte", "cardboard": "matte", "paper": "matte", "glowing": "emissive",
    "neon": "emissive", "luminous": "emissive",
}
# Material words that also imply a colour when no colour is given.
FINISH_COLOURS: dict[str, str] = {"wooden": "peru", "wood": "peru", "steel": "silver", "iron": "dimgray",
                                  "chrome": "silver", "aluminium": "silver", "aluminum": "silver",
                                  "clay": "terracotta", "porcelain": "white", "cardboard": "#b08850",
                                  "paper": "whitesmoke", "golden": "gold", "gold": "gold",
                                  "copper": "copper", "bronze": "bronze", "brass": "brass", "silver": "silver"}
METAL_COLOURS = {"golden", "gold", "silver", "copper", "bronze", "brass"}  # colour + metal finish together
COLOUR_MODIFIERS = {"light": 0.45, "pale": 0.55, "pastel": 0.5, "soft": 0.3, "dark": -0.45, "deep": -0.35,
                    "bright": 0.0, "vivid": 0.0, "hot": 0.0, "neon": 0.0, "dusty": 0.2, "royal": 0.0}
COLOUR_ALIASES = {"golden": "gold", "ginger": "chocolate", "tabby": "peru",
                  "reddish": "red", "bluish": "blue", "greenish": "green", "yellowish": "yellow",
                  "pinkish": "pink", "purplish": "purple", "orangey": "orange", "grayish": "gray", "greyish": "grey",
                  "blond": "wheat", "blonde": "wheat", "multicolored": "", "colorful": "", "colourful": ""}


@dataclass(frozen=True)
class VerbSense:
    """An action: schema action types to try in order, and the v1 action to fall back to."""

    actions: tuple[str, ...]
    fallback: str  # "bounce", "spin", "move", "orbit", "jump", "wave", "dance", "none" …
    wants_target: bool = False  # reads the next noun phrase as its target ("chases the ball")
    speed: float = 1.0  # metres per second for travel


def _v(actions: str, fallback: str, wants_target: bool = False, speed: float = 1.0) -> VerbSense:
    return VerbSense(tuple(actions.split()), fallback, wants_target, speed)


# Verbs of two words → the one verb they mean, in the same form ("takes off" → "rises").
PHRASAL_VERBS: dict[tuple[str, str], str] = {
    **{(f"{verb}{end}", "off"): f"ris{rise_end}" for verb in ("take", "lift", "blast") for end, rise_end in (
        ("", "e"), ("s", "es"))},
    ("taking", "off"): "rising", ("lifting", "off"): "rising", ("blasting", "off"): "rising", ("took", "off"): "rose",
    ("lifted", "off"): "rose", ("blasted", "off"): "rose", ("taken", "off"): "risen",
    ("touches", "down"): "lands", ("touch", "down"): "land", ("touching", "down"): "landing",
    ("touched", "down"): "landed",
    # setting off is leaving ("a cyclist sets off from home")
    ("sets", "off"): "leaves", ("set", "off"): "leave", ("setting", "off"): "leaving",
    # knocking, banging or tapping on a door is being at it, not knocking it over
    **{(f"{verb}{end}", "on"): f"tap{tap_end}" for verb in ("knock", "bang", "rap") for end, tap_end in (
        ("", ""), ("s", "s"), ("ed", "ped"), ("ing", "ping"))},
}
# what fills "a glass of water", "a cup of coffee", "a bowl of soup": the container's contents, not things to place
SUBSTANCES = frozenset({"water", "coffee", "tea", "milk", "juice", "wine", "beer", "soup", "lemonade", "cocoa",
                        "chocolate", "cereal", "porridge", "sand", "soil", "dirt", "earth", "paint", "oil", "ice",
                        "cream", "yoghurt", "yogurt", "rice", "pasta", "sugar", "flour", "salad", "stew", "popcorn"})
# at a table with no seat named: each brings a chair ("a couple sits at a table")
SIT_AT_VERBS = ("sit", "eat", "dine", "drink")
FALLING_WEATHER = ("rain", "snow", "hail", "sleet", "drizzle")  # "while rain falls": its verb is the weather's too
COLOUR_VERBS = ("painted", "coloured", "colored", "dyed", "sprayed")  # "a car painted red": its colour
COLOUR_HEDGES = ("all", "bright", "completely", "entirely", "fully", "mostly", "totally", "pure", "very")
LINED_WORDS = ("lined", "planted", "dotted", "bordered", "flanked", "edged", "full", "filled")  # "… lined with X"
WEATHER_NOUNS = ("leaves", "snowflakes", "snowflake", "raindrops")  # falling particles (the weather), not things
AWAY_VERBS = ("leave", "exit", "depart")  # they go from their object, not to it ("leaves the house")
AWAY_WORDS = ("away", "out")  # after a verb of going: from what follows ("walks away from", "comes out of")

VERBS: dict[str, VerbSense] = {
    "bounce": _v("bounce", "bounce"), "hop": _v("bounce jump", "bounce"),
    "jump": _v("jump bounce", "bounce"), "leap": _v("jump bounce", "bounce"), "skip": _v("jump bounce", "bounce"),
    "spin": _v("spin", "spin"), "rotate": _v("spin", "spin"), "twirl": _v("spin", "spin"),
    "turn": _v("spin", "spin"), "pirouette": _v("spin", "spin"), "whirl": _v("spin", "spin"),
    "walk": _v("walk_to move_to", "move", True, 1.3),
    "lead": _v("walk_to move_to", "move", True, 1.1), "guide": _v("walk_to move_to", "move", True, 1.1),
    "stroll": _v("walk_to move_to", "move", True, 1.0),
    "wander": _v("walk_to move_to", "move", True, 0.9), "march": _v("walk_to move_to", "move", True, 1.4),
    "step": _v("walk_to move_to", "move", True, 1.0), "approach": _v("walk_to move_to", "move", True, 1.2),
    "come": _v("walk_to move_to", "move", True, 1.2), "go": _v("walk_to move_to", "move", True, 1.2),
    "head": _v("walk_to move_to", "move", True, 1.2), "cross": _v("walk_to move_to", "move", True, 1.2),
    "leave": _v("walk_to move_to", "move", True, 1.3), "exit": _v("walk_to move_to", "move", True, 1.3),
    "depart": _v("walk_to move_to", "move", True, 1.3),
    "run": _v("run_to move_to", "move", True, 3.5), "jog": _v("run_to move_to", "move", True, 2.5),
    "sprint": _v("run_to move_to", "move", True, 5.0), "dash": _v("run_to move_to", "move", True, 4.0),
    "race": _v("run_to move_to", "move", True, 4.0), "rush": _v("run_to move_to", "move", True, 4.0),
    "gallop": _v("run_to move_to", "move", True, 6.0), "canter": _v("run_to move_to", "move", True, 4.0),
    "trot": _v("run_to move_to", "move", True, 2.5), "scamper": _v("run_to move_to", "move", True, 3.0),
    "hurry": _v("run_to move_to", "move", True, 3.0), "amble": _v("walk_to move_to", "move", True, 0.9),
    "saunter": _v("walk_to move_to", "move", True, 0.9), "stride": _v("walk_to move_to", "move", True, 1.5),
    "trudge": _v("walk_to move_to", "move", True, 0.8), "limp": _v("walk_to move_to", "move", True, 0.6),
    "waddle": _v("walk_to move_to", "move", True, 0.5), "roam": _v("walk_to move_to", "move", True, 0.9),
    # slow and low ("a baby crawls to the teddy", "a snake slithering across the path"), quick and small
    **{w: _v("walk_to move_to", "move", True, pace) for w, pace in (
        ("crawl", 0.4), ("slither", 0.5), ("creep", 0.5), ("sneak", 0.7), ("tiptoe", 0.6), ("stagger", 0.6),
        ("plod", 0.8), ("stumble", 0.7), ("toddle", 0.5))},
    **{w: _v("run_to move_to", "move", True, pace) for w, pace in (
        ("scurry", 2.5), ("scuttle", 2.0), ("dart", 4.0), ("bolt", 5.0), ("flee", 4.0))},
    "weave": _v("move_to", "move", True, 4.0), "zigzag": _v("move_to", "move", True, 3.0),
    "prowl": _v("walk_to move_to", "move", True, 0.8), "cruise": _v("move_to", "move", True, 5.0),
    "shuffle": _v("walk_to move_to", "move", True, 0.6), "trundle": _v("move_to", "move", True, 2.0),
    "search": _v("walk_to move_to", "move", True, 0.8), "stop": _v("walk_to move_to", "none", True, 1.0),
    "halt": _v("walk_to move_to", "none", True, 1.0), "park": _v("move_to", "move", True, 3.0),
    "pull": _v("move_to", "move", True, 4.0), "arrive": _v("walk_to move_to", "move", True, 1.2),
    "hide": _v("idle", "none"), "curl": _v("sit idle", "none"), "flop": _v("sit", "none"),
    "read": _v("idle", "none"), "practise": _v("dance jump bounce", "bounce"),
    # at work on something where they are: they face it ("children building a snowman", "mowing the lawn")
    **{w: _v("look_at turn_to", "look", True) for w in (
        "build", "cook", "mow", "dig", "paint", "wash", "clean", "sweep", "fish", "knit", "draw", "write", "type",
        "study", "chop", "sew", "fix", "repair", "plant", "iron", "bake", "stir", "scrub", "hammer", "polish",
        "tend", "rake", "shovel", "juggle", "sketch", "blow", "tap", "ring", "press", "pour", "bark",
        "trim", "strum")},
    "fight": _v("turn_to look_at", "look", True), "wrestle": _v("turn_to look_at", "look", True),
    "sniff": _v("look_at turn_to", "look", True), "eat": _v("idle", "none"), "drink": _v("idle", "none"),
    "graze": _v("idle", "none"), "peck": _v("idle", "none"),
    "practice": _v("dance jump bounce", "bounce"),
    "zoom": _v("run_to move_to", "move", True, 8.0), "overtake": _v("move_to", "move", True, 6.0),
    "pass": _v("walk_to move_to", "move", True, 1.5),
    "chase": _v("follow run_to move_to", "chase", True, 3.5), "follow": _v("follow walk_to move_to", "chase", True),
    "pursue": _v("follow run_to move_to", "chase", True, 3.5), "fetch": _v("run_to move_to", "chase", True, 3.5),
    "move": _v("move_to", "move", True, 1.0), "slide": _v("move_to", "move", True, 1.0),
    "glide": _v("move_to", "move", True, 1.0), "drift": _v("move_to", "move", True, 0.6),
    "travel": _v("move_to", "move", True, 1.5), "swim": _v("move_to", "move", True, 0.4),
    "paddle": _v("move_to", "move", True, 0.4), "sail": _v("move_to", "move", True, 1.5),
    "drive": _v("move_to", "move", True, 6.0),
    "brake": _v("move_to", "move", True, 4.0), "plough": _v("move_to", "move", True, 2.0),
    "plow": _v("move_to", "move", True, 2.0), "reverse": _v("move_to", "move", True, 2.0),
    # how vehicles go ("a fishing boat chugs back into the harbour": it stood still)
    **{w: _v("move_to", "move", True, 5.0) for w in ("chug", "putter", "speed", "whizz", "whiz", "zip",
                                                      "rumble", "roar", "swerve")},
    "roll": _v("roll move_to", "move", True, 1.5), "tumble": _v("roll move_to", "move", True, 1.5),
    "push": _v("push move_to", "push", True, 1.0), "kick": _v("push move_to", "push", True, 3.0),
    "orbit": _v("orbit", "orbit", True), "circle": _v("orbit", "orbit", True), "revolve": _v("orbit", "orbit", True),
    "fly": _v("fly_to move_to", "fly", True, 2.0), "float": _v("fly_to move_to", "fly", True, 0.5),
    "hover": _v("fly_to move_to", "fly", True, 0.3), "rise": _v("fly_to move_to", "fly", True, 0.8),
    "fall": _v("fall move_to", "fall"), "drop": _v("fall move_to", "fall"), "topple": _v("fall move_to", "fall"),
    "collapse": _v("fall move_to", "fall"), "crumble": _v("fall move_to", "fall"), "tip": _v("fall move_to", "fall"),
    "keel": _v("fall move_to", "fall"),
    "collide": _v("push", "push", True, 2.0),
    "wave": _v("wave bounce", "wave"), "greet": _v("wave bounce", "wave", True),
    "dance": _v("dance spin", "dance"), "boogie": _v("dance spin", "dance"), "celebrate": _v("dance jump", "dance"),
    "sit": _v("sit", "none"), "rest": _v("sit idle", "none"), "sleep": _v("sit idle", "none"),
    "lie": _v("sit idle", "none"), "wait": _v("idle", "none"), "stand": _v("idle", "none"),
    "idle": _v("idle", "none"), "pose": _v("idle", "none"), "stay": _v("idle", "none"),
    "look": _v("look_at turn_to", "look", True), "watch": _v("look_at turn_to", "look", True),
    "stare": _v("look_at turn_to", "look", True), "talk": _v("turn_to look_at", "look", True),
    "chat": _v("turn_to look_at", "look", True), "speak": _v("turn_to look_at", "look", True),
    "argue": _v("turn_to look_at", "look", True), "whisper": _v("turn_to look_at", "look", True),
    "converse": _v("turn_to look_at", "look", True), "gossip": _v("turn_to look_at", "look", True),
    "feed": _v("look_at turn_to", "look", True), "pet": _v("look_at turn_to", "look", True),
    "water": _v("look_at turn_to", "look", True),  # "a woman waters the flowers" (not "woman" + "waters", a sea)
    "stroke": _v("look_at turn_to", "look", True), "groom": _v("look_at turn_to", "look", True),
    "face": _v("turn_to look_at", "look", True),
    "knock": _v("push", "push", True, 3.0), "hit": _v("push", "push", True, 3.0),
    "strike": _v("push", "push", True, 3.0), "smash": _v("push", "push", True, 3.0),
    "crash": _v("push", "push", True, 3.0), "bump": _v("push", "push", True, 2.0),
    "ram": _v("push", "push", True, 3.0), "slam": _v("push", "push", True, 3.0),
    "flatten": _v("push", "push", True, 3.0), "squash": _v("push", "push", True, 3.0),
    "crush": _v("push", "push", True, 3.0),
    "demolish": _v("push", "push", True, 3.0), "wreck": _v("push", "push", True, 3.0),
    "shove": _v("push", "push", True, 1.0), "nudge": _v("push", "push", True, 0.8),
    "throw": _v("push", "push", True, 3.0), "toss": _v("push", "push", True, 3.0),
    "hurl": _v("push", "push", True, 3.0), "lob": _v("push", "push", True, 3.0),
    "climb": _v("jump", "bounce", True), "land": _v("fall move_to", "fall"), "plunge": _v("fall move_to", "fall"),
    "meet": _v("walk_to move_to", "move", True, 1.2), "ride": _v("move_to", "move", True, 4.0),
    "speed": _v("move_to", "move", True, 8.0),
    # riding verbs that name their vehicle (RIDDEN_BY): the rider rides it (pipeline/planners/riders.py)
    "skate": _v("move_to", "move", True, 3.0), "skateboard": _v("move_to", "move", True, 3.0),
    "cycle": _v("move_to", "move", True, 4.0), "pedal": _v("move_to", "move", True, 4.0),
    "row": _v("move_to", "move", True, 1.0), "tow": _v("move_to", "move", True, 2.0),
    # "gets into his car", "boards the bus": the rider gets in and the vehicle drives off (riders.py BOARDING)
    "embark": _v("move_to", "move", True, 6.0),
    "break": _v("idle", "none"),  # "the car breaks down": it stands there
    # hands (their intents: pipeline/planners/intents.py): the thing taken, held or carried is the target
    "pick": _v("pick_up", "none", True), "grab": _v("pick_up", "none", True), "lift": _v("pick_up", "none", True),
    "hold": _v("hold", "none", True), "carry": _v("hold", "move", True, 1.0), "put": _v("put_down", "none", True),
    "give": _v("give", "none", True),
    "play": _v("dance jump bounce", "bounce"), "wobble": _v("spin", "wobble"), "shake": _v("spin", "wobble"),
}
IRREGULAR_VERBS: dict[str, str] = {
    "led": "lead", "leads": "lead", "leading": "lead",
    "ran": "run", "running": "run", "flew": "fly", "flies": "fly", "flying": "fly", "fell": "fall",
    "falling": "fall", "went": "go", "goes": "go", "going": "go", "came": "come", "comes": "come",
    "coming": "come", "asleep": "sleep", "lying": "lie", "lies": "lie", "sat": "sit", "sitting": "sit", "spun": "spin",
    "spinning": "spin", "swung": "spin", "rode": "ride", "drove": "drive", "leapt": "leap", "dove": "fall",
    "stood": "stand", "standing": "stand", "slept": "sleep", "chasing": "chase", "dancing": "dance",
    "waving": "wave", "hopping": "hop", "skipping": "skip", "jogging": "jog", "dashes": "dash",
    "bouncing": "bounce", "rolling": "roll", "sliding": "slide", "gliding": "glide", "circling": "circle",
    "orbiting": "orbit", "races": "race", "racing": "race", "rising": "rise", "rose": "rise",
    "pushes": "push", "pushing": "push", "watches": "watch", "watching": "watch", "rotating": "rotate",
    "twirling": "twirl", "turning": "turn", "walking": "walk", "wandering": "wander", "moving": "move",
    "strolling": "stroll", "marching": "march", "floating": "float", "hovering": "hover", "dropping": "drop",
    "tumbling": "tumble", "toppling": "topple", "waiting": "wait", "posing": "pose", "resting": "rest",
    "sleeping": "sleep", "playing": "play", "celebrating": "celebrate", "following": "follow",
    "pursuing": "pursue", "fetching": "fetch", "approaching": "approach", "crossing": "cross",
    "sprinting": "sprint", "driving": "drive", "kicking": "kick", "wobbling": "wobble", "shaking": "shake",
    "looking": "look", "staring": "stare", "facing": "face", "greeting": "greet", "drifting": "drift",
    "travelling": "travel", "traveling": "travel", "rushing": "rush", "heading": "head", "revolving": "revolve",
    "leaping": "leap", "jumping": "jump", "stepping": "step", "boogieing": "boogie", "whirling": "whirl",
    "dives": "fall", "diving": "fall", "knocks": "knock", "knocking": "knock", "knocked": "knock",
    "hits": "hit", "hitting": "hit", "struck": "strike", "strikes": "strike", "threw": "throw",
    "throws": "throw", "throwing": "throw", "thrown": "throw", "tosses": "toss", "tossing": "toss",
    "crashes": "crash", "crashing": "crash", "smashes": "smash", "bumps": "bump", "rams": "ram",
    "climbs": "climb", "climbing": "climb", "lands": "land", "landing": "land", "meets": "meet",
    "meeting": "meet", "met": "meet", "rides": "ride", "riding": "ride", "speeds": "speed", "sped": "speed",
    "held": "hold", "gave": "give", "given": "give", "carries": "carry", "carried": "carry", "lifts": "lift",
    "grabbed": "grab",
    "skating": "skate", "skated": "skate", "cycling": "cycle", "cycled": "cycle", "pedalling": "pedal",
    "pedaling": "pedal", "rowing": "row", "rowed": "row", "towing": "tow", "towed": "tow", "broke": "break",
    "broken": "break",
    "sits": "sit", "topples": "topple", "toppled": "topple", "kicks": "kick", "kicked": "kick",
}

# Spatial relations: longest first. "between" takes two anchors (or one group of two).
RELATIONS: list[tuple[tuple[str, ...], str]] = [
    # "two women playing tennis, one on each side of the net": the net is between them (offline._either_side)
    (("one", "on", "each", "side", "of"), "either"), (("on", "each", "side", "of"), "either"),
    (("on", "either", "side", "of"), "either"), (("either", "side", "of"), "either"),
    (("on", "opposite", "sides", "of"), "either"), (("on", "both", "sides", "of"), "either"),
    (("on", "top", "of"), "on"), (("in", "front", "of"), "front"), (("to", "the", "left", "of"), "left"),
    (("to", "the", "right", "of"), "right"), (("on", "the", "left", "of"), "left"),
    (("on", "the", "right", "of"), "right"), (("next", "to"), "beside"), (("left", "of"), "left"),
    (("right", "of"), "right"), (("close", "to"), "beside"), (("alongside",), "beside"), (("near",), "beside"),
    (("beside",), "beside"), (("by",), "beside"), (("behind",), "behind"), (("in", "back", "of"), "behind"),
    (("underneath",), "under"), (("beneath",), "under"), (("under",), "under"), (("below",), "under"),
    (("in", "the", "middle", "of"), "on"), (("in", "the", "centre", "of"), "on"),
    (("in", "the", "center", "of"), "on"), (("along", "the", "top", "of"), "on"),
    (("across", "the", "top", "of"), "on"),
    (("to", "the", "top", "of"), "on"), (("at", "the", "top", "of"), "on"), (("on", "the", "top", "of"), "on"),
    (("at", "the", "edge", "of"), "beside"), (("by", "the", "edge", "of"), "beside"),
    (("at", "the", "foot", "of"), "beside"), (("at", "the", "side", "of"), "beside"),
    (("on",), "on"), (("onto",), "on"), (("upon",), "on"), (("atop",), "on"), (("above",), "above"),
    (("over",), "above"), (("around",), "around"), (("surrounding",), "around"), (("between",), "between"),
    (("among",), "around"), (("amid",), "around"), (("opposite",), "front"), (("facing",), "front"),
    (("inside", "of"), "inside"), (("inside",), "inside"), (("within",), "inside"),
    (("down",), "down"), (("off",), "off"),  # "rolls down the ramp", "rolls off the table": where it starts
]
ARRANGEMENTS: list[tuple[tuple[str, ...], str]] = [
    (("in", "a", "circle"), "circle"), (("in", "a", "ring"), "circle"), (("in", "circle"), "circle"),
    (("in", "a", "row"), "row"), (("in", "a", "line"), "row"), (("in", "row"), "row"), (("side", "by", "side"), "row"),
    (("in", "a", "stack"), "stack"), (("stacked",), "stack"), (("in", "a", "pile"), "stack"),
    (("in", "a", "tower"), "stack"), (("into", "a", "tower"), "stack"),
    (("on", "top", "of", "each", "other"), "stack"), (("on", "top", "of", "one", "another"), "stack"),
    (("lined", "up"), "row"), (("lined",), "row"), (("piled", "up"), "stack"), (("piled",), "stack"),
    (("heaped",), "stack"), (("in", "a", "spiral"), "spiral"),
    (("in", "a", "pyramid"), "pyramid"), (("into", "a", "pyramid"), "pyramid"),
    (("in", "a", "grid"), "grid"), (("in", "rows"), "grid"), (("in", "lines"), "grid"), (("scattered",), "grid"),
    (("in", "a", "column"), "column"),
]

# Camera phrases → (move, modifiers). Moves: static orbit push_in pull_out track handheld pan tilt crane zoom.
CAMERA_PHRASES: list[tuple[tuple[str, ...], str]] = [
    (("over", "the", "shoulder"), "ots"), (("over-the-shoulder",), "ots"), (("trucks", "sideways"), "truck"),
    (("truck", "shot"), "truck"), (("trucking",), "truck"),
    (("tight", "shot"), "close"), (("macro", "shot"), "close"), (("macro",), "close"), (("in", "close"), "close"),
    (("close", "up"), "close"), (("close-up",), "close"), (("closeup",), "close"), (("extreme", "close"), "close"),
    (("wide", "shot"), "wide"), (("wide", "angle"), "wide"), (("establishing", "shot"), "wide"),
    (("long", "shot"), "wide"), (("full", "shot"), "wide"), (("medium", "shot"), "medium"),
    (("wide", "of"), "wide"), (("wide", "view"), "wide"), (("medium", "of"), "medium"),  # "wide of a campsite"
    (("wide", "on"), "wide"), (("close", "on"), "close"), (("wide", "framing"), "wide"),
    (("tracking", "shot"), "track"), (("tracking",), "track"), (("tracks",), "track"), (("track",), "track"),
    (("follow", "cam"), "track"), (("following", "shot"), "track"), (("camera", "follows"), "track"),
    (("orbit", "the", "camera"), "orbit"), (("all", "the", "way", "round"), "orbit"),
    (("all", "the", "way", "around"), "orbit"), (("orbit",), "orbit"),
    (("truck", "left"), "truck"), (("truck", "right"), "truck"), (("trucks", "left"), "truck"),
    (("trucks", "right"), "truck"), (("directly", "above"), "top"), (("straight", "down"), "top"),
    (("orbit", "around"), "orbit"), (("orbits", "around"), "orbit"), (("orbiting", "shot"), "orbit"),
    (("circles", "around"), "orbit"), (("360",), "orbit"), (("turntable",), "orbit"), (("arc", "shot"), "orbit"),
    (("slow", "push", "in"), "push_in"), (("push", "in"), "push_in"), (("pushes", "in"), "push_in"),
    (("push-in",), "push_in"), (("dolly", "in"), "push_in"), (("dollies", "in"), "push_in"),
    (("zoom", "in"), "zoom_in"), (("zooms", "in"), "zoom_in"), (("moves", "closer"), "push_in"),
    (("dolly", "back", "out"), "pull_out"), (("dollies", "back", "out"), "pull_out"), (("dolly", "back"), "pull_out"),
    (("dollies", "back"), "pull_out"), (("bird's-eye",), "top"), (("birds-eye",), "top"),
    (("pull", "out"), "pull_out"), (("pulls", "out"), "pull_out"), (("pull", "back"), "pull_out"),
    (("pulls", "back"), "pull_out"), (("dolly", "out"), "pull_out"), (("zoom", "out"), "zoom_out"),
    (("zooms", "out"), "zoom_out"), (("from", "above"), "top"), (("top", "down"), "top"), (("top-down",), "top"),
    (("overhead",), "top"), (("birds", "eye"), "top"), (("bird's", "eye"), "top"), (("aerial",), "top"),
    (("drone", "shot"), "top"), (("drone", "footage"), "top"), (("drone", "view"), "top"),
    (("looking", "straight", "down"), "top"), (("looks", "straight", "down"), "top"), (("from", "below"), "low"),
    (("low", "angle"), "low"), (("low-angle",), "low"),
    (("worm's", "eye"), "low"), (("handheld",), "handheld"), (("hand-held",), "handheld"), (("shaky",), "handheld"),
    (("pan", "across"), "pan"), (("pans", "across"), "pan"), (("panning",), "pan"), (("pan",), "pan"),
    (("pans",), "pan"), (("tilt", "up"), "tilt"), (("tilts", "up"), "tilt"), (("tilt",), "tilt"),
    (("crane", "shot"), "crane"), (("crane",), "crane"), (("cranes", "up"), "crane"), (("static",), "static"),
    (("locked", "off"), "static"), (("locked-off",), "static"), (("tripod",), "static"),
    (("fixed", "camera"), "static"),
    (("still", "camera"), "static"), (("side", "view"), "side"), (("from", "the", "side"), "side"),
    (("profile", "view"), "side"), (("slow", "motion"), "slow"), (("cinematic",), "cinematic"),
]
# Shot types to try, in order, for each move; the planner falls back to v1 shots when none validates.
SHOT_CHOICES: dict[str, tuple[str, ...]] = {
    "track": ("track", "follow"), "handheld": ("handheld",), "pan": ("pan",), "tilt": ("tilt",),
    "crane": ("crane",), "zoom_in": ("zoom",), "zoom_out": ("zoom",), "truck": ("truck",),
}

SETTINGS: dict[str, tuple[str | None, str | None]] = {  # word → (sky, ground)
    "sunset": ("sunset", None), "dusk": ("sunset", None), "sunrise": ("sunset", None), "dawn": ("sunset", None),
    "evening": ("sunset", None), "twilight": ("sunset", None), "golden": (None, None),
    "night": ("night", None), "nighttime": ("night", None), "midnight": ("night", None), "moonlight": ("night", None),
    "moonlit": ("night", None), "dark": (None, None), "overcast": ("overcast", None), "cloudy": ("overcast", None),
    "rainy": ("overcast", "asphalt"), "foggy": ("overcast", None), "misty": ("overcast", None),
    "studio": ("studio", "concrete"), "day": ("day", None), "daytime": ("day", None), "noon": ("day", None),
    "morning": ("day", None), "afternoon": ("day", None), "sunny": ("day", None), "daylight": ("day", None),
    "grass": (None, "grass"), "grassy": (None, "grass"), "park": ("day", "grass"), "lawn": (None, "grass"),
    "field": (None, "grass"), "meadow": (None, "grass"), "garden": (None, "grass"), "backyard": (None, "grass"),
    "forest": (None, "grass"), "woods": (None, "grass"), "countryside": ("day", "grass"), "farm": ("day", "grass"),
    "farmyard": ("day", "grass"), "campsite": ("day", "grass"), "campground": ("day", "grass"),
    "clearing": (None, "grass"), "orchard": ("day", "grass"),
    "sand": (None, "sand"), "sandy": (None, "sand"), "beach": ("day", "sand"), "desert": ("day", "sand"),
    "dunes": (None, "sand"), "snow": (None, "snow"), "snowy": ("overcast", "snow"), "winter": ("overcast", "snow"),
    "icy": ("overcast", "snow"), "street": (None, "asphalt"), "road": (None, "asphalt"), "city": (None, "asphalt"),
    "town": (None, "asphalt"), "asphalt": (None, "asphalt"), "parking": (None, "asphalt"), "highway": (None, "asphalt"),
    "alley": (None, "asphalt"), "tiles": (None, "tiles"), "tiled": (None, "tiles"), "kitchen": ("studio", "tiles"),
    "bathroom": ("studio", "tiles"), "floor": (None, "wood"), "room": ("studio", "wood"), "indoors": ("studio", "wood"),
    "indoor": ("studio", "wood"), "office": ("studio", "tiles"), "gym": ("studio", "wood"),
    "checkerboard": (None, "checker"), "checkered": (None, "checker"), "checker": (None, "checker"),
    "chessboard": (None, "checker"), "concrete": (None, "concrete"), "warehouse": ("studio", "concrete"),
    "plaza": ("day", "concrete"), "courtyard": ("day", "concrete"), "rooftop": ("day", "concrete"),
    "playground": ("day", "sand"), "museum": ("studio", "tiles"), "gallery": ("studio", "tiles"),
}
# What a person wears → the body's material slot it colours ("a woman in a red dress": a red top).
GARMENTS: dict[str, str] = {
    "dress": "body", "shirt": "body", "t-shirt": "body", "tshirt": "body", "jacket": "body", "coat": "body",
    "sweater": "body", "jumper": "body", "hoodie": "body", "blouse": "body", "vest": "body", "uniform": "body",
    "suit": "body", "raincoat": "body", "overcoat": "body", "cardigan": "body", "tracksuit": "body",
    "skirt": "legs", "trousers": "legs", "pants": "legs", "jeans": "legs", "shorts": "legs", "leggings": "legs",
    "shoes": "shoes", "shoe": "shoes", "sneakers": "shoes", "trainers": "shoes", "boots": "shoes",
    "hat": "hat", "cap": "hat", "beanie": "hat",
}
WEARING = {"in", "wearing", "wears", "with", "dressed", "and"}  # words that may stand between person and garment

# Phrases that name a group by what it makes ("a domino run", "a block tower"): (noun, arrangement, count). The
# group is shown once; a later phrase that counts the same noun ("… fifty dominoes in a long line") is it.
GROUP_PHRASES: dict[tuple[str, ...], tuple[str, str, int]] = {
    ("domino", "run"): ("domino", "row", 12), ("domino", "chain"): ("domino", "row", 12),
    ("domino", "rally"): ("domino", "row", 12), ("domino", "effect"): ("domino", "row", 12),
    ("domino", "show"): ("domino", "row", 12), ("domino", "track"): ("domino", "row", 12),
    ("block", "tower"): ("block", "stack", 6), ("jenga", "tower"): ("block", "stack", 12),
    # traffic is cars, queued ("a car stuck in heavy traffic"): on a road (offline.TRAFFIC)
    ("heavy", "traffic"): ("car", "row", 6), ("traffic", "jam"): ("car", "row", 6),
    ("rush", "hour"): ("car", "row", 6), ("busy", "traffic"): ("car", "row", 6),
    ("toy", "tower"): ("block", "stack", 6), ("card", "tower"): ("block", "pyramid", 10),
    ("can", "pyramid"): ("can", "pyramid", 10), ("cup", "pyramid"): ("cup", "pyramid", 10),
    ("can", "tower"): ("can", "stack", 5), ("cup", "tower"): ("cup", "stack", 5),
}
# Verbs after which "over" / "down" ends the verb ("knocks them over", "pushes down the tower"), not a place.
KNOCK_DOWN_VERBS = {"knock", "push", "kick", "blow", "bowl", "topple", "tip", "shove", "bump", "pull", "bring",
                    "smash", "hit"}
BE_WORDS = {"is", "are", "was", "were", "be", "been", "being", "gets", "get", "got"}  # before a passive participle
GOAL_WORDS = {"at", "against", "into", "towards", "toward"}  # "kicks the ball against the wall": where it goes
GOAL_TO_VERBS = {"push", "shove", "nudge", "drag", "slide"}  # "pushes the crate to the wall": "to" says where it goes

SEQUENCE_MARKERS: list[tuple[str, ...]] = [
    ("and", "then"), ("after", "that"), ("afterwards",), ("afterward",), ("then",), ("finally",), ("next",),
    ("later",), ("eventually",), ("after", "which"), ("at", "the", "end"), ("in", "the", "end"),
    ("subsequently",), ("meanwhile",),
]
# Verbs whose target is within arm's reach of the subject ("feeding the pigeons", "pets the dog").
TENDING = {"feed", "pet", "stroke", "groom"}
CUDDLING = {"hold", "cuddle", "hug", "carry"}  # an animal held or hugged is at the holder's side (not in the hands)
WEATHER_WORDS = {"rain", "rains", "raining", "snow", "snows", "snowing", "pour", "pours", "pouring", "drizzle",
                 "drizzles", "drizzling", "hail", "hails", "storm", "storms", "thunder", "thunders"}  # "it rains"
PRONOUNS = {"it", "they", "them", "he", "she", "him", "her", "itself", "themselves", "everyone", "everything",
            "all", "each"}
# Parts of a body: "the dog's face", "its hooves", "at her feet" show the animal or person itself.
BODY_PARTS = {"face", "head", "hooves", "hoof", "paw", "paws", "feet", "foot", "hand", "hands", "eyes", "nose", "tail",
              "legs", "leg", "arm", "arms", "ears", "fur", "mane", "beak", "wings", "chin", "shoulder", "shoulders",
              "lap", "knee", "knees", "neck", "back", "mouth", "hair", "cheek", "fingers", "lips", "belly", "tummy",
              "chest", "ear", "eye", "toes"}
# Parts of things: "the branches of a tree", "the rim", "the roof of the house" show the thing itself.
THING_PARTS = {"branches", "branch", "rim", "roof", "surface", "lid", "handle"}
# Nouns that name no thing to show ("falls from a height", "in the distance", "for a while"): never a stand-in.
ABSTRACT_NOUNS = {"spot", "height", "distance", "while", "moment", "time", "end", "start", "beginning", "middle",
                  "way", "bit", "lot", "side", "top", "bottom", "front", "back", "edge", "corner", "centre",
                  "center", "direction", "speed", "pace", "turn", "second", "minute", "hour", "rest", "air",
                  "ground", "place", "view", "angle", "row", "line", "circle", "tower", "pile",
                  "stack", "kind", "sort", "piece", "mood", "feeling", "atmosphere", "reaction", "chain",
                  "sequence", "series", "story", "scene", "shade", "sunshine", *BODY_PARTS, *THING_PARTS}
FILLER = {*ABSTRACT_NOUNS,
    "the", "a", "an", "and", "of", "is", "are", "was", "were", "it", "its", "it's", "they", "them", "their", "while",
    "as", "in", "at", "to", "with", "then", "that", "this", "these", "those", "there", "which", "who", "slowly",
    "quickly", "gently", "fast", "slow", "video", "scene", "shot", "showing", "shows", "show", "clip", "camera", "each",
    "other", "up", "down", "very", "be", "being", "seconds", "second", "s", "sec", "secs", "for", "long",
    "lasting", "minute", "minutes", "min", "mins", "half", "from", "into", "where", "when", "both", "all",
    "together", "across", "around", "about", "along", "away", "back", "forth", "off", "out", "through", "toward",
    "towards", "onto", "past", "he", "she", "his", "her", "him", "we", "see", "view", "render", "animation",
    "film", "footage", "movie", "sequence", "lovely", "beautiful", "nice", "cute", "little", "happy", "happily",
    "playfully", "smoothly", "briefly", "just", "also", "again", "now", "first", "last", "some", "one",
    "by", "on", "under", "get", "gets", "starts", "start", "begins", "begin", "keeps", "keep", "continues",
    "continue", "i", "want", "please", "make", "create", "generate", "me", "us", "our", "my", "your",
    "here", "so", "or", "but", "not", "no", "can", "will", "should", "would", "could", "has", "have", "had",
    "do", "does", "did", "time", "times", "way", "place", "area", "side", "middle", "centre", "center", "ground",
    "other's", "eachother", "another", "set", "placed", "arranged", "positioned", "same", "like", "than", "too",
    "really", "quite",
}
