import { EngineInputError } from "../errors";
import { DEFAULT_DISCLOSURE_THRESHOLD, type SuppressionReason } from "./suppress-small-cells";

/** What {@link suppressComplementary} takes besides the rows. */
export interface SuppressComplementaryOptions<K> {
  /** The fields that carry the estimate and its uncertainty, blanked in a complementary row too. */
  readonly fields: readonly K[];
  /** The threshold primary suppression used; default {@link DEFAULT_DISCLOSURE_THRESHOLD}. */
  readonly threshold?: number;
}

/** A row of one partition after primary suppression (`suppressSmallCells`). */
type ControlledRow = {
  readonly n: number;
  readonly suppressed?: true;
  readonly reason?: SuppressionReason;
};

/**
 * Complementary (secondary) suppression over the rows of one partition, e.g. the groups of a `--by`
 * table whose total is shown elsewhere. After primary suppression, a single suppressed row can be
 * recovered by subtraction: its mean is (W·total mean − Σ shown w·mean) / w. So, following the
 * rule for one-dimensional tables with a published margin (Hundepool et al., "Statistical
 * Disclosure Control", Wiley 2012, §5.2.2 and §5.6 on secondary cell suppression; Duncan,
 * Elliot & Salazar-González, "Statistical Confidentiality", Springer 2011, §6.3), the shown row
 * with the smallest n (the first of equals, in row order) is also suppressed, repeatedly, until
 * - no row is suppressed (nothing changes), or
 * - at least two rows are suppressed and together they have n ≥ threshold (what subtraction then
 *   gives is a figure of a union that is itself large enough to show), or
 * - every row is suppressed (only the total remains).
 * With two groups and one small, both groups' figures go and the total stays. Complementary rows
 * get `suppressed: true` and reason code "complementary"; n stays shown. Rows are not reordered.
 * @param rows - one partition's rows, already through `suppressSmallCells` with the same fields
 * @param options - the fields to blank and the threshold primary suppression used
 * @returns new rows in the same order; the input rows are not changed
 * @throws EngineInputError when the threshold is not a finite number ≥ 0 or a row's n is not a
 *   finite number ≥ 0
 */
export function suppressComplementary<R extends ControlledRow, K extends Exclude<keyof R, "n">>(
  rows: readonly R[],
  options: SuppressComplementaryOptions<K>,
): R[] {
  const threshold = options.threshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
  if (!Number.isFinite(threshold) || threshold < 0) {
    throw new EngineInputError(
      "suppressComplementary",
      `threshold must be a finite number ≥ 0 (got ${threshold})`,
    );
  }
  rows.forEach((row, i) => {
    if (typeof row.n !== "number" || !Number.isFinite(row.n) || row.n < 0) {
      throw new EngineInputError(
        "suppressComplementary",
        `row ${i + 1}: n must be a finite number ≥ 0 (got ${row.n})`,
      );
    }
  });
  const hidden = rows.map((row) => row.suppressed === true);
  const complementary = rows.map(() => false);
  for (;;) {
    const count = hidden.filter(Boolean).length;
    if (count === 0 || count === rows.length) break;
    const hiddenN = rows.reduce((s, row, i) => s + (hidden[i] ? row.n : 0), 0);
    if (count >= 2 && hiddenN >= threshold) break;
    let next = -1;
    rows.forEach((row, i) => {
      if (!hidden[i] && (next === -1 || row.n < rows[next]!.n)) next = i;
    });
    hidden[next] = true;
    complementary[next] = true;
  }
  return rows.map((row, i) => {
    if (!complementary[i]) return { ...row };
    const out: Record<PropertyKey, unknown> = { ...row };
    for (const f of options.fields) out[f as PropertyKey] = null;
    out.suppressed = true;
    out.reason = { code: "complementary", n: row.n, threshold } satisfies SuppressionReason;
    return out as R;
  });
}
