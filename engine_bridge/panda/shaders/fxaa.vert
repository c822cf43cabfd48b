#version 330
// The card of the anti-aliasing pass (postprocess.py): [-1, 1]² in x and z. The texture coordinate is flipped
// vertically: the pass writes the frame top row first, so the read-back image needs no flip.
uniform mat4 p3d_ModelViewProjectionMatrix;
in vec4 p3d_Vertex;
out vec2 v_uv;

void main() {
    gl_Position = p3d_ModelViewProjectionMatrix * p3d_Vertex;
    v_uv = vec2(0.5 + 0.5 * p3d_Vertex.x, 0.5 - 0.5 * p3d_Vertex.z);
}
