import { segmentGroup, type Analysis } from "../decision/analysis-schema";
import { EngineInputError } from "../errors";
import { createRandom, distMean, sampleDist, type Dist } from "../random";
import { sampleWeights } from "./sample-weights";
import { streamSeed } from "./stream-seed";

/** One effect of a candidate on the draws: reach × change × rule factor, per draw. */
export interface SampledEffect {
  dimension: number;
  /** reach × change × factor per draw. */
  draws: Float64Array;
  /** reach × factor: the draws divided by it are the change among those reached. */
  scale: number;
}

/** A candidate on the shared draws. */
export interface SampledCandidate {
  id: string;
  /** Position in the analysis's interventions. */
  index: number;
  /** Product of the `adjust` factors of the rules that fired (1 when none). */
  factor: number;
  /** Its effects grouped by the segment (index) they change, segments in increasing order. */
  segments: { segment: number; effects: SampledEffect[] }[];
  /** Cost draws, SEK. */
  cost: Float64Array;
  /** The mean of its cost distribution, SEK. */
  expectedCost: number;
}

/**
 * Everything an analysis needs, drawn once on common random numbers (DESIGN §4): baseline
 * scores, weights, each candidate's effects and cost. Arrays are laid out so that loops over
 * draws are sequential: `baselineZ[s·draws + t]`, `weights[d·draws + t]`.
 *
 * Baseline scores are independent q_{s,d} ~ N(v_{s,d}, u_{s,d}²) and enter only through the
 * composite Q_s = Σ_d w_d q_{s,d}, which given the weights is exactly
 * N(Σ_d w_d v_{s,d}, Σ_d w_d² u_{s,d}²). So one standard normal z_{s,t} per segment and draw
 * gives an exact draw of Q_s under any weights: Q_s = Σ w v + √(Σ w² u²)·z (15× fewer normal
 * draws than one per dimension with 15 dimensions). Under two weight vectors the same z gives
 * composites that move together, which is what comparing weight settings on common random
 * numbers wants. Correlated or non-normal scores would need per-dimension draws instead.
 */
export interface SampledModel {
  draws: number;
  seed: number;
  dimIds: string[];
  segmentIds: string[];
  /** Welfare shares p_s = N_s g_s / Σ N g, g the scenario's group priority weight (1 when none). */
  shares: Float64Array;
  totalPopulation: number;
  /** Baseline values v[s·D + d]. */
  scoreValues: Float64Array;
  /** Their standard uncertainties u[s·D + d]. */
  scoreU: Float64Array;
  /** Standard normal draws of each segment's composite, z[s·draws + t]. */
  baselineZ: Float64Array;
  weights: Float64Array;
  candidates: SampledCandidate[];
}

/**
 * Draw the model of an analysis on common random numbers: q_{s,d} ~ N(value, u) (the GUM's
 * default for a value with standard uncertainty, JCGM 101 §6.4.7) through one standard normal
 * per segment and draw (see {@link SampledModel}), effects and costs from their
 * `Dist`, weights by {@link sampleWeights}. Each quantity has its own stream, named by its key
 * ({@link streamSeed}), so candidates are compared on the same baseline and weight draws and a
 * quantity's draws do not depend on what else is in the file.
 *
 * @param analysis - a validated analysis
 * @param factors - per intervention id, the rule `adjust` factor multiplying its effects (default 1)
 * @returns the sampled model
 * @throws EngineInputError when the sample would need more than 2·10⁸ numbers
 */
export function sampleModel(
  analysis: Analysis,
  factors: ReadonlyMap<string, number> = new Map(),
): SampledModel {
  const { draws, seed } = analysis;
  const dimIds = analysis.dimensions.map((d) => d.id);
  const segmentIds = analysis.segments.map((s) => s.id);
  const D = dimIds.length;
  const S = segmentIds.length;
  const effectCount = analysis.interventions.reduce((n, iv) => n + iv.effects.length + 1, 0);
  if ((S + D + effectCount) * draws > 2e8) {
    throw new EngineInputError(
      "sampleModel",
      "segments × dimensions × draws is too large (more than 2·10⁸ numbers)",
    );
  }
  const totalPopulation = analysis.segments.reduce((s, seg) => s + seg.population, 0);
  const priority = analysis.scenario.groupWeights ?? {};
  const weighted = analysis.segments.map((s) => s.population * (priority[segmentGroup(s.id)] ?? 1));
  const weightedTotal = weighted.reduce((a, b) => a + b, 0);
  const shares = Float64Array.from(weighted, (n) => n / weightedTotal);
  const draw = (key: string, dist: Dist) => sampleDist(dist, draws, createRandom(streamSeed(seed, key)));

  const scoreValues = new Float64Array(S * D);
  const scoreU = new Float64Array(S * D);
  const baselineZ = new Float64Array(S * draws);
  analysis.segments.forEach((seg, s) => {
    dimIds.forEach((dim, d) => {
      scoreValues[s * D + d] = seg.scores[dim]!.value;
      scoreU[s * D + d] = seg.scores[dim]!.u;
    });
    baselineZ.set(draw(`score:${seg.id}`, { dist: "normal", mean: 0, sd: 1 }), s * draws);
  });
  const weights = sampleWeights(
    analysis.scenario.weights,
    dimIds,
    draws,
    createRandom(streamSeed(seed, "weights")),
  );
  const segIndex = new Map(segmentIds.map((id, s) => [id, s]));
  const dimIndex = new Map(dimIds.map((id, d) => [id, d]));
  const candidates = analysis.interventions.map((iv, index): SampledCandidate => {
    const factor = factors.get(iv.id) ?? 1;
    const bySegment = new Map<number, SampledEffect[]>();
    for (const e of iv.effects) {
      const x = draw(`effect:${iv.id}:${e.segment}:${e.dimension}`, e.change);
      const scale = e.reach * factor;
      for (let t = 0; t < draws; t++) x[t]! *= scale;
      const s = segIndex.get(e.segment)!;
      if (!bySegment.has(s)) bySegment.set(s, []);
      bySegment.get(s)!.push({ dimension: dimIndex.get(e.dimension)!, draws: x, scale });
    }
    const segments = [...bySegment.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([segment, effects]) => ({ segment, effects }));
    return {
      id: iv.id,
      index,
      factor,
      segments,
      cost: draw(`cost:${iv.id}`, iv.cost),
      expectedCost: distMean(iv.cost),
    };
  });
  return {
    draws,
    seed,
    dimIds,
    segmentIds,
    shares,
    totalPopulation,
    scoreValues,
    scoreU,
    baselineZ,
    weights,
    candidates,
  };
}
