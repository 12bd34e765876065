import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CliInputError } from "../../bin/cli";
import { ImportRejectedError } from "../../db/import/import-issues";
import { importKolada } from "../../db/import/import-kolada";
import { importObservations } from "../../db/import/import-observations";
import { importOecdBli } from "../../db/import/import-oecd-bli";
import { importScbPopulation } from "../../db/import/import-scb-population";
import { importSurvey } from "../../db/import/import-survey";
import { ensureGroups, sexGroups } from "../../db/import/population-groups";
import type { ImportSource } from "../../db/import/import-source";
import type { ImportSummary } from "../../db/import/run-import";
import type { Db } from "../../db/schema";
import { createDb } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { freshDb } from "../db/fresh-db";
import { addReferenceRows } from "../db/import/test-db";
import { applyMutations, csvCase, encodeGrid, gridFromText, type Grid } from "./support/csv-fuzz";
import { countChanges, tableCounts } from "./support/db-state";
import { fuzzOptions } from "./support/fuzz-config";
import { insertReferenceRows } from "./support/reference-rows";
import { tempFileWriter } from "./support/temp-files";

// Import fuzz (issue 6, point 5): each kind's valid fixture, mutated cell by cell and re-encoded, is
// imported into a fresh migrated in-memory SQLite. Fixed seeds; fast-check prints the failing case.

const RUNS = 40;

interface KindSpec {
  kind: string;
  fixture: string;
  setup: (db: Db) => Promise<void>;
  run: (db: Db, source: ImportSource) => Promise<ImportSummary>;
  /** Checks a successful import's summary against what the tables gained and the file said. */
  stored: (
    summary: ImportSummary,
    changes: Record<string, number>,
    grid: Grid,
    db: Db,
  ) => void | Promise<void>;
}

const kolada = (db: Db) =>
  insertReferenceRows(db, {
    dimensions: ["work_life_balance"],
    indicators: { kolada_N00945: "work_life_balance" },
    areas: { "0180": "Stockholm", "1280": "Malmö", "1480": "Göteborg" },
  });

const oecd = (db: Db) =>
  insertReferenceRows(db, {
    dimensions: ["health", "subjective_wellbeing"],
    indicators: { bli_hs_leb: "health", bli_sw_lifs: "subjective_wellbeing" },
    areas: { "0000": "Riket" },
  });

const ITEMS = Array.from({ length: 23 }, (_, i) => `V${i + 1}`);

const KINDS: KindSpec[] = [
  {
    kind: "observations",
    fixture: "test/fixtures/import/observations-good.csv",
    setup: addReferenceRows,
    run: (db, s) => importObservations(db, s),
    stored: async (summary, changes, grid, db) => {
      // every data row is valid when the import succeeds, so every one is stored
      expect(summary.inserted).toBe(summary.rows);
      expect(changes.observations ?? 0).toBe(summary.inserted);
      // and each stored row holds its line's numbers (value, u, n; empty u or n = unknown)
      const h = grid.header.map((c) => c.trim());
      const stored = await db.selectFrom("observations").selectAll().execute();
      for (const cells of grid.rows) {
        const cell = (c: string) => cells[h.indexOf(c)]!.trim();
        const row = stored.find(
          (o) =>
            o.indicator_id === cell("indicator") &&
            o.area_id === cell("area") &&
            (o.group_code ?? "") === cell("group") &&
            o.period === cell("period"),
        );
        expect(row, cells.join(",")).toBeDefined();
        const num = (c: string) => (["", "NA", ".."].includes(cell(c)) ? null : Number(cell(c)));
        // + 0 reads -0 as 0 (SQLite may return either)
        const z = (x: number | null) => (x === null ? null : x + 0);
        expect([row!.value, row!.u, row!.n].map(z)).toEqual(
          [Number(cell("value")), num("u"), num("n")].map(z),
        );
      }
    },
  },
  {
    kind: "kolada",
    fixture: "test/fixtures/import/kolada-n00945-excerpt.csv",
    setup: kolada,
    run: (db, s) => importKolada(db, s),
    stored: (summary, changes) => {
      expect(summary.inserted + Number(summary.details!.withoutValue)).toBe(summary.rows);
      expect(changes.observations ?? 0).toBe(summary.inserted);
    },
  },
  {
    kind: "oecd-bli",
    fixture: "test/fixtures/import/oecd-bli-excerpt.csv",
    setup: oecd,
    run: (db, s) => importOecdBli(db, s, { period: "2020" }),
    stored: (summary, changes) => {
      expect(summary.inserted + Number(summary.details!.otherLocations)).toBe(summary.rows);
      expect(changes.observations ?? 0).toBe(summary.inserted);
    },
  },
  {
    kind: "scb-population",
    fixture: "test/fixtures/import/scb-population-excerpt.csv",
    setup: (db) => insertReferenceRows(db, { areas: { "1283": "Helsingborg" } }),
    run: (db, s) => importScbPopulation(db, s),
    stored: (summary, changes) => {
      expect(changes.segments ?? 0).toBe(summary.inserted);
    },
  },
  {
    kind: "survey",
    fixture: "test/fixtures/import/survey-wineq-excerpt.csv",
    setup: async (db) => {
      await ensureGroups(db, sexGroups());
    },
    run: (db, s) =>
      importSurvey(db, s, {
        instrument: { id: "wineq" },
        weightColumn: "Weight",
        strataColumn: "Area",
        items: ITEMS,
        scale: { min: 1, max: 5 },
        pseudonymKey: "fuzz-key",
      }),
    stored: (summary, changes) => {
      expect(summary.inserted).toBe(summary.rows);
      expect(changes.survey_respondents ?? 0).toBe(summary.inserted);
      expect(changes.survey_responses ?? 0).toBe(summary.inserted * ITEMS.length);
    },
  },
];

