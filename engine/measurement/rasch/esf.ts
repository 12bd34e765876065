/**
 * A non-negative vector stored with a common log scale: the true values are `v[k] · exp(logScale)`.
 * Elementary symmetric functions of 30+ items span hundreds of orders of magnitude; keeping the
 * largest entry at 1 and the magnitude in `logScale` keeps every step inside double precision.
 */
export interface ScaledVector {
  readonly v: Float64Array;
  readonly logScale: number;
}

/** The scaled vector (1): the elementary symmetric functions of an empty item set. */
export const ESF_ONE: ScaledVector = { v: Float64Array.of(1), logScale: 0 };

/**
 * Add one item to a set of elementary symmetric functions (one step of the summation
 * algorithm): γ'_r = Σ_h ε_h · γ_{r−h}, then rescale so that the largest entry is 1.
 *
 * Source: Fischer, G. H. & Molenaar, I. W. (eds.) (1995), *Rasch Models*, ch. 3 (the summation
 * algorithm for γ of polytomous items); Verhelst, Glas & van der Sluis (1984), "Estimation
 * problems in the Rasch model: the basic symmetric functions", Computational Statistics Quarterly 1.
 *
 * @param gamma - the current scaled functions γ_0..γ_R
 * @param weights - the item's category weights ε_0..ε_m, ε_0 = 1 and ε_h = exp(β_h) (β_h the
 *   cumulative easiness −Σ_{l≤h} δ_l)
 * @returns the scaled functions of the enlarged set, length R + m + 1
 */
export function addItemToEsf(gamma: ScaledVector, weights: Float64Array): ScaledVector {
  const a = gamma.v;
  const m = weights.length - 1;
  const out = new Float64Array(a.length + m);
  for (let h = 0; h <= m; h++) {
    const e = weights[h]!;
    if (e === 0) continue;
    for (let r = 0; r < a.length; r++) out[r + h]! += e * a[r]!;
  }
  return rescale(out, gamma.logScale);
}

/**
 * Convolve two sets of elementary symmetric functions: the functions of the union of two
 * disjoint item sets, γ_r = Σ_a γ^A_a · γ^B_{r−a}.
 * @param a - scaled functions of item set A
 * @param b - scaled functions of item set B (disjoint from A)
 * @returns scaled functions of A ∪ B
 */
export function convolveEsf(a: ScaledVector, b: ScaledVector): ScaledVector {
  const x = a.v;
  const y = b.v;
  const out = new Float64Array(x.length + y.length - 1);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    for (let j = 0; j < y.length; j++) out[i + j]! += xi * y[j]!;
  }
  return rescale(out, a.logScale + b.logScale);
}

/**
 * Elementary symmetric functions γ_0..γ_R of polytomous items (partial credit model), computed
 * by the scaled summation algorithm: γ_r is the sum, over all response patterns with raw score
 * r, of the product of the chosen categories' weights ε_{i,x_i}. For dichotomous items
 * (m = 1) these are the ordinary elementary symmetric functions of ε_i.
 *
 * Source: Andersen, E. B. (1972), "The numerical solution of a set of conditional estimation
 * equations", JRSS B 34; the summation algorithm as in Fischer & Molenaar (1995), ch. 3 and 15.
 *
 * @param weights - per item its category weights ε_0..ε_m (ε_0 = 1)
 * @returns γ_0..γ_R (R = Σ m_i) as a {@link ScaledVector}; true values are v·exp(logScale)
 */
export function esf(weights: readonly Float64Array[]): ScaledVector {
  let g = ESF_ONE;
  for (const w of weights) g = addItemToEsf(g, w);
  return g;
}

function rescale(out: Float64Array, logScale: number): ScaledVector {
  let max = 0;
  for (let r = 0; r < out.length; r++) if (out[r]! > max) max = out[r]!;
  if (max === 0 || max === 1 || !Number.isFinite(max)) return { v: out, logScale };
  const inv = 1 / max;
  for (let r = 0; r < out.length; r++) out[r]! *= inv;
  return { v: out, logScale: logScale + Math.log(max) };
}
