import type { BenchResult } from "./run";
import { parseAnalysis, type Analysis } from "../engine/decision/analysis-schema";
import { createRandom } from "../engine/random";
import { rankInterventions } from "../engine/ranking/rank-interventions";
import { sampleModel } from "../engine/ranking/sample-model";
import { welfareState } from "../engine/ranking/welfare-state";

const CANDIDATES = 100;
const SEGMENTS = 60;
const DIMENSIONS = 15;
const DRAWS = 10_000;
const SEGMENTS_PER_CANDIDATE = 4;
const DIMENSIONS_PER_SEGMENT = 2;

/**
 * A SIMULATED analysis (not data): 60 segments × 15 dimensions with scores 30–90 and u 1–6,
 * 100 candidates each changing 2 dimensions in 4 segments (normal changes, reach 0.1–0.6),
 * no weight information (SMAA-2, the heaviest weight case), ε = 1.
 */
export function simulatedAnalysis(): Analysis {
  const r = createRandom(424242);
  const dims = Array.from({ length: DIMENSIONS }, (_, d) => ({ id: `d${d}`, label: `simulated ${d}` }));
  const segments = Array.from({ length: SEGMENTS }, (_, s) => ({
    id: `sim-${s}`,
    population: 500 + Math.floor(r() * 5000),
    scores: Object.fromEntries(dims.map((d) => [d.id, { value: 30 + 60 * r(), u: 1 + 5 * r() }])),
  }));
  const interventions = Array.from({ length: CANDIDATES }, (_, i) => {
    const segs = new Set<number>();
    while (segs.size < SEGMENTS_PER_CANDIDATE) segs.add(Math.floor(r() * SEGMENTS));
    const effects = [...segs].flatMap((s) => {
      const ds = new Set<number>();
      while (ds.size < DIMENSIONS_PER_SEGMENT) ds.add(Math.floor(r() * DIMENSIONS));
      return [...ds].map((d) => ({
        segment: `sim-${s}`,
        dimension: `d${d}`,
        change: { dist: "normal" as const, mean: 1 + 6 * r(), sd: 0.5 + 2 * r() },
        reach: 0.1 + 0.5 * r(),
      }));
    });
    return {
      id: `cand-${i}`,
      label: `simulated candidate ${i}`,
      cost: { dist: "triangular" as const, min: 5e5, mode: 1e6 + 2e6 * r(), max: 4e6 },
      effects,
    };
  });
  return parseAnalysis({
    format: "livsval.analysis/1",
    notes: "SIMULATED benchmark data",
    seed: 1,
    draws: DRAWS,
    dimensions: dims,
    segments,
    interventions,
    scenario: { id: "bench", weights: "none", inequalityAversion: 1 },
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** CPU time of this process (user + system), ms: one core's work, whatever else runs on the machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface Timing {
  cpu: number[];
  wall: number[];
}

function timed<T>(into: Timing, f: () => T): T {
  const c0 = cpuMs();
  const w0 = performance.now();
  const out = f();
  into.wall.push(performance.now() - w0);
  into.cpu.push(cpuMs() - c0);
  return out;
}

/**
 * 100 candidates × 60 segments × 15 dimensions × 10 000 draws (SIMULATED data): target ≤ 1 s on
 * one core for the whole ranking run (drawing the model, the baseline EDE, ΔW of every candidate
 * on every draw, per-draw ranks, SMAA-2 acceptabilities and central weights). Times are CPU time
 * of the process (user + system), because the machine is shared and wall-clock time there
 * measures the neighbours; wall-clock medians are in `extra`. The SMAA-2 confidence factors
 * (one extra pass per candidate, at most 20) are timed separately. Median of 5 runs.
 */
export async function bench(): Promise<BenchResult[]> {
  const analysis = simulatedAnalysis();
  const ranked = analysis.interventions.map(() => true);
  const sample: Timing = { cpu: [], wall: [] };
  const rank: Timing = { cpu: [], wall: [] };
  const withConfidence: Timing = { cpu: [], wall: [] };
  let firsts = 0;
  for (let k = 0; k < 5; k++) {
    const { model, state } = timed(sample, () => {
      const model = sampleModel(analysis);
      return { model, state: welfareState(model, 1) };
    });
    const out = timed(rank, () =>
      rankInterventions(model, state, ranked, { rankBy: "impact", confidenceFactors: false }),
    );
    firsts = out.candidates.filter((c) => c.pBest! > 0).length;
    if (k < 3) timed(withConfidence, () => rankInterventions(model, state, ranked, { rankBy: "impact" }));
  }
  const total = sample.cpu.map((c, k) => c + rank.cpu[k]!);
  const totalWall = sample.wall.map((c, k) => c + rank.wall[k]!);
  const rankMs = median(rank.cpu);
  const shape = `${CANDIDATES} candidates × ${SEGMENTS} segments × ${DIMENSIONS} dimensions × ${DRAWS} draws, simulated`;
  return [
    {
      name: "ranking run: draw model + rank (SMAA-2, ε = 1, no weight information), CPU time",
      median_ms: median(total),
      target_ms: 1000,
      notes: `${shape}; each candidate changes ${DIMENSIONS_PER_SEGMENT} dimensions in ${SEGMENTS_PER_CANDIDATE} segments`,
      extra: {
        wall_ms: +median(totalWall).toFixed(1),
        ns_per_candidate_draw: +((median(total) * 1e6) / (CANDIDATES * DRAWS)).toFixed(1),
        runs: total.length,
      },
    },
    {
      name: "rank step alone (ΔW on shared draws, ranks, acceptabilities, central weights), CPU time",
      median_ms: rankMs,
      notes: shape,
      extra: {
        wall_ms: +median(rank.wall).toFixed(1),
        ns_per_candidate_draw: +((rankMs * 1e6) / (CANDIDATES * DRAWS)).toFixed(1),
      },
    },
    {
      name: "draw step alone (baseline, weights, effects, costs) and baseline EDE, CPU time",
      median_ms: median(sample.cpu),
      notes: shape,
      extra: { wall_ms: +median(sample.wall).toFixed(1) },
    },
    {
      name: "SMAA-2 confidence factors on top of the rank step (≤ 20 passes), CPU time",
      median_ms: Math.max(0, median(withConfidence.cpu) - rankMs),
      notes: `${shape}; ${firsts} candidates were first in some draw, factors computed for the 20 most often first`,
      extra: {
        wall_ms: +Math.max(0, median(withConfidence.wall) - median(rank.wall)).toFixed(1),
        runs: withConfidence.cpu.length,
      },
    },
  ];
}
