import { EngineInputError } from "../errors";
import { populationShares } from "./population-shares";

/**
 * The weighted share of the population strictly below a threshold, Σ_{x_i < t} w_i / Σ w_i: a
 * deprivation or poverty headcount ratio (Eurostat's at-risk-of-poverty rate is this with t = 60 % of
 * the weighted median equivalised income; as R's `laeken::arpr`, which uses `x < t`).
 * @param values - the values
 * @param weights - weights (≥ 0), or undefined for equal weights
 * @param threshold - t, a finite number
 * @returns the share in 0..1
 * @throws EngineInputError when the threshold is not finite or the values or weights are bad
 */
export function shareBelow(
  values: readonly number[],
  weights: readonly number[] | undefined,
  threshold: number,
): number {
  if (!Number.isFinite(threshold)) {
    throw new EngineInputError("shareBelow", `threshold must be a finite number (got ${threshold})`);
  }
  const p = populationShares("shareBelow", values, weights);
  let share = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! < threshold) share += p[i]!;
  return share;
}
