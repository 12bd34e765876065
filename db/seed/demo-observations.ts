import { createRandom, normalQuantile } from "../../engine/random";
import type { NewIndicator } from "../schema";
import { assumedUncertainty } from "../import/assumed-uncertainty";
import { bliIndicatorId } from "../import/import-oecd-bli";
import { AGE_BANDS } from "../import/population-groups";
import {
  BLI_INDICATORS,
  EUROSTAT_LS_ID,
  REGIONAL_INDICATORS,
  SCB_PANEL_INDICATORS,
  WHR_LADDER_ID,
} from "./demo-indicators";
import { readDataCsv } from "./read-data";

/** One observation the seed writes into an observations CSV (the format of data/README.md). */
export interface SeedObservation {
  indicator: string;
  area: string;
  group: string | null;
  period: string;
  value: number;
  u: number;
}

/** Observations as the text of an observations CSV (stable formatting: same rows ⇒ same bytes). */
export function observationsCsv(rows: readonly SeedObservation[]): string {
  const num = (x: number) => String(Number(x.toPrecision(8)));
  const lines = rows.map((r) =>
    [r.indicator, r.area, r.group ?? "", r.period, num(r.value), num(r.u), ""].join(","),
  );
  return ["indicator,area,group,period,value,u,n", ...lines].join("\n") + "\n";
}

/** Proxy share of the goalpost range: a national figure standing for one municipality (assumption). */
export const NATIONAL_PROXY_RANGE_SHARE = 0.1;
/** Relative standard uncertainty assumed for published national figures without a stated one. */
export const PUBLISHED_RELATIVE_U = 0.02;

const range = (ind: NewIndicator) => (ind.goal_hi ?? 0) - (ind.goal_lo ?? 0);
const HELSINGBORG = "1283";

/**
 * SCB/SKR panel 2022: every municipality's own figures (real; Helsingborg's and the national
 * comparison). u: a stated assumption, see the note.
 */
export function scbPanelObservations(dataDir: string): SeedObservation[] {
  const rows = readDataCsv(dataDir, "scb/municipalities_2022.csv");
  if (!rows.some((r) => r.municip_code === "1283")) {
    throw new Error("seed: Helsingborg (1283) is missing from scb/municipalities_2022.csv");
  }
  return rows.flatMap((row) =>
    Object.entries(SCB_PANEL_INDICATORS).map(([col, { id, scale }]) => {
      const value = Number(row[col]) * scale;
      // Register counts: no sampling error; 0.5 percentage points (shares) or 0.5 % (tax base) for
      // classification and coverage error (e.g. unknown education level).
      const u = scale === 100 ? 0.5 : 0.005 * value;
      return {
        indicator: id,
        area: row.municip_code!.padStart(4, "0"),
        group: null,
        period: "2022",
        value,
        u,
      };
    }),
  );
}
export const SCB_PANEL_NOTE =
  "Real figures for each of the 290 municipalities (Helsingborg = 1283). Standard uncertainties are an ASSUMPTION: 0.5 percentage points for education shares and 0.5 % for the tax base (register data: classification and coverage error, no sampling error).";

/** Standard deviation (n − 1) of numbers. */
function sd(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * OECD regional well-being for SE22 South Sweden standing for Helsingborg (proxy). u combines the
 * rounding of the published figure with the spread between Sweden's eight regions (how far a part of
 * Sweden can sit from another), a stated assumption.
 */
export function regionalProxyObservations(dataDir: string): SeedObservation[] {
  const swedish = readDataCsv(dataDir, "oecd/regional_wellbeing_2016.csv").filter(
    (r) => r.Country === "Sweden" && r.region_type === "country_part",
  );
  const se22 = swedish.find((r) => r.Code === "SE22");
  if (!se22) throw new Error("seed: SE22 is missing from oecd/regional_wellbeing_2016.csv");
  return Object.entries(REGIONAL_INDICATORS).map(([col, { id }]) => {
    const value = Number(se22[col]);
    const between = sd(swedish.map((r) => Number(r[col])));
    return {
      indicator: id,
      area: HELSINGBORG,
      group: null,
      period: "2016",
      value,
      u: Math.hypot(assumedUncertainty(se22[col]!, value, 0), between),
    };
  });
}
export const REGIONAL_PROXY_NOTE =
  "PROXY: figures for SE22 South Sweden (Skåne and Blekinge), not for Helsingborg. Period 2016 is the release (June 2016); OECD's reference years differ by indicator. Standard uncertainties are an ASSUMPTION: the rounding of the published value combined with the standard deviation between Sweden's eight large regions.";

