import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import type { Db, NewArea } from "../schema";
import { importKolada } from "../import/import-kolada";
import { importKoladaGroups } from "../import/import-kolada-groups";
import { importObservations } from "../import/import-observations";
import { importOecdBli } from "../import/import-oecd-bli";
import { ageSexGroupCode, sexCode, ensureGroups, sexGroups } from "../import/population-groups";
import { importScbPopulation } from "../import/import-scb-population";
import { importSurvey } from "../import/import-survey";
import type { ImportSummary, Provenance } from "../import/run-import";
import { DEMO_DIMENSIONS } from "./demo-dimensions";
import { demoIndicators } from "./demo-indicators";
import {
  BLI_PROXY_NOTE,
  EUROSTAT_NATIONAL_NOTE,
  EUROSTAT_PROXY_NOTE,
  PUBLISHED_RELATIVE_U,
  REGIONAL_PROXY_NOTE,
  SCB_PANEL_NOTE,
  SYNTHETIC_DISTRICTS,
  SYNTHETIC_DISTRICT_NOTE,
  type SeedObservation,
  bliProxyObservations,
  eurostatObservations,
  observationsCsv,
  regionalProxyObservations,
  scbPanelObservations,
  syntheticDistrictObservations,
  whrObservations,
} from "./demo-observations";
import { DEFAULT_DATA_DIR, readDataCsv } from "./read-data";
import { splitPopulation } from "./split-population";

/** Seed of the synthetic district split and district effects (fixed: the demo is reproducible). */
export const DEMO_SEED = 1283;
/** When the public data in data/ was collected (see data/README.md). */
const RETRIEVED = "2026-12-04";

export interface SeedOptions {
  dataDir?: string;
  now?: () => Date;
  /** Key for survey pseudonyms; a random one-time key when absent. */
  pseudonymKey?: string;
}

export interface SeedSummary {
  /** Tables filled now (0 everywhere when the demo was already there). */
  created: { dimensions: number; areas: number; indicators: number };
  imports: ImportSummary[];
}

async function insertMissing<T extends Record<string, unknown>>(
  db: Db,
  table: "dimensions" | "areas" | "indicators",
  key: "id",
  rows: readonly T[],
): Promise<number> {
  const existing = new Set((await db.selectFrom(table).select(key).execute()).map((r) => r.id));
  const missing = rows.filter((r) => !existing.has(r[key] as string));
  for (let i = 0; i < missing.length; i += 200) {
    await db
      .insertInto(table)
      .values(missing.slice(i, i + 200) as never)
      .execute();
  }
  return missing.length;
}

/** Kolada's municipalities (type K) and Riket (0000) as areas. */
function koladaAreas(dataDir: string): NewArea[] {
  return readDataCsv(dataDir, "kolada/municipalities.csv")
    .filter((r) => r.type === "K" || r.id === "0000")
    .map((r) => ({ id: r.id!, name: r.title!, kind: "municipality", parent_id: null, synthetic: 0 }));
}

/** Helsingborg's real population per age band × sex group, summed from the SCB file. */
export function helsingborgPopulation(dataDir: string): { period: string; counts: Record<string, number> } {
  const rows = parse(
    readFileSync(join(dataDir, "scb/population_age_sex_2019_helsingborg_riket.csv"), "utf8"),
    {
      columns: true,
    },
  ) as Record<string, string>[];
  const counts: Record<string, number> = {};
  for (const r of rows) {
    if (r.region !== "Helsingborg") continue;
    const code = ageSexGroupCode(Number(r["ålder"]), sexCode(r["kön"]!)!)!;
    counts[code] = (counts[code] ?? 0) + Number(r.X2019);
  }
  return { period: "2019", counts };
}

/** The synthetic districts' populations as an scb-population CSV (area,parent,region,ålder,kön,<year>). */
export function syntheticDistrictPopulationCsv(dataDir: string): string {
  const { period, counts } = helsingborgPopulation(dataDir);
  const split = splitPopulation(counts, SYNTHETIC_DISTRICTS.length, DEMO_SEED);
  const lines = [`area,parent,region,ålder,kön,${period}`];
  for (const [d, district] of SYNTHETIC_DISTRICTS.entries()) {
    for (const code of Object.keys(counts).sort()) {
      const m = /^age_(\d+)(?:_(\d+)|p)_([fm])$/.exec(code)!;
      const ages = m[2] === undefined ? `${m[1]}+` : `${m[1]}-${m[2]}`;
      lines.push(
        [district.id, "1283", district.name, ages, m[3] === "f" ? "kvinnor" : "män", split[d]![code]].join(
          ",",
        ),
      );
    }
  }
  return lines.join("\n") + "\n";
}

