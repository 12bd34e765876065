import { createRandom } from "../../engine/random";

/**
 * Split each group's real count among `parts` synthetic districts so that, for every group, the parts
 * are whole numbers summing exactly to the real count. Each district gets a seeded overall size and a
 * seeded tilt per group (so districts differ in age and sex structure); the shares are rounded by the
 * largest-remainder (Hamilton) method, which keeps the exact total.
 * @param counts real count per group code
 * @param parts number of districts (≥ 1)
 * @param seed seed of the xoshiro128** stream (same seed ⇒ same split)
 * @returns for each district index 0..parts−1, its count per group code
 */
export function splitPopulation(
  counts: Readonly<Record<string, number>>,
  parts: number,
  seed: number,
): Record<string, number>[] {
  if (!Number.isInteger(parts) || parts < 1)
    throw new Error(`splitPopulation: parts must be an integer ≥ 1, not ${parts}`);
  const random = createRandom(seed);
  const size = Array.from({ length: parts }, () => 0.5 + random()); // relative district sizes 0.5..1.5
  const out = Array.from({ length: parts }, () => ({}) as Record<string, number>);
  for (const code of Object.keys(counts).sort()) {
    const total = counts[code]!;
    if (!Number.isInteger(total) || total < 0) {
      throw new Error(`splitPopulation: count of ${code} must be a whole number ≥ 0, not ${total}`);
    }
    const weights = size.map((s) => s * (0.7 + 0.6 * random())); // group tilt 0.7..1.3
    const sum = weights.reduce((a, b) => a + b, 0);
    const exact = weights.map((w) => (total * w) / sum);
    const floors = exact.map(Math.floor);
    let left = total - floors.reduce((a, b) => a + b, 0);
    const order = exact
      .map((x, i) => [x - floors[i]!, i] as const)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, i] of order) {
      if (left === 0) break;
      floors[i] = floors[i]! + 1;
      left--;
    }
    floors.forEach((n, i) => (out[i]![code] = n));
  }
  return out;
}
