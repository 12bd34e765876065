import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom, sampleDist } from "../../../engine/random";
import {
  coverageCount,
  coverageInterval,
  describeDraws,
  shortestCoverageInterval,
  sortDraws,
  summariseDraws,
} from "../../../engine/uncertainty";

/** Sum of `k` independent draws of each input, one Float64Array. */
function sumOf(dists: Parameters<typeof sampleDist>[0][], m: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const out = new Float64Array(m);
  for (const d of dists) {
    const x = sampleDist(d, m, random);
    for (let i = 0; i < m; i++) out[i] += x[i]!;
  }
  return out;
}

describe("coverageCount", () => {
  it("takes q = pM when pM is an integer and int(pM + 1/2) otherwise (JCGM 101 §7.7.1)", () => {
    expect(coverageCount(20, 0.9, "t")).toBe(18); // pM = 18
    expect(coverageCount(10, 0.75, "t")).toBe(8); // pM = 7.5 → int(8.0) = 8
    expect(coverageCount(11, 0.8, "t")).toBe(9); // pM = 8.8 → int(9.3) = 9
    expect(coverageCount(1_000_000, 0.95, "t")).toBe(950_000);
  });

  it("refuses a probability outside (0, 1) and too few draws", () => {
    expect(() => coverageCount(100, 1, "f")).toThrow("f: coverage probability p must be in (0, 1)");
    expect(() => coverageCount(10, 0.99, "f")).toThrow(
      "f: 10 draws are too few for a 0.99 coverage interval",
    );
  });
});

describe("coverageInterval", () => {
  it("picks r = (M − q)/2 or int((M − q + 1)/2) on the sorted draws (JCGM 101 §7.7.2)", () => {
    // M = 20, p = 0.9: q = 18, r = 1 → [y(1), y(19)]
    const ys = Float64Array.from({ length: 20 }, (_, i) => 20 - i); // 20, 19, …, 1 (unsorted on purpose)
    expect(coverageInterval(ys, 0.9)).toEqual([1, 19]);
    // M = 10, p = 0.7: q = 7, M − q = 3 is odd → r = int(4/2) = 2 → [y(2), y(9)]
    const ten = Float64Array.from([9, 1, 8, 2, 7, 3, 6, 4, 5, 10]);
    expect(coverageInterval(ten, 0.7)).toEqual([2, 9]);
  });

  it("leaves the draws untouched", () => {
    const ys = Float64Array.from([3, 1, 2, 5, 4, 0, 9, 8, 7, 6]);
    const copy = Float64Array.from(ys);
    coverageInterval(ys, 0.8);
    shortestCoverageInterval(ys, 0.8);
    describeDraws(ys, 0.8);
    expect(ys).toEqual(copy);
  });

  it("refuses draws that are not finite", () => {
    expect(() => coverageInterval(Float64Array.from([1, NaN, 3]), 0.5)).toThrow(
      "sortDraws: draw 1 is not a finite number",
    );
    expect(() => summariseDraws(Float64Array.from([1, Infinity]))).toThrow("summariseDraws");
  });

  it("reproduces JCGM 101 §9.2.2: four standard normal inputs give u = 2 and [−3.92, 3.92]", () => {
    const m = 200_000;
    const n01 = { dist: "normal", mean: 0, sd: 1 } as const;
    const s = describeDraws(sumOf([n01, n01, n01, n01], m, 922), 0.95);
    // exact: Y ~ N(0, 4), interval ±1.959964·2 = ±3.919928
    // SE(mean) = 2/√M = 0.0045; SE(u) ≈ 2/√(2M) = 0.0032; SE(quantile) = √(p(1−p)/M)/f(q) with
    // f(3.92) = φ(1.96)/2 = 0.0292 → 3.5e-4/0.0292 = 0.012. Allow 4 SE.
    expect(Math.abs(s.estimate)).toBeLessThan(4 * 0.0045);
    expect(Math.abs(s.u - 2)).toBeLessThan(4 * 0.0032);
    expect(Math.abs(s.interval[0] + 3.919928)).toBeLessThan(4 * 0.012);
    expect(Math.abs(s.interval[1] - 3.919928)).toBeLessThan(4 * 0.012);
    expect(Math.abs(s.shortestInterval[0] + 3.919928)).toBeLessThan(6 * 0.012);
    expect(Math.abs(s.shortestInterval[1] - 3.919928)).toBeLessThan(6 * 0.012);
  });

  it("reproduces JCGM 101 §9.2.3: four rectangular inputs with sd 1 give [−3.88, 3.88]", () => {
    const m = 200_000;
    const r = Math.sqrt(3);
    const u01 = { dist: "uniform", min: -r, max: r } as const;
    const s = describeDraws(sumOf([u01, u01, u01, u01], m, 923), 0.95);
    // exact 97.5 % quantile of the Irwin–Hall sum (R: uniroot on the n = 4 CDF, then −4√3 + 2√3·s):
    // 3.87940674135; density there 0.0327998 → SE = √(0.975·0.025/M)/0.0328 = 0.0106. Published MCM
    // result (JCGM 101 Table 3): [−3.88, 3.88], u = 2.00.
    expect(Math.abs(s.u - 2)).toBeLessThan(4 * (2 / Math.sqrt(2 * m)));
    expect(Math.abs(s.interval[0] + 3.87940674135)).toBeLessThan(4 * 0.0106);
    expect(Math.abs(s.interval[1] - 3.87940674135)).toBeLessThan(4 * 0.0106);
  });

  it("reproduces JCGM 101 §9.2.4: rectangular inputs of different widths give about [−17.0, 17.0]", () => {
    const m = 200_000;
    const r = Math.sqrt(3);
    const u1 = { dist: "uniform", min: -r, max: r } as const;
    const u10 = { dist: "uniform", min: -10 * r, max: 10 * r } as const;
    const s = describeDraws(sumOf([u1, u1, u1, u10], m, 924), 0.95);
    // exact: u = √(1 + 1 + 1 + 100) = 10.149; 97.5 % quantile 17.0158 (R: integrate the convolution
    // of U(−10√3, 10√3) with the sum of three, then uniroot); the density there is 0.01633 (R, a
    // central difference of that CDF) → SE = 3.5e-4/0.01633 = 0.021. Published MCM result (JCGM 101
    // §9.2.4): [−17.0, 17.0], where the GUM framework's ±1.96u = ±19.9 is too wide.
    expect(Math.abs(s.u - Math.sqrt(103))).toBeLessThan(4 * (Math.sqrt(103) / Math.sqrt(2 * m)));
    expect(Math.abs(s.interval[0] + 17.0158)).toBeLessThan(4 * 0.021);
    expect(Math.abs(s.interval[1] - 17.0158)).toBeLessThan(4 * 0.021);
  });
});

