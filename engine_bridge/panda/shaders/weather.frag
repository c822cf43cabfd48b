#version 330
// Weather particles, lit by the sun and the sky's irradiance: rain as faint streaks and snow as soft flakes
// (blended), leaves as opaque cards in autumn colours (cut to a leaf's outline).
uniform vec3 u_sun_radiance;
uniform vec3 u_sh[9];
uniform float u_exposure;
uniform vec3 u_fog_colour;
uniform float u_fog_density;
in vec2 v_corner;
in float v_tint;
in float v_dist;
out vec4 o_colour;

const float PI = 3.14159265;

void main() {
    vec3 light = (0.25 * u_sun_radiance + sh_irradiance(u_sh, vec3(0.0, 0.0, 1.0))) / PI;
#if WEATHER == 1
    float a = (1.0 - abs(v_corner.x)) * (1.0 - v_corner.y * v_corner.y) * 0.35;
    vec3 colour = light * vec3(0.75, 0.8, 0.85);
#elif WEATHER == 2
    float a = clamp(1.0 - dot(v_corner, v_corner), 0.0, 1.0);
    a *= a;
    vec3 colour = light * 0.95;
#else
    // a leaf: pointed at both ends, a darker midrib
    float a = step(abs(v_corner.x), 1.0 - v_corner.y * v_corner.y);
    if (a < 0.5 || v_dist < 1.0) discard;
    vec3 autumn = mix(vec3(0.55, 0.12, 0.03), vec3(0.75, 0.45, 0.05), v_tint);
    vec3 colour = light * autumn * (1.0 - 0.3 * step(abs(v_corner.x), 0.06));
#endif
    a *= smoothstep(1.0, 2.5, v_dist);  // a drop or flake at the lens would be a blur across the frame
    colour = apply_fog(colour, u_fog_colour, u_fog_density, v_dist);
    o_colour = vec4(display(colour * u_exposure), a);
}
