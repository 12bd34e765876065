import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAnalysis } from "../../../engine/decision/analysis-schema";
import { optimisePortfolio, type PortfolioConstraints } from "../../../engine/portfolio/optimise-portfolio";
import { sampleModel } from "../../../engine/ranking/sample-model";
import { welfareChange } from "../../../engine/ranking/welfare-change";
import { welfareState } from "../../../engine/ranking/welfare-state";
import { handAnalysis } from "../decision/fixtures";

function mean(x: Float64Array): number {
  return x.reduce((s, v) => s + v, 0) / x.length;
}

/** Every subset, checked against every constraint, valued by the ranking's own joint ΔW. */
function bruteForce(
  model: ReturnType<typeof sampleModel>,
  state: ReturnType<typeof welfareState>,
  c: PortfolioConstraints,
) {
  const n = model.candidates.length;
  let best: { value: number; set: number[] } | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const set = Array.from({ length: n }, (_, i) => i).filter((i) => mask & (1 << i));
    const has = (i: number) => (mask & (1 << i)) !== 0;
    if (set.some((i) => !c.allowed[i])) continue;
    if (c.required.some((r, i) => r && !has(i))) continue;
    if (set.some((i) => c.dependsOn[i]!.some((j) => !has(j)))) continue;
    if (c.excludes.some(([a, b]) => has(a) && has(b))) continue;
    const cost = set.reduce((s, i) => s + model.candidates[i]!.expectedCost, 0);
    if (cost > c.budget * (1 + 1e-9)) continue;
    const byDept = new Map<string, number>();
    for (const i of set) {
      const d = c.department[i];
      if (d) byDept.set(d, (byDept.get(d) ?? 0) + model.candidates[i]!.expectedCost);
    }
    if ([...byDept].some(([d, v]) => c.caps.has(d) && v > c.caps.get(d)! * (1 + 1e-9))) continue;
    const value = mean(
      welfareChange(
        model,
        state,
        set.map((i) => model.candidates[i]!),
      ),
    );
    if (!best || value > best.value + 1e-12) best = { value, set };
  }
  return best;
}

