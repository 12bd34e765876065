import { z } from "zod";
import type { Db, NewSurveyInstrument, SurveyInstrument, SurveyItem, SurveyRespondent } from "../schema";
import { parseJsonColumn } from "./json-column";
import { chunkForInsert, inTransaction } from "./transaction";

const CategoriesSchema = z.array(z.string());

/** A survey item with its category labels (for scores 0..m) parsed. */
export type SurveyItemRecord = Omit<SurveyItem, "categories"> & { categories: string[] };

/** An item to store; `sort` defaults to its position in the list. */
export interface SurveyItemInput {
  code: string;
  text: string;
  categories: readonly string[];
  sort?: number;
}

/**
 * Store an instrument and its items in one transaction (the instrument must be new; items are
 * inserted in the order given).
 */
export async function saveSurveyInstrument(
  db: Db,
  instrument: NewSurveyInstrument,
  items: readonly SurveyItemInput[],
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.insertInto("survey_instruments").values(instrument).execute();
    const rows = items.map((item, i) => ({
      instrument_id: instrument.id,
      code: item.code,
      text: item.text,
      categories: JSON.stringify(CategoriesSchema.parse(item.categories)),
      sort: item.sort ?? i,
    }));
    for (const chunk of chunkForInsert(rows, 5)) await trx.insertInto("survey_items").values(chunk).execute();
  });
}

/** An instrument with its items in order, or null. */
export async function findSurveyInstrument(
  db: Db,
  id: string,
): Promise<{ instrument: SurveyInstrument; items: SurveyItemRecord[] } | null> {
  const instrument = await db
    .selectFrom("survey_instruments")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!instrument) return null;
  const items = await db
    .selectFrom("survey_items")
    .selectAll()
    .where("instrument_id", "=", id)
    .orderBy("sort")
    .orderBy("code")
    .execute();
  return {
    instrument,
    items: items.map((item) => ({
      ...item,
      categories: parseJsonColumn(item.categories, CategoriesSchema),
    })),
  };
}

export async function listSurveyInstruments(db: Db): Promise<SurveyInstrument[]> {
  return db.selectFrom("survey_instruments").selectAll().orderBy("id").execute();
}

/** A respondent to store with the answers by item code (null or absent: missing). */
export interface SurveyRespondentInput {
  id: string;
  weight?: number;
  stratum?: string | null;
  cluster?: string | null;
  area_id?: string | null;
  group_code?: string | null;
  responses: Readonly<Record<string, number | null>>;
}

/**
 * Store respondents of an instrument and their answers in one transaction (all or nothing). An answer
 * to an item the instrument does not have fails the call.
 * @returns the number of respondents and of answers stored
 */
export async function insertSurveyRespondents(
  db: Db,
  instrumentId: string,
  respondents: readonly SurveyRespondentInput[],
): Promise<{ respondents: number; responses: number }> {
  const people = respondents.map((r) => ({
    id: r.id,
    instrument_id: instrumentId,
    weight: r.weight ?? 1,
    stratum: r.stratum ?? null,
    cluster: r.cluster ?? null,
    area_id: r.area_id ?? null,
    group_code: r.group_code ?? null,
  }));
  const answers = respondents.flatMap((r) =>
    Object.entries(r.responses).map(([item_code, value]) => ({
      respondent_id: r.id,
      instrument_id: instrumentId,
      item_code,
      value,
    })),
  );
  await inTransaction(db, async (trx) => {
    for (const chunk of chunkForInsert(people, 7))
      await trx.insertInto("survey_respondents").values(chunk).execute();
    for (const chunk of chunkForInsert(answers, 4))
      await trx.insertInto("survey_responses").values(chunk).execute();
  });
  return { respondents: people.length, responses: answers.length };
}

/** An instrument's responses as a respondents × items matrix (null where missing). */
export interface SurveyResponseMatrix {
  items: string[];
  respondents: (SurveyRespondent & { values: (number | null)[] })[];
}

/**
 * All responses to an instrument, one row per respondent (ordered by id), one column per item (in item
 * order), ready for survey estimation or Rasch calibration. Optionally only respondents of one area.
 */
export async function loadSurveyResponses(
  db: Db,
  instrumentId: string,
  filter: { areaId?: string } = {},
): Promise<SurveyResponseMatrix> {
  const items = (
    await db
      .selectFrom("survey_items")
      .select("code")
      .where("instrument_id", "=", instrumentId)
      .orderBy("sort")
      .orderBy("code")
      .execute()
  ).map((i) => i.code);
  const column = new Map(items.map((code, i) => [code, i]));
  let people = db.selectFrom("survey_respondents").selectAll().where("instrument_id", "=", instrumentId);
  if (filter.areaId !== undefined) people = people.where("area_id", "=", filter.areaId);
  const respondents = (await people.orderBy("id").execute()).map((r) => ({
    ...r,
    values: items.map((): number | null => null),
  }));
  const row = new Map(respondents.map((r) => [r.id, r]));
  const answers = await db
    .selectFrom("survey_responses")
    .select(["respondent_id", "item_code", "value"])
    .where("instrument_id", "=", instrumentId)
    .execute();
  for (const a of answers) {
    const r = row.get(a.respondent_id);
    if (r) r.values[column.get(a.item_code)!] = a.value;
  }
  return { items, respondents };
}
