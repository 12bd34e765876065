import { describe, expect, it } from "vitest";
import {
  compositeScore,
  dimensionScore,
  dimensionScoreMonteCarlo,
  normaliseIndicator,
} from "../../../../engine/measurement/profile";
import { createRandom } from "../../../../engine/random";

/** Freeze an object and everything in it: any write would throw in strict-mode modules. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe("profile functions", () => {
  it("leave their (frozen) inputs untouched", () => {
    const scores = deepFreeze([
      { value: 60, u: 4 },
      { value: 80, u: 3 },
    ]);
    const weights = deepFreeze([1, 2]);
    const correlation = deepFreeze([
      [1, 0.2],
      [0.2, 1],
    ]);
    expect(() => dimensionScore(scores, weights)).not.toThrow();
    expect(() =>
      dimensionScoreMonteCarlo(scores, {
        weights,
        correlation,
        clamp: true,
        draws: 100,
        random: createRandom(1),
      }),
    ).not.toThrow();
    expect(() =>
      compositeScore(
        deepFreeze({ a: { value: 1, u: 1 }, b: { value: 2, u: 1 } }),
        deepFreeze({ a: 0.5, b: 0.5 }),
      ),
    ).not.toThrow();
    expect(() =>
      normaliseIndicator(3, 1, deepFreeze({ lo: 0, hi: 10, direction: "lower" as const })),
    ).not.toThrow();
  });

  it("give the same Monte Carlo score bit for bit from the same seed", () => {
    const scores = [
      { value: 60, u: 4 },
      { value: 80, u: 3 },
    ];
    const a = dimensionScoreMonteCarlo(scores, { draws: 5000, random: createRandom(8) });
    const b = dimensionScoreMonteCarlo(scores, { draws: 5000, random: createRandom(8) });
    expect(a).toEqual(b);
  });
});
