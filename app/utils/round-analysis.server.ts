import { randomInt, randomUUID } from "node:crypto";
import { z } from "zod";
import { canonicalJson, inputHash } from "../../engine/decision/canonical-json";
import { ResultSchema, type Result } from "../../engine/decision/result-schema";
import type { Actor, RoundContext } from "../../engine/workflow";
import { appendAuditEvent } from "../../db/repositories/audit-repository";
import { inTransaction } from "../../db/repositories/transaction";
import type { Db } from "../../db/schema";
import { analysisWorkerPool, type AnalysisWorkerPool } from "./analysis-worker-pool.server";
import { ChartDataSchema, type ChartData } from "./round-charts.server";
import { buildRoundAnalysis } from "./round-data.server";
import { notePageStateChanged } from "./page-cache.server";
import { applyStoredRoundEvent } from "./rounds.server";

/** Monte Carlo draws of a round's analysis: enough for rank shares to ±1 percentage point (MC SE ≤ 0.5/√N). */
export const ROUND_DRAWS = 4000;

/** A stored analysis: the exact input and its result, for the primary and each sensitivity scenario. */
export const StoredAnalysisSchema = z.object({
  roundId: z.string(),
  input: z.record(z.string(), z.unknown()),
  result: ResultSchema,
  notes: z.array(z.string()),
  sensitivity: z.array(z.object({ scenarioId: z.string(), result: ResultSchema })),
  charts: ChartDataSchema,
});
export type StoredAnalysis = z.infer<typeof StoredAnalysisSchema>;

export type AnalysisJob =
  | { status: "running"; phase: string; done: number; total: number; startedAt: string; scenario: string }
  | { status: "failed"; error: string; startedAt: string }
  | { status: "done"; resultId: string; startedAt: string };

declare global {
  var __livsvalAnalysisJobs: Map<string, AnalysisJob> | undefined;
}

/** Runs in this server process, by round id; a run survives the page being left (not a restart). */
function jobs(): Map<string, AnalysisJob> {
  globalThis.__livsvalAnalysisJobs ??= new Map();
  return globalThis.__livsvalAnalysisJobs;
}

/** Record a job's new state; pages that show it are then rendered afresh (the page cache). */
function setJob(roundId: string, job: AnalysisJob): void {
  jobs().set(roundId, job);
  notePageStateChanged();
}

/** The analysis run of a round in this process, if any. */
export function getAnalysisJob(roundId: string): AnalysisJob | null {
  return jobs().get(roundId) ?? null;
}

/**
 * Store an analysis in the append-only audit log (entity "analysis"): the decision basis is then as
 * immutable and tamper-evident as the trail that refers to it.
 */
async function storeAnalysis(db: Db, stored: StoredAnalysis, actor: Actor, at: string): Promise<string> {
  const id = randomUUID();
  await appendAuditEvent(
    db,
    {
      user_id: actor.userId,
      action: "analysis.stored",
      entity: "analysis",
      entity_id: id,
      payload: JSON.parse(canonicalJson(stored)) as never,
    },
    { at },
  );
  return id;
}

/** A stored analysis by id, parsed, or null. */
export async function loadAnalysis(db: Db, resultId: string): Promise<StoredAnalysis | null> {
  const row = await db
    .selectFrom("audit_events")
    .select("payload")
    .where("entity", "=", "analysis")
    .where("entity_id", "=", resultId)
    .executeTakeFirst();
  return row ? StoredAnalysisSchema.parse(JSON.parse(row.payload)) : null;
}

/** The stored analysis a round refers to, or null. */
export async function loadRoundAnalysis(db: Db, context: RoundContext): Promise<StoredAnalysis | null> {
  const id = context.analysis?.ref.resultId;
  return id ? loadAnalysis(db, id) : null;
}

