import { z } from "zod";

/** The operators json-rules-engine 7 knows by default (its README, "Operators"). */
export const RULE_OPERATORS = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
] as const;

/** The two facts a Livsval rule may read (DESIGN §5). */
export const RULE_FACTS = ["intervention", "target"] as const;

/** A json-rules-engine condition: a fact test, or all/any/not over nested conditions. */
export type RuleCondition =
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition }
  | {
      fact: (typeof RULE_FACTS)[number];
      operator: (typeof RULE_OPERATORS)[number];
      value: unknown;
      path?: string;
    };

const finite = z.number().refine(Number.isFinite, "must be a finite number");

export const RuleConditionSchema: z.ZodType<RuleCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(RuleConditionSchema).min(1, "must list at least one condition") }),
    z.strictObject({ any: z.array(RuleConditionSchema).min(1, "must list at least one condition") }),
    z.strictObject({ not: RuleConditionSchema }),
    z.strictObject({
      fact: z.enum(RULE_FACTS),
      operator: z.enum(RULE_OPERATORS),
      value: z.union([
        finite,
        z.string(),
        z.boolean(),
        z.null(),
        z.array(z.union([finite, z.string(), z.boolean()])),
      ]),
      path: z
        .string()
        .regex(
          /^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/,
          'must be a simple JSONPath such as "$.attributes.evidenceGrade"',
        )
        .optional(),
    }),
  ]),
);

/**
 * A rule's reason or message: one string (any language), or the same text in Swedish and English
 * for the UI to show in the user's language.
 */
export const RuleTextSchema = z.union([
  z.string().min(1),
  z.strictObject({ sv: z.string().min(1), en: z.string().min(1) }),
]);
export type RuleText = z.infer<typeof RuleTextSchema>;

/**
 * A rule text in one language: a pair's `sv` or `en`, a plain string as it is. Without a language,
 * English: what the engine writes into reasons, traces and result files.
 *
 * @param text - the rule's reason or message
 * @param lang - the language wanted (default "en")
 * @returns the text in that language, or the plain string
 */
export function ruleText(text: RuleText, lang: "sv" | "en" = "en"): string {
  return typeof text === "string" ? text : text[lang];
}

/** What a rule does when it fires (DESIGN §5). */
export const RuleEventSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("exclude"), params: z.strictObject({ reason: RuleTextSchema }) }),
  z.strictObject({
    type: z.literal("require"),
    params: z.strictObject({ reason: RuleTextSchema }).optional(),
  }),
  z.strictObject({
    type: z.literal("adjust"),
    params: z.strictObject({ factor: finite.min(0, "must be ≥ 0"), reason: RuleTextSchema }),
  }),
  z.strictObject({ type: z.literal("flag"), params: z.strictObject({ message: RuleTextSchema }) }),
  z.strictObject({
    type: z.literal("cap"),
    params: z.strictObject({ department: z.string().min(1), amount: finite.min(0, "must be ≥ 0") }),
  }),
]);
export type RuleEvent = z.infer<typeof RuleEventSchema>;

/** One rule: a name (shown in traces and reasons), top-level conditions and its event. */
export const RuleSchema = z.strictObject({
  name: z.string().min(1),
  priority: z.number().int().min(1).optional(),
  conditions: z.union([
    z.strictObject({ all: z.array(RuleConditionSchema).min(1, "must list at least one condition") }),
    z.strictObject({ any: z.array(RuleConditionSchema).min(1, "must list at least one condition") }),
    z.strictObject({ not: RuleConditionSchema }),
  ]),
  event: RuleEventSchema,
});
export type Rule = z.infer<typeof RuleSchema>;

/** A list of rules whose names are unique (a trace names a rule by its name). */
export const RuleListSchema = z.array(RuleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.name))
      ctx.addIssue({ code: "custom", path: [i, "name"], message: `duplicates the rule name "${r.name}"` });
    seen.add(r.name);
  });
});
