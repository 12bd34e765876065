import { EngineInputError } from "../../errors";
import { scoreMoments } from "./category-moments";
import { solveScoreEquation } from "./solve-score-equation";

/** A person measure in logits with its standard error. */
export interface PersonEstimate {
  readonly measure: number;
  readonly se: number;
}

/**
 * Maximum likelihood estimate of a person's ability from a raw score, given the item
 * thresholds (the score equation r = Σ_i E(X_i | θ)), with standard error 1/√I(θ̂). This is
 * the estimate eRm's `person.parameter` reports for non-extreme scores, and the one its
 * `itemfit`, `personfit` and `SepRel` are based on. Extreme scores (0 or the maximum) have no
 * finite ML estimate and give `null`.
 *
 * Source: Fischer & Molenaar (1995), *Rasch Models*, ch. 15; Mair & Hatzinger (2007), §4.
 *
 * @param items - thresholds of the items the person answered
 * @param raw - the raw score over those items
 * @returns the estimate, or null for an extreme score
 * @throws EngineInputError when the raw score is not an integer within 0..Σ m_i
 */
export function mlPersonEstimate(items: readonly ArrayLike<number>[], raw: number): PersonEstimate | null {
  const max = checkRaw(items, raw, "mlPersonEstimate");
  if (raw === 0 || raw === max) return null;
  const measure = solveScoreEquation((theta) => {
    const m = scoreMoments(items, theta);
    return { value: raw - m.expected, slope: -m.information };
  }, "mlPersonEstimate");
  return { measure, se: 1 / Math.sqrt(scoreMoments(items, measure).information) };
}

/**
 * Check a raw score against the items' score range.
 * @param items - thresholds of the items answered
 * @param raw - the raw score
 * @param fn - the calling engine function, for the message
 * @returns the highest possible raw score Σ m_i
 * @throws EngineInputError when there are no items or the score is not an integer in 0..Σ m_i
 */
export function checkRaw(items: readonly ArrayLike<number>[], raw: number, fn: string): number {
  if (items.length === 0) throw new EngineInputError(fn, "a person needs at least one answered item");
  let max = 0;
  for (const th of items) max += th.length;
  if (!Number.isInteger(raw) || raw < 0 || raw > max) {
    throw new EngineInputError(fn, `raw score must be an integer from 0 to ${max}`);
  }
  return max;
}
