import { z } from "zod";

/*
 * Zod schemas for CSV cells (strings in, typed values out), shared by the import kinds. Each message
 * is the "reason" a person reads next to the line and column.
 */

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const MISSING = new Set(["", "NA", ".."]);

/** Empty, "NA" or ".." (SCB's missing-value mark) become null; anything else stays a trimmed string. */
const blankToNull = z.string().transform((s) => {
  const t = s.trim();
  return MISSING.has(t) ? null : t;
});

/** A finite decimal number written with a point ("1.5", "-2", "3e4"). */
export const decimalCell = z
  .string()
  .trim()
  .regex(DECIMAL, { message: "not a number (write decimals with a point, e.g. 1.5)" })
  .transform(Number)
  .pipe(z.number().finite({ message: "not a finite number" }));

/** A required cell holding a non-empty text. */
export const textCell = z.string().trim().min(1, { message: "empty cell" });

/** A decimal number or nothing (null). */
export const optionalDecimalCell = blankToNull.pipe(decimalCell.nullable());

/** A standard uncertainty: a decimal number ≥ 0, or nothing (unknown). */
export const uncertaintyCell = blankToNull.pipe(
  decimalCell.pipe(z.number().min(0, { message: "a standard uncertainty must be ≥ 0" })).nullable(),
);

/** A count: a whole number ≥ 0, or nothing (unknown). */
export const countCell = blankToNull.pipe(
  decimalCell
    .pipe(z.number().int({ message: "must be a whole number" }).min(0, { message: "must be ≥ 0" }))
    .nullable(),
);

/** A period: a year ("2023") or a span of years ("2019-2022"). */
export const periodCell = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{4})?$/, {
    message: 'not a period (a year such as "2023" or a span such as "2019-2022")',
  });

/**
 * Validate one row's cells against an object schema whose keys are column names. Each zod issue
 * becomes a row issue on the column its path starts with. Returns the parsed row or null.
 */
export function parseRow<S extends z.ZodType<unknown, Record<string, string>>>(
  schema: S,
  cells: Record<string, string>,
  line: number,
  add: (line: number, column: string, value: string, reason: string) => void,
): z.output<S> | null {
  const result = schema.safeParse(cells);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const column = String(issue.path[0] ?? "");
    add(line, column, cells[column] ?? "", issue.message);
  }
  return null;
}

/**
 * A number cell validated without converting it (a cheaper schema for large files: the caller converts
 * with `Number` after validation). Options: `optional` (empty, NA, ".." allowed), `min0`, `integer`.
 */
export function numberText(o: {
  optional?: boolean;
  min0?: boolean;
  integer?: boolean;
  min0Message?: string;
}) {
  return z.string().superRefine((s, ctx) => {
    const t = s.trim();
    if (MISSING.has(t)) {
      if (!o.optional) ctx.addIssue({ code: "custom", message: "empty cell" });
      return;
    }
    if (!DECIMAL.test(t)) {
      ctx.addIssue({ code: "custom", message: "not a number (write decimals with a point, e.g. 1.5)" });
      return;
    }
    const v = Number(t);
    if (!Number.isFinite(v)) ctx.addIssue({ code: "custom", message: "not a finite number" });
    else if (o.integer && !Number.isInteger(v))
      ctx.addIssue({ code: "custom", message: "must be a whole number" });
    else if (o.min0 && v < 0) ctx.addIssue({ code: "custom", message: o.min0Message ?? "must be ≥ 0" });
  });
}

/** The number in a cell that passed {@link numberText}, or null for an empty/missing one. */
export function numberOrNull(s: string): number | null {
  const t = s.trim();
  return MISSING.has(t) ? null : Number(t);
}
