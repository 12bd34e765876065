import { EngineInputError } from "../errors";
import type { SampledModel } from "../ranking/sample-model";
import type { WelfareState } from "../ranking/welfare-state";
import { Q_FLOOR, welfareFromSum, welfareTerm } from "../ranking/welfare-terms";

/** The constraints of a portfolio choice (DESIGN §4). Candidates are named by model index. */
export interface PortfolioConstraints {
  /** Budget for the expected total cost, SEK. */
  budget: number;
  /** Candidates that may be chosen at all (not excluded by a rule). */
  allowed: readonly boolean[];
  /** Candidates that must be chosen (a `require` rule fired). */
  required: readonly boolean[];
  /** Per candidate, the candidates it depends on (all must be chosen with it). */
  dependsOn: readonly (readonly number[])[];
  /** Pairs that may not both be chosen. */
  excludes: readonly (readonly [number, number])[];
  /** Per candidate, its owner department (or null). */
  department: readonly (string | null)[];
  /** Per department, the most its chosen candidates may cost in expectation, SEK. */
  caps: ReadonlyMap<string, number>;
  /** Names for messages (default the candidate ids). */
  names?: readonly string[];
  /** Stop after this many branch-and-bound nodes (default 200 000); the answer is then marked inexact. */
  maxNodes?: number;
}

/** The best portfolio found. */
export interface PortfolioChoice {
  feasible: boolean;
  /** True when the search finished: the selection is the exact optimum on these draws. */
  exact: boolean;
  /** Chosen candidates (model indices, increasing). */
  selected: number[];
  /** Expected cost, SEK. */
  cost: number;
  /** Joint ΔW per draw (QoL points per resident). */
  impact: Float64Array;
  /** Its mean. */
  expectedImpact: number;
  /** P(Σ cost draws ≤ budget). */
  pWithinBudget: number;
  /** When infeasible: the constraints that conflict, in words. */
  conflicts: string[];
  nodes: number;
}

const TOL = 1e-9;

/** Conflicts visible without search: among required candidates and what they need. */
function obviousConflicts(
  n: number,
  c: PortfolioConstraints,
  name: (i: number) => string,
  cost: (i: number) => number,
): string[] {
  const out: string[] = [];
  const req = Array.from({ length: n }, (_, i) => i).filter((i) => c.required[i]);
  // the closure of required candidates under dependencies
  const need = new Set(req);
  const queue = [...req];
  while (queue.length > 0) {
    const i = queue.pop()!;
    for (const j of c.dependsOn[i] ?? []) {
      if (!need.has(j)) {
        need.add(j);
        queue.push(j);
      }
    }
  }
  for (const i of need) {
    if (!c.allowed[i])
      out.push(`${name(i)} is required${c.required[i] ? "" : " (as a dependency)"} but excluded by a rule`);
  }
  for (const [a, b] of c.excludes) {
    if (need.has(a) && need.has(b))
      out.push(`${name(a)} and ${name(b)} are both required but exclude each other`);
  }
  const needCost = [...need].reduce((s, i) => s + cost(i), 0);
  if (needCost > c.budget * (1 + TOL)) {
    out.push(
      `required candidates ${[...need].map(name).join(", ")} cost ${needCost} SEK, more than the budget ${c.budget} SEK`,
    );
  }
  const byDept = new Map<string, number>();
  for (const i of need) {
    const d = c.department[i];
    if (d !== null && d !== undefined) byDept.set(d, (byDept.get(d) ?? 0) + cost(i));
  }
  for (const [d, total] of byDept) {
    const cap = c.caps.get(d);
    if (cap !== undefined && total > cap * (1 + TOL)) {
      out.push(`required candidates of department ${d} cost ${total} SEK, more than its cap ${cap} SEK`);
    }
  }
  return out;
}

/**
 * The exact best 0/1 selection of candidates (DESIGN §4): the highest expected JOINT ΔW
 * E[EDE_ε(Q + Σ_{i∈S} Δ_i) − EDE_ε(Q)] on the shared draws, with expected cost within the budget,
 * required candidates in, excluded ones out, every chosen candidate's dependencies chosen,
 * no mutually exclusive pair, and each department's expected cost within its cap.
 *
 * Method: depth-first branch and bound (Land & Doig 1960) over include/exclude decisions, in
 * order of expected ΔW per SEK. The bound at a node with selection S uses that EDE_ε is concave
 * in Q for ε ≥ 0 (a power mean of order 1 − ε ≤ 1, Hardy, Littlewood & Pólya, "Inequalities", §2.9,
 * or the geometric mean at ε = 1), so per draw F(Q_S + Σ_{r∈R} Δ_r) ≤ F(Q_S) + Σ_{r∈R} ∇F(Q_S)·Δ_r
 * for any set R of further candidates; in expectation the gain of R is at most the sum of
 * c_r = E[∇F(Q_S)·Δ_r], and the best such sum within the remaining budget is bounded by the
 * fractional knapsack (Dantzig 1957) over the positive c_r. With ∂EDE/∂Q_s = p_s Q_s^(−ε) EDE^ε,
 * the bound is admissible, so pruning never loses the optimum. (Composites floored at
 * {@link Q_FLOOR} break concavity only in draws where that floor binds.)
 *
 * Infeasibility is found before the search, and completely: the smallest selection that honours
 * the requirements is the closure of the required candidates under dependencies, so the problem
 * is feasible exactly when that closure is allowed, free of exclusions and within budget and caps;
 * the conflicts reported are the ones that closure breaks.
 *
 * @param model - the sampled model
 * @param state - the baseline under the scenario's weights and ε
 * @param constraints - budget and constraints
 * @returns the best selection, or the conflicting constraints when none is feasible
 * @throws EngineInputError when constraint arrays do not match the candidates or the budget is negative
 */
