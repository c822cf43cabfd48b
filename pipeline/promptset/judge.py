"""Judge a prompt's facts on its compiled :class:`~scenes.timeline.Timeline`: what the video will show.

Everything is measured on the baked world (actors' assets and materials, per-frame posed boxes from
``scenes.view``, physics collisions, the camera track), never on what a planner says it meant, so the
same judge grades any planner and any hand-written script. Each fact gives a :class:`Verdict` with the
figure it was decided on. Thresholds are named constants below and listed in docs/prompt-set.md.
"""

from __future__ import annotations

import colorsys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np

from pipeline.promptset.facts import (
    CAMERA,
    CameraFact,
    ColourFact,
    CountFact,
    DurationFact,
    EventFact,
    Fact,
    FramingFact,
    PromptSet,
    RelationFact,
    ShotsFact,
    VisibleFact,
)
from scenes.catalog import CATALOG, asset, model
from scenes.rig import hpr_matrix
from scenes.script import Material
from scenes.timeline import Timeline
from scenes.view import Boxes, View, actor_boxes, actor_views

ON_TOLERANCE = 0.05  # m: a thing is on a surface when its base is this close to the surface's height
TOUCH_GAP = 0.03  # m: boxes closer than this touch (when no collision was recorded)
REACH_DISTANCE = 1.5  # m: a mover reached its goal when it ends this close (box to box)
MOVE_PATH = 1.0  # m of travel for "moves"
ROLL_TRAVEL = 0.5  # m of travel and ...
ROLL_TURN = 90.0  # ... degrees turned about a level axis for "rolls"
TOPPLE_TILT = 45.0  # degrees of extra tilt by the end (or a fall of half its height) for "topples"
FALL_HEIGHT = 0.2  # m a falling thing starts above what it falls onto
NEAR_DISTANCE = 2.0  # m box to box (or half the larger thing's footprint, if that is more)
FACING_ANGLE = 45.0  # degrees between a thing's front and the direction to what it faces
VISIBLE_AREA = 0.01  # share of the frame a visible thing covers
FRAMING_BANDS = {"close_up": (0.5, np.inf), "medium": (0.25, 0.5), "wide": (0.08, 0.25)}  # subject height share
MOSTLY = 0.5  # share of a shot's frames that "most of the shot" means
DURATION_TOLERANCE = 0.05
WINDOW = 1.0  # s: "at start" is the first second, "at end" the last
HUE_SHARE = 0.2  # share of an asset's surface a slot must cover for its colour to count (a child's shirt: 25 %)


@dataclass(frozen=True)
class Verdict:
    """One fact judged: whether it holds, and the measured figure behind the decision."""

    fact: str
    kind: str
    sub_kind: str
    met: bool
    detail: str


