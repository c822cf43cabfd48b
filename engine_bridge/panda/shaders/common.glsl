// Shared by every enginereel fragment shader: tone curve and sRGB encoding.
// Lighting is computed in linear light; the knee leaves values below 0.8 untouched and rolls
// highlights off smoothly towards white instead of clipping them.
vec3 tone(vec3 c) {
    const float k = 0.8;
    vec3 over = max(c - k, 0.0);
    // rational roll-off (same slope at the knee, same limit of 1) instead of an exp: cheaper under llvmpipe;
    // written as over (1 - k) / ((1 - k) + over), one divide per channel instead of two
    return min(c, vec3(k)) + over * (1.0 - k) / ((1.0 - k) + over);
}

vec3 encode_srgb(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    // 1.055 c^(1/2.4) - 0.055 as a quintic in sqrt(c), fitted near-minimax on the curved part (within 0.09 of an
    // 8-bit level): pow is a log and an exp per channel under llvmpipe (~15 % of a 720p frame), and each square
    // root saved is ~1 %.
    vec3 s = sqrt(c);
    vec3 curve = ((((0.516561766 * s - 1.621594268) * s + 2.029510360) * s - 1.401844540) * s + 1.517793642) * s
                 - 0.040101195;
    return mix(c * 12.92, curve, step(0.0031308, c));
}

vec3 apply_fog(vec3 colour, vec3 fog_colour, float density, float dist) {
    // exp(-x) as (1 + x/128)^-128: seven squarings and a divide, within 0.6 of an 8-bit level of the exp, which
    // under llvmpipe is a polynomial plus exponent bit tricks per lane (~5 % of a 720p frame).
    float t = 1.0 + (density * dist) * (density * dist) * (1.0 / 128.0);
    t *= t; t *= t; t *= t; t *= t; t *= t; t *= t; t *= t;
    return mix(fog_colour, colour, 1.0 / t);
}
