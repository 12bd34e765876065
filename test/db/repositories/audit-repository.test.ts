import { createHash } from "node:crypto";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  GENESIS_HASH,
  appendAuditEvent,
  canonicalJson,
  listAuditEvents,
  verifyAuditChain,
} from "../../../db/repositories/audit-repository";
import type { Db } from "../../../db/schema";
import { freshDb } from "../fresh-db";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.destroy();
});

async function appendFive(): Promise<void> {
  for (let i = 1; i <= 5; i++) {
    await appendAuditEvent(
      db,
      {
        user_id: "u1",
        action: "round.transition",
        entity: "round",
        entity_id: "r1",
        from_state: `s${i - 1}`,
        to_state: `s${i}`,
        reason: i === 3 ? "budget changed" : null,
        payload: { step: i, notes: ["a", "b"] },
      },
      { at: `2026-12-04T21:0${i}:00.000Z` },
    );
  }
}

async function dropAppendOnlyTriggers(): Promise<void> {
  await sql`drop trigger audit_events_no_update`.execute(db);
  await sql`drop trigger audit_events_no_delete`.execute(db);
}

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    );
  });

  it("refuses a number JSON cannot hold", () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/NaN has no JSON form/);
  });
});

describe("appendAuditEvent", () => {
  it("starts the chain at seq 1 from the genesis hash, hashing prev_hash + canonical JSON", async () => {
    const e = await appendAuditEvent(
      db,
      { action: "user.created", entity: "user", entity_id: "u1", payload: { role: "admin" } },
      { at: "2026-12-04T21:00:00.000Z" },
    );
    expect(e.seq).toBe(1);
    expect(e.prev_hash).toBe(GENESIS_HASH);
    // The canonical text written out by hand, keys in code-point order:
    const text =
      '{"action":"user.created","at":"2026-12-04T21:00:00.000Z","entity":"user","entity_id":"u1",' +
      '"from_state":null,"payload":{"role":"admin"},"reason":null,"seq":1,"to_state":null,"user_id":null}';
    expect(e.hash).toBe(
      createHash("sha256")
        .update(GENESIS_HASH + text)
        .digest("hex"),
    );
  });

  it("links each event to the hash of the one before", async () => {
    await appendFive();
    const events = await listAuditEvents(db);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prev_hash).toBe(events[i - 1]!.hash);
    expect(events[2]!.payload).toEqual({ step: 3, notes: ["a", "b"] });
    expect(events[2]!.reason).toBe("budget changed");
  });

  it("rolls back with the caller's transaction", async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, { action: "x", entity: "round" });
        throw new Error("the change it records failed");
      }),
    ).rejects.toThrow("the change it records failed");
    expect(await listAuditEvents(db)).toEqual([]);
  });

  it("refuses an event without an action", async () => {
    await expect(appendAuditEvent(db, { action: "", entity: "round" })).rejects.toThrow();
  });

  it("filters by entity and entity id", async () => {
    await appendAuditEvent(db, { action: "a", entity: "round", entity_id: "r1" });
    await appendAuditEvent(db, { action: "b", entity: "round", entity_id: "r2" });
    await appendAuditEvent(db, { action: "c", entity: "user", entity_id: "r1" });
    const found = await listAuditEvents(db, { entity: "round", entityId: "r1" });
    expect(found.map((e) => e.action)).toEqual(["a"]);
    expect((await listAuditEvents(db, { userId: "nobody" })).length).toBe(0);
  });

  it("pages through events by seq, oldest or newest first", async () => {
    await appendFive();
    expect((await listAuditEvents(db, { afterSeq: 2, limit: 2 })).map((e) => e.seq)).toEqual([3, 4]);
    expect(
      (await listAuditEvents(db, { beforeSeq: 5, limit: 2, newestFirst: true })).map((e) => e.seq),
    ).toEqual([4, 3]);
    expect((await listAuditEvents(db, { userId: "u1" })).length).toBe(5);
  });
});

describe("the audit log is append-only", () => {
  it("refuses UPDATE", async () => {
    await appendFive();
    await expect(
      db.updateTable("audit_events").set({ reason: "rewritten" }).where("seq", "=", 2).execute(),
    ).rejects.toThrow(/append-only: UPDATE refused/);
  });

  it("refuses DELETE", async () => {
    await appendFive();
    await expect(db.deleteFrom("audit_events").where("seq", "=", 2).execute()).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    expect((await listAuditEvents(db)).length).toBe(5);
  });
});