@dataclass
class World:
    """A compiled timeline seen the way the facts need it: posed boxes, the camera's view, and names."""

    timeline: Timeline
    groups: PromptSet

    @cached_property
    def boxes(self) -> Boxes:
        """Posed oriented boxes (F, N) of every actor."""
        return actor_boxes(self.timeline)

    @cached_property
    def view(self) -> View:
        """The camera's view of every actor per frame."""
        return actor_views(self.timeline, self.boxes)

    @cached_property
    def lo(self) -> np.ndarray:
        """World-aligned box minimum (F, N, 3) around each posed box."""
        return self.boxes.centre - self._reach

    @cached_property
    def hi(self) -> np.ndarray:
        """World-aligned box maximum (F, N, 3)."""
        return self.boxes.centre + self._reach

    @cached_property
    def _reach(self) -> np.ndarray:
        return np.einsum("fnij,fnj->fni", np.abs(self.boxes.axes), self.boxes.half)

    @property
    def frames(self) -> int:
        """Number of frames."""
        return len(self.timeline.times)

    def actors_of(self, name: str) -> list[int]:
        """Indices of the shown actors whose asset is ``name`` or one of its group's members."""
        members = self.groups.members(name)
        shown = self.timeline.visible.any(axis=0)
        return [i for i, a in enumerate(self.timeline.actors) if a.asset in members and shown[i]]

    def window(self, at: str) -> np.ndarray:
        """Frame indices of ``start`` (first second), ``end`` (last second) or ``any``."""
        t = self.timeline.times
        if at == "start":
            sel = t <= t[0] + WINDOW
        elif at == "end":
            sel = t >= t[-1] - WINDOW
        else:
            sel = np.ones(len(t), dtype=bool)
        return np.flatnonzero(sel)

    def shots(self) -> list[np.ndarray]:
        """Frame indices of each shot, in order."""
        idx = self.timeline.shot_index
        return [np.flatnonzero(idx == k) for k in np.unique(idx)]

    def gap(self, i: int, j: int, frames: np.ndarray, horizontal: bool = False) -> np.ndarray:
        """Distance (per frame) between the world-aligned boxes of actors i and j; negative when they overlap."""
        axes = 2 if horizontal else 3
        d = np.maximum(self.lo[frames, i, :axes] - self.hi[frames, j, :axes],
                       self.lo[frames, j, :axes] - self.hi[frames, i, :axes])  # (S, axes) per-axis separation
        outside = np.linalg.norm(np.maximum(d, 0.0), axis=1)
        return np.where((d > 0).any(axis=1), outside, d.max(axis=1))

    def local(self, point: np.ndarray, j: int, frames: np.ndarray) -> np.ndarray:
        """World points (S, 3) in actor j's own frame (origin at its base, unscaled metres)."""
        tl = self.timeline
        rot = hpr_matrix(tl.hpr[frames, j])
        return np.einsum("fji,fj->fi", rot, point - tl.positions[frames, j])

    def footprint_contains(self, point: np.ndarray, j: int, frames: np.ndarray, margin: float = 0.0,
                           area: tuple[tuple[float, float], tuple[float, float]] | None = None) -> np.ndarray:
        """Whether world points (S, 3) lie over actor j's footprint (or over ``area`` = (centre, size) of it)."""
        q = self.local(point, j, frames)
        s = self.timeline.scales[frames, j]
        if area is None:
            size = np.asarray(asset(self.timeline.actors[j].asset).size[:2]) * s[:, :2]
            centre = np.zeros((len(frames), 2))
        else:
            centre, size = np.asarray(area[0]) * s[:, :2], np.asarray(area[1]) * s[:, :2]
        return np.all(np.abs(q[:, :2] - centre) <= size / 2.0 + margin, axis=1)

    def pelvis(self, i: int, frames: np.ndarray) -> np.ndarray | None:
        """World position (S, 3) of a person's or animal's root joint (the pelvis), ``None`` for rigid actors."""
        tl = self.timeline
        actor = tl.actors[i]
        if actor.id not in tl.poses:
            return None
        local = np.asarray(model(actor.asset).joints[0].offset) + tl.poses[actor.id].root_offset[frames]
        rot = hpr_matrix(tl.hpr[frames, i])
        return tl.positions[frames, i] + np.einsum("fij,fj->fi", rot, local * tl.scales[frames, i])

    def path_length(self, i: int, frames: np.ndarray | None = None) -> float:
        """Metres travelled by actor i's box centre, sampled every 0.25 s so physics jitter does not add up."""
        frames = np.arange(self.frames) if frames is None else frames
        step = max(1, round(self.timeline.script.fps / 4))
        pts = self.boxes.centre[frames[::step], i]
        pts = np.vstack([pts, self.boxes.centre[frames[-1:], i]])
        return float(np.linalg.norm(np.diff(pts, axis=0), axis=1).sum())

    def height(self, i: int) -> float:
        """Actor i's box height at the first frame."""
        return float(self.hi[0, i, 2] - self.lo[0, i, 2])

    def touches(self, i: int, j: int) -> bool:
        """A recorded collision between i and j, or their boxes within 3 cm at some frame."""
        a, b = self.timeline.actors[i].id, self.timeline.actors[j].id
        if any({c.a, c.b} == {a, b} for c in self.timeline.collisions):
            return True
        return bool((self.gap(i, j, np.arange(self.frames)) < TOUCH_GAP).any())

    def tilt(self, i: int) -> np.ndarray:
        """Degrees between actor i's up axis and the world's up, per frame."""
        up = hpr_matrix(self.timeline.hpr[:, i])[:, :, 2]
        return np.degrees(np.arccos(np.clip(up[:, 2], -1.0, 1.0)))


# ------------------------------------------------------------------------------------------------- colours

def hue_families(rgb: tuple[float, float, float]) -> set[str]:
    """The everyday colour words an sRGB colour answers to (a colour may fit two: dark red is also brown)."""
    h, s, v = colorsys.rgb_to_hsv(*rgb)
    hue = h * 360.0
    out = set()
    if v < 0.2:
        out.add("black")
    if s < 0.18 and v >= 0.8:
        out.add("white")
    if s < 0.18 and 0.2 <= v < 0.85:
        out.add("grey")
    if s >= 0.18 and v >= 0.2:
        bands = (("red", 345, 360), ("red", 0, 15), ("orange", 15, 45), ("yellow", 45, 70), ("green", 70, 165),
                 ("blue", 165, 260), ("purple", 260, 301), ("pink", 300, 345))  # CSS purple (300°) is purple too
        out.update(name for name, lo, hi in bands if lo <= hue < hi)
        if hue < 50 and (v <= 0.75 or s <= 0.6):
            out.add("brown")
        if (hue >= 330 or hue < 15) and s < 0.5 and v > 0.8:
            out.add("pink")
    return out


@cache
def _slot_shares(asset_name: str) -> dict[str, float]:
    """Each material slot's share of an asset's surface area: its rigid parts and its skinned meshes (a person's
    clothes, a dog's fur: without them a red jacket or a brown dog had no colour to judge)."""
    areas: dict[str, float] = {}
    m = model(asset_name)
    for part in (*m.parts, *m.skin):
        v = part.mesh.vertices.astype(np.float64)[part.mesh.triangles]
        area = 0.5 * np.linalg.norm(np.cross(v[:, 1] - v[:, 0], v[:, 2] - v[:, 0]), axis=1).sum()
        areas[part.slot] = areas.get(part.slot, 0.0) + float(area)
    total = sum(areas.values()) or 1.0
    return {k: a / total for k, a in areas.items()}


