#version 330
// Ground-truth passes: camera-space position and normal (OpenCV frame: x right, y down, z forward),
// and where this vertex will be in the next frame (its node's world motion, then the next camera).
uniform mat4 p3d_ModelViewProjectionMatrix;
uniform mat4 p3d_ModelMatrix;
uniform mat4 u_world_to_cv;       // this frame's extrinsics
uniform mat4 u_next_world_to_cv;  // the next frame's extrinsics
uniform mat4 u_motion;            // world → world motion of this node to the next frame (identity if static)
in vec4 p3d_Vertex;
in vec3 p3d_Normal;
out vec3 v_cam;
out vec3 v_next_cam;
out vec3 v_normal;

void main() {
    gl_Position = p3d_ModelViewProjectionMatrix * p3d_Vertex;
    vec4 world = p3d_ModelMatrix * p3d_Vertex;
    v_cam = (u_world_to_cv * world).xyz;
    v_next_cam = (u_next_world_to_cv * (u_motion * world)).xyz;
    v_normal = mat3(u_world_to_cv) * (transpose(inverse(mat3(p3d_ModelMatrix))) * p3d_Normal);
}
