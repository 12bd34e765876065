import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportRejectedError } from "../../../db/import/import-issues";
import { importOecdBli } from "../../../db/import/import-oecd-bli";
import type { Db } from "../../../db/schema";
import { countRows, freshDb } from "./test-db";

const FIXTURE = "test/fixtures/import/oecd-bli-excerpt.csv";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
  await db
    .insertInto("dimensions")
    .values([
      { id: "health", label_sv: "hälsa", label_en: "health", kind: "current", sort: 4 },
      {
        id: "subjective_wellbeing",
        label_sv: "subjektivt välbefinnande",
        label_en: "subjective well-being",
        kind: "current",
        sort: 7,
      },
    ])
    .execute();
  const base = {
    unit: "",
    direction: "higher" as const,
    kind: "objective" as const,
    level: "individual" as const,
    goal_lo: null,
    goal_hi: null,
    source: "OECD BLI",
  };
  await db
    .insertInto("indicators")
    .values([
      { ...base, id: "bli_hs_leb", dimension_id: "health", label: "Life expectancy" },
      { ...base, id: "bli_sw_lifs", dimension_id: "subjective_wellbeing", label: "Life satisfaction" },
    ])
    .execute();
  await db
    .insertInto("areas")
    .values({ id: "0000", name: "Riket", kind: "municipality", parent_id: null, synthetic: 0 })
    .execute();
});
afterEach(async () => {
  await db.destroy();
});

describe("importOecdBli", () => {
  it("stores Sweden's rows per indicator and inequality group and counts the other countries", async () => {
    const summary = await importOecdBli(db, { path: FIXTURE }, { period: "2020" });
    // Fixture: 15 data rows. SWE: HS_LEB TOT, MN, WMN + SW_LIFS TOT, MN, WMN, HGH = 7; NOR: the other 8.
    expect(summary).toMatchObject({ rows: 15, inserted: 7, details: { otherLocations: 8 } });
    const rows = await db
      .selectFrom("observations")
      .selectAll()
      .where("indicator_id", "=", "bli_sw_lifs")
      .orderBy("group_code")
      .execute();
    expect(rows.map((r) => [r.group_code, r.value, r.area_id, r.period])).toEqual([
      [null, 7.3, "0000", "2020"],
      ["ses_high", 7.7, "0000", "2020"],
      ["sex_f", 7.3, "0000", "2020"],
      ["sex_m", 7.3, "0000", "2020"],
    ]);
  });

  it("needs a period when the file has none, reporting it on every row", async () => {
    const before = await countRows(db);
    const err = (await importOecdBli(db, { path: FIXTURE }).catch((e: unknown) => e)) as ImportRejectedError;
    expect(err).toBeInstanceOf(ImportRejectedError);
    expect(err.issueCount).toBe(15);
    expect(err.issues[0]).toMatchObject({
      line: 2,
      column: "Reference Period Code",
      reason: expect.stringMatching(/no period/),
    });
    expect(await countRows(db)).toEqual(before);
  });

  it("reports an unknown indicator and a bad inequality code", async () => {
    const text = ["LOCATION,INDICATOR,INEQUALITY,Value", "SWE,JE_EMPL,TOT,77", "SWE,SW_LIFS,ALL,7.3"].join(
      "\n",
    );
    const err = (await importOecdBli(db, { name: "b.csv", text }, { period: "2020" }).catch(
      (e: unknown) => e,
    )) as ImportRejectedError;
    expect(err.issues.map((i) => [i.line, i.column, i.value])).toEqual([
      [2, "INDICATOR", "bli_je_empl"],
      [3, "INEQUALITY", "ALL"],
    ]);
  });
});
