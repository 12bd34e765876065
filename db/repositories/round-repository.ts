import type { Db, Round } from "../schema";
import { JsonSchema, parseJsonColumn, type Json } from "./json-column";

/** A round with its persisted machine snapshot parsed (any JSON; the machine restores it). */
export type RoundRecord = Omit<Round, "snapshot"> & { snapshot: Json };

/** A round without its snapshot, for listings. */
export type RoundSummary = Omit<Round, "snapshot">;

/** Saving a snapshot over a version other than the one the caller loaded. */
export class RoundVersionConflictError extends Error {
  override readonly name = "RoundVersionConflictError";
  constructor(
    readonly roundId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
  ) {
    super(
      actualVersion === null
        ? `round ${roundId} does not exist`
        : `round ${roundId} is at version ${actualVersion}, not ${expectedVersion}: it was changed meanwhile`,
    );
  }
}

function toJsonText(snapshot: unknown): string {
  return JSON.stringify(JsonSchema.parse(snapshot));
}

function parseRound(row: Round): RoundRecord {
  return { ...row, version: Number(row.version), snapshot: parseJsonColumn(row.snapshot) };
}

/** Create a round at version 1. Fails if the id exists. */
export async function createRound(
  db: Db,
  round: {
    id: string;
    title: string;
    machine_version: string;
    snapshot: unknown;
    state: string;
    created_by?: string | null;
  },
  options: { now?: string } = {},
): Promise<RoundRecord> {
  const now = options.now ?? new Date().toISOString();
  const row: Round = {
    id: round.id,
    title: round.title,
    machine_version: round.machine_version,
    snapshot: toJsonText(round.snapshot),
    state: round.state,
    version: 1,
    created_by: round.created_by ?? null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto("rounds").values(row).execute();
  return parseRound(row);
}

export async function findRoundById(db: Db, id: string): Promise<RoundRecord | null> {
  const row = await db.selectFrom("rounds").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? parseRound(row) : null;
}

/** Rounds without snapshots, most recently updated first. */
export async function listRounds(db: Db, filter: { state?: string } = {}): Promise<RoundSummary[]> {
  let q = db
    .selectFrom("rounds")
    .select(["id", "title", "machine_version", "state", "version", "created_by", "created_at", "updated_at"])
    .orderBy("updated_at", "desc")
    .orderBy("id");
  if (filter.state !== undefined) q = q.where("state", "=", filter.state);
  return (await q.execute()).map((r) => ({ ...r, version: Number(r.version) }));
}

/**
 * Save a new snapshot (and state, machine version, optionally title) if the round is still at
 * `expectedVersion`, the version the caller loaded; the version then goes up by one. Run it in the
 * transaction that appends the transition's audit event.
 * @throws RoundVersionConflictError when someone saved in between, or the round does not exist
 */
export async function saveRoundSnapshot(
  db: Db,
  update: {
    id: string;
    expectedVersion: number;
    snapshot: unknown;
    state: string;
    machine_version?: string;
    title?: string;
  },
  options: { now?: string } = {},
): Promise<RoundRecord> {
  const now = options.now ?? new Date().toISOString();
  const result = await db
    .updateTable("rounds")
    .set({
      snapshot: toJsonText(update.snapshot),
      state: update.state,
      version: update.expectedVersion + 1,
      updated_at: now,
      ...(update.machine_version !== undefined ? { machine_version: update.machine_version } : {}),
      ...(update.title !== undefined ? { title: update.title } : {}),
    })
    .where("id", "=", update.id)
    .where("version", "=", update.expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const current = await db
      .selectFrom("rounds")
      .select("version")
      .where("id", "=", update.id)
      .executeTakeFirst();
    throw new RoundVersionConflictError(
      update.id,
      update.expectedVersion,
      current ? Number(current.version) : null,
    );
  }
  return (await findRoundById(db, update.id))!;
}
