import { sql } from "kysely";
import { ageSexGroups } from "../../../db/import/population-groups";
import { DEMO_DIMENSIONS } from "../../../db/seed/demo-dimensions";
import type { Db } from "../../../db/schema";
import { ROLES, type Role } from "~/auth/policy";
import { installDb, signIn, type Session } from "../pages/harness";

export type Signed = Session;

/** Group populations of Helsingborg, 31 Dec 2019 (scenarios/demo/helsingborg-round.json, from SCB). */
const POPULATION: Record<string, number> = {
  age_0_19_f: 16856,
  age_0_19_m: 17912,
  age_20_44_f: 24115,
  age_20_44_m: 24809,
  age_45_64_f: 18334,
  age_45_64_m: 18112,
  age_65_79_f: 10592,
  age_65_79_m: 9774,
  age_80p_f: 4508,
  age_80p_m: 2722,
};

/**
 * A fresh in-memory database, migrated up, with the 15 dimensions, Helsingborg and its ten
 * age × sex segments, two synthetic indicators (life satisfaction 0–10, self-rated good health %)
 * observed for every group with a stated u, and one signed-in user per role. It becomes the app's
 * database (`getDb()`).
 */
export async function roundTestDb(): Promise<{ db: Db; users: Record<Role, Signed> }> {
  const db = await installDb();
  await db
    .insertInto("dimensions")
    .values([...DEMO_DIMENSIONS])
    .execute();
  await db
    .insertInto("areas")
    .values({ id: "1283", name: "Helsingborg", kind: "municipality", parent_id: null, synthetic: 0 })
    .execute();
  await db.insertInto("population_groups").values(ageSexGroups()).execute();
  await db
    .insertInto("segments")
    .values(
      Object.entries(POPULATION).map(([code, population]) => ({
        id: `1283:${code}`,
        area_id: "1283",
        group_code: code,
        period: "2019",
        population,
        dataset_id: null,
      })),
    )
    .execute();
  await db
    .insertInto("datasets")
    .values({
      id: "test-ds",
      source: "test fixture",
      licence: "CC0",
      retrieved: "2026-12-04",
      sha256: "b".repeat(64),
      kind: "observations",
      file_name: "fixture.csv",
      row_count: 0,
      synthetic: 1,
      note: "synthetic test data",
    })
    .execute();
  await db
    .insertInto("indicators")
    .values([
      {
        id: "life_satisfaction",
        dimension_id: "subjective_wellbeing",
        label: "Livstillfredsställelse (0–10)",
        unit: "poäng",
        direction: "higher",
        kind: "subjective",
        level: "individual",
        goal_lo: 0,
        goal_hi: 10,
        source: "test",
      },
      {
        id: "good_health",
        dimension_id: "health",
        label: "Gott självskattat hälsotillstånd",
        unit: "%",
        direction: "higher",
        kind: "subjective",
        level: "individual",
        goal_lo: 0,
        goal_hi: 100,
        source: "test",
      },
    ])
    .execute();
  const codes = Object.keys(POPULATION);
  await db
    .insertInto("observations")
    .values(
      codes.flatMap((code, i) => [
        {
          indicator_id: "life_satisfaction",
          area_id: "1283",
          group_code: code,
          period: "2023",
          value: 6.5 + 0.1 * i,
          u: 0.2,
          n: 200,
          dataset_id: "test-ds",
        },
        {
          indicator_id: "good_health",
          area_id: "1283",
          group_code: code,
          period: "2023",
          value: 80 - 3 * i,
          u: 2,
          n: 200,
          dataset_id: "test-ds",
        },
      ]),
    )
    .execute();
  const users = {} as Record<Role, Signed>;
  for (const role of ROLES) users[role] = await signIn(db, role);
  return { db, users };
}

/** A form post as a signed-in user (with the CSRF token unless overridden). */
export function post(
  url: string,
  user: Signed,
  fields: [string, string][] | Record<string, string>,
): Request {
  const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields));
  if (!body.has("csrf")) body.set("csrf", user.csrf);
  return new Request(url, { method: "POST", headers: { Cookie: user.cookie }, body });
}

/** A GET as a signed-in user. */
export function get(url: string, user: Signed): Request {
  return new Request(url, { headers: { Cookie: user.cookie } });
}

/** Calls a loader or action and returns its Response, thrown or returned (a plain value becomes 200 JSON). */
export async function call(
  fn: (args: never) => Promise<unknown>,
  request: Request,
  params: Record<string, string> = {},
): Promise<{ status: number; location: string | null; body: unknown }> {
  try {
    const r = await fn({ request, params, context: { cspNonce: "" } } as never);
    if (r instanceof Response)
      return { status: r.status, location: r.headers.get("Location"), body: await r.text() };
    // Remix's `data()` helper returns a DataWithResponseInit
    if (
      r &&
      typeof r === "object" &&
      "type" in r &&
      (r as { type: string }).type === "DataWithResponseInit"
    ) {
      const d = r as unknown as { data: unknown; init: { status?: number } | null };
      return { status: d.init?.status ?? 200, location: null, body: d.data };
    }
    return { status: 200, location: null, body: r };
  } catch (e) {
    if (e instanceof Response)
      return { status: e.status, location: e.headers.get("Location"), body: await e.text() };
    throw e;
  }
}

/** Row counts of every table but sessions: equal before and after means nothing was written. */
export async function tableCounts(db: Db): Promise<string> {
  const tables = (
    await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(
      db,
    )
  ).rows;
  const out: string[] = [];
  for (const { name } of tables) {
    if (name === "sessions") continue;
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    out.push(`${name}=${r.rows[0]!.n}`);
  }
  return out.join(",");
}
