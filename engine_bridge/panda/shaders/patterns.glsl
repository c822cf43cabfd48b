// Procedural surface textures for actors (surface.frag with PATTERN defined): colour, roughness and a bump from
// the object-space position in metres, so the texture moves with the actor and is the same on every frame. Each is
// a compile-time variant; every high-frequency term fades out by its own screen-space footprint (fwidth) before it
// could alias or shimmer.
#define PATTERN_WOOD 1
#define PATTERN_FABRIC 2
#define PATTERN_BRICK 3
#define PATTERN_CONCRETE 4
#define PATTERN_ASPHALT 5
#define PATTERN_GRASS 6
#define PATTERN_SAND 7
#define PATTERN_SNOW 8
#define PATTERN_WATER 9

float hash3(vec3 p) {
    p = fract(p * 0.3183099 + 0.1);
    p *= 17.0;
    return fract(p.x * p.y * p.z * (p.x + p.y + p.z));
}

float value_noise(vec3 x) {
    vec3 i = floor(x);
    vec3 f = fract(x);
    f = f * f * (3.0 - 2.0 * f);
    return mix(mix(mix(hash3(i), hash3(i + vec3(1, 0, 0)), f.x),
                   mix(hash3(i + vec3(0, 1, 0)), hash3(i + vec3(1, 1, 0)), f.x), f.y),
               mix(mix(hash3(i + vec3(0, 0, 1)), hash3(i + vec3(1, 0, 1)), f.x),
                   mix(hash3(i + vec3(0, 1, 1)), hash3(i + vec3(1, 1, 1)), f.x), f.y), f.z);
}

float fbm(vec3 p) {
    return (0.5 * value_noise(p) + 0.25 * value_noise(p * 2.03) + 0.125 * value_noise(p * 4.01)) / 0.875;
}

// how much of a feature of ``freq`` cycles per metre survives at this pixel (1 sharp, 0 sub-pixel: fade it out)
float keep(vec3 p, float freq) {
    return clamp(1.5 - 2.0 * length(fwidth(p)) * freq, 0.0, 1.0);
}

// the face's 2D coordinates on the plane its object-space normal is closest to (bricks and weaves need a plane)
vec2 face_uv(vec3 p, vec3 n) {
    vec3 a = abs(n);
    if (a.z > a.x && a.z > a.y) return p.xy;
    return a.x > a.y ? vec2(p.y, p.z) : vec2(p.x, p.z);
}

// Modifies albedo and roughness; returns a height (metres, small) whose screen derivatives tilt the normal.
float surface_pattern(vec3 p, vec3 n, inout vec3 albedo, inout float rough) {
    float height = 0.0;
#if PATTERN == PATTERN_WOOD
    // growth rings round the object's x axis, bent by noise; fine streaks along the grain
    float ring = fract(length(p.yz) * 9.0 + 2.5 * fbm(p * vec3(0.6, 3.0, 3.0)));
    float late = smoothstep(0.55, 0.85, ring) * keep(p, 9.0);
    float streak = value_noise(p * vec3(3.0, 90.0, 90.0)) * keep(p, 90.0);
    albedo *= (1.05 - 0.35 * late) * (0.92 + 0.16 * streak);
    rough = clamp(rough + 0.1 * late, 0.04, 1.0);
    height = -0.0004 * late;
#elif PATTERN == PATTERN_FABRIC
    vec2 uv = face_uv(p, n) * 90.0;  // threads about 11 mm apart
    float weave = sin(uv.x * 6.2831853) * sin(uv.y * 6.2831853);
    float k = keep(p, 90.0);
    albedo *= 1.0 + 0.15 * weave * k - 0.2 * (fbm(p * 6.0) - 0.5);
    height = 0.0003 * weave * k;
#elif PATTERN == PATTERN_BRICK
    // 215 x 65 mm bricks in stretcher bond, 10 mm mortar joints
    vec2 uv = face_uv(p, n) / vec2(0.225, 0.075);
    float row = floor(uv.y);
    uv.x += 0.5 * mod(row, 2.0);
    vec2 cell = floor(uv);
    vec2 f = fract(uv);
    vec2 w = fwidth(uv) + 1e-4;
    vec2 joint = vec2(0.022, 0.067);  // mortar as a share of the cell (10 mm of 225 and of 75)
    vec2 in_brick = smoothstep(joint - w, joint + w, f) * smoothstep(joint - w, joint + w, 1.0 - f);
    float brick = in_brick.x * in_brick.y;
    float tone = 0.8 + 0.35 * hash3(vec3(cell, 7.0));
    vec3 mortar = vec3(0.55, 0.53, 0.5);
    albedo = mix(mortar, albedo * tone * (0.9 + 0.2 * fbm(p * 30.0)), brick);
    rough = mix(0.95, rough, brick);
    height = 0.004 * brick;
#elif PATTERN == PATTERN_CONCRETE
    float blotch = fbm(p * 3.0);
    float pits = smoothstep(0.78, 0.85, value_noise(p * 70.0)) * keep(p, 70.0);
    albedo *= (0.78 + 0.4 * blotch) * (1.0 - 0.3 * pits);
    rough = clamp(rough + 0.1 * (blotch - 0.5), 0.04, 1.0);
    height = 0.0015 * blotch - 0.0008 * pits;
#elif PATTERN == PATTERN_ASPHALT
    float grain = value_noise(p * 120.0) * keep(p, 120.0);
    float stone = smoothstep(0.82, 0.9, value_noise(p * 45.0 + 3.0)) * keep(p, 45.0);
    albedo *= (0.8 + 0.4 * fbm(p * 2.0)) * (0.8 + 0.4 * grain) + 1.2 * stone;
    height = 0.0006 * grain + 0.001 * stone;
#elif PATTERN == PATTERN_GRASS
    float patch = fbm(p * 2.5);
    float blades = value_noise(p * vec3(40.0, 40.0, 8.0)) * keep(p, 40.0);
    albedo *= vec3(0.7 + 0.6 * patch, 0.8 + 0.35 * patch, 0.75) * (0.7 + 0.6 * blades);
    height = 0.002 * blades;
#elif PATTERN == PATTERN_SAND
    float ripple = sin(p.x * 25.0 + 4.0 * fbm(p * 1.5)) * keep(p, 4.0);
    float speck = value_noise(p * 150.0) * keep(p, 150.0);
    albedo *= (0.93 + 0.1 * fbm(p * 4.0)) * (0.94 + 0.12 * speck);
    height = 0.002 * ripple;
#elif PATTERN == PATTERN_SNOW
    float drift = fbm(p * 2.0);
    albedo *= 0.94 + 0.08 * drift;
    rough = clamp(rough + 0.15 * (drift - 0.5), 0.04, 1.0);
    height = 0.004 * drift;
#endif
    return height;
}

