import { describe, expect, it } from "vitest";
import {
  surveyDesign,
  surveyMean,
  surveyProportion,
  type LonelyPsu,
  type ShownSurveyEstimate,
} from "../../../../engine/measurement/survey";
import { loadFixture, numberOrNull } from "../../../fixtures/survey/load";

/** |actual − expected| ≤ tol·|expected|: agreement with R to 1e-8 relative. */
function expectRel(actual: number | null, expected: number, tol = 1e-8): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

function expectRows(rows: ShownSurveyEstimate[], groups: string[], estimates: number[], ses: number[]): void {
  expect(rows.map((r) => r.group)).toEqual(groups);
  rows.forEach((r, i) => {
    expectRel(r.estimate, estimates[i]!);
    expectRel(r.se, ses[i]!);
  });
}

// ESS round 7, Spain (test/fixtures/survey/ess7_spain_design.csv): weight = 1/prob, PSU psu, stratum.
// R 4.x, survey 4.1-1:
//   d <- read.csv("ess7_spain_design.csv"); d$w <- 1/d$prob; d$hi <- as.numeric(d$stflife >= 8)
//   des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = d)
const ess = loadFixture("ess7_spain_design.csv");
const essWeights = ess.map((r) => 1 / Number(r.prob));
const essStrata = ess.map((r) => r.stratum!);
const essPsu = ess.map((r) => r.psu!);
const stflife = ess.map((r) => numberOrNull(r.stflife));
const polintr = ess.map((r) => (r.polintr === "NA" ? null : r.polintr!));

describe("surveyMean on a hand-worked design", () => {
  // Strata A (PSU a1: y 1 and 3, w 1 each; PSU a2: y 2, w 2) and B (PSU b1: y 4; PSU b2: y 6; w 1).
  const design = surveyDesign({
    weights: [1, 1, 2, 1, 1],
    strata: ["A", "A", "A", "B", "B"],
    clusters: ["a1", "a1", "a2", "b1", "b2"],
  });
  const y = [1, 3, 2, 4, 6];

  it("gives the weighted mean and the with-replacement linearised SE", () => {
    // Σw = 6, Σwy = 1 + 3 + 4 + 4 + 6 = 18, ȳ = 3. z = w(y − 3)/6 = −2/6, 0, −2/6, 1/6, 3/6.
    // PSU totals: a1 −2/6, a2 −2/6 (stratum A: no spread → 0); b1 1/6, b2 3/6, mean 2/6,
    // Σ dev² = 2/36, × 2/(2 − 1) = 1/9. SE = 1/3 (R: svymean gives 3, SE 0.3333).
    const [row] = surveyMean({ design, values: y, disclosureThreshold: 0 });
    expect(row!.group).toBe("all");
    expect(row!.n).toBe(5);
    expect(row!.estimate).toBeCloseTo(3, 14);
    expect(row!.se).toBeCloseTo(1 / 3, 14);
  });

  it("keeps the full design for a domain, counting absent PSUs as zero totals", () => {
    // Domain x = rows 1, 2, 4: ȳ = 8/3; z = −5/9, 1/9, 4/9. PSU totals a1 −4/9, a2 0, b1 4/9, b2 0.
    // A: mean −2/9, Σ dev² = 8/81, × 2 = 16/81; B likewise 16/81. V = 32/81, SE = 4√2/9.
    // (R: svyby(~y, ~g, des, svymean) gives 2.666667, SE 0.6285394.)
    const rows = surveyMean({ design, values: y, by: ["x", "x", "y", "x", "y"], disclosureThreshold: 0 });
    expect(rows[0]!.group).toBe("x");
    expect(rows[0]!.n).toBe(3);
    expect(rows[0]!.estimate).toBeCloseTo(8 / 3, 14);
    expect(rows[0]!.se).toBeCloseTo((4 * Math.SQRT2) / 9, 14);
  });

  it("suppresses cells with n below 10 unless told otherwise", () => {
    const [row] = surveyMean({ design, values: y });
    expect(row).toEqual({
      group: "all",
      estimate: null,
      se: null,
      n: 5,
      suppressed: true,
      reason: { code: "small_cell", n: 5, threshold: 10 },
    });
    expect(surveyMean({ design, values: y, disclosureThreshold: 5 })[0]!.estimate).toBeCloseTo(3, 14);
  });

  it("leaves missing values out of the estimate and of n", () => {
    const rows = surveyMean({ design, values: [1, 3, null, 4, 6], disclosureThreshold: 0 });
    // Σw = 4, Σwy = 14 → 3.5
    expect(rows[0]!.estimate).toBeCloseTo(3.5, 14);
    expect(rows[0]!.n).toBe(4);
  });

  it("does not change its inputs", () => {
    const weights = [1, 1, 2, 1, 1];
    const values = [1, 3, 2, 4, 6];
    const d = surveyDesign({ weights, strata: ["A", "A", "A", "B", "B"] });
    surveyMean({ design: d, values });
    expect(weights).toEqual([1, 1, 2, 1, 1]);
    expect(values).toEqual([1, 3, 2, 4, 6]);
  });
});

