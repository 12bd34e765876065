import { assumedUncertainty, assumedUncertaintyNote } from "../import/assumed-uncertainty";
import type { NewReferenceValue } from "../schema";
import { readDataCsv } from "./read-data";

type Row = Omit<NewReferenceValue, "dataset_id">;

const DIR = "eurostat_life_satisfaction";
const ENTITY = "Geopolitical entity (reporting)";
/** Rows of the files that are aggregates, not countries: not ranked among the countries. */
const AGGREGATES = new Set(["EU27"]);
/** The Time file spells two countries as Eurostat did before 2022. */
const TIME_FILE_NAME: Record<string, string> = { Czechia: "Czech Rep.", Türkiye: "Turkey" };

/**
 * Relative standard uncertainty assumed for Eurostat's EU-SILC means, which are published rounded to
 * one decimal without a standard error: the same 0.5 % the seed uses for Sweden's own Eurostat figures
 * (db/seed/demo-observations.ts), combined with the rounding (JCGM 100 §F.2.2.1) by {@link assumedUncertainty}.
 */
export const EUROSTAT_RELATIVE_U = 0.005;

export type EurostatFile = "Sex" | "Age_Total";

/** One reference series per breakdown column: the series id and its Swedish label's group part. */
export const EUROSTAT_SERIES: Record<EurostatFile, { column: string; series: string; group: string }[]> = {
  Sex: [
    { column: "Total", series: "eurostat_life_satisfaction", group: "alla 16 år och äldre" },
    { column: "Females", series: "eurostat_life_satisfaction_f", group: "kvinnor 16+" },
    { column: "Males", series: "eurostat_life_satisfaction_m", group: "män 16+" },
  ],
  Age_Total: [
    { column: "From 16 to 24 years", series: "eurostat_life_satisfaction_16_24", group: "16–24 år" },
    { column: "From 25 to 64 years", series: "eurostat_life_satisfaction_25_64", group: "25–64 år" },
    { column: "65 years or over", series: "eurostat_life_satisfaction_65p", group: "65 år och äldre" },
  ],
};

export const eurostatFile = (name: string) => `${DIR}/Eurostat_Life_Satisfaction_Overall_${name}.csv`;

/**
 * The year of the breakdown files. They carry no year themselves; it is the latest year of the Time
 * file, and every breakdown value that also appears in a file with years must equal that year's value
 * (Sex total = Time, 16–24 = Age_Young, 65+ = Age_Old), or the seed refuses to guess.
 */
export function eurostatYear(dataDir: string): string {
  const byName = (name: string) =>
    new Map(readDataCsv(dataDir, eurostatFile(name)).map((r) => [r[ENTITY]!, r]));
  const time = byName("Time");
  const years = Object.keys(time.get("Sweden") ?? {}).filter((k) => /^\d{4}$/.test(k));
  if (years.length === 0) throw new Error("seed: the Eurostat Time file has no year columns");
  const year = years.sort().at(-1)!;
  const checks: [EurostatFile, string, Map<string, Record<string, string>>, Record<string, string>][] = [
    ["Sex", "Total", time, TIME_FILE_NAME],
    ["Age_Total", "From 16 to 24 years", byName("Age_Young"), {}],
    ["Age_Total", "65 years or over", byName("Age_Old"), {}],
  ];
  for (const [file, column, dated, names] of checks) {
    for (const r of readDataCsv(dataDir, eurostatFile(file))) {
      const country = r[ENTITY]!;
      const same = dated.get(names[country] ?? country)?.[year];
      if (same !== r[column])
        throw new Error(
          `seed: Eurostat ${file} "${column}" for ${country} is ${r[column]}, but ${year} in the dated file is ${same ?? "missing"}`,
        );
    }
  }
  return year;
}

/**
 * Eurostat EU-SILC mean overall life satisfaction (0–10) of every country in one breakdown file, one
 * reference series per column, for the year {@link eurostatYear}. Countries without a value are left
 * out (not zero), and so is the EU27 aggregate. u: rounding ⊕ {@link EUROSTAT_RELATIVE_U} of the value.
 */
export function eurostatValues(dataDir: string, file: EurostatFile): Row[] {
  const period = eurostatYear(dataDir);
  const rows = readDataCsv(dataDir, eurostatFile(file)).filter((r) => !AGGREGATES.has(r[ENTITY]!));
  return EUROSTAT_SERIES[file].flatMap((s) =>
    rows
      .filter((r) => (r[s.column] ?? "").trim() !== "")
      .map((r) => {
        const written = r[s.column]!;
        const value = Number(written);
        if (!Number.isFinite(value) || value < 0 || value > 10)
          throw new Error(
            `seed: Eurostat ${file} "${s.column}" for ${r[ENTITY]} is not a 0–10 mean: ${written}`,
          );
        return {
          series: s.series,
          series_label: `Eurostat EU-SILC: livstillfredsställelse (0–10), ${s.group}`,
          unit: "0–10",
          direction: "higher" as const,
          entity_code: r[ENTITY]!,
          entity_name: r[ENTITY]!,
          entity_kind: "country" as const,
          period,
          value,
          u: assumedUncertainty(written, value, EUROSTAT_RELATIVE_U),
        };
      }),
  );
}

/** The dataset note of a Eurostat reference dataset: what u stands for and what was left out. */
export const EUROSTAT_NOTE =
  "Means published rounded to one decimal, without standard errors. The year is the latest of the Time file; " +
  "the breakdown values equal that year's values in the dated files. The EU27 aggregate is not stored. " +
  `${assumedUncertaintyNote(EUROSTAT_RELATIVE_U)} The rounding alone is 0.05/√3 ≈ 0.029; the 0.5 % is the seed's ` +
  "assumption for Sweden's EU-SILC sample applied to every country; groups rest on smaller samples, so their real " +
  "sampling error is larger than assumed.";
