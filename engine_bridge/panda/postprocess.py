"""Screen-space post-processing of the embedded engine: the FXAA pass.

The world is drawn without multisampling into a texture; a second buffer draws it again through a
full-screen card, and that is what is read back (upside down and in BGR order, so the RAM copy is an
upright RGB image). Under llvmpipe 4x MSAA costs the frame almost double (every sample is shaded); FXAA
is one full-screen pass. The surfaces that need it are the actors' (and lamp posts'): the checker ground
is box-filtered in its shader, textured grounds are mipmapped and the sky is smooth. The world shader
marks actor pixels in alpha, FXAA only changes pixels next to one, and the card is a SplitGrid whose
centre cell, fitted every frame around the actors on screen, runs FXAA while the ring around it only
copies: the same image as FXAA over the whole frame, at the cost of a copy where there are no actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine_bridge.engine import EngineError
from engine_bridge.panda.grid import SplitGrid


@dataclass
class FxaaPass:
    """The FXAA buffer, the RAM texture it is read back through, and the card whose centre runs FXAA."""

    buffer: object  # GraphicsOutput
    texture: object  # Texture (RTM_copy_ram)
    root: object  # NodePath of the card's scene
    card: SplitGrid
    size: tuple[int, int]

    def set_window(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """Run FXAA on the pixels in [x0, x1) × [y0, y1) (image pixels, y down) and copy the rest."""
        w, h = self.size
        # The card spans [-1, 1]²; its z runs down the image because the pass writes the frame upside down.
        self.card.set_centre(2 * x0 / w - 1, 2 * y0 / h - 1, 2 * x1 / w - 1, 2 * y1 / h - 1)

    def set_full(self) -> None:
        """FXAA over the whole frame (no window)."""
        self.card.set_centre(-1.0, -1.0, 1.0, 1.0)


def attach_fxaa(graphics, host, scene_buffer, size: tuple[int, int], fxaa_shader, copy_shader) -> FxaaPass:
    """Route ``scene_buffer``'s colour through FXAA (``fxaa_shader`` in the window, ``copy_shader`` around it)."""
    from panda3d.core import (
        Camera,
        FrameBufferProperties,
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
    scene_tex.set_wrap_u(SamplerState.WM_clamp)
    scene_tex.set_wrap_v(SamplerState.WM_clamp)
    scene_buffer.add_render_texture(scene_tex, GraphicsOutput.RTM_bind_or_copy, GraphicsOutput.RTP_color)

    fbp = FrameBufferProperties()
    fbp.set_rgb_color(True)
    fbp.set_rgba_bits(8, 8, 8, 8)
    fbp.set_depth_bits(0)
    post = graphics.make_output(host.get_pipe(), "enginereel-fxaa", 10, fbp, WindowProperties.size(width, height),
                                GraphicsPipe.BF_refuse_window | GraphicsPipe.BF_can_bind_color,
                                host.get_gsg(), host)
    if post is None:
        raise EngineError("panda3d: could not create the FXAA buffer; render with fxaa=False")
    out = Texture("frame")
    post.add_render_texture(out, GraphicsOutput.RTM_copy_ram, GraphicsOutput.RTP_color)

    root = NodePath("post")
    card = SplitGrid("fxaa-card", (-1.0, -1.0, 1.0, 1.0), plane="xz")
    for part, shader in ((card.centre, fxaa_shader), (card.ring, copy_shader)):
        part.reparent_to(root)
        part.set_shader(shader)
        part.set_shader_input("u_scene", scene_tex)
        part.set_depth_test(False)
        part.set_depth_write(False)
        part.set_two_sided(True)
    lens = OrthographicLens()
    lens.set_film_size(2, 2)
    lens.set_near_far(-1, 1)
    cam = Camera("post-camera", lens)
    cam_np = root.attach_new_node(cam)
    region = post.make_display_region()
    region.set_camera(cam_np)
    return FxaaPass(post, out, root, card, (width, height))
