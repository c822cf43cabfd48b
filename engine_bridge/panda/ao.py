"""Screen-space ambient occlusion of the embedded engine (the ``AO`` look feature): contact darkness where things
meet the ground and each other.

Three half-resolution passes run before the world is drawn, each an offscreen buffer on the world's GSG:

1. a depth pre-pass: a camera riding on the main one with the same lens draws the world depth-only (no shader,
   no colour writes; skinned bodies through a tag state, as for the sun's shadow camera);
2. ``ao.frag``: occlusion from those depths (Alchemy AO, a 4x4 screen-fixed pattern of sample spirals);
3. ``ao_blur.frag``: a depth-aware 4x4 average that removes the pattern.

The surface shader's ``AO`` variant then reads the blurred visibility at its own pixel (bilinear, half resolution)
and scales the sky light and environment reflections by it, never the sun or the lamps: a sunlit ground beside a
ball stays sunlit, the shade under it darkens. Nothing carries over between frames, so a still shot renders the
same pixels every frame (no shimmer) and any frame renders alone. The passes (depth, masks, flow) never see it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine_bridge.engine import EngineError

AO_MASK_BIT = 3  # camera bit of the depth pre-pass (0 main, 1 sun shadow, 2 passes)
AO_RADIUS = 0.6  # metres: about a ball's radius, the scale of contact shade
AO_STRENGTH = 2.0


@dataclass
class AmbientOcclusion:
    """The three buffers and the pre-pass camera; ``texture`` is the blurred visibility the surface shader reads."""

    buffers: list  # GraphicsOutput: depth pre-pass, occlusion, blur (their draw order)
    camera: object  # NodePath of the pre-pass camera
    card: object  # NodePath of the occlusion pass's screen card (it takes the lens each frame)
    texture: object  # Texture: blurred visibility, half resolution
    size: tuple[int, int]  # half resolution

    def set_projection(self, hfov: float, vfov: float, near: float, far: float) -> None:
        """This frame's lens (the field of view changes per frame) for turning depths into positions."""
        proj = (math.tan(math.radians(hfov) / 2), math.tan(math.radians(vfov) / 2), near, far)
        self.card.set_shader_input("u_proj", proj)

    def set_active(self, active: bool) -> None:
        """Draw the occlusion in the next ``render_frame`` or not (a passes-only frame needs none)."""
        for buf in self.buffers:
            buf.set_active(active)

    def close(self, graphics) -> None:
        """Release the buffers (the engine's GraphicsEngine owns them) and the pre-pass camera."""
        for buf in self.buffers:
            graphics.remove_window(buf)
        self.camera.remove_node()
        self.buffers = []


def _half_buffer(graphics, host, name: str, size: tuple[int, int], sort: int, depth: bool):  # -> GraphicsOutput
    """A half-resolution offscreen buffer on the world's GSG: 8-bit colour, and a 32-bit float depth if asked."""
    from panda3d.core import FrameBufferProperties, GraphicsPipe, WindowProperties

    fbp = FrameBufferProperties()
    fbp.set_rgb_color(True)
    fbp.set_rgba_bits(8, 8, 8, 8)
    fbp.set_depth_bits(32 if depth else 0)
    fbp.set_float_depth(depth)
    fbp.set_stencil_bits(0)
    fbp.set_multisamples(0)
    buf = graphics.make_output(host.get_pipe(), name, sort, fbp, WindowProperties.size(*size),
                               GraphicsPipe.BF_refuse_window | GraphicsPipe.BF_can_bind_color, host.get_gsg(), host)
    if buf is None:
        raise EngineError(f"panda3d: could not create the {size[0]}x{size[1]} {name} buffer; use a look without AO")
    return buf


