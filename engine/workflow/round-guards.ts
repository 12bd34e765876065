import type { RoundContext } from "./round-context";
import type { Role, RoundEvent, RoundEventType } from "./round-events";

/**
 * Who may send which event (DESIGN §6; roles from the shared vocabulary). Viewers may do nothing.
 * Committee decisions are the committee's alone: an admin can run the workflow's other steps but
 * cannot approve, return or publish in the committee's name (separation of duties).
 */
export const STEP_ROLES: Readonly<Record<RoundEventType, readonly Role[]>> = {
  "scope.submitted": ["analyst", "budget_planner", "admin"],
  "needs.reviewed": ["analyst", "admin"],
  "candidates.chosen": ["analyst", "budget_planner", "admin"],
  "rules.applied": ["analyst", "admin"],
  "rule.overridden": ["budget_planner", "admin"],
  "scenario.chosen": ["analyst", "budget_planner", "admin"],
  "analysis.completed": ["analyst", "admin"],
  "portfolio.proposed": ["budget_planner", "admin"],
  "portfolio.submitted": ["budget_planner", "admin"],
  "committee.commented": ["committee"],
  "committee.approved": ["committee"],
  "committee.dissented": ["committee"],
  "committee.returned": ["committee"],
  "decision.published": ["committee"],
  "followup.recorded": ["analyst", "admin"],
};

type Predicate = (context: RoundContext, event: RoundEvent) => boolean;

/** Keeps the guard names as keys while typing every guard as a full {@link Predicate}. */
const predicates = <K extends string>(guards: Record<K, Predicate>): Record<K, Predicate> => guards;

const filled = (text: string | undefined): boolean => text !== undefined && text.trim() !== "";
const distinct = (xs: readonly string[]): boolean => new Set(xs).size === xs.length;

/** Candidates excluded by a rule and not overridden for that rule. */
export function excludedCandidates(context: RoundContext): Set<string> {
  const overridden = new Set(context.overrides.map((o) => `${o.candidateId}\u0000${o.rule}`));
  return new Set(
    context.exclusions
      .filter((x) => !overridden.has(`${x.candidateId}\u0000${x.rule}`))
      .map((x) => x.candidateId),
  );
}

/**
 * The round machine's guards, as plain predicates over (context, event) so that a refusal can be
 * explained by evaluating them again. Each is named for what must hold (STYLE: Machines).
 */
