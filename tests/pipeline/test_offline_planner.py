"""The offline planner: a table of real prompts, layout and framing checks on the compiled timeline, fuzzing."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.errors import PlanError
from pipeline.planners import OfflinePlanner, PlanRequest
from pipeline.planners.scorecard import PROMPTS, Expect, grade
from pipeline.planners.vocabulary import COMPOUND_NOUNS, NOUNS, VERBS
from scenes import SceneScript, compile_script, geometry
from scenes.catalog import CATALOG, AssetSpec
from scenes.contact import GRID, height_field
from scenes.script import Actor, Material, Resolution
from scenes.solve import solve

PLANNER = OfflinePlanner()


def _plan(prompt: str, **kw: object) -> SceneScript:
    """The planned script with its intents solved: what will be compiled and rendered."""
    return solve(PLANNER.plan(PlanRequest(prompt, **kw)).script).script  # type: ignore[arg-type]


@pytest.mark.parametrize("expect", PROMPTS, ids=[e.prompt[:40] for e in PROMPTS])
def test_prompt_table(expect: Expect) -> None:
    facts, failed = grade(_plan(expect.prompt), expect)
    assert facts > 0
    assert not failed, f"{expect.prompt!r}: {failed}"


def test_table_is_large_and_varied() -> None:
    assert len(PROMPTS) >= 60
    assert sum(bool(e.actions) for e in PROMPTS) >= 25
    assert sum(bool(e.shots) for e in PROMPTS) >= 10
    assert sum(e.sequenced for e in PROMPTS) >= 3


def test_real_assets_are_used_at_the_size_the_word_means() -> None:
    result = PLANNER.plan(PlanRequest("a puppy chases a ball past a guy"))
    puppy, ball, guy = result.script.actors
    assert [puppy.asset, ball.asset, guy.asset] == ["dog", "sphere", "man"]  # "ball" is the catalog's sphere
    assert not any("asset in the catalog" in n for n in result.notes)
    assert puppy.scale[2] < 1.0 and guy.scale == (1.0, 1.0, 1.0)  # a puppy is a small dog
    chase = solve(result.script).script.actor(puppy.id).actions  # the chase is an intent: solved, it follows
    assert [a.type for a in chase] == ["follow"] and chase[0].target == "ball"
    assert puppy.material == Material() and guy.material == Material()  # real assets keep their own look
    figurine = _plan("a figurine on a table").actor("figurine")
    assert figurine.scale[2] * CATALOG["figurine"].size[2] == pytest.approx(0.27, abs=0.03)  # a tabletop figure


def test_a_missing_asset_falls_back_to_a_primitive_of_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(CATALOG, "dog")
    result = PLANNER.plan(PlanRequest("a dog chases a ball past a guy"))
    assert [a.asset for a in result.script.actors] == ["capsule", "sphere", "man"]
    assert any("no 'dog' asset in the catalog" in n for n in result.notes)
    dog = result.script.actors[0]
    assert dog.scale[2] * CATALOG["capsule"].size[2] == pytest.approx(0.6)  # a capsule the size of a dog


def _frame_points(script: SceneScript, positions: np.ndarray, scales: np.ndarray) -> np.ndarray:
    """Points around every actor (turned any way) for one frame."""
    pts = []
    for a, p, s in zip(script.actors, positions, scales, strict=True):
        w, d, h = (np.asarray(CATALOG[a.asset].size) * s).tolist()
        r = math.hypot(w, d) / 2  # the circle its footprint's corners sweep when it turns
        for k in range(12):
            dx, dy = r * math.cos(k * math.pi / 6), r * math.sin(k * math.pi / 6)
            pts += [(p[0] + dx, p[1] + dy, p[2]), (p[0] + dx, p[1] + dy, p[2] + h)]
    return np.asarray(pts)


def _in_view(points: np.ndarray, eye: np.ndarray, hpr: np.ndarray, hfov: float, aspect: float) -> np.ndarray:
    h, p = np.radians(hpr[0]), np.radians(hpr[1])
    forward = np.array([-np.sin(h) * np.cos(p), np.cos(h) * np.cos(p), np.sin(p)])
    right = np.array([np.cos(h), np.sin(h), 0.0])
    up = np.cross(right, forward)
    rel = points - eye
    z = rel @ forward
    tan_h = math.tan(math.radians(hfov) / 2) * 1.03
    tan_v = tan_h / aspect
    return (z > 0) & (np.abs(rel @ right) <= z * tan_h) & (np.abs(rel @ up) <= z * tan_v)


FRAMES_EVERYTHING = [e for e in PROMPTS if not any(w in e.prompt for w in ("close", "tracking"))]  # subject shots


@pytest.mark.parametrize("expect", FRAMES_EVERYTHING, ids=lambda e: e.prompt[:40])
def test_layout_has_no_interpenetration_and_what_acts_stays_in_frame(expect: Expect) -> None:
    script = _plan(expect.prompt, fps=2, resolution=Resolution(width=320, height=180))
    timeline = compile_script(script)
    boxes = []
    for a in script.actors:
        w, d, h = (np.asarray(CATALOG[a.asset].size) * np.asarray(a.scale)).tolist()
        c, s = abs(math.cos(math.radians(a.rotation[0]))), abs(math.sin(math.radians(a.rotation[0])))
        w, d = w * c + d * s, w * s + d * c  # the footprint as the actor is turned at rest
        boxes.append((a, np.array([a.position[0] - w / 2, a.position[1] - d / 2, a.position[2]]),
                      np.array([a.position[0] + w / 2, a.position[1] + d / 2, a.position[2] + h])))
    for i, (a, lo, hi) in enumerate(boxes):
        for b, lo2, hi2 in boxes[:i]:
            overlap = np.all(np.minimum(hi, hi2) - np.maximum(lo, lo2) > 1e-4)
            if overlap and _nested_on_purpose(a, b, lo, hi, lo2, hi2):
                continue
            assert not overlap, f"{a.id} and {b.id} interpenetrate in {expect.prompt!r}"
    # what acts is filmed: each actor with something to do is in frame (some of it) for most of the video
    acting = [i for i, a in enumerate(script.actors) if a.actions or (a.physics and a.physics.body == "dynamic")]
    seen = np.zeros(len(script.actors))
    samples = range(0, len(timeline), max(1, len(timeline) // 8))
    for k in samples:
        frame = timeline.frame(k)
        pts = _frame_points(script, frame.positions, frame.scales)
        inside = _in_view(pts, frame.camera.position, frame.camera.hpr, frame.camera.fov, 320 / 180)
        seen += inside.reshape(len(script.actors), -1).any(axis=1)
    for i in acting:
        assert seen[i] >= 0.6 * len(samples), f"{script.actors[i].id} of {expect.prompt!r} is out of frame " \
                                              f"in {len(samples) - int(seen[i])} of {len(samples)} frames"


def _slope_under(slope: Actor, thing: Actor) -> float:
    """The height of ``slope``'s surface (its mesh's height field) under ``thing``'s middle."""
    h = math.radians(slope.rotation[0])
    dx, dy = thing.position[0] - slope.position[0], thing.position[1] - slope.position[1]
    local = np.array([dx * math.cos(h) + dy * math.sin(h), -dx * math.sin(h) + dy * math.cos(h)])
    size = np.asarray(CATALOG[slope.asset].size[:2]) * np.asarray(slope.scale[:2])
    col, row = np.clip(np.floor((local / size + 0.5) * GRID).astype(int), 0, GRID - 1)
    return slope.position[2] + float(height_field(slope.asset)[row, col]) * slope.scale[2]