/** Which age bands a sex-split BLI figure may stand for (work indicators: working ages only, etc.). */
function bandsFor(code: string): readonly string[] {
  if (code.startsWith("JE_") || code.startsWith("WL_") || code === "ES_EDUA") return ["20_44", "45_64"];
  if (code === "ES_STCS" || code === "ES_EDUEX") return ["0_19"];
  return AGE_BANDS.map(([b]) => b);
}

/**
 * OECD BLI figures for Sweden standing for Helsingborg (proxy): the total for the whole municipality,
 * the men's and women's figures for the age × sex segments they can apply to. u: the assumed
 * uncertainty of the published figure combined with 10 % of the goalpost range for the proxy step.
 */
export function bliProxyObservations(
  dataDir: string,
  indicators: ReadonlyMap<string, NewIndicator>,
): SeedObservation[] {
  const rows = readDataCsv(dataDir, "oecd/bli_recent.csv").filter((r) => r.LOCATION === "SWE");
  const out: SeedObservation[] = [];
  for (const r of rows) {
    const code = r.INDICATOR!;
    if (!(code in BLI_INDICATORS)) continue;
    const ind = indicators.get(bliIndicatorId(code))!;
    const value = Number(r.Value);
    const u = Math.hypot(
      assumedUncertainty(r.Value!, value, PUBLISHED_RELATIVE_U),
      NATIONAL_PROXY_RANGE_SHARE * range(ind),
    );
    const base = { indicator: ind.id, area: HELSINGBORG, period: "2020", value, u };
    if (r.INEQUALITY === "TOT") out.push({ ...base, group: null });
    const sex = r.INEQUALITY === "MN" ? "m" : r.INEQUALITY === "WMN" ? "f" : null;
    if (sex) for (const band of bandsFor(code)) out.push({ ...base, group: `age_${band}_${sex}` });
  }
  return out;
}
export const BLI_PROXY_NOTE =
  "PROXY: OECD Better Life Index figures for Sweden as a whole, standing for Helsingborg; men's and women's figures stand for every age band they can apply to. The BLI edition is not stated in the source; 2020 is an assumption. Standard uncertainties are an ASSUMPTION: rounding of the published value and 2 % of it, combined with 10 % of the goalpost range for the national-to-municipal proxy step.";

const EUROSTAT_AGE: Record<string, string> = {
  "0_19": "From 16 to 24 years",
  "20_44": "From 25 to 64 years",
  "45_64": "From 25 to 64 years",
  "65_79": "65 years or over",
  "80p": "65 years or over",
};

/**
 * Eurostat EU-SILC life satisfaction 2023: Sweden's real national figures (total, women, men) for Riket,
 * and, as a proxy for Helsingborg's age × sex segments, an additive model: age group mean + sex mean −
 * total (Eurostat publishes the two breakdowns separately).
 */
export function eurostatObservations(
  dataDir: string,
  indicators: ReadonlyMap<string, NewIndicator>,
): {
  national: SeedObservation[];
  proxy: SeedObservation[];
} {
  const ind = indicators.get(EUROSTAT_LS_ID)!;
  const sweden = (file: string) => {
    const r = readDataCsv(
      dataDir,
      `eurostat_life_satisfaction/Eurostat_Life_Satisfaction_Overall_${file}.csv`,
    ).find((x) => x["Geopolitical entity (reporting)"] === "Sweden");
    if (!r) throw new Error(`seed: Sweden is missing from the Eurostat ${file} file`);
    return r;
  };
  const bySex = sweden("Sex");
  const byAge = sweden("Age_Total");
  // EU-SILC Sweden has about 10 000 adult respondents: 0.5 % of the mean plus rounding is the assumed u.
  const u = (written: string) => assumedUncertainty(written, Number(written), 0.005);
  const national: SeedObservation[] = [
    {
      indicator: ind.id,
      area: "0000",
      group: null,
      period: "2023",
      value: Number(bySex.Total),
      u: u(bySex.Total!),
    },
    {
      indicator: ind.id,
      area: "0000",
      group: "sex_f",
      period: "2023",
      value: Number(bySex.Females),
      u: u(bySex.Females!),
    },
    {
      indicator: ind.id,
      area: "0000",
      group: "sex_m",
      period: "2023",
      value: Number(bySex.Males),
      u: u(bySex.Males!),
    },
  ];
  const proxyU = (uNat: number) => Math.hypot(uNat, NATIONAL_PROXY_RANGE_SHARE * range(ind));
  const proxy: SeedObservation[] = [{ ...national[0]!, area: HELSINGBORG, u: proxyU(national[0]!.u) }];
  for (const [band] of AGE_BANDS) {
    for (const [sex, col] of [
      ["f", "Females"],
      ["m", "Males"],
    ] as const) {
      const age = byAge[EUROSTAT_AGE[band]!]!;
      const value = Number(age) + Number(bySex[col]) - Number(bySex.Total);
      const uModel = Math.hypot(u(age), u(bySex[col]!), u(bySex.Total!));
      proxy.push({
        indicator: ind.id,
        area: HELSINGBORG,
        group: `age_${band}_${sex}`,
        period: "2023",
        value,
        u: proxyU(uModel),
      });
    }
  }
  return { national, proxy };
}
export const EUROSTAT_NATIONAL_NOTE =
  "Real national figures for Sweden (Riket). Standard uncertainties are an ASSUMPTION (the extract states none): rounding combined with 0.5 % of the mean.";
