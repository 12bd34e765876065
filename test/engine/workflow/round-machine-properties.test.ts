import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyRoundEvent, persistRound, ROUND_STATES, type RoundEvent } from "../../../engine/workflow";
import {
  admin,
  analyst,
  happyPath,
  member1,
  member2,
  newRound,
  planner,
  roundAfter,
  time,
  viewer,
} from "./round-fixtures";

const actors = [analyst, planner, member1, member2, admin, viewer];

/** Events from the happy path and some refusable variants, sent by any actor. */
const pool: RoundEvent[] = [
  ...happyPath,
  {
    type: "rule.overridden",
    actor: planner,
    at: time(20),
    candidateId: "c",
    rule: "evidence-grade-d",
    reason: "pilot",
  },
  { type: "rule.overridden", actor: planner, at: time(20), candidateId: "c", rule: "evidence-grade-d" },
  { type: "committee.returned", actor: member1, at: time(20), comments: ["Mer underlag."] },
  { type: "committee.dissented", actor: member2, at: time(20), reason: "b bör med" },
  { type: "committee.commented", actor: member2, at: time(20), comment: "Fråga" },
  {
    type: "portfolio.proposed",
    actor: planner,
    at: time(20),
    selected: ["a", "c"],
    rationale: { a: "x", b: "y", c: "z" },
  },
  { type: "portfolio.proposed", actor: planner, at: time(20), selected: ["b"], rationale: { a: "x" } },
];

/** Where each state may lead in one accepted event (DESIGN §6, with revisions in place). */
const EDGES: Record<string, string[]> = {
  draft: ["scoped"],
  scoped: ["scoped", "needsReviewed"],
  needsReviewed: ["candidatesChosen"],
  candidatesChosen: ["candidatesChosen", "rulesApplied"],
  rulesApplied: ["rulesApplied", "scenarioChosen"],
  scenarioChosen: ["scenarioChosen", "analysed"],
  analysed: ["analysed", "portfolioProposed"],
  portfolioProposed: ["portfolioProposed", "committeeReview"],
  committeeReview: ["committeeReview", "portfolioProposed", "decided"],
  decided: ["followedUp"],
  followedUp: ["followedUp"],
};

const step = fc.record({
  event: fc.integer({ min: 0, max: pool.length - 1 }),
  actor: fc.option(fc.integer({ min: 0, max: actors.length - 1 }), { nil: undefined }),
});

describe("roundMachine properties", () => {
  it("moves only along the workflow's edges, leaves refused snapshots untouched and never changes a decision", () => {
    fc.assert(
      // start anywhere on the happy path, so that decided rounds are exercised too
      fc.property(
        fc.integer({ min: 0, max: happyPath.length }),
        fc.array(step, { maxLength: 60 }),
        (start, steps) => {
          let s = roundAfter(start);
          let decision: string | null = s.context.decision ? JSON.stringify(s.context.decision) : null;
          for (const { event, actor } of steps) {
            const e = actor === undefined ? pool[event]! : { ...pool[event]!, actor: actors[actor]! };
            const before = JSON.stringify(persistRound(s));
            const r = applyRoundEvent(s, e);
            if (!r.ok) {
              expect(JSON.stringify(persistRound(s))).toBe(before);
              continue;
            }
            expect(EDGES[s.value]).toContain(r.snapshot.value);
            expect(r.auditEvent).toMatchObject({
              from: s.value,
              to: r.snapshot.value,
              type: e.type,
              actor: e.actor,
            });
            s = r.snapshot;
            if (decision !== null) expect(JSON.stringify(s.context.decision)).toBe(decision);
            if (s.context.decision) decision = JSON.stringify(s.context.decision);
          }
          expect(ROUND_STATES).toContain(s.value);
        },
      ),
      { numRuns: 300, seed: 20261205 },
    );
  });

  it("never throws, whatever it is given as an event", () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const r = applyRoundEvent(newRound(), junk);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
