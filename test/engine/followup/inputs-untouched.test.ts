import { describe, expect, it } from "vitest";
import { changeBetweenPeriods, trend } from "../../../engine/followup";

describe("follow-up functions", () => {
  it("leave their (frozen) inputs untouched", () => {
    const first = Object.freeze({ value: 1, u: 0.5 });
    const second = Object.freeze({ value: 2, u: 0.5 });
    expect(() => changeBetweenPeriods(first, second)).not.toThrow();
    const periods = Object.freeze([
      Object.freeze({ t: 2020, value: 1, u: 0.5 }),
      Object.freeze({ t: 2022, value: 2, u: 0.5 }),
      Object.freeze({ t: 2021, value: 1.4, u: 0.5 }),
    ]);
    expect(() => trend(periods)).not.toThrow();
    expect(periods.map((p) => p.t)).toEqual([2020, 2022, 2021]);
  });
});
