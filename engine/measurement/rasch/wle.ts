import { scoreMoments } from "./category-moments";
import { checkRaw, type PersonEstimate } from "./ml-person-estimate";
import { solveScoreEquation } from "./solve-score-equation";

/**
 * Warm's weighted likelihood estimate (WLE) of a person's ability from a raw score, given the
 * item thresholds: the root of r − Σ_i E(X_i | θ) + J(θ)/(2·I(θ)) = 0, where I is the test
 * information and J = dI/dθ (for the PCM, the summed third central moments). Unlike ML it is
 * finite for extreme scores and has smaller bias. Standard error 1/√I(θ̂) (as TAM and WinMira).
 *
 * Source: Warm, T. A. (1989), "Weighted likelihood estimation of ability in item response
 * theory", Psychometrika 54, 427–450, eq. 19 (bias-correction form for exponential families).
 *
 * @param items - thresholds of the items the person answered (at least one)
 * @param raw - the raw score over those items
 * @returns the WLE and its standard error
 * @throws EngineInputError when there are no items or the raw score is out of range
 */
export function wle(items: readonly ArrayLike<number>[], raw: number): PersonEstimate {
  checkRaw(items, raw, "wle");
  const measure = solveScoreEquation((theta) => {
    const m = scoreMoments(items, theta);
    return { value: raw - m.expected + m.thirdMoment / (2 * m.information), slope: -m.information };
  }, "wle");
  return { measure, se: 1 / Math.sqrt(scoreMoments(items, measure).information) };
}
