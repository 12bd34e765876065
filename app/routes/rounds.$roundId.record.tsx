import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfField } from "~/auth/csrf-field";
import { requirePermission, verifyCsrf } from "~/auth/session.server";
import { StoredText } from "~/components/pages/stored-text";
import { AuditTrail, scopeSummary } from "~/components/round/round-summary";
import { getLocale } from "~/i18n/locale.server";
import { metaTitle, useLocale, useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import { formatInterval, formatNumber } from "~/utils/format";
import { loadRoundAnalysis, reproduceAnalysis } from "~/utils/round-analysis.server";
import { loadAreaNames, roundRulePairs } from "~/utils/round-data.server";
import { buildDecisionRecord } from "~/utils/round-record.server";
import { requireRound } from "~/utils/rounds.server";
import { localizeRuleLine } from "~/utils/rule-text";
import { ScrollRegion } from "~/components/scroll-region";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: d ? metaTitle(matches, "record.title", { title: d.round.title }) : "Livsval" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "rounds.view");
  const db = getDb();
  const round = await requireRound(db, params);
  const rec = await buildDecisionRecord(db, round);
  // the rule set's reasons in the page's language (the record itself keeps what the round stored)
  const pairs = roundRulePairs(round.context);
  const locale = await getLocale(request);
  // the decided interventions' expected costs summed from the analysis (null when one is not ranked there)
  const costs = (rec.decision?.selected ?? []).map(
    (s) => rec.analysis?.ranking.find((x) => x.id === s.id)?.expectedCost ?? null,
  );
  const decidedCost =
    costs.length > 0 && costs.every((c) => c !== null) ? costs.reduce((a, c) => a + c!, 0) : null;
  return {
    ...rec,
    decidedCost,
    areaNames: await loadAreaNames(db, rec.scope?.areas ?? [], locale),
    exclusions: rec.exclusions.map((x) => ({ ...x, reason: localizeRuleLine(x.reason, pairs, locale) })),
  };
}

