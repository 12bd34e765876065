import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ResponseData } from "../../../../engine/measurement/rasch";

const dir = fileURLToPath(new URL("../../../fixtures/rasch/", import.meta.url));

/**
 * Read a fixture CSV of item responses (comma separated, "NA" or empty = missing), keeping the
 * named columns (default all) and subtracting `shift` so that categories start at 0.
 */
export function loadResponses(file: string, columns?: readonly string[], shift = 0): ResponseData {
  const lines = readFileSync(dir + file, "utf8")
    .trim()
    .split(/\r?\n/);
  const header = lines[0]!.split(",");
  const keep = (columns ?? header).map((c) => header.indexOf(c));
  return {
    items: keep.map((k) => header[k]!),
    responses: lines.slice(1).map((line) => {
      const cells = line.split(",");
      return keep.map((k) => (cells[k] === "NA" || cells[k] === "" ? null : Number(cells[k]) - shift));
    }),
  };
}

/** The 23 five-point items V1..V23 of the wINEQ quality-of-life survey. */
export const WINEQ_ITEMS = Array.from({ length: 23 }, (_, k) => `V${k + 1}`);
