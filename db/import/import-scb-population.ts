import { z } from "zod";
import type { Db, NewArea, NewSegment } from "../schema";
import { checkCellCount } from "./csv-header";
import { parseRow, textCell } from "./cell-schemas";
import { csvRecords, type ImportSource } from "./import-source";
import { AGE_BANDS, ageSexGroups, ensureGroups, sexCode } from "./population-groups";
import { runImport, type ImportOptions, type ImportSummary } from "./run-import";

/** Column names accepted for each role (SCB's Swedish names first). */
const REGION = ["region", "kommun"];
const AGE = ["ålder", "alder", "age"];
const SEX = ["kön", "kon", "sex"];
const AREA = ["area", "area_id", "kommunkod"];
const PARENT = ["parent", "parent_id"];
/** The count column: SCB's "X2019" style (the year is the period) or "2019". */
const VALUE_COLUMN = /^X?(\d{4})$/;

const PopulationRowSchema = z.object({
  region: textCell,
  age: z
    .string()
    .trim()
    .regex(/^(\d{1,3})(\+|-\d{1,3})?$/, { message: 'not an age ("23", "100+" or a range "20-44")' }),
  sex: z
    .string()
    .refine((s) => sexCode(s) !== null, { message: 'not a sex ("kvinnor"/"män", "women"/"men", "f"/"m")' })
    .transform((s) => sexCode(s)!),
  count: z.string().trim().regex(/^\d+$/, { message: "not a whole number ≥ 0" }).transform(Number),
  area: z.string().trim().optional(),
  parent: z.string().trim().optional(),
});

/** The age band code part ("20_44") holding all ages of "23", "100+" or "20-44", or null. */
export function ageBandOf(age: string): string | null {
  const m = /^(\d{1,3})(\+|-(\d{1,3}))?$/.exec(age.trim());
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = m[2] === "+" ? Infinity : m[3] !== undefined ? Number(m[3]) : lo;
  if (hi < lo) return null;
  const band = AGE_BANDS.find(([, blo, bhi]) => lo >= blo && hi <= (bhi ?? Infinity));
  return band ? band[0] : null;
}

/** Options of the scb-population kind. */
export interface ScbPopulationOptions extends ImportOptions {
  /** Kind of the areas the file creates (with an `area` column); default "municipality". */
  areaKind?: "municipality" | "district";
}

function pick(header: string[], names: string[]): number {
  return header.findIndex((h) => names.includes(h.trim().toLowerCase()));
}

/**
 * Import population by area × single year of age (or age range) × sex, as SCB publishes it
 * (`"region","ålder","kön","X2019"`): ages are summed into the project's age bands, giving one segment
 * per area × age band × sex with its population for the period (the year in the count column).
 * Regions are matched to areas by id or by name; with an `area` column (and optional `parent`) the
 * areas are created when missing, flagged synthetic when the dataset is. Creates the ten age × sex
 * groups when missing. A segment that already has a population for the period is an error.
 */
