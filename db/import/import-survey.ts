import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db, NewSurveyRespondent, NewSurveyResponse } from "../schema";
import { checkCellCount } from "./csv-header";
import { decimalCell } from "./cell-schemas";
import { csvRecords, type ImportSource } from "./import-source";
import { BatchWriter, runImport, type ImportOptions, type ImportSummary } from "./run-import";

/** An item's question text and category labels (for scores 0..m after recoding). */
export interface SurveyItemSpec {
  code: string;
  text?: string;
  categories?: string[];
}

/** Options of the survey kind (column names default to the README's). */
export interface SurveyOptions extends ImportOptions {
  instrument: { id: string; label?: string; description?: string | null };
  idColumn?: string;
  weightColumn?: string;
  strataColumn?: string;
  clusterColumn?: string;
  areaColumn?: string;
  groupColumn?: string;
  /** Item columns (codes, or specs with text and labels); default every column not named above. */
  items?: (string | SurveyItemSpec)[];
  /** Allowed scores; stored as score − min (0..m). Default min 0, no max. */
  scale?: { min: number; max?: number };
  /**
   * Key of the keyed hash that pseudonymises respondent ids. Without one a random key is used once
   * and forgotten, so the stored ids cannot be linked back to the file.
   */
  pseudonymKey?: string | Uint8Array;
}

/** An empty or blank form field / flag is the same as one not given. */
const blankAsAbsent = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const absentOr = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsAbsent, schema.optional());
const columnName = z.string().trim().min(1).max(200, { message: "a column name has at most 200 characters" });
const wholeNumber = z
  .string()
  .trim()
  .regex(/^[-+]?\d+$/, { message: "not a whole number" })
  .transform(Number)
  .pipe(z.number().int().gte(-1e6).lte(1e6, { message: "must lie in -1000000..1000000" }));

/**
 * The survey kind's options as text (the CLI's flags, the web form's fields), validated the same way
 * for both: instrument id required; blank optional fields count as not given.
 */
export const SurveyImportArgsSchema = z
  .object({
    instrument: z
      .string()
      .trim()
      .min(1, { message: "a survey needs an instrument id" })
      .max(100, { message: "an instrument id has at most 100 characters" })
      .regex(/^[\p{L}\p{N}_.:-]+$/u, {
        message: "an instrument id is letters, digits, '_', '.', ':' or '-' (no spaces)",
      }),
    label: absentOr(z.string().trim().max(200, { message: "a label has at most 200 characters" })),
    idColumn: absentOr(columnName),
    weightColumn: absentOr(columnName),
    strataColumn: absentOr(columnName),
    clusterColumn: absentOr(columnName),
    areaColumn: absentOr(columnName),
    groupColumn: absentOr(columnName),
    items: absentOr(
      z
        .string()
        .transform((s) => s.split(",").map((c) => c.trim()))
        .pipe(z.array(columnName).max(1000, { message: "at most 1000 items" })),
    ),
    scaleMin: absentOr(wholeNumber),
    scaleMax: absentOr(wholeNumber),
  })
  .refine((a) => a.scaleMax === undefined || a.scaleMax >= (a.scaleMin ?? 0), {
    path: ["scaleMax"],
    message: "the scale maximum is below its minimum",
  });
export type SurveyImportArgs = z.output<typeof SurveyImportArgsSchema>;

/** The {@link SurveyOptions} that validated {@link SurveyImportArgs} stand for. */
export function surveyOptionsFrom(
  a: SurveyImportArgs,
): Omit<SurveyOptions, keyof ImportOptions | "pseudonymKey"> {
  return {
    instrument: { id: a.instrument, ...(a.label !== undefined ? { label: a.label } : {}) },
    ...(a.idColumn !== undefined ? { idColumn: a.idColumn } : {}),
    ...(a.weightColumn !== undefined ? { weightColumn: a.weightColumn } : {}),
    ...(a.strataColumn !== undefined ? { strataColumn: a.strataColumn } : {}),
    ...(a.clusterColumn !== undefined ? { clusterColumn: a.clusterColumn } : {}),
    ...(a.areaColumn !== undefined ? { areaColumn: a.areaColumn } : {}),
    ...(a.groupColumn !== undefined ? { groupColumn: a.groupColumn } : {}),
    ...(a.items !== undefined ? { items: a.items } : {}),
    ...(a.scaleMin !== undefined || a.scaleMax !== undefined
      ? { scale: { min: a.scaleMin ?? 0, ...(a.scaleMax !== undefined ? { max: a.scaleMax } : {}) } }
      : {}),
  };
}

