import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  applyRoundEvent,
  createRound,
  persistRound,
  restoreRound,
  type Actor,
  type RoundContext,
  type RoundEvent,
  type RoundSnapshot,
  type RoundState,
} from "../../engine/workflow";
import { appendAuditEvent } from "../../db/repositories/audit-repository";
import {
  createRound as insertRound,
  findRoundById,
  listRounds as listRoundRows,
  RoundVersionConflictError,
  saveRoundSnapshot,
} from "../../db/repositories/round-repository";
import { inTransaction } from "../../db/repositories/transaction";
import type { Db } from "../../db/schema";

/** A stored round restored to a machine snapshot, with its save counter for optimistic concurrency. */
export interface StoredRound {
  id: string;
  title: string;
  state: RoundState;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  snapshot: RoundSnapshot;
  context: RoundContext;
}

export interface RoundSummary {
  id: string;
  title: string;
  state: RoundState;
  createdAt: string;
  updatedAt: string;
}

/** The outcome of a step: saved (with the new save counter), or refused with the reason shown to the user. */
export type StepOutcome =
  | { ok: true; version: number; state: RoundState }
  | { ok: false; reason: "refused" | "conflict"; error: string };

/** Every round, most recently changed first. */
export async function listRounds(db: Db): Promise<RoundSummary[]> {
  return (await listRoundRows(db)).map((r) => ({
    id: r.id,
    title: r.title,
    state: r.state as RoundState,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** One round restored through `restoreRound` (which checks the machine version), or null. */
export async function loadRound(db: Db, id: string): Promise<StoredRound | null> {
  const row = await findRoundById(db, id);
  if (!row) return null;
  const snapshot = restoreRound({
    machineVersion: row.machine_version,
    state: row.state,
    snapshot: row.snapshot,
  });
  return {
    id: row.id,
    title: row.title,
    state: snapshot.value as RoundState,
    version: Number(row.version),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    snapshot,
    context: snapshot.context,
  };
}

/** The round named by the route's `roundId` param, or a thrown 404 Response. */
export async function requireRound(db: Db, params: Record<string, string | undefined>): Promise<StoredRound> {
  const id = z.string().min(1).max(100).safeParse(params.roundId);
  const round = id.success ? await loadRound(db, id.data) : null;
  if (!round) throw new Response("Not found", { status: 404 });
  return round;
}

/** Create a round in `draft` and its audit event in one transaction; returns the new id. */
export async function createStoredRound(
  db: Db,
  input: { title: string; actor: Actor; at: string; id?: string; committeeQuorum?: number },
): Promise<string> {
  const id = input.id ?? randomUUID();
  const snapshot = createRound({
    roundId: id,
    title: input.title,
    createdBy: input.actor,
    createdAt: input.at,
    committeeQuorum: input.committeeQuorum,
  });
  const persisted = persistRound(snapshot);
  await inTransaction(db, async (trx) => {
    await insertRound(
      trx,
      {
        id,
        title: input.title,
        machine_version: persisted.machineVersion,
        snapshot: JSON.parse(JSON.stringify(persisted.snapshot)) as unknown,
        state: persisted.state,
        created_by: input.actor.userId,
      },
      { now: input.at },
    );
    await appendAuditEvent(
      trx,
      {
        user_id: input.actor.userId,
        action: "round.created",
        entity: "round",
        entity_id: id,
        from_state: null,
        to_state: persisted.state,
        payload: { machineVersion: persisted.machineVersion, role: input.actor.role, title: input.title },
      },
      { at: input.at },
    );
  });
  return id;
}

/**
 * Apply one event to a stored round through the machine and, when accepted, save the new snapshot
 * (with the machine version) and its audit event in one transaction. `expectedVersion` guards
 * against a lost update: when another save came in between, nothing is written.
 */
export async function applyStoredRoundEvent(
  db: Db,
  roundId: string,
  event: RoundEvent,
  options: { expectedVersion?: number; auditPayload?: Record<string, unknown> } = {},
): Promise<StepOutcome> {
  return inTransaction(db, async (trx) => {
    const round = await loadRound(trx, roundId);
    if (!round) return { ok: false, reason: "refused", error: `round ${roundId} does not exist` };
    if (options.expectedVersion !== undefined && options.expectedVersion !== round.version) {
      return {
        ok: false,
        reason: "conflict",
        error: "the round was changed by someone else since this page was loaded",
      };
    }
    const applied = applyRoundEvent(round.snapshot, event);
    if (!applied.ok) {
      await logRefusedChange(trx, round, event, applied);
      return { ok: false, reason: "refused", error: applied.error };
    }
    const persisted = persistRound(applied.snapshot);
    try {
      await saveRoundSnapshot(
        trx,
        {
          id: roundId,
          expectedVersion: round.version,
          snapshot: JSON.parse(JSON.stringify(persisted.snapshot)) as unknown,
          state: persisted.state,
          machine_version: persisted.machineVersion,
        },
        { now: event.at },
      );
    } catch (e) {
      if (!(e instanceof RoundVersionConflictError)) throw e;
      return { ok: false, reason: "conflict", error: e.message };
    }
    const audit = applied.auditEvent;
    await appendAuditEvent(
      trx,
      {
        user_id: audit.actor.userId,
        action: audit.type,
        entity: "round",
        entity_id: roundId,
        from_state: audit.from,
        to_state: audit.to,
        reason: audit.reason,
        payload: {
          machineVersion: audit.machineVersion,
          role: audit.actor.role,
          ...(options.auditPayload ?? {}),
        } as never,
      },
      { at: audit.at },
    );
    return { ok: true, version: round.version + 1, state: persisted.state };
  });
}

/** States whose decision is published: the machine refuses changes there, and each attempt is logged. */
const PUBLISHED_STATES: readonly RoundState[] = ["decided", "followedUp"];

/**
 * When the round's decision is published, record a refused attempt to change it (issue 6.4) as
 * `round.change_refused`: who, in which state, which event, and the machine's reason. Nothing else
 * is written; in other states nothing at all.
 */
export async function logRefusedChange(
  trx: Db,
  round: StoredRound,
  event: RoundEvent,
  refusal: { error: string; refusedBy: string },
): Promise<void> {
  if (!PUBLISHED_STATES.includes(round.state)) return;
  await appendAuditEvent(
    trx,
    {
      user_id: event.actor.userId,
      action: "round.change_refused",
      entity: "round",
      entity_id: round.id,
      from_state: round.state,
      to_state: null,
      reason: refusal.error,
      payload: { event: event.type, role: event.actor.role, refusedBy: refusal.refusedBy },
    },
    { at: event.at },
  );
}

/** The round's audit trail, oldest first (who, when, from, to, reason); `user` is the username when known. */
export async function listRoundAudit(db: Db, roundId: string) {
  const rows = await db
    .selectFrom("audit_events")
    .leftJoin("users", "users.id", "audit_events.user_id")
    .select([
      "audit_events.seq",
      "audit_events.at",
      "audit_events.user_id",
      "users.username",
      "audit_events.action",
      "audit_events.from_state",
      "audit_events.to_state",
      "audit_events.reason",
    ])
    .where("audit_events.entity", "=", "round")
    .where("audit_events.entity_id", "=", roundId)
    .orderBy("audit_events.seq")
    .execute();
  return rows.map(({ username, ...r }) => ({ ...r, seq: Number(r.seq), user: username ?? r.user_id }));
}
