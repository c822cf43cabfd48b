#version 330
// What glows, for bloom (bloom.py): an emissive surface's light above 1 (after exposure), in linear HDR; every
// other surface black, so that it hides what is behind it (a lamp behind a wall does not glow through it).
uniform vec4 u_albedo;
uniform vec3 u_material;  // roughness, metallic, emission
uniform float u_exposure;
out vec4 o_colour;

void main() {
    o_colour = vec4(max(u_albedo.rgb * (u_material.z * u_exposure) - 1.0, 0.0), 1.0);
}
