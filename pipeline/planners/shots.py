"""Shots for the offline planner, planned on the compiled (solved, simulated) world.

A prompt's clauses become *beats*: a beat is one shot, cut where the prompt asks for a shot ("shot 2:",
"in three shots"), where a clause names a camera move, and in a long story where the action passes to other
subjects. Each beat films its *focus*: the things that act in its clauses (or, with no action, the things it
names), leaving out backdrops (the lake a duck swims on, the table a cup stands on, a street) that would
shrink the subject to a speck. A subject that travels is followed by a track; otherwise a fixed camera
frames the focus, tightened round the smallest subject and its neighbours when framing all of them would
leave it under ``MIN_VISIBLE`` of the frame. Asked sizes ("close-up", "medium shot", "wide shot") become
framing intents, which the solver and the camera compiler place and the world check verifies.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from pipeline.planners.base import first_valid, shot_models
from pipeline.planners.vocabulary import SHOT_CHOICES
from scenes.camera import framing_distance, share_distance
from scenes.catalog import CATALOG
from scenes.motion import heading_of

if TYPE_CHECKING:
    from pipeline.planners.offline import Placed, Reading
    from scenes.timeline import Timeline

DEFAULT_FOV = 50.0
MIN_VISIBLE = 0.015  # share of the frame a followed subject's box should cover
SPECK = 0.012  # a fixed camera is tightened when its smallest subject's box would cover less than this share
WIDEST = 0.012  # a track widens to keep companions in frame until its subject's box covers this share
MAX_SHARE = 0.5  # a fixed camera never frames its focus taller than this share of the frame unless asked
BACKDROP_RATIO = 3.0  # an anchor this many times bigger than what relates to it is a backdrop, not a subject
TRACK_FAR = 25.0  # metres a subject travels in a beat beyond which it is followed even if a fixed view holds it
TRACK_TRAVEL = 3.0  # metres a subject travels within a beat before the camera follows it
STORY_CUTS = 15.0  # seconds: a video at least this long cuts when the action passes to other subjects
SIZES = {"close": "close_up", "medium": "medium", "wide": "wide"}
BACKDROP_GROUPS = ("terrain", "water", "buildings")


@dataclass(frozen=True)
class Beat:
    """One shot's share of the prompt: its time span, the clauses it shows and the camera words they say."""

    start: float
    end: float
    clauses: tuple[int, ...]
    moves: tuple[str, ...]


# -------------------------------------------------------------------------------------------------- beats


def beats(reading: Reading, actors: list[Placed], duration: float) -> list[Beat]:
    """Where the cuts fall and what each shot shows."""
    n = max(reading.clauses, 1)
    span = duration / n
    moves: dict[int, list[str]] = {}
    for clause, move in reading.camera:
        moves.setdefault(clause, []).append(move)
    if reading.shot_count and reading.shot_count > 1 and not reading.shot_marks:
        k = reading.shot_count
        firsts = _shot_firsts(n, k, moves)
        out = []
        for j in range(k):
            s, e = duration * j / k, duration * (j + 1) / k
            if j < len(firsts):
                clauses = tuple(range(firsts[j], firsts[j + 1] if j + 1 < len(firsts) else n))
            else:  # more shots than clauses: the last clause goes on in them
                clauses = (n - 1,)
            asked = [m for c in clauses for m in moves.get(c, [])] if j < len(firsts) else []
            out.append(Beat(round(s, 3), round(e, 3), clauses, tuple(asked)))
        return out
    starts = set(moves) | set(reading.shot_marks) | {0}
    if duration >= STORY_CUTS and not moves and not reading.shot_marks:
        starts |= _story_cuts(reading, actors)
    ordered = sorted(c for c in starts if c < n)
    out = []
    for j, c in enumerate(ordered):
        last = ordered[j + 1] if j + 1 < len(ordered) else n
        s, e = c * span, (last * span if j + 1 < len(ordered) else duration)
        out.append(Beat(round(s, 3), round(e, 3), tuple(range(c, last)), tuple(moves.get(c, []))))
    return out


