import { describe, expect, it } from "vitest";
import { createRandom, distMean, distSd, normalQuantile, sampleDist, type Dist } from "../../../engine/random";

function meanSd(xs: Float64Array): { mean: number; sd: number } {
  let m = 0;
  for (const x of xs) m += x;
  m /= xs.length;
  let v = 0;
  for (const x of xs) v += (x - m) ** 2;
  return { mean: m, sd: Math.sqrt(v / (xs.length - 1)) };
}

describe("createRandom", () => {
  it("gives the same sequence for the same seed, bit for bit", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    for (let i = 0; i < 1000; i++) expect(Object.is(a(), b())).toBe(true);
  });

  it("gives different sequences for different seeds", () => {
    expect(createRandom(1)()).not.toBe(createRandom(2)());
  });

  it("stays in the open unit interval with mean 1/2 and variance 1/12", () => {
    const r = createRandom(7);
    const xs = new Float64Array(200_000).map(() => r());
    expect(xs.reduce((a, b) => Math.min(a, b), 1)).toBeGreaterThan(0);
    expect(xs.reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(1);
    const { mean, sd } = meanSd(xs);
    // SE of the mean is sqrt(1/12/n) ≈ 6.5e-4; allow 4 SE
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / xs.length));
    expect(Math.abs(sd * sd - 1 / 12)).toBeLessThan(0.001);
  });

  it("refuses a seed that is not a 32-bit unsigned integer", () => {
    expect(() => createRandom(-1)).toThrow("createRandom: seed must be an integer in [0, 2^32)");
    expect(() => createRandom(1.5)).toThrow("createRandom");
  });
});

describe("normalQuantile", () => {
  it("matches published standard normal quantiles", () => {
    // Abramowitz & Stegun table 26.5 / R qnorm
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
  });

  it("refuses probabilities outside (0, 1)", () => {
    expect(() => normalQuantile(0)).toThrow("normalQuantile: p must be in the open interval (0, 1)");
  });
});

describe("sampleDist", () => {
  const cases: [string, Dist][] = [
    ["normal", { dist: "normal", mean: 3, sd: 2 }],
    ["uniform", { dist: "uniform", min: -1, max: 5 }],
    ["triangular", { dist: "triangular", min: 0, mode: 1, max: 4 }],
    ["lognormal", { dist: "lognormal", median: 2, gsd: 1.5 }],
    ["pert", { dist: "pert", min: 0, mode: 2, max: 10 }],
  ];
  for (const [name, dist] of cases) {
    it(`draws ${name} values whose mean and sd match the closed forms within 4 standard errors`, () => {
      const n = 100_000;
      const xs = sampleDist(dist, n, createRandom(11));
      const { mean, sd } = meanSd(xs);
      expect(Math.abs(mean - distMean(dist))).toBeLessThan((4 * distSd(dist)) / Math.sqrt(n));
      expect(Math.abs(sd - distSd(dist)) / distSd(dist)).toBeLessThan(0.02);
    });
  }

  it("has the textbook closed-form moments", () => {
    expect(distMean({ dist: "pert", min: 0, mode: 2, max: 10 })).toBeCloseTo(3, 12); // (0+8+10)/6
    expect(distSd({ dist: "uniform", min: 0, max: 12 })).toBeCloseTo(12 / Math.sqrt(12), 12);
    expect(distMean({ dist: "lognormal", median: 1, gsd: Math.E })).toBeCloseTo(Math.exp(0.5), 12);
  });

  it("returns the exact value for a number", () => {
    expect([...sampleDist(4.5, 3, createRandom(1))]).toEqual([4.5, 4.5, 4.5]);
  });
});
