import { getNextTransitions, transition } from "xstate";
import type { RoundSnapshot } from "./create-round";
import { RoundEventSchema, type Actor, type RoundEventType } from "./round-events";
import { guardRefusal, roundGuards, STEP_GUARDS, type RoundGuardName } from "./round-guards";
import { ROUND_MACHINE_VERSION, type RoundState } from "./round-machine";

/** One entry of a round's audit trail: who moved the round from where to where, when and why. */
export interface RoundAuditEvent {
  roundId: string;
  machineVersion: string;
  from: RoundState;
  to: RoundState;
  type: RoundEventType;
  actor: Actor;
  at: string;
  reason: string | null;
}

/** The outcome of applying an event: the next snapshot and its audit event, or why it was refused. */
export type ApplyRoundEventResult =
  | { ok: true; snapshot: RoundSnapshot; auditEvent: RoundAuditEvent }
  | {
      ok: false;
      /** A sentence saying why the event was refused. */
      error: string;
      /** What refused it: the event's shape, the current state, or the named guard that failed. */
      refusedBy: "schema" | "state" | RoundGuardName;
    };

const IMMUTABLE_STATES: readonly RoundState[] = ["decided", "followedUp"];

/**
 * Apply one event to a round, purely: validate its shape (`RoundEventSchema`), check that the
 * current state accepts it and which named guard, if any, refuses it, then take the transition
 * with xstate 5's pure `transition(machine, snapshot, event)` (no actor, no side effects). The
 * caller persists the returned snapshot with `persistRound` and appends the audit event; the
 * engine reads no clock, so the audit time is the event's own `at`.
 *
 * The snapshot given is never changed: a refusal returns no snapshot and an accepted event a new one.
 *
 * @param snapshot - the round's current snapshot (`createRound` or `restoreRound`)
 * @param event - the event to apply, as received (it is validated here)
 * @returns `{ ok: true, snapshot, auditEvent }`, or `{ ok: false, error, refusedBy }`
 */
export function applyRoundEvent(snapshot: RoundSnapshot, event: unknown): ApplyRoundEventResult {
  const parsed = RoundEventSchema.safeParse(event);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "event"}: ${i.message}`).join("; ");
    return { ok: false, error: `the event is malformed: ${issues}`, refusedBy: "schema" };
  }
  const e = parsed.data;
  const from = snapshot.value as RoundState;

  const handled = getNextTransitions(snapshot).filter((t) => t.eventType === e.type);
  if (handled.length === 0) {
    const error = IMMUTABLE_STATES.includes(from)
      ? `the round is decided and its record is immutable: ${e.type} is refused (only followup.recorded is accepted)`
      : `${e.type} is not allowed in state ${from} (allowed here: ${[
          ...new Set(getNextTransitions(snapshot).map((t) => t.eventType)),
        ].join(", ")})`;
    return { ok: false, error, refusedBy: "state" };
  }

  const failed = STEP_GUARDS[e.type].find((name) => !roundGuards[name](snapshot.context, e));
  if (failed !== undefined) {
    return {
      ok: false,
      error: `${e.type} refused: ${guardRefusal(failed, snapshot.context, e)}`,
      refusedBy: failed,
    };
  }

  const [next] = transition(snapshot.machine, snapshot, e);
  return {
    ok: true,
    snapshot: next,
    auditEvent: {
      roundId: snapshot.context.roundId,
      machineVersion: ROUND_MACHINE_VERSION,
      from,
      to: next.value as RoundState,
      type: e.type,
      actor: { ...e.actor },
      at: e.at,
      reason: e.reason?.trim() || null,
    },
  };
}