def _shot_firsts(n: int, k: int, moves: dict[int, list[str]]) -> list[int]:
    """The first clause of each of ``k`` asked shots ("in three shots: a close-up of …; the camera dollies back
    …; then …"): a clause that names a camera move opens a shot (the dolly was cut into the close-up's time), the
    rest spread evenly over the clauses."""
    firsts = sorted({0} | {c for c in moves if c < n})[:k]
    for j in range(k):
        if len(firsts) >= min(k, n):
            break
        c = round(j * n / k)
        if c not in firsts:
            firsts = sorted({*firsts, c})
    for c in range(n):  # any still missing: the first free clauses
        if len(firsts) >= min(k, n):
            break
        if c not in firsts:
            firsts = sorted({*firsts, c})
    return firsts


def _story_cuts(reading: Reading, actors: list[Placed]) -> set[int]:
    """Clauses of a long story whose acting subjects differ from the clause before: a cut to them."""
    cuts, before = set(), None
    for c in range(reading.clauses):
        acting = frozenset(e for ev in reading.events if ev.clause == c for e in ev.subjects)
        if acting and before is not None and acting != before:
            cuts.add(c)
        before = acting or before
    return cuts


# -------------------------------------------------------------------------------------------------- focus


def focus(reading: Reading, actors: list[Placed], clauses: tuple[int, ...]) -> list[Placed]:
    """The actors a beat films, the most important first: the subjects of its events, their targets, then
    what its clauses name; backdrops are left out unless nothing else is there."""
    asked = [e for c, e in reading.shot_of.items() if c in clauses and e < len(reading.entities)  # "a wide
             and not reading.entities[e].sense.living]  # shot of the castle": first (people and animals are anyway)
    order: list[int] = list(dict.fromkeys(asked))
    for ev in reading.events:
        if ev.clause in clauses:
            order += [e for e in ev.subjects if e not in order]
    for ev in reading.events:
        if ev.clause in clauses and isinstance(ev.target, int) and ev.target not in order:
            order.append(ev.target)
    order += [e for c, e in reading.mentions if c in clauses and e not in order]
    order += [e for e in range(len(reading.entities)) if e not in order]
    by_entity: dict[int, list[Placed]] = {}
    for a in actors:
        by_entity.setdefault(a.entity, []).append(a)
    named = [e for e in order if e in by_entity]
    acting = {e for ev in reading.events if ev.clause in clauses for e in ev.subjects}
    mentioned = acting | {e for c, e in reading.mentions if c in clauses}
    if mentioned:  # the beat's own things; the rest of the scene stays in the background
        named = [e for e in named if e in mentioned] or named
    kept = [e for e in named if e in asked or not _backdrop(reading, by_entity, e, named)]
    # all of it a setting ("the beach where the sea comes in"): the place named, not the sea beyond it
    kept = kept or [e for e in named if CATALOG[by_entity[e][0].asset].traits.place is not None]
    return [a for e in (kept or named) for a in by_entity[e]]


def event_links(reading: Reading) -> dict[int, set[int]]:
    """Entity → the entities its events join it to (a kicker and its ball, a ball and the table it falls onto)."""
    out: dict[int, set[int]] = {}
    for ev in reading.events:
        rel = reading.entities[ev.subjects[0]].relation if ev.subjects else None
        ends = [ev.target] if isinstance(ev.target, int) else []
        ends += rel[1] if rel else []  # "falls onto the table", "jumps over the fence": where it acts
        for t in ends:
            for e in ev.subjects:
                out.setdefault(e, set()).add(t)
                out.setdefault(t, set()).add(e)
    return out


def _size(a: Placed) -> float:
    return float(max(a.extent))


def _backdrop(reading: Reading, by_entity: dict[int, list[Placed]], e: int, named: list[int]) -> bool:
    """Whether entity ``e`` is a setting for the others: ground-like, or an anchor (what something stands on,
    sits on, swims on, perches on) much bigger than the thing that relates to it."""
    spec = CATALOG[by_entity[e][0].asset]
    others = [x for x in named if x != e]
    if not others or spec.traits.walkable or spec.traits.water:
        return bool(others)
    big = max(_size(a) for a in by_entity[e])
    if any(ev.target == e for ev in reading.events) or any(
            (rel := reading.entities[x].relation) and e in rel[1] and (rel[0] in ("around", "between") or (
                rel[0] == "under" and big < 2 * BACKDROP_RATIO * max(_size(a) for a in by_entity[x])))
            for x in others):  # where the action goes (a ball falls onto the table, dogs run round the tree)
        return False  # stays in view, and what it is under (a bench under a tree), unless it towers (an oak's crown)
    if spec.group in BACKDROP_GROUPS:
        return True
    related = [x for x in others if (rel := reading.entities[x].relation) and e in rel[1]]
    return any(big >= BACKDROP_RATIO * max(_size(a) for a in by_entity[x]) for x in related)


