import type { Db, Dimension, Indicator, NewDimension, NewIndicator } from "../schema";
import { chunkForInsert, inTransaction } from "./transaction";

/** Insert dimensions, or update the labels, kind and sort order of those already there. */
export async function upsertDimensions(db: Db, dimensions: readonly NewDimension[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const chunk of chunkForInsert(dimensions, 5)) {
      await trx
        .insertInto("dimensions")
        .values(chunk)
        .onConflict((oc) =>
          oc.column("id").doUpdateSet((eb) => ({
            label_sv: eb.ref("excluded.label_sv"),
            label_en: eb.ref("excluded.label_en"),
            kind: eb.ref("excluded.kind"),
            sort: eb.ref("excluded.sort"),
          })),
        )
        .execute();
    }
  });
}

/** Dimensions in their sort order, optionally only current ones or only capitals. */
export async function listDimensions(
  db: Db,
  filter: { kind?: Dimension["kind"] } = {},
): Promise<Dimension[]> {
  let q = db.selectFrom("dimensions").selectAll().orderBy("sort").orderBy("id");
  if (filter.kind !== undefined) q = q.where("kind", "=", filter.kind);
  return q.execute();
}

/** Insert indicators, or update every field of those already there (one transaction). */
export async function upsertIndicators(db: Db, indicators: readonly NewIndicator[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const chunk of chunkForInsert(indicators, 11)) {
      await trx
        .insertInto("indicators")
        .values(chunk)
        .onConflict((oc) =>
          oc.column("id").doUpdateSet((eb) => ({
            dimension_id: eb.ref("excluded.dimension_id"),
            label: eb.ref("excluded.label"),
            unit: eb.ref("excluded.unit"),
            direction: eb.ref("excluded.direction"),
            kind: eb.ref("excluded.kind"),
            level: eb.ref("excluded.level"),
            goal_lo: eb.ref("excluded.goal_lo"),
            goal_hi: eb.ref("excluded.goal_hi"),
            source: eb.ref("excluded.source"),
          })),
        )
        .execute();
    }
  });
}

export async function findIndicatorById(db: Db, id: string): Promise<Indicator | null> {
  return (await db.selectFrom("indicators").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** Indicators ordered by dimension sort order then id, optionally of one dimension. */
export async function listIndicators(db: Db, filter: { dimensionId?: string } = {}): Promise<Indicator[]> {
  let q = db
    .selectFrom("indicators")
    .innerJoin("dimensions", "dimensions.id", "indicators.dimension_id")
    .selectAll("indicators")
    .orderBy("dimensions.sort")
    .orderBy("indicators.id");
  if (filter.dimensionId !== undefined) q = q.where("indicators.dimension_id", "=", filter.dimensionId);
  return q.execute();
}
