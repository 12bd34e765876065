import { describe, expect, it } from "vitest";
import { analyse } from "../../../engine/decision/analyse";
import { ResultSchema } from "../../../engine/decision/result-schema";
import { ENGINE_VERSION } from "../../../engine/version";
import small from "../../../scenarios/examples/small.analysis.json";

describe("analyse", () => {
  it("gives byte-identical JSON for the same input and seed", async () => {
    const a = JSON.stringify(await analyse(small, { draws: 500 }));
    const b = JSON.stringify(await analyse(structuredClone(small), { draws: 500 }));
    expect(a).toBe(b);
  });

  it("gives different draws, but the same input hash scheme, for another seed", async () => {
    const a = await analyse(small, { draws: 500, seed: 1 });
    const b = await analyse(small, { draws: 500, seed: 2 });
    expect(a.interventions[0]!.impact.mean).not.toBe(b.interventions[0]!.impact.mean);
    expect(a.inputHash).not.toBe(b.inputHash);
    expect(a.seed).toBe(1);
  });

  it("writes a valid livsval.result/1 carrying engine version and seed", async () => {
    const r = await analyse(small, { draws: 500 });
    expect(() => ResultSchema.parse(r)).not.toThrow();
    expect(r.engineVersion).toBe(ENGINE_VERSION);
    expect(r.seed).toBe(small.seed);
  });

  it("keeps an excluded candidate in the result with its rule, reason and facts, out of the ranking", async () => {
    const r = await analyse(small, { draws: 500 });
    const app = r.interventions.find((i) => i.id === "loneliness-app")!;
    expect(app.status).toBe("excluded");
    expect(app.reasons).toEqual(["evidence-grade-d-max-1-msek: evidence grade D may not exceed 1 MSEK"]);
    // lognormal mean = median · exp(ln²(gsd)/2) = 1.3e6 · exp(0.2623643²/2) = 1.3e6 · exp(0.0344177)
    // = 1.3e6 · 1.0350166 = 1 345 521.6
    const seen = app.trace[0]!.conditions.find((c) => c.path === "$.expectedCost")!;
    expect(seen.factValue as number).toBeCloseTo(1_345_521.6, 0);
    expect(r.ranking).not.toContain("loneliness-app");
    expect(app.pBest).toBeNull();
    expect(
      r.interventions.filter((i) => i.status === "ranked").map((i) => i.rankAcceptability.length),
    ).toEqual([3, 3, 3]);
  });

  it("chooses a portfolio within the expected budget", async () => {
    const r = await analyse(small, { draws: 500 });
    const p = r.portfolio!;
    expect(p.feasible).toBe(true);
    expect(p.cost).toBeLessThanOrEqual(2_500_000);
    expect(p.selected).not.toContain("loneliness-app");
  });

  it("ranks by cost-effectiveness when asked, in order of E[total impact] / E[cost]", async () => {
    const r = await analyse(
      { ...small, scenario: { ...small.scenario, rankBy: "costEffectiveness" } },
      { draws: 500 },
    );
    expect(() => ResultSchema.parse(r)).not.toThrow();
    const ranked = r.interventions.filter((i) => i.status === "ranked");
    const byCe = [...ranked]
      .sort((a, b) => b.costEffectiveness.mean! - a.costEffectiveness.mean!)
      .map((i) => i.id);
    expect(r.ranking).toEqual(byCe);
    for (const i of ranked) {
      expect(i.costEffectiveness.mean).toBeCloseTo(i.totalImpact.mean / (i.expectedCost / 1e6), 0);
    }
  });

  it("gives SMAA-2 central weights and confidence factors without weight information", async () => {
    const r = await analyse(
      { ...small, scenario: { id: "none", weights: "none", inequalityAversion: 1 } },
      { draws: 800 },
    );
    for (const i of r.interventions.filter((x) => x.status === "ranked" && x.pBest! > 0)) {
      const w = Object.values(i.centralWeights!);
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(i.confidenceFactor).not.toBeNull();
    }
    expect(r.scenario.weights).toBe("none");
    const sums = r.interventions.filter((x) => x.status === "ranked").reduce((s, x) => s + x.pBest!, 0);
    expect(sums).toBeCloseTo(1, 12);
  });

  it("spans interval weights over their bounds in the tornado", async () => {
    const weights = { health: [0.2, 0.6], social_connections: [0.1, 0.4], income_wealth: [0.1, 0.4] };
    const r = await analyse(
      { ...small, scenario: { id: "iv", weights, inequalityAversion: 1 } },
      { draws: 300, sensitivity: true, confidenceFactors: false },
    );
    const bars = r.sensitivity!.tornado.bars.filter((b) => b.kind === "weight");
    for (const b of bars) {
      expect([b.lowSetting, b.highSetting]).toEqual(weights[b.input as keyof typeof weights]);
    }
    expect(r.scenario.weights).toBe("intervals");
  });

  it("does not change its input", async () => {
    const copy = structuredClone(small);
    await analyse(copy, { draws: 200 });
    expect(copy).toEqual(small);
  });

  it("refuses a bad analysis with path-precise reasons", async () => {
    await expect(analyse({ ...small, draws: 1 })).rejects.toThrow("parseAnalysis: draws must be ≥ 2");
  });
});
