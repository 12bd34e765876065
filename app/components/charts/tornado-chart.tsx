import { scale, tickDigits, ticks } from "./chart-figure";

/** Characters that fit one label line left of the bars (12 px sans-serif in 224 px). */
const LINE_CHARS = 36;

const fitLine = (s: string) => (s.length > LINE_CHARS ? `${s.slice(0, LINE_CHARS - 1)}…` : s);

/**
 * A tornado diagram (SVG): per input, a bar from the impact at its low to its high setting, around the base.
 * Each input is labelled by one or two lines of words (e.g. the effect's dimension over its segment).
 */
export function TornadoChart({
  base,
  bars,
  label,
  formatTick,
}: {
  base: number;
  bars: { input: string; lines: string[]; low: number; high: number }[];
  label: string;
  /** A tick label with `digits` decimals. */
  formatTick: (x: number, digits: number) => string;
}) {
  const left = 230;
  const width = 640;
  const row = bars.some((b) => b.lines.length > 1) ? 34 : 24;
  const top = 28;
  const height = top + bars.length * row + 10;
  const values = [base, ...bars.flatMap((b) => [b.low, b.high])];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.05 || Math.abs(base) * 0.1 || 1;
  const x = scale(lo - pad, hi + pad, left, width - 12);
  const xTicks = ticks(lo - pad, hi + pad, 4);
  const digits = tickDigits(xTicks);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="tornado">
      {xTicks.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={top - 6} y2={height - 6} className="grid" />
          <text x={x(v)} y={top - 10} textAnchor="middle" className="axis-label">
            {formatTick(v, digits)}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = top + i * row;
        const a = Math.min(b.low, b.high);
        const z = Math.max(b.low, b.high);
        const lines = b.lines.slice(0, 2);
        // lines 14 px apart, centred on the bar
        const first = y + row / 2 + 4 - ((lines.length - 1) * 14) / 2;
        return (
          <g key={b.input}>
            <text textAnchor="end" className="axis-label">
              {lines.map((l, k) => (
                <tspan key={k} x={left - 6} y={first + k * 14}>
                  {fitLine(l)}
                </tspan>
              ))}
            </text>
            <rect x={x(a)} y={y + 4} width={Math.max(1, x(z) - x(a))} height={row - 8} className="bar" />
          </g>
        );
      })}
      <line x1={x(base)} x2={x(base)} y1={top - 6} y2={height - 6} className="base-line" />
    </svg>
  );
}
