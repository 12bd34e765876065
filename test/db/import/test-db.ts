import type { Db } from "../../../db/schema";

export { freshDb } from "../fresh-db";

/** Minimal reference rows for observation imports: one dimension, two indicators, two areas, groups. */
export async function addReferenceRows(db: Db): Promise<void> {
  await db
    .insertInto("dimensions")
    .values({ id: "health", label_sv: "hälsa", label_en: "health", kind: "current", sort: 4 })
    .execute();
  await db
    .insertInto("indicators")
    .values(
      ["life_expectancy", "self_rated_health"].map((id) => ({
        id,
        dimension_id: "health",
        label: id,
        unit: "years",
        direction: "higher" as const,
        kind: "objective" as const,
        level: "individual" as const,
        goal_lo: 70,
        goal_hi: 90,
        source: "test",
      })),
    )
    .execute();
  await db
    .insertInto("areas")
    .values([
      { id: "1283", name: "Helsingborg", kind: "municipality", parent_id: null, synthetic: 0 },
      { id: "0000", name: "Riket", kind: "municipality", parent_id: null, synthetic: 0 },
    ])
    .execute();
  await db
    .insertInto("population_groups")
    .values([
      { code: "age_20_44_f", dimension: "age_sex", label: "20–44 år, kvinnor" },
      { code: "age_20_44_m", dimension: "age_sex", label: "20–44 år, män" },
    ])
    .execute();
}

/** Row counts of the tables an import writes. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const tables = [
    "datasets",
    "observations",
    "areas",
    "segments",
    "population_groups",
    "survey_instruments",
    "survey_items",
    "survey_respondents",
    "survey_responses",
    "audit_events",
  ] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

/** Insert real (non-synthetic) municipalities by [id, name]. */
export async function addMunicipalities(
  db: Db,
  areas: readonly (readonly [string, string])[],
): Promise<void> {
  await db
    .insertInto("areas")
    .values(
      areas.map(([id, name]) => ({
        id,
        name,
        kind: "municipality" as const,
        parent_id: null,
        synthetic: 0 as const,
      })),
    )
    .execute();
}
