import { z } from "zod";
import type { Db, NewObservation } from "../schema";
import { bulkInsertObservations } from "./bulk-insert-observations";
import { checkCellCount, mapHeader } from "./csv-header";
import { numberOrNull, numberText, parseRow, periodCell, textCell } from "./cell-schemas";
import { csvBatches, type ImportSource } from "./import-source";
import { BatchWriter, runImport, type ImportOptions, type ImportSummary } from "./run-import";

/** The observations CSV's columns (see data/README.md): `source` is optional. */
export const OBSERVATION_COLUMNS = ["indicator", "area", "group", "period", "value", "u", "n"] as const;

/**
 * One observations CSV row's cells (validated as text; `toObservationRow` converts). Lean on purpose:
 * it runs once per row of files with millions of rows.
 */
export const ObservationRowSchema = z.object({
  indicator: textCell,
  area: textCell,
  group: z.string(),
  period: periodCell,
  value: numberText({}),
  u: numberText({ optional: true, min0: true, min0Message: "a standard uncertainty must be ≥ 0" }),
  n: numberText({ optional: true, min0: true, integer: true }),
  source: z.string().optional(),
});

/** An observations CSV row after validation, converted. */
export interface ObservationRow {
  indicator: string;
  area: string;
  group: string | null;
  period: string;
  value: number;
  u: number | null;
  n: number | null;
  source: string | null;
}

/** Convert a row that passed {@link ObservationRowSchema}. */
export function toObservationRow(r: z.output<typeof ObservationRowSchema>): ObservationRow {
  return {
    indicator: r.indicator,
    area: r.area,
    group: r.group.trim() === "" ? null : r.group.trim(),
    period: r.period,
    value: Number(r.value.trim()),
    u: numberOrNull(r.u),
    n: numberOrNull(r.n),
    source: r.source?.trim() || null,
  };
}

const UNKNOWN = {
  indicator: "unknown indicator (not in the indicators table)",
  area: "unknown area (not in the areas table)",
  group: "unknown population group (leave empty for the whole area)",
};

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

/** A component → small integer table; stores a flat copy of each new string (never a slice of the file). */
class Interner {
  readonly #ids = new Map<string, number>();
  id(s: string): number {
    let i = this.#ids.get(s);
    if (i === undefined) {
      i = this.#ids.size;
      this.#ids.set([...s].join(""), i);
    }
    return i;
  }
}

/**
 * Duplicate-key guard across a file and the database: keys seen in the file, plus the keys already
 * stored for each indicator, loaded once by {@link prepare} before its rows are checked. A key is held
 * as one number built from interned component ids (13 + 17 + 10 + 13 bits, exact below 2^53), so a
 * million keys cost tens of MB and keep no part of the file alive; beyond those ranges a short string.
 */
export class ObservationKeyGuard {
  readonly #seen = new Map<number | string, number>();
  readonly #loaded = new Set<string>();
  readonly #parts = [new Interner(), new Interner(), new Interner(), new Interner()] as const;
  constructor(private readonly db: Db) {}

  #key(indicator: string, area: string, group: string | null, period: string): number | string {
    const [i, a, g, p] = [
      this.#parts[0].id(indicator),
      this.#parts[1].id(area),
      this.#parts[2].id(group ?? ""),
      this.#parts[3].id(period),
    ];
    if (i < 8192 && a < 131072 && g < 1024 && p < 8192) return ((i * 131072 + a) * 1024 + g) * 8192 + p;
    return `${i},${a},${g},${p}`;
  }

  /** Load the stored keys of the indicators not loaded yet. */
  async prepare(indicators: Iterable<string>): Promise<void> {
    const fresh = [...new Set(indicators)].filter((i) => !this.#loaded.has(i));
    if (fresh.length === 0) return;
    for (const i of fresh) this.#loaded.add(i);
    for (let k = 0; k < fresh.length; k += 500) {
      const stored = await this.db
        .selectFrom("observations")
        .select(["indicator_id", "area_id", "group_code", "period"])
        .where("indicator_id", "in", fresh.slice(k, k + 500))
        .execute();
      for (const r of stored) this.#seen.set(this.#key(r.indicator_id, r.area_id, r.group_code, r.period), 0);
    }
  }

  /** null when the key is new; else where it was seen ("line N" or "the database"). */
  check(indicator: string, area: string, group: string | null, period: string, line: number): string | null {
    const key = this.#key(indicator, area, group, period);
    const before = this.#seen.get(key);
    if (before !== undefined) return before === 0 ? "the database" : `line ${before}`;
    this.#seen.set(key, line);
    return null;
  }
}

