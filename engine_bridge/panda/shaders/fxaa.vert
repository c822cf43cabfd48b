#version 330
// The card of the anti-aliasing pass (postprocess.py); the fragment shader works in frame pixels (gl_FragCoord).
uniform mat4 p3d_ModelViewProjectionMatrix;
in vec4 p3d_Vertex;

void main() {
    gl_Position = p3d_ModelViewProjectionMatrix * p3d_Vertex;
}