describe("surveyMean against R's survey package on ESS 7 Spain", () => {
  const design = surveyDesign({ weights: essWeights, strata: essStrata, clusters: essPsu });

  it("matches svymean for life satisfaction with strata and clusters", () => {
    // svymean(~stflife, des, na.rm = TRUE): 6.96168375488583, SE 0.049808186591354484
    const [row] = surveyMean({ design, values: stflife });
    expectRel(row!.estimate, 6.96168375488583);
    expectRel(row!.se, 0.049808186591354484);
    expect(row!.n).toBe(1922); // 1925 respondents, 3 NA
  });

  it("matches svymean for a proportion (share satisfied, stflife ≥ 8)", () => {
    // svymean(~hi, des, na.rm = TRUE): 0.475767701213007, SE 0.012327216972740099
    const hi = stflife.map((v) => (v === null ? null : v >= 8 ? 1 : 0));
    const [row] = surveyProportion({ design, values: hi });
    expectRel(row!.estimate, 0.475767701213007);
    expectRel(row!.se, 0.012327216972740099);
  });

  it("matches svyby by interest in politics, leaving NA groups out", () => {
    // b <- svyby(~stflife, ~polintr, des, svymean, na.rm = TRUE); b$stflife; b$se
    const rows = surveyMean({ design, values: stflife, by: polintr });
    expectRows(
      rows,
      ["1", "2", "3", "4"],
      [7.0775122405391944, 7.0741436465794854, 6.9697022595379083, 6.7327110134758117],
      [0.153026518994763217, 0.079255053507900713, 0.080555827078944042, 0.114055885290574074],
    );
    // table(d$polintr[!is.na(d$stflife)]): 216 569 695 436
    expect(rows.map((r) => r.n)).toEqual([216, 569, 695, 436]);
  });

  it("matches svyby for a proportion by education (eisced)", () => {
    // svyby(~hi, ~eisced, des, svymean, na.rm = TRUE)
    const hi = stflife.map((v) => (v === null ? null : v >= 8 ? 1 : 0));
    const eisced = ess.map((r) => (r.eisced === "NA" ? null : r.eisced!));
    const rows = surveyProportion({ design, values: hi, by: eisced });
    expectRows(
      rows,
      ["1", "2", "3", "4", "5", "6", "7"],
      [
        0.45669823234056878, 0.45108190338527177, 0.4752207677762269, 0.49528440878363333,
        0.53353292573154465, 0.52044289016561374, 0.4908477651050876,
      ],
      [
        0.023921811972023702, 0.021926888600813883, 0.0408802768989514, 0.042026039990650181,
        0.040559471194770866, 0.040398614620100887, 0.037474910003587013,
      ],
    );
  });

  it("matches a stratified design without clusters (ids = ~1)", () => {
    // svymean(~stflife, svydesign(ids = ~1, strata = ~stratum, weights = ~w, data = d), na.rm = TRUE)
    const d = surveyDesign({ weights: essWeights, strata: essStrata });
    const [row] = surveyMean({ design: d, values: stflife });
    expectRel(row!.estimate, 6.9616837548858284);
    expectRel(row!.se, 0.04907559389454462);
  });

  it("matches a clustered design without strata", () => {
    // svymean(~stflife, svydesign(ids = ~psu, weights = ~w, data = d), na.rm = TRUE)
    const d = surveyDesign({ weights: essWeights, clusters: essPsu });
    const [row] = surveyMean({ design: d, values: stflife });
    expectRel(row!.se, 0.05070096664828079);
  });
});

