import type { Db } from "../../../db/schema";

/** The reference rows an import needs, stated compactly: dimension ids, indicator → dimension, area id → name. */
export interface ReferenceRows {
  dimensions?: readonly string[];
  indicators?: Readonly<Record<string, string>>;
  areas?: Readonly<Record<string, string>>;
}

/** Insert the stated dimensions, indicators (goalposts 0–100, higher better) and municipalities. */
export async function insertReferenceRows(db: Db, rows: ReferenceRows): Promise<void> {
  const dims = rows.dimensions ?? [];
  if (dims.length > 0) {
    await db
      .insertInto("dimensions")
      .values(dims.map((id, sort) => ({ id, label_sv: id, label_en: id, kind: "current" as const, sort })))
      .execute();
  }
  const indicators = Object.entries(rows.indicators ?? {});
  if (indicators.length > 0) {
    await db
      .insertInto("indicators")
      .values(
        indicators.map(([id, dimension_id]) => ({
          id,
          dimension_id,
          label: id,
          unit: "",
          direction: "higher" as const,
          kind: "objective" as const,
          level: "individual" as const,
          goal_lo: 0,
          goal_hi: 100,
          source: "fuzz test",
        })),
      )
      .execute();
  }
  const areas = Object.entries(rows.areas ?? {});
  if (areas.length > 0) {
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
}
