import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/schema";
import { call, get, installDb, signIn, type Session } from "../app/pages/harness";
import { leakedDigits, seedDisclosureCase, SHOWN } from "./support";
import * as overviewCsv from "~/routes/overview[.]csv";

// The overview's CSV downloads (issue 5: every chart and table has a CSV) carry the same suppressed
// figures as the page: the n = 9 cell never leaves, the n = 10 cell does.

let db: Db;
let viewer: Session;
beforeAll(async () => {
  db = await installDb();
  await seedDisclosureCase(db);
  viewer = await signIn(db, "viewer");
});
afterAll(async () => {
  await db.destroy();
});

describe("the overview CSV downloads", () => {
  it("give each table, without the n = 9 cell", async () => {
    const r = await call(overviewCsv.loader, get("/overview.csv?table=segments", viewer), {});
    expect(r.status).toBe(200);
    const text = r.body as string;
    expect(leakedDigits(text)).toEqual([]);
    expect(text.split("\r\n")[0]).toBe("segment,label,population,dimension,score,u,ci95_lo,ci95_hi");
    // goalposts 0–100: the score is the value itself; the interval is value ± 2u
    expect(text).toContain(
      `${SHOWN.value},${SHOWN.u},${SHOWN.value - 2 * SHOWN.u},${SHOWN.value + 2 * SHOWN.u}`,
    );
  });

  it("refuses an unknown table with 400", async () => {
    const r = await call(overviewCsv.loader, get("/overview.csv?table=secrets", viewer), {});
    expect(r.status).toBe(400);
  });
});