describe("surveyMean with a single-PSU stratum", () => {
  // ESS without PSU 6548 of stratum 175 (7 rows), so stratum 175 keeps one PSU (6541):
  //   dl <- d[!(d$stratum == 175 & d$psu == 6548), ]; options(survey.lonely.psu = opt)
  //   des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = dl)
  //   svymean(~stflife, des, na.rm = TRUE); svyby(~stflife, ~polintr, des, svymean, na.rm = TRUE)
  const keep = ess.map((r) => !(r.stratum === "175" && r.psu === "6548"));
  const pick = <T>(xs: T[]): T[] => xs.filter((_, i) => keep[i]);
  const make = (lonelyPsu?: LonelyPsu) =>
    surveyDesign({ weights: pick(essWeights), strata: pick(essStrata), clusters: pick(essPsu), lonelyPsu });
  const values = pick(stflife);
  const by = pick(polintr);
  const byMeans = [7.0781347196916524, 7.0728501330585987, 6.9684215175784372, 6.7296701921658579];

  it("refuses by default, as R does, naming the stratum", () => {
    expect(keep.filter((k) => !k)).toHaveLength(7);
    // R: Error in onestrat(...): Stratum (175) has only one PSU at stage 1
    expect(() => surveyMean({ design: make(), values })).toThrow(
      'surveyMean: stratum "175" has only one PSU',
    );
  });

  it("still estimates a domain that does not reach the lonely stratum under the default", () => {
    // polintr 1 has no respondent in stratum 175, so R's svymean on that subset succeeds.
    const rows = surveyMean({ design: make(), values, by: by.map((g) => (g === "1" ? g : null)) });
    expectRel(rows[0]!.estimate, byMeans[0]!);
    expectRel(rows[0]!.se, 0.154252438434452299);
  });

  it.each([
    [
      "remove",
      0.049933929536575383,
      [0.154252438434452299, 0.079366476179895062, 0.08061464797364587, 0.114460817533137443],
    ],
    [
      "certainty",
      0.049933929536575383,
      [0.154252438434452299, 0.079366476179895062, 0.08061464797364587, 0.114460817533137443],
    ],
    [
      "adjust",
      0.050036476078309383,
      [0.154252438434452299, 0.079582047122369576, 0.080702682785715601, 0.114460817533137443],
    ],
    [
      "average",
      0.05037004200491671,
      [0.154252438434452299, 0.080071969842447438, 0.081318719402402581, 0.114460817533137443],
    ],
  ] as const)("matches R's survey.lonely.psu = %s overall and by domain", (policy, se, bySe) => {
    const design = make(policy);
    const [all] = surveyMean({ design, values });
    expectRel(all!.estimate, 6.9602139292703038);
    expectRel(all!.se, se);
    expectRows(surveyMean({ design, values, by }), ["1", "2", "3", "4"], byMeans, [...bySe]);
  });
});

