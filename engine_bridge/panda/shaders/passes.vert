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
#ifdef SKINNED
// skinned bodies: this frame's joints place the vertex, the next frame's joints give where it goes
uniform mat4 u_bones[SKINNED];
uniform mat4 u_bones_next[SKINNED];
in vec4 joints;
in vec4 weights;

mat4 blend(mat4 bones[SKINNED]) {
    return weights.x * bones[int(joints.x)] + weights.y * bones[int(joints.y)]
         + weights.z * bones[int(joints.z)] + weights.w * bones[int(joints.w)];
}
#endif
#ifdef WEATHER
// weather particles (weather.glsl): placed by time and camera, so the next frame's place is the same function
uniform mat4 p3d_ViewMatrixInverse;
uniform float u_time;
uniform float u_time_next;
in vec4 seed;
#endif

void main() {
#ifdef WEATHER
    vec3 cam = p3d_ViewMatrixInverse[3].xyz;
    vec4 here = vec4(particle_corner(seed, p3d_Vertex.xy, u_time, cam), 1.0);
    vec3 cam_next = inverse(u_next_world_to_cv)[3].xyz;
    gl_Position = p3d_ModelViewProjectionMatrix * here;  // the particles' node is the world root's child, unmoved
    v_cam = (u_world_to_cv * here).xyz;
    v_next_cam = (u_next_world_to_cv * vec4(particle_corner(seed, p3d_Vertex.xy, u_time_next, cam_next), 1.0)).xyz;
    v_normal = mat3(u_world_to_cv) * normalize(cam - here.xyz);
    return;
#endif
#ifdef SKINNED
    mat4 skin = blend(u_bones);
    vec4 next_model = blend(u_bones_next) * p3d_Vertex;
    vec4 skinned_vertex = skin * p3d_Vertex;
    vec3 skinned_normal = mat3(skin) * p3d_Normal;
#define p3d_Vertex skinned_vertex
#define p3d_Normal skinned_normal
#endif
    gl_Position = p3d_ModelViewProjectionMatrix * p3d_Vertex;
    vec4 world = p3d_ModelMatrix * p3d_Vertex;
    v_cam = (u_world_to_cv * world).xyz;
#ifdef SKINNED
    v_next_cam = (u_next_world_to_cv * (u_motion * (p3d_ModelMatrix * next_model))).xyz;
#else
    v_next_cam = (u_next_world_to_cv * (u_motion * world)).xyz;
#endif
    v_normal = mat3(u_world_to_cv) * (transpose(inverse(mat3(p3d_ModelMatrix))) * p3d_Normal);
}
