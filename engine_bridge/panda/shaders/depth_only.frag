#version 330
// The shadow map of skinned bodies: depth only (the sun's camera writes no colour).
void main() {
}
