import SQLite from "better-sqlite3";
import { DEFAULT_DATABASE_PATH, isPostgresUrl, sqlitePath } from "./connection";

/** Reads a number that changes whenever any connection commits a write to the database. */
export interface CommitCounter {
  read(): number;
  close(): void;
}

/**
 * A counter of commits to a SQLite database file by anyone: this process's own Kysely connection,
 * another server process, or a CLI import. It is `PRAGMA data_version` read on a dedicated read-only
 * connection, which changes whenever another connection commits (https://sqlite.org/pragma.html#pragma_data_version);
 * every writer is "another connection" to this one. Costs a few microseconds per read.
 * Returns null where no such counter exists: PostgreSQL, in-memory SQLite, or a file that is not
 * there yet (the caller then treats every read as a change).
 */
export function openCommitCounter(url?: string): CommitCounter | null {
  const target = url?.trim() || DEFAULT_DATABASE_PATH;
  if (isPostgresUrl(target)) return null;
  const path = sqlitePath(target);
  if (path === ":memory:") return null;
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
  } catch {
    return null;
  }
  const statement = sqlite.prepare("PRAGMA data_version").pluck();
  return {
    read: () => statement.get() as number,
    close: () => sqlite.close(),
  };
}
