import { categoryProbabilities } from "./category-moments";
import type { PreparedResponses } from "./prepare-responses";

/** Infit and outfit mean squares with their Wilson–Hilferty standardised forms. */
export interface FitStatistics {
  /** Information-weighted mean square Σ(x − E)² / ΣV. */
  readonly infit: number;
  /** Unweighted mean square of the standardised residuals Σ((x − E)²/V) / n. */
  readonly outfit: number;
  /** Infit as a t statistic (cube-root transform). */
  readonly infitZ: number;
  /** Outfit as a t statistic (cube-root transform). */
  readonly outfitZ: number;
  /** Number of responses the statistic is based on. */
  readonly n: number;
}

/** Item and person fit. */
export interface RaschFit {
  readonly items: readonly FitStatistics[];
  /** Per person; null for a person with an extreme raw score (no finite ML measure). */
  readonly persons: readonly (FitStatistics | null)[];
}

/**
 * Infit and outfit mean squares of items and persons, as eRm's `itemfit` and `personfit`
 * compute them: residuals of each response from its expectation E_vi at the person's ML
 * measure, with variance V_vi and fourth central moment C_vi; persons with an extreme raw score
 * are left out. Outfit = Σ z²/n with z = (x − E)/√V, infit = Σ(x − E)²/ΣV; their variances
 * q²_out = Σ(C/V²)/n² − 1/n and q²_in = Σ(C − V²)/(ΣV)², and Z = (MSQ^(1/3) − 1)·3/q + q/3.
 *
 * Source: Wright, B. D. & Masters, G. N. (1982), *Rating Scale Analysis*, ch. 5 (pp. 99–101);
 * Mair, Hatzinger & Maier, eRm 1.0 `itemfit.ppar`, `personfit.ppar`, `pifit.internal`.
 *
 * @param prepared - responses from {@link prepareResponses}
 * @param thresholds - per item its thresholds (any identification: fit is shift invariant
 *   when the measures are on the same scale)
 * @param measures - per person the ML measure on the same scale (NaN for extreme scores)
 * @returns item fit (one per item) and person fit (null for persons without a finite measure)
 */
export function raschFit(
  prepared: PreparedResponses,
  thresholds: readonly ArrayLike<number>[],
  measures: Float64Array,
): RaschFit {
  const { nPersons: N, nItems: J, x } = prepared;
  const iSq = new Float64Array(J);
  const iRes = new Float64Array(J);
  const iV = new Float64Array(J);
  const iCoV2 = new Float64Array(J);
  const iCmV2 = new Float64Array(J);
  const iN = new Float64Array(J);
  const persons: (FitStatistics | null)[] = [];
  const cache = new Map<number, Float64Array>();
  const moments = (theta: number): Float64Array => {
    let m = cache.get(theta);
    if (m) return m;
    m = new Float64Array(3 * J);
    for (let i = 0; i < J; i++) {
      const p = categoryProbabilities(thresholds[i]!, theta);
      let e = 0;
      for (let h = 1; h < p.length; h++) e += h * p[h]!;
      let v = 0;
      let c = 0;
      for (let h = 0; h < p.length; h++) {
        const d2 = (h - e) * (h - e);
        v += d2 * p[h]!;
        c += d2 * d2 * p[h]!;
      }
      m[3 * i] = e;
      m[3 * i + 1] = v;
      m[3 * i + 2] = c;
    }
    cache.set(theta, m);
    return m;
  };
  for (let v = 0; v < N; v++) {
    const theta = measures[v]!;
    if (!Number.isFinite(theta)) {
      persons.push(null);
      continue;
    }
    const m = moments(theta);
    let sq = 0;
    let res = 0;
    let sv = 0;
    let coV2 = 0;
    let cmV2 = 0;
    let n = 0;
    for (let i = 0; i < J; i++) {
      const xi = x[v * J + i]!;
      if (xi < 0) continue;
      const e = m[3 * i]!;
      const vv = m[3 * i + 1]!;
      const c = m[3 * i + 2]!;
      const r2 = (xi - e) * (xi - e);
      sq += r2 / vv;
      res += r2;
      sv += vv;
      coV2 += c / (vv * vv);
      cmV2 += c - vv * vv;
      n++;
      iSq[i]! += r2 / vv;
      iRes[i]! += r2;
      iV[i]! += vv;
      iCoV2[i]! += c / (vv * vv);
      iCmV2[i]! += c - vv * vv;
      iN[i]! += 1;
    }
    persons.push(fitStatistics(sq, res, sv, coV2, cmV2, n));
  }
  const items = Array.from({ length: J }, (_, i) =>
    fitStatistics(iSq[i]!, iRes[i]!, iV[i]!, iCoV2[i]!, iCmV2[i]!, iN[i]!),
  );
  return { items, persons };
}

function fitStatistics(
  sq: number,
  res: number,
  sv: number,
  coV2: number,
  cmV2: number,
  n: number,
): FitStatistics {
  const outfit = sq / n;
  const infit = res / sv;
  const qOut = Math.sqrt(coV2 / (n * n) - 1 / n);
  const qIn = Math.sqrt(cmV2 / (sv * sv));
  return {
    infit,
    outfit,
    infitZ: (Math.cbrt(infit) - 1) * (3 / qIn) + qIn / 3,
    outfitZ: (Math.cbrt(outfit) - 1) * (3 / qOut) + qOut / 3,
    n,
  };
}