describe("verifyAuditChain", () => {
  it("finds no problem in an intact chain", async () => {
    await appendFive();
    expect(await verifyAuditChain(db)).toEqual({ events: 5, problems: [] });
  });

  it("finds no problem in an empty log", async () => {
    expect(await verifyAuditChain(db)).toEqual({ events: 0, problems: [] });
  });

  it("names the seq of an event whose payload was edited", async () => {
    await appendFive();
    await dropAppendOnlyTriggers();
    await db
      .updateTable("audit_events")
      .set({ payload: '{"notes":["a","b"],"step":99}' })
      .where("seq", "=", 3)
      .execute();
    const { problems } = await verifyAuditChain(db);
    expect(problems).toEqual([
      { seq: 3, kind: "edited", message: "event 3 does not match its hash (edited)" },
    ]);
  });

  it("accepts a payload rewritten with other whitespace or key order, since the hash is over canonical JSON", async () => {
    await appendFive();
    await dropAppendOnlyTriggers();
    await db
      .updateTable("audit_events")
      .set({ payload: '{ "step": 3, "notes": ["a", "b"] }' })
      .where("seq", "=", 3)
      .execute();
    expect((await verifyAuditChain(db)).problems).toEqual([]);
  });

  it("names the seq of a deleted event", async () => {
    await appendFive();
    await dropAppendOnlyTriggers();
    await db.deleteFrom("audit_events").where("seq", "=", 2).execute();
    const { events, problems } = await verifyAuditChain(db);
    expect(events).toBe(4);
    expect(problems).toEqual([{ seq: 2, kind: "deleted", message: "event 2 is missing (deleted)" }]);
  });

  it("names both seqs of a reordered pair", async () => {
    await appendFive();
    await dropAppendOnlyTriggers();
    // swap the events at seq 3 and 4 through a free seq
    await db.updateTable("audit_events").set({ seq: 100 }).where("seq", "=", 3).execute();
    await db.updateTable("audit_events").set({ seq: 3 }).where("seq", "=", 4).execute();
    await db.updateTable("audit_events").set({ seq: 4 }).where("seq", "=", 100).execute();
    const { problems } = await verifyAuditChain(db);
    expect(problems).toEqual([
      { seq: 3, kind: "reordered", message: "event at seq 3 was written as event 4 (moved)" },
      { seq: 4, kind: "reordered", message: "event at seq 4 was written as event 3 (moved)" },
    ]);
  });

  it("names a deleted event even when later events were renumbered to hide the gap", async () => {
    await appendFive();
    await dropAppendOnlyTriggers();
    await db.deleteFrom("audit_events").where("seq", "=", 2).execute();
    for (const seq of [3, 4, 5])
      await db
        .updateTable("audit_events")
        .set({ seq: seq - 1 })
        .where("seq", "=", seq)
        .execute();
    const { events, problems } = await verifyAuditChain(db);
    expect(events).toBe(4);
    expect(problems).toEqual([
      {
        seq: 2,
        kind: "deleted",
        message: "event 2 (as first written) is missing (deleted; later events renumbered)",
      },
      { seq: 2, kind: "reordered", message: "event at seq 2 was written as event 3 (moved)" },
      { seq: 3, kind: "reordered", message: "event at seq 3 was written as event 4 (moved)" },
      { seq: 4, kind: "reordered", message: "event at seq 4 was written as event 5 (moved)" },
    ]);
  });

  it("names the event after one replaced together with its hash", async () => {
    await appendFive();
    await dropAppendOnlyTriggers();
    const [e2] = await listAuditEvents(db, { limit: 2 }).then((es) => es.slice(1));
    const forged = { ...e2!, reason: "forged" };
    const { auditEventHash } = await import("../../../db/repositories/audit-repository");
    await db
      .updateTable("audit_events")
      .set({ reason: "forged", hash: auditEventHash(forged.prev_hash, forged) })
      .where("seq", "=", 2)
      .execute();
    const { problems } = await verifyAuditChain(db);
    expect(problems).toEqual([
      {
        seq: 3,
        kind: "broken_link",
        message: "event 3 does not link to event 2's hash (event 2 was replaced)",
      },
    ]);
  });

  it("detects the newest events removed only when given an anchor", async () => {
    await appendFive();
    const last = (await listAuditEvents(db)).at(-1)!;
    await dropAppendOnlyTriggers();
    await db.deleteFrom("audit_events").where("seq", ">=", 4).execute();
    expect((await verifyAuditChain(db)).problems).toEqual([]);
    const { problems } = await verifyAuditChain(db, { anchor: { seq: last.seq, hash: last.hash } });
    expect(problems).toEqual([
      { seq: 4, kind: "deleted", message: "events 4–5 are missing: the chain ends before the anchor" },
    ]);
  });
});
