/* eslint-disable @typescript-eslint/no-explicit-any -- migrations take Kysely<any>: frozen in time, they never see app types */
import type { Kysely } from "kysely";

// Frozen in time: this file never imports app types; later changes go into new migrations.
// Comparison groups of areas, such as Kolada's "Liknande kommuner" (similar municipalities).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("area_groups")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("dataset_id", "text", (c) => c.references("datasets.id"))
    .execute();
  await db.schema
    .createTable("area_group_members")
    .addColumn("group_id", "text", (c) => c.notNull().references("area_groups.id").onDelete("cascade"))
    .addColumn("area_id", "text", (c) => c.notNull().references("areas.id"))
    .addPrimaryKeyConstraint("area_group_members_pk", ["group_id", "area_id"])
    .execute();
  await db.schema.createIndex("area_group_members_area").on("area_group_members").column("area_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("area_group_members").execute();
  await db.schema.dropTable("area_groups").execute();
}
