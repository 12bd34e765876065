import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom, type Dist } from "../../../engine/random";
import { propagateExpression } from "../../../engine/uncertainty";

const massInputs: Record<string, Dist> = {
  mRc: { dist: "normal", mean: 100000, sd: 0.05 },
  dmRc: { dist: "normal", mean: 1.234, sd: 0.02 },
  rhoA: { dist: "uniform", min: 1.1, max: 1.3 },
  rhoW: { dist: "uniform", min: 7000, max: 9000 },
  rhoR: { dist: "uniform", min: 7950, max: 8050 },
};
const massExpression = "(mRc + dmRc) * (1 + (rhoA - 1.2) * (1 / rhoW - 1 / rhoR)) - 100000";

describe("propagateExpression", () => {
  it("reproduces the mass calibration of JCGM 101 §9.3 within Monte Carlo error", () => {
    const r = propagateExpression(
      { expression: massExpression, inputs: massInputs, draws: 200_000 },
      createRandom(2008),
    );
    // Published MCM (JCGM 101 Table 7, 10⁶ trials): 1.2341 mg, u 0.0754 mg, shortest 95 % interval
    // [1.0834, 1.3825] mg. Reference with 10⁷ draws in R (rnorm/runif, same model): mean 1.23402,
    // u 0.075494, symmetric [1.08440, 1.38359], shortest [1.08402, 1.38319]. Spread of 50 R runs of
    // 2·10⁵ draws: SE(mean) 1.7e-4, SE(u) 1.2e-4, SE(symmetric ends) 4.7e-4, SE(shortest ends) 1.3e-3.
    // Allow 4 SE around the R reference.
    expect(Math.abs(r.estimate - 1.23402)).toBeLessThan(4 * 1.7e-4);
    expect(Math.abs(r.u - 0.075494)).toBeLessThan(4 * 1.2e-4);
    expect(Math.abs(r.interval[0] - 1.0844)).toBeLessThan(4 * 4.7e-4);
    expect(Math.abs(r.interval[1] - 1.38359)).toBeLessThan(4 * 4.7e-4);
    expect(Math.abs(r.shortestInterval[0] - 1.08402)).toBeLessThan(4 * 1.3e-3);
    expect(Math.abs(r.shortestInterval[1] - 1.38319)).toBeLessThan(4 * 1.3e-3);
    // the published values agree to within the same tolerance
    expect(Math.abs(r.shortestInterval[0] - 1.0834)).toBeLessThan(4 * 1.3e-3 + 7e-4);
    // GUM first order (Table 7): u = 0.0539 mg, which MCM shows to be too small
    expect(r.gum!.u).toBeCloseTo(0.0539, 4);
  });

  it("is reproducible bit for bit from the seed", () => {
    const model = {
      expression: "a * exp(b) / c",
      inputs: {
        a: 2,
        b: { dist: "normal", mean: 0, sd: 0.3 },
        c: { dist: "pert", min: 1, mode: 2, max: 5 },
      } as Record<string, Dist>,
      draws: 70_000,
    };
    const x = propagateExpression(model, createRandom(99));
    const y = propagateExpression(model, createRandom(99));
    expect(Object.is(x.estimate, y.estimate) && Object.is(x.u, y.u)).toBe(true);
    expect(x.interval).toEqual(y.interval);
    expect(x.shortestInterval).toEqual(y.shortestInterval);
  });

  it("gives the same result whatever the order of the inputs' keys", () => {
    const names = Object.keys(massInputs);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length }),
        (order) => {
          const shuffled = Object.fromEntries(order.map((n) => [n, massInputs[n]!]));
          const a = propagateExpression(
            { expression: massExpression, inputs: shuffled, draws: 2000 },
            createRandom(3),
          );
          const b = propagateExpression(
            { expression: massExpression, inputs: massInputs, draws: 2000 },
            createRandom(3),
          );
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 10 },
    );
  });

  it("refuses an expression that is not finite on some draws, saying how often", () => {
    expect(() =>
      propagateExpression(
        { expression: "log(x)", inputs: { x: { dist: "normal", mean: 0, sd: 1 } }, draws: 1000 },
        createRandom(1),
      ),
    ).toThrow(/propagateExpression: the expression is not a finite number for \d+ of 1000 draws/);
  });

  it("handles an expression without inputs and exact inputs", () => {
    const r = propagateExpression({ expression: "2 * k + 1", inputs: { k: 3 }, draws: 100 }, createRandom(1));
    expect(r.estimate).toBe(7);
    expect(r.u).toBe(0);
    expect(r.interval).toEqual([7, 7]);
    expect(r.gum).toEqual({ estimate: 7, u: 0 });
  });
});
