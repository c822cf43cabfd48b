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

    def set_centre(self, a0: float, b0: float, a1: float, b1: float) -> None:
        """Move the centre cell to [a0, a1] × [b0, b1] (clamped into the rectangle; a0 > a1 means empty)."""
        oa0, ob0, oa1, ob1 = self._outer
        a0, a1 = min(max(a0, oa0), oa1), min(max(a1, oa0), oa1)
        b0, b1 = min(max(b0, ob0), ob1), min(max(b1, ob0), ob1)
        if a1 < a0 or b1 < b0:
            a0 = a1 = (oa0 + oa1) / 2  # empty: a cell of zero area in the middle
            b0 = b1 = (ob0 + ob1) / 2
        centre = (a0, b0, a1, b1)
        if centre == self._centre:
            return  # unchanged: no vertex upload
        self._centre = centre
        ga, gb = np.meshgrid([oa0, a0, a1, oa1], [ob0, b0, b1, ob1])  # grid point (row j, column i)
        self._rows[:, 0] = ga.ravel()
        self._rows[:, 1] = gb.ravel()
        memoryview(self._vdata.modify_array(0)).cast("B")[:] = self._rows.tobytes()
