import { describe, expect, it } from "vitest";
import { conditionalLikelihood, prepareResponses } from "../../../../engine/measurement/rasch";
import { createRandom } from "../../../../engine/random";

describe("conditionalLikelihood", () => {
  it("gives the hand-computed log-likelihood of two dichotomous items", () => {
    // β = (ln 2, 0): ε = (2, 1). Persons (1,0) and (0,1) have raw score 1, γ1 = 3.
    // ln L = [ln 2 − ln 3] + [0 − ln 3]; persons (0,0) and (1,1) contribute 0 (extreme).
    const p = prepareResponses(
      {
        items: ["a", "b"],
        responses: [
          [1, 0],
          [0, 1],
          [0, 0],
          [1, 1],
        ],
      },
      "rasch",
    );
    const l = conditionalLikelihood(p, Float64Array.of(Math.log(2), 0), true);
    expect(l.logLik).toBeCloseTo(Math.log(2) - 2 * Math.log(3), 12);
    // gradient N − E: item a: N = 2, E = 1 (from (1,1)) + 2 persons · 2/3 = 7/3 → −1/3;
    // item b: N = 2, E = 1 + 2 · 1/3 = 5/3 → 1/3
    expect(l.gradient[0]).toBeCloseTo(-1 / 3, 12);
    expect(l.gradient[1]).toBeCloseTo(1 / 3, 12);
    // information: Var(t_a | r = 1)·2 persons = 2·(2/3)(1/3) = 4/9, covariance −4/9
    expect(Array.from(l.information!)).toEqual(
      [4 / 9, -4 / 9, -4 / 9, 4 / 9].map((x) => expect.closeTo(x, 12)),
    );
  });

  it("has gradient and information equal to numerical derivatives, with missing responses", () => {
    const random = createRandom(11);
    const responses = Array.from({ length: 80 }, () =>
      Array.from({ length: 5 }, (_, i) => (random() < 0.1 ? null : Math.floor(random() * (i === 4 ? 2 : 4)))),
    );
    const p = prepareResponses({ items: ["a", "b", "c", "d", "e"], responses }, "pcm");
    const K = p.offsets[5]!;
    const beta = Float64Array.from({ length: K }, () => random() - 0.5);
    const l = conditionalLikelihood(p, beta, true);
    const h = 1e-5;
    for (let q = 0; q < K; q++) {
      const up = Float64Array.from(beta);
      const down = Float64Array.from(beta);
      up[q]! += h;
      down[q]! -= h;
      const lu = conditionalLikelihood(p, up, false);
      const ld = conditionalLikelihood(p, down, false);
      expect(l.gradient[q]).toBeCloseTo((lu.logLik - ld.logLik) / (2 * h), 5);
      for (let k = 0; k < K; k++) {
        expect(l.information![q * K + k]).toBeCloseTo(-(lu.gradient[k]! - ld.gradient[k]!) / (2 * h), 5);
      }
    }
  });
});
