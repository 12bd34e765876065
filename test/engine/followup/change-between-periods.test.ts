import { describe, expect, it } from "vitest";
import { changeBetweenPeriods } from "../../../engine/followup";

describe("changeBetweenPeriods", () => {
  it("calls a change within its k = 2 uncertainty noise", () => {
    // Δ = 64 − 60 = 4; u = √(1.5² + 2²) = √6.25 = 2.5; E_n = 4/(2·2.5) = 0.8
    expect(changeBetweenPeriods({ value: 60, u: 1.5 }, { value: 64, u: 2 })).toEqual({
      delta: 4,
      u: 2.5,
      en: 0.8,
      k: 2,
      significant: false,
      verdict: "no_significant_change",
    });
  });

  it("calls a larger change significant, in its direction", () => {
    // Δ = 6, E_n = 6/5 = 1.2
    const up = changeBetweenPeriods({ value: 60, u: 1.5 }, { value: 66, u: 2 });
    expect(up.en).toBeCloseTo(1.2, 14);
    expect(up.verdict).toBe("increase");
    expect(changeBetweenPeriods({ value: 66, u: 1.5 }, { value: 60, u: 2 }).verdict).toBe("decrease");
  });

  it("subtracts twice the covariance", () => {
    // cov = 1: u² = 2.25 + 4 − 2 = 4.25
    expect(changeBetweenPeriods({ value: 60, u: 1.5 }, { value: 64, u: 2 }, 1).u).toBeCloseTo(
      Math.sqrt(4.25),
      14,
    );
  });

  it("treats exact values: any change is significant, none is not", () => {
    expect(changeBetweenPeriods({ value: 1, u: 0 }, { value: 2, u: 0 }).en).toBe(Infinity);
    expect(changeBetweenPeriods({ value: 1, u: 0 }, { value: 1, u: 0 }).significant).toBe(false);
  });

  it("refuses a covariance beyond u₁·u₂", () => {
    expect(() => changeBetweenPeriods({ value: 1, u: 1 }, { value: 2, u: 1 }, 1.5)).toThrow(
      "changeBetweenPeriods: |cov| must not exceed u₁·u₂",
    );
  });
});
