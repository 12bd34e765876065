import { toCsv } from "./csv";
import { areaLabel, groupLabel } from "./group-names";
import { indicatorLabel } from "./indicator-names";
import { z } from "zod";
import { suppressSmallCells } from "../../engine/disclosure";
import { coverage95 } from "../../engine/measurement/profile";
import { importKolada } from "../../db/import/import-kolada";
import { importKoladaGroups } from "../../db/import/import-kolada-groups";
import { ImportRejectedError, type ImportIssue } from "../../db/import/import-issues";
import { importObservations } from "../../db/import/import-observations";
import { importOecdBli } from "../../db/import/import-oecd-bli";
import { importScbPopulation } from "../../db/import/import-scb-population";
import {
  configuredPseudonymKey,
  importSurvey,
  SurveyImportArgsSchema,
  surveyOptionsFrom,
  type SurveyImportArgs,
} from "../../db/import/import-survey";
import { IMPORT_KINDS, type ImportSummary } from "../../db/import/run-import";
import { InputError } from "../../db/import/input-error";
import type { Db, Indicator } from "../../db/schema";

/** The area whose latest whole-area value the indicator table shows. */
export const HOME_AREA = "1283";

/** Largest file the web import accepts (bytes); larger files go through `npx livsval import`. */
export const MAX_WEB_IMPORT_BYTES = 4 * 1024 * 1024;

/** Import kinds offered on the web form: every kind the CLI takes (of the kinds' own flags, survey's). */
export const WEB_IMPORT_KINDS = IMPORT_KINDS;
export type WebImportKind = (typeof WEB_IMPORT_KINDS)[number];

/** The survey kind's form fields, named as the keys of the CLI's shared {@link SurveyImportArgsSchema}. */
export const SURVEY_FIELDS = Object.keys(SurveyImportArgsSchema.shape) as (keyof SurveyImportArgs)[];
export { SurveyImportArgsSchema, type SurveyImportArgs };

/** A value after small-cell control: value and u are null when n < 10 (DESIGN §2). */
export interface ControlledValue {
  value: number | null;
  u: number | null;
  n: number | null;
  interval: [number, number] | null;
  suppressed: boolean;
}

/** Small-cell suppression of one observation through the engine's single rule; n unknown is shown. */
function control(value: number, u: number | null, n: number | null): ControlledValue {
  if (n === null) {
    return { value, u, n, interval: u === null ? null : coverage95(value, u), suppressed: false };
  }
  const [row] = suppressSmallCells([{ value, u, n }], { fields: ["value", "u"] });
  if (row!.suppressed || row!.value === null)
    return { value: null, u: null, n, interval: null, suppressed: true };
  return {
    value: row!.value,
    u: row!.u,
    n,
    interval: row!.u === null ? null : coverage95(row!.value, row!.u),
    suppressed: false,
  };
}

export interface DatasetView {
  id: string;
  source: string;
  licence: string;
  retrieved: string;
  sha256Short: string;
  synthetic: boolean;
  note: string | null;
}

export interface IndicatorRow {
  id: string;
  label: string;
  dimensionId: string;
  dimensionLabel: string;
  unit: string;
  direction: "higher" | "lower";
  goalLo: number | null;
  goalHi: number | null;
  kind: "objective" | "subjective";
  level: "individual" | "societal";
  source: string;
  observationCount: number;
  latest: (ControlledValue & { period: string; areaId: string; groupCode: string | null }) | null;
  dataset: DatasetView | null;
}

function datasetView(d: {
  id: string;
  source: string;
  licence: string;
  retrieved: string;
  sha256: string;
  synthetic: number;
  note: string | null;
}): DatasetView {
  return {
    id: d.id,
    source: d.source,
    licence: d.licence,
    retrieved: d.retrieved,
    sha256Short: d.sha256.slice(0, 12),
    synthetic: d.synthetic === 1,
    note: d.note,
  };
}

type IndicatorFacts = Omit<IndicatorRow, "latest" | "dataset" | "observationCount">;

