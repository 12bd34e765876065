import { describe, expect, it } from "vitest";
import {
  applyRoundEvent,
  persistRound,
  restoreRound,
  ROUND_EVENT_TYPES,
  ROUND_MACHINE_VERSION,
  ROUND_STATES,
  roundGuards,
  roundMachine,
  STEP_GUARDS,
  type RoundContext,
  type RoundEvent,
  type RoundGuardName,
  type RoundSnapshot,
  type RoundState,
} from "../../../engine/workflow";
import {
  admin,
  analyst,
  applyAll,
  happyPath,
  HASH,
  member1,
  member2,
  newRound,
  planner,
  roundAfter,
  time,
  viewer,
} from "./round-fixtures";

/** The happy path's event at index i, with some fields replaced. */
function variant(i: number, patch: Record<string, unknown>): RoundEvent {
  return { ...happyPath[i]!, ...patch } as RoundEvent;
}

/** A round in `state` whose context is the happy path's after `steps` events, with `patch` applied. */
function doctored(state: RoundState, steps: number, patch: Partial<RoundContext>): RoundSnapshot {
  return roundMachine.resolveState({ value: state, context: { ...roundAfter(steps).context, ...patch } });
}

const override: RoundEvent = {
  type: "rule.overridden",
  actor: planner,
  at: time(5),
  candidateId: "c",
  rule: "evidence-grade-d",
  reason: "lokal pilot med egen utvärdering väger upp den svaga evidensen",
};

interface GuardCase {
  guard: RoundGuardName;
  given: () => RoundSnapshot;
  /** Where the allowed event is tried, when not `given` (which then holds a doctored context). */
  givenAllowed?: () => RoundSnapshot;
  allowed: RoundEvent;
  refused: RoundEvent[];
}

