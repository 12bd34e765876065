import { analysisWorkerPool } from "../app/utils/analysis-worker-pool.server";
import { getAnalysisJob, startRoundAnalysis } from "../app/utils/round-analysis.server";
import { loadRound } from "../app/utils/rounds.server";
import { createDb } from "../db/connection";
import { DEMO_ROUND_ID } from "../db/seed/demo-round";
import { scenarioChosenRound } from "../test/app/rounds/scenario-chosen-round";
import { startServer, type RunningServer } from "../test/browser/support/server";
import type { BenchResult } from "./run";
import { closedLoopLoad, leanGetter, signIn, type LoadReport } from "./support/http-load";

/**
 * Pages under 50 concurrent signed-in users (10 sessions, every role), against the built server on
 * a freshly seeded SQLite database (run `npm run build` first). Targets: `/` p95 ≤ 50 ms (issue 2
 * §8), every page p95 ≤ 50 ms (issue 5 §6). `/` is measured twice side by side: with the page cache
 * (the default) and without it (LIVSVAL_PAGE_CACHE_MB=0), which is the cost of rendering each time.
 * Each figure is the median p95 of 3 runs of 3 s after a warm-up. The response size is reported with each page.
 */
const CONCURRENCY = 50;
const SESSIONS = 10;
const RUNS = 3;
const RUN_MS = 3_000;

/** A copy of the demo round, analysed before the pages are measured: its analysis page is the heaviest. */
const ANALYSED = "bench-analysed-demo-round";

const PAGES = [
  "/",
  "/data",
  "/interventions",
  "/scenarios",
  "/rounds",
  `/rounds/${DEMO_ROUND_ID}`,
  `/rounds/${ANALYSED}`,
  `/rounds/${ANALYSED}/analysis`,
  `/rounds/${DEMO_ROUND_ID}/record`,
];

/**
 * Take a copy of the demo round to `analysed` in the server's database, as the round page's buttons
 * would (the same functions, another connection: the server sees the commits).
 */
async function analyseDemoCopy(server: RunningServer): Promise<void> {
  const db = createDb(server.databaseUrl);
  try {
    const user = await db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "demo-analyst")
      .executeTakeFirst();
    if (!user) throw new Error("no demo-analyst in the seeded database");
    const actor = { userId: user.id, role: "analyst" as const };
    const at = new Date().toISOString();
    await scenarioChosenRound(db, ANALYSED, { actor, at, primary: "equal", sensitivity: ["strong-equity"] });
    const context = (await loadRound(db, ANALYSED))!.context;
    await startRoundAnalysis(db, context, actor, { locale: "sv" }).done;
    const job = getAnalysisJob(ANALYSED);
    if (job?.status !== "done")
      throw new Error(`the bench round's analysis did not finish: ${JSON.stringify(job)}`);
  } finally {
    await analysisWorkerPool().close();
    await db.destroy();
  }
}

async function sessions(server: RunningServer): Promise<string[]> {
  const users = Object.entries(server.passwords);
  if (users.length === 0) throw new Error("no demo users in setup output");
  const cookies: string[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const [username, password] = users[i % users.length]!;
    cookies.push((await signIn(server.url, username, password)).cookie);
  }
  return cookies;
}

async function measure(server: RunningServer, cookies: string[], path: string): Promise<LoadReport> {
  const client = leanGetter(CONCURRENCY);
  try {
    const next = (worker: number) =>
      client.get(server.url + path, { Cookie: cookies[worker % cookies.length]! });
    await closedLoopLoad({ concurrency: 10, durationMs: 1_000, next }); // warm-up
    const runs: LoadReport[] = [];
    for (let k = 0; k < RUNS; k++)
      runs.push(await closedLoopLoad({ concurrency: CONCURRENCY, durationMs: RUN_MS, next }));
    runs.sort((a, b) => a.p95_ms - b.p95_ms);
    return runs[Math.floor(RUNS / 2)]!;
  } finally {
    client.close();
  }
}

function result(name: string, r: LoadReport, extra: Record<string, number | string> = {}): BenchResult {
  return {
    name,
    median_ms: r.p95_ms,
    target_ms: 50,
    extra: {
      p50_ms: +r.p50_ms.toFixed(2),
      p99_ms: +r.p99_ms.toFixed(2),
      requests: r.requests,
      errors: r.errors,
      throughput_rps: +r.throughput_rps.toFixed(0),
      ...extra,
    },
  };
}

export async function bench(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const uncached = await startServer({ LIVSVAL_PAGE_CACHE_MB: "0" });
  let rendered: LoadReport;
  try {
    rendered = await measure(uncached, await sessions(uncached), "/");
  } finally {
    await uncached.stop();
  }
  const server = await startServer();
  try {
    await analyseDemoCopy(server);
    const cookies = await sessions(server);
    for (const path of PAGES) {
      const page = await fetch(server.url + path, {
        headers: { Cookie: cookies[0]!, "Accept-Encoding": "identity" },
      });
      const bytes = (await page.arrayBuffer()).byteLength;
      if (page.status !== 200) throw new Error(`${path}: status ${page.status}`);
      const r = await measure(server, cookies, path);
      if (r.errors > 0) throw new Error(`${path}: ${r.errors} errors (${JSON.stringify(r.statusCounts)})`);
      const extra: Record<string, number | string> = {
        html_kB: +(bytes / 1024).toFixed(1),
        ...(path === "/" ? { p95_ratio_uncached_to_cached: +(rendered.p95_ms / r.p95_ms).toFixed(1) } : {}),
      };
      out.push(result(`GET ${path} p95 at ${CONCURRENCY} concurrent users (page cache on)`, r, extra));
    }
  } finally {
    await server.stop();
  }
  out.unshift(
    result(`GET / p95 at ${CONCURRENCY} concurrent users, page cache off (each page rendered)`, rendered),
  );
  const pgUrl = process.env.LIVSVAL_BENCH_PG_URL;
  if (pgUrl) out.push(...(await postgresFigures(pgUrl)));
  return out;
}

/**
 * `/` on PostgreSQL (LIVSVAL_BENCH_PG_URL, an empty database the bench seeds), with the page cache
 * and without, side by side: the page cache's version there is a snapshot read on every request.
 */
async function postgresFigures(url: string): Promise<BenchResult[]> {
  const cached = await startServer({ DATABASE_URL: url });
  const passwords = cached.passwords;
  let withCache: LoadReport;
  try {
    withCache = await measure(cached, await sessions(cached), "/");
  } finally {
    await cached.stop();
  }
  // the database is seeded now, so setup prints no passwords: sign in with the first run's
  const uncached = await startServer({ DATABASE_URL: url, LIVSVAL_PAGE_CACHE_MB: "0" });
  let rendered: LoadReport;
  try {
    rendered = await measure(uncached, await sessions({ ...uncached, passwords }), "/");
  } finally {
    await uncached.stop();
  }
  return [
    result(`GET / p95 at ${CONCURRENCY} concurrent users on PostgreSQL, page cache off`, rendered),
    result(`GET / p95 at ${CONCURRENCY} concurrent users on PostgreSQL, page cache on`, withCache, {
      p95_ratio_uncached_to_cached: +(rendered.p95_ms / withCache.p95_ms).toFixed(1),
    }),
  ];
}
