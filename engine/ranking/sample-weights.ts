import type { Weights } from "../decision/analysis-schema";
import { EngineInputError } from "../errors";
import type { Random } from "../random";

/** How many rejected proposals per draw before interval weights are declared too narrow to sample. */
export const MAX_WEIGHT_ATTEMPTS = 100_000;

/** A uniform point on the unit simplex of dimension n: normalised Exp(1) spacings (Dirichlet(1,…,1)). */
function uniformSimplex(n: number, random: Random, out: Float64Array): void {
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const e = -Math.log(random());
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < n; k++) out[k]! /= sum;
}

/**
 * Dimension weights per Monte Carlo draw for a scenario (DESIGN §4; SMAA-2, Lahdelma &
 * Salminen, Operations Research 49(3), 2001, §3 "missing or imprecise weights"):
 * - exact numbers: those weights, normalised to sum 1, in every draw;
 * - "none": uniform on the simplex (Dirichlet(1,…,1) from normalised exponential spacings,
 *   Devroye, "Non-Uniform Random Variate Generation", 1986, §V.2);
 * - `{order}`: uniform on the simplex, sorted in decreasing order and given to the dimensions
 *   in the stated order (uniform on the ordered region, Lahdelma & Salminen §3);
 * - intervals `[lo, hi]` (a bare number fixes that weight): w = lo + v with v uniform on the
 *   simplex scaled to the slack R = 1 − Σ lo, accepted when v ≤ hi − lo for every dimension
 *   (rejection sampling: the accepted points are uniform on {lo ≤ w ≤ hi, Σ w = 1}).
 *   When fewer than one proposal in {@link MAX_WEIGHT_ATTEMPTS} is accepted the bounds are
 *   refused as too narrow, rather than looping for long.
 *
 * @param weights - the scenario's weights (validated against `dimIds`)
 * @param dimIds - the dimensions, in analysis order
 * @param draws - how many draws
 * @param random - a seeded generator
 * @returns weights laid out dimension-major: w[d * draws + t]
 * @throws EngineInputError when intervals admit no weights summing to 1 or are too narrow to sample
 */
export function sampleWeights(
  weights: Weights,
  dimIds: readonly string[],
  draws: number,
  random: Random,
): Float64Array {
  const n = dimIds.length;
  const out = new Float64Array(n * draws);
  const point = new Float64Array(n);
  if (weights === "none") {
    for (let t = 0; t < draws; t++) {
      uniformSimplex(n, random, point);
      for (let d = 0; d < n; d++) out[d * draws + t] = point[d]!;
    }
    return out;
  }
  const order = Array.isArray(weights.order) ? (weights.order as string[]) : null;
  if (order) {
    const position = order.map((id) => dimIds.indexOf(id));
    for (let t = 0; t < draws; t++) {
      uniformSimplex(n, random, point);
      point.sort().reverse();
      for (let k = 0; k < n; k++) out[position[k]! * draws + t] = point[k]!;
    }
    return out;
  }
  const rec = weights as Record<string, number | [number, number]>;
  const values = dimIds.map((id) => rec[id]!);
  if (values.every((v) => typeof v === "number")) {
    const sum = (values as number[]).reduce((s, v) => s + v, 0);
    values.forEach((v, d) => out.fill((v as number) / sum, d * draws, (d + 1) * draws));
    return out;
  }
  const lo = values.map((v) => (typeof v === "number" ? v : v[0]));
  const width = values.map((v) => (typeof v === "number" ? 0 : v[1] - v[0]));
  const free = width.flatMap((w, d) => (w > 0 ? [d] : []));
  const slack = 1 - lo.reduce((s, v) => s + v, 0);
  if (slack < -1e-12 || slack > width.reduce((s, v) => s + v, 0) + 1e-12) {
    throw new EngineInputError("sampleWeights", "weight intervals admit no weights summing to 1");
  }
  const v = new Float64Array(free.length);
  for (let t = 0; t < draws; t++) {
    let attempts = 0;
    for (;;) {
      if (++attempts > MAX_WEIGHT_ATTEMPTS) {
        throw new EngineInputError(
          "sampleWeights",
          `weight intervals are too narrow to sample: no weights accepted in ${MAX_WEIGHT_ATTEMPTS} proposals`,
        );
      }
      if (free.length > 0) uniformSimplex(free.length, random, v);
      let ok = true;
      for (let k = 0; k < free.length; k++) {
        if (v[k]! * slack > width[free[k]!]!) {
          ok = false;
          break;
        }
      }
      if (ok) break;
    }
    for (let d = 0; d < n; d++) out[d * draws + t] = lo[d]!;
    for (let k = 0; k < free.length; k++)
      out[free[k]! * draws + t] = lo[free[k]!]! + v[k]! * Math.max(0, slack);
  }
  return out;
}