def _screen_texture(buf, plane, name: str, linear: bool):  # -> Texture
    """A texture bound to ``buf``'s ``plane`` (colour or depth), nearest-filtered unless ``linear``."""
    from panda3d.core import GraphicsOutput, SamplerState, Texture

    tex = Texture(name)
    filt = SamplerState.FT_linear if linear else SamplerState.FT_nearest
    tex.set_minfilter(filt)
    tex.set_magfilter(filt)
    tex.set_wrap_u(SamplerState.WM_clamp)
    tex.set_wrap_v(SamplerState.WM_clamp)
    buf.add_render_texture(tex, GraphicsOutput.RTM_bind_or_copy, plane)
    return tex


def _card_pass(buf, shader, inputs: dict):  # -> NodePath of the card
    """A full-buffer card drawn through ``shader`` by an orthographic camera of its own scene."""
    from panda3d.core import Camera, CardMaker, NodePath, OrthographicLens

    root = NodePath(f"{buf.get_name()}-scene")
    maker = CardMaker(buf.get_name())
    maker.set_frame(-1, 1, -1, 1)
    card = root.attach_new_node(maker.generate())
    card.set_shader(shader)
    card.set_depth_test(False)
    card.set_depth_write(False)
    for k, v in inputs.items():
        card.set_shader_input(k, v)
    lens = OrthographicLens()
    lens.set_film_size(2, 2)
    lens.set_near_far(-1, 1)
    region = buf.make_display_region()
    region.set_camera(root.attach_new_node(Camera(f"{buf.get_name()}-camera", lens)))
    return card


def attach_ao(graphics, host, camera_np, lens, size: tuple[int, int], shaders: dict, skinned_depth) -> AmbientOcclusion:
    """The occlusion passes for the world seen by ``camera_np`` through ``lens`` at frame ``size``.

    ``shaders`` holds the compiled ``ao`` and ``blur`` card shaders, ``skinned_depth`` the SKINNED depth-only shader
    for skinned bodies.
    """
    from panda3d.core import (
        BitMask32,
        Camera,
        ColorWriteAttrib,
        GraphicsOutput,
        RenderState,
        ShaderAttrib,
    )

    from engine_bridge.panda.actors import SKIN_TAG

    half = ((size[0] + 1) // 2, (size[1] + 1) // 2)
    depth_buf = _half_buffer(graphics, host, "enginereel-ao-depth", half, -30, depth=True)
    depth = _screen_texture(depth_buf, GraphicsOutput.RTP_depth, "ao-depth", linear=False)
    cam = Camera("ao-depth-camera")
    cam.set_lens(lens)  # shared: the same projection every frame
    cam.set_camera_mask(BitMask32.bit(AO_MASK_BIT))
    no_colour = ColorWriteAttrib.make(ColorWriteAttrib.C_off)
    cam.set_initial_state(RenderState.make(ShaderAttrib.make_off(), no_colour, 1000))
    cam.set_tag_state_key(SKIN_TAG)
    cam.set_tag_state("1", RenderState.make(ShaderAttrib.make(skinned_depth, 1001), no_colour, 1001))
    camera = camera_np.attach_new_node(cam)
    region = depth_buf.make_display_region()
    region.set_camera(camera)
    region.set_clear_depth_active(True)
    region.set_clear_depth(1.0)

    occlusion_buf = _half_buffer(graphics, host, "enginereel-ao", half, -20, depth=False)
    occlusion = _screen_texture(occlusion_buf, GraphicsOutput.RTP_color, "ao-raw", linear=False)
    blur_buf = _half_buffer(graphics, host, "enginereel-ao-blur", half, -10, depth=False)
    visibility = _screen_texture(blur_buf, GraphicsOutput.RTP_color, "ao", linear=True)
    card = _card_pass(occlusion_buf, shaders["ao"], {"u_depth": depth, "u_ao_params": (AO_RADIUS, AO_STRENGTH)})
    _card_pass(blur_buf, shaders["blur"], {"u_ao": occlusion})
    return AmbientOcclusion([depth_buf, occlusion_buf, blur_buf], camera, card, visibility, half)
