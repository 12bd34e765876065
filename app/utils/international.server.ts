import { groupGap } from "../../engine/equity";
import type { ReferenceValue } from "../../db/schema";
import { median } from "./national.server";

export interface InternationalEntity {
  code: string;
  name: string;
  value: number;
  u: number | null;
  /** E_n of the difference from the home entity (k = 2); null for the home entity itself. */
  enVsHome: number | null;
}

export interface InternationalSeries {
  series: string;
  label: string;
  unit: string;
  period: string;
  home: InternationalEntity | null;
  rank: number | null;
  count: number;
  median: number;
  neighbours: InternationalEntity[];
}

/** Whom each series compares: Sweden among countries, South Sweden (Helsingborg's region) among regions. */
const HOME: Record<string, string[]> = {
  country: ["SWE", "Sweden"],
  region: ["SE22"],
};
const NEIGHBOURS = new Set([
  "DNK",
  "NOR",
  "FIN",
  "Denmark",
  "Norway",
  "Finland",
  "SE11",
  "SE23",
  "DK01",
  "NO01",
  "FI1B",
]);

/**
 * The international comparison: per reference series, the home entity's value with its standard
 * uncertainty, its rank, the median over all entities, and neighbours with the E_n of their
 * difference from home (JCGM: |Δ| / (2·u(Δ)), independent values).
 */
export function buildInternationalView(values: ReferenceValue[]): InternationalSeries[] {
  const bySeries = new Map<string, ReferenceValue[]>();
  for (const v of values) bySeries.set(v.series, [...(bySeries.get(v.series) ?? []), v]);
  const out: InternationalSeries[] = [];
  for (const [series, rows] of bySeries) {
    const first = rows[0]!;
    const homeRow = rows.find((r) => HOME[r.entity_kind]!.includes(r.entity_code)) ?? null;
    const better = (a: number, b: number) => (first.direction === "higher" ? a > b : a < b);
    const en = (r: ReferenceValue) =>
      homeRow && r.u !== null && homeRow.u !== null && (r.u > 0 || homeRow.u > 0)
        ? groupGap({ value: r.value, u: r.u }, { value: homeRow.value, u: homeRow.u }).en
        : null;
    out.push({
      series,
      label: first.series_label,
      unit: first.unit,
      period: first.period,
      home: homeRow
        ? {
            code: homeRow.entity_code,
            name: homeRow.entity_name,
            value: homeRow.value,
            u: homeRow.u,
            enVsHome: null,
          }
        : null,
      rank: homeRow ? 1 + rows.filter((r) => better(r.value, homeRow.value)).length : null,
      count: rows.length,
      median: median(rows.map((r) => r.value)),
      neighbours: rows
        .filter((r) => NEIGHBOURS.has(r.entity_code) && r !== homeRow)
        .map((r) => ({ code: r.entity_code, name: r.entity_name, value: r.value, u: r.u, enVsHome: en(r) })),
    });
  }
  return out;
}
