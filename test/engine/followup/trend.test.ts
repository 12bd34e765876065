import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectTrend, trend } from "../../../engine/followup";

describe("trend", () => {
  const periods = [
    { t: 2018, value: 61.2, u: 0.8 },
    { t: 2019, value: 62.0, u: 0.5 },
    { t: 2020, value: 61.5, u: 0.9 },
    { t: 2021, value: 63.1, u: 0.6 },
    { t: 2023, value: 64.0, u: 0.7 },
  ];

  it("matches R's weighted lm with the covariance implied by the stated u", () => {
    // R: fit <- lm(y ~ t, weights = 1/u^2); coef(fit); summary(fit)$cov.unscaled; sum(resid(fit)^2/u^2)
    const r = trend(periods);
    expect(r.slope).toBeCloseTo(0.546046529242251, 10);
    expect(r.intercept).toBeCloseTo(-1040.643752069813, 6);
    expect(r.uSlope).toBeCloseTo(Math.sqrt(0.0321297362489583), 10);
    expect(r.uIntercept).toBeCloseTo(Math.sqrt(131122.1006545966), 5);
    expect(r.covariance).toBeCloseTo(-64.906977624685112, 7);
    expect(r.chi2).toBeCloseTo(1.16202899157442, 10);
    expect(r.dof).toBe(3);
  });

  it("fits two points exactly", () => {
    // through (0, 1) and (2, 5): slope 2, intercept 1; u(b)² = 1/S_tt with t̄ = 1, S_tt = 1 + 1 = 2
    const r = trend([
      { t: 0, value: 1, u: 1 },
      { t: 2, value: 5, u: 1 },
    ]);
    expect(r.slope).toBe(2);
    expect(r.intercept).toBe(1);
    expect(r.uSlope).toBeCloseTo(Math.sqrt(0.5), 15);
    expect(r.chi2).toBe(0);
    expect(r.chi2PerDof).toBeNaN();
  });

  it("does not depend on the order of the periods", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(periods, { minLength: periods.length, maxLength: periods.length }),
        (shuffled) => {
          const a = trend(periods);
          const b = trend(shuffled);
          expect(b.slope).toBeCloseTo(a.slope, 10);
          expect(b.uSlope).toBeCloseTo(a.uSlope, 10);
        },
      ),
      { numRuns: 20 },
    );
  });

  it("refuses a single period, all equal times and zero uncertainty", () => {
    expect(() => trend([periods[0]!])).toThrow("trend: there must be at least two periods");
    expect(() => trend([periods[0]!, { ...periods[1]!, t: 2018 }])).toThrow(
      "trend: the periods must not all have the same t",
    );
    expect(() => trend([periods[0]!, { ...periods[1]!, u: 0 }])).toThrow(
      "trend: periods[1].u must be a finite number > 0",
    );
  });
});

describe("projectTrend", () => {
  it("carries the fit's covariance to a target year", () => {
    const fit = trend([
      { t: 2018, value: 61.2, u: 0.8 },
      { t: 2019, value: 62.0, u: 0.5 },
      { t: 2020, value: 61.5, u: 0.9 },
      { t: 2021, value: 63.1, u: 0.6 },
      { t: 2023, value: 64.0, u: 0.7 },
    ]);
    // R: p <- predict(fit, data.frame(t = 2026), se.fit = TRUE); c(p$fit, p$se.fit / summary(fit)$sigma)
    // (dividing by sigma leaves the uncertainty implied by the stated u): 65.6465161749863, 1.0883872480157
    const p = projectTrend(fit, 2026);
    expect(p.value).toBeCloseTo(65.6465161749863, 9);
    expect(p.u).toBeCloseTo(1.0883872480157, 9);
  });
});
