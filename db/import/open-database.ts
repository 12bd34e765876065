import { DEFAULT_DATABASE_PATH, createDb, isPostgresUrl } from "../connection";
import { migrateToLatest } from "../migrate";
import type { Db } from "../schema";
import { InputError } from "./input-error";

/** Error codes that mean the database named cannot be opened or reached: the person's to fix. */
const CANNOT_OPEN = new Set([
  "SQLITE_CANTOPEN",
  "SQLITE_NOTADB",
  "SQLITE_READONLY",
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "28P01", // PostgreSQL: password authentication failed
  "28000", // PostgreSQL: invalid authorization
  "3D000", // PostgreSQL: database does not exist
]);

/** A database URL fit to print: a PostgreSQL password is masked. */
function shownUrl(url: string): string {
  if (!isPostgresUrl(url)) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "a PostgreSQL URL";
  }
}

/** The error, or the first of its causes, whose code says the database cannot be opened. */
function cannotOpen(e: unknown): Error | undefined {
  for (let c = e; c instanceof Error; c = c.cause) {
    if (CANNOT_OPEN.has(String((c as { code?: unknown }).code))) return c;
  }
  return undefined;
}

/** Bad input naming the database when `e` says it cannot be opened; else `e` unchanged (a bug). */
export function asInputError(e: unknown, url: string): unknown {
  const reason = cannotOpen(e);
  return reason ? new InputError(`${shownUrl(url)}: cannot open the database (${reason.message})`) : e;
}

/**
 * Open the database a CLI command works on (an explicit URL, else DATABASE_URL, else the default
 * SQLite file) and bring it to the latest schema. Applied migrations are logged on stderr; "nothing
 * to do" is not. A database that cannot be opened or reached is an {@link InputError} naming it.
 * Close it with `db.destroy()`.
 */
export async function openMigratedDb(url: string | undefined): Promise<Db> {
  const target = url?.trim() || process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_PATH;
  let db: Db;
  try {
    db = createDb(target);
  } catch (e) {
    throw asInputError(e, target);
  }
  try {
    await migrateToLatest(db, (line) => {
      if (!line.includes("nothing to do")) process.stderr.write(line + "\n");
    });
  } catch (e) {
    await db.destroy();
    throw asInputError(e, target);
  }
  return db;
}
