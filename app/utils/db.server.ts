import type { Kysely } from "kysely";
import { createDb } from "../../db/connection";
import type { Database } from "../../db/schema";
import { getConfig } from "./config.server";

declare global {
  var __livsvalDb: Kysely<Database> | undefined;
}

/** The one Kysely instance the app uses (kept across dev-server reloads). */
export function getDb(): Kysely<Database> {
  globalThis.__livsvalDb ??= createDb(getConfig().DATABASE_URL);
  return globalThis.__livsvalDb;
}
