#version 330
// The sun's disc for bloom (bloom.py): the same disc as sky.frag's, its light above 1 after exposure; the sky
// itself does not glow.
uniform mat4 p3d_ViewMatrixInverse;
uniform vec3 u_sun_dir;
uniform vec3 u_sun_radiance;
uniform float u_exposure;
in vec3 v_world;
out vec4 o_colour;

void main() {
    vec3 dir = normalize(v_world - p3d_ViewMatrixInverse[3].xyz);
    vec3 disc = u_sun_radiance * (40.0 * smoothstep(0.99996, 0.99999, dot(dir, u_sun_dir)) * step(-0.02, dir.z));
    o_colour = vec4(max(disc * u_exposure - 1.0, 0.0), 1.0);
}
