import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCommitCounter, type CommitCounter } from "../../db/commit-counter";
import { createDb } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import type { Db } from "../../db/schema";

let dir: string;
let file: string;
let db: Db;
let counter: CommitCounter;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "livsval-commit-"));
  file = path.join(dir, "livsval.sqlite");
  db = createDb(file);
  await migrateToLatest(db, () => {});
  counter = openCommitCounter(file)!;
});

afterAll(async () => {
  counter?.close();
  await db?.destroy();
  await rm(dir, { recursive: true, force: true });
});

const write = (name: string) =>
  db
    .insertInto("dimensions")
    .values({ id: name, label_sv: name, label_en: name, sort: 1, kind: "current" })
    .execute();

describe("openCommitCounter", () => {
  it("stays put while nobody writes, reads included", async () => {
    const before = counter.read();
    await db.selectFrom("dimensions").selectAll().execute();
    expect(counter.read()).toBe(before);
  });

  it("moves when this process's own connection commits", async () => {
    const before = counter.read();
    await write("d1");
    expect(counter.read()).not.toBe(before);
  });

  it("does not move for a transaction that was rolled back", async () => {
    const before = counter.read();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto("dimensions")
          .values({ id: "d2", label_sv: "x", label_en: "x", sort: 2, kind: "current" })
          .execute();
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(counter.read()).toBe(before);
  });

  it("moves when another process commits (a CLI beside the server)", async () => {
    const before = counter.read();
    const script = `const D=require("better-sqlite3");const d=new D(${JSON.stringify(file)});d.exec("INSERT INTO dimensions (id,label_sv,label_en,sort,kind) VALUES ('d3','x','x',3,'current')");d.close();`;
    const child = spawnSync(process.execPath, ["-e", script], { cwd: process.cwd(), encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(counter.read()).not.toBe(before);
    const rows = await sql<{ n: number }>`select count(*) as n from dimensions`.execute(db);
    expect(rows.rows[0]!.n).toBe(2);
  });

  it("is null where no counter exists: PostgreSQL, in-memory SQLite, a file not there", () => {
    expect(openCommitCounter("postgres://u:p@localhost/x")).toBeNull();
    expect(openCommitCounter(":memory:")).toBeNull();
    expect(openCommitCounter(path.join(dir, "missing.sqlite"))).toBeNull();
  });
});
