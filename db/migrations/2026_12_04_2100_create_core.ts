/* eslint-disable @typescript-eslint/no-explicit-any -- migrations take Kysely<any>: frozen in time, they never see app types */
import { sql, type Kysely } from "kysely";

// Frozen in time: this file never imports app types; later changes go into new migrations.
// Portable column types (SQLite and PostgreSQL): text, integer, double precision; dates as ISO text,
// flags as integer 0/1.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("areas")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('municipality', 'district')`))
    .addColumn("parent_id", "text", (c) => c.references("areas.id"))
    .addColumn("synthetic", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`synthetic in (0, 1)`),
    )
    .execute();

  await db.schema
    .createTable("population_groups")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("dimension", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("datasets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("licence", "text", (c) => c.notNull())
    .addColumn("retrieved", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("row_count", "integer", (c) => c.notNull().check(sql`row_count >= 0`))
    .addColumn("synthetic", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`synthetic in (0, 1)`),
    )
    .addColumn("note", "text")
    .execute();

  await db.schema
    .createTable("segments")
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("area_id", "text", (c) => c.notNull().references("areas.id"))
    .addColumn("group_code", "text", (c) => c.notNull().references("population_groups.code"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("population", "double precision", (c) => c.notNull().check(sql`population >= 0`))
    .addColumn("dataset_id", "text", (c) => c.references("datasets.id"))
    .addPrimaryKeyConstraint("segments_pk", ["id", "period"])
    .addUniqueConstraint("segments_area_group_period", ["area_id", "group_code", "period"])
    .addCheckConstraint("segments_id_format", sql`id = area_id || ':' || group_code`)
    .execute();

  await db.schema
    .createTable("dimensions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("label_sv", "text", (c) => c.notNull())
    .addColumn("label_en", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('current', 'capital')`))
    .addColumn("sort", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("indicators")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("dimension_id", "text", (c) => c.notNull().references("dimensions.id"))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull().check(sql`direction in ('higher', 'lower')`))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('objective', 'subjective')`))
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('individual', 'societal')`))
    .addColumn("goal_lo", "double precision")
    .addColumn("goal_hi", "double precision")
    .addColumn("source", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("indicators_dimension").on("indicators").column("dimension_id").execute();

  await db.schema
    .createTable("observations")
    .addColumn("indicator_id", "text", (c) => c.notNull().references("indicators.id"))
    .addColumn("area_id", "text", (c) => c.notNull().references("areas.id"))
    .addColumn("group_code", "text", (c) => c.references("population_groups.code"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("u", "double precision", (c) => c.check(sql`u >= 0`))
    .addColumn("n", "integer", (c) => c.check(sql`n >= 0`))
    .addColumn("dataset_id", "text", (c) => c.notNull().references("datasets.id"))
    .execute();
  // A NULL group means "the whole area"; NULLs are distinct in a plain unique index, so the key uses
  // coalesce (an expression index, supported by both SQLite and PostgreSQL).
  await sql`create unique index observations_key on observations (indicator_id, area_id, coalesce(group_code, ''), period)`.execute(
    db,
  );
  await db.schema
    .createIndex("observations_area_period")
    .on("observations")
    .columns(["area_id", "period"])
    .execute();
  await db.schema.createIndex("observations_dataset").on("observations").column("dataset_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "observations",
    "indicators",
    "dimensions",
    "segments",
    "datasets",
    "population_groups",
    "areas",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
