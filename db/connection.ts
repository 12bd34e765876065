import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

/** The SQLite file used when no URL is given. */
export const DEFAULT_DATABASE_PATH = "./data/livsval.sqlite";

/** True for a URL that names a PostgreSQL server. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Open the database. The caller (app or CLI) reads DATABASE_URL and passes it in; this reads no env.
 * - no url: the SQLite file {@link DEFAULT_DATABASE_PATH} (its folder is created);
 * - ":memory:": a private in-memory SQLite database;
 * - "postgres://…" or "postgresql://…": PostgreSQL through a pg Pool;
 * - anything else (optionally "file:" or "sqlite:" prefixed): a SQLite file path.
 * SQLite runs with WAL journaling, busy_timeout 5000 ms and foreign keys enforced.
 * Close it with `db.destroy()`.
 */
export function createDb(url?: string): Kysely<Database> {
  const target = url?.trim() || DEFAULT_DATABASE_PATH;
  if (isPostgresUrl(target)) {
    return new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target, max: 10 }) }),
    });
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(target) }) });
}

/** The SQLite file path a database URL names (":memory:" for a private in-memory database). */
export function sqlitePath(target: string): string {
  return target.replace(/^(sqlite|file):(\/\/)?/i, "");
}

function openSqlite(target: string): SQLite.Database {
  const path = sqlitePath(target);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  return sqlite;
}