def _nested_on_purpose(a: Actor, b: Actor, lo: np.ndarray, hi: np.ndarray, lo2: np.ndarray,
                       hi2: np.ndarray) -> bool:
    """Whether two overlapping boxes are one sitting on the other's seat, one lying in the room under the
    other (between a table's legs, below its top), one resting on the other's slope (a ball at the top of a
    ramp: inside the ramp's box, on its surface) or one standing in a place (a beach, a room)."""
    if any(act.type == "sit" and act.seat == y.id for x, y in ((a, b), (b, a)) for act in x.actions):
        return True
    for x, y in ((a, b), (b, a)):
        if y.asset in CATALOG and CATALOG[y.asset].traits.walkable and x.position[2] >= _slope_under(y, x) - 0.01:
            return True
        floor = CATALOG[y.asset].traits.place if y.asset in CATALOG else None
        if floor is not None and x.position[2] >= y.position[2] + floor.height - 0.03:
            return True  # on a beach's or a room's floor, 2 cm thin: within the world check's tolerance
    for (_x, xlo, xhi), (y, ylo, yhi) in (((a, lo, hi), (b, lo2, hi2)), ((b, lo2, hi2), (a, lo, hi))):
        room = CATALOG[y.asset].traits.room_under if y.asset in CATALOG else None
        if room is None:
            continue
        centre = (ylo + yhi) / 2
        half = np.array(room) * np.asarray(y.scale) / 2
        if np.all(xlo[:2] >= centre[:2] - half[:2]) and np.all(xhi[:2] <= centre[:2] + half[:2]) \
                and xhi[2] <= ylo[2] + room[2] * y.scale[2]:
            return True
    return False


