import { deriveSeed } from "../random";

/**
 * The seed of one named random stream under a parent seed: the key (e.g. `score:1283-S1:health`)
 * is hashed with 32-bit FNV-1a (Fowler, Noll, Vo) to a stream index for {@link deriveSeed}.
 * Naming streams by key rather than by position keeps every quantity's draws the same when
 * candidates or segments are added, removed or reordered (common random numbers across runs).
 * @param seed - the parent seed, an integer in [0, 2^32)
 * @param key - the stream's name
 * @returns a seed in [0, 2^32)
 */
export function streamSeed(seed: number, key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return deriveSeed(seed, h);
}
