import { describe, expect, it } from "vitest";
import { sampleWeights } from "../../../engine/ranking/sample-weights";
import { createRandom } from "../../../engine/random";

const dims = ["a", "b", "c"];
const n = 6000;

function column(w: Float64Array, d: number): Float64Array {
  return w.subarray(d * n, (d + 1) * n);
}
function mean(x: Float64Array): number {
  return x.reduce((s, v) => s + v, 0) / x.length;
}

describe("sampleWeights", () => {
  it("normalises exact weights and repeats them in every draw", () => {
    const w = sampleWeights({ a: 2, b: 1, c: 1 }, dims, 3, createRandom(1));
    expect(Array.from(w)).toEqual([0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25]);
  });

  it("draws uniformly on the simplex when there is no weight information", () => {
    const w = sampleWeights("none", dims, n, createRandom(2));
    for (let t = 0; t < n; t++) expect(w[t]! + w[n + t]! + w[2 * n + t]!).toBeCloseTo(1, 12);
    // Dirichlet(1,1,1): each weight has mean 1/3 and variance (1·2)/(3²·4) = 1/18, SE √(1/18/6000) = 0.003
    for (let d = 0; d < 3; d++)
      expect(Math.abs(mean(column(w, d)) - 1 / 3)).toBeLessThan(3 * Math.sqrt(1 / 18 / n));
  });

  it("keeps an ordinal ranking in every draw, with the expected means of ordered spacings", () => {
    const w = sampleWeights({ order: ["c", "a", "b"] }, dims, n, createRandom(3));
    for (let t = 0; t < n; t++) {
      expect(w[2 * n + t]!).toBeGreaterThanOrEqual(w[t]!);
      expect(w[t]!).toBeGreaterThanOrEqual(w[n + t]!);
    }
    // the k-th largest of a uniform 3-simplex point has mean (1/3)Σ_{j≥k} 1/j (rank-order-centroid
    // weights, Barron & Barrett 1996): 11/18, 5/18, 2/18; their SDs are below 0.2, SE < 0.0026
    expect(Math.abs(mean(column(w, 2)) - 11 / 18)).toBeLessThan(0.008);
    expect(Math.abs(mean(column(w, 0)) - 5 / 18)).toBeLessThan(0.008);
    expect(Math.abs(mean(column(w, 1)) - 2 / 18)).toBeLessThan(0.008);
  });

  it("stays within interval bounds and sums to one", () => {
    const w = sampleWeights({ a: [0.1, 0.3], b: [0.2, 0.5], c: 0.4 }, dims, n, createRandom(4));
    for (let t = 0; t < n; t++) {
      expect(w[t]!).toBeGreaterThanOrEqual(0.1 - 1e-12);
      expect(w[t]!).toBeLessThanOrEqual(0.3 + 1e-12);
      expect(w[2 * n + t]).toBe(0.4);
      expect(w[t]! + w[n + t]! + w[2 * n + t]!).toBeCloseTo(1, 12);
    }
    // a + b = 0.6 with a ∈ [0.1, 0.3], b ∈ [0.2, 0.5] ⇒ a uniform on [0.1, 0.3] (b = 0.6 − a ∈ [0.3, 0.5]):
    // mean 0.2, SD 0.2/√12 = 0.0577, SE 0.00075
    expect(Math.abs(mean(column(w, 0)) - 0.2)).toBeLessThan(3 * (0.2 / Math.sqrt(12) / Math.sqrt(n)));
  });

  it("refuses intervals too narrow to sample instead of looping", () => {
    // w ≤ 0.3334 each leaves a triangle of side ~3·0.0002 around (⅓, ⅓, ⅓): acceptance ~4·10⁻⁸
    const narrow = { a: [0, 0.3334], b: [0, 0.3334], c: [0, 0.3334] } as Record<string, [number, number]>;
    expect(() => sampleWeights(narrow, dims, 2, createRandom(5))).toThrow(
      /sampleWeights: weight intervals are too narrow/,
    );
  });
});
