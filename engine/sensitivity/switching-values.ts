import { EngineInputError } from "../errors";
import type { RankBy } from "../ranking/rank-interventions";
import type { SampledModel } from "../ranking/sample-model";
import { welfareState } from "../ranking/welfare-state";
import { argmax, expectedCriteria, fixedWeights, meanWeights, setWeight } from "./expected-criteria";

/** Where the top candidate changes as one input moves away from its value. */
export interface SwitchPoint {
  /** The input value at which another candidate becomes best (to the bisection tolerance). */
  at: number;
  /** That candidate. */
  newTop: string;
}

/** Switching values of the top choice (DESIGN §4). */
export interface SwitchingValues {
  /** The best candidate at the scenario's settings. */
  top: string;
  epsilon: { base: number; lower: SwitchPoint | null; upper: SwitchPoint | null };
  weights: { dimension: string; base: number; lower: SwitchPoint | null; upper: SwitchPoint | null }[];
}

/** Options of {@link switchingValues}. */
export interface SwitchingOptions {
  rankBy: RankBy;
  /** Largest ε searched (default 10). */
  maxEpsilon?: number;
  /** Grid steps per direction before bisection (default 20). */
  steps?: number;
  /** Bisection tolerance on the input (default 1e-4). */
  tolerance?: number;
}

/**
 * Search from `from` towards `to` for the first point where `topAt` differs from `top`: a grid
 * of `steps` points brackets the first change, then bisection narrows it to `tolerance`
 * (a switch between grid points that switches back is not seen: the grid is the resolution).
 */
function findSwitch(
  from: number,
  to: number,
  top: number,
  topAt: (x: number) => number,
  steps: number,
  tolerance: number,
): { at: number; index: number } | null {
  let prev = from;
  for (let k = 1; k <= steps; k++) {
    const x = from + ((to - from) * k) / steps;
    const i = topAt(x);
    if (i !== top) {
      let lo = prev;
      let hi = x;
      let found = i;
      while (Math.abs(hi - lo) > tolerance) {
        const mid = (lo + hi) / 2;
        const j = topAt(mid);
        if (j === top) lo = mid;
        else {
          hi = mid;
          found = j;
        }
      }
      return { at: hi, index: found };
    }
    prev = x;
  }
  return null;
}

/**
 * Switching values (threshold analysis; Briggs, Claxton & Sculpher, "Decision Modelling for
 * Health Economic Evaluation", 2006, §4.2): the inequality aversion ε, and each dimension's
 * weight (others rescaled in proportion), at which the candidate with the best expected
 * criterion changes. The expected criterion is computed on the model's draws; for weights the
 * weight vector is fixed at the scenario's mean weights with one weight moved, for ε the
 * scenario's weight draws are kept. Found by a grid then bisection.
 *
 * @param model - the sampled model
 * @param eps - the scenario's ε
 * @param ranked - per candidate, whether it takes part
 * @param options - criterion and search settings
 * @returns the switching values, or null where none is found in the range
 * @throws EngineInputError when fewer than two candidates are ranked
 */
export function switchingValues(
  model: SampledModel,
  eps: number,
  ranked: readonly boolean[],
  options: SwitchingOptions,
): SwitchingValues {
  if (ranked.filter(Boolean).length < 2) {
    throw new EngineInputError("switchingValues", "at least two candidates must be ranked");
  }
  const steps = options.steps ?? 20;
  const tol = options.tolerance ?? 1e-4;
  const maxEps = options.maxEpsilon ?? 10;
  const name = (i: number) => model.candidates[i]!.id;
  const topAtEps = (e: number) =>
    argmax(expectedCriteria(model, welfareState(model, e), ranked, options.rankBy));
  const top = topAtEps(eps);
  const point = (r: { at: number; index: number } | null) => (r ? { at: r.at, newTop: name(r.index) } : null);
  const epsilon = {
    base: eps,
    lower: eps > 0 ? point(findSwitch(eps, 0, top, topAtEps, steps, tol)) : null,
    upper: eps < maxEps ? point(findSwitch(eps, maxEps, top, topAtEps, steps, tol)) : null,
  };
  const base = meanWeights(model);
  const weights = model.dimIds.map((dimension, d) => {
    const topAtW = (w: number) =>
      argmax(
        expectedCriteria(
          model,
          welfareState(model, eps, fixedWeights(setWeight(base, d, w), model.draws)),
          ranked,
          options.rankBy,
        ),
      );
    const atBase = topAtW(base[d]!);
    return {
      dimension,
      base: base[d]!,
      lower: base[d]! > 0 ? point(findSwitch(base[d]!, 0, atBase, topAtW, steps, tol)) : null,
      upper: base[d]! < 1 ? point(findSwitch(base[d]!, 1, atBase, topAtW, steps, tol)) : null,
    };
  });
  return { top: name(top), epsilon, weights };
}
