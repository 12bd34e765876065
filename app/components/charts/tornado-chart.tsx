import { scale, ticks } from "./chart-figure";

/** A tornado diagram (SVG): per input, a bar from the impact at its low to its high setting, around the base. */
export function TornadoChart({
  base,
  bars,
  label,
  format,
}: {
  base: number;
  bars: { input: string; low: number; high: number }[];
  label: string;
  format: (x: number) => string;
}) {
  const left = 230;
  const width = 640;
  const row = 24;
  const top = 28;
  const height = top + bars.length * row + 10;
  const values = [base, ...bars.flatMap((b) => [b.low, b.high])];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.05 || Math.abs(base) * 0.1 || 1;
  const x = scale(lo - pad, hi + pad, left, width - 12);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="tornado">
      {ticks(lo - pad, hi + pad, 4).map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={top - 6} y2={height - 6} className="grid" />
          <text x={x(v)} y={top - 10} textAnchor="middle" className="axis-label">
            {format(v)}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = top + i * row;
        const a = Math.min(b.low, b.high);
        const z = Math.max(b.low, b.high);
        return (
          <g key={b.input}>
            <text x={left - 6} y={y + row / 2 + 4} textAnchor="end" className="axis-label">
              {b.input.length > 34 ? `${b.input.slice(0, 33)}…` : b.input}
            </text>
            <rect x={x(a)} y={y + 4} width={Math.max(1, x(z) - x(a))} height={row - 8} className="bar" />
          </g>
        );
      })}
      <line x1={x(base)} x2={x(base)} y1={top - 6} y2={height - 6} className="base-line" />
    </svg>
  );
}
