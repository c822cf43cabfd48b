"""Rain, snow and falling leaves: one quad per particle, placed on the GPU from its seed, the time and the camera.

The seeds come from the world's own random stream (``scenes.world``), the motion from ``shaders/weather.glsl``:
nothing is simulated or advanced frame by frame, so every frame is the same on every render and a chunk can
start anywhere. The particles are left out of the sun's shadow map and, unless ``in_masks``, out of every
ground-truth pass; with it they are drawn there as instance ``len(actors) + 1`` with their exact flow.
"""

from __future__ import annotations

import numpy as np

from scenes.world import WeatherState

WEATHER_CODES = {"rain": 1, "snow": 2, "leaves": 3}
FLUTTER = {"rain": 0.0, "snow": 0.35, "leaves": 0.6}  # metres of sideways sway


def particle_geom(weather: WeatherState):  # -> panda3d.core.GeomNode
    """``count`` quads: four corners (-1..1) sharing one seed (start in the unit box, and a variation in w)."""
    from panda3d.core import (
        Geom,
        GeomNode,
        GeomTriangles,
        GeomVertexArrayFormat,
        GeomVertexData,
        GeomVertexFormat,
        InternalName,
        OmniBoundingVolume,
    )

    rng = np.random.default_rng(weather.seed)
    seeds = rng.random((weather.count, 4), dtype=np.float64).astype(np.float32)
    corners = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]], dtype=np.float32)
    rows = np.zeros((weather.count, 4, 8), dtype=np.float32)
    rows[:, :, 0:2] = corners
    rows[:, :, 4:8] = seeds[:, None, :]
    array = GeomVertexArrayFormat()
    array.add_column(InternalName.get_vertex(), 4, Geom.NT_float32, Geom.C_point)
    array.add_column(InternalName.make("seed"), 4, Geom.NT_float32, Geom.C_other)
    fmt = GeomVertexFormat.register_format(GeomVertexFormat(array))
    vdata = GeomVertexData("weather", fmt, Geom.UH_static)
    vdata.unclean_set_num_rows(weather.count * 4)
    memoryview(vdata.modify_array(0)).cast("B")[:] = rows.tobytes()
    quad = np.array([0, 1, 2, 0, 2, 3], dtype=np.uint32)
    tris = (quad[None, :] + 4 * np.arange(weather.count, dtype=np.uint32)[:, None]).ravel()
    prim = GeomTriangles(Geom.UH_static)
    prim.set_index_type(Geom.NT_uint32)
    handle = prim.modify_vertices()
    handle.unclean_set_num_rows(tris.size)
    memoryview(handle).cast("B")[:] = tris.tobytes()
    geom = Geom(vdata)
    geom.add_primitive(prim)
    node = GeomNode("weather")
    node.add_geom(geom)
    # the quads' stored corners say nothing about where the shader puts them: never cull them
    node.set_bounds(OmniBoundingVolume())
    node.set_final(True)
    return node


def weather_inputs(weather: WeatherState, wind: np.ndarray) -> dict[str, object]:
    """The shader inputs of ``weather.glsl``."""
    drift = np.asarray(wind, dtype=np.float64) * (1.0 if weather.type == "rain" else 0.8) + [0, 0, -weather.fall_speed]
    return {
        "u_extent": tuple(float(x) for x in weather.extent),
        "u_drift": tuple(float(x) for x in drift),
        "u_flutter": FLUTTER[weather.type],
        "u_size": float(weather.size),
    }
