import type { IssueCollector } from "./import-issues";

/**
 * Check a header against the columns a kind needs. Every missing required column and every column
 * the kind does not know is an issue on line 1 (when `allowOthers` is false). Returns the index of
 * each known column (-1 for an absent optional one), or null when a required column is missing.
 */
export function mapHeader<const R extends string, const O extends string>(
  header: readonly string[],
  required: readonly R[],
  optional: readonly O[],
  issues: IssueCollector,
  allowOthers = false,
): Record<R | O, number> | null {
  const names = header.map((h) => h.trim());
  const index = {} as Record<R | O, number>;
  let ok = true;
  for (const col of required) {
    index[col] = names.indexOf(col);
    if (index[col] === -1) {
      issues.add(1, col, "", `missing column "${col}" (the header must have: ${required.join(", ")})`);
      ok = false;
    }
  }
  for (const col of optional) index[col] = names.indexOf(col);
  if (!allowOthers) {
    const known = new Set<string>([...required, ...optional]);
    names.forEach((n) => {
      if (!known.has(n))
        issues.add(1, n, n, `unknown column "${n}" (allowed: ${[...required, ...optional].join(", ")})`);
    });
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) {
      issues.add(1, n, n, `column "${n}" appears twice`);
      ok = false;
    }
    seen.add(n);
  }
  return ok ? index : null;
}

/** The issue for a row whose cell count differs from the header's; returns false when it does. */
export function checkCellCount(
  line: number,
  cells: readonly string[],
  width: number,
  issues: IssueCollector,
): boolean {
  if (cells.length === width) return true;
  issues.add(line, "", cells.join(","), `has ${cells.length} cells, the header has ${width}`);
  return false;
}
