"""The embedded engine: Panda3D rendering offscreen through EGL (or its software renderer).

One consistent world is built once per timeline; each frame only moves actor and camera nodes,
renders, and reads the pixels back. The project's own GLSL does the shading (Panda's auto-shader
does not work under EGL here), with compile-time variants instead of runtime branches.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Sequence
from importlib import resources

import cv2
import numpy as np

from engine_bridge.engine import Engine, EngineError, EngineInfo
from engine_bridge.groundtruth import intrinsics, world_to_camera
from engine_bridge.panda.ao import AO_MASK_BIT, attach_ao
from engine_bridge.panda.bloom import BLOOM_MASK_BIT, BLOOM_SIGMA, BLOOM_SKY_TAG, BLOOM_STRENGTH, attach_bloom
from engine_bridge.panda.grid import SplitGrid
from engine_bridge.panda.ground import shadow_bounds, shadow_patch
from engine_bridge.panda.looks import LOOKS, Look
from engine_bridge.panda.models import load_model
from engine_bridge.panda.passes_target import PASSES_MASK_BIT, PassesTarget, panda_matrix
from engine_bridge.panda.postprocess import merge_rects
from scenes import FrameState, Timeline
from scenes.catalog import is_model_path
from scenes.colors import linear_to_srgb, parse_colour, srgb_to_linear
from scenes.environment import GROUND_MATERIALS, LAMP_COLOUR, LAMP_HEIGHT, LAMP_INTENSITY
from scenes.geometry import Mesh
from scenes.materials import FINISHES

PASS_NAMES = ("depth", "mask", "normals", "flow")

GROUND_EXTENT = 600.0  # metres; fog hides the edge
SHADOW_MASK_BIT = 1
MAX_JOINTS = 20  # skinning matrices a body may use (the humanoid rig's 16 joints, two eyes, two lids): the SKINNED
# shaders' bone array size

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


RASTER_THREADS_ENV = "LP_NUM_THREADS"


def raster_threads() -> int:
    """llvmpipe's rasteriser threads for this process: ``$LP_NUM_THREADS`` if set, else one per core.

    Mesa reads it once, when the first EGL display opens, so it is fixed before that (:func:`_configure`). One per
    core is also Mesa's own default; it is set explicitly so the run report can say what was used. One thread
    renders 1.5× slower; four change nothing on two cores (docs/rendering.md, Speed). The encoder's threads are
    counted apart (``pipeline.encode.encoder_threads``): llvmpipe's main thread and its rasterisers take turns (the
    main thread waits while they draw), and ffmpeg fills the gaps.
    """
    try:
        return max(1, int(os.environ.get(RASTER_THREADS_ENV, "")))
    except ValueError:
        return max(1, os.cpu_count() or 1)


def _configure() -> None:
    """Load Panda3D's settings once per process (Panda reads its configuration globally)."""
    global _configured
    if not _configured:
        from panda3d.core import loadPrcFileData

        os.environ[RASTER_THREADS_ENV] = str(raster_threads())  # before the first EGL display opens
        loadPrcFileData("enginereel", _PRC)
        _keep_freed_memory()
        _configured = True


def _keep_freed_memory() -> None:
    """Ask glibc to keep freed memory for reuse instead of handing it back to the kernel at once.

    Every frame makes new arrays of a few to tens of megabytes (the frame, the passes) and frees the last
    ones. By default glibc maps such blocks fresh (or trims the heap as soon as they are freed), so each
    frame paid for zero-filling thousands of new pages: ~10 % of a 720p frame, ~13 % with all passes.
    With blocks up to 32 MB served from the heap and trimming only past 512 MB free, the same memory is
    reused frame after frame; peak memory is unchanged. A no-op where the C library is not glibc.
    """
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    m_trim_threshold, m_mmap_threshold = -1, -3  # from glibc's malloc.h
    mallopt(m_mmap_threshold, 32 * 1024 * 1024)  # glibc's largest allowed value on 64-bit
    mallopt(m_trim_threshold, 512 * 1024 * 1024)


def _shader_source(name: str, defines: dict[str, object]) -> str:
    text = resources.files("engine_bridge.panda").joinpath("shaders", name).read_text()
    common = resources.files("engine_bridge.panda").joinpath("shaders", "common.glsl").read_text()
    head, _, body = text.partition("\n")
    lines = [head] + [f"#define {k} {v}" for k, v in defines.items()]
    if name.endswith(".frag"):
        lines.append(common)
        if "PATTERN" in defines:
            lines.append(resources.files("engine_bridge.panda").joinpath("shaders", "patterns.glsl").read_text())
    if "WEATHER" in defines and name.endswith(".vert"):
        lines.append(resources.files("engine_bridge.panda").joinpath("shaders", "weather.glsl").read_text())
    return "\n".join(lines) + "\n" + body


def geom_node(name: str, m: Mesh, fmt=None, extra: tuple[np.ndarray, ...] = ()):  # -> panda3d.core.GeomNode
    """Turn a numpy mesh into a Panda3D GeomNode (vertex data copied in bulk, not per vertex). ``fmt`` is a
    one-array vertex format starting with position and normal (default: just those), ``extra`` the arrays of its
    further columns per vertex (a skin's joint indices and weights)."""
    from panda3d.core import Geom, GeomNode, GeomTriangles, GeomVertexData, GeomVertexFormat

    vdata = GeomVertexData(name, fmt if fmt is not None else GeomVertexFormat.get_v3n3(), Geom.UH_static)
    vdata.unclean_set_num_rows(len(m.vertices))
    interleaved = np.ascontiguousarray(np.hstack([m.vertices, m.normals, *extra]).astype(np.float32))
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


def _bottom_up(tex, size: tuple[int, int]) -> np.ndarray:
    """A RAM copy of a colour buffer as an (h, w, 3 or 4) view, bottom row first, in BGR(A) order."""
    w, h = size
    comps = tex.get_num_components()
    # A renderer without non-power-of-two textures pads the copy; the image sits in its lower-left corner.
    tw, th = tex.get_x_size(), tex.get_y_size()
    img = np.frombuffer(memoryview(tex.get_ram_image()), dtype=np.uint8)
    if img.size != tw * th * comps or tw < w or th < h or comps not in (3, 4):
        raise EngineError(f"panda3d: read back {img.size} bytes ({tw}x{th}x{comps}), expected a {w}x{h} image")
    return img.reshape(th, tw, comps)[:h, :w]


def _to_rgb(bottom_up: np.ndarray, out: np.ndarray) -> None:
    """Write a BGR(A) image into ``out`` (same height and width) as RGB, row for row: one SIMD pass that reorders
    the channels and drops alpha (a numpy channel reversal is a strided copy, several times slower)."""
    cv2.cvtColor(bottom_up, cv2.COLOR_BGRA2RGB if bottom_up.shape[2] == 4 else cv2.COLOR_BGR2RGB, dst=out)


