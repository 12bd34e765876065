import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compositeScore,
  dimensionScore,
  dimensionScoreMonteCarlo,
} from "../../../../engine/measurement/profile";
import { createRandom } from "../../../../engine/random";

describe("dimensionScore", () => {
  it("is the weighted mean with the GUM uncertainty for independent scores", () => {
    // equal weights: (60 + 80)/2 = 70; u = √(0.25·4² + 0.25·3²) = √6.25 = 2.5
    expect(
      dimensionScore([
        { value: 60, u: 4 },
        { value: 80, u: 3 },
      ]),
    ).toEqual({ value: 70, u: 2.5 });
    // weights 3:1 → 0.75, 0.25: 45 + 20 = 65; u = √(0.5625·16 + 0.0625·9) = √9.5625 = 3.0923
    const r = dimensionScore(
      [
        { value: 60, u: 4 },
        { value: 80, u: 3 },
      ],
      [3, 1],
    );
    expect(r.value).toBe(65);
    expect(r.u).toBeCloseTo(Math.sqrt(9.5625), 14);
  });

  it("does not depend on the order of the scores", () => {
    const scoreArb = fc.record({
      value: fc.double({ min: 0, max: 100, noNaN: true }),
      u: fc.double({ min: 0, max: 20, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(scoreArb, fc.double({ min: 0.01, max: 10, noNaN: true })), {
          minLength: 1,
          maxLength: 12,
        }),
        (pairs) => {
          const a = dimensionScore(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          const rev = pairs.slice().reverse();
          const b = dimensionScore(
            rev.map((p) => p[0]),
            rev.map((p) => p[1]),
          );
          expect(b.value).toBeCloseTo(a.value, 9);
          expect(b.u).toBeCloseTo(a.u, 9);
        },
      ),
    );
  });

  it("refuses no scores and weights that are all zero", () => {
    expect(() => dimensionScore([])).toThrow("dimensionScore: there must be at least one score");
    expect(() => dimensionScore([{ value: 1, u: 1 }], [0])).toThrow(
      "dimensionScore: weights must not all be 0",
    );
  });
});

describe("compositeScore", () => {
  it("weights dimension scores that sum to 1", () => {
    // 0.5·70 + 0.3·50 + 0.2·90 = 35 + 15 + 18 = 68; u = √((0.5·2)² + (0.3·4)² + (0.2·1)²) = √(1 + 1.44 + 0.04) = √2.48
    const r = compositeScore(
      {
        health: { value: 70, u: 2 },
        housing: { value: 50, u: 4 },
        safety: { value: 90, u: 1 },
        other: { value: 0, u: 9 },
      },
      { health: 0.5, housing: 0.3, safety: 0.2 },
    );
    expect(r.value).toBeCloseTo(68, 12);
    expect(r.u).toBeCloseTo(Math.sqrt(2.48), 12);
  });

  it("refuses weights that do not sum to 1 and a weighted dimension without a score", () => {
    expect(() => compositeScore({ a: { value: 1, u: 0 } }, { a: 0.9 })).toThrow(
      "compositeScore: weights must sum to 1",
    );
    expect(() => compositeScore({ a: { value: 1, u: 0 } }, { a: 0.5, b: 0.5 })).toThrow(
      'compositeScore: dimension "b" has a weight but no score',
    );
  });
});

describe("dimensionScoreMonteCarlo", () => {
  const scores = [
    { value: 60, u: 4 },
    { value: 80, u: 3 },
  ];
  const m = 100_000;

  it("agrees with the GUM result for independent scores", () => {
    const r = dimensionScoreMonteCarlo(scores, { draws: m, random: createRandom(21) });
    // GUM: 70 ± 2.5; SE(mean) = 2.5/√M = 0.0079, SE(u) ≈ 2.5/√(2M) = 0.0056 (4 SE)
    expect(Math.abs(r.estimate - 70)).toBeLessThan(4 * 0.0079);
    expect(Math.abs(r.u - 2.5)).toBeLessThan(4 * 0.0056);
  });

  it("adds the covariance of correlated scores (JCGM 100 eq. 16)", () => {
    const r = dimensionScoreMonteCarlo(scores, {
      correlation: [
        [1, 0.5],
        [0.5, 1],
      ],
      draws: m,
      random: createRandom(22),
    });
    // u² = 0.25·16 + 0.25·9 + 2·0.5·0.5·4·3·0.5 = 4 + 2.25 + 3 = 9.25 → u = 3.0414; SE(u) = 3.04/√(2M) = 0.0068
    expect(Math.abs(r.u - Math.sqrt(9.25))).toBeLessThan(4 * 0.0068);
  });

  it("propagates the clamp at 100 into a lower mean", () => {
    const r = dimensionScoreMonteCarlo([{ value: 99, u: 5 }], {
      clamp: true,
      draws: m,
      random: createRandom(23),
    });
    // E[min(X, 100)] for X ~ N(99, 5²) = μ − E[(X − 100)⁺] with E[(X − c)⁺] = σφ(d) + (μ − c)Φ(d), d = (μ − c)/σ = −0.2:
    // 5·0.3910427 − 1·0.4207403 = 1.5344732 → 97.4655268 (φ, Φ from R dnorm/pnorm). SE ≤ 5/√M = 0.0158 (4 SE)
    expect(Math.abs(r.estimate - 97.4655268)).toBeLessThan(4 * 0.0158);
  });
});
