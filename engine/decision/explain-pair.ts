import { EngineInputError } from "../errors";
import type { SampledCandidate, SampledModel } from "../ranking/sample-model";
import type { WelfareState } from "../ranking/welfare-state";
import { Q_FLOOR, welfareFromSum, welfareTerm } from "../ranking/welfare-terms";
import type { FiredRule, RuleOutcome } from "../rules/evaluate-rules";

/** One segment × dimension cell's share of two candidates' expected impacts. */
export interface PairCell {
  segment: string;
  dimension: string;
  /** Its part of E[ΔW_A] and of E[ΔW_B], QoL points per resident. */
  a: number;
  b: number;
  /** a − b. */
  difference: number;
}

/** Why A and B differ. */
export interface PairExplanation {
  a: string;
  b: string;
  impactA: number;
  impactB: number;
  /** E[ΔW_A] − E[ΔW_B]; equals the sum of the cells' differences. */
  difference: number;
  /** Every cell either candidate changes, the largest |difference| first. */
  cells: PairCell[];
  /** Rules that fired for A and for B. */
  rules: { a: FiredRule[]; b: FiredRule[] };
}

/** The derivative of f(Q) = Q^(1−ε) (ln Q at ε = 1). */
function termSlope(q: number, eps: number): number {
  return eps === 0 ? 1 : eps === 1 ? 1 / q : (1 - eps) * Math.pow(q, -eps);
}

/** The derivative of g(S) = S^(1/(1−ε)) (exp S at ε = 1). */
function edeSlope(sum: number, eps: number): number {
  return eps === 0 ? 1 : eps === 1 ? Math.exp(sum) : Math.pow(sum, eps / (1 - eps)) / (1 - eps);
}

/**
 * Decompose a candidate's E[ΔW] into segment × dimension cells, exactly. Per draw,
 * ΔW = g(S + Σ_s δ_s) − g(S) with δ_s = p_s (f(Q_s + ΔQ_s) − f(Q_s)) and ΔQ_s = Σ_d w_d e_{s,d}.
 * Each step is split by its secant slope (the "proportional" or secant attribution, exact
 * because a secant times the sum of the parts is the whole change):
 * ΔW = Σ_s G·δ_s with G = (g(S + Σδ) − g(S)) / Σδ, and δ_s = Σ_d F_s·p_s w_d e_{s,d} with
 * F_s = (f(Q_s + ΔQ_s) − f(Q_s)) / ΔQ_s; where a denominator is 0 the derivative replaces the
 * secant. The cells of a draw sum to its ΔW, and their means to E[ΔW]. At ε = 0 this is the
 * plain p_s w_d e_{s,d}.
 */
function cellContributions(
  model: SampledModel,
  state: WelfareState,
  c: SampledCandidate,
): Map<string, number> {
  const { draws, shares } = model;
  const { eps, weights, composite, terms } = state;
  const out = new Map<string, number>();
  const delta = new Float64Array(draws);
  const parts = c.segments.map(({ segment, effects }) => {
    const off = segment * draws;
    const dq = new Float64Array(draws);
    for (const e of effects)
      for (let t = 0; t < draws; t++) dq[t]! += weights[e.dimension * draws + t]! * e.draws[t]!;
    const slope = new Float64Array(draws);
    for (let t = 0; t < draws; t++) {
      const q0 = composite[off + t]!;
      const q1 = eps > 0 ? Math.max(q0 + dq[t]!, Q_FLOOR) : q0 + dq[t]!;
      const df = eps === 0 ? dq[t]! : welfareTerm(q1, eps) - terms[off + t]!;
      slope[t] = dq[t] !== 0 ? df / dq[t]! : termSlope(q0, eps);
      delta[t]! += shares[segment]! * df;
    }
    return { segment, effects, slope };
  });
  const g = new Float64Array(draws);
  for (let t = 0; t < draws; t++) {
    const s = state.sum[t]!;
    g[t] =
      delta[t] !== 0
        ? (welfareFromSum(s + delta[t]!, eps) - state.welfare[t]!) / delta[t]!
        : edeSlope(s, eps);
  }
  for (const { segment, effects, slope } of parts) {
    for (const e of effects) {
      let total = 0;
      for (let t = 0; t < draws; t++) {
        total += g[t]! * slope[t]! * shares[segment]! * weights[e.dimension * draws + t]! * e.draws[t]!;
      }
      out.set(`${segment}\u0000${e.dimension}`, total / draws);
    }
  }
  return out;
}

/**
 * Explain the difference in expected equitable impact between two candidates: the segment ×
 * dimension cells that contribute most to E[ΔW_A] − E[ΔW_B] (an exact decomposition that sums
 * to the total, see the secant attribution above), and the rules that acted on each.
 *
 * @param model - the sampled model of the analysis
 * @param state - the baseline under the scenario's weights and ε
 * @param rules - the rule outcomes per candidate (model order), or [] when there are none
 * @param a - id of candidate A
 * @param b - id of candidate B
 * @returns the explanation
 * @throws EngineInputError when an id is unknown
 */
export function explainPair(
  model: SampledModel,
  state: WelfareState,
  rules: readonly RuleOutcome[],
  a: string,
  b: string,
): PairExplanation {
  const ia = model.candidates.findIndex((c) => c.id === a);
  const ib = model.candidates.findIndex((c) => c.id === b);
  if (ia === -1 || ib === -1)
    throw new EngineInputError("explainPair", `unknown candidate "${ia === -1 ? a : b}"`);
  const ca = cellContributions(model, state, model.candidates[ia]!);
  const cb = cellContributions(model, state, model.candidates[ib]!);
  const keys = [...new Set([...ca.keys(), ...cb.keys()])];
  const cells = keys.map((key): PairCell => {
    const [s, d] = key.split("\u0000").map(Number) as [number, number];
    const x = ca.get(key) ?? 0;
    const y = cb.get(key) ?? 0;
    return { segment: model.segmentIds[s]!, dimension: model.dimIds[d]!, a: x, b: y, difference: x - y };
  });
  cells.sort((p, q) => Math.abs(q.difference) - Math.abs(p.difference) || p.segment.localeCompare(q.segment));
  const impactA = [...ca.values()].reduce((s, v) => s + v, 0);
  const impactB = [...cb.values()].reduce((s, v) => s + v, 0);
  return {
    a,
    b,
    impactA,
    impactB,
    difference: impactA - impactB,
    cells,
    rules: { a: rules[ia]?.trace ?? [], b: rules[ib]?.trace ?? [] },
  };
}
