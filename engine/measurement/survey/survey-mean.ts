import {
  DEFAULT_DISCLOSURE_THRESHOLD,
  suppressSmallCells,
  type DisclosureControlled,
} from "../../disclosure/suppress-small-cells";
import { EngineInputError } from "../../errors";
import { compareGroupLabels } from "./compare-group-labels";
import { linearizedVariance } from "./linearized-variance";
import type { SurveyDesign } from "./survey-design";

/** One design-based estimate: overall (`group` "all") or for one domain. */
export interface SurveyEstimate {
  readonly group: string;
  /** The weighted mean; null when the group has no respondent with a value. */
  readonly estimate: number | null;
  /** Its design-based standard error; null as `estimate`, or when every stratum is lonely under "average". */
  readonly se: number | null;
  /** Respondents in the group with a value (unweighted). */
  readonly n: number;
}

/** What {@link surveyMean} takes. */
export interface SurveyMeanInput {
  readonly design: SurveyDesign;
  /** One value per respondent; null is missing and is left out (R's `na.rm = TRUE`). */
  readonly values: readonly (number | null)[];
  /** Domain label per respondent; null leaves the respondent out of every domain (not of the design). */
  readonly by?: readonly (string | null)[];
  /**
   * Rows with n below this are suppressed (`suppressSmallCells`); default 10. Pass 0 only for
   * intermediate results that are never shown.
   */
  readonly disclosureThreshold?: number;
}

/** A survey estimate after disclosure control: estimate and se are null when `suppressed`. */
export type ShownSurveyEstimate = DisclosureControlled<SurveyEstimate, "estimate" | "se">;

const FN = "surveyMean";

/**
 * The weighted (Hájek) mean ȳ = Σ w_i y_i / Σ w_i with its design-based standard error by Taylor
 * linearisation, overall or per domain: the numbers R's
 * `svymean(~y, svydesign(ids = ~cluster, strata = ~stratum, weights = ~w, data), na.rm = TRUE)` and
 * `svyby(~y, ~g, design, svymean, na.rm = TRUE)` give. The influence values are
 * z_i = w_i (y_i − ȳ)/Σw over the respondents of the domain with a value and 0 elsewhere, and the
 * variance is that of Σ z_i under the full design ({@link linearizedVariance}), so a domain keeps
 * the design's strata and PSUs (Lumley, "Complex Surveys", 2010, §2.2 and §2.3.1; Särndal, Swensson
 * & Wretman, "Model Assisted Survey Sampling", 1992, §5.9 and §10.3).
 * A proportion is the mean of a 0/1 variable (see `surveyProportion`). Small cells are suppressed
 * here, by `suppressSmallCells`, so that no caller shows them by mistake (DESIGN §2).
 * @param input - the design, the values, optional domain labels and the disclosure threshold
 * @returns one estimate ("all") without `by`, else one per domain label, labels in ascending order
 *   (numerically when both labels are numbers), as svyby orders them; rows with n below the
 *   threshold have estimate and se null, `suppressed: true` and a reason
 * @throws EngineInputError when lengths differ from the design, a value is a non-finite number, a
 *   stratum in a domain has a single PSU under the `"fail"` policy, or the threshold is bad
 */
export function surveyMean(input: SurveyMeanInput): ShownSurveyEstimate[] {
  const { design, values, by } = input;
  const n = design.size;
  if (values.length !== n) {
    throw new EngineInputError(FN, `values must have one entry per respondent (${values.length} ≠ ${n})`);
  }
  if (by !== undefined && by.length !== n) {
    throw new EngineInputError(FN, `by must have one label per respondent (${by.length} ≠ ${n})`);
  }
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== null && !Number.isFinite(v)) {
      throw new EngineInputError(FN, `values must be finite numbers or null (respondent ${i + 1} has ${v})`);
    }
  }
  const estimates =
    by === undefined
      ? [estimateDomain(design, values, () => true, "all")]
      : [...new Set(by.filter((g): g is string => g !== null))]
          .sort(compareGroupLabels)
          .map((g) => estimateDomain(design, values, (i) => by[i] === g, g));
  return suppressSmallCells(estimates, {
    fields: ["estimate", "se"],
    threshold: input.disclosureThreshold ?? DEFAULT_DISCLOSURE_THRESHOLD,
  });
}

function estimateDomain(
  design: SurveyDesign,
  values: readonly (number | null)[],
  inDomain: (i: number) => boolean,
  group: string,
): SurveyEstimate {
  const { size, weights } = design;
  const inSubset = new Uint8Array(size);
  let count = 0;
  let sumW = 0;
  let sumWy = 0;
  for (let i = 0; i < size; i++) {
    const y = values[i];
    if (y === null || y === undefined || !inDomain(i)) continue;
    inSubset[i] = 1;
    count++;
    sumW += weights[i]!;
    sumWy += weights[i]! * y;
  }
  if (count === 0) return { group, estimate: null, se: null, n: 0 };
  const mean = sumWy / sumW;
  const z = new Float64Array(size);
  for (let i = 0; i < size; i++) if (inSubset[i]) z[i] = ((values[i]! - mean) * weights[i]!) / sumW;
  let variance = linearizedVariance(design, z, inSubset, FN);
  let scale = 1;
  if (variance === Infinity) {
    // Squares of very large values overflow. The variance is quadratic in z, so it is computed on
    // z / 2^k (exact: a power of two) and scaled back, se(z) = 2^k · se(z / 2^k).
    let max = 0;
    for (const v of z) max = Math.max(max, Math.abs(v));
    if (Number.isFinite(max)) {
      scale = 2 ** Math.ceil(Math.log2(max));
      variance = linearizedVariance(
        design,
        z.map((v) => v / scale),
        inSubset,
        FN,
      );
    }
  }
  return { group, estimate: mean, se: Number.isNaN(variance) ? null : scale * Math.sqrt(variance), n: count };
}
