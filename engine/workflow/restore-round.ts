import { z } from "zod";
import { EngineInputError } from "../errors";
import type { RoundSnapshot } from "./create-round";
import { RoundContextSchema } from "./round-context";
import { ROUND_MACHINE_VERSION, ROUND_STATES, roundMachine } from "./round-machine";

const PersistedRoundSchema = z.object({
  machineVersion: z.string(),
  state: z.enum(ROUND_STATES),
  snapshot: z.looseObject({ value: z.enum(ROUND_STATES), context: RoundContextSchema }),
});

/**
 * Restore a stored round (from `persistRound`, possibly through JSON) to a snapshot that
 * `applyRoundEvent` accepts, with xstate 5 `machine.resolveState`. The record is validated
 * first: its machine version must be this one, its state one of the machine's, and its context
 * must match `RoundContextSchema`.
 * @param stored - the parsed JSON of a persisted round
 * @returns the snapshot
 * @throws EngineInputError when the record is malformed or was made by another machine version
 */
export function restoreRound(stored: unknown): RoundSnapshot {
  const parsed = PersistedRoundSchema.safeParse(stored);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new EngineInputError("restoreRound", `the stored round is malformed: ${issues}`);
  }
  const { machineVersion, state, snapshot } = parsed.data;
  if (machineVersion !== ROUND_MACHINE_VERSION) {
    throw new EngineInputError(
      "restoreRound",
      `the stored round was made by machine version ${machineVersion}, this is ${ROUND_MACHINE_VERSION}`,
    );
  }
  if (snapshot.value !== state) {
    throw new EngineInputError(
      "restoreRound",
      `the stored state ${state} disagrees with the snapshot's ${snapshot.value}`,
    );
  }
  return roundMachine.resolveState({ value: snapshot.value, context: snapshot.context });
}
