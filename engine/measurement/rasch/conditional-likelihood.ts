import { EngineInputError } from "../../errors";
import { ESF_ONE, addItemToEsf, convolveEsf, type ScaledVector } from "./esf";
import { MAX_CATEGORY, type PreparedResponses } from "./prepare-responses";

const MAX_PAIR_SCORE = MAX_CATEGORY;

/** The conditional log-likelihood with its gradient and information matrix. */
export interface ConditionalLikelihood {
  /** ln L_C = Σ_ih β_ih·N_ih − Σ_g Σ_r n_gr·ln γ_r^(g). */
  readonly logLik: number;
  /** ∂ ln L_C / ∂β_ih = N_ih − E(N_ih | raw scores), flat in the layout of `offsets`. */
  readonly gradient: Float64Array;
  /** The information matrix −∂² ln L_C / ∂β ∂β' (K × K, row-major), when asked for. */
  readonly information: Float64Array | null;
}

/**
 * The partial credit model's conditional log-likelihood given the persons' raw scores, its
 * gradient and (optionally) its analytic information matrix, in the cumulative easiness
 * parameters β_ih = −Σ_{l≤h} δ_il (h = 1..m_i). Persons are handled per missingness group, each
 * with the elementary symmetric functions of the items it answered (as eRm).
 *
 * With π_ih(r) = ε_ih·γ^(i)_{r−h} / γ_r (the probability of category h of item i given raw
 * score r), the expected count is Σ_r n_r·π_ih(r) and the information is
 * Σ_r n_r·[E(t_ih·t_jk | r) − π_ih(r)·π_jk(r)], where E(t_ih·t_jk | r) = ε_ih·ε_jk·γ^(ij)_{r−h−k}/γ_r
 * for i ≠ j and δ_hk·π_ih(r) for i = j (Andersen 1972; Fischer & Molenaar 1995, ch. 15, eqs.
 * 15.10–15.13). The sums over r are regrouped so that the second-order functions γ^(ij) are
 * never formed in full: with w_r = n_r/γ_r and u_j[c] = Σ_b γ^(>j)_b·w_{c+b},
 * Σ_r n_r·γ^(ij)_{r−t}/γ_r = Σ_a A_ij[a]·u_j[a+t], A_ij being the functions of the items before j
 * other than i. Only observed raw scores enter the sums. Cost per group with D observed scores:
 * O(J·R·D + K²·D + J²·R·m). Each stage is its own small function (kept monomorphic for the JIT).
 *
 * @param prepared - responses from {@link prepareResponses}
 * @param beta - cumulative easiness parameters, flat (length Σ m_i)
 * @param withInformation - whether to compute the K × K information matrix
 * @returns log-likelihood, gradient and information
 * @throws EngineInputError when the parameters are so extreme that γ_r underflows
 */
export function conditionalLikelihood(
  prepared: PreparedResponses,
  beta: Float64Array,
  withInformation: boolean,
): ConditionalLikelihood {
  const { offsets, maxCategory, categoryCounts } = prepared;
  const K = offsets[prepared.nItems]!;
  let logLik = 0;
  for (let p = 0; p < K; p++) logLik += beta[p]! * categoryCounts[p]!;
  const expected = new Float64Array(K);
  const information = withInformation ? new Float64Array(K * K) : null;

  // Tilt: ε̃_ih = ε_ih·e^(h·τ) with τ the mean threshold, so that γ̃_r = γ_r·e^(r·τ) peaks inside
  // the score range; every ratio π_ih(r) is unchanged and ln γ_r = ln γ̃_r − r·τ.
  let tau = 0;
  for (let i = 0; i < prepared.nItems; i++) tau -= beta[offsets[i]! + maxCategory[i]! - 1]!;
  tau /= K;
  const allWeights = Array.from({ length: prepared.nItems }, (_, i) => {
    const m = maxCategory[i]!;
    const w = new Float64Array(m + 1);
    w[0] = 1;
    for (let h = 1; h <= m; h++) w[h] = Math.exp(beta[offsets[i]! + h - 1]! + h * tau);
    return w;
  });

  for (const group of prepared.groups) {
    if (group.items.length === 0) continue;
    const g = groupFunctions(group.items, allWeights, group.scoreCounts);
    if (g.obs.length === 0) continue;
    for (let d = 0; d < g.obs.length; d++) {
      const r = g.obs[d]!;
      logLik -= g.nObs[d]! * (Math.log(g.gamma.v[r]!) + g.gamma.logScale - r * tau);
    }
    const u = correlateSuffixes(g);
    const groupExpected = expectedCounts(g, u, prepared, expected);
    if (!information) continue;
    const local: number[] = [];
    for (const i of g.items) for (let h = 1; h <= maxCategory[i]!; h++) local.push(offsets[i]! + h - 1);
    productTerm(g, local, maxCategory, information, K);
    for (let a = 0; a < local.length; a++) information[local[a]! * K + local[a]!]! += groupExpected[a]!;
    crossTerm(g, u, prepared, information);
  }
  const gradient = new Float64Array(K);
  for (let p = 0; p < K; p++) gradient[p] = categoryCounts[p]! - expected[p]!;
  return { logLik, gradient, information };
}

