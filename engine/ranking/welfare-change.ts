import type { SampledCandidate, SampledModel } from "./sample-model";
import type { WelfareState } from "./welfare-state";
import { Q_FLOOR, welfareFromSum, welfareTerm } from "./welfare-terms";

/**
 * The equitable impact, per draw, of carrying out a set of candidates together:
 * ΔW = EDE_ε(Q after) − EDE_ε(Q before) (DESIGN §3), with Q_s after = Q_s + Σ_d w_d Σ_i e_{i,s,d}
 * where e = reach × change × rule factor. Only the segments the candidates touch are
 * recomputed: the welfare sum is updated by p_s (f(Q_s after) − f(Q_s before)), so the cost is
 * proportional to the number of effects, not of segments. With one candidate this is its ΔW_i;
 * with several it is their joint ΔW (not the sum of their ΔW_i when ε > 0).
 *
 * @param model - the sampled model
 * @param state - the baseline under the weights and ε in use ({@link welfareState})
 * @param candidates - the candidates carried out together (none: zero)
 * @returns ΔW per draw, QoL points per resident
 */
export function welfareChange(
  model: SampledModel,
  state: WelfareState,
  candidates: readonly SampledCandidate[],
): Float64Array {
  const { draws, shares } = model;
  const { eps, weights, composite, terms } = state;
  const bySegment = new Map<number, SampledCandidate["segments"][number]["effects"]>();
  for (const c of candidates) {
    for (const { segment, effects } of c.segments) {
      if (!bySegment.has(segment)) bySegment.set(segment, []);
      bySegment.get(segment)!.push(...effects);
    }
  }
  // δ = Σ_touched p_s (f(Q_s after) − f(Q_s)); the EDE after is g(S + δ)
  const delta = new Float64Array(draws);
  const dq = new Float64Array(draws);
  for (const segment of [...bySegment.keys()].sort((a, b) => a - b)) {
    dq.fill(0);
    for (const e of bySegment.get(segment)!) {
      const wOff = e.dimension * draws;
      const x = e.draws;
      for (let t = 0; t < draws; t++) dq[t]! += weights[wOff + t]! * x[t]!;
    }
    const off = segment * draws;
    const p = shares[segment]!;
    if (eps === 0) {
      for (let t = 0; t < draws; t++) delta[t]! += p * dq[t]!;
    } else if (eps === 1) {
      for (let t = 0; t < draws; t++) {
        const q = Math.max(composite[off + t]! + dq[t]!, Q_FLOOR);
        delta[t]! += p * (Math.log(q) - terms[off + t]!);
      }
    } else {
      for (let t = 0; t < draws; t++) {
        const q = Math.max(composite[off + t]! + dq[t]!, Q_FLOOR);
        delta[t]! += p * (welfareTerm(q, eps) - terms[off + t]!);
      }
    }
  }
  if (eps === 0) return delta;
  // ε = 1: exp(S + δ) − exp(S) = EDE·expm1(δ), without cancellation
  if (eps === 1) {
    for (let t = 0; t < draws; t++) delta[t] = state.welfare[t]! * Math.expm1(delta[t]!);
    return delta;
  }
  const { sum, welfare } = state;
  for (let t = 0; t < draws; t++) delta[t] = welfareFromSum(sum[t]! + delta[t]!, eps) - welfare[t]!;
  return delta;
}
