import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assumedUncertainty, assumedUncertaintyNote } from "../import/assumed-uncertainty";
import { appendAuditEvent } from "../repositories/audit-repository";
import { findDatasetBySha256, insertDataset } from "../repositories/dataset-repository";
import { insertReferenceValues } from "../repositories/reference-repository";
import type { Db, NewReferenceValue } from "../schema";
import { EUROSTAT_NOTE, eurostatFile, eurostatValues } from "./eurostat";
import { readDataCsv } from "./read-data";

/** Relative standard uncertainty assumed for published OECD figures that state none (2 %). */
const OECD_RELATIVE_U = 0.02;
const RETRIEVED = "2026-12-04";

type Row = Omit<NewReferenceValue, "dataset_id">;

/** WHR 2024 ladder (Cantril, 0–10) with its published 95 % interval: u = (upper − lower) / (2·1.96). */
export function whrLadderValues(dataDir: string): Row[] {
  return readDataCsv(dataDir, "whr/whr2024_ladder_ci.csv").map((r) => {
    const value = Number(r["Ladder score"]);
    const hi = Number(r.upperwhisker);
    const lo = Number(r.lowerwhisker);
    return {
      series: "whr2024_ladder",
      series_label: "World Happiness Report 2024: livsvärdering (Cantrils stege, 0–10)",
      unit: "0–10",
      direction: "higher" as const,
      entity_code: r["Country name"]!,
      entity_name: r["Country name"]!,
      entity_kind: "country" as const,
      period: "2021-2023",
      value,
      u: (hi - lo) / (2 * 1.96),
    };
  });
}

/** The OECD Better Life Index series kept for comparison, with Swedish labels in `series_label`. */
export const BLI_SERIES: Record<string, { label: string; direction: "higher" | "lower" }> = {
  SW_LIFS: { label: "OECD BLI: livstillfredsställelse (0–10)", direction: "higher" },
  HS_LEB: { label: "OECD BLI: förväntad livslängd (år)", direction: "higher" },
  PS_FSAFEN: { label: "OECD BLI: känner sig trygg ute ensam på kvällen (%)", direction: "higher" },
  SC_SNTWS: { label: "OECD BLI: har någon att räkna med (%)", direction: "higher" },
  JE_EMPL: { label: "OECD BLI: sysselsättningsgrad (%)", direction: "higher" },
};

/** OECD BLI totals (INEQUALITY = TOT) for every country in the export, for the series above; not the OECD average. */
export function bliValues(dataDir: string): Row[] {
  return readDataCsv(dataDir, "oecd/bli_recent.csv")
    .filter((r) => r.INEQUALITY === "TOT" && r.INDICATOR! in BLI_SERIES && r.LOCATION !== "OECD")
    .map((r) => {
      const value = Number(r.Value);
      const spec = BLI_SERIES[r.INDICATOR!]!;
      return {
        series: `bli_${r.INDICATOR!.toLowerCase()}`,
        series_label: spec.label,
        unit: r.Unit!,
        direction: spec.direction,
        entity_code: r.LOCATION!,
        entity_name: r.Country!,
        entity_kind: "country" as const,
        period: "2020",
        value,
        u: assumedUncertainty(r.Value!, value, OECD_RELATIVE_U),
      };
    });
}

/** OECD regional well-being 2016: life satisfaction (0–10) for the Nordic countries' large regions. */
export function nordicRegionValues(dataDir: string): Row[] {
  const nordic = new Set(["Sweden", "Denmark", "Norway", "Finland"]);
  return readDataCsv(dataDir, "oecd/regional_wellbeing_2016.csv")
    .filter((r) => nordic.has(r.Country!) && r.region_type === "country_part" && r.Satisfaction !== "")
    .map((r) => {
      const value = Number(r.Satisfaction);
      return {
        series: "oecd_regional_life_satisfaction",
        series_label: "OECD Regional Well-Being 2016: livstillfredsställelse (0–10), nordiska storregioner",
        unit: "0–10",
        direction: "higher" as const,
        entity_code: r.Code!,
        entity_name: `${r.Region} (${r.Country})`,
        entity_kind: "region" as const,
        period: "2016",
        value,
        u: assumedUncertainty(r.Satisfaction!, value, OECD_RELATIVE_U),
      };
    })
    .filter((r) => Number.isFinite(r.value));
}