function indicatorFacts(
  i: Indicator & { label_sv: string; label_en: string },
  locale: "sv" | "en",
): IndicatorFacts {
  return {
    id: i.id,
    label: indicatorLabel(i.id, i.label, locale),
    dimensionId: i.dimension_id,
    dimensionLabel: locale === "en" ? i.label_en : i.label_sv,
    unit: i.unit,
    direction: i.direction,
    goalLo: i.goal_lo,
    goalHi: i.goal_hi,
    kind: i.kind,
    level: i.level,
    source: i.source,
  };
}

/**
 * Every indicator by dimension, with its latest observation: the home area's whole-area value when
 * there is one, else the latest value anywhere; small cells suppressed.
 */
export async function listIndicatorRows(db: Db, locale: "sv" | "en"): Promise<IndicatorRow[]> {
  const indicators = await db
    .selectFrom("indicators")
    .innerJoin("dimensions", "dimensions.id", "indicators.dimension_id")
    .selectAll("indicators")
    .select(["dimensions.label_sv", "dimensions.label_en"])
    .orderBy("dimensions.sort")
    .orderBy("indicators.id")
    .execute();
  // One row per indicator chosen in the database (the table may hold millions), through the
  // unique (indicator, area, group, period) index: the home area's whole-area row of the newest
  // period, else a row of the indicator's newest period anywhere.
  const columns = [
    "o.indicator_id",
    "o.area_id",
    "o.group_code",
    "o.period",
    "o.value",
    "o.u",
    "o.n",
    "datasets.id as dataset_id",
    "datasets.source",
    "datasets.licence",
    "datasets.retrieved",
    "datasets.sha256",
    "datasets.synthetic",
    "datasets.note",
  ] as const;
  const [homeRows, countRows] = await Promise.all([
    db
      .selectFrom("observations as o")
      .innerJoin(
        (eb) =>
          eb
            .selectFrom("observations")
            .select((e) => ["indicator_id", e.fn.max("period").as("period")])
            .where("area_id", "=", HOME_AREA)
            .where("group_code", "is", null)
            .groupBy("indicator_id")
            .as("m"),
        (join) => join.onRef("m.indicator_id", "=", "o.indicator_id").onRef("m.period", "=", "o.period"),
      )
      .innerJoin("datasets", "datasets.id", "o.dataset_id")
      .select(columns)
      .where("o.area_id", "=", HOME_AREA)
      .where("o.group_code", "is", null)
      .execute(),
    db
      .selectFrom("observations")
      .select((eb) => ["indicator_id", eb.fn.countAll<number>().as("count")])
      .groupBy("indicator_id")
      .execute(),
  ]);
  const missing = countRows
    .map((c) => c.indicator_id)
    .filter((id) => !homeRows.some((h) => h.indicator_id === id));
  const fallbackRows =
    missing.length === 0
      ? []
      : await db
          .selectFrom("observations as o")
          .innerJoin(
            (eb) =>
              eb
                .selectFrom("observations")
                .select((e) => ["indicator_id", e.fn.max("period").as("period")])
                .where("indicator_id", "in", missing)
                .groupBy("indicator_id")
                .as("m"),
            (join) => join.onRef("m.indicator_id", "=", "o.indicator_id").onRef("m.period", "=", "o.period"),
          )
          .innerJoin("datasets", "datasets.id", "o.dataset_id")
          .select(columns)
          .orderBy("o.area_id")
          .orderBy((eb) => eb.fn.coalesce("o.group_code", eb.val("")))
          .execute();
  const latestRows = [...homeRows];
  for (const r of fallbackRows)
    if (!latestRows.some((x) => x.indicator_id === r.indicator_id)) latestRows.push(r);
  const best = new Map(latestRows.map((o) => [o.indicator_id, o]));
  const counts = new Map(countRows.map((c) => [c.indicator_id, Number(c.count)]));
  return indicators.map((i) => {
    const o = best.get(i.id);
    return {
      ...indicatorFacts(i, locale),
      observationCount: counts.get(i.id) ?? 0,
      latest: o
        ? { ...control(o.value, o.u, o.n), period: o.period, areaId: o.area_id, groupCode: o.group_code }
        : null,
      dataset: o
        ? datasetView({
            id: o.dataset_id,
            source: o.source,
            licence: o.licence,
            retrieved: o.retrieved,
            sha256: o.sha256,
            synthetic: o.synthetic,
            note: o.note,
          })
        : null,
    };
  });
}

