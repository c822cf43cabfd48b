"""Riders and what they ride, as the offline planner reads them.

A person who travels on something rides it: "a boy rides his skateboard down the sidewalk", "a man on a
motorbike drives over the bridge", "the farmer drives his tractor into the field", "an old man rows a boat out to
the middle of the lake". A riding verb may name the vehicle itself ("skates", "cycles", "rows": ``RIDDEN_BY``) and
a role noun may bring one ("a cyclist", "a skater": the lexicon's ``rides``). :func:`mount_riders` finds each
travelling rider's mount, adds the vehicle the words imply when the prompt names none, and marks the event with
it (``Event.mount``); its target stays where the ride goes (or what it passes), and its ``path`` what it goes
along. The intents stage then makes one ``ride`` of it (``pipeline/planners/intents.py``).

A vehicle or a rider that drives down a street or a road the setting names gets that road to drive along
(:func:`roads_for_drives`): "follow the taxi down the high street" shows the taxi on a road.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pipeline.planners.nouns import lexicon_sense, sense_of
from pipeline.planners.vocabulary import RIDDEN_BY, VERBS
from scenes.catalog import CATALOG
from scenes.lexicon import lookup_noun

BOARDING = ("embark",)  # "gets into his car", "boards the bus": the rider gets in, and the vehicle then drives
RIDING_VERBS = ("ride", "drive", "steer", *BOARDING, *RIDDEN_BY)  # verbs whose object (a rideable thing) is ridden
TRAVEL_SENSES = ("move", "chase")  # verb senses in which a mounted rider's vehicle does the travelling
LEAPS = ("jump", "leap", "hop", "vault")  # what a mounted rider's vehicle does over things in its way
TOWING = ("tow",)  # verbs whose object is another vehicle, the one the rider's vehicle comes to
RUN_INTO = ("hit", "strike", "bump", "crash", "smash", "ram")  # what a rider's vehicle runs into on its way


def _asset(entity: Any) -> str:
    return entity.sense.assets[0]


def _rideable(entity: Any) -> bool:
    spec = CATALOG.get(_asset(entity))
    return spec is not None and spec.traits.rideable is not None


def _rider(reading: Any, ev: Any) -> int | None:
    """The person (or the group of people: "two cyclists", each on their own) an event's one subject names."""
    if len(ev.subjects) != 1:
        return None
    e = ev.subjects[0]
    person = reading.entities[e]
    return e if person.sense.living == "person" and not person.sense.members else None


def _as_vehicle(entity: Any, vehicle: str) -> None:
    """Show a thing the prompt names loosely as the vehicle its verb means ("rows a little boat": a rowing boat)."""
    sense = lexicon_sense(vehicle)
    spec, wanted = CATALOG.get(_asset(entity)), CATALOG.get(vehicle)
    if sense is None or spec is None or wanted is None or spec.name == vehicle or spec.group != wanted.group:
        return
    entity.sense = dataclasses.replace(sense, size=tuple(v * entity.sense.scale for v in sense.size))


def _named(reading: Any, vehicle: str, taken: set[int]) -> int | None:
    """An entity of the ``vehicle`` asset the prompt names (before or after: "… falls off his skateboard")."""
    return next((k for k, e in enumerate(reading.entities) if _asset(e) == vehicle and k not in taken), None)


def _brought(reading: Any, vehicle: str, count: int = 1) -> int | None:
    """A new entity for a vehicle the words imply ("a cyclist": a bicycle), or ``None`` if the catalog lacks it."""
    sense = lexicon_sense(vehicle)
    if sense is None or CATALOG.get(vehicle) is None or CATALOG[vehicle].traits.rideable is None:
        return None
    from pipeline.planners.offline import Entity  # the reader's own record (imported late: offline imports us)

    reading.entities.append(Entity(vehicle, sense, count=count))  # one each
    return len(reading.entities) - 1


def _mount_of(reading: Any, ev: Any, rider: int, taken: set[int]) -> int | None:
    """What ``rider`` rides in ``ev``: the rideable thing a riding verb names, the one the rider is on ("a rider on a
    motorbike"), the vehicle the verb or the rider's role names (found in the prompt, else brought), or ``None``."""
    person = reading.entities[rider]
    vehicle = RIDDEN_BY.get(ev.verb)
    target = ev.target if isinstance(ev.target, int) else None
    if target is not None and person.sense.rides and _asset(reading.entities[target]) != person.sense.rides and \
            _drives(reading, target):
        # "two cyclists riding …, with a tractor coming the other way": on their bicycles, not riding at it
        target = None
        if any(x.subjects == [ev.target] for x in reading.events if x is not ev):
            ev.target = None
    if target is not None and ev.verb in RIDING_VERBS:
        if vehicle is not None:
            _as_vehicle(reading.entities[target], vehicle)
        if _rideable(reading.entities[target]):
            return target
    if ev.verb in BOARDING and target is None:  # "the bus arrives, she gets on": the vehicle named before
        return next((k for k in range(len(reading.entities) - 1, -1, -1) if k not in taken and k != rider
                     and _rideable(reading.entities[k]) and not reading.entities[k].sense.living), None)
    if person.relation and person.relation[0] == "on" and _rideable(reading.entities[person.relation[1][0]]):
        mount = person.relation[1][0]
        person.relation = None  # the ride puts the rider on it
        return mount
    if ev.sense.fallback not in TRAVEL_SENSES and ev.verb not in LEAPS:
        return None
    kind = person.modifier if person.modifier in CATALOG and CATALOG[person.modifier].traits.rideable else None
    vehicle = vehicle or kind or person.sense.rides or None  # "a horse rider" rides a horse, not a bicycle
    if vehicle is None:
        return None
    named = _named(reading, vehicle, taken)
    return named if named is not None else _brought(reading, vehicle, person.count)


