/** Moments of a person's score on a set of PCM items at ability θ. */
export interface ScoreMoments {
  /** Expected raw score Σ_i E(X_i | θ). */
  readonly expected: number;
  /** Test information I(θ) = Σ_i Var(X_i | θ). */
  readonly information: number;
  /** Σ_i of the third central moments, which is dI/dθ (Warm's J(θ) for the PCM). */
  readonly thirdMoment: number;
}

/**
 * Category probabilities of one PCM item at ability θ: P(X = h | θ) ∝ exp(h·θ − Σ_{l≤h} δ_l),
 * h = 0..m (Masters 1982, eq. 7), computed with the largest exponent subtracted.
 * @param thresholds - the item's thresholds δ_1..δ_m
 * @param theta - ability in logits
 * @returns P(X = 0..m | θ)
 */
export function categoryProbabilities(thresholds: ArrayLike<number>, theta: number): Float64Array {
  const m = thresholds.length;
  const logit = new Float64Array(m + 1);
  let cum = 0;
  let max = 0;
  for (let h = 1; h <= m; h++) {
    cum += theta - thresholds[h - 1]!;
    logit[h] = cum;
    if (cum > max) max = cum;
  }
  let sum = 0;
  for (let h = 0; h <= m; h++) {
    logit[h] = Math.exp(logit[h]! - max);
    sum += logit[h]!;
  }
  for (let h = 0; h <= m; h++) logit[h]! /= sum;
  return logit;
}

/**
 * Expected score, information and summed third central moment of a person's raw score over a
 * set of PCM items at ability θ. For the PCM, ability is the natural parameter of each item's
 * exponential family, so Var(X_i) = dE(X_i)/dθ and the third central moment = dVar(X_i)/dθ.
 * @param items - thresholds of the items the person answered
 * @param theta - ability in logits
 * @returns the moments summed over the items
 */
export function scoreMoments(items: readonly ArrayLike<number>[], theta: number): ScoreMoments {
  let expected = 0;
  let information = 0;
  let thirdMoment = 0;
  for (const th of items) {
    const p = categoryProbabilities(th, theta);
    let e = 0;
    for (let h = 1; h < p.length; h++) e += h * p[h]!;
    let v = 0;
    let t = 0;
    for (let h = 0; h < p.length; h++) {
      const d = h - e;
      v += d * d * p[h]!;
      t += d * d * d * p[h]!;
    }
    expected += e;
    information += v;
    thirdMoment += t;
  }
  return { expected, information, thirdMoment };
}
