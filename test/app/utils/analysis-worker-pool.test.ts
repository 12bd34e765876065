import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { analyse, analyseRun } from "../../../engine/decision/analyse";
import { canonicalJson } from "../../../engine/decision/canonical-json";
import small from "../../../scenarios/examples/small.analysis.json";
import {
  analysisWorkerEntry,
  AnalysisWorkerError,
  AnalysisWorkerPool,
} from "~/utils/analysis-worker-pool.server";
import { buildChartData } from "~/utils/round-charts.server";

const root = path.resolve(import.meta.dirname, "../../..");
const crashing = path.join(root, "test/fixtures/analysis-worker/crashing-worker.js");
const pools: AnalysisWorkerPool[] = [];
function pool(entry?: string): AnalysisWorkerPool {
  const p = new AnalysisWorkerPool(entry ? { entry } : {});
  pools.push(p);
  return p;
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

/** Replace the suite's console.error spy with one that keeps what was said (a crash is logged). */
function expectedErrors(): unknown[][] {
  const said: unknown[][] = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void said.push(args));
  return said;
}

describe("analysisWorkerEntry", () => {
  it("finds bin/analysis-worker.js from the source and from the built server bundle alike", () => {
    const entry = path.join(root, "bin/analysis-worker.js");
    expect(analysisWorkerEntry()).toBe(entry);
    expect(analysisWorkerEntry(pathToFileURL(path.join(root, "build/server/index.js")).href)).toBe(entry);
  });
});

describe("AnalysisWorkerPool with the real worker", () => {
  const p = pool();

  it("gives the same result, bit for bit, as analyse in this thread for the same input and seed", async () => {
    const input = { ...small, draws: 2000, seed: 42 };
    const { result, charts } = await p.run({ input, charts: false });
    expect(charts).toBeNull();
    expect(canonicalJson(result)).toBe(canonicalJson(await analyse(input)));
    expect(result.seed).toBe(42);
  });

  it("builds the same chart data as the primary run does in this thread", async () => {
    const input = { ...small, draws: 500 };
    const { result, charts } = await p.run({ input, charts: true });
    const here = await analyseRun(input);
    expect(canonicalJson(result)).toBe(canonicalJson(here.result));
    expect(canonicalJson(charts)).toBe(canonicalJson(buildChartData(here)));
  });

  it("reports the engine's progress, one impacts step per intervention", async () => {
    const seen: { phase: string; done: number; total: number }[] = [];
    await p.run({ input: { ...small, draws: 200 }, charts: false }, (progress) => seen.push(progress));
    expect(seen[0]).toEqual({ phase: "sampling", done: 0, total: 1 });
    const n = small.interventions.length;
    expect(seen.filter((s) => s.phase === "impacts")).toEqual(
      Array.from({ length: n }, (_, k) => ({ phase: "impacts", done: k + 1, total: n })),
    );
  });

  it("rejects an input the engine refuses with its message, and keeps the same worker", async () => {
    await p.run({ input: { ...small, draws: 100 }, charts: false });
    const thread = p.threadId;
    const error = await p.run({ input: { ...small, draws: 1 }, charts: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnalysisWorkerError);
    expect(error).toMatchObject({ kind: "input" });
    expect((error as Error).message).toMatch(/draws.*≥ 2/);
    expect((error as Error).message).not.toMatch(/\n\s+at /);
    await p.run({ input: { ...small, draws: 100 }, charts: false });
    expect(p.threadId).toBe(thread);
  });

  it("runs requests made together one after another, each with its own result", async () => {
    const seeds = [1, 2, 3];
    const results = await Promise.all(
      seeds.map((seed) => p.run({ input: { ...small, draws: 300, seed }, charts: false })),
    );
    expect(results.map((r) => r.result.seed)).toEqual(seeds);
    for (const [k, seed] of seeds.entries())
      expect(canonicalJson(results[k]!.result)).toBe(
        canonicalJson(await analyse({ ...small, draws: 300, seed })),
      );
  });
});

describe("AnalysisWorkerPool when the worker dies", () => {
  it("fails the run it was doing, then starts a new worker for the next run", async () => {
    const said = expectedErrors();
    const p = pool(crashing);
    await p.run({ input: { ...small, draws: 100 }, charts: false });
    const first = p.threadId;
    expect(first).not.toBeNull();
    const error = await p.run({ input: { ...small, draws: 13 }, charts: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "crashed",
      message: "the analysis worker stopped unexpectedly (exit code 70)",
    });
    expect(p.threadId).toBeNull();
    const { result } = await p.run({ input: { ...small, draws: 100 }, charts: false });
    expect(canonicalJson(result)).toBe(canonicalJson(await analyse({ ...small, draws: 100 })));
    expect(p.threadId).not.toBeNull();
    expect(p.threadId).not.toBe(first);
    expect(said.map((a) => String(a[0]))).toEqual([
      "analysis worker: the analysis worker stopped unexpectedly (exit code 70)",
    ]);
  });

  it("hands the runs queued behind a crashed one to the new worker", async () => {
    expectedErrors();
    const p = pool(crashing);
    const crashed = p.run({ input: { ...small, draws: 13 }, charts: false }).catch((e: unknown) => e);
    const queued = p.run({ input: { ...small, draws: 100 }, charts: false });
    expect(await crashed).toMatchObject({ kind: "crashed" });
    expect((await queued).result.draws).toBe(100);
  });

  it("stops a worker that hangs past the timeout, fails that run, and runs the next on a new worker", async () => {
    const said = expectedErrors();
    // generous: the timer also covers starting the worker (tsx compiles the engine), slow on a busy CI
    const p = new AnalysisWorkerPool({ entry: crashing, timeoutMs: 6_000 });
    pools.push(p);
    const hung = p.run({ input: { ...small, draws: 17 }, charts: false }).catch((e: unknown) => e);
    const hungThread = p.threadId;
    expect(hungThread).not.toBeNull();
    const queued = p.run({ input: { ...small, draws: 100 }, charts: false });
    expect(await hung).toMatchObject({
      kind: "timeout",
      message: "the analysis took longer than 6 s and was stopped",
    });
    expect((await queued).result.draws).toBe(100);
    expect(p.threadId).not.toBeNull();
    expect(p.threadId).not.toBe(hungThread);
    expect(said.map((a) => String(a[0]))).toEqual([
      "analysis worker: a run took longer than 6 s and was stopped",
    ]);
  }, 30_000);

  it("fails a run with a clear message when the worker cannot start at all", async () => {
    const said = expectedErrors();
    const p = pool(path.join(root, "test/fixtures/analysis-worker/no-such-worker.js"));
    const error = await p.run({ input: small, charts: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "crashed" });
    expect((error as Error).message).toMatch(/^the analysis worker failed: Cannot find module/);
    expect(said).toHaveLength(1);
  });
});
