import { describe, expect, it } from "vitest";
import { densityPath, distFromFields, distSummary, fieldsFromDist } from "~/components/pages/dist-shape";

describe("the distribution picker's arithmetic", () => {
  it("gives a normal's 95 % range as mean ± 1.959964·sd", () => {
    const s = distSummary({ dist: "normal", mean: 10, sd: 2 });
    // 10 ± 1.959964 × 2 = [6.080072, 13.919928]
    expect(s.mean).toBe(10);
    expect(s.sd).toBe(2);
    expect(s.lo).toBeCloseTo(6.080072, 5);
    expect(s.hi).toBeCloseTo(13.919928, 5);
  });

  it("gives a triangular's 95 % range from its inverse CDF", () => {
    // min 0, mode 5, max 10: F(x) = x²/50 below the mode, so x_0.025 = √(0.025·50) = √1.25 = 1.118034;
    // by symmetry x_0.975 = 10 − 1.118034 = 8.881966. sd = √((0+100+25−0−0−50)/18) = √(75/18) = 2.041241.
    const s = distSummary({ dist: "triangular", min: 0, mode: 5, max: 10 });
    expect(s.lo).toBeCloseTo(1.118034, 5);
    expect(s.hi).toBeCloseTo(8.881966, 5);
    expect(s.sd).toBeCloseTo(2.041241, 5);
  });

  it("agrees with R's qbeta for a PERT range", () => {
    // PERT(0, 2, 10): α = 1 + 4·2/10 = 1.8, β = 1 + 4·8/10 = 4.2;
    // R: qbeta(c(.025,.975), 1.8, 4.2) * 10 = 0.3921272365, 6.8313430990
    const s = distSummary({ dist: "pert", min: 0, mode: 2, max: 10 });
    expect(s.lo).toBeCloseTo(0.3921272, 3);
    expect(s.hi).toBeCloseTo(6.8313431, 3);
    // mean (0 + 4·2 + 10)/6 = 3
    expect(s.mean).toBeCloseTo(3, 12);
  });

  it("agrees with R's qlnorm for a lognormal range", () => {
    // R: qlnorm(c(.025,.975), log(100), log(1.5)) = 45.17180808, 221.37701425
    const s = distSummary({ dist: "lognormal", median: 100, gsd: 1.5 });
    expect(s.lo).toBeCloseTo(45.171808, 4);
    expect(s.hi).toBeCloseTo(221.377014, 4);
  });

  it("reads Swedish decimal commas and names each bad parameter", () => {
    expect(distFromFields({ type: "normal", params: { mean: "1,5", sd: "0,25" } })).toEqual({
      dist: { dist: "normal", mean: 1.5, sd: 0.25 },
      errors: null,
    });
    expect(distFromFields({ type: "normal", params: { mean: "", sd: "-1" } }).errors).toEqual({
      mean: "pages.err.required",
    });
    expect(distFromFields({ type: "normal", params: { mean: "0", sd: "-1" } }).errors).toEqual({
      sd: "dist.err.sd",
    });
    expect(distFromFields({ type: "pert", params: { min: "0", mode: "12", max: "10" } }).errors).toEqual({
      mode: "dist.err.mode",
    });
    expect(distFromFields({ type: "uniform", params: { min: "5", max: "1" } }).errors).toEqual({
      max: "dist.err.maxMin",
    });
    expect(distFromFields({ type: "lognormal", params: { median: "0", gsd: "0.5" } }).errors).toEqual({
      median: "dist.err.median",
      gsd: "dist.err.gsd",
    });
    expect(distFromFields({ type: "exact", params: { value: "1e3" } }).dist).toBe(1000);
    expect(distFromFields({ type: "exact", params: { value: "12abc" } }).errors).toEqual({
      value: "pages.err.number",
    });
  });

  it("round-trips a distribution through its fields", () => {
    const d = { dist: "triangular" as const, min: -1, mode: 0.5, max: 4 };
    expect(distFromFields(fieldsFromDist(d)).dist).toEqual(d);
    expect(distFromFields(fieldsFromDist(7)).dist).toBe(7);
  });

  it("draws a closed density path inside its box, and a spike for a point mass", () => {
    const p = densityPath({ dist: "uniform", min: 0, max: 10 }, 200, 50);
    // Range padded by 10 % of the width on each side.
    expect([p.lo, p.hi]).toEqual([-1, 11]);
    expect(p.d.startsWith("M0,50 L")).toBe(true);
    expect(p.d.endsWith("L200,50 Z")).toBe(true);
    const coords = p.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(Math.min(...coords)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...coords)).toBeLessThanOrEqual(200);
    expect(densityPath(3, 200, 50)).toEqual({ d: "M100.0,50 L100.0,2", lo: 3, hi: 3 });
  });
});
