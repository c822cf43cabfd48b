#version 330
// Writes exact per-pixel values, no shading: attachment 0 = (normal.xyz, depth), attachment 1 =
// (flow u, flow v, depth in the next frame, instance id). Rendered without multisampling so ids never blend.
uniform vec4 u_intrinsics;       // fx, fy, cx, cy
uniform vec4 u_next_intrinsics;  // the next frame's (the lens may zoom)
uniform float u_instance;   // 0 for the world, actor i → i + 1 (set on the actor's top node, inherited by parts)
in vec3 v_cam;
in vec3 v_next_cam;
in vec3 v_normal;
layout(location = 0) out vec4 o_geometry;
layout(location = 1) out vec4 o_motion;

void main() {
    vec3 n = normalize(v_normal);
    if (dot(n, v_cam) > 0.0) n = -n;  // two-sided: the normal faces the camera
    vec2 uv = v_cam.xy / v_cam.z * u_intrinsics.xy + u_intrinsics.zw;
    vec2 next_uv = v_next_cam.xy / v_next_cam.z * u_next_intrinsics.xy + u_next_intrinsics.zw;
    o_geometry = vec4(n, v_cam.z);
    o_motion = vec4(next_uv - uv, v_next_cam.z, u_instance);
}
