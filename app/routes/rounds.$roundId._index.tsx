import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EngineInputError } from "../../engine/errors";
import { applyRoundEvent, type RoundEvent } from "../../engine/workflow";
import { ENGINE_VERSION } from "../../engine/version";
import { ROLE_LABELS } from "~/auth/policy";
import { requirePermission, verifyCsrf } from "~/auth/session.server";
import { AuditTrail, FollowupTable, RoundSummary } from "~/components/round/round-summary";
import {
  AnalyseStep,
  CandidatesStep,
  Exclusions,
  FollowupStep,
  NeedsStep,
  PortfolioStep,
  PublishStep,
  ReviewStep,
  RulesStep,
  ScenarioStep,
  ScopeStep,
  SubmitStep,
  type StepFeedback,
} from "~/components/round/step-forms";
import { RoundStepper } from "~/components/round/stepper";
import { getLocale } from "~/i18n/locale.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import { startRoundAnalysis } from "~/utils/round-analysis.server";
import { loadRuleSets, runRoundRules } from "~/utils/round-data.server";
import { parseStepForm, stepOf, stepPermission } from "~/utils/round-steps.server";
import { buildRoundView } from "~/utils/round-view.server";
import { applyStoredRoundEvent, logRefusedChange, requireRound } from "~/utils/rounds.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `Livsval – ${d.round.title}` : "Livsval" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rounds.view");
  const db = getDb();
  const round = await requireRound(db, params);
  return buildRoundView(db, round, user, await getLocale(request));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, stepPermission(request));
  const formData = await request.formData();
  verifyCsrf(request, formData, user);
  const step = stepOf(request);
  const locale = await getLocale(request);
  const db = getDb();
  const round = await requireRound(db, params);
  const now = new Date().toISOString();
  const parsed = parseStepForm(step, formData, user, locale, now);
  if (!parsed.ok) {
    return data(
      {
        step,
        fieldErrors: parsed.fieldErrors,
        formError: translate(locale, "round.fieldErrors"),
      } satisfies StepFeedback,
      { status: 400 },
    );
  }
  const refuse = (formError: string, status = 400) =>
    data({ step, formError } satisfies StepFeedback, { status });
  if (parsed.expectedVersion !== round.version) return refuse(translate(locale, "round.conflict"), 409);
  const actor = { userId: user.id, role: user.role };
  const request_ = parsed.request;
  if (request_.kind === "analyse") {
    // Ask the machine first, with a placeholder reference, whether this role may analyse now.
    const analysed: RoundEvent = {
      type: "analysis.completed",
      actor,
      at: now,
      analysis: { inputHash: "0".repeat(64), seed: 0, engineVersion: ENGINE_VERSION },
    };
    const probe = applyRoundEvent(round.snapshot, analysed);
    if (!probe.ok) {
      await logRefusedChange(db, round, analysed, probe);
      return refuse(probe.error);
    }
    startRoundAnalysis(db, round.context, actor, { locale });
    return redirect(`/rounds/${round.id}`);
  }
  let event = request_.kind === "event" ? request_.event : null;
  if (request_.kind === "rules") {
    const ruleSet = loadRuleSets().find((r) => r.id === request_.ruleSetId);
    if (!ruleSet)
      return data(
        { step, fieldErrors: { ruleSet: translate(locale, "rules.none") } } satisfies StepFeedback,
        { status: 400 },
      );
    let exclusions;
    try {
      exclusions = await runRoundRules(db, round.context, ruleSet, locale);
    } catch (e) {
      // the round's data cannot be put to the rules (e.g. a candidate without any baseline): say why
      if (e instanceof EngineInputError) return refuse(e.message);
      throw e;
    }
    event = {
      type: "rules.applied",
      actor,
      at: now,
      ruleSet: { id: ruleSet.id, version: String(ruleSet.version) },
      exclusions,
    };
  }
  const outcome = await applyStoredRoundEvent(db, round.id, event!, {
    expectedVersion: parsed.expectedVersion,
  });
  if (!outcome.ok) {
    return refuse(
      outcome.reason === "conflict" ? translate(locale, "round.conflict") : outcome.error,
      outcome.reason === "conflict" ? 409 : 400,
    );
  }
  return redirect(`/rounds/${round.id}`);
}

export default function RoundPage() {
  const view = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() as StepFeedback | undefined;
  const t = useT();
  const locale = useLocale();
  const { round, context, steps } = view;
  const labelOf = (id: string) => view.interventions.find((iv) => iv.id === id)?.label ?? id;
  const has = (s: (typeof steps)[number]) => steps.includes(s);
  const props = { view, feedback };
  return (
    <>
      <p>
        <Link to="/rounds">{t("round.back")}</Link>
      </p>
      <h1>{round.title}</h1>
      <RoundStepper state={round.state} />
      <p className="round-links">
        {view.hasAnalysis ? <Link to={`/rounds/${round.id}/analysis`}>{t("analyse.view")}</Link> : null}{" "}
        <Link to={`/rounds/${round.id}/record`}>{t("round.record")}</Link>
      </p>
      <section aria-labelledby="next-title" className="round-next">
        <h2 id="next-title">{t("round.current", { state: t(`state.${round.state}`) })}</h2>
        {steps.length === 0 ? (
          <p>
            {t("round.nothingToDo", {
              roles: view.waitingFor.map((r) => ROLE_LABELS[r][locale]).join(", ") || "–",
            })}
          </p>
        ) : null}
        {has("scope") ? <ScopeStep {...props} /> : null}
        {has("needs") ? <NeedsStep {...props} /> : null}
        {has("candidates") ? <CandidatesStep {...props} /> : null}
        {has("rules") ? <RulesStep {...props} /> : null}
        {round.state === "rulesApplied" ? <Exclusions {...props} mayOverride={has("override")} /> : null}
        {has("scenario") ? <ScenarioStep {...props} /> : null}
        {has("analyse") || view.job?.status === "running" ? <AnalyseStep {...props} /> : null}
        {has("portfolio") ? <PortfolioStep {...props} /> : null}
        {has("submit") ? <SubmitStep {...props} /> : null}
        {has("review") ? <ReviewStep {...props} /> : null}
        {has("publish") ? <PublishStep {...props} /> : null}
        {has("followup") ? <FollowupStep {...props} /> : null}
      </section>
      {view.followupRows ? <FollowupTable rows={view.followupRows} /> : null}
      <RoundSummary
        context={context}
        labelOf={labelOf}
        nameOf={(id) => view.userNames[id] ?? id}
        areaNames={view.areaNames}
      />
      <AuditTrail audit={view.audit} />
    </>
  );
}
