import { optimisePortfolio } from "../portfolio/optimise-portfolio";
import { distMean } from "../random";
import { DEFAULT_CONFIDENCE_PASSES, rankInterventions } from "../ranking/rank-interventions";
import { sampleModel, type SampledModel } from "../ranking/sample-model";
import { summariseDraws } from "../ranking/summarise-draws";
import { welfareState, type WelfareState } from "../ranking/welfare-state";
import { evaluateRules, type RuleOutcome } from "../rules/evaluate-rules";
import { targetFacts } from "../rules/target-facts";
import { evpi } from "../sensitivity/evpi";
import { groupEvppi } from "../sensitivity/evppi";
import { switchingValues } from "../sensitivity/switching-values";
import { tornado } from "../sensitivity/tornado";
import { ENGINE_VERSION } from "../version";
import { parseAnalysis, type Analysis } from "./analysis-schema";
import { inputHash } from "./canonical-json";
import { RESULT_FORMAT, type PortfolioResult, type Result } from "./result-schema";

/** Options of {@link analyse}. */
export interface AnalyseOptions {
  /** Override the file's draws. */
  draws?: number;
  /** Override the file's seed. */
  seed?: number;
  /** Compute SMAA-2 confidence factors (default true). */
  confidenceFactors?: boolean;
  /** Add the tornado of the top candidate and the switching values (default false). */
  sensitivity?: boolean;
  /** Told about progress (phase, done, total), e.g. to print on stderr in a CLI. */
  onProgress?: (phase: string, done: number, total: number) => void;
}

/** An analysis run in full, with the sampled model kept for sensitivity and explanations. */
export interface AnalysisRun {
  result: Result;
  analysis: Analysis;
  model: SampledModel;
  state: WelfareState;
  rules: RuleOutcome[];
  /** Per-draw ΔW of each candidate (analysis order). */
  impacts: Float64Array[];
  /** Per-draw ranking criterion of each candidate (analysis order). */
  criteria: Float64Array[];
}

function weightKind(w: Analysis["scenario"]["weights"]): Result["scenario"]["weights"] {
  if (w === "none") return "none";
  if (Array.isArray(w.order) && (w.order as unknown[]).every((x) => typeof x === "string")) return "ordinal";
  return Object.values(w).every((v) => typeof v === "number") ? "exact" : "intervals";
}

/** Rule outcomes for every intervention of an analysis (DESIGN §5 facts). */
export async function applyRules(analysis: Analysis): Promise<RuleOutcome[]> {
  return evaluateRules(
    analysis.rules ?? [],
    analysis.interventions.map((iv) => ({
      intervention: { ...structuredClone(iv), expectedCost: distMean(iv.cost) },
      target: targetFacts(analysis, iv),
    })),
  );
}

/**
 * Run a `livsval.analysis/1` end to end (DESIGN §4–§5, §7): validate, apply the rules,
 * draw the model on common random numbers, rank the candidates the rules let through, choose
 * the best portfolio when a budget is given, and compute EVPI; the result is
 * `livsval.result/1`, the same bytes for the same input and seed.
 *
 * @param input - parsed JSON of the analysis
 * @param options - overrides and switches
 * @returns the result and the sampled model
 * @throws EngineInputError listing every problem of the input, path by path
 */