/** Rerun the stored analysis from its stored input and seed; writes nothing. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "rounds.view");
  const formData = await request.formData();
  verifyCsrf(request, formData, user);
  const db = getDb();
  const round = await requireRound(db, params);
  const stored = await loadRoundAnalysis(db, round.context);
  if (!stored) return data({ reproduced: null }, { status: 400 });
  return { reproduced: await reproduceAnalysis(stored) };
}

export default function RecordPage() {
  const rec = useLoaderData<typeof loader>();
  const reproduced = useActionData<typeof action>()?.reproduced;
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const locale = useLocale();
  const base = `/rounds/${rec.round.id}/record`;
  const decidedCost = rec.decidedCost;
  return (
    <article className="decision-record">
      <p className="no-print">
        <Link to={`/rounds/${rec.round.id}`}>{rec.round.title}</Link>
      </p>
      <h1>{t("record.title", { title: rec.round.title })}</h1>
      {rec.decision ? null : <p className="note">{t("record.notDecided")}</p>}
      <ul className="no-print record-actions">
        <li>
          <a href={`${base}.json`} download>
            {t("record.json")}
          </a>
        </li>
        <li>
          <a href={`${base}.md`} download>
            {t("record.md")}
          </a>
        </li>
      </ul>
      <dl className="record-keys">
        <dt>{t("record.machineVersion")}</dt>
        <dd>
          <code>{rec.round.machineVersion}</code> ({t(`state.${rec.round.state}`)})
        </dd>
        {rec.analysis ? (
          <>
            <dt>{t("record.inputHash")}</dt>
            <dd>
              <code className="hash">{rec.analysis.inputHash}</code>
            </dd>
            <dt>{t("record.seed")}</dt>
            <dd>{rec.analysis.seed}</dd>
            <dt>{t("record.engineVersion")}</dt>
            <dd>{rec.analysis.engineVersion}</dd>
          </>
        ) : null}
      </dl>

      {rec.analysis ? (
        <section aria-labelledby="reproduce-title" className="no-print">
          <h2 id="reproduce-title">{t("record.reproduce")}</h2>
          <p>{t("record.reproduceIntro")}</p>
          <Form method="post">
            <CsrfField />
            <button type="submit" disabled={busy}>
              {busy ? t("round.pending") : t("record.reproduce")}
            </button>
          </Form>
          <div aria-live="polite" id="reproduce-result">
            {reproduced ? (
              <p className={reproduced.identical ? "ok" : "form-error"}>
                {reproduced.identical
                  ? t("record.identical", { hash: reproduced.rerunHash })
                  : t("record.different", { a: reproduced.storedHash, b: reproduced.rerunHash })}
              </p>
            ) : null}
          </div>
        </section>
      ) : null}

      {rec.scope ? (
        <section aria-labelledby="scope-title">
          <h2 id="scope-title">{t("record.scope")}</h2>
          <p>{scopeSummary(t, locale, rec.scope, rec.areaNames)}</p>
          {rec.needsReview ? (
            <p>
              {t("needs.reviewedSummary", {
                count: rec.needsReview.profiles.length,
                note: rec.needsReview.note,
              })}
            </p>
          ) : null}
        </section>
      ) : null}

      {rec.exclusions.length > 0 ? (
        <section aria-labelledby="excl-title">
          <h2 id="excl-title">{t("rules.exclusions")}</h2>
          <ul>
            {rec.exclusions.map((x) => (
              <li key={`${x.candidateId}-${x.rule}`}>
                <strong>
                  <StoredText text={x.label} />
                </strong>
                : {x.rule}, <StoredText text={x.reason} />
                {x.override
                  ? ` — ${t("rules.overridden", { user: x.override.by ?? "", reason: x.override.reason })}`
                  : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {rec.analysis ? (
        <section aria-labelledby="rank-title">
          <h2 id="rank-title">{t("analysis.ranking")}</h2>
          <ScrollRegion labelledBy="rank-title">
            <table id="record-ranking">
              <thead>
                <tr>
                  <th scope="col">{t("analysis.rank")}</th>
                  <th scope="col">{t("analysis.candidate")}</th>
                  <th scope="col">{t("analysis.impact")}</th>
                  <th scope="col">{t("analysis.interval")}</th>
                  <th scope="col">{t("analysis.cost")}</th>
                </tr>
              </thead>
              <tbody>
                {rec.analysis.ranking.map((x) => (
                  <tr key={x.id}>
                    <td className="num">{x.rank}</td>
                    <th scope="row">
                      <StoredText text={x.label} />
                    </th>
                    <td className="num">{formatNumber(locale, x.impact.mean, 4)}</td>
                    <td className="num">
                      {formatInterval(locale, x.impact.interval[0], x.impact.interval[1], 4)}
                    </td>
                    <td className="num">{formatNumber(locale, x.expectedCost, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : null}

      {rec.portfolio ? (
        <section aria-labelledby="rationale-title">
          <h2 id="rationale-title">{t("record.rationale")}</h2>
          <ul>
            {rec.portfolio.candidates.map((x) => (
              <li key={x.id}>
                <strong>
                  <StoredText text={x.label} />
                </strong>{" "}
                ({x.selected ? t("portfolio.selected") : t("portfolio.rejected")}):{" "}
                <StoredText text={x.rationale} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {rec.committee.comments.length + rec.committee.dissents.length > 0 ? (
        <section aria-labelledby="committee-title">
          <h2 id="committee-title">{t("review.legend")}</h2>
          <ul>
            {rec.committee.comments.map((x, i) => (
              <li key={`c${i}`}>
                {x.by}: {x.text}
              </li>
            ))}
            {rec.committee.dissents.map((x, i) => (
              <li key={`d${i}`}>
                {t("review.dissents")} — {x.by}: {x.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {rec.decision ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title">{t("decision.title")}</h2>
          <p>
            <StoredText text={rec.decision.summary} />
          </p>
          <p>{t("decision.by", { at: rec.decision.at.slice(0, 10), user: rec.decision.by ?? "" })}</p>
          <p>
            {t("decision.selected")}: {rec.decision.selected.map((s) => s.label).join(", ") || "–"}
          </p>
          {decidedCost !== null && rec.scope ? (
            <p id="decision-cost">
              {t("decision.cost", {
                cost: formatNumber(locale, decidedCost, 0),
                budget: formatNumber(locale, rec.scope.budget, 0),
              })}
            </p>
          ) : null}
          <p>
            {t("decision.approvedBy")}: {rec.decision.approvedBy.join(", ") || "–"};{" "}
            {t("decision.dissentedBy")}: {rec.decision.dissentedBy.join(", ") || "–"}
          </p>
        </section>
      ) : null}

      <AuditTrail audit={rec.audit} />
    </article>
  );
}
