import { EngineInputError } from "../errors";
import { distMean, distSd, sampleDist, type Dist, type Random } from "../random";
import { adaptiveMonteCarlo } from "./adaptive-monte-carlo";
import { checkCorrelation } from "./check-correlation";
import { compileExpression } from "./compile-expression";
import { correlatedNormalDraws } from "./correlated-normal-draws";
import { describeDraws, type MonteCarloSummary } from "./describe-draws";
import { gumPropagate } from "./gum-propagate";
import { validateGum, type GumValidation } from "./validate-gum";

/** A measurement model given as an expression over named inputs with distributions. */
export interface ExpressionModel {
  /** arithmetic over the input names ({@link parseExpression}) */
  readonly expression: string;
  /** the distribution of each input (DESIGN §7 `Dist`) */
  readonly inputs: Readonly<Record<string, Dist>>;
  /** number of Monte Carlo draws M; with `adaptive`, the most draws to use */
  readonly draws: number;
  /** coverage probability, default 0.95 */
  readonly coverage?: number;
  /** correlated normal inputs: their names and correlation matrix (others stay independent) */
  readonly correlation?: {
    readonly inputs: readonly string[];
    readonly matrix: readonly (readonly number[])[];
  };
  /** adaptive Monte Carlo (JCGM 101 §7.9) to ndig significant digits of u */
  readonly adaptive?: { readonly ndig: number };
}

/** The Monte Carlo summary, with the first-order GUM result beside it for validation. */
export interface PropagateExpressionResult extends MonteCarloSummary {
  /**
   * GUM uncertainty framework (JCGM 100 §5.1.2, §5.2.2 with the stated correlations), at the
   * input means with their standard deviations, and its validation against the Monte Carlo
   * result (JCGM 101 §8.2, {@link validateGum}); null when the expression is not differentiable there
   */
  gum: ({ estimate: number; u: number } & GumValidation) | null;
  /** with adaptive Monte Carlo: batches of 10⁴ draws run, tolerance δ, and whether it converged */
  adaptive?: { batches: number; tolerance: number; converged: boolean };
}

/** Draws sampled per input at a time. Fixed: changing it changes the draws for a seed. */
const SAMPLE_CHUNK = 65_536;

/**
 * Propagate distributions through an expression by Monte Carlo (JCGM 101 §5.9, §7): draw the
 * inputs, evaluate the expression draw by draw, and summarise the output (estimate, standard
 * uncertainty, probabilistically symmetric and shortest coverage intervals, §7.6–7.7).
 *
 * Inputs are drawn in chunks of 65 536 draws from the one generator: first the correlated
 * normal group, if any, jointly by Cholesky (JCGM 101 §6.4.8), then the other inputs the
 * expression uses, one by one in name order. So the result does not depend on the order of the
 * inputs' keys and is reproducible bit for bit from the seed. With `adaptive`, batches of 10⁴
 * draws run until the results are stable to ndig significant digits of u (§7.9).
 *
 * @param model - expression, inputs, draws, coverage probability, correlation, adaptive
 * @param random - a seeded generator
 * @returns the summary of the output quantity with the GUM first-order result beside it
 * @throws EngineInputError on a syntax error, an unknown name, a correlated input that is not
 *   normal, too few draws, or a draw at which the expression is not finite (log or sqrt of a
 *   negative number, division by zero)
 */
