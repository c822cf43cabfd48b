"""The held-out prompt set as typed data: prompts, the facts each video must show, and asset groups.

A fact is written in YAML as a one-line mapping whose first key says its kind:
``{count: domino, n: 5}``, ``{relation: on, a: cup, b: table}``, ``{event: topple, a: domino}``,
``{camera: orbit}``, ``{framing: close_up, a: woman}``, ``{visible: dog}``, ``{duration: 60}``,
``{shots: 3}``. Names (``a``, ``b``, ``count`` …) are catalog asset names or group names from the
set's ``groups:`` section; an asset the catalog does not have yet is allowed (the fact then fails
until it exists, which is the honest score).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, Self

import yaml
from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError, model_validator

RELATIONS = ("on", "under", "inside", "next_to", "left_of", "right_of", "in_front_of", "behind", "near",
             "in_row", "in_circle", "stacked", "facing")
GROUP_RELATIONS = ("in_row", "in_circle", "stacked")  # about the actors of ``a`` alone (``b`` optional)
EVENTS = ("touch", "topple", "reach", "fall_onto", "sit", "roll", "jump", "move")
BINARY_EVENTS = ("touch", "reach", "fall_onto", "sit")
CAMERA_MOVES = ("static", "orbit", "pan", "track", "dolly", "crane", "zoom", "handheld", "over_the_shoulder",
                "from_above", "tilt", "truck")
FRAMINGS = ("close_up", "medium", "wide")
CAMERA = "camera"  # ``b: camera`` in a facing relation means the viewer


class _Fact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @property
    def kind(self) -> str:
        """The fact's kind (``count``, ``relation`` …), for failures per kind."""
        raise NotImplementedError

    @property
    def sub_kind(self) -> str:
        """``kind.detail`` (``relation.on``, ``event.topple``, ``camera.orbit``), or just the kind."""
        return self.kind


def _range_text(n: int | None, lo: int | None, hi: int | None) -> str:
    if n is not None:
        return f"= {n}"
    return " and ".join(p for p in (f">= {lo}" if lo is not None else "", f"<= {hi}" if hi is not None else "") if p)


class _Counted(_Fact):
    n: int | None = Field(None, ge=0)
    min: int | None = Field(None, ge=0)
    max: int | None = Field(None, ge=0)

    @model_validator(mode="after")
    def _one_range(self) -> Self:
        if self.n is None and self.min is None and self.max is None:
            raise ValueError("give n, or min and/or max")
        if self.n is not None and (self.min is not None or self.max is not None):
            raise ValueError("give either n or min/max, not both")
        return self

    def accepts(self, value: int) -> bool:
        """Whether ``value`` meets the count."""
        if self.n is not None:
            return value == self.n
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


class CountFact(_Counted):
    """Exactly ``n`` (or ``min``..``max``) actors of an asset or group are in the video."""

    count: str

    @property
    def kind(self) -> str:
        return "count"

    def __str__(self) -> str:
        return f"count {self.count} {_range_text(self.n, self.min, self.max)}"


