"""The scene script: a declarative, validated description of a world, what happens in it and how it is filmed.

A script is data, never code. Units are metres, seconds and degrees; the world is right-handed with
Z up and heading 0 facing +Y. Orientation is ``[heading, pitch, roll]``. An actor's position is the
centre of its base, so ``z = 0`` stands it on the ground.

Every model forbids unknown fields, so a typo is an error rather than a silently ignored setting.
Cross-references (shot targets, actor ids, times inside the duration) are checked by
``SceneScript`` itself, so a script that validates can always be compiled.
"""

from __future__ import annotations

import difflib
import itertools
import re
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from scenes.actions import ACTIONS
from scenes.catalog import CATALOG, is_model_path, model_asset
from scenes.catalog import asset as catalog_asset
from scenes.colors import parse_colour
from scenes.environment import GROUND_MATERIALS, SKY_PRESETS
from scenes.hdri import hdri_file
from scenes.intents import FramingIntent, Intent
from scenes.lexicon import alias_target
from scenes.materials import FINISHES

SCRIPT_VERSION = 1

MAX_DURATION = 3600.0
MAX_WIDTH, MAX_HEIGHT = 7680, 4320
WORLD_EXTENT = 10_000.0  # metres from the origin; beyond this float32 precision and fog make no sense

Finite = Annotated[float, Field(allow_inf_nan=False)]
Coord = Annotated[float, Field(ge=-WORLD_EXTENT, le=WORLD_EXTENT, allow_inf_nan=False)]
Vec3 = tuple[Coord, Coord, Coord]
Angle = Annotated[float, Field(ge=-36_000.0, le=36_000.0, allow_inf_nan=False)]
Hpr = tuple[Angle, Angle, Angle]
Time = Annotated[float, Field(ge=0.0, le=MAX_DURATION, allow_inf_nan=False)]
_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]{0,63}$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"id {value!r} must start with a letter or _ and use only letters, digits, _ and - "
                         "(at most 64 characters, no spaces)")
    return value


ActorId = Annotated[str, AfterValidator(_check_id)]


def _check_colour(value: Any) -> Any:
    parse_colour(value)
    return value


Colour = Annotated[str | tuple[float, float, float], AfterValidator(_check_colour)]


