#version 330
// The sky behind everything: the environment map's sharpest level (a preset's sky model or an HDRI, ibl.py) and
// the sun's disc; below the horizon it fades to the fog colour so the far edge of the ground disappears.
uniform mat4 p3d_ViewMatrixInverse;
uniform vec3 u_sun_dir;
uniform vec3 u_sun_radiance;
uniform vec3 u_fog_colour;
uniform float u_exposure;
uniform sampler2D u_env;
uniform float u_env_range;
#ifdef BLOOM
uniform sampler2D u_bloom;  // the glow of the sun's disc and lamps (bloom.py)
uniform vec2 u_bloom_scale;
uniform float u_bloom_strength;
#endif
in vec3 v_world;
out vec4 o_colour;

void main() {
    vec3 dir = normalize(v_world - p3d_ViewMatrixInverse[3].xyz);
    vec3 colour = env_radiance(u_env, u_env_range, dir, 0.0);
    colour = mix(colour, u_fog_colour, smoothstep(0.02, -0.05, dir.z));
    // the disc (about 0.5°): bright enough to burn out to white through the tone curve
    colour += u_sun_radiance * (40.0 * smoothstep(0.99996, 0.99999, dot(dir, u_sun_dir)) * step(-0.02, dir.z));
    colour *= u_exposure;
#ifdef BLOOM
    colour += u_bloom_strength * texture(u_bloom, gl_FragCoord.xy * u_bloom_scale).rgb;
#endif
    o_colour = vec4(display(colour), 0.0);  // alpha: not an actor (postprocess.py)
}
