import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPgUrl, whyNoPostgres } from "../db/test-postgres";
import { signIn } from "./support/http-session";
import { startServer, type RunningServer } from "./support/server";

// The page cache on the built server with DATABASE_URL on PostgreSQL: it is on (its snapshot
// connection is open), a page served again is the fresh render with its own nonce, and a write by
// another connection shows at once. The server runs on a database of its own, created and dropped
// here (the role needs CREATEDB; .ci/start-postgres.sh grants it).

const database = `livsval_page_cache_${randomBytes(4).toString("hex")}`;

async function createOwnDatabase(): Promise<string | null> {
  const why = await whyNoPostgres("test/browser/page-cache-postgres.test.ts");
  if (why !== null) return why;
  const admin = new pg.Client({ connectionString: testPgUrl });
  try {
    await admin.connect();
    await admin.query(`create database ${database}`);
    return null;
  } catch (e) {
    const message = `cannot create a database: ${(e as Error).message}`;
    process.stderr.write(`test/browser/page-cache-postgres.test.ts: skipped: ${message}\n`);
    return message;
  } finally {
    await admin.end().catch(() => {});
  }
}

const whyNot = await createOwnDatabase();

describe.skipIf(whyNot !== null)("the page cache on PostgreSQL", () => {
  const url = new URL(testPgUrl ?? "postgres://x/none");
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  let server: RunningServer;
  let writer: pg.Client;

  beforeAll(async () => {
    server = await startServer({ DATABASE_URL: databaseUrl });
    writer = new pg.Client({ connectionString: databaseUrl });
    await writer.connect();
  });

  afterAll(async () => {
    await server?.stop();
    await writer?.end().catch(() => {});
    // plain DROP: it stops an autovacuum worker itself, where WITH (FORCE) needs the right to signal
    // it and fails; our own connections are closed, so retry only while they finish going away
    const admin = new pg.Client({ connectionString: testPgUrl });
    await admin.connect();
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await admin.query(`drop database if exists ${database}`);
          break;
        } catch (e) {
          if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    } finally {
      await admin.end();
    }
  });

  async function get(path: string, cookie: string) {
    const res = await fetch(server.url + path, {
      headers: { Cookie: cookie, "Accept-Encoding": "identity" },
    });
    const body = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? "";
    return { status: res.status, body, nonce };
  }

  it("is on, serves a page again with a fresh nonce, and shows another connection's write at once", async () => {
    const [username, password] = Object.entries(server.passwords).find(([u]) => u.includes("analyst"))!;
    const { cookie } = await signIn(server.url, username, password);
    const first = await get("/data", cookie);
    const second = await get("/data", cookie);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.body.split(second.nonce).join("N")).toBe(first.body.split(first.nonce).join("N"));

    // the server's snapshot connection, which only an active page cache opens
    const watching = await writer.query(
      "select count(*)::int as n from pg_stat_activity where application_name = 'livsval-page-cache' and datname = $1",
      [database],
    );
    expect(watching.rows[0].n).toBe(1);

    const label = "Etikett ändrad av en annan anslutning";
    expect(second.body).not.toContain(label);
    await writer.query("update indicators set label = $1 where id = (select min(id) from indicators)", [
      label,
    ]);
    expect((await get("/data", cookie)).body).toContain(label);
  });
});
