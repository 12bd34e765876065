import { createDb } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import type { Db } from "../../db/schema";

/** A new private in-memory SQLite database with every migration applied (silently). */
export async function freshDb(): Promise<Db> {
  const db = createDb(":memory:");
  await migrateToLatest(db, () => {});
  return db;
}

/** Rows most repository tests need: Helsingborg with two districts, two groups, a dimension, two indicators, a dataset. */
export async function seedBasics(db: Db): Promise<void> {
  await db
    .insertInto("areas")
    .values([
      { id: "1283", name: "Helsingborg", kind: "municipality", parent_id: null, synthetic: 0 },
      { id: "1283-S1", name: "Stadsdel 1 (syntetisk)", kind: "district", parent_id: "1283", synthetic: 1 },
      { id: "1283-S2", name: "Stadsdel 2 (syntetisk)", kind: "district", parent_id: "1283", synthetic: 1 },
    ])
    .execute();
  await db
    .insertInto("population_groups")
    .values([
      { code: "age_20_44_f", dimension: "age_sex", label: "Kvinnor 20–44 år" },
      { code: "age_20_44_m", dimension: "age_sex", label: "Män 20–44 år" },
    ])
    .execute();
  await db
    .insertInto("dimensions")
    .values([
      { id: "health", label_sv: "hälsa", label_en: "health", kind: "current", sort: 4 },
      { id: "safety", label_sv: "trygghet och säkerhet", label_en: "safety", kind: "current", sort: 8 },
    ])
    .execute();
  await db
    .insertInto("indicators")
    .values([
      {
        id: "life_expectancy",
        dimension_id: "health",
        label: "Återstående medellivslängd",
        unit: "år",
        direction: "higher",
        kind: "objective",
        level: "individual",
        goal_lo: 75,
        goal_hi: 90,
        source: "SCB",
      },
      {
        id: "feels_unsafe",
        dimension_id: "safety",
        label: "Känner sig otrygg",
        unit: "%",
        direction: "lower",
        kind: "subjective",
        level: "individual",
        goal_lo: 0,
        goal_hi: 50,
        source: "NTU",
      },
    ])
    .execute();
  await db
    .insertInto("datasets")
    .values({
      id: "ds1",
      source: "test",
      licence: "CC BY 4.0",
      retrieved: "2026-12-04",
      sha256: "a".repeat(64),
      kind: "observations",
      file_name: "obs.csv",
      row_count: 0,
      synthetic: 1,
      note: null,
    })
    .execute();
}
