import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { metaTitle, useLocale, useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import { formatNumber } from "~/utils/format";
import { listRuleSetRows, listScenarioRows, weightKind } from "~/utils/pages-scenarios.server";
import { NameTag } from "~/components/name-tag";
import { TableHead } from "~/components/table-head";
import { ScrollRegion } from "~/components/scroll-region";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTitle(matches, "sc.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "scenarios.view");
  const db = getDb();
  const [scenarios, ruleSets] = await Promise.all([listScenarioRows(db), listRuleSetRows(db)]);
  return {
    scenarios: scenarios.map((r) => ({
      id: r.doc.id,
      version: r.doc.version,
      label: r.doc.label,
      kind: weightKind(r.doc),
      epsilon: r.doc.inequalityAversion,
      illustrative: "illustrative" in r.doc.provenance,
      origin: r.origin,
      savedAt: r.savedAt,
    })),
    ruleSets: ruleSets.map((r) => ({
      id: r.doc.id,
      version: r.doc.version,
      label: r.doc.label,
      rules: r.doc.rules.length,
      illustrative: "illustrative" in r.doc.provenance,
      origin: r.origin,
      savedAt: r.savedAt,
    })),
  };
}

function Origin({ origin, savedAt }: { origin: "bundled" | "saved"; savedAt: string | null }) {
  const t = useT();
  return (
    <>
      {origin === "bundled"
        ? t("sc.bundled")
        : t("sc.savedBy", { at: (savedAt ?? "").slice(0, 16).replace("T", " ") })}
    </>
  );
}

export default function ScenariosIndex() {
  const { scenarios, ruleSets } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("sc.title")}</h1>
      <p>{t("sc.intro")}</p>
      <ScrollRegion labelledBy="scenarios-caption">
        <table id="scenarios">
          <caption id="scenarios-caption">{t("sc.caption")}</caption>
          <TableHead
            columns={[
              { key: "sc.col.name" },
              { key: "sc.col.id" },
              { key: "sc.col.version", num: true },
              { key: "sc.col.weights" },
              { key: "sc.col.epsilon", num: true },
              { key: "sc.col.origin" },
            ]}
          />
          <tbody>
            {scenarios.map((s) => (
              <tr key={s.id} data-scenario={s.id}>
                <th scope="row">
                  <Link to={`/scenarios/${s.id}`}>{s.label[locale]}</Link>
                  <NameTag name={s.label[locale]} word={t("sc.illustrative")} show={s.illustrative} />
                </th>
                <td>
                  <code>{s.id}</code>
                </td>
                <td className="num">{s.version}</td>
                <td>{t(`sc.weights.${s.kind}`)}</td>
                <td className="num">{formatNumber(locale, s.epsilon, 2)}</td>
                <td>
                  <Origin origin={s.origin} savedAt={s.savedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ScrollRegion labelledBy="rule-sets-caption">
        <table id="rule-sets">
          <caption id="rule-sets-caption">{t("sc.rulesCaption")}</caption>
          <TableHead
            columns={[
              { key: "sc.col.name" },
              { key: "sc.col.id" },
              { key: "sc.col.version", num: true },
              { key: "sc.col.rules", num: true },
              { key: "sc.col.origin" },
            ]}
          />
          <tbody>
            {ruleSets.map((r) => (
              <tr key={r.id} data-rule-set={r.id}>
                <th scope="row">
                  <Link to={`/scenarios/rules/${r.id}`}>{r.label[locale]}</Link>
                  <NameTag name={r.label[locale]} word={t("sc.illustrative")} show={r.illustrative} />
                </th>
                <td>
                  <code>{r.id}</code>
                </td>
                <td className="num">{r.version}</td>
                <td className="num">{r.rules}</td>
                <td>
                  <Origin origin={r.origin} savedAt={r.savedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

export { PageErrorBoundary as ErrorBoundary } from "~/components/pages/page-error-boundary";
