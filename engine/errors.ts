/**
 * Thrown by engine functions when a precondition on their input does not hold.
 * The message names the function and the condition, so that a route or the CLI
 * can show it to a person as it is.
 */
export class EngineInputError extends Error {
  override readonly name = "EngineInputError";
  /** The engine function that refused its input. */
  readonly fn: string;

  constructor(fn: string, condition: string) {
    super(`${fn}: ${condition}`);
    this.fn = fn;
  }
}

/**
 * Throw an {@link EngineInputError} unless `ok` holds.
 * @param ok - the precondition
 * @param fn - the name of the calling engine function
 * @param condition - what must hold, in words ("draws must be a positive integer")
 * @throws EngineInputError when `ok` is false
 */
export function require_(ok: boolean, fn: string, condition: string): asserts ok {
  if (!ok) throw new EngineInputError(fn, condition);
}
