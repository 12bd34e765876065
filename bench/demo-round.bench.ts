import { performance } from "node:perf_hooks";
import type { BenchResult } from "./run";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { seedDemoRound } from "../db/seed/demo-round";
import { seedDemo } from "../db/seed/seed-demo";
import type { Actor } from "../engine/workflow";
import demo from "../scenarios/demo/helsingborg-round.json";
import { getAnalysisJob, ROUND_DRAWS, startRoundAnalysis } from "../app/utils/round-analysis.server";
import { loadRound } from "../app/utils/rounds.server";
import { scenarioChosenRound } from "../test/app/rounds/scenario-chosen-round";

const RUNS = 5;
const SEED = 1283;
const AT = "2026-12-04T20:00:00.000Z";
const analyst: Actor = { userId: "bench-analyst", role: "analyst" };
const PRIMARY = "equal";
const SENSITIVITY = ["strong-equity"];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The demo round's analysis as the server runs it (issue 5, target ≤ 1 s): `startRoundAnalysis`
 * from the request to the stored result and the `analysis.completed` transition — building the
 * `livsval.analysis/1` from the database for the primary and the sensitivity scenario, the Monte
 * Carlo runs with charts, storing. In-memory SQLite with the demo seed (seedDemo + seedDemoRound).
 * Wall time and this process's CPU time (user + system, process.cpuUsage) per run; 5 runs.
 */
export async function bench(): Promise<BenchResult[]> {
  const db = createDb(":memory:");
  try {
    await migrateToLatest(db, () => {});
    await seedDemo(db, { pseudonymKey: "bench" });
    await seedDemoRound(db, { now: AT });
    const wall: number[] = [];
    const cpu: number[] = [];
    let candidates = 0;
    for (let i = 0; i < RUNS; i++) {
      const id = `bench-demo-round-${i}`;
      await scenarioChosenRound(db, id, {
        actor: analyst,
        at: AT,
        primary: PRIMARY,
        sensitivity: SENSITIVITY,
      });
      const context = (await loadRound(db, id))!.context;
      candidates = context.candidates.length - new Set(context.exclusions.map((x) => x.candidateId)).size;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const { started, done } = startRoundAnalysis(db, context, analyst, {
        locale: "sv",
        seed: SEED,
        now: () => AT,
      });
      await done;
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(cpu0);
      cpu.push((c.user + c.system) / 1000);
      const job = getAnalysisJob(id);
      if (!started || job?.status !== "done") {
        throw new Error(`demo-round bench: run ${i + 1} did not finish: ${JSON.stringify(job)}`);
      }
    }
    return [
      {
        name: "demo round analysis (server, primary + sensitivity, stored)",
        median_ms: median(wall),
        target_ms: 1000,
        notes: `${RUNS} runs, ${ROUND_DRAWS} draws, scenario ${PRIMARY} + sensitivity ${SENSITIVITY.join(", ")}`,
        extra: {
          draws: ROUND_DRAWS,
          runs: RUNS,
          candidates_analysed: candidates,
          candidates_chosen: demo.candidates.length,
          segments: demo.segments.length,
          median_cpu_ms: Number(median(cpu).toFixed(1)),
          wall_ms: wall.map((w) => w.toFixed(0)).join(" "),
          cpu_ms: cpu.map((c) => c.toFixed(0)).join(" "),
        },
      },
    ];
  } finally {
    await db.destroy();
  }
}
