"""The solver: a script's intents become concrete positions, actions, physics bodies and camera moves.

``solve(script)`` returns a script with the same intents whose actors and shots now carry the numbers:
placement relations are laid out in dependency order on the asset traits (support tops, seats, room
under, footprints), overlaps on the ground are pushed apart, events are given times over the whole video
and turned into actions and physics (a knocked-over chain becomes dynamic bodies; an impulse that does
not reach its target in the physics bake is raised and baked again), idle subjects are kept alive, and
framed shots are placed so their subject fills the asked share of the frame. Deterministic: no
randomness beyond the script's seed. A script without intents comes back unchanged.

An intent that cannot be satisfied raises :class:`~scenes.script.ScriptError` naming it and why.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from pydantic import ValidationError

from scenes.actions import ACTIONS
from scenes.camera import share_distance
from scenes.catalog import AssetSpec, asset
from scenes.hold import GAP as HOLD_GAP
from scenes.intents import (
    CHAINS,
    EVENT_TYPES,
    IN_LINE,
    Arrange,
    Carry,
    Chase,
    Do,
    DriveAlong,
    DropOnto,
    Face,
    FallOff,
    GiveIt,
    GoPast,
    GoTo,
    Hit,
    HoldIt,
    JumpOnto,
    KeepAlive,
    KickTo,
    KnockOver,
    Leave,
    Meet,
    PickUpIt,
    Place,
    PushIt,
    PutDownIt,
    RideOn,
    RollDown,
    RunAround,
    SitOn,
    ThrowTo,
    Topple,
    intent_subjects,
)
from scenes.physics import ROLLING_DAMPING, TERRAIN_SPAN
from scenes.script import SceneScript, ScriptError
from scenes.traits import Surface

GRAVITY = 9.81
WALK_SPEED, RUN_SPEED = 1.3, 3.2  # m/s, the gaits' comfortable paces
GAP = 0.35  # metres between the nearest sides of things placed next to each other
MAX_MASS = 1e5  # kg: the heaviest body the solver makes (the schema allows 1e6; a plane of 2.7e6 was refused)
MAX_BAKES = 4  # physics re-bakes allowed to make impulses reach their targets


@dataclass
class Body:
    """A mutable working copy of one actor while solving."""

    index: int
    data: dict[str, Any]
    spec: AssetSpec
    placed_by: str = ""  # the relation that placed it ("on", "row", …) or "" if the script did
    supported_by: str | None = None  # id of what it rests on (moves with it)
    placed_on: int = -1  # which of that actor's supports
    kept: bool = False  # its position was fixed by a relation and must not be nudged
    received: set[str] = field(default_factory=set)  # things handed to it by a give
    holds: float = 0.0  # half the width of what it holds from the start (an open umbrella): room it needs beside

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def scale(self) -> np.ndarray:
        s = self.data.get("scale", (1.0, 1.0, 1.0))
        return np.asarray((s, s, s) if isinstance(s, int | float) else s, dtype=np.float64)

    @property
    def size(self) -> np.ndarray:
        return np.asarray(self.spec.size) * self.scale

    @property
    def pos(self) -> np.ndarray:
        return np.asarray(self.data.get("position", (0.0, 0.0, 0.0)), dtype=np.float64)

    @pos.setter
    def pos(self, value: np.ndarray) -> None:
        self.data["position"] = [round(float(v), 4) for v in value]

    @property
    def heading(self) -> float:
        return float(self.data.get("rotation", (0.0, 0.0, 0.0))[0])

    @heading.setter
    def heading(self, value: float) -> None:
        rot = list(self.data.get("rotation", (0.0, 0.0, 0.0)))
        h = float(value) % 360.0
        rot[0] = round(h - 360.0 if h > 180.0 else h, 3)  # in (-180, 180]
        self.data["rotation"] = rot

    @property
    def forward(self) -> np.ndarray:
        """The unit direction (x, y, 0) it faces (heading 0 faces +Y)."""
        h = math.radians(self.heading)
        return np.array([-math.sin(h), math.cos(h), 0.0])

    def face_across(self) -> None:
        """Turn a vehicle the script left at heading 0 (or 180) to drive across the frame of a camera at -Y
        (+X), not away from it or at it."""
        if self.heading in (0.0, 180.0):  # a boat laid out facing the camera like the seat it has, too
            self.heading = -90.0

    @property
    def radius(self) -> float:
        """Half the diagonal of its footprint."""
        return float(math.hypot(self.size[0], self.size[1]) / 2.0)

    @property
    def living(self) -> bool:
        return bool(self.spec.rig)

    def top(self) -> float:
        """World height of its top support surface (or of its top, for things without one)."""
        s = self.spec.traits.top_support()
        return float(self.pos[2] + (s.height if s is not None else self.spec.size[2]) * self.scale[2])

    def act(self, **action: Any) -> None:
        self.data.setdefault("actions", []).append({k: _num(v) for k, v in action.items()})

    def dynamic(self, **physics: Any) -> None:
        base = dict(self.data.get("physics") or {})
        base.setdefault("body", "dynamic")
        if "mass" in physics:  # a mass from a size (an airliner's box x 300 kg/m3) stays within what a body may be
            physics["mass"] = min(float(physics["mass"]), MAX_MASS)
        base.update({k: _num(v) for k, v in physics.items()})
        self.data["physics"] = base


def _num(v: Any) -> Any:
    if isinstance(v, float | np.floating):
        return round(float(v), 4)
    if isinstance(v, np.ndarray | tuple | list):
        return [_num(x) for x in v]
    return v


@dataclass
class Solution:
    """The solved script and notes on what the solver decided (for the run report)."""

    script: SceneScript
    notes: list[str] = field(default_factory=list)


def solve(script: SceneScript) -> Solution:
    """Turn ``script``'s intents into a concrete script (see the module docstring)."""
    if script.solved or not needs_solving(script):
        return Solution(script)
    data = script.model_dump(mode="json", by_alias=True, exclude_defaults=False)
    data["solved"] = True
    bodies = {a["id"]: Body(i, a, asset(a["asset"])) for i, a in enumerate(data["actors"])}
    notes: list[str] = []
    _place_all(script, bodies)
    _lanes(script, bodies)
    _separate(bodies, _seated_pairs(script))
    _seated_from_start(bodies)
    _holds(script, bodies)
    spans = schedule(script, bodies)
    for k, (start, end) in spans.items():  # the solved script says when each event happens, for the check
        data["intents"][k]["start"], data["intents"][k]["end"] = start, end
    kicks = _events(script, bodies, spans)
    for strike in kicks:  # a kick aimed nowhere in particular: the solved script says where it went
        if isinstance(script.intents[strike.intent], KickTo) and script.intents[strike.intent].target is None:
            data["intents"][strike.intent]["target"] = _num(np.asarray(strike.target, dtype=np.float64))
    _face_again(script, bodies)
    _keep_alive(script, bodies, spans)
    for body in bodies.values():  # actions compose in list order: keep it the order of time
        body.data.get("actions", []).sort(key=lambda a: a.get("start", 0.0))
    for strike in kicks:
        if strike.action >= 0:
            strike.action = next(i for i, a in enumerate(bodies[strike.actor].data["actions"]) if a is strike.push)
    _frame_shots(data, bodies, script)
    solved = _validated(data)
    horizon = max((spans[k.intent][1] for k in kicks if k.intent in spans), default=0.0) + 2.5
    solved = _reach(solved, kicks, notes, min(horizon, solved.duration))
    return Solution(solved, notes)


def needs_solving(script: SceneScript) -> bool:
    """Whether the script asks for anything the solver has to realise (intents or framing intents)."""
    return not script.solved and (bool(script.intents) or any(s.framing_intent() for s in script.camera.shots))


def _validated(data: dict[str, Any]) -> SceneScript:
    try:
        return SceneScript.model_validate(data)
    except ValidationError as exc:  # the solver made something the schema refuses: say where, in one line
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ScriptError(f"solve: the solved script is invalid at {where}: {first['msg']}") from None


# ------------------------------------------------------------------------------------------- placement


def _local(body: Body, offset: tuple[float, float]) -> np.ndarray:
    """A point ``offset`` (x, y) in ``body``'s own frame, in world x, y."""
    h = math.radians(body.heading)
    x, y = offset
    return body.pos[:2] + np.array([x * math.cos(h) - y * math.sin(h), x * math.sin(h) + y * math.cos(h)])


def _to_local(body: Body, xy: np.ndarray) -> np.ndarray:
    """A world point (x, y) in ``body``'s own frame."""
    h = math.radians(body.heading)
    d = np.asarray(xy, dtype=np.float64) - body.pos[:2]
    return np.array([d[0] * math.cos(h) + d[1] * math.sin(h), -d[0] * math.sin(h) + d[1] * math.cos(h)])


def _order(script: SceneScript) -> list[tuple[int, Any]]:
    """Placement intents in dependency order (targets before what is placed relative to them)."""
    items = [(k, it) for k, it in enumerate(script.intents) if isinstance(it, Place | Arrange | Face)]
    placed_by = {}
    for k, it in items:
        for s in (it.subjects if isinstance(it, Arrange) else [it.subject]):
            placed_by.setdefault(s, k)
    done: list[tuple[int, Any]] = []
    state: dict[int, int] = {}

    def visit(k: int, it: Any, path: tuple[int, ...]) -> None:
        if state.get(k) == 2:
            return
        if state.get(k) == 1:
            raise ScriptError(f"intents[{k}]: a cycle of relations ({' -> '.join(f'intents[{p}]' for p in path)}); "
                              "place one of them without referring back")
        state[k] = 1
        target = getattr(it, "target", None)
        if isinstance(target, str) and target in placed_by and placed_by[target] != k and not isinstance(it, Face):
            j = placed_by[target]
            visit(j, script.intents[j], (*path, j))
        state[k] = 2
        done.append((k, it))

    for k, it in items:
        visit(k, it, (k,))
    faces = [x for x in done if isinstance(x[1], Face)]
    return [x for x in done if not isinstance(x[1], Face)] + faces


def _place_all(script: SceneScript, bodies: dict[str, Body]) -> None:
    for it in script.intents:  # someone holding an open umbrella needs its room beside a lamp post
        if isinstance(it, HoldIt) and it.object in bodies and it.subject in bodies:
            holder = bodies[it.subject]
            holder.holds = max(holder.holds, float(max(bodies[it.object].size[:2])) / 2)
    for k, it in _order(script):
        where = f"intents[{k}]"
        if isinstance(it, Place):
            place(bodies[it.subject], it.relation, bodies.get(it.target), it.distance, bodies, where)
        elif isinstance(it, Arrange):
            arrange([bodies[s] for s in it.subjects], it, bodies, where)
        elif isinstance(it, Face):
            face(bodies[it.subject], it.target, bodies)


def _fits(sub: Body, w: float, d: float, count: int = 1) -> bool:
    if sub.size[0] * sub.size[1] * count > w * d * 1.05:
        return False
    straight = sub.size[0] <= w * 1.05 and sub.size[1] <= d * 1.05
    turned = sub.size[1] <= w * 1.05 and sub.size[0] <= d * 1.05
    return straight or turned


def place(sub: Body, relation: str, target: Body | None, distance: float | None, bodies: dict[str, Body],
          where: str) -> None:
    """Put ``sub`` in ``relation`` to ``target`` (``None`` for the camera)."""
    if target is None:  # relative to the camera, which looks along +Y from -Y
        axis = {"in_front_of": (0.0, -1.0), "behind": (0.0, 1.0), "left_of": (-1.0, 0.0), "right_of": (1.0, 0.0)}
        d = np.array(axis.get(relation, (0.0, -1.0))) * (distance if distance is not None else 2.0)
        sub.pos = np.array([d[0], d[1], 0.0])
        sub.placed_by, sub.kept = relation, True
        return
    if relation == "on" and sub.placed_by in ("circle", "row") and _lies_flat(target) and (
            not target.kept or target.placed_by == "under_group"):
        _under_the_group(sub, target, bodies)  # "six friends in a circle on a picnic blanket": the ring stays
        return
    if relation == "on":
        _put_on(sub, target, where, bodies)
    elif relation == "under":
        room = target.spec.traits.room_under
        # a blanket under a tree lies in the middle of its shade, not in a place of its own beside the family
        crowd = 0 if _lies_flat(sub) else sum(1 for b in bodies.values() if b.supported_by == f"under:{target.id}"
                                              and not _lies_flat(b))
        if room is None:
            raise ScriptError(f"{where}: nothing fits under a {target.spec.name} ({target.id!r} has no room under it)")
        w, d, h = (np.asarray(room) * target.scale).tolist()
        if not _fits(sub, w, d, crowd + 1) or sub.size[2] > h * 1.05:
            raise ScriptError(f"{where}: {sub.id!r} ({sub.spec.name}, {sub.size[0]:.2f} x {sub.size[1]:.2f} x "
                              f"{sub.size[2]:.2f} m) does not fit under {target.id!r} (room {w:.2f} x {d:.2f} x "
                              f"{h:.2f} m{f' shared by {crowd + 1}' if crowd else ''})")
        sub.pos = np.array([*_local(target, _under_spot(target, sub, crowd)), target.pos[2]])
        sub.supported_by = f"under:{target.id}"
    elif relation == "inside" and target.spec.traits.water is not None and sub.living and \
            not sub.spec.traits.buoyant:
        _swim_in(sub, target, bodies)
    elif relation == "inside":
        box = target.spec.traits.container
        if box is None:
            raise ScriptError(f"{where}: a {target.spec.name} is not a container, so {sub.id!r} cannot go inside it")
        inner = box.scaled(target.scale)
        inside = sum(1 for b in bodies.values() if b.supported_by == target.id and b.placed_by == "inside")
        rim = float(target.size[2]) - inner.height
        if not _fits(sub, *inner.size, inside + 1) and not inside and inner.stands_upright(sub.size, rim):
            rot = list(sub.data.get("rotation", (0.0, 0.0, 0.0)))  # stood on its end, leaning in the cup
            sub.data["rotation"] = [rot[0], 80.0, rot[2]]
            floor = _local(target, inner.centre)
            sub.pos = np.array([floor[0], floor[1], target.pos[2] + inner.height + float(sub.size[1]) / 2 * 0.985])
            sub.supported_by, sub.placed_by, sub.kept = target.id, "inside", True
            return
        if not _fits(sub, *inner.size, inside + 1):
            raise ScriptError(f"{where}: {sub.id!r} does not fit inside {target.id!r}"
                              f"{f' with {inside} other things' if inside else ''}")
        sub.pos = np.array([*_local(target, _spot_inside(inner, sub, inside)), target.pos[2] + inner.height])
        sub.supported_by = target.id
    elif (host := _host_of(sub, target, relation, bodies)) is not None:  # "a vase beside the books on the piano"
        _put_on(sub, host, where, bodies, beside=target, side=SIDE_OF.get(relation, 0.0))
    else:
        gap = distance if distance is not None else (1.2 if relation == "near" else GAP)
        direction = {"next_to": (1.0, 0.0), "right_of": (1.0, 0.0), "left_of": (-1.0, 0.0),
                     "in_front_of": (0.0, -1.0), "behind": (0.0, 1.0), "near": (0.7071, -0.7071)}[relation]
        reach = abs(direction[0]) * (target.size[0] + sub.size[0]) / 2 + abs(direction[1]) * (
            target.size[1] + sub.size[1]) / 2
        if relation == "next_to" and any(b.placed_by == "next_to" and b.supported_by == f"beside:{target.id}"
                                         for b in bodies.values()):
            direction = (-1.0, 0.0)  # the second thing next to it goes on its other side
        xy = target.pos[:2] + np.array(direction) * (reach + gap)
        # two things let go of in the air side by side fall side by side: beside it up there, not on the ground
        z = float(target.pos[2]) if _falling(target) and _falling(sub) else 0.0
        sub.pos = np.array([xy[0], xy[1], z])
        sub.supported_by = f"beside:{target.id}"
        _on_the_same_floor(sub, target, bodies)
    sub.placed_by, sub.kept = relation, True


def _on_the_same_floor(sub: Body, target: Body, bodies: dict[str, Body]) -> None:
    """Something put in front of, behind or beside a thing that stands on a floor one walks on (a stage, a pier),
    where that floor reaches, stands on it too: the chair in front of the piano on the stage (it stood on the grass
    behind the stage)."""
    host = bodies.get(target.supported_by or "")
    top = host.spec.traits.top_support() if host is not None and host.spec.traits.walkable else None
    if top is None:
        return
    top = top.scaled(host.scale)
    local = _to_local(host, sub.pos[:2]) - np.asarray(top.centre)
    half = np.asarray(top.size) / 2 - float(max(sub.size[:2])) / 2
    if bool(np.all(np.abs(local) <= half)):
        sub.pos = np.array([sub.pos[0], sub.pos[1], host.pos[2] + top.height])
        sub.supported_by = host.id


def _under_the_group(sub: Body, flat: Body, bodies: dict[str, Body]) -> None:
    """A rug or a blanket laid under an arranged group standing or sitting on it (one place each put them all in
    one spot on it): moved under the group's middle and grown to take it, the group on its top."""
    if flat.placed_by != "under_group":
        group = [b for b in bodies.values() if b.placed_by == sub.placed_by and b.living]
        pts = np.array([b.pos[:2] for b in group])
        lo = pts.min(axis=0) - max(float(max(b.size[:2])) for b in group) / 2 - 0.3
        hi = pts.max(axis=0) + max(float(max(b.size[:2])) for b in group) / 2 + 0.3
        mid, need = (lo + hi) / 2, hi - lo
        grow = max(1.0, float(need[0] / flat.size[0]), float(need[1] / flat.size[1]))
        s = flat.scale
        flat.data["scale"] = [round(float(s[0] * grow), 4), round(float(s[1] * grow), 4), float(s[2])]
        flat.pos = np.array([mid[0], mid[1], flat.pos[2]])
        flat.placed_by, flat.kept = "under_group", True
    sub.pos = np.array([sub.pos[0], sub.pos[1], flat.top()])
    sub.supported_by = flat.id


def _falling(body: Body) -> bool:
    """Whether ``body`` is a physics body that starts up in the air with nothing under it (it is let go of)."""
    return body.data.get("physics") is not None and float(body.pos[2]) > 0.05 and body.supported_by is None


def _lies_flat(b: Body) -> bool:
    """A rug or a blanket: something walked and sat on, lying flat on what is under it."""
    return b.spec.traits.walkable and float(b.size[2]) < 0.1


