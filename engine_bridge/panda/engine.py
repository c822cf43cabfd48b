"""The embedded engine: Panda3D rendering offscreen through EGL (or its software renderer).

One consistent world is built once per timeline; each frame only moves actor and camera nodes,
renders, and reads the pixels back. The project's own GLSL does the shading (Panda's auto-shader
does not work under EGL here), with compile-time variants instead of runtime branches.
"""

from __future__ import annotations

import math
import sys
from importlib import resources

import numpy as np

from engine_bridge.engine import Engine, EngineError, EngineInfo
from scenes import FrameState, Timeline
from scenes.colors import parse_colour, srgb_to_linear
from scenes.environment import GROUND_MATERIALS, SKY_PRESETS
from scenes.geometry import Mesh

GROUND_EXTENT = 600.0  # metres; fog hides the edge
SHADOW_MASK_BIT = 1

_PRC = """
load-display p3headlessgl
aux-display p3tinydisplay
window-type offscreen
egl-device-index 0
notify-level-device fatal
notify-level-display error
notify-level-glgsg error
notify-level-gobj error
audio-library-name null
sync-video false
textures-power-2 none
framebuffer-srgb false
gl-coordinate-system default
"""

_configured = False


def _configure() -> None:
    """Load Panda3D's settings once per process (Panda reads its configuration globally)."""
    global _configured
    if not _configured:
        from panda3d.core import loadPrcFileData

        loadPrcFileData("enginereel", _PRC)
        _configured = True


def _shader_source(name: str, defines: dict[str, object]) -> str:
    text = resources.files("engine_bridge.panda").joinpath("shaders", name).read_text()
    common = resources.files("engine_bridge.panda").joinpath("shaders", "common.glsl").read_text()
    head, _, body = text.partition("\n")
    lines = [head] + [f"#define {k} {v}" for k, v in defines.items()]
    if name.endswith(".frag"):
        lines.append(common)
    return "\n".join(lines) + "\n" + body


def geom_node(name: str, m: Mesh):  # -> panda3d.core.GeomNode
    """Turn a numpy mesh into a Panda3D GeomNode (vertex data copied in bulk, not per vertex)."""
    from panda3d.core import Geom, GeomNode, GeomTriangles, GeomVertexData, GeomVertexFormat

    vdata = GeomVertexData(name, GeomVertexFormat.get_v3n3(), Geom.UH_static)
    vdata.unclean_set_num_rows(len(m.vertices))
    interleaved = np.ascontiguousarray(np.hstack([m.vertices, m.normals]).astype(np.float32))
    memoryview(vdata.modify_array(0)).cast("B")[:] = interleaved.tobytes()
    prim = GeomTriangles(Geom.UH_static)
    prim.set_index_type(Geom.NT_uint32)
    handle = prim.modify_vertices()
    handle.unclean_set_num_rows(m.triangles.size)
    memoryview(handle).cast("B")[:] = np.ascontiguousarray(m.triangles, dtype=np.uint32).tobytes()
    geom = Geom(vdata)
    geom.add_primitive(prim)
    node = GeomNode(name)
    node.add_geom(geom)
    return node


