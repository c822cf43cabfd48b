#version 330
// A card of a screen-space pass (FXAA in postprocess.py, ambient occlusion in ao.py): the fragment shaders work in
// the pass's pixels (gl_FragCoord).
uniform mat4 p3d_ModelViewProjectionMatrix;
in vec4 p3d_Vertex;

void main() {
    gl_Position = p3d_ModelViewProjectionMatrix * p3d_Vertex;
}
