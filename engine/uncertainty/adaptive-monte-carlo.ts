import { EngineInputError } from "../errors";
import type { Random } from "../random";
import { coverageInterval } from "./coverage-interval";
import { numericalTolerance } from "./numerical-tolerance";
import { shortestCoverageInterval } from "./shortest-coverage-interval";
import { sortDraws } from "./sort-draws";
import { summariseDraws } from "./summarise-draws";
import { describeDraws, type MonteCarloSummary } from "./describe-draws";

/** Options for {@link adaptiveMonteCarlo}. */
export interface AdaptiveMonteCarloOptions {
  /** draw `m` values of the output quantity, consuming `random` only */
  readonly sample: (m: number, random: Random) => Float64Array;
  /** a seeded generator */
  readonly random: Random;
  /** coverage probability, default 0.95 */
  readonly p?: number;
  /** significant decimal digits required of u, default 2 */
  readonly ndig?: number;
  /** draws per batch M, default max(10⁴, ⌈100/(1 − p)⌉) */
  readonly batchSize?: number;
  /** stop (unconverged) after this many draws, default 10⁷ */
  readonly maxDraws?: number;
}

/** The adaptive result: the summary of all draws, with how the procedure stopped. */
export interface AdaptiveMonteCarloResult extends MonteCarloSummary {
  /** number of batches h */
  batches: number;
  /** the numerical tolerance δ of u at the end */
  tolerance: number;
  /** whether every 2·s was ≤ δ (false: stopped at maxDraws) */
  converged: boolean;
}

interface BatchStats {
  mean: number;
  ss: number;
  u: number;
  lo: number;
  hi: number;
  shortLo: number;
  shortHi: number;
}

/** Standard deviation of the average of h values: s² = Σ (v_r − v̄)² / (h(h − 1)) (JCGM 101 §7.9.4 f). */
function sdOfMean(values: readonly number[]): number {
  const h = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / h;
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  return Math.sqrt(ss / (h * (h - 1)));
}

/**
 * Adaptive Monte Carlo (JCGM 101 §7.9.4): run batches of M draws; after each batch from the
 * second on, form the standard deviation s of the average of the h batch estimates y⁽ʳ⁾, of
 * their standard uncertainties u(y⁽ʳ⁾), and of their coverage-interval ends (both the
 * probabilistically symmetric and the shortest interval, since both are reported); take the
 * numerical tolerance δ of u(y) from all h·M draws to ndig significant digits (§7.9.2); stop
 * when 2s ≤ δ for every one of them (§7.9.4 j). The result summarises all h·M draws
 * (§7.9.4 k). Batches draw from one generator in turn, so a seed reproduces the run bit for bit.
 *
 * @param options - sampler, generator, p, ndig, batch size, draw limit
 * @returns the summary of all draws, with draws used, batches, δ and whether it converged
 * @throws EngineInputError when an option is out of range or the sampler returns the wrong length
 */
export function adaptiveMonteCarlo(options: AdaptiveMonteCarloOptions): AdaptiveMonteCarloResult {
  const fn = "adaptiveMonteCarlo";
  const p = options.p ?? 0.95;
  const ndig = options.ndig ?? 2;
  if (!(p > 0 && p < 1)) throw new EngineInputError(fn, "p must be in (0, 1)");
  if (!Number.isInteger(ndig) || ndig < 1) throw new EngineInputError(fn, "ndig must be a positive integer");
  const m = options.batchSize ?? Math.max(10_000, Math.ceil(100 / (1 - p)));
  const maxDraws = options.maxDraws ?? 10_000_000;
  if (!Number.isInteger(m) || m < 2) throw new EngineInputError(fn, "batchSize must be an integer ≥ 2");
  if (!Number.isInteger(maxDraws) || maxDraws < 2 * m) {
    throw new EngineInputError(fn, "maxDraws must be an integer ≥ 2 × batchSize");
  }

  const batches: Float64Array[] = [];
  const stats: BatchStats[] = [];
  let tolerance = 0;
  let converged = false;
  while ((batches.length + 1) * m <= maxDraws) {
    const y = options.sample(m, options.random);
    if (y.length !== m) throw new EngineInputError(fn, `sample must return ${m} draws`);
    const sorted = sortDraws(y);
    const { estimate, u } = summariseDraws(y);
    const [lo, hi] = coverageInterval(sorted, p, { sorted: true });
    const [shortLo, shortHi] = shortestCoverageInterval(sorted, p, { sorted: true });
    let ss = 0;
    for (let i = 0; i < m; i++) ss += (y[i]! - estimate) ** 2;
    batches.push(y);
    stats.push({ mean: estimate, ss, u, lo, hi, shortLo, shortHi });
    const h = stats.length;
    if (h < 2) continue;
    // u(y) from all h·M draws by pooling the batch sums of squares (§7.9.4 h)
    const grand = stats.reduce((s, b) => s + b.mean, 0) / h;
    const pooled = stats.reduce((s, b) => s + b.ss + m * (b.mean - grand) ** 2, 0);
    tolerance = numericalTolerance(Math.sqrt(pooled / (h * m - 1)), ndig);
    const keys = ["mean", "u", "lo", "hi", "shortLo", "shortHi"] as const;
    if (keys.every((k) => 2 * sdOfMean(stats.map((b) => b[k])) <= tolerance)) {
      converged = true;
      break;
    }
  }
  const all = new Float64Array(batches.length * m);
  batches.forEach((b, i) => all.set(b, i * m));
  return {
    ...describeDraws(all, p),
    batches: batches.length,
    tolerance,
    converged,
  };
}
