import { EngineInputError } from "../../errors";

/**
 * Solve a decreasing score equation f(θ) = 0: Newton steps with the given slope (−I(θ)), kept
 * inside a bracket that is widened until f changes sign and bisected whenever a step leaves it
 * (a safeguarded Newton method, Press et al., *Numerical Recipes*, 3rd ed., §9.4).
 * @param f - the equation's value and slope at θ
 * @param fn - the calling engine function, for error messages
 * @returns the root, to 1e-12 logits
 * @throws EngineInputError when no root lies within ±1000 logits
 */
export function solveScoreEquation(
  f: (theta: number) => { value: number; slope: number },
  fn: string,
): number {
  let lo = -1;
  let hi = 1;
  while (f(lo).value < 0) {
    lo *= 2;
    if (lo < -1e3) throw new EngineInputError(fn, "no finite solution below −1000 logits");
  }
  while (f(hi).value > 0) {
    hi *= 2;
    if (hi > 1e3) throw new EngineInputError(fn, "no finite solution above 1000 logits");
  }
  let theta = 0.5 * (lo + hi);
  for (let it = 0; it < 200; it++) {
    const { value, slope } = f(theta);
    if (value === 0) return theta;
    if (value > 0) lo = theta;
    else hi = theta;
    let next = slope < 0 ? theta - value / slope : Number.NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - theta) < 1e-12 || hi - lo < 1e-12) return next;
    theta = next;
  }
  return theta;
}
