import type { RoundSnapshot } from "./create-round";
import type { RoundContext } from "./round-context";
import { ROUND_MACHINE_VERSION, roundMachine, type RoundState } from "./round-machine";

/** A round as stored: plain JSON with the machine version it was made by. */
export interface PersistedRound {
  machineVersion: string;
  state: RoundState;
  /** xstate's persisted snapshot (`machine.getPersistedSnapshot`), JSON-safe. */
  snapshot: { value: RoundState; context: RoundContext; status: string; [key: string]: unknown };
}

/**
 * Turn a round snapshot into plain JSON to store, tagged with {@link ROUND_MACHINE_VERSION}
 * (xstate 5 `getPersistedSnapshot`). Restore it with `restoreRound`.
 * @param snapshot - the round's snapshot
 * @returns a JSON-safe record; `JSON.parse(JSON.stringify(x))` gives an equal value
 */
export function persistRound(snapshot: RoundSnapshot): PersistedRound {
  const persisted = roundMachine.getPersistedSnapshot(snapshot) as unknown as PersistedRound["snapshot"];
  return {
    machineVersion: ROUND_MACHINE_VERSION,
    state: snapshot.value as RoundState,
    snapshot: structuredClone(persisted),
  };
}
