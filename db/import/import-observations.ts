import { z } from "zod";
import type { Db, NewObservation } from "../schema";
import { checkCellCount, mapHeader } from "./csv-header";
import { countCell, decimalCell, parseRow, periodCell, textCell, uncertaintyCell } from "./cell-schemas";
import { csvRecords, type ImportSource } from "./import-source";
import { BatchWriter, runImport, type ImportOptions, type ImportSummary } from "./run-import";

/** The observations CSV's columns (see data/README.md): `source` is optional. */
export const OBSERVATION_COLUMNS = ["indicator", "area", "group", "period", "value", "u", "n"] as const;

/** One observations CSV row, cells in, typed values out (`group` empty = the whole area). */
export const ObservationRowSchema = z.object({
  indicator: textCell,
  area: textCell,
  group: z.string().transform((s) => (s.trim() === "" ? null : s.trim())),
  period: periodCell,
  value: decimalCell,
  u: uncertaintyCell,
  n: countCell,
  source: z.string().trim().optional(),
});
export type ObservationRow = z.output<typeof ObservationRowSchema>;

/** The unique key of an observation (indicator, area, group or "", period), as one string. */
export function observationKey(
  indicator: string,
  area: string,
  group: string | null,
  period: string,
): string {
  return `${indicator}\u0000${area}\u0000${group ?? ""}\u0000${period}`;
}

/** The ids of the reference tables a row must point into. */
export interface ReferenceIds {
  indicators: Set<string>;
  areas: Set<string>;
  groups: Set<string>;
}

/** Load the indicator, area and group ids that rows may name. */
export async function loadReferenceIds(db: Db): Promise<ReferenceIds> {
  const [indicators, areas, groups] = await Promise.all([
    db.selectFrom("indicators").select("id").execute(),
    db.selectFrom("areas").select("id").execute(),
    db.selectFrom("population_groups").select("code").execute(),
  ]);
  return {
    indicators: new Set(indicators.map((r) => r.id)),
    areas: new Set(areas.map((r) => r.id)),
    groups: new Set(groups.map((r) => r.code)),
  };
}

/**
 * Duplicate-key guard across a file and the database: keys seen in the file, plus, loaded once per
 * indicator on first use, the keys already stored for that indicator.
 */
export class ObservationKeyGuard {
  readonly #seen = new Map<string, number>();
  readonly #loaded = new Set<string>();
  constructor(private readonly db: Db) {}

  /** null when the key is new; else where it was seen ("line N" or "the database"). */
  async check(indicator: string, key: string, line: number): Promise<string | null> {
    if (!this.#loaded.has(indicator)) {
      this.#loaded.add(indicator);
      const stored = await this.db
        .selectFrom("observations")
        .select(["area_id", "group_code", "period"])
        .where("indicator_id", "=", indicator)
        .execute();
      for (const r of stored) this.#seen.set(observationKey(indicator, r.area_id, r.group_code, r.period), 0);
    }
    const before = this.#seen.get(key);
    if (before !== undefined) return before === 0 ? "the database" : `line ${before}`;
    this.#seen.set(key, line);
    return null;
  }
}

/** Check a parsed row's references and key; every problem is reported. Returns true when clean. */
export async function checkObservationRow(
  row: { indicator: string; area: string; group: string | null; period: string },
  line: number,
  refs: ReferenceIds,
  keys: ObservationKeyGuard,
  add: (line: number, column: string, value: string, reason: string) => void,
  columns: { indicator: string; area: string; group: string } = {
    indicator: "indicator",
    area: "area",
    group: "group",
  },
): Promise<boolean> {
  let ok = true;
  if (!refs.indicators.has(row.indicator)) {
    add(line, columns.indicator, row.indicator, "unknown indicator (not in the indicators table)");
    ok = false;
  }
  if (!refs.areas.has(row.area)) {
    add(line, columns.area, row.area, "unknown area (not in the areas table)");
    ok = false;
  }
  if (row.group !== null && !refs.groups.has(row.group)) {
    add(line, columns.group, row.group, "unknown population group (leave empty for the whole area)");
    ok = false;
  }
  if (ok) {
    const dup = await keys.check(
      row.indicator,
      observationKey(row.indicator, row.area, row.group, row.period),
      line,
    );
    if (dup) {
      add(
        line,
        "",
        `${row.indicator},${row.area},${row.group ?? ""},${row.period}`,
        `duplicate key (indicator, area, group, period): already in ${dup}`,
      );
      ok = false;
    }
  }
  return ok;
}

/** A writer of observation rows in multi-row INSERTs. */
export function observationWriter(trx: Db): BatchWriter<NewObservation> {
  return new BatchWriter<NewObservation>(async (rows) => {
    await trx.insertInto("observations").values(rows).execute();
  });
}

/**
 * Import an observations CSV (header `indicator,area,group,period,value,u,n[,source]`, see data/README.md)
 * in one transaction: every row is validated (zod cell schemas, known indicator/area/group, no
 * duplicate key in the file or the database); any issue rejects the whole file.
 */
export async function importObservations(
  db: Db,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return runImport(db, "observations", source, options, async ({ trx, datasetId, issues }) => {
    const refs = await loadReferenceIds(trx);
    const keys = new ObservationKeyGuard(trx);
    const writer = observationWriter(trx);
    const add = issues.add.bind(issues);
    const sources = new Set<string>();
    let index: Record<string, number> | null = null;
    let width = 0;
    let rows = 0;
    for await (const { line, cells } of csvRecords(source)) {
      if (index === null) {
        index = mapHeader(cells, OBSERVATION_COLUMNS, ["source"], issues);
        width = cells.length;
        if (index === null) return { rows: 0, inserted: 0 };
        continue;
      }
      rows++;
      if (!checkCellCount(line, cells, width, issues)) continue;
      const raw: Record<string, string> = {
        indicator: cells[index.indicator!]!,
        area: cells[index.area!]!,
        group: cells[index.group!]!,
        period: cells[index.period!]!,
        value: cells[index.value!]!,
        u: cells[index.u!]!,
        n: cells[index.n!]!,
      };
      if (index.source! >= 0) raw.source = cells[index.source!]!;
      const row = parseRow(ObservationRowSchema, raw, line, add);
      if (row === null) continue;
      if (!(await checkObservationRow(row, line, refs, keys, add))) continue;
      if (row.source && sources.size < 20) sources.add(row.source);
      if (!issues.empty) continue; // the file is rejected: keep validating, stop writing
      await writer.add({
        indicator_id: row.indicator,
        area_id: row.area,
        group_code: row.group,
        period: row.period,
        value: row.value,
        u: row.u,
        n: row.n,
        dataset_id: datasetId,
      });
    }
    if (index === null) issues.add(1, "", "", "file has no header line");
    await writer.flush();
    return {
      rows,
      inserted: writer.written,
      ...(sources.size > 0 ? { sourceSuffix: `; sources named in rows: ${[...sources].join("; ")}` } : {}),
    };
  });
}
