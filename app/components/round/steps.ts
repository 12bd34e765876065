import type { Permission } from "~/auth/policy";
import { ROUND_STATES, type RoundState } from "../../../engine/workflow/round-states";

/** The round's states in workflow order (the machine's own list, without bundling xstate). */
export const STATES: readonly RoundState[] = ROUND_STATES;

/** The forms of the round page; each posts to `?step=<step>`. */
export const STEPS = [
  "scope",
  "needs",
  "candidates",
  "rules",
  "override",
  "scenario",
  "analyse",
  "portfolio",
  "submit",
  "review",
  "publish",
  "followup",
] as const;
export type Step = (typeof STEPS)[number];

/** The permission (app/auth/policy.ts) each step's action asks for before anything is read or written. */
export const STEP_PERMISSION: Record<Step, Permission> = {
  scope: "rounds.prepare",
  needs: "rounds.prepare",
  candidates: "rounds.prepare",
  rules: "rounds.analyse",
  override: "rounds.budget",
  scenario: "rounds.prepare",
  analyse: "rounds.analyse",
  portfolio: "rounds.budget",
  submit: "rounds.budget",
  review: "rounds.review",
  publish: "rounds.publish",
  followup: "rounds.followup",
};

/** The steps offered in each state (the machine decides in the end; this only picks the forms shown). */
export const STEPS_IN_STATE: Record<RoundState, readonly Step[]> = {
  draft: ["scope"],
  scoped: ["needs", "scope"],
  needsReviewed: ["candidates"],
  candidatesChosen: ["rules", "candidates"],
  rulesApplied: ["override", "scenario"],
  scenarioChosen: ["analyse", "scenario"],
  analysed: ["portfolio", "analyse"],
  portfolioProposed: ["submit", "portfolio"],
  committeeReview: ["review", "publish"],
  decided: ["followup"],
  followedUp: ["followup"],
};
