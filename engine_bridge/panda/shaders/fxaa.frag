#version 330
// FXAA (after Timothy Lottes' FXAA "console" variant): find the local edge direction from the luma of
// four diagonal taps and blur along it, falling back to a shorter blur where the long one
// oversteps the local contrast. Input and output are sRGB. Every tap is a texelFetch: no derivatives, no
// filtering (texture() made the pass several times dearer under llvmpipe). It is drawn only in rectangles around
// the actors, in the same pixel grid as the world frame (gl_FragCoord), and only pixels next to an actor
// change: the world shader writes alpha 1 on actors and lamp posts, 0 on the ground and sky (postprocess.py).
uniform sampler2D u_scene;
out vec4 o_colour;

const float REDUCE_MIN = 1.0 / 128.0;
const float REDUCE_MUL = 1.0 / 8.0;
const float SPAN_MAX = 8.0;
const float EDGE_MIN = 1.0 / 24.0;  // luma contrast below which a pixel is left alone

float luma(vec3 c) { return dot(c, vec3(0.299, 0.587, 0.114)); }

void main() {
    // the five luma taps read single texels (texelFetch: no filtering, cheap under llvmpipe)
    ivec2 top = textureSize(u_scene, 0) - 1;
    ivec2 p = ivec2(gl_FragCoord.xy);  // the world's pixel under this one
    vec4 m4 = texelFetch(u_scene, p, 0);
    vec4 nw4 = texelFetch(u_scene, clamp(p + ivec2(-1, -1), ivec2(0), top), 0);
    vec4 ne4 = texelFetch(u_scene, clamp(p + ivec2(1, -1), ivec2(0), top), 0);
    vec4 sw4 = texelFetch(u_scene, clamp(p + ivec2(-1, 1), ivec2(0), top), 0);
    vec4 se4 = texelFetch(u_scene, clamp(p + ivec2(1, 1), ivec2(0), top), 0);
    vec3 m = m4.rgb;
    float nw = luma(nw4.rgb), ne = luma(ne4.rgb), sw = luma(sw4.rgb), se = luma(se4.rgb);
    float lm = luma(m);
    float lo = min(lm, min(min(nw, ne), min(sw, se)));
    float hi = max(lm, max(max(nw, ne), max(sw, se)));
    float actor = max(m4.a, max(max(nw4.a, ne4.a), max(sw4.a, se4.a)));
    if (hi - lo < EDGE_MIN || actor == 0.0) {  // flat, or no actor around: left as it is
        o_colour = vec4(m, 1.0);
        return;
    }
    vec2 dir = vec2(-((nw + ne) - (sw + se)), (nw + sw) - (ne + se));
    float reduce = max((nw + ne + sw + se) * (0.25 * REDUCE_MUL), REDUCE_MIN);
    float scale = 1.0 / (min(abs(dir.x), abs(dir.y)) + reduce);
    dir = clamp(dir * scale, vec2(-SPAN_MAX), vec2(SPAN_MAX));  // in pixels
    // The blur taps along the edge read single texels too: a bilinear tap at a computed position costs llvmpipe
    // about three times a texelFetch, and llvmpipe runs this path for flat pixels as well (no real branches).
    vec2 c = vec2(p) + 0.5;
    vec3 a = 0.5 * (texelFetch(u_scene, clamp(ivec2(c + dir * (1.0 / 3.0 - 0.5)), ivec2(0), top), 0).rgb
                    + texelFetch(u_scene, clamp(ivec2(c + dir * (2.0 / 3.0 - 0.5)), ivec2(0), top), 0).rgb);
    vec3 b = 0.5 * a + 0.25 * (texelFetch(u_scene, clamp(ivec2(c - 0.5 * dir), ivec2(0), top), 0).rgb
                               + texelFetch(u_scene, clamp(ivec2(c + 0.5 * dir), ivec2(0), top), 0).rgb);
    float lb = luma(b);
    o_colour = vec4((lb < lo || lb > hi) ? a : b, 1.0);
}
