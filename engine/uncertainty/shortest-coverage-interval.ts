import { coverageCount, type CoverageOptions } from "./coverage-interval";
import { sortDraws } from "./sort-draws";

/**
 * The shortest coverage interval of Monte Carlo draws (JCGM 101 §7.7.3): with the draws sorted,
 * y_(1) ≤ … ≤ y_(M), and q from {@link coverageCount}, the interval [y_(r*), y_(r*+q)] where r*
 * minimises y_(r+q) − y_(r) over r = 1, …, M − q. Ties go to the smallest r, so the result is
 * deterministic. For a symmetric unimodal output it tends to the probabilistically symmetric one.
 *
 * @param draws - the model values (any order unless `options.sorted`)
 * @param p - the coverage probability, e.g. 0.95
 * @param options - `sorted: true` when the draws are already ascending
 * @returns [low, high]
 * @throws EngineInputError when p is not in (0, 1), there are too few draws, or a draw is not finite
 */
export function shortestCoverageInterval(
  draws: Float64Array,
  p: number,
  options: CoverageOptions = {},
): [number, number] {
  const sorted = options.sorted ? draws : sortDraws(draws);
  const m = sorted.length;
  const q = coverageCount(m, p, "shortestCoverageInterval");
  let best = 0;
  let bestWidth = Infinity;
  for (let r = 0; r + q < m; r++) {
    const width = sorted[r + q]! - sorted[r]!;
    if (width < bestWidth) {
      bestWidth = width;
      best = r;
    }
  }
  return [sorted[best]!, sorted[best + q]!];
}
