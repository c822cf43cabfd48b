// Shared by every enginereel fragment shader: tone curve and sRGB encoding.
// Lighting is computed in linear light; the knee leaves values below 0.8 untouched and rolls
// highlights off smoothly towards white instead of clipping them.
vec3 tone(vec3 c) {
    const float k = 0.8;
    vec3 over = max(c - k, 0.0);
    // rational roll-off (same slope at the knee, same limit of 1) instead of an exp: cheaper under llvmpipe
    return min(c, vec3(k)) + over / (1.0 + over / (1.0 - k));
}

vec3 encode_srgb(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

vec3 apply_fog(vec3 colour, vec3 fog_colour, float density, float dist) {
    float f = exp(-(density * dist) * (density * dist));
    return mix(fog_colour, colour, f);
}
