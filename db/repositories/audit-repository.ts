import { createHash } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import type { AuditEvent, Db } from "../schema";
import { JsonSchema, parseJsonColumn, type Json } from "./json-column";
import { inRetriedTransaction, isPostgres } from "./transaction";

/** The `prev_hash` of the first event in the chain. */
export const GENESIS_HASH = "0".repeat(64);

/** What a caller records; seq, time and hashes are added by {@link appendAuditEvent}. */
export const AuditEventInputSchema = z.object({
  user_id: z.string().nullable().default(null),
  action: z.string().min(1),
  entity: z.string().min(1),
  entity_id: z.string().nullable().default(null),
  from_state: z.string().nullable().default(null),
  to_state: z.string().nullable().default(null),
  reason: z.string().nullable().default(null),
  payload: JsonSchema.default({}),
});
export type AuditEventInput = z.input<typeof AuditEventInputSchema>;

/** A stored audit event with its payload parsed. */
export type AuditRecord = Omit<AuditEvent, "payload"> & { payload: Json };

/** A problem found by {@link verifyAuditChain}, naming the seq it concerns. */
export interface AuditProblem {
  seq: number;
  kind: "edited" | "deleted" | "reordered" | "broken_link";
  message: string;
}

/**
 * JSON with object keys sorted (recursively) and no whitespace, so equal values always serialise to the
 * same text (the key-ordering rule of RFC 8785, JSON Canonicalization Scheme). Refuses values JSON
 * cannot represent exactly (non-finite numbers, undefined, functions).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  throw new Error(`canonicalJson: a ${typeof value} has no JSON form`);
}

type HashedFields = Omit<AuditRecord, "prev_hash" | "hash">;

/** sha256(prev_hash + canonical JSON of the event's fields), hex. */
export function auditEventHash(prevHash: string, event: HashedFields): string {
  const fields = {
    seq: event.seq,
    at: event.at,
    user_id: event.user_id,
    action: event.action,
    entity: event.entity,
    entity_id: event.entity_id,
    from_state: event.from_state,
    to_state: event.to_state,
    reason: event.reason,
    payload: event.payload,
  };
  return createHash("sha256")
    .update(prevHash + canonicalJson(fields), "utf8")
    .digest("hex");
}

function parseRow(row: AuditEvent): AuditRecord {
  return { ...row, seq: Number(row.seq), payload: parseJsonColumn(row.payload) };
}

/**
 * Append one event to the audit chain, inside the caller's transaction when given one (so the event
 * commits or rolls back with the change it records). Takes the next seq and links to the last hash;
 * on its own transaction, retried when another process appended first.
 * @param options.at the event time (ISO 8601); now by default
 */
