"""Which Unreal class stands in for each catalog asset: a YAML file the user can edit, with a shipped default."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine_bridge.engine import EngineError
from scenes.catalog import CATALOG

DEFAULT_CLASS_MAP = "engine_bridge/unreal/classes.yaml"


class AssetClass(BaseModel):
    """The Unreal class spawned for one asset, and a per-axis scale factor (world X, Y, Z) onto the actor's scale."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    class_name: str = Field(alias="class", min_length=1, pattern=r"^\S+$")
    scale: tuple[float, float, float] = (1.0, 1.0, 1.0)


# Actors every game world has (world settings, game mode and state, the player's controller, camera manager,
# HUD and pawn, UnrealCV's controller and cameras, navigation and debug helpers): Unreal names an actor after its
# class with a counter (`PlayerController_0`) or, placed in a World Partition level, a `_UAID_…` suffix.
INFRASTRUCTURE = (
    "WorldSettings", "DefaultPhysicsVolume", "GameNetworkManager", "ParticleEventManager", "GameModeBase",
    "GameMode", "UnrealcvGameMode", "GameSession", "GameStateBase", "GameState", "PlayerController",
    "PlayerState", "PlayerCameraManager", "HUD", "DefaultPawn", "SpectatorPawn", "UnrealcvPawn",
    "UnrealcvWorldController", "FusionCameraActor", "GameplayDebuggerPlayerManager", "ChaosDebugDrawActor",
    "AbstractNavData", "RecastNavMesh", "NavigationData", "WorldDataLayers", "WorldPartitionMiniMap",
    "LevelBounds", "Brush", "LevelScriptActor",
)
PAWNS = ("DefaultPawn", "SpectatorPawn", "UnrealcvPawn")  # a DefaultPawn draws a sphere: hidden while rendering


class LevelPolicy(BaseModel):
    """What to do with actors of the level that the render did not spawn (they render, and are annotated).

    ``foreign``: ``refuse`` (stop at open, naming them) or ``hide`` (hide them while rendering, show them after);
    ``ignore``: more class names to treat as the game's own machinery, like :data:`INFRASTRUCTURE`."""

    model_config = ConfigDict(extra="forbid")

    foreign: Literal["refuse", "hide"] = "refuse"
    ignore: tuple[str, ...] = ()

    def is_infrastructure(self, actor: str) -> bool:
        """Whether ``actor`` (a name from `vget /objects`) is an actor every game world has."""
        return _class_of(actor) in (*INFRASTRUCTURE, *self.ignore)


def _class_of(actor: str) -> str:
    """The class part of an actor's name: `PlayerController_0` and `Floor_UAID_0A1B…` → `PlayerController`, `Floor`."""
    return re.sub(r"(_UAID_[0-9A-Fa-f]+|_C)?(_\d+)?$", "", actor.split("-", 1)[0])


def is_pawn(actor: str) -> bool:
    """Whether ``actor`` is the player's pawn (hidden while rendering: a DefaultPawn draws a sphere)."""
    return _class_of(actor) in PAWNS


class ClassMap(BaseModel):
    """The whole mapping: the director Blueprint (sky, sun, ground), one class per asset, the level policy."""

    model_config = ConfigDict(extra="forbid")

    director: str = Field(min_length=1, pattern=r"^\S+$")
    assets: dict[str, AssetClass]
    level: LevelPolicy = LevelPolicy()

    def for_asset(self, asset: str, source: str = DEFAULT_CLASS_MAP) -> AssetClass:
        """The class of ``asset``; EngineError naming the mapping file when it has none."""
        try:
            return self.assets[asset]
        except KeyError:
            raise EngineError(f"{source}: assets: no Unreal class for asset {asset!r}; add "
                              f"'{asset}: {{class: /Game/…}}' under assets:") from None

    def asset_of_class(self, class_name: str) -> str | None:
        """The catalog asset a class stands for (its path, its short name ``BP_X_C``, or the asset's name)."""
        if class_name in CATALOG:
            return class_name
        for name, entry in self.assets.items():
            if class_name in (entry.class_name, entry.class_name.rsplit(".", 1)[-1]):
                return name
        return None


def load_class_map(path: str | Path | None = None) -> tuple[ClassMap, str]:
    """Read a class mapping (the shipped default when ``path`` is None); returns it and where it came from."""
    if path is None:
        text, source = resources.files("engine_bridge.unreal").joinpath("classes.yaml").read_text(), DEFAULT_CLASS_MAP
    else:
        source = str(path)
        try:
            text = Path(path).read_text()
        except OSError as exc:
            raise EngineError(f"{source}: cannot read the Unreal class mapping ({exc.strerror or exc})") from None
    try:
        data = yaml.safe_load(text)
        return ClassMap.model_validate(data), source
    except yaml.YAMLError as exc:
        raise EngineError(f"{source}: not valid YAML ({str(exc).splitlines()[0]})") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "(top level)"
        raise EngineError(f"{source}: {where}: {err['msg']}") from None
