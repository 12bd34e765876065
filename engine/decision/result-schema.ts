import { z } from "zod";
import { RuleEventSchema } from "../rules/rule-schema";

export const RESULT_FORMAT = "livsval.result/1";

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const share = finite.min(0).max(1);
const interval = z.tuple([finite, finite]);
const SummarySchema = z.strictObject({ mean: finite, u: finite.min(0), interval });

const TraceSchema = z.strictObject({
  rule: z.string(),
  event: RuleEventSchema,
  conditions: z.array(
    z.strictObject({
      fact: z.string(),
      path: z.string().optional(),
      operator: z.string(),
      value: z.unknown(),
      factValue: z.unknown().optional(),
      result: z.boolean(),
    }),
  ),
});

export const ResultInterventionSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  status: z.enum(["ranked", "excluded"]),
  /** Why excluded, required or adjusted: "rule name: reason". */
  reasons: z.array(z.string()),
  /** Warnings for the committee from flag rules. */
  flags: z.array(z.string()),
  required: z.boolean(),
  /** Product of the adjust factors applied to its effects. */
  adjustment: finite.min(0),
  /** Every rule that fired and the fact values it saw. */
  trace: z.array(TraceSchema),
  impact: SummarySchema,
  totalImpact: SummarySchema,
  costEffectiveness: z.strictObject({ mean: finite.nullable(), interval: interval.nullable() }),
  expectedCost: finite,
  pPositive: share,
  pBest: share.nullable(),
  rankAcceptability: z.array(share),
  expectedRank: finite.nullable(),
  centralWeights: z.record(z.string(), finite).nullable(),
  confidenceFactor: share.nullable(),
});

export const PortfolioResultSchema = z.strictObject({
  budget: finite,
  feasible: z.boolean(),
  selected: z.array(z.string()),
  /** Expected cost of the selection, SEK. */
  cost: finite,
  /** Joint ΔW of the selection, QoL points per resident. */
  impact: SummarySchema,
  /** P(total cost ≤ budget) under cost uncertainty. */
  pWithinBudget: share,
  /** When infeasible: the constraints that conflict. */
  conflicts: z.array(z.string()),
  /** Branch-and-bound nodes visited. */
  nodes: z.number().int().min(0),
});

const SwitchPointSchema = z.strictObject({ at: finite, newTop: z.string() }).nullable();

/** Tornado of the top candidate and switching values of the top choice (DESIGN §4). */
export const SensitivityResultSchema = z.strictObject({
  tornado: z.strictObject({
    candidate: z.string(),
    base: finite,
    bars: z.array(
      z.strictObject({
        kind: z.enum(["weight", "epsilon", "effect"]),
        input: z.string(),
        lowSetting: finite,
        highSetting: finite,
        low: finite,
        high: finite,
        swing: finite,
      }),
    ),
  }),
  switching: z.strictObject({
    top: z.string(),
    epsilon: z.strictObject({ base: finite, lower: SwitchPointSchema, upper: SwitchPointSchema }),
    weights: z.array(
      z.strictObject({
        dimension: z.string(),
        base: finite,
        lower: SwitchPointSchema,
        upper: SwitchPointSchema,
      }),
    ),
  }),
});

/** `livsval.result/1` (DESIGN §7), with the rule traces and scenario echoed for the record. */
export const ResultSchema = z.strictObject({
  format: z.literal(RESULT_FORMAT),
  inputHash: z.string().regex(/^[0-9a-f]{64}$/),
  engineVersion: z.string(),
  seed: z.number().int().min(0),
  draws: z.number().int().min(2),
  scenario: z.strictObject({
    id: z.string(),
    inequalityAversion: finite,
    rankBy: z.enum(["impact", "costEffectiveness"]),
    weights: z.enum(["exact", "intervals", "ordinal", "none"]),
  }),
  baseline: z.strictObject({ welfare: SummarySchema, population: finite }),
  interventions: z.array(ResultInterventionSchema),
  ranking: z.array(z.string()),
  portfolio: PortfolioResultSchema.optional(),
  /** EVPI on the ranking criterion: E[max_i C_i] − max_i E[C_i] over ranked candidates. */
  evpi: finite,
  /**
   * Partial EVPI per input group (Strong & Oakley 2013 sort-and-bin on a scalar summary of the
   * group), largest first, in the units of `evpi`.
   */
  evppi: z
    .array(
      z.strictObject({
        kind: z.enum(["baseline", "effect", "weights", "cost"]),
        group: z.string(),
        evppi: finite,
      }),
    )
    .optional(),
  /** Present when asked for (`analyse --sensitivity`) and at least two candidates are ranked. */
  sensitivity: SensitivityResultSchema.optional(),
  warnings: z.array(z.string()),
});
export type Result = z.infer<typeof ResultSchema>;
export type ResultIntervention = z.infer<typeof ResultInterventionSchema>;
export type PortfolioResult = z.infer<typeof PortfolioResultSchema>;
