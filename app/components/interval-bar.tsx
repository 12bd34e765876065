/**
 * A point with its 95 % coverage interval on a 0–100 scale, drawn with CSS. Decorative: the same
 * numbers are always in the table cell beside it, so it is hidden from assistive technology.
 */
export function IntervalBar({ value, lo, hi }: { value: number; lo: number; hi: number }) {
  const clamp = (x: number) => Math.max(0, Math.min(100, x));
  return (
    <div className="bar" aria-hidden="true">
      <div className="ci" style={{ left: `${clamp(lo)}%`, width: `${clamp(hi) - clamp(lo)}%` }} />
      <div className="pt" style={{ left: `${clamp(value)}%` }} />
    </div>
  );
}
