#version 330
// Full-screen card for the anti-aliasing pass. The texture coordinate is flipped vertically: the pass writes
// the frame top row first, so the read-back image needs no flip (see postprocess.py).
uniform mat4 p3d_ModelViewProjectionMatrix;
in vec4 p3d_Vertex;
in vec2 p3d_MultiTexCoord0;
out vec2 v_uv;

void main() {
    gl_Position = p3d_ModelViewProjectionMatrix * p3d_Vertex;
    v_uv = vec2(p3d_MultiTexCoord0.x, 1.0 - p3d_MultiTexCoord0.y);
}