def _rider_and_mount_together(reading: Any, ev: Any) -> None:
    """"A horse and rider gallop down the beach": one ride, the rider (a person whose role rides) on the animal,
    not a rider running beside a riderless horse with a bicycle brought for him."""
    if len(ev.subjects) != 2:
        return
    people = [s for s in ev.subjects if reading.entities[s].sense.living == "person" and reading.entities[s].sense.rides
              and reading.entities[s].count == 1]
    animals = [s for s in ev.subjects if _rideable(reading.entities[s]) and CATALOG[_asset(reading.entities[s])].rig]
    if len(people) == 1 and len(animals) == 1:
        ev.subjects = people
        reading.entities[people[0]].relation = ("on", animals)


def _passed(reading: Any, ev: Any, mount: int) -> int | None:
    """What a ride whose verb took the mount as its object goes to or past: the next thing named after the mount
    that is not its path ("rides his bicycle to the house", "… down the sidewalk, past a fire hydrant")."""
    if ev.goal is not None:
        return ev.goal
    named = {e for clause, e in reading.mentions if clause == ev.clause}  # in the same clause: not the next shot's
    return next((k for k in range(mount + 1, len(reading.entities)) if k in named and k != ev.path
                 and k not in ev.subjects
                 and not reading.entities[k].sense.living and not _rideable(reading.entities[k])
                 and reading.entities[k].relation is None), None)


def _leapt(reading: Any, ev: Any, rider: int, mount: int) -> int | None:
    """What a rider's vehicle jumps over: the anchor of an ``across`` ("jumps over") the reader gave the rider, the
    mount or the thing the ride went to (the ramp it speeds up), which then stands where it stood."""
    for k in (rider, mount, *(x.target for x in reading.events if x.mount == mount and isinstance(x.target, int))):
        rel = reading.entities[k].relation
        if rel and rel[0] == "across" and rel[1]:
            reading.entities[k].relation = None
            return rel[1][0]
    return ev.target if isinstance(ev.target, int) and ev.target != mount else None


def _chased_riders_ride(reading: Any) -> None:
    """ "A dog chases a cyclist down the lane": the cyclist rides off down it, and the dog chases the ride (he
    ran beside his bicycle)."""
    for ev in list(reading.events):
        quarry = ev.target if isinstance(ev.target, int) else None
        if ev.sense.fallback != "chase" or quarry is None or not reading.entities[quarry].sense.rides or \
                any(x.subjects == [quarry] for x in reading.events):
            continue
        ride = type(ev)([quarry], "ride", VERBS["ride"], ev.clause, path=ev.path)
        reading.events.insert(reading.events.index(ev), ride)


def mount_riders(reading: Any) -> None:
    """Mark every travel of a rider with what it rides (``Event.mount``), adding vehicles the words imply."""
    _chased_riders_ride(reading)
    mounts: dict[int, int] = {}  # rider -> mount, once found: later travels are on it too
    for ev in reading.events:
        _rider_and_mount_together(reading, ev)
        rider = _rider(reading, ev)
        if rider is None:
            continue
        mount, was_on = mounts.get(rider), reading.entities[rider].relation
        if mount is None or (isinstance(ev.target, int) and ev.target != mount and ev.verb in RIDING_VERBS
                             and _rideable(reading.entities[ev.target])):
            mount = _mount_of(reading, ev, rider, set(mounts.values()))
        if mount is None:
            continue
        if ev.target == mount and ev.verb in TOWING:  # "drives back with his tractor to tow it": the broken-down car
            ev.target = next((k for k in range(len(reading.entities) - 1, -1, -1) if k not in (mount, rider)
                              and _drives(reading, k)), None)
        elif ev.target == mount:
            ev.target = _passed(reading, ev, mount)
        elif ev.verb in RUN_INTO and isinstance(ev.target, int) and rider in mounts:
            pass  # "skates down the pavement, hits a rock": the ride runs into it
        elif ev.verb in LEAPS:  # "… and jumps over three parked cars": the vehicle leaps them
            ev.target = _leapt(reading, ev, rider, mount)
            if ev.target is None:  # "a girl on a pony jumps": no ride over anything, but still on the pony
                reading.entities[rider].relation = was_on
                continue
        elif ev.sense.fallback not in (*TRAVEL_SENSES, "fly") and ev.verb not in RIDING_VERBS:
            reading.entities[rider].relation = was_on  # "… and waves": not a ride (still on what it is on)
            continue  # ("a kid on a sledge flying down a hill": a ride)
        mounts[rider] = mount
        ev.mount = mount
        reading.entities[mount].size = max(reading.entities[mount].size, 1.0)  # "a little boat" still seats him
    reading.events = [ev for k, ev in enumerate(reading.events) if not _boards_before_ride(reading, k)
                      and not _driven_after_boarding(reading, k)]
    for k, person in enumerate(list(reading.entities)):  # "a cyclist waiting at the lights": with his bicycle
        if person.sense.rides and k not in mounts and (person.relation is None or person.relation[0] != "on") \
                and _named(reading, person.sense.rides, set(mounts.values())) is None:
            bike = _brought(reading, person.sense.rides, person.count)
            if bike is not None:
                reading.entities[bike].relation = ("beside", [k])


