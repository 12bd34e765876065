import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportRejectedError } from "../../../db/import/import-issues";
import { importKoladaGroups } from "../../../db/import/import-kolada-groups";
import type { Db } from "../../../db/schema";
import { addMunicipalities, freshDb } from "./test-db";

const member = (id: string, title: string) => `{""member_id"": ""${id}"", ""member_title"": ""${title}""}`;

let db: Db;
beforeEach(async () => {
  db = await freshDb();
  await addMunicipalities(db, [
    ["1283", "Helsingborg"],
    ["1280", "Malmö"],
    ["0580", "Linköping"],
  ]);
});
afterEach(async () => {
  await db.destroy();
});

describe("importKoladaGroups", () => {
  it("stores each group with its member areas", async () => {
    const text = `id,title,members\nG1,"Liknande kommuner x, 2024","[${member("1283", "Helsingborg")}, ${member("0580", "Linköping")}]"\n`;
    const summary = await importKoladaGroups(db, { name: "g.csv", text });
    expect(summary).toMatchObject({ kind: "kolada-groups", rows: 1, inserted: 1, details: { members: 2 } });
    const members = await db.selectFrom("area_group_members").select("area_id").orderBy("area_id").execute();
    expect(members.map((m) => m.area_id)).toEqual(["0580", "1283"]);
    const group = await db.selectFrom("area_groups").selectAll().executeTakeFirstOrThrow();
    expect(group).toMatchObject({
      id: "G1",
      title: "Liknande kommuner x, 2024",
      dataset_id: summary.dataset,
    });
  });

  it("reports unknown members, bad JSON and repeated ids, writing nothing", async () => {
    const text = [
      "id,title,members",
      `G1,a,"[${member("1283", "Helsingborg")}, ${member("9999", "Okänd")}]"`,
      "G2,b,not json",
      `G1,c,"[${member("1280", "Malmö")}]"`,
    ].join("\n");
    const err = (await importKoladaGroups(db, { name: "g.csv", text }).catch(
      (e: unknown) => e,
    )) as ImportRejectedError;
    expect(err).toBeInstanceOf(ImportRejectedError);
    expect(err.issues.map((i) => [i.line, i.column, i.value])).toEqual([
      [2, "members", "9999"],
      [3, "members", "not json"],
      [4, "id", "G1"],
    ]);
    expect(await db.selectFrom("area_groups").selectAll().execute()).toEqual([]);
  });
});