/** One missingness group's elementary symmetric functions and observed-score weights. */
interface GroupFunctions {
  readonly items: Int32Array;
  /** Category weights ε̃ of the group's items, in order. */
  readonly e: Float64Array[];
  /** prefix[k]: functions of the first k items; suffix[k]: of items k..J−1. */
  readonly prefix: ScaledVector[];
  readonly suffix: ScaledVector[];
  readonly gamma: ScaledVector;
  readonly R: number;
  /** Observed raw scores, their counts, and w_r = n_r/γ_r (scaled by e^(−gamma.logScale)). */
  readonly obs: Int32Array;
  readonly nObs: Float64Array;
  readonly w: Float64Array;
}

function groupFunctions(items: Int32Array, allWeights: Float64Array[], n: Float64Array): GroupFunctions {
  const J = items.length;
  const e = Array.from(items, (i) => allWeights[i]!);
  const prefix: ScaledVector[] = [ESF_ONE];
  for (let k = 0; k < J; k++) prefix.push(addItemToEsf(prefix[k]!, e[k]!));
  const suffix = new Array<ScaledVector>(J + 1);
  suffix[J] = ESF_ONE;
  for (let k = J - 1; k >= 0; k--) suffix[k] = addItemToEsf(suffix[k + 1]!, e[k]!);
  const gamma = prefix[J]!;
  const R = gamma.v.length - 1;
  const obsList: number[] = [];
  for (let r = 0; r <= R; r++) if (n[r]! !== 0) obsList.push(r);
  const obs = Int32Array.from(obsList);
  const nObs = Float64Array.from(obsList, (r) => n[r]!);
  const w = new Float64Array(R + 1);
  for (const r of obsList) {
    const gr = gamma.v[r]!;
    if (!(gr > 0)) {
      throw new EngineInputError(
        "conditionalLikelihood",
        "item parameters are too extreme: an elementary symmetric function underflowed",
      );
    }
    w[r] = n[r]! / gr;
  }
  return { items, e, prefix, suffix, gamma, R, obs, nObs, w };
}

/** u_j[c] = Σ_b Q_{j+1}[b]·w[c+b] = Σ_{observed r} Q_{j+1}[r − c]·w_r, for each item position j. */
function correlateSuffixes(g: GroupFunctions): Float64Array[] {
  const u: Float64Array[] = [];
  for (let j = 0; j < g.items.length; j++) {
    const q = g.suffix[j + 1]!.v;
    const uj = new Float64Array(g.R + 1);
    for (let d = 0; d < g.obs.length; d++) {
      const r = g.obs[d]!;
      const wr = g.w[r]!;
      for (let c = Math.max(0, r - q.length + 1); c <= r; c++) uj[c]! += q[r - c]! * wr;
    }
    u.push(uj);
  }
  return u;
}

/** log of the scale of u_j: its suffix's scale over γ's. */
function uLog(g: GroupFunctions, j: number): number {
  return g.suffix[j + 1]!.logScale - g.gamma.logScale;
}

/** Adds the group's expected category counts Σ_r n_r·π_ih(r) to `expected`; returns them in group order. */
function expectedCounts(
  g: GroupFunctions,
  u: Float64Array[],
  prepared: PreparedResponses,
  expected: Float64Array,
): number[] {
  const out: number[] = [];
  for (let k = 0; k < g.items.length; k++) {
    const i = g.items[k]!;
    const pv = g.prefix[k]!.v;
    const uk = u[k]!;
    const scale = Math.exp(g.prefix[k]!.logScale + uLog(g, k));
    for (let h = 1; h <= prepared.maxCategory[i]!; h++) {
      let s = 0;
      for (let a = 0; a < pv.length; a++) s += pv[a]! * uk[a + h]!;
      const eih = g.e[k]![h]! * s * scale;
      expected[prepared.offsets[i]! + h - 1]! += eih;
      out.push(eih);
    }
  }
  return out;
}

/**
 * Subtracts Σ_r n_r·π_ih(r)·π_jk(r) from the information. π at the observed scores (L × D) comes
 * from γ^(i) by a full convolution when many scores are observed, else entry by entry.
 */