def _under_spot(target: Body, sub: Body, crowd: int) -> tuple[float, float]:
    """Where the ``crowd``-th thing under ``target`` goes, in its own frame: the middle between a table's legs,
    in front of a tree's trunk; those after it side by side, to either side in turn (three people under a
    bridge stood in one spot)."""
    trunk = target.spec.traits.trunk * float(max(target.scale[:2]))
    room = target.spec.traits.room_under or (1.0, 1.0, 1.0)
    along = 0 if trunk or room[0] * target.scale[0] >= room[1] * target.scale[1] else 1
    h = math.radians(target.heading)
    axes = (np.array([math.cos(h), math.sin(h)]), np.array([-math.sin(h), math.cos(h)]))  # the target's x, y
    slot = ((crowd + 1) // 2) * (2 * _extent_along(sub, axes[along]) + 0.1) * (1 if crowd % 2 else -1)
    front = -(trunk + _extent_along(sub, axes[1]) + 0.15) if trunk else 0.0  # a bench in front faces the camera
    return (slot, front) if along == 0 else (front, slot)


SWIM_DEPTH = 0.82  # of its height: a swimmer is in the water to the shoulders


def _swim_in(sub: Body, water: Body, bodies: dict[str, Body]) -> None:
    """Someone swimming in the lake, the sea or the pool: in the water to the shoulders, each in a lane of their
    own along its length, from one end towards the other (swimming lengths); what the planner sent it to on the
    ground is a point at that lane's far end, at that depth."""
    surface = water.spec.traits.water.scaled(water.scale)
    k = sum(1 for b in bodies.values() if b.supported_by == water.id and b.placed_by == "inside" and b.living)
    long_x = surface.size[0] >= surface.size[1]
    length, width = (surface.size if long_x else surface.size[::-1])
    reach = max(length / 2 - float(max(sub.size[:2])) - 0.3, 0.0)
    lane = float(np.clip(((k + 1) // 2) * SWIM_LANE * (1 if k % 2 else -1), -width / 2 + 0.5, width / 2 - 0.5))
    reach = min(reach, 6.0)  # a few strokes' worth, not across a lake

    def at(along: float) -> np.ndarray:
        off = (along, lane) if long_x else (lane, along)
        return _local(water, (surface.centre[0] + off[0], surface.centre[1] + off[1]))

    z = float(water.pos[2]) + surface.height - SWIM_DEPTH * float(sub.size[2])
    sub.pos = np.array([*at(-reach), z])
    sub.heading = _heading_to(sub.pos, np.array([*at(reach), z]))
    sub.supported_by = water.id
    for act in sub.data.get("actions", []):  # a swim the planner sent along the ground: down the lane, at depth
        if isinstance(act.get("to"), list) and len(act["to"]) == 3:
            act["to"] = [*(float(v) for v in at(reach)), z]


SWIM_LANE = 1.3  # metres between swimmers side by side


def _spot_inside(inner: Surface, sub: Body, k: int) -> tuple[float, float]:
    """Where the ``k``-th thing goes on a container's inner floor: the middle, then round it (apples in a bowl)."""
    if k == 0:
        return inner.centre
    r = 1.02 * float(max(sub.size[:2]))  # clear of the middle one; up a bowl's flared side if its floor is narrow
    a = 2 * math.pi * (k - 1) / 6
    return (inner.centre[0] + r * math.cos(a), inner.centre[1] + r * math.sin(a))


def _host_of(sub: Body, target: Body, relation: str, bodies: dict[str, Body]) -> Body | None:
    """The support ``sub`` goes on to stand beside ``target``, when ``target`` stands on one with room for it (a
    vase next to books on a piano stands on the piano too, not on the floor below)."""
    host = bodies.get(target.supported_by) if target.supported_by else None
    if host is None or relation not in ("next_to", "left_of", "right_of", "near"):
        return None
    if sub.living and not host.spec.traits.walkable and sub.supported_by != host.id:  # a woman beside the lamp
        return None  # post on the pavement stands on it; a pigeon put on the table stays on it beside the board
    top = host.spec.traits.top_support()
    if top is None or not _fits(sub, *top.scaled(host.scale).size):
        return None
    return host


ON_GAP = 0.05  # metres between things standing side by side on one top


def _free_spot(host: Body, top: Any, sub: Body, others: list[Body], long_x: bool, beside: Body | None,
               fallback: float, side: float = 0.0) -> tuple[float, float]:
    """(along, across) offsets from ``top``'s centre where ``sub`` stands clear of ``others``: on the middle line
    along its long side if there is room, else on the next line across (seven cars on a road: two queues, not
    seven cars on one line's end)."""
    across = _local(host, (0.0, 1.0)) - _local(host, (0.0, 0.0)) if long_x else \
        _local(host, (1.0, 0.0)) - _local(host, (0.0, 0.0))
    centre = top.centre[1] if long_x else top.centre[0]
    half = _extent_along(sub, across)
    room = (top.size[1] if long_x else top.size[0]) / 2 - half
    step = 2 * half + ON_GAP
    lines = [0.0] + [sign * k * step for k in range(1, 8) for sign in (1.0, -1.0) if k * step <= room + 1e-6]
    for line in lines:
        near = [b for b in others if abs(float(_to_local(host, b.pos[:2])[1 if long_x else 0]) - centre - line)
                < _extent_along(b, across) + half]
        spot = _free_offset(host, top, sub, near, long_x, beside, None, side)
        if spot is not None:
            return spot, line
    return fallback, 0.0


def _free_offset(host: Body, top: Any, sub: Body, others: list[Body], long_x: bool, beside: Body | None,
                 fallback: float | None, side: float = 0.0) -> float | None:
    """Where along ``top``'s long side ``sub`` stands clear of ``others`` on it: the free spot nearest the middle,
    or nearest ``beside`` (a cup beside the laptop on the desk); ``fallback`` if none is free."""
    axis = _local(host, (1.0, 0.0)) - _local(host, (0.0, 0.0)) if long_x else \
        _local(host, (0.0, 1.0)) - _local(host, (0.0, 0.0))
    centre = top.centre[0] if long_x else top.centre[1]
    half = max(_extent_along(sub, axis), sub.holds)
    room = (top.size[0] if long_x else top.size[1]) / 2 - half
    spans = [(float(_to_local(host, b.pos[:2])[0 if long_x else 1]) - centre, _extent_along(b, axis))
             for b in others]
    spots = [0.0] + [c + sign * (w + ON_GAP + half) for c, w in spans for sign in (1.0, -1.0)]
    free = [x for x in spots if abs(x) <= room + 1e-6 and all(abs(x - c) >= w + half + ON_GAP * 0.5 for c, w in spans)]
    if not free:
        return fallback
    if beside is not None:
        near = float(_to_local(host, beside.pos[:2])[0 if long_x else 1]) - centre
        if side:  # left of it as the camera sees it (world -x), or right of it
            sided = [x for x in free if (x - near) * float(axis[0]) * side > 1e-6]
            free = sided or free
        return min(free, key=lambda x: (abs(x - near), -x))
    return min(free, key=abs)


SIDE_OF = {"left_of": -1.0, "right_of": 1.0}  # which way across the camera's view (world x) it stands of the other


def _put_on(sub: Body, target: Body, where: str, bodies: dict[str, Body], beside: Body | None = None,
            side: float = 0.0) -> None:
    supports = target.spec.traits.supports
    if not supports:
        raise ScriptError(f"{where}: a {target.spec.name} has no surface to put things on, so {sub.id!r} cannot go "
                          f"on {target.id!r}")
    others = [b for b in bodies.values() if b.supported_by == target.id and b is not sub]
    # the emptiest support (the highest of equals): one domino per step, several cups on one table
    load = [sum(1 for b in others if b.placed_on == k) for k in range(len(supports))]
    k = min(range(len(supports)), key=lambda n: (load[n], -supports[n].height))
    top = supports[k].scaled(target.scale)
    total = sum(s.size[0] * s.size[1] for s in supports) * target.scale[0] * target.scale[1]
    if not _fits(sub, *top.size) or sub.size[0] * sub.size[1] * (len(others) + 1) > total * 1.05:
        raise ScriptError(f"{where}: {sub.id!r} ({sub.spec.name}, {sub.size[0]:.2f} x {sub.size[1]:.2f} m) does not "
                          f"fit on {target.id!r} (its top is {top.size[0]:.2f} x {top.size[1]:.2f} m"
                          f"{f', shared by {len(others) + 1}' if others else ''})")
    # side by side along the longer side, alternating out from the middle: 0, +1, -1, +2, …; dominoes on a stair
    # one behind the other down the flight, so each falls onto the next
    n = load[k]
    in_line = bool(sub.spec.traits.topples and target.spec.traits.walkable)
    long_x = (top.size[0] >= top.size[1]) != in_line
    if sub.spec.group == "vehicles" and target.spec.traits.walkable and max(top.size) >= 2 * min(top.size):
        sub.heading = target.heading - (90.0 if long_x else 0.0)  # parked along the road, not across it
    if beside is not None and sub.living:  # a woman beside a lamp post on the pavement: beside it as the camera
        across = abs(math.cos(math.radians(target.heading))) >= 0.7071  # sees it (across the frame), room allowing
        axis = _local(target, (1.0, 0.0) if across else (0.0, 1.0)) - target.pos[:2]
        if (top.size[0] if across else top.size[1]) / 2 >= _extent_along(beside, axis) + ON_GAP + max(sub.size[:2]):
            long_x = across
    step = (sub.size[0] if long_x else sub.size[1]) + (0.1 if in_line else 0.05)
    room = ((top.size[0] if long_x else top.size[1]) - step) / 2
    offset = float(np.clip(((n + 1) // 2) * step * (1 if n % 2 else -1), -room, room)) if n else 0.0
    if in_line:  # from the back of the tread to its front
        offset = float(np.clip(-room + n * step, -room, room))
    line = 0.0
    if not in_line:  # clear of what already stands there, by its own size (a cup went 0.06 m into a laptop)
        offset, line = _free_spot(target, top, sub, [b for b in others if b.placed_on == k], long_x, beside, offset,
                                  side)
    local = (top.centre[0] + (offset if long_x else line), top.centre[1] + (line if long_x else offset))
    sub.pos = np.array([*_local(target, local), target.pos[2] + top.height])
    sub.supported_by, sub.placed_on = target.id, k
    if sub.spec.traits.topples and target.spec.traits.walkable:  # a domino on a stair faces down the flight,
        down = _high_end(target)[1]  # so it falls onto the one below
        sub.heading = math.degrees(math.atan2(-down[0], down[1]))


def arrange(members: list[Body], it: Arrange, bodies: dict[str, Body], where: str) -> None:
    """Lay ``members`` out in ``it.pattern``."""
    first = members[0]
    origin = first.pos.copy()
    if it.pattern == "stack":
        z = first.pos[2]
        for b in members:
            if b is not first and b.spec.traits.round:
                raise ScriptError(f"{where}: {b.id!r} is round and will not stay stacked")
            b.pos = np.array([origin[0], origin[1], z])
            z += b.size[2]
            b.placed_by, b.kept = "stack", True
        for lower, upper in itertools.pairwise(members):
            upper.supported_by = lower.id
        return
    if it.pattern == "pyramid":
        _pyramid(members, it.spacing)
        return
    if it.pattern == "spiral":
        _spiral(members, it.spacing)
        return
    if it.pattern == "row":
        h = math.radians(it.heading)
        axis = np.array([-math.sin(h), math.cos(h)])
        topples = all(b.spec.traits.topples for b in members)
        if topples:  # dominoes face along the row, so each falls onto the next
            for b in members:
                b.heading = it.heading
        widths = [_extent_along(b, axis) * 2 for b in members]
        gap = it.spacing if it.spacing is not None else (
            0.45 * float(np.mean([b.size[2] for b in members])) if topples else GAP)
        length = sum(widths) + gap * (len(members) - 1)
        along = -length / 2
        for b, w in zip(members, widths, strict=True):
            xy = origin[:2] + axis * (along + w / 2)
            b.pos = np.array([xy[0], xy[1], origin[2]])
            along += w + gap
            b.placed_by, b.kept = "row", True
        return
    centre_body = bodies.get(it.target) if it.pattern in ("around", "between") else None
    if it.pattern == "between":
        other = members[1] if len(members) > 1 else None
        if centre_body is None or other is None:
            raise ScriptError(f"{where}: between needs `target` and a second subject to stand between")
        mid = (centre_body.pos[:2] + other.pos[:2]) / 2
        members[0].pos = np.array([mid[0], mid[1], 0.0])
        members[0].placed_by, members[0].kept = "between", True
        w, d = float(members[0].spec.size[0]), float(members[0].spec.size[1])
        line = other.pos[:2] - centre_body.pos[:2]
        if max(w, d) > 2.0 * min(w, d) and float(np.linalg.norm(line)) > 1e-3:  # a net, a fence: across the line
            u = line / float(np.linalg.norm(line))  # between them, one on each side (not one at each end)
            members[0].heading = math.degrees(math.atan2(u[0], -u[1])) if w >= d else \
                math.degrees(math.atan2(-u[1], -u[0]))
        return
    centre = centre_body.pos[:2] if centre_body is not None else origin[:2]
    n = len(members)
    topples = it.pattern == "circle" and all(b.spec.traits.topples for b in members)
    width = max(max(b.size[0], b.size[1]) for b in members)
    if any(a.get("type") == "sit" for b in members for a in b.data.get("actions", [])):
        width = max(width, SITTING_WIDTH * max(float(b.size[2]) for b in members))  # knees out, cross-legged
    gap = it.spacing if it.spacing is not None else max(GAP, 0.3 * width)
    if topples:  # dominoes face along the circle, each as close to the next as in a row, so each falls onto it
        width = max(b.size[1] for b in members)
        gap = it.spacing if it.spacing is not None else 0.45 * float(np.mean([b.size[2] for b in members]))
    r = max(n * (width + gap) / (2 * math.pi), (centre_body.radius + width / 2 + 0.6) if centre_body else 0.5)
    pulled_up = centre_body is not None and centre_body.spec.traits.room_under is not None
    for k, b in enumerate(members):
        a = 2 * math.pi * k / n
        rk = r
        if pulled_up and b.spec.traits.seat is not None:  # chairs around a table stand at its edge, not a step off
            u = np.array([math.sin(a), -math.cos(a)])
            rk = max(_extent_along(centre_body, u) + b.size[1] / 2 + 0.15, n * (width + GAP) / (2 * math.pi))
        b.pos = np.array([centre[0] + rk * math.sin(a), centre[1] - rk * math.cos(a), 0.0])
        if b.living or b.spec.traits.seat is not None:  # people, animals and chairs face the middle
            b.heading = math.degrees(math.atan2(-(centre[0] - b.pos[0]), centre[1] - b.pos[1]))
        elif topples:  # facing the next one round
            b.heading = math.degrees(a) + 90.0
        b.placed_by, b.kept = it.pattern, True


SITTING_WIDTH = 0.45  # × height: how wide someone sitting on the ground takes, legs crossed or folded


def _pyramid(members: list[Body], spacing: float | None) -> None:
    """Rows of one fewer on top of each other (3-2-1 for six cups), each thing over the gap between two below."""
    base = 1
    while base * (base + 1) // 2 < len(members):
        base += 1
    origin = members[0].pos.copy()
    width = max(float(b.size[0]) for b in members)
    step = width + (spacing if spacing is not None else 0.15 * width)
    z, k, row = origin[2], 0, base
    while k < len(members):
        level = members[k:k + row]
        for n, b in enumerate(level):
            b.pos = np.array([origin[0] + (n - (row - 1) / 2) * step, origin[1], z])
            b.placed_by, b.kept = "pyramid", True
        k, z, row = k + row, z + max(float(b.size[2]) for b in level), row - 1


def _spiral(members: list[Body], spacing: float | None) -> None:
    """An Archimedean spiral out from the middle, neighbours ``spacing`` apart along it (dominoes as close as in a
    row, facing along it, so each falls onto the next); the coils a body's length apart."""
    origin = members[0].pos.copy()
    topples = all(b.spec.traits.topples for b in members)
    depth = max(float(b.size[1]) for b in members)
    step = depth + (spacing if spacing is not None else (
        0.45 * float(np.mean([b.size[2] for b in members])) if topples else GAP))
    coil = max(max(float(b.size[0]), float(b.size[2])) for b in members) * 1.2  # gap between turns
    a = coil / (2 * math.pi)  # r = a·θ
    theta = 2 * math.pi  # start a turn out, where the spiral is wide enough for the first few
    for b in members:
        r = a * theta
        b.pos = np.array([origin[0] + r * math.cos(theta), origin[1] + r * math.sin(theta), origin[2]])
        if topples:  # along the curve: the tangent of (r cos θ, r sin θ)
            tx, ty = a * math.cos(theta) - r * math.sin(theta), a * math.sin(theta) + r * math.cos(theta)
            b.heading = math.degrees(math.atan2(-tx, ty))
        b.placed_by, b.kept = "spiral", True
        theta += step / math.hypot(r, a)  # the arc length to the next


def face(sub: Body, target: str, bodies: dict[str, Body]) -> None:
    """Turn ``sub`` towards ``target``: an actor, ``camera`` (at -Y), ``away`` from it, or ``each_other``."""
    if target == "camera":
        sub.heading = 180.0
    elif target == "away":
        sub.heading = 0.0
    elif target in bodies:
        d = bodies[target].pos[:2] - sub.pos[:2]
        sub.heading = math.degrees(math.atan2(-d[0], d[1]))


def _face_again(script: SceneScript, bodies: dict[str, Body]) -> None:
    """Face intents once the events have set everyone off where they start (a rabbit turned to where the tortoise
    stood before its walk was laid out): for watchers that do not move themselves."""
    for it in script.intents:
        if isinstance(it, Face) and it.target in bodies and not any(
                a.get("type") in MOVING_ACTIONS for a in bodies[it.subject].data.get("actions", [])):
            face(bodies[it.subject], it.target, bodies)


MOVING_ACTIONS = ("walk_to", "run_to", "move_to", "fly_to", "follow", "follow_path", "turn_to", "orbit", "ride")


def _lanes(script: SceneScript, bodies: dict[str, Body]) -> None:
    """Vehicles that drive at the same time go side by side in lanes, facing across the frame (+X) unless the
    script turned them."""
    drives = [it for it in script.intents if isinstance(it, DriveAlong)]
    groups: list[list[Body]] = []
    for k, it in enumerate(drives):
        car = bodies[it.subject]
        if car.kept or it.along is not None:  # a drive along a road is placed on it
            continue
        car.face_across()
        if it.together and groups and k:
            groups[-1].append(car)
        else:
            groups.append([car])
    for group in groups:
        water = _water_for(group[0], bodies)
        if len(group) < 2 and water is None:
            continue
        width = max(min(c.size[0], c.size[1]) for c in group) + 1.2
        x0, y0, z = group[0].pos[0], group[0].pos[1], 0.0
        if water is not None:  # boats race across the lake, not over the grass beside it
            surface = water.spec.traits.water.scaled(water.scale)
            x0, y0 = _local(water, surface.centre)
            z = water.pos[2] + surface.height - group[0].spec.traits.draft * group[0].size[2]
        side = np.array([group[0].forward[1], -group[0].forward[0]])
        for n, car in enumerate(group):
            car.heading = group[0].heading
            car.pos = np.array([*(np.array([x0, y0]) + side * (n - (len(group) - 1) / 2) * width), z])
            car.kept, car.placed_by = True, "lane" if water is None else "water"


def _water_for(boat: Body, bodies: dict[str, Body]) -> Body | None:
    """The water a buoyant vehicle drives on (the biggest in the scene), if it floats and there is one."""
    if not boat.spec.traits.buoyant:
        return None
    waters = [b for b in bodies.values() if b.spec.traits.water is not None]
    return max(waters, key=lambda b: float(b.size[0] * b.size[1]), default=None)


def _seated_pairs(script: SceneScript) -> set[frozenset[str]]:
    """(sitter, seat) pairs: someone who sits where they stand is meant to overlap the seat."""
    pairs = {frozenset((it.subject, it.target)) for it in script.intents if isinstance(it, SitOn)}
    for a in script.actors:
        pairs |= {frozenset((a.id, act.seat)) for act in a.actions if act.type == "sit" and act.seat}
    return pairs


def _separate(bodies: dict[str, Body], allowed: set[frozenset[str]] = frozenset()) -> None:  # type: ignore[assignment]
    """Push apart things on the ground whose footprints overlap (what a relation fixed stays put; a sitter and
    the seat in ``allowed`` may overlap)."""
    ground = [b for b in bodies.values() if not b.supported_by or b.supported_by.startswith("beside:")]
    ground = [b for b in ground if b.pos[2] < 0.05 and not b.placed_by.startswith(("under", "stack"))
              and b.spec.traits.place is None]  # a beach, a room: the scene stands on it
    for _ in range(30):
        moved = False
        for i, a in enumerate(ground):
            for b in ground[i + 1:]:
                if frozenset((a.id, b.id)) in allowed or _afloat_on(a, b) or _afloat_on(b, a):
                    continue
                d = b.pos[:2] - a.pos[:2]
                dist = float(np.linalg.norm(d))
                need = _clearance(a, b, d)
                if dist >= need - 1e-6 or _apart(a, b, d):
                    continue
                direction = d / dist if dist > 1e-6 else np.array([1.0, 0.0])
                push = need - dist
                movers = [x for x in (a, b) if not x.kept] or [b]
                for x in movers:
                    sign = 1.0 if x is b else -1.0
                    _shift(x, sign * direction * push / len(movers), bodies)
                moved = True
        if not moved:
            return


def _afloat_on(thing: Body, water: Body) -> bool:
    """Whether ``thing`` floats on ``water`` (a duck on the lake: they overlap on purpose)."""
    return water.spec.traits.water is not None and thing.spec.traits.buoyant


def _extent_along(x: Body, u: np.ndarray) -> float:
    """Half the extent of ``x``'s footprint along the unit direction ``u`` (x, y), with its heading."""
    h = math.radians(x.heading)
    local = np.array([u[0] * math.cos(h) + u[1] * math.sin(h), -u[0] * math.sin(h) + u[1] * math.cos(h)])
    return float(abs(local[0]) * x.size[0] / 2 + abs(local[1]) * x.size[1] / 2)


def _apart(a: Body, b: Body, d: np.ndarray, margin: float = 0.1) -> bool:
    """Whether the two footprints (turned by their headings) are ``margin`` apart along one of their sides'
    axes: two long things in staggered rows do not touch even where their centres are close on a diagonal."""
    for h in (a.heading, b.heading):
        r = math.radians(h)
        for u in (np.array([math.cos(r), math.sin(r)]), np.array([-math.sin(r), math.cos(r)])):
            if abs(float(d @ u)) >= _extent_along(a, u) + _extent_along(b, u) + margin:
                return True
    return False


def _clearance(a: Body, b: Body, d: np.ndarray) -> float:
    """Centre distance along ``d`` at which the two footprints stop overlapping, plus a hand's breadth."""
    u = d / max(float(np.linalg.norm(d)), 1e-6)
    return _extent_along(a, u) + _extent_along(b, u) + 0.1


def _shift(body: Body, delta: np.ndarray, bodies: dict[str, Body]) -> None:
    """Move ``body`` and everything resting on it by ``delta`` (x, y, or x, y, z: lifted into someone's hands)."""
    body.pos = body.pos + np.array([delta[0], delta[1], delta[2] if len(delta) > 2 else 0.0])
    for other in bodies.values():
        if other.supported_by == body.id:
            _shift(other, delta, bodies)


# ---------------------------------------------------------------------------------------------- events


EVENTS = EVENT_TYPES
# How long the events whose length does not hang on distances take, in seconds.
FIXED_SECONDS: dict[type, float] = {KnockOver: 4.5, Hit: 3.0, FallOff: 3.0, KickTo: 5.0, ThrowTo: 3.0, RollDown: 4.0,
                                    Chase: 6.0, Meet: 5.0, JumpOnto: 3.0, GoTo: 5.0, Topple: 2.0, PutDownIt: 3.0,
                                    RideOn: 8.0}
PAST_M = 3.0  # metres before and beyond what a subject goes past
TOWN_SPEED = 4.0  # m/s: a vehicle driving a road or bridge the prompt names, end to end in the shot


def _held_before(it: Any, intents: list[Any]) -> bool:
    """Whether an intent before ``it`` already puts its object in its subject's hands."""
    return any(isinstance(x, PickUpIt | HoldIt | Carry) and (x.subject, x.object) == (it.subject, it.object)
               for x in intents[:intents.index(it)])


def _pace(sub: Body, gait: str) -> float:
    """m/s a subject goes at on its own: a vehicle's drive, a walk or a run."""
    return LEAVE_SPEED if _rides(sub) else RUN_SPEED if gait == "run" else WALK_SPEED


def _natural(it: Any, bodies: dict[str, Body], intents: list[Any]) -> float:
    """How long an event naturally takes, from the distances involved."""
    def walk(a: str, b: str | None, speed: float = WALK_SPEED) -> float:
        if b is None or b not in bodies:
            return 2.0
        return float(np.linalg.norm(bodies[a].pos[:2] - bodies[b].pos[:2])) / speed + 0.5

    if type(it) in FIXED_SECONDS:
        return FIXED_SECONDS[type(it)]
    if isinstance(it, DropOnto):
        return math.sqrt(2 * it.height / GRAVITY) + 2.5
    if isinstance(it, PushIt):
        return walk(it.subject, it.target) + PUSH_DISTANCE / PUSH_SPEED + 0.5
    if isinstance(it, RunAround):
        return it.laps * 2 * math.pi * (bodies[it.target].radius + 1.2) / RUN_SPEED
    if isinstance(it, DriveAlong) and it.along is not None:
        return max(bodies[it.along].size[:2]) / min(it.speed, TOWN_SPEED)  # a road's length, at a town's pace
    if isinstance(it, DriveAlong):
        return (it.distance or 30.0) / it.speed
    if isinstance(it, SitOn):
        return walk(it.subject, it.target) + 2.5  # walk there, turn, back onto the seat, sit
    if isinstance(it, GoPast | Leave):
        way = _past_lane(it, bodies)[2] if isinstance(it, GoPast) else _leave_way(it, bodies, intents)[2]
        return way / _pace(bodies[it.subject], it.gait) + 0.5
    if isinstance(it, Do):
        n = ACTIONS[it.action].natural_duration if it.action in ACTIONS else None
        return (n or 3.0) * max(it.repeat, 1)
    if isinstance(it, PickUpIt):
        return walk(it.subject, it.object) + 2.5  # walk there, square up, reach down, lift
    if isinstance(it, Carry):
        goal = it.target if isinstance(it.target, str) else None
        return walk(it.object, goal) + (0.0 if _held_before(it, intents) else 3.5)  # picked up first, unless it is
    if isinstance(it, GiveIt):
        return walk(it.subject, it.target) + 2.5
    return 3.0


def schedule(script: SceneScript, bodies: dict[str, Body]) -> dict[int, tuple[float, float]]:
    """(start, end) of every event intent: given times are kept; the others follow each other (or run
    with the previous one when ``together``), spread so the sequence fills the whole video."""
    events = [(k, it) for k, it in enumerate(script.intents) if isinstance(it, EVENTS)]
    groups: list[list[tuple[int, Any]]] = []
    for k, it in events:
        # a thing knocked over that knocks the next one over as it falls: one moment, not the next beat
        chained = isinstance(it, KnockOver) and bool(groups) and any(
            isinstance(x, KnockOver) and x.target == it.subject for _, x in groups[-1])
        if (it.together or chained) and groups:
            groups[-1].append((k, it))
        else:
            groups.append([(k, it)])
    lengths = [max(_natural(it, bodies, list(script.intents)) for _, it in g) for g in groups]
    total = sum(lengths)
    duration = script.duration
    lead = 0.5 if total < duration else 0.0
    # more to do than time: everything goes a little quicker (never below 70 % of its natural length: people
    # cannot walk faster than they walk; what does not fit is cut by the end, and the check says so);
    # less: a little slower, but never crawling (the rest of a long video is kept alive instead)
    # vehicles alone (nothing alive to keep busy between events) drive on slower rather than stand parked
    slowest = 4.0 if events and all(_rides(bodies[x]) for _, it in events for x in intent_subjects(it)) else 1.6
    stretch = min(slowest, max(0.7, (duration - lead - 0.5) / total)) if total > 0 else 1.0
    slack = max(0.0, duration - lead - total * stretch)
    pad = slack / (len(groups) + 1) if len(groups) > 1 else 0.0
    t = lead + pad
    spans: dict[int, tuple[float, float]] = {}
    for g, length in zip(groups, lengths, strict=True):
        span = min(length * stretch, max(duration - 0.3 - t, 0.5))  # ends a moment before the video does
        for k, it in g:
            s = it.start if it.start is not None else 0.0 if _falls_from_start(it) else min(
                t, max(duration - 0.5, 0.0))
            e = it.end if it.end is not None else min(duration, s + span)
            spans[k] = (round(s, 3), round(max(e, s + 0.2), 3))
        t += span + pad
    return spans


def _falls_from_start(it: Any) -> bool:
    """Whether an event begins with a fall from the air: nothing holds the thing up there, so it falls as the
    video starts (hanging in the air until a later time is what the world check calls floating)."""
    return isinstance(it, DropOnto) or (isinstance(it, KnockOver | Hit) and it.via == "drop")


@dataclass
class Strike:
    """An impulse the solver must check in the physics bake: ``mover`` should reach ``target``."""

    actor: str
    action: int  # index in the actor's actions (a push), or -1 for a launch velocity
    target: str | tuple[float, float, float]
    goal: str  # "touch" (a collision with the target), "reach" (come near the point/actor) or "topple"
    falls: tuple[str, ...] = ()  # for "topple": the chain, of which at least half must tip over
    intent: int = -1  # the intent it realises
    push: dict[str, Any] = field(default_factory=dict)  # the action itself


def _events(script: SceneScript, bodies: dict[str, Body], spans: dict[int, tuple[float, float]]) -> list[Strike]:
    strikes: list[Strike] = []
    for k in _chain_last_first(script):
        it = script.intents[k]
        if k not in spans:
            continue
        s, e = spans[k]
        where = f"intents[{k}]"
        handler = _HANDLERS[type(it)]
        strike = handler(it, bodies, s, e, where, script)
        if strike is not None:
            strike.intent = k
            if strike.action >= 0:
                strike.push = bodies[strike.actor].data["actions"][strike.action]  # its index moves when sorted
            strikes.append(strike)
    return strikes


def _chain_last_first(script: SceneScript) -> list[int]:
    """The intents in order, except that a knock-over whose target goes on to knock something over comes after
    that one ("an apple rolls into a bottle, the bottle … knocks down a row of mugs"): the bottle is lined up with
    the mugs first, then the apple with the bottle where it now stands (it rolled at where the bottle had been)."""
    knocks = {k: it for k, it in enumerate(script.intents) if isinstance(it, KnockOver)}
    out: list[int] = []

    def visit(k: int) -> None:
        if k in out:
            return
        if k in knocks:
            for j in knocks:
                if j > k and knocks[j].subject == knocks[k].target and j not in out:
                    visit(j)
        out.append(k)

    for k in range(len(script.intents)):
        visit(k)
    return out


def _can(body: Body, action: str, where: str) -> None:
    if action not in body.spec.actions:
        raise ScriptError(f"{where}: a {body.spec.name} ({body.id!r}) cannot {action} "
                          f"(it can: {', '.join(body.spec.actions)})")


def _heading_to(a: np.ndarray, b: np.ndarray) -> float:
    d = b[:2] - a[:2]
    return math.degrees(math.atan2(-d[0], d[1]))


def _chain(script: SceneScript, target: str) -> list[str]:
    """The target and everything arranged with it in a row, a circle or a stack (they fall together)."""
    for it in script.intents:
        if isinstance(it, Arrange) and target in it.subjects and it.pattern in CHAINS:
            return list(it.subjects)
    return [target]


def _in_row(script: SceneScript, target: str) -> bool:
    """Whether ``target`` stands in a row or a circle (it falls onto the next) rather than alone or in a stack."""
    return any(isinstance(it, Arrange) and target in it.subjects and it.pattern in IN_LINE for it in script.intents)


def _knock_over(it: KnockOver, bodies: dict[str, Body], s: float, e: float, where: str,
                script: SceneScript) -> Strike | None:
    mover, target = bodies[it.subject], bodies[it.target]
    chain = _chain(script, it.target)
    for cid in chain:  # toy-light: a row or a tower of blocks is knocked over by a ball, not a wall of timber;
        # standing still until the event (a slender fence would wobble over by itself before it is struck)
        bodies[cid].dynamic(mass=float(np.clip(np.prod(bodies[cid].size) * 150.0, 0.2, 20.0)),
                            **({"start": s} if s > 0 else {}))
    if _in_row(script, it.target):
        _close_ranks([bodies[c] for c in chain], mover, script)
    if it.via != "move":  # dropped, thrown or kicked at it: it flies in, nothing walks or rolls up
        _send_at(it, mover, [bodies[c] for c in chain], _in_row(script, it.target), bodies, s, e, where)
        return None
    if _at_row_end(script, it, bodies):  # "the last domino knocks a bottle over": the row falls onto it
        return None
    if _falls_onto(script, it, mover, [bodies[c] for c in chain]):  # "the bottle falls over and knocks down …"
        return None
    rolling = _into_path(script, it, [bodies[c] for c in chain], bodies)  # it is rolling already: it runs into them
    if rolling:  # where it really rolls is known after a trial bake: what it meets is put there if it misses
        for cid in chain:  # it may arrive before this event's start: a stack of blocks is loose from the start
            physics = bodies[cid].data.get("physics") or {}  # (it bounced off blocks not yet let go)
            if not bodies[cid].spec.traits.topples:
                physics.pop("start", None)
        return Strike(mover.id, -1, it.target, "meet", tuple(chain))
    if mover.spec.traits.round and not mover.living and _across_face([bodies[c] for c in chain], mover) is not None:
        # a ball at a pyramid flies in at its middle row: rolled at the bottom one, the rows above hold each other up
        _send_at(it.model_copy(update={"via": "kick"}), mover, [bodies[c] for c in chain], False, bodies, s, e, where)
        return None
    if mover.spec.traits.round and not mover.kept and bodies.get(target.supported_by or "") is not None:
        # what it knocks over stands on something (a vase on a shelf): it rolls in along that top, or is flung
        _send_at(it, mover, [bodies[c] for c in chain], _in_row(script, it.target), bodies, s, e, where)
        return None
    # come from the far side of the chain's first member, along the chain
    members = [bodies[c] for c in chain]
    in_line = len(members) > 1 and _in_row(script, it.target) and float(
        np.linalg.norm(members[-1].pos[:2] - members[0].pos[:2])) > 1e-3
    if in_line:
        axis = members[-1].pos[:2] - members[0].pos[:2]
        first = members[0] if np.linalg.norm(members[0].pos[:2] - target.pos[:2]) <= np.linalg.norm(
            members[-1].pos[:2] - target.pos[:2]) else members[-1]
        if first is members[-1]:
            axis = -axis
        axis = axis / max(float(np.linalg.norm(axis)), 1e-6)
        hit = first
    elif (face := _across_face(members, mover)) is not None:  # a pyramid: one of its base knocked out from under
        hit, axis = face
    else:  # a single thing or a tower: come in from the mover's side (from the left when they coincide), or
        # from the side away from what it is to knock over in turn (the bottle falls onto the mugs)
        onward = next((bodies[x.target] for x in script.intents if isinstance(x, KnockOver) and
                       x.subject == it.target and x.target in bodies), None)
        away = onward.pos[:2] - target.pos[:2] if onward is not None else target.pos[:2] - mover.pos[:2]
        axis = away / np.linalg.norm(away) if np.linalg.norm(away) > 0.05 else np.array([1.0, 0.0])
        hit = members[0] if len(members) > 1 else target
    if not mover.kept:  # a run-up, shorter where something stands in the way (an apple started inside the counter)
        skip = {mover.id, *chain}
        run = next((r for r in RUN_UPS if _clear_at(hit.pos[:2] - axis * (r + hit.radius + mover.radius),
                                                      mover.radius, bodies, skip)), RUN_UPS[0])
        start_xy = hit.pos[:2] - axis * (run + hit.radius + mover.radius)
        mover.pos = np.array([start_xy[0], start_xy[1], 0.0])
    top_end = _down_the_top(mover, hit, bodies) if not mover.spec.traits.round and not mover.living and \
        len(members) == 1 else None
    approach = hit.pos[:2] - mover.pos[:2]
    mover.heading = math.degrees(math.atan2(-approach[0], approach[1]))
    if not mover.spec.traits.round and not mover.living:  # a car, a cart: drives on through all of them
        _can(mover, "move_to", where)
        last = max(members, key=lambda b: float(np.dot(b.pos[:2] - hit.pos[:2], approach)))
        through = top_end if top_end is not None else last.pos[:2] + approach / max(
            float(np.linalg.norm(approach)), 1e-6) * (last.radius + mover.size[1] / 2 + 1.0)
        speed = 6.0 * (min(1.0, float(max(mover.size[:2])) / 4.0) if mover.spec.group == "vehicles" else 1.0)
        # (m/s: a toy car's pace is a toy's)
        mover.act(type="move_to", to=[through[0], through[1], mover.pos[2]], start=s,
                  end=min(e, s + 1.0 + float(np.linalg.norm(through - mover.pos[:2])) / speed), easing="ease_in")
        return None
    if mover.spec.traits.round:
        if "push" not in mover.spec.actions:
            raise ScriptError(f"{where}: a {mover.spec.name} cannot be set moving to knock {it.target!r} over")
        dist = float(np.linalg.norm(approach)) - hit.radius - mover.radius
        mass = _thrown_mass(mover)
        mover.dynamic(mass=round(mass, 3))
        speed = max(2.5, dist / 1.2)
        direction = np.array([*(approach / max(np.linalg.norm(approach), 1e-6)), 0.0])
        if len(members) > 1 and not in_line:  # a tower: hit it hard enough to bring it down
            speed *= 2.5
        mover.act(type="push", impulse=direction * speed * mass, start=s)
        return Strike(mover.id, len(mover.data["actions"]) - 1, hit.id, "topple", tuple(chain))
    _can(mover, "walk_to", where)
    arrive = s + min(e - s - 1.0, float(np.linalg.norm(approach)) / WALK_SPEED + 0.3)
    if "push" not in mover.spec.actions:  # a cat or a dog: it walks on into the thing and bumps it over
        through = hit.pos[:2] + approach / max(float(np.linalg.norm(approach)), 1e-6) * 0.3
        mover.act(type="walk_to", to=[through[0], through[1], 0.0], start=s, end=max(arrive, s + 0.5))
        return None
    mover.act(type="walk_to", to=hit.id, start=s, end=max(arrive, s + 0.5), stop_distance=0.35)
    mover.act(type="push", target=hit.id, strength=6.0 * float(hit.data["physics"]["mass"]), start=max(arrive,
                                                                                                      s + 0.5))
    return Strike(mover.id, len(mover.data["actions"]) - 1, hit.id, "topple", tuple(chain))


def _down_the_top(mover: Body, hit: Body, bodies: dict[str, Body]) -> np.ndarray | None:
    """A mover and what it knocks over on one top ("a toy car rolls across the table and knocks over a candle"):
    the mover at one end of the top's long side, the thing two thirds of the way along, and the drive ends just
    past where it strikes, short of the edge (it drove on off the table and hung in the air). ``None`` if not on
    one top."""
    host = bodies.get(mover.supported_by or "")
    if host is None or hit.supported_by != host.id or mover.placed_on < 0:
        return None
    top = host.spec.traits.supports[mover.placed_on].scaled(host.scale)
    long_x = top.size[0] >= top.size[1]
    half = (top.size[0] if long_x else top.size[1]) / 2 - max(mover.size[:2]) / 2 - 0.02
    if 2 * half < mover.radius + hit.radius + 0.1:
        return None

    def at(f: float) -> np.ndarray:
        return _local(host, (top.centre[0] + (f if long_x else 0.0), top.centre[1] + (0.0 if long_x else f)))

    mover.pos = np.array([*at(-half), mover.pos[2]])
    struck = max(-half + mover.radius + hit.radius + 0.05, half / 2)
    hit.pos = np.array([*at(struck), hit.pos[2]])
    return at(min(half, struck + hit.radius))  # it strikes and stops (pushed on, it went off the far edge)


def _thrown_mass(body: Body, least: float = 0.3) -> float:
    """kg of a thing set rolling or flying at another (a ball, a stone): from its box, at least ``least``, at most
    50 kg."""
    return min(50.0, max(least, float(np.prod(body.size)) * 500.0))


RANKS_GAP = 0.3  # × the mover's height: the gap left between things in a row that a bigger thing ploughs through


def _close_ranks(members: list[Body], mover: Body, script: SceneScript) -> None:
    """A row of things too short to fall onto each other (cups, cans) that something bigger is sent through stands
    close, each gap a share of the mover's size, so it meets every one of them and not only the first."""
    if len(members) < 2 or mover.living or all(b.spec.traits.topples for b in members):
        return
    tallest = max(float(b.size[2]) for b in members)
    if float(mover.size[2]) <= tallest:
        return
    rows = [it for it in script.intents if isinstance(it, Arrange) and members[0].id in it.subjects]
    if any(it.spacing is not None for it in rows):  # the script said how far apart: keep it
        return
    axis = _unit(members[-1].pos - members[0].pos, np.array([1.0, 0.0]))
    gap = RANKS_GAP * float(mover.size[2])
    widths = [_extent_along(b, axis) * 2 for b in members]
    middle = np.mean([b.pos[:2] for b in members], axis=0)
    along = -(sum(widths) + gap * (len(members) - 1)) / 2
    for b, w in zip(members, widths, strict=True):
        xy = middle + axis * (along + w / 2)
        b.pos = np.array([xy[0], xy[1], b.pos[2]])
        along += w + gap


def _line_of_attack(mover: Body, members: list[Body], row: bool) -> tuple[Body, np.ndarray]:
    """The member a mover strikes first and the unit (x, y) direction it comes in along: down a row from its
    nearer end; at a single thing or a stack from the mover's side (from the left when they coincide)."""
    if row and len(members) > 1 and float(np.linalg.norm(members[-1].pos[:2] - members[0].pos[:2])) > 1e-3:
        first, last = members[0], members[-1]
        if np.linalg.norm(first.pos[:2] - mover.pos[:2]) > np.linalg.norm(last.pos[:2] - mover.pos[:2]):
            first, last = last, first
        axis = last.pos[:2] - first.pos[:2]
        return first, axis / float(np.linalg.norm(axis))
    if (face := _across_face(members, mover, flying=True)) is not None:
        return face
    centre = np.mean([m.pos[:2] for m in members], axis=0)
    away = centre - mover.pos[:2]
    return members[0], (away / float(np.linalg.norm(away)) if np.linalg.norm(away) > 0.05 else np.array([1.0, 0.0]))


def _across_face(members: list[Body], mover: Body, flying: bool = False) -> tuple[Body, np.ndarray] | None:
    """A pyramid (a wall of things in rows on top of each other) is struck square on its face, at the middle of
    its bottom row, so what rests on that one comes down (struck along its rows it only slides up against
    itself); something ``flying`` in strikes the row above, so the rows over it fall. ``None`` for anything
    else. Comes in from the mover's side of the face (from the front, -y, when the mover is level with it)."""
    base_z = min(float(m.pos[2]) for m in members)
    base = [m for m in members if float(m.pos[2]) < base_z + 0.05]
    if len(base) < 2 or len(base) == len(members):
        return None
    row = _unit(base[-1].pos - base[0].pos, np.array([1.0, 0.0]))
    normal = np.array([-row[1], row[0]])
    middle = np.mean([m.pos[:2] for m in base], axis=0)
    side = float(np.dot(middle - mover.pos[:2], normal))
    axis = normal if side > 0.3 or (abs(side) <= 0.3 and normal[1] >= 0) else -normal
    above = [m for m in members if m not in base]
    second = [m for m in above if float(m.pos[2]) < min(float(x.pos[2]) for x in above) + 0.05]
    row_hit = second if flying and len(above) > 1 else base  # what a flying thing strikes: the row above the base
    hit = min(row_hit, key=lambda m: float(np.linalg.norm(m.pos[:2] - middle)))
    return hit, axis


RUN_UP_ON_TOP = 0.8  # metres a thing set rolling at another on one top (a table) starts back from it, room allowing
FLIGHT_SPEED = {"throw": 7.0, "kick": 10.0}  # m/s across the ground: a throw arcs, a kick flies low and fast


def _send_at(it: KnockOver | Hit, mover: Body, members: list[Body], row: bool, bodies: dict[str, Body], s: float,
             e: float, where: str) -> None:
    """Send ``mover`` at the first of ``members`` the way ``it.via`` says: dropped from above so that it strikes the
    near side of the target's top as it falls (pushing it away along the line of attack), thrown through the air
    or kicked low; from a named agent's hand or foot, or launched from ``it.distance`` metres away."""
    hit, axis = _line_of_attack(bodies[it.agent] if it.agent else mover, members, row)
    if not mover.spec.traits.round and it.via != "drop":
        _can(mover, "push", where)
    mass = _thrown_mass(mover)
    r = float(mover.size[2]) / 2
    near = hit.pos[:2] - axis * (_extent_along(hit, axis) + r * 0.9)  # its centre as it meets the near face
    if hit.spec.traits.water is not None:  # into the lake, a few metres out, not onto its near shore
        near = hit.pos[:2] - axis * max(_extent_along(hit, axis) - 3.0, 0.0)
    if it.via == "drop":
        contact = np.array([*near, hit.top() - 0.3 * r])
        along = 1.5 + float(hit.size[0] * hit.size[1]) ** 0.5  # across while it falls: a shove, not a thud
        fall = math.sqrt(2 * it.height / GRAVITY)
        start = contact + np.array([*(-axis * along * fall), it.height])
        mover.pos = start - np.array([0.0, 0.0, r])  # the base is its position
        mover.supported_by = None
        # nothing holds it up there: it falls as the video starts (see _drop_onto)
        mover.dynamic(start=0.0, velocity=np.array([*(axis * along), 0.0]), mass=round(mass, 3), restitution=0.1)
        return
    distance = it.distance if it.distance is not None else float(np.clip(8.0 * hit.size[2], 1.5, 4.0))
    if hit.spec.traits.water is not None:  # thrown in from the shore: the thrower stands on dry land
        distance = max(distance, 3.0 + 1.0)
    height = hit.pos[2] + (min(0.5 * hit.size[2], 0.4) if it.via == "kick" else 0.5 * hit.size[2])
    aim = np.array([*near, max(height, hit.pos[2] + r * 1.05)])  # flying in above what the target stands on
    agent = bodies.get(it.agent) if it.agent else None
    if agent is not None:
        if not agent.kept:
            spot = aim[:2] - axis * distance
            agent.pos = np.array([spot[0], spot[1], 0.0])
        agent.heading = _heading_to(agent.pos, aim)
    if agent is not None and it.via == "throw":
        launch = agent.pos + agent.forward * 0.35 + np.array([0.0, 0.0, 1.35 * agent.scale[2]])
        if _hands_free(agent, mover):  # in the hand until thrown, not hanging in the air beside it
            agent.act(type="hold", object=mover.id, start=0.0)
        elif "wave" in agent.spec.actions:  # the throwing arm
            agent.act(type="wave", start=max(0.0, s - 0.6), end=s + 0.6)
    elif agent is not None:  # a kick: the ball at the kicker's feet, in front of it
        launch = np.array([*(agent.pos[:2] + agent.forward[:2] * 0.45), r])
    elif mover.kept:  # put somewhere by a relation (a ball on the table): it sets off from there, or from as far
        launch = mover.pos + np.array([0.0, 0.0, r])  # back on that top as a run-up needs (the cue ball touched)
        under = bodies.get(mover.supported_by or "")
        if under is not None and under is bodies.get(hit.supported_by or "") and it.via == "move":
            back = _room_behind(under, hit.pos[:2], -axis, RUN_UP_ON_TOP, r)
            if back > float(np.linalg.norm(hit.pos[:2] - mover.pos[:2])):
                spot = hit.pos[:2] - axis * back
                launch = np.array([spot[0], spot[1], launch[2]])
    else:  # from the surface the target stands on (a table top, the ground), as far back as it reaches
        under = bodies.get(hit.supported_by or "")
        back = distance if under is None else _room_behind(under, hit.pos[:2], -axis, distance, r)
        if back < 2 * r + 0.1:  # no room on that top to set off from: from the ground, through the air
            back, under, it = distance, None, it.model_copy(update={"via": "throw"})
        spot = aim[:2] - axis * back
        launch = np.array([spot[0], spot[1], (hit.pos[2] if under is not None else 0.0) + r])
    mover.pos = launch - np.array([0.0, 0.0, r])
    if not mover.kept:
        mover.supported_by = hit.supported_by if agent is None and it.via != "throw" else None
    if it.via == "move":  # it rolls there along the surface, quick enough to arrive early in the event
        gap = aim[:2] - launch[:2]
        speed = max(2.0, float(np.linalg.norm(gap)) / 0.8)
        mover.dynamic(start=s, velocity=np.array([*(gap / max(float(np.linalg.norm(gap)), 1e-6) * speed), 0.0]),
                      mass=round(mass, 3))
        return
    flight = max(0.35, float(np.linalg.norm(aim[:2] - launch[:2])) / FLIGHT_SPEED[it.via])
    k = -math.log(1.0 - ROLLING_DAMPING) if mover.spec.traits.round else 0.0
    stand = bodies.get(hit.supported_by or "")
    if stand is not None and launch[2] < hit.pos[2]:  # up onto a top (a vase on a shelf): lobbed over its edge
        inside = _room_behind(stand, hit.pos[:2], -axis, 10.0, 0.0)
        flight = _over_edge(launch, aim, inside, hit.pos[2] + r, flight, k)
    velocity = _launch_velocity(aim - launch, flight, k)
    if agent is not None and it.via == "kick" and "kick" in agent.spec.actions:
        agent.act(type="kick", target=mover.id, impulse=velocity * mass, start=s)
        mover.dynamic(mass=round(mass, 3))
        return
    mover.dynamic(start=s, velocity=velocity, mass=round(mass, 3))


def _launch_velocity(gap: np.ndarray, flight: float, k: float) -> np.ndarray:
    """The velocity that carries a body ``gap`` (x, y, z) in ``flight`` seconds under gravity and the physics' linear
    damping ``k`` (per second; dv/dt = g - k v)."""
    if k <= 1e-9:
        return gap / flight + np.array([0.0, 0.0, 0.5 * GRAVITY * flight])
    spread = (1.0 - math.exp(-k * flight)) / k  # how far a unit of speed carries in the flight
    out = gap / spread
    out[2] = (gap[2] + GRAVITY * flight / k) / spread - GRAVITY / k
    return out


def _arc_height(v: np.ndarray, t: float, k: float) -> float:
    """Height gained after ``t`` seconds by a body launched at ``v`` (gravity, damping ``k``)."""
    if k <= 1e-9:
        return float(v[2] * t - 0.5 * GRAVITY * t * t)
    return float((v[2] + GRAVITY / k) * (1.0 - math.exp(-k * t)) / k - GRAVITY * t / k)


def _over_edge(launch: np.ndarray, aim: np.ndarray, inside: float, clear: float, flight: float, k: float) -> float:
    """The shortest flight time, from ``flight`` up, whose arc from ``launch`` to ``aim`` is above ``clear`` where it
    crosses the edge of the top the target stands on (``inside`` metres before the aim)."""
    gap = aim - launch
    across = float(np.linalg.norm(gap[:2]))
    for t in np.arange(flight, 3.0, 0.05):
        v = _launch_velocity(gap, float(t), k)
        # when it is over the edge: the horizontal distance covered, inverted through the damping
        done = max(across - inside, 0.0) / max(float(np.linalg.norm(v[:2])), 1e-6)
        at = done if k <= 1e-9 else -math.log(max(1.0 - k * done, 1e-6)) / k
        if launch[2] + _arc_height(v, min(at, float(t)), k) >= clear:
            return float(t)
    return flight


def _room_behind(under: Body, xy: np.ndarray, direction: np.ndarray, most: float, margin: float) -> float:
    """How far from ``xy`` along ``direction`` one stays on ``under``'s top (at most ``most``)."""
    local_d = _to_local(under, xy + direction) - _to_local(under, xy)
    half = under.size[:2] / 2 - margin
    start = _to_local(under, xy)
    reach = [(half[k] * np.sign(local_d[k]) - start[k]) / local_d[k] for k in (0, 1) if abs(local_d[k]) > 1e-6]
    return float(np.clip(min(reach, default=most), 0.3, most))


def _hit(it: Hit, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    mover, target = bodies[it.subject], bodies[it.target]
    if target.spec.traits.round and not target.living and target.data.get("physics") is None:
        # a ball struck by a ball rolls on (the black ball stood fast and the cue ball bounced off it)
        target.dynamic(mass=round(_thrown_mass(target, least=0.1), 3),
                       **({"start": s} if s > 0 else {}))
    if it.via == "move" and _into_path(script, it, [target], bodies):  # it is rolling already: it runs into it
        return
    _send_at(it, mover, [target], False, bodies, s, e, where)


RUN_UPS = (2.5, 1.8, 1.2, 0.8, 0.5)  # metres a thing set rolling at another starts from it, the longest clear


def _clear_at(xy: np.ndarray, radius: float, bodies: dict[str, Body], skip: set[str]) -> bool:
    """Whether a thing of ``radius`` at ``xy`` on the ground is clear of what stands there (not a floor or a road)."""
    for b in bodies.values():
        if b.id in skip or b.spec.traits.walkable or b.spec.traits.place is not None or b.spec.traits.water:
            continue
        if abs(float(xy[0] - b.pos[0])) < b.size[0] / 2 + radius and abs(float(xy[1] - b.pos[1])) < \
                b.size[1] / 2 + radius and b.pos[2] < 0.5:
            return False
    return True


def _falls_onto(script: SceneScript, it: KnockOver, mover: Body, chain: list[Body]) -> bool:
    """When the mover is one thing that topples and an earlier knock-over fells it ("an apple rolls into a bottle,
    the bottle falls over and knocks down a row of mugs"), its fall is the push: what it knocks over is put within
    its reach, in the way it falls (it stood 2 m off and the bottle fell short). ``False`` otherwise."""
    felled = any(isinstance(x, KnockOver) and x.target == it.subject for x in script.intents[:script.intents.index(it)])
    if not felled or mover.living or not mover.spec.traits.topples or len(_chain(script, it.subject)) > 1:
        return False
    first = min(chain, key=lambda b: float(np.linalg.norm(b.pos[:2] - mover.pos[:2])))
    u = _unit(first.pos[:2] - mover.pos[:2], np.array([1.0, 0.0]))
    reach = 0.6 * float(mover.size[2]) + _extent_along(first, u)  # its top lands past the near side
    shift = mover.pos[:2] + u * reach - first.pos[:2]
    for b in chain:
        b.pos = np.array([b.pos[0] + shift[0], b.pos[1] + shift[1], b.pos[2]])
        b.kept = True
        (b.data.get("physics") or {}).pop("start", None)  # loose from the start: the fall comes before this event
    return True


def _at_row_end(script: SceneScript, it: KnockOver, bodies: dict[str, Body]) -> bool:
    """When the mover is one of a row that an earlier knock-over or topple brings down ("… and the last domino knocks
    a bottle over"), the row falls onto the target: the target (with what it stands on, when the falling member
    reaches that high) is put just past the row's end; nothing else is done, the fall is the push. ``False`` when no
    earlier event fells the mover's row."""
    before = script.intents[:script.intents.index(it)]
    row = _chain(script, it.subject)
    felled = any((isinstance(x, KnockOver) and x.target in row) or (isinstance(x, Topple) and x.subject in row)
                 for x in before)
    if len(row) < 2 or not felled or not _in_row(script, it.subject):
        return False
    last, prior = bodies[row[-1]], bodies[row[-2]]
    target = bodies[it.target]
    under = bodies.get(target.supported_by or "")
    if under is not None and target.pos[2] > 0.8 * float(last.size[2]):
        return True  # out of the falling member's reach: it stays where it is
    u = _unit(last.pos - prior.pos, np.array([1.0, 0.0]))
    spot = last.pos[:2] + u * (0.6 * float(last.size[2]) + _extent_along(target, u))
    _shift(under if under is not None else target, spot - target.pos[:2], bodies)
    target.dynamic(mass=float(np.clip(np.prod(target.size) * 150.0, 0.2, 20.0)))
    return True


PATH_GAP = 1.0  # metres past the foot of a slope where what a ball rolling down it runs into stands


def _into_path(script: SceneScript, it: KnockOver | Hit, members: list[Body], bodies: dict[str, Body]) -> bool:
    """When an earlier event already sets the mover rolling (down a ramp), what it runs into is moved into its path:
    the group, kept as it is arranged, turned to line up with the roll, a little past the slope's foot. Only what
    stands on the ground is moved (a cup on a table stays where it is); ``False`` when nothing earlier moves it."""
    before = script.intents[:script.intents.index(it)]
    roll = next((x for x in reversed(before) if isinstance(x, RollDown) and x.subject == it.subject), None)
    if roll is None:
        return False
    ids = {m.id for m in members}
    if any(m.supported_by in bodies and m.supported_by not in ids for m in members):
        return True  # it rolls on its own; what it meets stays on what holds it (a stack's upper ones stand on it)
    slope = bodies[roll.target]
    _top, down = _high_end(slope)
    # where it leaves the slope, rolling downhill from where it starts: a ramp's low end, a hill's foot
    foot, down = _downhill(slope, bodies[it.subject].pos[:2], down)
    first = next((m for m in members if m.id == it.target), members[0])  # what it meets first is the target
    if len(members) > 1 and _in_row(script, members[0].id):
        last = members[-1] if first is members[0] else members[0]
        turn = _heading_to(first.pos, last.pos) - math.degrees(math.atan2(-down[0], down[1]))
    else:
        turn = 0.0
    spot = foot + down * (PATH_GAP + _extent_along(first, down))
    c, s_ = math.cos(math.radians(-turn)), math.sin(math.radians(-turn))
    origin = first.pos[:2].copy()
    for m in members:  # a rigid move: the arrangement stays as it was laid out
        rel = m.pos[:2] - origin
        xy = spot + np.array([c * rel[0] - s_ * rel[1], s_ * rel[0] + c * rel[1]])
        # standing on the hill's skirt where it still rises there, not buried in it
        z = max(float(m.pos[2]), _surface_z(slope, xy[None])) if np.all(
            np.abs(_to_local(slope, xy)) <= slope.size[:2] / 2) else float(m.pos[2])
        m.pos = np.array([xy[0], xy[1], z])
        m.heading = m.heading - turn
    return True


def _drop_onto(it: DropOnto, bodies: dict[str, Body], s: float, e: float, where: str,
               script: SceneScript) -> Strike:
    sub, target = bodies[it.subject], bodies[it.target]
    try:  # over a free spot of its top (several drops do not fall into one pile)
        _put_on(sub, target, where, bodies)
        sub.pos = sub.pos + np.array([0.0, 0.0, it.height])
    except ScriptError:  # no room on top (or no top at all): it falls onto the middle anyway
        sub.pos = np.array([target.pos[0], target.pos[1], target.top() + it.height])
    # nothing holds it up there, so it falls as the video starts (hanging in the air until a later
    # event time is what the world check calls floating)
    sub.dynamic(start=0.0, mass=max(0.5, float(np.prod(sub.size)) * 1500.0), restitution=0.05, friction=1.0)
    return Strike(sub.id, -1, target.id, "rest_on")


EDGE_SPEED = {True: 1.0, False: 1.4}  # m/s over the edge: a ball rolls off, anything else slides (on low friction)
SLIDE_FRICTION = 0.2


def _fall_off(it: FallOff, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    """On ``target``'s top at the edge nearest ``onto`` (else its right-hand edge, across the view), nudged over it at
    the event's start; ``onto``, unless a relation placed it, stands on the ground just below that edge."""
    sub, top = bodies[it.subject], bodies[it.target]
    below = bodies.get(it.onto) if it.onto else None
    _put_on(sub, top, where, bodies)
    d = _unit((below.pos - top.pos) if below is not None else np.array([1.0, 0.0, 0.0]), np.array([1.0, 0.0]))
    edge = top.pos[:2] + d * _extent_along(top, d)
    spot = edge - d * (_extent_along(sub, d) + 0.02)
    sub.pos = np.array([spot[0], spot[1], sub.pos[2]])
    if below is not None and not below.kept:
        under = edge + d * (_extent_along(below, d) + 0.05)
        below.pos = np.array([under[0], under[1], 0.0])
        below.supported_by = f"beside:{top.id}"
        below.kept = True
    round_ = bool(sub.spec.traits.round)
    speed = EDGE_SPEED[round_]
    if below is not None:  # just quick enough to land short of the middle of what is below, and stay on it
        fall = math.sqrt(2 * max(top.top() - below.top(), 0.05) / GRAVITY)
        over = max(float(np.dot(below.pos[:2] - edge, d)) - 0.1, 0.1) / fall  # its speed leaving the edge
        to_edge = _extent_along(sub, d) + 0.02  # sliding its middle to the edge, slowed by friction
        speed = math.sqrt(over ** 2 + 2 * (0.0 if round_ else SLIDE_FRICTION * GRAVITY) * to_edge)
    sub.dynamic(start=s, velocity=np.array([*(d * speed), 0.0]),
                mass=round(max(0.3, float(np.prod(sub.size)) * 300.0), 3),
                **({} if round_ else {"friction": SLIDE_FRICTION}))


# Where a ball goes in to score, in the asset's own frame (x, y), and the unit direction its mouth faces.
MOUTHS: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {"football_goal": ((0.25, -0.6), (0.0, 1.0))}
ROLL_SECONDS = 1.65  # a kicked ball rolls about this many seconds' worth of its launch speed (sliding into a roll
# and the rolling damping take the rest; measured in the bake), so kicked that hard it stops at its target
KICK_RANGE = 6.0  # metres in front of a goal's mouth that a shot is taken from (it rolls to a stop inside: the
# net is strands a ball would go through)


def _kick_to(it: KickTo, bodies: dict[str, Body], s: float, e: float, where: str,
             script: SceneScript) -> Strike | None:
    kicker, ball = bodies[it.subject], bodies[it.object]
    goal = _point(it.target, bodies, fallback=ball.pos + np.array([0.0, 5.0, 0.0]))
    scored = bodies.get(it.target) if isinstance(it.target, str) else None
    if scored is not None and scored.spec.name in MOUTHS:  # into a goal: from in front of its mouth, between strands
        if not scored.kept:
            scored.heading = 180.0  # its mouth to the camera (which looks along +y)
        inside, front = MOUTHS[scored.spec.name]
        goal = np.array([*_local(scored, inside), 0.0])
        facing = _local(scored, front) - scored.pos[:2]
        if not ball.kept or float(np.linalg.norm(ball.pos[:2] - goal[:2])) > 3 * KICK_RANGE:
            spot = goal[:2] + facing * KICK_RANGE
            ball.pos = np.array([spot[0], spot[1], 0.0])
    ball.pos = np.array([ball.pos[0], ball.pos[1], 0.0])
    ball.dynamic(mass=0.45)
    away = goal[:2] - ball.pos[:2]
    axis = away / max(float(np.linalg.norm(away)), 1e-6)
    if not kicker.kept or float(np.linalg.norm(kicker.pos[:2] - ball.pos[:2])) > 6.0:
        spot = ball.pos[:2] - axis * 2.5
        kicker.pos = np.array([spot[0], spot[1], 0.0])
    kicker.heading = _heading_to(kicker.pos, ball.pos)
    _can(kicker, "walk_to", where)
    arrive = s + min(e - s - 1.5, float(np.linalg.norm(ball.pos[:2] - kicker.pos[:2])) / WALK_SPEED + 0.3)
    arrive = max(arrive, s + 0.5)
    kicks = "kick" in kicker.spec.actions  # a real leg swing whose foot meets the ball (the registry's contact)
    kicker.act(type="walk_to", to=ball.id, start=s, end=arrive, stop_distance=0.45 if kicks else 0.3)
    dist = float(np.linalg.norm(away))
    speed = min(25.0, (dist + 0.3) / ROLL_SECONDS)
    if scored is not None and scored.spec.name in MOUTHS:  # softer, to come to rest in the net (tried in the bake)
        speed = dist / 3.0 + 0.5
    kicker.act(type="kick" if kicks else "push", target=ball.id, impulse=np.array([*axis, 0.08]) * speed * 0.45,
               start=arrive)
    return Strike(kicker.id, len(kicker.data["actions"]) - 1, it.target if isinstance(it.target, str) else
                  tuple(goal), "reach")


def _point(ref: Any, bodies: dict[str, Body], fallback: np.ndarray) -> np.ndarray:
    if isinstance(ref, str) and ref in bodies:
        return bodies[ref].pos.copy()
    if ref is not None and not isinstance(ref, str):
        return np.asarray(ref, dtype=np.float64)
    return fallback


THROW_WIND_UP = 0.5  # s: the earliest a thing held from the start can leave the hand


def _throw_to(it: ThrowTo, bodies: dict[str, Body], s: float, e: float, where: str,
              script: SceneScript) -> None:
    thrower, thing = bodies[it.subject], bodies[it.object]
    s = max(s, THROW_WIND_UP)  # in the hand a moment first: a throw at 0 s had it held and flying at once
    goal = _point(it.target, bodies, thrower.pos + np.array([0.0, 5.0, 0.0]))
    if isinstance(it.target, str) and it.target in bodies:
        goal[2] = bodies[it.target].top()
    thrower.heading = _heading_to(thrower.pos, goal)
    hand = thrower.pos + thrower.forward * 0.35 + np.array([0.0, 0.0, 1.35 * thrower.scale[2]])
    if not _hands_free(thrower, thing):  # hands full (a racket): it waits at the feet, not in the air by the hand
        hand = thrower.pos + thrower.forward * 0.45 + np.array([0.0, 0.0, float(thing.size[2]) / 2])
    thing.pos = hand
    thing.supported_by = None
    onto = isinstance(it.target, str) and it.target in bodies and not bodies[it.target].living and \
        bodies[it.target].spec.traits.top_support() is not None
    flight = max(1.1 if onto else 0.8, float(np.linalg.norm(goal[:2] - hand[:2])) / 6.0)
    v = (goal - hand) / flight + np.array([0.0, 0.0, 0.5 * GRAVITY * flight])
    if onto:  # thrown onto a table or a roof: lobbed with little bounce, so it stays up there
        radius = max(float(min(thing.size)) / 2.0, 0.02)
        spin = np.cross(np.array([0.0, 0.0, 1.0]), v * np.array([1.0, 1.0, 0.0])) / radius
        # a ball gets the backspin that cancels the roll its landing turns into, so it stops where it comes down
        # (a solid ball rolls on at (5 v + 2 r w) / 7); a frisbee or a box slides to a stop
        thing.dynamic(start=s, velocity=v, mass=0.4, restitution=0.05, friction=1.0,
                      angular_velocity=np.degrees(-2.5 * spin) if thing.spec.traits.round else np.zeros(3))
    else:
        thing.dynamic(start=s, velocity=v, mass=0.4)
    if _hands_free(thrower, thing):  # in the hand until it is thrown, not hanging in the air beside it
        thrower.act(type="hold", object=thing.id, start=0.0)
    elif "wave" in thrower.spec.actions:
        thrower.act(type="wave", start=max(0.0, s - 0.6), end=s + 0.6)


def _high_end(body: Body) -> tuple[np.ndarray, np.ndarray]:
    """The world point at the top of a ramp or stairs and the unit direction down its slope (x, y)."""
    from scenes.catalog import mesh

    v = mesh(body.spec.name).vertices * body.scale
    top = v[v[:, 2] >= v[:, 2].max() - 0.02]
    hi = top[:, :2].mean(axis=0)
    down_local = -hi / max(float(np.linalg.norm(hi)), 1e-6)
    h = math.radians(body.heading)
    rot = np.array([[math.cos(h), -math.sin(h)], [math.sin(h), math.cos(h)]])
    return np.array([*(body.pos[:2] + rot @ hi), body.pos[2] + float(v[:, 2].max())]), rot @ down_local


def _surface_z(body: Body, xy: np.ndarray) -> float:
    """The highest point of ``body``'s top (its mesh's height field) under world points ``xy`` (N, 2)."""
    from scenes.contact import GRID, height_field

    local = np.array([_to_local(body, p) for p in xy]) / body.scale[:2]
    size = np.asarray(body.spec.size[:2])
    cells = np.clip(np.floor((local / size + 0.5) * GRID).astype(np.int64), 0, GRID - 1)
    field = height_field(body.spec.name)[cells[:, 1], cells[:, 0]]
    return float(body.pos[2] + np.max(field) * body.scale[2])


DOWNHILL_STEP = 0.25  # metres a step of the path down a slope


def _downhill(slope: Body, start: np.ndarray, down: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where a thing set off at ``start`` (x, y) along ``down`` leaves ``slope``'s footprint going downhill (its
    surface's steepest way down, carrying on straight where it is flat) and the direction it goes there."""
    here, heading = np.asarray(start, dtype=np.float64).copy(), down.copy()
    reach = float(np.hypot(*slope.size[:2]))
    probe = np.array([[DOWNHILL_STEP, 0.0], [-DOWNHILL_STEP, 0.0], [0.0, DOWNHILL_STEP], [0.0, -DOWNHILL_STEP]])
    for _ in range(int(2 * reach / DOWNHILL_STEP) + 1):
        local = _to_local(slope, here)
        if np.any(np.abs(local) > slope.size[:2] / 2):
            break
        h = [_surface_z(slope, (here + p)[None]) for p in probe]
        grad = np.array([h[0] - h[1], h[2] - h[3]], dtype=np.float64).ravel()
        steep = float(np.linalg.norm(grad))
        if math.isfinite(steep) and steep > 1e-6:  # it keeps most of the way it was going, turning downhill
            heading = _unit(0.7 * heading - 0.3 * grad / steep, heading)
        here = here + heading * DOWNHILL_STEP
    return here, heading


def _roll_down(it: RollDown, bodies: dict[str, Body], s: float, e: float, where: str,
               script: SceneScript) -> None:
    ball, slope = bodies[it.subject], bodies[it.target]
    if not slope.spec.traits.walkable:
        raise ScriptError(f"{where}: a {slope.spec.name} is not a slope or stairs, so {it.subject!r} cannot roll "
                          "down it")
    top, down = _high_end(slope)
    start = top[:2] + down * (ball.size[1] / 2 + 0.05) + _abreast(it, ball, slope, down, script)
    if _is_terrain(slope):  # a hill: not from its flat crest but from partway down its side facing the camera
        foot, down = _downhill(slope, top[:2], np.array([0.0, -1.0]))
        start = foot - down * min(HILL_ROLL_M, float(np.linalg.norm(foot - top[:2])))
    # resting on the slope where the world check looks: under its middle and its footprint's inner corners
    corners = start + np.array([[0.0, 0.0], [0.5, 0.5], [0.5, -0.5], [-0.5, 0.5], [-0.5, -0.5]]) * ball.size[:2] / 2
    ball.pos = np.array([start[0], start[1], _surface_z(slope, corners) + 0.005])
    ball.supported_by = slope.id
    # a ball rolls; a box slides (it needs a slippery slope to get going); a boulder told to roll rolls as a ball
    how: dict[str, Any] = {} if ball.spec.traits.round else {"shape": "sphere"} if it.rolls else {"friction": 0.05}
    ball.dynamic(start=s, velocity=np.array([*(down * 0.6), 0.0]), mass=max(0.4, float(np.prod(ball.size)) * 300),
                 **how)


def _abreast(it: RollDown, ball: Body, slope: Body, down: np.ndarray, script: SceneScript) -> np.ndarray:
    """Where across ``slope`` the ``k``-th of several things sent down it starts, side by side (three boxes sliding
    down one ramp all started in one spot, inside each other); the slope is widened to take them."""
    rolls = [x for x in script.intents if isinstance(x, RollDown) and x.target == it.target]
    if len(rolls) < 2:
        return np.zeros(2)
    k = rolls.index(it)
    step = float(max(ball.size[:2])) + 0.08
    across = np.array([-down[1], down[0]])
    width = _extent_along(slope, across) * 2
    if width < len(rolls) * step + 0.1 and k == 0:
        grow = (len(rolls) * step + 0.1) / max(width, 1e-3)
        s = slope.scale  # widened along its own axis that lies across the slope
        local = abs(float(_to_local(slope, slope.pos[:2] + across)[0]))
        slope.data["scale"] = [round(float(s[0] * (grow if local > 0.7 else 1.0)), 4),
                               round(float(s[1] * (1.0 if local > 0.7 else grow)), 4), float(s[2])]
    return across * (k - (len(rolls) - 1) / 2) * step


HILL_ROLL_M = 8.0  # metres of a hill's side something rolls down (from its crest it would crawl for a minute)


def _is_terrain(body: Body) -> bool:
    return bool(body.spec.traits.walkable) and float(max(body.size[:2])) >= TERRAIN_SPAN and float(body.size[2]) > 1.0


PUSH_SPEED = 0.8  # m/s: a walk behind something heavy
PUSH_REACH = 0.32  # × its height: from a pusher's middle to the near side of what it pushes (arms out in front)
PUSH_RUN_UP = 1.2  # m a pusher walks before its hands meet the thing
PUSH_DISTANCE = 3.0  # m something is pushed when the prompt says nowhere in particular
PUSH_ROOM = 2.5  # m from the thing to what it is pushed against, when the solver places them


def _push(it: PushIt, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> Strike:
    """A person walks up behind ``target`` and pushes it along the ground, walking with it (a steady push: the
    physics moves it where the hands go) until it is against ``to`` (its near side), at the point ``to``, or a
    few metres on. Anything else that can push gives it one shove."""
    sub, target = bodies[it.subject], bodies[it.target]
    _can(sub, "push", where)
    target.dynamic(mass=max(0.5, float(np.prod(target.size)) * 200.0))
    if not sub.living:
        return _shove(sub, target, s, e)
    end_xy, d = _push_goal(it, sub, target, bodies)
    length = float(np.linalg.norm(end_xy - target.pos[:2]))
    stand = target.pos[:2] - d * (_extent_along(target, d) + PUSH_REACH * float(sub.size[2]))
    if not sub.kept or float(np.linalg.norm(sub.pos[:2] - stand)) > 6.0:
        start = stand - d * PUSH_RUN_UP
        sub.pos = np.array([start[0], start[1], 0.0])
    sub.heading = _heading_to(sub.pos, np.array([*stand, 0.0]) + np.array([*d, 0.0]))
    walk = float(np.linalg.norm(stand - sub.pos[:2]))
    arrive = min(s + walk / WALK_SPEED + 0.6, max(s + 0.2, e - 1.0))  # with time to speed up and slow down
    if walk > 0.05:
        sub.act(type="walk_to", to=[float(stand[0]), float(stand[1]), 0.0], start=s, end=arrive)
    done = min(max(arrive + length / PUSH_SPEED, arrive + 0.5), max(e, arrive + 0.5))
    there = stand + d * length
    # hands on it until the walk has slowed to a stop there
    sub.act(type="push", target=target.id, strength=1.0, start=round(arrive, 3),
            end=round(min(done + 0.5, script.duration), 3))
    # at its pace all the way there (not cut short at the push's end: the thing would stop short of the wall)
    sub.act(type="walk_to", to=[float(there[0]), float(there[1]), 0.0], start=round(arrive, 3),
            end=round(min(done + 1.0, script.duration), 3), speed=round(max(length / max(done - arrive, 0.1), 0.1), 3))
    return Strike(sub.id, len(sub.data["actions"]) - 2, target.id, "touch")


def _push_goal(it: PushIt, sub: Body, target: Body, bodies: dict[str, Body]) -> tuple[np.ndarray, np.ndarray]:
    """Where the pushed thing's middle ends up (x, y) and the unit direction it goes. Against an actor it stops
    touching that actor's near side; the thing is put a few metres before it, unless a relation placed it."""
    dest = bodies.get(it.to) if isinstance(it.to, str) else None
    if dest is not None:
        d = _unit(dest.pos[:2] - target.pos[:2], np.array([1.0, 0.0]))
        if dest.spec.size[0] > 2 * dest.spec.size[1]:  # a wall, a fence: pushed square against its face
            normal = _local(dest, (0.0, 1.0)) - dest.pos[:2]
            # from the side the thing is on; one the solver places is on the near side (-y), where films look from
            side = float(np.dot(normal, d)) if target.kept else float(normal[1])
            d = normal * (1.0 if side >= 0 else -1.0)
        face = dest.pos[:2] - d * (_extent_along(dest, d) + _extent_along(target, d) + 0.01)
        if not target.kept:
            spot = face - d * PUSH_ROOM
            _shift(target, spot - target.pos[:2], bodies)  # with what is in it (a wheelbarrow full of leaves)
        return face, _unit(face - target.pos[:2], d)
    if it.to is not None:
        goal = np.asarray(it.to, dtype=np.float64)[:2]
        return goal, _unit(goal - target.pos[:2], np.array([1.0, 0.0]))
    d = _unit(target.pos[:2] - sub.pos[:2], np.array([1.0, 0.0])) if sub.kept else np.array([1.0, 0.0])
    return target.pos[:2] + d * PUSH_DISTANCE, d


def _shove(sub: Body, target: Body, s: float, e: float) -> Strike:
    """One shove from ``sub`` (a thing that can push, not a person walking behind it)."""
    sub.act(type="push", target=target.id, strength=3.0 * float(target.data["physics"]["mass"]), start=s)
    return Strike(sub.id, len(sub.data["actions"]) - 1, target.id, "touch")


def _chase(it: Chase, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    chaser, quarry = bodies[it.subject], bodies[it.target]
    if "follow" not in chaser.spec.actions and "move_to" in chaser.spec.actions and quarry.spec.group == "vehicles":
        _car_chase(chaser, quarry, s, e, where)
        return
    _can(chaser, "follow", where)
    ride = next((a for a in quarry.data.get("actions", []) if a.get("type") == "ride"), None)
    if ride is not None and ride.get("mount") in bodies:  # "chases a cyclist": behind the bike, after it
        quarry = bodies[ride["mount"]]
        if not chaser.kept:
            chaser.pos = quarry.pos - quarry.forward * (quarry.size[1] / 2 + chaser.radius + 1.5)
            chaser.heading = quarry.heading
    if quarry.living and ride is None and not any(a.get("type") in ("walk_to", "run_to", "follow_path", "follow")
                                                  for a in quarry.data.get("actions", [])):
        r = 4.0
        c = quarry.pos[:2] + np.array([0.0, r])
        pts = [[c[0] + r * math.sin(a), c[1] - r * math.cos(a), 0.0] for a in np.linspace(0, 2 * math.pi, 9)]
        quarry.act(type="follow_path", waypoints=pts, gait="run", start=s, end=e)
    elif quarry.spec.kind == "bird" and "fly_to" in quarry.spec.actions and not quarry.data.get("actions"):
        _flutter_away(quarry, chaser, s, e, bodies)
    elif quarry.spec.traits.round and "roll" in quarry.spec.actions:
        goal = quarry.pos + np.array([0.0, 6.0, 0.0])
        quarry.act(type="roll", to=goal, start=s, end=e)
    elif not quarry.living and quarry.spec.group == "vehicles" and not quarry.data.get("actions"):
        quarry.face_across()  # drives off across the frame, the chaser behind it
        ahead = quarry.forward
        # slow enough (2.5 m/s) that a running dog or child keeps up with it, so the chase is seen
        quarry.act(type="move_to", to=quarry.pos + ahead * min(2.5 * (e - s), 25.0), start=s, end=e,
                   easing="linear")
        if not chaser.kept:
            chaser.pos = quarry.pos - ahead * (quarry.size[1] / 2 + 3.5)  # room to run up behind it
    if float(np.linalg.norm(chaser.pos[:2] - quarry.pos[:2])) < 2.0 and not chaser.kept and ride is None:
        chaser.pos = quarry.pos + np.array([0.0, -2.5, 0.0])
    behind = 1.0
    if quarry.data.get("actions"):  # behind what goes ahead: a car is long, so not into its boot
        behind = max(behind, _extent_along(quarry, quarry.forward) + chaser.radius + 0.4)
    chaser.act(type="follow", target=quarry.id, start=s, end=e, distance=round(behind, 3))


CHASE_SPEED = 9.0  # m/s a car chase goes at (32 km/h through a city: fast, and still in frame for a while)


def _car_chase(chaser: Body, quarry: Body, s: float, e: float, where: str) -> None:
    """A vehicle chasing a vehicle ("a police car chasing a sports car"): the quarry drives off across the frame
    and the chaser drives the same line a few car lengths behind it (a car cannot ``follow``; the quarry stood
    still while the police car went nowhere)."""
    _can(quarry, "move_to", where)
    if not quarry.data.get("actions"):
        quarry.face_across()
    ahead = quarry.forward
    run = min(CHASE_SPEED * (e - s), 60.0)
    if not quarry.data.get("actions"):
        quarry.act(type="move_to", to=quarry.pos + ahead * run, start=s, end=e, easing="linear")
    chaser.heading = quarry.heading
    gap = _extent_along(quarry, ahead) + _extent_along(chaser, ahead) + 4.0
    if not chaser.kept:
        chaser.pos = quarry.pos - ahead * gap
    close = _extent_along(quarry, ahead) + _extent_along(chaser, ahead) + 1.5  # gaining on it, bumper to bumper
    chaser.act(type="move_to", to=chaser.pos + ahead * (run + gap - close), start=s, end=e, easing="linear")


def _flutter_away(bird: Body, chaser: Body, s: float, e: float, bodies: dict[str, Body]) -> None:
    """A chased bird (pigeons before a running child) flutters a few metres ahead, lands, and flutters on again
    as the chaser comes up, so the chase goes on without the bird leaving the frame; it lands clear of what stands
    there (away from the chaser, or turned aside from a fountain in the way)."""
    away = _unit(bird.pos - chaser.pos, np.array([1.0, 0.0]))
    hops = np.arange(s + 0.8, e - 1.0, 2.2)
    others = [b for b in bodies.values() if b is not bird and b is not chaser and b.pos[2] < 0.5]

    def clear(u: np.ndarray) -> bool:
        return all(float(np.linalg.norm(bird.pos[:2] + u * 2.5 * (k + 1) - b.pos[:2])) > b.radius + 0.4
                   for k in range(len(hops)) for b in others)

    turns = [math.radians(a) for a in (0, 45, -45, 90, -90, 135, -135)]
    rotated = [np.array([away[0] * math.cos(a) - away[1] * math.sin(a), away[0] * math.sin(a) + away[1] * math.cos(a)])
               for a in turns]
    away = next((u for u in rotated if clear(u)), away)
    here = bird.pos.copy()
    for t in hops:
        here = here + np.array([*(away * 2.5), 0.0])
        bird.act(type="fly_to", to=[float(here[0]), float(here[1]), float(bird.pos[2])], arc=0.8,
                 start=float(t), end=float(t) + 1.0)


def _collide(things: list[Body], s: float, e: float) -> None:
    """Things that come together (two balls rolling towards each other) are set rolling at each other's meeting
    point from a few metres apart, so they collide there."""
    centre = np.mean([b.pos[:2] for b in things], axis=0)
    for k, b in enumerate(things):
        d = b.pos[:2] - centre
        if float(np.linalg.norm(d)) < 1.5:
            d = np.array([-1.0 if k % 2 == 0 else 1.0, 0.0]) * 2.5
            b.pos = np.array([centre[0] + d[0], centre[1] + d[1], 0.0])
        reach = float(np.linalg.norm(d)) - b.radius
        speed = max(1.5, reach / max(0.5, 0.4 * (e - s)))  # met well before the event is over
        b.dynamic(start=s, velocity=np.array([*(-d / float(np.linalg.norm(d)) * speed), 0.0]),
                  mass=round(_thrown_mass(b), 3))


def _meet(it: Meet, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    people = [bodies[x] for x in it.subjects]
    if not any(p.living for p in people):
        _collide(people, s, e)
        return
    centre = np.mean([p.pos[:2] for p in people], axis=0)
    for k, p in enumerate(people):
        _can(p, "walk_to", where)
        d = p.pos[:2] - centre
        if float(np.linalg.norm(d)) < 1.5:  # start apart so there is a walk to see
            d = np.array([-1.0 if k % 2 == 0 else 1.0, 0.0]) * 3.0
            p.pos = np.array([centre[0] + d[0], centre[1] + d[1], 0.0])
        u = d / max(float(np.linalg.norm(d)), 1e-6)
        spot = centre + u * 0.5
        arrive = max(s + 0.5, e - 1.0)
        p.act(type="walk_to", to=[spot[0], spot[1], 0.0], start=s, end=arrive)
        p.act(type="turn_to", target=[centre[0], centre[1], 0.0], start=arrive)


def _run_around(it: RunAround, bodies: dict[str, Body], s: float, e: float, where: str,
                script: SceneScript) -> None:
    runner, post = bodies[it.subject], bodies[it.target]
    _can(runner, "follow_path", where)
    r = post.radius + runner.radius + 1.0
    steps = max(8, int(12 * it.laps))
    # several runners round one post start spread out around it
    ahead = sum(1 for a in script.intents if isinstance(a, RunAround) and a.target == it.target
                and a is not it and script.intents.index(a) < script.intents.index(it))
    crowd = sum(1 for a in script.intents if isinstance(a, RunAround) and a.target == it.target)
    phase = 2 * math.pi * ahead / max(crowd, 1)
    angles = phase + np.linspace(0.0, 2 * math.pi * it.laps, steps + 1)
    pts = [[post.pos[0] + r * math.sin(a), post.pos[1] - r * math.cos(a), 0.0] for a in angles]
    runner.pos = np.array(pts[0])
    runner.act(type="follow_path", waypoints=pts, gait="run" if runner.living else "auto", start=s, end=e)


def _drive_along(it: DriveAlong, bodies: dict[str, Body], s: float, e: float, where: str,
                 script: SceneScript) -> None:
    car = bodies[it.subject]
    _can(car, "move_to", where)
    if it.turn is not None and not (it.along is not None and bodies[it.along].spec.traits.ring > 0):
        _can(car, "follow_path", where)  # (at a roundabout it drives round its ring, below)
        _drive_a_turn(car, it, bodies.get(it.along) if it.along is not None else None, s, e)
        return
    if it.along is not None and bodies[it.along].spec.traits.ring > 0:
        ahead = sum(1 for x in script.intents[:script.intents.index(it)]
                    if isinstance(x, DriveAlong) and x.along == it.along)
        _drive_round(car, bodies[it.along], ahead, it.speed, s, e)
        return
    if it.along is not None:
        ahead = [bodies[x.subject] for x in script.intents[:script.intents.index(it)]
                 if isinstance(x, DriveAlong) and x.along == it.along]
        _drive_on(car, bodies[it.along], bodies, s, e, ahead)
        return
    length = it.distance if it.distance is not None else it.speed * (e - s)
    fwd = car.forward
    water = _water_for(car, bodies) if car.placed_by == "water" else None
    if water is not None:  # from one shore to near the other
        reach = abs(float(fwd[0])) * water.size[0] + abs(float(fwd[1])) * water.size[1]
        length = min(length, max(reach - car.size[1] - 2.0, 1.0))
        car.pos = car.pos - fwd * length / 2
    elif not car.kept or car.placed_by == "lane":  # the drive is centred on where the car was placed
        car.pos = car.pos - fwd * length / 2
        car.pos = car.pos + _clear_lane(car, fwd, length, bodies)
    here = _position_at(car, s, bodies) if car.kept else car.pos  # on from where an earlier event left it
    car.act(type="move_to", to=here + fwd * length, start=s, end=e, easing="linear")


TURN_LEG = 0.35  # of the drive's length: the straight before a turn (as much again after it)


def _drive_a_turn(car: Body, it: DriveAlong, at: Body | None, s: float, e: float) -> None:
    """A drive that turns: straight on, a quarter circle to the left or the right (round the middle of ``at``, a
    crossroads, when there is one), straight on again; or a U-turn, a half circle and back the way it came. The
    car sets off where the path starts; ``follow_path`` keeps it facing along the path."""
    fwd = car.forward[:2] / max(float(np.linalg.norm(car.forward[:2])), 1e-6)
    if at is not None:  # along the road's length (a crossroads: either way)
        long = (0.0, 1.0) if at.size[1] >= at.size[0] else (1.0, 0.0)
        fwd = _unit(_local(at, long) - at.pos[:2], fwd)
    left = np.array([-fwd[1], fwd[0]])
    side = -left if it.turn == "right" else left
    # a U-turn fits across a two-lane road; a turn at a crossroads sweeps wide
    r = max(2.5, (0.75 if it.turn == "around" else 1.2) * float(car.size[1]))
    if at is not None and it.turn == "around":  # both lanes on the road
        r = max(2.0, min(r, float(min(at.size[:2])) / 2 - float(car.size[0]) / 2 - 0.3))
    leg = max(3.0, TURN_LEG * min(it.speed, 8.0) * max(e - s, 1.0))
    if at is not None:  # on the crossroads' arms or the road, not out over the grass
        leg = min(leg, max(3.0, float(max(at.size[:2])) / 2 - r))
    corner = at.pos[:2] if at is not None else car.pos[:2] + fwd * (leg + r) / 2
    if it.turn == "around":  # in one lane and back in the other, the half circle across the road's middle
        corner = corner - side * r
    arc_start = corner - fwd * r
    centre = arc_start + side * r
    sweep = math.pi if it.turn == "around" else math.pi / 2
    arc = [centre + r * (-side * math.cos(t) + fwd * math.sin(t)) for t in np.linspace(0.0, sweep, 9)]
    out = arc[-1] + (-fwd * leg if it.turn == "around" else side * leg)
    z = at.top() if at is not None and at.spec.traits.walkable else float(car.pos[2])  # on the road, not in it
    points = [[float(p[0]), float(p[1]), z] for p in (arc_start - fwd * leg, *arc, out)]
    car.pos = np.asarray(points[0])
    car.heading = _heading_to(car.pos, car.pos + np.array([*fwd, 0.0]))
    car.act(type="follow_path", waypoints=points, start=s, end=e)


RING_PACE = 6.0  # m/s round a roundabout
RING_GAP = 3.0  # metres between one car's back and the next one's front, round a ring


def _drive_round(car: Body, ring: Body, ahead: int, speed: float, s: float, e: float) -> None:
    """Drive round ``ring`` (a roundabout) anticlockwise in its lane, for the whole span; the ``ahead``-th car on
    it starts that many car lengths behind the first ("a police car chases a sports car round the roundabout")."""
    r = ring.spec.traits.ring * float(np.mean(ring.scale[:2]))
    pace = min(speed, RING_PACE)
    a0 = -math.pi / 2 - ahead * (car.size[1] + RING_GAP) / r  # the first at the front (-Y), the others behind
    sweep = pace * max(e - s, 0.5) / r
    n = max(8, math.ceil(sweep / (math.pi / 8)))
    angles = [a0 + sweep * k / n for k in range(n + 1)]
    points = [[float(ring.pos[0] + r * math.cos(a)), float(ring.pos[1] + r * math.sin(a)), float(ring.pos[2])]
              for a in angles]
    car.pos = np.asarray(points[0])
    car.heading = math.degrees(a0)  # tangent, anticlockwise: heading 0 faces +Y
    car.kept, car.placed_by = True, "ring"
    car.act(type="follow_path", waypoints=points, start=s, end=e)


DRIVE_GAP = 3.0  # metres between one car's back and the next one's front, driving one road


def _drive_on(car: Body, path: Body, bodies: dict[str, Body], s: float, e: float, ahead: list[Body]) -> None:
    """Drive ``path`` (a road, a bridge) end to end on its top, across the frame; behind the cars already
    driving it (a police car chasing a sports car down the street drove inside it)."""
    if not path.kept and not any(b.supported_by == path.id for b in bodies.values()):
        path.face_across()
    start, fwd, length = _path_lane(car, path)
    start = start - fwd * sum(b.size[1] + DRIVE_GAP for b in ahead)
    if not car.kept:
        car.pos, car.heading = start, _heading_to(start, start + fwd)
    goal = car.pos + fwd * length
    car.act(type="move_to", to=[goal[0], goal[1], car.pos[2]], start=s, end=e, easing="linear")


def _clear_lane(car: Body, fwd: np.ndarray, length: float, bodies: dict[str, Body]) -> np.ndarray:
    """The sideways shift (x, y, 0) that keeps a drive's whole lane clear of what stands on the ground (a car
    once drove through the café at the end of the video): 1 m steps out to either side, the nearer first."""
    side = np.array([fwd[1], -fwd[0], 0.0])
    others = [b for b in bodies.values() if b is not car and b.pos[2] < 0.5 and b.spec.group != "vehicles"
              and not b.spec.traits.walkable]  # a road or a path is where it goes, not in its way

    def clear(shift: float) -> bool:
        start = car.pos[:2] + side[:2] * shift
        for b in others:
            rel = b.pos[:2] - start
            along = float(np.clip(rel @ fwd[:2], 0.0, length))
            if float(np.linalg.norm(rel - fwd[:2] * along)) < b.radius + car.size[0] / 2 + 0.4:
                return False
        return True

    for step in range(0, 31):
        for shift in ((0.0,) if step == 0 else (-float(step), float(step))):
            if clear(shift):
                return side * shift
    return np.zeros(3)


def _jump_onto(it: JumpOnto, bodies: dict[str, Body], s: float, e: float, where: str,
               script: SceneScript) -> None:
    sub, target = bodies[it.subject], bodies[it.target]
    _can(sub, "fly_to", where)
    surface = target.spec.traits.top_support()
    if surface is None:
        raise ScriptError(f"{where}: a {target.spec.name} has no top to jump onto")
    top = target.top()
    if top - sub.pos[2] > 2.5 * sub.size[2]:
        raise ScriptError(f"{where}: {target.id!r}'s top ({top:.2f} m) is too high for {sub.id!r} to jump onto")
    near = target.pos[:2] + np.array([0.0, -(target.size[1] / 2 + sub.size[1] / 2 + 0.6)])
    if float(np.linalg.norm(sub.pos[:2] - near)) > 0.5 and not sub.kept:
        sub.pos = np.array([near[0], near[1], 0.0])
    sub.heading = _heading_to(sub.pos, target.pos)
    land = np.array([*_local(target, surface.centre), top])
    lands = min(e, s + 1.0)
    knocked = _knocked_off_by_landing(target, bodies)
    if knocked is not None:  # "knocked off the table when the cat jumps onto it": it lands against it, which goes
        d = _unit(np.asarray(knocked.data["physics"]["velocity"], dtype=np.float64), np.array([1.0, 0.0]))
        spot = knocked.pos[:2] - d * (_extent_along(knocked, d) + _extent_along(sub, d) + 0.01)
        land = np.array([spot[0], spot[1], top])
        knocked.data["physics"]["start"] = round(max(float(knocked.data["physics"].get("start", 0.0)), lands), 3)
    # high enough to clear the edge on the way up
    sub.act(type="fly_to", to=land, arc=0.5 + 0.8 * (top - sub.pos[2]), start=s, end=lands, face_direction=False)
    bodies[it.subject].supported_by = target.id


def _knocked_off_by_landing(top: Body, bodies: dict[str, Body]) -> Body | None:
    """Something on ``top`` that is to go over its edge (set moving by a fall-off), which a jump onto ``top``
    knocks off as it lands."""
    return next((b for b in bodies.values() if b.supported_by == top.id and b.data.get("physics") and
                 np.linalg.norm(b.data["physics"].get("velocity", (0.0, 0.0, 0.0))) > 0), None)


def _sit_on(it: SitOn, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    sub, seat = bodies[it.subject], bodies[it.target]
    _can(sub, "sit", where)
    if seat.spec.traits.seat is None:
        raise ScriptError(f"{where}: a {seat.spec.name} is not something to sit on")
    fwd = seat.forward[:2]
    surface = seat.spec.traits.seat.scaled(seat.scale)
    if sub.spec.kind == "animal":  # a dog on the bench beside him: up on the seat, along it, and sits there
        _perch_on_seat(sub, seat, surface, s, any(isinstance(i, SitOn) and i.target == seat.id and
                                                  i.subject != sub.id for i in script.intents))
        return
    # several on one seat sit side by side, a body's width apart, as far as it reaches
    taken = sum(1 for b in bodies.values() if b is not sub and any(
        a.get("type") == "sit" and a.get("seat") == seat.id for a in b.data.get("actions", [])))
    perched = [b for b in bodies.values() if b.supported_by == seat.id and b.spec.kind == "animal"]
    room = surface.size[0] - sum(float(max(b.size[:2])) for b in perched)  # a dog on the bench takes its end
    half = max(room / 2 - 0.25, 0.0)
    taken -= len(perched)
    sitters = max(taken + 1, sum(1 for i in script.intents if isinstance(i, SitOn) and i.target == seat.id and
                                 bodies[i.subject].spec.kind != "animal"))
    step = min(max(0.55, float(max(sub.size[:2])) + 0.05), 2 * half / max(sitters - 1, 1))
    slot = float(np.clip((taken - (sitters - 1) / 2) * step, -half, half))  # the row centred on the seat
    slot -= (surface.size[0] - room) / 2
    centre = _local(seat, (surface.centre[0] + slot, surface.centre[1]))
    local = _to_local(seat, sub.pos[:2]) - np.asarray(surface.centre)
    front = centre + fwd * (seat.size[1] / 2 + 0.45)
    blocked = any(b is not sub and b is not seat and not b.living and b.pos[2] < 0.5 and float(
        np.linalg.norm(front - b.pos[:2])) < _extent_along(b, _unit(front - b.pos[:2], fwd)) + 0.2
        for b in bodies.values())
    first = not any(a.get("type") not in ("look_at", "idle") for a in sub.data.get("actions", []))
    if blocked and first:  # a chair pulled up to a table: nowhere to stand in front of it, so
        local = np.zeros(2)  # they are sitting at it from the start (a family walked through its dinner table)
    if np.all(np.abs(local) <= np.asarray(surface.size) / 2 + 0.1):
        # already at the seat: sit down from its place, where the sit lands on the seat's middle (a sofa's
        # seat is in front of its back)
        sub.heading = seat.heading
        at = centre + fwd * 0.08
        sub.pos = np.array([at[0], at[1], seat.pos[2]])  # on the seat's floor (laid on its top, a dog sat in air)
        busy = any(a.get("start", 0.0) < s and a.get("type") not in ("look_at", "idle")  # watching the TV: seated
                   for a in sub.data.get("actions", []))
        sub.act(type="sit", seat=seat.id, start=s if busy else 0.0)  # standing inside it until then would overlap
        return
    if float(np.linalg.norm(sub.pos[:2] - front)) < 1.0 and not sub.kept:
        sub.pos = np.array([front[0] + fwd[0] * 2.5, front[1] + fwd[1] * 2.5, 0.0])
    walk_end = s + max(1.0, min(e - s - 2.5, float(np.linalg.norm(sub.pos[:2] - front)) / WALK_SPEED + 0.3))
    walk_end = min(walk_end, max(script.duration - 1.6, s + 0.2))  # turned, backed onto it and down by the end

    def by_end(t: float) -> float:  # a sit that starts late is cut by the end of the video, not past it
        return round(min(t, script.duration - 0.05), 3)

    sub.act(type="walk_to", to=[front[0], front[1], 0.0], start=s, end=by_end(walk_end))
    sub.act(type="turn_to", heading=seat.heading, start=by_end(walk_end), end=by_end(walk_end + 0.6))
    back = walk_end + 0.6
    sub.act(type="move_to", to=[centre[0] + fwd[0] * 0.08, centre[1] + fwd[1] * 0.08, 0.0], start=by_end(back),
            end=by_end(back + 0.6))
    sub.act(type="sit", seat=seat.id, start=by_end(back + 0.3))


def _seated_from_start(bodies: dict[str, Body]) -> None:
    """People a script has sitting on a seat from the start (a boy lying on his bed reading): on the seat's middle,
    side by side when several share it, facing the way it faces (the boy sat in the middle of the mattress, off
    the bed's edge where its seat is)."""
    by_seat: dict[str, list[Body]] = {}
    for b in bodies.values():
        sit = next((a for a in b.data.get("actions", []) if a.get("type") == "sit"), None)
        if sit is not None and sit.get("seat") in bodies and float(sit.get("start", 0.0)) <= 0.05 and \
                b.spec.kind == "character" and not b.kept:
            by_seat.setdefault(sit["seat"], []).append(b)
    for seat_id, sitters in by_seat.items():
        seat = bodies[seat_id]
        surface = seat.spec.traits.seat
        if surface is None:
            continue
        surface = surface.scaled(seat.scale)
        step = min(0.6, surface.size[0] / len(sitters))
        for k, sub in enumerate(sitters):
            at = _local(seat, (surface.centre[0] + (k - (len(sitters) - 1) / 2) * step, surface.centre[1]))
            at = at + seat.forward[:2] * 0.08
            sub.pos = np.array([at[0], at[1], seat.pos[2]])
            sub.heading = seat.heading


def _perch_on_seat(sub: Body, seat: Body, surface: Any, s: float, company: bool) -> None:
    """An animal sitting on a seat: on the seat's top from the start, turned along it; at one end of it when
    others sit there too (they sit side by side in the rest of it)."""
    slot = max(surface.size[0] / 2 - max(sub.size[:2]) / 2, 0.0) if company else 0.0
    sub.heading = seat.heading + 90.0  # along the seat: a dog is longer than a bench is deep
    centre = _local(seat, (surface.centre[0] + slot, surface.centre[1]))
    sub.pos = np.array([centre[0], centre[1], seat.pos[2] + surface.height])
    sub.supported_by, sub.kept = seat.id, True
    sub.act(type="sit", start=s)


def _go_to(it: GoTo, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    sub = bodies[it.subject]
    kind = "run_to" if it.gait == "run" else "walk_to"
    if kind not in sub.spec.actions and isinstance(it.target, str):
        _drive_to(sub, bodies[it.target], s, e, where, bodies)
        return
    if kind not in sub.spec.actions:
        kind = "move_to"
    goal = it.target if isinstance(it.target, str) else list(it.target)
    if kind == "move_to" and isinstance(goal, str):
        goal = bodies[goal].pos.tolist()
    extra = {}
    stop = 0.0
    if isinstance(goal, str):  # up to its side, not into it (a man walked 0.4 m into his car); under a crown, to
        dest = bodies[goal]  # the trunk
        # companions walking there with it (earlier go-tos to the same place) start and stop beside it
        earlier = [bodies[x.subject] for x in script.intents[:script.intents.index(it)]
                   if isinstance(x, GoTo) and x.target == goal]
        stop = _stop_short(sub, dest, _position_at(sub, s, bodies))
        if float(np.linalg.norm(sub.pos[:2] - dest.pos[:2])) < stop + 1.7 and not sub.kept:
            away = np.array([-4.0, -1.5]) / math.hypot(4.0, 1.5)  # from a few strides off, in front: a walk to see
            side = np.array([away[1], -away[0]]) * len(earlier) * (2 * sub.radius + 0.3)  # (not in one spot)
            sub.pos = np.array([*(dest.pos[:2] + side + away * max(_stop_short(sub, dest, dest.pos[:2] + away) + 2.5,
                                                                   4.27)), 0.0])
            stop = _stop_short(sub, dest, sub.pos[:2])
        extra["stop_distance"] = round(stop, 3)
        if earlier and kind != "move_to":  # the second of two men walking to the tree stops beside the first
            walkers = [bodies[x.subject] for x in script.intents if isinstance(x, GoTo) and x.target == goal]
            goal, extra, stop = _beside_the_first(sub, dest, earlier[0], walkers, stop), {}, 0.0
    here = _position_at(sub, s, bodies)
    there = bodies[goal].pos if isinstance(goal, str) else np.asarray(goal, dtype=np.float64)
    # a short way arrives when it arrives (a walk crawls at no less than half its pace): the rest of the event's
    # time is free for errands, not standing
    way = max(float(np.linalg.norm(there[:2] - here[:2])) - stop, 0.0)
    e = min(e, max(s + way / (0.6 * _pace(sub, it.gait)) + 1.0, s + 1.0))
    sub.act(type=kind, to=goal, start=s, end=e, **extra)


def _beside_the_first(sub: Body, dest: Body, first: Body, walkers: list[Body], stop: float) -> list[float]:
    """Where ``sub``, one of ``walkers`` going to ``dest`` after ``first``, stops: beside where the first stops, on
    the side it comes from, the nearer to the first's way in the nearer to it, so their ways do not cross (two men
    walking to the tree stopped inside each other)."""
    way = _unit(dest.pos[:2] - first.pos[:2], np.array([0.0, 1.0]))  # the first one's way in
    perp = np.array([way[1], -way[0]])

    def side_of(b: Body) -> float:
        return 1.0 if float(perp @ (b.pos[:2] - first.pos[:2])) >= 0 else -1.0

    order = {id(b): (round(abs(float(perp @ (b.pos[:2] - first.pos[:2]))), 3), n) for n, b in enumerate(walkers)}
    side = side_of(sub)
    rank = 1 + sum(1 for b in walkers[1:] if b is not sub and side_of(b) == side and order[id(b)] < order[id(sub)])
    end = dest.pos[:2] - way * stop + perp * side * rank * (2 * sub.radius + 0.3)
    return [float(end[0]), float(end[1]), 0.0]


def _stop_short(sub: Body, dest: Body, here: np.ndarray) -> float:
    """Centre distance at which ``sub``, coming from ``here``, stops at ``dest``'s side (at a tree's trunk)."""
    there = dest.pos[:2]
    edge = dest.spec.traits.trunk * float(dest.scale[0]) if dest.spec.traits.trunk else _extent_along(
        dest, _unit(np.asarray(here[:2]) - there, np.array([0.0, -1.0])))
    return max(0.8, edge + 0.5 * sub.radius + 0.25)


def _drive_to(car: Body, goal: Body, s: float, e: float, where: str, bodies: dict[str, Body] | None = None) -> None:
    """A vehicle drives up to ``goal`` from a street's length away, facing the way it goes, and pulls up
    alongside it (a bus at its stop, a car beside another): in front of something taller than itself, behind
    something smaller, so it does not hide what it drives up to. A vehicle already on its way (an earlier drive)
    goes on from where it is, to the side of ``goal`` it comes from, turning as it goes."""
    _can(car, "move_to", where)
    if goal.spec.group == "vehicles" and not goal.data.get("actions") and goal is not car:
        _pull_up_behind(car, goal, s, e)
        return
    long_thing = max(goal.size[:2]) >= ALONG_SHAPE * max(min(goal.size[:2]), 0.1)  # a hedge, a fence, a wall
    if bodies is not None and long_thing and any(a.get("start", 0.0) < s for a in car.data.get("actions") or []):
        _drive_on_to(car, goal, _position_at(car, s, bodies), s, e)
        return
    if not car.kept:
        car.face_across()
    fwd = car.forward[:2]
    side = np.array([fwd[1], -fwd[0]])
    if (side[1] < 0) != (goal.size[2] > car.size[2]):
        side = -side  # towards the camera (-Y) for a house, away from it for a person or a post
    ahead_g = goal.forward[:2]
    across_g = np.array([ahead_g[1], -ahead_g[0]])
    half = 0.5 * (abs(float(side @ across_g)) * goal.size[0] + abs(float(side @ ahead_g)) * goal.size[1])
    stop = goal.pos[:2] + side * (half + car.size[0] / 2 + 0.6)
    if not car.kept:
        start = stop - fwd * (car.size[1] / 2 + 12.0)
        car.pos = np.array([start[0], start[1], 0.0])
    if float(np.linalg.norm(stop - car.pos[:2])) > 0.1:
        car.heading = _heading_to(car.pos, stop)
    car.act(type="move_to", to=[stop[0], stop[1], car.pos[2]], start=s, end=e, easing="ease_in_out")


ALONG_SHAPE = 2.5  # length / width of a thing a vehicle on its way drives along, to its far end (a hedge)


def _drive_on_to(car: Body, goal: Body, here: np.ndarray, s: float, e: float) -> None:
    """A vehicle at ``here`` drives on to beside ``goal``'s near long side, at its far end ("… out of the barn and
    along the hedge"), never through it: a smooth path that turns it the way it goes."""
    ahead_g = goal.forward[:2]
    across_g = np.array([ahead_g[1], -ahead_g[0]])
    long_axis, short_axis = (across_g, ahead_g) if goal.size[0] >= goal.size[1] else (ahead_g, across_g)
    long_half = 0.5 * max(goal.size[0], goal.size[1])
    short_half = 0.5 * min(goal.size[0], goal.size[1])
    rel = here[:2] - goal.pos[:2]
    side = short_axis if float(rel @ short_axis) >= 0 else -short_axis  # the side it is on
    end_dir = -long_axis if float(rel @ long_axis) > 0 else long_axis  # towards the far end
    lane = goal.pos[:2] + side * (short_half + car.radius + 0.3)  # clear of it at any angle it turns through
    stop = lane + end_dir * max(long_half - car.size[1] / 2, 0.0)
    entry = lane - end_dir * (long_half + car.size[1] / 2 + 1.0)  # in line with it, before its near end
    behind = float((here[:2] - goal.pos[:2]) @ end_dir) < -(long_half + car.size[1] / 2)
    route = (here[:2], entry, stop) if behind else (here[:2], stop)  # already level with it: straight on
    points = [[float(p[0]), float(p[1]), float(car.pos[2])] for p in route]
    car.act(type="follow_path", waypoints=points, start=s, end=e)


def _pull_up_behind(car: Body, goal: Body, s: float, e: float) -> None:
    """A vehicle driving up to a parked one comes up its lane from behind and stops a car's gap short of its back
    ("a police car pulls up behind a white van"), not across the kerb beside it."""
    back = goal.pos[:2] - goal.forward[:2] * (goal.size[1] / 2 + car.size[1] / 2 + 1.0)
    if not car.kept:
        start = back - goal.forward[:2] * 12.0
        car.pos, car.heading = np.array([start[0], start[1], goal.pos[2]]), goal.heading
    car.act(type="move_to", to=[back[0], back[1], car.pos[2]], start=s, end=e, easing="ease_in_out")


def _past_lane(it: GoPast, bodies: dict[str, Body]) -> tuple[np.ndarray, np.ndarray, float]:
    """Where a walk past ``it.targets`` starts, its direction (x, y, 0) and its length: along the row they stand
    in (or across the view for one thing), from ``PAST_M`` before the first to ``PAST_M`` beyond the last, on
    the camera's side of them (which looks along +Y)."""
    sub = bodies[it.subject]
    things = [bodies[t] for t in it.targets]
    first, last = things[0].pos[:2], things[-1].pos[:2]
    span = last - first
    along = span / float(np.linalg.norm(span)) if float(np.linalg.norm(span)) > 0.5 else np.array([1.0, 0.0])
    if along[0] < 0:  # left to right as the camera sees it
        along, first, last = -along, last, first
    front = np.array([along[1], -along[0]])  # the side towards the camera (-Y)
    if front[1] > 0:
        front = -front
    lane = max(b.radius for b in things) + sub.size[0] / 2 + 0.6  # it goes lengthwise: its half width
    start = first - along * (things[0].radius + PAST_M) + front * lane
    length = float(np.linalg.norm(last - first)) + things[0].radius + things[-1].radius + 2 * PAST_M
    return np.array([start[0], start[1], 0.0]), np.array([along[0], along[1], 0.0]), length


OVERTAKEN_SPEED = 2.5  # m/s the overtaken vehicle keeps ("a slow truck"), the overtaker passing it at ≈ 2×
OVERTAKE_GAP = 2.0  # metres clear behind its back at the start and ahead of its front at the end


def _overtakes(sub: Body, slow: Body) -> bool:
    """Whether a go-past is one vehicle overtaking another that has nothing else to do."""
    return _rides(sub) and _rides(slow) and not slow.data.get("actions") and "move_to" in slow.spec.actions


def _overtake(sub: Body, slow: Body, bodies: dict[str, Body], s: float, e: float) -> None:
    """"a red sports car overtakes a slow truck on a country road": both drive the same way across the frame, the
    overtaken in its lane at ``OVERTAKEN_SPEED``, the overtaker in the lane beside it (the camera's side: a truck
    hid the car passing behind it) from behind its back to ahead of its front; the road under them is turned across
    the frame and made long enough for the whole pass (the car once crossed the road beside a truck that stood
    still)."""
    road = bodies.get(slow.supported_by) if slow.supported_by else None
    if road is not None and not road.kept and road.heading in (0.0, 180.0):
        _turn_load(road, bodies, -90.0 - road.heading)
    elif road is None:
        slow.face_across()
    fwd = slow.forward
    if fwd[0] < -1e-6:  # left to right as the camera sees it
        slow.heading = slow.heading + 180.0
        fwd = slow.forward
    side = np.array([fwd[1], -fwd[0], 0.0])  # the camera's side (-Y) of a drive along +X
    if not sub.kept:
        sub.heading = slow.heading
    run = min(OVERTAKEN_SPEED * (e - s), 30.0)
    gap = (_extent_along(slow, fwd[:2]) + _extent_along(sub, fwd[:2])) + OVERTAKE_GAP
    start, end = slow.pos - fwd * gap, slow.pos + fwd * (run + gap)
    lane = _extent_along(slow, side[:2]) + _extent_along(sub, side[:2]) + 0.8
    offset = side * lane
    if road is not None:  # the two lanes either side of the middle, the overtaker's nearer the camera (in view)
        across = float((slow.pos - road.pos) @ side)
        shift = side * (-lane / 2 - across)
        slow.pos, start, end = slow.pos + shift, start + shift, end + shift
        _lengthen_under(road, start, end + fwd * gap)
    if not sub.kept:
        sub.pos = start + offset
    slow.act(type="move_to", to=[float(v) for v in slow.pos + fwd * run], start=s, end=e, easing="linear")
    goal = sub.pos + fwd * float((end - start) @ fwd)
    sub.act(type="move_to", to=[float(goal[0]), float(goal[1]), float(sub.pos[2])], start=s, end=e, easing="linear")


def _turn_load(base: Body, bodies: dict[str, Body], degrees: float) -> None:
    """Turn ``base`` about its centre by ``degrees`` with everything resting on it (kept where it lies on it)."""
    load = [(b, _to_local(base, b.pos[:2])) for b in bodies.values() if b.supported_by == base.id]
    base.heading = base.heading + degrees
    for b, spot in load:
        b.pos = np.array([*_local(base, (float(spot[0]), float(spot[1]))), b.pos[2]])
        b.heading = b.heading + degrees


def _lengthen_under(road: Body, start: np.ndarray, end: np.ndarray) -> None:
    """Stretch a road (its length along its own heading) and centre it so it runs from ``start`` to ``end``."""
    length = float(np.linalg.norm(end[:2] - start[:2]))
    if length > road.size[1]:
        scale = road.scale
        scale[1] *= length / road.size[1]
        road.data["scale"] = [float(v) for v in scale]
    fwd = road.forward
    middle = (start[:2] + end[:2]) / 2
    shift = fwd[:2] * float((middle - road.pos[:2]) @ fwd[:2])  # along the road only: the lanes stay
    road.pos = np.array([road.pos[0] + shift[0], road.pos[1] + shift[1], road.pos[2]])


def _go_past(it: GoPast, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    sub = bodies[it.subject]
    if len(it.targets) == 1 and _overtakes(sub, bodies[it.targets[0]]):
        _overtake(sub, bodies[it.targets[0]], bodies, s, e)
        return
    kind = "run_to" if it.gait == "run" else "walk_to"
    if kind not in sub.spec.actions:
        _can(sub, "move_to", where)
        kind = "move_to"
    start, fwd, length = _past_lane(it, bodies)
    if not sub.kept:
        sub.pos = start + _clear_lane(sub, fwd, length, {k: b for k, b in bodies.items() if k not in it.targets})
        sub.heading = _heading_to(sub.pos, sub.pos + fwd)
    moved = float(np.linalg.norm(_position_at(sub, s, bodies)[:2] - sub.pos[:2])) > 0.5
    goal = (start if moved else sub.pos) + fwd * length  # an earlier event took it elsewhere: to the lane's end
    sub.act(type=kind, to=[float(goal[0]), float(goal[1]), 0.0], start=s, end=e)


LEAVE_M = 6.0  # metres a leave goes when none are asked (out of the door, out of the drive) …
LEAVE_LAST_M = 15.0  # … or a vehicle with nothing more to do: down the street
LEAVE_SPEED = 5.0  # m/s a vehicle pulls away at


def _rides(sub: Body) -> bool:
    """Whether ``sub`` goes by wheel or hull (it has no walk of its own)."""
    return "walk_to" not in sub.spec.actions


def _leave_way(it: Leave, bodies: dict[str, Body], intents: list[Any]) -> tuple[np.ndarray, np.ndarray, float]:
    """Where a leave starts, its direction (x, y, 0) and its length. It starts just outside the place on the
    camera's side (which looks along +Y), a vehicle parked alongside it; it goes across the view towards the
    rest of the scene (where it goes next), on foot angled a little towards the camera, off the place's face."""
    sub, place = bodies[it.subject], bodies[it.target]
    vehicle = _rides(sub)
    later = intents[intents.index(it) + 1:]
    last = not any(it.subject in (getattr(x, "subject", None), *getattr(x, "subjects", ())) for x in later)
    length = it.distance or (LEAVE_LAST_M if vehicle and last else LEAVE_M)
    others = [b.pos[:2] for b in bodies.values() if b is not sub and b is not place and b.supported_by is None]
    towards = float(np.mean(others, axis=0)[0] - place.pos[0]) if others else 1.0
    across = np.array([1.0 if towards >= 0 else -1.0, 0.0])
    if sub.kept:  # placed by a relation: it goes from there, away from the place
        fwd = _unit(sub.pos - place.pos, across)
        return sub.pos.copy(), np.array([fwd[0], fwd[1], 0.0]), length
    front = np.array([0.0, -1.0])
    if vehicle:  # alongside, then along the street
        start = place.pos[:2] + front * (_extent_along(place, front) + sub.size[0] / 2 + 0.6)
        fwd = across
    else:  # out of its door
        start = place.pos[:2] + front * (_extent_along(place, front) + sub.radius + 0.3)
        fwd = _unit(np.array([across[0], -0.8]), across)
    return np.array([start[0], start[1], 0.0]), np.array([fwd[0], fwd[1], 0.0]), length


def _leave(it: Leave, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    sub = bodies[it.subject]
    kind = "move_to" if _rides(sub) else ("run_to" if it.gait == "run" else "walk_to")
    _can(sub, kind, where)
    start, fwd, length = _leave_way(it, bodies, script.intents)
    if not sub.kept:
        sub.pos = start
        sub.kept = True  # what it does next goes on from where it left to
    sub.heading = _heading_to(sub.pos, sub.pos + fwd)
    goal = sub.pos + fwd * length
    sub.act(type=kind, to=[float(goal[0]), float(goal[1]), 0.0], start=s, end=e,
            **({"easing": "ease_in_out"} if kind == "move_to" else {}))


TIP_DPS = 120.0  # degrees/s: the nudge that tips a standing thing over its edge
START_LEAN_DEG = 8.0  # how far the first of a row that falls by itself leans from the start
LEAN = 1.3  # × width / blocks: how far each block of a tower that falls by itself sits off the one below (the
# blocks above the bottom one then have their centre of mass past its edge: the tower cannot stand)


def _topple(it: Topple, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    """Something falls over by itself. A row (dominoes) or a stack (a tower) gets a cause: the row's first member
    is tipped towards the next, the tower is built leaning and let go; all of it is simulated from then on."""
    sub = bodies[it.subject]
    chain = [bodies[c] for c in _chain(script, it.subject)]
    if len(chain) == 1:
        _can(sub, "fall", where)
        sub.act(type="fall", start=s, end=min(e, s + 1.2))
        return
    for b in chain:
        b.dynamic(start=s, mass=float(np.clip(np.prod(b.size) * 150.0, 0.2, 20.0)))
    if _in_row(script, it.subject):
        first = chain[0] if sub is chain[0] else chain[-1]
        nxt = chain[1] if first is chain[0] else chain[-2]
        u = _unit(nxt.pos - first.pos, np.array([0.0, 1.0]))
        # leaning towards the next from the start, and tipped: it falls onto it
        toward = 1.0 if float(np.dot(first.forward[:2], u)) >= 0.0 else -1.0
        rot = list(first.data.get("rotation", (0.0, 0.0, 0.0)))
        first.data["rotation"] = [rot[0], -toward * START_LEAN_DEG, rot[2]]
        first.dynamic(angular_velocity=np.array([-u[1], u[0], 0.0]) * TIP_DPS)  # z × u: its top goes towards u
        return
    narrow = int(np.argmin(chain[0].size[:2]))  # it leans the way it is thinnest
    width = float(chain[0].size[narrow])
    lean = np.eye(3)[narrow] * min(LEAN * width / len(chain), 0.4 * width)
    for k, b in enumerate(chain):  # each off the one below, the top over the edge of the bottom: it cannot stand
        b.pos = b.pos + lean * k
    chain[-1].dynamic(angular_velocity=np.array([0.0, TIP_DPS / 4, 0.0]))


def _do(it: Do, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    sub = bodies[it.subject]
    if it.action not in ACTIONS:
        raise ScriptError(f"{where}.action: unknown action {it.action!r} (actions: {', '.join(ACTIONS)})")
    _can(sub, it.action, where)
    extra: dict[str, Any] = {}
    if it.target is not None and "target" in ACTIONS[it.action].model.model_fields:
        extra["target"] = it.target
    if it.action in ("walk_to", "run_to", "move_to", "fly_to", "roll", "follow_path", "orbit", "follow", "turn_to",
                     "look_at", "push", "sit"):
        if it.action in ("look_at", "turn_to", "follow") and it.target is None:
            raise ScriptError(f"{where}: {it.action} needs a `target`")
        if it.action in ("walk_to", "run_to") and it.target is not None:
            extra = {"to": it.target}
        elif it.action not in ("look_at", "turn_to", "follow", "push", "sit", "orbit"):
            raise ScriptError(f"{where}: use go_to, drive_along or another event for {it.action}")
        if it.action == "orbit":
            extra = {"center": it.target} if it.target else {}
        if it.action == "sit":
            extra = {"seat": it.target} if it.target else {}
    natural = ACTIONS[it.action].natural_duration
    if natural is None or it.repeat == 0:
        sub.act(type=it.action, start=s, end=e, **extra)
        return
    count = max(1, it.repeat)
    step = (e - s) / count
    for r in range(count):
        start = s + r * step
        sub.act(type=it.action, start=start, end=min(e, start + max(step * 0.9, 0.3)), **extra)


# ----------------------------------------------------------------------------------------------- hands


def _holds(script: SceneScript, bodies: dict[str, Body]) -> None:
    """``hold`` intents: the thing is in the holder's hands from the start (the timeline places it from the posed
    hands; here it is only put near them, and moves with the holder in the layout)."""
    for k, it in enumerate(script.intents):
        if isinstance(it, HoldIt):
            holder, thing = bodies[it.subject], bodies[it.object]
            _graspable(holder, thing, f"intents[{k}]")
            near = holder.pos + holder.forward * (holder.size[1] / 2 + 0.3)
            _shift(thing, np.array([near[0], near[1], 0.5 * holder.size[2]]) - thing.pos, bodies)  # its apples too
            thing.heading = holder.heading
            thing.supported_by, thing.kept = holder.id, True
            holder.act(type="hold", object=thing.id, start=it.start)


def _hands_free(holder: Body, thing: Body) -> bool:
    """Whether ``holder`` can hold ``thing`` from the start: a person with nothing else in its hands, a thing it
    can grip that no one else holds."""
    return "pick_up" in holder.spec.actions and thing.spec.traits.grip is not None and not thing.living and not any(
        a.get("type") in ("hold", "pick_up") for b in (holder, thing) for a in b.data.get("actions", [])) and not any(
        a.get("object") == thing.id for a in holder.data.get("actions", []))


def _graspable(holder: Body, thing: Body, where: str) -> None:
    """Raise unless ``holder`` can pick ``thing`` up: a person, and a thing with a grip point small enough."""
    _can(holder, "pick_up", where)
    if thing.spec.traits.grip is None or thing.living:
        raise ScriptError(f"{where}: a {thing.spec.name} ({thing.id!r}) cannot be picked up: it has no grip point "
                          "(people pick up cups, boxes, balls, bags, books…)")
    most = thing.spec.hold_limit(holder.size[2])
    if float(max(thing.size)) > most:
        raise ScriptError(f"{where}: {thing.id!r} ({thing.size[0]:.2f} x {thing.size[1]:.2f} x {thing.size[2]:.2f} m) "
                          f"is too big for {holder.id!r} to pick up (at most {most:.2f} m on its longest side)")


def _holding(holder: Body, thing: str) -> bool:
    """Whether ``holder`` already has ``thing`` in hand (an earlier pick_up or hold not yet put down)."""
    held = thing in holder.received  # handed over by someone (its own actions since say what it did with it)
    for a in holder.data.get("actions", []):
        if a.get("object") == thing:
            held = a["type"] in ("pick_up", "hold")
    return held


def _unit(v: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v[:2]))
    return v[:2] / n if n > 1e-6 else fallback[:2]


def _step_to(holder: Body, spot: np.ndarray, face: np.ndarray, s: float, bodies: dict[str, Body]) -> float:
    """Walk ``holder`` to ``spot`` (x, y) from where it is at ``s`` and turn to face ``face`` (x, y); the time it
    is ready."""
    here = _position_at(holder, s, bodies)
    dist = float(np.linalg.norm(spot[:2] - here[:2]))
    t = s
    if dist > 0.05:
        t = s + max(0.6, dist / WALK_SPEED + 0.3)
        holder.act(type="walk_to", to=[spot[0], spot[1], 0.0], start=s, end=t)
    holder.act(type="turn_to", heading=_heading_to(np.asarray(spot), np.asarray(face)), start=t, end=t + 0.5)
    return t + 0.5


def _pick_up(it: PickUpIt, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    holder, thing = bodies[it.subject], bodies[it.object]
    _graspable(holder, thing, where)
    here = _position_at(holder, s, bodies)
    u = _unit(thing.pos - here, holder.forward)
    support = bodies.get(thing.supported_by or "")
    if thing.spec.traits.hold_style(thing.spec.size) != "hand" and not thing.spec.traits.round:
        thing.heading = _heading_to(here, thing.pos)  # square to the holder, as hands take a box
    standoff = holder.size[1] / 2 + HOLD_GAP + _extent_along(thing, u) + 0.15  # clear of the last step
    if support is not None:  # stand at the edge of the table it is on, and find it within reach there
        edge = support.pos[:2] - u * (_extent_along(support, u) + holder.size[1] / 2 + 0.05)
        if float(np.dot(thing.pos[:2] - edge, u)) > standoff:
            moved = edge + u * standoff
            thing.pos = np.array([moved[0], moved[1], thing.pos[2]])
        spot = edge
    else:
        spot = thing.pos[:2] - u * standoff
    ready = _step_to(holder, spot, thing.pos, s, bodies)
    holder.act(type="pick_up", object=thing.id, start=ready, end=min(max(e, ready + 1.2), ready + 1.8))


def _carry(it: Carry, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    holder, thing = bodies[it.subject], bodies[it.object]
    t = s
    if not _holding(holder, thing.id):
        _pick_up(PickUpIt(type="pick_up", subject=it.subject, object=it.object), bodies, s, e, where, script)
        t = holder.data["actions"][-1]["end"] + 0.2
    here = _position_at(holder, t, bodies)
    if isinstance(it.target, str):
        goal = bodies[it.target]
        u = _unit(goal.pos - here, holder.forward)
        top = goal.spec.traits.top_support()
        low = top is not None and goal.top() < 0.5 * holder.size[2]  # the held thing passes over it
        clear = 0.0 if low else HOLD_GAP + 2 * _extent_along(thing, u) + 0.1
        spot = goal.pos[:2] - u * (_extent_along(goal, u) + holder.size[1] / 2 + 0.05 + clear)
    else:
        spot = np.asarray(it.target, dtype=np.float64)[:2]
    dist = float(np.linalg.norm(spot - here[:2]))
    reach = max(e - t - 0.3, 0.5) * WALK_SPEED
    if dist > reach:  # as far towards it as a walk gets in the time (to the far side of the sea took 46 s of 10)
        spot = here[:2] + (spot - here[:2]) * (reach / dist)
        dist = reach
    end = max(min(e, t + dist / 0.8), t + dist / WALK_SPEED + 0.3)  # a load slows a walk down, within reason
    holder.act(type="walk_to", to=[spot[0], spot[1], 0.0], start=t, end=end)


def _put_down(it: PutDownIt, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    holder, thing = bodies[it.subject], bodies[it.object]
    if not _holding(holder, thing.id):
        raise ScriptError(f"{where}: {it.subject!r} does not hold {it.object!r} (pick it up, hold or carry it first)")
    here = _position_at(holder, s, bodies)
    if it.target is None:
        holder.act(type="put_down", object=thing.id, start=min(s, max(0.0, script.duration - 1.7)))
        return
    under = bodies[it.target]
    top = under.spec.traits.top_support()
    if top is None:
        raise ScriptError(f"{where}: a {under.spec.name} ({it.target!r}) has no top to put {it.object!r} on")
    u = _unit(under.pos - here, holder.forward)
    edge = _extent_along(under, u)
    spot = under.pos[:2] - u * (edge + holder.size[1] / 2 + 0.05)
    ready = _step_to(holder, spot, under.pos, s, bodies)
    half = max(_extent_along(thing, u), 0.05)
    place = under.pos[:2] - u * max(edge - half - 0.05, 0.0)  # on the top, at the edge nearest the holder
    start = min(ready, max(s, script.duration - 1.7))  # set down before the video ends, even in a hurry
    holder.act(type="put_down", object=thing.id, onto=under.id, to=[place[0], place[1], under.top()], start=start)
    thing.supported_by = under.id


def _give(it: GiveIt, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    giver, thing, taker = bodies[it.subject], bodies[it.object], bodies[it.target]
    if not _holding(giver, thing.id):
        raise ScriptError(f"{where}: {it.subject!r} does not hold {it.object!r} (pick it up, hold or carry it first)")
    _graspable(taker, thing, where)
    here, there = _position_at(giver, s, bodies), _position_at(taker, s, bodies)
    u = _unit(there - here, giver.forward)
    apart = giver.size[1] / 2 + taker.size[1] / 2 + 0.55  # an arm's length each, a thing between them
    spot = there[:2] - u * apart
    ready = _step_to(giver, spot, there, s, bodies)
    taker.act(type="turn_to", heading=_heading_to(there, np.array([*spot, 0.0])), start=max(s, ready - 0.8),
              end=ready)
    giver.act(type="give", object=thing.id, to=taker.id, start=min(ready, max(s, script.duration - 2.1)))
    taker.received.add(thing.id)


RIDE_PACE = {"animals": 1.8, "vehicles": 4.0}  # m/s: a horse at a walk, a bicycle (a motorbike goes faster)
RIDE_PACE_OF = {"motorbike": 8.0, "tractor": 2.5, "skateboard": 3.0, "rowing_boat": 1.0}  # m/s, by asset
PATH_MARGIN = 1.0  # metres a ride along a path keeps from its ends
RIDE_GAP = 0.8  # metres between riders riding a path together, one row behind another
RIDE_SIDE_GAP = 0.45  # metres between riders side by side (two cyclists abreast, handlebars half a metre apart)


def _riding_with(it: RideOn, script: SceneScript) -> tuple[int, int]:
    """(place, count) of ``it`` among the rides of the same path and target that run together with it ("two
    cyclists ride down the road": the second is (1, 2))."""
    k = script.intents.index(it)
    first = k
    while script.intents[first].together and first > 0 and _same_ride(script.intents[first - 1], it):
        first -= 1
    last = k
    while last + 1 < len(script.intents) and script.intents[last + 1].together and \
            _same_ride(script.intents[last + 1], it):
        last += 1
    return k - first, last - first + 1


def _same_ride(x: Any, it: RideOn) -> bool:
    return isinstance(x, RideOn) and (x.along, x.target) == (it.along, it.target)


RUN_INTO_AT = 0.75  # how far along its path a ride meets what it runs into


def _ride(it: RideOn, bodies: dict[str, Body], s: float, e: float, where: str, script: SceneScript) -> None:
    rider, mount = bodies[it.subject], bodies[it.object]
    _can(rider, "ride", where)
    if mount.spec.traits.rideable is None:
        from scenes.catalog import CATALOG

        rideable = ", ".join(sorted(n for n, a in CATALOG.items() if a.traits.rideable is not None))
        raise ScriptError(f"{where}: a {mount.spec.name} ({it.object!r}) has nothing to ride on (rideable: {rideable})")
    if it.over:
        _leap(it, rider, mount, bodies, s, e)
        return
    path = bodies[it.along] if it.along is not None else None
    water = _water_for(mount, bodies)
    goal = _ride_goal(it, mount, path, water, bodies, s, e, _riding_with(it, script))
    h = math.radians(mount.heading)
    right = np.array([math.cos(h), math.sin(h), 0.0])
    if not rider.kept:  # the rider waits at the mount's left flank, facing the way it goes
        rider.pos = mount.pos - right * (mount.size[0] / 2 + rider.size[0] / 2 + 0.15)
        rider.heading = mount.heading
    before = [a for a in rider.data.get("actions") or [] if a.get("start", 0.0) < s]
    mounted = not before and (path is not None or water is not None or (
        it.start is None and s <= 1.0))  # nowhere to wait on a bridge or a lake
    start = 0.0 if mounted else s  # nothing to do before: on it from the start (a boat's rower, a bridge's rider)
    fall = min((a["start"] for a in rider.data.get("actions") or [] if a.get("type") == "fall"
                and a.get("start", 0.0) > s), default=None)  # "… and falls off his skateboard": off it then
    end = it.end if it.end is not None else fall
    rider.act(type="ride", mount=mount.id, start=start, **({"end": end} if end is not None else {}))
    go = s if mounted else s + 1.0  # on the saddle, off it goes
    if isinstance(goal, str):
        if mount.living:
            mount.act(type="walk_to", to=goal, start=go, end=e)
        else:
            _drive_to(mount, bodies[goal], go, e, where, bodies)
        return
    mount.act(type="walk_to" if mount.living else "move_to", to=[goal[0], goal[1], mount.pos[2]], start=go, end=e,
              **({} if mount.living else {"easing": "ease_in_out" if path is None else "linear"}))


LEAP_CLEAR = 0.5  # metres the underside of a leaping vehicle passes over the tops of what it jumps
LEAP_GAP = 1.0  # metres between a ramp's top and the first thing jumped, and between those parked side by side
RUN_UP = 15.0  # metres of run-up before a jump
LEAP_ARC = 1.4  # the arc's height over what it must clear at its middle: its ends, over the first and last, are lower


def _leap(it: RideOn, rider: Body, mount: Body, bodies: dict[str, Body], s: float, e: float) -> None:
    """A stunt jump: the rider rides up (to the foot of the ramp it names), leaps everything in ``it.over`` in one
    arc, lands beyond and rolls on. What is jumped stands in a row across the way (cars side by side), the ramp's
    top facing it; the run goes across the frame (+X)."""
    fwd = np.array([1.0, 0.0, 0.0])
    things = [bodies[t] for t in it.over or []]
    ramp = bodies[it.target] if isinstance(it.target, str) and bodies[it.target].spec.traits.walkable else None
    x = 0.0
    if ramp is not None:
        top, down = _high_end(ramp)
        ramp.heading = ramp.heading + math.degrees(math.pi - math.atan2(down[1], down[0]))  # its top towards +X
        top, _ = _high_end(ramp)
        x = float(top[0] - ramp.pos[0])  # where the top is, from its middle
        ramp.kept = True
    y = things[0].pos[1] if things else 0.0
    base = np.array([ramp.pos[0] if ramp is not None else 0.0, y, 0.0])
    if ramp is not None:
        ramp.pos = np.array([base[0], y, ramp.pos[2]])
    cursor = base[0] + x + LEAP_GAP
    for thing in things:  # side by side across the way, each turned to stand crosswise (a parked car)
        thing.heading = 0.0
        thing.pos = np.array([cursor + thing.size[0] / 2, y, thing.pos[2]])
        thing.kept = True
        cursor += thing.size[0] + LEAP_GAP
    foot = base[0] - x - mount.size[1] / 2  # the front wheel at the ramp's foot
    land = cursor + mount.size[1] / 2 + 1.0
    mount.heading, mount.kept = _heading_to(np.zeros(3), fwd), True
    mount.pos = np.array([foot - RUN_UP, y, 0.0])
    h = math.radians(mount.heading)
    rider.pos = mount.pos - np.array([math.cos(h), math.sin(h), 0.0]) * (mount.size[0] / 2 + rider.size[0] / 2 + 0.15)
    rider.heading = mount.heading
    rider.act(type="ride", mount=mount.id, start=0.0)
    top_z = max((t.pos[2] + t.size[2] for t in things), default=0.0) + LEAP_CLEAR
    arc = max(top_z - 0.0, 0.5)  # the arc's middle is over the middle of the row, where the line is at 0
    flight = max(2.0 * math.sqrt(2.0 * arc / GRAVITY), 0.8)
    roll_on = min(1.5, max(e - s - flight - 2.0, 0.3))
    take_off = max(s + 1.0, e - flight - roll_on)
    mount.act(type="move_to", to=[foot, y, 0.0], start=s, end=take_off, easing="ease_in")
    mount.act(type="fly_to", to=[land, y, 0.0], arc=arc * LEAP_ARC, start=take_off, end=take_off + flight,
              face_direction=False)
    mount.act(type="move_to", to=[land + 4.0, y, 0.0], start=take_off + flight, end=take_off + flight + roll_on,
              easing="ease_out")


def _ride_pace(mount: Body) -> float:
    return RIDE_PACE_OF.get(mount.spec.name, RIDE_PACE.get(mount.spec.group, 4.0))


def _ride_goal(it: RideOn, mount: Body, path: Body | None, water: Body | None, bodies: dict[str, Body], s: float,
               e: float, behind: tuple[int, int] = (0, 1)) -> np.ndarray | str:
    """Where the mount rides to (a point, or an actor it drives up to), placing it where the ride starts: at the
    near end of its path, on the water, before what it passes. ``behind``: (place, count) among riders who ride
    a path together: side by side as its width allows, then in rows."""
    target = bodies[it.target] if isinstance(it.target, str) else None
    if path is not None and path.spec.traits.water is not None and mount.spec.traits.buoyant and not mount.kept:
        return _row_out(mount, path, None, across=True)
    if path is not None:
        if not path.kept and not any(b.supported_by == path.id for b in bodies.values()):
            path.face_across()  # a ride along a road crosses the frame, not away from the camera
        start, fwd, length = _path_lane(mount, path)
        if not mount.kept:
            mount.pos, mount.heading = start, _heading_to(start, start + fwd)
        place, count = behind
        if count > 1 and not mount.kept:  # side by side as the path's width allows, then in rows one behind another
            surface = path.spec.traits.top_support()
            width = min(surface.scaled(path.scale).size) if surface is not None else 1.0
            lanes = max(1, int((width / 2 - 0.2) // (mount.size[0] + RIDE_SIDE_GAP)) + 1)
            rows = -(-count // lanes)
            row, lane = divmod(place, lanes)
            step = mount.size[1] + RIDE_GAP
            side = np.array([fwd[1], -fwd[0], 0.0])
            length = max(length - (rows - 1) * step, 1.0)
            start = start + side * lane * (mount.size[0] + RIDE_SIDE_GAP) + fwd * (rows - 1 - row) * step
            mount.pos = start
        if target is not None and it.past and not target.kept and not target.supported_by:
            _beside_path(target, path, fwd, start + fwd * length / 2)
        elif target is not None and not it.past:  # "skates down the pavement, hits a rock": it lies in the way
            if not target.kept and not target.supported_by and not target.living:
                spot = start + fwd * (RUN_INTO_AT * length)
                target.pos = np.array([spot[0], spot[1], start[2]])
                target.supported_by = path.id
            reach = float((target.pos - start)[:2] @ fwd[:2]) - _extent_along(target, fwd) - mount.size[1] / 2
            return start + fwd * max(reach, 1.0)
        return start + fwd * length
    if target is not None and it.past:
        lane = GoPast(type="go_past", subject=mount.id, targets=[target.id])
        start, fwd, length = _past_lane(lane, bodies)
        if not mount.kept:
            mount.pos, mount.heading = start, _heading_to(start, start + fwd)
        return mount.pos + fwd * length
    if water is not None and not mount.kept:
        return _row_out(mount, water, target)
    if target is not None:
        return target.id
    if not mount.kept:
        mount.face_across()
    if it.target is not None:
        return np.asarray(it.target, dtype=np.float64)
    length = it.distance or _ride_pace(mount) * max(e - s - 1.0, 1.0)
    if not mount.kept:  # a ride ahead keeps its whole lane clear (a tractor once drove out through the barn)
        mount.pos = mount.pos + _clear_lane(mount, mount.forward, length, {k: b for k, b in bodies.items()
                                                                         if k != it.subject})
    return mount.pos + mount.forward * length


def _beside_path(thing: Body, path: Body, fwd: np.ndarray, at: np.ndarray) -> None:
    """Stand ``thing`` just beyond the far side of ``path`` (away from the camera, so it hides nothing), level
    with ``at``."""
    side = np.array([fwd[1], -fwd[0], 0.0])
    if side[1] < 0:
        side = -side
    across = abs(float(side[:2] @ np.array([math.cos(math.radians(path.heading)),
                                            math.sin(math.radians(path.heading))])))
    half = 0.5 * (across * path.size[0] + (1.0 - across) * path.size[1])
    centre = path.pos + fwd * float((at - path.pos)[:2] @ fwd[:2])
    spot = centre + side * (half + _extent_along(thing, side) + 0.3)
    thing.pos = np.array([spot[0], spot[1], 0.0])


def _path_lane(mount: Body, path: Body) -> tuple[np.ndarray, np.ndarray, float]:
    """Where a ride along ``path`` starts (on its top, at the end on the camera's left), its direction and length:
    the long side of its top surface, a margin short of both ends."""
    surface = path.spec.traits.top_support()
    if surface is None:
        raise ScriptError(f"a {path.spec.name} ({path.id!r}) has no top to ride along")
    top = surface.scaled(path.scale)
    centre = _local(path, top.centre)
    along_y = top.size[1] >= top.size[0]
    h = math.radians(path.heading + (0.0 if along_y else -90.0))
    fwd = np.array([-math.sin(h), math.cos(h), 0.0])
    if fwd[0] < -1e-6 or (abs(fwd[0]) <= 1e-6 and fwd[1] < 0):  # left to right as the camera sees it
        fwd = -fwd
    length = max(max(top.size) - 2 * PATH_MARGIN - mount.size[1], 1.0)
    z = path.pos[2] + top.height
    start = np.array([*(centre - fwd[:2] * length / 2), z])
    return start, fwd, length


def _row_out(mount: Body, water: Body, target: Body | None, across: bool = False) -> np.ndarray:
    """A boat on the water: from near one shore out to the middle of the water (its target is the water, or
    nothing), to near the other shore (``across``), or towards what it rows to."""
    surface = water.spec.traits.water.scaled(water.scale)
    centre = _local(water, surface.centre)
    z = water.pos[2] + surface.height - mount.spec.traits.draft * mount.size[2]
    mount.face_across()
    fwd = mount.forward[:2]
    reach = abs(float(fwd[0])) * surface.size[0] + abs(float(fwd[1])) * surface.size[1]
    start = centre - fwd * max(reach / 2 - mount.size[1] / 2 - 0.8, 0.0)
    mount.pos = np.array([start[0], start[1], z])
    mount.kept, mount.placed_by = True, "water"
    if target is not None and target is not water:
        return np.array([*target.pos[:2], z])
    if across:
        far = centre + fwd * max(reach / 2 - mount.size[1] / 2 - 0.8, 0.0)
        return np.array([far[0], far[1], z])
    return np.array([centre[0], centre[1], z])


_HANDLERS = {KnockOver: _knock_over, Hit: _hit, DropOnto: _drop_onto, FallOff: _fall_off, KickTo: _kick_to,
             ThrowTo: _throw_to, RollDown: _roll_down, PushIt: _push, Chase: _chase, Meet: _meet,
             RunAround: _run_around,
             DriveAlong: _drive_along, JumpOnto: _jump_onto, SitOn: _sit_on, GoTo: _go_to, GoPast: _go_past,
             Leave: _leave,
             Topple: _topple, Do: _do,
             PickUpIt: _pick_up, Carry: _carry, PutDownIt: _put_down, GiveIt: _give, RideOn: _ride}


# ----------------------------------------------------------------------------------------------- pacing


def _keep_alive(script: SceneScript, bodies: dict[str, Body], spans: dict[int, tuple[float, float]]) -> None:
    """People and animals that would stand still for most of the video get small errands between their events:
    a few steps out and back, a look around, so a long video never freezes."""
    duration = script.duration
    pushed = {a.get("target") for b in bodies.values() for a in b.data.get("actions", [])
              if a.get("type") in ("push", "kick")}
    stay = {s for it in script.intents if isinstance(it, KeepAlive) and not it.roam for s in it.subjects}
    for body in bodies.values():
        if not (body.living or body.spec.kind == "bird") or body.data.get("physics") or body.id in pushed:
            continue  # a body physics moves (or will move) never also walks
        busy = sorted([(a.get("start", 0.0), _end(a, duration))
                       for a in body.data.get("actions", []) if a.get("type") not in ("idle", "look_at")]
                      + _handed_to(body, bodies, duration))
        if any(a.get("type") in ("sit", "dance", "follow") and a.get("end") is None
               for a in body.data.get("actions", [])):
            continue  # seated, dancing or following to the end: alive already
        gaps, t = [], 0.0
        for s, e in busy:
            if s - t > 1.5:
                gaps.append((t, s))
            t = max(t, e)
        if duration - t > 1.5:
            gaps.append((t, duration))
        if sum(g[1] - g[0] for g in gaps) < 0.4 * duration:
            continue
        _errands(body, gaps, bodies, roam=body.id not in stay)


def _handed_to(body: Body, bodies: dict[str, Body], duration: float) -> list[tuple[float, float]]:
    """When something is handed to ``body`` (the giver's ``give``, and a moment after): it stands there to take it."""
    return [(float(a.get("start", 0.0)), min(duration, _end(a, duration) + 0.3))
            for b in bodies.values() if b is not body for a in b.data.get("actions", [])
            if a.get("type") == "give" and a.get("to") == body.id]


def _end(action: dict[str, Any], duration: float) -> float:
    if action.get("end") is not None:
        return float(action["end"])
    natural = ACTIONS[action["type"]].natural_duration
    return duration if natural is None else min(duration, float(action.get("start", 0.0)) + natural)


ERRAND_LOOK = 1.0  # seconds between the moments a new errand's way is checked against the others' whereabouts


def _clear_way(body: Body, here: np.ndarray, bodies: dict[str, Body], t: float, reach: float = 1.5,
               until: float | None = None) -> np.ndarray:
    """A direction (x, y, 0) in which ``body`` can walk ``reach`` metres out and back without walking through
    anything on the ground where it is from ``t`` to ``until`` (someone who walked up to hand it something stands
    next to it; a dog on its own errand walks there meanwhile: three dogs and their walker strolled into each
    other): its sides first, then ahead and behind, then the diagonals."""
    ahead = body.forward
    side = np.array([ahead[1], -ahead[0], 0.0])  # its right
    # dynamic bodies too: a row of dominoes still standing, a ball about to be pushed across the errand's way
    others = [b for b in bodies.values() if b is not body and b.pos[2] < 0.3]
    if not others:
        return side
    times = np.arange(t, max(until if until is not None else t, t) + 1e-6, ERRAND_LOOK)
    where = np.array([[_position_at(b, float(u), bodies)[:2] if b.living else b.pos[:2] for b in others]
                      for u in times])  # (T, B, 2)
    room = np.array([b.radius for b in others]) + body.radius + 0.2
    for d in (side, -side, ahead, -ahead, (side + ahead) / 2 ** 0.5, (side - ahead) / 2 ** 0.5,
              (-side + ahead) / 2 ** 0.5, (-side - ahead) / 2 ** 0.5):
        samples = np.array([(here + d * k)[:2] for k in np.linspace(0.3, reach, 5)])  # (S, 2)
        gaps = np.linalg.norm(samples[None, :, None, :] - where[:, None, :, :], axis=-1)  # (T, S, B)
        if bool(np.all(gaps > room)):
            return d
    return np.zeros(3)


def _errands(body: Body, gaps: list[tuple[float, float]], bodies: dict[str, Body], roam: bool = True) -> None:
    """Fill each gap with walks of a couple of metres out and back, starting from where the actor will be, in a
    direction where nothing stands in the way (or only looking around, if everything does)."""
    for g0, g1 in gaps:
        here = _position_at(body, g0, bodies, keep_height=True)
        # up on something (a cat that jumped onto the table, a bird on the fence) it looks around rather than
        # walk off the edge; so does a bird, which hops
        walks = roam and here[2] < 0.05 and "walk_to" in body.spec.actions and not body.placed_by  # under it: stays
        side = _clear_way(body, here, bodies, g0, until=g1) if walks else np.zeros(3)
        t = g0 + 0.5
        while t + 2.5 <= g1 and side.any():
            leg = min(2.0, (g1 - t - 0.5) / 2)  # the last one shorter, to fill the gap
            away = here + side * 1.5 * leg / 2.0
            body.act(type="walk_to", to=away, start=t, end=t + leg)
            body.act(type="walk_to", to=here, start=t + leg + 0.5, end=t + 2 * leg + 0.5)
            t += 2 * leg + 1.5
        if not side.any() and "turn_to" in body.spec.actions and max(body.size[:2]) < 2.0:
            turns = 0
            for k, t0 in enumerate(np.arange(t, g1 - 1.0, 1.8)):  # look this way, then that way
                if "hop" in body.spec.actions and k % 3 == 2:
                    body.act(type="hop", start=float(t0), end=min(float(t0) + 1.0, g1))
                    continue
                body.act(type="turn_to", heading=body.heading + (50.0 if turns % 2 == 0 else -50.0),
                         start=float(t0), end=min(float(t0) + 1.5, g1))
                turns += 1
            t = g1
        elif not side.any() and "look_at" in body.spec.actions and body.spec.kind == "animal":
            # too big to turn on the spot (a cow among its herd): it looks about, head only
            fwd, right = body.forward, np.array([body.forward[1], -body.forward[0], 0.0])
            for k, t0 in enumerate(np.arange(t, g1 - 1.0, 2.5)):
                there = here + fwd * 3.0 + right * (2.5 if k % 2 == 0 else -2.5)
                body.act(type="look_at", target=[float(there[0]), float(there[1]), 0.5], start=float(t0),
                         end=min(float(t0) + 2.2, g1))
            t = g1
        # too short for a walk: turn to look around (on the spot only for something under 2 m: a horse turning in
        # place sweeps its length through whoever stands at its flank)
        if g1 - t >= 1.5 and "turn_to" in body.spec.actions and max(body.size[:2]) < 2.0:
            others = [b for b in bodies.values() if b is not body]
            if others:
                mid = t + (g1 - t) / 2
                # a point, not the actor: two idle people turning to each other would refer to each other
                there = _position_at(others[0], t, bodies)
                body.act(type="turn_to", target=[float(there[0]), float(there[1]), 0.0], start=t,
                         end=min(t + 1.0, mid))
                body.act(type="turn_to", heading=body.heading, start=mid, end=min(mid + 1.0, g1))
                t = g1
        if t + 1.0 < g1 and "look_at" in body.spec.actions:
            others = [b for b in bodies.values() if b is not body]
            if others:
                body.act(type="look_at", target=others[0].id, start=t, end=g1)


def _position_at(body: Body, t: float, bodies: dict[str, Body], keep_height: bool = False) -> np.ndarray:
    """Where ``body`` stands at ``t``: the goal of the walk, move or jump that ended last before ``t`` (a point,
    or short of an actor), or its position, on the ground unless ``keep_height``. (Actions are read in time
    order: errands are appended after the events they fall between.)"""
    here = body.pos.copy()
    for a in sorted(body.data.get("actions", []), key=lambda a: (a.get("end") is None, a.get("end") or 0.0)):
        end = a.get("end")
        if a.get("type") in ("walk_to", "run_to", "move_to", "fly_to") and end is not None and end <= t + 1e-6:
            to = a.get("to")
            if isinstance(to, list | tuple):
                here = np.asarray(to, dtype=np.float64)
            elif isinstance(to, str) and to in bodies:
                goal = bodies[to].pos
                d = goal[:2] - here[:2]
                stop = a.get("stop_distance", 0.8) or 0.0
                here = np.array([*(goal[:2] - d / max(float(np.linalg.norm(d)), 1e-6) * stop), 0.0])
    return np.array([here[0], here[1], here[2] if keep_height else 0.0])


# ---------------------------------------------------------------------------------------------- framing


NEAREST_FRAMING = 0.3  # metres: the closest a framed camera stands (the lens's near plane is 0.05 m)


def _fov_for(height: float, share: float, dist: float, aspect: float) -> float:
    """The horizontal field of view (degrees) at which something ``height`` tall fills ``share`` of the frame
    height from ``dist`` metres."""
    half_v = math.atan(max(height, 0.005) / (max(share, 1e-3) * 2.0 * max(dist, 0.01)))
    return float(np.clip(math.degrees(2.0 * math.atan(math.tan(half_v) * aspect)), 5.0, 120.0))


DOLLY_FROM, DOLLY_TO = 1.8, 0.7  # × the framed distance: where a push in to an asked size starts and ends


def _frame_shots(data: dict[str, Any], bodies: dict[str, Body], script: SceneScript) -> None:
    """Place static, pan, zoom and dolly shots that ask for a framing: the camera stands at the distance that
    gives the asked share of the frame, a little above and to the side, looking at the subjects' middle.
    (Framed and orbit shots take the share from the camera compiler directly.)"""
    aspect = script.resolution.width / script.resolution.height
    for shot, model in zip(data["camera"]["shots"], script.camera.shots, strict=True):
        intent = model.framing_intent()
        if intent is not None and model.type not in ("static", "pan", "zoom", "dolly", "tilt"):
            if "target" not in model.model_fields_set:  # an orbit or a track films its first subject: say so,
                shot["target"] = intent.subjects[0]  # or the solved script's dump would aim at the default point
            continue
        if intent is None:
            continue
        subs = [bodies[s] for s in intent.subjects]
        lo = np.min([b.pos - np.array([b.size[0] / 2, b.size[1] / 2, 0.0]) for b in subs], axis=0)
        hi = np.max([b.pos + np.array([b.size[0] / 2, b.size[1] / 2, b.size[2]]) for b in subs], axis=0)
        centre = (lo + hi) / 2
        a = math.radians(20.0)
        # the group's width and depth as this camera sees it (a bus end on is 2.5 m wide, not 11: it was a speck)
        ext = hi - lo
        across = float(ext[0] * math.cos(a) + ext[1] * math.sin(a))
        deep = float(ext[0] * math.sin(a) + ext[1] * math.cos(a))
        height = max(float(ext[2]), across / aspect)
        fov = model.fov if model.fov is not None else script.camera.fov
        dist = share_distance(height, intent.share(), fov, aspect) + deep / 2
        if dist < NEAREST_FRAMING and model.fov is None and "fov" not in model.model_fields_set:
            # a ladybird's close-up: not a lens-width from it (inside the near plane) but a longer lens
            fov = _fov_for(height, intent.share(), NEAREST_FRAMING - deep / 2, aspect)
            dist = NEAREST_FRAMING
            shot["fov"] = round(fov, 3)
        eye = centre + np.array([dist * math.sin(a), -dist * math.cos(a), min(0.25 * dist, 3.0)])
        eye[2] = max(eye[2], min(0.4, centre[2] + 0.3 * dist + 0.05))  # (a small thing on the ground: low)
        if model.type == "dolly":  # a push in comes in to the asked size ("pushes in to a close-up of her cup")
            # from further out, slowing as it arrives, so the asked size holds for most of the shot
            if "from" not in model.model_fields_set and "from_" not in model.model_fields_set:
                shot["from"] = _num(centre + (eye - centre) * DOLLY_FROM)
            if "to" not in model.model_fields_set:
                shot["to"] = _num(centre + (eye - centre) * DOLLY_TO)
            if "easing" not in model.model_fields_set:
                shot["easing"] = "ease_out"
        elif "position" not in model.model_fields_set:
            shot["position"] = _num(eye)
        if "target" not in model.model_fields_set:
            shot["target"] = _num(centre)


# ----------------------------------------------------------------------------------- reaching the target


def _reach(script: SceneScript, strikes: list[Strike], notes: list[str], horizon: float) -> SceneScript:
    """Bake the physics and raise any impulse whose mover did not reach its target, up to MAX_BAKES times.

    Each trial bakes the physics only to ``horizon`` (the strikes' events are over by then), with no shots;
    its motion is the whole video's, so the final bake of the script that passes resumes the trial's."""
    if not strikes:
        return script
    from scenes.script import Camera
    from scenes.timeline import compile_script

    frames = script.model_copy(update={"duration": horizon}).frame_count
    for attempt in range(MAX_BAKES):
        trial = script.model_copy(update={"camera": Camera(), "captions": []})
        timeline = compile_script(trial, bake_frames=frames, with_poses=False)
        missed = [s for s in strikes if not _reached(timeline, s, frames)]
        if not missed:
            if attempt:
                notes.append(f"solve: impulses raised {attempt} time(s) until every mover reached its target")
            return script
        if attempt == MAX_BAKES - 1:
            break
        script = _stronger(script, missed, timeline)
    for s in missed:
        notes.append(f"solve: {s.actor!r} still does not reach {s.target!r} after {MAX_BAKES} physics bakes")
    return script


def _reached(timeline: Any, strike: Strike, frames: int) -> bool:
    """Whether the strike did what it was for in the first ``frames`` frames (the trial's baked ones)."""
    ids = {a.id: i for i, a in enumerate(timeline.actors)}
    positions = timeline.positions[:frames]
    if strike.goal == "rest_on":  # it ends on the target's top, inside its footprint
        end, below = positions[-1, ids[strike.actor]], positions[-1, ids[strike.target]]
        size = np.asarray(asset(timeline.script.actor(strike.target).asset).size) * np.asarray(
            timeline.script.actor(strike.target).scale)
        return bool(np.all(np.abs(end[:2] - below[:2]) <= size[:2] / 2) and end[2] > below[2] + 0.5 * size[2])
    if strike.goal == "meet":  # it runs into one of them
        return any({c.a, c.b} & set(strike.falls) and strike.actor in (c.a, c.b) for c in timeline.collisions
                   if c.frame < frames)
    moved = _pushed(timeline, strike)
    if strike.goal == "topple":
        from scenes.contact import tilt_degrees

        fallen = sum(tilt_degrees(timeline, ids[a])[frames - 1] > 45.0 for a in strike.falls)
        return fallen * 2 >= len(strike.falls)
    if strike.goal == "touch":
        if moved == strike.target:  # a person shoving it: it must really move
            track = positions[:, ids[moved]]
            return float(np.max(np.linalg.norm(track - track[0], axis=1))) > 0.1
        return any({c.a, c.b} == {moved, strike.target} for c in timeline.collisions if c.frame < frames)
    goal = positions[-1, ids[strike.target]] if isinstance(strike.target, str) else np.asarray(strike.target)
    start = positions[0, ids[moved]]
    best = float(np.min(np.linalg.norm(positions[:, ids[moved], :2] - goal[:2], axis=1)))
    return best <= max(1.0, 0.25 * float(np.linalg.norm(goal[:2] - start[:2])))


def _into_real_path(by_id: dict[str, dict[str, Any]], strike: Strike, timeline: Any) -> None:
    """What something rolling on its own missed is moved, as it is arranged, into the path it really took in the
    trial: a little past where it came down to the ground (off a ramp, a hill), else as far along as it was."""
    ids = {a.id: i for i, a in enumerate(timeline.actors)}
    track = timeline.positions[:, ids[strike.actor]]
    first = by_id[strike.target]["position"]
    travel = np.linalg.norm(np.diff(track[:, :2], axis=0), axis=1)
    moving = np.flatnonzero(travel > 1e-3)
    if len(moving) == 0:
        return
    down = moving[track[moving + 1, 2] < 0.05]  # on the ground and rolling
    f = int(down[0]) + 1 if len(down) else int(moving[-1]) + 1
    ahead = track[min(f + 5, len(track) - 1), :2] - track[max(f - 5, 0), :2]
    d = _unit(ahead, np.array([1.0, 0.0]))
    size = asset(by_id[strike.target]["asset"]).size
    spot = track[f, :2] + d * (PATH_GAP + float(max(size[:2])) / 2)
    shift = spot - np.asarray(first[:2], dtype=np.float64)
    rise = 0.0 if len(down) else float(track[f, 2]) - float(first[2])  # still up a hill's side: stood on it there
    for m in strike.falls:
        pos = by_id[m]["position"]
        pos[0], pos[1] = round(pos[0] + float(shift[0]), 4), round(pos[1] + float(shift[1]), 4)
        pos[2] = round(pos[2] + max(rise, 0.0), 4)


def _pushed(timeline: Any, strike: Strike) -> str:
    act = timeline.script.actor(strike.actor).actions[strike.action]
    return getattr(act, "target", None) or strike.actor


def _stronger(script: SceneScript, missed: list[Strike], timeline: Any) -> SceneScript:
    data = script.model_dump(mode="json", by_alias=True)
    by_id = {a["id"]: a for a in data["actors"]}
    for s in missed:
        if s.goal == "meet":
            _into_real_path(by_id, s, timeline)
            continue
        if s.goal == "rest_on":  # it tumbled off: drop it from half the height, nearer the middle
            pos = by_id[s.actor]["position"]
            top = by_id[s.target]["position"][2] + asset(by_id[s.target]["asset"]).size[2]
            pos[2] = round(top + max(0.3, (pos[2] - top) / 2), 4)
            continue
        act = by_id[s.actor]["actions"][s.action]
        if act.get("impulse") is not None:
            act["impulse"] = [round(v * 1.6, 4) for v in act["impulse"]]
        else:
            act["strength"] = round(act.get("strength", 2.0) * 1.6, 4)
    return _validated(data)
