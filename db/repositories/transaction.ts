import { PostgresAdapter, type Transaction } from "kysely";
import type { Database, Db } from "../schema";

/**
 * Run `fn` in a transaction: the caller's when `db` already is one (so a repository call can join a
 * larger unit of work), else a new one that commits when `fn` resolves and rolls back when it throws.
 */
export async function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}

/**
 * True for an error that running the same transaction again can cure: another writer got in first
 * (SQLite SQLITE_BUSY*, e.g. a stale WAL snapshot in a second process; PostgreSQL serialization
 * failure 40001) or took the key this transaction computed (unique violation).
 */
export function isWriteConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return false;
  return (
    code.startsWith("SQLITE_BUSY") ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    code === "23505" ||
    code === "40001"
  );
}

/**
 * {@link inTransaction} for a read-then-write (next seq, next version) that may race with another
 * process: when it owns the transaction it runs it again, up to `attempts` times with a short random
 * back-off, on a {@link isWriteConflict}. In the caller's transaction it cannot retry; the caller's
 * unit of work fails as a whole instead.
 */
export async function inRetriedTransaction<T>(
  db: Db,
  fn: (trx: Transaction<Database>) => Promise<T>,
  attempts = 12,
): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (e) {
      if (attempt >= attempts || !isWriteConflict(e)) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

/** True when `db` talks to PostgreSQL (false for SQLite). */
export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** SQLite's default limit on bound variables in one statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
export const SQLITE_MAX_VARIABLES = 32766;

/**
 * Split rows into chunks small enough for one multi-row INSERT each: at most `maxVariables` bound
 * values (columns × rows), and at most `maxRows` rows.
 */
export function chunkForInsert<T>(
  rows: readonly T[],
  columns: number,
  { maxVariables = SQLITE_MAX_VARIABLES, maxRows = 1000 }: { maxVariables?: number; maxRows?: number } = {},
): T[][] {
  const size = Math.max(1, Math.min(maxRows, Math.floor(maxVariables / Math.max(1, columns))));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
