import { EngineInputError } from "../errors";
import { distMean, distSd, sampleDist, type Dist, type Random } from "../random";
import { compileExpression } from "./compile-expression";
import { describeDraws, type MonteCarloSummary } from "./describe-draws";
import { gumPropagate } from "./gum-propagate";

/** A measurement model given as an expression over named inputs with distributions. */
export interface ExpressionModel {
  /** arithmetic over the input names ({@link parseExpression}) */
  readonly expression: string;
  /** the distribution of each input (DESIGN §7 `Dist`) */
  readonly inputs: Readonly<Record<string, Dist>>;
  /** number of Monte Carlo draws M */
  readonly draws: number;
  /** coverage probability, default 0.95 */
  readonly coverage?: number;
}

/** The Monte Carlo summary, with the first-order GUM result beside it for validation. */
export interface PropagateExpressionResult extends MonteCarloSummary {
  /**
   * GUM uncertainty framework (JCGM 100 §5.1.2, inputs independent, at the input means with
   * their standard deviations); null when the expression is not differentiable there
   */
  gum: { estimate: number; u: number } | null;
}

/** Draws sampled per input at a time. Fixed: changing it changes the draws for a seed. */
const SAMPLE_CHUNK = 65_536;

/**
 * Propagate distributions through an expression by Monte Carlo (JCGM 101 §5.9, §7): draw each
 * input independently from its distribution, evaluate the expression draw by draw, and
 * summarise the output (estimate, standard uncertainty, probabilistically symmetric and
 * shortest coverage intervals, §7.6–7.7). Inputs are drawn in chunks of 65 536 draws, input
 * by input in name order, from the one generator: the result does not depend on the order of
 * the inputs' keys and is reproducible bit for bit from the seed. Inputs the expression does
 * not use are not drawn.
 *
 * @param model - expression, inputs, draws and coverage probability
 * @param random - a seeded generator
 * @returns the summary of the output quantity with the GUM first-order result beside it
 * @throws EngineInputError on a syntax error, an unknown name, too few draws, or a draw at
 *   which the expression is not finite (log or sqrt of a negative number, division by zero)
 */
export function propagateExpression(model: ExpressionModel, random: Random): PropagateExpressionResult {
  const fn = "propagateExpression";
  const m = model.draws;
  if (!Number.isInteger(m) || m < 1) throw new EngineInputError(fn, "draws must be a positive integer");
  const compiled = compileExpression(model.expression, Object.keys(model.inputs));
  const names = compiled.names;
  const out = new Float64Array(m);
  if (names.length === 0) out.fill(compiled.evaluateAt({}));
  else {
    for (let start = 0; start < m; start += SAMPLE_CHUNK) {
      const len = Math.min(SAMPLE_CHUNK, m - start);
      const chunk: Record<string, Float64Array> = {};
      for (const name of names) chunk[name] = sampleDist(model.inputs[name]!, len, random);
      out.set(compiled.evaluate(chunk), start);
    }
  }
  let bad = 0;
  let first = -1;
  for (let i = 0; i < m; i++) {
    if (!Number.isFinite(out[i]!)) {
      if (first < 0) first = i;
      bad++;
    }
  }
  if (bad > 0) {
    throw new EngineInputError(
      fn,
      `the expression is not a finite number for ${bad} of ${m} draws (first at draw ${first + 1}): ` +
        "log or sqrt of a negative number, division by zero, or overflow",
    );
  }
  const summary = describeDraws(out, model.coverage ?? 0.95);
  let gum: PropagateExpressionResult["gum"] = null;
  if (names.length > 0) {
    try {
      const x = names.map((n) => distMean(model.inputs[n]!));
      const u = names.map((n) => distSd(model.inputs[n]!));
      const g = gumPropagate(
        { f: (v) => compiled.evaluateAt(Object.fromEntries(names.map((n, i) => [n, v[i]!]))) },
        { x, u },
      );
      gum = { estimate: g.estimate, u: g.u };
    } catch (e) {
      if (!(e instanceof EngineInputError)) throw e;
    }
  } else {
    gum = { estimate: compiled.evaluateAt({}), u: 0 };
  }
  return { ...summary, gum };
}
