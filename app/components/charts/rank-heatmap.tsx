/**
 * Rank acceptability as a heat map (SVG): one row per candidate, one column per rank, the cell's
 * darkness its share of draws. The numbers are in the table alternative beside it.
 */
export function RankHeatmap({
  rows,
  label,
}: {
  rows: { id: string; label: string; shares: number[] }[];
  label: string;
}) {
  const n = rows[0]?.shares.length ?? 0;
  const cell = 28;
  const left = 220;
  const top = 24;
  const width = left + n * cell + 8;
  const height = top + rows.length * cell + 8;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="heatmap">
      {Array.from({ length: n }, (_, r) => (
        <text key={r} x={left + r * cell + cell / 2} y={top - 8} textAnchor="middle" className="axis-label">
          {r + 1}
        </text>
      ))}
      {rows.map((row, i) => (
        <g key={row.id} transform={`translate(0 ${top + i * cell})`}>
          <text x={left - 6} y={cell / 2 + 4} textAnchor="end" className="axis-label">
            {row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label}
          </text>
          {row.shares.map((s, r) => (
            <rect
              key={r}
              x={left + r * cell}
              y={0}
              width={cell - 2}
              height={cell - 2}
              className="heat-cell"
              fillOpacity={0.05 + 0.95 * s}
            />
          ))}
        </g>
      ))}
    </svg>
  );
}
