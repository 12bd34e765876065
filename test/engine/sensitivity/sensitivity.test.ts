import { describe, expect, it } from "vitest";
import { parseAnalysis } from "../../../engine/decision/analysis-schema";
import { createRandom } from "../../../engine/random";
import { sampleModel } from "../../../engine/ranking/sample-model";
import { evpi } from "../../../engine/sensitivity/evpi";
import { evppi, groupEvppi } from "../../../engine/sensitivity/evppi";
import { switchingValues } from "../../../engine/sensitivity/switching-values";
import { tornado } from "../../../engine/sensitivity/tornado";
import { handAnalysis } from "../decision/fixtures";

describe("evpi", () => {
  it("is E[max] − max E on a two-draw example worked by hand", () => {
    // draws: option 1 = (1, 3), option 2 = (2, 2): E[max] = (2 + 3)/2 = 2.5, max E = max(2, 2) = 2
    expect(evpi([Float64Array.of(1, 3), Float64Array.of(2, 2)])).toBe(0.5);
  });

  it("is zero when one option is best in every draw", () => {
    expect(evpi([Float64Array.of(5, 6, 7), Float64Array.of(1, 2, 3)])).toBe(0);
  });
});

describe("evppi", () => {
  it("equals EVPI when the input decides the criterion and no bin straddles the switch", () => {
    // φ_t = t/100 − ½, t = 0..99; option 1 = φ, option 2 = 0; 10 bins of 10 draws.
    // E φ = 49.5/100 − ½ = −0.005 ⇒ max E = 0; E[max(φ, 0)] = Σ_{k=1..49} (k/100)/100 = 1225/10000 = 0.1225
    const phi = Float64Array.from({ length: 100 }, (_, t) => t / 100 - 0.5);
    const options = [phi, new Float64Array(100)];
    expect(evpi(options)).toBeCloseTo(0.1225, 12);
    expect(evppi(options, phi, 10)).toBeCloseTo(0.1225, 12);
  });

  it("is near zero for an input unrelated to the criterion", () => {
    const r = createRandom(3);
    const n = 10_000;
    const c1 = Float64Array.from({ length: n }, () => r() - 0.5);
    const phi = Float64Array.from({ length: n }, () => r());
    // EVPI = E[max(U − ½, 0)] = 1/8; an unrelated input's EVPPI is only the binning bias:
    // 100 bins of 100 draws, bin-mean SD = √(1/12/100) = 0.029, E[max(m, 0)] ≈ 0.029·0.4 = 0.0115
    expect(evpi([c1, new Float64Array(n)])).toBeCloseTo(0.125, 2);
    expect(evppi([c1, new Float64Array(n)], phi)).toBeLessThan(0.02);
  });
});

describe("switchingValues", () => {
  it("finds the ε where the hand-worked candidates swap", () => {
    // ΔW_x(ε) = ΔW_y(ε) at ε* = 1.558490, by bisection on the closed-form EDE in Python:
    // ede(q) = (Σ p q^(1−ε))^(1/(1−ε)), f(ε) = [ede(55,90) − ede(50,90)] − [ede(50,94) − ede(50,90)]
    const model = sampleModel(parseAnalysis(handAnalysis(0)));
    const sv = switchingValues(model, 0, [true, true], { rankBy: "impact", tolerance: 1e-6 });
    expect(sv.top).toBe("y");
    expect(sv.epsilon.lower).toBeNull();
    expect(sv.epsilon.upper!.newTop).toBe("x");
    expect(Math.abs(sv.epsilon.upper!.at - 1.55849)).toBeLessThan(2e-6);
  });

  it("finds the weight where the hand-worked candidates swap", () => {
    // ε = 0: ΔW_x = ¼·w1·(½·20) = 2.5 w1, ΔW_y = ¾·w2·8 = 6 w2 = 6(1 − w1) ⇒ equal at w1 = 6/8.5 = 0.705882
    const model = sampleModel(parseAnalysis(handAnalysis(0)));
    const sv = switchingValues(model, 0, [true, true], { rankBy: "impact", tolerance: 1e-7 });
    const [d1, d2] = sv.weights;
    expect(d1!.lower).toBeNull();
    expect(Math.abs(d1!.upper!.at - 6 / 8.5)).toBeLessThan(2e-7);
    expect(Math.abs(d2!.lower!.at - (1 - 6 / 8.5))).toBeLessThan(2e-7);
    expect(d2!.upper).toBeNull();
  });
});

describe("tornado", () => {
  it("puts the weights first for the hand-worked candidate y at ε = 0", () => {
    // ΔW_y = ¾·w2·8 = 6 w2: w2 ∈ [¼, ¾] ⇒ 1.5 … 4.5 (swing 3); w1 ∈ [¼, ¾] ⇒ w2 ∈ [¾, ¼] ⇒ 4.5 … 1.5;
    // ε ∈ [0, 1] ⇒ 3 … 2.575891 (see the ranking test); the exact effect has no swing
    const model = sampleModel(parseAnalysis(handAnalysis(0)));
    const t = tornado(model, 0, 1);
    expect(t.base).toBeCloseTo(3, 12);
    expect(t.bars.map((b) => b.input)).toEqual(["d1", "d2", "ε", "B · d2"]);
    expect(t.bars[1]!.low).toBeCloseTo(1.5, 12);
    expect(t.bars[1]!.high).toBeCloseTo(4.5, 12);
    expect(t.bars[2]!.high).toBeCloseTo(2.575891, 5);
    expect(t.bars[3]!.swing).toBe(0);
    expect(t.bars[3]!.lowSetting).toBeCloseTo(8, 12);
  });
});

describe("groupEvppi", () => {
  it("finds the weights most worth knowing when the candidates differ only in which dimension they serve", () => {
    const a = parseAnalysis({
      ...handAnalysis(0),
      draws: 2000,
      scenario: { id: "n", weights: "none", inequalityAversion: 0 },
    });
    const model = sampleModel(a);
    const crit = [0, 1].map(() => new Float64Array(model.draws));
    // with exact scores and effects, ΔW_x = 2.5 w1, ΔW_y = 6 w2 exactly per draw
    for (let t = 0; t < model.draws; t++) {
      crit[0]![t] = 2.5 * model.weights[t]!;
      crit[1]![t] = 6 * model.weights[model.draws + t]!;
    }
    const g = groupEvppi(model, crit, [0, 1], "impact");
    expect(g[0]!.group).toBe("weights");
    expect(g[0]!.evppi).toBeGreaterThan(0.9 * evpi(crit));
    // scores and effects are exact: knowing them adds nothing
    expect(g.filter((x) => x.kind !== "weights").map((x) => x.evppi)).toEqual([0, 0, 0, 0]);
  });
});