def test_sequencing_gives_consecutive_actions_and_shots() -> None:
    script = _plan("a ball bounces, then it rolls away, after that the camera orbits, finally it spins", duration=12)
    ball = script.actors[0]
    spans = [(a.type, a.start, a.end) for a in ball.actions]
    assert spans == [("bounce", 0.0, 3.0), ("roll", 3.0, 6.0), ("spin", 9.0, 12.0)]
    assert [(s.type, s.start, s.end) for s in script.camera.shots] == [("static", 0.0, 6.0), ("orbit", 6.0, 12.0)]


def test_counts_are_bounded_and_words_it_could_not_place_are_listed() -> None:
    result = PLANNER.plan(PlanRequest("thousands of zorblax cubes glimmering mysteriously"))
    assert len(result.script.actors) == 24
    assert {"zorblax", "glimmering", "mysteriously"} <= set(result.ignored_words)


@pytest.mark.parametrize(("prompt", "colour"), [
    ("a light blue cube", "lightblue"), ("a navy blue cube", "navy"), ("a sky blue cube", "skyblue"),
    ("a pale yellow cube", None), ("a dark red cube", "darkred"), ("a golden cube", "gold"),
    ("a reddish cube", "red"), ("a hot pink cube", "hotpink"), ("a forest green cube", "forestgreen"),
])
def test_colour_shades(prompt: str, colour: str | None) -> None:
    got = _plan(prompt).actors[0].material.color
    if colour is None:  # a shade with no CSS name is blended from its base colour
        assert isinstance(got, str) and got.startswith("#") and got != "#ffff00"
    else:
        assert got == colour


@pytest.mark.parametrize(("prompt", "seconds"), [
    ("a cube for 20 seconds", 20), ("a one-minute video of a cube", 60), ("a 30s clip of a cube", 30),
    ("a cube spinning for half a minute", 30), ("a 1.5 minute video of a ball", 90), ("a ten-second cube", 10),
])
def test_durations(prompt: str, seconds: float) -> None:
    assert _plan(prompt).duration == seconds


def test_too_long_and_empty_prompts_are_clear_errors() -> None:
    with pytest.raises(PlanError, match="longest video is 3600 s"):
        _plan("a two hour video of a ball")
    with pytest.raises(PlanError, match="found nothing to show"):
        _plan("make something nice please")


def test_planning_is_deterministic() -> None:
    prompt = "a few red balls bounce around a table while a dog runs, then the camera orbits"
    assert _plan(prompt, seed=4) == _plan(prompt, seed=4)


_WORDS = sorted({*NOUNS, *VERBS, *(" ".join(k) for k in COMPOUND_NOUNS), "a", "the", "two", "dozens", "of", "on",
                 "under", "between", "and", "then", "finally", "next", "to", "in", "circle", "row", "red", "light",
                 "blue", "wooden", "tiny", "huge", "close-up", "orbit", "push", "at", "night", "beach", "each",
                 "other", "for", "20", "seconds", "minute", "it", "they", "around", "behind", "left"})


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join)))
@example("friend push race")  # found by this test: a person pushing itself and then running
def test_any_text_gives_a_valid_script_or_a_clear_error(prompt: str) -> None:
    try:
        result = PLANNER.plan(PlanRequest(prompt))
    except PlanError as exc:
        assert str(exc) and "\n" not in str(exc) and "please report" not in str(exc)
        return
    script = SceneScript.model_validate(result.script.model_dump(by_alias=True))  # re-validates every check
    assert script.actors and script.camera.shots
    compile_script(script.model_copy(update={"fps": 1}))


