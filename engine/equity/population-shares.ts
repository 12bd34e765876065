import { EngineInputError } from "../errors";

/**
 * Check values and optional weights and turn the weights into population shares p_i = w_i / Σw
 * (equal shares 1/n without weights): the common first step of every inequality measure here.
 * @param fn - the calling engine function, named in errors
 * @param values - one finite value per unit
 * @param weights - optional weights (population counts or survey weights), finite and ≥ 0, Σ > 0
 * @returns the shares, one per value, summing to 1
 * @throws EngineInputError when there are no values, lengths differ, a value is not finite, or a
 *   weight is negative or not finite, or all weights are 0
 */
export function populationShares(
  fn: string,
  values: readonly number[],
  weights?: readonly number[],
): Float64Array {
  const n = values.length;
  if (n === 0) throw new EngineInputError(fn, "values must not be empty");
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) {
      throw new EngineInputError(fn, `values must be finite numbers (value ${i + 1} is ${values[i]})`);
    }
  }
  if (weights === undefined) return new Float64Array(n).fill(1 / n);
  if (weights.length !== n) {
    throw new EngineInputError(fn, `weights must have one entry per value (${weights.length} ≠ ${n})`);
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!Number.isFinite(w) || w < 0) {
      throw new EngineInputError(fn, `weights must be finite and ≥ 0 (weight ${i + 1} is ${w})`);
    }
    total += w;
  }
  if (!(total > 0)) throw new EngineInputError(fn, "weights must not all be 0");
  return Float64Array.from(weights, (w) => w / total);
}
