import type { BenchResult } from "./run";
import { closedLoopLoad, signIn } from "./support/http-load";
import { startServer } from "../test/browser/support/server";

/**
 * `/` (the overview) under 50 concurrent signed-in users, against the built server on a freshly
 * seeded SQLite database (run `npm run build` first). Target p95 ≤ 50 ms (issue: foundation §8).
 */
export async function bench(): Promise<BenchResult[]> {
  const server = await startServer();
  try {
    const [username, password] = Object.entries(server.passwords).find(([u]) => u.includes("viewer")) ?? [];
    if (!username || !password) throw new Error("no demo viewer in setup output");
    const { cookie } = await signIn(server.url, username, password);
    const hit = async () =>
      await fetch(`${server.url}/`, { headers: { Cookie: cookie } }).then(
        async (r) => (await r.arrayBuffer(), r.status),
      );
    await closedLoopLoad({ concurrency: 10, durationMs: 2_000, next: hit }); // warm-up
    const runs = [];
    for (let k = 0; k < 3; k++)
      runs.push(await closedLoopLoad({ concurrency: 50, durationMs: 5_000, next: hit }));
    const p95s = runs.map((r) => r.p95_ms).sort((a, b) => a - b);
    const mid = runs.find((r) => r.p95_ms === p95s[1])!;
    return [
      {
        name: "GET / p95 at 50 concurrent users (median of 3 runs of 5 s)",
        median_ms: p95s[1]!,
        target_ms: 50,
        extra: {
          p50_ms: +mid.p50_ms.toFixed(2),
          p99_ms: +mid.p99_ms.toFixed(2),
          requests: mid.requests,
          errors: mid.errors,
          throughput_rps: +mid.throughput_rps.toFixed(0),
        },
      },
    ];
  } finally {
    await server.stop();
  }
}
