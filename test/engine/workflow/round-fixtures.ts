import { applyRoundEvent, createRound, type RoundEvent, type RoundSnapshot } from "../../../engine/workflow";
import type { Actor } from "../../../engine/workflow";

export const analyst: Actor = { userId: "u-anna", role: "analyst" };
export const planner: Actor = { userId: "u-bo", role: "budget_planner" };
export const member1: Actor = { userId: "u-cecilia", role: "committee" };
export const member2: Actor = { userId: "u-david", role: "committee" };
export const admin: Actor = { userId: "u-eva", role: "admin" };
export const viewer: Actor = { userId: "u-fia", role: "viewer" };

/** Event times: one minute apart, given by the test (the engine reads no clock). */
export const time = (minute: number): string => `2026-12-05T09:${String(minute).padStart(2, "0")}:00Z`;

export const HASH = "a".repeat(64);

/** The happy path's events, in order, each valid in the state the previous one led to. */
export const happyPath: readonly RoundEvent[] = [
  {
    type: "scope.submitted",
    actor: analyst,
    at: time(1),
    scope: {
      areas: ["1283"],
      groups: ["age_20_44_f", "age_20_44_m"],
      period: { from: "2027-01-01", to: "2027-12-31" },
      budget: 20_000_000,
    },
  },
  {
    type: "needs.reviewed",
    actor: analyst,
    at: time(2),
    profileRefs: ["1283:age_20_44_f"],
    note: "lägst i hälsa",
  },
  { type: "candidates.chosen", actor: analyst, at: time(3), candidateIds: ["a", "b", "c"] },
  {
    type: "rules.applied",
    actor: analyst,
    at: time(4),
    ruleSet: { id: "helsingborg-2026", version: "1" },
    exclusions: [{ candidateId: "c", rule: "evidence-grade-d", reason: "evidensgrad D" }],
  },
  { type: "scenario.chosen", actor: analyst, at: time(5), primary: "equal", sensitivity: ["health-first"] },
  {
    type: "analysis.completed",
    actor: analyst,
    at: time(6),
    analysis: { inputHash: HASH, seed: 42, engineVersion: "0.1.0" },
  },
  {
    type: "portfolio.proposed",
    actor: planner,
    at: time(7),
    selected: ["a"],
    rationale: { a: "högst förväntad effekt", b: "ryms inte i budgeten", c: "utesluten av regel" },
  },
  { type: "portfolio.submitted", actor: planner, at: time(8) },
  { type: "committee.approved", actor: member1, at: time(9) },
  { type: "decision.published", actor: member1, at: time(10), summary: "Insats a genomförs 2027." },
  {
    type: "followup.recorded",
    actor: analyst,
    at: time(11),
    note: "uppföljning efter ett år",
    measurements: [{ dimension: "health", expectedChange: 1.2, measuredChange: 0.8, u: 0.5 }],
  },
];

export function newRound(quorum?: number): RoundSnapshot {
  return createRound({
    roundId: "r-1",
    title: "Prioriteringsomgång 2027",
    createdBy: admin,
    createdAt: time(0),
    ...(quorum === undefined ? {} : { committeeQuorum: quorum }),
  });
}

/** Apply events that must all be accepted; fail loudly with the refusal otherwise. */
export function applyAll(snapshot: RoundSnapshot, events: readonly RoundEvent[]): RoundSnapshot {
  return events.reduce((s, e) => {
    const r = applyRoundEvent(s, e);
    if (!r.ok) throw new Error(`unexpected refusal of ${e.type}: ${r.error}`);
    return r.snapshot;
  }, snapshot);
}

/** A round driven along the happy path up to (and including) the first `steps` events. */
export function roundAfter(steps: number): RoundSnapshot {
  return applyAll(newRound(), happyPath.slice(0, steps));
}
