import { changeBetweenPeriods, probabilityTargetMet } from "../../engine/followup";
import { STEP_ROLES, excludedCandidates, type RoundContext } from "../../engine/workflow";
import type { Db } from "../../db/schema";
import { can } from "~/auth/policy";
import type { CurrentUser } from "~/auth/session.server";
import { STEP_PERMISSION, STEPS_IN_STATE, type Step } from "~/components/round/steps";
import { getAnalysisJob, loadRoundAnalysis, ROUND_DRAWS, type AnalysisJob } from "./round-analysis.server";
import {
  loadAreaNames,
  loadInterventions,
  loadRuleSets,
  loadScenarios,
  loadScopeOptions,
  loadScopeProfiles,
  roundRulePairs,
  type ScopeOptions,
  type ScopeProfiles,
} from "./round-data.server";
import { listRoundAudit, type StoredRound } from "./rounds.server";

/** The machine event each step sends, to name the roles that may take it. */
const STEP_EVENT = {
  scope: "scope.submitted",
  needs: "needs.reviewed",
  candidates: "candidates.chosen",
  rules: "rules.applied",
  override: "rule.overridden",
  scenario: "scenario.chosen",
  analyse: "analysis.completed",
  portfolio: "portfolio.proposed",
  submit: "portfolio.submitted",
  review: "committee.approved",
  publish: "decision.published",
  followup: "followup.recorded",
} as const satisfies Record<Step, string>;

export interface PortfolioRow {
  id: string;
  label: string;
  status: "ranked" | "excluded";
  reasons: string[];
  required: boolean;
  expectedCost: number;
  impact: { mean: number; u: number; interval: [number, number] };
  suggested: boolean;
}

export interface FollowupRow {
  candidateId: string;
  label: string;
  expected: number;
  expectedU: number;
  measured: number | null;
  u: number | null;
  en: number | null;
  pMet: number | null;
}

/** Everything the round page shows, for the signed-in user. */
export async function buildRoundView(db: Db, round: StoredRound, user: CurrentUser, locale: "sv" | "en") {
  const c: RoundContext = round.context;
  const steps = STEPS_IN_STATE[round.state].filter((s) => can(user.role, STEP_PERMISSION[s]));
  const waitingFor = [...new Set(STEPS_IN_STATE[round.state].flatMap((s) => STEP_ROLES[STEP_EVENT[s]]))];
  const offered = new Set(steps);
  const interventions = (await loadInterventions(db)).map((iv) => ({
    id: iv.id,
    label: iv.label,
    department: iv.department,
    evidenceGrade: iv.evidenceGrade,
    expectedCost: iv.expectedCost,
  }));
  const labelOf = (id: string) => interventions.find((iv) => iv.id === id)?.label ?? id;

  const scopeOptions: ScopeOptions | null = offered.has("scope") ? await loadScopeOptions(db, locale) : null;
  const profiles: ScopeProfiles | null =
    offered.has("needs") && c.scope ? await loadScopeProfiles(db, c.scope, locale) : null;
  const ruleSets = loadRuleSets().map((r) => ({
    id: r.id,
    version: r.version,
    label: r.label[locale],
    rules: r.rules.length,
  }));
  const scenarios = loadScenarios().map((s) => ({
    id: s.id,
    version: s.version,
    label: s.label[locale],
    description: s.description[locale],
    inequalityAversion: s.inequalityAversion,
  }));

  const job: AnalysisJob | null = getAnalysisJob(round.id);
  const analysis = await loadRoundAnalysis(db, c);
  const excluded = excludedCandidates(c);
  const portfolioRows: PortfolioRow[] | null = analysis
    ? analysis.result.interventions.map((iv) => ({
        id: iv.id,
        label: iv.label,
        status: excluded.has(iv.id) ? "excluded" : iv.status,
        reasons: iv.reasons,
        required: iv.required,
        expectedCost: iv.expectedCost,
        impact: iv.impact,
        suggested: c.portfolio
          ? c.portfolio.selected.includes(iv.id)
          : (analysis.result.portfolio?.selected.includes(iv.id) ?? false),
      }))
    : null;

  let followupRows: FollowupRow[] | null = null;
  if (c.decision) {
    const latest = new Map<string, { measuredChange: number; u: number }>();
    for (const f of c.followUps)
      for (const m of f.measurements) if (m.candidateId) latest.set(m.candidateId, m);
    followupRows = c.decision.selected.map((id) => {
      const iv = analysis?.result.interventions.find((x) => x.id === id);
      const expected = iv?.impact.mean ?? 0;
      const expectedU = iv?.impact.u ?? 0;
      const m = latest.get(id);
      if (!m)
        return {
          candidateId: id,
          label: labelOf(id),
          expected,
          expectedU,
          measured: null,
          u: null,
          en: null,
          pMet: null,
        };
      const change = changeBetweenPeriods(
        { value: expected, u: expectedU },
        { value: m.measuredChange, u: m.u },
      );
      const met = probabilityTargetMet(m.measuredChange, m.u, expected, "higher");
      return {
        candidateId: id,
        label: labelOf(id),
        expected,
        expectedU,
        measured: m.measuredChange,
        u: m.u,
        en: Number.isFinite(change.en) ? change.en : null,
        pMet: met.probability,
      };
    });
  }

  return {
    round: { id: round.id, title: round.title, state: round.state, version: round.version },
    context: c,
    rulePairs: roundRulePairs(c),
    steps,
    waitingFor,
    interventions,
    scopeOptions,
    areaNames: await loadAreaNames(db, c.scope?.areas ?? [], locale),
    profiles,
    ruleSets,
    scenarios,
    job,
    draws: ROUND_DRAWS,
    analysisRef: c.analysis?.ref ?? null,
    hasAnalysis: analysis !== null,
    portfolioSuggestion: analysis?.result.portfolio ?? null,
    portfolioRows,
    excluded: [...excluded],
    followupRows,
    audit: await listRoundAudit(db, round.id),
    userNames: Object.fromEntries(
      (await db.selectFrom("users").select(["id", "username"]).execute()).map((u) => [u.id, u.username]),
    ) as Record<string, string>,
  };
}

export type RoundView = Awaited<ReturnType<typeof buildRoundView>>;
