import { describe, expect, it } from "vitest";
import { createRandom, sampleDist, type Random } from "../../../engine/random";
import { adaptiveMonteCarlo, numericalTolerance } from "../../../engine/uncertainty";

/** Y = X1 + X2 + X3 + X4 with standard normal inputs (JCGM 101 §9.2.2). */
const additive = (m: number, random: Random): Float64Array => {
  const out = new Float64Array(m);
  for (let k = 0; k < 4; k++) {
    const x = sampleDist({ dist: "normal", mean: 0, sd: 1 }, m, random);
    for (let i = 0; i < m; i++) out[i] += x[i]!;
  }
  return out;
};

describe("numericalTolerance", () => {
  it("is half a unit in the last of ndig significant digits (JCGM 101 §7.9.2)", () => {
    expect(numericalTolerance(0.0754, 2)).toBeCloseTo(0.0005, 15); // 75 × 10⁻³ → ½ × 10⁻³
    expect(numericalTolerance(2.0, 2)).toBeCloseTo(0.05, 15); // 20 × 10⁻¹
    expect(numericalTolerance(0.0999, 2)).toBeCloseTo(0.005, 15); // rounds to 10 × 10⁻²
    expect(numericalTolerance(1, 1)).toBe(0.5); // 1 × 10⁰
    expect(numericalTolerance(0.001, 1)).toBeCloseTo(0.0005, 15);
    expect(numericalTolerance(0, 2)).toBe(0);
  });
});

describe("adaptiveMonteCarlo", () => {
  it("stabilises the additive model of JCGM 101 §9.2.2 to two significant digits of u", () => {
    const r = adaptiveMonteCarlo({ sample: additive, random: createRandom(11), ndig: 2 });
    expect(r.converged).toBe(true);
    expect(r.draws).toBe(r.batches * 10_000);
    expect(r.batches).toBeGreaterThanOrEqual(2);
    // u = 2.0 → δ = 0.05; the stabilised results sit within a few δ of the exact u = 2 and ±3.92
    expect(r.tolerance).toBeCloseTo(0.05, 12);
    expect(Math.abs(r.u - 2)).toBeLessThan(2 * r.tolerance);
    expect(Math.abs(r.interval[1] - 3.919928)).toBeLessThan(4 * r.tolerance);
  });

  it("is reproducible bit for bit and stops unconverged at maxDraws", () => {
    const a = adaptiveMonteCarlo({ sample: additive, random: createRandom(12), ndig: 4, maxDraws: 40_000 });
    const b = adaptiveMonteCarlo({ sample: additive, random: createRandom(12), ndig: 4, maxDraws: 40_000 });
    expect(a).toEqual(b);
    expect(a.converged).toBe(false);
    expect(a.draws).toBe(40_000);
  });

  it("refuses a sampler that returns the wrong number of draws", () => {
    expect(() => adaptiveMonteCarlo({ sample: () => new Float64Array(3), random: createRandom(1) })).toThrow(
      "adaptiveMonteCarlo: sample must return 10000 draws",
    );
  });
});
