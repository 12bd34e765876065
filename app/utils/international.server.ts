import { groupGap } from "../../engine/equity";
import type { ReferenceValue } from "../../db/schema";
import { sv, translate, type Locale, type MessageKey } from "~/i18n/messages";
import { countryName } from "./country-names";
import { median } from "./national.server";

export interface InternationalEntity {
  code: string;
  /** As stored (the source's English name, or its code). */
  name: string;
  /** A country in the user's language; a region or an unknown country as stored. */
  displayName: string;
  /** The language of displayName when it is not the user's. */
  displayLang: "en" | null;
  value: number;
  u: number | null;
  /** 1 + the number of entities with a better value (equal values share the rank). */
  rank: number;
  /** The last rank shared with entities of equal value (= rank when there are none). */
  rankLast: number;
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
  /** The last rank the home entity shares with entities of equal value (= rank when none). */
  rankLast: number | null;
  count: number;
  median: number;
  neighbours: InternationalEntity[];
  /** Where the standard uncertainties come from, in the user's language; null when not known. */
  uBasis: string | null;
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

/** Series id prefix → the note on how its uncertainties were obtained. */
const U_BASIS: [string, MessageKey][] = [
  ["whr", "intl.uBasis.whr"],
  ["bli_", "intl.uBasis.oecd"],
  ["oecd_", "intl.uBasis.oecd"],
  ["eurostat_", "intl.uBasis.eurostat"],
];

/** A series' label in the user's language: the UI message `intl.label.<series>`, else the stored label. */
function seriesLabel(locale: Locale, series: string, stored: string): string {
  const key = `intl.label.${series}`;
  return key in sv ? translate(locale, key as MessageKey) : stored;
}

/**
 * The international comparison: per reference series, the home entity's value with its standard
 * uncertainty, its rank, the median over all entities, and neighbours with the E_n of their
 * difference from home (JCGM: |Δ| / (2·u(Δ)), independent values).
 */
export function buildInternationalView(values: ReferenceValue[], locale: Locale): InternationalSeries[] {
  const bySeries = new Map<string, ReferenceValue[]>();
  for (const v of values) bySeries.set(v.series, [...(bySeries.get(v.series) ?? []), v]);
  const out: InternationalSeries[] = [];
  for (const [series, rows] of bySeries) {
    const first = rows[0]!;
    const homeRow = rows.find((r) => HOME[r.entity_kind]!.includes(r.entity_code)) ?? null;
    const better = (a: number, b: number) => (first.direction === "higher" ? a > b : a < b);
    const rankOf = (x: number) => 1 + rows.filter((r) => better(r.value, x)).length;
    const rankLastOf = (x: number) => rows.filter((r) => !better(x, r.value)).length;
    const en = (r: ReferenceValue) =>
      homeRow && r.u !== null && homeRow.u !== null && (r.u > 0 || homeRow.u > 0)
        ? groupGap({ value: r.value, u: r.u }, { value: homeRow.value, u: homeRow.u }).en
        : null;
    const entity = (r: ReferenceValue): InternationalEntity => {
      const shown =
        r.entity_kind === "country"
          ? countryName(locale, r.entity_code, r.entity_name)
          : { name: r.entity_name, lang: "en" as const };
      return {
        code: r.entity_code,
        name: r.entity_name,
        displayName: shown.name,
        displayLang: shown.lang === locale ? null : shown.lang,
        value: r.value,
        u: r.u,
        rank: rankOf(r.value),
        rankLast: rankLastOf(r.value),
        enVsHome: r === homeRow ? null : en(r),
      };
    };
    const basis = U_BASIS.find(([prefix]) => series.startsWith(prefix))?.[1];
    const home = homeRow ? entity(homeRow) : null;
    out.push({
      series,
      label: seriesLabel(locale, series, first.series_label),
      unit: first.unit,
      period: first.period,
      home,
      rank: home?.rank ?? null,
      rankLast: home?.rankLast ?? null,
      count: rows.length,
      median: median(rows.map((r) => r.value)),
      neighbours: rows.filter((r) => NEIGHBOURS.has(r.entity_code) && r !== homeRow).map(entity),
      uBasis: basis ? translate(locale, basis, { period: first.period }) : null,
    });
  }
  return out;
}