def _driven_after_boarding(reading: Any, k: int) -> bool:
    """Whether event ``k`` is a boarded vehicle's own travel ("she gets on and the bus drives off"): the ride the
    boarding makes drives it, so it is not a travel of its own (what it goes to or along passes to the ride)."""
    ev = reading.events[k]
    boarding = next((b for b in reading.events[:k] if b.verb in BOARDING and b.mount is not None
                     and ev.subjects == [b.mount]), None)
    if boarding is None or ev.sense.fallback not in TRAVEL_SENSES:
        return False
    boarding.target = boarding.target if boarding.target is not None else ev.target
    boarding.path = boarding.path if boarding.path is not None else ev.path
    return True


def _boards_before_ride(reading: Any, k: int) -> bool:
    """Whether event ``k`` is a boarding ("gets into his car") that a later ride on the same mount by the same rider
    goes on with ("… and drives away"): that ride gets in first, so the boarding is not a ride of its own."""
    ev = reading.events[k]
    return ev.verb in BOARDING and ev.mount is not None and any(
        later.mount == ev.mount and later.subjects == ev.subjects for later in reading.events[k + 1:])


def roads_for_drives(reading: Any) -> None:
    """A road for each drive down a street the setting names ("a taxi drives down the high street"), when the
    prompt names no road of its own: one road, shared by every drive that asks for it."""
    for ev in reading.events:
        drives = ev.mount is not None or any(_drives(reading, s) for s in ev.subjects)
        if drives and ev.path is None and isinstance(ev.target, int) and ev.sense.fallback == "move" and \
                _asset(reading.entities[ev.target]) == "road":
            ev.path, ev.target = ev.target, None  # "drives through the city streets": along them, not up to them
        for sub in ev.subjects if drives and ev.path is None and ev.sense.fallback == "move" else ():
            rel = reading.entities[sub].relation  # "drives down a long country road": along it (it drove beside)
            if rel and rel[0] in ("down", "on") and rel[1] and _asset(reading.entities[rel[1][0]]) == "road":
                ev.path, reading.entities[sub].relation = rel[1][0], None
        if not ev.road or ev.path is not None or not drives:
            continue
        road = _the_road(reading)
        if road is None:
            return
        ev.path = road


def roads_for_streets(reading: Any) -> None:
    """A street or road setting ("red double-decker bus, rainy London street") has its road: the vehicles that
    stand nowhere else stand on it, and those that drive with no way named drive along it (the bus stood on
    grass)."""
    if not reading.street:
        return
    travelling = {s for ev in reading.events if ev.path is not None or ev.target is not None for s in ev.subjects}
    travelling |= {ev.mount for ev in reading.events if ev.mount is not None}  # ridden: it goes where its rider does
    # what things lie under keeps its place among them (a ball rolls under the parked car)
    anchors = {a for e in reading.entities if e.relation and e.relation[0] == "under" for a in e.relation[1]}
    idle = [k for k, e in enumerate(reading.entities) if _drives(reading, k) and e.relation is None
            and e.source is None and k not in travelling and k not in anchors]
    if not idle:
        return
    road = _the_road(reading)
    if road is None:
        return
    for k in idle:
        drives = [ev for ev in reading.events if k in ev.subjects and ev.sense.fallback == "move"]
        for ev in drives:
            ev.path = road
        if not drives:
            reading.entities[k].relation = ("on", [road])


def _the_road(reading: Any) -> int | None:
    """The prompt's road, or a new one (None if the lexicon has none)."""
    road = next((k for k, e in enumerate(reading.entities) if _asset(e) == "road"), None)
    if road is not None:
        return road
    entry = lookup_noun("road")
    sense = sense_of(entry) if entry is not None else None  # (a setting word: not lexicon_sense's)
    if sense is None:
        return None
    from pipeline.planners.offline import Entity

    reading.entities.append(Entity("road", sense))
    return len(reading.entities) - 1


def _drives(reading: Any, entity: int) -> bool:
    """Whether an entity is a vehicle that drives itself (a car, a bus, a taxi)."""
    return drives_itself(_asset(reading.entities[entity]))


def drives_itself(name: str) -> bool:
    """Whether the asset ``name`` is a vehicle that drives on land (not a boat, not an aircraft)."""
    spec = CATALOG.get(name)
    return spec is not None and spec.group == "vehicles" and not spec.traits.buoyant and not spec.traits.flies
