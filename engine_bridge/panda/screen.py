"""Screen-space passes that run before the world is drawn (ambient occlusion, bloom): offscreen buffers on the
world's GSG, textures bound to them, and full-buffer cards drawn through a shader."""

from __future__ import annotations

from dataclasses import dataclass

from engine_bridge.engine import EngineError


@dataclass
class ScreenPasses:
    """A chain of pre-pass buffers (in draw order) fed by ``camera``; ``texture`` is what the surfaces read."""

    buffers: list  # GraphicsOutput
    camera: object  # NodePath of the pre-pass camera
    texture: object  # Texture: the chain's result
    size: tuple[int, int]  # its resolution

    def set_active(self, active: bool) -> None:
        """Draw the chain in the next ``render_frame`` or not (a passes-only frame needs none)."""
        for buf in self.buffers:
            buf.set_active(active)

    def close(self, graphics) -> None:
        """Release the buffers (the engine's GraphicsEngine owns them) and the pre-pass camera."""
        for buf in self.buffers:
            graphics.remove_window(buf)
        self.camera.remove_node()
        self.buffers = []


def offscreen_buffer(graphics, host, name: str, size: tuple[int, int], sort: int, depth: bool,
                     hdr: bool = False):  # -> GraphicsOutput
    """An offscreen buffer on the world's GSG drawn before it (``sort`` < 0): 8-bit colour (16-bit float if
    ``hdr``), and a 32-bit float depth if asked."""
    from panda3d.core import FrameBufferProperties, GraphicsPipe, WindowProperties

    fbp = FrameBufferProperties()
    fbp.set_rgb_color(True)
    fbp.set_float_color(hdr)
    fbp.set_rgba_bits(*((16, 16, 16, 16) if hdr else (8, 8, 8, 8)))
    fbp.set_depth_bits(32 if depth else 0)
    fbp.set_float_depth(depth)
    fbp.set_stencil_bits(0)
    fbp.set_multisamples(0)
    buf = graphics.make_output(host.get_pipe(), name, sort, fbp, WindowProperties.size(*size),
                               GraphicsPipe.BF_refuse_window | GraphicsPipe.BF_can_bind_color, host.get_gsg(), host)
    if buf is None:
        raise EngineError(f"panda3d: could not create the {size[0]}x{size[1]} {name} buffer; "
                          "use the fast or default look")
    return buf


def bound_texture(buf, plane, name: str, linear: bool):  # -> Texture
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


def card_pass(buf, shader, inputs: dict):  # -> NodePath of the card
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


def prepass_camera(buf, camera_np, lens, mask_bit: int, state, tag_key: str, tag_states: dict,
                   clear_colour: bool = False):  # -> NodePath
    """A camera riding on ``camera_np`` with the same ``lens`` (so the same projection every frame) that draws the
    world into ``buf`` in its initial render ``state``, nodes tagged ``tag_key`` in ``tag_states[value]``, the
    depth (and the colour, to black) cleared each frame. It sees the nodes not hidden from camera bit ``mask_bit``."""
    from panda3d.core import BitMask32, Camera

    cam = Camera(f"{buf.get_name()}-camera")
    cam.set_lens(lens)
    cam.set_camera_mask(BitMask32.bit(mask_bit))
    cam.set_initial_state(state)
    cam.set_tag_state_key(tag_key)
    for value, tag_state in tag_states.items():
        cam.set_tag_state(value, tag_state)
    camera = camera_np.attach_new_node(cam)
    region = buf.make_display_region()
    region.set_camera(camera)
    region.set_clear_depth_active(True)
    region.set_clear_depth(1.0)
    region.set_clear_color_active(clear_colour)
    region.set_clear_color((0.0, 0.0, 0.0, 0.0))
    return camera
