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
    // 1.055 c^(1/2.4) - 0.055 from three square roots (chilliant.com's fit; within 0.4 of an 8-bit level on
    // the curved part): pow is a log and an exp per channel under llvmpipe, about 15 % of a 720p frame.
    vec3 s1 = sqrt(c);
    vec3 s2 = sqrt(s1);
    vec3 curve = 0.585122381 * s1 + 0.783140355 * s2 - 0.368262736 * sqrt(s2);
    return mix(c * 12.92, curve, step(0.0031308, c));
}

vec3 apply_fog(vec3 colour, vec3 fog_colour, float density, float dist) {
    float f = exp(-(density * dist) * (density * dist));
    return mix(fog_colour, colour, f);
}
