// Shared by every enginereel fragment shader: tone curves, sRGB encoding, fog, and the environment lookups of
// image-based lighting (ibl.py builds the map and the SH coefficients). Lighting is computed in linear light.

#ifdef TONE_AGX
// AgX (Troy Sobotka's view transform, Blender's default; the polynomial fit by Benjamin Wrensch): a log2 encoding
// between -12.47 and +4.03 stops around 0.18, a sigmoid, and inset/outset matrices that desaturate highlights
// towards white instead of clipping each channel (so a bright red goes pink-white, not flat red). The result is
// already display-encoded: no sRGB step after it.
vec3 agx_sigmoid(vec3 x) {
    vec3 x2 = x * x;
    vec3 x4 = x2 * x2;
    return 15.5 * x4 * x2 - 40.14 * x4 * x + 31.96 * x4 - 6.868 * x2 * x + 0.4298 * x2 + 0.1191 * x - 0.00232;
}

// log2 of positive normal floats from the exponent bits and a cubic in the mantissa (within 7.3e-4; through AgX's
// curve within 0.03 of an 8-bit level): llvmpipe's log2 is a longer polynomial with guards for zero, negative and
// infinite inputs, which max(…, 1e-10) below rules out.
vec3 log2_positive(vec3 x) {
    ivec3 bits = floatBitsToInt(x);
    vec3 e = vec3((bits >> 23) - 127);
    vec3 m = intBitsToFloat((bits & 0x007FFFFF) | 0x3F800000) - 1.0;
    return e + ((0.155445855 * m - 0.572920597) * m + 1.41729945) * m + 0.000725274007;
}

vec3 display(vec3 c) {
    const mat3 inset = mat3(0.842479062253094, 0.0423282422610123, 0.0423756549057051,
                            0.0784335999999992, 0.878468636469772, 0.0784336,
                            0.0792237451477643, 0.0791661274605434, 0.879142973793104);
    const mat3 outset = mat3(1.19687900512017, -0.0528968517574562, -0.0529716355144438,
                             -0.0980208811401368, 1.15190312990417, -0.0980434501171241,
                             -0.0990297440797205, -0.0989611768448433, 1.15107367264116);
    const float lo = -12.47393;
    const float hi = 4.026069;
    vec3 e = clamp((log2_positive(max(inset * c, vec3(1e-10))) - lo) * (1.0 / (hi - lo)), 0.0, 1.0);
    // a fifth more saturation after the curve (the CDL step of Blender's AgX looks; "Punchy" uses 1.4): plain AgX
    // left grass and skies pastel beside the old look; no power term, a pow per channel costs llvmpipe a log and exp
    vec3 v = agx_sigmoid(e);
    float luma = dot(v, vec3(0.2126, 0.7152, 0.0722));
    return clamp(outset * (luma + 1.2 * (v - luma)), 0.0, 1.0);
}
#else
// The fast look's curve: values below 0.8 untouched, highlights rolled off smoothly towards white.
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

vec3 display(vec3 c) { return encode_srgb(tone(c)); }
#endif

vec3 apply_fog(vec3 colour, vec3 fog_colour, float density, float dist) {
    // exp(-x) as (1 + x/128)^-128: seven squarings and a divide, within 0.6 of an 8-bit level of the exp, which
    // under llvmpipe is a polynomial plus exponent bit tricks per lane (~5 % of a 720p frame).
    float t = 1.0 + (density * dist) * (density * dist) * (1.0 / 128.0);
    t *= t; t *= t; t *= t; t *= t; t *= t; t *= t; t *= t;
    return mix(fog_colour, colour, 1.0 / t);
}

// Octahedral environment map coordinates of a direction (ibl.py): folds, no trigonometry.
vec2 oct_uv(vec3 d) {
    vec2 p = d.xy / (abs(d.x) + abs(d.y) + abs(d.z));
    if (d.z < 0.0) p = (1.0 - abs(p.yx)) * vec2(p.x >= 0.0 ? 1.0 : -1.0, p.y >= 0.0 ? 1.0 : -1.0);
    return p * 0.5 + 0.5;
}

// The environment's radiance from its RGBM texels (ibl.py: 8-bit, aligned, cheap to fetch under llvmpipe).
vec3 env_radiance(sampler2D env, float range, vec3 dir, float lod) {
    vec4 t = textureLod(env, oct_uv(dir), lod);
    return t.rgb * (t.a * range);
}

// Diffuse irradiance E(n) from nine premultiplied spherical-harmonic coefficients (ibl.py's order).
vec3 sh_irradiance(vec3 sh[9], vec3 n) {
    vec3 e = sh[0] + sh[1] * n.y + sh[2] * n.z + sh[3] * n.x + sh[4] * (n.x * n.y) + sh[5] * (n.y * n.z)
             + sh[6] * (3.0 * n.z * n.z - 1.0) + sh[7] * (n.x * n.z) + sh[8] * (n.x * n.x - n.y * n.y);
    return max(e, 0.0);
}

// The split-sum environment BRDF as scale and bias on F0 (Karis' analytic fit for mobile): no lookup table.
vec2 env_brdf(float rough, float ndv) {
    const vec4 c0 = vec4(-1.0, -0.0275, -0.572, 0.022);
    const vec4 c1 = vec4(1.0, 0.0425, 1.04, -0.04);
    vec4 r = rough * c0 + c1;
    float a004 = min(r.x * r.x, exp2(-9.28 * ndv)) * r.x + r.y;
    return vec2(-1.04, 1.04) * a004 + r.zw;
}
