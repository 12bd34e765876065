import { z } from "zod";

/** The roles of the project (shared vocabulary). Viewers may read a round but change nothing. */
export const RoleSchema = z.enum(["viewer", "analyst", "budget_planner", "committee", "admin"]);
export type Role = z.infer<typeof RoleSchema>;

/** Who sends an event: the signed-in user and the role they act in. */
export const ActorSchema = z.strictObject({ userId: z.string().min(1), role: RoleSchema });
export type Actor = z.infer<typeof ActorSchema>;

/**
 * What every round event carries: the actor, the time (ISO 8601, supplied by the caller: the engine
 * reads no clock) and an optional free-text reason for the audit trail.
 */
const base = {
  actor: ActorSchema,
  at: z.iso.datetime({ offset: true }),
  reason: z.string().optional(),
};

/** The scope of a round (DESIGN §6): areas, groups, period and budget (SEK). */
export const RoundScopeSchema = z.strictObject({
  areas: z.array(z.string()),
  groups: z.array(z.string()),
  period: z.strictObject({ from: z.string(), to: z.string() }),
  budget: z.number(),
});
export type RoundScope = z.infer<typeof RoundScopeSchema>;

/** A candidate excluded by a rule when the rule set ran (DESIGN §5, event type `exclude`). */
export const RuleExclusionSchema = z.strictObject({
  candidateId: z.string(),
  rule: z.string(),
  reason: z.string(),
});
export type RuleExclusion = z.infer<typeof RuleExclusionSchema>;

/** The reference to a stored analysis result (`livsval.result/1`): enough to reproduce it. */
export const AnalysisRefSchema = z.strictObject({
  inputHash: z.string(),
  seed: z.number(),
  engineVersion: z.string(),
  resultId: z.string().optional(),
});
export type AnalysisRef = z.infer<typeof AnalysisRefSchema>;

/** A measured change recorded at follow-up: expected vs measured, with the measurement's standard uncertainty. */
export const FollowUpMeasurementSchema = z.strictObject({
  candidateId: z.string().optional(),
  segment: z.string().optional(),
  dimension: z.string(),
  expectedChange: z.number(),
  measuredChange: z.number(),
  u: z.number().min(0),
});
export type FollowUpMeasurement = z.infer<typeof FollowUpMeasurementSchema>;

/**
 * The events of a prioritisation round, in dotted lower case (STYLE: Machines). The schemas check
 * shape only; whether an event is allowed (order, role, completeness) is the machine's guards' job,
 * so that a refusal can say which rule of the workflow it broke.
 */
export const RoundEventSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("scope.submitted"), ...base, scope: RoundScopeSchema }),
  z.strictObject({
    type: z.literal("needs.reviewed"),
    ...base,
    profileRefs: z.array(z.string()),
    note: z.string(),
  }),
  z.strictObject({ type: z.literal("candidates.chosen"), ...base, candidateIds: z.array(z.string()) }),
  z.strictObject({
    type: z.literal("rules.applied"),
    ...base,
    ruleSet: z.strictObject({ id: z.string(), version: z.string() }),
    exclusions: z.array(RuleExclusionSchema),
  }),
  z.strictObject({ type: z.literal("rule.overridden"), ...base, candidateId: z.string(), rule: z.string() }),
  z.strictObject({
    type: z.literal("scenario.chosen"),
    ...base,
    primary: z.string(),
    sensitivity: z.array(z.string()),
  }),
  z.strictObject({ type: z.literal("analysis.completed"), ...base, analysis: AnalysisRefSchema }),
  z.strictObject({
    type: z.literal("portfolio.proposed"),
    ...base,
    selected: z.array(z.string()),
    rationale: z.record(z.string(), z.string()),
  }),
  z.strictObject({ type: z.literal("portfolio.submitted"), ...base }),
  z.strictObject({ type: z.literal("committee.commented"), ...base, comment: z.string() }),
  z.strictObject({ type: z.literal("committee.approved"), ...base }),
  z.strictObject({ type: z.literal("committee.dissented"), ...base }),
  z.strictObject({ type: z.literal("committee.returned"), ...base, comments: z.array(z.string()) }),
  z.strictObject({ type: z.literal("decision.published"), ...base, summary: z.string() }),
  z.strictObject({
    type: z.literal("followup.recorded"),
    ...base,
    note: z.string(),
    measurements: z.array(FollowUpMeasurementSchema),
  }),
]);
export type RoundEvent = z.infer<typeof RoundEventSchema>;
export type RoundEventType = RoundEvent["type"];

/** Every event type, in workflow order. */
export const ROUND_EVENT_TYPES = RoundEventSchema.options.map(
  (o) => o.shape.type.value,
) as readonly RoundEventType[];
