export { roundMachine, ROUND_MACHINE_VERSION, ROUND_STATES, type RoundState } from "./round-machine";
export { createRound, type RoundSnapshot } from "./create-round";
export { applyRoundEvent, type ApplyRoundEventResult, type RoundAuditEvent } from "./apply-round-event";
export { persistRound, type PersistedRound } from "./persist-round";
export { restoreRound } from "./restore-round";
export {
  roundGuards,
  STEP_GUARDS,
  STEP_ROLES,
  guardRefusal,
  excludedCandidates,
  type RoundGuardName,
} from "./round-guards";
export {
  RoundContextSchema,
  RoundInputSchema,
  initialRoundContext,
  type RoundContext,
  type RoundInput,
} from "./round-context";
export {
  RoundEventSchema,
  RoleSchema,
  ActorSchema,
  ROUND_EVENT_TYPES,
  type RoundEvent,
  type RoundEventType,
  type Role,
  type Actor,
  type RoundScope,
  type RuleExclusion,
  type AnalysisRef,
  type FollowUpMeasurement,
} from "./round-events";