export async function importScbPopulation(
  db: Db,
  source: ImportSource,
  options: ScbPopulationOptions = {},
): Promise<ImportSummary> {
  const synthetic = options.provenance?.synthetic ? 1 : 0;
  return runImport(db, "scb-population", source, options, async ({ trx, datasetId, issues }) => {
    const add = issues.add.bind(issues);
    const areas = await trx.selectFrom("areas").select(["id", "name"]).execute();
    const byId = new Map(areas.map((a) => [a.id, a.name]));
    const byName = new Map<string, string | null>();
    for (const a of areas) byName.set(a.name.toLowerCase(), byName.has(a.name.toLowerCase()) ? null : a.id);

    let col: {
      region: number;
      age: number;
      sex: number;
      count: number;
      area: number;
      parent: number;
    } | null = null;
    let period = "";
    /** The header's own name of each column a row issue can be about (the file may say "age" or "ålder"). */
    let names: Record<string, string> = {};
    let width = 0;
    let rows = 0;
    const newAreas = new Map<string, NewArea>();
    const totals = new Map<string, number>(); // "<areaId>|<groupCode>" → population
    const firstLine = new Map<string, number>(); // the same key → the first line summed into it
    const seenCells = new Map<string, number>();
    for await (const { line, cells } of csvRecords(source)) {
      if (col === null) {
        const header = cells.map((c) => c.trim());
        const valueCols = header.map((h, i) => [h, i] as const).filter(([h]) => VALUE_COLUMN.test(h));
        col = {
          region: pick(header, REGION),
          age: pick(header, AGE),
          sex: pick(header, SEX),
          count: valueCols.length === 1 ? valueCols[0]![1] : -1,
          area: pick(header, AREA),
          parent: pick(header, PARENT),
        };
        if (col.region < 0) add(1, "region", "", 'missing column "region" (area name)');
        if (col.age < 0) add(1, "ålder", "", 'missing column "ålder" (age)');
        if (col.sex < 0) add(1, "kön", "", 'missing column "kön" (sex)');
        if (valueCols.length !== 1) {
          add(
            1,
            "",
            header.join(","),
            'needs exactly one count column named by its year ("X2019" or "2019")',
          );
        }
        if (!issues.empty) return { rows: 0, inserted: 0 };
        period = VALUE_COLUMN.exec(header[col.count]!)![1]!;
        names = Object.fromEntries(
          Object.entries(col)
            .filter(([, i]) => i >= 0)
            .map(([role, i]) => [role, header[i]!]),
        );
        width = cells.length;
        continue;
      }
      rows++;
      if (!checkCellCount(line, cells, width, issues)) continue;
      const raw: Record<string, string> = {
        region: cells[col.region]!,
        age: cells[col.age]!,
        sex: cells[col.sex]!,
        count: cells[col.count]!,
      };
      if (col.area >= 0) raw.area = cells[col.area]!;
      if (col.parent >= 0) raw.parent = cells[col.parent]!;
      const row = parseRow(PopulationRowSchema, raw, line, (l, c, v, r) => add(l, names[c] ?? c, v, r));
      if (row === null) continue;
      const band = ageBandOf(row.age);
      if (band === null) {
        add(
          line,
          names.age!,
          row.age,
          "the ages do not fall inside one age band (0–19, 20–44, 45–64, 65–79, 80+)",
        );
        continue;
      }
      let areaId: string | null | undefined = row.area || undefined;
      if (areaId !== undefined) {
        if (!byId.has(areaId) && !newAreas.has(areaId)) {
          if (row.parent && !byId.has(row.parent) && !newAreas.has(row.parent)) {
            add(line, names.parent!, row.parent, "unknown parent area");
            continue;
          }
          newAreas.set(areaId, {
            id: areaId,
            name: row.region,
            kind: options.areaKind ?? "municipality",
            parent_id: row.parent || null,
            synthetic,
          });
        }
      } else {
        areaId = byId.has(row.region) ? row.region : byName.get(row.region.toLowerCase());
        if (areaId === undefined) {
          add(line, names.region!, row.region, "unknown region (no area with this id or name)");
          continue;
        }
        if (areaId === null) {
          add(
            line,
            names.region!,
            row.region,
            "ambiguous region name (several areas have it): add an area column",
          );
          continue;
        }
      }
      const cellKey = `${areaId}|${row.age}|${row.sex}`;
      const before = seenCells.get(cellKey);
      if (before !== undefined) {
        add(
          line,
          "",
          `${row.region},${row.age},${row.sex}`,
          `duplicate row (region, age, sex): already on line ${before}`,
        );
        continue;
      }
      seenCells.set(cellKey, line);
      const key = `${areaId}|age_${band}_${row.sex}`;
      totals.set(key, (totals.get(key) ?? 0) + row.count);
      if (!firstLine.has(key)) firstLine.set(key, line);
    }
    if (col === null) {
      add(1, "", "", "file has no header line");
      return { rows: 0, inserted: 0 };
    }
    const lineOfSegment = new Map<string, number>();
    const segments: NewSegment[] = [...totals].map(([key, population]) => {
      const [area_id, group_code] = key.split("|") as [string, string];
      lineOfSegment.set(`${area_id}:${group_code}`, firstLine.get(key)!);
      return {
        id: `${area_id}:${group_code}`,
        area_id,
        group_code,
        period,
        population,
        dataset_id: datasetId,
      };
    });
    const ids = segments.map((s) => s.id);
    const taken: { id: string; dataset_id: string | null; line: number }[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const stored = await trx
        .selectFrom("segments")
        .select(["id", "dataset_id"])
        .where("period", "=", period)
        .where("id", "in", ids.slice(i, i + 500))
        .execute();
      for (const t of stored) taken.push({ ...t, line: lineOfSegment.get(t.id)! });
    }
    // Each at the first line summed into the segment, in file order, under the count column.
    for (const t of taken.sort((a, b) => a.line - b.line)) {
      add(
        t.line,
        names.count!,
        t.id,
        `segment ${t.id} already has a population for ${period} (dataset ${t.dataset_id ?? "none"})`,
      );
    }
    if (!issues.empty) return { rows, inserted: 0 };
    const groupsCreated = await ensureGroups(trx, ageSexGroups());
    // Parents before children: a district's municipality may be created by the same file.
    const pending = [...newAreas.values()].sort(
      (a, b) => (a.parent_id === null ? -1 : 0) - (b.parent_id === null ? -1 : 0),
    );
    for (let i = 0; i < pending.length; i += 200) {
      await trx
        .insertInto("areas")
        .values(pending.slice(i, i + 200))
        .execute();
    }
    for (let i = 0; i < segments.length; i += 500) {
      await trx
        .insertInto("segments")
        .values(segments.slice(i, i + 500))
        .execute();
    }
    return {
      rows,
      inserted: segments.length,
      details: {
        period,
        areasCreated: pending.length,
        groupsCreated,
        population: segments.reduce((s, x) => s + x.population, 0),
      },
    };
  });
}
