"""Screen-space post-processing of the embedded engine: FXAA in rectangles around the actors.

Under llvmpipe 4x MSAA costs the frame almost double (every sample is shaded); FXAA is a post pass. Only
the actors' (and lamp posts') edges need it: the checker ground is box-filtered in its shader, textured
grounds are mipmapped and the sky is smooth. So the world frame is read back as it is drawn, and a second
buffer runs FXAA only in rectangles fitted every frame around the actors on screen (drawn as one mesh of
quads in a display region that bounds them); their pixels, read back on their own, replace those of the
frame. Under llvmpipe FXAA costs ~9 ns a pixel even where nothing changes (both sides of a branch run),
so a full-frame pass was a quarter of a 720p frame. The world shader marks actor pixels in alpha and FXAA
only changes pixels next to one, so the rectangles decide the cost, never the picture
(tests/engine_bridge/test_panda_regions.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from engine_bridge.engine import EngineError

Rect = tuple[int, int, int, int]  # x0, y0, x1, y1: pixels [x0, x1) × [y0, y1) of the frame, y down


def _area(r: Rect) -> int:
    return (r[2] - r[0]) * (r[3] - r[1])


def merge_rects(rects: list[Rect], most: int = 24) -> list[Rect]:
    """Fewer rectangles covering ``rects``: two become their union where that covers no more pixels than both.

    Overlapping rectangles that stay apart are drawn twice where they overlap (the same pixels twice).
    Past ``most`` rectangles (a crowd), the one rectangle bounding them all.
    """
    out = [r for r in rects if r[2] > r[0] and r[3] > r[1]]
    if len(out) > most:
        return [(min(r[0] for r in out), min(r[1] for r in out), max(r[2] for r in out), max(r[3] for r in out))]
    merged = True
    while merged:
        merged = False
        for i in range(len(out)):
            for j in range(i + 1, len(out)):
                a, b = out[i], out[j]
                union = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                if _area(union) <= _area(a) + _area(b):
                    out[i] = union
                    del out[j]
                    merged = True
                    break
            if merged:
                break
    return out


@dataclass
class FxaaPass:
    """The FXAA buffer, its display region (bounding the rectangles), the card of quads and the region's RAM copy."""

    buffer: object  # GraphicsOutput
    texture: object  # Texture (RTM_copy_ram of the region only: the overlay region follows it)
    region: object  # DisplayRegion drawing the card
    card: object  # GeomNode holding one quad per rectangle
    root: object  # NodePath of the card's scene
    size: tuple[int, int]
    scene: object = None  # Texture bound to the world's colour (what FXAA reads; refracting glass too)
    rects: list[Rect] = field(default_factory=list)
    bounds: Rect = (0, 0, 0, 0)
    quads: object = None  # GeomVertexData of the card's quads (rewritten in place while their number stays)

    def set_rects(self, rects: list[Rect]) -> None:
        """Run FXAA on these rectangles of the frame (overlaps are drawn twice); none runs nothing."""
        from panda3d.core import Geom, GeomTriangles, GeomVertexData, GeomVertexFormat

        rects = [r for r in rects if r[2] > r[0] and r[3] > r[1]]
        if rects == self.rects:
            return  # same region, same quads: nothing to rebuild
        self.rects = rects
        if not self.rects:
            self.bounds = (0, 0, 0, 0)
            return
        bx0, by0 = min(r[0] for r in self.rects), min(r[1] for r in self.rects)
        bx1, by1 = max(r[2] for r in self.rects), max(r[3] for r in self.rects)
        w, h = self.size
        # The region's size in steps of 64 pixels: Panda reallocates the read-back image whenever its size
        # changes, and a new image every frame cost ~1 ms of page faults on the main thread.
        bw, bh = min(-(-(bx1 - bx0) // 64) * 64, w), min(-(-(by1 - by0) // 64) * 64, h)
        bx0, by0 = min(bx0, w - bw), min(by0, h - bh)
        bx1, by1 = bx0 + bw, by0 + bh
        if (bx0, by0, bx1, by1) != self.bounds:
            self.bounds = (bx0, by0, bx1, by1)
            dims = (bx0 / w, bx1 / w, (h - by1) / h, (h - by0) / h)  # display regions count rows bottom-up
            self.region.set_dimensions(*dims)
            self.buffer.get_overlay_display_region().set_dimensions(*dims)
        # Each rectangle as a quad in the region's [-1, 1]² (x right, z up: image rows run down).
        bw, bh = bx1 - bx0, by1 - by0
        corners = []
        for x0, y0, x1, y1 in self.rects:
            u0, u1 = 2 * (x0 - bx0) / bw - 1, 2 * (x1 - bx0) / bw - 1
            z0, z1 = 1 - 2 * (y1 - by0) / bh, 1 - 2 * (y0 - by0) / bh
            corners += [(u0, 0.0, z0), (u1, 0.0, z0), (u1, 0.0, z1), (u0, 0.0, z1)]
        quads = np.asarray(corners, dtype=np.float32)
        if self.quads is not None and self.quads.get_num_rows() == len(quads):
            # as many quads as last frame (actors moving): only their corners change, the triangles stay
            memoryview(self.quads.modify_array(0)).cast("B")[:] = memoryview(quads).cast("B")
            return
        vdata = GeomVertexData("fxaa-quads", GeomVertexFormat.get_v3(), Geom.UH_stream)
        vdata.unclean_set_num_rows(4 * len(self.rects))
        memoryview(vdata.modify_array(0)).cast("B")[:] = memoryview(quads).cast("B")
        self.quads = vdata
        prim = GeomTriangles(Geom.UH_stream)
        for k in range(len(self.rects)):
            prim.add_vertices(4 * k, 4 * k + 1, 4 * k + 2)
            prim.add_vertices(4 * k, 4 * k + 2, 4 * k + 3)
        geom = Geom(vdata)
        geom.add_primitive(prim)
        self.card.remove_all_geoms()
        self.card.add_geom(geom)

    def set_active(self, active: bool) -> None:
        """Draw the rectangles in the next ``render_frame`` (never when there are none)."""
        self.buffer.set_active(active and bool(self.rects))

    @property
    def drawn(self) -> bool:
        """Whether the last frame drew rectangles (the buffer was active)."""
        return bool(self.buffer.is_active())


def attach_fxaa(graphics, host, scene_buffer, size: tuple[int, int], shader) -> FxaaPass:
    """A buffer that draws ``scene_buffer``'s colour through the FXAA ``shader`` in rectangles set per frame."""
    from panda3d.core import (
        Camera,
        FrameBufferProperties,
        GeomNode,
        GraphicsOutput,
        GraphicsPipe,
        NodePath,
        OrthographicLens,
        SamplerState,
        Texture,
        WindowProperties,
    )

    width, height = size
    scene_tex = Texture("scene")
    scene_tex.set_minfilter(SamplerState.FT_nearest)
    scene_tex.set_magfilter(SamplerState.FT_nearest)
    # A second texture on the world's colour, bound rather than copied; the world buffer keeps its RAM copy.
    scene_buffer.add_render_texture(scene_tex, GraphicsOutput.RTM_bind_or_copy, GraphicsOutput.RTP_color)

    fbp = FrameBufferProperties()
    fbp.set_rgb_color(True)
    fbp.set_rgba_bits(8, 8, 8, 8)  # the same layout as the world buffer: the read-back is a plain copy
    fbp.set_depth_bits(0)
    post = graphics.make_output(host.get_pipe(), "enginereel-fxaa", 10, fbp, WindowProperties.size(width, height),
                                GraphicsPipe.BF_refuse_window | GraphicsPipe.BF_can_bind_color,
                                host.get_gsg(), host)
    if post is None:
        raise EngineError("panda3d: could not create the FXAA buffer; render with fxaa=False")
    out = Texture("fxaa-region")
    post.add_render_texture(out, GraphicsOutput.RTM_copy_ram, GraphicsOutput.RTP_color)

    root = NodePath("post")
    card = GeomNode("fxaa-card")
    quad = root.attach_new_node(card)
    quad.set_two_sided(True)
    quad.set_shader(shader)
    quad.set_shader_input("u_scene", scene_tex)
    quad.set_depth_test(False)
    quad.set_depth_write(False)
    lens = OrthographicLens()
    lens.set_film_size(2, 2)
    lens.set_near_far(-1, 1)
    cam_np = root.attach_new_node(Camera("post-camera", lens))
    region = post.make_display_region()
    region.set_camera(cam_np)
    post.set_active(False)
    return FxaaPass(post, out, region, card, root, (width, height), scene_tex)


GLASS_MASK_BIT = 5  # camera bit of the camera that draws refracting glass into the FXAA buffer


def attach_refraction(post: FxaaPass, scene_buffer, camera_np, lens) -> tuple:
    """Draw glass after FXAA, into the FXAA buffer, so that it can read the world's frame behind it (refraction).

    The world frame is drawn without glass (the main camera does not see it); a camera riding on the main one with
    the same lens draws the glass nodes (shown to ``GLASS_MASK_BIT``) over the anti-aliased rectangles, in a display
    region of the whole frame after the FXAA card. Glass is an actor, so its pixels lie inside the rectangles that
    are read back. That buffer has no depth: the glass shader's REFRACT variant tests the world's depth, bound here
    as ``u_world_depth``, itself. Returns the glass camera's NodePath and that depth texture.
    """
    from panda3d.core import BitMask32, Camera, GraphicsOutput, SamplerState, Texture

    depth = Texture("world-depth")
    depth.set_minfilter(SamplerState.FT_nearest)
    depth.set_magfilter(SamplerState.FT_nearest)
    scene_buffer.add_render_texture(depth, GraphicsOutput.RTM_bind_or_copy, GraphicsOutput.RTP_depth)
    cam = Camera("glass-camera")
    cam.set_lens(lens)
    cam.set_camera_mask(BitMask32.bit(GLASS_MASK_BIT))
    camera = camera_np.attach_new_node(cam)
    region = post.buffer.make_display_region()
    region.set_sort(1)  # after the FXAA card
    region.set_camera(camera)
    return camera, depth