class PandaEngine(Engine):
    """Renders timelines with Panda3D offscreen. ``software=True`` forces the (unshaded) software renderer.

    ``fit_per_frame=False`` keeps the shadow-receiving ground cell at the whole video's shadow footprint and
    runs FXAA over the whole frame instead of fitting both to each frame's actors: the same pixels, slower
    (for tests and comparisons).
    """

    def __init__(self, msaa: int = 0, shadow_size: int = 1024, software: bool = False, anisotropy: int = 1,
                 fxaa: bool = True, fit_per_frame: bool = True, look: str | Look = "default") -> None:
        if isinstance(look, str) and look not in LOOKS:
            raise EngineError(f"panda3d: unknown look {look!r}; choose one of {', '.join(LOOKS)}")
        self._look = LOOKS[look] if isinstance(look, str) else look
        self._fit_per_frame = fit_per_frame
        self._covered = False  # whether ground and sky cover every pixel (then colour targets need no clear)
        self._ground = None  # SplitGrid of the ground when it receives shadows
        self._lamp_spheres = np.zeros((0, 4))
        self._local_boxes: list = []  # per actor: (8, 4) corners of its own box when rigid, else None
        self._msaa = msaa
        self._fxaa = fxaa
        self._post = None
        self._anisotropy = anisotropy
        self._shadow_size = shadow_size
        self._force_software = software
        self._graphics = None
        self._buffer = None
        self._tex = None
        self._root = None
        self._actor_nodes: list = []
        self._models: list = []  # glTF actors (engine_bridge/panda/models.py)
        self._camera = None
        self._weather: list = []  # weather particle nodes: the drawn ones, then the passes' copy (in_masks)
        self._water: list = []  # water surfaces (their waves follow the frame's time)
        self._lens = None
        self._sky = None
        self._host = None
        self._passes = None  # PassesTarget, built on first use
        self._ao = None  # AmbientOcclusion (ao.py) when the look has AO
        self._refraction = None  # (glass camera, world depth texture) when glass refracts (postprocess.py)
        self._bloom = None  # Bloom (bloom.py) when the look has BLOOM
        self._shaded = False
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
        fbp.set_rgba_bits(8, 8, 8, 8)  # alpha marks actor pixels for FXAA (postprocess.py)
        # A 32-bit float depth buffer and no stencil: Panda otherwise packs depth with an unused stencil, which
        # llvmpipe tests and writes with masks (~3 % of a 720p frame); float depth is also more precise.
        fbp.set_depth_bits(32)
        fbp.set_float_depth(True)
        fbp.set_stencil_bits(0)
        software = pipe.get_interface_name() != "OpenGL"
        if self._msaa > 1 and not software:
            fbp.set_multisamples(self._msaa)
        flags = GraphicsPipe.BF_refuse_window
        if not software:
            # An FBO on a tiny host pbuffer: FBOs support multisampling, pbuffers often do not.
            host_fbp = FrameBufferProperties()
            host = graphics.make_output(pipe, "host", -100, host_fbp, WindowProperties.size(1, 1), flags)
            flags |= GraphicsPipe.BF_can_bind_color
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
        self._draw()
        shaded = gsg.get_supports_glsl() and pipe.get_interface_name() == "OpenGL"
        if shaded and self._fxaa:
            from panda3d.core import Shader

            from engine_bridge.panda.postprocess import attach_fxaa

            fxaa = Shader.make(Shader.SL_GLSL, _shader_source("card.vert", {}), _shader_source("fxaa.frag", {}))
            self._post = attach_fxaa(self._graphics, self._host, self._buffer, (width, height), fxaa)
            if not self._fit_per_frame:
                self._post.set_rects([(0, 0, width, height)])
        renderer = f"{gsg.get_driver_vendor()} {gsg.get_driver_renderer()} {gsg.get_driver_version()}".strip()
        self._info = EngineInfo("panda3d", renderer if shaded else f"software ({renderer})",
                                PandaSystem.get_version_string(),
                                raster_threads() if "llvmpipe" in renderer else None)

        root = NodePath("world")
        self._root = root
        world = timeline.world
        sun = timeline.sun
        ground_spec = GROUND_MATERIALS[script.environment.ground.material]
        ground_colour = srgb_to_linear(
            parse_colour(script.environment.ground.color) if script.environment.ground.color else ground_spec.colour
        )
        look = self._look

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
        self._refraction = None
        if self._post is not None and "REFRACT" in look.defines and look.materials:
            from engine_bridge.panda.postprocess import GLASS_MASK_BIT, attach_refraction

            self._refraction = attach_refraction(self._post, self._buffer, self._camera, lens)
            root.hide(BitMask32.bit(GLASS_MASK_BIT))  # the glass camera sees glass alone (shown through, _dress)
        # The sky dome reaches ~6° below the horizon and the ground ends 600 m out: from a camera that stays low
        # near the middle, the two cover every pixel and clearing the colour is wasted (~1.5 % of a 720p frame).
        cams = timeline.camera_position
        covered = (shaded and script.environment.ground.visible and cams.size > 0
                   and float(cams[:, 2].min()) > 0.0 and float(cams[:, 2].max()) < 15.0
                   and float(np.abs(cams[:, :2]).max()) < GROUND_EXTENT - 200.0)
        region.set_clear_color_active(not covered)
        self._covered = covered
        exposure = world.exposure * 2.0 ** look.exposure_ev
        # alpha 0: not an actor (postprocess.py)
        region.set_clear_color((*(float(c) for c in linear_to_srgb(world.fog_colour * exposure)), 0.0))
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

        defines: dict[str, object] = look.defines | ({"SHADOWS": 1} if shadows else {})
        lamps = world.lamps if shaded else np.zeros((0, 3))
        if len(lamps):
            defines["POINT_LIGHTS"] = len(lamps)
            self._add_lamp_posts(root, lamps)
        # bounding spheres of the lamp posts (pole and head), for the FXAA window
        half = LAMP_HEIGHT / 2 + 0.1
        self._lamp_spheres = np.array([[x, y, z + half, half + 0.35] for x, y, z in lamps]).reshape(-1, 4)
        common_inputs = {
            "u_sun_dir": tuple(float(x) for x in sun.direction),
            "u_sun_radiance": tuple(float(x) for x in sun.radiance),
            "u_ambient": float(world.ambient),
            "u_exposure": float(exposure),
            "u_fog_colour": tuple(float(x) for x in world.fog_colour),
            "u_fog_density": float(world.fog_density),
            "u_shadow_bias": float(2.5 * 2 * radius / self._shadow_size),
            "u_wind": tuple(float(x) for x in world.wind),  # water's waves (patterns.glsl)
        }
        for k, v in common_inputs.items():
            root.set_shader_input(k, v)
        if shaded:
            self._set_environment(root, world, ground_colour)
        self._ao = self._bloom = None
        if shaded and "AO" in defines:
            self._add_occlusion(root)
        if shaded and "BLOOM" in defines:
            self._add_bloom(root)
        # Defaults for the passes shader; actors override the id, frames the matrices.
        identity = panda_matrix(np.eye(4))
        for k, v in {"u_instance": 0.0, "u_motion": identity, "u_world_to_cv": identity,
                     "u_next_world_to_cv": identity, "u_intrinsics": (1.0, 1.0, 0.0, 0.0),
                     "u_next_intrinsics": (1.0, 1.0, 0.0, 0.0)}.items():
            root.set_shader_input(k, v)
        # A checker is drawn analytically in the shader; the other patterns come from a texture (textures.py).
        ground_defines: dict[str, object] = {"GROUND": 1}
        if ground_spec.pattern == "checker":
            ground_defines["GROUND_CHECKER"] = 1
        self._surface_defines = defines
        self._pattern_shaders: dict = {}
        if shaded:
            vert = _shader_source("surface.vert", defines)
            surface = Shader.make(Shader.SL_GLSL, vert, _shader_source("surface.frag", defines))
            ground_shader = Shader.make(Shader.SL_GLSL, vert, _shader_source("surface.frag", defines | ground_defines))
            # the sky under the same tone curve, and its glow
            tone = {k: v for k, v in look.defines.items() if k in ("TONE_AGX", "BLOOM")}
            sky_shader = Shader.make(Shader.SL_GLSL, _shader_source("sky.vert", {}), _shader_source("sky.frag", tone))
            root.set_shader(surface)
        if self._msaa > 1:
            root.set_antialias(AntialiasAttrib.M_multisample)

        # Sky dome: a large inverted sphere that follows the camera, drawn first without depth.
        if shaded:
            from engine_bridge.panda.actors import SKIN_TAG
            from scenes.geometry import sphere

            dome = sphere(2.0, 32, 16)
            # Only the upper half and one ring below the horizon: further down the sky is plain fog colour, which
            # the ground (and the clear colour, the same colour) already shows. A full sphere made every pixel of
            # a downward view pay for a failed depth test on its triangles (~6 % of a 720p frame).
            z = dome.vertices[:, 2]
            centre_z, dome_r = (z.max() + z.min()) / 2, (z.max() - z.min()) / 2
            keep = z[dome.triangles].max(axis=1) > centre_z - 0.1 * dome_r
            dome = Mesh(dome.vertices, dome.normals, dome.triangles[keep])
            sky = self._camera.attach_new_node(geom_node("sky", dome))
            sky.set_pos(0, 0, -1000.0)  # the mesh rests on z = 0: centre it on the camera
            sky.set_scale(1000.0)
            sky.set_compass()  # keep world orientation while following the camera
            sky.set_shader(sky_shader, 10)
            # Drawn after the opaque world with the depth test on, so only uncovered pixels pay for it.
            sky.set_bin("fixed", 100)
            sky.set_depth_write(False)
            sky.set_two_sided(True)
            sky.hide(BitMask32.bit(SHADOW_MASK_BIT) | BitMask32.bit(PASSES_MASK_BIT) | BitMask32.bit(AO_MASK_BIT))
            sky.set_tag(SKIN_TAG, BLOOM_SKY_TAG)  # the bloom camera draws the sun's disc from it (bloom.py)
            self._sky = sky
            if covered:
                # The same dome for the passes camera, writing the passes' background values: with it, ground
                # and dome cover every pixel and the two float targets need no clear (~4 ms a 720p frame).
                passes_sky = sky.copy_to(self._camera)  # placement, bin and depth state as the sky's
                background = Shader.make(Shader.SL_GLSL, _shader_source("sky.vert", {}),
                                         _shader_source("passes_background.frag", {}))
                passes_sky.set_shader(background, 1001)  # above the passes camera's own shader (priority 1000)
                passes_sky.show(BitMask32.bit(PASSES_MASK_BIT))
                passes_sky.hide(BitMask32.bit(0) | BitMask32.bit(SHADOW_MASK_BIT) | BitMask32.bit(AO_MASK_BIT)
                                | BitMask32.bit(BLOOM_MASK_BIT))

        # Ground: only the cell under this frame's shadows pays for shadow lookups (see ground.py).
        self._ground = None
        if script.environment.ground.visible:
            grid = SplitGrid("ground", (-GROUND_EXTENT, -GROUND_EXTENT, GROUND_EXTENT, GROUND_EXTENT))
            if shadows:
                self._ground = grid
                self._shadow_patch = shadow_patch(centre, radius, sun.direction, GROUND_EXTENT)
                # The lookup reaches past an occluder's outline by the filter footprint and the normal-offset
                # bias (2.5 texels, surface.vert): keep 8 texels of ground around each shadow.
                self._shadow_margin = 8 * 2 * radius / self._shadow_size
                self._sun_dir = sun.direction
                grid.set_centre(*self._shadow_patch)
            else:
                grid.set_centre(1.0, 1.0, 0.0, 0.0)  # empty: all ring
            ground = root.attach_new_node("ground")
            ground.hide(BitMask32.bit(SHADOW_MASK_BIT))
            # Drawn after the actors (and before the sky): llvmpipe's early depth test then skips the ground
            # pixels the actors cover, ~5 % of a 720p frame.
            ground.set_bin("fixed", 50)
            ground.set_shader_input("u_albedo", (*(float(c) for c in ground_colour), 1.0))
            ground.set_shader_input("u_material", (ground_spec.roughness, 0.0, 0.0))
            grid.centre.reparent_to(ground)
            grid.ring.reparent_to(ground)
            if shaded:
                plain = {k: v for k, v in defines.items() if k != "SHADOWS"}
                plain_shader = Shader.make(Shader.SL_GLSL, _shader_source("surface.vert", plain),
                                           _shader_source("surface.frag", plain | ground_defines))
                grid.ring.set_shader(plain_shader, 5)
                grid.centre.set_shader(ground_shader if shadows else plain_shader, 5)
                if "GROUND_CHECKER" in ground_defines:
                    # the same multiplier as the texture's (textures.py: pattern over base colour, as stored)
                    alt = np.asarray(ground_spec.alt_colour) / np.maximum(ground_spec.colour, 1e-3)
                    ground.set_shader_input("u_ground_alt", tuple(float(c) for c in alt))
                    ground.set_shader_input("u_ground_scale", ground_spec.scale)
                else:
                    ground.set_shader_input("u_ground_tex", self._ground_texture(ground_spec, script.seed))
                    ground.set_shader_input("u_ground_scale", ground_spec.scale * 4.0)
            else:
                ground.set_color(*(float(c) for c in parse_colour(script.environment.ground.color or "grey")), 1)

        self._weather = []
        if shaded and world.weather is not None:
            self._add_weather(root, world, look, len(script.actors))

        # Actors: a node tree each (joints and slotted parts, engine_bridge/panda/actors.py; glTF models,
        # models.py). The instance id goes on each actor's root node, so every part below it shares it.
        from engine_bridge.panda.actors import ActorNodes, build_actor

        geoms: dict = {}
        skinned_shaders = self._skinned_shaders(light if shadows else None, defines) if shaded else None
        self._actor_nodes = []
        self._water = []
        self._models = []
        for i, actor in enumerate(script.actors):
            if is_model_path(actor.asset):
                top = root.attach_new_node(actor.id)
                model = load_model(actor.asset, actor.animation, actor.id)  # one copy each: clips pose apart
                model.node.reparent_to(top)
                self._models.append(model)
                finish = FINISHES[actor.material.finish]
                rgb = actor.material.colour_or((1.0, 1.0, 1.0))  # a glTF model keeps its own colours under white
                rough = actor.material.roughness if actor.material.roughness is not None else finish.roughness
                metal = actor.material.metallic if actor.material.metallic is not None else finish.metallic
                top.set_shader_input("u_albedo", (*(float(c) for c in srgb_to_linear(rgb)), 1.0))
                top.set_shader_input("u_material", (float(rough), float(metal), float(finish.emission)))
                top.set_color(*rgb, 1.0)  # used by the software renderer only
                nodes = ActorNodes(top, [], np.zeros((0, 3)))
            else:
                nodes = build_actor(root, actor, geoms, skinned_shaders,
                                    self._dress if shaded and look.materials else None, shaded and shadows)
            nodes.root.set_shader_input("u_instance", float(i + 1))
            self._actor_nodes.append(nodes)
        # Rigid actors (no joints posed, no clip) keep their shape: the corners of their own bounding box, moved
        # with them each frame, give a tighter FXAA rectangle than a bounding sphere (a car, a flat torus).
        self._local_boxes = []
        for actor, nodes in zip(script.actors, self._actor_nodes, strict=True):
            # (a tree's crown bends in the wind: its rest box would not hold it)
            rigid = not is_model_path(actor.asset) and actor.id not in timeline.poses and actor.id not in timeline.sway
            tight = nodes.root.get_tight_bounds(nodes.root) if rigid else None  # in the actor's own space
            box = None
            if tight:
                (x0, y0, z0), (x1, y1, z1) = tight
                box = np.array([[x, y, z, 1.0] for x in (x0, x1) for y in (y0, y1) for z in (z0, z1)])
            self._local_boxes.append(box)
        if not shaded:
            from panda3d.core import AmbientLight

            amb = root.attach_new_node(AmbientLight("ambient"))
            amb.node().set_color((0.45, 0.45, 0.5, 1))
            root.set_light(amb)
            light.set_color((0.8, 0.8, 0.75, 1))
        self._shaded = shaded
        self._camera.reparent_to(root)
        region.set_camera(self._camera)
        cam_node.set_scene(root)
        # Panda creates the shadow buffer while culling the first frame and fills it on the next: draw two
        # throw-away frames so frame 0 of a video already has its shadows.
        if timeline.times.size:
            self._pose(timeline.frame(0))
            self._fit_regions()
        if shadows and "PCSS" in defines:
            root.set_shader_input("u_shadow_depth", self._placeholder_depth())  # until the shadow buffer exists
            root.set_shader_input("u_shadow_scale", (2 * radius / self._shadow_size, 4 * radius + 1.0 - 0.1))
        self._draw()
        self._draw()
        if shadows and "PCSS" in defines:
            self._bind_raw_shadow_depths(root, light)
        self._drop_redundant_clears()  # after the frames above: the shadow buffer exists only now
        if getattr(self, "_software_page", None) is not None:
            from panda3d.core import unloadPrcFile

            unloadPrcFile(self._software_page)
            self._software_page = None

    def _add_weather(self, root, world, look, n_actors: int) -> None:
        """Falling particles (weather.py): blended streaks or flakes, or opaque leaves, drawn after everything else,
        casting no shadow; in the passes only with ``in_masks``, as instance ``n_actors + 1``."""
        from panda3d.core import BitMask32, ColorBlendAttrib, ColorWriteAttrib, NodePath, Shader

        from engine_bridge.panda.weather import WEATHER_CODES, particle_geom, weather_inputs

        w = world.weather
        code = {"WEATHER": WEATHER_CODES[w.type]}
        node = root.attach_new_node(particle_geom(w))
        node.set_shader(Shader.make(Shader.SL_GLSL, _shader_source("weather.vert", code),
                                    _shader_source("weather.frag", look.defines | code)), 10)
        if w.type != "leaves":
            node.set_attrib(ColorBlendAttrib.make(ColorBlendAttrib.M_add, ColorBlendAttrib.O_incoming_alpha,
                                                  ColorBlendAttrib.O_one_minus_incoming_alpha))
            node.set_depth_write(False)
        node.set_attrib(ColorWriteAttrib.make(ColorWriteAttrib.C_rgb))  # alpha marks actors for FXAA: keep it
        node.set_two_sided(True)
        node.set_bin("fixed", 120)
        node.hide(BitMask32.bit(SHADOW_MASK_BIT) | BitMask32.bit(PASSES_MASK_BIT) | BitMask32.bit(AO_MASK_BIT)
                  | BitMask32.bit(BLOOM_MASK_BIT))
        self._weather = [node]
        if w.in_masks:
            passes = NodePath(particle_geom(w))  # the same seeds: the same particles
            passes.reparent_to(root)
            passes.set_shader(Shader.make(Shader.SL_GLSL, _shader_source("passes.vert", code),
                                          _shader_source("passes.frag", {})), 1001)  # over the passes camera's
            passes.set_two_sided(True)
            passes.hide(BitMask32.bit(0) | BitMask32.bit(SHADOW_MASK_BIT) | BitMask32.bit(AO_MASK_BIT)
                        | BitMask32.bit(BLOOM_MASK_BIT))
            passes.show(BitMask32.bit(PASSES_MASK_BIT))
            passes.set_shader_input("u_instance", float(n_actors + 1))
            passes.set_shader_input("u_time_next", 0.0)
            self._weather.append(passes)
        for n in self._weather:
            for k, v in weather_inputs(w, world.wind).items():
                n.set_shader_input(k, v)
            n.set_shader_input("u_time", 0.0)

    def _dress(self, node, pattern: str) -> None:
        """Give a material slot its procedural pattern (patterns.glsl), or make it glass: blended over what is behind
        it after the opaque world, no depth writes, no shadow (clear glass lets the sun through)."""
        from panda3d.core import BitMask32, ColorBlendAttrib, Shader

        refract = pattern == "glass" and self._refraction is not None
        if pattern not in self._pattern_shaders:
            extra: dict[str, object] = {"GLASS": 1} if pattern == "glass" else {"PATTERN": f"PATTERN_{pattern.upper()}"}
            if pattern == "water":
                extra["WATER"] = 1
            defines = {k: v for k, v in self._surface_defines.items() if k != "REFRACT" or refract} | extra
            self._pattern_shaders[pattern] = Shader.make(Shader.SL_GLSL, _shader_source("surface.vert", defines),
                                                         _shader_source("surface.frag", defines))
        node.set_shader(self._pattern_shaders[pattern], 2)
        if pattern == "water":
            node.set_shader_input("u_time", 0.0)  # the waves' clock, set every frame (_pose)
            self._water.append(node)
        if refract:
            # drawn by the glass camera over the anti-aliased world frame, which it reads (postprocess.py)
            from engine_bridge.panda.postprocess import GLASS_MASK_BIT

            _, depth = self._refraction
            node.hide(BitMask32.bit(0))
            node.show_through(BitMask32.bit(GLASS_MASK_BIT))
            node.set_shader_input("u_scene", self._post.scene)
            node.set_shader_input("u_world_depth", depth)
        elif pattern == "glass":
            node.set_attrib(ColorBlendAttrib.make(ColorBlendAttrib.M_add, ColorBlendAttrib.O_one,
                                                  ColorBlendAttrib.O_one_minus_incoming_alpha))
        if pattern == "glass":
            node.set_bin("fixed", 110)  # after the ground (50) and the sky (100)
            node.set_depth_write(False)
            # nor does it occlude sky light or hide a glow behind it
            node.hide(BitMask32.bit(SHADOW_MASK_BIT) | BitMask32.bit(AO_MASK_BIT) | BitMask32.bit(BLOOM_MASK_BIT))

    def _set_environment(self, root, world, ground_colour: np.ndarray) -> None:
        """Image-based light: the prefiltered environment map, its SH irradiance, and the ground's constants."""
        from panda3d.core import LVecBase3f, PTA_LVecBase3f

        from engine_bridge.panda.ibl import build_environment, environment_texture, sh_uniform

        env = build_environment(world, ground_colour)
        tex, top = environment_texture(env)
        root.set_shader_input("u_env", tex)
        root.set_shader_input("u_env_range", top)
        root.set_shader_input("u_sh", sh_uniform(env.sh))
        root.set_shader_input("u_ground_irradiance", tuple(float(c) * world.ambient for c in env.irradiance_up))
        refl = PTA_LVecBase3f.empty_array(3)
        for i, c in enumerate((*env.ground_reflection, env.levels[-1][-1, -1])):  # the last: straight down
            refl[i] = LVecBase3f(*(float(x) for x in c))
        root.set_shader_input("u_sky_reflection", refl)

    def _skinned_shaders(self, light, defines: dict[str, object]) -> dict:
        """The surface shader's SKINNED variant for skinned bodies, keyed by whether the part has a colour per
        vertex (True: also TINTED); the sun's shadow camera gets a SKINNED depth-only shader for them through a
        tag state (its initial state draws with no shader at all)."""
        from panda3d.core import ColorWriteAttrib, CullFaceAttrib, RenderState, Shader, ShaderAttrib

        from engine_bridge.panda.actors import SKIN_TAG

        bones = {"SKINNED": MAX_JOINTS}
        if light is not None:
            depth = self._skinned_depth_shader()
            light.set_tag_state_key(SKIN_TAG)
            light.set_tag_state("1", RenderState.make(ShaderAttrib.make(depth, 1001),
                                                      ColorWriteAttrib.make(ColorWriteAttrib.C_off),
                                                      CullFaceAttrib.make_reverse(), 1001))
        return {tinted: Shader.make(Shader.SL_GLSL, _shader_source("surface.vert", defines | bones | extra),
                                    _shader_source("surface.frag", defines | extra))
                for tinted, extra in ((False, {}), (True, {"TINTED": 1}))}

    @staticmethod
    def _placeholder_depth():  # -> Texture
        """A 1×1 depth texture standing in for the shadow map's raw depths until Panda has made the map."""
        from panda3d.core import Texture

        tex = Texture("no-shadow-yet")
        tex.setup_2d_texture(1, 1, Texture.T_float, Texture.F_depth_component32)
        tex.set_ram_image(np.ones(1, np.float32).tobytes())
        return tex

    def _bind_raw_shadow_depths(self, root, light) -> None:
        """Bind the sun's shadow map a second time with a plain sampler, for PCSS's blocker search: Panda binds it
        with depth comparison (FT_shadow), which gives 0 or 1 per tap and never the depth itself."""
        from panda3d.core import SamplerState

        buf = light.get_shadow_buffer(self._buffer.get_gsg())
        if buf is None:
            raise EngineError("panda3d: the sun's shadow buffer was not created; use a look without PCSS")
        raw = SamplerState()
        raw.set_minfilter(SamplerState.FT_nearest)
        raw.set_magfilter(SamplerState.FT_nearest)
        raw.set_wrap_u(SamplerState.WM_clamp)
        raw.set_wrap_v(SamplerState.WM_clamp)
        root.set_shader_input("u_shadow_depth", buf.get_texture(), raw)

    @staticmethod
    def _skinned_depth_shader():  # -> Shader
        """Depth only, for skinned bodies in the sun's shadow map and the occlusion pre-pass."""
        from panda3d.core import Shader

        return Shader.make(Shader.SL_GLSL, _shader_source("surface.vert", {"SKINNED": MAX_JOINTS}),
                           _shader_source("depth_only.frag", {}))

    def _add_occlusion(self, root) -> None:
        """Screen-space ambient occlusion (ao.py): its half-resolution passes, read by the surfaces' AO variant."""
        from panda3d.core import Shader

        card = _shader_source("card.vert", {})
        samples = {"AO_SAMPLES": self._look.defines["AO"]}
        shaders = {"ao": Shader.make(Shader.SL_GLSL, card, _shader_source("ao.frag", samples)),
                   "blur": Shader.make(Shader.SL_GLSL, card, _shader_source("ao_blur.frag", {}))}
        self._ao = attach_ao(self._graphics, self._host, self._camera, self._lens, self._size, shaders,
                             self._skinned_depth_shader())
        hw, hh = self._ao.size
        root.set_shader_input("u_ao", self._ao.texture)
        root.set_shader_input("u_ao_scale", (0.5 / hw, 0.5 / hh))  # frame pixels to the half-resolution texture

    def _add_bloom(self, root) -> None:
        """The glow of the sun's disc and emissive lamps (bloom.py), added by the surfaces' and sky's BLOOM variant."""
        from panda3d.core import Shader

        card = _shader_source("card.vert", {})
        shaders = {
            "source": Shader.make(Shader.SL_GLSL, _shader_source("surface.vert", {}),
                                  _shader_source("bloom_source.frag", {})),
            "skinned": Shader.make(Shader.SL_GLSL, _shader_source("surface.vert", {"SKINNED": MAX_JOINTS}),
                                   _shader_source("bloom_source.frag", {})),
            "sky": Shader.make(Shader.SL_GLSL, _shader_source("sky.vert", {}), _shader_source("bloom_sky.frag", {})),
            "blur": Shader.make(Shader.SL_GLSL, card, _shader_source("bloom_blur.frag", {"BLOOM_SIGMA": BLOOM_SIGMA})),
        }
        self._bloom = attach_bloom(self._graphics, self._host, self._camera, self._lens, self._size, shaders)
        qw, qh = self._bloom.size
        root.set_shader_input("u_bloom", self._bloom.texture)
        root.set_shader_input("u_bloom_scale", (0.25 / qw, 0.25 / qh))  # frame pixels to its texture coordinates
        root.set_shader_input("u_bloom_strength", BLOOM_STRENGTH)

    def _drop_redundant_clears(self) -> None:
        """Stop clearing what is cleared twice or overdrawn anyway (each clear of a 720p target is ~1 % of a frame).

        Panda clears every buffer and then every display region that asks for it. The world buffer's region clears
        colour and depth itself; the shadow buffer's region clears depth, and its colour attachment is never drawn
        (colour writes are off), so clearing it was ~3 % of a 720p frame; only the FXAA rectangles drawn this frame
        are read from its buffer; the 1×1 host is never drawn into. Frames are bit-identical with and without
        these clears.
        """
        # Called from open(), before the passes target (which clears to its background values) exists.
        for i in range(self._graphics.get_num_windows()):
            output = self._graphics.get_window(i)
            output.set_clear_color_active(False)
            output.set_clear_depth_active(False)
            output.set_clear_stencil_active(False)

    def _add_lamp_posts(self, root, feet: np.ndarray) -> None:
        """Street lamps: a dark pole and a glowing head per lamp, and the point lights they stand for."""
        from panda3d.core import BitMask32, LVecBase3f, NodePath, PTA_LVecBase3f

        from scenes.geometry import cylinder, sphere

        pole_mesh = NodePath(geom_node("lamp-pole", cylinder(0.1, LAMP_HEIGHT + 0.1, 16)))
        head_mesh = NodePath(geom_node("lamp-head", sphere(0.32, 16, 8)))
        warm = srgb_to_linear(LAMP_COLOUR)
        lights = PTA_LVecBase3f.empty_array(len(feet))
        for i, foot in enumerate(feet):
            post = root.attach_new_node(f"lamp-post-{i}")
            post.set_pos(*foot)
            post.hide(BitMask32.bit(SHADOW_MASK_BIT))  # keep the sun's shadow map fitted to the actors
            pole = post.attach_new_node("pole")
            pole_mesh.instance_to(pole)
            pole.set_shader_input("u_albedo", (0.05, 0.05, 0.055, 1.0))
            pole.set_shader_input("u_material", (0.5, 1.0, 0.0))
            head = post.attach_new_node("head")
            head_mesh.instance_to(head)
            head.set_z(LAMP_HEIGHT - 0.16)
            head.set_shader_input("u_albedo", (*(float(c) for c in warm), 1.0))
            head.set_shader_input("u_material", (0.5, 0.0, 6.0))
            lights[i] = LVecBase3f(float(foot[0]), float(foot[1]), LAMP_HEIGHT - 0.35)  # just under the head
        root.set_shader_input("u_lamp_pos", lights)
        root.set_shader_input("u_lamp_radiance", tuple(float(c) * LAMP_INTENSITY for c in warm))

    def _ground_texture(self, spec, seed: int):
        from panda3d.core import SamplerState, Texture

        from engine_bridge.panda.textures import ground_texture

        img = ground_texture(spec, seed)
        # multipliers around 1 are stored at half gain (the shader doubles them) to keep 8-bit precision
        bgr = (np.clip(img / 2.0, 0, 1) * 255 + 0.5).astype(np.uint8)[::-1, :, ::-1]
        # RGBA, not RGB: llvmpipe fetches aligned 4-byte texels faster (about 7 % of a 720p frame)
        data = np.ascontiguousarray(np.concatenate([bgr, np.full((*bgr.shape[:2], 1), 255, np.uint8)], -1))
        tex = Texture("ground")
        tex.setup_2d_texture(data.shape[1], data.shape[0], Texture.T_unsigned_byte, Texture.F_rgba8)
        tex.set_ram_image(data.tobytes())
        tex.set_wrap_u(SamplerState.WM_repeat)
        tex.set_wrap_v(SamplerState.WM_repeat)
        tex.set_minfilter(SamplerState.FT_linear_mipmap_linear)
        tex.set_magfilter(SamplerState.FT_linear)
        # Trilinear mipmaps stop the ground aliasing; anisotropic filtering costs 2-4x frame time on llvmpipe.
        tex.set_anisotropic_degree(self._anisotropy)
        return tex

    # --- per frame --------------------------------------------------------------------------------

    def _pose(self, state: FrameState) -> None:
        """Move every actor (root pose and joints) and the camera to ``state`` (no drawing)."""
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
        for model in self._models:
            model.pose(state.time)
        for node in self._weather + self._water:
            node.set_shader_input("u_time", float(state.time))
        cam = state.camera
        self._camera.set_pos_hpr(*cam.position, *cam.hpr)
        w, h = self._size
        vfov = math.degrees(2 * math.atan(math.tan(math.radians(cam.fov) / 2) * h / w))
        self._lens.set_fov(cam.fov, vfov)
        if self._ao is not None:
            self._ao.set_projection(cam.fov, vfov, self._lens.get_near(), self._lens.get_far())

    def render(self, state: FrameState) -> np.ndarray:
        """Move the actors and the camera to ``state``, draw, and read the frame back as RGB."""
        if self._buffer is None:
            raise EngineError("panda3d: render() called before open()")
        self._pose(state)
        self._fit_regions()
        if self._passes is not None:
            self._passes.set_active(False)
        self._set_colour_active(True)
        self._draw()
        return self._read_pixels()

    def _draw(self) -> None:
        """Render one frame, then free the transform and render states nothing uses any more.

        With ``garbage-collect-states`` on (Panda's default) unused states are only freed by an explicit
        collection, which ShowBase runs every frame in a task; without ShowBase every frame's new actor and
        camera transforms stayed cached: about 10 KB of native memory per frame, 1.3 GB an hour at 30 fps.
        """
        from panda3d.core import RenderState, TransformState

        self._graphics.render_frame()
        TransformState.garbage_collect()
        RenderState.garbage_collect()

    def _fit_regions(self) -> None:
        """Fit this frame's costly regions to its actors: the shadow-receiving ground cell and the FXAA window.

        Both are conservative (every pixel the shadow map can darken, every pixel FXAA can change lies
        inside), so the frame is the same as with the whole-video cell and full-frame FXAA (tested).
        """
        if not self._fit_per_frame or (self._ground is None and self._post is None):
            return
        spheres, rigid, boxes = self._actor_shapes()
        if self._ground is not None:
            x0, y0, x1, y1 = shadow_bounds(spheres[:, :3], spheres[:, 3] + self._shadow_margin, self._sun_dir)
            px0, py0, px1, py1 = self._shadow_patch
            self._ground.set_centre(max(x0, px0), max(y0, py0), min(x1, px1), min(y1, py1))
        if self._post is not None:
            rects = self._screen_rects(np.concatenate([spheres[~rigid], self._lamp_spheres]), boxes)
            self._post.set_rects(merge_rects(rects))

    def _actor_shapes(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The visible actors' world-space bounding spheres (N, 4: centre, radius, from Panda's bounds), which
        of them are rigid (N,), and those rigid actors' own boxes moved with them (M, 8, 3 corners)."""
        from panda3d.core import BoundingBox, BoundingSphere

        spheres, rigid, boxes = [], [], []
        for nodes, box in zip(self._actor_nodes, self._local_boxes, strict=True):
            if nodes.root.is_hidden():
                continue
            b = nodes.root.get_bounds()  # in the world root's space: actors hang directly below it
            if b.is_empty():
                continue  # nothing drawn
            if isinstance(b, BoundingSphere) and not b.is_infinite():
                c = b.get_center()
                spheres.append((c[0], c[1], c[2], b.get_radius()))
            elif isinstance(b, BoundingBox) and not b.is_infinite():
                lo, hi = np.array(b.get_min()), np.array(b.get_max())
                spheres.append((*((lo + hi) / 2), float(np.linalg.norm(hi - lo) / 2)))
            else:
                spheres.append((0.0, 0.0, 0.0, math.inf))
            rigid.append(box is not None)
            if box is not None:
                boxes.append((box @ np.array(nodes.root.get_mat(), dtype=np.float64))[:, :3])
        return (np.array(spheres, dtype=np.float64).reshape(-1, 4), np.array(rigid, dtype=bool),
                np.array(boxes, dtype=np.float64).reshape(-1, 8, 3))

    def _screen_rects(self, spheres: np.ndarray, boxes: np.ndarray) -> list[tuple[int, int, int, int]]:
        """Pixel rectangles (x0, y0, x1, y1), y down, holding each sphere (N, 4) and box (M, 8, 3) on screen plus
        FXAA's reach. The whole frame when one reaches behind the lens (no safe projection)."""
        w, h = self._size
        if not len(spheres) and not len(boxes):
            return []
        m = np.array(self._camera.get_mat(self._root), dtype=np.float64)  # rows: right, forward, up, position
        hfov, vfov = self._lens.get_fov()
        fx, fy = (w / 2) / math.tan(math.radians(hfov) / 2), (h / 2) / math.tan(math.radians(vfov) / 2)
        near = self._lens.get_near()
        reach = 2.0  # FXAA changes pixels one diagonal step from an actor's; one more for rounding
        rects = []
        if len(boxes):
            # a box's projection is the hull of its corners' when they all lie in front of the lens
            rel = boxes - m[3, :3]
            x, fwd, up = (rel * m[0, :3]).sum(2), (rel * m[1, :3]).sum(2), (rel * m[2, :3]).sum(2)  # (M, 8)
            if np.any(fwd <= near):
                return [(0, 0, w, h)]
            u, v = w / 2 + fx * x / fwd, h / 2 - fy * up / fwd
            rects += self._pixel_rects(u.min(1) - reach, v.min(1) - reach, u.max(1) + reach, v.max(1) + reach)
        if not len(spheres):
            return rects
        rel = spheres[:, :3] - m[3, :3]
        x, fwd, up = (rel * m[0, :3]).sum(1), (rel * m[1, :3]).sum(1), (rel * m[2, :3]).sum(1)  # no BLAS threads
        r = spheres[:, 3]
        if not np.all(np.isfinite(r)) or np.any(fwd - r <= near):
            return [(0, 0, w, h)]
        # A sphere's extent across the image is set by the two planes through the lens tangent to it: in the
        # plane of the horizontal (vertical) axis and the view direction, at its centre's angle ± asin(r / distance).
        ax, bx = np.arctan2(x, fwd), np.arcsin(r / np.hypot(x, fwd))
        ay, by = np.arctan2(up, fwd), np.arcsin(r / np.hypot(up, fwd))
        return rects + self._pixel_rects(w / 2 + fx * np.tan(ax - bx) - reach, h / 2 - fy * np.tan(ay + by) - reach,
                                         w / 2 + fx * np.tan(ax + bx) + reach, h / 2 - fy * np.tan(ay - by) + reach)

    def _pixel_rects(self, x0, y0, x1, y1) -> list[tuple[int, int, int, int]]:
        """Whole-pixel rectangles holding [x0, x1] × [y0, y1] (arrays), clipped to the frame."""
        w, h = self._size
        x0, x1 = np.clip(np.floor(x0), 0, w).astype(int), np.clip(np.ceil(x1), 0, w).astype(int)
        y0, y1 = np.clip(np.floor(y0), 0, h).astype(int), np.clip(np.ceil(y1), 0, h).astype(int)
        return [(int(a), int(b), int(c), int(d)) for a, b, c, d in zip(x0, y0, x1, y1, strict=True)]

    def _set_colour_active(self, active: bool) -> None:
        """Draw the colour frame (world buffer and its FXAA pass) in the next ``render_frame`` or not."""
        self._buffer.set_active(active)
        if self._post is not None:
            self._post.set_active(active)
        for extra in (self._ao, self._bloom):
            if extra is not None:
                extra.set_active(active)

    def render_passes(
        self, state: FrameState, passes: Sequence[str], next_state: FrameState | None = None
    ) -> dict[str, np.ndarray]:
        """Depth, instance mask, camera-space normals and flow to ``next_state`` (see Engine.render_passes)."""
        wanted = self._prepare_passes(state, passes, next_state)
        self._set_colour_active(False)
        self._draw()
        self._set_colour_active(True)
        return self._read_passes(wanted, next_state)

    def render_with_passes(
        self, state: FrameState, passes: Sequence[str], next_state: FrameState | None = None
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """The frame and its passes from one ``render_frame`` (the shadow map is drawn once for both)."""
        wanted = self._prepare_passes(state, passes, next_state)
        self._fit_regions()
        self._set_colour_active(True)
        self._draw()
        return self._read_pixels(), self._read_passes(wanted, next_state)

    def _read_passes(self, wanted: set[str], next_state: FrameState | None) -> dict[str, np.ndarray]:
        out = self._passes.read(wanted)
        if "flow" in out and next_state is None:
            out["flow"][:] = 0.0  # the last frame flows nowhere (exactly, not within rounding)
            out["flow_depth"] = out["depth"].copy()
        return out

    def _prepare_passes(self, state: FrameState, passes: Sequence[str], next_state: FrameState | None) -> set[str]:
        """Check the names, build the passes target once, and pose the world with this frame's motion inputs."""
        if self._buffer is None:
            raise EngineError("panda3d: render_passes() called before open()")
        wanted = set(passes)
        unknown = wanted - set(PASS_NAMES)
        if unknown:
            raise EngineError(f"panda3d: unknown pass {', '.join(sorted(unknown))}; "
                              f"choose from {', '.join(PASS_NAMES)}")
        if not self._shaded:
            raise EngineError("panda3d: the software renderer cannot draw ground-truth passes (no shaders); "
                              "use the panda3d engine on a machine with EGL")
        from panda3d.core import LMatrix4f, Shader

        if self._passes is None:
            shader = Shader.make(Shader.SL_GLSL, _shader_source("passes.vert", {}), _shader_source("passes.frag", {}))
            self._passes = PassesTarget(self._graphics, self._host, self._camera, self._lens, self._size, shader,
                                        clear_background=not self._covered)
            self._tag_skinned_passes()
        self._passes.set_active(True)
        w, h = self._size
        root = self._root
        following = next_state if next_state is not None else state
        if "flow" in wanted:
            # Each drawn node's world motion to the next frame: pose there, record, pose back.
            self._pose(following)
            geoms = self._moving_geoms()
            nxt = [g.get_net_transform().get_mat() for g in geoms]
            from engine_bridge.panda.actors import set_next_bones

            next_bones = [n.skin.bones if n.skin is not None else None for n in self._actor_nodes]
            self._pose(state)
            for nodes, bones in zip(self._actor_nodes, next_bones, strict=True):
                if bones is not None:
                    set_next_bones(nodes, bones)
            for g, m_next in zip(geoms, nxt, strict=True):
                motion = LMatrix4f(g.get_net_transform().get_mat())
                motion.invert_in_place()
                # Panda's row-vector convention: world_next = world_now * now⁻¹ * next.
                g.set_shader_input("u_motion", motion * m_next)
        else:
            self._pose(state)
        cams = []
        for s in (state, following):
            c = s.camera
            k = intrinsics(c.fov, w, h)
            cams.append((world_to_camera(c.position, c.hpr), (k[0, 0], k[1, 1], k[0, 2], k[1, 2])))
        for node in self._weather[1:]:
            node.set_shader_input("u_time_next", float(following.time))
        root.set_shader_input("u_world_to_cv", panda_matrix(cams[0][0]))
        root.set_shader_input("u_next_world_to_cv", panda_matrix(cams[1][0]))
        root.set_shader_input("u_intrinsics", tuple(float(x) for x in cams[0][1]))
        root.set_shader_input("u_next_intrinsics", tuple(float(x) for x in cams[1][1]))
        return wanted

    def _tag_skinned_passes(self) -> None:
        """The passes camera draws skinned bodies with the passes shader's SKINNED variant (a tag state)."""
        from panda3d.core import RenderState, Shader, ShaderAttrib

        from engine_bridge.panda.actors import SKIN_TAG

        bones = {"SKINNED": MAX_JOINTS}
        shader = Shader.make(Shader.SL_GLSL, _shader_source("passes.vert", bones), _shader_source("passes.frag", {}))
        cam = self._passes.camera.node()
        cam.set_tag_state_key(SKIN_TAG)
        cam.set_tag_state("1", RenderState.make(ShaderAttrib.make(shader, 1001)))

    def _moving_geoms(self) -> list:
        """A node path per rigid part under each actor (parts of multi-part actors included), in a stable order.

        A GeomNode shared by several actors (``instance_to``) cannot carry a per-actor input, so its
        parent, which is unique, stands for it.
        """
        paths = []
        for nodes in self._actor_nodes:
            for g in nodes.root.find_all_matches("**/+GeomNode"):
                paths.append(g.get_parent() if g.node().get_num_parents() > 1 else g)
        return paths

    def _read_pixels(self) -> np.ndarray:
        """The frame as upright RGB: the world buffer's read-back, with the FXAA rectangles' pixels put over it.

        The frame is written in the GL buffers' own row order (bottom row first) and returned as the upright view
        ``frame[::-1]`` (see :meth:`Engine.render`): turning the rows over was a second pass over the frame, 0.7 ms
        of this thread's 1.6 ms read-back at 720p, while the rasterisers waited. The encoder sends the memory as it
        lies and lets ffmpeg turn it over (pipeline/encode.py).
        """
        w, h = self._size
        frame = np.empty((h, w, 3), np.uint8)  # new each frame: callers keep frames
        _to_rgb(_bottom_up(self._tex, self._size), frame)
        if self._post is not None and self._post.drawn:
            bx0, by0, bx1, by1 = self._post.bounds
            region = _bottom_up(self._post.texture, (bx1 - bx0, by1 - by0))
            for x0, y0, x1, y1 in self._post.rects:  # the region's other pixels were not drawn this frame
                # rows y0..y1 of the upright frame are rows h - y1 .. h - y0 of the bottom-up buffer, and rows
                # by1 - y1 .. by1 - y0 of the bottom-up region
                _to_rgb(region[by1 - y1:by1 - y0, x0 - bx0:x1 - bx0], frame[h - y1:h - y0, x0:x1])
        return frame[::-1]

    def close(self) -> None:
        """Destroy the buffers and the scene graph."""
        if self._passes is not None:
            self._passes.close()
            self._passes = None
        for extra in (self._ao, self._bloom):
            if extra is not None:
                extra.close(self._graphics)
        self._ao = self._bloom = None
        if self._graphics is not None:
            self._graphics.remove_all_windows()
        if self._root is not None:
            self._root.remove_node()
        self._graphics = self._buffer = self._tex = self._root = self._post = None
        self._actor_nodes = []