/** The pseudonym key the server is configured with (`LIVSVAL_PSEUDONYM_KEY`), if any. */
export function configuredPseudonymKey(): { pseudonymKey?: string } {
  const key = process.env.LIVSVAL_PSEUDONYM_KEY;
  return key ? { pseudonymKey: key } : {};
}

/** The stored id of a respondent: HMAC-SHA-256(key, instrument id ␀ raw id), 128 bits, hex. */
export function pseudonymise(key: string | Uint8Array, instrumentId: string, rawId: string): string {
  return (
    "r_" +
    createHmac("sha256", key).update(`${instrumentId}\u0000${rawId}`, "utf8").digest("hex").slice(0, 32)
  );
}

const weightCell = decimalCell.pipe(z.number().gt(0, { message: "a survey weight must be > 0" }));

/**
 * Import survey responses: an instrument, its items, pseudonymous respondents with their design
 * variables (weight, stratum, cluster, area, group) and one response per respondent × item
 * (null for a missing answer). Every cell is validated; item scores must be whole numbers in the scale.
 */
export async function importSurvey(
  db: Db,
  source: ImportSource,
  options: SurveyOptions,
): Promise<ImportSummary> {
  const key = options.pseudonymKey ?? randomBytes(32);
  const min = options.scale?.min ?? 0;
  const max = options.scale?.max;
  const instrumentId = options.instrument.id;
  return runImport(db, "survey", source, options, async ({ trx, datasetId, issues }) => {
    const add = issues.add.bind(issues);
    const design = {
      id: options.idColumn ?? "respondent",
      weight: options.weightColumn ?? "weight",
      stratum: options.strataColumn ?? "stratum",
      cluster: options.clusterColumn ?? "cluster",
      area: options.areaColumn ?? "area",
      group: options.groupColumn ?? "group",
    };
    const areas = new Set((await trx.selectFrom("areas").select("id").execute()).map((a) => a.id));
    const groups = new Set(
      (await trx.selectFrom("population_groups").select("code").execute()).map((g) => g.code),
    );
    if (
      await trx
        .selectFrom("survey_instruments")
        .select("id")
        .where("id", "=", instrumentId)
        .executeTakeFirst()
    ) {
      add(
        1,
        "",
        instrumentId,
        `survey instrument "${instrumentId}" already exists: give the import another instrument id`,
      );
      return { rows: 0, inserted: 0 };
    }
    let col: Record<keyof typeof design, number> | null = null;
    let items: { code: string; index: number; spec: SurveyItemSpec }[] = [];
    const observedMax = new Map<string, number>();
    let width = 0;
    let rows = 0;
    const seenIds = new Map<string, number>();
    const respondents = new BatchWriter<NewSurveyRespondent>(async (r) => {
      await trx.insertInto("survey_respondents").values(r).execute();
    });
    const responses = new BatchWriter<NewSurveyResponse>(async (r) => {
      await respondents.flush(); // responses reference their respondents
      await trx.insertInto("survey_responses").values(r).execute();
    });
    for await (const { line, cells } of csvRecords(source)) {
      if (col === null) {
        const header = cells.map((c) => c.trim());
        col = Object.fromEntries(
          Object.entries(design).map(([role, name]) => [role, header.indexOf(name)]),
        ) as Record<keyof typeof design, number>;
        if (col.id < 0) add(1, design.id, "", `missing column "${design.id}" (respondent id)`);
        if (col.weight < 0) add(1, design.weight, "", `missing column "${design.weight}" (survey weight)`);
        const designCols = new Set(Object.values(col).filter((i) => i >= 0));
        const specs = (options.items ?? header.filter((_, i) => !designCols.has(i))).map((s) =>
          typeof s === "string" ? { code: s } : s,
        );
        items = specs.map((spec) => ({ code: spec.code, index: header.indexOf(spec.code), spec }));
        for (const it of items) if (it.index < 0) add(1, it.code, "", `missing item column "${it.code}"`);
        if (items.length === 0) add(1, "", "", "no item columns");
        if (!issues.empty) return { rows: 0, inserted: 0 };
        width = cells.length;
        await trx
          .insertInto("survey_instruments")
          .values({
            id: instrumentId,
            label: options.instrument.label ?? instrumentId,
            description: options.instrument.description ?? null,
            dataset_id: datasetId,
          })
          .execute();
        await trx
          .insertInto("survey_items")
          .values(
            items.map((it, sort) => ({
              instrument_id: instrumentId,
              code: it.code,
              text: it.spec.text ?? it.code,
              categories: "[]",
              sort,
            })),
          )
          .execute();
        continue;
      }
      rows++;
      if (!checkCellCount(line, cells, width, issues)) continue;
      const cell = (i: number) => (i >= 0 ? cells[i]!.trim() : "");
      const rawId = cell(col.id);
      if (rawId === "") add(line, design.id, "", "empty respondent id");
      const weight = weightCell.safeParse(cell(col.weight));
      if (!weight.success) add(line, design.weight, cell(col.weight), weight.error.issues[0]!.message);
      const area = cell(col.area) || null;
      if (area !== null && !areas.has(area))
        add(line, design.area, area, "unknown area (not in the areas table)");
      const group = cell(col.group) || null;
      if (group !== null && !groups.has(group)) add(line, design.group, group, "unknown population group");
      if (rawId !== "") {
        const before = seenIds.get(rawId);
        if (before !== undefined)
          add(line, design.id, rawId, `duplicate respondent id: already on line ${before}`);
        else seenIds.set(rawId, line);
      }
      const scores: (number | null)[] = items.map((it) => {
        const raw = cells[it.index]!.trim();
        if (raw === "" || raw === "NA") return null;
        const v = Number(raw);
        if (!/^[-+]?\d+$/.test(raw) || v < min || (max !== undefined && v > max)) {
          add(line, it.code, raw, `not a whole-number score in ${min}..${max ?? "∞"}`);
          return null;
        }
        observedMax.set(it.code, Math.max(observedMax.get(it.code) ?? min, v));
        return v - min;
      });
      if (!issues.empty || !weight.success) continue;
      const id = pseudonymise(key, instrumentId, rawId);
      await respondents.add({
        id,
        instrument_id: instrumentId,
        weight: weight.data,
        stratum: cell(col.stratum) || null,
        cluster: cell(col.cluster) || null,
        area_id: area,
        group_code: group,
      });
      for (let k = 0; k < items.length; k++) {
        await responses.add({
          respondent_id: id,
          instrument_id: instrumentId,
          item_code: items[k]!.code,
          value: scores[k]!,
        });
      }
    }
    if (col === null) {
      add(1, "", "", "file has no header line");
      return { rows: 0, inserted: 0 };
    }
    await respondents.flush();
    await responses.flush();
    if (issues.empty) {
      for (const it of items) {
        const m = (max ?? observedMax.get(it.code) ?? min) - min;
        const labels = it.spec.categories ?? Array.from({ length: m + 1 }, (_, k) => String(k + min));
        await trx
          .updateTable("survey_items")
          .set({ categories: JSON.stringify(labels) })
          .where("instrument_id", "=", instrumentId)
          .where("code", "=", it.code)
          .execute();
      }
    }
    return {
      rows,
      inserted: respondents.written,
      details: { instrument: instrumentId, items: items.length, responses: responses.written },
    };
  });
}
