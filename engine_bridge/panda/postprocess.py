"""Screen-space post-processing of the embedded engine: the FXAA pass.

The world is drawn without multisampling into a texture; a second buffer draws one full-screen card
through ``fxaa.frag`` and that is what is read back. Under llvmpipe 4x MSAA costs the frame almost
double (every sample is shaded), FXAA one cheap full-screen pass.
"""

from __future__ import annotations

from engine_bridge.engine import EngineError


def attach_fxaa(graphics, host, scene_buffer, size: tuple[int, int], shader):  # -> (GraphicsOutput, Texture, root)
    """Route ``scene_buffer``'s colour through FXAA; returns the post buffer, its RAM texture and its scene."""
    from panda3d.core import (
        Camera,
        CardMaker,
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
    scene_tex.set_minfilter(SamplerState.FT_linear)
    scene_tex.set_magfilter(SamplerState.FT_linear)
    scene_tex.set_wrap_u(SamplerState.WM_clamp)
    scene_tex.set_wrap_v(SamplerState.WM_clamp)
    scene_buffer.add_render_texture(scene_tex, GraphicsOutput.RTM_bind_or_copy, GraphicsOutput.RTP_color)

    fbp = FrameBufferProperties()
    fbp.set_rgb_color(True)
    fbp.set_rgba_bits(8, 8, 8, 0)
    fbp.set_depth_bits(0)
    post = graphics.make_output(host.get_pipe(), "enginereel-fxaa", 10, fbp, WindowProperties.size(width, height),
                                GraphicsPipe.BF_refuse_window | GraphicsPipe.BF_can_bind_color,
                                host.get_gsg(), host)
    if post is None:
        raise EngineError("panda3d: could not create the FXAA buffer; render with fxaa=False")
    out = Texture("frame")
    post.add_render_texture(out, GraphicsOutput.RTM_copy_ram, GraphicsOutput.RTP_color)

    root = NodePath("post")
    card = CardMaker("fullscreen")
    card.set_frame(-1, 1, -1, 1)
    quad = root.attach_new_node(card.generate())
    quad.set_shader(shader)
    quad.set_shader_input("u_scene", scene_tex)
    quad.set_depth_test(False)
    quad.set_depth_write(False)
    lens = OrthographicLens()
    lens.set_film_size(2, 2)
    lens.set_near_far(-1, 1)
    cam = Camera("post-camera", lens)
    cam_np = root.attach_new_node(cam)
    region = post.make_display_region()
    region.set_camera(cam_np)
    return post, out, root
