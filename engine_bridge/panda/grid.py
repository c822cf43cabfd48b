"""A flat rectangle on z = 0 split 3×3 around a centre cell that can move every frame.

Under llvmpipe a shader costs what it costs on every pixel it covers (both sides of a branch run), so the
embedded engine keeps expensive work to the part of the frame that needs it by drawing that part as
separate geometry: the ground under this frame's shadows gets the shadow lookup (ground.py). The centre
cell and the ring of eight cells around it are two nodes with their own shaders over one shared vertex
array of 4×4 grid points, so moving the centre rewrites 16 vertices and the cells never crack apart (no
T-junctions).
"""

from __future__ import annotations

import numpy as np


def _cell(i: int, j: int) -> list[int]:
    a, b, c, d = j * 4 + i, j * 4 + i + 1, (j + 1) * 4 + i + 1, (j + 1) * 4 + i
    return [a, b, c, a, c, d]  # counter-clockwise seen from the normal's side


class SplitGrid:
    """A rectangle ``outer`` = (x0, y0, x1, y1) on z = 0, split 3×3.

    ``centre`` and ``ring`` are NodePaths to parent and give states (shaders) to; ``set_centre`` moves the
    centre cell, clamped into the rectangle (an empty centre cell is a zero-area cell: nothing is drawn).
    """

    def __init__(self, name: str, outer: tuple[float, float, float, float]) -> None:
        from panda3d.core import Geom, GeomNode, GeomTriangles, GeomVertexData, GeomVertexFormat, NodePath

        self._outer = tuple(float(v) for v in outer)
        self._vdata = GeomVertexData(name, GeomVertexFormat.get_v3n3(), Geom.UH_dynamic)
        self._vdata.unclean_set_num_rows(16)
        self._rows = np.zeros((16, 6), dtype=np.float32)
        self._rows[:, 5] = 1.0  # normals point up
        self._centre: tuple[float, float, float, float] | None = None
        ring_cells = [(i, j) for j in range(3) for i in range(3) if (i, j) != (1, 1)]
        nodes = []
        for part, cells in (("centre", [(1, 1)]), ("ring", ring_cells)):
            prim = GeomTriangles(Geom.UH_static)
            for ij in cells:
                for v in _cell(*ij):
                    prim.add_vertex(v)
            geom = Geom(self._vdata)  # both geoms share this vertex data: one write moves both
            geom.add_primitive(prim)
            node = GeomNode(f"{name}-{part}")
            node.add_geom(geom)
            nodes.append(NodePath(node))
        self.centre, self.ring = nodes
        self.set_centre(*self._outer)

    @property
    def centre_bounds(self) -> tuple[float, float, float, float]:
        """The centre cell as drawn (clamped, possibly empty)."""
        assert self._centre is not None
        return self._centre

    def set_centre(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """Move the centre cell to [x0, x1] × [y0, y1] (clamped into the rectangle; x0 > x1 means empty)."""
        ox0, oy0, ox1, oy1 = self._outer
        x0, x1 = min(max(x0, ox0), ox1), min(max(x1, ox0), ox1)
        y0, y1 = min(max(y0, oy0), oy1), min(max(y1, oy0), oy1)
        if x1 < x0 or y1 < y0:
            x0 = x1 = (ox0 + ox1) / 2  # empty: a cell of zero area in the middle
            y0 = y1 = (oy0 + oy1) / 2
        centre = (x0, y0, x1, y1)
        if centre == self._centre:
            return  # unchanged: no vertex upload
        self._centre = centre
        rows = self._rows.reshape(4, 4, 6)  # grid point (row j, column i)
        rows[:, :, 0] = (ox0, x0, x1, ox1)
        rows[:, :, 1] = np.array((oy0, y0, y1, oy1))[:, None]
        memoryview(self._vdata.modify_array(0)).cast("B")[:] = memoryview(self._rows).cast("B")
