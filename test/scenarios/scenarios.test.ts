import { describe, expect, it } from "vitest";
import { analyse } from "../../engine/decision/analyse";
import { AnalysisScenarioSchema } from "../../engine/decision/analysis-schema";
import { getRuleSet, getScenario, listRuleSets, listScenarios, scenarioForAnalysis } from "../../scenarios";
import { DIMENSIONS, ScenarioSchema } from "../../scenarios/schema";
import small from "../../scenarios/examples/small.analysis.json";

describe("shipped scenarios", () => {
  it("lists the seven weighting scenarios, each versioned and stating a source or that it is illustrative", () => {
    expect(listScenarios().map((s) => s.id)).toEqual([
      "equal",
      "helsingborg-programme",
      "strong-equity",
      "citizen-priorities",
      "no-weights",
      "ordinal-health-first",
      "intervals-around-equal",
    ]);
    for (const s of listScenarios()) {
      expect(s.version).toBeGreaterThanOrEqual(1);
      expect("illustrative" in s.provenance || "source" in s.provenance).toBe(true);
    }
    expect(getScenario("strong-equity")!.inequalityAversion).toBe(2);
    expect(getScenario("helsingborg-programme")!.provenance).toHaveProperty("illustrative", true);
  });

  it("covers all fifteen dimensions in every scenario that names dimensions", () => {
    const all = DIMENSIONS.map((d) => d.id);
    for (const s of listScenarios()) {
      if (s.weights === "none") continue;
      expect(() => scenarioForAnalysis(s, all)).not.toThrow();
    }
  });

  it("turns every scenario into a valid analysis scenario over a subset of dimensions", () => {
    const dims = ["health", "social_connections", "income_wealth"];
    for (const s of listScenarios()) {
      const a = scenarioForAnalysis(s, dims);
      expect(AnalysisScenarioSchema.safeParse(a).success).toBe(true);
    }
    // equal weights restricted to 3 dimensions stay equal (the engine normalises 1,1,1 to ⅓ each)
    expect(scenarioForAnalysis(getScenario("equal")!, dims).weights).toEqual({
      health: 1,
      social_connections: 1,
      income_wealth: 1,
    });
    // ordinal: health, safety, income_wealth, …, social_connections ⇒ health > income > social
    expect(scenarioForAnalysis(getScenario("ordinal-health-first")!, dims).weights).toEqual({
      order: ["health", "income_wealth", "social_connections"],
    });
  });

  it("runs the example under each scenario", async () => {
    const dims = small.dimensions.map((d) => d.id);
    for (const s of listScenarios()) {
      const r = await analyse(
        { ...small, scenario: scenarioForAnalysis(s, dims) },
        { draws: 200, confidenceFactors: false },
      );
      expect(r.ranking.length).toBe(3);
    }
  });

  it("refuses a scenario over an unknown dimension or without provenance", () => {
    const bad = { ...getScenario("equal")!, weights: { happiness: 1 } };
    expect(ScenarioSchema.safeParse(bad).error!.issues[0]!.message).toBe(
      'refers to an unknown dimension "happiness"',
    );
    const { provenance: _, ...noSource } = getScenario("equal")!;
    expect(ScenarioSchema.safeParse(noSource).success).toBe(false);
  });
});

describe("shipped rule sets", () => {
  it("has the Helsingborg 2026 rules: grade D cap, statutory duties required, uncertain targets flagged", () => {
    expect(listRuleSets().map((r) => r.id)).toEqual(["helsingborg-2026"]);
    const rs = getRuleSet("helsingborg-2026")!;
    expect(rs.rules.map((r) => r.event.type)).toEqual(["exclude", "require", "flag", "adjust", "cap"]);
  });

  it("flags an uncertain target and requires a statutory duty when applied to the example", async () => {
    const rules = getRuleSet("helsingborg-2026")!.rules;
    const input = structuredClone(small) as Omit<typeof small, "rules"> & { rules: unknown };
    input.rules = rules;
    (input.interventions[2]!.attributes as Record<string, unknown>).statutory = true;
    const r = await analyse(input, { draws: 200 });
    const byId = new Map(r.interventions.map((i) => [i.id, i]));
    // meeting-places touches 1283-S1:age_65_79_f whose social_connections u = 6 > 5
    expect(byId.get("meeting-places")!.flags).toEqual([
      "osaker-malgrupp: a target's score is uncertain (u > 5 points): check the measurement before deciding",
    ]);
    expect(byId.get("outdoor-gyms")!.required).toBe(true);
    // outdoor-gyms has evidence grade C: adjusted by 0.8
    expect(byId.get("outdoor-gyms")!.adjustment).toBe(0.8);
    expect(r.portfolio!.selected).toContain("outdoor-gyms");
    expect(byId.get("loneliness-app")!.status).toBe("excluded");
  });
});
