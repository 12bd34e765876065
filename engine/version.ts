/**
 * The engine's version, written into every `livsval.result/1` so that a stored result says which
 * code produced it. Bump it whenever the same input and seed would give a different result.
 */
export const ENGINE_VERSION = "0.3.0";
