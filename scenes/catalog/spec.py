"""One catalog entry (:class:`AssetSpec`) and the helpers the group modules build their entries with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from scenes.actions import actions_for
from scenes.geometry import Mesh
from scenes.rig import Model
from scenes.traits import AssetTraits

PROP_ACTIONS = actions_for("prop")
CHARACTER_ACTIONS = actions_for("humanoid")
ANIMAL_ACTIONS = actions_for("quadruped")
BIRD_ACTIONS = PROP_ACTIONS + actions_for("bird")  # birds are props that also perch and hop (scenes/birds.py)

# The shelves of the library, in the order listings show them (as a game asset library groups its content).
GROUPS = ("primitives", "people", "animals", "vehicles", "handheld", "sport", "furniture", "outdoor", "city")


HOLD_SHARE = 0.5  # the largest side of a thing a person can hold, as a share of the person's height
HAND_SHELVES = ("handheld", "sport")  # shelves of things made to be held, however long
ADULT_HEIGHT = 1.7  # metres: the holder a hand-shelf prop is sized for (a child holds a smaller one)


@dataclass(frozen=True)
class AssetSpec:
    """One catalog entry. ``size`` is width (X), depth (Y), height (Z) in metres at scale 1.

    ``kind`` is ``primitive``, ``prop``, ``character`` (a humanoid rig), ``animal`` (a quadruped rig) or
    ``bird`` (a winged creature without a walking rig yet). ``build`` gives the whole asset as one mesh in its
    rest pose; ``make_model`` (when set) gives its joints and slotted parts, which is what engines draw and the
    animation poses. ``group`` is the shelf of the library it sits on (one of :data:`GROUPS`).
    """

    name: str
    kind: str
    size: tuple[float, float, float]
    description: str
    build: Callable[[], Mesh] = field(repr=False, compare=False)
    actions: tuple[str, ...] = PROP_ACTIONS
    make_model: Callable[[], Model] | None = field(default=None, repr=False, compare=False)
    traits: AssetTraits = AssetTraits()
    group: str = "primitives"

    @property
    def footprint(self) -> tuple[float, float]:
        """Width (X) and depth (Y) of the ground it covers, at scale 1."""
        return self.size[0], self.size[1]

    def hold_limit(self, holder_height: float) -> float:
        """The longest side of this thing a holder ``holder_height`` tall can hold: half its height, or, for a
        prop made to be held (one with a grip on the handheld or sport shelf: an open umbrella, a guitar, a
        surfboard), the prop at its own size too."""
        most = HOLD_SHARE * holder_height
        if self.kind == "prop" and self.group in HAND_SHELVES and self.traits.grip is not None:
            most = max(most, 1.05 * max(self.size) * min(1.0, holder_height / ADULT_HEIGHT))
        return most

    @property
    def rig(self) -> str:
        """``humanoid``, ``quadruped`` or ``""`` for assets that do not walk."""
        return {"character": "humanoid", "animal": "quadruped"}.get(self.kind, "")

    @property
    def aliases(self) -> tuple[str, ...]:
        """Other names a script may give this asset; they live in the lexicon (``scenes/lexicon/nouns.yaml``)."""
        from scenes.lexicon import aliases_of

        return aliases_of(self.name)


def _rest_mesh(name: str) -> Mesh:
    from scenes.catalog import model  # the cached model, so the mesh and the drawn parts are built once

    return model(name).rest_mesh()


def composite(
    name: str,
    kind: str,
    size: tuple[float, float, float],
    description: str,
    make: Callable[[], Model],
    group: str,
    traits: AssetTraits = AssetTraits(),
    actions: tuple[str, ...] = PROP_ACTIONS,
) -> AssetSpec:
    """An entry built from a multi-part :class:`Model` (its whole mesh is the model's rest pose)."""
    return AssetSpec(name, kind, size, description, lambda: _rest_mesh(name), actions, make, traits, group)
