import type { z } from "zod";
import type { Db } from "../schema";
import { parseJsonColumn, type Json } from "./json-column";
import { inRetriedTransaction } from "./transaction";

/*
 * Weighting scenarios and rule sets are stored the same way: immutable versions 1, 2, 3, … of a JSON
 * document under one id. Saving never overwrites; it adds the next version. The JSON is parsed on the
 * way out with the schema the caller passes (e.g. ScenarioSchema from scenarios/schema.ts), or as any
 * JSON value when none is given.
 */

type VersionedTable = "scenarios" | "rule_sets";

/** One stored version of a scenario or rule set, its JSON parsed. */
export interface VersionedDocument<T> {
  id: string;
  version: number;
  json: T;
  created_by: string | null;
  created_at: string;
}

/** A version without its document, for listings. */
export type VersionSummary = Omit<VersionedDocument<unknown>, "json">;

async function saveVersion<T>(
  db: Db,
  table: VersionedTable,
  id: string,
  json: T,
  options: { createdBy?: string | null; now?: string },
): Promise<VersionedDocument<T>> {
  const text = JSON.stringify(json);
  if (text === undefined) throw new Error(`${table} ${id}: the document is not JSON`);
  return inRetriedTransaction(db, async (trx) => {
    const last = await trx
      .selectFrom(table as "scenarios")
      .select((eb) => eb.fn.max("version").as("version"))
      .where("id", "=", id)
      .executeTakeFirst();
    const row = {
      id,
      version: Number(last?.version ?? 0) + 1,
      json: text,
      created_by: options.createdBy ?? null,
      created_at: options.now ?? new Date().toISOString(),
    };
    await trx
      .insertInto(table as "scenarios")
      .values(row)
      .execute();
    return { ...row, json };
  });
}

async function findVersion<T>(
  db: Db,
  table: VersionedTable,
  id: string,
  version: number | "latest",
  schema: z.ZodType<T> | undefined,
): Promise<VersionedDocument<T> | null> {
  let q = db
    .selectFrom(table as "scenarios")
    .selectAll()
    .where("id", "=", id);
  q = version === "latest" ? q.orderBy("version", "desc").limit(1) : q.where("version", "=", version);
  const row = await q.executeTakeFirst();
  if (!row) return null;
  return {
    ...row,
    version: Number(row.version),
    json: (schema ? parseJsonColumn(row.json, schema) : parseJsonColumn(row.json)) as T,
  };
}

async function listVersions(db: Db, table: VersionedTable, id: string): Promise<VersionSummary[]> {
  const rows = await db
    .selectFrom(table as "scenarios")
    .select(["id", "version", "created_by", "created_at"])
    .where("id", "=", id)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}

async function listLatest(db: Db, table: VersionedTable): Promise<VersionSummary[]> {
  const rows = await db
    .selectFrom(`${table as "scenarios"} as t`)
    .select(["t.id", "t.version", "t.created_by", "t.created_at"])
    .where((eb) =>
      eb(
        "t.version",
        "=",
        eb
          .selectFrom(`${table as "scenarios"} as u`)
          .select((e) => e.fn.max("u.version").as("v"))
          .whereRef("u.id", "=", "t.id"),
      ),
    )
    .orderBy("t.id")
    .execute();
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}

/** Store the next version of a weighting scenario (1 for a new id) and return it. */
export function saveScenarioVersion<T>(
  db: Db,
  id: string,
  json: T,
  options: { createdBy?: string | null; now?: string } = {},
): Promise<VersionedDocument<T>> {
  return saveVersion(db, "scenarios", id, json, options);
}

/** The newest version of a scenario, parsed with `schema`, or null when the id is unknown. */
export function findLatestScenario<T = Json>(
  db: Db,
  id: string,
  schema?: z.ZodType<T>,
): Promise<VersionedDocument<T> | null> {
  return findVersion(db, "scenarios", id, "latest", schema);
}

/** One version of a scenario, parsed with `schema`, or null. */
export function findScenarioVersion<T = Json>(
  db: Db,
  id: string,
  version: number,
  schema?: z.ZodType<T>,
): Promise<VersionedDocument<T> | null> {
  return findVersion(db, "scenarios", id, version, schema);
}

/** Every version of a scenario, oldest first. */
export function listScenarioVersions(db: Db, id: string): Promise<VersionSummary[]> {
  return listVersions(db, "scenarios", id);
}

/** The newest version of every scenario, by id. */
export function listScenarios(db: Db): Promise<VersionSummary[]> {
  return listLatest(db, "scenarios");
}

/** Store the next version of a rule set (1 for a new id) and return it. */
export function saveRuleSetVersion<T>(
  db: Db,
  id: string,
  json: T,
  options: { createdBy?: string | null; now?: string } = {},
): Promise<VersionedDocument<T>> {
  return saveVersion(db, "rule_sets", id, json, options);
}

/** The newest version of a rule set, parsed with `schema`, or null when the id is unknown. */
export function findLatestRuleSet<T = Json>(
  db: Db,
  id: string,
  schema?: z.ZodType<T>,
): Promise<VersionedDocument<T> | null> {
  return findVersion(db, "rule_sets", id, "latest", schema);
}

/** One version of a rule set, parsed with `schema`, or null. */
export function findRuleSetVersion<T = Json>(
  db: Db,
  id: string,
  version: number,
  schema?: z.ZodType<T>,
): Promise<VersionedDocument<T> | null> {
  return findVersion(db, "rule_sets", id, version, schema);
}

/** Every version of a rule set, oldest first. */
export function listRuleSetVersions(db: Db, id: string): Promise<VersionSummary[]> {
  return listVersions(db, "rule_sets", id);
}

/** The newest version of every rule set, by id. */
export function listRuleSets(db: Db): Promise<VersionSummary[]> {
  return listLatest(db, "rule_sets");
}
