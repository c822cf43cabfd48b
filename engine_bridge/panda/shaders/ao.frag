#version 330
// Screen-space ambient occlusion at half resolution (ao.py), after McGuire et al.'s Alchemy AO ("The Alchemy
// Screen-Space Ambient Obscurance Algorithm", HPG 2011): points within u_radius metres around a pixel, read from
// the depth pre-pass, occlude it by how far they rise above its tangent plane, falling off with distance.
// AO_SAMPLES taps on a spiral whose rotation follows a 4x4 pixel pattern fixed on the screen (no time term: a still
// shot gives the same frame every time); ao_blur.frag averages the pattern away. Output: visibility in red, and
// log2 of the depth as 16 bits in green and blue, so the blur compares depths with one fetch and no divide.
uniform sampler2D u_depth;  // the pre-pass's depth buffer, [0, 1]
uniform vec4 u_proj;        // tan(horizontal fov / 2), tan(vertical fov / 2), near, far
uniform vec2 u_ao_params;   // radius (metres), strength
out vec4 o_colour;

// metres along the view axis from a depth-buffer value (Panda's perspective lens, OpenGL depth range)
float view_z(float d) { return u_proj.z * u_proj.w / (u_proj.w - d * (u_proj.w - u_proj.z)); }

vec3 view_pos(ivec2 p, vec2 size) {
    float z = view_z(texelFetch(u_depth, p, 0).r);
    return vec3(((vec2(p) + 0.5) / size * 2.0 - 1.0) * u_proj.xy * z, z);  // x right, y up, z forward
}

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    ivec2 top = textureSize(u_depth, 0) - 1;
    vec2 size = vec2(top + 1);
    vec3 P = view_pos(p, size);
    if (P.z > 0.5 * u_proj.w) { o_colour = vec4(1.0); return; }  // the sky: nothing to occlude, depth "far"
    // the surface's normal from the nearer neighbour on each axis (a silhouette does not bend it)
    vec3 dx0 = P - view_pos(max(p - ivec2(1, 0), ivec2(0)), size);
    vec3 dx1 = view_pos(min(p + ivec2(1, 0), top), size) - P;
    vec3 dy0 = P - view_pos(max(p - ivec2(0, 1), ivec2(0)), size);
    vec3 dy1 = view_pos(min(p + ivec2(0, 1), top), size) - P;
    vec3 N = normalize(cross(abs(dx0.z) < abs(dx1.z) ? dx0 : dx1, abs(dy0.z) < abs(dy1.z) ? dy0 : dy1));
    if (dot(N, P) > 0.0) N = -N;  // towards the camera
    // the radius in pixels at this depth, capped (wide taps miss the texture cache), and in metres as capped: the
    // falloff must end where the taps do, or the shade stops in a hard line
    float px_per_metre = 0.5 * size.y / (P.z * u_proj.y);
    float r_px = min(u_ao_params.x * px_per_metre, 0.16 * size.y);
    float radius = r_px / px_per_metre;
    // a 4x4 ordered pattern of rotations and radial offsets: each 4x4 block holds all sixteen (ao_blur.frag); the
    // rotation is one 2x2 matrix per pixel (no trigonometry per tap: each is a polynomial under llvmpipe); the
    // tap angles are constants once the loop is unrolled. (The dither index by bit arithmetic instead of this table
    // measured the same.)
    int k = (p.x & 3) * 4 + (p.y & 3);
    const float BAYER[16] = float[16](0.0, 8.0, 2.0, 10.0, 12.0, 4.0, 14.0, 6.0, 3.0, 11.0, 1.0, 9.0, 15.0, 7.0,
                                      13.0, 5.0);
    float turn = BAYER[k] * (6.2831853 / 16.0);
    vec2 cs = vec2(cos(turn), sin(turn));
    mat2 rotate = mat2(cs.x, cs.y, -cs.y, cs.x);
    float jitter = (BAYER[15 - k] + 0.5) / 16.0;
    float r2 = radius * radius;
    float sum = 0.0;
    for (int i = 0; i < AO_SAMPLES; ++i) {
        float t = (float(i) + jitter) / float(AO_SAMPLES);
        // two and a half turns of the spiral over the taps (the angles are constants once the loop is unrolled)
        float a = (float(i) + 0.5) / float(AO_SAMPLES) * (6.2831853 * 2.5);
        ivec2 q = clamp(p + ivec2(round(rotate * vec2(cos(a), sin(a)) * (t * r_px + 1.0))), ivec2(0), top);
        vec3 v = view_pos(q, size) - P;
        float vv = dot(v, v);
        // above the tangent plane (less a depth-scaled bias against self-occlusion), by 1/distance, fading to
        // nothing at the radius: a far background behind a silhouette does not darken it
        sum += max(dot(v, N) - 0.01 * P.z, 0.0) / (vv + 0.01 * r2) * max(1.0 - vv / r2, 0.0);
    }
    float visibility = max(1.0 - u_ao_params.y * 2.0 * radius * sum / float(AO_SAMPLES), 0.0);
    float e = clamp(log2(P.z / u_proj.z) / log2(u_proj.w / u_proj.z), 0.0, 1.0) * 65535.0;
    o_colour = vec4(visibility, floor(e / 256.0) / 255.0, mod(floor(e), 256.0) / 255.0, 1.0);
}
