import { EngineInputError } from "../../errors";

/**
 * Weights checked and scaled to sum to 1: w_i / Σ w. Equal weights when none are given.
 *
 * @param n - the number of components
 * @param weights - non-negative weights with a positive sum, or undefined
 * @param fn - the calling function, for the error message
 * @returns n weights summing to 1
 * @throws EngineInputError when the length differs, a weight is negative or not finite, or all are 0
 */
export function normalisedWeights(n: number, weights: readonly number[] | undefined, fn: string): number[] {
  if (weights === undefined) return new Array<number>(n).fill(1 / n);
  if (weights.length !== n) throw new EngineInputError(fn, `there must be ${n} weights, one per score`);
  let sum = 0;
  weights.forEach((w, i) => {
    if (!(Number.isFinite(w) && w >= 0))
      throw new EngineInputError(fn, `weights[${i}] must be a finite number ≥ 0`);
    sum += w;
  });
  if (!(sum > 0)) throw new EngineInputError(fn, "weights must not all be 0");
  return weights.map((w) => w / sum);
}
