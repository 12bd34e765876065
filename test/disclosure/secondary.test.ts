import { describe, expect, it } from "vitest";
import { run as inequality } from "../../bin/commands/inequality";
import { run as survey } from "../../bin/commands/survey";
import { suppressComplementary, suppressSmallCells } from "../../engine/disclosure";
import { EngineInputError } from "../../engine/errors";
import { tempFileWriter } from "../fuzz/support/temp-files";

// Secondary (complementary) suppression (issue 6.5): a lone suppressed group must not be
// recoverable by subtracting the shown groups from the overall figure.

const writeTemp = tempFileWriter("livsval-secondary-");

type Row = { group: string; n: number; mean: number };
const fields = ["mean"] as const;
const primary = (rows: Row[]) => suppressSmallCells(rows, { fields });

describe("suppressComplementary", () => {
  it("suppresses both groups of a two-group partition when one is small", () => {
    const out = suppressComplementary(
      primary([
        { group: "A", n: 9, mean: 5 },
        { group: "B", n: 10, mean: 19 },
      ]),
      { fields },
    );
    expect(out).toEqual([
      { group: "A", n: 9, mean: null, suppressed: true, reason: { code: "small_cell", n: 9, threshold: 10 } },
      {
        group: "B",
        n: 10,
        mean: null,
        suppressed: true,
        reason: { code: "complementary", n: 10, threshold: 10 },
      },
    ]);
  });

  it("adds the next-smallest group, and only it, in a three-group partition", () => {
    const out = suppressComplementary(
      primary([
        { group: "C", n: 30, mean: 44.5 },
        { group: "A", n: 9, mean: 5 },
        { group: "B", n: 12, mean: 15.5 },
      ]),
      { fields },
    );
    expect(out.map((r) => [r.group, r.mean, r.reason?.code ?? null])).toEqual([
      ["C", 44.5, null],
      ["A", null, "small_cell"],
      ["B", null, "complementary"],
    ]);
    expect(out[0]!.suppressed).toBeUndefined();
  });

  it("changes nothing when no group is small, and leaves its input untouched", () => {
    const rows = primary([
      { group: "A", n: 10, mean: 1 },
      { group: "B", n: 11, mean: 2 },
      { group: "C", n: 500, mean: 3 },
    ]);
    const copy = structuredClone(rows);
    const out = suppressComplementary(rows, { fields });
    expect(out).toEqual(copy);
    expect(rows).toEqual(copy);
    expect(out[0]).not.toBe(rows[0]);
  });

  it("adds a group when two small groups together are still below the threshold (3 + 4 < 10)", () => {
    const out = suppressComplementary(
      primary([
        { group: "A", n: 3, mean: 1 },
        { group: "B", n: 4, mean: 2 },
        { group: "C", n: 25, mean: 3 },
        { group: "D", n: 20, mean: 4 },
      ]),
      { fields },
    );
    // A ∪ B would be n = 7 < 10 by subtraction: D, the smaller shown group, joins (7 + 20 ≥ 10)
    expect(out.map((r) => r.reason?.code ?? null)).toEqual([
      "small_cell",
      "small_cell",
      null,
      "complementary",
    ]);
  });

  it("adds nothing when two small groups together reach the threshold (5 + 6 ≥ 10)", () => {
    const out = suppressComplementary(
      primary([
        { group: "A", n: 5, mean: 1 },
        { group: "B", n: 6, mean: 2 },
        { group: "C", n: 20, mean: 3 },
      ]),
      { fields },
    );
    expect(out.map((r) => r.reason?.code ?? null)).toEqual(["small_cell", "small_cell", null]);
  });

  it("takes the first of equally small shown groups and honours another threshold", () => {
    const out = suppressComplementary(
      suppressSmallCells(
        [
          { group: "A", n: 4, mean: 1 },
          { group: "B", n: 6, mean: 2 },
          { group: "C", n: 6, mean: 3 },
        ],
        { fields, threshold: 5 },
      ),
      { fields, threshold: 5 },
    );
    expect(out.map((r) => r.reason ?? null)).toEqual([
      { code: "small_cell", n: 4, threshold: 5 },
      { code: "complementary", n: 6, threshold: 5 },
      null,
    ]);
  });

  it("refuses a bad threshold or n, naming the function", () => {
    expect(() => suppressComplementary([{ n: 1, mean: 1 }], { fields, threshold: -1 })).toThrow(
      EngineInputError,
    );
    expect(() => suppressComplementary([{ n: Number.NaN, mean: 1 }], { fields })).toThrow(
      /suppressComplementary.*row 1: n must be a finite number/,
    );
  });
});

