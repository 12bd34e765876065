import { and, assertEvent, assign, setup } from "xstate";
import { initialRoundContext, type RoundContext, type RoundInput } from "./round-context";
import type { RoundEvent, RoundEventType } from "./round-events";
import { roundGuards, STEP_GUARDS, type RoundGuardName } from "./round-guards";

/**
 * The version of the round machine's states, events and context. Stored with every persisted
 * snapshot; a snapshot of another version is not restored silently (see `restoreRound`).
 */
export const ROUND_MACHINE_VERSION = "livsval.round/1";

export { ROUND_STATES, type RoundState } from "./round-states";

const copy = <T>(value: T): T => structuredClone(value);

/** The named predicates of `roundGuards`, in the `({ context, event })` form xstate calls guards with. */
const machineGuards = Object.fromEntries(
  Object.entries(roundGuards).map(([name, holds]) => [
    name,
    ({ context, event }: { context: RoundContext; event: RoundEvent }) => holds(context, event),
  ]),
) as Record<RoundGuardName, (args: { context: RoundContext; event: RoundEvent }) => boolean>;

/** The guard of a step: all of its named guards ({@link STEP_GUARDS}), the role first. */
const guardOf = (type: RoundEventType) => and([...STEP_GUARDS[type]]);

/**
 * The prioritisation round (prioriteringsomgång) as an xstate v5 machine, DESIGN §6:
 * draft → scoped → needsReviewed → candidatesChosen → rulesApplied → scenarioChosen → analysed →
 * portfolioProposed → committeeReview → decided → followedUp.
 *
 * Every event carries `actor` {userId, role}, `at` (the caller's timestamp: the machine reads no
 * clock) and an optional `reason`. Guards are the named predicates of `roundGuards`: the order of
 * steps, who may take them (`STEP_ROLES`), a complete scope, no analysis without a scenario, no
 * portfolio without an analysis, a rationale for every chosen and every rejected candidate, a written
 * reason for a rule override, and no decision without committee approval. A step may be repeated
 * in its own state to revise it (a new scope, other candidates, another analysis run, a revised
 * proposal). The committee may comment, approve, dissent (reservation) or return the proposal
 * with comments, which sends it back to `portfolioProposed` and clears the approvals and dissents
 * given to it. `decided` is immutable: the only event it accepts is a follow-up, which adds to the
 * record and changes none of it. Transitions are pure; apply them with `applyRoundEvent`.
 */
