import { EngineInputError } from "../errors";
import { normalQuantile } from "../random";
import { numericalTolerance } from "./numerical-tolerance";

/** The outcome of comparing the GUM uncertainty framework with a Monte Carlo result. */
export interface GumValidation {
  /** the GUM coverage interval y ± k_p·u(y), k_p = Φ⁻¹((1 + p)/2) */
  interval: [number, number];
  /** d_low = |y − U_p − y_low| */
  dLow: number;
  /** d_high = |y + U_p − y_high| */
  dHigh: number;
  /** the numerical tolerance δ of the Monte Carlo u(y) to ndig significant digits */
  tolerance: number;
  /** both d ≤ δ: the GUM framework is validated for this model */
  validated: boolean;
}

/**
 * Validate the GUM uncertainty framework with Monte Carlo (JCGM 101 §8.2): form the GUM
 * interval y ± U_p with U_p = k_p·u(y) (normal k_p, JCGM 100 §G.6.6 with ν_eff = ∞), compare
 * its ends with the Monte Carlo probabilistically symmetric interval, d_low = |y − U_p − y_low|
 * and d_high = |y + U_p − y_high|, and call the framework validated when both are at most the
 * numerical tolerance δ of the Monte Carlo u(y) to ndig significant digits (§7.9.2).
 *
 * @param gum - the GUM estimate and standard uncertainty
 * @param mc - the Monte Carlo u(y) and probabilistically symmetric interval
 * @param p - the coverage probability of that interval
 * @param ndig - significant digits of u(y) that matter, default 2
 * @returns {interval, dLow, dHigh, tolerance, validated}
 * @throws EngineInputError when a number is not finite, a u is negative or p is not in (0, 1)
 */
export function validateGum(
  gum: { readonly estimate: number; readonly u: number },
  mc: { readonly u: number; readonly interval: readonly [number, number] },
  p: number,
  ndig = 2,
): GumValidation {
  const fn = "validateGum";
  if (!(p > 0 && p < 1)) throw new EngineInputError(fn, "p must be in (0, 1)");
  if (!Number.isFinite(gum.estimate) || !(Number.isFinite(gum.u) && gum.u >= 0)) {
    throw new EngineInputError(fn, "the GUM estimate must be finite and its u ≥ 0");
  }
  if (!(Number.isFinite(mc.u) && mc.u >= 0) || !mc.interval.every(Number.isFinite)) {
    throw new EngineInputError(fn, "the Monte Carlo u must be ≥ 0 and its interval finite");
  }
  const up = normalQuantile((1 + p) / 2) * gum.u;
  const interval: [number, number] = [gum.estimate - up, gum.estimate + up];
  const dLow = Math.abs(interval[0] - mc.interval[0]);
  const dHigh = Math.abs(interval[1] - mc.interval[1]);
  const tolerance = numericalTolerance(mc.u, ndig);
  return { interval, dLow, dHigh, tolerance, validated: dLow <= tolerance && dHigh <= tolerance };
}
