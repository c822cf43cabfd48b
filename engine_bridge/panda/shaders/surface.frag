#version 330
// Physically based surface: GGX specular + Lambert diffuse under one sun with a shadow map, image-based light from
// the environment (SH irradiance for diffuse; the prefiltered environment map for reflections), point lamps and
// exponential-squared fog. Variants are chosen with #defines at compile time because a runtime branch costs frame
// rate under llvmpipe: SHADOWS, GROUND, GROUND_CHECKER, POINT_LIGHTS, ENV_SPECULAR (reflections from the map
// rather than two sky colours), TONE_AGX (common.glsl), GROUND_SHEEN, SOFT_SHADOWS, PATTERN (patterns.glsl), GLASS,
// REFRACT (glass drawn over the world's frame, bending what is behind it), SKINNED (surface.vert), TINTED (a colour per vertex from a skinned part, multiplying the albedo), AO
// (screen-space ambient occlusion on the sky light, ao.py), WATER (waves, patterns.glsl).
uniform mat4 p3d_ViewMatrixInverse;
uniform vec3 u_sun_dir;
uniform vec3 u_sun_radiance;
uniform vec3 u_sh[9];        // diffuse irradiance, ibl.py
uniform float u_ambient;     // the script's scale on sky light
uniform float u_exposure;
uniform vec3 u_fog_colour;
uniform float u_fog_density;
uniform vec4 u_albedo;
uniform vec3 u_material;  // roughness, metallic, emission
#ifdef ENV_SPECULAR
uniform sampler2D u_env;
uniform float u_env_range;  // octahedral, mip level 5 sqrt(roughness) (ibl.py)
#endif
#if defined(AO) && !defined(GLASS)
#define OCCLUDED 1  // glass is not in the occlusion pre-pass: what lies behind it is, so it keeps its sky light
uniform sampler2D u_ao;  // visibility of the sky, half resolution (ao.py)
uniform vec2 u_ao_scale;  // frame pixels to its texture coordinates
#endif
#if defined(BLOOM) && !defined(GLASS)
// the glow of the sun's disc and lamps round this pixel (bloom.py), linear, after exposure; glass adds none (what is
// behind it has it already)
uniform sampler2D u_bloom;
uniform vec2 u_bloom_scale;
uniform float u_bloom_strength;
#define GLOW (u_bloom_strength * texture(u_bloom, gl_FragCoord.xy * u_bloom_scale).rgb)
#else
#define GLOW vec3(0.0)
#endif
#ifdef REFRACT
uniform sampler2D u_scene;        // the world's frame without glass, display-encoded (postprocess.py)
uniform sampler2D u_world_depth;  // its depth buffer
uniform mat4 p3d_ViewProjectionMatrix;
#endif
#ifdef POINT_LIGHTS
uniform vec3 u_lamp_pos[POINT_LIGHTS];
uniform vec3 u_lamp_radiance;  // linear colour × intensity, the same for every lamp
#endif
uniform vec3 u_sky_reflection[3];  // the rough sky reflected low, high, and the ground seen from above (ibl.py)
#ifdef GROUND
uniform vec3 u_ground_irradiance;   // sky irradiance on the flat ground × ambient (constant: the normal is)
#endif
#ifdef GROUND_CHECKER
uniform vec3 u_ground_alt;  // the second cell colour over the first
uniform float u_ground_scale;  // cell size, metres
#elif defined(GROUND)
uniform sampler2D u_ground_tex;
uniform float u_ground_scale;
#endif
#ifdef SHADOWS
uniform struct p3d_LightSourceParameters {
    mat4 shadowViewMatrix;
    sampler2DShadow shadowMap;
} p3d_LightSource[1];
in vec3 v_shadow;
#endif
#ifdef PCSS
// The quality look's penumbra that widens with the distance to the caster: the same shadow map read as raw depths
// through a second sampler without comparison (engine.py), for the blocker search. PCSS is tan of the sun's
// angular radius; PCSS_SEARCH the widest penumbra searched, in texels.
uniform sampler2D u_shadow_depth;
uniform vec2 u_shadow_scale;  // metres per shadow texel, metres per unit of shadow depth
#define PCSS_SEARCH 8.0
#endif
in vec3 v_world;
in vec3 v_normal;
#ifdef TINTED
in vec3 v_tint;
#endif
#ifdef PATTERN
in vec3 v_object;
in vec3 v_object_normal;
#endif
out vec4 o_colour;

const float PI = 3.14159265;

