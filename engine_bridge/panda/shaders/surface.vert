#version 330
uniform mat4 p3d_ModelViewProjectionMatrix;
uniform mat4 p3d_ModelViewMatrix;
uniform mat4 p3d_ModelMatrix;
uniform mat3 p3d_NormalMatrix;
uniform float u_shadow_bias;
#ifdef SHADOWS
uniform struct p3d_LightSourceParameters {
    mat4 shadowViewMatrix;
    sampler2DShadow shadowMap;
} p3d_LightSource[1];
out vec3 v_shadow;
#endif
in vec4 p3d_Vertex;
in vec3 p3d_Normal;
out vec3 v_world;
out vec3 v_normal;
#ifdef PATTERN
out vec3 v_object;  // the part's own coordinates: patterns stay on the surface as the actor moves
out vec3 v_object_normal;
#endif
#ifdef SKINNED
// GPU skinning: SKINNED is the joint count; four joints and weights per vertex (engine_bridge/panda/actors.py)
uniform mat4 u_bones[SKINNED];
in vec4 joints;
in vec4 weights;
#endif
#ifdef TINTED
in vec3 tint;  // a colour per vertex multiplying the slot's albedo (a texture baked to the vertices)
out vec3 v_tint;
#endif

void main() {
#ifdef SKINNED
    mat4 skin = weights.x * u_bones[int(joints.x)] + weights.y * u_bones[int(joints.y)]
              + weights.z * u_bones[int(joints.z)] + weights.w * u_bones[int(joints.w)];
    vec4 skinned_vertex = skin * p3d_Vertex;
    vec3 skinned_normal = mat3(skin) * p3d_Normal;
    // from here on the bind-pose attributes mean the skinned ones (keeps the unskinned lines untouched)
#define p3d_Vertex skinned_vertex
#define p3d_Normal skinned_normal
#endif
#ifdef TINTED
    v_tint = tint;
#endif
    gl_Position = p3d_ModelViewProjectionMatrix * p3d_Vertex;
    v_world = (p3d_ModelMatrix * p3d_Vertex).xyz;
    // inverse-transpose keeps normals right under non-uniform scale
    v_normal = transpose(inverse(mat3(p3d_ModelMatrix))) * p3d_Normal;
#ifdef PATTERN
    // scaled (a wall stretched to 2 m keeps 22 cm bricks) but not rotated or moved
    mat3 m = mat3(p3d_ModelMatrix);
    v_object = p3d_Vertex.xyz * vec3(length(m[0]), length(m[1]), length(m[2]));
    v_object_normal = p3d_Normal;
#endif
#ifdef SHADOWS
    // normal-offset shadow lookup: pushes the sample off the surface by about two shadow texels
    vec3 view_n = normalize(p3d_NormalMatrix * p3d_Normal);
    vec4 view_pos = p3d_ModelViewMatrix * p3d_Vertex + vec4(view_n * u_shadow_bias, 0.0);
    // the sun's lens is orthographic: w stays 1, so the fragment shader skips textureProj's divide
    v_shadow = (p3d_LightSource[0].shadowViewMatrix * view_pos).xyz;
#endif
}
