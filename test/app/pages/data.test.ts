import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../db/schema";
import { counts, call, get, installDb, post, seedReference, signIn, type Session } from "./harness";
import * as dataIndex from "~/routes/data._index";
import * as indicatorPage from "~/routes/data.indicators.$indicatorId";
import * as indicatorCsv from "~/routes/data.indicators.$indicatorId_.csv";
import * as tableCsv from "~/routes/data.indicators[.]csv";
import * as importPage from "~/routes/data.import";
import { toCsv } from "~/utils/csv";

let db: Db;
let analyst: Session;
let viewer: Session;

beforeAll(async () => {
  db = await installDb();
  await seedReference(db);
  analyst = await signIn(db, "analyst");
  viewer = await signIn(db, "viewer");
});
afterAll(async () => {
  await db.destroy();
});

const goodCsv = readFileSync("test/fixtures/import/observations-good.csv", "utf8");
const provenance = {
  kind: "observations",
  source: "test fixture",
  licence: "CC0",
  retrieved: "2026-12-04",
  note: "",
};

describe("the data pages", () => {
  it("lists indicators by dimension with the latest home-area value and its provenance", async () => {
    const r = await call(dataIndex.loader, get("/data", viewer));
    expect(r.status).toBe(200);
    const { byDimension } = r.body as Awaited<ReturnType<typeof dataIndex.loader>>;
    expect(byDimension.map((d) => d.id)).toEqual(["health", "subjective_wellbeing", "safety"]);
    const health = byDimension[0]!.rows[0]!;
    // 60 ± 2 with n = 500: interval 60 ± 2·2 = [56, 64].
    expect(health.latest).toMatchObject({ value: 60, u: 2, n: 500, interval: [56, 64], period: "2019" });
    expect(health.dataset).toMatchObject({ licence: "CC0", sha256Short: "abababababab", synthetic: true });
  });

  it("suppresses a value resting on fewer than 10 respondents in the table and its CSV", async () => {
    const r = await call(dataIndex.loader, get("/data", viewer));
    const { byDimension } = r.body as Awaited<ReturnType<typeof dataIndex.loader>>;
    const small = byDimension.flatMap((d) => d.rows).find((x) => x.id === "small_cells")!;
    expect(small.latest).toMatchObject({ value: null, u: null, n: 7, suppressed: true, period: "2019" });
    const csv = await call(tableCsv.loader, get("/data/indicators.csv", viewer));
    const line = (csv.body as string).split("\r\n").find((l) => l.startsWith("small_cells,"))!;
    expect(line).not.toContain("41.5");
    expect(line).not.toContain("3.3");
    expect(line).toContain(",,,7,1,");
  });

  it("shows an indicator's observations with 95 % intervals and small cells suppressed, also in its CSV", async () => {
    const r = await call(indicatorPage.loader, get("/data/indicators/small_cells", viewer), {
      indicatorId: "small_cells",
    });
    const { detail } = r.body as Awaited<ReturnType<typeof indicatorPage.loader>>;
    expect(detail.observations).toEqual([
      expect.objectContaining({ period: "2019", value: null, u: null, n: 7, suppressed: true }),
      // 39 ± 2, n = 120: interval [35, 43].
      expect.objectContaining({ period: "2018", value: 39, u: 2, n: 120, interval: [35, 43] }),
    ]);
    const csv = await call(indicatorCsv.loader, get("/data/indicators/small_cells/csv", viewer), {
      indicatorId: "small_cells",
    });
    expect(csv.body).toBe(
      "indicator,area,group,period,value,u,ci95_lo,ci95_hi,n,suppressed,dataset\r\n" +
        "small_cells,1283,,2019,,,,,7,1,ds_test\r\n" +
        "small_cells,1283,,2018,39,2,35,43,120,0,ds_test\r\n",
    );
    expect(JSON.stringify(detail)).not.toContain("41.5");
  });

  it("answers 404 for an unknown indicator", async () => {
    const r = await call(indicatorPage.loader, get("/data/indicators/nope", viewer), { indicatorId: "nope" });
    expect(r.status).toBe(404);
  });

  it("refuses an import form without provenance or file with field errors and writes nothing", async () => {
    const before = await counts(db);
    const r = await call(
      importPage.action,
      post("/data/import", analyst, { kind: "bogus", source: "", licence: "", retrieved: "4 dec", note: "" }),
    );
    expect(r.status).toBe(400);
    const body = r.body as { errors: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(["file", "kind", "licence", "retrieved", "source"]);
    expect(body.errors.retrieved).toBe("Ange ett datum på formen ÅÅÅÅ-MM-DD.");
    expect(await counts(db)).toEqual(before);
  });

  it("shows every bad row of an uploaded file and writes nothing", async () => {
    const before = await counts(db);
    const bad =
      "indicator,area,group,period,value,u,n\n" +
      "health_a,1283,,2020,61,1,400\n" +
      "no_such_indicator,1283,,2020,61,1,400\n" +
      "health_a,1283,,2021,sixty,1,400\n";
    const file = new File([bad], "bad.csv", { type: "text/csv" });
    const r = await call(importPage.action, post("/data/import", analyst, { ...provenance, file }));
    expect(r.status).toBe(400);
    const body = r.body as {
      outcome: { issues: { line: number; column: string; value: string }[]; badRows: number };
    };
    expect(body.outcome.badRows).toBe(2);
    expect(body.outcome.issues.map((i) => [i.line, i.column, i.value])).toEqual([
      [3, "indicator", "no_such_indicator"],
      [4, "value", "sixty"],
    ]);
    expect(await counts(db)).toEqual(before);
  });

  it("imports a good file with an audit event, then reports a repeat as already imported", async () => {
    await db
      .insertInto("indicators")
      .values(
        ["life_expectancy", "self_rated_health"].map((id) => ({
          id,
          dimension_id: "health",
          label: id,
          unit: "år",
          direction: "higher" as const,
          kind: "objective" as const,
          level: "individual" as const,
          goal_lo: 70,
          goal_hi: 90,
          source: "test",
        })),
      )
      .execute();
    const before = await counts(db);
    const file = () => new File([goodCsv], "observations-good.csv", { type: "text/csv" });
    const first = await call(
      importPage.action,
      post("/data/import", analyst, { ...provenance, file: file() }),
    );
    expect(first.status).toBe(302);
    expect(first.location).toMatch(/^\/data\?imported=ds_[0-9a-f]{16}&kind=observations&rows=4&inserted=4$/);
    const after = await counts(db);
    expect(after.observations - before.observations).toBe(4);
    expect(after.audit_events - before.audit_events).toBe(1);
    const audit = await db
      .selectFrom("audit_events")
      .selectAll()
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: "dataset.imported", user_id: analyst.userId });
    const again = await call(
      importPage.action,
      post("/data/import", analyst, { ...provenance, file: file() }),
    );
    expect(again.location).toContain("skipped=1");
    expect(await counts(db)).toEqual(after);
  });

  it("refuses a file above the size limit with 413 before reading it", async () => {
    const big = new File(["x".repeat(4 * 1024 * 1024 + 10)], "big.csv", { type: "text/csv" });
    const r = await call(importPage.action, post("/data/import", analyst, { ...provenance, file: big }));
    expect(r.status).toBe(413);
  });

  it("prefers the home area's whole-area value to a newer one elsewhere, and falls back to the newest", async () => {
    await db
      .insertInto("observations")
      .values([
        {
          indicator_id: "swb_a",
          area_id: "0000",
          group_code: null,
          period: "2022",
          value: 7.4,
          u: 0.05,
          n: 900,
          dataset_id: "ds_test",
        },
        {
          indicator_id: "safety_a",
          area_id: "0000",
          group_code: null,
          period: "2017",
          value: 55,
          u: 1,
          n: 900,
          dataset_id: "ds_test",
        },
      ])
      .execute();
    await db
      .insertInto("indicators")
      .values({
        id: "riket_only",
        dimension_id: "health",
        label: "Riket",
        unit: "%",
        direction: "lower",
        kind: "objective",
        level: "societal",
        goal_lo: null,
        goal_hi: null,
        source: "test",
      })
      .execute();
    await db
      .insertInto("observations")
      .values([
        {
          indicator_id: "riket_only",
          area_id: "0000",
          group_code: null,
          period: "2020",
          value: 3,
          u: null,
          n: null,
          dataset_id: "ds_test",
        },
        {
          indicator_id: "riket_only",
          area_id: "0000",
          group_code: null,
          period: "2021",
          value: 4,
          u: null,
          n: null,
          dataset_id: "ds_test",
        },
      ])
      .execute();
    const r = await call(dataIndex.loader, get("/data", viewer));
    const rows = (r.body as Awaited<ReturnType<typeof dataIndex.loader>>).byDimension.flatMap((d) => d.rows);
    const byId = Object.fromEntries(rows.map((x) => [x.id, x]));
    expect(byId["swb_a"]!.latest).toMatchObject({ areaId: "1283", period: "2019", value: 7 });
    expect(byId["swb_a"]!.observationCount).toBe(2);
    expect(byId["riket_only"]!.latest).toMatchObject({
      areaId: "0000",
      period: "2021",
      value: 4,
      u: null,
      interval: null,
    });
    expect(byId["riket_only"]!.goalLo).toBeNull();
  });

  it("shows Helsingborg and Sweden on an indicator page unless every area is asked for", async () => {
    await db
      .insertInto("areas")
      .values({ id: "1280", name: "Malmö", kind: "municipality", parent_id: null, synthetic: 0 })
      .execute();
    await db
      .insertInto("observations")
      .values({
        indicator_id: "health_a",
        area_id: "1280",
        group_code: null,
        period: "2019",
        value: 58,
        u: 2,
        n: 400,
        dataset_id: "ds_test",
      })
      .execute();
    const areasOf = async (url: string) => {
      const r = await call(indicatorPage.loader, get(url, viewer), { indicatorId: "health_a" });
      return [
        ...new Set(
          (r.body as Awaited<ReturnType<typeof indicatorPage.loader>>).detail.observations.map(
            (o) => o.areaId,
          ),
        ),
      ];
    };
    expect(await areasOf("/data/indicators/health_a")).toEqual(["1283"]);
    expect(await areasOf("/data/indicators/health_a?scope=all")).toEqual(["1280", "1283"]);
  });

  it("writes CSV cells quoted where needed and defuses spreadsheet formulas", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          ["=SUM(A1)", -3],
          [null, "line\nbreak"],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),-3\r\n,"line\nbreak"\r\n');
  });

  it("does not let a viewer import", async () => {
    const r = await call(importPage.action, post("/data/import", viewer, { ...provenance }));
    expect(r.status).toBe(403);
  });
});