class ShotsFact(_Counted):
    """The camera cuts between this many shots. Written ``{shots: 3}`` or ``{shots: null, min: 2}``."""

    shots: int | None = Field(None, ge=1)
    n: int | None = Field(None, ge=1)

    @model_validator(mode="before")
    @classmethod
    def _shots_is_n(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("shots") is not None and "n" not in data:
            data = {**data, "n": data["shots"]}
        return data

    @property
    def kind(self) -> str:
        return "shots"

    def __str__(self) -> str:
        return f"shots {_range_text(self.n, self.min, self.max)}"


class ColourFact(_Fact):
    """Some actor of ``colour`` (an asset or group) is mostly of the hue family ``is``."""

    colour: str
    is_: Literal["red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "white",
                 "grey"] = Field(alias="is")

    @property
    def kind(self) -> str:
        return "colour"

    def __str__(self) -> str:
        return f"colour {self.colour} is {self.is_}"


class RelationFact(_Fact):
    """Every actor of ``a`` stands in ``relation`` to some actor of ``b`` (or, for rows, circles and stacks,
    the actors of ``a`` together), at some frame of the ``at`` window (first second, last second, any)."""

    relation: Literal[RELATIONS]  # type: ignore[valid-type]
    a: str
    b: str | None = None
    at: Literal["start", "end", "any"] = "start"

    @model_validator(mode="before")
    @classmethod
    def _yaml_on(cls, data: Any) -> Any:
        # YAML 1.1 (PyYAML) reads a bare `on` as true: `{relation: on}` is what people write
        if isinstance(data, dict) and data.get("relation") is True:
            data = {**data, "relation": "on"}
        return data

    @model_validator(mode="after")
    def _needs_b(self) -> Self:
        if self.b is None and self.relation not in GROUP_RELATIONS:
            raise ValueError(f"relation {self.relation} needs b")
        if self.b == CAMERA and self.relation != "facing":
            raise ValueError("b: camera is only meaningful for facing")
        return self

    @property
    def kind(self) -> str:
        return "relation"

    @property
    def sub_kind(self) -> str:
        return f"relation.{self.relation}"

    def __str__(self) -> str:
        args = self.a if self.b is None else f"{self.a}, {self.b}"
        return f"{self.relation}({args})" + ("" if self.at == "start" else f" at {self.at}")


class EventFact(_Fact):
    """``event`` happens to some actor of ``a`` (every one with ``all: true``), with ``b`` for two-actor events."""

    event: Literal[EVENTS]  # type: ignore[valid-type]
    a: str
    b: str | None = None
    all: bool = False

    @model_validator(mode="after")
    def _needs_b(self) -> Self:
        if (self.b is None) == (self.event in BINARY_EVENTS):
            raise ValueError(f"event {self.event} {'needs' if self.b is None else 'takes no'} b")
        return self

    @property
    def kind(self) -> str:
        return "event"

    @property
    def sub_kind(self) -> str:
        return f"event.{self.event}"

    def __str__(self) -> str:
        args = self.a if self.b is None else f"{self.a}, {self.b}"
        return f"{self.event}({args})" + (" for all" if self.all else "")


class CameraFact(_Fact):
    """Some shot (shot ``shot`` when given, 0-based) makes this camera move, judged from the camera track."""

    camera: Literal[CAMERA_MOVES]  # type: ignore[valid-type]
    shot: int | None = Field(None, ge=0)

    @property
    def kind(self) -> str:
        return "camera"

    @property
    def sub_kind(self) -> str:
        return f"camera.{self.camera}"

    def __str__(self) -> str:
        return f"camera {self.camera}" + ("" if self.shot is None else f" in shot {self.shot}")


class FramingFact(_Fact):
    """In some shot (or shot ``shot``), an actor of ``a`` fills this share of the frame's height."""

    framing: Literal[FRAMINGS]  # type: ignore[valid-type]
    a: str
    shot: int | None = Field(None, ge=0)

    @property
    def kind(self) -> str:
        return "framing"

    @property
    def sub_kind(self) -> str:
        return f"framing.{self.framing}"

    def __str__(self) -> str:
        return f"framing {self.framing} of {self.a}" + ("" if self.shot is None else f" in shot {self.shot}")


class VisibleFact(_Fact):
    """An actor of ``visible`` covers at least 1 % of the frame for most of the shots it appears in."""

    visible: str

    @property
    def kind(self) -> str:
        return "visible"

    def __str__(self) -> str:
        return f"visible {self.visible}"


class DurationFact(_Fact):
    """The video lasts ``duration`` seconds (within 5 %)."""

    duration: float = Field(gt=0.0)

    @property
    def kind(self) -> str:
        return "duration"

    def __str__(self) -> str:
        return f"duration {self.duration:g} s"


_KINDS = ("count", "colour", "relation", "event", "camera", "framing", "visible", "duration", "shots")


def _fact_kind(data: Any) -> str | None:
    """The kind of a fact mapping: the first of its keys that names a kind."""
    if isinstance(data, _Fact):
        return data.kind
    if isinstance(data, dict):
        return next((k for k in data if k in _KINDS), None)
    return None


Fact = Annotated[
    Annotated[CountFact, Tag("count")] | Annotated[ColourFact, Tag("colour")]
    | Annotated[RelationFact, Tag("relation")] | Annotated[EventFact, Tag("event")]
    | Annotated[CameraFact, Tag("camera")] | Annotated[FramingFact, Tag("framing")]
    | Annotated[VisibleFact, Tag("visible")] | Annotated[DurationFact, Tag("duration")]
    | Annotated[ShotsFact, Tag("shots")],
    Discriminator(_fact_kind, custom_error_type="fact_kind",
                  custom_error_message=f"a fact's first key must be one of {', '.join(_KINDS)}"),
]


class PromptCase(BaseModel):
    """One prompt with what its video must show."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    category: str
    prompt: Annotated[str, Field(min_length=3)]
    facts: Annotated[list[Fact], Field(min_length=1)]


class PromptSet(BaseModel):
    """The whole set: asset groups (``person: [person, man, woman, child]``) and the prompts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    groups: dict[str, list[str]] = Field(default_factory=dict)
    prompts: list[PromptCase]

    @model_validator(mode="after")
    def _unique_ids(self) -> Self:
        seen: set[str] = set()
        for p in self.prompts:
            if p.id in seen:
                raise ValueError(f"prompt id {p.id!r} appears twice")
            seen.add(p.id)
        return self

    def names(self) -> set[str]:
        """Every asset or group name the facts use."""
        fields = ("count", "colour", "visible", "a", "b")
        return {v for p in self.prompts for f in p.facts for k in fields
                if isinstance(v := getattr(f, k, None), str) and v != CAMERA}

    def missing_assets(self, catalog: set[str] | dict) -> list[str]:
        """Names the facts use that are neither a catalog asset nor a group (their facts fail until they exist)."""
        return sorted(n for n in self.names() if n not in catalog and n not in self.groups)

    def members(self, name: str) -> frozenset[str]:
        """The asset names ``name`` stands for: a group's members, or the asset itself."""
        return frozenset(self.groups.get(name, [name]))


class PromptSetError(ValueError):
    """A prompt-set file that does not parse or validate (the message is one located line)."""


def parse_prompt_set(data: Any, source: str) -> PromptSet:
    """Validate prompt-set data; raises :class:`PromptSetError` naming the first bad field."""
    try:
        return PromptSet.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        parts = [str(p) for p in err["loc"] if not str(p)[:1].isupper() and str(p) not in _KINDS]
        if len(parts) >= 2 and parts[0] == "prompts" and parts[1].isdigit() and isinstance(data, dict):
            case = data["prompts"][int(parts[1])]
            parts[1] = f"[{case.get('id', parts[1])}]" if isinstance(case, dict) else parts[1]
        loc = ".".join(parts).replace(".[", "[")
        raise PromptSetError(f"{source}: {loc}: {err['msg']}") from None


def load_prompt_set(path: str | Path | None = None) -> PromptSet:
    """The prompt set at ``path``, or the shipped held-out set."""
    if path is None:
        return heldout()
    file = Path(path)
    try:
        data = yaml.safe_load(file.read_text())
    except yaml.YAMLError as exc:
        raise PromptSetError(f"{file}: not valid YAML ({exc})") from None
    return parse_prompt_set(data, str(file))


@cache
def heldout() -> PromptSet:
    """The shipped held-out prompt set (``pipeline/promptset/heldout.yaml``)."""
    text = resources.files("pipeline.promptset").joinpath("heldout.yaml").read_text()
    return parse_prompt_set(yaml.safe_load(text), "heldout.yaml")
