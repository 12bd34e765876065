import { EngineInputError } from "../../errors";
import { wle } from "./wle";

/** The stated linear map from logits to the 0–100 score: score = intercept + slope·θ. */
export interface ScoreTransform {
  /** WLE (logits) of the lowest raw score on the full item set: maps to 0. */
  readonly lo: number;
  /** WLE (logits) of the highest raw score on the full item set: maps to 100. */
  readonly hi: number;
  readonly slope: number;
  readonly intercept: number;
  readonly description: string;
}

/**
 * The linear transform of person measures to a 0–100 score used by Livsval: the WLE of the
 * lowest possible raw score on the whole item set maps to 0 and that of the highest to 100,
 * score = 100·(θ − θ_lo)/(θ_hi − θ_lo). The goalposts are data (the calibrated items), as in
 * DESIGN §2's normalisation; standard uncertainties scale by the same factor 100/(θ_hi − θ_lo)
 * (JCGM 100 §5.1.2, a linear model). Persons who answered only some items can fall slightly
 * outside 0–100; scores are not clipped.
 *
 * @param thresholds - per item its thresholds (logits)
 * @returns the transform with a one-line description of it
 * @throws EngineInputError when there are no items
 */
export function scoreTransform(thresholds: readonly ArrayLike<number>[]): ScoreTransform {
  if (thresholds.length === 0) throw new EngineInputError("scoreTransform", "at least one item is needed");
  let max = 0;
  for (const th of thresholds) max += th.length;
  const lo = wle(thresholds, 0).measure;
  const hi = wle(thresholds, max).measure;
  const slope = 100 / (hi - lo);
  return {
    lo,
    hi,
    slope,
    intercept: -lo * slope,
    description:
      `score = 100·(θ − (${lo.toFixed(4)}))/(${hi.toFixed(4)} − (${lo.toFixed(4)})): the WLE of the lowest raw score ` +
      `on all items maps to 0, of the highest to 100; standard errors are multiplied by ${slope.toFixed(4)}`,
  };
}
