import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAuditEvent, listAuditEvents } from "../../../db/repositories/audit-repository";
import {
  RoundVersionConflictError,
  createRound,
  findRoundById,
  listRounds,
  saveRoundSnapshot,
} from "../../../db/repositories/round-repository";
import type { Db } from "../../../db/schema";
import { freshDb } from "../fresh-db";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.destroy();
});

const draft = { value: "draft", context: { budget: null, candidates: [] as string[] } };

describe("rounds", () => {
  it("round-trips a round and its snapshot", async () => {
    const created = await createRound(
      db,
      {
        id: "r1",
        title: "Omgång 2027",
        machine_version: "1",
        snapshot: draft,
        state: "draft",
        created_by: "u1",
      },
      { now: "2026-12-04T20:00:00.000Z" },
    );
    expect(created.version).toBe(1);
    expect(await findRoundById(db, "r1")).toEqual({
      id: "r1",
      title: "Omgång 2027",
      machine_version: "1",
      snapshot: draft,
      state: "draft",
      version: 1,
      created_by: "u1",
      created_at: "2026-12-04T20:00:00.000Z",
      updated_at: "2026-12-04T20:00:00.000Z",
    });
    expect(await findRoundById(db, "r2")).toBeNull();
  });

  it("saves a snapshot over the version it loaded and counts the version up", async () => {
    await createRound(db, { id: "r1", title: "t", machine_version: "1", snapshot: draft, state: "draft" });
    const scoped = { value: "scoped", context: { budget: 5_000_000, candidates: [] } };
    const saved = await saveRoundSnapshot(
      db,
      { id: "r1", expectedVersion: 1, snapshot: scoped, state: "scoped" },
      { now: "2026-12-04T21:00:00.000Z" },
    );
    expect(saved).toMatchObject({
      version: 2,
      state: "scoped",
      snapshot: scoped,
      updated_at: "2026-12-04T21:00:00.000Z",
    });
    expect(await listRounds(db, { state: "scoped" })).toHaveLength(1);
  });

  it("refuses a save over a stale version and leaves the round as it was", async () => {
    await createRound(db, { id: "r1", title: "t", machine_version: "1", snapshot: draft, state: "draft" });
    await saveRoundSnapshot(db, { id: "r1", expectedVersion: 1, snapshot: draft, state: "scoped" });
    const stale = saveRoundSnapshot(db, { id: "r1", expectedVersion: 1, snapshot: {}, state: "analysed" });
    await expect(stale).rejects.toThrow(RoundVersionConflictError);
    await expect(stale).rejects.toThrow("round r1 is at version 2, not 1: it was changed meanwhile");
    expect((await findRoundById(db, "r1"))?.state).toBe("scoped");
    await expect(
      saveRoundSnapshot(db, { id: "r9", expectedVersion: 1, snapshot: {}, state: "x" }),
    ).rejects.toThrow("round r9 does not exist");
  });

  it("commits a transition and its audit event together, or neither", async () => {
    await createRound(db, { id: "r1", title: "t", machine_version: "1", snapshot: draft, state: "draft" });
    await expect(
      db.transaction().execute(async (trx) => {
        await saveRoundSnapshot(trx, { id: "r1", expectedVersion: 1, snapshot: draft, state: "scoped" });
        await appendAuditEvent(trx, { action: "round.transition", entity: "round", entity_id: "r1" });
        throw new Error("something after failed");
      }),
    ).rejects.toThrow("something after failed");
    expect((await findRoundById(db, "r1"))?.version).toBe(1);
    expect(await listAuditEvents(db)).toEqual([]);
  });

  it("refuses a snapshot that is not JSON", async () => {
    await expect(
      createRound(db, {
        id: "r1",
        title: "t",
        machine_version: "1",
        snapshot: { f: () => 1 },
        state: "draft",
      }),
    ).rejects.toThrow();
  });
});
