import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../db/schema";
import { listReferenceValues } from "../../../db/repositories/reference-repository";
import { seedInternationalReferences } from "../../../db/seed/international";
import { DEFAULT_DATA_DIR } from "../../../db/seed/read-data";
import { call, get, installDb, seedReference, signIn } from "../pages/harness";
import * as overviewCsv from "~/routes/overview[.]csv";
import { buildInternationalView } from "~/utils/international.server";

/** One column of a Eurostat breakdown file by country, read here with a plain split (no commas in these rows). */
function column(file: string, header: string): Map<string, number> {
  const [head, ...lines] = readFileSync(
    join(DEFAULT_DATA_DIR, `eurostat_life_satisfaction/Eurostat_Life_Satisfaction_Overall_${file}.csv`),
    "utf8",
  )
    .trim()
    .split("\n");
  const i = head!.split(",").indexOf(header);
  expect(i).toBeGreaterThan(0);
  return new Map(
    lines
      .map((l) => l.split(","))
      .filter((c) => c[0] !== "EU27" && c[i] !== "")
      .map((c) => [c[0]!, Number(c[i])]),
  );
}

/** Sweden's place when the countries are sorted from the highest value: first and last of its tied block. */
function swedenRank(values: Map<string, number>): [number, number] {
  const sorted = [...values.values()].sort((a, b) => b - a);
  const sweden = values.get("Sweden")!;
  return [sorted.indexOf(sweden) + 1, sorted.lastIndexOf(sweden) + 1];
}

const uFor = (v: number) => Math.hypot(0.05 / Math.sqrt(3), 0.005 * v);

let db: Db;
beforeAll(async () => {
  db = await installDb();
  await seedReference(db); // Helsingborg, so that the overview (and its CSV) has a profile
  await seedInternationalReferences(db, DEFAULT_DATA_DIR, () => new Date("2026-12-04T00:00:00Z"));
});
afterAll(async () => {
  await db.destroy();
});

describe("the overview's international view", () => {
  it("has the Eurostat series with Sweden's rank among the countries of the file", async () => {
    const view = buildInternationalView(await listReferenceValues(db), "sv");
    const cases: [string, string, string][] = [
      ["eurostat_life_satisfaction", "Sex", "Total"],
      ["eurostat_life_satisfaction_f", "Sex", "Females"],
      ["eurostat_life_satisfaction_m", "Sex", "Males"],
      ["eurostat_life_satisfaction_16_24", "Age_Total", "From 16 to 24 years"],
      ["eurostat_life_satisfaction_25_64", "Age_Total", "From 25 to 64 years"],
      ["eurostat_life_satisfaction_65p", "Age_Total", "65 years or over"],
    ];
    for (const [series, file, header] of cases) {
      const values = column(file, header);
      const s = view.find((x) => x.series === series)!;
      expect(s, series).toBeDefined();
      expect(values.size).toBe(31);
      expect(s.count).toBe(31);
      expect(s.period).toBe("2023");
      expect(s.home!.value).toBe(values.get("Sweden"));
      const [first, last] = swedenRank(values);
      expect([s.rank, s.rankLast], series).toEqual([first, last]);
      const sorted = [...values.values()].sort((a, b) => a - b);
      expect(s.median).toBe(sorted[15]); // the 16th of 31
    }
  });

  it("compares the Nordic neighbours with Sweden by E_n and says where u comes from", async () => {
    const view = buildInternationalView(await listReferenceValues(db), "sv");
    const total = view.find((x) => x.series === "eurostat_life_satisfaction")!;
    expect(total.count).toBe(31);
    // Sex.csv, Total: Sweden 7.5, Denmark 7.5, Finland 7.8, Norway 7.6
    const en = (a: number, b: number) => Math.abs(a - b) / (2 * Math.hypot(uFor(a), uFor(b)));
    const neighbours = Object.fromEntries(total.neighbours.map((n) => [n.name, n]));
    expect(Object.keys(neighbours).sort()).toEqual(["Denmark", "Finland", "Norway"]);
    // shown in Swedish: CLDR's names for DK, FI, NO
    expect(total.neighbours.map((n) => [n.displayName, n.displayLang]).sort()).toEqual([
      ["Danmark", null],
      ["Finland", null],
      ["Norge", null],
    ]);
    expect(neighbours.Finland!.value).toBe(7.8);
    expect(neighbours.Finland!.enVsHome).toBeCloseTo(en(7.8, 7.5), 12);
    expect(neighbours.Norway!.enVsHome).toBeCloseTo(en(7.6, 7.5), 12);
    expect(neighbours.Denmark!.enVsHome).toBe(0);
    expect(total.home!.u).toBeCloseTo(uFor(7.5), 12);
    expect(total.uBasis).toContain("0,05/√3");
    expect(total.label).toBe("Eurostat EU-SILC: livstillfredsställelse (0–10), alla 16 år och äldre");
  });

  it("labels the series in English in the English view", async () => {
    const view = buildInternationalView(await listReferenceValues(db), "en");
    expect(view.find((x) => x.series === "eurostat_life_satisfaction_f")!.label).toBe(
      "Eurostat EU-SILC: life satisfaction (0–10), women 16+",
    );
    expect(view.find((x) => x.series === "whr2024_ladder")!.label).toContain("life evaluation");
    expect(view.find((x) => x.series === "eurostat_life_satisfaction")!.uBasis).toContain(
      "Eurostat EU-SILC (2023)",
    );
  });
});

describe("the international CSV download", () => {
  it("has Sweden's row and its Nordic neighbours' rows with E_n for each Eurostat series", async () => {
    const viewer = await signIn(db, "viewer");
    const r = await call(overviewCsv.loader, get("/overview.csv?table=international", viewer), {});
    expect(r.status).toBe(200);
    const rows = parse(r.body as string, { columns: true }) as Record<string, string>[];
    const rowsOf = (series: string) => rows.filter((x) => x.series === series);
    const women = rowsOf("eurostat_life_satisfaction_f");
    expect(women.map((x) => `${x.role} ${x.entity} ${x.entity_name}`)).toEqual([
      "home Sweden Sverige",
      "neighbour Denmark Danmark",
      "neighbour Finland Finland",
      "neighbour Norway Norge",
    ]);
    const [first, last] = swedenRank(column("Sex", "Females"));
    expect(women[0]).toMatchObject({ value: "7.5", rank: String(first), rank_last: String(last), of: "31" });
    expect(women[0]!.en_vs_home).toBe("");
    // Sex.csv, Females: Finland 7.8 against Sweden 7.5
    expect(Number(women[2]!.en_vs_home)).toBeCloseTo(0.3 / (2 * Math.hypot(uFor(7.8), uFor(7.5))), 12);
    expect(women[0]!.u_basis).toContain("ANTAGANDE");
    for (const series of [
      "eurostat_life_satisfaction",
      "eurostat_life_satisfaction_m",
      "eurostat_life_satisfaction_16_24",
    ])
      expect(rowsOf(series)[0]).toMatchObject({ role: "home", entity: "Sweden", period: "2023" });
  });
});
