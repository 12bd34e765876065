import { randomBytes } from "node:crypto";
import pg from "pg";
import { testPgUrl, whyNoPostgres } from "./test-postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchedReads, openPgCommitVersion, type AsyncCommitVersion } from "../../db/pg-commit-version";

// The page cache's data version on PostgreSQL: batching of reads (pure), and on a real server
// (LIVSVAL_TEST_PG_URL, as in postgres.test.ts) that the version moves with writes and only then.

/** A read whose every call is a promise the test settles by hand. */
function manualRead() {
  const calls: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  const read = () =>
    new Promise<number>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { read, calls };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("batchedReads", () => {
  it("reads at once for the first caller and serves everyone who asks meanwhile with one next read", async () => {
    const { read, calls } = manualRead();
    const get = batchedReads(read);
    const first = get();
    expect(calls.length).toBe(1);
    // these ask while read 1 is in flight: it may predate them, so they wait for read 2, together
    const later = [get(), get(), get()];
    expect(calls.length).toBe(1);
    calls[0]!.resolve(1);
    expect(await first).toBe(1);
    await tick();
    expect(calls.length).toBe(2);
    calls[1]!.resolve(2);
    expect(await Promise.all(later)).toEqual([2, 2, 2]);
    // and a caller after that quiet spell reads afresh
    const again = get();
    await tick();
    expect(calls.length).toBe(3);
    calls[2]!.resolve(3);
    expect(await again).toBe(3);
  });

  it("gives null for a read that fails, and reads again for the next caller", async () => {
    const { read, calls } = manualRead();
    const get = batchedReads(read);
    const failed = get();
    calls[0]!.reject(new Error("down"));
    expect(await failed).toBeNull();
    const next = get();
    await tick();
    expect(calls.length).toBe(2);
    calls[1]!.resolve(3);
    expect(await next).toBe(3);
  });
});

describe("openPgCommitVersion without a server", () => {
  it("reads null, quickly, when nothing answers, and does not retry within retryMs", async () => {
    let t = 0;
    const version = openPgCommitVersion("postgres://u:p@127.0.0.1:1/none", { timeoutMs: 500, now: () => t });
    expect(await version.read()).toBeNull();
    t = 10; // within the default 1 s: no new connection attempt, still null
    expect(await version.read()).toBeNull();
    await version.close();
  });
});

const url = testPgUrl;
const whyNot = await whyNoPostgres("test/db/pg-commit-version.test.ts");

describe.skipIf(whyNot !== null)("openPgCommitVersion on PostgreSQL", () => {
  // in a schema of its own: the other PostgreSQL test counts the tables it can see
  const schema = `livsval_version_${randomBytes(4).toString("hex")}`;
  const table = `${schema}.t`;
  let writer: pg.Client;
  let version: AsyncCommitVersion;

  beforeAll(async () => {
    writer = new pg.Client({ connectionString: url });
    await writer.connect();
    await writer.query(`create schema ${schema}`);
    await writer.query(`create table ${table} (x int)`);
    version = openPgCommitVersion(url!);
  });

  afterAll(async () => {
    await version?.close();
    await writer?.query(`drop schema if exists ${schema} cascade`);
    await writer?.end();
  });

  it("stays the same across reads that write nothing", async () => {
    // other test files may write to the same cluster meanwhile; one quiet pair in 20 tries suffices
    let quiet = false;
    for (let i = 0; i < 20 && !quiet; i++) {
      const before = await version.read();
      await writer.query(`select count(*) from ${table}`);
      quiet = before !== null && (await version.read()) === before;
    }
    expect(quiet).toBe(true);
  });

  it("moves when another connection commits a write, or ends a write transaction", async () => {
    const v1 = await version.read();
    await writer.query(`insert into ${table} values (1)`);
    const v2 = await version.read();
    expect(v1).not.toBeNull();
    expect(v2).not.toBe(v1);

    await writer.query("begin");
    await writer.query(`insert into ${table} values (2)`);
    const open = await version.read();
    await writer.query("commit");
    expect(await version.read()).not.toBe(open);

    await writer.query("begin");
    await writer.query(`insert into ${table} values (3)`);
    const rolling = await version.read();
    await writer.query("rollback");
    expect(await version.read()).not.toBe(rolling);
  });

  it("reads null after close", async () => {
    const own = openPgCommitVersion(url!);
    expect(await own.read()).not.toBeNull();
    await own.close();
    expect(await own.read()).toBeNull();
  });
});
