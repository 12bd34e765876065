import { describe, expect, it } from "vitest";
import { parseAnalysis } from "../../../engine/decision/analysis-schema";
import { rankInterventions } from "../../../engine/ranking/rank-interventions";
import { sampleModel } from "../../../engine/ranking/sample-model";
import { welfareState } from "../../../engine/ranking/welfare-state";
import { handAnalysis } from "../decision/fixtures";

function rank(input: Record<string, unknown>, rankBy: "impact" | "costEffectiveness" = "impact") {
  const analysis = parseAnalysis(input);
  const model = sampleModel(analysis);
  const state = welfareState(model, analysis.scenario.inequalityAversion);
  return { state, ...rankInterventions(model, state, [true, true], { rankBy }) };
}

describe("rankInterventions on the hand-worked two-segment case", () => {
  // p = (¼, ¾), Q = (50, 90); x: ΔQ_A = 5, y: ΔQ_B = 4 (see fixtures.ts)
  it("at ε = 0 gives the plain mean change and ranks y first", () => {
    const r = rank(handAnalysis(0));
    // EDE_0 = ¼·50 + ¾·90 = 80; ΔW_x = ¼·5 = 1.25; ΔW_y = ¾·4 = 3
    expect(r.state.welfare[0]).toBeCloseTo(80, 12);
    expect(r.candidates[0]!.impact.mean).toBeCloseTo(1.25, 12);
    expect(r.candidates[1]!.impact.mean).toBeCloseTo(3, 12);
    expect(r.candidates[0]!.impact.u).toBe(0);
    expect(r.ranking).toEqual(["y", "x"]);
    expect(r.candidates[1]!.rankAcceptability).toEqual([1, 0]);
    expect(r.candidates[1]!.expectedRank).toBe(1);
  });

  it("at ε = 1 uses the geometric mean and still ranks y first", () => {
    const r = rank(handAnalysis(1));
    // EDE_1 = 50^¼ · 90^¾ = 2.659148 · 29.22011 = 77.700602
    // ΔW_x = 77.700602 · (1.1^¼ − 1) = 77.700602 · 0.0241137 = 1.873648
    // ΔW_y = 77.700602 · ((94/90)^¾ − 1) = 77.700602 · 0.0331504 = 2.575891
    expect(r.state.welfare[0]).toBeCloseTo(77.700602, 5);
    expect(r.candidates[0]!.impact.mean).toBeCloseTo(1.873648, 5);
    expect(r.candidates[1]!.impact.mean).toBeCloseTo(2.575891, 5);
    expect(r.ranking).toEqual(["y", "x"]);
  });

  it("at ε = 2 orders the two candidates the other way: the gain to the worse-off counts more", () => {
    const r = rank(handAnalysis(2));
    // EDE_2 = 1 / (¼/50 + ¾/90) = 1 / (0.005 + 0.0083333) = 75
    // x: 1 / (¼/55 + ¾/90) = 1 / 0.0128788 = 77.647059 ⇒ ΔW_x = 2.647059
    // y: 1 / (¼/50 + ¾/94) = 1 / 0.0129787 = 77.049180 ⇒ ΔW_y = 2.049180
    expect(r.state.welfare[0]).toBeCloseTo(75, 10);
    expect(r.candidates[0]!.impact.mean).toBeCloseTo(2.647059, 5);
    expect(r.candidates[1]!.impact.mean).toBeCloseTo(2.04918, 5);
    expect(r.ranking).toEqual(["x", "y"]);
    expect(r.candidates[0]!.pBest).toBe(1);
  });

  it("applies group priority weights to the population shares", () => {
    // groupWeights {B: ⅓}: p ∝ (1·1, 3·⅓) = (½, ½); ε = 0: ΔW_x = ½·5 = 2.5 > ΔW_y = ½·4 = 2
    const input = handAnalysis(0) as { scenario: Record<string, unknown> };
    input.scenario.groupWeights = { B: 1 / 3 };
    const r = rank(input);
    expect(r.candidates[0]!.impact.mean).toBeCloseTo(2.5, 12);
    expect(r.candidates[1]!.impact.mean).toBeCloseTo(2, 12);
    expect(r.ranking).toEqual(["x", "y"]);
  });

  it("gives total impact and cost-effectiveness per MSEK", () => {
    const r = rank(handAnalysis(0), "costEffectiveness");
    // ΣN = 4: total x = 1.25·4 = 5 per 1 MSEK; total y = 3·4 = 12 per 2 MSEK = 6 per MSEK
    expect(r.candidates[0]!.totalImpact.mean).toBeCloseTo(5, 12);
    expect(r.candidates[0]!.costEffectiveness.mean).toBeCloseTo(5, 12);
    expect(r.candidates[1]!.costEffectiveness.mean).toBeCloseTo(6, 12);
    expect(r.ranking).toEqual(["y", "x"]);
  });
});

describe("rankInterventions without weight information", () => {
  it("gives mirror-image candidates rank acceptability ½ each within 3 Monte Carlo standard errors", () => {
    const draws = 4000;
    const input = {
      format: "livsval.analysis/1",
      seed: 7,
      draws,
      dimensions: [
        { id: "d1", label: "one" },
        { id: "d2", label: "two" },
      ],
      segments: [{ id: "S", population: 100, scores: { d1: { value: 50, u: 0 }, d2: { value: 50, u: 0 } } }],
      interventions: [
        { id: "a", label: "A", cost: 1, effects: [{ segment: "S", dimension: "d1", change: 10, reach: 1 }] },
        { id: "b", label: "B", cost: 1, effects: [{ segment: "S", dimension: "d2", change: 10, reach: 1 }] },
      ],
      scenario: { id: "none", weights: "none", inequalityAversion: 1 },
    };
    const r = rank(input);
    // a is first exactly when w1 > w2, which has probability ½ under the uniform simplex;
    // the MC standard error of a share ½ is √(½·½/4000) = 0.0079
    const se = Math.sqrt(0.25 / draws);
    expect(Math.abs(r.candidates[0]!.pBest! - 0.5)).toBeLessThan(3 * se);
    expect(r.candidates[0]!.pBest! + r.candidates[1]!.pBest!).toBe(1);
    // central weights: a's mean weight vector where w1 > w2 is (¾, ¼) (uniform on the half-segment)
    // with SE √(1/48/2000) = 0.0032 for each
    expect(Math.abs(r.candidates[0]!.centralWeights!.d1! - 0.75)).toBeLessThan(3 * Math.sqrt(1 / 48 / 2000));
    // with weights fixed at a's central weights (¾, ¼) a always wins
    expect(r.candidates[0]!.confidenceFactor).toBe(1);
  });

  it("breaks exact ties in favour of the candidate listed first", () => {
    const input = handAnalysis(0) as { interventions: Record<string, unknown>[] };
    input.interventions.push({ ...input.interventions[1]!, id: "y2" });
    const analysis = parseAnalysis(input);
    const model = sampleModel(analysis);
    const r = rankInterventions(model, welfareState(model, 0), [true, true, true], { rankBy: "impact" });
    // y and y2 both have ΔW = 3 in every draw: y (listed first) ranks 1, y2 ranks 2, x (1.25) ranks 3
    expect(r.candidates.map((c) => c.rankAcceptability)).toEqual([
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(r.ranking).toEqual(["y", "y2", "x"]);
  });

  it("does not change its inputs", () => {
    const input = handAnalysis(1);
    const copy = structuredClone(input);
    rank(input);
    expect(input).toEqual(copy);
  });
});
