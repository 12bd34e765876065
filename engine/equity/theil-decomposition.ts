import { EngineInputError } from "../errors";
import { compareGroupLabels } from "../measurement/survey/compare-group-labels";
import { populationShares } from "./population-shares";
import { theil } from "./theil";

/** One group's part in a Theil decomposition. */
export interface TheilGroup {
  readonly group: string;
  /** P_g = Σ_{i∈g} w_i / Σw. */
  readonly populationShare: number;
  /** μ_g, the group's weighted mean. */
  readonly mean: number;
  /** s_g = P_g μ_g / μ, the group's share of the total. */
  readonly share: number;
  /** T_g, Theil's T within the group. */
  readonly theil: number;
}

/** Theil's T split into inequality between and within groups. */
export interface TheilDecomposition {
  readonly total: number;
  readonly between: number;
  readonly within: number;
  readonly byGroup: TheilGroup[];
}

/**
 * The additive decomposition of Theil's T over a partition into groups (Shorrocks, "The class of
 * additively decomposable inequality measures", Econometrica 48(3), 1980, §5; Cowell, "Measuring
 * Inequality", 3rd ed., 2011, §6.2):
 *
 *   T = Σ_g s_g T_g  (within)  +  Σ_g s_g ln(μ_g/μ)  (between),   s_g = P_g μ_g / μ.
 *
 * `total` is computed directly by `theil` over all values, so `between + within = total` holds up
 * to rounding and is a check, not a definition.
 * @param values - the values, all ≥ 0
 * @param weights - weights (≥ 0), or undefined for equal weights
 * @param groups - one group label per value
 * @returns total, between, within and the per-group parts (groups in ascending label order)
 * @throws EngineInputError as `theil`, when `groups` has another length than `values`, or when a
 *   group has a total weight or a weighted mean of 0 (its share of T is undefined)
 */
export function theilDecomposition(
  values: readonly number[],
  weights: readonly number[] | undefined,
  groups: readonly string[],
): TheilDecomposition {
  const fn = "theilDecomposition";
  if (groups.length !== values.length) {
    throw new EngineInputError(
      fn,
      `groups must have one label per value (${groups.length} ≠ ${values.length})`,
    );
  }
  const total = theil(values, weights);
  const p = populationShares(fn, values, weights);
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += p[i]! * values[i]!;

  const members = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const list = members.get(g);
    if (list) list.push(i);
    else members.set(g, [i]);
  });
  let between = 0;
  let within = 0;
  const byGroup: TheilGroup[] = [];
  for (const g of [...members.keys()].sort(compareGroupLabels)) {
    const idx = members.get(g)!;
    const pg = idx.reduce((s, i) => s + p[i]!, 0);
    if (!(pg > 0)) throw new EngineInputError(fn, `group "${g}" must have a total weight > 0`);
    const mg = idx.reduce((s, i) => s + p[i]! * values[i]!, 0) / pg;
    if (!(mg > 0)) throw new EngineInputError(fn, `group "${g}" must have a weighted mean > 0`);
    const tg = theil(
      idx.map((i) => values[i]!),
      idx.map((i) => p[i]!),
    );
    const sg = (pg * mg) / mean;
    within += sg * tg;
    between += sg * Math.log(mg / mean);
    byGroup.push({ group: g, populationShare: pg, mean: mg, share: sg, theil: tg });
  }
  return { total, between, within, byGroup };
}
