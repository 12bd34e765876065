import { z } from "zod";
import type { Db, NewPopulationGroup } from "../schema";
import { checkCellCount, mapHeader } from "./csv-header";
import { decimalCell, parseRow, textCell } from "./cell-schemas";
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

/** The BLI export's columns the import reads (others, such as the labels, are allowed and ignored). */
export const BLI_COLUMNS = ["LOCATION", "INDICATOR", "INEQUALITY", "Value"] as const;

/** BLI's INEQUALITY codes → the project's groups (TOT is the whole area). */
const INEQUALITY_GROUP: Record<string, string | null> = {
  TOT: null,
  MN: "sex_m",
  WMN: "sex_f",
  HGH: "ses_high",
  LW: "ses_low",
};

/** The socio-economic groups the BLI reports (OECD: high/low income, education or status, by indicator). */
export function socioEconomicGroups(): NewPopulationGroup[] {
  return [
    { code: "ses_high", dimension: "socioeconomic", label: "hög socioekonomisk status (OECD BLI)" },
    { code: "ses_low", dimension: "socioeconomic", label: "låg socioekonomisk status (OECD BLI)" },
  ];
}

const BliRowSchema = z.object({
  LOCATION: textCell,
  INDICATOR: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}_[A-Z0-9]+$/, { message: 'not a BLI indicator code (e.g. "SW_LIFS")' }),
  INEQUALITY: z.enum(["TOT", "MN", "WMN", "HGH", "LW"], {
    message: "INEQUALITY must be TOT, MN, WMN, HGH or LW",
  }),
  Value: decimalCell,
  period: z
    .string()
    .trim()
    .regex(/^\d{4}(-\d{4})?$/, { message: "no period: the file has no Reference Period and none was given" }),
});

/** The indicator id a BLI indicator code is stored under ("SW_LIFS" → "bli_sw_lifs"). */
export function bliIndicatorId(code: string): string {
  return `bli_${code.toLowerCase()}`;
}

/** Options of the oecd-bli kind. */
export interface OecdBliOptions extends ImportOptions {
  /** BLI LOCATION → area id; only mapped locations are stored. Default { SWE: "0000" } (Riket). */
  locations?: Record<string, string>;
  /** Period for rows without a Reference Period (BLI editions often leave it empty). */
  period?: string;
  /** Give each value an assumed standard uncertainty ({@link assumedUncertainty}) with this relative part. */
  assumedRelativeU?: number;
}

/**
 * Import an OECD Better Life Index export as observations per location, indicator and inequality
 * group (u and n unknown: the BLI export states neither). Every row is validated; rows for locations
 * that are not mapped to an area are counted and not stored.
 */
export async function importOecdBli(
  db: Db,
  source: ImportSource,
  options: OecdBliOptions = {},
): Promise<ImportSummary> {
  const locations = options.locations ?? { SWE: "0000" };
  return runImport(
    db,
    "oecd-bli",
    source,
    withAssumptionNote(options),
    async ({ trx, datasetId, issues }) => {
      const add = issues.add.bind(issues);
      await ensureGroups(trx, [...sexGroups(), ...socioEconomicGroups()]);
      const refs = await loadReferenceIds(trx);
      const keys = new ObservationKeyGuard(trx);
      const writer = observationWriter(trx);
      let index: Record<string, number> | null = null;
      let width = 0;
      let rows = 0;
      let otherLocations = 0;
      for await (const { line, cells } of csvRecords(source)) {
        if (index === null) {
          index = mapHeader(cells, BLI_COLUMNS, ["Reference Period Code", "Reference Period"], issues, true);
          width = cells.length;
          if (index === null) return { rows: 0, inserted: 0 };
          continue;
        }
        rows++;
        if (!checkCellCount(line, cells, width, issues)) continue;
        const periodCol = index["Reference Period Code"]!;
        const filePeriod = periodCol >= 0 ? cells[periodCol]!.trim() : "";
        const raw: Record<string, string> = {
          ...Object.fromEntries(BLI_COLUMNS.map((c) => [c, cells[index![c]!]!])),
          period: filePeriod || (options.period ?? ""),
        };
        const row = parseRow(BliRowSchema, raw, line, (l, c, v, r) =>
          add(l, c === "period" ? "Reference Period Code" : c, v, r),
        );
        if (row === null) continue;
        const area = locations[row.LOCATION];
        if (area === undefined) {
          otherLocations++;
          continue;
        }
        const obs = {
          indicator: bliIndicatorId(row.INDICATOR),
          area,
          group: INEQUALITY_GROUP[row.INEQUALITY]!,
          period: row.period,
        };
        const columns = { indicator: "INDICATOR", area: "LOCATION", group: "INEQUALITY" };
        await keys.prepare([obs.indicator]);
        if (!checkObservationRow(obs, line, refs, keys, add, columns)) continue;
        if (!issues.empty) continue;
        await writer.add(
          publishedObservation(obs, raw.Value!, row.Value, datasetId, options.assumedRelativeU),
        );
      }
      if (index === null) add(1, "", "", "file has no header line");
      await writer.flush();
      return { rows, inserted: writer.written, details: { otherLocations } };
    },
  );
}
