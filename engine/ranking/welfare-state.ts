import { EngineInputError } from "../errors";
import type { SampledModel } from "./sample-model";
import { Q_FLOOR, welfareFromSum, welfareTerm } from "./welfare-terms";

/**
 * The baseline on the draws under one set of weights and one ε: composite scores
 * Q_s = Σ_d w_d q_{s,d} (DESIGN §3), drawn as Σ w v + √(Σ w² u²)·z (see SampledModel), their welfare terms f(Q_s), the per-draw welfare sum
 * Σ_s p_s f(Q_s) and EDE. Impacts are computed against it by updating only touched segments.
 */
export interface WelfareState {
  eps: number;
  /** w[d·draws + t] used for the composites. */
  weights: Float64Array;
  /** Q[s·draws + t], raised to {@link Q_FLOOR} when ε > 0. */
  composite: Float64Array;
  /** f(Q)[s·draws + t]. */
  terms: Float64Array;
  /** Σ_s p_s f(Q_s) per draw. */
  sum: Float64Array;
  /** EDE_ε per draw (DESIGN §3). */
  welfare: Float64Array;
  /** How many (segment, draw) composites were raised to the floor. */
  floored: number;
}

/**
 * Build the baseline welfare state on the draws (Atkinson EDE, DESIGN §3).
 * @param model - the sampled model
 * @param eps - inequality aversion ε ≥ 0
 * @param weights - per-draw weights w[d·draws + t], default the model's own
 * @returns the state
 * @throws EngineInputError when ε is negative or not finite
 */
export function welfareState(
  model: SampledModel,
  eps: number,
  weights: Float64Array = model.weights,
): WelfareState {
  if (!(eps >= 0 && Number.isFinite(eps)))
    throw new EngineInputError("welfareState", "ε must be a finite number ≥ 0");
  const { draws, dimIds, segmentIds, shares, scoreValues, scoreU, baselineZ } = model;
  const D = dimIds.length;
  const S = segmentIds.length;
  const composite = new Float64Array(S * draws);
  const terms = new Float64Array(S * draws);
  const sum = new Float64Array(draws);
  const variance = new Float64Array(draws);
  let floored = 0;
  // weights fixed over the draws (exact scenarios, confidence factors, sensitivity): the mean
  // and standard deviation of each composite are constants, one pass per segment suffices
  const fixed = new Float64Array(D);
  let isFixed = true;
  scan: for (let d = 0; d < D; d++) {
    const w0 = weights[d * draws]!;
    fixed[d] = w0;
    for (let t = 1; t < draws; t++) {
      if (weights[d * draws + t] !== w0) {
        isFixed = false;
        break scan;
      }
    }
  }
  for (let s = 0; s < S; s++) {
    const off = s * draws;
    if (isFixed) {
      let m = 0;
      let v2 = 0;
      for (let d = 0; d < D; d++) {
        m += fixed[d]! * scoreValues[s * D + d]!;
        v2 += fixed[d]! * fixed[d]! * scoreU[s * D + d]! ** 2;
      }
      const sd = Math.sqrt(v2);
      for (let t = 0; t < draws; t++) composite[off + t] = m + sd * baselineZ[off + t]!;
    } else {
      variance.fill(0);
      for (let d = 0; d < D; d++) {
        const v = scoreValues[s * D + d]!;
        const u2 = scoreU[s * D + d]! ** 2;
        const wOff = d * draws;
        for (let t = 0; t < draws; t++) {
          const w = weights[wOff + t]!;
          composite[off + t]! += w * v;
          variance[t]! += w * w * u2;
        }
      }
      for (let t = 0; t < draws; t++) composite[off + t]! += Math.sqrt(variance[t]!) * baselineZ[off + t]!;
    }
    const p = shares[s]!;
    for (let t = 0; t < draws; t++) {
      let q = composite[off + t]!;
      if (eps > 0 && q < Q_FLOOR) {
        q = Q_FLOOR;
        composite[off + t] = q;
        floored++;
      }
      const f = welfareTerm(q, eps);
      terms[off + t] = f;
      sum[t]! += p * f;
    }
  }
  const welfare = new Float64Array(draws);
  for (let t = 0; t < draws; t++) welfare[t] = welfareFromSum(sum[t]!, eps);
  return { eps, weights, composite, terms, sum, welfare, floored };
}
