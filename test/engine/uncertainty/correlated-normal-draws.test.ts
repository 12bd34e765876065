import { describe, expect, it } from "vitest";
import { createRandom } from "../../../engine/random";
import { correlatedNormalDraws, summariseDraws } from "../../../engine/uncertainty";

function correlation(a: Float64Array, b: Float64Array): number {
  const sa = summariseDraws(a);
  const sb = summariseDraws(b);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - sa.estimate) * (b[i]! - sb.estimate);
  return s / (a.length - 1) / (sa.u * sb.u);
}

describe("correlatedNormalDraws", () => {
  const input = {
    mean: [10, -2, 0],
    sd: [2, 0.5, 1],
    correlation: [
      [1, 0.8, -0.3],
      [0.8, 1, 0],
      [-0.3, 0, 1],
    ],
  };

  it("draws the stated means, standard deviations and correlations", () => {
    const m = 100_000;
    const [a, b, c] = correlatedNormalDraws(input, m, createRandom(5));
    // SE(mean) = σ/√M; SE(sd) ≈ σ/√(2M); SE(r) ≈ (1 − r²)/√M. Allow 4 SE.
    expect(Math.abs(summariseDraws(a!).estimate - 10)).toBeLessThan((4 * 2) / Math.sqrt(m));
    expect(Math.abs(summariseDraws(b!).u - 0.5)).toBeLessThan((4 * 0.5) / Math.sqrt(2 * m));
    expect(Math.abs(correlation(a!, b!) - 0.8)).toBeLessThan((4 * (1 - 0.64)) / Math.sqrt(m));
    expect(Math.abs(correlation(a!, c!) + 0.3)).toBeLessThan((4 * (1 - 0.09)) / Math.sqrt(m));
    expect(Math.abs(correlation(b!, c!))).toBeLessThan(4 / Math.sqrt(m));
  });

  it("is reproducible bit for bit from the seed", () => {
    const x = correlatedNormalDraws(input, 1000, createRandom(77));
    const y = correlatedNormalDraws(input, 1000, createRandom(77));
    x.forEach((xi, i) => xi.forEach((v, r) => expect(Object.is(v, y[i]![r])).toBe(true)));
  });

  it("refuses a correlation matrix that is not positive semi-definite", () => {
    const bad = {
      mean: [0, 0, 0],
      sd: [1, 1, 1],
      correlation: [
        [1, 0.9, -0.9],
        [0.9, 1, 0.9],
        [-0.9, 0.9, 1],
      ],
    };
    expect(() => correlatedNormalDraws(bad, 10, createRandom(1))).toThrow("positive semi-definite");
  });
});