export const roundMachine = setup({
  types: {
    context: {} as RoundContext,
    events: {} as RoundEvent,
    input: {} as RoundInput,
  },
  guards: machineGuards,
  actions: {
    recordScope: assign(({ event }) => {
      assertEvent(event, "scope.submitted");
      return { scope: copy(event.scope) };
    }),
    recordNeedsReview: assign(({ event }) => {
      assertEvent(event, "needs.reviewed");
      return {
        needsReview: {
          by: copy(event.actor),
          at: event.at,
          profileRefs: [...event.profileRefs],
          note: event.note,
        },
      };
    }),
    recordCandidates: assign(({ event }) => {
      assertEvent(event, "candidates.chosen");
      return { candidates: [...event.candidateIds] };
    }),
    recordRuleResults: assign(({ event }) => {
      assertEvent(event, "rules.applied");
      return { ruleSet: copy(event.ruleSet), exclusions: copy(event.exclusions), overrides: [] };
    }),
    recordOverride: assign(({ context, event }) => {
      assertEvent(event, "rule.overridden");
      const override = {
        by: copy(event.actor),
        at: event.at,
        candidateId: event.candidateId,
        rule: event.rule,
        reason: event.reason!.trim(),
      };
      return { overrides: [...context.overrides, override] };
    }),
    recordScenario: assign(({ event }) => {
      assertEvent(event, "scenario.chosen");
      return { scenario: { primary: event.primary, sensitivity: [...event.sensitivity] } };
    }),
    recordAnalysis: assign(({ event }) => {
      assertEvent(event, "analysis.completed");
      return { analysis: { by: copy(event.actor), at: event.at, ref: copy(event.analysis) } };
    }),
    recordPortfolio: assign(({ event }) => {
      assertEvent(event, "portfolio.proposed");
      return {
        portfolio: {
          by: copy(event.actor),
          at: event.at,
          selected: [...event.selected],
          rationale: { ...event.rationale },
        },
      };
    }),
    recordComment: assign(({ context, event }) => {
      assertEvent(event, "committee.commented");
      const comment = { by: copy(event.actor), at: event.at, text: event.comment, returned: false };
      return { committee: { ...context.committee, comments: [...context.committee.comments, comment] } };
    }),
    recordApproval: assign(({ context, event }) => {
      assertEvent(event, "committee.approved");
      const approval = { by: copy(event.actor), at: event.at };
      return { committee: { ...context.committee, approvals: [...context.committee.approvals, approval] } };
    }),
    recordDissent: assign(({ context, event }) => {
      assertEvent(event, "committee.dissented");
      const dissent = { by: copy(event.actor), at: event.at, reason: event.reason!.trim() };
      return { committee: { ...context.committee, dissents: [...context.committee.dissents, dissent] } };
    }),
    recordReturn: assign(({ context, event }) => {
      assertEvent(event, "committee.returned");
      const comments = event.comments.map((text) => ({
        by: copy(event.actor),
        at: event.at,
        text,
        returned: true,
      }));
      return {
        committee: {
          comments: [...context.committee.comments, ...comments],
          approvals: [],
          dissents: [],
          returns: context.committee.returns + 1,
        },
      };
    }),
    recordDecision: assign(({ context, event }) => {
      assertEvent(event, "decision.published");
      return {
        decision: {
          by: copy(event.actor),
          at: event.at,
          summary: event.summary,
          selected: [...(context.portfolio?.selected ?? [])],
          approvedBy: context.committee.approvals.map((a) => a.by.userId),
          dissentedBy: context.committee.dissents.map((d) => d.by.userId),
        },
      };
    }),
    recordFollowUp: assign(({ context, event }) => {
      assertEvent(event, "followup.recorded");
      const followUp = {
        by: copy(event.actor),
        at: event.at,
        note: event.note,
        measurements: copy(event.measurements),
      };
      return { followUps: [...context.followUps, followUp] };
    }),
  },
}).createMachine({
  id: "round",
  initial: "draft",
  context: ({ input }) => initialRoundContext(input),
  states: {
    draft: {
      on: {
        "scope.submitted": { target: "scoped", guard: guardOf("scope.submitted"), actions: "recordScope" },
      },
    },
    scoped: {
      on: {
        "scope.submitted": { target: "scoped", guard: guardOf("scope.submitted"), actions: "recordScope" },
        "needs.reviewed": {
          target: "needsReviewed",
          guard: guardOf("needs.reviewed"),
          actions: "recordNeedsReview",
        },
      },
    },
    needsReviewed: {
      on: {
        "candidates.chosen": {
          target: "candidatesChosen",
          guard: guardOf("candidates.chosen"),
          actions: "recordCandidates",
        },
      },
    },
    candidatesChosen: {
      on: {
        "candidates.chosen": {
          target: "candidatesChosen",
          guard: guardOf("candidates.chosen"),
          actions: "recordCandidates",
        },
        "rules.applied": {
          target: "rulesApplied",
          guard: guardOf("rules.applied"),
          actions: "recordRuleResults",
        },
      },
    },
    rulesApplied: {
      on: {
        "rule.overridden": {
          target: "rulesApplied",
          guard: guardOf("rule.overridden"),
          actions: "recordOverride",
        },
        "scenario.chosen": {
          target: "scenarioChosen",
          guard: guardOf("scenario.chosen"),
          actions: "recordScenario",
        },
      },
    },
    scenarioChosen: {
      on: {
        "scenario.chosen": {
          target: "scenarioChosen",
          guard: guardOf("scenario.chosen"),
          actions: "recordScenario",
        },
        "analysis.completed": {
          target: "analysed",
          guard: guardOf("analysis.completed"),
          actions: "recordAnalysis",
        },
      },
    },
    analysed: {
      on: {
        "analysis.completed": {
          target: "analysed",
          guard: guardOf("analysis.completed"),
          actions: "recordAnalysis",
        },
        "portfolio.proposed": {
          target: "portfolioProposed",
          guard: guardOf("portfolio.proposed"),
          actions: "recordPortfolio",
        },
      },
    },
    portfolioProposed: {
      on: {
        "portfolio.proposed": {
          target: "portfolioProposed",
          guard: guardOf("portfolio.proposed"),
          actions: "recordPortfolio",
        },
        "portfolio.submitted": { target: "committeeReview", guard: guardOf("portfolio.submitted") },
      },
    },
    committeeReview: {
      on: {
        "committee.commented": {
          target: "committeeReview",
          guard: guardOf("committee.commented"),
          actions: "recordComment",
        },
        "committee.approved": {
          target: "committeeReview",
          guard: guardOf("committee.approved"),
          actions: "recordApproval",
        },
        "committee.dissented": {
          target: "committeeReview",
          guard: guardOf("committee.dissented"),
          actions: "recordDissent",
        },
        "committee.returned": {
          target: "portfolioProposed",
          guard: guardOf("committee.returned"),
          actions: "recordReturn",
        },
        "decision.published": {
          target: "decided",
          guard: guardOf("decision.published"),
          actions: "recordDecision",
        },
      },
    },
    decided: {
      on: {
        "followup.recorded": {
          target: "followedUp",
          guard: guardOf("followup.recorded"),
          actions: "recordFollowUp",
        },
      },
    },
    followedUp: {
      on: {
        "followup.recorded": {
          target: "followedUp",
          guard: guardOf("followup.recorded"),
          actions: "recordFollowUp",
        },
      },
    },
  },
});
