import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { run as propagateCli } from "../bin/commands/propagate";
import { dimensionScore, dimensionScoreMonteCarlo } from "../engine/measurement/profile";
import { createRandom, type Dist } from "../engine/random";
import { propagateExpression } from "../engine/uncertainty";
import type { BenchResult } from "./run";

/** A 15-input model mixing the DESIGN §7 distributions (five normal, three each of uniform, triangular, lognormal, one PERT). */
const inputs: Record<string, Dist> = {};
const kinds: ((i: number) => Dist)[] = [
  (i) => ({ dist: "normal", mean: 10 + i, sd: 1 }),
  (i) => ({ dist: "uniform", min: i, max: i + 2 }),
  (i) => ({ dist: "triangular", min: 1, mode: 2 + i / 10, max: 4 }),
  (i) => ({ dist: "lognormal", median: 1 + i / 10, gsd: 1.3 }),
  (i) => (i < 10 ? { dist: "normal", mean: 5, sd: 0.5 } : { dist: "pert", min: 0, mode: 1, max: 3 }),
];
for (let i = 0; i < 15; i++) inputs[`x${i + 1}`] = kinds[i % 5]!(i);
const expression =
  "(x1 * x2 + x3) / (1 + x4 ^ 2) + sqrt(x5) * exp(-x6 / 100) + log(x7) - abs(x8 - x9) + " +
  "x10 * x11 / x12 + x13 ^ 0.5 - x14 / (x15 + 1)";
const DRAWS = 1_000_000;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Wall-clock ms of each run; the process CPU ms of each run go into `cpu` when given. */
function time(runs: number, f: () => unknown, cpu?: number[]): number[] {
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu?.push((c.user + c.system) / 1000);
  }
  return out;
}

async function timeAsync(runs: number, f: () => Promise<unknown>, cpu?: number[]): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu?.push((c.user + c.system) / 1000);
  }
  return out;
}

/**
 * Monte Carlo throughput: 10⁶ draws of a 15-input model through `propagate` (engine and CLI,
 * target ≤ 1 s), and a dimension score of 15 indicators by the GUM law versus Monte Carlo.
 */
export async function bench(): Promise<BenchResult[]> {
  const model = { expression, inputs, draws: DRAWS };
  propagateExpression({ ...model, draws: 10_000 }, createRandom(1)); // warm-up
  const engineCpu: number[] = [];
  const engineRuns = time(5, () => propagateExpression(model, createRandom(2026)), engineCpu);

  const dir = await mkdtemp(path.join(tmpdir(), "livsval-bench-"));
  const file = path.join(dir, "model.json");
  await writeFile(file, JSON.stringify({ ...model, seed: 2026 }));
  const cliCpu: number[] = [];
  const cliRuns = await timeAsync(3, () => propagateCli([file]), cliCpu);
  await rm(dir, { recursive: true });

  const scores = Array.from({ length: 15 }, (_, i) => ({ value: 40 + 3 * i, u: 2 + (i % 4) }));
  const weights = Array.from({ length: 15 }, (_, i) => 1 + (i % 3));
  const CALLS = 10_000;
  const gumCpu: number[] = [];
  const gumRuns = time(
    5,
    () => {
      for (let c = 0; c < CALLS; c++) dimensionScore(scores, weights);
    },
    gumCpu,
  ).map((ms) => ms / CALLS);
  const mcDraws = 100_000;
  const mcCpu: number[] = [];
  const mcRuns = time(
    5,
    () => dimensionScoreMonteCarlo(scores, { weights, draws: mcDraws, random: createRandom(7) }),
    mcCpu,
  );

  return [
    {
      name: "propagate: 15-input expression, 10^6 draws (engine)",
      median_ms: median(engineRuns),
      target_ms: 1000,
      notes:
        "sample inputs, evaluate, sort once, both 95 % intervals, GUM beside; 5 runs; cpu_ms is process CPU time (less sensitive to other load)",
      extra: {
        runs_ms: engineRuns.map((x) => x.toFixed(0)).join(", "),
        cpu_ms: median(engineCpu),
        draws: DRAWS,
      },
    },
    {
      name: "propagate: the same model through the CLI command (read, validate, run)",
      median_ms: median(cliRuns),
      target_ms: 1000,
      notes: "3 runs of run([model.json])",
      extra: { runs_ms: cliRuns.map((x) => x.toFixed(0)).join(", "), cpu_ms: median(cliCpu) },
    },
    {
      name: "dimension score of 15 indicators by the GUM law (per call)",
      median_ms: median(gumRuns),
      notes: `median over 5 runs of ${CALLS} calls`,
      extra: { cpu_ms: median(gumCpu) / CALLS },
    },
    {
      name: "dimension score of 15 indicators by Monte Carlo, 10^5 draws (per call)",
      median_ms: median(mcRuns),
      notes: "correlated-normal sampler (identity correlation), both intervals; 5 runs",
      extra: {
        draws: mcDraws,
        cpu_ms: median(mcCpu),
        ratio_to_gum: Math.round(median(mcRuns) / median(gumRuns)),
      },
    },
  ];
}
