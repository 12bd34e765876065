import { EngineInputError } from "../errors";
import type { SampledModel } from "./sample-model";
import { summariseDraws, type DrawSummary } from "./summarise-draws";
import { welfareChange } from "./welfare-change";
import { welfareState, type WelfareState } from "./welfare-state";

/** The ranking criterion (DESIGN §7 `rankBy`). */
export type RankBy = "impact" | "costEffectiveness";

/** One candidate's figures from a ranking run (DESIGN §4). */
export interface CandidateRanking {
  id: string;
  /** In the ranking (not excluded by a rule). */
  ranked: boolean;
  /** ΔW, QoL points per resident. */
  impact: DrawSummary;
  /** ΔW × ΣN, QoL points summed over residents. */
  totalImpact: DrawSummary;
  /**
   * Total impact per MSEK: `mean` is E[total impact] / E[cost] (the ratio of means, stable when
   * cost draws come near zero; E[cost] the exact mean of the cost distribution, `expectedCost`); `interval` the 95 % interval of the per-draw ratio over draws
   * with positive cost; null where undefined (expected cost ≤ 0, fewer than two positive-cost draws).
   */
  costEffectiveness: { mean: number | null; interval: [number, number] | null };
  /** Mean of the cost distribution, SEK. */
  expectedCost: number;
  /** P(ΔW > 0). */
  pPositive: number;
  /** SMAA-2 rank acceptability b¹ (share of draws where it ranks first); null when not ranked. */
  pBest: number | null;
  /** b^r for r = 1..m: share of draws at each rank among the m ranked candidates. */
  rankAcceptability: number[];
  /** Σ r·b^r; null when not ranked. */
  expectedRank: number | null;
  /** SMAA-2 central weight vector: mean weights over the draws where it ranks first; null if never first. */
  centralWeights: Record<string, number> | null;
  /** SMAA-2 confidence factor: P(first) with weights fixed at its central weights; null if never first. */
  confidenceFactor: number | null;
}

/** The ranking run's figures and the per-draw arrays later steps (VOI, explanations) reuse. */
export interface RankingOutcome {
  candidates: CandidateRanking[];
  /** Ranked candidate ids, best first. */
  ranking: string[];
  /** ΔW per draw per candidate (model order). */
  impacts: Float64Array[];
  /** The ranking criterion per draw per candidate (model order). */
  criteria: Float64Array[];
  /** Draws (summed over candidates) whose cost was ≤ 0, left out of cost-effectiveness intervals. */
  nonPositiveCostDraws: number;
  /** Candidates ranked first in some draw whose confidence factor was not computed (over the limit). */
  confidenceSkipped: number;
}

/** Default limit of confidence-factor passes ({@link RankOptions.maxConfidencePasses}). */
export const DEFAULT_CONFIDENCE_PASSES = 20;

/** Options of {@link rankInterventions}. */
export interface RankOptions {
  rankBy: RankBy;
  /** Compute SMAA-2 confidence factors (one extra pass per candidate ever ranked first). Default true. */
  confidenceFactors?: boolean;
  /**
   * At most this many confidence-factor passes, for the candidates most often first (default
   * {@link DEFAULT_CONFIDENCE_PASSES}); the others keep `confidenceFactor: null`.
   */
  maxConfidencePasses?: number;
  /** Told after each candidate's impact and before each confidence-factor pass (for progress messages). */
  onProgress?: (phase: "impacts" | "confidence factors", done: number, total: number) => void;
}

/** Per-draw criterion: ΔW, or total impact per MSEK (free positive gains rank first, free losses last). */
function criterionDraws(
  impact: Float64Array,
  cost: Float64Array,
  totalPopulation: number,
  rankBy: RankBy,
): Float64Array {
  if (rankBy === "impact") return impact;
  const out = new Float64Array(impact.length);
  for (let t = 0; t < impact.length; t++) {
    const total = impact[t]! * totalPopulation;
    const c = cost[t]!;
    out[t] = c > 0 ? total / (c / 1e6) : total > 0 ? Infinity : total < 0 ? -Infinity : 0;
  }
  return out;
}

