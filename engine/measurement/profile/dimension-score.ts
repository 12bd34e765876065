import { EngineInputError } from "../../errors";
import type { MeasuredValue } from "../../uncertainty";
import { normalisedWeights } from "./normalised-weights";

/**
 * A dimension score: the weighted mean of its indicators' scores, q = Σ w_i·s_i with the
 * weights scaled to Σ w_i = 1 (DESIGN §2), and its standard uncertainty by the GUM law of
 * propagation for independent inputs (JCGM 100 §5.1.2 eq. 10; the weighted mean is linear,
 * c_i = w_i): u(q) = √(Σ w_i²·u_i²). For correlated indicator scores use
 * {@link dimensionScoreMonteCarlo} (or gumPropagate with a correlation matrix).
 *
 * @param scores - the indicator scores with their standard uncertainties
 * @param weights - non-negative weights, one per score (scaled to sum 1); equal when absent
 * @returns {value, u}
 * @throws EngineInputError when there are no scores, a value or u is not finite, u < 0, or the
 *   weights are malformed
 */
export function dimensionScore(scores: readonly MeasuredValue[], weights?: readonly number[]): MeasuredValue {
  const fn = "dimensionScore";
  if (scores.length === 0) throw new EngineInputError(fn, "there must be at least one score");
  scores.forEach((s, i) => {
    if (!Number.isFinite(s.value))
      throw new EngineInputError(fn, `scores[${i}].value must be a finite number`);
    if (!(Number.isFinite(s.u) && s.u >= 0))
      throw new EngineInputError(fn, `scores[${i}].u must be a finite number ≥ 0`);
  });
  const w = normalisedWeights(scores.length, weights, fn);
  let value = 0;
  let variance = 0;
  scores.forEach((s, i) => {
    value += w[i]! * s.value;
    variance += (w[i]! * s.u) ** 2;
  });
  return { value, u: Math.sqrt(variance) };
}
