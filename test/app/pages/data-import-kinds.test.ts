import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../db/schema";
import { countChanges, tableCounts } from "../../fuzz/support/db-state";
import { call, installDb, post, seedReference, signIn, type Session } from "./harness";
import * as importPage from "~/routes/data.import";

// The web import's survey and kolada-groups kinds: the same checks as the CLI, every bad row with the
// physical line it starts on, nothing written on refusal, a repeat of the same bytes a no-op.

let db: Db;
let analyst: Session;
let viewer: Session;

beforeAll(async () => {
  db = await installDb();
  await seedReference(db); // areas 1283 and 0000
  analyst = await signIn(db, "analyst");
  viewer = await signIn(db, "viewer");
});
afterAll(async () => {
  await db.destroy();
});

const provenance = { source: "test fixture", licence: "CC0", retrieved: "2026-12-04", note: "" };
const csv = (name: string, text: string) => new File([text], name, { type: "text/csv" });

interface Refused {
  errors: Record<string, string>;
  outcome: { issues: { line: number; column: string; value: string }[]; badRows: number } | null;
}

/** Post an upload, then the same bytes again: the repeat must be skipped and change nothing. */
async function importTwice(
  fields: Record<string, string | File>,
): Promise<{ location: string; changes: Record<string, number> }> {
  const before = await tableCounts(db);
  const first = await call(importPage.action, post("/data/import", analyst, fields));
  expect(first.status, JSON.stringify(first.body)).toBe(302);
  const after = await tableCounts(db);
  const again = await call(importPage.action, post("/data/import", analyst, fields));
  expect(again.location).toContain("skipped=1");
  expect(await tableCounts(db)).toEqual(after);
  return { location: first.location!, changes: countChanges(before, after) };
}

// Columns named unlike the defaults, so the form's column fields are what makes the import work.
// Physical lines: 1 header, 2 A1, 3–4 A2 (a quoted free-text comment with a line break), 5 A3.
const surveyFields = {
  kind: "survey",
  instrument: "enkat-2026:v1",
  label: "Trygghetsenkät 2026",
  idColumn: "lopnr",
  weightColumn: "vikt",
  strataColumn: "strat",
  clusterColumn: "psu",
  areaColumn: "",
  groupColumn: "",
  items: "q1, q2, q3",
  scaleMin: "1",
  scaleMax: "5",
};
const goodSurvey = [
  "lopnr,vikt,strat,psu,q1,q2,q3,kommentar",
  "A1,1.5,norr,c1,1,2,3,",
  'A2,2,norr,c1,2,,4,"bra',
  'men dyrt"',
  "A3,0.5,syd,c2,5,5,1,",
  "",
].join("\r\n");