def actor_colours(actor) -> list[tuple[float, float, float]]:
    """The sRGB colours covering at least 30 % of an actor's surface, as the engine resolves its slots."""
    if actor.asset not in CATALOG:
        return [actor.material.colour_or((1.0, 1.0, 1.0))]
    m = model(actor.asset)
    out = []
    for slot, share in _slot_shares(actor.asset).items():
        if share < HUE_SHARE:
            continue
        chosen = actor.materials.get(slot)
        if chosen is None and slot == m.main_slot and actor.material != Material():
            chosen = actor.material
        own = m.slots[slot].colour if slot in m.slots else (0.8, 0.8, 0.8)
        out.append(chosen.colour_or(own) if chosen is not None else own)
    return out


# ------------------------------------------------------------------------------------------------- relations

PairTest = Callable[[World, int, int, np.ndarray], np.ndarray]


def _base_point(w: World, i: int, frames: np.ndarray) -> np.ndarray:
    """The middle of actor i's underside (S, 3)."""
    p = w.boxes.centre[frames, i].copy()
    p[:, 2] = w.lo[frames, i, 2]
    return p


def _rests_on(w: World, i: int, j: int, frames: np.ndarray) -> np.ndarray:
    """i's underside at the height of one of j's support surfaces (its top if it declares none), over it."""
    spec = asset(w.timeline.actors[j].asset)
    base = _base_point(w, i, frames)
    z0 = w.timeline.positions[frames, j, 2]
    sz = w.timeline.scales[frames, j, 2]
    if spec.traits.walkable and not spec.traits.supports:  # a slope: anywhere between its foot and its top
        over = w.footprint_contains(base, j, frames)
        return over & (base[:, 2] >= w.lo[frames, j, 2] - ON_TOLERANCE) & (base[:, 2] <= w.hi[frames, j, 2]
                                                                           + ON_TOLERANCE)
    surfaces = [(s.height, (s.centre, s.size)) for s in spec.traits.supports]
    if spec.traits.water is not None:
        surfaces.append((spec.traits.water.height, (spec.traits.water.centre, spec.traits.water.size)))
    out = np.zeros(len(frames), dtype=bool)
    for height, area in surfaces:
        level = z0 + height * sz
        floating = spec.traits.water is not None and height == spec.traits.water.height
        low = level - (0.6 * w.height(i) if floating else ON_TOLERANCE)  # a boat sits low in the water
        out |= w.footprint_contains(base, j, frames, 0.0, area) & (base[:, 2] >= low) & (
            base[:, 2] <= level + ON_TOLERANCE)
    top = np.abs(base[:, 2] - w.hi[frames, j, 2]) <= ON_TOLERANCE
    out |= w.footprint_contains(base, j, frames) & top
    if spec.traits.walkable:  # stairs: on any step
        out |= w.footprint_contains(base, j, frames) & (base[:, 2] <= w.hi[frames, j, 2] + ON_TOLERANCE)
    return out


def _rides_or_sits(w: World, i: int, j: int, frames: np.ndarray, seat_only: bool) -> np.ndarray:
    """A person's or animal's pelvis on j's seat (or, unless ``seat_only``, on its rideable point or top)."""
    pelvis = w.pelvis(i, frames)
    if pelvis is None:
        return np.zeros(len(frames), dtype=bool)
    traits = asset(w.timeline.actors[j].asset).traits
    z0 = w.timeline.positions[frames, j, 2]
    s = w.timeline.scales[frames, j]
    out = np.zeros(len(frames), dtype=bool)
    if traits.seat is not None:
        level = z0 + traits.seat.height * s[:, 2]
        over = w.footprint_contains(pelvis, j, frames, 0.15, (traits.seat.centre, traits.seat.size))
        out |= over & (pelvis[:, 2] >= level - 0.1) & (pelvis[:, 2] <= level + 0.3)
    if traits.rideable is not None and not seat_only:
        point = w.timeline.positions[frames, j] + np.einsum(
            "fij,fj->fi", hpr_matrix(w.timeline.hpr[frames, j]), np.asarray(traits.rideable) * s)
        out |= np.linalg.norm(pelvis - point, axis=1) <= 0.35
    if traits.seat is None and traits.rideable is None:  # a seat the catalog does not describe: its lower half up
        over = w.footprint_contains(pelvis, j, frames, 0.1)
        out |= over & (pelvis[:, 2] >= w.lo[frames, j, 2] + 0.25 * w.height(j)) & (
            pelvis[:, 2] <= w.hi[frames, j, 2] + 0.3)
    return out


def _on(w: World, i: int, j: int, frames: np.ndarray) -> np.ndarray:
    return _rests_on(w, i, j, frames) | _rides_or_sits(w, i, j, frames, seat_only=False)


