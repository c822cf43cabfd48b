#version 330
// Procedural sky: a zenith-to-horizon gradient with a sun disc and glow; below the horizon it
// fades to the fog colour so the far edge of the ground disappears.
uniform mat4 p3d_ViewMatrixInverse;
uniform vec3 u_sun_dir;
uniform vec3 u_sun_radiance;
uniform vec3 u_sky_zenith;
uniform vec3 u_sky_horizon;
uniform vec3 u_fog_colour;
in vec3 v_world;
out vec4 o_colour;

void main() {
    vec3 dir = normalize(v_world - p3d_ViewMatrixInverse[3].xyz);
    float up = clamp(dir.z, 0.0, 1.0);
    vec3 colour = mix(u_sky_horizon, u_sky_zenith, pow(up, 0.45));
    colour = mix(colour, u_fog_colour, smoothstep(0.02, -0.05, dir.z));
    float s = max(dot(dir, u_sun_dir), 0.0);
    vec3 sun = u_sun_radiance * (0.25 * smoothstep(0.9995, 0.9998, s) + 0.06 * pow(s, 64.0));
    colour += sun * step(-0.02, dir.z);
    o_colour = vec4(encode_srgb(tone(colour)), 0.0);  // alpha: not an actor (postprocess.py)
}
