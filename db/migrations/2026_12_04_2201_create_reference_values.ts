/* eslint-disable @typescript-eslint/no-explicit-any -- migrations take Kysely<any>: frozen in time, they never see app types */
import { sql, type Kysely } from "kysely";

// Frozen in time: this file never imports app types; later changes go into new migrations.
// Reference values for international comparison: a published series (e.g. the World Happiness
// Report's ladder) for countries and regions, with standard uncertainty and its dataset.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reference_values")
    .addColumn("series", "text", (c) => c.notNull())
    .addColumn("series_label", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull().check(sql`direction in ('higher', 'lower')`))
    .addColumn("entity_code", "text", (c) => c.notNull())
    .addColumn("entity_name", "text", (c) => c.notNull())
    .addColumn("entity_kind", "text", (c) => c.notNull().check(sql`entity_kind in ('country', 'region')`))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("u", "double precision", (c) => c.check(sql`u >= 0`))
    .addColumn("dataset_id", "text", (c) => c.notNull().references("datasets.id"))
    .addPrimaryKeyConstraint("reference_values_pk", ["series", "entity_code", "period"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reference_values").execute();
}
