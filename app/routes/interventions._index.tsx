import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { can } from "~/auth/policy";
import { requirePermission } from "~/auth/session.server";
import { metaTitle, useLocale, useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import { formatNumber } from "~/utils/format";
import { listInterventionRows } from "~/utils/pages-interventions.server";
import { StoredText } from "~/components/pages/stored-text";
import { TableHead } from "~/components/table-head";
import { ScrollRegion } from "~/components/scroll-region";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTitle(matches, "iv.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "interventions.view");
  return { rows: await listInterventionRows(getDb()), canEdit: can(user.role, "interventions.edit") };
}

export default function InterventionsIndex() {
  const { rows, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const [params] = useSearchParams();
  const saved = rows.find((r) => r.id === params.get("saved"));
  const sek = (x: number) => formatNumber(locale, x, 0);
  return (
    <>
      <h1>{t("iv.title")}</h1>
      {saved ? (
        <p className="notice" role="status">
          {t("iv.saved", { label: saved.label })}
        </p>
      ) : null}
      <p>{t("iv.intro")}</p>
      {canEdit ? (
        <p>
          <Link to="/interventions/new">{t("iv.new")}</Link>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t("iv.empty")}</p>
      ) : (
        <ScrollRegion labelledBy="iv-caption">
          <table id="interventions">
            <caption id="iv-caption">{t("iv.caption")}</caption>
            <TableHead
              columns={[
                { key: "iv.col.label" },
                { key: "iv.col.department" },
                { key: "iv.col.evidence" },
                { key: "iv.col.statutory" },
                { key: "iv.col.cost", num: true },
                { key: "iv.col.effects", num: true },
                { key: "iv.col.relations" },
              ]}
            />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-intervention={r.id}>
                  <th scope="row">
                    <Link
                      to={`/interventions/${encodeURIComponent(r.id)}`}
                      aria-label={canEdit ? t("iv.editLabel", { label: r.label }) : undefined}
                    >
                      <StoredText text={r.label} />
                    </Link>
                    <br />
                    <code className="note">{r.id}</code>
                  </th>
                  <td>{r.department ? <StoredText text={r.department} /> : "–"}</td>
                  <td>{r.evidenceGrade ?? "–"}</td>
                  <td>{r.statutory ? t("pages.yes") : t("pages.no")}</td>
                  <td className="num">
                    {sek(r.cost.mean)} [{sek(r.cost.lo)}; {sek(r.cost.hi)}]
                  </td>
                  <td className="num">{r.effects}</td>
                  <td>
                    {r.dependsOn.length > 0 ? `+ ${r.dependsOn.join(", ")}` : ""}
                    {r.dependsOn.length > 0 && r.excludes.length > 0 ? <br /> : null}
                    {r.excludes.length > 0 ? `− ${r.excludes.join(", ")}` : ""}
                    {r.dependsOn.length + r.excludes.length === 0 ? "–" : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

export { PageErrorBoundary as ErrorBoundary } from "~/components/pages/page-error-boundary";
