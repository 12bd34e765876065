import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ROUND_ID, seedDemoRound } from "../../db/seed/demo-round";
import type { Db } from "../../db/schema";
import type { Role } from "~/auth/policy";
import { loader as roundLoader } from "~/routes/rounds.$roundId._index";
import { call, get, roundTestDb, type Signed } from "../app/rounds/support";
import { insertSmallAndShownCells, insertSurveyIndicator, leakedDigits, SHOWN, SMALL } from "./support";

// Disclosure control on the round page (issue 6, point 6): the demo round's scope profiles, with a
// safety indicator observed for women 20–44 on n = 9 and for men 20–44 on n = 10 respondents.

let db: Db;
let users: Record<Role, Signed>;
beforeAll(async () => {
  ({ db, users } = await roundTestDb());
  await seedDemoRound(db, { now: "2026-12-04T20:00:00.000Z" });
  await insertSurveyIndicator(db, "feels_safe", "safety");
  await insertSmallAndShownCells(db, "feels_safe", "2023", "test-ds");
});
afterAll(async () => {
  await db.destroy();
});

interface RoundView {
  profiles: { segments: { id: string; scores: Record<string, { value: number; proxy: boolean } | null> }[] };
}

describe("disclosure control on the round page", () => {
  it("shows the n = 10 group's safety score and no figure of the n = 9 group's", async () => {
    const r = await call(roundLoader, get(`http://localhost/rounds/${DEMO_ROUND_ID}`, users.analyst), {
      roundId: DEMO_ROUND_ID,
    });
    expect(r.status).toBe(200);
    expect(leakedDigits(r.body)).toEqual([]);
    const segments = (r.body as RoundView).profiles.segments;
    expect(segments.find((s) => s.id === `1283:${SMALL.group}`)!.scores.safety).toBeNull();
    const shown = segments.find((s) => s.id === `1283:${SHOWN.group}`)!.scores.safety!;
    expect(shown.proxy).toBe(false);
    expect(shown.value).toBeCloseTo(SHOWN.value, 10);
  });
});
