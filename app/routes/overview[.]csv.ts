import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { getLocale } from "~/i18n/locale.server";
import { toCsv, csvResponse } from "~/utils/csv";
import { getDb } from "~/utils/db.server";
import { overviewData } from "~/utils/overview.server";

const TableSchema = z.enum([
  "dimensions",
  "segments",
  "group-composites",
  "district-composites",
  "inequality",
  "district-inequality",
  "national",
  "international",
]);

type Row = (string | number | null)[];

/** Each overview table as CSV, the same (suppressed, cached) figures the page shows. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "overview.view");
  const table = TableSchema.safeParse(new URL(request.url).searchParams.get("table"));
  if (!table.success) throw new Response("Unknown table", { status: 400 });
  const o = await overviewData(getDb(), await getLocale(request));
  if (!o.profile) throw new Response("No data", { status: 404 });
  const score = (s: { value: number; u: number | null; interval: [number, number] | null } | null): Row =>
    s ? [s.value, s.u, s.interval?.[0] ?? null, s.interval?.[1] ?? null] : [null, null, null, null];
  let header: string[];
  let rows: Row[];
  switch (table.data) {
    case "dimensions":
      header = ["dimension", "label", "score", "u", "ci95_lo", "ci95_hi", "indicators"];
      rows = o.profile.dimensions.map((d) => [d.id, d.label, ...score(d.score), d.indicators.length]);
      break;
    case "segments":
      header = ["segment", "label", "population", "dimension", "score", "u", "ci95_lo", "ci95_hi"];
      rows = o.profile.segments.flatMap((s) =>
        Object.entries(s.scores).map(([d, sc]) => [s.id, s.label, s.population, d, ...score(sc)]),
      );
      break;
    case "group-composites":
    case "district-composites": {
      const eq = table.data === "group-composites" ? o.segmentEquity : o.districtEquity;
      header = ["id", "label", "population", "synthetic", "composite", "u", "ci95_lo", "ci95_hi"];
      rows = (eq?.rows ?? []).map((r) => [
        r.id,
        r.label,
        r.population,
        r.synthetic ? 1 : 0,
        ...score(r.composite),
      ]);
      break;
    }
    case "inequality":
    case "district-inequality": {
      const eq = table.data === "inequality" ? o.segmentEquity : o.districtEquity;
      const ineq = eq?.inequality;
      header = ["measure", "estimate", "u", "ci95_lo", "ci95_hi", "from_stated_values", "draws", "seed"];
      const m = (
        name: string,
        s: { estimate: number; u: number; interval: [number, number] },
        stated: number,
      ): Row => [name, s.estimate, s.u, s.interval[0], s.interval[1], stated, eq!.draws, eq!.seed];
      rows = ineq
        ? [
            m("gini", ineq.gini, ineq.pointEstimates.gini),
            ...Object.entries(ineq.atkinson).map(([e, s]) =>
              m(`atkinson_${e}`, s, ineq.pointEstimates.atkinson[e]!),
            ),
            m("theil", ineq.theil, ineq.pointEstimates.theil),
          ]
        : [];
      break;
    }
    case "national":
      header = [
        "indicator",
        "label",
        "unit",
        "period",
        "value",
        "u",
        "rank",
        "of",
        "national_median",
        "peers_median",
        "source",
      ];
      rows = (o.national?.rows ?? []).map((r) => [
        r.indicatorId,
        r.label,
        r.unit,
        r.period,
        r.home?.value ?? null,
        r.home?.u ?? null,
        r.rank,
        r.count,
        r.nationalMedian,
        r.peersMedian,
        r.source,
      ]);
      break;
    case "international":
      header = [
        "series",
        "label",
        "period",
        "entity",
        "entity_name",
        "role",
        "value",
        "u",
        "rank",
        "rank_last",
        "of",
        "median",
        "en_vs_home",
        "u_basis",
      ];
      rows = o.international.flatMap((s) =>
        [
          ...(s.home ? [{ e: s.home, role: "home" }] : []),
          ...s.neighbours.map((e) => ({ e, role: "neighbour" })),
        ].map(({ e, role }) => [
          s.series,
          s.label,
          s.period,
          e.name,
          e.displayName,
          role,
          e.value,
          e.u,
          e.rank,
          e.rankLast,
          s.count,
          s.median,
          e.enVsHome,
          s.uBasis,
        ]),
      );
      break;
  }
  return csvResponse(toCsv(header, rows), `livsval-overview-${table.data}.csv`);
}