/**
 * Ranks per draw (1 = best) of the ranked candidates; ties go to the earlier candidate. Per draw
 * the values are sorted natively (ascending, no comparator) and each candidate's rank is
 * 1 + (number of larger values, by binary search) + (number of equal values of earlier candidates).
 */
function rankPerDraw(criteria: readonly Float64Array[], draws: number): Int32Array[] {
  const m = criteria.length;
  const ranks = criteria.map(() => new Int32Array(draws));
  const v = new Float64Array(m);
  const sorted = new Float64Array(m);
  for (let t = 0; t < draws; t++) {
    for (let k = 0; k < m; k++) v[k] = criteria[k]![t]!;
    sorted.set(v);
    sorted.sort();
    for (let k = 0; k < m; k++) {
      const x = v[k]!;
      // first index with sorted[i] > x
      let lo = 0;
      let hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      let rank = m - lo + 1;
      // equal values: lo − 1 is the last x; earlier candidates with the same value rank before
      if (lo >= 2 && sorted[lo - 2] === x) for (let j = 0; j < k; j++) if (v[j] === x) rank++;
      ranks[k]![t] = rank;
    }
  }
  return ranks;
}

/**
 * Rank candidates on common random numbers (DESIGN §4) with the SMAA-2 descriptive measures
 * (Lahdelma & Salminen, "SMAA-2: Stochastic multicriteria acceptability analysis for group
 * decision making", Operations Research 49(3), 2001, §2): rank acceptability indices b^r
 * (share of draws at rank r), the central weight vector (mean weights where first) and the
 * confidence factor (share of draws where it is first when weights are fixed at its central
 * weights, all other uncertainty still sampled; computed for the candidates most often first, up
 * to `maxConfidencePasses`, as each needs a full pass). Ties in a draw go to the candidate listed first.
 * The ranking orders ranked candidates by the mean of the criterion (expected ΔW, or E[total
 * impact]/E[cost] per MSEK), ties by expected rank.
 *
 * @param model - the sampled model
 * @param state - the baseline under the scenario's weights and ε
 * @param ranked - per candidate (model order), whether it takes part in the ranking
 * @param options - criterion and switches
 * @returns figures per candidate, the ranking, and per-draw impacts and criteria
 * @throws EngineInputError when `ranked` does not match the candidates
 */
