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
