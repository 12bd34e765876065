import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { requirePermission } from "~/auth/session.server";
import { IntervalBar } from "~/components/interval-bar";
import { NameTag } from "~/components/name-tag";
import { StoredText } from "~/components/pages/stored-text";
import { TableHead } from "~/components/table-head";
import { getLocale } from "~/i18n/locale.server";
import { metaTitle, useLocale, useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import { formatInterval, formatNumber } from "~/utils/format";
import { unitLabel } from "~/utils/units";
import type { InternationalSeries } from "~/utils/international.server";
import type { NationalView } from "~/utils/national.server";
import { overviewData } from "~/utils/overview.server";
import type { EquityView, ScoreView } from "~/utils/profile.server";
import { ScrollRegion } from "~/components/scroll-region";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTitle(matches, "nav.overview") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "overview.view");
  const locale = await getLocale(request);
  const db = getDb();
  return overviewData(db, locale);
}

/** The CSV download of one overview table (the chart-free alternative for every figure shown). */
function CsvLink({ table }: { table: string }) {
  const t = useT();
  return (
    <p className="no-print csv-link">
      <a href={`/overview.csv?table=${table}`} download>
        {t("overview.csv")}
      </a>
    </p>
  );
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

function EquitySection({
  equity,
  title,
  labelFor,
  id,
}: {
  equity: EquityView;
  title: string;
  labelFor: (dimensionId: string) => string;
  id: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (equity.rows.length < 2) return null;
  const districts = id === "districts";
  // four decimals: the Atkinson and Theil indices between groups are a few thousandths, with
  // standard uncertainties below one thousandth that three decimals would print as 0,000
  const f = (x: number) => formatNumber(locale, x, 4);
  const ineq = equity.inequality;
  const measures = ineq
    ? [
        { label: t("overview.gini"), s: ineq.gini, stated: ineq.pointEstimates.gini },
        ...Object.entries(ineq.atkinson)
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([eps, s]) => ({
            label: t("overview.atkinson", { eps: formatNumber(locale, Number(eps), 1) }),
            s,
            stated: ineq.pointEstimates.atkinson[eps]!,
          })),
        { label: t("overview.theil"), s: ineq.theil, stated: ineq.pointEstimates.theil },
      ]
    : [];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="note">
        {t(districts ? "overview.districtCompositeNote" : "overview.compositeNote", {
          count: equity.dimensions.length,
          dims: equity.dimensions.map(labelFor).join(", "),
        })}
      </p>
      <ScrollRegion labelledBy={`${id}-composites-caption`}>
        <table id={`${id}-composites`}>
          <caption id={`${id}-composites-caption`}>{t("overview.composite")}</caption>
          <TableHead
            columns={[
              { key: districts ? "overview.district" : "overview.segment" },
              { key: "overview.population", num: true },
              { key: "overview.score", num: true },
              { key: "overview.u", num: true },
              { key: "overview.interval", num: true },
            ]}
          />
          <tbody>
            {equity.rows.map((r) => (
              <tr key={r.id} data-row={r.id}>
                <th scope="row">
                  {r.label}
                  <NameTag name={r.label} word={t("overview.synthetic")} show={r.synthetic} />
                </th>
                <td className="num">{r.population.toLocaleString(locale === "sv" ? "sv-SE" : "en-GB")}</td>
                <ScoreCells score={r.composite} />
              </tr>
            ))}
          </tbody>
        </table>
        <CsvLink table={districts ? "district-composites" : "group-composites"} />
      </ScrollRegion>
      {equity.gap ? (
        <p>
          {t("overview.gap", {
            best: equity.gap.best,
            worst: equity.gap.worst,
            gap: formatNumber(locale, equity.gap.gap),
            u: formatNumber(locale, equity.gap.u),
            en: formatNumber(locale, equity.gap.en, 2),
          })}{" "}
          {t(equity.gap.significant ? "overview.gapSignificant" : "overview.gapNotSignificant")}
        </p>
      ) : null}
      {ineq ? (
        <ScrollRegion labelledBy={`${id}-inequality-caption`}>
          <table id={`${id}-inequality`}>
            <caption id={`${id}-inequality-caption`}>
              {t(districts ? "overview.districtEquityTitle" : "overview.equityTitle")}
            </caption>
            <TableHead
              columns={[
                { key: "overview.measure" },
                { key: "overview.estimate", num: true },
                { key: "overview.u", num: true },
                { key: "overview.interval", num: true },
                { key: "overview.statedValues", num: true },
              ]}
            />
            <tbody>
              {measures.map((m) => (
                <tr key={m.label}>
                  <th scope="row">{m.label}</th>
                  <td className="num">{f(m.s.estimate)}</td>
                  <td className="num">{f(m.s.u)}</td>
                  <td className="num">{formatInterval(locale, m.s.interval[0], m.s.interval[1], 4)}</td>
                  <td className="num">{f(m.stated)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <CsvLink table={districts ? "district-inequality" : "inequality"} />
        </ScrollRegion>
      ) : null}
      <p className="note">
        {t("overview.mcNote", { draws: formatNumber(locale, equity.draws, 0), seed: equity.seed })}
      </p>
    </section>
  );
}

function NationalSection({ national }: { national: NationalView }) {
  const t = useT();
  const locale = useLocale();
  if (national.rows.length === 0) return null;
  const count = Math.max(...national.rows.map((r) => r.count));
  const c = national.conditions;
  return (
    <section aria-labelledby="national-title">
      <h2 id="national-title">{t("national.title")}</h2>
      <p>
        {t("national.intro", {
          count,
          peers: national.peers.map((p) => p.name).join(", ") || "–",
        })}
      </p>
      <ScrollRegion labelledBy="national-comparison-caption">
        <table id="national-comparison">
          <caption id="national-comparison-caption">{t("national.title")}</caption>
          <TableHead
            columns={[
              { key: "national.indicator" },
              { key: "national.value", num: true },
              { key: "national.rank", num: true },
              { key: "national.median", num: true },
              { key: "national.peers", num: true },
              { key: "overview.source" },
            ]}
          />
          <tbody>
            {national.rows.map((r) => {
              // one precision per row: whole numbers for amounts in the thousands (kronor), else one decimal
              const d = Math.abs(r.nationalMedian) >= 1000 ? 0 : 1;
              return (
                <tr key={r.indicatorId} data-indicator={r.indicatorId}>
                  <th scope="row">
                    {r.label} ({unitLabel(r.unit, locale)}, {r.period})
                  </th>
                  <td className="num">
                    {r.home
                      ? `${formatNumber(locale, r.home.value, d)}${r.home.u !== null ? ` ± ${formatNumber(locale, r.home.u, d)}` : ""}`
                      : "–"}
                  </td>
                  <td className="num">{r.rank !== null ? `${r.rank} / ${r.count}` : "–"}</td>
                  <td className="num">{formatNumber(locale, r.nationalMedian, d)}</td>
                  <td className="num">
                    {r.peersMedian !== null ? formatNumber(locale, r.peersMedian, d) : "–"}
                  </td>
                  <td className="note">
                    <StoredText text={r.source} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <CsvLink table="national" />
      </ScrollRegion>
      {c ? (
        <>
          <h3>{t("national.conditionsTitle")}</h3>
          <p>{t("national.conditionsIntro")}</p>
          {c.home ? (
            <p id="conditions-home">
              {t("national.homeMeasure", {
                measure: formatNumber(locale, c.home.measure, 2),
                se: formatNumber(locale, c.home.se, 2),
                score: c.home.score !== null ? formatNumber(locale, c.home.score, 0) : "–",
                scoreSe: c.home.scoreSe !== null ? formatNumber(locale, c.home.scoreSe, 0) : "–",
                rank: c.home.rank ?? "–",
                count: c.measured,
                rel: c.reliability !== null ? formatNumber(locale, c.reliability, 2) : "–",
              })}
            </p>
          ) : null}
          {c.reliability !== null && c.reliability < 0.5 ? (
            <p className="note" id="conditions-reliability">
              {t("national.lowReliability")}
            </p>
          ) : null}
          <ScrollRegion labelledBy="conditions-scale-caption">
            <table id="conditions-scale">
              <caption id="conditions-scale-caption">{t("national.conditionsTitle")}</caption>
              <TableHead
                columns={[
                  { key: "national.condition" },
                  { key: "national.location", num: true },
                  { key: "overview.u", num: true },
                ]}
              />
              <tbody>
                {c.conditions.map((x) => (
                  <tr key={x.id}>
                    <th scope="row">{x.label}</th>
                    <td className="num">{formatNumber(locale, x.location, 2)}</td>
                    <td className="num">{formatNumber(locale, x.se, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="note" id="conditions-transform">
            {t("national.transform", {
              lo: formatNumber(locale, c.transform.lo, 4),
              hi: formatNumber(locale, c.transform.hi, 4),
              slope: formatNumber(locale, c.transform.slope, 4),
            })}
          </p>
          {c.adjustments.length > 0 ? (
            <ul className="note" id="conditions-adjustments">
              {c.adjustments.map((a, k) => (
                <li key={k}>
                  {a.merged
                    ? t("national.gradesMerged", {
                        label: a.label,
                        a: String(a.merged[0]),
                        b: String(a.merged[1]),
                        unobserved: String(a.unobserved),
                      })
                    : t("national.conditionDropped", { label: a.label })}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : national.conditionsError ? (
        <p>{t("national.conditionsError", { message: national.conditionsError })}</p>
      ) : null}
    </section>
  );
}

function InternationalSection({ series }: { series: InternationalSeries[] }) {
  const t = useT();
  const locale = useLocale();
  if (series.length === 0) return null;
  const f = (x: number) => formatNumber(locale, x, 2);
  return (
    <section aria-labelledby="intl-title">
      <h2 id="intl-title">{t("intl.title")}</h2>
      <p>{t("intl.intro")}</p>
      <ScrollRegion labelledBy="international-comparison-caption">
        <table id="international-comparison">
          <caption id="international-comparison-caption">{t("intl.title")}</caption>
          <TableHead
            columns={[
              { key: "intl.series" },
              { key: "intl.home", num: true },
              { key: "intl.rank", num: true },
              { key: "intl.median", num: true },
              { key: "intl.neighbours" },
            ]}
          />
          <tbody>
            {series.map((s) => (
              <tr key={s.series} data-series={s.series}>
                <th scope="row">
                  {s.label} ({s.period})
                </th>
                <td className="num">
                  {s.home ? `${f(s.home.value)}${s.home.u !== null ? ` ± ${f(s.home.u)}` : ""}` : "–"}
                </td>
                <td className="num">
                  {s.rank !== null
                    ? `${s.rankLast !== null && s.rankLast > s.rank ? `${s.rank}–${s.rankLast}` : s.rank} / ${s.count}`
                    : "–"}
                </td>
                <td className="num">{f(s.median)}</td>
                <td>
                  {s.neighbours.length === 0
                    ? "–"
                    : s.neighbours.map((n, i) => (
                        <Fragment key={n.code}>
                          {i > 0 ? "; " : ""}
                          <span lang={n.displayLang ?? undefined}>{n.displayName}</span>
                          {` ${f(n.value)}${n.u !== null ? ` ± ${f(n.u)}` : ""}${n.enVsHome !== null ? ` (E_n ${formatNumber(locale, n.enVsHome, 1)})` : ""}`}
                        </Fragment>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <CsvLink table="international" />
      </ScrollRegion>
      <ul className="note" id="international-notes">
        <li>{t("intl.rankTies")}</li>
        {[...new Set(series.map((s) => s.uBasis).filter((b) => b !== null))].map((b) => (
          <li key={b}>{b}</li>
        ))}
      </ul>
    </section>
  );
}

export default function Overview() {
  const { profile, segmentEquity, districtEquity, national, international } = useLoaderData<typeof loader>();
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
      <ScrollRegion labelledBy="profile-by-dimension-caption">
        <table id="profile-by-dimension">
          <caption id="profile-by-dimension-caption">{t("overview.byDimension")}</caption>
          <TableHead
            columns={[
              { key: "overview.dimension" },
              { key: "overview.score", num: true },
              { key: "overview.u", num: true },
              { key: "overview.interval", num: true },
              { key: "overview.indicators" },
            ]}
          />
          <tbody>
            {profile.dimensions.map((d) => (
              <tr key={d.id} data-dimension={d.id}>
                <th scope="row">{d.label}</th>
                <ScoreCells score={d.score} />
                <td>
                  <details>
                    <summary>
                      {d.indicators.length === 1
                        ? t("overview.indicatorCountOne")
                        : t("overview.indicatorCount", { count: d.indicators.length })}
                    </summary>
                    <ul className="indicator-list">
                      {d.indicators.map((i) => (
                        <li key={i.id}>
                          {i.label}: {formatNumber(locale, i.value, 2)} {unitLabel(i.unit, locale)}
                          {i.u !== null ? ` ± ${formatNumber(locale, i.u, 2)}` : ""} ({i.period}).{" "}
                          <span className="note">
                            {t("overview.source")}: <StoredText text={i.source} />, {i.retrieved}
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
        <CsvLink table="dimensions" />
      </ScrollRegion>

      {profile.segments.length > 0 ? (
        <ScrollRegion labelledBy="segments-caption">
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
                    <NameTag name={s.label} word={t("overview.synthetic")} show={s.synthetic} />
                  </th>
                  <td className="num">{s.population.toLocaleString(locale === "sv" ? "sv-SE" : "en-GB")}</td>
                  {profile.dimensions
                    .filter((d) => profile.segments.some((x) => x.scores[d.id]))
                    .map((d) => {
                      const sc = s.scores[d.id];
                      return (
                        <td key={d.id} className="num">
                          {/* the score over its interval, neither broken inside */}
                          {sc ? <span className="unbroken">{formatNumber(locale, sc.value)}</span> : "–"}
                          {sc?.interval ? (
                            <>
                              <br />
                              <span className="unbroken">
                                {formatInterval(locale, sc.interval[0], sc.interval[1])}
                              </span>
                            </>
                          ) : null}
                        </td>
                      );
                    })}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note">{t("overview.segmentsNote")}</p>
          <CsvLink table="segments" />
        </ScrollRegion>
      ) : null}
      {segmentEquity ? (
        <EquitySection
          id="segments-equity"
          equity={segmentEquity}
          title={t("overview.equityTitle")}
          labelFor={(id) => profile.dimensions.find((d) => d.id === id)?.label ?? id}
        />
      ) : null}
      {districtEquity && districtEquity.rows.length > 1 ? (
        <>
          <EquitySection
            id="districts"
            equity={districtEquity}
            title={t("overview.districtsTitle")}
            labelFor={(id) => profile.dimensions.find((d) => d.id === id)?.label ?? id}
          />
          <p className="note">{t("overview.districtsNote")}</p>
        </>
      ) : null}
      {national ? <NationalSection national={national} /> : null}
      <InternationalSection series={international} />
      <p className="note">{t("overview.syntheticNote")}</p>
    </>
  );
}
