/* eslint-disable @typescript-eslint/no-explicit-any -- migrations take Kysely<any>: frozen in time, they never see app types */
import { sql, type Kysely } from "kysely";

// Frozen in time: this file never imports app types; later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("survey_instruments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("dataset_id", "text", (c) => c.references("datasets.id"))
    .execute();

  await db.schema
    .createTable("survey_items")
    .addColumn("instrument_id", "text", (c) =>
      c.notNull().references("survey_instruments.id").onDelete("cascade"),
    )
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("categories", "text", (c) => c.notNull())
    .addColumn("sort", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("survey_items_pk", ["instrument_id", "code"])
    .execute();

  await db.schema
    .createTable("survey_respondents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("instrument_id", "text", (c) =>
      c.notNull().references("survey_instruments.id").onDelete("cascade"),
    )
    .addColumn("weight", "double precision", (c) => c.notNull().check(sql`weight > 0`))
    .addColumn("stratum", "text")
    .addColumn("cluster", "text")
    .addColumn("area_id", "text", (c) => c.references("areas.id"))
    .addColumn("group_code", "text", (c) => c.references("population_groups.code"))
    .execute();
  await db.schema
    .createIndex("survey_respondents_instrument")
    .on("survey_respondents")
    .column("instrument_id")
    .execute();

  await db.schema
    .createTable("survey_responses")
    .addColumn("respondent_id", "text", (c) =>
      c.notNull().references("survey_respondents.id").onDelete("cascade"),
    )
    .addColumn("instrument_id", "text", (c) => c.notNull())
    .addColumn("item_code", "text", (c) => c.notNull())
    .addColumn("value", "double precision")
    .addPrimaryKeyConstraint("survey_responses_pk", ["respondent_id", "item_code"])
    .addForeignKeyConstraint(
      "survey_responses_item",
      ["instrument_id", "item_code"],
      "survey_items",
      ["instrument_id", "code"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("survey_responses_item")
    .on("survey_responses")
    .columns(["instrument_id", "item_code"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["survey_responses", "survey_respondents", "survey_items", "survey_instruments"]) {
    await db.schema.dropTable(table).execute();
  }
}
