/**
 * The states of a prioritisation round, in workflow order (DESIGN §6). Kept apart from the machine
 * so that a page can list them without bundling xstate.
 */
export const ROUND_STATES = [
  "draft",
  "scoped",
  "needsReviewed",
  "candidatesChosen",
  "rulesApplied",
  "scenarioChosen",
  "analysed",
  "portfolioProposed",
  "committeeReview",
  "decided",
  "followedUp",
] as const;
export type RoundState = (typeof ROUND_STATES)[number];
