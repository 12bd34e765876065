import { describe, expect, it } from "vitest";
import {
  atkinson,
  equallyDistributedEquivalent,
  gini,
  groupGap,
  shareBelow,
  theil,
  theilDecomposition,
} from "../../../engine/equity";
import { loadFixture } from "../../fixtures/survey/load";

function expectRel(actual: number, expected: number, tol = 1e-8): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

// Synthetic EU-SILC persons of Burgenland from R's laeken (test/fixtures/survey/eusilc_burgenland.csv).
// R: b <- read.csv("eusilc_burgenland.csv"); x <- b$eqIncome; w <- b$rb050; p <- w/sum(w); mu <- sum(p*x)
const silc = loadFixture("eusilc_burgenland.csv");
const income = silc.map((r) => Number(r.eqIncome));
const weight = silc.map((r) => Number(r.rb050));
const sex = silc.map((r) => r.rb090!);

describe("gini", () => {
  it("gives 1/4 for 1, 2, 3, 4 with equal weights", () => {
    // Σ|x_i − x_j| over ordered pairs = 2·(1+2+3+1+2+1) = 20; G = 20/(2·n²·μ) = 20/(2·16·2.5) = 0.25.
    // EU-SILC form: cw = 1,2,3,4; 2Σx·cw = 60; Σw²x = 10; (60 − 10)/(4·10) − 1 = 0.25. laeken::gini(1:4) = 25.
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25, 15);
  });

  it("applies the EU-SILC weighted definition", () => {
    // x 1,2,3,4 with w 1,1,2,4: cw 1,2,4,8; Σwx = 25; Σwx·cw = 1 + 4 + 24 + 128 = 157;
    // Σw²x = 1 + 2 + 12 + 64 = 79; (2·157 − 79)/(8·25) − 1 = 235/200 − 1 = 0.175.
    // laeken::gini(c(1,2,3,4), c(1,1,2,4))$value = 17.500000000000004
    expect(gini([1, 2, 3, 4], [1, 1, 2, 4])).toBeCloseTo(0.175, 14);
    expect(gini([4, 3, 2, 1], [4, 2, 1, 1])).toBeCloseTo(0.175, 14);
  });

  it("matches laeken::gini on synthetic EU-SILC incomes, with and without weights", () => {
    // gini(x, w)$value = 32.054885237995109; gini(x)$value = 31.746137513341388 (percent)
    expectRel(gini(income, weight), 0.32054885237995107); // R prints …109, the same double
    expectRel(gini(income), 0.31746137513341388);
  });

  it("gives 0 when everyone has the same value and (n − 1)/n when one unit has everything", () => {
    expect(gini([5, 5, 5])).toBeCloseTo(0, 15);
    expect(gini([0, 0, 0, 8])).toBeCloseTo(3 / 4, 15);
  });

  it("refuses empty input, non-finite values, bad weights and a zero total", () => {
    expect(() => gini([])).toThrow("gini: values must not be empty");
    expect(() => gini([1, NaN])).toThrow("gini: values must be finite numbers (value 2 is NaN)");
    expect(() => gini([1, 2], [1])).toThrow("gini: weights must have one entry per value (1 ≠ 2)");
    expect(() => gini([1, 2], [1, -1])).toThrow("gini: weights must be finite and ≥ 0 (weight 2 is -1)");
    expect(() => gini([1, 2], [0, 0])).toThrow("gini: weights must not all be 0");
    expect(() => gini([0, 0])).toThrow("gini: the weighted total of the values must be > 0");
  });
});

