import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { surveyDesign, surveyMean, type ShownSurveyEstimate } from "../../../../engine/measurement/survey";

interface Respondent {
  y: number | null;
  w: number;
  s: string;
  c: string;
  g: string;
}

const respondent: fc.Arbitrary<Respondent> = fc.record({
  y: fc.option(fc.double({ min: -50, max: 50, noNaN: true }), { freq: 8 }),
  w: fc.double({ min: 0.01, max: 1000, noNaN: true }),
  s: fc.constantFrom("A", "B", "C"),
  c: fc.constantFrom("1", "2", "3", "4"),
  g: fc.constantFrom("x", "y", "z"),
});

function estimate(rs: readonly Respondent[], scale = 1): ShownSurveyEstimate[] {
  const design = surveyDesign({
    weights: rs.map((r) => r.w * scale),
    strata: rs.map((r) => r.s),
    clusters: rs.map((r) => r.c),
    lonelyPsu: "adjust",
  });
  const values = rs.map((r) => r.y);
  return [
    ...surveyMean({ design, values, disclosureThreshold: 0 }),
    ...surveyMean({ design, values, by: rs.map((r) => r.g), disclosureThreshold: 0 }),
  ];
}

/** Equal up to rounding: 1e-9 relative, with an absolute floor for values near 0. */
function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sameEstimates(a: ShownSurveyEstimate[], b: ShownSurveyEstimate[]): void {
  expect(b.map((r) => [r.group, r.n])).toEqual(a.map((r) => [r.group, r.n]));
  a.forEach((r, i) => {
    expect(close(r.estimate, b[i]!.estimate)).toBe(true);
    expect(close(r.se, b[i]!.se)).toBe(true);
  });
}

describe("surveyMean properties", () => {
  it("gives the same means and SEs when every weight is multiplied by the same c > 0", () => {
    // ȳ = Σwy/Σw and z_i = w_i(y_i − ȳ)/Σw are homogeneous of degree 0 in w, so the SE of a
    // mean is scale-free too (that of a total would scale by c).
    fc.assert(
      fc.property(
        fc.array(respondent, { minLength: 1, maxLength: 40 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (rs, c) => {
          sameEstimates(estimate(rs), estimate(rs, c));
        },
      ),
    );
  });

  it("does not depend on the order of the rows", () => {
    fc.assert(
      fc.property(
        fc
          .array(respondent, { minLength: 1, maxLength: 40 })
          .chain((rs) =>
            fc.tuple(
              fc.constant(rs),
              fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }),
            ),
          ),
        ([rs, shuffled]) => {
          sameEstimates(estimate(rs), estimate(shuffled));
        },
      ),
    );
  });

  it("keeps every estimate between the smallest and largest value of its group", () => {
    fc.assert(
      fc.property(fc.array(respondent, { minLength: 1, maxLength: 40 }), (rs) => {
        for (const row of estimate(rs)) {
          if (row.estimate === null) continue;
          const ys = rs
            .filter((r) => r.y !== null && (row.group === "all" || r.g === row.group))
            .map((r) => r.y!);
          expect(row.estimate).toBeGreaterThanOrEqual(Math.min(...ys) - 1e-9);
          expect(row.estimate).toBeLessThanOrEqual(Math.max(...ys) + 1e-9);
          expect(row.se).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
