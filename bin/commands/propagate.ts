import { commandUsage } from "../command-usage";
import { z, ZodError } from "zod";
import { EngineInputError } from "../../engine/errors";
import { createRandom, DistSchema } from "../../engine/random";
import { EXPRESSION_FUNCTIONS, MAX_EXPRESSION_LENGTH, propagateExpression } from "../../engine/uncertainty";
import { CliInputError, describeInputError, parseCommandArgs, readInputFile, type Command } from "../cli";

/** Most draws a model may ask for (memory: 8 bytes each, plus a sorted copy). */
export const MAX_DRAWS = 10_000_000;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Input names must be identifiers and not one of the expression's function names. */
const Inputs = z.record(z.string(), DistSchema).superRefine((inputs, ctx) => {
  for (const name of Object.keys(inputs)) {
    if (!IDENTIFIER.test(name)) {
      ctx.addIssue({
        code: "custom",
        path: [name],
        message: "an input name must be an identifier (letters, digits, _)",
      });
    } else if ((EXPRESSION_FUNCTIONS as readonly string[]).includes(name)) {
      ctx.addIssue({
        code: "custom",
        path: [name],
        message: `an input name must not be a function name (${EXPRESSION_FUNCTIONS.join(", ")})`,
      });
    }
  }
});

/** The `propagate` model file (DESIGN §7). */
export const PropagateModelSchema = z.strictObject({
  expression: z.string().min(1, "must not be empty").max(MAX_EXPRESSION_LENGTH),
  inputs: Inputs,
  draws: z.number().int("must be an integer").min(1, "must be ≥ 1").max(MAX_DRAWS, `must be ≤ ${MAX_DRAWS}`),
  seed: z
    .number()
    .int("must be an integer")
    .min(0, "must be ≥ 0")
    .max(2 ** 32 - 1, "must be < 2^32"),
  coverage: z.number().gt(0, "must be > 0").lt(1, "must be < 1").default(0.95),
  correlation: z
    .strictObject({
      inputs: z.array(z.string()).min(2, "must name at least two inputs"),
      matrix: z.array(z.array(z.number())),
    })
    .optional(),
  adaptive: z
    .strictObject({
      ndig: z.number().int("must be an integer").min(1, "must be ≥ 1").max(6, "must be ≤ 6").default(2),
    })
    .optional(),
});
export type PropagateModel = z.infer<typeof PropagateModelSchema>;

const usage = commandUsage("propagate");

/**
 * `livsval propagate <model.json>`: propagate input distributions through an expression by
 * Monte Carlo (JCGM 101) and print {estimate, u, interval, shortestInterval, coverage, draws,
 * seed, gum} (gum: the first-order GUM result at the input means with its interval, and whether
 * Monte Carlo validates it, JCGM 101 §8.2). Optional model keys beyond DESIGN §7:
 * `correlation` {inputs, matrix} for correlated normal inputs, and `adaptive` {ndig} for
 * JCGM 101 §7.9 adaptive stopping (then `draws` is the most to use and the output has
 * `adaptive` {batches, tolerance, converged}).
 */
export const run: Command = async (argv) => {
  const { positionals } = parseCommandArgs(argv, {}, usage);
  if (positionals.length !== 1) throw new CliInputError(usage);
  const path = positionals[0]!;
  const text = await readInputFile(path, 1024 * 1024);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliInputError(`${path}: not valid JSON: ${(e as Error).message}`);
  }
  let model: PropagateModel;
  try {
    model = PropagateModelSchema.parse(json);
  } catch (e) {
    if (e instanceof ZodError) throw new CliInputError(`${path}: ${describeInputError(e)}`);
    throw e;
  }
  let result;
  try {
    result = propagateExpression(model, createRandom(model.seed));
  } catch (e) {
    if (e instanceof EngineInputError) {
      const condition = e.message.slice(e.fn.length + 2);
      const where = e.fn === "parseExpression" || e.fn === "compileExpression" ? "expression: " : "";
      throw new CliInputError(`${path}: ${where}${condition}`);
    }
    throw e;
  }
  return {
    estimate: result.estimate,
    u: result.u,
    interval: result.interval,
    shortestInterval: result.shortestInterval,
    coverage: result.coverage,
    draws: result.draws,
    seed: model.seed,
    gum: result.gum,
    ...(result.adaptive ? { adaptive: result.adaptive } : {}),
  };
};
