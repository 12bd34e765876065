import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/policy";
import { requirePermission } from "~/auth/session.server";
import { useLocale, useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import { listRounds } from "~/utils/rounds.server";
import { ScrollRegion } from "~/components/scroll-region";

export const meta: MetaFunction = () => [{ title: "Livsval – prioriteringsomgångar" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rounds.view");
  return { rounds: await listRounds(getDb()), mayCreate: can(user.role, "rounds.create") };
}

export default function Rounds() {
  const { rounds, mayCreate } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("rounds.title")}</h1>
      <p>{t("rounds.intro")}</p>
      {mayCreate ? (
        <p>
          <Link to="/rounds/new" className="button">
            {t("rounds.new")}
          </Link>
        </p>
      ) : null}
      {rounds.length === 0 ? (
        <p>{t("rounds.empty")}</p>
      ) : (
        <ScrollRegion labelledBy="rounds-caption">
          <table id="rounds">
            <caption id="rounds-caption" className="visually-hidden">
              {t("rounds.title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("rounds.col.title")}</th>
                <th scope="col">{t("rounds.col.state")}</th>
                <th scope="col">{t("rounds.col.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/rounds/${r.id}`}>{r.title}</Link>
                  </th>
                  <td>{t(`state.${r.state}`)}</td>
                  <td>
                    <time dateTime={r.updatedAt}>
                      {new Date(r.updatedAt).toLocaleString(locale === "sv" ? "sv-SE" : "en-GB", {
                        dateStyle: "medium",
                        timeStyle: "short",
                        timeZone: "UTC",
                      })}
                    </time>
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
