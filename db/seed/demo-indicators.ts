import type { IndicatorDirection, IndicatorKind, IndicatorLevel, NewIndicator } from "../schema";
import { bliIndicatorId } from "../import/import-oecd-bli";
import { koladaIndicatorId } from "../import/import-kolada";
import { columnRange, readDataCsv } from "./read-data";

type Spec = [
  dimension: string,
  label: string,
  direction: IndicatorDirection,
  kind: IndicatorKind,
  level: IndicatorLevel,
];
const H: IndicatorDirection = "higher";
const L: IndicatorDirection = "lower";

/** The 24 OECD Better Life Index indicators: dimension, Swedish label, direction, kind, level. */
export const BLI_INDICATORS: Record<string, Spec> = {
  IW_HADI: ["income_wealth", "Hushållens justerade disponibla inkomst", H, "objective", "individual"],
  IW_HNFW: ["income_wealth", "Hushållens nettoförmögenhet", H, "objective", "individual"],
  JE_EMPL: ["work_job_quality", "Sysselsättningsgrad", H, "objective", "individual"],
  JE_LTUR: ["work_job_quality", "Långtidsarbetslöshet", L, "objective", "individual"],
  JE_PEARN: ["work_job_quality", "Genomsnittlig årsinkomst av arbete", H, "objective", "individual"],
  JE_LMIS: ["work_job_quality", "Osäkerhet på arbetsmarknaden", L, "objective", "individual"],
  HO_BASE: ["housing", "Bostäder utan grundläggande bekvämligheter", L, "objective", "individual"],
  HO_HISH: ["housing", "Boendeutgifter, andel av disponibel inkomst", L, "objective", "individual"],
  HO_NUMR: ["housing", "Rum per person", H, "objective", "individual"],
  HS_LEB: ["health", "Förväntad livslängd vid födseln", H, "objective", "individual"],
  HS_SFRH: ["health", "Andel som skattar sin hälsa som god", H, "subjective", "individual"],
  ES_EDUA: ["knowledge_skills", "Minst gymnasieutbildning, 25–64 år", H, "objective", "individual"],
  ES_STCS: [
    "knowledge_skills",
    "Elevers kunskaper (PISA, läsning, matematik, naturvetenskap)",
    H,
    "objective",
    "individual",
  ],
  ES_EDUEX: ["knowledge_skills", "Förväntade år i utbildning", H, "objective", "individual"],
  EQ_AIRP: ["environmental_quality", "Luftföroreningar, PM2,5", L, "objective", "societal"],
  EQ_WATER: ["environmental_quality", "Nöjd med vattenkvaliteten", H, "subjective", "individual"],
  SW_LIFS: ["subjective_wellbeing", "Livstillfredsställelse (0–10)", H, "subjective", "individual"],
  PS_FSAFEN: ["safety", "Känner sig trygg ute ensam på kvällen", H, "subjective", "individual"],
  PS_REPH: ["safety", "Mord per 100 000 invånare", L, "objective", "societal"],
  WL_EWLH: ["work_life_balance", "Anställda med mycket långa arbetstider", L, "objective", "individual"],
  WL_TNOW: [
    "work_life_balance",
    "Tid för fritid och personlig omsorg, timmar per dygn",
    H,
    "objective",
    "individual",
  ],
  SC_SNTWS: ["social_connections", "Har någon att räkna med vid behov", H, "subjective", "individual"],
  CG_VOTO: ["civic_engagement", "Valdeltagande", H, "objective", "societal"],
  CG_SENG: [
    "civic_engagement",
    "Medborgarinflytande över regelgivning (OECD-index)",
    H,
    "objective",
    "societal",
  ],
};

/** OECD regional well-being (2016) raw indicators used as proxies: column → id, spec, unit. */
export const REGIONAL_INDICATORS: Record<string, { id: string; spec: Spec; unit: string }> = {
  Labour: {
    id: "oecd_reg_secondary_education",
    spec: [
      "knowledge_skills",
      "Arbetskraft med minst gymnasieutbildning (region)",
      H,
      "objective",
      "individual",
    ],
    unit: "%",
  },
  Employment: {
    id: "oecd_reg_employment",
    spec: ["work_job_quality", "Sysselsättningsgrad (region)", H, "objective", "individual"],
    unit: "%",
  },
  Unemployment: {
    id: "oecd_reg_unemployment",
    spec: ["work_job_quality", "Arbetslöshet (region)", L, "objective", "individual"],
    unit: "%",
  },
  income_capita: {
    id: "oecd_reg_disposable_income",
    spec: ["income_wealth", "Disponibel inkomst per invånare (region)", H, "objective", "individual"],
    unit: "USD PPP",
  },
  Homicide: {
    id: "oecd_reg_homicide",
    spec: ["safety", "Mord per 100 000 invånare (region)", L, "objective", "societal"],
    unit: "per 100 000",
  },
  Mortality: {
    id: "oecd_reg_mortality",
    spec: ["health", "Åldersstandardiserad dödlighet (region)", L, "objective", "individual"],
    unit: "per 1 000",
  },
  Life_expectancy: {
    id: "oecd_reg_life_expectancy",
    spec: ["health", "Förväntad livslängd (region)", H, "objective", "individual"],
    unit: "år",
  },
  "PM25)": {
    id: "oecd_reg_pm25",
    spec: ["environmental_quality", "PM2,5-halt (region)", L, "objective", "societal"],
    unit: "µg/m³",
  },
  Voter: {
    id: "oecd_reg_voter_turnout",
    spec: ["civic_engagement", "Valdeltagande (region)", H, "objective", "societal"],
    unit: "%",
  },
  Rooms: {
    id: "oecd_reg_rooms",
    spec: ["housing", "Rum per person (region)", H, "objective", "individual"],
    unit: "rum per person",
  },
  Support: {
    id: "oecd_reg_social_support",
    spec: ["social_connections", "Har någon att räkna med (region)", H, "subjective", "individual"],
    unit: "%",
  },
  Satisfaction: {
    id: "oecd_reg_life_satisfaction",
    spec: ["subjective_wellbeing", "Livstillfredsställelse (region, 0–10)", H, "subjective", "individual"],
    unit: "0–10",
  },
};

