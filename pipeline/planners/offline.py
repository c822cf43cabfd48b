"""The offline planner: a deterministic prompt → scene script translation with no model.

It reads a prompt as a sequence of noun phrases (count, size, colour, material, shape), verbs that
attach to the phrase before them (bounce, spin, roll …), spatial relations between phrases (next to,
left of, behind, on top of …), camera phrases and setting words. Every word it uses is marked; the
rest (minus filler words) is reported as ignored, never silently dropped.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.errors import PlanError
from pipeline.planners.base import PlanRequest, PlanResult
from scenes import SceneScript
from scenes.catalog import CATALOG
from scenes.colors import NAMED_COLOURS
from scenes.script import MAX_DURATION

SHAPES: dict[str, str] = {
    "ball": "sphere", "sphere": "sphere", "orb": "sphere", "marble": "sphere",
    "box": "box", "cube": "box", "crate": "box", "block": "box", "brick": "box",
    "cylinder": "cylinder", "can": "cylinder", "pillar": "cylinder", "column": "cylinder", "drum": "cylinder",
    "barrel": "cylinder", "cone": "cone", "capsule": "capsule", "pill": "capsule",
    "plane": "plane", "slab": "plane", "tile": "plane", "panel": "plane",
    "pyramid": "pyramid", "torus": "torus", "ring": "torus", "donut": "torus", "doughnut": "torus",
}
COUNTS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "pair": 2, "couple": 2, "few": 3,
    "several": 4, "many": 8, "some": 3, "dozen": 12, "dozens": 24,
}
MAX_COUNT = 24
SIZES: dict[str, float] = {
    "tiny": 0.35, "small": 0.6, "little": 0.6, "medium": 1.0, "big": 1.5, "large": 1.5, "huge": 2.2,
    "giant": 2.8, "enormous": 2.8, "tall": 1.4,
}
FINISH_WORDS: dict[str, str] = {
    "metal": "metal", "metallic": "metal", "steel": "metal", "iron": "metal", "chrome": "chrome", "shiny": "glossy",
    "glossy": "glossy", "matte": "matte", "rubber": "rubber", "wooden": "wood", "wood": "wood",
    "ceramic": "ceramic", "porcelain": "ceramic", "glass": "glass", "plastic": "plastic", "fabric": "fabric",
    "glowing": "emissive", "neon": "emissive",
}
MOTIONS: dict[str, str] = {
    "bounce": "bounce", "bounces": "bounce", "bouncing": "bounce", "bounced": "bounce", "hop": "bounce",
    "hops": "bounce", "hopping": "bounce", "jump": "bounce", "jumps": "bounce", "jumping": "bounce",
    "spin": "spin", "spins": "spin", "spinning": "spin", "rotate": "spin", "rotates": "spin", "rotating": "spin",
    "twirl": "spin", "twirls": "spin", "turns": "spin", "turning": "spin",
    "move": "move", "moves": "move", "moving": "move", "slide": "move", "slides": "move", "sliding": "move",
    "roll": "move", "rolls": "move", "rolling": "move", "travel": "move", "travels": "move", "glide": "move",
    "glides": "move", "drifts": "move", "drift": "move",
    "orbit": "orbit", "orbits": "orbit", "orbiting": "orbit", "circle": "orbit", "circles": "orbit",
    "circling": "orbit", "revolve": "orbit", "revolves": "orbit", "revolving": "orbit",
}
RELATIONS: list[tuple[tuple[str, ...], str]] = [
    (("on", "top", "of"), "on"), (("in", "front", "of"), "front"), (("to", "the", "left", "of"), "left"),
    (("to", "the", "right", "of"), "right"), (("next", "to"), "beside"), (("left", "of"), "left"),
    (("right", "of"), "right"), (("close", "to"), "beside"), (("near",), "beside"), (("beside",), "beside"),
    (("by",), "beside"), (("behind",), "behind"), (("on",), "on"), (("atop",), "on"), (("above",), "above"),
    (("around",), "around"), (("with",), "beside"),
]
CAMERA_MOVES: list[tuple[tuple[str, ...], str]] = [
    (("orbits",), "orbit"), (("orbit",), "orbit"), (("orbiting",), "orbit"), (("circles",), "orbit"),
    (("circling",), "orbit"), (("rotates", "around"), "orbit"), (("360",), "orbit"), (("turntable",), "orbit"),
    (("push", "in"), "push_in"), (("pushes", "in"), "push_in"), (("dolly", "in"), "push_in"),
    (("zoom", "in"), "push_in"), (("zooms", "in"), "push_in"), (("moves", "closer"), "push_in"),
    (("approaches",), "push_in"), (("pull", "out"), "pull_out"), (("pulls", "out"), "pull_out"),
    (("pulls", "back"), "pull_out"), (("dolly", "out"), "pull_out"), (("zoom", "out"), "pull_out"),
    (("zooms", "out"), "pull_out"), (("dolly",), "push_in"), (("static",), "static"), (("still",), "static"),
    (("locked",), "static"), (("fixed",), "static"), (("tripod",), "static"), (("from", "above"), "top"),
    (("top", "down"), "top"), (("overhead",), "top"), (("birds", "eye"), "top"), (("bird's", "eye"), "top"),
    (("close", "up"), "close"), (("closeup",), "close"), (("close-up",), "close"), (("wide", "shot"), "wide"),
    (("wide",), "wide"), (("low", "angle"), "low"),
]
SETTINGS: dict[str, tuple[str | None, str | None]] = {  # word → (sky, ground)
    "sunset": ("sunset", None), "dusk": ("sunset", None), "sunrise": ("sunset", None), "dawn": ("sunset", None),
    "night": ("night", None), "nighttime": ("night", None), "midnight": ("night", None),
    "overcast": ("overcast", None), "cloudy": ("overcast", None), "grey": (None, None),
    "studio": ("studio", "concrete"), "day": ("day", None), "daytime": ("day", None), "noon": ("day", None),
    "sunny": ("day", None), "grass": (None, "grass"), "grassy": (None, "grass"), "park": ("day", "grass"),
    "lawn": (None, "grass"), "field": (None, "grass"), "meadow": (None, "grass"), "sand": (None, "sand"),
    "beach": ("day", "sand"), "desert": ("day", "sand"), "snow": (None, "snow"), "snowy": (None, "snow"),
    "winter": ("overcast", "snow"), "street": (None, "asphalt"), "road": (None, "asphalt"),
    "asphalt": (None, "asphalt"), "parking": (None, "asphalt"), "tiles": (None, "tiles"), "tiled": (None, "tiles"),
    "kitchen": ("studio", "tiles"), "floor": (None, "wood"), "checkerboard": (None, "checker"),
    "checkered": (None, "checker"), "checker": (None, "checker"), "concrete": (None, "concrete"),
}
FILLER = {
    "the", "a", "an", "and", "of", "is", "are", "it", "its", "it's", "they", "them", "their", "while", "as", "in",
    "at", "to", "with", "then", "that", "this", "there", "which", "who", "slowly", "quickly", "gently", "video",
    "scene", "shot", "showing", "shows", "show", "clip", "camera", "each", "other", "over", "up", "down", "very",
    "be", "being", "some", "seconds", "second", "s", "sec", "secs", "for", "long", "lasting", "minute", "minutes",
    "one", "half", "from", "into", "onto", "under", "by", "where", "when", "both", "all", "together", "around",
}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30,
                "forty": 40, "sixty": 60, "half": 0.5}

PALETTE = ["tomato", "royalblue", "gold", "seagreen", "orchid", "darkorange", "turquoise", "slateblue"]


@dataclass
class Entity:
    """A noun phrase: ``count`` × ``shape`` with its adjectives, actions and relation to an earlier entity."""

    shape: str
    noun: str
    count: int = 1
    colour: str | None = None
    finish: str | None = None
    size: float = 1.0
    motions: list[str] = field(default_factory=list)
    relation: tuple[str, int] | None = None  # (relation, index of the anchor entity)
    arrangement: str = "row"


@dataclass
class Reading:
    """What the planner understood of a prompt."""

    entities: list[Entity] = field(default_factory=list)
    camera: list[str] = field(default_factory=list)
    sky: str | None = None
    ground: str | None = None
    duration: float | None = None
    used: set[int] = field(default_factory=set)


_TOKEN = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


def tokenize(prompt: str) -> list[str]:
    """Lower-cased word tokens; hyphenated words stay whole (close-up), possessives too (bird's)."""
    return _TOKEN.findall(prompt.lower().replace("’", "'"))


def _singular(word: str) -> str:
    if word in SHAPES:
        return word
    for suffix, repl in (("ies", "y"), ("xes", "x"), ("ses", "s"), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in SHAPES:
            return word[: -len(suffix)] + repl
    return word


def _match(tokens: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(tokens[i : i + len(phrase)]) == phrase


def _colour_at(tokens: list[str], i: int) -> tuple[str, int] | None:
    """A colour starting at token ``i`` (two-word shades like 'light blue' first); returns (name, length)."""
    if i + 1 < len(tokens) and (tokens[i] + tokens[i + 1]) in NAMED_COLOURS and tokens[i] in (
        "light", "dark", "deep", "pale", "hot", "sky", "navy", "royal", "forest", "lime", "sea", "medium", "dim",
    ):
        return tokens[i] + tokens[i + 1], 2
    if tokens[i] in NAMED_COLOURS and tokens[i] not in ("tan",):
        return tokens[i], 1
    return None


def _duration(tokens: list[str], used: set[int]) -> float | None:
    for i, tok in enumerate(tokens):
        unit = tokens[i + 1] if i + 1 < len(tokens) else ""
        value: float | None = None
        if re.fullmatch(r"\d+(\.\d+)?", tok):
            value = float(tok)
        elif tok in NUMBER_WORDS:
            value = float(NUMBER_WORDS[tok])
        elif tok == "a" and unit in ("minute", "minute-long"):
            value = 1.0
        if value is None:
            continue
        if unit in ("s", "sec", "secs", "second", "seconds", "second-long"):
            used.update({i, i + 1})
            return value
        if unit in ("minute", "minutes", "min", "mins", "minute-long"):
            used.update({i, i + 1})
            return value * 60.0
    for i, tok in enumerate(tokens):
        m = re.fullmatch(r"(\d+(?:\.\d+)?)(s|sec|secs|seconds|min|minutes)", tok)
        if m:
            used.add(i)
            return float(m.group(1)) * (60.0 if m.group(2).startswith("min") else 1.0)
    return None


def read_prompt(prompt: str) -> tuple[Reading, list[str]]:
    """Parse a prompt into entities, motions, relations, camera moves and setting."""
    tokens = tokenize(prompt)
    r = Reading()
    r.duration = _duration(tokens, r.used)
    pending: dict[str, Any] = {}
    pending_idx: list[int] = []
    pending_relation: tuple[str, list[int]] | None = None
    subject_is_camera = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if i in r.used:
            i += 1
            continue
        # camera phrases ("the camera orbits", "close-up", "from above")
        if tok in ("camera", "cam", "shot", "view"):
            subject_is_camera = True
            r.used.add(i)
        cam = next(((p, m) for p, m in CAMERA_MOVES if _match(tokens, i, p)), None)
        if cam and (subject_is_camera or cam[1] not in ("orbit",) or tok == "360" or not r.entities):
            r.camera.append(cam[1])
            r.used.update(range(i, i + len(cam[0])))
            i += len(cam[0])
            continue
        rel = next(((p, m) for p, m in RELATIONS if _match(tokens, i, p)), None)
        if rel and r.entities and not pending:
            pending_relation = (rel[1], list(range(i, i + len(rel[0]))))
            i += len(rel[0])
            continue
        if tok in SETTINGS:
            if pending_relation:  # "on a beach", "in a park": the relation words belong to the setting
                r.used.update(pending_relation[1])
                pending_relation = None
            sky, ground = SETTINGS[tok]
            r.sky = sky or r.sky
            r.ground = ground or r.ground
            if sky or ground:
                r.used.add(i)
            i += 1
            continue
        arrangement = next((a for phrase, a in (((("in", "a", "circle"), "circle")), (("in", "a", "ring"), "circle"),
                                                (("in", "a", "row"), "row"), (("in", "a", "line"), "row"),
                                                (("in", "a", "stack"), "stack"))
                            if _match(tokens, i, phrase)), None)
        if arrangement and r.entities:
            r.entities[-1].arrangement = arrangement
            r.used.update(range(i, i + 3))
            i += 3
            continue
        if tok in FINISH_WORDS and i + 1 < len(tokens) and tokens[i + 1] in ("floor", "floors", "deck"):
            r.ground = "wood" if FINISH_WORDS[tok] == "wood" else r.ground
            r.used.update({i, i + 1})
            i += 2
            continue
        colour = _colour_at(tokens, i)
        if tok in COUNTS or re.fullmatch(r"\d+", tok):
            pending["count"] = COUNTS.get(tok) or min(int(tok), MAX_COUNT)
            pending_idx.append(i)
        elif tok in SIZES:
            pending["size"] = SIZES[tok]
            pending_idx.append(i)
        elif tok in FINISH_WORDS and _singular(tokens[i + 1] if i + 1 < len(tokens) else "") not in ("floor",):
            pending["finish"] = FINISH_WORDS[tok]
            pending_idx.append(i)
        elif colour:
            pending["colour"] = colour[0]
            pending_idx.extend(range(i, i + colour[1]))
            i += colour[1]
            continue
        elif _singular(tok) in SHAPES:
            noun = _singular(tok)
            count = pending.get("count", 1)
            if noun != tok and "count" not in pending:
                count = 3  # a bare plural ("balls") means a few
            entity = Entity(shape=SHAPES[noun], noun=noun, count=min(count, MAX_COUNT), colour=pending.get("colour"),
                            finish=pending.get("finish"), size=pending.get("size", 1.0))
            r.used.update(pending_idx)
            r.used.add(i)
            if pending_relation and r.entities:
                # "X next to a Y": the relation places the earlier subject relative to this entity.
                rel_name, rel_idx = pending_relation
                subject = r.entities[-1]
                if subject.relation is None:
                    subject.relation = (rel_name, len(r.entities))
                    r.used.update(rel_idx)
                pending_relation = None
            r.entities.append(entity)
            pending, pending_idx = {}, []
            subject_is_camera = False
        elif tok in MOTIONS:
            motion = MOTIONS[tok]
            if subject_is_camera:
                if motion == "orbit":
                    r.camera.append("orbit")
                    r.used.add(i)
            elif r.entities:
                r.entities[-1].motions.append(motion)
                r.used.add(i)
        elif tok in ("stacked",) and r.entities:
            r.entities[-1].arrangement = "stack"
            r.used.add(i)
        i += 1
    ignored = []
    for k, tok in enumerate(tokens):
        if k not in r.used and tok not in FILLER and tok not in ignored:
            ignored.append(tok)
    return r, ignored


def _size(shape: str, scale: float) -> tuple[float, float, float]:
    w, d, h = CATALOG[shape].size
    return w * scale, d * scale, h * scale


def layout(reading: Reading) -> list[dict[str, Any]]:
    """Place every entity's instances on the ground without interpenetration; returns actor dicts."""
    actors: list[dict[str, Any]] = []
    groups: list[list[int]] = []  # actor indices per entity
    used_ids: dict[str, int] = {}
    cursor_x = 0.0
    palette = iter(PALETTE * 4)
    for e_index, e in enumerate(reading.entities):
        w, d, h = _size(e.shape, e.size)
        spacing = max(w, d) * 1.6
        members = []
        anchor = reading.entities[e.relation[1]] if e.relation and e.relation[1] < len(reading.entities) else None
        for k in range(e.count):
            base = e.noun if e.count == 1 else f"{e.noun}{k + 1}"
            if base in used_ids:
                used_ids[base] += 1
                base = f"{base}_{used_ids[base]}"
            used_ids.setdefault(base, 1)
            if e.arrangement == "circle" and e.count > 1:
                ring = max(spacing * e.count / (2 * math.pi), spacing)
                a = 2 * math.pi * k / e.count
                offset = (ring * math.cos(a), ring * math.sin(a), 0.0)
            elif e.arrangement == "stack":
                offset = (0.0, 0.0, h * k)
            else:
                offset = ((k - (e.count - 1) / 2) * spacing, 0.0, 0.0)
            colour = e.colour or next(palette)
            actors.append({
                "id": base, "asset": e.shape, "scale": round(e.size, 4),
                "material": {"color": colour, **({"finish": e.finish} if e.finish else {})},
                "_offset": offset, "_entity": e_index, "_extent": (w, d, h),
            })
            members.append(len(actors) - 1)
        groups.append(members)
        del anchor
    # Resolve group placement: relations first place against their anchor, the rest go in a row.
    group_pos: dict[int, tuple[float, float, float]] = {}
    group_width = {gi: _group_extent(actors, g) for gi, g in enumerate(groups)}

    def place(gi: int, depth: int = 0) -> tuple[float, float, float]:
        nonlocal cursor_x
        if gi in group_pos:
            return group_pos[gi]
        e = reading.entities[gi]
        if e.relation and e.relation[1] != gi and e.relation[1] < len(groups) and depth < 8:
            rel, ai = e.relation
            ax, ay, az = place(ai, depth + 1)
            aw, ad, ah = group_width[ai]
            w, d, _h = group_width[gi]
            gap = 0.4
            pos = {
                "beside": (ax + (aw + w) / 2 + gap, ay, 0.0), "right": (ax + (aw + w) / 2 + gap, ay, 0.0),
                "left": (ax - (aw + w) / 2 - gap, ay, 0.0), "behind": (ax, ay + (ad + d) / 2 + gap, 0.0),
                "front": (ax, ay - (ad + d) / 2 - gap, 0.0), "on": (ax, ay, az + ah), "above": (ax, ay, az + ah + 1.0),
                "around": (ax, ay, 0.0),
            }[rel]
            if rel == "around":
                for k, ix in enumerate(groups[gi]):
                    n = len(groups[gi])
                    a = 2 * math.pi * k / n
                    ring = max(aw, ad) / 2 + max(w, d) / 2 + 1.0
                    actors[ix]["_offset"] = (ring * math.cos(a), ring * math.sin(a), 0.0)
            group_pos[gi] = pos
            return pos
        w = group_width[gi][0]
        pos = (cursor_x + w / 2, 0.0, 0.0)
        cursor_x += w + 0.8
        group_pos[gi] = pos
        return pos

    for gi in range(len(groups)):
        place(gi)
    # centre the whole arrangement on the origin
    xs = [group_pos[gi][0] for gi in range(len(groups))]
    shift = (min(xs) + max(xs)) / 2 if xs else 0.0
    for a in actors:
        gx, gy, gz = group_pos[a["_entity"]]
        ox, oy, oz = a.pop("_offset")
        a["position"] = [round(gx + ox - shift, 4), round(gy + oy, 4), round(gz + oz, 4)]
    return actors


def _group_extent(actors: list[dict[str, Any]], members: list[int]) -> tuple[float, float, float]:
    xs, ys, zs = [], [], []
    for ix in members:
        w, d, h = actors[ix]["_extent"]
        ox, oy, oz = actors[ix]["_offset"]
        xs += [ox - w / 2, ox + w / 2]
        ys += [oy - d / 2, oy + d / 2]
        zs += [oz, oz + h]
    return max(xs) - min(xs), max(ys) - min(ys), max(zs)


def _motion_actions(motion: str, actor: dict[str, Any], duration: float, k: int) -> list[dict[str, Any]]:
    h = actor["_extent"][2]
    if motion == "bounce":
        return [{"type": "bounce", "height": round(max(0.6, 1.2 * h), 3), "period": round(0.8 + 0.1 * k, 3)}]
    if motion == "spin":
        return [{"type": "spin", "speed": 90.0}]
    if motion == "move":
        x, y, z = actor["position"]
        return [{"type": "move_to", "to": [round(x + 3.0, 3), y, z], "start": 0.0, "end": round(duration * 0.8, 3)}]
    if motion == "orbit":
        return [{"type": "orbit", "center": [0.0, 0.0, actor["position"][2]], "period": 8.0}]
    return []


def _camera_shot(moves: list[str], actors: list[dict[str, Any]]) -> dict[str, Any]:
    xs = [a["position"][0] for a in actors] or [0.0]
    ys = [a["position"][1] for a in actors] or [0.0]
    # the highest point anything reaches, bounces included, so nothing leaves the frame
    top = max([a["position"][2] + a["_extent"][2] + sum(x.get("height", 0.0) for x in a.get("actions", [])
                                                          if x["type"] == "bounce") for a in actors] or [1.0])
    span = max(max(xs) - min(xs), max(ys) - min(ys), top, 1.0) + max([max(a["_extent"]) for a in actors] or [1.0])
    target = [round((min(xs) + max(xs)) / 2, 3), round((min(ys) + max(ys)) / 2, 3), round(top * 0.45, 3)]
    dist = 1.4 * span + 2.5
    if "close" in moves:
        dist *= 0.55
    if "wide" in moves:
        dist *= 1.5
    height = {True: dist * 1.4, False: dist * 0.3}["top" in moves]
    if "low" in moves:
        height = 0.3
    if "orbit" in moves:
        return {"type": "orbit", "target": target, "radius": round(dist, 3), "height": round(height, 3),
                "start_angle": -30.0, "degrees": 120.0}
    if "push_in" in moves or "pull_out" in moves:
        far = [target[0], round(target[1] - dist * 1.3, 3), round(target[2] + height * 1.1, 3)]
        near = [target[0], round(target[1] - dist * 0.6, 3), round(target[2] + height * 0.6, 3)]
        a, b = (far, near) if "push_in" in moves else (near, far)
        return {"type": "dolly", "from": a, "to": b, "target": target}
    pos = [round(target[0] + dist * 0.35, 3), round(target[1] - dist, 3), round(target[2] + height, 3)]
    if "top" in moves:
        pos = [target[0], round(target[1] - dist * 0.15, 3), round(target[2] + dist * 1.3, 3)]
    return {"type": "static", "position": pos, "target": target}


class OfflinePlanner:
    """Deterministic rule-based planner: no model, no network, milliseconds per prompt."""

    name = "offline"

    def plan(self, request: PlanRequest) -> PlanResult:
        """Read the prompt and lay out a scene; raises ``PlanError`` if it names nothing to show."""
        reading, ignored = read_prompt(request.prompt)
        notes: list[str] = []
        if not reading.entities:
            raise PlanError(
                "the offline planner found nothing to show in the prompt; name a shape such as a ball, box, "
                "cube, cylinder, cone, capsule, pyramid or ring (e.g. 'a red ball bounces next to a blue box')"
            )
        duration = request.duration or reading.duration or 10.0
        if duration > MAX_DURATION:
            raise PlanError(f"duration {duration:g} s is longer than the maximum of {MAX_DURATION:g} s")
        actors = layout(reading)
        seen: dict[int, int] = {}
        for a in actors:
            e = reading.entities[a["_entity"]]
            k = seen[a["_entity"]] = seen.get(a["_entity"], -1) + 1  # index within its group
            a["actions"] = [act for m in e.motions for act in _motion_actions(m, a, duration, k)]
        shot = _camera_shot(reading.camera, actors)
        total = len(actors)
        if total > 60:
            notes.append(f"{total} actors")
        data: dict[str, Any] = {
            "version": 1,
            "title": request.prompt.strip()[:200],
            "prompt": request.prompt,
            "duration": duration,
            "seed": request.seed,
            "environment": {"sky": reading.sky or "day", "ground": {"material": reading.ground or "grass"}},
            "actors": [{k: v for k, v in a.items() if not k.startswith("_") and v != []} for a in actors],
            "camera": {"shots": [shot]},
        }
        if request.fps is not None:
            data["fps"] = request.fps
        if request.resolution is not None:
            data["resolution"] = request.resolution.model_dump()
        try:
            script = SceneScript.model_validate(data)
        except Exception as exc:  # a planner bug, not a user error: say so plainly
            raise PlanError(
                f"the offline planner produced an invalid script ({exc}); please report the prompt"
            ) from None
        return PlanResult(script=script, planner=self.name, ignored_words=ignored, notes=notes)
