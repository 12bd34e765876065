import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { ChartFigure, formatCell } from "~/components/charts/chart-figure";
import { EquityPlane } from "~/components/charts/equity-plane";
import { FrontierChart } from "~/components/charts/frontier-chart";
import { RankHeatmap } from "~/components/charts/rank-heatmap";
import { TornadoChart } from "~/components/charts/tornado-chart";
import { StoredText } from "~/components/pages/stored-text";
import { getLocale } from "~/i18n/locale.server";
import { metaTitle, useLocale, useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import { formatInterval, formatNumber } from "~/utils/format";
import { loadRoundAnalysis } from "~/utils/round-analysis.server";
import { loadScenarios, roundRulePairs } from "~/utils/round-data.server";
import {
  analysisTable,
  ANALYSIS_TABLES,
  frontier,
  loadAnalysisLabels,
  tornadoInputLines,
} from "~/utils/round-tables.server";
import { requireRound } from "~/utils/rounds.server";
import { localizeRuleLine } from "~/utils/rule-text";
import { ScrollRegion } from "~/components/scroll-region";

const PairSchema = z.object({ a: z.string().max(100).optional(), b: z.string().max(100).optional() });

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: d ? metaTitle(matches, "analysis.title", { title: d.title }) : "Livsval" },
];

/**
 * Decimals of the ranking table's columns after the interval: P(effect > 0), P(best), expected rank,
 * expected cost (kronor), impact per million kronor; one precision per column, so that it reads down.
 */
const RANKING_DIGITS = [3, 3, 2, 0, 1] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "rounds.view");
  const locale = await getLocale(request);
  const db = getDb();
  const round = await requireRound(db, params);
  const stored = await loadRoundAnalysis(db, round.context);
  if (!stored) return { id: round.id, title: round.title, analysis: null };
  const r = stored.result;
  const labels = await loadAnalysisLabels(db, stored, locale);
  const rulePairs = roundRulePairs(round.context);
  const tables = Object.fromEntries(
    ANALYSIS_TABLES.map((id) => [id, analysisTable(stored, id, locale, labels)]),
  ) as {
    [K in (typeof ANALYSIS_TABLES)[number]]: ReturnType<typeof analysisTable>;
  };
  const ranked = r.ranking.map((id) => r.interventions.find((iv) => iv.id === id)!);
  const labelOf = (id: string) => r.interventions.find((iv) => iv.id === id)?.label ?? id;
  // the analysis stores the scenario as "<id>@v<version>"; people read its name
  const scenarioName = (stored: string) => {
    const s = loadScenarios().find((x) => `${x.id}@v${x.version}` === stored);
    return s ? `${s.label[locale]} (${stored})` : stored;
  };
  const pair = PairSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const a = ranked.find((iv) => iv.id === pair.a);
  const b = ranked.find((iv) => iv.id === pair.b);
  const contributions = (id: string) =>
    stored.charts.candidates.find((c) => c.id === id)?.contributions ?? {};
  const why =
    a && b
      ? {
          a: {
            id: a.id,
            label: a.label,
            impact: a.impact.mean,
            pBest: a.pBest,
            expectedRank: a.expectedRank,
          },
          b: {
            id: b.id,
            label: b.label,
            impact: b.impact.mean,
            pBest: b.pBest,
            expectedRank: b.expectedRank,
          },
          segments: stored.charts.segments
            .map((s) => ({
              id: s.id,
              label: labels.segments[s.id] ?? s.id,
              equityWeight: s.equityWeight,
              a: contributions(a.id)[s.id] ?? 0,
              b: contributions(b.id)[s.id] ?? 0,
            }))
            .filter((s) => s.a !== 0 || s.b !== 0),
        }
      : null;
  return {
    id: round.id,
    title: round.title,
    analysis: {
      meta: {
        scenario: scenarioName(r.scenario.id),
        eps: r.scenario.inequalityAversion,
        draws: r.draws,
        seed: r.seed,
        version: r.engineVersion,
        baseline: r.baseline.welfare,
      },
      portfolio: r.portfolio ? { ...r.portfolio, labels: r.portfolio.selected.map(labelOf) } : null,
      warnings: r.warnings,
      notes: stored.notes,
      ranked: ranked.map((iv) => ({ id: iv.id, label: iv.label, shares: iv.rankAcceptability })),
      excluded: r.interventions
        .filter((iv) => iv.status === "excluded")
        .map((iv) => ({
          id: iv.id,
          label: iv.label,
          reasons: iv.reasons.map((x) => localizeRuleLine(x, rulePairs, locale)),
        })),
      tornado: stored.charts.tornado && {
        base: stored.charts.tornado.base,
        bars: stored.charts.tornado.bars.map((b) => ({
          input: b.input,
          lines: tornadoInputLines(b, labels, locale),
          low: b.low,
          high: b.high,
        })),
      },
      topLabel: ranked[0]?.label ?? "",
      plane: ranked.map((iv) => ({
        id: iv.id,
        label: iv.label,
        x: iv.impact.mean,
        y: stored.charts.candidates.find((c) => c.id === iv.id)?.deltaGini ?? 0,
      })),
      frontier: frontier(stored),
      tables,
      // the sensitivity table on the page: scenarios and candidates by name (its CSV keeps the ids)
      scenarioRows: tables.scenarios.rows.map(([sc, eps, ...ids]) => [
        scenarioName(String(sc)),
        eps ?? null,
        ...ids.map((id) => labelOf(String(id))),
      ]),
      why,
    },
  };
}

