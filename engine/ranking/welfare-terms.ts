/**
 * The smallest composite score used when inequality aversion ε > 0: a draw whose composite
 * falls to or below zero (possible when a score near 0 is sampled from N(value, u)) is raised
 * to this value, because the Atkinson EDE is undefined for Q ≤ 0 (DESIGN §3). Results count
 * such draws and warn about them.
 */
export const Q_FLOOR = 0.01;

/**
 * One segment's term of the Atkinson welfare sum (Atkinson, "On the measurement of
 * inequality", J. Econ. Theory 2, 1970; DESIGN §3): f(Q) = Q^(1−ε), ln Q at ε = 1, Q at ε = 0.
 * EDE_ε = welfareFromSum(Σ_s p_s f(Q_s)). Hot path: no checks, Q must be > 0 when ε > 0.
 * @param q - a composite score Q_s
 * @param eps - inequality aversion ε ≥ 0
 * @returns f(Q)
 */
export function welfareTerm(q: number, eps: number): number {
  if (eps === 0) return q;
  if (eps === 1) return Math.log(q);
  return Math.pow(q, 1 - eps);
}

/**
 * The equally distributed equivalent from the welfare sum S = Σ_s p_s f(Q_s):
 * S^(1/(1−ε)), exp(S) at ε = 1, S at ε = 0 (DESIGN §3).
 * @param sum - S
 * @param eps - inequality aversion ε ≥ 0
 * @returns EDE_ε
 */
export function welfareFromSum(sum: number, eps: number): number {
  if (eps === 0) return sum;
  if (eps === 1) return Math.exp(sum);
  return Math.pow(sum, 1 / (1 - eps));
}
