import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/schema";
import { call, get, installDb, signIn, type Session } from "../app/pages/harness";
import { leakedDigits, seedDisclosureCase, SHOWN, SMALL } from "./support";
import * as overview from "~/routes/_index";
import * as dataIndex from "~/routes/data._index";
import * as indicatorPage from "~/routes/data.indicators.$indicatorId";
import * as indicatorCsv from "~/routes/data.indicators.$indicatorId_.csv";
import * as tableCsv from "~/routes/data.indicators[.]csv";
import * as scenarioPage from "~/routes/scenarios.$scenarioId";
import { loadScopeProfiles } from "~/utils/round-data.server";

// Disclosure control on every page and export that shows survey-derived figures (issue 6, point 6):
// the n = 9 cell never leaves (value and uncertainty null or absent, marked suppressed), the n = 10
// cell is shown.

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

interface ObservationView {
  groupCode: string | null;
  value: number | null;
  u: number | null;
  n: number | null;
  suppressed: boolean;
}

describe("disclosure control on the data pages", () => {
  it("the indicator page shows the n = 10 cell and suppresses the n = 9 cell", async () => {
    const r = await call(indicatorPage.loader, get("/data/indicators/self_rated_health", viewer), {
      indicatorId: "self_rated_health",
    });
    expect(r.status).toBe(200);
    expect(leakedDigits(r.body)).toEqual([]);
    const observations = (r.body as { detail: { observations: ObservationView[] } }).detail.observations;
    const small = observations.find((o) => o.groupCode === SMALL.group)!;
    expect(small).toMatchObject({ value: null, u: null, n: 9, suppressed: true });
    const shown = observations.find((o) => o.groupCode === SHOWN.group)!;
    expect(shown).toMatchObject({ value: SHOWN.value, u: SHOWN.u, n: 10, suppressed: false });
  });

  it("the indicator's CSV export leaves the n = 9 cell empty and flagged, and gives the n = 10 cell", async () => {
    const r = await call(indicatorCsv.loader, get("/data/indicators/self_rated_health.csv", viewer), {
      indicatorId: "self_rated_health",
    });
    expect(r.status).toBe(200);
    const text = r.body as string;
    expect(leakedDigits(text)).toEqual([]);
    const lines = text.trim().split(/\r?\n/);
    const header = lines[0]!.split(",");
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(",").map((c, i) => [header[i], c])));
    const small = rows.find((row) => Object.values(row).includes(SMALL.group))!;
    expect(small).toMatchObject({ value: "", u: "", n: "9", suppressed: "1" });
    const shown = rows.find((row) => Object.values(row).includes(SHOWN.group))!;
    expect(shown).toMatchObject({ value: String(SHOWN.value), u: String(SHOWN.u), n: "10", suppressed: "0" });
  });

  it("the data overview and the indicator table CSV show no digit of the n = 9 cell", async () => {
    const page = await call(dataIndex.loader, get("/data", viewer));
    expect(page.status).toBe(200);
    expect(leakedDigits(page.body)).toEqual([]);
    const csv = await call(tableCsv.loader, get("/data/indicators.csv", viewer));
    expect(csv.status).toBe(200);
    expect(leakedDigits(csv.body)).toEqual([]);
  });
});

describe("disclosure control on profiles built from survey figures", () => {
  it("the overview page derives no score from the n = 9 cell and shows the n = 10 cell's", async () => {
    const r = await call(overview.loader, get("/", viewer));
    expect(r.status).toBe(200);
    expect(leakedDigits(r.body)).toEqual([]);
    const segments = (
      r.body as {
        profile: { segments: { groupCode: string; scores: Record<string, { value: number } | null> }[] };
      }
    ).profile.segments;
    expect(segments.find((s) => s.groupCode === SHOWN.group)!.scores.health!.value).toBeCloseTo(
      SHOWN.value,
      10,
    );
  });

  it("a round's scope profiles derive no score from the n = 9 cell", async () => {
    const profiles = await loadScopeProfiles(
      db,
      { areas: ["1283"], groups: [SMALL.group, SHOWN.group] },
      "sv",
    );
    expect(leakedDigits(profiles)).toEqual([]);
    const shown = profiles.segments.find((s) => s.groupCode === SHOWN.group)!;
    expect(shown.scores.health).toMatchObject({ proxy: false });
    expect(shown.scores.health!.value).toBeCloseTo(SHOWN.value, 10);
  });

  it("the scenario preview sent to the browser derives nothing from the n = 9 cell", async () => {
    const r = await call(scenarioPage.loader, get("/scenarios/equal", viewer), { scenarioId: "equal" });
    expect(r.status).toBe(200);
    expect(leakedDigits(r.body)).toEqual([]);
  });
});
