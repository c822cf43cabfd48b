"""Bloom of the embedded engine (the ``BLOOM`` look feature): the glow round the sun's disc and emissive lamps.

The light of very bright things spills over its neighbours in a lens and an eye. Only what is brighter than the
display can show glows: the sun's disc and emissive surfaces (lamp heads, the ``emissive`` finish) above 1 after
exposure. Three quarter-resolution passes run before the world is drawn, each a 16-bit float buffer on the world's
GSG (``screen.py``):

1. a source pass: a camera riding on the main one with the same lens draws the world with ``bloom_source.frag``
   (emission above 1, every other surface black, so walls hide lamps behind them) and the sky dome with
   ``bloom_sky.frag`` (the sun's disc, through the tag state; skinned bodies likewise with their SKINNED variant);
2. and 3. a separable Gaussian blur, across then down.

The surface and sky shaders' ``BLOOM`` variant adds the blurred light at their pixel (bilinear) times a strength
before the tone curve, so the glow desaturates to white through AgX as the sun's disc does. Glass and weather are
not sources and add none (what is behind glass already has it). Nothing carries over between frames, and the
passes never see it.
"""

from __future__ import annotations

from engine_bridge.panda.screen import ScreenPasses, bound_texture, card_pass, offscreen_buffer, prepass_camera

BLOOM_MASK_BIT = 4  # camera bit of the source pass (0 main, 1 sun shadow, 2 passes, 3 ambient occlusion)
BLOOM_SKY_TAG = "sky"  # the sky dome's value of the tag key the pre-pass cameras switch shaders by
BLOOM_STRENGTH = 0.25  # share of a source's light spread into its glow
BLOOM_SIGMA = 5.0  # quarter-resolution texels: ~20 pixels of the frame


def attach_bloom(graphics, host, camera_np, lens, size: tuple[int, int], shaders: dict) -> ScreenPasses:
    """The bloom passes for the world seen by ``camera_np`` through ``lens`` at frame ``size``: sources, blur across,
    blur down; the texture is the glow (quarter resolution, linear HDR). ``shaders`` holds the compiled ``source``,
    ``sky``, ``skinned`` (source, SKINNED) and ``blur`` shaders."""
    from panda3d.core import GraphicsOutput, RenderState, ShaderAttrib

    from engine_bridge.panda.actors import SKIN_TAG

    quarter = ((size[0] + 3) // 4, (size[1] + 3) // 4)
    source_buf = offscreen_buffer(graphics, host, "enginereel-bloom-source", quarter, -29, depth=True, hdr=True)
    source = bound_texture(source_buf, GraphicsOutput.RTP_color, "bloom-source", linear=False)
    camera = prepass_camera(source_buf, camera_np, lens, BLOOM_MASK_BIT,
                            RenderState.make(ShaderAttrib.make(shaders["source"], 1000)), SKIN_TAG,
                            {"1": RenderState.make(ShaderAttrib.make(shaders["skinned"], 1001)),
                             BLOOM_SKY_TAG: RenderState.make(ShaderAttrib.make(shaders["sky"], 1001))},
                            clear_colour=True)
    across_buf = offscreen_buffer(graphics, host, "enginereel-bloom-across", quarter, -28, depth=False, hdr=True)
    across = bound_texture(across_buf, GraphicsOutput.RTP_color, "bloom-across", linear=False)
    down_buf = offscreen_buffer(graphics, host, "enginereel-bloom-down", quarter, -27, depth=False, hdr=True)
    glow = bound_texture(down_buf, GraphicsOutput.RTP_color, "bloom", linear=True)
    card_pass(across_buf, shaders["blur"], {"u_source": source, "u_step": (1.0, 0.0)})
    card_pass(down_buf, shaders["blur"], {"u_source": across, "u_step": (0.0, 1.0)})
    return ScreenPasses([source_buf, across_buf, down_buf], camera, glow, quarter)
