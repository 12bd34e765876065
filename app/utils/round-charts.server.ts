import { z } from "zod";
import type { AnalysisRun } from "../../engine/decision/analyse";
import { gini } from "../../engine/equity";
import { distMean } from "../../engine/random";
import { meanWeights } from "../../engine/sensitivity/expected-criteria";
import { tornado } from "../../engine/sensitivity/tornado";

/** What the analysis page draws beyond the result: the tornado and the equity figures at expected values. */
export const ChartDataSchema = z.object({
  tornado: z
    .object({
      candidate: z.string(),
      base: z.number(),
      bars: z.array(
        z.object({
          kind: z.enum(["weight", "epsilon", "effect"]),
          input: z.string(),
          lowSetting: z.number(),
          highSetting: z.number(),
          low: z.number(),
          high: z.number(),
          swing: z.number(),
        }),
      ),
    })
    .nullable(),
  meanWeights: z.record(z.string(), z.number()),
  segments: z.array(
    z.object({ id: z.string(), population: z.number(), q: z.number(), equityWeight: z.number() }),
  ),
  candidates: z.array(
    z.object({
      id: z.string(),
      /** Change in the population-weighted Gini of segment composites, percentage points. */
      deltaGini: z.number(),
      /** Per segment: equity weight × expected change in its composite (first-order ΔW). */
      contributions: z.record(z.string(), z.number()),
    }),
  ),
});
export type ChartData = z.infer<typeof ChartDataSchema>;

/** At most this many tornado bars are kept (the widest). */
const TORNADO_BARS = 12;

/**
 * The figures the analysis page shows beside the result, from a finished run:
 * - the tornado of the top-ranked candidate (engine/sensitivity/tornado);
 * - at expected values (mean weights of the draws, mean baseline scores and mean effects), each
 *   segment's composite Q_s = Σ_d w̄_d·q̄_{s,d} and its equity weight ∂EDE_ε/∂Q_s =
 *   p_s·Q_s^(−ε)·EDE_ε^ε (Atkinson 1970; the marginal social value of a point to segment s), and
 *   per candidate the change in the population-weighted Gini of the Q_s (EU-SILC definition) and
 *   the first-order contributions equityWeight_s·ΔQ_s to ΔW, which explain a pair's order.
 */
export function buildChartData(run: AnalysisRun): ChartData {
  const { analysis, model, result } = run;
  const eps = analysis.scenario.inequalityAversion;
  const w = meanWeights(model);
  const dims = model.dimIds;
  const pops = analysis.segments.map((s) => s.population);
  const total = pops.reduce((a, b) => a + b, 0);
  const q = analysis.segments.map((s) => dims.reduce((sum, d, k) => sum + w[k]! * s.scores[d]!.value, 0));
  const p = pops.map((n) => n / total);
  const ede =
    eps === 1
      ? Math.exp(q.reduce((s, x, i) => s + p[i]! * Math.log(Math.max(x, 0.01)), 0))
      : eps === 0
        ? q.reduce((s, x, i) => s + p[i]! * x, 0)
        : Math.pow(
            q.reduce((s, x, i) => s + p[i]! * Math.pow(Math.max(x, 0.01), 1 - eps), 0),
            1 / (1 - eps),
          );
  const equityWeight = q.map((x, i) => p[i]! * Math.pow(Math.max(x, 0.01), -eps) * Math.pow(ede, eps));
  const segIndex = new Map(analysis.segments.map((s, i) => [s.id, i]));
  const giniBefore = gini(q, pops);
  const candidates = analysis.interventions.map((iv, k) => {
    const factor = result.interventions[k]!.adjustment;
    const dq = new Array<number>(q.length).fill(0);
    for (const e of iv.effects) {
      const s = segIndex.get(e.segment)!;
      dq[s] += w[dims.indexOf(e.dimension)]! * e.reach * distMean(e.change) * factor;
    }
    const after = q.map((x, i) => x + dq[i]!);
    const contributions: Record<string, number> = {};
    dq.forEach((d, i) => {
      if (d !== 0) contributions[analysis.segments[i]!.id] = equityWeight[i]! * d;
    });
    return { id: iv.id, deltaGini: 100 * (gini(after, pops) - giniBefore), contributions };
  });
  const top = result.ranking[0];
  const topIndex = top === undefined ? -1 : model.candidates.findIndex((c) => c.id === top);
  const t = topIndex >= 0 ? tornado(model, eps, topIndex) : null;
  return {
    tornado: t ? { ...t, bars: t.bars.slice(0, TORNADO_BARS) } : null,
    meanWeights: Object.fromEntries(dims.map((d, k) => [d, w[k]!])),
    segments: analysis.segments.map((s, i) => ({
      id: s.id,
      population: s.population,
      q: q[i]!,
      equityWeight: equityWeight[i]!,
    })),
    candidates,
  };
}
