import { describe, expect, it } from "vitest";
import { collapseGrades } from "../../../../engine/measurement/conditions/collapse-grades";
import type { GradedConditions } from "../../../../engine/measurement/conditions";

const graded = (
  grades: (number | null)[][],
  maxGrades: number[],
  cuts: Record<string, number[]>,
  directions: Record<string, "higher" | "lower">,
): GradedConditions => ({
  items: Object.keys(cuts),
  areas: grades.map((_, k) => `area${k}`),
  grades,
  cuts,
  maxGrades,
  directions,
});

describe("collapseGrades", () => {
  it("leaves grades that every condition shows among non-extreme areas as they are", () => {
    const g = graded(
      [
        [0, 2],
        [1, 1],
        [2, 0],
        [1, 2],
      ],
      [2, 2],
      { a: [1, 2], b: [1, 2] },
      { a: "higher", b: "higher" },
    );
    const out = collapseGrades(g);
    expect(out.adjustments).toEqual([]);
    expect(out.graded.grades).toEqual(g.grades);
  });

  it("merges a lowest grade seen only in an area with the lowest raw score into the grade above", () => {
    // raw scores (max 4): 0 (extreme, set aside), 2, 3, 2, 2. Condition a's grade 0 occurs only in the
    // extreme area, so CML cannot place its first threshold: grades 0 and 1 of a merge, a's grades
    // 1, 2 become 0, 1, and its first cut (between grades 0 and 1, "higher is better") goes.
    const g = graded(
      [
        [0, 0],
        [1, 1],
        [2, 1],
        [1, 1],
        [2, 0],
      ],
      [2, 2],
      { a: [10, 20], b: [1, 2] },
      { a: "higher", b: "higher" },
    );
    const input = JSON.stringify(g);
    const out = collapseGrades(g);
    expect(out.adjustments[0]).toEqual({ item: "a", merged: [0, 1], unobserved: 0 });
    expect(out.graded.cuts.a).toEqual([20]);
    expect(out.graded.grades.map((r) => r[0])).toEqual([0, 0, 1, 0, 1]);
    expect(JSON.stringify(g)).toBe(input); // the input is not changed
  });

  it("removes the right cut for a lower-is-better condition, repeating as raw scores change", () => {
    // lower is better: grade = #{k : x ≤ c_k} with cuts [1, 2, 3]; grade 0 means x > 3, grade 1 means
    // 2 < x ≤ 3, grade 3 means x ≤ 1. Raw scores (max 4): 2, 2, 4 (extreme), 1, 3, so a's grade 0 is
    // not seen: grades 0 and 1 merge, the cut 3 goes (grade 0 is now x > 2). a's grades become
    // 0, 1, 2, 0, 1 (max 3): raw 1, 1, 3 (extreme), 0 (extreme), 2, so a's top grade 2 (x ≤ 1) is seen
    // only in an extreme area: grades 1 and 2 merge and the cut 1 goes, leaving [2].
    const g = graded(
      [
        [1, 1],
        [2, 0],
        [3, 1],
        [1, 0],
        [2, 1],
      ],
      [3, 1],
      { a: [1, 2, 3], b: [5] },
      { a: "lower", b: "higher" },
    );
    const out = collapseGrades(g);
    expect(out.adjustments).toEqual([
      { item: "a", merged: [0, 1], unobserved: 0 },
      { item: "a", merged: [1, 2], unobserved: 2 },
    ]);
    expect(out.graded.cuts.a).toEqual([2]);
    expect(out.graded.grades.map((r) => r[0])).toEqual([0, 1, 1, 0, 1]);
  });

  it("drops a condition left with a single grade", () => {
    // b's grade 1 appears only in the area with the highest raw score (2 of 2): merged into grade 0,
    // b has one grade left and is dropped
    const g = graded(
      [
        [1, 1],
        [0, 0],
        [1, 0],
        [0, 0],
        [1, 0],
      ],
      [1, 1],
      { a: [5], b: [5] },
      { a: "higher", b: "higher" },
    );
    const out = collapseGrades(g);
    expect(out.adjustments).toContainEqual({ item: "b", dropped: true });
    expect(out.graded.items).not.toContain("b");
    expect(out.graded.cuts.b).toBeUndefined();
  });
});
