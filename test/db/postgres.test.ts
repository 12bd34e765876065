import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { testPgUrl, whyNoPostgres } from "./test-postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import { migrateDown, migrateToLatest, migrations } from "../../db/migrate";
import { appendAuditEvent, verifyAuditChain } from "../../db/repositories/audit-repository";
import {
  countObservations,
  findObservations,
  insertObservations,
} from "../../db/repositories/observation-repository";
import {
  RoundVersionConflictError,
  createRound,
  saveRoundSnapshot,
} from "../../db/repositories/round-repository";
import {
  findLatestScenario,
  listScenarios,
  saveScenarioVersion,
} from "../../db/repositories/scenario-repository";
import { createSession, createUser, findSession } from "../../db/repositories/user-repository";
import type { Db, NewObservation } from "../../db/schema";
import { seedBasics } from "./fresh-db";

// Runs against a real PostgreSQL when LIVSVAL_TEST_PG_URL names a server that answers
// (e.g. `export LIVSVAL_TEST_PG_URL="$(sh .ci/start-postgres.sh | tail -n 1)"`); skipped otherwise.
// Each run works in a fresh schema of its own, dropped at the end.
const url = testPgUrl;
const whyNot = await whyNoPostgres("test/db/postgres.test.ts");

describe.skipIf(whyNot !== null)("the database layer on PostgreSQL", () => {
  const schema = `livsval_test_${randomBytes(4).toString("hex")}`;
  let admin: pg.Client;
  let db: Db;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const sep = url!.includes("?") ? "&" : "?";
    db = createDb(`${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
    await migrateToLatest(db, () => {}, { schema });
  });

  afterAll(async () => {
    await db?.destroy();
    await admin?.query(`drop schema if exists ${schema} cascade`);
    await admin?.end();
  });

  it("migrates up into an empty schema", async () => {
    const tables = await db.introspection.getTables();
    expect(tables.filter((t) => t.schema === schema && !t.name.startsWith("kysely_")).length).toBe(22);
  });

  it("round-trips observations through the chunked insert, rolling back a failing batch", async () => {
    await seedBasics(db);
    const rows: NewObservation[] = Array.from({ length: 230 }, (_, i) => ({
      indicator_id: "life_expectancy",
      area_id: i % 2 ? "1283" : "1283-S1",
      group_code: i % 3 ? null : "age_20_44_f",
      period: String(1800 + i),
      value: 80 + i / 100,
      u: i % 5 ? 0.25 : null,
      n: i % 7 ? 100 + i : null,
      dataset_id: "ds1",
    }));
    expect(await insertObservations(db, rows, { rowsPerStatement: 100 })).toBe(230);
    expect(await countObservations(db, { areaId: "1283" })).toBe(115);
    const [first] = await findObservations(db, { areaId: "1283-S1", period: "1800" });
    expect(first).toEqual({ ...rows[0], group_code: "age_20_44_f" });
    await expect(insertObservations(db, [{ ...rows[5]!, period: "3000" }, rows[5]!])).rejects.toThrow(
      /duplicate key/,
    );
    expect(await countObservations(db)).toBe(230);
  });

  it("keeps the audit log append-only and verifiable", async () => {
    for (const action of ["a", "b", "c"])
      await appendAuditEvent(db, { action, entity: "round", payload: { n: 1.5 } });
    expect(await verifyAuditChain(db)).toEqual({ events: 3, problems: [] });
    await expect(sql`update audit_events set action = 'x' where seq = 2`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events where seq = 2`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(/append-only/);
  });

  it("checks round versions, versions scenarios and finds sessions", async () => {
    await createRound(db, {
      id: "r1",
      title: "t",
      machine_version: "1",
      snapshot: { value: "draft" },
      state: "draft",
    });
    const saved = await saveRoundSnapshot(db, {
      id: "r1",
      expectedVersion: 1,
      snapshot: { value: "scoped" },
      state: "scoped",
    });
    expect(saved.version).toBe(2);
    await expect(
      saveRoundSnapshot(db, { id: "r1", expectedVersion: 1, snapshot: {}, state: "x" }),
    ).rejects.toThrow(RoundVersionConflictError);

    await saveScenarioVersion(db, "equal", { eps: 0 });
    await saveScenarioVersion(db, "equal", { eps: 1 });
    expect((await findLatestScenario(db, "equal"))?.json).toEqual({ eps: 1 });
    expect(await listScenarios(db)).toMatchObject([{ id: "equal", version: 2 }]);

    const u = await createUser(db, { username: "anna", password_hash: "h", role: "admin" });
    const s = await createSession(db, { user_id: u.id, expires_at: "2999-01-01T00:00:00.000Z" });
    expect((await findSession(db, s.id))?.user.username).toBe("anna");
  });

  it("migrates all the way down, leaving no table", async () => {
    await migrateDown(db, { all: true, log: () => {}, schema });
    const tables = await db.introspection.getTables();
    // only this run's schema: other tests may have tables of their own on the same server
    expect(tables.filter((t) => t.schema === schema && !t.name.startsWith("kysely_"))).toEqual([]);
    expect(Object.keys(migrations).length).toBe(6);
  });
});
