import { EngineInputError } from "../errors";

/** One period of a series: time, value and standard uncertainty. */
export interface TrendPoint {
  readonly t: number;
  readonly value: number;
  /** standard uncertainty, > 0 (it sets the weight 1/u²) */
  readonly u: number;
}

/** A weighted least-squares straight line y = a + b·t with its uncertainties. */
export interface TrendResult {
  /** b, change per unit of t */
  slope: number;
  /** u(b) */
  uSlope: number;
  /** a, the value at t = 0 */
  intercept: number;
  /** u(a) */
  uIntercept: number;
  /** cov(a, b) */
  covariance: number;
  /** the weighted mean time t̄ = Σ w t / Σ w, where slope and level are uncorrelated */
  tMean: number;
  /** χ² = Σ ((y − a − b·t)/u)² */
  chi2: number;
  /** degrees of freedom n − 2 */
  dof: number;
  /** χ²/dof (NaN with two points): well above 1 means the stated u understate the scatter */
  chi2PerDof: number;
  /** number of periods n */
  n: number;
}

/**
 * The trend of a series with stated uncertainties by weighted least squares, weights
 * w_i = 1/u_i² (Press et al., "Numerical Recipes", 3rd ed., §15.2; JCGM 100 §H.3 fits a line
 * the same way). Computed about the weighted mean time t̄ for numerical stability (calendar
 * years as t lose digits otherwise): b = Σ w(t − t̄)(y − ȳ) / S_tt, u²(b) = 1/S_tt with
 * S_tt = Σ w(t − t̄)²; a = ȳ − b·t̄, u²(a) = 1/Σw + t̄²/S_tt, cov(a, b) = −t̄/S_tt. The
 * uncertainties are those implied by the stated u (not rescaled by χ²/dof; compare χ²/dof with 1).
 *
 * @param periods - at least two points with distinct t and u > 0
 * @returns {slope, uSlope, intercept, uIntercept, covariance, tMean, chi2, dof, chi2PerDof, n}
 * @throws EngineInputError when there are fewer than two points, a number is not finite, a u is
 *   not > 0, or all t are equal
 */
export function trend(periods: readonly TrendPoint[]): TrendResult {
  const fn = "trend";
  const n = periods.length;
  if (n < 2) throw new EngineInputError(fn, "there must be at least two periods");
  periods.forEach((p, i) => {
    if (!Number.isFinite(p.t)) throw new EngineInputError(fn, `periods[${i}].t must be a finite number`);
    if (!Number.isFinite(p.value))
      throw new EngineInputError(fn, `periods[${i}].value must be a finite number`);
    if (!(Number.isFinite(p.u) && p.u > 0))
      throw new EngineInputError(fn, `periods[${i}].u must be a finite number > 0`);
  });
  let sw = 0;
  let swt = 0;
  let swy = 0;
  for (const p of periods) {
    const w = 1 / (p.u * p.u);
    sw += w;
    swt += w * p.t;
    swy += w * p.value;
  }
  const tMean = swt / sw;
  const yMean = swy / sw;
  let stt = 0;
  let sty = 0;
  for (const p of periods) {
    const w = 1 / (p.u * p.u);
    const dt = p.t - tMean;
    stt += w * dt * dt;
    sty += w * dt * (p.value - yMean);
  }
  if (!(stt > 0)) throw new EngineInputError(fn, "the periods must not all have the same t");
  const slope = sty / stt;
  const intercept = yMean - slope * tMean;
  let chi2 = 0;
  for (const p of periods) chi2 += ((p.value - yMean - slope * (p.t - tMean)) / p.u) ** 2;
  const dof = n - 2;
  return {
    slope,
    uSlope: Math.sqrt(1 / stt),
    intercept,
    uIntercept: Math.sqrt(1 / sw + (tMean * tMean) / stt),
    covariance: -tMean / stt,
    tMean,
    chi2,
    dof,
    chi2PerDof: dof > 0 ? chi2 / dof : NaN,
    n,
  };
}
