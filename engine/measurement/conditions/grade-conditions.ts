import { EngineInputError } from "../../errors";

/** How an indicator's value becomes an ordinal grade. */
export type GradeCuts =
  /** Stated goalposts in the indicator's unit, ascending. */
  | { readonly kind: "goalposts"; readonly cuts: readonly number[] }
  /** Cut points at these probabilities of the areas' own distribution (R's quantile type 7), ascending. */
  | { readonly kind: "quantiles"; readonly probs: readonly number[] };

/** One municipal condition graded against thresholds. */
export interface ConditionIndicator {
  readonly id: string;
  readonly label?: string;
  /** Whether a higher value is a better condition ("higher") or a lower one ("lower"). */
  readonly direction: "higher" | "lower";
  readonly grading: GradeCuts;
}

/** One area's indicator values (null = not available). */
export interface AreaConditions {
  readonly areaId: string;
  readonly values: Readonly<Record<string, number | null>>;
}

/** Areas × conditions as ordinal item scores, ready for a partial credit model. */
export interface GradedConditions {
  readonly items: string[];
  readonly areas: string[];
  /** Per area, per condition its grade 0..m (null when the value is missing). */
  readonly grades: (number | null)[][];
  /** The cut points used per condition, in its unit, ascending. */
  readonly cuts: Record<string, number[]>;
  /** Highest grade per condition (the number of cuts). */
  readonly maxGrades: number[];
  /** Per condition whether a higher value earns a higher grade ("higher") or a lower one ("lower"). */
  readonly directions: Record<string, "higher" | "lower">;
}

const FN = "gradeConditions";

/**
 * Grade areas' conditions for quality of life against thresholds: with ascending cut points
 * c_1 < … < c_m, a "higher is better" value x gets grade #{k : x ≥ c_k} and a "lower is better"
 * value gets #{k : x ≤ c_k}, an integer 0..m. Cuts are stated goalposts (data, as DESIGN §2's
 * normalisation) or quantiles of the areas' own values (Hyndman & Fan 1996, definition 7, R's
 * default `quantile` type). The grades are the items of a partial credit model over areas
 * (see {@link conditionsScale}), ordering the conditions by how hard each is to achieve.
 *
 * @param areas - per area its indicator values
 * @param indicators - the conditions, each with direction and thresholds
 * @returns areas × conditions grades with the cuts used
 * @throws EngineInputError for no indicators or areas, duplicate ids, cuts not strictly
 *   ascending, quantile probabilities outside (0, 1), or a non-finite value
 */
export function gradeConditions(
  areas: readonly AreaConditions[],
  indicators: readonly ConditionIndicator[],
): GradedConditions {
  if (indicators.length === 0) throw new EngineInputError(FN, "at least one indicator is needed");
  if (areas.length === 0) throw new EngineInputError(FN, "at least one area is needed");
  if (new Set(indicators.map((i) => i.id)).size !== indicators.length) {
    throw new EngineInputError(FN, "indicator ids must be unique");
  }
  if (new Set(areas.map((a) => a.areaId)).size !== areas.length) {
    throw new EngineInputError(FN, "area ids must be unique");
  }
  const cuts: Record<string, number[]> = {};
  for (const ind of indicators) {
    const values: number[] = [];
    for (const a of areas) {
      const v = a.values[ind.id];
      if (v === null || v === undefined) continue;
      if (!Number.isFinite(v)) {
        throw new EngineInputError(FN, `area "${a.areaId}", indicator "${ind.id}": value must be finite`);
      }
      values.push(v);
    }
    let c: number[];
    if (ind.grading.kind === "goalposts") {
      c = [...ind.grading.cuts];
    } else {
      const probs = ind.grading.probs;
      if (probs.some((p) => !(p > 0 && p < 1))) {
        throw new EngineInputError(FN, `indicator "${ind.id}": quantile probabilities must lie in (0, 1)`);
      }
      if (values.length === 0)
        throw new EngineInputError(FN, `indicator "${ind.id}": no values for quantiles`);
      const sorted = [...values].sort((x, y) => x - y);
      c = probs.map((p) => quantileType7(sorted, p));
    }
    if (c.length === 0 || c.some((x, k) => !Number.isFinite(x) || (k > 0 && !(x > c[k - 1]!)))) {
      throw new EngineInputError(FN, `indicator "${ind.id}": cuts must be finite and strictly ascending`);
    }
    cuts[ind.id] = c;
  }
  const grades = areas.map((a) =>
    indicators.map((ind) => {
      const v = a.values[ind.id];
      if (v === null || v === undefined) return null;
      const c = cuts[ind.id]!;
      let g = 0;
      for (const cut of c) if (ind.direction === "higher" ? v >= cut : v <= cut) g++;
      return g;
    }),
  );
  return {
    items: indicators.map((i) => i.id),
    areas: areas.map((a) => a.areaId),
    grades,
    cuts,
    maxGrades: indicators.map((i) => cuts[i.id]!.length),
    directions: Object.fromEntries(indicators.map((i) => [i.id, i.direction])),
  };
}

/** Hyndman & Fan (1996) definition 7: linear interpolation between order statistics, h = (n − 1)p. */
function quantileType7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
