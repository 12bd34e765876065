import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Result } from "../../engine/decision/result-schema";
import { AnalysisWorkerResponseSchema, type AnalysisProgress } from "./analysis-worker-protocol";
import type { ChartData } from "./round-charts.server";

const ENTRY = path.join("bin", "analysis-worker.js");

/**
 * Where bin/analysis-worker.js is: in the first folder above `from` that has it, which is the project
 * root both for the source (vitest, tsx: app/utils/) and for the Vite build (build/server/); else
 * under the working directory (`npm start` runs in the root).
 */
export function analysisWorkerEntry(from: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(from));
  for (;;) {
    const candidate = path.join(dir, ENTRY);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(process.cwd(), ENTRY);
    dir = parent;
  }
}

/** A failed analysis run. `kind`: the input's fault (`input`, message for a person), a bug, or a lost worker. */
export class AnalysisWorkerError extends Error {
  override readonly name = "AnalysisWorkerError";
  constructor(
    message: string,
    readonly kind: "input" | "bug" | "crashed" | "closed" | "timeout",
  ) {
    super(message);
  }
}

export interface AnalysisTask {
  /** A `livsval.analysis/1`. */
  input: unknown;
  /** Build the analysis page's chart data too (the primary scenario's run). */
  charts: boolean;
}

export interface AnalysisOutcome {
  result: Result;
  charts: ChartData | null;
}

type Progress = Pick<AnalysisProgress, "phase" | "done" | "total">;

interface Pending {
  task: AnalysisTask;
  onProgress?: (progress: Progress) => void;
  resolve: (outcome: AnalysisOutcome) => void;
  reject: (error: AnalysisWorkerError) => void;
}

/**
 * One long-lived worker thread that runs analyses one at a time (the machine has two cores: one for
 * requests, one for Monte Carlo), started when first needed and replaced after a crash. A crash
 * fails only the run it was doing; queued runs go to the new worker.
 */
/** How long one run may take before its worker is stopped (a hung worker would hold up every later run). */
export const ANALYSIS_TIMEOUT_MS = 15 * 60_000;

export class AnalysisWorkerPool {
  readonly entry: string;
  readonly timeoutMs: number;
  #worker: Worker | null = null;
  #timer: NodeJS.Timeout | null = null;
  #current: (Pending & { id: number }) | null = null;
  #queue: Pending[] = [];
  #nextId = 1;

  constructor(options: { entry?: string; timeoutMs?: number } = {}) {
    this.entry = options.entry ?? analysisWorkerEntry();
    this.timeoutMs = options.timeoutMs ?? ANALYSIS_TIMEOUT_MS;
  }

  /** Run one analysis in the worker; `onProgress` hears the engine's progress. */
  run(task: AnalysisTask, onProgress?: (progress: Progress) => void): Promise<AnalysisOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ task, onProgress, resolve, reject });
      this.#next();
    });
  }

  /** The worker's thread id, or null before the first run and after a crash (for tests and logs). */
  get threadId(): number | null {
    return this.#worker?.threadId ?? null;
  }

  /** Stop the worker; the run in progress and the queued ones fail with kind `closed`. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    const lost = [...(this.#current ? [this.#current] : []), ...this.#queue];
    this.#current = null;
    this.#queue = [];
    for (const p of lost) p.reject(new AnalysisWorkerError("the analysis worker was shut down", "closed"));
    await worker?.terminate();
  }

  #next(): void {
    if (this.#current || this.#queue.length === 0) return;
    const pending = this.#queue.shift()!;
    const id = this.#nextId++;
    this.#current = { ...pending, id };
    const worker = this.#spawn();
    // while a run is on, the worker keeps the process alive; idle, it does not
    worker.ref();
    this.#timer = setTimeout(() => this.#timedOut(worker), this.timeoutMs);
    this.#timer.unref();
    try {
      worker.postMessage({ type: "analyse", id, input: pending.task.input, charts: pending.task.charts });
    } catch (e) {
      // structured clone refused the input (a function, a symbol, …): no JSON analysis is like that
      const reason = e instanceof Error ? e.message : String(e);
      this.#settle(
        this.#current,
        new AnalysisWorkerError(`the analysis input cannot be sent: ${reason}`, "input"),
      );
    }
  }

  #spawn(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.entry, { name: "livsval-analysis" });
    worker.on("message", (raw: unknown) => this.#onMessage(worker, raw));
    worker.on("error", (e: Error) => this.#lost(worker, `the analysis worker failed: ${e.message}`, e));
    worker.on("exit", (code: number) =>
      this.#lost(worker, `the analysis worker stopped unexpectedly (exit code ${code})`),
    );
    this.#worker = worker;
    return worker;
  }

  #onMessage(worker: Worker, raw: unknown): void {
    if (worker !== this.#worker) return;
    const current = this.#current;
    const parsed = AnalysisWorkerResponseSchema.safeParse(raw);
    if (!parsed.success) {
      // a worker that says something else than the protocol cannot be trusted with the next run
      console.error("analysis worker: malformed message", parsed.error.issues);
      this.#worker = null;
      void worker.terminate();
      this.#settle(current, new AnalysisWorkerError("the analysis worker sent a malformed reply", "bug"));
      return;
    }
    const message = parsed.data;
    if (!current || message.id !== current.id) return;
    if (message.type === "progress") {
      current.onProgress?.({ phase: message.phase, done: message.done, total: message.total });
    } else if (message.type === "result") {
      this.#settle(current, { result: message.result, charts: message.charts });
    } else {
      const input = message.name === "EngineInputError";
      if (!input) console.error(`analysis worker: ${message.stack ?? `${message.name}: ${message.message}`}`);
      this.#settle(
        current,
        input
          ? new AnalysisWorkerError(message.message, "input")
          : new AnalysisWorkerError(`unexpected error in the analysis: ${message.message}`, "bug"),
      );
    }
  }

  #lost(worker: Worker, message: string, error?: Error): void {
    if (worker !== this.#worker) return;
    this.#worker = null;
    console.error(`analysis worker: ${message}`, ...(error ? [error] : []));
    this.#settle(this.#current, new AnalysisWorkerError(message, "crashed"));
  }

  #timedOut(worker: Worker): void {
    if (worker !== this.#worker) return;
    this.#worker = null;
    void worker.terminate();
    const seconds = Math.round(this.timeoutMs / 1000);
    console.error(`analysis worker: a run took longer than ${seconds} s and was stopped`);
    this.#settle(
      this.#current,
      new AnalysisWorkerError(`the analysis took longer than ${seconds} s and was stopped`, "timeout"),
    );
  }

  #settle(current: Pending | null, outcome: AnalysisOutcome | AnalysisWorkerError): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (current && current === this.#current) {
      this.#current = null;
      if (outcome instanceof AnalysisWorkerError) current.reject(outcome);
      else current.resolve(outcome);
    }
    this.#worker?.unref();
    this.#next();
  }
}

declare global {
  var __livsvalAnalysisWorkerPool: AnalysisWorkerPool | undefined;
}

/** The server's analysis worker pool (kept on globalThis, so that a dev-server reload keeps one worker). */
export function analysisWorkerPool(): AnalysisWorkerPool {
  globalThis.__livsvalAnalysisWorkerPool ??= new AnalysisWorkerPool();
  return globalThis.__livsvalAnalysisWorkerPool;
}
