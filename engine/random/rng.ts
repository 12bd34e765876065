import { EngineInputError } from "../errors";

/**
 * A seeded uniform generator: each call returns a double in the open interval (0, 1).
 * Being a plain function, it is the `random` parameter that every Monte Carlo function takes.
 */
export type Random = () => number;

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/**
 * SplitMix32 step, used only to expand a seed into the generator's 128-bit state
 * (S. Vigna's advice for seeding xoshiro; constants from MurmurHash3's finaliser).
 */
function splitMix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Create a seeded pseudo-random generator: xoshiro128** (Blackman & Vigna, "Scrambled linear
 * pseudorandom number generators", ACM TOMS 47(4), 2021), two 32-bit outputs combined into a
 * 53-bit mantissa, offset by half a unit so that 0 and 1 are never returned (inverse-CDF
 * sampling needs the open interval).
 *
 * Only 32-bit integer operations and one exact double division are used, so a seed gives
 * the same sequence bit for bit on every platform and Node.js version.
 *
 * @param seed - an integer in [0, 2^32); the same seed gives the same sequence
 * @returns a {@link Random}
 * @throws EngineInputError when the seed is not an integer in [0, 2^32)
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32) {
    throw new EngineInputError("createRandom", "seed must be an integer in [0, 2^32)");
  }
  const init = splitMix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1;
  const next32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return () => {
    const hi = next32() >>> 6; // 26 bits
    const lo = next32() >>> 5; // 27 bits
    return (hi * 134217728 + lo + 0.5) / TWO_POW_53;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Derive an independent stream's seed from a parent seed and a stream index, so that adding
 * a quantity to a model does not shift the draws of the others.
 * @param seed - the parent seed, an integer in [0, 2^32)
 * @param stream - a non-negative integer naming the stream
 * @returns a seed in [0, 2^32)
 */
export function deriveSeed(seed: number, stream: number): number {
  const mix = splitMix32((seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0);
  mix();
  return mix();
}
