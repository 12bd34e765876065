import type { Area, Db, NewArea, NewPopulationGroup, NewSegment, PopulationGroup, Segment } from "../schema";
import { chunkForInsert, inTransaction } from "./transaction";

/** The segment id of an area × group cell: "<areaId>:<groupCode>", e.g. "1283:age_20_44_f". */
export function segmentId(areaId: string, groupCode: string): string {
  return `${areaId}:${groupCode}`;
}

/** Insert areas, or update name, kind, parent and synthetic flag of those already there (one transaction). */
export async function upsertAreas(db: Db, areas: readonly NewArea[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const chunk of chunkForInsert(areas, 5)) {
      await trx
        .insertInto("areas")
        .values(chunk)
        .onConflict((oc) =>
          oc.column("id").doUpdateSet((eb) => ({
            name: eb.ref("excluded.name"),
            kind: eb.ref("excluded.kind"),
            parent_id: eb.ref("excluded.parent_id"),
            synthetic: eb.ref("excluded.synthetic"),
          })),
        )
        .execute();
    }
  });
}

export async function findAreaById(db: Db, id: string): Promise<Area | null> {
  return (await db.selectFrom("areas").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** Areas ordered by id, optionally of one kind or inside one parent. */
export async function listAreas(
  db: Db,
  filter: { kind?: Area["kind"]; parentId?: string } = {},
): Promise<Area[]> {
  let q = db.selectFrom("areas").selectAll().orderBy("id");
  if (filter.kind !== undefined) q = q.where("kind", "=", filter.kind);
  if (filter.parentId !== undefined) q = q.where("parent_id", "=", filter.parentId);
  return q.execute();
}

/** Insert population groups, or update the dimension and label of those already there. */
export async function upsertPopulationGroups(db: Db, groups: readonly NewPopulationGroup[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const chunk of chunkForInsert(groups, 3)) {
      await trx
        .insertInto("population_groups")
        .values(chunk)
        .onConflict((oc) =>
          oc.column("code").doUpdateSet((eb) => ({
            dimension: eb.ref("excluded.dimension"),
            label: eb.ref("excluded.label"),
          })),
        )
        .execute();
    }
  });
}

/** Population groups ordered by code, optionally of one dimension ("age_sex", "birth_region", …). */
export async function listPopulationGroups(
  db: Db,
  filter: { dimension?: string } = {},
): Promise<PopulationGroup[]> {
  let q = db.selectFrom("population_groups").selectAll().orderBy("code");
  if (filter.dimension !== undefined) q = q.where("dimension", "=", filter.dimension);
  return q.execute();
}

/** A segment to store: its id is derived from area and group. */
export type SegmentInput = Omit<NewSegment, "id">;

/**
 * Insert segments, or update population and dataset of those already there for the same period
 * (one transaction).
 */
export async function upsertSegments(db: Db, segments: readonly SegmentInput[]): Promise<void> {
  const rows = segments.map((s) => ({ ...s, id: segmentId(s.area_id, s.group_code) }));
  await inTransaction(db, async (trx) => {
    for (const chunk of chunkForInsert(rows, 6)) {
      await trx
        .insertInto("segments")
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(["id", "period"]).doUpdateSet((eb) => ({
            population: eb.ref("excluded.population"),
            dataset_id: eb.ref("excluded.dataset_id"),
          })),
        )
        .execute();
    }
  });
}

/** Segments ordered by area, group and period, optionally of some areas, a group or a period. */
export async function listSegments(
  db: Db,
  filter: { areaId?: string | readonly string[]; groupCode?: string; period?: string } = {},
): Promise<Segment[]> {
  let q = db.selectFrom("segments").selectAll().orderBy("area_id").orderBy("group_code").orderBy("period");
  if (typeof filter.areaId === "string") q = q.where("area_id", "=", filter.areaId);
  else if (filter.areaId !== undefined) {
    if (filter.areaId.length === 0) return [];
    q = q.where("area_id", "in", filter.areaId);
  }
  if (filter.groupCode !== undefined) q = q.where("group_code", "=", filter.groupCode);
  if (filter.period !== undefined) q = q.where("period", "=", filter.period);
  return q.execute();
}

/** The latest period that has segments for an area, or null. */
export async function latestSegmentPeriod(db: Db, areaId: string): Promise<string | null> {
  const row = await db
    .selectFrom("segments")
    .select((eb) => eb.fn.max("period").as("period"))
    .where("area_id", "=", areaId)
    .executeTakeFirst();
  return row?.period ?? null;
}
