import { EngineInputError } from "../../errors";
import type { SurveyDesign } from "./survey-design";

/**
 * The design-based variance of a linear statistic Σ z_i under a one-stage stratified cluster design
 * with PSUs drawn with replacement (Taylor linearisation; Wolter, "Introduction to Variance
 * Estimation", 2nd ed., 2007, §6.11; Lumley, "Complex Surveys", 2010, App. C):
 *
 *   V = Σ_h n_h/(n_h − 1) · Σ_j (Z_hj − Z̄_h)²,  Z_hj = Σ_{i ∈ PSU j of stratum h} z_i,
 *
 * n_h the number of PSUs of stratum h in the full design. For a domain (subset) the PSUs of a
 * stratum without subset members count with Z_hj = 0 and the strata the subset does not touch are
 * left out, exactly as R's `survey:::svyrecvar` / `onestrat` do for a subset design (survey 4.x, no
 * fpc). A stratum with n_h = 1 is treated as {@link SurveyDesign.lonelyPsu} says.
 * @param design - the design (from `surveyDesign`)
 * @param z - influence values, one per respondent (entries outside the subset are ignored)
 * @param inSubset - 1 for respondents in the domain with a value, 0 otherwise
 * @param caller - the engine function to name in an error
 * @returns the variance (NaN only when every stratum is lonely under `"average"`)
 * @throws EngineInputError when `lonelyPsu` is `"fail"` and a stratum in the subset has one PSU
 */
export function linearizedVariance(
  design: SurveyDesign,
  z: Float64Array,
  inSubset: Uint8Array,
  caller = "linearizedVariance",
): number {
  const { psuOf, psuStratum, psusInStratum, stratumOf, strataLabels, lonelyPsu } = design;
  const psuTotal = new Float64Array(psuStratum.length);
  const psuPresent = new Uint8Array(psuStratum.length);
  const stratumPresent = new Uint8Array(psusInStratum.length);
  for (let i = 0; i < design.size; i++) {
    if (!inSubset[i]) continue;
    psuTotal[psuOf[i]!] += z[i]!;
    psuPresent[psuOf[i]!] = 1;
    stratumPresent[stratumOf[i]!] = 1;
  }
  // Stratum sums of the PSU totals present in the subset, and their sums of squares about 0.
  const sum = new Float64Array(psusInStratum.length);
  const present = new Int32Array(psusInStratum.length);
  for (let j = 0; j < psuStratum.length; j++) {
    if (!psuPresent[j]) continue;
    sum[psuStratum[j]!] += psuTotal[j]!;
    present[psuStratum[j]!] += 1;
  }
  const ss = new Float64Array(psusInStratum.length);
  for (let j = 0; j < psuStratum.length; j++) {
    if (!psuPresent[j]) continue;
    const h = psuStratum[j]!;
    const nh = psusInStratum[h]!;
    // Lonely strata under "adjust" are centred at the grand mean of the influence values, 0.
    const centre = nh > 1 ? sum[h]! / nh : 0;
    ss[h] += (psuTotal[j]! - centre) ** 2;
  }

  let variance = 0;
  let strataSeen = 0;
  let strataUsed = 0;
  for (let h = 0; h < psusInStratum.length; h++) {
    if (!stratumPresent[h]) continue;
    strataSeen++;
    const nh = psusInStratum[h]!;
    if (nh > 1) {
      const centre = sum[h]! / nh;
      // PSUs of the stratum with no subset member: total 0, deviation −centre each.
      const absentSs = (nh - present[h]!) * centre * centre;
      variance += (nh / (nh - 1)) * (ss[h]! + absentSs);
      strataUsed++;
      continue;
    }
    switch (lonelyPsu) {
      case "fail":
        throw new EngineInputError(
          caller,
          `stratum "${strataLabels[h]}" has only one PSU; choose a lonely-PSU policy (remove, certainty, adjust or average)`,
        );
      case "remove":
      case "certainty":
        strataUsed++;
        break;
      case "adjust":
        variance += ss[h]!;
        strataUsed++;
        break;
      case "average":
        break;
    }
  }
  return lonelyPsu === "average" && strataUsed < strataSeen ? (variance * strataSeen) / strataUsed : variance;
}