export interface ObservationRowView extends ControlledValue {
  areaId: string;
  areaName: string;
  groupCode: string | null;
  groupLabel: string | null;
  period: string;
  datasetId: string;
}

export interface IndicatorDetail {
  indicator: IndicatorFacts;
  observations: ObservationRowView[];
  datasets: DatasetView[];
  /** True when more rows matched than the limit asked for (the page then points to the CSV). */
  truncated: boolean;
}

/** One indicator with all its observations (small cells suppressed) and the datasets they came from. */
export async function findIndicatorDetail(
  db: Db,
  id: string,
  locale: "sv" | "en",
  options: { scope?: "home" | "all"; limit?: number } = {},
): Promise<IndicatorDetail | null> {
  const i = await db
    .selectFrom("indicators")
    .innerJoin("dimensions", "dimensions.id", "indicators.dimension_id")
    .selectAll("indicators")
    .select(["dimensions.label_sv", "dimensions.label_en"])
    .where("indicators.id", "=", id)
    .executeTakeFirst();
  if (!i) return null;
  const rows = await db
    .selectFrom("observations")
    .innerJoin("areas", "areas.id", "observations.area_id")
    .leftJoin("population_groups", "population_groups.code", "observations.group_code")
    .select([
      "observations.area_id",
      "areas.name",
      "observations.group_code",
      "population_groups.label",
      "observations.period",
      "observations.value",
      "observations.u",
      "observations.n",
      "observations.dataset_id",
    ])
    .where("observations.indicator_id", "=", id)
    .$if(options.scope === "home", (q) =>
      q.where((eb) =>
        eb.or([eb("observations.area_id", "in", [HOME_AREA, "0000"]), eb("areas.parent_id", "=", HOME_AREA)]),
      ),
    )
    .orderBy("observations.area_id")
    .orderBy((eb) => eb.fn.coalesce("observations.group_code", eb.val("")))
    .orderBy("observations.period", "desc")
    .$if(options.limit !== undefined, (q) => q.limit(options.limit! + 1))
    .execute();
  const truncated = options.limit !== undefined && rows.length > options.limit;
  if (truncated) rows.pop();
  const datasetIds = [...new Set(rows.map((r) => r.dataset_id))];
  const datasets =
    datasetIds.length === 0
      ? []
      : await db.selectFrom("datasets").selectAll().where("id", "in", datasetIds).orderBy("id").execute();
  return {
    indicator: indicatorFacts(i, locale),
    observations: rows.map((r) => ({
      ...control(r.value, r.u, r.n),
      areaId: r.area_id,
      areaName: areaLabel(r.area_id, r.name, locale),
      groupCode: r.group_code,
      groupLabel:
        r.group_code !== null && r.label !== null ? groupLabel(r.group_code, r.label, locale) : r.label,
      period: r.period,
      datasetId: r.dataset_id,
    })),
    datasets: datasets.map(datasetView),
    truncated,
  };
}

