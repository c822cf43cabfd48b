"""Which Unreal class stands in for each catalog asset: a YAML file the user can edit, with a shipped default."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

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


class ClassMap(BaseModel):
    """The whole mapping: the director Blueprint (sky, sun, ground) and one class per asset."""

    model_config = ConfigDict(extra="forbid")

    director: str = Field(min_length=1, pattern=r"^\S+$")
    assets: dict[str, AssetClass]

    def for_asset(self, asset: str, source: str = DEFAULT_CLASS_MAP) -> AssetClass:
        """The class of ``asset``; EngineError naming the mapping file when it has none."""
        try:
            return self.assets[asset]
        except KeyError:
            raise EngineError(f"{source}: assets: no Unreal class for asset {asset!r}; add "
                              f"'{asset}: {{class: /Game/…}}' under assets:") from None

    def asset_of_class(self, class_name: str) -> str | None:
        """The catalog asset a class stands for (a bare asset name counts too), or None."""
        if class_name in CATALOG:
            return class_name
        for name, entry in self.assets.items():
            if entry.class_name == class_name:
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
