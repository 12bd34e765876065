import { z } from "zod";
import { EngineInputError } from "../errors";
import { DistSchema } from "../random";
import { RuleListSchema } from "../rules/rule-schema";
import { formatIssues, issuesToText, type InputIssue } from "./format-issues";

export const ANALYSIS_FORMAT = "livsval.analysis/1";

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const id = z.string().min(1, "must not be empty");

const ScoreSchema = z.strictObject({ value: finite, u: finite.min(0, "must be ≥ 0") });

const SegmentSchema = z.strictObject({
  id,
  population: finite.refine((v) => v > 0, "must be > 0"),
  scores: z.record(id, ScoreSchema),
});

const EffectSchema = z.strictObject({
  segment: id,
  dimension: id,
  change: DistSchema,
  reach: finite.min(0, "must be ≥ 0").max(1, "must be ≤ 1"),
});

const InterventionSchema = z.strictObject({
  id,
  label: z.string(),
  cost: DistSchema,
  effects: z.array(EffectSchema),
  attributes: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Dimension weights of a scenario (DESIGN §7): exact numbers, intervals [lo, hi] (a bare number
 * among intervals is a fixed weight), an ordinal ranking (most important first) or "none".
 */
export const WeightsSchema = z.union([
  z.literal("none"),
  z.strictObject({ order: z.array(id).min(1, "must list at least one dimension") }),
  z.record(
    id,
    z.union([
      finite.min(0, "must be ≥ 0"),
      z
        .tuple([finite.min(0, "must be ≥ 0"), finite.max(1, "must be ≤ 1")])
        .refine(([lo, hi]) => lo <= hi, { message: "must have lo ≤ hi", path: [1] }),
    ]),
  ),
]);
export type Weights = z.infer<typeof WeightsSchema>;

export const AnalysisScenarioSchema = z.strictObject({
  id,
  weights: WeightsSchema,
  inequalityAversion: finite.min(0, "must be ≥ 0"),
  rankBy: z.enum(["impact", "costEffectiveness"]).optional(),
  /**
   * Group priority weights (DESIGN §1 "scenario"): per group code (the part of a segment id after
   * its last ":"), a factor > 0 on the segment's population share in the welfare function;
   * groups not named keep factor 1.
   */
  groupWeights: z
    .record(
      id,
      finite.refine((v) => v > 0, "must be > 0"),
    )
    .optional(),
});

/** The group code of a segment id ("1283-S1:age_65_79_f" → "age_65_79_f"; no ":" → the whole id). */
export function segmentGroup(segmentId: string): string {
  return segmentId.slice(segmentId.lastIndexOf(":") + 1);
}

const base = z.strictObject({
  format: z.literal(ANALYSIS_FORMAT),
  /** Free text: what the analysis is, where its data come from (say "synthetic" when it is). */
  notes: z.string().optional(),
  seed: z.number().int("must be an integer").min(0, "must be ≥ 0").max(4294967295, "must be < 2^32"),
  draws: z.number().int("must be an integer").min(2, "must be ≥ 2").max(1_000_000, "must be ≤ 1000000"),
  dimensions: z.array(z.strictObject({ id, label: z.string() })).min(1, "must list at least one dimension"),
  segments: z.array(SegmentSchema).min(1, "must list at least one segment"),
  interventions: z.array(InterventionSchema),
  scenario: AnalysisScenarioSchema,
  rules: RuleListSchema.optional(),
  budget: finite.min(0, "must be ≥ 0").optional(),
});

/** A self-contained, reproducible analysis, `livsval.analysis/1` (DESIGN §7), after cross-checks. */
export const AnalysisSchema = base.superRefine((a, ctx) => {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const dims = new Set<string>();
  a.dimensions.forEach((d, i) => {
    if (dims.has(d.id)) issue(["dimensions", i, "id"], `duplicates the dimension id "${d.id}"`);
    dims.add(d.id);
  });
  const segments = new Map<string, (typeof a.segments)[number]>();
  const eps = a.scenario.inequalityAversion;
  a.segments.forEach((s, i) => {
    if (segments.has(s.id)) issue(["segments", i, "id"], `duplicates the segment id "${s.id}"`);
    segments.set(s.id, s);
    for (const d of Object.keys(s.scores)) {
      if (!dims.has(d)) issue(["segments", i, "scores", d], `refers to an unknown dimension "${d}"`);
    }
    for (const d of dims) {
      if (!(d in s.scores)) issue(["segments", i, "scores"], `has no score for dimension "${d}"`);
    }
  });
  const ids = new Set<string>();
  a.interventions.forEach((iv, i) => {
    if (ids.has(iv.id)) issue(["interventions", i, "id"], `duplicates the intervention id "${iv.id}"`);
    ids.add(iv.id);
    const cells = new Set<string>();
    iv.effects.forEach((e, k) => {
      if (!segments.has(e.segment))
        issue(["interventions", i, "effects", k, "segment"], `refers to an unknown segment "${e.segment}"`);
      if (!dims.has(e.dimension))
        issue(
          ["interventions", i, "effects", k, "dimension"],
          `refers to an unknown dimension "${e.dimension}"`,
        );
      const cell = `${e.segment}\u0000${e.dimension}`;
      if (cells.has(cell))
        issue(
          ["interventions", i, "effects", k],
          `repeats the effect on segment "${e.segment}", dimension "${e.dimension}"`,
        );
      cells.add(cell);
    });
  });
  a.interventions.forEach((iv, i) => {
    const attrs = iv.attributes ?? {};
    for (const key of ["dependsOn", "excludes"] as const) {
      if (!(key in attrs)) continue;
      const list = attrs[key];
      if (!Array.isArray(list) || list.some((x) => typeof x !== "string")) {
        issue(["interventions", i, "attributes", key], "must be a list of intervention ids");
        continue;
      }
      list.forEach((other: string, k: number) => {
        if (!ids.has(other))
          issue(["interventions", i, "attributes", key, k], `refers to an unknown intervention "${other}"`);
        else if (other === iv.id)
          issue(["interventions", i, "attributes", key, k], "refers to the intervention itself");
      });
    }
    if ("department" in attrs && typeof attrs.department !== "string") {
      issue(["interventions", i, "attributes", "department"], "must be a string");
    }
  });
  const groups = new Set(a.segments.map((sg) => segmentGroup(sg.id)));
  for (const g of Object.keys(a.scenario.groupWeights ?? {})) {
    if (!groups.has(g))
      issue(
        ["scenario", "groupWeights", g],
        `refers to no segment's group (groups: ${[...groups].join(", ")})`,
      );
  }
  const w = a.scenario.weights;
  const wPath = ["scenario", "weights"];
  let exact: Record<string, number> | null = null;
  const order = w !== "none" && Array.isArray(w.order) ? (w.order as string[]) : null;
  if (order) {
    const seen = new Set<string>();
    order.forEach((d, k) => {
      if (!dims.has(d)) issue([...wPath, "order", k], `refers to an unknown dimension "${d}"`);
      if (seen.has(d)) issue([...wPath, "order", k], `repeats dimension "${d}"`);
      seen.add(d);
    });
    for (const d of dims) if (!seen.has(d)) issue([...wPath, "order"], `does not rank dimension "${d}"`);
  } else if (w !== "none") {
    const rec = w as Record<string, number | [number, number]>;
    for (const d of Object.keys(rec))
      if (!dims.has(d)) issue([...wPath, d], `refers to an unknown dimension "${d}"`);
    for (const d of dims) if (!(d in rec)) issue(wPath, `gives no weight for dimension "${d}"`);
    const values = Object.values(rec);
    if (values.every((v) => typeof v === "number")) {
      const sum = (values as number[]).reduce((s, v) => s + v, 0);
      if (!(sum > 0)) issue(wPath, "must have a positive sum");
      else
        exact = Object.fromEntries(
          Object.entries(rec as Record<string, number>).map(([d, v]) => [d, v / sum]),
        );
    } else {
      let lo = 0;
      let hi = 0;
      for (const v of values) {
        lo += typeof v === "number" ? v : v[0];
        hi += typeof v === "number" ? v : v[1];
      }
      if (lo > 1 + 1e-12 || hi < 1 - 1e-12) {
        issue(
          wPath,
          `intervals admit no weights summing to 1 (lower bounds sum to ${lo}, upper bounds to ${hi})`,
        );
      }
    }
  }
  if (eps > 0) {
    a.segments.forEach((s, i) => {
      // with exact weights Q_s is known; otherwise any weight vector may put all weight on the lowest score
      const q = exact
        ? Object.entries(exact).reduce((sum, [d, wd]) => sum + wd * (s.scores[d]?.value ?? 0), 0)
        : Math.min(...Object.values(s.scores).map((sc) => sc.value));
      if (!(q > 0)) {
        issue(
          ["segments", i, "scores"],
          `gives a composite score ${q} ≤ 0, but inequality aversion ${eps} > 0 needs Q_s > 0`,
        );
      }
    });
  }
});
export type Analysis = z.infer<typeof AnalysisSchema>;
export type AnalysisIntervention = Analysis["interventions"][number];
export type AnalysisSegment = Analysis["segments"][number];

/**
 * Validate an analysis without throwing.
 * @param input - parsed JSON of unknown shape
 * @returns the analysis, or the issues with path-precise messages
 */
export function validateAnalysis(
  input: unknown,
): { success: true; data: Analysis } | { success: false; issues: InputIssue[] } {
  // reportInput: zod 4 leaves a value's input off its issues otherwise, and format-issues tells a
  // missing key ("is required") from a wrong type ("must be a number") by that input
  const r = AnalysisSchema.safeParse(input, { reportInput: true });
  return r.success
    ? { success: true, data: r.data }
    : { success: false, issues: formatIssues(r.error.issues) };
}

/**
 * Validate an analysis (zod schema of DESIGN §7 plus cross-checks: unknown segments and
 * dimensions, duplicate ids, weights over unknown dimensions, Q_s ≤ 0 with ε > 0).
 * @param input - parsed JSON of unknown shape
 * @returns the validated analysis
 * @throws EngineInputError listing every issue as `path message`
 */
export function parseAnalysis(input: unknown): Analysis {
  const r = validateAnalysis(input);
  if (!r.success) throw new EngineInputError("parseAnalysis", issuesToText(r.issues));
  return r.data;
}
