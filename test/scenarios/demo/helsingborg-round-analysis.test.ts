import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyse } from "../../../engine/decision/analyse";
import { validateAnalysis } from "../../../engine/decision/analysis-schema";
import { DIMENSION_IDS, DemoRoundSchema, toAnalysisInterventions } from "../../../scenarios/demo/schema";

const round = DemoRoundSchema.parse(
  JSON.parse(
    readFileSync(new URL("../../../scenarios/demo/helsingborg-round.json", import.meta.url), "utf8"),
  ),
);

/** The demo candidates in a `livsval.analysis/1` with a flat synthetic baseline (every score 50 ± 5). */
function demoAnalysis(draws: number) {
  return {
    format: "livsval.analysis/1",
    seed: 2027,
    draws,
    dimensions: DIMENSION_IDS.map((id) => ({ id, label: id })),
    segments: round.segments.map((s) => ({
      id: s.id,
      population: s.population,
      scores: Object.fromEntries(DIMENSION_IDS.map((d) => [d, { value: 50, u: 5 }])),
    })),
    interventions: toAnalysisInterventions(round),
    scenario: {
      id: "equal",
      weights: Object.fromEntries(DIMENSION_IDS.map((d) => [d, 1])),
      inequalityAversion: 1,
    },
    budget: round.budget,
  };
}

describe("the demo round as an analysis", () => {
  it("is a valid livsval.analysis/1", () => {
    const r = validateAnalysis(demoAnalysis(100));
    expect(r.success ? [] : r.issues).toEqual([]);
  });

  it("ranks every candidate and proposes a portfolio that honours the budget, exclusions and dependencies", async () => {
    const result = await analyse(demoAnalysis(200), { confidenceFactors: false });
    expect(result.interventions.map((i) => i.status)).toEqual(round.candidates.map(() => "ranked"));
    const p = result.portfolio!;
    expect(p.feasible).toBe(true);
    expect(p.cost).toBeLessThanOrEqual(round.budget);
    const chosen = new Set(p.selected);
    for (const c of round.candidates) {
      if (!chosen.has(c.id)) continue;
      for (const other of c.excludes) expect(chosen.has(other), `${c.id} excludes ${other}`).toBe(false);
      for (const needed of c.dependsOn) expect(chosen.has(needed), `${c.id} needs ${needed}`).toBe(true);
    }
  });
});
