import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents, verifyAuditChain } from "../../../db/repositories/audit-repository";
import type { Db } from "../../../db/schema";
import type { Actor, RoundEvent } from "../../../engine/workflow";
import type { Role } from "~/auth/policy";
import { action as roundAction } from "~/routes/rounds.$roundId._index";
import { getAnalysisJob } from "~/utils/round-analysis.server";
import { applyStoredRoundEvent, createStoredRound, loadRound } from "~/utils/rounds.server";
import { happyPath } from "../../engine/workflow/round-fixtures";
import { call, post, roundTestDb, type Signed } from "./support";

// Issue 6.4: a published decision cannot be changed; every attempt fails and is logged.

const ROUND_ID = "r-immutable";
const params = { roundId: ROUND_ID };
const url = (step: string) => `http://localhost/rounds/${ROUND_ID}?step=${step}`;
const IMMUTABLE = /the round is decided and its record is immutable/;

let db: Db;
let users: Record<Role, Signed>;

/** The stored round row exactly as saved (snapshot text, state, version, times). */
async function storedRow(): Promise<string> {
  const r = await sql`select * from rounds where id = ${ROUND_ID}`.execute(db);
  return JSON.stringify(r.rows);
}

async function step(role: Role, name: string, fields: [string, string][]) {
  const version = String((await loadRound(db, ROUND_ID))!.version);
  return call(roundAction, post(url(name), users[role], [["version", version], ...fields]), params);
}

beforeAll(async () => {
  ({ db, users } = await roundTestDb());
  const actorFor: Record<string, Actor> = {
    analyst: { userId: users.analyst.userId, role: "analyst" },
    budget_planner: { userId: users.budget_planner.userId, role: "budget_planner" },
    committee: { userId: users.committee.userId, role: "committee" },
  };
  await createStoredRound(db, {
    id: ROUND_ID,
    title: "Beslutad omgång",
    actor: { userId: users.admin.userId, role: "admin" },
    at: "2026-12-05T09:00:00Z",
  });
  // The machine's happy path up to and including decision.published, sent by this database's users.
  const toDecided = happyPath.slice(0, happyPath.findIndex((e) => e.type === "decision.published") + 1);
  for (const e of toDecided) {
    const outcome = await applyStoredRoundEvent(db, ROUND_ID, {
      ...e,
      actor: actorFor[e.actor.role]!,
    } as RoundEvent);
    if (!outcome.ok) throw new Error(`setup: ${e.type} refused: ${outcome.error}`);
  }
});

afterAll(async () => {
  await db.destroy();
});

const scope: [string, string][] = [
  ["areas", "1283"],
  ["groups", "age_80p_f"],
  ["from", "2027"],
  ["to", "2027"],
  ["budget", "1000000"],
];
const proposal: [string, string][] = [
  ["selected", "b"],
  ["rationale.a", "Ändrat efter beslut."],
  ["rationale.b", "Ändrat efter beslut."],
];
const ret: [string, string][] = [
  ["intent", "return"],
  ["text", "Vi vill ändra beslutet."],
];

// Every role the policy lets post each step (app/components/round/steps.ts, app/auth/policy.ts).
const attempts: { step: string; event: string; roles: Role[]; fields: [string, string][] }[] = [
  { step: "scope", event: "scope.submitted", roles: ["analyst", "budget_planner", "admin"], fields: scope },
  {
    step: "portfolio",
    event: "portfolio.proposed",
    roles: ["budget_planner", "analyst", "admin"],
    fields: proposal,
  },
  { step: "review", event: "committee.returned", roles: ["committee", "admin"], fields: ret },
  { step: "analyse", event: "analysis.completed", roles: ["analyst", "admin"], fields: [] },
];

describe("a decided round", () => {
  it("is in state decided after the happy path", async () => {
    expect((await loadRound(db, ROUND_ID))!.state).toBe("decided");
  });

  for (const a of attempts) {
    for (const role of a.roles) {
      it(`refuses ${a.event} from ${role} with 400 and the machine's reason, logs it and keeps the snapshot`, async () => {
        const before = await storedRow();
        const auditBefore = await listAuditEvents(db, { entity: "round", entityId: ROUND_ID });

        const r = await step(role, a.step, a.fields);

        expect(r.status).toBe(400);
        expect((r.body as { formError: string }).formError).toMatch(IMMUTABLE);
        expect(await storedRow()).toBe(before);
        const auditAfter = await listAuditEvents(db, { entity: "round", entityId: ROUND_ID });
        expect(auditAfter).toHaveLength(auditBefore.length + 1);
        const logged = auditAfter[auditAfter.length - 1]!;
        expect(logged).toMatchObject({
          action: "round.change_refused",
          user_id: users[role].userId,
          from_state: "decided",
          to_state: null,
          payload: { event: a.event, role },
        });
        expect(logged.reason).toMatch(IMMUTABLE);
        expect(await verifyAuditChain(db)).toMatchObject({ problems: [] });
      });
    }
  }

  it("started no analysis for the refused analyse attempts", () => {
    expect(getAnalysisJob(ROUND_ID)).toBeNull();
  });

  it("refuses a direct UPDATE or DELETE of an audit event in the database (triggers)", async () => {
    const before = JSON.stringify(await listAuditEvents(db));
    await expect(sql`update audit_events set reason = 'redigerad' where seq = 1`.execute(db)).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(sql`delete from audit_events where seq = 1`.execute(db)).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    expect(JSON.stringify(await listAuditEvents(db))).toBe(before);
    expect(await verifyAuditChain(db)).toMatchObject({ problems: [] });
  });
});

describe("a followed-up round", () => {
  it("refuses a new proposal after the follow-up, logs it from followedUp and keeps the snapshot", async () => {
    const followup = happyPath.find((e) => e.type === "followup.recorded")!;
    const recorded = await applyStoredRoundEvent(db, ROUND_ID, {
      ...followup,
      actor: { userId: users.analyst.userId, role: "analyst" },
    } as RoundEvent);
    expect(recorded).toMatchObject({ ok: true, state: "followedUp" });
    const before = await storedRow();

    const r = await step("budget_planner", "portfolio", proposal);

    expect(r.status).toBe(400);
    expect((r.body as { formError: string }).formError).toMatch(IMMUTABLE);
    expect(await storedRow()).toBe(before);
    const [last] = await listAuditEvents(db, {
      entity: "round",
      entityId: ROUND_ID,
      newestFirst: true,
      limit: 1,
    });
    expect(last).toMatchObject({
      action: "round.change_refused",
      user_id: users.budget_planner.userId,
      from_state: "followedUp",
      payload: { event: "portfolio.proposed", role: "budget_planner" },
    });
    expect(await verifyAuditChain(db)).toMatchObject({ problems: [] });
  });
});