const guardCases: GuardCase[] = [
  {
    guard: "actorMayPerformStep",
    given: () => roundAfter(0),
    allowed: happyPath[0]!,
    refused: [variant(0, { actor: viewer }), variant(0, { actor: member1 })],
  },
  {
    guard: "hasScope",
    given: () => roundAfter(0),
    allowed: happyPath[0]!,
    refused: [
      variant(0, {
        scope: { areas: ["1283"], groups: ["age_20_44_f"], period: { from: "2027", to: "2027" }, budget: 0 },
      }),
      variant(0, {
        scope: { areas: [], groups: ["age_20_44_f"], period: { from: "2027", to: "2027" }, budget: 1 },
      }),
      variant(0, { scope: { areas: ["1283"], groups: [], period: { from: "2027", to: "2027" }, budget: 1 } }),
      variant(0, {
        scope: { areas: ["1283"], groups: ["x"], period: { from: "2028", to: "2027" }, budget: 1 },
      }),
    ],
  },
  {
    guard: "hasNeedsReview",
    given: () => roundAfter(1),
    allowed: happyPath[1]!,
    refused: [variant(1, { note: "  ", profileRefs: [] })],
  },
  {
    guard: "hasCandidates",
    given: () => roundAfter(2),
    allowed: happyPath[2]!,
    refused: [variant(2, { candidateIds: [] }), variant(2, { candidateIds: ["a", "a"] })],
  },
  {
    guard: "exclusionsConcernCandidates",
    given: () => roundAfter(3),
    allowed: happyPath[3]!,
    refused: [variant(3, { exclusions: [{ candidateId: "z", rule: "r", reason: "x" }] })],
  },
  {
    guard: "overrideHasWrittenReason",
    given: () => roundAfter(4),
    allowed: override,
    refused: [
      { ...override, reason: undefined },
      { ...override, reason: "   " },
    ],
  },
  {
    guard: "overrideTargetsAnExclusion",
    given: () => roundAfter(4),
    allowed: override,
    refused: [
      { ...override, candidateId: "a" },
      { ...override, rule: "another-rule" },
    ],
  },
  {
    guard: "namesPrimaryScenario",
    given: () => roundAfter(4),
    allowed: happyPath[4]!,
    refused: [variant(4, { primary: "" }), variant(4, { primary: "equal", sensitivity: ["equal"] })],
  },
  {
    guard: "hasScenario",
    given: () => doctored("scenarioChosen", 5, { scenario: null }),
    givenAllowed: () => roundAfter(5),
    allowed: happyPath[5]!,
    refused: [happyPath[5]!],
  },
  {
    guard: "isReproducibleAnalysis",
    given: () => roundAfter(5),
    allowed: happyPath[5]!,
    refused: [
      variant(5, { analysis: { inputHash: "abc", seed: 42, engineVersion: "0.1.0" } }),
      variant(5, { analysis: { inputHash: HASH, seed: 1.5, engineVersion: "0.1.0" } }),
      variant(5, { analysis: { inputHash: HASH, seed: 42, engineVersion: "" } }),
    ],
  },
  {
    guard: "hasAnalysisResult",
    given: () => doctored("analysed", 6, { analysis: null }),
    givenAllowed: () => roundAfter(6),
    allowed: happyPath[6]!,
    refused: [happyPath[6]!],
  },
  {
    guard: "selectionWithinCandidates",
    given: () => roundAfter(6),
    allowed: happyPath[6]!,
    refused: [variant(6, { selected: ["z"] }), variant(6, { selected: ["a", "a"] })],
  },
  {
    guard: "selectsNoExcludedCandidate",
    given: () => roundAfter(6),
    allowed: happyPath[6]!,
    refused: [variant(6, { selected: ["a", "c"] })],
  },
  {
    guard: "hasRationaleForEveryCandidate",
    given: () => roundAfter(6),
    allowed: happyPath[6]!,
    refused: [
      variant(6, { rationale: { a: "högst effekt", c: "utesluten" } }),
      variant(6, { rationale: { a: " ", b: "ryms inte", c: "utesluten" } }),
    ],
  },
  {
    guard: "hasPortfolio",
    given: () => doctored("portfolioProposed", 7, { portfolio: null }),
    givenAllowed: () => roundAfter(7),
    allowed: happyPath[7]!,
    refused: [happyPath[7]!],
  },
  {
    guard: "hasCommentText",
    given: () => roundAfter(8),
    allowed: { type: "committee.commented", actor: member2, at: time(9), comment: "Hur mäts effekten?" },
    refused: [{ type: "committee.commented", actor: member2, at: time(9), comment: "" }],
  },
  {
    guard: "isNewApprover",
    given: () => roundAfter(9),
    allowed: { type: "committee.approved", actor: member2, at: time(10) },
    refused: [{ type: "committee.approved", actor: member1, at: time(10) }],
  },
  {
    guard: "dissentHasWrittenReason",
    given: () => roundAfter(9),
    allowed: { type: "committee.dissented", actor: member2, at: time(10), reason: "b borde prioriteras" },
    refused: [
      { type: "committee.dissented", actor: member2, at: time(10) },
      { type: "committee.dissented", actor: member2, at: time(10), reason: " " },
    ],
  },
  {
    guard: "hasReturnComments",
    given: () => roundAfter(8),
    allowed: { type: "committee.returned", actor: member1, at: time(9), comments: ["Motivera b bättre."] },
    refused: [
      { type: "committee.returned", actor: member1, at: time(9), comments: [] },
      { type: "committee.returned", actor: member1, at: time(9), comments: [""] },
    ],
  },
  {
    guard: "isCommitteeApproved",
    given: () => roundAfter(8),
    givenAllowed: () => roundAfter(9),
    allowed: happyPath[9]!,
    refused: [happyPath[9]!],
  },
  {
    guard: "hasDecisionSummary",
    given: () => roundAfter(9),
    allowed: happyPath[9]!,
    refused: [variant(9, { summary: "" })],
  },
  {
    guard: "hasFollowUpContent",
    given: () => roundAfter(10),
    allowed: happyPath[10]!,
    refused: [variant(10, { note: "", measurements: [] })],
  },
];

