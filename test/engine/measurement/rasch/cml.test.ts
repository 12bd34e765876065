import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cml,
  conditionalLikelihood,
  prepareResponses,
  type ResponseData,
} from "../../../../engine/measurement/rasch";
import { createRandom } from "../../../../engine/random";
import { LSAT_ERM, PTSD_ERM, WINEQ_ERM } from "./erm-reference";
import { loadResponses, WINEQ_ITEMS } from "./load-fixture";

/** Agreement with eRm asked for by the brief: 0.005 logits. */
const LOGIT_TOL = 0.005;

function expectClose(actual: ArrayLike<number>, expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) expect(Math.abs(actual[k]! - expected[k]!)).toBeLessThan(tol);
}

describe("cml", () => {
  it("solves two dichotomous items in closed form", () => {
    // Given r = 1, P(1,0) = ε1/(ε1 + ε2), so the CML solution is δ2 − δ1 = ln(n10/n01); with mean 0,
    // δ1 = −½·ln(n10/n01). n10 = 30, n01 = 10: δ1 = −½ ln 3 = −0.549306. Var(δ2 − δ1) = 1/(n·p·(1 − p))
    // with n = 40, p = 3/4 → 1/7.5; SE(δ1) = ½·√(1/7.5) = 0.182574.
    const responses = [
      ...Array.from({ length: 30 }, () => [1, 0]),
      ...Array.from({ length: 10 }, () => [0, 1]),
      ...Array.from({ length: 5 }, () => [1, 1]),
      ...Array.from({ length: 5 }, () => [0, 0]),
    ];
    const r = cml(prepareResponses({ items: ["a", "b"], responses }, "rasch"));
    expect(r.thresholds[0]![0]).toBeCloseTo(-0.5 * Math.log(3), 9);
    expect(r.thresholds[1]![0]).toBeCloseTo(0.5 * Math.log(3), 9);
    expect(r.locationSe[0]).toBeCloseTo(0.5 * Math.sqrt(1 / 7.5), 9);
  });

  it("agrees with eRm's RM on the LSAT data", () => {
    const r = cml(prepareResponses(loadResponses("lsat_dichotomous.csv"), "rasch"));
    expectClose(r.locations, LSAT_ERM.difficulty, LOGIT_TOL);
    expectClose(r.locationSe, LSAT_ERM.se, 0.001);
  });

  it("agrees with eRm's PCM on the PTSD data with its missing responses", () => {
    const r = cml(prepareResponses(loadResponses("ptsd_wenchuan.csv", undefined, 1), "pcm"), {
      identification: "erm",
    });
    PTSD_ERM.forEach((ref, i) => {
      expectClose(r.thresholds[i]!, ref.thresholds, LOGIT_TOL);
      expect(Math.abs(r.locations[i]! - ref.location)).toBeLessThan(LOGIT_TOL);
      expectClose(r.thresholdSe[i]!, ref.se, 0.002);
    });
  });

  it("agrees with eRm's PCM on the wINEQ quality-of-life survey", () => {
    const r = cml(prepareResponses(loadResponses("qol_survey_wineq.csv", WINEQ_ITEMS, 1), "pcm"), {
      identification: "erm",
    });
    WINEQ_ERM.forEach((ref, i) => {
      expectClose(r.thresholds[i]!, ref.thresholds, LOGIT_TOL);
      expectClose(r.thresholdSe[i]!, ref.se, 0.002);
    });
  });

  it("by default centres the item locations at 0, a shift of eRm's thresholds", () => {
    const r = cml(prepareResponses(loadResponses("ptsd_wenchuan.csv", undefined, 1), "pcm"));
    const mean = r.locations.reduce((s, x) => s + x, 0) / r.locations.length;
    expect(Math.abs(mean)).toBeLessThan(1e-9);
    // eRm's mean PTSD location is 0.4973521624: every eRm threshold minus that shift
    const shift = 0.4973521624;
    PTSD_ERM.forEach((ref, i) =>
      expectClose(
        r.thresholds[i]!,
        ref.thresholds.map((d) => d - shift),
        LOGIT_TOL,
      ),
    );
  });

  it("does not change its input", () => {
    const data = loadResponses("lsat_dichotomous.csv");
    const copy = JSON.parse(JSON.stringify(data)) as ResponseData;
    cml(prepareResponses(data, "rasch"));
    expect(data).toEqual(copy);
  });
});

