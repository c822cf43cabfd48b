"""From what the offline planner read to scene intents: cause and effect, support and arrangement.

The reader (``offline.read_prompt``) finds entities, their relations and events. Events whose meaning is
a cause and an effect ("knocks over", "falls onto", "kicks", "throws", "rolls down", "chases", "runs
around", "drives", "jumps onto", "sits on", "walk towards each other", "picks up", "holding", "carries it to",
"puts it down on", "gives it to", "rides") and relations that need support
or arrangement ("on", "under", "next to", "in a row", "stacked", "around") become intents; the solver
(``scenes.solve``) turns them into coordinates, actions and physics that really happen. One handler per
verb sense; the table ``SENSES`` says which verbs mean what. Events no handler takes stay with
the planner's own actions.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.planners.riders import LEAPS
from scenes.catalog import CATALOG

# Which verbs can mean which intent. A verb can mean several: they are tried in this table's order and the
# first sense whose conditions hold wins (its handler in HANDLERS).
SENSES: dict[str, tuple[str, ...]] = {
    "leave": ("walk", "run", "jog", "sprint", "dash", "race", "rush", "hurry", "stroll", "march", "wander", "go",
              "come", "move", "drive", "ride", "speed", "gallop", "trot", "scamper", "amble", "saunter", "stride",
              "trudge", "limp", "waddle", "step", "head", "pull", "back", "leave", "exit", "depart", "trundle",
              "cruise", "zoom", "sail", "glide", "cycle", "skate", "row", "pedal"),
    "go_past": ("walk", "run", "jog", "sprint", "dash", "race", "rush", "hurry", "stroll", "march", "wander", "go",
                "come", "move", "drive", "ride", "speed", "fly", "gallop", "trot", "canter", "scamper", "amble",
                "saunter", "stride", "trudge", "roll", "cruise", "zoom", "glide", "sail", "drift", "swim", "travel",
                "shuffle", "trundle", "pull", "pass", "overtake"),
    "knock_over": ("knock", "hit", "strike", "smash", "crash", "bump", "ram", "slam", "bowl", "topple", "roll",
                   "drive", "tumble", "flatten", "squash", "crush", "demolish", "wreck", "reverse"),
    "hit": ("throw", "toss", "hurl", "lob", "fling", "pitch", "kick", "shoot", "boot", "hit", "strike", "smash",
            "slam", "bump", "crash"),
    "fall_off": ("fall", "roll", "slide", "drop", "tumble", "bounce", "topple", "slip", "push", "knock", "kick",
                 "shove", "nudge"),
    "drop_onto": ("fall", "drop", "land", "plunge", "dive", "tumble"),
    "kick_to": ("kick", "shoot", "boot"),
    "throw_to": ("throw", "toss", "hurl", "pass", "lob", "pitch"),
    "roll_down": ("roll", "tumble", "bounce", "slide", "race", "speed", "zoom", "hurtle", "career"),
    "push": ("push", "shove", "nudge"),
    "chase": ("chase", "pursue", "follow", "fetch"),
    "sit_on": ("sit", "rest", "flop"),
    "pick_up": ("pick", "grab", "lift"),
    "hold": ("hold", "read", "eat", "drink"),  # what one reads, eats or drinks is in the hands meanwhile
    "carry": ("carry",),
    "put_down": ("put",),
    "give": ("give",),
    "ride": ("ride",),
    "jump_onto": ("jump", "leap", "hop", "climb"),
    "run_around": ("run", "jog", "sprint", "race", "dash", "walk", "circle", "orbit", "fly", "gallop", "trot",
                   "canter", "scamper"),
    "meet": ("walk", "run", "approach", "come", "go", "move", "step", "head", "meet", "roll", "slide", "collide",
             "crash"),
    "drive_along": ("drive", "travel", "race", "move", "go", "head", "cross", "ride", "speed", "cruise", "zoom",
                    "trundle", "pull", "park", "stop", "halt", "arrive", "brake", "plough", "plow", "reverse",
                    "turn", "weave", "zigzag"),
    "go_to": ("walk", "run", "jog", "sprint", "dash", "race", "go", "come", "approach", "head", "step", "move",
              "wander", "stroll", "march", "fetch", "return", "hurry", "rush", "cross", "fly", "gallop", "trot",
              "canter", "scamper", "amble", "saunter", "stride", "trudge", "limp", "waddle", "roam", "prowl",
              "shuffle", "search", "stop", "halt", "park", "pull", "arrive", "trundle", "lead", "guide", "crawl",
              "slither", "creep", "sneak", "tiptoe", "stagger", "plod", "stumble", "toddle", "scurry", "scuttle",
              "dart", "bolt", "flee"),
}


# How a thing sent at a target gets there, by the verb that sends it (``via`` of knock_over and hit).
VIA_OF = {"throw": "throw", "toss": "throw", "hurl": "throw", "lob": "throw", "fling": "throw", "pitch": "throw",
          "kick": "kick", "shoot": "kick", "boot": "kick", "drop": "drop", "fall": "drop", "land": "drop",
          "plunge": "drop", "dive": "drop"}
FALL_VERBS = ("fall", "topple", "collapse", "tumble", "crumble", "tip")  # what falls over by itself
GROUPS_THAT_FALL = ("row", "stack", "pyramid", "spiral", "circle")  # arrangements that fall as one chain
STACKED = ("stack", "pyramid")  # things on top of each other: only the bottom ones stand on what holds them


def senses_of(lemma: str) -> tuple[str, ...]:
    """Every intent a verb can mean, in the order they are tried."""
    return tuple(sense for sense, verbs in SENSES.items() if lemma in verbs)


RELATION_OF = {"on": "on", "under": "under", "beside": "next_to", "left": "left_of", "right": "right_of",
               "front": "in_front_of", "behind": "behind"}
VEHICLE_GROUPS = ("vehicles",)
TOWS = ("tow", "pull", "haul", "drag")  # "a tractor tows a trailer": what is towed comes along behind (the planner)
LEADS = ("lead", "guide")  # what is led keeps up, whoever leads it ("a duck leads her ducklings")
WALKED_WITH = ("walk", "stroll", "march", "wander", *LEADS)  # "walks his dog": it keeps up with him
# What someone in front of it faces ("standing in front of the mirror"), not the camera.
FACED_FROM_FRONT = ("mirror", "tv", "window", "whiteboard", "stove", "sink", "fireplace", "piano", "kitchen_counter",
                    "market_stall", "shop_front", "door", "fridge", "cupboard", "bookshelf", "desk", "easel")


@dataclass
class Scene:
    """What the handlers see: the reading, the placed actors, and member ids per entity."""

    reading: Any
    actors: list[Any]
    members: dict[int, list[str]]

    def spec(self, entity: int) -> Any:
        return CATALOG[self.actors_of(entity)[0].asset]

    def actors_of(self, entity: int) -> list[Any]:
        return [a for a in self.actors if a.entity == entity]

    def relation(self, entity: int) -> tuple[str, int] | None:
        rel = self.reading.entities[entity].relation
        if rel and rel[1]:
            return rel[0], rel[1][0]
        return None

    def living(self, entity: int) -> bool:
        return bool(self.spec(entity).rig)

    def named_after(self, entity: int, exclude: list[int]) -> list[int]:
        """The things named after ``entity`` (not ``exclude``, not the place it all happens in: riding along the
        beach is not riding to it)."""
        return [e for e in range(entity + 1, len(self.reading.entities)) if e in self.members
                and e not in exclude and self.spec(e).traits.place is None]


Handler = Callable[[Any, Scene], list[dict[str, Any]] | None]


def _first(scene: Scene, entity: int) -> str:
    return scene.members[entity][0]


def _target_entity(ev: Any) -> int | None:
    return ev.target if isinstance(ev.target, int) else None


def _knock_over(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    target = _target_entity(ev)
    if target is None and ev.verb in ("knock", "topple", "hit", "strike", "bowl"):
        # "knocks the first one over": the thing that can fall over (a row of dominoes, a tower of blocks)
        target = next((e for e in range(len(scene.reading.entities)) if e not in ev.subjects and e in scene.members
                       and (scene.spec(e).traits.topples or scene.reading.entities[e].count > 1)), None)
    if target is None or target in ev.subjects or scene.living(target):
        return None
    if not (scene.spec(target).traits.topples or scene.reading.entities[target].count > 1 or ev.over or ev.verb in (
            "knock", "topple") or _crashes_through(ev, scene, target)):
        return None
    return [{"type": "knock_over", "subject": _first(scene, s), "target": _first(scene, target)} for s in ev.subjects]


CRASH_VERBS = ("crash", "smash", "slam", "ram", "plough", "plow", "burst")
BRINGS_DOWN = 4.0  # metres: the longest side of something a moving thing crashing into it brings down (a fence)


def _crashes_through(ev: Any, scene: Scene, target: int) -> bool:
    """"a boulder rolls down the hill and crashes through the fence": a thing already moving that crashes into
    something it can bring down (a fence, a sign: small and not walked on, not a house) knocks it over."""
    spec = scene.spec(target)
    moving = any(set(x.subjects) == set(ev.subjects) and x.verb in SENSES["roll_down"]
                 for x in scene.reading.events[:scene.reading.events.index(ev)])
    return ev.verb in CRASH_VERBS and moving and spec.kind in ("prop", "primitive") and not spec.traits.walkable \
        and max(spec.size) <= BRINGS_DOWN and not any(scene.living(s) for s in ev.subjects)


def _can_fall(scene: Scene, entity: int) -> bool:
    """Whether something falls over when struck: a domino, a pin, or one of a row or a stack of things."""
    return scene.spec(entity).traits.topples or scene.reading.entities[entity].count > 1


def _hit(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    """"a ball is thrown at the cups", "kicks the ball against the wall", "the ball hits the wall": a thing sent at a
    target (thrown, kicked, or moving on its own), by whoever sends it; what can fall is knocked over."""
    if ev.passive:  # "is thrown at the cups": the thing is the subject, the cups the target
        thing, goal, agent = ev.subjects[0], _target_entity(ev), None
    elif all(scene.living(s) for s in ev.subjects):  # "a boy throws the ball at the cups"
        thing, goal, agent = _target_entity(ev), ev.goal, ev.subjects[0]
    elif ev.verb not in VIA_OF and scene.spec(ev.subjects[0]).traits.round:  # "the ball rolls into the wall"
        thing, goal, agent = ev.subjects[0], _target_entity(ev), None
    else:
        return None
    if thing is None or goal is None or thing == goal or scene.living(thing) or scene.living(goal):
        return None
    if agent is not None and ev.verb in SENSES["kick_to"] and _scores_in(scene, goal):
        return None  # "kicks the ball into the goal": a kick to score, not one at the goal's frame
    if scene.spec(thing).kind not in ("primitive", "prop") or scene.spec(thing).traits.walkable:
        return None
    via = VIA_OF.get(ev.verb, "throw" if ev.passive or agent is not None else "move")
    intent: dict[str, Any] = {"type": "knock_over" if _can_fall(scene, goal) else "hit",
                              "subject": _first(scene, thing), "target": _first(scene, goal), "via": via}
    if agent is not None:
        intent["agent"] = _first(scene, agent)
    return [intent]


def _fall_off(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    """"a beach ball rolls off a table", "a crate falls off a shelf onto another crate", "the box is pushed off the
    table": it starts on what it comes off, at the edge, and goes over it (onto what it lands on, if said)."""
    if not ev.passive and ev.sense.wants_target and isinstance(ev.target, int) and ev.verb not in SENSES["drop_onto"]:
        return None  # "knocks a cup off the table": the cup comes off, by the knock
    out = []
    for s in ev.subjects:
        source = scene.reading.entities[s].source
        if source is None or scene.living(s) or scene.spec(source).traits.top_support() is None or not _fits_on(
                scene.actors, s, source, scene.spec(source), len(scene.members[s]), any_thing=True):
            continue
        rel = scene.relation(s)
        onto = rel[1] if rel and rel[0] in ("on", "above", "inside") and rel[1] != source else None
        if onto is not None and rel[0] == "inside" and not _goes_in(scene, s, onto):
            onto = None
        for m in scene.members[s]:
            intent = {"type": "fall_off", "subject": m, "target": _first(scene, source)}
            if onto is not None:
                intent["onto"] = _first(scene, onto)
            out.append(intent)
    return out or None


