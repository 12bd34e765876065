import { performance } from "node:perf_hooks";
import type { BenchResult } from "./run";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { DEMO_ROUND_ID, seedDemoRound } from "../db/seed/demo-round";
import { seedDemo } from "../db/seed/seed-demo";
import type { Db } from "../db/schema";
import type { Actor, RoundEvent } from "../engine/workflow";
import demo from "../scenarios/demo/helsingborg-round.json";
import { getAnalysisJob, ROUND_DRAWS, startRoundAnalysis } from "../app/utils/round-analysis.server";
import { loadRuleSets, runRoundRules } from "../app/utils/round-data.server";
import { applyStoredRoundEvent, createStoredRound, loadRound } from "../app/utils/rounds.server";

const RUNS = 5;
const SEED = 1283;
const AT = "2026-12-04T20:00:00.000Z";
const analyst: Actor = { userId: "bench-analyst", role: "analyst" };
const PRIMARY = "equal";
const SENSITIVITY = ["strong-equity"];

async function step(db: Db, id: string, event: RoundEvent): Promise<void> {
  const outcome = await applyStoredRoundEvent(db, id, event);
  if (!outcome.ok) throw new Error(`demo-round bench: ${event.type} refused: ${outcome.error}`);
}

/**
 * A copy of the seeded demo round (its scope) taken to `scenarioChosen` the way a newcomer clicks
 * through it: needs, every demo candidate, the Helsingborg rule set (its exclusions kept), the
 * equal-weights scenario with strong equity as sensitivity. A fresh copy per run, since an analysed
 * round cannot be analysed again.
 */
async function scenarioChosenRound(db: Db, id: string): Promise<void> {
  const scope = (await loadRound(db, DEMO_ROUND_ID))!.context.scope!;
  await createStoredRound(db, { id, title: `bench ${id}`, actor: analyst, at: AT });
  await step(db, id, { type: "scope.submitted", actor: analyst, at: AT, scope });
  await step(db, id, {
    type: "needs.reviewed",
    actor: analyst,
    at: AT,
    profileRefs: ["1283:age_80p_f"],
    note: "benchmark",
  });
  await step(db, id, {
    type: "candidates.chosen",
    actor: analyst,
    at: AT,
    candidateIds: demo.candidates.map((c) => c.id),
  });
  const ruleSet = loadRuleSets().find((r) => r.id === "helsingborg-2026")!;
  const exclusions = await runRoundRules(db, (await loadRound(db, id))!.context, ruleSet, "sv");
  await step(db, id, {
    type: "rules.applied",
    actor: analyst,
    at: AT,
    ruleSet: { id: ruleSet.id, version: String(ruleSet.version) },
    exclusions,
  });
  await step(db, id, {
    type: "scenario.chosen",
    actor: analyst,
    at: AT,
    primary: PRIMARY,
    sensitivity: SENSITIVITY,
  });
}

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
      await scenarioChosenRound(db, id);
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