describe("shortestCoverageInterval", () => {
  it("chooses the narrowest window of q + 1 order statistics (JCGM 101 §7.7.3)", () => {
    // M = 10, p = 0.5: q = 5. Widths y(r+5) − y(r): 5, 8, 18.9, 19.8, 48.7 → r* = 1 → [0, 5].
    // The symmetric one: M − q = 5 is odd → r = 3 → [y(3), y(8)] = [1.1, 20].
    const ys = Float64Array.from([50, 21, 20, 9, 5, 1.3, 1.2, 1.1, 1, 0]);
    expect(shortestCoverageInterval(ys, 0.5)).toEqual([0, 5]);
    expect(coverageInterval(ys, 0.5)).toEqual([1.1, 20]);
  });

  it("is never wider than the symmetric interval and covers as many draws", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 5, maxLength: 200 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (values, p) => {
          const ys = Float64Array.from(values);
          const m = ys.length;
          const pm = p * m;
          if (Math.floor(pm + 0.5) >= m || Math.floor(pm + 0.5) < 1) return;
          const q = coverageCount(m, p, "t");
          const sym = coverageInterval(ys, p);
          const short = shortestCoverageInterval(ys, p);
          const inside = ([lo, hi]: [number, number]): number =>
            values.filter((v) => v >= lo && v <= hi).length;
          expect(short[1] - short[0]).toBeLessThanOrEqual(sym[1] - sym[0]);
          // both span q + 1 order statistics, so both hold at least q + 1 draws
          expect(inside(sym)).toBeGreaterThanOrEqual(q + 1);
          expect(inside(short)).toBeGreaterThanOrEqual(q + 1);
        },
      ),
    );
  });

  it("does not depend on the order of the draws", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 30, maxLength: 100 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (values, seed) => {
          const random = createRandom(seed);
          const shuffled = values.slice();
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const a = Float64Array.from(values);
          const b = Float64Array.from(shuffled);
          expect(coverageInterval(b, 0.9)).toEqual(coverageInterval(a, 0.9));
          expect(shortestCoverageInterval(b, 0.9)).toEqual(shortestCoverageInterval(a, 0.9));
          expect(sortDraws(b)).toEqual(sortDraws(a));
        },
      ),
    );
  });
});

describe("summariseDraws", () => {
  it("gives the average and the (M − 1) standard deviation (JCGM 101 §7.6)", () => {
    // [1, 2, 3, 4]: mean 2.5; Σ(y − ȳ)² = 2.25 + 0.25 + 0.25 + 2.25 = 5; u = √(5/3) = 1.2909944
    const s = summariseDraws(Float64Array.from([4, 1, 3, 2]));
    expect(s.estimate).toBe(2.5);
    expect(s.u).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(s.draws).toBe(4);
    expect(summariseDraws(Float64Array.of(7)).u).toBe(0);
  });
});
