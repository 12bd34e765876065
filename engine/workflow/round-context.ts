import { z } from "zod";
import {
  ActorSchema,
  AnalysisRefSchema,
  FollowUpMeasurementSchema,
  RoundScopeSchema,
  RuleExclusionSchema,
} from "./round-events";

/** Who did something and when (the time comes from the event, never from a clock). */
const stamp = { by: ActorSchema, at: z.string() };

/** A committee member's note; `returned` marks the comments sent back with a return. */
export const CommitteeCommentSchema = z.strictObject({ ...stamp, text: z.string(), returned: z.boolean() });

/**
 * What a prioritisation round holds (DESIGN §6): scope, candidates and the rule exclusions with
 * their overrides, the chosen scenarios, a reference to the analysis result, the proposed portfolio
 * with a rationale per candidate, the committee's comments, approvals and dissents (reservationer),
 * the decision and the follow-ups. Parsed with zod when a persisted round is restored.
 */
export const RoundContextSchema = z.strictObject({
  roundId: z.string().min(1),
  title: z.string(),
  createdBy: ActorSchema,
  createdAt: z.string(),
  /** Distinct committee approvals needed before a decision can be published. */
  committeeQuorum: z.int().min(1),
  scope: RoundScopeSchema.nullable(),
  needsReview: z.strictObject({ ...stamp, profileRefs: z.array(z.string()), note: z.string() }).nullable(),
  candidates: z.array(z.string()),
  ruleSet: z.strictObject({ id: z.string(), version: z.string() }).nullable(),
  exclusions: z.array(RuleExclusionSchema),
  overrides: z.array(
    z.strictObject({ ...stamp, candidateId: z.string(), rule: z.string(), reason: z.string() }),
  ),
  scenario: z.strictObject({ primary: z.string(), sensitivity: z.array(z.string()) }).nullable(),
  analysis: z.strictObject({ ...stamp, ref: AnalysisRefSchema }).nullable(),
  portfolio: z
    .strictObject({ ...stamp, selected: z.array(z.string()), rationale: z.record(z.string(), z.string()) })
    .nullable(),
  committee: z.strictObject({
    comments: z.array(CommitteeCommentSchema),
    approvals: z.array(z.strictObject(stamp)),
    dissents: z.array(z.strictObject({ ...stamp, reason: z.string() })),
    returns: z.int().min(0),
  }),
  decision: z
    .strictObject({
      ...stamp,
      summary: z.string(),
      selected: z.array(z.string()),
      approvedBy: z.array(z.string()),
      dissentedBy: z.array(z.string()),
    })
    .nullable(),
  followUps: z.array(
    z.strictObject({ ...stamp, note: z.string(), measurements: z.array(FollowUpMeasurementSchema) }),
  ),
});
export type RoundContext = z.infer<typeof RoundContextSchema>;

/** What a new round starts from. */
export const RoundInputSchema = z.strictObject({
  roundId: z.string().min(1),
  title: z.string(),
  createdBy: ActorSchema,
  createdAt: z.iso.datetime({ offset: true }),
  committeeQuorum: z.int().min(1).optional(),
});
export type RoundInput = z.infer<typeof RoundInputSchema>;

/**
 * The context of a new round in `draft`: nothing chosen yet.
 * @param input - the round's id, title, creator and creation time
 * @returns a fresh context
 */
export function initialRoundContext(input: RoundInput): RoundContext {
  return {
    roundId: input.roundId,
    title: input.title,
    createdBy: { ...input.createdBy },
    createdAt: input.createdAt,
    committeeQuorum: input.committeeQuorum ?? 1,
    scope: null,
    needsReview: null,
    candidates: [],
    ruleSet: null,
    exclusions: [],
    overrides: [],
    scenario: null,
    analysis: null,
    portfolio: null,
    committee: { comments: [], approvals: [], dissents: [], returns: 0 },
    decision: null,
    followUps: [],
  };
}
