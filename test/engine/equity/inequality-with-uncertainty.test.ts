import { describe, expect, it } from "vitest";
import { inequalityWithUncertainty } from "../../../engine/equity/inequality-with-uncertainty";
import { createRandom } from "../../../engine/random";

describe("inequalityWithUncertainty", () => {
  it("reproduces the hand-computed measures when the group values are exact", () => {
    // Two equal-sized groups at 40 and 60 (mean 50).
    // Gini (EU-SILC, weighted): Σ|x_i − x_j| w_i w_j / (2 μ W²) = 2·20·1·1 / (2·50·4) = 0.1.
    // Atkinson ε=1: 1 − √(40·60)/50 = 1 − 48.98979/50 = 0.0202041.
    // Theil T: ½[0.8·ln 0.8 + 1.2·ln 1.2] = ½[−0.178515 + 0.218786] = 0.0201355.
    const r = inequalityWithUncertainty(
      [
        { value: 40, u: 0, population: 1000 },
        { value: 60, u: 0, population: 1000 },
      ],
      { draws: 200, random: createRandom(5), epsilons: [1] },
    );
    expect(r.pointEstimates.gini).toBeCloseTo(0.1, 12);
    expect(r.gini.estimate).toBeCloseTo(0.1, 12);
    expect(r.gini.u).toBeCloseTo(0, 12);
    expect(r.atkinson["1"]!.estimate).toBeCloseTo(1 - Math.sqrt(2400) / 50, 12);
    expect(r.theil.estimate).toBeCloseTo(0.5 * (0.8 * Math.log(0.8) + 1.2 * Math.log(1.2)), 12);
  });

  it("shows that noisy equal groups look unequal: the Gini of the draws exceeds the stated 0", () => {
    // Two equal groups at 50 with u = 5: the gap X1 − X2 ~ N(0, 50), Gini = |X1 − X2| / (2·(X1+X2))
    // ≈ E|N(0, √50)| / 200 = √50·√(2/π) / 200 = 0.0282 to first order.
    const r = inequalityWithUncertainty(
      [
        { value: 50, u: 5, population: 1 },
        { value: 50, u: 5, population: 1 },
      ],
      { draws: 20_000, random: createRandom(7), epsilons: [1] },
    );
    expect(r.pointEstimates.gini).toBe(0);
    const expected = (Math.sqrt(50) * Math.sqrt(2 / Math.PI)) / 200;
    // Monte Carlo SE of the mean ≈ r.gini.u / √M; allow 4 SE plus 2 % for the first-order approximation.
    expect(Math.abs(r.gini.estimate - expected)).toBeLessThan(
      (4 * r.gini.u) / Math.sqrt(20_000) + 0.02 * expected,
    );
    expect(r.gini.interval[0]).toBeGreaterThanOrEqual(0);
  });

  it("is reproducible bit for bit for the same seed", () => {
    const groups = [
      { value: 30, u: 3, population: 5 },
      { value: 70, u: 4, population: 2 },
      { value: 55, u: 1, population: 9 },
    ];
    const a = inequalityWithUncertainty(groups, { draws: 500, random: createRandom(99) });
    const b = inequalityWithUncertainty(groups, { draws: 500, random: createRandom(99) });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("refuses fewer than two groups and non-positive values", () => {
    expect(() =>
      inequalityWithUncertainty([{ value: 1, u: 0, population: 1 }], { draws: 100, random: createRandom(1) }),
    ).toThrow("inequalityWithUncertainty: at least two groups are needed");
    expect(() =>
      inequalityWithUncertainty(
        [
          { value: 0, u: 0, population: 1 },
          { value: 1, u: 0, population: 1 },
        ],
        { draws: 100, random: createRandom(1) },
      ),
    ).toThrow("groups[0].value must be > 0");
  });
});