export async function analyseRun(input: unknown, options: AnalyseOptions = {}): Promise<AnalysisRun> {
  const overridden =
    input !== null && typeof input === "object" && !Array.isArray(input)
      ? {
          ...(input as Record<string, unknown>),
          ...(options.draws !== undefined ? { draws: options.draws } : {}),
          ...(options.seed !== undefined ? { seed: options.seed } : {}),
        }
      : input;
  const analysis = parseAnalysis(overridden);
  const rules = await applyRules(analysis);
  const factors = new Map(rules.map((r) => [r.candidate, r.factor]));
  options.onProgress?.("sampling", 0, 1);
  const model = sampleModel(analysis, factors);
  const eps = analysis.scenario.inequalityAversion;
  const state = welfareState(model, eps);
  const rankBy = analysis.scenario.rankBy ?? "impact";
  const ranked = rules.map((r) => !r.excluded);
  const outcome = rankInterventions(model, state, ranked, {
    rankBy,
    confidenceFactors: options.confidenceFactors,
    onProgress: (phase, d, t) => options.onProgress?.(phase, d, t),
  });
  const warnings: string[] = [];
  if (state.floored > 0) {
    warnings.push(
      `${state.floored} of ${model.draws * model.segmentIds.length} baseline composite draws were ≤ 0.01 and raised to 0.01 (ε > 0 needs Q > 0)`,
    );
  }
  if (outcome.confidenceSkipped > 0) {
    warnings.push(
      `confidence factors were computed for the ${DEFAULT_CONFIDENCE_PASSES} candidates most often first; ${outcome.confidenceSkipped} more were first in some draw and have none`,
    );
  }
  if (outcome.nonPositiveCostDraws > 0) {
    warnings.push(
      `${outcome.nonPositiveCostDraws} cost draws were ≤ 0 and left out of cost-effectiveness intervals`,
    );
  }
  const rankedIndex = ranked.flatMap((r, k) => (r ? [k] : []));
  let voiCriteria = rankedIndex.map((k) => outcome.criteria[k]!);
  let voiRankBy = rankBy;
  if (!voiCriteria.every((c) => c.every(Number.isFinite))) {
    voiCriteria = rankedIndex.map((k) => outcome.impacts[k]!);
    voiRankBy = "impact";
    warnings.push(
      "cost-effectiveness was unbounded in some draws (cost ≤ 0): EVPI and EVPPI are given on impact instead",
    );
  }
  const evpiValue = evpi(voiCriteria);
  const evppi = model.draws >= 4 ? groupEvppi(model, voiCriteria, rankedIndex, voiRankBy) : [];
  let portfolio: PortfolioResult | undefined;
  if (analysis.budget !== undefined) {
    const ids = new Map(analysis.interventions.map((iv, i) => [iv.id, i]));
    const attr = (i: number, key: string) => analysis.interventions[i]!.attributes?.[key];
    const caps = new Map<string, number>();
    for (const r of rules)
      for (const cap of r.caps)
        caps.set(cap.department, Math.min(caps.get(cap.department) ?? Infinity, cap.amount));
    const excludes: [number, number][] = [];
    analysis.interventions.forEach((_, i) => {
      for (const other of (attr(i, "excludes") as string[] | undefined) ?? [])
        excludes.push([i, ids.get(other)!]);
    });
    options.onProgress?.("portfolio", 0, 1);
    const choice = optimisePortfolio(model, state, {
      budget: analysis.budget,
      allowed: ranked,
      required: rules.map((r) => r.required),
      dependsOn: analysis.interventions.map((_, i) =>
        ((attr(i, "dependsOn") as string[] | undefined) ?? []).map((id) => ids.get(id)!),
      ),
      excludes,
      department: analysis.interventions.map((_, i) => (attr(i, "department") as string | undefined) ?? null),
      caps,
    });
    if (!choice.exact)
      warnings.push(`portfolio search stopped after ${choice.nodes} nodes: the selection may not be optimal`);
    portfolio = {
      budget: analysis.budget,
      feasible: choice.feasible,
      selected: choice.selected.map((i) => analysis.interventions[i]!.id),
      cost: choice.cost,
      impact: summariseDraws(choice.impact),
      pWithinBudget: choice.pWithinBudget,
      conflicts: choice.conflicts,
      nodes: choice.nodes,
    };
  }
  let sensitivity: Result["sensitivity"];
  if (options.sensitivity && outcome.ranking.length >= 2) {
    options.onProgress?.("sensitivity", 0, 1);
    const w = analysis.scenario.weights;
    const bounds = new Map<string, [number, number]>();
    if (weightKind(w) === "intervals") {
      for (const [d, v] of Object.entries(w as Record<string, number | [number, number]>)) {
        bounds.set(d, typeof v === "number" ? [v, v] : v);
      }
    }
    const top = model.candidates.findIndex((c) => c.id === outcome.ranking[0]);
    sensitivity = {
      tornado: tornado(model, eps, top, bounds),
      switching: switchingValues(model, eps, ranked, { rankBy }),
    };
  }
  const result: Result = {
    format: RESULT_FORMAT,
    inputHash: inputHash(analysis),
    engineVersion: ENGINE_VERSION,
    seed: analysis.seed,
    draws: analysis.draws,
    scenario: {
      id: analysis.scenario.id,
      inequalityAversion: eps,
      rankBy,
      weights: weightKind(analysis.scenario.weights),
    },
    baseline: { welfare: summariseDraws(state.welfare), population: model.totalPopulation },
    interventions: analysis.interventions.map((iv, k) => {
      const c = outcome.candidates[k]!;
      const r = rules[k]!;
      return {
        id: iv.id,
        label: iv.label,
        status: r.excluded ? "excluded" : "ranked",
        reasons: r.reasons,
        flags: r.flags,
        required: r.required,
        adjustment: r.factor,
        trace: r.trace,
        impact: c.impact,
        totalImpact: c.totalImpact,
        costEffectiveness: c.costEffectiveness,
        expectedCost: c.expectedCost,
        pPositive: c.pPositive,
        pBest: c.pBest,
        rankAcceptability: c.rankAcceptability,
        expectedRank: c.expectedRank,
        centralWeights: c.centralWeights,
        confidenceFactor: c.confidenceFactor,
      };
    }),
    ranking: outcome.ranking,
    ...(portfolio ? { portfolio } : {}),
    evpi: evpiValue,
    evppi,
    ...(sensitivity ? { sensitivity } : {}),
    warnings,
  };
  return { result, analysis, model, state, rules, impacts: outcome.impacts, criteria: outcome.criteria };
}

/**
 * Run an analysis and return only its `livsval.result/1` ({@link analyseRun}).
 * @param input - parsed JSON of the analysis
 * @param options - overrides and switches
 * @returns the result
 * @throws EngineInputError listing every problem of the input
 */
export async function analyse(input: unknown, options: AnalyseOptions = {}): Promise<Result> {
  return (await analyseRun(input, options)).result;
}
