import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemoRound } from "../../../db/seed/demo-round";
import type { Db } from "../../../db/schema";
import { analyse } from "../../../engine/decision/analyse";
import { canonicalJson } from "../../../engine/decision/canonical-json";
import type { Actor } from "../../../engine/workflow";
import { AnalysisWorkerPool } from "~/utils/analysis-worker-pool.server";
import {
  getAnalysisJob,
  loadAnalysis,
  reproduceAnalysis,
  startRoundAnalysis,
  type AnalysisJob,
} from "~/utils/round-analysis.server";
import { loadRound } from "~/utils/rounds.server";
import { roundTestDb } from "../rounds/support";
import { scenarioChosenRound } from "../rounds/scenario-chosen-round";

// The job lifecycle of a round's analysis run in the analysis worker thread: running → done with
// the stored result, an engine error → failed with its message, a crashed worker → failed, and the
// next run on a new worker.

const AT = "2026-12-04T20:00:00.000Z";
const SEED = 1283;
let db: Db;
let actor: Actor;
const pool = new AnalysisWorkerPool();
const crashingPool = new AnalysisWorkerPool({
  entry: path.resolve(import.meta.dirname, "../../fixtures/analysis-worker/crashing-worker.js"),
});

beforeAll(async () => {
  const { db: d, users } = await roundTestDb();
  db = d;
  actor = { userId: users.analyst.userId, role: "analyst" };
  await seedDemoRound(db, { now: AT });
});

afterAll(async () => {
  await Promise.all([pool.close(), crashingPool.close()]);
  await db.destroy();
});

async function round(id: string) {
  await scenarioChosenRound(db, id, { actor, at: AT, primary: "equal", sensitivity: ["strong-equity"] });
  return (await loadRound(db, id))!.context;
}

/**
 * A pool that runs on `pool` and records the job's state right after each progress message has
 * been applied: every state the job passes through, with none lost to messages that arrive in the
 * same turn of the event loop (sampling the job per turn missed some on a loaded machine).
 */
function observingPool(roundId: string, seen: AnalysisJob[]): AnalysisWorkerPool {
  const observing = Object.create(pool) as AnalysisWorkerPool;
  observing.run = (task, onProgress) =>
    pool.run(task, (progress) => {
      onProgress?.(progress);
      seen.push({ ...getAnalysisJob(roundId)! });
    });
  return observing;
}

describe("startRoundAnalysis", () => {
  it("goes from running, with the worker's progress per scenario, to done with the stored result", async () => {
    const context = await round("lifecycle-done");
    const seen: AnalysisJob[] = [];
    const { started, done } = startRoundAnalysis(db, context, actor, {
      locale: "sv",
      draws: 1000,
      seed: SEED,
      now: () => AT,
      pool: observingPool("lifecycle-done", seen),
    });
    expect(started).toBe(true);
    expect(getAnalysisJob("lifecycle-done")).toMatchObject({ status: "running", phase: "building" });
    await done;
    seen.push({ ...getAnalysisJob("lifecycle-done")! });
    const phases = new Set(seen.flatMap((j) => (j.status === "running" ? [`${j.scenario}:${j.phase}`] : [])));
    expect(phases).toContain("equal:impacts");
    expect(phases).toContain("strong-equity:impacts");
    const last = seen.at(-1)!;
    expect(last.status).toBe("done");
    expect((await loadRound(db, "lifecycle-done"))!.state).toBe("analysed");

    // the stored result is, bit for bit, what the engine gives in this thread for the stored input
    const stored = (await loadAnalysis(db, last.status === "done" ? last.resultId : ""))!;
    expect(stored.input).toMatchObject({ seed: SEED, draws: 1000 });
    expect(canonicalJson(stored.result)).toBe(canonicalJson(await analyse(stored.input)));
    expect(stored.sensitivity.map((s) => s.scenarioId)).toEqual(["strong-equity"]);

    const reproduced = await reproduceAnalysis(stored, { pool });
    expect(reproduced.identical).toBe(true);
    expect(reproduced.rerunHash).toBe(reproduced.storedHash);
    expect(reproduced.inputHash).toBe(stored.result.inputHash);

    // a stored result changed by one figure is not reproduced
    const tampered = structuredClone(stored);
    tampered.result.evpi += 1e-9;
    expect((await reproduceAnalysis(tampered, { pool })).identical).toBe(false);
  });

  it("refuses a second start while a run of the round is going on", async () => {
    const context = await round("lifecycle-twice");
    const first = startRoundAnalysis(db, context, actor, { locale: "sv", draws: 200, pool });
    const second = startRoundAnalysis(db, context, actor, { locale: "sv", draws: 200, pool });
    expect([first.started, second.started]).toEqual([true, false]);
    await first.done;
    expect(getAnalysisJob("lifecycle-twice")).toMatchObject({ status: "done" });
  });

  it("fails the job with the engine's message, no stack, when the worker's engine refuses the input", async () => {
    const context = await round("lifecycle-input");
    const { done } = startRoundAnalysis(db, context, actor, { locale: "en", draws: 1, pool });
    await done;
    const job = getAnalysisJob("lifecycle-input");
    expect(job).toMatchObject({ status: "failed" });
    const error = job?.status === "failed" ? job.error : "";
    expect(error).toMatch(/draws.*≥ 2/);
    expect(error).not.toMatch(/\n\s+at /);
    expect((await loadRound(db, "lifecycle-input"))!.state).toBe("scenarioChosen");
  });

  it("fails the job when the worker crashes, and runs the next start on a new worker", async () => {
    const said: unknown[][] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void said.push(args));
    const context = await round("lifecycle-crash");
    // the fixture worker dies on an input of 13 draws
    await startRoundAnalysis(db, context, actor, { locale: "sv", draws: 13, pool: crashingPool }).done;
    expect(getAnalysisJob("lifecycle-crash")).toMatchObject({
      status: "failed",
      error: "the analysis worker stopped unexpectedly (exit code 70)",
    });
    expect(said).toHaveLength(1);
    expect(crashingPool.threadId).toBeNull();

    const { started, done } = startRoundAnalysis(db, context, actor, {
      locale: "sv",
      draws: 200,
      pool: crashingPool,
    });
    expect(started).toBe(true);
    await done;
    expect(getAnalysisJob("lifecycle-crash")).toMatchObject({ status: "done" });
    expect(crashingPool.threadId).not.toBeNull();
    expect((await loadRound(db, "lifecycle-crash"))!.state).toBe("analysed");
  });
});
