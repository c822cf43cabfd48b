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

from engine_bridge.panda.screen import ScreenPasses, bound_texture, card_pass, offscreen_buffer, prepass_camera

AO_MASK_BIT = 3  # camera bit of the depth pre-pass (0 main, 1 sun shadow, 2 passes)
AO_RADIUS = 0.6  # metres: about a ball's radius, the scale of contact shade
AO_STRENGTH = 2.0


@dataclass
class AmbientOcclusion(ScreenPasses):
    """Depth pre-pass, occlusion and blur buffers; ``texture`` is the blurred visibility (half resolution)."""

    card: object = None  # NodePath of the occlusion pass's screen card (it takes the lens each frame)

    def set_projection(self, hfov: float, vfov: float, near: float, far: float) -> None:
        """This frame's lens (the field of view changes per frame) for turning depths into positions."""
        proj = (math.tan(math.radians(hfov) / 2), math.tan(math.radians(vfov) / 2), near, far)
        self.card.set_shader_input("u_proj", proj)


def attach_ao(graphics, host, camera_np, lens, size: tuple[int, int], shaders: dict, skinned_depth) -> AmbientOcclusion:
    """The occlusion passes for the world seen by ``camera_np`` through ``lens`` at frame ``size``.

    ``shaders`` holds the compiled ``ao`` and ``blur`` card shaders, ``skinned_depth`` the SKINNED depth-only shader
    for skinned bodies.
    """
    from panda3d.core import ColorWriteAttrib, GraphicsOutput, RenderState, ShaderAttrib

    from engine_bridge.panda.actors import SKIN_TAG

    half = ((size[0] + 1) // 2, (size[1] + 1) // 2)
    depth_buf = offscreen_buffer(graphics, host, "enginereel-ao-depth", half, -30, depth=True)
    depth = bound_texture(depth_buf, GraphicsOutput.RTP_depth, "ao-depth", linear=False)
    no_colour = ColorWriteAttrib.make(ColorWriteAttrib.C_off)
    camera = prepass_camera(depth_buf, camera_np, lens, AO_MASK_BIT,
                            RenderState.make(ShaderAttrib.make_off(), no_colour, 1000), SKIN_TAG,
                            {"1": RenderState.make(ShaderAttrib.make(skinned_depth, 1001), no_colour, 1001)})

    occlusion_buf = offscreen_buffer(graphics, host, "enginereel-ao", half, -20, depth=False)
    occlusion = bound_texture(occlusion_buf, GraphicsOutput.RTP_color, "ao-raw", linear=False)
    blur_buf = offscreen_buffer(graphics, host, "enginereel-ao-blur", half, -10, depth=False)
    visibility = bound_texture(blur_buf, GraphicsOutput.RTP_color, "ao", linear=True)
    card = card_pass(occlusion_buf, shaders["ao"], {"u_depth": depth, "u_ao_params": (AO_RADIUS, AO_STRENGTH)})
    card_pass(blur_buf, shaders["blur"], {"u_ao": occlusion})
    return AmbientOcclusion([depth_buf, occlusion_buf, blur_buf], camera, visibility, half, card)
