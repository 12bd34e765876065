import { describe, expect, it } from "vitest";
import { parseAnalysis } from "../../../engine/decision/analysis-schema";
import { sampleModel } from "../../../engine/ranking/sample-model";
import { welfareChange } from "../../../engine/ranking/welfare-change";
import { welfareState } from "../../../engine/ranking/welfare-state";
import { handAnalysis } from "../decision/fixtures";

function meanSd(x: Float64Array): { mean: number; sd: number } {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1));
  return { mean, sd };
}

describe("composite and impact draws", () => {
  it("draws the composite with the GUM variance Σ w² u²", () => {
    // segment A: values (40, 60), u (3, 4), w (½, ½): Q_A ~ N(50, ¼·9 + ¼·16 = 6.25), sd 2.5
    const input = handAnalysis(0, { draws: 20_000 }) as {
      segments: { scores: Record<string, { u: number }> }[];
    };
    input.segments[0]!.scores.d1!.u = 3;
    input.segments[0]!.scores.d2!.u = 4;
    const model = sampleModel(parseAnalysis(input));
    const q = welfareState(model, 0).composite.subarray(0, 20_000);
    const { mean, sd } = meanSd(q);
    // SE of the mean 2.5/√20000 = 0.0177; SE of the sd ≈ 2.5/√40000 = 0.0125
    expect(Math.abs(mean - 50)).toBeLessThan(3 * 0.0177);
    expect(Math.abs(sd - 2.5)).toBeLessThan(3 * 0.0125);
  });

  it("carries an uncertain effect into ΔW linearly at ε = 0", () => {
    // x: change ~ N(20, 4²), reach ½, w1 = ½, p_A = ¼ ⇒ ΔW = ¼·½·½·change = 0.0625·change: mean 1.25, sd 0.25
    const input = handAnalysis(0, { draws: 20_000 }) as {
      interventions: { effects: { change: unknown }[] }[];
    };
    input.interventions[0]!.effects[0]!.change = { dist: "normal", mean: 20, sd: 4 };
    const model = sampleModel(parseAnalysis(input));
    const { mean, sd } = meanSd(welfareChange(model, welfareState(model, 0), [model.candidates[0]!]));
    // SE of the mean 0.25/√20000 = 0.00177
    expect(Math.abs(mean - 1.25)).toBeLessThan(3 * 0.00177);
    expect(Math.abs(sd - 0.25)).toBeLessThan((3 * 0.25) / Math.sqrt(40_000));
  });

  it("gives a candidate the same draws whatever else is in the file (streams named by key)", () => {
    const build = (reverse: boolean) => {
      const input = handAnalysis(0, { draws: 50 }) as {
        interventions: { effects: { change: unknown }[] }[];
        segments: { scores: Record<string, { u: number }> }[];
      };
      input.interventions[0]!.effects[0]!.change = { dist: "normal", mean: 20, sd: 4 };
      input.segments[0]!.scores.d1!.u = 3;
      if (reverse) input.interventions.reverse();
      return sampleModel(parseAnalysis(input));
    };
    const one = build(false);
    const two = build(true);
    const x1 = one.candidates[0]!.segments[0]!.effects[0]!.draws;
    expect(new Set(x1).size).toBe(50);
    expect(two.candidates[1]!.segments[0]!.effects[0]!.draws).toEqual(x1);
    expect(two.baselineZ).toEqual(one.baselineZ);
  });
});