# -------------------------------------------------------------------------------------------------- views


@dataclass(frozen=True)
class Geometry:
    """Where the beat's actors are over its frames, from the compiled world."""

    world: Timeline
    frames: np.ndarray  # sampled frame indices inside the beat
    index: dict[str, int]
    aspect: float

    def track(self, a: Placed) -> np.ndarray:
        """(S, 3) base positions of ``a`` at the sampled frames."""
        return self.world.positions[self.frames, self.index[a.id]]

    def travel(self, a: Placed) -> float:
        """How far ``a`` gets from where the beat finds it (metres, on the ground)."""
        p = self.track(a)
        return float(np.max(np.linalg.norm(p[:, :2] - p[0, :2], axis=1))) if len(p) else 0.0

    def points(self, group: list[Placed]) -> np.ndarray:
        """Points the group's bodies reach during the beat: a ring round each footprint at its feet and head."""
        out = []
        ring = np.array([[math.cos(k * math.pi / 6), math.sin(k * math.pi / 6)] for k in range(12)])
        for a in group:
            w, d, h = a.extent
            r = math.hypot(w, d) / 2
            for p in self.track(a):
                xy = p[:2] + r * ring
                out += [np.c_[xy, np.full(12, p[2])], np.c_[xy, np.full(12, p[2] + h)]]
        return np.concatenate(out) if out else np.zeros((1, 3))


def _geometry(world: Timeline, start: float, end: float, aspect: float) -> Geometry:
    fps = world.script.fps
    last = len(world.positions) - 1
    f0, f1 = min(round(start * fps), last), min(max(round(end * fps) - 1, 0), last)
    frames = np.unique(np.linspace(f0, max(f1, f0), max(2, int((f1 - f0) / max(fps / 4, 1)) + 1)).round().astype(int))
    return Geometry(world, frames, {a.id: i for i, a in enumerate(world.script.actors)}, aspect)


