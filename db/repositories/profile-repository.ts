import type { Db, DimensionKind, IndicatorDirection } from "../schema";

/** One observation with what the overview needs to normalise and cite it. */
export interface ProfileObservation {
  indicatorId: string;
  indicatorLabel: string;
  dimensionId: string;
  unit: string;
  direction: IndicatorDirection;
  goalLo: number | null;
  goalHi: number | null;
  groupCode: string | null;
  period: string;
  value: number;
  u: number | null;
  n: number | null;
  source: string;
  retrieved: string;
  synthetic: boolean;
  datasetNote: string | null;
}

export interface ProfileDimension {
  id: string;
  labelSv: string;
  labelEn: string;
  kind: DimensionKind;
}

export interface ProfileSegment {
  id: string;
  groupCode: string;
  groupLabel: string;
  population: number;
  period: string;
}

export interface AreaProfileData {
  area: { id: string; name: string; synthetic: boolean };
  dimensions: ProfileDimension[];
  segments: ProfileSegment[];
  /** For each indicator × group (null = whole area), the latest period's observation. */
  observations: ProfileObservation[];
}

/**
 * Everything the overview shows for one area: its dimensions, segments (latest period) and the latest
 * observation of each indicator for the whole area and for each group. `null` when the area is unknown.
 */
export async function findAreaProfileData(db: Db, areaId: string): Promise<AreaProfileData | null> {
  const area = await db.selectFrom("areas").selectAll().where("id", "=", areaId).executeTakeFirst();
  if (!area) return null;
  const dimensions = await db.selectFrom("dimensions").selectAll().orderBy("sort").execute();
  const segmentRows = await db
    .selectFrom("segments")
    .innerJoin("population_groups", "population_groups.code", "segments.group_code")
    .select([
      "segments.id",
      "segments.group_code",
      "segments.population",
      "segments.period",
      "population_groups.label",
    ])
    .where("segments.area_id", "=", areaId)
    .orderBy("segments.period", "desc")
    .orderBy("segments.group_code")
    .execute();
  const latestSegmentPeriod = segmentRows[0]?.period;
  const rows = await db
    .selectFrom("observations")
    .innerJoin("indicators", "indicators.id", "observations.indicator_id")
    .innerJoin("datasets", "datasets.id", "observations.dataset_id")
    .select([
      "observations.indicator_id",
      "indicators.label",
      "indicators.dimension_id",
      "indicators.unit",
      "indicators.direction",
      "indicators.goal_lo",
      "indicators.goal_hi",
      "observations.group_code",
      "observations.period",
      "observations.value",
      "observations.u",
      "observations.n",
      "datasets.source",
      "datasets.retrieved",
      "datasets.synthetic",
      "datasets.note",
    ])
    .where("observations.area_id", "=", areaId)
    .orderBy("observations.indicator_id")
    .orderBy("observations.period", "desc")
    .execute();
  const seen = new Set<string>();
  const observations: ProfileObservation[] = [];
  for (const r of rows) {
    const key = `${r.indicator_id}\u0000${r.group_code ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    observations.push({
      indicatorId: r.indicator_id,
      indicatorLabel: r.label,
      dimensionId: r.dimension_id,
      unit: r.unit,
      direction: r.direction,
      goalLo: r.goal_lo,
      goalHi: r.goal_hi,
      groupCode: r.group_code,
      period: r.period,
      value: r.value,
      u: r.u,
      n: r.n,
      source: r.source,
      retrieved: r.retrieved,
      synthetic: r.synthetic === 1,
      datasetNote: r.note,
    });
  }
  return {
    area: { id: area.id, name: area.name, synthetic: area.synthetic === 1 },
    dimensions: dimensions.map((d) => ({ id: d.id, labelSv: d.label_sv, labelEn: d.label_en, kind: d.kind })),
    segments: segmentRows
      .filter((s) => s.period === latestSegmentPeriod)
      .map((s) => ({
        id: s.id,
        groupCode: s.group_code,
        groupLabel: s.label,
        population: s.population,
        period: s.period,
      })),
    observations,
  };
}
