/* eslint-disable @typescript-eslint/no-explicit-any -- migrations take Kysely<any>: frozen in time, they never see app types */
import { sql, type Kysely } from "kysely";

// Frozen in time: this file never imports app types; later changes go into new migrations.
// JSON is stored as text in both databases (pg would parse jsonb itself; text keeps one code path).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("interventions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("cost", "text", (c) => c.notNull())
    .addColumn("attributes", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("department", "text")
    .addColumn("evidence_grade", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("intervention_effects")
    .addColumn("intervention_id", "text", (c) =>
      c.notNull().references("interventions.id").onDelete("cascade"),
    )
    .addColumn("segment_id", "text", (c) => c.notNull())
    .addColumn("dimension_id", "text", (c) => c.notNull().references("dimensions.id"))
    .addColumn("change", "text", (c) => c.notNull())
    .addColumn("reach", "double precision", (c) => c.notNull().check(sql`reach >= 0 and reach <= 1`))
    .addPrimaryKeyConstraint("intervention_effects_pk", ["intervention_id", "segment_id", "dimension_id"])
    .execute();

  for (const table of ["scenarios", "rule_sets"]) {
    await db.schema
      .createTable(table)
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
      .addColumn("json", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ["id", "version"])
      .execute();
  }

  await db.schema
    .createTable("rounds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("machine_version", "text", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["rounds", "rule_sets", "scenarios", "intervention_effects", "interventions"]) {
    await db.schema.dropTable(table).execute();
  }
}
