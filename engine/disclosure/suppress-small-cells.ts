import { EngineInputError } from "../errors";

/** Cells with fewer respondents than this are suppressed unless a caller says otherwise (DESIGN §2). */
export const DEFAULT_DISCLOSURE_THRESHOLD = 10;

/**
 * Why a cell was suppressed: machine-readable, so that a page can word it in the user's language.
 * "small_cell": its own n is below the threshold (primary suppression); "complementary": its n is
 * large enough, but it is withheld so that a small cell cannot be derived from it and a margin
 * (secondary suppression, see `suppressComplementary`).
 */
export interface SuppressionReason {
  readonly code: "small_cell" | "complementary";
  /** The cell's n. */
  readonly n: number;
  /** The threshold it fell below. */
  readonly threshold: number;
}

/**
 * A row after disclosure control: the chosen fields may be null, and a suppressed row says so.
 * Rows that are shown as they are carry neither `suppressed` nor `reason`.
 */
export type DisclosureControlled<T, K extends keyof T> = {
  [P in keyof T]: P extends K ? T[P] | null : T[P];
} & { suppressed?: true; reason?: SuppressionReason };

/** What {@link suppressSmallCells} takes besides the rows. */
export interface SuppressSmallCellsOptions<K> {
  /** The fields that carry the estimate and its uncertainty (e.g. ["estimate", "se"] or ["value", "u"]). */
  readonly fields: readonly K[];
  /** Minimum n shown; default {@link DEFAULT_DISCLOSURE_THRESHOLD}. */
  readonly threshold?: number;
}

/**
 * Primary small-cell suppression, the one place the rule lives: every row whose respondent count n
 * is below the threshold gets its `fields` replaced by null, `suppressed: true` and a reason; other
 * rows are copied unchanged. n itself stays, so a reader sees why (the threshold rule of
 * Hundepool et al., "Statistical Disclosure Control", Wiley 2012, §5.2; SCB's practice for
 * survey tables). Complementary (secondary) suppression, which stops a suppressed cell from being
 * recovered from margins, is a separate step: `suppressComplementary`.
 * @param rows - rows with a respondent count `n`
 * @param options - the fields to blank and the threshold
 * @returns new rows in the same order; the input rows are not changed
 * @throws EngineInputError when the threshold is not a finite number ≥ 0 or a row's n is not a
 *   finite number ≥ 0
 */
export function suppressSmallCells<T extends { readonly n: number }, K extends Exclude<keyof T, "n">>(
  rows: readonly T[],
  options: SuppressSmallCellsOptions<K>,
): DisclosureControlled<T, K>[] {
  const threshold = options.threshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
  if (!Number.isFinite(threshold) || threshold < 0) {
    throw new EngineInputError(
      "suppressSmallCells",
      `threshold must be a finite number ≥ 0 (got ${threshold})`,
    );
  }
  return rows.map((row, i) => {
    const n = row.n;
    if (typeof n !== "number" || !Number.isFinite(n) || n < 0) {
      throw new EngineInputError(
        "suppressSmallCells",
        `row ${i + 1}: n must be a finite number ≥ 0 (got ${n})`,
      );
    }
    if (n >= threshold) return { ...row } as DisclosureControlled<T, K>;
    const out: Record<PropertyKey, unknown> = { ...row };
    for (const f of options.fields) out[f as PropertyKey] = null;
    out.suppressed = true;
    out.reason = { code: "small_cell", n, threshold } satisfies SuppressionReason;
    return out as DisclosureControlled<T, K>;
  });
}
