import { applyRules } from "../../engine/decision/analyse";
import { ANALYSIS_FORMAT, parseAnalysis } from "../../engine/decision/analysis-schema";
import { distMean, type Dist } from "../../engine/random";
import { ruleText, type Rule, type RuleCondition } from "../../engine/rules/rule-schema";
import type { RoundContext, RuleExclusion } from "../../engine/workflow";
import { listInterventions } from "../../db/repositories/intervention-repository";
import { findAreaProfileData } from "../../db/repositories/profile-repository";
import { getRuleSet, getScenario, listRuleSets, listScenarios, scenarioForAnalysis } from "../../scenarios";
import type { RuleSet, Scenario } from "../../scenarios/schema";
import type { Db } from "../../db/schema";
import { areaLabel, groupLabel } from "./group-names";
import { buildAreaProfile, type ScoreView } from "./profile.server";
import { ruleTextPairs, type RuleTextPair } from "./rule-text";

/** The groups a round can be scoped to: the project's age band × sex codes. */
const GROUP_CODE = /^age_\d+(_\d+|p)_[fm]$/;

export interface ScopeOptions {
  areas: { id: string; name: string; synthetic: boolean }[];
  groups: { code: string; label: string }[];
}

/** Areas and population groups offered in the scope form. */
export async function loadScopeOptions(db: Db, locale: "sv" | "en"): Promise<ScopeOptions> {
  // only areas with population segments can be profiled and analysed
  const areas = await db
    .selectFrom("areas")
    .selectAll()
    .where("id", "in", db.selectFrom("segments").select("area_id"))
    .orderBy("parent_id")
    .orderBy("id")
    .execute();
  const groups = await db.selectFrom("population_groups").selectAll().orderBy("code").execute();
  return {
    areas: areas.map((a) => ({
      id: a.id,
      name: areaLabel(a.id, a.name, locale),
      synthetic: a.synthetic === 1,
    })),
    groups: groups
      .filter((g) => GROUP_CODE.test(g.code))
      .map((g) => ({ code: g.code, label: groupLabel(g.code, g.label, locale) })),
  };
}

/** The names of the areas `ids` in the page's language, by id (an unknown id names itself). */
export async function loadAreaNames(
  db: Db,
  ids: readonly string[],
  locale: "sv" | "en",
): Promise<Record<string, string>> {
  const names: Record<string, string> = Object.fromEntries(ids.map((id) => [id, id]));
  if (ids.length === 0) return names;
  const rows = await db.selectFrom("areas").select(["id", "name"]).where("id", "in", ids).execute();
  for (const a of rows) names[a.id] = areaLabel(a.id, a.name, locale);
  return names;
}

export interface SegmentProfile {
  id: string;
  areaId: string;
  areaName: string;
  groupCode: string;
  label: string;
  population: number;
  synthetic: boolean;
  /** Per dimension: the segment's own score, or the area's score standing in for it (proxy). */
  scores: Record<string, (ScoreView & { proxy: boolean }) | null>;
}

export interface ScopeProfiles {
  dimensions: { id: string; label: string }[];
  segments: SegmentProfile[];
}

/**
 * The profiles of the segments in a scope (area × group), from the database. A dimension with no
 * score for a group takes the whole area's score, marked as a proxy.
 */
export async function loadScopeProfiles(
  db: Db,
  scope: { areas: readonly string[]; groups: readonly string[] },
  locale: "sv" | "en",
): Promise<ScopeProfiles> {
  let dimensions: { id: string; label: string }[] = [];
  const segments: SegmentProfile[] = [];
  for (const areaId of scope.areas) {
    const data = await findAreaProfileData(db, areaId);
    if (!data) continue;
    const view = buildAreaProfile(data, locale);
    if (dimensions.length === 0) dimensions = view.dimensions.map((d) => ({ id: d.id, label: d.label }));
    for (const s of view.segments) {
      if (!scope.groups.includes(s.groupCode)) continue;
      const scores: SegmentProfile["scores"] = {};
      for (const d of view.dimensions) {
        const own = s.scores[d.id];
        scores[d.id] = own ? { ...own, proxy: false } : d.score ? { ...d.score, proxy: true } : null;
      }
      segments.push({
        id: s.id,
        areaId,
        areaName: view.area.name,
        groupCode: s.groupCode,
        label: s.label,
        population: s.population,
        synthetic: s.synthetic || data.area.synthetic,
        scores,
      });
    }
  }
  return { dimensions, segments };
}