describe("roundMachine guards", () => {
  it("has a case below for every named guard", () => {
    const named = new Set(Object.values(STEP_GUARDS).flat());
    expect(new Set(guardCases.map((c) => c.guard))).toEqual(named);
    expect(new Set(Object.keys(roundGuards))).toEqual(named);
  });

  for (const c of guardCases) {
    it(`${c.guard} lets a valid ${c.allowed.type} through`, () => {
      const r = applyRoundEvent((c.givenAllowed ?? c.given)(), c.allowed);
      expect(r.ok).toBe(true);
    });
    c.refused.forEach((event, i) => {
      it(`${c.guard} refuses ${event.type} (case ${i + 1}) and names itself`, () => {
        const given = c.given();
        const r = applyRoundEvent(given, event);
        expect(r).toMatchObject({ ok: false, refusedBy: c.guard });
        if (!r.ok) expect(r.error.startsWith(`${event.type} refused: `)).toBe(true);
      });
    });
  }

  it("refuses a decision without committee approval, saying how many approvals there are", () => {
    const r = applyRoundEvent(roundAfter(8), happyPath[9]!);
    expect(r).toEqual({
      ok: false,
      refusedBy: "isCommitteeApproved",
      error: "decision.published refused: no decision without committee approval (0 of 1 approvals)",
    });
  });

  it("needs as many distinct approvals as the round's quorum", () => {
    const twoNeeded = applyAll(newRound(2), happyPath.slice(0, 9));
    expect(applyRoundEvent(twoNeeded, happyPath[9]!)).toMatchObject({
      ok: false,
      refusedBy: "isCommitteeApproved",
    });
    const approved = applyAll(twoNeeded, [{ type: "committee.approved", actor: member2, at: time(9) }]);
    expect(applyRoundEvent(approved, happyPath[9]!)).toMatchObject({ ok: true });
  });

  it("names the candidates that lack a rationale", () => {
    const r = applyRoundEvent(roundAfter(6), variant(6, { rationale: { a: "högst effekt" } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("missing for: b, c");
  });
});

describe("roundMachine happy path", () => {
  it("walks draft → … → followedUp with one audit event per step", () => {
    let s = newRound();
    expect(s.value).toBe("draft");
    const visited: string[] = [s.value];
    const audits = happyPath.map((e) => {
      const r = applyRoundEvent(s, e);
      if (!r.ok) throw new Error(r.error);
      s = r.snapshot;
      if (visited.at(-1) !== s.value) visited.push(s.value);
      return r.auditEvent;
    });
    expect(visited).toEqual([...ROUND_STATES]);
    expect(audits.map((a) => `${a.from}→${a.to}`)).toEqual([
      "draft→scoped",
      "scoped→needsReviewed",
      "needsReviewed→candidatesChosen",
      "candidatesChosen→rulesApplied",
      "rulesApplied→scenarioChosen",
      "scenarioChosen→analysed",
      "analysed→portfolioProposed",
      "portfolioProposed→committeeReview",
      "committeeReview→committeeReview",
      "committeeReview→decided",
      "decided→followedUp",
    ]);
    expect(audits[0]).toEqual({
      roundId: "r-1",
      machineVersion: ROUND_MACHINE_VERSION,
      from: "draft",
      to: "scoped",
      type: "scope.submitted",
      actor: analyst,
      at: time(1),
      reason: null,
    });
    expect(s.context.decision).toEqual({
      by: member1,
      at: time(10),
      summary: "Insats a genomförs 2027.",
      selected: ["a"],
      approvedBy: ["u-cecilia"],
      dissentedBy: [],
    });
    expect(s.context.followUps).toHaveLength(1);
    expect(s.context.analysis?.ref).toEqual({ inputHash: HASH, seed: 42, engineVersion: "0.1.0" });
  });

  it("records the event's reason in the audit event", () => {
    const r = applyRoundEvent(roundAfter(0), variant(0, { reason: "  ny budgetram  " }));
    expect(r.ok && r.auditEvent.reason).toBe("ny budgetram");
  });

  it("refuses an event out of order and lists what the state accepts", () => {
    const r = applyRoundEvent(newRound(), happyPath[5]!);
    expect(r).toEqual({
      ok: false,
      refusedBy: "state",
      error: "analysis.completed is not allowed in state draft (allowed here: scope.submitted)",
    });
  });

  it("refuses a malformed event without touching the round", () => {
    const r = applyRoundEvent(newRound(), { type: "scope.submitted", actor: analyst, at: "yesterday" });
    expect(r).toMatchObject({ ok: false, refusedBy: "schema" });
    if (!r.ok) expect(r.error).toMatch(/^the event is malformed: /);
  });

  it("leaves the snapshot it was given unchanged", () => {
    const s = roundAfter(6);
    const before = JSON.stringify(persistRound(s));
    const event = structuredClone(happyPath[6]!);
    const r = applyRoundEvent(s, event);
    expect(r.ok).toBe(true);
    expect(JSON.stringify(persistRound(s))).toBe(before);
    expect(event).toEqual(happyPath[6]);
    // the new context does not alias the event's arrays
    if (r.ok && event.type === "portfolio.proposed") {
      event.selected.push("b");
      expect(r.snapshot.context.portfolio?.selected).toEqual(["a"]);
    }
  });
});

describe("roundMachine overrides", () => {
  it("refuses an override without a written reason", () => {
    const r = applyRoundEvent(roundAfter(4), { ...override, reason: undefined });
    expect(r).toEqual({
      ok: false,
      refusedBy: "overrideHasWrittenReason",
      error: "rule.overridden refused: overriding a rule needs a written reason",
    });
  });

  it("lets an overridden candidate into the portfolio and keeps who overrode it and why", () => {
    const s = applyAll(roundAfter(4), [override, ...happyPath.slice(4, 6)]);
    expect(s.context.overrides).toEqual([
      { by: planner, at: time(5), candidateId: "c", rule: "evidence-grade-d", reason: override.reason },
    ]);
    const r = applyRoundEvent(s, variant(6, { selected: ["a", "c"] }));
    expect(r.ok).toBe(true);
  });

  it("refuses a second override of the same exclusion", () => {
    const s = applyAll(roundAfter(4), [override]);
    expect(applyRoundEvent(s, override)).toMatchObject({
      ok: false,
      refusedBy: "overrideTargetsAnExclusion",
    });
  });
});

describe("roundMachine committee", () => {
  it("returns the proposal with comments to portfolioProposed, clearing approvals and dissents", () => {
    const inReview = applyAll(roundAfter(8), [
      { type: "committee.approved", actor: member1, at: time(9) },
      { type: "committee.dissented", actor: member2, at: time(10), reason: "b bör med" },
    ]);
    const r = applyRoundEvent(inReview, {
      type: "committee.returned",
      actor: member2,
      at: time(11),
      comments: ["Motivera varför b väljs bort.", "Visa kostnadsintervallet."],
      reason: "underlaget är ofullständigt",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.auditEvent).toMatchObject({
      from: "committeeReview",
      to: "portfolioProposed",
      reason: "underlaget är ofullständigt",
    });
    const c = r.snapshot.context.committee;
    expect(c.approvals).toEqual([]);
    expect(c.dissents).toEqual([]);
    expect(c.returns).toBe(1);
    expect(c.comments.map((x) => [x.text, x.returned])).toEqual([
      ["Motivera varför b väljs bort.", true],
      ["Visa kostnadsintervallet.", true],
    ]);
    // a returned round cannot be decided until it is revised, resubmitted and approved again
    expect(applyRoundEvent(r.snapshot, happyPath[9]!)).toMatchObject({ ok: false, refusedBy: "state" });
    const decided = applyAll(r.snapshot, [
      variant(6, {
        at: time(12),
        rationale: { a: "högst effekt", b: "kostar 3 MSEK över ramen", c: "regel D" },
      }),
      variant(7, { at: time(13) }),
      variant(8, { at: time(14) }),
      variant(9, { at: time(15) }),
    ]);
    expect(decided.value).toBe("decided");
    expect(decided.context.portfolio?.rationale.b).toBe("kostar 3 MSEK över ramen");
  });

  it("records a dissent (reservation) in the published decision", () => {
    const s = applyAll(roundAfter(9), [
      { type: "committee.dissented", actor: member2, at: time(10), reason: "b borde prioriteras" },
      variant(9, { at: time(11) }),
    ]);
    expect(s.context.decision?.dissentedBy).toEqual(["u-david"]);
    expect(s.context.committee.dissents[0]).toEqual({
      by: member2,
      at: time(10),
      reason: "b borde prioriteras",
    });
  });
});

describe("roundMachine decided is immutable", () => {
  const otherEvents = () =>
    [
      ...happyPath.slice(0, 10),
      override,
      { type: "committee.returned", actor: member1, at: time(12), comments: ["x"] },
    ] as RoundEvent[];

  for (const state of ["decided", "followedUp"] as const) {
    it(`refuses every content-changing event in ${state} and keeps the record`, () => {
      const s = roundAfter(state === "decided" ? 10 : 11);
      const before = JSON.stringify(persistRound(s));
      for (const e of otherEvents()) {
        const r = applyRoundEvent(s, {
          ...e,
          actor: e.type.startsWith("committee") || e.type === "decision.published" ? member1 : admin,
        });
        expect(r).toMatchObject({ ok: false, refusedBy: "state" });
        if (!r.ok) expect(r.error).toContain("the round is decided and its record is immutable");
      }
      expect(JSON.stringify(persistRound(s))).toBe(before);
    });
  }

  it("accepts further follow-ups, which add to the record without changing the decision", () => {
    const s = applyAll(roundAfter(11), [variant(10, { at: time(30), note: "två år efter" })]);
    expect(s.value).toBe("followedUp");
    expect(s.context.followUps.map((f) => f.note)).toEqual(["uppföljning efter ett år", "två år efter"]);
    expect(s.context.decision).toEqual(roundAfter(10).context.decision);
  });
});

describe("roundMachine roles", () => {
  it("refuses every event from a viewer", () => {
    for (let i = 0; i < happyPath.length; i++) {
      const r = applyRoundEvent(roundAfter(i), { ...happyPath[i]!, actor: viewer });
      expect(r).toMatchObject({ ok: false, refusedBy: "actorMayPerformStep" });
    }
  });

  it("keeps committee steps from an admin and planning steps from the committee", () => {
    expect(applyRoundEvent(roundAfter(8), { ...happyPath[8]!, actor: admin })).toEqual({
      ok: false,
      refusedBy: "actorMayPerformStep",
      error: 'committee.approved refused: role "admin" may not send committee.approved (allowed: committee)',
    });
    expect(applyRoundEvent(roundAfter(6), { ...happyPath[6]!, actor: member1 })).toMatchObject({
      ok: false,
      refusedBy: "actorMayPerformStep",
    });
    expect(applyRoundEvent(roundAfter(4), { ...override, actor: analyst })).toMatchObject({
      ok: false,
      refusedBy: "actorMayPerformStep",
    });
  });

  it("lets an admin run the planning steps", () => {
    const s = applyAll(
      newRound(),
      happyPath.slice(0, 8).map((e) => ({ ...e, actor: admin })),
    );
    expect(s.value).toBe("committeeReview");
  });

  it("has a role list for every event type", () => {
    expect(Object.keys(STEP_GUARDS).sort()).toEqual([...ROUND_EVENT_TYPES].sort());
  });
});

describe("roundMachine persistence", () => {
  it("survives persist → JSON → restore in every state, and goes on the same way", () => {
    for (let steps = 0; steps <= happyPath.length; steps++) {
      const s = roundAfter(steps);
      const stored = JSON.parse(JSON.stringify(persistRound(s))) as unknown;
      const restored = restoreRound(stored);
      expect(restored.value).toBe(s.value);
      expect(restored.context).toEqual(s.context);
      expect(persistRound(restored)).toEqual(persistRound(s));
      if (steps < happyPath.length) {
        const a = applyRoundEvent(s, happyPath[steps]!);
        const b = applyRoundEvent(restored, happyPath[steps]!);
        expect(a.ok && b.ok).toBe(true);
        if (a.ok && b.ok) expect(persistRound(b.snapshot)).toEqual(persistRound(a.snapshot));
      }
    }
  });

  it("stores the machine version and refuses a snapshot of another version", () => {
    const stored = persistRound(roundAfter(3));
    expect(stored.machineVersion).toBe(ROUND_MACHINE_VERSION);
    expect(stored.state).toBe("candidatesChosen");
    expect(() => restoreRound({ ...stored, machineVersion: "livsval.round/0" })).toThrow(
      "restoreRound: the stored round was made by machine version livsval.round/0, this is livsval.round/1",
    );
  });

  it("refuses a stored round with an unknown state or a malformed context", () => {
    const stored = persistRound(roundAfter(3));
    expect(() => restoreRound({ ...stored, state: "approved" })).toThrow(
      /^restoreRound: the stored round is malformed/,
    );
    expect(() =>
      restoreRound({
        ...stored,
        snapshot: { ...stored.snapshot, context: { ...stored.snapshot.context, candidates: "a" } },
      }),
    ).toThrow(/snapshot\.context\.candidates/);
  });
});