def _axes(azimuth: float, elevation: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    back = np.array([math.cos(elevation) * math.sin(azimuth), -math.cos(elevation) * math.cos(azimuth),
                     math.sin(elevation)])
    fwd = -back
    right = np.array([fwd[1], -fwd[0], 0.0])
    right /= np.linalg.norm(right) or 1.0
    return right, np.cross(right, fwd), fwd


def fit_view(points: np.ndarray, azimuth: float, elevation: float, aspect: float,
             margin: float = 1.12) -> tuple[np.ndarray, float]:
    """The centre and the least distance along the view at ``azimuth``/``elevation`` (radians) at which a
    camera looking at the centre sees every point, with a margin: tighter than a bounding sphere for wide,
    flat layouts (a dog and the ball it chases)."""
    centre = (points.min(axis=0) + points.max(axis=0)) / 2
    right, up, fwd = _axes(azimuth, elevation)
    tan_h = math.tan(math.radians(DEFAULT_FOV) / 2) / margin
    tan_v = tan_h / aspect
    rel = points - centre
    x, y, z = rel @ right, rel @ up, rel @ fwd
    need = max(1.0, float(np.max(np.maximum.reduce([np.abs(x) / tan_h - z, np.abs(y) / tan_v - z, 0.5 - z]))))
    return centre, need


def _visible_distance(a: Placed, aspect: float) -> float:
    """The farthest a camera may be for ``a``'s box to cover ``SPECK`` of the frame."""
    w, d, h = a.extent
    tan_v = math.tan(math.radians(DEFAULT_FOV) / 2) / aspect
    return math.sqrt(h * max(w, d) / (4 * tan_v * tan_v * aspect * SPECK))


def _framed(group: list[Placed], geo: Geometry, azimuth: float, elevation: float,
            links: dict[int, set[int]] | None = None) -> tuple[list[Placed], np.ndarray, float, bool]:
    """The group a fixed camera frames, its centre and distance: all of it if its smallest member stays
    visible, else the smallest with the nearest member of the lead and of each thing it acts with (``links``:
    entity → entities its events join it to) and as many of its other neighbours as keep it visible. The flag
    says whether the smallest is clear of a speck in the end."""
    centre, dist = fit_view(geo.points(group), azimuth, elevation, geo.aspect)
    small = min(group, key=lambda a: a.extent[2] * max(a.extent[:2]))
    need = _visible_distance(small, geo.aspect)
    eye = centre - _axes(azimuth, elevation)[2] * dist
    far = float(np.median(np.linalg.norm(geo.track(small) + np.array([0.0, 0.0, small.extent[2] / 2]) - eye, axis=1)))
    need -= max(far - dist, 0.0)  # it stands beyond the middle: the camera must come that much closer
    kin = [a for a in group if a.entity == small.entity]  # a stack or a row is framed whole
    if dist > need and len(kin) < len(group):
        here = np.concatenate([geo.track(a) for a in kin])
        others = sorted((a for a in group if a.entity != small.entity),
                        key=lambda a: float(np.min(np.linalg.norm(here[:, None] - geo.track(a)[None], axis=2))))
        # the shot's lead and what the small thing acts with stay (their members nearest it: the kid at the ball)
        bound = {group[0].entity} | (links or {}).get(small.entity, set())
        sub = kin + [next(a for a in others if a.entity == e) for e in bound if any(a.entity == e for a in others)]
        for a in (a for a in others if a not in sub):
            if fit_view(geo.points([*sub, a]), azimuth, elevation, geo.aspect)[1] > need:
                break
            sub = [*sub, a]
        group = sub
        centre, dist = fit_view(geo.points(group), azimuth, elevation, geo.aspect)
    tallest = max(a.extent[2] for a in group)
    return group, centre, max(dist, share_distance(tallest, MAX_SHARE, DEFAULT_FOV, geo.aspect)), dist <= need


WALL_CLEARANCE = 0.4  # metres a camera circling inside a room keeps from its walls


def _room_round(centre: np.ndarray, geo: Geometry) -> float | None:
    """How far a camera may circle from ``centre`` inside the room (a place with walls) it stands in, or
    ``None`` when it stands in none."""
    world = geo.world
    for j, a in enumerate(world.actors):
        spec = CATALOG.get(a.asset)
        if spec is None or spec.traits.place is None or spec.traits.room_under is None:
            continue
        f = int(geo.frames[0])
        half = np.asarray(spec.traits.room_under[:2]) * world.scales[f, j, :2] / 2
        rel = np.abs(centre[:2] - world.positions[f, j, :2])
        if np.all(rel < half):
            return max(float(np.min(half - rel)) - WALL_CLEARANCE, 0.5)
    return None


THROUGH = 0.7  # a room under something this share of its width runs right through it (a bridge's arch)


def _in_own_frame(geo: Geometry, j: int, points: np.ndarray) -> tuple[Any, np.ndarray] | None:
    """Actor ``j``'s catalog spec and ``points`` (world, (K, 3)) in its own unscaled frame at the beat's first
    frame; ``None`` for what is never in the way (a place, water, a flat thing)."""
    world, f = geo.world, int(geo.frames[0])
    spec = CATALOG.get(world.actors[j].asset)
    if spec is None or spec.traits.place is not None or spec.traits.water is not None or spec.size[2] < 0.3:
        return None
    h = math.radians(float(world.hpr[f, j, 0]))
    rel = points - world.positions[f, j]
    return spec, np.c_[rel[:, 0] * math.cos(h) + rel[:, 1] * math.sin(h), -rel[:, 0] * math.sin(h)
                       + rel[:, 1] * math.cos(h), rel[:, 2]]


def _blocks(geo: Geometry, j: int, points: np.ndarray) -> bool:
    """Whether actor ``j``'s solid box holds any of ``points`` (world, (K, 3)) at the beat's first frame; the
    free room under it (a table's legs, the arch under a bridge) is not solid, nor is a flat thing or a place."""
    found = _in_own_frame(geo, j, points)
    if found is None:
        return False
    spec, local = found
    local = local / geo.world.scales[int(geo.frames[0]), j]
    half = np.asarray(spec.size[:2]) / 2
    inside = np.all(np.abs(local[:, :2]) <= half, axis=1) & (local[:, 2] >= 0.0) & (local[:, 2] <= spec.size[2])
    room = spec.traits.room_under
    if room is not None:
        span = np.asarray(room[:2])
        free_half = np.where(span >= THROUGH * np.asarray(spec.size[:2]), half, span / 2)
        inside &= ~(np.all(np.abs(local[:, :2]) <= free_half, axis=1) & (local[:, 2] <= room[2]))
    return bool(np.any(inside))


def _clear_azimuth(group: list[Placed], geo: Geometry, centre: np.ndarray, dist: float, elevation: float,
                   azimuth: float) -> float:
    """``azimuth``, or the nearest turn of it from which nothing outside ``group`` stands between the camera
    and the group's centre (a camera behind people under a bridge saw only the bridge's side)."""
    ids = {a.id for a in group}
    others = [j for j, a in enumerate(geo.world.actors) if a.id not in ids]
    for turn in (0.0, 40.0, -40.0, 65.0, -65.0, 115.0, -115.0, 90.0, -90.0, 180.0):
        az = azimuth + math.radians(turn)
        fwd = _axes(az, elevation)[2]
        line = centre - np.outer(np.linspace(0.15, 1.0, 24), fwd * dist)  # from near the group out to the eye
        if not any(_blocks(geo, j, line) for j in others):
            return az
    return azimuth


def _clear_track(mover: Placed, geo: Geometry, angle: float, framing: dict[str, Any]) -> float:
    """``angle``, or the nearest turn of it at which a camera following ``mover`` at the framing's distance stays
    out of everything else's box, hollow ones too (a camera ahead of a ball kicked into a goal went in through the
    posts and filmed the net)."""
    dist = framing.get("distance")
    track = geo.track(mover)
    if dist is None or not len(track):
        return angle
    others = [j for j, a in enumerate(geo.world.actors) if a.id != mover.id]
    heights = np.array([0.5, 1.5, 2.5])
    for turn in (0.0, 35.0, -35.0, 70.0, -70.0, 110.0, -110.0, 180.0):
        a = math.radians(angle + turn)
        eye = track + np.array([dist * math.sin(a), -dist * math.cos(a), 0.0])
        points = np.concatenate([eye + np.array([0.0, 0.0, z]) for z in heights])
        if not any(_in_box(geo, j, points, CAMERA_MARGIN) for j in others):
            return round((angle + turn + 180.0) % 360.0 - 180.0, 3)
    return angle


CAMERA_MARGIN = 0.4  # metres a following camera keeps from the boxes of things it passes


def _in_box(geo: Geometry, j: int, points: np.ndarray, margin: float) -> bool:
    """Whether any of ``points`` lies in actor ``j``'s whole box grown by ``margin`` (its free room included), at
    the beat's first frame; places and water are walked over, not into."""
    found = _in_own_frame(geo, j, points)
    if found is None:
        return False
    spec, local = found
    size = np.asarray(spec.size) * geo.world.scales[int(geo.frames[0]), j]
    inside = np.all(np.abs(local[:, :2]) <= size[:2] / 2 + margin, axis=1) & (local[:, 2] <= size[2] + margin)
    return bool(np.any(inside))


def _front(subject: Placed, geo: Geometry) -> float:
    """The compass angle (as framed shots take it) of a camera three-quarters in front of ``subject``: ahead
    of it where it travels, else in front of its face."""
    heading = subject.heading
    p = geo.track(subject)
    if len(p) and np.linalg.norm(p[-1, :2] - p[0, :2]) > 0.5:
        heading = float(heading_of(p[-1] - p[0]))
    # heading h faces (-sin h, cos h); a framed shot's angle a puts the camera at (sin a, -cos a): a = h + 180
    ahead = heading + 180.0
    side = max((-35.0, 35.0), key=lambda x: math.cos(math.radians(ahead + x)))  # the side towards -Y
    return round((ahead + side + 180.0) % 360.0 - 180.0, 3)


def _vec(p: Any) -> list[float]:
    return [round(float(c), 3) for c in p]


def _follow_framing(a: Placed, size: str | None, company: list[Placed], geo: Geometry) -> dict[str, Any]:
    """How a following camera frames ``a``: an asked size as a framing intent (the world check holds the shot to
    it), else the distance that gives the share ``_track_share`` picks."""
    if size is not None:
        return {"framing": {"subjects": [a.id], "size": size}}
    share = _track_share(a, company, geo)
    return {"framing": "wide", "distance": round(share_distance(a.extent[2], share, DEFAULT_FOV, geo.aspect), 3)}


def _area_share(a: Placed, area: float, aspect: float) -> float:
    """The height share of the frame at which ``a``'s box covers ``area`` of it."""
    w, d, h = a.extent
    return math.sqrt(area * aspect * h / max(w, d, 1e-3))


def _track_share(a: Placed, company: list[Placed], geo: Geometry) -> float:
    """Height share of a followed subject: people and animals whole and clear, a vehicle with its road, a small
    thing big enough to see — and smaller where that keeps the things it plays with (the ball a dog chases,
    the dog a woman walks) in frame beside it, as long as it stays big enough to see."""
    spec = CATALOG[a.asset]
    h = a.extent[2]
    visible = _area_share(a, MIN_VISIBLE, geo.aspect) * 1.15
    share = max(0.2 if spec.group == "vehicles" else 0.36, visible)
    here = geo.track(a)
    apart = [float(np.percentile(np.linalg.norm(geo.track(b)[:, :2] - here[:, :2], axis=1), 80)) + max(b.extent)
             for b in company if b is not a]
    if apart:  # the frame's half width must reach the farthest companion, while the subject is no speck
        tan_v = math.tan(math.radians(DEFAULT_FOV) / 2) / geo.aspect
        dist = max(apart) * 1.15 / (tan_v * geo.aspect)
        share = min(share, max(h / (2 * dist * tan_v), _area_share(a, WIDEST, geo.aspect)))
    return round(min(share, 0.6), 3)


# -------------------------------------------------------------------------------------------------- shots


def plan_shots(reading: Reading, actors: list[Placed], world: Timeline, duration: float, aspect: float,
               notes: list[str]) -> list[dict[str, Any]]:
    """One shot per beat, each filming its focus in the compiled world."""
    models = shot_models()
    shots = []
    links = event_links(reading)
    passed = {ev.target for ev in reading.events if ev.past}  # a runner goes past the trees: they leave the frame
    thrown = frozenset(ev.target for ev in reading.events if ev.verb in THROWN and isinstance(ev.target, int))
    for beat in _split(beats(reading, actors, duration), reading, actors, world, duration, aspect, links):
        geo = _geometry(world, beat.start, beat.end, aspect)
        subjects = focus(reading, actors, beat.clauses)
        asked = frozenset(e for c, e in reading.shot_of.items() if c in beat.clauses)
        shot = _beat_shot(beat, subjects, geo, models, notes, links, passed, actors, thrown, asked)
        shot.update({"start": beat.start, "end": beat.end})
        shots.append(shot)
    return shots


def _split(planned: list[Beat], reading: Reading, actors: list[Placed], world: Timeline, duration: float,
           aspect: float, links: dict[int, set[int]]) -> list[Beat]:
    """A beat of several clauses whose things one fixed frame cannot hold at a visible size (she walks to the
    tree, then looks at the house) is cut into one shot per clause, if each of those can."""
    if reading.shot_count:
        return planned
    span = duration / max(reading.clauses, 1)
    out = []
    for beat in planned:
        parts = [Beat(round(c * span, 3), round(min((c + 1) * span, duration), 3), (c,), ())
                 for c in beat.clauses]
        if len(parts) > 1 and not beat.moves and not _whole(beat, reading, actors, world, aspect, links) and all(
                _whole(p, reading, actors, world, aspect, links) for p in parts):
            out += [Beat(beat.start if k == 0 else p.start, beat.end if k == len(parts) - 1 else p.end, p.clauses,
                         p.moves) for k, p in enumerate(parts)]
        else:
            out.append(beat)
    return out


def _whole(beat: Beat, reading: Reading, actors: list[Placed], world: Timeline, aspect: float,
           links: dict[int, set[int]]) -> bool:
    subjects = focus(reading, actors, beat.clauses)
    if not subjects:
        return True
    geo = _geometry(world, beat.start, beat.end, aspect)
    group, _, _, clear = _framed(subjects, geo, math.radians(-25), math.radians(18), links)
    return clear and len(group) == len(subjects)


def _primary(subjects: list[Placed], geo: Geometry, thrown: frozenset[int] = frozenset()) -> Placed | None:
    """The subject a camera follows: the first that travels far for its size in the beat; not a small thing
    thrown between the living ones ("a girl throws bread to three ducks": the camera followed the bread and the
    ducks were never in frame)."""
    living = [a for a in subjects if CATALOG[a.asset].kind in ("character", "animal")]
    for a in subjects:
        if a.entity in thrown and living and max(a.extent) < 0.5:
            continue
        if geo.travel(a) > max(TRACK_TRAVEL, 4.0 * _size(a)):
            return a
    return None


def _beat_shot(beat: Beat, subjects: list[Placed], geo: Geometry, models: dict[str, Any],
               notes: list[str], links: dict[int, set[int]], passed: set[Any] = frozenset(),
               scene: list[Placed] = (), thrown: frozenset[int] = frozenset(),  # type: ignore[assignment]
               asked: frozenset[int] = frozenset()) -> dict[str, Any]:
    moves = set(beat.moves)
    if not subjects:
        return {"type": "static", "position": [0.0, -8.0, 2.5], "target": [0.0, 0.0, 0.5]}
    lead = subjects[0]
    # "a wide shot of the castle, birds flying past": the castle asked for is filmed, not the birds going by
    still = {a.entity for a in subjects if a.entity in asked and not CATALOG[a.asset].rig}
    mover = _primary([a for a in subjects if not still or a.entity in still], geo, thrown)
    size = next((SIZES[m] for m in beat.moves if m in SIZES), None)
    if "ots" in moves:
        shot = _over_the_shoulder(subjects, models, scene)
        if shot is not None:
            return shot
    if size == "close_up" and CATALOG[lead.asset].kind in ("character", "animal") and "track" in models:
        # a close-up of someone: the framing preset keeps the face filling the frame
        return {"type": "track", "target": lead.id, "framing": "close_up", "angle": _front(lead, geo), "lag": 0.0}
    elevation = math.radians(70 if "top" in moves else 4 if "low" in moves else 18)
    azimuth = math.radians(90 if "side" in moves else -25)
    framed = [lead] if size == "close_up" else subjects
    same = [a.id for a in subjects if a.entity == lead.entity]  # an asked size the solver places
    if size is not None and mover is None and not moves & {"orbit", "pan", "track", "truck", "crane", "handheld",
                                                           "push_in", "pull_out", "zoom_in", "zoom_out"}:
        return {"type": "static", "framing": {"subjects": same, "size": size}}
    if size is not None and mover is None and moves & {"push_in", "zoom_in"} and not moves & {
            "orbit", "pan", "track", "truck", "crane", "handheld"}:
        # "the camera moves in close on the clock": a push in that starts at the asked size and ends closer
        chosen = first_valid(models, [{"type": "dolly", "framing": {"subjects": same, "size": size}}])
        if chosen is not None:
            return chosen
    explicit = moves - {"slow", "cinematic", "wide", "medium", "close", "top", "low", "side"}
    group, centre, dist, clear = _framed(framed, geo, azimuth, elevation, links)
    if "side" not in moves:
        turned = _clear_azimuth(group, geo, centre, dist, elevation, azimuth)
        if turned != azimuth:
            azimuth = turned
            group, centre, dist, clear = _framed(framed, geo, azimuth, elevation, links)
    whole = clear and len(group) == len(framed)  # a fixed camera shows all of it, the smallest clearly
    far = mover is not None and geo.travel(mover) > TRACK_FAR  # a chase down a street: followed, not a speck
    if not explicit and mover is not None and (not whole or size is not None or far) and "track" in models:
        # (an asked size of something moving: followed at that size, not a fixed wide view of its way)
        lag = 0.0 if size == "close_up" else 0.3  # a close-up keeps up with it, or a kicked ball outruns it
        framing = _follow_framing(mover, size, [a for a in subjects if a.entity not in passed], geo)
        angle = _clear_track(mover, geo, _front(mover, geo), framing)
        return _from_above({"type": "track", "target": mover.id, "angle": angle, "lag": lag, **framing}, moves)
    target: list[float] | str = _vec(centre)
    if len(group) == 1 and "orbit" in moves:
        target = group[0].id
    if moves & {"orbit", "pan"}:  # a turning view: a sphere round the group, not one side's fit
        radius = max(float(np.max(np.linalg.norm(geo.points(group) - centre, axis=1))), 0.3)
        dist = framing_distance(radius, DEFAULT_FOV, geo.aspect)
        walls = _room_round(centre, geo)
        if walls is not None and "orbit" in moves:  # circling inside a room: within its walls, under its ceiling
            dist = min(dist, walls / math.cos(elevation))
    if size == "wide":
        dist *= 1.5

    def eye(k: float) -> list[float]:
        horiz = dist * k * math.cos(elevation)
        return _vec([centre[0] + horiz * math.sin(azimuth), centre[1] - horiz * math.cos(azimuth),
                     max(centre[2] + dist * k * math.sin(elevation), 0.3)])

    follow = mover or lead
    for move in beat.moves:  # moves the schema has as their own shot types (track, handheld, pan, crane, zoom …)
        for tag in SHOT_CHOICES.get(move, ()):
            extra: dict[str, Any] = {"target": follow.id if move in ("track", "handheld", "truck") else target}
            if tag == "zoom":  # zoom out: from the lens that frames everything to a wider one; zoom in: narrower
                extra |= {"fov": DEFAULT_FOV, "to_fov": DEFAULT_FOV * (1.5 if move == "zoom_out" else 0.55)}
            elif tag in ("track", "handheld"):  # from ahead of the subject, three-quarter on
                extra = _from_above(extra | {"angle": _front(follow, geo),
                                             **_follow_framing(follow, size, subjects, geo)}, moves)
            elif tag == "truck":  # slide past the group, sideways to the view, framing its middle
                extra = {"target": target, "angle": round(math.degrees(azimuth), 3), "distance": round(dist, 3),
                         "travel": round(max(2.0, min(0.6 * dist, 8.0)), 3), "height": round(
                             dist * math.sin(elevation), 3)}
            elif tag == "crane":
                extra = {"target": target, "angle": round(math.degrees(azimuth), 3), "distance": round(dist, 3),
                         "height": 0.2, "to_height": round(max(2.5, dist * 0.6), 3)}
            chosen = first_valid(models, [{"type": tag, **extra, "position": eye(1.0)}, {"type": tag, **extra}])
            if chosen is not None:
                return chosen
    if moves & {"orbit", "pan"}:
        degrees = 30.0 if "pan" in moves and "orbit" not in moves else 120.0 if "slow" in moves else 180.0
        return {"type": "orbit", "target": target, "radius": round(dist * math.cos(elevation), 3),
                "height": round(dist * math.sin(elevation), 3), "start_angle": round(math.degrees(azimuth), 3),
                "degrees": degrees}
    if moves & {"push_in", "zoom_in", "pull_out", "zoom_out"}:
        near, far = eye(1.0), eye(1.6)
        a, b = (far, near) if moves & {"push_in", "zoom_in"} else (near, far)
        return {"type": "dolly", "from": a, "to": b, "target": target,
                "easing": "linear" if "slow" in moves else "ease_in_out"}
    for move in explicit:
        if move in SHOT_CHOICES:
            note = f"no {SHOT_CHOICES[move][0]!r} shot in the schema: the {move.replace('_', ' ')} is filmed " \
                   "from a fixed camera"
            if note not in notes:
                notes.append(note)
    return {"type": "static", "position": eye(1.0), "target": target}


THROWN = ("throw", "toss", "hurl", "lob", "fling", "give", "pass", "feed", "scatter")  # what is sent to another

TOP_PITCH = 58.0  # degrees below level a following camera asked to film "from above" looks down


def _from_above(shot: dict[str, Any], moves: set[str]) -> dict[str, Any]:
    """A following shot asked "from above" (a chase seen from above): the same distance, high over the subject
    (it followed at eye height)."""
    if "top" not in moves or "distance" not in shot:
        return shot
    dist, pitch = shot["distance"], math.radians(TOP_PITCH)
    return shot | {"distance": round(dist * math.cos(pitch), 3), "height": round(dist * math.sin(pitch), 3)}


def _over_the_shoulder(subjects: list[Placed], models: dict[str, Any], scene: list[Placed] = ()
                       ) -> dict[str, Any] | None:  # type: ignore[assignment]
    """Behind the first person's shoulder, looking at the next subject (or, alone in the beat, at the nearest
    other person or thing in the scene: "over the shoulder of a man studying the chessboard")."""
    people = [a for a in subjects if CATALOG[a.asset].kind == "character"]
    if not people:
        return None
    me = people[0]
    other = next((a for a in subjects if a is not me), None)
    if other is None:
        others = [a for a in scene if a is not me and CATALOG[a.asset].traits.place is None]
        other = min(others, key=lambda a: (CATALOG[a.asset].kind != "character", math.dist(
            a.position[:2], me.position[:2])), default=None)
    if other is None:
        return None
    return first_valid(models, [{"type": "track", "target": other.id, "framing": "over_the_shoulder",
                          "over": people[0].id, "lag": 0.0}])
