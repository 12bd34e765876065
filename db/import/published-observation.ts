import type { NewObservation } from "../schema";
import { assumedUncertainty, assumedUncertaintyNote } from "./assumed-uncertainty";
import type { ImportOptions } from "./run-import";

/** An observation's key as the import kinds carry it. */
export interface ObservationKeyFields {
  indicator: string;
  area: string;
  group: string | null;
  period: string;
}

/**
 * The stored row for a value a publisher released without an uncertainty or sample size (Kolada,
 * OECD): u stays unknown (null) unless the caller states an assumption (`assumedRelativeU`), in which
 * case {@link assumedUncertainty} of the value as written is used.
 */
export function publishedObservation(
  key: ObservationKeyFields,
  written: string,
  value: number,
  datasetId: string,
  assumedRelativeU: number | undefined,
): NewObservation {
  return {
    indicator_id: key.indicator,
    area_id: key.area,
    group_code: key.group,
    period: key.period,
    value,
    u: assumedRelativeU === undefined ? null : assumedUncertainty(written, value, assumedRelativeU),
    n: null,
    dataset_id: datasetId,
  };
}

/** Options with the assumed-uncertainty sentence appended to the dataset note when one is assumed. */
export function withAssumptionNote<T extends ImportOptions & { assumedRelativeU?: number }>(options: T): T {
  if (options.assumedRelativeU === undefined) return options;
  const note = [options.provenance?.note, assumedUncertaintyNote(options.assumedRelativeU)]
    .filter(Boolean)
    .join(" ");
  return { ...options, provenance: { ...options.provenance, note } };
}