export function optimisePortfolio(
  model: SampledModel,
  state: WelfareState,
  constraints: PortfolioConstraints,
): PortfolioChoice {
  const n = model.candidates.length;
  const c = constraints;
  for (const [key, arr] of [
    ["allowed", c.allowed],
    ["required", c.required],
    ["dependsOn", c.dependsOn],
    ["department", c.department],
  ] as const) {
    if (arr.length !== n)
      throw new EngineInputError("optimisePortfolio", `${key} must have one entry per candidate`);
  }
  if (!(c.budget >= 0)) throw new EngineInputError("optimisePortfolio", "budget must be ≥ 0");
  const { draws, shares } = model;
  const { eps, weights, composite, terms } = state;
  const name = (i: number) => c.names?.[i] ?? model.candidates[i]!.id;
  const cost = (i: number) => model.candidates[i]!.expectedCost;
  const maxNodes = c.maxNodes ?? 200_000;

  const empty = (conflicts: string[], nodes: number): PortfolioChoice => ({
    feasible: false,
    exact: true,
    selected: [],
    cost: 0,
    impact: new Float64Array(draws),
    expectedImpact: 0,
    pWithinBudget: 0,
    conflicts,
    nodes,
  });
  const conflicts = obviousConflicts(n, c, name, cost);
  if (conflicts.length > 0) return empty(conflicts, 0);

  // ΔQ_{i,s} per draw under the state's weights
  const deltas = model.candidates.map((cand) =>
    cand.segments.map(({ segment, effects }) => {
      const dq = new Float64Array(draws);
      for (const e of effects) {
        const wOff = e.dimension * draws;
        for (let t = 0; t < draws; t++) dq[t]! += weights[wOff + t]! * e.draws[t]!;
      }
      return { segment, dq };
    }),
  );
  const S = model.segmentIds.length;
  const added = new Float64Array(S * draws); // Σ_{i∈S} ΔQ_{i,s}
  const touchCount = new Int32Array(S);
  const sumNow = new Float64Array(draws);
  const ede = new Float64Array(draws);

  // E[F(Q_S)] − E[F(Q)], and EDE per draw
  const evaluate = (): number => {
    sumNow.set(state.sum);
    for (let s = 0; s < S; s++) {
      if (touchCount[s] === 0) continue;
      const off = s * draws;
      const p = shares[s]!;
      if (eps === 0) for (let t = 0; t < draws; t++) sumNow[t]! += p * added[off + t]!;
      else {
        for (let t = 0; t < draws; t++) {
          const q = Math.max(composite[off + t]! + added[off + t]!, Q_FLOOR);
          sumNow[t]! += p * (welfareTerm(q, eps) - terms[off + t]!);
        }
      }
    }
    let total = 0;
    for (let t = 0; t < draws; t++) {
      ede[t] = welfareFromSum(sumNow[t]!, eps);
      total += ede[t]! - state.welfare[t]!;
    }
    return total / draws;
  };
  // c_r = E[∇F(Q_S)·Δ_r], needs `ede` from the last evaluate()
  const gradientGain = (r: number): number => {
    let g = 0;
    for (const { segment, dq } of deltas[r]!) {
      const off = segment * draws;
      const p = shares[segment]!;
      if (eps === 0) for (let t = 0; t < draws; t++) g += p * dq[t]!;
      else {
        for (let t = 0; t < draws; t++) {
          const q = Math.max(composite[off + t]! + added[off + t]!, Q_FLOOR);
          g += p * Math.pow(q, -eps) * Math.pow(ede[t]!, eps) * dq[t]!;
        }
      }
    }
    return g / draws;
  };
  const apply = (i: number, sign: 1 | -1) => {
    for (const { segment, dq } of deltas[i]!) {
      const off = segment * draws;
      for (let t = 0; t < draws; t++) added[off + t]! += sign * dq[t]!;
      touchCount[segment]! += sign;
    }
  };

  // branching order: required first, then by standalone gain per SEK (zero-cost first)
  const candidates = Array.from({ length: n }, (_, i) => i).filter((i) => c.allowed[i]);
  const standalone = new Map<number, number>();
  evaluate();
  for (const i of candidates) standalone.set(i, gradientGain(i));
  const ratio = (i: number) =>
    cost(i) > 0 ? standalone.get(i)! / cost(i) : standalone.get(i)! >= 0 ? Infinity : -Infinity;
  candidates.sort((a, b) => Number(c.required[b]) - Number(c.required[a]) || ratio(b) - ratio(a) || a - b);

  const exclusive = new Map<number, Set<number>>();
  for (const [a, b] of c.excludes) {
    if (!exclusive.has(a)) exclusive.set(a, new Set());
    if (!exclusive.has(b)) exclusive.set(b, new Set());
    exclusive.get(a)!.add(b);
    exclusive.get(b)!.add(a);
  }
  const chosen = new Uint8Array(n);
  const decided = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (!c.allowed[i]) decided[i] = 1;
  const deptSpent = new Map<string, number>();
  let best: { value: number; selected: number[]; cost: number } | null = null;
  let nodes = 0;
  let exact = true;

  const leafFeasible = (): boolean => {
    for (let i = 0; i < n; i++) {
      if (!chosen[i]) continue;
      for (const j of c.dependsOn[i] ?? []) if (!chosen[j]) return false;
    }
    return true;
  };

  const search = (depth: number, spent: number): void => {
    nodes++;
    if (nodes > maxNodes) {
      exact = false;
      return;
    }
    const value = evaluate();
    if (depth === candidates.length) {
      if (!leafFeasible()) return;
      if (!best || value > best.value + TOL * Math.max(1, Math.abs(best.value))) {
        best = { value, selected: candidates.filter((i) => chosen[i]).sort((a, b) => a - b), cost: spent };
      }
      return;
    }
    if (best) {
      const room = c.budget - spent;
      const items = candidates
        .slice(depth)
        .map((r) => ({ gain: gradientGain(r), cost: cost(r) }))
        .filter((x) => x.gain > 0)
        .sort(
          (a, b) => (b.cost > 0 ? b.gain / b.cost : Infinity) - (a.cost > 0 ? a.gain / a.cost : Infinity),
        );
      let bound = value;
      let left = room;
      for (const x of items) {
        if (x.cost <= left) {
          bound += x.gain;
          left -= x.cost;
        } else {
          bound += (x.gain * Math.max(0, left)) / x.cost;
          break;
        }
      }
      if (bound <= best.value + TOL * Math.max(1, Math.abs(best.value))) return;
    }
    const i = candidates[depth]!;
    decided[i] = 1;
    const dept = c.department[i] ?? null;
    const cap = dept === null ? undefined : c.caps.get(dept);
    const canTake =
      spent + cost(i) <= c.budget * (1 + TOL) &&
      ![...(exclusive.get(i) ?? [])].some((j) => chosen[j]) &&
      !(c.dependsOn[i] ?? []).some((j) => decided[j] && !chosen[j]) &&
      (cap === undefined || (deptSpent.get(dept!) ?? 0) + cost(i) <= cap * (1 + TOL));
    if (canTake) {
      chosen[i] = 1;
      apply(i, 1);
      if (dept !== null) deptSpent.set(dept, (deptSpent.get(dept) ?? 0) + cost(i));
      search(depth + 1, spent + cost(i));
      if (dept !== null) deptSpent.set(dept, deptSpent.get(dept)! - cost(i));
      apply(i, -1);
      chosen[i] = 0;
    }
    // leaving i out is impossible if it is required, or a chosen candidate depends on it
    const neededByChosen = candidates.some((j) => chosen[j] && (c.dependsOn[j] ?? []).includes(i));
    if (!c.required[i] && !neededByChosen) search(depth + 1, spent);
    decided[i] = 0;
  };
  search(0, 0);

  if (!best) {
    return empty(
      [
        "no selection satisfies every constraint together (budget, department caps, dependencies, exclusions and requirements)",
      ],
      nodes,
    );
  }
  const found = best as { value: number; selected: number[]; cost: number };
  added.fill(0);
  touchCount.fill(0);
  for (const i of found.selected) apply(i, 1);
  evaluate();
  const impact = new Float64Array(draws);
  for (let t = 0; t < draws; t++) impact[t] = ede[t]! - state.welfare[t]!;
  let within = 0;
  for (let t = 0; t < draws; t++) {
    let total = 0;
    for (const i of found.selected) total += model.candidates[i]!.cost[t]!;
    if (total <= c.budget) within++;
  }
  return {
    feasible: true,
    exact,
    selected: found.selected,
    cost: found.cost,
    impact,
    expectedImpact: found.value,
    pWithinBudget: within / draws,
    conflicts: [],
    nodes,
  };
}
