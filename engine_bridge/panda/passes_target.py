"""The ground-truth render target of the embedded engine: one extra camera and float buffer in the same world.

A second camera rides on the main camera with the same lens. Its initial state swaps every shader for
``passes.vert/frag`` (by shader priority, so node shader inputs such as the instance id still flow
down), and it draws into a float FBO with two colour attachments and no multisampling:

* attachment 0: camera-space normal (OpenCV frame) and depth (metres along the optical axis);
* attachment 1: flow to the next frame (pixels), the point's depth in the next frame, instance id.

Everything is computed per fragment from exact transforms, never estimated from images.
"""

from __future__ import annotations

import numpy as np

from engine_bridge.engine import EngineError

PASSES_MASK_BIT = 2  # camera bit of the passes camera (0 = main camera, 1 = sun shadow camera)


def panda_matrix(column_major: np.ndarray):  # -> LMatrix4f
    """A numpy column-vector matrix (x' = A x) as the Panda matrix that GLSL sees as ``A``."""
    from panda3d.core import LMatrix4f

    return LMatrix4f(*np.asarray(column_major, dtype=np.float64).T.ravel().tolist())


class PassesTarget:
    """Float offscreen buffer plus camera that renders the ground-truth passes of a Panda3D world."""

    def __init__(self, graphics, host, camera_np, lens, size: tuple[int, int], shader,
                 clear_background: bool = True) -> None:
        """``clear_background=False`` when the world draws the background values itself (engine.py's passes sky)."""
        from panda3d.core import (
            BitMask32,
            Camera,
            ColorBlendAttrib,
            DepthWriteAttrib,
            FrameBufferProperties,
            GraphicsOutput,
            GraphicsPipe,
            RenderState,
            ShaderAttrib,
            Texture,
            WindowProperties,
        )

        width, height = size
        self.size = size
        fbp = FrameBufferProperties()
        fbp.set_float_color(True)
        fbp.set_rgba_bits(32, 32, 32, 32)
        fbp.set_aux_float(1)
        fbp.set_depth_bits(32)
        fbp.set_float_depth(True)  # and no stencil, which Panda would otherwise pack with the depth
        fbp.set_stencil_bits(0)
        fbp.set_multisamples(0)
        flags = GraphicsPipe.BF_refuse_window | GraphicsPipe.BF_can_bind_color
        buf = graphics.make_output(host.get_pipe(), "enginereel-passes", -1, fbp, WindowProperties.size(width, height),
                                   flags, host.get_gsg(), host)
        if buf is None:
            raise EngineError(f"panda3d: could not create a {width}x{height} float buffer for the passes "
                              "(the GL driver lacks float render targets); render without --passes")
        self.geometry = Texture("passes-geometry")
        self.motion = Texture("passes-motion")
        for tex in (self.geometry, self.motion):
            tex.set_format(Texture.F_rgba32)
        buf.add_render_texture(self.geometry, GraphicsOutput.RTM_copy_ram, GraphicsOutput.RTP_color)
        buf.add_render_texture(self.motion, GraphicsOutput.RTM_copy_ram, GraphicsOutput.RTP_aux_float_0)
        # Background pixels are cleared to their final values (infinite depths, zero flow, id 0), so reading a
        # pass back is one copy with no per-pixel fix-up (float targets do not clamp clear colours).
        inf = float("inf")
        buf.set_clear_color_active(clear_background)
        buf.set_clear_color((0, 0, 0, inf))
        buf.set_clear_active(GraphicsOutput.RTP_aux_float_0, clear_background)
        buf.set_clear_value(GraphicsOutput.RTP_aux_float_0, (0, 0, inf, 0))
        buf.set_clear_depth_active(True)
        cam = Camera("passes-camera")
        cam.set_lens(lens)
        cam.set_camera_mask(BitMask32.bit(PASSES_MASK_BIT))
        # Shader priority (not an attribute override) so per-node shader inputs still compose below it. Blending and
        # depth writes are overridden: glass blends and skips depth writes in the colour frame, but the passes must
        # write its exact values (a blended id or depth would be neither the glass nor what is behind it).
        state = RenderState.make(ShaderAttrib.make(shader, 1000))
        state = state.set_attrib(ColorBlendAttrib.make_off(), 1000)
        state = state.set_attrib(DepthWriteAttrib.make(DepthWriteAttrib.M_on), 1000)
        cam.set_initial_state(state)
        self.camera = camera_np.attach_new_node(cam)
        region = buf.make_display_region()
        region.set_camera(self.camera)
        self.buffer = buf
        self.graphics = graphics

    def set_active(self, active: bool) -> None:
        """Draw the passes in the next ``render_frame`` or not."""
        self.buffer.set_active(active)

    def _view(self, tex) -> np.ndarray:
        """A bottom-up-corrected *view* (H, W, 4) of the texture in Panda's BGRA component order (no copy)."""
        w, h = self.size
        img = np.frombuffer(memoryview(tex.get_ram_image()), dtype=np.float32)
        if img.size != w * h * 4:
            raise EngineError(f"panda3d: passes read back {img.size} floats, expected {w * h * 4}")
        return img.reshape(h, w, 4)[::-1]

    def _copy(self, tex) -> np.ndarray:
        """An upright copy (H, W, 4) of the texture (Panda reuses its RAM image for the next frame)."""
        return np.ascontiguousarray(self._view(tex))

    def read(self, passes: set[str]) -> dict[str, np.ndarray]:
        """The named passes of the last drawn frame as numpy arrays (see Engine.render_passes).

        Each target is copied once and the passes are strided views into that copy: per-channel copies,
        flips and background fix-ups cost more than the second geometry pass itself (measured at 720p).
        Background pixels already hold their final values (see the clear values in ``__init__``).
        """
        out: dict[str, np.ndarray] = {}
        if passes & {"depth", "normals", "flow"}:
            geo = self._copy(self.geometry)  # B, G, R, A = normal z, normal y, normal x, depth
            if passes & {"depth", "flow"}:
                out["depth"] = geo[..., 3]
            if "normals" in passes:
                out["normals"] = geo[..., 2::-1]
        if passes & {"mask", "flow"}:
            # B, G, R, A = next depth, flow v, flow u, instance id
            motion = self._copy(self.motion) if "flow" in passes else self._view(self.motion)
            if "mask" in passes:
                out["mask"] = motion[..., 3].astype(np.int32)  # ids are exact small integers in float32
            if "flow" in passes:
                out["flow"] = motion[..., 2:0:-1]
                out["flow_depth"] = motion[..., 0]
        return out

    def close(self) -> None:
        """Release the buffer (the engine's GraphicsEngine owns it)."""
        if self.buffer is not None:
            self.graphics.remove_window(self.buffer)
            self.camera.remove_node()
            self.buffer = None
