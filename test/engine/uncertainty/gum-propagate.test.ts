import { describe, expect, it } from "vitest";
import { cholesky, gumPropagate } from "../../../engine/uncertainty";

describe("gumPropagate", () => {
  it("combines independent inputs of a linear model by JCGM 100 eq. (10)", () => {
    // Y = X1 − 2·X2, u = (0.3, 0.4): u² = 0.3² + (2·0.4)² = 0.09 + 0.64 = 0.73
    const r = gumPropagate({ coefficients: [1, -2] }, { x: [5, 1], u: [0.3, 0.4] });
    expect(r.estimate).toBe(3);
    expect(r.u).toBeCloseTo(Math.sqrt(0.73), 14);
    expect(r.sensitivities).toEqual([1, -2]);
    expect(r.contributions[1]).toBeCloseTo(0.8, 14);
  });

  it("adds the covariance terms of correlated inputs by JCGM 100 eq. (16)", () => {
    // r = 0.5: u² = 0.73 + 2·(1)(−2)(0.3)(0.4)(0.5) = 0.73 − 0.24 = 0.49 → u = 0.7
    const r = gumPropagate(
      { coefficients: [1, -2] },
      {
        x: [5, 1],
        u: [0.3, 0.4],
        correlation: [
          [1, 0.5],
          [0.5, 1],
        ],
      },
    );
    expect(r.u).toBeCloseTo(0.7, 14);
  });

  it("finds sensitivity coefficients of a product numerically", () => {
    // Y = X1·X2 at (2, 3): c = (3, 2); u = √((3·0.1)² + (2·0.2)²) = √(0.09 + 0.16) = 0.5
    const r = gumPropagate({ f: ([a, b]) => a! * b! }, { x: [2, 3], u: [0.1, 0.2] });
    expect(r.estimate).toBe(6);
    expect(r.sensitivities[0]).toBeCloseTo(3, 8);
    expect(r.sensitivities[1]).toBeCloseTo(2, 8);
    expect(r.u).toBeCloseTo(0.5, 8);
  });

  it("gives the GUM first-order result of JCGM 101 §9.3 (mass calibration: 1.2340 mg, u 0.0539 mg)", () => {
    // c = (1, 1, ≈0, ≈0, ≈0) at the estimates, so u = √(0.050² + 0.020²) = 0.053852
    const f = ([mRc, dm, rhoA, rhoW, rhoR]: readonly number[]): number =>
      (mRc! + dm!) * (1 + (rhoA! - 1.2) * (1 / rhoW! - 1 / rhoR!)) - 100000;
    const u = [0.05, 0.02, 0.1 / Math.sqrt(3), 1000 / Math.sqrt(3), 50 / Math.sqrt(3)];
    const r = gumPropagate({ f }, { x: [100000, 1.234, 1.2, 8000, 8000], u });
    expect(r.estimate).toBeCloseTo(1.234, 8);
    expect(r.u).toBeCloseTo(0.0538516, 6);
  });

  it("leaves its inputs untouched", () => {
    const x = [2, 3];
    const u = [0.1, 0.2];
    gumPropagate({ f: ([a, b]) => a! * b! }, { x, u });
    expect(x).toEqual([2, 3]);
    expect(u).toEqual([0.1, 0.2]);
  });

  it("refuses mismatched lengths, negative uncertainties and bad correlation matrices", () => {
    expect(() => gumPropagate({ coefficients: [1] }, { x: [1, 2], u: [1, 1] })).toThrow(
      "gumPropagate: coefficients and x must have the same length",
    );
    expect(() => gumPropagate({ coefficients: [1] }, { x: [1], u: [-1] })).toThrow(
      "gumPropagate: u[0] must be",
    );
    expect(() =>
      gumPropagate(
        { coefficients: [1, 1] },
        {
          x: [0, 0],
          u: [1, 1],
          correlation: [
            [1, 0.2],
            [0.3, 1],
          ],
        },
      ),
    ).toThrow("correlation matrix must be symmetric");
    expect(() => gumPropagate({ f: ([a]) => Math.log(a!) }, { x: [-1], u: [1] })).toThrow(
      "gumPropagate: f must be finite at the input estimates",
    );
  });
});

describe("cholesky", () => {
  it("factors a small positive definite matrix", () => {
    // [[4, 2], [2, 3]] = L·Lᵀ with L = [[2, 0], [1, √2]] (2·2 = 4, 1·2 = 2, 1 + 2 = 3)
    const l = cholesky([
      [4, 2],
      [2, 3],
    ]);
    expect(l[0]).toEqual([2, 0]);
    expect(l[1]![0]).toBe(1);
    expect(l[1]![1]).toBeCloseTo(Math.SQRT2, 15);
  });

  it("accepts a semi-definite correlation of 1 and refuses an indefinite matrix", () => {
    expect(
      cholesky([
        [1, 1],
        [1, 1],
      ]),
    ).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect(() =>
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow("cholesky: matrix must be positive semi-definite");
  });
});
