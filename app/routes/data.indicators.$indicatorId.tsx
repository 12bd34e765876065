import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { StoredText } from "~/components/pages/stored-text";
import { formatMeasure, ProvenanceLine, ValueCells, ValueHeaders } from "~/components/pages/data-cells";
import { getLocale } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import { findIndicatorDetail } from "~/utils/pages-data.server";
import { unitLabel } from "~/utils/units";
import { ScrollRegion } from "~/components/scroll-region";

const ParamsSchema = z.object({ indicatorId: z.string().min(1).max(200) });
/** Rows shown on the page; the CSV has them all. */
const MAX_ROWS_SHOWN = 2000;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.detail.indicator.label ?? "Data"} – Livsval` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "data.view");
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const scope = new URL(request.url).searchParams.get("scope") === "all" ? "all" : "home";
  const detail = await findIndicatorDetail(getDb(), parsed.data.indicatorId, await getLocale(request), {
    scope,
    limit: MAX_ROWS_SHOWN,
  });
  if (!detail) throw new Response("Not found", { status: 404 });
  return { detail, scope };
}

export default function IndicatorPage() {
  const { detail, scope } = useLoaderData<typeof loader>();
  const { indicator: i, observations, datasets } = detail;
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p>
        <Link to="/data">{t("data.back")}</Link>
      </p>
      <h1>{t("data.detail.title", { label: i.label })}</h1>
      <h2>{t("data.detail.facts")}</h2>
      <dl className="facts">
        <dt>Id</dt>
        <dd>
          <code>{i.id}</code>
        </dd>
        <dt>{t("iv.dimension")}</dt>
        <dd>{i.dimensionLabel}</dd>
        <dt>{t("data.col.unit")}</dt>
        <dd>{unitLabel(i.unit, locale)}</dd>
        <dt>{t("data.col.direction")}</dt>
        <dd>{t(`data.direction.${i.direction}`)}</dd>
        <dt>{t("data.col.goalposts")}</dt>
        <dd>
          {i.goalLo === null || i.goalHi === null
            ? t("pages.notStated")
            : `${formatMeasure(locale, i.goalLo)} – ${formatMeasure(locale, i.goalHi)}`}
        </dd>
        <dt>{t("data.col.kind")}</dt>
        <dd>{t(`data.kind.${i.kind}`)}</dd>
        <dt>{t("data.col.level")}</dt>
        <dd>{t(`data.level.${i.level}`)}</dd>
        <dt>{t("data.col.source")}</dt>
        <dd>
          <StoredText text={i.source} />
        </dd>
      </dl>
      <p>
        <a href={`/data/indicators/${encodeURIComponent(i.id)}/csv`} download>
          {t("data.detail.download")}
        </a>
      </p>
      <p>
        {scope === "home" ? (
          <>
            {t("data.detail.scopeHome")} <Link to="?scope=all">{t("data.detail.showAll")}</Link>
          </>
        ) : (
          <>
            {t("data.detail.scopeAll")} <Link to="?">{t("data.detail.showHome")}</Link>
          </>
        )}
      </p>
      {detail.truncated ? (
        <p className="note">{t("data.detail.truncated", { max: observations.length })}</p>
      ) : null}
      {observations.length === 0 ? (
        <p>{t("data.detail.none")}</p>
      ) : (
        <ScrollRegion labelledBy="obs-caption">
          <table id="observations">
            <caption id="obs-caption">{t("data.detail.observations", { label: i.label })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("data.col.area")}</th>
                <th scope="col">{t("data.col.group")}</th>
                <th scope="col">{t("overview.period")}</th>
                <ValueHeaders />
                <th scope="col">{t("data.col.dataset")}</th>
              </tr>
            </thead>
            <tbody>
              {observations.map((o) => (
                <tr
                  key={`${o.areaId}:${o.groupCode ?? ""}:${o.period}`}
                  data-observation={`${o.areaId}:${o.groupCode ?? ""}:${o.period}`}
                >
                  <th scope="row">
                    {o.areaName} <span className="note">({o.areaId})</span>
                  </th>
                  <td>{o.groupLabel ?? o.groupCode ?? t("data.wholeArea")}</td>
                  <td>{o.period}</td>
                  <ValueCells v={o} />
                  <td>
                    <code>{o.datasetId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p className="note">{t("data.suppressionNote")}</p>
      {datasets.length > 0 ? (
        <>
          <h2>{t("data.detail.datasets")}</h2>
          <ul>
            {datasets.map((d) => (
              <li key={d.id}>
                <code>{d.id}</code>
                <ProvenanceLine dataset={d} />
                {d.note ? (
                  <span className="note">
                    {" "}
                    <StoredText text={d.note} />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export { PageErrorBoundary as ErrorBoundary } from "~/components/pages/page-error-boundary";
