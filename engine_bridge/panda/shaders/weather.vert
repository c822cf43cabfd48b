#version 330
// Weather particles (weather.glsl places them): p3d_Vertex.xy is the quad corner (-1..1), the seed is per particle.
uniform mat4 p3d_ModelViewProjectionMatrix;  // the particles' node sits unmoved under the world root
uniform mat4 p3d_ViewMatrixInverse;
uniform float u_time;
in vec4 p3d_Vertex;
in vec4 seed;
out vec2 v_corner;
out float v_tint;
out float v_dist;

void main() {
    vec3 cam = p3d_ViewMatrixInverse[3].xyz;
    vec3 world = particle_corner(seed, p3d_Vertex.xy, u_time, cam);
    gl_Position = p3d_ModelViewProjectionMatrix * vec4(world, 1.0);
    v_corner = p3d_Vertex.xy;
    v_tint = seed.w;
    v_dist = length(world - cam);
}
