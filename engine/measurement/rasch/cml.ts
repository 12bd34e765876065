import { EngineInputError } from "../../errors";
import { checkConnectivity } from "./check-connectivity";
import { cholesky, choleskyInverse, choleskySolve } from "./cholesky";
import { conditionalLikelihood } from "./conditional-likelihood";
import type { PreparedResponses } from "./prepare-responses";

/**
 * How the scale's origin is fixed (CML identifies item parameters only up to a common shift):
 * - "meanLocation": the mean of the item locations is 0, an item's location being the mean of
 *   its thresholds (Livsval's convention, DESIGN §2 and §7);
 * - "erm": the sum of all cumulative easiness parameters β_ih = −Σ_{l≤h} δ_il is 0 (eRm's default
 *   `sum0 = TRUE`). For dichotomous items both are the same; for the PCM they differ by a shift.
 */
export type Identification = "meanLocation" | "erm";

/** Options of {@link cml}. */
export interface CmlOptions {
  readonly identification?: Identification;
  /** Convergence: largest Newton step in logits (default 1e-9). */
  readonly tolerance?: number;
  /** Most Newton iterations (default 100). */
  readonly maxIterations?: number;
}

/** Item parameters estimated by conditional maximum likelihood. */
export interface CmlResult {
  readonly identification: Identification;
  /** Per item its thresholds (PCM step parameters) δ_i1..δ_im in logits. */
  readonly thresholds: readonly Float64Array[];
  /** Standard errors of the thresholds under the identification. */
  readonly thresholdSe: readonly Float64Array[];
  /** Per item its location, the mean of its thresholds. */
  readonly locations: Float64Array;
  /** Standard errors of the locations under the identification. */
  readonly locationSe: Float64Array;
  /** Covariance of all thresholds (flat, K × K, row-major, items in order). */
  readonly covariance: Float64Array;
  /** Cumulative easiness parameters β_ih (eRm's `betapar` layout), identified. */
  readonly beta: Float64Array;
  readonly logLik: number;
  readonly iterations: number;
}

const FN = "cml";
/** A threshold SE above this many logits means the estimate runs off to infinity. */
const MAX_SE = 100;

/**
 * Conditional maximum likelihood (CML) estimates of the partial credit model's thresholds (the
 * dichotomous Rasch model being the case m_i = 1), with standard errors from the inverse of
 * the conditional information matrix.
 *
 * The conditional log-likelihood is concave in the cumulative parameters β (an exponential
 * family given the raw scores), so Newton–Raphson with the analytic information matrix and
 * step halving converges from β = 0; once the gradient falls fast, the last information matrix
 * is kept for further (chord) steps, and it is recomputed at the solution for the SEs. One parameter is held fixed while solving (the likelihood
 * is flat along the shift of all thresholds) and the result is re-centred to the chosen
 * identification; the covariance of the identified thresholds is the delta-method transform
 * A·T·V·Tᵀ·Aᵀ of the covariance V of the free parameters (T: β → δ, A: re-centring).
 *
 * Source: Andersen, E. B. (1970), "Asymptotic properties of conditional maximum-likelihood
 * estimators", JRSS B 32; Masters, G. N. (1982), "A Rasch model for partial credit scoring",
 * Psychometrika 47; Mair & Hatzinger (2007), "Extended Rasch modeling: the eRm package",
 * J. Stat. Software 20(9), §2–3 (parametrisation, NA groups and sum-zero normalisation).
 *
 * @param prepared - responses from {@link prepareResponses}
 * @param options - identification, tolerance, iteration limit
 * @returns thresholds, locations, their standard errors and covariance
 * @throws EngineInputError when the data fail Fischer's existence condition
 *   ({@link checkConnectivity}), Newton–Raphson does not converge, the information matrix is
 *   singular, or a threshold's SE exceeds 100 logits (an estimate running off to infinity)
 */
