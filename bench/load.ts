import { startServer } from "../test/browser/support/server";
import { closedLoopLoad, signIn } from "./support/http-load";

/**
 * Mixed read/write load: LOAD_USERS signed-in users (default 100) for LOAD_SECONDS (default 60)
 * against the built server on a freshly seeded SQLite database, on loopback only. Each user loops:
 * mostly page reads (overview, rounds list, a round), and for roles that may create rounds, a
 * "new round" form post now and then (a write with its audit event). Prints p50/p95/p99 and errors.
 */
const users = Number(process.env.LOAD_USERS ?? 100);
const seconds = Number(process.env.LOAD_SECONDS ?? 60);

const server = await startServer();
try {
  const demo = Object.entries(server.passwords);
  if (demo.length === 0) throw new Error("setup printed no demo users");
  process.stderr.write(`load: signing in ${users} sessions…\n`);
  const sessions: { cookie: string; csrf: string; writer: boolean }[] = [];
  for (let i = 0; i < users; i += 4) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(4, users - i) }, (_, k) => {
        const [username, password] = demo[(i + k) % demo.length]!;
        return signIn(server.url, username, password).then((s) => ({
          ...s,
          writer: /analyst|budget|admin/.test(username),
        }));
      }),
    );
    sessions.push(...batch);
  }
  const roundPage = await fetch(`${server.url}/rounds`, { headers: { Cookie: sessions[0]!.cookie } }).then(
    (r) => r.text(),
  );
  const roundLinks = [...roundPage.matchAll(/href="(\/rounds\/[\w-]+)"/g)]
    .map((m) => m[1]!)
    .filter((h) => h !== "/rounds/new");
  process.stderr.write(`load: ${users} users for ${seconds} s…\n`);
  const report = await closedLoopLoad({
    concurrency: users,
    durationMs: seconds * 1000,
    isError: (s) => s === 0 || s >= 400,
    next: async (worker, i) => {
      const s = sessions[worker]!;
      const pick = (i * 7 + worker) % 20;
      if (s.writer && pick === 0) {
        const r = await fetch(`${server.url}/rounds/new`, {
          method: "POST",
          redirect: "manual",
          headers: {
            Cookie: s.cookie,
            Origin: server.url,
            "Content-Type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({
            csrf: s.csrf,
            title: `Load test round ${worker}-${i} (synthetic)`,
            quorum: "1",
          }),
        });
        await r.arrayBuffer();
        return r.status === 302 ? 200 : r.status;
      }
      const path =
        pick < 14
          ? "/"
          : pick < 18 || roundLinks.length === 0
            ? "/rounds"
            : roundLinks[i % roundLinks.length]!;
      const r = await fetch(`${server.url}${path}`, { headers: { Cookie: s.cookie }, redirect: "manual" });
      await r.arrayBuffer();
      return r.status;
    },
  });
  process.stdout.write(JSON.stringify({ users, seconds, ...report }, null, 2) + "\n");
  if (report.errors > 0) process.exitCode = 1;
} finally {
  await server.stop();
}
