import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  atkinson,
  equallyDistributedEquivalent,
  gini,
  theil,
  theilDecomposition,
} from "../../../engine/equity";

const positive = fc.double({ min: 0.01, max: 1e4, noNaN: true });
const weight = fc.double({ min: 0.01, max: 1e3, noNaN: true });
const epsilon = fc.double({ min: 0, max: 5, noNaN: true });
/** Values with weights, of one length. */
const weighted = fc
  .array(fc.tuple(positive, weight), { minLength: 1, maxLength: 30 })
  .map((pairs) => ({ x: pairs.map((p) => p[0]), w: pairs.map((p) => p[1]) }));

describe("inequality measure properties", () => {
  it("gives Gini, Atkinson and Theil of 0 when everyone has the same value", () => {
    fc.assert(
      fc.property(positive, fc.array(weight, { minLength: 1, maxLength: 30 }), epsilon, (v, w, e) => {
        const x = w.map(() => v);
        expect(Math.abs(gini(x, w))).toBeLessThan(1e-12);
        expect(Math.abs(atkinson(x, w, e))).toBeLessThan(1e-12);
        expect(theil(x, w)).toBeLessThan(1e-12);
      }),
    );
  });

  it("splits Theil's T exactly into between and within parts", () => {
    fc.assert(
      fc.property(
        weighted,
        fc.array(fc.constantFrom("a", "b", "c"), { minLength: 30, maxLength: 30 }),
        ({ x, w }, labels) => {
          const d = theilDecomposition(x, w, labels.slice(0, x.length));
          expect(Math.abs(d.between + d.within - d.total)).toBeLessThan(1e-10 * Math.max(1, d.total));
          expect(d.between).toBeGreaterThanOrEqual(-1e-12);
        },
      ),
    );
  });

  it("does not change when every weight is multiplied by c > 0 or the rows are reordered", () => {
    fc.assert(
      fc.property(weighted, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), epsilon, ({ x, w }, c, e) => {
        const scaled = w.map((wi) => wi * c);
        const rev = [...x].reverse();
        const revW = [...w].reverse();
        for (const [a, b] of [
          [gini(x, w), gini(x, scaled)],
          [gini(x, w), gini(rev, revW)],
          [atkinson(x, w, e), atkinson(x, scaled, e)],
          [atkinson(x, w, e), atkinson(rev, revW, e)],
          [theil(x, w), theil(rev, revW)],
        ]) {
          expect(Math.abs(a! - b!)).toBeLessThan(1e-10);
        }
      }),
    );
  });

  it("keeps the EDE between the smallest and largest value and falling as ε grows", () => {
    fc.assert(
      fc.property(weighted, epsilon, epsilon, ({ x, w }, e1, e2) => {
        const [lo, hi] = [Math.min(...x), Math.max(...x)];
        const a = equallyDistributedEquivalent(x, w, Math.min(e1, e2));
        const b = equallyDistributedEquivalent(x, w, Math.max(e1, e2));
        expect(a).toBeGreaterThanOrEqual(lo * (1 - 1e-12));
        expect(a).toBeLessThanOrEqual(hi * (1 + 1e-12));
        expect(b).toBeLessThanOrEqual(a * (1 + 1e-12));
      }),
    );
  });

  it("keeps Gini and Atkinson in [0, 1) for positive values", () => {
    fc.assert(
      fc.property(weighted, epsilon, ({ x, w }, e) => {
        for (const v of [gini(x, w), atkinson(x, w, e)]) {
          expect(v).toBeGreaterThan(-1e-12);
          expect(v).toBeLessThan(1);
        }
      }),
    );
  });
});
