import type { Db } from "../../db/schema";
import { insertReferenceRows } from "../fuzz/support/reference-rows";

/*
 * Disclosure test data (DESIGN §2: cells with n < 10 are suppressed everywhere they are shown).
 * Helsingborg has two groups. Women's only health figure rests on n = 9 respondents; men's on
 * n = 10. The figures are chosen so that none of them, nor anything derived by the pages (a 0–100
 * score with goalposts 0 and 100 is the value itself; k = 2 interval ends), occurs by chance
 * elsewhere: a leak shows as the digits in the serialised page data.
 */

/** The n = 9 cell (must never leave) and the n = 10 cell (must be shown). */
export const SMALL = { group: "age_20_44_f", value: 83.17, u: 4.21, n: 9 } as const;
export const SHOWN = { group: "age_20_44_m", value: 41.93, u: 3.07, n: 10 } as const;

/** Digits of the small cell and of what pages derive from it (interval ends 83.17 ± 2·4.21). */
export const SMALL_DIGITS = ["83.17", "4.21", "74.75", "91.59"] as const;

/** Helsingborg, two groups with segments, one dimension with one survey indicator, three observations. */
export async function seedDisclosureCase(db: Db): Promise<void> {
  await insertReferenceRows(db, { dimensions: ["health"], areas: { "1283": "Helsingborg" } });
  await db
    .insertInto("population_groups")
    .values([
      { code: SMALL.group, dimension: "age_sex", label: "Kvinnor 20–44 år" },
      { code: SHOWN.group, dimension: "age_sex", label: "Män 20–44 år" },
    ])
    .execute();
  await db
    .insertInto("segments")
    .values(
      [SMALL.group, SHOWN.group].map((g) => ({
        id: `1283:${g}`,
        area_id: "1283",
        group_code: g,
        period: "2019",
        population: 2000,
        dataset_id: null,
      })),
    )
    .execute();
  await insertSurveyIndicator(db, "self_rated_health", "health");
  await db
    .insertInto("datasets")
    .values({
      id: "ds_survey",
      source: "synthetic disclosure test",
      licence: "CC0",
      retrieved: "2026-12-04",
      sha256: "cd".repeat(32),
      kind: "observations",
      file_name: "survey.csv",
      row_count: 3,
      synthetic: 1,
      note: null,
    })
    .execute();
  await db
    .insertInto("observations")
    .values({
      indicator_id: "self_rated_health",
      area_id: "1283",
      group_code: null,
      period: "2019",
      value: 62.5,
      u: 1.5,
      n: 400,
      dataset_id: "ds_survey",
    })
    .execute();
  await insertSmallAndShownCells(db, "self_rated_health", "2019", "ds_survey");
}

/** A subjective (survey) indicator on a 0–100 scale with goalposts 0 and 100. */
export async function insertSurveyIndicator(db: Db, id: string, dimension: string): Promise<void> {
  await db
    .insertInto("indicators")
    .values({
      id,
      dimension_id: dimension,
      label: id,
      unit: "%",
      direction: "higher",
      kind: "subjective",
      level: "individual",
      goal_lo: 0,
      goal_hi: 100,
      source: "survey",
    })
    .execute();
}

/** The n = 9 and n = 10 cells as Helsingborg observations of the indicator. */
export async function insertSmallAndShownCells(
  db: Db,
  indicator: string,
  period: string,
  datasetId: string,
): Promise<void> {
  await db
    .insertInto("observations")
    .values(
      [SMALL, SHOWN].map((c) => ({
        indicator_id: indicator,
        area_id: "1283",
        group_code: c.group,
        period,
        value: c.value,
        u: c.u,
        n: c.n,
        dataset_id: datasetId,
      })),
    )
    .execute();
}

/** The small cell's digits that occur in a serialised body (empty when nothing leaked). */
export function leakedDigits(body: unknown): string[] {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return SMALL_DIGITS.filter((d) => text.includes(d));
}