export interface CandidateIntervention {
  id: string;
  label: string;
  description: string | null;
  department: string | null;
  evidenceGrade: string | null;
  cost: Dist;
  expectedCost: number;
  attributes: Record<string, unknown>;
  effects: { segment: string; dimension: string; change: Dist; reach: number }[];
}

/** Every intervention in the database with its effects. */
export async function loadInterventions(db: Db): Promise<CandidateIntervention[]> {
  return (await listInterventions(db)).map((r) => ({
    id: r.id,
    label: r.label,
    description: r.description,
    department: r.department,
    evidenceGrade: r.evidence_grade,
    cost: r.cost,
    expectedCost: distMean(r.cost),
    attributes: r.attributes,
    effects: r.effects.map((e) => ({
      segment: e.segment_id,
      dimension: e.dimension_id,
      change: e.change,
      reach: e.reach,
    })),
  }));
}

/** The shipped weighting scenarios (scenarios/), validated when loaded. */
export function loadScenarios(): readonly Scenario[] {
  return listScenarios();
}

/** The shipped rule sets (scenarios/rules), validated when loaded. */
export function loadRuleSets(): readonly RuleSet[] {
  return listRuleSets();
}

/**
 * Rules with the round's overrides written into them: a rule overridden for a candidate no longer
 * fires for it (`not intervention.id in [...]`), so the analysis file itself says what was overridden.
 */
export function rulesWithOverrides(rules: readonly Rule[], context: RoundContext): Rule[] {
  return rules.map((rule) => {
    const ids = context.overrides.filter((o) => o.rule === rule.name).map((o) => o.candidateId);
    if (ids.length === 0) return rule;
    const unless: RuleCondition = { not: { fact: "intervention", path: "$.id", operator: "in", value: ids } };
    return { ...rule, conditions: { all: [rule.conditions as RuleCondition, unless] } };
  });
}

/**
 * The analysis note on dimensions where the area's score stands in for groups without their own
 * data, in English like the engine's warnings: each dimension by its English name (its id if unnamed).
 */
export function proxyNote(
  proxies: readonly (readonly [dimensionId: string, groups: number])[],
  groups: number,
  englishNames: ReadonlyMap<string, string>,
): string {
  return `the area's score stands in for groups without their own data: ${proxies
    .map(([d, n]) => `${englishNames.get(d) ?? d} (${n} of ${groups} groups)`)
    .join(", ")}`;
}

export interface AnalysisBuild {
  input: Record<string, unknown>;
  /** What was left out or stood in for, said to the analyst. */
  notes: string[];
}

/** Scores of a profile as the analysis wants them: a dimension every segment has a score for. */
function usableDimensions(profiles: ScopeProfiles): string[] {
  return profiles.dimensions
    .map((d) => d.id)
    .filter((d) => profiles.segments.every((s) => s.scores[d] !== null && s.scores[d] !== undefined));
}

/**
 * Build the `livsval.analysis/1` of a round (DESIGN §7) from the database: the segments in its scope
 * with their dimension scores and standard uncertainties, its chosen candidates with their effects on
 * those segments, the scenario, the rule set with the round's overrides, and the budget.
 */
