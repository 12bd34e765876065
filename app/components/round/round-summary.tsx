import { sv as messagesSv, type Locale, type MessageKey } from "~/i18n/messages";
import { StoredText } from "~/components/pages/stored-text";
import { useLocale, useT } from "~/i18n/use-t";
import { formatNumber } from "~/utils/format";
import type { RoundView } from "~/utils/round-view.server";
import type { RoundContext } from "../../../engine/workflow/round-context";
import { ScrollRegion } from "~/components/scroll-region";

/**
 * The scope in one line: areas by name, the number of groups, the period (one year once), the budget.
 */
export function scopeSummary(
  t: ReturnType<typeof useT>,
  locale: Locale,
  scope: NonNullable<RoundContext["scope"]>,
  areaNames: Readonly<Record<string, string>>,
): string {
  const { from, to } = scope.period;
  return t("scope.summary", {
    areas: scope.areas.map((id) => areaNames[id] ?? id).join(", "),
    groups: scope.groups.length,
    period: from === to ? from : `${from}–${to}`,
    budget: formatNumber(locale, scope.budget, 0),
  });
}

/** What the round has recorded so far, step by step, as a description list. */
export function RoundSummary({
  context: c,
  labelOf,
  nameOf,
  areaNames,
}: {
  context: RoundContext;
  labelOf: (id: string) => string;
  nameOf: (userId: string) => string;
  /** Area names by id, in the page's language. */
  areaNames: Readonly<Record<string, string>>;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="summary-title" className="round-summary">
      <h2 id="summary-title">{t("round.summary")}</h2>
      {c.scope ? null : <p>{t("round.summaryEmpty")}</p>}
      <dl>
        {c.scope ? (
          <>
            <dt>{t("scope.legend")}</dt>
            <dd>{scopeSummary(t, locale, c.scope, areaNames)}</dd>
          </>
        ) : null}
        {c.needsReview ? (
          <>
            <dt>{t("needs.legend")}</dt>
            <dd>
              {t("needs.reviewedSummary", {
                count: c.needsReview.profileRefs.length,
                note: c.needsReview.note,
              })}
            </dd>
          </>
        ) : null}
        {c.candidates.length > 0 ? (
          <>
            <dt>{t("candidates.legend")}</dt>
            <dd>
              {t("candidates.summary", { count: c.candidates.length })}:{" "}
              {c.candidates.map(labelOf).join(", ")}
            </dd>
          </>
        ) : null}
        {c.ruleSet ? (
          <>
            <dt>{t("rules.legend")}</dt>
            <dd>
              {t("rules.summary", {
                id: c.ruleSet.id,
                version: c.ruleSet.version,
                count: c.exclusions.length,
              })}
            </dd>
          </>
        ) : null}
        {c.scenario ? (
          <>
            <dt>{t("scenario.legend")}</dt>
            <dd>
              {t("scenario.summary", {
                primary: c.scenario.primary,
                others: c.scenario.sensitivity.join(", ") || "–",
              })}
            </dd>
          </>
        ) : null}
        {c.analysis ? (
          <>
            <dt>{t("round.analysis")}</dt>
            <dd>
              {t("analyse.done", {
                hash: c.analysis.ref.inputHash.slice(0, 12) + "…",
                seed: c.analysis.ref.seed,
                version: c.analysis.ref.engineVersion,
              })}
            </dd>
          </>
        ) : null}
        {c.portfolio ? (
          <>
            <dt>{t("portfolio.legend")}</dt>
            <dd>
              <ul>
                {Object.entries(c.portfolio.rationale).map(([id, why]) => (
                  <li key={id}>
                    <strong>{labelOf(id)}</strong> (
                    {c.portfolio!.selected.includes(id) ? t("portfolio.selected") : t("portfolio.rejected")}):{" "}
                    {why}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {c.committee.comments.length > 0 ? (
          <>
            <dt>{t("review.comments")}</dt>
            <dd>
              <ul>
                {c.committee.comments.map((x, i) => (
                  <li key={i}>
                    {nameOf(x.by.userId)}: {x.text}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {c.committee.dissents.length > 0 ? (
          <>
            <dt>{t("review.dissents")}</dt>
            <dd>
              <ul>
                {c.committee.dissents.map((x, i) => (
                  <li key={i}>
                    {nameOf(x.by.userId)}: {x.reason}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {c.decision ? (
          <>
            <dt>{t("decision.title")}</dt>
            <dd>
              {c.decision.summary} ({t("decision.selected")}:{" "}
              {c.decision.selected.map(labelOf).join(", ") || "–"})
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** Expected vs measured change per decided intervention, with E_n and P(target met). */
export function FollowupTable({ rows }: { rows: NonNullable<RoundView["followupRows"]> }) {
  const t = useT();
  const locale = useLocale();
  if (!rows.some((r) => r.measured !== null)) return null;
  return (
    <section aria-labelledby="followup-title">
      <h2 id="followup-title">{t("followup.table")}</h2>
      <table id="followup-table">
        <thead>
          <tr>
            <th scope="col">{t("followup.candidate")}</th>
            <th scope="col" className="num">
              {t("followup.expected")}
            </th>
            <th scope="col" className="num">
              {t("followup.measuredCol")}
            </th>
            <th scope="col" className="num">
              {t("followup.en")}
            </th>
            <th scope="col" className="num">
              {t("followup.pMet")}
            </th>
            <th scope="col">{t("followup.verdict")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.candidateId}>
              <th scope="row">{r.label}</th>
              <td className="num">
                {formatNumber(locale, r.expected, 3)} ± {formatNumber(locale, r.expectedU, 3)}
              </td>
              <td className="num">
                {r.measured === null
                  ? "–"
                  : `${formatNumber(locale, r.measured, 3)} ± ${formatNumber(locale, r.u ?? 0, 3)}`}
              </td>
              <td className="num">{r.en === null ? "–" : formatNumber(locale, r.en, 2)}</td>
              <td className="num">{r.pMet === null ? "–" : formatNumber(locale, r.pMet, 2)}</td>
              <td>{r.en === null ? "–" : r.en <= 1 ? t("followup.agree") : t("followup.disagree")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t("followup.explain")}</p>
    </section>
  );
}

/** The round's audit trail: who moved it from where to where, when and why. */
export function AuditTrail({ audit }: { audit: RoundView["audit"] }) {
  const t = useT();
  const state = (s: string | null) => (s ? t(`state.${s}` as Parameters<typeof t>[0]) : "–");
  // the event in words; the stored code under it, as the audit log and its hash chain name it
  const action = (a: string) => (`audit.${a}` in messagesSv ? t(`audit.${a}` as MessageKey) : a);
  return (
    <section>
      <h2 id="audit-title">{t("round.audit")}</h2>
      <ScrollRegion labelledBy="audit-title">
        <table id="round-audit">
          <thead>
            <tr>
              <th scope="col">{t("round.audit.seq")}</th>
              <th scope="col">{t("round.audit.at")}</th>
              <th scope="col">{t("round.audit.user")}</th>
              <th scope="col">{t("round.audit.action")}</th>
              <th scope="col">{t("round.audit.fromTo")}</th>
              <th scope="col">{t("round.audit.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((a) => (
              <tr key={a.seq}>
                <td className="num">{a.seq}</td>
                <td>
                  <time dateTime={a.at}>{a.at.slice(0, 19).replace("T", " ")}</time>
                </td>
                <td>{a.user ?? "–"}</td>
                <td>
                  {action(a.action)}
                  <br />
                  <code className="note">{a.action}</code>
                </td>
                <td>
                  {state(a.from_state)} → {state(a.to_state)}
                </td>
                <td>{a.reason ? <StoredText text={a.reason} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
