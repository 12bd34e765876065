import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportRejectedError } from "../../../db/import/import-issues";
import { ageBandOf, importScbPopulation } from "../../../db/import/import-scb-population";
import type { Db } from "../../../db/schema";
import { countRows, freshDb } from "./test-db";

const FIXTURE = "test/fixtures/import/scb-population-excerpt.csv";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
  await db
    .insertInto("areas")
    .values({ id: "1283", name: "Helsingborg", kind: "municipality", parent_id: null, synthetic: 0 })
    .execute();
});
afterEach(async () => {
  await db.destroy();
});

describe("ageBandOf", () => {
  it("puts single years, open-ended and ranged ages into the project's bands", () => {
    expect(
      ["0", "19", "20", "44", "45", "64", "65", "79", "80", "100", "100+", "20-44", "80+"].map(ageBandOf),
    ).toEqual([
      "0_19",
      "0_19",
      "20_44",
      "20_44",
      "45_64",
      "45_64",
      "65_79",
      "65_79",
      "80p",
      "80p",
      "80p",
      "20_44",
      "80p",
    ]);
  });

  it("refuses a range that crosses a band boundary", () => {
    expect(ageBandOf("15-25")).toBeNull();
    expect(ageBandOf("70+")).toBeNull();
  });
});

describe("importScbPopulation", () => {
  it("sums single years of age into age band × sex segments of the named municipality", async () => {
    const summary = await importScbPopulation(db, { path: FIXTURE });
    // By hand from the fixture: age_0_19_m = 923 (age 0) + 873 (age 19) = 1796;
    // age_80p_f = 474 (80) + 25 (100) = 499; age_45_64_f = 960 + 768 = 1728.
    const segments = await db.selectFrom("segments").selectAll().orderBy("id").execute();
    expect(segments).toHaveLength(10);
    const byId = Object.fromEntries(segments.map((s) => [s.id, s.population]));
    expect(byId["1283:age_0_19_m"]).toBe(1796);
    expect(byId["1283:age_80p_f"]).toBe(499);
    expect(byId["1283:age_45_64_f"]).toBe(1728);
    expect(segments.every((s) => s.period === "2019" && s.dataset_id === summary.dataset)).toBe(true);
    // Independently: the sum of the count column of every data line of the fixture.
    const total = readFileSync(FIXTURE, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .reduce((s, line) => s + Number(line.split(",")[3]), 0);
    expect(segments.reduce((s, x) => s + x.population, 0)).toBe(total);
    expect(summary).toMatchObject({ kind: "scb-population", rows: 20, inserted: 10 });
    expect((await countRows(db)).population_groups).toBe(10);
  });

  it("creates the areas of a file with an area column, flagged synthetic for a synthetic dataset", async () => {
    const text = [
      "area,parent,region,ålder,kön,2019",
      "1283-S1,1283,Delområde A (syntetiskt),20-44,kvinnor,100",
      "1283-S1,1283,Delområde A (syntetiskt),20-44,män,90",
    ].join("\n");
    await importScbPopulation(
      db,
      { name: "districts.csv", text },
      {
        areaKind: "district",
        provenance: { synthetic: true, source: "synthetic" },
      },
    );
    const area = await db
      .selectFrom("areas")
      .selectAll()
      .where("id", "=", "1283-S1")
      .executeTakeFirstOrThrow();
    expect(area).toEqual({
      id: "1283-S1",
      name: "Delområde A (syntetiskt)",
      kind: "district",
      parent_id: "1283",
      synthetic: 1,
    });
    const dataset = await db.selectFrom("datasets").selectAll().executeTakeFirstOrThrow();
    expect(dataset.synthetic).toBe(1);
  });

  it("reports unknown regions, bad ages and counts, and duplicate rows, writing nothing", async () => {
    const text = [
      '"region","ålder","kön","X2019"',
      '"Helsingborg","20","män",10',
      '"Lund","20","män",10',
      '"Helsingborg","twenty","män",10',
      '"Helsingborg","21","okänd",-3',
      '"Helsingborg","20","män",11',
    ].join("\n");
    const before = await countRows(db);
    const err = (await importScbPopulation(db, { name: "bad.csv", text }).catch(
      (e: unknown) => e,
    )) as ImportRejectedError;
    expect(err).toBeInstanceOf(ImportRejectedError);
    expect(err.issues.map((i) => [i.line, i.column])).toEqual([
      [3, "region"],
      [4, "ålder"],
      [5, "kön"],
      [5, "X2019"],
      [6, ""],
    ]);
    expect(err.issues[4]!.reason).toMatch(/duplicate row .*line 2/);
    expect(await countRows(db)).toEqual(before);
  });

  it("refuses a population for a segment and period that already has one", async () => {
    await importScbPopulation(db, { path: FIXTURE });
    const text = '"region","ålder","kön","X2019"\n"Helsingborg","30","män",5\n';
    const err = (await importScbPopulation(db, { name: "again.csv", text }).catch(
      (e: unknown) => e,
    )) as ImportRejectedError;
    expect(err.issues[0]!.reason).toMatch(/segment 1283:age_20_44_m already has a population for 2019/);
  });

  it("names the first line and the count column of each segment that already has a population", async () => {
    await importScbPopulation(db, { path: FIXTURE });
    // line 2 → 65–79 men; lines 3 and 4 → 20–44 men, summed: both segments are stored by the fixture
    const text =
      '"region","ålder","kön","X2019"\n"Helsingborg","70","män",5\n"Helsingborg","30","män",5\n' +
      '"Helsingborg","31","män",6\n';
    const err = (await importScbPopulation(db, { name: "again.csv", text }).catch(
      (e: unknown) => e,
    )) as ImportRejectedError;
    expect(err).toBeInstanceOf(ImportRejectedError);
    expect(err.issues.map((i) => [i.line, i.column, i.value])).toEqual([
      [2, "X2019", "1283:age_65_79_m"],
      [3, "X2019", "1283:age_20_44_m"],
    ]);
  });
});
