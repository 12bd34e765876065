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