/** Simulate PCM responses of `n` persons, θ ~ N(0, 1) by Box–Muller, from the seeded generator. */
function simulate(seed: number, thresholds: number[][], n: number, shift = 0): (number | null)[][] {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => {
    const theta = Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random()) + shift;
    return thresholds.map((d) => {
      const w = [1];
      for (let h = 0; h < d.length; h++) w.push(w[h]! * Math.exp(theta - d[h]!));
      const total = w.reduce((s, x) => s + x, 0);
      let u = random() * total;
      let h = 0;
      while (u > w[h]! && h < d.length) u -= w[h++]!;
      return h;
    });
  });
}

describe("cml properties", () => {
  const thresholds = [
    [-1, 0.5],
    [-0.5, 0, 1],
    [0.2, 1.2],
    [-1.5, -0.2],
  ];
  const items = ["a", "b", "c", "d"];

  it("does not depend on the order of the persons", () => {
    const responses = simulate(7, thresholds, 150);
    const base = cml(prepareResponses({ items, responses }, "pcm"));
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 150, maxLength: 150 }), (keys) => {
        const order = responses.map((_, k) => k).sort((a, b) => keys[a]! - keys[b]! || a - b);
        const r = cml(prepareResponses({ items, responses: order.map((k) => responses[k]!) }, "pcm"));
        r.thresholds.forEach((d, i) => expectClose(d, Array.from(base.thresholds[i]!), 1e-9));
      }),
      { numRuns: 20 },
    );
  });

  it("absorbs a constant added to all thresholds into the identification", () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (c) => {
        // Same seed, persons and thresholds all shifted by c: the same responses, the same
        // estimates with mean location 0, and a likelihood that does not see the shift.
        const shifted = thresholds.map((d) => d.map((x) => x + c));
        const a = cml(prepareResponses({ items, responses: simulate(3, thresholds, 120) }, "pcm"));
        const prepared = prepareResponses({ items, responses: simulate(3, shifted, 120, c) }, "pcm");
        const b = cml(prepared);
        b.thresholds.forEach((d, i) => expectClose(d, Array.from(a.thresholds[i]!), 1e-9));
        const moved = b.beta.map((x, p) => x - c * (p - prepared.offsets[itemOf(prepared.offsets, p)]! + 1));
        expect(conditionalLikelihood(prepared, moved, false).logLik).toBeCloseTo(b.logLik, 8);
      }),
      { numRuns: 20 },
    );
  });
});

function itemOf(offsets: Int32Array, p: number): number {
  let i = 0;
  while (offsets[i + 1]! <= p) i++;
  return i;
}

describe("cml existence", () => {
  // b and d are only ever 1 when a and c are both 1: shifting b and d up always raises L_C
  const neverBeaten = [
    [1, 0, 1, 0],
    [1, 1, 1, 0],
    [1, 0, 1, 1],
    [1, 0, 0, 0],
    [0, 0, 1, 0],
    [1, 0, 1, 0],
  ];
  const items = ["a", "b", "c", "d"];

  it("refuses items that are never beaten (Fischer's condition), naming them", () => {
    expect(() => cml(prepareResponses({ items, responses: neverBeaten }, "rasch"))).toThrow(
      'checkConnectivity: no person with a non-extreme score is above the lowest category on "b", "d" while below the highest on "a", "c"',
    );
  });

  it("accepts the same items once one person beats them", () => {
    // the last person now has b = 1 with a = 0
    const responses = [...neverBeaten.slice(0, 5), [0, 1, 1, 0]];
    const r = cml(prepareResponses({ items, responses }, "rasch"));
    for (const se of r.locationSe) expect(se).toBeLessThan(5);
  });
});
