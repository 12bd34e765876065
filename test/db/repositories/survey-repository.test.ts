import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  findSurveyInstrument,
  insertSurveyRespondents,
  listSurveyInstruments,
  loadSurveyResponses,
  saveSurveyInstrument,
} from "../../../db/repositories/survey-repository";
import type { Db } from "../../../db/schema";
import { freshDb, seedBasics } from "../fresh-db";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
  await seedBasics(db);
  await saveSurveyInstrument(
    db,
    { id: "swls", label: "Satisfaction with Life Scale", description: null, dataset_id: "ds1" },
    [
      { code: "q2", text: "Mina livsvillkor är utmärkta", categories: ["1", "2", "3"] },
      { code: "q1", text: "Mitt liv är nära mitt ideal", categories: ["1", "2", "3"] },
    ],
  );
});
afterEach(async () => {
  await db.destroy();
});

describe("survey instruments, respondents and responses", () => {
  it("round-trips an instrument with its items in the order given and their categories", async () => {
    const found = await findSurveyInstrument(db, "swls");
    expect(found?.instrument.label).toBe("Satisfaction with Life Scale");
    expect(found?.items).toEqual([
      {
        instrument_id: "swls",
        code: "q2",
        text: "Mina livsvillkor är utmärkta",
        categories: ["1", "2", "3"],
        sort: 0,
      },
      {
        instrument_id: "swls",
        code: "q1",
        text: "Mitt liv är nära mitt ideal",
        categories: ["1", "2", "3"],
        sort: 1,
      },
    ]);
    expect(await findSurveyInstrument(db, "none")).toBeNull();
    expect((await listSurveyInstruments(db)).map((i) => i.id)).toEqual(["swls"]);
  });

  it("returns responses as a respondents × items matrix with nulls where missing", async () => {
    const stored = await insertSurveyRespondents(db, "swls", [
      {
        id: "p2",
        weight: 2.5,
        stratum: "A",
        cluster: "c1",
        area_id: "1283-S1",
        responses: { q1: 2, q2: null },
      },
      { id: "p1", responses: { q2: 1 } },
    ]);
    expect(stored).toEqual({ respondents: 2, responses: 3 });
    const matrix = await loadSurveyResponses(db, "swls");
    expect(matrix.items).toEqual(["q2", "q1"]);
    expect(matrix.respondents.map((r) => [r.id, r.weight, r.stratum, r.cluster, r.values])).toEqual([
      ["p1", 1, null, null, [1, null]],
      ["p2", 2.5, "A", "c1", [null, 2]],
    ]);
    expect(
      (await loadSurveyResponses(db, "swls", { areaId: "1283-S1" })).respondents.map((r) => r.id),
    ).toEqual(["p2"]);
  });

  it("writes no respondent when an answer names an item the instrument lacks", async () => {
    await expect(
      insertSurveyRespondents(db, "swls", [
        { id: "p1", responses: { q1: 1 } },
        { id: "p2", responses: { q9: 1 } },
      ]),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect((await loadSurveyResponses(db, "swls")).respondents).toEqual([]);
  });
});