def _under(w: World, i: int, j: int, frames: np.ndarray) -> np.ndarray:
    centre = w.boxes.centre[frames, i]
    return (w.footprint_contains(centre, j, frames, ON_TOLERANCE)
            & (w.hi[frames, i, 2] <= w.hi[frames, j, 2]) & (w.lo[frames, i, 2] < w.hi[frames, j, 2] - ON_TOLERANCE))


def _inside(w: World, i: int, j: int, frames: np.ndarray) -> np.ndarray:
    centre = w.boxes.centre[frames, i]
    return (w.footprint_contains(centre, j, frames) & (centre[:, 2] >= w.lo[frames, j, 2])
            & (centre[:, 2] <= w.hi[frames, j, 2] + ON_TOLERANCE))


def _side_limit(w: World, i: int, j: int) -> float:
    """How far apart two things may stand and still be "next to" each other: the larger one's narrow side."""
    sides = [min(w.hi[0, k, :2] - w.lo[0, k, :2]) for k in (i, j)]
    return max(0.5, max(sides))


def _next_to(w: World, i: int, j: int, frames: np.ndarray) -> np.ndarray:
    gap = w.gap(i, j, frames, horizontal=True)
    level = (w.lo[frames, i, 2] < w.hi[frames, j, 2]) & (w.lo[frames, j, 2] < w.hi[frames, i, 2])
    return (gap >= -TOUCH_GAP) & (gap <= _side_limit(w, i, j)) & level


def _near(w: World, i: int, j: int, frames: np.ndarray) -> np.ndarray:
    size = max(float(np.max(w.hi[0, k, :2] - w.lo[0, k, :2])) for k in (i, j))
    return w.gap(i, j, frames) <= max(NEAR_DISTANCE, size / 2.0)


