import http from "node:http";

/** Signing in over HTTP is shared with the browser tests, which own it. */
export { signIn } from "../../test/browser/support/http-session";

/** Latency percentiles of a closed-loop HTTP load: `concurrency` workers, each sending its next request when the last answers. */
export interface LoadReport {
  requests: number;
  errors: number;
  statusCounts: Record<string, number>;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  throughput_rps: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * Run `next()` (which performs one request and resolves to its HTTP status) from `concurrency`
 * workers until `durationMs` has passed or `maxRequests` were sent. Bounded in time and count.
 */
export async function closedLoopLoad(options: {
  concurrency: number;
  durationMs: number;
  maxRequests?: number;
  next: (worker: number, i: number) => Promise<number>;
  isError?: (status: number) => boolean;
}): Promise<LoadReport> {
  const { concurrency, durationMs, next } = options;
  const maxRequests = options.maxRequests ?? 1_000_000;
  const isError = options.isError ?? ((s: number) => s >= 400 || s === 0);
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let sent = 0;
  let errors = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      let i = 0;
      while (performance.now() < deadline && sent < maxRequests) {
        sent++;
        const t0 = performance.now();
        let status = 0;
        try {
          status = await next(worker, i++);
        } catch {
          status = 0;
        }
        latencies.push(performance.now() - t0);
        statusCounts[String(status)] = (statusCounts[String(status)] ?? 0) + 1;
        if (isError(status)) errors++;
      }
    }),
  );
  const elapsed = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    statusCounts,
    p50_ms: percentile(latencies, 0.5),
    p95_ms: percentile(latencies, 0.95),
    p99_ms: percentile(latencies, 0.99),
    max_ms: latencies[latencies.length - 1] ?? NaN,
    throughput_rps: (latencies.length / elapsed) * 1000,
  };
}

/** What Chromium sends; bodies are counted as they arrive, not inflated. */
const ACCEPT_ENCODING = "gzip, deflate, br, zstd";

/**
 * A lean GET for load generation: node:http over keep-alive connections (one per concurrent
 * worker), reading the whole body without keeping it. Resolves to the status; the load generator
 * shares the machine with the server, so it should cost as little CPU per request as it can.
 */
export function leanGetter(maxSockets: number): {
  get: (url: string, headers: Record<string, string>) => Promise<number>;
  close: () => void;
} {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const get = (url: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const req = http.get(
        url,
        { agent, headers: { "Accept-Encoding": ACCEPT_ENCODING, ...headers } },
        (res) => {
          let bytes = 0;
          res.on("data", (chunk: Buffer) => (bytes += chunk.length));
          res.on("end", () => {
            const expected = Number(res.headers["content-length"] ?? bytes);
            resolve(bytes === expected ? (res.statusCode ?? 0) : 0);
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
    });
  return { get, close: () => agent.destroy() };
}