describe("survey import on the web", () => {
  afterEach(() => {
    delete process.env.LIVSVAL_PSEUDONYM_KEY;
  });

  it("refuses a survey without an instrument id, naming that field, and writes nothing", async () => {
    const before = await tableCounts(db);
    const r = await call(
      importPage.action,
      post("/data/import", analyst, {
        ...provenance,
        ...surveyFields,
        instrument: "  ",
        file: csv("s.csv", goodSurvey),
      }),
    );
    expect(r.status).toBe(400);
    const body = r.body as Refused;
    expect(body.errors).toEqual({
      instrument: "Ange ett instrument-id: det krävs för att importera en enkät.",
    });
    expect(body.outcome).toBeNull();
    expect(await tableCounts(db)).toEqual(before);
  });

  it("refuses a malformed instrument id and a scale whose maximum is below its minimum", async () => {
    const before = await tableCounts(db);
    const r = await call(
      importPage.action,
      post("/data/import", analyst, {
        ...provenance,
        ...surveyFields,
        instrument: "två ord",
        scaleMin: "3",
        scaleMax: "2",
        file: csv("s.csv", goodSurvey),
      }),
    );
    expect(r.status).toBe(400);
    expect((r.body as Refused).errors).toEqual({
      instrument: "Använd bara bokstäver, siffror och _ . : - i instrument-id:t (inga mellanslag).",
      scaleMax: "Skalans högsta poäng är lägre än dess minsta.",
    });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("ignores the survey fields for another kind", async () => {
    const r = await call(
      importPage.action,
      post("/data/import", analyst, { ...provenance, ...surveyFields, kind: "observations", instrument: "" }),
    );
    expect(r.status).toBe(400);
    expect(Object.keys((r.body as Refused).errors)).toEqual(["file"]);
  });

  it("lists each bad row at the line it starts on (CRLF, a quoted line break before it) and writes nothing", async () => {
    // Line 5 has weight 0 (must be > 0) and q2 = 9 (outside 1..5); lines 2–4 are good.
    const bad = goodSurvey.replace("A3,0.5,syd,c2,5,5,1,", "A3,0,syd,c2,5,9,1,");
    const before = await tableCounts(db);
    const r = await call(
      importPage.action,
      post("/data/import", analyst, { ...provenance, ...surveyFields, file: csv("bad-survey.csv", bad) }),
    );
    expect(r.status).toBe(400);
    const body = r.body as Refused;
    expect(body.outcome!.badRows).toBe(1);
    expect(body.outcome!.issues.map((i) => [i.line, i.column, i.value])).toEqual([
      [5, "vikt", "0"],
      [5, "q2", "9"],
    ]);
    expect(await tableCounts(db)).toEqual(before);
  });

  it("stores the instrument, pseudonymous respondents and their responses, with an audit event; a repeat is a no-op", async () => {
    process.env.LIVSVAL_PSEUDONYM_KEY = "test-key";
    const { location, changes } = await importTwice({
      ...provenance,
      ...surveyFields,
      file: csv("survey.csv", goodSurvey),
    });
    // 3 respondent rows read, 3 respondents written
    expect(location).toMatch(/^\/data\?imported=ds_[0-9a-f]{16}&kind=survey&rows=3&inserted=3$/);
    // 3 respondents × 3 items = 9 responses (A2's empty q2 stored as a missing answer)
    expect(changes).toEqual({
      datasets: 1,
      audit_events: 1,
      survey_instruments: 1,
      survey_items: 3,
      survey_respondents: 3,
      survey_responses: 9,
    });
    const instrument = await db.selectFrom("survey_instruments").selectAll().executeTakeFirstOrThrow();
    expect(instrument).toMatchObject({ id: "enkat-2026:v1", label: "Trygghetsenkät 2026" });
    // HMAC-SHA-256(key, instrument ␀ raw id), first 128 bits in hex, prefixed r_ (data/README.md)
    const a2 =
      "r_" + createHmac("sha256", "test-key").update("enkat-2026:v1\u0000A2").digest("hex").slice(0, 32);
    const respondent = await db
      .selectFrom("survey_respondents")
      .selectAll()
      .where("id", "=", a2)
      .executeTakeFirstOrThrow();
    expect(respondent).toMatchObject({ weight: 2, stratum: "norr", cluster: "c1" });
    const answers = await db
      .selectFrom("survey_responses")
      .select(["item_code", "value"])
      .where("respondent_id", "=", a2)
      .orderBy("item_code")
      .execute();
    // A2 answered q1 = 2, q2 missing, q3 = 4 on a 1..5 scale: stored as score − 1
    expect(answers).toEqual([
      { item_code: "q1", value: 1 },
      { item_code: "q2", value: null },
      { item_code: "q3", value: 3 },
    ]);
    const audit = await db
      .selectFrom("audit_events")
      .selectAll()
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: "dataset.imported", user_id: analyst.userId });
    expect(JSON.parse(audit.payload)).toMatchObject({ kind: "survey", rows: 3, inserted: 3 });
  });

  it("does not let a viewer import a survey", async () => {
    const before = await tableCounts(db);
    const r = await call(
      importPage.action,
      post("/data/import", viewer, { ...provenance, ...surveyFields, file: csv("s.csv", goodSurvey) }),
    );
    expect(r.status).toBe(403);
    expect(await tableCounts(db)).toEqual(before);
  });
});

const member = (id: string, title: string) => `{""member_id"": ""${id}"", ""member_title"": ""${title}""}`;

describe("Kolada municipality groups on the web", () => {
  it("lists an unknown member at the line its row starts on, after a pretty-printed cell, and writes nothing", async () => {
    // 1 header, 2–5 G1 (members over four lines), 6 G2 with the unknown area 9999
    const bad = [
      "id,title,members",
      'G1,Liknande kommuner,"[',
      `  ${member("1283", "Helsingborg")},`,
      `  ${member("0000", "Riket")}`,
      ']"',
      `G2,Okänd,"[${member("9999", "Ingenstans")}]"`,
      "",
    ].join("\n");
    const before = await tableCounts(db);
    const r = await call(
      importPage.action,
      post("/data/import", analyst, { ...provenance, kind: "kolada-groups", file: csv("groups.csv", bad) }),
    );
    expect(r.status).toBe(400);
    expect((r.body as Refused).outcome!.issues.map((i) => [i.line, i.column, i.value])).toEqual([
      [6, "members", "9999"],
    ]);
    expect(await tableCounts(db)).toEqual(before);
  });

  it("stores the groups with their member areas and an audit event; a repeat is a no-op", async () => {
    const good = [
      "id,title,members",
      `G1,"Liknande kommuner, test","[${member("1283", "Helsingborg")}, ${member("0000", "Riket")}]"`,
      `G2,Bara Helsingborg,"[${member("1283", "Helsingborg")}]"`,
      "",
    ].join("\n");
    const { location, changes } = await importTwice({
      ...provenance,
      kind: "kolada-groups",
      file: csv("groups.csv", good),
    });
    expect(location).toMatch(/^\/data\?imported=ds_[0-9a-f]{16}&kind=kolada-groups&rows=2&inserted=2$/);
    // two groups; members 1283 + 0000 in G1 and 1283 in G2
    expect(changes).toEqual({
      datasets: 1,
      audit_events: 1,
      area_groups: 2,
      area_group_members: 3,
    });
    const g1 = await db
      .selectFrom("area_groups")
      .selectAll()
      .where("id", "=", "G1")
      .executeTakeFirstOrThrow();
    expect(g1).toMatchObject({ title: "Liknande kommuner, test", source: "test fixture" });
  });
});
