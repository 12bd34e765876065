import { EngineInputError } from "../../errors";

/** Person separation reliability with its parts. */
export interface SeparationReliability {
  /** (SSD − MSE)/SSD; may be negative when measurement error exceeds the spread. */
  readonly reliability: number;
  /** Sample variance (n − 1 denominator) of the person measures, SSD. */
  readonly observedVariance: number;
  /** Mean of the squared standard errors, MSE. */
  readonly errorVariance: number;
  readonly n: number;
}

/**
 * Person separation reliability: the share of the observed variance of the person measures
 * that is not measurement error, (SSD − MSE)/SSD, with SSD the sample variance of the measures
 * and MSE the mean squared standard error. As eRm's `SepRel`, it is computed over persons with
 * a finite (non-extreme) ML measure.
 *
 * Source: Wright, B. D. & Stone, M. H. (1999), *Measurement Essentials*, ch. 9; Andrich, D.
 * (1982), "An index of person separation in latent trait theory", Education Research and
 * Perspectives 9; eRm 1.0 `SepRel`.
 *
 * @param measures - person measures (non-finite entries are left out)
 * @param ses - their standard errors, same length
 * @returns reliability, SSD, MSE and the number of persons used
 * @throws EngineInputError when lengths differ or fewer than two persons have a finite measure
 */
export function separationReliability(
  measures: ArrayLike<number>,
  ses: ArrayLike<number>,
): SeparationReliability {
  const fn = "separationReliability";
  if (measures.length !== ses.length)
    throw new EngineInputError(fn, "measures and ses must have the same length");
  let n = 0;
  let mean = 0;
  for (let v = 0; v < measures.length; v++) {
    if (!Number.isFinite(measures[v]!)) continue;
    n++;
    mean += measures[v]!;
  }
  if (n < 2) throw new EngineInputError(fn, "at least two persons with a finite measure are needed");
  mean /= n;
  let ss = 0;
  let mse = 0;
  for (let v = 0; v < measures.length; v++) {
    if (!Number.isFinite(measures[v]!)) continue;
    ss += (measures[v]! - mean) ** 2;
    mse += ses[v]! ** 2;
  }
  const observedVariance = ss / (n - 1);
  const errorVariance = mse / n;
  return {
    reliability: (observedVariance - errorVariance) / observedVariance,
    observedVariance,
    errorVariance,
    n,
  };
}
