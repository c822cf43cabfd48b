#version 330
// The passes' background where the sky is (passes_target.py): what clearing the targets would leave — no
// normal, infinite depth, no flow, id 0 — drawn only on pixels nothing else covers, instead of clearing
// two float targets over the whole frame first.
layout(location = 0) out vec4 o_geometry;
layout(location = 1) out vec4 o_motion;

void main() {
    float inf = uintBitsToFloat(0x7f800000u);
    o_geometry = vec4(0.0, 0.0, 0.0, inf);
    o_motion = vec4(0.0, 0.0, inf, 0.0);
}