/** The indicator table as CSV: the same (suppressed) figures the page shows. */
export function indicatorTableCsv(rows: readonly IndicatorRow[]): string {
  return toCsv(
    [
      "indicator",
      "label",
      "dimension",
      "unit",
      "direction",
      "goal_lo",
      "goal_hi",
      "kind",
      "level",
      "source",
      "area",
      "group",
      "period",
      "value",
      "u",
      "n",
      "suppressed",
      "dataset",
      "dataset_source",
      "licence",
      "retrieved",
      "sha256_short",
      "synthetic",
    ],
    rows.map((r) => [
      r.id,
      r.label,
      r.dimensionId,
      r.unit,
      r.direction,
      r.goalLo,
      r.goalHi,
      r.kind,
      r.level,
      r.source,
      r.latest?.areaId ?? null,
      r.latest?.groupCode ?? null,
      r.latest?.period ?? null,
      r.latest?.value ?? null,
      r.latest?.u ?? null,
      r.latest?.n ?? null,
      r.latest ? (r.latest.suppressed ? 1 : 0) : null,
      r.dataset?.id ?? null,
      r.dataset?.source ?? null,
      r.dataset?.licence ?? null,
      r.dataset?.retrieved ?? null,
      r.dataset?.sha256Short ?? null,
      r.dataset ? (r.dataset.synthetic ? 1 : 0) : null,
    ]),
  );
}

/** One indicator's observations as CSV (suppressed cells empty, flagged). */
export function indicatorDetailCsv(detail: IndicatorDetail): string {
  return toCsv(
    [
      "indicator",
      "area",
      "group",
      "period",
      "value",
      "u",
      "ci95_lo",
      "ci95_hi",
      "n",
      "suppressed",
      "dataset",
    ],
    detail.observations.map((o) => [
      detail.indicator.id,
      o.areaId,
      o.groupCode,
      o.period,
      o.value,
      o.u,
      o.interval?.[0] ?? null,
      o.interval?.[1] ?? null,
      o.n,
      o.suppressed ? 1 : 0,
      o.datasetId,
    ]),
  );
}

/** The import form's fields after validation. */
export const ImportFormSchema = z.object({
  kind: z.enum(WEB_IMPORT_KINDS),
  source: z.string().trim().min(1).max(500),
  licence: z.string().trim().min(1).max(200),
  retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z
    .string()
    .trim()
    .max(2000)
    .transform((s) => (s === "" ? null : s)),
  synthetic: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});
export type ImportForm = z.output<typeof ImportFormSchema>;

/** What the web import reports: a summary, or every bad row, or one message for the whole file. */
export type WebImportOutcome =
  | { ok: true; summary: ImportSummary }
  | { ok: false; issues: readonly ImportIssue[]; issueCount: number; badRows: number }
  | { ok: false; message: string };

/**
 * Run the CLI's import code on an uploaded file: the same validation, "already imported" check,
 * single transaction (nothing written on any bad row) and audit event.
 */
export async function runWebImport(
  db: Db,
  form: ImportForm,
  file: { name: string; text: string },
  userId: string,
  /** Required for the survey kind. */
  survey?: SurveyImportArgs,
): Promise<WebImportOutcome> {
  const options = {
    maxBytes: MAX_WEB_IMPORT_BYTES,
    userId,
    provenance: {
      source: form.source,
      licence: form.licence,
      retrieved: form.retrieved,
      note: form.note,
      synthetic: form.synthetic,
    },
  };
  const source = {
    name: file.name.replace(/[^\w.\-åäöÅÄÖ ]/g, "_").slice(0, 200) || "upload.csv",
    text: file.text,
  };
  try {
    const run = {
      observations: () => importObservations(db, source, options),
      kolada: () => importKolada(db, source, options),
      "oecd-bli": () => importOecdBli(db, source, options),
      "scb-population": () => importScbPopulation(db, source, options),
      "kolada-groups": () => importKoladaGroups(db, source, options),
      survey: () => {
        if (!survey) throw new Error("runWebImport: the survey kind needs its options");
        return importSurvey(db, source, {
          ...options,
          ...surveyOptionsFrom(survey),
          ...configuredPseudonymKey(),
        });
      },
    }[form.kind];
    return { ok: true, summary: await run() };
  } catch (e) {
    if (e instanceof ImportRejectedError) {
      return { ok: false, issues: e.issues, issueCount: e.issueCount, badRows: e.badRows };
    }
    if (e instanceof InputError) return { ok: false, message: e.message };
    throw e;
  }
}
