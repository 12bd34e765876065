import { describe, expect, it } from "vitest";
import { parseAnalysis, validateAnalysis } from "../../../engine/decision/analysis-schema";
import small from "../../../scenarios/examples/small.analysis.json";
import { handAnalysis } from "./fixtures";

function issues(input: unknown): string[] {
  const r = validateAnalysis(input);
  return r.success ? [] : r.issues.map((i) => `${i.path} ${i.message}`);
}

describe("AnalysisSchema", () => {
  it("accepts the shipped example and the hand-worked fixture", () => {
    expect(issues(small)).toEqual([]);
    expect(issues(handAnalysis(1))).toEqual([]);
  });

  it("names the exact path of a negative standard deviation deep inside an effect", () => {
    const a = structuredClone(small) as typeof small;
    (a.interventions[3]!.effects[0]!.change as unknown) = { dist: "normal", mean: 1, sd: -2 };
    expect(issues(a)).toEqual(["interventions[3].effects[0].change.sd must be ≥ 0"]);
  });

  it("refuses unknown keys and says which", () => {
    const a = { ...handAnalysis(0), colour: "blue" };
    expect(issues(a)).toEqual([' has unknown key "colour"']);
    const b = handAnalysis(0) as { segments: Record<string, unknown>[] };
    b.segments[1]!.size = 3;
    expect(issues(b)).toEqual(['segments[1] has unknown key "size"']);
  });

  it("refuses a reach above one and a missing key", () => {
    const a = handAnalysis(0) as { interventions: { effects: { reach: number }[] }[]; seed?: number };
    a.interventions[0]!.effects[0]!.reach = 1.5;
    delete a.seed;
    expect(issues(a).sort()).toEqual(["interventions[0].effects[0].reach must be ≤ 1", "seed is required"]);
  });

  it("cross-checks effects against segments and dimensions", () => {
    const a = handAnalysis(0) as { interventions: { effects: { segment: string; dimension: string }[] }[] };
    a.interventions[1]!.effects[0]!.segment = "C";
    a.interventions[0]!.effects[0]!.dimension = "d9";
    expect(issues(a)).toEqual([
      'interventions[0].effects[0].dimension refers to an unknown dimension "d9"',
      'interventions[1].effects[0].segment refers to an unknown segment "C"',
    ]);
  });

  it("refuses duplicate ids and repeated effects", () => {
    const a = handAnalysis(0) as { interventions: { id: string; effects: unknown[] }[] };
    a.interventions[1]!.id = "x";
    a.interventions[0]!.effects.push(a.interventions[0]!.effects[0]);
    expect(issues(a)).toEqual([
      'interventions[0].effects[1] repeats the effect on segment "A", dimension "d1"',
      'interventions[1].id duplicates the intervention id "x"',
    ]);
  });

  it("refuses weights over an unknown dimension and infeasible intervals", () => {
    expect(
      issues(handAnalysis(0, { scenario: { id: "s", weights: { d1: 1, d3: 1 }, inequalityAversion: 0 } })),
    ).toEqual([
      'scenario.weights.d3 refers to an unknown dimension "d3"',
      'scenario.weights gives no weight for dimension "d2"',
    ]);
    expect(
      issues(
        handAnalysis(0, {
          scenario: { id: "s", weights: { d1: [0.6, 0.9], d2: [0.5, 1] }, inequalityAversion: 0 },
        }),
      ),
    ).toEqual([
      "scenario.weights intervals admit no weights summing to 1 (lower bounds sum to 1.1, upper bounds to 1.9)",
    ]);
    expect(
      issues(handAnalysis(0, { scenario: { id: "s", weights: { order: ["d2"] }, inequalityAversion: 0 } })),
    ).toEqual(['scenario.weights.order does not rank dimension "d1"']);
  });

  it("refuses a composite score ≤ 0 when inequality aversion is positive, and allows it at ε = 0", () => {
    const a = handAnalysis(1) as { segments: { scores: Record<string, { value: number }> }[] };
    a.segments[0]!.scores.d1!.value = -60; // Q_A = ½(−60) + ½·60 = 0
    expect(issues(a)).toEqual([
      "segments[0].scores gives a composite score 0 ≤ 0, but inequality aversion 1 > 0 needs Q_s > 0",
    ]);
    (a as unknown as { scenario: { inequalityAversion: number } }).scenario.inequalityAversion = 0;
    expect(issues(a)).toEqual([]);
  });

  it("checks dependencies and exclusions name known interventions", () => {
    const a = handAnalysis(0) as { interventions: { attributes?: unknown }[] };
    a.interventions[0]!.attributes = { dependsOn: ["zz"], excludes: "y" };
    expect(issues(a)).toEqual([
      'interventions[0].attributes.dependsOn[0] refers to an unknown intervention "zz"',
      "interventions[0].attributes.excludes must be a list of intervention ids",
    ]);
  });

  it("resolves unions to the form that was meant, so the message names the bad field", () => {
    const a = structuredClone(small) as unknown as {
      interventions: { cost: unknown }[];
      scenario: { weights: unknown };
      rules: { conditions: { all: { operator: string }[] } }[];
    };
    a.interventions[0]!.cost = { dist: "gamma", shape: 1 };
    a.interventions[1]!.cost = { dist: "uniform", min: 3, max: 1 };
    a.scenario.weights = { health: 0.4, social_connections: "high", income_wealth: 0.3 };
    a.rules[0]!.conditions.all[1]!.operator = "biggerThan";
    const got = issues(a);
    expect(got[0]).toBe(
      'interventions[0].cost.dist must be "normal", "uniform", "triangular", "lognormal", "pert" (or the whole value a number)',
    );
    expect(got[1]).toBe("interventions[1].cost.max must be ≥ min");
    expect(got[2]).toBe("scenario.weights.social_connections must be a number or a pair [lo, hi]");
    expect(got[3]).toMatch(/^rules\[0\]\.conditions\.all\[1\]\.operator must be "equal" or "notEqual"/);
  });

  it("refuses group priority weights for a group no segment has", () => {
    const a = handAnalysis(0, {
      scenario: { id: "s", weights: { d1: 1, d2: 1 }, inequalityAversion: 0, groupWeights: { C: 2 } },
    });
    expect(issues(a)).toEqual(["scenario.groupWeights.C refers to no segment's group (groups: A, B)"]);
  });

  it("throws one line listing every issue", () => {
    expect(() => parseAnalysis({ format: "livsval.analysis/2" })).toThrow(
      /^parseAnalysis: format must be "livsval.analysis\/1"; seed is required/,
    );
  });
});