def _camera_offsets(w: World, i: int, j: int, frames: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """i's centre minus j's in camera coordinates (S, 3: right, depth, up) and j's and i's half widths on screen."""
    from scenes.view import camera_points

    cam = camera_points(w.timeline, w.boxes.centre[:, [i, j]])[frames]
    half = np.linalg.norm(w.hi[frames][:, [i, j], :2] - w.lo[frames][:, [i, j], :2], axis=-1) / 2.0
    return cam[:, 0] - cam[:, 1], half[:, 1], half[:, 0]


def _left_of(w: World, i: int, j: int, frames: np.ndarray) -> np.ndarray:
    d, half_j, _ = _camera_offsets(w, i, j, frames)
    return d[:, 0] < -0.5 * half_j


def _right_of(w: World, i: int, j: int, frames: np.ndarray) -> np.ndarray:
    d, half_j, _ = _camera_offsets(w, i, j, frames)
    return d[:, 0] > 0.5 * half_j


def _in_front_of(w: World, i: int, j: int, frames: np.ndarray) -> np.ndarray:
    d, half_j, half_i = _camera_offsets(w, i, j, frames)
    return (d[:, 1] < -0.2) & (np.abs(d[:, 0]) <= half_i + half_j + 1.0)


def _behind(w: World, i: int, j: int, frames: np.ndarray) -> np.ndarray:
    d, half_j, half_i = _camera_offsets(w, i, j, frames)
    return (d[:, 1] > 0.2) & (np.abs(d[:, 0]) <= half_i + half_j + 1.0)


def _facing_point(w: World, i: int, target: np.ndarray, frames: np.ndarray) -> np.ndarray:
    """Whether actor i's front (+Y turned by its heading) points within 45 degrees of ``target`` (S, 3)."""
    h = np.radians(w.timeline.hpr[frames, i, 0])
    front = np.stack([-np.sin(h), np.cos(h)], -1)
    to = target[:, :2] - w.boxes.centre[frames, i, :2]
    cos = np.einsum("fj,fj->f", front, to) / np.maximum(np.linalg.norm(to, axis=1), 1e-9)
    return cos >= np.cos(np.radians(FACING_ANGLE))


def _facing(w: World, i: int, j: int, frames: np.ndarray) -> np.ndarray:
    return _facing_point(w, i, w.boxes.centre[frames, j], frames)


PAIR_TESTS: dict[str, PairTest] = {
    "on": _on, "under": _under, "inside": _inside, "next_to": _next_to, "near": _near, "left_of": _left_of,
    "right_of": _right_of, "in_front_of": _in_front_of, "behind": _behind, "facing": _facing,
}


def _in_row(w: World, members: list[int], f: int) -> bool:
    """Centres on one line: the largest offset from the best-fit line is under a fifth of the spacing (or 5 % of
    the row's length, so a gently curving line still counts)."""
    pts = w.boxes.centre[f, members, :2]
    if len(pts) < 2:
        return False
    rel = pts - pts.mean(axis=0)
    _, _, vt = np.linalg.svd(rel, full_matrices=False)
    along, across = rel @ vt[0], rel @ np.array([-vt[0, 1], vt[0, 0]])
    spacing = np.ptp(along) / max(len(pts) - 1, 1)
    return spacing > 0.05 and float(np.abs(across).max()) <= max(0.15, 0.2 * spacing, 0.05 * float(np.ptp(along)))


def _in_circle(w: World, members: list[int], f: int, centre: np.ndarray | None) -> bool:
    """Centres at an even distance (within 25 %) round a centre, with no gap wider than half the circle."""
    pts = w.boxes.centre[f, members, :2]
    if len(pts) < 3:
        return False
    c = pts.mean(axis=0) if centre is None else centre[:2]
    rel = pts - c
    r = np.linalg.norm(rel, axis=1)
    if r.mean() < 0.1 or r.std() > 0.25 * r.mean():
        return False
    ang = np.sort(np.arctan2(rel[:, 1], rel[:, 0]))
    gaps = np.diff(np.concatenate([ang, ang[:1] + 2 * np.pi]))
    return float(gaps.max()) <= np.pi


def _stacked(w: World, members: list[int], f: int) -> bool:
    """Every member off the ground rests on another member, and at least one does."""
    frames = np.array([f])
    ground = min(w.lo[f, k, 2] for k in members)
    resting = 0
    for i in members:
        if w.lo[f, i, 2] <= ground + ON_TOLERANCE:
            continue
        below = [j for j in members if j != i and abs(w.lo[f, i, 2] - w.hi[f, j, 2]) <= ON_TOLERANCE
                 and w.footprint_contains(w.boxes.centre[frames, i], j, frames, w.boxes.half[f, i, 0])[0]]
        if not below:
            return False
        resting += 1
    return resting > 0


def judge_relation(w: World, fact: RelationFact) -> tuple[bool, str]:
    """Every actor of ``a`` in the relation to some actor of ``b`` at some frame of the window."""
    a = w.actors_of(fact.a)
    frames = w.window(fact.at)
    if not a:
        return False, f"no {fact.a} in the scene"
    if fact.relation in ("in_row", "in_circle", "stacked"):
        return _group_relation(w, fact, a, frames)
    if fact.b == CAMERA:
        held = [bool(_facing_point(w, i, w.timeline.camera_position[frames], frames).any()) for i in a]
        return all(held), f"{sum(held)}/{len(a)} {fact.a} face the camera"
    b = w.actors_of(fact.b or "")
    if not b:
        return False, f"no {fact.b} in the scene"
    test = PAIR_TESTS[fact.relation]
    held = [any(bool(test(w, i, j, frames).any()) for j in b if j != i) for i in a]
    return all(held), f"{sum(held)}/{len(a)} {fact.a} {fact.relation} a {fact.b}"


def _group_relation(w: World, fact: RelationFact, a: list[int], frames: np.ndarray) -> tuple[bool, str]:
    centre_of = w.actors_of(fact.b) if fact.b else []
    for f in frames[:: max(1, len(frames) // 8)]:
        if fact.relation == "in_row":
            ok = _in_row(w, a, f)
        elif fact.relation == "in_circle":
            ok = _in_circle(w, a, f, w.boxes.centre[f, centre_of[0]] if centre_of else None)
        else:
            ok = _stacked(w, a, f)
        if ok:
            return True, f"{len(a)} {fact.a} {fact.relation}"
    return False, f"{len(a)} {fact.a} not {fact.relation}"


# ------------------------------------------------------------------------------------------------- events

def _moves(w: World, i: int) -> tuple[bool, str]:
    d = w.path_length(i)
    return d >= MOVE_PATH, f"travels {d:.2f} m"


def _rolls(w: World, i: int) -> tuple[bool, str]:
    rot = hpr_matrix(w.timeline.hpr[:, i])
    delta = np.einsum("fij,fkj->fik", rot[1:], rot[:-1])  # R[f+1] · R[f]^T, the turn in world axes
    axis = np.stack([delta[:, 2, 1] - delta[:, 1, 2], delta[:, 0, 2] - delta[:, 2, 0],
                     delta[:, 1, 0] - delta[:, 0, 1]], -1)
    angle = np.arccos(np.clip((np.trace(delta, axis1=1, axis2=2) - 1.0) / 2.0, -1.0, 1.0))
    level = np.linalg.norm(axis[:, :2], axis=1) / np.maximum(np.linalg.norm(axis, axis=1), 1e-12)
    turned = float(np.degrees((angle * level).sum()))
    travel = float(np.linalg.norm(np.diff(w.boxes.centre[:, i, :2], axis=0), axis=1).sum())
    ok = turned >= ROLL_TURN and travel >= ROLL_TRAVEL
    return ok, f"turns {turned:.0f} deg about a level axis over {travel:.2f} m"


def _jumps(w: World, i: int) -> tuple[bool, str]:
    z = w.lo[:, i, 2]
    rise = float((z - np.minimum.accumulate(z)).max())
    need = max(0.1, 0.15 * w.height(i))
    return rise >= need, f"rises {rise:.2f} m (needs {need:.2f})"


def _started_resting(w: World, i: int) -> bool:
    """Whether actor i stands on the ground or on another actor's top at the first frame (not dropped)."""
    base = w.lo[0, i, 2]
    if base <= ON_TOLERANCE:
        return True
    first = np.array([0])
    return any(abs(base - w.hi[0, j, 2]) <= ON_TOLERANCE and w.footprint_contains(_base_point(w, i, first), j, first,
                                                                                   w.boxes.half[0, i, 0])[0]
               for j in range(len(w.timeline.actors)) if j != i)


def _topples(w: World, i: int) -> tuple[bool, str]:
    tilt = w.tilt(i)
    extra = float(tilt[-1] - tilt[0])
    drop = float(w.lo[0, i, 2] - w.lo[-1, i, 2])
    # falling off a stack counts as toppling; something dropped from the air merely falls
    ok = extra > TOPPLE_TILT or (drop > 0.5 * w.height(i) and _started_resting(w, i))
    return ok, f"tilts {extra:.0f} deg, drops {drop:.2f} m"


def _reaches(w: World, i: int, j: int) -> tuple[bool, str]:
    end = np.array([w.frames - 1])
    gap = float(w.gap(i, j, end, horizontal=True)[0])
    moved = w.path_length(i)
    return gap <= REACH_DISTANCE and moved >= 0.5, f"ends {gap:.2f} m away after {moved:.2f} m"


def _falls_onto(w: World, i: int, j: int) -> tuple[bool, str]:
    every = np.arange(w.frames)
    above = (w.lo[:, i, 2] >= w.hi[:, j, 2] + FALL_HEIGHT) & (w.gap(i, j, every, horizontal=True) <= 0.5)
    if not above.any():
        return False, "never starts above it"
    first = int(np.flatnonzero(above)[0])
    a, b = w.timeline.actors[i].id, w.timeline.actors[j].id
    hit = any({c.a, c.b} == {a, b} and c.frame > first for c in w.timeline.collisions)
    later = every[first:]
    hit = hit or bool((w.gap(i, j, later) < TOUCH_GAP).any())
    return hit, "falls from above and hits it" if hit else "starts above it but never hits it"


def _sits(w: World, i: int, j: int) -> tuple[bool, str]:
    ok = bool(_rides_or_sits(w, i, j, np.arange(w.frames), seat_only=True).any())
    return ok, "pelvis on the seat" if ok else "pelvis never on the seat"


SINGLE_EVENTS: dict[str, Callable[[World, int], tuple[bool, str]]] = {
    "move": _moves, "roll": _rolls, "jump": _jumps, "topple": _topples,
}
PAIR_EVENTS: dict[str, Callable[[World, int, int], tuple[bool, str]]] = {
    "reach": _reaches, "fall_onto": _falls_onto, "sit": _sits,
    "touch": lambda w, i, j: (w.touches(i, j), "touch" if w.touches(i, j) else "never touch"),
}


def judge_event(w: World, fact: EventFact) -> tuple[bool, str]:
    """The event happens to some (or, with ``all``, every) actor of ``a``."""
    a = w.actors_of(fact.a)
    if not a:
        return False, f"no {fact.a} in the scene"
    if fact.b is None:
        results = [SINGLE_EVENTS[fact.event](w, i) for i in a]
    else:
        b = w.actors_of(fact.b)
        if not b:
            return False, f"no {fact.b} in the scene"
        results = []
        for i in a:
            pairs = [PAIR_EVENTS[fact.event](w, i, j) for j in b if j != i]
            results.append(next((r for r in pairs if r[0]), pairs[0] if pairs else (False, "nothing else")))
    held = [ok for ok, _ in results]
    ok = all(held) if fact.all else any(held)
    best = next((d for k, d in results if k), results[0][1])
    return ok, f"{sum(held)}/{len(a)} {fact.a}: {best}"


# ------------------------------------------------------------------------------------------------- camera

def _unwrapped(deg: np.ndarray) -> np.ndarray:
    return np.degrees(np.unwrap(np.radians(deg)))


def _turning_points(x: np.ndarray, threshold: float) -> int:
    """How many times a signal reverses by more than ``threshold`` (a zig-zag count)."""
    count, direction, extreme = 0, 0.0, float(x[0])
    for value in x[1:]:
        if direction == 0.0:  # not moving yet: wait for the first swing larger than the threshold
            if abs(value - extreme) > threshold:
                direction, extreme = float(np.sign(value - extreme)), float(value)
        elif (value - extreme) * direction > 0.0:
            extreme = float(value)
        elif abs(value - extreme) > threshold:
            count, direction, extreme = count + 1, -direction, float(value)
    return count


@dataclass(frozen=True)
class ShotMotion:
    """How the camera moves in one shot: travel, turns and lens change, measured on its track."""

    frames: np.ndarray
    position: np.ndarray  # (S, 3)
    hpr: np.ndarray  # (S, 3), unwrapped
    fov: np.ndarray  # (S,)

    @property
    def travel(self) -> float:
        """Metres the camera moved (path length)."""
        return float(np.linalg.norm(np.diff(self.position, axis=0), axis=1).sum())

    @property
    def displacement(self) -> np.ndarray:
        """Last position minus first."""
        return self.position[-1] - self.position[0]

    def turn(self, axis: int) -> float:
        """Range of heading (0), pitch (1) or roll (2) in degrees."""
        return float(np.ptp(self.hpr[:, axis]))

    def view_axes(self) -> tuple[np.ndarray, np.ndarray]:
        """The level forward and right directions at the shot's first frame."""
        h = np.radians(self.hpr[0, 0])
        return np.array([-np.sin(h), np.cos(h), 0.0]), np.array([np.cos(h), np.sin(h), 0.0])


def shot_motion(w: World, frames: np.ndarray) -> ShotMotion:
    """The camera track of one shot."""
    tl = w.timeline
    hpr = np.stack([_unwrapped(tl.camera_hpr[frames, k]) for k in range(3)], -1)
    return ShotMotion(frames, tl.camera_position[frames], hpr, tl.camera_fov[frames])


def _orbit_about(position: np.ndarray, centre: np.ndarray) -> tuple[float, float]:
    """Degrees swept round ``centre`` (S, 3 or 3,) and the ratio of the largest to smallest level distance."""
    rel = position[:, :2] - np.broadcast_to(centre, position.shape)[:, :2]
    dist = np.linalg.norm(rel, axis=1)
    if dist.min() < 0.3:
        return 0.0, np.inf
    sweep = float(np.ptp(np.degrees(np.unwrap(np.arctan2(rel[:, 1], rel[:, 0])))))
    return sweep, float(dist.max() / dist.min())


def _rays_meet(w: World, m: ShotMotion) -> np.ndarray:
    """The point nearest to all of a shot's view rays (the centre an orbiting camera keeps looking at)."""
    fwd = hpr_matrix(w.timeline.camera_hpr[m.frames])[:, :, 1]
    proj = np.eye(3)[None] - np.einsum("fi,fj->fij", fwd, fwd)
    a = proj.sum(axis=0)
    b = np.einsum("fij,fj->i", proj, m.position)
    return np.linalg.lstsq(a, b, rcond=None)[0]


def _is_orbit(w: World, m: ShotMotion) -> bool:
    centres = [_rays_meet(w, m)] + [w.boxes.centre[m.frames, i] for i in range(len(w.timeline.actors))]
    return any(sweep >= 45.0 and ratio <= 1.35 for sweep, ratio in (_orbit_about(m.position, c) for c in centres))


def _still(m: ShotMotion) -> bool:
    return m.travel < 0.3


def _along(m: ShotMotion, direction: np.ndarray) -> float:
    d = m.displacement
    return abs(float(d @ direction)) / max(float(np.linalg.norm(d)), 1e-9)


def _is_track(w: World, m: ShotMotion) -> bool:
    if m.travel < 1.0:
        return False
    for i in range(len(w.timeline.actors)):
        moved = float(np.linalg.norm(w.boxes.centre[m.frames[-1], i] - w.boxes.centre[m.frames[0], i]))
        framed = w.view.in_frame[m.frames, i].mean()
        if moved >= 1.0 and framed >= 0.8 and float(np.linalg.norm(m.displacement)) >= 0.4 * moved:
            return True
    return False


def _is_over_the_shoulder(w: World, m: ShotMotion) -> bool:
    """A person close in front of the camera at head height, in frame, with someone farther off near the middle."""
    mid = m.frames[len(m.frames) // 2]
    tl = w.timeline
    eye = tl.camera_position[mid]
    people = [i for i in range(len(tl.actors)) if asset(tl.actors[i].asset).rig == "humanoid"]
    for p in people:
        head = w.hi[mid, p, 2]
        close = np.linalg.norm(w.boxes.centre[mid, p, :2] - eye[:2]) <= 2.5
        if not (close and head - 0.6 <= eye[2] <= head + 0.6 and w.view.in_frame[mid, p]):
            continue
        for s in (i for i in range(len(tl.actors)) if i != p):
            rect = w.view.rect[mid, s]
            middle = np.isfinite(rect).all() and 0.2 <= (rect[0] + rect[2]) / 2.0 <= 0.8
            farther = np.linalg.norm(w.boxes.centre[mid, s] - eye) > np.linalg.norm(w.boxes.centre[mid, p] - eye) + 1.0
            if middle and farther:
                return True
    return False


CAMERA_TESTS: dict[str, Callable[[World, ShotMotion], bool]] = {
    "static": lambda w, m: m.travel < 0.1 and m.turn(0) < 3 and m.turn(1) < 3 and np.ptp(m.fov) < 1,
    "pan": lambda w, m: _still(m) and m.turn(0) >= 15.0,
    "tilt": lambda w, m: _still(m) and m.turn(1) >= 10.0,
    "zoom": lambda w, m: _still(m) and m.fov.max() / m.fov.min() >= 1.25,
    "orbit": _is_orbit,
    "dolly": lambda w, m: m.travel >= 0.5 and _along(m, m.view_axes()[0]) >= 0.7 and m.turn(0) <= 30.0,
    "truck": lambda w, m: m.travel >= 0.5 and _along(m, m.view_axes()[1]) >= 0.7,
    "crane": lambda w, m: abs(float(m.displacement[2])) >= 0.75 and _along(m, np.array([0.0, 0.0, 1.0])) >= 0.7,
    "track": _is_track,
    "handheld": lambda w, m: any(_turning_points(m.hpr[:, k], 0.3) >= 3 for k in range(3)),
    "over_the_shoulder": _is_over_the_shoulder,
    "from_above": lambda w, m: float((m.hpr[:, 1] <= -50.0).mean()) >= MOSTLY,
}


def _chosen_shots(w: World, shot: int | None) -> list[tuple[int, np.ndarray]]:
    shots = w.shots()
    if shot is None:
        return list(enumerate(shots))
    return [(shot, shots[shot])] if shot < len(shots) else []


def judge_camera(w: World, fact: CameraFact) -> tuple[bool, str]:
    """Some chosen shot's camera track makes the move."""
    chosen = _chosen_shots(w, fact.shot)
    if not chosen:
        return False, f"there is no shot {fact.shot}"
    for k, frames in chosen:
        m = shot_motion(w, frames)
        if len(frames) > 1 and CAMERA_TESTS[fact.camera](w, m):
            return True, f"shot {k}"
    m = shot_motion(w, chosen[0][1])
    return False, (f"shot {chosen[0][0]}: moves {m.travel:.2f} m, heading {m.turn(0):.0f} deg, pitch "
                   f"{m.turn(1):.0f} deg, fov {m.fov.min():.0f}-{m.fov.max():.0f}")


def judge_framing(w: World, fact: FramingFact) -> tuple[bool, str]:
    """Some actor of ``a``, in frame for most of a chosen shot, has its median height share in the band."""
    a = w.actors_of(fact.a)
    if not a:
        return False, f"no {fact.a} in the scene"
    lo, hi = FRAMING_BANDS[fact.framing]
    best = None
    for k, frames in _chosen_shots(w, fact.shot):
        for i in a:
            seen = w.view.in_frame[frames, i]
            if seen.mean() < MOSTLY:
                continue
            share = float(np.median(w.view.height_share[frames, i][seen]))
            if lo <= share < hi:
                return True, f"shot {k}: height share {share:.2f}"
            best = best or f"shot {k}: height share {share:.2f}"
    return False, best or f"no {fact.a} in frame for most of the shot"


def judge_visible(w: World, fact: VisibleFact) -> tuple[bool, str]:
    """Some actor of ``visible`` covers 1 % of the frame for most frames of the shots it appears in."""
    a = w.actors_of(fact.visible)
    if not a:
        return False, f"no {fact.visible} in the scene"
    shares = []
    for i in a:
        frames = np.concatenate([s for s in w.shots() if w.view.in_frame[s, i].any()] or [np.array([], int)])
        if len(frames):
            share = float((w.view.visible_area[frames, i] >= VISIBLE_AREA).mean())
            shares.append((share, float(np.median(w.view.visible_area[frames, i]))))
    if not shares:
        return False, "never in frame"
    share, area = max(shares)
    return share > MOSTLY, f"covers >= 1 % in {share:.0%} of its frames (median {area:.2%} of the frame)"


# ------------------------------------------------------------------------------------------------- facts

def _judge_count(w: World, fact: CountFact) -> tuple[bool, str]:
    n = len(w.actors_of(fact.count))
    return fact.accepts(n), f"{n} found"


def _judge_colour(w: World, fact: ColourFact) -> tuple[bool, str]:
    actors = [w.timeline.actors[i] for i in w.actors_of(fact.colour)]
    if not actors:
        return False, f"no {fact.colour} in the scene"
    seen = sorted({f for a in actors for c in actor_colours(a) for f in hue_families(c)})
    return fact.is_ in seen, f"colours seen: {', '.join(seen) or 'none'}"


def _judge_duration(w: World, fact: DurationFact) -> tuple[bool, str]:
    d = w.timeline.script.duration
    return abs(d - fact.duration) <= DURATION_TOLERANCE * fact.duration, f"{d:g} s"


def _judge_shots(w: World, fact: ShotsFact) -> tuple[bool, str]:
    n = len(w.shots())
    return fact.accepts(n), f"{n} shot{'s' if n != 1 else ''}"


JUDGES: dict[type, Callable[[World, object], tuple[bool, str]]] = {
    CountFact: _judge_count, ColourFact: _judge_colour, RelationFact: judge_relation, EventFact: judge_event,
    CameraFact: judge_camera, FramingFact: judge_framing, VisibleFact: judge_visible,
    DurationFact: _judge_duration, ShotsFact: _judge_shots,
}


def judge(timeline: Timeline, facts: list[Fact], groups: PromptSet) -> list[Verdict]:
    """Judge every fact on a compiled timeline; ``groups`` gives the asset groups the facts may name."""
    world = World(timeline, groups)
    out = []
    for fact in facts:
        met, detail = JUDGES[type(fact)](world, fact)
        out.append(Verdict(str(fact), fact.kind, fact.sub_kind, bool(met), detail))
    return out
