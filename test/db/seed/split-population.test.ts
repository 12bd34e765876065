import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitPopulation } from "../../../db/seed/split-population";

describe("splitPopulation", () => {
  it("splits every group into whole numbers that sum exactly to its count", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom("a", "b", "c", "d"), fc.nat({ max: 1_000_000 }), { minKeys: 1 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (counts, parts, seed) => {
          const split = splitPopulation(counts, parts, seed);
          expect(split).toHaveLength(parts);
          for (const [code, n] of Object.entries(counts)) {
            const pieces = split.map((d) => d[code]!);
            expect(pieces.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
            expect(pieces.reduce((a, b) => a + b, 0)).toBe(n);
          }
        },
      ),
    );
  });

  it("gives the same split for the same seed and a different one for another seed", () => {
    const counts = { age_20_44_f: 25_000, age_20_44_m: 26_000 };
    expect(splitPopulation(counts, 6, 7)).toEqual(splitPopulation(counts, 6, 7));
    expect(splitPopulation(counts, 6, 7)).not.toEqual(splitPopulation(counts, 6, 8));
  });

  it("leaves its input untouched and refuses a non-integer count", () => {
    const counts = Object.freeze({ x: 10 });
    splitPopulation(counts, 3, 1);
    expect(counts).toEqual({ x: 10 });
    expect(() => splitPopulation({ x: 1.5 }, 3, 1)).toThrow(/whole number/);
  });
});