/**
 * Check a parsed row's references and key (after `keys.prepare` for its indicator); every problem
 * is reported. Returns true when clean.
 */
export function checkObservationRow(
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
): boolean {
  let ok = true;
  if (!refs.indicators.has(row.indicator)) {
    add(line, columns.indicator, row.indicator, UNKNOWN.indicator);
    ok = false;
  }
  if (!refs.areas.has(row.area)) {
    add(line, columns.area, row.area, UNKNOWN.area);
    ok = false;
  }
  if (row.group !== null && !refs.groups.has(row.group)) {
    add(line, columns.group, row.group, UNKNOWN.group);
    ok = false;
  }
  if (ok) {
    const dup = keys.check(row.indicator, row.area, row.group, row.period, line);
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

/** Observations buffered per write. */
export const OBSERVATION_WRITE_ROWS = 5000;

/** A writer of observation rows in JSON-parameter bulk inserts ({@link bulkInsertObservations}). */
export function observationWriter(trx: Db): BatchWriter<NewObservation> {
  return new BatchWriter<NewObservation>(async (rows) => {
    await bulkInsertObservations(trx, rows);
  }, OBSERVATION_WRITE_ROWS);
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
    for await (const batch of csvBatches(source)) {
      let start = 0;
      if (index === null) {
        index = mapHeader(batch[0]!.cells, OBSERVATION_COLUMNS, ["source"], issues);
        width = batch[0]!.cells.length;
        if (index === null) return { rows: 0, inserted: 0 };
        start = 1;
      }
      const col = index as Record<(typeof OBSERVATION_COLUMNS)[number] | "source", number>;
      await keys.prepare(batch.slice(start).map((r) => (r.cells[col.indicator] ?? "").trim()));
      const valid: NewObservation[] = [];
      for (let k = start; k < batch.length; k++) {
        const { line, cells } = batch[k]!;
        rows++;
        if (!checkCellCount(line, cells, width, issues)) continue;
        const raw: Record<string, string> = {
          indicator: cells[col.indicator]!,
          area: cells[col.area]!,
          group: cells[col.group]!,
          period: cells[col.period]!,
          value: cells[col.value]!,
          u: cells[col.u]!,
          n: cells[col.n]!,
        };
        if (col.source >= 0) raw.source = cells[col.source]!;
        const parsed = parseRow(ObservationRowSchema, raw, line, add);
        if (parsed === null) {
          // Still name unknown references on a row with bad cells, so one pass reports everything.
          const ref = (s: string) => s.trim();
          if (ref(raw.indicator!) && !refs.indicators.has(ref(raw.indicator!))) {
            add(line, "indicator", ref(raw.indicator!), UNKNOWN.indicator);
          }
          if (ref(raw.area!) && !refs.areas.has(ref(raw.area!)))
            add(line, "area", ref(raw.area!), UNKNOWN.area);
          if (ref(raw.group!) && !refs.groups.has(ref(raw.group!)))
            add(line, "group", ref(raw.group!), UNKNOWN.group);
          continue;
        }
        const row = toObservationRow(parsed);
        if (!checkObservationRow(row, line, refs, keys, add)) continue;
        if (row.source && sources.size < 20) sources.add(row.source);
        if (!issues.empty) continue; // the file is rejected: keep validating, stop writing
        valid.push({
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
      if (issues.empty) await writer.addMany(valid);
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
