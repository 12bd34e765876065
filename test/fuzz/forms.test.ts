import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../db/repositories/user-repository";
import { DEMO_ROUND_ID, seedDemoRound } from "../../db/seed/demo-round";
import type { Db } from "../../db/schema";
import { call, roundTestDb, tableCounts, type Signed } from "../app/rounds/support";
import { can, ROLES, type Role } from "~/auth/policy";
import { ROUTE_PERMISSIONS } from "~/auth/route-permissions";
import { STEPS } from "~/components/round/steps";
import { JUNK_CELLS } from "./support/csv-fuzz";
import { fuzzOptions } from "./support/fuzz-config";

// Form fuzz (issue 6, point 5): every route module with an action (listed when the test runs) gets
// random form bodies — random and real field names, junk and 1 MB values, a missing or wrong CSRF
// token, unknown intents — from a signed-in user whose role may act. Each answer is a redirect, a
// 4xx with a message, or a 200 re-render; never a 500 or a thrown error; nothing is written on a 4xx.

type Handler = (args: never) => Promise<unknown>;
const routesDir = path.resolve(import.meta.dirname, "../../app/routes");
const modules = import.meta.glob<{ action?: Handler }>("../../app/routes/*.{ts,tsx}");

/** Field names and intent values the app's forms use, read from its source (so new forms are covered). */
function formVocabulary(): { names: string[]; values: string[] } {
  const names = new Set<string>(["csrf", "intent", "version"]);
  const values = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) {
        const text = readFileSync(p, "utf8");
        for (const m of text.matchAll(/name="([^"$]+)"/g)) names.add(m[1]!);
        for (const m of text.matchAll(/value="([a-z-]+)"/g)) values.add(m[1]!);
      }
    }
  };
  walk(path.resolve(import.meta.dirname, "../../app"));
  for (const k of [
    "cost.type",
    "cost.min",
    "cost.mode",
    "cost.max",
    "effects[0].segment",
    "effects[0].dimension",
    "effects[0].reach",
    "effects[0].change.type",
    "effects[0].change.mean",
    "effects[0].change.sd",
  ])
    names.add(k);
  return { names: [...names], values: [...values] };
}

const vocabulary = formVocabulary();

const value: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...JUNK_CELLS) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ...vocabulary.values,
      "drop-table",
      "",
      "save",
      "1283:age_20_44_f",
      "health",
      DEMO_ROUND_ID,
    ),
  },
  { weight: 3, arbitrary: fc.string({ maxLength: 30, unit: "grapheme" }) },
  { weight: 2, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.nat({ max: 1024 * 1024 }).map((n) => "å".repeat(n)) },
  { weight: 1, arbitrary: fc.constant("x".repeat(1024 * 1024)) },
);

/** A form: fields from the app's vocabulary and random names, csrf right, wrong or missing. */
const form = fc.record({
  fields: fc.array(
    fc.tuple(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...vocabulary.names) },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      ),
      value,
    ),
    { maxLength: 12 },
  ),
  csrf: fc.constantFrom("right", "right", "right", "wrong", "missing"),
  step: fc.constantFrom(...STEPS, "nope", ""),
  multipart: fc.boolean(),
});

type Form = typeof form extends fc.Arbitrary<infer T> ? T : never;

function request(url: string, user: Signed, f: Form): Request {
  const entries: [string, string][] = f.fields.filter(([k]) => k !== "csrf");
  if (f.csrf !== "missing") entries.unshift(["csrf", f.csrf === "right" ? user.csrf : "not-the-token"]);
  const headers = { Cookie: user.cookie };
  if (f.multipart) {
    const body = new FormData();
    for (const [k, v] of entries) body.append(k, v);
    body.append("file", new File([f.fields.map(([, v]) => v).join(",")], "upload.csv", { type: "text/csv" }));
    return new Request(url, { method: "POST", headers, body });
  }
  return new Request(url, { method: "POST", headers, body: new URLSearchParams(entries) });
}

/** A new session for the user (posting to logout ends the one it is sent with). */
async function freshSession(user: Signed): Promise<Signed> {
  const s = await createSession(db, { user_id: user.userId, expires_at: "2999-01-01T00:00:00.000Z" });
  const cookie = Buffer.from(JSON.stringify(s.id), "utf8").toString("base64");
  return { cookie: `livsval_session=${encodeURIComponent(cookie)}`, csrf: s.csrf_token, userId: user.userId };
}

let db: Db;
let users: Record<Role, Signed>;
let params: Record<string, string>;
beforeAll(async () => {
  ({ db, users } = await roundTestDb());
  await seedDemoRound(db, { now: "2026-12-04T20:00:00.000Z" });
  const iv = await db.selectFrom("interventions").select("id").orderBy("id").executeTakeFirst();
  params = {
    roundId: DEMO_ROUND_ID,
    interventionId: iv?.id ?? "none",
    scenarioId: "equal",
    ruleSetId: "helsingborg-2026",
  };
});
afterAll(async () => {
  await db.destroy();
});

const actionFiles = readdirSync(routesDir).filter(
  (f) =>
    /\.(ts|tsx)$/.test(f) &&
    /export (async function|const) action\b/.test(readFileSync(path.join(routesDir, f), "utf8")),
);

describe("fuzzing the forms", () => {
  it("finds the route modules with an action", () => {
    expect(actionFiles.length).toBeGreaterThan(0);
  });

  it.each(actionFiles)(
    "%s answers random posts with a redirect, a 4xx with a message or a re-render, never a 500",
    async (file) => {
      const mod = await modules[`../../app/routes/${file}`]!();
      const permission = ROUTE_PERMISSIONS[file]?.action;
      const role =
        permission === undefined || permission === "public" ? "admin" : ROLES.find((r) => can(r, permission));
      expect(role, `no role may post to ${file}`).toBeDefined();
      const user = users[role!];
      const routeParams = Object.fromEntries(
        [...file.matchAll(/\$(\w+)/g)].map(([, name]) => [name!, params[name!] ?? "no-such-id"]),
      );
      const url = `http://localhost/${file
        .replace(/\.(ts|tsx)$/, "")
        .replace(/\$(\w+)/g, (_, n: string) => routeParams[n]!)
        .replace(/\./g, "/")
        .replace(/_index$/, "")}`;
      await fc.assert(
        fc.asyncProperty(form, async (f) => {
          const poster = file === "logout.tsx" ? await freshSession(user) : user;
          const before = await tableCounts(db);
          const r = await call(mod.action!, request(`${url}?step=${f.step}`, poster, f), routeParams);
          expect(r.status, JSON.stringify(r.body)?.slice(0, 300)).toBeLessThan(500);
          if (r.status >= 300 && r.status < 400) expect(r.location).toBeTruthy();
          if (r.status >= 400) {
            expect(JSON.stringify(r.body ?? "").length, "a 4xx says why").toBeGreaterThan(2);
            // a refused sign-in may record the attempt (throttling); nothing else is written on a 4xx
            if (file !== "login.tsx") expect(await tableCounts(db)).toBe(before);
          }
          if (f.csrf !== "right" && file !== "login.tsx") expect(r.status).toBeGreaterThanOrEqual(400);
        }),
        fuzzOptions(0xf0f, 20),
      );
    },
  );
});
