import { describe, expect, it } from "vitest";
import { addItemToEsf, convolveEsf, esf, ESF_ONE } from "../../../../engine/measurement/rasch";
import { createRandom } from "../../../../engine/random";

const trueValues = (g: { v: Float64Array; logScale: number }): number[] =>
  Array.from(g.v, (x) => x * Math.exp(g.logScale));

describe("esf", () => {
  it("gives the elementary symmetric functions of three dichotomous items", () => {
    // ε = 1, 2, 3: γ0 = 1, γ1 = 1+2+3 = 6, γ2 = 1·2+1·3+2·3 = 11, γ3 = 1·2·3 = 6
    const g = esf([Float64Array.of(1, 1), Float64Array.of(1, 2), Float64Array.of(1, 3)]);
    trueValues(g).forEach((x, r) => expect(x).toBeCloseTo([1, 6, 11, 6][r]!, 12));
  });

  it("sums category weights over patterns for a polytomous and a dichotomous item", () => {
    // item A weights (1, a, b), item B (1, c): γ = [1, a + c, b + a·c, b·c]
    const [a, b, c] = [2, 5, 7];
    const g = esf([Float64Array.of(1, a, b), Float64Array.of(1, c)]);
    trueValues(g).forEach((x, r) => expect(x).toBeCloseTo([1, a + c, b + a * c, b * c][r]!, 10));
  });

  it("keeps functions far beyond double precision's range, to e^−700 below the largest", () => {
    // 200 identical items with ε = e^10: γ_r = C(200, r)·e^(10 r), so ln γ_200 = 2000 (a plain
    // double overflows above e^709). Entries more than e^−700 below the largest underflow, so
    // only r ≥ 120 is checked: ln γ_120 = ln C(200, 120) + 1200 ≈ 1330.
    const items = Array.from({ length: 200 }, () => Float64Array.of(1, Math.exp(10)));
    const g = esf(items);
    let lnChoose = 0; // ln C(200, r), built up as Σ ln((200 − k + 1)/k)
    for (let r = 0; r <= 200; r++) {
      if (r > 0) lnChoose += Math.log((200 - r + 1) / r);
      const lnGamma = Math.log(g.v[r]!) + g.logScale;
      if (r >= 120) expect(lnGamma).toBeCloseTo(lnChoose + 10 * r, 8);
    }
    expect(Math.log(g.v[200]!) + g.logScale).toBeCloseTo(2000, 8);
  });

  it("matches a log-domain summation for 40 items with 6 categories each", () => {
    // Reference: the same recursion carried out on ln γ with log-sum-exp, ln γ'_r = lse_h(ln ε_h + ln γ_{r−h}).
    const random = createRandom(5);
    const items = Array.from({ length: 40 }, () => {
      const w = new Float64Array(6);
      let beta = 0;
      w[0] = 1;
      for (let h = 1; h <= 5; h++) w[h] = Math.exp((beta += 8 * random() - 4));
      return w;
    });
    let ln = [0];
    for (const w of items) {
      const next = new Array<number>(ln.length + 5).fill(-Infinity);
      for (let r = 0; r < next.length; r++) {
        const terms: number[] = [];
        for (let h = 0; h <= 5; h++)
          if (r - h >= 0 && r - h < ln.length) terms.push(Math.log(w[h]!) + ln[r - h]!);
        const m = Math.max(...terms);
        next[r] = m + Math.log(terms.reduce((t, x) => t + Math.exp(x - m), 0));
      }
      ln = next;
    }
    const g = esf(items);
    const top = Math.max(...ln);
    ln.forEach((x, r) => {
      if (x > top - 600)
        expect((Math.log(g.v[r]!) + g.logScale - x) / Math.max(1, Math.abs(x))).toBeCloseTo(0, 10);
    });
  });

  it("convolves two item sets into the functions of their union", () => {
    const a = addItemToEsf(ESF_ONE, Float64Array.of(1, 2, 3));
    const b = addItemToEsf(ESF_ONE, Float64Array.of(1, 4));
    const whole = esf([Float64Array.of(1, 2, 3), Float64Array.of(1, 4)]);
    const joined = convolveEsf(a, b);
    trueValues(joined).forEach((x, r) => expect(x).toBeCloseTo(trueValues(whole)[r]!, 10));
  });

  it("does not change the weights it is given", () => {
    const w = Float64Array.of(1, 2, 3);
    esf([w, w]);
    expect(Array.from(w)).toEqual([1, 2, 3]);
  });
});
