"""How a timeline frame becomes pixels: the Engine interface and its implementations.

``engine_bridge`` depends on ``scenes`` only; it knows nothing of planners or encoding.
"""

from engine_bridge.engine import Engine, EngineError, EngineInfo

__all__ = ["Engine", "EngineError", "EngineInfo", "make_engine"]


def make_engine(name: str = "panda3d", **options: object) -> Engine:
    """Create an engine by name: ``panda3d`` (embedded, the default) or ``software`` (Panda3D without GL)
    or ``unreal`` (Unreal Engine 5 through UnrealCV; options host, port, class_map, timeout, retries, warmup,
    decimals, greeting_timeout, socket_path)."""
    if name in ("panda3d", "panda", "embedded"):
        from engine_bridge.panda.engine import PandaEngine

        return PandaEngine(**options)  # type: ignore[arg-type]
    if name == "software":
        from engine_bridge.panda.engine import PandaEngine

        return PandaEngine(software=True, **options)  # type: ignore[arg-type]
    if name == "unreal":
        from engine_bridge.unreal.engine import UnrealEngine

        return UnrealEngine(**options)  # type: ignore[arg-type]
    raise EngineError(f"unknown engine {name!r}; choose panda3d, software or unreal")
