import { scale, tickDigits, ticks } from "./chart-figure";

/**
 * The value-for-money frontier (SVG): cumulative expected cost across, cumulative expected total
 * impact up, candidates in order of impact per krona; a dashed vertical line at the budget.
 */
export function FrontierChart({
  points,
  budget,
  label,
  xLabel,
  yLabel,
  budgetLabel,
  formatTick,
}: {
  points: { id: string; cumCost: number; cumImpact: number; withinBudget: boolean }[];
  budget: number | null;
  label: string;
  xLabel: string;
  yLabel: string;
  budgetLabel: string;
  /** A tick label with `digits` decimals; cost ticks are in millions of kronor (the axis title says so). */
  formatTick: (x: number, digits: number) => string;
}) {
  const width = 640;
  const height = 340;
  const m = { l: 80, r: 20, t: 20, b: 50 };
  const maxX = Math.max(budget ?? 0, ...points.map((p) => p.cumCost), 1) * 1.05;
  const maxY = Math.max(...points.map((p) => p.cumImpact), 1) * 1.05;
  const x = scale(0, maxX, m.l, width - m.r);
  const y = scale(0, maxY, height - m.b, m.t);
  // cost ticks in millions, each axis with one precision: 0, 20, 40 or 0,0, 0,5, 1,0
  const xTicks = ticks(0, maxX, 5);
  const xDigits = tickDigits(xTicks.map((v) => v / 1e6));
  const yTicks = ticks(0, maxY, 5);
  const yDigits = tickDigits(yTicks);
  const path = [`M ${x(0)} ${y(0)}`, ...points.map((p) => `L ${x(p.cumCost)} ${y(p.cumImpact)}`)].join(" ");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="frontier">
      {xTicks.map((v) => (
        <g key={`x${v}`}>
          <line x1={x(v)} x2={x(v)} y1={m.t} y2={height - m.b} className="grid" />
          <text x={x(v)} y={height - m.b + 16} textAnchor="middle" className="axis-label">
            {formatTick(v / 1e6, xDigits)}
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
      <path d={path} className="frontier-line" />
      {points.map((p) => (
        <circle
          key={p.id}
          cx={x(p.cumCost)}
          cy={y(p.cumImpact)}
          r={4}
          className={p.withinBudget ? "point" : "point out"}
        />
      ))}
      {budget !== null ? (
        <g>
          <line x1={x(budget)} x2={x(budget)} y1={m.t} y2={height - m.b} className="budget-line" />
          <text x={x(budget) + 4} y={m.t + 12} className="axis-label">
            {budgetLabel}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
