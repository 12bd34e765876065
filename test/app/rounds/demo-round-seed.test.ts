import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ROUND_ID, seedDemoRound } from "../../../db/seed/demo-round";
import type { Db } from "../../../db/schema";
import demo from "../../../scenarios/demo/helsingborg-round.json";
import { loadRound } from "~/utils/rounds.server";
import { roundTestDb, tableCounts } from "./support";

let db: Db;

beforeAll(async () => {
  ({ db } = await roundTestDb());
});

afterAll(async () => {
  await db.destroy();
});

describe("seedDemoRound", () => {
  it("stores the demo's candidates and a Helsingborg round left in scoped, with its audit trail", async () => {
    const summary = await seedDemoRound(db, { now: "2026-12-04T20:00:00.000Z" });
    expect(summary).toEqual({ interventions: demo.candidates.length, round: true });
    const round = (await loadRound(db, DEMO_ROUND_ID))!;
    expect(round.state).toBe("scoped");
    expect(round.context.scope).toEqual({
      areas: ["1283"],
      groups: demo.segments.map((s) => s.id.split(":")[1]),
      period: { from: "2027", to: "2027" },
      budget: 20_000_000,
    });
    const trail = await db
      .selectFrom("audit_events")
      .select(["action", "to_state"])
      .where("entity_id", "=", DEMO_ROUND_ID)
      .execute();
    expect(trail).toEqual([
      { action: "round.created", to_state: "draft" },
      { action: "scope.submitted", to_state: "scoped" },
    ]);
  });

  it("changes nothing when run again", async () => {
    const before = await tableCounts(db);
    expect(await seedDemoRound(db)).toEqual({ interventions: 0, round: false });
    expect(await tableCounts(db)).toBe(before);
  });
});
