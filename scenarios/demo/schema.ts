import { z } from "zod";
import { DistSchema } from "../../engine/random";

/** The format tag of the demo round's candidate file. */
export const DEMO_ROUND_FORMAT = "livsval.demo-round/1";

/** Dimension ids (DESIGN §1, shared vocabulary): the OECD framework's 11 current dimensions and 4 capitals. */
export const DIMENSION_IDS = [
  "income_wealth",
  "work_job_quality",
  "housing",
  "health",
  "knowledge_skills",
  "environmental_quality",
  "subjective_wellbeing",
  "safety",
  "work_life_balance",
  "social_connections",
  "civic_engagement",
  "economic_capital",
  "natural_capital",
  "human_capital",
  "social_capital",
] as const;

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const positive = finite.refine((v) => v > 0, "must be > 0");
const text = z.string().trim().min(1, "must not be empty");
const Bilingual = z.strictObject({ sv: text, en: text });
/** "<areaId>:<groupCode>", group codes of the shared vocabulary ("1283:age_20_44_f"). */
const SegmentId = z
  .string()
  .regex(/^\d{4}:age_(0_19|20_44|45_64|65_79|80p)_[fm]$/, "must be <area>:age_<band>_<f|m>");
/** Where a number comes from: a cited source, a conversion of one, or an assumption of this demo. */
const Basis = z.enum(["source", "source-assumption", "source-derived", "assumption"]);

export const DemoSourceSchema = z.strictObject({
  id: text,
  title: text,
  publisher: text,
  url: z.url(),
  /** The copy in the repository and the row used, when the figure comes from a file. */
  file: z.string().optional(),
  row: z.string().optional(),
  licence: text,
  note: z.string().optional(),
});

export const ExchangeRateSchema = z.strictObject({
  id: text,
  from: z.string().length(3),
  to: z.literal("SEK"),
  year: z.int(),
  /** SEK per one unit of `from`. */
  rate: positive,
  sourceId: text,
  note: text,
});

export const CostLevelSchema = z.strictObject({
  id: text,
  /** The source's `Country income` values this factor applies to. */
  appliesTo: z.array(text).min(1),
  /** Swedish delivery cost per WELLBY ÷ the source's cost per WELLBY. */
  factor: positive,
  /** Extra relative standard uncertainty of the effect from transferring the evidence to Helsingborg. */
  transferCv: finite.min(0),
  basis: Basis,
  note: text,
});

export const EvidenceGradeSchema = z.enum(["A", "B", "C", "D"]);

export const ConversionsSchema = z.strictObject({
  exchangeRates: z.array(ExchangeRateSchema).min(1),
  costLevels: z.array(CostLevelSchema).min(1),
  wellbyToQol: z.strictObject({
    dimension: z.literal("subjective_wellbeing"),
    /** QoL points (0–100 score) per life-satisfaction point (0–10 scale). */
    qolPointsPerLifeSatisfactionPoint: positive,
    basis: Basis,
    note: text,
  }),
  evidenceGrades: z
    .array(z.strictObject({ grade: EvidenceGradeSchema, rule: text, effectCv: finite.min(0) }))
    .length(4),
  costUncertainty: z.strictObject({
    dist: z.literal("pert"),
    minFactor: positive,
    maxFactor: positive,
    basis: Basis,
    note: text,
  }),
  formulas: z.array(text).min(1),
});

export const DemoEffectSchema = z.strictObject({
  segment: SegmentId,
  dimension: z.enum(DIMENSION_IDS),
  /** Change in QoL points (0–100) among those reached. */
  change: DistSchema,
  /** Share of the segment reached, 0..1. */
  reach: finite.min(0).max(1),
  basis: Basis,
});

export const CostDerivationSchema = z.strictObject({
  sourceId: text,
  costPerWellby: z.strictObject({ value: positive, currency: z.string().length(3) }),
  wellbysPer1000: positive,
  exchangeRateId: text,
  costLevelId: text,
  effectDurationYears: positive,
  durationBasis: Basis,
  /** Life-satisfaction points (0–10) gained per participant per year while the effect lasts (assumption). */
  lifeSatisfactionGainPerYear: positive,
  wellbysPerParticipant: positive,
  costPerWellbySek: positive,
  costPerParticipantSek: positive,
  expectedBudgetSek: positive,
  firstYearQolChange: positive,
  effectCv: positive,
});

export const DemoCandidateSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case"),
  label: Bilingual,
  description: Bilingual,
  department: z.strictObject({ id: text, sv: text, en: text }),
  legalMandate: z.strictObject({ statutory: z.boolean(), basis: text }),
  evidenceGrade: EvidenceGradeSchema,
  dependsOn: z.array(text),
  excludes: z.array(text),
  participants: z.int().min(1),
  targetSegments: z.array(SegmentId).min(1),
  cost: DistSchema,
  costDerivation: CostDerivationSchema,
  effects: z.array(DemoEffectSchema).min(1),
  /** Facts for the rule set (DESIGN §5: rules read `$.attributes.…`). */
  attributes: z.strictObject({
    evidenceGrade: EvidenceGradeSchema,
    department: text,
    statutory: z.boolean(),
    sourceCountryIncome: text,
    effectDurationYears: positive,
    illustrative: z.literal(true),
  }),
});
export type DemoCandidate = z.infer<typeof DemoCandidateSchema>;

