import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

/** The repository's data/ folder (the demo data and its README). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

/** A small CSV file under the data folder as objects keyed by its header (BOM stripped). */
export function readDataCsv(dataDir: string, rel: string): Record<string, string>[] {
  return parse(readFileSync(join(dataDir, rel), "utf8"), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
}

/** Smallest and largest of the finite numbers in a column. */
export function columnRange(rows: readonly Record<string, string>[], column: string): [number, number] {
  const xs = rows
    .map((r) => (r[column] ?? "").trim())
    .filter((s) => s !== "" && s !== "NA")
    .map(Number)
    .filter(Number.isFinite);
  if (xs.length === 0) throw new Error(`columnRange: no numbers in column "${column}"`);
  return [Math.min(...xs), Math.max(...xs)];
}
