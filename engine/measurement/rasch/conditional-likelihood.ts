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
 * other than i. Cost per group: O(J·R² + K²·R + J²·R·m).
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
  const weightsOf = (i: number): Float64Array => {
    const m = maxCategory[i]!;
    const w = new Float64Array(m + 1);
    w[0] = 1;
    for (let h = 1; h <= m; h++) w[h] = Math.exp(beta[offsets[i]! + h - 1]! + h * tau);
    return w;
  };
  const allWeights = Array.from({ length: prepared.nItems }, (_, i) => weightsOf(i));

  for (const group of prepared.groups) {
    const its = group.items;
    const J = its.length;
    const n = group.scoreCounts;
    if (J === 0) continue;
    const e = Array.from(its, (i) => allWeights[i]!);
    const prefix: ScaledVector[] = [ESF_ONE];
    for (let k = 0; k < J; k++) prefix.push(addItemToEsf(prefix[k]!, e[k]!));
    const suffix: ScaledVector[] = new Array<ScaledVector>(J + 1);
    suffix[J] = ESF_ONE;
    for (let k = J - 1; k >= 0; k--) suffix[k] = addItemToEsf(suffix[k + 1]!, e[k]!);
    const gamma = prefix[J]!;
    const R = gamma.v.length - 1;
    const w = new Float64Array(R + 1);
    let total = 0;
    for (let r = 0; r <= R; r++) {
      const nr = n[r]!;
      if (nr === 0) continue;
      total += nr;
      const gr = gamma.v[r]!;
      if (!(gr > 0)) {
        throw new EngineInputError(
          "conditionalLikelihood",
          "item parameters are too extreme: an elementary symmetric function underflowed",
        );
      }
      logLik -= nr * (Math.log(gr) + gamma.logScale - r * tau);
      w[r] = nr / gr;
    }
    if (total === 0) continue;
    const wLog = -gamma.logScale;
    // The observed raw scores: only they carry weight w_r = n_r/γ_r.
    const obs: number[] = [];
    for (let r = 0; r <= R; r++) if (n[r]! !== 0) obs.push(r);
    const D = obs.length;
    // u_j[c] = Σ_b Q_{j+1}[b]·w[c+b] = Σ_{observed r} Q_{j+1}[r − c]·w_r
    const u: Float64Array[] = [];
    for (let j = 0; j < J; j++) {
      const q = suffix[j + 1]!.v;
      const uj = new Float64Array(R + 1);
      for (const r of obs) {
        const wr = w[r]!;
        const lo = Math.max(0, r - q.length + 1);
        for (let c = lo; c <= r; c++) uj[c]! += q[r - c]! * wr;
      }
      u.push(uj);
    }
    const uLog = (j: number): number => suffix[j + 1]!.logScale + wLog;

    // First order: this group's expected counts.
    const groupExpected: number[] = [];
    for (let k = 0; k < J; k++) {
      const i = its[k]!;
      const pv = prefix[k]!.v;
      const scale = Math.exp(prefix[k]!.logScale + uLog(k));
      for (let h = 1; h <= maxCategory[i]!; h++) {
        let s = 0;
        for (let a = 0; a < pv.length; a++) s += pv[a]! * u[k]![a + h]!;
        const eih = e[k]![h]! * s * scale;
        expected[offsets[i]! + h - 1]! += eih;
        groupExpected.push(eih);
      }
    }
    if (!information) continue;

    // π_ih(r) for the product term.
    const local: number[] = [];
    for (const i of its) for (let h = 1; h <= maxCategory[i]!; h++) local.push(offsets[i]! + h - 1);
    const L = local.length;
    // π_ih(r) at the observed scores (L × D): γ^(i) by a full convolution when many scores are
    // observed, else entry by entry.
    const pi = new Float64Array(L * D);
    let row = 0;
    for (let k = 0; k < J; k++) {
      const i = its[k]!;
      const m = maxCategory[i]!;
      const P = prefix[k]!;
      const Q = suffix[k + 1]!;
      const scale = Math.exp(P.logScale + Q.logScale - gamma.logScale);
      const full = D * m > R ? convolveEsf(P, Q) : null;
      const fullScale = full ? Math.exp(full.logScale - gamma.logScale) : 0;
      for (let h = 1; h <= m; h++, row++) {
        for (let d = 0; d < D; d++) {
          const r = obs[d]!;
          const s0 = r - h;
          if (s0 < 0 || s0 > R - m) continue;
          let g: number;
          if (full) {
            g = full.v[s0]! * fullScale;
          } else {
            g = 0;
            const lo = Math.max(0, s0 - Q.v.length + 1);
            const hi = Math.min(P.v.length - 1, s0);
            for (let a = lo; a <= hi; a++) g += P.v[a]! * Q.v[s0 - a]!;
            g *= scale;
          }
          pi[row * D + d] = (e[k]![h]! * g) / gamma.v[obs[d]!]!;
        }
      }
    }
    const nObs = Float64Array.from(obs, (r) => n[r]!);
    for (let a = 0; a < L; a++) {
      const pa = a * D;
      for (let b = a; b < L; b++) {
        const pb = b * D;
        let s = 0;
        for (let d = 0; d < D; d++) s += nObs[d]! * pi[pa + d]! * pi[pb + d]!;
        const P = local[a]!;
        const Q = local[b]!;
        information[P * K + Q]! -= s;
        if (P !== Q) information[Q * K + P]! -= s;
      }
    }
    // Same-item joint term: δ_hk·E(N_ih) for this group.
    for (let a = 0; a < L; a++) information[local[a]! * K + local[a]!]! += groupExpected[a]!;
    // Cross-item joint term E(t_ih·t_jk | r), i before j in the group. A_ij (the functions of the
    // items before j other than i) is built in place in two buffers, rescaled when it drifts.
    let bufA = new Float64Array(R + 1);
    let bufB = new Float64Array(R + 1);
    const z = new Float64Array(2 * MAX_PAIR_SCORE + 1);
    for (let ki = 0; ki < J; ki++) {
      const i = its[ki]!;
      const mi = maxCategory[i]!;
      const start = prefix[ki]!;
      bufA.set(start.v);
      let lenA = start.v.length;
      let logA = start.logScale;
      for (let kj = ki + 1; kj < J; kj++) {
        const j = its[kj]!;
        const mj = maxCategory[j]!;
        const uj = u[kj]!;
        const scale = Math.exp(logA + uLog(kj));
        for (let t = 2; t <= mi + mj; t++) {
          let s = 0;
          for (let a = 0; a < lenA; a++) s += bufA[a]! * uj[a + t]!;
          z[t] = s * scale;
        }
        for (let h = 1; h <= mi; h++) {
          const P = offsets[i]! + h - 1;
          const eh = e[ki]![h]!;
          for (let k = 1; k <= mj; k++) {
            const Q = offsets[j]! + k - 1;
            const val = eh * e[kj]![k]! * z[h + k]!;
            information[P * K + Q]! += val;
            information[Q * K + P]! += val;
          }
        }
        if (kj === J - 1) break;
        // A ← A ⊛ item j
        const ej = e[kj]!;
        bufB.fill(0, 0, lenA + mj);
        let max = 0;
        for (let h = 0; h <= mj; h++) {
          const eh = ej[h]!;
          for (let a = 0; a < lenA; a++) bufB[a + h]! += eh * bufA[a]!;
        }
        lenA += mj;
        for (let a = 0; a < lenA; a++) if (bufB[a]! > max) max = bufB[a]!;
        if (max > 1e100 || max < 1e-100) {
          for (let a = 0; a < lenA; a++) bufB[a]! /= max;
          logA += Math.log(max);
        }
        const tmp = bufA;
        bufA = bufB;
        bufB = tmp;
      }
    }
  }
  const gradient = new Float64Array(K);
  for (let p = 0; p < K; p++) gradient[p] = categoryCounts[p]! - expected[p]!;
  return { logLik, gradient, information };
}