function productTerm(
  g: GroupFunctions,
  local: number[],
  maxCategory: Int32Array,
  information: Float64Array,
  K: number,
): void {
  const { obs, R, gamma } = g;
  const D = obs.length;
  const L = local.length;
  const pi = new Float64Array(L * D);
  let row = 0;
  for (let k = 0; k < g.items.length; k++) {
    const m = maxCategory[g.items[k]!]!;
    const P = g.prefix[k]!;
    const Q = g.suffix[k + 1]!;
    const full = D * m > R ? convolveEsf(P, Q) : null;
    const scale = Math.exp((full ? full.logScale : P.logScale + Q.logScale) - gamma.logScale);
    for (let h = 1; h <= m; h++, row++) {
      const eh = g.e[k]![h]!;
      for (let d = 0; d < D; d++) {
        const s0 = obs[d]! - h;
        if (s0 < 0 || s0 > R - m) continue;
        const gi = full ? full.v[s0]! : convolveAt(P.v, Q.v, s0);
        pi[row * D + d] = (eh * gi * scale) / gamma.v[obs[d]!]!;
      }
    }
  }
  for (let a = 0; a < L; a++) {
    const pa = a * D;
    for (let b = a; b < L; b++) {
      const pb = b * D;
      let s = 0;
      for (let d = 0; d < D; d++) s += g.nObs[d]! * pi[pa + d]! * pi[pb + d]!;
      const P = local[a]!;
      const Q = local[b]!;
      information[P * K + Q]! -= s;
      if (P !== Q) information[Q * K + P]! -= s;
    }
  }
}

/** (p ⊛ q)[s] = Σ_a p[a]·q[s − a]. */
function convolveAt(p: Float64Array, q: Float64Array, s: number): number {
  let out = 0;
  const hi = Math.min(p.length - 1, s);
  for (let a = Math.max(0, s - q.length + 1); a <= hi; a++) out += p[a]! * q[s - a]!;
  return out;
}

/**
 * Adds the cross-item joint term Σ_r n_r·E(t_ih·t_jk | r), i before j in the group, to the
 * information. A_ij (the functions of the items before j other than i) is built in place in two
 * buffers, rescaled when it drifts.
 */
function crossTerm(
  g: GroupFunctions,
  u: Float64Array[],
  prepared: PreparedResponses,
  information: Float64Array,
): void {
  const { offsets, maxCategory } = prepared;
  const K = offsets[prepared.nItems]!;
  const J = g.items.length;
  let bufA = new Float64Array(g.R + 1);
  let bufB = new Float64Array(g.R + 1);
  const z = new Float64Array(2 * MAX_PAIR_SCORE + 1);
  for (let ki = 0; ki < J - 1; ki++) {
    const i = g.items[ki]!;
    const mi = maxCategory[i]!;
    const start = g.prefix[ki]!;
    bufA.set(start.v);
    let lenA = start.v.length;
    let logA = start.logScale;
    for (let kj = ki + 1; kj < J; kj++) {
      const j = g.items[kj]!;
      const mj = maxCategory[j]!;
      pairSums(bufA, lenA, u[kj]!, mi + mj, Math.exp(logA + uLog(g, kj)), z);
      for (let h = 1; h <= mi; h++) {
        const P = offsets[i]! + h - 1;
        const eh = g.e[ki]![h]!;
        for (let k = 1; k <= mj; k++) {
          const Q = offsets[j]! + k - 1;
          const val = eh * g.e[kj]![k]! * z[h + k]!;
          information[P * K + Q]! += val;
          information[Q * K + P]! += val;
        }
      }
      if (kj === J - 1) break;
      logA += addInPlace(bufA, lenA, g.e[kj]!, bufB);
      lenA += mj;
      const tmp = bufA;
      bufA = bufB;
      bufB = tmp;
    }
  }
}

/** z[t] = scale·Σ_a A[a]·u[a + t] for t = 2..tMax. */
function pairSums(
  a: Float64Array,
  lenA: number,
  u: Float64Array,
  tMax: number,
  scale: number,
  z: Float64Array,
): void {
  for (let t = 2; t <= tMax; t++) {
    let s = 0;
    for (let k = 0; k < lenA; k++) s += a[k]! * u[k + t]!;
    z[t] = s * scale;
  }
}

/** out[0..lenA+m−1] = a ⊛ weights; rescales out when it drifts far from 1 and returns the log of the factor taken out. */
function addInPlace(a: Float64Array, lenA: number, weights: Float64Array, out: Float64Array): number {
  const m = weights.length - 1;
  out.fill(0, 0, lenA + m);
  for (let h = 0; h <= m; h++) {
    const eh = weights[h]!;
    for (let k = 0; k < lenA; k++) out[k + h]! += eh * a[k]!;
  }
  let max = 0;
  for (let k = 0; k < lenA + m; k++) if (out[k]! > max) max = out[k]!;
  if (max > 1e100 || max < 1e-100) {
    for (let k = 0; k < lenA + m; k++) out[k]! /= max;
    return Math.log(max);
  }
  return 0;
}