export function propagateExpression(model: ExpressionModel, random: Random): PropagateExpressionResult {
  const fn = "propagateExpression";
  const m = model.draws;
  if (!Number.isInteger(m) || m < 1) throw new EngineInputError(fn, "draws must be a positive integer");
  const compiled = compileExpression(model.expression, Object.keys(model.inputs));
  const names = compiled.names;
  const group = model.correlation?.inputs ?? [];
  if (model.correlation) {
    if (new Set(group).size !== group.length)
      throw new EngineInputError(fn, "correlated inputs must be distinct");
    for (const name of group) {
      const d = model.inputs[name];
      if (d === undefined)
        throw new EngineInputError(fn, `correlated input "${name}" is not among the inputs`);
      if (typeof d === "number" || d.dist !== "normal") {
        throw new EngineInputError(fn, `correlated input "${name}" must have a normal distribution`);
      }
    }
    checkCorrelation(model.correlation.matrix, group.length, fn);
  }
  const independent = names.filter((n) => !group.includes(n));

  const simulate = (draws: number, rnd: Random): Float64Array => {
    const out = new Float64Array(draws);
    // a constant expression is evaluated once, and checked like any other
    if (names.length === 0) out.fill(compiled.evaluateAt({}));
    for (let start = 0; names.length > 0 && start < draws; start += SAMPLE_CHUNK) {
      const len = Math.min(SAMPLE_CHUNK, draws - start);
      const chunk: Record<string, Float64Array> = {};
      if (model.correlation) {
        const normals = group.map((n) => model.inputs[n] as { mean: number; sd: number });
        const joint = correlatedNormalDraws(
          {
            mean: normals.map((d) => d.mean),
            sd: normals.map((d) => d.sd),
            correlation: model.correlation.matrix,
          },
          len,
          rnd,
        );
        group.forEach((n, i) => (chunk[n] = joint[i]!));
      }
      for (const name of independent) chunk[name] = sampleDist(model.inputs[name]!, len, rnd);
      out.set(compiled.evaluate(chunk), start);
    }
    let bad = 0;
    let first = -1;
    for (let i = 0; i < draws; i++) {
      if (!Number.isFinite(out[i]!)) {
        if (first < 0) first = i;
        bad++;
      }
    }
    if (bad > 0) {
      throw new EngineInputError(
        fn,
        `the expression is not a finite number for ${bad} of ${draws} draws (first at draw ${first + 1}): ` +
          "log or sqrt of a negative number, division by zero, or overflow",
      );
    }
    return out;
  };

  const p = model.coverage ?? 0.95;
  let summary: MonteCarloSummary;
  let adaptive: PropagateExpressionResult["adaptive"];
  if (model.adaptive) {
    const batch = Math.max(10_000, Math.ceil(100 / (1 - p)));
    if (m < 2 * batch) {
      throw new EngineInputError(fn, `with adaptive, draws is the most to use and must be ≥ ${2 * batch}`);
    }
    const { batches, tolerance, converged, ...rest } = adaptiveMonteCarlo({
      sample: simulate,
      random,
      p,
      ndig: model.adaptive.ndig,
      maxDraws: m,
    });
    summary = rest;
    adaptive = { batches, tolerance, converged };
  } else {
    summary = describeDraws(simulate(m, random), p);
  }
  const g = gumAtMeans(model, names, compiled.evaluateAt);
  const gum = g && { ...g, ...validateGum(g, summary, p, model.adaptive?.ndig ?? 2) };
  return { ...summary, gum, ...(adaptive ? { adaptive } : {}) };
}

/** First-order GUM at the input means (null when the expression is not differentiable there). */
function gumAtMeans(
  model: ExpressionModel,
  names: readonly string[],
  evaluateAt: (point: Readonly<Record<string, number>>) => number,
): { estimate: number; u: number } | null {
  if (names.length === 0) return { estimate: evaluateAt({}), u: 0 };
  const x = names.map((n) => distMean(model.inputs[n]!));
  const u = names.map((n) => distSd(model.inputs[n]!));
  let correlation: number[][] | undefined;
  if (model.correlation) {
    const { inputs: group, matrix } = model.correlation;
    correlation = names.map((a, i) =>
      names.map((b, j) => {
        const gi = group.indexOf(a);
        const gj = group.indexOf(b);
        return i === j ? 1 : gi >= 0 && gj >= 0 ? matrix[gi]![gj]! : 0;
      }),
    );
  }
  try {
    const g = gumPropagate(
      { f: (v) => evaluateAt(Object.fromEntries(names.map((n, i) => [n, v[i]!]))) },
      { x, u, correlation },
    );
    return { estimate: g.estimate, u: g.u };
  } catch (e) {
    if (e instanceof EngineInputError) return null;
    throw e;
  }
}
