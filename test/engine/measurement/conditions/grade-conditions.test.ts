import { describe, expect, it } from "vitest";
import { gradeConditions, type AreaConditions } from "../../../../engine/measurement/conditions";

const areas: AreaConditions[] = [
  { areaId: "A", values: { green: 10, noise: 60 } },
  { areaId: "B", values: { green: 25, noise: 50 } },
  { areaId: "C", values: { green: 40, noise: 40 } },
  { areaId: "D", values: { green: 55, noise: null } },
];

describe("gradeConditions", () => {
  it("counts the goalposts a value reaches, in the better direction", () => {
    const g = gradeConditions(areas, [
      { id: "green", direction: "higher", grading: { kind: "goalposts", cuts: [20, 40] } },
      { id: "noise", direction: "lower", grading: { kind: "goalposts", cuts: [45, 55] } },
    ]);
    // green ≥ 20, ≥ 40: A 10 → 0, B 25 → 1, C 40 → 2, D 55 → 2
    // noise ≤ 45, ≤ 55: A 60 → 0, B 50 → 1, C 40 → 2, D missing
    expect(g.grades).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [2, null],
    ]);
    expect(g.maxGrades).toEqual([2, 2]);
    expect(g.areas).toEqual(["A", "B", "C", "D"]);
  });

  it("takes quantile cuts by R's type 7 definition", () => {
    // green values 10, 25, 40, 55: h = 3·p; p = 0.5 → h = 1.5 → 25 + 0.5·15 = 32.5;
    // p = 0.25 → h = 0.75 → 10 + 0.75·15 = 21.25 (R: quantile(c(10,25,40,55), c(.25,.5)))
    const g = gradeConditions(areas, [
      { id: "green", direction: "higher", grading: { kind: "quantiles", probs: [0.25, 0.5] } },
    ]);
    expect(g.cuts.green).toEqual([21.25, 32.5]);
    expect(g.grades.map((r) => r[0])).toEqual([0, 1, 2, 2]);
  });

  it("refuses cuts that are not strictly ascending and probabilities outside (0, 1)", () => {
    expect(() =>
      gradeConditions(areas, [
        { id: "green", direction: "higher", grading: { kind: "goalposts", cuts: [40, 20] } },
      ]),
    ).toThrow('gradeConditions: indicator "green": cuts must be finite and strictly ascending');
    expect(() =>
      gradeConditions(areas, [
        { id: "green", direction: "higher", grading: { kind: "quantiles", probs: [0, 0.5] } },
      ]),
    ).toThrow("quantile probabilities must lie in (0, 1)");
  });
});
