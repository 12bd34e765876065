import { createDb } from "../connection";
import { migrateToLatest } from "../migrate";
import type { Db } from "../schema";

/**
 * Open the database a CLI command works on (an explicit URL, else DATABASE_URL, else the default
 * SQLite file) and bring it to the latest schema. Applied migrations are logged on stderr; "nothing
 * to do" is not. Close it with `db.destroy()`.
 */
export async function openMigratedDb(url: string | undefined): Promise<Db> {
  const db = createDb(url ?? process.env.DATABASE_URL);
  try {
    await migrateToLatest(db, (line) => {
      if (!line.includes("nothing to do")) process.stderr.write(line + "\n");
    });
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return db;
}
