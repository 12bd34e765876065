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
