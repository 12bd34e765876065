import { EngineInputError } from "../errors";
import type { RankBy } from "../ranking/rank-interventions";
import type { SampledModel } from "../ranking/sample-model";
import { meanWeights } from "./expected-criteria";

/**
 * Partial EVPI of one input by the sort-and-bin estimator of Strong & Oakley, "An efficient
 * method for computing single-parameter partial expected value of perfect information",
 * Medical Decision Making 33(6), 2013: sort the draws by the input φ, cut them into K bins of
 * (nearly) equal size, estimate E[C_i | φ] by the bin means, and
 * EVPPI = (1/N) Σ_b n_b max_i mean_b(C_i) − max_i mean(C_i).
 * Limits: within-bin noise biases the estimate upwards by about the spread of max over K noisy
 * means (large K, few draws per bin); too few bins smooth E[C | φ] and bias it downwards.
 * K = ⌊√N⌋ balances the two (N ≥ 1000 recommended). The result is clipped at 0, and is 0 for a
 * constant input.
 *
 * @param criteria - per option, the criterion per draw
 * @param phi - the input's value (or a scalar summary of an input group) per draw
 * @param bins - K, default ⌊√N⌋
 * @returns the EVPPI in the criterion's units
 * @throws EngineInputError when lengths differ or there are fewer than 4 draws
 */
export function evppi(criteria: readonly Float64Array[], phi: Float64Array, bins?: number): number {
  const n = phi.length;
  if (n < 4 || criteria.some((c) => c.length !== n)) {
    throw new EngineInputError("evppi", "needs at least 4 draws and criteria as long as the input");
  }
  if (criteria.length < 2) return 0;
  // a constant input carries no information (binning it would only measure noise)
  if (phi.every((v) => v === phi[0])) return 0;
  const k = Math.max(2, Math.min(n, bins ?? Math.floor(Math.sqrt(n))));
  const order = Array.from({ length: n }, (_, t) => t).sort((a, b) => phi[a]! - phi[b]! || a - b);
  let total = 0;
  for (let b = 0; b < k; b++) {
    const from = Math.floor((b * n) / k);
    const to = Math.floor(((b + 1) * n) / k);
    let best = -Infinity;
    for (const c of criteria) {
      let s = 0;
      for (let j = from; j < to; j++) s += c[order[j]!]!;
      best = Math.max(best, s);
    }
    total += best;
  }
  let overall = -Infinity;
  for (const c of criteria)
    overall = Math.max(
      overall,
      c.reduce((s, v) => s + v, 0),
    );
  return Math.max(0, (total - overall) / n);
}

/** An input group's partial EVPI. */
export interface GroupEvppi {
  kind: "baseline" | "effect" | "weights" | "cost";
  /** The segment id, the candidate id, or "weights". */
  group: string;
  evppi: number;
}

/**
 * EVPPI per input group (DESIGN §4: "which measurement, if improved, would most change the
 * decision"), each group reduced to a scalar summary φ that depends on that group's inputs only,
 * then {@link evppi}:
 * - a segment's baseline: its composite Σ_d w̄_d q_{s,d} at the mean weights w̄ (binned on its
 *   standard normal draw z_s, which orders the composite the same way);
 * - a candidate's effects: Σ_e p_s w̄_d e (population- and weight-weighted sum of its effect draws);
 * - the weights: Σ_d w_d (a_d − b_d), a and b the two best candidates' mean population-weighted
 *   effects per dimension (the direction in weight space that separates them);
 * - a candidate's cost, when ranking by cost-effectiveness.
 * Limits: a one-dimensional summary keeps only part of a multi-input group's information, so
 * the estimate tends to understate that group's EVPPI when the decision depends on the inputs
 * in other directions than φ; and the binning bias of {@link evppi} applies.
 *
 * @param model - the sampled model
 * @param criteria - the ranked candidates' criterion per draw
 * @param rankedIndex - the model index of each entry of `criteria`
 * @param rankBy - the criterion (adds cost groups for cost-effectiveness)
 * @returns EVPPI per group, largest first
 */
export function groupEvppi(
  model: SampledModel,
  criteria: readonly Float64Array[],
  rankedIndex: readonly number[],
  rankBy: RankBy,
): GroupEvppi[] {
  const { draws, dimIds, shares } = model;
  const D = dimIds.length;
  const wbar = meanWeights(model);
  const out: GroupEvppi[] = [];
  model.segmentIds.forEach((id, s) => {
    // the composite at the mean weights, Σ w̄ v + √(Σ w̄² u²)·z, is increasing in z: bin on z
    const phi = model.baselineZ.subarray(s * draws, (s + 1) * draws);
    const certain = model.scoreU.subarray(s * D, (s + 1) * D).every((u) => u === 0);
    // with every u = 0 the baseline is known: nothing to learn, whatever the binning noise says
    out.push({ kind: "baseline", group: id, evppi: certain ? 0 : evppi(criteria, phi) });
  });
  const direction = rankedIndex.map((k) => {
    const a = new Float64Array(D);
    for (const { segment, effects } of model.candidates[k]!.segments) {
      for (const e of effects) {
        let m = 0;
        for (let t = 0; t < draws; t++) m += e.draws[t]!;
        a[e.dimension]! += (shares[segment]! * m) / draws;
      }
    }
    return a;
  });
  for (const k of rankedIndex) {
    const c = model.candidates[k]!;
    const phi = new Float64Array(draws);
    for (const { segment, effects } of c.segments) {
      for (const e of effects) {
        const f = shares[segment]! * wbar[e.dimension]!;
        for (let t = 0; t < draws; t++) phi[t]! += f * e.draws[t]!;
      }
    }
    out.push({ kind: "effect", group: c.id, evppi: evppi(criteria, phi) });
    if (rankBy === "costEffectiveness")
      out.push({ kind: "cost", group: c.id, evppi: evppi(criteria, c.cost) });
  }
  if (criteria.length >= 2) {
    const means = criteria.map((c) => c.reduce((s, v) => s + v, 0) / draws);
    const order = means.map((_, i) => i).sort((a, b) => means[b]! - means[a]! || a - b);
    const [a, b] = [direction[order[0]!]!, direction[order[1]!]!];
    const phi = new Float64Array(draws);
    for (let d = 0; d < D; d++) {
      const diff = a[d]! - b[d]!;
      for (let t = 0; t < draws; t++) phi[t]! += model.weights[d * draws + t]! * diff;
    }
    out.push({ kind: "weights", group: "weights", evppi: evppi(criteria, phi) });
  }
  return out.sort((x, y) => y.evppi - x.evppi);
}
