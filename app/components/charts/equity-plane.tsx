import { scale, ticks } from "./chart-figure";

/**
 * The equity impact plane (SVG scatter): expected impact across, change in inequality up; the
 * lower right quadrant (more welfare, less inequality) is the one to look for.
 */
export function EquityPlane({
  points,
  label,
  xLabel,
  yLabel,
  format,
}: {
  points: { id: string; label: string; x: number; y: number }[];
  label: string;
  xLabel: string;
  yLabel: string;
  format: (x: number) => string;
}) {
  const width = 640;
  const height = 360;
  const m = { l: 70, r: 20, t: 20, b: 50 };
  const xs = [0, ...points.map((p) => p.x)];
  const ys = [0, ...points.map((p) => p.y)];
  const padX = (Math.max(...xs) - Math.min(...xs)) * 0.08 || 1;
  const padY = (Math.max(...ys) - Math.min(...ys)) * 0.08 || 1;
  const [x0, x1] = [Math.min(...xs) - padX, Math.max(...xs) + padX];
  const [y0, y1] = [Math.min(...ys) - padY, Math.max(...ys) + padY];
  const x = scale(x0, x1, m.l, width - m.r);
  const y = scale(y0, y1, height - m.b, m.t);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="plane">
      {ticks(x0, x1, 5).map((v) => (
        <g key={`x${v}`}>
          <line x1={x(v)} x2={x(v)} y1={m.t} y2={height - m.b} className="grid" />
          <text x={x(v)} y={height - m.b + 16} textAnchor="middle" className="axis-label">
            {format(v)}
          </text>
        </g>
      ))}
      {ticks(y0, y1, 5).map((v) => (
        <g key={`y${v}`}>
          <line x1={m.l} x2={width - m.r} y1={y(v)} y2={y(v)} className="grid" />
          <text x={m.l - 6} y={y(v) + 4} textAnchor="end" className="axis-label">
            {format(v)}
          </text>
        </g>
      ))}
      <line x1={x(0)} x2={x(0)} y1={m.t} y2={height - m.b} className="axis" />
      <line x1={m.l} x2={width - m.r} y1={y(0)} y2={y(0)} className="axis" />
      <text x={(m.l + width - m.r) / 2} y={height - 8} textAnchor="middle" className="axis-title">
        {xLabel}
      </text>
      <text
        transform={`translate(14 ${(m.t + height - m.b) / 2}) rotate(-90)`}
        textAnchor="middle"
        className="axis-title"
      >
        {yLabel}
      </text>
      {points.map((p, i) => (
        <g key={p.id}>
          <circle cx={x(p.x)} cy={y(p.y)} r={5} className="point" />
          <text x={x(p.x) + 7} y={y(p.y) - 6} className="point-label">
            {i + 1}
          </text>
        </g>
      ))}
    </svg>
  );
}