export async function appendAuditEvent(
  db: Db,
  event: AuditEventInput,
  options: { at?: string } = {},
): Promise<AuditRecord> {
  const input = AuditEventInputSchema.parse(event);
  const at = options.at ?? new Date().toISOString();
  return inRetriedTransaction(db, async (trx) => {
    // PostgreSQL: serialise appenders so two cannot take the same seq. SQLite: statements on one
    // connection are serialised already; a second process that read a stale last event fails to write
    // (busy snapshot or the seq key) and its transaction is run again.
    if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(7265431)`.execute(trx);
    const last = await trx
      .selectFrom("audit_events")
      .select(["seq", "hash"])
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    const fields: HashedFields = { seq: last ? Number(last.seq) + 1 : 1, at, ...input };
    const prev_hash = last?.hash ?? GENESIS_HASH;
    const hash = auditEventHash(prev_hash, fields);
    await trx
      .insertInto("audit_events")
      .values({ ...fields, payload: canonicalJson(fields.payload), prev_hash, hash })
      .execute();
    return { ...fields, prev_hash, hash };
  });
}

/**
 * Events in seq order (or newest first), optionally for one entity (and one entity id), one user, or
 * a page: those before or after a seq, at most `limit`.
 */
export async function listAuditEvents(
  db: Db,
  filter: {
    entity?: string;
    entityId?: string;
    userId?: string;
    afterSeq?: number;
    beforeSeq?: number;
    limit?: number;
    newestFirst?: boolean;
  } = {},
): Promise<AuditRecord[]> {
  let q = db
    .selectFrom("audit_events")
    .selectAll()
    .orderBy("seq", filter.newestFirst ? "desc" : "asc");
  if (filter.entity !== undefined) q = q.where("entity", "=", filter.entity);
  if (filter.entityId !== undefined) q = q.where("entity_id", "=", filter.entityId);
  if (filter.userId !== undefined) q = q.where("user_id", "=", filter.userId);
  if (filter.afterSeq !== undefined) q = q.where("seq", ">", filter.afterSeq);
  if (filter.beforeSeq !== undefined) q = q.where("seq", "<", filter.beforeSeq);
  if (filter.limit !== undefined) q = q.limit(filter.limit);
  return (await q.execute()).map(parseRow);
}

const PAGE = 5000;
/** How far from its stored seq a renumbered event's original seq is searched for. */
const RENUMBER_WINDOW = 64;

/**
 * Check the whole audit chain and list every problem, each naming a seq:
 * - "deleted": a seq is missing (an event was removed), or the chain ends before `anchor`;
 * - "edited": an event's fields no longer give its stored hash;
 * - "reordered": an event's fields give its hash only at another position (its seq was changed); when
 *   events were renumbered to close a gap, the missing one is reported "deleted" as well;
 * - "broken_link": an intact event whose prev_hash is not the previous event's hash (the previous
 *   event was replaced together with its hash).
 * Removing the newest events leaves a valid shorter chain; pass an `anchor` (a seq and hash recorded
 * elsewhere) to detect that.
 */
export async function verifyAuditChain(
  db: Db,
  options: { anchor?: { seq: number; hash: string } } = {},
): Promise<{ events: number; problems: AuditProblem[] }> {
  const rows: AuditRecord[] = [];
  for (let after = -Infinity; ;) {
    let q = db.selectFrom("audit_events").selectAll().orderBy("seq").limit(PAGE);
    if (after !== -Infinity) q = q.where("seq", ">", after);
    const page = (await q.execute()).map(parseRow);
    rows.push(...page);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.seq;
  }

  // Where each event was written: its depth in the prev_hash chain (undefined when the chain back to
  // the genesis is broken).
  const prevOf = new Map(rows.map((r) => [r.hash, r.prev_hash]));
  const depth = new Map<string, number | undefined>([[GENESIS_HASH, 0]]);
  const writtenAt = (hash: string): number | undefined => {
    const path: string[] = [];
    let h: string | undefined = hash;
    while (h !== undefined && !depth.has(h)) {
      path.push(h);
      h = prevOf.get(h);
      if (path.length > rows.length) return undefined; // a cycle: only possible in a forged chain
    }
    let d = h === undefined ? undefined : depth.get(h);
    for (let i = path.length - 1; i >= 0; i--) {
      d = d === undefined ? undefined : d + 1;
      depth.set(path[i]!, d);
    }
    return depth.get(hash);
  };

  // The seq an intact but moved event was written at: its depth in the chain, or, when the chain back
  // to the genesis is broken (an event deleted and the rest renumbered), a nearby seq that gives its hash.
  const originalSeq = (r: AuditRecord): number | undefined => {
    const gives = (seq: number) =>
      seq >= 1 && seq !== r.seq && auditEventHash(r.prev_hash, { ...r, seq }) === r.hash;
    const depthSeq = writtenAt(r.hash);
    if (depthSeq !== undefined && gives(depthSeq)) return depthSeq;
    for (let d = 1; d <= RENUMBER_WINDOW; d++) {
      if (gives(r.seq + d)) return r.seq + d;
      if (gives(r.seq - d)) return r.seq - d;
    }
    return undefined;
  };

  const problems: AuditProblem[] = [];
  const reportedMissing = new Set<number>();
  let expectedSeq = 1;
  let expectedPrev = GENESIS_HASH;
  let previousFlagged = false;
  for (const r of rows) {
    let flagged = false;
    const gap = r.seq > expectedSeq;
    if (gap) {
      for (let m = expectedSeq; m < r.seq; m++) reportedMissing.add(m);
      problems.push({
        seq: expectedSeq,
        kind: "deleted",
        message:
          r.seq - expectedSeq === 1
            ? `event ${expectedSeq} is missing (deleted)`
            : `events ${expectedSeq}–${r.seq - 1} are missing (deleted)`,
      });
    }
    if (auditEventHash(r.prev_hash, r) !== r.hash) {
      flagged = true;
      const original = originalSeq(r);
      if (original !== undefined) {
        problems.push({
          seq: r.seq,
          kind: "reordered",
          message: `event at seq ${r.seq} was written as event ${original} (moved)`,
        });
        // Renumbered to hide a gap: the event it was written after is gone.
        if (r.prev_hash !== GENESIS_HASH && !prevOf.has(r.prev_hash) && !reportedMissing.has(original - 1)) {
          reportedMissing.add(original - 1);
          problems.push({
            seq: original - 1,
            kind: "deleted",
            message: `event ${original - 1} (as first written) is missing (deleted; later events renumbered)`,
          });
        }
      } else {
        problems.push({
          seq: r.seq,
          kind: "edited",
          message: `event ${r.seq} does not match its hash (edited)`,
        });
      }
    } else if (r.prev_hash !== expectedPrev && !gap && !previousFlagged) {
      flagged = true;
      problems.push({
        seq: r.seq,
        kind: "broken_link",
        message: `event ${r.seq} does not link to event ${r.seq - 1}'s hash (event ${r.seq - 1} was replaced)`,
      });
    }
    expectedSeq = r.seq + 1;
    expectedPrev = r.hash;
    previousFlagged = flagged;
  }

  const anchor = options.anchor;
  if (anchor) {
    const at = rows.find((r) => r.seq === anchor.seq);
    if (!at) {
      if (expectedSeq <= anchor.seq) {
        problems.push({
          seq: expectedSeq,
          kind: "deleted",
          message: `events ${expectedSeq}–${anchor.seq} are missing: the chain ends before the anchor`,
        });
      }
    } else if (at.hash !== anchor.hash) {
      problems.push({
        seq: anchor.seq,
        kind: "edited",
        message: `event ${anchor.seq} differs from the anchor`,
      });
    }
  }
  problems.sort((a, b) => a.seq - b.seq || Number(b.kind === "deleted") - Number(a.kind === "deleted"));
  return { events: rows.length, problems };
}