/**
 * The demo round's candidate interventions for Helsingborg with their sources, the conversions
 * used (currency, cost level, WELLBY → QoL points) and notes. Cross-checks: ids unique, every
 * reference (source, rate, cost level, dependency, exclusion) resolves, effects only on target
 * segments, segments listed with their populations.
 */
export const DemoRoundSchema = z
  .strictObject({
    format: z.literal(DEMO_ROUND_FORMAT),
    id: text,
    title: Bilingual,
    illustrative: z.literal(true),
    area: z.string().regex(/^\d{4}$/),
    period: z.strictObject({ from: z.iso.date(), to: z.iso.date() }),
    budget: positive,
    segments: z.array(z.strictObject({ id: SegmentId, population: z.int().min(1), sourceId: text })).min(1),
    sources: z.array(DemoSourceSchema).min(1),
    conversions: ConversionsSchema,
    candidates: z.array(DemoCandidateSchema).min(12).max(20),
    notes: z.array(text).min(1),
  })
  .superRefine((r, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const unique = (ids: string[], path: PropertyKey[]) =>
      ids.forEach((id, i) => ids.indexOf(id) !== i && issue([...path, i, "id"], `duplicates id "${id}"`));
    unique(
      r.candidates.map((c) => c.id),
      ["candidates"],
    );
    unique(
      r.sources.map((s) => s.id),
      ["sources"],
    );
    unique(
      r.segments.map((s) => s.id),
      ["segments"],
    );
    const sources = new Set(r.sources.map((s) => s.id));
    const rates = new Set(r.conversions.exchangeRates.map((x) => x.id));
    const levels = new Set(r.conversions.costLevels.map((x) => x.id));
    const candidates = new Set(r.candidates.map((c) => c.id));
    const segments = new Set(r.segments.map((s) => s.id));
    r.segments.forEach((s, i) => {
      if (!sources.has(s.sourceId)) issue(["segments", i, "sourceId"], `unknown source "${s.sourceId}"`);
    });
    r.conversions.exchangeRates.forEach((x, i) => {
      if (!sources.has(x.sourceId))
        issue(["conversions", "exchangeRates", i, "sourceId"], `unknown source "${x.sourceId}"`);
    });
    r.candidates.forEach((c, i) => {
      const at = (...p: PropertyKey[]) => ["candidates", i, ...p];
      const d = c.costDerivation;
      if (!sources.has(d.sourceId)) issue(at("costDerivation", "sourceId"), `unknown source "${d.sourceId}"`);
      if (!rates.has(d.exchangeRateId))
        issue(at("costDerivation", "exchangeRateId"), `unknown rate "${d.exchangeRateId}"`);
      if (!levels.has(d.costLevelId))
        issue(at("costDerivation", "costLevelId"), `unknown cost level "${d.costLevelId}"`);
      for (const [key, ids] of [
        ["dependsOn", c.dependsOn],
        ["excludes", c.excludes],
      ] as const) {
        ids.forEach((id, k) => {
          if (!candidates.has(id) || id === c.id)
            issue(at(key, k), `must name another candidate, not "${id}"`);
        });
      }
      if (c.attributes.evidenceGrade !== c.evidenceGrade)
        issue(at("attributes", "evidenceGrade"), "must equal evidenceGrade");
      if (c.attributes.department !== c.department.id)
        issue(at("attributes", "department"), "must equal department.id");
      if (c.attributes.statutory !== c.legalMandate.statutory)
        issue(at("attributes", "statutory"), "must equal legalMandate.statutory");
      c.targetSegments.forEach((s, k) => {
        if (!segments.has(s)) issue(at("targetSegments", k), `unknown segment "${s}"`);
      });
      const cells = new Set<string>();
      c.effects.forEach((e, k) => {
        if (!c.targetSegments.includes(e.segment))
          issue(at("effects", k, "segment"), `is not a target segment of ${c.id}`);
        const cell = `${e.segment} ${e.dimension}`;
        if (cells.has(cell)) issue(at("effects", k), `repeats ${cell}`);
        cells.add(cell);
      });
    });
    // exclusions are symmetric: if a excludes b, b excludes a
    for (const c of r.candidates) {
      for (const other of c.excludes) {
        const o = r.candidates.find((x) => x.id === other);
        if (o && !o.excludes.includes(c.id)) {
          issue(
            ["candidates", r.candidates.indexOf(o), "excludes"],
            `must list "${c.id}", which excludes it`,
          );
        }
      }
    }
  });
export type DemoRound = z.infer<typeof DemoRoundSchema>;

/**
 * The candidates as `livsval.analysis/1` interventions (DESIGN §7): Swedish label, cost, effects
 * without their `basis`, and the rule facts plus dependencies, exclusions and owner department in
 * `attributes`.
 * @param round - a validated demo round
 * @returns one analysis intervention per candidate
 */
export function toAnalysisInterventions(round: DemoRound) {
  return round.candidates.map((c) => ({
    id: c.id,
    label: c.label.sv,
    cost: c.cost,
    effects: c.effects.map(({ segment, dimension, change, reach }) => ({
      segment,
      dimension,
      change,
      reach,
    })),
    attributes: { ...c.attributes, dependsOn: [...c.dependsOn], excludes: [...c.excludes] },
  }));
}