def _uniform_scale(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (value, value, value)
    return value


PositiveScale = Annotated[float, Field(gt=0.0, le=1000.0, allow_inf_nan=False)]
Scale = Annotated[tuple[PositiveScale, PositiveScale, PositiveScale], BeforeValidator(_uniform_scale)]


def _parse_resolution(value: Any) -> Any:
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", value)
        if not m:
            raise ValueError(f"resolution {value!r} must look like 1280x720")
        return {"width": int(m.group(1)), "height": int(m.group(2))}
    if isinstance(value, list | tuple) and len(value) == 2:
        return {"width": value[0], "height": value[1]}
    return value


class ScriptError(ValueError):
    """A scene script that is invalid or cannot be compiled; the message names the file and field."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


class Resolution(_Model):
    """Frame size in pixels; both even, because H.264 4:2:0 needs even dimensions."""

    width: int = Field(1280, ge=16, le=MAX_WIDTH, multiple_of=2)
    height: int = Field(720, ge=16, le=MAX_HEIGHT, multiple_of=2)

    def __str__(self) -> str:
        return f"{self.width}x{self.height}"


ResolutionField = Annotated[Resolution, BeforeValidator(_parse_resolution)]


class Material(_Model):
    """Surface look: an sRGB colour and a named finish (roughness/metallic may override the finish).

    ``color`` left out keeps the asset's own colour (a finish alone makes a wooden table glossy); any colour
    given, white included, recolours it."""

    color: Colour | None = None

    def colour_or(self, own: tuple[float, float, float]) -> tuple[float, float, float]:
        """The sRGB colour this material gives, or ``own`` (the asset's) when it gives none."""
        return parse_colour(self.color) if self.color is not None else own
    finish: Literal[tuple(FINISHES)] = "plastic"  # type: ignore[valid-type]
    roughness: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    metallic: Annotated[float, Field(ge=0.0, le=1.0)] | None = None


class Keyframe(_Model):
    """A pose at time ``t``; fields left out keep their interpolated value."""

    t: Time
    position: Vec3 | None = None
    rotation: Hpr | None = None
    scale: Scale | None = None


Easing = Literal["linear", "ease_in", "ease_out", "ease_in_out"]


class _Timed(_Model):
    """Anything that happens from ``start`` to ``end`` (seconds; ``end`` defaults to the script's end)."""

    start: Time = 0.0
    end: Time | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end is not None and self.start is not None and self.end <= self.start:
            raise ValueError(f"end ({self.end:g} s) must be after start ({self.start:g} s)")
        return self


class Bounce(_Timed):
    """Hop up and down in parabolic arcs, touching the ground once per period."""

    type: Literal["bounce"]
    height: Annotated[float, Field(gt=0.0, le=20.0)] = 1.0
    period: Annotated[float, Field(gt=0.05, le=60.0)] = 0.8


class Spin(_Timed):
    """Turn continuously about one of the actor's axes."""

    type: Literal["spin"]
    speed: Annotated[float, Field(ge=-3600.0, le=3600.0)] = 90.0  # degrees per second
    axis: Literal["heading", "pitch", "roll"] = "heading"


class MoveTo(_Timed):
    """Travel in a straight line from wherever the actor is at ``start`` to ``to``."""

    type: Literal["move_to"]
    to: Vec3
    easing: Easing = "ease_in_out"


class Orbit(_Timed):
    """Circle around a point or another actor, keeping the current distance unless ``radius`` is given."""

    type: Literal["orbit"]
    center: ActorId | Vec3 = (0.0, 0.0, 0.0)
    radius: Annotated[float, Field(gt=0.0, le=1000.0)] | None = None
    period: Annotated[float, Field(gt=0.1, le=3600.0)] = 6.0
    clockwise: bool = False
    face_direction: bool = True  # turn to face the direction of travel


Speed = Annotated[float, Field(gt=0.0, le=100.0, allow_inf_nan=False)]


class Idle(_Timed):
    """Stand and breathe, shifting weight now and then (characters); a no-op for props."""

    type: Literal["idle"]


class WalkTo(_Timed):
    """Walk along the ground to a point or up to another actor, turning to face the way; feet stay planted.

    ``speed`` (m/s) defaults to a comfortable pace; with an ``end`` and no speed the pace is chosen to
    arrive at ``end``. ``stop_distance`` stops short of the goal (defaults to 0.8 m before an actor).
    """

    type: Literal["walk_to"]
    to: ActorId | Vec3
    speed: Speed | None = None
    stop_distance: Annotated[float, Field(ge=0.0, le=100.0)] | None = None


class RunTo(WalkTo):
    """Like ``walk_to`` at a run (a longer stride, a flight phase)."""

    type: Literal["run_to"]  # type: ignore[assignment]


class FollowPath(_Timed):
    """Travel along a smooth spline (Catmull-Rom) through ``waypoints``; characters walk or run it."""

    type: Literal["follow_path"]
    waypoints: Annotated[list[Vec3], Field(min_length=2, max_length=1000)]
    speed: Speed | None = None
    gait: Literal["auto", "walk", "run"] = "auto"
    face_direction: bool = True


class Follow(_Timed):
    """Chase another (possibly moving) actor, keeping ``distance`` behind it: a dog after a ball."""

    type: Literal["follow"]
    target: ActorId
    distance: Annotated[float, Field(ge=0.0, le=100.0)] = 0.8
    speed: Speed | None = None


class FlyTo(_Timed):
    """Fly in an arc to ``to`` (``arc`` metres above the straight line at mid-flight)."""

    type: Literal["fly_to"]
    to: Vec3
    arc: Annotated[float, Field(ge=0.0, le=1000.0)] = 0.0
    easing: Easing = "ease_in_out"
    face_direction: bool = False


class Jump(_Timed):
    """Crouch, leap ``height`` metres (and ``forward`` metres ahead), land; ``end`` defaults to a natural length."""

    type: Literal["jump"]
    height: Annotated[float, Field(gt=0.0, le=20.0)] = 0.5
    forward: Annotated[float, Field(ge=0.0, le=20.0)] = 0.0


class Wave(_Timed):
    """Raise a hand and wave (characters); ``end`` defaults to 2.5 s after ``start``."""

    type: Literal["wave"]
    hand: Literal["right", "left", "both"] = "right"


CAPTURED_DANCES = ("freestyle", "twirl")  # dance styles played from motion capture (scenes/moves.py)


class Dance(_Timed):
    """Dance to a beat in one of several styles (characters): ``freestyle`` and ``twirl`` are captured dances
    (full body: they step about, up to 0.9 m, and come back), the others keyed layers over the standing body."""

    type: Literal["dance"]
    # the default stays a keyed style: the captured ones step up to 0.9 m about (a planner's layout, which puts a
    # dancer next to a table, does not leave that room)
    style: Literal["freestyle", "twirl", "groove", "twist", "disco", "robot"] = "groove"
    tempo: Annotated[float, Field(ge=40.0, le=240.0)] = 120.0  # beats per minute


class Sit(_Timed):
    """Sit down (on ``seat``, a chair or bench, or at ``height`` metres; with neither, on what it stands on: the
    ground, a blanket, a rock's top, legs out in front) and stay seated until ``end``.

    (The field is not called ``on`` because YAML reads a bare ``on`` as ``true``.)"""

    type: Literal["sit"]
    seat: ActorId | None = None
    height: Annotated[float, Field(ge=0.0, le=5.0)] | None = None
    lie: bool = False  # an animal lies down, legs folded under it, instead of sitting up (people still sit)


class TurnTo(_Timed):
    """Turn on the spot to face an actor, a point, or a compass ``heading``; ``end`` defaults to 0.8 s later."""

    type: Literal["turn_to"]
    target: ActorId | Vec3 | None = None
    heading: Angle | None = None

    @model_validator(mode="after")
    def _one_goal(self) -> Self:
        if (self.target is None) == (self.heading is None):
            raise ValueError("give exactly one of target or heading")
        return self


class LookAt(_Timed):
    """Turn the head (within a natural range) to follow an actor or a point."""

    type: Literal["look_at"]
    target: ActorId | Vec3


class Roll(_Timed):
    """Roll along the ground to ``to``, turning about the axis the distance travelled demands."""

    type: Literal["roll"]
    to: Vec3
    easing: Easing = "ease_out"


class Fall(_Timed):
    """Topple over about the base edge towards ``direction`` (degrees relative to facing; 0 = forwards)."""

    type: Literal["fall"]
    direction: Angle = 0.0


class Push(_Timed):
    """Give a dynamic physics body an impulse at ``start``: ``impulse`` (N·s, world) or ``strength`` N·s
    from the pusher towards ``target`` (or, pushing itself, along its heading). ``target`` defaults to the
    actor itself. A pushed actor without ``physics`` becomes a dynamic body with the default settings.
    With an ``end``, a pusher that pushes another actor keeps its hands on it until then: the target goes
    where the pusher walks, kept at the distance it had at ``start`` (things in its way still stop it)."""

    type: Literal["push"]
    target: ActorId | None = None
    impulse: Vec3 | None = None
    strength: Annotated[float, Field(gt=0.0, le=1e5)] = 2.0


class Kick(_Timed):
    """Kick with one foot: wind up, swing the leg through and follow through. With a ``target`` (a ball or any
    body that can be pushed) the kicker turns to it and steps so the foot meets it at the contact time of
    the action registry, when the target gets ``strength`` N·s along the kick (forward and a little up) or
    the given ``impulse``. ``style: martial`` plays the captured high kick instead of a football kick."""

    type: Literal["kick"]
    target: ActorId | None = None
    foot: Literal["right", "left"] = "right"
    style: Literal["football", "martial"] = "football"
    strength: Annotated[float, Field(gt=0.0, le=1e5)] = 2.5
    impulse: Vec3 | None = None


class Punch(_Timed):
    """Throw a punch (motion capture) with ``hand``; a ``target`` within reach gets ``strength`` N·s at the
    contact time of the action registry."""

    type: Literal["punch"]
    target: ActorId | None = None
    hand: Literal["right", "left"] = "right"
    strength: Annotated[float, Field(gt=0.0, le=1e5)] = 1.5
    impulse: Vec3 | None = None


class Cartwheel(_Timed):
    """A cartwheel (motion capture): the actor travels about 2 m to its left."""

    type: Literal["cartwheel"]


class Backflip(_Timed):
    """A standing backflip (motion capture), landing about 1 m behind."""

    type: Literal["backflip"]


class ForwardRoll(_Timed):
    """A forward roll over the shoulder (motion capture), about 1 m forward. (``roll`` is the prop action.)"""

    type: Literal["forward_roll"]


class Crawl(_Timed):
    """Crawl forward on hands and knees (motion capture, looped) until ``end``."""

    type: Literal["crawl"]


class GetUp(_Timed):
    """Get up from lying on the ground (motion capture): the actor lies there from ``start`` and stands up."""

    type: Literal["get_up"]
    lying: Literal["face_up", "face_down"] = "face_up"


class Perch(_Timed):
    """A bird takes off, flies in an arc and lands on ``onto``: an actor (on its top surface: a fence, a table,
    a branch-high box) or a point. Wings beat on the way up, glide on the way down and flare to land."""

    type: Literal["perch"]
    onto: ActorId | Vec3
    arc: Annotated[float, Field(ge=0.0, le=100.0)] = 0.8


class Hop(_Timed):
    """A bird hops along the ground, about three small hops a second, to ``to`` (or on the spot)."""

    type: Literal["hop"]
    to: Vec3 | None = None


class PickUp(_Timed):
    """Reach down (or out) to ``object``, a graspable prop within reach, grip it and lift it into the hold pose.
    The hand meets its grip point at the registry's contact time; from then on the prop is held (its place
    follows the hand, upright and turning with the holder) until a ``put_down`` or ``give`` of it.
    ``hand``: ``auto`` holds a wide thing in both hands, a small one in the right, a bag by its handle at the side."""

    type: Literal["pick_up"]
    object: ActorId
    hand: Literal["auto", "right", "left", "both"] = "auto"


class Hold(PickUp):
    """Hold ``object`` from ``start`` without reaching for it (it is in the hand already), until a ``put_down``
    or ``give`` of it."""

    type: Literal["hold"]  # type: ignore[assignment]


class PutDown(_Timed):
    """Put a held ``object`` down: its base comes to rest at ``to`` (default: in front of the holder), on the top
    of ``onto`` (a table, a crate; default: the ground). The hand lets go at the registry's contact time."""

    type: Literal["put_down"]
    object: ActorId
    onto: ActorId | None = None
    to: Vec3 | None = None


class Give(_Timed):
    """Hand a held ``object`` to ``to``, a person within reach: both reach out, the receiver grips it at the
    registry's contact time and holds it from then on."""

    type: Literal["give"]
    object: ActorId
    to: ActorId


class Ride(_Timed):
    """Ride ``mount`` (a horse, a bicycle, a motorbike: an asset with a ``rideable`` point): the rider mounts at
    ``start`` and sits astride its saddle, moving with it, until ``end``. The mount's own actions move it."""

    type: Literal["ride"]
    mount: ActorId


HAND_ACTIONS = (PickUp, Hold, PutDown, Give)
"""Actions that take, hold or let go of a prop (scenes/hold.py resolves them into the timeline)."""

MOVES = (Kick, Punch, Cartwheel, Backflip, ForwardRoll, Crawl, GetUp)
"""Full-body moves (scenes/moves.py): they pose every joint and carry their own root motion."""


def is_move(action: object) -> bool:
    """Whether ``action`` is a full-body move: one of :data:`MOVES` or a captured dance."""
    return isinstance(action, MOVES) or (isinstance(action, Dance) and action.style in CAPTURED_DANCES)

Action = Annotated[
    Bounce | Spin | MoveTo | Orbit | Idle | WalkTo | RunTo | FollowPath | Follow | FlyTo | Jump | Wave | Dance | Sit
    | TurnTo | LookAt | Roll | Fall | Push | Kick | Punch | Cartwheel | Backflip | ForwardRoll | Crawl | GetUp
    | Perch | Hop | PickUp | Hold | PutDown | Give | Ride,
    Field(discriminator="type"),
]

WALKING_ACTIONS = (WalkTo, RunTo, FollowPath, Follow)
"""Actions that move an actor along the ground under its own power (not allowed on dynamic bodies)."""


class Physics(_Model):
    """How an actor takes part in the physics bake (Bullet).

    ``dynamic`` bodies fall, bounce and get pushed; ``static`` ones never move; ``kinematic`` ones follow
    their keyframes and actions and push dynamic bodies aside. A dynamic body follows its animation until
    ``start`` and is simulated from then on, starting with ``velocity`` (m/s) and ``angular_velocity``
    (degrees/s about world X, Y, Z). ``shape`` ``auto`` picks a sphere, box or cylinder for those
    primitives and convex hulls of the parts for everything else.
    """

    body: Literal["dynamic", "static", "kinematic"] = "dynamic"
    mass: Annotated[float, Field(gt=0.0, le=1e6)] = 1.0
    friction: Annotated[float, Field(ge=0.0, le=5.0)] = 0.6
    restitution: Annotated[float, Field(ge=0.0, le=1.0)] = 0.4
    velocity: Vec3 = (0.0, 0.0, 0.0)
    angular_velocity: Vec3 = (0.0, 0.0, 0.0)
    shape: Literal["auto", "box", "sphere", "cylinder", "hull"] = "auto"
    start: Time = 0.0


class Actor(_Model):
    """Something in the world: a catalog asset with a material, a rest pose, keyframes and actions."""

    id: ActorId
    asset: str
    material: Material = Material()
    position: Vec3 = (0.0, 0.0, 0.0)
    rotation: Hpr = (0.0, 0.0, 0.0)
    scale: Scale = (1.0, 1.0, 1.0)
    visible: bool = True
    keyframes: list[Keyframe] = Field(default_factory=list, max_length=10_000)
    actions: list[Action] = Field(default_factory=list, max_length=1000)
    materials: dict[str, Material] = Field(default_factory=dict, max_length=32)  # per material slot
    physics: Physics | None = None
    animation: Annotated[str, Field(min_length=1, max_length=200)] | None = None  # a glTF clip, looped

    @field_validator("asset")
    @classmethod
    def _known_asset(cls, name: str) -> str:
        if is_model_path(name):  # a glTF 2.0 file (path absolute or relative to the working directory)
            model_asset(name)  # raises ValueError naming the file if it is missing or unreadable
            return name
        if name not in CATALOG:
            canonical = alias_target(name)
            if canonical is not None and canonical in CATALOG:  # "soccer_ball" is the football, "kid" the child
                return canonical
            close = difflib.get_close_matches(name, list(CATALOG), n=2)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise ValueError(f"unknown asset {name!r}{hint}; known assets: {', '.join(sorted(CATALOG))} "
                             "(`enginereel assets` lists them)")
        return name

    @model_validator(mode="after")
    def _animation_needs_model(self) -> Self:
        if self.animation is not None and not is_model_path(self.asset):
            raise ValueError(f"animation {self.animation!r}: only glTF model assets (.gltf/.glb) have clips")
        return self

    @model_validator(mode="after")
    def _keyframes_ordered(self) -> Self:
        times = [k.t for k in self.keyframes]
        if any(b <= a for a, b in itertools.pairwise(times)):
            raise ValueError("keyframes must be in strictly increasing time order")
        return self


Target = ActorId | Vec3


class Transition(_Model):
    """How a shot begins: a hard cut, a crossfade from the previous shot, or a fade through black."""

    type: Literal["cut", "crossfade", "fade_black"] = "cut"
    duration: Annotated[float, Field(ge=0.0, le=10.0)] = 0.5


class _Shot(_Timed):
    """A camera shot; ``fov`` is the horizontal field of view in degrees (default: the camera's).

    ``start`` defaults to the previous shot's end (or 0); ``end`` to the next shot's start (or the end of
    the video). Shots without times share the time left between their neighbours equally.
    """

    start: Time | None = None  # type: ignore[assignment]
    transition: Transition = Transition()
    fov: Annotated[float, Field(gt=1.0, lt=170.0)] | None = None
    framing: FramingIntent | None = None  # what the shot must show and how big; the solver places the camera

    def framing_intent(self) -> FramingIntent | None:
        """The shot's framing intent (subjects and size), if it asks for one."""
        return self.framing if isinstance(self.framing, FramingIntent) else None


class StaticShot(_Shot):
    """A locked-off camera at ``position`` looking at ``target``."""

    type: Literal["static"]
    position: Vec3 = (0.0, -10.0, 3.0)
    target: Target = (0.0, 0.0, 0.5)


class OrbitShot(_Shot):
    """The camera circles ``target`` at ``radius`` and ``height`` above it, ``degrees`` over the shot."""

    type: Literal["orbit"]
    target: Target = (0.0, 0.0, 0.5)
    radius: Annotated[float, Field(gt=0.1, le=1000.0)] | None = None  # default: frames the scene
    height: Annotated[float, Field(ge=-50.0, le=1000.0)] = 2.0
    start_angle: Angle = 0.0  # compass heading of the camera seen from the target; 0 puts it at -Y
    degrees: Annotated[float, Field(ge=-3600.0, le=3600.0)] = 90.0
    easing: Easing = "linear"


class DollyShot(_Shot):
    """The camera travels from ``from_`` to ``to`` while looking at ``target`` (a push in, pull out, truck)."""

    model_config = ConfigDict(populate_by_name=True)

    type: Literal["dolly"]
    from_: Vec3 = Field((0.0, -12.0, 2.5), alias="from")
    to: Vec3 = (0.0, -6.0, 2.0)
    target: Target = (0.0, 0.0, 0.5)
    easing: Easing = "ease_in_out"


Framing = Literal["wide", "medium", "close_up", "over_the_shoulder"]


class _FramedShot(_Shot):
    """A shot placed from its target: ``framing`` sets the distance from the target's size and the lens
    (wide, the default: the whole subject with room around it; medium: waist up; close_up: the face), ``angle`` is the
    compass direction of the camera seen from the target (0 puts it at -Y looking north; with
    ``relative`` it turns with the target's heading, 180 = in front of its face), ``height`` is metres
    above the look-at point. ``distance`` overrides the framing's distance. ``over_the_shoulder`` puts the
    camera behind ``over``'s shoulder looking at ``target``.
    """

    target: Target = (0.0, 0.0, 0.5)
    framing: Framing | FramingIntent = "wide"  # type: ignore[assignment]
    over: ActorId | None = None
    angle: Angle = 0.0
    relative: bool = False
    height: Annotated[float, Field(ge=-50.0, le=1000.0)] = 0.3
    distance: Annotated[float, Field(gt=0.0, le=5000.0)] | None = None

    @model_validator(mode="after")
    def _over_needed(self) -> Self:
        if self.framing == "over_the_shoulder" and self.over is None:
            raise ValueError("framing over_the_shoulder needs `over`: the actor whose shoulder the camera looks past")
        return self


class PanShot(_Shot):
    """A fixed camera at ``position`` that turns ``degrees`` (positive = to the left) starting on ``target``."""

    type: Literal["pan"]
    position: Vec3 = (0.0, -10.0, 1.7)
    target: Target = (0.0, 0.0, 1.0)
    degrees: Annotated[float, Field(ge=-360.0, le=360.0)] = 30.0
    easing: Easing = "ease_in_out"


class TiltShot(PanShot):
    """A fixed camera at ``position`` that tilts ``degrees`` (positive = up) starting on ``target``."""

    type: Literal["tilt"]  # type: ignore[assignment]
    degrees: Annotated[float, Field(ge=-170.0, le=170.0)] = 20.0


class ZoomShot(_Shot):
    """A fixed camera looking at ``target`` whose lens goes from ``fov`` (or the camera's) to ``to_fov``."""

    type: Literal["zoom"]
    position: Vec3 = (0.0, -10.0, 1.7)
    target: Target = (0.0, 0.0, 1.0)
    to_fov: Annotated[float, Field(gt=1.0, lt=170.0)] = 25.0
    easing: Easing = "ease_in_out"


class TrackShot(_FramedShot):
    """Follow ``target`` wherever it goes, keeping it framed and centred (a tracking or follow shot).

    ``lag`` (seconds) smooths the camera's travel like an operator's; the aim stays on the target.
    """

    type: Literal["track"]
    lag: Annotated[float, Field(ge=0.0, le=10.0)] = 0.3


class TruckShot(_FramedShot):
    """The camera slides ``travel`` metres sideways (positive = to its right) while framing ``target``."""

    type: Literal["truck"]
    travel: Annotated[float, Field(ge=-1000.0, le=1000.0)] = 3.0
    easing: Easing = "ease_in_out"


class CraneShot(_FramedShot):
    """The camera rises (or sinks) from ``height`` to ``to_height`` metres while framing ``target``."""

    type: Literal["crane"]
    to_height: Annotated[float, Field(ge=-50.0, le=1000.0)] = 4.0
    easing: Easing = "ease_in_out"


class HandheldShot(_FramedShot):
    """A framed shot with a hand-held operator's smooth, seeded wobble (``shake`` degrees, ``sway`` metres)."""

    type: Literal["handheld"]
    shake: Annotated[float, Field(ge=0.0, le=20.0)] = 1.2
    sway: Annotated[float, Field(ge=0.0, le=2.0)] = 0.04
    follow: bool = True  # keep following a moving target


Shot = Annotated[
    StaticShot | OrbitShot | DollyShot | PanShot | TiltShot | ZoomShot | TrackShot | TruckShot | CraneShot
    | HandheldShot,
    Field(discriminator="type"),
]


class Camera(_Model):
    """The camera: its default lens and a list of shots, cut from one to the next."""

    fov: Annotated[float, Field(gt=1.0, lt=170.0)] = 50.0
    shots: list[Shot] = Field(default_factory=list, max_length=1000)


class Caption(_Model):
    """Text drawn onto the frames from ``start`` to ``end``: a full-frame title card, a caption or a lower third."""

    text: Annotated[str, Field(min_length=1, max_length=500)]
    start: Time = 0.0
    end: Time | None = None
    style: Literal["title", "caption", "lower_third"] = "caption"


class Ground(_Model):
    """The ground plane's material; ``color`` tints it."""

    material: Literal[tuple(GROUND_MATERIALS)] = "grass"  # type: ignore[valid-type]
    color: Colour | None = None
    visible: bool = True


class Weather(_Model):
    """Falling rain, snow or leaves: deterministic particles (the same on every render of a script and seed).

    They are left out of the instance masks (and the other ground-truth passes) unless ``in_masks``.
    """

    type: Literal["none", "rain", "snow", "leaves"] = "none"
    intensity: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5
    in_masks: bool = False


class Wind(_Model):
    """Wind: ``speed`` in m/s, blowing towards compass ``heading`` (0 = +Y). Drifts weather particles."""

    speed: Annotated[float, Field(ge=0.0, le=40.0)] = 0.0
    heading: Angle = 0.0


def _check_hdri(value: str) -> str:
    hdri_file(value)  # raises ValueError naming the file and what is wrong with it
    return value


class Environment(_Model):
    """Sky preset or HDRI, ground, fog, exposure, weather and wind."""

    sky: Literal[tuple(SKY_PRESETS)] = "day"  # type: ignore[valid-type]
    # a shipped HDRI's name or a user's .exr/.hdr file: shown as the background and lighting the scene
    hdri: Annotated[str, Field(min_length=1, max_length=4096), AfterValidator(_check_hdri)] | None = None
    ground: Ground = Ground()
    fog: Annotated[float, Field(ge=0.0, le=1.0)] | None = None  # density per metre; default from the sky
    exposure: Annotated[float, Field(ge=-10.0, le=10.0)] = 0.0  # in stops (EV) over the sky's own exposure
    weather: Weather = Weather()
    wind: Wind = Wind()

    @model_validator(mode="after")
    def _hdri_or_sky(self) -> Self:
        # ``sky`` keeps its default beside an HDRI (scripts are dumped with defaults and validated again)
        if self.hdri is not None and self.sky != "day":
            raise ValueError(f"give either sky ({self.sky}) or hdri ({self.hdri}), not both: the HDRI is the sky")
        return self


class Sun(_Model):
    """The directional sun; anything left out comes from the sky preset."""

    heading: Angle | None = None
    elevation: Annotated[float, Field(ge=-10.0, le=90.0)] | None = None
    color: Colour | None = None
    intensity: Annotated[float, Field(ge=0.0, le=100.0)] | None = None
    shadows: bool = True


class Lights(_Model):
    """Lights of the scene. The ambient sky light always follows the sky preset, scaled by ``ambient``."""

    sun: Sun = Sun()
    ambient: Annotated[float, Field(ge=0.0, le=10.0)] = 1.0


def _hand_problems(actors: list[Actor]) -> list[str]:
    """What cannot be held, put down, given or ridden: a thing without a grip point or too big for the holder's
    hands, a put_down or give of something the actor does not hold then, a give to someone who cannot hold it, a
    mount without a rideable point, a held thing that is also a dynamic physics body. Hand actions are read in the
    order of their start times across actors, as a thing given passes from hand to hand."""
    by_id = {a.id: a for a in actors}
    graspable = sorted(n for n, spec in CATALOG.items() if spec.traits.grip is not None and spec.kind == "prop")
    rideable = sorted(n for n, spec in CATALOG.items() if spec.traits.rideable is not None)
    problems: list[str] = []
    holder_of: dict[str, str] = {}  # prop id -> who holds it now
    acts = sorted(((i, k, act) for i, a in enumerate(actors) for k, act in enumerate(a.actions)),
                  key=lambda x: x[2].start)
    for i, k, act in acts:
        a = actors[i]
        path = f"actors[{i}].actions[{k}]"
        thing = by_id.get(getattr(act, "object", None) or getattr(act, "mount", None) or "")
        if thing is None:
            continue  # a missing reference is reported on its own
        spec = catalog_asset(thing.asset)
        if isinstance(act, PickUp):
            problems += _holdable(a, thing, path, graspable, act.start)
            holder_of[thing.id] = a.id
        elif isinstance(act, PutDown | Give):
            if holder_of.get(thing.id) != a.id:
                problems.append(f"{path}.object: {a.id!r} does not hold {thing.id!r} at {act.start:g} s (pick it "
                                "up or hold it first)")
            holder_of.pop(thing.id, None)
            if isinstance(act, Give) and act.to in by_id:
                receiver = by_id[act.to]
                if "pick_up" not in catalog_asset(receiver.asset).actions:
                    problems.append(f"{path}.to: a {receiver.asset} ({receiver.id!r}) cannot take {thing.id!r} "
                                    "(only people hold things)")
                else:
                    problems += _holdable(receiver, thing, f"{path}.to", graspable)
                    holder_of[thing.id] = receiver.id
        elif isinstance(act, Ride) and spec.traits.rideable is None:
            problems.append(f"{path}.mount: a {thing.asset} ({thing.id!r}) has nothing to ride on (rideable: "
                            f"{', '.join(rideable)})")
    return problems


def _holdable(holder: Actor, thing: Actor, path: str, graspable: list[str], start: float | None = None) -> list[str]:
    """Why ``holder`` cannot hold ``thing`` from ``start`` (no grip point, too big, a dynamic body already), if it
    cannot. A dynamic body whose physics starts after the hold is held until then and thrown (let go into the
    bake) at that moment."""
    spec = catalog_asset(thing.asset)
    if spec.traits.grip is None or spec.rig:
        return [f"{path}.object: a {thing.asset} ({thing.id!r}) cannot be picked up or held: it has no grip point "
                f"(graspable: {', '.join(graspable[:12])}, …)"]
    out = []
    size = [x * y for x, y in zip(spec.size, thing.scale, strict=True)]
    most = spec.hold_limit(catalog_asset(holder.asset).size[2] * holder.scale[2])
    if max(size) > most:
        out.append(f"{path}.object: {thing.id!r} ({size[0]:.2f} x {size[1]:.2f} x {size[2]:.2f} m) is too big for "
                   f"{holder.id!r} to hold (at most {most:.2f} m on its longest side; scale it down)")
    if thing.physics is not None and thing.physics.body == "dynamic" and (
            start is None or thing.physics.start <= start):
        out.append(f"{path}.object: {thing.id!r} is a dynamic physics body and cannot also be held (drop its "
                   "physics, or start it after the hold: it is then thrown at physics.start)")
    return out


class SceneScript(_Model):
    """A whole scene: settings, world, actors and camera. ``version`` lets the format grow."""

    version: Literal[1] = SCRIPT_VERSION
    title: Annotated[str, Field(max_length=500)] = ""
    prompt: Annotated[str, Field(max_length=20_000)] = ""
    duration: Annotated[float, Field(gt=0.0, le=MAX_DURATION, allow_inf_nan=False)] = 10.0
    fps: Annotated[int, Field(ge=1, le=240)] = 30
    resolution: ResolutionField = Resolution()
    seed: Annotated[int, Field(ge=0, lt=2**63)] = 0
    environment: Environment = Environment()
    lights: Lights = Lights()
    actors: list[Actor] = Field(default_factory=list, max_length=10_000)
    camera: Camera = Camera()
    captions: list[Caption] = Field(default_factory=list, max_length=1000)
    intents: list[Intent] = Field(default_factory=list, max_length=1000)  # what must be shown (scenes.intents)
    solved: bool = False  # the intents are already realised in the actors and shots (set by scenes.solve)

    @property
    def frame_count(self) -> int:
        """Number of frames in the video."""
        return max(1, round(self.duration * self.fps))

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (``KeyError`` if none)."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    @model_validator(mode="after")
    def _cross_references(self) -> Self:
        problems: list[str] = []
        ids: set[str] = set()
        for i, a in enumerate(self.actors):
            if a.id in ids:
                problems.append(f"actors[{i}].id: duplicate actor id {a.id!r}")
            ids.add(a.id)

        def check_time(path: str, t: float | None) -> None:
            if t is not None and t > self.duration + 1e-9:
                problems.append(f"{path}: time {t:g} s is after the end of the video (duration {self.duration:g} s)")

        def check_ref(path: str, ref: object) -> None:
            if isinstance(ref, str) and ref not in ids:
                problems.append(f"{path}: no actor with id {ref!r} (actors: {', '.join(sorted(ids)) or 'none'})")

        for i, a in enumerate(self.actors):
            for k, kf in enumerate(a.keyframes):
                check_time(f"actors[{i}].keyframes[{k}].t", kf.t)
            for k, act in enumerate(a.actions):
                path = f"actors[{i}].actions[{k}]"
                check_time(f"{path}.start", act.start)
                check_time(f"{path}.end", act.end)
                if isinstance(act, Orbit):
                    check_ref(f"{path}.center", act.center)
                    if act.center == a.id:
                        problems.append(f"{path}.center: actor {a.id!r} cannot orbit itself")
                for name in ACTIONS[act.type].references:
                    if name == "center":
                        continue  # checked above, with its own message
                    ref = getattr(act, name, None)
                    check_ref(f"{path}.{name}", ref)
                    if ref == a.id:
                        problems.append(f"{path}.{name}: actor {a.id!r} cannot refer to itself here")
                spec = catalog_asset(a.asset)  # a glTF file's spec too (CATALOG has only the built-in ones)
                if act.type not in spec.actions:
                    problems.append(f"{path}.type: a {a.asset} cannot {act.type} (it can: {', '.join(spec.actions)})")
                dynamic = a.physics is not None and a.physics.body == "dynamic"
                if dynamic and isinstance(act, WALKING_ACTIONS):
                    problems.append(f"{path}: actor {a.id!r} is a dynamic physics body and cannot also {act.type} "
                                    "(drop physics, or make it kinematic)")
                if isinstance(act, Push):
                    pushed = act.target or a.id
                    body = next((b for b in self.actors if b.id == pushed), None)
                    walks = body is not None and any(isinstance(x, WALKING_ACTIONS) for x in body.actions)
                    if body is not None and body.physics is not None and body.physics.body != "dynamic":
                        problems.append(f"{path}.target: {pushed!r} is a {body.physics.body} physics body, so it "
                                        "cannot be pushed (make it `body: dynamic`)")
                    elif body is not None and body.physics is None and walks:
                        problems.append(f"{path}.target: {pushed!r} walks under its own power, so it cannot be "
                                        "pushed (push a prop instead)")
            if a.physics is not None:
                check_time(f"actors[{i}].physics.start", a.physics.start)
            if a.materials and is_model_path(a.asset):
                problems.append(f"actors[{i}].materials: a glTF model keeps the materials of its file; materials: "
                                "applies to catalog assets (use material: to tint the whole model)")
            elif a.materials:
                from scenes.catalog import model

                slots = model(a.asset).slots
                for slot in a.materials:
                    if slot not in slots:
                        problems.append(f"actors[{i}].materials.{slot}: a {a.asset} has no slot {slot!r} "
                                        f"(slots: {', '.join(slots)})")
        problems += _hand_problems(self.actors)
        for k, cap in enumerate(self.captions):
            check_time(f"captions[{k}].start", cap.start)
            check_time(f"captions[{k}].end", cap.end)
            if cap.end is not None and cap.end <= cap.start:
                problems.append(f"captions[{k}].end: {cap.end:g} s must be after start ({cap.start:g} s)")
        latest, latest_path = 0.0, ""
        for k, shot in enumerate(self.camera.shots):
            path = f"camera.shots[{k}]"
            check_time(f"{path}.start", shot.start)
            check_time(f"{path}.end", shot.end)
            check_ref(f"{path}.target", shot.target)
            check_ref(f"{path}.over", getattr(shot, "over", None))
            if shot.framing_intent() is not None:
                for j, ref in enumerate(shot.framing_intent().subjects):
                    check_ref(f"{path}.framing.subjects[{j}]", ref)
            for field, t in (("start", shot.start), ("end", shot.end)):
                if t is None:
                    continue
                if t < latest - 1e-9:
                    problems.append(f"{path}.{field}: {t:g} s is before {latest_path} ({latest:g} s); "
                                    "shots must be in time order and must not overlap")
                latest, latest_path = t, f"{path}.{field}"
        for k, intent in enumerate(self.intents):
            for name, ref in intent.actor_refs():
                check_ref(f"intents[{k}].{name}", ref)
            check_time(f"intents[{k}].start", getattr(intent, "start", None))
            check_time(f"intents[{k}].end", getattr(intent, "end", None))
        if problems:
            raise ValueError("; ".join(problems))
        return self
