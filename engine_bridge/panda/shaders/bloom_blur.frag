#version 330
// One direction of bloom's separable blur (bloom.py): a Gaussian of BLOOM_SIGMA texels over +-2.5 sigma, by
// texelFetch (exact taps, cheap under llvmpipe), in linear HDR.
uniform sampler2D u_source;
uniform vec2 u_step;  // (1, 0) or (0, 1)
out vec4 o_colour;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    ivec2 top = textureSize(u_source, 0) - 1;
    ivec2 dir = ivec2(u_step);
    const int REACH = int(2.5 * BLOOM_SIGMA);
    vec3 sum = vec3(0.0);
    float weight = 0.0;
    for (int i = -REACH; i <= REACH; ++i) {
        float w = exp(-0.5 * float(i * i) / (BLOOM_SIGMA * BLOOM_SIGMA));  // constants once unrolled
        sum += w * texelFetch(u_source, clamp(p + i * dir, ivec2(0), top), 0).rgb;
        weight += w;
    }
    o_colour = vec4(sum / weight, 1.0);
}
