import { z } from "zod";
import type { Db } from "../schema";
import { checkCellCount, mapHeader } from "./csv-header";
import { optionalDecimalCell, parseRow, textCell } from "./cell-schemas";
import { csvRecords, type ImportSource } from "./import-source";
import {
  ObservationKeyGuard,
  checkObservationRow,
  loadReferenceIds,
  observationWriter,
} from "./import-observations";
import { ensureGroups, sexGroups } from "./population-groups";
import { publishedObservation, withAssumptionNote } from "./published-observation";
import { runImport, type ImportOptions, type ImportSummary } from "./run-import";

/** Kolada's value export columns (see data/kolada/kpi_N00945_values.csv). */
export const KOLADA_COLUMNS = [
  "gender",
  "count",
  "status",
  "value",
  "kpi",
  "year",
  "municipality_id",
  "municipality",
  "municipality_type",
] as const;

/** Kolada's gender code → the project's group (T, the total, is the whole area). */
const GENDER_GROUP: Record<string, string | null> = { T: null, K: "sex_f", M: "sex_m" };

const KoladaRowSchema = z
  .object({
    gender: z.enum(["T", "K", "M"], { message: 'gender must be "T" (total), "K" (women) or "M" (men)' }),
    status: z.string().trim(),
    value: optionalDecimalCell,
    kpi: textCell,
    year: z
      .string()
      .trim()
      .regex(/^\d{4}$/, { message: "not a year" }),
    municipality_id: textCell,
  })
  .superRefine((row, ctx) => {
    if (row.value === null && row.status === "") {
      ctx.addIssue({ code: "custom", path: ["value"], message: "empty value without a status saying why" });
    }
  });

/** The indicator id a Kolada KPI is stored under unless the caller names one. */
export function koladaIndicatorId(kpi: string): string {
  return `kolada_${kpi}`;
}

/** Options of the kolada kind. */
export interface KoladaOptions extends ImportOptions {
  /** Store every KPI in the file under this indicator instead of `kolada_<kpi>`. */
  indicator?: string;
  /** Give each value an assumed standard uncertainty ({@link assumedUncertainty}) with this relative part. */
  assumedRelativeU?: number;
}

/**
 * Import Kolada KPI values as observations: one per municipality × gender × year (u and n unknown:
 * Kolada publishes neither). Rows with an empty value and a status are counted and not stored.
 */
export async function importKolada(
  db: Db,
  source: ImportSource,
  options: KoladaOptions = {},
): Promise<ImportSummary> {
  return runImport(db, "kolada", source, withAssumptionNote(options), async ({ trx, datasetId, issues }) => {
    const add = issues.add.bind(issues);
    await ensureGroups(trx, sexGroups());
    const refs = await loadReferenceIds(trx);
    const keys = new ObservationKeyGuard(trx);
    const writer = observationWriter(trx);
    let index: Record<string, number> | null = null;
    let width = 0;
    let rows = 0;
    let withoutValue = 0;
    for await (const { line, cells } of csvRecords(source)) {
      if (index === null) {
        index = mapHeader(cells, KOLADA_COLUMNS, [], issues, true);
        width = cells.length;
        if (index === null) return { rows: 0, inserted: 0 };
        continue;
      }
      rows++;
      if (!checkCellCount(line, cells, width, issues)) continue;
      const raw = Object.fromEntries(KOLADA_COLUMNS.map((c) => [c, cells[index![c]!]!]));
      const row = parseRow(KoladaRowSchema, raw, line, add);
      if (row === null) continue;
      const obs = {
        indicator: options.indicator ?? koladaIndicatorId(row.kpi),
        area: row.municipality_id,
        group: GENDER_GROUP[row.gender]!,
        period: row.year,
      };
      const columns = { indicator: "kpi", area: "municipality_id", group: "gender" };
      await keys.prepare([obs.indicator]);
      if (!checkObservationRow(obs, line, refs, keys, add, columns)) continue;
      if (row.value === null) {
        withoutValue++;
        continue;
      }
      if (!issues.empty) continue;
      await writer.add(publishedObservation(obs, raw.value!, row.value, datasetId, options.assumedRelativeU));
    }
    if (index === null) add(1, "", "", "file has no header line");
    await writer.flush();
    return { rows, inserted: writer.written, details: { withoutValue } };
  });
}
