import type { Analysis, AnalysisIntervention } from "../decision/analysis-schema";

/** What a candidate touches, as the `target` fact of a rule (DESIGN §5). */
export interface TargetFacts {
  /** Residents reached: Σ over touched segments of N_s × the largest reach of its effects there. */
  population: number;
  /** Per dimension the candidate changes: the lowest baseline score among the segments it touches. */
  minScore: Record<string, number>;
  /** Per dimension the candidate changes: the largest standard uncertainty among those segments. */
  maxU: Record<string, number>;
  /**
   * Per dimension the candidate changes: the population-weighted mean score of the touched segments
   * minus the population-weighted mean of all segments (negative: it reaches the worse-off).
   */
  gapToMean: Record<string, number>;
}

/**
 * The `target` fact of DESIGN §5 for one candidate, from baseline scores (their stated values
 * and standard uncertainties, not draws). Dimensions the candidate does not change are left
 * out, so that a rule over `$.maxU.health` is silent for a candidate that does not touch health.
 *
 * @param analysis - the validated analysis
 * @param intervention - one of its interventions
 * @returns the target facts
 */
export function targetFacts(analysis: Analysis, intervention: AnalysisIntervention): TargetFacts {
  const byId = new Map(analysis.segments.map((s) => [s.id, s]));
  const reach = new Map<string, number>();
  const dims = new Set<string>();
  for (const e of intervention.effects) {
    reach.set(e.segment, Math.max(reach.get(e.segment) ?? 0, e.reach));
    dims.add(e.dimension);
  }
  let population = 0;
  for (const [segId, r] of reach) population += byId.get(segId)!.population * r;
  const total = analysis.segments.reduce((s, seg) => s + seg.population, 0);
  const minScore: Record<string, number> = {};
  const maxU: Record<string, number> = {};
  const gapToMean: Record<string, number> = {};
  for (const d of [...dims].sort()) {
    let min = Infinity;
    let maxu = -Infinity;
    let touchedPop = 0;
    let touchedSum = 0;
    for (const segId of reach.keys()) {
      const seg = byId.get(segId)!;
      const sc = seg.scores[d]!;
      min = Math.min(min, sc.value);
      maxu = Math.max(maxu, sc.u);
      touchedPop += seg.population;
      touchedSum += seg.population * sc.value;
    }
    const mean = analysis.segments.reduce((s, seg) => s + seg.population * seg.scores[d]!.value, 0) / total;
    minScore[d] = min;
    maxU[d] = maxu;
    gapToMean[d] = touchedSum / touchedPop - mean;
  }
  return { population, minScore, maxU, gapToMean };
}
