import { describe, expect, it } from "vitest";
import { createRandom } from "../../../engine/random";
import { propagateExpression, validateGum, welchSatterthwaite } from "../../../engine/uncertainty";

describe("validateGum", () => {
  it("compares the GUM interval ends with the Monte Carlo ones within δ (JCGM 101 §8.2)", () => {
    // U = 1.959964·2 = 3.919928; d = |−3.919928 + 3.88| = 0.039928 ≤ δ(2.0, 2 digits) = 0.05 → validated
    const ok = validateGum({ estimate: 0, u: 2 }, { u: 2, interval: [-3.88, 3.88] }, 0.95);
    expect(ok.dLow).toBeCloseTo(0.039928, 5);
    expect(ok.tolerance).toBeCloseTo(0.05, 12);
    expect(ok.validated).toBe(true);
    // d = 0.069928 > 0.05 → not validated
    expect(validateGum({ estimate: 0, u: 2 }, { u: 2, interval: [-3.85, 3.85] }, 0.95).validated).toBe(false);
  });

  it("does not validate the first-order GUM for the mass calibration (JCGM 101 §9.3)", () => {
    // published: GUF [1.1285, 1.3395] mg against MCM [1.0834, 1.3825] mg with u = 0.0754 mg, δ = 0.0005 mg
    const v = validateGum({ estimate: 1.234, u: 0.0539 }, { u: 0.0754, interval: [1.0834, 1.3825] }, 0.95);
    expect(v.interval[0]).toBeCloseTo(1.1284, 3);
    expect(v.interval[1]).toBeCloseTo(1.3396, 3);
    expect(v.validated).toBe(false);
  });

  it("validates a linear model of normal inputs when run adaptively", () => {
    const r = propagateExpression(
      {
        expression: "a + b - 2 * c",
        inputs: {
          a: { dist: "normal", mean: 1, sd: 1 },
          b: { dist: "normal", mean: 2, sd: 2 },
          c: { dist: "normal", mean: 0, sd: 0.5 },
        },
        draws: 2_000_000,
        adaptive: { ndig: 1 },
      },
      createRandom(801),
    );
    // exact: Y ~ N(3, 1 + 4 + 1) so the GUM result is exact; δ(√6 ≈ 2.4, 1 digit) = 0.5
    expect(r.gum!.u).toBeCloseTo(Math.sqrt(6), 8);
    expect(r.gum!.validated).toBe(true);
  });
});

describe("welchSatterthwaite", () => {
  it("combines degrees of freedom by JCGM 100 eq. (G.2b)", () => {
    // u = (1, 1), ν = (4, 4): u_c⁴ = 4, Σ u⁴/ν = 0.5 → ν_eff = 8
    expect(welchSatterthwaite([1, 1], [4, 4])).toBe(8);
    // u = (1, 2), ν = (5, ∞): u_c⁴ = 25, Σ = 1/5 → 125
    expect(welchSatterthwaite([1, 2], [5, Infinity])).toBeCloseTo(125, 12);
    expect(welchSatterthwaite([1], [Infinity])).toBe(Infinity);
  });

  it("refuses mismatched lengths and ν ≤ 0", () => {
    expect(() => welchSatterthwaite([1], [1, 2])).toThrow(
      "welchSatterthwaite: contributions and dof must have the same length",
    );
    expect(() => welchSatterthwaite([1], [0])).toThrow("welchSatterthwaite: dof[0] must be > 0");
  });
});
