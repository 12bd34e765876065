import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { createDb } from "../../../db/connection";
import { migrateToLatest } from "../../../db/migrate";
import { createSession, createUser } from "../../../db/repositories/user-repository";
import type { Db } from "../../../db/schema";
import type { Role } from "~/auth/policy";

/*
 * The pages' test harness: an in-memory SQLite migrated up and installed as the app's database, a few
 * reference rows, a signed-in session per role, and helpers to call loaders and actions with a Request.
 */

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

/** A fresh migrated in-memory database, installed as the one `getDb()` returns. */
export async function installDb(): Promise<Db> {
  const db = createDb(":memory:");
  globalThis.__livsvalDb = db;
  await migrateToLatest(db, () => {});
  return db;
}

/** A user of the role with a session; the cookie is Remix's unsigned encoding (base64 of the JSON). */
export async function signIn(db: Db, role: Role): Promise<Session> {
  const user = await createUser(db, { username: `p-${role}`, password_hash: "x", role });
  const s = await createSession(db, { user_id: user.id, expires_at: "2999-01-01T00:00:00.000Z" });
  const value = Buffer.from(JSON.stringify(s.id), "utf8").toString("base64");
  return { cookie: `livsval_session=${encodeURIComponent(value)}`, csrf: s.csrf_token, userId: user.id };
}

/**
 * Helsingborg with two age × sex segments, three dimensions, four indicators and one dataset; one
 * observation rests on n = 7 respondents (below the disclosure threshold of 10).
 */
export async function seedReference(db: Db): Promise<void> {
  await db
    .insertInto("areas")
    .values([
      { id: "1283", name: "Helsingborg", kind: "municipality", parent_id: null, synthetic: 0 },
      { id: "0000", name: "Riket", kind: "municipality", parent_id: null, synthetic: 0 },
    ])
    .execute();
  await db
    .insertInto("population_groups")
    .values([
      { code: "age_20_44_f", dimension: "age_sex", label: "Kvinnor 20–44 år" },
      { code: "age_20_44_m", dimension: "age_sex", label: "Män 20–44 år" },
    ])
    .execute();
  await db
    .insertInto("segments")
    .values([
      {
        id: "1283:age_20_44_f",
        area_id: "1283",
        group_code: "age_20_44_f",
        period: "2019",
        population: 3000,
        dataset_id: null,
      },
      {
        id: "1283:age_20_44_m",
        area_id: "1283",
        group_code: "age_20_44_m",
        period: "2019",
        population: 1000,
        dataset_id: null,
      },
    ])
    .execute();
  await db
    .insertInto("dimensions")
    .values([
      { id: "health", label_sv: "hälsa", label_en: "health", kind: "current", sort: 4 },
      { id: "safety", label_sv: "trygghet och säkerhet", label_en: "safety", kind: "current", sort: 8 },
      {
        id: "subjective_wellbeing",
        label_sv: "subjektivt välbefinnande",
        label_en: "subjective well-being",
        kind: "current",
        sort: 7,
      },
    ])
    .execute();
  const indicator = (
    id: string,
    dimension_id: string,
    kind: "objective" | "subjective",
    lo: number,
    hi: number,
  ) => ({
    id,
    dimension_id,
    label: `Indikator ${id}`,
    unit: "poäng",
    direction: "higher" as const,
    kind,
    level: "individual" as const,
    goal_lo: lo,
    goal_hi: hi,
    source: "test",
  });
  await db
    .insertInto("indicators")
    .values([
      indicator("health_a", "health", "objective", 0, 100),
      indicator("safety_a", "safety", "subjective", 0, 100),
      indicator("swb_a", "subjective_wellbeing", "subjective", 0, 10),
      indicator("small_cells", "safety", "subjective", 0, 100),
    ])
    .execute();
  await db
    .insertInto("datasets")
    .values({
      id: "ds_test",
      source: "test fixture",
      licence: "CC0",
      retrieved: "2026-12-04",
      sha256: "ab".repeat(32),
      kind: "observations",
      file_name: "obs.csv",
      row_count: 0,
      synthetic: 1,
      note: null,
    })
    .execute();
  const obs = (
    indicator_id: string,
    group_code: string | null,
    value: number,
    u: number,
    n: number | null,
    period = "2019",
  ) => ({ indicator_id, area_id: "1283", group_code, period, value, u, n, dataset_id: "ds_test" });
  await db
    .insertInto("observations")
    .values([
      obs("health_a", null, 60, 2, 500),
      obs("health_a", "age_20_44_f", 80, 4, 300),
      obs("health_a", "age_20_44_m", 40, 3, 200),
      obs("safety_a", null, 50, 1, 500),
      obs("safety_a", "age_20_44_f", 60, 2, 300),
      obs("safety_a", "age_20_44_m", 20, 2, 200),
      obs("swb_a", null, 7, 0.1, 500),
      obs("small_cells", null, 41.5, 3.3, 7),
      obs("small_cells", null, 39, 2, 120, "2018"),
    ])
    .execute();
}

/** A GET request as a signed-in user. */
export function get(url: string, session?: Session): Request {
  return new Request(`http://localhost${url}`, { headers: session ? { Cookie: session.cookie } : {} });
}

/** A POST of form fields (urlencoded, or multipart when a File is among them) with the session's CSRF token. */
export function post(url: string, session: Session, fields: Record<string, string | File>): Request {
  const hasFile = Object.values(fields).some((v) => typeof v !== "string");
  const headers = { Cookie: session.cookie };
  if (hasFile) {
    const form = new FormData();
    form.set("csrf", session.csrf);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return new Request(`http://localhost${url}`, { method: "POST", headers, body: form });
  }
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers,
    body: new URLSearchParams({ csrf: session.csrf, ...(fields as Record<string, string>) }),
  });
}

/** Status and body of what a loader or action returned (a Response, `data()` or a plain value). */
export async function outcome(
  result: unknown,
): Promise<{ status: number; body: unknown; location: string | null }> {
  if (result instanceof Response) {
    const text = await result.text();
    return { status: result.status, body: text, location: result.headers.get("Location") };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const d = result as { data: unknown; init: { status?: number } | null };
    return { status: d.init?.status ?? 200, body: d.data, location: null };
  }
  return { status: 200, body: result, location: null };
}

/** Call a loader or action, turning a thrown Response into its outcome. */
export async function call(
  fn: (args: LoaderFunctionArgs) => unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<{ status: number; body: unknown; location: string | null }> {
  try {
    return await outcome(await fn({ request, params, context: {} as AppLoadContext }));
  } catch (e) {
    if (e instanceof Response) return outcome(e);
    throw e;
  }
}

/** Row counts of the tables the pages write. */
export async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [
    "datasets",
    "observations",
    "interventions",
    "intervention_effects",
    "scenarios",
    "rule_sets",
    "audit_events",
  ] as const) {
    const r = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}