export function cml(prepared: PreparedResponses, options: CmlOptions = {}): CmlResult {
  const identification = options.identification ?? "meanLocation";
  const tolerance = options.tolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 100;
  if (!(tolerance > 0)) throw new EngineInputError(FN, "tolerance must be positive");
  const { offsets, maxCategory, nItems: J } = prepared;
  const K = offsets[J]!;
  checkConnectivity(prepared);
  const a = centringWeights(prepared, identification);
  let beta: Float64Array = new Float64Array(K);
  let current = conditionalLikelihood(prepared, beta, true);
  let information = current.information!;
  let iterations = 0;
  for (;;) {
    iterations++;
    if (iterations > maxIterations) {
      throw new EngineInputError(FN, `Newton–Raphson did not converge in ${maxIterations} iterations`);
    }
    const step = newtonStep(information, current.gradient, K);
    let maxStep = 0;
    for (let p = 0; p < K; p++) maxStep = Math.max(maxStep, Math.abs(step[p]!));
    let s = maxStep > 5 ? 5 / maxStep : 1;
    let next = beta;
    let trial = current;
    for (let halvings = 0; ; halvings++) {
      next = new Float64Array(K);
      for (let p = 0; p < K; p++) next[p] = beta[p]! + s * step[p]!;
      next = recentre(next, prepared, a);
      trial = conditionalLikelihood(prepared, next, false);
      if (trial.logLik >= current.logLik - 1e-10 * Math.abs(current.logLik) || halvings >= 30) break;
      s /= 2;
    }
    beta = next;
    const converged = maxStep * s < tolerance;
    // Chord steps: keep the information matrix while the gradient falls at least twentyfold per
    // step (it changes little near the optimum); recompute it otherwise, and at the end for the SEs.
    if (converged || iterations < 2 || maxAbs(trial.gradient) > 0.05 * maxAbs(current.gradient)) {
      current = conditionalLikelihood(prepared, beta, true);
      information = current.information!;
    } else {
      current = trial;
    }
    if (converged) break;
  }

  const covariance = thresholdCovariance(information, prepared, a);

  const delta = thresholdsFromBeta(beta, prepared);
  const thresholds: Float64Array[] = [];
  const thresholdSe: Float64Array[] = [];
  const locations = new Float64Array(J);
  const locationSe = new Float64Array(J);
  for (let i = 0; i < J; i++) {
    const m = maxCategory[i]!;
    const o = offsets[i]!;
    thresholds.push(delta.slice(o, o + m));
    const se = new Float64Array(m);
    let loc = 0;
    let vloc = 0;
    for (let h = 0; h < m; h++) {
      se[h] = Math.sqrt(covariance[(o + h) * K + o + h]!);
      loc += delta[o + h]!;
      for (let k = 0; k < m; k++) vloc += covariance[(o + h) * K + o + k]!;
    }
    for (let h = 0; h < m; h++) {
      if (!(se[h]! < MAX_SE)) {
        throw new EngineInputError(
          FN,
          `the estimate of item "${prepared.items[i]}" threshold ${h + 1} diverges (standard error ${se[h]!.toPrecision(3)} logits); ` +
            `the data do not identify it: merge sparse categories or add data`,
        );
      }
    }
    thresholdSe.push(se);
    locations[i] = loc / m;
    locationSe[i] = Math.sqrt(vloc) / m;
  }
  return {
    identification,
    thresholds,
    thresholdSe,
    locations,
    locationSe,
    covariance,
    beta,
    logLik: current.logLik,
    iterations,
  };
}

/**
 * Covariance of the identified thresholds from the information matrix in β: invert it for the
 * free parameters (β_0 fixed), map to thresholds with T (δ_ih = β_{i,h−1} − β_ih, β_i0 = 0), then
 * re-centre δ' = δ − (aᵀδ)·1: V' = V − V·a·1ᵀ − 1·aᵀV + (aᵀVa)·11ᵀ (delta method, linear maps).
 */