/** Numbers rounded to 12 significant digits: the same figures summed in another order compare equal. */
function rounded(x: unknown): unknown {
  return JSON.parse(
    JSON.stringify(x, (_k, v: unknown) => (typeof v === "number" ? Number(v.toPrecision(12)) : v)),
  );
}

const file = (groups: Record<string, number[]>) =>
  writeTemp(
    ["y,grp", ...Object.entries(groups).flatMap(([g, ys]) => ys.map((y) => `${y},${g}`))].join("\n") + "\n",
    "csv",
  );
const range = (from: number, to: number, by = 1) =>
  Array.from({ length: Math.floor((to - from) / by) + 1 }, (_, i) => from + i * by);

/**
 * Two data sets that differ only in which of A and B holds two values (A's 9 and B's 10 swapped):
 * every figure over all rows is the same, but A's mean is not. If the commands print the same for
 * both, nothing they print determines A's (or B's) mean.
 */
const twoGroups = {
  first: { A: range(1, 9), B: range(10, 28, 2) }, // A mean 45/9 = 5, B mean 190/10 = 19
  second: { A: [...range(1, 8), 10], B: [9, ...range(12, 28, 2)] }, // A mean 46/9 = 5.111…, B 189/10 = 18.9
};
const threeGroups = {
  first: { A: range(1, 9), B: range(10, 21), C: range(30, 59) }, // A 45/9 = 5, B 186/12 = 15.5, C 1335/30 = 44.5
  second: { A: [...range(1, 8), 10], B: [9, ...range(11, 21)], C: range(30, 59) }, // A 46/9, B 185/12
};

describe.each([
  ["two", twoGroups],
  ["three", threeGroups],
])("the %s-group case", (_name, cases) => {
  it("prints the same in survey, by group and overall, for data whose small group's mean differs", async () => {
    const [a, b] = [await file(cases.first), await file(cases.second)];
    const byA = await survey([a, "--value", "y", "--by", "grp"]);
    const byB = await survey([b, "--value", "y", "--by", "grp"]);
    expect(rounded(byA)).toEqual(rounded(byB));
    expect(rounded(await survey([a, "--value", "y"]))).toEqual(rounded(await survey([b, "--value", "y"])));
    // and what is printed: A and B withheld, their n shown
    const shown = byA as { group: string; estimate: number | null; n: number; reason?: { code: string } }[];
    expect(shown.filter((r) => r.estimate === null).map((r) => [r.group, r.n, r.reason!.code])).toEqual([
      ["A", 9, "small_cell"],
      ["B", cases.first.B.length, "complementary"],
    ]);
  });

  it("prints the same in inequality --by for data whose small group's mean differs", async () => {
    const [a, b] = [await file(cases.first), await file(cases.second)];
    const outA = await inequality([a, "--value", "y", "--by", "grp"]);
    const outB = await inequality([b, "--value", "y", "--by", "grp"]);
    expect(rounded(outA)).toEqual(rounded(outB));
  });
});

describe("subtraction from the overall mean", () => {
  it("gives the pooled mean of A and B in the three-group case, which is neither group's mean", async () => {
    const path = await file(threeGroups.first);
    const [overall] = (await survey([path, "--value", "y"])) as { estimate: number; n: number }[];
    const byGroup = (await survey([path, "--value", "y", "--by", "grp"])) as {
      estimate: number | null;
      n: number;
    }[];
    // All weights 1: (N·mean − Σ shown n·mean) / (N − Σ shown n) = (1566 − 30 · 44.5) / (51 − 30)
    // = 231 / 21 = 11, the mean of A ∪ B ((45 + 186) / 21); A's is 5 and B's 15.5.
    const shownRows = byGroup.filter((r) => r.estimate !== null);
    const rest =
      (overall!.n * overall!.estimate - shownRows.reduce((s, r) => s + r.n * r.estimate!, 0)) /
      (overall!.n - shownRows.reduce((s, r) => s + r.n, 0));
    expect(rest).toBeCloseTo(11, 12);
    expect(JSON.stringify(byGroup)).not.toMatch(/"estimate":(5|15\.5)[,}]/);
  });
});

describe("with no small group", () => {
  it("prints every group as primary suppression alone would (no complementary rows)", async () => {
    const path = await file({ A: range(1, 10), B: range(11, 22), C: range(30, 59) });
    const out = (await survey([path, "--value", "y", "--by", "grp"])) as Record<string, unknown>[];
    expect(out.every((r) => r.suppressed === undefined && r.estimate !== null)).toBe(true);
    expect(out).toEqual(await survey([path, "--value", "y", "--by", "grp", "--min-n", "0"]));
    const ineq = await inequality([path, "--value", "y", "--by", "grp"]);
    expect(ineq).toEqual(await inequality([path, "--value", "y", "--by", "grp", "--min-n", "0"]));
  });
});