/** SCB/SKR municipal panel columns stored for Helsingborg (shares are stored in percent). */
export const SCB_PANEL_INDICATORS: Record<string, { id: string; spec: Spec; unit: string; scale: number }> = {
  share_tertiary_school: {
    id: "scb_tertiary_education",
    spec: ["knowledge_skills", "Andel med eftergymnasial utbildning", H, "objective", "individual"],
    unit: "%",
    scale: 100,
  },
  share_elementary_school: {
    id: "scb_compulsory_education_only",
    spec: ["human_capital", "Andel med högst förgymnasial utbildning", L, "objective", "individual"],
    unit: "%",
    scale: 100,
  },
  tax_base: {
    id: "scb_tax_base",
    spec: [
      "economic_capital",
      "Skattekraft: beskattningsbar inkomst per invånare",
      H,
      "objective",
      "societal",
    ],
    unit: "kr per invånare",
    scale: 1,
  },
};

export const EUROSTAT_LS_ID = "eurostat_life_satisfaction";
export const WHR_LADDER_ID = "whr_ladder";
export const KOLADA_VAB_KPI = "N00945";

function indicator(
  id: string,
  [dimension_id, label, direction, kind, level]: Spec,
  unit: string,
  goals: [number, number],
  source: string,
): NewIndicator {
  return {
    id,
    dimension_id,
    label,
    unit,
    direction,
    kind,
    level,
    goal_lo: goals[0],
    goal_hi: goals[1],
    source,
  };
}

/**
 * The demo's indicators with goalposts taken from the data: the lowest and highest value among the
 * comparison units of the same source (OECD's own BLI normalisation uses the min–max over countries;
 * OECD Regional Well-Being over regions), so no goalpost is a made-up number. Kolada N00945 uses 0–50 %
 * (50 % = parents share the days equally), a stated choice.
 */
export function demoIndicators(dataDir: string): NewIndicator[] {
  const bli = readDataCsv(dataDir, "oecd/bli_recent.csv").filter((r) => r.INEQUALITY === "TOT");
  const out: NewIndicator[] = [];
  for (const [code, spec] of Object.entries(BLI_INDICATORS)) {
    const rows = bli.filter((r) => r.INDICATOR === code);
    out.push(
      indicator(
        bliIndicatorId(code),
        spec,
        rows[0]?.Unit ?? "",
        columnRange(rows, "Value"),
        `OECD Better Life Index (${code}); goalposts: min–max over the ${rows.length} entities in the export`,
      ),
    );
  }
  const regions = readDataCsv(dataDir, "oecd/regional_wellbeing_2016.csv").filter(
    (r) => r.region_type !== "country_whole",
  );
  for (const [col, { id, spec, unit }] of Object.entries(REGIONAL_INDICATORS)) {
    out.push(
      indicator(
        id,
        spec,
        unit,
        columnRange(regions, col),
        `OECD Regional Well-Being 2016 (${col}); goalposts: min–max over ${regions.length} regions`,
      ),
    );
  }
  const panel = readDataCsv(dataDir, "scb/municipalities_2022.csv");
  for (const [col, { id, spec, unit, scale }] of Object.entries(SCB_PANEL_INDICATORS)) {
    const [lo, hi] = columnRange(panel, col);
    out.push(
      indicator(
        id,
        spec,
        unit,
        [lo * scale, hi * scale],
        `SCB/SKR municipal panel 2022 (${col}); goalposts: min–max over the 290 municipalities`,
      ),
    );
  }
  const eurostat = readDataCsv(
    dataDir,
    "eurostat_life_satisfaction/Eurostat_Life_Satisfaction_Overall_Time.csv",
  );
  out.push(
    indicator(
      EUROSTAT_LS_ID,
      ["subjective_wellbeing", "Livstillfredsställelse, EU-SILC (0–10)", H, "subjective", "individual"],
      "0–10",
      columnRange(eurostat, "2023"),
      "Eurostat EU-SILC ilc_pw01/ilc_pw02; goalposts: min–max over the countries' 2023 means",
    ),
  );
  const whr = readDataCsv(dataDir, "whr/whr2024_ladder_ci.csv");
  out.push(
    indicator(
      WHR_LADDER_ID,
      [
        "subjective_wellbeing",
        "Livsstegen (Cantril, 0–10), World Happiness Report 2024",
        H,
        "subjective",
        "individual",
      ],
      "0–10",
      columnRange(whr, "Ladder score"),
      `World Happiness Report 2024; goalposts: min–max over ${whr.length} countries`,
    ),
  );
  out.push(
    indicator(
      koladaIndicatorId(KOLADA_VAB_KPI),
      [
        "work_life_balance",
        "Tillfälliga föräldrapenningdagar (VAB) som tas ut av män, andel",
        H,
        "objective",
        "societal",
      ],
      "%",
      [0, 50],
      "Kolada N00945 (Försäkringskassan); goalposts 0–50 % by choice: 50 % is an equal share",
    ),
  );
  return out;
}
