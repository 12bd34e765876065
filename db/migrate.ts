/* eslint-disable @typescript-eslint/no-explicit-any -- the migrator works on Kysely<any>, as the migrations do */
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from "kysely";
import * as createCore from "./migrations/2026_12_04_2100_create_core";
import * as createSurvey from "./migrations/2026_12_04_2101_create_survey";
import * as createInterventionsRounds from "./migrations/2026_12_04_2102_create_interventions_rounds";
import * as createUsersAudit from "./migrations/2026_12_04_2103_create_users_audit";
import * as createAreaGroups from "./migrations/2026_12_04_2200_create_area_groups";
import * as createReferenceValues from "./migrations/2026_12_04_2201_create_reference_values";

/**
 * Every migration, by name. A static object rather than a folder read at run time, so the app bundles.
 * Add a new migration here under its file name; never edit or rename one that has run anywhere.
 */
export const migrations: Record<string, Migration> = {
  "2026_12_04_2100_create_core": createCore,
  "2026_12_04_2101_create_survey": createSurvey,
  "2026_12_04_2102_create_interventions_rounds": createInterventionsRounds,
  "2026_12_04_2103_create_users_audit": createUsersAudit,
  "2026_12_04_2200_create_area_groups": createAreaGroups,
  "2026_12_04_2201_create_reference_values": createReferenceValues,
};

/** Where migration steps are reported; the default writes to stderr so JSON on stdout stays clean. */
export type MigrationLog = (line: string) => void;

const stderrLog: MigrationLog = (line) => {
  process.stderr.write(line + "\n");
};

/**
 * `schema`: the PostgreSQL schema that holds Kysely's migration bookkeeping tables, when the tables go
 * into a schema other than the default (set search_path to it in the connection as well).
 */
export interface MigrateOptions {
  log?: MigrationLog;
  schema?: string;
}

function createMigrator(db: Kysely<any>, schema: string | undefined): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema !== undefined ? { migrationTableSchema: schema } : {}),
  });
}

function report({ error, results }: MigrationResultSet, direction: string, log: MigrationLog): string[] {
  for (const r of results ?? []) {
    log(
      `migration ${r.migrationName} ${r.direction.toLowerCase()}: ${r.status === "Success" ? "done" : r.status.toLowerCase()}`,
    );
  }
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`migrating ${direction} failed: ${message}`, { cause: error });
  }
  if ((results ?? []).length === 0) log(`migrations: nothing to do (${direction})`);
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * Run every pending migration, logging each step; throws (after logging) if one fails.
 * @returns the names of the migrations applied now
 */
export async function migrateToLatest(
  db: Kysely<any>,
  log: MigrationLog = stderrLog,
  options: Omit<MigrateOptions, "log"> = {},
): Promise<string[]> {
  return report(await createMigrator(db, options.schema).migrateToLatest(), "up", log);
}

/**
 * Undo migrations: the latest one, or with `{ all: true }` every one (back to an empty database).
 * @returns the names of the migrations undone now
 */
export async function migrateDown(
  db: Kysely<any>,
  options: MigrateOptions & { all?: boolean } = {},
): Promise<string[]> {
  const log = options.log ?? stderrLog;
  const migrator = createMigrator(db, options.schema);
  if (options.all) {
    const { NO_MIGRATIONS } = await import("kysely");
    return report(await migrator.migrateTo(NO_MIGRATIONS), "down", log);
  }
  return report(await migrator.migrateDown(), "down", log);
}
