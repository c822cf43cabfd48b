// Where a weather particle is at time t (weather.py builds one quad per particle with a random start in the unit
// box): a pure function of its seed, the time and the camera, so any frame renders alone and the same way twice.
// The particles live in a box of u_extent metres centred on the camera in x and y and standing on the ground in z;
// one that falls out of the box comes back in at the other side (fract), so the density round the camera is
// constant. WEATHER is 1 rain, 2 snow, 3 leaves.
uniform vec3 u_extent;
uniform vec3 u_drift;      // wind + fall, m/s
uniform float u_flutter;   // sideways sway of snow and leaves, metres
uniform float u_size;      // streak length (rain), width (snow, leaves)

vec3 particle_centre(vec4 seed, float t, vec3 cam) {
    float speed = 0.75 + 0.5 * seed.w;  // each particle a little faster or slower
    vec3 p = seed.xyz * u_extent + u_drift * speed * t;
    p.xy += u_flutter * vec2(sin(t * (1.1 + seed.w) + 6.2831853 * seed.x), cos(t * (0.9 + seed.w) + 6.2831853 * seed.y));
    vec2 rel = fract((p.xy - cam.xy) / u_extent.xy + 0.5) - 0.5;
    return vec3(cam.xy + rel * u_extent.xy, fract(p.z / u_extent.z) * u_extent.z);
}

// The quad's corner in world space: rain is a streak along its motion, snow a camera-facing disc, a leaf a
// tumbling card.
vec3 particle_corner(vec4 seed, vec2 corner, float t, vec3 cam) {
    vec3 c = particle_centre(seed, t, cam);
    vec3 to_cam = normalize(cam - c);
#if WEATHER == 1
    vec3 along = normalize(u_drift + vec3(0.0, 0.0, -1e-3));
    vec3 side = normalize(cross(along, to_cam));
    return c + along * (corner.y * 0.5 * u_size) + side * (corner.x * 0.006);
#elif WEATHER == 2
    vec3 side = normalize(cross(vec3(0.0, 0.0, 1.0), to_cam));
    vec3 up = cross(to_cam, side);
    return c + (side * corner.x + up * corner.y) * (0.5 * u_size * (0.7 + 0.6 * seed.w));
#else
    float a = t * (2.0 + 3.0 * seed.w) + 6.2831853 * seed.z;
    vec3 u = vec3(cos(a), sin(a) * 0.6, sin(a) * 0.8);
    vec3 v = normalize(cross(u, vec3(seed.y - 0.5, seed.x - 0.5, 1.0)));
    return c + (u * corner.x + v * corner.y * 0.7) * (0.5 * u_size * (0.7 + 0.6 * seed.w));
#endif
}