describe("optimisePortfolio", () => {
  it("picks by joint ΔW on the hand-worked case", () => {
    // ε = 0: ΔW_x = 1.25 (cost 1 M), ΔW_y = 3 (cost 2 M); budget 2 M ⇒ y alone; 3 M ⇒ both, joint 4.25
    const a = parseAnalysis(handAnalysis(0));
    const model = sampleModel(a);
    const state = welfareState(model, 0);
    const base = {
      allowed: [true, true],
      required: [false, false],
      dependsOn: [[], []],
      excludes: [],
      department: [null, null],
      caps: new Map(),
    };
    const two = optimisePortfolio(model, state, { ...base, budget: 2e6 });
    expect(two.selected).toEqual([1]);
    expect(two.expectedImpact).toBeCloseTo(3, 12);
    const three = optimisePortfolio(model, state, { ...base, budget: 3e6 });
    expect(three.selected).toEqual([0, 1]);
    expect(three.expectedImpact).toBeCloseTo(4.25, 12);
    expect(three.pWithinBudget).toBe(1);
    // a dependency of y on x with budget 2 M leaves x alone (y cannot come without x)
    const dep = optimisePortfolio(model, state, { ...base, budget: 2e6, dependsOn: [[], [0]] });
    expect(dep.selected).toEqual([0]);
  });

  it("evaluates a combination's joint EDE, not the sum of single impacts, when ε > 0", () => {
    // ε = 2, both chosen: 1/(¼/55 + ¾/94) − 75 = 1/(0.00454545 + 0.00797872) − 75 = 79.845 − 75 = 4.845,
    // while ΔW_x + ΔW_y = 2.647059 + 2.049180 = 4.696
    const a = parseAnalysis(handAnalysis(2));
    const model = sampleModel(a);
    const state = welfareState(model, 2);
    const both = optimisePortfolio(model, state, {
      budget: 3e6,
      allowed: [true, true],
      required: [false, false],
      dependsOn: [[], []],
      excludes: [],
      department: [null, null],
      caps: new Map(),
    });
    expect(both.expectedImpact).toBeCloseTo(1 / (0.25 / 55 + 0.75 / 94) - 75, 9);
    expect(both.expectedImpact).toBeCloseTo(4.8453, 3);
  });

  it("reports the conflicting constraints when no selection is feasible", () => {
    const a = parseAnalysis(handAnalysis(0));
    const model = sampleModel(a);
    const state = welfareState(model, 0);
    const r = optimisePortfolio(model, state, {
      budget: 2.5e6,
      allowed: [false, true],
      required: [true, true],
      dependsOn: [[], []],
      excludes: [[0, 1]],
      department: ["a", "a"],
      caps: new Map([["a", 1e6]]),
    });
    expect(r.feasible).toBe(false);
    expect(r.conflicts).toEqual([
      "x is required but excluded by a rule",
      "x and y are both required but exclude each other",
      "required candidates x, y cost 3000000 SEK, more than the budget 2500000 SEK",
      "required candidates of department a cost 3000000 SEK, more than its cap 1000000 SEK",
    ]);
  });

  it("finds the same optimum as brute force on random small cases", () => {
    const caseArb = fc.record({
      eps: fc.constantFrom(0, 0.5, 1, 2),
      n: fc.integer({ min: 1, max: 6 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 }),
      budget: fc.double({ min: 0, max: 6, noNaN: true }),
      changes: fc.array(fc.double({ min: -10, max: 25, noNaN: true }), { minLength: 12, maxLength: 12 }),
      costs: fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 6, maxLength: 6 }),
      deps: fc.array(fc.integer({ min: -4, max: 5 }), { minLength: 6, maxLength: 6 }),
      excl: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), {
        maxLength: 2,
      }),
      required: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      allowed: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      dept: fc.array(fc.constantFrom(null, "a", "b"), { minLength: 6, maxLength: 6 }),
      cap: fc.double({ min: 0, max: 4, noNaN: true }),
    });
    fc.assert(
      fc.property(caseArb, (k) => {
        const segs = ["s1", "s2", "s3"];
        const input = {
          format: "livsval.analysis/1",
          seed: k.seed,
          draws: 40,
          dimensions: [
            { id: "d1", label: "1" },
            { id: "d2", label: "2" },
          ],
          segments: segs.map((id, s) => ({
            id,
            population: 1 + s,
            scores: { d1: { value: 30 + 20 * s, u: 5 }, d2: { value: 70 - 15 * s, u: 5 } },
          })),
          interventions: Array.from({ length: k.n }, (_, i) => ({
            id: `c${i}`,
            label: `c${i}`,
            cost: { dist: "uniform", min: k.costs[i]! * 0.8e6, max: k.costs[i]! * 1.2e6 },
            effects: [
              {
                segment: segs[i % 3]!,
                dimension: "d1",
                change: { dist: "normal", mean: k.changes[2 * i]!, sd: 2 },
                reach: 0.5,
              },
              { segment: segs[(i + 1) % 3]!, dimension: "d2", change: k.changes[2 * i + 1]!, reach: 0.3 },
            ],
          })),
          scenario: { id: "t", weights: { d1: [0.2, 0.8], d2: [0.2, 0.8] }, inequalityAversion: k.eps },
        };
        const model = sampleModel(parseAnalysis(input));
        const state = welfareState(model, k.eps);
        const n = k.n;
        const c: PortfolioConstraints = {
          budget: k.budget * 1e6,
          allowed: k.allowed.slice(0, n),
          required: k.required.slice(0, n).map((r, i) => r && i % 3 === 0),
          dependsOn: k.deps.slice(0, n).map((d, i) => (d >= 0 && d < n && d !== i ? [d] : [])),
          excludes: k.excl.filter(([a, b]) => a < n && b < n && a !== b) as [number, number][],
          department: k.dept.slice(0, n),
          caps: new Map([["a", k.cap * 1e6]]),
        };
        const bb = optimisePortfolio(model, state, c);
        const bf = bruteForce(model, state, c);
        expect(bb.feasible).toBe(bf !== null);
        if (bf) {
          expect(bb.exact).toBe(true);
          expect(bb.expectedImpact).toBeCloseTo(bf.value, 9);
          expect(
            mean(
              welfareChange(
                model,
                state,
                bb.selected.map((i) => model.candidates[i]!),
              ),
            ),
          ).toBeCloseTo(bf.value, 9);
        }
      }),
      { numRuns: 150, seed: 20261204 },
    );
  });
});
