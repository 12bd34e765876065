import { createDb } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import type { Db } from "../../db/schema";

/** A new private in-memory SQLite database with every migration applied (silently). */
export async function freshDb(): Promise<Db> {
  const db = createDb(":memory:");
  await migrateToLatest(db, () => {});
  return db;
}