export const roundGuards = predicates({
  /** The actor's role may send this event ({@link STEP_ROLES}). */
  actorMayPerformStep: (_c, e) => STEP_ROLES[e.type].includes(e.actor.role),
  /** The submitted scope names at least one area and group, a period from ≤ to, and a budget > 0. */
  hasScope: (_c, e) =>
    e.type === "scope.submitted" &&
    e.scope.areas.length > 0 &&
    e.scope.areas.every(filled) &&
    e.scope.groups.length > 0 &&
    e.scope.groups.every(filled) &&
    filled(e.scope.period.from) &&
    filled(e.scope.period.to) &&
    e.scope.period.from <= e.scope.period.to &&
    Number.isFinite(e.scope.budget) &&
    e.scope.budget > 0,
  /** The needs review says what was reviewed: a note, or the profiles looked at. */
  hasNeedsReview: (_c, e) => e.type === "needs.reviewed" && (filled(e.note) || e.profileRefs.length > 0),
  /** At least one candidate, each named once. */
  hasCandidates: (_c, e) =>
    e.type === "candidates.chosen" &&
    e.candidateIds.length > 0 &&
    e.candidateIds.every(filled) &&
    distinct(e.candidateIds),
  /** Every exclusion reported by the rule run concerns a chosen candidate. */
  exclusionsConcernCandidates: (c, e) =>
    e.type === "rules.applied" && e.exclusions.every((x) => c.candidates.includes(x.candidateId)),
  /** An override of a rule carries a written, non-empty reason. */
  overrideHasWrittenReason: (_c, e) => e.type === "rule.overridden" && filled(e.reason),
  /** The override names a rule that excluded that candidate and is not overridden yet. */
  overrideTargetsAnExclusion: (c, e) =>
    e.type === "rule.overridden" &&
    c.exclusions.some((x) => x.candidateId === e.candidateId && x.rule === e.rule) &&
    !c.overrides.some((o) => o.candidateId === e.candidateId && o.rule === e.rule),
  /** The chosen primary scenario is named and not repeated among the sensitivity scenarios. */
  namesPrimaryScenario: (_c, e) =>
    e.type === "scenario.chosen" &&
    filled(e.primary) &&
    !e.sensitivity.includes(e.primary) &&
    distinct(e.sensitivity),
  /** A scenario has been chosen: no analysis without one. */
  hasScenario: (c) => c.scenario !== null,
  /** The analysis reference can reproduce the result: a sha256 input hash, an integer seed, an engine version. */
  isReproducibleAnalysis: (_c, e) =>
    e.type === "analysis.completed" &&
    /^[0-9a-f]{64}$/.test(e.analysis.inputHash) &&
    Number.isSafeInteger(e.analysis.seed) &&
    e.analysis.seed >= 0 &&
    filled(e.analysis.engineVersion),
  /** An analysis result is recorded: no portfolio without one. */
  hasAnalysisResult: (c) => c.analysis !== null,
  /** The proposal selects only chosen candidates, each once. */
  selectionWithinCandidates: (c, e) =>
    e.type === "portfolio.proposed" &&
    distinct(e.selected) &&
    e.selected.every((id) => c.candidates.includes(id)),
  /** The proposal selects no candidate that a rule excluded, unless the exclusion was overridden. */
  selectsNoExcludedCandidate: (c, e) => {
    if (e.type !== "portfolio.proposed") return false;
    const excluded = excludedCandidates(c);
    return e.selected.every((id) => !excluded.has(id));
  },
  /** Every chosen candidate, selected or rejected, has a written rationale (motivering). */
  hasRationaleForEveryCandidate: (c, e) =>
    e.type === "portfolio.proposed" && c.candidates.every((id) => filled(e.rationale[id])),
  /** A portfolio has been proposed. */
  hasPortfolio: (c) => c.portfolio !== null,
  /** A committee comment has text. */
  hasCommentText: (_c, e) => e.type === "committee.commented" && filled(e.comment),
  /** The approving member has not approved this proposal already. */
  isNewApprover: (c, e) => !c.committee.approvals.some((a) => a.by.userId === e.actor.userId),
  /** A dissent (reservation) states its reason. */
  dissentHasWrittenReason: (_c, e) => e.type === "committee.dissented" && filled(e.reason),
  /** A return to the planners says what to change. */
  hasReturnComments: (_c, e) =>
    e.type === "committee.returned" && e.comments.length > 0 && e.comments.every(filled),
  /** Enough distinct committee members approved the current proposal (the round's quorum). */
  isCommitteeApproved: (c) =>
    new Set(c.committee.approvals.map((a) => a.by.userId)).size >= c.committeeQuorum,
  /** The published decision has a summary. */
  hasDecisionSummary: (_c, e) => e.type === "decision.published" && filled(e.summary),
  /** A follow-up records a note or at least one measurement. */
  hasFollowUpContent: (_c, e) =>
    e.type === "followup.recorded" && (filled(e.note) || e.measurements.length > 0),
});

export type RoundGuardName = keyof typeof roundGuards;

