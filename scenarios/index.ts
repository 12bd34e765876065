import { segmentGroup } from "../engine/decision/analysis-schema";
import { EngineInputError } from "../engine/errors";
import helsingborg2026 from "./rules/helsingborg-2026.json";
import { ScenarioSchema, RuleSetSchema, type AnalysisScenario, type RuleSet, type Scenario } from "./schema";
import citizenPriorities from "./weights/citizen-priorities.json";
import equal from "./weights/equal.json";
import helsingborgProgramme from "./weights/helsingborg-programme.json";
import intervalsAroundEqual from "./weights/intervals-around-equal.json";
import noWeights from "./weights/no-weights.json";
import ordinalHealthFirst from "./weights/ordinal-health-first.json";
import strongEquity from "./weights/strong-equity.json";

// Parsed when the module loads: a bad scenario file stops the app and the CLI with zod's messages.
const scenarios: readonly Scenario[] = [
  equal,
  helsingborgProgramme,
  strongEquity,
  citizenPriorities,
  noWeights,
  ordinalHealthFirst,
  intervalsAroundEqual,
].map((s) => ScenarioSchema.parse(s));

const ruleSets: readonly RuleSet[] = [helsingborg2026].map((r) => RuleSetSchema.parse(r));

/** Every shipped weighting scenario, validated, in display order. */
export function listScenarios(): readonly Scenario[] {
  return scenarios;
}

/** A shipped scenario by id, or undefined. */
export function getScenario(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}

/** Every shipped rule set, validated. */
export function listRuleSets(): readonly RuleSet[] {
  return ruleSets;
}

/** A shipped rule set by id, or undefined. */
export function getRuleSet(id: string): RuleSet | undefined {
  return ruleSets.find((r) => r.id === id);
}

/**
 * The `scenario` of a `livsval.analysis/1` from a shipped scenario, for an analysis over some of
 * the dimensions. Exact weights and orders are restricted to those dimensions (exact weights are
 * renormalised by the engine; an order keeps its relative order). Interval bounds are absolute
 * shares, so on a subset they are rescaled by 1 / Σ of the subset's interval midpoints and
 * clipped to [0, 1]: an approximation that keeps each dimension's relative standing.
 *
 * Group priority weights are kept for the groups of `segmentIds` (all of them when not given).
 *
 * @param scenario - a validated scenario
 * @param dimIds - the analysis's dimensions
 * @param segmentIds - the analysis's segment ids, to keep only the group weights that apply
 * @returns the analysis scenario (`id` is `<id>@v<version>`)
 * @throws EngineInputError when the scenario gives no weight for one of the dimensions
 */
export function scenarioForAnalysis(
  scenario: Scenario,
  dimIds: readonly string[],
  segmentIds?: readonly string[],
): AnalysisScenario {
  const groups = segmentIds ? new Set(segmentIds.map(segmentGroup)) : null;
  const groupWeights = scenario.groupWeights
    ? Object.fromEntries(Object.entries(scenario.groupWeights).filter(([g]) => !groups || groups.has(g)))
    : undefined;
  const w = scenario.weights;
  const base = {
    id: `${scenario.id}@v${scenario.version}`,
    inequalityAversion: scenario.inequalityAversion,
    ...(scenario.rankBy ? { rankBy: scenario.rankBy } : {}),
    ...(groupWeights && Object.keys(groupWeights).length > 0 ? { groupWeights } : {}),
  };
  if (w === "none") return { ...base, weights: "none" };
  const named = Array.isArray(w.order) ? (w.order as string[]) : Object.keys(w);
  const missing = dimIds.filter((d) => !named.includes(d));
  if (missing.length > 0) {
    throw new EngineInputError(
      "scenarioForAnalysis",
      `scenario ${scenario.id} gives no weight for ${missing.join(", ")}`,
    );
  }
  if (Array.isArray(w.order))
    return { ...base, weights: { order: (w.order as string[]).filter((d) => dimIds.includes(d)) } };
  const rec = w as Record<string, number | [number, number]>;
  if (dimIds.every((d) => typeof rec[d] === "number")) {
    return { ...base, weights: Object.fromEntries(dimIds.map((d) => [d, rec[d] as number])) };
  }
  const mid = (v: number | [number, number]) => (typeof v === "number" ? v : (v[0] + v[1]) / 2);
  const scale = 1 / dimIds.reduce((s, d) => s + mid(rec[d]!), 0);
  const clip = (x: number) => Math.min(1, Math.max(0, x * scale));
  return {
    ...base,
    weights: Object.fromEntries(
      dimIds.map((d) => {
        const v = rec[d]!;
        const bounds: number | [number, number] = typeof v === "number" ? clip(v) : [clip(v[0]), clip(v[1])];
        return [d, bounds];
      }),
    ),
  };
}
