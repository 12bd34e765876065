// The analysis worker's side of the protocol: runs the engine on requests from the server, off the
// server's event loop. Loaded by bin/analysis-worker.js inside a worker thread; the engine stays pure
// and the messaging lives here.
import type { MessagePort } from "node:worker_threads";
import { analyse, analyseRun } from "../../engine/decision/analyse";
import { AnalysisWorkerRequestSchema, type AnalysisWorkerResponse } from "./analysis-worker-protocol";
import { buildChartData } from "./round-charts.server";

/**
 * Answer one request: progress messages while the engine runs, then the result or the error.
 * Never throws; whatever goes wrong becomes an `error` message for the request.
 */
export async function handleAnalysisRequest(
  raw: unknown,
  post: (message: AnalysisWorkerResponse) => void,
): Promise<void> {
  const parsed = AnalysisWorkerRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const id = (raw as { id?: unknown } | null)?.id;
    post({
      type: "error",
      id: typeof id === "number" && Number.isInteger(id) && id >= 0 ? id : 0,
      name: "AnalysisWorkerProtocolError",
      message: `the analysis worker got a malformed request: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
    });
    return;
  }
  const { id, input, charts } = parsed.data;
  const onProgress = (phase: string, done: number, total: number) =>
    post({ type: "progress", id, phase, done, total });
  try {
    if (charts) {
      const run = await analyseRun(input, { onProgress });
      post({ type: "result", id, result: run.result, charts: buildChartData(run) });
    } else {
      post({ type: "result", id, result: await analyse(input, { onProgress }), charts: null });
    }
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    post({ type: "error", id, name: error.name, message: error.message, stack: error.stack });
  }
}

/** Serve requests on a port (the worker's `parentPort`), one at a time, in the order they come. */
export function serveAnalysisRequests(port: MessagePort): void {
  let queue = Promise.resolve();
  port.on("message", (raw: unknown) => {
    queue = queue.then(() => handleAnalysisRequest(raw, (m) => port.postMessage(m)));
  });
}
