import { EngineInputError } from "../errors";
import { equallyDistributedEquivalent } from "./equally-distributed-equivalent";

/**
 * The Atkinson inequality index A_ε = 1 − EDE_ε / μ: the share of the mean that could be given up,
 * with everyone at the same level, without losing social welfare (Atkinson, J. Econ. Theory 2(3),
 * 1970, §3; DESIGN §3). 0 for equal values; in [0, 1) for positive values.
 * @param values - the values; all > 0 when ε > 0
 * @param weights - population counts or shares (≥ 0), or undefined for equal shares
 * @param epsilon - inequality aversion ε, finite and ≥ 0
 * @returns A_ε as a fraction
 * @throws EngineInputError as {@link equallyDistributedEquivalent}, or when the weighted mean is ≤ 0
 */
export function atkinson(
  values: readonly number[],
  weights: readonly number[] | undefined,
  epsilon: number,
): number {
  // The EDE first: its check (values > 0 when ε > 0) is the more telling message.
  const ede = equallyDistributedEquivalent(values, weights, epsilon);
  const mean = equallyDistributedEquivalent(values, weights, 0);
  if (!(mean > 0)) throw new EngineInputError("atkinson", "the weighted mean must be > 0");
  return epsilon === 0 ? 0 : 1 - ede / mean;
}