/** Run an import, returning its summary or the error it threw. */
async function attempt(
  spec: KindSpec,
  db: Db,
  source: ImportSource,
): Promise<{ ok: true; summary: ImportSummary } | { ok: false; error: unknown }> {
  try {
    return { ok: true, summary: await spec.run(db, source) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Check a refusal: the import's own error type, naming the file; every issue placed in the file. */
function checkRefusal(error: unknown, name: string, header: readonly string[], lines: number): void {
  if (!(error instanceof CliInputError)) throw error; // a TypeError etc. is the bug this test hunts
  expect(error.message.startsWith(`${name}: `), error.message).toBe(true);
  expect(error.message).not.toContain("\n    at ");
  if (!(error instanceof ImportRejectedError)) return; // a file-level refusal (e.g. an unclosed quote)
  expect(error.issues.length).toBeGreaterThan(0);
  const columns = new Set(["", ...header.map((h) => h.trim())]);
  for (const issue of error.issues) {
    expect(issue.reason.trim(), JSON.stringify(issue)).not.toBe("");
    expect(issue.line, JSON.stringify(issue)).toBeGreaterThanOrEqual(1);
    expect(issue.line, JSON.stringify(issue)).toBeLessThanOrEqual(lines);
    if (issue.line >= 2) {
      expect(columns.has(issue.column), `${JSON.stringify(issue)} names a column the header lacks`).toBe(
        true,
      );
    }
  }
}

describe.each(KINDS)("fuzzing the $kind import", (spec) => {
  const base = gridFromText(readFileSync(spec.fixture, "utf8"));

  it("imports the unmutated fixture, and again as a no-op", async () => {
    const db = await freshDb();
    await spec.setup(db);
    const text = encodeGrid(base, {
      delimiter: ",",
      eol: "\n",
      bom: false,
      quoteAll: false,
      trailingEol: true,
      truncate: 0,
    });
    const first = await spec.run(db, { name: "base.csv", text });
    expect(first.inserted).toBeGreaterThan(0);
    const counts = await tableCounts(db);
    const again = await spec.run(db, { name: "base.csv", text });
    expect(again.skipped).toBe("already imported");
    expect(await tableCounts(db)).toEqual(counts);
    await db.destroy();
  });

  it("only ever refuses with the import's error, writes nothing when it refuses, and re-imports as a no-op", async () => {
    const outcomes = { stored: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(csvCase, async ({ mutations, encoding }) => {
        const grid = applyMutations(base, mutations);
        const text = encodeGrid(grid, encoding);
        const name = "fuzz.csv";
        const db = await freshDb();
        try {
          await spec.setup(db);
          const before = await tableCounts(db);
          const first = await attempt(spec, db, { name, text });
          const after = await tableCounts(db);
          // a reported line is where a row starts: at most one more than the line breaks (CRLF is one)
          const lines = (text.match(/\r\n|\r|\n/g) ?? []).length + 1;
          outcomes[first.ok ? "stored" : "refused"]++;
          if (first.ok) {
            const changes = countChanges(before, after);
            expect(changes.datasets).toBe(1);
            expect(changes.audit_events).toBe(1);
            if (encoding.truncate === 0) await spec.stored(first.summary, changes, grid, db);
          } else {
            checkRefusal(first.error, name, grid.header, lines);
            expect(after).toEqual(before);
          }
          // the same bytes again: skipped when stored, refused the same way when not; nothing changes
          const second = await attempt(spec, db, { name, text });
          if (first.ok) {
            expect(second.ok && second.summary.skipped).toBe("already imported");
          } else {
            expect(second.ok).toBe(false);
            if (!second.ok) expect((second.error as Error).message).toBe((first.error as Error).message);
          }
          expect(await tableCounts(db)).toEqual(after);
        } finally {
          await db.destroy();
        }
      }),
      fuzzOptions(0x6f0a11, RUNS),
    );
    // the cases reach both ends: some mutated files still import, most are refused
    expect(outcomes.stored).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

const writeTemp = tempFileWriter("livsval-fuzz-import-");

describe("livsval import as a program", () => {
  it("exits 2 with one line on stderr naming each bad cell, and writes nothing", async () => {
    const dbPath = await writeTemp("", "sqlite");
    const db = createDb(dbPath);
    await migrateToLatest(db, () => {});
    await addReferenceRows(db);
    const before = await tableCounts(db);
    await db.destroy();
    const csv = await writeTemp(
      "indicator,area,group,period,value,u,n\nlife_expectancy,1283,,2019,82.4,0.3,\nlife_expectancy,1283,age_20_44_f,2019,abc,-1,\n",
      "csv",
    );
    const r = await promisify(execFile)("node", [
      "bin/livsval.js",
      "import",
      csv,
      "--kind",
      "observations",
      "--database",
      dbPath,
    ]).then(
      () => ({ code: 0, stdout: "", stderr: "" }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `livsval import: ${csv}: 1 bad row(s), 2 issue(s), nothing imported: ` +
        'line 3, column "value", value "abc": not a number (write decimals with a point, e.g. 1.5); ' +
        'line 3, column "u", value "-1": a standard uncertainty must be ≥ 0\n',
    );
    const after = createDb(dbPath);
    expect(await tableCounts(after)).toEqual(before);
    await after.destroy();
  }, 30_000);
});
