import { describe, expect, it } from "vitest";
import { normalCdf, studentTCdf } from "../../../engine/uncertainty";

describe("normalCdf", () => {
  it("matches R's pnorm to about 15 significant digits, tails included", () => {
    // R 4.x: options(digits = 16); pnorm(c(0.5, -1.2345, -3, 2.5, -8))
    const cases: [number, number][] = [
      [0.5, 0.691462461274013],
      [-1.2345, 0.1085083233626702],
      [-3, 1.349898031630095e-3],
      [2.5, 0.9937903346742238],
      [-8, 6.220960574271785e-16],
    ];
    for (const [z, p] of cases) expect(Math.abs(normalCdf(z) - p) / p).toBeLessThan(1e-14);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });
});

describe("studentTCdf", () => {
  it("matches R's pt, including fractional degrees of freedom", () => {
    // R: pt(c(1.5, -2.3, 0.7, 2, -0.25, 1), c(5, 3, 1, 30, 2.5, 5))
    const cases: [number, number, number][] = [
      [1.5, 5, 0.90304815987876341],
      [-2.3, 3, 0.05249418032223499],
      [0.7, 1, 0.69440011221421472],
      [2, 30, 0.97268747751850837],
      [-0.25, 2.5, 0.41084030056265164],
      [1, 5, 0.8183912661754387],
    ];
    for (const [t, nu, p] of cases) expect(Math.abs(studentTCdf(t, nu) - p)).toBeLessThan(1e-13);
  });

  it("tends to the normal distribution as ν grows and refuses ν ≤ 0", () => {
    expect(studentTCdf(1.3, Infinity)).toBe(normalCdf(1.3));
    expect(Math.abs(studentTCdf(1.3, 1e6) - normalCdf(1.3))).toBeLessThan(1e-6);
    expect(() => studentTCdf(1, 0)).toThrow("studentTCdf: degrees of freedom ν must be > 0");
  });
});
