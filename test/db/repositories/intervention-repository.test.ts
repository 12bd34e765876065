import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  deleteIntervention,
  findInterventionById,
  listInterventions,
  saveIntervention,
  type InterventionInput,
} from "../../../db/repositories/intervention-repository";
import type { Db } from "../../../db/schema";
import { freshDb, seedBasics } from "../fresh-db";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
  await seedBasics(db);
});
afterEach(async () => {
  await db.destroy();
});

const lighting: InterventionInput = {
  id: "street-lighting",
  label: "Bättre gatubelysning",
  cost: { dist: "triangular", min: 1_500_000, mode: 2_000_000, max: 3_200_000 },
  attributes: { evidenceGrade: "B", legalMandate: true },
  department: "Stadsbyggnadsförvaltningen",
  evidence_grade: "B",
  effects: [
    {
      segment_id: "1283-S1:age_20_44_f",
      dimension_id: "safety",
      change: { dist: "normal", mean: 3, sd: 1.5 },
      reach: 0.6,
    },
    { segment_id: "1283-S1:age_20_44_m", dimension_id: "safety", change: 1, reach: 0.6 },
  ],
};

describe("interventions", () => {
  it("round-trips an intervention with its cost, attributes and effects parsed", async () => {
    const saved = await saveIntervention(db, lighting, { now: "2026-12-04T20:00:00.000Z" });
    expect(saved).toEqual({
      id: "street-lighting",
      label: "Bättre gatubelysning",
      description: null,
      cost: lighting.cost,
      attributes: { evidenceGrade: "B", legalMandate: true },
      department: "Stadsbyggnadsförvaltningen",
      evidence_grade: "B",
      created_at: "2026-12-04T20:00:00.000Z",
      updated_at: "2026-12-04T20:00:00.000Z",
      effects: lighting.effects,
    });
    expect(await findInterventionById(db, "street-lighting")).toEqual(saved);
  });

  it("replaces the effects on a second save and keeps the creation time", async () => {
    await saveIntervention(db, lighting, { now: "2026-12-04T20:00:00.000Z" });
    const again = await saveIntervention(
      db,
      { ...lighting, effects: [lighting.effects[1]!] },
      { now: "2026-12-05T08:00:00.000Z" },
    );
    expect(again.effects).toEqual([lighting.effects[1]]);
    expect(again.created_at).toBe("2026-12-04T20:00:00.000Z");
    expect(again.updated_at).toBe("2026-12-05T08:00:00.000Z");
  });

  it("refuses a cost that is not a distribution, and a reach above 1, writing nothing", async () => {
    await expect(
      saveIntervention(db, { ...lighting, cost: { dist: "uniform", min: 5, max: 1 } }),
    ).rejects.toThrow(/max must be ≥ min/);
    await expect(
      saveIntervention(db, { ...lighting, effects: [{ ...lighting.effects[0]!, reach: 1.2 }] }),
    ).rejects.toThrow();
    expect(await listInterventions(db)).toEqual([]);
  });

  it("rolls back the intervention when an effect names an unknown dimension", async () => {
    await expect(
      saveIntervention(db, { ...lighting, effects: [{ ...lighting.effects[0]!, dimension_id: "nope" }] }),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await findInterventionById(db, "street-lighting")).toBeNull();
  });

  it("lists interventions by id with their own effects, and deletes one", async () => {
    await saveIntervention(db, lighting);
    await saveIntervention(db, { ...lighting, id: "a-meeting-place", effects: [] });
    const all = await listInterventions(db);
    expect(all.map((i) => [i.id, i.effects.length])).toEqual([
      ["a-meeting-place", 0],
      ["street-lighting", 2],
    ]);
    expect((await listInterventions(db, { ids: ["street-lighting"] })).map((i) => i.id)).toEqual([
      "street-lighting",
    ]);
    expect(await deleteIntervention(db, "street-lighting")).toBe(true);
    expect(await deleteIntervention(db, "street-lighting")).toBe(false);
    expect((await listInterventions(db)).map((i) => i.id)).toEqual(["a-meeting-place"]);
  });
});
