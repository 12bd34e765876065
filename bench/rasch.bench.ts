import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cml, prepareResponses, raschAnalysis, type ResponseData } from "../engine/measurement/rasch";
import { createRandom, normalQuantile } from "../engine/random";
import type { BenchResult } from "./run";

/**
 * PCM calibration (CML) on SIMULATED data: 30 items × 5 categories (thresholds known), persons
 * θ ~ N(0, 1), seeded xoshiro128**. Sizes: 800 persons (target ≤ 500 ms) and 100 000 persons
 * (target ≤ 5 s). The simulated responses are written as CSV to `$TMPDIR/livsval-rasch-bench/`
 * so that `Rscript bench/rasch-erm.R` can time eRm::PCM on the very same data.
 */
const ITEMS = 30;
const STEPS = [-1.2, -0.4, 0.4, 1.2];
export const BENCH_DIR = join(tmpdir(), "livsval-rasch-bench");

/** True thresholds: item locations evenly spread over [−1.5, 1.5], the same step pattern on each. */
export function trueThresholds(): number[][] {
  return Array.from({ length: ITEMS }, (_, i) => STEPS.map((s) => -1.5 + (3 * i) / (ITEMS - 1) + s));
}

/** Simulated PCM responses (labelled simulated): inverse-CDF draws of each category. */
export function simulatePcm(persons: number, seed: number): ResponseData {
  const random = createRandom(seed);
  const thresholds = trueThresholds();
  const responses = Array.from({ length: persons }, () => {
    const theta = normalQuantile(random());
    return thresholds.map((d) => {
      const w = [1];
      for (let h = 0; h < d.length; h++) w.push(w[h]! * Math.exp(theta - d[h]!));
      let u = random() * w.reduce((s, x) => s + x, 0);
      let h = 0;
      while (h < d.length && u > w[h]!) u -= w[h++]!;
      return h;
    });
  });
  return { items: thresholds.map((_, i) => `item${i + 1}`), responses };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timeRuns(runs: number, f: () => void): number[] {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times;
}

function writeCsv(data: ResponseData, file: string): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const path = join(BENCH_DIR, file);
  writeFileSync(path, [data.items.join(","), ...data.responses.map((r) => r.join(","))].join("\n") + "\n");
  return path;
}

/** Largest |estimate − truth| over all thresholds, after centring both at mean location 0. */
function recovery(estimated: readonly Float64Array[]): number {
  const truth = trueThresholds();
  const meanTruth = truth.flat().reduce((s, x) => s + x, 0) / (ITEMS * STEPS.length);
  let worst = 0;
  estimated.forEach((d, i) =>
    d.forEach((x, h) => (worst = Math.max(worst, Math.abs(x - (truth[i]![h]! - meanTruth))))),
  );
  return worst;
}

export async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [persons, runs, target, seed] of [
    [800, 7, 500, 20261204],
    [100_000, 3, 5000, 20261205],
  ] as const) {
    const data = simulatePcm(persons, seed);
    const csv = writeCsv(data, `pcm_${persons}.csv`);
    let estimate: readonly Float64Array[] = [];
    let iterations = 0;
    const times = timeRuns(runs, () => {
      const r = cml(prepareResponses(data, "pcm"));
      estimate = r.thresholds;
      iterations = r.iterations;
    });
    results.push({
      name: `rasch: PCM calibration (CML), ${ITEMS} items × 5 categories × ${persons} persons (simulated)`,
      median_ms: median(times),
      target_ms: target,
      notes: `simulated data, seed ${seed}; runs (the first includes JIT warm-up): ${times.map((t) => t.toFixed(0)).join(", ")} ms; CSV for eRm: ${csv}`,
      extra: {
        runs,
        firstRunMs: Number(times[0]!.toFixed(1)),
        iterations,
        maxThresholdError: Number(recovery(estimate).toFixed(4)),
      },
    });
  }
  const data = simulatePcm(800, 20261204);
  const times = timeRuns(5, () => raschAnalysis(data, { model: "pcm" }));
  results.push({
    name: "rasch: full analysis (CML, WLE, fit, reliability), 30 items × 5 categories × 800 persons (simulated)",
    median_ms: median(times),
    notes: `runs: ${times.map((t) => t.toFixed(0)).join(", ")} ms`,
  });
  return results;
}