/** The guards each event must pass, in the order they are checked (the role first). */
export const STEP_GUARDS: Readonly<Record<RoundEventType, readonly RoundGuardName[]>> = {
  "scope.submitted": ["actorMayPerformStep", "hasScope"],
  "needs.reviewed": ["actorMayPerformStep", "hasNeedsReview"],
  "candidates.chosen": ["actorMayPerformStep", "hasCandidates"],
  "rules.applied": ["actorMayPerformStep", "exclusionsConcernCandidates"],
  "rule.overridden": ["actorMayPerformStep", "overrideHasWrittenReason", "overrideTargetsAnExclusion"],
  "scenario.chosen": ["actorMayPerformStep", "namesPrimaryScenario"],
  "analysis.completed": ["actorMayPerformStep", "hasScenario", "isReproducibleAnalysis"],
  "portfolio.proposed": [
    "actorMayPerformStep",
    "hasAnalysisResult",
    "selectionWithinCandidates",
    "selectsNoExcludedCandidate",
    "hasRationaleForEveryCandidate",
  ],
  "portfolio.submitted": ["actorMayPerformStep", "hasPortfolio"],
  "committee.commented": ["actorMayPerformStep", "hasCommentText"],
  "committee.approved": ["actorMayPerformStep", "isNewApprover"],
  "committee.dissented": ["actorMayPerformStep", "dissentHasWrittenReason"],
  "committee.returned": ["actorMayPerformStep", "hasReturnComments"],
  "decision.published": ["actorMayPerformStep", "isCommitteeApproved", "hasDecisionSummary"],
  "followup.recorded": ["actorMayPerformStep", "hasFollowUpContent"],
};

/**
 * Why a guard refused an event, in words a person can act on.
 * @param name - the guard that failed
 * @param context - the round's context
 * @param event - the refused event
 * @returns the explanation
 */
export function guardRefusal(name: RoundGuardName, context: RoundContext, event: RoundEvent): string {
  switch (name) {
    case "actorMayPerformStep":
      return `role "${event.actor.role}" may not send ${event.type} (allowed: ${STEP_ROLES[event.type].join(", ")})`;
    case "hasScope":
      return "the scope needs at least one area and one group, a period with from ≤ to, and a budget > 0";
    case "hasNeedsReview":
      return "the needs review needs a note or the profiles reviewed";
    case "hasCandidates":
      return "choose at least one candidate, each named once";
    case "exclusionsConcernCandidates": {
      const stray = event.type === "rules.applied" ? event.exclusions.map((x) => x.candidateId) : [];
      const unknown = stray.filter((id) => !context.candidates.includes(id));
      return `the rule run excluded candidates that were not chosen: ${unknown.join(", ")}`;
    }
    case "overrideHasWrittenReason":
      return "overriding a rule needs a written reason";
    case "overrideTargetsAnExclusion":
      return event.type === "rule.overridden"
        ? `rule "${event.rule}" did not exclude candidate "${event.candidateId}", or it is already overridden`
        : "the override names no exclusion";
    case "namesPrimaryScenario":
      return "name one primary scenario, not repeated among the sensitivity scenarios";
    case "hasScenario":
      return "no analysis without a chosen scenario";
    case "isReproducibleAnalysis":
      return "the analysis reference needs a sha256 input hash (64 hex digits), a non-negative integer seed and an engine version";
    case "hasAnalysisResult":
      return "no portfolio without an analysis result";
    case "selectionWithinCandidates":
      return "the portfolio may select only chosen candidates, each once";
    case "selectsNoExcludedCandidate": {
      const excluded = excludedCandidates(context);
      const bad = event.type === "portfolio.proposed" ? event.selected.filter((id) => excluded.has(id)) : [];
      return `the portfolio selects candidates excluded by a rule without an override: ${bad.join(", ")}`;
    }
    case "hasRationaleForEveryCandidate": {
      const missing =
        event.type === "portfolio.proposed"
          ? context.candidates.filter((id) => !filled(event.rationale[id]))
          : context.candidates;
      return `every chosen and every rejected candidate needs a rationale; missing for: ${missing.join(", ")}`;
    }
    case "hasPortfolio":
      return "no portfolio has been proposed";
    case "hasCommentText":
      return "a comment needs text";
    case "isNewApprover":
      return `${event.actor.userId} has already approved this proposal`;
    case "dissentHasWrittenReason":
      return "a dissent (reservation) needs a written reason";
    case "hasReturnComments":
      return "returning the proposal needs at least one comment saying what to change";
    case "isCommitteeApproved":
      return `no decision without committee approval (${new Set(context.committee.approvals.map((a) => a.by.userId)).size} of ${context.committeeQuorum} approvals)`;
    case "hasDecisionSummary":
      return "the decision needs a summary";
    case "hasFollowUpContent":
      return "a follow-up needs a note or at least one measurement";
  }
}