def _goes_in(scene: Scene, thing: int, container: int) -> bool:
    """Whether ``thing`` can fall into ``container`` ("rolls off the table into a bucket"): a primitive ball the prompt
    did not size is one the bucket takes; anything else widens the container a little (or does not fit)."""
    box = scene.spec(container).traits.container
    if box is None:
        return False
    if scene.spec(thing).kind == "primitive":
        holder = scene.actors_of(container)[0]
        room = min(box.size[0] * holder.scale[0], box.size[1] * holder.scale[1])
        for a in scene.actors_of(thing):
            a.rescale(min(1.0, 0.8 * room / max(a.extent)))
        return True
    return _fits_inside(scene.actors, thing, container, scene.spec(container), len(scene.members[thing]))


def _drop_onto(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    if ev.over:  # "falls over": it tips, it is not dropped
        return None
    height = {"height": round(ev.height, 3)} if getattr(ev, "height", None) else {}  # "falls from two metres up"
    out = []
    for s in ev.subjects:
        # where it falls onto is said after the verb ("falls onto a crate"); "dominoes set up on the stairs fall"
        # stand there
        target = ev.lands if ev.lands is not None else _target_entity(ev)
        if target is None or target == s or scene.living(s):
            continue
        if scene.spec(target).traits.top_support() is None:  # nothing to land on: it strikes it as it falls
            later = scene.reading.events[scene.reading.events.index(ev) + 1:]
            knocked = any(s in x.subjects and x.target == target and x.verb in SENSES["knock_over"] for x in later)
            if knocked or (_can_fall(scene, target) and scene.spec(s).traits.round):  # "onto the first domino"
                out.append({"type": "knock_over", "subject": _first(scene, s), "target": _first(scene, target),
                            "via": "drop", **height})
            continue
        out += [{"type": "drop_onto", "subject": m, "target": _first(scene, target), **height}
                for m in scene.members[s]]
    return out or None


SCORED_IN = ("goal", "net", "hoop")  # what a ball is kicked or thrown into, to score


def _scores_in(scene: Scene, entity: int) -> bool:
    return any(w in scene.spec(entity).name for w in SCORED_IN)


def _kick_to(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    target = _target_entity(ev)
    if target is None or not any(scene.living(s) for s in ev.subjects):
        return None
    kicker = next(s for s in ev.subjects if scene.living(s))
    goal = next((e for e in range(len(scene.reading.entities)) if e not in (kicker, target) and e in scene.members
                 and _scores_in(scene, e)), None)
    if goal is None and (passes := _rally("kick_to", ev, scene, target)) is not None:
        return passes
    intent: dict[str, Any] = {"type": "kick_to", "subject": _first(scene, kicker), "object": _first(scene, target)}
    if goal is not None:
        intent["target"] = _first(scene, goal)
    return [intent]


def _catches(scene: Scene, entity: int) -> bool:
    """Whether ``entity`` is what a throw goes to: someone alive, or birds ("throws bread to the ducks": it lands
    among them, not 6 m off in an empty field the camera must then also frame)."""
    return scene.living(entity) or scene.spec(entity).kind == "bird"


def _throw_to(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    thing = _target_entity(ev)
    if thing is None or not any(scene.living(s) for s in ev.subjects) or scene.living(thing) or \
            scene.spec(thing).kind == "bird":  # "throws bread to the ducks": nobody throws a duck
        return None
    if not scene.spec(thing).traits.graspable and scene.spec(thing).kind != "primitive":
        return None  # "passes the bus stop": not something to throw
    thrower = next(s for s in ev.subjects if scene.living(s))
    if getattr(ev, "rally", False) and len(scene.members[thrower]) > 1:  # "playing tennis": to the other player
        # (one throw: the solver sets a thrown thing off from the thrower's hand once)
        return [{"type": "throw_to", "subject": scene.members[thrower][0], "object": _first(scene, thing),
                 "target": scene.members[thrower][1]}]
    catcher = next((e for e in range(len(scene.reading.entities)) if e not in (thrower, thing) and e in scene.members
                    and _catches(scene, e)), None)
    lands = _landing(scene, thing)  # "throws a frisbee and it lands on the shed", "throws a ball onto the table"
    goal: Any = _first(scene, lands) if lands is not None else _first(scene, catcher) if catcher is not None else [
        0.0, 6.0, 0.0]
    return [{"type": "throw_to", "subject": _first(scene, thrower), "object": _first(scene, thing), "target": goal}]


def _landing(scene: Scene, thing: int) -> int | None:
    """Where a thrown thing comes down, if the prompt says: what it is thrown onto, or what it then lands on."""
    rel = scene.relation(thing)
    if rel and rel[0] in ("on", "above") and rel[1] in scene.members and not scene.living(rel[1]):
        return rel[1]
    return next((ev.lands for ev in scene.reading.events if ev.subjects == [thing] and isinstance(ev.lands, int)
                 and ev.lands in scene.members and not scene.living(ev.lands)), None)


def _roll_down(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    target = _target_entity(ev)
    rel = None
    for s in ev.subjects:
        rel = scene.relation(s)
    slope = target if target is not None else (rel[1] if rel and rel[0] in ("down", "on") else None)
    if slope is None or not scene.spec(slope).traits.walkable or scene.spec(slope).size[2] < 0.15:
        return None  # down a lane, a road or a path: that is along it, not down a slope
    # "a boulder rolls down the hill": it tumbles over and over like a ball (a crate that slides, slides)
    rolling = [(m, {"rolls": True} if ev.verb in ("roll", "tumble") and not scene.spec(s).traits.round and
                scene.spec(s).group not in VEHICLE_GROUPS else {})  # a car rolls on its wheels: it slides down
               for s in ev.subjects for m in scene.members[s]
               if not scene.living(s) and scene.spec(s).name != "placeholder"]
    slopes = scene.members[slope]
    # "two balls race down two ramps": each down its own, the ramps side by side so they race abreast
    out: list[dict[str, Any]] = [{"type": "roll_down", "subject": m, "target": slopes[k % len(slopes)], **how,
                                  **({"together": True} if 0 < k < len(slopes) else {})}
                                 for k, (m, how) in enumerate(rolling)]
    if len(slopes) > 1 and len(rolling) > 1:
        out.append({"type": "arrange", "subjects": slopes[:len(rolling)], "pattern": "row"})
    return out or None


# "… until it bumps into the wall": what a pushed thing does next that says where it ends up
STOPS_AGAINST = ("bump", "hit", "strike", "crash", "smash", "slam", "reach", "touch", "ram")


def _push(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    """"a man pushes a crate across the floor", "pushes the box to the wall", "… until it bumps into the wall": a
    person walks behind the thing, pushing it, to where it is pushed (said after the verb, or by what the thing
    does next)."""
    target = _target_entity(ev)
    if target is None or scene.living(target) or not all(scene.living(s) for s in ev.subjects):
        return None
    to = ev.goal if isinstance(ev.goal, int) and ev.goal != target and not scene.living(ev.goal) else None
    later = scene.reading.events[scene.reading.events.index(ev) + 1:]
    stop = next((x for x in later if x.subjects == [target] and isinstance(x.target, int) and x.verb in STOPS_AGAINST
                 and not scene.living(x.target)), None)
    if to is None and stop is not None:
        to = stop.target
    extra = {"to": _first(scene, to)} if to is not None and to in scene.members else {}
    return [{"type": "push", "subject": _first(scene, s), "target": _first(scene, target), **extra}
            for s in ev.subjects]


def _chase(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    target = _target_entity(ev)
    if target is not None and ev.path is not None and ev.path in scene.members and _drives(scene, target) and \
            scene.spec(ev.path).traits.water is None and all(
            _drives(scene, s) for s in ev.subjects):
        # "a police car chases a sports car round the roundabout": the quarry ahead, the chasers behind, all along it
        along = _first(scene, ev.path)
        cars = [*scene.members[target], *(m for s in ev.subjects for m in scene.members[s])]
        return [{"type": "drive_along", "subject": c, "along": along, "together": k > 0} for k, c in enumerate(cars)]
    if target is None or not all(scene.living(s) or (_drives(scene, s) and _drives(scene, target))
                                 for s in ev.subjects):
        return None
    out: list[dict[str, Any]] = []
    rel = scene.relation(ev.subjects[0])
    if rel and rel[0] == "around" and scene.living(target):  # "chases the cat around the tree"
        out.append({"type": "run_around", "subject": _first(scene, target), "target": _first(scene, rel[1])})
    quarries = scene.members[target]
    chasers = [m for s in ev.subjects for m in scene.members[s]]
    # all at once, each after one of them ("three children chase the pigeons": not one after another, all one)
    out += [{"type": "chase", "subject": m, "target": quarries[n % len(quarries)], "together": bool(out) or n > 0}
            for n, m in enumerate(chasers)]
    return out


def _sit_on(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    seats = [e for e in range(len(scene.reading.entities)) if scene.spec(e).traits.seat is not None]
    out = []
    for s in ev.subjects:
        if not scene.living(s):
            continue
        rel = scene.relation(s)
        seat = _target_entity(ev)
        if seat is None and rel and rel[0] == "on":
            seat = rel[1]
        if seat is None:
            walked = [x for x in scene.reading.events if s in x.subjects and isinstance(x.target, int)
                      and x.target in seats]
            # the only seat around, unless the sitter was put somewhere else ("sits under the table")
            seat = walked[-1].target if walked else (seats[0] if len(seats) == 1 and rel is None else None)
        if seat is None or seat not in seats:
            continue
        for k, m in enumerate(scene.members[s]):
            chairs = scene.members[seat]  # a group sits down together, each on a chair of its own
            out.append({"type": "sit_on", "subject": m, "target": chairs[min(k, len(chairs) - 1)],
                        "together": bool(out)})
    return out or None


def _jump_onto(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    if getattr(ev, "on_spot", False):  # "jumps up and down on the bed": on it already, jumping where it is
        return None
    out = []
    for s in ev.subjects:
        rel = scene.relation(s)
        target = _target_entity(ev)
        if target is None and rel and rel[0] == "on":
            target = rel[1]
        if target is None or not scene.living(s) or scene.spec(target).traits.top_support() is None:
            continue
        out += [{"type": "jump_onto", "subject": m, "target": _first(scene, target)} for m in scene.members[s]]
    return out or None


def _run_around(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    out = []
    for s in ev.subjects:
        rel = scene.relation(s)
        if not rel or rel[0] != "around" or not scene.living(s):
            continue
        out += [{"type": "run_around", "subject": m, "target": _first(scene, rel[1])} for m in scene.members[s]]
    return out or None


def _meet(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    """"walk towards each other"; "two balls roll towards each other" (things collide where they meet)."""
    people = [m for s in ev.subjects if scene.living(s) for m in scene.members[s]]
    things = [m for s in ev.subjects if not scene.living(s) and scene.spec(s).traits.round for m in scene.members[s]]
    together = ev.target == "each_other" or ev.verb in ("meet", "collide")
    if not together or (len(people) < 2 and (people or len(things) < 2)):
        return None
    return [{"type": "meet", "subjects": (people or things)[:2]}]


def _drives(scene: Scene, entity: int) -> bool:
    """Whether an entity is a vehicle that drives (a car, a bus)."""
    return scene.spec(entity).group in VEHICLE_GROUPS or scene.spec(entity).name == "car"


def _drive_along(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    cars = [m for s in ev.subjects if scene.spec(s).group in VEHICLE_GROUPS or scene.spec(s).name == "car"
            for m in scene.members[s]]
    if not cars:
        return None
    target = _target_entity(ev)
    if ev.verb in STOPS and (target is None or ev.passive):
        return None  # "drives up to a house and stops", "a bus that is stopped at the stop": no drive of its own
    if ev.verb in TOWS and target is not None and scene.spec(target).group in VEHICLE_GROUPS and \
            scene.spec(target).traits.rideable is None:  # (a van that pulls up beside the taxis: not towing them)
        return None  # "a tractor pulls a trailer": it drives on with the trailer behind (not up to it)
    if target is not None and scene.spec(target).traits.water is None:
        # "drives to the house", "the bus stops at the woman": it drives up to it (boats race across the lake)
        return [{"type": "go_to", "subject": c, "target": _first(scene, target), "together": k > 0}
                for k, c in enumerate(cars)]
    path = {"along": _first(scene, ev.path)} if ev.path is not None and ev.path in scene.members and \
        scene.spec(ev.path).traits.water is None else {}  # boats on water keep to it by themselves (the lanes)
    turn = {"turn": ev.turn} if ev.turn is not None else {}  # "turns left at the crossroads", "does a U-turn"
    return [{"type": "drive_along", "subject": c, "together": k > 0, **path, **turn} for k, c in enumerate(cars)]


STOPS = ("stop", "halt", "brake", "arrive")  # verbs of a vehicle that come to a stop: a drive up to what they name
PASSING = ("pass", "overtake")  # verbs that go past their object ("a cyclist overtakes the bus")
RUNS = ("run", "jog", "sprint", "dash", "race", "rush", "hurry", "fetch", "gallop", "canter", "scamper")


def _go_past(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    """"jogs past a row of trees", "drives past the house": by all of them and on."""
    target = _target_entity(ev)
    passing = ev.verb in PASSING and target is not None and not scene.spec(target).traits.graspable
    if not (ev.past or passing) or target is None or target in ev.subjects:
        return None
    gait = "run" if ev.verb in RUNS else "walk"
    return [{"type": "go_past", "subject": m, "targets": list(scene.members[target]), "gait": gait,
             "together": n > 0} for n, m in enumerate(m for s in ev.subjects for m in scene.members[s])]


def _leave(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    """"walks away from the house", "comes out of the barn", "the car leaves the garage": from it and off. With no
    object, from where the subject was put ("a cat walks out from under the table")."""
    if not ev.away:
        return None
    target = _target_entity(ev)
    rel = scene.relation(ev.subjects[0]) if target is None else None
    if rel is not None:
        target = rel[1]
    if target is None or target in ev.subjects:
        return None
    gait = "run" if ev.verb in RUNS else "walk"
    return [{"type": "leave", "subject": m, "target": _first(scene, target), "gait": gait, "together": n > 0}
            for n, m in enumerate(m for s in ev.subjects for m in scene.members[s])]


def _go_to(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    """"walks to the tree", "the dog runs after the ball": up to something, which may be moving by then."""
    target = _target_entity(ev)
    if target is None or target in ev.subjects or not all(scene.living(s) for s in ev.subjects):
        return None
    if (ev.verb in WALKED_WITH or getattr(ev, "with_pet", False)) and scene.spec(target).kind == "animal" and all(
            scene.spec(s).kind == "character" or ev.verb in LEADS for s in ev.subjects):
        return None  # "a man walks his dog": the dog keeps up with him (the planner's own reading)
    gait = "run" if ev.verb in RUNS else "walk"
    return [{"type": "go_to", "subject": m, "target": _first(scene, target), "gait": gait, "together": n > 0}
            for n, m in enumerate(m for s in ev.subjects for m in scene.members[s])]


CHILD_SIZE = 0.7  # a held prop too big for its holder is shown this much smaller at most (a child's guitar)
HOLD_SIZE = 0.35  # metres: a box or a ball the prompt leaves unsized is one a person picks up in both hands


def _graspable(scene: Scene, holder: int, thing: int) -> bool:
    """Whether people of ``holder`` can take ``thing`` in their hands; a primitive (a box, a ball) the prompt did
    not size is scaled down to a size a person carries, as "picks up a box" means a box one can pick up."""
    if scene.spec(holder).kind != "character" or scene.living(thing) or scene.spec(thing).traits.grip is None:
        return False
    things = scene.actors_of(thing)
    person = scene.actors_of(holder)[0].extent[2]
    longest = max(things[0].extent)
    limit = scene.spec(thing).hold_limit(person)
    if longest <= limit:
        return True
    if scene.spec(thing).kind == "prop" and longest * CHILD_SIZE <= limit:  # a child's guitar is a smaller one
        for a in things:
            a.rescale(0.95 * limit / longest)  # (a margin under the solver's own limit)
        return True
    if scene.spec(thing).kind != "primitive":
        return False
    k = HOLD_SIZE / longest
    for a in things:
        a.rescale(k)
    return True


def _destination(ev: Any, scene: Scene, thing: int) -> int | None:
    """Where a carried or put-down thing goes: the place the holder or the thing is put "on" (or "beside"), else
    the next thing the prompt names after it that is neither alive, the thing itself nor in it ("… a basket of apples
    to the table")."""
    for who in (*ev.subjects, thing):
        rel = scene.relation(who)
        if rel and rel[1] != thing and rel[1] not in ev.subjects:
            return rel[1]
    return next((e for e in scene.named_after(thing, ev.subjects) if not scene.living(e)
                 and scene.relation(e) != ("inside", thing)), None)


def _standing(scene: Scene, holder: int, goal: int) -> None:
    """A holder stands a few steps from where its thing goes, in front of it (so it walks up to its front, not
    to an end), and one read as "on" that seat ("puts the ball down on the bench") does not sit there."""
    seat = scene.actors_of(goal)[0]
    for a in scene.actors_of(holder):
        if a.seat is not None and scene.actors[a.seat] is seat:
            a.seat = a.seat_id = None
        a.position = [seat.position[0] - seat.extent[0] / 2 - 2.0, seat.position[1] - 0.5, 0.0]  # 2 m off its side


def _holds(scene: Scene, holder: str, thing: str, before: int) -> bool:
    """Whether an event of the reading before ``before`` already puts ``thing`` in ``holder``'s hands."""
    return any(x.verb in SENSES["pick_up"] + SENSES["hold"] + SENSES["carry"] and isinstance(x.target, int)
               and thing in scene.members.get(x.target, []) and holder in
               [m for s in x.subjects for m in scene.members.get(s, [])]
               for x in scene.reading.events[:before])


def _hold_first(scene: Scene, ev: Any, holder: str, thing: str) -> list[dict[str, Any]]:
    """A ``hold`` intent for ``thing`` unless an earlier event puts it in ``holder``'s hands ("puts the box down"
    said of a box nobody picked up: it is in the hands from the start)."""
    if _holds(scene, holder, thing, scene.reading.events.index(ev)):
        return []
    return [{"type": "hold", "subject": holder, "object": thing}]


def _hand_event(ev: Any, scene: Scene) -> tuple[str, str, int] | None:
    """(holder id, thing id, thing entity) of an event of the hands, or ``None`` when it cannot be one."""
    thing = _target_entity(ev)
    holder = next((s for s in ev.subjects if scene.spec(s).kind == "character"), None)
    if thing is None or holder is None or not _graspable(scene, holder, thing):
        return None
    return _first(scene, holder), _first(scene, thing), thing


def _pick_up(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    """"picks up a box", "grabs the cup"."""
    found = _hand_event(ev, scene)
    if found is None:
        return None
    return [{"type": "pick_up", "subject": found[0], "object": found[1]}]


def _hold(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    """"a woman holding a cup", "holds an umbrella": in the hands from the start; "two women holding tennis
    rackets": one each."""
    found = _hand_event(ev, scene)
    if found is None:
        return None
    holders = [m for s in ev.subjects if scene.spec(s).kind == "character" for m in scene.members[s]]
    things = scene.members[found[2]]
    if len(things) > 1 and len(holders) > 1:
        return [{"type": "hold", "subject": h, "object": t} for h, t in zip(holders, things, strict=False)]
    return [{"type": "hold", "subject": found[0], "object": found[1]}]


RALLY_PASSES = 2  # passes of a ball back and forth between players who play with it ("two kids playing football")


def _rally(kind: str, ev: Any, scene: Scene, ball: int) -> list[dict[str, Any]] | None:
    """Players of a game pass the ball between them, in turn, when nothing else is its goal (kicks: the ball
    rolls to the next player, who walks up to it where it lies)."""
    players = [m for s in ev.subjects if scene.living(s) for m in scene.members[s]]
    if len(players) < 2 or not getattr(ev, "rally", False):
        return None
    return [{"type": kind, "subject": players[k % len(players)], "object": _first(scene, ball),
             "target": players[(k + 1) % len(players)]} for k in range(max(RALLY_PASSES, len(players)))]


def _taken_somewhere(ev: Any, scene: Scene) -> tuple[str, str, int | None, list[dict[str, Any]]] | None:
    """(holder, thing, destination entity, the hold it needs first) of a carry or a put-down, or ``None``."""
    found = _hand_event(ev, scene)
    if found is None:
        return None
    holder, thing, entity = found
    return holder, thing, _destination(ev, scene, entity), _hold_first(scene, ev, holder, thing)


def _carry(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    """"carries it to the table": picked up first if nothing said so, carried there and, onto a top, put down."""
    found = _taken_somewhere(ev, scene)
    if found is None:
        return None
    holder, thing, goal, first = found
    if goal is None:  # carried about: held while the holder keeps busy
        return first or [{"type": "hold", "subject": holder, "object": thing}]
    _standing(scene, ev.subjects[0], goal)
    out = [*first, {"type": "carry", "subject": holder, "object": thing, "target": _first(scene, goal)}]
    if scene.spec(goal).traits.top_support() is not None:
        out.append({"type": "put_down", "subject": holder, "object": thing, "target": _first(scene, goal)})
    return out


def _put_down(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    """"puts the box down on the table" (held from the start if nothing said it was picked up)."""
    found = _taken_somewhere(ev, scene)
    if found is None:
        return None
    holder, thing, goal, first = found
    put: dict[str, Any] = {"type": "put_down", "subject": holder, "object": thing}
    if goal is not None and scene.spec(goal).traits.top_support() is not None:
        _standing(scene, ev.subjects[0], goal)
        put["target"] = _first(scene, goal)
    return [*first, put]


def _give(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    """"gives a cup to the man", "gives the man a cup": held from the start if nothing said it was picked up."""
    target = _target_entity(ev)
    if target is None or not any(scene.spec(s).kind == "character" for s in ev.subjects):
        return None
    later = scene.named_after(target, ev.subjects)
    if scene.living(target):  # "gives the man a cup": the person first, then the thing
        thing, taker = next((e for e in later if not scene.living(e)), None), target
    else:
        thing, taker = target, next((e for e in later if scene.spec(e).kind == "character"), None)
    if thing is None or taker is None:
        return None
    giver = next(s for s in ev.subjects if scene.spec(s).kind == "character")
    if not _graspable(scene, giver, thing):
        return None
    holder, prop = _first(scene, giver), _first(scene, thing)
    give = {"type": "give", "subject": holder, "object": prop, "target": _first(scene, taker)}
    return [*_hold_first(scene, ev, holder, prop), give]


def _ride(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    """"a girl rides a horse along the beach", "rides his bicycle to the house", "a cyclist overtakes the bus",
    "a man on a motorbike drives over the bridge": the rider gets on (or is on from the start) and the mount goes
    to the target (or past it, with ``past``), along the path the prompt names (``along``)."""
    mount = ev.mount
    if mount is None or mount not in scene.members or scene.spec(mount).traits.rideable is None:
        return None
    riders = [s for s in ev.subjects if scene.spec(s).kind == "character"]
    if not riders:
        return None
    pairs = list(zip(scene.members[riders[0]], scene.members[mount], strict=False))  # "two cyclists": one bike each
    out: dict[str, Any] = {"type": "ride", "subject": pairs[0][0], "object": pairs[0][1]}
    target = _target_entity(ev)
    if target is not None and target in scene.members and target != mount and ev.verb in LEAPS:
        out["over"] = list(scene.members[target])  # "… and jumps over three parked cars"
    elif target is not None and target in scene.members and target != mount:
        out["target"] = _first(scene, target)
        if ev.past or ev.verb in PASSING:
            out["past"] = True
    if ev.path is not None and ev.path in scene.members:
        out["along"] = _first(scene, ev.path)
    return [out, *({**out, "subject": r, "object": m, "together": True} for r, m in pairs[1:])]


SELF_ACTIONS = ("wave", "dance", "jump", "spin", "bounce", "idle")  # what one does on the spot, with no target


def _then_do(ev: Any, scene: Scene) -> list[dict[str, Any]] | None:
    action = next((a for a in ev.sense.actions if a in SELF_ACTIONS), None)
    if action is None or isinstance(ev.target, int):
        return None
    doers = [m for s in ev.subjects for m in scene.members[s] if action in scene.spec(s).actions]
    return [{"type": "do", "subject": m, "action": action, "together": n > 0} for n, m in enumerate(doers)] or None


HANDLERS: dict[str, Handler] = {
    "knock_over": _knock_over, "hit": _hit, "fall_off": _fall_off, "drop_onto": _drop_onto, "kick_to": _kick_to,
    "throw_to": _throw_to,
    "roll_down": _roll_down, "push": _push, "chase": _chase, "sit_on": _sit_on, "jump_onto": _jump_onto,
    "run_around": _run_around, "meet": _meet, "drive_along": _drive_along, "go_to": _go_to, "go_past": _go_past,
    "leave": _leave,
    "pick_up": _pick_up, "hold": _hold, "carry": _carry, "put_down": _put_down, "give": _give, "ride": _ride,
}


def _active(ev: Any) -> Any:
    """A passive event with its doer named ("the cups are knocked over by a ball") read as the doer doing it."""
    if not ev.passive or ev.agent is None:
        return ev
    goal = ev.target if isinstance(ev.target, int) else ev.goal
    return dataclasses.replace(ev, subjects=[ev.agent], target=ev.subjects[0], goal=goal, passive=False, agent=None)


def _same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two intents say the same thing ("drives through the cones and knocks them over": one knock-over)."""
    def key(i: dict[str, Any]) -> tuple[Any, ...]:
        return i["type"], i.get("subject"), i.get("target"), tuple(i.get("subjects", ()))
    return key(a) == key(b)


def _merged(intents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Intents without repeats; a drop onto a thing that then knocks it over is one knock-over from above
    ("a heavy sphere drops onto a cylinder and knocks it over")."""
    out: list[dict[str, Any]] = []
    for i in intents:
        if i["type"] == "knock_over" and i.get("via", "move") == "move":
            cause = next((u for u in out if (u["type"] in ("drop_onto", "hit") or u.get("via", "move") != "move")
                          and (u["subject"], u["target"]) == (i["subject"], i["target"])), None)
            if cause is not None:  # the drop or the throw before it is how it gets there
                cause.update(type="knock_over", via=cause.get("via", "drop"))
                continue
        if i["type"] in ("knock_over", "hit") and out and out[-1]["type"] == "roll_down" and \
                out[-1]["subject"] == i["subject"]:
            i = {**i, "together": True}  # "rolls down a ramp and hits the dominoes": one motion, timed as one
        ride = next((u for u in out if i["type"] == "ride" == u["type"] and u["subject"] == i["subject"]), None)
        if ride is not None:  # one ride per rider: a later leg's goal is where it goes ("drives back … to tow it")
            for key in ("target", "past", "along", "over"):
                if key in i and key not in ride:
                    ride[key] = i[key]
            continue
        if not any(_same_event(i, u) for u in out):
            out.append(i)
    return out


SLENDER = 0.4  # width / height of a shape that a thing knocks over (a standing cylinder, a cone)
STANDING_SHAPES = ("cylinder", "cone", "capsule")  # shapes that stand upright to be knocked over (a box stays a box)
HIT_SIZE = 1.5  # the most a shape sent at something may measure, in heights of what it is sent at


def _sized_to_hit(scene: Scene, intent: dict[str, Any]) -> None:
    """A shape the prompt did not size that is sent at something much smaller is one that size ("a ball is thrown
    at a pyramid of paper cups": a ball a little bigger than a cup, not a beach ball)."""
    by_id = {a.id: a for a in scene.actors}
    mover, target = by_id[intent["subject"]], by_id[intent["target"]]
    entity = mover.entity
    if scene.spec(entity).kind != "primitive" or scene.reading.entities[entity].size != 1.0:
        return
    k = min(1.0, HIT_SIZE * target.extent[2] / max(mover.extent))
    for a in scene.actors_of(entity):
        a.rescale(k)


def _knockable(scene: Scene, intent: dict[str, Any]) -> None:
    """A shape the prompt did not size that a thing is to knock over is one it can knock over: as tall as the
    thing (struck above its middle) and slender ("a sphere drops onto a cylinder and knocks it over")."""
    by_id = {a.id: a for a in scene.actors}
    mover, target = by_id[intent["subject"]], by_id[intent["target"]]
    entity = target.entity
    if scene.living(mover.entity) or scene.spec(entity).name not in STANDING_SHAPES or \
            scene.reading.entities[entity].size != 1.0 or scene.reading.entities[entity].arrangement == "stack":
        return
    height = max(mover.extent[2], 0.3)
    for a in scene.actors_of(entity):
        k = (SLENDER * height / max(a.extent[0], 1e-6), SLENDER * height / max(a.extent[1], 1e-6),
             height / max(a.extent[2], 1e-6))
        a.scale = tuple(round(v * f, 4) for v, f in zip(a.scale, k, strict=True))
        a.extent = tuple(v * f for v, f in zip(a.extent, k, strict=True))


PILE_SIZE = 0.4  # the height of each of a pile of plain shapes something smaller smashes into, in its heights


def _pile_to_scale(scene: Scene, intent: dict[str, Any]) -> None:
    """A pile or tower of plain shapes the prompt did not size that a smaller thing or person smashes into is made of
    smaller ones ("a crate smashes into a pile of boxes": boxes it can bring down, not a wall of cubes)."""
    by_id = {a.id: a for a in scene.actors}
    mover, target = by_id[intent["subject"]], by_id[intent["target"]]
    entity = target.entity
    ent = scene.reading.entities[entity]
    if scene.spec(entity).kind != "primitive" or ent.size != 1.0 or \
            ent.arrangement not in STACKED or ent.count < 2 or target.extent[2] <= PILE_SIZE * mover.extent[2]:
        return
    k = PILE_SIZE * mover.extent[2] / target.extent[2]
    for a in scene.actors_of(entity):
        a.rescale(k)


SENT_MOVING = ("knock_over", "hit", "drop_onto", "fall_off", "roll_down")  # events whose subject the physics moves


def _absorb(by_event: dict[int, list[dict[str, Any]]], handled: set[int], kind: str, into: str,
            by: str = "subject") -> None:
    """Drop the events whose intents are all ``kind`` intents from something to a thing that an ``into`` intent
    already takes it to (its ``by`` field and its target), marking them handled."""
    covered = {(i[by], i["target"]) for made in by_event.values() for i in made
               if i["type"] == into and isinstance(i["target"], str)}
    for k in [k for k, made in by_event.items() if all(
            i["type"] == kind and (i["subject"], i["target"]) in covered for i in made)]:
        del by_event[k]
        handled.add(k)


def _up_to_knock_off(scene: Scene, intent: dict[str, Any]) -> list[dict[str, Any]]:
    """ "a cat knocks a glass off the table": an animal on the floor cannot reach a glass up on a table, so it jumps
    up onto it and the glass goes over the edge as it lands (it walked under the table and nudged the air)."""
    if intent["type"] != "knock_over" or intent.get("via", "move") != "move":
        return [intent]
    mover = _entity(scene, intent)
    target = next(a.entity for a in scene.actors if a.id == intent["target"])
    source = scene.reading.entities[target].source
    if source is None or source not in scene.members or scene.spec(mover).kind != "animal":
        return [intent]
    top = scene.spec(source).traits.top_support()
    height = scene.actors_of(mover)[0].extent[2]
    if top is None or top.height * scene.actors_of(source)[0].scale[2] < 0.6 * height or \
            "fly_to" not in scene.spec(mover).actions:
        return [intent]
    return [{"type": "fall_off", "subject": intent["target"], "target": _first(scene, source)},
            {"type": "jump_onto", "subject": intent["subject"], "target": _first(scene, source), "together": True}]


def _entity(scene: Scene, intent: dict[str, Any]) -> int:
    """The entity of an intent's (first) subject."""
    first = intent.get("subject") or intent["subjects"][0]
    return next(a.entity for a in scene.actors if a.id == first)


def _falls_by_itself(ev: Any, scene: Scene, fallen: set[str]) -> list[dict[str, Any]] | None:
    """"a tower of blocks wobbles and collapses", "dominoes fall one after another": a standing group that falls
    with nothing said to knock it over falls by itself (the solver gives it the nudge)."""
    if ev.verb not in FALL_VERBS or isinstance(ev.target, int):
        return None
    out = []
    for s in ev.subjects:
        ent = scene.reading.entities[s]
        members = scene.members.get(s, [])
        if scene.living(s) or set(members) & fallen or (ent.relation and ent.relation[0] in ("on", "above") and \
                ent.arrangement not in GROUPS_THAT_FALL):
            continue
        if (len(members) > 1 and ent.arrangement in GROUPS_THAT_FALL) or scene.spec(s).traits.topples or (
                ev.over or ev.verb in ("topple", "tip", "keel")):  # "a chair tips over": one thing falls over
            out.append({"type": "topple", "subject": members[0]})
    return out or None


def event_intents(reading: Any, actors: list[Any]) -> tuple[list[dict[str, Any]], set[int]]:
    """Intents for the reading's events, in the order they happen, and the indices of the events they stand for."""
    reading.events[:] = [_active(ev) for ev in reading.events]
    scene = Scene(reading, actors, _members(actors))
    by_event: dict[int, list[dict[str, Any]]] = {}
    handled_walks: set[int] = set()
    for k, ev in enumerate(reading.events):
        if not ev.subjects or any(s not in scene.members for s in ev.subjects):
            continue
        senses = (("knock_over",) if ev.over else ()) + senses_of(ev.verb)  # "kicks over a pile of boxes"
        if ev.mount is not None:  # a rider's travel is the ride: "a cyclist overtakes the bus"
            senses = ("ride", *senses)
        made = next((m for sense in senses if (m := HANDLERS[sense](ev, scene))), None)
        if made and made[0]["type"] in ("knock_over", "hit") and "roll_down" in senses and isinstance(ev.target, int):
            # "a toy car rolls down a ramp into a tower of blocks": down the slope first, into them at its foot
            down = _roll_down(dataclasses.replace(ev, target=None), scene)
            if down:
                made = [*down, *({**m, "together": True} for m in made)]
        if made:
            by_event[k] = made
    # what the same subjects do before or after an intent ("waves, then walks to a ball", "… and wave") is an
    # intent too, so the solver times all of it in one sequence
    for k, ev in enumerate(reading.events):
        if k in by_event or not ev.subjects or not any(
                set(reading.events[j].subjects) & set(ev.subjects) for j in by_event):
            continue
        if not any(scene.living(s) for s in ev.subjects):  # "is kicked against the wall and bounces back": a
            continue  # thing an event sets moving does the rest of its moving in the physics

        made = _then_do(ev, scene)
        if made:
            by_event[k] = made
    _absorb(by_event, handled_walks, "go_to", "knock_over")  # "reverses into a bin and tips it over": one knock
    _absorb(by_event, handled_walks, "drop_onto", "throw_to", "object")  # "… and it lands on the shed": the throw's
    _absorb(by_event, handled_walks, "go_to", "sit_on")  # "walks to the chair and sits down": the sit walks there
    intents: list[dict[str, Any]] = []
    for k in sorted(by_event):
        made = by_event[k]
        prev = k - 1
        if intents and prev in by_event and reading.events[prev].clause == reading.events[k].clause and not (
                set(reading.events[prev].subjects) & set(reading.events[k].subjects)) and made[0]["type"] != "hold":
            made = [{**made[0], "together": True}, *made[1:]]  # others in the same clause act meanwhile
        intents += made
    handled = set(by_event) | handled_walks
    intents = [x for i in _merged(intents) for x in _up_to_knock_off(scene, i)]
    for i in intents:
        if i["type"] in ("knock_over", "hit") and not scene.living(_entity(scene, i)):
            _sized_to_hit(scene, i)
        if i["type"] == "knock_over":
            _knockable(scene, i)
            _pile_to_scale(scene, i)
    # "… and they topple": what a knock-over already brings down
    fallen = {i["target"] for i in intents if i["type"] == "knock_over"}
    for k, ev in enumerate(reading.events):
        if k not in handled and ev.verb in FALL_VERBS and all(
                set(scene.members.get(s, [])) & fallen or (scene.reading.entities[s].count > 1 and any(
                    m in fallen for m in scene.members.get(s, []))) for s in ev.subjects):
            handled.add(k)
    for k, ev in enumerate(reading.events):  # what falls with no cause named falls by itself
        made = None if k in handled or not ev.subjects else _falls_by_itself(ev, scene, fallen)
        if made:
            intents += made
            handled.add(k)
            fallen |= {i["subject"] for i in made}
    # "is struck by a rolling ball", "is kicked against the wall and bounces back": a thing an event sets moving
    # does its moving from then on in the physics
    sent: dict[str, int] = {}
    for k in sorted(by_event, reverse=True):
        for i in by_event[k]:
            if i["type"] in (*SENT_MOVING, "meet") and not scene.living(_entity(scene, i)):
                sent.update({m: k for m in i.get("subjects") or [i["subject"]]})
            if i["type"] == "push":  # "pushes a crate … until it bumps into the wall": the push takes it there
                sent[i["target"]] = k
    for k, ev in enumerate(reading.events):
        if k not in handled and ev.subjects and all(m in sent and sent[m] < k for s in ev.subjects
                                                    for m in scene.members.get(s, [])):
            handled.add(k)
    dropped = {i["subject"] for i in intents if i["type"] == "drop_onto"}
    for k, ev in enumerate(reading.events):  # "drop from a tree and land on the blanket": one fall, the drop's
        if k not in handled and ev.subjects and ev.verb in SENSES["drop_onto"] and all(
                m in dropped for s in ev.subjects for m in scene.members.get(s, [])):
            handled.add(k)
    for k, ev in enumerate(reading.events):  # "wobbles and collapses": the wobble is the fall's, not a spin
        if k not in handled and ev.sense.fallback == "wobble" and any(
                m in fallen for s in ev.subjects for m in scene.members.get(s, [])):
            handled.add(k)
    # "walks to the chair and sits down": the sit walks there itself
    sits = [i for i in intents if i["type"] == "sit_on"]
    for k, ev in enumerate(reading.events):
        if k not in handled and isinstance(ev.target, int) and any(
                i["target"] in scene.members.get(ev.target, []) and i["subject"] in
                [m for s in ev.subjects for m in scene.members.get(s, [])] for i in sits):
            handled.add(k)
    return intents, handled


def placement_intents(reading: Any, actors: list[Any], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Intents for relations that need support or arrangement; subjects of events that place them
    (drops, sits, jumps, rolls) are left to those events."""
    members = _members(actors)
    moved_by_event = {i.get("subject") for i in events if i["type"] in ("drop_onto", "sit_on", "jump_onto",
                                                                         "roll_down", "run_around", "throw_to",
                                                                         "fall_off")}
    moved_by_event |= {i["object"] for i in events if i["type"] == "hold"}  # in the hands from the start
    moved_by_event |= {i["object"] for i in events if i["type"] == "throw_to"}  # in the thrower's hand
    moved_by_event |= {i["subject"] for i in events if i.get("via", "move") != "move"}  # dropped, thrown, kicked
    out: list[dict[str, Any]] = []
    for e, ent in enumerate(reading.entities):
        if e not in members:
            continue
        ids = [m for m in members[e] if m not in moved_by_event]
        spec = CATALOG[next(a for a in actors if a.entity == e).asset]
        knocked = any(i["type"] == "knock_over" and i["target"] in ids for i in events)
        if len(ids) > 1 and ent.arrangement in GROUPS_THAT_FALL and (
                ent.arrangement != "row" or spec.traits.topples or knocked):
            out.append({"type": "arrange", "subjects": ids, "pattern": ent.arrangement})
        source = members.get(ent.source) if ent.source is not None else None
        source_spec = CATALOG[next(a for a in actors if a.entity == ent.source).asset] if source else None
        if source and ids and source_spec.traits.top_support() and _fits_on(
                actors, e, ent.source, source_spec, len(ids), any_thing=True):
            # "knocks a cup off the table": it stands on what it is knocked off (where it lands is the event's)
            out += [{"type": "place", "subject": m, "relation": "on", "target": source[0]} for m in ids]
            continue
        rel = ent.relation
        if not rel or not rel[1] or rel[1][0] not in members or not ids:
            continue
        if ent.support and ent.support[1] and ent.support[1][0] in members and len(ids) == 1:
            out += _support_first(ent, e, ids[0], actors, members)  # "on the table next to the board": on it first
        anchor = members[rel[1][0]][0]
        anchor_spec = CATALOG[next(a for a in actors if a.entity == rel[1][0]).asset]
        if rel[0] == "around" and any(i["type"] == "run_around" for i in events):
            continue  # running around it is the event's business
        if rel[0] == "around" and len(ids) > 1:
            out.append({"type": "arrange", "subjects": ids, "pattern": "around", "target": anchor})
        elif rel[0] == "on" and spec.kind == "character" and anchor_spec.traits.seat is not None and not any(
                e in ev.subjects and getattr(ev, "on_spot", False) for ev in reading.events):
            continue  # a person on a seat sits on it: the planner's sit does it (a cat lies on the sofa's top)
        elif rel[0] == "on" and anchor_spec.traits.top_support() is not None and ent.arrangement not in STACKED \
                and _fits_on(actors, e, rel[1][0], anchor_spec, len(ids)):
            out += [{"type": "place", "subject": m, "relation": "on", "target": anchor} for m in ids]
        elif rel[0] == "inside" and ((anchor_spec.traits.container is not None and _fits_inside(
                actors, e, rel[1][0], anchor_spec, len(ids))) or (anchor_spec.traits.water is not None and
                                                                   bool(spec.rig))):  # (swimming in the lake)
            out += [{"type": "place", "subject": m, "relation": "inside", "target": anchor} for m in ids]
        elif rel[0] == "under" and _fits_under(actors, e, rel[1][0], anchor_spec):
            out += [{"type": "place", "subject": m, "relation": "under", "target": anchor} for m in ids]
        elif rel[0] in RELATION_OF and rel[0] not in ("on", "under") and len(ids) == 1:
            out.append({"type": "place", "subject": ids[0], "relation": RELATION_OF[rel[0]], "target": anchor})
            if spec.traits.seat is not None and anchor_spec.traits.room_under is not None:
                if rel[0] == "front" and anchor_spec.name in FACED_FROM_FRONT:  # a chair at the piano: at its keys,
                    out.insert(0, {"type": "face", "subject": anchor, "target": "camera"})  # turned to the camera
                out.append({"type": "face", "subject": ids[0], "target": anchor})  # a chair pulled up to a desk
            elif rel[0] == "front" and spec.rig and anchor_spec.name in FACED_FROM_FRONT:
                out.append({"type": "face", "subject": ids[0], "target": anchor})  # in front of the mirror: at it
    return out + _looks(reading, members, moved_by_event)


def _looks(reading: Any, members: dict[int, list[str]], moved: set[str]) -> list[dict[str, Any]]:
    """"a rabbit watches the tortoise", "staring down at two birds": the watcher turns to face what it watches."""
    out: list[dict[str, Any]] = []
    for ev in reading.events:
        if ev.sense.fallback != "look" or not isinstance(ev.target, int) or ev.target not in members:
            continue
        for s in ev.subjects:
            out += [{"type": "face", "subject": m, "target": members[ev.target][0]}
                    for m in members.get(s, []) if m not in moved and m not in members[ev.target]]
    return out


def _support_first(ent: Any, e: int, subject: str, actors: list[Any], members: dict[int, list[str]]
                   ) -> list[dict[str, Any]]:
    """The ``on`` (or ``inside``) of a thing whose later relation says beside what it stands there, when it fits."""
    name, (anchor, *_) = ent.support
    spec = CATALOG[next(a for a in actors if a.entity == anchor).asset]
    if name == "on" and spec.traits.top_support() is not None and _fits_on(actors, e, anchor, spec, 1):
        return [{"type": "place", "subject": subject, "relation": "on", "target": members[anchor][0]}]
    return []


def _fits_on(actors: list[Any], entity: int, anchor: int, anchor_spec: Any, count: int,
             any_thing: bool = False) -> bool:
    """Whether ``count`` members of ``entity`` fit on ``anchor``'s supports; a primitive (a box, a ball) that is
    too big is scaled down to fit, as "a box on the table" means a box the table can hold; with ``any_thing``, any
    thing that is not alive ("a crate falls off a shelf": a crate the shelf held)."""
    under = next(a for a in actors if a.entity == anchor)
    area = sum(s.size[0] * s.size[1] for s in anchor_spec.traits.supports) * under.scale[0] * under.scale[1]
    widest = max(min(s.size) for s in anchor_spec.traits.supports) * min(under.scale[:2])
    longest = max(max(s.size) for s in anchor_spec.traits.supports) * max(under.scale[:2])
    things = [a for a in actors if a.entity == entity]
    w, d, _ = things[0].extent
    if min(w, d) <= widest and max(w, d) <= longest and w * d * count <= area:
        return True  # turned to lie along the surface if need be (a cat along the sofa)
    spec = CATALOG[things[0].asset]
    if spec.kind != "primitive" and not (any_thing and spec.kind == "prop" and not spec.rig):
        return False
    k = min(widest / max(w, d, 1e-6), (area / max(w * d * count, 1e-6)) ** 0.5) * 0.8
    for a in things:
        a.rescale(k)
    return True


def _fits_inside(actors: list[Any], entity: int, anchor: int, anchor_spec: Any, count: int) -> bool:
    """Whether ``count`` members of ``entity`` fit in ``anchor``'s container (apples in a bowl, a duck in a tub)."""
    box = anchor_spec.traits.container
    holder = next(a for a in actors if a.entity == anchor)
    w, d, _ = next(a for a in actors if a.entity == entity).extent
    iw, id_ = box.size[0] * holder.scale[0], box.size[1] * holder.scale[1]
    rim = (CATALOG[holder.asset].size[2] - box.height) * holder.scale[2]
    thing = next(a for a in actors if a.entity == entity)
    if count == 1 and box.scaled(holder.scale).stands_upright(thing.extent, rim):
        return True  # a toothbrush in a cup stands up in it
    # a bowl *of* apples is one wide enough for them (up to 2.5 times the catalog's bowl), no deeper: they show
    k = max(1.0, max(w, d) / min(iw, id_), math.sqrt(w * d * count / (iw * id_)) * 1.15)
    if k > 2.5:
        return False
    if k > 1.0:
        holder.scale = (round(holder.scale[0] * k, 4), round(holder.scale[1] * k, 4), holder.scale[2])
        holder.extent = (holder.extent[0] * k, holder.extent[1] * k, holder.extent[2])
    return True


def _fits_under(actors: list[Any], entity: int, anchor: int, anchor_spec: Any) -> bool:
    """Whether one member of ``entity`` fits in the room under ``anchor`` (else the layout puts it in front)."""
    room = anchor_spec.traits.room_under
    if room is None:
        return False
    thing = next(a for a in actors if a.entity == entity)
    under = next(a for a in actors if a.entity == anchor)
    return all(x < r * s for x, r, s in zip(thing.extent, room, under.scale, strict=True))


def _members(actors: list[Any]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for a in actors:
        out.setdefault(a.entity, []).append(a.id)
    return out
