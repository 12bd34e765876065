import { describe, expect, it } from "vitest";
import { probabilityTargetMet } from "../../../engine/followup";

// Φ(1) = 0.8413447460685429 (R: pnorm(1)); t₅ at 1: 0.8183912661754387 (R: pt(1, 5))
const PHI1 = 0.8413447460685429;

describe("probabilityTargetMet", () => {
  it("is Φ((x − T)/u) when higher is better, with the risk of a wrong 'met' under simple acceptance", () => {
    const r = probabilityTargetMet(52, 2, 50, "higher");
    expect(r.probability).toBeCloseTo(PHI1, 14);
    expect(r.decision).toBe("met");
    expect(r.acceptanceLimit).toBe(50);
    expect(r.riskWrongMet).toBeCloseTo(1 - PHI1, 14);
    expect(r.riskWrongNotMet).toBe(0);
  });

  it("mirrors for lower-is-better targets", () => {
    expect(probabilityTargetMet(48, 2, 50, "lower").probability).toBeCloseTo(PHI1, 14);
    expect(probabilityTargetMet(52, 2, 50, "lower").probability).toBeCloseTo(1 - PHI1, 14);
  });

  it("with a guard band of one expanded uncertainty declares 'not met' and states the producer's risk", () => {
    // w = 1·2u = 4, A = 54 > x = 52 → not met; specific producer's risk = P(met) = Φ(1)
    const r = probabilityTargetMet(52, 2, 50, "higher", { guardBandFactor: 1 });
    expect(r).toMatchObject({ decision: "not_met", acceptanceLimit: 54, guardBand: 4, riskWrongMet: 0 });
    expect(r.riskWrongNotMet).toBeCloseTo(PHI1, 14);
    // at x = A the consumer's risk is 1 − Φ(2) = 0.02275 (R: pnorm(-2) = 0.02275013194817921)
    expect(probabilityTargetMet(54, 2, 50, "higher", { guardBandFactor: 1 }).riskWrongMet).toBeCloseTo(
      0.02275013194817921,
      14,
    );
  });

  it("uses Student's t with ν degrees of freedom when given", () => {
    expect(probabilityTargetMet(52, 2, 50, "higher", { nu: 5 }).probability).toBeCloseTo(
      0.8183912661754387,
      12,
    );
  });

  it("is certain without uncertainty and refuses a negative u", () => {
    expect(probabilityTargetMet(50, 0, 50, "higher").probability).toBe(1);
    expect(probabilityTargetMet(49.9, 0, 50, "higher").probability).toBe(0);
    expect(() => probabilityTargetMet(1, -1, 0, "higher")).toThrow(
      "probabilityTargetMet: u must be a finite number ≥ 0",
    );
  });
});