export async function buildRoundAnalysis(
  db: Db,
  context: RoundContext,
  options: { scenarioId?: string; seed: number; draws: number; locale: "sv" | "en" },
): Promise<AnalysisBuild> {
  if (!context.scope) throw new Error("the round has no scope");
  const notes: string[] = [];
  const profiles = await loadScopeProfiles(db, context.scope, options.locale);
  const dims = usableDimensions(profiles);
  const dimSet = new Set(dims);
  const segIds = new Set(profiles.segments.map((s) => s.id));
  const proxies = dims
    .map((d) => [d, profiles.segments.filter((s) => s.scores[d]?.proxy).length] as const)
    .filter(([, n]) => n > 0);
  if (proxies.length > 0) {
    // the notes are written in English: the dimensions by their English names, not their ids
    const english = new Map(
      (await db.selectFrom("dimensions").select(["id", "label_en"]).execute()).map((d) => [d.id, d.label_en]),
    );
    notes.push(proxyNote(proxies, profiles.segments.length, english));
  }
  const all = await loadInterventions(db);
  const chosen = context.candidates
    .map((id) => all.find((iv) => iv.id === id))
    .filter((iv): iv is CandidateIntervention => iv !== undefined);
  const chosenIds = new Set(chosen.map((c) => c.id));
  const scenario = options.scenarioId === undefined ? undefined : getScenario(options.scenarioId);
  if (options.scenarioId !== undefined && !scenario)
    throw new Error(`scenario ${options.scenarioId} is not shipped`);
  const ruleSet = context.ruleSet ? getRuleSet(context.ruleSet.id) : undefined;
  const interventions = chosen.map((iv) => {
    const effects = iv.effects.filter((e) => segIds.has(e.segment) && dimSet.has(e.dimension));
    const dropped = iv.effects.length - effects.length;
    if (dropped > 0)
      notes.push(`${iv.id}: ${dropped} effect(s) outside the scope or without a baseline left out`);
    const attributes: Record<string, unknown> = { ...iv.attributes };
    for (const key of ["dependsOn", "excludes"]) {
      if (Array.isArray(attributes[key])) {
        attributes[key] = (attributes[key] as unknown[]).filter(
          (x) => typeof x === "string" && chosenIds.has(x),
        );
      }
    }
    if (iv.department && attributes.department === undefined) attributes.department = iv.department;
    if (iv.evidenceGrade && attributes.evidenceGrade === undefined)
      attributes.evidenceGrade = iv.evidenceGrade;
    return { id: iv.id, label: iv.label, cost: iv.cost, effects, attributes };
  });
  const input: Record<string, unknown> = {
    format: ANALYSIS_FORMAT,
    notes:
      `Round ${context.roundId} (${context.title}); scenario ${scenario ? `${scenario.id} v${scenario.version}` : "none"}${
        ruleSet ? `; rule set ${ruleSet.id} v${ruleSet.version}` : ""
      }. ${notes.join("; ")}`.trim(),
    seed: options.seed,
    draws: options.draws,
    dimensions: profiles.dimensions.filter((d) => dimSet.has(d.id)),
    segments: profiles.segments.map((s) => ({
      id: s.id,
      population: s.population,
      scores: Object.fromEntries(dims.map((d) => [d, { value: s.scores[d]!.value, u: s.scores[d]!.u ?? 0 }])),
    })),
    interventions,
    scenario: scenario
      ? scenarioForAnalysis(scenario, dims)
      : { id: "none", weights: "none", inequalityAversion: 0 },
    ...(ruleSet ? { rules: rulesWithOverrides(ruleSet.rules, context) } : {}),
    budget: context.scope.budget,
  };
  return { input, notes };
}

/**
 * Run a rule set over a round's chosen candidates (DESIGN §5) and return the exclusions, one per
 * candidate and excluding rule, with the rule's reason.
 */
export async function runRoundRules(
  db: Db,
  context: RoundContext,
  ruleSet: RuleSet,
  locale: "sv" | "en",
): Promise<RuleExclusion[]> {
  const { input } = await buildRoundAnalysis(
    db,
    { ...context, ruleSet: null, overrides: [] },
    {
      seed: 1,
      draws: 2,
      locale,
    },
  );
  const analysis = parseAnalysis({ ...input, rules: ruleSet.rules });
  const outcomes = await applyRules(analysis);
  return outcomes.flatMap((o) =>
    o.trace
      .filter((t) => t.event.type === "exclude")
      .map((t) => ({
        candidateId: o.candidate,
        rule: t.rule,
        reason: t.event.type === "exclude" ? ruleText(t.event.params.reason) : "",
      })),
  );
}

/** The Swedish/English reason pairs of a round's rule set: its stored (English) reasons in the user's language. */
export function roundRulePairs(context: RoundContext): RuleTextPair[] {
  const ruleSet = context.ruleSet ? getRuleSet(context.ruleSet.id) : undefined;
  return ruleSet ? ruleTextPairs(ruleSet.rules) : [];
}
