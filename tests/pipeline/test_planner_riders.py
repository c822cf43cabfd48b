"""Riders through the offline planner, judged on the compiled world: a rider is on what it rides for the whole ride,
the vehicle moves along what the prompt names (a sidewalk, a bridge, the water), and a role noun or a riding verb
brings its vehicle ("a cyclist", "skates", "rows")."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.planners import OfflinePlanner, PlanRequest
from pipeline.promptset.facts import heldout, parse_prompt_set
from pipeline.promptset.judge import judge
from scenes import contact
from scenes.check import check_timeline
from scenes.timeline import compile_script

GROUPS = heldout()


def shown(prompt: str, facts: list[dict]) -> tuple[list[str], object]:
    """The facts the compiled world of ``prompt`` fails (as the judge words them), and its timeline."""
    script = OfflinePlanner().plan(PlanRequest(prompt=prompt, seed=0)).script
    timeline = compile_script(script)
    parsed = parse_prompt_set({"prompts": [{"id": "t", "category": "t", "prompt": prompt, "facts": facts}]}, "t")
    return [f"{v.fact}: {v.detail}" for v in judge(timeline, parsed.prompts[0].facts, GROUPS) if not v.met], timeline


def _rides_throughout(timeline) -> None:  # type: ignore[no-untyped-def]
    """Every rider is on its mount in every frame, and the world check finds nothing overlapping or floating."""
    riding = contact.riding_frames(timeline, reach_m=0.05)
    riders = [k for k, a in enumerate(timeline.actors) if any(act.type == "ride" for act in a.actions)]
    assert riders and all(riding[:, k].all() for k in riders)
    report = check_timeline(timeline)
    assert not report.check("interpenetration").findings
    assert not report.check("floating").findings


@pytest.mark.parametrize(("prompt", "person", "vehicle"), [
    ("a cyclist overtakes a red bus", "person", "bicycle"),
    ("a skater glides down the street", "child", "skateboard"),
    ("a boy skates down the pavement", "child", "skateboard"),
    ("a biker speeds along the road", "person", "motorcycle"),
])
def test_a_role_noun_or_a_riding_verb_brings_its_vehicle(prompt: str, person: str, vehicle: str) -> None:
    failed, timeline = shown(prompt, [{"count": vehicle, "n": 1}, {"relation": "on", "a": person, "b": vehicle},
                                      {"event": "move", "a": vehicle}])
    assert not failed
    _rides_throughout(timeline)


@pytest.mark.parametrize(("prompt", "rider", "vehicle", "path"), [
    ("a boy rides his skateboard down the sidewalk, past a fire hydrant", "child", "skateboard", "sidewalk"),
    ("a man on a motorbike drives over the bridge", "man", "motorcycle", "bridge"),
    ("a woman riding a motorbike across the bridge", "woman", "motorcycle", "bridge"),
    ("a girl rides her bike down the sidewalk", "child", "bicycle", "sidewalk"),
])
def test_a_ride_along_a_path_stays_on_its_top(prompt: str, rider: str, vehicle: str, path: str) -> None:
    failed, timeline = shown(prompt, [{"relation": "on", "a": rider, "b": vehicle},
                                      {"relation": "on", "a": vehicle, "b": path},
                                      {"event": "move", "a": vehicle}])
    assert not failed
    _rides_throughout(timeline)


def test_a_skateboarder_stands_on_the_deck() -> None:
    _, timeline = shown("a boy rides his skateboard down the sidewalk", [{"count": "skateboard", "n": 1}])
    ids = [a.id for a in timeline.actors]
    from pipeline.promptset.judge import World

    w = World(timeline, GROUPS)
    boy, board = ids.index("boy"), ids.index("skateboard")
    deck = w.hi[:, board, 2] - 0.03  # the deck, under the grip tape at the top of the board's box
    assert np.all(np.abs(w.lo[:, boy, 2] - deck) < 0.06)  # the feet on it, not astride above it


def test_an_old_man_rows_a_boat_out_on_the_lake_sitting_in_it() -> None:
    failed, timeline = shown("an old man rows a little boat out to the middle of the lake", [
        {"count": "rowing_boat", "n": 1}, {"event": "sit", "a": "elderly", "b": "rowing_boat"},
        {"relation": "on", "a": "rowing_boat", "b": "lake"}, {"event": "move", "a": "rowing_boat"}])
    assert not failed
    _rides_throughout(timeline)


def test_a_farmer_drives_his_tractor_clear_of_the_barn() -> None:
    failed, timeline = shown("a farmer drives his tractor out of the barn", [
        {"relation": "on", "a": "person", "b": "tractor", "at": "any"}, {"event": "move", "a": "tractor"}])
    assert not failed
    _rides_throughout(timeline)


def test_a_skater_runs_into_the_rock_in_his_way_and_falls_off() -> None:
    failed, timeline = shown("30 seconds: a boy skates down the pavement, hits a rock, falls off his skateboard", [
        {"relation": "on", "a": "child", "b": "skateboard", "at": "start"},
        {"event": "touch", "a": "skateboard", "b": "rock"}, {"relation": "on", "a": "skateboard", "b": "sidewalk"}])
    assert not failed
    boy = next(a for a in timeline.actors if a.id == "boy")
    ride = next(act for act in boy.actions if act.type == "ride")
    fall = next(act for act in boy.actions if act.type == "fall")
    assert ride.end == fall.start  # off the board as he falls


def test_a_car_pulls_up_behind_a_parked_van_in_its_lane() -> None:
    failed, timeline = shown("a police car pulls up behind a white van parked by the kerb", [
        {"relation": "near", "a": "police_car", "b": "van", "at": "end"},
        {"relation": "near", "a": "van", "b": "sidewalk"}, {"event": "move", "a": "police_car"}])
    assert not failed
    assert not check_timeline(timeline).check("interpenetration").findings


@pytest.mark.parametrize("prompt", ["follow the taxi down the high street with a tracking shot",
                                    "a bus drives along the road", "a red car drives across the bridge"])
def test_a_drive_down_a_street_or_over_a_bridge_stays_on_it(prompt: str) -> None:
    vehicle = next(w for w in ("taxi", "bus", "car") if w in prompt.split())
    path = "bridge" if "bridge" in prompt else "road"
    failed, timeline = shown(prompt, [{"relation": "on", "a": vehicle, "b": path, "at": "any"},
                                      {"event": "move", "a": vehicle}])
    assert not failed
    assert not check_timeline(timeline).check("interpenetration").findings


def test_a_chase_round_a_roundabout_drives_its_ring() -> None:
    failed, timeline = shown("a police car chases a red sports car round and round the roundabout", [
        {"relation": "on", "a": "police_car", "b": "roundabout", "at": "any"},
        {"relation": "on", "a": "sports_car", "b": "roundabout", "at": "any"},
        {"event": "move", "a": "police_car"}, {"event": "move", "a": "sports_car"}])
    assert not failed
    report = check_timeline(timeline)
    assert not report.check("interpenetration").findings
    ids = [a.id for a in timeline.actors]
    ring = timeline.positions[:, ids.index("roundabout"), :2]
    for car in ("police_car", "sports_car"):  # in the lane, off the island
        r = np.linalg.norm(timeline.positions[:, ids.index(car), :2] - ring, axis=1)
        assert np.all((r > 5.5) & (r < 13.0))


def test_a_tractor_out_of_the_barn_goes_on_along_the_hedge_not_through_it() -> None:
    failed, timeline = shown("an old tractor trundles out of the barn and along the hedge", [
        {"relation": "near", "a": "tractor", "b": "barn", "at": "start"},
        {"relation": "near", "a": "tractor", "b": "hedge", "at": "end"}, {"event": "move", "a": "tractor"}])
    assert not failed
    assert not check_timeline(timeline).check("interpenetration").findings


def test_a_farmer_drives_his_tractor_to_the_car_he_tows() -> None:
    failed, timeline = shown("a red car breaks down on a country road and a farmer drives back with his tractor to "
                             "tow it", [{"event": "reach", "a": "tractor", "b": "car"},
                                        {"relation": "on", "a": "person", "b": "tractor", "at": "any"}])
    assert not failed
    assert not check_timeline(timeline).check("floating").findings  # the car on the road, not on someone


@pytest.mark.parametrize("prompt", ["a stunt rider on a motorbike speeds up a ramp and jumps over three parked cars",
                                    "a biker jumps over two cars"])
def test_a_stunt_rider_leaps_the_parked_cars_on_the_bike(prompt: str) -> None:
    failed, timeline = shown(prompt, [{"event": "jump", "a": "motorcycle"}, {"event": "move", "a": "motorcycle"},
                                      {"relation": "on", "a": "person", "b": "motorcycle"}])
    assert not failed
    _rides_throughout(timeline)


@pytest.mark.parametrize(("prompt", "person", "vehicle"), [("two cyclists ride down the road", "person", "bicycle"),
                                                            ("three skaters skate down the sidewalk", "child",
                                                             "skateboard")])
def test_several_riders_each_ride_their_own_side_by_side_or_in_file(prompt: str, person: str, vehicle: str) -> None:
    n = 2 if prompt.startswith("two") else 3
    failed, timeline = shown(prompt, [{"count": vehicle, "n": n}, {"relation": "on", "a": person, "b": vehicle},
                                      {"event": "move", "a": vehicle}])
    assert not failed
    _rides_throughout(timeline)


def test_a_man_rows_a_boat_across_the_lake_from_shore_to_shore() -> None:
    failed, timeline = shown("a man rows a boat across the lake", [
        {"count": "rowing_boat", "n": 1}, {"relation": "on", "a": "rowing_boat", "b": "lake"},
        {"event": "sit", "a": "man", "b": "rowing_boat"}])
    assert not failed
    _rides_throughout(timeline)
    ids = [a.id for a in timeline.actors]
    assert np.linalg.norm(timeline.positions[-1, ids.index("boat")] - timeline.positions[0, ids.index("boat")]) > 10.0


@pytest.mark.parametrize(("prompt", "mount"), [("a horse rider gallops across the field", "horse"),
                                               ("a motorbike rider speeds down the road", "motorbike")])
def test_a_rider_named_by_what_it_rides_rides_that(prompt: str, mount: str) -> None:
    script = OfflinePlanner().plan(PlanRequest(prompt=prompt, seed=0)).script
    assert [i.object for i in script.intents if i.type == "ride"] == [mount]
