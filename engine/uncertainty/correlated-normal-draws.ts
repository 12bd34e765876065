import { EngineInputError } from "../errors";
import { normalQuantile, type Random } from "../random";
import { checkCorrelation } from "./check-correlation";
import { cholesky } from "./cholesky";

/** A multivariate normal input: means, standard deviations and a correlation matrix. */
export interface CorrelatedNormal {
  readonly mean: readonly number[];
  readonly sd: readonly number[];
  readonly correlation: readonly (readonly number[])[];
}

/**
 * Draw from a multivariate normal distribution N(μ, V) with V_ij = σ_i·σ_j·r_ij
 * (JCGM 101 §6.4.8.4 and §C.5): with the Cholesky factor L of the correlation matrix R,
 * x = μ + diag(σ)·L·z for independent standard normal z. The z are drawn input by input
 * (all draws of z₁, then all of z₂, …), each as Φ⁻¹ of one uniform, so a seed gives the same
 * draws bit for bit.
 *
 * @param input - means μ, standard deviations σ (≥ 0), correlation matrix R (positive semi-definite)
 * @param draws - the number of draws, a positive integer
 * @param random - a seeded generator
 * @returns one Float64Array of draws per input, in input order
 * @throws EngineInputError when the lengths disagree, a σ is negative, or R is not a correlation matrix
 */
export function correlatedNormalDraws(
  input: CorrelatedNormal,
  draws: number,
  random: Random,
): Float64Array[] {
  const fn = "correlatedNormalDraws";
  const n = input.mean.length;
  if (!Number.isInteger(draws) || draws < 1)
    throw new EngineInputError(fn, "draws must be a positive integer");
  if (input.sd.length !== n) throw new EngineInputError(fn, "mean and sd must have the same length");
  input.sd.forEach((s, i) => {
    if (!(Number.isFinite(s) && s >= 0))
      throw new EngineInputError(fn, `sd[${i}] must be a finite number ≥ 0`);
  });
  input.mean.forEach((m, i) => {
    if (!Number.isFinite(m)) throw new EngineInputError(fn, `mean[${i}] must be a finite number`);
  });
  checkCorrelation(input.correlation, n, fn);
  const l = cholesky(input.correlation);
  const z: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const zj = new Float64Array(draws);
    for (let r = 0; r < draws; r++) zj[r] = normalQuantile(random());
    z.push(zj);
  }
  return input.mean.map((mu, i) => {
    const out = new Float64Array(draws).fill(0);
    for (let j = 0; j <= i; j++) {
      const c = l[i]![j]!;
      if (c === 0) continue;
      const zj = z[j]!;
      for (let r = 0; r < draws; r++) out[r] += c * zj[r]!;
    }
    const s = input.sd[i]!;
    for (let r = 0; r < draws; r++) out[r] = mu + s * out[r]!;
    return out;
  });
}
