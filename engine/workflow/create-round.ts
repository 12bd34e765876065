import { initialTransition, type SnapshotFrom } from "xstate";
import { EngineInputError } from "../errors";
import { RoundInputSchema, type RoundInput } from "./round-context";
import { roundMachine } from "./round-machine";

/** A snapshot of the round machine: state value, context and status. */
export type RoundSnapshot = SnapshotFrom<typeof roundMachine>;

/**
 * Start a new prioritisation round in `draft`, purely (xstate 5 `initialTransition`: no actor is
 * started and no action is executed).
 * @param input - the round's id, title, creator, creation time (ISO 8601) and committee quorum (default 1)
 * @returns the initial snapshot
 * @throws EngineInputError when the input does not match `RoundInputSchema`
 */
export function createRound(input: RoundInput): RoundSnapshot {
  const parsed = RoundInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new EngineInputError(
      "createRound",
      `input is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const [snapshot] = initialTransition(roundMachine, parsed.data);
  return snapshot;
}