describe("surveyMean on the wINEQ quality-of-life survey (no clusters)", () => {
  // test/fixtures/survey/qol_survey_wineq.csv; w <- read.csv(...); w$V1top <- as.numeric(w$V1 >= 4)
  const rows = loadFixture("qol_survey_wineq.csv");
  const weights = rows.map((r) => Number(r.Weight));
  const v1 = rows.map((r) => Number(r.V1));

  it("matches svymean with weights only", () => {
    // svymean(~V1, svydesign(ids = ~1, weights = ~Weight, data = w)): 3.4085213032581456, SE 0.032252892765268472
    const [row] = surveyMean({ design: surveyDesign({ weights }), values: v1 });
    expectRel(row!.estimate, 3.4085213032581456);
    expectRel(row!.se, 0.032252892765268472);
  });

  it("matches svyby for a proportion by gender", () => {
    // svyby(~V1top, ~Gender, svydesign(ids = ~1, weights = ~Weight, data = w), svymean)
    const top = v1.map((v) => (v >= 4 ? 1 : 0));
    const out = surveyProportion({
      design: surveyDesign({ weights }),
      values: top,
      by: rows.map((r) => r.Gender!),
    });
    expectRows(
      out,
      ["Female", "Male"],
      [0.49897750511247446, 0.53531073446327682],
      [0.02262018497636099, 0.018752067291570633],
    );
    expect(out.map((r) => r.n)).toEqual([489, 708]);
  });

  it("matches a design stratified by survey year, by area", () => {
    // dws <- svydesign(ids = ~1, strata = ~Year, weights = ~Weight, data = w)
    // svymean(~V1, dws): SE 0.032243298047825761; svyby(~V1, ~Area, dws, svymean)
    const design = surveyDesign({ weights, strata: rows.map((r) => r.Year!) });
    expectRel(surveyMean({ design, values: v1 })[0]!.se, 0.032243298047825761);
    expectRows(
      surveyMean({ design, values: v1, by: rows.map((r) => r.Area!) }),
      ["Rural", "Urban"],
      [3.453757225433526, 3.390129259694477],
      [0.059953387222949087, 0.038206058590564952],
    );
  });
});

describe("surveyMean and surveyDesign refuse bad input", () => {
  it("refuses a weight that is zero, negative or not finite", () => {
    expect(() => surveyDesign({ weights: [1, 0] })).toThrow(
      "surveyDesign: weights must be finite and > 0 (respondent 2 has 0)",
    );
    expect(() => surveyDesign({ weights: [-1] })).toThrow("surveyDesign: weights must be finite and > 0");
    expect(() => surveyDesign({ weights: [NaN] })).toThrow("surveyDesign: weights must be finite and > 0");
  });

  it("refuses an empty design and labels of the wrong length", () => {
    expect(() => surveyDesign({ weights: [] })).toThrow(
      "surveyDesign: there must be at least one respondent",
    );
    expect(() => surveyDesign({ weights: [1, 1], strata: ["a"] })).toThrow(
      "strata must have one label per respondent",
    );
    expect(() => surveyDesign({ weights: [1, 1], clusters: ["a", "b", "c"] })).toThrow(
      "clusters must have one label per respondent",
    );
  });

  it("refuses values of the wrong length or not finite", () => {
    const design = surveyDesign({ weights: [1, 1] });
    expect(() => surveyMean({ design, values: [1] })).toThrow(
      "surveyMean: values must have one entry per respondent",
    );
    expect(() => surveyMean({ design, values: [1, Infinity] })).toThrow(
      "surveyMean: values must be finite numbers or null",
    );
  });

  it("refuses a proportion of values other than 0 and 1", () => {
    const design = surveyDesign({ weights: [1, 1] });
    expect(() => surveyProportion({ design, values: [1, 2] })).toThrow(
      "surveyProportion: values must be 0, 1 or null (respondent 2 has 2)",
    );
  });

  it("reports a group whose values are all missing with n 0 and no estimate", () => {
    const design = surveyDesign({ weights: [1, 1, 1] });
    const rows = surveyMean({ design, values: [1, 2, null], by: ["a", "a", "b"], disclosureThreshold: 0 });
    expect(rows[1]).toEqual({ group: "b", estimate: null, se: null, n: 0 });
  });
});
