import type { RankBy } from "../ranking/rank-interventions";
import type { SampledModel } from "../ranking/sample-model";
import { welfareChange } from "../ranking/welfare-change";
import type { WelfareState } from "../ranking/welfare-state";

/**
 * The expected ranking criterion of each candidate on the draws, as the ranking orders them:
 * E[ΔW_i], or E[ΔW_i·ΣN] / E[cost_i] per MSEK (DESIGN §3–§4); −∞ for candidates not ranked.
 * @param model - the sampled model
 * @param state - the baseline under the weights and ε in use
 * @param ranked - per candidate, whether it takes part
 * @param rankBy - the criterion
 * @returns one number per candidate (model order)
 */
export function expectedCriteria(
  model: SampledModel,
  state: WelfareState,
  ranked: readonly boolean[],
  rankBy: RankBy,
): number[] {
  return model.candidates.map((c, k) => {
    if (!ranked[k]) return -Infinity;
    const x = welfareChange(model, state, [c]);
    let impact = 0;
    for (let t = 0; t < model.draws; t++) {
      impact += x[t]!;
    }
    impact /= model.draws;
    const cost = c.expectedCost;
    if (rankBy === "impact") return impact;
    const total = impact * model.totalPopulation;
    return cost > 0 ? total / (cost / 1e6) : total > 0 ? Infinity : -Infinity;
  });
}

/**
 * The index of the largest value (the first on ties), or −1 when none is finite or +∞.
 * @param values - the values
 * @returns the argmax
 */
export function argmax(values: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! === -Infinity || Number.isNaN(values[i]!)) continue;
    if (best === -1 || values[i]! > values[best]!) best = i;
  }
  return best;
}

/**
 * Weights fixed in every draw: w[d·draws + t] = w_d.
 * @param weights - one weight per dimension
 * @param draws - the number of draws
 * @returns the per-draw layout the welfare state takes
 */
export function fixedWeights(weights: readonly number[], draws: number): Float64Array {
  const out = new Float64Array(weights.length * draws);
  weights.forEach((w, d) => out.fill(w, d * draws, (d + 1) * draws));
  return out;
}

/**
 * The mean weight vector of the draws (the scenario's expected weights: exact weights themselves,
 * the simplex centroid 1/D for "none", rank-order-centroid weights for an order).
 * @param model - the sampled model
 * @returns one mean weight per dimension
 */
export function meanWeights(model: SampledModel): number[] {
  const { draws } = model;
  return model.dimIds.map((_, d) => {
    const first = model.weights[d * draws]!;
    let s = 0;
    let constant = true;
    for (let t = 0; t < draws; t++) {
      const w = model.weights[d * draws + t]!;
      s += w;
      if (w !== first) constant = false;
    }
    // exact weights stay exact (a sum of 10 000 equal terms would add rounding)
    return constant ? first : s / draws;
  });
}

/**
 * A weight vector with dimension d set to `value` and the others rescaled in proportion so
 * the sum stays 1 (the usual one-at-a-time weight sensitivity, e.g. Butler, Jia & Dyer 1997).
 * @param base - weights summing to 1
 * @param d - the dimension to set
 * @param value - its new weight in [0, 1]
 * @returns the new weights
 */
export function setWeight(base: readonly number[], d: number, value: number): number[] {
  const rest = 1 - base[d]!;
  return base.map((w, k) =>
    k === d ? value : rest > 0 ? (w * (1 - value)) / rest : (1 - value) / (base.length - 1),
  );
}