/**
 * Run a round's analysis (primary scenario, then each sensitivity scenario) and, when it is done,
 * store it and move the round to `analysed` through the machine. Returns at once; the Monte Carlo
 * runs go on in the analysis worker thread, off the request thread, while the database work stays
 * here (`getAnalysisJob` tells the progress). The `done` promise is for tests; `pool` too.
 */
export function startRoundAnalysis(
  db: Db,
  context: RoundContext,
  actor: Actor,
  options: {
    locale: "sv" | "en";
    draws?: number;
    seed?: number;
    now?: () => string;
    pool?: AnalysisWorkerPool;
  },
): { started: boolean; done: Promise<void> } {
  const roundId = context.roundId;
  const current = jobs().get(roundId);
  if (current?.status === "running") return { started: false, done: Promise.resolve() };
  const now = options.now ?? (() => new Date().toISOString());
  const startedAt = now();
  const scenarioIds = context.scenario ? [context.scenario.primary, ...context.scenario.sensitivity] : [];
  const job: AnalysisJob = {
    status: "running",
    phase: "building",
    done: 0,
    total: 1,
    startedAt,
    scenario: "",
  };
  setJob(roundId, job);
  const seed = options.seed ?? randomInt(0, 2 ** 31);
  const draws = options.draws ?? ROUND_DRAWS;
  const pool = options.pool ?? analysisWorkerPool();
  const done = (async () => {
    // let the request that started the run answer first
    await new Promise((r) => setImmediate(r));
    const results: { scenarioId: string; result: Result; input: Record<string, unknown>; notes: string[] }[] =
      [];
    let charts: ChartData | null = null;
    for (const scenarioId of scenarioIds) {
      const built = await buildRoundAnalysis(db, context, {
        scenarioId,
        seed,
        draws,
        locale: options.locale,
      });
      const run = await pool.run({ input: built.input, charts: charts === null }, (progress) => {
        Object.assign(job, { ...progress, scenario: scenarioId });
        notePageStateChanged();
      });
      charts ??= run.charts;
      const result = run.result;
      results.push({ scenarioId, result, input: built.input, notes: built.notes });
    }
    const [primary, ...others] = results;
    if (!primary) throw new Error("the round has no scenario");
    if (!charts) throw new Error("the analysis worker sent no chart data");
    const at = now();
    // the stored analysis and the transition that refers to it commit together, or neither does
    const resultId = await inTransaction(db, async (trx) => {
      const id = await storeAnalysis(
        trx,
        {
          roundId,
          input: primary.input,
          result: primary.result,
          notes: primary.notes,
          sensitivity: others.map((o) => ({ scenarioId: o.scenarioId, result: o.result })),
          charts,
        },
        actor,
        at,
      );
      const outcome = await applyStoredRoundEvent(trx, roundId, {
        type: "analysis.completed",
        actor,
        at,
        analysis: {
          inputHash: primary.result.inputHash,
          seed: primary.result.seed,
          engineVersion: primary.result.engineVersion,
          resultId: id,
        },
      });
      if (!outcome.ok) throw new Error(outcome.error);
      return id;
    });
    setJob(roundId, { status: "done", resultId, startedAt });
  })().catch((e: unknown) => {
    setJob(roundId, { status: "failed", error: e instanceof Error ? e.message : String(e), startedAt });
  });
  return { started: true, done };
}

/**
 * Rerun a stored analysis from its stored input and seed (in the analysis worker thread) and compare
 * the canonical JSON of the new result with the stored one.
 */
export async function reproduceAnalysis(
  stored: StoredAnalysis,
  options: { pool?: AnalysisWorkerPool } = {},
): Promise<{ identical: boolean; storedHash: string; rerunHash: string; inputHash: string }> {
  const { result: rerun } = await (options.pool ?? analysisWorkerPool()).run({
    input: stored.input,
    charts: false,
  });
  const a = canonicalJson(stored.result);
  const b = canonicalJson(rerun);
  return {
    identical: a === b,
    storedHash: inputHash(stored.result),
    rerunHash: inputHash(rerun),
    inputHash: rerun.inputHash,
  };
}
