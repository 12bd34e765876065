import { EngineInputError } from "../errors";
import { welfareFromSum, welfareTerm } from "../ranking/welfare-terms";
import { populationShares } from "./population-shares";

/**
 * Atkinson's equally distributed equivalent: the level that, given to everyone, yields the same
 * social welfare as the actual distribution under inequality aversion ε (Atkinson, "On the
 * measurement of inequality", J. Econ. Theory 2(3), 1970, §3; DESIGN §3):
 *
 *   EDE_ε = (Σ_i p_i · x_i^(1−ε))^(1/(1−ε))   for ε ≠ 1,   EDE_1 = exp(Σ_i p_i ln x_i),
 *
 * p_i = w_i/Σw. ε = 0 gives the weighted mean. EDE is homogeneous of degree 1, so the sum is taken
 * over x_i/m (m the largest value for ε ≤ 1, the smallest for ε > 1) and multiplied back by m; this
 * keeps x^(1−ε) from overflowing or underflowing for large ε. The terms are `welfareTerm` and
 * `welfareFromSum` of engine/ranking, the unchecked hot-path form used on Monte Carlo draws.
 * @param values - the values (QoL scores, incomes); all > 0 when ε > 0
 * @param weights - population counts or shares (≥ 0), or undefined for equal shares
 * @param epsilon - inequality aversion ε, finite and ≥ 0
 * @returns EDE_ε, in the unit of the values
 * @throws EngineInputError when ε is not a finite number ≥ 0, a value with a positive weight is
 *   ≤ 0 while ε > 0, or the values or weights are bad
 */
export function equallyDistributedEquivalent(
  values: readonly number[],
  weights: readonly number[] | undefined,
  epsilon: number,
): number {
  const fn = "equallyDistributedEquivalent";
  if (!Number.isFinite(epsilon) || epsilon < 0) {
    throw new EngineInputError(fn, `epsilon must be a finite number ≥ 0 (got ${epsilon})`);
  }
  const p = populationShares(fn, values, weights);
  const n = values.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (p[i] === 0) continue;
    const x = values[i]!;
    if (epsilon > 0 && !(x > 0)) {
      throw new EngineInputError(fn, `values must be > 0 when epsilon > 0 (value ${i + 1} is ${x})`);
    }
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  // The per-unit term and its inverse are the ranking engine's, so both compute EDE alike.
  const m = epsilon === 0 ? 1 : epsilon <= 1 ? hi : lo;
  let s = 0;
  for (let i = 0; i < n; i++) if (p[i]! > 0) s += p[i]! * welfareTerm(values[i]! / m, epsilon);
  return m * welfareFromSum(s, epsilon);
}
