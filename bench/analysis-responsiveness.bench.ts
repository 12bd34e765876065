import { performance } from "node:perf_hooks";
import type { BenchResult } from "./run";
import { closedLoopLoad, signIn, type LoadReport } from "./support/http-load";
import { createDb } from "../db/connection";
import { seedDemoRound } from "../db/seed/demo-round";
import type { Db } from "../db/schema";
import { loadRound } from "../app/utils/rounds.server";
import { scenarioChosenRound } from "../test/app/rounds/scenario-chosen-round";
import { startServer } from "../test/browser/support/server";

const CONCURRENCY = 4;
const WINDOW_MS = 8_000;
/** More rounds than the window can analyse, so that analyses run back to back the whole window. */
const ROUNDS = 16;
const AT = "2026-12-04T20:00:00.000Z";

/**
 * Start the analysis of each round in turn through the round page's form (as the analyst's
 * browser would) and wait, polling the database, until the round is analysed; stop starting new
 * ones once `until` has passed. Returns the wall time of each analysis, post to `analysed`.
 */
async function analyseBackToBack(
  db: Db,
  baseUrl: string,
  session: { cookie: string; csrf: string },
  roundIds: string[],
  until: number,
): Promise<number[]> {
  const times: number[] = [];
  for (const id of roundIds) {
    if (performance.now() >= until) break;
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/rounds/${id}?step=analyse`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: session.cookie,
        Origin: baseUrl,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ csrf: session.csrf, version: String((await loadRound(db, id))!.version) }),
    });
    await res.arrayBuffer();
    if (res.status !== 302)
      throw new Error(`analysis-responsiveness bench: analyse ${id} answered ${res.status}`);
    while ((await loadRound(db, id))!.state !== "analysed") {
      if (performance.now() - t0 > 60_000)
        throw new Error(`analysis-responsiveness bench: ${id} not analysed`);
      await new Promise((r) => setTimeout(r, 20));
    }
    times.push(performance.now() - t0);
  }
  return times;
}

function figures(r: LoadReport): Record<string, number> {
  return {
    p50_ms: +r.p50_ms.toFixed(2),
    p95_ms: +r.p95_ms.toFixed(2),
    p99_ms: +r.p99_ms.toFixed(2),
    max_ms: +r.max_ms.toFixed(2),
    requests: r.requests,
    errors: r.errors,
  };
}

/**
 * Does a round's analysis keep the server responsive? Against the built server (run `npm run
 * build` first) on a freshly set-up SQLite database: GET /login from 4 closed-loop clients for
 * 8 s with nothing else going on, then the same load for 8 s while copies of the demo round
 * (primary `equal` + sensitivity `strong-equity`, 4000 draws) are analysed back to back, each
 * started through the round page's form. Median and maximum latency side by side; the analysis
 * runs in a worker thread, so the two should be close (the machine's other core does the work).
 */
export async function bench(): Promise<BenchResult[]> {
  const server = await startServer();
  const db = createDb(server.databaseUrl);
  try {
    await seedDemoRound(db);
    const [, username, password] = /user (\S+) \(analyst\):? password:? (\S+)/.exec(server.setupLog) ?? [];
    if (!username || !password) throw new Error("no demo analyst in setup output");
    const user = await db
      .selectFrom("users")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
    const actor = { userId: user.id, role: "analyst" as const };
    const roundIds = Array.from({ length: ROUNDS }, (_, i) => `bench-responsiveness-${i}`);
    for (const id of roundIds)
      await scenarioChosenRound(db, id, { actor, at: AT, primary: "equal", sensitivity: ["strong-equity"] });
    const session = await signIn(server.url, username, password);
    const hit = async () =>
      await fetch(`${server.url}/login`).then(async (r) => (await r.arrayBuffer(), r.status));

    await closedLoopLoad({ concurrency: CONCURRENCY, durationMs: 2_000, next: hit }); // warm-up
    // one analysis first, so that the worker is started and the engine's modules are loaded
    await analyseBackToBack(db, server.url, session, roundIds.slice(0, 1), Infinity);
    const idle = await closedLoopLoad({ concurrency: CONCURRENCY, durationMs: WINDOW_MS, next: hit });
    const until = performance.now() + WINDOW_MS;
    const [busy, analyses] = await Promise.all([
      closedLoopLoad({ concurrency: CONCURRENCY, durationMs: WINDOW_MS, next: hit }),
      analyseBackToBack(db, server.url, session, roundIds.slice(1), until),
    ]);
    if (analyses.length === 0)
      throw new Error("analysis-responsiveness bench: no analysis ran in the window");
    const sorted = [...analyses].sort((a, b) => a - b);
    const load = `${CONCURRENCY} closed-loop clients, ${WINDOW_MS / 1000} s`;
    return [
      {
        name: "GET /login with no analysis running",
        median_ms: idle.p50_ms,
        notes: load,
        extra: figures(idle),
      },
      {
        name: "GET /login while demo-round analyses run back to back",
        median_ms: busy.p50_ms,
        notes: `${load}; ${analyses.length} analyses (primary + 1 sensitivity, 4000 draws) in the window`,
        extra: {
          ...figures(busy),
          analyses: analyses.length,
          analysis_median_ms: +sorted[sorted.length >> 1]!.toFixed(0),
          idle_p50_ms: +idle.p50_ms.toFixed(2),
          idle_max_ms: +idle.max_ms.toFixed(2),
        },
      },
    ];
  } finally {
    await db.destroy();
    await server.stop();
  }
}
