import type { Db } from "../../db/schema";
import type { Locale } from "~/i18n/messages";
import { areaLabel, groupLabel } from "./group-names";

/**
 * Segments (area × group) with their area's and group's names in the page's language, each segment
 * once (it is stored per period), in id order; only `ids` when given.
 */
export async function findSegmentNames(
  db: Db,
  locale: Locale,
  ids?: readonly string[],
): Promise<{ id: string; area: string; group: string }[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .selectFrom("segments")
    .innerJoin("areas", "areas.id", "segments.area_id")
    .innerJoin("population_groups", "population_groups.code", "segments.group_code")
    .select([
      "segments.id",
      "segments.area_id",
      "segments.group_code",
      "areas.name",
      "population_groups.label",
    ])
    .$if(ids !== undefined, (q) => q.where("segments.id", "in", ids!))
    // every selected column follows from the segment id, so one row per segment, whatever its periods
    .distinct()
    .orderBy("segments.id")
    .execute();
  return rows.map((s) => ({
    id: s.id,
    area: areaLabel(s.area_id, s.name, locale),
    group: groupLabel(s.group_code, s.label, locale),
  }));
}
