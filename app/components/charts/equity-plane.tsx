import { scale, tickDigits, ticks } from "./chart-figure";
import { placeLabels } from "./place-labels";

/** A point label's box: 11 px digits are about 6.5 px wide; a line of 11 px text about 13 px high. */
const labelSize = (text: string) => ({ w: 7 * text.length + 2, h: 13 });

/**
 * The equity impact plane (SVG scatter): expected impact across, change in inequality up; the
 * lower right quadrant (more welfare, less inequality) is the one to look for.
 */
export function EquityPlane({
  points,
  label,
  xLabel,
  yLabel,
  formatTick,
}: {
  points: { id: string; label: string; x: number; y: number }[];
  label: string;
  xLabel: string;
  yLabel: string;
  /** A tick label with `digits` decimals. */
  formatTick: (x: number, digits: number) => string;
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
  const [xTicks, yTicks] = [ticks(x0, x1, 5), ticks(y0, y1, 5)];
  const [xDigits, yDigits] = [tickDigits(xTicks), tickDigits(yTicks)];
  const at = points.map((p) => ({ x: x(p.x), y: y(p.y) }));
  // labels that would overlap are nudged apart (a leader line joins a moved label to its point)
  const labels = placeLabels(
    at,
    points.map((_, i) => labelSize(String(i + 1))),
    { top: 0, bottom: height - m.b },
  );
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="plane">
      {xTicks.map((v) => (
        <g key={`x${v}`}>
          <line x1={x(v)} x2={x(v)} y1={m.t} y2={height - m.b} className="grid" />
          <text x={x(v)} y={height - m.b + 16} textAnchor="middle" className="axis-label">
            {formatTick(v, xDigits)}
          </text>
        </g>
      ))}
      {yTicks.map((v) => (
        <g key={`y${v}`}>
          <line x1={m.l} x2={width - m.r} y1={y(v)} y2={y(v)} className="grid" />
          <text x={m.l - 6} y={y(v) + 4} textAnchor="end" className="axis-label">
            {formatTick(v, yDigits)}
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
      {points.map((p, i) => {
        const l = labels[i]!;
        return (
          <g key={p.id}>
            <circle cx={at[i]!.x} cy={at[i]!.y} r={5} className="point" />
            {l.moved ? (
              <line
                x1={at[i]!.x}
                y1={at[i]!.y}
                x2={l.box.x}
                y2={l.box.y + l.box.h / 2}
                className="leader-line"
              />
            ) : null}
            <text x={l.x} y={l.y} className="point-label">
              {i + 1}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
