import { EngineInputError } from "../errors";

/** Mean, standard uncertainty and 95 % coverage interval of Monte Carlo draws. */
export interface DrawSummary {
  mean: number;
  u: number;
  interval: [number, number];
}

/**
 * Summarise draws as JCGM 101:2008 §7 does for an output quantity: the mean (§7.6), the
 * standard deviation with divisor M − 1 as its standard uncertainty, and the probabilistically
 * symmetric coverage interval (§7.7) between the order statistics y_(r) and y_(M+1−r) with
 * r = round(M (1 − p)/2), at least 1.
 * @param draws - M ≥ 2 finite values (not changed)
 * @param p - coverage probability, default 0.95
 * @returns the summary
 * @throws EngineInputError when there are fewer than two draws
 */
export function summariseDraws(draws: Float64Array, p = 0.95): DrawSummary {
  const m = draws.length;
  if (m < 2) throw new EngineInputError("summariseDraws", "needs at least two draws");
  let mean = 0;
  for (let t = 0; t < m; t++) mean += draws[t]!;
  mean /= m;
  let ss = 0;
  for (let t = 0; t < m; t++) ss += (draws[t]! - mean) ** 2;
  const work = Float64Array.from(draws);
  const r = Math.max(1, Math.round((m * (1 - p)) / 2));
  const lo = select(work, r - 1, 0, m - 1);
  const hi = select(work, m - r, r - 1, m - 1);
  return { mean, u: Math.sqrt(ss / (m - 1)), interval: [lo, hi] };
}

/**
 * The k-th smallest value (0-based) of a[left..right], by Hoare's FIND as Wirth writes it
 * ("Algorithms + Data Structures = Programs", 1976, §2.3.4): partitions around a[k] scanning
 * from both ends, so runs of equal values split evenly (constant draws stay linear). Leaves
 * a[k] in place with smaller-or-equal values before it and larger-or-equal after, so a second,
 * larger order statistic can be selected in a[k..right].
 */
function select(a: Float64Array, k: number, left: number, right: number): number {
  let l = left;
  let r = right;
  while (l < r) {
    const x = a[k]!;
    let i = l;
    let j = r;
    do {
      while (a[i]! < x) i++;
      while (x < a[j]!) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) l = i;
    if (k < i) r = j;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
