import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { findAreaProfileData } from "../../db/repositories/profile-repository";
import { requirePermission } from "~/auth/session.server";
import { IntervalBar } from "~/components/interval-bar";
import { getLocale } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import { formatInterval, formatNumber } from "~/utils/format";
import { buildAreaProfile, type ScoreView } from "~/utils/profile.server";

const HOME_AREA = "1283";

export const meta: MetaFunction = () => [{ title: "Livsval" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "overview.view");
  const locale = await getLocale(request);
  const data = await findAreaProfileData(getDb(), HOME_AREA);
  return { profile: data ? buildAreaProfile(data, locale) : null };
}

function ScoreCells({ score }: { score: ScoreView | null }) {
  const locale = useLocale();
  const t = useT();
  if (!score) {
    return (
      <>
        <td className="num">{t("overview.noData")}</td>
        <td />
        <td />
      </>
    );
  }
  return (
    <>
      <td className="num">{formatNumber(locale, score.value)}</td>
      <td className="num">{score.u === null ? "–" : formatNumber(locale, score.u)}</td>
      <td className="num">
        {score.interval ? formatInterval(locale, score.interval[0], score.interval[1]) : "–"}
        {score.interval ? (
          <IntervalBar value={score.value} lo={score.interval[0]} hi={score.interval[1]} />
        ) : null}
      </td>
    </>
  );
}

export default function Overview() {
  const { profile } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  if (!profile) {
    return (
      <>
        <h1>{t("overview.title", { area: "Helsingborg" })}</h1>
        <p>{t("overview.empty")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("overview.title", { area: profile.area.name })}</h1>
      <p>{t("overview.intro")}</p>
      <table id="profile-by-dimension">
        <caption>{t("overview.byDimension")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("overview.dimension")}</th>
            <th scope="col" className="num">
              {t("overview.score")}
            </th>
            <th scope="col" className="num">
              {t("overview.u")}
            </th>
            <th scope="col" className="num">
              {t("overview.interval")}
            </th>
            <th scope="col">{t("overview.indicators")}</th>
          </tr>
        </thead>
        <tbody>
          {profile.dimensions.map((d) => (
            <tr key={d.id} data-dimension={d.id}>
              <th scope="row">{d.label}</th>
              <ScoreCells score={d.score} />
              <td>
                <details>
                  <summary>
                    {d.indicators.length} {t("overview.indicators").toLowerCase()}
                  </summary>
                  <ul className="indicator-list">
                    {d.indicators.map((i) => (
                      <li key={i.id}>
                        {i.label}: {formatNumber(locale, i.value, 2)} {i.unit}
                        {i.u !== null ? ` ± ${formatNumber(locale, i.u, 2)}` : ""} ({i.period}).{" "}
                        <span className="note">
                          {t("overview.source")}: {i.source}, {i.retrieved}
                        </span>
                        {i.synthetic ? <span className="tag"> {t("overview.synthetic")}</span> : null}
                      </li>
                    ))}
                  </ul>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {profile.segments.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby="segments-caption" tabIndex={0}>
          <table id="profile-by-segment">
            <caption id="segments-caption">{t("overview.bySegment")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("overview.segment")}</th>
                <th scope="col" className="num">
                  {t("overview.population")}
                </th>
                {profile.dimensions
                  .filter((d) => profile.segments.some((s) => s.scores[d.id]))
                  .map((d) => (
                    <th scope="col" key={d.id} className="num">
                      {d.label}
                    </th>
                  ))}
              </tr>
            </thead>
            <tbody>
              {profile.segments.map((s) => (
                <tr key={s.id} data-segment={s.id}>
                  <th scope="row">
                    {s.label}
                    {s.synthetic ? <span className="tag"> {t("overview.synthetic")}</span> : null}
                  </th>
                  <td className="num">{s.population.toLocaleString(locale === "sv" ? "sv-SE" : "en-GB")}</td>
                  {profile.dimensions
                    .filter((d) => profile.segments.some((x) => x.scores[d.id]))
                    .map((d) => {
                      const sc = s.scores[d.id];
                      return (
                        <td key={d.id} className="num">
                          {sc
                            ? `${formatNumber(locale, sc.value)}${sc.interval ? ` ${formatInterval(locale, sc.interval[0], sc.interval[1])}` : ""}`
                            : "–"}
                        </td>
                      );
                    })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="note">{t("overview.syntheticNote")}</p>
    </>
  );
}
