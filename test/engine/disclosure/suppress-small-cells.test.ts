import { describe, expect, it } from "vitest";
import { DEFAULT_DISCLOSURE_THRESHOLD, suppressSmallCells } from "../../../engine/disclosure";

const rows = [
  { group: "a", estimate: 7.1, se: 0.2, n: 25 },
  { group: "b", estimate: 6.4, se: 0.9, n: 9 },
  { group: "c", estimate: 5.0, se: 1.1, n: 10 },
];

describe("suppressSmallCells", () => {
  it("blanks the chosen fields of rows with n below the default threshold of 10 and says why", () => {
    expect(DEFAULT_DISCLOSURE_THRESHOLD).toBe(10);
    expect(suppressSmallCells(rows, { fields: ["estimate", "se"] })).toEqual([
      { group: "a", estimate: 7.1, se: 0.2, n: 25 },
      {
        group: "b",
        estimate: null,
        se: null,
        n: 9,
        suppressed: true,
        reason: { code: "small_cell", n: 9, threshold: 10 },
      },
      { group: "c", estimate: 5.0, se: 1.1, n: 10 },
    ]);
  });

  it("leaves rows at or above the threshold without a suppressed key", () => {
    const out = suppressSmallCells(rows, { fields: ["estimate", "se"] });
    expect("suppressed" in out[0]!).toBe(false);
    expect("suppressed" in out[2]!).toBe(false);
  });

  it("takes another threshold and any row type with n", () => {
    const observations = [
      { indicator: "x", value: 3, u: 0.5, n: 30, source: "survey" },
      { indicator: "y", value: 4, u: 0.4, n: 40, source: "survey" },
    ];
    const out = suppressSmallCells(observations, { fields: ["value", "u"], threshold: 35 });
    expect(out[0]).toMatchObject({
      indicator: "x",
      value: null,
      u: null,
      n: 30,
      source: "survey",
      suppressed: true,
    });
    expect(out[1]).toEqual(observations[1]);
  });

  it("suppresses nothing with a threshold of 0", () => {
    expect(suppressSmallCells([{ n: 0, v: 1 }], { fields: ["v"], threshold: 0 })).toEqual([{ n: 0, v: 1 }]);
  });

  it("returns new rows and leaves its input untouched", () => {
    const input = rows.map((r) => ({ ...r }));
    const out = suppressSmallCells(input, { fields: ["estimate", "se"] });
    expect(input).toEqual(rows);
    expect(out[0]).not.toBe(input[0]);
  });

  it("refuses a bad threshold and a bad n", () => {
    expect(() => suppressSmallCells(rows, { fields: ["se"], threshold: -1 })).toThrow(
      "suppressSmallCells: threshold must be a finite number ≥ 0 (got -1)",
    );
    expect(() => suppressSmallCells([{ n: NaN, v: 1 }], { fields: ["v"] })).toThrow(
      "suppressSmallCells: row 1: n must be a finite number ≥ 0 (got NaN)",
    );
  });
});
