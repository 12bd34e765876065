import { describe, expect, it } from "vitest";
import { coverage95, normaliseIndicator } from "../../../../engine/measurement/profile";

describe("normaliseIndicator", () => {
  it("maps the goalposts to 0 and 100 and scales u by 100/(hi − lo)", () => {
    // x = 75 between lo = 50 and hi = 100: 100·25/50 = 50; u = 100·2/50 = 4
    expect(normaliseIndicator(75, 2, { lo: 50, hi: 100, direction: "higher" })).toEqual({
      value: 50,
      u: 4,
      raw: 50,
      clamped: null,
    });
    // lower is better: 100·(100 − 60)/50 = 80
    expect(normaliseIndicator(60, 2, { lo: 50, hi: 100, direction: "lower" }).value).toBe(80);
  });

  it("clamps the score beyond a goalpost but keeps the uncertainty and the raw score", () => {
    // lower is better, x = 40: 100·(100 − 40)/50 = 120 → 100, flagged "above"; u still 100·2/50 = 4
    expect(normaliseIndicator(40, 2, { lo: 50, hi: 100, direction: "lower" })).toEqual({
      value: 100,
      u: 4,
      raw: 120,
      clamped: "above",
    });
    expect(normaliseIndicator(40, 2, { lo: 50, hi: 100, direction: "higher" }).clamped).toBe("below");
    expect(normaliseIndicator(40, 2, { lo: 50, hi: 100, direction: "higher" }, { clamp: false }).value).toBe(
      -20,
    );
  });

  it("refuses goalposts that are equal or reversed and a negative u", () => {
    expect(() => normaliseIndicator(1, 1, { lo: 5, hi: 5, direction: "higher" })).toThrow(
      "normaliseIndicator: goalposts must be finite with hi > lo",
    );
    expect(() => normaliseIndicator(1, -1, { lo: 0, hi: 5, direction: "higher" })).toThrow(
      "normaliseIndicator: u must be a finite number ≥ 0",
    );
  });
});

describe("coverage95", () => {
  it("gives the k = 2 interval", () => {
    expect(coverage95(50, 2.5)).toEqual([45, 55]);
    expect(() => coverage95(50, -1)).toThrow("coverage95: u must be a finite number ≥ 0");
  });
});
