import { describe, expect, it } from "vitest";
import { separationReliability } from "../../../../engine/measurement/rasch";

describe("separationReliability", () => {
  it("is the share of observed variance that is not error", () => {
    // measures 0, 1, 2: sample variance 1; SEs 0.5 each: MSE 0.25; (1 − 0.25)/1 = 0.75
    const r = separationReliability([0, 1, 2, Number.NaN], [0.5, 0.5, 0.5, 9]);
    expect(r.reliability).toBeCloseTo(0.75, 12);
    expect(r.observedVariance).toBeCloseTo(1, 12);
    expect(r.errorVariance).toBeCloseTo(0.25, 12);
    expect(r.n).toBe(3);
  });

  it("refuses fewer than two finite measures", () => {
    expect(() => separationReliability([1, Number.NaN], [0.1, 0.1])).toThrow(
      "separationReliability: at least two persons with a finite measure are needed",
    );
  });
});