void main() {
    vec3 albedo = u_albedo.rgb;
#ifdef TINTED
    albedo *= v_tint;
#endif
#ifdef GROUND_CHECKER
    // An analytically box-filtered checker (the integral of the square wave over the pixel's footprint):
    // no aliasing, no texture fetch, which under llvmpipe was a fifth of a 720p frame.
    vec2 q = v_world.xy / u_ground_scale;
    vec2 w = fwidth(q) + 1e-3;
    vec2 wave = 2.0 * (abs(fract((q - 0.5 * w) * 0.5) - 0.5) - abs(fract((q + 0.5 * w) * 0.5) - 0.5)) / w;
    albedo *= mix(vec3(1.0), u_ground_alt, 0.5 + 0.5 * wave.x * wave.y);
#elif defined(GROUND)
    albedo *= 2.0 * texture(u_ground_tex, v_world.xy / u_ground_scale).rgb;  // stored at half gain
#endif
    float rough = clamp(u_material.x, 0.04, 1.0);
    float metal = u_material.y;
    vec3 cam = p3d_ViewMatrixInverse[3].xyz;
#ifdef GROUND
    const vec3 N = vec3(0.0, 0.0, 1.0);  // flat and seen from above: the sun and sky terms fold to constants
#else
    vec3 N = normalize(v_normal);
    if (!gl_FrontFacing) N = -N;
#endif
#ifdef WATER
    N = water_normal(N, v_world, rough);  // patterns.glsl (PATTERN_WATER)
#elif defined(PATTERN)
    N = bump_normal(N, v_world, surface_pattern(v_object, v_object_normal, albedo, rough));
#endif
    // one length serves the view vector, the ground's view angle and the fog
    vec3 to_cam = cam - v_world;
    float dist = length(to_cam);
    vec3 V = to_cam / dist;
    vec3 L = u_sun_dir;
    float ndl = max(dot(N, L), 0.0);
#ifdef GROUND
    float ndv = max(to_cam.z / dist, 1e-3);
#else
    float ndv = max(dot(N, V), 1e-3);
#endif

    float shadow = 1.0;
#ifdef SHADOWS
#if defined(SOFT_SHADOWS) || defined(PCSS)
    // Soft shadows: 12 hardware-filtered (2x2) taps on a Vogel disk of SOFT_SHADOWS texels, a penumbra a few
    // centimetres wide instead of one texel; with PCSS the disk's radius follows the distance to the caster.
    vec2 texel = 1.0 / vec2(textureSize(p3d_LightSource[0].shadowMap, 0));
#ifdef PCSS
    // blocker search (Fernando, "Percentage-Closer Soft Shadows", 2005): the mean depth of what lies between this
    // point and the sun within the widest penumbra; the penumbra's radius is the gap to it times tan(sun radius),
    // so a shadow is hard where a caster meets the ground and soft far from it, as under Cycles' sun
    float blocker = 0.0;
    float found = 0.0;
    for (int i = 0; i < 8; ++i) {
        float r = sqrt((float(i) + 0.5) / 8.0) * PCSS_SEARCH;
        float a = float(i) * 2.39996323 + 0.5;
        float d = textureLod(u_shadow_depth, v_shadow.xy + r * texel * vec2(cos(a), sin(a)), 0.0).r;
        float nearer = step(d, v_shadow.z);
        blocker += nearer * d;
        found += nearer;
    }
    float gap = max(v_shadow.z - blocker / max(found, 1.0), 0.0) * u_shadow_scale.y * step(0.5, found);
    float spread = clamp(gap * PCSS / u_shadow_scale.x, 0.75, PCSS_SEARCH);
#else
    float spread = float(SOFT_SHADOWS);
#endif
    shadow = 0.0;
    for (int i = 0; i < 12; ++i) {
        float r = sqrt((float(i) + 0.5) / 12.0) * spread;
        float a = float(i) * 2.39996323;  // the golden angle
        shadow += texture(p3d_LightSource[0].shadowMap, v_shadow + vec3(r * texel * vec2(cos(a), sin(a)), 0.0));
    }
    shadow *= 1.0 / 12.0;
#else
    // orthographic sun: no divide; an explicit level: the map has none below it, so llvmpipe need not derive one
    shadow = textureLod(p3d_LightSource[0].shadowMap, v_shadow, 0.0);
#endif
#endif
    float visibility = 1.0;  // of the sky: a constant the compiler folds away without AO
#ifdef OCCLUDED
    visibility = texture(u_ao, gl_FragCoord.xy * u_ao_scale).r;
#endif
    float fv = 1.0 - ndv;
    float fv2 = fv * fv;
#ifdef GROUND
    // The ground is rough and fills most of the frame: Lambert under the sun and the sky's (constant) irradiance.
    vec3 colour = albedo / PI * (u_sun_radiance * ndl * shadow + u_ground_irradiance * visibility);
#ifdef GROUND_SHEEN
    // the sky's rough reflection, brighter towards the horizon by Schlick's Fresnel (no texture fetch, but ~9 % of
    // a 720p frame under llvmpipe: the quality look's)
    float f_amb = 0.04 + (max(1.0 - rough, 0.04) - 0.04) * (fv2 * fv2 * fv);
    colour += u_ambient * visibility * f_amb * mix(u_sky_reflection[0], u_sky_reflection[1], ndv);
#endif
#else
    vec3 H = normalize(L + V);
    float ndh = max(dot(N, H), 0.0);
    float a = rough * rough;
    float a2 = a * a;
    float d = ndh * ndh * (a2 - 1.0) + 1.0;
    float D = a2 / (PI * d * d);
    float k = (rough + 1.0) * (rough + 1.0) / 8.0;
    float G = (ndl / (ndl * (1.0 - k) + k)) * (ndv / (ndv * (1.0 - k) + k));
    vec3 F0 = mix(vec3(0.04), albedo, metal);
    // Schlick's (1 - x)^5 as multiplications: pow is a log and an exp under llvmpipe
    float fh = 1.0 - max(dot(H, V), 0.0);
    float fh2 = fh * fh;
    vec3 F = F0 + (1.0 - F0) * (fh2 * fh2 * fh);
    vec3 spec = D * G * F / (4.0 * ndl * ndv + 1e-4);
    vec3 diffuse = (1.0 - F) * (1.0 - metal) * albedo / PI;
    vec3 colour = (diffuse + spec) * u_sun_radiance * ndl * shadow;

    // image-based light: diffuse from the SH irradiance, reflections from the prefiltered environment
    vec3 R = reflect(-V, N);
#ifdef WATER
    R.z = abs(R.z);  // a ray a wave sends down meets the water again: the sky, not the ground below the horizon
#endif
#ifdef ENV_SPECULAR
    vec3 env = env_radiance(u_env, u_env_range, R, 5.0 * sqrt(rough));
    vec2 ab = env_brdf(rough, ndv);
    vec3 f_amb = F0 * ab.x + ab.y;
#else
    // the fast look: the sky's rough reflection by elevation, the ground's below, and Schlick's Fresnel with
    // roughness (no texture fetch, no exp2)
    vec3 env = R.z >= 0.0 ? mix(u_sky_reflection[0], u_sky_reflection[1], R.z) : u_sky_reflection[2];
    vec3 f_amb = F0 + (max(vec3(1.0 - rough), F0) - F0) * (fv2 * fv2 * fv);
#endif
    vec3 spec_amb = env * f_amb;
    vec3 diffuse_amb = sh_irradiance(u_sh, N) / PI * albedo * (1.0 - metal) * (1.0 - f_amb);
    colour += u_ambient * visibility * (diffuse_amb + spec_amb);
#endif
#ifdef POINT_LIGHTS
    // Street lamps: unshadowed point lights, inverse-square falloff, Lambert plus a Blinn-Phong glint
    // whose sharpness follows roughness (cheaper than GGX per lamp, and lamps are small in the frame).
    float shine = min(2.0 / max(rough * rough * rough * rough, 1e-3), 256.0);  // capped: sharper glints sparkle
    for (int i = 0; i < POINT_LIGHTS; ++i) {
        vec3 Lp = u_lamp_pos[i] - v_world;
        float d2 = dot(Lp, Lp);
        Lp *= inversesqrt(d2);
        float nl = max(dot(N, Lp), 0.0);
        float glint = pow(max(dot(N, normalize(Lp + V)), 0.0), shine) * (shine + 8.0) / (8.0 * PI) * (1.0 - rough);
        colour += u_lamp_radiance / (d2 + 0.25) * nl * (albedo / PI * (1.0 - metal) + mix(vec3(0.04), albedo, metal) * glint);
    }
#endif
    colour += albedo * u_material.z;

    colour = apply_fog(colour, u_fog_colour, u_fog_density, dist);
#ifdef GROUND
    o_colour = vec4(display(colour * u_exposure + GLOW), 0.0);  // alpha: not an actor, FXAA leaves it (postprocess.py)
#elif defined(GLASS)
    // Clear glass: what it reflects (added, premultiplied) over what lies behind, which it lets through less at
    // grazing angles (Fresnel). Blended with ONE, ONE_MINUS_SRC_ALPHA (engine.py); the tone curve is applied before
    // blending, an approximation that keeps glass a single pass.
    float cover = clamp(0.04 + f_amb.g, 0.0, 0.95);
    vec3 front = display((spec * u_sun_radiance * ndl * shadow + u_ambient * spec_amb) * u_exposure
                         + albedo * cover * 0.05);
#ifdef REFRACT
    // Refraction (postprocess.py): drawn over the anti-aliased world frame, which holds no glass, with no depth
    // buffer: hidden where the world is nearer; what lies behind is read from the world's frame at this pixel moved
    // by the surface's normal into the glass (REFRACT metres, as projected here) — a lens, not a ray trace; where
    // that lands on something in front of the glass, the pixel itself.
    ivec2 p = ivec2(gl_FragCoord.xy);
    ivec2 top = textureSize(u_scene, 0) - 1;
    if (gl_FragCoord.z > texelFetch(u_world_depth, p, 0).r) discard;
    vec4 here = p3d_ViewProjectionMatrix * vec4(v_world, 1.0);
    vec4 bent = p3d_ViewProjectionMatrix * vec4(v_world - N * REFRACT, 1.0);
    ivec2 q = clamp(p + ivec2(round((bent.xy / bent.w - here.xy / here.w) * 0.5 * vec2(top + 1))), ivec2(0), top);
    if (texelFetch(u_world_depth, q, 0).r < gl_FragCoord.z) q = p;
    o_colour = vec4(front + (1.0 - cover) * texelFetch(u_scene, q, 0).rgb, 1.0);
#else
    o_colour = vec4(front, cover);
#endif
#else
    o_colour = vec4(display(colour * u_exposure + GLOW), 1.0);
#endif
}