def test_under_uses_the_room_beneath_when_the_asset_has_some(monkeypatch: pytest.MonkeyPatch) -> None:
    result = PLANNER.plan(PlanRequest("a cat sleeps under a table"))
    cat, table = result.script.actors
    assert (cat.asset, table.asset) == ("cat", "table")
    assert cat.position[:2] == table.position[:2]  # a real table has legs: the cat lies between them
    assert not any("not under it" in n for n in result.notes)
    horse, table = _plan("a horse under a table").actors  # no room for a horse: in front, with a note
    assert horse.position[1] < table.position[1]
    monkeypatch.delitem(CATALOG, "table")  # a box stands in for the table: in front of it, and the report says so
    result = PLANNER.plan(PlanRequest("a cat sleeps under a table"))
    cat, table = result.script.actors
    assert table.asset == "box" and cat.position[1] < table.position[1]
    assert any("not under it" in n for n in result.notes)


def test_an_asset_is_never_given_an_action_it_does_not_list(monkeypatch: pytest.MonkeyPatch) -> None:
    # a toy dog: a prop that can only slide (an "animal" without a rig could not be posed)
    monkeypatch.setitem(CATALOG, "dog", AssetSpec("dog", "prop", (0.3, 0.8, 0.6), "a dog", geometry.box,
                                                  actions=("move_to",)))
    result = PLANNER.plan(PlanRequest("a dog bounces, then it runs to a ball"))
    dog = result.script.actor("dog")
    assert dog.asset == "dog" and [a.type for a in dog.actions] == ["move_to"]
    assert any("dog cannot bounce" in n for n in result.notes)


def test_verbs_map_to_the_real_actions_and_their_fields() -> None:
    meet = _plan("two people walk towards each other and wave", duration=10)
    world = compile_script(meet)
    a, b = (world.positions[:, i] for i in range(2))
    assert np.linalg.norm(a[0, :2] - b[0, :2]) > 3.0 and 0.5 <= np.linalg.norm(a[-1, :2] - b[-1, :2]) <= 1.5
    for p in meet.actors:  # they meet first, then wave
        walk = next(x for x in p.actions if x.type == "walk_to")
        wave = next(x for x in p.actions if x.type == "wave")
        assert walk.start == 0.0 or walk.start < wave.start
        assert wave.start >= walk.end - 1e-6

    bench = _plan("a man sits on a bench")
    man, seat = bench.actors
    assert man.actions[0].type == "sit" and man.actions[0].seat == "bench"
    # at the seat's middle, a step in front (the sit lands the pelvis on it), facing the camera
    assert math.dist(man.position[:2], seat.position[:2]) <= 0.1 and man.rotation[0] == seat.rotation[0] == 180.0

    kick = _plan("a girl kicks a soccer ball", duration=10)
    girl, ball = kick.actors
    walk = next(x for x in girl.actions if x.type == "walk_to")
    push = next(x for x in girl.actions if x.type == "kick")  # a real leg swing; the foot meets the ball
    assert (walk.type, push.type, push.target) == ("walk_to", "kick", ball.id)
    assert push.start == walk.end  # the kick when she reaches it
    assert ball.asset == "football" and ball.actions == []  # physics moves it, nothing else
    kicked = compile_script(kick).positions[:, 1]
    assert np.linalg.norm(kicked[-1, :2] - kicked[0, :2]) > 1.0

    walk = _plan("a man walks his dog down the street")
    man, dog = walk.actors
    assert man.actions[0].type == "walk_to" and (dog.actions[0].type, dog.actions[0].target) == ("follow", "man")
    assert dog.actions[0].distance > 0.8  # at heel, not inside his legs

    chase = _plan("two dogs chase each other around a tree")
    assert all(d.actions[0].type == "orbit" and d.actions[0].center == "tree" for d in chase.actors[:2])

    car = _plan("a car drives down a snowy street, tracking shot").actor("car")
    assert car.actions[0].to[0] > car.position[0] and car.rotation[0] == -90.0  # facing the way it drives


def test_camera_phrases_map_to_the_real_shots() -> None:
    track = _plan("a car drives down a snowy street, tracking shot").camera.shots[0]
    assert (track.type, track.target) == ("track", "car")
    # whole, with its lane beside it: a wide framing of the car's 1.5 m height
    assert track.framing == "wide" and 0.08 <= 1.5 / (track.distance * 2 * math.tan(math.radians(14.7))) <= 0.25
    assert abs(track.angle - 90.0) <= 40.0  # from ahead of a car driving towards +X, three-quarters on
    close = _plan("a man sits on a bench at sunset, close-up").camera.shots[0]
    assert (close.type, close.target, close.framing) == ("track", "man", "close_up")
    zoom = _plan("three people dance in a circle, then the camera zooms out").camera.shots[-1]
    assert zoom.type == "zoom" and zoom.to_fov > (zoom.fov or 50.0)  # out means wider