describe("equallyDistributedEquivalent and atkinson", () => {
  it("works the EDE of 1 and 4 by hand for several ε", () => {
    // ε = 0: mean 2.5; ε = 0.5: (½(√1 + √4))² = 1.5² = 2.25; ε = 1: √(1·4) = 2;
    // ε = 2: 1/(½(1 + 1/4)) = 1.6; ε = 3: (½(1 + 1/16))^(−1/2) = √(32/17).
    const x = [1, 4];
    expect(equallyDistributedEquivalent(x, undefined, 0)).toBeCloseTo(2.5, 14);
    expect(equallyDistributedEquivalent(x, undefined, 0.5)).toBeCloseTo(2.25, 14);
    expect(equallyDistributedEquivalent(x, undefined, 1)).toBeCloseTo(2, 14);
    expect(equallyDistributedEquivalent(x, undefined, 2)).toBeCloseTo(1.6, 14);
    expect(equallyDistributedEquivalent(x, undefined, 3)).toBeCloseTo(Math.sqrt(32 / 17), 14);
    // A_2 = 1 − 1.6/2.5 = 0.36
    expect(atkinson(x, undefined, 2)).toBeCloseTo(0.36, 14);
    expect(atkinson(x, undefined, 0)).toBe(0);
  });

  it("uses the weights as population shares", () => {
    // weights 3:1 on 1 and 4 → ε = 1: 1^(3/4)·4^(1/4) = √2; ε = 2: 1/(¾ + ¼·¼) = 16/13
    expect(equallyDistributedEquivalent([1, 4], [3, 1], 1)).toBeCloseTo(Math.SQRT2, 14);
    expect(equallyDistributedEquivalent([1, 4], [300, 100], 2)).toBeCloseTo(16 / 13, 14);
  });

  it("stays finite for a very large ε, tending to the minimum", () => {
    // (Σ p x^(1−ε))^(1/(1−ε)) → min x as ε → ∞; 50^(−999) would underflow without rescaling.
    const ede = equallyDistributedEquivalent([50, 60, 70], undefined, 1000);
    expect(ede).toBeGreaterThan(50);
    expect(ede).toBeLessThan(50 * 3 ** (1 / 999) + 1e-9); // ≤ min·n^(1/(ε−1))
  });

  it("matches the EDE formula and Atkinson index evaluated in R on synthetic EU-SILC incomes", () => {
    // ede <- function(e) if (e == 1) exp(sum(p*log(x))) else (sum(p*x^(1-e)))^(1/(1-e)); 1 - ede(e)/mu
    expectRel(equallyDistributedEquivalent(income, weight, 0), 21250.794053714759);
    expectRel(equallyDistributedEquivalent(income, weight, 0.5), 19321.497642850347);
    expectRel(equallyDistributedEquivalent(income, weight, 1), 17296.133637221123);
    expectRel(equallyDistributedEquivalent(income, weight, 2), 8001.4283744175154);
    expectRel(atkinson(income, weight, 0.5), 0.090787026874751486);
    expectRel(atkinson(income, weight, 1), 0.18609471281391199);
    expectRel(atkinson(income, weight, 2), 0.62347626379547827);
  });

  it("refuses values ≤ 0 when ε > 0 and a negative or non-finite ε", () => {
    expect(() => equallyDistributedEquivalent([1, 0], undefined, 0.5)).toThrow(
      "equallyDistributedEquivalent: values must be > 0 when epsilon > 0 (value 2 is 0)",
    );
    expect(() => atkinson([1, -2], undefined, 2)).toThrow("values must be > 0 when epsilon > 0");
    expect(() => equallyDistributedEquivalent([1, 2], undefined, -0.5)).toThrow(
      "equallyDistributedEquivalent: epsilon must be a finite number ≥ 0 (got -0.5)",
    );
    expect(() => equallyDistributedEquivalent([1, 2], undefined, Infinity)).toThrow(
      "epsilon must be a finite number",
    );
    // ε = 0 is the plain mean and accepts any finite values
    expect(equallyDistributedEquivalent([-1, 3], undefined, 0)).toBe(1);
  });

  it("does not change its inputs", () => {
    const x = [3, 1, 2];
    const w = [1, 2, 3];
    atkinson(x, w, 1.5);
    gini(x, w);
    theil(x, w);
    expect(x).toEqual([3, 1, 2]);
    expect(w).toEqual([1, 2, 3]);
  });
});