function thresholdCovariance(info: Float64Array, prepared: PreparedResponses, a: Float64Array): Float64Array {
  const { offsets, maxCategory, nItems: J } = prepared;
  const K = offsets[J]!;
  const n = K - 1;
  const red = new Float64Array(n * n);
  for (let p = 1; p < K; p++) for (let q = 1; q < K; q++) red[(p - 1) * n + (q - 1)] = info[p * K + q]!;
  const vRed = choleskyInverse(cholesky(red, n), n);
  // β index −1 stands for β_i0 = 0, index 0 for the fixed β_0: both have no variance.
  const vb = (p: number, q: number): number => (p <= 0 || q <= 0 ? 0 : vRed[(p - 1) * n + (q - 1)]!);
  const plus = new Int32Array(K);
  const minus = new Int32Array(K);
  for (let i = 0; i < J; i++) {
    for (let h = 1; h <= maxCategory[i]!; h++) {
      plus[offsets[i]! + h - 1] = h === 1 ? -1 : offsets[i]! + h - 2;
      minus[offsets[i]! + h - 1] = offsets[i]! + h - 1;
    }
  }
  const vDelta = new Float64Array(K * K);
  for (let p = 0; p < K; p++) {
    for (let q = p; q < K; q++) {
      const v =
        vb(plus[p]!, plus[q]!) - vb(plus[p]!, minus[q]!) - vb(minus[p]!, plus[q]!) + vb(minus[p]!, minus[q]!);
      vDelta[p * K + q] = v;
      vDelta[q * K + p] = v;
    }
  }
  const va = new Float64Array(K);
  for (let p = 0; p < K; p++) {
    let s = 0;
    for (let q = 0; q < K; q++) s += vDelta[p * K + q]! * a[q]!;
    va[p] = s;
  }
  let ava = 0;
  for (let p = 0; p < K; p++) ava += a[p]! * va[p]!;
  const covariance = new Float64Array(K * K);
  for (let p = 0; p < K; p++) {
    for (let q = 0; q < K; q++) covariance[p * K + q] = vDelta[p * K + q]! - va[p]! - va[q]! + ava;
  }
  return covariance;
}

/** Largest absolute entry. */
function maxAbs(x: Float64Array): number {
  let m = 0;
  for (const v of x) m = Math.max(m, Math.abs(v));
  return m;
}

/** Newton step for the free parameters 1..K−1 (parameter 0 held at its value). */
function newtonStep(info: Float64Array, gradient: Float64Array, K: number): Float64Array {
  const n = K - 1;
  const red = new Float64Array(n * n);
  const g = new Float64Array(n);
  for (let p = 1; p < K; p++) {
    g[p - 1] = gradient[p]!;
    for (let q = 1; q < K; q++) red[(p - 1) * n + (q - 1)] = info[p * K + q]!;
  }
  const x = choleskySolve(cholesky(red, n), n, g);
  const step = new Float64Array(K);
  step.set(x, 1);
  return step;
}

/** Thresholds δ_ih = β_{i,h−1} − β_ih from cumulative easiness parameters. */
function thresholdsFromBeta(beta: Float64Array, prepared: PreparedResponses): Float64Array {
  const { offsets, maxCategory, nItems } = prepared;
  const delta = new Float64Array(beta.length);
  for (let i = 0; i < nItems; i++) {
    let prev = 0;
    for (let h = 1; h <= maxCategory[i]!; h++) {
      const b = beta[offsets[i]! + h - 1]!;
      delta[offsets[i]! + h - 1] = prev - b;
      prev = b;
    }
  }
  return delta;
}

/**
 * The weights a with δ' = δ − (aᵀδ)·1 satisfying the identification: mean location 0 gives
 * a_ih = 1/(J·m_i); eRm's Σβ = 0 gives a_ih = (m_i − h + 1)/Σ_i m_i(m_i + 1)/2.
 */
function centringWeights(prepared: PreparedResponses, identification: Identification): Float64Array {
  const { offsets, maxCategory, nItems: J } = prepared;
  const a = new Float64Array(offsets[J]!);
  let total = 0;
  for (let i = 0; i < J; i++) total += (maxCategory[i]! * (maxCategory[i]! + 1)) / 2;
  for (let i = 0; i < J; i++) {
    const m = maxCategory[i]!;
    for (let h = 1; h <= m; h++) {
      a[offsets[i]! + h - 1] = identification === "meanLocation" ? 1 / (J * m) : (m - h + 1) / total;
    }
  }
  return a;
}

/** Shift all thresholds by c = aᵀδ (β_ih += h·c), which leaves the likelihood unchanged. */
function recentre(beta: Float64Array, prepared: PreparedResponses, a: Float64Array): Float64Array {
  const delta = thresholdsFromBeta(beta, prepared);
  let c = 0;
  for (let p = 0; p < delta.length; p++) c += a[p]! * delta[p]!;
  const out = new Float64Array(beta.length);
  const { offsets, maxCategory, nItems } = prepared;
  for (let i = 0; i < nItems; i++) {
    for (let h = 1; h <= maxCategory[i]!; h++) out[offsets[i]! + h - 1] = beta[offsets[i]! + h - 1]! + h * c;
  }
  return out;
}
