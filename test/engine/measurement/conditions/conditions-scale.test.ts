import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  conditionsScale,
  type AreaConditions,
  type ConditionIndicator,
} from "../../../../engine/measurement/conditions";

describe("conditionsScale on a hand-made grid", () => {
  // Six areas × three conditions, each graded 0/1/2. "hard" is reached by few areas, "easy" by most.
  const grid: Record<string, [number, number, number]> = {
    A: [2, 2, 1],
    B: [2, 1, 0],
    C: [1, 1, 0],
    D: [2, 0, 1],
    E: [1, 0, 0],
    F: [0, 1, 2],
  };
  const areas: AreaConditions[] = Object.entries(grid).map(([areaId, [easy, mid, hard]]) => ({
    areaId,
    values: { easy, mid, hard },
  }));
  const indicators: ConditionIndicator[] = ["easy", "mid", "hard"].map((id) => ({
    id,
    direction: "higher",
    grading: { kind: "goalposts", cuts: [0.5, 1.5] },
  }));
  const s = conditionsScale(areas, indicators);

  it("orders the conditions from hardest to easiest", () => {
    // grade totals: easy 8, mid 5, hard 4 of 12 — fewer points means a harder condition
    expect(s.conditions.map((c) => c.id)).toEqual(["hard", "mid", "easy"]);
    const mean = s.conditions.reduce((t, c) => t + c.location, 0) / 3;
    expect(Math.abs(mean)).toBeLessThan(1e-9);
  });

  it("ranks areas by measure, ties sharing a rank", () => {
    // raw scores: A 5, B 3, C 2, D 3, E 1, F 3
    expect(s.areas.map((a) => a.raw)).toEqual([5, 3, 2, 3, 1, 3]);
    expect(s.areas.map((a) => a.rank)).toEqual([1, 2, 5, 2, 6, 2]);
    for (const a of s.areas) expect(a.se).toBeGreaterThan(0);
  });

  it("merges a grade no area reaches into the one below, dropping its cut, and calibrates as without it", () => {
    const tooHigh = indicators.map((i) =>
      i.id === "hard" ? { ...i, grading: { kind: "goalposts" as const, cuts: [0.5, 1.5, 2.5] } } : i,
    );
    const merged = conditionsScale(areas, tooHigh);
    expect(merged.adjustments).toEqual([{ item: "hard", merged: [2, 3], unobserved: 3 }]);
    expect(merged.graded.cuts.hard).toEqual([0.5, 1.5]);
    expect(merged.conditions.map((c) => [c.id, c.location])).toEqual(
      s.conditions.map((c) => [c.id, c.location]),
    );
    expect(s.adjustments).toEqual([]);
  });
});

describe("conditionsScale on Sweden's 290 municipalities (SCB 2022)", () => {
  const path = fileURLToPath(
    new URL("../../../fixtures/rasch/municipalities_2022_conditions.csv", import.meta.url),
  );
  const [head, ...lines] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const cols = head!.split(",");
  const rows = lines.map((l) => Object.fromEntries(l.split(",").map((c, k) => [cols[k]!, c])));
  const num = (r: Record<string, string>, c: string) => Number(r[c]);
  const areas: AreaConditions[] = rows.map((r) => ({
    areaId: r.municip_code!,
    values: {
      tertiary: num(r, "share_tertiary_school"),
      compulsory_only: num(r, "share_elementary_school"),
      tax_base: num(r, "tax_base"),
      pop_growth: num(r, "pop") / num(r, "pop_2010") - 1,
      tax_base_growth: num(r, "real_tax_base") / num(r, "real_tax_base_2010") - 1,
    },
  }));
  // Illustrative goalposts (not an official target set): shares of 16–74-year-olds, SEK per inhabitant,
  // growth 2010–2022 of population and of the real tax base.
  const goal = (id: string, direction: "higher" | "lower", cuts: number[]): ConditionIndicator => ({
    id,
    direction,
    grading: { kind: "goalposts", cuts },
  });
  const indicators = [
    goal("tertiary", "higher", [0.25, 0.35, 0.45]),
    goal("compulsory_only", "lower", [0.14, 0.17, 0.2]),
    goal("tax_base", "higher", [200000, 220000, 250000]),
    goal("pop_growth", "higher", [0, 0.05, 0.15]),
    goal("tax_base_growth", "higher", [0.05, 0.1, 0.15]),
  ];
  const s = conditionsScale(areas, indicators);

  it("places the conditions where eRm's PCM does (to 0.005 logits)", () => {
    // R (eRm 1.0.2): the same grades built with sum(v >= cuts) / sum(v <= cuts), m <- PCM(X),
    // tt <- thresholds(m)$threshtable[[1]]; tt[, 1] - mean(tt[, 1]) (mean location 0):
    const ref: Record<string, number> = {
      compulsory_only: 0.40977922925,
      tertiary: 0.397466511981,
      tax_base: -0.107598018172,
      tax_base_growth: -0.125516868988,
      pop_growth: -0.574130854072,
    };
    expect(s.conditions.map((c) => c.id)).toEqual(Object.keys(ref));
    for (const c of s.conditions) expect(Math.abs(c.location - ref[c.id]!)).toBeLessThan(0.005);
  });

  it("measures Helsingborg (1283) with its WLE and standard error and ranks it among 290", () => {
    const hbg = s.areas.find((a) => a.areaId === "1283")!;
    // Helsingborg: tertiary 0.3906 → 2, compulsory only 0.1808 → 1 (≤ 0.20 only), tax base 230 185 → 2,
    // population 150 109 / 128 359 − 1 = 0.169 → 3, real tax base 249 863 / 226 192 − 1 = 0.105 → 2
    expect(hbg.grades).toEqual([2, 1, 2, 3, 2]);
    expect(hbg.raw).toBe(10);
    // R: uniroot WLE (wle.test.ts) on the mean-centred eRm thresholds, raw 10: θ = 1.036621510558, SE 0.690489889757
    expect(Math.abs(hbg.measure! - 1.036621510558)).toBeLessThan(0.005);
    expect(hbg.se).toBeCloseTo(0.690489889757, 3);
    // R: sum(rowSums(X) > 10) = 37 municipalities score higher, all answer every condition
    expect(hbg.rank).toBe(38);
    expect(s.measuredAreas).toBe(290);
    expect(s.areas).toHaveLength(290);
  });
});
