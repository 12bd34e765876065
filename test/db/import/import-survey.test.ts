import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportRejectedError } from "../../../db/import/import-issues";
import { importSurvey, pseudonymise } from "../../../db/import/import-survey";
import { ensureGroups, sexGroups } from "../../../db/import/population-groups";
import type { Db } from "../../../db/schema";
import { countRows, freshDb } from "./test-db";

const FIXTURE = "test/fixtures/import/survey-wineq-excerpt.csv";
const ITEMS = Array.from({ length: 23 }, (_, i) => `V${i + 1}`);
const options = {
  instrument: { id: "wineq", label: "wINEQ stand-in" },
  weightColumn: "Weight",
  strataColumn: "Area",
  items: ITEMS,
  scale: { min: 1, max: 5 },
  pseudonymKey: "test-key",
};

let db: Db;
beforeEach(async () => {
  db = await freshDb();
  await ensureGroups(db, sexGroups());
});
afterEach(async () => {
  await db.destroy();
});

describe("importSurvey", () => {
  it("stores the instrument, items, pseudonymous respondents and recoded responses", async () => {
    const summary = await importSurvey(db, { path: FIXTURE }, options);
    expect(summary).toMatchObject({
      kind: "survey",
      rows: 12,
      inserted: 12,
      details: { items: 23, responses: 276 },
    });
    const items = await db.selectFrom("survey_items").selectAll().orderBy("sort").execute();
    expect(items.map((i) => i.code)).toEqual(ITEMS);
    expect(JSON.parse(items[0]!.categories)).toEqual(["1", "2", "3", "4", "5"]);
    // Fixture line 2: W0001,sex_f,Rural,Female,2019,4,4,4,4,5,… Weight 850 → V1 = 4 stored as 4 − 1 = 3.
    const id = pseudonymise("test-key", "wineq", "W0001");
    const r = await db
      .selectFrom("survey_respondents")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(r).toMatchObject({ weight: 850, stratum: "Rural", group_code: "sex_f", area_id: null });
    const v1 = await db
      .selectFrom("survey_responses")
      .select("value")
      .where("respondent_id", "=", id)
      .where("item_code", "=", "V1")
      .executeTakeFirstOrThrow();
    expect(v1.value).toBe(3);
    const ids = (await db.selectFrom("survey_respondents").select("id").execute()).map((x) => x.id);
    expect(ids.some((x) => x.includes("W00"))).toBe(false);
  });

  it("reports out-of-scale scores, bad weights and repeated respondent ids, writing nothing", async () => {
    const text = ["respondent,weight,q1,q2", "a,1.5,1,2", "b,0,1,7", "a,2,x,"].join("\n");
    const before = await countRows(db);
    const err = (await importSurvey(
      db,
      { name: "s.csv", text },
      {
        instrument: { id: "s" },
        scale: { min: 1, max: 5 },
      },
    ).catch((e: unknown) => e)) as ImportRejectedError;
    expect(err).toBeInstanceOf(ImportRejectedError);
    expect(err.issues.map((i) => [i.line, i.column, i.value])).toEqual([
      [3, "weight", "0"],
      [3, "q2", "7"],
      [4, "respondent", "a"],
      [4, "q1", "x"],
    ]);
    expect(await countRows(db)).toEqual(before);
  });
});
