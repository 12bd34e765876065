import { z } from "zod";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  findLatestRuleSet,
  findLatestScenario,
  findRuleSetVersion,
  findScenarioVersion,
  listRuleSets,
  listScenarioVersions,
  listScenarios,
  saveRuleSetVersion,
  saveScenarioVersion,
} from "../../../db/repositories/scenario-repository";
import type { Db } from "../../../db/schema";
import { freshDb } from "../fresh-db";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.destroy();
});

const WeightsSchema = z.object({ id: z.string(), inequalityAversion: z.number() });

describe("scenario versions", () => {
  it("numbers versions 1, 2, … per id and finds the latest and any one", async () => {
    const v1 = await saveScenarioVersion(
      db,
      "equal",
      { id: "equal", inequalityAversion: 0 },
      { createdBy: "u1", now: "t1" },
    );
    const v2 = await saveScenarioVersion(db, "equal", { id: "equal", inequalityAversion: 1 }, { now: "t2" });
    await saveScenarioVersion(db, "health-first", { id: "health-first", inequalityAversion: 2 });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(await findLatestScenario(db, "equal", WeightsSchema)).toEqual({
      id: "equal",
      version: 2,
      json: { id: "equal", inequalityAversion: 1 },
      created_by: null,
      created_at: "t2",
    });
    expect((await findScenarioVersion(db, "equal", 1))?.json).toEqual({ id: "equal", inequalityAversion: 0 });
    expect(await findScenarioVersion(db, "equal", 3)).toBeNull();
    expect(await findLatestScenario(db, "unknown")).toBeNull();
    expect(await listScenarioVersions(db, "equal")).toEqual([
      { id: "equal", version: 1, created_by: "u1", created_at: "t1" },
      { id: "equal", version: 2, created_by: null, created_at: "t2" },
    ]);
    expect((await listScenarios(db)).map((s) => [s.id, s.version])).toEqual([
      ["equal", 2],
      ["health-first", 1],
    ]);
  });

  it("refuses a stored document the caller's schema rejects", async () => {
    await saveScenarioVersion(db, "bad", { id: "bad" });
    await expect(findLatestScenario(db, "bad", WeightsSchema)).rejects.toThrow(/inequalityAversion/);
  });
});

describe("rule set versions", () => {
  it("keeps rule sets apart from scenarios with the same id", async () => {
    await saveScenarioVersion(db, "helsingborg-2026", { kind: "scenario" });
    await saveRuleSetVersion(db, "helsingborg-2026", { rules: [] });
    await saveRuleSetVersion(db, "helsingborg-2026", { rules: [{ event: { type: "exclude" } }] });
    expect((await findLatestRuleSet(db, "helsingborg-2026"))?.version).toBe(2);
    expect((await findRuleSetVersion(db, "helsingborg-2026", 1))?.json).toEqual({ rules: [] });
    expect((await listRuleSets(db)).map((r) => r.version)).toEqual([2]);
    expect((await findLatestScenario(db, "helsingborg-2026"))?.version).toBe(1);
  });
});
