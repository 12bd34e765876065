import type { GradedConditions } from "./grade-conditions";

/** A change made so every condition's grades can be calibrated. */
export type GradeAdjustment =
  /** Grades `merged[0]` and `merged[1]` of the condition became one (its grades above shift down by one). */
  | { readonly item: string; readonly merged: readonly [number, number]; readonly unobserved: number }
  /** The condition was left out: after merging it had a single grade. */
  | { readonly item: string; readonly dropped: true };

/**
 * Merge grades that conditional maximum likelihood cannot calibrate. CML conditions on each
 * area's raw score, so areas with the lowest or highest possible raw score carry no information
 * and are set aside; a grade of a condition observed only among them (or not at all) has no finite
 * threshold. Such a grade is merged with its neighbour — the lowest grade with the one above, the
 * highest with the one below, a middle one with the one below — the standard remedy of collapsing
 * adjacent categories (Andrich, D. (1978), "A rating formulation for ordered response categories",
 * Psychometrika 43; Linacre, J. M. (2002), "Optimizing rating scale category effectiveness", J. Appl.
 * Meas. 3). Merging changes the raw scores, so the check repeats until every grade of every condition
 * occurs among areas with a non-extreme raw score; a condition left with one grade is dropped.
 * The cut separating the merged grades is removed from the condition's cuts.
 *
 * @param graded - conditions graded by {@link gradeConditions}
 * @returns the graded conditions after merging (a new object; the input is not changed) and the
 *   adjustments made, in order
 */
export function collapseGrades(graded: GradedConditions): {
  graded: GradedConditions;
  adjustments: GradeAdjustment[];
} {
  let items = [...graded.items];
  let maxGrades = [...graded.maxGrades];
  let grades = graded.grades.map((row) => [...row]);
  const cuts: Record<string, number[]> = Object.fromEntries(
    Object.entries(graded.cuts).map(([k, v]) => [k, [...v]]),
  );
  const adjustments: GradeAdjustment[] = [];
  for (;;) {
    const found = firstUncalibratable(grades, maxGrades);
    if (!found) break;
    const { item: i, grade: c } = found;
    const m = maxGrades[i]!;
    const a = c === 0 ? 0 : c - 1; // merge grades a and a + 1
    const id = items[i]!;
    grades = grades.map((row) => row.map((g, j) => (j === i && g !== null && g > a ? g - 1 : g)));
    // the cut between grades a and a + 1: c_(a+1) for "higher is better", c_(m−a) for "lower"
    const cutIndex = graded.directions[id] === "lower" ? m - 1 - a : a;
    cuts[id] = cuts[id]!.filter((_, k) => k !== cutIndex);
    maxGrades[i] = m - 1;
    adjustments.push({ item: id, merged: [a, a + 1], unobserved: c });
    if (maxGrades[i] === 0) {
      adjustments.push({ item: id, dropped: true });
      items = items.filter((_, k) => k !== i);
      maxGrades = maxGrades.filter((_, k) => k !== i);
      grades = grades.map((row) => row.filter((_, k) => k !== i));
      delete cuts[id];
    }
  }
  const directions = Object.fromEntries(items.map((id) => [id, graded.directions[id]!]));
  return { graded: { items, areas: [...graded.areas], grades, cuts, maxGrades, directions }, adjustments };
}

/** The first condition and grade, in order, not observed among areas with a non-extreme raw score. */
function firstUncalibratable(
  grades: readonly (number | null)[][],
  maxGrades: readonly number[],
): { item: number; grade: number } | null {
  const counts = maxGrades.map((m) => new Array<number>(m + 1).fill(0));
  for (const row of grades) {
    let raw = 0;
    let max = 0;
    row.forEach((g, i) => {
      if (g === null) return;
      raw += g;
      max += maxGrades[i]!;
    });
    if (raw === 0 || raw === max) continue;
    row.forEach((g, i) => {
      if (g !== null) counts[i]![g]!++;
    });
  }
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!.indexOf(0);
    if (c !== -1) return { item: i, grade: c };
  }
  return null;
}
