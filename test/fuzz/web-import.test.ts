import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/schema";
import { call, installDb, signIn, type Session } from "../app/pages/harness";
import { addReferenceRows } from "../db/import/test-db";
import { applyMutations, csvCase, encodeGrid, gridFromText } from "./support/csv-fuzz";
import { countChanges, tableCounts } from "./support/db-state";
import { fuzzOptions } from "./support/fuzz-config";
import * as importPage from "~/routes/data.import";

// The web import form with mutated observation files (issue 6, point 5): a refused file is a 400
// listing issues at a line and header column, with nothing written; a stored one redirects to the
// data page with the counts; posting the same bytes again stores nothing more.

let db: Db;
let analyst: Session;
beforeAll(async () => {
  db = await installDb();
  await addReferenceRows(db);
  analyst = await signIn(db, "analyst");
});
afterAll(async () => {
  await db.destroy();
});

const base = gridFromText(readFileSync("test/fixtures/import/observations-good.csv", "utf8"));

function upload(text: string): Request {
  const form = new FormData();
  form.set("csrf", analyst.csrf);
  for (const [k, v] of Object.entries({
    kind: "observations",
    source: "fuzz",
    licence: "CC0",
    retrieved: "2026-12-04",
    note: "",
  }))
    form.set(k, v);
  form.set("file", new File([text], "fuzz.csv", { type: "text/csv" }));
  return new Request("http://localhost/data/import", {
    method: "POST",
    headers: { Cookie: analyst.cookie },
    body: form,
  });
}

interface Refusal {
  outcome: { ok: false; message?: string; issues?: { line: number; column: string; reason: string }[] };
}

describe("fuzzing the web import", () => {
  it("refuses with a 400 and writes nothing, or stores and redirects; the same bytes again change nothing", async () => {
    const seen = { stored: 0, refused: 0, issues: 0 };
    await fc.assert(
      fc.asyncProperty(csvCase, async ({ mutations, encoding }) => {
        const grid = applyMutations(base, mutations);
        const text = encodeGrid(grid, encoding);
        const before = await tableCounts(db);
        const r = await call(importPage.action, upload(text));
        const after = await tableCounts(db);
        expect(r.status, JSON.stringify(r.body)?.slice(0, 300)).not.toBe(500);
        if (r.status === 302) {
          seen.stored++;
          expect(r.location).toMatch(/^\/data\?imported=ds_/);
          const changes = countChanges(before, after);
          if (!r.location!.includes("skipped=1")) expect(changes.datasets).toBe(1);
        } else {
          seen.refused++;
          expect(r.status).toBe(400);
          expect(after).toEqual(before);
          const outcome = (r.body as Refusal).outcome;
          const header = new Set(["", ...grid.header.map((h) => h.trim())]);
          seen.issues += outcome?.issues?.length ?? 0;
          for (const issue of outcome?.issues ?? []) {
            expect(issue.reason).not.toBe("");
            if (issue.line >= 2) expect(header.has(issue.column), JSON.stringify(issue)).toBe(true);
          }
        }
        const again = await call(importPage.action, upload(text));
        expect(again.status).toBe(r.status === 302 ? 302 : 400);
        expect(await tableCounts(db)).toEqual(after);
      }),
      fuzzOptions(0x3eb, 30),
    );
    expect(seen.stored).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.issues).toBeGreaterThan(0);
  });
});
