/**
 * Order group labels as R orders the levels of a by-variable: numerically when both labels are
 * numbers ("2" before "10"), else by UTF-16 code units (locale-independent, so the order is the
 * same on every machine).
 * @param a - a label
 * @param b - another label
 * @returns negative, zero or positive, for `Array.prototype.sort`
 */
export function compareGroupLabels(a: string, b: string): number {
  const x = a.trim() === "" ? NaN : Number(a);
  const y = b.trim() === "" ? NaN : Number(b);
  if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
