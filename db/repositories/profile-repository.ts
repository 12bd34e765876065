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

/** One indicator measured across many municipalities in one period, for national comparison. */
export interface NationalIndicator {
  indicatorId: string;
  label: string;
  unit: string;
  direction: IndicatorDirection;
  goalLo: number | null;
  goalHi: number | null;
  period: string;
  source: string;
  values: { areaId: string; areaName: string; value: number; u: number | null }[];
}

/**
 * Indicators observed for the whole area (no group) in at least `minAreas` real municipalities in
 * the same period, with every municipality's value: the basis of the national comparison.
 */
export async function findNationalIndicators(db: Db, minAreas = 50): Promise<NationalIndicator[]> {
  const candidates = await db
    .selectFrom("observations")
    .innerJoin("areas", "areas.id", "observations.area_id")
    .select(["observations.indicator_id", "observations.period"])
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("observations.group_code", "is", null)
    .where("areas.kind", "=", "municipality")
    .where("areas.synthetic", "=", 0)
    .where("areas.id", "!=", "0000")
    .groupBy(["observations.indicator_id", "observations.period"])
    .having((eb) => eb.fn.countAll(), ">=", minAreas)
    .orderBy("observations.indicator_id")
    .execute();
  const out: NationalIndicator[] = [];
  for (const c of candidates) {
    const rows = await db
      .selectFrom("observations")
      .innerJoin("areas", "areas.id", "observations.area_id")
      .innerJoin("indicators", "indicators.id", "observations.indicator_id")
      .innerJoin("datasets", "datasets.id", "observations.dataset_id")
      .select([
        "areas.id as area_id",
        "areas.name as area_name",
        "observations.value",
        "observations.u",
        "indicators.label",
        "indicators.unit",
        "indicators.direction",
        "indicators.goal_lo",
        "indicators.goal_hi",
        "datasets.source",
      ])
      .where("observations.indicator_id", "=", c.indicator_id)
      .where("observations.period", "=", c.period)
      .where("observations.group_code", "is", null)
      .where("areas.kind", "=", "municipality")
      .where("areas.synthetic", "=", 0)
      .where("areas.id", "!=", "0000")
      .orderBy("areas.id")
      .execute();
    const first = rows[0]!;
    out.push({
      indicatorId: c.indicator_id,
      label: first.label,
      unit: first.unit,
      direction: first.direction,
      goalLo: first.goal_lo,
      goalHi: first.goal_hi,
      period: c.period,
      source: first.source,
      values: rows.map((r) => ({ areaId: r.area_id, areaName: r.area_name, value: r.value, u: r.u })),
    });
  }
  return out;
}
