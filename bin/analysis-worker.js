// Entry of the server's analysis worker thread (app/utils/analysis-worker-pool.server.ts starts it).
// The engine is TypeScript source and the server a Vite bundle without it, so the worker runs the
// TypeScript through tsx, as the CLI does.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

if (!parentPort) throw new Error("bin/analysis-worker.js runs only as a worker thread");
register();
const { serveAnalysisRequests } = await import("../app/utils/analysis-worker-thread.ts");
serveAnalysisRequests(parentPort);