export const EUROSTAT_PROXY_NOTE =
  "PROXY: Sweden's figures standing for Helsingborg. Segment values are MODELLED additively (age group mean + sex mean − total); the 16–24 age group stands for 0–19 and 25–64 for 20–64. Standard uncertainties are an ASSUMPTION: the national figures' assumed u combined with 10 % of the goalpost range for the proxy step.";

/** WHR 2024 ladder for Sweden (real, national): u = half the 95 % interval / 1.96 (JCGM 100 §4.3.4). */
export function whrObservations(dataDir: string): SeedObservation[] {
  const r = readDataCsv(dataDir, "whr/whr2024_ladder_ci.csv").find((x) => x["Country name"] === "Sweden");
  if (!r) throw new Error("seed: Sweden is missing from whr/whr2024_ladder_ci.csv");
  const u = (Number(r.upperwhisker) - Number(r.lowerwhisker)) / 2 / 1.96;
  return [
    {
      indicator: WHR_LADDER_ID,
      area: "0000",
      group: null,
      period: "2021-2023",
      value: Number(r["Ladder score"]),
      u,
    },
  ];
}

/** The synthetic districts (ids, names) of Helsingborg. */
export const SYNTHETIC_DISTRICTS = ["A", "B", "C", "D", "E", "F"].map((letter, i) => ({
  id: `1283-S${i + 1}`,
  name: `Delområde ${letter} (syntetiskt)`,
}));

/** District effect as a share of the goalpost range (synthetic values; an assumption of the demo). */
export const DISTRICT_EFFECT_RANGE_SHARE = 0.1;

/**
 * SYNTHETIC values for the districts: each district gets a seeded "advantage" a_d ~ N(0, 1) shared by
 * all indicators (so a disadvantaged district is worse across the board, as real deprivation tends to
 * be), plus an indicator-specific part; value = Helsingborg's value (whole area or segment) +
 * 0.1 · range · (0.7 · a_d · direction + 0.5 · z), clamped to ≥ 0 (and ≤ 100 for percentages).
 * u = Helsingborg's u combined with 5 % of the range. Nothing here is measured.
 */
export function syntheticDistrictObservations(
  helsingborg: readonly SeedObservation[],
  indicators: ReadonlyMap<string, NewIndicator>,
  seed: number,
): SeedObservation[] {
  const random = createRandom(seed);
  const advantage = SYNTHETIC_DISTRICTS.map(() => normalQuantile(random()));
  const out: SeedObservation[] = [];
  for (const [d, district] of SYNTHETIC_DISTRICTS.entries()) {
    for (const o of helsingborg) {
      const ind = indicators.get(o.indicator)!;
      const sign = ind.direction === "higher" ? 1 : -1;
      const shift =
        DISTRICT_EFFECT_RANGE_SHARE *
        range(ind) *
        (0.7 * advantage[d]! * sign + 0.5 * normalQuantile(random()));
      let value = Math.max(0, o.value + shift);
      if (ind.unit === "%") value = Math.min(100, value);
      out.push({ ...o, area: district.id, value, u: Math.hypot(o.u, 0.05 * range(ind)) });
    }
  }
  return out;
}
export const SYNTHETIC_DISTRICT_NOTE =
  "SYNTHETIC: made-up values for made-up districts of Helsingborg (1283-S1…S6), derived from Helsingborg's real and proxy figures by a seeded district effect. Not measurements; for demonstrating the method only.";
