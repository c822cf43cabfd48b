#version 330
// The occlusion of ao.frag averaged over a 4x4 block, which holds all sixteen of its sample patterns, weighted by
// depth (neighbours on another surface do not count): no pattern or noise is left and edges stay sharp (ao.py).
uniform sampler2D u_ao;  // visibility; log2 depth as 16 bits (ao.frag)
out vec4 o_colour;

// log2 depth over log2(far / near), 0..1 (ao.frag): a relative depth difference is a plain difference
float log_depth(vec4 t) { return dot(t.gb, vec2(255.0 * 256.0, 255.0)) * (1.0 / 65535.0); }

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    ivec2 top = textureSize(u_ao, 0) - 1;
    float e = log_depth(texelFetch(u_ao, p, 0));
    float sum = 0.0;
    float weight = 0.0;
    for (int y = -1; y <= 2; ++y) {
        for (int x = -1; x <= 2; ++x) {
            vec4 t = texelFetch(u_ao, clamp(p + ivec2(x, y), ivec2(0), top), 0);
            // full weight on the same surface, none past 5 % of the depth apart (log2 1.05 = 0.07 of 16.6 stops)
            float w = max(1.0 - abs(log_depth(t) - e) * (16.6 / 0.07), 0.0);
            sum += w * t.r;
            weight += w;
        }
    }
    float ao = sum / max(weight, 1e-4);
    o_colour = vec4(ao, ao, ao, 1.0);
}
