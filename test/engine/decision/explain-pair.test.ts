import { describe, expect, it } from "vitest";
import { analyseRun } from "../../../engine/decision/analyse";
import { explainPair } from "../../../engine/decision/explain-pair";
import small from "../../../scenarios/examples/small.analysis.json";
import { handAnalysis } from "./fixtures";

describe("explainPair", () => {
  it("puts each hand-worked candidate's whole impact in its one cell", async () => {
    // ε = 2: ΔW_x = 2.647059 all in (A, d1); ΔW_y = 2.049180 all in (B, d2)
    const run = await analyseRun(handAnalysis(2));
    const e = explainPair(run.model, run.state, run.rules, "x", "y");
    expect(e.difference).toBeCloseTo(2.647059 - 2.04918, 5);
    expect(e.cells.map((c) => [c.segment, c.dimension])).toEqual([
      ["A", "d1"],
      ["B", "d2"],
    ]);
    expect(e.cells[0]!.a).toBeCloseTo(2.647059, 5);
    expect(e.cells[1]!.b).toBeCloseTo(2.04918, 5);
  });

  it("splits a multi-segment, multi-dimension impact into cells that sum to the total", async () => {
    const run = await analyseRun(small, { draws: 500 });
    const e = explainPair(run.model, run.state, run.rules, "meeting-places", "outdoor-gyms");
    const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
    expect(e.impactA).toBeCloseTo(mean(run.impacts[0]!), 10);
    expect(e.impactB).toBeCloseTo(mean(run.impacts[2]!), 10);
    expect(e.cells.reduce((s, c) => s + c.difference, 0)).toBeCloseTo(e.difference, 10);
    expect(e.cells.length).toBe(4);
    expect(e.rules.a.map((r) => r.rule)).toEqual(["flag-uncertain-social-connections"]);
  });

  it("refuses an unknown candidate", async () => {
    const run = await analyseRun(handAnalysis(0));
    expect(() => explainPair(run.model, run.state, run.rules, "x", "nope")).toThrow(
      'explainPair: unknown candidate "nope"',
    );
  });
});
