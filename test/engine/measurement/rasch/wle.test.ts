import { describe, expect, it } from "vitest";
import { cml, mlPersonEstimate, prepareResponses, wle } from "../../../../engine/measurement/rasch";
import { LSAT_ERM } from "./erm-reference";
import { loadResponses } from "./load-fixture";

describe("wle", () => {
  it("gives ln 3 for a correct answer to one item at difficulty 0", () => {
    // Warm's equation for one Rasch item: 1 − p + (p(1−p)(1−2p))/(2p(1−p)) = 0 ⇒ 1.5 − 2p = 0,
    // p = 3/4, θ = ln(p/(1−p)) = ln 3; SE = 1/√(p(1−p)) = 1/√(3/16) = 4/√3
    const r = wle([[0]], 1);
    expect(r.measure).toBeCloseTo(Math.log(3), 10);
    expect(r.se).toBeCloseTo(4 / Math.sqrt(3), 10);
  });

  it("is finite for a full score: ln(2n + 1) on n items at difficulty 0", () => {
    // n(1 − p) + (1 − 2p)/2 = 0 ⇒ p = (n + ½)/(n + 1) ⇒ θ = ln(2n + 1)
    for (const n of [2, 5, 30]) {
      const items = Array.from({ length: n }, () => [0]);
      expect(wle(items, n).measure).toBeCloseTo(Math.log(2 * n + 1), 9);
      expect(wle(items, 0).measure).toBeCloseTo(-Math.log(2 * n + 1), 9);
    }
  });

  it("is 0 at the middle score of a symmetric polytomous test", () => {
    expect(
      wle(
        [
          [-1, 1],
          [-0.5, 0.5],
        ],
        2,
      ).measure,
    ).toBeCloseTo(0, 10);
  });

  it("agrees with an independent R solution of Warm's equation on the LSAT calibration", () => {
    // R: uniroot of r − E(θ) + J(θ)/(2I(θ)) on eRm's RM thresholds (-m$betapar), tol 1e-13:
    //   wle <- function(thr, r) { f <- function(t) { ... r - E + J3/(2*I) }; uniroot(f, c(-30, 30))$root }
    const ref = [
      [-2.790480001502, 1.721063250358],
      [-1.33759577362, 1.114368045061],
      [-0.411478258587, 0.985515220593],
      [0.421925202417, 0.983571016161],
      [1.335730205274, 1.109488180649],
      [2.776477381324, 1.714159400612],
    ];
    const items = LSAT_ERM.difficulty.map((d) => [d]);
    ref.forEach(([theta, se], r) => {
      const w = wle(items, r);
      expect(w.measure).toBeCloseTo(theta!, 8);
      expect(w.se).toBeCloseTo(se!, 8);
    });
  });

  it("refuses a raw score outside the items' range", () => {
    expect(() => wle([[0], [1]], 3)).toThrow("wle: raw score must be an integer from 0 to 2");
    expect(() => wle([], 0)).toThrow("wle: a person needs at least one answered item");
  });
});

describe("mlPersonEstimate", () => {
  it("gives ln((r)/(n − r)) on n items at difficulty 0 and none for extreme scores", () => {
    // n·p = r ⇒ θ = ln(r/(n − r)); SE = 1/√(n·p(1−p)); n = 4, r = 1: θ = −ln 3, SE = 1/√(4·3/16) = 2/√3
    const items = [[0], [0], [0], [0]];
    const est = mlPersonEstimate(items, 1)!;
    expect(est.measure).toBeCloseTo(-Math.log(3), 10);
    expect(est.se).toBeCloseTo(2 / Math.sqrt(3), 10);
    expect(mlPersonEstimate(items, 0)).toBeNull();
    expect(mlPersonEstimate(items, 4)).toBeNull();
  });

  it("agrees with eRm's person.parameter on the LSAT data", () => {
    const r = cml(prepareResponses(loadResponses("lsat_dichotomous.csv"), "rasch"));
    LSAT_ERM.mlByRaw.forEach((theta, k) => {
      expect(Math.abs(mlPersonEstimate(r.thresholds, k + 1)!.measure - theta)).toBeLessThan(0.005);
    });
    expect(mlPersonEstimate(r.thresholds, 1)!.se).toBeCloseTo(LSAT_ERM.mlSeRaw1, 3);
  });
});
