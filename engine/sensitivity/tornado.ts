import { EngineInputError } from "../errors";
import type { SampledCandidate, SampledModel } from "../ranking/sample-model";
import { welfareChange } from "../ranking/welfare-change";
import { welfareState } from "../ranking/welfare-state";
import { fixedWeights, meanWeights, setWeight } from "./expected-criteria";

/** One bar of a tornado diagram. */
export interface TornadoBar {
  kind: "weight" | "epsilon" | "effect";
  /** What was moved: a dimension id, "ε", or "<segment> · <dimension>" for an effect. */
  input: string;
  /** The input's low and high settings (weight, ε, or change among those reached). */
  lowSetting: number;
  highSetting: number;
  /** E[ΔW] of the candidate at the low and high setting. */
  low: number;
  high: number;
  /** |high − low|. */
  swing: number;
}

/** A tornado diagram for one candidate's expected impact. */
export interface Tornado {
  candidate: string;
  /** E[ΔW] with weights fixed at the scenario's mean weights and ε as given. */
  base: number;
  /** Bars, widest first. */
  bars: TornadoBar[];
}

function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return (
    sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!)
  );
}

function mean(x: Float64Array): number {
  let s = 0;
  for (let t = 0; t < x.length; t++) s += x[t]!;
  return s / x.length;
}

/**
 * One-at-a-time sensitivity of a candidate's expected impact E[ΔW] (a tornado diagram; Eschenbach,
 * "Spiderplots versus tornado diagrams for sensitivity analysis", Interfaces 22(6), 1992):
 * - each dimension's weight from its interval bounds (when the scenario gives intervals) or from
 *   ½× to 1½× its mean weight, the others rescaled in proportion to keep Σw = 1;
 * - ε from max(0, ε − 1) to ε + 1;
 * - each of the candidate's effects at the 5th and 95th percentile of its draws (type 7
 *   interpolation, Hyndman & Fan 1996), held constant over the draws.
 * Everything else stays on its Monte Carlo draws, with weights fixed at the mean weights.
 *
 * @param model - the sampled model
 * @param eps - the scenario's ε
 * @param candidate - the candidate's index in the model
 * @param weightBounds - per dimension, [lo, hi] bounds to use instead of ½×/1½× (e.g. interval weights)
 * @returns the tornado, bars sorted by swing
 * @throws EngineInputError when the candidate index is out of range
 */
export function tornado(
  model: SampledModel,
  eps: number,
  candidate: number,
  weightBounds: ReadonlyMap<string, [number, number]> = new Map(),
): Tornado {
  const c = model.candidates[candidate];
  if (!c) throw new EngineInputError("tornado", "candidate index out of range");
  const { draws } = model;
  const w0 = meanWeights(model);
  const baseState = welfareState(model, eps, fixedWeights(w0, draws));
  const impactWith = (cand: SampledCandidate, st = baseState) => mean(welfareChange(model, st, [cand]));
  const bars: TornadoBar[] = [];
  const push = (
    kind: TornadoBar["kind"],
    input: string,
    lowSetting: number,
    highSetting: number,
    low: number,
    high: number,
  ) => bars.push({ kind, input, lowSetting, highSetting, low, high, swing: Math.abs(high - low) });

  model.dimIds.forEach((dim, d) => {
    const [lo, hi] = weightBounds.get(dim) ?? [w0[d]! * 0.5, Math.min(1, w0[d]! * 1.5)];
    const at = (w: number) =>
      impactWith(c, welfareState(model, eps, fixedWeights(setWeight(w0, d, w), draws)));
    push("weight", dim, lo, hi, at(lo), at(hi));
  });
  const eLo = Math.max(0, eps - 1);
  const eHi = eps + 1;
  push(
    "epsilon",
    "ε",
    eLo,
    eHi,
    impactWith(c, welfareState(model, eLo, baseState.weights)),
    impactWith(c, welfareState(model, eHi, baseState.weights)),
  );
  c.segments.forEach(({ segment, effects }, si) => {
    effects.forEach((e, ei) => {
      const sorted = Float64Array.from(e.draws).sort();
      const at = (value: number) =>
        impactWith({
          ...c,
          segments: c.segments.map((sg, k) =>
            k !== si
              ? sg
              : {
                  ...sg,
                  effects: sg.effects.map((ef, j) =>
                    j !== ei ? ef : { ...ef, draws: new Float64Array(draws).fill(value) },
                  ),
                },
          ),
        });
      const p5 = quantile(sorted, 0.05);
      const p95 = quantile(sorted, 0.95);
      const unit = e.scale > 0 ? e.scale : 1;
      push(
        "effect",
        `${model.segmentIds[segment]} · ${model.dimIds[e.dimension]}`,
        p5 / unit,
        p95 / unit,
        at(p5),
        at(p95),
      );
    });
  });
  bars.sort((a, b) => b.swing - a.swing);
  return { candidate: c.id, base: impactWith(c), bars };
}
