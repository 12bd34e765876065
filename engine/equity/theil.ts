import { EngineInputError } from "../errors";
import { populationShares } from "./population-shares";

/**
 * Theil's T index (Theil, "Economics and Information Theory", 1967, ch. 4; the generalised entropy
 * GE(1), Cowell, "Measuring Inequality", 3rd ed., 2011, §3.4 and Technical Appendix A.5):
 *
 *   T = Σ_i p_i · (x_i/μ) · ln(x_i/μ),   μ = Σ_i p_i x_i,  p_i = w_i/Σw,
 *
 * with 0·ln 0 = 0. 0 for equal values, at most ln(1/min p_i).
 * @param values - the values, all ≥ 0
 * @param weights - optional weights (≥ 0); equal weights without them
 * @returns T (a non-negative number, not bounded by 1)
 * @throws EngineInputError when a value is negative or not finite, the weighted mean is ≤ 0, or
 *   the weights are bad
 */
export function theil(values: readonly number[], weights?: readonly number[]): number {
  const p = populationShares("theil", values, weights);
  let mean = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! < 0) {
      throw new EngineInputError("theil", `values must be ≥ 0 (value ${i + 1} is ${values[i]})`);
    }
    mean += p[i]! * values[i]!;
  }
  if (!(mean > 0)) throw new EngineInputError("theil", "the weighted mean must be > 0");
  let t = 0;
  for (let i = 0; i < values.length; i++) {
    const r = values[i]! / mean;
    if (r > 0 && p[i]! > 0) t += p[i]! * r * Math.log(r);
  }
  // Rounding can leave −1e-17 for equal values; T is ≥ 0 by Jensen's inequality.
  return Math.max(0, t);
}