describe("theil and theilDecomposition", () => {
  it("works Theil's T of 1 and 4 by hand", () => {
    // μ = 2.5; T = ½(0.4·ln 0.4 + 1.6·ln 1.6) = ½(−0.366516 + 0.752006) = 0.192745
    expect(theil([1, 4])).toBeCloseTo(0.5 * (0.4 * Math.log(0.4) + 1.6 * Math.log(1.6)), 15);
    expect(theil([1, 4])).toBeCloseTo(0.192745, 6);
  });

  it("reaches ln n when one unit has everything (0·ln 0 = 0)", () => {
    expect(theil([0, 0, 0, 8])).toBeCloseTo(Math.log(4), 15);
  });

  it("matches Theil's T and its split by sex evaluated in R on synthetic EU-SILC incomes", () => {
    // sum(p*(x/mu)*log(x/mu)) = 0.18987189318872572; per group g: pg, mg, s = pg*mg/mu, Tg;
    // within = Σ s·Tg = 0.18891899383288852; between = Σ s·log(mg/mu) = 0.00095289935583727642
    const d = theilDecomposition(income, weight, sex);
    expectRel(theil(income, weight), 0.18987189318872572);
    expectRel(d.total, 0.18987189318872572);
    expectRel(d.within, 0.18891899383288852);
    expectRel(d.between, 0.00095289935583727642, 1e-7);
    expect(d.byGroup.map((g) => g.group)).toEqual(["female", "male"]);
    expectRel(d.byGroup[0]!.populationShare, 0.52893804628231911);
    expectRel(d.byGroup[0]!.mean, 20374.706536658061);
    expectRel(d.byGroup[0]!.share, 0.50713198960166095);
    expectRel(d.byGroup[0]!.theil, 0.19041635253980094);
    expectRel(d.byGroup[1]!.theil, 0.18737830041362979);
  });

  it("puts all inequality between groups when each group is equal inside", () => {
    // groups {1,1} and {4,4}: within 0, between = T(1,1,4,4) = T(1,4)
    const d = theilDecomposition([1, 1, 4, 4], undefined, ["a", "a", "b", "b"]);
    expect(d.within).toBeCloseTo(0, 15);
    expect(d.between).toBeCloseTo(theil([1, 4]), 15);
  });

  it("refuses negative values, a zero mean and groups of the wrong length", () => {
    expect(() => theil([1, -1])).toThrow("theil: values must be ≥ 0 (value 2 is -1)");
    expect(() => theil([0, 0])).toThrow("theil: the weighted mean must be > 0");
    expect(() => theilDecomposition([1, 2], undefined, ["a"])).toThrow(
      "theilDecomposition: groups must have one label per value (1 ≠ 2)",
    );
    expect(() => theilDecomposition([0, 2], undefined, ["a", "b"])).toThrow(
      'theilDecomposition: group "a" must have a weighted mean > 0',
    );
  });
});

describe("shareBelow", () => {
  it("counts the weighted share strictly below the threshold", () => {
    // below 3: values 1 and 2 with weights 1 + 1 of 8 → 0.25; the value 3 itself is not below
    expect(shareBelow([1, 2, 3, 4], [1, 1, 2, 4], 3)).toBe(0.25);
    expect(shareBelow([1, 2, 3, 4], undefined, 3.5)).toBe(0.75);
  });

  it("matches laeken's at-risk-of-poverty rate at laeken's threshold", () => {
    // arpt(x, w) = 10808.287999999979 (60 % of the weighted median); arpr(x, w)$value = 19.339865781647745
    expectRel(shareBelow(income, weight, 10808.287999999979), 0.19339865781647744); // R prints …745, the same double
  });

  it("refuses a non-finite threshold", () => {
    expect(() => shareBelow([1], undefined, NaN)).toThrow(
      "shareBelow: threshold must be a finite number (got NaN)",
    );
  });
});

describe("groupGap", () => {
  it("combines independent uncertainties in quadrature and gives E_n with k = 2", () => {
    // Δ = 10 − 4 = 6; u = √(3² + 4²) = 5; E_n = 6/(2·5) = 0.6
    expect(groupGap({ value: 10, u: 3 }, { value: 4, u: 4 })).toEqual({
      gap: 6,
      u: 5,
      en: 0.6,
      k: 2,
      significant: false,
    });
    // Δ = 4 − 10 = −6 the other way round; with u 1 and 1: u = √2, E_n = 6/(2√2) ≈ 2.12 > 1
    const g = groupGap({ value: 4, u: 1 }, { value: 10, u: 1 });
    expect(g.gap).toBe(-6);
    expect(g.en).toBeCloseTo(6 / (2 * Math.SQRT2), 15);
    expect(g.significant).toBe(true);
  });

  it("subtracts twice the covariance", () => {
    // u = √(9 + 16 − 2·6) = √13; E_n = 6/(2√13)
    const g = groupGap({ value: 10, u: 3 }, { value: 4, u: 4 }, 6);
    expect(g.u).toBeCloseTo(Math.sqrt(13), 15);
    expect(g.en).toBeCloseTo(6 / (2 * Math.sqrt(13)), 15);
  });

  it("tells an exact gap from an exact tie", () => {
    expect(groupGap({ value: 2, u: 0 }, { value: 1, u: 0 }).en).toBe(Infinity);
    expect(groupGap({ value: 1, u: 0 }, { value: 1, u: 0 }).en).toBe(0);
  });

  it("refuses a covariance beyond the product of the uncertainties and negative uncertainties", () => {
    expect(() => groupGap({ value: 1, u: 1 }, { value: 0, u: 1 }, 2)).toThrow(
      "groupGap: |cov| must not exceed a.u · b.u (a correlation beyond ±1)",
    );
    expect(() => groupGap({ value: 1, u: -1 }, { value: 0, u: 1 })).toThrow(
      "groupGap: a.u must be a finite number ≥ 0",
    );
    expect(() => groupGap({ value: 1, u: 1 }, { value: NaN, u: 1 })).toThrow(
      "groupGap: b.value must be a finite number",
    );
  });
});
