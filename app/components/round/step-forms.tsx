import { Form, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { CsrfField } from "~/auth/csrf-field";
import { sv as messagesSv, type MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { NameTag } from "~/components/name-tag";
import { Interpolated, StoredText } from "~/components/pages/stored-text";
import { formatInterval, formatNumber } from "~/utils/format";
import { localizeRuleLine } from "~/utils/rule-text";
import type { RoundView } from "~/utils/round-view.server";
import { FieldError, FormError, LabelledInput, LabelledTextarea } from "./form-error";
import type { Step } from "./steps";
import { ScrollRegion } from "~/components/scroll-region";

type View = Pick<RoundView, "round" | "context"> & Partial<RoundView>;
export interface StepFeedback {
  step: Step;
  formError?: string;
  fieldErrors?: Record<string, string>;
}

function useStepErrors(step: Step, feedback: StepFeedback | undefined) {
  const mine = feedback?.step === step ? feedback : undefined;
  return { formError: mine?.formError, fieldErrors: mine?.fieldErrors ?? {} };
}

/** A round form: posts to `?step=…` with the CSRF token and the round's save counter. */
function StepForm({
  step,
  view,
  feedback,
  legend,
  children,
}: {
  step: Step;
  view: View;
  feedback: StepFeedback | undefined;
  legend: string;
  children: ReactNode;
}) {
  const { formError } = useStepErrors(step, feedback);
  const errorId = `${step}-form-error`;
  return (
    <Form
      method="post"
      action={`?index&step=${step}`}
      className="round-step"
      id={`step-${step}`}
      aria-describedby={formError ? errorId : undefined}
      noValidate
    >
      <CsrfField />
      <input type="hidden" name="version" value={view.round.version} />
      <h2>{legend}</h2>
      <FormError id={errorId} message={formError} />
      {children}
    </Form>
  );
}

function Submit({ children, name, value }: { children: ReactNode; name?: string; value?: string }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <button type="submit" name={name} value={value} disabled={busy}>
      {busy ? t("round.pending") : children}
    </button>
  );
}

const sek = (locale: "sv" | "en", x: number) => formatNumber(locale, x, 0);

export function ScopeStep({ view, feedback }: { view: View; feedback?: StepFeedback }) {
  const t = useT();
  const { fieldErrors } = useStepErrors("scope", feedback);
  const options = view.scopeOptions;
  if (!options) return null;
  const scope = view.context.scope;
  return (
    <StepForm step="scope" view={view} feedback={feedback} legend={t("scope.legend")}>
      <fieldset aria-describedby={fieldErrors.areas ? "areas-error" : undefined}>
        <legend>{t("scope.areas")}</legend>
        <FieldError id="areas-error" message={fieldErrors.areas} />
        <ul className="choice-list">
          {options.areas.map((a) => (
            <li key={a.id}>
              <input
                type="checkbox"
                id={`area-${a.id}`}
                name="areas"
                value={a.id}
                defaultChecked={scope ? scope.areas.includes(a.id) : a.id === "1283"}
              />{" "}
              <label htmlFor={`area-${a.id}`}>
                {a.name} ({a.id})
                <NameTag name={a.name} word={t("overview.synthetic")} show={a.synthetic} />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset aria-describedby={fieldErrors.groups ? "groups-error" : undefined}>
        <legend>{t("scope.groups")}</legend>
        <FieldError id="groups-error" message={fieldErrors.groups} />
        <ul className="choice-list columns">
          {options.groups.map((g) => (
            <li key={g.code}>
              <input
                type="checkbox"
                id={`group-${g.code}`}
                name="groups"
                value={g.code}
                defaultChecked={scope ? scope.groups.includes(g.code) : true}
              />{" "}
              <label htmlFor={`group-${g.code}`}>{g.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="inline-fields">
        <LabelledInput
          id="scope-from"
          name="from"
          label={t("scope.periodFrom")}
          error={fieldErrors.from}
          inputMode="numeric"
          size={6}
          required
          defaultValue={scope?.period.from ?? "2027"}
        />
        <LabelledInput
          id="scope-to"
          name="to"
          label={t("scope.periodTo")}
          error={fieldErrors.to}
          inputMode="numeric"
          size={6}
          required
          defaultValue={scope?.period.to ?? "2028"}
        />
        <LabelledInput
          id="scope-budget"
          name="budget"
          label={t("scope.budget")}
          error={fieldErrors.budget}
          type="number"
          min={1}
          step={1}
          required
          defaultValue={scope?.budget ?? 20000000}
        />
      </p>
      <Submit>{t("scope.submit")}</Submit>
    </StepForm>
  );
}

export function NeedsStep({ view, feedback }: { view: View; feedback?: StepFeedback }) {
  const t = useT();
  const locale = useLocale();
  const { fieldErrors } = useStepErrors("needs", feedback);
  const profiles = view.profiles;
  if (!profiles) return null;
  const dims = profiles.dimensions.filter((d) => profiles.segments.some((s) => s.scores[d.id]));
  return (
    <StepForm step="needs" view={view} feedback={feedback} legend={t("needs.legend")}>
      <p>{t("needs.intro")}</p>
      {profiles.segments.length === 0 ? (
        <p>{t("needs.noProfiles")}</p>
      ) : (
        <ScrollRegion labelledBy="needs-caption">
          <table id="needs-profiles">
            <caption id="needs-caption">{t("needs.legend")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("needs.reviewed")}</th>
                <th scope="col">{t("needs.segment")}</th>
                <th scope="col" className="num">
                  {t("overview.population")}
                </th>
                {dims.map((d) => (
                  <th scope="col" key={d.id} className="num">
                    {d.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {profiles.segments.map((s) => (
                <tr key={s.id}>
                  <td>
                    <input
                      type="checkbox"
                      name="profileRefs"
                      value={s.id}
                      id={`ref-${s.id}`}
                      defaultChecked
                      aria-label={`${t("needs.reviewed")}: ${s.areaName}, ${s.label}`}
                    />
                  </td>
                  <th scope="row">
                    {s.areaName}, {s.label}
                    <NameTag name={s.areaName} word={t("overview.synthetic")} show={s.synthetic} />
                  </th>
                  <td className="num">{formatNumber(locale, s.population, 0)}</td>
                  {dims.map((d) => {
                    const sc = s.scores[d.id];
                    return (
                      <td key={d.id} className="num">
                        {sc ? formatNumber(locale, sc.value) : "–"}
                        {sc?.interval ? ` ${formatInterval(locale, sc.interval[0], sc.interval[1])}` : ""}
                        {sc?.proxy ? <span className="tag"> {t("needs.proxy")}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p className="note">{t("needs.proxyNote")}</p>
      <LabelledTextarea id="needs-note" name="note" label={t("needs.note")} error={fieldErrors.note} />
      <Submit>{t("needs.submit")}</Submit>
    </StepForm>
  );
}

export function CandidatesStep({ view, feedback }: { view: View; feedback?: StepFeedback }) {
  const t = useT();
  const locale = useLocale();
  const { fieldErrors } = useStepErrors("candidates", feedback);
  const list = view.interventions ?? [];
  const chosen = new Set(view.context.candidates);
  return (
    <StepForm step="candidates" view={view} feedback={feedback} legend={t("candidates.legend")}>
      {list.length === 0 ? (
        <p>{t("candidates.none")}</p>
      ) : (
        <fieldset aria-describedby={fieldErrors.candidateIds ? "candidates-error" : undefined}>
          <legend>{t("candidates.legend")}</legend>
          <FieldError id="candidates-error" message={fieldErrors.candidateIds} />
          <ul className="choice-list">
            {list.map((iv) => (
              <li key={iv.id}>
                <input
                  type="checkbox"
                  id={`cand-${iv.id}`}
                  name="candidateIds"
                  value={iv.id}
                  defaultChecked={chosen.size === 0 || chosen.has(iv.id)}
                />{" "}
                <label htmlFor={`cand-${iv.id}`}>
                  {iv.label}{" "}
                  <span className="note">
                    (
                    {[
                      iv.department,
                      t("candidates.cost", { cost: sek(locale, iv.expectedCost) }),
                      iv.evidenceGrade ? t("candidates.evidence", { grade: iv.evidenceGrade }) : null,
                    ]
                      .filter(Boolean)
                      .join("; ")}
                    )
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <Submit>{t("candidates.submit")}</Submit>
    </StepForm>
  );
}

export function RulesStep({ view, feedback }: { view: View; feedback?: StepFeedback }) {
  const t = useT();
  const sets = view.ruleSets ?? [];
  return (
    <StepForm step="rules" view={view} feedback={feedback} legend={t("rules.legend")}>
      {sets.length === 0 ? (
        <p>{t("rules.none")}</p>
      ) : (
        <p>
          <label htmlFor="rule-set">{t("rules.ruleSet")}</label>
          <br />
          <select id="rule-set" name="ruleSet" defaultValue={sets[0]!.id}>
            {sets.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label} ({r.id} v{r.version})
              </option>
            ))}
          </select>
        </p>
      )}
      <Submit>{t("rules.submit")}</Submit>
    </StepForm>
  );
}

/** The rule set's exclusions, each with an override form when the user may override. */
export function Exclusions({
  view,
  feedback,
  mayOverride,
}: {
  view: View;
  feedback?: StepFeedback;
  mayOverride: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const c = view.context;
  const { formError, fieldErrors } = useStepErrors("override", feedback);
  if (!c.ruleSet) return null;
  const label = (id: string) => view.interventions?.find((iv) => iv.id === id)?.label ?? id;
  return (
    <section aria-labelledby="exclusions-title" className="round-step">
      <h2 id="exclusions-title">{t("rules.exclusions")}</h2>
      {c.exclusions.length === 0 ? <p>{t("rules.noExclusions")}</p> : null}
      <ul className="exclusions">
        {c.exclusions.map((x) => {
          const override = c.overrides.find((o) => o.candidateId === x.candidateId && o.rule === x.rule);
          const key = `${x.candidateId}-${x.rule}`.replace(/[^A-Za-z0-9_-]/g, "_");
          return (
            <li key={key}>
              <strong>{label(x.candidateId)}</strong>: {t("rules.rule")} “{x.rule}”. {t("rules.reason")}:{" "}
              <StoredText text={localizeRuleLine(x.reason, view.rulePairs ?? [], locale)} />
              {override ? (
                <p className="note">
                  {t("rules.overridden", {
                    user: view.userNames?.[override.by.userId] ?? override.by.userId,
                    reason: override.reason,
                  })}
                </p>
              ) : mayOverride && c.exclusions.length > 0 ? (
                <Form method="post" action="?index&step=override" className="override" noValidate>
                  <CsrfField />
                  <input type="hidden" name="version" value={view.round.version} />
                  <input type="hidden" name="candidateId" value={x.candidateId} />
                  <input type="hidden" name="rule" value={x.rule} />
                  <fieldset>
                    <legend>{t("override.legend", { candidate: label(x.candidateId) })}</legend>
                    {formError ? <FormError id={`override-${key}-error`} message={formError} /> : null}
                    <label htmlFor={`override-${key}`}>{t("override.reason")}</label>
                    <br />
                    <textarea
                      id={`override-${key}`}
                      name="reason"
                      rows={2}
                      cols={60}
                      aria-describedby={fieldErrors.reason ? `override-${key}-reason-error` : undefined}
                    />
                    <FieldError id={`override-${key}-reason-error`} message={fieldErrors.reason} />
                    <br />
                    <Submit>{t("override.submit")}</Submit>
                  </fieldset>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ScenarioStep({ view, feedback }: { view: View; feedback?: StepFeedback }) {
  const t = useT();
  const locale = useLocale();
  const { fieldErrors } = useStepErrors("scenario", feedback);
  const list = view.scenarios ?? [];
  const chosen = view.context.scenario;
  if (list.length === 0) {
    return (
      <StepForm step="scenario" view={view} feedback={feedback} legend={t("scenario.legend")}>
        <p>{t("scenario.none")}</p>
      </StepForm>
    );
  }
  return (
    <StepForm step="scenario" view={view} feedback={feedback} legend={t("scenario.legend")}>
      <fieldset aria-describedby={fieldErrors.primary ? "primary-error" : undefined}>
        <legend>{t("scenario.primary")}</legend>
        <FieldError id="primary-error" message={fieldErrors.primary} />
        <ul className="choice-list">
          {list.map((s, i) => (
            <li key={s.id}>
              <input
                type="radio"
                id={`primary-${s.id}`}
                name="primary"
                value={s.id}
                defaultChecked={chosen ? chosen.primary === s.id : i === 0}
              />{" "}
              <label htmlFor={`primary-${s.id}`}>
                {s.label}{" "}
                <span className="note">
                  ({t("scenario.epsilon", { eps: formatNumber(locale, s.inequalityAversion, 2) })})
                </span>
                <br />
                <span className="note">{s.description}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>{t("scenario.sensitivity")}</legend>
        <ul className="choice-list">
          {list.map((s, i) => (
            <li key={s.id}>
              <input
                type="checkbox"
                id={`sens-${s.id}`}
                name="sensitivity"
                value={s.id}
                defaultChecked={chosen ? chosen.sensitivity.includes(s.id) : i === 1 || i === 2}
              />{" "}
              <label htmlFor={`sens-${s.id}`}>{s.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Submit>{t("scenario.submit")}</Submit>
    </StepForm>
  );
}

/**
 * While a run is on, fetch the page's data again every second (with JavaScript), so progress
 * updates in place and focus and scroll stay where the user left them (WCAG 3.2.5). Without
 * JavaScript a <noscript> meta refresh reloads the page instead.
 */
function useRefreshWhile(running: boolean): void {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => {
      if (latest.current.state === "idle") latest.current.revalidate();
    }, 1000);
    return () => clearInterval(id);
  }, [running]);
}

export function AnalyseStep({ view, feedback }: { view: View; feedback?: StepFeedback }) {
  const t = useT();
  const locale = useLocale();
  // the engine reports its phases by English names ("impacts", "confidence factors")
  const phaseName = (phase: string) => {
    const key = `analyse.phase.${phase.replace(/ /g, "_")}`;
    return key in messagesSv ? t(key as MessageKey) : phase;
  };
  const job = view.job;
  const running = job?.status === "running";
  useRefreshWhile(running);
  return (
    <StepForm step="analyse" view={view} feedback={feedback} legend={t("analyse.legend")}>
      <p>{t("analyse.intro", { draws: formatNumber(locale, view.draws ?? 0, 0) })}</p>
      <div id="analysis-status">
        {running ? (
          <p>
            <noscript>
              <meta httpEquiv="refresh" content="2" />
            </noscript>
            <progress max={job.total} value={job.done} aria-label={t("analyse.legend")} />{" "}
            {t("analyse.running", {
              phase: phaseName(job.phase),
              done: job.done,
              total: job.total,
              scenario: view.scenarios?.find((s) => s.id === job.scenario)?.label ?? job.scenario,
            })}{" "}
            {t("analyse.runningRefresh")}
          </p>
        ) : job?.status === "failed" ? (
          <p className="form-error">{t("analyse.failed", { error: job.error })}</p>
        ) : null}
        {/* announced once per phase, not at every count */}
        <p className="visually-hidden" aria-live="polite">
          {running ? t("analyse.phaseLive", { phase: phaseName(job.phase) }) : ""}
        </p>
      </div>
      {running ? null : <Submit>{view.hasAnalysis ? t("analyse.rerun") : t("analyse.submit")}</Submit>}
    </StepForm>
  );
}

export function PortfolioStep({ view, feedback }: { view: View; feedback?: StepFeedback }) {
  const t = useT();
  const locale = useLocale();
  const { fieldErrors } = useStepErrors("portfolio", feedback);
  const rows = view.portfolioRows ?? [];
  const p = view.portfolioSuggestion;
  const rationale = view.context.portfolio?.rationale ?? {};
  const ruleReasons = (reasons: string[]) => (
    <StoredText text={reasons.map((x) => localizeRuleLine(x, view.rulePairs ?? [], locale)).join("; ")} />
  );
  return (
    <StepForm step="portfolio" view={view} feedback={feedback} legend={t("portfolio.legend")}>
      <p>{t("portfolio.intro")}</p>
      {p ? (
        <p>
          {t("portfolio.engineSuggests", {
            ids: p.selected.map((id) => rows.find((r) => r.id === id)?.label ?? id).join("; ") || "–",
            cost: sek(locale, p.cost),
            p: formatNumber(locale, p.pWithinBudget, 2),
          })}
        </p>
      ) : null}
      {view.context.scope ? (
        <p className="note">
          {t("portfolio.budgetLine", {
            budget: sek(locale, view.context.scope.budget),
            cost: sek(
              locale,
              rows.filter((r) => r.suggested).reduce((s, r) => s + r.expectedCost, 0),
            ),
          })}
        </p>
      ) : null}
      {rows.map((r) => {
        const rid = `rationale-${r.id}`.replace(/[^A-Za-z0-9_-]/g, "_");
        const err = fieldErrors[`rationale.${r.id}`];
        return (
          <fieldset key={r.id} className={`portfolio-row ${r.status}`}>
            <legend>{r.label}</legend>
            <p className="note">
              {/* four decimals, as the analysis and the decision record show them (three printed 0,000) */}
              {t("analysis.impact")}: {formatNumber(locale, r.impact.mean, 4)}{" "}
              {formatInterval(locale, r.impact.interval[0], r.impact.interval[1], 4)}; {t("analysis.cost")}:{" "}
              {sek(locale, r.expectedCost)}
            </p>
            {r.required ? (
              <p className="tag-required">
                <Interpolated
                  template={t("portfolio.requiredByRule")}
                  parts={{ reasons: ruleReasons(r.reasons) }}
                />
              </p>
            ) : null}
            {r.status === "excluded" ? (
              <p className="tag-excluded">
                <Interpolated
                  template={t("portfolio.excludedByRule")}
                  parts={{ reasons: ruleReasons(r.reasons) }}
                />
              </p>
            ) : null}
            <p>
              <input
                type="checkbox"
                id={`sel-${r.id}`}
                name="selected"
                value={r.id}
                defaultChecked={r.suggested}
                disabled={r.status === "excluded"}
              />{" "}
              <label htmlFor={`sel-${r.id}`}>{t("portfolio.include", { candidate: r.label })}</label>
            </p>
            <p>
              <label htmlFor={rid}>{t("portfolio.rationale", { candidate: r.label })}</label>
              <br />
              <textarea
                id={rid}
                name={`rationale.${r.id}`}
                rows={2}
                cols={60}
                required
                defaultValue={rationale[r.id] ?? ""}
                aria-invalid={err ? true : undefined}
                aria-describedby={err ? `${rid}-error` : undefined}
              />
              <FieldError id={`${rid}-error`} message={err} />
            </p>
          </fieldset>
        );
      })}
      <Submit>{t("portfolio.submit")}</Submit>
    </StepForm>
  );
}

export function SubmitStep({ view, feedback }: { view: View; feedback?: StepFeedback }) {
  const t = useT();
  return (
    <StepForm step="submit" view={view} feedback={feedback} legend={t("submit.legend")}>
      <Submit>{t("submit.submit")}</Submit>
    </StepForm>
  );
}

export function ReviewStep({ view, feedback }: { view: View; feedback?: StepFeedback }) {
  const t = useT();
  const { fieldErrors } = useStepErrors("review", feedback);
  return (
    <StepForm step="review" view={view} feedback={feedback} legend={t("review.legend")}>
      <p>
        {t("review.approvals", {
          count: new Set(view.context.committee.approvals.map((a) => a.by.userId)).size,
          quorum: view.context.committeeQuorum,
        })}
      </p>
      <LabelledTextarea id="review-text" name="text" label={t("review.comment")} error={fieldErrors.text} />
      <p className="button-row">
        <Submit name="intent" value="approve">
          {t("review.approve")}
        </Submit>{" "}
        <Submit name="intent" value="comment">
          {t("review.commentButton")}
        </Submit>{" "}
        <Submit name="intent" value="dissent">
          {t("review.dissent")}
        </Submit>{" "}
        <Submit name="intent" value="return">
          {t("review.return")}
        </Submit>
      </p>
    </StepForm>
  );
}

export function PublishStep({ view, feedback }: { view: View; feedback?: StepFeedback }) {
  const t = useT();
  const { fieldErrors } = useStepErrors("publish", feedback);
  return (
    <StepForm step="publish" view={view} feedback={feedback} legend={t("publish.legend")}>
      <LabelledTextarea
        id="publish-summary"
        name="summary"
        label={t("publish.summary")}
        error={fieldErrors.summary}
        required
      />
      <Submit>{t("publish.submit")}</Submit>
    </StepForm>
  );
}

export function FollowupStep({ view, feedback }: { view: View; feedback?: StepFeedback }) {
  const t = useT();
  const locale = useLocale();
  const { fieldErrors } = useStepErrors("followup", feedback);
  const rows = view.followupRows ?? [];
  return (
    <StepForm step="followup" view={view} feedback={feedback} legend={t("followup.legend")}>
      <p>{t("followup.intro")}</p>
      {rows.map((r, i) => (
        <fieldset key={r.candidateId}>
          <legend>{r.label}</legend>
          <input type="hidden" name="candidateId" value={r.candidateId} />
          <input type="hidden" name="expectedChange" value={r.expected} />
          <p className="note">
            {t("followup.expected")}: {formatNumber(locale, r.expected, 3)} ±{" "}
            {formatNumber(locale, r.expectedU, 3)}
          </p>
          <p className="inline-fields">
            <LabelledInput
              id={`measured-${i}`}
              name="measured"
              label={t("followup.measured", { candidate: r.label })}
              error={fieldErrors[`rows.${i}.measured`]}
              inputMode="decimal"
              size={10}
              defaultValue={r.measured ?? ""}
            />
            <LabelledInput
              id={`u-${i}`}
              name="u"
              label={t("followup.u", { candidate: r.label })}
              error={fieldErrors[`rows.${i}.u`]}
              inputMode="decimal"
              size={10}
              defaultValue={r.u ?? ""}
            />
          </p>
        </fieldset>
      ))}
      <LabelledTextarea id="followup-note" name="note" label={t("followup.note")} rows={2} />
      <Submit>{t("followup.submit")}</Submit>
    </StepForm>
  );
}