const WINEQ_ITEMS: [string, string][] = [
  ["V1", "I have good opportunities to use my talents and skills at work"],
  ["V2", "I am treated with respect by others at work"],
  ["V3", "I have adequate opportunities for vacations or leisure activities"],
  ["V4", "The quality of local services where I live is good"],
  ["V5", "There is very little pollution from cars or other sources where I spend most of my time"],
  ["V6", "There are parks and green areas near my residence"],
  ["V7", "I have the freedom to plan my life the way I want to"],
  ["V8", "I feel safe walking around my neighborhood during the day"],
  ["V9", "Overall, to what extent are you currently satisfied with your life"],
  ["V10", "Overall, to what extent do you feel that the things you do in life are worthwhile"],
  ["V11", "How do you rate your health"],
  ["V12", "How do you rate your work"],
  ["V13", "How do you rate your sleep"],
  ["V14", "How do you rate your leisure time"],
  ["V15", "How do you rate your family life"],
  ["V16", "How do you rate your community and public affairs life"],
  ["V17", "How do you rate your personal plans"],
  ["V18", "How do you rate your housing conditions"],
  ["V19", "How do you rate your personal income"],
  ["V20", "How do you rate your personal prospects"],
  ["V21", "Does being part of the local community make you feel good about yourself"],
  ["V22", "Do you have a say in what the local community is like"],
  ["V23", "Is your neighborhood a good place for you to live"],
];

