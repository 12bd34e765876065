import { describe, expect, it } from "vitest";
import { mlPersonEstimate, raschAnalysis, wle } from "../../../../engine/measurement/rasch";
import { LSAT_ERM, PTSD_ERM, PTSD_ERM_PERSONS, WINEQ_ERM, WINEQ_ERM_PERSONS } from "./erm-reference";
import { loadResponses, WINEQ_ITEMS } from "./load-fixture";

describe("raschAnalysis on LSAT (dichotomous)", () => {
  const a = raschAnalysis(loadResponses("lsat_dichotomous.csv"), { model: "rasch" });

  it("reproduces eRm's itemfit", () => {
    a.fit.items.forEach((f, i) => {
      expect(f.infit).toBeCloseTo(LSAT_ERM.infit[i]!, 4);
      expect(f.outfit).toBeCloseTo(LSAT_ERM.outfit[i]!, 4);
      expect(f.infitZ).toBeCloseTo(LSAT_ERM.infitZ[i]!, 3);
      expect(f.outfitZ).toBeCloseTo(LSAT_ERM.outfitZ[i]!, 3);
    });
  });

  it("reproduces eRm's personfit and SepRel, negative here", () => {
    // row 4 answers 0,0,0,0,1
    const p4 = a.fit.persons[3]!;
    expect(p4.infit).toBeCloseTo(LSAT_ERM.person4[0]!, 4);
    expect(p4.outfit).toBeCloseTo(LSAT_ERM.person4[1]!, 4);
    expect(a.reliability).toBeCloseTo(LSAT_ERM.sepRel, 3);
    expect(a.reliabilityDetail!.observedVariance).toBeCloseTo(LSAT_ERM.ssd, 3);
    expect(a.reliabilityDetail!.errorVariance).toBeCloseTo(LSAT_ERM.mse, 3);
  });

  it("gives persons with an extreme score a finite WLE and no fit", () => {
    expect(a.persons[0]).toMatchObject({ id: "1", raw: 0, maxRaw: 5 });
    expect(a.persons[0]!.measure).toBeCloseTo(-2.790480001502, 4); // R uniroot, see wle.test.ts
    expect(a.fit.persons[0]).toEqual({ id: "1", infit: null, outfit: null });
  });

  it("maps the lowest and highest WLE to 0 and 100, uncertainties scaled alike", () => {
    const t = a.transform;
    expect(t.lo).toBeCloseTo(
      wle(
        a.items.map((i) => i.thresholds),
        0,
      ).measure,
      12,
    );
    const full = a.persons.find((p) => p.raw === 5)!;
    expect(full.score).toBeCloseTo(100, 9);
    expect(a.persons[0]!.score).toBeCloseTo(0, 9);
    const mid = a.persons.find((p) => p.raw === 2)!;
    expect(mid.score).toBeCloseTo((100 * (mid.measure! - t.lo)) / (t.hi - t.lo), 9);
    expect(mid.scoreSe).toBeCloseTo((100 * mid.se!) / (t.hi - t.lo), 9);
  });
});

describe("raschAnalysis on PTSD (PCM with missing responses)", () => {
  const a = raschAnalysis(loadResponses("ptsd_wenchuan.csv", undefined, 1), {
    model: "pcm",
    identification: "erm",
  });

  it("reproduces eRm's thresholds, locations and item fit", () => {
    PTSD_ERM.forEach((ref, i) => {
      const item = a.items[i]!;
      expect(item.item).toBe(ref.item);
      expect(Math.abs(item.location - ref.location)).toBeLessThan(0.005);
      item.thresholds.forEach((d, h) => expect(Math.abs(d - ref.thresholds[h]!)).toBeLessThan(0.005));
      const f = a.fit.items[i]!;
      expect(Math.abs(f.infit - ref.fit[0]!)).toBeLessThan(0.001);
      expect(Math.abs(f.outfit - ref.fit[1]!)).toBeLessThan(0.001);
      expect(Math.abs(f.infitZ - ref.fit[2]!)).toBeLessThan(0.01);
      expect(Math.abs(f.outfitZ - ref.fit[3]!)).toBeLessThan(0.01);
    });
  });

  it("gives a person with a missing response eRm's ML measure within their NA group", () => {
    // eRm: pp$theta.table[8, ] → −0.456546991463 (NAgroup 11), se.theta 0.317500713717
    const answered = a.items.filter((i) => i.item !== "upset").map((i) => i.thresholds);
    const ml = mlPersonEstimate(answered, 17)!;
    expect(Math.abs(ml.measure - -0.456546991463)).toBeLessThan(0.005);
    expect(ml.se).toBeCloseTo(0.317500713717, 3);
  });

  it("reproduces eRm's person fit and SepRel", () => {
    for (const ref of PTSD_ERM_PERSONS.persons) {
      const f = a.fit.persons[ref.row - 1]!;
      expect(Math.abs(f.infit! - ref.infit)).toBeLessThan(0.001);
      expect(Math.abs(f.outfit! - ref.outfit)).toBeLessThan(0.001);
    }
    expect(a.reliability).toBeCloseTo(PTSD_ERM_PERSONS.sepRel, 4);
  });

  it("measures persons by WLE as an independent R solution of Warm's equation", () => {
    // R: the uniroot WLE of wle.test.ts on eRm's PCM thresholds; person 1 has raw score 25 of 68,
    // person 3 raw 42: θ = 0.082971512624 (SE 0.265496527472), 1.107806070347 (SE 0.24530354317)
    expect(a.persons[0]).toMatchObject({ raw: 25, maxRaw: 68 });
    expect(a.persons[0]!.measure).toBeCloseTo(0.082971512624, 3);
    expect(a.persons[0]!.se).toBeCloseTo(0.265496527472, 4);
    expect(a.persons[2]!.measure).toBeCloseTo(1.107806070347, 3);
    // person 8 skipped "upset": raw 17 over the other 16 items, θ = −0.428623565451 (SE 0.315045742523)
    expect(a.persons[7]).toMatchObject({ raw: 17, maxRaw: 64 });
    expect(a.persons[7]!.measure).toBeCloseTo(-0.428623565451, 3);
    expect(a.persons[7]!.se).toBeCloseTo(0.315045742523, 4);
    // full score 68 and zero score: 5.430230968466 and −5.108773046906
    expect(a.transform.hi).toBeCloseTo(5.430230968466, 3);
    expect(a.transform.lo).toBeCloseTo(-5.108773046906, 3);
  });
});

describe("raschAnalysis on the wINEQ quality-of-life survey (PCM)", () => {
  const a = raschAnalysis(loadResponses("qol_survey_wineq.csv", WINEQ_ITEMS, 1), { model: "pcm" });

  it("places items on eRm's scale shifted to a mean location of 0", () => {
    const shift = 0.604306591; // eRm's mean location (see erm-reference.ts)
    WINEQ_ERM.forEach((ref, i) => {
      expect(Math.abs(a.items[i]!.location - (ref.location - shift))).toBeLessThan(0.005);
      expect(Math.abs(a.fit.items[i]!.infit - ref.fit[0]!)).toBeLessThan(0.001);
      expect(Math.abs(a.fit.items[i]!.outfit - ref.fit[1]!)).toBeLessThan(0.001);
    });
    expect(a.reliability).toBeCloseTo(WINEQ_ERM_PERSONS.sepRel, 4);
    for (const ref of WINEQ_ERM_PERSONS.persons) {
      expect(Math.abs(a.fit.persons[ref.row - 1]!.infit! - ref.infit)).toBeLessThan(0.001);
    }
  });
});
