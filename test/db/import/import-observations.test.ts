import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importObservations } from "../../../db/import/import-observations";
import { ImportRejectedError } from "../../../db/import/import-issues";
import type { Db } from "../../../db/schema";
import { addReferenceRows, countRows, freshDb } from "./test-db";

const FIXTURE = "test/fixtures/import/observations-good.csv";
const HEADER = "indicator,area,group,period,value,u,n";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
  await addReferenceRows(db);
});
afterEach(async () => {
  await db.destroy();
});

async function rejection(text: string, maxBytes?: number): Promise<ImportRejectedError> {
  const err = await importObservations(db, { name: "bad.csv", text }, maxBytes ? { maxBytes } : {}).catch(
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportRejectedError);
  return err as ImportRejectedError;
}

describe("importObservations", () => {
  it("imports every row of a valid file with its dataset and one audit event", async () => {
    const summary = await importObservations(
      db,
      { path: FIXTURE },
      {
        provenance: { source: "test fixture", licence: "CC0", retrieved: "2026-12-04" },
      },
    );
    expect(summary).toMatchObject({ kind: "observations", rows: 4, inserted: 4 });
    expect(summary.skipped).toBeUndefined();
    const rows = await db.selectFrom("observations").selectAll().orderBy("value").execute();
    expect(rows.map((r) => [r.indicator_id, r.area_id, r.group_code, r.period, r.value, r.u, r.n])).toEqual([
      ["self_rated_health", "1283", "age_20_44_m", "2019-2022", 75, 2.5, 310],
      ["life_expectancy", "1283", null, "2019", 82.4, 0.3, null],
      ["life_expectancy", "0000", null, "2019", 82.6, 0.1, null],
      ["life_expectancy", "1283", "age_20_44_f", "2019", 84.1, 0.5, 1200],
    ]);
    const dataset = await db.selectFrom("datasets").selectAll().executeTakeFirstOrThrow();
    expect(dataset).toMatchObject({
      id: summary.dataset,
      kind: "observations",
      row_count: 4,
      licence: "CC0",
    });
    expect(dataset.file_name).toBe("observations-good.csv");
    expect(dataset.source).toContain("SCB (test fixture)");
    const audit = await db.selectFrom("audit_events").selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "dataset.imported",
      entity: "dataset",
      entity_id: summary.dataset,
    });
  });

  it("treats a second import of the same bytes as a no-op", async () => {
    const first = await importObservations(db, { path: FIXTURE });
    const before = await countRows(db);
    const second = await importObservations(db, { path: FIXTURE });
    expect(second).toEqual({
      dataset: first.dataset,
      kind: "observations",
      rows: 4,
      inserted: 0,
      skipped: "already imported",
    });
    expect(await countRows(db)).toEqual(before);
  });

  const badFiles: [string, string, { line: number; column: string; reason: RegExp }[]][] = [
    [
      "a wrong header",
      "indicator,area,grupp,period,value,u,n\nlife_expectancy,1283,,2019,82,0.3,\n",
      [
        { line: 1, column: "group", reason: /missing column "group"/ },
        { line: 1, column: "grupp", reason: /unknown column "grupp"/ },
      ],
    ],
    [
      "a non-numeric value",
      `${HEADER}\nlife_expectancy,1283,,2019,82.4,0.3,\nlife_expectancy,0000,,2019,"82,6",0.1,\n`,
      [{ line: 3, column: "value", reason: /not a number/ }],
    ],
    [
      "a negative uncertainty and a fractional n on two lines",
      `${HEADER}\nlife_expectancy,1283,,2019,82.4,-0.3,\nlife_expectancy,0000,,2019,82.6,0.1,12.5\n`,
      [
        { line: 2, column: "u", reason: /must be ≥ 0/ },
        { line: 3, column: "n", reason: /whole number/ },
      ],
    ],
    [
      "an unknown indicator, area and group",
      `${HEADER}\nlife_satisfaction,1283,,2019,7.3,0.1,\nlife_expectancy,9999,age_20_44_x,2019,82,0.1,\n`,
      [
        { line: 2, column: "indicator", reason: /unknown indicator/ },
        { line: 3, column: "area", reason: /unknown area/ },
        { line: 3, column: "group", reason: /unknown population group/ },
      ],
    ],
    [
      "a duplicate key within the file",
      `${HEADER}\nlife_expectancy,1283,,2019,82.4,0.3,\nlife_expectancy,0000,,2019,82.6,0.1,\nlife_expectancy,1283,,2019,82.5,0.3,\n`,
      [{ line: 4, column: "", reason: /duplicate key .*already in line 2/ }],
    ],
    ["only a header", `${HEADER}\n`, [{ line: 2, column: "", reason: /no data rows/ }]],
    [
      "a row with a missing cell",
      `${HEADER}\nlife_expectancy,1283,,2019,82.4,0.3\n`,
      [{ line: 2, column: "", reason: /has 6 cells, the header has 7/ }],
    ],
  ];

  it.each(badFiles)(
    "rejects a file with %s, reporting every bad row and writing nothing",
    async (_, text, expected) => {
      const before = await countRows(db);
      const err = await rejection(text);
      expect(err.issues.map((i) => ({ line: i.line, column: i.column }))).toEqual(
        expected.map(({ line, column }) => ({ line, column })),
      );
      err.issues.forEach((issue, k) => expect(issue.reason).toMatch(expected[k]!.reason));
      expect(await countRows(db)).toEqual(before);
    },
  );

  it("rejects a row whose key is already in the database", async () => {
    await importObservations(db, { path: FIXTURE });
    const before = await countRows(db);
    const err = await rejection(`${HEADER}\nlife_expectancy,0000,,2019,82.7,0.1,\n`);
    expect(err.issues).toEqual([
      expect.objectContaining({
        line: 2,
        column: "",
        reason: expect.stringMatching(/already in the database/),
      }),
    ]);
    expect(await countRows(db)).toEqual(before);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const text = `${HEADER}\nlife_expectancy,1283,,2019,82.4,0.3,\n`;
    const err = await importObservations(db, { name: "big.csv", text }, { maxBytes: 20 }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).message).toMatch(
      /big\.csv: file is \d+ bytes, more than the import limit of 20 bytes/,
    );
    expect((await countRows(db)).datasets).toBe(0);
  });

  it("reports every bad row up to the cap and counts the rest", async () => {
    const lines = Array.from({ length: 1200 }, (_, i) => `life_expectancy,1283,,${1000 + i},x,0.1,`);
    const err = await rejection(`${HEADER}\n${lines.join("\n")}\n`);
    expect(err.issues).toHaveLength(1000);
    expect(err.issueCount).toBe(1200);
    expect(err.badRows).toBe(1200);
    expect(err.issues[999]).toMatchObject({ line: 1001, column: "value", value: "x" });
    expect(err.message).toMatch(/1200 bad row\(s\).*… and 200 more$/);
    expect((await countRows(db)).observations).toBe(0);
  });
});