// Bump mapping without tangents (Mikkelsen, "Bump Mapping Unparametrized Surfaces on the GPU"): the height's
// screen-space derivatives tilt the world-space normal.
vec3 bump_normal(vec3 N, vec3 pos, float height) {
    vec3 dpdx = dFdx(pos);
    vec3 dpdy = dFdy(pos);
    vec3 r1 = cross(dpdy, N);
    vec3 r2 = cross(N, dpdx);
    float det = dot(dpdx, r1);
    vec3 grad = sign(det) * (dFdx(height) * r1 + dFdy(height) * r2);
    return normalize(abs(det) * N - grad);
}

#if PATTERN == PATTERN_WATER
// Open water's surface normal: five travelling waves (a sum of sines in world x, y), their directions spread about
// the wind's and their speeds from deep-water dispersion (omega^2 = g k), so the surface is a pure function of the
// time: no state between frames. A wave shorter than the pixel's footprint would shimmer: its slope fades out and
// its variance goes into the roughness instead (the sky's reflection blurs, as distant water does). The geometry
// stays flat, so depth and flow are those of the plane. ``rough`` is raised in place.
uniform float u_time;
uniform vec3 u_wind;  // m/s, world (scenes/world.py)

vec3 water_normal(vec3 N, vec3 world, inout float rough) {
    if (N.z < 0.5) return N;  // only the top: a lake's rim and a sea's edge keep their faces
    float speed = length(u_wind.xy);
    vec2 down = speed > 0.01 ? u_wind.xy / speed : vec2(0.0, 1.0);
    // slope (amplitude x wavenumber) grows with the wind: glassy in a calm, choppy in a gale
    float steep = 0.015 + 0.005 * min(speed, 12.0);
    const float LENGTHS[5] = float[5](4.3, 2.1, 1.13, 0.61, 0.29);  // metres, incommensurate: no visible repeat
    const float TURNS[5] = float[5](0.0, 0.55, -0.45, 1.05, -1.2);  // radians from the wind
    vec2 slope = vec2(0.0);
    float lost = 0.0;
    float foot = length(fwidth(world.xy));
    for (int i = 0; i < 5; ++i) {
        float k = 6.2831853 / LENGTHS[i];
        float c = cos(TURNS[i]), s = sin(TURNS[i]);
        vec2 dir = vec2(c * down.x - s * down.y, s * down.x + c * down.y);
        float omega = sqrt(9.81 * k);
        float fade = clamp(1.5 - 4.0 * foot / LENGTHS[i], 0.0, 1.0);  // four pixels a wave at the least
        float a = steep * (1.0 - 0.1 * float(i));
        slope += dir * (a * fade * cos(k * dot(dir, world.xy) - omega * u_time + 1.7 * float(i)));
        lost += a * a * (1.0 - fade * fade);
    }
    rough = sqrt(rough * rough + 2.0 * lost);
    return normalize(vec3(-slope, 1.0));
}
#endif
