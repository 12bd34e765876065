import { z } from "zod";
import type { AnalysisScenarioSchema } from "../engine/decision/analysis-schema";
import { WeightsSchema } from "../engine/decision/analysis-schema";
import { RuleListSchema } from "../engine/rules/rule-schema";

/** The QoL dimensions of DESIGN §1 (shared vocabulary), with Swedish and English labels. */
export const DIMENSIONS = [
  { id: "income_wealth", sv: "inkomst och förmögenhet", en: "income and wealth" },
  { id: "work_job_quality", sv: "arbete och arbetskvalitet", en: "work and job quality" },
  { id: "housing", sv: "boende", en: "housing" },
  { id: "health", sv: "hälsa", en: "health" },
  { id: "knowledge_skills", sv: "kunskap och färdigheter", en: "knowledge and skills" },
  { id: "environmental_quality", sv: "miljökvalitet", en: "environmental quality" },
  { id: "subjective_wellbeing", sv: "subjektivt välbefinnande", en: "subjective well-being" },
  { id: "safety", sv: "trygghet och säkerhet", en: "safety" },
  { id: "work_life_balance", sv: "balans mellan arbete och fritid", en: "work-life balance" },
  { id: "social_connections", sv: "sociala relationer", en: "social connections" },
  { id: "civic_engagement", sv: "medborgerligt engagemang", en: "civic engagement" },
  { id: "economic_capital", sv: "ekonomiskt kapital", en: "economic capital" },
  { id: "natural_capital", sv: "naturkapital", en: "natural capital" },
  { id: "human_capital", sv: "humankapital", en: "human capital" },
  { id: "social_capital", sv: "socialt kapital", en: "social capital" },
] as const;

export type DimensionId = (typeof DIMENSIONS)[number]["id"];
const dimensionIds: ReadonlySet<string> = new Set(DIMENSIONS.map((d) => d.id));

const text = z.string().trim().min(1, "must not be empty");

/**
 * Where a scenario or rule set comes from: a cited source (with how the numbers were derived
 * from it), or an explicit statement that it is illustrative.
 */
export const ProvenanceSchema = z.union([
  z.strictObject({ illustrative: z.literal(true), note: text }),
  z.strictObject({ source: text, url: z.url().optional(), method: text }),
]);

/** A versioned weighting scenario (viktningsscenario), DESIGN §1 and §7. */
export const ScenarioSchema = z
  .strictObject({
    format: z.literal("livsval.scenario/1"),
    id: z.string().regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits and hyphens"),
    version: z.number().int().min(1),
    label: z.strictObject({ sv: text, en: text }),
    description: z.strictObject({ sv: text, en: text }),
    provenance: ProvenanceSchema,
    weights: WeightsSchema,
    inequalityAversion: z.number().min(0, "must be ≥ 0"),
    rankBy: z.enum(["impact", "costEffectiveness"]).optional(),
    /** Group priority weights per group code (e.g. "age_80p_f"), factors > 0 on population shares. */
    groupWeights: z.record(z.string().min(1), z.number().positive()).optional(),
  })
  .superRefine((s, ctx) => {
    const w = s.weights;
    const named = w === "none" ? [] : Array.isArray(w.order) ? (w.order as string[]) : Object.keys(w);
    named.forEach((d) => {
      if (!dimensionIds.has(d)) {
        ctx.addIssue({ code: "custom", path: ["weights"], message: `refers to an unknown dimension "${d}"` });
      }
    });
  });
export type Scenario = z.infer<typeof ScenarioSchema>;

/** A versioned rule set (regelverk), DESIGN §5. */
export const RuleSetSchema = z.strictObject({
  format: z.literal("livsval.rules/1"),
  id: z.string().regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits and hyphens"),
  version: z.number().int().min(1),
  label: z.strictObject({ sv: text, en: text }),
  provenance: ProvenanceSchema,
  rules: RuleListSchema,
});
export type RuleSet = z.infer<typeof RuleSetSchema>;

/** The scenario part of a `livsval.analysis/1`. */
export type AnalysisScenario = z.infer<typeof AnalysisScenarioSchema>;
