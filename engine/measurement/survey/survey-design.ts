import { EngineInputError } from "../../errors";

/**
 * What to do with a stratum that has a single PSU, where the with-replacement variance
 * n_h/(n_h − 1)·Σ(z_hj − z̄_h)² is undefined. The names and meanings are those of R's
 * `options(survey.lonely.psu = …)` (survey package, `?surveyoptions`):
 * - `"fail"` (R's default): refuse, naming the stratum;
 * - `"remove"` and `"certainty"`: the stratum adds nothing to the variance (for a one-stage
 *   design the two agree; R tells them apart only in later stages);
 * - `"adjust"`: centre the stratum's PSU total at the grand mean (0 for influence values)
 *   instead of the stratum mean, a conservative choice;
 * - `"average"`: leave the stratum out and scale the sum by (strata)/(strata with ≥ 2 PSUs).
 *
 * "Single PSU" means in the full design. In a domain, a stratum whose other PSUs have no domain
 * member still has n_h ≥ 2 (their totals count as 0), as with R's default
 * `options(survey.adjust.domain.lonely = FALSE)`.
 */
export type LonelyPsu = "fail" | "remove" | "certainty" | "adjust" | "average";

/** The lonely-PSU policies, in the order R documents them. */
export const LONELY_PSU_OPTIONS: readonly LonelyPsu[] = ["fail", "remove", "certainty", "adjust", "average"];

/** What {@link surveyDesign} takes: one entry per respondent in every array. */
export interface SurveyDesignInput {
  /** Sampling weights (1 / inclusion probability), finite and > 0. */
  readonly weights: readonly number[];
  /** Stratum labels; absent means one stratum. */
  readonly strata?: readonly string[];
  /** Primary sampling unit (cluster) labels; absent means every respondent is its own PSU (`ids = ~1`). */
  readonly clusters?: readonly string[];
  /** Single-PSU strata policy; `"fail"` as in R when absent. */
  readonly lonelyPsu?: LonelyPsu;
}

/**
 * A one-stage stratified cluster design with the counts that Taylor linearisation needs, as R's
 * `svydesign(ids = ~cluster, strata = ~stratum, weights = ~w, data)` holds them. PSU labels are
 * taken as nested in strata (R's `nest = TRUE`: the same label in two strata is two PSUs; where
 * R's default `nest = FALSE` accepts the data at all, the two agree).
 */
export interface SurveyDesign {
  /** Number of respondents. */
  readonly size: number;
  readonly weights: Float64Array;
  /** Stratum index of each respondent, into {@link SurveyDesign.strataLabels}. */
  readonly stratumOf: Int32Array;
  /** PSU index of each respondent (0 … psuCount − 1 over the whole design). */
  readonly psuOf: Int32Array;
  /** Stratum index of each PSU. */
  readonly psuStratum: Int32Array;
  /** Number of PSUs in each stratum in the full design (R's `fpc$sampsize`). */
  readonly psusInStratum: Int32Array;
  readonly strataLabels: readonly string[];
  readonly lonelyPsu: LonelyPsu;
}

const FN = "surveyDesign";

/**
 * Build a survey design from weights, optional strata and optional clusters, checking them.
 * PSU counts per stratum are taken over all respondents, before any domain or missing-value
 * subsetting, as R's `svydesign` counts them (Lumley, "Complex Surveys", 2010, §2.2 and App. C).
 * @param input - weights, strata, clusters and the lonely-PSU policy
 * @returns the design, with its arrays copied (the input is not kept or changed)
 * @throws EngineInputError when there are no respondents, lengths differ, a weight is not finite and
 *   > 0, a label is empty, or the lonely-PSU policy is unknown
 */
export function surveyDesign(input: SurveyDesignInput): SurveyDesign {
  const { weights, strata, clusters } = input;
  const lonelyPsu = input.lonelyPsu ?? "fail";
  const n = weights.length;
  if (n === 0) throw new EngineInputError(FN, "there must be at least one respondent");
  if (strata !== undefined && strata.length !== n) {
    throw new EngineInputError(FN, `strata must have one label per respondent (${strata.length} ≠ ${n})`);
  }
  if (clusters !== undefined && clusters.length !== n) {
    throw new EngineInputError(FN, `clusters must have one label per respondent (${clusters.length} ≠ ${n})`);
  }
  if (!LONELY_PSU_OPTIONS.includes(lonelyPsu)) {
    throw new EngineInputError(FN, `lonelyPsu must be one of ${LONELY_PSU_OPTIONS.join(", ")}`);
  }
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const wi = weights[i]!;
    if (!Number.isFinite(wi) || wi <= 0) {
      throw new EngineInputError(FN, `weights must be finite and > 0 (respondent ${i + 1} has ${wi})`);
    }
    w[i] = wi;
  }

  const strataIndex = new Map<string, number>();
  const stratumOf = new Int32Array(n);
  const psuIndex = new Map<string, number>();
  const psuOf = new Int32Array(n);
  const psuStratumList: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = strata === undefined ? "" : strata[i]!;
    if (strata !== undefined && s === "") {
      throw new EngineInputError(FN, `respondent ${i + 1} has an empty stratum label`);
    }
    let h = strataIndex.get(s);
    if (h === undefined) {
      h = strataIndex.size;
      strataIndex.set(s, h);
    }
    stratumOf[i] = h;
    const c = clusters === undefined ? String(i) : clusters[i]!;
    if (clusters !== undefined && c === "") {
      throw new EngineInputError(FN, `respondent ${i + 1} has an empty cluster label`);
    }
    // JSON of the pair is an unambiguous key for "PSU c within stratum h" (nest = TRUE).
    const key = JSON.stringify([h, c]);
    let j = psuIndex.get(key);
    if (j === undefined) {
      j = psuIndex.size;
      psuIndex.set(key, j);
      psuStratumList.push(h);
    }
    psuOf[i] = j;
  }
  const psuStratum = Int32Array.from(psuStratumList);
  const psusInStratum = new Int32Array(strataIndex.size);
  for (const h of psuStratum) psusInStratum[h] += 1;

  return Object.freeze({
    size: n,
    weights: w,
    stratumOf,
    psuOf,
    psuStratum,
    psusInStratum,
    strataLabels: Object.freeze([...strataIndex.keys()]),
    lonelyPsu,
  });
}
