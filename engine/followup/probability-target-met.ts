import { EngineInputError } from "../errors";
import { normalCdf, studentTCdf } from "../uncertainty";

/** Options of the decision rule in {@link probabilityTargetMet}. */
export interface TargetDecisionOptions {
  /**
   * degrees of freedom ν of u: the state of knowledge is then a scaled and shifted t
   * (JCGM 101 §6.4.9) with scale u; a normal when absent
   */
  readonly nu?: number;
  /**
   * guard band as a multiple r of the expanded uncertainty U = 2u (JCGM 106 §8.3.2, w = r·U);
   * default 0, simple acceptance (JCGM 106 §8.2)
   */
  readonly guardBandFactor?: number;
}

/** Whether a target is met, as a probability and a decision with its risks. */
export interface TargetAssessment {
  /** P(true value meets the target | x, u): P(Y ≥ target) for "higher", P(Y ≤ target) for "lower" */
  probability: number;
  /** the decision by the rule: "met" when x lies in the acceptance interval */
  decision: "met" | "not_met";
  /** the acceptance limit A = target ± w (moved into the target's side by the guard band) */
  acceptanceLimit: number;
  /** the guard band w = r·2u */
  guardBand: number;
  /** specific consumer's risk (JCGM 106 §9.3): P(target not met | x) when the decision is "met", else 0 */
  riskWrongMet: number;
  /** specific producer's risk (JCGM 106 §9.3): P(target met | x) when the decision is "not_met", else 0 */
  riskWrongNotMet: number;
}

/**
 * The probability that a target is met given a measured value x with standard uncertainty u
 * (JCGM 106:2012 §7.2–7.3, conformance probability): the measurand's state of knowledge is
 * N(x, u²) — or x + u·t_ν with ν degrees of freedom — so P(Y ≥ T) = F((x − T)/u) when higher is
 * better and P(Y ≤ T) = F((T − x)/u) when lower is better, F = Φ or the t_ν distribution function.
 *
 * Decision rule (JCGM 106 §8): the target is declared met when x lies in the acceptance
 * interval, x ≥ A = T + w (higher is better) or x ≤ A = T − w (lower is better), with guard
 * band w = r·U, U = 2u. r = 0 is simple acceptance (§8.2): a value just at the target is "met"
 * with a 50 % risk. r = 1 (guarded acceptance, §8.3.2) keeps the risk of a wrong "met" below
 * about 2.3 % for a normal. The specific consumer's risk (§9.3) of a "met" decision is
 * 1 − P(met); the specific producer's risk of a "not met" decision is P(met). Global risks
 * (§9.5) need a prior over the true values and are not computed here.
 * With u = 0 the probability is 1 or 0 and there is no risk.
 *
 * @param x - the measured value
 * @param u - its standard uncertainty, ≥ 0
 * @param target - the target value (målvärde)
 * @param direction - "higher" when reaching at least the target is good, "lower" when at most
 * @param options - ν for a t distribution, guard band factor r ≥ 0
 * @returns {probability, decision, acceptanceLimit, guardBand, riskWrongMet, riskWrongNotMet}
 * @throws EngineInputError when a number is not finite, u < 0, ν ≤ 0, or r < 0
 */
export function probabilityTargetMet(
  x: number,
  u: number,
  target: number,
  direction: "higher" | "lower",
  options: TargetDecisionOptions = {},
): TargetAssessment {
  const fn = "probabilityTargetMet";
  if (!Number.isFinite(x)) throw new EngineInputError(fn, "x must be a finite number");
  if (!(Number.isFinite(u) && u >= 0)) throw new EngineInputError(fn, "u must be a finite number ≥ 0");
  if (!Number.isFinite(target)) throw new EngineInputError(fn, "target must be a finite number");
  if (direction !== "higher" && direction !== "lower") {
    throw new EngineInputError(fn, 'direction must be "higher" or "lower"');
  }
  const { nu, guardBandFactor = 0 } = options;
  if (nu !== undefined && !(nu > 0)) throw new EngineInputError(fn, "nu must be > 0");
  if (!(Number.isFinite(guardBandFactor) && guardBandFactor >= 0)) {
    throw new EngineInputError(fn, "guardBandFactor must be a finite number ≥ 0");
  }
  const sign = direction === "higher" ? 1 : -1;
  const margin = sign * (x - target);
  let probability: number;
  if (u === 0) probability = margin >= 0 ? 1 : 0;
  else probability = nu === undefined ? normalCdf(margin / u) : studentTCdf(margin / u, nu);
  const guardBand = guardBandFactor * 2 * u;
  const acceptanceLimit = target + sign * guardBand;
  const met = sign * (x - acceptanceLimit) >= 0;
  return {
    probability,
    decision: met ? "met" : "not_met",
    acceptanceLimit,
    guardBand,
    riskWrongMet: met ? 1 - probability : 0,
    riskWrongNotMet: met ? 0 : probability,
  };
}
