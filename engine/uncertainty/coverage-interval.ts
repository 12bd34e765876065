import { EngineInputError } from "../errors";
import { sortDraws } from "./sort-draws";

/** Options shared by the two coverage-interval functions. */
export interface CoverageOptions {
  /** the draws are already sorted ascending (from {@link sortDraws}); skips a copy and a sort */
  readonly sorted?: boolean;
}

/**
 * The number q of sorted draws a coverage interval spans (JCGM 101 §7.7.1): q = pM when pM is
 * an integer, otherwise the integer part of pM + 1/2.
 *
 * @param m - the number of draws M
 * @param p - the coverage probability, in (0, 1)
 * @param fn - the calling function, for the error message
 * @returns q, with 1 ≤ q < M
 * @throws EngineInputError when p is not in (0, 1) or M is too small to leave a draw outside
 */
export function coverageCount(m: number, p: number, fn: string): number {
  if (!(p > 0 && p < 1)) throw new EngineInputError(fn, "coverage probability p must be in (0, 1)");
  const pm = p * m;
  const nearest = Math.round(pm);
  // pM computed in floating point: 0.95 × 10⁶ is an integer even if the product is off by an ulp
  const q = Math.abs(pm - nearest) <= 1e-9 * Math.max(1, pm) ? nearest : Math.floor(pm + 0.5);
  if (q < 1 || q >= m) {
    throw new EngineInputError(
      fn,
      `${m} draws are too few for a ${p} coverage interval (need more than ${Math.ceil(1 / (1 - p))})`,
    );
  }
  return q;
}

/**
 * The probabilistically symmetric coverage interval of Monte Carlo draws (JCGM 101 §7.7.2):
 * with the draws sorted, y_(1) ≤ … ≤ y_(M), and q from {@link coverageCount}, r = (M − q)/2
 * when that is an integer, otherwise the integer part of (M − q + 1)/2; the interval is
 * [y_(r), y_(r+q)] (1-based order statistics).
 *
 * @param draws - the model values (any order unless `options.sorted`)
 * @param p - the coverage probability, e.g. 0.95
 * @param options - `sorted: true` when the draws are already ascending
 * @returns [low, high]
 * @throws EngineInputError when p is not in (0, 1), there are too few draws, or a draw is not finite
 */
export function coverageInterval(
  draws: Float64Array,
  p: number,
  options: CoverageOptions = {},
): [number, number] {
  const sorted = options.sorted ? draws : sortDraws(draws);
  const m = sorted.length;
  const q = coverageCount(m, p, "coverageInterval");
  const r = (m - q) % 2 === 0 ? (m - q) / 2 : Math.floor((m - q + 1) / 2);
  return [sorted[r - 1]!, sorted[r + q - 1]!];
}