interface Source {
  file: string;
  source: string;
  licence: string;
  note: string;
  rows: (dataDir: string) => Row[];
}

export const INTERNATIONAL_SOURCES: Source[] = [
  {
    file: "whr/whr2024_ladder_ci.csv",
    source: "World Happiness Report 2024, Figure 2.1 (larryqiao1992/World-Happiness-Report-2024)",
    licence: "WHR terms (cite the report)",
    note: "Standard uncertainty from the published 95 % interval: (upper − lower) / (2 × 1.96).",
    rows: whrLadderValues,
  },
  {
    file: "oecd/bli_recent.csv",
    source: "OECD Better Life Index export (ageron/data lifesat/oecd_bli.csv), all countries, totals",
    licence: "© OECD, reuse with attribution",
    note: `Edition not stated; period 2020 is an assumption. ${assumedUncertaintyNote(OECD_RELATIVE_U)}`,
    rows: bliValues,
  },
  {
    file: "oecd/regional_wellbeing_2016.csv",
    source:
      "OECD Regional Well-Being, June 2016 (sebastiansauer/pradadata data-raw/wellbeing.csv), Nordic regions",
    licence: "© OECD; package GPL-3",
    note: assumedUncertaintyNote(OECD_RELATIVE_U),
    rows: nordicRegionValues,
  },
  {
    file: eurostatFile("Sex"),
    source:
      "Eurostat EU-SILC mean overall life satisfaction (ilc_pw01), all countries, total and by sex (Qery-Data/Life-Satisfaction-Europe data/)",
    licence: "Eurostat reuse policy (CC BY 4.0)",
    note: EUROSTAT_NOTE,
    rows: (dataDir) => eurostatValues(dataDir, "Sex"),
  },
  {
    file: eurostatFile("Age_Total"),
    source:
      "Eurostat EU-SILC mean overall life satisfaction (ilc_pw01), all countries, by age group (Qery-Data/Life-Satisfaction-Europe data/)",
    licence: "Eurostat reuse policy (CC BY 4.0)",
    note: EUROSTAT_NOTE,
    rows: (dataDir) => eurostatValues(dataDir, "Age_Total"),
  },
];

/**
 * Store the international reference series (WHR 2024 ladder, OECD BLI for all countries, OECD
 * regional life satisfaction for the Nordic regions, Eurostat EU-SILC life satisfaction for all
 * countries in total, by sex and by age group) with their provenance. Each source file is one
 * dataset, identified by a content hash that differs from the observation imports of the same
 * file (it is salted with the series kind), so a rerun is a no-op. One transaction per source; an
 * audit event per dataset.
 */
export async function seedInternationalReferences(
  db: Db,
  dataDir: string,
  now: () => Date = () => new Date(),
): Promise<{ datasets: number; values: number }> {
  let datasets = 0;
  let values = 0;
  for (const s of INTERNATIONAL_SOURCES) {
    const bytes = readFileSync(join(dataDir, s.file));
    const sha256 = createHash("sha256").update("reference-values\n").update(bytes).digest("hex");
    if (await findDatasetBySha256(db, sha256)) continue;
    const rows = s.rows(dataDir);
    await db.transaction().execute(async (trx) => {
      const dataset = await insertDataset(trx, {
        id: randomUUID(),
        source: s.source,
        licence: s.licence,
        retrieved: RETRIEVED,
        sha256,
        kind: "reference-values",
        file_name: s.file,
        row_count: rows.length,
        synthetic: 0,
        note: s.note,
      });
      await insertReferenceValues(
        trx,
        rows.map((r) => ({ ...r, dataset_id: dataset.id })),
      );
      await appendAuditEvent(
        trx,
        {
          user_id: null,
          action: "dataset.imported",
          entity: "dataset",
          entity_id: dataset.id,
          payload: { kind: "reference-values", file: s.file, rows: rows.length },
        },
        { at: now().toISOString() },
      );
    });
    datasets++;
    values += rows.length;
  }
  return { datasets, values };
}