/**
 * Fill an empty database with the demo: dimensions (DESIGN §1), Kolada's municipalities as areas,
 * SCB's real population of Helsingborg and Riket, six SYNTHETIC districts whose populations sum
 * exactly to Helsingborg's, the indicators with goalposts from the sources, and observations — real,
 * PROXY or SYNTHETIC as each dataset says — all imported through the import functions, so every
 * number has its provenance. Idempotent: every step skips what is there (imports by content hash),
 * so a second run changes nothing.
 */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const base = { ...(options.now ? { now: options.now } : {}) };
  const prov = (p: Omit<Provenance, "retrieved">) => ({
    ...base,
    provenance: { retrieved: RETRIEVED, ...p },
  });
  const file = (rel: string) => ({ path: join(dataDir, rel) });
  const imports: ImportSummary[] = [];

  const dimensions = await insertMissing(db, "dimensions", "id", DEMO_DIMENSIONS);
  const areas = await insertMissing(db, "areas", "id", koladaAreas(dataDir));
  await ensureGroups(db, sexGroups());

  imports.push(
    await importScbPopulation(
      db,
      file("scb/population_age_sex_2019_helsingborg_riket.csv"),
      prov({
        source:
          "SCB, population by municipality, age and sex, 31 Dec 2019 (vagdur/SCBHandlerPlotter inst/extdata); Riket = sum over the 290 municipalities",
        licence: "SCB open data (CC0); package GPL-3",
      }),
    ),
  );
  imports.push(
    await importScbPopulation(
      db,
      { name: "synthetic-districts-1283.csv", text: syntheticDistrictPopulationCsv(dataDir) },
      {
        ...prov({
          source: `SYNTHETIC: seeded split (seed ${DEMO_SEED}) of SCB's real 2019 population of Helsingborg into six made-up districts`,
          licence: "derived from SCB open data",
          synthetic: true,
          note: "District populations by age × sex sum exactly to Helsingborg's real SCB totals; the districts themselves are not real.",
        }),
        areaKind: "district",
      },
    ),
  );

  imports.push(
    await importKoladaGroups(
      db,
      file("kolada/municipality_groups_1283.csv"),
      prov({
        source: "Kolada municipality groups containing Helsingborg (LCHansson/rKolada R/sysdata.rda)",
        licence: "CC BY 4.0 (RKA)",
      }),
    ),
  );

  const indicatorRows = demoIndicators(dataDir);
  const indicators = await insertMissing(db, "indicators", "id", indicatorRows);
  const byId = new Map(indicatorRows.map((i) => [i.id, i]));

  imports.push(
    await importOecdBli(db, file("oecd/bli_recent.csv"), {
      ...prov({
        source: "OECD Better Life Index export (ageron/data lifesat/oecd_bli.csv); Sweden stored as Riket",
        licence: "© OECD, reuse with attribution",
        note: "Edition not stated in the source; period 2020 is an assumption.",
      }),
      period: "2020",
      assumedRelativeU: PUBLISHED_RELATIVE_U,
    }),
  );
  imports.push(
    await importKolada(db, file("kolada/kpi_N00945_values.csv"), {
      ...prov({
        source: "Kolada KPI N00945 (Försäkringskassan), via LCHansson/rKolada",
        licence: "CC BY 4.0 (RKA)",
      }),
      assumedRelativeU: 0.01,
    }),
  );

  const scbPanel = scbPanelObservations(dataDir);
  const regionalProxy = regionalProxyObservations(dataDir);
  const bliProxy = bliProxyObservations(dataDir, byId);
  const eurostat = eurostatObservations(dataDir, byId);
  const observationSets: [string, SeedObservation[], Omit<Provenance, "retrieved">][] = [
    [
      "scb-panel-2022-municipalities.csv",
      scbPanel,
      {
        source: "SCB/SKR municipal panel 2022 (mattiasnordin/Regression data/raw/municipalities_2022.csv)",
        licence: "none stated (textbook companion); SCB data CC0",
        note: SCB_PANEL_NOTE,
      },
    ],
    [
      "oecd-regional-se22-proxy.csv",
      regionalProxy,
      {
        source:
          "PROXY for Helsingborg: OECD Regional Well-Being 2016, SE22 South Sweden (sebastiansauer/pradadata data-raw/wellbeing.csv)",
        licence: "© OECD; package GPL-3",
        note: REGIONAL_PROXY_NOTE,
      },
    ],
    [
      "oecd-bli-sweden-proxy.csv",
      bliProxy,
      {
        source: "PROXY for Helsingborg: OECD Better Life Index, Sweden (ageron/data lifesat/oecd_bli.csv)",
        licence: "© OECD, reuse with attribution",
        note: BLI_PROXY_NOTE,
      },
    ],
    [
      "eurostat-life-satisfaction-sweden.csv",
      eurostat.national,
      {
        source:
          "Eurostat EU-SILC overall life satisfaction 2023, Sweden (Qery-Data/Life-Satisfaction-Europe data/)",
        licence: "Eurostat reuse policy (CC BY 4.0)",
        note: EUROSTAT_NATIONAL_NOTE,
      },
    ],
    [
      "eurostat-life-satisfaction-proxy.csv",
      eurostat.proxy,
      {
        source:
          "PROXY for Helsingborg: Eurostat EU-SILC life satisfaction 2023, Sweden by age and by sex (Qery-Data/Life-Satisfaction-Europe data/)",
        licence: "Eurostat reuse policy (CC BY 4.0)",
        note: EUROSTAT_PROXY_NOTE,
      },
    ],
    [
      "whr-2024-sweden.csv",
      whrObservations(dataDir),
      {
        source: "World Happiness Report 2024, Figure 2.1 (larryqiao1992/World-Happiness-Report-2024)",
        licence: "WHR terms (cite the report)",
        note: "Real national figure for Sweden (Riket), mean of 2021–2023. u = half the published 95 % interval / 1.96.",
      },
    ],
    [
      "synthetic-districts-observations.csv",
      syntheticDistrictObservations(
        [...scbPanel.filter((o) => o.area === "1283"), ...regionalProxy, ...bliProxy, ...eurostat.proxy],
        byId,
        DEMO_SEED,
      ),
      {
        source: "SYNTHETIC: made-up values for the six made-up districts of Helsingborg",
        licence: "derived (demo only)",
        synthetic: true,
        note: SYNTHETIC_DISTRICT_NOTE,
      },
    ],
  ];
  for (const [name, rows, p] of observationSets) {
    imports.push(await importObservations(db, { name, text: observationsCsv(rows) }, prov(p)));
  }

  imports.push(
    await importSurvey(db, file("survey/qol_survey_wineq.csv"), {
      ...prov({
        source:
          "STAND-IN INSTRUMENT: wINEQ quality-of-life survey, Polish–Ukrainian border 2015 and 2019 (cran/wINEQ Well_being); NOT Helsingborg residents",
        licence: "GPL-3",
        note: "Perturbed by its authors for disclosure control. Used only to demonstrate survey and Rasch analysis; attached to no area.",
      }),
      instrument: {
        id: "wineq-qol",
        label: "Livskvalitetsenkät (stand-in: wINEQ, polsk–ukrainska gränsregionen)",
        description:
          "23 five-point items, 1 = worst, 5 = best; a stand-in instrument, not a Helsingborg survey.",
      },
      weightColumn: "Weight",
      strataColumn: "Area",
      items: WINEQ_ITEMS.map(([code, text]) => ({
        code,
        text,
        categories: ["1 (sämst)", "2", "3", "4", "5 (bäst)"],
      })),
      scale: { min: 1, max: 5 },
      ...(options.pseudonymKey ? { pseudonymKey: options.pseudonymKey } : {}),
    }),
  );

  return { created: { dimensions, areas, indicators }, imports };
}
