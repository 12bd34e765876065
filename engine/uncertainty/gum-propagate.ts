import { EngineInputError } from "../errors";
import { checkCorrelation } from "./check-correlation";

/**
 * A measurement model for {@link gumPropagate}: a linear combination Y = Σ c_i·X_i given by
 * its coefficients, or a general function Y = f(X₁, …, X_N).
 */
export type GumModel =
  { readonly coefficients: readonly number[] } | { readonly f: (x: readonly number[]) => number };

/** The input estimates, their standard uncertainties, and optionally their correlations. */
export interface GumInputs {
  /** input estimates x_i */
  readonly x: readonly number[];
  /** standard uncertainties u(x_i) ≥ 0 */
  readonly u: readonly number[];
  /** correlation coefficients r(x_i, x_j); independent inputs when absent */
  readonly correlation?: readonly (readonly number[])[];
}

/** The result of the law of propagation of uncertainty. */
export interface GumResult {
  /** y = f(x₁, …, x_N) */
  estimate: number;
  /** combined standard uncertainty u_c(y) */
  u: number;
  /** sensitivity coefficients c_i = ∂f/∂x_i at the estimates */
  sensitivities: number[];
  /** uncertainty contributions u_i(y) = |c_i|·u(x_i) */
  contributions: number[];
}

/** Relative step for central differences: ∛ε balances truncation against rounding error. */
const STEP = Math.cbrt(Number.EPSILON);

/**
 * The GUM law of propagation of uncertainty (first order).
 *
 * Independent inputs, JCGM 100 §5.1.2 eq. (10): u_c²(y) = Σ c_i²·u²(x_i).
 * Correlated inputs, JCGM 100 §5.2.2 eq. (16): u_c²(y) = Σ_i Σ_j c_i·c_j·u(x_i)·u(x_j)·r(x_i, x_j).
 * For a linear combination the c_i are the coefficients; for a general function they are
 * evaluated numerically (JCGM 100 §5.1.3 note 2 allows this) by central differences
 * c_i ≈ [f(x + h_i·e_i) − f(x − h_i·e_i)] / (2h_i), h_i = ∛ε·max(|x_i|, u(x_i)) (∛ε when
 * both are 0), rounded so that x_i ± h_i is exact. A non-linear model's higher-order terms
 * (JCGM 100 §5.1.2 note) are not included: validate with Monte Carlo (JCGM 101 §8).
 *
 * @param model - `{coefficients}` for a linear combination or `{f}` for a general function
 * @param inputs - estimates x, standard uncertainties u and optional correlation matrix
 * @returns {estimate, u, sensitivities, contributions}
 * @throws EngineInputError when lengths disagree, a value is not finite, a u is negative,
 *   the correlation matrix is malformed or gives a negative variance, or f is not finite at x
 */
export function gumPropagate(model: GumModel, inputs: GumInputs): GumResult {
  const fn = "gumPropagate";
  const { x, u, correlation } = inputs;
  const n = x.length;
  if (n === 0) throw new EngineInputError(fn, "there must be at least one input");
  if (u.length !== n) throw new EngineInputError(fn, "x and u must have the same length");
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]!)) throw new EngineInputError(fn, `x[${i}] must be a finite number`);
    if (!(Number.isFinite(u[i]!) && u[i]! >= 0)) {
      throw new EngineInputError(fn, `u[${i}] must be a finite number ≥ 0`);
    }
  }
  if (correlation) checkCorrelation(correlation, n, fn);

  let estimate: number;
  let c: number[];
  if ("coefficients" in model) {
    if (model.coefficients.length !== n) {
      throw new EngineInputError(fn, "coefficients and x must have the same length");
    }
    c = model.coefficients.map((ci, i) => {
      if (!Number.isFinite(ci)) throw new EngineInputError(fn, `coefficients[${i}] must be a finite number`);
      return ci;
    });
    estimate = c.reduce((s, ci, i) => s + ci * x[i]!, 0);
  } else {
    const f = model.f;
    estimate = f(x);
    if (!Number.isFinite(estimate)) throw new EngineInputError(fn, "f must be finite at the input estimates");
    c = x.map((xi, i) => {
      const scale = Math.max(Math.abs(xi), u[i]!);
      const h0 = STEP * (scale > 0 ? scale : 1);
      const up = xi + h0;
      const h = up - xi;
      const plus = x.slice();
      const minus = x.slice();
      plus[i] = xi + h;
      minus[i] = xi - h;
      const d = (f(plus) - f(minus)) / (2 * h);
      if (!Number.isFinite(d)) {
        throw new EngineInputError(fn, `f must be differentiable near x[${i}] (sensitivity is not finite)`);
      }
      return d;
    });
  }

  const contributions = c.map((ci, i) => Math.abs(ci) * u[i]!);
  let variance = 0;
  if (!correlation) {
    for (const ui of contributions) variance += ui * ui;
  } else {
    const cu = c.map((ci, i) => ci * u[i]!);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) variance += cu[i]! * cu[j]! * correlation[i]![j]!;
    }
    const scale = cu.reduce((s, v) => s + v * v, 0);
    if (variance < -1e-12 * scale) {
      throw new EngineInputError(fn, "correlation matrix must be positive semi-definite (negative variance)");
    }
    variance = Math.max(0, variance);
  }
  return { estimate, u: Math.sqrt(variance), sensitivities: c, contributions };
}
