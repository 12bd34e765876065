import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { formatMeasure, ProvenanceLine, ValueCells, ValueHeaders } from "~/components/pages/data-cells";
import { StoredText } from "~/components/pages/stored-text";
import { getLocale } from "~/i18n/locale.server";
import { metaTitle, useLocale, useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import { listIndicatorRows, type IndicatorRow } from "~/utils/pages-data.server";
import { unitLabel } from "~/utils/units";
import { ScrollRegion } from "~/components/scroll-region";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTitle(matches, "data.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "data.view");
  const locale = await getLocale(request);
  const rows = await listIndicatorRows(getDb(), locale);
  const byDimension: { id: string; label: string; rows: IndicatorRow[] }[] = [];
  for (const r of rows) {
    const last = byDimension[byDimension.length - 1];
    if (last?.id === r.dimensionId) last.rows.push(r);
    else byDimension.push({ id: r.dimensionId, label: r.dimensionLabel, rows: [r] });
  }
  return { byDimension };
}

/** What an import's "inserted" counts, by its kind (observations, Kolada and OECD BLI: values). */
const IMPORTED_WHAT: Record<string, "respondents" | "groups" | "segments"> = {
  survey: "respondents",
  "kolada-groups": "groups",
  "scb-population": "segments",
};

function ImportNotice() {
  const t = useT();
  const [params] = useSearchParams();
  const dataset = params.get("imported");
  if (!dataset || !/^[\w-]{1,40}$/.test(dataset)) return null;
  const skipped = params.get("skipped") === "1";
  const count = (name: string) => String(Math.max(0, Math.trunc(Number(params.get(name)) || 0)));
  const what = IMPORTED_WHAT[params.get("kind") ?? ""] ?? "values";
  return (
    <p className="notice" role="status">
      {skipped
        ? t("data.alreadyImported", { dataset })
        : t("data.imported", {
            dataset,
            rows: count("rows"),
            inserted: count("inserted"),
            what: t(`data.importedWhat.${what}`),
          })}
    </p>
  );
}

export default function DataIndex() {
  const { byDimension } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("data.title")}</h1>
      <ImportNotice />
      <p>{t("data.intro")}</p>
      <ul className="actions">
        <li>
          <a href="/data/indicators.csv" download>
            {t("data.download")}
          </a>
        </li>
        <li>
          <Link to="/data/import">{t("data.importLink")}</Link>
        </li>
      </ul>
      {byDimension.length === 0 ? <p>{t("data.empty")}</p> : null}
      {byDimension.map((d) => (
        <ScrollRegion key={d.id} labelledBy={`dim-${d.id}-caption`}>
          <table id={`dim-${d.id}`} className="data-table">
            <caption id={`dim-${d.id}-caption`}>{t("data.dimensionCaption", { dimension: d.label })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("data.col.indicator")}</th>
                <th scope="col">{t("data.col.unit")}</th>
                <th scope="col">{t("data.col.direction")}</th>
                <th scope="col">{t("data.col.goalposts")}</th>
                <th scope="col">{t("data.col.kind")}</th>
                <th scope="col">{t("data.col.level")}</th>
                <th scope="col">{t("data.col.period")}</th>
                <ValueHeaders />
              </tr>
            </thead>
            {d.rows.map((r) => (
              <tbody key={r.id}>
                <tr data-indicator={r.id} className="main-row">
                  <th scope="rowgroup" rowSpan={2}>
                    <Link to={`/data/indicators/${encodeURIComponent(r.id)}`}>{r.label}</Link>
                    <br />
                    <code className="note">{r.id}</code>
                  </th>
                  <td>{unitLabel(r.unit, locale)}</td>
                  <td>{t(`data.direction.${r.direction}`)}</td>
                  <td className="num">
                    {r.goalLo === null || r.goalHi === null
                      ? t("pages.notStated")
                      : `${formatMeasure(locale, r.goalLo)} – ${formatMeasure(locale, r.goalHi)}`}
                  </td>
                  <td>{t(`data.kind.${r.kind}`)}</td>
                  <td>{t(`data.level.${r.level}`)}</td>
                  {r.latest ? (
                    <>
                      <td>
                        {r.latest.period}
                        {r.latest.areaId !== "1283" || r.latest.groupCode ? (
                          <span className="note">
                            {" "}
                            ({r.latest.areaId}
                            {r.latest.groupCode ? `:${r.latest.groupCode}` : ""})
                          </span>
                        ) : null}
                      </td>
                      <ValueCells v={r.latest} />
                    </>
                  ) : (
                    <td colSpan={4}>{t("data.noObservations")}</td>
                  )}
                </tr>
                <tr className="source-row">
                  <td colSpan={9} className="note">
                    {t("data.col.source")}: <StoredText text={r.source} />.
                    {r.dataset ? <ProvenanceLine dataset={r.dataset} /> : null} {t("data.col.observations")}:{" "}
                    {r.observationCount}.
                  </td>
                </tr>
              </tbody>
            ))}
          </table>
        </ScrollRegion>
      ))}
      <p className="note">{t("data.suppressionNote")}</p>
    </>
  );
}

export { PageErrorBoundary as ErrorBoundary } from "~/components/pages/page-error-boundary";