export default function AnalysisPage() {
  const { id, title, analysis } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const f = (x: number) => formatCell(locale, x);
  const tick = (x: number, digits: number) => formatNumber(locale, x, digits);
  const csv = (table: string) => `/rounds/${id}/csv/${table}`;
  if (!analysis) {
    return (
      <>
        <p>
          <Link to={`/rounds/${id}`}>{title}</Link>
        </p>
        <h1>{t("analysis.title", { title })}</h1>
        <p>{t("analysis.none")}</p>
      </>
    );
  }
  const { meta: m, tables } = analysis;
  return (
    <>
      <p>
        <Link to={`/rounds/${id}`}>{title}</Link>
      </p>
      <h1>{t("analysis.title", { title })}</h1>
      <p>
        {t("analysis.meta", {
          scenario: m.scenario,
          eps: formatNumber(locale, m.eps, 2),
          draws: formatNumber(locale, m.draws, 0),
          seed: m.seed,
          version: m.version,
        })}{" "}
        {t("analysis.baseline", {
          mean: formatNumber(locale, m.baseline.mean, 2),
          interval: formatInterval(locale, m.baseline.interval[0], m.baseline.interval[1], 2),
        })}
      </p>
      {analysis.portfolio ? (
        <section aria-labelledby="portfolio-title">
          <h2 id="portfolio-title">{t("analysis.portfolio")}</h2>
          <p>
            {t("analysis.portfolioSummary", {
              ids: analysis.portfolio.labels.join("; ") || "–",
              cost: formatNumber(locale, analysis.portfolio.cost, 0),
              impact: formatNumber(locale, analysis.portfolio.impact.mean, 3),
              interval: formatInterval(
                locale,
                analysis.portfolio.impact.interval[0],
                analysis.portfolio.impact.interval[1],
                3,
              ),
              p: formatNumber(locale, analysis.portfolio.pWithinBudget, 2),
            })}
          </p>
        </section>
      ) : null}

      <section id="ranking">
        <h2 id="ranking-title">{t("analysis.ranking")}</h2>
        <ScrollRegion labelledBy="ranking-title">
          <table id="ranking-table">
            <thead>
              <tr>
                {/* the CSV's columns less id and u, with its (lo) and (hi) as one interval column */}
                {tables.ranking.header.map((h, i) =>
                  i === 1 || i === 5 || i === 6 ? null : (
                    <th scope="col" key={i}>
                      {i === 4 ? t("analysis.interval") : h}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {tables.ranking.rows.map((row) => (
                <tr key={String(row[1])}>
                  <td className="num">{row[0]}</td>
                  <th scope="row">
                    <StoredText text={String(row[2])} />
                  </th>
                  {/* four decimals, as the decision record shows them */}
                  <td className="num">{formatNumber(locale, row[3] as number, 4)}</td>
                  <td className="num">{formatInterval(locale, row[4] as number, row[5] as number, 4)}</td>
                  {row.slice(7).map((c, k) => (
                    <td className="num" key={k}>
                      {typeof c === "number"
                        ? formatNumber(locale, c, RANKING_DIGITS[k]!)
                        : formatCell(locale, c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <p>
          <a href={csv("ranking")} download>
            {t("analysis.csv")}
          </a>
        </p>
        {analysis.excluded.length > 0 ? (
          <>
            <h3>{t("analysis.excludedList")}</h3>
            <ul>
              {analysis.excluded.map((x) => (
                <li key={x.id}>
                  <strong>
                    <StoredText text={x.label} />
                  </strong>
                  : <StoredText text={x.reasons.join("; ")} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <ChartFigure
        id="heatmap"
        title={t("analysis.heatmap")}
        intro={t("analysis.heatmapIntro")}
        csvHref={csv("rank-acceptability")}
        header={tables["rank-acceptability"].header}
        rows={tables["rank-acceptability"].rows}
      >
        <RankHeatmap
          rows={analysis.ranked}
          label={t("analysis.heatmapAria", { count: analysis.ranked.length })}
        />
      </ChartFigure>

      {analysis.tornado ? (
        <ChartFigure
          id="tornado"
          title={t("analysis.tornado")}
          intro={t("analysis.tornadoIntro", { candidate: analysis.topLabel })}
          csvHref={csv("tornado")}
          header={tables.tornado.header}
          rows={tables.tornado.rows}
        >
          <TornadoChart
            base={analysis.tornado.base}
            bars={analysis.tornado.bars}
            label={t("analysis.tornadoAria", { candidate: analysis.topLabel })}
            formatTick={tick}
          />
        </ChartFigure>
      ) : null}

      <ChartFigure
        id="plane"
        title={t("analysis.plane")}
        intro={t("analysis.planeIntro")}
        csvHref={csv("equity-plane")}
        header={tables["equity-plane"].header}
        rows={tables["equity-plane"].rows}
      >
        <EquityPlane
          points={analysis.plane}
          label={t("analysis.planeAria", { count: analysis.plane.length })}
          xLabel={t("analysis.impact")}
          yLabel={t("analysis.deltaInequality")}
          formatTick={tick}
        />
        <ol className="plane-key">
          {analysis.plane.map((p) => (
            <li key={p.id}>{p.label}</li>
          ))}
        </ol>
      </ChartFigure>

      <ChartFigure
        id="frontier"
        title={t("analysis.frontier")}
        intro={t("analysis.frontierIntro")}
        csvHref={csv("frontier")}
        header={tables.frontier.header}
        rows={tables.frontier.rows}
      >
        <FrontierChart
          points={analysis.frontier.points}
          budget={analysis.frontier.budget}
          label={t("analysis.frontierAria")}
          xLabel={t("analysis.cumCostMsek")}
          yLabel={t("analysis.cumImpact")}
          budgetLabel={t("analysis.budget")}
          formatTick={tick}
        />
      </ChartFigure>

      {tables.scenarios.rows.length > 1 ? (
        <ChartFigure
          id="scenarios"
          title={t("analysis.sensitivityScenarios")}
          intro={t("analysis.sensitivityIntro")}
          csvHref={csv("scenarios")}
          header={tables.scenarios.header}
          rows={analysis.scenarioRows}
        >
          {null}
        </ChartFigure>
      ) : null}

      <section aria-labelledby="why-title" id="why">
        <h2 id="why-title">{t("analysis.why")}</h2>
        <Form method="get" className="inline-fields" preventScrollReset>
          {(["a", "b"] as const).map((k, n) => (
            <span key={k}>
              <label htmlFor={`why-${k}`}>{t(k === "a" ? "analysis.whyA" : "analysis.whyB")}</label>
              <br />
              <select id={`why-${k}`} name={k} defaultValue={analysis.why?.[k].id ?? analysis.ranked[n]?.id}>
                {analysis.ranked.map((iv) => (
                  <option key={iv.id} value={iv.id}>
                    {iv.label}
                  </option>
                ))}
              </select>
            </span>
          ))}
          <span>
            <br />
            <button type="submit">{t("analysis.whySubmit")}</button>
          </span>
        </Form>
        {analysis.why ? (
          <div aria-live="polite">
            <p>
              {t("analysis.whyText", {
                a: analysis.why.a.label,
                b: analysis.why.b.label,
                ia: f(analysis.why.a.impact),
                ib: f(analysis.why.b.impact),
                diff: f(analysis.why.a.impact - analysis.why.b.impact),
                pa: formatCell(locale, analysis.why.a.pBest),
                pb: formatCell(locale, analysis.why.b.pBest),
                ra: formatCell(locale, analysis.why.a.expectedRank),
                rb: formatCell(locale, analysis.why.b.expectedRank),
              })}
            </p>
            <ScrollRegion labelledBy="why-table-caption">
              <table id="why-table">
                <caption id="why-table-caption">{t("analysis.whyContrib")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("needs.segment")}</th>
                    <th scope="col">{t("analysis.whyWeight")}</th>
                    <th scope="col">{analysis.why.a.label}</th>
                    <th scope="col">{analysis.why.b.label}</th>
                  </tr>
                </thead>
                <tbody>
                  {analysis.why.segments.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">{s.label}</th>
                      <td className="num">{f(s.equityWeight)}</td>
                      <td className="num">{f(s.a)}</td>
                      <td className="num">{f(s.b)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </div>
        ) : null}
      </section>

      {analysis.warnings.length > 0 || analysis.notes.length > 0 ? (
        <section aria-labelledby="warnings-title">
          <h2 id="warnings-title">{t("analysis.warnings")}</h2>
          <ul>
            {/* the engine's and the analysis build's notes are written in English */}
            {[...analysis.warnings, ...analysis.notes].map((w, i) => (
              <li key={i}>
                <StoredText text={w} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