export function rankInterventions(
  model: SampledModel,
  state: WelfareState,
  ranked: readonly boolean[],
  options: RankOptions,
): RankingOutcome {
  if (ranked.length !== model.candidates.length) {
    throw new EngineInputError("rankInterventions", "ranked must have one entry per candidate");
  }
  const { draws, totalPopulation, dimIds } = model;
  const D = dimIds.length;
  const impacts = model.candidates.map((c, k) => {
    const x = welfareChange(model, state, [c]);
    options.onProgress?.("impacts", k + 1, model.candidates.length);
    return x;
  });
  const criteria = model.candidates.map((c, k) =>
    criterionDraws(impacts[k]!, c.cost, totalPopulation, options.rankBy),
  );
  const inRanking = model.candidates.flatMap((_, k) => (ranked[k] ? [k] : []));
  const m = inRanking.length;
  const ranks = rankPerDraw(
    inRanking.map((k) => criteria[k]!),
    draws,
  );
  let nonPositiveCostDraws = 0;
  const candidates = model.candidates.map((c, k): CandidateRanking => {
    const impact = impacts[k]!;
    let positive = 0;
    const ratios = new Float64Array(draws);
    let n = 0;
    for (let t = 0; t < draws; t++) {
      if (impact[t]! > 0) positive++;
      const cost = c.cost[t]!;
      if (cost > 0) ratios[n++] = (impact[t]! * totalPopulation) / (cost / 1e6);
      else nonPositiveCostDraws++;
    }
    const impactSummary = summariseDraws(impact);
    // total impact is ΔW·ΣN draw by draw, and ΣN > 0: its summary is the impact's, scaled
    const totalImpact = {
      mean: impactSummary.mean * totalPopulation,
      u: impactSummary.u * totalPopulation,
      interval: [
        impactSummary.interval[0] * totalPopulation,
        impactSummary.interval[1] * totalPopulation,
      ] as [number, number],
    };
    const ce = n >= 2 ? summariseDraws(ratios.subarray(0, n)).interval : null;
    const base: CandidateRanking = {
      id: c.id,
      ranked: ranked[k]!,
      impact: impactSummary,
      totalImpact,
      costEffectiveness: {
        mean: c.expectedCost > 0 ? totalImpact.mean / (c.expectedCost / 1e6) : null,
        interval: ce,
      },
      expectedCost: c.expectedCost,
      pPositive: positive / draws,
      pBest: null,
      rankAcceptability: [],
      expectedRank: null,
      centralWeights: null,
      confidenceFactor: null,
    };
    const j = inRanking.indexOf(k);
    if (j === -1) return base;
    const counts = new Float64Array(m);
    const central = new Float64Array(D);
    const r = ranks[j]!;
    for (let t = 0; t < draws; t++) {
      counts[r[t]! - 1]!++;
      if (r[t] === 1) for (let d = 0; d < D; d++) central[d]! += model.weights[d * draws + t]!;
    }
    const acceptability = Array.from(counts, (n) => n / draws);
    base.pBest = acceptability[0]!;
    base.rankAcceptability = acceptability;
    base.expectedRank = acceptability.reduce((s, b, i) => s + (i + 1) * b, 0);
    if (counts[0]! > 0) {
      base.centralWeights = Object.fromEntries(dimIds.map((id, d) => [id, central[d]! / counts[0]!]));
    }
    return base;
  });
  let confidenceSkipped = 0;
  if (options.confidenceFactors !== false) {
    const limit = options.maxConfidencePasses ?? DEFAULT_CONFIDENCE_PASSES;
    const firsts = inRanking
      .filter((k) => candidates[k]!.centralWeights !== null)
      .sort((a, b) => candidates[b]!.pBest! - candidates[a]!.pBest! || a - b);
    confidenceSkipped = Math.max(0, firsts.length - limit);
    const passes = firsts.slice(0, limit);
    for (const [pass, k] of passes.entries()) {
      options.onProgress?.("confidence factors", pass, passes.length);
      const cw = candidates[k]!.centralWeights!;
      const fixed = new Float64Array(D * draws);
      dimIds.forEach((id, d) => fixed.fill(cw[id]!, d * draws, (d + 1) * draws));
      const st = welfareState(model, state.eps, fixed);
      const crit = inRanking.map((i) =>
        criterionDraws(
          welfareChange(model, st, [model.candidates[i]!]),
          model.candidates[i]!.cost,
          totalPopulation,
          options.rankBy,
        ),
      );
      const me = inRanking.indexOf(k);
      let first = 0;
      for (let t = 0; t < draws; t++) {
        let best = 0;
        for (let i = 1; i < crit.length; i++) if (crit[i]![t]! > crit[best]![t]!) best = i;
        if (best === me) first++;
      }
      candidates[k]!.confidenceFactor = first / draws;
    }
  }
  const meanCriterion = (k: number) =>
    options.rankBy === "impact"
      ? candidates[k]!.impact.mean
      : (candidates[k]!.costEffectiveness.mean ?? (candidates[k]!.impact.mean > 0 ? Infinity : -Infinity));
  const ranking = [...inRanking]
    .sort(
      (a, b) =>
        meanCriterion(b) - meanCriterion(a) || candidates[a]!.expectedRank! - candidates[b]!.expectedRank!,
    )
    .map((k) => candidates[k]!.id);
  return { candidates, ranking, impacts, criteria, nonPositiveCostDraws, confidenceSkipped };
}