class PandaEngine(Engine):
    """Renders timelines with Panda3D offscreen. ``software=True`` forces the (unshaded) software renderer."""

    def __init__(self, msaa: int = 4, shadow_size: int = 2048, software: bool = False, anisotropy: int = 1) -> None:
        self._msaa = msaa
        self._anisotropy = anisotropy
        self._shadow_size = shadow_size
        self._force_software = software
        self._graphics = None
        self._buffer = None
        self._tex = None
        self._root = None
        self._actor_nodes: list = []
        self._camera = None
        self._lens = None
        self._sky = None
        self._info = EngineInfo("panda3d", "not opened", "")
        self._size = (0, 0)

    @property
    def info(self) -> EngineInfo:
        """Engine name, GL renderer string and Panda3D version."""
        return self._info

    # --- set-up -----------------------------------------------------------------------------------

    def _make_pipe(self):  # -> GraphicsPipe
        from panda3d.core import GraphicsPipeSelection

        selection = GraphicsPipeSelection.get_global_ptr()
        pipe = None
        if not self._force_software:
            try:
                pipe = selection.make_module_pipe("p3headlessgl")
            except Exception:
                pipe = None
            if pipe is None or not pipe.is_valid():
                print("warning: EGL is not available; using Panda3D's software renderer (no shaders, no shadows)",
                      file=sys.stderr)
                pipe = None
        if pipe is None:
            # Panda's software rasteriser, offscreen (its default pipe would want an X display); it
            # cannot do non-power-of-two textures, so let Panda pad them rather than complain.
            from panda3d.core import loadPrcFileData

            page = loadPrcFileData("enginereel-software", "textures-power-2 up")
            pipe = selection.make_pipe("TinyOffscreenGraphicsPipe", "p3tinydisplay")
            self._software_page = page  # unloaded after open(): the setting is process-wide
        if pipe is None or not pipe.is_valid():
            raise EngineError("panda3d: no graphics pipe could be created (neither EGL nor the software renderer)")
        return pipe

    def _make_buffer(self, pipe, width: int, height: int):
        from panda3d.core import (
            FrameBufferProperties,
            GraphicsEngine,
            GraphicsOutput,
            GraphicsPipe,
            Texture,
            WindowProperties,
        )

        graphics = GraphicsEngine(pipe)
        host = None
        fbp = FrameBufferProperties()
        fbp.set_rgb_color(True)
        fbp.set_rgba_bits(8, 8, 8, 0)
        fbp.set_depth_bits(24)
        software = pipe.get_interface_name() != "OpenGL"
        if self._msaa > 1 and not software:
            fbp.set_multisamples(self._msaa)
        flags = GraphicsPipe.BF_refuse_window
        if not software:
            # An FBO on a tiny host pbuffer: FBOs support multisampling, pbuffers often do not.
            host_fbp = FrameBufferProperties()
            host = graphics.make_output(pipe, "host", -100, host_fbp, WindowProperties.size(1, 1), flags)
            flags |= GraphicsPipe.BF_can_bind_color | GraphicsPipe.BF_size_track_host * 0
        buf = graphics.make_output(
            pipe, "enginereel", 0, fbp, WindowProperties.size(width, height), flags,
            host.get_gsg() if host else None, host,
        )
        if buf is None and self._msaa > 1:
            fbp.set_multisamples(0)
            buf = graphics.make_output(
                pipe, "enginereel", 0, fbp, WindowProperties.size(width, height), flags,
                host.get_gsg() if host else None, host,
            )
        if buf is None:
            raise EngineError(f"panda3d: could not create a {width}x{height} offscreen buffer on {pipe.get_type()}")
        tex = Texture("frame")
        buf.add_render_texture(tex, GraphicsOutput.RTM_copy_ram, GraphicsOutput.RTP_color)
        return graphics, host, buf, tex

    def open(self, timeline: Timeline) -> None:
        """Build the world of ``timeline``: ground, sky, sun with shadows, and one node per actor."""
        _configure()
        from panda3d.core import (
            AntialiasAttrib,
            BitMask32,
            Camera,
            ColorWriteAttrib,
            CullFaceAttrib,
            DirectionalLight,
            NodePath,
            PandaSystem,
            PerspectiveLens,
            RenderState,
            Shader,
            ShaderAttrib,
        )

        self.close()
        script = timeline.script
        self._timeline_actors = script.actors
        width, height = script.resolution.width, script.resolution.height
        pipe = self._make_pipe()
        self._graphics, self._host, self._buffer, self._tex = self._make_buffer(pipe, width, height)
        self._size = (width, height)
        gsg = self._buffer.get_gsg()
        # Render once so the GSG reports what it can do.
        self._graphics.render_frame()
        shaded = gsg.get_supports_glsl() and pipe.get_interface_name() == "OpenGL"
        renderer = f"{gsg.get_driver_vendor()} {gsg.get_driver_renderer()} {gsg.get_driver_version()}".strip()
        self._info = EngineInfo("panda3d", renderer if shaded else f"software ({renderer})",
                                PandaSystem.get_version_string())

        root = NodePath("world")
        self._root = root
        preset = SKY_PRESETS[script.environment.sky]
        zenith = srgb_to_linear(preset.zenith)
        horizon = srgb_to_linear(preset.horizon)
        fog_density = script.environment.fog if script.environment.fog is not None else preset.fog_density
        sun = timeline.sun
        ground_spec = GROUND_MATERIALS[script.environment.ground.material]
        ground_colour = srgb_to_linear(
            parse_colour(script.environment.ground.color) if script.environment.ground.color else ground_spec.colour
        )
        bounce = ground_colour * 0.35 * (0.3 + 0.7 * max(sun.direction[2], 0.0))

        # Camera
        cam_node = Camera("camera")
        lens = PerspectiveLens()
        lens.set_near_far(0.05, 5000.0)
        lens.set_aspect_ratio(width / height)
        cam_node.set_lens(lens)
        cam_node.set_camera_mask(BitMask32.bit(0))
        self._camera = root.attach_new_node(cam_node)
        self._lens = lens
        region = self._buffer.make_display_region()
        region.set_camera(self._camera)
        region.set_clear_color_active(True)
        region.set_clear_color((*(float(c) for c in preset.horizon), 1.0))
        region.set_clear_depth_active(True)

        # Sun with a shadow map fitted once to every actor over the whole video, so it never swims.
        shadows = shaded and sun.shadows and bool(script.actors)
        light = DirectionalLight("sun")
        light_np = root.attach_new_node(light)
        radius = float(timeline.bounds_radius) * 1.05 + 0.1
        centre = timeline.bounds_centre
        if shadows:
            light.set_shadow_caster(True, self._shadow_size, self._shadow_size)
            light.set_camera_mask(BitMask32.bit(SHADOW_MASK_BIT))
            light.get_lens().set_film_size(2 * radius, 2 * radius)
            light.get_lens().set_near_far(0.1, 4 * radius + 1.0)
            # Depth only: no shading, no colour writes; back faces into the map to avoid acne.
            light.set_initial_state(
                RenderState.make(ShaderAttrib.make_off(), ColorWriteAttrib.make(ColorWriteAttrib.C_off),
                                 CullFaceAttrib.make_reverse(), 1000)
            )
        light_np.set_pos(*(centre + sun.direction * 2 * radius))
        light_np.look_at(*centre)
        root.set_light(light_np)

        defines = {"SHADOWS": 1} if shadows else {}
        common_inputs = {
            "u_sun_dir": tuple(float(x) for x in sun.direction),
            "u_sun_radiance": tuple(float(x) for x in sun.radiance),
            "u_sky_zenith": tuple(float(x) for x in zenith),
            "u_sky_horizon": tuple(float(x) for x in horizon),
            "u_ground_bounce": tuple(float(x) for x in bounce),
            "u_ambient": float(preset.ambient * script.lights.ambient),
            "u_fog_colour": tuple(float(x) for x in horizon),
            "u_fog_density": float(fog_density),
            "u_shadow_bias": float(2.5 * 2 * radius / self._shadow_size),
        }
        for k, v in common_inputs.items():
            root.set_shader_input(k, v)
        if shaded:
            vert = _shader_source("surface.vert", defines)
            surface = Shader.make(Shader.SL_GLSL, vert, _shader_source("surface.frag", defines))
            ground_shader = Shader.make(Shader.SL_GLSL, vert, _shader_source("surface.frag", defines | {"GROUND": 1}))
            sky_shader = Shader.make(Shader.SL_GLSL, _shader_source("sky.vert", {}), _shader_source("sky.frag", {}))
            root.set_shader(surface)
        if self._msaa > 1:
            root.set_antialias(AntialiasAttrib.M_multisample)

        # Sky dome: a large inverted sphere that follows the camera, drawn first without depth.
        if shaded:
            from scenes.geometry import sphere

            dome = sphere(2.0, 32, 16)
            sky = self._camera.attach_new_node(geom_node("sky", dome))
            sky.set_pos(0, 0, -1000.0)  # the mesh rests on z = 0: centre it on the camera
            sky.set_scale(1000.0)
            sky.set_compass()  # keep world orientation while following the camera
            sky.set_shader(sky_shader, 10)
            # Drawn after the opaque world with the depth test on, so only uncovered pixels pay for it.
            sky.set_bin("fixed", 100)
            sky.set_depth_write(False)
            sky.set_two_sided(True)
            sky.hide(BitMask32.bit(SHADOW_MASK_BIT))
            self._sky = sky

        # Ground
        if script.environment.ground.visible:
            from scenes.geometry import box

            ground = root.attach_new_node(geom_node("ground", box((2 * GROUND_EXTENT, 2 * GROUND_EXTENT, 1.0))))
            ground.set_z(-1.0)
            ground.hide(BitMask32.bit(SHADOW_MASK_BIT))
            ground.set_shader_input("u_albedo", (*(float(c) for c in ground_colour), 1.0))
            ground.set_shader_input("u_material", (ground_spec.roughness, 0.0, 0.0))
            if shaded:
                ground.set_shader(ground_shader, 5)
                ground.set_shader_input("u_ground_tex", self._ground_texture(ground_spec, script.seed))
                ground.set_shader_input("u_ground_scale", ground_spec.scale * 4.0)
            else:
                ground.set_color(*(float(c) for c in parse_colour(script.environment.ground.color or "grey")), 1)

        # Actors: a node tree each (joints and slotted parts), sharing GeomNodes per asset part.
        from engine_bridge.panda.actors import build_actor

        geoms: dict = {}
        self._actor_nodes = [build_actor(root, actor, geoms) for actor in script.actors]
        if not shaded:
            from panda3d.core import AmbientLight

            amb = root.attach_new_node(AmbientLight("ambient"))
            amb.node().set_color((0.45, 0.45, 0.5, 1))
            root.set_light(amb)
            light.set_color((0.8, 0.8, 0.75, 1))
        self._shaded = shaded
        self._graphics_np_scene = root
        self._camera.reparent_to(root)
        region.set_camera(self._camera)
        cam_node.set_scene(root)
        # Panda creates the shadow buffer lazily during the first frame that needs it; draw that frame
        # now so the first real frame already has its shadow and every frame renders the same way.
        self._graphics.render_frame()
        self._graphics.render_frame()
        if getattr(self, "_software_page", None) is not None:
            from panda3d.core import unloadPrcFile

            unloadPrcFile(self._software_page)
            self._software_page = None

    def _ground_texture(self, spec, seed: int):
        from panda3d.core import SamplerState, Texture

        from engine_bridge.panda.textures import ground_texture

        img = ground_texture(spec, seed)
        # multipliers around 1 are stored at half gain (the shader doubles them) to keep 8-bit precision
        data = np.ascontiguousarray((np.clip(img / 2.0, 0, 1) * 255 + 0.5).astype(np.uint8)[::-1, :, ::-1])
        tex = Texture("ground")
        tex.setup_2d_texture(data.shape[1], data.shape[0], Texture.T_unsigned_byte, Texture.F_rgb8)
        tex.set_ram_image(data.tobytes())
        tex.set_wrap_u(SamplerState.WM_repeat)
        tex.set_wrap_v(SamplerState.WM_repeat)
        tex.set_minfilter(SamplerState.FT_linear_mipmap_linear)
        tex.set_magfilter(SamplerState.FT_linear)
        # Trilinear mipmaps stop the ground aliasing; anisotropic filtering costs 2-4x frame time on llvmpipe.
        tex.set_anisotropic_degree(self._anisotropy)
        return tex

    # --- per frame --------------------------------------------------------------------------------

    def render(self, state: FrameState) -> np.ndarray:
        """Move the actors and the camera to ``state``, draw, and read the frame back as RGB."""
        if self._buffer is None:
            raise EngineError("panda3d: render() called before open()")
        from engine_bridge.panda.actors import pose_actor

        for actor, nodes, pos, hpr, scale, vis in zip(
            self._timeline_actors, self._actor_nodes, state.positions, state.hpr, state.scales, state.visible,
            strict=True,
        ):
            pose_actor(nodes, state.poses.get(actor.id))
            node = nodes.root
            node.set_pos_hpr_scale(pos[0], pos[1], pos[2], hpr[0], hpr[1], hpr[2], scale[0], scale[1], scale[2])
            if vis:
                node.show()
            else:
                node.hide()
        cam = state.camera
        self._camera.set_pos_hpr(*cam.position, *cam.hpr)
        w, h = self._size
        vfov = math.degrees(2 * math.atan(math.tan(math.radians(cam.fov) / 2) * h / w))
        self._lens.set_fov(cam.fov, vfov)
        self._graphics.render_frame()
        return self._read_pixels()

    def _read_pixels(self) -> np.ndarray:
        tex = self._tex
        w, h = self._size
        view = memoryview(tex.get_ram_image())
        comps = tex.get_num_components()
        # A renderer without non-power-of-two textures pads the copy; the image sits in its lower-left corner.
        tw, th = tex.get_x_size(), tex.get_y_size()
        img = np.frombuffer(view, dtype=np.uint8)
        if img.size != tw * th * comps or tw < w or th < h:
            raise EngineError(f"panda3d: read back {img.size} bytes, expected {w * h * comps}")
        img = img.reshape(th, tw, comps)[:h, :w]
        # Offscreen buffers read back bottom-up and in BGR(A) order.
        return np.ascontiguousarray(img[::-1, :, 2::-1])

    def close(self) -> None:
        """Destroy the buffers and the scene graph."""
        if self._graphics is not None:
            self._graphics.remove_all_windows()
        if self._root is not None:
            self._root.remove_node()
        self._graphics = self._buffer = self._tex = self._root = None
        self._actor_nodes = []
