import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import { migrateDown, migrateToLatest, migrations } from "../../db/migrate";
import type { Db } from "../../db/schema";

const appTables = [
  "area_group_members",
  "area_groups",
  "areas",
  "audit_events",
  "datasets",
  "dimensions",
  "indicators",
  "intervention_effects",
  "interventions",
  "observations",
  "population_groups",
  "reference_values",
  "rounds",
  "rule_sets",
  "scenarios",
  "segments",
  "sessions",
  "survey_instruments",
  "survey_items",
  "survey_respondents",
  "survey_responses",
  "users",
];

async function tableNames(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables
    .map((t) => t.name)
    .filter((n) => !n.startsWith("kysely_"))
    .sort();
}

describe("migrations on a fresh in-memory SQLite database", () => {
  let db: Db;
  let lines: string[];
  beforeEach(() => {
    db = createDb(":memory:");
    lines = [];
  });
  afterEach(async () => {
    await db.destroy();
  });

  it("creates every table and logs one line per migration", async () => {
    const applied = await migrateToLatest(db, (l) => lines.push(l));
    expect(applied).toEqual(Object.keys(migrations));
    expect(await tableNames(db)).toEqual(appTables);
    expect(lines).toHaveLength(Object.keys(migrations).length);
    expect(lines[0]).toMatch(/create_core up: done/);
  });

  it("does nothing when run a second time", async () => {
    await migrateToLatest(db, () => {});
    expect(await migrateToLatest(db, (l) => lines.push(l))).toEqual([]);
    expect(lines).toEqual(["migrations: nothing to do (up)"]);
  });

  it("removes every table again when migrated all the way down", async () => {
    await migrateToLatest(db, () => {});
    const undone = await migrateDown(db, { all: true, log: () => {} });
    expect(undone).toEqual(Object.keys(migrations).reverse());
    expect(await tableNames(db)).toEqual([]);
  });

  it("undoes only the latest migration by default", async () => {
    await migrateToLatest(db, () => {});
    expect(await migrateDown(db, { log: () => {} })).toEqual(["2026_12_04_2201_create_reference_values"]);
    const names = await tableNames(db);
    expect(names).not.toContain("reference_values");
    expect(names).toContain("area_groups");
  });

  it("runs SQLite with foreign keys on and a busy timeout of 5 s", async () => {
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
    expect(fk.rows[0]!.foreign_keys).toBe(1);
    expect(busy.rows[0]!.timeout).toBe(5000);
  });

  it("throws with the failing migration's message and leaves the log saying so", async () => {
    await sql`create table areas (id text)`.execute(db);
    await expect(migrateToLatest(db, (l) => lines.push(l))).rejects.toThrow(/migrating up failed: .*areas/);
    expect(lines[0]).toMatch(/create_core up: error/);
  });
});

describe("createDb with a file path", () => {
  it("creates the folder and runs SQLite in WAL mode", async () => {
    const { mkdtempSync, existsSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "livsval-db-"));
    const file = join(dir, "nested", "folder", "livsval.sqlite");
    const db = createDb(file);
    try {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      expect(mode.rows[0]!.journal_mode).toBe("wal");
      expect(existsSync(file)).toBe(true);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the migration files", () => {
  it("are all registered in the static provider, by file name, in time order", async () => {
    const { readdirSync } = await import("node:fs");
    const files = readdirSync(new URL("../../db/migrations/", import.meta.url))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
    for (const name of files) expect(name).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+$/);
  });

  it("import nothing but kysely (frozen in time, never app types)", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const dir = new URL("../../db/migrations/", import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const sources = [...readFileSync(new URL(file, dir), "utf8").matchAll(/from\s+"([^"]+)"/g)].map(
        (m) => m[1],
      );
      expect(
        sources.every((s) => s === "kysely"),
        `${file} imports ${sources.join(", ")}`,
      ).toBe(true);
    }
  });
});
